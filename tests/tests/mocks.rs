//! The typed httpmock helpers (`mindz_sdk::mock`, feature `mock`) used the
//! way an application's own tests would: mock the operations its code calls
//! with typed values, run that code against the mock server, check what it
//! returned and which mocks were hit.

use httpmock::MockServer;
use mindz_sdk::Client;
use mindz_sdk::mock::MockServerExt as _;
use mindz_sdk::types;

// ---------------------------------------------------------------------------
// The "application": code that uses the SDK and knows nothing of the mocks.

/// Creates a course taught by `teacher_id`, named after them.
async fn create_course_for_teacher(
    client: &Client,
    teacher_id: i64,
) -> mindz_sdk::Result<types::Course> {
    let teacher = client.user_get().user_id(teacher_id).send().await?;
    let course = client
        .course_create()
        .body(course_request(&teacher.first_name))
        .send()
        .await?;
    Ok(course.into_inner())
}

fn course_request(teacher_first_name: &str) -> types::CourseCreate {
    types::CourseCreate::builder()
        .name(format!("Oficina de {teacher_first_name}"))
        .short_description("Curso criado pela aplicação".to_owned())
        .active(false)
        .price("49.90".parse::<mindz_sdk::Decimal>().expect("a decimal"))
        .try_into()
        .expect("a valid course")
}

// ---------------------------------------------------------------------------
// Fixtures and tests.

fn client(server: &MockServer) -> Client {
    // As for a real school (`https://escola.mindz.com.br/api`): the helpers
    // match the schema's paths under any base path.
    Client::builder()
        .base_url(format!("{}/api", server.base_url()))
        .bearer_token("test-token")
        .build()
        .expect("client builds")
}

fn teacher() -> types::User {
    types::User::builder()
        .id(7)
        .email("joana@example.com")
        .first_name("Joana")
        .last_name("Prado")
        .try_into()
        .expect("a valid User")
}

fn course(id: i64, request: &types::CourseCreate) -> types::Course {
    types::Course::builder()
        .id(id)
        .name(request.name.as_str())
        .short_description(request.short_description.clone())
        .active(request.active)
        .price(request.price)
        .slug("oficina-de-joana".to_owned())
        .try_into()
        .expect("a valid Course")
}

#[tokio::test]
async fn application_creates_a_course_for_a_teacher() {
    let server = MockServer::start_async().await;
    let expected_request = course_request("Joana");
    let user_mock = server.user_get(|when, then| {
        when.user_id(7);
        then.ok(&teacher());
    });
    let course_mock = server.course_create(|when, then| {
        when.body(&expected_request);
        then.created(&course(42, &expected_request));
    });

    let course = create_course_for_teacher(&client(&server), 7)
        .await
        .expect("the application succeeds");

    assert_eq!(course.id, 42);
    assert_eq!(course.name.as_str(), "Oficina de Joana");
    assert_eq!(course.slug.as_deref(), Some("oficina-de-joana"));
    assert_eq!(course.active, Some(false));
    assert_eq!(
        course.price.map(|p| p.to_string()).as_deref(),
        Some("49.90")
    );
    user_mock.assert_async().await;
    course_mock.assert_async().await;
}

#[tokio::test]
async fn application_reports_a_missing_teacher_and_creates_nothing() {
    let server = MockServer::start_async().await;
    let user_mock = server.user_get(|when, then| {
        when.user_id(404);
        then.client_error(
            404,
            &types::ErrorBody::builder()
                .detail("Not found.".to_owned())
                .try_into()
                .expect("a valid error body"),
        );
    });
    // Any course creation would match this mock; it must not be hit.
    let course_mock = server.course_create(|_when, then| {
        then.created(&course(1, &course_request("Ninguém")));
    });

    let error = create_course_for_teacher(&client(&server), 404)
        .await
        .expect_err("the teacher does not exist");

    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(error.detail(), Some("Not found."));
    user_mock.assert_async().await;
    course_mock.assert_calls_async(0).await;
}

#[tokio::test]
async fn a_request_the_mocks_do_not_expect_is_not_matched() {
    // The mock only answers user 7: asking for user 8 gets httpmock's own
    // 404 ("did not match any route or mock") and the mock stays unhit.
    let server = MockServer::start_async().await;
    let user_mock = server.user_get(|when, then| {
        when.user_id(7);
        then.ok(&teacher());
    });

    let result = client(&server).user_get().user_id(8).send().await;

    let error = result.expect_err("no mock for user 8");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    user_mock.assert_calls_async(0).await;
}
