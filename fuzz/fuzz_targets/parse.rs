//! Fuzzes `parse_bytes` and `parse` with options: no panic, spans in
//! bounds and on character boundaries, every non-space character covered,
//! JSON round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tesi::{Block, Document, Lexicon, Options, Parser};

fn check(input: &str, doc: &Document<'_>) {
    let mut covered = vec![false; input.len()];
    let mut mark = |start: usize, end: usize| {
        assert!(start <= end && end <= input.len());
        assert!(input.is_char_boundary(start) && input.is_char_boundary(end));
        covered[start..end].iter_mut().for_each(|c| *c = true);
    };
    for b in &doc.front {
        mark(b.span.start, b.span.end);
    }
    for post in &doc.posts {
        if let Some(t) = &post.title {
            mark(t.span.start, t.span.end);
        }
        for block in &post.blocks {
            let span = block.span();
            mark(span.start, span.end);
            if let Block::ThesisList(l) = block {
                for t in &l.items {
                    assert!(l.span.start <= t.span.start && t.span.end <= l.span.end);
                }
            }
        }
    }
    let body = if input.starts_with('\u{feff}') { 3 } else { 0 };
    for (i, c) in input[body..].char_indices() {
        assert!(c.is_whitespace() || covered[body + i], "uncovered {c:?} at {}", body + i);
    }
    let json = serde_json::to_string(doc).expect("serialises");
    let back: Document<'_> = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(&back, doc);
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options; the rest is the dump.
    let (choice, rest) = data.split_first().map_or((0, data), |(c, r)| (*c, r));
    let lexicon = match choice % 4 {
        0 => Lexicon::default(),
        1 => Lexicon::italian(),
        2 => Lexicon::english(),
        _ => Lexicon::empty(),
    };
    let parser = Parser::new(Options::default().lexicon(lexicon));
    match parser.parse_bytes(rest) {
        Ok(doc) => check(std::str::from_utf8(rest).expect("valid"), &doc),
        Err(e) => assert_eq!(e.offset(), std::str::from_utf8(rest).unwrap_err().valid_up_to()),
    }
    let lossy = String::from_utf8_lossy(rest);
    check(&lossy, &tesi::parse(&lossy));
});
