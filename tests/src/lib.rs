//! Holds nothing: this crate exists for the integration tests under
//! `tests/tests/`, which use `mindz-sdk` and `mindz-codegen` the way their
//! users do.
