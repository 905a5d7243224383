//! A small hand-written HTTP/1.1 server on 127.0.0.1 for the tests that
//! need control below HTTP libraries: it records every request (method,
//! target, headers, body), counts the connections it accepts, and can reset,
//! hang, hang in the middle of a body, or stream a huge body while counting
//! what it managed to write.
//!
//! It runs as tasks on the test's own runtime (not wiremock, whose server
//! runs on a thread of its own). Under a paused Tokio clock, Tokio jumps the
//! clock to the next timer whenever the runtime has nothing to do; with the
//! server on the same runtime the loopback I/O is always ready first, so an
//! SDK timer fires only when the server really does not answer.
//!
//! Use it with `#[path = "support/loopback.rs"] mod loopback;`.

#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// What the server does with a request.
pub enum Reply {
    /// Status, extra headers, body (with `Content-Length`).
    With(u16, Vec<(&'static str, String)>, String),
    /// Status and a body of `total` bytes of `x`, written in 64 KiB pieces
    /// until done or until the client goes away; chunked, or with a
    /// `Content-Length` of `total`. The bytes written are reported.
    Stream {
        status: u16,
        total: u64,
        chunked: bool,
    },
    /// Close the connection without answering (a reset before the headers).
    Reset,
    /// Never answer; keep the connection open.
    Hang,
    /// Send the status, the headers and part of the body, then nothing more.
    HangInBody,
    /// The reply, after a wait (on the test's clock, paused or not).
    After(Duration, Box<Reply>),
}

pub fn json(status: u16, body: &str) -> Reply {
    Reply::With(status, vec![], body.to_owned())
}

pub type Handler = dyn Fn(&Seen, usize) -> Reply + Send + Sync;

/// A server on 127.0.0.1 calling `handler` with each request and its index
/// (0-based, in arrival order).
pub struct Server {
    /// `http://127.0.0.1:<port>`.
    pub origin: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    connections: Arc<AtomicUsize>,
    /// Body bytes written by each finished [`Reply::Stream`].
    written: tokio::sync::Mutex<mpsc::UnboundedReceiver<u64>>,
}

impl Server {
    pub async fn start(handler: impl Fn(&Seen, usize) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let origin = format!("http://{}", listener.local_addr().expect("addr"));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let (tx, rx) = mpsc::unbounded_channel();
        let handler: Arc<Handler> = Arc::new(handler);
        let log = seen.clone();
        let accepted = connections.clone();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                accepted.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(serve(stream, handler.clone(), log.clone(), tx.clone()));
            }
        });
        Self {
            origin,
            seen,
            connections,
            written: tokio::sync::Mutex::new(rx),
        }
    }

    pub fn base_url(&self) -> String {
        format!("{}/api", self.origin)
    }

    /// A client builder for this server's API, sending `token`.
    pub fn builder(&self, token: &str) -> mindz_sdk::ClientBuilder {
        mindz_sdk::Client::builder()
            .base_url(self.base_url())
            .bearer_token(token)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    pub fn hits(&self) -> usize {
        self.seen.lock().unwrap().len()
    }

    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// Waits (real time, at most 60 s) for a streamed body to end and
    /// returns how many of its bytes were written.
    pub async fn stream_written(&self) -> u64 {
        let mut rx = self.written.lock().await;
        tokio::time::timeout(Duration::from_secs(60), rx.recv())
            .await
            .expect("the server stopped writing within 60 s")
            .expect("a streamed reply")
    }
}

async fn serve(
    mut stream: TcpStream,
    handler: Arc<Handler>,
    log: Arc<Mutex<Vec<Seen>>>,
    written: mpsc::UnboundedSender<u64>,
) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(pos) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break pos + 4;
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next().unwrap_or_default().split(' ');
    let method = request_line.next().unwrap_or_default().to_owned();
    let target = request_line.next().unwrap_or_default().to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0)
        .min(1 << 20);
    while buf.len() < head_end + length {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let request = Seen {
        method,
        target,
        headers,
        body: buf[head_end..].to_vec(),
    };
    let index = {
        let mut log = log.lock().unwrap();
        log.push(request.clone());
        log.len() - 1
    };
    let mut reply = handler(&request, index);
    if let Reply::After(wait, later) = reply {
        tokio::time::sleep(wait).await;
        reply = *later;
    }
    match reply {
        Reply::With(status, headers, body) => {
            let mut out = format!(
                "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n",
                body.len()
            );
            if !headers.iter().any(|(name, _)| *name == "content-type") {
                out.push_str("content-type: application/json\r\n");
            }
            for (name, value) in headers {
                out.push_str(&format!("{name}: {value}\r\n"));
            }
            out.push_str("\r\n");
            out.push_str(&body);
            let _ = stream.write_all(out.as_bytes()).await;
            let _ = stream.shutdown().await;
        }
        Reply::Stream {
            status,
            total,
            chunked,
        } => {
            let framing = if chunked {
                "transfer-encoding: chunked".to_owned()
            } else {
                format!("content-length: {total}")
            };
            let head = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\n{framing}\r\nconnection: close\r\n\r\n"
            );
            let mut sent = 0u64;
            if stream.write_all(head.as_bytes()).await.is_ok() {
                const PIECE: usize = 64 * 1024;
                let mut piece = Vec::with_capacity(PIECE + 16);
                if chunked {
                    piece.extend_from_slice(format!("{PIECE:x}\r\n").as_bytes());
                }
                piece.extend(std::iter::repeat_n(b'x', PIECE));
                if chunked {
                    piece.extend_from_slice(b"\r\n");
                }
                while sent < total {
                    if stream.write_all(&piece).await.is_err() {
                        break;
                    }
                    sent += PIECE as u64;
                }
                if sent >= total && chunked {
                    let _ = stream.write_all(b"0\r\n\r\n").await;
                }
            }
            let _ = written.send(sent);
        }
        Reply::Reset => {
            let _ = stream.set_zero_linger();
            drop(stream);
        }
        Reply::Hang => {
            std::future::pending::<()>().await;
        }
        Reply::HangInBody => {
            let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"id\": 1,";
            let _ = stream.write_all(head.as_bytes()).await;
            std::future::pending::<()>().await;
        }
        // A reply waits once; a nested wait is a test's mistake.
        Reply::After(..) => panic!("Reply::After inside Reply::After"),
    }
}
