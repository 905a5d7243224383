//! Escape hatches against servers on 127.0.0.1: per-call options on a
//! generated call (`.options(CallOptions)`), and raw requests
//! (`client.request(Method, path)`) through the same pipeline.

use std::time::Duration;

use mindz_sdk::{CallOptions, Client, Error, Method, RetryPolicy, TimeoutLimit, types};
use tokio::time::Instant;

#[path = "support/loopback.rs"]
mod loopback;

use loopback::{Reply, Server, json};

const TOKEN: &str = "tok-SECRET-escape-41c2";
const USER: &str =
    r#"{"id": 1, "email": "ana@example.com", "first_name": "Ana", "last_name": "Silva"}"#;
const UNAVAILABLE: &str = r#"{"detail": "Serviço indisponível."}"#;

fn client(server: &Server) -> Client {
    server.builder(TOKEN).build().expect("client")
}

fn invalid_request(result: mindz_sdk::Result<impl std::fmt::Debug>) -> String {
    match result {
        Err(Error::InvalidRequest(message)) => message,
        other => panic!("expected Error::InvalidRequest, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Per-call options

#[tokio::test(start_paused = true)]
async fn a_calls_attempt_timeout_replaces_the_clients() {
    let server =
        Server::start(|_, _| Reply::After(Duration::from_secs(3), Box::new(json(200, USER)))).await;
    let client = server
        .builder(TOKEN)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    let started = Instant::now();
    let result = client
        .user_get()
        .user_id(1)
        .options(
            CallOptions::new()
                .attempt_timeout(Duration::from_millis(300))
                .retry(RetryPolicy::none()),
        )
        .send()
        .await;
    let elapsed = started.elapsed();
    let Err(Error::Timeout(timeout)) = result else {
        panic!("expected Error::Timeout, got {result:?}");
    };
    assert_eq!(
        timeout.limit(),
        TimeoutLimit::Attempt(Duration::from_millis(300))
    );
    assert!(elapsed < Duration::from_millis(1500), "{elapsed:?}");
    assert_eq!(server.hits(), 1);

    // The next call has the client's 30 s again: the 3 s answer arrives.
    let user = client.user_get().user_id(1).send().await.expect("user");
    assert_eq!(user.id, 1);
}

#[tokio::test(start_paused = true)]
async fn a_header_set_per_call_goes_on_that_call_only() {
    let server = Server::start(|_, _| json(200, USER)).await;
    let client = client(&server);
    client
        .user_get()
        .user_id(1)
        .options(CallOptions::new().header("X-School-Unit", "centro"))
        .send()
        .await
        .expect("first call");
    client
        .user_get()
        .user_id(1)
        .send()
        .await
        .expect("second call");
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].header("x-school-unit"), Some("centro"));
    assert_eq!(
        seen[0].header("authorization"),
        Some(&*format!("Bearer {TOKEN}"))
    );
    assert_eq!(seen[1].header("x-school-unit"), None);
}

#[tokio::test(start_paused = true)]
async fn headers_the_sdk_owns_are_refused_unsent_and_unshown() {
    let server = Server::start(|_, _| json(200, USER)).await;
    let client = server
        .builder(TOKEN)
        .request_id_header("x-mindz-invocation")
        .build()
        .expect("client");
    for name in [
        "authorization",
        "Authorization",
        "X-Mindz-Invocation",
        "accept",
        "content-type",
    ] {
        let message = invalid_request(
            client
                .user_get()
                .user_id(1)
                .options(CallOptions::new().header(name, "Bearer leaked-SECRET"))
                .send()
                .await,
        );
        assert!(
            message.contains(&name.to_ascii_lowercase()),
            "{name}: {message}"
        );
        assert!(!message.contains("SECRET"), "{message}");
    }
    // Invalid names and values: the same error, the value never shown.
    let message = invalid_request(
        client
            .user_get()
            .user_id(1)
            .options(CallOptions::new().header("x-ok", "two\r\nlines-SECRET"))
            .send()
            .await,
    );
    assert!(
        message.contains("x-ok") && !message.contains("SECRET"),
        "{message}"
    );
    let message = invalid_request(
        client
            .user_get()
            .user_id(1)
            .options(CallOptions::new().header("bad header", "v"))
            .send()
            .await,
    );
    assert!(message.contains("bad header"), "{message}");
    // A raw request refuses them the same way.
    let message = invalid_request(
        client
            .request(Method::GET, "/v2/users/1/")
            .options(CallOptions::new().header("authorization", "Basic SECRET"))
            .send::<serde_json::Value>()
            .await,
    );
    assert!(message.contains("authorization") && !message.contains("SECRET"));
    assert_eq!(server.hits(), 0);
    assert_eq!(server.connections(), 0);
}

#[tokio::test(start_paused = true)]
async fn retry_none_for_one_call_sends_once_then_the_client_retries_again() {
    let server = Server::start(|_, _| json(503, UNAVAILABLE)).await;
    let client = client(&server);
    let err = client
        .user_get()
        .user_id(1)
        .options(CallOptions::new().retry(RetryPolicy::none()))
        .send()
        .await
        .expect_err("503");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(server.hits(), 1);
    let err = client.user_get().user_id(1).send().await.expect_err("503");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(
        server.hits(),
        1 + RetryPolicy::default().get_max_attempts() as usize
    );
}

#[tokio::test(start_paused = true)]
async fn a_calls_deadline_replaces_the_clients() {
    let server = Server::start(|_, _| json(503, UNAVAILABLE)).await;
    let client = client(&server);
    let err = client
        .user_get()
        .user_id(1)
        .options(
            CallOptions::new()
                .retry(RetryPolicy::default().max_attempts(100))
                .deadline(Duration::from_secs(2)),
        )
        .send()
        .await
        .expect_err("503s");
    // The waits between attempts stop before the deadline: a few attempts
    // of the hundred allowed, and the last answer as the error.
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    let hits = server.hits();
    assert!((2..100).contains(&hits), "{hits} attempts");
}

// ---------------------------------------------------------------------------
// Raw requests

#[tokio::test(start_paused = true)]
async fn a_raw_get_sends_token_invocation_id_and_query() {
    let server = Server::start(|_, _| json(200, r#"{"total": "1250.00", "year": 2026}"#)).await;
    let client = client(&server);
    let report = client
        .request(Method::GET, "/v2/reports/sales/")
        .query(&[("year", "2026")])
        .send::<serde_json::Value>()
        .await
        .expect("report");
    assert_eq!(report.status().as_u16(), 200);
    assert_eq!(report["total"], "1250.00");
    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, "GET");
    assert_eq!(seen[0].target, "/api/v2/reports/sales/?year=2026");
    assert_eq!(
        seen[0].header("authorization"),
        Some(&*format!("Bearer {TOKEN}"))
    );
    assert_eq!(seen[0].header("accept"), Some("application/json"));
    let id = seen[0].header("x-request-id").expect("an invocation id");
    let id = mindz_sdk::Uuid::parse_str(id).expect("a UUID");
    assert_eq!(id.get_version_num(), 4);
}

#[tokio::test(start_paused = true)]
async fn a_raw_post_sends_json_and_decodes_a_generated_type() {
    let server = Server::start(|_, _| json(201, USER)).await;
    let client = client(&server);
    let user = client
        .request(Method::POST, "/v2/users/")
        .json(&serde_json::json!({"email": "ana@example.com", "first_name": "Ana"}))
        .send::<types::User>()
        .await
        .expect("created");
    assert_eq!(user.id, 1);
    assert_eq!(user.first_name, "Ana");
    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, "POST");
    assert_eq!(seen[0].header("content-type"), Some("application/json"));
    let sent: serde_json::Value = serde_json::from_slice(&seen[0].body).expect("JSON body");
    assert_eq!(sent["email"], "ana@example.com");
}

#[tokio::test(start_paused = true)]
async fn a_raw_404_is_an_api_error_naming_method_and_path() {
    let server = Server::start(|_, _| json(404, r#"{"detail": "Não encontrado."}"#)).await;
    let client = client(&server);
    let err = client
        .request(Method::GET, "/v2/reports/sales/")
        .send::<serde_json::Value>()
        .await
        .expect_err("404");
    let Error::Api(api) = &err else {
        panic!("expected Error::Api, got {err:?}");
    };
    assert_eq!(api.status().as_u16(), 404);
    assert_eq!(err.detail(), Some("Não encontrado."));
    let sent = server.seen()[0].header("x-request-id").map(str::to_owned);
    assert_eq!(err.invocation_id().map(|id| id.to_string()), sent);
    let op = err.operation().expect("an operation");
    assert_eq!(
        (op.id, op.method, op.path),
        ("request", "GET", "/v2/reports/sales/")
    );
    let shown = err.to_string();
    assert!(shown.contains("request GET /v2/reports/sales/"), "{shown}");
    assert!(!shown.contains(TOKEN), "{shown}");
}

#[tokio::test(start_paused = true)]
async fn send_bytes_hands_over_the_body_as_sent_and_a_schema_route_is_its_operation() {
    const SENT: &str = "{ \"id\": 7,  \"nickname\": \"m\", \"score\": 1.10 }";
    let server = Server::start(|seen, _| {
        if seen.target.ends_with("/7/") {
            json(200, SENT)
        } else {
            json(404, r#"{"detail": "Não encontrado."}"#)
        }
    })
    .await;
    let client = client(&server);
    let answer = client
        .request(Method::GET, "/v2/users/7/")
        .send_bytes()
        .await
        .expect("a user");
    assert_eq!(answer.status().as_u16(), 200);
    assert_eq!(&answer.into_inner()[..], SENT.as_bytes());
    let err = client
        .request(Method::GET, "/v2/users/8/")
        .send_bytes()
        .await
        .expect_err("404");
    assert_eq!(err.operation().map(|op| op.id), Some("user_get"));
    assert_eq!(err.raw_body(), Some(r#"{"detail": "Não encontrado."}"#));
}

#[tokio::test(start_paused = true)]
async fn a_raw_public_path_carries_no_credentials() {
    let server = Server::start(|_, _| json(201, r#"{"detail": "Enviado."}"#)).await;
    let client = client(&server);
    client
        .request(Method::POST, "/public/v1/contact/")
        .json(&serde_json::json!({"name": "Ana", "email": "ana@example.com", "message": "Oi"}))
        .send::<serde_json::Value>()
        .await
        .expect("sent");
    let seen = server.seen();
    assert_eq!(seen[0].target, "/api/public/v1/contact/");
    assert_eq!(seen[0].header("authorization"), None);
    assert!(seen[0].header("x-request-id").is_some());
}

#[tokio::test(start_paused = true)]
async fn raw_paths_off_the_base_url_are_refused_unsent() {
    let server = Server::start(|_, _| json(200, "{}")).await;
    let client = client(&server);
    let elsewhere = server.origin.replace("127.0.0.1", "localhost");
    for path in [
        "https://elsewhere.example/v2/users/".to_owned(),
        "//elsewhere.example/v2/users/".to_owned(),
        "v2/users/".to_owned(),
        format!("{elsewhere}/api/v2/users/"),
        "/\\elsewhere.example/v2/users/".to_owned(),
    ] {
        let message = invalid_request(
            client
                .request(Method::GET, &path)
                .send::<serde_json::Value>()
                .await,
        );
        assert!(message.contains("single `/`"), "{path}: {message}");
        let message = invalid_request(client.request(Method::DELETE, &path).send_empty().await);
        assert!(message.contains("base URL"), "{path}: {message}");
    }
    assert_eq!(server.hits(), 0);
    assert_eq!(server.connections(), 0);
}

#[tokio::test(start_paused = true)]
async fn a_raw_get_is_retried_and_a_raw_post_is_not() {
    let server = Server::start(|seen, i| match (seen.method.as_str(), i) {
        ("GET", 0 | 1) | ("POST", _) => json(503, UNAVAILABLE),
        _ => json(200, r#"{"ok": true}"#),
    })
    .await;
    let client = client(&server);
    let answer = client
        .request(Method::GET, "/v2/reports/sales/")
        .send::<serde_json::Value>()
        .await
        .expect("third attempt");
    assert_eq!(answer["ok"], true);
    assert_eq!(server.hits(), 3);
    let err = client
        .request(Method::POST, "/v2/reports/sales/")
        .json(&serde_json::json!({"year": 2026}))
        .send::<serde_json::Value>()
        .await
        .expect_err("503");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(server.hits(), 4);
    // And per-call options apply to raw requests: no retries for this GET.
    let err = client
        .request(Method::GET, "/v2/reports/sales/")
        .options(CallOptions::new().retry(RetryPolicy::none()))
        .send::<serde_json::Value>()
        .await;
    assert!(err.is_ok(), "{err:?}");
    assert_eq!(server.hits(), 5);
}

#[tokio::test(start_paused = true)]
async fn a_raw_delete_with_an_empty_success() {
    let server = Server::start(|_, _| Reply::With(204, vec![], String::new())).await;
    let client = client(&server);
    let done = client
        .request(Method::DELETE, "/v2/users/7/")
        .send_empty()
        .await
        .expect("deleted");
    assert_eq!(done.status().as_u16(), 204);
    let seen = server.seen();
    assert_eq!(
        (seen[0].method.as_str(), seen[0].target.as_str()),
        ("DELETE", "/api/v2/users/7/")
    );
    assert_eq!(seen[0].header("content-type"), None);
}
