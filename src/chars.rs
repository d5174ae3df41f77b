//! Character classes on the hot path.
//!
//! The standard library answers `is_alphanumeric` for any character with a
//! table search; dumps are mostly ASCII and Latin letters, which these
//! functions answer with a comparison or two, falling back to the standard
//! library for the rest. The answers are the standard library's for every
//! character (a test checks all of them).

/// Bytes that are ASCII letters, digits or the space: the bytes a scan
/// over prose passes over without a second look.
static PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b' ';
        b += 1;
    }
    table
};

/// Whether `b` is an ASCII letter, digit or space.
#[inline]
pub(crate) fn is_plain_byte(b: u8) -> bool {
    PLAIN[b as usize]
}

/// `char::is_alphanumeric`, fast for ASCII and the Latin blocks.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        (c as u8).is_ascii_alphanumeric()
    } else if u < 0x250 {
        // Latin-1 Supplement and Latin Extended-A and -B: letters, except
        // the multiplication and division signs, and among the symbols
        // below U+00C0 the ordinal indicators, micro sign, superscript
        // digits and vulgar fractions.
        matches!(u, 0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..)
    } else {
        c.is_alphanumeric()
    }
}

/// Whether `text` starts with a letter or digit.
#[inline]
pub(crate) fn starts_alnum(text: &str) -> bool {
    text.chars().next().is_some_and(is_alnum)
}

/// `text` without the characters that are not letters or digits at
/// either end (`trim_matches(|c| !c.is_alphanumeric())`, in a plain loop).
pub(crate) fn trim_symbols(text: &str) -> &str {
    let start = text
        .char_indices()
        .find(|&(_, c)| is_alnum(c))
        .map_or(text.len(), |(i, _)| i);
    let text = &text[start..];
    let end = text
        .char_indices()
        .rev()
        .find(|&(_, c)| is_alnum(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[..end]
}

/// The words of `text` split at white space, as `str::split_whitespace`
/// gives them, stepping over ASCII a byte at a time.
pub(crate) fn words(text: &str) -> Words<'_> {
    Words { rest: text }
}

/// The iterator of [`words`].
pub(crate) struct Words<'a> {
    rest: &'a str,
}

/// Bytes of the white space character that starts `text`, or 0.
#[inline]
fn space_len(text: &str) -> usize {
    match text.as_bytes().first() {
        None => 0,
        Some(&b) if b < 0x80 => usize::from(matches!(b, b' ' | b'\t'..=b'\r')),
        Some(_) => text
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let mut rest = self.rest;
        loop {
            let n = space_len(rest);
            if n == 0 {
                break;
            }
            rest = &rest[n..];
        }
        if rest.is_empty() {
            self.rest = rest;
            return None;
        }
        let bytes = rest.as_bytes();
        let mut end = 0;
        while end < bytes.len() {
            let b = bytes[end];
            if b < 0x80 {
                if matches!(b, b' ' | b'\t'..=b'\r') {
                    break;
                }
                end += 1;
            } else {
                match rest[end..].chars().next() {
                    Some(c) if !c.is_whitespace() => end += c.len_utf8(),
                    _ => break,
                }
            }
        }
        self.rest = &rest[end..];
        Some(&rest[..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_words_and_trim_as_std() {
        for text in [
            "",
            "  ",
            "a",
            " uno  due\u{a0}tre\tquattro\u{2003}cinque ",
            "«1» [2] … 3 →",
            "è\u{85}più\u{3000}già",
        ] {
            let ours: Vec<_> = words(text).collect();
            let std: Vec<_> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
            for w in ours {
                assert_eq!(
                    trim_symbols(w),
                    w.trim_matches(|c: char| !c.is_alphanumeric()),
                    "{w:?}"
                );
            }
        }
    }

    #[test]
    fn ok_same_answers_as_std_for_every_char() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
        for b in 0..=255u8 {
            assert_eq!(
                is_plain_byte(b),
                b.is_ascii_alphanumeric() || b == b' ',
                "{b}"
            );
        }
    }
}
