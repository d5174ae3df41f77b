//! Paragraphs: prose lines that belong together, wrapped lines joined,
//! and where a paragraph ends.

use std::borrow::Cow;

use crate::grammar::boilerplate::Closing;
use crate::model::{Category, Span};
use crate::scan::{Kind, Scanned};

use super::byline::is_byline_line;
use super::shape::is_bare_title;
use super::{Item, span_of};
use crate::lexicon::Shapes;

/// A line at least this long that ends mid-sentence was wrapped.
const WRAPPED_LINE_CHARS: usize = 50;

/// Groups the prose lines from `i` into one paragraph (and the marker that
/// closes it, if any); returns the index after them.
pub(super) fn paragraph<'a>(
    source: &'a str,
    lines: &[Scanned],
    i: usize,
    shapes: &Shapes,
    items: &mut Vec<Item<'a>>,
) -> usize {
    let last = paragraph_end(source, lines, i, shapes);
    close_paragraph(source, lines, (i, last), None, items);
    last + 1
}

/// The last line of the paragraph that starts at `i`.
pub(super) fn paragraph_end(source: &str, lines: &[Scanned], i: usize, shapes: &Shapes) -> usize {
    let mut last = i;
    loop {
        if let Kind::Text { tail: Some(_) } = lines[last].kind {
            break;
        }
        let Some(next) = lines.get(last + 1) else {
            break;
        };
        let joins = matches!(next.kind, Kind::Text { .. } | Kind::Listing(_))
            && continues(lines[last].text(source), next.text(source))
            && !heads_byline(source, lines, last + 1, shapes);
        if !joins {
            break;
        }
        last += 1;
    }
    last
}

/// Whether line `k` is a title right above its post's byline or date
/// line ("Security Product Efficacy" over "Posted by ericlaw
/// 2025-08-20", or over "Published by", "Rocco Sicilia", "on", then the
/// date): it stands alone, not as a line of the paragraph around it.
fn heads_byline(source: &str, lines: &[Scanned], k: usize, shapes: &Shapes) -> bool {
    // By kinds first, as most lines have no date line below them.
    let below = &lines[k + 1..lines.len().min(k + 2 + shapes.max_byline_lines)];
    let Some(meta) = below
        .iter()
        .position(|l| l.kind == Kind::Furniture(Category::PostMeta))
    else {
        return false;
    };
    let short = |l: &Scanned| {
        matches!(l.kind, Kind::Text { tail: None }) && is_byline_line(l.text(source), shapes)
    };
    // A date among a run of short lines ("PAVAROTTI", "11 settembre
    // 2001", "Iraq") is an item of a list, not a byline.
    let in_list = below.get(meta + 1).is_some_and(short);
    !in_list && below[..meta].iter().all(short) && is_bare_title(lines[k].text(source))
}

/// Pushes the paragraph of lines `first..=last` (and the marker that closes
/// it, if any); `text` is its text when it is normalised already.
pub(super) fn close_paragraph<'a>(
    source: &'a str,
    lines: &[Scanned],
    (i, last): (usize, usize),
    text: Option<Cow<'a, str>>,
    items: &mut Vec<Item<'a>>,
) {
    let first = &lines[i];
    let end_line = &lines[last];
    match end_line.kind {
        Kind::Text {
            tail: Some(Closing { category, at }),
        } => {
            let prose_end = first.start + source[first.start..at].trim_end().len();
            items.push(Item::Text {
                span: Span::new(first.start, prose_end, first.line.number),
                single: last == i,
                text: None,
            });
            items.push(Item::Furniture(
                category,
                Span::new(at, end_line.end, end_line.line.number),
            ));
        }
        _ => items.push(Item::Text {
            span: span_of(first, end_line),
            single: last == i,
            text,
        }),
    }
}

/// Whether `next` continues the paragraph whose last line is `prev`: it
/// starts in lower case, or `prev` is a long line that stops mid-sentence.
pub(super) fn continues(prev: &str, next: &str) -> bool {
    next.chars().next().is_some_and(char::is_lowercase) || is_wrapped(prev)
}

/// Whether `line` is long and stops mid-sentence, as a wrapped line does.
fn is_wrapped(line: &str) -> bool {
    !ends_line(line) && !at_most_chars(line, WRAPPED_LINE_CHARS - 1)
}

/// Whether `text` has at most `n` characters, without counting past what
/// the answer needs: a character takes one to four bytes.
pub(super) fn at_most_chars(text: &str, n: usize) -> bool {
    text.len() <= n || (text.len() <= 4 * n && text.chars().count() <= n)
}

/// Whether `text` ends like a line that stands alone: a sentence, a
/// clause or a lead-in (":"), after any closing quotes.
fn ends_line(text: &str) -> bool {
    let text = closing_quotes_trimmed(text);
    super::shape::ends_clause(text) || text.ends_with(':')
}

/// `text` without the closing quotes, brackets and emphasis that may
/// follow its last punctuation.
pub(super) fn closing_quotes_trimmed(text: &str) -> &str {
    // Most texts end with a letter or a full stop.
    match text.as_bytes().last() {
        Some(b) if b.is_ascii_alphanumeric() || *b == b'.' => text,
        _ => text.trim_end_matches(['"', '”', '»', '’', '\'', ')', ']', '*', '_']),
    }
}
