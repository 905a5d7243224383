//! `bench`: what the SDK costs on top of plain reqwest, measured against a
//! keep-alive HTTP/1.1 server on 127.0.0.1 (its own thread and
//! single-threaded runtime) that answers a realistic Mindz page: 50
//! `types::User` values with every field filled, serialised with serde_json
//! (about 29 KB).
//!
//! ```text
//! bench [--quick] [--only latency|throughput|refresh|hook-path|compression|loop-sdk|loop-plain|loop-sdk-page|loop-plain-page|throttle]
//! ```
//!
//! Run it in release mode (`cargo xtask bench` does:
//! `cargo run --release -p mindz-tests --bin bench`). It prints a Markdown
//! table on stdout and its progress on stderr:
//!
//! 1. **latency**: sequential calls (2,000 each after 300 warm-up rounds)
//!    of `user_list().limit(50)` through the SDK (token cached) and of the
//!    same request with plain reqwest, decoded with serde_json into the same
//!    `types::PaginatedUserList`; then the same for `user_get` (one user,
//!    where fixed costs show). The clients take turns call by call, in a
//!    new random order every round, so that drift and load hit all alike;
//!    besides median, p99 and mean it gives the median of the paired
//!    differences SDK − plain and five diagnostics: a second identical
//!    plain client (the A/A control: how far two equal clients differ), the
//!    SDK on its own HTTP client (`.http_client(..)` with a client from
//!    [`mindz_sdk::tls::reqwest_builder`]), the SDK with
//!    `RetryPolicy::none()` (no retries), the SDK with
//!    `.timeout(Duration::MAX)` (no per-attempt timer), and plain reqwest
//!    without its `.timeout(..)`;
//! 2. **throughput**: 10,000 calls each with 64 in flight
//!    (`buffer_unordered(64)`), SDK and plain in alternating rounds; then
//!    **paired**: SDK, plain, SDK, plain again taking turns call by call
//!    in one stream of 64 in flight (equal shares, so neither side's code
//!    is the colder), each call's polls timed. The thread that polls the
//!    stream is saturated (its CPU time is its wall time), so the polling
//!    time per call is what bounds throughput, and here every client meets
//!    the machine at the same instant: rounds, taken one after another,
//!    swing by ±5 % on a shared VM; the paired control stays within ±0.8 %
//!    on the page (±4 % on the ten-times-shorter `user_get`);
//! 3. **token refresh**: per round, a new client with client credentials
//!    and short-lived tokens makes 1,000 concurrent `user_get` calls (one
//!    task each) while the cached token is fresh, times the token fetch
//!    alone (one caller, `invalidate_token` + `authenticate`), then makes
//!    1,000 more just after the token expired: how many token requests the
//!    refresh made (must be 1), and how much later than the cached batch
//!    the waiters finish beyond the token fetch itself;
//! 4. **hook path** (rows `H.`): the per-request work of the SDK's
//!    pipeline (`mindz-sdk/src/pipeline.rs`: invocation id, origin check,
//!    cached token read, `Authorization` header), each replicated and
//!    timed alone in a hot loop, next to the request building and JSON
//!    decode that both sides pay.
//!
//! `--only loop-sdk` and `--only loop-plain` make 20,000 sequential
//! `user_get` calls (1,000 with `--quick`) with one client alone, and
//! `loop-sdk-page` / `loop-plain-page` as many `user_list` calls of 50
//! users, for external profilers (`perf stat`, `perf record`, `strace -c`,
//! `valgrind --tool=callgrind`).
//!
//! Both HTTP clients are built the same way: [`mindz_sdk::tls::reqwest_builder`]
//! with the connect timeout and user agent that
//! [`mindz_sdk::ClientBuilder::build`] sets, default pool, HTTP/1.1 (plain
//! `http` on loopback never negotiates h2). The SDK bounds each attempt
//! with reqwest's per-request timeout ([`DEFAULT_TIMEOUT`]); the plain
//! client gets the same bound as reqwest's `.timeout(DEFAULT_TIMEOUT)`. Both send the same
//! headers, an `X-Request-ID` of the same length included (the SDK's is a
//! new UUID v4 per call, the plain client's a fixed one).
//!
//! Nothing here asserts a timing; the process fails only if a call fails or
//! the server sees something unexpected.

use std::borrow::Cow;
use std::hint::black_box;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone as _, Utc};
use futures::StreamExt as _;
use mindz_sdk::client_builder::{CONNECT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_USER_AGENT};
use mindz_sdk::operation::Operation;
use mindz_sdk::{Client, ClientBuilder, ClientInfo as _, types};
use reqwest::header::{ACCEPT, AUTHORIZATION, HeaderMap, HeaderName, HeaderValue};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

const USAGE: &str = "usage: bench [--quick] [--only latency|throughput|refresh|hook-path|compression|loop-sdk|loop-plain|loop-sdk-page|loop-plain-page|throttle]";

/// Users on the page the server answers (the `limit` the calls ask for).
const PAGE_SIZE: usize = 50;
/// Lifetime (`expires_in`) of the tokens of the refresh scenario.
const SHORT_TOKEN_SECS: u64 = 3;
/// When the herd control's gate opens: about when the token answer of a
/// refresh arrives (0.4–3 ms after the batch started, on the 2-core VM).
const HERD_RELEASE: Duration = Duration::from_millis(1);
/// Solo token fetches timed per refresh round (the token fetch itself).
const SOLO_FETCHES: usize = 9;
/// Tokens of every other scenario outlive the run.
const LONG_TOKEN_SECS: u64 = 3600;
/// The user that `user_get` asks for (`fixture_user(7)`).
const USER_ID: i64 = 100_007;
/// The token that the plain-reqwest calls send (same length as the SDK's).
const PLAIN_TOKEN: &str = "bench-token-999999";
/// The `X-Request-ID` that the plain-reqwest calls send (a UUID, like the SDK's).
const PLAIN_REQUEST_ID: &str = "6f1c2b0e-4d5a-4c3b-9a8e-7f6d5c4b3a21";

struct Config {
    warmup: usize,
    latency_calls: usize,
    throughput_calls: usize,
    throughput_rounds: usize,
    in_flight: usize,
    refresh_calls: usize,
    refresh_rounds: usize,
    micro_iters: u32,
    /// Calls of the `loop-*` phases.
    loop_calls: usize,
}

impl Config {
    fn full() -> Self {
        Self {
            warmup: 300,
            latency_calls: 2_000,
            throughput_calls: 10_000,
            throughput_rounds: 20,
            in_flight: 64,
            refresh_calls: 1_000,
            refresh_rounds: 10,
            micro_iters: 200_000,
            loop_calls: 20_000,
        }
    }

    fn quick() -> Self {
        Self {
            warmup: 50,
            latency_calls: 200,
            throughput_calls: 1_000,
            throughput_rounds: 4,
            in_flight: 64,
            refresh_calls: 200,
            refresh_rounds: 1,
            micro_iters: 10_000,
            loop_calls: 1_000,
        }
    }
}

fn main() -> ExitCode {
    let mut config = Config::full();
    let mut only: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => config = Config::quick(),
            "--only" => only = args.next(),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::FAILURE;
            }
        }
    }
    let phases = [
        "latency",
        "throughput",
        "refresh",
        "hook-path",
        "compression",
        "loop-sdk",
        "loop-plain",
        "loop-sdk-page",
        "loop-plain-page",
        "throttle",
    ];
    let only = match only {
        None => None,
        Some(phase) if phases.contains(&phase.as_str()) => Some(phase),
        Some(_) => {
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    if cfg!(debug_assertions) {
        eprintln!("bench: warning: debug build; run it with --release for real figures");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    match runtime.block_on(run(&config, only.as_deref())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bench: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: &Config, only: Option<&str>) -> Result<(), String> {
    let wanted = |phase: &str| only.is_none_or(|o| o == phase);
    let load_before = load_average();
    let page = fixture_page();
    let body = serde_json::to_vec(&page).map_err(|e| e.to_string())?;
    let one = serde_json::to_vec(&fixture_user(7)).map_err(|e| e.to_string())?;
    let server = Server::start(&body, &one, false)?;
    let base = server.base.clone();
    eprintln!(
        "bench: server on {base}, page of {} users, {} bytes",
        page.results.len(),
        body.len()
    );

    let sdk = Client::builder()
        .base_url(&base)
        .client_credentials("bench-app", "bench-key")
        .token_url(format!("{base}/o/token/"))
        .build()
        .map_err(|e| format!("SDK client: {e}"))?;
    sdk.authenticate()
        .await
        .map_err(|e| format!("authenticate: {e}"))?;
    let plain = Plain::new(&base)?;

    let mut rows = Vec::new();
    rows.push(Row::new(
        "fixture",
        format!("{} users, {} bytes of JSON", page.results.len(), body.len()),
    ));

    // For external profilers (`perf stat`, `perf record`, `strace -c`):
    // one client alone, many sequential small calls.
    if let Some(which) = only.and_then(|o| o.strip_prefix("loop-")) {
        let (who, op) = match which.strip_suffix("-page") {
            Some(who) => (who, Op::Page),
            None => (which, Op::One),
        };
        let caller = match who {
            "sdk" => Caller::Sdk(&sdk),
            _ => Caller::Plain(&plain),
        };
        let start = Instant::now();
        for _ in 0..config.loop_calls {
            assert_eq!(black_box(caller.call(op).await), op.expected());
        }
        rows.push(Row::new(
            &format!(
                "loop: {} sequential {} calls, {who} (µs per call)",
                config.loop_calls,
                op.name()
            ),
            format!("{:.1}", micros(start.elapsed()) / config.loop_calls as f64),
        ));
    }

    // 1. Latency.
    let mut median_delta = None;
    if wanted("latency") {
        eprintln!(
            "bench: latency ({} sequential calls each)",
            config.latency_calls
        );
        let plain_again = Plain::new(&base)?;
        let plain_untimed = Plain::untimed(&base)?;
        // A client from the SDK's TLS builder, nothing else set.
        let own_http = sdk_variant(&base, |b| {
            let http = mindz_sdk::tls::reqwest_builder()
                .map_err(|e| format!("TLS: {e}"))?
                .build()
                .map_err(|e| format!("reqwest client: {e}"))?;
            Ok(b.http_client(http))
        })
        .await?;
        let no_retry = sdk_variant(&base, |b| Ok(b.retry(mindz_sdk::RetryPolicy::none()))).await?;
        let no_timer = sdk_variant(&base, |b| Ok(b.timeout(Duration::MAX))).await?;
        let who = Contenders {
            sdk: &sdk,
            plain: &plain,
            plain_again: &plain_again,
            plain_untimed: &plain_untimed,
            own_http: &own_http,
            no_retry: &no_retry,
            no_timer: &no_timer,
        };
        let page = latency(config, &who, Op::Page).await;
        rows.extend(page.rows(Op::Page));
        median_delta = Some(page.median_delta());
        let one = latency(config, &who, Op::One).await;
        rows.extend(one.rows(Op::One));
    }

    // 2. Throughput.
    if wanted("throughput") {
        eprintln!(
            "bench: throughput ({} calls each, {} in flight)",
            config.throughput_calls, config.in_flight
        );
        let again = Plain::new(&base)?;
        let throughput = throughput(config, &sdk, &plain, &again).await;
        rows.extend(throughput.rows(config));
    }

    // 3. Token refresh.
    if wanted("refresh") {
        eprintln!(
            "bench: token refresh ({} rounds of {} concurrent calls)",
            config.refresh_rounds, config.refresh_calls
        );
        let refresh = refresh(config, &server).await?;
        rows.extend(refresh.rows(config));
    }

    // 4. Hook path.
    if wanted("hook-path") {
        eprintln!("bench: hook path ({} iterations each)", config.micro_iters);
        let micro = hook_path(config, &sdk, &base, &body).await;
        rows.extend(micro.rows(median_delta));
        // What every poll and move of a call carries (futures not polled).
        let limit = std::num::NonZeroU64::new(PAGE_SIZE as u64).expect("non-zero");
        rows.push(Row::compare(
            "H. size of the call's future, `user_list().send()` / plain (bytes)",
            std::mem::size_of_val(&sdk.user_list().limit(limit).send()) as f64,
            std::mem::size_of_val(&plain.call(Op::Page)) as f64,
        ));
    }

    // 4b. Compression: the page gzip-compressed, to the SDK and to plain
    // reqwest built with the same features (both send `Accept-Encoding`).
    if wanted("compression") {
        eprintln!(
            "bench: compressed page ({} sequential calls each)",
            config.latency_calls
        );
        rows.extend(compression(config, &page, &body, &one).await?);
    }

    // 5. Throttling (rate-bound, not CPU-bound): the issue's two jobs.
    if only == Some("throttle") {
        for (calls, in_flight) in [(240, 24), (800, 64)] {
            for (name, limit) in [
                ("adaptive", mindz_sdk::RateLimit::adaptive()),
                ("off", mindz_sdk::RateLimit::off()),
            ] {
                eprintln!("bench: throttle, {calls} calls, {in_flight} in flight, limiter {name}");
                rows.push(throttle_job(calls, in_flight, limit, name, &one).await?);
            }
        }
    }

    let unauthorized = server.state.unauthorized.load(Ordering::Relaxed);
    let unexpected = server.state.unexpected.load(Ordering::Relaxed);
    rows.push(Row::new(
        "server: 401 / unexpected requests",
        format!("{unauthorized} / {unexpected}"),
    ));
    rows.push(Row::new(
        "load average (1 min) before / after",
        format!("{load_before} / {}", load_average()),
    ));

    print_table(&rows);
    if unauthorized != 0 || unexpected != 0 {
        return Err(format!(
            "the server answered {unauthorized} requests with 401 and saw {unexpected} unexpected ones"
        ));
    }
    Ok(())
}

/// The compression rows: bytes of the page's answer with and without
/// gzip, and the latency of the compressed page, SDK against plain
/// reqwest (and plain against plain again), in one randomly rotated run.
async fn compression(
    config: &Config,
    page: &types::PaginatedUserList,
    body: &[u8],
    one: &[u8],
) -> Result<Vec<Row>, String> {
    let server = Server::start(body, one, true)?;
    let sdk = sdk_variant(&server.base, Ok).await?;
    let plain = Plain::new(&server.base)?;
    let plain_again = Plain::new(&server.base)?;
    let callers = [
        Caller::Sdk(&sdk),
        Caller::Plain(&plain),
        Caller::Plain(&plain_again),
    ];
    let latency = latency_of(config, &callers, Op::Page).await;
    let gzipped = server.state.gzipped.load(Ordering::Relaxed);
    let calls = (config.latency_calls + config.warmup) * callers.len();
    if gzipped as usize != calls {
        return Err(format!(
            "compression: {gzipped} of {calls} pages went out gzip-compressed"
        ));
    }
    let plain_bytes = response(200, body).len();
    let gzip_bytes = gzip_response(body).len();
    let (s, p, again) = (
        latency.stats(SDK),
        latency.stats(PLAIN),
        latency.stats(PLAIN_AGAIN),
    );
    Ok(vec![
        Row::compare(
            &format!(
                "C. bytes on the wire, answer to `user_list` ({} users): gzip / uncompressed",
                page.results.len()
            ),
            gzip_bytes as f64,
            plain_bytes as f64,
        ),
        Row::compare(
            "C. latency median, gzip-compressed page, SDK / plain reqwest (same features) (µs)",
            micros(s.p50),
            micros(p.p50),
        ),
        Row::new(
            "C. SDK − plain, median of paired differences (µs)",
            format!("{:+.1}", latency.paired_delta(SDK)),
        ),
        Row::compare(
            "C. control: plain again / plain, median (µs)",
            micros(again.p50),
            micros(p.p50),
        ),
        Row::new(
            "C. pages sent gzip-compressed / calls",
            format!("{gzipped} / {calls}"),
        ),
    ])
}

/// An authenticated SDK client on `base`, with `tweak` applied to its
/// builder.
async fn sdk_variant(
    base: &str,
    tweak: impl FnOnce(ClientBuilder) -> Result<ClientBuilder, String>,
) -> Result<Client, String> {
    let builder = Client::builder()
        .base_url(base)
        .client_credentials("bench-app", "bench-key")
        .token_url(format!("{base}/o/token/"));
    let client = tweak(builder)?
        .build()
        .map_err(|e| format!("SDK client: {e}"))?;
    client
        .authenticate()
        .await
        .map_err(|e| format!("authenticate: {e}"))?;
    Ok(client)
}

// ---------------------------------------------------------------------------
// Fixture

/// A user with every field of `types::User` filled, through its builder (the
/// generated structs are `#[non_exhaustive]`, so a literal no longer compiles).
fn fixture_user(i: i64) -> types::User {
    let created = Utc
        .with_ymd_and_hms(2023, 1 + (i % 12) as u32, 1 + (i % 28) as u32, 9, 30, 15)
        .single()
        .expect("valid date");
    types::User::builder()
        .bio(Some(format!("Professora há {} anos.", 5 + i % 20)))
        .birth_date(NaiveDate::from_ymd_opt(
            1970 + (i % 40) as i32,
            1 + (i % 12) as u32,
            15,
        ))
        .city(Some("São Paulo".to_owned()))
        .complement(Some(format!("Apto {}", 10 + i)))
        .corporate_name(Some(format!("Escola Exemplo {i} Ltda")))
        .country(Some("BR".to_owned()))
        .created_at(Some(created))
        .district(Some("Vila Mariana".to_owned()))
        .document(Some(format!("{:03}.456.789-{:02}", 100 + i, i % 100)))
        .email(format!("aluna.{i}@example.com.br"))
        .first_name(format!("Maria{i}"))
        .gender(Some(if i % 2 == 0 {
            types::UserGender::Female
        } else {
            types::UserGender::Male
        }))
        .id(100_000 + i)
        .is_suspended(Some(i % 7 == 0))
        .last_name("Silva Santos".to_owned())
        .number(Some(format!("{}", 100 + i * 3)))
        .person_type(Some(if i % 5 == 0 {
            types::UserPersonType::Pj
        } else {
            types::UserPersonType::Pf
        }))
        .phone(Some(format!("+55 11 9{:04}-{:04}", 1000 + i, 2000 + i)))
        .state(Some("SP".to_owned()))
        .street(Some("Rua Domingos de Morais".to_owned()))
        .updated_at(Some(created + chrono::Duration::days(30 + i)))
        .username(Some(format!("maria.silva.{i}")))
        .zip_code(Some(format!("04010-{:03}", i)))
        .try_into()
        .expect("every field of the fixture user is valid")
}

fn fixture_page() -> types::PaginatedUserList {
    types::PaginatedUserList::builder()
        .count(1_234)
        .next(Some(
            "https://escola.mindz.com.br/api/v2/users/?limit=50&offset=100".to_owned(),
        ))
        .previous(Some(
            "https://escola.mindz.com.br/api/v2/users/?limit=50&offset=0".to_owned(),
        ))
        .results(
            (0..PAGE_SIZE as i64)
                .map(|i| fixture_user(50 + i))
                .collect::<Vec<_>>(),
        )
        .try_into()
        .expect("a valid page")
}

// ---------------------------------------------------------------------------
// Server

#[derive(Default)]
struct ServerState {
    /// Token requests to `/o/token/` (long-lived tokens).
    long_tokens: AtomicU64,
    /// Token requests to `/o/token-short/` (the refresh scenario).
    short_tokens: AtomicU64,
    /// Numbers the issued tokens.
    issued: AtomicU64,
    /// When the last answer to `/o/token-short/` was about to be written.
    short_token_answered: std::sync::Mutex<Option<Instant>>,
    unauthorized: AtomicU64,
    unexpected: AtomicU64,
    /// Pages sent gzip-compressed.
    gzipped: AtomicU64,
}

/// An HTTP/1.1 keep-alive server on 127.0.0.1, on its own thread and
/// single-threaded Tokio runtime. It answers:
///
/// * `POST /o/token/` and `POST /o/token-short/`: an OAuth2 token answer
///   (`expires_in` 3600 s or [`SHORT_TOKEN_SECS`]);
/// * `GET /v2/users/…` with `Authorization: Bearer bench-token-…`: the page;
///   without it, `401`;
/// * anything else: `404`.
///
/// The thread ends with the process.
struct Server {
    base: String,
    state: Arc<ServerState>,
}

impl Server {
    /// `page` answers the list, `one` a single user; with `gzip`, the list
    /// is sent gzip-compressed (compressed once, here) to a request whose
    /// `Accept-Encoding` has `gzip`.
    fn start(page: &[u8], one: &[u8], gzip: bool) -> Result<Self, String> {
        let listener =
            std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("bind: {e}"))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| format!("listener: {e}"))?;
        let base = format!(
            "http://{}",
            listener.local_addr().map_err(|e| e.to_string())?
        );
        let state = Arc::new(ServerState::default());
        let answers = Arc::new(Answers {
            page: response(200, page),
            one: response(200, one),
            gzip_page: gzip.then(|| gzip_response(page)),
        });
        let server_state = state.clone();
        mindz_tests::serve("bench-server", listener, move |stream| {
            let state = server_state.clone();
            let answers = answers.clone();
            async move {
                let _ = connection(stream, state, answers).await;
            }
        })
        .map_err(|e| format!("server thread: {e}"))?;
        Ok(Self { base, state })
    }
}

/// A `200` answer with `body` gzip-compressed (`Content-Encoding: gzip`).
fn gzip_response(body: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(body).expect("gzip in memory");
    let gz = encoder.finish().expect("gzip in memory");
    answer(200, "content-encoding: gzip\r\n", &gz)
}

fn response(status: u16, body: &[u8]) -> Vec<u8> {
    answer(status, "", body)
}

/// Head and body of a JSON answer; `headers` are extra header lines, each
/// ending in CRLF.
fn answer(status: u16, headers: &str, body: &[u8]) -> Vec<u8> {
    let reason = match status {
        200 => "OK",
        401 => "Unauthorized",
        _ => "Not Found",
    };
    let mut out = format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\n{headers}\
         cache-control: no-store\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// The two success answers, head and body, ready to write; with
/// `gzip_page`, the page's answer to a request that accepts gzip.
struct Answers {
    page: Vec<u8>,
    one: Vec<u8>,
    gzip_page: Option<Vec<u8>>,
}

async fn connection(
    mut stream: TcpStream,
    state: Arc<ServerState>,
    answers: Arc<Answers>,
) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    loop {
        let head_end = loop {
            if let Some(pos) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break pos + 4;
            }
            if buf.len() > 64 * 1024 {
                return Ok(());
            }
            buf.reserve(4096);
            if stream.read_buf(&mut buf).await? == 0 {
                return Ok(());
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
        let mut lines = head.split("\r\n");
        let mut request_line = lines.next().unwrap_or("").split(' ');
        let method = request_line.next().unwrap_or("");
        let target = request_line.next().unwrap_or("");
        let mut content_length = 0usize;
        let mut authorized = false;
        let mut gzip = false;
        let mut close = false;
        for line in lines {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value.parse().unwrap_or(0);
            } else if name.eq_ignore_ascii_case("authorization") {
                authorized = value.starts_with("Bearer bench-token-");
            } else if name.eq_ignore_ascii_case("connection") {
                close = value.eq_ignore_ascii_case("close");
            } else if name.eq_ignore_ascii_case("accept-encoding") {
                gzip = value.split(',').any(|e| e.trim().starts_with("gzip"));
            }
        }
        while buf.len() < head_end + content_length {
            buf.reserve(4096);
            if stream.read_buf(&mut buf).await? == 0 {
                return Ok(());
            }
        }
        buf.drain(..head_end + content_length);

        let out: Cow<'_, [u8]> = match (method, target) {
            ("GET", t) if t.starts_with("/v2/users/") => {
                if !authorized {
                    state.unauthorized.fetch_add(1, Ordering::Relaxed);
                    Cow::Owned(response(401, br#"{"detail":"Invalid token."}"#))
                } else if t.starts_with("/v2/users/?") {
                    match &answers.gzip_page {
                        Some(gz) if gzip => {
                            state.gzipped.fetch_add(1, Ordering::Relaxed);
                            Cow::Borrowed(&gz[..])
                        }
                        _ => Cow::Borrowed(&answers.page[..]),
                    }
                } else {
                    Cow::Borrowed(&answers.one[..])
                }
            }
            ("POST", "/o/token/" | "/o/token-short/") => {
                let lifetime = if target == "/o/token/" {
                    state.long_tokens.fetch_add(1, Ordering::Relaxed);
                    LONG_TOKEN_SECS
                } else {
                    state.short_tokens.fetch_add(1, Ordering::Relaxed);
                    *state
                        .short_token_answered
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Instant::now());
                    SHORT_TOKEN_SECS
                };
                let n = state.issued.fetch_add(1, Ordering::Relaxed);
                let body = format!(
                    r#"{{"access_token":"bench-token-{n:06}","token_type":"Bearer","expires_in":{lifetime}}}"#
                );
                Cow::Owned(response(200, body.as_bytes()))
            }
            _ => {
                state.unexpected.fetch_add(1, Ordering::Relaxed);
                Cow::Owned(response(404, br#"{"detail":"Not found."}"#))
            }
        };
        stream.write_all(&out).await?;
        if close {
            return Ok(());
        }
    }
}

// ---------------------------------------------------------------------------
// The two clients

/// The same request as `client.user_list().limit(50).send()`, with plain
/// reqwest: same HTTP client settings, same headers, same decoding target.
struct Plain {
    http: reqwest::Client,
    base: String,
    authorization: HeaderValue,
}

impl Plain {
    fn new(base: &str) -> Result<Self, String> {
        // The SDK's per-attempt bound, as reqwest's own timer.
        Self::with_timeout(base, Some(DEFAULT_TIMEOUT))
    }

    /// The same client without reqwest's `.timeout(..)`.
    fn untimed(base: &str) -> Result<Self, String> {
        Self::with_timeout(base, None)
    }

    fn with_timeout(base: &str, timeout: Option<Duration>) -> Result<Self, String> {
        let mut builder = mindz_sdk::tls::reqwest_builder()
            .map_err(|e| format!("TLS: {e}"))?
            .connect_timeout(CONNECT_TIMEOUT)
            .user_agent(DEFAULT_USER_AGENT);
        if let Some(timeout) = timeout {
            builder = builder.timeout(timeout);
        }
        let http = builder
            .build()
            .map_err(|e| format!("reqwest client: {e}"))?;
        let mut authorization =
            HeaderValue::from_str(&format!("Bearer {PLAIN_TOKEN}")).map_err(|e| e.to_string())?;
        authorization.set_sensitive(true);
        Ok(Self {
            http,
            base: base.to_owned(),
            authorization,
        })
    }

    /// The request the SDK makes for `op`, without `Authorization`; the
    /// `X-Request-ID` is a fixed UUID.
    fn request(&self, http: &reqwest::Client, op: Op) -> reqwest::RequestBuilder {
        let request = match op {
            Op::Page => http
                .get(format!("{}/v2/users/", self.base))
                .header(ACCEPT, HeaderValue::from_static("application/json"))
                .query(&[("limit", PAGE_SIZE)]),
            Op::One => http
                .get(format!("{}/v2/users/{}/", self.base, USER_ID))
                .header(ACCEPT, HeaderValue::from_static("application/json")),
        };
        request
            .header(
                HeaderName::from_static("api-version"),
                HeaderValue::from_static(Client::api_version()),
            )
            .header(
                HeaderName::from_static("x-request-id"),
                HeaderValue::from_static(PLAIN_REQUEST_ID),
            )
    }

    async fn call(&self, op: Op) -> usize {
        let response = self
            .request(&self.http, op)
            .header(AUTHORIZATION, self.authorization.clone())
            .send()
            .await
            .expect("plain call");
        Self::decode(response, op).await
    }

    async fn decode(response: reqwest::Response, op: Op) -> usize {
        assert!(response.status().is_success(), "{}", response.status());
        match op {
            Op::Page => {
                let page: types::PaginatedUserList = response.json().await.expect("plain decode");
                page.results.len()
            }
            Op::One => {
                let user: types::User = response.json().await.expect("plain decode");
                usize::from(user.id == USER_ID)
            }
        }
    }
}

/// Which call: the page of users (`user_list`) or one user (`user_get`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Page,
    One,
}

impl Op {
    /// What a successful call returns: users on the page, or 1.
    fn expected(self) -> usize {
        match self {
            Op::Page => PAGE_SIZE,
            Op::One => 1,
        }
    }

    /// The call, as the table names it.
    fn name(self) -> &'static str {
        match self {
            Op::Page => "user_list (50 users)",
            Op::One => "user_get",
        }
    }
}

async fn sdk_op(client: &Client, op: Op) -> usize {
    if op == Op::One {
        let user = client
            .user_get()
            .user_id(USER_ID)
            .send()
            .await
            .expect("SDK call")
            .into_inner();
        return usize::from(user.id == USER_ID);
    }
    let page = client
        .user_list()
        .limit(std::num::NonZeroU64::new(PAGE_SIZE as u64).expect("non-zero"))
        .send()
        .await
        .expect("SDK call")
        .into_inner();
    page.results.len()
}

// ---------------------------------------------------------------------------
// 1. Latency

struct Stats {
    min: Duration,
    p50: Duration,
    p99: Duration,
    max: Duration,
    mean: Duration,
}

impl Stats {
    fn of(samples: &mut [Duration]) -> Self {
        samples.sort_unstable();
        let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
        let total: Duration = samples.iter().sum();
        Self {
            min: at(0.0),
            p50: at(0.5),
            p99: at(0.99),
            max: at(1.0),
            mean: total / samples.len() as u32,
        }
    }
}

/// One of the clients under test.
#[derive(Clone, Copy)]
enum Caller<'a> {
    Sdk(&'a Client),
    Plain(&'a Plain),
}

impl Caller<'_> {
    async fn call(self, op: Op) -> usize {
        match self {
            Caller::Sdk(client) => sdk_op(client, op).await,
            Caller::Plain(plain) => plain.call(op).await,
        }
    }
}

/// The clients of the latency run, in the order of [`Latency::samples`].
struct Contenders<'a> {
    /// The SDK as `ClientBuilder::build` makes it.
    sdk: &'a Client,
    /// Plain reqwest.
    plain: &'a Plain,
    /// A second, identical plain client: the A/A control.
    plain_again: &'a Plain,
    /// Plain reqwest without its `.timeout(..)`: what a timer costs or saves.
    plain_untimed: &'a Plain,
    /// The SDK on a reqwest client from `tls::reqwest_builder()` given with
    /// `.http_client(..)` (the SDK's per-attempt timeout still applies).
    own_http: &'a Client,
    /// The SDK with `RetryPolicy::none()` (no retries).
    no_retry: &'a Client,
    /// The SDK with `.timeout(Duration::MAX)`: no per-attempt timer.
    no_timer: &'a Client,
}

const SDK: usize = 0;
const PLAIN: usize = 1;
const PLAIN_AGAIN: usize = 2;
const OWN_HTTP: usize = 3;
const NO_RETRY: usize = 4;
const NO_TIMER: usize = 5;
const PLAIN_UNTIMED: usize = 6;

struct Latency {
    /// Per contender, the latency of call `i` of the run.
    samples: Vec<Vec<Duration>>,
}

impl Latency {
    fn stats(&self, who: usize) -> Stats {
        Stats::of(&mut self.samples[who].clone())
    }

    /// Median over `i` of `who[i] − PLAIN[i]` (calls made back to back).
    fn paired_delta(&self, who: usize) -> f64 {
        let mut deltas: Vec<f64> = self.samples[who]
            .iter()
            .zip(&self.samples[PLAIN])
            .map(|(a, b)| micros(*a) - micros(*b))
            .collect();
        deltas.sort_unstable_by(f64::total_cmp);
        deltas[deltas.len() / 2]
    }

    fn median_delta(&self) -> f64 {
        self.paired_delta(SDK)
    }

    fn rows(&self, op: Op) -> Vec<Row> {
        let (s, p) = (self.stats(SDK), self.stats(PLAIN));
        let (n, what) = match op {
            Op::Page => ("1", "user_list, 50 users"),
            Op::One => ("1b", "user_get, 1 user"),
        };
        let mut rows = vec![
            Row::compare(
                &format!("{n}. latency median, {what} (µs)"),
                micros(s.p50),
                micros(p.p50),
            ),
            Row::compare(
                &format!("{n}. latency p99 (µs)"),
                micros(s.p99),
                micros(p.p99),
            ),
            Row::compare(
                &format!("{n}. latency mean (µs)"),
                micros(s.mean),
                micros(p.mean),
            ),
            Row::new(
                &format!("{n}. SDK − plain, median of paired differences (µs)"),
                format!("{:+.1}", self.paired_delta(SDK)),
            ),
        ];
        let diagnostics = [
            (PLAIN_AGAIN, "control: a 2nd identical plain client"),
            (OWN_HTTP, "SDK on `.http_client(tls::reqwest_builder())`"),
            (NO_RETRY, "SDK with `RetryPolicy::none()`"),
            (NO_TIMER, "SDK with `.timeout(Duration::MAX)` (no timer)"),
            (PLAIN_UNTIMED, "plain reqwest without its `.timeout(..)`"),
        ];
        for (who, what) in diagnostics {
            let stats = self.stats(who);
            rows.push(Row::compare(
                &format!(
                    "{n}. {what}, median (µs); paired Δ {:+.1}",
                    self.paired_delta(who)
                ),
                micros(stats.p50),
                micros(p.p50),
            ));
        }
        rows
    }
}

async fn latency(config: &Config, who: &Contenders<'_>, op: Op) -> Latency {
    let callers = [
        Caller::Sdk(who.sdk),
        Caller::Plain(who.plain),
        Caller::Plain(who.plain_again),
        Caller::Sdk(who.own_http),
        Caller::Sdk(who.no_retry),
        Caller::Sdk(who.no_timer),
        Caller::Plain(who.plain_untimed),
    ];
    latency_of(config, &callers, op).await
}

/// Sequential calls of each of `callers` in a new random order every
/// round; the latency of each call, per caller (`SDK`, `PLAIN`, ... are
/// indexes into `callers`).
async fn latency_of(config: &Config, callers: &[Caller<'_>], op: Op) -> Latency {
    for _ in 0..config.warmup {
        for caller in callers {
            black_box(caller.call(op).await);
        }
    }
    let mut samples = vec![Vec::with_capacity(config.latency_calls); callers.len()];
    // A new random order every round (xorshift, fixed seed), so that no
    // client always runs first, or always right after the same other one.
    let mut order: Vec<usize> = (0..callers.len()).collect();
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    for _ in 0..config.latency_calls {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &who in &order {
            let start = Instant::now();
            let got = black_box(callers[who].call(op).await);
            samples[who].push(start.elapsed());
            assert_eq!(got, op.expected());
        }
    }
    Latency { samples }
}

// ---------------------------------------------------------------------------
// 2. Throughput

struct Throughput {
    /// Per client (SDK, plain, plain again), the time of each round.
    rounds: [Vec<Duration>; 3],
    /// Calls per round.
    calls: usize,
    /// The paired runs, `user_list` then `user_get`.
    paired: [Paired; 2],
}

/// Calls of the SDK, plain reqwest, the SDK again and plain again taking
/// turns in one stream: per turn, the time spent polling its calls.
struct Paired {
    op: Op,
    /// Calls per turn.
    calls: usize,
    /// SDK, plain, SDK again, plain again.
    polling: [Duration; 4],
}

impl Paired {
    /// Polling time per call (µs) of the turns `who`.
    fn per_call(&self, who: &[usize]) -> f64 {
        let total: Duration = who.iter().map(|&w| self.polling[w]).sum();
        micros(total) / (self.calls * who.len()) as f64
    }

    fn rows(&self, in_flight: usize) -> Vec<Row> {
        let name = self.op.name();
        let (sdk, plain) = (self.per_call(&[0, 2]), self.per_call(&[1, 3]));
        let sdk_again = self.per_call(&[2]) / self.per_call(&[0]);
        vec![
            Row::compare(
                &format!(
                    "2. paired, {name}: SDK, plain, SDK, plain again taking turns in one stream, {in_flight} in flight, {} calls each side: polling time per call (µs)",
                    2 * self.calls
                ),
                sdk,
                plain,
            ),
            Row::new(
                &format!("2. paired, {name}: SDK − plain per call; throughput SDK / plain"),
                format!("{:+.1} µs; {:.3}", sdk - plain, plain / sdk),
            ),
            Row::compare(
                &format!(
                    "2. paired, {name}, control: plain again / plain (µs); SDK again / SDK {sdk_again:.3}"
                ),
                self.per_call(&[3]),
                self.per_call(&[1]),
            ),
        ]
    }
}

/// A call whose polls add their time to `spent`.
struct Polled<'a, F> {
    call: std::pin::Pin<Box<F>>,
    spent: &'a std::cell::Cell<Duration>,
}

impl<F: Future> Future for Polled<'_, F> {
    type Output = F::Output;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<F::Output> {
        let start = Instant::now();
        let poll = self.call.as_mut().poll(cx);
        self.spent.set(self.spent.get() + start.elapsed());
        poll
    }
}

/// `calls` calls of each of `callers`, taking turns in one stream of
/// `in_flight` (every call boxed alike, whoever makes it).
async fn paired(callers: [Caller<'_>; 4], calls: usize, in_flight_calls: usize, op: Op) -> Paired {
    let spent: [std::cell::Cell<Duration>; 4] = Default::default();
    let spent = &spent;
    in_flight(calls * callers.len(), in_flight_calls, op, |i| {
        let who = i % callers.len();
        Polled {
            call: Box::pin(callers[who].call(op)),
            spent: &spent[who],
        }
    })
    .await;
    Paired {
        op,
        calls,
        polling: spent.each_ref().map(std::cell::Cell::get),
    }
}

impl Throughput {
    /// Calls per second over all rounds.
    fn rate(&self, who: usize) -> f64 {
        let total: Duration = self.rounds[who].iter().sum();
        (self.calls * self.rounds[who].len()) as f64 / total.as_secs_f64()
    }

    /// Median, min and max over rounds of `who`'s rate / plain's rate.
    fn round_ratios(&self, who: usize) -> (f64, f64, f64) {
        let mut ratios: Vec<f64> = self.rounds[who]
            .iter()
            .zip(&self.rounds[1])
            .map(|(a, b)| b.as_secs_f64() / a.as_secs_f64())
            .collect();
        ratios.sort_unstable_by(f64::total_cmp);
        (
            ratios[ratios.len() / 2],
            ratios[0],
            ratios[ratios.len() - 1],
        )
    }

    fn rows(&self, config: &Config) -> Vec<Row> {
        let (sdk, plain, again) = (self.rate(0), self.rate(1), self.rate(2));
        let (median, low, high) = self.round_ratios(0);
        let (c_median, c_low, c_high) = self.round_ratios(2);
        vec![
            Row::compare(
                &format!(
                    "2. throughput in rounds, one client at a time, {} in flight, {} calls each (calls/s; rounds drift with the machine: see the control, and the paired rows below)",
                    config.in_flight,
                    self.calls * self.rounds[0].len()
                ),
                sdk,
                plain,
            ),
            Row::new(
                &format!(
                    "2. SDK / plain per round ({} rounds): median (min–max)",
                    self.rounds[0].len()
                ),
                format!("{median:.3} ({low:.3}–{high:.3})"),
            ),
            Row::compare(
                &format!(
                    "2. control: 2nd identical plain client (calls/s); per round {c_median:.3} ({c_low:.3}–{c_high:.3})"
                ),
                again,
                plain,
            ),
        ]
        .into_iter()
        .chain(self.paired.iter().flat_map(|p| p.rows(config.in_flight)))
        .collect()
    }
}

/// `calls` calls of `op`, `call(i)` making the i-th, `in_flight` at a
/// time; checks that each returned `op.expected()`.
async fn in_flight<F, Fut>(calls: usize, in_flight: usize, op: Op, call: F) -> Duration
where
    F: Fn(usize) -> Fut,
    Fut: Future<Output = usize>,
{
    let start = Instant::now();
    let returned = futures::stream::iter(0..calls)
        .map(call)
        .buffer_unordered(in_flight)
        .fold(0usize, |sum, n| async move { sum + n })
        .await;
    let elapsed = start.elapsed();
    assert_eq!(returned, calls * op.expected());
    elapsed
}

async fn throughput(config: &Config, sdk: &Client, plain: &Plain, again: &Plain) -> Throughput {
    let callers = [Caller::Sdk(sdk), Caller::Plain(plain), Caller::Plain(again)];
    // Warm-up: open each pool's connections for this many calls in flight.
    let warm = config.in_flight * 4;
    for caller in callers {
        in_flight(warm, config.in_flight, Op::Page, |_| caller.call(Op::Page)).await;
    }
    // Many short rounds, the clients taking turns in a rotating order, so
    // that the machine's drift hits all of them alike.
    let rounds = config.throughput_rounds.max(1);
    let per_round = config.throughput_calls / rounds;
    let mut times: [Vec<Duration>; 3] = Default::default();
    for round in 0..rounds {
        for turn in 0..callers.len() {
            let who = (round + turn) % callers.len();
            let caller = callers[who];
            times[who].push(
                in_flight(per_round, config.in_flight, Op::Page, |_| {
                    caller.call(Op::Page)
                })
                .await,
            );
        }
    }
    let turns = [callers[0], callers[1], callers[0], callers[2]];
    let calls = config.throughput_calls / 2;
    let page = paired(turns, calls, config.in_flight, Op::Page).await;
    let one = paired(turns, calls, config.in_flight, Op::One).await;
    Throughput {
        rounds: times,
        calls: per_round,
        paired: [page, one],
    }
}

// ---------------------------------------------------------------------------
// 3. Token refresh

struct Refresh {
    cached: Stats,
    /// The herd control: cached token, all calls released at once.
    together: Stats,
    together_wall: Duration,
    refreshing: Stats,
    /// Wall time of all the batches of each kind.
    cached_wall: Duration,
    refreshing_wall: Duration,
    /// The token fetch itself: one caller, pooled connections
    /// ([`SOLO_FETCHES`] per round).
    solo: Stats,
    /// Per round, when the server answered the refresh's token request,
    /// counted from the start of the batch at expiry.
    answered_after: Vec<Duration>,
    /// Per round, the slowest call and the whole batch at expiry minus the
    /// same of the cached batch (µs).
    round_max_delta: Vec<f64>,
    round_batch_delta: Vec<f64>,
    /// Token requests made by each round's refresh batch.
    token_requests: Vec<u64>,
    /// Rounds whose cached batch outlived the token (figures left out).
    invalid_rounds: usize,
}

impl Refresh {
    fn rows(&self, config: &Config) -> Vec<Row> {
        let (c, h, r) = (&self.cached, &self.together, &self.refreshing);
        let counts: Vec<String> = self.token_requests.iter().map(u64::to_string).collect();
        let fetch = micros(self.solo.p50);
        let triple = |what: &str, at_expiry: Duration, herd: Duration, cached: Duration| {
            let (r, h, c) = (micros(at_expiry), micros(herd), micros(cached));
            Row::new(
                &format!(
                    "3. concurrent calls {what} (µs): at expiry / cached, released together / cached (expiry − together − fetch)"
                ),
                format!("{r:.0} / {h:.0} / {c:.0} ({:+.0})", r - h - fetch),
            )
        };
        let rounds = self.token_requests.len().max(1) as u32;
        let (rw, hw, cw) = (
            self.refreshing_wall / rounds,
            self.together_wall / rounds,
            self.cached_wall / rounds,
        );
        let spread = |deltas: &[f64]| {
            let mut sorted = deltas.to_vec();
            sorted.sort_unstable_by(f64::total_cmp);
            match (sorted.first(), sorted.last()) {
                (Some(low), Some(high)) => {
                    format!("{:+.0} ({low:+.0} to {high:+.0})", sorted[sorted.len() / 2])
                }
                _ => String::new(),
            }
        };
        let mut rows = vec![
            Row::new(
                &format!(
                    "3. token requests per refresh, {} concurrent user_get calls (per round)",
                    config.refresh_calls
                ),
                counts.join(", "),
            ),
            Row::new(
                &format!(
                    "3. the token fetch itself, one caller (µs): median (min–max) of {}",
                    SOLO_FETCHES * self.token_requests.len()
                ),
                format!(
                    "{fetch:.0} ({:.0}–{:.0})",
                    micros(self.solo.min),
                    micros(self.solo.max)
                ),
            ),
            Row::new(
                "3. at expiry, the token answer left the server after (µs from batch start), per round",
                self.answered_after
                    .iter()
                    .map(|d| format!("{:.0}", micros(*d)))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            triple("p50", r.p50, h.p50, c.p50),
            triple("p99", r.p99, h.p99, c.p99),
            triple("max", r.max, h.max, c.max),
            triple("whole batch", rw, hw, cw),
            Row::new(
                &format!(
                    "3. per round ({}), at expiry − cached (µs): slowest call, median (min to max)",
                    self.round_max_delta.len()
                ),
                spread(&self.round_max_delta),
            ),
            Row::new(
                "3. per round, at expiry − cached (µs): whole batch, median (min to max)",
                spread(&self.round_batch_delta),
            ),
        ];
        if self.invalid_rounds > 0 {
            rows.push(Row::new(
                "3. rounds left out (cached batch outlived the token)",
                self.invalid_rounds.to_string(),
            ));
        }
        rows
    }
}

/// `n` SDK `user_get` calls (a small answer, so that decoding does not
/// swamp the refresh), each in its own task, all started at once; the
/// latency of each call.
///
/// With `together`, the calls first wait at a gate that opens
/// [`HERD_RELEASE`] after the batch started, so that all the calls started
/// by then go at once, as the waiters of a refresh do when the token
/// arrives (the herd control: the same burst with the token cached).
async fn concurrent(client: &Arc<Client>, n: usize, together: bool) -> (Vec<Duration>, Duration) {
    let batch = Instant::now();
    let (release, gate) = tokio::sync::watch::channel(!together);
    if together {
        tokio::spawn(async move {
            tokio::time::sleep(HERD_RELEASE).await;
            release.send_replace(true);
        });
    }
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let client = client.clone();
            let mut gate = gate.clone();
            tokio::spawn(async move {
                let start = Instant::now();
                gate.wait_for(|open| *open).await.expect("gate");
                let got = sdk_op(&client, Op::One).await;
                (start.elapsed(), got)
            })
        })
        .collect();
    let mut out = Vec::with_capacity(n);
    for task in tasks {
        let (elapsed, got) = task.await.expect("call task");
        assert_eq!(got, Op::One.expected());
        out.push(elapsed);
    }
    (out, batch.elapsed())
}

async fn refresh(config: &Config, server: &Server) -> Result<Refresh, String> {
    let lifetime = Duration::from_secs(SHORT_TOKEN_SECS);
    let tokens = || server.state.short_tokens.load(Ordering::SeqCst);
    let mut cached = Vec::new();
    let mut together = Vec::new();
    let mut refreshing = Vec::new();
    let mut solo = Vec::new();
    let mut token_requests = Vec::new();
    let mut answered_after = Vec::new();
    let (mut round_max_delta, mut round_batch_delta) = (Vec::new(), Vec::new());
    let mut invalid_rounds = 0;
    let (mut cached_wall, mut refreshing_wall) = (Duration::ZERO, Duration::ZERO);
    let mut together_wall = Duration::ZERO;
    for _ in 0..config.refresh_rounds {
        // A new client each round: empty token cache, empty pool.
        let client = Arc::new(
            Client::builder()
                .base_url(&server.base)
                .client_credentials("bench-app", "bench-key")
                .token_url(format!("{}/o/token-short/", server.base))
                // Refresh exactly at expiry.
                .token_refresh_skew(Duration::ZERO)
                .build()
                .map_err(|e| format!("SDK client: {e}"))?,
        );
        let authenticate = async || {
            client
                .authenticate()
                .await
                .map_err(|e| format!("authenticate: {e}"))
        };
        authenticate().await?;
        // Untimed: opens as many pooled connections as calls in flight, so
        // that both timed batches reuse connections.
        concurrent(&client, config.refresh_calls, false).await;
        // The token fetch itself: one caller, a pooled connection.
        let mut fetched = Instant::now();
        let before = tokens();
        for _ in 0..SOLO_FETCHES {
            client.invalidate_token();
            let start = Instant::now();
            authenticate().await?;
            solo.push(start.elapsed());
            fetched = Instant::now();
        }
        if tokens() != before + SOLO_FETCHES as u64 {
            return Err("a solo token fetch made no token request".into());
        }
        let before = tokens();
        let (mut batch, batch_wall) = concurrent(&client, config.refresh_calls, false).await;
        let (mut herd, herd_wall) = concurrent(&client, config.refresh_calls, true).await;
        let in_time = fetched.elapsed() + Duration::from_millis(200) < lifetime;
        if tokens() != before || !in_time {
            invalid_rounds += 1;
            continue;
        }
        tokio::time::sleep_until((fetched + lifetime + Duration::from_millis(50)).into()).await;
        let before = tokens();
        let start = Instant::now();
        let (mut expired, expired_wall) = concurrent(&client, config.refresh_calls, false).await;
        token_requests.push(tokens() - before);
        let answered = *server
            .state
            .short_token_answered
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(at) = answered {
            answered_after.push(at.saturating_duration_since(start));
        }
        let slowest = |calls: &[Duration]| calls.iter().max().copied().unwrap_or_default();
        round_max_delta.push(micros(slowest(&expired)) - micros(slowest(&batch)));
        round_batch_delta.push(micros(expired_wall) - micros(batch_wall));
        cached.append(&mut batch);
        together.append(&mut herd);
        refreshing.append(&mut expired);
        cached_wall += batch_wall;
        together_wall += herd_wall;
        refreshing_wall += expired_wall;
    }
    if cached.is_empty() {
        return Err("every token-refresh round outlived its token; the machine is too busy".into());
    }
    Ok(Refresh {
        cached: Stats::of(&mut cached),
        together: Stats::of(&mut together),
        together_wall,
        refreshing: Stats::of(&mut refreshing),
        cached_wall,
        refreshing_wall,
        solo: Stats::of(&mut solo),
        answered_after,
        round_max_delta,
        round_batch_delta,
        token_requests,
        invalid_rounds,
    })
}

// ---------------------------------------------------------------------------
// 4. Hook path

/// Who pays for a piece of work measured in [`hook_path`].
#[derive(Clone, Copy)]
enum Paid {
    /// The SDK, this many times per call.
    Sdk(u32),
    /// The SDK and plain reqwest alike.
    Both,
    /// Neither: a figure for comparison.
    Neither,
}

struct HookPath {
    parts: Vec<(&'static str, f64, Paid)>,
}

impl HookPath {
    fn rows(&self, median_delta_us: Option<f64>) -> Vec<Row> {
        let mut rows: Vec<Row> = self
            .parts
            .iter()
            .map(|(what, ns, paid)| {
                let note = match paid {
                    Paid::Sdk(1) => String::new(),
                    Paid::Sdk(n) => format!(" (×{n} per call)"),
                    Paid::Both => " (both sides)".to_owned(),
                    Paid::Neither => " (for comparison; not paid)".to_owned(),
                };
                Row::new(&format!("H. {what}{note}"), format!("{ns:.0} ns"))
            })
            .collect();
        let sdk_only: f64 = self
            .parts
            .iter()
            .map(|(_, ns, paid)| match paid {
                Paid::Sdk(n) => ns * f64::from(*n),
                _ => 0.0,
            })
            .sum();
        let measured = median_delta_us.map_or_else(String::new, |d| format!(" vs {d:+.1} µs"));
        rows.push(Row::new(
            "H. SDK-only work per call, hot-loop sum (vs measured paired median delta)",
            format!("{:.2} µs{measured}", sdk_only / 1000.0),
        ));
        rows
    }
}

fn per_call(iters: u32, mut f: impl FnMut()) -> f64 {
    for _ in 0..iters / 10 {
        f();
    }
    let start = Instant::now();
    for _ in 0..iters {
        f();
    }
    start.elapsed().as_nanos() as f64 / f64::from(iters)
}

async fn hook_path(config: &Config, sdk: &Client, base: &str, body: &[u8]) -> HookPath {
    let n = config.micro_iters;
    let mut parts = Vec::new();

    parts.push((
        "operation lookup at run time, `Operation::find` (the generated `send()`s find theirs while compiling)",
        per_call(n, || {
            black_box(Operation::find(black_box("user_list")));
        }),
        Paid::Neither,
    ));

    parts.push((
        "invocation id (UUID v4, text, HeaderValue, X-Request-ID insert)",
        per_call(n, || {
            let mut headers = HeaderMap::new();
            let id = mindz_sdk::Uuid::new_v4();
            let mut buffer = mindz_sdk::Uuid::encode_buffer();
            let text = id.hyphenated().encode_lower(&mut buffer);
            let value = HeaderValue::from_str(text).expect("header");
            headers.insert(HeaderName::from_static("x-request-id"), value);
            black_box(headers);
        }),
        Paid::Sdk(1),
    ));

    let base_url = reqwest::Url::parse(base).expect("url");
    let request_url = reqwest::Url::parse(&format!("{base}/v2/users/?limit=50")).expect("url");
    parts.push((
        "origin check (scheme, host, port of two parsed URLs)",
        per_call(n, || {
            let (b, url) = (black_box(&base_url), black_box(&request_url));
            let own = b.scheme() == url.scheme()
                && b.host_str() == url.host_str()
                && b.port_or_known_default() == url.port_or_known_default();
            black_box(own);
        }),
        Paid::Sdk(1),
    ));

    // The cached token read: `authenticate` is `provider.token()` and a map.
    let iters = n / 4;
    for _ in 0..iters / 10 {
        sdk.authenticate().await.expect("cached token");
    }
    let start = Instant::now();
    for _ in 0..iters {
        sdk.authenticate().await.expect("cached token");
    }
    parts.push((
        "cached token read (`authenticate`: boxed future, mutex, clock; an upper bound)",
        start.elapsed().as_nanos() as f64 / f64::from(iters),
        Paid::Sdk(1),
    ));

    let http = mindz_sdk::tls::reqwest_builder()
        .expect("TLS")
        .build()
        .expect("client");
    let request = http
        .get(format!("{base}/v2/users/"))
        .header(ACCEPT, HeaderValue::from_static("application/json"))
        .query(&[("limit", PAGE_SIZE)])
        .header(
            HeaderName::from_static("api-version"),
            HeaderValue::from_static(Client::api_version()),
        )
        .build()
        .expect("request");
    // What the SDK no longer pays: it kept this copy of every request for a
    // retry, 401 resend or redirect; now each send builds its request afresh.
    parts.push((
        "request copy (the spare the SDK kept before it built each send afresh)",
        per_call(n, || {
            let original = black_box(&request);
            let mut copy = reqwest::Request::new(original.method().clone(), original.url().clone());
            *copy.headers_mut() = original.headers().clone();
            *copy.version_mut() = original.version();
            black_box(copy);
        }),
        Paid::Neither,
    ));

    // The token's `Authorization` value is made once, when it is fetched.
    let mut bearer = HeaderValue::from_static("Bearer bench-token-000000");
    bearer.set_sensitive(true);
    let mut headers = request.headers().clone();
    parts.push((
        "Authorization header (clone of the token's HeaderValue, insert)",
        per_call(n, || {
            black_box(headers.insert(AUTHORIZATION, black_box(&bearer).clone()));
        }),
        Paid::Sdk(1),
    ));

    parts.push((
        "building the request",
        per_call(n / 4, || {
            black_box(
                http.get(format!("{base}/v2/users/"))
                    .header(ACCEPT, HeaderValue::from_static("application/json"))
                    .query(&[("limit", PAGE_SIZE)])
                    .header(
                        HeaderName::from_static("api-version"),
                        HeaderValue::from_static(Client::api_version()),
                    )
                    .build()
                    .expect("request"),
            );
        }),
        Paid::Both,
    ));

    parts.push((
        "JSON decode of the page",
        per_call((n / 100).max(100), || {
            let page: types::PaginatedUserList =
                serde_json::from_slice(black_box(body)).expect("decode");
            black_box(page);
        }),
        Paid::Both,
    ));

    HookPath { parts }
}

// ---------------------------------------------------------------------------
// 5. Throttling

/// `calls` reads of one user, `in_flight` at a time, against
/// `mindz_tests::throttle` at 40/s: calls failed, requests answered 429,
/// share of the allowed rate (successful calls per second over the job).
async fn throttle_job(
    calls: usize,
    in_flight: usize,
    limit: mindz_sdk::RateLimit,
    name: &str,
    body: &[u8],
) -> Result<Row, String> {
    use mindz_tests::throttle::{Throttle, ThrottleServer};
    const RATE: usize = 40;
    let server = ThrottleServer::start(Throttle::per_second(RATE), body)
        .map_err(|e| format!("throttle server: {e}"))?;
    let client = Client::builder()
        .base_url(&server.base)
        .bearer_token("bench-token-throttle")
        .rate_limit(limit)
        .build()
        .map_err(|e| format!("SDK client: {e}"))?;
    let start = Instant::now();
    let failed = futures::stream::iter(0..calls)
        .map(|_| {
            let client = client.clone();
            async move { client.user_get().user_id(USER_ID).send().await.is_err() }
        })
        .buffer_unordered(in_flight)
        .filter(|failed| std::future::ready(*failed))
        .count()
        .await;
    let elapsed = start.elapsed().as_secs_f64();
    let (requests, throttled) = (server.requests(), server.throttled());
    let share = (calls - failed) as f64 / elapsed / RATE as f64;
    Ok(Row::new(
        &format!(
            "T. {calls} reads, {in_flight} in flight, limiter {name}: failed / 429s / share of 40/s"
        ),
        format!(
            "{failed} of {calls} / {throttled} of {requests} ({:.1} %) / {:.0} %",
            throttled as f64 * 100.0 / requests as f64,
            share * 100.0
        ),
    ))
}

// ---------------------------------------------------------------------------
// Output

struct Row {
    figure: String,
    sdk: String,
    plain: String,
    ratio: String,
}

impl Row {
    fn new(figure: &str, value: String) -> Self {
        Self {
            figure: figure.to_owned(),
            sdk: value,
            plain: String::new(),
            ratio: String::new(),
        }
    }

    fn compare(figure: &str, sdk: f64, plain: f64) -> Self {
        Self {
            figure: figure.to_owned(),
            sdk: format!("{sdk:.1}"),
            plain: format!("{plain:.1}"),
            ratio: format!("{:.3}", sdk / plain),
        }
    }
}

fn print_table(rows: &[Row]) {
    println!("| figure | SDK (or value) | plain reqwest | SDK / plain |");
    println!("| --- | ---: | ---: | ---: |");
    for row in rows {
        println!(
            "| {} | {} | {} | {} |",
            row.figure, row.sdk, row.plain, row.ratio
        );
    }
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned())
}
