//! Retries, backoff and timeouts around every request.
//!
//! Every operation of [`crate::Client`] goes through the same execution path:
//!
//! 1. the whole call (all attempts and the waits between them) runs under the
//!    optional overall deadline ([`crate::ClientBuilder::deadline`]);
//! 2. each attempt runs under the per-attempt timeout
//!    ([`crate::ClientBuilder::timeout`], 30 s by default);
//! 3. after a failed attempt, the [`RetryPolicy`] decides whether to try again
//!    and how long to wait first (capped exponential backoff with full jitter,
//!    or the server's `Retry-After`).
//!
//! Timers are [`tokio::time`] timers, so tests that pause Tokio's clock
//! (`#[tokio::test(start_paused = true)]`) run the waits instantly.
//!
//! # Timeout errors
//!
//! When the per-attempt timeout or the deadline expires, the operation fails
//! with a genuine [`reqwest::Error`] whose [`reqwest::Error::is_timeout`] is
//! `true` (its source chain holds an [`std::io::Error`] of kind
//! [`std::io::ErrorKind::TimedOut`] that says which limit expired). In a
//! [`progenitor_client::Error`] it is a `CommunicationError`; converted to
//! [`crate::error::Error`] it is [`crate::error::Error::Timeout`].

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use progenitor_client::OperationInfo;
use reqwest::header::{HeaderMap, HeaderValue, RETRY_AFTER};
use reqwest::{Method, StatusCode};

/// When and how often a failed request is tried again.
///
/// The default ([`RetryPolicy::default`]) makes at most 3 attempts in total.
/// It retries connection failures, timeouts, and the statuses 429, 502, 503
/// and 504, waiting between attempts with capped exponential backoff
/// (250 ms, 500 ms, 1 s, ... up to 10 s) and full jitter (a random wait
/// between zero and that value). A `Retry-After` header on the response is
/// honoured instead, in both its forms (seconds or an HTTP date), up to
/// [`RetryPolicy::retry_after_cap`] (60 s by default): when the server asks
/// for a longer wait, the response is returned at once.
///
/// Only idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) are
/// retried after the server may have seen the request. POST and PATCH are
/// retried only when the connection could not be made at all (the request
/// never reached the server), unless [`RetryPolicy::retry_non_idempotent`]
/// is set.
///
/// ```
/// use std::time::Duration;
/// use mindz_sdk::RetryPolicy;
///
/// let policy = RetryPolicy::default()
///     .max_attempts(5)
///     .initial_backoff(Duration::from_millis(100))
///     .max_backoff(Duration::from_secs(5))
///     .retry_after_cap(Duration::from_secs(30));
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
        }
    }
}

/// The statuses [`RetryPolicy::default`] retries: 429, 502, 503 and 504.
pub const DEFAULT_RETRYABLE_STATUSES: &[u16] = &[429, 502, 503, 504];

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

    /// Turns full jitter on (the default) or off. With jitter, each wait is
    /// drawn uniformly between zero and the backoff; without, it is the
    /// backoff itself.
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
    /// server asks for more, the response (or error) is returned at once.
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

    /// The maximum number of attempts, the first one included.
    pub fn get_max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The backoff before the first retry.
    pub fn get_initial_backoff(&self) -> Duration {
        self.initial_backoff
    }

    /// The longest backoff between two attempts.
    pub fn get_max_backoff(&self) -> Duration {
        self.max_backoff
    }

    /// Whether full jitter is applied to the backoff.
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
            .finish_non_exhaustive()
    }
}

/// Whether a method may be repeated without changing the outcome.
pub(crate) fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS | Method::TRACE
    )
}

/// Everything the execution path needs besides the request: retry policy,
/// timeouts and the client's jitter source. One per client, shared by its
/// clones.
#[derive(Clone)]
pub(crate) struct Resilience {
    pub(crate) policy: RetryPolicy,
    /// Per-attempt timeout; `None` waits forever.
    pub(crate) attempt_timeout: Option<Duration>,
    /// Overall deadline for all attempts of a call; `None` for no deadline.
    pub(crate) deadline: Option<Duration>,
    rng: Arc<XorShift>,
}

impl Default for Resilience {
    fn default() -> Self {
        Self::new(
            RetryPolicy::default(),
            Some(crate::client_builder::DEFAULT_TIMEOUT),
            None,
        )
    }
}

impl fmt::Debug for Resilience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Resilience")
            .field("policy", &self.policy)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("deadline", &self.deadline)
            .finish_non_exhaustive()
    }
}

impl Resilience {
    pub(crate) fn new(
        policy: RetryPolicy,
        attempt_timeout: Option<Duration>,
        deadline: Option<Duration>,
    ) -> Self {
        let rng = Arc::new(XorShift::new(policy.jitter_seed.unwrap_or_else(fresh_seed)));
        Self {
            policy,
            attempt_timeout,
            deadline,
            rng,
        }
    }

    /// The wait before retry number `retry` (1 for the first retry).
    fn backoff(&self, retry: u32) -> Duration {
        let ceiling = self.policy.backoff_ceiling(retry);
        if !self.policy.jitter || ceiling.is_zero() {
            return ceiling;
        }
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(self.rng.next() % nanos.saturating_add(1))
    }

    /// Decides whether to try again after `result`; returns the wait.
    fn decide(
        &self,
        method: &Method,
        result: &reqwest::Result<reqwest::Response>,
        retry: u32,
    ) -> Decision {
        let repeatable = self.policy.retry_non_idempotent || is_idempotent(method);
        match result {
            // The SDK could not obtain credentials: the request never left.
            Ok(response)
                if response
                    .headers()
                    .contains_key(crate::hooks::AUTH_ERROR_HEADER) =>
            {
                if self.policy.is_retryable_status(response.status()) {
                    Decision::Retry(self.backoff(retry), RetryReason::Status(response.status()))
                } else {
                    Decision::Stop
                }
            }
            Ok(response) => {
                if !self.policy.is_retryable_status(response.status()) || !repeatable {
                    return Decision::Stop;
                }
                match retry_after(response.headers(), SystemTime::now()) {
                    Some(wait) if wait > self.policy.retry_after_cap => Decision::Stop,
                    Some(wait) => Decision::Retry(wait, RetryReason::Status(response.status())),
                    None => {
                        Decision::Retry(self.backoff(retry), RetryReason::Status(response.status()))
                    }
                }
            }
            Err(error) if error.is_connect() => {
                Decision::Retry(self.backoff(retry), RetryReason::Connect)
            }
            Err(error) if error.is_timeout() && repeatable => {
                Decision::Retry(self.backoff(retry), RetryReason::Timeout)
            }
            Err(error) if error.is_request() && repeatable => {
                Decision::Retry(self.backoff(retry), RetryReason::Transport)
            }
            Err(_) => Decision::Stop,
        }
    }
}

enum Decision {
    Stop,
    Retry(Duration, RetryReason),
}

/// Why an attempt is retried (for the trace).
#[derive(Clone, Copy)]
pub(crate) enum RetryReason {
    Status(StatusCode),
    Connect,
    Timeout,
    Transport,
}

impl fmt::Display for RetryReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetryReason::Status(status) => write!(f, "status {}", status.as_u16()),
            RetryReason::Connect => f.write_str("connect error"),
            RetryReason::Timeout => f.write_str("timeout"),
            RetryReason::Transport => f.write_str("transport error"),
        }
    }
}

/// Runs one call: attempts `send` as the policy allows, each under the
/// per-attempt timeout, all under the deadline, inside a `mindz.request`
/// span.
///
/// `send` performs one attempt (for example adding credentials and sending).
/// Bodies that cannot be cloned (streams) are sent once. On an error the
/// URL inside the [`reqwest::Error`] loses its query, user name and password,
/// so that no query value reaches a log through the error. Every response
/// gets the header [`crate::error::OPERATION_HEADER`] naming the operation,
/// which [`crate::error::Error`] uses to say which operation failed.
pub(crate) async fn execute<F, Fut>(
    resilience: &Resilience,
    request: reqwest::Request,
    info: &OperationInfo,
    send: F,
) -> reqwest::Result<reqwest::Response>
where
    F: FnMut(reqwest::Request) -> Fut,
    Fut: Future<Output = reqwest::Result<reqwest::Response>>,
{
    use tracing::Instrument as _;
    let telemetry = crate::telemetry::RequestTrace::start(info.operation_id, request.method());
    let url = redacted_url(request.url());
    let attempts = attempt_loop(resilience, request, &url, send, &telemetry);
    let result = async {
        match resilience.deadline {
            Some(deadline) => match tokio::time::timeout(deadline, attempts).await {
                Ok(result) => result,
                Err(_) => Err(timeout_error(&url, TimeoutKind::Deadline(deadline)).await),
            },
            None => attempts.await,
        }
    }
    .instrument(telemetry.span().clone())
    .await;
    let result = match result {
        Ok(response)
            if response.status().is_client_error() || response.status().is_server_error() =>
        {
            normalize_error_body(response).await
        }
        other => other,
    };
    let result = match result {
        Ok(mut response) => {
            response.headers_mut().insert(
                crate::error::OPERATION_HEADER,
                HeaderValue::from_static(info.operation_id),
            );
            Ok(response)
        }
        Err(error) => Err(redact_error(error)),
    };
    telemetry.finish(&result);
    result
}

async fn attempt_loop<F, Fut>(
    resilience: &Resilience,
    request: reqwest::Request,
    url: &reqwest::Url,
    mut send: F,
    telemetry: &crate::telemetry::RequestTrace,
) -> reqwest::Result<reqwest::Response>
where
    F: FnMut(reqwest::Request) -> Fut,
    Fut: Future<Output = reqwest::Result<reqwest::Response>>,
{
    let started = tokio::time::Instant::now();
    let method = request.method().clone();
    let mut next = Some(request);
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        telemetry.attempt(attempt);
        let Some(mut request) = next.take() else {
            unreachable!("a request is ready for every attempt");
        };
        let spare = if attempt < resilience.policy.max_attempts {
            request.try_clone()
        } else {
            None
        };
        if let Some(limit) = resilience.attempt_timeout {
            // Also bounds reading the body, which happens after this returns.
            request.timeout_mut().get_or_insert(limit);
        }
        let attempt_started = tokio::time::Instant::now();
        let result = match resilience.attempt_timeout {
            Some(limit) => match tokio::time::timeout(limit, send(request)).await {
                // reqwest's own timer for the same limit may win the race;
                // report it as the SDK's so the message names the limit.
                Ok(Err(e)) if e.is_timeout() && attempt_started.elapsed() >= limit => {
                    Err(timeout_error(url, TimeoutKind::Attempt(limit)).await)
                }
                Ok(result) => result,
                Err(_) => Err(timeout_error(url, TimeoutKind::Attempt(limit)).await),
            },
            None => send(request).await,
        };
        let Some(spare) = spare else {
            return result;
        };
        let (wait, reason) = match resilience.decide(&method, &result, attempt) {
            Decision::Stop => return result,
            Decision::Retry(wait, reason) => (wait, reason),
        };
        if let Some(deadline) = resilience.deadline {
            // Waiting would run into the deadline: give the caller what we have.
            if started.elapsed() + wait >= deadline {
                return result;
            }
        }
        telemetry.retrying(attempt, reason, wait);
        drop(result);
        tokio::time::sleep(wait).await;
        next = Some(spare);
    }
}

/// Makes an error response's body decodable as [`crate::types::ErrorBody`].
///
/// The generated code decodes every 4xx/5xx body as a JSON error body; an
/// HTML page from a proxy or an empty body would become a decode error that
/// has lost the status and headers. Such a body is replaced by
/// `{"detail": "<the body as text, at most 4 KiB>"}` and the response gets
/// the header [`crate::error::RAW_ERROR_BODY_HEADER`], so the operation
/// fails with the status, headers and the original text.
async fn normalize_error_body(response: reqwest::Response) -> reqwest::Result<reqwest::Response> {
    use reqwest::ResponseBuilderExt as _;
    let status = response.status();
    let version = response.version();
    let url = response.url().clone();
    let mut headers = response.headers().clone();
    let bytes = response.bytes().await?;
    let body = if serde_json::from_slice::<crate::types::ErrorBody>(&bytes).is_ok() {
        bytes.to_vec()
    } else {
        let cut = &bytes[..bytes.len().min(crate::error::RAW_BODY_LIMIT)];
        let text = String::from_utf8_lossy(cut);
        headers.insert(
            crate::error::RAW_ERROR_BODY_HEADER,
            HeaderValue::from(bytes.len()),
        );
        headers.insert(
            reqwest::header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        let detail = text.trim();
        let body = if detail.is_empty() {
            serde_json::json!({})
        } else {
            serde_json::json!({ "detail": detail })
        };
        serde_json::to_vec(&body).unwrap_or_default()
    };
    headers.insert(
        reqwest::header::CONTENT_LENGTH,
        HeaderValue::from(body.len()),
    );
    let mut rebuilt = http::Response::builder()
        .status(status)
        .version(version)
        .url(url)
        .body(body)
        .expect("status and version come from a response");
    *rebuilt.headers_mut() = headers;
    Ok(reqwest::Response::from(rebuilt))
}

/// Parses `Retry-After` (delta-seconds or an HTTP date) into a wait. An
/// HTTP date is measured from the response's `Date` header when present
/// (so clock skew between client and server does not matter), else from
/// `now`. A date in the past gives a zero wait.
pub(crate) fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)));
    }
    let target = parse_http_date(value)?;
    let reference = headers
        .get(reqwest::header::DATE)
        .and_then(|date| date.to_str().ok())
        .and_then(parse_http_date)
        .unwrap_or(now);
    Some(target.duration_since(reference).unwrap_or(Duration::ZERO))
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
    Some(UNIX_EPOCH + Duration::from_secs(secs))
}

/// Which limit expired.
#[derive(Debug, Clone, Copy)]
pub(crate) enum TimeoutKind {
    Attempt(Duration),
    Deadline(Duration),
}

/// The source of the SDK's own timeout errors: wrapped in an
/// [`std::io::Error`] of kind `TimedOut`, inside a [`reqwest::Error`].
#[derive(Debug)]
pub(crate) struct SdkTimeout(pub(crate) TimeoutKind);

impl fmt::Display for SdkTimeout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            TimeoutKind::Attempt(limit) => {
                write!(f, "no response within the per-attempt timeout of {limit:?}")
            }
            TimeoutKind::Deadline(limit) => {
                write!(f, "the call's deadline of {limit:?} expired")
            }
        }
    }
}

impl std::error::Error for SdkTimeout {}

/// Builds a real [`reqwest::Error`] for which `is_timeout()` is true: reqwest
/// offers no constructor, so this reads a body whose stream fails with an
/// [`std::io::Error`] of kind `TimedOut`. Resolves on its first poll.
pub(crate) async fn timeout_error(url: &reqwest::Url, kind: TimeoutKind) -> reqwest::Error {
    let io = std::io::Error::new(std::io::ErrorKind::TimedOut, SdkTimeout(kind));
    let stream = futures::stream::once(async move { Err::<Vec<u8>, _>(io) });
    let response = reqwest::Response::from(http::Response::new(reqwest::Body::wrap_stream(stream)));
    match response.bytes().await {
        Err(error) => error.with_url(url.clone()),
        Ok(_) => unreachable!("the stream yields only an error"),
    }
}

/// `url` without query, fragment, user name or password.
pub(crate) fn redacted_url(url: &reqwest::Url) -> reqwest::Url {
    let mut url = url.clone();
    url.set_query(None);
    url.set_fragment(None);
    let _ = url.set_username("");
    let _ = url.set_password(None);
    url
}

/// Removes query values and credentials from the URL inside `error`.
pub(crate) fn redact_error(error: reqwest::Error) -> reqwest::Error {
    match error.url().map(redacted_url) {
        Some(url) => error.with_url(url),
        None => error,
    }
}

/// xorshift64* random numbers for jitter; lock-free, shared by a client's clones.
struct XorShift(AtomicU64);

impl XorShift {
    fn new(seed: u64) -> Self {
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
    use crate::client_builder::DEFAULT_TIMEOUT;
    use std::sync::atomic::AtomicU32;

    fn response(status: u16, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut builder = http::Response::builder().status(status);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        reqwest::Response::from(builder.body(Vec::<u8>::new()).unwrap())
    }

    fn info() -> OperationInfo {
        OperationInfo {
            operation_id: "user_get",
        }
    }

    fn request(method: Method) -> reqwest::Request {
        reqwest::Request::new(
            method,
            "http://user:pw@127.0.0.1:9/v2/users/1/?email=secret%40x.com"
                .parse()
                .unwrap(),
        )
    }

    fn resilience(policy: RetryPolicy) -> Resilience {
        Resilience::new(policy.jitter(false), Some(DEFAULT_TIMEOUT), None)
    }

    #[test]
    fn defaults() {
        let policy = RetryPolicy::default();
        assert_eq!(policy.get_max_attempts(), 3);
        assert!(policy.get_jitter());
        assert_eq!(policy.get_retry_after_cap(), Duration::from_secs(60));
        assert_eq!(policy.get_retryable_statuses(), &[429, 502, 503, 504]);
        assert!(!policy.get_retry_non_idempotent());
        assert_eq!(RetryPolicy::none().get_max_attempts(), 1);
        assert_eq!(RetryPolicy::none().max_attempts(0).get_max_attempts(), 1);
        let debug = format!("{policy:?}");
        assert!(
            debug.starts_with("RetryPolicy { max_attempts: 3"),
            "{debug}"
        );
    }

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let policy = RetryPolicy::default()
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_secs(1));
        let ceilings: Vec<_> = (1..=6)
            .map(|r| policy.backoff_ceiling(r).as_millis())
            .collect();
        assert_eq!(ceilings, [100, 200, 400, 800, 1000, 1000]);
        assert_eq!(policy.backoff_ceiling(200), Duration::from_secs(1));
    }

    #[test]
    fn jitter_is_bounded_and_reproducible() {
        let policy = RetryPolicy::default().jitter_seed(7);
        let a = Resilience::new(policy.clone(), None, None);
        let b = Resilience::new(policy.clone(), None, None);
        let waits_a: Vec<_> = (1..=20).map(|r| a.backoff(r.min(4))).collect();
        let waits_b: Vec<_> = (1..=20).map(|r| b.backoff(r.min(4))).collect();
        assert_eq!(waits_a, waits_b);
        for (r, wait) in (1..=20).zip(&waits_a) {
            assert!(*wait <= policy.backoff_ceiling(r.min(4)));
        }
        let distinct: std::collections::BTreeSet<_> = waits_a.iter().collect();
        assert!(distinct.len() > 10, "{waits_a:?}");
    }

    #[test]
    fn retry_after_both_forms() {
        let now = UNIX_EPOCH + Duration::from_secs(784_111_777); // Sun, 06 Nov 1994 08:49:37 GMT
        let headers = |pairs: &[(&'static str, &'static str)]| {
            let mut map = HeaderMap::new();
            for (k, v) in pairs {
                map.insert(*k, HeaderValue::from_static(v));
            }
            map
        };
        assert_eq!(
            retry_after(&headers(&[("retry-after", "2")]), now),
            Some(Duration::from_secs(2))
        );
        assert_eq!(
            retry_after(
                &headers(&[("retry-after", "Sun, 06 Nov 1994 08:49:47 GMT")]),
                now
            ),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            retry_after(
                &headers(&[("retry-after", "Sunday, 06-Nov-94 08:49:40 GMT")]),
                now
            ),
            Some(Duration::from_secs(3))
        );
        assert_eq!(
            retry_after(
                &headers(&[("retry-after", "Sun Nov  6 08:49:42 1994")]),
                now
            ),
            Some(Duration::from_secs(5))
        );
        // The response's Date is the reference when present.
        assert_eq!(
            retry_after(
                &headers(&[
                    ("retry-after", "Sun, 06 Nov 1994 08:50:37 GMT"),
                    ("date", "Sun, 06 Nov 1994 08:50:00 GMT"),
                ]),
                now
            ),
            Some(Duration::from_secs(37))
        );
        assert_eq!(
            retry_after(
                &headers(&[("retry-after", "Sun, 06 Nov 1994 08:00:00 GMT")]),
                now
            ),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after(&headers(&[("retry-after", "soon")]), now), None);
        assert_eq!(retry_after(&headers(&[]), now), None);
    }

    #[test]
    fn decisions() {
        let r = resilience(RetryPolicy::default());
        let decide = |method: Method, status: u16, headers: &[(&str, &str)]| match r.decide(
            &method,
            &Ok(response(status, headers)),
            1,
        ) {
            Decision::Stop => None,
            Decision::Retry(wait, _) => Some(wait),
        };
        assert_eq!(
            decide(Method::GET, 503, &[]),
            Some(Duration::from_millis(250))
        );
        assert_eq!(
            decide(Method::DELETE, 502, &[]),
            Some(Duration::from_millis(250))
        );
        assert_eq!(decide(Method::GET, 500, &[]), None);
        assert_eq!(decide(Method::GET, 404, &[]), None);
        assert_eq!(decide(Method::POST, 503, &[]), None);
        assert_eq!(decide(Method::PATCH, 429, &[]), None);
        assert_eq!(
            decide(Method::GET, 429, &[("retry-after", "7")]),
            Some(Duration::from_secs(7))
        );
        assert_eq!(decide(Method::GET, 429, &[("retry-after", "61")]), None);
        let opt_in = resilience(RetryPolicy::default().retry_non_idempotent(true));
        assert!(matches!(
            opt_in.decide(&Method::POST, &Ok(response(503, &[])), 1),
            Decision::Retry(..)
        ));
    }

    #[tokio::test]
    async fn timeout_errors_are_reqwest_timeouts() {
        let url: reqwest::Url = "http://127.0.0.1:9/v2/users/1/".parse().unwrap();
        let error = timeout_error(&url, TimeoutKind::Attempt(Duration::from_secs(30))).await;
        assert!(error.is_timeout());
        assert!(!error.is_connect());
        assert_eq!(error.url(), Some(&url));
        let mut chain = String::new();
        let mut source: Option<&dyn std::error::Error> = Some(&error);
        while let Some(e) = source {
            chain.push_str(&e.to_string());
            chain.push('|');
            source = e.source();
        }
        assert!(chain.contains("per-attempt timeout of 30s"), "{chain}");
    }

    #[tokio::test(start_paused = true)]
    async fn retries_then_succeeds_and_marks_the_operation() {
        let r = resilience(RetryPolicy::default());
        let calls = AtomicU32::new(0);
        let started = tokio::time::Instant::now();
        let result = execute(&r, request(Method::GET), &info(), |_req| {
            let n = calls.fetch_add(1, Ordering::SeqCst);
            async move { Ok(response(if n < 2 { 503 } else { 200 }, &[])) }
        })
        .await
        .unwrap();
        assert_eq!(result.status(), 200);
        assert_eq!(calls.load(Ordering::SeqCst), 3);
        assert_eq!(started.elapsed(), Duration::from_millis(750));
        assert_eq!(result.headers()[crate::error::OPERATION_HEADER], "user_get");
    }

    #[tokio::test]
    async fn non_json_error_bodies_become_error_bodies() {
        let html = "<html><body>502 Bad Gateway</body></html>";
        let response = http::Response::builder()
            .status(502)
            .header("content-type", "text/html")
            .header("x-request-id", "r-9")
            .body(html)
            .unwrap();
        let fixed = normalize_error_body(reqwest::Response::from(response))
            .await
            .unwrap();
        assert_eq!(fixed.status(), 502);
        assert_eq!(fixed.headers()["x-request-id"], "r-9");
        assert_eq!(fixed.headers()[crate::error::RAW_ERROR_BODY_HEADER], "41");
        let body: crate::types::ErrorBody = fixed.json().await.unwrap();
        assert_eq!(body.detail.as_deref(), Some(html));

        let json = r#"{"detail": "Not found."}"#;
        let response = http::Response::builder().status(404).body(json).unwrap();
        let kept = normalize_error_body(reqwest::Response::from(response))
            .await
            .unwrap();
        assert!(
            !kept
                .headers()
                .contains_key(crate::error::RAW_ERROR_BODY_HEADER)
        );
        assert_eq!(kept.text().await.unwrap(), json);
    }

    #[tokio::test(start_paused = true)]
    async fn post_is_not_retried_on_503() {
        let r = resilience(RetryPolicy::default());
        let calls = AtomicU32::new(0);
        let result = execute(&r, request(Method::POST), &info(), |_req| {
            calls.fetch_add(1, Ordering::SeqCst);
            async { Ok(response(503, &[])) }
        })
        .await
        .unwrap();
        assert_eq!(result.status(), 503);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn attempt_timeout_and_deadline() {
        let never = |_req| std::future::pending::<reqwest::Result<reqwest::Response>>();
        let r = Resilience::new(RetryPolicy::none(), Some(Duration::from_secs(5)), None);
        let started = tokio::time::Instant::now();
        let error = execute(&r, request(Method::GET), &info(), never)
            .await
            .unwrap_err();
        assert!(error.is_timeout());
        assert_eq!(started.elapsed(), Duration::from_secs(5));
        let url = error.url().unwrap().as_str();
        assert_eq!(url, "http://127.0.0.1:9/v2/users/1/");

        // Three 5 s attempts with 250 ms and 500 ms waits in between.
        let r = Resilience::new(
            RetryPolicy::default().jitter(false),
            Some(Duration::from_secs(5)),
            None,
        );
        let started = tokio::time::Instant::now();
        let error = execute(&r, request(Method::GET), &info(), never)
            .await
            .unwrap_err();
        assert!(error.is_timeout());
        assert_eq!(started.elapsed(), Duration::from_millis(15_750));

        let r = Resilience::new(
            RetryPolicy::default().max_attempts(10),
            Some(Duration::from_secs(5)),
            Some(Duration::from_secs(12)),
        );
        let started = tokio::time::Instant::now();
        let error = execute(&r, request(Method::GET), &info(), never)
            .await
            .unwrap_err();
        assert!(error.is_timeout());
        assert_eq!(started.elapsed(), Duration::from_secs(12));
        assert!(format!("{error:?}").contains("Deadline(12s)"), "{error:?}");
    }
}
