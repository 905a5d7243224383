//! Bulk work against a school that throttles like Django REST framework's
//! `UserRateThrottle` at 40 requests per second (`mindz_tests::throttle`):
//! every call succeeds, and few requests are answered `429`.
//!
//! These run in real time (about 6 s and 20 s: the server's rate bounds
//! them). The share of the allowed rate they reach depends on the machine's
//! load and is measured by the bench (`cargo xtask bench --only throttle`),
//! not asserted here.

use std::time::{Duration, Instant};

use futures::StreamExt as _;
use mindz_sdk::{Client, RateLimit};
use mindz_tests::throttle::{Throttle, ThrottleServer};

const USER: &str =
    r#"{"id": 7, "email": "ana@example.com", "first_name": "Ana", "last_name": "Silva"}"#;
const RATE: usize = 40;

struct Job {
    failed: usize,
    requests: u64,
    throttled: u64,
    elapsed: Duration,
}

/// `calls` reads of one user with `in_flight` at a time, through one client
/// (and its clones), as a school's bulk job would.
async fn job(calls: usize, in_flight: usize, rate_limit: RateLimit) -> Job {
    let server = ThrottleServer::start(Throttle::per_second(RATE), USER.as_bytes()).unwrap();
    let client = Client::builder()
        .base_url(&server.base)
        .bearer_token("token-of-the-school")
        .rate_limit(rate_limit)
        .build()
        .unwrap();
    let start = Instant::now();
    let failed = futures::stream::iter(0..calls)
        .map(|_| {
            let client = client.clone();
            async move { client.user_get().user_id(7).send().await }
        })
        .buffer_unordered(in_flight)
        .filter(|result| std::future::ready(result.is_err()))
        .count()
        .await;
    Job {
        failed,
        requests: server.requests(),
        throttled: server.throttled(),
        elapsed: start.elapsed(),
    }
}

fn check(job: &Job, calls: usize) {
    let share = job.throttled as f64 / job.requests as f64;
    let rate = (calls - job.failed) as f64 / job.elapsed.as_secs_f64() / RATE as f64;
    println!(
        "{calls} calls: {} failed, {} of {} requests answered 429 ({:.1} %), {:.0} % of the allowed rate",
        job.failed,
        job.throttled,
        job.requests,
        share * 100.0,
        rate * 100.0
    );
    assert_eq!(job.failed, 0, "every call succeeds");
    assert!(share <= 0.10, "{:.1} % answered 429", share * 100.0);
    assert_eq!(job.requests - job.throttled, calls as u64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_forty_calls_with_twenty_four_in_flight_all_succeed() {
    let job = job(240, 24, RateLimit::default()).await;
    check(&job, 240);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_hundred_calls_with_sixty_four_in_flight_all_succeed() {
    let job = job(800, 64, RateLimit::default()).await;
    check(&job, 800);
}

/// A fixed rate under the server's: nothing is throttled at all.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fixed_rate_below_the_servers_is_never_throttled() {
    let job = job(60, 16, RateLimit::fixed(30.0)).await;
    assert_eq!(job.failed, 0);
    assert_eq!(job.throttled, 0, "{} requests answered 429", job.throttled);
    assert_eq!(job.requests, 60);
}
