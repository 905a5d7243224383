//! The probe's plan: every GET operation (lists first with a small `limit`,
//! then the `get` of each resource with an id from its list, then nested
//! resources with their parents' ids), then an `OPTIONS` per path of the
//! write operations, then the school's own API document.
//!
//! Ids read from lists are used only in request paths; the report shows
//! path templates, never the paths sent.

use std::collections::HashMap;

use serde_json::Value;

use super::correct;
use super::document;
use super::http::{Answer, Body, Failure, ReadMethod, ReadOnlyClient};
use super::metadata;
use super::report::{
    Class, DocumentReport, Finding, Kind, OperationReport, Report, Status, status_of,
};
use super::spec::{Operation, Spec};
use super::validate::Validators;

/// What the plan needs besides the schema and the client.
#[derive(Debug, Clone)]
pub struct Plan {
    /// `limit` of list requests.
    pub list_limit: u32,
    /// The schema file's name in schema pointers.
    pub schema_file: String,
    /// Whether to look for the school's own API document.
    pub document: bool,
}

/// The outcome of one operation before it is placed in the report.
struct Outcome {
    status: Status,
    basis: String,
    findings: Vec<Finding>,
}

fn outcome(status: Status, basis: impl Into<String>, findings: Vec<Finding>) -> Outcome {
    Outcome {
        status,
        basis: basis.into(),
        findings,
    }
}

/// Whether the operation's path ends in a collection, not a `{param}`.
fn is_collection(op: &Operation) -> bool {
    !op.path.trim_end_matches('/').ends_with('}')
}

/// Percent-encodes a path segment.
fn encode_segment(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The first record of a list answer.
fn first_record(body: &Value) -> Option<&Value> {
    match body {
        Value::Array(items) => items.first(),
        Value::Object(o) => o.get("results")?.as_array()?.first(),
        _ => None,
    }
}

/// The path with each `{param}` filled from the first record of the list at
/// the path before it: `id` for `*_id`, `key` for `*_key`, else the field of
/// the parameter's own name. `Err(param)` when there is none.
fn fill(path: &str, lists: &HashMap<String, Value>) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            return Err(path.to_string());
        };
        let name = &rest[open + 1..open + close];
        let fields: Vec<&str> = if name.ends_with("_key") {
            vec!["key", name]
        } else if name.ends_with("_id") {
            vec!["id", name]
        } else {
            vec![name, "id"]
        };
        let value = lists
            .get(&out)
            .and_then(|record| fields.iter().find_map(|f| record.get(*f)))
            .and_then(|v| match v {
                Value::String(s) if !s.is_empty() => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .ok_or_else(|| name.to_string())?;
        out.push_str(&encode_segment(&value));
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The concrete path to send `op` to, or the outcome that says why it is
/// skipped: the probe has stopped, or a parent list gave no id.
fn sendable_path(
    op: &Operation,
    stopped: &Option<String>,
    lists: &HashMap<String, Value>,
) -> Result<String, Outcome> {
    if let Some(why) = stopped {
        return Err(outcome(Status::Skipped, format!("not sent: {why}"), vec![]));
    }
    fill(&op.path, lists).map_err(|param| {
        outcome(
            Status::Skipped,
            format!("no id for `{param}`: its list gave no record"),
            vec![],
        )
    })
}

/// Runs the plan.
pub async fn probe(spec: &Spec, client: &ReadOnlyClient, plan: &Plan) -> Report {
    let mut validators = Validators::new(&spec.doc, &plan.schema_file);
    let mut lists: HashMap<String, Value> = HashMap::new();
    let mut done: HashMap<String, Outcome> = HashMap::new();
    let mut stopped: Option<String> = None;

    let mut reads: Vec<&Operation> = spec.operations.iter().filter(|o| o.is_read()).collect();
    reads.sort_by_key(|op| (op.path_params.len(), !is_collection(op)));
    for op in reads {
        let result = if let (None, Some(q)) = (&stopped, op.required_query.first()) {
            outcome(
                Status::Skipped,
                format!("needs a value for query parameter `{q}`"),
                vec![],
            )
        } else {
            match sendable_path(op, &stopped, &lists) {
                Err(skipped) => skipped,
                Ok(path) => {
                    let query: Vec<(&str, String)> = if op.takes_limit {
                        vec![("limit", plan.list_limit.to_string())]
                    } else {
                        vec![]
                    };
                    match client.send(ReadMethod::Get, &path, &query, op.public).await {
                        Err(Failure::Stop(why)) => {
                            stopped = Some(format!("{why} (at {} {})", op.method, op.path));
                            outcome(Status::Error, why, vec![])
                        }
                        Err(Failure::Other(why)) => outcome(Status::Error, why, vec![]),
                        Ok(answer) => {
                            if (200..300).contains(&answer.status)
                                && is_collection(op)
                                && let Body::Json(body) = &answer.body
                                && let Some(record) = first_record(body)
                            {
                                lists.insert(path.clone(), record.clone());
                            }
                            judge_read(op, &answer, &spec.doc, &mut validators)
                        }
                    }
                }
            }
        };
        done.insert(op.id.clone(), result);
    }

    let mut options: HashMap<String, Answer> = HashMap::new();
    for op in spec.operations.iter().filter(|o| !o.is_read()) {
        let result = match sendable_path(op, &stopped, &lists) {
            Err(skipped) => skipped,
            Ok(path) => {
                let cached = options.get(&path).cloned();
                let answer = match cached {
                    Some(a) => Ok(a),
                    None => {
                        client
                            .send(ReadMethod::Options, &path, &[], op.public)
                            .await
                    }
                };
                match answer {
                    Err(Failure::Stop(why)) => {
                        stopped = Some(format!("{why} (at OPTIONS {})", op.path));
                        outcome(Status::Error, why, vec![])
                    }
                    Err(Failure::Other(why)) => outcome(Status::Error, why, vec![]),
                    Ok(answer) => {
                        let v = metadata::compare(op, spec, &answer, &plan.schema_file);
                        options.insert(path, answer);
                        outcome(v.status, v.basis, v.findings)
                    }
                }
            }
        };
        done.insert(op.id.clone(), result);
    }

    let mut document_report = None;
    if plan.document && stopped.is_none() {
        let mut report = DocumentReport::default();
        for (path, query) in document::CANDIDATES {
            let shown = if query.is_empty() {
                path.to_string()
            } else {
                format!("{path}?{query}")
            };
            report.tried.push(shown.clone());
            let query: Vec<(&str, String)> = query
                .split_once('=')
                .map(|(k, v)| vec![(k, v.to_string())])
                .unwrap_or_default();
            match client.send(ReadMethod::Get, path, &query, false).await {
                Ok(Answer {
                    status: 200,
                    body: Body::Json(doc),
                    ..
                }) if document::is_api_document(&doc) => {
                    let (findings, per_op) = document::diff(spec, &doc, &plan.schema_file);
                    report.source = Some(shown);
                    report.findings = findings;
                    for f in &mut report.findings {
                        f.class = correct::default_class(f.kind);
                    }
                    for (id, mut finding) in per_op {
                        finding.class = correct::default_class(finding.kind);
                        if let Some(o) = done.get_mut(&id) {
                            o.findings.push(finding);
                            if matches!(
                                o.status,
                                Status::Confirmed | Status::Refine | Status::Drift
                            ) {
                                o.status = status_of(&o.findings);
                            }
                        }
                    }
                    break;
                }
                Err(Failure::Stop(why)) => {
                    stopped = Some(format!("{why} (at GET {path})"));
                    break;
                }
                _ => {}
            }
        }
        document_report = Some(report);
    }

    let operations = spec
        .operations
        .iter()
        .map(|op| {
            let o = done
                .remove(&op.id)
                .unwrap_or_else(|| outcome(Status::Skipped, "not planned", vec![]));
            OperationReport {
                operation_id: op.id.clone(),
                status: o.status,
                basis: o.basis,
                method: op.method.clone(),
                path: op.path.clone(),
                findings: o.findings,
            }
        })
        .collect();
    Report {
        operations,
        document: document_report,
        requests: client.sent(),
        stopped,
    }
}

/// The status of a GET operation from its answer.
fn judge_read(
    op: &Operation,
    answer: &Answer,
    doc: &Value,
    validators: &mut Validators,
) -> Outcome {
    let tag = op.tag.as_deref().unwrap_or("this resource");
    let unreadable = |detail: String| Finding {
        pointer: String::new(),
        kind: Kind::UnreadableAnswer,
        detail,
        schema_pointer: None,
        class: Class::Drift,
        patch: Vec::new(),
    };
    match (answer.status, &answer.body) {
        (200..=299, Body::Json(body)) => match &op.response_schema {
            None => outcome(
                Status::Confirmed,
                "GET 2xx (the schema has no answer model)",
                vec![],
            ),
            Some(pointer) => match validators.validate(pointer, body) {
                Ok(mut findings) => {
                    correct::response(doc, pointer, body, &mut findings);
                    outcome(
                        status_of(&findings),
                        format!("GET {} validated against #{pointer}", answer.status),
                        findings,
                    )
                }
                Err(e) => outcome(Status::Error, e, vec![]),
            },
        },
        (200..=299, Body::TooLarge) => outcome(
            Status::Error,
            "the answer is over --max-bytes: not validated",
            vec![],
        ),
        (200..=299, Body::Empty) => outcome(
            Status::Drift,
            format!("GET {} without a body", answer.status),
            vec![unreadable(
                "an empty body where the schema has a JSON answer".into(),
            )],
        ),
        (200..=299, Body::Other(media)) => outcome(
            Status::Drift,
            format!("GET {} answered {media}", answer.status),
            vec![unreadable(format!(
                "{media} where the schema has a JSON answer"
            ))],
        ),
        (404, Body::Json(_)) => outcome(
            Status::Confirmed,
            "JSON 404 (a missing record): the route exists; answer model not checked",
            vec![],
        ),
        (404, _) => outcome(
            Status::Absent,
            "404 that is not JSON (Django's page for an unknown route)",
            vec![],
        ),
        (405, _) => outcome(Status::Absent, "405: the path exists without GET", vec![]),
        (403, _) => outcome(
            Status::Forbidden,
            format!("403: the credential lacks the view permission on `{tag}`"),
            vec![],
        ),
        (300..=399, _) => outcome(
            Status::Error,
            format!("{}: a redirect (not followed)", answer.status),
            vec![],
        ),
        (status, _) => outcome(Status::Error, format!("answered {status}"), vec![]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn user_get() -> (Spec, Validators) {
        let spec = Spec::from_yaml(
            r##"
openapi: 3.0.3
paths:
  /v2/users/{user_id}/:
    get:
      operationId: user_get
      tags: [user]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: integer}}}}}}
"##,
        )
        .unwrap();
        let validators = Validators::new(&spec.doc, "s.yaml");
        (spec, validators)
    }

    fn judge(status: u16, body: Body) -> Outcome {
        let (spec, mut validators) = user_get();
        let answer = Answer {
            status,
            allow: None,
            body,
        };
        judge_read(&spec.operations[0], &answer, &spec.doc, &mut validators)
    }

    #[test]
    fn statuses_of_read_answers() {
        let html = || Body::Other("text/html".into());
        assert_eq!(
            judge(200, Body::Json(json!({"id": 1}))).status,
            Status::Confirmed
        );
        // A field the schema lacks: the SDK ignores it.
        let drift = judge(200, Body::Json(json!({"id": 1, "extra": 2})));
        assert_eq!(drift.status, Status::Refine);
        assert_eq!(drift.findings[0].class, Class::Refinement);
        assert_eq!(
            serde_json::to_value(&drift.findings[0].patch).unwrap(),
            json!([{"op": "add",
                    "path": "/paths/~1v2~1users~1{user_id}~1/get/responses/200/content/application~1json/schema/properties/extra",
                    "value": {"type": "integer", "format": "int64", "description": "Seen on a school by the probe; not yet described."}}])
        );
        // A string where the SDK decodes an integer.
        let wrong = judge(200, Body::Json(json!({"id": "7"})));
        assert_eq!(wrong.status, Status::Drift);
        assert_eq!(wrong.findings[0].class, Class::Drift);
        assert!(wrong.findings[0].patch.is_empty());
        assert_eq!(
            drift.findings[0].schema_pointer.as_deref(),
            Some(
                "s.yaml#/paths/~1v2~1users~1{user_id}~1/get/responses/200/content/application~1json/schema"
            )
        );
        assert_eq!(judge(404, html()).status, Status::Absent);
        let missing_record = judge(404, Body::Json(json!({"detail": "Not found."})));
        assert_eq!(missing_record.status, Status::Confirmed);
        assert!(missing_record.basis.starts_with("JSON 404"));
        let forbidden = judge(403, Body::Json(json!({"detail": "x"})));
        assert_eq!(forbidden.status, Status::Forbidden);
        assert!(
            forbidden.basis.contains("view permission on `user`"),
            "{}",
            forbidden.basis
        );
        assert_eq!(judge(405, Body::Empty).status, Status::Absent);
        assert_eq!(judge(200, html()).status, Status::Drift);
        assert_eq!(judge(200, Body::TooLarge).status, Status::Error);
        assert_eq!(judge(302, Body::Empty).status, Status::Error);
        assert_eq!(judge(500, html()).status, Status::Error);
    }

    #[test]
    fn fills_ids_from_parent_lists() {
        let mut lists = HashMap::new();
        lists.insert("/v2/courses/".to_string(), json!({"id": 12}));
        lists.insert("/v2/courses/12/grades/".to_string(), json!({"id": "a/b"}));
        lists.insert("/v2/accounts/".to_string(), json!({"id": 1, "key": "k1"}));
        assert_eq!(
            fill("/v2/courses/{course_id}/grades/{grade_id}/", &lists).as_deref(),
            Ok("/v2/courses/12/grades/a%2Fb/")
        );
        assert_eq!(
            fill("/v2/accounts/{account_key}/x/", &lists).as_deref(),
            Ok("/v2/accounts/k1/x/")
        );
        assert_eq!(
            fill("/v2/users/{user_id}/", &lists),
            Err("user_id".to_string())
        );
    }
}
