//! `cargo xtask <command>`: the maintainer's command line over `mindz-codegen`.
//!
//! - `generate`: lint the schema and write `mindz-sdk/src/generated.rs`;
//! - `check`: regenerate in memory and fail with a diff if the checked-in file is stale;
//! - `lint`: run the schema lint alone;
//! - `conformance`: drive every operation through the SDK against Prism (static and dynamic mocks);
//! - `spec-lint`: lint the schema with Redocly CLI;
//! - `bench`: the SDK's performance figures (see `bench.rs`);
//! - `probe`: the read-only probe of a live school, or of Prism with `--prism` (see `probe.rs`);
//! - `changes`: the schema changes since the last release, breaking or not (see `changes.rs`);
//! - `semver`: cargo-semver-checks on mindz-sdk against the last release (see `semver.rs`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use mindz_codegen::{generate, lint, load};

mod bench;
mod changes;
mod conformance;
mod probe;
mod semver;

const USAGE: &str =
    "usage: cargo xtask <generate|check|lint|conformance|spec-lint|bench|probe|changes|semver>";
const SCHEMA: &str = "schema/mindz.yaml";
const GENERATED: &str = "mindz-sdk/src/generated.rs";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("generate") => cmd_generate(&root),
        Some("check") => cmd_check(&root),
        Some("lint") => cmd_lint(&root),
        Some("conformance") => conformance::run(&root),
        Some("spec-lint") => conformance::spec_lint(&root),
        Some("bench") => bench::run(&root),
        Some("probe") => probe::run(&root),
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
        for d in &diags {
            eprintln!("{SCHEMA}#{d}");
        }
        return Err(format!("{} lint error(s) in {SCHEMA}", diags.len()));
    }
    println!(
        "lint: {SCHEMA} is clean ({ops} operations) in {} ms",
        start.elapsed().as_millis()
    );
    Ok(())
}

/// Loads the schema and generates the SDK source in memory.
fn regenerate(root: &Path) -> Result<mindz_codegen::Generated, String> {
    let doc = load::load_file(&root.join(SCHEMA)).map_err(|e| e.to_string())?;
    generate(&doc).map_err(|e| e.to_string())
}

fn cmd_generate(root: &Path) -> Result<(), String> {
    let start = Instant::now();
    let out = regenerate(root)?;
    let path = root.join(GENERATED);
    let unchanged = std::fs::read_to_string(&path).is_ok_and(|old| old == out.source);
    if !unchanged {
        std::fs::write(&path, &out.source)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    println!(
        "generate: {GENERATED} {} ({} operations, {} types, {} lines) in {} ms",
        if unchanged { "unchanged" } else { "written" },
        out.operations,
        out.types,
        out.lines(),
        start.elapsed().as_millis()
    );
    Ok(())
}

fn cmd_check(root: &Path) -> Result<(), String> {
    let start = Instant::now();
    let out = regenerate(root)?;
    let path = root.join(GENERATED);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != out.source {
        let diff = similar::TextDiff::from_lines(&current, &out.source);
        let text = diff
            .unified_diff()
            .context_radius(2)
            .header(GENERATED, "regenerated")
            .to_string();
        let shown: Vec<&str> = text.lines().take(60).collect();
        let more = text.lines().count().saturating_sub(shown.len());
        eprintln!("{}", shown.join("\n"));
        if more > 0 {
            eprintln!("... {more} more diff lines");
        }
        return Err(format!(
            "{GENERATED} is stale: run `cargo xtask generate` and commit the result"
        ));
    }
    println!(
        "check: {GENERATED} is up to date ({} operations, {} types, {} lines) in {} ms",
        out.operations,
        out.types,
        out.lines(),
        start.elapsed().as_millis()
    );
    Ok(())
}
