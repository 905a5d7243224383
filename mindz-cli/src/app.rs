//! `mindz`: the command tree (clap, built from the generated table), the
//! configuration, and the run of one command.

use std::ffi::{OsStr, OsString};
use std::process::ExitCode;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Arg, ArgAction, ArgMatches, Command};
use mindz_sdk::env::{ENV_ACCESS_TOKEN, ENV_API_KEY, ENV_APP_ID, ENV_BASE_URL, ENV_EAD_ID};

use crate::call::{Call, field_id, param_id, stdin_id};
use crate::exit::{self, CliError};
use crate::generated::{OPS, RESOURCES};
use crate::ops::Op;

/// The configuration part of `mindz --help`.
pub const CONFIGURATION: &str = "\
Configuration (the same variables as mindz_sdk::Client::from_env()):
  MINDZ_EAD_ID        the school's id: https://<id>.mindz.com.br/api (or --ead-id)
  MINDZ_BASE_URL      a full base URL instead (or --base-url)
  MINDZ_APP_ID        OAuth2 client id, with
  MINDZ_API_KEY       OAuth2 client secret (never a flag)
  MINDZ_ACCESS_TOKEN  a fixed bearer token instead (never a flag)
  MINDZ_TOKEN_URL     the token endpoint (optional)

Output: a record or a page as JSON, as the API sent it (pretty on a terminal,
compact otherwise); --all prints every record of a list, one per line (NDJSON).
--dry-run prints the method, URL and body (passwords as ***) and sends nothing.";

/// The whole command tree: every resource and action, `probe` and
/// `completions`.
pub fn command() -> Command {
    let mut root = Command::new("mindz")
        .version(env!("CARGO_PKG_VERSION"))
        .about("The Mindz API from a shell: every operation as `mindz <resource> <action> [flags]`")
        .subcommand_required(true)
        .arg_required_else_help(true)
        .after_help(format!("{CONFIGURATION}\n\n{}", exit::HELP));
    for (resource, about) in RESOURCES {
        let mut sub = Command::new(*resource)
            .about(*about)
            .subcommand_required(true)
            .arg_required_else_help(true);
        for op in OPS.iter().filter(|op| op.resource == *resource) {
            sub = sub.subcommand(op_command(op));
        }
        root = root.subcommand(sub);
    }
    root.subcommand(
        Command::new("probe")
            .about("The read-only probe of a school, compared with the schema (mindz probe --help)")
            .disable_help_flag(true)
            .arg(
                Arg::new("args")
                    .num_args(0..)
                    .trailing_var_arg(true)
                    .allow_hyphen_values(true)
                    .value_parser(StringValueParser::new()),
            ),
    )
    .subcommand(
        Command::new("completions")
            .about("Prints the shell completion script")
            .arg(
                Arg::new("shell")
                    .required(true)
                    .value_parser(["bash", "zsh", "fish"]),
            ),
    )
}

/// The command of one operation.
fn op_command(op: &'static Op) -> Command {
    let mut cmd = Command::new(op.action)
        .about(op.summary)
        .long_about(format!(
            "{}\n\n{}\n\n{} {}",
            op.summary, op.description, op.method, op.path
        ));
    for p in op.params {
        let mut arg = Arg::new(param_id(p.name))
            .long(p.flag)
            .value_name(p.flag.to_uppercase().replace('-', "_"))
            .help(p.help)
            .required(p.required)
            .allow_hyphen_values(true);
        if !p.values.is_empty() {
            arg = arg.value_parser(Open(p.values));
        }
        cmd = cmd.arg(arg);
    }
    if let Some(body) = op.body {
        cmd = cmd.arg(
            Arg::new("body")
                .long("body")
                .value_name("FILE")
                .help("The JSON body from FILE (- for stdin); field flags override its fields")
                .help_heading("Body"),
        );
        for f in body.fields {
            let arg = if f.password {
                Arg::new(stdin_id(f.name))
                    .long(format!("{}-stdin", f.flag))
                    .action(ArgAction::SetTrue)
                    .help(format!(
                        "Read `{}` from stdin (one line); without it a prompt asks on a terminal",
                        f.name
                    ))
            } else {
                let kind = if f.string { "" } else { " (JSON)" };
                let mut arg = Arg::new(field_id(f.name))
                    .long(f.flag)
                    .value_name(format!("{}{kind}", f.flag.to_uppercase().replace('-', "_")))
                    .help(format!(
                        "{}{}",
                        f.help,
                        if f.required {
                            " [required in the body]"
                        } else {
                            ""
                        }
                    ))
                    .allow_hyphen_values(true);
                if !f.values.is_empty() {
                    arg = arg.value_parser(Open(f.values));
                }
                arg
            };
            cmd = cmd.arg(arg.help_heading("Body"));
        }
    }
    if op.paginated {
        cmd =
            cmd.arg(Arg::new("all").long("all").action(ArgAction::SetTrue).help(
                "Every record of every page, one JSON per line (--limit sets the page size)",
            ));
    }
    cmd.arg(
        Arg::new("dry-run")
            .long("dry-run")
            .action(ArgAction::SetTrue)
            .help("Print the method, URL and body (passwords as ***); send nothing"),
    )
    .arg(
        Arg::new("ead-id")
            .long("ead-id")
            .value_name("ID")
            .help("The school's id (instead of MINDZ_EAD_ID)")
            .conflicts_with("base-url")
            .help_heading("Connection"),
    )
    .arg(
        Arg::new("base-url")
            .long("base-url")
            .value_name("URL")
            .help("The API's base URL (instead of MINDZ_BASE_URL)")
            .help_heading("Connection"),
    )
}

/// An open enum's values: offered in help and completions, and any other
/// value accepted (Mindz may add values).
#[derive(Clone)]
struct Open(&'static [&'static str]);

impl TypedValueParser for Open {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.0.iter().map(|v| PossibleValue::new(*v))))
    }
}

/// `mindz ARGS` (with the program name first): parses, runs, and says how
/// it ended (see [`crate::exit`]).
pub async fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let matches = match command().try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            });
        }
    };
    match matches.subcommand() {
        Some(("probe", m)) => {
            let args: Vec<String> = m
                .get_many::<String>("args")
                .into_iter()
                .flatten()
                .cloned()
                .collect();
            crate::probe::command(&args).await
        }
        Some(("completions", m)) => {
            let shell = match m.get_one::<String>("shell").map(String::as_str) {
                Some("zsh") => clap_complete::Shell::Zsh,
                Some("fish") => clap_complete::Shell::Fish,
                _ => clap_complete::Shell::Bash,
            };
            clap_complete::generate(shell, &mut command(), "mindz", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Some((resource, m)) => {
            let Some((action, m)) = m.subcommand() else {
                return CliError::Usage(format!("mindz {resource}: no action")).report();
            };
            match run_op(resource, action, m).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => e.report(),
            }
        }
        None => CliError::Usage("no command".into()).report(),
    }
}

async fn run_op(resource: &str, action: &str, m: &ArgMatches) -> Result<(), CliError> {
    let op = Op::find(resource, action)
        .ok_or_else(|| CliError::Usage(format!("no command `mindz {resource} {action}`")))?;
    let client = client(m)?;
    let call = Call::new(op, m, client);
    crate::generated::dispatch(&call).await
}

/// The client of the `MINDZ_*` variables, with `--ead-id`/`--base-url`
/// in place of the school's variables. For `--dry-run` without any
/// credentials, a placeholder token stands in: nothing is sent.
fn client(m: &ArgMatches) -> Result<mindz_sdk::Client, CliError> {
    let ead_id = m.get_one::<String>("ead-id").cloned();
    let base_url = m.get_one::<String>("base-url").cloned();
    let school_flag = ead_id.is_some() || base_url.is_some();
    let env = |name: &str| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
    let no_credentials = [ENV_APP_ID, ENV_API_KEY, ENV_ACCESS_TOKEN]
        .iter()
        .all(|name| env(name).is_none_or(|v| v.trim().is_empty()));
    let placeholder = m.get_flag("dry-run") && no_credentials;
    let lookup = |name: &str| match name {
        ENV_EAD_ID if school_flag => ead_id.clone(),
        ENV_BASE_URL if school_flag => base_url.clone(),
        ENV_ACCESS_TOKEN if placeholder => Some("dry-run".to_owned()),
        other => env(other),
    };
    mindz_sdk::ClientBuilder::from_lookup(lookup)
        .and_then(mindz_sdk::ClientBuilder::build)
        .map_err(|e| CliError::Usage(e.to_string()))
}
