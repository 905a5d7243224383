//! A mock Mindz school for the quickstart: an in-process HTTP server on
//! 127.0.0.1 with its state in memory.
//!
//! It serves what the quickstart needs, the way a Mindz school (a Django REST
//! Framework API) answers:
//!
//! - `POST /o/token/`: OAuth2 client credentials (`grant_type=client_credentials`,
//!   client id and secret by HTTP Basic or in the form body; only
//!   [`APP_ID`]/[`API_KEY`] are accepted), answering
//!   `{"access_token", "token_type": "Bearer", "expires_in": 3600}`;
//! - `GET`/`POST /api/v2/users/`, `/api/v2/courses/`, `/api/v2/enrolls/` and
//!   `GET /api/v2/<collection>/<id>/`, which require
//!   `Authorization: Bearer <a token issued above>`.
//!
//! Lists page with `limit` (default 20, at most 100) and `offset` and answer
//! `{count, next, previous, results}`, with `next`/`previous` as absolute URLs
//! that keep the other query parameters. Filters (`search`, `ordering`) are
//! accepted and kept in those URLs but not applied: records come in id order.
//! Creating checks the body against the SDK's own `*Create` types and an
//! enrollment's user and course against the stored records.
//!
//! The server is [`wiremock`] with one stateful responder; it stops when the
//! [`MockSchool`] is dropped.

use std::collections::HashSet;
use std::sync::{Mutex, PoisonError};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use mindz_sdk::types;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// The only client id the mock accepts.
pub const APP_ID: &str = "demo-app";
/// The only client secret the mock accepts.
pub const API_KEY: &str = "demo-key";

const DEFAULT_LIMIT: usize = 20;
const MAX_LIMIT: usize = 100;
const API_PREFIX: &str = "/api/v2/";

/// A running mock school. Dropping it stops the server.
pub struct MockSchool {
    server: MockServer,
}

impl MockSchool {
    /// Starts the server on a free port of 127.0.0.1 with 5 users, 3 courses
    /// and 6 enrollments.
    pub async fn start() -> MockSchool {
        let server = MockServer::start().await;
        let school = School {
            origin: server.uri(),
            state: Mutex::new(State::seeded()),
        };
        Mock::given(any()).respond_with(school).mount(&server).await;
        MockSchool { server }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn origin(&self) -> String {
        self.server.uri()
    }

    /// The API base URL for [`mindz_sdk::ClientBuilder::base_url`].
    pub fn base_url(&self) -> String {
        format!("{}/api", self.server.uri())
    }

    /// The OAuth2 token endpoint for [`mindz_sdk::ClientBuilder::token_url`].
    pub fn token_url(&self) -> String {
        format!("{}/o/token/", self.server.uri())
    }
}

/// The responder: routes every request to [`State`].
struct School {
    /// `http://127.0.0.1:<port>`, for absolute `next`/`previous` links
    /// (wiremock's request URL has no port).
    origin: String,
    state: Mutex<State>,
}

impl Respond for School {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        // A panic while holding the lock cannot leave the data half-written
        // in a way that matters for a demo: keep serving.
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.handle(&self.origin, request)
    }
}

struct State {
    issued_tokens: HashSet<String>,
    users: Collection,
    courses: Collection,
    enrolls: Collection,
}

/// The records of one endpoint, in id order.
struct Collection {
    records: Vec<Value>,
    next_id: i64,
}

impl Collection {
    fn new(records: Vec<Value>) -> Collection {
        let next_id = records
            .iter()
            .filter_map(|record| record["id"].as_i64())
            .max()
            .unwrap_or(0)
            + 1;
        Collection { records, next_id }
    }

    fn get(&self, id: i64) -> Option<&Value> {
        self.records.iter().find(|record| record["id"] == id)
    }

    fn contains(&self, id: i64) -> bool {
        self.get(id).is_some()
    }

    /// Stores `fields` as a new record with an id and timestamps.
    fn insert(&mut self, mut fields: Map<String, Value>) -> Value {
        let now = json!(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        fields.insert("id".into(), json!(self.next_id));
        fields.insert("created_at".into(), now.clone());
        fields.insert("updated_at".into(), now);
        self.next_id += 1;
        let record = Value::Object(fields);
        self.records.push(record.clone());
        record
    }
}

impl State {
    fn seeded() -> State {
        let created = "2025-01-06T12:00:00Z";
        let user = |id: i64, first: &str, last: &str, email: &str| {
            json!({
                "id": id, "first_name": first, "last_name": last, "email": email,
                "created_at": created, "updated_at": created,
            })
        };
        let course = |id: i64, name: &str, price: f64| {
            json!({
                "id": id, "name": name, "price": price, "active": true,
                "created_at": created, "updated_at": created,
            })
        };
        let enroll = |id: i64, user: i64, course: i64| {
            json!({
                "id": id, "user": user, "course": course,
                "created_at": created, "updated_at": created,
            })
        };
        State {
            issued_tokens: HashSet::new(),
            users: Collection::new(vec![
                user(1, "Ana", "Souza", "ana.souza@example.com"),
                user(2, "Bruno", "Lima", "bruno.lima@example.com"),
                user(3, "Carla", "Mendes", "carla.mendes@example.com"),
                user(4, "Diego", "Rocha", "diego.rocha@example.com"),
                user(5, "Elisa", "Ferreira", "elisa.ferreira@example.com"),
            ]),
            courses: Collection::new(vec![
                course(1, "Python do zero", 197.0),
                course(2, "Excel para negócios", 97.0),
                course(3, "Fotografia com o celular", 147.0),
            ]),
            enrolls: Collection::new(vec![
                enroll(1, 1, 1),
                enroll(2, 2, 1),
                enroll(3, 2, 2),
                enroll(4, 3, 3),
                enroll(5, 4, 1),
                enroll(6, 5, 2),
            ]),
        }
    }

    fn handle(&mut self, origin: &str, request: &Request) -> ResponseTemplate {
        let path = request.url.path();
        let method = request.method.as_str();
        if path == "/o/token/" {
            return match method {
                "POST" => self.token(request),
                _ => detail(405, &format!("Method \"{method}\" not allowed.")),
            };
        }
        let Some(resource) = path.strip_prefix(API_PREFIX) else {
            return detail(404, "Not found.");
        };
        if !self.authorized(request) {
            return detail(
                401,
                "Authentication credentials were not provided or are not valid.",
            )
            .insert_header("www-authenticate", "Bearer realm=\"api\"");
        }
        let (name, id) = match resource.trim_end_matches('/').split_once('/') {
            None => (resource.trim_end_matches('/'), None),
            Some((name, id)) => match id.parse::<i64>() {
                Ok(id) => (name, Some(id)),
                Err(_) => return detail(404, "Not found."),
            },
        };
        if !resource.ends_with('/') {
            return detail(404, "Not found.");
        }
        match (method, name, id) {
            ("GET", "users", None) => list(&self.users, origin, request),
            ("GET", "courses", None) => list(&self.courses, origin, request),
            ("GET", "enrolls", None) => list(&self.enrolls, origin, request),
            ("GET", "users", Some(id)) => get(&self.users, id),
            ("GET", "courses", Some(id)) => get(&self.courses, id),
            ("GET", "enrolls", Some(id)) => get(&self.enrolls, id),
            ("POST", "users", None) => match parse::<types::UserCreate>(request) {
                Ok(fields) => {
                    let email = fields.get("email").cloned().unwrap_or_default();
                    if self.users.records.iter().any(|user| user["email"] == email) {
                        return field_error("email", "A user with that email already exists.");
                    }
                    // Write-only: never stored in the answer.
                    let mut fields = fields;
                    fields.remove("password");
                    created(self.users.insert(fields))
                }
                Err(message) => field_error("non_field_errors", &message),
            },
            ("POST", "courses", None) => match parse::<types::CourseCreate>(request) {
                Ok(fields) => created(self.courses.insert(fields)),
                Err(message) => field_error("non_field_errors", &message),
            },
            ("POST", "enrolls", None) => match parse::<types::EnrollCreate>(request) {
                Ok(fields) => {
                    for (field, collection) in [("user", &self.users), ("course", &self.courses)] {
                        let id = fields
                            .get(field)
                            .and_then(Value::as_i64)
                            .unwrap_or_default();
                        if !collection.contains(id) {
                            return field_error(
                                field,
                                &format!("Invalid pk \"{id}\" - object does not exist."),
                            );
                        }
                    }
                    created(self.enrolls.insert(fields))
                }
                Err(message) => field_error("non_field_errors", &message),
            },
            (_, "users" | "courses" | "enrolls", _) => {
                detail(405, &format!("Method \"{method}\" not allowed."))
            }
            _ => detail(404, "Not found."),
        }
    }

    /// `POST /o/token/`: the client-credentials grant.
    fn token(&mut self, request: &Request) -> ResponseTemplate {
        let form: Vec<(String, String)> =
            form_urlencoded::parse(&request.body).into_owned().collect();
        let field = |name: &str| {
            form.iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        };
        let credentials = match request.headers.get("authorization") {
            Some(header) => basic_credentials(header.to_str().unwrap_or_default()),
            None => field("client_id").zip(field("client_secret")),
        };
        if credentials != Some((APP_ID.to_owned(), API_KEY.to_owned())) {
            return oauth_error(401, "invalid_client");
        }
        if field("grant_type").as_deref() != Some("client_credentials") {
            return oauth_error(400, "unsupported_grant_type");
        }
        let token = format!("mock-token-{}", self.issued_tokens.len() + 1);
        self.issued_tokens.insert(token.clone());
        ResponseTemplate::new(200).set_body_json(json!({
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": 3600,
            "scope": "read write",
        }))
    }

    fn authorized(&self, request: &Request) -> bool {
        request
            .headers
            .get("authorization")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .is_some_and(|token| self.issued_tokens.contains(token))
    }
}

/// `(client_id, client_secret)` from `Basic base64(id:secret)`, each part
/// form-urlencoded as RFC 6749 §2.3.1 asks.
fn basic_credentials(header: &str) -> Option<(String, String)> {
    let encoded = header.strip_prefix("Basic ")?;
    let decoded = String::from_utf8(BASE64.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    let unescape = |part: &str| {
        form_urlencoded::parse(format!("v={part}").as_bytes())
            .next()
            .map(|(_, value)| value.into_owned())
    };
    Some((unescape(id)?, unescape(secret)?))
}

/// One page of `collection`, like DRF's `LimitOffsetPagination`: a missing
/// or invalid `limit`/`offset` falls back to the default.
fn list(collection: &Collection, origin: &str, request: &Request) -> ResponseTemplate {
    let query = |name: &str| {
        request
            .url
            .query_pairs()
            .find(|(key, _)| key == name)
            .and_then(|(_, value)| value.parse::<usize>().ok())
    };
    let limit = query("limit")
        .filter(|limit| *limit > 0)
        .map_or(DEFAULT_LIMIT, |limit| limit.min(MAX_LIMIT));
    let offset = query("offset").unwrap_or(0);
    let count = collection.records.len();
    let results: Vec<Value> = collection
        .records
        .iter()
        .skip(offset)
        .take(limit)
        .cloned()
        .collect();

    let link = |offset: Option<usize>| {
        let mut pairs: Vec<(String, String)> = request
            .url
            .query_pairs()
            .filter(|(key, _)| key != "limit" && key != "offset")
            .map(|(key, value)| (key.into_owned(), value.into_owned()))
            .collect();
        pairs.push(("limit".into(), limit.to_string()));
        if let Some(offset) = offset {
            pairs.push(("offset".into(), offset.to_string()));
        }
        pairs.sort();
        let query: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        format!("{origin}{}?{query}", request.url.path())
    };
    let next = (offset + limit < count).then(|| link(Some(offset + limit)));
    let previous = match offset {
        0 => None,
        offset if offset <= limit => Some(link(None)),
        offset => Some(link(Some(offset - limit))),
    };
    ResponseTemplate::new(200).set_body_json(json!({
        "count": count,
        "next": next,
        "previous": previous,
        "results": results,
    }))
}

fn get(collection: &Collection, id: i64) -> ResponseTemplate {
    match collection.get(id) {
        Some(record) => ResponseTemplate::new(200).set_body_json(record),
        None => detail(404, "Not found."),
    }
}

/// The request body as the fields of a new record, checked against `T`
/// (one of the SDK's `*Create` types); the reason it does not fit otherwise.
fn parse<T: DeserializeOwned + serde::Serialize>(
    request: &Request,
) -> Result<Map<String, Value>, String> {
    let checked: T =
        serde_json::from_slice(&request.body).map_err(|err| format!("Invalid data: {err}"))?;
    match serde_json::to_value(checked) {
        Ok(Value::Object(fields)) => Ok(fields),
        _ => Err("Invalid data.".to_owned()),
    }
}

fn created(record: Value) -> ResponseTemplate {
    ResponseTemplate::new(201).set_body_json(record)
}

/// An error answer with `{"detail": ...}`.
fn detail(status: u16, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({ "detail": message }))
}

/// A 400 validation answer: `{"<field>": ["<message>"]}`.
fn field_error(field: &str, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(400).set_body_json(json!({ field: [message] }))
}

/// An OAuth2 error answer (RFC 6749 §5.2).
fn oauth_error(status: u16, error: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({ "error": error }))
}
