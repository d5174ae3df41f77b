//! Bad input gets a typed error, never a panic.

use tesi::{ErrorKind, Options, Parser};

#[test]
fn err_invalid_utf8_names_offset_line_and_column() {
    let err = tesi::parse_bytes(b"Titolo\n\nperch\xc3\xa9 s\xff\n").unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::InvalidUtf8 { len: Some(1) });
    assert_eq!((err.offset(), err.line(), err.column()), (17, 3, 9));
    assert_eq!(
        err.to_string(),
        "invalid UTF-8: a sequence of 1 byte(s) is not a character at byte 17 (line 3, column 9)"
    );
}

#[test]
fn err_input_too_large() {
    let parser = Parser::new(Options::default().max_input_bytes(Some(4)));
    let err = parser.parse_bytes(b"12345").unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::InputTooLarge { size: 5, limit: 4 });
    // Refused by its size: no position to name.
    assert_eq!(
        err.to_string(),
        "input of 5 bytes is larger than the limit of 4 bytes"
    );
    assert!(parser.parse_bytes(b"1234").is_ok());
}

#[test]
fn ok_bom_is_skipped_and_counted() {
    let doc = tesi::parse_bytes(b"\xef\xbb\xbfTitolo\n\nTesto del post.\n").unwrap();
    let title = doc.posts[0].title.as_ref().unwrap();
    assert_eq!((title.text.as_ref(), title.span.start), ("Titolo", 3));
}

#[test]
fn ok_empty_and_blank_inputs() {
    for input in ["", "\n\n", " \u{a0}\t\r\n", "\u{feff}"] {
        let doc = tesi::parse(input);
        assert!(doc.front.is_empty() && doc.posts.is_empty(), "{input:?}");
    }
}
