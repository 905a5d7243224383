//! Snapshots of the generated SDK: a schema change shows up here as a
//! reviewable diff (`cargo insta review`), and the checked-in
//! `mindz-sdk/src/generated.rs` must be what the schema generates today.

use std::path::PathBuf;

use mindz_codegen::{generate, inventory, load};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn schema() -> serde_json::Value {
    match load::load_file(&root().join("schema/mindz.yaml")) {
        Ok(doc) => doc,
        Err(e) => panic!("{e}"),
    }
}

fn generated() -> String {
    match std::fs::read_to_string(root().join("mindz-sdk/src/generated.rs")) {
        Ok(s) => s,
        Err(e) => panic!("cannot read generated.rs: {e}"),
    }
}

#[test]
fn generated_rs_is_up_to_date() {
    let fresh = match generate(&schema()) {
        Ok(g) => g,
        Err(e) => panic!("{e}"),
    };
    assert!(
        fresh.source == generated(),
        "mindz-sdk/src/generated.rs is stale: run `cargo xtask generate`"
    );
    assert!(
        fresh
            .source
            .starts_with("// @generated from schema/mindz.yaml by `cargo xtask generate`")
    );
    assert_eq!(fresh.operations, 122);
}

#[test]
fn generation_is_deterministic() {
    let doc = schema();
    let a = generate(&doc).map(|g| g.source).map_err(|e| e.to_string());
    let b = generate(&doc).map(|g| g.source).map_err(|e| e.to_string());
    assert_eq!(a, b);
}

#[test]
fn api_inventory() {
    let entries = match inventory::entries(&generated(), &schema()) {
        Ok(e) => e,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(entries.len(), 122, "one Client method per operation");
    assert!(
        entries
            .iter()
            .all(|e| !e.method.is_empty() && e.response != "?")
    );
    insta::assert_snapshot!("api_inventory", inventory::render(&entries));
}

fn excerpt(operations: &[&str], types: &[&str]) -> String {
    match inventory::excerpt(&generated(), operations, types) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    }
}

/// A flat CRUD resource: courses.
#[test]
fn flat_crud_resource() {
    insta::assert_snapshot!(
        "course_crud",
        excerpt(
            &[
                "course_list",
                "course_create",
                "course_partial_update",
                "course_delete"
            ],
            &["Course", "CourseCreate", "PatchedCourse", "CourseOrdering"],
        )
    );
}

/// A nested resource: items of a curriculum section of a course.
#[test]
fn nested_resource() {
    insta::assert_snapshot!(
        "course_grade_detail_nested",
        excerpt(
            &["course_grade_detail_get", "course_grade_detail_update"],
            &[
                "CourseGradeDetail",
                "CourseGradeDetailUpdate",
                "CourseGradeDetailKind"
            ],
        )
    );
}

/// An action on a record: changing a user's password.
#[test]
fn action_operation() {
    insta::assert_snapshot!(
        "user_change_password_action",
        excerpt(
            &["user_change_password"],
            &["ChangePasswordRequest", "ErrorBody"]
        )
    );
}

/// A public operation (no credentials) and an integer enum.
#[test]
fn public_operation_and_integer_enum() {
    insta::assert_snapshot!(
        "public_and_integer_enum",
        excerpt(
            &["public_stats_get"],
            &["PublicStats", "MindzPayInvoiceStatus"]
        )
    );
}

/// A schema that breaks a lint rule is refused with the rule's pointer, and
/// nothing is generated.
#[test]
fn broken_schema_is_refused_with_its_pointer() {
    let mut doc = schema();
    doc["openapi"] = serde_json::json!("3.1.0");
    match generate(&doc) {
        Err(mindz_codegen::GenerateError::Lint(diags)) => {
            let text: Vec<String> = diags.iter().map(ToString::to_string).collect();
            assert_eq!(
                text,
                [
                    r#"/openapi: openapi version "3.1.0" is not supported by progenitor, expected 3.0.x"#
                ]
            );
        }
        Err(other) => panic!("expected a lint error, got {other}"),
        Ok(_) => panic!("a 3.1 schema was generated"),
    }
}

/// An enum whose values give clashing Rust names is refused, naming the value.
#[test]
fn clashing_enum_variant_names_are_refused() {
    let mut doc = schema();
    doc["components"]["schemas"]["UserGender"]["enum"] = serde_json::json!(["male", "Male"]);
    match generate(&doc) {
        Err(e) => assert_eq!(
            e.to_string(),
            "the schema has 1 lint error(s):\n  /components/schemas/UserGender/enum/1: value \"Male\" gives the variant name `Male` twice; set x-enum-varnames"
        ),
        Ok(_) => panic!("clashing variant names were generated"),
    }
}
