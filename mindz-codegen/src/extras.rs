//! Code that progenitor does not write but that follows the schema: the
//! table of operations (method, path template, whether credentials are
//! needed) that the SDK's hooks use for auth and tracing, and the pagination
//! impls of the list operations.

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

use crate::load;

/// One operation as the SDK's request hooks see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationRow {
    /// `operationId`.
    pub id: String,
    /// Upper-case HTTP method.
    pub method: String,
    /// Path template, e.g. `/v2/users/{user_id}/`.
    pub path: String,
    /// Whether the operation needs credentials (`security` is not empty).
    pub auth: bool,
    /// `x-mindz-confidence`.
    pub confidence: String,
}

/// The operations of `doc`, sorted by id.
pub fn operations(doc: &Value) -> Vec<OperationRow> {
    let global_auth = doc.get("security").is_some_and(requires_credentials);
    let mut rows: Vec<OperationRow> = load::operations(doc)
        .filter_map(|operation| {
            let op = operation.op;
            Some(OperationRow {
                id: operation.id()?.to_string(),
                method: operation.method.to_ascii_uppercase(),
                path: operation.path.to_string(),
                auth: op.get("security").map_or(global_auth, requires_credentials),
                confidence: op
                    .get("x-mindz-confidence")
                    .and_then(Value::as_str)
                    .unwrap_or("unknown")
                    .to_string(),
            })
        })
        .collect();
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    rows
}

/// Whether a `security` list asks for credentials: some requirement in it is
/// not the empty object (`security: []` and `[{}]` make an operation public).
fn requires_credentials(security: &Value) -> bool {
    security.as_array().is_some_and(|reqs| {
        reqs.iter()
            .any(|r| r.as_object().is_some_and(|o| !o.is_empty()))
    })
}

/// The extra items appended to `generated.rs`.
pub fn tokens(doc: &Value) -> TokenStream {
    let rows = operations(doc);
    let entries = rows.iter().map(|r| {
        let (id, method, path, auth, confidence) =
            (&r.id, &r.method, &r.path, r.auth, &r.confidence);
        quote! {
            crate::operation::Operation {
                id: #id,
                method: #method,
                path: #path,
                auth: #auth,
                confidence: #confidence,
            }
        }
    });
    let paginated = crate::pagination::tokens(doc);
    quote! {
        #paginated

        /// Every operation in the schema, sorted by id: method, path template,
        /// whether it needs credentials, and how sure the schema is of it.
        pub const OPERATIONS: &[crate::operation::Operation] = &[ #(#entries),* ];
    }
}
