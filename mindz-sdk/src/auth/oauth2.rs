//! The OAuth2 client-credentials exchange (`client_id = APP_ID`,
//! `client_secret = API_KEY`) behind a [`TokenCache`].

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use oauth2::TokenResponse as _;

use super::cache::{Fetch, TokenCache};
use super::error::AuthError;
use super::token::{AccessToken, BoxFuture, DynTokenProvider};
use crate::wire::{REDACTED, one_line, read_capped};

/// The most the SDK reads of a token endpoint's answer.
pub(crate) const TOKEN_BODY_CAP: usize = 64 * 1024;

type OAuthClient = oauth2::basic::BasicClient<
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointSet,
>;

/// How the exchange is configured (from the builder).
pub(crate) struct Settings {
    pub(crate) app_id: String,
    pub(crate) api_key: String,
    pub(crate) token_url: reqwest::Url,
    pub(crate) auth_in_body: bool,
    pub(crate) scopes: Vec<String>,
    pub(crate) skew: Duration,
    pub(crate) load_timeout: Duration,
}

/// Client credentials: the exchange and its cache.
pub(crate) struct ClientCredentials {
    exchange: Arc<Exchange>,
    cache: TokenCache,
}

impl ClientCredentials {
    pub(crate) fn new(settings: Settings, http: reqwest::Client) -> Self {
        let (skew, load_timeout) = (settings.skew, settings.load_timeout);
        let exchange = Arc::new(Exchange::new(settings, http));
        let cache = TokenCache::new(Arc::clone(&exchange) as Arc<dyn Fetch>, skew, load_timeout);
        Self { exchange, cache }
    }
}

impl DynTokenProvider for ClientCredentials {
    fn cached(&self) -> Option<AccessToken> {
        self.cache.cached()
    }
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>> {
        Box::pin(self.cache.get())
    }
    fn rejected(&self, rejected: &AccessToken) -> bool {
        self.cache.rejected(rejected)
    }
    fn clear(&self) {
        self.cache.clear();
    }
    fn held_for(&self) -> Option<Duration> {
        self.cache.held_for()
    }
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.exchange;
        f.debug_struct("ClientCredentials")
            .field("app_id", &e.app_id)
            .field("api_key", &REDACTED)
            .field("token_url", &e.token_url_text)
            .field("scopes", &e.scopes)
            .field(
                "client_auth",
                &if e.auth_in_body {
                    "request body"
                } else {
                    "HTTP Basic"
                },
            )
            .finish()
    }
}

/// One token request, no caching.
struct Exchange {
    app_id: String,
    api_key: oauth2::ClientSecret,
    /// The token URL for messages (no query, no credentials).
    token_url_text: String,
    auth_in_body: bool,
    scopes: Vec<String>,
    oauth: OAuthClient,
    http: reqwest::Client,
}

impl Exchange {
    fn new(settings: Settings, http: reqwest::Client) -> Self {
        let api_key = oauth2::ClientSecret::new(settings.api_key);
        let oauth = oauth2::basic::BasicClient::new(oauth2::ClientId::new(settings.app_id.clone()))
            .set_client_secret(api_key.clone())
            .set_auth_type(if settings.auth_in_body {
                oauth2::AuthType::RequestBody
            } else {
                oauth2::AuthType::BasicAuth
            })
            .set_token_uri(oauth2::TokenUrl::from_url(settings.token_url.clone()));
        Self {
            app_id: settings.app_id,
            api_key,
            token_url_text: crate::wire::redact_url(&settings.token_url).to_string(),
            auth_in_body: settings.auth_in_body,
            scopes: settings.scopes,
            oauth,
            http,
        }
    }

    /// Server-supplied text on one line, with any occurrence of the API key
    /// replaced.
    fn scrub(&self, text: &str) -> String {
        let secret = self.api_key.secret();
        let text = one_line(text, 500);
        if secret.is_empty() {
            text
        } else {
            text.replace(secret.as_str(), REDACTED)
        }
    }

    async fn request(&self) -> Result<AccessToken, AuthError> {
        // Status and content type of the answer, for messages: oauth2 does
        // not report them.
        let answer: Answer = Mutex::new(None);
        let send = OAuthHttp {
            http: &self.http,
            answer: &answer,
        };
        let mut exchange = self.oauth.exchange_client_credentials();
        for scope in &self.scopes {
            exchange = exchange.add_scope(oauth2::Scope::new(scope.clone()));
        }
        let result = exchange.request_async(&send).await;
        let (status, content_type) = answer
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
            .map_or((None, None), |(s, ct)| (Some(s), ct));
        match result {
            Ok(response) => {
                let secret = response.access_token().secret();
                if secret.is_empty() {
                    return Err(AuthError::invalid_response(
                        status,
                        "the access_token is empty".into(),
                    ));
                }
                let token = AccessToken::new(secret.as_str());
                if token.bearer_header().is_err() {
                    return Err(AuthError::invalid_response(
                        status,
                        "the access_token contains characters not allowed in an HTTP header".into(),
                    ));
                }
                Ok(match response.expires_in() {
                    Some(lifetime) => token.with_expires_in(lifetime),
                    None => token,
                })
            }
            Err(oauth2::RequestTokenError::ServerResponse(error)) => Err(AuthError::oauth2(
                status,
                self.scrub(error.error().as_ref()),
                error.error_description().map(|d| self.scrub(d)),
            )),
            Err(oauth2::RequestTokenError::Request(error)) => {
                Err(AuthError::transport(&self.token_url_text, error))
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
                            self.token_url_text
                        ),
                    }
                };
                Err(AuthError::invalid_response(status, reason))
            }
            Err(oauth2::RequestTokenError::Other(message)) => Err(AuthError::invalid_response(
                status,
                format!(
                    "{}; check the token URL {}",
                    self.scrub(&message),
                    self.token_url_text
                ),
            )),
        }
    }
}

impl Fetch for Exchange {
    fn fetch(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>> {
        Box::pin(self.request())
    }
    fn source(&self) -> &str {
        &self.token_url_text
    }
}

type Answer = Mutex<Option<(u16, Option<String>)>>;

/// oauth2's HTTP client, implemented with the SDK's reqwest client (which
/// follows no redirect); reads at most [`TOKEN_BODY_CAP`] of the answer and
/// records its status and content type in `answer`.
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
            let version = response.version();
            let headers = response.headers().clone();
            let content_type = headers
                .get(reqwest::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            *self.answer.lock().unwrap_or_else(PoisonError::into_inner) =
                Some((status.as_u16(), content_type));
            let body = read_capped(response, TOKEN_BODY_CAP).await?;
            let mut out = http::Response::new(body.bytes.to_vec());
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
        out.push_str(&format!(", content-type {}", one_line(content_type, 100)));
    }
    out
}
