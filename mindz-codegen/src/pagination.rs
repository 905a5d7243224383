//! Finds the list operations that page with `limit`/`offset` and answer
//! `{count, next, previous, results}`, and generates for each the
//! `crate::pagination::Paginated` impl that lets its builder be walked as a
//! stream of items. progenitor only streams the dropshot pagination shape, so
//! these come from here.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use serde_json::Value;

use crate::load;

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
    load::operations(doc)
        .filter_map(|operation| list_operation(doc, operation))
        .collect()
}

/// `operation` as a [`ListOperation`], if it is a GET that takes `limit` and
/// `offset` and answers a `$ref`'d page with `next` and `results` items.
fn list_operation(doc: &Value, operation: load::OperationRef<'_>) -> Option<ListOperation> {
    if operation.method != "get" {
        return None;
    }
    let id = operation.id()?;
    let params = load::parameters(doc, operation.item, operation.op);
    let has = |name: &str| {
        params.iter().any(|p| {
            p.get("in").and_then(Value::as_str) == Some("query")
                && p.get("name").and_then(Value::as_str) == Some(name)
        })
    };
    if !(has("limit") && has("offset")) {
        return None;
    }
    let page = operation
        .op
        .pointer("/responses/200/content/application~1json/schema/$ref")
        .and_then(Value::as_str)?
        .strip_prefix("#/components/schemas/")?;
    let props = doc
        .pointer(&format!("/components/schemas/{page}"))?
        .get("properties")?;
    let item = props
        .pointer("/results/items/$ref")
        .and_then(Value::as_str)?
        .strip_prefix("#/components/schemas/")?;
    props.get("next")?;
    Some(ListOperation {
        id: id.to_string(),
        builder: load::builder_name(id),
        page: page.to_string(),
        item: item.to_string(),
    })
}

/// The `Paginated` impls for every list operation.
pub fn tokens(doc: &Value) -> TokenStream {
    let impls = list_operations(doc).into_iter().map(|op| {
        let builder = Ident::new(&op.builder, Span::call_site());
        let item = Ident::new(&op.item, Span::call_site());
        let id = &op.id;
        quote! {
            impl crate::pagination::Paginated for builder::#builder<'_> {
                type Item = types::#item;
                const OPERATION_ID: &'static str = #id;
                fn with_page(self, limit: ::std::num::NonZeroU64, offset: u64) -> Self {
                    self.limit(limit).offset(offset)
                }
                async fn fetch_page(
                    self,
                ) -> crate::Result<crate::pagination::Page<types::#item>> {
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
