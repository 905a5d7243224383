//! Open enums: every `enum` schema under `components/schemas` becomes a Rust
//! enum that keeps values it does not know in an `Unknown` variant, so that a
//! value Mindz adds later still decodes. progenitor is told (through typify's
//! replacement setting) to use these types instead of generating closed ones.
//!
//! Variant names come from `x-enum-varnames` when the schema gives them, or
//! from the value itself: `created_at` becomes `CreatedAt`, `-created_at`
//! becomes `CreatedAtDesc`.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use serde_json::Value;

use crate::lint::Diagnostic;

/// Whether an enum's values are strings or integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnumKind {
    /// `type: string`.
    String,
    /// `type: integer`.
    Integer,
}

/// One enum schema found in `components/schemas`.
#[derive(Debug, Clone)]
pub struct OpenEnum {
    /// The component name, which is also the Rust type name.
    pub name: String,
    /// Its description.
    pub description: String,
    /// String or integer values.
    pub kind: EnumKind,
    /// `(variant name, value)` in schema order.
    pub variants: Vec<(String, Value)>,
}

/// Finds the enum schemas of `doc`, with their variant names.
pub fn collect(doc: &Value) -> Result<Vec<OpenEnum>, Vec<Diagnostic>> {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return Ok(found);
    };
    for (name, schema) in schemas {
        let Some(values) = schema.get("enum").and_then(Value::as_array) else {
            continue;
        };
        let pointer = format!("/components/schemas/{}", crate::load::pointer_token(name));
        let kind = match schema.get("type").and_then(Value::as_str) {
            Some("string") => EnumKind::String,
            Some("integer") => EnumKind::Integer,
            other => {
                errors.push(diag(
                    &format!("{pointer}/type"),
                    format!("enum type is {other:?}; only string and integer enums are supported"),
                ));
                continue;
            }
        };
        let given: Option<Vec<String>> = schema
            .get("x-enum-varnames")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().unwrap_or_default().to_string())
                    .collect()
            });
        if let Some(g) = &given
            && g.len() != values.len()
        {
            errors.push(diag(
                &format!("{pointer}/x-enum-varnames"),
                format!("has {} names for {} enum values", g.len(), values.len()),
            ));
            continue;
        }
        let mut variants: Vec<(String, Value)> = Vec::new();
        for (i, value) in values.iter().enumerate() {
            let ok_type = match kind {
                EnumKind::String => value.is_string(),
                EnumKind::Integer => value.is_i64(),
            };
            if !ok_type {
                errors.push(diag(
                    &format!("{pointer}/enum/{i}"),
                    format!("value {value} does not match the enum type"),
                ));
                continue;
            }
            let variant = match &given {
                Some(g) => g[i].clone(),
                None => variant_name(value),
            };
            if !is_rust_type_ident(&variant) || variant == "Unknown" {
                errors.push(diag(
                    &format!("{pointer}/enum/{i}"),
                    format!(
                        "value {value} gives the variant name `{variant}`, which is not a usable Rust name; set x-enum-varnames"
                    ),
                ));
                continue;
            }
            if variants.iter().any(|(v, _)| *v == variant) {
                errors.push(diag(
                    &format!("{pointer}/enum/{i}"),
                    format!("value {value} gives the variant name `{variant}` twice; set x-enum-varnames"),
                ));
                continue;
            }
            variants.push((variant, value.clone()));
        }
        found.push(OpenEnum {
            name: name.clone(),
            description: schema
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            kind,
            variants,
        });
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors)
    }
}

/// The Rust variant name for an enum value without `x-enum-varnames`.
pub fn variant_name(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.clone(),
        other => format!("Value{other}"),
    };
    let (body, desc) = match text.strip_prefix('-') {
        Some(rest) => (rest.to_string(), true),
        None => (text, false),
    };
    let mut out = String::new();
    for word in body
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    if desc {
        out.push_str("Desc");
    }
    out
}

fn is_rust_type_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
}

fn diag(pointer: &str, message: String) -> Diagnostic {
    Diagnostic {
        pointer: pointer.to_string(),
        message,
    }
}

/// The Rust code of one open enum, to be placed in the `types` module.
pub fn tokens(e: &OpenEnum) -> TokenStream {
    let name = Ident::new(&e.name, Span::call_site());
    let doc = format!(
        "{}\n\nValues this SDK version does not know decode as [`{}::Unknown`] and are sent back unchanged.",
        e.description, e.name
    );
    let idents: Vec<Ident> = e
        .variants
        .iter()
        .map(|(v, _)| Ident::new(v, Span::call_site()))
        .collect();
    let variant_docs: Vec<String> = e.variants.iter().map(|(_, v)| format!("`{v}`")).collect();
    match e.kind {
        EnumKind::String => {
            let values: Vec<&str> = e
                .variants
                .iter()
                .map(|(_, v)| v.as_str().unwrap_or_default())
                .collect();
            quote! {
                #[doc = #doc]
                #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
                #[non_exhaustive]
                pub enum #name {
                    #( #[doc = #variant_docs] #idents, )*
                    /// A value this SDK version does not know, kept as received.
                    Unknown(::std::string::String),
                }
                impl #name {
                    /// The known values, in schema order.
                    pub const KNOWN: &'static [Self] = &[ #( Self::#idents ),* ];
                    /// The value as the API spells it.
                    pub fn as_str(&self) -> &str {
                        match self {
                            #( Self::#idents => #values, )*
                            Self::Unknown(value) => value.as_str(),
                        }
                    }
                    /// Whether this is a value the SDK does not know.
                    pub fn is_unknown(&self) -> bool {
                        matches!(self, Self::Unknown(_))
                    }
                }
                impl ::std::fmt::Display for #name {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(self.as_str())
                    }
                }
                impl ::std::convert::From<&str> for #name {
                    fn from(value: &str) -> Self {
                        match value {
                            #( #values => Self::#idents, )*
                            other => Self::Unknown(other.to_string()),
                        }
                    }
                }
                impl ::std::str::FromStr for #name {
                    type Err = ::std::convert::Infallible;
                    fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                        Ok(Self::from(value))
                    }
                }
                impl ::serde::Serialize for #name {
                    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                        serializer.serialize_str(self.as_str())
                    }
                }
                impl<'de> ::serde::Deserialize<'de> for #name {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                        let value = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
                        Ok(Self::from(value.as_ref()))
                    }
                }
            }
        }
        EnumKind::Integer => {
            let values: Vec<i64> = e
                .variants
                .iter()
                .map(|(_, v)| v.as_i64().unwrap_or_default())
                .collect();
            quote! {
                #[doc = #doc]
                #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
                #[non_exhaustive]
                pub enum #name {
                    #( #[doc = #variant_docs] #idents, )*
                    /// A value this SDK version does not know, kept as received.
                    Unknown(i64),
                }
                impl #name {
                    /// The known values, in schema order.
                    pub const KNOWN: &'static [Self] = &[ #( Self::#idents ),* ];
                    /// The value as the API sends it.
                    pub fn value(&self) -> i64 {
                        match self {
                            #( Self::#idents => #values, )*
                            Self::Unknown(value) => *value,
                        }
                    }
                    /// Whether this is a value the SDK does not know.
                    pub fn is_unknown(&self) -> bool {
                        matches!(self, Self::Unknown(_))
                    }
                }
                impl ::std::fmt::Display for #name {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        ::std::fmt::Display::fmt(&self.value(), f)
                    }
                }
                impl ::std::convert::From<i64> for #name {
                    fn from(value: i64) -> Self {
                        match value {
                            #( #values => Self::#idents, )*
                            other => Self::Unknown(other),
                        }
                    }
                }
                impl ::serde::Serialize for #name {
                    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                        serializer.serialize_i64(self.value())
                    }
                }
                impl<'de> ::serde::Deserialize<'de> for #name {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                        let value = <i64 as ::serde::Deserialize>::deserialize(deserializer)?;
                        Ok(Self::from(value))
                    }
                }
            }
        }
    }
}
