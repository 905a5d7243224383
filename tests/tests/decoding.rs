//! Forward-compatible decoding: responses from a newer API still decode.
//!
//! For every enum that a response model uses (found by walking
//! `schema/mindz.yaml` from the 200/201 responses of every operation), a
//! response model carrying a value this SDK does not know, plus a field it
//! does not know, must decode; the enum must be `Unknown(value)` and
//! re-serialising must give the value back unchanged.
//!
//! The walk lists the (model, property, enum) triples; each needs a case in
//! [`CASES`], so a new enum in a response model fails this test until a case
//! is added.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use mindz_sdk::types;
use serde_json::{Value, json};

/// A (model, property, enum) triple found in the schema.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Site {
    model: String,
    property: String,
    enumeration: String,
}

/// A check for one site: decodes `instance` as the model, returns the value
/// kept in the enum's `Unknown` variant (or `None` if it is not `Unknown`)
/// and the re-serialised model.
type Check = fn(Value) -> Result<(Option<Value>, Value), serde_json::Error>;

struct Case {
    model: &'static str,
    property: &'static str,
    enumeration: &'static str,
    check: Check,
}

/// Reads an enum out of a field that may be optional.
trait Field<E> {
    fn get(&self) -> Option<&E>;
}

impl<E> Field<E> for E {
    fn get(&self) -> Option<&E> {
        Some(self)
    }
}

impl<E> Field<E> for Option<E> {
    fn get(&self) -> Option<&E> {
        self.as_ref()
    }
}

macro_rules! cases {
    ($($model:ident . $property:ident : $enumeration:ident),* $(,)?) => {
        &[$(Case {
            model: stringify!($model),
            property: stringify!($property),
            enumeration: stringify!($enumeration),
            check: |instance| {
                let decoded: types::$model = serde_json::from_value(instance)?;
                let kept = match Field::<types::$enumeration>::get(&decoded.$property) {
                    Some(types::$enumeration::Unknown(value)) => Some(json!(value)),
                    _ => None,
                };
                Ok((kept, serde_json::to_value(&decoded)?))
            },
        }),*]
    };
}

/// One case per enum-typed property of a response model.
const CASES: &[Case] = cases![
    CourseGradeDetail.kind: CourseGradeDetailKind,
    EmailCampaign.status: EmailCampaignStatus,
    MindzPayInvoice.status: MindzPayInvoiceStatus,
    MindzPayPayment.status: MindzPayPaymentStatus,
    MindzPayPayment.method: MindzPayPaymentMethod,
    MindzPaySubscription.status: MindzPaySubscriptionStatus,
    Subscription.interval: SubscriptionInterval,
    User.gender: UserGender,
    User.person_type: UserPersonType,
];

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/mindz.yaml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml_ng::from_str(&text).expect("schema/mindz.yaml parses")
}

fn components(schema: &Value) -> &serde_json::Map<String, Value> {
    schema["components"]["schemas"]
        .as_object()
        .expect("components.schemas")
}

/// Names of the components `node` refers to, anywhere inside it.
fn refs(node: &Value, out: &mut BTreeSet<String>) {
    match node {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                let name = target
                    .strip_prefix("#/components/schemas/")
                    .unwrap_or_else(|| panic!("unexpected $ref {target}"));
                out.insert(name.to_owned());
            }
            map.values().for_each(|v| refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

/// Components reachable from the 200/201 responses of every operation.
fn response_components(schema: &Value) -> BTreeSet<String> {
    let mut pending = BTreeSet::new();
    for item in schema["paths"].as_object().expect("paths").values() {
        for operation in item.as_object().into_iter().flat_map(|m| m.values()) {
            let Some(responses) = operation.get("responses").and_then(Value::as_object) else {
                continue;
            };
            for (code, response) in responses {
                if code == "200" || code == "201" {
                    refs(&response["content"], &mut pending);
                }
            }
        }
    }
    let components = components(schema);
    let mut seen = BTreeSet::new();
    while let Some(name) = pending.pop_first() {
        if seen.insert(name.clone()) {
            refs(&components[&name], &mut pending);
        }
    }
    seen
}

fn is_enum(component: &Value) -> bool {
    component.get("enum").is_some()
}

/// Every (model, property, enum) of the response models.
fn sites(schema: &Value) -> Vec<Site> {
    let components = components(schema);
    let mut out = Vec::new();
    for model in response_components(schema) {
        let component = &components[&model];
        if is_enum(component) {
            continue;
        }
        let Some(properties) = component.get("properties").and_then(Value::as_object) else {
            continue;
        };
        for (property, property_schema) in properties {
            let mut targets = BTreeSet::new();
            refs(property_schema, &mut targets);
            for target in targets {
                if is_enum(&components[&target]) {
                    out.push(Site {
                        model: model.clone(),
                        property: property.clone(),
                        enumeration: target,
                    });
                }
            }
        }
    }
    out
}

/// A value that satisfies `node` (required properties only for objects).
fn example(node: &Value, components: &serde_json::Map<String, Value>) -> Value {
    if let Some(Value::String(target)) = node.get("$ref") {
        let name = target.trim_start_matches("#/components/schemas/");
        return example(&components[name], components);
    }
    if let Some(parts) = node.get("allOf").and_then(Value::as_array) {
        let mut merged = serde_json::Map::new();
        for part in parts {
            match example(part, components) {
                Value::Object(map) => merged.extend(map),
                other => return other,
            }
        }
        return Value::Object(merged);
    }
    if let Some(first) = node
        .get("oneOf")
        .or_else(|| node.get("anyOf"))
        .and_then(Value::as_array)
        .and_then(|options| options.first())
    {
        return example(first, components);
    }
    if let Some(first) = node
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|v| v.first())
    {
        return first.clone();
    }
    match node.get("type").and_then(Value::as_str) {
        Some("object") | None if node.get("properties").is_some() => {
            let mut object = serde_json::Map::new();
            let required: BTreeSet<&str> = node
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            for (name, schema) in node["properties"].as_object().expect("properties") {
                if required.contains(name.as_str()) {
                    object.insert(name.clone(), example(schema, components));
                }
            }
            Value::Object(object)
        }
        Some("object") | None => json!({}),
        Some("array") => {
            let min = node.get("minItems").and_then(Value::as_u64).unwrap_or(0);
            let item = example(&node["items"], components);
            Value::Array(vec![item; min as usize])
        }
        Some("integer") => json!(
            node.get("minimum")
                .and_then(Value::as_i64)
                .unwrap_or(1)
                .max(1)
        ),
        Some("number") => json!(1.5),
        Some("boolean") => json!(true),
        Some("string") => match node.get("format").and_then(Value::as_str) {
            Some("date-time") => json!("2024-01-02T03:04:05Z"),
            Some("date") => json!("2024-01-02"),
            Some("email") => json!("someone@example.com"),
            Some("uri") | Some("url") => json!("https://example.com/"),
            _ => {
                let min = node
                    .get("minLength")
                    .and_then(Value::as_u64)
                    .unwrap_or(1)
                    .max(1);
                json!("x".repeat(min as usize))
            }
        },
        Some(other) => panic!("no example for type {other}"),
    }
}

/// A value of `enumeration`'s type that is none of its known values.
fn unknown_value(enumeration: &Value) -> Value {
    let known = enumeration["enum"].as_array().expect("enum values");
    let value = match enumeration.get("type").and_then(Value::as_str) {
        Some("integer") => json!(known.iter().filter_map(Value::as_i64).max().unwrap_or(0) + 4242),
        _ => json!("value_from_a_newer_api"),
    };
    assert!(!known.contains(&value));
    value
}

#[test]
fn the_schema_walk_finds_the_response_enums() {
    let schema = schema();
    let found = sites(&schema);
    let enums: BTreeSet<&str> = found.iter().map(|s| s.enumeration.as_str()).collect();
    // Sanity: the walk reaches models through list (paginated) responses too.
    assert!(enums.contains("UserGender"), "{enums:?}");
    assert!(enums.contains("MindzPayInvoiceStatus"), "{enums:?}");
    assert!(enums.len() >= 9, "{enums:?}");
    // Query-only enums (orderings) are not response enums.
    assert!(!enums.iter().any(|e| e.ends_with("Ordering")), "{enums:?}");
}

#[test]
fn every_response_enum_has_a_case() {
    let schema = schema();
    let found: BTreeSet<Site> = sites(&schema).into_iter().collect();
    let covered: BTreeSet<Site> = CASES
        .iter()
        .map(|c| Site {
            model: c.model.to_owned(),
            property: c.property.to_owned(),
            enumeration: c.enumeration.to_owned(),
        })
        .collect();
    let missing: Vec<_> = found.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "response enums without a case in tests/tests/decoding.rs CASES: {missing:#?}"
    );
    let stale: Vec<_> = covered.difference(&found).collect();
    assert!(
        stale.is_empty(),
        "cases the schema no longer has: {stale:#?}"
    );
}

#[test]
fn unknown_enum_values_and_fields_decode_and_round_trip() {
    let schema = schema();
    let components = components(&schema);
    let mut results = BTreeMap::new();
    for case in CASES {
        let unknown = unknown_value(&components[case.enumeration]);
        let mut instance = example(&components[case.model], components);
        let object = instance.as_object_mut().expect("models are objects");
        object.insert(case.property.to_owned(), unknown.clone());
        object.insert(
            "field_from_a_newer_api".to_owned(),
            json!({"nested": [1, "two", null]}),
        );
        let (kept, reserialised) = (case.check)(instance.clone()).unwrap_or_else(|e| {
            panic!(
                "{}.{} with {unknown} did not decode: {e}\n{instance:#}",
                case.model, case.property
            )
        });
        assert_eq!(
            kept.as_ref(),
            Some(&unknown),
            "{}.{} should be {}::Unknown({unknown})",
            case.model,
            case.property,
            case.enumeration
        );
        assert_eq!(
            reserialised.get(case.property),
            Some(&unknown),
            "{}.{} did not re-serialise to the value received",
            case.model,
            case.property
        );
        results.insert(format!("{}.{}", case.model, case.property), unknown);
    }
    assert_eq!(results.len(), CASES.len());
}

#[test]
fn known_values_still_decode_as_known_variants() {
    let user: types::User = serde_json::from_value(json!({
        "id": 1, "email": "a@example.com", "first_name": "A", "last_name": "B",
        "gender": "female", "person_type": "pj", "new_field": 1
    }))
    .expect("decodes");
    assert_eq!(user.gender, Some(types::UserGender::Female));
    let status: types::MindzPayInvoiceStatus = serde_json::from_value(json!(2)).unwrap();
    assert_eq!(status, types::MindzPayInvoiceStatus::Issued);
}
