//! The Mindz SDK generator as a library: load `schema/mindz.yaml`, lint it,
//! and turn it into the Rust source of `mindz-sdk/src/generated.rs`.
//!
//! `xtask` is the command line over this crate; the workspace tests call it
//! directly.

pub mod changes;
pub mod cli;
pub mod conformance;
pub mod docs;
pub mod enums;
pub mod extras;
pub mod generate;
pub mod inventory;
pub mod lint;
pub mod load;
pub mod mock_paths;
pub mod mock_seal;
pub mod models;
pub mod money;
pub mod nullable;
pub mod pagination;
pub mod probe_patch;
pub mod schema_edit;
pub mod secrets;
pub mod send;
pub mod syntax;

pub use generate::{GenerateError, Generated, generate};
