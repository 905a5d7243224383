//! The rate limiter through a client (kept out of `rate_limit`, which sits
//! below the client's modules in the layers).

use std::time::Duration;

use tokio::time::Instant;

use crate::rate_limit::RateLimit;

#[test]
fn a_fixed_rate_must_be_positive_and_finite() {
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let error = crate::Client::builder()
            .base_url("http://127.0.0.1:9/api")
            .rate_limit(RateLimit::fixed(bad))
            .build()
            .expect_err("refused");
        assert!(
            matches!(error, crate::BuildError::InvalidRateLimit),
            "{bad}"
        );
        assert!(error.to_string().contains("rate_limit"), "{error}");
    }
}

/// A call that waits behind the gate past its deadline fails with a
/// timeout naming the deadline; nothing is sent.
#[tokio::test(start_paused = true)]
async fn a_call_whose_deadline_ends_while_it_waits_times_out() {
    let client = crate::Client::builder()
        .base_url("http://127.0.0.1:9/api")
        .deadline(Duration::from_secs(2))
        .build()
        .unwrap();
    // Another caller of the client was told to come back in 30 s.
    client
        .inner
        .calls
        .limiter
        .throttled(Duration::from_secs(30));
    let start = Instant::now();
    let error = client
        .public_product_list()
        .send()
        .await
        .expect_err("the deadline ends first");
    assert_eq!(start.elapsed(), Duration::from_secs(2));
    match &error {
        crate::Error::Timeout(timeout) => {
            assert_eq!(
                timeout.limit(),
                crate::TimeoutLimit::Deadline(Duration::from_secs(2)),
                "{error}"
            );
        }
        other => panic!("expected a deadline timeout, got {other:?}"),
    }
}
