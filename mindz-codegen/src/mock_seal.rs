//! Seals the httpmock helpers' extension trait, `mock::MockServerExt`.
//!
//! progenitor writes one method per operation on a public trait implemented
//! for `httpmock::MockServer`. Unsealed, every new operation would add a
//! method that a user's own impl of the trait lacks: a breaking change by
//! cargo-semver-checks' rules. Sealed (a supertrait in a private module),
//! no one else can implement it, so a new operation is a new method only.

use crate::syntax::{self, PostprocessError};

const STEP: &str = "seal MockServerExt";

/// Adds `sealed::Sealed` as a supertrait of `MockServerExt` among `items`,
/// and the private module that defines it for `httpmock::MockServer`.
pub fn seal(mock: &mut syn::File) -> Result<(), PostprocessError> {
    let ext = mock
        .items
        .iter_mut()
        .find_map(|item| match item {
            syn::Item::Trait(t) if t.ident == "MockServerExt" => Some(t),
            _ => None,
        })
        .ok_or_else(|| syntax::error(STEP, "progenitor's mock helpers have no `MockServerExt`"))?;
    if !ext.supertraits.is_empty() {
        return Err(syntax::error(
            STEP,
            "`MockServerExt` already has supertraits",
        ));
    }
    ext.colon_token = Some(Default::default());
    ext.supertraits.push(syn::parse_quote!(sealed::Sealed));
    mock.items.push(syn::parse_quote! {
        mod sealed {
            /// Only `httpmock::MockServer` implements the helpers.
            pub trait Sealed {}
            impl Sealed for ::httpmock::MockServer {}
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn seals_the_trait_or_says_why_not() {
        let mut file: syn::File = syn::parse_quote! {
            pub trait MockServerExt { fn user_get(&self); }
            impl MockServerExt for ::httpmock::MockServer { fn user_get(&self) {} }
        };
        super::seal(&mut file).unwrap();
        let text = quote::ToTokens::to_token_stream(&file).to_string();
        assert!(
            text.contains("pub trait MockServerExt : sealed :: Sealed"),
            "{text}"
        );
        assert!(
            text.contains("impl Sealed for :: httpmock :: MockServer"),
            "{text}"
        );
        let mut without: syn::File = syn::parse_quote! { pub trait Other {} };
        let err = super::seal(&mut without).unwrap_err();
        assert!(err.to_string().contains("no `MockServerExt`"), "{err}");
    }
}
