//! What the SDK knows about each operation, beyond the generated method.

/// One operation of the Mindz API, as listed in [`crate::OPERATIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The `operationId`, which is also the name of the client method.
    pub id: &'static str,
    /// Upper-case HTTP method.
    pub method: &'static str,
    /// Path template relative to the base URL, e.g. `/v2/users/{user_id}/`.
    pub path: &'static str,
    /// Whether the operation needs credentials. Public operations never
    /// carry an `Authorization` header.
    pub auth: bool,
    /// How sure the schema is of this operation: `seen`, `seen-path` or `inferred`.
    pub confidence: &'static str,
}

impl Operation {
    /// Looks an operation up by id.
    pub fn find(id: &str) -> Option<&'static Operation> {
        crate::OPERATIONS
            .binary_search_by(|op| op.id.cmp(id))
            .ok()
            .map(|i| &crate::OPERATIONS[i])
    }
}
