//! `cargo xtask conformance` and `cargo xtask spec-lint`: the schema checked
//! by third-party tools that read OpenAPI the way API consumers do.
//!
//! - `conformance`: installs the pinned Node tools (`xtask/node`, `npm ci`),
//!   regenerates the driver's calls (`tests/src/conformance/calls.rs`) from
//!   the schema, builds the driver (`mindz-tests`'s `conformance` binary), then
//!   for each of Prism's static mode and dynamic mode (`-d`, random answers)
//!   starts `prism mock` on a free 127.0.0.1 port, waits for it to answer,
//!   runs the driver against it and stops it. Fails unless every operation
//!   conforms in both modes. Prism's logs go to `.conformance/`.
//! - `spec-lint`: Redocly CLI's `lint` with `xtask/node/redocly.yaml`.
//!
//! Options of `conformance`: `--seed S` (dynamic mode's seed; default
//! `$MINDZ_CONFORMANCE_SEED`, else one from the clock, printed so a failure
//! can be replayed), `--rounds N` (calls of each operation in dynamic mode,
//! default 3), `--mode static|dynamic` (one mode only), `--calls-only` (only
//! check that `tests/src/conformance/calls.rs` and `generated.rs` are fresh;
//! `cargo xtask generate` writes both: no Node, no Prism).
//!
//! xtask never depends on mindz-sdk: the driver is a separate binary built
//! with cargo, so xtask still builds when `generated.rs` does not.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use mindz_codegen::conformance;

/// The npm project that pins the Node tools.
const NODE_DIR: &str = "xtask/node";
/// The schema every tool reads.
const SCHEMA: &str = "schema/mindz.yaml";
/// Redocly's configuration, with the reason for each rule turned off.
const REDOCLY_CONFIG: &str = "xtask/node/redocly.yaml";
/// Where Prism's logs go (git-ignored).
const LOG_DIR: &str = ".conformance";
/// Copy of the `package-lock.json` that `node_modules` was installed from.
const INSTALL_STAMP: &str = "node_modules/.mindz-installed-package-lock.json";
/// How long Prism may take to answer its first request.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);
/// Calls of each operation in dynamic mode (each answer is random).
const DEFAULT_DYNAMIC_ROUNDS: u32 = 3;

/// Environment for every Node tool: no telemetry, no update checks (the
/// machines reach no network but the package registries).
const NODE_ENV: [(&str, &str); 5] = [
    ("SCARF_ANALYTICS", "false"),
    ("DO_NOT_TRACK", "1"),
    ("REDOCLY_TELEMETRY", "off"),
    ("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"),
    ("NO_UPDATE_NOTIFIER", "1"),
];

/// A Prism mode: static examples or random (`-d`) answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Static,
    Dynamic,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Static => "static",
            Mode::Dynamic => "dynamic",
        }
    }
}

/// Options of `cargo xtask conformance`.
#[derive(Debug)]
struct Options {
    seed: String,
    rounds: u32,
    modes: Vec<Mode>,
    calls_only: bool,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut seed = std::env::var("MINDZ_CONFORMANCE_SEED")
        .ok()
        .filter(|s| !s.is_empty());
    let mut rounds = DEFAULT_DYNAMIC_ROUNDS;
    let mut modes = vec![Mode::Static, Mode::Dynamic];
    let mut calls_only = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--seed" => seed = Some(value("--seed")?),
            "--rounds" => {
                rounds = value("--rounds")?
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or("--rounds takes a positive integer")?;
            }
            "--mode" => {
                modes = match value("--mode")?.as_str() {
                    "static" => vec![Mode::Static],
                    "dynamic" => vec![Mode::Dynamic],
                    other => return Err(format!("--mode is static or dynamic, not `{other}`")),
                };
            }
            "--calls-only" => calls_only = true,
            other => return Err(format!("unknown option `{other}` for conformance")),
        }
    }
    let seed = seed.unwrap_or_else(|| {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos() ^ (d.as_secs() as u32))
            .unwrap_or(1);
        (nanos % 1_000_000).to_string()
    });
    Ok(Options {
        seed,
        rounds,
        modes,
        calls_only,
    })
}

/// `cargo xtask conformance [--seed S] [--rounds N] [--mode static|dynamic] [--calls-only]`.
pub fn run(root: &Path) -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(2).collect();
    let options = parse_options(&args)?;
    let start = Instant::now();
    if options.calls_only {
        require_fresh_outputs(root)?;
        println!("conformance: {} is up to date", conformance::DRIVER_CALLS);
        return Ok(());
    }
    let node = ensure_node_tools(root)?;
    require_fresh_outputs(root)?;
    let build_start = Instant::now();
    let driver = build_driver(root)?;
    println!(
        "conformance: driver built in {:.1} s ({})",
        build_start.elapsed().as_secs_f64(),
        driver.display()
    );
    std::fs::create_dir_all(root.join(LOG_DIR))
        .map_err(|e| format!("cannot create {LOG_DIR}/: {e}"))?;

    let mut results = Vec::new();
    for mode in &options.modes {
        results.push(run_mode(root, &node, &driver, *mode, &options)?);
    }
    let summary: Vec<String> = results
        .iter()
        .map(|r| {
            let seed = match r.mode {
                Mode::Dynamic => format!(", seed {}, {} rounds", options.seed, options.rounds),
                Mode::Static => String::new(),
            };
            format!("{} {}{seed}", r.mode.name(), r.counts)
        })
        .collect();
    println!(
        "conformance: {} in {:.1} s",
        summary.join("; "),
        start.elapsed().as_secs_f64()
    );
    let failed: Vec<&str> = results
        .iter()
        .filter(|r| !r.passed)
        .map(|r| r.mode.name())
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "not every operation conforms in {} mode (Prism logs in {LOG_DIR}/)",
            failed.join(" and ")
        ))
    }
}

/// `cargo xtask spec-lint`: Redocly CLI over the schema; any problem fails.
pub fn spec_lint(root: &Path) -> Result<(), String> {
    let start = Instant::now();
    let node = ensure_node_tools(root)?;
    let status = Command::new(node.bin("redocly"))
        .args([
            "lint",
            SCHEMA,
            "--config",
            REDOCLY_CONFIG,
            "--format",
            "stylish",
        ])
        .args(["--max-problems", "100000"])
        .envs(NODE_ENV)
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run redocly: {e}"))?;
    if !status.success() {
        return Err(format!(
            "redocly lint found problems in {SCHEMA} ({status}); fix them, or turn the rule off in {REDOCLY_CONFIG} with the reason"
        ));
    }
    println!(
        "spec-lint: {SCHEMA} passes redocly lint ({REDOCLY_CONFIG}) in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The installed Node tools.
#[derive(Debug)]
pub(crate) struct NodeTools {
    dir: PathBuf,
}

impl NodeTools {
    /// Path of an executable in `node_modules/.bin`.
    fn bin(&self, name: &str) -> PathBuf {
        self.dir.join("node_modules/.bin").join(name)
    }
}

/// Installs `xtask/node` with `npm ci` unless `node_modules` was already
/// installed from the same `package-lock.json`.
pub(crate) fn ensure_node_tools(root: &Path) -> Result<NodeTools, String> {
    let dir = root.join(NODE_DIR);
    let tools = NodeTools { dir: dir.clone() };
    let lock = std::fs::read(dir.join("package-lock.json"))
        .map_err(|e| format!("cannot read {NODE_DIR}/package-lock.json: {e}"))?;
    let stamp = dir.join(INSTALL_STAMP);
    let installed = std::fs::read(&stamp).is_ok_and(|old| old == lock)
        && ["prism", "redocly"].iter().all(|b| tools.bin(b).exists());
    if installed {
        return Ok(tools);
    }
    let start = Instant::now();
    println!("node tools: npm ci in {NODE_DIR} (package-lock.json changed or first run)");
    let status = Command::new("npm")
        .args([
            "ci",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ])
        .envs(NODE_ENV)
        .current_dir(&dir)
        .status()
        .map_err(|e| format!("cannot run npm (is Node.js installed?): {e}"))?;
    if !status.success() {
        return Err(format!("npm ci in {NODE_DIR} failed ({status})"));
    }
    std::fs::write(&stamp, &lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    println!(
        "node tools: installed in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    Ok(tools)
}

/// Refuses stale generated files (`generated.rs`, `calls.rs`): Prism reads
/// the schema, so the SDK and the driver must be what it generates today.
/// `cargo xtask generate` writes them.
fn require_fresh_outputs(root: &Path) -> Result<(), String> {
    crate::require_fresh(root)
}

/// Builds the driver (`cargo build -p mindz-tests --bin conformance`, with
/// the cargo that runs xtask) and returns the path of its executable. Both
/// modes then run this one binary: files that change during the run (other
/// builds in the same tree) cannot make the modes test different code.
fn build_driver(root: &Path) -> Result<PathBuf, String> {
    build_tests_bin(root, "conformance")
}

/// `cargo build -p mindz-tests --bin NAME`; the executable's path.
pub(crate) fn build_tests_bin(root: &Path, name: &str) -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["build", "--quiet", "-p", "mindz-tests", "--bin", name])
        .arg("--message-format=json-render-diagnostics")
        .current_dir(root)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`{name}` does not build (cargo build -p mindz-tests --bin {name}: {})",
            output.status
        ));
    }
    let artifact = format!(r#""name":"{name}""#);
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| line.contains(r#""reason":"compiler-artifact""#))
        .filter(|line| line.contains(&artifact))
        .find_map(executable_path)
        .ok_or_else(|| format!("cargo built `{name}` but named no executable"))
}

/// The `"executable"` path of one line of cargo's JSON messages.
fn executable_path(line: &str) -> Option<PathBuf> {
    let rest = line.split_once(r#""executable":""#)?.1;
    let mut path = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(PathBuf::from(path)),
            '\\' => path.push(chars.next()?),
            c => path.push(c),
        }
    }
    None
}

/// What one mode gave.
#[derive(Debug)]
struct ModeResult {
    mode: Mode,
    /// `N/M`, from the driver's summary line.
    counts: String,
    passed: bool,
}

fn run_mode(
    root: &Path,
    node: &NodeTools,
    driver: &Path,
    mode: Mode,
    options: &Options,
) -> Result<ModeResult, String> {
    let log = root
        .join(LOG_DIR)
        .join(format!("prism-{}.log", mode.name()));
    let prism = Prism::start(root, node, mode, &options.seed, &log)?;
    let base_url = format!("http://127.0.0.1:{}", prism.port);
    println!(
        "conformance: {} mode: Prism {} on {base_url} (ready in {} ms)",
        mode.name(),
        if mode == Mode::Dynamic {
            format!("-d --seed {}", options.seed)
        } else {
            "static".to_string()
        },
        prism.ready_after.as_millis()
    );
    let rounds = match mode {
        Mode::Static => 1,
        Mode::Dynamic => options.rounds,
    };
    let mut driver = Command::new(driver)
        .args(["--base-url", &base_url, "--label", mode.name()])
        .args(["--rounds", &rounds.to_string()])
        .current_dir(root)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run the conformance driver: {e}"))?;
    let mut counts = None;
    if let Some(out) = driver.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(n) = summary_counts(&line) {
                counts = Some(n);
            }
        }
    }
    let status = driver
        .wait()
        .map_err(|e| format!("conformance driver: {e}"))?;
    drop(prism);
    Ok(ModeResult {
        mode,
        passed: status.success() && counts.is_some(),
        counts: counts.unwrap_or_else(|| format!("no result (driver {status})")),
    })
}

/// `N/M` from the driver's `LABEL: N/M operations conform (...)` line.
fn summary_counts(line: &str) -> Option<String> {
    let (_, rest) = line.split_once(": ")?;
    let (counts, _) = rest.split_once(" operations conform")?;
    let (n, m) = counts.split_once('/')?;
    (n.parse::<usize>().is_ok() && m.parse::<usize>().is_ok()).then(|| counts.to_string())
}

/// A running `prism mock`, stopped (with everything it started) when dropped.
///
/// Prism runs under a small `sh` supervisor in a process group of its own.
/// The supervisor also watches a pipe from xtask: if xtask dies without
/// running this guard's `Drop` (a signal, `kill -9`), the pipe closes and the
/// supervisor stops Prism, so no mock server outlives the command.
pub(crate) struct Prism {
    child: Child,
    /// Write end of the supervisor's watch pipe; closing it stops Prism.
    watch: Option<ChildStdin>,
    pub(crate) port: u16,
    pub(crate) ready_after: Duration,
}

/// Runs `"$@"` (Prism) in the background and waits for it; a second
/// background job waits for end-of-file on the original stdin (a pipe from
/// xtask) and then stops Prism.
const SUPERVISOR: &str = r#"exec 3<&0 </dev/null
"$@" 3<&- &
prism=$!
(read -r _ <&3; kill -TERM "$prism" 2>/dev/null) &
wait "$prism""#;

impl Prism {
    pub(crate) fn start(
        root: &Path,
        node: &NodeTools,
        mode: Mode,
        seed: &str,
        log: &Path,
    ) -> Result<Self, String> {
        let port = free_port()?;
        let log_file =
            File::create(log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let log_err = log_file
            .try_clone()
            .map_err(|e| format!("cannot reuse {}: {e}", log.display()))?;
        let prism_bin = node.bin("prism");
        let port_text = port.to_string();
        let mut args: Vec<&str> = vec!["mock", "-h", "127.0.0.1", "-p", &port_text];
        if mode == Mode::Dynamic {
            args.extend(["-d", "--seed", seed]);
        }
        args.push(SCHEMA);
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(SUPERVISOR)
            .arg("prism-supervisor")
            .arg(&prism_bin)
            .args(&args)
            .envs(NODE_ENV)
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::from(log_file))
            .stderr(Stdio::from(log_err))
            .process_group(0);
        let mut child = command
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", prism_bin.display()))?;
        let watch = child.stdin.take();
        let mut prism = Prism {
            child,
            watch,
            port,
            ready_after: Duration::ZERO,
        };
        let start = Instant::now();
        loop {
            if answers(port) {
                prism.ready_after = start.elapsed();
                return Ok(prism);
            }
            if let Ok(Some(status)) = prism.child.try_wait() {
                return Err(format!(
                    "Prism ({} mode) exited before answering ({status}); its log:\n{}",
                    mode.name(),
                    tail(log, 40)
                ));
            }
            if start.elapsed() > STARTUP_TIMEOUT {
                return Err(format!(
                    "Prism ({} mode) did not answer on 127.0.0.1:{port} within {STARTUP_TIMEOUT:?}; its log:\n{}",
                    mode.name(),
                    tail(log, 40)
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        // Closing the pipe makes the supervisor stop Prism; the signals to
        // the whole group make sure, and reach anything Prism forked.
        drop(self.watch.take());
        let group = self.child.id() as libc::pid_t;
        signal_group(group, libc::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        // The supervisor may be gone while the group still has members.
        signal_group(group, libc::SIGKILL);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends `signal` to every process in group `group` (errors, such as an
/// empty group, are ignored).
fn signal_group(group: libc::pid_t, signal: libc::c_int) {
    if group > 1 {
        // SAFETY: kill(2) with a negative pid signals a process group; it
        // reads no memory of ours.
        unsafe {
            libc::kill(-group, signal);
        }
    }
}

/// A port on 127.0.0.1 that nothing listens on right now.
fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(|e| format!("cannot find a free port on 127.0.0.1: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("cannot find a free port on 127.0.0.1: {e}"))
}

/// Whether an HTTP server answers a `GET /` on 127.0.0.1:`port`.
fn answers(port: u16) -> bool {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_millis(500)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.")
}

/// The last `lines` lines of a log file.
fn tail(path: &Path, lines: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_driver_summary() {
        assert_eq!(
            summary_counts("static: 121/122 operations conform (122 calls in 800 ms)").as_deref(),
            Some("121/122")
        );
        assert_eq!(
            summary_counts("FAIL static user_get GET /v2/users/{user_id}/: x"),
            None
        );
    }

    #[test]
    fn finds_the_driver_executable_in_cargo_messages() {
        let line = r#"{"reason":"compiler-artifact","target":{"name":"conformance"},"executable":"/w/target/debug/conformance","fresh":true}"#;
        assert_eq!(
            executable_path(line),
            Some(PathBuf::from("/w/target/debug/conformance"))
        );
        assert_eq!(executable_path(r#"{"executable":null}"#), None);
    }

    #[test]
    fn options_default_to_both_modes() {
        let o = parse_options(&["--seed".into(), "7".into()]).unwrap();
        assert_eq!(o.seed, "7");
        assert_eq!(o.modes, vec![Mode::Static, Mode::Dynamic]);
        assert_eq!(o.rounds, DEFAULT_DYNAMIC_ROUNDS);
        assert!(parse_options(&["--mode".into(), "both".into()]).is_err());
        assert!(parse_options(&["--rounds".into(), "0".into()]).is_err());
    }

    #[test]
    fn prism_guard_stops_the_process_group() {
        // A stand-in server: the supervisor runs `sleep` instead of Prism.
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(SUPERVISOR)
            .arg("prism-supervisor")
            .args(["sleep", "300"])
            .stdin(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        let watch = child.stdin.take();
        let group = child.id() as libc::pid_t;
        let guard = Prism {
            child,
            watch,
            port: 0,
            ready_after: Duration::ZERO,
        };
        std::thread::sleep(Duration::from_millis(200));
        drop(guard);
        // Orphans are reaped by init, which may take a moment.
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut alive = true;
        while alive && Instant::now() < deadline {
            // SAFETY: signal 0 only checks whether the group still exists.
            alive = unsafe { libc::kill(-group, 0) } == 0;
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(!alive, "process group {group} survived the guard");
    }

    #[test]
    fn closing_the_watch_pipe_stops_prism() {
        // What happens when xtask dies without running Drop: only the pipe closes.
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(SUPERVISOR)
            .arg("prism-supervisor")
            .args(["sleep", "300"])
            .stdin(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(200));
        drop(child.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut exited = false;
        while Instant::now() < deadline {
            if matches!(child.try_wait(), Ok(Some(_))) {
                exited = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let group = child.id() as libc::pid_t;
        signal_group(group, libc::SIGKILL);
        let _ = child.wait();
        assert!(
            exited,
            "the supervisor did not stop its child when the pipe closed"
        );
    }
}
