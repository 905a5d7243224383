//! Schema (and the generated SDK) to the `mindz` command line's table of
//! commands: `mindz-cli/src/generated.rs`.
//!
//! One entry per operation: resource (tag, kebab case), action (operation
//! id without the tag, kebab case), path and query parameters with their
//! descriptions and enum values, and the top-level fields of flat JSON
//! bodies. Beside the table, one `dispatch` arm per operation checks each
//! flag's value and the body against the SDK's own types (taken from the
//! builder structs of the generated SDK source, so the two never drift)
//! and hands the call to `Call::send`, which sends it through the SDK and
//! prints the answer as the school sent it.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

/// Where the generated table goes, relative to the workspace root.
pub const CLI_GENERATED: &str = "mindz-cli/src/generated.rs";

/// The first line of the generated table.
pub const HEADER: &str = "// @generated from schema/mindz.yaml by `cargo xtask generate` (mindz-codegen/src/cli.rs). Do not edit by hand: change the schema or mindz-codegen and regenerate.";

/// Flags every command has, or that the command line adds; a body field
/// whose flag would clash with one of them is reachable through `--body`.
const RESERVED: &[&str] = &[
    "body", "all", "dry-run", "ead-id", "base-url", "help", "version",
];

/// The kebab-case form of a snake-case name.
pub fn kebab(name: &str) -> String {
    name.replace('_', "-")
}

/// The `(resource, action)` of an operation: its tag and the rest of its id,
/// both in kebab case.
pub fn command_name(tag: &str, operation_id: &str) -> (String, String) {
    let action = operation_id
        .strip_prefix(tag)
        .and_then(|rest| rest.strip_prefix('_'))
        .unwrap_or(operation_id);
    (kebab(tag), kebab(action))
}

/// What the generated SDK says about one operation's builder.
#[derive(Default)]
struct Builder {
    /// Field name to (type, required).
    fields: BTreeMap<String, (syn::Type, bool)>,
    /// `types::X` of the body, when it has one.
    body: Option<syn::Type>,
}

/// Generates the formatted source of `mindz-cli/src/generated.rs` from the
/// schema and the generated SDK source.
pub fn generate(doc: &Value, sdk_source: &str) -> Result<String, String> {
    let file = syn::parse_file(sdk_source).map_err(|e| format!("SDK source: {e}"))?;
    let builders = builders(&file)?;
    let paginated = paginated(&file);
    let methods = client_methods(&file);

    let mut ops = Vec::new();
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            let Some(item) = item.as_object() else {
                continue;
            };
            for (method, op) in item {
                if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                    ops.push((id.to_string(), method.to_uppercase(), path.clone(), op));
                }
            }
        }
    }
    ops.sort_by(|a, b| a.0.cmp(&b.0));

    let mut entries = Vec::new();
    let mut arms = Vec::new();
    for (id, method, path, op) in &ops {
        let at = format!(
            "/paths/{}/{}",
            path.replace('~', "~0").replace('/', "~1"),
            method.to_lowercase()
        );
        let tag = op
            .pointer("/tags/0")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{at}: no tag"))?;
        let (resource, action) = command_name(tag, id);
        let struct_name = methods
            .get(id)
            .ok_or_else(|| format!("{at}: no client method `{id}` in the SDK"))?;
        let builder = builders
            .get(struct_name)
            .ok_or_else(|| format!("{at}: no builder `{struct_name}` in the SDK"))?;
        let summary = text(op, "summary");
        let description = text(op, "description");

        let mut params = Vec::new();
        let mut checks = Vec::new();
        let mut flags: BTreeSet<String> = RESERVED.iter().map(|s| s.to_string()).collect();
        for p in op
            .get("parameters")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let p = resolve(doc, p);
            let name = p.get("name").and_then(Value::as_str).unwrap_or_default();
            let location = p.get("in").and_then(Value::as_str).unwrap_or_default();
            if location != "path" && location != "query" {
                return Err(format!(
                    "{at}: parameter `{name}` in {location} is not supported"
                ));
            }
            let field = name
                .to_lowercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "_");
            let (ty, required) = builder
                .fields
                .get(&field)
                .ok_or_else(|| format!("{at}: builder `{struct_name}` has no field `{field}`"))?;
            let flag = kebab(&field);
            flags.insert(flag.clone());
            let schema = p
                .get("schema")
                .map(|s| resolve(doc, s))
                .unwrap_or(&Value::Null);
            let values = enum_values(doc, schema);
            let help = text(p, "description");
            let in_path = location == "path";
            params.push(quote! {
                Param { name: #name, flag: #flag, help: #help, required: #required, path: #in_path, values: &[#(#values),*] }
            });
            if *required {
                checks.push(quote! { call.required::<#ty>(#name)?; });
            } else {
                checks.push(quote! { call.param::<#ty>(#name)?; });
            }
        }

        let body = match (
            &builder.body,
            op.pointer("/requestBody/content/application~1json/schema"),
        ) {
            (Some(body_ty), Some(schema)) => {
                let schema = resolve(doc, schema);
                let fields = body_fields(doc, schema, &mut flags);
                checks.push(quote! { let body = call.body::<#body_ty>()?; });
                quote! { Some(Body { fields: &[#(#fields),*] }) }
            }
            (None, None) => quote! { None },
            _ => {
                return Err(format!(
                    "{at}: the SDK's builder and the schema disagree on a JSON body"
                ));
            }
        };
        let send = if builder.body.is_some() {
            quote! { call.send(Some(body)).await }
        } else {
            quote! { call.send(None).await }
        };
        let is_paginated = paginated.contains(struct_name);
        arms.push(quote! {
            #id => {
                #(#checks)*
                #send
            }
        });
        entries.push(quote! {
            Op {
                id: #id,
                resource: #resource,
                action: #action,
                summary: #summary,
                description: #description,
                method: #method,
                path: #path,
                paginated: #is_paginated,
                params: &[#(#params),*],
                body: #body,
            }
        });
    }

    let mut resources = Vec::new();
    let used: BTreeSet<String> = ops
        .iter()
        .filter_map(|(_, _, _, op)| op.pointer("/tags/0").and_then(Value::as_str).map(kebab))
        .collect();
    for tag in doc
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = kebab(tag.get("name").and_then(Value::as_str).unwrap_or_default());
        if used.contains(&name) {
            let about = text(tag, "description");
            resources.push(quote! { (#name, #about) });
        }
    }
    if resources.len() != used.len() {
        return Err("/tags: every tag an operation uses must be listed with a description".into());
    }

    let tokens = quote! {
        use crate::call::Call;
        use crate::exit::CliError;
        use crate::ops::{Body, Field, Op, Param};

        /// Every resource (`mindz <resource>`), with its description, in the
        /// schema's order.
        pub const RESOURCES: &[(&str, &str)] = &[#(#resources),*];

        /// Every operation as a command, sorted by operation id.
        pub const OPS: &[Op] = &[#(#entries),*];

        /// Runs the operation `call.op()` through the SDK's builder.
        pub async fn dispatch(call: &Call<'_>) -> Result<(), CliError> {
            match call.op().id {
                #(#arms)*
                other => Err(CliError::Usage(format!("no command for operation `{other}`"))),
            }
        }
    };
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("generated CLI did not parse: {e}"))?;
    Ok(format!("{HEADER}\n\n{}", prettyplease::unparse(&file)))
}

/// The flags of a flat body's top-level writable fields (none for a body
/// that nests objects: it goes through `--body`).
fn body_fields(doc: &Value, schema: &Value, flags: &mut BTreeSet<String>) -> Vec<TokenStream> {
    let Some(props) = schema.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    let required: BTreeSet<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let writable: Vec<(&String, &Value)> = props
        .iter()
        .filter(|(_, p)| p.get("readOnly").and_then(Value::as_bool) != Some(true))
        .collect();
    if !writable.iter().all(|(_, p)| is_scalar(doc, p)) {
        return Vec::new();
    }
    let mut fields = Vec::new();
    for (name, prop) in writable {
        let flag = kebab(name);
        if !flags.insert(flag.clone()) {
            continue;
        }
        let target = target(doc, prop);
        let password = prop.get("format").and_then(Value::as_str) == Some("password");
        let string = target.get("type").and_then(Value::as_str) == Some("string");
        let values = enum_values(doc, target);
        let help = text(prop, "description");
        let is_required = required.contains(name.as_str());
        fields.push(quote! {
            Field { name: #name, flag: #flag, help: #help, required: #is_required, string: #string, password: #password, values: &[#(#values),*] }
        });
    }
    fields
}

/// The schema a property stands for: through `$ref` and a one-element `allOf`.
fn target<'d>(doc: &'d Value, prop: &'d Value) -> &'d Value {
    let prop = resolve(doc, prop);
    match prop.get("allOf").and_then(Value::as_array) {
        Some(all) if all.len() == 1 => resolve(doc, &all[0]),
        _ => prop,
    }
}

/// Whether a property is a string, number, integer, boolean (or an enum of
/// them), or an array of those.
fn is_scalar(doc: &Value, prop: &Value) -> bool {
    let t = target(doc, prop);
    match t.get("type").and_then(Value::as_str) {
        Some("string" | "integer" | "number" | "boolean") => true,
        Some("array") => t.get("items").is_some_and(|items| {
            matches!(
                target(doc, items).get("type").and_then(Value::as_str),
                Some("string" | "integer" | "number" | "boolean")
            )
        }),
        _ => false,
    }
}

fn enum_values(doc: &Value, schema: &Value) -> Vec<String> {
    target(doc, schema)
        .get("enum")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Follows a local `$ref` (one level at a time, until none is left).
fn resolve<'d>(doc: &'d Value, mut v: &'d Value) -> &'d Value {
    for _ in 0..8 {
        match v.get("$ref").and_then(Value::as_str) {
            Some(r) => match r.strip_prefix('#').and_then(|p| doc.pointer(p)) {
                Some(found) => v = found,
                None => return v,
            },
            None => return v,
        }
    }
    v
}

/// Rewrites the SDK-internal paths of a type (`crate::types::X`,
/// `types::X`, `super::X`) to paths from outside (`mindz_sdk::types::X`).
fn external(ty: &syn::Type) -> syn::Type {
    let mut ty = ty.clone();
    if let syn::Type::Path(p) = &mut ty {
        if p.qself.is_none() {
            let first = p.path.segments.first().map(|s| s.ident.to_string());
            match first.as_deref() {
                Some("crate") => {
                    p.path.segments[0].ident = format_ident!("mindz_sdk");
                }
                Some("types") => {
                    p.path.segments.insert(0, syn::parse_quote!(mindz_sdk));
                    p.path.leading_colon = None;
                }
                _ => {}
            }
        }
        for seg in p.path.segments.iter_mut() {
            if let syn::PathArguments::AngleBracketed(args) = &mut seg.arguments {
                for arg in args.args.iter_mut() {
                    if let syn::GenericArgument::Type(inner) = arg {
                        *inner = external(inner);
                    }
                }
            }
        }
    }
    ty
}

/// The `T` of `Wrapper<T>` when the last segment is named `wrapper`.
fn inner<'t>(ty: &'t syn::Type, wrapper: &str) -> Option<&'t syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != wrapper {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    args.args.iter().find_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}

fn module<'f>(items: &'f [syn::Item], name: &str) -> Option<&'f [syn::Item]> {
    items.iter().find_map(|item| match item {
        syn::Item::Mod(m) if m.ident == name => m.content.as_ref().map(|(_, i)| i.as_slice()),
        _ => None,
    })
}

/// The builder structs of `mod builder`: their fields' types.
fn builders(file: &syn::File) -> Result<BTreeMap<String, Builder>, String> {
    let items = module(&file.items, "builder").ok_or("SDK source: no `mod builder`")?;
    let mut out: BTreeMap<String, Builder> = BTreeMap::new();
    for item in items {
        let syn::Item::Struct(s) = item else { continue };
        let b = out.entry(s.ident.to_string()).or_default();
        for field in &s.fields {
            let Some(name) = field.ident.as_ref().map(ToString::to_string) else {
                continue;
            };
            if name == "client" {
                continue;
            }
            let Some(ok) = inner(&field.ty, "Result") else {
                continue;
            };
            if name == "body" {
                // `types::builder::X` is built from `types::X`.
                let syn::Type::Path(p) = ok else { continue };
                let last = p.path.segments.last().map(|s| s.ident.clone());
                b.body = last.map(|x| syn::parse_quote!(mindz_sdk::types::#x));
                continue;
            }
            let (ty, required) = match inner(ok, "Option") {
                Some(t) => (t, false),
                None => (ok, true),
            };
            b.fields.insert(name, (external(ty), required));
        }
    }
    Ok(out)
}

/// The builder structs that implement `Paginated`.
fn paginated(file: &syn::File) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut visit = |items: &[syn::Item]| {
        for item in items {
            if let syn::Item::Impl(imp) = item {
                let is_paginated = imp
                    .trait_
                    .as_ref()
                    .and_then(|(trait_path, _)| trait_path.segments.last())
                    .is_some_and(|s| s.ident == "Paginated");
                if let (true, syn::Type::Path(p)) = (is_paginated, &*imp.self_ty)
                    && let Some(last) = p.path.segments.last()
                {
                    found.insert(last.ident.to_string());
                }
            }
        }
    };
    visit(&file.items);
    if let Some(items) = module(&file.items, "builder") {
        visit(items);
    }
    found
}

/// Client method name to the builder struct it returns.
fn client_methods(file: &syn::File) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for item in &file.items {
        let syn::Item::Impl(imp) = item else { continue };
        let syn::Type::Path(p) = &*imp.self_ty else {
            continue;
        };
        if imp.trait_.is_some() || p.path.segments.last().is_none_or(|s| s.ident != "Client") {
            continue;
        }
        for it in &imp.items {
            let syn::ImplItem::Fn(f) = it else { continue };
            if let syn::ReturnType::Type(_, ret) = &f.sig.output
                && let syn::Type::Path(rp) = &**ret
            {
                let segs: Vec<String> = rp
                    .path
                    .segments
                    .iter()
                    .map(|s| s.ident.to_string())
                    .collect();
                if segs.len() == 2 && segs[0] == "builder" {
                    out.insert(f.sig.ident.to_string(), segs[1].clone());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_tag_and_rest_in_kebab_case() {
        assert_eq!(
            command_name("user", "user_change_password"),
            ("user".into(), "change-password".into())
        );
        assert_eq!(
            command_name(
                "email_campaign_excluded_plan",
                "email_campaign_excluded_plan_list"
            ),
            ("email-campaign-excluded-plan".into(), "list".into())
        );
        assert_eq!(
            command_name("public", "public_contact_create"),
            ("public".into(), "contact-create".into())
        );
    }
}
