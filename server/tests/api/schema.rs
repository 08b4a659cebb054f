//! A small JSON Schema checker for the parts of JSON Schema the served OpenAPI document uses, so
//! real answers are held to everything their schemas say: types, properties, enums, lengths,
//! patterns, bounds and list sizes, all the way down.

use regex::Regex;
use serde_json::{Map, Value};

/// A schema of `components.schemas`, following a `$ref` if given one.
pub(crate) fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference
                .strip_prefix("#/components/schemas/")
                .unwrap_or_else(|| panic!("unexpected $ref {reference}"));
            let target = &doc["components"]["schemas"][name];
            assert!(target.is_object(), "dangling $ref {reference}");
            target
        }
        None => schema,
    }
}

/// Where `value` breaks `schema`, one line per fault, each naming the place (`/items/0/hours`);
/// empty when it fits. An object may have only the properties its schema lists: a field the
/// document does not describe is a fault, not an extension.
pub(crate) fn faults(doc: &Value, schema: &Value, value: &Value) -> Vec<String> {
    let mut found = Vec::new();
    check(doc, schema, value, "", &mut found);
    found
}

fn check(doc: &Value, schema: &Value, value: &Value, at: &str, found: &mut Vec<String>) {
    let schema = resolve(doc, schema);
    let mut fault = |what: String| push(found, at, what);
    if let Some(types) = types_of(schema) {
        if !types.iter().any(|t| has_type(value, t)) {
            fault(format!("{value} is not of type {types:?}"));
            return;
        }
    }
    if let Some(allowed) = schema["enum"].as_array() {
        if !allowed.contains(value) {
            fault(format!("{value} is not one of {allowed:?}"));
        }
    }
    let alternatives = |key: &str| schema[key].as_array().cloned().unwrap_or_default();
    let fitting = |list: &[Value]| {
        list.iter()
            .filter(|s| faults(doc, s, value).is_empty())
            .count()
    };
    let why = |list: &[Value]| -> Vec<Vec<String>> {
        list.iter().map(|s| faults(doc, s, value)).collect()
    };
    let one_of = alternatives("oneOf");
    if !one_of.is_empty() && fitting(&one_of) != 1 {
        let count = fitting(&one_of);
        fault(format!(
            "{value} fits {count} of the oneOf schemas, not one: {:?}",
            why(&one_of)
        ));
    }
    let any_of = alternatives("anyOf");
    if !any_of.is_empty() && fitting(&any_of) == 0 {
        fault(format!(
            "{value} fits none of the anyOf schemas: {:?}",
            why(&any_of)
        ));
    }
    for part in alternatives("allOf") {
        check(doc, &part, value, at, found);
    }
    match value {
        Value::String(text) => check_string(schema, text, at, found),
        Value::Number(_) => check_number(schema, value, at, found),
        Value::Array(items) => check_array(doc, schema, items, at, found),
        Value::Object(object) => check_object(doc, schema, object, at, found),
        Value::Null | Value::Bool(_) => {}
    }
}

/// Records a fault at a place (`/` for the whole value).
fn push(found: &mut Vec<String>, at: &str, what: String) {
    found.push(format!("{}: {what}", if at.is_empty() { "/" } else { at }));
}

fn types_of(schema: &Value) -> Option<Vec<&str>> {
    match &schema["type"] {
        Value::String(t) => Some(vec![t.as_str()]),
        Value::Array(list) => Some(list.iter().filter_map(Value::as_str).collect()),
        _ => None,
    }
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        other => panic!("the document uses a type this checker does not know: {other}"),
    }
}

fn check_string(schema: &Value, text: &str, at: &str, found: &mut Vec<String>) {
    // JSON Schema counts characters (code points), as the server's limits do.
    let length = text.chars().count() as u64;
    if schema["minLength"].as_u64().is_some_and(|min| length < min) {
        push(
            found,
            at,
            format!("{text:?} is shorter than minLength {}", schema["minLength"]),
        );
    }
    if schema["maxLength"].as_u64().is_some_and(|max| length > max) {
        push(
            found,
            at,
            format!(
                "{length} characters, past maxLength {}",
                schema["maxLength"]
            ),
        );
    }
    if let Some(pattern) = schema["pattern"].as_str() {
        let regex = Regex::new(pattern).unwrap_or_else(|e| panic!("pattern {pattern:?}: {e}"));
        if !regex.is_match(text) {
            push(found, at, format!("{text:?} does not match {pattern:?}"));
        }
    }
}

fn check_number(schema: &Value, value: &Value, at: &str, found: &mut Vec<String>) {
    let number = value.as_f64().expect("a JSON number is an f64");
    if schema["minimum"].as_f64().is_some_and(|min| number < min) {
        push(
            found,
            at,
            format!("{value} is below minimum {}", schema["minimum"]),
        );
    }
    if schema["maximum"].as_f64().is_some_and(|max| number > max) {
        push(
            found,
            at,
            format!("{value} is above maximum {}", schema["maximum"]),
        );
    }
}

fn check_array(doc: &Value, schema: &Value, items: &[Value], at: &str, found: &mut Vec<String>) {
    let count = items.len() as u64;
    if schema["minItems"].as_u64().is_some_and(|min| count < min) {
        push(
            found,
            at,
            format!("{count} items, fewer than minItems {}", schema["minItems"]),
        );
    }
    if schema["maxItems"].as_u64().is_some_and(|max| count > max) {
        push(
            found,
            at,
            format!("{count} items, more than maxItems {}", schema["maxItems"]),
        );
    }
    if schema["items"].is_object() {
        for (i, item) in items.iter().enumerate() {
            check(doc, &schema["items"], item, &format!("{at}/{i}"), found);
        }
    }
}

fn check_object(
    doc: &Value,
    schema: &Value,
    object: &Map<String, Value>,
    at: &str,
    found: &mut Vec<String>,
) {
    for required in schema["required"].as_array().into_iter().flatten() {
        let name = required.as_str().expect("a property name");
        if !object.contains_key(name) {
            push(
                found,
                at,
                format!("the required property {name:?} is missing"),
            );
        }
    }
    let properties = schema["properties"].as_object();
    let extra = &schema["additionalProperties"];
    for (key, value) in object {
        let place = format!("{at}/{key}");
        match properties.and_then(|p| p.get(key)) {
            Some(property) => check(doc, property, value, &place, found),
            None if extra.is_object() => check(doc, extra, value, &place, found),
            None if properties.is_some() => push(
                found,
                &place,
                format!(
                    "not a property of the schema, which has {:?}",
                    properties.map(|p| p.keys().collect::<Vec<_>>())
                ),
            ),
            None => {}
        }
    }
}

#[test]
fn the_checker_finds_what_breaks_a_schema_and_passes_what_fits() {
    let doc = serde_json::json!({ "components": { "schemas": {
        "Day": { "type": "array", "items": { "type": "string", "pattern": "^[0-9]{2}$" } },
        "Week": {
            "type": "object",
            "required": ["days"],
            "properties": {
                "days": { "type": "array", "items": { "$ref": "#/components/schemas/Day" },
                          "minItems": 2, "maxItems": 2 },
                "name": { "type": ["string", "null"], "maxLength": 3 },
                "count": { "type": "integer", "minimum": 1 },
                "kind": { "oneOf": [{ "type": "null" }, { "type": "string", "enum": ["a"] }] },
            },
        },
    }}});
    let week = serde_json::json!({ "$ref": "#/components/schemas/Week" });
    let fits = serde_json::json!({ "days": [["01"], []], "name": "王丽", "count": 1, "kind": "a" });
    assert_eq!(faults(&doc, &week, &fits), Vec::<String>::new());
    for (broken, place) in [
        (serde_json::json!({ "days": [["01"], ["1"]] }), "/days/1/0"),
        (serde_json::json!({ "days": [[]] }), "/days"),
        (
            serde_json::json!({ "days": [[], []], "name": "王丽娜娜" }),
            "/name",
        ),
        (
            serde_json::json!({ "days": [[], []], "count": 0 }),
            "/count",
        ),
        (
            serde_json::json!({ "days": [[], []], "count": 1.5 }),
            "/count",
        ),
        (
            serde_json::json!({ "days": [[], []], "kind": "b" }),
            "/kind",
        ),
        (
            serde_json::json!({ "days": [[], []], "extra": 1 }),
            "/extra",
        ),
        (serde_json::json!({ "days": { "days": [] } }), "/days"),
        (serde_json::json!({}), "/"),
    ] {
        let found = faults(&doc, &week, &broken);
        assert!(
            found.iter().any(|f| f.starts_with(&format!("{place}:"))),
            "{broken} should break the schema at {place}: {found:?}"
        );
    }
}
