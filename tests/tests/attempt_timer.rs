//! One timer per attempt: `timeout(..)` bounds the whole attempt, every
//! redirect hop included, against wiremock on 127.0.0.1 (real time: the
//! server's delays run on its own thread).

use std::time::{Duration, Instant};

use mindz_sdk::{Error, RetryPolicy, TimeoutLimit};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn five_slow_same_origin_hops_share_one_attempt_timeout() {
    let server = MockServer::start().await;
    // Every answer takes 600 ms and redirects to the same origin: five hops
    // would take 3.6 s, one attempt may take 1 s.
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(307)
                .insert_header("location", "/api/v2/users/1/")
                .set_delay(Duration::from_millis(600)),
        )
        .mount(&server)
        .await;
    let client = mindz_sdk::Client::builder()
        .base_url(format!("{}/api", server.uri()))
        .bearer_token("tok-timer")
        .timeout(Duration::from_secs(1))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.user_get().user_id(1).send().await.unwrap_err();
    let took = started.elapsed();
    match &error {
        Error::Timeout(timeout) => assert_eq!(
            timeout.limit(),
            TimeoutLimit::Attempt(Duration::from_secs(1)),
            "{error}"
        ),
        other => panic!("expected the attempt's timeout, got {other}"),
    }
    // Proves the one timer fired (per-exchange timers would end as a
    // redirect error after 3.6 s); a generous bound, not a speed check.
    assert!(took < Duration::from_millis(1700), "{took:?}");
    let sent = server.received_requests().await.unwrap().len();
    assert_eq!(sent, 2, "the first answer and one hop, cut at 1 s");
}
