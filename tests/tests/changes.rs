//! `mindz_codegen::changes`: small schema pairs, each change judged for SDK
//! users and for the wire.

use mindz_codegen::changes::{Change, ChangeKind, Report, compare};
use mindz_codegen::load::load_str;
use serde_json::{Value, json};

const BASE: &str = r##"
openapi: 3.0.3
info:
  title: Mindz
  version: '2'
tags:
  - name: user
    description: Users.
paths:
  /v2/users/:
    get:
      operationId: user_list
      tags: [user]
      parameters:
        - $ref: "#/components/parameters/Limit"
        - name: search
          in: query
          schema:
            type: string
      responses:
        "200":
          description: OK.
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: "#/components/schemas/User"
        4XX:
          $ref: "#/components/responses/Error"
    post:
      operationId: user_create
      tags: [user]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/UserCreate"
      responses:
        "201":
          description: Created.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/User"
  /v2/users/{user_id}/:
    get:
      operationId: user_get
      tags: [user]
      parameters:
        - name: user_id
          in: path
          required: true
          schema:
            type: integer
            format: int64
      responses:
        "200":
          description: OK.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/User"
  /public/v1/courses/:
    get:
      operationId: public_course_list
      tags: [public]
      security: []
      responses:
        "200":
          description: OK.
          content:
            application/json:
              schema:
                type: object
                required: [count]
                properties:
                  count:
                    type: integer
components:
  parameters:
    Limit:
      name: limit
      in: query
      schema:
        type: integer
        minimum: 1
  responses:
    Error:
      description: Refused.
      content:
        application/json:
          schema:
            $ref: "#/components/schemas/ErrorBody"
  schemas:
    User:
      type: object
      required: [id, email]
      properties:
        id:
          type: integer
          format: int64
          readOnly: true
        email:
          type: string
          format: email
        gender:
          nullable: true
          allOf:
            - $ref: "#/components/schemas/UserGender"
    UserCreate:
      type: object
      required: [email]
      properties:
        email:
          type: string
          format: email
        gender:
          $ref: "#/components/schemas/UserGender"
    UserGender:
      type: string
      enum: [male, female]
    ErrorBody:
      type: object
      properties:
        detail:
          type: string
"##;

fn base() -> Value {
    load_str(BASE).expect("BASE is valid YAML")
}

/// Compares BASE with BASE changed by `edit`.
fn after(edit: impl FnOnce(&mut Value)) -> Report {
    let old = base();
    let mut new = old.clone();
    edit(&mut new);
    compare(&old, &new)
}

fn at<'a>(doc: &'a mut Value, pointer: &str) -> &'a mut Value {
    doc.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{pointer} is in BASE"))
}

fn props<'a>(doc: &'a mut Value, schema: &str) -> &'a mut serde_json::Map<String, Value> {
    at(doc, &format!("/components/schemas/{schema}/properties"))
        .as_object_mut()
        .expect("properties is an object")
}

/// The only change of `report`.
fn only(report: &Report) -> &Change {
    assert_eq!(report.changes.len(), 1, "{report:#?}");
    &report.changes[0]
}

#[test]
fn the_same_schema_has_no_changes() {
    let report = compare(&base(), &base());
    assert!(report.changes.is_empty(), "{report:#?}");
    assert!(!report.is_breaking());
    assert!(report.verdict().starts_with("non-breaking"));
}

#[test]
fn an_optional_response_field_is_not_breaking() {
    let report = after(|d| {
        props(d, "User").insert("nickname".into(), json!({"type": "string"}));
    });
    let c = only(&report);
    assert_eq!(c.item, "response field `User.nickname`");
    assert_eq!(c.kind, ChangeKind::Added);
    assert_eq!(c.resource, "user");
    assert!(!c.sdk_breaking && !c.wire_breaking);
    assert!(
        report.verdict().starts_with("non-breaking"),
        "{}",
        report.verdict()
    );
}

#[test]
fn an_optional_request_field_is_not_breaking() {
    let report = after(|d| {
        props(d, "UserCreate").insert("phone".into(), json!({"type": "string"}));
    });
    let c = only(&report);
    assert_eq!(c.item, "request field `UserCreate.phone`");
    assert!(!c.is_breaking());
}

#[test]
fn a_removed_response_field_breaks_both() {
    let report = after(|d| {
        props(d, "User").remove("email");
    });
    let c = only(&report);
    assert_eq!(c.item, "response field `User.email`");
    assert_eq!(c.kind, ChangeKind::Removed);
    assert!(c.sdk_breaking && c.wire_breaking);
    assert!(
        report.verdict().starts_with("breaking"),
        "{}",
        report.verdict()
    );
}

#[test]
fn a_removed_request_field_breaks_the_sdk_only() {
    let report = after(|d| {
        props(d, "UserCreate").remove("gender");
    });
    let c = only(&report);
    assert!(c.sdk_breaking && !c.wire_breaking, "{c:#?}");
}

#[test]
fn a_new_required_request_field_breaks_both() {
    let report = after(|d| {
        props(d, "UserCreate").insert("first_name".into(), json!({"type": "string"}));
        at(d, "/components/schemas/UserCreate/required")
            .as_array_mut()
            .expect("required is a list")
            .push(json!("first_name"));
    });
    let c = only(&report);
    assert_eq!(c.item, "request field `UserCreate.first_name`");
    assert_eq!(c.detail, "required `string`");
    assert!(c.sdk_breaking && c.wire_breaking);
}

#[test]
fn a_request_field_that_became_required_breaks_both() {
    let report = after(|d| {
        *at(d, "/components/schemas/UserCreate/required") = json!(["email", "gender"]);
    });
    let c = only(&report);
    assert_eq!(c.detail, "optional → required");
    assert!(c.sdk_breaking && c.wire_breaking);
}

#[test]
fn a_changed_field_type_breaks_both() {
    let report = after(|d| {
        props(d, "User")["id"] = json!({"type": "string"});
    });
    let c = only(&report);
    assert_eq!(c.detail, "type `integer(int64)` → `string`");
    assert!(c.sdk_breaking && c.wire_breaking);
}

#[test]
fn a_format_annotation_is_not_a_type_change() {
    let report = after(|d| {
        props(d, "User")["email"] = json!({"type": "string"});
    });
    let c = only(&report);
    assert!(c.detail.starts_with("format annotation"), "{c:#?}");
    assert!(!c.is_breaking());
}

#[test]
fn marking_a_secret_is_not_a_type_change() {
    // `format: password` changes how the SDK prints the field, not its type.
    let report = after(|d| {
        props(d, "UserCreate")["email"]["format"] = json!("password");
    });
    let c = only(&report);
    assert!(c.detail.starts_with("format annotation"), "{c:#?}");
    assert!(!c.is_breaking());
}

#[test]
fn an_allof_wrapper_is_the_type_it_wraps() {
    // `allOf: [$ref]` beside `nullable` is the same type as a bare `$ref`;
    // only the nullability changed.
    let report = after(|d| {
        props(d, "User")["gender"] = json!({"$ref": "#/components/schemas/UserGender"});
    });
    let c = only(&report);
    assert_eq!(c.detail, "no longer nullable");
    assert!(c.sdk_breaking && !c.wire_breaking, "{c:#?}");
}

#[test]
fn a_response_field_that_became_nullable_breaks_the_wire() {
    let report = after(|d| {
        props(d, "User")["email"]["nullable"] = json!(true);
    });
    let c = only(&report);
    assert_eq!(c.detail, "became nullable");
    assert!(c.wire_breaking);
}

#[test]
fn a_renamed_operation_breaks_the_sdk() {
    let report = after(|d| {
        *at(d, "/paths/~1v2~1users~1{user_id}~1/get/operationId") = json!("user_retrieve");
    });
    let c = only(&report);
    assert_eq!(c.item, "operation `user_get`");
    assert_eq!(c.kind, ChangeKind::Changed);
    assert!(
        c.detail.contains("renamed to `user_retrieve`"),
        "{}",
        c.detail
    );
    assert!(c.sdk_breaking && !c.wire_breaking);
    assert!(report.verdict().starts_with("breaking"));
}

#[test]
fn added_and_removed_operations() {
    let added = after(|d| {
        at(d, "/paths/~1v2~1users~1{user_id}~1")["delete"] = json!({
            "operationId": "user_delete", "tags": ["user"],
            "responses": {"204": {"description": "Deleted."}}
        });
    });
    let c = only(&added);
    assert_eq!(
        (c.kind, c.item.as_str()),
        (ChangeKind::Added, "operation `user_delete`")
    );
    assert!(!c.is_breaking());

    let removed = after(|d| {
        at(d, "/paths/~1v2~1users~1{user_id}~1")
            .as_object_mut()
            .expect("a path item")
            .remove("get");
    });
    let c = only(&removed);
    assert_eq!(
        (c.kind, c.item.as_str()),
        (ChangeKind::Removed, "operation `user_get`")
    );
    assert!(c.sdk_breaking && c.wire_breaking);
}

#[test]
fn a_moved_operation_breaks_the_wire_only() {
    let report = after(|d| {
        let paths = at(d, "/paths").as_object_mut().expect("paths");
        let item = paths.remove("/v2/users/{user_id}/").expect("in BASE");
        paths.insert("/v2/people/{user_id}/".into(), item);
    });
    let c = only(&report);
    assert!(
        c.detail
            .starts_with("moved from `GET /v2/users/{user_id}/`"),
        "{}",
        c.detail
    );
    assert!(!c.sdk_breaking && c.wire_breaking);
}

#[test]
fn parameters() {
    let optional = after(|d| {
        at(d, "/paths/~1v2~1users~1/get/parameters")
            .as_array_mut()
            .expect("a list")
            .push(json!({"name": "ordering", "in": "query", "schema": {"type": "string"}}));
    });
    let c = only(&optional);
    assert_eq!(c.item, "query parameter `ordering` of `user_list`");
    assert!(!c.is_breaking());

    let required = after(|d| {
        at(d, "/paths/~1v2~1users~1/get/parameters/1")["required"] = json!(true);
    });
    let c = only(&required);
    assert_eq!(c.detail, "optional → required");
    assert!(c.sdk_breaking && c.wire_breaking);

    // A parameter behind a `$ref` is compared as resolved.
    let retyped = after(|d| {
        at(d, "/components/parameters/Limit/schema")["minimum"] = json!(0);
    });
    let c = only(&retyped);
    assert_eq!(c.item, "query parameter `limit` of `user_list`");
    assert!(c.sdk_breaking, "{c:#?}");

    let removed = after(|d| {
        at(d, "/paths/~1v2~1users~1/get/parameters")
            .as_array_mut()
            .expect("a list")
            .pop();
    });
    let c = only(&removed);
    assert_eq!(c.kind, ChangeKind::Removed);
    assert!(c.sdk_breaking && !c.wire_breaking);
}

#[test]
fn enum_values() {
    let added = after(|d| {
        at(d, "/components/schemas/UserGender/enum")
            .as_array_mut()
            .expect("a list")
            .push(json!("other"));
    });
    let c = only(&added);
    assert_eq!(c.item, "value `\"other\"` of enum `UserGender`");
    assert_eq!(c.kind, ChangeKind::Added);
    assert!(!c.is_breaking());

    let removed = after(|d| {
        *at(d, "/components/schemas/UserGender/enum") = json!(["male"]);
    });
    let c = only(&removed);
    assert_eq!(c.kind, ChangeKind::Removed);
    // UserGender is sent in requests (UserCreate.gender), so old clients may send it.
    assert!(c.sdk_breaking && c.wire_breaking);
}

#[test]
fn types_and_inline_bodies() {
    let added = after(|d| {
        at(d, "/components/schemas")["Team"] = json!({"type": "object", "properties": {}});
    });
    let c = only(&added);
    assert_eq!(
        (c.kind, c.resource.as_str()),
        (ChangeKind::Added, "unused types")
    );
    assert!(!c.is_breaking());

    // ErrorBody is used by an operation; removing it breaks the `types` module.
    let removed = after(|d| {
        at(d, "/components/schemas")
            .as_object_mut()
            .expect("schemas")
            .remove("ErrorBody");
    });
    assert!(
        removed.changes.iter().any(|c| c.item == "type `ErrorBody`"
            && c.kind == ChangeKind::Removed
            && c.sdk_breaking),
        "{removed:#?}"
    );

    // A field of an inline response body.
    let inline = after(|d| {
        let schema = at(
            d,
            "/paths/~1public~1v1~1courses~1/get/responses/200/content/application~1json/schema",
        );
        schema["properties"]
            .as_object_mut()
            .expect("properties")
            .remove("count");
    });
    let c = only(&inline);
    assert_eq!(
        c.item,
        "response field `count` in the response of `public_course_list`"
    );
    assert_eq!(c.resource, "public");
    assert!(c.sdk_breaking && c.wire_breaking);

    // The response type of an operation.
    let retyped = after(|d| {
        *at(
            d,
            "/paths/~1v2~1users~1{user_id}~1/get/responses/200/content/application~1json/schema",
        ) = json!({"$ref": "#/components/schemas/UserCreate"});
    });
    let c = only(&retyped);
    assert_eq!(c.detail, "type `User` → `UserCreate`");
    assert!(c.sdk_breaking && c.wire_breaking);
}

#[test]
fn markdown_groups_by_resource_and_ends_with_the_verdict() {
    let report = after(|d| {
        props(d, "User").remove("email");
        props(d, "UserCreate").insert("phone".into(), json!({"type": "string"}));
        at(d, "/paths/~1public~1v1~1courses~1/get")["description"] = json!("Changed text only.");
    });
    let md = report.to_markdown("`v0.1.0`", "the working tree");
    assert!(
        md.starts_with("# Schema changes: `v0.1.0` → the working tree\n"),
        "{md}"
    );
    assert!(md.contains("\n## user\n"), "{md}");
    assert!(
        !md.contains("## public"),
        "descriptions are not changes:\n{md}"
    );
    assert!(
        md.contains("| response field `User.email` | removed: was required `string, format email` | **breaking** | **breaking** |"),
        "{md}"
    );
    assert!(
        md.contains("| request field `UserCreate.phone` | added: optional `string` | ok | ok |"),
        "{md}"
    );
    assert!(
        md.trim_end().ends_with(
            "**Verdict: breaking: 1 breaking change for SDK users, 1 breaking change on the wire (2 changes in all)**"
        ),
        "{md}"
    );
}

#[test]
fn the_real_schema_against_itself() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/mindz.yaml");
    let doc = mindz_codegen::load::load_file(std::path::Path::new(path)).expect("the schema loads");
    let report = compare(&doc, &doc);
    assert!(report.changes.is_empty(), "{report:#?}");
}

#[test]
fn the_crate_version_carries_the_api_version() {
    // `0.2.0+api.2`: SDK 0.2.0 for `info.version: '2'` (see CHANGELOG.md).
    let manifest = include_str!("../../mindz-sdk/Cargo.toml");
    let version = manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .expect("mindz-sdk/Cargo.toml has a version line");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/mindz.yaml");
    let doc = mindz_codegen::load::load_file(std::path::Path::new(path)).expect("the schema loads");
    let api = doc
        .pointer("/info/version")
        .and_then(Value::as_str)
        .expect("info.version is a string");
    let (_, metadata) = version.split_once('+').unwrap_or_else(|| {
        panic!("mindz-sdk's version {version} has no +api.{api} build metadata")
    });
    assert_eq!(
        metadata,
        format!("api.{api}"),
        "mindz-sdk/Cargo.toml's version against schema/mindz.yaml's info.version"
    );
    let release = version.split('+').next().unwrap_or_default();
    let changelog = include_str!("../../CHANGELOG.md");
    assert!(
        changelog.contains(&format!("## [{release}]"))
            || changelog.contains(&format!("## [Unreleased] ({version})")),
        "CHANGELOG.md has no section for {version}"
    );
}
