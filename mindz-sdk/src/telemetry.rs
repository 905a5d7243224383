//! Tracing for every request.
//!
//! Each call of an operation runs inside one [`tracing`] span named
//! `mindz.request` (level INFO, target `mindz_sdk::telemetry`) with these
//! fields:
//!
//! | field | value |
//! | --- | --- |
//! | `operation_id` | the operation's id, e.g. `user_get` |
//! | `method` | the HTTP method |
//! | `path` | the path *template*, e.g. `/v2/users/{user_id}/` (never the concrete URL, never the query) |
//! | `invocation_id` | the UUID the call sent in `X-Request-ID`, the same on every attempt |
//! | `attempt` | the number of attempts made so far (1 when no retry was needed) |
//! | `status` | the final HTTP status, when a response arrived |
//! | `error` | the error's kind when the call failed without an HTTP answer: `timeout`, `connect`, `request`, `body`, `auth`, `decode`, … |
//! | `duration_ms` | the whole call, retries and waits included |
//! | `rate_limit_wait_ms` | time the call waited for the client's rate limiter ([`crate::rate_limit`]), when it waited |
//!
//! Before each retry a DEBUG event `retrying` carries `attempt`, `reason`
//! (e.g. `status 503`, `timeout`, `not sent`) and `wait_ms`. Nothing the SDK records
//! contains a header value, a query value or a body, so credentials and
//! personal data never reach the trace.
//!
//! Subscribe with any `tracing` subscriber, e.g.
//! `tracing_subscriber::fmt().with_env_filter("mindz_sdk=debug").init()`.

use std::time::Duration;

use tracing::field::Empty;

/// The name of the span around each request.
pub const REQUEST_SPAN: &str = "mindz.request";

/// The span of one call and its clock.
pub(crate) struct RequestTrace {
    span: tracing::Span,
    started: tokio::time::Instant,
}

impl RequestTrace {
    /// Opens the span for a call of `operation_id` (`path` is the template).
    pub(crate) fn start(
        operation_id: &'static str,
        method: &'static str,
        path: &'static str,
        invocation_id: &str,
    ) -> Self {
        let span = tracing::info_span!(
            "mindz.request",
            operation_id,
            method,
            path,
            invocation_id,
            attempt = Empty,
            status = Empty,
            error = Empty,
            duration_ms = Empty,
            rate_limit_wait_ms = Empty,
        );
        Self {
            span,
            started: tokio::time::Instant::now(),
        }
    }

    /// The span, to instrument the call's future with.
    pub(crate) fn span(&self) -> &tracing::Span {
        &self.span
    }

    /// Records that attempt `attempt` failed for `reason` and is retried
    /// after `wait`.
    pub(crate) fn retrying(&self, attempt: u32, reason: &dyn std::fmt::Display, wait: Duration) {
        if self.span.is_disabled() {
            return;
        }
        let _entered = self.span.enter();
        tracing::debug!(
            attempt,
            reason = %reason,
            wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
            "retrying"
        );
    }

    /// Records the time the call waited for the rate limiter.
    pub(crate) fn rate_limited(&self, waited: Duration) {
        self.span.record(
            "rate_limit_wait_ms",
            u64::try_from(waited.as_millis()).unwrap_or(u64::MAX),
        );
    }

    /// Records the outcome (the final status, or the error's kind), the
    /// number of attempts and the duration, and closes the span.
    pub(crate) fn finish(self, attempts: u32, status: Option<u16>, error: Option<&'static str>) {
        if self.span.is_disabled() {
            return;
        }
        self.span.record("attempt", attempts);
        if let Some(status) = status {
            self.span.record("status", status);
        }
        if let Some(error) = error {
            self.span.record("error", error);
        }
        let elapsed = self.started.elapsed().as_millis();
        self.span
            .record("duration_ms", u64::try_from(elapsed).unwrap_or(u64::MAX));
    }
}
