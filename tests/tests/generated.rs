//! Snapshots of the generated SDK: a schema change shows up here as a
//! reviewable diff (`cargo insta review`, or `INSTA_UPDATE=new` and the
//! `.snap.new` files), and the checked-in `mindz-sdk/src/generated.rs` must
//! be what the schema generates today. Counts come from the schema, never a
//! literal: a schema edit fails only the snapshots it changes.

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
    assert_eq!(fresh.operations, load::count_operations(&schema()));
    assert_eq!(fresh.operations, mindz_sdk::OPERATIONS.len());
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
    assert_eq!(
        entries.len(),
        load::count_operations(&schema()),
        "one Client method per operation"
    );
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

/// The structs of `types` (`    pub struct Name {` at the module's indentation).
fn type_structs(source: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = source.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == "pub mod types {")
        .expect("a types module");
    lines[start..]
        .iter()
        .enumerate()
        .take_while(|(_, l)| **l != "}")
        .filter_map(|(i, l)| {
            let name = l.strip_prefix("    pub struct ")?.strip_suffix(" {")?;
            Some((start + i, name.to_string()))
        })
        .collect()
}

/// Every model can grow: `#[non_exhaustive]`, built with a builder.
#[test]
fn every_struct_is_non_exhaustive_and_has_a_builder() {
    let source = generated();
    let lines: Vec<&str> = source.lines().collect();
    let structs = type_structs(&source);
    assert!(structs.len() > 100, "found {} structs", structs.len());
    for (line, name) in &structs {
        assert_eq!(
            lines[line - 1].trim(),
            "#[non_exhaustive]",
            "types::{name} is not #[non_exhaustive]"
        );
        assert!(
            source.contains(&format!("pub fn builder() -> builder::{name} {{")),
            "types::{name} has no builder()"
        );
        assert!(
            // `impl TryFrom<builder::X> for super::X` (prettyplease may wrap it).
            source.contains(&format!("for super::{name} {{")),
            "builder::{name} does not convert into types::{name}"
        );
    }
}

/// Money is a decimal everywhere: no float is left in the generated code.
#[test]
fn no_money_field_is_a_float() {
    let source = generated();
    assert!(!source.contains("f64"), "generated.rs has an f64");
    assert!(!source.contains("f32"), "generated.rs has an f32");
    let fields = source
        .lines()
        .filter(|l| l.contains("pub ") && l.contains("::rust_decimal::Decimal"))
        .count();
    assert_eq!(
        fields,
        mindz_codegen::money::count_decimal_properties(&schema()),
        "decimal fields in types"
    );
}

/// The mock helpers match the schema's paths under any base path.
#[test]
fn mock_paths_take_a_base_path() {
    let source = generated();
    let mock = &source[source.find("pub mod mock {").expect("a mock module")..];
    assert!(
        !mock.contains("\"^/v2/"),
        "a mock path regex without the base path"
    );
    assert!(mock.contains("\"^(?:/[^/]+)*/v2/users/[^/]*/$\""));
}

/// Each post-processing step fails, naming itself, when progenitor's output
/// lacks what it rewrites, instead of silently doing nothing.
#[test]
fn post_processing_steps_fail_loudly_on_unexpected_output() {
    use mindz_codegen::{mock_paths, models, nullable, secrets};
    let parse = |src: &str| -> syn::File { syn::parse_str(src).expect("valid Rust") };
    let doc = schema();

    let no_types = parse("pub mod builder {}");
    let e = models::mark_non_exhaustive(&mut no_types.clone()).expect_err("no types");
    assert_eq!(
        e.to_string(),
        "post-processing step `non_exhaustive`: progenitor produced no `types` module"
    );

    let no_builder = parse("pub mod types { pub struct A { pub x: i64 } pub mod builder {} }");
    let e = models::mark_non_exhaustive(&mut no_builder.clone()).expect_err("no builder");
    assert!(
        e.to_string().contains("typify wrote no builder for A"),
        "{e}"
    );

    let e = nullable::rewrite(&mut no_builder.clone(), &doc).expect_err("no request types");
    assert!(
        e.to_string()
            .starts_with("post-processing step `nullable`: no struct `types::"),
        "{e}"
    );

    let e = secrets::redact(&mut no_builder.clone(), &doc).expect_err("no secret types");
    assert!(
        e.to_string()
            .starts_with("post-processing step `secrets`: no struct `types::"),
        "{e}"
    );

    let exact = parse(r#"fn f(w: When) -> When { w.path("/v2/users/") }"#);
    let e = mock_paths::allow_base_path(&mut exact.clone()).expect_err("exact path");
    assert!(e.to_string().contains("exact `.path(..)` matcher"), "{e}");
    let nothing = parse("fn f() {}");
    let e = mock_paths::allow_base_path(&mut nothing.clone()).expect_err("no regex");
    assert!(e.to_string().contains("no `^/...` path regex"), "{e}");

    let regex = parse(
        r#"fn f(v: i64) { let a = Regex::new("^/v2/x/$"); let b = format!("^/v2/x/{}/$", v); }"#,
    );
    let mut rewritten = regex.clone();
    assert_eq!(mock_paths::allow_base_path(&mut rewritten), Ok(2));
    let text = quote::quote!(#rewritten).to_string();
    assert!(text.contains(r#""^(?:/[^/]+)*/v2/x/$""#), "{text}");
    assert!(text.contains(r#""^(?:/[^/]+)*/v2/x/{}/$""#), "{text}");
}
