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

    /// The operation whose method and path template match a concrete
    /// `path` (`GET /v2/users/7/` is `user_get`): a `{param}` segment
    /// matches any non-empty segment, and of several matches the one with
    /// the most literal segments wins (`/v2/users/me/` over `{user_id}`).
    pub fn route(method: &str, path: &str) -> Option<&'static Operation> {
        let mut best: Option<(usize, &'static Operation)> = None;
        for op in crate::OPERATIONS.iter().filter(|op| op.method == method) {
            let Some(literals) = literal_match(op.path, path) else {
                continue;
            };
            if best.is_none_or(|(most, _)| literals > most) {
                best = Some((literals, op));
            }
        }
        best.map(|(_, op)| op)
    }
}

/// How many literal segments of `template` `path` matches, if it matches.
fn literal_match(template: &str, path: &str) -> Option<usize> {
    let mut want = template.split('/');
    let mut have = path.split('/');
    let mut literals = 0;
    loop {
        match (want.next(), have.next()) {
            (None, None) => return Some(literals),
            (Some(w), Some(h)) if w.starts_with('{') && w.ends_with('}') => {
                if h.is_empty() {
                    return None;
                }
            }
            (Some(w), Some(h)) if w == h => literals += 1,
            _ => return None,
        }
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

    #[test]
    fn route_finds_the_operation_of_a_concrete_path() {
        let id = |m, p| Operation::route(m, p).map(|op| op.id);
        assert_eq!(id("GET", "/v2/users/7/"), Some("user_get"));
        assert_eq!(id("GET", "/v2/users/"), Some("user_list"));
        assert_eq!(id("DELETE", "/v2/users/7/"), Some("user_delete"));
        assert_eq!(id("GET", "/v2/users//"), None);
        assert_eq!(id("GET", "/v2/users/7"), None);
        assert_eq!(id("GET", "/v2/reports/sales/"), None);
        for op in crate::OPERATIONS {
            let concrete: String = op
                .path
                .split('/')
                .map(|s| if s.starts_with('{') { "12" } else { s })
                .collect::<Vec<_>>()
                .join("/");
            let found = Operation::route(op.method, &concrete).expect(op.id);
            assert_eq!(
                (found.method, found.path),
                (op.method, op.path),
                "{}",
                op.id
            );
        }
    }
}
