//! What changed between two versions of the schema, and what each change
//! costs: [`compare`] lists operations, parameters, request and response
//! fields, enum values and types (`components/schemas`) added, removed or
//! changed, each judged twice:
//!
//! - for **SDK users** (the Rust API of `mindz-sdk`): removing or renaming an
//!   operation, removing a field, changing a type, adding a required request
//!   field or making an optional parameter required break code that compiled
//!   against the old SDK; adding an operation, an optional field, a type or
//!   an enum value (enums are open, with an `Unknown` variant) does not;
//! - for the **wire** (an SDK already deployed against the new server): a
//!   request field or parameter that became required, a response field that
//!   went away, a type that changed, an operation that moved or disappeared.
//!
//! The report is grouped by resource: an operation's first tag (else the
//! first segment of its path), and for a type the tag of the operations that
//! use it ("shared types" when several resources do). [`Report::to_markdown`]
//! renders it; [`Report::verdict`] is the one-line summary.
//!
//! References are followed as the schema writes them: a property that is
//! `$ref: '#/components/schemas/X'` or the wrapper `allOf: [{$ref: X}]` (with
//! its own `description`/`nullable`) has the type `X`, and `X` itself is
//! compared once, in its own entry.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde_json::Value;

use crate::{extras, load};

/// Whether something appeared, went away or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// Only in the new schema.
    Added,
    /// Only in the old schema.
    Removed,
    /// In both, different.
    Changed,
}

impl ChangeKind {
    fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

/// One difference between the two schemas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The resource it belongs to (a tag, or "shared types").
    pub resource: String,
    /// What changed, e.g. ``response field `User.nickname` ``.
    pub item: String,
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// How, in a few words: ``optional `string` ``, ``type `integer(int64)` → `string` ``.
    pub detail: String,
    /// Whether code written against the old SDK may stop compiling or working.
    pub sdk_breaking: bool,
    /// Whether a client of the old schema may fail against the new server.
    pub wire_breaking: bool,
}

impl Change {
    /// Breaking for SDK users or on the wire.
    pub fn is_breaking(&self) -> bool {
        self.sdk_breaking || self.wire_breaking
    }
}

/// Every difference between two schemas, in report order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// `info.version` of the old schema.
    pub base_version: Option<String>,
    /// `info.version` of the new schema.
    pub head_version: Option<String>,
    /// The changes, grouped by resource (sorted), each group in schema order.
    pub changes: Vec<Change>,
}

impl Report {
    /// Whether any change breaks SDK users or the wire.
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(Change::is_breaking)
    }

    /// How many changes break SDK users.
    pub fn sdk_breaking(&self) -> usize {
        self.changes.iter().filter(|c| c.sdk_breaking).count()
    }

    /// How many changes break the wire.
    pub fn wire_breaking(&self) -> usize {
        self.changes.iter().filter(|c| c.wire_breaking).count()
    }

    /// The changes under `resource`.
    pub fn in_resource<'a>(&'a self, resource: &'a str) -> impl Iterator<Item = &'a Change> {
        self.changes.iter().filter(move |c| c.resource == resource)
    }

    /// One line: `breaking: ...` or `non-breaking: ...`.
    pub fn verdict(&self) -> String {
        let total = self.changes.len();
        if total == 0 {
            return "non-breaking: the schemas describe the same API".to_string();
        }
        let changes = plural(total, "change");
        if self.is_breaking() {
            format!(
                "breaking: {} for SDK users, {} on the wire ({changes} in all)",
                plural(self.sdk_breaking(), "breaking change"),
                plural(self.wire_breaking(), "breaking change"),
            )
        } else {
            format!("non-breaking: {changes}, none breaking for SDK users or on the wire")
        }
    }

    /// The report as Markdown: a heading, one table per resource and the verdict.
    /// `base` and `head` name the two schemas (e.g. a git revision and "working tree").
    pub fn to_markdown(&self, base: &str, head: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# Schema changes: {base} → {head}\n");
        let version = |v: &Option<String>| v.as_deref().unwrap_or("(none)").to_string();
        if self.base_version == self.head_version {
            let _ = writeln!(
                out,
                "API version (`info.version`): {}\n",
                version(&self.head_version)
            );
        } else {
            let _ = writeln!(
                out,
                "API version (`info.version`): {} → {}\n",
                version(&self.base_version),
                version(&self.head_version)
            );
        }
        if self.changes.is_empty() {
            out.push_str("No changes.\n\n");
        }
        let mut resources: Vec<&str> = self.changes.iter().map(|c| c.resource.as_str()).collect();
        resources.sort_unstable();
        resources.dedup();
        for resource in resources {
            let _ = writeln!(out, "## {resource}\n");
            out.push_str("| item | change | SDK users | wire |\n|---|---|---|---|\n");
            for c in self.in_resource(resource) {
                let mark = |b: bool| if b { "**breaking**" } else { "ok" };
                let _ = writeln!(
                    out,
                    "| {} | {}: {} | {} | {} |",
                    cell(&c.item),
                    c.kind.as_str(),
                    cell(&c.detail),
                    mark(c.sdk_breaking),
                    mark(c.wire_breaking)
                );
            }
            out.push('\n');
        }
        let _ = writeln!(out, "**Verdict: {}**", self.verdict());
        out
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Compares schema `base` (the old one) with `head` (the new one).
pub fn compare(base: &Value, head: &Value) -> Report {
    let mut cx = Cx {
        base,
        head,
        base_usage: usage(base),
        head_usage: usage(head),
        out: Vec::new(),
    };
    cx.operations();
    cx.types();
    // Group by resource (stable: each group keeps schema order).
    let mut changes = cx.out;
    changes.sort_by(|a, b| a.resource.cmp(&b.resource));
    let version = |doc: &Value| {
        doc.pointer("/info/version").map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    Report {
        base_version: version(base),
        head_version: version(head),
        changes,
    }
}

/// Where a type is used: in requests, in responses, and by which resources.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Sides {
    request: bool,
    response: bool,
}

impl Sides {
    const BOTH: Sides = Sides {
        request: true,
        response: true,
    };
    const REQUEST: Sides = Sides {
        request: true,
        response: false,
    };
    const RESPONSE: Sides = Sides {
        request: false,
        response: true,
    };

    fn union(self, other: Sides) -> Sides {
        Sides {
            request: self.request || other.request,
            response: self.response || other.response,
        }
    }

    /// "request field", "response field" or "field".
    fn field_word(self) -> &'static str {
        match (self.request, self.response) {
            (true, false) => "request field",
            (false, true) => "response field",
            _ => "field",
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Usage {
    sides: Sides,
    resources: BTreeSet<String>,
}

const SCHEMAS: &str = "#/components/schemas/";

/// For every component schema, the sides and resources of the operations
/// that reach it (through any chain of `$ref`s).
fn usage(doc: &Value) -> BTreeMap<String, Usage> {
    let mut map: BTreeMap<String, Usage> = BTreeMap::new();
    for operation in load::operations(doc) {
        let resource = resource_of(&operation);
        let mut request = BTreeSet::new();
        for p in load::parameters(doc, operation.item, operation.op) {
            reachable(doc, p, &mut request, &mut BTreeSet::new());
        }
        if let Some(body) = operation.op.get("requestBody") {
            reachable(doc, body, &mut request, &mut BTreeSet::new());
        }
        let mut response = BTreeSet::new();
        if let Some(responses) = operation.op.get("responses") {
            reachable(doc, responses, &mut response, &mut BTreeSet::new());
        }
        for (names, sides) in [(request, Sides::REQUEST), (response, Sides::RESPONSE)] {
            for name in names {
                let entry = map.entry(name).or_default();
                entry.sides = entry.sides.union(sides);
                entry.resources.insert(resource.clone());
            }
        }
    }
    map
}

/// Collects the component schemas `value` refers to, transitively.
fn reachable(
    doc: &Value,
    value: &Value,
    schemas: &mut BTreeSet<String>,
    pointers: &mut BTreeSet<String>,
) {
    match value {
        Value::Object(map) => {
            if let Some(r) = map.get("$ref").and_then(Value::as_str) {
                let fresh = match r.strip_prefix(SCHEMAS) {
                    Some(name) => schemas.insert(unescape(name)),
                    None => pointers.insert(r.to_string()),
                };
                if fresh && let Some(target) = r.strip_prefix('#').and_then(|p| doc.pointer(p)) {
                    reachable(doc, target, schemas, pointers);
                }
            }
            for (key, child) in map {
                if key != "example" && key != "examples" {
                    reachable(doc, child, schemas, pointers);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                reachable(doc, item, schemas, pointers);
            }
        }
        _ => {}
    }
}

/// The inverse of [`load::pointer_token`].
fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// An operation's resource: its first tag, else the first path segment that
/// is not a version (`v2`), `public` or a `{parameter}`.
fn resource_of(operation: &load::OperationRef<'_>) -> String {
    if let Some(tag) = operation
        .op
        .get("tags")
        .and_then(Value::as_array)
        .and_then(|t| t.first())
        .and_then(Value::as_str)
    {
        return tag.to_string();
    }
    operation
        .path
        .split('/')
        .find(|s| {
            let version = s.starts_with('v') && s[1..].chars().all(|c| c.is_ascii_digit());
            !(s.is_empty() || *s == "public" || s.starts_with('{') || version)
        })
        .unwrap_or("other")
        .to_string()
}

/// An operation's key: its `operationId` (the Rust method), else `METHOD path`.
fn op_key(operation: &load::OperationRef<'_>) -> String {
    operation
        .id()
        .map(str::to_string)
        .unwrap_or_else(|| endpoint(operation))
}

fn endpoint(operation: &load::OperationRef<'_>) -> String {
    format!(
        "{} {}",
        operation.method.to_ascii_uppercase(),
        operation.path
    )
}

struct Cx<'a> {
    base: &'a Value,
    head: &'a Value,
    base_usage: BTreeMap<String, Usage>,
    head_usage: BTreeMap<String, Usage>,
    out: Vec<Change>,
}

/// What an entry is, for the `push` helper.
struct Entry<'s> {
    resource: &'s str,
    item: String,
    kind: ChangeKind,
    detail: String,
}

impl<'a> Cx<'a> {
    fn push(&mut self, e: Entry<'_>, sdk_breaking: bool, wire_breaking: bool) {
        self.out.push(Change {
            resource: e.resource.to_string(),
            item: e.item,
            kind: e.kind,
            detail: e.detail,
            sdk_breaking,
            wire_breaking,
        });
    }

    fn operations(&mut self) {
        let base: BTreeMap<String, load::OperationRef<'a>> = load::operations(self.base)
            .map(|o| (op_key(&o), o))
            .collect();
        let head: BTreeMap<String, load::OperationRef<'a>> = load::operations(self.head)
            .map(|o| (op_key(&o), o))
            .collect();
        let base_auth = auth(self.base);
        let head_auth = auth(self.head);
        // An id that went away while the same method and path got a new id is a rename.
        let mut renamed: BTreeMap<String, String> = BTreeMap::new();
        for (key, b) in &base {
            if head.contains_key(key) {
                continue;
            }
            if let Some((new_key, _)) = head
                .iter()
                .find(|(k, h)| !base.contains_key(*k) && endpoint(h) == endpoint(b))
            {
                renamed.insert(key.clone(), new_key.clone());
            }
        }
        let renamed_to: BTreeSet<&String> = renamed.values().collect();
        // Schema order of the new document, then what only the old one had.
        for h in load::operations(self.head) {
            let key = op_key(&h);
            let resource = resource_of(&h);
            if let Some(b) = base.get(&key) {
                self.operation(&resource, &key, b, &h, &base_auth, &head_auth);
            } else if !renamed_to.contains(&key) {
                let e = Entry {
                    resource: &resource,
                    item: format!("operation `{key}`"),
                    kind: ChangeKind::Added,
                    detail: format!("`{}`", endpoint(&h)),
                };
                self.push(e, false, false);
            }
        }
        for b in load::operations(self.base) {
            let key = op_key(&b);
            if head.contains_key(&key) {
                continue;
            }
            if let Some(new_key) = renamed.get(&key) {
                let h = head[new_key];
                let resource = resource_of(&h);
                let e = Entry {
                    resource: &resource,
                    item: format!("operation `{key}`"),
                    kind: ChangeKind::Changed,
                    detail: format!(
                        "renamed to `{new_key}` (`{}`): the Rust method `{key}` is gone",
                        endpoint(&h)
                    ),
                };
                self.push(e, true, false);
                self.operation(&resource, new_key, &b, &h, &base_auth, &head_auth);
            } else {
                let resource = resource_of(&b);
                let e = Entry {
                    resource: &resource,
                    item: format!("operation `{key}`"),
                    kind: ChangeKind::Removed,
                    detail: format!("`{}` is gone", endpoint(&b)),
                };
                self.push(e, true, true);
            }
        }
    }

    fn operation(
        &mut self,
        resource: &str,
        key: &str,
        b: &load::OperationRef<'a>,
        h: &load::OperationRef<'a>,
        base_auth: &BTreeMap<String, bool>,
        head_auth: &BTreeMap<String, bool>,
    ) {
        let item = format!("operation `{key}`");
        if endpoint(b) != endpoint(h) {
            let e = Entry {
                resource,
                item: item.clone(),
                kind: ChangeKind::Changed,
                detail: format!("moved from `{}` to `{}`", endpoint(b), endpoint(h)),
            };
            self.push(e, false, true);
        }
        let tag = |o: &load::OperationRef<'_>| o.op.get("tags").cloned();
        if tag(b) != tag(h) {
            let e = Entry {
                resource,
                item: item.clone(),
                kind: ChangeKind::Changed,
                detail: format!("tags `{}` → `{}`", json(tag(b)), json(tag(h))),
            };
            self.push(e, false, false);
        }
        let (ba, ha) = (
            b.id().and_then(|id| base_auth.get(id)).copied(),
            h.id().and_then(|id| head_auth.get(id)).copied(),
        );
        if let (Some(ba), Some(ha)) = (ba, ha)
            && ba != ha
        {
            let e = Entry {
                resource,
                item: item.clone(),
                kind: ChangeKind::Changed,
                detail: if ha {
                    "now needs credentials".to_string()
                } else {
                    "no longer needs credentials".to_string()
                },
            };
            self.push(e, false, ha);
        }
        self.parameters(resource, key, b, h);
        self.request_body(resource, key, b, h);
        self.responses(resource, key, b, h);
    }

    fn parameters(
        &mut self,
        resource: &str,
        key: &str,
        b: &load::OperationRef<'a>,
        h: &load::OperationRef<'a>,
    ) {
        let params =
            |doc: &'a Value, o: &load::OperationRef<'a>| -> BTreeMap<(String, String), &'a Value> {
                load::parameters(doc, o.item, o.op)
                    .into_iter()
                    .filter_map(|p| {
                        let name = p.get("name")?.as_str()?.to_string();
                        let place = p.get("in")?.as_str()?.to_string();
                        Some(((place, name), p))
                    })
                    .collect()
            };
        let bp = params(self.base, b);
        let hp = params(self.head, h);
        let required = |p: &Value| p.get("required").and_then(Value::as_bool) == Some(true);
        let schema = |p: &'a Value| p.get("schema").unwrap_or(&Value::Null);
        let item =
            |(place, name): &(String, String)| format!("{place} parameter `{name}` of `{key}`");
        for (k, hv) in &hp {
            match bp.get(k) {
                None => {
                    let req = required(hv);
                    let e = Entry {
                        resource,
                        item: item(k),
                        kind: ChangeKind::Added,
                        detail: format!(
                            "{} `{}`",
                            if req { "required" } else { "optional" },
                            sig(self.head, schema(hv))
                        ),
                    };
                    self.push(e, req, req);
                }
                Some(bv) => {
                    if !required(bv) && required(hv) {
                        let e = Entry {
                            resource,
                            item: item(k),
                            kind: ChangeKind::Changed,
                            detail: "optional → required".to_string(),
                        };
                        self.push(e, true, true);
                    } else if required(bv) && !required(hv) {
                        let e = Entry {
                            resource,
                            item: item(k),
                            kind: ChangeKind::Changed,
                            detail: "required → optional".to_string(),
                        };
                        self.push(e, false, false);
                    }
                    let (bs, hs) = (sig(self.base, schema(bv)), sig(self.head, schema(hv)));
                    if bs != hs {
                        let e = Entry {
                            resource,
                            item: item(k),
                            kind: ChangeKind::Changed,
                            detail: format!("type `{bs}` → `{hs}`"),
                        };
                        self.push(e, true, true);
                    }
                }
            }
        }
        for (k, bv) in &bp {
            if !hp.contains_key(k) {
                let e = Entry {
                    resource,
                    item: item(k),
                    kind: ChangeKind::Removed,
                    detail: format!(
                        "was {} `{}`; its builder method is gone",
                        if required(bv) { "required" } else { "optional" },
                        sig(self.base, schema(bv))
                    ),
                };
                self.push(e, true, false);
            }
        }
    }

    fn request_body(
        &mut self,
        resource: &str,
        key: &str,
        b: &load::OperationRef<'a>,
        h: &load::OperationRef<'a>,
    ) {
        let body = |doc: &'a Value, o: &load::OperationRef<'a>| {
            let body = load::resolve(doc, o.op.get("requestBody")?);
            let required = body.get("required").and_then(Value::as_bool) == Some(true);
            Some((body_schema(body)?, required))
        };
        let item = format!("request body of `{key}`");
        match (body(self.base, b), body(self.head, h)) {
            (None, None) => {}
            (None, Some((hs, req))) => {
                let e = Entry {
                    resource,
                    item,
                    kind: ChangeKind::Added,
                    detail: format!(
                        "{} `{}`",
                        if req { "required" } else { "optional" },
                        sig(self.head, hs)
                    ),
                };
                self.push(e, req, req);
            }
            (Some((bs, _)), None) => {
                let e = Entry {
                    resource,
                    item,
                    kind: ChangeKind::Removed,
                    detail: format!("was `{}`", sig(self.base, bs)),
                };
                self.push(e, true, false);
            }
            (Some((bs, breq)), Some((hs, hreq))) => {
                if !breq && hreq {
                    let e = Entry {
                        resource,
                        item: item.clone(),
                        kind: ChangeKind::Changed,
                        detail: "optional → required".to_string(),
                    };
                    self.push(e, true, true);
                }
                self.schema_in_place(resource, &item, bs, hs, Sides::REQUEST);
            }
        }
    }

    fn responses(
        &mut self,
        resource: &str,
        key: &str,
        b: &load::OperationRef<'a>,
        h: &load::OperationRef<'a>,
    ) {
        let codes =
            |doc: &'a Value, o: &load::OperationRef<'a>| -> BTreeMap<String, Option<&'a Value>> {
                o.op.get("responses")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                    .map(|(code, r)| (code.clone(), body_schema(load::resolve(doc, r))))
                    .collect()
            };
        let bc = codes(self.base, b);
        let hc = codes(self.head, h);
        let success = |c: &str| c.starts_with('2');
        let success_codes = |m: &BTreeMap<String, Option<&Value>>| {
            m.keys().filter(|c| success(c)).cloned().collect::<Vec<_>>()
        };
        let (bsc, hsc) = (success_codes(&bc), success_codes(&hc));
        if bsc != hsc {
            let e = Entry {
                resource,
                item: format!("responses of `{key}`"),
                kind: ChangeKind::Changed,
                detail: format!("success statuses {} → {}", bsc.join(", "), hsc.join(", ")),
            };
            // A status the old SDK does not know arrives as an unexpected response.
            let wire = hsc.iter().any(|c| !bsc.contains(c));
            self.push(e, false, wire);
        }
        // The success body (the Rust return type) and the error body (the error type).
        for (what, pick) in [("response", true), ("error response", false)] {
            let first = |m: &BTreeMap<String, Option<&'a Value>>| {
                m.iter()
                    .filter(|(c, _)| success(c) == pick)
                    .find_map(|(_, s)| *s)
            };
            let item = format!("{what} of `{key}`");
            match (first(&bc), first(&hc)) {
                (None, None) => {}
                (Some(bs), None) => {
                    let e = Entry {
                        resource,
                        item,
                        kind: ChangeKind::Removed,
                        detail: format!("no body any more (was `{}`)", sig(self.base, bs)),
                    };
                    self.push(e, true, true);
                }
                (None, Some(hs)) => {
                    let e = Entry {
                        resource,
                        item,
                        kind: ChangeKind::Added,
                        detail: format!("body `{}` (was none)", sig(self.head, hs)),
                    };
                    self.push(e, true, false);
                }
                (Some(bs), Some(hs)) => {
                    self.schema_in_place(resource, &item, bs, hs, Sides::RESPONSE)
                }
            }
        }
    }

    /// A body schema (or a property) at the same place in both documents:
    /// the type must match; inline objects are compared field by field.
    fn schema_in_place(
        &mut self,
        resource: &str,
        item: &str,
        b: &'a Value,
        h: &'a Value,
        sides: Sides,
    ) {
        let (bs, hs) = (sig(self.base, b), sig(self.head, h));
        if bs != hs {
            let e = Entry {
                resource,
                item: item.to_string(),
                kind: ChangeKind::Changed,
                detail: format!("type `{bs}` → `{hs}`"),
            };
            self.push(e, true, true);
        } else if is_inline_object(b) && is_inline_object(h) {
            self.fields(resource, item, b, h, sides, 0);
        }
    }

    fn types(&mut self) {
        let schemas = |doc: &'a Value| {
            doc.pointer("/components/schemas")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .map(|(k, v)| (k.clone(), v))
                .collect::<Vec<(String, &'a Value)>>()
        };
        let base: BTreeMap<String, &'a Value> = schemas(self.base).into_iter().collect();
        let head_list = schemas(self.head);
        let head: BTreeMap<String, &'a Value> = head_list.iter().cloned().collect();
        for (name, h) in &head_list {
            let resource = self.type_resource(name);
            match base.get(name) {
                None => {
                    let e = Entry {
                        resource: &resource,
                        item: format!("type `{name}`"),
                        kind: ChangeKind::Added,
                        detail: format!("`{}`", shape(self.head, h)),
                    };
                    self.push(e, false, false);
                }
                Some(b) => self.named_type(&resource, name, b, h),
            }
        }
        for (name, b) in &base {
            if !head.contains_key(name) {
                let resource = self.type_resource(name);
                let e = Entry {
                    resource: &resource,
                    item: format!("type `{name}`"),
                    kind: ChangeKind::Removed,
                    detail: format!("`types::{name}` is gone (was `{}`)", shape(self.base, b)),
                };
                self.push(e, true, false);
            }
        }
    }

    fn sides_of(&self, name: &str) -> Sides {
        let get = |m: &BTreeMap<String, Usage>| m.get(name).map(|u| u.sides).unwrap_or_default();
        let sides = get(&self.base_usage).union(get(&self.head_usage));
        if sides == Sides::default() {
            // Unused by any operation: judge it as if used both ways.
            Sides::BOTH
        } else {
            sides
        }
    }

    fn type_resource(&self, name: &str) -> String {
        let usage = self
            .head_usage
            .get(name)
            .or_else(|| self.base_usage.get(name));
        match usage.map(|u| &u.resources) {
            Some(r) if r.len() == 1 => r.iter().next().cloned().unwrap_or_default(),
            Some(r) if r.len() > 1 => "shared types".to_string(),
            _ => "unused types".to_string(),
        }
    }

    fn named_type(&mut self, resource: &str, name: &str, b: &'a Value, h: &'a Value) {
        let item = format!("type `{name}`");
        let (bshape, hshape) = (shape(self.base, b), shape(self.head, h));
        if bshape != hshape {
            let e = Entry {
                resource,
                item,
                kind: ChangeKind::Changed,
                detail: format!("`{bshape}` → `{hshape}`"),
            };
            self.push(e, true, true);
            return;
        }
        let sides = self.sides_of(name);
        if let (Some(bv), Some(hv)) = (enum_values(b), enum_values(h)) {
            self.enum_values(resource, name, bv, hv, sides);
        } else {
            self.fields(resource, name, b, h, sides, 0);
        }
    }

    fn enum_values(
        &mut self,
        resource: &str,
        name: &str,
        b: Vec<(Value, Option<String>)>,
        h: Vec<(Value, Option<String>)>,
        sides: Sides,
    ) {
        let item = |v: &Value| format!("value `{v}` of enum `{name}`");
        for (value, variant) in &h {
            match b.iter().find(|(bv, _)| bv == value) {
                None => {
                    let e = Entry {
                        resource,
                        item: item(value),
                        kind: ChangeKind::Added,
                        detail: "enums are open: the old SDK decodes it as `Unknown`".to_string(),
                    };
                    self.push(e, false, false);
                }
                Some((_, old)) if old != variant && old.is_some() && variant.is_some() => {
                    let e = Entry {
                        resource,
                        item: item(value),
                        kind: ChangeKind::Changed,
                        detail: format!(
                            "variant `{}` renamed to `{}`",
                            old.as_deref().unwrap_or_default(),
                            variant.as_deref().unwrap_or_default()
                        ),
                    };
                    self.push(e, true, false);
                }
                Some(_) => {}
            }
        }
        for (value, _) in &b {
            if !h.iter().any(|(hv, _)| hv == value) {
                let e = Entry {
                    resource,
                    item: item(value),
                    kind: ChangeKind::Removed,
                    detail: "its variant is gone".to_string(),
                };
                // Old clients may still send it.
                self.push(e, true, sides.request);
            }
        }
    }

    /// The properties of two object schemas, one by one. `owner` names them
    /// (`User`, `User.address`, `request body of user_create`).
    fn fields(
        &mut self,
        resource: &str,
        owner: &str,
        b: &'a Value,
        h: &'a Value,
        sides: Sides,
        depth: usize,
    ) {
        if depth > 8 {
            return;
        }
        let (Some(bo), Some(ho)) = (object_view(self.base, b), object_view(self.head, h)) else {
            return;
        };
        let word = sides.field_word();
        // A named type's field is `User.email`; an inline body's, `count` in the response of `op`.
        let inline = owner.contains(' ');
        let item = |prop: &str| {
            if inline {
                format!("{word} `{prop}` in the {owner}")
            } else {
                format!("{word} `{owner}.{prop}`")
            }
        };
        for (prop, hp) in &ho.properties {
            let hreq = ho.required.contains(prop);
            let Some(bp) = bo.properties.get(prop) else {
                let detail = format!(
                    "{} `{}`",
                    if hreq { "required" } else { "optional" },
                    describe(self.head, hp)
                );
                let e = Entry {
                    resource,
                    item: item(prop),
                    kind: ChangeKind::Added,
                    detail,
                };
                // A required field: the old SDK's requests lack it, and SDK code
                // building the struct must now set it.
                self.push(e, hreq, hreq && sides.request);
                continue;
            };
            let breq = bo.required.contains(prop);
            if breq != hreq {
                let e = Entry {
                    resource,
                    item: item(prop),
                    kind: ChangeKind::Changed,
                    detail: if hreq {
                        "optional → required".to_string()
                    } else {
                        "required → optional".to_string()
                    },
                };
                // Option<T> <-> T in Rust; on the wire, a request field that became
                // required, or a response field that may now be missing.
                let wire = if hreq { sides.request } else { sides.response };
                self.push(e, true, wire);
            }
            let (bn, hn) = (nullable(bp), nullable(hp));
            if bn != hn {
                let e = Entry {
                    resource,
                    item: item(prop),
                    kind: ChangeKind::Changed,
                    detail: if hn {
                        "became nullable".to_string()
                    } else {
                        "no longer nullable".to_string()
                    },
                };
                let wire = if hn { sides.response } else { sides.request };
                self.push(e, true, wire);
            }
            let (bs, hs) = (sig(self.base, bp), sig(self.head, hp));
            if bs != hs {
                let e = Entry {
                    resource,
                    item: item(prop),
                    kind: ChangeKind::Changed,
                    detail: format!("type `{bs}` → `{hs}`"),
                };
                self.push(e, true, true);
                continue;
            }
            let (bc, hc) = (constraints(bp), constraints(hp));
            if bc != hc {
                let e = Entry {
                    resource,
                    item: item(prop),
                    kind: ChangeKind::Changed,
                    detail: format!("constraints `{bc}` → `{hc}`"),
                };
                // The same Rust type; the server may refuse what it used to accept.
                self.push(e, false, sides.request);
            }
            let (bf, hf) = (format_note(bp), format_note(hp));
            if bf != hf {
                let e = Entry {
                    resource,
                    item: item(prop),
                    kind: ChangeKind::Changed,
                    detail: format!(
                        "format annotation `{}` → `{}` (same Rust type)",
                        bf.as_deref().unwrap_or("none"),
                        hf.as_deref().unwrap_or("none")
                    ),
                };
                self.push(e, false, false);
            }
            // Inline objects (and arrays of them) are part of this type.
            let child = if inline {
                format!("{owner}, field `{prop}`")
            } else {
                format!("{owner}.{prop}")
            };
            if is_inline_object(bp) && is_inline_object(hp) {
                self.fields(resource, &child, bp, hp, sides, depth + 1);
            } else if let (Some(bi), Some(hi)) = (bp.get("items"), hp.get("items"))
                && is_inline_object(bi)
                && is_inline_object(hi)
            {
                self.fields(resource, &format!("{child}[]"), bi, hi, sides, depth + 1);
            }
        }
        for (prop, bp) in &bo.properties {
            if !ho.properties.contains_key(prop) {
                let e = Entry {
                    resource,
                    item: item(prop),
                    kind: ChangeKind::Removed,
                    detail: format!(
                        "was {} `{}`",
                        if bo.required.contains(prop) {
                            "required"
                        } else {
                            "optional"
                        },
                        describe(self.base, bp)
                    ),
                };
                // Gone from the Rust struct; on the wire, answers no longer carry it.
                self.push(e, true, sides.response);
            }
        }
    }
}

fn json(v: Option<Value>) -> String {
    v.map(|v| v.to_string())
        .unwrap_or_else(|| "none".to_string())
}

/// Whether each operation needs credentials, by id (the same rule as the SDK's table).
fn auth(doc: &Value) -> BTreeMap<String, bool> {
    extras::operations(doc)
        .into_iter()
        .map(|row| (row.id, row.auth))
        .collect()
}

/// The JSON schema of a request body or response: `application/json`, else
/// the first media type.
fn body_schema(body: &Value) -> Option<&Value> {
    let content = body.get("content")?.as_object()?;
    content
        .get("application/json")
        .or_else(|| content.values().next())?
        .get("schema")
}

/// `allOf: [X]` with nothing else that shapes the type (a description or
/// `nullable` beside it): the wrapper the schema uses to annotate a `$ref`.
fn single_all_of(schema: &Value) -> Option<&Value> {
    match schema.get("allOf")?.as_array()?.as_slice() {
        [only] if schema.get("properties").is_none() => Some(only),
        _ => None,
    }
}

fn is_inline_object(schema: &Value) -> bool {
    schema.get("$ref").is_none()
        && single_all_of(schema).is_none()
        && (schema.get("properties").is_some()
            || schema.get("type").and_then(Value::as_str) == Some("object"))
}

fn nullable(schema: &Value) -> bool {
    schema.get("nullable").and_then(Value::as_bool) == Some(true)
}

struct ObjectView<'a> {
    properties: BTreeMap<String, &'a Value>,
    required: BTreeSet<String>,
}

/// The properties and required names of an object schema, `$ref`s followed
/// and `allOf` parts merged; `None` if it is not an object.
fn object_view<'a>(doc: &'a Value, schema: &'a Value) -> Option<ObjectView<'a>> {
    let mut view = ObjectView {
        properties: BTreeMap::new(),
        required: BTreeSet::new(),
    };
    let mut any = false;
    collect_object(doc, schema, &mut view, &mut any, 0);
    any.then_some(view)
}

fn collect_object<'a>(
    doc: &'a Value,
    schema: &'a Value,
    view: &mut ObjectView<'a>,
    any: &mut bool,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    let schema = load::resolve(doc, schema);
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        *any = true;
        for (name, prop) in props {
            view.properties.insert(name.clone(), prop);
        }
    }
    if schema.get("type").and_then(Value::as_str) == Some("object") {
        *any = true;
    }
    if let Some(required) = schema.get("required").and_then(Value::as_array) {
        view.required.extend(
            required
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string),
        );
    }
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        for part in parts {
            collect_object(doc, part, view, any, depth + 1);
        }
    }
}

/// A named type's values with their `x-enum-varnames`, if it is an enum.
fn enum_values(schema: &Value) -> Option<Vec<(Value, Option<String>)>> {
    let values = schema.get("enum")?.as_array()?;
    let names = schema.get("x-enum-varnames").and_then(Value::as_array);
    Some(
        values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let name = names
                    .and_then(|n| n.get(i))
                    .and_then(Value::as_str)
                    .map(str::to_string);
                (v.clone(), name)
            })
            .collect(),
    )
}

/// The kind of a named type: `string enum`, `integer enum`, `object`, or its
/// type signature.
fn shape(doc: &Value, schema: &Value) -> String {
    if schema.get("enum").is_some() {
        let kind = schema.get("type").and_then(Value::as_str).unwrap_or("any");
        return format!("{kind} enum");
    }
    if is_inline_object(schema)
        || (schema.get("allOf").is_some() && object_view(doc, schema).is_some())
    {
        return "object".to_string();
    }
    sig(doc, schema)
}

/// String formats that do not change the Rust type (typify makes them `String`).
const ANNOTATION_FORMATS: [&str; 7] = [
    "password",
    "email",
    "idn-email",
    "uri",
    "uri-reference",
    "url",
    "hostname",
];

/// What a property is, for a report: its type and, when the type is a
/// string, its format annotation.
fn describe(doc: &Value, schema: &Value) -> String {
    let mut s = sig(doc, schema);
    if let Some(f) = format_note(schema) {
        let _ = write!(s, ", format {f}");
    }
    if nullable(schema) {
        s.push_str(", nullable");
    }
    s
}

fn format_note(schema: &Value) -> Option<String> {
    let f = schema.get("format")?.as_str()?;
    ANNOTATION_FORMATS.contains(&f).then(|| f.to_string())
}

/// The values bounding a string (`maxLength`, `minLength`, `pattern`).
fn constraints(schema: &Value) -> String {
    ["minLength", "maxLength", "pattern"]
        .iter()
        .filter_map(|k| schema.get(*k).map(|v| format!("{k} {v}")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A type's signature: two schemas with the same signature give the same Rust
/// type. A `$ref` (bare or in an `allOf` wrapper) is the referenced name;
/// nullability is compared separately.
pub fn sig(doc: &Value, schema: &Value) -> String {
    sig_at(doc, schema, 0)
}

fn sig_at(doc: &Value, schema: &Value, depth: usize) -> String {
    if depth > 16 {
        return "…".to_string();
    }
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        return match r.strip_prefix(SCHEMAS) {
            Some(name) => unescape(name),
            None => sig_at(doc, load::resolve(doc, schema), depth + 1),
        };
    }
    if let Some(only) = single_all_of(schema) {
        return sig_at(doc, only, depth + 1);
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        if let Some(parts) = schema.get(key).and_then(Value::as_array) {
            let parts: Vec<String> = parts.iter().map(|p| sig_at(doc, p, depth + 1)).collect();
            return format!("{key}({})", parts.join(", "));
        }
    }
    let kind = schema.get("type").and_then(Value::as_str);
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let values: Vec<String> = values.iter().map(Value::to_string).collect();
        return format!("{} enum [{}]", kind.unwrap_or("any"), values.join(", "));
    }
    let format = schema
        .get("format")
        .and_then(Value::as_str)
        .filter(|f| !ANNOTATION_FORMATS.contains(f));
    match kind {
        Some("array") => format!(
            "array of {}",
            schema
                .get("items")
                .map(|i| sig_at(doc, i, depth + 1))
                .unwrap_or_else(|| "any".to_string())
        ),
        Some("string") => {
            let mut s = match format {
                Some(f) => format!("string({f})"),
                None => "string".to_string(),
            };
            if !constraints(schema).is_empty() {
                s.push_str(" (constrained)");
            }
            s
        }
        Some("integer") | Some("number") => {
            let mut parts: Vec<String> = format.map(str::to_string).into_iter().collect();
            for (key, op) in [("minimum", ">="), ("maximum", "<=")] {
                if let Some(v) = schema.get(key) {
                    parts.push(format!("{op} {v}"));
                }
            }
            let kind = kind.unwrap_or_default();
            if parts.is_empty() {
                kind.to_string()
            } else {
                format!("{kind}({})", parts.join(", "))
            }
        }
        Some("boolean") => "boolean".to_string(),
        _ if schema.get("properties").is_some() || kind == Some("object") => {
            match schema.get("additionalProperties") {
                Some(inner @ Value::Object(_)) if schema.get("properties").is_none() => {
                    format!("map of {}", sig_at(doc, inner, depth + 1))
                }
                _ => "object".to_string(),
            }
        }
        Some(other) => other.to_string(),
        None => "any".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn signatures_follow_refs_and_wrappers() {
        let doc = json!({"components": {"schemas": {"G": {"type": "string", "enum": ["a"]}}}});
        let wrapped = json!({"nullable": true, "description": "x", "allOf": [{"$ref": "#/components/schemas/G"}]});
        assert_eq!(sig(&doc, &wrapped), "G");
        assert_eq!(sig(&doc, &json!({"$ref": "#/components/schemas/G"})), "G");
        assert_eq!(
            sig(&doc, &json!({"type": "string", "format": "email"})),
            "string"
        );
        assert_eq!(
            sig(&doc, &json!({"type": "string", "format": "date-time"})),
            "string(date-time)"
        );
        assert_eq!(
            sig(
                &doc,
                &json!({"type": "array", "items": {"type": "integer", "format": "int64"}})
            ),
            "array of integer(int64)"
        );
        assert_eq!(
            sig(&doc, &json!({"type": "string", "maxLength": 3})),
            "string (constrained)"
        );
    }
}
