//! Small helpers over the syn tree of progenitor's output, shared by the
//! post-processing steps. Each step reports what it could not find as a
//! [`PostprocessError`], so a progenitor upgrade that changes its output makes
//! generation fail instead of silently skipping a step.

use std::fmt;

/// A post-processing step did not find in progenitor's output what it
/// removes or rewrites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostprocessError {
    /// The step, e.g. `nullable`.
    pub step: &'static str,
    /// What was missing or unexpected.
    pub message: String,
}

impl fmt::Display for PostprocessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "post-processing step `{}`: {}", self.step, self.message)
    }
}

impl std::error::Error for PostprocessError {}

/// A [`PostprocessError`] of `step`.
pub fn error(step: &'static str, message: impl Into<String>) -> PostprocessError {
    PostprocessError {
        step,
        message: message.into(),
    }
}

/// The items of the inline module at `path` (e.g. `["types", "builder"]`).
pub fn module_items<'f>(
    items: &'f mut [syn::Item],
    path: &[&str],
) -> Option<&'f mut Vec<syn::Item>> {
    let (first, rest) = path.split_first()?;
    let content = items.iter_mut().find_map(|item| match item {
        syn::Item::Mod(m) if m.ident == first => m.content.as_mut().map(|(_, c)| c),
        _ => None,
    })?;
    if rest.is_empty() {
        Some(content)
    } else {
        module_items(content, rest)
    }
}

/// Like [`module_items`], or a [`PostprocessError`] of `step` naming the module.
pub fn require_module<'f>(
    step: &'static str,
    file: &'f mut syn::File,
    path: &[&str],
) -> Result<&'f mut Vec<syn::Item>, PostprocessError> {
    module_items(&mut file.items, path).ok_or_else(|| {
        error(
            step,
            format!("progenitor produced no `{}` module", path.join("::")),
        )
    })
}

/// The struct `name` among `items`.
pub fn find_struct<'i>(items: &'i mut [syn::Item], name: &str) -> Option<&'i mut syn::ItemStruct> {
    items.iter_mut().find_map(|item| match item {
        syn::Item::Struct(s) if s.ident == name => Some(s),
        _ => None,
    })
}

/// The inherent `impl name { ... }` blocks among `items`.
pub fn inherent_impls<'i>(
    items: &'i mut [syn::Item],
    name: &str,
) -> impl Iterator<Item = &'i mut syn::ItemImpl> {
    items.iter_mut().filter_map(move |item| match item {
        syn::Item::Impl(imp) if imp.trait_.is_none() && type_is(&imp.self_ty, name) => Some(imp),
        _ => None,
    })
}

/// Whether `ty` is a path whose last segment is `name`.
pub fn type_is(ty: &syn::Type, name: &str) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == name))
}

/// Removes `derive` (e.g. `Debug`) from the `#[derive(...)]` attributes of
/// `attrs`; whether there was one.
pub fn remove_derive(attrs: &mut [syn::Attribute], derive: &str) -> bool {
    let mut removed = false;
    for attr in attrs.iter_mut() {
        if !attr.path().is_ident("derive") {
            continue;
        }
        let Ok(paths) = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
        ) else {
            continue;
        };
        let kept: Vec<&syn::Path> = paths
            .iter()
            .filter(|p| p.segments.last().is_none_or(|s| s.ident != derive))
            .collect();
        if kept.len() != paths.len() {
            removed = true;
            *attr = syn::parse_quote!(#[derive(#(#kept),*)]);
        }
    }
    removed
}

/// The `T` of a type written `::std::option::Option<T>` (or `Option<T>`).
pub fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    match &last.arguments {
        syn::PathArguments::AngleBracketed(args) if args.args.len() == 1 => match &args.args[0] {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// A key of a `#[serde(..)]` attribute and its string value, if any.
pub type SerdeKey = (String, Option<String>);

/// The keys of a `#[serde(..)]` attribute with their string values
/// (`None` for another attribute), or why it does not parse.
pub fn serde_keys(attr: &syn::Attribute) -> Result<Option<Vec<SerdeKey>>, String> {
    if !attr.path().is_ident("serde") {
        return Ok(None);
    }
    let mut keys = Vec::new();
    attr.parse_nested_meta(|meta| {
        let key = meta
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_else(|| {
                let path = &meta.path;
                quote::quote!(#path).to_string()
            });
        let value = if meta.input.peek(syn::Token![=]) {
            let lit: syn::LitStr = meta.value()?.parse()?;
            Some(lit.value())
        } else if meta.input.peek(syn::token::Paren) {
            // `rename(serialize = ..)` and the like: a key with a list.
            meta.input.parse::<proc_macro2::Group>()?;
            None
        } else {
            None
        };
        keys.push((key, value));
        Ok(())
    })
    .map_err(|e| format!("a `#[serde(..)]` attribute syn does not read: {e}"))?;
    Ok(Some(keys))
}
