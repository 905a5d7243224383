//! Helpers shared by the integration tests under `tests/tests/` (which use
//! `mindz-sdk` and `mindz-codegen` the way their users do) and the bench
//! (`src/bin/bench.rs`).

pub mod throttle;
