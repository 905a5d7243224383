//! The README's "Typed mocks for your tests" example, whole: it must compile
//! and pass as written, and the README must show exactly this code (between
//! the `README` markers), so the two cannot drift apart.

// README mock example: begin
use mindz_sdk::mock::MockServerExt as _;
use mindz_sdk::{Client, types};

#[tokio::test]
async fn greets_a_user_from_the_mock_school() {
    let server = httpmock::MockServer::start_async().await;
    let user: types::User = types::User::builder()
        .id(7)
        .email("joana@example.com")
        .first_name("Joana")
        .last_name("Prado")
        .try_into()
        .expect("a valid user");
    let mock = server.user_get(|when, then| {
        when.user_id(7);
        then.ok(&user);
    });

    // Pointed at the mock as at a school: `https://escola.mindz.com.br/api`.
    let client = Client::builder()
        .base_url(format!("{}/api", server.base_url()))
        .bearer_token("test-token")
        .build()
        .expect("a client");
    let answer = client.user_get().user_id(7).send().await.expect("user 7");

    assert_eq!(answer.first_name, "Joana");
    mock.assert_async().await;
}
// README mock example: end

#[test]
fn the_readme_shows_this_example() {
    let this = include_str!("readme_mock.rs");
    let begin = "// README mock example: begin\n";
    let end = "// README mock example: end";
    let start = this.find(begin).expect("begin marker") + begin.len();
    let stop = this.find(&format!("\n{end}")).expect("end marker");
    let example = &this[start..stop];
    let readme = include_str!("../../README.md");
    assert!(
        readme.contains(&format!("```rust,ignore\n{example}\n```")),
        "README.md's mock example differs from tests/tests/readme_mock.rs; copy the code between the markers"
    );
}
