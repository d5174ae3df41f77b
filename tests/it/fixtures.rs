//! Snapshot tests over `fixtures/`: each `.snap` shows the input beside
//! the outline of its parse.

use crate::check;

#[test]
fn fixtures() {
    insta::glob!("../../fixtures", "*.txt", |path| {
        let bytes = std::fs::read(path).unwrap();
        let doc = tesi::parse_bytes(&bytes).unwrap();
        let input = std::str::from_utf8(&bytes).unwrap();
        check::invariants(input, &doc);
        // The JSON contract round-trips: borrowed and owned alike.
        let json = serde_json::to_string(&doc).unwrap();
        let back: tesi::Document<'_> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
        assert_eq!(doc.clone().into_owned(), doc);
        insta::with_settings!({
            description => input,
            omit_expression => true,
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(doc.outline());
        });
    });
}
