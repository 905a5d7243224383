//! `cargo xtask semver [--base REV] [--release-type patch|minor|major]`:
//! cargo-semver-checks on `mindz-sdk` (all features, so the `mock` helpers
//! count) against the release baseline of `cargo xtask changes`.
//!
//! Without `--release-type`, cargo-semver-checks derives the release type
//! from the two crate versions, so it fails exactly when a breaking change
//! comes without the matching version bump (CI runs this). With
//! `--release-type minor` it answers "is this change breaking at all?",
//! whatever the version says.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use crate::changes::{baseline, take_base};

/// The pinned cargo-semver-checks (0.51 reads the rustdoc JSON of Rust 1.93+).
pub const VERSION: &str = "0.51.0";

const USAGE: &str = "usage: cargo xtask semver [--base REV] [--release-type patch|minor|major]";

fn cargo() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// The installed cargo-semver-checks version, if any.
fn installed() -> Option<String> {
    let out = Command::new(cargo())
        .args(["semver-checks", "--version"])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    // "cargo-semver-checks 0.51.0"
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .nth(1)
        .map(str::to_string)
}

/// Installs the pinned version unless it is already there.
fn ensure_installed() -> Result<(), String> {
    match installed() {
        Some(v) if v == VERSION => return Ok(()),
        Some(v) => eprintln!(
            "semver: cargo-semver-checks {v} is installed; installing the pinned {VERSION}"
        ),
        None => eprintln!(
            "semver: installing cargo-semver-checks {VERSION} (once; it compiles for several minutes)"
        ),
    }
    let status = Command::new(cargo())
        .args([
            "install",
            "--locked",
            "cargo-semver-checks",
            "--version",
            VERSION,
        ])
        .status()
        .map_err(|e| format!("cannot run `cargo install`: {e}"))?;
    if !status.success() {
        return Err(format!(
            "`cargo install --locked cargo-semver-checks --version {VERSION}` failed ({status})"
        ));
    }
    match installed() {
        Some(v) if v == VERSION => Ok(()),
        other => Err(format!(
            "after installing, `cargo semver-checks --version` reports {other:?}, not {VERSION}: is another cargo-semver-checks earlier on PATH?"
        )),
    }
}

/// Copies `from` to `to` line by line, keeping the lines.
fn tee(
    from: impl Read + Send + 'static,
    mut to: impl Write + Send + 'static,
    kept: Arc<Mutex<Vec<String>>>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        for line in BufReader::new(from).lines().map_while(Result::ok) {
            let _ = writeln!(to, "{line}");
            if let Ok(mut k) = kept.lock() {
                k.push(line);
            }
        }
    })
}

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let (base, rest) = take_base(args)?;
    let mut release_type = None;
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let value = if arg == "--release-type" {
            it.next().cloned()
        } else if let Some(v) = arg.strip_prefix("--release-type=") {
            Some(v.to_string())
        } else {
            return Err(format!("unknown option `{arg}` for `semver`\n{USAGE}"));
        };
        match value.as_deref() {
            Some(t @ ("patch" | "minor" | "major")) => release_type = Some(t.to_string()),
            _ => {
                return Err(format!(
                    "`--release-type` takes patch, minor or major\n{USAGE}"
                ));
            }
        }
    }
    let baseline = baseline(root, base.as_deref())?;
    ensure_installed()?;
    let start = std::time::Instant::now();
    let mut command = Command::new(cargo());
    command
        .current_dir(root)
        .args([
            "semver-checks",
            "check-release",
            "-p",
            "mindz-sdk",
            "--all-features",
        ])
        .args(["--baseline-rev", &baseline.rev]);
    if let Some(t) = &release_type {
        command.args(["--release-type", t]);
    }
    eprintln!("semver: mindz-sdk against {}", baseline.label);
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run `cargo semver-checks`: {e}"))?;
    let kept = Arc::new(Mutex::new(Vec::new()));
    let threads = [
        child
            .stdout
            .take()
            .map(|s| tee(s, std::io::stdout(), kept.clone())),
        child
            .stderr
            .take()
            .map(|s| tee(s, std::io::stderr(), kept.clone())),
    ];
    let status = child
        .wait()
        .map_err(|e| format!("cargo semver-checks did not finish: {e}"))?;
    for t in threads.into_iter().flatten() {
        let _ = t.join();
    }
    let lines = kept.lock().map(|l| l.clone()).unwrap_or_default();
    let find = |word: &str| {
        lines
            .iter()
            .find(|l| l.trim_start().starts_with(word))
            .map(|l| l.trim_start().trim_start_matches(word).trim().to_string())
    };
    // "Checking mindz-sdk v0.1.0 -> v0.2.0+api.2 (major change)", not cargo's own "Checking" lines.
    let checking = lines
        .iter()
        .map(|l| l.trim_start())
        .find(|l| l.starts_with("Checking") && l.contains(" -> "))
        .map(|l| l.trim_start_matches("Checking").trim().to_string())
        .unwrap_or_default();
    let summary = find("Summary").unwrap_or_default();
    let secs = start.elapsed().as_secs_f64();
    let context = format!("{checking}; against {}; {secs:.0} s", baseline.label);
    let breaking = summary.starts_with("semver requires");
    match (&release_type, status.success()) {
        (None, true) => {
            let note = if checking.contains("(major change)") {
                "; the version bump allows breaking changes (`--release-type minor` lists them)"
            } else {
                ""
            };
            println!("semver: pass: {summary} ({context}){note}");
            Ok(())
        }
        (Some(t), true) => {
            println!("semver: non-breaking as a {t} release: {summary} ({context})");
            Ok(())
        }
        (None, false) if breaking => {
            println!(
                "semver: fail: breaking changes without the version bump: {summary} ({context})"
            );
            Err(
                "bump mindz-sdk's version (0.x: the minor) and record the change in CHANGELOG.md"
                    .to_string(),
            )
        }
        (Some(t), false) if breaking => {
            println!("semver: breaking, not a {t} release: {summary} ({context})");
            Err(format!("breaking changes for a {t} release"))
        }
        _ => Err(format!(
            "cargo semver-checks failed ({status}); its output is above"
        )),
    }
}
