//! `cargo xtask apply-probe REPORT.json [--only refinement|drift|all]
//! [--allow-breaking]`: applies the corrections of a probe report (the
//! probe's `--json` file) to `schema/mindz.yaml`, editing only the lines they
//! need (`mindz_codegen::probe_patch`), marks the operations that came out
//! confirmed `x-mindz-confidence: confirmed`, regenerates, and prints the
//! `changes` verdict of the schema before and after. A correction that
//! breaks SDK users is applied only with `--allow-breaking`. Applying the
//! same report twice changes nothing the second time.

use std::path::{Path, PathBuf};

use mindz_codegen::probe_patch::{self, Correction, Only};
use mindz_codegen::{changes, load};

use crate::SCHEMA;

/// The usage line.
pub const USAGE: &str =
    "usage: cargo xtask apply-probe REPORT.json [--only refinement|drift|all] [--allow-breaking]";

#[derive(Debug)]
struct Args {
    report: PathBuf,
    only: Only,
    allow_breaking: bool,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut report = None;
    let mut only = Only::All;
    let mut allow_breaking = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--only" => {
                only = Only::parse(it.next().map(String::as_str).unwrap_or(""))?;
            }
            "--allow-breaking" => allow_breaking = true,
            other if other.starts_with("--") => {
                return Err(format!("unknown option `{other}`\n{USAGE}"));
            }
            path if report.is_none() => report = Some(PathBuf::from(path)),
            extra => return Err(format!("one report only, not also `{extra}`\n{USAGE}")),
        }
    }
    Ok(Args {
        report: report.ok_or_else(|| USAGE.to_string())?,
        only,
        allow_breaking,
    })
}

fn line(c: &Correction) -> String {
    format!(
        "{} {} at {} -> {}",
        c.operation_id,
        c.kind,
        c.pointer,
        c.paths.join(", ")
    )
}

/// `cargo xtask apply-probe ARGS`.
pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let args = parse(args)?;
    let report_text = std::fs::read_to_string(&args.report)
        .map_err(|e| format!("cannot read {}: {e}", args.report.display()))?;
    let report: serde_json::Value = serde_json::from_str(&report_text)
        .map_err(|e| format!("{} is not JSON: {e}", args.report.display()))?;
    let schema = root.join(SCHEMA);
    let before =
        std::fs::read_to_string(&schema).map_err(|e| format!("cannot read {SCHEMA}: {e}"))?;
    let applied = probe_patch::apply_report(&before, &report, args.only, args.allow_breaking)?;
    for c in &applied.applied {
        let breaking = if c.breaking { " (breaking)" } else { "" };
        println!("apply-probe: applied{breaking} {}", line(c));
    }
    for c in &applied.skipped_breaking {
        println!(
            "apply-probe: not applied, breaks SDK users (rerun with --allow-breaking): {}",
            line(c)
        );
    }
    println!(
        "apply-probe: {} correction(s) applied, {} already in the schema, {} breaking left out, {} finding(s) without a correction; {} operation(s) newly marked confirmed",
        applied.applied.len(),
        applied.already.len(),
        applied.skipped_breaking.len(),
        applied.without_patch,
        applied.marked.len()
    );
    if !applied.changed(&before) {
        println!("apply-probe: {SCHEMA} unchanged");
        return Ok(());
    }
    crate::write_atomically(&schema, &applied.text)?;
    crate::cmd_generate(root)?;
    let old = load::load_str(&before).map_err(|e| e.to_string())?;
    let new = load::load_file(&schema).map_err(|e| e.to_string())?;
    println!(
        "changes: {} (schema before and after apply-probe)",
        changes::compare(&old, &new).verdict()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options() {
        let a = parse(&strings(&["r.json", "--only", "drift", "--allow-breaking"])).unwrap();
        assert_eq!(a.report, PathBuf::from("r.json"));
        assert_eq!(a.only, Only::Drift);
        assert!(a.allow_breaking);
        let a = parse(&strings(&["r.json"])).unwrap();
        assert_eq!(a.only, Only::All);
        assert!(!a.allow_breaking);
        assert!(parse(&[]).unwrap_err().starts_with("usage"));
        assert!(parse(&strings(&["r.json", "--only", "x"])).is_err());
        assert!(parse(&strings(&["r.json", "--strict"])).is_err());
        assert!(parse(&strings(&["a.json", "b.json"])).is_err());
    }
}
