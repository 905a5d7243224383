//! Per-client state shared by every request (placeholder).

/// State carried by every [`crate::Client`].
#[derive(Debug, Clone, Default)]
pub struct ClientState {}

impl progenitor_client::ClientHooks<ClientState> for crate::Client {}
