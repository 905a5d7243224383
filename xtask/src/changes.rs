//! `cargo xtask changes [--base REV] [--fail-on-breaking]`: what changed in
//! `schema/mindz.yaml` between REV and the working tree, and whether it
//! breaks SDK users or the wire (`mindz_codegen::changes`).
//!
//! Also the release baseline both `changes` and `semver` compare against
//! when no `--base` is given: the last `v*` tag reachable from HEAD, else the
//! commit named by `release.toml`, else HEAD.

use std::path::Path;
use std::process::Command;

use mindz_codegen::{changes, load};

use crate::SCHEMA;

/// The file naming the last release when no tag is reachable.
pub const RELEASE_FILE: &str = "release.toml";

/// The revision to compare against, and how it was chosen.
pub struct Baseline {
    /// What git and cargo-semver-checks are given.
    pub rev: String,
    /// For people: `0be7746 (release 0.1.0, from release.toml)`.
    pub label: String,
}

/// The options `changes` and `semver` share: `--base REV` (or `--base=REV`).
/// Returns the base and the arguments left over.
pub fn take_base(args: &[String]) -> Result<(Option<String>, Vec<String>), String> {
    let mut base = None;
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--base" {
            let rev = it
                .next()
                .ok_or_else(|| "`--base` needs a git revision, e.g. `--base HEAD~1`".to_string())?;
            base = Some(rev.clone());
        } else if let Some(rev) = arg.strip_prefix("--base=") {
            base = Some(rev.to_string());
        } else {
            rest.push(arg.clone());
        }
    }
    if base.as_deref().is_some_and(str::is_empty) {
        return Err("`--base` needs a git revision, e.g. `--base HEAD~1`".to_string());
    }
    Ok((base, rest))
}

/// Runs git in `root`; its stdout, or a message with its stderr.
pub fn git(root: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(root)
        .output()
        .map_err(|e| {
            format!(
                "cannot run `git {}`: {e} (is git installed and on PATH?)",
                args.join(" ")
            )
        })?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_string())
    } else {
        Err(format!(
            "`git {}` failed in {}: {}",
            args.join(" "),
            root.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

fn short(root: &Path, rev: &str) -> String {
    git(root, &["rev-parse", "--short", rev]).unwrap_or_else(|_| rev.to_string())
}

/// Checks that `rev` names a commit of this repository.
fn verify(root: &Path, rev: &str, origin: &str) -> Result<(), String> {
    let spec = format!("{rev}^{{commit}}");
    git(root, &["rev-parse", "--verify", "--quiet", &spec]).map(drop).map_err(|e| {
        if e.starts_with("cannot run") {
            e
        } else {
            format!(
                "{origin} `{rev}` is not a commit of the repository at {} (a typo, or a shallow clone: try `git fetch --unshallow`)",
                root.display()
            )
        }
    })
}

/// `key = "value"` from the release file.
fn release_field(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// The revision to compare against: `given`, else the last `v*` tag, else
/// the commit in `release.toml`, else HEAD.
pub fn baseline(root: &Path, given: Option<&str>) -> Result<Baseline, String> {
    if let Some(rev) = given {
        verify(root, rev, "--base")?;
        return Ok(Baseline {
            rev: rev.to_string(),
            label: format!("`{rev}` ({})", short(root, rev)),
        });
    }
    // `git` missing is an error; no tag is not.
    git(root, &["--version"])?;
    if let Ok(tag) = git(
        root,
        &["describe", "--tags", "--abbrev=0", "--match", "v[0-9]*"],
    ) {
        return Ok(Baseline {
            label: format!("`{tag}` (the last release tag)"),
            rev: tag,
        });
    }
    let file = root.join(RELEASE_FILE);
    match std::fs::read_to_string(&file) {
        Ok(text) => {
            let commit = release_field(&text, "commit")
                .filter(|c| !c.is_empty())
                .ok_or_else(|| format!("{} has no `commit = \"<hash>\"` line", file.display()))?;
            verify(root, &commit, &format!("{RELEASE_FILE}'s commit"))?;
            let version = release_field(&text, "version").unwrap_or_else(|| "?".to_string());
            Ok(Baseline {
                label: format!(
                    "`{}` (release {version}, from {RELEASE_FILE}; no v* tag is reachable)",
                    short(root, &commit)
                ),
                rev: commit,
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Baseline {
            label: format!(
                "`HEAD` ({}; no v* tag and no {RELEASE_FILE})",
                short(root, "HEAD")
            ),
            rev: "HEAD".to_string(),
        }),
        Err(e) => Err(format!("cannot read {}: {e}", file.display())),
    }
}

/// The text of `schema/mindz.yaml` as it is at `rev`, and its name for messages.
fn schema_at(root: &Path, rev: &str) -> Result<(String, String), String> {
    let spec = format!("{rev}:{SCHEMA}");
    let text =
        git(root, &["show", &spec]).map_err(|e| format!("cannot read {SCHEMA} at `{rev}`: {e}"))?;
    Ok((text, spec))
}

/// A parse error of the old schema, located in `spec` (`REV:schema/mindz.yaml`).
fn syntax_error(spec: &str, e: load::LoadError) -> String {
    match e {
        load::LoadError::Syntax {
            location: Some(loc),
            message,
            ..
        } => format!("{spec}:{loc}: not valid YAML: {message}"),
        other => format!("{spec}: {other}"),
    }
}

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let (base, rest) = take_base(args)?;
    let mut fail_on_breaking = false;
    for arg in &rest {
        match arg.as_str() {
            "--fail-on-breaking" => fail_on_breaking = true,
            other => {
                return Err(format!(
                    "unknown option `{other}` for `changes`\nusage: cargo xtask changes [--base REV] [--fail-on-breaking]"
                ));
            }
        }
    }
    let baseline = baseline(root, base.as_deref())?;
    let (text, spec) = schema_at(root, &baseline.rev)?;
    let old = load::load_str(&text).map_err(|e| syntax_error(&spec, e))?;
    let new = load::load_file(&root.join(SCHEMA)).map_err(|e| e.to_string())?;
    let report = changes::compare(&old, &new);
    print!(
        "{}",
        report.to_markdown(
            &format!("{SCHEMA} at {}", baseline.label),
            "the working tree"
        )
    );
    println!(
        "\nchanges: {} (against {})",
        report.verdict(),
        baseline.label
    );
    if fail_on_breaking && report.is_breaking() {
        return Err("breaking schema changes (--fail-on-breaking)".to_string());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn base_is_taken_in_both_spellings() {
        let (base, rest) = take_base(&args(&["--base", "v0.1.0", "--fail-on-breaking"])).unwrap();
        assert_eq!(base.as_deref(), Some("v0.1.0"));
        assert_eq!(rest, args(&["--fail-on-breaking"]));
        let (base, rest) = take_base(&args(&["--base=HEAD~1"])).unwrap();
        assert_eq!((base.as_deref(), rest.len()), (Some("HEAD~1"), 0));
        assert!(take_base(&args(&["--base"])).is_err());
        assert!(take_base(&args(&["--base="])).is_err());
    }

    #[test]
    fn the_release_file_names_the_released_commit() {
        let text = include_str!("../../release.toml");
        let commit = release_field(text, "commit").expect("release.toml has a commit");
        assert_eq!(commit.len(), 40, "a full hash: {commit}");
        assert!(commit.chars().all(|c| c.is_ascii_hexdigit()), "{commit}");
        assert!(release_field(text, "version").is_some());
        assert_eq!(
            release_field("# c\nversion = \"1.2.3\"\n", "version").as_deref(),
            Some("1.2.3")
        );
        assert_eq!(release_field("version = \"1\"", "commit"), None);
    }
}
