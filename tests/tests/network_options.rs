//! What corporate networks need from the client builder: the application's
//! name in the `User-Agent`, an explicit proxy, an extra root certificate;
//! against the loopback server on 127.0.0.1.

use mindz_sdk::{BuildError, Client, RetryPolicy};

#[path = "support/loopback.rs"]
mod loopback;

use loopback::{Server, json};

const USER: &str =
    r#"{"id": 1, "email": "ana@example.com", "first_name": "Ana", "last_name": "Silva"}"#;

#[tokio::test]
async fn user_agent_adds_the_application_name_to_the_sdks_own() {
    let server = Server::start(|_, _| json(200, USER)).await;
    let client = server
        .builder("tok-ua")
        .user_agent("escola-sync/1.2")
        .build()
        .unwrap();
    client.user_get().user_id(1).send().await.unwrap();
    let expected = format!(
        "escola-sync/1.2 {}",
        mindz_sdk::client_builder::DEFAULT_USER_AGENT
    );
    assert_eq!(
        server.seen()[0].header("user-agent"),
        Some(expected.as_str())
    );
    assert!(expected.starts_with("escola-sync/1.2 mindz-sdk-rust/"));

    let invalid = Client::builder()
        .base_url(server.base_url())
        .user_agent("escola\nsync")
        .build();
    assert!(matches!(invalid, Err(BuildError::InvalidUserAgent)));
}

#[tokio::test]
async fn an_explicit_proxy_gets_every_request() {
    // The API's address has no server; the proxy answers for it.
    let proxy = Server::start(|_, _| json(200, USER)).await;
    let unreachable = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let base = format!("http://127.0.0.1:{unreachable}/api");
    let client = Client::builder()
        .base_url(&base)
        .bearer_token("tok-proxy")
        .proxy(reqwest::Proxy::all(&proxy.origin).unwrap())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let user = client.user_get().user_id(1).send().await.unwrap();
    assert_eq!(user.id, 1);
    let seen = proxy.seen();
    assert_eq!(seen.len(), 1);
    // A proxy gets the absolute URL in the request line.
    assert_eq!(seen[0].method, "GET");
    assert_eq!(seen[0].target, format!("{base}/v2/users/1/"));
    assert_eq!(seen[0].header("authorization"), Some("Bearer tok-proxy"));
}

#[test]
fn network_options_conflict_with_a_callers_http_client() {
    let http = mindz_sdk::tls::reqwest_builder().unwrap().build().unwrap();
    let with = |builder: mindz_sdk::ClientBuilder| {
        builder
            .base_url("http://127.0.0.1:9/api")
            .http_client(http.clone())
            .build()
    };
    for (builder, name) in [
        (
            Client::builder().proxy(reqwest::Proxy::all("http://127.0.0.1:9").unwrap()),
            "proxy",
        ),
        (
            Client::builder().add_root_certificate(vec![0u8; 4]),
            "add_root_certificate",
        ),
    ] {
        match with(builder) {
            Err(BuildError::ConflictsWithHttpClient { option }) => assert_eq!(option, name),
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn an_extra_root_certificate_that_is_not_one_is_a_tls_error() {
    let built = Client::builder()
        .base_url("http://127.0.0.1:9/api")
        .add_root_certificate(b"not a certificate".to_vec())
        .build();
    assert!(matches!(built, Err(BuildError::Tls(_))), "{built:?}");
}
