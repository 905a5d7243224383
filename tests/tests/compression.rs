//! Responses travel compressed: the SDK asks for gzip, brotli and zstd and
//! decodes transparently; its body limits count decompressed bytes.

use std::io::Write as _;
use std::time::Instant;

use flate2::Compression;
use flate2::write::GzEncoder;
use mindz_sdk::{Client, Error};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

async fn school(body: Vec<u8>) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/users/7/"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-encoding", "gzip")
                .set_body_raw(body, "application/json"),
        )
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_gzipped_answer_decodes_and_the_request_asked_for_gzip() {
    let user =
        br#"{"id": 7, "email": "ana@example.com", "first_name": "Ana", "last_name": "Silva"}"#;
    let server = school(gzip(user)).await;
    let client = Client::builder()
        .base_url(server.uri())
        .bearer_token("t")
        .build()
        .unwrap();
    let got = client.user_get().user_id(7).send().await.unwrap();
    assert_eq!(got.first_name, "Ana");
    let requests = server.received_requests().await.unwrap();
    let accept = requests[0]
        .headers
        .get("accept-encoding")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    for coding in ["gzip", "br", "zstd"] {
        assert!(accept.contains(coding), "Accept-Encoding: {accept}");
    }
    assert!(requests[0].headers.get("content-encoding").is_none());
}

#[tokio::test]
async fn a_gzip_bomb_fails_with_body_too_large_without_inflating_the_rest() {
    let bomb = gzip(&vec![0u8; 64 * 1024 * 1024]);
    assert!(bomb.len() < 256 * 1024, "{} bytes", bomb.len());
    let server = school(bomb).await;
    let client = Client::builder()
        .base_url(server.uri())
        .bearer_token("t")
        .max_response_body(1024 * 1024)
        .build()
        .unwrap();
    let start = Instant::now();
    let error = client.user_get().user_id(7).send().await.unwrap_err();
    let took = start.elapsed();
    match &error {
        Error::BodyTooLarge(too_large) => assert_eq!(too_large.limit(), 1024 * 1024),
        other => panic!("expected BodyTooLarge, got {other:?}"),
    }
    // Speed is the bench's business, not a test's: shown, not asserted.
    println!("the bomb failed after {took:?}");
}
