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
