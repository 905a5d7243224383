//! `--mark-confirmed`: sets `x-mindz-confidence: confirmed` on operations of
//! `schema/mindz.yaml`, editing only the lines that say it (or adding one
//! after the `operationId` line where there is none), so that every other
//! byte of the file stays as it was.

/// The text with `x-mindz-confidence: confirmed` on each operation of `ids`,
/// and how many lines changed.
///
/// # Errors
///
/// An id whose `operationId:` line is not found exactly once.
pub fn mark_confirmed(text: &str, ids: &[&str]) -> Result<(String, usize), String> {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let mut changed = 0;
    for id in ids {
        let found: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                let t = l.trim();
                t.strip_prefix("operationId:")
                    .map(|v| v.trim().trim_matches(['\'', '"']) == *id)
                    .unwrap_or(false)
            })
            .map(|(i, _)| i)
            .collect();
        let [at] = found[..] else {
            return Err(format!(
                "operationId `{id}` appears {} times in the schema, not once",
                found.len()
            ));
        };
        let indent = indent_of(&lines[at]);
        // The operation's keys are the lines at `indent` between the line
        // that opens the operation (less indented) and the next such line.
        let mut start = at;
        while start > 0 && !opens_less_indented(&lines[start - 1], indent) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < lines.len() && !opens_less_indented(&lines[end], indent) {
            end += 1;
        }
        let existing = (start..end).find(|&i| {
            indent_of(&lines[i]) == indent
                && lines[i].trim_start().starts_with("x-mindz-confidence:")
        });
        let newline = if lines[at].ends_with("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        let line = |comment: &str| {
            format!(
                "{}x-mindz-confidence: confirmed{comment}{newline}",
                " ".repeat(indent)
            )
        };
        match existing {
            Some(i) => {
                let old = lines[i].trim_end_matches(['\r', '\n']);
                let comment = old.find(" #").map_or("", |c| &old[c..]);
                let wanted = line(comment);
                if lines[i] != wanted {
                    lines[i] = wanted;
                    changed += 1;
                }
            }
            None => {
                lines.insert(at + 1, line(""));
                changed += 1;
            }
        }
    }
    Ok((lines.concat(), changed))
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// A non-blank, non-comment line indented less than `indent`.
fn opens_less_indented(line: &str, indent: usize) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#') && indent_of(line) < indent
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: &str = "paths:\n  /a/:\n    get:\n      operationId: a_get\n      x-mindz-confidence: inferred # why\n      responses: {}\n    post:\n      x-mindz-confidence: seen\n      operationId: a_post\n      description: |\n        x-mindz-confidence: not this one\n  /b/:\n    get:\n      operationId: b_get\n      tags: [b]\n";

    #[test]
    fn changes_only_the_confidence_lines() {
        let (out, n) = mark_confirmed(SCHEMA, &["a_get", "a_post", "b_get"]).unwrap();
        assert_eq!(n, 3);
        let before: Vec<&str> = SCHEMA.lines().collect();
        let after: Vec<&str> = out.lines().collect();
        assert_eq!(after[4], "      x-mindz-confidence: confirmed # why");
        assert_eq!(after[7], "      x-mindz-confidence: confirmed");
        assert_eq!(after[10], "        x-mindz-confidence: not this one");
        assert_eq!(after[14], "      x-mindz-confidence: confirmed");
        let mut kept = after.clone();
        kept.remove(14);
        kept[4] = before[4];
        kept[7] = before[7];
        assert_eq!(kept, before);
        assert_eq!(mark_confirmed(&out, &["a_get"]).unwrap(), (out.clone(), 0));
        assert!(mark_confirmed(SCHEMA, &["nope"]).is_err());
    }

    #[test]
    fn the_real_schema_changes_only_where_asked() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/mindz.yaml");
        let text = std::fs::read_to_string(path).unwrap();
        let (out, n) = mark_confirmed(&text, &["user_get", "course_list"]).unwrap();
        assert!(n <= 2);
        let diff: Vec<(&str, &str)> = text
            .lines()
            .zip(out.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(diff.len(), n);
        assert!(
            diff.iter()
                .all(|(_, b)| b.trim() == "x-mindz-confidence: confirmed")
        );
        let doc: serde_json::Value = serde_yaml_ng::from_str(&out).unwrap();
        for (path, method) in [("/v2/users/{user_id}/", "get"), ("/v2/courses/", "get")] {
            let op = &doc["paths"][path][method];
            assert_eq!(op["x-mindz-confidence"], "confirmed");
        }
    }
}
