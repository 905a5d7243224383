//! [`AccessToken`], the [`TokenProvider`] trait, and the token sources a
//! client can hold.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderValue;
use tokio::time::Instant;

use super::error::AuthError;
use crate::wire::REDACTED;

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
    /// `Bearer <secret>`, marked sensitive; `None` if the secret cannot be
    /// an HTTP header value.
    header: Option<HeaderValue>,
    expires_at: Option<Instant>,
}

// About 30 years: what `Instant + Duration::MAX` is clamped to.
const FAR_FUTURE: Duration = Duration::from_secs(86_400 * 365 * 30);

impl AccessToken {
    /// A token with no known expiry.
    pub fn new(secret: impl Into<String>) -> Self {
        let secret: Arc<str> = Arc::from(secret.into());
        let header = HeaderValue::try_from(format!("Bearer {secret}"))
            .ok()
            .map(|mut value| {
                value.set_sensitive(true);
                value
            });
        Self {
            secret,
            header,
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
        self.expires_at = Some(
            now.checked_add(lifetime)
                .or_else(|| now.checked_add(FAR_FUTURE))
                .unwrap_or(now),
        );
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

    /// The `Authorization` value, or why there is none.
    pub(crate) fn bearer_header(&self) -> Result<HeaderValue, AuthError> {
        self.header.clone().ok_or_else(|| {
            AuthError::provider(
                "the access token contains characters not allowed in an HTTP header",
            )
        })
    }

    pub(crate) fn same_secret(&self, other: &AccessToken) -> bool {
        self.secret == other.secret
    }
}

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

/// A source of access tokens for private operations.
///
/// The client calls [`token`](Self::token) before every authenticated
/// request (within the token load timeout,
/// [`ClientBuilder::token_load_timeout`](crate::ClientBuilder::token_load_timeout)),
/// so an implementation should cache its token; a `token()` that gives no
/// token in time fails the call with [`Error::Auth`](crate::Error::Auth)
/// (code `token_provider_error`), and nothing is sent. When the API rejects a token
/// the client calls [`invalidate_token`](Self::invalidate_token), asks for a
/// token again and, if it got a different one, resends the request once.
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

    /// Called when the API rejected `rejected`. The default calls
    /// [`invalidate`](Self::invalidate); override it to forget the token only
    /// if it is still the cached one.
    fn invalidate_token(&self, rejected: &AccessToken) {
        let _ = rejected;
        self.invalidate();
    }
}

pub(crate) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Object-safe form of the token sources a client can hold.
pub(crate) trait DynTokenProvider: Send + Sync + 'static {
    /// A fresh cached token, without waiting or allocating, if there is one.
    fn cached(&self) -> Option<AccessToken>;
    /// A token, fetching one if needed.
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>>;
    /// The API rejected `rejected`: forget it. Returns whether asking again
    /// may give another token (`false` for a fixed token, or when the
    /// rejected token is too young to replace: see the cache's docs).
    fn rejected(&self, rejected: &AccessToken) -> bool;
    /// Forgets any cached token.
    fn clear(&self);
    /// How much longer a failed fetch is handed out without a new try, if
    /// one is held: a retry waits at least that long.
    fn held_for(&self) -> Option<Duration> {
        None
    }
    /// Writes a redacted description for `Debug`.
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// Wraps a user's [`TokenProvider`], whose `token()` runs under the load
/// timeout (`Duration::MAX`: none).
pub(crate) struct CustomProvider<T> {
    pub(crate) provider: T,
    pub(crate) load_timeout: Duration,
}

impl<T: TokenProvider> DynTokenProvider for CustomProvider<T> {
    fn cached(&self) -> Option<AccessToken> {
        None
    }
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>> {
        let limit = self.load_timeout;
        if limit == Duration::MAX {
            return Box::pin(self.provider.token());
        }
        Box::pin(async move {
            match tokio::time::timeout(limit, self.provider.token()).await {
                Ok(result) => result,
                Err(_) => Err(AuthError::provider(format!(
                    "{} gave no token within the load timeout of {limit:?}",
                    std::any::type_name::<T>()
                ))),
            }
        })
    }
    fn rejected(&self, rejected: &AccessToken) -> bool {
        self.provider.invalidate_token(rejected);
        true
    }
    fn clear(&self) {
        self.provider.invalidate();
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TokenProvider({})", std::any::type_name::<T>())
    }
}

/// A fixed bearer token ([`ClientBuilder::bearer_token`](crate::ClientBuilder::bearer_token)).
pub(crate) struct StaticToken(pub(crate) AccessToken);

impl DynTokenProvider for StaticToken {
    fn cached(&self) -> Option<AccessToken> {
        Some(self.0.clone())
    }
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>> {
        let token = self.0.clone();
        Box::pin(async move { Ok(token) })
    }
    fn rejected(&self, _rejected: &AccessToken) -> bool {
        false
    }
    fn clear(&self) {}
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BearerToken({REDACTED})")
    }
}
