//! Depending on mindz-sdk leaves the application's own `reqwest` and
//! `rustls` working: each of these panicked when the SDK enabled reqwest's
//! `rustls-no-provider` and rustls's `ring` (no provider for reqwest, two
//! for rustls).

fn main() {
    // The application's own clients, before the SDK's...
    let _plain = reqwest::Client::new();
    let _config = rustls::ClientConfig::builder()
        .with_root_certificates(rustls::RootCertStore::empty())
        .with_no_client_auth();
    let sdk = mindz_sdk::Client::builder()
        .ead_id("escola")
        .client_credentials("neighbour-app", "neighbour-key")
        .build()
        .expect("the SDK's client");
    // ...and after it.
    let _plain_again = reqwest::Client::builder()
        .build()
        .expect("the application's reqwest client");
    let _config_again = rustls::ClientConfig::builder()
        .with_root_certificates(rustls::RootCertStore::empty())
        .with_no_client_auth();
    println!(
        "neighbour: reqwest::Client::new() and rustls::ClientConfig::builder() work beside {}",
        mindz_sdk::ClientInfo::baseurl(&sdk)
    );
}
