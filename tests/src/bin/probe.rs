//! `probe`: the read-only probe of a live Mindz school (`mindz_cli::probe`),
//! as a binary of this crate so that `tests/tests/probe.rs` can run it as a
//! process. `cargo xtask probe` runs it too; users run `mindz probe`.

#![warn(missing_docs)]

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    mindz_cli::probe::command(&args).await
}
