//! `cargo xtask probe [--prism] [PROBE OPTIONS]`: the read-only probe of a
//! live school (`mindz-tests`'s `probe` binary; see `tests/src/probe/`).
//!
//! - Without `--prism`: builds the probe and runs it with the given options
//!   and the `MINDZ_*` variables of the environment (a real school).
//! - With `--prism`: starts Prism (static mode, `schema/mindz.yaml`, the
//!   pinned `xtask/node` install; run `cargo xtask conformance` once to
//!   install it) on a free 127.0.0.1 port and runs the probe against it with
//!   `--strict`: every GET operation must be confirmed and nothing found.
//!   The JSON report goes to `.conformance/probe-prism.json`.
//!
//! Like `conformance`, xtask never depends on mindz-sdk: the probe is a
//! separate binary built with cargo.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `"$@"` in the background and stops it when stdin (a pipe from
/// xtask) closes, as in `conformance.rs`.
const SUPERVISOR: &str = r#"exec 3<&0 </dev/null
"$@" 3<&- &
server=$!
(read -r _ <&3; kill -TERM "$server" 2>/dev/null) &
wait "$server""#;

/// `cargo xtask probe [--prism] [options of the probe]`.
pub fn run(root: &Path) -> Result<(), String> {
    let mut args: Vec<String> = std::env::args().skip(2).collect();
    let prism = args.iter().any(|a| a == "--prism");
    args.retain(|a| a != "--prism");
    let probe = build_probe(root)?;
    if !prism {
        let status = Command::new(&probe)
            .args(&args)
            .current_dir(root)
            .status()
            .map_err(|e| format!("cannot run the probe: {e}"))?;
        return status
            .success()
            .then_some(())
            .ok_or_else(|| format!("the probe failed ({status})"));
    }
    let start = Instant::now();
    std::fs::create_dir_all(root.join(".conformance"))
        .map_err(|e| format!("cannot create .conformance/: {e}"))?;
    let server = Prism::start(root)?;
    let status = Command::new(&probe)
        .args(["--base-url", &format!("http://127.0.0.1:{}", server.port)])
        .args(["--token", "probe-token", "--rate", "100", "--strict"])
        .args(["--json", ".conformance/probe-prism.json"])
        .args(&args)
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run the probe: {e}"))?;
    drop(server);
    println!(
        "probe --prism: {} in {:.1} s (Prism, probe and report)",
        if status.success() { "clean" } else { "FAILED" },
        start.elapsed().as_secs_f64()
    );
    status
        .success()
        .then_some(())
        .ok_or_else(|| "the probe against Prism is not clean (see above)".to_string())
}

/// `cargo build -p mindz-tests --bin probe`; the executable's path.
fn build_probe(root: &Path) -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["build", "--quiet", "-p", "mindz-tests", "--bin", "probe"])
        .arg("--message-format=json-render-diagnostics")
        .current_dir(root)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!("the probe does not build ({})", output.status));
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| {
            l.contains(r#""reason":"compiler-artifact""#) && l.contains(r#""name":"probe""#)
        })
        .find_map(|l| {
            let rest = l.split_once(r#""executable":""#)?.1;
            Some(PathBuf::from(rest.split_once('"')?.0.replace("\\\\", "\\")))
        })
        .ok_or_else(|| "cargo built the probe but named no executable".to_string())
}

/// `prism mock` in static mode, stopped with its process group when dropped.
struct Prism {
    child: Child,
    watch: Option<ChildStdin>,
    port: u16,
}

impl Prism {
    fn start(root: &Path) -> Result<Prism, String> {
        let bin = root.join("xtask/node/node_modules/.bin/prism");
        if !bin.exists() {
            return Err(format!(
                "{} is missing: run `cargo xtask conformance` once to install the pinned Node tools",
                bin.display()
            ));
        }
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .map_err(|e| format!("cannot find a free port on 127.0.0.1: {e}"))?;
        let log = root.join(".conformance/prism-probe.log");
        let out = std::fs::File::create(&log)
            .map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let err = out
            .try_clone()
            .map_err(|e| format!("{}: {e}", log.display()))?;
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(SUPERVISOR)
            .arg("prism-supervisor")
            .arg(&bin)
            .args([
                "mock",
                "-h",
                "127.0.0.1",
                "-p",
                &port.to_string(),
                "schema/mindz.yaml",
            ])
            .envs([
                ("SCARF_ANALYTICS", "false"),
                ("DO_NOT_TRACK", "1"),
                ("NO_UPDATE_NOTIFIER", "1"),
            ])
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::from(out))
            .stderr(Stdio::from(err))
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let watch = child.stdin.take();
        let prism = Prism { child, watch, port };
        let start = Instant::now();
        while !answers(port) {
            if start.elapsed() > Duration::from_secs(60) {
                return Err(format!(
                    "Prism did not answer within 60 s (log: {})",
                    log.display()
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        println!(
            "probe --prism: Prism on 127.0.0.1:{port}, ready in {} ms",
            start.elapsed().as_millis()
        );
        Ok(prism)
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        drop(self.watch.take());
        let group = self.child.id() as libc::pid_t;
        // SAFETY: kill(2) on our own child's process group; reads no memory.
        unsafe {
            libc::kill(-group, libc::SIGTERM);
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline && !matches!(self.child.try_wait(), Ok(Some(_))) {
            std::thread::sleep(Duration::from_millis(50));
        }
        // SAFETY: as above.
        unsafe {
            libc::kill(-group, libc::SIGKILL);
        }
        let _ = self.child.wait();
    }
}

/// Whether an HTTP server answers on 127.0.0.1:`port`.
fn answers(port: u16) -> bool {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_millis(500)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    let mut head = [0u8; 12];
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_exact(&mut head).is_ok()
        && head.starts_with(b"HTTP/1.")
}
