//! [`AuthError`]: why no access token could be had.

use std::error::Error as StdError;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::wire::one_line;

/// Why no access token could be obtained.
///
/// Every caller affected by one failed token fetch (the one that started it
/// and all that waited for it) gets a clone of the same error: same
/// [`code`](Self::code), same message. Cloning is cheap.
///
/// `Display` is one line naming the cause, with the OAuth2 error code and
/// description when the token endpoint sent them; it never contains the API
/// key, a token or the token URL's query.
///
/// ```no_run
/// # async fn f(client: &mindz_sdk::Client) {
/// match client.user_list().send().await {
///     Err(mindz_sdk::Error::Auth(e)) if e.code() == "invalid_client" => {
///         eprintln!("check MINDZ_APP_ID and MINDZ_API_KEY: {e}");
///     }
///     Err(mindz_sdk::Error::Auth(e)) if e.is_transient() => eprintln!("try again later: {e}"),
///     _ => {}
/// }
/// # }
/// ```
#[derive(Clone)]
pub struct AuthError {
    failure: Arc<Failure>,
    /// The call that met the failure (each caller's own).
    invocation: Option<uuid::Uuid>,
}

#[derive(Debug)]
pub(crate) enum Failure {
    /// The token endpoint answered with an OAuth2 error (RFC 6749 §5.2).
    OAuth2 {
        status: Option<u16>,
        code: String,
        description: Option<String>,
    },
    /// No answer from the token endpoint: connection failed, reset, or no
    /// answer within the load timeout.
    Transport {
        token_url: String,
        message: String,
        timeout: bool,
        source: Option<reqwest::Error>,
    },
    /// An answer that is neither a token nor an OAuth2 error.
    InvalidResponse { status: Option<u16>, reason: String },
    /// The client has no credentials.
    NoCredentials,
    /// A custom token provider failed.
    Provider {
        message: String,
        source: Option<Box<dyn StdError + Send + Sync>>,
    },
}

impl AuthError {
    pub(crate) fn new(failure: Failure) -> Self {
        AuthError {
            failure: Arc::new(failure),
            invocation: None,
        }
    }

    /// The same failure, for the call with invocation id `id`.
    pub(crate) fn for_invocation(mut self, id: uuid::Uuid) -> Self {
        self.invocation = Some(id);
        self
    }

    /// The invocation id of the call that met this failure, when it came
    /// from a call (not from [`Client::authenticate`](crate::Client::authenticate)).
    pub fn invocation_id(&self) -> Option<uuid::Uuid> {
        self.invocation
    }

    /// A failure of a custom [`TokenProvider`](crate::TokenProvider).
    pub fn provider(message: impl Into<String>) -> Self {
        Self::new(Failure::Provider {
            message: one_line(&message.into(), 500),
            source: None,
        })
    }

    /// A failure of a custom [`TokenProvider`](crate::TokenProvider), with its cause.
    pub fn provider_with_source(
        message: impl Into<String>,
        source: impl StdError + Send + Sync + 'static,
    ) -> Self {
        Self::new(Failure::Provider {
            message: one_line(&message.into(), 500),
            source: Some(Box::new(source)),
        })
    }

    pub(crate) fn oauth2(status: Option<u16>, code: String, description: Option<String>) -> Self {
        Self::new(Failure::OAuth2 {
            status,
            code,
            description,
        })
    }

    pub(crate) fn invalid_response(status: Option<u16>, reason: String) -> Self {
        Self::new(Failure::InvalidResponse { status, reason })
    }

    pub(crate) fn no_credentials() -> Self {
        Self::new(Failure::NoCredentials)
    }

    /// The token endpoint could not be reached (`error` from reqwest).
    pub(crate) fn transport(token_url: &str, error: reqwest::Error) -> Self {
        let what = crate::wire::TransportKind::of(&error);
        let timeout = error.is_timeout();
        let message = if timeout {
            format!("timed out: {}", crate::wire::root_cause(&error))
        } else {
            format!("{what}: {}", crate::wire::root_cause(&error))
        };
        let error = crate::wire::redact_error(error);
        Self::new(Failure::Transport {
            token_url: token_url.to_owned(),
            message,
            timeout,
            source: Some(error),
        })
    }

    /// The token fetch did not finish within the load timeout.
    pub(crate) fn load_timeout(token_url: &str, limit: Duration) -> Self {
        Self::new(Failure::Transport {
            token_url: token_url.to_owned(),
            message: format!("no token within the load timeout of {limit:?}"),
            timeout: true,
            source: None,
        })
    }

    /// The OAuth2 error code (`invalid_client`, `invalid_scope`, …) when the
    /// token endpoint sent one; otherwise the SDK's code:
    /// `token_endpoint_unreachable` (no answer, or none in time),
    /// `invalid_token_response`, `missing_credentials` or
    /// `token_provider_error`.
    pub fn code(&self) -> &str {
        match &*self.failure {
            Failure::OAuth2 { code, .. } => code,
            Failure::Transport { .. } => "token_endpoint_unreachable",
            Failure::InvalidResponse { .. } => "invalid_token_response",
            Failure::NoCredentials => "missing_credentials",
            Failure::Provider { .. } => "token_provider_error",
        }
    }

    /// The OAuth2 `error_description`, or the SDK's reason for the other
    /// failures.
    pub fn description(&self) -> Option<&str> {
        match &*self.failure {
            Failure::OAuth2 { description, .. } => description.as_deref(),
            Failure::Transport { message, .. } => Some(message),
            Failure::InvalidResponse { reason, .. } => Some(reason),
            Failure::NoCredentials => None,
            Failure::Provider { message, .. } => Some(message),
        }
    }

    /// HTTP status of the token endpoint's answer, when there was one.
    pub fn status(&self) -> Option<u16> {
        match &*self.failure {
            Failure::OAuth2 { status, .. } | Failure::InvalidResponse { status, .. } => *status,
            _ => None,
        }
    }

    /// Whether the token endpoint answered with an OAuth2 error.
    pub fn is_oauth2(&self) -> bool {
        matches!(&*self.failure, Failure::OAuth2 { .. })
    }

    /// Whether the credentials themselves are the problem (OAuth2
    /// `invalid_client`, `unauthorized_client`, `invalid_grant`, or none
    /// configured): retrying will not help.
    pub fn is_credentials_rejected(&self) -> bool {
        match &*self.failure {
            Failure::OAuth2 { code, .. } => matches!(
                code.as_str(),
                "invalid_client" | "unauthorized_client" | "invalid_grant"
            ),
            Failure::NoCredentials => true,
            _ => false,
        }
    }

    /// Whether the failure is probably temporary: no answer from the token
    /// endpoint, a `5xx`, or the OAuth2 codes `server_error` and
    /// `temporarily_unavailable`.
    pub fn is_transient(&self) -> bool {
        match &*self.failure {
            Failure::Transport { .. } => true,
            Failure::OAuth2 { status, code, .. } => {
                status.is_some_and(|s| s >= 500)
                    || matches!(code.as_str(), "server_error" | "temporarily_unavailable")
            }
            Failure::InvalidResponse { status, .. } => status.is_some_and(|s| s >= 500),
            Failure::NoCredentials | Failure::Provider { .. } => false,
        }
    }

    /// Whether the token endpoint gave no answer (code
    /// `token_endpoint_unreachable`).
    pub fn is_transport(&self) -> bool {
        matches!(&*self.failure, Failure::Transport { .. })
    }

    /// Whether the token endpoint gave no answer in time.
    pub fn is_timeout(&self) -> bool {
        matches!(&*self.failure, Failure::Transport { timeout: true, .. })
    }

    /// Whether `self` and `other` are clones of one failure.
    pub fn same_failure(&self, other: &AuthError) -> bool {
        Arc::ptr_eq(&self.failure, &other.failure)
    }
}

impl fmt::Debug for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthError")
            .field("code", &self.code())
            .field("status", &self.status())
            .field("description", &self.description())
            .finish()
    }
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.failure {
            Failure::OAuth2 {
                status,
                code,
                description,
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
            Failure::Transport {
                token_url, message, ..
            } => write!(f, "could not reach the token endpoint {token_url}: {message}"),
            Failure::InvalidResponse { status, reason } => {
                f.write_str("unusable answer from the token endpoint")?;
                if let Some(status) = status {
                    write!(f, " (HTTP {status})")?;
                }
                write!(f, ": {reason}")
            }
            Failure::NoCredentials => f.write_str(
                "no credentials configured: use client_credentials(..), bearer_token(..) or token_provider(..)",
            ),
            Failure::Provider { message, .. } => write!(f, "token provider failed: {message}"),
        }
    }
}

impl StdError for AuthError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match &*self.failure {
            Failure::Transport {
                source: Some(source),
                ..
            } => Some(source),
            Failure::Provider {
                source: Some(source),
                ..
            } => Some(source.as_ref()),
            _ => None,
        }
    }
}
