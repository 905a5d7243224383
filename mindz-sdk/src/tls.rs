//! TLS for the SDK's HTTP client: rustls with the `ring` crypto provider and
//! the platform certificate verifier.
//!
//! The workspace builds reqwest with `rustls-no-provider`, so a bare
//! `reqwest::Client::new()` panics: there is no crypto provider. The SDK never
//! installs a process-wide default provider; instead every client it builds
//! gets its own [`rustls::ClientConfig`] from [`rustls_config`], passed to
//! reqwest with `tls_backend_preconfigured`.
//!
//! Use [`reqwest_builder`] when you want to hand your own `reqwest::Client` to
//! [`ClientBuilder::http_client`](crate::ClientBuilder::http_client) (for
//! example with a proxy or different timeouts): it is a plain
//! `reqwest::ClientBuilder` with this TLS configuration and nothing else set.

use std::sync::Arc;

/// Builds the rustls configuration the SDK uses: `ring` provider, the
/// protocol versions rustls considers safe (TLS 1.2 and 1.3), the platform
/// certificate verifier (`rustls-platform-verifier`), no client certificate,
/// and ALPN `h2` then `http/1.1`.
///
/// # Errors
///
/// Returns the rustls error if the provider rejects the protocol versions or
/// the platform verifier cannot be created (for example, no usable root
/// certificates on this system).
pub fn rustls_config() -> Result<rustls::ClientConfig, rustls::Error> {
    use rustls_platform_verifier::BuilderVerifierExt;

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_platform_verifier()?
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

/// A `reqwest::ClientBuilder` that uses [`rustls_config`] for TLS, follows
/// no redirect (the SDK decides about redirects itself) and sends no
/// `Referer`.
///
/// Nothing else is configured: no timeouts, no user agent. The client that
/// [`ClientBuilder::build`](crate::ClientBuilder::build) makes on its own
/// starts from this builder and adds a 10 s connect timeout and the user
/// agent; the SDK's own per-attempt timeout applies to every client.
///
/// # Errors
///
/// See [`rustls_config`].
pub fn reqwest_builder() -> Result<reqwest::ClientBuilder, rustls::Error> {
    Ok(reqwest::Client::builder()
        .tls_backend_preconfigured(rustls_config()?)
        .redirect(reqwest::redirect::Policy::none())
        .referer(false))
}
