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
    Lines {
        bytes: text.as_bytes(),
        from,
        start: from,
        number: 1,
        breaks: memchr::memchr2_iter(b'\n', b'\r', rest),
    }
}

/// The iterator of [`lines`].
pub(crate) struct Lines<'a> {
    bytes: &'a [u8],
    /// Where the search for breaks started, and where the next line does.
    from: usize,
    start: usize,
    number: usize,
    /// The line feeds and carriage returns after `from`, relative to it.
    breaks: memchr::Memchr2<'a>,
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

/// The text of each line of `text`, split as [`lines`] splits (LF, CRLF
/// or a lone CR), without its line end.
pub(crate) fn line_texts(text: &str) -> impl Iterator<Item = &str> {
    lines(text, 0).map(move |l| &text[l.start..l.end])
}

/// The number of line ends (LF, CRLF or a lone CR) in `text`.
pub(crate) fn line_ends(text: &str) -> usize {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(|&i| !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')))
        .count()
}

/// Whether `text` holds a line of white space only with a line before and
/// a line end after it.
pub(crate) fn has_blank_line(text: &str) -> bool {
    lines(text, 0)
        .skip(1)
        .any(|l| l.end < text.len() && text[l.start..l.end].trim().is_empty())
}

/// The line that ends right before byte `at` (which starts a line), if
/// there is one.
pub(crate) fn line_before(text: &str, at: usize) -> Option<&str> {
    let before = text.get(..at)?;
    let before = before
        .strip_suffix("\r\n")
        .or_else(|| before.strip_suffix(['\n', '\r']))?;
    Some(before.rsplit(['\n', '\r']).next().unwrap_or(before))
}

/// The line that starts right after the line end at byte `at` (where a
/// line ends), if there is one.
pub(crate) fn line_after(text: &str, at: usize) -> Option<&str> {
    let after = text.get(at..)?;
    let after = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix(['\n', '\r']))?;
    Some(after.split(['\n', '\r']).next().unwrap_or(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(usize, usize, usize)> {
        lines(text, content_start(text))
            .map(|l| (l.start, l.end, l.number))
            .collect()
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
    fn ok_line_helpers_agree_on_line_ends() {
        for end in ["\n", "\r\n", "\r"] {
            let text = ["uno", "", "due", "tre"].join(end);
            assert_eq!(
                line_texts(&text).collect::<Vec<_>>(),
                ["uno", "", "due", "tre"]
            );
            assert_eq!(line_ends(&text), 3);
            assert!(has_blank_line(&text));
            let due = text.find("due").unwrap();
            assert_eq!(line_before(&text, due), Some(""));
            assert_eq!(line_after(&text, due + 3), Some("tre"));
            assert_eq!(line_before(&text, 0), None);
        }
        assert!(!has_blank_line("uno\ndue\n"));
        assert!(has_blank_line("a\n  \nb"));
        assert!(!has_blank_line("a\n"));
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
