//! The hand-written part of [`Client`]'s surface: where a client comes from
//! and what it can be asked besides the operations.

use std::future::Future;

use crate::auth::AuthError;
use crate::{Client, ClientBuilder};

/// Runs `call` with `id` as the invocation id of every SDK call it makes,
/// instead of a fresh UUID v4 per call: to tie a call to your own request
/// id, or to repeat a call under the id it had.
///
/// ```no_run
/// # async fn f(client: &mindz_sdk::Client) -> mindz_sdk::Result<()> {
/// let id = mindz_sdk::Uuid::new_v4();
/// let user = mindz_sdk::with_invocation_id(id, client.user_get().user_id(7).send()).await?;
/// # Ok(()) }
/// ```
pub async fn with_invocation_id<F: Future>(id: uuid::Uuid, call: F) -> F::Output {
    crate::pipeline::INVOCATION.scope(id, call).await
}

impl Client {
    /// Starts configuring a client. See [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// Obtains an access token now instead of on the first private request,
    /// so that wrong credentials or a wrong token URL show up at start-up.
    ///
    /// With client credentials this makes the token request unless a cached
    /// token is still fresh (the token is then cached for the following
    /// requests); with a bearer token it succeeds at once; with a custom
    /// [`TokenProvider`](crate::TokenProvider) it calls its `token()`.
    ///
    /// # Errors
    ///
    /// [`Error::Auth`](crate::Error::Auth): code `missing_credentials` if the
    /// client was built without credentials, otherwise what the token
    /// request failed with.
    pub async fn authenticate(&self) -> crate::Result<()> {
        match &self.inner.auth {
            Some(provider) => provider.token().await.map(|_| ()).map_err(Into::into),
            None => Err(AuthError::no_credentials().into()),
        }
    }

    /// Drops the cached access token (and any held token failure, and the
    /// refresh in flight, whose result is then not kept), so that the next
    /// private request fetches a new one: for example after
    /// rotating the API key. Clones of this client share the cache. Does
    /// nothing for a fixed bearer token.
    pub fn invalidate_token(&self) {
        if let Some(provider) = &self.inner.auth {
            provider.clear();
        }
    }
}
