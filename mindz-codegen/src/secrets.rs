//! Secrets never print: a property with `format: password` is shown as `***`
//! by `Debug`. Every struct of `types` and `types::builder` that holds one
//! gets a hand-written `Debug` in place of the derived one, and so does every
//! operation builder of `builder` whose body builder holds one (its body is
//! printed through that redacted `Debug`, and the client is left out).

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

use crate::syntax::{self, PostprocessError};

const STEP: &str = "secrets";

/// `type -> secret properties` for the component schemas of `doc`.
pub fn secret_fields(doc: &Value) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return out;
    };
    for (name, schema) in schemas {
        let fields: Vec<String> = schema
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter(|(_, p)| p.get("format").and_then(Value::as_str) == Some("password"))
            .map(|(f, _)| f.clone())
            .collect();
        if !fields.is_empty() {
            out.insert(name.clone(), fields);
        }
    }
    out
}

/// What was redacted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Redacted {
    /// Structs of `types` and `types::builder`.
    pub types: usize,
    /// Operation builders of `builder`.
    pub operations: usize,
}

/// Gives the structs that hold a secret of `doc` a redacting `Debug`.
pub fn redact(file: &mut syn::File, doc: &Value) -> Result<Redacted, PostprocessError> {
    let secrets = secret_fields(doc);
    let mut done = Redacted::default();
    for module in [&["types"][..], &["types", "builder"][..]] {
        let items = syntax::require_module(STEP, file, module)?;
        let mut impls = Vec::new();
        for (type_name, fields) in &secrets {
            let s = syntax::find_struct(items, type_name).ok_or_else(|| {
                syntax::error(
                    STEP,
                    format!("no struct `{}::{type_name}`", module.join("::")),
                )
            })?;
            for field in fields {
                if !s
                    .fields
                    .iter()
                    .any(|f| f.ident.as_ref().is_some_and(|i| i == field))
                {
                    return Err(syntax::error(
                        STEP,
                        format!(
                            "`{}::{type_name}` has no field `{field}`",
                            module.join("::")
                        ),
                    ));
                }
            }
            impls.push(debug_impl(s, fields, module.len() > 1)?);
            done.types += 1;
        }
        for imp in impls {
            items.push(syn::parse2(imp).map_err(|e| syntax::error(STEP, e.to_string()))?);
        }
    }
    // Operation builders whose body is one of these builders.
    let items = syntax::require_module(STEP, file, &["builder"])?;
    let mut impls = Vec::new();
    for item in items.iter_mut() {
        let syn::Item::Struct(s) = item else { continue };
        let holds_secret = s.fields.iter().any(|f| {
            let ty = quote!(#f).to_string().replace(' ', "");
            secrets.keys().any(|name| names_type(&ty, name))
        });
        if holds_secret {
            impls.push(operation_debug_impl(s)?);
            done.operations += 1;
        }
    }
    for imp in impls {
        items.push(syn::parse2(imp).map_err(|e| syntax::error(STEP, e.to_string()))?);
    }
    let expected = secret_bodies(doc, &secrets);
    if done.operations != expected {
        return Err(syntax::error(
            STEP,
            format!(
                "{expected} operations take a body with a secret but {} operation builders hold a `types::builder` of one",
                done.operations
            ),
        ));
    }
    Ok(done)
}

/// Whether the type text `ty` (spaces removed) names `types::builder::{name}`
/// (and not a longer name that starts the same).
fn names_type(ty: &str, name: &str) -> bool {
    let needle = format!("types::builder::{name}");
    ty.match_indices(&needle).any(|(at, _)| {
        ty[at + needle.len()..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
    })
}

/// How many operations of `doc` take a request body whose schema holds a secret.
fn secret_bodies(doc: &Value, secrets: &BTreeMap<String, Vec<String>>) -> usize {
    crate::load::operations(doc)
        .filter(|operation| {
            operation
                .op
                .get("requestBody")
                .map(|rb| crate::load::resolve(doc, rb))
                .and_then(|rb| rb.pointer("/content/application~1json/schema/$ref"))
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
                .is_some_and(|name| secrets.contains_key(name))
        })
        .count()
}

/// `Debug` for a model (`builder == false`) or a typify builder: every field
/// as derived, the secret ones as `***` (a model's optional secret as
/// `Some("***")` or `None`).
fn debug_impl(
    s: &mut syn::ItemStruct,
    secrets: &[String],
    builder: bool,
) -> Result<TokenStream, PostprocessError> {
    let name = s.ident.clone();
    if !syntax::remove_derive(&mut s.attrs, "Debug") {
        return Err(syntax::error(
            STEP,
            format!("`{name}` does not derive Debug"),
        ));
    }
    let label = name.to_string();
    let fields = s.fields.iter().filter_map(|f| {
        let ident = f.ident.as_ref()?;
        let key = ident.to_string();
        let key = key.strip_prefix("r#").unwrap_or(&key).to_string();
        Some(if !secrets.contains(&key) {
            quote!(.field(#key, &self.#ident))
        } else if !builder && syntax::option_inner(&f.ty).is_some() {
            quote!(.field(#key, &self.#ident.as_ref().map(|_| "***")))
        } else {
            quote!(.field(#key, &"***"))
        })
    });
    Ok(quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#label) #(#fields)* .finish()
            }
        }
    })
}

/// `Debug` for an operation builder: its parameters and body (a redacted
/// builder), without the client.
fn operation_debug_impl(s: &mut syn::ItemStruct) -> Result<TokenStream, PostprocessError> {
    let name = s.ident.clone();
    if !syntax::remove_derive(&mut s.attrs, "Debug") {
        return Err(syntax::error(
            STEP,
            format!("operation builder `{name}` does not derive Debug"),
        ));
    }
    let label = name.to_string();
    let fields = s.fields.iter().filter_map(|f| {
        let ident = f.ident.as_ref()?;
        if ident == "client" {
            return None;
        }
        let key = ident.to_string();
        Some(quote!(.field(#key, &self.#ident)))
    });
    let (impl_generics, type_generics, where_clause) = s.generics.split_for_impl();
    Ok(quote! {
        impl #impl_generics ::std::fmt::Debug for #name #type_generics #where_clause {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#label) #(#fields)* .finish_non_exhaustive()
            }
        }
    })
}
