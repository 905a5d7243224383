//! Shared helpers for the integration tests: a fake Mindz on 127.0.0.1 with
//! an OAuth2 token endpoint (`/o/token/`), private operations (`/api/v2/…`)
//! and public ones (`/api/public/v1/…`), which counts what it receives.
//!
//! Use it with `mod support;` in a test file.
#![allow(dead_code)]

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mindz_sdk::{Client, ClientBuilder};
use serde_json::json;
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// The `APP_ID` the fake token endpoint accepts.
pub const APP_ID: &str = "test-app";
/// The `API_KEY` the fake token endpoint accepts.
pub const API_KEY: &str = "s3cr3t-api-key-0123456789";
/// `Authorization` header for HTTP Basic client authentication with
/// `APP_ID:API_KEY`.
pub const BASIC_AUTH: &str = "Basic dGVzdC1hcHA6czNjcjN0LWFwaS1rZXktMDEyMzQ1Njc4OQ==";

/// What the fake server has seen and how it behaves. Tokens are `tok-1`,
/// `tok-2`, … in the order they are issued.
pub struct FakeState {
    token_requests: AtomicUsize,
    api_requests: AtomicUsize,
    /// `expires_in` of issued tokens; `None` leaves it out.
    pub expires_in: Mutex<Option<u64>>,
    /// How long the token endpoint takes to answer (real time, on the
    /// server's own thread).
    pub token_delay: Mutex<Duration>,
    /// Tokens the API rejects with 401.
    pub revoked: Mutex<HashSet<String>>,
    /// Whether the API rejects every token with 401.
    pub reject_all: AtomicBool,
    /// `Authorization` header of each private request, in order.
    pub api_auth: Mutex<Vec<Option<String>>>,
    /// `User-Agent` header of each private request, in order.
    pub api_user_agents: Mutex<Vec<Option<String>>>,
    /// `Authorization` header of each public request, in order.
    pub public_auth: Mutex<Vec<Option<String>>>,
    /// How each token request authenticated the client: `basic` or `body`.
    pub client_auth_styles: Mutex<Vec<&'static str>>,
}

impl Default for FakeState {
    fn default() -> Self {
        Self {
            token_requests: AtomicUsize::new(0),
            api_requests: AtomicUsize::new(0),
            expires_in: Mutex::new(Some(3600)),
            token_delay: Mutex::new(Duration::ZERO),
            revoked: Mutex::new(HashSet::new()),
            reject_all: AtomicBool::new(false),
            api_auth: Mutex::new(Vec::new()),
            api_user_agents: Mutex::new(Vec::new()),
            public_auth: Mutex::new(Vec::new()),
            client_auth_styles: Mutex::new(Vec::new()),
        }
    }
}

fn header(request: &Request, name: &str) -> Option<String> {
    request
        .headers
        .get(name)
        .map(|v| v.to_str().unwrap_or("<non-ascii>").to_owned())
}

fn form(body: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(body)
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

struct TokenEndpoint(Arc<FakeState>);

impl Respond for TokenEndpoint {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let state = &self.0;
        let n = state.token_requests.fetch_add(1, Ordering::SeqCst) + 1;
        let delay = *state.token_delay.lock().unwrap();
        let form = form(&request.body);
        let field = |name: &str| {
            form.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let style = if header(request, "authorization").as_deref() == Some(BASIC_AUTH) {
            "basic"
        } else if field("client_id") == Some(APP_ID) && field("client_secret") == Some(API_KEY) {
            "body"
        } else {
            return ResponseTemplate::new(401)
                .set_body_json(json!({
                    "error": "invalid_client",
                    "error_description": "Client authentication failed."
                }))
                .set_delay(delay);
        };
        state.client_auth_styles.lock().unwrap().push(style);
        if field("grant_type") != Some("client_credentials") {
            return ResponseTemplate::new(400)
                .set_body_json(json!({"error": "unsupported_grant_type"}));
        }
        let mut body = json!({"access_token": format!("tok-{n}"), "token_type": "Bearer"});
        if let Some(expires_in) = *state.expires_in.lock().unwrap() {
            body["expires_in"] = json!(expires_in);
        }
        ResponseTemplate::new(200)
            .set_body_json(body)
            .set_delay(delay)
    }
}

struct PrivateApi(Arc<FakeState>);

impl Respond for PrivateApi {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let state = &self.0;
        state.api_requests.fetch_add(1, Ordering::SeqCst);
        let auth = header(request, "authorization");
        state.api_auth.lock().unwrap().push(auth.clone());
        state
            .api_user_agents
            .lock()
            .unwrap()
            .push(header(request, "user-agent"));
        let accepted = match auth.as_deref().and_then(|a| a.strip_prefix("Bearer ")) {
            Some(token) => {
                token.starts_with("tok-")
                    && !state.reject_all.load(Ordering::SeqCst)
                    && !state.revoked.lock().unwrap().contains(token)
            }
            None => false,
        };
        if accepted {
            ResponseTemplate::new(200).set_body_json(json!({"count": 0, "results": []}))
        } else {
            ResponseTemplate::new(401).set_body_json(json!({"detail": "Invalid token."}))
        }
    }
}

struct PublicApi(Arc<FakeState>);

impl Respond for PublicApi {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        self.0
            .public_auth
            .lock()
            .unwrap()
            .push(header(request, "authorization"));
        ResponseTemplate::new(200)
            .set_body_json(json!({"courses": 1, "students": 2, "teachers": 3}))
    }
}

/// A fake Mindz server.
pub struct FakeMindz {
    /// The wiremock server, for mounting more mocks.
    pub server: MockServer,
    /// Counters and behaviour switches.
    pub state: Arc<FakeState>,
}

impl FakeMindz {
    /// Starts a server on 127.0.0.1 with the token endpoint at `/o/token/`.
    pub async fn start() -> Self {
        let server = MockServer::start().await;
        let state = Arc::new(FakeState::default());
        Mock::given(method("POST"))
            .and(path("/o/token/"))
            .respond_with(TokenEndpoint(state.clone()))
            .mount(&server)
            .await;
        Mock::given(path_regex("^/api/v2/"))
            .respond_with(PrivateApi(state.clone()))
            .mount(&server)
            .await;
        Mock::given(path_regex("^/api/public/v1/"))
            .respond_with(PublicApi(state.clone()))
            .mount(&server)
            .await;
        Self { server, state }
    }

    /// `http://127.0.0.1:<port>/api`.
    pub fn base_url(&self) -> String {
        format!("{}/api", self.server.uri())
    }

    /// A builder for this server with the right client credentials (the
    /// token URL is left to its default, `<origin>/o/token/`).
    pub fn builder(&self) -> ClientBuilder {
        Client::builder()
            .base_url(self.base_url())
            .client_credentials(APP_ID, API_KEY)
    }

    /// Token requests received.
    pub fn token_requests(&self) -> usize {
        self.state.token_requests.load(Ordering::SeqCst)
    }

    /// Private API requests received.
    pub fn api_requests(&self) -> usize {
        self.state.api_requests.load(Ordering::SeqCst)
    }

    /// `Authorization` headers of the private requests, in order.
    pub fn api_auth(&self) -> Vec<Option<String>> {
        self.state.api_auth.lock().unwrap().clone()
    }

    /// `Authorization` headers of the public requests, in order.
    pub fn public_auth(&self) -> Vec<Option<String>> {
        self.state.public_auth.lock().unwrap().clone()
    }

    /// Sets `expires_in` of the tokens issued from now on.
    pub fn set_expires_in(&self, expires_in: Option<u64>) {
        *self.state.expires_in.lock().unwrap() = expires_in;
    }

    /// Sets how long the token endpoint takes to answer.
    pub fn set_token_delay(&self, delay: Duration) {
        *self.state.token_delay.lock().unwrap() = delay;
    }

    /// Makes the API reject `token` with 401.
    pub fn revoke(&self, token: &str) {
        self.state.revoked.lock().unwrap().insert(token.to_owned());
    }

    /// Makes the API reject every token with 401.
    pub fn reject_all_tokens(&self) {
        self.state.reject_all.store(true, Ordering::SeqCst);
    }
}

/// Gives `builder` an HTTP client without any timer (no idle connection
/// reaper) and turns the SDK's per-attempt timeout off. Needed under a
/// paused Tokio clock: while a request waits for the network, Tokio jumps
/// the clock to the next pending timer, so a 30 s timeout would fire at once.
pub fn timerless(builder: ClientBuilder) -> ClientBuilder {
    let http = mindz_sdk::tls::reqwest_builder()
        .expect("TLS config")
        .pool_idle_timeout(None)
        .build()
        .expect("reqwest client");
    builder.http_client(http).timeout(Duration::MAX)
}

/// [`timerless`], and no load timeout on token fetches either (for clients
/// with client credentials).
pub fn timerless_auth(builder: ClientBuilder) -> ClientBuilder {
    timerless(builder).token_load_timeout(Duration::MAX)
}

/// `Bearer <token>`, as the API should receive it.
pub fn bearer(token: &str) -> Option<String> {
    Some(format!("Bearer {token}"))
}

/// A 127.0.0.1 port where nothing listens (bound, then released).
pub fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}
