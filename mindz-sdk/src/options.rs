//! Settings for one call: [`CallOptions`].
//!
//! Every generated operation builder has `.options(CallOptions)`, and so
//! does a raw request ([`Client::request`](crate::Client::request)). What is
//! set replaces the client's setting for that call only; what is not set
//! stays the client's.
//!
//! ```no_run
//! # async fn f(client: &mindz_sdk::Client) -> mindz_sdk::Result<()> {
//! use std::time::Duration;
//! use mindz_sdk::{CallOptions, RetryPolicy};
//!
//! // One slow report: a longer timeout for this call, and no retries.
//! let options = CallOptions::new()
//!     .attempt_timeout(Duration::from_secs(120))
//!     .retry(RetryPolicy::none())
//!     .header("x-school-unit", "centro");
//! let users = client.user_list().options(options).send().await?;
//! # Ok(()) }
//! ```

use std::fmt;
use std::time::Duration;

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderName, HeaderValue};

use crate::retry::RetryPolicy;

/// Settings for one call, replacing the client's for that call only.
///
/// Built with [`CallOptions::new`] and its setters (more settings may be
/// added, so there is no struct literal). `Debug` never shows a header's
/// value.
///
/// Headers the SDK owns cannot be set here: `Authorization`, the
/// invocation-id header
/// ([`request_id_header`](crate::ClientBuilder::request_id_header),
/// `X-Request-ID` by default), `Content-Type` and `Accept`. Setting one, or
/// a header name or value that is not valid HTTP, makes the call fail with
/// [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything
/// is sent; the message names the header, never its value.
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct CallOptions {
    attempt_timeout: Option<Duration>,
    deadline: Option<Duration>,
    retry: Option<RetryPolicy>,
    headers: Vec<(HeaderName, HeaderValue)>,
    /// The first header that could not be set: the call fails with it.
    refused: Option<String>,
}

impl CallOptions {
    /// No settings: the call runs with the client's.
    pub fn new() -> Self {
        Self::default()
    }

    /// The per-attempt timeout of this call (connecting, sending, waiting,
    /// reading the body), instead of the client's
    /// [`timeout`](crate::ClientBuilder::timeout).
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// The deadline of the whole call (all attempts and the waits between
    /// them), instead of the client's
    /// [`deadline`](crate::ClientBuilder::deadline).
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// The retry policy of this call, instead of the client's. The retry
    /// budget and the jitter stay the client's, shared with its other calls.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Adds a header to every request of this call (every attempt and
    /// redirect hop). See the type's docs for the headers refused.
    pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        let name = name.as_ref();
        let Ok(parsed) = HeaderName::from_bytes(name.as_bytes()) else {
            self.refuse(format!(
                "the header name {:?} is not valid HTTP",
                crate::wire::one_line(name, 100)
            ));
            return self;
        };
        if owned(&parsed) {
            self.refuse(owned_message(&parsed));
            return self;
        }
        match HeaderValue::from_str(value.as_ref()) {
            Ok(mut value) => {
                value.set_sensitive(true);
                self.headers.push((parsed, value));
            }
            Err(_) => self.refuse(format!(
                "the value of header `{parsed}` is not a valid HTTP header value"
            )),
        }
        self
    }

    fn refuse(&mut self, message: String) {
        self.refused.get_or_insert(message);
    }

    pub(crate) fn get_attempt_timeout(&self) -> Option<Duration> {
        self.attempt_timeout
    }

    pub(crate) fn get_deadline(&self) -> Option<Duration> {
        self.deadline
    }

    pub(crate) fn get_retry(&self) -> Option<&RetryPolicy> {
        self.retry.as_ref()
    }

    pub(crate) fn headers(&self) -> &[(HeaderName, HeaderValue)] {
        &self.headers
    }

    /// Why the call must not be sent, given the client's invocation-id
    /// header: a header refused when set, or one the SDK owns.
    pub(crate) fn check(&self, request_id_header: &HeaderName) -> Result<(), String> {
        if let Some(refused) = &self.refused {
            return Err(format!("call options: {refused}"));
        }
        match self.headers.iter().find(|(n, _)| n == request_id_header) {
            Some((name, _)) => Err(format!(
                "call options: the header `{name}` carries the invocation id, which the SDK sets (use mindz_sdk::with_invocation_id)"
            )),
            None => Ok(()),
        }
    }
}

/// Whether the SDK sets `name` itself on every request.
fn owned(name: &HeaderName) -> bool {
    *name == AUTHORIZATION || *name == CONTENT_TYPE || *name == ACCEPT
}

fn owned_message(name: &HeaderName) -> String {
    format!("the header `{name}` is set by the SDK and cannot be set per call")
}

impl fmt::Debug for CallOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Names<'a>(&'a [(HeaderName, HeaderValue)]);
        impl fmt::Debug for Names<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_map()
                    .entries(
                        self.0
                            .iter()
                            .map(|(n, _)| (n.as_str(), crate::wire::REDACTED)),
                    )
                    .finish()
            }
        }
        f.debug_struct("CallOptions")
            .field("attempt_timeout", &self.attempt_timeout)
            .field("deadline", &self.deadline)
            .field("retry", &self.retry)
            .field("headers", &Names(&self.headers))
            .field("refused", &self.refused)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::CallOptions;

    fn refusal(options: &CallOptions) -> String {
        let id = reqwest::header::HeaderName::from_static("x-request-id");
        options.check(&id).expect_err("refused")
    }

    #[test]
    fn owned_headers_are_refused_by_name_never_by_value() {
        for name in ["Authorization", "content-type", "ACCEPT", "x-request-id"] {
            let options = CallOptions::new().header(name, "s3cr3t-value");
            let message = refusal(&options);
            assert!(
                message.contains(&name.to_ascii_lowercase()),
                "{name}: {message}"
            );
            assert!(!message.contains("s3cr3t"), "{message}");
            assert!(!format!("{options:?}").contains("s3cr3t"));
        }
    }

    #[test]
    fn the_clients_invocation_id_header_is_refused() {
        let options = CallOptions::new().header("x-mindz-trace", "1");
        let id = reqwest::header::HeaderName::from_static("x-mindz-trace");
        let message = options.check(&id).expect_err("refused");
        assert!(message.contains("`x-mindz-trace`"), "{message}");
    }

    #[test]
    fn invalid_names_and_values_are_refused() {
        let message = refusal(&CallOptions::new().header("bad name", "v"));
        assert!(message.contains("bad name"), "{message}");
        let message = refusal(&CallOptions::new().header("x-ok", "line\nbreak-secret"));
        assert!(message.contains("`x-ok`"), "{message}");
        assert!(!message.contains("secret"), "{message}");
    }

    #[test]
    fn debug_shows_header_names_not_values() {
        let options = CallOptions::new()
            .header("x-school-unit", "centro-secret")
            .attempt_timeout(std::time::Duration::from_millis(300));
        let text = format!("{options:?}");
        assert!(text.contains("x-school-unit"), "{text}");
        assert!(text.contains("300ms"), "{text}");
        assert!(!text.contains("centro"), "{text}");
        let id = reqwest::header::HeaderName::from_static("x-request-id");
        assert_eq!(options.check(&id), Ok(()));
        assert_eq!(options.headers().len(), 1);
    }
}
