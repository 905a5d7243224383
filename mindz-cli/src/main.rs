//! `mindz`: the Mindz command line.
//!
//! `mindz probe [OPTIONS]` runs the read-only probe of a school (see
//! [`mindz_cli::probe`]).

use std::process::ExitCode;

const USAGE: &str = "usage: mindz probe [OPTIONS]   (mindz probe --help for the options)";

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("probe") => mindz_cli::probe::command(&args[1..]).await,
        Some("--help" | "-h") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
