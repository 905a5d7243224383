//! Requests the schema does not describe: [`Client::request`] and
//! [`RawRequest`], through the same pipeline as every generated call.

use std::collections::BTreeMap;
use std::sync::Mutex;

use bytes::Bytes;
use reqwest::Method;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderValue};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::operation::Operation;
use crate::options::CallOptions;
use crate::{Client, ClientInfo as _, Error, ResponseValue, Result};

/// A request to a path of the API that the generated operations do not
/// cover (or cover wrongly for your school), made by [`Client::request`].
///
/// It takes the same path as a generated call: the bearer token (except
/// for paths under `/public/`, which never carry credentials), the
/// invocation id, retries by the client's rules (a POST or PATCH that
/// reached the server is not retried), the `401` refresh, redirects within
/// the base URL's origin, the body caps, the `mindz.request` span and the
/// one [`Error`], whose [`operation()`](Error::operation) is
/// `request METHOD PATH`.
///
/// ```no_run
/// # async fn f(client: &mindz_sdk::Client) -> mindz_sdk::Result<()> {
/// use mindz_sdk::Method;
///
/// let report = client
///     .request(Method::GET, "/v2/reports/sales/")
///     .query(&[("year", "2026")])
///     .send::<serde_json::Value>()
///     .await?;
/// println!("{}", report.into_inner());
/// # Ok(()) }
/// ```
#[must_use = "a request does nothing until it is sent"]
pub struct RawRequest<'a> {
    client: &'a Client,
    method: Method,
    /// The path as given (for the operation's name).
    path: String,
    /// The full URL with its query, or why there is none.
    url: std::result::Result<reqwest::Url, String>,
    body: Option<Bytes>,
    options: Option<Box<CallOptions>>,
}

impl std::fmt::Debug for RawRequest<'_> {
    /// The method and path; never the query or the body, which may hold
    /// personal data.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawRequest")
            .field("method", &self.method.as_str())
            .field("path", &self.path)
            .field("body", &self.body.as_ref().map(|b| b.len()))
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Starts a request to `path`, relative to the base URL: it starts with
    /// one `/` (`"/v2/reports/sales/"`). An absolute URL, `//host/…` or a
    /// path without the leading slash makes [`send`](RawRequest::send) fail
    /// with [`Error::InvalidRequest`] and nothing is sent, so a token never
    /// leaves the base URL's origin.
    pub fn request(&self, method: Method, path: impl AsRef<str>) -> RawRequest<'_> {
        let path = path.as_ref();
        let url = if !path.starts_with('/') || path.starts_with("//") || path.contains('\\') {
            Err(format!(
                "the path {:?} is not relative to the base URL: it must start with a single `/`",
                crate::wire::one_line(&crate::wire::redact_url_text(path), 100)
            ))
        } else {
            let base = self.baseurl.trim_end_matches('/');
            reqwest::Url::parse(&format!("{base}{path}"))
                .map_err(|e| format!("the path does not make a valid URL: {e}"))
        };
        RawRequest {
            client: self,
            method,
            path: path.split(['?', '#']).next().unwrap_or_default().to_owned(),
            url,
            body: None,
            options: None,
        }
    }
}

impl<'a> RawRequest<'a> {
    /// Adds query parameters: anything serde serializes as a map or a list
    /// of pairs (`&[("year", "2026")]`, a struct, a `BTreeMap`).
    pub fn query(mut self, query: &impl Serialize) -> Self {
        if let Ok(url) = &self.url {
            self.url = self
                .client
                .client
                .get(url.clone())
                .query(query)
                .build()
                .map(|request| request.url().clone())
                .map_err(|e| {
                    format!(
                        "the query could not be encoded: {}",
                        crate::wire::root_cause(&e)
                    )
                });
        }
        self
    }

    /// Sends `body` as JSON (`Content-Type: application/json`).
    pub fn json(mut self, body: &impl Serialize) -> Self {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some(Bytes::from(bytes)),
            Err(e) => {
                if self.url.is_ok() {
                    self.url = Err(format!("the body could not be encoded as JSON: {e}"));
                }
            }
        }
        self
    }

    /// Settings for this call only: see [`CallOptions`].
    pub fn options(mut self, options: CallOptions) -> Self {
        self.options = Some(Box::new(options));
        self
    }

    /// Sends the request and decodes a JSON success body as `T`
    /// (`serde_json::Value` takes anything). Any `2xx` is a success; a
    /// body that does not fit `T` is [`Error::Decode`], its body kept
    /// ([`Error::raw_body`]).
    pub async fn send<T: DeserializeOwned>(self) -> Result<ResponseValue<T>> {
        let (client, build, operation, options) = self.into_parts()?;
        crate::pipeline::json::<T>(client, &build, operation, options).await
    }

    /// Sends the request for a success without a body: any `2xx`, whatever
    /// body it has.
    pub async fn send_empty(self) -> Result<ResponseValue<()>> {
        let (client, build, operation, options) = self.into_parts()?;
        crate::pipeline::empty(client, &build, operation, options).await
    }

    /// Sends the request and hands over a `2xx` body exactly as the server
    /// sent it (decompressed, within the client's body cap), undecoded: for
    /// fields the schema does not list, or to pass the answer on unchanged
    /// (the `mindz` command line prints it so).
    pub async fn send_bytes(self) -> Result<ResponseValue<Bytes>> {
        let (client, build, operation, options) = self.into_parts()?;
        crate::pipeline::bytes(client, &build, operation, options).await
    }

    /// The client, how to build each send, the operation and the options;
    /// or the reason nothing is sent.
    #[allow(clippy::type_complexity)]
    fn into_parts(
        self,
    ) -> Result<(
        &'a Client,
        impl Fn() -> Result<reqwest::Request> + Sync + 'a,
        &'static Operation,
        Option<Box<CallOptions>>,
    )> {
        let url = self.url.map_err(Error::InvalidRequest)?;
        let operation = operation(&self.method, &self.path);
        let RawRequest {
            client,
            method,
            body,
            options,
            ..
        } = self;
        let build = move || build(client, &method, &url, body.as_ref());
        Ok((client, build, operation, options))
    }
}

/// One send of a raw request, built afresh each time like a generated one.
fn build(
    client: &Client,
    method: &Method,
    url: &reqwest::Url,
    body: Option<&Bytes>,
) -> Result<reqwest::Request> {
    let mut request = client
        .client
        .request(method.clone(), url.clone())
        .header(ACCEPT, HeaderValue::from_static("application/json"))
        .header(
            reqwest::header::HeaderName::from_static("api-version"),
            HeaderValue::from_static(Client::api_version()),
        );
    if let Some(body) = body {
        request = request
            .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
            .body(body.clone());
    }
    request.build().map_err(crate::pipeline::build_failed)
}

/// The most distinct raw operations kept; past it, new paths share one.
const MAX_RAW_OPERATIONS: usize = 1024;

/// The operations of raw requests, one per method and path shape, made
/// once and kept for the process (errors hold a `&'static Operation`).
static RAW_OPERATIONS: Mutex<BTreeMap<(String, String), &'static Operation>> =
    Mutex::new(BTreeMap::new());

/// The operation of a raw request: the schema's operation when the method
/// and path are one of its routes; otherwise id `request`, its method, and its path
/// with numeric and UUID segments written `{id}` (so `/v2/reports/7/` and
/// `/v2/reports/8/` are one operation, `/v2/reports/{id}/`). Public when the
/// path is under `/public/`.
fn operation(method: &Method, path: &str) -> &'static Operation {
    if let Some(op) = Operation::route(method.as_str(), path) {
        return op;
    }
    let template = template(path);
    let key = (method.as_str().to_owned(), template);
    let mut known = RAW_OPERATIONS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(op) = known.get(&key) {
        return op;
    }
    let (method_text, template) = if known.len() < MAX_RAW_OPERATIONS {
        (key.0.clone(), key.1.clone())
    } else {
        (key.0.clone(), "(one of many raw paths)".to_owned())
    };
    let op: &'static Operation = Box::leak(Box::new(Operation {
        id: "request",
        method: Box::leak(method_text.into_boxed_str()),
        auth: !key.1.starts_with("/public/"),
        path: Box::leak(template.into_boxed_str()),
        confidence: "raw",
    }));
    if known.len() < MAX_RAW_OPERATIONS {
        known.insert(key, op);
    }
    op
}

/// `path` with each all-digit or UUID segment written `{id}`.
fn template(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            let is_id = (!segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()))
                || uuid::Uuid::try_parse(segment).is_ok();
            if is_id { "{id}" } else { segment }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::{Operation, operation, template};
    use reqwest::Method;

    #[test]
    fn ids_in_paths_become_one_template() {
        assert_eq!(template("/v2/users/7/"), "/v2/users/{id}/");
        assert_eq!(
            template("/v2/orders/3f1c0a52-8c1e-4f7a-9d1e-2b6f0e7c9a10/items/12/"),
            "/v2/orders/{id}/items/{id}/"
        );
        assert_eq!(template("/v2/reports/sales/"), "/v2/reports/sales/");
        let a = operation(&Method::GET, "/v2/reports/7/");
        let b = operation(&Method::GET, "/v2/reports/8/");
        assert!(std::ptr::eq(a, b));
        assert_eq!(
            (a.id, a.method, a.path),
            ("request", "GET", "/v2/reports/{id}/")
        );
        assert!(a.auth);
        // A route of the schema is its operation, with its name.
        let user = operation(&Method::GET, "/v2/users/7/");
        assert_eq!(
            (user.id, user.confidence),
            ("user_get", Operation::find("user_get").unwrap().confidence)
        );
        assert!(!operation(&Method::POST, "/public/v1/contact/").auth);
    }
}
