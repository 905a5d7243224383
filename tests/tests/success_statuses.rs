//! Any `2xx` is a success, and a body that does not fit stays reachable,
//! against the loopback server on 127.0.0.1.

use mindz_sdk::{Error, types};

#[path = "support/loopback.rs"]
mod loopback;

use loopback::{Reply, Server, json};

const TOKEN: &str = "tok-SECRET-2xx";
const USER: &str =
    r#"{"id": 7, "email": "ana@example.com", "first_name": "Ana", "last_name": "Silva"}"#;

fn new_user() -> types::builder::UserCreate {
    types::UserCreate::builder()
        .email("ana@example.com")
        .first_name("Ana")
        .last_name("Silva")
}

#[tokio::test]
async fn user_create_answered_200_gives_the_user_sent_once() {
    // The schema documents 201; this school answers 200.
    let server = Server::start(|_, _| json(200, USER)).await;
    let client = server.builder(TOKEN).build().unwrap();
    let user = client.user_create().body(new_user()).send().await.unwrap();
    assert_eq!(user.status(), 200);
    assert_eq!(user.id, 7);
    assert_eq!(user.email, "ana@example.com");
    assert_eq!(server.hits(), 1, "sent once");
}

#[tokio::test]
async fn course_delete_answered_200_with_json_or_202_without_body_succeeds() {
    let server = Server::start(|_, i| match i {
        0 => json(200, r#"{"detail": "Curso removido."}"#),
        _ => Reply::With(202, vec![], String::new()),
    })
    .await;
    let client = server.builder(TOKEN).build().unwrap();
    let first = client.course_delete().course_id(3).send().await.unwrap();
    assert_eq!(first.status(), 200);
    let second = client.course_delete().course_id(3).send().await.unwrap();
    assert_eq!(second.status(), 202);
    assert_eq!(server.hits(), 2);
}

#[tokio::test]
async fn other_statuses_stay_errors() {
    let server = Server::start(|_, i| match i {
        0 => json(404, r#"{"detail": "Não encontrado."}"#),
        _ => Reply::With(304, vec![], String::new()),
    })
    .await;
    let client = server
        .builder(TOKEN)
        .retry(mindz_sdk::RetryPolicy::none())
        .build()
        .unwrap();
    let error = client
        .course_delete()
        .course_id(3)
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::Api(ref e) if e.status() == 404),
        "{error}"
    );
    let error = client
        .course_delete()
        .course_id(3)
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::UnexpectedStatus(ref e) if e.status() == 304),
        "{error}"
    );
}

#[tokio::test]
async fn a_2xx_body_that_does_not_fit_is_a_decode_error_with_its_body() {
    let malformed = r#"{"id": 7, "email": "ana@example.com", "first_name": "Ana""#;
    let wrong = r#"{"id": "sete", "email": "maria@example.com"}"#;
    let server = Server::start(move |_, i| match i {
        0 => json(201, malformed),
        _ => json(200, wrong),
    })
    .await;
    let client = server.builder(TOKEN).build().unwrap();
    for body in [malformed, wrong] {
        let error = client
            .user_create()
            .body(new_user())
            .send()
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Decode(_)), "{error}");
        assert_eq!(error.raw_body(), Some(body));
        let shown = format!("{error} {error:?}");
        assert!(!shown.contains("ana@example.com"), "{shown}");
        assert!(!shown.contains("maria@example.com"), "{shown}");
        assert!(!shown.contains("sete"), "{shown}");
    }
    assert_eq!(server.hits(), 2, "a decode error is not retried");
}

#[tokio::test]
async fn api_errors_give_their_body_too() {
    let page = "<html><p>cpf 123.456.789-00</p></html>";
    let server = Server::start(move |_, _| {
        Reply::With(404, vec![("content-type", "text/html".into())], page.into())
    })
    .await;
    let client = server.builder(TOKEN).build().unwrap();
    let error = client.user_get().user_id(1).send().await.unwrap_err();
    assert_eq!(error.raw_body(), Some(page));
    assert!(!format!("{error} {error:?}").contains("cpf"));
    assert_eq!(
        Error::InvalidRequest("x".into()).raw_body(),
        None,
        "no body, no raw body"
    );
}
