//! Authentication against a fake Mindz on 127.0.0.1: token caching and
//! refresh, single-flight under concurrency, 401 handling, error reporting,
//! public endpoints, redaction, and configuration from the environment.

mod support;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use mindz_sdk::auth::{AccessToken, AuthError, TokenProvider};
use mindz_sdk::env::{
    ENV_ACCESS_TOKEN, ENV_API_KEY, ENV_APP_ID, ENV_BASE_URL, ENV_EAD_ID, ENV_TOKEN_URL,
};
use mindz_sdk::{BuildError, Client, Error};
use support::{API_KEY, APP_ID, FakeMindz, bearer, closed_port, timerless_auth};
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

const BEARER_SECRET: &str = "static-bearer-SECRET-987";

async fn list_users(client: &Client) -> mindz_sdk::Result<()> {
    client.user_list().send().await.map(|_| ())
}

/// The [`AuthError`] inside `err`, or a panic naming what `err` is instead.
fn auth_error(err: Error) -> AuthError {
    match err {
        Error::Auth(e) => e,
        other => panic!("expected Error::Auth, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Caching and refresh

#[tokio::test]
async fn one_token_is_reused_across_calls() {
    let fake = FakeMindz::start().await;
    let client = fake.builder().build().unwrap();
    assert_eq!(fake.token_requests(), 0, "tokens are fetched lazily");

    for _ in 0..5 {
        list_users(&client).await.unwrap();
    }
    // A clone shares the cache.
    list_users(&client.clone()).await.unwrap();

    assert_eq!(fake.token_requests(), 1);
    assert_eq!(fake.api_requests(), 6);
    assert_eq!(fake.api_auth(), vec![bearer("tok-1"); 6]);
    assert_eq!(
        *fake.state.client_auth_styles.lock().unwrap(),
        vec!["basic"]
    );
    let user_agents = fake.state.api_user_agents.lock().unwrap().clone();
    assert_eq!(
        user_agents[0].as_deref(),
        Some(format!("mindz-sdk-rust/{}", sdk_version()).as_str())
    );
}

#[tokio::test]
async fn credentials_can_go_in_the_request_body() {
    let fake = FakeMindz::start().await;
    let client = fake.builder().token_auth_in_body(true).build().unwrap();
    client.authenticate().await.unwrap();
    list_users(&client).await.unwrap();
    assert_eq!(*fake.state.client_auth_styles.lock().unwrap(), vec!["body"]);
    assert_eq!(fake.api_auth(), vec![bearer("tok-1")]);
}

#[tokio::test]
async fn explicit_token_url_is_used() {
    let fake = FakeMindz::start().await;
    let other = FakeMindz::start().await;
    let client = fake
        .builder()
        .token_url(format!("{}/o/token/", other.server.uri()))
        .build()
        .unwrap();
    list_users(&client).await.unwrap();
    assert_eq!((fake.token_requests(), other.token_requests()), (0, 1));
    assert_eq!(fake.api_auth(), vec![bearer("tok-1")]);
}

#[tokio::test(start_paused = true)]
async fn token_is_refreshed_after_expiry_minus_skew() {
    let fake = FakeMindz::start().await;
    fake.set_expires_in(Some(120));
    let client = timerless_auth(fake.builder()).build().unwrap();

    list_users(&client).await.unwrap();
    list_users(&client).await.unwrap();
    tokio::time::advance(Duration::from_secs(59)).await;
    list_users(&client).await.unwrap(); // 59 s: still before 120 - 60
    assert_eq!(fake.token_requests(), 1);

    tokio::time::advance(Duration::from_secs(2)).await;
    // 61 s: within the skew, the refresh starts in the background and the
    // call goes out with the token, still valid, without waiting for it.
    list_users(&client).await.unwrap();
    tokio::time::advance(Duration::from_secs(60)).await;
    list_users(&client).await.unwrap(); // 121 s: tok-1 expired, tok-2 it is
    assert_eq!(fake.token_requests(), 2);
    assert_eq!(
        fake.api_auth(),
        vec![
            bearer("tok-1"),
            bearer("tok-1"),
            bearer("tok-1"),
            bearer("tok-1"),
            bearer("tok-2")
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn refresh_skew_is_configurable() {
    let fake = FakeMindz::start().await;
    fake.set_expires_in(Some(120));
    let client = timerless_auth(fake.builder().token_refresh_skew(Duration::from_secs(10)))
        .build()
        .unwrap();
    list_users(&client).await.unwrap();
    tokio::time::advance(Duration::from_secs(100)).await;
    list_users(&client).await.unwrap();
    assert_eq!(fake.token_requests(), 1);
    tokio::time::advance(Duration::from_secs(11)).await; // 111 s > 120 - 10
    list_users(&client).await.unwrap(); // starts the refresh, sends tok-1
    tokio::time::advance(Duration::from_secs(10)).await; // 121 s: tok-1 expired
    list_users(&client).await.unwrap();
    assert_eq!(fake.token_requests(), 2);
    assert_eq!(fake.api_auth()[3], bearer("tok-2"));
}

#[tokio::test(start_paused = true)]
async fn a_thousand_concurrent_calls_at_expiry_make_one_token_request() {
    let fake = FakeMindz::start().await;
    fake.set_expires_in(Some(120));
    let client = timerless_auth(fake.builder()).build().unwrap();
    list_users(&client).await.unwrap();
    assert_eq!(fake.token_requests(), 1);

    // Expired, with no call in the refresh window before: every call waits.
    tokio::time::advance(Duration::from_secs(121)).await;
    // Slow token endpoint (real time, on the server's thread), so that all
    // the calls are waiting while the refresh is in flight.
    fake.set_token_delay(Duration::from_millis(300));
    let tasks: Vec<_> = (0..1000)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { list_users(&client).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }

    assert_eq!(fake.token_requests(), 2);
    assert_eq!(fake.api_requests(), 1001);
    let auth = fake.api_auth();
    assert_eq!(auth[0], bearer("tok-1"));
    assert!(auth[1..].iter().all(|a| *a == bearer("tok-2")));
}

// ---------------------------------------------------------------------------
// 401 handling

#[tokio::test]
async fn a_401_refreshes_the_token_and_resends_once() {
    let fake = FakeMindz::start().await;
    let client = fake.builder().build().unwrap();
    client.authenticate().await.unwrap();
    assert_eq!(fake.token_requests(), 1);
    fake.revoke("tok-1");

    list_users(&client).await.unwrap();

    assert_eq!(fake.token_requests(), 2);
    assert_eq!(fake.api_requests(), 2);
    assert_eq!(fake.api_auth(), vec![bearer("tok-1"), bearer("tok-2")]);
    // The new token is cached.
    list_users(&client).await.unwrap();
    assert_eq!(fake.token_requests(), 2);
}

#[tokio::test]
async fn a_second_401_is_returned_without_looping() {
    let fake = FakeMindz::start().await;
    fake.reject_all_tokens();
    let client = fake.builder().build().unwrap();

    let err = list_users(&client).await.unwrap_err();

    // A real 401 from the API stays an API error.
    match &err {
        Error::Api(api) => {
            assert_eq!(api.status(), 401);
            assert_eq!(api.detail(), Some("Invalid token."));
        }
        other => panic!("expected Error::Api, got {other:?}"),
    }
    assert_eq!(fake.api_requests(), 2);
    assert_eq!(fake.token_requests(), 2);
    assert_eq!(fake.api_auth(), vec![bearer("tok-1"), bearer("tok-2")]);
}

#[tokio::test]
async fn a_fixed_bearer_token_is_not_resent_after_401() {
    let fake = FakeMindz::start().await;
    let client = Client::builder()
        .base_url(fake.base_url())
        .bearer_token("tok-static")
        .build()
        .unwrap();
    list_users(&client).await.unwrap();
    fake.revoke("tok-static");
    let err = list_users(&client).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(fake.api_requests(), 2);
    assert_eq!(fake.token_requests(), 0);
    assert_eq!(fake.api_auth(), vec![bearer("tok-static"); 2]);
}

// ---------------------------------------------------------------------------
// Token endpoint failures

fn wrong_key_client(fake: &FakeMindz) -> Client {
    Client::builder()
        .base_url(fake.base_url())
        .client_credentials(APP_ID, "wrong-key-SECRET-123")
        .build()
        .unwrap()
}

#[tokio::test]
async fn invalid_client_from_authenticate() {
    let fake = FakeMindz::start().await;
    let client = wrong_key_client(&fake);

    let err = auth_error(client.authenticate().await.unwrap_err());

    assert_eq!(err.code(), "invalid_client");
    assert_eq!(err.description(), Some("Client authentication failed."));
    assert_eq!(err.status(), Some(401));
    assert!(err.is_oauth2() && err.is_credentials_rejected() && !err.is_transient());
    let text = err.to_string();
    assert_eq!(
        text,
        "token request failed with OAuth2 error invalid_client (HTTP 401): Client authentication failed."
    );
    assert!(!text.contains("wrong-key-SECRET-123"));
    assert!(!format!("{err:?}").contains("wrong-key-SECRET-123"));
    assert_eq!(fake.token_requests(), 1);
}

#[tokio::test]
async fn invalid_client_from_a_normal_call() {
    let fake = FakeMindz::start().await;
    let client = wrong_key_client(&fake);

    let err = list_users(&client).await.unwrap_err();

    assert_eq!(err.status(), None, "no HTTP answer is made up");
    assert!(err.is_auth() && !err.is_retryable());
    let id = err
        .invocation_id()
        .expect("every call has an invocation id");
    assert_eq!(
        err.to_string(),
        format!(
            "no access token: token request failed with OAuth2 error invalid_client (HTTP 401): \
             Client authentication failed. [invocation {id}]"
        )
    );
    assert!(!err.to_string().contains("wrong-key-SECRET-123"));
    assert!(!format!("{err:?}").contains("wrong-key-SECRET-123"));
    assert_eq!(auth_error(err).code(), "invalid_client");
    assert_eq!(fake.api_requests(), 0, "nothing reaches the API");
    assert_eq!(fake.token_requests(), 1);
}

#[tokio::test(start_paused = true)]
async fn concurrent_callers_share_one_failed_refresh() {
    let fake = FakeMindz::start().await;
    fake.set_token_delay(Duration::from_millis(200));
    let client = timerless_auth(
        Client::builder()
            .base_url(fake.base_url())
            .client_credentials(APP_ID, "wrong-key-SECRET-123"),
    )
    .build()
    .unwrap();
    // The caller that starts the fetch and 20 that wait for it.
    let tasks: Vec<_> = (0..21)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { list_users(&client).await })
        })
        .collect();
    let mut errors = Vec::new();
    for task in tasks {
        errors.push(auth_error(task.await.unwrap().unwrap_err()));
    }
    assert!(errors.iter().all(|e| e.code() == "invalid_client"));
    assert!(errors.iter().all(|e| e.same_failure(&errors[0])));
    assert_eq!(fake.token_requests(), 1);
    assert_eq!(fake.api_requests(), 0);
    // Held for a moment, so a burst of calls costs one token request...
    assert!(client.authenticate().await.is_err());
    assert_eq!(fake.token_requests(), 1);
    // ...then tried again.
    tokio::time::advance(mindz_sdk::auth::FAILURE_HOLD).await;
    assert!(client.authenticate().await.is_err());
    assert_eq!(fake.token_requests(), 2);
}

#[tokio::test]
async fn unreachable_token_endpoint_is_a_transport_error() {
    let fake = FakeMindz::start().await;
    let client = fake
        .builder()
        .token_url(format!("http://127.0.0.1:{}/o/token/", closed_port()))
        .build()
        .unwrap();

    let err = auth_error(client.authenticate().await.unwrap_err());
    assert!(err.is_transport() && err.is_transient(), "{err:?}");
    assert_eq!(err.code(), "token_endpoint_unreachable");
    assert!(
        err.to_string()
            .starts_with("could not reach the token endpoint http://127.0.0.1:")
    );

    let err = list_users(&client).await.unwrap_err();
    assert!(err.is_retryable(), "transient: {err:?}");
    let err = auth_error(err);
    assert!(err.is_transport(), "{err:?}");
    assert_eq!(err.code(), "token_endpoint_unreachable");
    assert_eq!(fake.api_requests(), 0);
}

#[tokio::test]
async fn a_non_oauth_answer_is_an_invalid_response() {
    let server = MockServer::start().await;
    Mock::given(path("/o/token/"))
        .respond_with(ResponseTemplate::new(404).set_body_string("<html>Not Found</html>"))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(format!("{}/api", server.uri()))
        .client_credentials(APP_ID, API_KEY)
        .build()
        .unwrap();
    let err = auth_error(client.authenticate().await.unwrap_err());
    assert_eq!(err.code(), "invalid_token_response");
    assert_eq!(err.status(), Some(404));
    assert!(err.to_string().contains("check the token URL"), "{err}");

    let err = auth_error(list_users(&client).await.unwrap_err());
    assert_eq!(err.code(), "invalid_token_response");
}

// ---------------------------------------------------------------------------
// Where the Authorization header goes

#[tokio::test]
async fn public_endpoints_never_carry_authorization() {
    let fake = FakeMindz::start().await;
    let client = fake.builder().build().unwrap();

    let stats = client.public_stats_get().send().await.unwrap();
    assert_eq!(stats.students, Some(2));
    assert_eq!(fake.token_requests(), 0, "no token needed");

    client.authenticate().await.unwrap();
    client.public_stats_get().send().await.unwrap();
    list_users(&client).await.unwrap();

    assert_eq!(fake.public_auth(), vec![None, None]);
    assert_eq!(fake.api_auth(), vec![bearer("tok-1")]);
}

#[tokio::test]
async fn authorization_is_not_sent_to_another_host() {
    let fake = FakeMindz::start().await;
    let elsewhere = FakeMindz::start().await;
    // The API redirects to another origin (other port); neither the request
    // nor the token may follow.
    Mock::given(path("/api/v2/courses/"))
        .respond_with(ResponseTemplate::new(302).insert_header(
            "location",
            format!("{}/api/v2/users/", elsewhere.server.uri()).as_str(),
        ))
        .with_priority(1)
        .mount(&fake.server)
        .await;
    let client = fake.builder().build().unwrap();

    let err = client.course_list().send().await.unwrap_err();

    // The redirect to another origin is refused: nothing goes there.
    match &err {
        Error::Redirect(e) => {
            assert_eq!(e.status(), 302);
            assert_eq!(e.refusal(), mindz_sdk::RedirectRefusal::CrossOrigin);
            assert_eq!(e.target_origin(), Some(elsewhere.server.uri().as_str()));
        }
        other => panic!("expected Error::Redirect, got {other:?}"),
    }
    assert!(!err.to_string().contains("/api/v2/users/"), "{err}");
    assert_eq!(elsewhere.api_requests(), 0);
    let to_fake = fake.server.received_requests().await.unwrap();
    let course_requests: Vec<_> = to_fake
        .iter()
        .filter(|r| r.url.path() == "/api/v2/courses/")
        .collect();
    assert_eq!(course_requests.len(), 1);
    assert_eq!(
        course_requests[0].headers.get("authorization").unwrap(),
        "Bearer tok-1"
    );
}

#[tokio::test]
async fn a_same_origin_redirect_keeps_the_token() {
    let fake = FakeMindz::start().await;
    Mock::given(path("/api/v2/courses/"))
        .respond_with(ResponseTemplate::new(301).insert_header("location", "/api/v2/users/"))
        .with_priority(1)
        .mount(&fake.server)
        .await;
    let client = fake.builder().build().unwrap();
    // The GET is followed to /api/v2/users/ with the token, and that answer
    // (a user page) is not a course page: the point is where it went.
    let _ = client.course_list().send().await;
    assert_eq!(fake.api_auth(), vec![bearer("tok-1")]);
}

#[tokio::test]
async fn client_without_credentials_sends_no_authorization() {
    let fake = FakeMindz::start().await;
    let client = Client::builder().base_url(fake.base_url()).build().unwrap();
    client.public_stats_get().send().await.unwrap();
    let err = list_users(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::Api(api) if api.status() == 401),
        "{err:?}"
    );
    let err = auth_error(client.authenticate().await.unwrap_err());
    assert_eq!(err.code(), "missing_credentials");
    assert_eq!(fake.api_auth(), vec![None]);
    assert_eq!(fake.public_auth(), vec![None]);
}

// ---------------------------------------------------------------------------
// Custom token providers

#[derive(Default)]
struct Counters {
    calls: std::sync::atomic::AtomicUsize,
    invalidated: std::sync::atomic::AtomicUsize,
}

/// Hands out `tok-custom-1` once, then fails.
#[derive(Clone, Default)]
struct CountingProvider(Arc<Counters>);

impl TokenProvider for CountingProvider {
    async fn token(&self) -> Result<AccessToken, AuthError> {
        use std::sync::atomic::Ordering;
        let n = self.0.calls.fetch_add(1, Ordering::SeqCst);
        if n == 0 {
            Ok(AccessToken::new("tok-custom-1"))
        } else {
            Err(AuthError::provider("vault sealed"))
        }
    }
    fn invalidate(&self) {
        self.0
            .invalidated
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }
}

#[tokio::test]
async fn custom_provider_is_used_and_its_failure_reported() {
    use std::sync::atomic::Ordering;
    let fake = FakeMindz::start().await;
    let provider = CountingProvider::default();
    let client = Client::builder()
        .base_url(fake.base_url())
        .token_provider(provider.clone())
        .build()
        .unwrap();
    fake.revoke("tok-custom-1");

    let err = auth_error(list_users(&client).await.unwrap_err());

    assert_eq!(err.code(), "token_provider_error");
    assert_eq!(err.description(), Some("vault sealed"));
    assert_eq!(provider.0.invalidated.load(Ordering::SeqCst), 1);
    assert_eq!(provider.0.calls.load(Ordering::SeqCst), 2);
    assert_eq!(fake.api_auth(), vec![bearer("tok-custom-1")]);
}

// ---------------------------------------------------------------------------
// Redaction

#[tokio::test]
async fn debug_output_never_shows_secrets() {
    let fake = FakeMindz::start().await;

    let builder = fake.builder();
    let text = format!("{builder:?}");
    assert!(!text.contains(API_KEY) && text.contains("***"), "{text}");
    assert!(text.contains(APP_ID), "{text}");

    let client = builder.build().unwrap();
    client.authenticate().await.unwrap();
    let text = format!("{client:?}");
    assert!(!text.contains(API_KEY) && !text.contains("tok-1"), "{text}");
    assert!(text.contains("***"), "{text}");

    let bearer_builder = Client::builder()
        .base_url(fake.base_url())
        .bearer_token(BEARER_SECRET);
    let text = format!("{bearer_builder:?}");
    assert!(!text.contains(BEARER_SECRET), "{text}");
    let text = format!("{:?}", bearer_builder.build().unwrap());
    assert!(!text.contains(BEARER_SECRET), "{text}");

    let token = AccessToken::new(BEARER_SECRET).with_expires_in(Duration::from_secs(60));
    assert_eq!(token.to_string(), "***");
    assert!(!format!("{token:?}").contains(BEARER_SECRET));
    assert_eq!(token.expose_secret(), BEARER_SECRET);

    let err = Client::builder()
        .base_url(fake.base_url())
        .client_credentials(APP_ID, API_KEY)
        .bearer_token(BEARER_SECRET)
        .build()
        .unwrap_err();
    assert!(matches!(err, BuildError::ConflictingAuth { .. }));
    for text in [err.to_string(), format!("{err:?}")] {
        assert!(
            !text.contains(API_KEY) && !text.contains(BEARER_SECRET),
            "{text}"
        );
    }

    let err = Client::builder()
        .base_url("https://user:pass-SECRET@example.com/api")
        .build()
        .unwrap_err();
    for text in [err.to_string(), format!("{err:?}")] {
        assert!(!text.contains("pass-SECRET"), "{text}");
    }
}

// ---------------------------------------------------------------------------
// Builder checks

#[test]
fn builder_errors_say_what_is_wrong() {
    let err = Client::builder().build().unwrap_err();
    assert!(matches!(err, BuildError::MissingBaseUrl), "{err:?}");

    let err = Client::builder()
        .ead_id("escola")
        .base_url("https://escola.mindz.com.br/api")
        .build()
        .unwrap_err();
    assert!(matches!(err, BuildError::ConflictingBaseUrl), "{err:?}");

    let err = Client::builder()
        .ead_id("escola.mindz.com.br")
        .build()
        .unwrap_err();
    assert!(matches!(err, BuildError::InvalidEadId { .. }), "{err:?}");
    let err = Client::builder().ead_id("-bad").build().unwrap_err();
    assert!(matches!(err, BuildError::InvalidEadId { .. }), "{err:?}");

    let err = Client::builder().base_url("not a url").build().unwrap_err();
    assert!(
        matches!(
            err,
            BuildError::InvalidUrl {
                option: "base_url",
                ..
            }
        ),
        "{err:?}"
    );

    let err = Client::builder()
        .base_url("http://example.com/api")
        .build()
        .unwrap_err();
    assert!(
        matches!(
            err,
            BuildError::InsecureUrl {
                option: "base_url",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "base_url `http://example.com/api` uses plain http on a host that is not loopback: \
         use https (http is allowed only for 127.0.0.0/8, ::1 and localhost)"
    );

    let err = Client::builder()
        .ead_id("escola")
        .client_credentials("a", "b")
        .token_url("http://auth.example.com/o/token/")
        .build()
        .unwrap_err();
    assert!(
        matches!(
            err,
            BuildError::InsecureUrl {
                option: "token_url",
                ..
            }
        ),
        "{err:?}"
    );

    for loopback in [
        "http://127.0.0.2:9/api",
        "http://[::1]:9/api",
        "http://localhost:9/api",
    ] {
        Client::builder().base_url(loopback).build().unwrap();
    }

    let err = Client::builder()
        .ead_id("escola")
        .client_credentials("a", "b")
        .token_provider(CountingProvider::default())
        .build()
        .unwrap_err();
    match err {
        BuildError::ConflictingAuth { methods } => {
            assert_eq!(methods, vec!["client_credentials", "token_provider"])
        }
        other => panic!("{other:?}"),
    }

    let err = Client::builder()
        .ead_id("escola")
        .bearer_token("t")
        .token_url("https://escola.mindz.com.br/o/token/")
        .build()
        .unwrap_err();
    assert!(
        matches!(
            err,
            BuildError::NeedsClientCredentials {
                option: "token_url"
            }
        ),
        "{err:?}"
    );

    let http = mindz_sdk::tls::reqwest_builder().unwrap().build().unwrap();
    let err = Client::builder()
        .ead_id("escola")
        .http_client(http)
        .user_agent("me")
        .build()
        .unwrap_err();
    assert!(
        matches!(
            err,
            BuildError::ConflictsWithHttpClient {
                option: "user_agent"
            }
        ),
        "{err:?}"
    );

    let err = Client::builder()
        .ead_id("escola")
        .client_credentials("app", "")
        .build()
        .unwrap_err();
    assert!(
        matches!(err, BuildError::EmptyCredential { field: "api_key" }),
        "{err:?}"
    );
}

#[test]
fn ead_id_sets_the_base_url() {
    use mindz_sdk::ClientInfo;
    let client = Client::builder()
        .ead_id("Escola")
        .bearer_token("t")
        .build()
        .unwrap();
    assert_eq!(client.baseurl(), "https://escola.mindz.com.br/api");
    let client = Client::builder()
        .base_url("http://127.0.0.1:8080/api/")
        .build()
        .unwrap();
    assert_eq!(client.baseurl(), "http://127.0.0.1:8080/api");
}

// ---------------------------------------------------------------------------
// Environment

fn env(vars: &[(&str, &str)]) -> Result<Client, BuildError> {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    Client::from_lookup(|name| vars.get(name).cloned())
}

#[test]
fn from_env_accepts_complete_configurations() {
    use mindz_sdk::ClientInfo;
    let client = env(&[
        (ENV_EAD_ID, "escola"),
        (ENV_APP_ID, "app"),
        (ENV_API_KEY, "key"),
        (ENV_TOKEN_URL, "https://auth.example.com/o/token/"),
    ])
    .unwrap();
    assert_eq!(client.baseurl(), "https://escola.mindz.com.br/api");
    let client = env(&[
        (ENV_BASE_URL, " http://127.0.0.1:9/api\n"),
        (ENV_ACCESS_TOKEN, "token"),
        (ENV_APP_ID, ""), // empty counts as unset
    ])
    .unwrap();
    assert_eq!(client.baseurl(), "http://127.0.0.1:9/api");
}

#[test]
fn from_env_missing_base_url() {
    let err = env(&[(ENV_APP_ID, "app"), (ENV_API_KEY, API_KEY)]).unwrap_err();
    match &err {
        BuildError::MissingEnv { vars, .. } => assert_eq!(vars, &[ENV_EAD_ID, ENV_BASE_URL]),
        other => panic!("{other:?}"),
    }
    let text = err.to_string();
    assert!(
        text.contains("MINDZ_EAD_ID") && text.contains("MINDZ_BASE_URL"),
        "{text}"
    );
}

#[test]
fn from_env_conflicting_base_url() {
    let err = env(&[
        (ENV_EAD_ID, "escola"),
        (ENV_BASE_URL, "https://escola.mindz.com.br/api"),
        (ENV_APP_ID, "app"),
        (ENV_API_KEY, API_KEY),
    ])
    .unwrap_err();
    match &err {
        BuildError::ConflictingEnv { vars } => assert_eq!(vars, &[ENV_EAD_ID, ENV_BASE_URL]),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        err.to_string(),
        "conflicting environment variables MINDZ_EAD_ID and MINDZ_BASE_URL: set only one"
    );
}

#[test]
fn from_env_missing_secret() {
    let err = env(&[(ENV_EAD_ID, "escola"), (ENV_APP_ID, "app")]).unwrap_err();
    match &err {
        BuildError::MissingEnv { vars, .. } => assert_eq!(vars, &[ENV_API_KEY]),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("MINDZ_API_KEY"), "{err}");

    let err = env(&[(ENV_EAD_ID, "escola"), (ENV_API_KEY, API_KEY)]).unwrap_err();
    match &err {
        BuildError::MissingEnv { vars, .. } => assert_eq!(vars, &[ENV_APP_ID]),
        other => panic!("{other:?}"),
    }
    assert!(!format!("{err} {err:?}").contains(API_KEY));

    let err = env(&[(ENV_EAD_ID, "escola")]).unwrap_err();
    match &err {
        BuildError::MissingEnv { vars, .. } => {
            assert_eq!(vars, &[ENV_APP_ID, ENV_API_KEY, ENV_ACCESS_TOKEN])
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn from_env_conflicting_credentials() {
    let err = env(&[
        (ENV_EAD_ID, "escola"),
        (ENV_APP_ID, "app"),
        (ENV_API_KEY, API_KEY),
        (ENV_ACCESS_TOKEN, BEARER_SECRET),
    ])
    .unwrap_err();
    match &err {
        BuildError::ConflictingEnv { vars } => {
            assert_eq!(vars, &[ENV_ACCESS_TOKEN, ENV_APP_ID, ENV_API_KEY])
        }
        other => panic!("{other:?}"),
    }
    let text = format!("{err} {err:?}");
    assert!(
        !text.contains(API_KEY) && !text.contains(BEARER_SECRET),
        "{text}"
    );

    let err = env(&[
        (ENV_EAD_ID, "escola"),
        (ENV_ACCESS_TOKEN, BEARER_SECRET),
        (ENV_TOKEN_URL, "https://escola.mindz.com.br/o/token/"),
    ])
    .unwrap_err();
    match &err {
        BuildError::ConflictingEnv { vars } => assert_eq!(vars, &[ENV_TOKEN_URL, ENV_ACCESS_TOKEN]),
        other => panic!("{other:?}"),
    }
}

#[test]
fn from_env_bad_url() {
    let cases = [
        (ENV_BASE_URL, "not a url"),
        (ENV_BASE_URL, "http://escola.mindz.com.br/api"),
        (ENV_BASE_URL, "ftp://escola.mindz.com.br/api"),
        (ENV_TOKEN_URL, "http://auth.example.com/o/token/"),
        (ENV_EAD_ID, "escola.mindz.com.br"),
    ];
    for (bad_var, value) in cases {
        let mut vars = vec![
            (ENV_APP_ID, "app"),
            (ENV_API_KEY, API_KEY),
            (bad_var, value),
        ];
        if bad_var == ENV_TOKEN_URL {
            vars.push((ENV_EAD_ID, "escola"));
        }
        let err = env(&vars).unwrap_err();
        match &err {
            BuildError::InvalidEnv { var, .. } => assert_eq!(*var, bad_var, "{err}"),
            other => panic!("{bad_var}={value}: {other:?}"),
        }
        assert!(
            err.to_string().starts_with(&format!("{bad_var}: ")),
            "{err}"
        );
    }
}

/// mindz-sdk's version (this crate's `CARGO_PKG_VERSION` is the tests crate's).
fn sdk_version() -> &'static str {
    include_str!("../../mindz-sdk/Cargo.toml")
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .expect("mindz-sdk/Cargo.toml has a version line")
}
