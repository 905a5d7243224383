//! `cargo xtask <command>`: the maintainer's command line over `mindz-codegen`.
//!
//! - `generate`: lint the schema and write every generated file (`mindz-sdk/src/generated.rs`,
//!   `tests/src/conformance/calls.rs`, `mindz-cli/src/generated.rs`), each atomically;
//! - `check`: regenerate in memory and fail with a diff if a checked-in generated file is stale;
//! - `lint`: run the schema lint alone;
//! - `conformance`: drive every operation through the SDK against Prism (static and dynamic mocks);
//! - `spec-lint`: lint the schema with Redocly CLI;
//! - `bench`: the SDK's performance figures (see `bench.rs`);
//! - `probe`: the read-only probe of a live school, or of Prism with `--prism` (see `probe.rs`);
//! - `apply-probe`: a probe report's corrections applied to the schema (see `apply_probe.rs`);
//! - `changes`: the schema changes since the last release, breaking or not (see `changes.rs`);
//! - `semver`: cargo-semver-checks on mindz-sdk against the last release (see `semver.rs`).
//!
//! `cargo xtask --help` and `cargo xtask COMMAND --help` print help (clap,
//! from [`COMMANDS`]); each command reads its own options.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use mindz_codegen::{generate, lint, load};

mod apply_probe;
mod bench;
mod changes;
mod conformance;
mod probe;
mod semver;
mod snapshots;

const USAGE: &str = "usage: cargo xtask <generate|check|lint|conformance|spec-lint|bench|probe|apply-probe|changes|semver>";
const SCHEMA: &str = "schema/mindz.yaml";
const GENERATED: &str = "mindz-sdk/src/generated.rs";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(code) = help_or_usage_error(&args) {
        return code;
    }
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("generate") => cmd_generate(&root),
        Some("check") => cmd_check(&root),
        Some("lint") => cmd_lint(&root),
        Some("conformance") => conformance::run(&root),
        Some("spec-lint") => conformance::spec_lint(&root),
        Some("bench") => bench::run(&root),
        Some("probe") => probe::run(&root),
        Some("apply-probe") => apply_probe::run(&root, &args[1..]),
        Some("changes") => changes::run(&root, &args[1..]),
        Some("semver") => semver::run(&root, &args[1..]),
        Some(other) => Err(format!("unknown command `{other}`\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Every command with its one-line help, for `cargo xtask --help`. A
/// command's own options stay with the command (it reads them itself); a
/// command missing here still runs, without a help line.
const COMMANDS: &[(&str, &str)] = &[
    ("generate", "Lint the schema and write every generated file"),
    (
        "check",
        "Fail with a diff if a checked-in generated file is stale",
    ),
    ("lint", "Run the schema lint alone"),
    (
        "conformance",
        "Drive every operation through the SDK against Prism",
    ),
    ("spec-lint", "Lint the schema with Redocly CLI"),
    (
        "bench",
        "The SDK's performance figures against plain reqwest",
    ),
    (
        "probe",
        "The read-only probe of a school, or of Prism with --prism",
    ),
    (
        "apply-probe",
        "Apply a probe report's corrections to the schema, then regenerate",
    ),
    (
        "changes",
        "The schema changes since the last release (--base REV)",
    ),
    (
        "semver",
        "cargo-semver-checks on mindz-sdk against the last release",
    ),
];

/// The command line on clap: `--help` (of xtask or of a command) prints
/// help and exits 0, and no arguments is a usage error (2). Every other
/// argument list returns `None` and goes to the command, which reads its
/// own options.
fn help_or_usage_error(args: &[String]) -> Option<ExitCode> {
    let mut cli = clap::Command::new("xtask")
        .bin_name("cargo xtask")
        .about("The maintainers' commands over mindz-codegen")
        .subcommand_required(true)
        .arg_required_else_help(true)
        .allow_external_subcommands(true);
    for (name, about) in COMMANDS {
        cli = cli.subcommand(
            clap::Command::new(*name).about(*about).arg(
                clap::Arg::new("options")
                    .help("The command's own options, passed on as given")
                    .num_args(0..)
                    .trailing_var_arg(true)
                    .allow_hyphen_values(true),
            ),
        );
    }
    let argv = std::iter::once("xtask").chain(args.iter().map(String::as_str));
    match cli.try_get_matches_from(argv) {
        Ok(_) => None,
        Err(e) => {
            let _ = e.print();
            Some(if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

fn workspace_root() -> PathBuf {
    // xtask/ sits directly under the workspace root.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn cmd_lint(root: &Path) -> Result<(), String> {
    let start = Instant::now();
    let doc = load::load_file(&root.join(SCHEMA)).map_err(|e| e.to_string())?;
    let diags = lint::lint(&doc);
    let ops = load::count_operations(&doc);
    if !diags.is_empty() {
        return Err(lint_failure(&diags));
    }
    println!(
        "lint: {SCHEMA} is clean ({ops} operations) in {} ms",
        start.elapsed().as_millis()
    );
    Ok(())
}

/// Prints one `schema/mindz.yaml#/pointer: message` line per diagnostic and
/// returns the closing error; `lint`, `generate` and `check` print a lint
/// error the same way.
fn lint_failure(diags: &[lint::Diagnostic]) -> String {
    for d in diags {
        eprintln!("{SCHEMA}#{d}");
    }
    format!("{} lint error(s) in {SCHEMA}", diags.len())
}

/// Everything generation writes, from the schema, in memory: the SDK source
/// and the conformance driver's calls, each with its path.
struct Outputs {
    sdk: mindz_codegen::Generated,
    files: Vec<(&'static str, String)>,
}

/// Loads the schema and generates every output in memory.
pub(crate) fn regenerate(root: &Path) -> Result<Outputs, String> {
    let doc = load::load_file(&root.join(SCHEMA)).map_err(|e| e.to_string())?;
    let sdk = generate(&doc).map_err(|e| match e {
        mindz_codegen::GenerateError::Lint(diags) => lint_failure(&diags),
        other => other.to_string(),
    })?;
    let calls = mindz_codegen::conformance::driver_source(&doc)
        .map_err(|e| format!("{}: {e}", mindz_codegen::conformance::DRIVER_CALLS))?;
    let cli = mindz_codegen::cli::generate(&doc, &sdk.source)
        .map_err(|e| format!("{}: {e}", mindz_codegen::cli::CLI_GENERATED))?;
    let files = vec![
        (GENERATED, sdk.source.clone()),
        (mindz_codegen::conformance::DRIVER_CALLS, calls),
        (mindz_codegen::cli::CLI_GENERATED, cli),
    ];
    Ok(Outputs { sdk, files })
}

/// Writes `contents` to `path` atomically: a temporary file beside it, then
/// a rename, so a reader (or an interrupted run) never sees half a file.
fn write_atomically(path: &Path, contents: &str) -> Result<(), String> {
    let dir = path
        .parent()
        .ok_or_else(|| format!("{} has no parent directory", path.display()))?;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, contents).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("cannot write {}: {e}", path.display()));
    }
    Ok(())
}

/// The generated files whose checked-in contents differ from `out`, with
/// those contents.
fn stale<'o>(root: &Path, out: &'o Outputs) -> Vec<(&'static str, String, &'o str)> {
    out.files
        .iter()
        .filter_map(|(rel, fresh)| {
            let current = std::fs::read_to_string(root.join(rel)).unwrap_or_default();
            (current != *fresh).then_some((*rel, current, fresh.as_str()))
        })
        .collect()
}

fn cmd_generate(root: &Path) -> Result<(), String> {
    let start = Instant::now();
    let out = regenerate(root)?;
    let stale = stale(root, &out);
    for (rel, _, fresh) in &stale {
        write_atomically(&root.join(rel), fresh)?;
    }
    let written: Vec<&str> = stale.iter().map(|(rel, _, _)| *rel).collect();
    println!(
        "generate: {} ({} operations, {} types, {} lines) in {} ms",
        if written.is_empty() {
            "every generated file unchanged".to_string()
        } else {
            format!("wrote {}", written.join(", "))
        },
        out.sdk.operations,
        out.sdk.types,
        out.sdk.lines(),
        start.elapsed().as_millis()
    );
    if written.contains(&GENERATED) {
        println!("{}", snapshots::next_step(root, &out.sdk.source));
    }
    Ok(())
}

fn cmd_check(root: &Path) -> Result<(), String> {
    let start = Instant::now();
    let out = regenerate(root)?;
    let stale = stale(root, &out);
    for (rel, current, fresh) in &stale {
        let diff = similar::TextDiff::from_lines(current.as_str(), *fresh);
        let text = diff
            .unified_diff()
            .context_radius(2)
            .header(rel, "regenerated")
            .to_string();
        let shown: Vec<&str> = text.lines().take(60).collect();
        let more = text.lines().count().saturating_sub(shown.len());
        eprintln!("{}", shown.join("\n"));
        if more > 0 {
            eprintln!("... {more} more diff lines");
        }
    }
    if !stale.is_empty() {
        let names: Vec<&str> = stale.iter().map(|(rel, _, _)| *rel).collect();
        return Err(format!(
            "{} stale: run `cargo xtask generate` and commit the result",
            names.join(", ")
        ));
    }
    println!(
        "check: {} up to date ({} operations, {} types, {} lines) in {} ms",
        out.files
            .iter()
            .map(|(rel, _)| *rel)
            .collect::<Vec<_>>()
            .join(" and "),
        out.sdk.operations,
        out.sdk.types,
        out.sdk.lines(),
        start.elapsed().as_millis()
    );
    Ok(())
}

/// Fails when a generated file is stale (for commands that run generated
/// code against the schema, such as `conformance`).
pub(crate) fn require_fresh(root: &Path) -> Result<(), String> {
    let out = regenerate(root)?;
    let stale = stale(root, &out);
    if stale.is_empty() {
        Ok(())
    } else {
        let names: Vec<&str> = stale.iter().map(|(rel, _, _)| *rel).collect();
        Err(format!(
            "{} stale against {SCHEMA}: run `cargo xtask generate` first",
            names.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    #[test]
    fn writes_atomically_and_leaves_no_temporary_file() {
        let dir = scratch("atomic");
        let path = dir.join("sub/generated.rs");
        write_atomically(&path, "one").expect("first write");
        write_atomically(&path, "two").expect("second write");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        let names: Vec<String> = std::fs::read_dir(dir.join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["generated.rs"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_write_names_the_file() {
        let dir = scratch("fail");
        // A directory where the file should be: the rename fails.
        let path = dir.join("taken");
        std::fs::create_dir_all(path.join("inner")).unwrap();
        let error = write_atomically(&path, "x").expect_err("cannot replace a directory");
        assert!(
            error.starts_with(&format!("cannot write {}", path.display())),
            "{error}"
        );
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "temporary file removed"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn every_generated_file_is_checked() {
        let out = regenerate(&workspace_root()).expect("the schema generates");
        let paths: Vec<&str> = out.files.iter().map(|(p, _)| *p).collect();
        assert_eq!(
            paths,
            [
                GENERATED,
                mindz_codegen::conformance::DRIVER_CALLS,
                mindz_codegen::cli::CLI_GENERATED
            ]
        );
        // The checked-in files are what the schema generates.
        assert!(stale(&workspace_root(), &out).is_empty());
        // A stale file is found, with its current contents.
        let dir = scratch("stale");
        let found = stale(&dir, &out);
        assert_eq!(found.len(), paths.len());
        assert_eq!(found[0].1, "");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn parsed(args: &[&str]) -> Option<String> {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        help_or_usage_error(&args).map(|code| format!("{code:?}"))
    }

    #[test]
    fn help_exits_0_and_options_go_to_the_command() {
        let ok = Some(format!("{:?}", ExitCode::SUCCESS));
        assert_eq!(parsed(&["--help"]), ok);
        assert_eq!(parsed(&["probe", "--help"]), ok);
        assert_eq!(parsed(&["help", "changes"]), ok);
        assert_eq!(parsed(&[]), Some(format!("{:?}", ExitCode::from(2))));
        // Everything else is the command's to read, known to clap or not.
        assert_eq!(parsed(&["probe", "--prism", "--rate", "1"]), None);
        assert_eq!(parsed(&["changes", "--base", "HEAD~1"]), None);
        assert_eq!(parsed(&["generate"]), None);
        assert_eq!(parsed(&["a-new-command", "--x"]), None);
        for (name, _) in COMMANDS {
            assert!(USAGE.contains(name), "{name} is in the usage line");
        }
    }

    #[test]
    fn lint_errors_read_the_same_from_every_command() {
        let diags = [lint::Diagnostic {
            pointer: "/openapi".into(),
            message: "bad".into(),
        }];
        assert_eq!(lint_failure(&diags), "1 lint error(s) in schema/mindz.yaml");
        let mut doc = load::load_file(&workspace_root().join(SCHEMA)).unwrap();
        doc["openapi"] = "3.1.0".into();
        match generate(&doc) {
            Err(mindz_codegen::GenerateError::Lint(from_generate)) => {
                assert_eq!(from_generate, lint::lint(&doc));
            }
            other => panic!("expected lint errors, got {:?}", other.map(|g| g.lines())),
        }
    }
}
