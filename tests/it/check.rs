//! The invariants every parse must hold, checked on every test input.

use tesi::{Block, Document, Span, normalize};

/// The `.txt` fixtures, by file name, with their text, in name order.
pub fn fixture_texts() -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir("fixtures")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

/// Every span of `doc` must lie in `input`, on character boundaries, in
/// order and without overlap at block level; every non-space character of
/// `input` (a leading BOM aside) must lie in some block; every text field
/// must be found in its own span's normalised source.
pub fn invariants(input: &str, doc: &Document<'_>) {
    let lines = LineIndex::new(input);
    let span_ok = |input: &str, span: Span| span_ok(input, &lines, span);
    let block_fields = |input: &str, b: &Block<'_>| block_fields(input, &lines, b);
    let mut blocks: Vec<(Span, &'static str)> = Vec::new();
    for b in &doc.front {
        blocks.push((b.span, "boilerplate"));
        text_in_span(input, b.span, &b.text);
    }
    for post in &doc.posts {
        span_ok(input, post.span);
        let mut inside = Vec::new();
        if let Some(t) = &post.title {
            inside.push((t.span, "title"));
            text_in_span(input, t.span, &t.text);
        }
        for b in &post.blocks {
            inside.push((b.span(), b.kind()));
            block_fields(input, b);
        }
        for (span, kind) in &inside {
            assert!(
                post.span.start <= span.start && span.end <= post.span.end,
                "{kind} {span} outside its post {}",
                post.span
            );
        }
        blocks.extend(inside);
    }
    let mut prev_end = 0;
    for (span, kind) in &blocks {
        span_ok(input, *span);
        assert!(
            span.start >= prev_end,
            "{kind} {span} overlaps the block before it (ends at {prev_end})"
        );
        prev_end = span.end;
    }
    // Coverage.
    let mut covered = vec![false; input.len()];
    for (span, _) in &blocks {
        covered[span.start..span.end]
            .iter_mut()
            .for_each(|c| *c = true);
    }
    let body = input.strip_prefix('\u{feff}').map_or(0, |_| 3);
    for (i, c) in input[body..].char_indices() {
        let at = body + i;
        assert!(
            c.is_whitespace() || covered[at],
            "character {c:?} at byte {at} lies in no block"
        );
    }
}

/// Where each line starts (LF, CRLF and lone CR end lines).
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(input: &str) -> Self {
        let bytes = input.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        LineIndex(starts)
    }

    /// 1-based line of byte `at`.
    fn line(&self, at: usize) -> usize {
        self.0.partition_point(|&s| s <= at)
    }
}

fn span_ok(input: &str, lines: &LineIndex, span: Span) {
    assert!(
        span.start <= span.end && span.end <= input.len(),
        "span {span} out of bounds"
    );
    assert!(
        input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
        "span {span} splits a character"
    );
    assert_eq!(
        lines.line(span.start),
        span.line,
        "span {span} names the wrong line"
    );
}

fn text_in_span(input: &str, span: Span, text: &str) {
    let source = normalize(&input[span.start..span.end]);
    assert!(
        source.contains(&*normalize(text)),
        "text {text:?} not found in its span {span}: {source:?}"
    );
}

fn block_fields(input: &str, lines: &LineIndex, block: &Block<'_>) {
    let span_ok = |input: &str, span: Span| span_ok(input, lines, span);
    match block {
        Block::Heading(h) => text_in_span(input, h.span, &h.text),
        Block::Paragraph(p) => text_in_span(input, p.span, &p.text),
        Block::Boilerplate(b) => text_in_span(input, b.span, &b.text),
        Block::ThesisList(l) => {
            for t in &l.items {
                span_ok(input, t.span);
                text_in_span(input, t.span, &t.text);
                assert!(l.span.start <= t.span.start && t.span.end <= l.span.end);
            }
        }
        Block::RecommendationList(l) => {
            for r in &l.items {
                span_ok(input, r.span);
                text_in_span(input, r.span, &r.text);
                assert!(l.span.start <= r.span.start && r.span.end <= l.span.end);
            }
        }
        Block::Episode(e) => {
            if let Some(t) = &e.title {
                text_in_span(input, e.span, t);
            }
        }
        Block::SeriesLink(s) => {
            if let Some(e) = &s.episode {
                span_ok(input, e.span);
                assert!(s.span.start <= e.span.start && e.span.end <= s.span.end);
            }
        }
        _ => {}
    }
}
