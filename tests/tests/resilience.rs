//! Retries, timeouts, errors and tracing against servers on 127.0.0.1.
//!
//! The servers are `support/loopback.rs`'s, running on the test's own
//! runtime, so that under a paused Tokio clock the per-attempt timeout only
//! fires when a server really does not answer.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mindz_sdk::{Client, RetryPolicy, types};
use tokio::time::Instant;

const TOKEN: &str = "tok-SECRET-5f1e2d";
const APP_ID: &str = "app-resilience";
const API_KEY: &str = "KEY-SECRET-9a8b7c";
const USER: &str =
    r#"{"id": 1, "email": "ana@example.com", "first_name": "Ana", "last_name": "Silva"}"#;

#[path = "support/loopback.rs"]
mod loopback;

use loopback::{Reply, Seen, Server, json};

/// Sends `user_create` for Ana Silva with `email`, expecting it to fail.
async fn create_user_error(client: &Client, email: &str) -> mindz_sdk::Error {
    let body = types::UserCreate::builder()
        .email(email)
        .first_name("Ana")
        .last_name("Silva");
    match client.user_create().body(body).send().await {
        Ok(_) => panic!("user_create succeeded"),
        Err(err) => err,
    }
}

/// Sends `user_get` for user 1, expecting it to fail.
async fn get_user_error(client: &Client) -> mindz_sdk::Error {
    match client.user_get().user_id(1).send().await {
        Ok(_) => panic!("user_get succeeded"),
        Err(err) => err,
    }
}

fn is_user_get(seen: &Seen) -> bool {
    seen.method == "GET" && seen.target.starts_with("/api/v2/users/1/")
}

#[tokio::test(start_paused = true)]
async fn thirty_percent_503s_all_200_calls_succeed() {
    // Requests 0, 3, 6 of every ten fail: 30 %, never twice in a row.
    let server = Server::start(|_, i| {
        if matches!(i % 10, 0 | 3 | 6) {
            json(503, r#"{"detail": "Service unavailable."}"#)
        } else {
            json(200, USER)
        }
    })
    .await;
    let client = server.builder(TOKEN).build().expect("client");
    let started = Instant::now();
    for call in 0..200 {
        let user = client
            .user_get()
            .user_id(1)
            .send()
            .await
            .unwrap_or_else(|e| panic!("call {call}: {e}"));
        assert_eq!(user.id, 1);
    }
    let hits = server.hits();
    let failed = (0..hits).filter(|i| matches!(i % 10, 0 | 3 | 6)).count();
    assert_eq!(hits - failed, 200);
    let share = failed as f64 / hits as f64;
    assert!((0.28..=0.32).contains(&share), "{failed} of {hits} failed");
    eprintln!(
        "200 calls, {hits} requests, {failed} answered 503 ({:.1} %), {:?} of (paused) backoff",
        share * 100.0,
        started.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn a_post_answered_503_is_sent_once() {
    let server = Server::start(|_, _| json(503, r#"{"detail": "Service unavailable."}"#)).await;
    let client = server.builder(TOKEN).build().expect("client");
    let err = create_user_error(&client, "ana@example.com").await;
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(server.hits(), 1);
    assert_eq!(server.seen()[0].method, "POST");

    // Opting in retries it.
    let opted = server
        .builder(TOKEN)
        .retry(RetryPolicy::default().retry_non_idempotent(true))
        .build()
        .expect("client");
    let err = create_user_error(&opted, "ana@example.com").await;
    assert!(err.is_retryable());
    assert_eq!(server.hits(), 1 + 3);
}

#[tokio::test(start_paused = true)]
async fn retry_after_two_seconds_is_honoured() {
    let server = Server::start(|_, i| match i {
        0 => Reply::With(
            429,
            vec![("retry-after", "2".to_owned())],
            r#"{"detail": "Slow down."}"#.to_owned(),
        ),
        _ => json(200, USER),
    })
    .await;
    let client = server.builder(TOKEN).build().expect("client");
    let started = Instant::now();
    let user = client.user_get().user_id(1).send().await.expect("retried");
    let waited = started.elapsed();
    assert_eq!(user.id, 1);
    assert_eq!(server.hits(), 2);
    assert!(
        waited >= Duration::from_secs(2) && waited < Duration::from_millis(2500),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn retry_after_past_the_cap_returns_at_once() {
    let server = Server::start(|_, _| {
        Reply::With(
            503,
            vec![("retry-after", "120".to_owned())],
            r#"{"detail": "Maintenance."}"#.to_owned(),
        )
    })
    .await;
    let client = server.builder(TOKEN).build().expect("client");
    let started = Instant::now();
    let err = get_user_error(&client).await;
    assert_eq!(started.elapsed(), Duration::ZERO);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(server.hits(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_server_that_never_answers_times_out() {
    let server = Server::start(|_, _| Reply::Hang).await;

    let client = server
        .builder(TOKEN)
        .timeout(Duration::from_secs(5))
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    let started = Instant::now();
    let err = get_user_error(&client).await;
    assert!(err.is_timeout(), "{err:?}");
    assert!(err.is_transport() && err.is_retryable());
    assert_eq!(started.elapsed(), Duration::from_secs(5));
    assert_eq!(server.hits(), 1);
    assert!(
        err.to_string().contains("per-attempt timeout of 5s"),
        "{err}"
    );

    // Retried per the policy (timeouts are retryable for GET) until the
    // overall deadline stops it.
    let client = server
        .builder(TOKEN)
        .timeout(Duration::from_secs(5))
        .retry(RetryPolicy::default().max_attempts(10).jitter(false))
        .deadline(Duration::from_secs(12))
        .build()
        .expect("client");
    let started = Instant::now();
    let err = get_user_error(&client).await;
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(started.elapsed(), Duration::from_secs(12));
    assert_eq!(server.hits(), 1 + 3);
    assert!(err.to_string().contains("deadline of 12s"), "{err}");

    // The error says which limit expired.
    match &err {
        mindz_sdk::Error::Timeout(timeout) => {
            assert_eq!(
                timeout.limit(),
                mindz_sdk::TimeoutLimit::Deadline(Duration::from_secs(12))
            );
            assert!(!timeout.while_reading_body());
        }
        other => panic!("expected Error::Timeout, got {other:?}"),
    }
}

#[tokio::test(start_paused = true)]
async fn a_reset_before_the_headers_is_retried_for_get_not_post() {
    let server = Server::start(|seen, _| {
        static RESETS: AtomicUsize = AtomicUsize::new(0);
        if seen.method == "POST" || RESETS.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::Reset
        } else {
            json(200, USER)
        }
    })
    .await;
    let client = server.builder(TOKEN).build().expect("client");
    let user = client.user_get().user_id(1).send().await.expect("retried");
    assert_eq!(user.id, 1);
    assert_eq!(server.hits(), 2);
    assert!(server.seen().iter().all(is_user_get));

    let err = create_user_error(&client, "ana@example.com").await;
    assert!(err.is_transport() && !err.is_timeout(), "{err:?}");
    assert_eq!(server.hits(), 3, "the POST was sent once");
}

#[tokio::test(start_paused = true)]
async fn connection_refused_is_retried_even_for_post() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let client = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}/api"))
        .bearer_token(TOKEN)
        .retry(RetryPolicy::default().jitter(false))
        .build()
        .expect("client");
    let started = Instant::now();
    let err = create_user_error(&client, "ana@example.com").await;
    assert!(err.is_transport() && !err.is_timeout(), "{err:?}");
    assert!(err.to_string().starts_with("could not connect: "), "{err}");
    // Waited 250 ms + 500 ms between the three attempts.
    assert_eq!(started.elapsed(), Duration::from_millis(750));
}

#[tokio::test(start_paused = true)]
async fn a_timeout_while_the_body_is_read_says_so() {
    let server = Server::start(|_, _| Reply::HangInBody).await;
    let client = server
        .builder(TOKEN)
        .timeout(Duration::from_secs(5))
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    let started = Instant::now();
    let err = get_user_error(&client).await;
    assert_eq!(started.elapsed(), Duration::from_secs(5));
    match &err {
        mindz_sdk::Error::Timeout(timeout) => {
            assert_eq!(
                timeout.limit(),
                mindz_sdk::TimeoutLimit::Attempt(Duration::from_secs(5))
            );
            assert!(timeout.while_reading_body());
        }
        other => panic!("expected Error::Timeout, got {other:?}"),
    }
    assert!(
        err.to_string()
            .starts_with("the per-attempt timeout of 5s expired while reading the response body"),
        "{err}"
    );
}

/// How a caller builds its own reqwest client.
type OwnClient = fn(reqwest::ClientBuilder) -> reqwest::ClientBuilder;

/// A caller's own reqwest client: the SDK's per-attempt timeout replaces
/// the client's `timeout`, `Duration::MAX` keeps it, and a client's
/// `read_timeout` that strikes first is named as the client's.
#[tokio::test(start_paused = true)]
async fn the_attempt_timeout_replaces_an_own_clients_timeout() {
    use mindz_sdk::TimeoutLimit::{Attempt, HttpClient};
    let server = Server::start(|_, _| Reply::Hang).await;
    let five = Duration::from_secs(5);
    let cases: [(OwnClient, Duration, u64, mindz_sdk::TimeoutLimit); 3] = [
        // The SDK's 5 s, not the client's 1 s.
        (
            |b| b.timeout(Duration::from_secs(1)),
            five,
            5,
            Attempt(five),
        ),
        // No SDK timer: the client's own 1 s.
        (
            |b| b.timeout(Duration::from_secs(1)),
            Duration::MAX,
            1,
            HttpClient,
        ),
        // The client's read timeout of 2 s strikes before the SDK's 5 s.
        (
            |b| b.read_timeout(Duration::from_secs(2)),
            five,
            2,
            HttpClient,
        ),
    ];
    for (own, sdk_timeout, seconds, limit) in cases {
        let http = own(mindz_sdk::tls::reqwest_builder().expect("TLS"))
            .build()
            .expect("reqwest client");
        let client = server
            .builder(TOKEN)
            .http_client(http)
            .timeout(sdk_timeout)
            .retry(RetryPolicy::none())
            .build()
            .expect("client");
        let started = Instant::now();
        let err = get_user_error(&client).await;
        assert_eq!(started.elapsed(), Duration::from_secs(seconds), "{err}");
        match &err {
            mindz_sdk::Error::Timeout(timeout) => assert_eq!(timeout.limit(), limit, "{err}"),
            other => panic!("expected Error::Timeout, got {other:?}"),
        }
        assert!(err.is_retryable(), "{err}");
    }
}

#[tokio::test(start_paused = true)]
async fn malformed_json_is_a_decode_error_without_the_body() {
    const BODY: &str = r#"{"id": 1, "email": "ana@example.com", "first_na"#;
    let server = Server::start(|_, _| json(200, BODY)).await;
    let client = server.builder(TOKEN).build().expect("client");
    let err = get_user_error(&client).await;
    let mindz_sdk::error::Error::Decode(decode) = &err else {
        panic!("{err:?}")
    };
    assert!(decode.message().contains("EOF"), "{}", decode.message());
    assert_eq!(decode.body_len(), BODY.len());
    // Says what and where, never a snippet of the body.
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("ana@example.com"), "{shown}");
    assert!(shown.contains("did not decode"), "{shown}");
    assert_eq!(server.hits(), 1, "decode errors are not retried");
}

#[tokio::test(start_paused = true)]
async fn not_found_is_an_api_error_with_detail_status_and_request_id() {
    let server = Server::start(|_, _| {
        Reply::With(
            404,
            vec![("x-request-id", "req-7f3a".to_owned())],
            r#"{"detail": "Not found."}"#.to_owned(),
        )
    })
    .await;
    let client = server.builder(TOKEN).build().expect("client");
    let err = get_user_error(&client).await;
    assert!(matches!(err, mindz_sdk::error::Error::Api(_)), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(err.detail(), Some("Not found."));
    assert_eq!(err.request_id(), Some("req-7f3a"));
    assert_eq!(err.operation().map(|op| op.id), Some("user_get"));
    assert!(!err.is_retryable() && !err.is_auth() && !err.is_transport());
    let id = err.invocation_id().expect("invocation id");
    assert_eq!(
        err.to_string(),
        format!(
            "404 Not Found: Not found. [user_get GET /v2/users/{{user_id}}/; invocation {id}; request id req-7f3a]"
        )
    );
    let debug = format!("{err:?}");
    assert!(!debug.contains(TOKEN), "{debug}");
    assert_eq!(server.hits(), 1);

    // `?` works in a function returning mindz_sdk::Result.
    async fn get(client: &Client) -> mindz_sdk::Result<i64> {
        Ok(client.user_get().user_id(1).send().await?.id)
    }
    assert!(get(&client).await.unwrap_err().detail().is_some());
}

#[tokio::test(start_paused = true)]
async fn non_json_error_bodies_keep_status_and_text() {
    const HTML: &str = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let server = Server::start(|seen, _| {
        if seen.target.contains("/users/1/") {
            Reply::With(
                502,
                vec![
                    ("x-request-id", "edge-1".to_owned()),
                    ("content-type", "text/html; charset=utf-8".to_owned()),
                ],
                HTML.to_owned(),
            )
        } else {
            Reply::With(404, vec![], String::new())
        }
    })
    .await;
    let client = server.builder(TOKEN).build().expect("client");
    let err = get_user_error(&client).await;
    assert_eq!(server.hits(), 3, "502 is retried");
    let api = err.api().expect("an API error, not a decode error");
    // The server's own headers, Content-Type included, and its text.
    assert_eq!(api.content_type(), Some("text/html; charset=utf-8"));
    assert_eq!(api.text(), HTML);
    assert!(
        api.headers()
            .keys()
            .all(|k| !k.as_str().starts_with("x-mindz-sdk"))
    );
    assert_eq!(err.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(err.detail(), None);
    assert_eq!(err.request_id(), Some("edge-1"));
    assert!(err.is_retryable());
    let id = err.invocation_id().expect("invocation id");
    assert_eq!(
        err.to_string(),
        format!(
            "502 Bad Gateway: text/html body of {} bytes [user_get GET /v2/users/{{user_id}}/; invocation {id}; request id edge-1]",
            HTML.len()
        )
    );
    // The three attempts carried the same X-Request-ID: the invocation id.
    let sent: Vec<String> = server
        .seen()
        .iter()
        .filter_map(|seen| {
            seen.headers
                .iter()
                .find(|(k, _)| k == "x-request-id")
                .map(|(_, v)| v.clone())
        })
        .collect();
    assert_eq!(sent, vec![id.to_string(); 3]);

    let err = client.user_get().user_id(2).send().await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(err.detail(), None);
    let id = err.invocation_id().expect("invocation id");
    assert_eq!(
        err.to_string(),
        format!("404 Not Found [user_get GET /v2/users/{{user_id}}/; invocation {id}]")
    );
}

#[tokio::test(start_paused = true)]
async fn validation_errors_give_field_messages() {
    let server = Server::start(|_, _| {
        json(
            400,
            r#"{"email": ["Enter a valid email address."], "non_field_errors": ["Duplicate."]}"#,
        )
    })
    .await;
    let client = server.builder(TOKEN).build().expect("client");
    let err = create_user_error(&client, "not-an-email").await;
    assert!(err.is_invalid_request());
    let fields = err.field_errors();
    assert_eq!(fields["email"], ["Enter a valid email address."]);
    assert_eq!(fields["non_field_errors"], ["Duplicate."]);
    let id = err.invocation_id().expect("invocation id");
    assert_eq!(
        err.to_string(),
        format!(
            "400 Bad Request: invalid email, non_field_errors [user_create POST /v2/users/; invocation {id}]"
        )
    );
}

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Capture {
    type Writer = Capture;
    fn make_writer(&'a self) -> Capture {
        self.clone()
    }
}

#[tokio::test(start_paused = true)]
async fn traces_carry_no_secret_and_no_query_value() {
    use tracing_subscriber::fmt::format::FmtSpan;
    const SEARCH: &str = "maria.secret@example.com";

    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(capture.clone())
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(false)
        .finish();
    // With a single dispatcher registered, tracing-core computes the interest
    // of callsites first hit on *other* test threads from those threads'
    // (empty) default and caches "never". A second dispatcher makes it ask
    // every registered dispatcher, ours included.
    let _second = tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default());
    let _guard = tracing::subscriber::set_default(subscriber);
    tracing::callsite::rebuild_interest_cache();

    // Client credentials: the API key goes to the token endpoint, the token
    // to the API; the first list request is answered 503 and retried.
    let server = Server::start(|seen, _| {
        if seen.target.starts_with("/o/token/") {
            return json(
                200,
                &format!(
                    r#"{{"access_token": "{TOKEN}", "token_type": "Bearer", "expires_in": 3600}}"#
                ),
            );
        }
        static LISTS: AtomicUsize = AtomicUsize::new(0);
        if seen.target.starts_with("/api/v2/users/?") && LISTS.fetch_add(1, Ordering::SeqCst) == 0 {
            return json(503, r#"{"detail": "busy"}"#);
        }
        if seen.target.starts_with("/api/v2/users/?") {
            return json(
                200,
                &format!(r#"{{"count": 1, "next": null, "previous": null, "results": [{USER}]}}"#),
            );
        }
        json(404, r#"{"detail": "Not found."}"#)
    })
    .await;
    let client = Client::builder()
        .base_url(server.base_url())
        .client_credentials(APP_ID, API_KEY)
        .build()
        .expect("client");
    let page = client
        .user_list()
        .search(SEARCH)
        .send()
        .await
        .expect("list");
    assert_eq!(page.results.len(), 1);
    let err = client.user_get().user_id(2).send().await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));

    // The secrets did travel...
    let seen = server.seen();
    assert!(
        seen.iter()
            .any(|s| s.target.contains("search=maria.secret"))
    );
    assert!(seen.iter().any(|s| {
        s.headers
            .iter()
            .any(|(k, v)| k == "authorization" && v.contains(TOKEN))
    }));

    // ...but not into the trace.
    let output = String::from_utf8(capture.0.lock().unwrap().clone()).expect("utf-8");
    for secret in [
        TOKEN, API_KEY, "Bearer", "Basic ", SEARCH, "maria", "search=",
    ] {
        assert!(
            !output.contains(secret),
            "trace contains {secret:?}:\n{output}"
        );
    }
    for expected in [
        "mindz.request",
        "operation_id=\"user_list\"",
        "method=\"GET\"",
        "path=\"/v2/users/\"",
        "attempt=2",
        "status=200",
        "duration_ms=",
        "retrying",
        "reason=status 503",
        "operation_id=\"user_get\"",
        "path=\"/v2/users/{user_id}/\"",
        "status=404",
    ] {
        assert!(
            output.contains(expected),
            "trace lacks {expected:?}:\n{output}"
        );
    }
}
