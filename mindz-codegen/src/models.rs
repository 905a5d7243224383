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
            let mut flattened = false;
            for attr in &f.attrs {
                let keys = syntax::serde_keys(attr)
                    .map_err(|e| syntax::error(STEP, format!("`types::{}`: {e}", s.ident)))?;
                flattened |= keys.is_some_and(|keys| keys.iter().any(|(k, _)| k == "flatten"));
            }
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
        let mut setter = DefaultField { field, done: 0 };
        syn::visit_mut::VisitMut::visit_item_impl_mut(&mut setter, imp);
        if setter.done != 1 {
            return Err(syntax::error(
                STEP,
                format!(
                    "`types::builder::{type_name}::default` sets `{field}` {} times, expected once",
                    setter.done
                ),
            ));
        }
    }
    Ok(targets.len())
}

struct DefaultField<'a> {
    field: &'a str,
    done: usize,
}

impl syn::visit_mut::VisitMut for DefaultField<'_> {
    fn visit_field_value_mut(&mut self, fv: &mut syn::FieldValue) {
        if matches!(&fv.member, syn::Member::Named(i) if i == self.field) {
            fv.expr = syn::parse_quote!(Ok(Default::default()));
            self.done += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    fn output(field_attr: &str, default_body: &str) -> syn::File {
        syn::parse_str(&format!(
            r#"pub mod types {{
                pub struct ErrorBody {{
                    {field_attr}
                    pub extra: ::serde_json::Map<String, ::serde_json::Value>,
                }}
                pub mod builder {{
                    pub struct ErrorBody {{ extra: Result<::serde_json::Map<String, ::serde_json::Value>, String> }}
                    impl ::std::default::Default for ErrorBody {{
                        fn default() -> Self {{ {default_body} }}
                    }}
                }}
            }}"#
        ))
        .expect("valid Rust")
    }

    const TYPIFY_DEFAULT: &str =
        r#"Self { extra: Err("no value supplied for extra".to_string()) }"#;

    #[test]
    fn a_flattened_map_starts_empty() {
        let mut file = output("#[serde(flatten)]", TYPIFY_DEFAULT);
        assert_eq!(super::default_flattened_maps(&mut file), Ok(1));
        let text = quote::quote!(#file).to_string();
        assert!(
            text.contains("extra : Ok (Default :: default ())"),
            "{text}"
        );
        // A field that only mentions the word is not flattened.
        let mut file = output(r#"#[serde(rename = "flatten")]"#, "Self {}");
        assert_eq!(super::default_flattened_maps(&mut file), Ok(0));
    }

    #[test]
    fn a_default_that_does_not_set_the_field_once_fails_naming_it() {
        for body in ["Self { ..make() }", "Self { extra: Err(a), extra: Err(b) }"] {
            let err = super::default_flattened_maps(&mut output("#[serde(flatten)]", body))
                .expect_err(body)
                .to_string();
            assert!(
                err.contains("`types::builder::ErrorBody::default` sets `extra`"),
                "{err}"
            );
        }
    }
}
