//! The probe's command line.
//!
//! ```text
//! probe [--base-url URL] [--token TOKEN] [--rate N] [--limit N] [--max-bytes N]
//!       [--schema FILE] [--json FILE] [--no-document] [--strict]
//! ```
//!
//! Without `--schema` it compares with the schema this build was generated
//! from ([`SCHEMA`]). The probe never edits a schema: `cargo xtask
//! apply-probe REPORT.json` turns its JSON report into corrections and
//! marks the confirmed operations.
//!
//! Configuration comes from the `MINDZ_*` variables of
//! `mindz_sdk::Client::from_env()`; `--base-url` and `--token` stand for
//! `MINDZ_BASE_URL` and `MINDZ_ACCESS_TOKEN` (for a mock server or a test).

use std::path::PathBuf;
use std::time::Instant;

use super::auth::{Target, Tokens};
use super::http::ReadOnlyClient;
use super::limiter::Limiter;
use super::report::{Class, Report, Status};
use super::run::{Plan, probe};
use super::spec::Spec;

/// The options.
#[derive(Debug, Clone)]
pub struct Options {
    /// Stands for `MINDZ_BASE_URL`.
    pub base_url: Option<String>,
    /// Stands for `MINDZ_ACCESS_TOKEN`.
    pub token: Option<String>,
    /// Requests per second.
    pub rate: f64,
    /// `limit` of list requests.
    pub limit: u32,
    /// Bytes read of an answer at most.
    pub max_bytes: usize,
    /// The schema file (`None`: [`SCHEMA`], the one built in).
    pub schema: Option<PathBuf>,
    /// Where to write the JSON report.
    pub json: Option<PathBuf>,
    /// Look for the school's own API document.
    pub document: bool,
    /// Fail on refinements too: unless every GET is confirmed and nothing
    /// is found (without it, only drift fails).
    pub strict: bool,
}

/// The usage line.
pub const USAGE: &str = "usage: probe [--base-url URL] [--token TOKEN] [--rate N] [--limit N] [--max-bytes N] [--schema FILE] [--json FILE] [--no-document] [--strict]";

/// `schema/mindz.yaml` as this build of the SDK was generated from (the
/// package carries it as `mindz-cli/mindz.yaml`).
pub const SCHEMA: &str = include_str!("../../mindz.yaml");

/// Parses the arguments (without the program name).
///
/// # Errors
///
/// An unknown option or a bad value, named.
pub fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        base_url: None,
        token: None,
        rate: 2.0,
        limit: 3,
        max_bytes: 1 << 20,
        schema: None,
        json: None,
        document: true,
        strict: false,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        let number = |name: &str, v: String| {
            v.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && *n > 0.0)
                .ok_or_else(|| format!("{name} takes a positive number, not `{v}`"))
        };
        match arg.as_str() {
            "--base-url" => o.base_url = Some(value("--base-url")?),
            "--token" => o.token = Some(value("--token")?),
            "--rate" => o.rate = number("--rate", value("--rate")?)?,
            "--limit" => o.limit = number("--limit", value("--limit")?)?.clamp(1.0, 100.0) as u32,
            "--max-bytes" => o.max_bytes = number("--max-bytes", value("--max-bytes")?)? as usize,
            "--schema" => o.schema = Some(PathBuf::from(value("--schema")?)),
            "--json" => o.json = Some(PathBuf::from(value("--json")?)),
            "--mark-confirmed" => {
                return Err(
                    "--mark-confirmed is gone: write the report with --json FILE, then \
                     `cargo xtask apply-probe FILE` corrects the schema and marks the \
                     confirmed operations"
                        .into(),
                );
            }
            "--no-document" => o.document = false,
            "--strict" => o.strict = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown option `{other}`\n{USAGE}")),
        }
    }
    Ok(o)
}

/// Runs the probe; `lookup` reads the `MINDZ_*` variables. Prints the
/// report and returns it, or an error message.
///
/// # Errors
///
/// Configuration, schema or report-file problems, or (with `--strict`) a
/// report that is not clean.
pub async fn run(
    options: &Options,
    mut lookup: impl FnMut(&str) -> Option<String>,
) -> Result<Report, String> {
    let started = Instant::now();
    let overridden = |name: &str| match name {
        "MINDZ_BASE_URL" if options.base_url.is_some() => Some(options.base_url.clone()),
        "MINDZ_EAD_ID" if options.base_url.is_some() => Some(None),
        "MINDZ_ACCESS_TOKEN" if options.token.is_some() => Some(options.token.clone()),
        "MINDZ_APP_ID" | "MINDZ_API_KEY" | "MINDZ_TOKEN_URL" if options.token.is_some() => {
            Some(None)
        }
        _ => None,
    };
    let target = Target::from_lookup(|name| overridden(name).unwrap_or_else(|| lookup(name)))?;
    let spec = match &options.schema {
        Some(path) => Spec::load(path)?,
        None => Spec::from_yaml(SCHEMA).map_err(|e| format!("the built-in schema: {e}"))?,
    };
    let limiter = Limiter::per_second(options.rate)?;
    let client = ReadOnlyClient::new(
        target.base_url.clone(),
        Tokens::new(target.credentials),
        limiter,
        options.max_bytes,
    )?;
    let schema_file = options
        .schema
        .as_deref()
        .and_then(|p| p.file_name())
        .map_or_else(
            || "schema/mindz.yaml".to_owned(),
            |f| format!("schema/{}", f.to_string_lossy()),
        );
    let plan = Plan {
        list_limit: options.limit,
        schema_file,
        document: options.document,
    };
    let report = probe(&spec, &client, &plan).await;
    print!("{}", report.to_text());
    println!("probe: done in {:.1} s", started.elapsed().as_secs_f64());
    if let Some(path) = &options.json {
        std::fs::write(path, report.to_json())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("probe: JSON report in {}", path.display());
    }
    if let Some(why) = &report.stopped {
        return Err(format!("the probe stopped early: {why}"));
    }
    let drifting = report
        .operations
        .iter()
        .filter(|o| matches!(o.status, Status::Drift | Status::Absent))
        .count()
        + report.document.as_ref().map_or(0, |d| {
            d.findings
                .iter()
                .filter(|f| f.class == Class::Drift)
                .count()
        });
    if drifting > 0 {
        return Err(format!(
            "{drifting} drift(s): on this school the SDK would fail or lose data (see above); `cargo xtask apply-probe` applies the corrections the report carries"
        ));
    }
    if options.strict {
        let reads_not_confirmed = report
            .operations
            .iter()
            .filter(|o| o.method == "GET" && o.status != Status::Confirmed)
            .count();
        let findings: usize = report
            .operations
            .iter()
            .map(|o| o.findings.len())
            .sum::<usize>()
            + report.document.as_ref().map_or(0, |d| d.findings.len());
        if reads_not_confirmed > 0 || findings > 0 {
            return Err(format!(
                "--strict: {reads_not_confirmed} GET operation(s) not confirmed, {findings} finding(s)"
            ));
        }
    }
    Ok(report)
}
