//! Money as decimals: every `type: string, format: decimal` schema (how
//! drf-spectacular describes a Django REST framework `DecimalField`) becomes
//! `rust_decimal::Decimal` in the SDK, through typify's conversion setting.
//!
//! typify matches a conversion against a schema exactly, apart from its
//! metadata (description, readOnly, ...), so one conversion is registered for
//! each distinct decimal schema of the document: its type, format, length
//! bounds, pattern and `x-` extensions.

use std::collections::BTreeSet;

use schemars::schema::{InstanceType, SchemaObject, SingleOrVec, StringValidation};
use serde_json::Value;

/// The Rust type of a decimal schema.
pub const DECIMAL_TYPE: &str = "::rust_decimal::Decimal";

/// The schemars form of every distinct `format: decimal` schema in `doc`, in
/// a stable order.
pub fn decimal_schemas(doc: &Value) -> Vec<SchemaObject> {
    let mut found = BTreeSet::new();
    walk(doc, &mut |schema| {
        if schema.get("format").and_then(Value::as_str) == Some("decimal") {
            found.insert(key(schema));
        }
    });
    found.into_iter().map(|k| k.into_schema()).collect()
}

/// The number of properties (anywhere in `doc`) whose schema is a decimal.
pub fn count_decimal_properties(doc: &Value) -> usize {
    let mut count = 0;
    walk(doc, &mut |schema| {
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            count += props
                .values()
                .filter(|p| p.get("format").and_then(Value::as_str) == Some("decimal"))
                .count();
        }
    });
    count
}

/// `Type::field` for each field of a struct of `file`'s `types` module (not
/// its builders) whose type holds [`DECIMAL_TYPE`] (`Decimal`,
/// `Option<Decimal>`, ..).
pub fn decimal_fields(file: &syn::File) -> Vec<String> {
    let types = file.items.iter().find_map(|item| match item {
        syn::Item::Mod(m) if m.ident == "types" => m.content.as_ref().map(|(_, c)| c),
        _ => None,
    });
    let mut found = Vec::new();
    for item in types.into_iter().flatten() {
        let syn::Item::Struct(s) = item else { continue };
        for field in &s.fields {
            let mut seen = SeesDecimal(false);
            syn::visit_mut::VisitMut::visit_type_mut(&mut seen, &mut field.ty.clone());
            if let (true, Some(name)) = (seen.0, &field.ident) {
                found.push(format!("{}::{name}", s.ident));
            }
        }
    }
    found
}

/// Whether a type mentions `::rust_decimal::Decimal`.
struct SeesDecimal(bool);

impl syn::visit_mut::VisitMut for SeesDecimal {
    fn visit_path_mut(&mut self, path: &mut syn::Path) {
        let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if path.leading_colon.is_some() && names == ["rust_decimal", "Decimal"] {
            self.0 = true;
        }
        syn::visit_mut::visit_path_mut(self, path);
    }
}

/// What typify compares: everything but the metadata.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    nullable: bool,
    pattern: Option<String>,
    min_length: Option<u64>,
    max_length: Option<u64>,
    extensions: Vec<(String, String)>,
}

impl Key {
    fn into_schema(self) -> SchemaObject {
        let instance_type = if self.nullable {
            SingleOrVec::Vec(vec![InstanceType::String, InstanceType::Null])
        } else {
            SingleOrVec::Single(Box::new(InstanceType::String))
        };
        let string = StringValidation {
            max_length: self.max_length.and_then(|n| u32::try_from(n).ok()),
            min_length: self.min_length.and_then(|n| u32::try_from(n).ok()),
            pattern: self.pattern,
        };
        let has_string = string != StringValidation::default();
        SchemaObject {
            instance_type: Some(instance_type),
            format: Some("decimal".to_string()),
            string: has_string.then(|| Box::new(string)),
            extensions: self
                .extensions
                .into_iter()
                .map(|(k, v)| (k, serde_json::from_str(&v).unwrap_or(Value::Null)))
                .collect(),
            ..Default::default()
        }
    }
}

fn key(schema: &Value) -> Key {
    let extensions = schema
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(k, _)| k.starts_with("x-"))
        .map(|(k, v)| (k.clone(), v.to_string()))
        .collect();
    Key {
        nullable: schema.get("nullable").and_then(Value::as_bool) == Some(true),
        pattern: schema
            .get("pattern")
            .and_then(Value::as_str)
            .map(str::to_string),
        min_length: schema.get("minLength").and_then(Value::as_u64),
        max_length: schema.get("maxLength").and_then(Value::as_u64),
        extensions,
    }
}

/// Calls `f` on every object of `value`, depth first.
fn walk(value: &Value, f: &mut impl FnMut(&Value)) {
    match value {
        Value::Object(map) => {
            f(value);
            for inner in map.values() {
                walk(inner, f);
            }
        }
        Value::Array(list) => {
            for inner in list {
                walk(inner, f);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn one_schema_per_distinct_decimal() {
        let doc = json!({"components": {"schemas": {
            "A": {"properties": {
                "price": {"type": "string", "format": "decimal", "pattern": "^\\d+$", "description": "x"},
                "fee": {"type": "string", "format": "decimal", "pattern": "^\\d+$", "readOnly": true},
                "other": {"type": "string", "format": "decimal", "nullable": true},
                "name": {"type": "string"}
            }}
        }}});
        let schemas = decimal_schemas(&doc);
        assert_eq!(schemas.len(), 2);
        assert_eq!(count_decimal_properties(&doc), 3);
        let plain = serde_json::to_value(&schemas[0]).unwrap();
        assert_eq!(
            plain,
            json!({"type": "string", "format": "decimal", "pattern": "^\\d+$"})
        );
        let nullable = serde_json::to_value(&schemas[1]).unwrap();
        assert_eq!(
            nullable,
            json!({"type": ["string", "null"], "format": "decimal"})
        );
    }
}
