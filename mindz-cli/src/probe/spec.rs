//! The operations of `schema/mindz.yaml`, read as plain JSON: the probe does
//! not depend on the generated SDK types, which change with the schema.

use serde_json::Value;

/// One operation of the schema.
#[derive(Debug, Clone)]
pub struct Operation {
    /// `operationId`.
    pub id: String,
    /// Upper-case HTTP method.
    pub method: String,
    /// Path template, e.g. `/v2/users/{user_id}/`.
    pub path: String,
    /// JSON pointer of the operation in the schema.
    pub pointer: String,
    /// First tag (the resource), if any.
    pub tag: Option<String>,
    /// Whether the operation needs no credentials (`security: []`).
    pub public: bool,
    /// Path parameters, in the order they appear in the template.
    pub path_params: Vec<String>,
    /// Whether the operation takes a `limit` query parameter.
    pub takes_limit: bool,
    /// Required query parameters (the probe has no values for them).
    pub required_query: Vec<String>,
    /// Pointer of the schema of the success answer's JSON body.
    pub response_schema: Option<String>,
    /// Pointer of the schema of the JSON request body.
    pub request_schema: Option<String>,
}

impl Operation {
    /// Whether the probe may send this operation's own method.
    pub fn is_read(&self) -> bool {
        self.method == "GET"
    }
}

/// The schema: the document and its operations.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The whole document, as JSON.
    pub doc: Value,
    /// Every operation, in document order.
    pub operations: Vec<Operation>,
}

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "options", "head", "patch"];

/// Escapes one JSON pointer segment (RFC 6901).
pub fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

impl Spec {
    /// Parses the schema's YAML text.
    ///
    /// # Errors
    ///
    /// A message naming what is malformed.
    pub fn from_yaml(text: &str) -> Result<Spec, String> {
        let doc: Value = serde_yaml_ng::from_str(text)
            .map_err(|e| format!("the schema is not valid YAML: {e}"))?;
        // serde_json's maps are sorted; the YAML mapping keeps the document's order.
        let ordered: serde_yaml_ng::Value = serde_yaml_ng::from_str(text)
            .map_err(|e| format!("the schema is not valid YAML: {e}"))?;
        let paths = ordered
            .get("paths")
            .and_then(serde_yaml_ng::Value::as_mapping)
            .ok_or("the schema has no `paths` object")?;
        let global_security = doc.get("security").and_then(Value::as_array);
        let mut operations = Vec::new();
        for (path, methods) in paths {
            let (Some(path), Some(methods)) = (path.as_str(), methods.as_mapping()) else {
                continue;
            };
            let Some(item) = doc.pointer(&format!("/paths/{}", escape(path))) else {
                continue;
            };
            let path = &path.to_string();
            for method in methods.keys().filter_map(serde_yaml_ng::Value::as_str) {
                if !METHODS.contains(&method) {
                    continue;
                }
                let Some(op) = item.get(method) else { continue };
                let pointer = format!("/paths/{}/{method}", escape(path));
                let id = op
                    .get("operationId")
                    .and_then(Value::as_str)
                    .ok_or_else(|| format!("#{pointer} has no operationId"))?
                    .to_string();
                let security = op
                    .get("security")
                    .and_then(Value::as_array)
                    .or(global_security);
                let public = security.is_none_or(|s| s.is_empty());
                let mut params: Vec<&Value> = Vec::new();
                for list in [item.get("parameters"), op.get("parameters")] {
                    params.extend(list.and_then(Value::as_array).into_iter().flatten());
                }
                let params: Vec<&Value> = params
                    .into_iter()
                    .map(|p| deref(&doc, p))
                    .filter(|p| p.get("in").and_then(Value::as_str) == Some("query"))
                    .collect();
                let name = |p: &Value| p.get("name").and_then(Value::as_str).map(str::to_string);
                let takes_limit = params.iter().any(|p| name(p).as_deref() == Some("limit"));
                let required_query = params
                    .iter()
                    .filter(|p| p.get("required").and_then(Value::as_bool) == Some(true))
                    .filter_map(|p| name(p))
                    .collect();
                operations.push(Operation {
                    id,
                    method: method.to_ascii_uppercase(),
                    path: path.clone(),
                    tag: op
                        .pointer("/tags/0")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                    public,
                    path_params: template_params(path),
                    takes_limit,
                    required_query,
                    response_schema: response_schema(&doc, &pointer),
                    request_schema: media_schema(&doc, &format!("{pointer}/requestBody")),
                    pointer,
                });
            }
        }
        Ok(Spec { doc, operations })
    }

    /// Reads and parses the schema file.
    ///
    /// # Errors
    ///
    /// The file cannot be read or parsed.
    pub fn load(path: &std::path::Path) -> Result<Spec, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Spec::from_yaml(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The node at `pointer`, following `$ref`s.
    pub fn resolve(&self, pointer: &str) -> Option<&Value> {
        self.doc.pointer(pointer).map(|v| deref(&self.doc, v))
    }
}

/// Follows local `$ref`s (at most 16) from `value`.
pub fn deref<'a>(doc: &'a Value, mut value: &'a Value) -> &'a Value {
    for _ in 0..16 {
        match value.get("$ref").and_then(Value::as_str) {
            Some(r) => match r.strip_prefix('#').and_then(|p| doc.pointer(p)) {
                Some(target) => value = target,
                None => return value,
            },
            None => return value,
        }
    }
    value
}

/// The pointer a local `$ref` chain starting at `pointer` ends on.
pub fn final_pointer(doc: &Value, pointer: &str) -> String {
    let mut pointer = pointer.to_string();
    for _ in 0..16 {
        match doc
            .pointer(&pointer)
            .and_then(|v| v.get("$ref"))
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix('#'))
        {
            Some(next) if doc.pointer(next).is_some() => pointer = next.to_string(),
            _ => break,
        }
    }
    pointer
}

/// `{a}` names of a path template.
pub fn template_params(path: &str) -> Vec<String> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

/// The JSON body schema of the first 2xx answer of the operation at `op`.
fn response_schema(doc: &Value, op: &str) -> Option<String> {
    let responses = doc.pointer(&format!("{op}/responses"))?.as_object()?;
    let code = responses
        .keys()
        .filter(|c| c.starts_with('2') && c.len() == 3 && *c != "204")
        .min()?;
    media_schema(doc, &format!("{op}/responses/{}", escape(code)))
}

/// The `application/json` schema of the response or request body at `at`.
fn media_schema(doc: &Value, at: &str) -> Option<String> {
    let body = final_pointer(doc, at);
    let content = doc.pointer(&format!("{body}/content"))?.as_object()?;
    let media = content
        .keys()
        .find(|m| m.starts_with("application/json"))
        .or_else(|| content.keys().find(|m| m.ends_with("+json")))?;
    let schema = format!("{body}/content/{}/schema", escape(media));
    doc.pointer(&schema)?;
    Some(final_pointer(doc, &schema))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_operations() {
        let spec = Spec::from_yaml(
            r##"
openapi: 3.0.3
security: [{oauth2: []}]
paths:
  /v2/users/{user_id}/:
    parameters: [{$ref: '#/components/parameters/UserId'}]
    get:
      operationId: user_get
      tags: [user]
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}}
  /public/v1/stats/:
    get:
      operationId: stats
      security: []
      responses: {'200': {$ref: '#/components/responses/Stats'}}
components:
  parameters:
    UserId: {name: user_id, in: path, required: true, schema: {type: integer}}
  responses:
    Stats: {description: ok, content: {application/json: {schema: {type: object}}}}
  schemas:
    User: {type: object}
"##,
        )
        .unwrap();
        let [user, stats] = &spec.operations[..] else {
            panic!("two operations")
        };
        assert_eq!(user.path_params, ["user_id"]);
        assert!(!user.public);
        assert_eq!(
            user.response_schema.as_deref(),
            Some("/components/schemas/User")
        );
        assert!(stats.public);
        assert_eq!(
            stats.response_schema.as_deref(),
            Some("/components/responses/Stats/content/application~1json/schema")
        );
    }
}
