//! Rust client for the Mindz API.

mod generated;
pub mod operation;
pub mod pagination;
pub mod state;

pub use generated::{
    ByteStream, Client, ClientInfo, Error, OPERATIONS, ResponseValue, builder, types,
};

#[cfg(feature = "mock")]
pub use generated::mock;

/// What most programs need: `use mindz_sdk::prelude::*;`.
///
/// Methods are inherent on [`Client`] (progenitor's merged tag style), so
/// calls need no import; the prelude brings the client, the types module and
/// the pagination traits that add `.stream()` and `.collect_all()` to list
/// requests.
pub mod prelude {
    pub use crate::Client;
    pub use crate::pagination::{Paginated, PaginatedExt};
    pub use crate::types;
}
