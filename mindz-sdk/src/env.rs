//! Configuration from environment variables: [`Client::from_env`].
//!
//! | variable | meaning |
//! |---|---|
//! | `MINDZ_EAD_ID` | school id: base URL `https://<id>.mindz.com.br/api` |
//! | `MINDZ_BASE_URL` | full base URL instead of `MINDZ_EAD_ID` |
//! | `MINDZ_APP_ID` + `MINDZ_API_KEY` | OAuth2 client credentials |
//! | `MINDZ_ACCESS_TOKEN` | a fixed bearer token instead of the credentials |
//! | `MINDZ_TOKEN_URL` | token endpoint (optional; only with the credentials) |
//!
//! Exactly one of `MINDZ_EAD_ID`/`MINDZ_BASE_URL` and exactly one way to
//! authenticate are required. Values are trimmed; an empty value counts as
//! unset. Every error names the variables involved and never their secret
//! values.

use crate::Client;
use crate::client_builder::{
    BuildError, ClientBuilder, ead_id_base_url, parse_base_url, parse_token_url,
};

/// School id (subdomain of `mindz.com.br`).
pub const ENV_EAD_ID: &str = "MINDZ_EAD_ID";
/// Full API base URL.
pub const ENV_BASE_URL: &str = "MINDZ_BASE_URL";
/// OAuth2 `client_id`.
pub const ENV_APP_ID: &str = "MINDZ_APP_ID";
/// OAuth2 `client_secret`.
pub const ENV_API_KEY: &str = "MINDZ_API_KEY";
/// A fixed bearer token.
pub const ENV_ACCESS_TOKEN: &str = "MINDZ_ACCESS_TOKEN";
/// The OAuth2 token endpoint.
pub const ENV_TOKEN_URL: &str = "MINDZ_TOKEN_URL";

impl Client {
    /// Builds a client from the `MINDZ_*` environment variables (see the
    /// [`env`](crate::env) module).
    ///
    /// # Errors
    ///
    /// [`BuildError::MissingEnv`], [`BuildError::ConflictingEnv`] or
    /// [`BuildError::InvalidEnv`] naming the variables at fault.
    pub fn from_env() -> Result<Client, BuildError> {
        ClientBuilder::from_env()?.build()
    }

    /// Like [`from_env`](Self::from_env), reading variables through `lookup`
    /// (which returns `None` for an unset variable) instead of the process
    /// environment.
    ///
    /// ```
    /// let client = mindz_sdk::Client::from_lookup(|name| match name {
    ///     "MINDZ_EAD_ID" => Some("escola".to_owned()),
    ///     "MINDZ_ACCESS_TOKEN" => Some("token".to_owned()),
    ///     _ => None,
    /// });
    /// assert!(client.is_ok());
    /// ```
    ///
    /// # Errors
    ///
    /// As for [`from_env`](Self::from_env).
    pub fn from_lookup(lookup: impl FnMut(&str) -> Option<String>) -> Result<Client, BuildError> {
        ClientBuilder::from_lookup(lookup)?.build()
    }
}

impl ClientBuilder {
    /// A builder configured from the `MINDZ_*` environment variables, for
    /// adding more options (an HTTP client, a timeout, …) before
    /// [`build`](Self::build). A variable that is not valid UTF-8 is read
    /// lossily and then rejected as invalid.
    ///
    /// # Errors
    ///
    /// As for [`Client::from_env`].
    pub fn from_env() -> Result<ClientBuilder, BuildError> {
        Self::from_lookup(|name| {
            std::env::var_os(name).map(|value| value.to_string_lossy().into_owned())
        })
    }

    /// A builder configured from variables read through `lookup`. See
    /// [`Client::from_lookup`].
    ///
    /// # Errors
    ///
    /// As for [`Client::from_env`].
    pub fn from_lookup(
        mut lookup: impl FnMut(&str) -> Option<String>,
    ) -> Result<ClientBuilder, BuildError> {
        let mut get = |name: &str| {
            lookup(name)
                .map(|value| value.trim().to_owned())
                .filter(|value| !value.is_empty())
        };
        let ead_id = get(ENV_EAD_ID);
        let base_url = get(ENV_BASE_URL);
        let app_id = get(ENV_APP_ID);
        let api_key = get(ENV_API_KEY);
        let access_token = get(ENV_ACCESS_TOKEN);
        let token_url = get(ENV_TOKEN_URL);

        let invalid = |var: &'static str| {
            move |err: BuildError| BuildError::InvalidEnv {
                var,
                source: Box::new(err),
            }
        };

        let mut builder = ClientBuilder::default();
        builder = match (ead_id, base_url) {
            (Some(_), Some(_)) => {
                return Err(BuildError::ConflictingEnv {
                    vars: vec![ENV_EAD_ID, ENV_BASE_URL],
                });
            }
            (None, None) => {
                return Err(BuildError::MissingEnv {
                    vars: vec![ENV_EAD_ID, ENV_BASE_URL],
                    hint: "set MINDZ_EAD_ID (e.g. `escola`) or MINDZ_BASE_URL",
                });
            }
            (Some(ead_id), None) => {
                ead_id_base_url(&ead_id).map_err(invalid(ENV_EAD_ID))?;
                builder.ead_id(ead_id)
            }
            (None, Some(base_url)) => {
                parse_base_url(&base_url).map_err(invalid(ENV_BASE_URL))?;
                builder.base_url(base_url)
            }
        };

        let uses_bearer = access_token.is_some();
        builder = match (app_id, api_key, access_token) {
            (app_id, api_key, Some(_)) if app_id.is_some() || api_key.is_some() => {
                let mut vars = vec![ENV_ACCESS_TOKEN];
                if app_id.is_some() {
                    vars.push(ENV_APP_ID);
                }
                if api_key.is_some() {
                    vars.push(ENV_API_KEY);
                }
                return Err(BuildError::ConflictingEnv { vars });
            }
            (_, _, Some(token)) => {
                if reqwest::header::HeaderValue::from_str(&token).is_err() {
                    return Err(BuildError::InvalidEnv {
                        var: ENV_ACCESS_TOKEN,
                        source: Box::new(BuildError::InvalidBearerToken),
                    });
                }
                builder.bearer_token(token)
            }
            (Some(app_id), Some(api_key), None) => builder.client_credentials(app_id, api_key),
            (Some(_), None, None) => {
                return Err(BuildError::MissingEnv {
                    vars: vec![ENV_API_KEY],
                    hint: "MINDZ_APP_ID is set but MINDZ_API_KEY is not",
                });
            }
            (None, Some(_), None) => {
                return Err(BuildError::MissingEnv {
                    vars: vec![ENV_APP_ID],
                    hint: "MINDZ_API_KEY is set but MINDZ_APP_ID is not",
                });
            }
            (None, None, None) => {
                return Err(BuildError::MissingEnv {
                    vars: vec![ENV_APP_ID, ENV_API_KEY, ENV_ACCESS_TOKEN],
                    hint: "no credentials: set MINDZ_APP_ID and MINDZ_API_KEY, or MINDZ_ACCESS_TOKEN",
                });
            }
        };

        if let Some(token_url) = token_url {
            if uses_bearer {
                return Err(BuildError::ConflictingEnv {
                    vars: vec![ENV_TOKEN_URL, ENV_ACCESS_TOKEN],
                });
            }
            parse_token_url(&token_url).map_err(invalid(ENV_TOKEN_URL))?;
            builder = builder.token_url(token_url);
        }
        Ok(builder)
    }
}
