//! Finds the list operations that page with `limit`/`offset` and answer
//! `{count, next, previous, results}`, and generates for each the
//! `crate::pagination::Paginated` impl that lets its builder be walked as a
//! stream of items. progenitor only streams the dropshot pagination shape, so
//! these come from here.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use serde_json::Value;

use crate::load::{self, METHODS};

/// A list operation that can be paginated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListOperation {
    /// `operationId`, e.g. `user_list`.
    pub id: String,
    /// The progenitor builder type in `builder`, e.g. `UserList`.
    pub builder: String,
    /// The page schema, e.g. `PaginatedUserList`.
    pub page: String,
    /// The item schema, e.g. `User`.
    pub item: String,
}

/// Every paginated list operation of `doc`, in path order.
pub fn list_operations(doc: &Value) -> Vec<ListOperation> {
    let mut found = Vec::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return found;
    };
    for item in paths.values() {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            if method != "get" {
                continue;
            }
            let Some(id) = op.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            let params = load::parameters(doc, item, op);
            let has = |name: &str| {
                params.iter().any(|p| {
                    p.get("in").and_then(Value::as_str) == Some("query")
                        && p.get("name").and_then(Value::as_str) == Some(name)
                })
            };
            if !(has("limit") && has("offset")) {
                continue;
            }
            let Some(page) = op
                .pointer("/responses/200/content/application~1json/schema/$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
            else {
                continue;
            };
            let Some(page_schema) = doc.pointer(&format!("/components/schemas/{page}")) else {
                continue;
            };
            let Some(props) = page_schema.get("properties") else {
                continue;
            };
            let Some(item) = props
                .pointer("/results/items/$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
            else {
                continue;
            };
            if props.get("next").is_none() {
                continue;
            }
            found.push(ListOperation {
                id: id.to_string(),
                builder: pascal(id),
                page: page.to_string(),
                item: item.to_string(),
            });
        }
    }
    found
}

/// `user_list` → `UserList`, as progenitor names builder types.
pub(crate) fn pascal(id: &str) -> String {
    id.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The `Paginated` impls for every list operation.
pub fn tokens(doc: &Value) -> TokenStream {
    let impls = list_operations(doc).into_iter().map(|op| {
        let builder = Ident::new(&op.builder, Span::call_site());
        let item = Ident::new(&op.item, Span::call_site());
        quote! {
            impl crate::pagination::Paginated for builder::#builder<'_> {
                type Item = types::#item;
                fn with_page(self, limit: ::std::num::NonZeroU64, offset: u64) -> Self {
                    self.limit(limit).offset(offset)
                }
                async fn fetch_page(
                    self,
                ) -> ::std::result::Result<
                    crate::pagination::Page<types::#item>,
                    Error<types::ErrorBody>,
                > {
                    let page = self.send().await?.into_inner();
                    Ok(crate::pagination::Page {
                        count: page.count,
                        next: page.next,
                        items: page.results,
                    })
                }
            }
        }
    });
    quote! { #(#impls)* }
}
