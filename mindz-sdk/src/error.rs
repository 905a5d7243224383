//! One error type for everything a call can meet: [`Error`].
//!
//! Every generated `send()`, every pagination stream and
//! [`Client::authenticate`](crate::Client::authenticate) fail with it, so `?`
//! works in any function returning [`crate::Result`]:
//!
//! ```no_run
//! async fn user_name(client: &mindz_sdk::Client, id: i64) -> mindz_sdk::Result<String> {
//!     let user = client.user_get().user_id(id).send().await?;
//!     Ok(user.first_name.clone())
//! }
//!
//! async fn show(client: &mindz_sdk::Client) {
//!     match client.user_get().user_id(1).send().await {
//!         Ok(user) => println!("{}", user.first_name),
//!         Err(mindz_sdk::Error::Auth(e)) => eprintln!("no token ({}): {e}", e.code()),
//!         Err(mindz_sdk::Error::Api(e)) if e.status() == 404 => println!("no such user"),
//!         Err(e) if e.is_timeout() => println!("too slow: {e}"),
//!         Err(e) => println!("failed: {e}"),
//!     }
//! }
//! ```
//!
//! `Display` and `Debug` of every error name the operation (id, method and
//! path template) and the ids to look the call up by, and never show a
//! response header, body content beyond [`ApiError::detail`], a query value
//! or a secret. The whole answer stays reachable through accessors
//! ([`ApiError::headers`], [`ApiError::text`], [`ApiError::json`]), and
//! [`Error::raw_body`] gives the body of an API or decode error as read.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;
use std::time::Duration;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, HeaderMap};
use uuid::Uuid;

use crate::auth::AuthError;
use crate::client_builder::BuildError;
use crate::operation::Operation;
pub use crate::wire::REQUEST_ID_HEADERS;
use crate::wire::{TransportKind, one_line, root_cause};

/// `Result` with [`Error`] as the error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong calling the Mindz API.
///
/// Match on the variant, or ask: [`Error::status`], [`Error::detail`],
/// [`Error::request_id`], [`Error::is_auth`], [`Error::is_timeout`],
/// [`Error::is_transport`], [`Error::is_invalid_request`],
/// [`Error::is_retryable`].
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The API answered with an error status (4xx or 5xx), in any format:
    /// Django REST framework's JSON bodies, or Django's HTML page for an
    /// unknown route. A `401` from the API is this, never [`Error::Auth`].
    Api(ApiError),
    /// The API answered with a status that is neither a success (`2xx`:
    /// any of them is, whatever the operation documents) nor an error: a
    /// `1xx`, or a `3xx` left after the redirects the SDK follows.
    UnexpectedStatus(ApiError),
    /// No answer in time: see [`TimeoutError::limit`] for which limit.
    Timeout(TimeoutError),
    /// The request could not be sent or the answer not received.
    Transport(TransportError),
    /// A success answer whose body is not what the operation documents.
    Decode(DecodeError),
    /// The server redirected where the SDK does not follow (see
    /// [`RedirectRefusal`]).
    Redirect(RedirectError),
    /// A list walk stopped because the pages stopped advancing (see
    /// [`crate::pagination`]).
    Pagination(PaginationError),
    /// A success answer whose body is larger than the client's limit
    /// ([`ClientBuilder::max_response_body`](crate::ClientBuilder::max_response_body));
    /// nothing past the limit was read.
    BodyTooLarge(BodyTooLarge),
    /// The SDK refused to send the request: a required parameter is
    /// missing, a value breaks the schema's constraints, or the URL or a
    /// header could not be built.
    InvalidRequest(String),
    /// No access token could be had. Every caller that waited for the same
    /// failed token fetch gets the same [`AuthError`].
    Auth(AuthError),
    /// The client could not be built from its configuration.
    Config(BuildError),
}

impl From<AuthError> for Error {
    fn from(error: AuthError) -> Self {
        Error::Auth(error)
    }
}

impl From<BuildError> for Error {
    fn from(error: BuildError) -> Self {
        Error::Config(error)
    }
}

/// Which call a failure belongs to.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context {
    pub(crate) operation: Option<&'static Operation>,
    /// The id the SDK sent in `X-Request-ID` (the same on every attempt).
    pub(crate) invocation: Option<Uuid>,
}

impl Context {
    /// Writes ` [user_get GET /v2/users/{user_id}/; invocation <uuid>; request id <id>]`.
    fn write_ids(&self, f: &mut fmt::Formatter<'_>, request_id: Option<&str>) -> fmt::Result {
        let mut sep = " [";
        if let Some(op) = self.operation {
            write!(f, "{sep}{} {} {}", op.id, op.method, op.path)?;
            sep = "; ";
        }
        if let Some(id) = self.invocation {
            write!(f, "{sep}invocation {id}")?;
            sep = "; ";
        }
        if let Some(id) = request_id {
            write!(f, "{sep}request id {}", one_line(id, 100))?;
            sep = "; ";
        }
        if sep == "; " {
            f.write_str("]")?;
        }
        Ok(())
    }

    fn write_operation(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_ids(f, None)
    }
}

// ---------------------------------------------------------------------------
// RawBody

/// A body as read (within its cap), and its text once asked for.
struct RawBody {
    bytes: Bytes,
    /// The text with invalid UTF-8 replaced, made only when a caller asks
    /// for the text of a body that is not UTF-8.
    lossy: OnceLock<Box<str>>,
}

impl RawBody {
    fn new(bytes: Bytes) -> Self {
        Self {
            bytes,
            lossy: OnceLock::new(),
        }
    }

    /// The body as text (invalid UTF-8 replaced); no copy for UTF-8.
    fn text(&self) -> &str {
        match std::str::from_utf8(&self.bytes) {
            Ok(text) => text,
            Err(_) => self
                .lossy
                .get_or_init(|| String::from_utf8_lossy(&self.bytes).into()),
        }
    }
}

// ---------------------------------------------------------------------------
// ApiError

/// An error status from the API: status, the server's own headers, and the
/// body (at most the SDK's error-body cap, 64 KiB by default).
///
/// Django REST framework's shapes are all understood: `{"detail": "..."}`,
/// `{"detail": ["a", "b"]}`, `{"field": ["msg"]}` and a top-level
/// `["msg"]`. Messages may be in Portuguese: match on
/// [`status`](Self::status) and field names, never on wording.
pub struct ApiError(Box<ApiInner>);

struct ApiInner {
    status: StatusCode,
    headers: HeaderMap,
    body: RawBody,
    truncated: bool,
    json: Option<serde_json::Value>,
    detail: Option<String>,
    context: Context,
}

impl ApiError {
    pub(crate) fn new(
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
        truncated: bool,
        context: Context,
    ) -> Self {
        let json = if truncated {
            None
        } else {
            serde_json::from_slice::<serde_json::Value>(&body).ok()
        };
        let detail = json.as_ref().and_then(detail_of);
        Self(Box::new(ApiInner {
            status,
            headers,
            body: RawBody::new(body),
            truncated,
            json,
            detail,
            context,
        }))
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.0.status
    }

    /// The response headers, as the server sent them.
    pub fn headers(&self) -> &HeaderMap {
        &self.0.headers
    }

    /// The server's `Content-Type`, if any.
    pub fn content_type(&self) -> Option<&str> {
        self.0.headers.get(CONTENT_TYPE)?.to_str().ok()
    }

    /// The human-readable reason: `detail` when it is a string, the
    /// messages of `{"detail": [..]}` or of a top-level `[..]` joined with
    /// `"; "`. `None` for field errors (see [`field_errors`](Self::field_errors))
    /// and for bodies that are not JSON (see [`text`](Self::text)).
    pub fn detail(&self) -> Option<&str> {
        self.0.detail.as_deref()
    }

    /// Every message of the body, in order: the detail's, a top-level
    /// list's, then each field's (fields sorted by name).
    pub fn messages(&self) -> Vec<String> {
        let mut out = Vec::new();
        match &self.0.json {
            Some(serde_json::Value::Array(items)) => collect_list(items, &mut out),
            Some(serde_json::Value::Object(_)) => {
                if let Some(detail) = self.0.json.as_ref().and_then(|j| j.get("detail")) {
                    collect_value(detail, &mut out);
                }
                for messages in self.field_errors().into_values() {
                    out.extend(messages);
                }
            }
            Some(other @ serde_json::Value::String(_)) => collect_value(other, &mut out),
            _ => {}
        }
        out
    }

    /// Validation messages by field name (a `400` answer's body), with
    /// `non_field_errors` for the object as a whole. Nested objects give
    /// dotted names (`address.zip`). Empty when there are none.
    pub fn field_errors(&self) -> BTreeMap<String, Vec<String>> {
        let mut out = BTreeMap::new();
        if let Some(serde_json::Value::Object(map)) = &self.0.json {
            for (field, value) in map {
                if field != "detail" {
                    collect_fields(field, value, &mut out);
                }
            }
        }
        out
    }

    /// The body as text (invalid UTF-8 replaced), e.g. Django's HTML page
    /// for an unknown route.
    pub fn text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.raw_body())
    }

    /// The body as text, as read (at most the error-body cap; invalid
    /// UTF-8 replaced). Never part of `Display` or `Debug`.
    pub fn raw_body(&self) -> &str {
        self.0.body.text()
    }

    /// The body as received (at most the error-body cap).
    pub fn body(&self) -> &Bytes {
        &self.0.body.bytes
    }

    /// The body as JSON, if it was JSON.
    pub fn json(&self) -> Option<&serde_json::Value> {
        self.0.json.as_ref()
    }

    /// Whether the body was longer than the error-body cap (the rest was
    /// not read).
    pub fn is_truncated(&self) -> bool {
        self.0.truncated
    }

    /// The request id the server gave, from the first of
    /// [`REQUEST_ID_HEADERS`] present.
    pub fn request_id(&self) -> Option<&str> {
        REQUEST_ID_HEADERS
            .iter()
            .find_map(|name| self.0.headers.get(*name)?.to_str().ok())
    }

    /// The operation that failed.
    pub fn operation(&self) -> Option<&'static Operation> {
        self.0.context.operation
    }

    /// The id the SDK sent in `X-Request-ID` for this call.
    pub fn invocation_id(&self) -> Option<Uuid> {
        self.0.context.invocation
    }
}

impl fmt::Debug for ApiError {
    // No headers (a `Set-Cookie` may hold a session) and no body beyond
    // the detail (it may hold personal data).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("status", &self.0.status.as_u16())
            .field("operation", &self.operation().map(|op| op.id))
            .field("request_id", &self.request_id())
            .field("invocation_id", &self.invocation_id())
            .field("detail", &self.detail())
            .field(
                "fields",
                &self.field_errors().into_keys().collect::<Vec<_>>(),
            )
            .field("content_type", &self.content_type())
            .field("body_len", &self.0.body.bytes.len())
            .finish()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.status.as_u16())?;
        if let Some(reason) = self.0.status.canonical_reason() {
            write!(f, " {reason}")?;
        }
        if let Some(detail) = self.detail() {
            write!(f, ": {}", one_line(detail, 300))?;
        } else {
            let fields = self.field_errors();
            if !fields.is_empty() {
                let names: Vec<&str> = fields.keys().map(String::as_str).collect();
                write!(f, ": invalid {}", one_line(&names.join(", "), 300))?;
            } else if self.0.json.is_none() && !self.0.body.bytes.is_empty() {
                let kind = self
                    .content_type()
                    .map(|ct| one_line(ct.split(';').next().unwrap_or(ct), 60));
                write!(
                    f,
                    ": {} body of {} bytes",
                    kind.as_deref().unwrap_or("non-JSON"),
                    self.0.body.bytes.len()
                )?;
                if self.0.truncated {
                    f.write_str(" (cut at the cap)")?;
                }
            }
        }
        self.0.context.write_ids(f, self.request_id())
    }
}

/// `detail` as a string, or a list of messages (`{"detail": [..]}`, `[..]`)
/// joined.
fn detail_of(json: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let mut messages = Vec::new();
    match json {
        Value::Object(map) => match map.get("detail")? {
            Value::String(s) => return Some(s.clone()),
            Value::Array(items) => collect_list(items, &mut messages),
            other => collect_value(other, &mut messages),
        },
        Value::Array(items) => collect_list(items, &mut messages),
        Value::String(s) => return Some(s.clone()),
        _ => return None,
    }
    (!messages.is_empty()).then(|| messages.join("; "))
}

fn collect_list(items: &[serde_json::Value], out: &mut Vec<String>) {
    for item in items {
        collect_value(item, out);
    }
}

fn collect_value(value: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value;
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => collect_list(items, out),
        Value::Null => {}
        other => out.push(other.to_string()),
    }
}

fn collect_fields(field: &str, value: &serde_json::Value, out: &mut BTreeMap<String, Vec<String>>) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                collect_fields(&format!("{field}.{key}"), value, out);
            }
        }
        Value::Array(items) if items.iter().any(Value::is_object) => {
            for item in items {
                collect_fields(field, item, out);
            }
        }
        other => {
            let mut messages = Vec::new();
            collect_value(other, &mut messages);
            out.entry(field.to_owned()).or_default().extend(messages);
        }
    }
}

// ---------------------------------------------------------------------------
// TimeoutError

/// Which time limit expired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutLimit {
    /// The per-attempt timeout ([`ClientBuilder::timeout`](crate::ClientBuilder::timeout)).
    Attempt(Duration),
    /// The whole call's deadline ([`ClientBuilder::deadline`](crate::ClientBuilder::deadline)).
    Deadline(Duration),
    /// The HTTP client's connect timeout.
    Connect,
    /// A timeout of the HTTP client given to
    /// [`ClientBuilder::http_client`](crate::ClientBuilder::http_client).
    HttpClient,
}

/// No answer in time.
#[derive(Debug)]
pub struct TimeoutError {
    limit: TimeoutLimit,
    reading_body: bool,
    context: Context,
}

impl TimeoutError {
    pub(crate) fn new(limit: TimeoutLimit, reading_body: bool, context: Context) -> Self {
        Self {
            limit,
            reading_body,
            context,
        }
    }

    /// The limit that expired.
    pub fn limit(&self) -> TimeoutLimit {
        self.limit
    }

    /// Whether it expired while the answer's body was being read (the
    /// status and headers had arrived).
    pub fn while_reading_body(&self) -> bool {
        self.reading_body
    }
}

impl fmt::Display for TimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.limit {
            TimeoutLimit::Attempt(limit) => write!(f, "the per-attempt timeout of {limit:?}")?,
            TimeoutLimit::Deadline(limit) => write!(f, "the call's deadline of {limit:?}")?,
            TimeoutLimit::Connect => f.write_str("the connect timeout")?,
            TimeoutLimit::HttpClient => f.write_str("the HTTP client's own timeout")?,
        }
        f.write_str(" expired")?;
        if self.reading_body {
            f.write_str(" while reading the response body")?;
        }
        self.context.write_operation(f)
    }
}

// ---------------------------------------------------------------------------
// TransportError

/// The request could not be sent or the answer not received.
pub struct TransportError {
    kind: TransportKind,
    message: String,
    source: reqwest::Error,
    context: Context,
}

impl TransportError {
    pub(crate) fn new(error: reqwest::Error, context: Context) -> Self {
        let error = crate::wire::redact_error(error);
        Self {
            kind: TransportKind::of(&error),
            message: root_cause(&error),
            source: error,
            context,
        }
    }

    /// What failed.
    pub fn kind(&self) -> TransportKind {
        self.kind
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError")
            .field("kind", &self.kind)
            .field("message", &self.message)
            .field("operation", &self.context.operation.map(|op| op.id))
            .finish()
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)?;
        self.context.write_operation(f)
    }
}

// ---------------------------------------------------------------------------
// DecodeError

/// A success answer whose body did not decode: serde's message and the
/// JSON path where it failed, never a snippet of the body. The body itself
/// is kept for [`raw_body`](Self::raw_body), to correct a schema with.
pub struct DecodeError {
    message: String,
    path: String,
    body: Box<RawBody>,
    context: Context,
}

impl DecodeError {
    /// Decodes `body` again, tracking the path, to say where it failed
    /// (the fast decode that failed first did not track it).
    pub(crate) fn locate<T: serde::de::DeserializeOwned>(body: Bytes, context: Context) -> Self {
        let (message, path) = match crate::decode::decode::<T>(&body) {
            Err(failure) => (failure.message, failure.path),
            Ok(_) => ("the body did not decode".to_owned(), ".".to_owned()),
        };
        Self {
            message,
            path,
            body: Box::new(RawBody::new(body)),
            context,
        }
    }

    /// serde's message (with line and column; values from the body are
    /// replaced by their kind).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where in the body decoding failed, e.g. `results[3].price`
    /// (`.` for the top level).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The body's length in bytes.
    pub fn body_len(&self) -> usize {
        self.body.bytes.len()
    }

    /// The body as text, as read (at most
    /// [`max_response_body`](crate::ClientBuilder::max_response_body);
    /// invalid UTF-8 replaced). Never part of `Display` or `Debug`.
    pub fn raw_body(&self) -> &str {
        self.body.text()
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("path", &self.path)
            .field("message", &self.message)
            .field("body_len", &self.body_len())
            .field("operation", &self.context.operation.map(|op| op.id))
            .finish()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the response body did not decode at `{}`: {}",
            self.path,
            one_line(&self.message, 300)
        )?;
        self.context.write_operation(f)
    }
}

// ---------------------------------------------------------------------------
// RedirectError

/// Why a redirect was not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RedirectRefusal {
    /// The target is on another origin than the base URL.
    CrossOrigin,
    /// The target is plain http and the base URL https.
    Downgrade,
    /// A 301/302/303 to a request that is not GET or HEAD: following it
    /// would silently turn it into a GET.
    MethodChange,
    /// More than `MAX_REDIRECTS` (5) hops.
    TooMany,
    /// No usable `Location`.
    NoLocation,
}

/// A redirect the SDK did not follow. Names the status and the target's
/// origin, never its path or query.
#[derive(Debug)]
pub struct RedirectError {
    status: u16,
    target: Option<String>,
    refusal: RedirectRefusal,
    context: Context,
}

impl RedirectError {
    pub(crate) fn new(
        status: u16,
        target: Option<String>,
        refusal: RedirectRefusal,
        context: Context,
    ) -> Self {
        Self {
            status,
            target,
            refusal,
            context,
        }
    }

    /// The redirect's status (301, 302, 303, 307 or 308).
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The origin the server redirected to (`scheme://host[:port]`).
    pub fn target_origin(&self) -> Option<&str> {
        self.target.as_deref()
    }

    /// Why it was not followed.
    pub fn refusal(&self) -> RedirectRefusal {
        self.refusal
    }
}

impl fmt::Display for RedirectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "redirect {} not followed: ", self.status)?;
        let target = self.target.as_deref().unwrap_or("?");
        match self.refusal {
            RedirectRefusal::CrossOrigin => write!(f, "it leads to another origin, {target}")?,
            RedirectRefusal::Downgrade => write!(f, "it leads from https to plain http, {target}")?,
            RedirectRefusal::MethodChange => f.write_str(
                "it would turn the request into a GET (check the path's trailing slash)",
            )?,
            RedirectRefusal::TooMany => write!(f, "too many redirects (last to {target})")?,
            RedirectRefusal::NoLocation => f.write_str("it has no usable Location")?,
        }
        self.context.write_operation(f)
    }
}

// ---------------------------------------------------------------------------
// PaginationError

/// Why a list walk stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PaginationStop {
    /// A page held the same records as the page before it.
    RepeatedPage,
    /// The offset went past `count` plus one page.
    PastCount {
        /// The offset of the page.
        offset: u64,
        /// The largest `count` the server gave.
        count: u64,
    },
    /// More pages than `2 × count / limit + 10`.
    TooManyPages {
        /// The cap.
        cap: u64,
    },
}

/// A list walk that stopped advancing. Names no URL and no query value.
#[derive(Debug)]
pub struct PaginationError {
    stop: PaginationStop,
    pages: u64,
    context: Context,
}

impl PaginationError {
    pub(crate) fn new(stop: PaginationStop, pages: u64, operation_id: &str) -> Self {
        Self {
            stop,
            pages,
            context: Context {
                operation: Operation::find(operation_id),
                invocation: None,
            },
        }
    }

    /// Why the walk stopped.
    pub fn stop(&self) -> PaginationStop {
        self.stop
    }

    /// How many pages had been fetched.
    pub fn pages(&self) -> u64 {
        self.pages
    }
}

impl fmt::Display for PaginationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("pagination stopped: ")?;
        match self.stop {
            PaginationStop::RepeatedPage => {
                f.write_str("the server answered the same records twice in a row")?
            }
            PaginationStop::PastCount { offset, count } => write!(
                f,
                "the offset {offset} went past the count of {count} records"
            )?,
            PaginationStop::TooManyPages { cap } => {
                write!(f, "more than {cap} pages for the records counted")?
            }
        }
        write!(f, " after {} pages", self.pages)?;
        self.context.write_operation(f)
    }
}

// ---------------------------------------------------------------------------
// BodyTooLarge

/// A success body over the client's limit.
#[derive(Debug)]
pub struct BodyTooLarge {
    limit: usize,
    context: Context,
}

impl BodyTooLarge {
    pub(crate) fn new(limit: usize, context: Context) -> Self {
        Self { limit, context }
    }

    /// The limit, in bytes.
    pub fn limit(&self) -> usize {
        self.limit
    }
}

impl fmt::Display for BodyTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the response body is larger than the limit of {} bytes (max_response_body); the rest was not read",
            self.limit
        )?;
        self.context.write_operation(f)
    }
}

// ---------------------------------------------------------------------------
// Error

impl Error {
    /// The API's answer, for [`Error::Api`] and [`Error::UnexpectedStatus`].
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) | Error::UnexpectedStatus(api) => Some(api),
            _ => None,
        }
    }

    /// The answer's body as text, as read (within the SDK's cap; invalid
    /// UTF-8 replaced), for [`Error::Decode`], [`Error::Api`] and
    /// [`Error::UnexpectedStatus`]: what a schema that guessed wrong is
    /// corrected from. Never part of `Display` or `Debug`.
    pub fn raw_body(&self) -> Option<&str> {
        match self {
            Error::Decode(e) => Some(e.raw_body()),
            other => other.api().map(ApiError::raw_body),
        }
    }

    /// The HTTP status, when an answer arrived.
    pub fn status(&self) -> Option<StatusCode> {
        self.api().map(ApiError::status)
    }

    /// The answer's headers, when an answer arrived.
    pub fn headers(&self) -> Option<&HeaderMap> {
        self.api().map(ApiError::headers)
    }

    /// The API's `detail` (see [`ApiError::detail`]).
    pub fn detail(&self) -> Option<&str> {
        self.api()?.detail()
    }

    /// Validation messages by field name (see [`ApiError::field_errors`]).
    pub fn field_errors(&self) -> BTreeMap<String, Vec<String>> {
        self.api().map(ApiError::field_errors).unwrap_or_default()
    }

    /// The request id the server gave (see [`REQUEST_ID_HEADERS`]).
    pub fn request_id(&self) -> Option<&str> {
        self.api()?.request_id()
    }

    /// The operation that failed, when known.
    pub fn operation(&self) -> Option<&'static Operation> {
        match self {
            Error::Api(e) | Error::UnexpectedStatus(e) => e.operation(),
            Error::Timeout(e) => e.context.operation,
            Error::Transport(e) => e.context.operation,
            Error::Decode(e) => e.context.operation,
            Error::BodyTooLarge(e) => e.context.operation,
            Error::Pagination(e) => e.context.operation,
            Error::Redirect(e) => e.context.operation,
            _ => None,
        }
    }

    /// The id the SDK sent in `X-Request-ID` for the call that failed
    /// (the same on every attempt), to find it in the server's logs.
    pub fn invocation_id(&self) -> Option<Uuid> {
        match self {
            Error::Api(e) | Error::UnexpectedStatus(e) => e.invocation_id(),
            Error::Timeout(e) => e.context.invocation,
            Error::Transport(e) => e.context.invocation,
            Error::Decode(e) => e.context.invocation,
            Error::BodyTooLarge(e) => e.context.invocation,
            Error::Redirect(e) => e.context.invocation,
            Error::Auth(e) => e.invocation_id(),
            _ => None,
        }
    }

    /// Whether credentials were refused (401, 403) or could not be had.
    pub fn is_auth(&self) -> bool {
        matches!(self, Error::Auth(_))
            || matches!(
                self.status(),
                Some(StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN)
            )
    }

    /// Whether no answer came in time (see [`Error::Timeout`]).
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout(_))
    }

    /// Whether no usable HTTP answer arrived: a connection, TLS or body
    /// stream failure, or a timeout.
    pub fn is_transport(&self) -> bool {
        matches!(self, Error::Timeout(_) | Error::Transport(_))
    }

    /// Whether the request itself was at fault: refused by the SDK before
    /// sending, or by the API (400, 422).
    pub fn is_invalid_request(&self) -> bool {
        match self {
            Error::InvalidRequest(_) | Error::Config(_) => true,
            Error::Api(api) => matches!(
                api.status(),
                StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY
            ),
            _ => false,
        }
    }

    /// Whether trying again later may succeed: timeouts, transport
    /// failures, 408, 429, 502, 503 and 504, and transient token failures
    /// ([`AuthError::is_transient`]). The client already retried what its
    /// [`RetryPolicy`](crate::RetryPolicy) allows.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Timeout(_) => true,
            Error::Transport(e) => e.kind != TransportKind::Other,
            Error::Api(api) => matches!(api.status().as_u16(), 408 | 429 | 502 | 503 | 504),
            Error::Auth(e) => e.is_transient(),
            _ => false,
        }
    }

    /// A short name for traces: `api`, `timeout`, `connect`, …
    pub(crate) fn kind_name(&self) -> &'static str {
        match self {
            Error::Api(_) => "api",
            Error::UnexpectedStatus(_) => "unexpected_status",
            Error::Timeout(_) => "timeout",
            Error::Transport(e) => e.kind.as_str(),
            Error::Decode(_) => "decode",
            Error::BodyTooLarge(_) => "body_too_large",
            Error::Pagination(_) => "pagination",
            Error::Redirect(_) => "redirect",
            Error::InvalidRequest(_) => "invalid_request",
            Error::Auth(_) => "auth",
            Error::Config(_) => "config",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(e) => e.fmt(f),
            Error::UnexpectedStatus(e) => write!(f, "unexpected status {e}"),
            Error::Timeout(e) => e.fmt(f),
            Error::Transport(e) => e.fmt(f),
            Error::Decode(e) => e.fmt(f),
            Error::BodyTooLarge(e) => e.fmt(f),
            Error::Pagination(e) => e.fmt(f),
            Error::Redirect(e) => e.fmt(f),
            Error::InvalidRequest(message) => write!(f, "invalid request: {message}"),
            Error::Auth(e) => {
                write!(f, "no access token: {e}")?;
                let context = Context {
                    operation: None,
                    invocation: e.invocation_id(),
                };
                context.write_ids(f, None)
            }
            Error::Config(e) => write!(f, "invalid client configuration: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(e) => Some(&e.source),
            Error::Auth(e) => Some(e),
            Error::Config(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn api(status: u16, body: &str, headers: &[(&'static str, &'static str)]) -> Error {
        let mut map = HeaderMap::new();
        for (k, v) in headers {
            map.insert(*k, HeaderValue::from_static(v));
        }
        let context = Context {
            operation: Operation::find("user_get"),
            invocation: None,
        };
        Error::Api(ApiError::new(
            StatusCode::from_u16(status).unwrap(),
            map,
            Bytes::copy_from_slice(body.as_bytes()),
            false,
            context,
        ))
    }

    #[test]
    fn detail_string_and_accessors() {
        let e = api(
            404,
            r#"{"detail": "Não encontrado."}"#,
            &[("x-request-id", "abc")],
        );
        assert_eq!(
            e.to_string(),
            "404 Not Found: Não encontrado. [user_get GET /v2/users/{user_id}/; request id abc]"
        );
        assert_eq!(e.status(), Some(StatusCode::NOT_FOUND));
        assert_eq!(e.detail(), Some("Não encontrado."));
        assert_eq!(e.request_id(), Some("abc"));
        assert_eq!(e.operation().map(|op| op.id), Some("user_get"));
        assert!(!e.is_auth() && !e.is_timeout() && !e.is_retryable() && !e.is_transport());
    }

    #[test]
    fn every_drf_shape_keeps_its_messages() {
        let list = api(400, r#"["Curso encerrado."]"#, &[]);
        assert_eq!(list.detail(), Some("Curso encerrado."));
        assert_eq!(list.api().unwrap().messages(), ["Curso encerrado."]);
        let details = api(400, r#"{"detail": ["a", "b"]}"#, &[]);
        assert_eq!(details.detail(), Some("a; b"));
        assert_eq!(details.api().unwrap().messages(), ["a", "b"]);
        let fields = api(
            400,
            r#"{"email": ["Informe um e-mail válido."], "non_field_errors": ["Ruim."],
                "address": {"zip": ["Obrigatório."]}, "count": 3}"#,
            &[],
        );
        let by_field = fields.field_errors();
        assert_eq!(by_field["email"], ["Informe um e-mail válido."]);
        assert_eq!(by_field["address.zip"], ["Obrigatório."]);
        assert_eq!(by_field["count"], ["3"]);
        assert_eq!(fields.detail(), None);
        assert_eq!(fields.api().unwrap().messages().len(), 4);
        // Display names the fields, not the messages (they may echo values).
        assert_eq!(
            fields.to_string(),
            "400 Bad Request: invalid address.zip, count, email, non_field_errors [user_get GET /v2/users/{user_id}/]"
        );
        assert!(fields.is_invalid_request());
    }

    #[test]
    fn html_pages_keep_their_text_and_type_but_do_not_print_it() {
        let page = "<html><body><h1>Not Found</h1><p>cpf 123</p></body></html>";
        let e = api(404, page, &[("content-type", "text/html; charset=utf-8")]);
        let api_error = e.api().unwrap();
        assert_eq!(api_error.text(), page);
        assert_eq!(api_error.content_type(), Some("text/html; charset=utf-8"));
        assert_eq!(e.detail(), None);
        let shown = format!("{e} {e:?}");
        assert!(!shown.contains("cpf"), "{shown}");
        let size = format!("text/html body of {} bytes", page.len());
        assert!(shown.contains(&size), "{shown}");
    }

    #[test]
    fn auth_and_retryable() {
        assert!(api(401, "{}", &[]).is_auth());
        assert!(api(403, "{}", &[]).is_auth());
        for status in [408, 429, 502, 503, 504] {
            assert!(api(status, "{}", &[]).is_retryable(), "{status}");
        }
        assert!(!api(500, "{}", &[]).is_retryable());
        let transient = Error::Auth(AuthError::oauth2(Some(503), "server_error".into(), None));
        assert!(transient.is_retryable() && transient.is_auth());
        let denied = Error::Auth(AuthError::oauth2(Some(401), "invalid_client".into(), None));
        assert!(!denied.is_retryable());
    }

    #[test]
    fn decode_errors_name_the_path_not_the_body() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Page {
            results: Vec<Item>,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Item {
            id: i64,
        }
        let body = br#"{"results": [{"id": 1}, {"id": "maria@example.com"}]}"#;
        let e = DecodeError::locate::<Page>(Bytes::from_static(body), Context::default());
        assert_eq!(e.path(), "results[1].id");
        let shown = format!("{e} {e:?}");
        assert!(shown.contains("results[1].id"), "{shown}");
        assert!(!shown.contains("\"results\""), "{shown}");
    }

    #[test]
    fn timeouts_say_which_limit() {
        let context = Context {
            operation: Operation::find("user_get"),
            invocation: Some(Uuid::nil()),
        };
        let e = Error::Timeout(TimeoutError::new(
            TimeoutLimit::Attempt(Duration::from_secs(30)),
            true,
            context,
        ));
        assert_eq!(
            e.to_string(),
            "the per-attempt timeout of 30s expired while reading the response body \
             [user_get GET /v2/users/{user_id}/; invocation 00000000-0000-0000-0000-000000000000]"
        );
        assert!(e.is_timeout() && e.is_transport() && e.is_retryable());
    }
}
