//! Retry policy as data, and its decisions: pure functions of what an
//! attempt gave, with no socket and no timer. The call pipeline
//! (`pipeline`) asks; this module answers.
//!
//! # The rules
//!
//! - At most [`RetryPolicy::max_attempts`] attempts per call (3 by default).
//! - Retried: a request that never left (connection failed, or no access
//!   token could be had for a transient reason), timeouts and broken
//!   connections, and the statuses 408, 429, 502, 503 and 504.
//! - POST and PATCH are retried only when the request never left, or on a
//!   `429` that carries `Retry-After` (Django REST framework's throttles run
//!   before the view, so a throttled write was not processed), unless
//!   [`RetryPolicy::retry_non_idempotent`] is set.
//! - The wait is capped exponential backoff (250 ms, 500 ms, 1 s, … up to
//!   10 s) with full jitter, or the server's `Retry-After`: seconds as
//!   given, an HTTP date measured against the client's clock (RFC 9110
//!   §10.2.3) plus up to 1 s of jitter, so that clients that got the same
//!   date do not all come back in the same instant. A `Retry-After` over
//!   [`RetryPolicy::retry_after_cap`] (60 s) is not waited for.
//! - Retries draw from a **retry budget** ([`RetryBudget`]), a token bucket
//!   shared by a client and its clones, as in smithy-rs's standard retry
//!   strategy: a retry costs 5 (a retry after a timeout 10), a call that
//!   succeeds at once refills 1, and an empty bucket means a call fails at
//!   its first failure. With the default 500, a full outage costs at most
//!   100 retries before calls stop retrying, instead of tripling the load on
//!   a server that is already down.

use std::fmt;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{Method, StatusCode};

/// The statuses [`RetryPolicy::default`] retries: 408, 429, 502, 503 and 504.
pub const DEFAULT_RETRYABLE_STATUSES: &[u16] = &[408, 429, 502, 503, 504];

/// Longest jitter added to a `Retry-After` given as an HTTP date.
const DATE_JITTER: Duration = Duration::from_secs(1);

/// When and how often a failed request is tried again (see the
/// [module docs](self) for the rules).
///
/// ```
/// use std::time::Duration;
/// use mindz_sdk::{RetryBudget, RetryPolicy};
///
/// let policy = RetryPolicy::default()
///     .max_attempts(5)
///     .initial_backoff(Duration::from_millis(100))
///     .max_backoff(Duration::from_secs(5))
///     .retry_after_cap(Duration::from_secs(30))
///     .budget(Some(RetryBudget::default().capacity(1000)));
/// assert_eq!(policy.get_max_attempts(), 5);
/// assert_eq!(RetryPolicy::none().get_max_attempts(), 1);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    jitter: bool,
    jitter_seed: Option<u64>,
    retry_after_cap: Duration,
    retryable_statuses: Vec<u16>,
    retry_non_idempotent: bool,
    budget: Option<RetryBudget>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(10),
            jitter: true,
            jitter_seed: None,
            retry_after_cap: Duration::from_secs(60),
            retryable_statuses: DEFAULT_RETRYABLE_STATUSES.to_vec(),
            retry_non_idempotent: false,
            budget: Some(RetryBudget::default()),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries: every request is sent exactly once.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Sets the maximum number of attempts, the first one included
    /// (`1` disables retries; `0` is treated as `1`).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Sets the backoff before the first retry; it doubles for each further
    /// retry, up to [`RetryPolicy::max_backoff`].
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// Sets the longest backoff between two attempts.
    pub fn max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }

    /// Turns jitter on (the default) or off: full jitter on the backoff,
    /// and up to 1 s added to a `Retry-After` date.
    pub fn jitter(mut self, jitter: bool) -> Self {
        self.jitter = jitter;
        self
    }

    /// Seeds the jitter's random sequence, which makes the waits
    /// reproducible (for tests). By default every client gets its own seed.
    pub fn jitter_seed(mut self, seed: u64) -> Self {
        self.jitter_seed = Some(seed);
        self
    }

    /// Sets the longest `Retry-After` the client will wait for. When the
    /// server asks for more, the failure is returned at once.
    pub fn retry_after_cap(mut self, cap: Duration) -> Self {
        self.retry_after_cap = cap;
        self
    }

    /// Replaces the set of response statuses that are retried
    /// (default: [`DEFAULT_RETRYABLE_STATUSES`]).
    pub fn retryable_statuses(mut self, statuses: impl IntoIterator<Item = u16>) -> Self {
        self.retryable_statuses = statuses.into_iter().collect();
        self.retryable_statuses.sort_unstable();
        self.retryable_statuses.dedup();
        self
    }

    /// Also retries POST and PATCH requests after the server may have seen
    /// them (a retryable status or a timeout). Only set this when repeating
    /// those requests is harmless.
    pub fn retry_non_idempotent(mut self, retry: bool) -> Self {
        self.retry_non_idempotent = retry;
        self
    }

    /// Sets the retry budget shared by a client and its clones; `None`
    /// turns it off (every call may make all its attempts).
    pub fn budget(mut self, budget: Option<RetryBudget>) -> Self {
        self.budget = budget;
        self
    }

    /// The maximum number of attempts, the first one included.
    pub fn get_max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Whether jitter is applied.
    pub fn get_jitter(&self) -> bool {
        self.jitter
    }

    /// The longest `Retry-After` the client will wait for.
    pub fn get_retry_after_cap(&self) -> Duration {
        self.retry_after_cap
    }

    /// The retried response statuses, sorted.
    pub fn get_retryable_statuses(&self) -> &[u16] {
        &self.retryable_statuses
    }

    /// Whether POST and PATCH are retried after reaching the server.
    pub fn get_retry_non_idempotent(&self) -> bool {
        self.retry_non_idempotent
    }

    /// The retry budget, if on.
    pub fn get_budget(&self) -> Option<&RetryBudget> {
        self.budget.as_ref()
    }

    pub(crate) fn jitter_seed_value(&self) -> Option<u64> {
        self.jitter_seed
    }

    /// Whether `status` is one of the retried statuses.
    pub fn is_retryable_status(&self, status: StatusCode) -> bool {
        self.retryable_statuses
            .binary_search(&status.as_u16())
            .is_ok()
    }

    /// The backoff ceiling before retry number `retry` (1 for the first
    /// retry), before jitter: `initial_backoff * 2^(retry-1)`, capped.
    pub fn backoff_ceiling(&self, retry: u32) -> Duration {
        let factor = 1u32
            .checked_shl(retry.saturating_sub(1))
            .unwrap_or(u32::MAX);
        self.initial_backoff
            .checked_mul(factor)
            .unwrap_or(self.max_backoff)
            .min(self.max_backoff)
    }

    /// Decides what to do after attempt number `attempt` (1-based) of a
    /// call with `method` gave `attempted`. `now` is the client's clock, for
    /// a `Retry-After` date.
    pub(crate) fn decide(
        &self,
        method: &Method,
        attempted: Attempted<'_>,
        attempt: u32,
        jitter: &Jitter,
        now: SystemTime,
    ) -> Decision {
        if attempt >= self.max_attempts {
            return Decision::Stop;
        }
        let repeatable = self.retry_non_idempotent || is_idempotent(method);
        let backoff = || self.jittered(self.backoff_ceiling(attempt), jitter);
        match attempted {
            Attempted::NotSent => Decision::Retry(backoff(), RetryReason::NotSent),
            Attempted::Timeout if repeatable => Decision::Retry(backoff(), RetryReason::Timeout),
            Attempted::Broken if repeatable => Decision::Retry(backoff(), RetryReason::Broken),
            Attempted::Timeout | Attempted::Broken | Attempted::Final => Decision::Stop,
            Attempted::Response { status, headers } => {
                if !self.is_retryable_status(status) {
                    return Decision::Stop;
                }
                let asked = retry_after(headers, now);
                let throttled = status == StatusCode::TOO_MANY_REQUESTS && asked.is_some();
                if !repeatable && !throttled {
                    return Decision::Stop;
                }
                let reason = RetryReason::Status(status.as_u16());
                match asked {
                    Some(RetryAfter::Delay(wait)) | Some(RetryAfter::Date(wait))
                        if wait > self.retry_after_cap =>
                    {
                        Decision::Stop
                    }
                    Some(RetryAfter::Delay(wait)) => Decision::Retry(wait, reason),
                    Some(RetryAfter::Date(wait)) => {
                        let spread = if self.jitter {
                            jitter.below(DATE_JITTER)
                        } else {
                            Duration::ZERO
                        };
                        Decision::Retry(wait.saturating_add(spread), reason)
                    }
                    None => Decision::Retry(backoff(), reason),
                }
            }
        }
    }

    fn jittered(&self, ceiling: Duration, jitter: &Jitter) -> Duration {
        if self.jitter {
            jitter.below(ceiling)
        } else {
            ceiling
        }
    }
}

impl fmt::Debug for RetryPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryPolicy")
            .field("max_attempts", &self.max_attempts)
            .field("initial_backoff", &self.initial_backoff)
            .field("max_backoff", &self.max_backoff)
            .field("jitter", &self.jitter)
            .field("retry_after_cap", &self.retry_after_cap)
            .field("retryable_statuses", &self.retryable_statuses)
            .field("retry_non_idempotent", &self.retry_non_idempotent)
            .field("budget", &self.budget)
            .finish_non_exhaustive()
    }
}

/// The retry budget's settings: a token bucket shared by a client and its
/// clones (see the [module docs](self)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryBudget {
    capacity: u32,
    retry_cost: u32,
    timeout_retry_cost: u32,
    success_refill: u32,
}

impl Default for RetryBudget {
    /// smithy-rs's standard numbers: 500, a retry costs 5, a retry after a
    /// timeout 10, a success refills 1.
    fn default() -> Self {
        Self {
            capacity: 500,
            retry_cost: 5,
            timeout_retry_cost: 10,
            success_refill: 1,
        }
    }
}

impl RetryBudget {
    /// Sets the bucket's size (and its content when the client is built).
    pub fn capacity(mut self, capacity: u32) -> Self {
        self.capacity = capacity;
        self
    }

    /// Sets what a retry costs (a retry after a timeout costs twice this).
    pub fn retry_cost(mut self, cost: u32) -> Self {
        self.retry_cost = cost;
        self.timeout_retry_cost = cost.saturating_mul(2);
        self
    }

    /// Sets what a call that succeeds at its first attempt gives back.
    pub fn success_refill(mut self, refill: u32) -> Self {
        self.success_refill = refill;
        self
    }

    /// The bucket's size.
    pub fn get_capacity(&self) -> u32 {
        self.capacity
    }
}

/// The bucket itself (one per client, shared by its clones).
#[derive(Debug)]
pub(crate) struct Bucket {
    settings: Option<RetryBudget>,
    level: AtomicU32,
}

impl Bucket {
    pub(crate) fn new(settings: Option<RetryBudget>) -> Self {
        Self {
            level: AtomicU32::new(settings.map_or(0, |s| s.capacity)),
            settings,
        }
    }

    /// Takes what a retry for `reason` costs; `false` when the bucket
    /// cannot pay (the call then stops retrying).
    pub(crate) fn spend(&self, reason: RetryReason) -> bool {
        let Some(settings) = self.settings else {
            return true;
        };
        let cost = match reason {
            RetryReason::Timeout => settings.timeout_retry_cost,
            _ => settings.retry_cost,
        };
        self.level
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |level| {
                level.checked_sub(cost)
            })
            .is_ok()
    }

    /// A call succeeded without retrying: give some back, up to capacity.
    pub(crate) fn refill(&self) {
        let Some(settings) = self.settings else {
            return;
        };
        if settings.success_refill == 0 {
            return;
        }
        let _ = self
            .level
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |level| {
                (level < settings.capacity).then(|| {
                    level
                        .saturating_add(settings.success_refill)
                        .min(settings.capacity)
                })
            });
    }

    #[cfg(test)]
    pub(crate) fn level(&self) -> u32 {
        self.level.load(Ordering::Acquire)
    }
}

/// What one attempt gave, as the policy sees it.
#[derive(Clone, Copy)]
pub(crate) enum Attempted<'a> {
    /// An HTTP answer.
    Response {
        status: StatusCode,
        headers: &'a HeaderMap,
    },
    /// The request never left: the connection could not be made, or no
    /// access token could be had for a transient reason.
    NotSent,
    /// No answer within the per-attempt timeout; the server may have seen
    /// the request.
    Timeout,
    /// The connection broke after the request may have left.
    Broken,
    /// Nothing that trying again would change.
    Final,
}

/// The policy's answer.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Decision {
    Stop,
    Retry(Duration, RetryReason),
}

/// Why an attempt is retried (for the trace and the budget).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RetryReason {
    Status(u16),
    NotSent,
    Timeout,
    Broken,
}

impl fmt::Display for RetryReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetryReason::Status(status) => write!(f, "status {status}"),
            RetryReason::NotSent => f.write_str("not sent"),
            RetryReason::Timeout => f.write_str("timeout"),
            RetryReason::Broken => f.write_str("connection broken"),
        }
    }
}

/// Whether a method may be repeated without changing the outcome.
pub(crate) fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS | Method::TRACE
    )
}

/// A `Retry-After` value as a wait.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum RetryAfter {
    /// Delay-seconds, as given.
    Delay(Duration),
    /// An HTTP date, minus the client's clock (zero if in the past).
    Date(Duration),
}

/// Parses `Retry-After` (RFC 9110 §10.2.3) against the client's clock `now`.
pub(crate) fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<RetryAfter> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        let secs = value.parse::<u64>().unwrap_or(u64::MAX);
        return Some(RetryAfter::Delay(Duration::from_secs(secs)));
    }
    let target = parse_http_date(value)?;
    Some(RetryAfter::Date(
        target.duration_since(now).unwrap_or(Duration::ZERO),
    ))
}

/// Parses an HTTP date in any of its three forms (RFC 9110 §5.6.7):
/// IMF-fixdate, RFC 850 and asctime.
pub(crate) fn parse_http_date(value: &str) -> Option<SystemTime> {
    use chrono::{DateTime, NaiveDateTime};
    let value = value.trim();
    let utc = if let Ok(date) = DateTime::parse_from_rfc2822(value) {
        date.to_utc()
    } else if let Ok(date) = NaiveDateTime::parse_from_str(value, "%A, %d-%b-%y %H:%M:%S GMT") {
        date.and_utc()
    } else if let Ok(date) = NaiveDateTime::parse_from_str(value, "%a %b %e %H:%M:%S %Y") {
        date.and_utc()
    } else {
        return None;
    };
    let secs = u64::try_from(utc.timestamp()).ok()?;
    UNIX_EPOCH.checked_add(Duration::from_secs(secs))
}

/// xorshift64* random numbers for jitter; lock-free, shared by a client's clones.
pub(crate) struct Jitter(AtomicU64);

impl Jitter {
    /// A source seeded with `seed`, or with a fresh seed per client.
    pub(crate) fn new(seed: Option<u64>) -> Self {
        let seed = seed.unwrap_or_else(fresh_seed);
        // splitmix64 spreads the seed; xorshift needs a non-zero state.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Self(AtomicU64::new(if z == 0 {
            0x2545_F491_4F6C_DD1D
        } else {
            z
        }))
    }

    fn next(&self) -> u64 {
        let step = |mut x: u64| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            x
        };
        let mut current = self.0.load(Ordering::Relaxed);
        loop {
            let next = step(current);
            match self
                .0
                .compare_exchange_weak(current, next, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return next.wrapping_mul(0x2545_F491_4F6C_DD1D),
                Err(actual) => current = actual,
            }
        }
    }

    /// A uniformly drawn duration in `[0, ceiling]`.
    pub(crate) fn below(&self, ceiling: Duration) -> Duration {
        if ceiling.is_zero() {
            return ceiling;
        }
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(self.next() % nanos.saturating_add(1))
    }
}

/// A seed that differs between clients and between runs.
fn fresh_seed() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    nanos
        ^ COUNTER
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    // Sun, 06 Nov 1994 08:49:37 GMT
    fn now() -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(784_111_777)
    }

    fn decide(policy: &RetryPolicy, method: Method, status: u16, h: &HeaderMap) -> Decision {
        let jitter = Jitter::new(Some(1));
        let attempted = Attempted::Response {
            status: StatusCode::from_u16(status).unwrap(),
            headers: h,
        };
        policy.decide(&method, attempted, 1, &jitter, now())
    }

    #[test]
    fn defaults() {
        let policy = RetryPolicy::default();
        assert_eq!(policy.get_max_attempts(), 3);
        assert!(policy.get_jitter());
        assert_eq!(policy.get_retry_after_cap(), Duration::from_secs(60));
        assert_eq!(policy.get_retryable_statuses(), &[408, 429, 502, 503, 504]);
        assert!(!policy.get_retry_non_idempotent());
        assert_eq!(policy.get_budget().unwrap().get_capacity(), 500);
        assert_eq!(RetryPolicy::none().get_max_attempts(), 1);
        assert_eq!(RetryPolicy::none().max_attempts(0).get_max_attempts(), 1);
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_without_overflow() {
        let policy = RetryPolicy::default()
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_secs(1));
        let ceilings: Vec<_> = (1..=6)
            .map(|r| policy.backoff_ceiling(r).as_millis())
            .collect();
        assert_eq!(ceilings, [100, 200, 400, 800, 1000, 1000]);
        assert_eq!(policy.backoff_ceiling(u32::MAX), Duration::from_secs(1));
        let huge = RetryPolicy::default()
            .initial_backoff(Duration::MAX)
            .max_backoff(Duration::MAX);
        assert_eq!(huge.backoff_ceiling(40), Duration::MAX);
        let jitter = Jitter::new(Some(3));
        assert!(jitter.below(Duration::MAX) <= Duration::MAX);
    }

    #[test]
    fn jitter_is_bounded_and_reproducible() {
        let a = Jitter::new(Some(7));
        let b = Jitter::new(Some(7));
        let ceiling = Duration::from_millis(800);
        let waits_a: Vec<_> = (0..20).map(|_| a.below(ceiling)).collect();
        let waits_b: Vec<_> = (0..20).map(|_| b.below(ceiling)).collect();
        assert_eq!(waits_a, waits_b);
        assert!(waits_a.iter().all(|w| *w <= ceiling));
        let distinct: std::collections::BTreeSet<_> = waits_a.iter().collect();
        assert!(distinct.len() > 10, "{waits_a:?}");
    }

    #[test]
    fn retry_after_in_all_forms_against_the_client_clock() {
        let at = |v: &'static str| retry_after(&headers(&[("retry-after", v)]), now());
        assert_eq!(at("2"), Some(RetryAfter::Delay(Duration::from_secs(2))));
        assert_eq!(
            at("99999999999999999999999"),
            Some(RetryAfter::Delay(Duration::from_secs(u64::MAX)))
        );
        assert_eq!(
            at("Sun, 06 Nov 1994 08:49:47 GMT"),
            Some(RetryAfter::Date(Duration::from_secs(10)))
        );
        assert_eq!(
            at("Sunday, 06-Nov-94 08:49:40 GMT"),
            Some(RetryAfter::Date(Duration::from_secs(3)))
        );
        assert_eq!(
            at("Sun Nov  6 08:49:42 1994"),
            Some(RetryAfter::Date(Duration::from_secs(5)))
        );
        // The server's Date does not matter: RFC 9110 measures from the client.
        assert_eq!(
            retry_after(
                &headers(&[
                    ("retry-after", "Sun, 06 Nov 1994 08:50:37 GMT"),
                    ("date", "Sun, 06 Nov 1994 08:50:00 GMT"),
                ]),
                now()
            ),
            Some(RetryAfter::Date(Duration::from_secs(60)))
        );
        assert_eq!(
            at("Sun, 06 Nov 1994 08:00:00 GMT"),
            Some(RetryAfter::Date(Duration::ZERO))
        );
        assert_eq!(at("soon"), None);
        assert_eq!(retry_after(&headers(&[]), now()), None);
    }

    #[test]
    fn statuses_and_methods() {
        let policy = RetryPolicy::default().jitter(false);
        let none = headers(&[]);
        let wait = Duration::from_millis(250);
        for status in [408, 429, 502, 503, 504] {
            assert_eq!(
                decide(&policy, Method::GET, status, &none),
                Decision::Retry(wait, RetryReason::Status(status)),
                "{status}"
            );
        }
        assert_eq!(
            decide(&policy, Method::DELETE, 502, &none),
            Decision::Retry(wait, RetryReason::Status(502))
        );
        for status in [400, 401, 404, 500] {
            assert_eq!(decide(&policy, Method::GET, status, &none), Decision::Stop);
        }
        assert_eq!(decide(&policy, Method::POST, 503, &none), Decision::Stop);
        assert_eq!(decide(&policy, Method::PATCH, 408, &none), Decision::Stop);
        // A throttled write was not processed: retried after Retry-After.
        let throttle = headers(&[("retry-after", "1")]);
        for method in [Method::POST, Method::PATCH] {
            assert_eq!(
                decide(&policy, method, 429, &throttle),
                Decision::Retry(Duration::from_secs(1), RetryReason::Status(429))
            );
        }
        assert_eq!(decide(&policy, Method::POST, 429, &none), Decision::Stop);
        assert_eq!(
            decide(
                &policy,
                Method::GET,
                503,
                &headers(&[("retry-after", "61")])
            ),
            Decision::Stop
        );
        let opt_in = RetryPolicy::default().retry_non_idempotent(true);
        assert!(matches!(
            decide(&opt_in, Method::POST, 503, &none),
            Decision::Retry(..)
        ));
    }

    #[test]
    fn failures_without_a_response() {
        let policy = RetryPolicy::default().jitter(false);
        let jitter = Jitter::new(Some(1));
        let d = |method: Method, a: Attempted<'_>, attempt: u32| {
            policy.decide(&method, a, attempt, &jitter, now())
        };
        let first = Duration::from_millis(250);
        assert_eq!(
            d(Method::POST, Attempted::NotSent, 1),
            Decision::Retry(first, RetryReason::NotSent)
        );
        assert_eq!(
            d(Method::GET, Attempted::Timeout, 2),
            Decision::Retry(first * 2, RetryReason::Timeout)
        );
        assert_eq!(d(Method::POST, Attempted::Timeout, 1), Decision::Stop);
        assert_eq!(d(Method::POST, Attempted::Broken, 1), Decision::Stop);
        assert_eq!(
            d(Method::PUT, Attempted::Broken, 1),
            Decision::Retry(first, RetryReason::Broken)
        );
        assert_eq!(d(Method::GET, Attempted::Final, 1), Decision::Stop);
        // The last attempt is never followed by another.
        assert_eq!(d(Method::GET, Attempted::NotSent, 3), Decision::Stop);
    }

    #[test]
    fn date_retry_after_gets_jitter_and_delays_do_not() {
        let policy = RetryPolicy::default();
        let date = headers(&[("retry-after", "Sun, 06 Nov 1994 08:49:47 GMT")]);
        let waits: std::collections::BTreeSet<_> = (0..20)
            .map(|seed| {
                let jitter = Jitter::new(Some(seed));
                let attempted = Attempted::Response {
                    status: StatusCode::SERVICE_UNAVAILABLE,
                    headers: &date,
                };
                match policy.decide(&Method::GET, attempted, 1, &jitter, now()) {
                    Decision::Retry(wait, _) => wait,
                    Decision::Stop => panic!("should retry"),
                }
            })
            .collect();
        assert!(waits.len() > 10);
        assert!(
            waits
                .iter()
                .all(|w| *w >= Duration::from_secs(10) && *w <= Duration::from_secs(11))
        );
        let delay = headers(&[("retry-after", "3")]);
        assert_eq!(
            decide(&policy, Method::GET, 503, &delay),
            Decision::Retry(Duration::from_secs(3), RetryReason::Status(503))
        );
    }

    #[test]
    fn the_budget_empties_and_refills() {
        let bucket = Bucket::new(Some(RetryBudget::default().capacity(12)));
        assert!(bucket.spend(RetryReason::Status(503)));
        assert!(bucket.spend(RetryReason::Status(503)));
        assert_eq!(bucket.level(), 2);
        assert!(!bucket.spend(RetryReason::Status(503)));
        assert_eq!(bucket.level(), 2);
        for _ in 0..100 {
            bucket.refill();
        }
        assert_eq!(bucket.level(), 12);
        assert!(bucket.spend(RetryReason::Timeout));
        assert_eq!(bucket.level(), 2, "a retry after a timeout costs 10");
        let unlimited = Bucket::new(None);
        assert!((0..10_000).all(|_| unlimited.spend(RetryReason::Timeout)));
        // 200 calls of 3 attempts against a full outage: at most 100 retries.
        let outage = Bucket::new(Some(RetryBudget::default()));
        let retries: u32 = (0..200)
            .map(|_| {
                (0..2)
                    .take_while(|_| outage.spend(RetryReason::Status(503)))
                    .count() as u32
            })
            .sum();
        assert_eq!(retries, 100);
    }
}
