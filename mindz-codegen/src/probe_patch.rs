//! A probe report's corrections applied to `schema/mindz.yaml` (what
//! `cargo xtask apply-probe` does, without the files).
//!
//! The report is read as JSON (the probe's `--json` file): each finding has
//! a `class` (`drift` or `refinement`) and may carry a `patch`, a JSON Patch
//! (RFC 6902) against the schema. Each patch is applied with
//! [`schema_edit::apply_text`], so only the lines it needs change; one that
//! already holds changes nothing, so applying a report twice changes nothing
//! the second time. A patch that [`changes::compare`] calls breaking for SDK
//! users is applied only when breaking corrections are allowed. Operations
//! that came out confirmed, or whose every finding is now corrected, get
//! `x-mindz-confidence: confirmed`.

use serde_json::Value;

use crate::changes;
use crate::load::pointer_token;
use crate::schema_edit::{self, PatchOp};

/// Which findings' corrections to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Only {
    /// Refinements only.
    Refinement,
    /// Drift only.
    Drift,
    /// Both.
    All,
}

impl Only {
    /// `refinement`, `drift` or `all`.
    ///
    /// # Errors
    ///
    /// Another word, named.
    pub fn parse(word: &str) -> Result<Only, String> {
        match word {
            "refinement" => Ok(Only::Refinement),
            "drift" => Ok(Only::Drift),
            "all" => Ok(Only::All),
            other => Err(format!(
                "--only takes refinement, drift or all, not `{other}`"
            )),
        }
    }

    fn takes(self, class: &str) -> bool {
        match self {
            Only::All => true,
            Only::Refinement => class == "refinement",
            Only::Drift => class == "drift",
        }
    }
}

/// One finding's correction and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// The operation it was found on.
    pub operation_id: String,
    /// The finding's kind (`unknown_field`, ...).
    pub kind: String,
    /// Where the finding is (a pointer into the answer or OPTIONS).
    pub pointer: String,
    /// The patch's paths, for people.
    pub paths: Vec<String>,
    /// `changes` calls it breaking for SDK users.
    pub breaking: bool,
}

/// What applying a report did.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    /// The schema's new text (the old one when nothing changed).
    pub text: String,
    /// Corrections applied now.
    pub applied: Vec<Correction>,
    /// Corrections that already held.
    pub already: Vec<Correction>,
    /// Breaking corrections left out (no `--allow-breaking`).
    pub skipped_breaking: Vec<Correction>,
    /// Selected findings without a correction (to read and fix by hand).
    pub without_patch: usize,
    /// Operations newly marked `x-mindz-confidence: confirmed`.
    pub marked: Vec<String>,
}

impl Applied {
    /// Whether the text changed.
    pub fn changed(&self, before: &str) -> bool {
        self.text != before
    }
}

fn text_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// Applies the corrections of `report` (the probe's JSON report) to the
/// schema's YAML `text`.
///
/// # Errors
///
/// A report that is not the probe's, a patch the editor cannot apply (named
/// with its pointer), or a schema that is not valid YAML.
pub fn apply_report(
    text: &str,
    report: &Value,
    only: Only,
    allow_breaking: bool,
) -> Result<Applied, String> {
    let operations = report
        .get("operations")
        .and_then(Value::as_array)
        .ok_or("the report has no `operations` list: is it the probe's --json file?")?;
    let mut doc: Value =
        serde_yaml_ng::from_str(text).map_err(|e| format!("the schema is not valid YAML: {e}"))?;
    let mut out = Applied {
        text: text.to_string(),
        ..Applied::default()
    };
    let mut confirm = Vec::new();
    for op in operations {
        let id = text_of(op, "operation_id");
        let findings = op
            .get("findings")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let mut all_corrected = true;
        for f in findings {
            let class = text_of(f, "class");
            let patch: Vec<PatchOp> = f
                .get("patch")
                .and_then(Value::as_array)
                .map(|ops| ops.iter().map(PatchOp::from_json).collect())
                .transpose()?
                .unwrap_or_default();
            if !only.takes(class) {
                all_corrected = false;
                continue;
            }
            if patch.is_empty() {
                out.without_patch += 1;
                all_corrected = false;
                continue;
            }
            let mut patched = doc.clone();
            let mut changes_something = false;
            for p in &patch {
                changes_something |=
                    schema_edit::apply_json(&mut patched, p).map_err(|e| format!("{id}: {e}"))?;
            }
            let breaking = changes_something && changes::compare(&doc, &patched).sdk_breaking() > 0;
            let correction = Correction {
                operation_id: id.to_string(),
                kind: text_of(f, "kind").to_string(),
                pointer: text_of(f, "pointer").to_string(),
                paths: patch.iter().map(|p| p.path.clone()).collect(),
                breaking,
            };
            if !changes_something {
                out.already.push(correction);
                continue;
            }
            if breaking && !allow_breaking {
                out.skipped_breaking.push(correction);
                all_corrected = false;
                continue;
            }
            for p in &patch {
                if let Some(edited) =
                    schema_edit::apply_text(&out.text, p).map_err(|e| format!("{id}: {e}"))?
                {
                    out.text = edited;
                }
            }
            doc = patched;
            out.applied.push(correction);
        }
        let status = text_of(op, "status");
        let settled = match status {
            "confirmed" => !text_of(op, "basis").starts_with("JSON 404") && findings.is_empty(),
            "refine" | "drift" => all_corrected && !findings.is_empty(),
            _ => false,
        };
        if settled {
            confirm.push((
                id.to_string(),
                text_of(op, "method").to_lowercase(),
                text_of(op, "path").to_string(),
            ));
        }
    }
    for (id, method, path) in confirm {
        let mark = PatchOp {
            op: "add".into(),
            path: format!(
                "/paths/{}/{method}/x-mindz-confidence",
                pointer_token(&path)
            ),
            value: Value::String("confirmed".into()),
        };
        if doc
            .pointer(&format!("/paths/{}/{method}", pointer_token(&path)))
            .is_none()
        {
            continue;
        }
        if let Some(edited) =
            schema_edit::apply_text(&out.text, &mark).map_err(|e| format!("{id}: {e}"))?
        {
            out.text = edited;
            schema_edit::apply_json(&mut doc, &mark)?;
            out.marked.push(id);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SCHEMA: &str = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /v2/users/:\n    post:\n      operationId: user_create\n      tags: [user]\n      x-mindz-confidence: inferred # a guess\n      requestBody:\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/UserCreate'\n      responses:\n        '201':\n          description: ok\n    get:\n      operationId: user_list\n      tags: [user]\n      x-mindz-confidence: inferred\n      responses:\n        '200':\n          description: ok\ncomponents:\n  schemas:\n    # Users.\n    UserCreate:\n      type: object\n      required:\n      - email\n      properties:\n        email:\n          type: string\n          description: Login.\n";

    fn report() -> Value {
        let user = "/components/schemas/UserCreate";
        json!({"operations": [
            {"operation_id": "user_create", "status": "drift", "basis": "OPTIONS", "method": "POST", "path": "/v2/users/",
             "findings": [
                {"kind": "max_length_mismatch", "class": "refinement", "pointer": "/actions/POST/email/max_length",
                 "patch": [{"op": "add", "path": format!("{user}/properties/email/x-mindz-max-length"), "value": 254}]},
                {"kind": "field_not_in_schema", "class": "drift", "pointer": "/actions/POST/code",
                 "patch": [{"op": "add", "path": format!("{user}/properties/code"), "value": {"type": "string", "description": "d"}},
                           {"op": "add", "path": format!("{user}/required/-"), "value": "code"}]}
             ]},
            {"operation_id": "user_list", "status": "confirmed", "basis": "GET 200 validated", "method": "GET", "path": "/v2/users/", "findings": []}
        ]})
    }

    #[test]
    fn breaking_corrections_wait_for_permission_and_a_second_run_changes_nothing() {
        let once = apply_report(SCHEMA, &report(), Only::All, false).unwrap();
        assert_eq!(once.applied.len(), 1);
        assert_eq!(once.skipped_breaking.len(), 1);
        assert!(once.skipped_breaking[0].breaking);
        assert_eq!(
            once.marked,
            ["user_list"],
            "user_create is not corrected yet"
        );
        let changed: Vec<(&str, &str)> = similar::TextDiff::from_lines(SCHEMA, once.text.as_str())
            .iter_all_changes()
            .filter(|c| c.tag() != similar::ChangeTag::Equal)
            .map(|c| {
                let sign = if c.tag() == similar::ChangeTag::Insert {
                    "+"
                } else {
                    "-"
                };
                (sign, c.value().trim_end())
            })
            .collect();
        assert_eq!(
            changed,
            [
                ("-", "      x-mindz-confidence: inferred"),
                ("+", "      x-mindz-confidence: confirmed"),
                ("+", "          x-mindz-max-length: 254"),
            ]
        );
        let twice = apply_report(&once.text, &report(), Only::All, false).unwrap();
        assert_eq!(twice.text, once.text);
        assert!(twice.applied.is_empty() && twice.marked.is_empty());
        assert_eq!(twice.already.len(), 1);

        let all = apply_report(SCHEMA, &report(), Only::All, true).unwrap();
        assert_eq!(all.applied.len(), 2);
        assert_eq!(all.marked, ["user_create", "user_list"]);
        assert!(
            all.text
                .contains("      x-mindz-confidence: confirmed # a guess\n")
        );
        assert!(all.text.contains("      - email\n      - code\n"));
        let only = apply_report(SCHEMA, &report(), Only::Drift, true).unwrap();
        assert_eq!(only.applied.len(), 1);
        assert_eq!(only.applied[0].kind, "field_not_in_schema");
        assert!(Only::parse("some").is_err());
    }
}
