//! Models that round-trip, checked on the wire against a local server:
//! nullable request fields have three states (absent, null, value), money is
//! a decimal (decoded from a string or a number, sent as a string), and
//! secrets never show in `Debug`.

use mindz_sdk::{Client, Decimal, Nullable, types};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(format!("{}/api", server.uri()))
        .bearer_token("test-token")
        .build()
        .expect("client builds")
}

fn course_json(price: Value) -> Value {
    json!({"id": 5, "name": "Oficina", "price": price, "launch_date": null})
}

/// Mounts `method path` answering `body`, and returns the server.
async fn server_answering(verb: &str, at: &str, body: Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    server
}

/// The raw body of the one request the server received.
async fn sent_body(server: &MockServer) -> String {
    let requests = server.received_requests().await.expect("recording is on");
    assert_eq!(requests.len(), 1, "one request");
    String::from_utf8(requests[0].body.clone()).expect("utf-8 body")
}

async fn patch_course(body: types::PatchedCourse) -> String {
    let server = server_answering("PATCH", "/api/v2/courses/5/", course_json(json!("1.00"))).await;
    client(&server)
        .course_partial_update()
        .course_id(5)
        .body(body)
        .send()
        .await
        .expect("the PATCH succeeds");
    sent_body(&server).await
}

// ---------------------------------------------------------------------------
// Nullable request fields.

#[tokio::test]
async fn clearing_launch_date_sends_exactly_null() {
    let body: types::PatchedCourse = types::PatchedCourse::builder()
        .clear_launch_date()
        .try_into()
        .expect("a valid patch");
    assert_eq!(patch_course(body).await, r#"{"launch_date":null}"#);
}

#[tokio::test]
async fn a_patch_that_sets_nothing_sends_an_empty_object() {
    assert_eq!(patch_course(types::PatchedCourse::default()).await, "{}");
}

#[tokio::test]
async fn a_patch_sends_only_what_was_set() {
    let date = "2026-03-01T12:00:00Z"
        .parse::<chrono::DateTime<chrono::Utc>>()
        .unwrap();
    let body: types::PatchedCourse = types::PatchedCourse::builder()
        .launch_date(date)
        .active(true)
        .try_into()
        .expect("a valid patch");
    let sent: Value = serde_json::from_str(&patch_course(body).await).unwrap();
    assert_eq!(
        sent,
        json!({"launch_date": "2026-03-01T12:00:00Z", "active": true})
    );
}

#[tokio::test]
async fn a_field_can_be_cleared_on_the_struct_too() {
    let mut body = types::PatchedCourse::default();
    body.launch_date = Nullable::Null;
    assert_eq!(patch_course(body).await, r#"{"launch_date":null}"#);
}

#[tokio::test]
async fn an_open_enum_can_be_cleared_set_or_left_out() {
    let user = json!({"id": 7, "email": "a@example.com", "first_name": "A", "last_name": "B", "gender": null});
    for (body, expected) in [
        (
            types::PatchedUser::builder().clear_gender(),
            json!({"gender": null}),
        ),
        (
            types::PatchedUser::builder().gender(types::UserGender::Unknown("other".into())),
            json!({"gender": "other"}),
        ),
        (
            types::PatchedUser::builder().first_name("Ana".to_owned()),
            json!({"first_name": "Ana"}),
        ),
    ] {
        let server = server_answering("PATCH", "/api/v2/users/7/", user.clone()).await;
        let answer = client(&server)
            .user_partial_update()
            .user_id(7)
            .body(body)
            .send()
            .await
            .expect("the PATCH succeeds");
        // Responses keep `Option`: `null` decodes as `None`.
        assert_eq!(answer.gender, None);
        let sent: Value = serde_json::from_str(&sent_body(&server).await).unwrap();
        assert_eq!(sent, expected);
    }
}

#[test]
fn a_request_body_decodes_missing_null_and_value() {
    let missing: types::PatchedCourse = serde_json::from_value(json!({})).unwrap();
    assert!(missing.launch_date.is_absent());
    let null: types::PatchedCourse = serde_json::from_value(json!({"launch_date": null})).unwrap();
    assert!(null.launch_date.is_null());
    let value: types::PatchedCourse =
        serde_json::from_value(json!({"launch_date": "2026-03-01T12:00:00Z"})).unwrap();
    assert!(value.launch_date.value().is_some());
}

// ---------------------------------------------------------------------------
// Money.

async fn get_course(price: Value) -> types::Course {
    let server = server_answering("GET", "/api/v2/courses/5/", course_json(price)).await;
    client(&server)
        .course_get()
        .course_id(5)
        .send()
        .await
        .expect("the course decodes")
        .into_inner()
}

#[tokio::test]
async fn a_price_decodes_from_a_string_and_is_sent_back_as_the_same_string() {
    let course = get_course(json!("62.90")).await;
    let price = course.price.expect("a price");
    assert_eq!(price, "62.90".parse::<Decimal>().unwrap());
    assert_eq!(price.to_string(), "62.90");

    let server = server_answering("PATCH", "/api/v2/courses/5/", course_json(json!("62.90"))).await;
    client(&server)
        .course_partial_update()
        .course_id(5)
        .body_map(|patch| patch.price(price))
        .send()
        .await
        .expect("the PATCH succeeds");
    assert_eq!(sent_body(&server).await, r#"{"price":"62.90"}"#);
}

#[tokio::test]
async fn a_price_decodes_from_a_number() {
    let course = get_course(json!(62.9)).await;
    assert_eq!(course.price, Some("62.9".parse::<Decimal>().unwrap()));
    assert_eq!(
        serde_json::to_value(&course).unwrap()["price"],
        json!("62.9")
    );
}

#[tokio::test]
async fn a_price_that_is_not_a_number_is_a_decode_error() {
    let server = server_answering("GET", "/api/v2/courses/5/", course_json(json!("grátis"))).await;
    let error = client(&server)
        .course_get()
        .course_id(5)
        .send()
        .await
        .expect_err("not a decimal");
    assert!(matches!(error, mindz_sdk::Error::Decode(_)), "{error}");
}

// ---------------------------------------------------------------------------
// Secrets.

const PASSWORD: &str = "s3nh4-Sup3r-S3creta";

fn assert_hidden(what: &str, debug: String) {
    assert!(
        !debug.contains(PASSWORD),
        "{what} shows the password: {debug}"
    );
    assert!(
        debug.contains("***"),
        "{what} does not mark the password: {debug}"
    );
}

#[test]
fn change_password_request_and_its_builder_hide_the_password() {
    let builder = types::ChangePasswordRequest::builder().password(PASSWORD);
    assert_hidden("the builder", format!("{builder:?}"));
    let request: types::ChangePasswordRequest = builder.try_into().expect("valid");
    assert_hidden("the request", format!("{request:?}"));
    assert_hidden("the request ({:#?})", format!("{request:#?}"));
    // The value is still there, and sent.
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({"password": PASSWORD})
    );
}

#[test]
fn user_create_and_its_builder_hide_the_password() {
    let builder = types::UserCreate::builder()
        .email("ana@example.com")
        .first_name("Ana")
        .last_name("Lima")
        .password(PASSWORD.to_owned());
    assert_hidden("the builder", format!("{builder:?}"));
    let user: types::UserCreate = builder.try_into().expect("valid");
    let debug = format!("{user:?}");
    assert_hidden("the user", debug.clone());
    assert!(
        debug.contains("ana@example.com"),
        "other fields still print: {debug}"
    );
    let without: types::UserCreate = types::UserCreate::builder()
        .email("ana@example.com")
        .first_name("Ana")
        .last_name("Lima")
        .try_into()
        .expect("valid");
    assert!(format!("{without:?}").contains("password: None"));
}

#[test]
fn subscription_plans_hide_their_page_password() {
    let patch: types::PatchedSubscription = types::PatchedSubscription::builder()
        .password(PASSWORD.to_owned())
        .try_into()
        .expect("valid");
    assert_hidden("the subscription patch", format!("{patch:?}"));
}

#[tokio::test]
async fn the_change_password_request_builder_hides_the_password() {
    let server = MockServer::start().await;
    let client = client(&server);
    let request = client
        .user_change_password()
        .user_id(7)
        .body_map(|body| body.password(PASSWORD));
    let debug = format!("{request:?}");
    assert_hidden("the operation builder", debug.clone());
    assert!(debug.contains("user_id"), "{debug}");
    assert!(!debug.contains("test-token"), "{debug}");
}
