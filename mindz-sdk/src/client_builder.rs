//! [`ClientBuilder`]: base URL, credentials, HTTP client and TLS in one place.
//!
//! ```no_run
//! # fn main() -> Result<(), mindz_sdk::BuildError> {
//! let client = mindz_sdk::Client::builder()
//!     .ead_id("escola") // https://escola.mindz.com.br/api
//!     .client_credentials("my-app-id", "my-api-key")
//!     .build()?;
//! # Ok(()) }
//! ```

use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::Client;
use crate::auth::oauth2::{ClientCredentials, Settings};
use crate::auth::{
    AccessToken, CustomProvider, DEFAULT_LOAD_TIMEOUT, DEFAULT_TOKEN_REFRESH_SKEW,
    DynTokenProvider, StaticToken, TokenProvider,
};
use crate::rate_limit::RateLimit;
use crate::retry::RetryPolicy;
use crate::state::{
    CallSettings, ClientState, DEFAULT_MAX_RESPONSE_BODY, DEFAULT_REQUEST_ID_HEADER,
};
use crate::wire::{REDACTED, redact_url_text as redact_url};

/// Default for [`ClientBuilder::timeout`].
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Connect timeout of the HTTP client that [`ClientBuilder::build`] makes.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Default `User-Agent`: `mindz-sdk-rust/<crate version>`.
pub const DEFAULT_USER_AGENT: &str = concat!("mindz-sdk-rust/", env!("CARGO_PKG_VERSION"));

type MakeProvider = Box<dyn FnOnce(Duration) -> Arc<dyn DynTokenProvider> + Send + Sync>;

/// Configures and builds a [`Client`].
///
/// A base URL is required: [`ead_id`](Self::ead_id) or
/// [`base_url`](Self::base_url). At most one authentication method may be
/// set: [`client_credentials`](Self::client_credentials),
/// [`bearer_token`](Self::bearer_token) or
/// [`token_provider`](Self::token_provider); with none, only the public
/// operations work. [`build`](Self::build) checks everything and says what is
/// wrong in a [`BuildError`].
///
/// `Debug` shows the configuration with the API key and tokens as `***`.
#[derive(Default)]
pub struct ClientBuilder {
    ead_id: Option<String>,
    base_url: Option<String>,
    token_url: Option<String>,
    credentials: Option<(String, String)>,
    bearer: Option<String>,
    /// A custom provider's type name, and how to wrap it once the load
    /// timeout is known.
    provider: Option<(&'static str, MakeProvider)>,
    http_client: Option<reqwest::Client>,
    timeout: Option<Duration>,
    user_agent: Option<String>,
    refresh_skew: Option<Duration>,
    auth_in_body: Option<bool>,
    retry: Option<RetryPolicy>,
    connect_timeout: Option<Duration>,
    deadline: Option<Duration>,
    scopes: Vec<String>,
    load_timeout: Option<Duration>,
    max_body: Option<usize>,
    request_id_header: Option<String>,
    roots: Vec<rustls::pki_types::CertificateDer<'static>>,
    proxy: Option<reqwest::Proxy>,
    rate_limit: Option<RateLimit>,
}

impl ClientBuilder {
    /// The school's Mindz id, the subdomain of `<ead_id>.mindz.com.br`: the
    /// base URL becomes `https://<ead_id>.mindz.com.br/api` and the default
    /// token URL `https://<ead_id>.mindz.com.br/o/token/`.
    /// Conflicts with [`base_url`](Self::base_url).
    pub fn ead_id(mut self, ead_id: impl Into<String>) -> Self {
        self.ead_id = Some(ead_id.into());
        self
    }

    /// The API base URL, e.g. `https://escola.mindz.com.br/api` (a trailing
    /// `/` is ignored). Must be `https`, except for loopback hosts
    /// (`127.0.0.0/8`, `::1`, `localhost`), where plain `http` is allowed for
    /// tests. Without [`token_url`](Self::token_url), the token URL is
    /// `<scheme>://<host>[:<port>]/o/token/` of this URL.
    /// Conflicts with [`ead_id`](Self::ead_id).
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// OAuth2 client credentials from the Mindz admin (*Configurações >
    /// API*): `client_id = APP_ID`, `client_secret = API_KEY`. Tokens are
    /// fetched from the [`token_url`](Self::token_url) with the
    /// client-credentials grant, cached and refreshed automatically.
    pub fn client_credentials(
        mut self,
        app_id: impl Into<String>,
        api_key: impl Into<String>,
    ) -> Self {
        self.credentials = Some((app_id.into(), api_key.into()));
        self
    }

    /// The OAuth2 token endpoint for [`client_credentials`](Self::client_credentials).
    ///
    /// Default: `https://<ead_id>.mindz.com.br/o/token/`, or
    /// `<scheme>://<host>[:<port>]/o/token/` of the [`base_url`](Self::base_url).
    /// **This default is an assumption** (a Django OAuth Toolkit convention),
    /// not confirmed by Mindz: set it if your token endpoint differs. Same
    /// `https` rule as the base URL.
    pub fn token_url(mut self, token_url: impl Into<String>) -> Self {
        self.token_url = Some(token_url.into());
        self
    }

    /// How the client credentials are sent to the token endpoint: `false`
    /// (default) uses HTTP Basic authentication (RFC 6749 §2.3.1, oauth2's
    /// default); `true` sends `client_id` and `client_secret` as form fields
    /// in the body. Which one Mindz expects is **not confirmed**.
    pub fn token_auth_in_body(mut self, in_body: bool) -> Self {
        self.auth_in_body = Some(in_body);
        self
    }

    /// A fixed access token obtained elsewhere, sent as
    /// `Authorization: Bearer <token>` and never refreshed.
    pub fn bearer_token(mut self, token: impl Into<String>) -> Self {
        self.bearer = Some(token.into());
        self
    }

    /// Your own source of access tokens. See [`TokenProvider`].
    pub fn token_provider<T: TokenProvider>(mut self, provider: T) -> Self {
        let make: MakeProvider = Box::new(move |load_timeout| {
            Arc::new(CustomProvider {
                provider,
                load_timeout,
            })
        });
        self.provider = Some((std::any::type_name::<T>(), make));
        self
    }

    /// Uses this `reqwest::Client` for the API and the token endpoint
    /// instead of building one. Build it from
    /// [`tls::reqwest_builder`](crate::tls::reqwest_builder) (it follows no
    /// redirect, which the SDK needs, and uses the SDK's TLS settings).
    /// Conflicts with [`connect_timeout`](Self::connect_timeout),
    /// [`user_agent`](Self::user_agent),
    /// [`add_root_certificate`](Self::add_root_certificate) and
    /// [`proxy`](Self::proxy): set those on your client. The SDK's
    /// own per-attempt [`timeout`](Self::timeout), retries and
    /// [`deadline`](Self::deadline) still apply; the per-attempt timeout is
    /// set on each request, so it replaces your client's own `timeout`
    /// (give `.timeout(Duration::MAX)` to keep yours instead).
    /// Do not give it a default `Authorization` header, and keep its
    /// redirects off (`reqwest::redirect::Policy::none()`, as
    /// `reqwest_builder` sets): a client that follows redirects itself
    /// would resend bodies and tokens before the SDK can refuse them.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// Time allowed for each attempt of a request. Default
    /// [`DEFAULT_TIMEOUT`] (30 s). One limit covers the whole attempt, from
    /// the moment it has its token: connecting, sending, reading the body,
    /// a resend with a fresh token after a `401`, and every redirect hop.
    /// An attempt that runs out of time fails with a timeout error
    /// ([`crate::error::Error::Timeout`], limit
    /// [`TimeoutLimit::Attempt`](crate::TimeoutLimit::Attempt)) and is
    /// retried as the [`retry`](Self::retry) policy allows; what bounds the
    /// whole call, every attempt and wait included, is the
    /// [`deadline`](Self::deadline). `Duration::MAX` means no limit (no
    /// timer at all).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Time allowed to establish a connection. Default [`CONNECT_TIMEOUT`]
    /// (10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Overall time allowed for a call, all attempts and the waits between
    /// them included (each attempt is bounded by [`timeout`](Self::timeout)).
    /// None by default. When it expires the call fails with a
    /// timeout error; a retry whose wait would run past it is not made (the
    /// last response or error is returned instead).
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// When and how failed requests are retried. Default
    /// [`RetryPolicy::default`] (3 attempts); [`RetryPolicy::none`] sends
    /// every request once.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Your application's name (and version) in the `User-Agent` header,
    /// before the SDK's own: `.user_agent("escola-sync/1.2")` sends
    /// `escola-sync/1.2 mindz-sdk-rust/<version>`. Default: the SDK's own,
    /// [`DEFAULT_USER_AGENT`].
    pub fn user_agent(mut self, application: impl Into<String>) -> Self {
        self.user_agent = Some(application.into());
        self
    }

    /// Trusts `certificate` (DER, e.g. `std::fs::read("corp-ca.der")?`)
    /// besides the platform's root certificates: for a corporate network
    /// whose proxy or gateway presents its own CA. May be called more than
    /// once.
    pub fn add_root_certificate(
        mut self,
        certificate: impl Into<rustls::pki_types::CertificateDer<'static>>,
    ) -> Self {
        self.roots.push(certificate.into());
        self
    }

    /// Sends every request (the token endpoint's too) through `proxy`,
    /// e.g. `reqwest::Proxy::https("http://proxy.corp:3128")?`. Without it,
    /// reqwest follows `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and
    /// `NO_PROXY` from the environment; with it, those are not read.
    pub fn proxy(mut self, proxy: reqwest::Proxy) -> Self {
        self.proxy = Some(proxy);
        self
    }

    /// OAuth2 scopes to ask for (`scope` on the token request), e.g.
    /// `["read"]`. None by default (the token endpoint's default scopes).
    /// Only for [`client_credentials`](Self::client_credentials).
    pub fn scopes<S: Into<String>>(mut self, scopes: impl IntoIterator<Item = S>) -> Self {
        self.scopes = scopes.into_iter().map(Into::into).collect();
        self
    }

    /// The longest a token fetch may take, default [`DEFAULT_LOAD_TIMEOUT`]
    /// (5 s). The fetch runs on its own, shared by every caller that needs a
    /// token, and is not bound by a caller's per-attempt timeout, deadline
    /// or cancellation; when this expires every waiting caller gets
    /// [`Error::Auth`](crate::Error::Auth) with code
    /// `token_endpoint_unreachable`. `Duration::MAX` means no limit. A
    /// custom [`token_provider`](Self::token_provider)'s `token()` runs
    /// under it too (failing with code `token_provider_error`); a fixed
    /// [`bearer_token`](Self::bearer_token) needs no time.
    pub fn token_load_timeout(mut self, timeout: Duration) -> Self {
        self.load_timeout = Some(timeout);
        self
    }

    /// The largest success body the client reads, default
    /// [`DEFAULT_MAX_RESPONSE_BODY`] (64 MiB). A larger body fails with
    /// [`Error::BodyTooLarge`](crate::Error::BodyTooLarge), which names the
    /// limit, without being read past it.
    pub fn max_response_body(mut self, bytes: usize) -> Self {
        self.max_body = Some(bytes);
        self
    }

    /// The header that carries each call's invocation id (a UUID v4, the
    /// same on every attempt of the call), default
    /// [`DEFAULT_REQUEST_ID_HEADER`] (`X-Request-ID`). Mindz keeps request
    /// logs per API credential; the id is in every error's `Display` and in
    /// the `mindz.request` span, so a failed call can be found there.
    pub fn request_id_header(mut self, name: impl Into<String>) -> Self {
        self.request_id_header = Some(name.into());
        self
    }

    /// How the client paces its requests when the API throttles (`429`),
    /// shared by the client and its clones. Default
    /// [`RateLimit::adaptive`]: off until the first throttled answer, then
    /// every caller waits out `Retry-After` and requests are paced at the
    /// rate the server accepts; [`RateLimit::fixed`] paces from the start;
    /// [`RateLimit::off`] sends every request at once. See
    /// [`crate::rate_limit`] for what waits and what fails.
    pub fn rate_limit(mut self, rate_limit: RateLimit) -> Self {
        self.rate_limit = Some(rate_limit);
        self
    }

    /// How long before its expiry a cached token is replaced. Default
    /// [`DEFAULT_TOKEN_REFRESH_SKEW`] (60 s), capped at half the token's
    /// lifetime. Only for [`client_credentials`](Self::client_credentials).
    pub fn token_refresh_skew(mut self, skew: Duration) -> Self {
        self.refresh_skew = Some(skew);
        self
    }

    /// Checks the configuration and builds the client.
    ///
    /// # Errors
    ///
    /// A [`BuildError`] naming the first problem found.
    pub fn build(self) -> Result<Client, BuildError> {
        let base = match (&self.ead_id, &self.base_url) {
            (Some(_), Some(_)) => return Err(BuildError::ConflictingBaseUrl),
            (None, None) => return Err(BuildError::MissingBaseUrl),
            (Some(ead_id), None) => ead_id_base_url(ead_id)?,
            (None, Some(url)) => parse_base_url(url)?,
        };

        let mut methods = Vec::new();
        if self.credentials.is_some() {
            methods.push("client_credentials");
        }
        if self.bearer.is_some() {
            methods.push("bearer_token");
        }
        if self.provider.is_some() {
            methods.push("token_provider");
        }
        if methods.len() > 1 {
            return Err(BuildError::ConflictingAuth { methods });
        }
        if self.credentials.is_none() {
            let unused = [
                ("token_url", self.token_url.is_some()),
                ("token_auth_in_body", self.auth_in_body.is_some()),
                ("token_refresh_skew", self.refresh_skew.is_some()),
                ("scopes", !self.scopes.is_empty()),
            ];
            if let Some((option, _)) = unused.iter().find(|(_, set)| *set) {
                return Err(BuildError::NeedsClientCredentials { option });
            }
        }
        if self.http_client.is_some() {
            if self.connect_timeout.is_some() {
                return Err(BuildError::ConflictsWithHttpClient {
                    option: "connect_timeout",
                });
            }
            let set = [
                ("user_agent", self.user_agent.is_some()),
                ("add_root_certificate", !self.roots.is_empty()),
                ("proxy", self.proxy.is_some()),
            ];
            if let Some((option, _)) = set.iter().find(|(_, set)| *set) {
                return Err(BuildError::ConflictsWithHttpClient { option });
            }
        }

        // The SDK's one timer per attempt: reqwest's own, set on the SDK's
        // client, or on each request sent through a caller's client.
        let attempt_timeout =
            Some(self.timeout.unwrap_or(DEFAULT_TIMEOUT)).filter(|limit| *limit != Duration::MAX);
        let timeout_on_client = self.http_client.is_none();
        // The API's client, and the token endpoint's: the same caller's
        // client, or two of the SDK's, the token one without the
        // per-attempt timeout (a refresh has its own load timeout).
        let (http, token_http) = match self.http_client {
            Some(client) => (client.clone(), client),
            None => {
                let user_agent = match &self.user_agent {
                    Some(application) => reqwest::header::HeaderValue::try_from(format!(
                        "{} {DEFAULT_USER_AGENT}",
                        application.trim()
                    )),
                    None => Ok(reqwest::header::HeaderValue::from_static(
                        DEFAULT_USER_AGENT,
                    )),
                }
                .map_err(|_| BuildError::InvalidUserAgent)?;
                let connect_timeout = self.connect_timeout.unwrap_or(CONNECT_TIMEOUT);
                let tls = crate::tls::config_with_roots(self.roots)
                    .map_err(|err| BuildError::Tls(err.to_string()))?;
                let proxy = self.proxy;
                let builder = || -> Result<reqwest::ClientBuilder, BuildError> {
                    let builder = crate::tls::with_config(tls.clone())
                        .connect_timeout(connect_timeout)
                        .user_agent(user_agent.clone());
                    Ok(match &proxy {
                        Some(proxy) => builder.proxy(proxy.clone()),
                        None => builder,
                    })
                };
                let http = match attempt_timeout {
                    Some(limit) => builder()?.timeout(limit),
                    None => builder()?,
                }
                .build()
                .map_err(BuildError::HttpClient)?;
                let token_http = if attempt_timeout.is_some() && self.credentials.is_some() {
                    builder()?.build().map_err(BuildError::HttpClient)?
                } else {
                    http.clone()
                };
                (http, token_http)
            }
        };

        let auth: Option<Arc<dyn DynTokenProvider>> =
            match (self.credentials, self.bearer, self.provider) {
                (Some((app_id, api_key)), None, None) => {
                    if app_id.trim().is_empty() {
                        return Err(BuildError::EmptyCredential { field: "app_id" });
                    }
                    if api_key.is_empty() {
                        return Err(BuildError::EmptyCredential { field: "api_key" });
                    }
                    let token_url = match &self.token_url {
                        Some(url) => parse_token_url(url)?,
                        None => default_token_url(&base)?,
                    };
                    let settings = Settings {
                        app_id,
                        api_key,
                        token_url,
                        auth_in_body: self.auth_in_body.unwrap_or(false),
                        scopes: self.scopes,
                        skew: self.refresh_skew.unwrap_or(DEFAULT_TOKEN_REFRESH_SKEW),
                        load_timeout: self.load_timeout.unwrap_or(DEFAULT_LOAD_TIMEOUT),
                    };
                    Some(Arc::new(ClientCredentials::new(settings, token_http)))
                }
                (None, Some(token), None) => {
                    if token.is_empty() {
                        return Err(BuildError::EmptyCredential {
                            field: "bearer_token",
                        });
                    }
                    if reqwest::header::HeaderValue::from_str(&token).is_err() {
                        return Err(BuildError::InvalidBearerToken);
                    }
                    Some(Arc::new(StaticToken(AccessToken::new(token))))
                }
                (None, None, Some((_, make))) => {
                    Some(make(self.load_timeout.unwrap_or(DEFAULT_LOAD_TIMEOUT)))
                }
                _ => None,
            };

        let request_id_header = self
            .request_id_header
            .as_deref()
            .unwrap_or(DEFAULT_REQUEST_ID_HEADER);
        let request_id_header = reqwest::header::HeaderName::try_from(request_id_header)
            .map_err(|_| BuildError::InvalidRequestIdHeader)?;
        let rate_limit = self.rate_limit.unwrap_or_default();
        if !rate_limit.is_valid() {
            return Err(BuildError::InvalidRateLimit);
        }
        let calls = CallSettings::new(
            base.clone(),
            self.retry.unwrap_or_default(),
            attempt_timeout,
            timeout_on_client,
            self.deadline,
            self.max_body.unwrap_or(DEFAULT_MAX_RESPONSE_BODY),
            request_id_header,
        )
        .with_rate_limit(rate_limit);
        let base = base.as_str().trim_end_matches('/').to_owned();
        Ok(Client::new_with_client(
            &base,
            http,
            ClientState {
                auth,
                calls: Arc::new(calls),
            },
        ))
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("ead_id", &self.ead_id)
            .field("base_url", &self.base_url.as_deref().map(redact_url))
            .field("token_url", &self.token_url.as_deref().map(redact_url))
            .field(
                "credentials",
                &self
                    .credentials
                    .as_ref()
                    .map(|(app_id, _)| format!("app_id={app_id}, api_key={REDACTED}")),
            )
            .field("bearer_token", &self.bearer.as_ref().map(|_| REDACTED))
            .field(
                "token_provider",
                &self
                    .provider
                    .as_ref()
                    .map(|(name, _)| format!("TokenProvider({name})")),
            )
            .field("http_client", &self.http_client.is_some())
            .field("timeout", &self.timeout)
            .field("user_agent", &self.user_agent)
            .field("token_refresh_skew", &self.refresh_skew)
            .field("token_auth_in_body", &self.auth_in_body)
            .field("retry", &self.retry)
            .field("connect_timeout", &self.connect_timeout)
            .field("deadline", &self.deadline)
            .field("scopes", &self.scopes)
            .field("token_load_timeout", &self.load_timeout)
            .field("max_response_body", &self.max_body)
            .field("request_id_header", &self.request_id_header)
            .field("extra_root_certificates", &self.roots.len())
            // A proxy URL may hold a password: only whether one is set.
            .field("proxy", &self.proxy.is_some())
            .field("rate_limit", &self.rate_limit)
            .finish()
    }
}

/// What is wrong with a [`ClientBuilder`] configuration or with the
/// environment read by [`Client::from_env`].
///
/// Messages name the option or variable at fault and never contain secrets.
#[derive(Debug)]
#[non_exhaustive]
pub enum BuildError {
    /// Neither `ead_id` nor `base_url` was set.
    MissingBaseUrl,
    /// Both `ead_id` and `base_url` were set.
    ConflictingBaseUrl,
    /// The `ead_id` is not a valid subdomain.
    InvalidEadId {
        /// The value given.
        ead_id: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A URL could not be used.
    InvalidUrl {
        /// `base_url` or `token_url`.
        option: &'static str,
        /// The value given, without user name, password, query or fragment.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A URL uses plain `http` for a host that is not loopback.
    InsecureUrl {
        /// `base_url` or `token_url`.
        option: &'static str,
        /// The value given.
        url: String,
    },
    /// More than one authentication method was set.
    ConflictingAuth {
        /// The methods set, e.g. `["client_credentials", "bearer_token"]`.
        methods: Vec<&'static str>,
    },
    /// An option that only applies to client credentials was set without them.
    NeedsClientCredentials {
        /// `token_url`, `token_auth_in_body`, `token_refresh_skew` or `scopes`.
        option: &'static str,
    },
    /// An option that configures the HTTP client was set together with
    /// [`ClientBuilder::http_client`].
    ConflictsWithHttpClient {
        /// `connect_timeout`, `user_agent`, `add_root_certificate` or `proxy`.
        option: &'static str,
    },
    /// A credential is empty.
    EmptyCredential {
        /// `app_id`, `api_key` or `bearer_token`.
        field: &'static str,
    },
    /// The bearer token contains characters not allowed in an HTTP header.
    InvalidBearerToken,
    /// The user agent contains characters not allowed in an HTTP header.
    InvalidUserAgent,
    /// The request id header is not a valid HTTP header name.
    InvalidRequestIdHeader,
    /// [`RateLimit::fixed`] was given a rate that is not a positive finite
    /// number.
    InvalidRateLimit,
    /// The TLS configuration could not be built.
    Tls(String),
    /// reqwest could not build the HTTP client.
    HttpClient(reqwest::Error),
    /// Required environment variables are not set (empty counts as not set).
    MissingEnv {
        /// The variables, any of which (or the group of which) would do.
        vars: Vec<&'static str>,
        /// What to set.
        hint: &'static str,
    },
    /// Environment variables that exclude each other are both set.
    ConflictingEnv {
        /// The variables in conflict.
        vars: Vec<&'static str>,
    },
    /// An environment variable has an unusable value.
    InvalidEnv {
        /// The variable.
        var: &'static str,
        /// What is wrong with its value.
        source: Box<BuildError>,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::MissingBaseUrl => f.write_str(
                "no base URL: call .ead_id(\"your-school\") or .base_url(\"https://your-school.mindz.com.br/api\")",
            ),
            BuildError::ConflictingBaseUrl => {
                f.write_str("both ead_id and base_url are set: use only one")
            }
            BuildError::InvalidEadId { ead_id, reason } => {
                write!(f, "invalid ead_id `{ead_id}`: {reason}")
            }
            BuildError::InvalidUrl {
                option,
                url,
                reason,
            } => write!(f, "invalid {option} `{url}`: {reason}"),
            BuildError::InsecureUrl { option, url } => write!(
                f,
                "{option} `{url}` uses plain http on a host that is not loopback: use https (http is allowed only for 127.0.0.0/8, ::1 and localhost)"
            ),
            BuildError::ConflictingAuth { methods } => write!(
                f,
                "more than one authentication method is set ({}): choose one",
                methods.join(", ")
            ),
            BuildError::NeedsClientCredentials { option } => write!(
                f,
                "{option} only applies to client_credentials authentication, which is not configured"
            ),
            BuildError::ConflictsWithHttpClient { option } => write!(
                f,
                "{option} cannot be combined with http_client: configure it on your reqwest::Client"
            ),
            BuildError::EmptyCredential { field } => write!(f, "{field} is empty"),
            BuildError::InvalidBearerToken => f.write_str(
                "bearer_token contains characters not allowed in an HTTP header",
            ),
            BuildError::InvalidUserAgent => f.write_str(
                "user_agent contains characters not allowed in an HTTP header",
            ),
            BuildError::InvalidRequestIdHeader => {
                f.write_str("request_id_header is not a valid HTTP header name")
            }
            BuildError::InvalidRateLimit => f.write_str(
                "rate_limit: a fixed rate must be a positive, finite number of requests per second",
            ),
            BuildError::Tls(message) => write!(f, "cannot configure TLS: {message}"),
            BuildError::HttpClient(err) => write!(f, "cannot build the HTTP client: {err}"),
            BuildError::MissingEnv { hint, .. } => {
                write!(f, "missing environment variable: {hint}")
            }
            BuildError::ConflictingEnv { vars } => write!(
                f,
                "conflicting environment variables {}: set only one",
                vars.join(" and ")
            ),
            BuildError::InvalidEnv { var, source } => write!(f, "{var}: {source}"),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::HttpClient(err) => Some(err),
            BuildError::InvalidEnv { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------
// URL checks, shared with env.rs

/// `https://<ead_id>.mindz.com.br/api`, after checking that `ead_id` is one
/// DNS label.
pub(crate) fn ead_id_base_url(ead_id: &str) -> Result<reqwest::Url, BuildError> {
    let invalid = |reason| BuildError::InvalidEadId {
        ead_id: ead_id.to_owned(),
        reason,
    };
    if ead_id.is_empty() {
        return Err(invalid("it is empty"));
    }
    if ead_id.contains('.') || ead_id.contains('/') || ead_id.contains(':') {
        return Err(invalid(
            "give only the subdomain (`escola` for escola.mindz.com.br), or use base_url",
        ));
    }
    if ead_id.len() > 63 {
        return Err(invalid("it is longer than 63 characters"));
    }
    if !ead_id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(invalid(
            "only ASCII letters, digits and '-' are allowed in a subdomain",
        ));
    }
    if ead_id.starts_with('-') || ead_id.ends_with('-') {
        return Err(invalid("a subdomain cannot start or end with '-'"));
    }
    let url = format!("https://{}.mindz.com.br/api", ead_id.to_ascii_lowercase());
    reqwest::Url::parse(&url).map_err(|err| invalid_url("base_url", &url, err.to_string()))
}

pub(crate) fn parse_base_url(url: &str) -> Result<reqwest::Url, BuildError> {
    let parsed = parse_http_url("base_url", url)?;
    if parsed.query().is_some() {
        return Err(invalid_url(
            "base_url",
            url,
            "it must not have a query".into(),
        ));
    }
    Ok(parsed)
}

pub(crate) fn parse_token_url(url: &str) -> Result<reqwest::Url, BuildError> {
    let parsed = parse_http_url("token_url", url)?;
    if parsed.query().is_some() {
        return Err(invalid_url(
            "token_url",
            url,
            "it must not have a query".into(),
        ));
    }
    Ok(parsed)
}

/// `<scheme>://<host>[:<port>]/o/token/` of the base URL.
fn default_token_url(base: &reqwest::Url) -> Result<reqwest::Url, BuildError> {
    base.join("/o/token/")
        .map_err(|err| invalid_url("token_url", base.as_str(), err.to_string()))
}

fn parse_http_url(option: &'static str, url: &str) -> Result<reqwest::Url, BuildError> {
    let parsed =
        reqwest::Url::parse(url.trim()).map_err(|err| invalid_url(option, url, err.to_string()))?;
    match parsed.scheme() {
        "https" => {}
        "http" => {
            if !is_loopback(&parsed) {
                return Err(BuildError::InsecureUrl {
                    option,
                    url: redact_url(url),
                });
            }
        }
        other => {
            return Err(invalid_url(
                option,
                url,
                format!("scheme `{other}` is not http or https"),
            ));
        }
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(invalid_url(option, url, "it has no host".into()));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(invalid_url(
            option,
            url,
            "it must not contain a user name or password".into(),
        ));
    }
    if parsed.fragment().is_some() {
        return Err(invalid_url(
            option,
            url,
            "it must not have a fragment".into(),
        ));
    }
    Ok(parsed)
}

fn is_loopback(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    // IPv6 hosts come in brackets: `[::1]`.
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn invalid_url(option: &'static str, url: &str, reason: String) -> BuildError {
    BuildError::InvalidUrl {
        option,
        url: redact_url(url),
        reason,
    }
}
