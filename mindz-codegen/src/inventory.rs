//! Reads the generated source back, so that tests can snapshot what users
//! actually get: a one-line-per-operation inventory of the client, and the
//! code of chosen operations and types.

use std::collections::BTreeMap;

use quote::ToTokens;
use serde_json::Value;

use crate::load;

/// Why the generated source could not be read back.
#[derive(Debug)]
pub struct InventoryError(pub String);

impl std::fmt::Display for InventoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InventoryError {}

/// One generated operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// First tag of the operation in the schema.
    pub tag: String,
    /// HTTP method, as the generated doc comment says.
    pub method: String,
    /// Path, as the generated doc comment says.
    pub path: String,
    /// The `Client` method.
    pub rust_method: String,
    /// The request body type, if the builder takes one.
    pub body: Option<String>,
    /// The success type of `send()`.
    pub response: String,
}

fn parse(source: &str) -> Result<syn::File, InventoryError> {
    syn::parse_file(source)
        .map_err(|e| InventoryError(format!("generated source does not parse: {e}")))
}

fn tags(doc: &Value) -> BTreeMap<String, String> {
    load::operations(doc)
        .filter_map(|operation| {
            let tag = operation
                .op
                .pointer("/tags/0")
                .and_then(Value::as_str)
                .unwrap_or("-");
            Some((operation.id()?.to_string(), tag.to_string()))
        })
        .collect()
}

fn doc_text(attrs: &[syn::Attribute]) -> String {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn compact(tokens: impl ToTokens) -> String {
    tokens
        .to_token_stream()
        .to_string()
        .replace(" :: ", "::")
        .replace(":: ", "::")
        .replace(" < ", "<")
        .replace(" >", ">")
        .replace("< ", "<")
        .replace(" ,", ",")
        .replace(" : ", ": ")
}

/// The inventory of the generated client: one [`Entry`] per `Client` method,
/// in the order the source defines them.
pub fn entries(source: &str, doc: &Value) -> Result<Vec<Entry>, InventoryError> {
    let file = parse(source)?;
    let tags = tags(doc);
    // builder type name -> (body type, response type)
    let mut builders: BTreeMap<String, (Option<String>, Option<String>)> = BTreeMap::new();
    for item in &file.items {
        let syn::Item::Mod(m) = item else { continue };
        if m.ident != "builder" {
            continue;
        }
        for item in m.content.iter().flat_map(|(_, items)| items) {
            let syn::Item::Impl(imp) = item else { continue };
            let syn::Type::Path(tp) = imp.self_ty.as_ref() else {
                continue;
            };
            let Some(name) = tp.path.segments.last().map(|s| s.ident.to_string()) else {
                continue;
            };
            let slot = builders.entry(name).or_default();
            for it in &imp.items {
                let syn::ImplItem::Fn(f) = it else { continue };
                if f.sig.ident == "body" {
                    for pred in f
                        .sig
                        .generics
                        .where_clause
                        .iter()
                        .flat_map(|w| &w.predicates)
                    {
                        let text = compact(pred);
                        if let Some(rest) = text.strip_prefix("V: std::convert::TryInto<") {
                            slot.0 = Some(rest.trim_end_matches('>').trim().to_string());
                        }
                    }
                }
                if f.sig.ident == "send"
                    && let syn::ReturnType::Type(_, ty) = &f.sig.output
                {
                    let text = compact(ty);
                    // `crate::Result<ResponseValue<T>>` (see crate::send).
                    let inner = text
                        .strip_prefix("crate::Result<ResponseValue<")
                        .and_then(|r| r.strip_suffix(">>"))
                        .unwrap_or(&text);
                    slot.1 = Some(inner.to_string());
                }
            }
        }
    }
    let mut out = Vec::new();
    for item in &file.items {
        let syn::Item::Impl(imp) = item else { continue };
        if imp.trait_.is_some() || compact(&imp.self_ty) != "Client" {
            continue;
        }
        for it in &imp.items {
            let syn::ImplItem::Fn(f) = it else { continue };
            let syn::ReturnType::Type(_, ty) = &f.sig.output else {
                continue;
            };
            let ret = compact(ty);
            let Some(builder) = ret
                .strip_prefix("builder::")
                .map(|b| b.trim_end_matches("<'_>").to_string())
            else {
                continue;
            };
            let docs = doc_text(&f.attrs);
            let (method, path) = docs
                .lines()
                .find_map(|l| l.strip_prefix("Sends a `"))
                .and_then(|l| l.split_once("` request to `"))
                .map(|(m, p)| (m.to_string(), p.trim_end_matches('`').to_string()))
                .unwrap_or_default();
            let name = f.sig.ident.to_string();
            let (body, response) = builders.get(&builder).cloned().unwrap_or_default();
            out.push(Entry {
                tag: tags.get(&name).cloned().unwrap_or_else(|| "-".into()),
                method,
                path,
                rust_method: name,
                body,
                response: response.unwrap_or_else(|| "?".into()),
            });
        }
    }
    Ok(out)
}

/// The inventory as aligned text, one operation per line:
/// `tag  METHOD  path  client.method()  body -> response`.
pub fn render(entries: &[Entry]) -> String {
    let w = |f: &dyn Fn(&Entry) -> usize| entries.iter().map(f).max().unwrap_or(0);
    let (wt, wm, wp, wr) = (
        w(&|e| e.tag.len()),
        w(&|e| e.method.len()),
        w(&|e| e.path.len()),
        w(&|e| e.rust_method.len() + 2),
    );
    let mut s = String::new();
    for e in entries {
        let call = format!("{}()", e.rust_method);
        let line = format!(
            "{:wt$}  {:wm$}  {:wp$}  {:wr$}  {} -> {}",
            e.tag,
            e.method,
            e.path,
            call,
            e.body.as_deref().unwrap_or("-"),
            e.response,
        );
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

/// The generated code of the given operations (their `Client` method and
/// builder) and types, formatted, in the order asked for.
pub fn excerpt(
    source: &str,
    operations: &[&str],
    types: &[&str],
) -> Result<String, InventoryError> {
    let file = parse(source)?;
    let mut items: Vec<syn::Item> = Vec::new();
    for op in operations {
        let mut found = false;
        for item in &file.items {
            let syn::Item::Impl(imp) = item else { continue };
            if imp.trait_.is_some() || compact(&imp.self_ty) != "Client" {
                continue;
            }
            for it in &imp.items {
                if let syn::ImplItem::Fn(f) = it
                    && f.sig.ident == op
                {
                    let mut one = imp.clone();
                    one.items = vec![it.clone()];
                    one.attrs.clear();
                    items.push(syn::Item::Impl(one));
                    found = true;
                }
            }
        }
        if !found {
            return Err(InventoryError(format!(
                "no Client method `{op}` in the generated source"
            )));
        }
        items.extend(module_items(&file, "builder", &load::builder_name(op)));
    }
    for ty in types {
        let found = module_items(&file, "types", ty);
        if found.is_empty() {
            return Err(InventoryError(format!(
                "no type `{ty}` in the generated source"
            )));
        }
        items.extend(found);
    }
    let mut out = match syn::parse_file("") {
        Ok(f) => f,
        Err(e) => return Err(InventoryError(e.to_string())),
    };
    out.items = items;
    Ok(prettyplease::unparse(&out))
}

/// The struct/enum named `name` in module `module` and its inherent and trait impls.
fn module_items(file: &syn::File, module: &str, name: &str) -> Vec<syn::Item> {
    let mut out = Vec::new();
    for item in &file.items {
        let syn::Item::Mod(m) = item else { continue };
        if m.ident != module {
            continue;
        }
        for item in m.content.iter().flat_map(|(_, items)| items) {
            let matches = match item {
                syn::Item::Struct(s) => s.ident == name,
                syn::Item::Enum(e) => e.ident == name,
                syn::Item::Impl(imp) => match imp.self_ty.as_ref() {
                    syn::Type::Path(tp) => tp.path.segments.last().is_some_and(|s| s.ident == name),
                    _ => false,
                },
                _ => false,
            };
            if matches {
                out.push(item.clone());
            }
        }
    }
    out
}
