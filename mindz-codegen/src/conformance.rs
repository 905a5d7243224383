//! The per-operation calls of the conformance driver
//! (`tests/src/conformance/calls.rs`), generated from the schema.
//!
//! For every operation the driver needs one typed SDK call with valid inputs:
//! each path parameter, each query parameter (list operations get `limit`,
//! `offset`, `ordering` and `search`), and a request body that holds every
//! writable field of its schema. The values come from the schema itself
//! ([`example`]): formats (`email`, `date-time`, `date`, `uri`, ...), the
//! first value of an enum, strings exactly `maxLength` long, integers inside
//! `minimum`/`maximum`, the parameter's `default` when it has one.
//!
//! Bodies are written as JSON text and decoded into the SDK's body type by the
//! driver, so a body type that cannot hold a valid request fails there, while
//! parameters are typed Rust literals (`1_i64`, `"..."`,
//! `types::UserOrdering::Id`), so a parameter type the generator disagrees
//! with fails to compile. Nothing is skipped: an operation whose inputs cannot
//! be built is an error of [`driver_source`].

use std::fmt;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;
use serde_json::{Map, Value};

use crate::enums::{self, OpenEnum};
use crate::load::{self, resolve};

/// Where the generated driver calls live, relative to the workspace root.
pub const DRIVER_CALLS: &str = "tests/src/conformance/calls.rs";

/// The first line of the generated driver calls.
pub const HEADER: &str = "// @generated from schema/mindz.yaml by `cargo xtask conformance` (mindz-codegen/src/conformance.rs). Do not edit by hand.";

/// Why the driver calls could not be generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConformanceError {
    /// The operation, or `-` for the document as a whole.
    pub operation: String,
    /// What could not be built.
    pub message: String,
}

impl fmt::Display for ConformanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.operation, self.message)
    }
}

impl std::error::Error for ConformanceError {}

/// Which side of the wire an example is for: request examples leave out
/// `readOnly` properties, response examples leave out `writeOnly` ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// A request body or parameter.
    Request,
    /// A response body.
    Response,
}

/// One planned call: what the driver sends for one operation.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedCall {
    /// `operationId`, which is also the client method.
    pub id: String,
    /// `(parameter name, example value)` for the path, then the query parameters.
    pub params: Vec<(String, Value)>,
    /// `(SDK body type, example body)` when the operation takes a JSON body.
    pub body: Option<(String, Value)>,
}

/// Plans the call of every operation of `doc`, sorted by operation id.
pub fn plan(doc: &Value) -> Result<Vec<PlannedCall>, ConformanceError> {
    if doc.get("paths").and_then(Value::as_object).is_none() {
        return Err(error("-", "the schema has no `paths`"));
    }
    let mut calls = Vec::new();
    for operation in load::operations(doc) {
        let method = operation.method;
        let id = operation
            .id()
            .ok_or_else(|| error("-", format!("a `{method}` operation has no operationId")))?;
        calls.push(plan_operation(doc, id, operation.item, operation.op)?);
    }
    calls.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(calls)
}

fn plan_operation(
    doc: &Value,
    id: &str,
    item: &Value,
    op: &Value,
) -> Result<PlannedCall, ConformanceError> {
    let mut path_params = Vec::new();
    let mut query_params = Vec::new();
    for param in load::parameters(doc, item, op) {
        let name = param
            .get("name")
            .and_then(Value::as_str)
            .ok_or_else(|| error(id, "a parameter has no name"))?;
        let schema = param.get("schema").unwrap_or(&Value::Null);
        let value = match param
            .get("example")
            .or_else(|| resolve(doc, schema).get("default"))
        {
            Some(given) => given.clone(),
            None => example(doc, schema, name, Side::Request),
        };
        match param.get("in").and_then(Value::as_str) {
            Some("path") => path_params.push((name.to_string(), value)),
            Some("query") => query_params.push((name.to_string(), value)),
            other => {
                return Err(error(
                    id,
                    format!(
                        "parameter `{name}` is in {other:?}; only path and query parameters are driven"
                    ),
                ));
            }
        }
    }
    path_params.extend(query_params);
    let body = match op.get("requestBody") {
        None => None,
        Some(rb) => {
            let rb = resolve(doc, rb);
            let schema = rb
                .pointer("/content/application~1json/schema")
                .ok_or_else(|| error(id, "the request body has no application/json schema"))?;
            let name = schema
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
                .ok_or_else(|| {
                    error(
                        id,
                        "the request body schema is not a `$ref` to components/schemas",
                    )
                })?;
            Some((
                name.to_string(),
                example(doc, schema, "body", Side::Request),
            ))
        }
    };
    Ok(PlannedCall {
        id: id.to_string(),
        params: path_params,
        body,
    })
}

/// A valid example value of `schema` (after `$ref`s), built from its type,
/// format, enum and bounds. `hint` (a property or parameter name) makes
/// strings readable. Objects get every property of their side; arrays one
/// item (or `minItems`); nullable values are never null.
pub fn example(doc: &Value, schema: &Value, hint: &str, side: Side) -> Value {
    example_at(doc, schema, hint, side, 0)
}

fn example_at(doc: &Value, schema: &Value, hint: &str, side: Side, depth: usize) -> Value {
    let schema = resolve(doc, schema);
    if depth > 16 {
        return Value::Null;
    }
    if let Some(given) = schema.get("example") {
        return given.clone();
    }
    if let Some(first) = schema
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|values| values.iter().find(|v| !v.is_null()))
    {
        return first.clone();
    }
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        let mut merged = Value::Null;
        for part in parts {
            let value = example_at(doc, part, hint, side, depth + 1);
            merged = match (merged, value) {
                (Value::Object(mut a), Value::Object(b)) => {
                    a.extend(b);
                    Value::Object(a)
                }
                (Value::Null, v) => v,
                (kept, _) => kept,
            };
        }
        return merged;
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(first) = schema
            .get(key)
            .and_then(Value::as_array)
            .and_then(|a| a.first())
        {
            return example_at(doc, first, hint, side, depth + 1);
        }
    }
    let kind = schema
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_else(|| {
            if schema.get("properties").is_some() {
                "object"
            } else if schema.get("items").is_some() {
                "array"
            } else {
                "string"
            }
        });
    match kind {
        "integer" => Value::from(integer(schema)),
        "number" => number(schema),
        "boolean" => Value::Bool(true),
        "array" => {
            let count = schema
                .get("minItems")
                .and_then(Value::as_u64)
                .unwrap_or(1)
                .max(1);
            let item = schema.get("items").unwrap_or(&Value::Null);
            let singular = hint.strip_suffix('s').unwrap_or(hint);
            Value::Array(
                (0..count)
                    .map(|_| example_at(doc, item, singular, side, depth + 1))
                    .collect(),
            )
        }
        "object" => {
            let mut out = Map::new();
            if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                let mut names: Vec<&String> = props.keys().collect();
                names.sort();
                for name in names {
                    let prop = resolve(doc, &props[name]);
                    let skip = match side {
                        Side::Request => flag(prop, "readOnly"),
                        Side::Response => flag(prop, "writeOnly"),
                    };
                    if !skip {
                        out.insert(name.clone(), example_at(doc, prop, name, side, depth + 1));
                    }
                }
            }
            Value::Object(out)
        }
        _ => Value::String(string(schema, hint)),
    }
}

fn flag(schema: &Value, key: &str) -> bool {
    schema.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn integer(schema: &Value) -> i64 {
    let mut value = 1;
    if let Some(min) = schema.get("minimum").and_then(Value::as_i64) {
        let exclusive = flag(schema, "exclusiveMinimum");
        value = value.max(if exclusive { min + 1 } else { min });
    }
    if let Some(max) = schema.get("maximum").and_then(Value::as_i64) {
        let exclusive = flag(schema, "exclusiveMaximum");
        value = value.min(if exclusive { max - 1 } else { max });
    }
    value
}

fn number(schema: &Value) -> Value {
    let mut value = 12.5_f64;
    if let Some(min) = schema.get("minimum").and_then(Value::as_f64) {
        value = value.max(
            min + if flag(schema, "exclusiveMinimum") {
                0.5
            } else {
                0.0
            },
        );
    }
    if let Some(max) = schema.get("maximum").and_then(Value::as_f64) {
        value = value.min(
            max - if flag(schema, "exclusiveMaximum") {
                0.5
            } else {
                0.0
            },
        );
    }
    serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number)
}

fn string(schema: &Value, hint: &str) -> String {
    let max = schema
        .get("maxLength")
        .and_then(Value::as_u64)
        .map(|n| n as usize);
    let min = schema.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
    let fixed = match schema.get("format").and_then(Value::as_str) {
        Some("email") => Some("conformance@example.com".to_string()),
        Some("date-time") => Some("2024-05-06T07:08:09Z".to_string()),
        Some("date") => Some("2024-05-06".to_string()),
        Some("time") => Some("07:08:09".to_string()),
        Some("uri" | "url") => Some("https://example.com/conformance".to_string()),
        Some("uuid") => Some("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b".to_string()),
        Some("byte") => Some("Y29uZm9ybWFuY2U=".to_string()),
        Some("ipv4") => Some("192.0.2.1".to_string()),
        Some("ipv6") => Some("2001:db8::1".to_string()),
        // Money, as Django REST framework writes a `DecimalField`.
        Some("decimal") => Some("62.90".to_string()),
        _ => None,
    };
    if let Some(text) = fixed {
        return text;
    }
    // A readable value; with `maxLength` exactly that long, so the bound
    // itself is exercised (characters, not bytes: the text is ASCII).
    let base = format!("example {}", hint.replace('_', " "));
    let wanted = match max {
        Some(max) => max.max(min),
        None => base.len().max(min),
    };
    base.chars()
        .chain(std::iter::repeat('x'))
        .take(wanted)
        .collect()
}

fn error(operation: &str, message: impl Into<String>) -> ConformanceError {
    ConformanceError {
        operation: operation.to_string(),
        message: message.into(),
    }
}

/// The Rust source of `tests/src/conformance/calls.rs` for `doc`: the sorted
/// list of driven operation ids and one typed call per operation.
pub fn driver_source(doc: &Value) -> Result<String, ConformanceError> {
    let open_enums = enums::collect(doc).map_err(|diags| {
        let text: Vec<String> = diags.iter().map(ToString::to_string).collect();
        error("-", format!("enum schemas: {}", text.join("; ")))
    })?;
    let calls = plan(doc)?;
    let ids: Vec<&str> = calls.iter().map(|c| c.id.as_str()).collect();
    let mut arms = Vec::new();
    for call in &calls {
        arms.push(arm(doc, &open_enums, call)?);
    }
    let tokens = quote! {
        //! Typed calls of every operation with example inputs from the schema,
        //! for the conformance driver (`src/bin/conformance.rs`).

        use mindz_sdk::{Client, types};

        use super::{Outcome, body, outcome};

        /// Every operation id [`call`] knows, sorted.
        pub const DRIVEN: &[&str] = &[ #(#ids),* ];

        /// Sends operation `id` with the schema's example inputs and says
        /// how it went; `None` when `id` has no entry here.
        pub async fn call(client: &Client, id: &str) -> Option<Outcome> {
            let outcome = match id {
                #(#arms)*
                _ => return None,
            };
            Some(outcome)
        }
    };
    let file: syn::File = syn::parse2(tokens)
        .map_err(|e| error("-", format!("generated code did not parse: {e}")))?;
    Ok(format!("{HEADER}\n\n{}", prettyplease::unparse(&file)))
}

fn arm(
    doc: &Value,
    open_enums: &[OpenEnum],
    call: &PlannedCall,
) -> Result<TokenStream, ConformanceError> {
    let id = call.id.as_str();
    let method = ident(id);
    let mut setters = Vec::new();
    let params = param_schemas(doc, id)?;
    for (name, value) in &call.params {
        let schema = params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, s)| *s)
            .unwrap_or(&Value::Null);
        let literal = param_literal(doc, open_enums, id, name, schema, value)?;
        let setter = ident(name);
        setters.push(quote!(.#setter(#literal)));
    }
    Ok(match &call.body {
        None => quote! {
            #id => outcome(client.#method() #(#setters)* .send().await),
        },
        Some((type_name, value)) => {
            let ty = ident(type_name);
            let json = serde_json::to_string(value).map_err(|e| error(id, e.to_string()))?;
            let json = raw_string(&json);
            quote! {
                #id => {
                    let body: types::#ty = match body(#json) {
                        Ok(body) => body,
                        Err(failed) => return Some(failed),
                    };
                    outcome(client.#method() #(#setters)* .body(body).send().await)
                }
            }
        }
    })
}

/// `(name, schema)` of every parameter of operation `id`.
fn param_schemas<'a>(
    doc: &'a Value,
    id: &str,
) -> Result<Vec<(String, &'a Value)>, ConformanceError> {
    let operation = load::operations(doc)
        .find(|operation| operation.id() == Some(id))
        .ok_or_else(|| error(id, "operation not found"))?;
    Ok(load::parameters(doc, operation.item, operation.op)
        .into_iter()
        .filter_map(|p| {
            let name = p.get("name")?.as_str()?.to_string();
            Some((name, p.get("schema").unwrap_or(&Value::Null)))
        })
        .collect())
}

/// The Rust expression for one parameter value, typed the way progenitor
/// types the parameter: the open enum's variant for an enum `$ref`,
/// `i64`/`i32` for `int64`/`int32`, `u64` for a non-negative integer without
/// a format (progenitor's `u64` / `NonZeroU64` accept it), a string literal
/// for strings.
fn param_literal(
    doc: &Value,
    open_enums: &[OpenEnum],
    id: &str,
    name: &str,
    schema: &Value,
    value: &Value,
) -> Result<TokenStream, ConformanceError> {
    if let Some(enum_name) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
        && let Some(open) = open_enums.iter().find(|e| e.name == enum_name)
    {
        let variant = open
            .variants
            .iter()
            .find(|(_, v)| v == value)
            .map(|(variant, _)| variant)
            .ok_or_else(|| {
                error(
                    id,
                    format!("parameter `{name}`: {value} is not a value of {enum_name}"),
                )
            })?;
        let (ty, variant) = (ident(enum_name), ident(variant));
        return Ok(quote!(types::#ty::#variant));
    }
    let schema = resolve(doc, schema);
    match (schema.get("type").and_then(Value::as_str), value) {
        (Some("integer"), Value::Number(n)) => {
            let n = n
                .as_i64()
                .ok_or_else(|| error(id, format!("parameter `{name}`: {n} is not an i64")))?;
            let format = schema.get("format").and_then(Value::as_str);
            let non_negative = schema
                .get("minimum")
                .and_then(Value::as_f64)
                .is_some_and(|m| m >= 0.0);
            Ok(match format {
                Some("int32") => {
                    let n = i32::try_from(n)
                        .map_err(|_| error(id, format!("parameter `{name}`: {n} is not an i32")))?;
                    let lit = Literal::i32_suffixed(n);
                    quote!(#lit)
                }
                None if non_negative && n >= 0 => {
                    let lit = Literal::u64_suffixed(n.unsigned_abs());
                    quote!(#lit)
                }
                _ => {
                    let lit = Literal::i64_suffixed(n);
                    quote!(#lit)
                }
            })
        }
        (Some("string"), Value::String(s)) => Ok(quote!(#s)),
        (Some("boolean"), Value::Bool(b)) => Ok(quote!(#b)),
        (kind, value) => Err(error(
            id,
            format!(
                "parameter `{name}` of type {kind:?} (example {value}) is not supported by the driver generator"
            ),
        )),
    }
}

/// `text` as a raw string literal (readable JSON in the generated file), or
/// a plain one when the text itself holds `"#`.
fn raw_string(text: &str) -> TokenStream {
    if text.contains("\"#") {
        let lit = Literal::string(text);
        return quote!(#lit);
    }
    format!("r#\"{text}\"#").parse().unwrap_or_else(|_| {
        let lit = Literal::string(text);
        quote!(#lit)
    })
}

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc() -> Value {
        json!({
            "openapi": "3.0.3",
            "paths": {
                "/v2/things/{thing_id}/": {
                    "put": {
                        "operationId": "thing_update",
                        "parameters": [{"$ref": "#/components/parameters/ThingId"}],
                        "requestBody": {"required": true, "content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/ThingUpdate"}}}},
                        "responses": {"200": {"description": "OK."}}
                    }
                },
                "/v2/things/": {
                    "get": {
                        "operationId": "thing_list",
                        "parameters": [
                            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 50}},
                            {"name": "ordering", "in": "query", "schema": {"$ref": "#/components/schemas/ThingOrdering"}}
                        ],
                        "responses": {"200": {"description": "OK."}}
                    }
                }
            },
            "components": {
                "parameters": {
                    "ThingId": {"name": "thing_id", "in": "path", "required": true,
                        "schema": {"type": "integer", "format": "int64"}}
                },
                "schemas": {
                    "ThingOrdering": {"type": "string", "enum": ["name", "-name"]},
                    "Kind": {"type": "string", "enum": ["a", "b"]},
                    "ThingUpdate": {"type": "object", "required": ["name"], "properties": {
                        "id": {"type": "integer", "readOnly": true},
                        "name": {"type": "string", "maxLength": 12},
                        "email": {"type": "string", "format": "email"},
                        "born": {"type": "string", "format": "date", "nullable": true},
                        "kind": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/Kind"}]},
                        "tags": {"type": "array", "items": {"type": "integer", "minimum": 5}}
                    }}
                }
            }
        })
    }

    #[test]
    fn request_examples_follow_the_schema() {
        let doc = doc();
        let body = example(
            &doc,
            &json!({"$ref": "#/components/schemas/ThingUpdate"}),
            "body",
            Side::Request,
        );
        assert_eq!(
            body,
            json!({"born": "2024-05-06", "email": "conformance@example.com", "kind": "a",
                   "name": "example name", "tags": [5]})
        );
        assert_eq!(body["name"].as_str().map(str::len), Some(12));
    }

    #[test]
    fn plans_params_then_body_sorted_by_id() {
        let calls = plan(&doc()).unwrap();
        assert_eq!(calls[0].id, "thing_list");
        assert_eq!(
            calls[0].params,
            vec![
                ("limit".into(), json!(50)),
                ("ordering".into(), json!("name"))
            ]
        );
        assert_eq!(calls[1].params, vec![("thing_id".into(), json!(1))]);
        assert_eq!(
            calls[1].body.as_ref().map(|(t, _)| t.as_str()),
            Some("ThingUpdate")
        );
    }

    #[test]
    fn driver_source_has_one_typed_arm_per_operation() {
        let source = driver_source(&doc()).unwrap();
        assert!(source.starts_with(HEADER));
        assert!(source.contains(r#"pub const DRIVEN: &[&str] = &["thing_list", "thing_update"];"#));
        assert!(source.contains(".limit(50u64)"), "{source}");
        assert!(
            source.contains(".ordering(types::ThingOrdering::Name)"),
            "{source}"
        );
        assert!(source.contains(".thing_id(1i64)"), "{source}");
        assert!(
            source.contains("let body: types::ThingUpdate = match body("),
            "{source}"
        );
    }

    #[test]
    fn unsupported_parameters_are_errors_not_skips() {
        let mut doc = doc();
        doc["components"]["parameters"]["ThingId"]["in"] = json!("header");
        let err = plan(&doc).unwrap_err();
        assert_eq!(err.operation, "thing_update");
    }
}
