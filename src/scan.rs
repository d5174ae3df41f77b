//! Scan: each line classified on its own, with no look at its neighbours.
//!
//! The assembly phase reads the result left to right and decides what the
//! lines make together.

use crate::grammar::boilerplate;
use crate::grammar::bullet::{self, Bullet};
use crate::grammar::listing::{self, Entry};
use crate::grammar::series::Located;
use crate::grammar::thesis::{self, Marker};
use crate::grammar::{episode, series, visible};
use crate::lexicon::Lexicon;
use crate::model::Category;
use crate::source::Line;

/// What one line holds, judged alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Nothing but white space.
    Blank,
    /// Page furniture, the whole line.
    Furniture(Category),
    /// An archive listing entry: a date and a title.
    Listing(Entry),
    /// A link to the previous or next episode of a series opens here, in
    /// the line's visible text.
    SeriesLink(Located),
    /// An episode header ("Episodio 4: titolo"), in the line's visible
    /// text.
    Episode(episode::Located),
    /// A thesis marker opens the line (offsets relative to `start`).
    Marker(Marker),
    /// A bullet opens the line (offsets relative to `start`); `indent` is
    /// the line's leading white space in columns.
    Bullet { bullet: Bullet, indent: u32 },
    /// Prose or a title; `tail` is a furniture marker closing the line
    /// (its category and absolute byte offset).
    Text { tail: Option<(Category, usize)> },
}

/// A line with its trimmed content and its kind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scanned {
    /// The physical line.
    pub line: Line,
    /// Absolute byte range of the line without surrounding white space.
    pub start: usize,
    pub end: usize,
    /// What the line holds.
    pub kind: Kind,
}

// The line table holds one of these per line: it should not grow unseen.
const _: () = assert!(std::mem::size_of::<Scanned>() <= 72);

impl Scanned {
    /// The trimmed content of the line.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// Classifies every line of `source` into `out`, which it empties first.
pub(crate) fn scan(
    source: &str,
    lines: impl Iterator<Item = Line>,
    lexicon: &Lexicon,
    out: &mut Vec<Scanned>,
) {
    out.clear();
    // Room for every line at once (the lines' size hint counts them), so
    // that the table is never copied as it grows.
    out.reserve(lines.size_hint().0 + 1);
    out.extend(lines.map(|line| {
        let raw = &source[line.start..line.end];
        if raw.is_empty() {
            return Scanned {
                line,
                start: line.start,
                end: line.start,
                kind: Kind::Blank,
            };
        }
        let lead = crate::chars::space_len_at(raw);
        let trimmed = crate::chars::trim_end(&raw[lead..]);
        let start = line.start + lead;
        let end = start + trimmed.len();
        let kind = classify(trimmed, start, lexicon, raw);
        Scanned {
            line,
            start,
            end,
            kind,
        }
    }));
}

/// Characters that end or open a line of code.
const CODE_ENDS: &[char] = &[';', '{', '}'];

/// A line of code: indented by four columns or more, and ending like a
/// statement or a block ("    1. let x = 1;"). Its numbers and dashes
/// are not markers.
fn is_code(raw: &str) -> bool {
    // Unindented lines, the common case, are decided on their first byte.
    raw.as_bytes()
        .first()
        .is_some_and(|b| !b.is_ascii_graphic())
        && bullet::indent(raw) >= 4
        && {
            let text = raw.trim_end();
            text.ends_with(CODE_ENDS) || text.contains(" = ") || text.contains("()")
        }
}

/// The kind of a trimmed line that starts at absolute byte `start`.
fn classify(line: &str, start: usize, lexicon: &Lexicon, raw: &str) -> Kind {
    if line.is_empty() {
        return Kind::Blank;
    }
    // Grammars read past invisible characters; offsets they return are
    // shifted back so that spans still cover them.
    let text = visible(line);
    let skipped = line.len() - text.len();
    let start = start + skipped;
    if let Some(category) = boilerplate::whole(text, lexicon) {
        return Kind::Furniture(category);
    }
    if let Some(entry) = listing::entry(text, lexicon) {
        let title = (start + entry.title.0, start + entry.title.1);
        return Kind::Listing(Entry { title, ..entry });
    }
    if let Some(opening) = series::opening(text, lexicon) {
        return Kind::SeriesLink(opening.locate(text));
    }
    if let Some(header) = episode::header(text, lexicon) {
        return Kind::Episode(header.locate(text));
    }
    if is_code(raw) {
        return Kind::Text { tail: None };
    }
    if let Some(marker) = thesis::marker(text, lexicon) {
        return Kind::Marker(Marker {
            len: marker.len + skipped,
            text: marker.text + skipped,
            ..marker
        });
    }
    if let Some(bullet) = bullet::bullet(text) {
        return Kind::Bullet {
            bullet: Bullet {
                len: bullet.len + skipped,
                text: bullet.text + skipped,
            },
            indent: bullet::indent(raw),
        };
    }
    // Prose: it may end with a marker ("… Continua a leggere →").
    Kind::Text {
        tail: boilerplate::tail(text, lexicon).map(|(category, at)| (category, start + at)),
    }
}
