//! The probe's report: one status per operation, with findings that name
//! pointers, names and types only, never a value of an answer (apart from an
//! enum value or a length in a correction, see `correct`).

use std::fmt::Write as _;

use serde::Serialize;

/// How an operation compares with the live school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The school answers as the schema says.
    Confirmed,
    /// Only refinements: the school is stricter or richer than the schema
    /// in ways the SDK survives.
    Refine,
    /// On this school the SDK would fail or lose data: see the findings.
    Drift,
    /// The route or method does not exist (Django's HTML 404, or not in `Allow`).
    Absent,
    /// The credential lacks a permission (403).
    Forbidden,
    /// Not checked: no id to use, or nothing the school tells settles it.
    Skipped,
    /// The request failed (transport, 5xx, 401, unreadable answer).
    Error,
}

impl Status {
    /// All statuses, in report order.
    pub const ALL: [Status; 7] = [
        Status::Confirmed,
        Status::Refine,
        Status::Drift,
        Status::Absent,
        Status::Forbidden,
        Status::Skipped,
        Status::Error,
    ];

    /// The status's name in the report.
    pub fn name(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Refine => "refine",
            Status::Drift => "drift",
            Status::Absent => "absent",
            Status::Forbidden => "forbidden",
            Status::Skipped => "skipped",
            Status::Error => "error",
        }
    }
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A required field is missing from the answer.
    MissingRequired,
    /// The answer has a field the schema does not list.
    UnknownField,
    /// A value of another JSON type than the schema's.
    WrongType,
    /// A string that does not match the schema's `format`.
    WrongFormat,
    /// A value outside the schema's `enum`.
    UnknownEnumValue,
    /// `null` where the schema is not `nullable`.
    NullNotAllowed,
    /// A `writeOnly` field in an answer.
    WriteOnlyInResponse,
    /// Another JSON Schema keyword failed (`minimum`, `maxLength`, ...).
    ConstraintViolated,
    /// The answer is not what a schema check can read (not JSON, too large, ...).
    UnreadableAnswer,
    /// The schema has a method the school does not allow, or the reverse.
    MethodMismatch,
    /// OPTIONS describes a writable field the request body lacks.
    FieldNotInSchema,
    /// The request body has a writable field OPTIONS does not describe.
    FieldNotOnSchool,
    /// Required in one and not in the other.
    RequiredMismatch,
    /// `read_only` in OPTIONS, writable in the schema (or the reverse).
    ReadOnlyMismatch,
    /// Different JSON type.
    TypeMismatch,
    /// Different `max_length`/`maxLength`.
    MaxLengthMismatch,
    /// A choice the schema's enum lacks, or an enum value OPTIONS lacks.
    ChoiceMismatch,
    /// The school's own API document has an operation the schema lacks.
    OperationNotInSchema,
    /// The schema has an operation the school's own document lacks.
    OperationNotInSchoolDocument,
}

/// Whether the SDK survives a finding, judged by what its own decoding
/// accepts (unknown fields ignored, open enums, decimals as a string or a
/// number, `null` in an optional field read as absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// On this school the SDK would fail or lose data.
    Drift,
    /// The school is stricter or richer than the schema; the SDK survives.
    Refinement,
}

/// One operation of a JSON Patch (RFC 6902) against the schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PatchOp {
    /// `add` or `replace`.
    pub op: &'static str,
    /// JSON pointer into `schema/mindz.yaml`.
    pub path: String,
    /// A JSON type's schema, an enum value, a length, `true` or a field name.
    pub value: serde_json::Value,
}

/// The status of an operation with `findings` (none: confirmed).
pub fn status_of(findings: &[Finding]) -> Status {
    if findings.iter().any(|f| f.class == Class::Drift) {
        Status::Drift
    } else if findings.is_empty() {
        Status::Confirmed
    } else {
        Status::Refine
    }
}

/// One difference, located.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Where in the answer (a JSON pointer into the body, or into the
    /// OPTIONS description, or the school document's operation).
    pub pointer: String,
    /// What kind of difference.
    pub kind: Kind,
    /// One line, with names and types only.
    pub detail: String,
    /// Where in `schema/mindz.yaml` (`file#pointer`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema_pointer: Option<String>,
    /// Drift or refinement.
    pub class: Class,
    /// The correction, a JSON Patch against the schema (`cargo xtask
    /// apply-probe` applies it); empty when the probe knows none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub patch: Vec<PatchOp>,
}

/// The outcome for one operation.
#[derive(Debug, Clone, Serialize)]
pub struct OperationReport {
    /// `operationId`.
    pub operation_id: String,
    /// Its status.
    pub status: Status,
    /// What the status rests on, e.g. `GET 200 validated`.
    pub basis: String,
    /// HTTP method of the operation.
    pub method: String,
    /// Path template.
    pub path: String,
    /// The differences found.
    pub findings: Vec<Finding>,
}

/// What the school's own API document showed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocumentReport {
    /// The URL path it was read from, or `None` if no candidate answered with one.
    pub source: Option<String>,
    /// The candidates tried, by URL path.
    pub tried: Vec<String>,
    /// Operations the school documents and the schema lacks.
    pub findings: Vec<Finding>,
}

/// The whole report (the `--json` file).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Per operation, in schema order.
    pub operations: Vec<OperationReport>,
    /// The school's own description, if it was looked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentReport>,
    /// Requests sent (GET and OPTIONS only).
    pub requests: u64,
    /// Why the probe stopped early, if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
}

impl Report {
    /// How many operations have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.operations
            .iter()
            .filter(|o| o.status == status)
            .count()
    }

    /// One line: the count of each status.
    pub fn summary(&self) -> String {
        let counts: Vec<String> = Status::ALL
            .iter()
            .map(|s| format!("{} {}", self.count(*s), s.name()))
            .collect();
        format!(
            "probe: {} operations: {} ({} requests)",
            self.operations.len(),
            counts.join(", "),
            self.requests
        )
    }

    /// The human-readable report.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let width = self
            .operations
            .iter()
            .map(|o| o.operation_id.len())
            .max()
            .unwrap_or(0);
        for op in &self.operations {
            let _ = writeln!(
                out,
                "{:<9} {:<width$}  {:<7} {}  ({})",
                op.status.name(),
                op.operation_id,
                op.method,
                op.path,
                op.basis
            );
            for f in &op.findings {
                write_finding(&mut out, f);
            }
        }
        if let Some(doc) = &self.document {
            match &doc.source {
                Some(source) => {
                    let _ = writeln!(out, "school document: {source}");
                }
                None => {
                    let _ = writeln!(
                        out,
                        "school document: none found (tried {})",
                        doc.tried.join(", ")
                    );
                }
            }
            for f in &doc.findings {
                write_finding(&mut out, f);
            }
        }
        if let Some(why) = &self.stopped {
            let _ = writeln!(out, "stopped early: {why}");
        }
        let _ = writeln!(out, "{}", self.summary());
        out
    }

    /// The `--json` file's text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string())
    }
}

fn write_finding(out: &mut String, f: &Finding) {
    let kind = serde_json::to_value(f.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let class = match f.class {
        Class::Drift => "drift",
        Class::Refinement => "refinement",
    };
    let _ = write!(out, "    {class}: {kind} at {}", f.pointer);
    if let Some(schema) = &f.schema_pointer {
        let _ = write!(out, " (schema {schema})");
    }
    let _ = writeln!(out, ": {}", f.detail);
    for p in &f.patch {
        let _ = writeln!(out, "      patch: {} {} {}", p.op, p.path, p.value);
    }
}
