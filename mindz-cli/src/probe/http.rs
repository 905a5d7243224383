//! The probe's HTTP client: it can only send [`ReadMethod`]s (GET and
//! OPTIONS; HEAD would be as safe but the probe needs none), one at a time
//! through the rate limiter, honouring `Retry-After`, and reads at most a
//! capped number of bytes of each answer. Redirects are not followed.
//!
//! The one other request of the probe is the token request, in `auth.rs`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde_json::Value;

use super::auth::Tokens;
use super::limiter::Limiter;

/// The methods the probe can send: nothing else can be expressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadMethod {
    /// GET.
    Get,
    /// OPTIONS.
    Options,
}

impl ReadMethod {
    fn to_reqwest(self) -> reqwest::Method {
        match self {
            ReadMethod::Get => reqwest::Method::GET,
            ReadMethod::Options => reqwest::Method::OPTIONS,
        }
    }
}

/// An answer's body, as far as the probe read it.
#[derive(Debug, Clone)]
pub enum Body {
    /// JSON (or YAML, for API documents), parsed.
    Json(Value),
    /// No body.
    Empty,
    /// Not JSON (e.g. Django's HTML 404 page); its content type.
    Other(String),
    /// Longer than the cap: not read to the end.
    TooLarge,
}

/// One answer.
#[derive(Debug, Clone)]
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// The `Allow` header, split into upper-case methods.
    pub allow: Option<Vec<String>>,
    /// The body.
    pub body: Body,
}

/// Why a request got no usable answer.
#[derive(Debug)]
pub enum Failure {
    /// The probe must stop: a 401 even with a fresh token, no token at all,
    /// or a school that keeps answering 429/503.
    Stop(String),
    /// Anything else, one line without values.
    Other(String),
}

/// The read-only client.
pub struct ReadOnlyClient {
    http: reqwest::Client,
    base_url: String,
    tokens: Tokens,
    limiter: Limiter,
    max_body: usize,
    sent: AtomicU64,
}

/// How many times a 429/503 with `Retry-After` is retried.
const MAX_RETRIES: u32 = 3;
/// The longest `Retry-After` the probe waits for.
const RETRY_AFTER_CAP: Duration = Duration::from_secs(120);

impl ReadOnlyClient {
    /// A client for `base_url`.
    ///
    /// # Errors
    ///
    /// TLS could not be set up.
    pub fn new(
        base_url: String,
        tokens: Tokens,
        limiter: Limiter,
        max_body: usize,
    ) -> Result<ReadOnlyClient, String> {
        let http = mindz_sdk::tls::reqwest_builder()
            .map_err(|e| format!("TLS setup failed: {e}"))?
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(60))
            .user_agent(concat!("mindz-probe/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(ReadOnlyClient {
            http,
            base_url,
            tokens,
            limiter,
            max_body,
            sent: AtomicU64::new(0),
        })
    }

    /// Requests sent so far (retries included, the token request not).
    pub fn sent(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    /// Sends `method` to `path` (already filled in, starting with `/`) under
    /// the base URL, with a bearer token unless `public`. Messages never
    /// contain the path: its ids come from answers.
    ///
    /// # Errors
    ///
    /// [`Failure::Stop`] on a 401 that a new token does not cure.
    pub async fn send(
        &self,
        method: ReadMethod,
        path: &str,
        query: &[(&str, String)],
        public: bool,
    ) -> Result<Answer, Failure> {
        let url = format!("{}{path}", self.base_url);
        let mut token = None;
        if !public {
            token = Some(
                self.tokens
                    .get(&self.http, &self.limiter)
                    .await
                    .map_err(Failure::Stop)?,
            );
        }
        let mut refreshed = false;
        let mut attempt = 0;
        loop {
            attempt += 1;
            self.limiter.wait().await;
            let mut request = self
                .http
                .request(method.to_reqwest(), &url)
                .query(query)
                .header(
                    "accept",
                    "application/json, application/vnd.oai.openapi+json;q=0.9, */*;q=0.1",
                );
            if let Some(t) = &token {
                request = request.bearer_auth(t.expose_secret());
            }
            self.sent.fetch_add(1, Ordering::Relaxed);
            let response = request
                .send()
                .await
                .map_err(|e| Failure::Other(transport_error(&e)))?;
            let status = response.status().as_u16();
            if status == 401 && !public && !refreshed {
                refreshed = true;
                let rejected = token
                    .clone()
                    .unwrap_or_else(|| mindz_sdk::AccessToken::new(""));
                match self
                    .tokens
                    .refresh(&self.http, &self.limiter, &rejected)
                    .await
                {
                    Ok(Some(new)) => {
                        token = Some(new);
                        continue;
                    }
                    Ok(None) => {}
                    Err(e) => return Err(Failure::Stop(e)),
                }
            }
            if status == 401 {
                return Err(Failure::Stop(
                    "answered 401, and a new token did not help".to_string(),
                ));
            }
            if status == 429 && attempt > MAX_RETRIES {
                return Err(Failure::Stop(format!(
                    "answered 429 {} times in a row",
                    MAX_RETRIES + 1
                )));
            }
            if (status == 429 || status == 503) && attempt <= MAX_RETRIES {
                let wait = retry_after(response.headers()).unwrap_or(Duration::from_secs(2));
                if wait > RETRY_AFTER_CAP {
                    return Err(Failure::Stop(format!(
                        "answered {status} with Retry-After over {}s",
                        RETRY_AFTER_CAP.as_secs()
                    )));
                }
                self.limiter
                    .hold_until(tokio::time::Instant::now() + wait)
                    .await;
                continue;
            }
            let allow = response
                .headers()
                .get("allow")
                .and_then(|v| v.to_str().ok())
                .map(|v| {
                    v.split(',')
                        .map(|m| m.trim().to_ascii_uppercase())
                        .filter(|m| !m.is_empty())
                        .collect()
                });
            let content_type = response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_ascii_lowercase();
            let body = read_body(response, self.max_body, &content_type).await?;
            return Ok(Answer {
                status,
                allow,
                body,
            });
        }
    }
}

/// A transport error in one line, without the URL (its query or path may
/// hold ids).
fn transport_error(e: &reqwest::Error) -> String {
    let what = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect"
    } else {
        "failed"
    };
    let mut source = std::error::Error::source(e);
    let mut cause = String::new();
    while let Some(s) = source {
        cause = s.to_string();
        source = s.source();
    }
    if cause.is_empty() {
        format!("request {what}")
    } else {
        format!("request {what}: {cause}")
    }
}

/// `Retry-After` in seconds or as an HTTP date.
pub fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers.get("retry-after")?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let delta = at.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(delta.to_std().unwrap_or(Duration::ZERO))
}

async fn read_body(
    mut response: reqwest::Response,
    max: usize,
    content_type: &str,
) -> Result<Body, Failure> {
    let mut bytes = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| Failure::Other(transport_error(&e)))?
    {
        if bytes.len() + chunk.len() > max {
            return Ok(Body::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    if bytes.is_empty() {
        return Ok(Body::Empty);
    }
    if content_type.contains("json") {
        return Ok(serde_json::from_slice(&bytes)
            .map(Body::Json)
            .unwrap_or_else(|_| Body::Other(format!("{content_type} that does not parse"))));
    }
    if (content_type.contains("yaml") || content_type.contains("openapi"))
        && let Ok(value) = serde_yaml_ng::from_slice::<Value>(&bytes)
    {
        return Ok(Body::Json(value));
    }
    let media = content_type.split(';').next().unwrap_or("").trim();
    Ok(Body::Other(if media.is_empty() {
        "no content type".to_string()
    } else {
        media.to_string()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_retry_after() {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert("retry-after", "7".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        h.insert(
            "retry-after",
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
        h.insert("retry-after", "soon".parse().unwrap());
        assert_eq!(retry_after(&h), None);
    }
}
