//! The hardening rules of issue 11, against real HTTP on 127.0.0.1:
//! redirects, bounded reads, the retry budget, HTTP's retry rules, Django
//! REST framework's error shapes, the invocation id, and URLs with
//! credentials in build errors.
//!
//! The servers are `support/loopback.rs`'s, on the test's own runtime. Every
//! server counts the connections it accepts, so "nothing reached the other
//! origin" means not even a TCP connection did.

use std::time::Duration;

use mindz_sdk::{BuildError, Client, Error, RedirectRefusal, types};
use tokio::time::Instant;

const TOKEN: &str = "tok-HARDENING-77aa";
const APP_ID: &str = "app-hardening";
const API_KEY: &str = "KEY-SECRET-c0ffee-4242";
const PASSWORD: &str = "NewPassw0rd-SECRET-913";
const SEARCH: &str = "maria.secret@example.com";
const USER: &str =
    r#"{"id": 1, "email": "ana@example.com", "first_name": "Ana", "last_name": "Silva"}"#;
const MIB: u64 = 1024 * 1024;

#[path = "support/loopback.rs"]
mod loopback;

use loopback::{Reply, Server, json};

fn redirect(status: u16, location: String) -> Reply {
    Reply::With(status, vec![("location", location)], String::new())
}

fn request_ids(server: &Server, header: &str) -> Vec<String> {
    server
        .seen()
        .iter()
        .filter_map(|seen| seen.header(header).map(str::to_owned))
        .collect()
}

fn redirect_error(err: &Error) -> &mindz_sdk::RedirectError {
    match err {
        Error::Redirect(redirect) => redirect,
        other => panic!("expected Error::Redirect, got {other:?}"),
    }
}

async fn change_password(
    client: &Client,
) -> mindz_sdk::Result<mindz_sdk::ResponseValue<types::User>> {
    client
        .user_change_password()
        .user_id(1)
        .body(types::ChangePasswordRequest::builder().password(PASSWORD))
        .send()
        .await
}

fn new_user() -> types::builder::UserCreate {
    types::UserCreate::builder()
        .email("ana@example.com")
        .first_name("Ana")
        .last_name("Silva")
}

async fn create_user(client: &Client) -> mindz_sdk::Result<mindz_sdk::ResponseValue<types::User>> {
    client.user_create().body(new_user()).send().await
}

// ---------------------------------------------------------------------------
// 1. Redirect policy

#[tokio::test(start_paused = true)]
async fn a_307_or_308_of_change_password_sends_no_password_to_another_origin() {
    for status in [307, 308] {
        let other = Server::start(|_, _| json(200, USER)).await;
        let target = format!("{}/api/v2/users/1/change-password/", other.origin);
        let api = Server::start(move |_, _| redirect(status, target.clone())).await;
        let client = api.builder(TOKEN).build().expect("client");

        let err = change_password(&client).await.unwrap_err();
        let redirect = redirect_error(&err);
        assert_eq!(redirect.status(), status);
        assert_eq!(redirect.refusal(), RedirectRefusal::CrossOrigin);
        // The target's origin only: no path.
        assert_eq!(redirect.target_origin(), Some(other.origin.as_str()));
        let shown = format!("{err} {err:?}");
        assert!(shown.contains(&other.origin), "{shown}");
        assert!(
            !shown.contains(PASSWORD) && !shown.contains(TOKEN),
            "{shown}"
        );

        // The password did travel to the first origin...
        assert_eq!(api.hits(), 1, "a redirect is not retried");
        assert!(api.seen()[0].body_text().contains(PASSWORD));
        // ...and nothing at all to the second.
        assert_eq!(other.connections(), 0, "{status}: {:?}", other.seen());
    }
}

#[tokio::test(start_paused = true)]
async fn a_307_of_the_token_endpoint_sends_no_client_secret_to_another_origin() {
    let other = Server::start(|_, _| {
        json(
            200,
            &format!(
                r#"{{"access_token": "{TOKEN}", "token_type": "Bearer", "expires_in": 3600}}"#
            ),
        )
    })
    .await;
    let target = format!("{}/o/token/", other.origin);
    let api = Server::start(move |seen, _| {
        if seen.target.starts_with("/o/token/") {
            redirect(307, target.clone())
        } else {
            json(200, USER)
        }
    })
    .await;
    let client = Client::builder()
        .base_url(api.base_url())
        .client_credentials(APP_ID, API_KEY)
        .token_auth_in_body(true)
        .build()
        .expect("client");

    let err = client.user_get().user_id(1).send().await.unwrap_err();
    assert!(err.is_auth(), "{err:?}");
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains(API_KEY), "{shown}");

    // The secret was in the body sent to the token endpoint...
    let seen = api.seen();
    assert!(!seen.is_empty());
    assert!(
        seen.iter().all(|s| s.target.starts_with("/o/token/")),
        "no API request without a token: {seen:?}"
    );
    assert!(
        seen[0]
            .body_text()
            .contains(&format!("client_secret={API_KEY}")),
        "{:?}",
        seen[0].body_text()
    );
    // ...and nothing reached the second origin.
    assert_eq!(other.connections(), 0, "{:?}", other.seen());
}

#[tokio::test(start_paused = true)]
async fn a_302_of_a_search_sends_nothing_to_another_origin() {
    let other = Server::start(|_, _| {
        json(
            200,
            &format!(r#"{{"count": 1, "next": null, "previous": null, "results": [{USER}]}}"#),
        )
    })
    .await;
    let other_origin = other.origin.clone();
    let api = Server::start(move |seen, _| {
        // Same path and query, on the other origin.
        redirect(302, format!("{other_origin}{}", seen.target))
    })
    .await;
    let client = api.builder(TOKEN).build().expect("client");

    let err = client.user_list().search(SEARCH).send().await.unwrap_err();
    let redirect = redirect_error(&err);
    assert_eq!(redirect.status(), 302);
    assert_eq!(redirect.refusal(), RedirectRefusal::CrossOrigin);
    assert_eq!(redirect.target_origin(), Some(other.origin.as_str()));
    let shown = format!("{err} {err:?}");
    for secret in ["maria", "search=", TOKEN] {
        assert!(!shown.contains(secret), "{secret}: {shown}");
    }
    assert!(api.seen()[0].target.contains("search=maria.secret"));
    assert_eq!(other.connections(), 0, "{:?}", other.seen());
}

#[tokio::test(start_paused = true)]
async fn a_same_origin_redirect_is_followed_without_referer() {
    let api = Server::start(|seen, _| {
        if seen.target.starts_with("/api/v2/users/?") {
            redirect(302, seen.target.replace("/v2/users/", "/v2/people/"))
        } else {
            json(
                200,
                &format!(r#"{{"count": 1, "next": null, "previous": null, "results": [{USER}]}}"#),
            )
        }
    })
    .await;
    let client = api.builder(TOKEN).build().expect("client");
    let page = client
        .user_list()
        .search(SEARCH)
        .send()
        .await
        .expect("followed");
    assert_eq!(page.results.len(), 1);
    let seen = api.seen();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(seen[1].target.starts_with("/api/v2/people/?"), "{seen:?}");
    assert!(seen[1].target.contains("search=maria.secret"));
    assert_eq!(seen[1].method, "GET");
    for s in &seen {
        assert_eq!(s.header("referer"), None, "{s:?}");
    }
    // Same origin: the token goes along, and the invocation id is the same.
    assert_eq!(
        seen[1].header("authorization"),
        Some(&*format!("Bearer {TOKEN}"))
    );
    assert_eq!(
        seen[0].header("x-request-id"),
        seen[1].header("x-request-id")
    );
}

#[tokio::test(start_paused = true)]
async fn a_301_302_303_to_a_post_is_an_error_not_a_get() {
    for status in [301, 302, 303] {
        let api = Server::start(move |seen, _| {
            if seen.method == "POST" {
                redirect(status, "/api/v2/users/moved/".to_owned())
            } else {
                json(201, USER)
            }
        })
        .await;
        let client = api.builder(TOKEN).build().expect("client");
        let err = create_user(&client).await.unwrap_err();
        let redirect = redirect_error(&err);
        assert_eq!(redirect.status(), status);
        assert_eq!(redirect.refusal(), RedirectRefusal::MethodChange);
        assert!(err.to_string().contains("GET"), "{err}");
        let seen = api.seen();
        assert_eq!(seen.len(), 1, "{status}: no GET followed: {seen:?}");
        assert_eq!(seen[0].method, "POST");
    }
}

#[tokio::test(start_paused = true)]
async fn a_same_origin_301_of_a_get_and_307_of_a_post_are_followed() {
    let api = Server::start(
        |seen, _| match (seen.method.as_str(), seen.target.as_str()) {
            ("GET", "/api/v2/users/1/") => redirect(301, "/api/v3/users/1/".to_owned()),
            ("POST", "/api/v2/users/1/change-password/") => {
                redirect(307, "/api/v3/users/1/change-password/".to_owned())
            }
            (_, target) if target.starts_with("/api/v3/") => json(200, USER),
            _ => json(404, r#"{"detail": "Not found."}"#),
        },
    )
    .await;
    let client = api.builder(TOKEN).build().expect("client");

    let user = client.user_get().user_id(1).send().await.expect("followed");
    assert_eq!(user.id, 1);
    let seen = api.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(
        (seen[1].method.as_str(), seen[1].target.as_str()),
        ("GET", "/api/v3/users/1/")
    );

    // 307 keeps the method and the body, within the origin.
    let user = change_password(&client).await.expect("followed");
    assert_eq!(user.id, 1);
    let seen = api.seen();
    assert_eq!(seen.len(), 4);
    assert_eq!(seen[3].method, "POST");
    assert_eq!(seen[3].target, "/api/v3/users/1/change-password/");
    assert!(seen[3].body_text().contains(PASSWORD));
}

#[tokio::test(start_paused = true)]
async fn a_redirect_loop_stops_after_five_hops() {
    let api = Server::start(|_, i| redirect(302, format!("/api/v2/users/{i}/"))).await;
    let client = api.builder(TOKEN).build().expect("client");
    let err = client.user_get().user_id(1).send().await.unwrap_err();
    assert_eq!(redirect_error(&err).refusal(), RedirectRefusal::TooMany);
    assert_eq!(api.hits(), 1 + 5);
}

// ---------------------------------------------------------------------------
// 2. Bounded reads

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_256_mib_error_body_costs_the_cap_not_the_body() {
    let api = Server::start(|_, _| Reply::Stream {
        status: 500,
        total: 256 * MIB,
        chunked: true,
    })
    .await;
    let client = api.builder(TOKEN).build().expect("client");
    let err = client.user_get().user_id(1).send().await.unwrap_err();
    let written = api.stream_written().await;
    eprintln!("256 MiB error body: {written} bytes written before the client closed");
    assert!(written < 32 * MIB, "{written} bytes written");
    let Error::Api(api_error) = &err else {
        panic!("expected Error::Api, got {err:?}")
    };
    assert_eq!(api_error.status().as_u16(), 500);
    assert!(api_error.is_truncated());
    assert_eq!(api_error.body().len(), mindz_sdk::state::ERROR_BODY_CAP);
    assert_eq!(api.hits(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_success_body_fails_naming_the_limit() {
    const LIMIT: usize = 1024 * 1024;
    for chunked in [true, false] {
        let api = Server::start(move |_, _| Reply::Stream {
            status: 200,
            total: 64 * MIB,
            chunked,
        })
        .await;
        let client = api
            .builder(TOKEN)
            .max_response_body(LIMIT)
            .build()
            .expect("client");
        let err = client.user_get().user_id(1).send().await.unwrap_err();
        let written = api.stream_written().await;
        eprintln!("64 MiB success body (chunked: {chunked}): {written} bytes written");
        assert!(
            written < LIMIT as u64 + 16 * MIB,
            "chunked: {chunked}: {written} bytes written"
        );
        let Error::BodyTooLarge(too_large) = &err else {
            panic!("expected Error::BodyTooLarge, got {err:?}")
        };
        assert_eq!(too_large.limit(), LIMIT);
        assert!(err.to_string().contains(&LIMIT.to_string()), "{err}");
        assert_eq!(api.hits(), 1, "not retried");
    }
}

// ---------------------------------------------------------------------------
// 3. The retry budget

#[tokio::test(start_paused = true)]
async fn two_hundred_calls_to_a_503_only_server_cost_at_most_300_requests() {
    let api = Server::start(|_, _| json(503, r#"{"detail": "Service unavailable."}"#)).await;
    let client = api.builder(TOKEN).build().expect("client");
    let clone = client.clone();
    for call in 0..200 {
        // Half on a clone: the budget is shared.
        let client = if call % 2 == 0 { &client } else { &clone };
        let err = client.user_get().user_id(1).send().await.unwrap_err();
        assert_eq!(err.status().map(|s| s.as_u16()), Some(503), "call {call}");
        if call == 0 {
            assert_eq!(api.hits(), 3, "the first call makes all its attempts");
        }
    }
    let hits = api.hits();
    eprintln!("200 calls to a 503-only server: {hits} requests");
    assert!(hits <= 300, "{hits} requests");
    assert!(hits > 200, "{hits} requests: some calls retried");
    // The bucket is empty: a call now fails at its first failure.
    let before = api.hits();
    client.user_get().user_id(1).send().await.unwrap_err();
    assert_eq!(api.hits(), before + 1);
}

// ---------------------------------------------------------------------------
// 4. Retry rules that match HTTP

#[tokio::test(start_paused = true)]
async fn a_408_is_retried() {
    let api = Server::start(|_, i| match i {
        0 => json(408, r#"{"detail": "Request timeout."}"#),
        _ => json(200, USER),
    })
    .await;
    let client = api.builder(TOKEN).build().expect("client");
    let user = client.user_get().user_id(1).send().await.expect("retried");
    assert_eq!(user.id, 1);
    assert_eq!(api.hits(), 2);
}

/// Every send builds the request afresh (no copy is kept): a retry must
/// send the very same request, query, body and headers included.
#[tokio::test(start_paused = true)]
async fn a_retry_sends_the_same_request_again() {
    let page = format!(r#"{{"count": 1, "next": null, "previous": null, "results": [{USER}]}}"#);
    let api = Server::start(move |_, i| match i {
        0 => Reply::With(503, vec![("retry-after", "1".to_owned())], String::new()),
        1 => json(200, &page),
        2 => Reply::With(429, vec![("retry-after", "1".to_owned())], String::new()),
        _ => json(201, USER),
    })
    .await;
    let client = api.builder(TOKEN).build().expect("client");
    let listed = client
        .user_list()
        .limit(std::num::NonZeroU64::new(7).expect("non-zero"))
        .search(SEARCH)
        .ordering(types::UserOrdering::CreatedAtDesc)
        .send()
        .await
        .expect("retried");
    assert_eq!(listed.results.len(), 1);
    create_user(&client).await.expect("retried");

    let seen = api.seen();
    assert_eq!(seen.len(), 4);
    for pair in seen.chunks(2) {
        let (first, again) = (&pair[0], &pair[1]);
        assert_eq!(first.method, again.method);
        assert_eq!(first.target, again.target);
        assert_eq!(first.body, again.body);
        for header in [
            "authorization",
            "x-request-id",
            "api-version",
            "content-type",
            "accept",
        ] {
            assert_eq!(first.header(header), again.header(header), "{header}");
        }
    }
    assert!(seen[0].target.contains("limit=7"), "{}", seen[0].target);
    assert!(
        seen[0].target.contains("ordering=-created_at"),
        "{}",
        seen[0].target
    );
    assert!(
        seen[0].target.contains("search=maria.secret%40example.com"),
        "{}",
        seen[0].target
    );
    // An optional parameter not given is not in the URL at all.
    assert!(!seen[0].target.contains("offset"), "{}", seen[0].target);
    assert_eq!(
        seen[0].header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    assert_eq!(seen[2].method, "POST");
    assert!(
        std::str::from_utf8(&seen[2].body).is_ok_and(|body| body.contains("ana@example.com")),
        "{:?}",
        seen[2].body
    );
    // One call, one id; two calls, two.
    assert_ne!(
        seen[0].header("x-request-id"),
        seen[2].header("x-request-id")
    );
}

#[tokio::test(start_paused = true)]
async fn a_429_on_post_is_retried_once_after_retry_after() {
    let api = Server::start(|_, i| match i {
        0 => Reply::With(
            429,
            vec![("retry-after", "1".to_owned())],
            r#"{"detail": "Pedido foi estrangulado."}"#.to_owned(),
        ),
        _ => json(201, USER),
    })
    .await;
    let client = api.builder(TOKEN).build().expect("client");
    let started = Instant::now();
    let user = create_user(&client).await.expect("retried");
    let waited = started.elapsed();
    assert_eq!(user.id, 1);
    let seen = api.seen();
    assert_eq!(seen.len(), 2);
    assert!(seen.iter().all(|s| s.method == "POST"));
    assert!(waited >= Duration::from_secs(1), "{waited:?}");

    // Without Retry-After a 429 on POST is not retried: the server may
    // have processed it.
    let api = Server::start(|_, _| json(429, r#"{"detail": "Slow down."}"#)).await;
    let client = api.builder(TOKEN).build().expect("client");
    let err = create_user(&client).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(api.hits(), 1);
}

// ---------------------------------------------------------------------------
// 7. DRF's real error shapes

const DJANGO_404: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <title>Page not found at /api/v2/users/1/</title>
</head>
<body>
  <div id="summary">
    <h1>Page not found <span>(404)</span></h1>
  </div>
</body>
</html>
"#;

#[tokio::test(start_paused = true)]
async fn drf_error_shapes_are_api_errors_with_their_text() {
    let api = Server::start(|seen, _| match seen.target.as_str() {
        "/api/v2/users/1/" => json(400, r#"["Não é possível."]"#),
        "/api/v2/users/2/" => json(403, r#"{"detail": ["a", "b"]}"#),
        _ => Reply::With(
            404,
            vec![("content-type", "text/html; charset=utf-8".to_owned())],
            DJANGO_404.to_owned(),
        ),
    })
    .await;
    let client = api.builder(TOKEN).build().expect("client");

    let err = client.user_get().user_id(1).send().await.unwrap_err();
    let Error::Api(top_level) = &err else {
        panic!("expected Error::Api, got {err:?}")
    };
    assert_eq!(top_level.status().as_u16(), 400);
    assert_eq!(top_level.messages(), ["Não é possível."]);
    assert_eq!(top_level.detail(), Some("Não é possível."));

    let err = client.user_get().user_id(2).send().await.unwrap_err();
    let Error::Api(details) = &err else {
        panic!("expected Error::Api, got {err:?}")
    };
    assert_eq!(details.status().as_u16(), 403);
    assert_eq!(details.messages(), ["a", "b"]);
    let detail = details.detail().expect("detail");
    assert!(detail.contains('a') && detail.contains('b'), "{detail}");

    let err = client.user_get().user_id(3).send().await.unwrap_err();
    let Error::Api(html) = &err else {
        panic!("expected Error::Api, got {err:?}")
    };
    assert_eq!(html.status().as_u16(), 404);
    assert_eq!(html.content_type(), Some("text/html; charset=utf-8"));
    assert!(html.text().contains("Page not found"), "{}", html.text());
    assert_eq!(html.detail(), None);
    assert!(html.messages().is_empty());
}

// ---------------------------------------------------------------------------
// 6. The invocation id

#[tokio::test(start_paused = true)]
async fn every_attempt_of_a_call_carries_its_invocation_id() {
    let api = Server::start(|_, _| json(503, r#"{"detail": "busy"}"#)).await;
    let client = api.builder(TOKEN).build().expect("client");

    let first = client.user_get().user_id(1).send().await.unwrap_err();
    let id = first.invocation_id().expect("invocation id");
    assert_eq!(id.get_version_num(), 4);
    assert_eq!(request_ids(&api, "x-request-id"), vec![id.to_string(); 3]);
    assert!(first.to_string().contains(&id.to_string()), "{first}");

    let second = client.user_get().user_id(1).send().await.unwrap_err();
    let other = second.invocation_id().expect("invocation id");
    assert_ne!(other, id);
    assert_eq!(
        request_ids(&api, "x-request-id")[3..],
        vec![other.to_string(); 3]
    );

    // Set per call.
    let chosen: mindz_sdk::Uuid = "0b7e7a59-8f7e-4c1e-9a57-3f1b2c3d4e5f".parse().unwrap();
    let err = mindz_sdk::with_invocation_id(chosen, client.user_get().user_id(1).send())
        .await
        .unwrap_err();
    assert_eq!(err.invocation_id(), Some(chosen));
    assert_eq!(
        request_ids(&api, "x-request-id")[6..],
        vec![chosen.to_string(); 3]
    );
}

#[tokio::test(start_paused = true)]
async fn the_request_id_header_is_configurable() {
    let api = Server::start(|_, _| json(404, r#"{"detail": "Not found."}"#)).await;
    let client = api
        .builder(TOKEN)
        .request_id_header("x-correlation-id")
        .build()
        .expect("client");
    let err = client.user_get().user_id(1).send().await.unwrap_err();
    let id = err.invocation_id().expect("invocation id");
    assert_eq!(request_ids(&api, "x-correlation-id"), [id.to_string()]);
    assert!(request_ids(&api, "x-request-id").is_empty());
}

// ---------------------------------------------------------------------------
// 1. No error echoes credentials written into a URL

#[test]
fn build_errors_never_echo_credentials_of_a_url() {
    let cases = [
        Client::builder()
            .base_url("https://user:secret@ho st/api")
            .bearer_token(TOKEN)
            .build(),
        Client::builder()
            .base_url("https://user:secret@ho st/api?q=secret")
            .build(),
        Client::builder()
            .base_url("https://escola.mindz.com.br/api")
            .client_credentials(APP_ID, API_KEY)
            .token_url("https://user:secret@ho st/o/token/")
            .build(),
        Client::builder()
            .base_url("http://user:secret@escola.mindz.com.br/api")
            .bearer_token(TOKEN)
            .build(),
    ];
    for (i, result) in cases.into_iter().enumerate() {
        let err = result.expect_err("an invalid URL");
        let option = match &err {
            BuildError::InvalidUrl { option, .. } | BuildError::InsecureUrl { option, .. } => {
                *option
            }
            other => panic!("case {i}: expected a URL error, got {other:?}"),
        };
        assert_eq!(option, if i == 2 { "token_url" } else { "base_url" });
        let shown = format!("{err} {err:?}");
        assert!(
            shown.contains("ho st") || shown.contains("escola.mindz.com.br"),
            "{shown}"
        );
        assert!(!shown.contains("secret"), "{shown}");
        assert!(
            !shown.contains(TOKEN) && !shown.contains(API_KEY),
            "{shown}"
        );
    }
}
