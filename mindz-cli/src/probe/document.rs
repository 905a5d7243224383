//! The school's own API description: the probe tries the machine-readable
//! forms that Django API-doc packages serve under `/api/v2/doc/` (drf-yasg's
//! `?format=openapi` and `swagger.json`, drf-spectacular's schema views),
//! and diffs the first OpenAPI or Swagger document it gets with the schema:
//! operations both ways, and the fields of matching operations' bodies.

use std::collections::BTreeSet;

use serde_json::Value;

use super::report::{Class, Finding, Kind};
use super::spec::{Spec, escape, final_pointer};

/// Where to look, relative to the API base URL: (path, query).
pub const CANDIDATES: [(&str, &str); 8] = [
    ("/v2/doc/", "format=openapi"),
    ("/v2/doc/swagger.json", ""),
    ("/v2/doc/openapi.json", ""),
    ("/v2/doc/schema/", ""),
    ("/v2/doc/", "format=json"),
    ("/v2/schema/", ""),
    ("/v2/doc/swagger.yaml", ""),
    ("/schema/", ""),
];

/// Whether `doc` is an OpenAPI 3 or Swagger 2 document.
pub fn is_api_document(doc: &Value) -> bool {
    (doc.get("openapi").is_some() || doc.get("swagger").is_some())
        && doc.get("paths").is_some_and(Value::is_object)
}

/// `(METHOD, normalised path)`: `/api` prefix and parameter names dropped.
fn key(method: &str, path: &str) -> (String, String) {
    let path = path
        .strip_prefix("/api")
        .filter(|p| p.starts_with('/'))
        .unwrap_or(path);
    let mut norm = String::new();
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '{' => {
                depth += 1;
                if depth == 1 {
                    norm.push_str("{}");
                }
            }
            '}' => depth -= 1,
            c if depth == 0 => norm.push(c),
            _ => {}
        }
    }
    if !norm.ends_with('/') {
        norm.push('/');
    }
    (method.to_ascii_uppercase(), norm)
}

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// One operation of a document: key, pointer in that document.
fn operations(doc: &Value) -> Vec<((String, String), String, String)> {
    let mut out = Vec::new();
    for (path, item) in doc
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        for method in METHODS {
            if item.get(method).is_some() {
                out.push((
                    key(method, path),
                    format!("/paths/{}/{method}", escape(path)),
                    path.clone(),
                ));
            }
        }
    }
    out
}

/// The pointer of a body schema's `properties` (of the records, for a
/// paginated list) and the property names.
fn field_names(doc: &Value, schema: &str) -> Option<(String, BTreeSet<String>)> {
    let mut at = final_pointer(doc, schema);
    for items in ["/properties/results/items", "/items"] {
        if doc.pointer(&format!("{at}{items}")).is_some() {
            at = final_pointer(doc, &format!("{at}{items}"));
            break;
        }
    }
    let props = doc.pointer(&format!("{at}/properties"))?.as_object()?;
    Some((format!("{at}/properties"), props.keys().cloned().collect()))
}

/// The pointer of the JSON schema of an operation's success answer
/// (OpenAPI 3 or Swagger 2).
fn response_body(doc: &Value, op: &str) -> Option<String> {
    let responses = doc.pointer(&format!("{op}/responses"))?.as_object()?;
    let code = responses
        .keys()
        .filter(|c| c.starts_with('2') && *c != "204")
        .min()?;
    let response = final_pointer(doc, &format!("{op}/responses/{}", escape(code)));
    [
        format!("{response}/schema"),
        format!("{response}/content/application~1json/schema"),
    ]
    .into_iter()
    .find(|p| doc.pointer(p).is_some())
}

/// The pointer of the JSON schema of an operation's request body.
fn request_body(doc: &Value, op: &str) -> Option<String> {
    if doc.pointer(&format!("{op}/requestBody")).is_some() {
        let body = final_pointer(doc, &format!("{op}/requestBody"));
        let schema = format!("{body}/content/application~1json/schema");
        return doc.pointer(&schema).is_some().then_some(schema);
    }
    let params = doc.pointer(&format!("{op}/parameters"))?.as_array()?;
    (0..params.len())
        .map(|i| final_pointer(doc, &format!("{op}/parameters/{i}")))
        .find(|p| doc.pointer(&format!("{p}/in")).and_then(Value::as_str) == Some("body"))
        .map(|p| format!("{p}/schema"))
}

/// The diff: findings about the school's document itself (operations the
/// schema lacks), and findings per operation id of the schema.
pub fn diff(spec: &Spec, theirs: &Value, file: &str) -> (Vec<Finding>, Vec<(String, Finding)>) {
    let ours: Vec<_> = spec
        .operations
        .iter()
        .map(|op| (key(&op.method, &op.path), op))
        .collect();
    let their_ops = operations(theirs);
    let mut document = Vec::new();
    let mut per_op = Vec::new();
    for (k, pointer, path) in &their_ops {
        if !ours.iter().any(|(o, _)| o == k) {
            document.push(Finding {
                pointer: pointer.clone(),
                kind: Kind::OperationNotInSchema,
                detail: format!("the school documents {} {path}; the schema does not", k.0),
                schema_pointer: Some(format!("{file}#/paths")),
                class: Class::Drift,
                patch: Vec::new(),
            });
        }
    }
    for (k, op) in &ours {
        let Some((_, their_pointer, _)) = their_ops.iter().find(|(t, _, _)| t == k) else {
            per_op.push((
                op.id.clone(),
                Finding {
                    pointer: "/paths".into(),
                    kind: Kind::OperationNotInSchoolDocument,
                    detail: format!("the school's document has no {} {}", op.method, op.path),
                    schema_pointer: Some(format!("{file}#{}", op.pointer)),
                    class: Class::Drift,
                    patch: Vec::new(),
                },
            ));
            continue;
        };
        let bodies = [
            (
                "response",
                response_body(theirs, their_pointer),
                op.response_schema.as_deref(),
            ),
            (
                "request",
                request_body(theirs, their_pointer),
                op.request_schema.as_deref(),
            ),
        ];
        for (what, their_schema, our_schema) in bodies {
            let (Some(their_schema), Some(our_schema)) = (their_schema, our_schema) else {
                continue;
            };
            let (Some((t_at, t)), Some((o_at, o))) = (
                field_names(theirs, &their_schema),
                field_names(&spec.doc, our_schema),
            ) else {
                continue;
            };
            for name in t.difference(&o) {
                per_op.push((
                    op.id.clone(),
                    Finding {
                        pointer: format!("{t_at}/{}", escape(name)),
                        kind: Kind::FieldNotInSchema,
                        detail: format!(
                            "the school's document lists {what} field `{name}`; the schema does not"
                        ),
                        schema_pointer: Some(format!("{file}#{o_at}")),
                        class: Class::Drift,
                        patch: Vec::new(),
                    },
                ));
            }
            for name in o.difference(&t) {
                per_op.push((
                    op.id.clone(),
                    Finding {
                        pointer: t_at.clone(),
                        kind: Kind::FieldNotOnSchool,
                        detail: format!(
                            "the schema lists {what} field `{name}`; the school's document does not"
                        ),
                        schema_pointer: Some(format!("{file}#{o_at}/{}", escape(name))),
                        class: Class::Drift,
                        patch: Vec::new(),
                    },
                ));
            }
        }
    }
    (document, per_op)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_prefix_and_parameter_names() {
        assert_eq!(
            key("get", "/api/v2/users/{id}/"),
            key("GET", "/v2/users/{user_id}/")
        );
        assert_eq!(
            key("get", "/v2/users"),
            ("GET".to_string(), "/v2/users/".to_string())
        );
    }

    #[test]
    fn diffs_both_ways() {
        let spec = Spec::from_yaml(
            r##"
openapi: 3.0.3
paths:
  /v2/users/{user_id}/:
    get:
      operationId: user_get
      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}}}
  /v2/teams/:
    get:
      operationId: team_list
      responses: {'200': {description: ok}}
components:
  schemas:
    User: {type: object, properties: {id: {type: integer}, email: {type: string}}}
"##,
        )
        .unwrap();
        let theirs = serde_json::json!({
            "swagger": "2.0",
            "paths": {
                "/v2/users/{id}/": {"get": {"responses": {"200": {"schema": {"$ref": "#/definitions/User"}}}}},
                "/v2/extra/": {"get": {"responses": {}}}
            },
            "definitions": {"User": {"properties": {"id": {}, "nickname": {}}}}
        });
        let (document, per_op) = diff(&spec, &theirs, "s.yaml");
        assert_eq!(document.len(), 1);
        assert_eq!(document[0].pointer, "/paths/~1v2~1extra~1/get");
        let kinds: Vec<(&str, Kind)> = per_op.iter().map(|(id, f)| (id.as_str(), f.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("user_get", Kind::FieldNotInSchema),
                ("user_get", Kind::FieldNotOnSchool),
                ("team_list", Kind::OperationNotInSchoolDocument),
            ]
        );
    }
}
