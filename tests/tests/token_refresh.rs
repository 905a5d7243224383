//! The shared token refresh seen through real calls against a fake Mindz on
//! 127.0.0.1: it belongs to no caller, has its own load timeout, is not
//! repeated per call for a persistent 401 or a tiny lifetime, and every
//! caller meets the same typed failure.

mod support;

use std::time::Duration;

use mindz_sdk::{Client, Error};
use support::{FakeMindz, bearer, timerless_auth};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, ResponseTemplate};

async fn list_users(client: &Client) -> mindz_sdk::Result<usize> {
    Ok(client.user_list().send().await?.results.len())
}

#[tokio::test]
async fn a_token_endpoint_slower_than_the_attempt_timeout_still_gives_tokens() {
    let fake = FakeMindz::start().await;
    fake.set_token_delay(Duration::from_millis(600));
    // Each attempt may take 200 ms; the token fetch takes 600 ms, under its
    // own 5 s load timeout, outside the attempt's timer.
    let client = fake
        .builder()
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let calls: Vec<_> = (0..5)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { list_users(&client).await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(fake.token_requests(), 1);
    assert_eq!(fake.api_requests(), 5);
}

#[tokio::test]
async fn a_hung_token_endpoint_fails_every_caller_at_the_load_timeout() {
    let fake = FakeMindz::start().await;
    fake.set_token_delay(Duration::from_secs(30));
    let http = mindz_sdk::tls::reqwest_builder().unwrap().build().unwrap();
    let client = fake
        .builder()
        .http_client(http)
        .token_load_timeout(Duration::from_millis(300))
        .retry(mindz_sdk::RetryPolicy::none())
        .build()
        .unwrap();
    let calls: Vec<_> = (0..10)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { list_users(&client).await })
        })
        .collect();
    let mut codes = Vec::new();
    for call in calls {
        match call.await.unwrap() {
            Err(Error::Auth(e)) => {
                assert!(e.is_timeout() && e.is_transient(), "{e}");
                assert!(e.to_string().contains("load timeout of 300ms"), "{e}");
                codes.push(e.code().to_owned());
            }
            other => panic!("expected Error::Auth, got {other:?}"),
        }
    }
    assert_eq!(codes, vec!["token_endpoint_unreachable"; 10]);
    assert_eq!(fake.token_requests(), 1);
    assert_eq!(fake.api_requests(), 0);
}

#[tokio::test(start_paused = true)]
async fn cancelling_the_caller_that_started_a_refresh_leaves_the_waiters_their_token() {
    let fake = FakeMindz::start().await;
    // Real time on the server's thread: the refresh is in flight while the
    // test cancels its starter.
    fake.set_token_delay(Duration::from_millis(300));
    let client = timerless_auth(fake.builder()).build().unwrap();
    let starter = {
        let client = client.clone();
        tokio::spawn(async move { list_users(&client).await })
    };
    tokio::time::sleep(Duration::from_millis(10)).await;
    let waiters: Vec<_> = (0..20)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { list_users(&client).await })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(10)).await;
    starter.abort();
    assert!(starter.await.unwrap_err().is_cancelled());
    for waiter in waiters {
        waiter.await.unwrap().unwrap();
    }
    assert_eq!(fake.token_requests(), 1);
    assert!(fake.api_auth().iter().all(|a| *a == bearer("tok-1")));
}

#[tokio::test]
async fn a_persistent_401_costs_a_handful_of_token_requests_not_one_per_call() {
    let fake = FakeMindz::start().await;
    fake.reject_all_tokens();
    let client = fake.builder().build().unwrap();
    for call in 0..30 {
        match list_users(&client).await {
            Err(Error::Api(api)) => assert_eq!(api.status(), 401, "call {call}"),
            other => panic!("call {call}: expected a 401, got {other:?}"),
        }
    }
    // The first fetch, and one replacement of the rejected token; then the
    // 401s are returned as they are for MIN_REFRESH_INTERVAL.
    let tokens = fake.token_requests();
    assert!((2..=4).contains(&tokens), "{tokens} token requests");
    assert!(fake.api_requests() <= 30 + 3, "{}", fake.api_requests());
}

#[tokio::test]
async fn expires_in_zero_does_not_cost_a_token_request_per_call() {
    let fake = FakeMindz::start().await;
    fake.set_expires_in(Some(0));
    let client = fake.builder().build().unwrap();
    for _ in 0..20 {
        list_users(&client).await.unwrap();
    }
    let tokens = fake.token_requests();
    assert!(tokens <= 2, "{tokens} token requests for 20 calls");
}

#[tokio::test]
async fn a_403_with_an_invalid_token_challenge_triggers_the_refresh() {
    let fake = FakeMindz::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/"))
        .and(header("authorization", "Bearer tok-1"))
        .respond_with(ResponseTemplate::new(403).insert_header(
            "www-authenticate",
            r#"Bearer realm="api", error="invalid_token", error_description="Token expirado.""#,
        ))
        .with_priority(1)
        .mount(&fake.server)
        .await;
    let client = fake.builder().build().unwrap();
    list_users(&client).await.unwrap();
    assert_eq!(fake.token_requests(), 2);
    assert_eq!(
        fake.api_auth(),
        vec![bearer("tok-2")],
        "tok-1 never reached the fake's counter"
    );

    // A 403 without the challenge is a missing permission: no refresh.
    let other = FakeMindz::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/users/"))
        .respond_with(
            ResponseTemplate::new(403)
                .set_body_json(serde_json::json!({"detail": "Você não tem permissão."})),
        )
        .with_priority(1)
        .mount(&other.server)
        .await;
    let client = other.builder().build().unwrap();
    match list_users(&client).await {
        Err(Error::Api(api)) => assert_eq!(api.status(), 403),
        other => panic!("expected a 403, got {other:?}"),
    }
    assert_eq!(other.token_requests(), 1);
}

#[tokio::test]
async fn scopes_go_on_the_token_request() {
    let fake = FakeMindz::start().await;
    let client = fake.builder().scopes(["read", "write"]).build().unwrap();
    client.authenticate().await.unwrap();
    let requests = fake.server.received_requests().await.unwrap();
    let token_request = requests
        .iter()
        .find(|r| r.url.path() == "/o/token/")
        .expect("a token request");
    let form = String::from_utf8_lossy(&token_request.body);
    assert!(form.contains("scope=read+write"), "{form}");
}

#[tokio::test]
async fn a_client_can_be_told_to_drop_its_cached_token() {
    let fake = FakeMindz::start().await;
    let client = fake.builder().build().unwrap();
    list_users(&client).await.unwrap();
    list_users(&client).await.unwrap();
    assert_eq!(fake.token_requests(), 1);
    client.clone().invalidate_token();
    list_users(&client).await.unwrap();
    assert_eq!(fake.token_requests(), 2);
    assert_eq!(
        fake.api_auth(),
        vec![bearer("tok-1"), bearer("tok-1"), bearer("tok-2")]
    );
}

#[tokio::test]
async fn a_500_with_an_html_body_keeps_the_servers_content_type() {
    let fake = FakeMindz::start().await;
    let page = "<!DOCTYPE html><html><body><h1>Server Error (500)</h1></body></html>";
    Mock::given(method("GET"))
        .and(path("/api/v2/users/"))
        .respond_with(ResponseTemplate::new(500).set_body_raw(page, "text/html; charset=utf-8"))
        .with_priority(1)
        .mount(&fake.server)
        .await;
    let client = fake.builder().build().unwrap();
    let err = list_users(&client).await.unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!(api.status(), 500);
    assert_eq!(api.content_type(), Some("text/html; charset=utf-8"));
    assert_eq!(api.text(), page);
    assert!(
        api.headers()
            .keys()
            .all(|name| !name.as_str().starts_with("x-mindz-sdk"))
    );
    assert!(!format!("{err} {err:?}").contains("<h1>"), "{err}");
}
