//! `mindz_codegen::lint`: a valid schema is clean, and each rule, broken
//! alone, yields exactly the expected diagnostics.

use mindz_codegen::lint::{Diagnostic, lint};
use mindz_codegen::load::load_str;
use serde_json::{Value, json};

const VALID: &str = r##"
openapi: 3.0.3
info:
  title: Mindz
  version: 1.0.0
tags:
  - name: users
    description: User accounts.
paths:
  /v2/users/:
    get:
      operationId: list_users
      description: Lists the users.
      tags: [users]
      parameters:
        - name: limit
          in: query
          schema:
            type: integer
      responses:
        "200":
          description: The users.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/UserList"
        4XX:
          $ref: "#/components/responses/Error"
        5XX:
          $ref: "#/components/responses/Error"
    post:
      operationId: create_user
      description: Creates a user.
      tags: [users]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/NewUser"
      responses:
        "201":
          description: The new user.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/User"
        4XX:
          $ref: "#/components/responses/Error"
        5XX:
          $ref: "#/components/responses/Error"
  /v2/users/{user_id}/:
    parameters:
      - $ref: "#/components/parameters/UserId"
    delete:
      operationId: delete_user
      description: Deletes a user.
      tags: [users]
      responses:
        "204":
          description: Deleted.
        4XX:
          $ref: "#/components/responses/Error"
        5XX:
          $ref: "#/components/responses/Error"
components:
  parameters:
    UserId:
      name: user_id
      in: path
      required: true
      schema:
        type: string
  schemas:
    User:
      type: object
      required: [id, name]
      properties:
        id:
          type: string
        name:
          type: string
    UserList:
      type: array
      items:
        $ref: "#/components/schemas/User"
    NewUser:
      type: object
      required: [name]
      properties:
        name:
          type: string
    Error:
      type: object
      required: [message]
      properties:
        message:
          type: string
  responses:
    Error:
      description: Something went wrong.
      content:
        application/json:
          schema:
            $ref: "#/components/schemas/Error"
"##;

const USERS: &str = "/paths/~1v2~1users~1";
const USER: &str = "/paths/~1v2~1users~1{user_id}~1";

fn valid() -> Value {
    load_str(VALID).expect("the valid schema parses")
}

fn lint_strings(doc: &Value) -> Vec<String> {
    lint(doc).iter().map(ToString::to_string).collect()
}

/// Sets (or adds) the value at `pointer`; its parent must exist.
fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("pointer has a parent");
    let key = key.replace("~1", "/").replace("~0", "~");
    let parent = doc.pointer_mut(parent).expect("parent exists");
    match parent {
        Value::Object(map) => {
            map.insert(key, value);
        }
        Value::Array(list) => {
            let index: usize = key.parse().expect("list index");
            if index == list.len() {
                list.push(value);
            } else {
                list[index] = value;
            }
        }
        _ => panic!("parent of {pointer} is not a container"),
    }
}

/// Removes the object member at `pointer`.
fn remove(doc: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("pointer has a parent");
    let key = key.replace("~1", "/").replace("~0", "~");
    let parent = doc.pointer_mut(parent).expect("parent exists");
    parent
        .as_object_mut()
        .expect("parent is an object")
        .remove(&key)
        .expect("member exists");
}

/// Lints `valid()` after `change`.
fn lint_changed(change: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut doc = valid();
    change(&mut doc);
    lint_strings(&doc)
}

#[test]
fn valid_schema_is_clean() {
    assert_eq!(lint_strings(&valid()), Vec::<String>::new());
}

#[test]
fn diagnostic_displays_pointer_then_message() {
    let diagnostic = Diagnostic {
        pointer: "/openapi".into(),
        message: "something is wrong".into(),
    };
    assert_eq!(diagnostic.to_string(), "/openapi: something is wrong");
}

// Rule 1: openapi 3.0.x.

#[test]
fn openapi_3_1_is_rejected() {
    let found = lint_changed(|doc| set(doc, "/openapi", json!("3.1.0")));
    assert_eq!(
        found,
        [r#"/openapi: openapi version "3.1.0" is not supported by progenitor, expected 3.0.x"#]
    );
}

#[test]
fn openapi_2_is_rejected() {
    let found = lint_changed(|doc| set(doc, "/openapi", json!("2.0")));
    assert_eq!(
        found,
        [r#"/openapi: openapi version "2.0" is not supported by progenitor, expected 3.0.x"#]
    );
}

#[test]
fn openapi_missing_is_rejected() {
    let found = lint_changed(|doc| remove(doc, "/openapi"));
    assert_eq!(
        found,
        [r#"/openapi: openapi version is missing, expected a string 3.0.x such as "3.0.3""#]
    );
}

#[test]
fn openapi_number_is_rejected() {
    let found = lint_changed(|doc| set(doc, "/openapi", json!(3.0)));
    assert_eq!(
        found,
        [r#"/openapi: openapi version is a number, expected a string 3.0.x such as "3.0.3""#]
    );
}

// Rule 2: operationId present.

#[test]
fn missing_operation_id() {
    let found = lint_changed(|doc| remove(doc, &format!("{USERS}/post/operationId")));
    assert_eq!(
        found,
        [format!(
            "{USERS}/post: operation has no operationId, expected a unique snake_case operationId"
        )]
    );
}

// Rule 3: operationId unique.

#[test]
fn duplicate_operation_id() {
    let found = lint_changed(|doc| {
        set(
            doc,
            &format!("{USER}/delete/operationId"),
            json!("list_users"),
        );
    });
    assert_eq!(
        found,
        [format!(
            r#"{USER}/delete/operationId: operationId "list_users" is already used at {USERS}/get/operationId, expected a unique operationId"#
        )]
    );
}

// Rule 4: at most one success body.

#[test]
fn two_success_responses_with_bodies() {
    let found = lint_changed(|doc| {
        let created = doc.pointer(&format!("{USERS}/post/responses/201")).cloned();
        set(
            doc,
            &format!("{USERS}/post/responses/200"),
            created.expect("201"),
        );
    });
    assert_eq!(
        found,
        [format!(
            "{USERS}/post/responses: operation has 2 success responses with a body (200, 201), expected at most one"
        )]
    );
}

#[test]
fn success_responses_with_different_schemas() {
    let found = lint_changed(|doc| {
        set(
            doc,
            &format!("{USERS}/post/responses/2XX"),
            json!({
                "description": "Something else.",
                "content": {"application/json": {"schema": {"type": "string"}}}
            }),
        );
    });
    assert_eq!(
        found,
        [format!(
            "{USERS}/post/responses: operation has 2 success responses with a body (201, 2XX), expected at most one"
        )]
    );
}

#[test]
fn success_responses_with_and_without_body() {
    let found = lint_changed(|doc| {
        set(
            doc,
            &format!("{USERS}/post/responses/202"),
            json!({"description": "Accepted."}),
        );
    });
    assert_eq!(
        found,
        [format!(
            "{USERS}/post/responses: operation has success responses with and without a body (201, 202), expected every success response to have the same body"
        )]
    );
}

// Rule 5: one error schema.

#[test]
fn different_error_schemas() {
    let found = lint_changed(|doc| {
        set(
            doc,
            &format!("{USERS}/get/responses/5XX"),
            json!({
                "description": "Server trouble.",
                "content": {"application/json": {"schema": {"type": "string"}}}
            }),
        );
    });
    assert_eq!(
        found,
        [format!(
            "{USERS}/get/responses: operation has 2 different error response bodies (4XX, 5XX), expected one error schema shared by every 4XX and 5XX response"
        )]
    );
}

#[test]
fn same_error_schema_inline_and_by_reference_is_fine() {
    let found = lint_changed(|doc| {
        let shared = doc.pointer("/components/responses/Error").cloned();
        set(
            doc,
            &format!("{USERS}/get/responses/404"),
            shared.expect("error"),
        );
    });
    assert_eq!(found, Vec::<String>::new());
}

// progenitor counts `default` as a success response (and panics beside a 2XX body).

#[test]
fn default_response_is_rejected() {
    let found = lint_changed(|doc| {
        let shared = doc.pointer("/components/responses/Error").cloned();
        set(
            doc,
            &format!("{USERS}/get/responses/default"),
            shared.expect("error"),
        );
    });
    assert_eq!(
        found,
        [format!(
            "{USERS}/get/responses/default: default response is not supported, since progenitor treats it as a success, expected 4XX and 5XX error responses"
        )]
    );
}

// Rule 6: no body beside a 204.

#[test]
fn body_beside_204() {
    let found = lint_changed(|doc| {
        set(
            doc,
            &format!("{USER}/delete/responses/200"),
            json!({
                "description": "The deleted user.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}
            }),
        );
    });
    assert_eq!(
        found,
        [format!(
            "{USER}/delete/responses: operation has a 204 response beside success responses with a body (200), expected either no body or no 204"
        )]
    );
}

// Rule 7: request bodies are application/json.

#[test]
fn request_body_text_plain() {
    let found = lint_changed(|doc| {
        set(
            doc,
            &format!("{USERS}/post/requestBody/content"),
            json!({"text/plain": {"schema": {"type": "string"}}}),
        );
    });
    assert_eq!(
        found,
        [format!(
            r#"{USERS}/post/requestBody/content/text~1plain: request body media type "text/plain" is not supported, expected application/json"#
        )]
    );
}

#[test]
fn request_body_multipart() {
    let found = lint_changed(|doc| {
        set(
            doc,
            &format!("{USERS}/post/requestBody/content/multipart~1form-data"),
            json!({"schema": {"$ref": "#/components/schemas/NewUser"}}),
        );
    });
    assert_eq!(
        found,
        [format!(
            r#"{USERS}/post/requestBody/content/multipart~1form-data: request body media type "multipart/form-data" is multipart, which progenitor does not support, expected application/json"#
        )]
    );
}

// Rule 8: no cookie parameters.

#[test]
fn cookie_parameter_inline() {
    let found = lint_changed(|doc| {
        set(
            doc,
            &format!("{USERS}/get/parameters/1"),
            json!({"name": "session", "in": "cookie", "schema": {"type": "string"}}),
        );
    });
    assert_eq!(
        found,
        [format!(
            r#"{USERS}/get/parameters/1: cookie parameter "session" is not supported by progenitor, expected a path, query or header parameter"#
        )]
    );
}

#[test]
fn cookie_parameter_by_reference() {
    let found = lint_changed(|doc| {
        set(
            doc,
            "/components/parameters/Session",
            json!({"name": "session", "in": "cookie", "schema": {"type": "string"}}),
        );
        set(
            doc,
            &format!("{USER}/parameters/1"),
            json!({"$ref": "#/components/parameters/Session"}),
        );
    });
    assert_eq!(
        found,
        [format!(
            r#"{USER}/parameters/1: cookie parameter "session" is not supported by progenitor, expected a path, query or header parameter"#
        )]
    );
}

// Rule 8: no parameter named like the builders' `.options(..)`.

#[test]
fn parameter_named_options() {
    let found = lint_changed(|doc| {
        set(
            doc,
            &format!("{USERS}/get/parameters/1"),
            json!({"name": "options", "in": "query", "schema": {"type": "string"}}),
        );
    });
    assert_eq!(
        found,
        [format!(
            r#"{USERS}/get/parameters/1: parameter "options" would collide with the `.options(CallOptions)` every builder has, expected another name"#
        )]
    );
}

// Rule 9: no path item references.

#[test]
fn path_item_reference() {
    let found = lint_changed(|doc| {
        set(
            doc,
            "/paths/~1v2~1people~1",
            json!({"$ref": "#/paths/~1v2~1users~1"}),
        );
    });
    assert_eq!(
        found,
        [
            "/paths/~1v2~1people~1/$ref: path item is a $ref, which progenitor does not support, expected the operations written inline"
        ]
    );
}

// Rule 10: every reference resolves inside the document.

#[test]
fn unresolved_reference() {
    let found = lint_changed(|doc| {
        set(
            doc,
            "/components/schemas/UserList/items/$ref",
            json!("#/components/schemas/Person"),
        );
    });
    assert_eq!(
        found,
        [
            r##"/components/schemas/UserList/items/$ref: reference "#/components/schemas/Person" does not resolve inside the document, expected a local reference to an existing location"##
        ]
    );
}

#[test]
fn unresolved_reference_inside_an_operation() {
    let found = lint_changed(|doc| {
        set(
            doc,
            &format!("{USERS}/post/requestBody/content/application~1json/schema/$ref"),
            json!("#/components/schemas/Newuser"),
        );
    });
    assert_eq!(
        found,
        [format!(
            r##"{USERS}/post/requestBody/content/application~1json/schema/$ref: reference "#/components/schemas/Newuser" does not resolve inside the document, expected a local reference to an existing location"##
        )]
    );
}

#[test]
fn external_reference() {
    let found = lint_changed(|doc| {
        set(
            doc,
            "/components/schemas/User/properties/id",
            json!({"$ref": "common.yaml#/Id"}),
        );
    });
    assert_eq!(
        found,
        [
            r##"/components/schemas/User/properties/id/$ref: reference "common.yaml#/Id" is external, expected a local reference starting with #/"##
        ]
    );
}

#[test]
fn reference_that_is_not_a_string() {
    let found = lint_changed(|doc| set(doc, "/components/schemas/UserList/items/$ref", json!(7)));
    assert_eq!(
        found,
        [
            r##"/components/schemas/UserList/items/$ref: $ref is a number, expected a local reference string such as "#/components/schemas/Name""##
        ]
    );
}

// Rule 11: snake_case operationId.

#[test]
fn operation_id_not_snake_case() {
    let found = lint_changed(|doc| {
        set(doc, &format!("{USERS}/get/operationId"), json!("listUsers"));
    });
    assert_eq!(
        found,
        [format!(
            r#"{USERS}/get/operationId: operationId "listUsers" is not snake_case, expected a name matching ^[a-z][a-z0-9]*(_[a-z0-9]+)*$"#
        )]
    );
}

// Rule 12: declared tags.

#[test]
fn operation_without_tags() {
    let found = lint_changed(|doc| remove(doc, &format!("{USER}/delete/tags")));
    assert_eq!(
        found,
        [format!(
            "{USER}/delete/tags: operation has no tags, expected at least one tag"
        )]
    );
}

#[test]
fn operation_with_empty_tags() {
    let found = lint_changed(|doc| set(doc, &format!("{USER}/delete/tags"), json!([])));
    assert_eq!(
        found,
        [format!(
            "{USER}/delete/tags: operation has no tags, expected at least one tag"
        )]
    );
}

#[test]
fn operation_with_undeclared_tag() {
    let found = lint_changed(|doc| set(doc, &format!("{USER}/delete/tags"), json!(["admin"])));
    assert_eq!(
        found,
        [format!(
            r#"{USER}/delete/tags: tag "admin" is not declared in the top-level tags, expected one of the declared tags (users)"#
        )]
    );
}

#[test]
fn any_tag_is_fine_without_top_level_tags() {
    let found = lint_changed(|doc| {
        remove(doc, "/tags");
        set(doc, &format!("{USER}/delete/tags"), json!(["admin"]));
    });
    assert_eq!(found, Vec::<String>::new());
}

// Rule 13: trailing slash.

#[test]
fn path_without_trailing_slash() {
    let found = lint_changed(|doc| {
        let item = doc.pointer(USER).cloned().expect("path item");
        remove(doc, USER);
        set(doc, "/paths/~1v2~1users~1{user_id}", item);
    });
    assert_eq!(
        found,
        [
            r#"/paths/~1v2~1users~1{user_id}: path "/v2/users/{user_id}" does not end with "/", expected a trailing slash"#
        ]
    );
}

#[test]
fn pointer_escapes_tilde_and_slash() {
    let found = lint_changed(|doc| {
        let item = doc.pointer(USER).cloned().expect("path item");
        remove(doc, USER);
        set(doc, "/paths/~1v2~1~0me", item);
    });
    assert_eq!(
        found,
        [r#"/paths/~1v2~1~0me: path "/v2/~me" does not end with "/", expected a trailing slash"#]
    );
}

// Rule 14: description.

#[test]
fn operation_without_description() {
    let found = lint_changed(|doc| remove(doc, &format!("{USERS}/get/description")));
    assert_eq!(
        found,
        [format!(
            "{USERS}/get: operation has no description, expected a non-empty description"
        )]
    );
}

#[test]
fn operation_with_blank_description() {
    let found = lint_changed(|doc| set(doc, &format!("{USERS}/get/description"), json!("  ")));
    assert_eq!(
        found,
        [format!(
            "{USERS}/get: operation has an empty description, expected a non-empty description"
        )]
    );
}

// Rule 15: responses.

#[test]
fn operation_without_responses() {
    let found = lint_changed(|doc| remove(doc, &format!("{USER}/delete/responses")));
    assert_eq!(
        found,
        [format!(
            "{USER}/delete: operation has no responses, expected at least one response"
        )]
    );
}

#[test]
fn operation_with_empty_responses() {
    let found = lint_changed(|doc| set(doc, &format!("{USER}/delete/responses"), json!({})));
    assert_eq!(
        found,
        [format!(
            "{USER}/delete: operation has no responses, expected at least one response"
        )]
    );
}

// Only the HTTP method keys are operations.

#[test]
fn other_path_item_keys_are_not_operations() {
    let found = lint_changed(|doc| {
        set(doc, &format!("{USER}/summary"), json!("One user."));
        set(
            doc,
            &format!("{USER}/description"),
            json!("One user by id."),
        );
        set(doc, &format!("{USER}/servers"), json!([{"url": "/"}]));
        set(
            doc,
            &format!("{USER}/x-internal"),
            json!({"anything": [1, 2]}),
        );
    });
    assert_eq!(found, Vec::<String>::new());
}

// Order: paths in key order, then methods get, put, post, delete, …

#[test]
fn diagnostics_follow_method_order_not_key_order() {
    let found = lint_changed(|doc| {
        remove(doc, &format!("{USERS}/post/description"));
        let post = doc
            .pointer(&format!("{USERS}/post"))
            .cloned()
            .expect("post");
        set(doc, &format!("{USERS}/put"), post);
        set(
            doc,
            &format!("{USERS}/put/operationId"),
            json!("replace_users"),
        );
        remove(doc, &format!("{USER}/delete/description"));
        remove(doc, &format!("{USERS}/get/operationId"));
    });
    assert_eq!(
        found,
        [
            format!(
                "{USERS}/get: operation has no operationId, expected a unique snake_case operationId"
            ),
            format!("{USERS}/put: operation has no description, expected a non-empty description"),
            format!("{USERS}/post: operation has no description, expected a non-empty description"),
            format!(
                "{USER}/delete: operation has no description, expected a non-empty description"
            ),
        ]
    );
}

// Wrong types anywhere: no panic, sensible pointers.

#[test]
fn garbage_does_not_panic() {
    let cases: [(Value, &[&str]); 7] = [
        (
            json!({"openapi": 3, "paths": {"/x/": {"get": []}}}),
            &[
                r#"/openapi: openapi version is a number, expected a string 3.0.x such as "3.0.3""#,
                "/paths/~1x~1/get: operation is a list, expected an object",
            ],
        ),
        (
            json!({"paths": "nope"}),
            &[
                r#"/openapi: openapi version is missing, expected a string 3.0.x such as "3.0.3""#,
                "/paths: paths is a string, expected an object keyed by path",
            ],
        ),
        (
            json!([]),
            &["/openapi: document is a list, expected an object with an openapi 3.0.x version"],
        ),
        (
            Value::Null,
            &["/openapi: document is null, expected an object with an openapi 3.0.x version"],
        ),
        (
            json!({"openapi": "3.0.3"}),
            &["/paths: paths is missing, expected an object keyed by path"],
        ),
        (
            json!({"openapi": "3.0.3", "tags": 5, "paths": {"/x/": 1, "/y/": {"parameters": {}}}}),
            &[
                "/paths/~1x~1: path item is a number, expected an object of operations",
                "/paths/~1y~1/parameters: parameters is an object, expected a list of parameter objects",
                "/tags: top-level tags is a number, expected a list of tag objects",
            ],
        ),
        (
            json!({"openapi": "3.0.3", "paths": {"/x/": {"post": {
                "operationId": 1,
                "description": [],
                "tags": [null],
                "parameters": [7, {"$ref": false}],
                "requestBody": {"content": "json"},
                "responses": {"200": "ok", "abc": {}, "4XX": {"content": []}}
            }}}}),
            &[
                "/paths/~1x~1/post/operationId: operationId is a number, expected a unique snake_case string",
                "/paths/~1x~1/post/tags/0: tag is null, expected a tag name string",
                "/paths/~1x~1/post/description: description is a list, expected a non-empty string",
                "/paths/~1x~1/post/parameters/0: parameter is a number, expected a parameter object",
                "/paths/~1x~1/post/requestBody/content: content is a string, expected an object keyed by media type",
                "/paths/~1x~1/post/responses/200: response is a string, expected a response object",
                "/paths/~1x~1/post/responses/4XX/content: content is a list, expected an object keyed by media type",
                r#"/paths/~1x~1/post/responses/abc: response status "abc" is not valid, expected default, a three-digit code or a range such as 4XX"#,
                r##"/paths/~1x~1/post/parameters/1/$ref: $ref is a boolean, expected a local reference string such as "#/components/schemas/Name""##,
            ],
        ),
    ];
    for (doc, expected) in cases {
        let found = lint_strings(&doc);
        assert!(!found.is_empty(), "{doc} gave no diagnostics");
        assert_eq!(found, expected, "for {doc}");
    }
}

#[test]
fn deeply_wrong_values_do_not_panic() {
    let docs = [
        json!(true),
        json!("openapi: 3.0.3"),
        json!(12),
        json!({"openapi": null, "paths": null, "tags": null, "components": null}),
        json!({"openapi": "3.0.3", "paths": {"/x/": {"$ref": 1, "get": {"responses": []}}}}),
        json!({"openapi": "3.0.3", "paths": {"/x/": {"get": {"requestBody": {"$ref": "#"}, "responses": {"default": {"$ref": "#/paths"}}}}}}),
        json!({"openapi": "3.0.3", "components": {"responses": {"A": {"$ref": "#/components/responses/B"}, "B": {"$ref": "#/components/responses/A"}}},
               "paths": {"/x/": {"get": {"responses": {"200": {"$ref": "#/components/responses/A"}}}}}}),
    ];
    for doc in docs {
        assert!(!lint(&doc).is_empty(), "{doc} gave no diagnostics");
    }
}

// Loading: a YAML syntax error names its line and column.

#[test]
fn yaml_syntax_error_names_line_and_column() {
    let text = "openapi: 3.0.3\ninfo:\n  title: Mindz\n   version: 1.0.0\npaths: {}\n";
    let error = load_str(text).expect_err("bad indentation");
    let message = error.to_string();
    assert!(message.starts_with("<schema>:4:"), "{message}");
    match error {
        mindz_codegen::load::LoadError::Syntax { location, .. } => {
            assert_eq!(location.as_deref(), Some("4:11"));
        }
        other => panic!("expected a syntax error, got {other}"),
    }
    let tabs = "openapi: 3.0.3\npaths:\n\t/x/: {}\n";
    let error = load_str(tabs).expect_err("a tab");
    assert!(error.to_string().starts_with("<schema>:3:1: "), "{error}");
}

// Rule 16: secrets are `format: password`.

#[test]
fn secret_property_without_password_format() {
    let found = lint_changed(|doc| {
        set(
            doc,
            "/components/schemas/NewUser/properties/password",
            json!({"type": "string", "writeOnly": true}),
        );
        set(
            doc,
            "/components/schemas/NewUser/properties/client_secret",
            json!({"type": "string", "format": "byte"}),
        );
    });
    assert_eq!(
        found,
        [
            r#"/components/schemas/NewUser/properties/client_secret: property "client_secret" looks like a secret but has format byte, expected format: password so that the SDK never prints it"#,
            r#"/components/schemas/NewUser/properties/password: property "password" looks like a secret but has no format, expected format: password so that the SDK never prints it"#,
        ]
    );
}

#[test]
fn secret_property_in_an_inline_schema() {
    let found = lint_changed(|doc| {
        set(
            doc,
            &format!("{USERS}/post/requestBody/content/application~1json/schema"),
            json!({"type": "object", "properties": {"newPassword": {"type": "string"}}}),
        );
    });
    assert_eq!(
        found,
        [format!(
            r#"{USERS}/post/requestBody/content/application~1json/schema/properties/newPassword: property "newPassword" looks like a secret but has no format, expected format: password so that the SDK never prints it"#
        )]
    );
}

#[test]
fn secret_property_with_password_format_is_fine() {
    let found = lint_changed(|doc| {
        set(
            doc,
            "/components/schemas/NewUser/properties/password",
            json!({"type": "string", "format": "password", "writeOnly": true}),
        );
    });
    assert_eq!(found, Vec::<String>::new());
}

// Rule 17: money is a decimal string.

#[test]
fn money_as_a_number_is_rejected() {
    let found = lint_changed(|doc| {
        set(
            doc,
            "/components/schemas/User/properties/price",
            json!({"type": "number", "format": "double"}),
        );
    });
    assert_eq!(
        found,
        [
            r#"/components/schemas/User/properties/price: property "price" looks like money but is a number, expected type: string, format: decimal"#
        ]
    );
}

#[test]
fn decimal_that_is_not_a_string_is_rejected() {
    let found = lint_changed(|doc| {
        set(
            doc,
            "/components/schemas/User/properties/balance",
            json!({"type": "number", "format": "decimal"}),
        );
        set(
            doc,
            "/components/schemas/User/properties/price",
            json!({"type": "string", "format": "decimal", "pattern": "^\\d+(?:\\.\\d{1,2})?$"}),
        );
    });
    assert_eq!(
        found,
        [
            r#"/components/schemas/User/properties/balance: property "balance" has format decimal but type number, expected type: string (decimals travel as strings)"#
        ]
    );
}

// Rule 18: a string's length limit keeps the Rust type.

#[test]
fn max_length_on_a_string_is_refused_unless_the_newtype_is_meant() {
    let found = lint_changed(|doc| {
        set(
            doc,
            "/components/schemas/User/properties/nickname",
            json!({"type": "string", "maxLength": 30}),
        );
        set(
            doc,
            "/components/schemas/User/properties/code",
            json!({"type": "string", "maxLength": 15, "x-mindz-newtype": true}),
        );
        set(
            doc,
            "/components/schemas/User/properties/city",
            json!({"type": "string", "x-mindz-max-length": 60}),
        );
        set(
            doc,
            "/components/schemas/User/properties/price",
            json!({"type": "string", "format": "decimal", "maxLength": 12}),
        );
    });
    assert_eq!(
        found,
        [
            r#"/components/schemas/User/properties/nickname/maxLength: property "nickname" has maxLength, which makes typify generate a newtype (breaking every user of the field); record the limit as x-mindz-max-length, or add x-mindz-newtype: true to keep a newtype on purpose"#
        ]
    );
}
