//! Each finding's class and correction.
//!
//! The class is decided by what the SDK's own decoding accepts, not by the
//! schema's letter: a field the schema does not list is ignored, enums are
//! open, a decimal decodes from a JSON string or number, `null` in an
//! optional field reads as absent; those are **refinements**. A value of a
//! type the decoder rejects, `null` or a missing value in a required field,
//! a date that does not parse, a route that does not exist, a field the
//! school requires on write that the schema lacks: **drift**.
//!
//! The correction is a JSON Patch (RFC 6902) against `schema/mindz.yaml`:
//! add the property with the JSON type seen, add the enum value, make a
//! field nullable, add a write field, record a length limit. A length limit
//! is recorded as `x-mindz-max-length` ([`MAX_LENGTH`]), never `maxLength`:
//! typify turns a `maxLength` on a string into a newtype, which would break
//! every user of the field. A decimal the school sends as a JSON number is
//! recorded as `x-mindz-json-number: true` ([`JSON_NUMBER`]).
//!
//! A patch carries JSON types, field names, lengths and enum values, never a
//! value of a record: an enum value goes into a patch only when it reads as
//! a code (see [`is_code`]), else the finding has no patch.

use serde_json::{Map, Value, json};

use super::metadata::text;
use super::report::{Class, Finding, Kind, PatchOp};
use super::spec::{Operation, Spec, escape, final_pointer};
use super::validate::type_name;

/// The extension that records a length limit without changing the Rust type.
pub const MAX_LENGTH: &str = "x-mindz-max-length";

/// The extension that says a decimal also arrives as a JSON number.
pub const JSON_NUMBER: &str = "x-mindz-json-number";

/// The description a patch gives a field the schema lacked.
const SEEN: &str = "Seen on a school by the probe; not yet described.";

/// The class of a kind of finding when nothing else is known.
pub fn default_class(kind: Kind) -> Class {
    match kind {
        Kind::UnknownField
        | Kind::UnknownEnumValue
        | Kind::WriteOnlyInResponse
        | Kind::FieldNotInSchema
        | Kind::MaxLengthMismatch
        | Kind::ChoiceMismatch
        | Kind::OperationNotInSchema => Class::Refinement,
        Kind::MissingRequired
        | Kind::WrongType
        | Kind::WrongFormat
        | Kind::NullNotAllowed
        | Kind::ConstraintViolated
        | Kind::UnreadableAnswer
        | Kind::MethodMismatch
        | Kind::FieldNotOnSchool
        | Kind::RequiredMismatch
        | Kind::ReadOnlyMismatch
        | Kind::TypeMismatch
        | Kind::OperationNotInSchoolDocument => Class::Drift,
    }
}

/// Whether an enum value reads as a code, not as record data: an integer,
/// or up to 40 lowercase ASCII letters, digits, `_` and `-`, with a letter.
pub fn is_code(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.is_i64() || n.is_u64(),
        Value::String(s) => {
            s.len() <= 40
                && s.bytes().any(|b| b.is_ascii_lowercase())
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        }
        _ => false,
    }
}

fn add(path: String, value: Value) -> PatchOp {
    PatchOp {
        op: "add",
        path,
        value,
    }
}

/// The pointer a `$ref` chain and a single-member `allOf` (the schema's way
/// to put a description or `nullable` beside a `$ref`) end on.
fn look_through(doc: &Value, pointer: &str) -> String {
    let p = final_pointer(doc, pointer);
    match doc.pointer(&format!("{p}/allOf")).and_then(Value::as_array) {
        Some(members) if members.len() == 1 => final_pointer(doc, &format!("{p}/allOf/0")),
        _ => p,
    }
}

/// Where an answer's field is described.
struct Place {
    /// The object schema that has (or lacks) the property.
    object: String,
    /// The property as written (may not exist).
    holder: String,
    /// The property after `$ref`s and a single `allOf`.
    resolved: String,
    /// The property's name.
    name: String,
}

/// The place of `instance` (a pointer into an answer whose schema is at
/// `root`), when its last step is a property.
fn place(doc: &Value, root: &str, instance: &str) -> Option<Place> {
    let mut current = look_through(doc, root);
    let mut found = None;
    for token in instance.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        let node = doc.pointer(&current)?;
        if node.get("items").is_some() && token.parse::<usize>().is_ok() {
            current = look_through(doc, &format!("{current}/items"));
            found = None;
            continue;
        }
        let holder = format!("{current}/properties/{}", escape(&token));
        let exists = doc.pointer(&holder).is_some();
        let resolved = if exists {
            look_through(doc, &holder)
        } else {
            holder.clone()
        };
        found = Some(Place {
            object: current.clone(),
            holder,
            resolved: resolved.clone(),
            name: token,
        });
        if !exists {
            break;
        }
        current = resolved;
    }
    found
}

/// A property's schema for a value of JSON type `seen`.
fn schema_of_type(seen: &str) -> Value {
    let mut s = match seen {
        "integer" => json!({"type": "integer", "format": "int64"}),
        "array" => json!({"type": "array", "items": {}}),
        "null" => json!({"nullable": true}),
        t => json!({"type": t}),
    };
    s["description"] = json!(SEEN);
    s
}

/// Classes and corrections of the findings of a GET answer `body`, checked
/// against the schema at `root` of `doc`.
pub fn response(doc: &Value, root: &str, body: &Value, findings: &mut [Finding]) {
    for f in findings {
        f.class = default_class(f.kind);
        let seen = body.pointer(&f.pointer);
        let Some(p) = place(doc, root, &f.pointer) else {
            continue;
        };
        let holder = doc.pointer(&p.holder);
        let resolved = doc.pointer(&p.resolved);
        let format = resolved
            .and_then(|r| r.get("format"))
            .and_then(Value::as_str);
        match f.kind {
            Kind::UnknownField
                if holder.is_none()
                    && doc
                        .pointer(&format!("{}/properties", p.object))
                        .is_some_and(Value::is_object) =>
            {
                let t = seen.map(type_name).unwrap_or("string");
                f.patch = vec![add(p.holder.clone(), schema_of_type(t))];
            }
            Kind::UnknownEnumValue => {
                if let Some(v) = seen.filter(|v| is_code(v))
                    && resolved.and_then(|r| r.get("enum")).is_some()
                {
                    f.patch = vec![add(format!("{}/enum/-", p.resolved), v.clone())];
                }
            }
            Kind::NullNotAllowed => {
                let required = doc
                    .pointer(&format!("{}/required", p.object))
                    .and_then(Value::as_array)
                    .is_some_and(|r| r.iter().any(|n| n.as_str() == Some(p.name.as_str())));
                if !required && f.pointer.ends_with(&escape(&p.name)) {
                    f.class = Class::Refinement;
                }
                if holder.is_some_and(|h| h.get("$ref").is_none()) {
                    f.patch = vec![add(format!("{}/nullable", p.holder), json!(true))];
                }
            }
            Kind::WrongType if format == Some("decimal") && seen.is_some_and(|v| v.is_number()) => {
                f.class = Class::Refinement;
                f.patch = vec![add(format!("{}/{JSON_NUMBER}", p.resolved), json!(true))];
            }
            Kind::WrongFormat if !matches!(format, Some("date" | "date-time" | "decimal")) => {
                f.class = Class::Refinement;
            }
            Kind::ConstraintViolated
                if !["maxLength", "minLength", "pattern"]
                    .iter()
                    .any(|k| f.detail.contains(k)) =>
            {
                f.class = Class::Refinement;
            }
            _ => {}
        }
    }
}

/// A request field's schema from its OPTIONS description.
fn schema_of_field(field: &Value) -> Value {
    let drf = field.get("type").and_then(Value::as_str).unwrap_or("field");
    let mut s = match drf {
        "integer" => json!({"type": "integer", "format": "int64"}),
        "float" => json!({"type": "number"}),
        "decimal" => json!({"type": "string", "format": "decimal"}),
        "boolean" => json!({"type": "boolean"}),
        "list" | "multiple choice" => json!({"type": "array", "items": {}}),
        "nested object" => json!({"type": "object"}),
        "date" => json!({"type": "string", "format": "date"}),
        "datetime" => json!({"type": "string", "format": "date-time"}),
        "email" => json!({"type": "string", "format": "email"}),
        "url" => json!({"type": "string", "format": "uri"}),
        "field" => json!({}),
        _ => json!({"type": "string"}),
    };
    if let Some(max) = field.get("max_length").and_then(Value::as_u64) {
        s[MAX_LENGTH] = json!(max);
    }
    s["description"] = json!(SEEN);
    s
}

/// Classes and corrections of the findings of an OPTIONS description
/// (`fields`, the `actions` entry of `op`'s method).
pub fn options(spec: &Spec, op: &Operation, fields: &Map<String, Value>, findings: &mut [Finding]) {
    let doc = &spec.doc;
    let Some(body) = op.request_schema.clone() else {
        return;
    };
    let required_list = format!("{body}/required");
    let make_required = |name: &str| match doc.pointer(&required_list) {
        Some(Value::Array(_)) => add(format!("{required_list}/-"), json!(name)),
        _ => add(required_list.clone(), json!([name])),
    };
    for f in findings {
        f.class = default_class(f.kind);
        let tokens: Vec<String> = f
            .pointer
            .split('/')
            .skip(3)
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect();
        let Some(name) = tokens.first().cloned() else {
            continue;
        };
        let field = fields.get(&name).cloned().unwrap_or(Value::Null);
        let school_required = field.get("required").and_then(Value::as_bool) == Some(true);
        let holder = format!("{body}/properties/{}", escape(&name));
        let written = doc.pointer(&holder);
        match f.kind {
            Kind::FieldNotInSchema => {
                f.patch = vec![add(holder.clone(), schema_of_field(&field))];
                if school_required && op.method != "PATCH" {
                    f.class = Class::Drift;
                    f.patch.push(make_required(&name));
                }
            }
            Kind::RequiredMismatch if school_required => {
                f.patch = vec![make_required(&name)];
            }
            Kind::RequiredMismatch => f.class = Class::Refinement,
            Kind::ReadOnlyMismatch
                if field.get("read_only").and_then(Value::as_bool) != Some(true) =>
            {
                f.class = Class::Refinement;
            }
            Kind::MaxLengthMismatch => {
                let Some(max) = field.get("max_length").and_then(Value::as_u64) else {
                    continue;
                };
                match written {
                    Some(w) if w.get("$ref").is_some() => {}
                    Some(w) if w.get("maxLength").is_some() => {
                        f.patch = vec![PatchOp {
                            op: "replace",
                            path: format!("{holder}/maxLength"),
                            value: json!(max),
                        }]
                    }
                    Some(_) => f.patch = vec![add(format!("{holder}/{MAX_LENGTH}"), json!(max))],
                    None => {}
                }
            }
            Kind::ChoiceMismatch => {
                let target = look_through(doc, &holder);
                let Some(values) = doc
                    .pointer(&format!("{target}/enum"))
                    .and_then(Value::as_array)
                else {
                    continue;
                };
                let same = |a: &Value, b: &Value| a == b || text(a) == text(b);
                f.patch = field
                    .get("choices")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c.get("value"))
                    .filter(|v| is_code(v) && !values.iter().any(|e| same(e, v)))
                    .map(|v| add(format!("{target}/enum/-"), v.clone()))
                    .collect();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_record_data() {
        for code in [
            json!("refunded_partially"),
            json!("pf"),
            json!(3),
            json!("a-1"),
        ] {
            assert!(is_code(&code), "{code}");
        }
        for data in [
            json!("Ana Souza"),
            json!("ana@example.com"),
            json!("SECRET-STATUS"),
            json!("12345"),
            json!("https://x"),
            json!(1.5),
            json!(""),
        ] {
            assert!(!is_code(&data), "{data}");
        }
    }
}
