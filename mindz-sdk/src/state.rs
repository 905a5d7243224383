//! Per-client state shared by every call and by a client's clones.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::auth::DynTokenProvider;
use crate::rate_limit::{Limiter, RateLimit};
use crate::retry::{Bucket, Jitter, RetryPolicy};

/// Default for [`ClientBuilder::max_response_body`](crate::ClientBuilder::max_response_body):
/// the largest success body the SDK reads (64 MiB).
pub const DEFAULT_MAX_RESPONSE_BODY: usize = 64 * 1024 * 1024;

/// The most the SDK reads of an error body (64 KiB); the rest is not read.
pub const ERROR_BODY_CAP: usize = 64 * 1024;

/// State carried by every [`crate::Client`]: where access tokens come from,
/// and how calls are made. Built by [`ClientBuilder`](crate::ClientBuilder);
/// clones of a client share it, with the cached token and the retry budget.
/// `Debug` never shows a secret.
#[derive(Clone)]
pub struct ClientState {
    pub(crate) auth: Option<Arc<dyn DynTokenProvider>>,
    pub(crate) calls: Arc<CallSettings>,
}

/// How calls are made: one per client.
pub(crate) struct CallSettings {
    /// The base URL; the bearer token goes only to its origin.
    pub(crate) base: reqwest::Url,
    pub(crate) policy: RetryPolicy,
    pub(crate) jitter: Jitter,
    pub(crate) budget: Bucket,
    /// Per-attempt timeout (connecting, sending, waiting, reading the
    /// body); `None` waits forever.
    pub(crate) attempt_timeout: Option<Duration>,
    /// Where that timeout is set: on the SDK's own reqwest client (`true`),
    /// or on each request sent through a caller's client (`false`).
    pub(crate) timeout_on_client: bool,
    /// The whole call's deadline; `None` for none.
    pub(crate) deadline: Option<Duration>,
    /// The largest success body read.
    pub(crate) max_body: usize,
    /// The header that carries each call's invocation id.
    pub(crate) request_id_header: reqwest::header::HeaderName,
    /// The client-side rate limiter, shared by the client's clones.
    pub(crate) limiter: Limiter,
}

/// Default for [`ClientBuilder::request_id_header`](crate::ClientBuilder::request_id_header).
pub const DEFAULT_REQUEST_ID_HEADER: &str = "x-request-id";

impl CallSettings {
    pub(crate) fn new(
        base: reqwest::Url,
        policy: RetryPolicy,
        attempt_timeout: Option<Duration>,
        timeout_on_client: bool,
        deadline: Option<Duration>,
        max_body: usize,
        request_id_header: reqwest::header::HeaderName,
    ) -> Self {
        Self {
            limiter: Limiter::new(RateLimit::default()),
            base,
            request_id_header,
            jitter: Jitter::new(policy.jitter_seed_value()),
            budget: Bucket::new(policy.get_budget().copied()),
            policy,
            attempt_timeout,
            timeout_on_client,
            deadline,
            max_body,
        }
    }
}

impl CallSettings {
    /// The same settings with `rate_limit`'s limiter.
    pub(crate) fn with_rate_limit(mut self, rate_limit: RateLimit) -> Self {
        self.limiter = Limiter::new(rate_limit);
        self
    }
}

impl ClientState {
    /// Whether the client has credentials for private operations.
    pub fn has_credentials(&self) -> bool {
        self.auth.is_some()
    }
}

impl fmt::Debug for ClientState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Auth<'a>(&'a Option<Arc<dyn DynTokenProvider>>);
        impl fmt::Debug for Auth<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.0 {
                    Some(provider) => provider.describe(f),
                    None => f.write_str("None"),
                }
            }
        }
        let calls = &self.calls;
        f.debug_struct("ClientState")
            .field("auth", &Auth(&self.auth))
            .field("base", &calls.base.as_str())
            .field("retry", &calls.policy)
            .field("attempt_timeout", &calls.attempt_timeout)
            .field("timeout_on_client", &calls.timeout_on_client)
            .field("deadline", &calls.deadline)
            .field("max_body", &calls.max_body)
            .field("request_id_header", &calls.request_id_header.as_str())
            .field("rate_limit", &calls.limiter)
            .finish()
    }
}
