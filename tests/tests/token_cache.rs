//! The token cache against its endpoint, on a paused clock: a token is
//! served until it actually expires, a refresh that fails early is not
//! handed to callers that still have a valid token, retries do not meet a
//! held failure, and a custom provider runs under the load timeout. The
//! server is `support/loopback.rs`'s, on the test's own runtime, so the
//! paused clock only moves when nothing is left to do.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use mindz_sdk::auth::{AccessToken, AuthError, TokenProvider};
use mindz_sdk::{Client, Error};
use tokio::time::Instant;

#[path = "support/loopback.rs"]
mod loopback;

use loopback::{Server, json};

const USER: &str =
    r#"{"id": 1, "email": "ana@example.com", "first_name": "Ana", "last_name": "Silva"}"#;

fn is_token_request(target: &str) -> bool {
    target.starts_with("/o/token/")
}

#[tokio::test(start_paused = true)]
async fn a_token_outlives_its_endpoint_until_it_expires() {
    // The first token lives 6 s; from then on the token endpoint is down.
    let token_requests = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&token_requests);
    let server = Server::start(move |seen, _| {
        if is_token_request(&seen.target) {
            match counted.fetch_add(1, Ordering::SeqCst) {
                0 => json(
                    200,
                    r#"{"access_token": "tok-6s", "token_type": "Bearer", "expires_in": 6}"#,
                ),
                _ => json(503, r#"{"error": "temporarily_unavailable"}"#),
            }
        } else if seen.header("authorization") == Some("Bearer tok-6s") {
            json(200, USER)
        } else {
            json(401, r#"{"detail": "Token inválido."}"#)
        }
    })
    .await;
    let client = Client::builder()
        .base_url(server.base_url())
        .client_credentials("app-cache", "KEY-cache")
        .build()
        .unwrap();
    let start = Instant::now();
    client.user_get().user_id(1).send().await.unwrap();
    assert_eq!(token_requests.load(Ordering::SeqCst), 1);

    // At 4 s the token is inside its refresh window (6 s lifetime, skew
    // capped at 3 s): the refresh fails in the background, the call does
    // not wait for it and goes out with the valid token.
    tokio::time::sleep_until(start + Duration::from_secs(4)).await;
    let user = client.user_get().user_id(1).send().await.unwrap();
    assert_eq!(user.id, 1);
    tokio::task::yield_now().await;
    // Later calls still get the token; the failure stays in the cache.
    client.user_get().user_id(1).send().await.unwrap();
    let early = token_requests.load(Ordering::SeqCst);
    assert_eq!(early, 2, "one early refresh, held after it failed");
    let api_calls = server.hits() - early;
    assert_eq!(api_calls, 3);

    // After expiry: no token left, every attempt tries the endpoint again
    // (each retry waits out the held failure instead of meeting it).
    tokio::time::sleep_until(start + Duration::from_secs(7)).await;
    match client.user_get().user_id(1).send().await {
        Err(Error::Auth(e)) => assert!(e.is_transient(), "{e}"),
        other => panic!("expected Error::Auth, got {other:?}"),
    }
    assert_eq!(
        token_requests.load(Ordering::SeqCst),
        early + 3,
        "three attempts, three token requests"
    );
    assert_eq!(
        server.hits() - token_requests.load(Ordering::SeqCst),
        3,
        "no API request without a token"
    );
}

/// A provider whose `token()` never answers.
struct Silent;

impl TokenProvider for Silent {
    async fn token(&self) -> Result<AccessToken, AuthError> {
        std::future::pending().await
    }
    fn invalidate(&self) {}
}

#[tokio::test(start_paused = true)]
async fn a_provider_that_never_answers_fails_the_call_at_the_load_timeout() {
    let server = Server::start(|_, _| json(200, USER)).await;
    let client = Client::builder()
        .base_url(server.base_url())
        .token_provider(Silent)
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.user_get().user_id(1).send().await.unwrap_err();
    assert!(
        started.elapsed() <= Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    match &error {
        Error::Auth(e) => {
            assert_eq!(e.code(), "token_provider_error");
            assert!(e.to_string().contains("load timeout of 5s"), "{e}");
        }
        other => panic!("expected Error::Auth, got {other:?}"),
    }
    assert_eq!(server.hits(), 0, "nothing is sent");

    // The load timeout is configurable with a custom provider too.
    let client = Client::builder()
        .base_url(server.base_url())
        .token_provider(Silent)
        .token_load_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = Instant::now();
    assert!(matches!(client.authenticate().await, Err(Error::Auth(_))));
    assert_eq!(started.elapsed(), Duration::from_millis(300));
}
