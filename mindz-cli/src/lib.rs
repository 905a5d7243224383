//! The library behind the `mindz` command line.
//!
//! - [`probe`]: the read-only probe of a live school, compared with
//!   `schema/mindz.yaml` (`mindz probe`, and `cargo xtask probe` for
//!   maintainers).

pub mod probe;
