//! Schema to Rust: runs progenitor (Builder interface, merged tags) on the
//! linted schema, adds the Mindz-specific pieces, and formats the result with
//! prettyplease so the output is the same bytes on every machine.

use std::fmt;

use progenitor::{GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle, TypeImpl};
use quote::quote;

use crate::enums::{self, EnumKind, OpenEnum};
use crate::lint::{self, Diagnostic};
use crate::syntax::PostprocessError;
use crate::{extras, mock_paths, mock_seal, models, money, nullable, secrets};

/// The first line of `generated.rs`.
pub const HEADER: &str = "// @generated from schema/mindz.yaml by `cargo xtask generate`. Do not edit by hand: change the schema or mindz-codegen and regenerate.";

/// The generated source and what it holds.
#[derive(Debug, Clone)]
pub struct Generated {
    /// Formatted Rust source of `mindz-sdk/src/generated.rs`.
    pub source: String,
    /// Number of operations (client methods).
    pub operations: usize,
    /// Number of types in the `types` module.
    pub types: usize,
}

impl Generated {
    /// Number of lines in [`Generated::source`].
    pub fn lines(&self) -> usize {
        self.source.lines().count()
    }
}

/// Why generation failed. Nothing is written when it does.
#[derive(Debug)]
pub enum GenerateError {
    /// The schema broke one or more lint rules.
    Lint(Vec<Diagnostic>),
    /// The schema is not an OpenAPI document progenitor can read.
    Parse(String),
    /// progenitor refused the document.
    Progenitor(String),
    /// The generated tokens did not parse as a Rust file (a generator bug).
    Format(String),
    /// A post-processing step did not find in progenitor's output what it
    /// removes or rewrites (typically after a progenitor upgrade).
    Postprocess(PostprocessError),
}

impl From<PostprocessError> for GenerateError {
    fn from(e: PostprocessError) -> Self {
        GenerateError::Postprocess(e)
    }
}

impl fmt::Display for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GenerateError::Lint(diags) => {
                write!(f, "the schema has {} lint error(s):", diags.len())?;
                for d in diags {
                    write!(f, "\n  {d}")?;
                }
                Ok(())
            }
            GenerateError::Parse(m) => {
                write!(f, "the schema is not a readable OpenAPI 3.0 document: {m}")
            }
            GenerateError::Progenitor(m) => write!(f, "progenitor rejected the schema: {m}"),
            GenerateError::Format(m) => {
                write!(f, "generated code did not parse (generator bug): {m}")
            }
            GenerateError::Postprocess(e) => write!(f, "{e}; progenitor's output changed"),
        }
    }
}

impl std::error::Error for GenerateError {}

/// progenitor's settings for the Mindz SDK: builder-style methods, merged
/// tags (every method sits on `Client`), the default (empty) client hooks,
/// since every `send()` is rewritten to call mindz-sdk's pipeline (see
/// [`crate::send`]), the open enums in place of typify's closed ones, and
/// `rust_decimal::Decimal` for each decimal schema of `doc`.
pub fn settings(doc: &serde_json::Value, open_enums: &[OpenEnum]) -> GenerationSettings {
    let mut settings = GenerationSettings::new();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        // The rewritten `send()`s (crate::send) call the SDK's pipeline, not
        // the hooks; progenitor's empty default impl is enough.
        .with_hooks(HooksMode::Optional)
        .with_inner_type(quote!(crate::state::ClientState));
    for e in open_enums {
        let impls = match e.kind {
            EnumKind::String => vec![TypeImpl::Display, TypeImpl::FromStr],
            EnumKind::Integer => vec![TypeImpl::Display],
        };
        settings.with_replacement(
            &e.name,
            format!("crate::types::{}", e.name),
            impls.into_iter(),
        );
    }
    for schema in money::decimal_schemas(doc) {
        settings.with_conversion(
            schema,
            money::DECIMAL_TYPE,
            [TypeImpl::Display, TypeImpl::FromStr, TypeImpl::Default].into_iter(),
        );
    }
    settings
}

/// Lints `doc` and, if it is clean, generates the SDK source.
pub fn generate(doc: &serde_json::Value) -> Result<Generated, GenerateError> {
    let diags = lint::lint(doc);
    if !diags.is_empty() {
        return Err(GenerateError::Lint(diags));
    }
    let open_enums = enums::collect(doc).map_err(GenerateError::Lint)?;
    let spec: openapiv3::OpenAPI =
        serde_json::from_value(doc.clone()).map_err(|e| GenerateError::Parse(e.to_string()))?;
    let operations = spec.operations().count();

    let mut generator = Generator::new(&settings(doc, &open_enums));
    let tokens = catch(|| generator.generate_tokens(&spec))?;
    let types = generator.get_type_space().iter_types().count() + open_enums.len();

    let mut file: syn::File =
        syn::parse2(tokens).map_err(|e| GenerateError::Format(e.to_string()))?;
    // progenitor's `Client::new` unwraps reqwest's builder, which panics here
    // (rustls without a process-wide provider); `Client::builder()` replaces it.
    remove_client_new(&mut file)?;
    // Every `send()` returns `mindz_sdk::Result` through the SDK's pipeline.
    crate::send::rewrite(&mut file).map_err(|e| crate::syntax::error("send", e))?;
    // mindz-sdk has its own, richer prelude (client, types, pagination
    // traits); progenitor's would be an unused second one.
    remove_prelude(&mut file)?;
    check_money(&file, doc)?;
    // Request bodies first: their nullable fields become `Nullable<T>`.
    nullable::rewrite(&mut file, doc)?;
    models::mark_non_exhaustive(&mut file)?;
    models::default_flattened_maps(&mut file)?;
    secrets::redact(&mut file, doc)?;
    let enum_items = open_enums.iter().map(enums::tokens);
    append_to_module(&mut file, "types", quote!(#(#enum_items)*))?;
    append_items(&mut file, extras::tokens(doc))?;
    // Typed httpmock helpers for applications' tests, behind the `mock`
    // feature. A second generator, since each one registers the schema's
    // types once.
    let mut mock_generator = Generator::new(&settings(doc, &open_enums));
    let mock = catch(|| mock_generator.httpmock(&spec, "crate"))?;
    let mut mock: syn::File =
        syn::parse2(mock).map_err(|e| GenerateError::Format(e.to_string()))?;
    mock_paths::allow_base_path(&mut mock)?;
    mock_seal::seal(&mut mock)?;
    let mock = &mock.items;
    let mock_doc = "Typed [`httpmock`] helpers (feature `mock`): `server.user_get(|when, then| ...)` \
        mocks one operation of a local `httpmock::MockServer`, with typed request matchers and \
        response bodies. Bring them in with `use mindz_sdk::mock::MockServerExt;`.";
    append_items(
        &mut file,
        quote! {
            #[doc = #mock_doc]
            #[cfg(feature = "mock")]
            #[allow(clippy::all, missing_docs)]
            pub mod mock {
                #(#mock)*
            }
        },
    )?;
    crate::docs::fill_missing(&mut file, doc);
    let body = prettyplease::unparse(&file);
    let source = format!("{HEADER}\n\n{body}");
    Ok(Generated {
        source,
        operations,
        types,
    })
}

/// Removes the inherent `Client::new` that progenitor writes.
fn remove_client_new(file: &mut syn::File) -> Result<(), PostprocessError> {
    let mut removed = 0;
    for item in &mut file.items {
        if let syn::Item::Impl(imp) = item
            && imp.trait_.is_none()
            && matches!(imp.self_ty.as_ref(), syn::Type::Path(p) if p.path.is_ident("Client"))
        {
            let before = imp.items.len();
            imp.items
                .retain(|it| !matches!(it, syn::ImplItem::Fn(f) if f.sig.ident == "new"));
            removed += before - imp.items.len();
        }
    }
    if removed == 1 {
        Ok(())
    } else {
        Err(crate::syntax::error(
            "remove Client::new",
            format!("found {removed} inherent `Client::new`, expected exactly one"),
        ))
    }
}

/// Removes progenitor's `prelude` module.
fn remove_prelude(file: &mut syn::File) -> Result<(), PostprocessError> {
    let before = file.items.len();
    file.items
        .retain(|item| !matches!(item, syn::Item::Mod(m) if m.ident == "prelude"));
    if file.items.len() + 1 == before {
        Ok(())
    } else {
        Err(crate::syntax::error(
            "remove prelude",
            "progenitor wrote no `prelude` module",
        ))
    }
}

/// Every decimal property became `rust_decimal::Decimal`: typify matches
/// conversions exactly, so a schema it does not match would silently stay a
/// `String`. The count is exact: one field of a `types` struct per decimal
/// property of the schema (a partial conversion fails, naming the fields
/// that did convert).
fn check_money(file: &syn::File, doc: &serde_json::Value) -> Result<(), PostprocessError> {
    let expected = money::count_decimal_properties(doc);
    let found = money::decimal_fields(file);
    if found.len() != expected {
        return Err(crate::syntax::error(
            "money",
            format!(
                "{expected} decimal properties in the schema but {} `types` fields of type `{}`: {}",
                found.len(),
                money::DECIMAL_TYPE,
                found.join(", ")
            ),
        ));
    }
    Ok(())
}

/// Adds `items` at the end of `file`.
fn append_items(
    file: &mut syn::File,
    items: proc_macro2::TokenStream,
) -> Result<(), GenerateError> {
    let extra: syn::File = syn::parse2(items).map_err(|e| GenerateError::Format(e.to_string()))?;
    file.items.extend(extra.items);
    Ok(())
}

/// Adds `items` at the end of the top-level module `name` of `file`.
fn append_to_module(
    file: &mut syn::File,
    name: &str,
    items: proc_macro2::TokenStream,
) -> Result<(), GenerateError> {
    let extra: syn::File = syn::parse2(items).map_err(|e| GenerateError::Format(e.to_string()))?;
    for item in &mut file.items {
        if let syn::Item::Mod(m) = item
            && m.ident == name
            && let Some((_, content)) = &mut m.content
        {
            content.extend(extra.items);
            return Ok(());
        }
    }
    Err(GenerateError::Format(format!(
        "progenitor produced no `{name}` module"
    )))
}

/// Runs progenitor, turning both its errors and its panics into
/// [`GenerateError::Progenitor`]: a schema the lint let through must still
/// never crash the generator. The process-wide panic hook is left alone (a
/// panic still prints through it), so other threads are not affected.
fn catch<T>(f: impl FnOnce() -> Result<T, progenitor::Error>) -> Result<T, GenerateError> {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    match result {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(GenerateError::Progenitor(e.to_string())),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panicked".to_string());
            Err(GenerateError::Progenitor(msg))
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn money_counts_every_decimal_field_exactly() {
        let doc = json!({"components": {"schemas": {"Order": {"properties": {
            "total": {"type": "string", "format": "decimal"},
            "fee": {"type": "string", "format": "decimal", "nullable": true}
        }}}}});
        let both: syn::File = syn::parse_quote! {
            pub mod types {
                pub struct Order {
                    pub total: ::rust_decimal::Decimal,
                    pub fee: ::std::option::Option<::rust_decimal::Decimal>,
                }
                pub mod builder {
                    pub struct Order { total: Result<::rust_decimal::Decimal, String> }
                }
            }
        };
        assert_eq!(super::check_money(&both, &doc), Ok(()));
        // One stayed a String: the builder's mentions do not make up for it.
        let partial: syn::File = syn::parse_quote! {
            pub mod types {
                pub struct Order {
                    pub total: ::rust_decimal::Decimal,
                    pub fee: ::std::option::Option<::std::string::String>,
                }
                pub mod builder {
                    pub struct Order {
                        total: Result<::rust_decimal::Decimal, String>,
                        fee: Result<::rust_decimal::Decimal, String>,
                    }
                }
            }
        };
        let err = super::check_money(&partial, &doc)
            .expect_err("partial")
            .to_string();
        assert!(
            err.contains("2 decimal properties in the schema but 1 `types` fields"),
            "{err}"
        );
        assert!(err.contains("Order::total"), "{err}");
    }
}
