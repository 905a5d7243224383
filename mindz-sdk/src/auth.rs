//! Authentication: access tokens, token providers and the OAuth2
//! client-credentials exchange.
//!
//! Private operations (`/v2/…`) carry `Authorization: Bearer <token>`.
//! Public operations (`/public/v1/…`) never carry credentials. Where the token
//! comes from is chosen on the [`ClientBuilder`](crate::ClientBuilder):
//!
//! * [`client_credentials(app_id, api_key)`](crate::ClientBuilder::client_credentials):
//!   the OAuth2 client-credentials grant with `client_id = APP_ID` and
//!   `client_secret = API_KEY` (the Mindz admin's *Configurações > API*). The
//!   token is fetched lazily on the first private request (or by
//!   [`Client::authenticate`](crate::Client::authenticate)), cached, and reused until
//!   `expires_at - skew` (see
//!   [`token_refresh_skew`](crate::ClientBuilder::token_refresh_skew)).
//!   Concurrent callers that find the token stale wait for one refresh
//!   instead of each starting their own. A token answer without
//!   `expires_in` is reused until the API rejects it with `401`.
//! * [`bearer_token(token)`](crate::ClientBuilder::bearer_token): a token you
//!   obtained elsewhere, sent as is and never refreshed.
//! * [`token_provider(provider)`](crate::ClientBuilder::token_provider): your own
//!   [`TokenProvider`].
//!
//! Secrets never appear in `Debug` or `Display` output: [`AccessToken`] and
//! every type holding the API key print `***`.

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex as StdMutex, PoisonError};
use std::time::Duration;

use oauth2::TokenResponse as _;
use tokio::time::Instant;

/// Default for [`ClientBuilder::token_refresh_skew`](crate::ClientBuilder::token_refresh_skew):
/// a cached token is replaced this long before it expires.
pub const DEFAULT_TOKEN_REFRESH_SKEW: Duration = Duration::from_secs(60);

const REDACTED: &str = "***";

// ---------------------------------------------------------------------------
// AccessToken

/// An OAuth2 access token: the secret string and, if known, when it expires.
///
/// `Debug` and `Display` print `***` instead of the secret; use
/// [`expose_secret`](Self::expose_secret) when you really need the value.
/// Cloning is cheap (the secret is shared).
///
/// Expiry instants use [`tokio::time::Instant`], so tests running with a
/// paused Tokio clock can move time forward with `tokio::time::advance`.
#[derive(Clone)]
pub struct AccessToken {
    secret: Arc<str>,
    expires_at: Option<Instant>,
}

impl AccessToken {
    /// A token with no known expiry.
    pub fn new(secret: impl Into<String>) -> Self {
        Self {
            secret: Arc::from(secret.into()),
            expires_at: None,
        }
    }

    /// Sets the instant at which the token expires.
    pub fn with_expires_at(mut self, expires_at: Instant) -> Self {
        self.expires_at = Some(expires_at);
        self
    }

    /// Sets the expiry to now (on the Tokio clock) plus `lifetime`, as for an
    /// OAuth2 `expires_in` answer.
    pub fn with_expires_in(mut self, lifetime: Duration) -> Self {
        let now = Instant::now();
        self.expires_at = Some(now.checked_add(lifetime).unwrap_or(now + FAR_FUTURE));
        self
    }

    /// The secret token string. Do not log it.
    pub fn expose_secret(&self) -> &str {
        &self.secret
    }

    /// When the token expires, if the issuer said so.
    pub fn expires_at(&self) -> Option<Instant> {
        self.expires_at
    }

    /// Whether the expiry (if any) has passed.
    pub fn is_expired(&self) -> bool {
        self.expires_at.is_some_and(|at| Instant::now() >= at)
    }

    pub(crate) fn same_secret(&self, other: &AccessToken) -> bool {
        self.secret == other.secret
    }
}

// About 30 years: what `Instant + Duration::MAX` is clamped to.
const FAR_FUTURE: Duration = Duration::from_secs(86_400 * 365 * 30);

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("secret", &REDACTED)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

impl fmt::Display for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

// ---------------------------------------------------------------------------
// TokenProvider

/// A source of access tokens for private operations.
///
/// The client calls [`token`](Self::token) before **every** authenticated
/// request, so an implementation should cache its token and make concurrent
/// callers share one refresh. When the API answers `401` the client calls
/// [`invalidate_token`](Self::invalidate_token) with the rejected token, asks
/// for a token again and, if it got a different one, resends the request once.
///
/// ```
/// use mindz_sdk::auth::{AccessToken, AuthError, TokenProvider};
///
/// struct FromVault;
///
/// impl TokenProvider for FromVault {
///     async fn token(&self) -> Result<AccessToken, AuthError> {
///         // ...fetch and cache...
///         Ok(AccessToken::new("token-from-vault"))
///     }
///     fn invalidate(&self) {}
/// }
///
/// # fn main() -> Result<(), mindz_sdk::BuildError> {
/// let client = mindz_sdk::Client::builder()
///     .ead_id("escola")
///     .token_provider(FromVault)
///     .build()?;
/// # Ok(()) }
/// ```
pub trait TokenProvider: Send + Sync + 'static {
    /// Returns a token that is valid now, fetching one if needed.
    fn token(&self) -> impl Future<Output = Result<AccessToken, AuthError>> + Send;

    /// Forgets the cached token so that the next [`token`](Self::token) call
    /// fetches a new one.
    fn invalidate(&self);

    /// Called when the API rejected `rejected` with `401`. The default calls
    /// [`invalidate`](Self::invalidate); override it to forget the token only
    /// if it is still the cached one, so that many requests rejected at once
    /// do not throw away a token another task has just fetched.
    fn invalidate_token(&self, rejected: &AccessToken) {
        let _ = rejected;
        self.invalidate();
    }
}

pub(crate) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Object-safe form of [`TokenProvider`], stored in [`ClientState`](crate::state::ClientState).
pub(crate) trait DynTokenProvider: Send + Sync + 'static {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>>;
    fn invalidate_token(&self, rejected: &AccessToken);
    /// Writes a redacted description for `Debug`.
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// Wraps a user's [`TokenProvider`].
pub(crate) struct CustomProvider<T>(pub(crate) T);

impl<T: TokenProvider> DynTokenProvider for CustomProvider<T> {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>> {
        Box::pin(self.0.token())
    }
    fn invalidate_token(&self, rejected: &AccessToken) {
        self.0.invalidate_token(rejected);
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TokenProvider({})", std::any::type_name::<T>())
    }
}

/// A fixed bearer token ([`ClientBuilder::bearer_token`](crate::ClientBuilder::bearer_token)).
pub(crate) struct StaticToken(pub(crate) AccessToken);

impl DynTokenProvider for StaticToken {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>> {
        let token = self.0.clone();
        Box::pin(async move { Ok(token) })
    }
    fn invalidate_token(&self, _rejected: &AccessToken) {}
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BearerToken({REDACTED})")
    }
}

// ---------------------------------------------------------------------------
// AuthError

/// Why no access token could be obtained.
///
/// `Display` is one line naming the cause, with the OAuth2 error code and
/// description when the token endpoint sent them; it never contains the API
/// key or a token. [`code`](Self::code) is the OAuth2 error code, or one of
/// the SDK's own codes for failures that are not OAuth2 error answers.
#[derive(Debug)]
#[non_exhaustive]
pub enum AuthError {
    /// The token endpoint answered with an OAuth2 error (RFC 6749 §5.2), such
    /// as `invalid_client` for a wrong `APP_ID`/`API_KEY`.
    #[non_exhaustive]
    OAuth2 {
        /// HTTP status of the answer.
        status: Option<u16>,
        /// The `error` field, e.g. `invalid_client`.
        code: String,
        /// The `error_description` field, if any.
        description: Option<String>,
        /// The `error_uri` field, if any.
        uri: Option<String>,
    },
    /// The token endpoint could not be reached, or the connection failed or
    /// timed out before an answer arrived. Code `token_endpoint_unreachable`.
    #[non_exhaustive]
    Transport {
        /// The token URL.
        token_url: String,
        /// The transport error and its causes, on one line.
        message: String,
        /// Whether the failure was a timeout.
        timeout: bool,
        /// The underlying error. `None` when this error is a copy handed to
        /// callers that were waiting for the same failed refresh.
        source: Option<reqwest::Error>,
    },
    /// The token endpoint answered, but not with a usable token response or
    /// OAuth2 error (wrong token URL, HTML error page, missing
    /// `access_token`, …). Code `invalid_token_response`.
    #[non_exhaustive]
    InvalidResponse {
        /// HTTP status of the answer.
        status: Option<u16>,
        /// What was wrong with it.
        reason: String,
    },
    /// [`Client::authenticate`](crate::Client::authenticate) was called on a client built without
    /// credentials. Code `missing_credentials`.
    NoCredentials,
    /// A custom [`TokenProvider`] failed. Code `token_provider_error`.
    #[non_exhaustive]
    Provider {
        /// What failed.
        message: String,
        /// The underlying error, if any.
        source: Option<Arc<dyn StdError + Send + Sync>>,
    },
}

impl AuthError {
    /// A failure of a custom [`TokenProvider`].
    pub fn provider(message: impl Into<String>) -> Self {
        AuthError::Provider {
            message: one_line(&message.into()),
            source: None,
        }
    }

    /// A failure of a custom [`TokenProvider`], with its cause.
    pub fn provider_with_source(
        message: impl Into<String>,
        source: impl StdError + Send + Sync + 'static,
    ) -> Self {
        AuthError::Provider {
            message: one_line(&message.into()),
            source: Some(Arc::new(source)),
        }
    }

    /// The OAuth2 error code (`invalid_client`, `invalid_scope`, …) for
    /// [`AuthError::OAuth2`]; otherwise the SDK's code for the variant:
    /// `token_endpoint_unreachable`, `invalid_token_response`,
    /// `missing_credentials` or `token_provider_error`.
    pub fn code(&self) -> &str {
        match self {
            AuthError::OAuth2 { code, .. } => code,
            AuthError::Transport { .. } => "token_endpoint_unreachable",
            AuthError::InvalidResponse { .. } => "invalid_token_response",
            AuthError::NoCredentials => "missing_credentials",
            AuthError::Provider { .. } => "token_provider_error",
        }
    }

    /// The OAuth2 `error_description` for [`AuthError::OAuth2`]; the message
    /// or reason for the other variants that have one.
    pub fn description(&self) -> Option<&str> {
        match self {
            AuthError::OAuth2 { description, .. } => description.as_deref(),
            AuthError::Transport { message, .. } => Some(message),
            AuthError::InvalidResponse { reason, .. } => Some(reason),
            AuthError::NoCredentials => None,
            AuthError::Provider { message, .. } => Some(message),
        }
    }

    /// HTTP status of the token endpoint's answer, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            AuthError::OAuth2 { status, .. } | AuthError::InvalidResponse { status, .. } => *status,
            _ => None,
        }
    }

    /// Whether the token endpoint answered with an OAuth2 error.
    pub fn is_oauth2(&self) -> bool {
        matches!(self, AuthError::OAuth2 { .. })
    }

    /// Whether the credentials themselves are the problem: OAuth2
    /// `invalid_client`, `unauthorized_client` or `invalid_grant`, or no
    /// credentials configured. Retrying will not help; fix the configuration.
    pub fn is_credentials_rejected(&self) -> bool {
        match self {
            AuthError::OAuth2 { code, .. } => matches!(
                code.as_str(),
                "invalid_client" | "unauthorized_client" | "invalid_grant"
            ),
            AuthError::NoCredentials => true,
            _ => false,
        }
    }

    /// Whether the failure is probably temporary: transport errors, `5xx`
    /// answers, and the OAuth2 codes `server_error` and
    /// `temporarily_unavailable`.
    pub fn is_transient(&self) -> bool {
        match self {
            AuthError::Transport { .. } => true,
            AuthError::OAuth2 { status, code, .. } => {
                status.is_some_and(|s| s >= 500)
                    || matches!(code.as_str(), "server_error" | "temporarily_unavailable")
            }
            AuthError::InvalidResponse { status, .. } => status.is_some_and(|s| s >= 500),
            AuthError::NoCredentials | AuthError::Provider { .. } => false,
        }
    }

    /// Whether this is a transport failure ([`AuthError::Transport`]).
    pub fn is_transport(&self) -> bool {
        matches!(self, AuthError::Transport { .. })
    }

    /// A copy for callers that waited on the same refresh. Everything but a
    /// transport error's `reqwest::Error` (which cannot be cloned) is kept.
    pub(crate) fn share(&self) -> AuthError {
        match self {
            AuthError::OAuth2 {
                status,
                code,
                description,
                uri,
            } => AuthError::OAuth2 {
                status: *status,
                code: code.clone(),
                description: description.clone(),
                uri: uri.clone(),
            },
            AuthError::Transport {
                token_url,
                message,
                timeout,
                ..
            } => AuthError::Transport {
                token_url: token_url.clone(),
                message: message.clone(),
                timeout: *timeout,
                source: None,
            },
            AuthError::InvalidResponse { status, reason } => AuthError::InvalidResponse {
                status: *status,
                reason: reason.clone(),
            },
            AuthError::NoCredentials => AuthError::NoCredentials,
            AuthError::Provider { message, source } => AuthError::Provider {
                message: message.clone(),
                source: source.clone(),
            },
        }
    }

    fn transport(token_url: &reqwest::Url, error: reqwest::Error) -> Self {
        let what = if error.is_timeout() {
            "timed out"
        } else if error.is_connect() {
            "connection failed"
        } else {
            "request failed"
        };
        let mut message = what.to_owned();
        let mut cause = error.source();
        while let Some(err) = cause {
            message.push_str(": ");
            message.push_str(&err.to_string());
            cause = err.source();
        }
        AuthError::Transport {
            token_url: token_url.to_string(),
            message: one_line(&message),
            timeout: error.is_timeout(),
            source: Some(error),
        }
    }
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthError::OAuth2 {
                status,
                code,
                description,
                ..
            } => {
                write!(f, "token request failed with OAuth2 error {code}")?;
                if let Some(status) = status {
                    write!(f, " (HTTP {status})")?;
                }
                if let Some(description) = description {
                    write!(f, ": {description}")?;
                }
                Ok(())
            }
            AuthError::Transport {
                token_url, message, ..
            } => write!(f, "could not reach the token endpoint {token_url}: {message}"),
            AuthError::InvalidResponse { status, reason } => {
                f.write_str("unusable answer from the token endpoint")?;
                if let Some(status) = status {
                    write!(f, " (HTTP {status})")?;
                }
                write!(f, ": {reason}")
            }
            AuthError::NoCredentials => f.write_str(
                "no credentials configured: use client_credentials(..), bearer_token(..) or token_provider(..)",
            ),
            AuthError::Provider { message, .. } => write!(f, "token provider failed: {message}"),
        }
    }
}

impl StdError for AuthError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            AuthError::Transport {
                source: Some(source),
                ..
            } => Some(source),
            AuthError::Provider {
                source: Some(source),
                ..
            } => Some(source.as_ref()),
            _ => None,
        }
    }
}

/// Makes server- or user-supplied text safe for a one-line message: control
/// characters become spaces and the text is cut at 500 characters.
fn one_line(text: &str) -> String {
    const MAX: usize = 500;
    let mut out: String = text
        .trim()
        .chars()
        .take(MAX)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.trim().chars().count() > MAX {
        out.push('…');
    }
    out
}

// ---------------------------------------------------------------------------
// Token cache with single-flight refresh

struct Cached {
    token: AccessToken,
    /// When to stop using the token; `None` = until invalidated.
    refresh_at: Option<Instant>,
}

/// Caches one token. Readers take a short `std` mutex; a refresh holds a
/// `tokio` mutex so that concurrent callers wait for it and then reuse its
/// result (double-checked), including its failure.
pub(crate) struct TokenCache {
    skew: Duration,
    current: StdMutex<Option<Cached>>,
    /// Held during a refresh; holds the failure of the last attempt.
    refresh: tokio::sync::Mutex<Option<AuthError>>,
    /// Number of finished attempts (success or failure).
    attempts: AtomicU64,
}

impl TokenCache {
    pub(crate) fn new(skew: Duration) -> Self {
        Self {
            skew,
            current: StdMutex::new(None),
            refresh: tokio::sync::Mutex::new(None),
            attempts: AtomicU64::new(0),
        }
    }

    fn fresh(&self) -> Option<AccessToken> {
        let current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        let cached = current.as_ref()?;
        match cached.refresh_at {
            Some(at) if Instant::now() >= at => None,
            _ => Some(cached.token.clone()),
        }
    }

    fn store(&self, token: &AccessToken) {
        let refresh_at = token.expires_at().map(|expires_at| {
            let now = Instant::now();
            // Never spend more than half the lifetime as skew, so a token that
            // lives less than 2×skew is still reused for a while.
            let skew = self.skew.min(expires_at.saturating_duration_since(now) / 2);
            expires_at.checked_sub(skew).unwrap_or(now)
        });
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) = Some(Cached {
            token: token.clone(),
            refresh_at,
        });
    }

    pub(crate) fn invalidate_token(&self, rejected: &AccessToken) {
        let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        if current
            .as_ref()
            .is_some_and(|cached| cached.token.same_secret(rejected))
        {
            *current = None;
        }
    }

    /// Returns the cached token if fresh; otherwise runs `fetch` (at most one
    /// at a time) and caches its result.
    pub(crate) async fn get<F, Fut>(&self, fetch: F) -> Result<AccessToken, AuthError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<AccessToken, AuthError>>,
    {
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        let seen = self.attempts.load(Ordering::Acquire);
        let mut last_failure = self.refresh.lock().await;
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        if self.attempts.load(Ordering::Acquire) != seen {
            // An attempt finished while we waited for the lock; if it failed,
            // share its failure instead of hammering the token endpoint.
            if let Some(failure) = last_failure.as_ref() {
                return Err(failure.share());
            }
        }
        let result = fetch().await;
        match &result {
            Ok(token) => {
                self.store(token);
                *last_failure = None;
            }
            Err(err) => *last_failure = Some(err.share()),
        }
        self.attempts.fetch_add(1, Ordering::AcqRel);
        result
    }
}

// ---------------------------------------------------------------------------
// OAuth2 client credentials

type OAuthClient = oauth2::basic::BasicClient<
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointSet,
>;

/// The OAuth2 client-credentials grant against the token endpoint, with a
/// [`TokenCache`].
pub(crate) struct ClientCredentialsProvider {
    app_id: String,
    api_key: oauth2::ClientSecret,
    token_url: reqwest::Url,
    auth_in_body: bool,
    oauth: OAuthClient,
    http: reqwest::Client,
    cache: TokenCache,
}

impl ClientCredentialsProvider {
    pub(crate) fn new(
        app_id: String,
        api_key: String,
        token_url: reqwest::Url,
        auth_in_body: bool,
        skew: Duration,
        http: reqwest::Client,
    ) -> Self {
        let api_key = oauth2::ClientSecret::new(api_key);
        let oauth = oauth2::basic::BasicClient::new(oauth2::ClientId::new(app_id.clone()))
            .set_client_secret(api_key.clone())
            .set_auth_type(if auth_in_body {
                oauth2::AuthType::RequestBody
            } else {
                oauth2::AuthType::BasicAuth
            })
            .set_token_uri(oauth2::TokenUrl::from_url(token_url.clone()));
        Self {
            app_id,
            api_key,
            token_url,
            auth_in_body,
            oauth,
            http,
            cache: TokenCache::new(skew),
        }
    }

    /// Replaces any occurrence of the API key in server-supplied text.
    fn scrub(&self, text: &str) -> String {
        let secret = self.api_key.secret();
        let text = one_line(text);
        if secret.is_empty() {
            text
        } else {
            text.replace(secret.as_str(), REDACTED)
        }
    }

    /// One token request, no caching.
    async fn fetch(&self) -> Result<AccessToken, AuthError> {
        // Status and content type of the last answer, for error messages:
        // oauth2 does not report them.
        let answer: Answer = StdMutex::new(None);
        let send = OAuthHttp {
            http: &self.http,
            answer: &answer,
        };
        let result = self
            .oauth
            .exchange_client_credentials()
            .request_async(&send)
            .await;
        let (status, content_type) = answer
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
            .map_or((None, None), |(s, ct)| (Some(s), ct));
        match result {
            Ok(response) => {
                let secret = response.access_token().secret();
                if secret.is_empty() {
                    return Err(AuthError::InvalidResponse {
                        status,
                        reason: "the access_token is empty".to_owned(),
                    });
                }
                if reqwest::header::HeaderValue::from_str(secret).is_err() {
                    return Err(AuthError::InvalidResponse {
                        status,
                        reason:
                            "the access_token contains characters not allowed in an HTTP header"
                                .to_owned(),
                    });
                }
                let token = AccessToken::new(secret.as_str());
                Ok(match response.expires_in() {
                    Some(lifetime) => token.with_expires_in(lifetime),
                    None => token,
                })
            }
            Err(oauth2::RequestTokenError::ServerResponse(error)) => Err(AuthError::OAuth2 {
                status,
                code: self.scrub(error.error().as_ref()),
                description: error.error_description().map(|d| self.scrub(d)),
                uri: error.error_uri().map(|u| self.scrub(u)),
            }),
            Err(oauth2::RequestTokenError::Request(error)) => {
                Err(AuthError::transport(&self.token_url, error))
            }
            Err(oauth2::RequestTokenError::Parse(error, body)) => {
                let reason = if status == Some(200) {
                    format!(
                        "the body is not an OAuth2 token response ({})",
                        describe_parse_error(error.path(), error.inner(), content_type.as_deref())
                    )
                } else {
                    // An error answer that is not an OAuth2 error: show its
                    // `detail`/`message` if it has one (it is not a token).
                    let detail = serde_json::from_slice::<serde_json::Value>(&body)
                        .ok()
                        .and_then(|v| {
                            ["detail", "message", "error_description"]
                                .iter()
                                .find_map(|k| v.get(k).and_then(|d| d.as_str()).map(str::to_owned))
                        });
                    match detail {
                        Some(detail) => {
                            format!("not an OAuth2 error body; detail: {}", self.scrub(&detail))
                        }
                        None => format!(
                            "not an OAuth2 error body ({}); check the token URL {}",
                            describe_parse_error(
                                error.path(),
                                error.inner(),
                                content_type.as_deref()
                            ),
                            self.token_url
                        ),
                    }
                };
                Err(AuthError::InvalidResponse { status, reason })
            }
            Err(oauth2::RequestTokenError::Other(message)) => Err(AuthError::InvalidResponse {
                status,
                reason: format!(
                    "{}; check the token URL {}",
                    self.scrub(&message),
                    self.token_url
                ),
            }),
        }
    }
}

type Answer = StdMutex<Option<(u16, Option<String>)>>;

/// oauth2's HTTP client, implemented with our reqwest client; records the
/// status and content type of the answer in `answer`.
struct OAuthHttp<'a> {
    http: &'a reqwest::Client,
    answer: &'a Answer,
}

impl<'c> oauth2::AsyncHttpClient<'c> for OAuthHttp<'_> {
    type Error = reqwest::Error;
    type Future = BoxFuture<'c, Result<oauth2::HttpResponse, reqwest::Error>>;

    fn call(&'c self, request: oauth2::HttpRequest) -> Self::Future {
        Box::pin(async move {
            let mut request = reqwest::Request::try_from(request)?;
            if let Some(value) = request
                .headers_mut()
                .get_mut(reqwest::header::AUTHORIZATION)
            {
                value.set_sensitive(true);
            }
            let response = self.http.execute(request).await?;
            let status = response.status();
            let headers = response.headers().clone();
            let version = response.version();
            let content_type = headers
                .get(reqwest::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            *self.answer.lock().unwrap_or_else(PoisonError::into_inner) =
                Some((status.as_u16(), content_type));
            let body = response.bytes().await?;
            let mut out = http::Response::new(body.to_vec());
            *out.status_mut() = status;
            *out.headers_mut() = headers;
            *out.version_mut() = version;
            Ok(out)
        })
    }
}

/// Describes a JSON parse failure without quoting values (which could be a
/// token).
fn describe_parse_error(
    path: &dyn fmt::Display,
    inner: &serde_json::Error,
    content_type: Option<&str>,
) -> String {
    let mut out = match inner.classify() {
        serde_json::error::Category::Data => {
            let message = inner.to_string();
            if message.starts_with("missing field") {
                message
                    .split(" at line")
                    .next()
                    .unwrap_or("missing field")
                    .to_owned()
            } else {
                format!("unexpected type or value at `{path}`")
            }
        }
        serde_json::error::Category::Eof => "the body is empty or truncated".to_owned(),
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
            "the body is not JSON".to_owned()
        }
    };
    if let Some(content_type) = content_type {
        out.push_str(&format!(", content-type {}", one_line(content_type)));
    }
    out
}

impl DynTokenProvider for ClientCredentialsProvider {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>> {
        Box::pin(self.cache.get(|| self.fetch()))
    }
    fn invalidate_token(&self, rejected: &AccessToken) {
        self.cache.invalidate_token(rejected);
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCredentials")
            .field("app_id", &self.app_id)
            .field("api_key", &REDACTED)
            .field("token_url", &self.token_url.as_str())
            .field(
                "client_auth",
                &if self.auth_in_body {
                    "request body"
                } else {
                    "HTTP Basic"
                },
            )
            .finish()
    }
}

// ---------------------------------------------------------------------------
// Client::authenticate

impl crate::Client {
    /// Obtains an access token now instead of on the first private request,
    /// so that wrong credentials or a wrong token URL show up at start-up.
    ///
    /// With client credentials this makes the token request unless a cached
    /// token is still fresh; the token is then cached for the following
    /// requests. With a bearer token it succeeds at once; with a custom
    /// [`TokenProvider`] it calls [`TokenProvider::token`].
    ///
    /// # Errors
    ///
    /// [`AuthError::NoCredentials`] if the client was built without
    /// credentials, otherwise whatever the token request failed with.
    pub async fn authenticate(&self) -> Result<(), AuthError> {
        match &self.inner.auth {
            Some(provider) => provider.token().await.map(|_| ()),
            None => Err(AuthError::NoCredentials),
        }
    }
}
