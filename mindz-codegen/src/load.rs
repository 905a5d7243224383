//! Reading the schema file into a JSON value that the lint and the generator
//! share.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why a schema could not be read.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file is not valid YAML (or JSON); `location` is `line:column`.
    Syntax {
        path: PathBuf,
        location: Option<String>,
        message: String,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            LoadError::Syntax {
                path,
                location: Some(loc),
                message,
            } => {
                write!(f, "{}:{loc}: not valid YAML: {message}", path.display())
            }
            LoadError::Syntax {
                path,
                location: None,
                message,
            } => {
                write!(f, "{}: not valid YAML: {message}", path.display())
            }
        }
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Io { source, .. } => Some(source),
            LoadError::Syntax { .. } => None,
        }
    }
}

/// Reads and parses the schema file at `path`.
pub fn load_file(path: &Path) -> Result<serde_json::Value, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    load_str(&text).map_err(|e| match e {
        LoadError::Syntax {
            location, message, ..
        } => LoadError::Syntax {
            path: path.to_path_buf(),
            location,
            message,
        },
        other => other,
    })
}

/// Parses schema text (YAML, of which JSON is a subset).
pub fn load_str(text: &str) -> Result<serde_json::Value, LoadError> {
    serde_yaml_ng::from_str::<serde_json::Value>(text).map_err(|e| LoadError::Syntax {
        path: PathBuf::from("<schema>"),
        location: e.location().map(|l| format!("{}:{}", l.line(), l.column())),
        message: e.to_string(),
    })
}

/// The HTTP methods an OpenAPI path item may hold, in the order OpenAPI lists them.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// One operation of the schema, with the path item it sits in.
#[derive(Debug, Clone, Copy)]
pub struct OperationRef<'a> {
    /// The path, e.g. `/v2/users/{user_id}/`.
    pub path: &'a str,
    /// The lower-case method key, one of [`METHODS`].
    pub method: &'static str,
    /// The path item (for its shared `parameters`).
    pub item: &'a serde_json::Value,
    /// The operation object.
    pub op: &'a serde_json::Value,
}

impl<'a> OperationRef<'a> {
    /// The `operationId`, if it is a string.
    pub fn id(&self) -> Option<&'a str> {
        self.op
            .get("operationId")
            .and_then(serde_json::Value::as_str)
    }
}

/// Every operation under `paths`: each path in document order, then its
/// methods in [`METHODS`] order. A document without `paths` has none.
pub fn operations(doc: &serde_json::Value) -> impl Iterator<Item = OperationRef<'_>> {
    doc.get("paths")
        .and_then(serde_json::Value::as_object)
        .into_iter()
        .flatten()
        .flat_map(|(path, item)| {
            METHODS.iter().filter_map(move |method| {
                item.get(*method).map(|op| OperationRef {
                    path,
                    method,
                    item,
                    op,
                })
            })
        })
}

/// Counts the operations under `paths` (0 for a document without any).
pub fn count_operations(doc: &serde_json::Value) -> usize {
    operations(doc).count()
}

/// One reference token of a JSON pointer (RFC 6901): `~` as `~0`, `/` as `~1`.
pub fn pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// `user_list` -> `UserList`: the name progenitor gives an operation's builder.
pub fn builder_name(operation_id: &str) -> String {
    operation_id
        .split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Follows local `$ref`s (`#/...`) from `value` until a value without one
/// (at most 32 hops; an unresolvable reference stops where it is).
pub fn resolve<'a>(
    doc: &'a serde_json::Value,
    mut value: &'a serde_json::Value,
) -> &'a serde_json::Value {
    for _ in 0..32 {
        let Some(target) = value
            .get("$ref")
            .and_then(serde_json::Value::as_str)
            .and_then(|r| r.strip_prefix('#'))
            .and_then(|pointer| doc.pointer(pointer))
        else {
            return value;
        };
        value = target;
    }
    value
}

/// The parameters of operation `op` of path item `item`: the path item's,
/// then the operation's own, with `$ref`s resolved.
pub fn parameters<'a>(
    doc: &'a serde_json::Value,
    item: &'a serde_json::Value,
    op: &'a serde_json::Value,
) -> Vec<&'a serde_json::Value> {
    let list = |v: &'a serde_json::Value| {
        v.get("parameters")
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
    };
    list(item)
        .chain(list(op))
        .map(|p| resolve(doc, p))
        .collect()
}
