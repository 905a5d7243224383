//! `cargo xtask probe [--prism] [PROBE OPTIONS]`: the read-only probe of a
//! live school (`mindz_cli::probe`, run as `mindz-tests`'s `probe` binary).
//!
//! - Without `--prism`: builds the probe and runs it with the given options
//!   and the `MINDZ_*` variables of the environment (a real school).
//! - With `--prism`: starts Prism with conformance's launcher (static mode,
//!   `schema/mindz.yaml`, the pinned `xtask/node` install, installed with
//!   `npm ci` when missing) on a free 127.0.0.1 port and runs the probe
//!   against it with `--strict`: every GET operation must be confirmed and
//!   nothing found.
//!   The JSON report goes to `.conformance/probe-prism.json`.
//!
//! Like `conformance`, xtask never depends on mindz-sdk: the probe is a
//! separate binary built with cargo.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::conformance::{Mode, Prism, build_tests_bin, ensure_node_tools};

/// `cargo xtask probe [--prism] [options of the probe]`.
pub fn run(root: &Path) -> Result<(), String> {
    let mut args: Vec<String> = std::env::args().skip(2).collect();
    let prism = args.iter().any(|a| a == "--prism");
    args.retain(|a| a != "--prism");
    let probe = build_tests_bin(root, "probe")?;
    if !prism {
        let status = Command::new(&probe)
            .args(&args)
            .current_dir(root)
            .status()
            .map_err(|e| format!("cannot run the probe: {e}"))?;
        return status
            .success()
            .then_some(())
            .ok_or_else(|| format!("the probe failed ({status})"));
    }
    let start = Instant::now();
    std::fs::create_dir_all(root.join(".conformance"))
        .map_err(|e| format!("cannot create .conformance/: {e}"))?;
    let node = ensure_node_tools(root)?;
    let log = root.join(".conformance/prism-probe.log");
    let server = Prism::start(root, &node, Mode::Static, "0", &log)?;
    println!(
        "probe --prism: Prism on 127.0.0.1:{}, ready in {} ms",
        server.port,
        server.ready_after.as_millis()
    );
    let status = Command::new(&probe)
        .args(["--base-url", &format!("http://127.0.0.1:{}", server.port)])
        .args(["--token", "probe-token", "--rate", "100", "--strict"])
        .args(["--json", ".conformance/probe-prism.json"])
        .args(&args)
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run the probe: {e}"))?;
    drop(server);
    println!(
        "probe --prism: {} in {:.1} s (Prism, probe and report)",
        if status.success() { "clean" } else { "FAILED" },
        start.elapsed().as_secs_f64()
    );
    status
        .success()
        .then_some(())
        .ok_or_else(|| "the probe against Prism is not clean (see above)".to_string())
}
