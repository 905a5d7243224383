//! TLS for the SDK's HTTP client: rustls with the platform certificate
//! verifier, and one crypto provider chosen by a Cargo feature.
//!
//! - `aws-lc-rs` (default): aws-lc-rs, the provider reqwest, rustls and the
//!   AWS SDK default to, enabled through reqwest's own `rustls` feature. An
//!   application that depends on mindz-sdk keeps a working
//!   `reqwest::Client::new()` and `rustls::ClientConfig::builder()`, whatever
//!   TLS features it chose itself.
//! - `ring`: for builds that avoid aws-lc-rs (`default-features = false,
//!   features = ["ring"]`). With both features on, the SDK uses aws-lc-rs.
//!
//! The SDK never installs a process-wide default provider: every client it
//! builds gets its own [`rustls::ClientConfig`] from [`rustls_config`],
//! passed to reqwest with `tls_backend_preconfigured`.
//!
//! Use [`reqwest_builder`] when you want to hand your own `reqwest::Client` to
//! [`ClientBuilder::http_client`](crate::ClientBuilder::http_client): it is a
//! plain `reqwest::ClientBuilder` with this TLS configuration and nothing else
//! set. For an extra root certificate, a proxy or the user agent, the SDK's
//! own [`ClientBuilder`](crate::ClientBuilder) has
//! [`add_root_certificate`](crate::ClientBuilder::add_root_certificate),
//! [`proxy`](crate::ClientBuilder::proxy) and
//! [`user_agent`](crate::ClientBuilder::user_agent).

use std::sync::Arc;

use rustls::pki_types::CertificateDer;

#[cfg(not(any(feature = "aws-lc-rs", feature = "ring")))]
compile_error!(
    "mindz-sdk needs a TLS crypto provider: its `aws-lc-rs` feature (the default) or `ring`"
);

/// The crypto provider the features chose: aws-lc-rs when its feature is
/// on, else ring.
fn provider() -> rustls::crypto::CryptoProvider {
    #[cfg(feature = "aws-lc-rs")]
    return rustls::crypto::aws_lc_rs::default_provider();
    #[cfg(all(feature = "ring", not(feature = "aws-lc-rs")))]
    return rustls::crypto::ring::default_provider();
    #[cfg(not(any(feature = "aws-lc-rs", feature = "ring")))]
    unreachable!("refused by compile_error! above")
}

/// Builds the rustls configuration the SDK uses: the provider the features
/// chose (see the [module docs](self)), the protocol versions rustls
/// considers safe (TLS 1.2 and 1.3), the platform certificate verifier
/// (`rustls-platform-verifier`), no client certificate, and ALPN `h2` then
/// `http/1.1`.
///
/// # Errors
///
/// Returns the rustls error if the provider rejects the protocol versions or
/// the platform verifier cannot be created (for example, no usable root
/// certificates on this system).
pub fn rustls_config() -> Result<rustls::ClientConfig, rustls::Error> {
    config_with_roots(Vec::new())
}

/// [`rustls_config`], trusting `extra_roots` besides the platform's roots.
pub(crate) fn config_with_roots(
    extra_roots: Vec<CertificateDer<'static>>,
) -> Result<rustls::ClientConfig, rustls::Error> {
    let provider = Arc::new(provider());
    let builder = rustls::ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()?;
    let verifier = if extra_roots.is_empty() {
        rustls_platform_verifier::Verifier::new(provider)?
    } else {
        with_extra_roots(extra_roots, provider)?
    };
    let mut config = builder
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

#[cfg(not(target_os = "android"))]
fn with_extra_roots(
    roots: Vec<CertificateDer<'static>>,
    provider: Arc<rustls::crypto::CryptoProvider>,
) -> Result<rustls_platform_verifier::Verifier, rustls::Error> {
    rustls_platform_verifier::Verifier::new_with_extra_roots(roots, provider)
}

#[cfg(target_os = "android")]
fn with_extra_roots(
    _roots: Vec<CertificateDer<'static>>,
    _provider: Arc<rustls::crypto::CryptoProvider>,
) -> Result<rustls_platform_verifier::Verifier, rustls::Error> {
    Err(rustls::Error::General(
        "extra root certificates are not supported on Android".into(),
    ))
}

/// A `reqwest::ClientBuilder` that uses [`rustls_config`] for TLS, follows
/// no redirect (the SDK decides about redirects itself) and sends no
/// `Referer`.
///
/// Nothing else is configured: no timeouts, no user agent. The client that
/// [`ClientBuilder::build`](crate::ClientBuilder::build) makes on its own
/// starts from the same settings and adds a 10 s connect timeout and the
/// user agent; the SDK's own per-attempt timeout applies to every client.
///
/// # Errors
///
/// See [`rustls_config`].
pub fn reqwest_builder() -> Result<reqwest::ClientBuilder, rustls::Error> {
    Ok(with_config(rustls_config()?))
}

/// A `reqwest::ClientBuilder` with `config` for TLS, no redirect and no
/// `Referer`.
pub(crate) fn with_config(config: rustls::ClientConfig) -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .tls_backend_preconfigured(config)
        .redirect(reqwest::redirect::Policy::none())
        .referer(false)
}
