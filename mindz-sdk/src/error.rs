//! One error type for every operation: [`Error`].
//!
//! Generated methods return [`progenitor_client::Error<types::ErrorBody>`];
//! convert it with `?` in a function returning [`crate::Result`], with
//! [`ResultExt::into_sdk`], or with `map_err(mindz_sdk::Error::from)`:
//!
//! ```no_run
//! use mindz_sdk::{Client, ResultExt as _};
//!
//! async fn user_name(client: &Client, id: i64) -> mindz_sdk::Result<String> {
//!     let user = client.user_get().user_id(id).send().await?;
//!     Ok(user.first_name.clone())
//! }
//!
//! async fn show(client: &Client) {
//!     match client.user_get().user_id(1).send().await.into_sdk() {
//!         Ok(user) => println!("{}", user.first_name),
//!         Err(e) if e.status().is_some_and(|s| s == 404) => println!("no such user"),
//!         Err(e) if e.is_timeout() => println!("too slow: {e}"),
//!         Err(e) => println!("failed: {e}"),
//!     }
//! }
//! ```
//!
//! Nothing an [`Error`] displays or debug-prints contains a request header
//! (so no `Authorization`), a token, or a query value: the SDK removes the
//! query from URLs inside transport errors before they reach you.

use std::collections::BTreeMap;
use std::fmt;

use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::operation::Operation;
use crate::types::ErrorBody;

/// Response headers that may carry the id the server gave the request, in
/// the order they are looked up by [`Error::request_id`].
pub const REQUEST_ID_HEADERS: &[&str] = &[
    "x-request-id",
    "x-amzn-requestid",
    "x-amz-request-id",
    "x-correlation-id",
    "request-id",
];

/// Header the SDK adds to every response it hands to the generated code,
/// naming the operation (its `operationId`). [`Error`] uses it to say which
/// operation failed; it never comes from the server.
pub const OPERATION_HEADER: &str = "x-mindz-sdk-operation";

use crate::hooks::AUTH_ERROR_HEADER;

/// Header the SDK adds to an error response whose body was not a JSON error
/// body (an HTML page from a proxy, an empty body, ...); its value is the
/// original body's length. The body is then replaced by
/// `{"detail": "<the original text, at most 4 KiB>"}`, so the error keeps
/// its status and headers: see [`ApiError::has_raw_body`].
pub const RAW_ERROR_BODY_HEADER: &str = "x-mindz-sdk-raw-error-body";

/// How much of an undecodable body [`Error::raw_body`] keeps.
pub const RAW_BODY_LIMIT: usize = 4096;

/// `Result` with [`Error`] as the error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong calling the Mindz API.
///
/// Match on the variant, or ask: [`Error::status`], [`Error::detail`],
/// [`Error::field_errors`], [`Error::request_id`], [`Error::is_auth`],
/// [`Error::is_timeout`], [`Error::is_transport`],
/// [`Error::is_invalid_request`], [`Error::is_retryable`].
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The API answered with an error status (4xx or 5xx). The body is the
    /// decoded Mindz error body.
    Api(ApiError),
    /// The API answered with a status the operation does not document (for
    /// example 204 where 200 was expected); the body was not read.
    UnexpectedStatus(ApiError),
    /// No response in time: the per-attempt timeout, the overall deadline,
    /// or reqwest's own connect or read timeout expired.
    Timeout(reqwest::Error),
    /// The request could not be sent or the response not received:
    /// connection refused or reset, DNS, TLS, a broken body stream, ...
    Transport(reqwest::Error),
    /// A response arrived but its body is not what the operation documents
    /// (malformed JSON or an unexpected shape).
    Decode(DecodeError),
    /// The SDK refused to send the request: a required parameter is
    /// missing, a value breaks the schema's constraints, or the URL or a
    /// header could not be built.
    InvalidRequest(String),
    /// An error raised by a client hook.
    Custom(String),
    /// No access token could be obtained (from [`Client::authenticate`](crate::Client::authenticate)).
    Auth(crate::AuthError),
    /// The client could not be built from its configuration.
    Config(crate::BuildError),
}

impl From<crate::AuthError> for Error {
    fn from(error: crate::AuthError) -> Self {
        Error::Auth(error)
    }
}

impl From<crate::BuildError> for Error {
    fn from(error: crate::BuildError) -> Self {
        Error::Config(error)
    }
}

/// An error status from the API: status, headers and decoded body.
// Boxed so that `Result<T, Error>` stays small.
pub struct ApiError(Box<ApiErrorInner>);

struct ApiErrorInner {
    status: StatusCode,
    headers: HeaderMap,
    body: Option<ErrorBody>,
    operation: Option<&'static Operation>,
}

impl ApiError {
    /// Builds an `ApiError`; `operation` is looked up from
    /// [`OPERATION_HEADER`] in `headers`.
    fn new(status: StatusCode, headers: HeaderMap, body: Option<ErrorBody>) -> Self {
        let operation = headers
            .get(OPERATION_HEADER)
            .and_then(|v| v.to_str().ok())
            .and_then(Operation::find);
        Self(Box::new(ApiErrorInner {
            status,
            headers,
            body,
            operation,
        }))
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.0.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.0.headers
    }

    /// The decoded error body, when there was one.
    pub fn body(&self) -> Option<&ErrorBody> {
        self.0.body.as_ref()
    }

    /// The body's `detail` (human-readable reason).
    pub fn detail(&self) -> Option<&str> {
        self.0.body.as_ref()?.detail.as_deref()
    }

    /// Validation messages by field name (a 400 answer's body), with
    /// `non_field_errors` for the object as a whole. Nested objects give
    /// dotted names (`address.zip`). Empty when there are none.
    pub fn field_errors(&self) -> BTreeMap<String, Vec<String>> {
        let mut out = BTreeMap::new();
        if let Some(body) = &self.0.body {
            for (field, value) in &body.extra {
                collect_messages(field, value, &mut out);
            }
        }
        out
    }

    /// The request id the server gave, from the first of
    /// [`REQUEST_ID_HEADERS`] present.
    pub fn request_id(&self) -> Option<&str> {
        request_id(&self.0.headers)
    }

    /// The operation that failed, when known.
    pub fn operation(&self) -> Option<&'static Operation> {
        self.0.operation
    }

    /// Whether the API's body was not a JSON error body; [`ApiError::detail`]
    /// then holds the body as text (UTF-8 lossy, at most
    /// [`RAW_BODY_LIMIT`] bytes).
    pub fn has_raw_body(&self) -> bool {
        self.0.headers.contains_key(RAW_ERROR_BODY_HEADER)
    }

    /// Whether the SDK could not obtain credentials (the token request
    /// failed), as opposed to the API refusing them.
    pub fn is_credentials_failure(&self) -> bool {
        self.0.headers.contains_key(AUTH_ERROR_HEADER)
    }
}

impl fmt::Debug for ApiError {
    // Leaves out the headers: a `Set-Cookie` may hold a session.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("status", &self.0.status)
            .field("operation", &self.0.operation.map(|op| op.id))
            .field("request_id", &self.request_id())
            .field("body", &self.0.body)
            .finish()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.status.as_u16())?;
        if let Some(reason) = self.0.status.canonical_reason() {
            write!(f, " {reason}")?;
        }
        if let Some(op) = self.0.operation {
            write!(f, " from {} {}", op.method, op.path)?;
        }
        if self.is_credentials_failure() {
            f.write_str(" (obtaining credentials failed)")?;
        }
        if let Some(detail) = self.detail() {
            write!(f, ": {}", one_line(detail, 300))?;
        } else {
            let fields = self.field_errors();
            let mut sep = ": ";
            for (field, messages) in &fields {
                write!(f, "{sep}{field}: {}", one_line(&messages.join(" "), 200))?;
                sep = "; ";
            }
        }
        if let Some(id) = self.request_id() {
            write!(f, " (request id {})", one_line(id, 100))?;
        }
        Ok(())
    }
}

/// A response body that did not decode.
pub struct DecodeError {
    raw: String,
    len: usize,
    source: serde_json::Error,
}

impl DecodeError {
    /// The body as received, decoded as UTF-8 (invalid bytes replaced) and
    /// cut to its first [`RAW_BODY_LIMIT`] bytes.
    pub fn raw_body(&self) -> &str {
        &self.raw
    }

    /// The body's full length in bytes.
    pub fn body_len(&self) -> usize {
        self.len
    }

    /// Whether [`DecodeError::raw_body`] is cut short.
    pub fn is_truncated(&self) -> bool {
        self.len > RAW_BODY_LIMIT
    }

    /// The JSON decoder's message (with line and column).
    pub fn message(&self) -> String {
        self.source.to_string()
    }

    /// The JSON decoder's error.
    pub fn serde_error(&self) -> &serde_json::Error {
        &self.source
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("message", &self.message())
            .field("body_len", &self.len)
            .field("raw_body", &self.raw)
            .finish()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "response body did not decode: {} (body: {:?}",
            self.source,
            one_line(&self.raw, 120)
        )?;
        if self.len > 120 {
            write!(f, ", {} bytes", self.len)?;
        }
        f.write_str(")")
    }
}

impl From<progenitor_client::Error<ErrorBody>> for Error {
    fn from(error: progenitor_client::Error<ErrorBody>) -> Self {
        use progenitor_client::Error as P;
        match error {
            P::ErrorResponse(response) => {
                let status = response.status();
                let headers = response.headers().clone();
                Error::Api(ApiError::new(status, headers, Some(response.into_inner())))
            }
            P::UnexpectedResponse(response) => {
                let api = ApiError::new(response.status(), response.headers().clone(), None);
                if api.0.status.is_client_error() || api.0.status.is_server_error() {
                    Error::Api(api)
                } else {
                    Error::UnexpectedStatus(api)
                }
            }
            P::InvalidResponsePayload(bytes, source) => {
                let cut = &bytes[..bytes.len().min(RAW_BODY_LIMIT)];
                Error::Decode(DecodeError {
                    raw: String::from_utf8_lossy(cut).into_owned(),
                    len: bytes.len(),
                    source,
                })
            }
            P::CommunicationError(e) | P::ResponseBodyError(e) | P::InvalidUpgrade(e) => {
                Error::from(e)
            }
            P::InvalidRequest(message) => Error::InvalidRequest(message),
            P::Custom(message) => Error::Custom(message),
        }
    }
}

impl From<reqwest::Error> for Error {
    fn from(error: reqwest::Error) -> Self {
        let error = crate::retry::redact_error(error);
        if error.is_timeout() {
            Error::Timeout(error)
        } else {
            Error::Transport(error)
        }
    }
}

impl Error {
    /// The API's error details, for [`Error::Api`] and
    /// [`Error::UnexpectedStatus`].
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) | Error::UnexpectedStatus(api) => Some(api),
            _ => None,
        }
    }

    /// The HTTP status, when a response arrived.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(api) | Error::UnexpectedStatus(api) => Some(api.0.status),
            Error::Timeout(e) | Error::Transport(e) => e.status(),
            _ => None,
        }
    }

    /// The response headers, when a response arrived.
    pub fn headers(&self) -> Option<&HeaderMap> {
        self.api().map(ApiError::headers)
    }

    /// The decoded Mindz error body.
    pub fn body(&self) -> Option<&ErrorBody> {
        self.api()?.body()
    }

    /// The error body's `detail` (human-readable reason).
    pub fn detail(&self) -> Option<&str> {
        self.api()?.detail()
    }

    /// Validation messages by field name; empty unless the API sent some
    /// (see [`ApiError::field_errors`]).
    pub fn field_errors(&self) -> BTreeMap<String, Vec<String>> {
        self.api().map(ApiError::field_errors).unwrap_or_default()
    }

    /// The request id the server gave (see [`REQUEST_ID_HEADERS`]).
    pub fn request_id(&self) -> Option<&str> {
        self.api()?.request_id()
    }

    /// The operation that failed, when known (API errors).
    pub fn operation(&self) -> Option<&'static Operation> {
        self.api()?.operation()
    }

    /// For [`Error::Decode`]: the body as received (UTF-8 lossy, at most
    /// [`RAW_BODY_LIMIT`] bytes).
    pub fn raw_body(&self) -> Option<&str> {
        match self {
            Error::Decode(e) => Some(e.raw_body()),
            _ => None,
        }
    }

    /// For [`Error::Decode`]: the JSON decoder's message.
    pub fn decode_message(&self) -> Option<String> {
        match self {
            Error::Decode(e) => Some(e.message()),
            _ => None,
        }
    }

    /// Whether credentials were missing, refused (401, 403) or could not be
    /// obtained.
    pub fn is_auth(&self) -> bool {
        matches!(self, Error::Auth(_))
            || self.api().is_some_and(|api| {
                matches!(
                    api.0.status,
                    StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
                ) || api.is_credentials_failure()
            })
    }

    /// Whether no response came in time (see [`Error::Timeout`]).
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout(_))
    }

    /// Whether no usable HTTP response arrived: a connection, TLS or body
    /// stream failure, or a timeout.
    pub fn is_transport(&self) -> bool {
        match self {
            Error::Timeout(_) => true,
            Error::Transport(e) => !e.is_builder(),
            _ => false,
        }
    }

    /// Whether the request itself was at fault: refused by the SDK before
    /// sending ([`Error::InvalidRequest`]) or by the API (400, 422).
    pub fn is_invalid_request(&self) -> bool {
        match self {
            Error::InvalidRequest(_) | Error::Config(_) => true,
            Error::Transport(e) => e.is_builder(),
            Error::Api(api) => matches!(
                api.0.status,
                StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY
            ),
            _ => false,
        }
    }

    /// Whether trying again later may succeed: timeouts, transport failures,
    /// and 408, 429, 502, 503, 504. (The client already retried what its
    /// [`crate::RetryPolicy`] allows.)
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Timeout(_) => true,
            Error::Transport(e) => !e.is_builder() && !e.is_redirect(),
            Error::Api(api) => matches!(api.0.status.as_u16(), 408 | 429 | 502 | 503 | 504),
            Error::Auth(e) => e.is_transient(),
            _ => false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(api) => api.fmt(f),
            Error::UnexpectedStatus(api) => write!(f, "unexpected status {api}"),
            Error::Timeout(e) => {
                write!(f, "timed out: {}", root_cause(e))?;
                if let Some(url) = e.url() {
                    write!(f, " ({url})")?;
                }
                Ok(())
            }
            Error::Transport(e) => {
                let what = if e.is_connect() {
                    "could not connect"
                } else if e.is_builder() {
                    "could not build the request"
                } else {
                    "transport error"
                };
                write!(f, "{what}: {}", root_cause(e))?;
                if let Some(url) = e.url() {
                    write!(f, " ({url})")?;
                }
                Ok(())
            }
            Error::Decode(e) => e.fmt(f),
            Error::InvalidRequest(message) => write!(f, "invalid request: {message}"),
            Error::Custom(message) => f.write_str(message),
            Error::Auth(e) => write!(f, "authentication failed: {e}"),
            Error::Config(e) => write!(f, "invalid client configuration: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Timeout(e) | Error::Transport(e) => Some(e),
            Error::Decode(e) => Some(&e.source),
            Error::Auth(e) => Some(e),
            Error::Config(e) => Some(e),
            _ => None,
        }
    }
}

/// Converts a generated method's result into [`crate::Result`].
pub trait ResultExt<T> {
    /// Maps the error into [`Error`]; same as `.map_err(Error::from)`.
    fn into_sdk(self) -> Result<T>;
}

impl<T> ResultExt<T> for std::result::Result<T, progenitor_client::Error<ErrorBody>> {
    fn into_sdk(self) -> Result<T> {
        self.map_err(Error::from)
    }
}

fn request_id(headers: &HeaderMap) -> Option<&str> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|name| headers.get(*name)?.to_str().ok())
}

fn collect_messages(
    field: &str,
    value: &serde_json::Value,
    out: &mut BTreeMap<String, Vec<String>>,
) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                collect_messages(&format!("{field}.{key}"), value, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Object(_) => collect_messages(field, item, out),
                    Value::String(s) => out.entry(field.to_owned()).or_default().push(s.clone()),
                    other => out
                        .entry(field.to_owned())
                        .or_default()
                        .push(other.to_string()),
                }
            }
        }
        Value::String(s) => out.entry(field.to_owned()).or_default().push(s.clone()),
        other => out
            .entry(field.to_owned())
            .or_default()
            .push(other.to_string()),
    }
}

/// The innermost error's message: the most specific one ("connection
/// refused", "no response within the per-attempt timeout of 30s").
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut current = error;
    while let Some(next) = current.source() {
        current = next;
    }
    current.to_string()
}

/// `text` on one line, cut to about `max` characters.
fn one_line(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use progenitor_client::ResponseValue;
    use reqwest::header::HeaderValue;

    fn api_error(
        status: u16,
        body: serde_json::Value,
        headers: &[(&'static str, &'static str)],
    ) -> Error {
        let mut map = HeaderMap::new();
        for (k, v) in headers {
            map.insert(*k, HeaderValue::from_static(v));
        }
        let body: ErrorBody = serde_json::from_value(body).unwrap();
        Error::from(progenitor_client::Error::ErrorResponse(ResponseValue::new(
            body,
            StatusCode::from_u16(status).unwrap(),
            map,
        )))
    }

    #[test]
    fn api_error_display_and_accessors() {
        let e = api_error(
            404,
            serde_json::json!({"detail": "Not found."}),
            &[(OPERATION_HEADER, "user_get"), ("x-request-id", "abc")],
        );
        assert_eq!(
            e.to_string(),
            "404 Not Found from GET /v2/users/{user_id}/: Not found. (request id abc)"
        );
        assert_eq!(e.status(), Some(StatusCode::NOT_FOUND));
        assert_eq!(e.detail(), Some("Not found."));
        assert_eq!(e.request_id(), Some("abc"));
        assert_eq!(e.operation().map(|op| op.id), Some("user_get"));
        assert!(!e.is_auth() && !e.is_timeout() && !e.is_retryable() && !e.is_transport());
        assert!(std::error::Error::source(&e).is_none());
    }

    #[test]
    fn field_errors() {
        let e = api_error(
            400,
            serde_json::json!({
                "email": ["Enter a valid email address."],
                "non_field_errors": ["Bad.", "Worse."],
                "address": {"zip": ["Required."]},
                "count": 3
            }),
            &[("x-amzn-requestid", "r-1")],
        );
        let fields = e.field_errors();
        assert_eq!(fields["email"], ["Enter a valid email address."]);
        assert_eq!(fields["non_field_errors"], ["Bad.", "Worse."]);
        assert_eq!(fields["address.zip"], ["Required."]);
        assert_eq!(fields["count"], ["3"]);
        assert!(e.is_invalid_request());
        assert_eq!(e.request_id(), Some("r-1"));
        assert_eq!(
            e.to_string(),
            "400 Bad Request: address.zip: Required.; count: 3; email: Enter a valid email address.; \
             non_field_errors: Bad. Worse. (request id r-1)"
        );
    }

    #[test]
    fn auth_and_retryable() {
        assert!(api_error(401, serde_json::json!({}), &[]).is_auth());
        assert!(api_error(403, serde_json::json!({}), &[]).is_auth());
        let e = api_error(
            500,
            serde_json::json!({"detail": "token endpoint said no"}),
            &[(AUTH_ERROR_HEADER, "1")],
        );
        assert!(e.is_auth());
        assert!(
            e.to_string().contains("obtaining credentials failed"),
            "{e}"
        );
        assert!(api_error(503, serde_json::json!({}), &[]).is_retryable());
        assert!(api_error(429, serde_json::json!({}), &[]).is_retryable());
        assert!(!api_error(500, serde_json::json!({}), &[]).is_retryable());
    }

    #[test]
    fn decode_error_keeps_raw_body() {
        let body = format!("{{\"id\": 1, \"name\": {}", "x".repeat(5000));
        let source = serde_json::from_str::<serde_json::Value>(&body).unwrap_err();
        let e = Error::from(
            progenitor_client::Error::<ErrorBody>::InvalidResponsePayload(
                body.clone().into(),
                source,
            ),
        );
        assert_eq!(e.raw_body().unwrap().len(), RAW_BODY_LIMIT);
        assert!(body.starts_with(e.raw_body().unwrap()));
        assert!(e.decode_message().unwrap().contains("line 1"));
        let Error::Decode(d) = &e else { panic!() };
        assert!(d.is_truncated());
        assert_eq!(d.body_len(), body.len());
        assert!(std::error::Error::source(&e).is_some());
        assert!(
            e.to_string().starts_with("response body did not decode: "),
            "{e}"
        );
    }

    #[tokio::test]
    async fn timeouts_and_transport() {
        let url: reqwest::Url = "http://127.0.0.1:9/v2/users/1/?email=a%40b.c"
            .parse()
            .unwrap();
        let raw = crate::retry::timeout_error(
            &url,
            crate::retry::TimeoutKind::Attempt(std::time::Duration::from_secs(30)),
        )
        .await;
        let e = Error::from(progenitor_client::Error::<ErrorBody>::CommunicationError(
            raw,
        ));
        assert!(e.is_timeout() && e.is_transport() && e.is_retryable());
        assert_eq!(
            e.to_string(),
            "timed out: no response within the per-attempt timeout of 30s (http://127.0.0.1:9/v2/users/1/)"
        );
        let e = Error::from(progenitor_client::Error::<ErrorBody>::InvalidRequest(
            "bad".into(),
        ));
        assert!(e.is_invalid_request() && !e.is_transport());
        assert_eq!(e.to_string(), "invalid request: bad");
    }
}
