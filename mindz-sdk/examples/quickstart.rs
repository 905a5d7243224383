//! Quickstart: authenticate, list users, create a course, enroll a user in it
//! and walk a paginated list.
//!
//! ```sh
//! cargo run -p mindz-sdk --example quickstart
//! ```
//!
//! With no `MINDZ_*` variable set, it starts a mock Mindz school on
//! 127.0.0.1 (see `examples/support/mod.rs`) and runs every step against it.
//!
//! With `MINDZ_*` variables set (see `mindz_sdk::env`), it talks to that
//! school through `Client::from_env()`. There it only reads unless you pass
//! `--write`, which also creates an (unpublished) course named
//! "Rust para iniciantes" and enrolls the first listed user in it; those
//! records stay in the school.
//!
//! ```sh
//! MINDZ_EAD_ID=escola MINDZ_APP_ID=... MINDZ_API_KEY=... \
//!     cargo run -p mindz-sdk --example quickstart -- --write
//! ```
//!
//! Every step prints one line; any failure prints `error: ...` on stderr and
//! exits with status 1.

mod support;

use std::error::Error as StdError;
use std::fmt;
use std::num::NonZeroU64;
use std::process::ExitCode;

use futures::{StreamExt as _, TryStreamExt as _};
use mindz_sdk::ClientInfo as _;
use mindz_sdk::env::{
    ENV_ACCESS_TOKEN, ENV_API_KEY, ENV_APP_ID, ENV_BASE_URL, ENV_EAD_ID, ENV_TOKEN_URL,
};
use mindz_sdk::prelude::*;
use support::MockSchool;

/// Page size of the paginated walk.
const PAGE_SIZE: NonZeroU64 = NonZeroU64::new(2).expect("2 is not zero");
/// The walk stops after this many records (a real school may have thousands).
const WALK_LIMIT: usize = 10;
/// Name of the course the quickstart creates.
const COURSE_NAME: &str = "Rust para iniciantes";

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Failed> {
    let write_flag = std::env::args().skip(1).any(|arg| arg == "--write");

    // Keep the mock school alive until the end of `run`.
    let (client, _school, write) = if mindz_configured() {
        let client = Client::from_env().context("reading the MINDZ_* configuration")?;
        println!(
            "using the school at {} (configured by MINDZ_* variables)",
            client.baseurl()
        );
        (client, None, write_flag)
    } else {
        let school = MockSchool::start().await;
        println!(
            "no MINDZ_* variables set: started a mock Mindz school at {}",
            school.origin()
        );
        let client = Client::builder()
            .base_url(school.base_url())
            .client_credentials(support::APP_ID, support::API_KEY)
            .token_url(school.token_url())
            .build()
            .context("building the client")?;
        (client, Some(school), true)
    };

    // 0. Authenticate now, so that bad credentials fail here and not later.
    client
        .authenticate()
        .await
        .context("obtaining an access token")?;
    if env_set(ENV_ACCESS_TOKEN) {
        println!("authenticated: using the access token from {ENV_ACCESS_TOKEN}");
    } else {
        println!("authenticated: obtained an access token with the client credentials");
    }

    // 1. One page of users.
    let page = client
        .user_list()
        .limit(3)
        .send()
        .await
        .context("listing users")?;
    let names: Vec<String> = page
        .results
        .iter()
        .map(|user| format!("#{} {} {}", user.id, user.first_name, user.last_name))
        .collect();
    println!(
        "listed {} users (of {}): {}",
        page.results.len(),
        page.count,
        names.join(", ")
    );

    // 2. and 3. Create a course and enroll the first user in it.
    if write {
        let course = client
            .course_create()
            .body_map(|course| {
                course
                    .name(COURSE_NAME)
                    .short_description("Criado pelo quickstart do mindz-sdk.".to_owned())
                    .active(false)
            })
            .send()
            .await
            .context("creating a course")?;
        println!("created course #{} \"{}\"", course.id, course.name.as_str());

        match page.results.first() {
            Some(user) => {
                let enrollment = client
                    .enroll_create()
                    .body_map(|enroll| enroll.course(course.id).user(user.id))
                    .send()
                    .await
                    .context("enrolling a user")?;
                println!(
                    "enrolled user #{} in course #{} (enrollment #{})",
                    enrollment.user, enrollment.course, enrollment.id
                );
            }
            None => println!("skipped enrolling: the school has no users"),
        }
    } else {
        println!(
            "skipped creating a course and enrolling a user: this is a real school; \
             run with `-- --write` to create them there"
        );
    }

    // 4. Walk the users page by page; `.stream_with_page_size` fetches the
    // next page only when the previous one is used up.
    let users: Vec<types::User> = client
        .user_list()
        .stream_with_page_size(PAGE_SIZE)
        .take(WALK_LIMIT)
        .try_collect()
        .await
        .context("walking the users")?;
    let emails: Vec<&str> = users.iter().map(|user| user.email.as_str()).collect();
    let limit_note = if users.len() == WALK_LIMIT {
        format!(" (the quickstart stops after {WALK_LIMIT})")
    } else {
        String::new()
    };
    println!(
        "walked {} users in pages of {PAGE_SIZE}{limit_note}: {}",
        users.len(),
        emails.join(", ")
    );
    Ok(())
}

/// Whether any `MINDZ_*` variable is set (and not blank): then the
/// configuration must come from them, and a partial one is an error rather
/// than a silent fallback to the mock school.
fn mindz_configured() -> bool {
    [
        ENV_EAD_ID,
        ENV_BASE_URL,
        ENV_APP_ID,
        ENV_API_KEY,
        ENV_ACCESS_TOKEN,
        ENV_TOKEN_URL,
    ]
    .into_iter()
    .any(env_set)
}

/// Whether the variable `name` is set to something other than blanks.
fn env_set(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|value| !value.to_string_lossy().trim().is_empty())
}

/// A step that failed, with the error that stopped it.
struct Failed {
    step: &'static str,
    error: Box<dyn StdError>,
}

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed: {}", self.step, self.error)
    }
}

/// Names the step in an error.
trait Context<T> {
    fn context(self, step: &'static str) -> Result<T, Failed>;
}

impl<T, E: StdError + 'static> Context<T> for Result<T, E> {
    fn context(self, step: &'static str) -> Result<T, Failed> {
        self.map_err(|error| Failed {
            step,
            error: Box::new(error),
        })
    }
}
