//! The read-only probe (`src/bin/probe.rs`) run as a process against a
//! local stand-in for a school, built from `schema/mindz.yaml`: every GET
//! answers a record that conforms, every OPTIONS answers what Django REST
//! framework would, and `/v2/doc/?format=openapi` serves the schema. Each
//! test changes the school in one way and checks what the probe reports,
//! and what it sent.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Map, Value, json};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate, matchers::any};

/// The schema the stand-in school is probed against, as a file and parsed:
/// `schema/mindz.yaml` without what the school's deviations would correct,
/// so that the tests keep their meaning once a maintainer has applied this
/// school's report (`cargo xtask apply-probe`) to the real schema.
fn base() -> &'static (String, Value) {
    static BASE: std::sync::OnceLock<(String, Value)> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        let real = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/mindz.yaml");
        let mut doc: Value =
            serde_yaml_ng::from_str(&std::fs::read_to_string(real).unwrap()).unwrap();
        strip_the_schools_corrections(&mut doc);
        let path = temp("base").join("mindz.yaml");
        std::fs::write(&path, serde_yaml_ng::to_string(&doc).unwrap()).unwrap();
        (path.to_string_lossy().into_owned(), doc)
    })
}

/// The path of [`base`]'s file.
fn base_schema() -> &'static str {
    &base().0
}

/// Takes out of `doc` every correction the stand-in school's report
/// carries ([`stock_school`]), and marks no operation confirmed.
fn strip_the_schools_corrections(doc: &mut Value) {
    let schemas = &mut doc["components"]["schemas"];
    if let Some(props) = schemas["User"]["properties"].as_object_mut() {
        props.remove("nickname");
    }
    for (schema, field) in [
        ("UserCreate", "x-mindz-max-length"),
        ("Course", "x-mindz-json-number"),
    ] {
        for prop in schemas[schema]["properties"]
            .as_object_mut()
            .into_iter()
            .flat_map(|p| p.values_mut())
        {
            if let Some(prop) = prop.as_object_mut() {
                prop.remove(field);
            }
        }
    }
    if let Some(user) = schemas["TeamMember"]["properties"]["user"].as_object_mut() {
        user.remove("nullable");
    }
    if let Some(values) = schemas["MindzPayPaymentStatus"]["enum"].as_array_mut() {
        values.retain(|v| v != "refunded_partially");
    }
    let create = &mut schemas["CourseCreate"];
    if let Some(props) = create["properties"].as_object_mut() {
        props.remove("category_code");
    }
    if let Some(required) = create["required"].as_array_mut() {
        required.retain(|v| v != "category_code");
    }
    for item in doc["paths"].as_object_mut().unwrap().values_mut() {
        for op in item.as_object_mut().unwrap().values_mut() {
            if op
                .get("x-mindz-confidence")
                .is_some_and(|c| c == "confirmed")
            {
                op["x-mindz-confidence"] = json!("inferred");
            }
        }
    }
}

fn schema() -> Value {
    base().1.clone()
}

fn deref<'a>(doc: &'a Value, mut v: &'a Value) -> &'a Value {
    while let Some(r) = v.get("$ref").and_then(Value::as_str) {
        v = doc.pointer(&r[1..]).unwrap();
    }
    v
}

/// A conforming instance of `schema`: every property, no nulls, the
/// schema's `example` where it gives one.
fn example(doc: &Value, schema: &Value) -> Value {
    let s = deref(doc, schema);
    if let Some([only]) = s.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
        return example(doc, only);
    }
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        return values
            .iter()
            .find(|v| !v.is_null())
            .cloned()
            .unwrap_or(Value::Null);
    }
    if let Some(value) = s.get("example") {
        return value.clone();
    }
    let format = s.get("format").and_then(Value::as_str).unwrap_or("");
    match s.get("type").and_then(Value::as_str) {
        Some("array") => json!([example(doc, &s["items"])]),
        Some("integer") => json!(1),
        Some("number") => json!(1.5),
        Some("boolean") => json!(true),
        Some("string") => json!(match format {
            "date-time" => "2024-05-01T12:00:00Z",
            "date" => "2024-05-01",
            "email" => "ana@example.com",
            "uri" => "https://example.com/a",
            _ => "text",
        }),
        _ => {
            let mut out = Map::new();
            for (name, prop) in s
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                if deref(doc, prop).get("writeOnly").and_then(Value::as_bool) != Some(true) {
                    out.insert(name.clone(), example(doc, prop));
                }
            }
            Value::Object(out)
        }
    }
}

/// What DRF's SimpleMetadata says of the fields of a request body.
fn drf_fields(doc: &Value, body: &Value) -> Value {
    let s = deref(doc, body);
    let required: Vec<&str> = s["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut out = Map::new();
    for (name, prop) in s["properties"].as_object().into_iter().flatten() {
        let mut p = deref(doc, prop);
        if let Some([only]) = p.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
            p = deref(doc, only);
        }
        let read_only = p.get("readOnly").and_then(Value::as_bool) == Some(true)
            || prop.get("readOnly").and_then(Value::as_bool) == Some(true);
        let kind = if p.get("enum").is_some() {
            "choice"
        } else {
            match (
                p.get("type").and_then(Value::as_str),
                p.get("format").and_then(Value::as_str),
            ) {
                (Some("integer"), _) => "integer",
                (Some("number"), _) => "float",
                (Some("boolean"), _) => "boolean",
                (Some("array"), _) => "list",
                (Some("object"), _) => "nested object",
                (Some("string"), Some("date-time")) => "datetime",
                (Some("string"), Some("date")) => "date",
                (Some("string"), Some("email")) => "email",
                (Some("string"), Some("uri")) => "url",
                (Some("string"), _) => "string",
                _ => "field",
            }
        };
        let mut field = json!({"type": kind, "required": required.contains(&name.as_str()), "read_only": read_only, "label": "Label"});
        if let Some(max) = p.get("maxLength") {
            field["max_length"] = max.clone();
        }
        if let Some(values) = p.get("enum").and_then(Value::as_array) {
            field["choices"] = values
                .iter()
                .filter(|v| !v.is_null())
                .map(|v| json!({"value": v, "display_name": "Shown"}))
                .collect();
        }
        out.insert(name.clone(), field);
    }
    Value::Object(out)
}

/// One request as the school saw it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    at: Instant,
    authorization: Option<String>,
}

type Drift = Box<dyn Fn(&str, &str, &mut Value) -> Option<ResponseTemplate> + Send + Sync>;

/// The stand-in school.
struct School {
    doc: Value,
    seen: Arc<Mutex<Vec<Seen>>>,
    /// (method, path template, answer) -> a replacement answer.
    drift: Drift,
    /// The served API document.
    api_document: Value,
}

fn matches(template: &str, path: &str) -> bool {
    let t: Vec<&str> = template.split('/').collect();
    let p: Vec<&str> = path.split('/').collect();
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(t, p)| t == p || (t.starts_with('{') && !p.is_empty()))
}

fn html_404() -> ResponseTemplate {
    ResponseTemplate::new(404).set_body_raw("<h1>Not Found</h1>", "text/html")
}

impl Respond for School {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let method = request.method.as_str().to_string();
        let path = request.url.path().to_string();
        self.seen.lock().unwrap().push(Seen {
            method: method.clone(),
            path: path.clone(),
            at: Instant::now(),
            authorization: request
                .headers
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
        });
        if method == "POST" && path == "/o/token/" {
            return ResponseTemplate::new(200).set_body_json(
                json!({"access_token": "tok-1", "token_type": "Bearer", "expires_in": 3600}),
            );
        }
        if method == "GET" && path == "/v2/doc/" && request.url.query() == Some("format=openapi") {
            return ResponseTemplate::new(200).set_body_json(self.api_document.clone());
        }
        let paths = self.doc["paths"].as_object().unwrap();
        let Some((template, item)) = paths.iter().find(|(t, _)| matches(t, &path)) else {
            return html_404();
        };
        let answer = match method.as_str() {
            "GET" => {
                let Some(op) = item.get("get") else {
                    return ResponseTemplate::new(405)
                        .set_body_json(json!({"detail": "Method \"GET\" not allowed."}));
                };
                let ok = &op["responses"]["200"];
                let schema = &deref(&self.doc, ok)["content"]["application/json"]["schema"];
                example(&self.doc, schema)
            }
            "OPTIONS" => {
                let methods: Vec<String> = item
                    .as_object()
                    .unwrap()
                    .keys()
                    .map(|m| m.to_uppercase())
                    .chain(["OPTIONS".to_string()])
                    .collect();
                let mut actions = Map::new();
                for m in ["post", "put"] {
                    if let Some(op) = item.get(m) {
                        let body = &deref(&self.doc, &op["requestBody"])["content"]["application/json"]
                            ["schema"];
                        actions.insert(m.to_uppercase(), drf_fields(&self.doc, body));
                    }
                }
                let mut body = json!({"name": "View", "description": "", "renders": ["application/json"], "parses": ["application/json"]});
                if !actions.is_empty() {
                    body["actions"] = Value::Object(actions);
                }
                let mut answer = body;
                if let Some(replaced) = (self.drift)(&method, template, &mut answer) {
                    return replaced;
                }
                return ResponseTemplate::new(200)
                    .insert_header("allow", methods.join(", ").as_str())
                    .set_body_json(answer);
            }
            _ => return ResponseTemplate::new(405).set_body_json(json!({"detail": "not allowed"})),
        };
        let mut answer = answer;
        if let Some(replaced) = (self.drift)(&method, template, &mut answer) {
            return replaced;
        }
        ResponseTemplate::new(200).set_body_json(answer)
    }
}

struct Run {
    status: std::process::ExitStatus,
    stdout: String,
    report: Value,
    seen: Vec<Seen>,
    elapsed: Duration,
}

async fn start(drift: Drift, api_document: Value) -> (MockServer, Arc<Mutex<Vec<Seen>>>) {
    let server = MockServer::start().await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let school = School {
        doc: schema(),
        seen: seen.clone(),
        drift,
        api_document,
    };
    Mock::given(any()).respond_with(school).mount(&server).await;
    (server, seen)
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mindz-probe-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn probe(
    server: &MockServer,
    seen: &Arc<Mutex<Vec<Seen>>>,
    args: &[&str],
    env: &[(&str, &str)],
    name: &str,
) -> Run {
    let json = temp(name).join("report.json");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_probe"));
    command
        .args(["--schema", base_schema(), "--json"])
        .arg(&json)
        .args(args)
        .env_remove("MINDZ_EAD_ID")
        .env_remove("MINDZ_APP_ID")
        .env_remove("MINDZ_API_KEY")
        .env_remove("MINDZ_ACCESS_TOKEN")
        .env_remove("MINDZ_TOKEN_URL")
        .env("MINDZ_BASE_URL", server.uri());
    for (k, v) in env {
        command.env(k, v);
    }
    let started = Instant::now();
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .unwrap()
        .unwrap();
    let elapsed = started.elapsed();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let report = std::fs::read_to_string(&json)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    Run {
        status: output.status,
        stdout,
        report,
        seen: seen.lock().unwrap().clone(),
        elapsed,
    }
}

fn no_drift() -> Drift {
    Box::new(|_, _, _| None)
}

/// (operation id, status) of every operation whose status is not `confirmed`.
fn not_confirmed(report: &Value) -> Vec<(String, String)> {
    report["operations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["status"] != "confirmed")
        .map(|o| {
            (
                o["operation_id"].as_str().unwrap().to_string(),
                o["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn findings(report: &Value) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    for op in report["operations"].as_array().unwrap() {
        for f in op["findings"].as_array().unwrap() {
            out.push((
                op["operation_id"].as_str().unwrap().to_string(),
                f["kind"].as_str().unwrap().to_string(),
                f["pointer"].as_str().unwrap().to_string(),
                f["schema_pointer"].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    for f in report["document"]["findings"]
        .as_array()
        .into_iter()
        .flatten()
    {
        out.push((
            "(school document)".to_string(),
            f["kind"].as_str().unwrap().to_string(),
            f["pointer"].as_str().unwrap().to_string(),
            f["schema_pointer"].as_str().unwrap_or("").to_string(),
        ));
    }
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn a_school_that_matches_the_schema_confirms_every_operation() {
    let (server, seen) = start(no_drift(), schema()).await;
    let run = probe(
        &server,
        &seen,
        &["--rate", "100", "--strict"],
        &[("MINDZ_ACCESS_TOKEN", "tok-0")],
        "clean",
    )
    .await;
    assert!(run.status.success(), "{}", run.stdout);
    assert_eq!(not_confirmed(&run.report), vec![], "{}", run.stdout);
    assert_eq!(findings(&run.report), vec![]);
    assert_eq!(run.report["document"]["source"], "/v2/doc/?format=openapi");
}

#[tokio::test(flavor = "multi_thread")]
async fn each_drift_is_reported_with_its_pointers_and_nothing_else() {
    let drift: Drift = Box::new(|method, template, answer| {
        match (method, template) {
            // A route removed.
            ("GET", "/public/v1/stats/") => return Some(html_404()),
            // A field added, and a non-nullable null.
            ("GET", "/v2/users/{user_id}/") => {
                answer["nickname"] = json!("SECRET-NICKNAME");
                answer["first_name"] = Value::Null;
            }
            // A field of the wrong type.
            ("GET", "/v2/courses/{course_id}/") => answer["name"] = json!(424242),
            // An enum value the schema lacks.
            ("GET", "/v2/mindzpay/accounts/{account_id}/payments/{payment_id}/") => {
                answer["status"] = json!("SECRET-STATUS")
            }
            // OPTIONS whose required fields differ.
            ("OPTIONS", "/v2/users/") => {
                answer["actions"]["POST"]["email"]["required"] = json!(false)
            }
            _ => {}
        }
        None
    });
    let mut api_document = schema();
    api_document["paths"]["/v2/secret-reports/"] =
        json!({"get": {"operationId": "reports", "responses": {"200": {"description": "ok"}}}});
    let (server, seen) = start(drift, api_document).await;
    let run = probe(
        &server,
        &seen,
        &["--rate", "100"],
        &[("MINDZ_ACCESS_TOKEN", "tok-0")],
        "drift",
    )
    .await;
    assert!(
        !run.status.success(),
        "drift fails the probe: {}",
        run.stdout
    );
    println!("{}", run.stdout);
    let s = |p: &str| format!("schema/mindz.yaml#/components/schemas/{p}");
    let o = |a: &str, b: &str, c: &str, d: String| (a.to_string(), b.to_string(), c.to_string(), d);
    let mut want = vec![
        o(
            "course_get",
            "wrong_type",
            "/name",
            s("Course/properties/name"),
        ),
        o(
            "mindzpay_payment_get",
            "unknown_enum_value",
            "/status",
            s("MindzPayPaymentStatus"),
        ),
        o(
            "user_create",
            "required_mismatch",
            "/actions/POST/email/required",
            s("UserCreate/properties/email"),
        ),
        o(
            "user_get",
            "null_not_allowed",
            "/first_name",
            s("User/properties/first_name"),
        ),
        o("user_get", "unknown_field", "/nickname", s("User")),
        o(
            "(school document)",
            "operation_not_in_schema",
            "/paths/~1v2~1secret-reports~1/get",
            "schema/mindz.yaml#/paths".to_string(),
        ),
    ];
    want.sort();
    assert_eq!(findings(&run.report), want);
    let mut statuses = not_confirmed(&run.report);
    statuses.retain(|(_, s)| s != "skipped");
    statuses.sort();
    let mut want = vec![
        ("course_get", "drift"),
        ("mindzpay_payment_get", "refine"),
        ("public_stats_get", "absent"),
        // The school makes email optional: the SDK still sends it.
        ("user_create", "refine"),
        ("user_get", "drift"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect::<Vec<_>>();
    want.sort();
    assert_eq!(statuses, want);
    let text = format!("{}{}", run.stdout, run.report);
    assert!(
        !text.contains("SECRET"),
        "a value of an answer leaked into the report"
    );
    assert!(!text.contains("424242"));
    assert!(!text.contains("ana@example.com"));
}

#[tokio::test(flavor = "multi_thread")]
async fn only_get_and_options_leave_at_the_configured_rate() {
    let (server, seen) = start(no_drift(), schema()).await;
    let rate = 25.0;
    let run = probe(
        &server,
        &seen,
        &["--rate", "25"],
        &[("MINDZ_APP_ID", "app"), ("MINDZ_API_KEY", "key-SECRET")],
        "rate",
    )
    .await;
    assert!(run.status.success(), "{}", run.stdout);
    let methods: BTreeSet<&str> = run
        .seen
        .iter()
        .filter(|s| s.path != "/o/token/")
        .map(|s| s.method.as_str())
        .collect();
    assert_eq!(methods, BTreeSet::from(["GET", "OPTIONS"]));
    let token_requests: Vec<&Seen> = run.seen.iter().filter(|s| s.path == "/o/token/").collect();
    assert_eq!(token_requests.len(), 1, "one token request");
    assert_eq!(token_requests[0].method, "POST");
    assert!(
        run.seen
            .iter()
            .filter(|s| s.path.starts_with("/v2/"))
            .all(|s| s.authorization.as_deref() == Some("Bearer tok-1"))
    );
    assert!(
        run.seen
            .iter()
            .filter(|s| s.path.starts_with("/public/"))
            .all(|s| s.authorization.is_none())
    );
    // The limiter's spacing itself is checked with a paused clock (limiter.rs);
    // here, only that the whole run cannot have been faster than the rate.
    let n = run.seen.len() as f64;
    let span = run.seen.last().unwrap().at - run.seen[0].at;
    assert!(
        span.as_secs_f64() >= (n - 1.0) / rate * 0.9,
        "{n} requests in {span:?}"
    );
    assert!(!run.stdout.contains("key-SECRET") && !run.stdout.contains("tok-1"));
    println!("{} requests in {:?}", run.seen.len(), run.elapsed);
}

fn tiny_schema(dir: &Path) -> PathBuf {
    let path = dir.join("tiny.yaml");
    std::fs::write(
        &path,
        r##"openapi: 3.0.3
info: {title: t, version: '1'}
security: [{oauth2: []}]
paths:
  /v2/users/:
    get:
      operationId: user_list
      x-mindz-confidence: inferred
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
  /v2/teams/:
    get:
      operationId: team_list
      x-mindz-confidence: inferred
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
"##,
    )
    .unwrap();
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn a_401_that_a_new_token_does_not_cure_stops_the_probe() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"detail": "bad"})))
        .mount(&server)
        .await;
    let dir = temp("401");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_probe"))
        .args(["--rate", "100", "--no-document", "--schema"])
        .arg(tiny_schema(&dir))
        .args(["--base-url", &server.uri(), "--token", "tok-0"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "nothing is sent after the 401");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("skipped   team_list"), "{stdout}");
}

#[tokio::test(flavor = "multi_thread")]
async fn retry_after_is_honoured_and_answers_are_capped() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::path("/v2/users/"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path("/v2/users/"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path("/v2/teams/"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"big": "x".repeat(5000)})))
        .mount(&server)
        .await;
    let dir = temp("retry");
    let schema = tiny_schema(&dir);
    let before = std::fs::read_to_string(&schema).unwrap();
    let started = Instant::now();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_probe"))
        .args([
            "--rate",
            "100",
            "--no-document",
            "--max-bytes",
            "1000",
            "--schema",
        ])
        .arg(&schema)
        .args(["--base-url", &server.uri(), "--token", "tok-0"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited for Retry-After"
    );
    assert!(stdout.contains("confirmed user_list"), "{stdout}");
    assert!(stdout.contains("error     team_list"), "{stdout}");
    // The probe reads the schema and never writes it.
    assert_eq!(std::fs::read_to_string(&schema).unwrap(), before);
}

#[test]
fn mark_confirmed_points_to_apply_probe() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_probe"))
        .arg("--mark-confirmed")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cargo xtask apply-probe"), "{stderr}");
}

/// Read-only by construction: in the probe's sources, the only requests are
/// built from `ReadMethod` (GET, OPTIONS) in `http.rs`, and the only other
/// method is the token request's POST in `auth.rs`.
#[test]
fn the_probe_can_only_build_read_requests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../mindz-cli/src/probe");
    let mut builders = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        for needle in [
            ".request(",
            ".post(",
            ".put(",
            ".patch(",
            ".delete(",
            ".head(",
            ".get(&url",
            "Method::POST",
            "Method::PUT",
            "Method::PATCH",
            "Method::DELETE",
            "Method::from",
            "Method::HEAD",
            "Method::GET",
            "Method::OPTIONS",
        ] {
            for _ in text.matches(needle) {
                builders.push(format!("{file}: {needle}"));
            }
        }
    }
    builders.sort();
    assert_eq!(
        builders,
        [
            "auth.rs: .post(",
            "http.rs: .request(",
            "http.rs: Method::GET",
            "http.rs: Method::OPTIONS",
        ]
    );
    let auth = std::fs::read_to_string(dir.join("auth.rs")).unwrap();
    assert!(
        auth.contains(".post(token_url.as_str())"),
        "the POST goes to the token URL only"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_401_that_a_new_token_cures_does_not_stop_the_probe() {
    use wiremock::matchers::{header, method, path};
    let server = MockServer::start().await;
    let token = |t: &str| {
        ResponseTemplate::new(200).set_body_json(json!({"access_token": t, "expires_in": 3600}))
    };
    Mock::given(method("POST"))
        .and(path("/o/token/"))
        .respond_with(token("tok-old"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/o/token/"))
        .respond_with(token("tok-new"))
        .mount(&server)
        .await;
    Mock::given(header("authorization", "Bearer tok-old"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    Mock::given(header("authorization", "Bearer tok-new"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    let dir = temp("refresh");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_probe"))
        .args(["--rate", "100", "--no-document", "--schema"])
        .arg(tiny_schema(&dir))
        .env_remove("MINDZ_EAD_ID")
        .env_remove("MINDZ_ACCESS_TOKEN")
        .env_remove("MINDZ_TOKEN_URL")
        .env("MINDZ_BASE_URL", server.uri())
        .env("MINDZ_APP_ID", "app")
        .env("MINDZ_API_KEY", "key")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("2 confirmed"), "{stdout}");
    let methods: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect();
    assert_eq!(
        methods,
        [
            "POST /o/token/",
            "GET /v2/users/",
            "POST /o/token/",
            "GET /v2/users/",
            "GET /v2/teams/"
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_school_that_keeps_answering_429_stops_the_probe() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "0"))
        .mount(&server)
        .await;
    let dir = temp("429");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_probe"))
        .args(["--rate", "100", "--schema"])
        .arg(tiny_schema(&dir))
        .args(["--base-url", &server.uri(), "--token", "tok-0"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("answered 429 4 times in a row (at GET /v2/users/)"),
        "{stderr}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 4);
}

/// The school of a stock Django REST framework install: richer and stricter
/// than the schema in ways the SDK survives (refinements), and, with
/// `drift`, in three ways it does not.
fn stock_school(drift: bool) -> Drift {
    Box::new(move |method, template, answer| {
        match (method, template) {
            // CharField max_length on every text field of the user serializer.
            ("OPTIONS", "/v2/users/") => {
                for field in answer["actions"]["POST"]
                    .as_object_mut()
                    .unwrap()
                    .values_mut()
                {
                    let text = matches!(field["type"].as_str(), Some("string" | "email"));
                    if text && field.get("max_length").is_none() {
                        field["max_length"] = json!(150);
                    }
                }
            }
            // A DecimalField rendered with COERCE_DECIMAL_TO_STRING = False.
            ("GET", "/v2/courses/{course_id}/") => answer["price"] = json!(62.9),
            // A field the schema does not list.
            ("GET", "/v2/users/{user_id}/") => answer["nickname"] = json!("SECRET-NICKNAME"),
            // An enum value the schema does not list.
            ("GET", "/v2/mindzpay/accounts/{account_id}/payments/{payment_id}/") => {
                answer["status"] = json!("refunded_partially")
            }
            // A null in a required, non-nullable field.
            ("GET", "/v2/teams/{team_member_id}/") if drift => answer["user"] = Value::Null,
            // A required field missing.
            ("GET", "/v2/courses/") if drift => {
                answer["results"][0].as_object_mut().unwrap().remove("name");
            }
            // A field the school requires on write that the schema lacks.
            ("OPTIONS", "/v2/courses/") if drift => {
                answer["actions"]["POST"]["category_code"] = json!({"type": "string",
                    "required": true, "read_only": false, "label": "L", "max_length": 20});
            }
            _ => {}
        }
        None
    })
}

/// (class, kind, patch paths) of each finding of `id`.
fn classes(report: &Value, id: &str) -> Vec<(String, String, Vec<String>)> {
    let op = report["operations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["operation_id"] == id)
        .unwrap();
    op["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let paths = f["patch"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| {
                    format!(
                        "{} {} {}",
                        p["op"].as_str().unwrap(),
                        p["path"].as_str().unwrap(),
                        p["value"]
                    )
                })
                .collect();
            (
                f["class"].as_str().unwrap().to_string(),
                f["kind"].as_str().unwrap().to_string(),
                paths,
            )
        })
        .collect()
}

fn status(report: &Value, id: &str) -> String {
    report["operations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["operation_id"] == id)
        .map(|o| o["status"].as_str().unwrap().to_string())
        .unwrap()
}

const SEEN: &str = "Seen on a school by the probe; not yet described.";

#[tokio::test(flavor = "multi_thread")]
async fn refinements_refine_and_exit_zero_unless_strict() {
    let (server, seen) = start(stock_school(false), schema()).await;
    let token = [("MINDZ_ACCESS_TOKEN", "tok-0")];
    let run = probe(
        &server,
        &seen,
        &["--rate", "100", "--no-document"],
        &token,
        "refine",
    )
    .await;
    assert!(
        run.status.success(),
        "only refinements: exit 0\n{}",
        run.stdout
    );
    let mut statuses = not_confirmed(&run.report);
    statuses.retain(|(_, s)| s != "skipped");
    statuses.sort();
    let want: Vec<(String, String)> = [
        "course_get",
        "mindzpay_payment_get",
        "user_create",
        "user_get",
    ]
    .iter()
    .map(|id| (id.to_string(), "refine".to_string()))
    .collect();
    assert_eq!(statuses, want, "{}", run.stdout);
    let schemas = "/components/schemas";
    assert_eq!(
        classes(&run.report, "course_get"),
        [(
            "refinement".to_string(),
            "wrong_type".to_string(),
            vec![format!(
                "add {schemas}/Course/properties/price/x-mindz-json-number true"
            )]
        )]
    );
    assert_eq!(
        classes(&run.report, "mindzpay_payment_get"),
        [(
            "refinement".to_string(),
            "unknown_enum_value".to_string(),
            vec![format!(
                "add {schemas}/MindzPayPaymentStatus/enum/- \"refunded_partially\""
            )]
        )]
    );
    assert_eq!(
        classes(&run.report, "user_get"),
        [(
            "refinement".to_string(),
            "unknown_field".to_string(),
            vec![format!(
                "add {schemas}/User/properties/nickname {}",
                json!({"type": "string", "description": SEEN})
            )]
        )]
    );
    let lengths = classes(&run.report, "user_create");
    assert!(lengths.len() >= 15, "{lengths:?}");
    for (class, kind, patch) in &lengths {
        assert_eq!(
            (class.as_str(), kind.as_str()),
            ("refinement", "max_length_mismatch")
        );
        assert_eq!(patch.len(), 1);
        assert!(
            patch[0].starts_with(&format!("add {schemas}/UserCreate/properties/"))
                && patch[0].ends_with("/x-mindz-max-length 150"),
            "{patch:?}"
        );
    }
    let text = format!("{}{}", run.stdout, run.report);
    assert!(!text.contains("SECRET") && !text.contains("ana@example.com"));

    let strict = probe(
        &server,
        &seen,
        &["--rate", "100", "--no-document", "--strict"],
        &token,
        "refine-strict",
    )
    .await;
    assert!(!strict.status.success(), "--strict fails on refinements");
}

#[tokio::test(flavor = "multi_thread")]
async fn apply_probe_corrects_the_schema_and_the_corrected_operations_confirm() {
    use mindz_codegen::probe_patch::{Only, apply_report};
    let (server, seen) = start(stock_school(true), schema()).await;
    let token = [("MINDZ_ACCESS_TOKEN", "tok-0")];
    let run = probe(
        &server,
        &seen,
        &["--rate", "100", "--no-document"],
        &token,
        "apply",
    )
    .await;
    assert!(
        !run.status.success(),
        "drift fails the probe\n{}",
        run.stdout
    );
    let s = |x: &str| format!("/components/schemas/{x}");
    assert_eq!(
        classes(&run.report, "team_get"),
        [(
            "drift".to_string(),
            "null_not_allowed".to_string(),
            vec![format!(
                "add {}/nullable true",
                s("TeamMember/properties/user")
            )]
        )]
    );
    assert_eq!(
        classes(&run.report, "course_list"),
        [("drift".to_string(), "missing_required".to_string(), vec![])]
    );
    assert_eq!(
        classes(&run.report, "course_create"),
        [(
            "drift".to_string(),
            "field_not_in_schema".to_string(),
            vec![
                format!(
                    "add {} {}",
                    s("CourseCreate/properties/category_code"),
                    json!({"type": "string", "x-mindz-max-length": 20, "description": SEEN})
                ),
                format!("add {}/- \"category_code\"", s("CourseCreate/required")),
            ]
        )]
    );
    for id in ["team_get", "course_list", "course_create"] {
        assert_eq!(status(&run.report, id), "drift");
    }

    // Applied to a copy of the schema: only the corrected lines change.
    let before = std::fs::read_to_string(base_schema()).unwrap();
    let applied = apply_report(&before, &run.report, Only::All, false).unwrap();
    let breaking: Vec<&str> = applied
        .skipped_breaking
        .iter()
        .map(|c| c.operation_id.as_str())
        .collect();
    assert_eq!(
        breaking,
        ["course_create", "team_get"],
        "breaking corrections wait for --allow-breaking"
    );
    let diff = similar::TextDiff::from_lines(before.as_str(), applied.text.as_str());
    let mut added = Vec::new();
    for change in diff.iter_all_changes() {
        let line = change.value().trim().to_string();
        match change.tag() {
            similar::ChangeTag::Equal => {}
            similar::ChangeTag::Delete => {
                assert!(line.starts_with("x-mindz-confidence: "), "removed: {line}")
            }
            similar::ChangeTag::Insert => added.push(line),
        }
    }
    added.retain(|l| l != "x-mindz-confidence: confirmed");
    added.sort();
    let mut want = vec![
        "- refunded_partially".to_string(),
        "description: Seen on a school by the probe; not yet described.".to_string(),
        "nickname:".to_string(),
        "type: string".to_string(),
        "x-mindz-json-number: true".to_string(),
    ];
    want.extend(
        (0..classes(&run.report, "user_create").len())
            .map(|_| "x-mindz-max-length: 150".to_string()),
    );
    want.sort();
    assert_eq!(added, want);
    let old = mindz_codegen::load::load_str(&before).unwrap();
    let new = mindz_codegen::load::load_str(&applied.text).unwrap();
    assert_eq!(mindz_codegen::lint::lint(&new), vec![]);
    mindz_codegen::generate(&new).expect("the corrected schema generates");
    let verdict = mindz_codegen::changes::compare(&old, &new);
    assert!(!verdict.is_breaking(), "{}", verdict.verdict());
    for id in [
        "user_create",
        "course_get",
        "user_get",
        "mindzpay_payment_get",
    ] {
        assert!(
            applied.marked.iter().any(|m| m == id),
            "{id} marked confirmed"
        );
        let op = new["paths"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|item| item.as_object().unwrap().values())
            .find(|o| o["operationId"] == id)
            .unwrap();
        assert_eq!(op["x-mindz-confidence"], "confirmed");
    }
    assert!(
        !applied
            .marked
            .iter()
            .any(|m| m == "team_get" || m == "course_list")
    );

    // A second application changes nothing.
    let again = apply_report(&applied.text, &run.report, Only::All, false).unwrap();
    assert_eq!(again.text, applied.text);
    assert!(again.applied.is_empty() && again.marked.is_empty());

    // Probing the same school with the corrected schema confirms them.
    let dir = temp("apply");
    let corrected = dir.join("mindz.yaml");
    std::fs::write(&corrected, &applied.text).unwrap();
    let corrected = corrected.to_string_lossy().into_owned();
    let rerun = probe(
        &server,
        &seen,
        &["--rate", "100", "--no-document", "--schema", &corrected],
        &token,
        "reapply",
    )
    .await;
    for id in [
        "user_create",
        "course_get",
        "user_get",
        "mindzpay_payment_get",
    ] {
        assert_eq!(
            status(&rerun.report, id),
            "confirmed",
            "{id}\n{}",
            rerun.stdout
        );
    }
    for id in ["team_get", "course_list", "course_create"] {
        assert_eq!(status(&rerun.report, id), "drift", "{id}");
    }
}
