//! The command line's one error type and its exit codes.
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success |
//! | 1 | the API answered an error (4xx/5xx), or an answer the SDK could not use |
//! | 2 | usage: a bad flag or value, a missing setting |
//! | 3 | authentication failed: no access token |
//! | 4 | the school could not be reached, or did not answer in time |

use std::fmt;
use std::process::ExitCode;

/// Exit code: success.
pub const OK: u8 = 0;
/// Exit code: the API answered an error.
pub const API: u8 = 1;
/// Exit code: usage.
pub const USAGE: u8 = 2;
/// Exit code: authentication failed.
pub const AUTH: u8 = 3;
/// Exit code: unreachable or timed out.
pub const UNREACHABLE: u8 = 4;

/// The exit codes as `mindz --help` and the README give them.
pub const HELP: &str = "\
Exit codes:
  0  success
  1  the API answered an error (4xx/5xx), or an answer that could not be used
  2  usage: a bad flag or value, or a missing setting
  3  authentication failed: no access token (credentials refused)
  4  the school (or its token endpoint) could not be reached, or did not answer in time";

/// Why a command failed.
#[derive(Debug)]
pub enum CliError {
    /// A bad flag, value or setting (exit 2).
    Usage(String),
    /// The SDK's error (exit code by kind).
    Sdk(mindz_sdk::Error),
    /// Writing the output failed (exit 1; a closed pipe is not an error).
    Io(std::io::Error),
}

impl From<mindz_sdk::Error> for CliError {
    fn from(e: mindz_sdk::Error) -> Self {
        CliError::Sdk(e)
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Io(e)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(m) => f.write_str(m),
            CliError::Sdk(e) => e.fmt(f),
            CliError::Io(e) => write!(f, "cannot write the output: {e}"),
        }
    }
}

impl CliError {
    /// The exit code a script sees.
    pub fn code(&self) -> u8 {
        use mindz_sdk::Error as E;
        match self {
            CliError::Usage(_) => USAGE,
            CliError::Io(_) => API,
            CliError::Sdk(e) => match e {
                // The token endpoint could not be reached or did not answer
                // in time: the school is unreachable, not the credentials wrong.
                E::Auth(a) if a.is_transport() => UNREACHABLE,
                E::Auth(_) => AUTH,
                E::Timeout(_) | E::Transport(_) => UNREACHABLE,
                E::InvalidRequest(_) | E::Config(_) => USAGE,
                _ => API,
            },
        }
    }

    /// Prints the error on stderr and returns its exit code; a closed
    /// stdout (`mindz user list --all | head`) ends quietly with success.
    pub fn report(&self) -> ExitCode {
        if let CliError::Io(e) = self
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            return ExitCode::from(OK);
        }
        eprintln!("error: {self}");
        ExitCode::from(self.code())
    }
}
