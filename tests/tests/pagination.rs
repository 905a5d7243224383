//! Pagination (`mindz_sdk::pagination`) against wiremock on 127.0.0.1: the
//! pages a stream requests, where it stops, and what it does with a server
//! that repeats a page or fails.

use std::num::NonZeroU64;
use std::pin::pin;

use futures::StreamExt as _;
use mindz_sdk::prelude::*;
use mindz_sdk::{Error, PaginationStop};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const USERS_PATH: &str = "/v2/users/";

fn page_size(n: u64) -> NonZeroU64 {
    NonZeroU64::new(n).expect("page size is not zero")
}

fn user(id: i64) -> Value {
    json!({
        "id": id,
        "email": format!("user{id}@example.com"),
        "first_name": format!("First{id}"),
        "last_name": format!("Last{id}"),
    })
}

fn users(ids: std::ops::RangeInclusive<i64>) -> Vec<Value> {
    ids.map(user).collect()
}

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .bearer_token("test-token")
        .build()
        .expect("client builds")
}

/// Answers like a DRF `LimitOffsetPagination` list over `records`: the page
/// at the request's `offset` of `limit` records, with a `next` URL while
/// records remain.
struct Pages {
    records: Vec<Value>,
}

impl Respond for Pages {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let query = |name: &str| {
            request
                .url
                .query_pairs()
                .find(|(key, _)| key == name)
                .and_then(|(_, value)| value.parse::<usize>().ok())
        };
        let limit = query("limit").unwrap_or(50);
        let offset = query("offset").unwrap_or(0);
        let results: Vec<Value> = self
            .records
            .iter()
            .skip(offset)
            .take(limit)
            .cloned()
            .collect();
        let next = (offset + limit < self.records.len()).then(|| {
            format!(
                "http://127.0.0.1{USERS_PATH}?limit={limit}&offset={}",
                offset + limit
            )
        });
        ResponseTemplate::new(200).set_body_json(json!({
            "count": self.records.len(),
            "next": next,
            "previous": null,
            "results": results,
        }))
    }
}

async fn serve_pages(server: &MockServer, records: Vec<Value>) {
    Mock::given(method("GET"))
        .and(path(USERS_PATH))
        .respond_with(Pages { records })
        .mount(server)
        .await;
}

/// The query string of every request the server received, in order.
async fn queries(server: &MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .expect("request recording is on")
        .iter()
        .map(|request| request.url.query().unwrap_or_default().to_owned())
        .collect()
}

fn ids(users: &[types::User]) -> Vec<i64> {
    users.iter().map(|user| user.id).collect()
}

#[tokio::test]
async fn stream_walks_three_pages_in_order() {
    let server = MockServer::start().await;
    serve_pages(&server, users(1..=5)).await;
    let client = client(&server);

    let items: Vec<_> = client
        .user_list()
        .stream_with_page_size(page_size(2))
        .collect()
        .await;

    let users: Vec<types::User> = items
        .into_iter()
        .map(|item| item.expect("every page succeeds"))
        .collect();
    assert_eq!(ids(&users), vec![1, 2, 3, 4, 5]);
    assert_eq!(users[4].email, "user5@example.com");
    assert_eq!(
        queries(&server).await,
        vec!["limit=2&offset=0", "limit=2&offset=2", "limit=2&offset=4",]
    );
}

#[tokio::test]
async fn stream_fetches_the_next_page_only_when_needed() {
    let server = MockServer::start().await;
    serve_pages(&server, users(1..=5)).await;
    let client = client(&server);

    let mut stream = pin!(client.user_list().stream_with_page_size(page_size(2)));
    let first = stream
        .next()
        .await
        .expect("an item")
        .expect("page 1 succeeds");
    assert_eq!(first.id, 1);
    assert_eq!(queries(&server).await, vec!["limit=2&offset=0"]);
    let second = stream
        .next()
        .await
        .expect("an item")
        .expect("page 1 succeeds");
    assert_eq!(second.id, 2);
    assert_eq!(
        queries(&server).await.len(),
        1,
        "page 1 is still being consumed"
    );
    let third = stream
        .next()
        .await
        .expect("an item")
        .expect("page 2 succeeds");
    assert_eq!(third.id, 3);
    assert_eq!(queries(&server).await.len(), 2);
}

#[tokio::test]
async fn empty_list_yields_nothing_after_one_request() {
    let server = MockServer::start().await;
    serve_pages(&server, Vec::new()).await;
    let client = client(&server);

    let items: Vec<_> = client
        .user_list()
        .stream_with_page_size(page_size(2))
        .collect()
        .await;

    assert!(items.is_empty(), "no items expected, got {}", items.len());
    assert_eq!(queries(&server).await, vec!["limit=2&offset=0"]);
}

#[tokio::test]
async fn empty_page_ends_the_stream_even_with_a_next_link() {
    // A server whose count shrank between pages: page 2 is empty but still
    // names a next page. The stream must stop there.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(USERS_PATH))
        .respond_with(|request: &Request| {
            let first = request.url.query() == Some("limit=2&offset=0");
            let results = if first { users(1..=2) } else { Vec::new() };
            ResponseTemplate::new(200).set_body_json(json!({
                "count": 10,
                "next": format!("http://127.0.0.1{USERS_PATH}?{}", request.url.query().unwrap_or_default()),
                "previous": null,
                "results": results,
            }))
        })
        .mount(&server)
        .await;
    let client = client(&server);

    let users: Vec<types::User> = client
        .user_list()
        .stream_with_page_size(page_size(2))
        .map(|item| item.expect("no error"))
        .collect()
        .await;

    assert_eq!(ids(&users), vec![1, 2]);
    assert_eq!(
        queries(&server).await,
        vec!["limit=2&offset=0", "limit=2&offset=2"]
    );
}

/// A server that ignores `offset` and builds `next` from the request, so
/// every `next` is new: answers `records(n)` for the n-th request.
async fn serve_ignoring_offset(server: &MockServer, count: i64, records: fn(usize) -> Vec<Value>) {
    let served = std::sync::atomic::AtomicUsize::new(0);
    Mock::given(method("GET"))
        .and(path(USERS_PATH))
        .respond_with(move |request: &Request| {
            let n = served.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let next = format!(
                "http://127.0.0.1{USERS_PATH}?{}&page={}",
                request.url.query().unwrap_or_default(),
                n + 1
            );
            ResponseTemplate::new(200).set_body_json(json!({
                "count": count,
                "next": next,
                "previous": null,
                "results": records(n),
            }))
        })
        .mount(server)
        .await;
}

/// The last item of a walk, which must be its only error.
fn pagination_error(items: &[Result<types::User, Error>]) -> &mindz_sdk::PaginationError {
    let (last, before) = items.split_last().expect("the stream yields something");
    assert!(
        before.iter().all(Result::is_ok),
        "only the last item is an error"
    );
    match last {
        Err(Error::Pagination(e)) => e,
        other => panic!("expected a pagination error last, got {other:?}"),
    }
}

#[tokio::test]
async fn a_server_that_repeats_page_one_ends_the_walk() {
    // Page 1 again and again, each time with a new `next`: followed
    // blindly, this would never end.
    let server = MockServer::start().await;
    serve_ignoring_offset(&server, 100, |_| users(1..=2)).await;
    let client = client(&server);

    // `take` bounds the test even if the stream never ended.
    let items: Vec<_> = client
        .user_list()
        .stream_with_page_size(page_size(2))
        .take(50)
        .collect()
        .await;

    assert_eq!(queries(&server).await.len(), 2, "stops at the first repeat");
    let error = pagination_error(&items);
    assert_eq!(error.stop(), PaginationStop::RepeatedPage);
    assert_eq!(items.len(), 3, "page 1, then the error");
    let text = error.to_string();
    assert!(
        !text.contains("offset=") && !text.contains("http"),
        "{text}"
    );
    assert!(text.contains("user_list"), "{text}");

    let all = client.user_list().collect_all_error().await;
    assert!(matches!(all, Error::Pagination(_)), "{all:?}");
}

#[tokio::test]
async fn a_walk_past_count_ends() {
    // New records on every page, but the server counts 4: the walk stops
    // once its offset is past the count plus a page.
    let server = MockServer::start().await;
    serve_ignoring_offset(&server, 4, |n| {
        let first = 2 * n as i64 + 1;
        users(first..=first + 1)
    })
    .await;
    let client = client(&server);

    let items: Vec<_> = client
        .user_list()
        .stream_with_page_size(page_size(2))
        .take(100)
        .collect()
        .await;

    let error = pagination_error(&items);
    assert_eq!(
        error.stop(),
        PaginationStop::PastCount {
            offset: 8,
            count: 4
        }
    );
    assert_eq!(error.pages(), 5);
    assert_eq!(queries(&server).await.len(), 5);
}

/// `collect_all()`'s error, for a walk that must fail.
trait CollectAllError {
    async fn collect_all_error(self) -> Error;
}

impl<T: PaginatedExt> CollectAllError for T {
    async fn collect_all_error(self) -> Error {
        match self.collect_all().await {
            Ok(items) => panic!("collect_all succeeded with {} items", items.len()),
            Err(error) => error,
        }
    }
}

#[tokio::test]
async fn server_error_is_yielded_once_then_the_stream_ends() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(USERS_PATH))
        .respond_with(|request: &Request| {
            if request.url.query() == Some("limit=2&offset=0") {
                ResponseTemplate::new(200).set_body_json(json!({
                    "count": 6,
                    "next": format!("http://127.0.0.1{USERS_PATH}?limit=2&offset=2"),
                    "previous": null,
                    "results": users(1..=2),
                }))
            } else {
                ResponseTemplate::new(500)
                    .set_body_json(json!({ "detail": "database unavailable" }))
            }
        })
        .mount(&server)
        .await;
    let client = client(&server);

    let items: Vec<_> = client
        .user_list()
        .stream_with_page_size(page_size(2))
        .take(50)
        .collect()
        .await;

    assert_eq!(items.len(), 3, "two users, then the error: {items:?}");
    assert_eq!(items[0].as_ref().map(|u| u.id).ok(), Some(1));
    assert_eq!(items[1].as_ref().map(|u| u.id).ok(), Some(2));
    match &items[2] {
        Err(Error::Api(api)) => {
            assert_eq!(api.status(), 500);
            assert_eq!(api.detail(), Some("database unavailable"));
        }
        other => panic!("expected a 500 Error::Api, got {other:?}"),
    }
    // 500 is not retried by the default policy, and nothing is fetched after
    // the error.
    assert_eq!(
        queries(&server).await,
        vec!["limit=2&offset=0", "limit=2&offset=2"]
    );
}

#[tokio::test]
async fn error_on_the_first_page_yields_only_the_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(USERS_PATH))
        .respond_with(
            ResponseTemplate::new(403)
                .set_body_json(json!({ "detail": "You do not have permission." })),
        )
        .mount(&server)
        .await;
    let client = client(&server);

    let items: Vec<_> = client.user_list().stream().take(50).collect().await;

    assert_eq!(items.len(), 1);
    assert!(
        matches!(&items[0], Err(Error::Api(api)) if api.status() == 403),
        "got {items:?}"
    );
    assert_eq!(queries(&server).await.len(), 1);
}

#[tokio::test]
async fn collect_all_gathers_a_small_list_in_one_request() {
    let server = MockServer::start().await;
    serve_pages(&server, users(1..=3)).await;
    let client = client(&server);

    let all = client
        .user_list()
        .collect_all()
        .await
        .expect("collect_all succeeds");

    assert_eq!(ids(&all), vec![1, 2, 3]);
    assert_eq!(queries(&server).await, vec!["limit=50&offset=0"]);
}

#[tokio::test]
async fn filters_are_sent_with_every_page() {
    let server = MockServer::start().await;
    serve_pages(&server, users(1..=3)).await;
    let client = client(&server);

    let found: Vec<types::User> = client
        .user_list()
        .search("maria silva")
        .ordering(types::UserOrdering::CreatedAtDesc)
        .stream_with_page_size(page_size(2))
        .map(|item| item.expect("no error"))
        .collect()
        .await;

    assert_eq!(ids(&found), vec![1, 2, 3]);
    assert_eq!(
        queries(&server).await,
        vec![
            "limit=2&offset=0&ordering=-created_at&search=maria+silva",
            "limit=2&offset=2&ordering=-created_at&search=maria+silva",
        ]
    );
}

#[tokio::test]
async fn limit_and_offset_set_on_the_builder_are_replaced_by_the_walk() {
    let server = MockServer::start().await;
    serve_pages(&server, users(1..=3)).await;
    let client = client(&server);

    let all = client
        .user_list()
        .limit(1)
        .offset(2)
        .stream_with_page_size(page_size(2))
        .map(|item| item.expect("no error"))
        .collect::<Vec<_>>()
        .await;

    assert_eq!(ids(&all), vec![1, 2, 3]);
    assert_eq!(
        queries(&server).await,
        vec!["limit=2&offset=0", "limit=2&offset=2"]
    );
}
