//! Rust client for the Mindz API.

mod generated;
pub mod operation;
pub mod state;

pub use generated::*;
