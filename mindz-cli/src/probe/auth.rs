//! Credentials of the probe, from the same `MINDZ_*` variables as
//! `mindz_sdk::Client::from_env()` (validated by the SDK's own
//! `ClientBuilder::from_lookup`), and the one request that is not a read:
//! the OAuth2 client-credentials token request to the token endpoint.

use std::fmt;

use mindz_sdk::env::{ENV_ACCESS_TOKEN, ENV_API_KEY, ENV_APP_ID, ENV_TOKEN_URL};
use mindz_sdk::{AccessToken, ClientInfo};
use serde_json::Value;
use tokio::sync::Mutex;

use super::limiter::Limiter;

/// Where the probe sends requests and how it authenticates.
pub struct Target {
    /// API base URL without a trailing `/`, e.g. `https://escola.mindz.com.br/api`.
    pub base_url: String,
    /// How to get a bearer token.
    pub credentials: Credentials,
}

/// How the probe gets a bearer token.
pub enum Credentials {
    /// `MINDZ_ACCESS_TOKEN`: used as is, never refreshed.
    Bearer(AccessToken),
    /// `MINDZ_APP_ID` + `MINDZ_API_KEY`: the client-credentials grant.
    ClientCredentials {
        /// Token endpoint.
        token_url: String,
        /// `client_id`.
        app_id: String,
        /// `client_secret`; never printed.
        api_key: AccessToken,
    },
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::Bearer(_) => f.write_str("Bearer(***)"),
            Credentials::ClientCredentials { token_url, .. } => {
                write!(
                    f,
                    "ClientCredentials(token_url: {token_url}, app id and key: ***)"
                )
            }
        }
    }
}

impl Target {
    /// Reads the configuration through `lookup` (`None` for an unset
    /// variable), as `Client::from_lookup` does.
    ///
    /// # Errors
    ///
    /// The SDK's configuration error, naming the variables at fault.
    pub fn from_lookup(mut lookup: impl FnMut(&str) -> Option<String>) -> Result<Target, String> {
        let mut get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let names = [
            mindz_sdk::env::ENV_EAD_ID,
            mindz_sdk::env::ENV_BASE_URL,
            ENV_APP_ID,
            ENV_API_KEY,
            ENV_ACCESS_TOKEN,
            ENV_TOKEN_URL,
        ];
        let values: Vec<(&str, Option<String>)> = names.iter().map(|n| (*n, get(n))).collect();
        let value = |name: &str| {
            values
                .iter()
                .find(|(n, _)| *n == name)
                .and_then(|(_, v)| v.clone())
        };
        let client = mindz_sdk::Client::from_lookup(|name| value(name))
            .map_err(|e| format!("configuration: {e}"))?;
        let base_url = client.baseurl().trim_end_matches('/').to_string();
        let credentials = match (
            value(ENV_ACCESS_TOKEN),
            value(ENV_APP_ID),
            value(ENV_API_KEY),
        ) {
            (Some(token), _, _) => Credentials::Bearer(AccessToken::new(token)),
            (None, Some(app_id), Some(api_key)) => Credentials::ClientCredentials {
                token_url: value(ENV_TOKEN_URL).unwrap_or_else(|| default_token_url(&base_url)),
                app_id,
                api_key: AccessToken::new(api_key),
            },
            _ => return Err("configuration: no credentials".to_string()),
        };
        Ok(Target {
            base_url,
            credentials,
        })
    }
}

/// `<scheme>://<host>[:port]/o/token/` of the base URL, as the SDK assumes.
fn default_token_url(base_url: &str) -> String {
    let after_scheme = base_url.find("://").map_or(0, |i| i + 3);
    let end = base_url[after_scheme..]
        .find('/')
        .map_or(base_url.len(), |i| after_scheme + i);
    format!("{}/o/token/", &base_url[..end])
}

/// Percent-encodes a form value (`application/x-www-form-urlencoded`).
fn form_encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The token in use, fetched lazily and refreshed at most when asked.
pub struct Tokens {
    credentials: Credentials,
    current: Mutex<Option<AccessToken>>,
}

impl Tokens {
    /// No token fetched yet.
    pub fn new(credentials: Credentials) -> Tokens {
        Tokens {
            credentials,
            current: Mutex::new(None),
        }
    }

    /// The current token, fetching one if there is none.
    ///
    /// # Errors
    ///
    /// The token request failed; the message has no secret.
    pub async fn get(
        &self,
        http: &reqwest::Client,
        limiter: &Limiter,
    ) -> Result<AccessToken, String> {
        let mut current = self.current.lock().await;
        if let Some(token) = current.as_ref().filter(|t| !t.is_expired()) {
            return Ok(token.clone());
        }
        let token = self.fetch(http, limiter).await?;
        *current = Some(token.clone());
        Ok(token)
    }

    /// Forgets `rejected` and gets a new token; `Ok(None)` when a new token
    /// cannot differ (a fixed bearer token).
    ///
    /// # Errors
    ///
    /// As for [`get`](Self::get).
    pub async fn refresh(
        &self,
        http: &reqwest::Client,
        limiter: &Limiter,
        rejected: &AccessToken,
    ) -> Result<Option<AccessToken>, String> {
        if matches!(self.credentials, Credentials::Bearer(_)) {
            return Ok(None);
        }
        {
            let mut current = self.current.lock().await;
            if current
                .as_ref()
                .is_some_and(|t| t.expose_secret() == rejected.expose_secret())
            {
                *current = None;
            }
        }
        let token = self.get(http, limiter).await?;
        Ok((token.expose_secret() != rejected.expose_secret()).then_some(token))
    }

    /// The client-credentials request (RFC 6749 §4.4), client
    /// authentication with HTTP Basic. The only POST the probe sends, and
    /// only to the token endpoint.
    async fn fetch(
        &self,
        http: &reqwest::Client,
        limiter: &Limiter,
    ) -> Result<AccessToken, String> {
        let (token_url, app_id, api_key) = match &self.credentials {
            Credentials::Bearer(token) => return Ok(token.clone()),
            Credentials::ClientCredentials {
                token_url,
                app_id,
                api_key,
            } => (token_url, app_id, api_key),
        };
        limiter.wait().await;
        let response = http
            .post(token_url.as_str())
            .basic_auth(
                form_encode(app_id),
                Some(form_encode(api_key.expose_secret())),
            )
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body("grant_type=client_credentials")
            .send()
            .await
            .map_err(|e| format!("token request to {token_url} failed: {}", e.without_url()))?;
        let status = response.status().as_u16();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        if status != 200 {
            let code = body
                .get("error")
                .and_then(Value::as_str)
                .unwrap_or("no OAuth2 error code");
            return Err(format!(
                "the token endpoint {token_url} answered {status} ({code})"
            ));
        }
        let secret = body
            .get("access_token")
            .and_then(Value::as_str)
            .ok_or_else(|| {
                format!("the token endpoint {token_url} answered without access_token")
            })?;
        let mut token = AccessToken::new(secret);
        if let Some(seconds) = body.get("expires_in").and_then(Value::as_u64) {
            token =
                token.with_expires_in(std::time::Duration::from_secs(seconds.saturating_sub(30)));
        }
        Ok(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(vars: &[(&str, &str)]) -> impl FnMut(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn reads_the_sdk_variables() {
        let t = Target::from_lookup(lookup(&[
            ("MINDZ_EAD_ID", "escola"),
            ("MINDZ_APP_ID", "app"),
            ("MINDZ_API_KEY", "very-secret"),
        ]))
        .unwrap();
        assert_eq!(t.base_url, "https://escola.mindz.com.br/api");
        let shown = format!("{:?}", t.credentials);
        assert!(
            shown.contains("https://escola.mindz.com.br/o/token/"),
            "{shown}"
        );
        assert!(!shown.contains("very-secret"));
        let t = Target::from_lookup(lookup(&[
            ("MINDZ_BASE_URL", "http://127.0.0.1:9/api"),
            ("MINDZ_ACCESS_TOKEN", "tok"),
        ]))
        .unwrap();
        assert_eq!(t.base_url, "http://127.0.0.1:9/api");
        assert!(matches!(t.credentials, Credentials::Bearer(_)));
    }

    #[test]
    fn configuration_errors_name_the_variables_not_the_secrets() {
        let e = Target::from_lookup(lookup(&[("MINDZ_API_KEY", "very-secret")]))
            .err()
            .unwrap();
        assert!(e.contains("MINDZ_EAD_ID"), "{e}");
        assert!(!e.contains("very-secret"));
    }

    #[test]
    fn encodes_form_values() {
        assert_eq!(form_encode("a b/c:é"), "a+b%2Fc%3A%C3%A9");
        assert_eq!(
            default_token_url("http://127.0.0.1:8/api"),
            "http://127.0.0.1:8/o/token/"
        );
    }
}
