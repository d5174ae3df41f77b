//! JSON Schema support (feature `schema`): the `kind` each record's serde
//! tag writes, and the string formats of [`Time`](super::Time) and
//! [`Date`](super::Date).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// Adds the constant `kind` property that a struct-level serde tag
/// writes (schemars does not read struct tags).
fn add_kind(schema: &mut Schema, kind: &str) {
    if let Some(object) = schema.as_object_mut() {
        if let Some(serde_json::Value::Object(properties)) = object.get_mut("properties") {
            properties.insert("kind".into(), serde_json::json!({ "const": kind }));
        }
        match object.get_mut("required") {
            Some(serde_json::Value::Array(required)) => required.push("kind".into()),
            _ => {
                object.insert("required".into(), serde_json::json!(["kind"]));
            }
        }
    }
}

macro_rules! kinds {
    ($($kind:ident),* $(,)?) => {
        $(
            pub(super) fn $kind(schema: &mut Schema) {
                add_kind(schema, stringify!($kind));
            }
        )*
    };
}

kinds!(
    document,
    post,
    title,
    heading,
    paragraph,
    thesis_list,
    thesis,
    recommendation_list,
    recommendation,
    episode,
    series_link,
    boilerplate,
);

impl JsonSchema for super::Time {
    fn schema_name() -> Cow<'static, str> {
        "Time".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A time of day, 24-hour: HH:MM.",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
        })
    }
}

impl JsonSchema for super::Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A calendar date: YYYY-MM-DD.",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}
