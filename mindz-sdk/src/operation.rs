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
    /// How sure the schema is of this operation: `seen`, `seen-path` or
    /// `inferred` (`raw` for a raw request, [`Client::request`](crate::Client::request)).
    pub confidence: &'static str,
}

impl Operation {
    /// The operation `id`, looked up while compiling: the generated
    /// `send()`s call it in a `const { }` block, so a call costs no lookup
    /// and an id missing from [`crate::OPERATIONS`] fails the build.
    pub(crate) const fn named(id: &str) -> &'static Operation {
        let mut i = 0;
        while i < crate::OPERATIONS.len() {
            if same(crate::OPERATIONS[i].id.as_bytes(), id.as_bytes()) {
                return &crate::OPERATIONS[i];
            }
            i += 1;
        }
        panic!("no such operation in OPERATIONS")
    }

    /// Looks an operation up by id.
    pub fn find(id: &str) -> Option<&'static Operation> {
        crate::OPERATIONS
            .binary_search_by(|op| op.id.cmp(id))
            .ok()
            .map(|i| &crate::OPERATIONS[i])
    }
}

/// `a == b`, usable in a `const fn`.
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::Operation;

    #[test]
    fn named_is_find() {
        for op in crate::OPERATIONS {
            assert_eq!(Some(Operation::named(op.id)), Operation::find(op.id));
        }
        const USER_GET: &Operation = Operation::named("user_get");
        assert_eq!(USER_GET.path, "/v2/users/{user_id}/");
    }
}
