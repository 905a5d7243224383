//! The read-only probe of a live school (`cargo xtask probe`): compares what
//! a school answers with `schema/mindz.yaml`, sending only GET and OPTIONS.

pub mod auth;
pub mod cli;
pub mod document;
pub mod http;
pub mod limiter;
pub mod mark;
pub mod metadata;
pub mod report;
pub mod run;
pub mod spec;
pub mod validate;
