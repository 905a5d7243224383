//! `conformance`: drives every operation of the Mindz schema through the SDK
//! against a mock server that validates requests (Prism), and reports which
//! operations conform.
//!
//! ```text
//! conformance --base-url http://127.0.0.1:PORT [--rounds N] [--label NAME] [--token TOKEN]
//! ```
//!
//! The operations come from [`mindz_sdk::OPERATIONS`] (generated from the
//! schema); each is called through its typed builder with the example inputs
//! of `src/conformance/calls.rs` (generated from the schema by
//! `mindz-codegen`). An operation conforms when, in every one of `--rounds`
//! calls, the server accepts the request and the SDK decodes the answer. An
//! operation without a driver entry, or a driver entry without an operation,
//! is a failure, never a skip.
//!
//! Prints one `FAIL` block per failing operation (with Prism's request
//! violations from its `sl-violations` header), then `N/M operations
//! conform`. Exits 0 only when every operation conforms. `cargo xtask
//! conformance` starts Prism and runs this binary.

#![warn(missing_docs)]

// Generated (prettyplease's layout): rustfmt must not rewrite it.
#[rustfmt::skip]
#[path = "../conformance/calls.rs"]
mod calls;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use mindz_sdk::{Client, Error, OPERATIONS, ResponseValue};
use serde::de::DeserializeOwned;

/// How long one call may take before it counts as failed.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// The token sent on private operations: Prism only checks that a bearer
/// token is there.
const DEFAULT_TOKEN: &str = "conformance-token";

/// How one call went.
#[derive(Debug)]
pub enum Outcome {
    /// The server accepted the request and the SDK decoded the answer.
    Pass,
    /// Something went wrong; see [`Failure`].
    Fail(Failure),
}

/// Why a call failed.
#[derive(Debug)]
pub struct Failure {
    /// One line: status and what went wrong.
    pub reason: String,
    /// Prism's request/response violations, one per line, if it sent any.
    pub violations: Vec<String>,
}

impl Outcome {
    fn fail(reason: impl Into<String>) -> Self {
        Outcome::Fail(Failure {
            reason: reason.into(),
            violations: Vec::new(),
        })
    }
}

/// Decodes an example request body (JSON text from the schema) into the
/// SDK's body type; a body type that cannot hold it is a failure.
pub fn body<T: DeserializeOwned>(json: &str) -> Result<T, Outcome> {
    serde_json::from_str(json).map_err(|e| {
        Outcome::fail(format!(
            "the SDK body type rejects the schema's example body: {e}; body: {json}"
        ))
    })
}

/// Turns the result of a typed call into an [`Outcome`].
pub fn outcome<T>(result: Result<ResponseValue<T>, Error>) -> Outcome {
    match result {
        Ok(response) if response.status().is_success() => Outcome::Pass,
        Ok(response) => Outcome::fail(format!("decoded, but status {}", response.status())),
        Err(Error::Api(api)) => Outcome::Fail(Failure {
            // A test tool's report: the body is Prism's, not personal data.
            reason: format!("status {}: {}", api.status(), clip(&api.text())),
            violations: violations(api.headers()),
        }),
        Err(Error::UnexpectedStatus(api)) => Outcome::Fail(Failure {
            reason: format!("undocumented status {}", api.status()),
            violations: violations(api.headers()),
        }),
        Err(Error::Decode(e)) => Outcome::fail(format!(
            "the SDK could not decode the response at `{}`: {}",
            e.path(),
            e.message()
        )),
        Err(Error::InvalidRequest(e)) => Outcome::fail(format!("the SDK refused the request: {e}")),
        Err(other) => Outcome::fail(other.to_string()),
    }
}

/// Prism's `sl-violations` header (a JSON array of
/// `{location, severity, code, message}`), one readable line per violation.
fn violations(headers: &reqwest::header::HeaderMap) -> Vec<String> {
    let Some(raw) = headers.get("sl-violations").and_then(|v| v.to_str().ok()) else {
        return Vec::new();
    };
    let Ok(serde_json::Value::Array(items)) = serde_json::from_str::<serde_json::Value>(raw) else {
        return vec![raw.to_string()];
    };
    items
        .iter()
        .map(|v| {
            let location: Vec<String> = v["location"]
                .as_array()
                .map(|parts| {
                    parts
                        .iter()
                        .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            format!(
                "{} {}: {} ({})",
                v["severity"].as_str().unwrap_or("?"),
                location.join("."),
                v["message"].as_str().unwrap_or("?"),
                v["code"]
                    .as_str()
                    .map_or_else(|| v["code"].to_string(), str::to_string)
            )
        })
        .collect()
}

fn clip(text: &str) -> String {
    const MAX: usize = 400;
    if text.len() <= MAX {
        return text.to_string();
    }
    let mut end = MAX;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}... ({} bytes)", &text[..end], text.len())
}

/// Command-line options.
#[derive(Debug)]
struct Options {
    base_url: String,
    rounds: u32,
    label: String,
    token: String,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        base_url: String::new(),
        rounds: 1,
        label: "conformance".to_string(),
        token: DEFAULT_TOKEN.to_string(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--base-url" => options.base_url = value("--base-url")?,
            "--rounds" => {
                options.rounds = value("--rounds")?
                    .parse()
                    .map_err(|e| format!("--rounds: {e}"))?;
            }
            "--label" => options.label = value("--label")?,
            "--token" => options.token = value("--token")?,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if options.base_url.is_empty() {
        return Err("--base-url is required".to_string());
    }
    if options.rounds == 0 {
        return Err("--rounds must be at least 1".to_string());
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("conformance: {e}");
            eprintln!(
                "usage: conformance --base-url URL [--rounds N] [--label NAME] [--token TOKEN]"
            );
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("conformance: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(run(&options))
}

async fn run(options: &Options) -> ExitCode {
    let client = match Client::builder()
        .base_url(&options.base_url)
        .bearer_token(options.token.as_str())
        // One request per call: a retry could hide a failure, and a server
        // that died should fail the run at once.
        .retry(mindz_sdk::RetryPolicy::none())
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("conformance: cannot build the client: {e}");
            return ExitCode::FAILURE;
        }
    };
    let start = Instant::now();
    let label = &options.label;
    let mut conforming = 0usize;
    let mut failed = 0usize;
    let mut sent = 0u64;
    for op in OPERATIONS {
        let mut failure = None;
        for round in 1..=options.rounds {
            sent += 1;
            let outcome = match tokio::time::timeout(CALL_TIMEOUT, calls::call(&client, op.id))
                .await
            {
                Ok(Some(outcome)) => outcome,
                Ok(None) => Outcome::fail(
                    "no driver entry: regenerate tests/src/conformance/calls.rs (cargo xtask conformance)",
                ),
                Err(_) => Outcome::fail(format!("no answer within {CALL_TIMEOUT:?}")),
            };
            if let Outcome::Fail(f) = outcome {
                failure = Some((round, f));
                break;
            }
        }
        match failure {
            None => conforming += 1,
            Some((round, f)) => {
                failed += 1;
                let of = if options.rounds > 1 {
                    format!(" (round {round}/{})", options.rounds)
                } else {
                    String::new()
                };
                println!(
                    "FAIL {label} {} {} {}{of}: {}",
                    op.id, op.method, op.path, f.reason
                );
                for v in &f.violations {
                    println!("    {v}");
                }
            }
        }
    }
    // Driver entries for operations the SDK does not have mean the driver and
    // the SDK were generated from different schemas.
    let stale: Vec<&str> = calls::DRIVEN
        .iter()
        .copied()
        .filter(|id| OPERATIONS.binary_search_by(|op| op.id.cmp(id)).is_err())
        .collect();
    for id in &stale {
        println!(
            "FAIL {label} {id}: driver entry for an operation the SDK does not have (stale generated code)"
        );
    }
    let total = OPERATIONS.len();
    println!(
        "{label}: {conforming}/{total} operations conform ({sent} calls in {} ms)",
        start.elapsed().as_millis()
    );
    if failed == 0 && stale.is_empty() && total > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_has_exactly_one_driver_entry() {
        let ids: Vec<&str> = OPERATIONS.iter().map(|op| op.id).collect();
        assert_eq!(calls::DRIVEN, ids.as_slice());
    }

    #[test]
    fn driver_calls_are_what_the_schema_generates() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let doc = mindz_codegen::load::load_file(&root.join("schema/mindz.yaml"))
            .unwrap_or_else(|e| panic!("{e}"));
        let fresh =
            mindz_codegen::conformance::driver_source(&doc).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            fresh == include_str!("../conformance/calls.rs"),
            "tests/src/conformance/calls.rs is stale: run `cargo xtask generate`"
        );
    }

    #[test]
    fn prism_violations_become_one_line_each() {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            "sl-violations",
            reqwest::header::HeaderValue::from_static(
                r#"[{"location":["request","body","email"],"severity":"Error","code":"format","message":"Request body property email must match format \"email\""}]"#,
            ),
        );
        assert_eq!(
            violations(&headers),
            vec![
                r#"Error request.body.email: Request body property email must match format "email" (format)"#
            ]
        );
        assert!(violations(&reqwest::header::HeaderMap::new()).is_empty());
    }

    #[test]
    fn a_body_the_sdk_type_rejects_is_a_failure() {
        let result = body::<mindz_sdk::types::UserCreate>(r#"{"email":"a@example.com"}"#);
        assert!(matches!(result, Err(Outcome::Fail(f)) if f.reason.contains("first_name")));
    }
}
