//! Authentication: access tokens, token providers and the OAuth2
//! client-credentials exchange.
//!
//! Private operations (`/v2/…`) carry `Authorization: Bearer <token>`, and
//! only to the base URL's origin. Public operations (`/public/v1/…`) never
//! carry credentials. Where the token comes from is chosen on the
//! [`ClientBuilder`](crate::ClientBuilder):
//!
//! * [`client_credentials(app_id, api_key)`](crate::ClientBuilder::client_credentials):
//!   the OAuth2 client-credentials grant with `client_id = APP_ID` and
//!   `client_secret = API_KEY` (the Mindz admin's *Configurações > API*),
//!   optionally with [`scopes`](crate::ClientBuilder::scopes). The token is
//!   fetched on the first private request (or by
//!   [`Client::authenticate`](crate::Client::authenticate)) and cached; the
//!   cache's rules (one detached refresh shared by every caller, its load
//!   timeout, the minimum refresh interval, failures held for a moment) are
//!   in the docs of [`DEFAULT_LOAD_TIMEOUT`], [`MIN_REFRESH_INTERVAL`] and
//!   [`FAILURE_HOLD`]. [`Client::invalidate_token`](crate::Client::invalidate_token)
//!   drops the cached token.
//! * [`bearer_token(token)`](crate::ClientBuilder::bearer_token): a token you
//!   obtained elsewhere, sent as is and never refreshed.
//! * [`token_provider(provider)`](crate::ClientBuilder::token_provider): your own
//!   [`TokenProvider`].
//!
//! When the API answers `401`, or `401`/`403` with
//! `WWW-Authenticate: Bearer error="invalid_token"`, the token is replaced
//! (if it is old enough, see [`MIN_REFRESH_INTERVAL`]) and the request sent
//! once more. When no token can be had, the call fails with
//! [`Error::Auth`](crate::Error::Auth), the same [`AuthError`] for every
//! caller that waited for the failed fetch.
//!
//! Secrets never appear in `Debug` or `Display` output: [`AccessToken`] and
//! every type holding the API key print `***`.
//!
//! The module is split by concern: `token` (the token type and provider
//! trait), `cache` (the shared refresh), `oauth2` (the exchange) and `error`.

mod cache;
mod error;
pub(crate) mod oauth2;
mod token;

use std::time::Duration;

pub use cache::{DEFAULT_LOAD_TIMEOUT, FAILURE_HOLD, MIN_REFRESH_INTERVAL};
pub use error::AuthError;
pub use token::{AccessToken, TokenProvider};
pub(crate) use token::{CustomProvider, DynTokenProvider, StaticToken};

/// Default for [`ClientBuilder::token_refresh_skew`](crate::ClientBuilder::token_refresh_skew):
/// a cached token is replaced this long before it expires.
pub const DEFAULT_TOKEN_REFRESH_SKEW: Duration = Duration::from_secs(60);
