//! JSON Patch (RFC 6902) operations applied to the YAML text of
//! `schema/mindz.yaml` by editing only the lines they must: every other byte
//! (comments, key order, quoting, line breaks) stays as it was.
//!
//! Supported, on block-style YAML: `add` of a mapping member (a scalar, or a
//! small object written as a block), `add` of an array's last element
//! (`/-`, in a block or flow sequence), `add` of a new array, and `replace`
//! of a scalar. Anything else is refused with the pointer. Each edit is
//! checked: the edited text must parse to what the patch gives the parsed
//! document.

use serde_json::Value;

/// One JSON Patch operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatchOp {
    /// `add` or `replace`.
    pub op: String,
    /// JSON pointer into the schema.
    pub path: String,
    /// The value.
    pub value: Value,
}

impl PatchOp {
    /// Reads `{"op": .., "path": .., "value": ..}`.
    ///
    /// # Errors
    ///
    /// A member missing or of the wrong type.
    pub fn from_json(v: &Value) -> Result<PatchOp, String> {
        let text = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| format!("a patch operation without a string `{k}`: {v}"))
        };
        Ok(PatchOp {
            op: text("op")?,
            path: text("path")?,
            value: v
                .get("value")
                .cloned()
                .ok_or_else(|| format!("a patch operation without `value`: {v}"))?,
        })
    }
}

/// `op` applied to the parsed document; `Ok(false)` when it already holds
/// (the member has that value, or the array has that element).
///
/// # Errors
///
/// The pointer's parent does not exist, or `op` is not `add`/`replace`.
pub fn apply_json(doc: &mut Value, op: &PatchOp) -> Result<bool, String> {
    let (parent, last) = split(&op.path)?;
    let holder = doc
        .pointer_mut(&parent)
        .ok_or_else(|| format!("{}: no such node {parent}", op.path))?;
    match (op.op.as_str(), holder) {
        ("add", Value::Array(items)) if last == "-" => {
            if items.contains(&op.value) {
                return Ok(false);
            }
            items.push(op.value.clone());
            Ok(true)
        }
        ("add" | "replace", Value::Object(map)) => {
            if map.get(&last) == Some(&op.value) {
                return Ok(false);
            }
            if op.op == "replace" && !map.contains_key(&last) {
                return Err(format!("{}: nothing to replace", op.path));
            }
            map.insert(last, op.value.clone());
            Ok(true)
        }
        (other, _) => Err(format!(
            "{}: `{other}` here is not supported (add to an object or an array's end, replace a member)",
            op.path
        )),
    }
}

/// The parent pointer and the last token (unescaped).
fn split(path: &str) -> Result<(String, String), String> {
    let at = path
        .rfind('/')
        .ok_or_else(|| format!("`{path}` is not a JSON pointer"))?;
    Ok((path[..at].to_string(), unescape(&path[at + 1..])))
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// `op` applied to the YAML `text`, editing only the lines it must; `None`
/// when it already holds.
///
/// # Errors
///
/// A node the editor cannot reach (flow style, a sequence on the way), or
/// an edit that does not give what the patch gives the parsed document.
pub fn apply_text(text: &str, op: &PatchOp) -> Result<Option<String>, String> {
    let mut expected: Value =
        serde_yaml_ng::from_str(text).map_err(|e| format!("the schema is not valid YAML: {e}"))?;
    if !apply_json(&mut expected, op)? {
        return Ok(None);
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let (parent, last) = split(&op.path)?;
    let node = locate(&lines, &parent).map_err(|e| format!("{}: {e}", op.path))?;
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let existing = if last == "-" || node.is_sequence || node.inline {
        None
    } else {
        find_key(&lines, node.start, node.end, &last)
    };
    match existing {
        Some(at) => {
            // A member that is there: replace its inline scalar.
            if op.value.is_object() || op.value.is_array() {
                return Err(format!(
                    "{}: already there with another value; edit it by hand",
                    op.path
                ));
            }
            let line = lines[at];
            let body = line.trim_end_matches(['\r', '\n']);
            let colon = key_end(body.trim_start())
                .ok_or_else(|| format!("{}: cannot read the key", op.path))?;
            let indent = indent_of(body);
            let comment = comment_of(&body[indent + colon + 1..]);
            out[at] = format!(
                "{}: {}{comment}{newline}",
                &body[..indent + colon],
                scalar(&op.value)
            );
        }
        None if last == "-" => {
            // The array's end: `parent` is the array itself.
            let (array_parent, array_key) = split(&parent)?;
            let holder = locate(&lines, &array_parent).map_err(|e| format!("{}: {e}", op.path))?;
            let at = find_key(&lines, holder.start, holder.end, &array_key)
                .ok_or_else(|| format!("{}: no array `{array_key}`", op.path))?;
            let body = lines[at].trim_end_matches(['\r', '\n']);
            let key_indent = indent_of(body);
            let colon = key_end(body.trim_start())
                .ok_or_else(|| format!("{}: cannot read the key", op.path))?;
            let after = body[key_indent + colon + 1..].trim_start();
            if let Some(flow) = after.strip_prefix('[') {
                let close = flow
                    .rfind(']')
                    .ok_or_else(|| format!("{}: a flow sequence over several lines", op.path))?;
                let inner = flow[..close].trim();
                let joined = if inner.is_empty() {
                    scalar(&op.value)
                } else {
                    format!("{inner}, {}", scalar(&op.value))
                };
                out[at] = format!(
                    "{}[{joined}]{}{newline}",
                    &body[..body.len() - after.len()],
                    &flow[close + 1..]
                );
            } else if comment_of(after).len() == after.len() {
                let end = block_end(&lines, at, key_indent);
                let item = (at + 1..end)
                    .find(|&i| is_content(lines[i]))
                    .map(|i| indent_of(lines[i]))
                    .ok_or_else(|| format!("{}: an empty array", op.path))?;
                let last_line = last_content(&lines, at, end);
                out.insert(
                    last_line + 1,
                    format!("{}- {}{newline}", " ".repeat(item), scalar(&op.value)),
                );
            } else {
                return Err(format!("{}: not a sequence", op.path));
            }
        }
        None => {
            // A new member at the end of the mapping `parent`.
            if node.is_sequence || node.inline {
                return Err(format!(
                    "{}: {parent} is not a block mapping; edit it by hand",
                    op.path
                ));
            }
            let indent = node.child_indent;
            let mut block = format!("{}{}:", " ".repeat(indent), key_text(&last));
            match &op.value {
                Value::Object(map) if !map.is_empty() => {
                    block.push_str(newline);
                    push_block(&mut block, &op.value, indent + 2, newline)?;
                }
                Value::Array(items) if !items.is_empty() => {
                    block.push_str(newline);
                    for item in items {
                        block.push_str(&format!(
                            "{}- {}{newline}",
                            " ".repeat(indent),
                            scalar(item)
                        ));
                    }
                }
                other => block.push_str(&format!(" {}{newline}", scalar(other))),
            }
            let at = last_content(&lines, node.key_line, node.end);
            out.insert(at + 1, block);
        }
    }
    let edited = out.concat();
    let got: Value = serde_yaml_ng::from_str(&edited)
        .map_err(|e| format!("{}: the edit broke the YAML ({e})", op.path))?;
    if got != expected {
        return Err(format!(
            "{}: the edited text does not read back as the patched schema; edit it by hand",
            op.path
        ));
    }
    Ok(Some(edited))
}

/// A value written as a YAML block at `indent` (serde_yaml_ng's block style).
fn push_block(out: &mut String, value: &Value, indent: usize, newline: &str) -> Result<(), String> {
    let text = serde_yaml_ng::to_string(value).map_err(|e| e.to_string())?;
    for line in text.lines() {
        out.push_str(&" ".repeat(indent));
        out.push_str(line);
        out.push_str(newline);
    }
    Ok(())
}

/// A scalar (or a small flow collection) on one line.
fn scalar(value: &Value) -> String {
    match value {
        Value::Object(m) if m.is_empty() => "{}".to_string(),
        Value::Array(a) if a.is_empty() => "[]".to_string(),
        other => serde_yaml_ng::to_string(other)
            .map(|s| s.trim_end().to_string())
            .unwrap_or_default(),
    }
}

/// A mapping key, quoted when YAML needs it.
fn key_text(key: &str) -> String {
    scalar(&Value::String(key.to_string()))
}

/// A node of the YAML text: the lines of its block.
struct Node {
    /// The line of its key (`usize::MAX` for the document).
    key_line: usize,
    /// First and past-last line of its block.
    start: usize,
    end: usize,
    /// The indentation of its members.
    child_indent: usize,
    /// Its value is on the key's line (`{..}`, a scalar).
    inline: bool,
    /// Its members are `- ` items.
    is_sequence: bool,
}

fn locate(lines: &[&str], pointer: &str) -> Result<Node, String> {
    let mut node = Node {
        key_line: usize::MAX,
        start: 0,
        end: lines.len(),
        child_indent: 0,
        inline: false,
        is_sequence: false,
    };
    if pointer.is_empty() {
        return Ok(node);
    }
    for token in pointer.split('/').skip(1).map(unescape) {
        if node.is_sequence || node.inline {
            return Err(format!(
                "cannot reach `{token}` (a sequence or flow style on the way)"
            ));
        }
        let at = find_key(lines, node.start, node.end, &token)
            .ok_or_else(|| format!("no key `{token}` in the text"))?;
        let body = lines[at].trim_end_matches(['\r', '\n']);
        let indent = indent_of(body);
        let colon = key_end(body.trim_start()).unwrap_or(0);
        let after = comment_free(&body[indent + colon + 1..]);
        let end = block_end(lines, at, indent);
        let first = (at + 1..end).find(|&i| is_content(lines[i]));
        node = Node {
            key_line: at,
            start: at + 1,
            end,
            child_indent: first.map_or(indent + 2, |i| indent_of(lines[i])),
            inline: !after.trim().is_empty(),
            is_sequence: first.is_some_and(|i| lines[i].trim_start().starts_with("- ")),
        };
    }
    Ok(node)
}

/// The line of key `key` among the members of the block `start..end`.
fn find_key(lines: &[&str], start: usize, end: usize, key: &str) -> Option<usize> {
    let indent = (start..end)
        .filter(|&i| is_content(lines[i]))
        .map(|i| indent_of(lines[i]))
        .min()?;
    (start..end).find(|&i| {
        let line = lines[i].trim_end_matches(['\r', '\n']);
        is_content(line) && indent_of(line) == indent && {
            let t = line.trim_start();
            key_end(t).is_some_and(|c| unquote(&t[..c]) == key)
        }
    })
}

/// Where the key of a `key: value` line ends (the colon), if it is one.
fn key_end(t: &str) -> Option<usize> {
    if t.starts_with("- ") || t.starts_with('#') {
        return None;
    }
    let bytes = t.as_bytes();
    let mut i = 0;
    if let Some(q @ (b'\'' | b'"')) = bytes.first().copied() {
        i = 1;
        while i < bytes.len() {
            if bytes[i] == q {
                if q == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                    i += 2;
                    continue;
                }
                break;
            }
            i += 1;
        }
        i += 1;
        return (bytes.get(i) == Some(&b':')).then_some(i);
    }
    while i < bytes.len() {
        if bytes[i] == b':' && (i + 1 == bytes.len() || bytes[i + 1] == b' ') {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn unquote(key: &str) -> String {
    if let Some(inner) = key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')) {
        inner.replace("''", "'")
    } else if key.starts_with('"') {
        serde_yaml_ng::from_str::<String>(key).unwrap_or_else(|_| key.to_string())
    } else {
        key.to_string()
    }
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// The text after a value's ` #` comment starts (with it), or "".
fn comment_of(after_colon: &str) -> &str {
    after_colon.find(" #").map_or("", |c| &after_colon[c..])
}

fn comment_free(after_colon: &str) -> &str {
    let c = comment_of(after_colon);
    &after_colon[..after_colon.len() - c.len()]
}

/// Past the last line of the block opened at `at` (indent `indent`): the
/// next content line indented as much or less. A `- ` item at the same
/// indent still belongs to the block (YAML's compact sequences).
fn block_end(lines: &[&str], at: usize, indent: usize) -> usize {
    let mut end = at + 1;
    while end < lines.len() {
        let l = lines[end];
        if is_content(l) {
            let i = indent_of(l);
            let item = l.trim_start().starts_with("- ");
            if i < indent || (i == indent && !item) {
                break;
            }
        }
        end += 1;
    }
    end
}

/// The last content line in `from..end` (or `from` itself).
fn last_content(lines: &[&str], from: usize, end: usize) -> usize {
    let from = if from == usize::MAX { 0 } else { from };
    (from..end)
        .rev()
        .find(|&i| is_content(lines[i]))
        .unwrap_or(from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TEXT: &str = "# top comment\nopenapi: 3.0.3\ncomponents:\n  schemas:\n    User:\n      type: object\n      required:\n      - id\n      properties:\n        id: {type: integer}  # the id\n        name:\n          type: string\n          maxLength: 30 # kept\n\n    # a comment between\n    Gender:\n      type: string\n      enum: [male, female]\n    Kind:\n      enum:\n        - a\n        - b\n      type: string\n";

    fn op(op: &str, path: &str, value: Value) -> PatchOp {
        PatchOp {
            op: op.into(),
            path: path.into(),
            value,
        }
    }

    fn changed_lines(before: &str, after: &str) -> Vec<String> {
        let diff = similar::TextDiff::from_lines(before, after);
        diff.iter_all_changes()
            .filter(|c| c.tag() != similar::ChangeTag::Equal)
            .map(|c| format!("{}{}", c.tag(), c.value().trim_end()))
            .collect()
    }

    #[test]
    fn each_edit_touches_only_its_lines() {
        let cases = [
            (
                op(
                    "add",
                    "/components/schemas/User/properties/nickname",
                    json!({"type": "string", "description": "Seen."}),
                ),
                vec![
                    "+        nickname:",
                    "+          description: Seen.",
                    "+          type: string",
                ],
            ),
            (
                op(
                    "add",
                    "/components/schemas/User/properties/name/x-mindz-max-length",
                    json!(150),
                ),
                vec!["+          x-mindz-max-length: 150"],
            ),
            (
                op(
                    "replace",
                    "/components/schemas/User/properties/name/maxLength",
                    json!(60),
                ),
                vec![
                    "-          maxLength: 30 # kept",
                    "+          maxLength: 60 # kept",
                ],
            ),
            (
                op("add", "/components/schemas/Gender/enum/-", json!("other")),
                vec![
                    "-      enum: [male, female]",
                    "+      enum: [male, female, other]",
                ],
            ),
            (
                op("add", "/components/schemas/Kind/enum/-", json!("c")),
                vec!["+        - c"],
            ),
            (
                op("add", "/components/schemas/User/required/-", json!("name")),
                vec!["+      - name"],
            ),
            (
                op("add", "/components/schemas/Gender/nullable", json!(true)),
                vec!["+      nullable: true"],
            ),
        ];
        for (patch, want) in cases {
            let after = apply_text(TEXT, &patch).unwrap().expect("a change");
            assert_eq!(changed_lines(TEXT, &after), want, "{patch:?}");
            assert_eq!(
                apply_text(&after, &patch).unwrap(),
                None,
                "applied twice: {patch:?}"
            );
        }
    }

    #[test]
    fn unreachable_nodes_are_refused_with_the_pointer() {
        let e = apply_text(
            TEXT,
            &op(
                "add",
                "/components/schemas/User/properties/id/format",
                json!("int64"),
            ),
        )
        .unwrap_err();
        assert!(
            e.starts_with("/components/schemas/User/properties/id/format:"),
            "{e}"
        );
        let e = apply_text(TEXT, &op("add", "/components/schemas/Nope/x", json!(1))).unwrap_err();
        assert!(e.contains("no such node"), "{e}");
        let e = apply_text(TEXT, &op("remove", "/openapi", json!(null))).unwrap_err();
        assert!(e.contains("not supported"), "{e}");
    }
}
