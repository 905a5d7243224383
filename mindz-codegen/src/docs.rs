//! Rustdoc for the public items progenitor and typify leave undocumented:
//! the `builder()` functions of the types, the setters of the type and
//! operation builders, the `types::builder` structs and flattened `extra`
//! fields. Items that already have a doc comment are left as they are, and
//! the `mock` module is skipped.

use std::collections::HashMap;

use proc_macro2::Span;
use serde_json::Value;
use syn::visit_mut::{self, VisitMut};

use crate::load;

/// Adds a doc comment to every public item of `file` that has none. Setters
/// take the description of their schema property or parameter from `doc`.
pub fn fill_missing(file: &mut syn::File, doc: &Value) {
    Filler {
        self_ty: None,
        descriptions: descriptions(doc),
    }
    .visit_file_mut(file);
}

/// `(type, field) -> description`: the properties of every component schema
/// (their typify builders have the same name), and the parameters of every
/// operation under its progenitor builder name (`user_list` -> `UserList`).
fn descriptions(doc: &Value) -> HashMap<(String, String), String> {
    let mut out = HashMap::new();
    let text = |v: &Value| {
        v.get("description")
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    if let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    {
        for (name, schema) in schemas {
            for (field, prop) in schema
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                if let Some(d) = text(prop) {
                    out.insert((name.clone(), field.clone()), d);
                }
            }
        }
    }
    for operation in load::operations(doc) {
        let Some(id) = operation.id() else { continue };
        let builder = load::builder_name(id);
        for param in load::parameters(doc, operation.item, operation.op) {
            if let (Some(name), Some(d)) = (param.get("name").and_then(Value::as_str), text(param))
            {
                out.insert((builder.clone(), name.to_string()), d);
            }
        }
    }
    out
}

struct Filler {
    /// The type of the `impl` block being visited (inherent impls only).
    self_ty: Option<String>,
    descriptions: HashMap<(String, String), String>,
}

fn has_doc(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("doc"))
}

fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}

fn add_doc(attrs: &mut Vec<syn::Attribute>, text: &str) {
    let lit = syn::LitStr::new(text, Span::call_site());
    attrs.insert(0, syn::parse_quote!(#[doc = #lit]));
}

fn method_doc(self_ty: &str, name: &str) -> String {
    match name {
        "builder" => {
            format!("Starts a [`builder::{self_ty}`] for building a `{self_ty}` field by field.")
        }
        "new" => {
            "Starts the request; the `Client` method of the same name is the usual way.".into()
        }
        "body" => "Sets the request body.".into(),
        "body_map" => "Changes the request body through its builder.".into(),
        "send" => "Sends the request.".into(),
        field => format!("Sets `{field}`."),
    }
}

impl VisitMut for Filler {
    fn visit_item_mod_mut(&mut self, module: &mut syn::ItemMod) {
        // The httpmock helpers (feature `mock`) are documented as a whole.
        if module.ident != "mock" {
            visit_mut::visit_item_mod_mut(self, module);
        }
    }

    fn visit_item_impl_mut(&mut self, item: &mut syn::ItemImpl) {
        let outer = self.self_ty.take();
        if item.trait_.is_none()
            && let syn::Type::Path(tp) = item.self_ty.as_ref()
        {
            self.self_ty = tp.path.segments.last().map(|s| s.ident.to_string());
        }
        visit_mut::visit_item_impl_mut(self, item);
        self.self_ty = outer;
    }

    fn visit_impl_item_fn_mut(&mut self, f: &mut syn::ImplItemFn) {
        if let Some(self_ty) = &self.self_ty
            && is_pub(&f.vis)
            && !has_doc(&f.attrs)
        {
            let name = f.sig.ident.to_string();
            let text = match self.descriptions.get(&(self_ty.clone(), name.clone())) {
                Some(d) => format!("Sets `{name}`: {d}"),
                None => method_doc(self_ty, &name),
            };
            add_doc(&mut f.attrs, &text);
        }
        visit_mut::visit_impl_item_fn_mut(self, f);
    }

    fn visit_item_struct_mut(&mut self, s: &mut syn::ItemStruct) {
        if is_pub(&s.vis) && !has_doc(&s.attrs) {
            let name = s.ident.to_string();
            add_doc(
                &mut s.attrs,
                &format!(
                    "Builder for [`super::{name}`]: set its fields, then convert it with `try_into()`."
                ),
            );
        }
        visit_mut::visit_item_struct_mut(self, s);
    }

    fn visit_field_mut(&mut self, field: &mut syn::Field) {
        if is_pub(&field.vis) && !has_doc(&field.attrs) {
            let text = match field.ident.as_ref().map(|i| i.to_string()).as_deref() {
                Some("extra") => "Members of the JSON object that the schema does not name (for an error body: messages keyed by field name).".to_string(),
                Some(name) => format!("`{name}`."),
                None => "The wrapped value.".to_string(),
            };
            add_doc(&mut field.attrs, &text);
        }
        visit_mut::visit_field_mut(self, field);
    }
}
