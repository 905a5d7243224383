//! Structs that can grow: every struct with named fields in `types` is
//! `#[non_exhaustive]`, so adding an optional property to the schema is not a
//! breaking change. Users build them with typify's builders
//! (`types::Course::builder().name("x")`, then `try_into()`), which this step
//! checks every such struct has.

use crate::syntax::{self, PostprocessError};

const STEP: &str = "non_exhaustive";

/// Marks the structs of `types`; returns how many.
pub fn mark_non_exhaustive(file: &mut syn::File) -> Result<usize, PostprocessError> {
    let items = syntax::require_module(STEP, file, &["types"])?;
    let mut names = Vec::new();
    for item in items.iter_mut() {
        if let syn::Item::Struct(s) = item
            && matches!(s.fields, syn::Fields::Named(_))
        {
            if !s.attrs.iter().any(|a| a.path().is_ident("non_exhaustive")) {
                s.attrs.push(syn::parse_quote!(#[non_exhaustive]));
            }
            names.push(s.ident.to_string());
        }
    }
    if names.is_empty() {
        return Err(syntax::error(
            STEP,
            "`types` has no struct with named fields",
        ));
    }
    // Without a literal, a builder is the only way to make one.
    let builders = syntax::require_module(STEP, file, &["types", "builder"])?;
    let missing: Vec<&String> = names
        .iter()
        .filter(|name| syntax::find_struct(builders, name).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(syntax::error(
            STEP,
            format!(
                "typify wrote no builder for {}: with #[non_exhaustive] users could not build them",
                missing
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    Ok(names.len())
}

/// typify's builders start a flattened map field (`extra`, the members a
/// schema does not name) as "no value supplied", so `ErrorBody::builder()`
/// could not be built without `.extra(..)`. They start empty instead;
/// returns how many fields.
pub fn default_flattened_maps(file: &mut syn::File) -> Result<usize, PostprocessError> {
    let types = syntax::require_module(STEP, file, &["types"])?;
    let mut targets: Vec<(String, String)> = Vec::new();
    for item in types.iter() {
        let syn::Item::Struct(s) = item else { continue };
        for f in &s.fields {
            let flattened = f.attrs.iter().any(|a| {
                a.path().is_ident("serde") && quote::quote!(#a).to_string().contains("flatten")
            });
            if let (true, Some(ident)) = (flattened, &f.ident) {
                targets.push((s.ident.to_string(), ident.to_string()));
            }
        }
    }
    let builders = syntax::require_module(STEP, file, &["types", "builder"])?;
    for (type_name, field) in &targets {
        let imp = builders
            .iter_mut()
            .find_map(|item| match item {
                syn::Item::Impl(imp)
                    if imp.trait_.as_ref().is_some_and(|(p, _)| {
                        p.segments.last().is_some_and(|s| s.ident == "Default")
                    }) && syntax::type_is(&imp.self_ty, type_name) =>
                {
                    Some(imp)
                }
                _ => None,
            })
            .ok_or_else(|| {
                syntax::error(
                    STEP,
                    format!("no `impl Default for types::builder::{type_name}`"),
                )
            })?;
        let mut setter = DefaultField { field, done: false };
        syn::visit_mut::VisitMut::visit_item_impl_mut(&mut setter, imp);
        if !setter.done {
            return Err(syntax::error(
                STEP,
                format!("`types::builder::{type_name}::default` does not set `{field}`"),
            ));
        }
    }
    Ok(targets.len())
}

struct DefaultField<'a> {
    field: &'a str,
    done: bool,
}

impl syn::visit_mut::VisitMut for DefaultField<'_> {
    fn visit_field_value_mut(&mut self, fv: &mut syn::FieldValue) {
        if matches!(&fv.member, syn::Member::Named(i) if i == self.field) {
            fv.expr = syn::parse_quote!(Ok(Default::default()));
            self.done = true;
        }
    }
}
