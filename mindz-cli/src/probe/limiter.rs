//! A rate limiter: requests start at least `1/rate` seconds apart, on the
//! Tokio clock (so tests can check it with a paused clock).

use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

/// Spaces the start of requests.
#[derive(Debug)]
pub struct Limiter {
    interval: Duration,
    next: Mutex<Option<Instant>>,
}

impl Limiter {
    /// At most `rate` requests per second.
    ///
    /// # Errors
    ///
    /// `rate` is not a positive finite number, or above 100.
    pub fn per_second(rate: f64) -> Result<Limiter, String> {
        if !(rate.is_finite() && rate > 0.0 && rate <= 100.0) {
            return Err(format!(
                "--rate must be a number of requests per second in (0, 100], not {rate}"
            ));
        }
        Ok(Limiter {
            interval: Duration::from_secs_f64(1.0 / rate),
            next: Mutex::new(None),
        })
    }

    /// Waits for the next slot and returns when it started. Concurrent
    /// callers queue: each slot is taken by one caller.
    pub async fn wait(&self) -> Instant {
        let mut next = self.next.lock().await;
        let now = Instant::now();
        let at = next.map_or(now, |n| n.max(now));
        tokio::time::sleep_until(at).await;
        *next = Some(at + self.interval);
        at
    }

    /// Pushes the next slot to at least `until` (a `Retry-After`).
    pub async fn hold_until(&self, until: Instant) {
        let mut next = self.next.lock().await;
        *next = Some(next.map_or(until, |n| n.max(until)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn slots_are_one_interval_apart() {
        let limiter = Limiter::per_second(2.0).unwrap();
        let start = Instant::now();
        let mut slots = Vec::new();
        for _ in 0..5 {
            slots.push(limiter.wait().await - start);
        }
        let ms: Vec<u128> = slots.iter().map(Duration::as_millis).collect();
        assert_eq!(ms, [0, 500, 1000, 1500, 2000]);
    }

    #[tokio::test(start_paused = true)]
    async fn concurrent_callers_share_the_rate() {
        let limiter = std::sync::Arc::new(Limiter::per_second(4.0).unwrap());
        let start = Instant::now();
        let tasks: Vec<_> = (0..4)
            .map(|_| {
                let l = limiter.clone();
                tokio::spawn(async move { l.wait().await })
            })
            .collect();
        let mut ms = Vec::new();
        for t in tasks {
            ms.push((t.await.unwrap() - start).as_millis());
        }
        ms.sort();
        assert_eq!(ms, [0, 250, 500, 750]);
    }

    #[tokio::test(start_paused = true)]
    async fn retry_after_holds_the_next_slot() {
        let limiter = Limiter::per_second(2.0).unwrap();
        let start = Instant::now();
        limiter.wait().await;
        limiter.hold_until(start + Duration::from_secs(7)).await;
        assert_eq!((limiter.wait().await - start).as_secs(), 7);
        assert_eq!((limiter.wait().await - start).as_millis(), 7500);
    }

    #[test]
    fn rejects_bad_rates() {
        for rate in [0.0, -1.0, f64::NAN, f64::INFINITY, 1000.0] {
            assert!(Limiter::per_second(rate).is_err());
        }
    }
}
