//! Three states for the nullable fields of request bodies: typify writes an
//! optional nullable property as `Option<T>` and skips `None`, so `null` can
//! never be sent and a field can never be cleared. In every schema reachable
//! from a `requestBody`, each property that is `nullable: true` and not
//! required becomes a `crate::Nullable<T>` (absent, null or a value): the
//! struct field, its typify builder field and setter, plus a
//! `clear_<field>()` builder method that sends `null`.
//!
//! Response models keep `Option<T>` (`null` and missing both decode as `None`).

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::Span;
use serde_json::Value;
use syn::visit_mut::{self, VisitMut};

use crate::syntax::{self, PostprocessError};

const STEP: &str = "nullable";

/// `type -> nullable optional properties`, for the request body schemas of
/// `doc` (and the component schemas they reference).
pub fn request_fields(doc: &Value) -> BTreeMap<String, Vec<String>> {
    let schemas = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object);
    let mut request = BTreeSet::new();
    for operation in crate::load::operations(doc) {
        if let Some(body) = operation.op.get("requestBody") {
            collect_refs(body, &mut request);
        }
    }
    // Close over references between component schemas.
    let mut pending: Vec<String> = request.iter().cloned().collect();
    while let Some(name) = pending.pop() {
        let Some(schema) = schemas.and_then(|s| s.get(&name)) else {
            continue;
        };
        let mut found = BTreeSet::new();
        collect_refs(schema, &mut found);
        for n in found {
            if request.insert(n.clone()) {
                pending.push(n);
            }
        }
    }
    let mut out = BTreeMap::new();
    for name in request {
        let Some(schema) = schemas.and_then(|s| s.get(&name)) else {
            continue;
        };
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let fields: Vec<String> = schema
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter(|(field, prop)| {
                prop.get("nullable").and_then(Value::as_bool) == Some(true)
                    && !required.contains(&field.as_str())
            })
            .map(|(field, _)| field.clone())
            .collect();
        if !fields.is_empty() {
            out.insert(name, fields);
        }
    }
    out
}

fn collect_refs(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(name) = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
            {
                out.insert(name.to_string());
            }
            for inner in map.values() {
                collect_refs(inner, out);
            }
        }
        Value::Array(list) => list.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

/// Rewrites the request fields of `doc` in `file`; returns how many.
pub fn rewrite(file: &mut syn::File, doc: &Value) -> Result<usize, PostprocessError> {
    let targets = request_fields(doc);
    let mut count = 0;
    for (type_name, fields) in &targets {
        let types = syntax::require_module(STEP, file, &["types"])?;
        let s = syntax::find_struct(types, type_name)
            .ok_or_else(|| syntax::error(STEP, format!("no struct `types::{type_name}`")))?;
        for field in fields {
            rewrite_model_field(s, type_name, field)?;
            count += 1;
        }
        let builders = syntax::require_module(STEP, file, &["types", "builder"])?;
        let b = syntax::find_struct(builders, type_name).ok_or_else(|| {
            syntax::error(STEP, format!("no builder `types::builder::{type_name}`"))
        })?;
        for field in fields {
            let ident = named_field(b, field).ok_or_else(|| {
                syntax::error(
                    STEP,
                    format!("builder `types::builder::{type_name}` has no field `{field}`"),
                )
            })?;
            replace_option(&mut ident.ty, type_name, field)?;
        }
        rewrite_setters(builders, type_name, fields)?;
    }
    Ok(count)
}

fn named_field<'s>(s: &'s mut syn::ItemStruct, name: &str) -> Option<&'s mut syn::Field> {
    s.fields
        .iter_mut()
        .find(|f| f.ident.as_ref().is_some_and(|i| i == name))
}

/// `Option<T>` with skip-if-none becomes `Nullable<T>` with skip-if-absent.
fn rewrite_model_field(
    s: &mut syn::ItemStruct,
    type_name: &str,
    field: &str,
) -> Result<(), PostprocessError> {
    let f = named_field(s, field).ok_or_else(|| {
        syntax::error(STEP, format!("`types::{type_name}` has no field `{field}`"))
    })?;
    replace_option(&mut f.ty, type_name, field)?;
    let at = f
        .attrs
        .iter()
        .map(|a| syntax::serde_keys(a).map(|keys| keys.is_some_and(|k| skips_none(&k))))
        .collect::<Result<Vec<bool>, String>>()
        .map_err(|e| syntax::error(STEP, format!("`types::{type_name}::{field}`: {e}")))?;
    let skip: Vec<usize> = (0..at.len()).filter(|&i| at[i]).collect();
    let [skip] = skip[..] else {
        return Err(syntax::error(
            STEP,
            format!(
                "`types::{type_name}::{field}` has {} `#[serde(skip_serializing_if = \"Option::is_none\")]`, expected exactly one",
                skip.len()
            ),
        ));
    };
    // The attribute goes whole: it must hold nothing else to keep.
    let keys = syntax::serde_keys(&f.attrs[skip])
        .ok()
        .flatten()
        .unwrap_or_default();
    if let Some((other, _)) = keys
        .iter()
        .find(|(k, _)| k != "skip_serializing_if" && k != "default")
    {
        return Err(syntax::error(
            STEP,
            format!(
                "`types::{type_name}::{field}`: its `#[serde(skip_serializing_if = ..)]` also holds `{other}`, which the rewrite would drop"
            ),
        ));
    }
    f.attrs.remove(skip);
    f.attrs.push(syn::parse_quote!(
        #[serde(default, skip_serializing_if = "crate::Nullable::is_absent")]
    ));
    Ok(())
}

/// Whether `keys` hold `skip_serializing_if = "Option::is_none"` (any path to it).
fn skips_none(keys: &[syntax::SerdeKey]) -> bool {
    keys.iter().any(|(k, v)| {
        k == "skip_serializing_if"
            && v.as_deref().is_some_and(|v| {
                matches!(
                    v,
                    "Option::is_none"
                        | "std::option::Option::is_none"
                        | "::std::option::Option::is_none"
                )
            })
    })
}

/// Replaces the one `Option<T>` inside `ty` by `crate::Nullable<T>`.
fn replace_option(
    ty: &mut syn::Type,
    type_name: &str,
    field: &str,
) -> Result<(), PostprocessError> {
    let mut swap = SwapOption { swapped: 0 };
    swap.visit_type_mut(ty);
    if swap.swapped == 1 {
        Ok(())
    } else {
        Err(syntax::error(
            STEP,
            format!(
                "`{type_name}::{field}` has {} `Option`s in its type, expected exactly one",
                swap.swapped
            ),
        ))
    }
}

struct SwapOption {
    swapped: usize,
}

impl VisitMut for SwapOption {
    fn visit_type_mut(&mut self, ty: &mut syn::Type) {
        if let Some(inner) = syntax::option_inner(ty) {
            let inner = inner.clone();
            *ty = syn::parse_quote!(crate::Nullable<#inner>);
            self.swapped += 1;
            return;
        }
        visit_mut::visit_type_mut(self, ty);
    }
}

/// The setter of each field takes `TryInto<Nullable<T>>` (a plain `T` works);
/// `clear_<field>()` sets `Null`.
fn rewrite_setters(
    builders: &mut [syn::Item],
    type_name: &str,
    fields: &[String],
) -> Result<(), PostprocessError> {
    let imp = syntax::inherent_impls(builders, type_name)
        .next()
        .ok_or_else(|| syntax::error(STEP, format!("no `impl types::builder::{type_name}`")))?;
    for field in fields {
        let setter = imp
            .items
            .iter_mut()
            .find_map(|item| match item {
                syn::ImplItem::Fn(f) if f.sig.ident == field => Some(f),
                _ => None,
            })
            .ok_or_else(|| {
                syntax::error(
                    STEP,
                    format!("builder `{type_name}` has no setter `{field}`"),
                )
            })?;
        let generics = setter.sig.generics.where_clause.as_mut().ok_or_else(|| {
            syntax::error(
                STEP,
                format!("setter `{type_name}::{field}` has no where clause"),
            )
        })?;
        let mut swap = SwapOption { swapped: 0 };
        swap.visit_where_clause_mut(generics);
        if swap.swapped != 1 {
            return Err(syntax::error(
                STEP,
                format!("setter `{type_name}::{field}` does not take `TryInto<Option<_>>`"),
            ));
        }
        let doc = format!(
            "Sends `{field}` as `null`, which clears it on the server (without this or the setter, `{field}` is not sent)."
        );
        let ident = syn::Ident::new(field, Span::call_site());
        let clear = syn::Ident::new(&format!("clear_{field}"), Span::call_site());
        imp.items.push(syn::parse_quote! {
            #[doc = #doc]
            pub fn #clear(mut self) -> Self {
                self.#ident = Ok(crate::Nullable::Null);
                self
            }
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    fn doc() -> serde_json::Value {
        json!({
            "paths": {"/v2/users/{id}/": {"patch": {"requestBody": {"content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/UserUpdate"}}
            }}}}},
            "components": {"schemas": {"UserUpdate": {"properties": {
                "phone": {"type": "string", "nullable": true}
            }}}}
        })
    }

    /// typify's output for `UserUpdate`, with `attrs` on its `phone` field.
    fn output(attrs: &str) -> syn::File {
        syn::parse_str(&format!(
            r#"pub mod types {{
                pub struct UserUpdate {{
                    {attrs}
                    pub phone: ::std::option::Option<::std::string::String>,
                }}
                pub mod builder {{
                    pub struct UserUpdate {{
                        phone: Result<::std::option::Option<::std::string::String>, String>,
                    }}
                    impl UserUpdate {{
                        pub fn phone<T>(mut self, value: T) -> Self
                        where T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                        {{ self }}
                    }}
                }}
            }}"#
        ))
        .expect("valid Rust")
    }

    #[test]
    fn typifys_shape_becomes_nullable() {
        let mut file =
            output(r#"#[serde(skip_serializing_if = "::std::option::Option::is_none")]"#);
        assert_eq!(super::rewrite(&mut file, &doc()), Ok(1));
        let text = quote::quote!(#file).to_string();
        assert!(text.contains("\"crate::Nullable::is_absent\""), "{text}");
        assert!(text.contains("pub fn clear_phone"), "{text}");
    }

    #[test]
    fn another_attribute_shape_fails_naming_the_field() {
        for (attrs, expected) in [
            // A rename in the attribute the rewrite replaces: it would be lost.
            (
                r#"#[serde(rename = "Phone", skip_serializing_if = "::std::option::Option::is_none")]"#,
                "also holds `rename`",
            ),
            // Two of them, or none.
            (
                r#"#[serde(skip_serializing_if = "Option::is_none")] #[serde(skip_serializing_if = "Option::is_none")]"#,
                "has 2",
            ),
            (r#"#[serde(default)]"#, "has 0"),
            // Something else that merely mentions `is_none`.
            (
                r#"#[serde(skip_serializing_if = "is_none_or_empty")]"#,
                "has 0",
            ),
        ] {
            let err = super::rewrite(&mut output(attrs), &doc()).expect_err(attrs);
            let err = err.to_string();
            assert!(err.contains("`types::UserUpdate::phone`"), "{err}");
            assert!(err.contains(expected), "{attrs}: {err}");
        }
    }
}
