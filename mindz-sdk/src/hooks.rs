//! The one place that touches every request: authentication.
//!
//! Every generated operation builds its `reqwest::Request` and hands it to
//! `exec`, implemented here for [`Client`]. For each request:
//!
//! 1. The operation is looked up in [`OPERATIONS`](crate::OPERATIONS). Public
//!    operations (`auth: false`, the `/public/v1` ones) are sent without an
//!    `Authorization` header (one already on the request is removed).
//! 2. For private operations the client asks its token source for a token
//!    and sets `Authorization: Bearer <token>` (marked sensitive), but only
//!    if the request goes to the scheme, host and port of the configured
//!    base URL; a request to anywhere else is sent without it. A client
//!    built without credentials sends private requests without it too, and
//!    the API answers `401`.
//! 3. If the API answers `401` to an authenticated request (from the base
//!    URL's origin, not from where a redirect led), the token is
//!    invalidated, a new one is obtained and the request is resent **once**
//!    with it. A second `401` is returned as the response. The request is not
//!    resent if its body cannot be cloned (streams) or if the token source
//!    hands out the same token again (a fixed bearer token).
//!
//! # When no token can be obtained
//!
//! * A transport failure reaching the token endpoint (connection refused,
//!   timeout, …) is returned as that `reqwest::Error`, so the operation fails
//!   with [`SendError::CommunicationError`](crate::SendError::CommunicationError).
//! * Any other failure — the token endpoint answering with an OAuth2 error
//!   such as `invalid_client`, an unusable token answer, a failing custom
//!   [`TokenProvider`](crate::auth::TokenProvider) — becomes a **synthetic
//!   response** that never went over the network: status `401`, header
//!   [`AUTH_ERROR_HEADER`]`: <code>` and the JSON body
//!   `{"detail": "<readable message>", "error": "<code>", "error_description": "<description>"}`.
//!   The operation therefore fails with
//!   [`SendError::ErrorResponse`](crate::SendError::ErrorResponse) with status `401`
//!   and an [`ErrorBody`](crate::types::ErrorBody) whose `detail` reads like
//!   the [`AuthError`]'s `Display`. [`auth_error_code`] tells such an error
//!   apart from a real `401` from the API.
//! * Failures that are probably temporary ([`AuthError::is_transient`]: a
//!   `5xx` or `temporarily_unavailable` answer from the token endpoint, or a
//!   transport failure that several waiting requests share) get status `503`
//!   instead of `401`, with the same header and body.

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use reqwest::{ResponseBuilderExt as _, StatusCode};

use crate::Client;
use crate::auth::{AccessToken, AuthError};
use crate::operation::Operation;
use crate::state::ClientState;

/// Header on synthetic responses that the SDK makes up when it could not
/// obtain an access token; its value is the error code
/// ([`AuthError::code`], e.g. `invalid_client`). The Mindz API never sends it.
pub const AUTH_ERROR_HEADER: &str = "x-mindz-sdk-auth-error";

/// If `error` comes from a synthetic response the SDK made because it could
/// not obtain an access token, the error code it carries (for instance
/// `invalid_client`); `None` for any other error, including a real `401`
/// from the API.
///
/// ```no_run
/// # async fn f(client: &mindz_sdk::Client) {
/// match client.user_list().send().await {
///     Err(err) if mindz_sdk::hooks::auth_error_code(&err) == Some("invalid_client") => {
///         eprintln!("check MINDZ_APP_ID and MINDZ_API_KEY: {err}");
///     }
///     _ => {}
/// }
/// # }
/// ```
pub fn auth_error_code<E>(error: &progenitor_client::Error<E>) -> Option<&str> {
    match error {
        progenitor_client::Error::ErrorResponse(response) => response
            .headers()
            .get(AUTH_ERROR_HEADER)
            .and_then(|value| value.to_str().ok()),
        _ => None,
    }
}

impl progenitor_client::ClientHooks<ClientState> for Client {
    async fn exec(
        &self,
        request: reqwest::Request,
        info: &progenitor_client::OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        // Retries, timeouts and tracing (crate::retry) around one
        // authenticated attempt.
        crate::retry::execute(&self.inner.resilience, request, info, |request| {
            self.send_once(request, info.operation_id)
        })
        .await
    }
}

impl Client {
    /// Sends one request of operation `operation_id` with authentication
    /// (see the [module docs](self)): sets the bearer token for private
    /// operations and refreshes it once on `401`. This is the core that a
    /// retry layer wraps; it does not retry anything else.
    pub(crate) async fn send_once(
        &self,
        mut request: reqwest::Request,
        operation_id: &str,
    ) -> reqwest::Result<reqwest::Response> {
        // Unknown ids cannot come from generated code; treat them as private
        // (the token still goes only to the configured origin).
        let needs_auth = Operation::find(operation_id).is_none_or(|op| op.auth);
        let provider = match &self.inner.auth {
            Some(provider) if needs_auth && self.is_own_origin(request.url()) => provider,
            _ => {
                request.headers_mut().remove(AUTHORIZATION);
                return self.client.execute(request).await;
            }
        };

        let token = match provider.token().await {
            Ok(token) => token,
            Err(err) => return auth_failure(err, request.url()),
        };
        let resend = request.try_clone();
        if let Err(err) = set_bearer(&mut request, &token) {
            return auth_failure(err, request.url());
        }
        let response = self.client.execute(request).await?;
        // A 401 from elsewhere (after a redirect) says nothing about our token.
        if response.status() != StatusCode::UNAUTHORIZED || !self.is_own_origin(response.url()) {
            return Ok(response);
        }
        let Some(mut resend) = resend else {
            return Ok(response);
        };

        provider.invalidate_token(&token);
        let fresh = match provider.token().await {
            Ok(fresh) => fresh,
            Err(err) => return auth_failure(err, resend.url()),
        };
        if fresh.same_secret(&token) {
            // A fixed token: sending it again cannot help.
            return Ok(response);
        }
        // Read the small 401 body so the connection can be reused.
        let _ = response.bytes().await;
        if let Err(err) = set_bearer(&mut resend, &fresh) {
            return auth_failure(err, resend.url());
        }
        self.client.execute(resend).await
    }

    /// Whether `url` has the scheme, host and port of the base URL.
    fn is_own_origin(&self, url: &reqwest::Url) -> bool {
        // Fast path, taken by every request the generated code builds: no
        // parse of the base URL per request (see `starts_with_origin_of`).
        if starts_with_origin_of(&self.baseurl, url) {
            return true;
        }
        reqwest::Url::parse(&self.baseurl).is_ok_and(|base| {
            base.scheme() == url.scheme()
                && base.host_str() == url.host_str()
                && base.port_or_known_default() == url.port_or_known_default()
        })
    }
}

/// Whether the text of `base` starts with the origin of `url` written the
/// way the `url` crate writes it, `scheme://host[:port]`, followed by the
/// end, `/`, `?` or `#`. `url`'s host is already normalised, so when this
/// holds, parsing `base` gives `url`'s scheme, host and port; when it does
/// not (an unusual spelling of the base, or another origin), the caller
/// parses. The builder stores the base URL as the `url` crate serialised
/// it, so requests to it always take this path.
fn starts_with_origin_of(base: &str, url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let Some(mut rest) = base
        .strip_prefix(url.scheme())
        .and_then(|rest| rest.strip_prefix("://"))
        .and_then(|rest| rest.strip_prefix(host))
    else {
        return false;
    };
    if let Some(port) = url.port() {
        let Some(after) = rest.strip_prefix(':') else {
            return false;
        };
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if after[..digits].parse::<u16>() != Ok(port) {
            return false;
        }
        rest = &after[digits..];
    }
    rest.is_empty() || rest.starts_with(['/', '?', '#'])
}

fn set_bearer(request: &mut reqwest::Request, token: &AccessToken) -> Result<(), AuthError> {
    let mut value =
        HeaderValue::try_from(format!("Bearer {}", token.expose_secret())).map_err(|_| {
            AuthError::provider(
                "the access token contains characters not allowed in an HTTP header",
            )
        })?;
    value.set_sensitive(true);
    request.headers_mut().insert(AUTHORIZATION, value);
    Ok(())
}

/// Turns a token failure into what `exec` returns (see the module docs).
fn auth_failure(err: AuthError, url: &reqwest::Url) -> reqwest::Result<reqwest::Response> {
    let err = match err {
        AuthError::Transport {
            source: Some(source),
            ..
        } => return Err(source),
        other => other,
    };
    Ok(synthetic_response(&err, url))
}

fn synthetic_response(err: &AuthError, url: &reqwest::Url) -> reqwest::Response {
    let status = if err.is_transient() {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::UNAUTHORIZED
    };
    let code = err.code();
    let body = serde_json::json!({
        "detail": format!("Mindz SDK could not authenticate: {err}"),
        "error": code,
        "error_description": err.description(),
    });
    let body = serde_json::to_vec(&body).unwrap_or_default();
    let marker = HeaderValue::from_str(code)
        .unwrap_or_else(|_| HeaderValue::from_static("invalid_error_code"));
    let response = http::Response::builder()
        .status(status)
        .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
        .header(AUTH_ERROR_HEADER, marker.clone())
        .url(url.clone())
        .body(body.clone());
    match response {
        Ok(response) => reqwest::Response::from(response),
        // Cannot happen (all parts are valid); build it without the builder.
        Err(_) => {
            let mut response = http::Response::new(body);
            *response.status_mut() = status;
            response
                .headers_mut()
                .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            response.headers_mut().insert(AUTH_ERROR_HEADER, marker);
            reqwest::Response::from(response)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::TcpListener;
    use std::sync::mpsc;

    /// The fast origin check never says "same origin" where parsing the
    /// base URL would not, and takes the fast path for normalised bases.
    #[test]
    fn origin_fast_path_agrees_with_parsing() {
        let parsed = |base: &str, url: &reqwest::Url| {
            reqwest::Url::parse(base).is_ok_and(|b| {
                b.scheme() == url.scheme()
                    && b.host_str() == url.host_str()
                    && b.port_or_known_default() == url.port_or_known_default()
            })
        };
        let bases = [
            "https://escola.mindz.com.br/api",
            "https://escola.mindz.com.br",
            "https://escola.mindz.com.br:443/api",
            "https://ESCOLA.mindz.com.br/api",
            "https://escola.mindz.com.br.evil.example/api",
            "https://user:pw@escola.mindz.com.br/api",
            "http://127.0.0.1:8080/api",
            "http://127.0.0.1:08080/api",
            "http://127.0.0.1:80800/api",
            "http://127.0.0.1/api",
            "http://127.0.0.1:8080@evil.example/api",
            "http://[::1]:8080/api",
            "http://localhost:8080?x",
            "not a url",
        ];
        let urls = [
            "https://escola.mindz.com.br/api/v2/users/",
            "https://escola.mindz.com.br:8443/api/v2/users/",
            "http://escola.mindz.com.br/api/v2/users/",
            "https://escola.mindz.com.br.evil.example/api/v2/users/",
            "http://127.0.0.1:8080/api/v2/users/?limit=50",
            "http://127.0.0.1/api/v2/users/",
            "http://127.0.0.1:8081/api/v2/users/",
            "http://[::1]:8080/api/v2/users/",
            "http://localhost:8080/api",
        ];
        for base in bases {
            for url in urls {
                let url = reqwest::Url::parse(url).unwrap();
                if super::starts_with_origin_of(base, &url) {
                    assert!(parsed(base, &url), "{base} vs {url}");
                }
            }
        }
        for (base, url) in [
            ("https://escola.mindz.com.br/api", urls[0]),
            ("http://127.0.0.1:8080/api", urls[4]),
            ("http://[::1]:8080/api", urls[7]),
        ] {
            let url = reqwest::Url::parse(url).unwrap();
            assert!(super::starts_with_origin_of(base, &url), "{base} vs {url}");
        }
    }

    /// A one-request HTTP server on 127.0.0.1: answers `200` and hands back
    /// the request head (lower-cased).
    fn one_shot() -> (String, mpsc::Receiver<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut head = Vec::new();
            let mut buf = [0u8; 1024];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                let n = stream.read(&mut buf).unwrap();
                if n == 0 {
                    break;
                }
                head.extend_from_slice(&buf[..n]);
            }
            stream
                .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                .unwrap();
            tx.send(String::from_utf8_lossy(&head).to_lowercase())
                .unwrap();
        });
        (url, rx)
    }

    #[tokio::test]
    async fn the_token_goes_only_to_the_base_url_origin() {
        let (own, own_rx) = one_shot();
        let (other, other_rx) = one_shot();
        let (public, public_rx) = one_shot();
        let client = crate::Client::builder()
            .base_url(format!("{own}/api"))
            .bearer_token("tok-x")
            .build()
            .unwrap();
        let cases = [
            (own, own_rx, "user_list", true),
            (other, other_rx, "user_list", false),
            (public, public_rx, "public_stats_get", false),
        ];
        for (url, rx, operation, expect_token) in cases {
            let request = client
                .client
                .get(format!("{url}/api/v2/users/"))
                .header("authorization", "Bearer preset")
                .build()
                .unwrap();
            let response = client.send_once(request, operation).await.unwrap();
            assert_eq!(response.status(), 200);
            let head = rx.recv().unwrap();
            assert_eq!(
                head.contains("\r\nauthorization: bearer tok-x\r\n"),
                expect_token,
                "{head}"
            );
            assert!(!head.contains("preset"), "{head}");
        }
    }
}
