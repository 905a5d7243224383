//! The `mindz` binary as a process, against an httpmock school on
//! 127.0.0.1: output, paging, errors and exit codes, `--dry-run`, help.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use httpmock::Method::{GET, POST};
use httpmock::MockServer;
use serde_json::{Value, json};

const KEY: &str = "sekrit-api-key-4711";

fn user(id: i64) -> Value {
    json!({
        "id": id,
        "email": format!("user{id}@example.com"),
        "first_name": format!("First{id}"),
        "last_name": format!("Last{id}"),
    })
}

/// `mindz ARGS` with only the given `MINDZ_*` variables, stdin from `input`.
fn mindz(args: &[&str], env: &[(&str, &str)], input: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mindz"));
    cmd.args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, _) in std::env::vars() {
        if name.starts_with("MINDZ_") {
            cmd.env_remove(name);
        }
    }
    for (name, value) in env {
        cmd.env(name, value);
    }
    let mut child = cmd.spawn().expect("mindz runs");
    if let Some(text) = input {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("stdin written");
    }
    child.wait_with_output().expect("mindz ends")
}

/// `mindz ARGS` against `server` with a fixed token.
fn against(server: &MockServer, args: &[&str]) -> Output {
    let base = server.base_url();
    mindz(
        args,
        &[
            ("MINDZ_BASE_URL", &base),
            ("MINDZ_ACCESS_TOKEN", "test-token"),
        ],
        None,
    )
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn list_prints_the_page() {
    let server = MockServer::start();
    let page = server.mock(|when, then| {
        when.method(GET)
            .path("/v2/users/")
            .query_param("limit", "5")
            .header("authorization", "Bearer test-token");
        then.status(200).json_body(json!({
            "count": 12, "next": "http://127.0.0.1/v2/users/?limit=5&offset=5", "previous": null,
            "results": (1..=5).map(user).collect::<Vec<_>>(),
        }));
    });
    let out = against(&server, &["user", "list", "--limit", "5"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    page.assert();
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        1,
        "compact when not a terminal: {stdout}"
    );
    let printed: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(printed["count"], 12);
    let ids: Vec<i64> = printed["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|u| u["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    assert_eq!(printed["results"][2]["email"], "user3@example.com");
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

#[test]
fn all_prints_every_record_once_as_ndjson_across_pages() {
    let server = MockServer::start();
    let total = 7;
    let mut pages = Vec::new();
    for offset in (0..total).step_by(3) {
        let ids: Vec<Value> = (offset + 1..=(offset + 3).min(total)).map(user).collect();
        let next = (offset + 3 < total)
            .then(|| format!("http://127.0.0.1/v2/users/?limit=3&offset={}", offset + 3));
        pages.push(server.mock(|when, then| {
            when.method(GET)
                .path("/v2/users/")
                .query_param("limit", "3")
                .query_param("offset", offset.to_string())
                .query_param("search", "maria");
            then.status(200).json_body(json!({
                "count": total, "next": next, "previous": null, "results": ids,
            }));
        }));
    }
    let out = against(
        &server,
        &["user", "list", "--all", "--limit", "3", "--search", "maria"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for page in &pages {
        page.assert_calls(1);
    }
    let ids: Vec<i64> = text(&out.stdout)
        .lines()
        .map(|line| {
            let record: Value = serde_json::from_str(line).expect("one JSON record per line");
            record["id"].as_i64().expect("id")
        })
        .collect();
    assert_eq!(ids, (1..=total).collect::<Vec<_>>());
    // stderr is not a terminal: no progress.
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

#[test]
fn get_prints_the_record() {
    let server = MockServer::start();
    let one = server.mock(|when, then| {
        when.method(GET).path("/v2/users/3/");
        then.status(200).json_body(user(3));
    });
    let out = against(&server, &["user", "get", "--user-id", "3"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    one.assert();
    let printed: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(printed["id"], 3);
    assert_eq!(printed["email"], "user3@example.com");
    assert_eq!(printed["first_name"], "First3");
}

#[test]
fn output_is_the_body_as_the_school_sent_it() {
    let server = MockServer::start();
    // Keys out of order, a field the schema lacks, a number written `1.10`,
    // and the server's own indentation.
    let sent = "{\n  \"last_name\": \"Last3\", \"id\": 3,\n  \"email\": \"user3@example.com\",\n  \"first_name\": \"First3\", \"nickname\": \"m, \\\"3\\\"\", \"score\": 1.10\n}";
    let one = server.mock(|when, then| {
        when.method(GET).path("/v2/users/3/");
        then.status(200)
            .header("content-type", "application/json")
            .body(sent);
    });
    let out = against(&server, &["user", "get", "--user-id", "3"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    one.assert();
    assert_eq!(
        text(&out.stdout),
        "{\"last_name\":\"Last3\",\"id\":3,\"email\":\"user3@example.com\",\"first_name\":\"First3\",\"nickname\":\"m, \\\"3\\\"\",\"score\":1.10}\n"
    );

    // `--all`: each record as sent, one per line.
    let page = format!(
        "{{ \"count\": 2, \"next\": null, \"previous\": null,\n \"results\": [ {sent},\n {{\"id\": 4, \"extra\": [ 1, 2 ]}} ] }}"
    );
    server.mock(|when, then| {
        when.method(GET).path("/v2/users/");
        then.status(200)
            .header("content-type", "application/json")
            .body(&page);
    });
    let out = against(&server, &["user", "list", "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<String> = text(&out.stdout).lines().map(String::from).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with("{\"last_name\":\"Last3\",\"id\":3,"),
        "{}",
        lines[0]
    );
    assert!(lines[0].ends_with(",\"score\":1.10}"), "{}", lines[0]);
    assert_eq!(lines[1], "{\"id\":4,\"extra\":[1,2]}");
}

#[test]
fn a_body_field_the_schema_lacks_is_sent_as_given() {
    let server = MockServer::start();
    let create = server.mock(|when, then| {
        when.method(POST)
            .path("/v2/users/")
            .json_body_includes(r#"{"email":"a@example.com","school_code":"X-7"}"#);
        then.status(200).json_body(user(9));
    });
    let dir = std::env::temp_dir().join(format!("mindz-body-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("user.json");
    std::fs::write(
        &file,
        r#"{"email":"a@example.com","first_name":"A","last_name":"B","school_code":"X-7"}"#,
    )
    .expect("body file");
    let out = against(
        &server,
        &["user", "create", "--body", file.to_str().expect("path")],
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    create.assert();
    let printed: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(printed["id"], 9);
}

#[test]
fn an_api_error_exits_1_with_the_error_on_stderr_only() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/v2/users/99/");
        then.status(404)
            .header("content-type", "application/json")
            .body(r#"{"detail":"Não encontrado."}"#);
    });
    let out = against(&server, &["user", "get", "--user-id", "99"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("404"), "{stderr}");
    assert!(stderr.contains("user_get"), "{stderr}");
}

#[test]
fn wrong_credentials_exit_3_without_the_key() {
    let server = MockServer::start();
    let token = server.mock(|when, then| {
        when.method(POST).path("/o/token/");
        then.status(401)
            .json_body(json!({"error": "invalid_client"}));
    });
    let users = server.mock(|when, then| {
        when.method(GET).path("/v2/users/");
        then.status(200)
            .json_body(json!({"count": 0, "next": null, "previous": null, "results": []}));
    });
    let base = server.base_url();
    let token_url = server.url("/o/token/");
    let out = mindz(
        &["user", "list"],
        &[
            ("MINDZ_BASE_URL", &base),
            ("MINDZ_APP_ID", "app"),
            ("MINDZ_API_KEY", KEY),
            ("MINDZ_TOKEN_URL", &token_url),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert!(token.calls() >= 1);
    users.assert_calls(0);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("invalid_client"), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(!stderr.contains(KEY) && !text(&out.stdout).contains(KEY));
}

#[test]
fn an_unreachable_school_exits_4() {
    // A port nothing listens on: bound, then closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let out = mindz(
        &["user", "get", "--user-id", "3", "--base-url", &base],
        &[("MINDZ_ACCESS_TOKEN", "t")],
        None,
    );
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());

    // The same with credentials: the token endpoint is what cannot be
    // reached, and that is not an authentication failure (3).
    let out = mindz(
        &["user", "get", "--user-id", "3", "--base-url", &base],
        &[
            ("MINDZ_APP_ID", "app"),
            ("MINDZ_API_KEY", KEY),
            ("MINDZ_TOKEN_URL", &format!("{base}/o/token/")),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(!text(&out.stderr).contains(KEY));
}

#[test]
fn dry_run_sends_nothing_and_masks_the_password() {
    let server = MockServer::start();
    let change = server.mock(|when, then| {
        when.method(POST).path("/v2/users/3/change-password/");
        then.status(200).json_body(user(3));
    });
    let base = server.base_url();
    let out = mindz(
        &[
            "user",
            "change-password",
            "--user-id",
            "3",
            "--password-stdin",
            "--dry-run",
        ],
        &[
            ("MINDZ_BASE_URL", &base),
            ("MINDZ_ACCESS_TOKEN", "test-token"),
        ],
        Some("hunter2-new-password\n"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    change.assert_calls(0);
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(&format!("POST {base}/v2/users/3/change-password/\n")),
        "{stdout}"
    );
    let body: Value =
        serde_json::from_str(stdout.lines().nth(1).expect("body line")).expect("JSON");
    assert_eq!(body, json!({"password": "***"}));
    assert!(!stdout.contains("hunter2") && !text(&out.stderr).contains("hunter2"));
}

#[test]
fn the_password_is_sent_from_stdin_and_flags_fill_the_body() {
    let server = MockServer::start();
    let change = server.mock(|when, then| {
        when.method(POST)
            .path("/v2/users/3/change-password/")
            .json_body(json!({"password": "hunter2-new-password"}));
        then.status(200).json_body(user(3));
    });
    let create = server.mock(|when, then| {
        when.method(POST).path("/v2/users/").json_body_includes(
            r#"{"email": "ana@example.com", "first_name": "Ana", "last_name": "Lima"}"#,
        );
        then.status(201).json_body(user(8));
    });
    let base = server.base_url();
    let env = [
        ("MINDZ_BASE_URL", base.as_str()),
        ("MINDZ_ACCESS_TOKEN", "t"),
    ];
    let out = mindz(
        &[
            "user",
            "change-password",
            "--user-id",
            "3",
            "--password-stdin",
        ],
        &env,
        Some("hunter2-new-password\n"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    change.assert();
    let out = mindz(
        &[
            "user",
            "create",
            "--email",
            "ana@example.com",
            "--first-name",
            "Ana",
            "--body",
            "-",
        ],
        &env,
        Some(r#"{"last_name": "Lima", "first_name": "overridden"}"#),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    create.assert();
}

#[test]
fn usage_errors_exit_2() {
    let out = mindz(
        &["user", "get", "--user-id", "x", "--dry-run"],
        &[("MINDZ_EAD_ID", "e")],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--user-id"),
        "{}",
        text(&out.stderr)
    );
    let out = mindz(&["user", "frobnicate"], &[], None);
    assert_eq!(out.status.code(), Some(2));
    // No school configured.
    let out = mindz(
        &["user", "get", "--user-id", "3"],
        &[("MINDZ_ACCESS_TOKEN", "t")],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("MINDZ_EAD_ID"),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn help_lists_every_resource_and_the_exit_codes() {
    let out = mindz(&["--help"], &[], None);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("mindz_help", text(&out.stdout));
    let out = mindz(&["user", "--help"], &[], None);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("mindz_user_help", text(&out.stdout));
    let out = mindz(&["user", "list", "--help"], &[], None);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("mindz_user_list_help", text(&out.stdout));
}

#[test]
fn completions_print_a_script_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let out = mindz(&["completions", shell], &[], None);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        assert!(script.contains("change-password"), "{shell}");
    }
    assert_eq!(
        mindz(&["completions", "tcsh"], &[], None).status.code(),
        Some(2)
    );
}

#[test]
fn probe_is_a_subcommand_with_its_own_flags() {
    let out = mindz(&["probe", "--no-such-flag"], &[], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("usage: probe"),
        "{}",
        text(&out.stderr)
    );
}
