//! Schema lint: finds what progenitor 0.15 rejects or panics on, plus our
//! house rules, before the generator ever sees the schema.
//!
//! The lint works on the raw [`serde_json::Value`] so that it can report
//! wrongly typed input (which would stop a typed parse at the first problem)
//! and never panics. Each problem is a [`Diagnostic`] with an RFC 6901 JSON
//! pointer.
//!
//! Diagnostics come in a fixed order: the `openapi` version and a missing
//! `paths` first, then the top-level keys in key order (serde_json's map
//! order, which is sorted unless its `preserve_order` feature is on). Inside
//! `paths`, each path (in key order) reports its own problems and its
//! references outside operations, then its operations in the order get, put,
//! post, delete, options, head, patch, trace; each operation reports
//! operationId, tags, description, parameters, request body and responses
//! problems, then its unresolved references. A problem in a shared component
//! reached from several operations is reported once.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde_json::{Map, Value};

use crate::load::METHODS;

/// One problem found in the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// RFC 6901 JSON pointer to the offending place, e.g.
    /// `/paths/~1v2~1users~1/get/operationId`.
    pub pointer: String,
    /// What is wrong and what is expected, as one lower-case sentence.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

/// Lints an OpenAPI document; an empty result means the schema is clean.
pub fn lint(doc: &Value) -> Vec<Diagnostic> {
    let mut linter = Linter {
        doc,
        out: Vec::new(),
        seen: HashSet::new(),
        operation_ids: HashMap::new(),
        declared_tags: None,
    };
    linter.document();
    linter.out
}

const SNAKE_CASE: &str = "^[a-z][a-z0-9]*(_[a-z0-9]+)*$";

static NULL: Value = Value::Null;

struct Linter<'a> {
    doc: &'a Value,
    out: Vec<Diagnostic>,
    /// Display strings already reported (shared components are reached
    /// from several operations).
    seen: HashSet<String>,
    /// operationId -> pointer of its first use.
    operation_ids: HashMap<String, String>,
    /// Names in the top-level `tags` list, if there is such a list.
    declared_tags: Option<Vec<String>>,
}

impl<'a> Linter<'a> {
    fn push(&mut self, pointer: &str, message: String) {
        let diagnostic = Diagnostic {
            pointer: pointer.to_string(),
            message,
        };
        if self.seen.insert(diagnostic.to_string()) {
            self.out.push(diagnostic);
        }
    }

    /// Rule 1, the top-level shape, then everything in key order.
    fn document(&mut self) {
        let doc = self.doc;
        let Some(root) = doc.as_object() else {
            self.push(
                "/openapi",
                format!(
                    "document is {}, expected an object with an openapi 3.0.x version",
                    kind(doc)
                ),
            );
            return;
        };
        match root.get("openapi") {
            None => self.push(
                "/openapi",
                "openapi version is missing, expected a string 3.0.x such as \"3.0.3\"".into(),
            ),
            Some(Value::String(v)) if v.trim().starts_with("3.0.") => {}
            Some(Value::String(v)) => self.push(
                "/openapi",
                format!("openapi version \"{v}\" is not supported by progenitor, expected 3.0.x"),
            ),
            Some(other) => self.push(
                "/openapi",
                format!(
                    "openapi version is {}, expected a string 3.0.x such as \"3.0.3\"",
                    kind(other)
                ),
            ),
        }
        if !root.contains_key("paths") {
            self.push(
                "/paths",
                "paths is missing, expected an object keyed by path".into(),
            );
        }
        self.declared_tags = root.get("tags").and_then(Value::as_array).map(|tags| {
            tags.iter()
                .filter_map(|t| t.get("name").and_then(Value::as_str))
                .map(str::to_string)
                .collect()
        });
        for (key, value) in root {
            let pointer = child("", key);
            match key.as_str() {
                "paths" => self.paths(value),
                "tags" => {
                    self.top_level_tags(value);
                    self.refs(&pointer, value, &[]);
                }
                _ => self.refs(&pointer, value, &[]),
            }
            self.secret_properties(&pointer, value);
        }
    }

    /// Rule 17: money is a decimal string (`type: string, format: decimal`,
    /// as drf-spectacular describes a `DecimalField`), never a binary float.
    fn money_property(&mut self, pointer: &str, name: &str, prop: &Value) {
        let kind = prop.get("type").and_then(Value::as_str);
        let format = prop.get("format").and_then(Value::as_str);
        if format == Some("decimal") && kind != Some("string") {
            self.push(
                pointer,
                format!(
                    "property \"{name}\" has format decimal but type {}, expected type: string (decimals travel as strings)",
                    kind.unwrap_or("none")
                ),
            );
        } else if kind == Some("number") && looks_like_money(name) {
            self.push(
                pointer,
                format!(
                    "property \"{name}\" looks like money but is a number, expected type: string, format: decimal"
                ),
            );
        }
    }

    /// Rule 18: a string's length limit is `x-mindz-max-length`, which
    /// keeps the field a `String`: typify turns `maxLength` on a string into
    /// a newtype, a breaking change for every user of the field. A newtype
    /// the SDK already has is kept on purpose with `x-mindz-newtype: true`.
    fn length_property(&mut self, pointer: &str, name: &str, prop: &Value) {
        let string = prop.get("type").and_then(Value::as_str) == Some("string")
            && prop.get("format").and_then(Value::as_str) != Some("decimal");
        let kept = prop.get("x-mindz-newtype").and_then(Value::as_bool) == Some(true);
        if string && prop.get("maxLength").is_some() && !kept {
            self.push(
                &child(pointer, "maxLength"),
                format!(
                    "property \"{name}\" has maxLength, which makes typify generate a newtype (breaking every user of the field); record the limit as x-mindz-max-length, or add x-mindz-newtype: true to keep a newtype on purpose"
                ),
            );
        }
    }

    /// Rule 16: a property named like a password or a secret is marked
    /// `format: password`, which makes the SDK print it as `***`.
    fn secret_properties(&mut self, pointer: &str, value: &'a Value) {
        match value {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    let props_pointer = child(pointer, "properties");
                    for (name, prop) in props {
                        self.money_property(&child(&props_pointer, name), name, prop);
                        self.length_property(&child(&props_pointer, name), name, prop);
                        if !looks_secret(name) {
                            continue;
                        }
                        let target = self
                            .resolve(&child(&props_pointer, name), prop)
                            .map(|(_, v)| v);
                        let format = target.and_then(|v| v.get("format")).and_then(Value::as_str);
                        if format != Some("password") {
                            let found = match format {
                                Some(f) => format!("format {f}"),
                                None => "no format".to_string(),
                            };
                            self.push(
                                &child(&props_pointer, name),
                                format!(
                                    "property \"{name}\" looks like a secret but has {found}, expected format: password so that the SDK never prints it"
                                ),
                            );
                        }
                    }
                }
                for (key, inner) in map {
                    self.secret_properties(&child(pointer, key), inner);
                }
            }
            Value::Array(list) => {
                for (i, inner) in list.iter().enumerate() {
                    self.secret_properties(&child(pointer, &i.to_string()), inner);
                }
            }
            _ => {}
        }
    }

    fn top_level_tags(&mut self, tags: &Value) {
        let Some(list) = tags.as_array() else {
            self.push(
                "/tags",
                format!(
                    "top-level tags is {}, expected a list of tag objects",
                    kind(tags)
                ),
            );
            return;
        };
        for (i, tag) in list.iter().enumerate() {
            if tag.get("name").and_then(Value::as_str).is_none() {
                self.push(
                    &format!("/tags/{i}"),
                    format!(
                        "tag entry is {}, expected an object with a string name",
                        kind(tag)
                    ),
                );
            }
        }
    }

    /// Rules 9 and 13, path-level parameters, then each operation.
    fn paths(&mut self, paths: &'a Value) {
        let Some(paths) = paths.as_object() else {
            self.push(
                "/paths",
                format!("paths is {}, expected an object keyed by path", kind(paths)),
            );
            return;
        };
        for (path, item_value) in paths {
            let pointer = child("/paths", path);
            if !path.ends_with('/') {
                self.push(
                    &pointer,
                    format!("path \"{path}\" does not end with \"/\", expected a trailing slash"),
                );
            }
            let Some(item) = item_value.as_object() else {
                self.push(
                    &pointer,
                    format!(
                        "path item is {}, expected an object of operations",
                        kind(item_value)
                    ),
                );
                continue;
            };
            if item.contains_key("$ref") {
                self.push(
                    &child(&pointer, "$ref"),
                    "path item is a $ref, which progenitor does not support, expected the operations written inline".into(),
                );
            }
            if let Some(params) = item.get("parameters") {
                self.parameters(&child(&pointer, "parameters"), params);
            }
            self.refs(&pointer, item_value, &METHODS);
            for method in METHODS {
                if let Some(operation) = item.get(method) {
                    let op_pointer = child(&pointer, method);
                    self.operation(&op_pointer, operation);
                    self.refs(&op_pointer, operation, &[]);
                }
            }
        }
    }

    fn operation(&mut self, pointer: &str, operation: &'a Value) {
        let Some(op) = operation.as_object() else {
            self.push(
                pointer,
                format!("operation is {}, expected an object", kind(operation)),
            );
            return;
        };
        self.operation_id(pointer, op);
        self.tags(pointer, op);
        self.description(pointer, op);
        if let Some(params) = op.get("parameters") {
            self.parameters(&child(pointer, "parameters"), params);
        }
        if let Some(body) = op.get("requestBody") {
            self.request_body(&child(pointer, "requestBody"), body);
        }
        self.responses(pointer, op);
    }

    /// Rules 2, 3 and 11.
    fn operation_id(&mut self, pointer: &str, op: &Map<String, Value>) {
        let id_pointer = child(pointer, "operationId");
        let id = match op.get("operationId") {
            None => {
                return self.push(
                    pointer,
                    "operation has no operationId, expected a unique snake_case operationId".into(),
                );
            }
            Some(Value::String(id)) => id,
            Some(other) => {
                return self.push(
                    &id_pointer,
                    format!(
                        "operationId is {}, expected a unique snake_case string",
                        kind(other)
                    ),
                );
            }
        };
        match self.operation_ids.get(id) {
            Some(first) => {
                let message = format!(
                    "operationId \"{id}\" is already used at {first}, expected a unique operationId"
                );
                self.push(&id_pointer, message);
            }
            None => {
                self.operation_ids.insert(id.clone(), id_pointer.clone());
            }
        }
        if !is_snake_case(id) {
            self.push(
                &id_pointer,
                format!(
                    "operationId \"{id}\" is not snake_case, expected a name matching {SNAKE_CASE}"
                ),
            );
        }
    }

    /// Rule 12.
    fn tags(&mut self, pointer: &str, op: &Map<String, Value>) {
        let tags_pointer = child(pointer, "tags");
        let list = match op.get("tags") {
            Some(Value::Array(list)) if !list.is_empty() => list,
            None | Some(Value::Array(_)) => {
                return self.push(
                    &tags_pointer,
                    "operation has no tags, expected at least one tag".into(),
                );
            }
            Some(other) => {
                return self.push(
                    &tags_pointer,
                    format!("tags is {}, expected a list of tag names", kind(other)),
                );
            }
        };
        for (i, tag) in list.iter().enumerate() {
            let Some(name) = tag.as_str() else {
                self.push(
                    &child(&tags_pointer, &i.to_string()),
                    format!("tag is {}, expected a tag name string", kind(tag)),
                );
                continue;
            };
            if let Some(declared) = &self.declared_tags
                && !declared.iter().any(|d| d == name)
            {
                let message = format!(
                    "tag \"{name}\" is not declared in the top-level tags, expected one of the declared tags ({})",
                    declared.join(", ")
                );
                self.push(&tags_pointer, message);
            }
        }
    }

    /// Rule 14.
    fn description(&mut self, pointer: &str, op: &Map<String, Value>) {
        match op.get("description") {
            Some(Value::String(text)) if !text.trim().is_empty() => {}
            Some(Value::String(_)) => self.push(
                pointer,
                "operation has an empty description, expected a non-empty description".into(),
            ),
            None => self.push(
                pointer,
                "operation has no description, expected a non-empty description".into(),
            ),
            Some(other) => self.push(
                &child(pointer, "description"),
                format!(
                    "description is {}, expected a non-empty string",
                    kind(other)
                ),
            ),
        }
    }

    /// Rule 8; `pointer` is the `parameters` list.
    fn parameters(&mut self, pointer: &str, params: &'a Value) {
        let Some(list) = params.as_array() else {
            self.push(
                pointer,
                format!(
                    "parameters is {}, expected a list of parameter objects",
                    kind(params)
                ),
            );
            return;
        };
        for (i, param) in list.iter().enumerate() {
            let param_pointer = child(pointer, &i.to_string());
            // An unresolved reference is reported by `refs`.
            let Some((_, param)) = self.resolve(&param_pointer, param) else {
                continue;
            };
            let Some(param) = param.as_object() else {
                self.push(
                    &param_pointer,
                    format!("parameter is {}, expected a parameter object", kind(param)),
                );
                continue;
            };
            if param.get("in").and_then(Value::as_str) == Some("cookie") {
                let name = param.get("name").and_then(Value::as_str).unwrap_or("");
                self.push(
                    &param_pointer,
                    format!(
                        "cookie parameter \"{name}\" is not supported by progenitor, expected a path, query or header parameter"
                    ),
                );
            }
            self.options_parameter(&param_pointer, param);
        }
    }

    /// Every generated builder has `.options(CallOptions)`: a parameter of
    /// that name would collide with it.
    fn options_parameter(&mut self, pointer: &str, param: &Map<String, Value>) {
        let name = param.get("name").and_then(Value::as_str).unwrap_or("");
        if name.trim_matches('_').eq_ignore_ascii_case("options") {
            self.push(
                pointer,
                format!(
                    "parameter \"{name}\" would collide with the `.options(CallOptions)` every builder has, expected another name"
                ),
            );
        }
    }

    /// Rule 7; `pointer` is the operation's `requestBody`.
    fn request_body(&mut self, pointer: &str, body: &'a Value) {
        let Some((pointer, body)) = self.resolve(pointer, body) else {
            return;
        };
        let Some(body) = body.as_object() else {
            self.push(
                &pointer,
                format!(
                    "requestBody is {}, expected an object with content",
                    kind(body)
                ),
            );
            return;
        };
        let Some(content) = self.content(&pointer, body) else {
            return;
        };
        let content_pointer = child(&pointer, "content");
        for media_type in content.keys() {
            let message = match essence(media_type).as_str() {
                "application/json" => continue,
                "multipart/form-data" => format!(
                    "request body media type \"{media_type}\" is multipart, which progenitor does not support, expected application/json"
                ),
                _ => format!(
                    "request body media type \"{media_type}\" is not supported, expected application/json"
                ),
            };
            self.push(&child(&content_pointer, media_type), message);
        }
    }

    /// The `content` map of a request body or response, if it is one.
    fn content(
        &mut self,
        pointer: &str,
        owner: &'a Map<String, Value>,
    ) -> Option<&'a Map<String, Value>> {
        let content = owner.get("content")?;
        if content.as_object().is_none() {
            self.push(
                &child(pointer, "content"),
                format!(
                    "content is {}, expected an object keyed by media type",
                    kind(content)
                ),
            );
        }
        content.as_object()
    }

    /// Rules 15, 6, 4 and 5, in that order.
    fn responses(&mut self, pointer: &str, op: &'a Map<String, Value>) {
        let responses_pointer = child(pointer, "responses");
        let responses = match op.get("responses") {
            Some(Value::Object(map)) if !map.is_empty() => map,
            None | Some(Value::Object(_)) => {
                return self.push(
                    pointer,
                    "operation has no responses, expected at least one response".into(),
                );
            }
            Some(other) => {
                return self.push(
                    &responses_pointer,
                    format!(
                        "responses is {}, expected an object keyed by status code",
                        kind(other)
                    ),
                );
            }
        };
        // (status, body schema or None for no body)
        let mut success: Vec<(&str, Option<&Value>)> = Vec::new();
        let mut errors: Vec<(&str, Option<&Value>)> = Vec::new();
        for (status, response) in responses {
            if status.starts_with("x-") {
                continue;
            }
            let response_pointer = child(&responses_pointer, status);
            let Some(class) = status_class(status) else {
                self.push(
                    &response_pointer,
                    format!(
                        "response status \"{status}\" is not valid, expected default, a three-digit code or a range such as 4XX"
                    ),
                );
                continue;
            };
            let Some((target, response)) = self.resolve(&response_pointer, response) else {
                continue;
            };
            let Some(response) = response.as_object() else {
                self.push(
                    &target,
                    format!("response is {}, expected a response object", kind(response)),
                );
                continue;
            };
            let body = self.content(&target, response).and_then(body_schema);
            if class == 'd' {
                // progenitor counts `default` as a success response and
                // panics when it sits beside a 2XX body.
                self.push(
                    &response_pointer,
                    "default response is not supported, since progenitor treats it as a success, expected 4XX and 5XX error responses".into(),
                );
                continue;
            }
            match class {
                '2' => success.push((status, body)),
                '4' | '5' | 'd' => errors.push((status, body)),
                _ => {}
            }
        }
        self.success_bodies(&responses_pointer, &success);
        let distinct_errors = distinct(errors.iter().map(|(_, body)| *body));
        if distinct_errors > 1 {
            self.push(
                &responses_pointer,
                format!(
                    "operation has {distinct_errors} different error response bodies ({}), expected one error schema shared by every 4XX and 5XX response",
                    codes(&errors)
                ),
            );
        }
    }

    /// Rules 6 and 4 over the 2XX responses.
    fn success_bodies(&mut self, pointer: &str, success: &[(&str, Option<&Value>)]) {
        let with_body: Vec<_> = success
            .iter()
            .filter(|(_, b)| b.is_some())
            .copied()
            .collect();
        if !with_body.is_empty() && success.iter().any(|(status, _)| *status == "204") {
            self.push(
                pointer,
                format!(
                    "operation has a 204 response beside success responses with a body ({}), expected either no body or no 204",
                    codes(&with_body)
                ),
            );
        }
        let others: Vec<_> = success
            .iter()
            .filter(|(s, _)| *s != "204")
            .copied()
            .collect();
        if with_body.len() > 1 {
            self.push(
                pointer,
                format!(
                    "operation has {} success responses with a body ({}), expected at most one",
                    with_body.len(),
                    codes(&with_body)
                ),
            );
        } else if distinct(others.iter().map(|(_, body)| *body)) > 1 {
            self.push(
                pointer,
                format!(
                    "operation has success responses with and without a body ({}), expected every success response to have the same body",
                    codes(&others)
                ),
            );
        }
    }

    /// Rule 10: every `$ref` under `value` must resolve inside the document.
    /// Keys of `value` itself listed in `skip` are not entered.
    fn refs(&mut self, pointer: &str, value: &Value, skip: &[&str]) {
        match value {
            Value::Object(map) => {
                if let Some(reference) = map.get("$ref") {
                    self.check_ref(&child(pointer, "$ref"), reference);
                }
                for (key, inner) in map {
                    if !skip.contains(&key.as_str()) {
                        self.refs(&child(pointer, key), inner, &[]);
                    }
                }
            }
            Value::Array(list) => {
                for (i, inner) in list.iter().enumerate() {
                    self.refs(&child(pointer, &i.to_string()), inner, &[]);
                }
            }
            _ => {}
        }
    }

    fn check_ref(&mut self, pointer: &str, reference: &Value) {
        let message = match reference {
            Value::String(r) if r.starts_with('#') => {
                if r.strip_prefix('#')
                    .and_then(|p| self.doc.pointer(p))
                    .is_some()
                {
                    return;
                }
                format!(
                    "reference \"{r}\" does not resolve inside the document, expected a local reference to an existing location"
                )
            }
            Value::String(r) => format!(
                "reference \"{r}\" is external, expected a local reference starting with #/"
            ),
            other => format!(
                "$ref is {}, expected a local reference string such as \"#/components/schemas/Name\"",
                kind(other)
            ),
        };
        self.push(pointer, message);
    }

    /// Follows local `$ref`s from `value` (found at `pointer`); returns the
    /// target and its pointer, or `None` if a reference does not resolve.
    fn resolve(&self, pointer: &str, value: &'a Value) -> Option<(String, &'a Value)> {
        let mut pointer = pointer.to_string();
        let mut value = value;
        // A bound, so that reference cycles end.
        for _ in 0..16 {
            let Some(reference) = value.get("$ref") else {
                return Some((pointer, value));
            };
            let target = reference.as_str()?.strip_prefix('#')?;
            value = self.doc.pointer(target)?;
            pointer = target.to_string();
        }
        None
    }
}

/// `pointer` extended by one (escaped) reference token.
fn child(pointer: &str, token: &str) -> String {
    format!("{pointer}/{}", crate::load::pointer_token(token))
}

/// How a JSON value's type is named in messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Whether a property name reads like a password or a secret
/// (`password`, `new_passwd`, `client_secret`, `secretKey`).
fn looks_secret(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["password", "passwd", "secret"]
        .iter()
        .any(|word| lower.contains(word))
}

/// Whether a property name reads like an amount of money.
fn looks_like_money(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [
        "price", "amount", "fee", "total", "discount", "cost", "balance",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

fn is_snake_case(id: &str) -> bool {
    let mut words = id.split('_');
    let first_ok = id.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    first_ok
        && words.all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// A media type without parameters, lower-cased.
fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// `'1'`..`'9'` for a status code or range, `'d'` for `default`, `None` if
/// the key is not a status.
fn status_class(status: &str) -> Option<char> {
    if status == "default" {
        return Some('d');
    }
    let bytes = status.as_bytes();
    let [first @ b'1'..=b'9', rest @ ..] = bytes else {
        return None;
    };
    let code = rest.len() == 2 && rest.iter().all(u8::is_ascii_digit);
    let range = rest == b"XX" && *first <= b'5';
    (code || range).then_some(char::from(*first))
}

/// The body schema of a response `content`: the `application/json` media
/// type's schema if there is one, else the first media type's; `None` for
/// an empty content.
fn body_schema(content: &Map<String, Value>) -> Option<&Value> {
    let (_, media) = content
        .iter()
        .find(|(media_type, _)| essence(media_type) == "application/json")
        .or_else(|| content.iter().next())?;
    Some(media.get("schema").unwrap_or(&NULL))
}

/// How many different values there are (small lists, so quadratic is fine).
fn distinct<'v>(values: impl Iterator<Item = Option<&'v Value>>) -> usize {
    let mut seen: Vec<Option<&Value>> = Vec::new();
    for value in values {
        if !seen.contains(&value) {
            seen.push(value);
        }
    }
    seen.len()
}

fn codes(responses: &[(&str, Option<&Value>)]) -> String {
    let list: Vec<&str> = responses.iter().map(|(status, _)| *status).collect();
    list.join(", ")
}
