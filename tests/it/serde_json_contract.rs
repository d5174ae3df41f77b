//! The JSON shape of `spec/output.md`: field names and kinds.

#[test]
fn ok_json_records_carry_kind_and_span() {
    let doc = tesi::parse("Skip to content\n\nUn titolo\n\nUn paragrafo.\n\nLeave a Comment\n");
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["kind"], "document");
    assert_eq!(json["front"][0]["kind"], "boilerplate");
    assert_eq!(json["front"][0]["category"], "skip_link");
    let post = &json["posts"][0];
    assert_eq!(post["kind"], "post");
    assert_eq!(post["date"], serde_json::Value::Null);
    assert_eq!(post["title"]["kind"], "title");
    assert_eq!(post["title"]["text"], "Un titolo");
    assert_eq!(
        post["title"]["span"],
        serde_json::json!({"start": 17, "end": 26, "line": 3})
    );
    assert_eq!(post["blocks"][0]["kind"], "paragraph");
    assert_eq!(post["blocks"][1]["category"], "comment_link");
}

#[test]
fn ok_extract_output_round_trips_identically() {
    // What the extract example prints: pretty JSON of the document.
    for path in [
        "fixtures/it_tesi_stili.txt",
        "fixtures/it_serie_episodio.txt",
        "fixtures/en_recommendations.txt",
    ] {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = tesi::parse(&text);
        let json = serde_json::to_string_pretty(&doc).unwrap();
        let back: tesi::Document<'_> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc, "{path}");
        assert_eq!(serde_json::to_string_pretty(&back).unwrap(), json, "{path}");
        // Owned: borrow from the JSON text, then let go of it.
        let owned: tesi::Document<'static> = {
            let copy = json.clone();
            serde_json::from_str::<tesi::Document<'_>>(&copy)
                .unwrap()
                .into_owned()
        };
        assert_eq!(owned, doc, "{path}");
    }
}

#[test]
fn err_unknown_block_kind_is_refused() {
    let json = r#"{"kind":"document","front":[],"posts":[{"kind":"post","title":null,"date":null,
        "blocks":[{"kind":"limerick","text":"x","span":{"start":0,"end":1,"line":1}}],
        "span":{"start":0,"end":1,"line":1}}]}"#;
    let err = serde_json::from_str::<tesi::Document<'_>>(json).unwrap_err();
    assert!(err.to_string().contains("limerick"), "{err}");
}
