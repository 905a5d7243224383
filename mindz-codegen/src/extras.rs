//! Code that progenitor does not write but that follows the schema: the
//! table of operations (method, path template, whether credentials are
//! needed) that the SDK's hooks use for auth and tracing, and the pagination
//! impls of the list operations.

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

use crate::load::METHODS;

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
    let global_auth = doc
        .get("security")
        .and_then(Value::as_array)
        .is_some_and(|s| {
            s.iter()
                .any(|r| r.as_object().is_some_and(|o| !o.is_empty()))
        });
    let mut rows = Vec::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return rows;
    };
    for (path, item) in paths {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let Some(id) = op.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            let auth = match op.get("security").and_then(Value::as_array) {
                Some(reqs) => reqs
                    .iter()
                    .any(|r| r.as_object().is_some_and(|o| !o.is_empty())),
                None => global_auth,
            };
            rows.push(OperationRow {
                id: id.to_string(),
                method: method.to_ascii_uppercase(),
                path: path.clone(),
                auth,
                confidence: op
                    .get("x-mindz-confidence")
                    .and_then(Value::as_str)
                    .unwrap_or("unknown")
                    .to_string(),
            });
        }
    }
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    rows
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
