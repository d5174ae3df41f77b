//! Properties that hold for any input: spans in bounds, on character
//! boundaries, ordered and covering; text found in its span; deterministic
//! parses; JSON and `into_owned` round trips.
//!
//! 1,000 cases per property by default; set `PROPTEST_CASES` for more.

use proptest::prelude::*;

use crate::check;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces dumps are made of: markers, bullets, episode words, colons,
/// brackets, quotes, line ends, NBSP, furniture.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1. ".to_owned()),
        Just("12) ".to_owned()),
        Just("(3) ".to_owned()),
        Just("IV. ".to_owned()),
        Just("Tesi 2: ".to_owned()),
        Just("**7.** ".to_owned()),
        Just("– ".to_owned()),
        Just("•".to_owned()),
        Just("\u{a0}\u{a0}".to_owned()),
        Just("o\t".to_owned()),
        Just("✔\u{fe0f} ".to_owned()),
        Just("Episodio 4: ".to_owned()),
        Just("Part Two of 4".to_owned()),
        Just("[7-eleven] ".to_owned()),
        Just("Nella puntata precedente di “".to_owned()),
        Just("Previously on ".to_owned()),
        Just("@02:00 p.m. #tag ".to_owned()),
        Just("alle 16:00 ".to_owned()),
        Just(": ".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\n\n".to_owned()),
        Just("Leave a Comment\n".to_owned()),
        Just("Rispondi\n".to_owned()),
        Just("w\n".to_owned()),
        Just("Tag: x\n".to_owned()),
        Just("[…] continua su X".to_owned()),
        Just("12 marzo 2015 – ".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\u{200b}\u{202e}".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\0".to_owned()),
        Just("99999999999999999999999. ".to_owned()),
        "[a-zA-Zàèéìòù ,.;:!?'’-]{1,24}",
    ]
}

fn dump() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

/// NFC, then every run of white space folded to one space, trimmed.
fn normalized_like_reference(input: &str) {
    use unicode_normalization::UnicodeNormalization;
    let nfc: String = input.nfc().collect();
    let reference = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(tesi::normalize(input), reference);
}

fn holds(input: &str) {
    let doc = tesi::parse(input);
    check::invariants(input, &doc);
    assert_eq!(tesi::parse(input), doc, "parsing is deterministic");
    let json = serde_json::to_string(&doc).unwrap();
    let back: tesi::Document<'_> = serde_json::from_str(&json).unwrap();
    assert_eq!(
        serde_json::to_string(&back).unwrap(),
        json,
        "JSON round trip"
    );
    assert_eq!(back, doc);
    assert_eq!(doc.clone().into_owned(), doc, "into_owned keeps equality");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_string(input in any::<String>()) {
        holds(&input);
    }

    #[test]
    fn dump_like(input in dump()) {
        holds(&input);
    }

    #[test]
    fn normalize_matches_its_definition(input in any::<String>()) {
        normalized_like_reference(&input);
    }

    #[test]
    fn normalize_matches_its_definition_on_dumps(input in dump()) {
        normalized_like_reference(&input);
    }

    #[test]
    fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        match tesi::parse_bytes(&bytes) {
            Ok(doc) => check::invariants(std::str::from_utf8(&bytes).unwrap(), &doc),
            Err(e) => {
                let valid = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
                prop_assert_eq!(e.offset(), valid);
            }
        }
    }
}

/// Found by `dump_like`: a lone numbered line ending with a colon was
/// restored as a thesis and taken again as the next list's heading, so
/// the two lists overlapped.
#[test]
fn lone_thesis_with_colon_is_not_also_a_heading() {
    let input = "1. Tesi 2: \nTesi 2: IV. ";
    let doc = tesi::parse(input);
    check::invariants(input, &doc);
    let lists: Vec<_> = doc.thesis_lists().collect();
    assert_eq!(lists.len(), 2, "{lists:?}");
    assert!(lists.iter().all(|l| l.heading.is_none()), "{lists:?}");
}
