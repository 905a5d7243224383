//! `cargo xtask bench`: the SDK's performance figures in one table.
//!
//! ```text
//! cargo xtask bench [--quick] [--only PHASE] [--builds] [--no-runtime]
//! ```
//!
//! PHASE is one of `latency`, `throughput`, `refresh`, `hook-path`,
//! `loop-sdk`, `loop-plain`, `throttle` (see `tests/src/bin/bench.rs`).
//!
//! - Runs the benchmark binary, `cargo run --release -p mindz-tests --bin
//!   bench` (`tests/src/bin/bench.rs`: latency, throughput, token refresh and
//!   the per-call work of the SDK's pipeline against a loopback server), and
//!   prints its table.
//!   `--quick` and `--only PHASE` are passed to it; `--no-runtime` skips it.
//! - Times `xtask check` and `xtask generate` as processes (the xtask binary
//!   itself, without cargo's freshness check and build-lock wait in front):
//!   one untimed run, then the median of five. `generate` is timed only when
//!   `check` passes, so that it rewrites nothing.
//! - With `--builds`, copies the workspace (without `target/` and `.git/`)
//!   to a scratch directory under the system temp directory and, with a
//!   scratch `CARGO_TARGET_DIR` there: times a clean `cargo build -p
//!   mindz-sdk` (debug, then release); changes one description in the
//!   copy's `schema/mindz.yaml`, regenerates the copy's `generated.rs` with
//!   the copy's xtask, and times the incremental rebuild of `mindz-sdk`
//!   (debug and release). The working tree's schema is never touched. The
//!   scratch directory is removed afterwards. This takes several minutes.
//!
//! xtask never depends on mindz-sdk: the benchmark is a separate binary
//! built by cargo. Nothing here asserts a timing.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs of each timed xtask command (after one untimed run).
const RUNS: usize = 5;
/// The description changed in the scratch copy of the schema: the first
/// `description: Short biography.` (`User.bio`).
const SCHEMA_LINE: &str = "description: Short biography.";
const SCHEMA_LINE_CHANGED: &str = "description: Short biography of the user.";

const USAGE: &str = "usage: cargo xtask bench [--quick] [--only latency|throughput|refresh|hook-path|loop-sdk|loop-plain|throttle] [--builds] [--no-runtime]";

pub fn run(root: &Path) -> Result<(), String> {
    let mut bench_args: Vec<String> = Vec::new();
    let mut builds = false;
    let mut runtime = true;
    let mut args = std::env::args().skip(2);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => bench_args.push(arg),
            "--only" => {
                let phase = args.next().ok_or(USAGE)?;
                bench_args.extend(["--only".to_owned(), phase]);
            }
            "--builds" => builds = true,
            "--no-runtime" => runtime = false,
            _ => return Err(format!("unknown option `{arg}`\n{USAGE}")),
        }
    }

    let mut table = String::new();
    if runtime {
        eprintln!("bench: building and running the benchmark binary (release)");
        let output = cargo(root)
            .args([
                "run",
                "--release",
                "--quiet",
                "-p",
                "mindz-tests",
                "--bin",
                "bench",
                "--",
            ])
            .args(&bench_args)
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !output.status.success() {
            return Err(format!("the benchmark failed ({})", output.status));
        }
        table = String::from_utf8_lossy(&output.stdout).into_owned();
    }

    let mut rows: Vec<(String, String)> = Vec::new();
    eprintln!("bench: timing `xtask check` and `xtask generate`");
    let check = time_xtask(root, "check")?;
    match check {
        Some(median) => {
            rows.push((
                "4. `xtask check` (process), median of 5 (ms)".into(),
                ms(median),
            ));
            match time_xtask(root, "generate")? {
                Some(median) => rows.push((
                    "4. `xtask generate` (process, file unchanged), median of 5 (ms)".into(),
                    ms(median),
                )),
                None => rows.push(("4. `xtask generate`".into(), "failed".into())),
            }
        }
        None => rows.push((
            "4. `xtask check` / `generate`".into(),
            "check failed (generated.rs stale?); not timed".into(),
        )),
    }

    let generated = root.join("mindz-sdk/src/generated.rs");
    let source = std::fs::read_to_string(&generated)
        .map_err(|e| format!("cannot read {}: {e}", generated.display()))?;
    rows.push((
        "5. size of generated.rs".into(),
        format!("{} lines, {} bytes", source.lines().count(), source.len()),
    ));

    if builds {
        rows.extend(build_times(root)?);
    }

    print!("{table}");
    if table.is_empty() {
        println!("| figure | value |");
        println!("| --- | ---: |");
        for (figure, value) in &rows {
            println!("| {figure} | {value} |");
        }
    } else {
        for (figure, value) in &rows {
            println!("| {figure} | {value} |  |  |");
        }
    }
    Ok(())
}

fn cargo(dir: &Path) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(dir);
    command
}

/// `xtask <what>` (this very binary, so cargo's freshness check and its
/// wait for the build-directory lock, which other builds may hold, are not
/// counted): one untimed run, then the median of [`RUNS`]; `None` if a run
/// fails.
fn time_xtask(root: &Path, what: &str) -> Result<Option<Duration>, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find xtask itself: {e}"))?;
    let mut times = Vec::with_capacity(RUNS);
    for i in 0..=RUNS {
        let start = Instant::now();
        let status = Command::new(&exe)
            .current_dir(root)
            .arg(what)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() {
            return Ok(None);
        }
        if i > 0 {
            times.push(start.elapsed());
        }
    }
    times.sort_unstable();
    Ok(Some(times[times.len() / 2]))
}

/// Clean and incremental build times of mindz-sdk in a scratch copy.
fn build_times(root: &Path) -> Result<Vec<(String, String)>, String> {
    let scratch = std::env::temp_dir().join(format!("mindz-bench-{}", std::process::id()));
    let result = build_times_in(root, &scratch);
    if let Err(e) = std::fs::remove_dir_all(&scratch) {
        eprintln!("bench: could not remove {}: {e}", scratch.display());
    }
    result
}

fn build_times_in(root: &Path, scratch: &Path) -> Result<Vec<(String, String)>, String> {
    let ws = scratch.join("ws");
    let target = scratch.join("target");
    eprintln!("bench: copying the workspace to {}", ws.display());
    copy_tree(root, &ws).map_err(|e| format!("cannot copy the workspace: {e}"))?;

    let build = |release: bool| -> Result<Duration, String> {
        let mut command = cargo(&ws);
        command
            .env("CARGO_TARGET_DIR", &target)
            .args(["build", "--quiet", "-p", "mindz-sdk"]);
        if release {
            command.arg("--release");
        }
        let start = Instant::now();
        let status = command
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() {
            return Err(format!("cargo build -p mindz-sdk failed ({status})"));
        }
        Ok(start.elapsed())
    };

    let mut rows = Vec::new();
    eprintln!("bench: clean debug build of mindz-sdk");
    let debug = build(false)?;
    rows.push(("5. clean build of mindz-sdk, debug (s)".into(), secs(debug)));
    eprintln!("bench: clean release build of mindz-sdk");
    let release = build(true)?;
    rows.push((
        "5. clean build of mindz-sdk, release (s)".into(),
        secs(release),
    ));

    eprintln!("bench: one description changed in the copy's schema; regenerating");
    let schema = ws.join("schema/mindz.yaml");
    let text = std::fs::read_to_string(&schema).map_err(|e| e.to_string())?;
    if !text.contains(SCHEMA_LINE) {
        return Err(format!("`{SCHEMA_LINE}` not found in the schema"));
    }
    std::fs::write(&schema, text.replacen(SCHEMA_LINE, SCHEMA_LINE_CHANGED, 1))
        .map_err(|e| e.to_string())?;
    let generated = ws.join("mindz-sdk/src/generated.rs");
    let before = std::fs::read(&generated).map_err(|e| e.to_string())?;
    let status = cargo(&ws)
        .env("CARGO_TARGET_DIR", &target)
        .args(["run", "--quiet", "-p", "xtask", "--", "generate"])
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(format!("the copy's `xtask generate` failed ({status})"));
    }
    if std::fs::read(&generated).map_err(|e| e.to_string())? == before {
        return Err("the schema change did not change generated.rs".into());
    }
    eprintln!("bench: incremental builds of mindz-sdk after the schema change");
    let debug = build(false)?;
    rows.push((
        "5. rebuild of mindz-sdk after a one-line schema change, debug (s)".into(),
        secs(debug),
    ));
    let release = build(true)?;
    rows.push((
        "5. rebuild of mindz-sdk after a one-line schema change, release (s)".into(),
        secs(release),
    ));
    Ok(rows)
}

/// Copies `from` into `to`, leaving out build output, VCS data and Node
/// modules.
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if [".git", "target", "node_modules", ".conformance"]
            .iter()
            .any(|skip| name == *skip)
        {
            continue;
        }
        let path: PathBuf = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            copy_tree(&path, &to.join(&name))?;
        } else if kind.is_file() {
            std::fs::copy(&path, to.join(&name))?;
        }
    }
    Ok(())
}

fn ms(d: Duration) -> String {
    format!("{:.0}", d.as_secs_f64() * 1000.0)
}

fn secs(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64())
}
