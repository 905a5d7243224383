//! Validation of answers with a JSON Schema validator (the `jsonschema`
//! crate, draft 2020-12) over the schema's own components.
//!
//! OpenAPI 3.0 schema objects are not quite JSON Schema, so the document is
//! first rewritten, keeping every original node at its original pointer:
//! - `nullable: true` adds `"null"` to `type` and `enum`, and turns each
//!   `allOf` member into `anyOf: [{type: null}, member]` (marked, so that
//!   pointers into it are mapped back);
//! - an object schema with `properties` and no `additionalProperties` gets
//!   `additionalProperties: false`: a field the schema does not know is a
//!   finding;
//! - a `writeOnly` property must not appear in an answer (its schema becomes
//!   `false`) and is never required there; `readOnly` needs nothing;
//! - boolean `exclusiveMinimum`/`exclusiveMaximum` become numbers;
//! - a decimal marked `x-mindz-json-number: true` may be a JSON number.
//!
//! Findings name pointers and types only, never a value of the answer.

use std::collections::HashMap;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::{Map, Value, json};

use super::correct::JSON_NUMBER;
use super::report::{Class, Finding, Kind};
use super::spec::escape;

/// Marks an `anyOf` this module added for `nullable`.
const NULL_WRAPPER: &str = "x-probe-nullable";

/// Validators of response bodies, one per schema pointer.
pub struct Validators {
    /// The rewritten document.
    root: Value,
    /// The schema file's name, prefixed to schema pointers.
    file: String,
    cache: HashMap<String, Validator>,
}

impl Validators {
    /// Rewrites `doc` (see the module documentation).
    pub fn new(doc: &Value, file: &str) -> Validators {
        let mut root = doc.clone();
        if let Some(schemas) = root
            .pointer_mut("/components/schemas")
            .and_then(Value::as_object_mut)
        {
            for schema in schemas.values_mut() {
                rewrite(schema);
            }
        }
        if let Some(paths) = root.get_mut("paths").and_then(Value::as_object_mut) {
            for item in paths.values_mut() {
                for op in item
                    .as_object_mut()
                    .into_iter()
                    .flat_map(|o| o.values_mut())
                {
                    for response in op
                        .get_mut("responses")
                        .and_then(Value::as_object_mut)
                        .into_iter()
                        .flat_map(|r| r.values_mut())
                    {
                        for media in response
                            .get_mut("content")
                            .and_then(Value::as_object_mut)
                            .into_iter()
                            .flat_map(|c| c.values_mut())
                        {
                            if let Some(schema) = media.get_mut("schema") {
                                rewrite(schema);
                            }
                        }
                    }
                }
            }
        }
        if let Some(responses) = root
            .pointer_mut("/components/responses")
            .and_then(Value::as_object_mut)
        {
            for response in responses.values_mut() {
                for media in response
                    .get_mut("content")
                    .and_then(Value::as_object_mut)
                    .into_iter()
                    .flat_map(|c| c.values_mut())
                {
                    if let Some(schema) = media.get_mut("schema") {
                        rewrite(schema);
                    }
                }
            }
        }
        Validators {
            root,
            file: file.to_string(),
            cache: HashMap::new(),
        }
    }

    /// Validates `instance` against the schema at `pointer`; one finding per
    /// problem, the same problem in several records of a list reported once.
    ///
    /// # Errors
    ///
    /// The schema at `pointer` cannot be compiled (a problem of the schema,
    /// named without any value of the answer).
    pub fn validate(&mut self, pointer: &str, instance: &Value) -> Result<Vec<Finding>, String> {
        if !self.cache.contains_key(pointer) {
            let mut schema = Map::new();
            schema.insert(
                "$schema".into(),
                json!("https://json-schema.org/draft/2020-12/schema"),
            );
            schema.insert("$ref".into(), json!(format!("#{}", fragment(pointer))));
            for key in ["components", "paths"] {
                if let Some(v) = self.root.get(key) {
                    schema.insert(key.into(), v.clone());
                }
            }
            let validator = jsonschema::draft202012::options()
                .should_validate_formats(true)
                .build(&Value::Object(schema))
                .map_err(|e| {
                    format!(
                        "{}#{pointer}: the validator cannot compile this schema ({})",
                        self.file,
                        e.kind().keyword()
                    )
                })?;
            self.cache.insert(pointer.to_string(), validator);
        }
        let validator = &self.cache[pointer];
        let mut out = Vec::new();
        for error in validator.iter_errors(instance) {
            findings_of(&error, instance, &self.root, &self.file, &mut out);
        }
        Ok(dedupe(out))
    }
}

/// A JSON pointer as a URI fragment (RFC 6901 §6): `{user_id}` in a path
/// template must be percent-encoded.
fn fragment(pointer: &str) -> String {
    let mut out = String::new();
    for c in pointer.chars() {
        match c {
            'A'..='Z'
            | 'a'..='z'
            | '0'..='9'
            | '/'
            | '~'
            | '-'
            | '.'
            | '_'
            | '!'
            | '$'
            | '&'
            | '\''
            | '('
            | ')'
            | '*'
            | '+'
            | ','
            | ';'
            | '='
            | ':'
            | '@' => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

/// Rewrites one OpenAPI schema object (and those inside it) in place.
fn rewrite(schema: &mut Value) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    for key in ["items", "not", "additionalProperties"] {
        if let Some(child) = object.get_mut(key) {
            rewrite(child);
        }
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        for child in object
            .get_mut(key)
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            rewrite(child);
        }
    }
    let mut write_only = Vec::new();
    if let Some(properties) = object.get_mut("properties").and_then(Value::as_object_mut) {
        for (name, child) in properties.iter_mut() {
            if child.get("writeOnly").and_then(Value::as_bool) == Some(true) {
                *child = Value::Bool(false);
                write_only.push(name.clone());
            } else {
                rewrite(child);
            }
        }
        if !object.contains_key("additionalProperties") {
            object.insert("additionalProperties".into(), Value::Bool(false));
        }
    }
    if let Some(required) = object.get_mut("required").and_then(Value::as_array_mut) {
        required.retain(|name| !write_only.iter().any(|w| name.as_str() == Some(w)));
    }
    for (exclusive, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        if let Some(flag) = object.get(exclusive).and_then(Value::as_bool) {
            object.remove(exclusive);
            if flag && let Some(limit) = object.remove(bound) {
                object.insert(exclusive.into(), limit);
            }
        }
    }
    if object.get("format").and_then(Value::as_str) == Some("decimal")
        && object.get(JSON_NUMBER).and_then(Value::as_bool) == Some(true)
    {
        object.insert("type".into(), json!(["string", "number"]));
    }
    if object.remove("nullable").and_then(|v| v.as_bool()) == Some(true) {
        match object.get_mut("type") {
            Some(Value::String(t)) => {
                let t = std::mem::take(t);
                object.insert("type".into(), json!([t, "null"]));
            }
            Some(Value::Array(types)) if !types.contains(&json!("null")) => {
                types.push(json!("null"))
            }
            _ => {}
        }
        if let Some(values) = object.get_mut("enum").and_then(Value::as_array_mut)
            && !values.contains(&Value::Null)
        {
            values.push(Value::Null);
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(options) = object.get_mut(key).and_then(Value::as_array_mut) {
                options.push(json!({"type": "null"}));
            }
        }
        if let Some(members) = object.get_mut("allOf").and_then(Value::as_array_mut) {
            for member in members.iter_mut() {
                let inner = std::mem::take(member);
                *member = json!({"anyOf": [{"type": "null"}, inner], NULL_WRAPPER: true});
            }
        }
    }
}

/// Maps a pointer into the rewritten document back to the original one:
/// drops the `anyOf/1` of the wrappers added for `nullable`.
fn original_pointer(root: &Value, pointer: &str) -> String {
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    let mut out = String::new();
    let mut i = 0;
    while i < segments.len() {
        let wrapper = root
            .pointer(&out)
            .and_then(|n| n.get(NULL_WRAPPER))
            .is_some();
        if wrapper && segments.get(i) == Some(&"anyOf") && segments.get(i + 1) == Some(&"1") {
            i += 2;
            continue;
        }
        out.push('/');
        out.push_str(segments[i]);
        i += 1;
    }
    out
}

/// The pointer `pointer` without its last segment `keyword`.
fn parent(pointer: &str, keyword: &str) -> String {
    pointer
        .strip_suffix(&format!("/{keyword}"))
        .unwrap_or(pointer)
        .to_string()
}

/// JSON type name of a value (never the value).
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn findings_of(
    error: &ValidationError<'_>,
    instance: &Value,
    root: &Value,
    file: &str,
    out: &mut Vec<Finding>,
) {
    let at = error.instance_path().as_str().to_string();
    let schema_at = original_pointer(root, error.schema_path().as_str());
    let schema_ref = |p: &str| format!("{file}#{p}");
    let found = instance.pointer(&at);
    let mut push = |pointer: String, schema: String, kind: Kind, detail: String| {
        out.push(Finding {
            pointer,
            schema_pointer: Some(schema_ref(&schema)),
            class: Class::Drift,
            patch: Vec::new(),
            kind,
            detail,
        })
    };
    match error.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            push(
                format!("{at}/{}", escape(name)),
                format!(
                    "{}/properties/{}",
                    parent(&schema_at, "required"),
                    escape(name)
                ),
                Kind::MissingRequired,
                format!("required field `{name}` is missing"),
            );
        }
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let object = parent(
                &parent(&schema_at, "additionalProperties"),
                "unevaluatedProperties",
            );
            for name in unexpected {
                let kind = found
                    .and_then(|o| o.get(name))
                    .map(type_name)
                    .unwrap_or("unknown");
                push(
                    format!("{at}/{}", escape(name)),
                    object.clone(),
                    Kind::UnknownField,
                    format!("field `{name}` ({kind}) is not in the schema"),
                );
            }
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => t.to_string(),
                TypeKind::Multiple(set) => set
                    .iter()
                    .map(|t| t.to_string())
                    .collect::<Vec<_>>()
                    .join(" or "),
            };
            let actual = found.map(type_name).unwrap_or("unknown");
            let (kind, detail) = if actual == "null" {
                (
                    Kind::NullNotAllowed,
                    format!("null where the schema allows only {expected}"),
                )
            } else {
                (
                    Kind::WrongType,
                    format!("{actual} where the schema says {expected}"),
                )
            };
            push(at, parent(&schema_at, "type"), kind, detail);
        }
        ValidationErrorKind::Format { format } => {
            push(
                at,
                parent(&schema_at, "format"),
                Kind::WrongFormat,
                format!("a string that is not a valid `{format}`"),
            );
        }
        ValidationErrorKind::Enum { options } => {
            let actual = found.map(type_name).unwrap_or("unknown");
            let (kind, detail) = if actual == "null" {
                (
                    Kind::NullNotAllowed,
                    "null, which the enum does not allow".to_string(),
                )
            } else {
                let count = options.as_array().map_or(0, Vec::len);
                (
                    Kind::UnknownEnumValue,
                    format!("a {actual} value that is none of the schema's {count} enum values"),
                )
            };
            push(at, parent(&schema_at, "enum"), kind, detail);
        }
        ValidationErrorKind::AnyOf { context }
            if root
                .pointer(&parent(error.schema_path().as_str(), "anyOf"))
                .and_then(|n| n.get(NULL_WRAPPER))
                .is_some() =>
        {
            // Not null (the first branch), so the second branch's errors say why.
            for inner in context.get(1).into_iter().flatten() {
                findings_of(inner, instance, root, file, out);
            }
        }
        ValidationErrorKind::FalseSchema => {
            push(
                at,
                schema_at,
                Kind::WriteOnlyInResponse,
                "a writeOnly field appears in the answer".to_string(),
            );
        }
        other => {
            let keyword = other.keyword().to_string();
            push(
                at,
                parent(&schema_at, &keyword),
                Kind::ConstraintViolated,
                format!("violates `{keyword}`"),
            );
        }
    }
}

/// One finding per (kind, schema pointer, pointer with list indexes as `*`),
/// the first pointer kept and the others counted.
fn dedupe(findings: Vec<Finding>) -> Vec<Finding> {
    let mut out: Vec<(String, Finding, usize)> = Vec::new();
    for f in findings {
        let shape: Vec<&str> = f
            .pointer
            .split('/')
            .map(|s| {
                if s.bytes().all(|b| b.is_ascii_digit()) && !s.is_empty() {
                    "*"
                } else {
                    s
                }
            })
            .collect();
        let key = format!("{:?}|{:?}|{}", f.kind, f.schema_pointer, shape.join("/"));
        match out.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, n)) => *n += 1,
            None => out.push((key, f, 1)),
        }
    }
    out.into_iter()
        .map(|(_, mut f, n)| {
            if n > 1 {
                f.detail = format!("{} (in {n} records)", f.detail);
            }
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Value {
        serde_yaml_ng::from_str(
            r##"
components:
  schemas:
    Page:
      type: object
      required: [results]
      properties:
        results: {type: array, items: {$ref: '#/components/schemas/User'}}
    User:
      type: object
      required: [id, email, password]
      properties:
        id: {type: integer, readOnly: true}
        email: {type: string, format: email}
        password: {type: string, writeOnly: true}
        birth_date: {type: string, format: date, nullable: true}
        gender:
          type: string
          nullable: true
          allOf: [{$ref: '#/components/schemas/Gender'}]
        kind:
          allOf: [{$ref: '#/components/schemas/Gender'}]
    Gender: {type: string, enum: [male, female]}
"##,
        )
        .unwrap()
    }

    fn check(instance: Value) -> Vec<(String, String, Kind)> {
        let mut v = Validators::new(&doc(), "s.yaml");
        v.validate("/components/schemas/Page", &instance)
            .unwrap()
            .into_iter()
            .map(|f| (f.pointer, f.schema_pointer.unwrap_or_default(), f.kind))
            .collect()
    }

    #[test]
    fn a_conforming_answer_has_no_findings() {
        let user = json!({"id": 1, "email": "a@b.example", "birth_date": null, "gender": null, "kind": "male"});
        assert_eq!(check(json!({"results": [user.clone(), user]})), vec![]);
    }

    #[test]
    fn each_problem_is_named_with_both_pointers() {
        let user = json!({"id": "7", "email": "nope", "birth_date": null, "gender": "other",
                          "kind": null, "password": "x", "extra": 1});
        let mut got = check(json!({"results": [user, {"email": "a@b.example"}]}));
        got.sort();
        let s = |p: &str| format!("s.yaml#/components/schemas/{p}");
        let mut want = vec![
            (
                "/results/0/id".into(),
                s("User/properties/id"),
                Kind::WrongType,
            ),
            (
                "/results/0/email".into(),
                s("User/properties/email"),
                Kind::WrongFormat,
            ),
            (
                "/results/0/gender".into(),
                s("Gender"),
                Kind::UnknownEnumValue,
            ),
            ("/results/0/kind".into(), s("Gender"), Kind::NullNotAllowed),
            (
                "/results/0/password".into(),
                s("User/properties/password"),
                Kind::WriteOnlyInResponse,
            ),
            ("/results/0/extra".into(), s("User"), Kind::UnknownField),
            (
                "/results/1/id".into(),
                s("User/properties/id"),
                Kind::MissingRequired,
            ),
        ];
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn findings_never_contain_values() {
        let user = json!({"id": 1, "email": "secret@person.example", "gender": "SECRETVALUE", "extra": "SECRET2"});
        let mut v = Validators::new(&doc(), "s.yaml");
        let text = format!(
            "{:?}",
            v.validate("/components/schemas/Page", &json!({"results": [user]}))
                .unwrap()
        );
        assert!(
            !text.contains("SECRET") && !text.contains("secret@"),
            "{text}"
        );
    }
}
