//! Thesis lists: consecutive thesis markers whose numbers go up, wrapped
//! thesis text, theses sharing a line, commentary between theses.

use std::borrow::Cow;

use super::paragraphs::continues;
use super::shape::is_heading;
use super::{Item, next_solid};
use crate::grammar::thesis::{self, MAX_NUMBER, Marker, Style, inline_markers};
use crate::lexicon::Lexicon;
use crate::model::{Span, Thesis, ThesisList};
use crate::normalize::normalize;
use crate::scan::{Kind, Scanned};

/// Largest step between consecutive theses of one list (selections skip
/// numbers: 24 then 30).
pub(super) const MAX_GAP: u32 = 25;
/// Largest step between theses sharing a line ("35. ... 37. ...").
const MAX_INLINE_GAP: u32 = 10;
/// How many lines of commentary may stand between two theses.
const MAX_COMMENT_LINES: usize = 40;

/// Builds the thesis list that starts with the marker line at `i`; returns
/// the index after it, or `None` when the marker holds no thesis (a lone
/// marker with no text after it).
pub(super) fn thesis_list<'a>(
    source: &'a str,
    lines: &[Scanned],
    i: usize,
    lexicon: &Lexicon,
    items: &mut Vec<Item<'a>>,
    theses: &mut Vec<Thesis<'a>>,
) -> Option<usize> {
    let Kind::Marker(first) = lines[i].kind else {
        return None;
    };
    theses.clear();
    let mut worded = false;
    let mut j = i;
    let last_line = loop {
        let Kind::Marker(m) = lines[j].kind else {
            break j - 1;
        };
        let Some(end) = read_thesis(source, lines, j, m, lexicon, theses) else {
            if theses.is_empty() {
                return None;
            }
            break j - 1;
        };
        worded |= m.style == Style::Worded;
        let last_number = theses.last().map_or(m.number, |t| t.number);
        let k = next_solid(lines, end + 1);
        match lines.get(k).map(|l| l.kind) {
            Some(Kind::Marker(next)) if follows(last_number, next, first.style) => j = k,
            Some(Kind::Text { .. } | Kind::Bullet { .. }) => {
                match commentary(source, lines, k, last_number, first.style) {
                    Some((comment_end, next_marker)) => {
                        if let Some(last) = theses.last_mut() {
                            let span = Span::new(lines[k].start, lines[comment_end].end, 0);
                            last.comment = Some(normalize(&source[span.start..span.end]));
                            last.span.end = span.end;
                        }
                        j = next_marker;
                    }
                    None => break end,
                }
            }
            _ => break end,
        }
    };
    let (Some(head), Some(tail)) = (theses.first(), theses.last()) else {
        return None;
    };
    let span = Span::new(head.span.start, tail.span.end, head.span.line);
    let missing = missing(theses);
    items.push(Item::Theses {
        list: Box::new(ThesisList {
            heading: None,
            items: super::exact(theses),
            declared_partial: false,
            missing,
            span,
        }),
        worded,
    });
    Some(last_line + 1)
}

/// Whether a marker numbered `next.number` continues a list whose last
/// thesis is `last`.
fn follows(last: u32, next: Marker, style: Style) -> bool {
    next.style == style && next.number > last && next.number - last <= MAX_GAP
}

/// Reads the thesis (or theses, when several share a line) opened by the
/// marker `m` on line `j`; returns the last line it used.
fn read_thesis<'a>(
    source: &'a str,
    lines: &[Scanned],
    j: usize,
    m: Marker,
    lexicon: &Lexicon,
    out: &mut Vec<Thesis<'a>>,
) -> Option<usize> {
    let line = &lines[j];
    let (marker_start, marker_end) = (line.start, line.start + m.len);
    let mut text_start = line.start + m.text;
    let mut last = j;
    if text_start == line.end {
        // A marker alone: its text is on the next line, past one blank line
        // at most.
        let k = next_solid(lines, j + 1);
        match lines.get(k) {
            Some(next) if k <= j + 2 && matches!(next.kind, Kind::Text { tail: None }) => {
                text_start = next.start;
                last = k;
            }
            _ => return None,
        }
    }
    // A duplicated marker ("7. 7. I clienti"): one thesis. A duplicate
    // opens with a digit or a symbol, or like the marker ("Tesi 7: Tesi
    // 7:"); text that opens with another letter is spared the parse.
    let opens_alike = match source.as_bytes().get(text_start) {
        Some(b) if b.is_ascii_alphabetic() => source
            .as_bytes()
            .get(line.start)
            .is_some_and(|m| m.eq_ignore_ascii_case(b)),
        _ => true,
    };
    if opens_alike
        && let Some(dup) = thesis::marker(&source[text_start..lines[last].end], lexicon)
        && dup.number == m.number
        && dup.text > 0
    {
        text_start += dup.text;
    }
    // Wrapped lines.
    while let Some(next) = lines.get(last + 1) {
        let wraps = matches!(next.kind, Kind::Text { tail: None })
            && continues(lines[last].text(source), next.text(source));
        if !wraps {
            break;
        }
        last += 1;
    }
    let end = lines[last].end;
    // Theses sharing the line: split where the numbering goes on.
    let body = &source[text_start..end];
    let mut current = Opening {
        number: m.number,
        marker_start,
        marker_end,
        text_start,
    };
    // The line of each thesis: a cursor that only moves forward.
    let mut cursor = j;
    for inline in inline_markers(body) {
        let n = inline.number;
        if n <= current.number || n - current.number > MAX_INLINE_GAP || n > MAX_NUMBER {
            continue;
        }
        let piece_end = text_start + body[..inline.at].trim_end().len();
        if piece_end <= current.text_start {
            continue;
        }
        out.push(thesis(
            source,
            lines,
            &mut cursor,
            current,
            piece_end,
            m.emphasis,
        ));
        let marker_start = text_start + inline.at;
        let next_text = text_start + inline.text;
        current = Opening {
            number: n,
            marker_start,
            marker_end: marker_start + source[marker_start..next_text].trim_end().len(),
            text_start: next_text,
        };
    }
    out.push(thesis(source, lines, &mut cursor, current, end, m.emphasis));
    Some(last)
}

/// Where a thesis opens: its number, the bytes of its marker and the
/// byte where its text starts.
#[derive(Debug, Clone, Copy)]
struct Opening {
    number: u32,
    marker_start: usize,
    marker_end: usize,
    text_start: usize,
}

/// One thesis record from where it opens and where it ends.
fn thesis<'a>(
    source: &'a str,
    lines: &[Scanned],
    cursor: &mut usize,
    opening: Opening,
    end: usize,
    emphasis: bool,
) -> Thesis<'a> {
    let mut text = &source[opening.text_start..end];
    if emphasis {
        text = crate::chars::trim_end(text);
        text = text
            .strip_suffix("**")
            .or_else(|| text.strip_suffix("__"))
            .unwrap_or(text);
    }
    while lines
        .get(*cursor + 1)
        .is_some_and(|l| l.line.start <= opening.marker_start)
    {
        *cursor += 1;
    }
    let line = lines[*cursor].line.number;
    Thesis {
        number: opening.number,
        marker: Cow::Borrowed(&source[opening.marker_start..opening.marker_end]),
        text: normalize(text),
        notes: thesis::notes(text).map(normalize).collect(),
        comment: None,
        span: Span::new(opening.marker_start, end, line),
    }
}

/// Prose after a thesis that elaborates on it: text lines or bullets ("3.
/// Le reti sono conversazioni" then "• e le conversazioni cambiano i
/// mercati"), then a marker that goes on with the numbering within a few
/// lines. A lone heading-like line is a section heading, not commentary.
/// Returns the last line of the commentary and the marker line.
fn commentary(
    source: &str,
    lines: &[Scanned],
    k: usize,
    last_number: u32,
    style: Style,
) -> Option<(usize, usize)> {
    let mut last_text = None;
    for (idx, line) in lines.iter().enumerate().skip(k).take(MAX_COMMENT_LINES) {
        match line.kind {
            Kind::Blank => {}
            Kind::Text { tail: None } | Kind::Bullet { .. } => last_text = Some(idx),
            Kind::Marker(m) if follows(last_number, m, style) => {
                let last_text = last_text?;
                let text = matches!(lines[k].kind, Kind::Text { .. });
                if last_text == k && text && is_heading(lines[k].text(source)) {
                    return None;
                }
                return Some((last_text, idx));
            }
            _ => return None,
        }
    }
    None
}

/// Numbers absent between the first and the last thesis.
fn missing(theses: &[Thesis<'_>]) -> Vec<u32> {
    let mut out = Vec::new();
    for pair in theses.windows(2) {
        out.extend(pair[0].number + 1..pair[1].number);
    }
    out
}

#[cfg(test)]
mod tests {
    fn texts(dump: &str) -> Vec<(u32, String)> {
        crate::parse(dump)
            .thesis_items()
            .map(|t| (t.number, t.text.to_string()))
            .collect()
    }

    #[test]
    fn ok_duplicated_markers_make_one_thesis() {
        for (dump, first) in [
            ("7. 7. I clienti.\n8. I fornitori.\n", (7, "I clienti.")),
            (
                "Tesi 1: Tesi 1: Ascoltare.\nTesi 2: Rispondere.\n",
                (1, "Ascoltare."),
            ),
            (
                "Tesi 1: tesi 1: Ascoltare.\nTesi 2: Rispondere.\n",
                (1, "Ascoltare."),
            ),
            (
                "**3.** **3.** Parlare.\n**4.** Ascoltare.\n",
                (3, "Parlare."),
            ),
        ] {
            let found = texts(dump);
            assert_eq!(found.len(), 2, "{dump:?}: {found:?}");
            assert_eq!((found[0].0, found[0].1.as_str()), first, "{dump:?}");
        }
    }

    #[test]
    fn ok_text_after_a_marker_that_is_not_a_duplicate() {
        let found = texts("1. Tesi centrali.\n2. Regole.\n");
        assert_eq!(found[0].1, "Tesi centrali.");
    }
}
