//! Write operations without writing: what Django REST framework's `OPTIONS`
//! answer says (`Allow`, and `actions.POST`/`actions.PUT` field
//! descriptions: `type`, `required`, `read_only`, `max_length`, `choices`)
//! compared with the schema's request bodies.
//!
//! Choice lists are compared by count and reported by pointer: like every
//! other part of an answer, their values are never printed.

use serde_json::Value;

use super::correct::{self, MAX_LENGTH};
use super::http::{Answer, Body};
use super::report::{Class, Finding, Kind, Status, status_of};
use super::spec::{Operation, Spec, deref, escape};

/// The verdict on one write operation.
#[derive(Debug)]
pub struct Verdict {
    /// Its status.
    pub status: Status,
    /// What the status rests on.
    pub basis: String,
    /// The differences found.
    pub findings: Vec<Finding>,
}

/// Compares the `OPTIONS` answer of `op`'s path with `op`.
pub fn compare(op: &Operation, spec: &Spec, answer: &Answer, file: &str) -> Verdict {
    let verdict = |status, basis: String, findings| Verdict {
        status,
        basis,
        findings,
    };
    let tag = op.tag.as_deref().unwrap_or("this resource");
    match (answer.status, &answer.body) {
        (404, Body::Json(_)) => {}
        (404, _) => {
            return verdict(
                Status::Absent,
                "OPTIONS answered Django's 404 page: the route does not exist".into(),
                vec![],
            );
        }
        (403, _) => {
            return verdict(
                Status::Forbidden,
                format!(
                    "OPTIONS answered 403: the credential lacks the view permission on `{tag}`"
                ),
                vec![],
            );
        }
        _ => {}
    }
    let actions_key = if op.method == "PATCH" {
        "PUT"
    } else {
        op.method.as_str()
    };
    let actions = match &answer.body {
        Body::Json(body) if (200..300).contains(&answer.status) => body
            .get("actions")
            .and_then(|a| a.get(actions_key))
            .and_then(Value::as_object),
        _ => None,
    };
    match &answer.allow {
        Some(allow) if !allow.contains(&op.method) => {
            return verdict(
                Status::Absent,
                format!("{} is not in the path's Allow header", op.method),
                vec![Finding {
                    pointer: "Allow".into(),
                    kind: Kind::MethodMismatch,
                    detail: format!(
                        "the school allows {} on this path, not {}",
                        allow.join(", "),
                        op.method
                    ),
                    schema_pointer: Some(format!("{file}#{}", op.pointer)),
                    class: Class::Drift,
                    patch: Vec::new(),
                }],
            );
        }
        Some(_) if op.method == "DELETE" => {
            return verdict(
                Status::Confirmed,
                "DELETE is in the path's Allow header (it takes no body)".into(),
                vec![],
            );
        }
        None if actions.is_none() => {
            return verdict(
                Status::Skipped,
                if op.method == "DELETE" {
                    format!("unknown: OPTIONS answered {} without Allow", answer.status)
                } else {
                    format!(
                        "unknown: OPTIONS answered {} without Allow or a description of {actions_key}",
                        answer.status
                    )
                },
                vec![],
            );
        }
        _ => {}
    }
    let Some(fields) = actions else {
        return verdict(
            Status::Skipped,
            format!("exists (from Allow); OPTIONS describes no fields for {actions_key}"),
            vec![],
        );
    };
    let mut findings = compare_fields(op, spec, actions_key, fields, file);
    correct::options(spec, op, fields, &mut findings);
    let status = status_of(&findings);
    verdict(
        status,
        format!("OPTIONS actions.{actions_key} compared with the request body"),
        findings,
    )
}

/// JSON types a DRF field type may have in the schema (`None`: any).
fn json_types(drf: &str) -> Option<&'static [&'static str]> {
    Some(match drf {
        "integer" => &["integer"],
        "float" => &["number"],
        "decimal" => &["string", "number"],
        "boolean" => &["boolean"],
        "list" | "multiple choice" => &["array"],
        "nested object" => &["object"],
        "string" | "email" | "url" | "slug" | "regex" | "date" | "datetime" | "time"
        | "duration" | "file upload" | "image upload" => &["string"],
        _ => return None,
    })
}

/// The property's schema, looking through `$ref` and single-member `allOf`
/// (the schema's way to put a description or `nullable` beside an enum).
fn look_through<'a>(spec: &'a Spec, schema: &'a Value) -> &'a Value {
    let schema = deref(&spec.doc, schema);
    match schema.get("allOf").and_then(Value::as_array) {
        Some(members) if members.len() == 1 => deref(&spec.doc, &members[0]),
        _ => schema,
    }
}

fn compare_fields(
    op: &Operation,
    spec: &Spec,
    key: &str,
    fields: &serde_json::Map<String, Value>,
    file: &str,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let body_pointer = op.request_schema.clone().unwrap_or_default();
    let body = op
        .request_schema
        .as_deref()
        .and_then(|p| spec.resolve(p))
        .cloned()
        .unwrap_or(Value::Null);
    let empty = serde_json::Map::new();
    let properties = body
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let required: Vec<&str> = body
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let schema_at = |name: &str| Some(format!("{file}#{body_pointer}/properties/{}", escape(name)));
    let at = |name: &str, more: &str| format!("/actions/{key}/{}{more}", escape(name));
    let mut push = |pointer, kind, detail: String, schema| {
        out.push(Finding {
            pointer,
            kind,
            detail,
            schema_pointer: schema,
            class: Class::Drift,
            patch: Vec::new(),
        })
    };
    let read_only = |v: &Value| v.get("readOnly").and_then(Value::as_bool) == Some(true);
    for (name, field) in fields {
        let school_ro = field.get("read_only").and_then(Value::as_bool) == Some(true);
        let Some(prop) = properties.get(name) else {
            if !school_ro {
                push(
                    at(name, ""),
                    Kind::FieldNotInSchema,
                    format!("the school accepts field `{name}`; the request body does not list it"),
                    Some(format!("{file}#{body_pointer}")),
                );
            }
            continue;
        };
        let prop = look_through(spec, prop);
        let schema_ro = read_only(prop) || read_only(deref(&spec.doc, &properties[name]));
        if school_ro != schema_ro {
            push(
                at(name, "/read_only"),
                Kind::ReadOnlyMismatch,
                format!(
                    "`{name}` is {} on the school and {} in the schema",
                    if school_ro { "read-only" } else { "writable" },
                    if schema_ro { "readOnly" } else { "writable" }
                ),
                schema_at(name),
            );
            continue;
        }
        if school_ro {
            continue;
        }
        let school_required = field.get("required").and_then(Value::as_bool) == Some(true);
        let schema_required = required.contains(&name.as_str());
        if op.method != "PATCH" && school_required != schema_required {
            push(
                at(name, "/required"),
                Kind::RequiredMismatch,
                format!(
                    "`{name}` is {} on the school and {} in the schema",
                    if school_required {
                        "required"
                    } else {
                        "optional"
                    },
                    if schema_required {
                        "required"
                    } else {
                        "optional"
                    }
                ),
                schema_at(name),
            );
        }
        let drf_type = field.get("type").and_then(Value::as_str).unwrap_or("field");
        let schema_type = prop.get("type").and_then(Value::as_str);
        if let (Some(allowed), Some(t)) = (json_types(drf_type), schema_type)
            && !allowed.contains(&t)
        {
            push(
                at(name, "/type"),
                Kind::TypeMismatch,
                format!("`{name}` is a DRF {drf_type} field; the schema says {t}"),
                schema_at(name),
            );
        }
        let school_max = field.get("max_length").and_then(Value::as_u64);
        let schema_max = [prop, &properties[name]]
            .iter()
            .find_map(|p| p.get("maxLength").or_else(|| p.get(MAX_LENGTH)))
            .and_then(Value::as_u64);
        if school_max.is_some() && school_max != schema_max {
            let show = |m: Option<u64>| m.map_or("none".to_string(), |m| m.to_string());
            push(
                at(name, "/max_length"),
                Kind::MaxLengthMismatch,
                format!(
                    "`{name}`: max_length {} on the school, maxLength {} in the schema",
                    show(school_max),
                    show(schema_max)
                ),
                schema_at(name),
            );
        }
        if let Some(choices) = field.get("choices").and_then(Value::as_array) {
            let values: Vec<&Value> = choices.iter().filter_map(|c| c.get("value")).collect();
            let empty = Vec::new();
            let schema_enum = prop.get("enum").and_then(Value::as_array).unwrap_or(&empty);
            let same = |a: &Value, b: &Value| a == b || text(a) == text(b);
            let missing = values
                .iter()
                .filter(|v| !schema_enum.iter().any(|e| same(e, v)))
                .count();
            let extra = schema_enum
                .iter()
                .filter(|e| !values.iter().any(|v| same(e, v)))
                .count();
            if missing + extra > 0 {
                push(
                    at(name, "/choices"),
                    Kind::ChoiceMismatch,
                    format!(
                        "`{name}`: {missing} of the school's {} choices are not in the schema's enum, {extra} of the schema's {} values are not choices",
                        values.len(),
                        schema_enum.len()
                    ),
                    schema_at(name),
                );
            }
        }
    }
    for (name, prop) in properties {
        if fields.contains_key(name) || read_only(look_through(spec, prop)) || read_only(prop) {
            continue;
        }
        push(
            at(name, ""),
            Kind::FieldNotOnSchool,
            format!("the request body lists `{name}`; the school's OPTIONS does not describe it"),
            schema_at(name),
        );
    }
    out
}

/// A choice value as text (DRF sends `1` where the schema may say `"1"`).
pub(super) fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec() -> Spec {
        Spec::from_yaml(
            r##"
openapi: 3.0.3
paths:
  /v2/users/:
    post:
      operationId: user_create
      tags: [user]
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/UserCreate'}}}}
      responses: {'201': {description: ok}}
components:
  schemas:
    UserCreate:
      type: object
      required: [email]
      properties:
        id: {type: integer, readOnly: true}
        email: {type: string, maxLength: 254}
        gender: {allOf: [{$ref: '#/components/schemas/Gender'}]}
        age: {type: integer}
    Gender: {type: string, enum: [male, female]}
"##,
        )
        .unwrap()
    }

    fn answer(actions: Value) -> Answer {
        Answer {
            status: 200,
            allow: Some(vec!["GET".into(), "POST".into(), "OPTIONS".into()]),
            body: Body::Json(json!({"name": "User List", "actions": {"POST": actions}})),
        }
    }

    #[test]
    fn matching_fields_confirm() {
        let spec = spec();
        let a = answer(json!({
            "id": {"type": "integer", "required": false, "read_only": true},
            "email": {"type": "email", "required": true, "read_only": false, "max_length": 254},
            "gender": {"type": "choice", "required": false, "read_only": false,
                        "choices": [{"value": "male", "display_name": "M"}, {"value": "female", "display_name": "F"}]},
            "age": {"type": "integer", "required": false, "read_only": false}
        }));
        let v = compare(&spec.operations[0], &spec, &a, "s.yaml");
        assert_eq!(v.status, Status::Confirmed, "{v:?}");
    }

    #[test]
    fn differences_are_located() {
        let spec = spec();
        let a = answer(json!({
            "email": {"type": "email", "required": false, "read_only": false, "max_length": 100},
            "gender": {"type": "choice", "required": false, "read_only": false,
                        "choices": [{"value": "SECRETCHOICE", "display_name": "X"}]},
            "age": {"type": "string", "required": false, "read_only": false},
            "nickname": {"type": "string", "required": false, "read_only": false}
        }));
        let v = compare(&spec.operations[0], &spec, &a, "s.yaml");
        assert_eq!(v.status, Status::Drift);
        let got: Vec<(String, Kind)> = v
            .findings
            .iter()
            .map(|f| (f.pointer.clone(), f.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("/actions/POST/age/type".to_string(), Kind::TypeMismatch),
                (
                    "/actions/POST/email/required".to_string(),
                    Kind::RequiredMismatch
                ),
                (
                    "/actions/POST/email/max_length".to_string(),
                    Kind::MaxLengthMismatch
                ),
                (
                    "/actions/POST/gender/choices".to_string(),
                    Kind::ChoiceMismatch
                ),
                ("/actions/POST/nickname".to_string(), Kind::FieldNotInSchema),
            ]
        );
        assert!(!format!("{v:?}").contains("SECRETCHOICE"));
        let classes: Vec<(Kind, Class, serde_json::Value)> = v
            .findings
            .iter()
            .map(|f| (f.kind, f.class, serde_json::to_value(&f.patch).unwrap()))
            .collect();
        let user = "/components/schemas/UserCreate";
        assert_eq!(
            classes,
            [
                (Kind::TypeMismatch, Class::Drift, json!([])),
                (Kind::RequiredMismatch, Class::Refinement, json!([])),
                (
                    Kind::MaxLengthMismatch,
                    Class::Refinement,
                    json!([{"op": "replace", "path": format!("{user}/properties/email/maxLength"), "value": 100}])
                ),
                (Kind::ChoiceMismatch, Class::Refinement, json!([])),
                (
                    Kind::FieldNotInSchema,
                    Class::Refinement,
                    json!([{"op": "add", "path": format!("{user}/properties/nickname"),
                            "value": {"type": "string", "description": "Seen on a school by the probe; not yet described."}}])
                ),
            ]
        );
    }

    #[test]
    fn refinements_only_refine_and_carry_their_corrections() {
        let spec = spec();
        let a = answer(json!({
            "email": {"type": "email", "required": true, "read_only": false, "max_length": 254},
            "gender": {"type": "choice", "required": false, "read_only": false,
                        "choices": [{"value": "male"}, {"value": "female"}, {"value": "other"}]},
            "age": {"type": "integer", "required": false, "read_only": false},
            "code": {"type": "string", "required": true, "read_only": false, "max_length": 8}
        }));
        let v = compare(&spec.operations[0], &spec, &a, "s.yaml");
        assert_eq!(
            v.status,
            Status::Drift,
            "a required write field the schema lacks"
        );
        let code = v
            .findings
            .iter()
            .find(|f| f.pointer.ends_with("/code"))
            .unwrap();
        assert_eq!(
            serde_json::to_value(&code.patch).unwrap(),
            json!([
                {"op": "add", "path": "/components/schemas/UserCreate/properties/code",
                 "value": {"type": "string", "x-mindz-max-length": 8, "description": "Seen on a school by the probe; not yet described."}},
                {"op": "add", "path": "/components/schemas/UserCreate/required/-", "value": "code"}
            ])
        );
        let mut a = a;
        if let Body::Json(body) = &mut a.body {
            body["actions"]["POST"]
                .as_object_mut()
                .unwrap()
                .remove("code");
        }
        let v = compare(&spec.operations[0], &spec, &a, "s.yaml");
        assert_eq!(v.status, Status::Refine, "{v:?}");
        assert_eq!(
            serde_json::to_value(&v.findings[0].patch).unwrap(),
            json!([{"op": "add", "path": "/components/schemas/Gender/enum/-", "value": "other"}])
        );
    }

    #[test]
    fn allow_without_actions() {
        let spec = spec();
        let mut a = answer(json!({}));
        a.body = Body::Json(json!({"name": "x"}));
        assert_eq!(
            compare(&spec.operations[0], &spec, &a, "f").status,
            Status::Skipped
        );
        a.allow = Some(vec!["GET".into()]);
        assert_eq!(
            compare(&spec.operations[0], &spec, &a, "f").status,
            Status::Absent
        );
        a.allow = None;
        a.status = 405;
        let v = compare(&spec.operations[0], &spec, &a, "f");
        assert_eq!(v.status, Status::Skipped);
        assert!(v.basis.starts_with("unknown"), "{}", v.basis);
    }
}
