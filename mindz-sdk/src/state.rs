//! Per-client state shared by every request.

use std::fmt;
use std::sync::Arc;

use crate::auth::DynTokenProvider;

/// State carried by every [`crate::Client`]: where access tokens come from.
///
/// Built by [`ClientBuilder`](crate::ClientBuilder); clones of a client share
/// it, and with it the cached token. `Default` is a client without
/// credentials (public operations only). `Debug` never shows a secret.
#[derive(Clone, Default)]
pub struct ClientState {
    pub(crate) auth: Option<Arc<dyn DynTokenProvider>>,
    /// Retry policy, timeouts and jitter source (see [`crate::retry`]).
    pub(crate) resilience: crate::retry::Resilience,
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
        f.debug_struct("ClientState")
            .field("auth", &Auth(&self.auth))
            .field("resilience", &self.resilience)
            .finish()
    }
}
