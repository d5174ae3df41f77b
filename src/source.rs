//! From bytes to text and lines: UTF-8 validation, the BOM, line ends.
//!
//! Everything after this phase works on `&str` with byte offsets into the
//! original input, so spans never need translating back.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};

/// The UTF-8 byte order mark.
const BOM: &str = "\u{feff}";

/// Validates `input` as UTF-8, naming the first invalid byte on failure.
pub(crate) fn decode(input: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(input).map_err(|e| {
        Error::at(
            ErrorKind::InvalidUtf8 { len: e.error_len() },
            input,
            e.valid_up_to(),
        )
    })
}

/// Bytes repaired into text: invalid UTF-8 sequences replaced by U+FFFD.
///
/// Spans of a document parsed from [`Repaired::text`] index the repaired
/// text, not the original bytes: each replaced sequence becomes the three
/// bytes of U+FFFD. `invalid` gives, for each replacement, its byte offset
/// in the original input, so a caller can map positions back.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Repaired<'a> {
    /// The text, borrowed when the input was valid.
    pub text: Cow<'a, str>,
    /// Byte offsets in the input of each invalid sequence, in order.
    pub invalid: Vec<usize>,
}

/// Repairs `input` into text, replacing each invalid UTF-8 sequence with
/// U+FFFD and reporting where they were. Parse the result with
/// [`parse`](crate::parse).
///
/// ```
/// let repaired = tesi::repair_utf8(b"perch\xe9 no\xff");
/// assert_eq!(repaired.text, "perch\u{fffd} no\u{fffd}");
/// assert_eq!(repaired.invalid, [5, 9]);
/// let doc = tesi::parse(&repaired.text);
/// assert_eq!(doc.posts.len(), 1);
/// ```
pub fn repair_utf8(input: &[u8]) -> Repaired<'_> {
    let mut invalid = Vec::new();
    let mut offset = 0;
    for chunk in input.utf8_chunks() {
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            invalid.push(offset);
            offset += chunk.invalid().len();
        }
    }
    Repaired {
        text: String::from_utf8_lossy(input),
        invalid,
    }
}

/// Where content starts: after a leading BOM, if any.
pub(crate) fn content_start(text: &str) -> usize {
    if text.starts_with(BOM) { BOM.len() } else { 0 }
}

/// 1-based line number of the end of `before`, and the byte where that line
/// starts. A line ends at LF, CRLF or a lone CR.
pub(crate) fn line_of(before: &[u8]) -> (usize, usize) {
    let mut line = 1;
    let mut start = 0;
    for pos in memchr::memchr2_iter(b'\n', b'\r', before) {
        let crlf = before[pos] == b'\r' && before.get(pos + 1) == Some(&b'\n');
        if !crlf {
            line += 1;
            start = pos + 1;
        }
    }
    (line, start)
}

/// One physical line of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// First byte of the line.
    pub start: usize,
    /// One past the last byte before the line terminator.
    pub end: usize,
    /// 1-based line number.
    pub number: usize,
}

/// The lines of `text` (LF, CRLF or lone CR), starting at byte `from`, as
/// they are found: one pass, no vector. A final line without terminator
/// counts; an empty input has no line.
pub(crate) fn lines(text: &str, from: usize) -> Lines<'_> {
    let rest = text.as_bytes().get(from..).unwrap_or_default();
    // Most dumps have no carriage return: line feeds are found a block at
    // a time, and the block search notes a carriage return on the way,
    // then searches for both from that block on.
    let breaks = Breaks::new(rest);
    Lines {
        bytes: text.as_bytes(),
        from,
        start: from,
        number: 1,
        breaks,
    }
}

/// The line breaks of a text, relative to where the search started.
enum Breaks<'a> {
    /// Line feeds only, found a 64-byte block at a time: `mask` has a bit
    /// for each line feed of the block at `base` not yet reported. No
    /// block up to that one holds a carriage return.
    Feeds {
        bytes: &'a [u8],
        base: usize,
        mask: u64,
    },
    /// Line feeds and carriage returns, from `base` on.
    Both {
        breaks: memchr::Memchr2<'a>,
        base: usize,
    },
}

impl<'a> Breaks<'a> {
    /// The line feeds and carriage returns of `bytes`.
    fn new(bytes: &'a [u8]) -> Self {
        match feeds(bytes) {
            Some(mask) => Breaks::Feeds {
                bytes,
                base: 0,
                mask,
            },
            None => Breaks::both(bytes, 0),
        }
    }

    /// Both kinds of break in `bytes`, from `base` on.
    fn both(bytes: &'a [u8], base: usize) -> Self {
        Breaks::Both {
            breaks: memchr::memchr2_iter(b'\n', b'\r', bytes.get(base..).unwrap_or_default()),
            base,
        }
    }
}

impl Iterator for Breaks<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        loop {
            match self {
                Breaks::Feeds { bytes, base, mask } => {
                    if *mask == 0 {
                        match next_block(bytes, *base)? {
                            (at, Some(found)) => (*base, *mask) = (at, found),
                            // A carriage return in the block at `at`: its
                            // breaks and all after are searched for both.
                            (at, None) => {
                                *self = Breaks::both(bytes, at);
                                continue;
                            }
                        }
                    }
                    let found = *base + mask.trailing_zeros() as usize;
                    // The lowest bit, reported, is cleared.
                    *mask &= *mask - 1;
                    return Some(found);
                }
                Breaks::Both { breaks, base } => return breaks.next().map(|at| *base + at),
            }
        }
    }
}

/// The first block after the one at `base` that has a line feed or a
/// carriage return: where it starts, and its line feeds (`None` when it
/// has a carriage return). Out of line: most lines end in the block where
/// they start.
#[inline(never)]
fn next_block(bytes: &[u8], mut base: usize) -> Option<(usize, Option<u64>)> {
    loop {
        base = base.saturating_add(BLOCK);
        match feeds(bytes.get(base..)?) {
            Some(0) => {}
            found => return Some((base, found)),
        }
    }
}

/// Bytes whose line feeds one step of the search finds.
const BLOCK: usize = 64;

/// A bit for each line feed among the first 64 bytes of `bytes` (fewer at
/// the end of the text), or `None` when they hold a carriage return. One
/// line's search is then a bit scan, whatever its length: dumps have many
/// blank and short lines, for which a call to a vector search costs more
/// to start than it saves; and the text is read once, not first for
/// carriage returns (a pass over the whole input, from memory, before the
/// parse began).
#[inline]
fn feeds(bytes: &[u8]) -> Option<u64> {
    let (mask, cr) = match bytes.first_chunk::<BLOCK>() {
        Some(block) => crate::vector::eq_mask64_and_any(block, b'\n', b'\r'),
        None => {
            let mut block = [0; BLOCK];
            block[..bytes.len()].copy_from_slice(bytes);
            crate::vector::eq_mask64_and_any(&block, b'\n', b'\r')
        }
    };
    (!cr).then_some(mask)
}

/// The iterator of [`lines`].
pub(crate) struct Lines<'a> {
    bytes: &'a [u8],
    /// Where the search for breaks started, and where the next line does.
    from: usize,
    start: usize,
    number: usize,
    breaks: Breaks<'a>,
}

impl Iterator for Lines<'_> {
    type Item = Line;

    #[inline]
    fn next(&mut self) -> Option<Line> {
        let Some(rel) = self.breaks.next() else {
            // The last line, when it has no terminator.
            if self.start >= self.bytes.len() {
                return None;
            }
            let line = Line {
                start: self.start,
                end: self.bytes.len(),
                number: self.number,
            };
            self.start = self.bytes.len();
            return Some(line);
        };
        let pos = self.from + rel;
        let line = Line {
            start: self.start,
            end: pos,
            number: self.number,
        };
        self.number += 1;
        self.start = pos + 1;
        if self.bytes[pos] == b'\r' && self.bytes.get(pos + 1) == Some(&b'\n') {
            // CRLF: skip the LF, which the search reports next.
            self.breaks.next();
            self.start += 1;
        }
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(usize, usize, usize)> {
        lines(text, content_start(text))
            .map(|l| (l.start, l.end, l.number))
            .collect()
    }

    /// The block search finds the breaks memchr finds, wherever line
    /// feeds and carriage returns lie against the block edges, in texts
    /// of every length around them; a text switches to the search for
    /// both at the block of its first carriage return.
    #[test]
    fn ok_breaks_as_memchr() {
        for len in 0..200 {
            for step in [1, 2, 3, 7, 63, 64, 65, 500] {
                for first in 0..step.min(len + 1) {
                    let mut bytes = vec![b'a'; len];
                    for b in bytes.iter_mut().skip(first).step_by(step) {
                        *b = b'\n';
                    }
                    let expected: Vec<usize> = memchr::memchr_iter(b'\n', &bytes).collect();
                    let found: Vec<usize> = Breaks::new(&bytes).collect();
                    assert_eq!(found, expected, "{len} {step} {first}");
                    // A carriage return at a few places, after and among
                    // the line feeds.
                    for cr in [0, 1, 63, 64, 65, 127, 128, 150, 199] {
                        let Some(b) = bytes.get(cr) else { continue };
                        let mut with = bytes.clone();
                        with[cr] = if *b == b'\n' { b'\n' } else { b'\r' };
                        let expected: Vec<usize> =
                            memchr::memchr2_iter(b'\n', b'\r', &with).collect();
                        let found: Vec<usize> = Breaks::new(&with).collect();
                        assert_eq!(found, expected, "{len} {step} {first} {cr}");
                    }
                }
            }
        }
    }

    #[test]
    fn ok_line_ends() {
        assert_eq!(
            spans("a\nb\r\nc\rd"),
            [(0, 1, 1), (2, 3, 2), (5, 6, 3), (7, 8, 4)]
        );
        assert_eq!(spans("a\n"), [(0, 1, 1)]);
        assert_eq!(spans(""), []);
        assert_eq!(spans("\n\n"), [(0, 0, 1), (1, 1, 2)]);
        assert_eq!(spans("\r\r\n"), [(0, 0, 1), (1, 1, 2)]);
    }

    #[test]
    fn ok_bom_is_skipped_but_counted() {
        assert_eq!(spans("\u{feff}ab\ncd"), [(3, 5, 1), (6, 8, 2)]);
    }

    #[test]
    fn ok_repair_reports_offsets() {
        let r = repair_utf8(b"a\xff\xfeb\xe2\x80");
        assert_eq!(r.text, "a\u{fffd}\u{fffd}b\u{fffd}");
        assert_eq!(r.invalid, [1, 2, 4]);
        assert!(matches!(repair_utf8(b"ok").text, Cow::Borrowed("ok")));
    }

    #[test]
    fn err_invalid_utf8_names_position() {
        let err = decode(b"ab\r\n\xc3\xa8x\xffz").unwrap_err();
        assert_eq!((err.offset(), err.line(), err.column()), (7, 2, 3));
        assert_eq!(err.kind(), &ErrorKind::InvalidUtf8 { len: Some(1) });
        let err = decode(b"ab\xe2\x80").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::InvalidUtf8 { len: None });
        assert_eq!(
            err.to_string(),
            "invalid UTF-8: the input ends inside a character at byte 2 (line 1, column 3)"
        );
    }
}
