//! The limiter on tokio's paused clock.

use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use super::*;

const SECOND: Duration = Duration::from_secs(1);

/// The first throttle, then a probe the server accepts `accepted` times
/// within its window before it throttles again.
async fn learned(accepted: usize) -> Limiter {
    let limiter = Limiter::new(RateLimit::adaptive());
    assert!(!limiter.is_active(), "off until the first throttle");
    limiter.throttled(SECOND);
    assert!(limiter.is_active());
    assert_eq!(limiter.rate(), None, "probing: the rate is not known yet");
    for _ in 0..accepted {
        limiter.turn().await;
        limiter.accepted();
    }
    limiter.turn().await;
    limiter.throttled(SECOND);
    limiter
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 0.05
}

#[tokio::test(start_paused = true)]
async fn the_rate_after_a_throttle_is_beta_times_the_rate_the_server_accepted() {
    let limiter = learned(40).await;
    let rate = limiter.rate().expect("paced");
    let expected = BETA * MARGIN * 40.0;
    assert!(close(rate, expected), "{rate} != {expected}");
}

#[tokio::test(start_paused = true)]
async fn the_rate_climbs_back_on_a_cubic_curve_and_holds_at_the_ceiling() {
    let limiter = learned(40).await;
    let top = MARGIN * 40.0;
    let k = (top * (1.0 - BETA) / SCALE).cbrt();
    let mut previous = limiter.rate().unwrap();
    // Concave: rising, ever slower, to the ceiling at K.
    let mut rises = Vec::new();
    for _ in 0..6 {
        tokio::time::advance(Duration::from_secs_f64(k / 6.0)).await;
        let rate = limiter.rate().unwrap();
        rises.push(rate - previous);
        previous = rate;
    }
    assert!(rises.iter().all(|rise| *rise > 0.0), "{rises:?}");
    assert!(rises.windows(2).all(|w| w[1] < w[0]), "concave: {rises:?}");
    assert!(close(previous, top), "{previous} != {top} at K");
    let half_k = cubic(top, k / 2.0, HOLD.as_secs_f64());
    assert!(close(half_k, top - SCALE * (k / 2.0).powi(3)), "{half_k}");
    // Held for HOLD, then probing above on the convex part.
    tokio::time::advance(HOLD - SECOND).await;
    assert!(close(limiter.rate().unwrap(), top));
    tokio::time::advance(3 * SECOND).await;
    let above = limiter.rate().unwrap();
    let elapsed = k + HOLD.as_secs_f64() + 2.0;
    assert!(
        close(
            above,
            top + SCALE * (elapsed - k - HOLD.as_secs_f64()).powi(3)
        ),
        "{above}"
    );
    assert!(above > top);
}

#[tokio::test(start_paused = true)]
async fn paced_turns_are_one_every_one_over_the_rate() {
    let limiter = Limiter::new(RateLimit::fixed(10.0));
    assert!(limiter.is_active(), "a fixed rate paces from the start");
    let start = Instant::now();
    for _ in 0..11 {
        limiter.turn().await;
    }
    let elapsed = start.elapsed();
    assert!(
        elapsed >= SECOND && elapsed < SECOND + Duration::from_millis(50),
        "{elapsed:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_holds_every_caller_until_that_instant() {
    let limiter = Arc::new(Limiter::new(RateLimit::fixed(1000.0)));
    let start = Instant::now();
    limiter.throttled(3 * SECOND);
    let waiters: Vec<_> = (0..5)
        .map(|_| {
            let limiter = limiter.clone();
            tokio::spawn(async move {
                let waited = limiter.turn().await;
                (waited, start.elapsed())
            })
        })
        .collect();
    for waiter in waiters {
        let (waited, at) = waiter.await.unwrap();
        assert!(at >= 3 * SECOND, "went at {at:?}");
        assert!(waited >= 3 * SECOND, "reported {waited:?}");
    }
}

#[tokio::test(start_paused = true)]
async fn after_the_first_throttle_one_probe_goes_at_a_time() {
    let limiter = Arc::new(Limiter::new(RateLimit::adaptive()));
    limiter.throttled(SECOND);
    limiter.turn().await;
    // The probe is out: the next caller waits for its answer.
    let next = tokio::spawn({
        let limiter = limiter.clone();
        async move { limiter.turn().await }
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        !next.is_finished(),
        "a second request went before the probe's answer"
    );
    limiter.accepted();
    let waited = next.await.unwrap();
    assert!(waited >= Duration::from_millis(200), "{waited:?}");
}

#[tokio::test(start_paused = true)]
async fn a_429_from_before_the_gate_lowers_nothing_more() {
    let limiter = learned(40).await;
    let rate = limiter.rate().unwrap();
    // Requests sent before the gate was set come back throttled too.
    for _ in 0..10 {
        limiter.throttled(SECOND);
    }
    assert!(close(limiter.rate().unwrap(), rate));
}

#[tokio::test(start_paused = true)]
async fn off_never_waits_and_never_activates() {
    let limiter = Limiter::new(RateLimit::off());
    limiter.throttled(10 * SECOND);
    assert!(!limiter.is_active());
    assert!(!limiter.is_on());
}
