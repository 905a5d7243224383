//! Decoding a JSON body into a generated type, with an error that says what
//! was wrong and where, and never repeats the body.
//!
//! [`decode`] reports serde's message and the JSON path of the value that did
//! not fit (`results[3].price`, via `serde_path_to_error`). Values copied from
//! the body into serde's message (`invalid type: string "…"`, `unknown variant
//! `…``, numbers, booleans) are replaced by their kind, so a password or token
//! that arrives in the wrong place is not echoed into logs.

use serde::de::DeserializeOwned;

/// Why a body did not decode: serde's message (values from the body removed)
/// and the JSON path where it happened (`.` for the document itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DecodeFailure {
    /// serde's message, e.g. `invalid type: a string, expected f64 at line 1 column 12`.
    pub(crate) message: String,
    /// Where in the document, e.g. `results[3].price`.
    pub(crate) path: String,
}

impl std::fmt::Display for DecodeFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at `{}`: {}", self.path, self.message)
    }
}

/// Decodes `bytes` as JSON into `T` (used by [`crate::error::DecodeError`]
/// once the fast decode has failed).
pub(crate) fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeFailure> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| DecodeFailure {
        path: e.path().to_string(),
        message: redact(&e.inner().to_string()),
    })?;
    de.end().map_err(|e| DecodeFailure {
        path: ".".to_owned(),
        message: redact(&e.to_string()),
    })?;
    Ok(value)
}

/// serde's message with the values it quotes from the input replaced by
/// their kind: `string "abc"` becomes `a string`, ``integer `5` `` becomes
/// `an integer`, ``unknown variant `x` `` becomes `unknown variant`.
fn redact(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    'scan: while !rest.is_empty() {
        // `string "..."` (Debug-escaped, so it ends at the first unescaped quote).
        if let Some(after) = rest.strip_prefix("string \"") {
            let mut escaped = false;
            for (i, c) in after.char_indices() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => {
                        out.push_str("a string");
                        rest = &after[i + 1..];
                        continue 'scan;
                    }
                    _ => escaped = false,
                }
            }
            out.push_str("a string");
            break;
        }
        for (prefix, kind) in [
            ("unknown variant `", "unknown variant"),
            ("integer `", "an integer"),
            ("floating point `", "a number"),
            ("boolean `", "a boolean"),
            ("character `", "a character"),
        ] {
            if let Some(after) = rest.strip_prefix(prefix) {
                out.push_str(kind);
                rest = after.find('`').map_or("", |end| &after[end + 1..]);
                continue 'scan;
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{DecodeFailure, decode, redact};

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Page {
        results: Vec<Item>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Item {
        id: i64,
        kind: Kind,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Video,
    }

    fn failure<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> DecodeFailure {
        decode::<T>(json.as_bytes()).expect_err("does not decode")
    }

    #[test]
    fn names_the_path_and_hides_the_value() {
        let f = failure::<Page>(
            r#"{"results": [{"id": 1, "kind": "video"}, {"id": "hunter2-secret", "kind": "video"}]}"#,
        );
        assert_eq!(f.path, "results[1].id");
        assert!(
            f.message
                .starts_with("invalid type: a string, expected i64"),
            "{f}"
        );
        assert!(!f.to_string().contains("hunter2"), "{f}");
    }

    #[test]
    fn hides_unknown_variants_numbers_and_booleans() {
        let f = failure::<Page>(r#"{"results": [{"id": 1, "kind": "tok-123"}]}"#);
        assert_eq!(f.path, "results[0].kind");
        assert!(!f.message.contains("tok-123"), "{f}");
        assert!(
            f.message.starts_with("unknown variant, expected `video`"),
            "{f}"
        );
        let f = failure::<Page>(r#"{"results": [{"id": true, "kind": "video"}]}"#);
        assert!(
            f.message
                .starts_with("invalid type: a boolean, expected i64"),
            "{f}"
        );
        let f = failure::<Page>(r#"{"results": [{"id": 1, "kind": 987654}]}"#);
        assert!(!f.message.contains("987654"), "{f}");
    }

    #[test]
    fn syntax_errors_and_trailing_data_have_a_position_only() {
        let f = failure::<Page>(r#"{"results": [{"id": 1, "kind": "video"}"#);
        assert!(f.message.contains("line 1"), "{f}");
        let f = failure::<Vec<i64>>("[1] password=hunter2");
        assert_eq!(f.path, ".");
        assert!(!f.message.contains("hunter2"), "{f}");
    }

    #[test]
    fn redact_handles_escapes_and_unterminated_quotes() {
        assert_eq!(
            redact(r#"invalid value: string "a\"b", expected x"#),
            "invalid value: a string, expected x"
        );
        assert_eq!(redact(r#"string "never closed"#), "a string");
        assert_eq!(redact("missing field `name`"), "missing field `name`");
    }
}
