//! A school that throttles: a keep-alive HTTP/1.1 server on 127.0.0.1 (its
//! own thread and single-threaded runtime) that limits requests like Django
//! REST framework's `SimpleRateThrottle`, for the tests
//! (`tests/tests/throttling.rs`) and the bench (`src/bin/bench.rs`).
//!
//! Per credential (the `Authorization` header's value), a history of
//! request times within the window; a request that finds `rate` of them
//! there is refused with `429` and `Retry-After` = the rest of the window
//! (until the oldest request in the history leaves it) divided by the
//! requests still available (`rate − history + 1`), rounded up to whole
//! seconds, as DRF's `SimpleRateThrottle.wait()` and `Throttled` do. A
//! refused request is not added to the history. Every accepted request is
//! answered `200` with the body given to [`ThrottleServer::start`].
//!
//! The thread ends with the process.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

/// DRF's rate: `rate` requests per `window`, per credential.
#[derive(Debug, Clone, Copy)]
pub struct Throttle {
    pub rate: usize,
    pub window: Duration,
}

impl Throttle {
    /// `rate` requests per second (DRF's `"40/s"`).
    pub fn per_second(rate: usize) -> Self {
        Self {
            rate,
            window: Duration::from_secs(1),
        }
    }

    /// Whether a request at `now` with this `history` (newest last) is
    /// allowed; if so it is added. Otherwise the `Retry-After` seconds, if
    /// DRF would send one.
    pub fn allow(&self, history: &mut VecDeque<Instant>, now: Instant) -> Result<(), Option<u64>> {
        while let Some(&oldest) = history.front() {
            if now.duration_since(oldest) >= self.window {
                history.pop_front();
            } else {
                break;
            }
        }
        if history.len() < self.rate {
            history.push_back(now);
            return Ok(());
        }
        let remaining = match history.front() {
            Some(&oldest) => self.window.saturating_sub(now.duration_since(oldest)),
            None => self.window,
        };
        let available = self.rate as i64 - history.len() as i64 + 1;
        if available <= 0 {
            return Err(None);
        }
        let wait = remaining.as_secs_f64() / available as f64;
        Err(Some(wait.ceil() as u64))
    }
}

/// What the server has answered.
#[derive(Debug, Default)]
pub struct Counts {
    pub requests: AtomicU64,
    pub accepted: AtomicU64,
    pub throttled: AtomicU64,
}

/// The running server.
pub struct ThrottleServer {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    pub counts: Arc<Counts>,
}

struct Shared {
    throttle: Throttle,
    /// `200` answer, head and body.
    ok: Vec<u8>,
    histories: Mutex<HashMap<String, VecDeque<Instant>>>,
    counts: Arc<Counts>,
}

impl ThrottleServer {
    /// Starts the server; every accepted request is answered `body`
    /// (`application/json`).
    pub fn start(throttle: Throttle, body: &[u8]) -> std::io::Result<Self> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let base = format!("http://{}", listener.local_addr()?);
        let counts = Arc::new(Counts::default());
        let mut ok = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        ok.extend_from_slice(body);
        let shared = Arc::new(Shared {
            throttle,
            ok,
            histories: Mutex::new(HashMap::new()),
            counts: counts.clone(),
        });
        crate::serve("throttle-server", listener, move |stream| {
            let shared = shared.clone();
            async move {
                let _ = connection(stream, &shared).await;
            }
        })?;
        Ok(Self { base, counts })
    }

    pub fn requests(&self) -> u64 {
        self.counts.requests.load(Ordering::Relaxed)
    }

    pub fn throttled(&self) -> u64 {
        self.counts.throttled.load(Ordering::Relaxed)
    }
}

async fn connection(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    loop {
        let head_end = loop {
            if let Some(pos) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break pos + 4;
            }
            if buf.len() > 64 * 1024 || stream.read_buf(&mut buf).await? == 0 {
                return Ok(());
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
        let mut content_length = 0usize;
        let mut credential = String::new();
        for line in head.split("\r\n").skip(1) {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value.trim().parse().unwrap_or(0);
            } else if name.eq_ignore_ascii_case("authorization") {
                value.trim().clone_into(&mut credential);
            }
        }
        while buf.len() < head_end + content_length {
            if stream.read_buf(&mut buf).await? == 0 {
                return Ok(());
            }
        }
        buf.drain(..head_end + content_length);

        shared.counts.requests.fetch_add(1, Ordering::Relaxed);
        let verdict = {
            let mut histories = shared
                .histories
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let history = histories.entry(credential).or_default();
            shared.throttle.allow(history, Instant::now())
        };
        match verdict {
            Ok(()) => {
                shared.counts.accepted.fetch_add(1, Ordering::Relaxed);
                stream.write_all(&shared.ok).await?;
            }
            Err(retry_after) => {
                shared.counts.throttled.fetch_add(1, Ordering::Relaxed);
                let body = br#"{"detail":"Pedido foi limitado."}"#;
                let retry_after =
                    retry_after.map_or_else(String::new, |s| format!("retry-after: {s}\r\n"));
                let head = format!(
                    "HTTP/1.1 429 Too Many Requests\r\ncontent-type: application/json\r\n\
                     {retry_after}content-length: {}\r\n\r\n",
                    body.len()
                );
                stream.write_all(head.as_bytes()).await?;
                stream.write_all(body).await?;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drf_semantics() {
        let throttle = Throttle {
            rate: 3,
            window: Duration::from_secs(10),
        };
        let start = Instant::now();
        let mut history = VecDeque::new();
        for i in 0..3 {
            assert_eq!(
                throttle.allow(&mut history, start + Duration::from_secs(i)),
                Ok(())
            );
        }
        // Full: the oldest (t=0) leaves at t=10; 7.5 s left, 1 available.
        assert_eq!(
            throttle.allow(&mut history, start + Duration::from_millis(2_500)),
            Err(Some(8))
        );
        assert_eq!(history.len(), 3, "a refused request is not recorded");
        assert_eq!(
            throttle.allow(&mut history, start + Duration::from_secs(10)),
            Ok(())
        );
    }
}
