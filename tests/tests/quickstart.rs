//! Runs the quickstart example (`cargo run -p mindz-sdk --example quickstart`)
//! as a user would on a fresh clone: no `MINDZ_*` configuration, so it
//! starts its mock school on 127.0.0.1 and runs every step against it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Builds the example once with `cargo build -p mindz-sdk --example
/// quickstart` (what `cargo run` does first) and returns its executable.
/// Running the executable, rather than `cargo run` for each run, keeps the
/// runs from rebuilding if the tree changes between them.
fn build_quickstart() -> PathBuf {
    let output = Command::new(env!("CARGO"))
        .args([
            "build",
            "-p",
            "mindz-sdk",
            "--example",
            "quickstart",
            "--quiet",
            "--message-format=json-render-diagnostics",
        ])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "building the quickstart failed\n{}",
        describe(&output)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| {
            message["reason"] == "compiler-artifact" && message["target"]["name"] == "quickstart"
        })
        .find_map(|message| message["executable"].as_str().map(PathBuf::from))
        .unwrap_or_else(|| {
            panic!(
                "cargo named no quickstart executable\n{}",
                describe(&output)
            )
        })
}

/// Runs the example with every `MINDZ_*` variable removed from its
/// environment, plus `extra_env`.
fn run_quickstart(executable: &Path, extra_env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(executable);
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("MINDZ_") {
            command.env_remove(&name);
        }
    }
    for (name, value) in extra_env {
        command.env(name, value);
    }
    command.output().expect("the quickstart starts")
}

fn describe(output: &Output) -> String {
    format!(
        "status: {}\n--- stdout\n{}--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The quickstart's two runs share one test so the example is built once.
#[test]
fn quickstart_runs_every_step_against_the_mock_school() {
    let quickstart = build_quickstart();
    let output = run_quickstart(&quickstart, &[]);
    let report = describe(&output);
    assert!(output.status.success(), "the quickstart failed\n{report}");

    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let expected_steps = [
        "started a mock Mindz school at http://127.0.0.1:",
        "authenticated",
        "listed 3 users (of 5): #1 Ana Souza, #2 Bruno Lima, #3 Carla Mendes",
        "created course #4 \"Rust para iniciantes\"",
        "enrolled user #1 in course #4 (enrollment #7)",
        "walked 5 users in pages of 2: ana.souza@example.com",
    ];
    let mut position = 0;
    for step in expected_steps {
        let found = lines[position..]
            .iter()
            .position(|line| line.contains(step))
            .unwrap_or_else(|| panic!("no line with {step:?} after line {position}\n{report}"));
        position += found + 1;
    }
    assert!(
        !stdout.contains("skipped"),
        "the mock school runs every step\n{report}"
    );

    // With a partial MINDZ_* configuration it reports the problem, exits
    // with status 1 and does not fall back to the mock school.
    let output = run_quickstart(&quickstart, &[("MINDZ_APP_ID", "only-the-id")]);
    let report = describe(&output);
    assert_eq!(output.status.code(), Some(1), "{report}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error: reading the MINDZ_* configuration failed:"),
        "{report}"
    );
    assert!(!stderr.contains("panicked"), "{report}");
    assert!(
        !String::from_utf8_lossy(&output.stdout).contains("mock"),
        "{report}"
    );
}
