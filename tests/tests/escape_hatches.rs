//! Escape hatches against servers on 127.0.0.1: per-call options on a
//! generated call (`.options(CallOptions)`).

use std::time::Duration;

use mindz_sdk::{CallOptions, Client, Error, RetryPolicy, TimeoutLimit};
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
