//! The shape of the generated table of commands (`generated.rs`): one
//! [`Op`] per operation of the schema.

/// One operation as a command: `mindz <resource> <action>`.
#[derive(Debug, Clone, Copy)]
pub struct Op {
    /// The operation id (`user_list`), as in `mindz_sdk::OPERATIONS`.
    pub id: &'static str,
    /// The tag in kebab case (`user`, `course-teacher`).
    pub resource: &'static str,
    /// The operation id without the tag, in kebab case (`list`, `change-password`).
    pub action: &'static str,
    /// The schema's summary.
    pub summary: &'static str,
    /// The schema's description.
    pub description: &'static str,
    /// Upper-case HTTP method.
    pub method: &'static str,
    /// Path template relative to the base URL (`/v2/users/{user_id}/`).
    pub path: &'static str,
    /// Whether the list pages with `limit`/`offset` (`--all` walks it).
    pub paginated: bool,
    /// Path and query parameters, in the schema's order.
    pub params: &'static [Param],
    /// The JSON body, when the operation takes one.
    pub body: Option<Body>,
}

/// A path or query parameter: the flag `--<flag>`.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// The name on the wire.
    pub name: &'static str,
    /// The flag, in kebab case.
    pub flag: &'static str,
    /// The schema's description.
    pub help: &'static str,
    /// Whether the operation needs it.
    pub required: bool,
    /// In the path (else in the query).
    pub path: bool,
    /// The enum's known values (the enums are open: others are accepted).
    pub values: &'static [&'static str],
}

/// A JSON request body: `--body FILE` always, and a flag per field of a
/// flat body.
#[derive(Debug, Clone, Copy)]
pub struct Body {
    /// The top-level writable fields of a flat body (empty when the body
    /// nests objects: use `--body`).
    pub fields: &'static [Field],
}

/// A top-level body field: the flag `--<flag>`, or `--<flag>-stdin` for a
/// password.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The JSON name.
    pub name: &'static str,
    /// The flag, in kebab case.
    pub flag: &'static str,
    /// The schema's description.
    pub help: &'static str,
    /// Whether the body needs it.
    pub required: bool,
    /// A JSON string (the flag's text as is); otherwise the flag's text is
    /// read as JSON (`3`, `true`, `[1,2]`, `null`).
    pub string: bool,
    /// `format: password`: never a flag; read from stdin or a prompt.
    pub password: bool,
    /// The enum's known values (others are accepted).
    pub values: &'static [&'static str],
}

impl Op {
    /// The operation named `resource action`.
    pub fn find(resource: &str, action: &str) -> Option<&'static Op> {
        crate::generated::OPS
            .iter()
            .find(|op| op.resource == resource && op.action == action)
    }
}
