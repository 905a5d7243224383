//! `probe`: a read-only probe of a live Mindz school, compared with
//! `schema/mindz.yaml` (see `src/probe/`). `cargo xtask probe` runs it.

#![warn(missing_docs)]

#[path = "../probe/mod.rs"]
mod probe;

use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match probe::cli::parse(&args) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let lookup = |name: &str| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
    match probe::cli::run(&options, lookup).await {
        Ok(_) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("probe: error: {message}");
            ExitCode::FAILURE
        }
    }
}
