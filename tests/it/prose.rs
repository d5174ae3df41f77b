//! No prose of the author becomes furniture: across the fixtures, the
//! lines that read as sentences (eight words or more, closed by sentence
//! punctuation) and lie in a boilerplate record are exactly the few that
//! the page printed around the author's text, listed here with why.

/// Sentence-like lines that are furniture, by fixture and opening words.
const FURNITURE_SENTENCES: &[(&str, &str, &str)] = &[
    (
        "en_page_foot.txt",
        "Hi, I'm Dana.",
        "the author's box in the page's foot",
    ),
    (
        "en_page_foot.txt",
        "Everything here is licensed",
        "the licence line of the footer",
    ),
    (
        "en_site_furniture.txt",
        "This entry was posted in",
        "a WordPress post-meta line",
    ),
    (
        "it_piede_pagina.txt",
        "© 2025 Diario di bordo.",
        "a copyright notice",
    ),
    (
        "it_sito_wordpress.txt",
        "Questo articolo è stato pubblicato",
        "a WordPress post-meta line",
    ),
    (
        "it_sito_wordpress.txt",
        "Privacy e cookie:",
        "a cookie notice",
    ),
    (
        "it_sotto_il_modulo.txt",
        "Questo sito usa un filtro",
        "the comment form's notice",
    ),
    (
        "it_sotto_il_modulo.txt",
        "… e questo è il diario",
        "the author's box under the form",
    ),
];

/// Fewest words of a line that reads as a sentence.
const MIN_SENTENCE_WORDS: usize = 8;

#[test]
fn no_prose_line_of_the_fixtures_is_boilerplate() {
    let mut eaten = Vec::new();
    for (name, input) in crate::check::fixture_texts() {
        let doc = tesi::parse(&input);
        let spans: Vec<_> = doc.boilerplate().map(|b| b.span).collect();
        let mut start = 0;
        for line in input.split_inclusive('\n') {
            let text = line.trim();
            let at = start + (line.len() - line.trim_start().len());
            start += line.len();
            let sentence = text.split_whitespace().count() >= MIN_SENTENCE_WORDS
                && text.ends_with(['.', '!', '?', '…']);
            if sentence && spans.iter().any(|s| s.start <= at && at < s.end) {
                eaten.push((name.clone(), text.to_owned()));
            }
        }
    }
    let unexpected: Vec<_> = eaten
        .iter()
        .filter(|(file, text)| {
            !FURNITURE_SENTENCES
                .iter()
                .any(|(f, opening, _)| f == file && text.starts_with(opening))
        })
        .collect();
    assert!(
        unexpected.is_empty(),
        "prose became boilerplate: {unexpected:#?}"
    );
    // Every listed line is still found: the list does not go stale.
    assert_eq!(eaten.len(), FURNITURE_SENTENCES.len(), "{eaten:#?}");
}
