//! The published JSON Schema (`schema/tesi.schema.json`) is what the code
//! generates, accepts what tesi writes for every fixture, and refuses what
//! breaks the contract.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

/// A path from the repository's root.
fn root(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root("schema/tesi.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn ok_every_fixture_validates() {
    let validator = validator();
    let mut paths: Vec<_> = std::fs::read_dir(root("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10);
    for path in paths {
        let text = std::fs::read(&path).unwrap();
        let doc = tesi::parse_bytes(&text).unwrap();
        let json = serde_json::to_value(&doc).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}

#[test]
fn err_broken_documents_are_refused() {
    let validator = validator();
    let doc = tesi::parse("Titolo\n\n1. uno\n2. due\n\nLeave a Comment\n");
    let good = serde_json::to_value(&doc).unwrap();
    assert!(validator.is_valid(&good));
    let mut wrong_kind = good.clone();
    wrong_kind["posts"][0]["kind"] = "article".into();
    assert!(!validator.is_valid(&wrong_kind));
    let mut wrong_category = good.clone();
    wrong_category["posts"][0]["blocks"][1]["category"] = "sidebar_thing".into();
    assert!(!validator.is_valid(&wrong_category));
    let mut no_span = good;
    no_span["posts"][0]["blocks"][0]["items"][0]
        .as_object_mut()
        .unwrap()
        .remove("span");
    assert!(!validator.is_valid(&no_span));
}

/// The published file is what the code generates.
#[test]
fn ok_published_schema_is_current() {
    let text = std::fs::read_to_string(root("schema/tesi.schema.json")).unwrap();
    let published: serde_json::Value = serde_json::from_str(&text).unwrap();
    let current = serde_json::to_value(tesi::json_schema()).unwrap();
    assert_eq!(
        published, current,
        "run: cargo run --features schema --example schema > schema/tesi.schema.json"
    );
}
