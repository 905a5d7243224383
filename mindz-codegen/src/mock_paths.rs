//! The httpmock helpers match request paths with regexes anchored at the
//! schema's path (`^/v2/users/[^/]*/$`), so a client pointed at the mock
//! server the way it is pointed at a school, `{server}/api`, got httpmock's
//! 404. This step lets every path regex of the `mock` module start with any
//! base path: `^(?:/[^/]+)*/v2/users/[^/]*/$`.

use syn::visit_mut::{self, VisitMut};

use crate::syntax::{self, PostprocessError};

const STEP: &str = "mock base path";

/// What a path regex of the helpers may start with: the client's base path.
pub const BASE_PATH: &str = "(?:/[^/]+)*";

/// Rewrites the path regexes of the mock items; returns how many.
pub fn allow_base_path(mock: &mut syn::File) -> Result<usize, PostprocessError> {
    let mut rewriter = Rewriter {
        rewritten: 0,
        exact_paths: 0,
    };
    rewriter.visit_file_mut(mock);
    if rewriter.exact_paths > 0 {
        return Err(syntax::error(
            STEP,
            format!(
                "{} exact `.path(..)` matcher(s) in progenitor's mock helpers; only `path_matches` regexes can take a base path",
                rewriter.exact_paths
            ),
        ));
    }
    if rewriter.rewritten == 0 {
        return Err(syntax::error(
            STEP,
            "progenitor's mock helpers have no `^/...` path regex to rewrite",
        ));
    }
    Ok(rewriter.rewritten)
}

struct Rewriter {
    rewritten: usize,
    exact_paths: usize,
}

impl VisitMut for Rewriter {
    fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
        if call.method == "path" {
            self.exact_paths += 1;
        }
        visit_mut::visit_expr_method_call_mut(self, call);
    }

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        // `format!("^/v2/users/{}/$", ..)`: the literal is inside the macro's tokens.
        if mac.path.is_ident("format") {
            let tokens = mac.tokens.clone().into_iter().map(|t| match t {
                proc_macro2::TokenTree::Literal(lit) => {
                    let parsed: Result<syn::LitStr, _> =
                        syn::parse2(proc_macro2::TokenTree::Literal(lit.clone()).into());
                    match parsed.ok().and_then(|s| self.rewrite(&s)) {
                        Some(new) => proc_macro2::TokenTree::Literal(new.token()),
                        None => proc_macro2::TokenTree::Literal(lit),
                    }
                }
                other => other,
            });
            mac.tokens = tokens.collect();
        }
        visit_mut::visit_macro_mut(self, mac);
    }

    fn visit_lit_str_mut(&mut self, lit: &mut syn::LitStr) {
        if let Some(new) = self.rewrite(lit) {
            *lit = new;
        }
    }
}

impl Rewriter {
    fn rewrite(&mut self, lit: &syn::LitStr) -> Option<syn::LitStr> {
        let value = lit.value();
        let rest = value.strip_prefix("^/")?;
        self.rewritten += 1;
        Some(syn::LitStr::new(
            &format!("^{BASE_PATH}/{rest}"),
            lit.span(),
        ))
    }
}
