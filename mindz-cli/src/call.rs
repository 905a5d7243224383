//! One command's run: flag values checked against the SDK's types for the
//! generated `dispatch`, the request body, `--dry-run`, the send through
//! the SDK ([`mindz_sdk::RawRequest`], so that the answer is printed as the
//! school sent it) and the output (JSON, or NDJSON with `--all`).

use std::io::{IsTerminal, Read, Write};
use std::num::NonZeroU64;
use std::sync::atomic::{AtomicI64, Ordering};

use clap::ArgMatches;
use mindz_sdk::pagination::{Page, Paginated, PaginatedExt};
use mindz_sdk::{Client, ClientInfo, Method};
use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_json::value::RawValue;

use crate::exit::CliError;
use crate::ops::Op;

/// What a password looks like in `--dry-run`'s output.
pub const MASK: &str = "***";

/// One operation's run, from its parsed flags.
pub struct Call<'m> {
    op: &'static Op,
    matches: &'m ArgMatches,
    client: Client,
    dry_run: bool,
}

/// The clap id of a parameter's flag.
pub fn param_id(name: &str) -> String {
    format!("param:{name}")
}

/// The clap id of a body field's flag.
pub fn field_id(name: &str) -> String {
    format!("field:{name}")
}

/// The clap id of a password field's `--<field>-stdin` flag.
pub fn stdin_id(name: &str) -> String {
    format!("stdin:{name}")
}

impl<'m> Call<'m> {
    /// A run of `op` with its flags and a client (which, for `--dry-run`,
    /// never sends anything).
    pub fn new(op: &'static Op, matches: &'m ArgMatches, client: Client) -> Self {
        let dry_run = matches.get_flag("dry-run");
        Call {
            op,
            matches,
            client,
            dry_run,
        }
    }

    /// The operation.
    pub fn op(&self) -> &'static Op {
        self.op
    }

    /// Whether `--all` was given.
    pub fn all(&self) -> bool {
        self.op.paginated && self.matches.get_flag("all")
    }

    fn raw(&self, name: &str) -> Option<&'m String> {
        self.matches.get_one::<String>(&param_id(name))
    }

    /// The optional parameter `name`, typed.
    ///
    /// # Errors
    ///
    /// A value that is not a `T` (usage, naming the flag).
    pub fn param<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, CliError> {
        let Some(text) = self.raw(name) else {
            return Ok(None);
        };
        let flag = self.flag_of(name);
        parse_value(text)
            .map(Some)
            .map_err(|e| CliError::Usage(format!("invalid value '{text}' for --{flag}: {e}")))
    }

    /// The required parameter `name`, typed.
    ///
    /// # Errors
    ///
    /// As for [`param`](Self::param), or a missing flag.
    pub fn required<T: DeserializeOwned>(&self, name: &str) -> Result<T, CliError> {
        self.param(name)?.ok_or_else(|| {
            CliError::Usage(format!("the flag --{} is required", self.flag_of(name)))
        })
    }

    fn flag_of(&self, name: &str) -> &'static str {
        self.op
            .params
            .iter()
            .find(|p| p.name == name)
            .map_or("?", |p| p.flag)
    }

    /// The request body: `--body FILE` (`-` for stdin), then the field
    /// flags over it, then passwords from `--<field>-stdin` or a prompt. It
    /// must read as the SDK's `T`, and is sent as given (a field the schema
    /// lacks included).
    ///
    /// # Errors
    ///
    /// An unreadable file, JSON that is not an object, a field flag that is
    /// not JSON, or a body that is not a `T` (all usage).
    pub fn body<T: DeserializeOwned>(&self) -> Result<Value, CliError> {
        let value = self.body_value()?;
        T::deserialize(&value).map_err(|e| CliError::Usage(format!("invalid body: {e}")))?;
        Ok(value)
    }

    fn body_value(&self) -> Result<Value, CliError> {
        let usage = CliError::Usage;
        let fields = self.op.body.map_or(&[][..], |b| b.fields);
        let from_stdin = fields
            .iter()
            .filter(|f| f.password && self.matches.get_flag(&stdin_id(f.name)))
            .count();
        let mut value = match self.matches.get_one::<String>("body") {
            Some(path) => {
                let text = if path == "-" {
                    if from_stdin > 0 {
                        return Err(usage(
                            "--body - and a --<field>-stdin flag cannot both read stdin".into(),
                        ));
                    }
                    let mut text = String::new();
                    std::io::stdin().read_to_string(&mut text)?;
                    text
                } else {
                    std::fs::read_to_string(path)
                        .map_err(|e| usage(format!("cannot read --body {path}: {e}")))?
                };
                serde_json::from_str(&text)
                    .map_err(|e| usage(format!("--body {path} is not JSON: {e}")))?
            }
            None => Value::Object(Default::default()),
        };
        if from_stdin > 1 {
            return Err(usage("only one --<field>-stdin flag can read stdin".into()));
        }
        let has_flags = from_stdin > 0
            || fields.iter().any(|f| {
                !f.password && self.matches.get_one::<String>(&field_id(f.name)).is_some()
            });
        let Some(object) = value.as_object_mut() else {
            if has_flags {
                return Err(usage(
                    "--body must be a JSON object to add field flags to".into(),
                ));
            }
            return Ok(value);
        };
        for field in fields {
            if field.password {
                if self.matches.get_flag(&stdin_id(field.name)) {
                    object.insert(field.name.into(), Value::String(read_secret_line()?));
                } else if field.required && !object.contains_key(field.name) {
                    object.insert(field.name.into(), Value::String(prompt(field.flag)?));
                }
                continue;
            }
            let Some(text) = self.matches.get_one::<String>(&field_id(field.name)) else {
                continue;
            };
            let v = if field.string {
                Value::String(text.clone())
            } else {
                serde_json::from_str(text).map_err(|e| {
                    usage(format!(
                        "invalid value '{text}' for --{}: not JSON ({e})",
                        field.flag
                    ))
                })?
            };
            object.insert(field.name.into(), v);
        }
        Ok(value)
    }

    /// Runs the call: with `--dry-run` prints it and sends nothing; with
    /// `--all` walks every page; otherwise sends it once and prints the
    /// answer's body as the school sent it (nothing for an empty body).
    ///
    /// # Errors
    ///
    /// The SDK's error, or writing to stdout failed.
    pub async fn send(&self, body: Option<Value>) -> Result<(), CliError> {
        if self.dry_run {
            return self.print_dry_run(body);
        }
        if self.all() {
            return self.walk().await;
        }
        let (path, query) = self.target(false);
        let mut request = self.client.request(self.method()?, &path).query(&query);
        if let Some(body) = &body {
            request = request.json(body);
        }
        let answer = request.send_bytes().await?.into_inner();
        let mut out = std::io::stdout().lock();
        write_json(&mut out, &answer, std::io::stdout().is_terminal())?;
        out.flush()?;
        Ok(())
    }

    fn method(&self) -> Result<Method, CliError> {
        Method::from_bytes(self.op.method.as_bytes()).map_err(|_| {
            CliError::Usage(format!(
                "{}: no HTTP method {:?}",
                self.op.id, self.op.method
            ))
        })
    }

    /// `--dry-run`: the method, the URL and the JSON body (with every
    /// password as `***`).
    fn print_dry_run(&self, body: Option<Value>) -> Result<(), CliError> {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{} {}", self.op.method, self.url())?;
        if let Some(mut value) = body {
            mask(self.op, &mut value);
            let text = serde_json::to_vec(&value).map_err(std::io::Error::from)?;
            write_json(&mut out, &text, std::io::stdout().is_terminal())?;
        }
        out.flush()?;
        Ok(())
    }

    /// The request's path with its parameters, and the query parameters
    /// given (without `limit` and `offset` when `paging`).
    fn target(&self, paging: bool) -> (String, Vec<(String, String)>) {
        let mut path = self.op.path.to_string();
        let mut query = Vec::new();
        for p in self.op.params {
            let Some(value) = self.raw(p.name) else {
                continue;
            };
            if p.path {
                path = path.replace(&format!("{{{}}}", p.name), &encode(value));
            } else if !(paging && matches!(p.name, "limit" | "offset")) {
                query.push((p.name.to_owned(), value.clone()));
            }
        }
        (path, query)
    }

    /// The request's URL: the base URL, the path with its parameters, and
    /// the query parameters given.
    pub fn url(&self) -> String {
        let (path, query) = self.target(false);
        let mut url = format!("{}{path}", self.client.baseurl());
        for (i, (name, value)) in query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(&format!("{}={}", encode(name), encode(value)));
        }
        url
    }

    /// `--all`: walks every page through the SDK's stream and prints one
    /// record per line (NDJSON), each as the school sent it, with `records
    /// of count` on stderr when stderr is a terminal. `--limit` sets the
    /// page size.
    async fn walk(&self) -> Result<(), CliError> {
        use futures::TryStreamExt;
        let page_size = self
            .param::<NonZeroU64>("limit")?
            .unwrap_or(mindz_sdk::pagination::DEFAULT_PAGE_SIZE);
        let (path, query) = self.target(true);
        let count = AtomicI64::new(-1);
        let pages = Pages {
            client: &self.client,
            method: self.method()?,
            path: &path,
            query: &query,
            count: &count,
            page: None,
        };
        let progress = std::io::stderr().is_terminal();
        let mut records = std::pin::pin!(pages.stream_with_page_size(page_size));
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let mut seen = 0u64;
        let result = async {
            while let Some(record) = records.try_next().await? {
                write_json(&mut out, record.get().as_bytes(), false)?;
                seen += 1;
                if progress {
                    out.flush()?;
                    eprint!("\r{seen} of {}", count.load(Ordering::Relaxed));
                }
            }
            out.flush()?;
            Ok::<(), CliError>(())
        }
        .await;
        if progress && seen > 0 {
            eprintln!();
        }
        result
    }
}

/// The pages of a list, sent through the SDK like any call; records are
/// kept as the school sent them. Remembers the `count` of the last page
/// (for `--all`'s progress).
#[derive(Clone)]
struct Pages<'c> {
    client: &'c Client,
    method: Method,
    path: &'c str,
    query: &'c [(String, String)],
    count: &'c AtomicI64,
    /// `limit` and `offset`.
    page: Option<(NonZeroU64, u64)>,
}

/// A DRF page with its records undecoded.
#[derive(serde::Deserialize)]
struct RawPage {
    count: i64,
    next: Option<String>,
    results: Vec<Box<RawValue>>,
}

impl Paginated for Pages<'_> {
    type Item = Box<RawValue>;
    const OPERATION_ID: &'static str = "mindz --all";

    fn with_page(self, limit: NonZeroU64, offset: u64) -> Self {
        Pages {
            page: Some((limit, offset)),
            ..self
        }
    }

    async fn fetch_page(self) -> mindz_sdk::Result<Page<Self::Item>> {
        let mut query = self.query.to_vec();
        if let Some((limit, offset)) = self.page {
            query.push(("limit".into(), limit.to_string()));
            query.push(("offset".into(), offset.to_string()));
        }
        let page = self
            .client
            .request(self.method, self.path)
            .query(&query)
            .send::<RawPage>()
            .await?
            .into_inner();
        self.count.store(page.count, Ordering::Relaxed);
        Ok(Page {
            count: page.count,
            next: page.next,
            items: page.results,
        })
    }
}

/// A flag's text as a `T`: first as a JSON string (`maria`, `-created_at`,
/// `2026-01-31`), then as JSON (`3`, `true`).
fn parse_value<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    match serde_json::from_value(Value::String(text.to_owned())) {
        Ok(v) => Ok(v),
        Err(as_string) => serde_json::from_str(text).map_err(|_| as_string.to_string()),
    }
}

/// Replaces every password field of the body with `***`.
fn mask(op: &Op, value: &mut Value) {
    let Some(object) = value.as_object_mut() else {
        return;
    };
    for field in op.body.map_or(&[][..], |b| b.fields) {
        if field.password
            && let Some(v) = object.get_mut(field.name)
            && !v.is_null()
        {
            *v = Value::String(MASK.into());
        }
    }
}

/// Writes a JSON text as it is, token for token: pretty (two-space
/// indents) on a terminal, else compact, then a newline. Strings and
/// numbers are copied byte for byte; an empty body writes nothing.
fn write_json(out: &mut impl Write, json: &[u8], pretty: bool) -> std::io::Result<()> {
    let mut text = Vec::with_capacity(json.len() + json.len() / 4);
    reformat(json, pretty, &mut text);
    if text.is_empty() {
        return Ok(());
    }
    text.push(b'\n');
    out.write_all(&text)
}

/// `json` without the whitespace between its tokens, or (`pretty`) with
/// a newline and indent after each `{`, `[` and `,` and a space after each
/// `:`. Text that is not JSON is copied as it is, but for that whitespace.
fn reformat(json: &[u8], pretty: bool, out: &mut Vec<u8>) {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.resize(out.len() + 2 * depth, b' ');
    };
    let mut bytes = json.iter().copied().peekable();
    while let Some(b) = bytes.next() {
        if in_string {
            out.push(b);
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            b'"' => {
                in_string = true;
                out.push(b);
            }
            b'{' | b'[' => {
                out.push(b);
                while bytes.next_if(|c| c.is_ascii_whitespace()).is_some() {}
                if let Some(close @ (b'}' | b']')) = bytes.peek().copied() {
                    bytes.next();
                    out.push(close);
                } else {
                    depth += 1;
                    if pretty {
                        newline(out, depth);
                    }
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if pretty {
                    newline(out, depth);
                }
                out.push(b);
            }
            b',' => {
                out.push(b);
                if pretty {
                    newline(out, depth);
                }
            }
            b':' => {
                out.push(b);
                if pretty {
                    out.push(b' ');
                }
            }
            _ => out.push(b),
        }
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One line of stdin, without its line ending.
fn read_secret_line() -> Result<String, CliError> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let trimmed = line.trim_end_matches(['\r', '\n']);
    if trimmed.is_empty() {
        return Err(CliError::Usage("stdin gave an empty secret".into()));
    }
    Ok(trimmed.to_owned())
}

/// Asks for a secret on the terminal, without echo.
fn prompt(flag: &str) -> Result<String, CliError> {
    if !std::io::stdin().is_terminal() {
        return Err(CliError::Usage(format!(
            "the {flag} is needed: give --{flag}-stdin and write it to stdin"
        )));
    }
    rpassword::prompt_password(format!("{flag}: ")).map_err(CliError::Io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_text_becomes_the_type() {
        assert_eq!(parse_value::<i64>("3"), Ok(3));
        assert_eq!(parse_value::<String>("3"), Ok("3".to_string()));
        assert_eq!(parse_value::<bool>("true"), Ok(true));
        assert!(parse_value::<i64>("x").is_err());
        assert_eq!(parse_value::<NonZeroU64>("5").map(NonZeroU64::get), Ok(5));
        assert!(parse_value::<NonZeroU64>("0").is_err());
    }

    fn formatted(json: &str, pretty: bool) -> String {
        let mut out = Vec::new();
        reformat(json.as_bytes(), pretty, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn output_keeps_every_token_as_sent() {
        let sent = r#" {"b": 1.10, "a" :[ 1e2, "x, \"y\": {z}" ,{ },[]], "c":{"d":null}}"#;
        assert_eq!(
            formatted(sent, false),
            r#"{"b":1.10,"a":[1e2,"x, \"y\": {z}",{},[]],"c":{"d":null}}"#
        );
        assert_eq!(
            formatted(sent, true),
            "{\n  \"b\": 1.10,\n  \"a\": [\n    1e2,\n    \"x, \\\"y\\\": {z}\",\n    {},\n    []\n  ],\n  \"c\": {\n    \"d\": null\n  }\n}"
        );
        assert_eq!(formatted("", true), "");
        // Pretty output is the compact text, re-indented: the same JSON.
        let pretty: Value = serde_json::from_str(&formatted(sent, true)).unwrap();
        assert_eq!(pretty, serde_json::from_str::<Value>(sent).unwrap());
    }

    #[test]
    fn encoding_keeps_only_unreserved_characters() {
        assert_eq!(encode("maria silva/é"), "maria%20silva%2F%C3%A9");
        assert_eq!(encode("-created_at"), "-created_at");
    }
}
