//! One command's run: typed flag values for the generated `dispatch`, the
//! request body, `--dry-run`, and the output (JSON, or NDJSON with `--all`).

use std::io::{IsTerminal, Read, Write};
use std::num::NonZeroU64;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use clap::ArgMatches;
use mindz_sdk::pagination::{Page, Paginated, PaginatedExt};
use mindz_sdk::{Client, ClientInfo, ResponseValue};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

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

    /// The client.
    ///
    /// # Errors
    ///
    /// None today; the generated code calls it with `?` so that a client
    /// built lazily can fail here.
    pub fn client(&self) -> Result<&Client, CliError> {
        Ok(&self.client)
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
    /// flags over it, then passwords from `--<field>-stdin` or a prompt.
    ///
    /// # Errors
    ///
    /// An unreadable file, JSON that is not an object, a field flag that is
    /// not JSON, or a body that is not a `T` (all usage).
    pub fn body<T: DeserializeOwned>(&self) -> Result<T, CliError> {
        let value = self.body_value()?;
        serde_json::from_value(value).map_err(|e| CliError::Usage(format!("invalid body: {e}")))
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

    /// With `--dry-run`: prints the method, the URL and the JSON body (with
    /// every password as `***`) and returns `true`; sends nothing.
    ///
    /// # Errors
    ///
    /// Writing to stdout failed.
    pub fn dry_run<B: Serialize>(&self, body: Option<&B>) -> Result<bool, CliError> {
        if !self.dry_run {
            return Ok(false);
        }
        let mut out = std::io::stdout().lock();
        writeln!(out, "{} {}", self.op.method, self.url())?;
        if let Some(body) = body {
            let mut value = serde_json::to_value(body)
                .map_err(|e| CliError::Usage(format!("invalid body: {e}")))?;
            mask(self.op, &mut value);
            write_json(&mut out, &value, std::io::stdout().is_terminal())?;
        }
        out.flush()?;
        Ok(true)
    }

    /// The request's URL: the base URL, the path with its parameters, and
    /// the query parameters given.
    pub fn url(&self) -> String {
        let mut path = self.op.path.to_string();
        let mut query = Vec::new();
        for p in self.op.params {
            let Some(value) = self.raw(p.name) else {
                continue;
            };
            if p.path {
                path = path.replace(&format!("{{{}}}", p.name), &encode(value));
            } else {
                query.push(format!("{}={}", encode(p.name), encode(value)));
            }
        }
        let mut url = format!("{}{path}", self.client.baseurl());
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query.join("&"));
        }
        url
    }

    /// Prints a record or a page: pretty JSON on a terminal, compact
    /// otherwise.
    ///
    /// # Errors
    ///
    /// Writing to stdout failed.
    pub fn print<T: Serialize>(&self, response: ResponseValue<T>) -> Result<(), CliError> {
        let mut out = std::io::stdout().lock();
        write_json(&mut out, &*response, std::io::stdout().is_terminal())?;
        out.flush()?;
        Ok(())
    }

    /// An answer without a body: prints nothing.
    ///
    /// # Errors
    ///
    /// None; the generated code calls it like [`print`](Self::print).
    pub fn done(&self, _response: ResponseValue<()>) -> Result<(), CliError> {
        Ok(())
    }

    /// `--all`: walks every page through the SDK's stream and prints one
    /// record per line (NDJSON), with `records of count` on stderr when
    /// stderr is a terminal. `--limit` sets the page size.
    ///
    /// # Errors
    ///
    /// The SDK's error for a page, or writing to stdout failed.
    pub async fn walk<B: Paginated>(&self, request: B) -> Result<(), CliError> {
        use futures::TryStreamExt;
        let page_size = self
            .param::<NonZeroU64>("limit")?
            .unwrap_or(mindz_sdk::pagination::DEFAULT_PAGE_SIZE);
        let count = Arc::new(AtomicI64::new(-1));
        let counting = Counting {
            inner: request,
            count: Arc::clone(&count),
        };
        let progress = std::io::stderr().is_terminal();
        let mut records = std::pin::pin!(counting.stream_with_page_size(page_size));
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let mut seen = 0u64;
        let result = async {
            while let Some(record) = records.try_next().await? {
                serde_json::to_writer(&mut out, &record).map_err(std::io::Error::from)?;
                out.write_all(b"\n")?;
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

/// A list request that remembers the `count` of the last page it fetched
/// (for `--all`'s progress).
#[derive(Clone)]
struct Counting<B> {
    inner: B,
    count: Arc<AtomicI64>,
}

impl<B: Paginated> Paginated for Counting<B> {
    type Item = B::Item;
    const OPERATION_ID: &'static str = B::OPERATION_ID;

    fn with_page(self, limit: NonZeroU64, offset: u64) -> Self {
        Counting {
            inner: self.inner.with_page(limit, offset),
            count: self.count,
        }
    }

    async fn fetch_page(self) -> mindz_sdk::Result<Page<Self::Item>> {
        let page = self.inner.fetch_page().await?;
        self.count.store(page.count, Ordering::Relaxed);
        Ok(page)
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

fn write_json<T: Serialize + ?Sized>(
    out: &mut impl Write,
    value: &T,
    pretty: bool,
) -> std::io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    out.write_all(b"\n")
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

    #[test]
    fn encoding_keeps_only_unreserved_characters() {
        assert_eq!(encode("maria silva/é"), "maria%20silva%2F%C3%A9");
        assert_eq!(encode("-created_at"), "-created_at");
    }
}
