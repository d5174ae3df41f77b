//! Hostile inputs: each parses without panic, in one pass, with specific
//! behaviour. Growth figures live in the benches; these check shapes at
//! about 1 MB.

use crate::check;

const MB: usize = 1 << 20;

fn repeat_to(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len() + 1)
}

fn parse_checked(input: &str) -> tesi::Document<'_> {
    let doc = tesi::parse(input);
    check::invariants(input, &doc);
    doc
}

#[test]
fn one_long_line_of_markers() {
    let mut line = String::from("Le tesi:\n\n");
    let mut n = 1u32;
    while line.len() < MB {
        line.push_str(&format!("{}. Tesi numero {} ", n % 900 + 1, n));
        n += 1;
    }
    let doc = parse_checked(&line);
    assert!(!doc.posts.is_empty());
}

#[test]
fn a_million_bullet_lines() {
    // Items of a few words with no lead-in would be a list of links (a
    // menu): these read as points.
    let line = "• rispondi sempre ai commenti dei clienti\n";
    let input = repeat_to(line, MB);
    let doc = parse_checked(&input);
    let tesi::Block::RecommendationList(list) = &doc.posts[0].blocks[0] else {
        panic!("expected a list");
    };
    assert_eq!(list.items.len(), input.len() / line.len());
}

#[test]
fn a_million_lead_in_lines() {
    parse_checked(&repeat_to("premessa:\n", MB));
    parse_checked(&repeat_to("premessa:\n\n- x\n", MB));
}

#[test]
fn runs_of_brackets_and_quotes() {
    parse_checked(&repeat_to("[", MB));
    parse_checked(&repeat_to("“", MB));
    parse_checked(&format!("1. {}]", repeat_to("[", MB)));
    parse_checked(&format!(
        "Nella puntata precedente di {}",
        repeat_to("“", MB)
    ));
}

#[test]
fn only_markers() {
    let input = repeat_to("1.\n", MB);
    parse_checked(&input);
    let input: String = (1..50_000).map(|n| format!("{n}.\n")).collect();
    parse_checked(&input);
}

#[test]
fn wrapped_theses_with_inline_splits() {
    let mut input = String::from("1. x\n");
    for n in 2..5000 {
        input.push_str(&format!("a {}. Bc\n", n % 990 + 2));
    }
    parse_checked(&input);
}

#[test]
fn eight_megabyte_line() {
    let input = repeat_to("parola ", 8 * MB);
    let doc = parse_checked(&input);
    assert_eq!(doc.posts.len(), 1);
}

#[test]
fn numbers_beyond_u64_in_marker_position() {
    let input = "Le tesi\n\n184467440737095516161. uno\n184467440737095516162. due\n";
    let doc = parse_checked(input);
    assert!(
        doc.posts[0]
            .blocks
            .iter()
            .all(|b| !matches!(b, tesi::Block::ThesisList(_)))
    );
}

#[test]
fn nul_zero_width_and_bidi_characters() {
    let input = "Titolo\0\n\n\u{200b}1. \u{202e}uno\u{202c}\n2. due\u{200d}\n";
    let doc = parse_checked(input);
    assert!(
        doc.posts[0]
            .blocks
            .iter()
            .any(|b| matches!(b, tesi::Block::ThesisList(_)))
    );
}

#[test]
fn line_ends_crlf_and_lone_cr() {
    let doc = parse_checked("Titolo\r\rTesto del post.\r\n\r\nLeave a Comment\r");
    let post = &doc.posts[0];
    assert_eq!(post.title.as_ref().unwrap().text, "Titolo");
    assert_eq!(post.blocks[0].span().line, 3);
    assert_eq!(post.blocks[1].span().line, 5);
}

#[test]
fn decomposed_accents_come_out_nfc() {
    let doc = parse_checked("Perche\u{301}\n\nLa citta\u{300} e\u{300} viva.\n");
    assert_eq!(doc.posts[0].title.as_ref().unwrap().text, "Perché");
    let tesi::Block::Paragraph(p) = &doc.posts[0].blocks[0] else {
        panic!()
    };
    assert_eq!(p.text, "La città è viva.");
}

#[test]
fn emoji_bullets() {
    let doc = parse_checked("Da fare:\n✅ ascoltare\n👉 rispondere\n");
    let tesi::Block::RecommendationList(list) = &doc.posts[0].blocks[0] else {
        panic!()
    };
    assert_eq!(list.items.len(), 2);
    assert_eq!(list.lead_in.as_deref(), Some("Da fare:"));
}

#[test]
fn lossy_repair_reports_offsets_and_parses() {
    let repaired = tesi::repair_utf8(b"Titolo\n\nperch\xe9 no\xff\n");
    assert_eq!(repaired.invalid, [13, 17]);
    let doc = parse_checked(&repaired.text);
    let tesi::Block::Paragraph(p) = &doc.posts[0].blocks[0] else {
        panic!()
    };
    assert_eq!(p.text, "perch\u{fffd} no\u{fffd}");
}
