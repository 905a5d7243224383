//! The read-only probe of a live school (`cargo xtask probe`): compares what
//! a school answers with `schema/mindz.yaml`, sending only GET and OPTIONS.

pub mod auth;
pub mod cli;
pub mod correct;
pub mod document;
pub mod http;
pub mod limiter;
pub mod metadata;
pub mod report;
pub mod run;
pub mod spec;
pub mod validate;

/// `mindz probe ARGS`: parses the probe's options (exit 2 on a usage error),
/// runs it with the `MINDZ_*` variables of the environment, and says how it
/// ended.
pub async fn command(args: &[String]) -> std::process::ExitCode {
    use std::process::ExitCode;
    let options = match cli::parse(args) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let lookup = |name: &str| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
    match cli::run(&options, lookup).await {
        Ok(_) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("probe: error: {message}");
            ExitCode::FAILURE
        }
    }
}
