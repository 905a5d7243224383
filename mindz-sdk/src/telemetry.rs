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
//! | `attempt` | the number of attempts made so far (1 when no retry was needed) |
//! | `status` | the final HTTP status, when a response arrived |
//! | `error` | `timeout`, `connect` or `transport` when no response arrived |
//! | `duration_ms` | the whole call, retries and waits included |
//!
//! Before each retry a DEBUG event `retrying` carries `attempt`, `reason`
//! (e.g. `status 503`, `timeout`) and `wait_ms`. Nothing the SDK records
//! contains a header value, a query value or a body, so credentials and
//! personal data never reach the trace.
//!
//! Subscribe with any `tracing` subscriber, e.g.
//! `tracing_subscriber::fmt().with_env_filter("mindz_sdk=debug").init()`.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use reqwest::Method;
use tracing::field::Empty;

/// The name of the span around each request.
pub const REQUEST_SPAN: &str = "mindz.request";

/// The span of one call and its clock.
pub(crate) struct RequestTrace {
    span: tracing::Span,
    started: tokio::time::Instant,
    attempts: AtomicU32,
}

impl RequestTrace {
    /// Opens the span for a call of `operation_id`.
    pub(crate) fn start(operation_id: &'static str, method: &Method) -> Self {
        let path = crate::operation::Operation::find(operation_id)
            .map(|op| op.path)
            .unwrap_or("");
        let span = tracing::info_span!(
            "mindz.request",
            operation_id,
            method = method.as_str(),
            path,
            attempt = Empty,
            status = Empty,
            error = Empty,
            duration_ms = Empty,
        );
        Self {
            span,
            started: tokio::time::Instant::now(),
            attempts: AtomicU32::new(0),
        }
    }

    /// The span, to instrument the call's future with.
    pub(crate) fn span(&self) -> &tracing::Span {
        &self.span
    }

    /// Records that attempt number `attempt` starts.
    pub(crate) fn attempt(&self, attempt: u32) {
        self.attempts.store(attempt, Ordering::Relaxed);
    }

    /// Records that attempt `attempt` failed and is retried after `wait`.
    pub(crate) fn retrying(&self, attempt: u32, reason: crate::retry::RetryReason, wait: Duration) {
        let _entered = self.span.enter();
        tracing::debug!(
            attempt,
            reason = %reason,
            wait_ms = wait.as_millis() as u64,
            "retrying"
        );
    }

    /// Records the outcome and the duration, and closes the span.
    pub(crate) fn finish(self, result: &reqwest::Result<reqwest::Response>) {
        self.span
            .record("attempt", self.attempts.load(Ordering::Relaxed));
        match result {
            Ok(response) => {
                self.span.record("status", response.status().as_u16());
            }
            Err(error) => {
                let kind = if error.is_timeout() {
                    "timeout"
                } else if error.is_connect() {
                    "connect"
                } else {
                    "transport"
                };
                self.span.record("error", kind);
            }
        }
        self.span
            .record("duration_ms", self.started.elapsed().as_millis() as u64);
    }
}
