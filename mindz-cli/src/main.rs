//! `mindz`: the Mindz command line (see `mindz --help` and
//! [`mindz_cli::app`]).

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    mindz_cli::app::run(std::env::args_os()).await
}
