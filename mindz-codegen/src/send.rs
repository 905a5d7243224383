//! Gives every generated operation a `send()` that returns the SDK's own
//! error type.
//!
//! progenitor's `send()` builds the request, runs the client hooks and then
//! decodes the answer into `Result<ResponseValue<T>, progenitor_client::Error<ErrorBody>>`.
//! This step keeps the first half (the builder's checks, and building the
//! request, now in a closure) and hands the closure to the SDK's call
//! pipeline, `crate::pipeline::json` or `crate::pipeline::empty`, so that
//! `send()` returns `mindz_sdk::Result<ResponseValue<T>>`:
//!
//! ```text
//! let user_id = user_id.map_err(crate::Error::InvalidRequest)?;
//! let build = || -> crate::Result<::reqwest::Request> {
//!     let url = format!(..);
//!     let mut request = client.client.get(url)...build().map_err(crate::pipeline::build_failed)?;
//!     Ok(request)
//! };
//! crate::pipeline::json::<types::User>(
//!     client,
//!     &build,
//!     const { crate::operation::Operation::named("user_get") },
//!     options,
//! )
//! .await
//! ```
//!
//! The pipeline builds the request afresh for every send (a retry, a
//! resend with a fresh token, a redirect) instead of keeping a copy of the
//! first in case one is needed. The operation is found while compiling
//! (`const { }`): a call costs no lookup, and an id missing from
//! `OPERATIONS` fails the build.
//!
//! A lone `api-version` header goes straight on the request rather than
//! through a `HeaderMap` of its own (see [`inline_single_header`]), and an
//! optional query parameter through `.optional_query(..)`, which adds
//! nothing, not even a URL rewrite, when it is absent (see
//! [`skip_absent_queries`]).
//!
//! Every `send()` must have the shape progenitor 0.15 writes; anything else
//! is an error naming the builder and the operation, so that a progenitor
//! upgrade that changes its output fails loudly instead of producing a
//! half-rewritten client. What the rewrite drops is checked too: the
//! statements between `let info` and the match must be exactly progenitor's
//! hooks ([`check_hooks`]), and every arm but the success must give an error.
//!
//! Every builder also gets `.options(CallOptions)` (a boxed field, `None`
//! from `new()`), which its `send()` hands to the pipeline.

use proc_macro2::TokenStream;
use quote::quote;
use syn::visit_mut::VisitMut;

/// What a rewritten `send()` decodes on success.
enum Success {
    /// A JSON body of the given type.
    Json(Box<syn::Type>),
    /// No body (`204`).
    Empty,
}

/// Rewrites every `send()` of the `builder` module; returns how many.
pub fn rewrite(file: &mut syn::File) -> Result<usize, String> {
    let builder = file
        .items
        .iter_mut()
        .find_map(|item| match item {
            syn::Item::Mod(m) if m.ident == "builder" => m.content.as_mut(),
            _ => None,
        })
        .ok_or("progenitor produced no `builder` module")?;
    let optional = optional_fields(&builder.1);
    let mut count = 0;
    let mut builders = Vec::new();
    for item in &mut builder.1 {
        let syn::Item::Impl(imp) = item else { continue };
        let name = match imp.self_ty.as_ref() {
            syn::Type::Path(p) => p
                .path
                .segments
                .last()
                .map(|s| s.ident.to_string())
                .unwrap_or_default(),
            _ => continue,
        };
        let mut sends = 0;
        for member in &mut imp.items {
            if let syn::ImplItem::Fn(f) = member
                && f.sig.ident == "send"
            {
                let none = std::collections::BTreeSet::new();
                let optional = optional.get(&name).unwrap_or(&none);
                rewrite_send(f, optional).map_err(|e| format!("builder::{name}::send: {e}"))?;
                sends += 1;
            }
        }
        if sends == 0 {
            continue;
        }
        count += sends;
        add_options_setter(imp).map_err(|e| format!("builder::{name}: {e}"))?;
        builders.push(name);
    }
    if count == 0 {
        return Err("the `builder` module has no `send()` to rewrite".into());
    }
    if count != builders.len() {
        return Err(format!(
            "{count} `send()`s in {} builder impls, expected one each",
            builders.len()
        ));
    }
    add_options_fields(&mut builder.1, &builders)?;
    Ok(count)
}

/// The builder field that holds a call's [`CallOptions`]: boxed, so a
/// builder without options grows by one pointer and a call without them
/// allocates nothing.
///
/// [`CallOptions`]: https://docs.rs/mindz-sdk/latest/mindz_sdk/struct.CallOptions.html
fn options_field() -> syn::Field {
    syn::parse_quote!(options: Option<Box<crate::CallOptions>>)
}

/// Adds the `options` field to the struct of every builder in `names`.
fn add_options_fields(items: &mut [syn::Item], names: &[String]) -> Result<(), String> {
    let mut done = 0;
    for item in items {
        let syn::Item::Struct(st) = item else {
            continue;
        };
        if !names.iter().any(|n| st.ident == n) {
            continue;
        }
        let syn::Fields::Named(fields) = &mut st.fields else {
            return Err(format!(
                "builder::{}: the struct has no named fields",
                st.ident
            ));
        };
        if fields
            .named
            .iter()
            .any(|f| f.ident.as_ref().is_some_and(|i| i == "options"))
        {
            return Err(format!(
                "builder::{}: already has a field `options` (a parameter of that name?)",
                st.ident
            ));
        }
        let first = fields.named.first().and_then(|f| f.ident.as_ref());
        if first.is_none_or(|i| i != "client") {
            return Err(format!(
                "builder::{}: the first field is not `client`",
                st.ident
            ));
        }
        fields.named.push(options_field());
        done += 1;
    }
    if done != names.len() {
        return Err(format!(
            "{} builder impls but {done} builder structs of the same names",
            names.len()
        ));
    }
    Ok(())
}

/// Gives a builder's `new()` the field `options: None`, and the builder
/// `.options(CallOptions)`, just before `send()`.
fn add_options_setter(imp: &mut syn::ItemImpl) -> Result<(), String> {
    let mut news = 0;
    for member in &mut imp.items {
        let syn::ImplItem::Fn(f) = member else {
            continue;
        };
        if f.sig.ident != "new" {
            continue;
        }
        let Some(syn::Stmt::Expr(syn::Expr::Struct(init), None)) = f.block.stmts.last_mut() else {
            return Err("`new()` does not end with `Self { .. }`".into());
        };
        if !init.path.is_ident("Self") || init.rest.is_some() {
            return Err("`new()` does not end with `Self { .. }`".into());
        }
        init.fields.push(syn::parse_quote!(options: None));
        news += 1;
    }
    if news != 1 {
        return Err(format!("{news} `new()`s, expected one"));
    }
    let setter: syn::ImplItem = syn::parse_quote! {
        /// Settings for this call only (timeouts, retries, extra headers),
        /// replacing the client's where set: see [`crate::CallOptions`].
        pub fn options(mut self, options: crate::CallOptions) -> Self {
            self.options = Some(Box::new(options));
            self
        }
    };
    let at = imp
        .items
        .iter()
        .position(|it| matches!(it, syn::ImplItem::Fn(f) if f.sig.ident == "send"))
        .ok_or("no `send()`")?;
    imp.items.insert(at, setter);
    Ok(())
}

/// Adds `options` to send()'s first statement, `let Self { client, .. } = self;`.
fn destructure_options(stmt: &mut syn::Stmt) -> Result<(), String> {
    let shape = "the first statement is not `let Self { client, .. } = self;`";
    let syn::Stmt::Local(local) = stmt else {
        return Err(shape.into());
    };
    let is_self = local.init.as_ref().is_some_and(|init| {
        init.diverge.is_none()
            && matches!(init.expr.as_ref(), syn::Expr::Path(p) if p.path.is_ident("self"))
    });
    let syn::Pat::Struct(pattern) = &mut local.pat else {
        return Err(shape.into());
    };
    if !is_self || !pattern.path.is_ident("Self") || pattern.rest.is_some() {
        return Err(shape.into());
    }
    let syn::Pat::Struct(with) = syn::parse_quote!(Self { options }) else {
        return Err("could not build the `options` field pattern".into());
    };
    pattern.fields.extend(with.fields);
    Ok(())
}

fn rewrite_send(
    f: &mut syn::ImplItemFn,
    optional: &std::collections::BTreeSet<String>,
) -> Result<(), String> {
    let stmts = &f.block.stmts;
    let info_at = stmts
        .iter()
        .position(|stmt| binds(stmt, "info"))
        .ok_or("no `let info = OperationInfo { .. }`")?;
    let operation_id = operation_id(&stmts[info_at]).ok_or("no `operation_id` literal")?;
    let named = |e: String| format!("operation {}: {e}", operation_id.value());
    let Some(syn::Stmt::Expr(syn::Expr::Match(answer), None)) = stmts.last() else {
        return Err(named(
            "the body does not end with the match on the status".into(),
        ));
    };
    // What is dropped must be progenitor's hooks and nothing else.
    check_hooks(&stmts[info_at + 1..stmts.len() - 1]).map_err(named)?;
    let json = json_type(&f.sig.output).map_err(named)?;
    let success = success_arm(answer, json).map_err(named)?;
    let mut prefix: Vec<syn::Stmt> = stmts[..info_at].to_vec();
    destructure_options(prefix.first_mut().ok_or("an empty body")?)?;
    inline_single_header(&mut prefix);
    let mut fixer = FixErrors { builds: 0 };
    for stmt in &mut prefix {
        fixer.visit_stmt_mut(stmt);
    }
    if fixer.builds != 1 {
        return Err(named(format!(
            "{} `.build()?` in the request's building, expected one",
            fixer.builds
        )));
    }
    skip_absent_queries(&mut prefix, optional);
    wrap_building(&mut prefix)?;
    let tail: TokenStream = match &success {
        Success::Json(ty) => quote! {
            crate::pipeline::json::<#ty>(
                client,
                &build,
                const { crate::operation::Operation::named(#operation_id) },
                options,
            )
            .await
        },
        Success::Empty => quote! {
            crate::pipeline::empty(
                client,
                &build,
                const { crate::operation::Operation::named(#operation_id) },
                options,
            )
            .await
        },
    };
    let output: TokenStream = match &success {
        Success::Json(ty) => quote!(-> crate::Result<ResponseValue<#ty>>),
        Success::Empty => quote!(-> crate::Result<ResponseValue<()>>),
    };
    f.sig.output = syn::parse2(output).map_err(|e| e.to_string())?;
    let tail: syn::Expr = syn::parse2(tail).map_err(|e| e.to_string())?;
    prefix.push(syn::Stmt::Expr(tail, None));
    f.block.stmts = prefix;
    Ok(())
}

/// For each builder struct, the fields that hold an optional value
/// (`Result<Option<T>, String>`).
fn optional_fields(
    items: &[syn::Item],
) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    // `Result<Option<T>, String>`.
    let is_optional = |ty: &syn::Type| {
        let syn::Type::Path(p) = ty else { return false };
        let Some(last) = p.path.segments.last() else {
            return false;
        };
        let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
            return false;
        };
        last.ident == "Result"
            && matches!(args.args.first(), Some(syn::GenericArgument::Type(t))
                if crate::syntax::option_inner(t).is_some())
    };
    items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Struct(st) => Some((
                st.ident.to_string(),
                st.fields
                    .iter()
                    .filter(|field| is_optional(&field.ty))
                    .filter_map(|field| field.ident.as_ref().map(|i| i.to_string()))
                    .collect(),
            )),
            _ => None,
        })
        .collect()
}

/// reqwest's `RequestBuilder::query` rewrites the URL even when the value
/// adds nothing: `.query(&progenitor_client::QueryParam::new("offset", &offset))`
/// of an optional parameter becomes `.optional_query("offset", &offset)`
/// (`crate::wire::OptionalQuery`), which skips an absent one; the trait is
/// brought in scope where used.
fn skip_absent_queries(stmts: &mut Vec<syn::Stmt>, optional: &std::collections::BTreeSet<String>) {
    let mut skipper = SkipAbsent {
        optional,
        changed: 0,
    };
    for stmt in stmts.iter_mut() {
        skipper.visit_stmt_mut(stmt);
    }
    if skipper.changed > 0
        && let Some(at) = stmts.iter().position(|stmt| binds(stmt, "url"))
    {
        stmts.insert(
            at,
            syn::parse_quote!(
                use crate::wire::OptionalQuery as _;
            ),
        );
    }
}

struct SkipAbsent<'a> {
    optional: &'a std::collections::BTreeSet<String>,
    changed: usize,
}

impl VisitMut for SkipAbsent<'_> {
    fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
        syn::visit_mut::visit_expr_method_call_mut(self, call);
        if call.method != "query" || call.args.len() != 1 {
            return;
        }
        let Some(syn::Expr::Reference(reference)) = call.args.first() else {
            return;
        };
        let syn::Expr::Call(param) = reference.expr.as_ref() else {
            return;
        };
        let callee = match param.func.as_ref() {
            syn::Expr::Path(p) => &p.path,
            _ => return,
        };
        if !path_is(callee, &["progenitor_client", "QueryParam", "new"]) || param.args.len() != 2 {
            return;
        }
        let (name, value) = (&param.args[0], &param.args[1]);
        let syn::Expr::Reference(value_ref) = value else {
            return;
        };
        let syn::Expr::Path(path) = value_ref.expr.as_ref() else {
            return;
        };
        if !path
            .path
            .get_ident()
            .is_some_and(|ident| self.optional.contains(&ident.to_string()))
        {
            return;
        }
        let (name, value) = (name.clone(), value.clone());
        call.method = syn::Ident::new("optional_query", call.method.span());
        call.args = syn::parse_quote!(#name, #value);
        self.changed += 1;
    }
}

/// Moves the statements that build the request, from `let url = ..` to
/// `let mut request = ..build()?;` (the last before `let info`), into
/// `let build = || -> crate::Result<::reqwest::Request> { ..; Ok(request) };`.
fn wrap_building(stmts: &mut Vec<syn::Stmt>) -> Result<(), String> {
    let url_at = stmts
        .iter()
        .position(|stmt| binds(stmt, "url"))
        .ok_or("no `let url = ..`")?;
    if stmts.last().is_none_or(|stmt| !binds(stmt, "request")) {
        return Err("`let mut request = ..` is not the last statement before `let info`".into());
    }
    let building: Vec<syn::Stmt> = stmts.split_off(url_at);
    let closure: syn::Stmt = syn::parse2(quote! {
        let build = || -> crate::Result<::reqwest::Request> {
            #(#building)*
            Ok(request)
        };
    })
    .map_err(|e| e.to_string())?;
    stmts.push(closure);
    Ok(())
}

/// progenitor collects the headers of a request in a `HeaderMap` of their
/// own (two allocations, and a merge into the request's) even when the
/// only one is `api-version`:
///
/// ```text
/// let mut header_map = HeaderMap::with_capacity(1usize);
/// header_map.append(NAME, VALUE);
/// let mut request = client.client.get(url) ... .headers(header_map).build()?;
/// ```
///
/// For exactly that shape, the header goes straight on the request
/// (`.header(NAME, VALUE)`); any other shape is left as progenitor wrote it.
fn inline_single_header(stmts: &mut Vec<syn::Stmt>) {
    let Some(at) = stmts.iter().position(|stmt| binds(stmt, "header_map")) else {
        return;
    };
    let is_capacity_one = match &stmts[at] {
        syn::Stmt::Local(local) => local.init.as_ref().is_some_and(|init| {
            matches!(init.expr.as_ref(), syn::Expr::Call(call)
                if is_call_to(init.expr.as_ref(), &["reqwest", "header", "HeaderMap", "with_capacity"])
                    && matches!(call.args.first(), Some(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(n), .. }))
                        if n.base10_parse::<usize>().ok() == Some(1))
                    && call.args.len() == 1)
        }),
        _ => false,
    };
    let Some(syn::Stmt::Expr(syn::Expr::MethodCall(append), Some(_))) = stmts.get(at + 1) else {
        return;
    };
    let appends_to_map = append.method == "append"
        && append.args.len() == 2
        && matches!(append.receiver.as_ref(), syn::Expr::Path(p) if p.path.is_ident("header_map"));
    let mut uses = CountIdent {
        name: "header_map",
        count: 0,
    };
    for stmt in &stmts[at + 2..] {
        uses.visit_stmt_mut(&mut stmt.clone());
    }
    let uses = uses.count;
    if !is_capacity_one || !appends_to_map || uses != 1 {
        return;
    }
    let args = append.args.clone();
    let mut inliner = InlineHeaders { args, changed: 0 };
    let mut rest: Vec<syn::Stmt> = stmts[at + 2..].to_vec();
    for stmt in &mut rest {
        inliner.visit_stmt_mut(stmt);
    }
    if inliner.changed == 1 {
        stmts.truncate(at);
        stmts.extend(rest);
    }
}

/// Counts the uses of the identifier `name`.
struct CountIdent {
    name: &'static str,
    count: usize,
}

impl VisitMut for CountIdent {
    fn visit_ident_mut(&mut self, ident: &mut syn::Ident) {
        if ident == self.name {
            self.count += 1;
        }
    }
}

/// Turns `.headers(header_map)` into `.header(NAME, VALUE)`.
struct InlineHeaders {
    args: syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>,
    changed: usize,
}

impl VisitMut for InlineHeaders {
    fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
        syn::visit_mut::visit_expr_method_call_mut(self, call);
        if call.method == "headers"
            && call.args.len() == 1
            && matches!(call.args.first(), Some(syn::Expr::Path(p)) if p.path.is_ident("header_map"))
        {
            call.method = syn::Ident::new("header", call.method.span());
            call.args = self.args.clone();
            self.changed += 1;
        }
    }
}

/// Whether `stmt` is `let name = ..` (or `let mut name = ..`).
fn binds(stmt: &syn::Stmt, name: &str) -> bool {
    matches!(stmt, syn::Stmt::Local(local)
        if matches!(&local.pat, syn::Pat::Ident(p) if p.ident == name))
}

/// The string literal of `operation_id: "..."` in `let info = OperationInfo { .. }`.
fn operation_id(stmt: &syn::Stmt) -> Option<syn::LitStr> {
    let syn::Stmt::Local(local) = stmt else {
        return None;
    };
    let syn::Expr::Struct(s) = local.init.as_ref()?.expr.as_ref() else {
        return None;
    };
    s.fields
        .iter()
        .find_map(|field| match (&field.member, &field.expr) {
            (
                syn::Member::Named(name),
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(lit),
                    ..
                }),
            ) if name == "operation_id" => Some(lit.clone()),
            _ => None,
        })
}

/// The one success arm (`200u16 => ..`): its status literal and what it
/// decodes. Every other arm must give an error (`Err(..)`), which the
/// pipeline makes itself; the match must be on `response.status().as_u16()`.
fn success_arm(answer: &syn::ExprMatch, json: syn::Type) -> Result<Success, String> {
    let scrutinee = quote::ToTokens::to_token_stream(&answer.expr).to_string();
    if !is_status_of_response(&answer.expr) {
        return Err(format!(
            "the match is on `{scrutinee}`, expected `response.status().as_u16()`"
        ));
    }
    let mut found = None;
    for arm in &answer.arms {
        let body = unblock(&arm.body);
        let syn::Pat::Lit(syn::PatLit {
            lit: syn::Lit::Int(status),
            ..
        }) = &arm.pat
        else {
            if !is_call_to(body, &["Err"]) {
                return Err(format!(
                    "the arm `{}` does not give an error",
                    quote::ToTokens::to_token_stream(&arm.pat)
                ));
            }
            continue;
        };
        let code: u16 = status.base10_parse().map_err(|e| e.to_string())?;
        if !(200..300).contains(&code) {
            return Err(format!("status arm {code} is not a success"));
        }
        if found.is_some() {
            return Err("more than one success status".into());
        }
        let success = if is_from_response(body) {
            Success::Json(Box::new(json.clone()))
        } else if is_empty_response(body) {
            Success::Empty
        } else {
            return Err(format!(
                "success arm {code} is `{}`, neither `ResponseValue::from_response(response).await` nor `Ok(ResponseValue::empty(response))`",
                quote::ToTokens::to_token_stream(body)
            ));
        };
        found = Some(success);
    }
    found.ok_or_else(|| "no success status arm".to_string())
}

/// The expression of a block that holds only it (`{ x }` is `x`).
fn unblock(expr: &syn::Expr) -> &syn::Expr {
    match expr {
        syn::Expr::Block(block) if block.attrs.is_empty() && block.label.is_none() => {
            match block.block.stmts.as_slice() {
                [syn::Stmt::Expr(inner, None)] => unblock(inner),
                _ => expr,
            }
        }
        _ => expr,
    }
}

/// Whether `path` is `a::b::c` for `segments` `["a", "b", "c"]` (with or
/// without a leading `::`, no generic arguments).
fn path_is(path: &syn::Path, segments: &[&str]) -> bool {
    path.segments.len() == segments.len()
        && path
            .segments
            .iter()
            .zip(segments)
            .all(|(s, name)| s.ident == name && s.arguments.is_none())
}

/// Whether `expr` is the variable `name`.
fn is_var(expr: &syn::Expr, name: &str) -> bool {
    matches!(expr, syn::Expr::Path(p) if p.qself.is_none() && p.path.is_ident(name))
}

/// Whether `expr` is a call `segments(..)`.
fn is_call_to(expr: &syn::Expr, segments: &[&str]) -> bool {
    matches!(expr, syn::Expr::Call(call)
        if matches!(call.func.as_ref(), syn::Expr::Path(p) if path_is(&p.path, segments)))
}

/// Whether `expr` is `path(response)`.
fn is_call_on_response(expr: &syn::Expr, segments: &[&str]) -> bool {
    matches!(expr, syn::Expr::Call(call)
        if is_call_to(expr, segments)
            && call.args.len() == 1
            && is_var(&call.args[0], "response"))
}

/// `ResponseValue::from_response(response).await`.
fn is_from_response(expr: &syn::Expr) -> bool {
    matches!(expr, syn::Expr::Await(awaited)
        if is_call_on_response(&awaited.base, &["ResponseValue", "from_response"]))
}

/// `Ok(ResponseValue::empty(response))`.
fn is_empty_response(expr: &syn::Expr) -> bool {
    matches!(expr, syn::Expr::Call(ok)
        if is_call_to(expr, &["Ok"])
            && ok.args.len() == 1
            && is_call_on_response(&ok.args[0], &["ResponseValue", "empty"]))
}

/// `response.status().as_u16()`.
fn is_status_of_response(expr: &syn::Expr) -> bool {
    let syn::Expr::MethodCall(as_u16) = expr else {
        return false;
    };
    let syn::Expr::MethodCall(status) = as_u16.receiver.as_ref() else {
        return false;
    };
    as_u16.method == "as_u16"
        && as_u16.args.is_empty()
        && status.method == "status"
        && status.args.is_empty()
        && is_var(&status.receiver, "response")
}

/// `client.NAME(ARGS..).await` (the hook calls), `?` after it when `tried`.
fn is_hook(expr: &syn::Expr, name: &str, tried: bool) -> bool {
    let expr = match expr {
        syn::Expr::Try(t) if tried => t.expr.as_ref(),
        _ if tried => return false,
        other => other,
    };
    let syn::Expr::Await(awaited) = expr else {
        return false;
    };
    let syn::Expr::MethodCall(call) = awaited.base.as_ref() else {
        return false;
    };
    call.method == name
        && call.args.len() == 2
        && is_var(&call.receiver, "client")
        && matches!(&call.args[1], syn::Expr::Reference(r) if is_var(&r.expr, "info"))
}

/// The statements between `let info = ..` and the match, which the rewrite
/// drops: they must be exactly progenitor's hooks and the unwrapping of the
/// result (the pipeline does what they do), so that behaviour a progenitor
/// upgrade puts there is never lost silently.
///
/// ```text
/// client.pre(&mut request, &info).await?;
/// let result = client.exec(request, &info).await;
/// client.post(&result, &info).await?;
/// let response = result?;
/// ```
fn check_hooks(stmts: &[syn::Stmt]) -> Result<(), String> {
    let shown = |stmt: &syn::Stmt| {
        let text = quote::ToTokens::to_token_stream(stmt).to_string();
        if text.chars().count() > 120 {
            format!("{}…", text.chars().take(120).collect::<String>())
        } else {
            text
        }
    };
    let init = |stmt: &syn::Stmt, name: &str| -> Option<syn::Expr> {
        match stmt {
            syn::Stmt::Local(local)
                if binds(stmt, name)
                    && local.init.as_ref().is_some_and(|i| i.diverge.is_none()) =>
            {
                local.init.as_ref().map(|i| (*i.expr).clone())
            }
            _ => None,
        }
    };
    type Check<'c> = &'c dyn Fn(&syn::Stmt) -> bool;
    let expected: [(&str, Check); 4] = [
        (
            "client.pre(&mut request, &info).await?;",
            &|stmt| matches!(stmt, syn::Stmt::Expr(e, Some(_)) if is_hook(e, "pre", true)),
        ),
        ("let result = client.exec(request, &info).await;", &|stmt| {
            init(stmt, "result").is_some_and(|e| is_hook(&e, "exec", false))
        }),
        (
            "client.post(&result, &info).await?;",
            &|stmt| matches!(stmt, syn::Stmt::Expr(e, Some(_)) if is_hook(e, "post", true)),
        ),
        ("let response = result?;", &|stmt| {
            init(stmt, "response")
                .is_some_and(|e| matches!(&e, syn::Expr::Try(t) if is_var(&t.expr, "result")))
        }),
    ];
    if stmts.len() != expected.len() {
        return Err(format!(
            "{} statements between `let info` and the match, expected {} (the hooks): {}",
            stmts.len(),
            expected.len(),
            stmts.iter().map(shown).collect::<Vec<_>>().join(" | ")
        ));
    }
    for (stmt, (want, matches)) in stmts.iter().zip(expected) {
        if !matches(stmt) {
            return Err(format!(
                "found `{}` where `{want}` was expected",
                shown(stmt)
            ));
        }
    }
    Ok(())
}

/// `T` of progenitor's `-> Result<ResponseValue<T>, Error<..>>`.
fn json_type(output: &syn::ReturnType) -> Result<syn::Type, String> {
    let syn::ReturnType::Type(_, ty) = output else {
        return Err("send() returns nothing".into());
    };
    let arg = |ty: &syn::Type, name: &str| -> Option<syn::Type> {
        let syn::Type::Path(p) = ty else { return None };
        let last = p.path.segments.last()?;
        if last.ident != name {
            return None;
        }
        let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
            return None;
        };
        match args.args.first()? {
            syn::GenericArgument::Type(t) => Some(t.clone()),
            _ => None,
        }
    };
    arg(ty, "Result")
        .and_then(|value| arg(&value, "ResponseValue"))
        .ok_or_else(|| "send() does not return Result<ResponseValue<T>, _>".to_string())
}

/// Points the request-building half of `send()` at the SDK's error type:
/// `Error::InvalidRequest` becomes `crate::Error::InvalidRequest`, and
/// `.build()?` becomes `.build().map_err(crate::pipeline::build_failed)?`.
struct FixErrors {
    /// The `.build()?`s redirected.
    builds: usize,
}

impl VisitMut for FixErrors {
    fn visit_expr_path_mut(&mut self, path: &mut syn::ExprPath) {
        let segments: Vec<String> = path
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        if segments == ["Error", "InvalidRequest"] {
            *path = syn::parse_quote!(crate::Error::InvalidRequest);
        }
    }

    fn visit_expr_try_mut(&mut self, node: &mut syn::ExprTry) {
        syn::visit_mut::visit_expr_try_mut(self, node);
        if let syn::Expr::MethodCall(call) = node.expr.as_ref()
            && call.method == "build"
            && call.args.is_empty()
        {
            let inner = node.expr.clone();
            *node.expr = syn::parse_quote!(#inner.map_err(crate::pipeline::build_failed));
            self.builds += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{inline_single_header, skip_absent_queries, wrap_building};

    fn statements(code: &str) -> Vec<syn::Stmt> {
        let block: syn::Block = syn::parse_str(&format!("{{ {code} }}")).expect("block");
        block.stmts
    }

    fn text(stmts: &[syn::Stmt]) -> String {
        stmts
            .iter()
            .map(|s| quote::ToTokens::to_token_stream(s).to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_lone_header_goes_straight_on_the_request() {
        let mut stmts = statements(
            r#"let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
               header_map.append(NAME, VALUE);
               let mut request = client.client.get(url).headers(header_map).build()?;"#,
        );
        inline_single_header(&mut stmts);
        assert_eq!(
            text(&stmts),
            "let mut request = client . client . get (url) . header (NAME , VALUE) . build () ? ;"
        );
    }

    #[test]
    fn other_shapes_are_left_as_they_are() {
        for code in [
            // Two headers.
            r#"let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
               header_map.append(A, B);
               header_map.append(C, D);
               let mut request = client.client.get(url).headers(header_map).build()?;"#,
            // The map is used once more.
            r#"let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
               header_map.append(A, B);
               log(&header_map);
               let mut request = client.client.get(url).headers(header_map).build()?;"#,
        ] {
            let mut stmts = statements(code);
            let before = text(&stmts);
            inline_single_header(&mut stmts);
            assert_eq!(text(&stmts), before);
        }
    }

    #[test]
    fn building_the_request_moves_into_a_closure() {
        let mut stmts = statements(
            r#"let Self { client, id } = self;
               let id = id.map_err(crate::Error::InvalidRequest)?;
               let url = format!("{}/v2/users/{}/", client.baseurl, id);
               let mut request = client.client.get(url).build().map_err(crate::pipeline::build_failed)?;"#,
        );
        wrap_building(&mut stmts).expect("progenitor's shape");
        assert_eq!(stmts.len(), 3);
        let closure = text(&stmts[2..]);
        assert!(
            closure.starts_with(
                "let build = | | -> crate :: Result < :: reqwest :: Request > { let url = format ! ("
            ),
            "{closure}"
        );
        assert!(closure.ends_with("Ok (request) } ;"), "{closure}");
        assert!(text(&stmts[..2]).contains("map_err (crate :: Error :: InvalidRequest) ?"));
    }

    #[test]
    fn another_shape_is_an_error() {
        // Something after `let mut request`: not the shape progenitor 0.15 writes.
        let mut stmts = statements(
            r#"let url = format!("{}/v2/users/", client.baseurl);
               let mut request = client.client.get(url).build()?;
               hook(&mut request);"#,
        );
        let err = wrap_building(&mut stmts).expect_err("unknown shape");
        assert!(err.contains("let mut request"), "{err}");
        let mut stmts = statements("let mut request = client.client.get(u).build()?;");
        assert_eq!(
            wrap_building(&mut stmts),
            Err("no `let url = ..`".to_string())
        );
    }

    /// A `send()` as progenitor 0.15 writes it, with `extra` after the hooks
    /// and `arm` as the success arm.
    fn progenitor_send(extra: &str, arm: &str) -> syn::ImplItemFn {
        syn::parse_str(&format!(
            r#"pub async fn send(self) -> Result<ResponseValue<types::User>, Error<types::ErrorBody>> {{
                let Self {{ client, user_id }} = self;
                let user_id = user_id.map_err(Error::InvalidRequest)?;
                let url = format!("{{}}/v2/users/{{}}/", client.baseurl, encode_path(&user_id.to_string()));
                #[allow(unused_mut)]
                let mut request = client.client.get(url).build()?;
                let info = OperationInfo {{ operation_id: "user_get" }};
                client.pre(&mut request, &info).await?;
                let result = client.exec(request, &info).await;
                client.post(&result, &info).await?;
                {extra}
                let response = result?;
                match response.status().as_u16() {{
                    {arm}
                    400u16..=499u16 => {{ Err(Error::ErrorResponse(ResponseValue::from_response(response).await?)) }}
                    _ => Err(Error::UnexpectedResponse(response)),
                }}
            }}"#
        ))
        .expect("a send fn")
    }

    const JSON_ARM: &str = "200u16 => { ResponseValue::from_response(response).await }";

    #[test]
    fn progenitors_send_is_rewritten() {
        let mut f = progenitor_send("", JSON_ARM);
        super::rewrite_send(&mut f, &Default::default()).expect("progenitor's shape");
        let code = quote::ToTokens::to_token_stream(&f).to_string();
        assert!(
            code.contains("crate :: pipeline :: json :: < types :: User >"),
            "{code}"
        );
        assert!(!code.contains("exec"), "{code}");
        let mut f = progenitor_send("", "204u16 => { Ok(ResponseValue::empty(response)) }");
        super::rewrite_send(&mut f, &Default::default()).expect("an empty success");
        let code = quote::ToTokens::to_token_stream(&f).to_string();
        assert!(code.contains("crate :: pipeline :: empty ("), "{code}");
    }

    #[test]
    fn a_statement_the_rewrite_would_drop_fails_naming_the_operation() {
        let mut f = progenitor_send("client.audit(&result).await;", JSON_ARM);
        let err = super::rewrite_send(&mut f, &Default::default()).expect_err("an extra step");
        assert!(err.starts_with("operation user_get: 5 statements"), "{err}");
        assert!(err.contains("client . audit (& result)"), "{err}");
    }

    #[test]
    fn a_second_build_fails_naming_the_operation() {
        let mut f = progenitor_send("", JSON_ARM);
        f.block.stmts.insert(
            3,
            syn::parse_quote!(let probe = client.client.head(url.clone()).build()?;),
        );
        let err = super::rewrite_send(&mut f, &Default::default()).expect_err("two builds");
        assert_eq!(
            err,
            "operation user_get: 2 `.build()?` in the request's building, expected one"
        );
    }

    #[test]
    fn a_changed_hook_or_arm_fails_naming_the_operation() {
        // A hook whose result is no longer checked.
        let mut f = progenitor_send("", JSON_ARM);
        let syn::Stmt::Expr(syn::Expr::Try(tried), _) = &mut f.block.stmts[5] else {
            panic!("the pre hook");
        };
        let unchecked = (*tried.expr).clone();
        f.block.stmts[5] = syn::Stmt::Expr(unchecked, Some(Default::default()));
        let err = super::rewrite_send(&mut f, &Default::default()).expect_err("a changed hook");
        assert!(
            err.starts_with("operation user_get: found `client . pre"),
            "{err}"
        );
        // A success arm that decodes differently.
        let mut f = progenitor_send(
            "",
            "200u16 => { ResponseValue::from_response(response).await.map(Wrap) }",
        );
        let err = super::rewrite_send(&mut f, &Default::default()).expect_err("another decode");
        assert!(
            err.starts_with("operation user_get: success arm 200 is"),
            "{err}"
        );
        // An error arm that succeeds.
        let mut f = progenitor_send(
            "",
            &format!("{JSON_ARM} 300u16..=399u16 => {{ Ok(ResponseValue::empty(response)) }}"),
        );
        let err = super::rewrite_send(&mut f, &Default::default()).expect_err("an Ok arm");
        assert!(err.contains("does not give an error"), "{err}");
    }

    #[test]
    fn every_builder_gets_options() {
        let mut imp: syn::ItemImpl = syn::parse_quote! {
            impl<'a> UserGet<'a> {
                pub fn new(client: &'a super::Client) -> Self {
                    Self { client: client, user_id: Err("x".to_string()) }
                }
                pub async fn send(self) -> Result<ResponseValue<types::User>, Error<()>> {
                    let Self { client, user_id } = self;
                    todo!()
                }
            }
        };
        super::add_options_setter(&mut imp).expect("progenitor's shape");
        let code = quote::ToTokens::to_token_stream(&imp).to_string();
        assert!(code.contains("options : None"), "{code}");
        assert!(
            code.contains("pub fn options (mut self , options : crate :: CallOptions) -> Self"),
            "{code}"
        );
        let syn::ImplItem::Fn(send) = imp.items.last_mut().expect("send") else {
            panic!("send is a fn");
        };
        super::destructure_options(&mut send.block.stmts[0]).expect("let Self");
        assert_eq!(
            text(&send.block.stmts[..1]),
            "let Self { client , user_id , options } = self ;"
        );
    }

    #[test]
    fn options_need_progenitors_shape() {
        // `new()` that does not end with `Self { .. }`.
        let mut imp: syn::ItemImpl = syn::parse_quote! {
            impl<'a> UserGet<'a> {
                pub fn new(client: &'a super::Client) -> Self { make(client) }
                pub async fn send(self) {}
            }
        };
        let err = super::add_options_setter(&mut imp).expect_err("unknown shape");
        assert!(err.contains("new()"), "{err}");
        // send() that does not start by taking the builder apart.
        for code in [
            "let client = self.client;",
            "let Self { client, .. } = self;",
        ] {
            let mut stmts = statements(code);
            let err = super::destructure_options(&mut stmts[0]).expect_err(code);
            assert!(err.contains("let Self"), "{err}");
        }
    }

    #[test]
    fn only_optional_query_parameters_are_skipped_when_absent() {
        let mut stmts = statements(
            r#"let url = format!("{}/v2/users/", client.baseurl);
               let mut request = client.client.get(url)
                   .query(&progenitor_client::QueryParam::new("limit", &limit))
                   .query(&progenitor_client::QueryParam::new("id", &id))
                   .build()?;"#,
        );
        let optional = ["limit".to_string()].into_iter().collect();
        skip_absent_queries(&mut stmts, &optional);
        let code = text(&stmts);
        assert!(
            code.starts_with("use crate :: wire :: OptionalQuery as _ ;"),
            "{code}"
        );
        assert!(
            code.contains(". optional_query (\"limit\" , & limit)"),
            "{code}"
        );
        assert!(
            code.contains(". query (& progenitor_client :: QueryParam :: new (\"id\" , & id))"),
            "{code}"
        );

        // Nothing optional: no `use`, nothing changed.
        let mut stmts = statements(
            r#"let url = format!("{}/v2/users/", client.baseurl);
               let mut request = client.client.get(url).query(&progenitor_client::QueryParam::new("id", &id)).build()?;"#,
        );
        let before = text(&stmts);
        skip_absent_queries(&mut stmts, &Default::default());
        assert_eq!(text(&stmts), before);
    }
}
