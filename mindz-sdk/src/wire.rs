//! The bottom layer: wire constants, redaction helpers, the one
//! classification of a [`reqwest::Error`], and the one capped body reader.
//!
//! Every other hand-written module may use this one; it uses none of them.

use std::fmt;

use bytes::{Bytes, BytesMut};

/// What the SDK prints instead of a secret.
pub(crate) const REDACTED: &str = "***";

/// Response headers that may carry the id the server gave the request, in
/// the order they are looked up by [`crate::ApiError::request_id`].
pub const REQUEST_ID_HEADERS: &[&str] = &[
    "x-request-id",
    "x-amzn-requestid",
    "x-amz-request-id",
    "x-correlation-id",
    "request-id",
];

/// `text` on one line (control characters become spaces), cut to about
/// `max` characters with `…`.
pub(crate) fn one_line(text: &str, max: usize) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len().min(max + 3));
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

/// `url` without query, fragment, user name or password.
pub(crate) fn redact_url(url: &reqwest::Url) -> reqwest::Url {
    let mut url = url.clone();
    url.set_query(None);
    url.set_fragment(None);
    let _ = url.set_username("");
    let _ = url.set_password(None);
    url
}

/// `error` with the URL it carries redacted (see [`redact_url`]), so that
/// its `Display` and `Debug` hold no query value or credential.
pub(crate) fn redact_error(error: reqwest::Error) -> reqwest::Error {
    match error.url().map(redact_url) {
        Some(url) => error.with_url(url),
        None => error,
    }
}

/// A URL given as text, for messages: no user name, password, query or
/// fragment, even when the text does not parse as a URL.
pub(crate) fn redact_url_text(url: &str) -> String {
    let url = url.trim();
    if let Ok(parsed) = reqwest::Url::parse(url)
        && parsed.has_authority()
    {
        return redact_url(&parsed).to_string();
    }
    // Not a URL: cut at the query or fragment, and drop everything up to
    // the last `@` (a user name and password), keeping a `scheme://`.
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let url = &url[..end];
    let scheme = url.find("://").map_or("", |i| &url[..i + 3]);
    let rest = match url.rfind('@') {
        Some(at) => &url[at + 1..],
        None => &url[scheme.len()..],
    };
    one_line(&format!("{scheme}{rest}"), 200)
}

/// Whether `url` has the scheme, host and port of `base` (no allocation).
pub(crate) fn same_origin(base: &reqwest::Url, url: &reqwest::Url) -> bool {
    base.scheme() == url.scheme()
        && base.host_str() == url.host_str()
        && base.port_or_known_default() == url.port_or_known_default()
}

/// `scheme://host[:port]` of `url`: an origin for messages (no path, no query).
pub(crate) fn origin(url: &reqwest::Url) -> String {
    url.origin().ascii_serialization()
}

/// What went wrong below HTTP, in the one vocabulary that errors, retries
/// and traces share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportKind {
    /// The connection could not be made (refused, DNS, TLS handshake,
    /// connect timeout): the request never left.
    Connect,
    /// The request was sent, or may have been, and no complete answer came:
    /// reset, closed early, HTTP protocol error.
    Request,
    /// The answer's body broke off while it was read.
    Body,
    /// reqwest reported some other failure.
    Other,
}

impl TransportKind {
    /// The kind of `error`.
    pub(crate) fn of(error: &reqwest::Error) -> Self {
        if error.is_connect() {
            TransportKind::Connect
        } else if error.is_body() || error.is_decode() {
            TransportKind::Body
        } else if error.is_request() {
            TransportKind::Request
        } else {
            TransportKind::Other
        }
    }

    /// A short name: `connect`, `request`, `body` or `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            TransportKind::Connect => "connect",
            TransportKind::Request => "request",
            TransportKind::Body => "body",
            TransportKind::Other => "other",
        }
    }
}

impl fmt::Display for TransportKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TransportKind::Connect => "could not connect",
            TransportKind::Request => "the request failed",
            TransportKind::Body => "the response body broke off",
            TransportKind::Other => "transport error",
        })
    }
}

/// The innermost message of `error`'s source chain ("connection refused"),
/// on one line. reqwest's own outer messages hold the URL; this does not.
pub(crate) fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut current = error;
    while let Some(next) = current.source() {
        current = next;
    }
    one_line(&current.to_string(), 300)
}

/// `RequestBuilder::query` for an optional parameter: nothing at all when
/// it is `None` (reqwest's `query` rewrites the URL even to add nothing).
/// The generated `send()`s call it for every optional query parameter.
pub(crate) trait OptionalQuery {
    fn optional_query<T: serde::Serialize>(self, name: &str, value: &Option<T>) -> Self;
}

impl OptionalQuery for reqwest::RequestBuilder {
    fn optional_query<T: serde::Serialize>(self, name: &str, value: &Option<T>) -> Self {
        match value {
            Some(_) => self.query(&progenitor_client::QueryParam::new(name, value)),
            None => self,
        }
    }
}

/// A body read by [`read_capped`].
#[derive(Debug)]
pub(crate) struct CappedBody {
    /// At most the cap's bytes.
    pub(crate) bytes: Bytes,
    /// Whether the body was longer than the cap (the rest was not read).
    pub(crate) truncated: bool,
}

/// Reads at most `cap` bytes of `response`'s body, then stops: the rest is
/// never read (dropping the response closes the connection). A
/// `Content-Length` over the cap is known before reading anything.
///
/// A plain function returning one of two futures, not an `async fn`: an
/// `async fn` keeps its arguments twice (the parameter and its moved copy),
/// and this future sits inside every call's.
pub(crate) fn read_capped(
    mut response: reqwest::Response,
    cap: usize,
) -> impl Future<Output = Result<CappedBody, reqwest::Error>> + Send {
    use futures::future::{Either, FutureExt as _};
    let declared = response.content_length();
    if let Some(len) = declared
        && len <= cap as u64
    {
        // Fast path: reqwest collects a body of known, acceptable length.
        return Either::Left(response.bytes().map(move |read| {
            read.map(|bytes| CappedBody {
                truncated: bytes.len() > cap,
                bytes,
            })
        }));
    }
    Either::Right(async move {
        let mut buffer = BytesMut::new();
        let mut truncated = declared.is_some_and(|len| len > cap as u64);
        while !truncated && let Some(chunk) = response.chunk().await? {
            let room = cap - buffer.len();
            if chunk.len() > room {
                buffer.extend_from_slice(&chunk[..room]);
                truncated = true;
            } else {
                buffer.extend_from_slice(&chunk);
            }
        }
        Ok(CappedBody {
            bytes: buffer.freeze(),
            truncated,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_credentials_query_and_fragment() {
        let url: reqwest::Url = "https://user:secret@host.example:8443/api/v2/?email=a%40b#x"
            .parse()
            .unwrap();
        assert_eq!(
            redact_url(&url).as_str(),
            "https://host.example:8443/api/v2/"
        );
        assert_eq!(origin(&url), "https://host.example:8443");
        for text in [
            "https://user:secret@host.example/api?q=1",
            "https://user:secret@ho st/api?q=1",
            "user:secret@host/api#frag",
            "htps:/user:secret@/?q=secret",
        ] {
            let shown = redact_url_text(text);
            assert!(!shown.contains("secret"), "{text} -> {shown}");
            assert!(!shown.contains("q=1"), "{text} -> {shown}");
        }
        assert_eq!(
            redact_url_text("https://user:secret@ho st/api?q=1"),
            "https://ho st/api"
        );
    }

    #[test]
    fn origins() {
        let base: reqwest::Url = "https://escola.mindz.com.br/api".parse().unwrap();
        for (url, same) in [
            ("https://escola.mindz.com.br/api/v2/users/?limit=5", true),
            ("https://escola.mindz.com.br:443/other", true),
            ("https://ESCOLA.mindz.com.br/api", true),
            ("http://escola.mindz.com.br/api", false),
            ("https://escola.mindz.com.br:8443/api", false),
            ("https://escola.mindz.com.br.evil.example/api", false),
        ] {
            let url: reqwest::Url = url.parse().unwrap();
            assert_eq!(same_origin(&base, &url), same, "{url}");
        }
    }

    #[test]
    fn one_line_cuts_and_flattens() {
        assert_eq!(one_line(" a\nb\tc ", 10), "a b c");
        assert_eq!(one_line("abcdef", 3), "abc…");
    }
}
