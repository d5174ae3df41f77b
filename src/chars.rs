//! Character classes and byte scans on the hot path.
//!
//! The standard library answers `is_alphanumeric` for any character with a
//! table search; dumps are mostly ASCII and Latin letters, which these
//! functions answer with a comparison or two, falling back to the standard
//! library for the rest. The answers are the standard library's for every
//! character (a test checks all of them). The scans (words, white space,
//! digits, runs of letters) step over ASCII a byte at a time, and each
//! has a test against its definition in terms of the standard library.

/// Whether `bytes` holds at least `n` ASCII digits.
pub(crate) fn has_digits(bytes: &[u8], n: usize) -> bool {
    n == 0
        || bytes
            .iter()
            .filter(|b| b.is_ascii_digit())
            .nth(n - 1)
            .is_some()
}

/// `char::is_alphanumeric`, fast for ASCII and the Latin blocks.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        (c as u8).is_ascii_alphanumeric()
    } else if u < 0x250 {
        // And among the symbols below U+00C0, the superscript digits and
        // vulgar fractions.
        is_latin_letter(u) || matches!(u, 0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE)
    } else if is_symbol_block(u) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// Whether `u` (from U+0080 to U+024F: Latin-1 Supplement, Latin
/// Extended-A and -B) is a letter: all are but the multiplication and
/// division signs and, below U+00C0, the symbols other than the ordinal
/// indicators and the micro sign.
#[inline]
fn is_latin_letter(u: u32) -> bool {
    matches!(u, 0xAA | 0xB5 | 0xBA | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..)
}

/// Blocks with no letter or digit that dumps are full of: general
/// punctuation (dashes, quotes, the ellipsis, invisible spaces), arrows,
/// geometric shapes.
#[inline]
fn is_symbol_block(u: u32) -> bool {
    matches!(u, 0x2000..=0x206F | 0x2190..=0x21FF | 0x25A0..=0x25FF)
}

/// `char::is_alphabetic`, fast for ASCII and the Latin blocks.
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        (c as u8).is_ascii_alphabetic()
    } else if u < 0x250 {
        is_latin_letter(u)
    } else if is_symbol_block(u) {
        false
    } else {
        c.is_alphabetic()
    }
}

/// Whether `text` starts with a letter or digit.
#[inline]
pub(crate) fn starts_alnum(text: &str) -> bool {
    text.chars().next().is_some_and(is_alnum)
}

/// `text` without the characters that are not letters or digits at
/// either end (`trim_matches(|c| !c.is_alphanumeric())`, in a plain loop:
/// ASCII bytes are judged as bytes).
pub(crate) fn trim_symbols(text: &str) -> &str {
    let bytes = text.as_bytes();
    let start = match bytes
        .iter()
        .position(|b| !b.is_ascii() || b.is_ascii_alphanumeric())
    {
        Some(i) if bytes[i].is_ascii() => i,
        Some(i) => text[i..]
            .char_indices()
            .find(|&(_, c)| is_alnum(c))
            .map_or(text.len(), |(j, _)| i + j),
        None => text.len(),
    };
    let text = &text[start..];
    let bytes = text.as_bytes();
    let end = match bytes
        .iter()
        .rposition(|b| !b.is_ascii() || b.is_ascii_alphanumeric())
    {
        Some(i) if bytes[i].is_ascii() => i + 1,
        Some(i) => text[..=i]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_alnum(c))
            .map_or(0, |(j, c)| j + c.len_utf8()),
        None => 0,
    };
    &text[..end]
}

/// Whether `b` is the lead byte of one of the wider white space
/// characters (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000), or of
/// another character that shares it: the only bytes beyond ASCII that a
/// white space search must decode.
#[inline]
fn wide_space_lead(b: u8) -> bool {
    matches!(b, 0xC2 | 0xE1..=0xE3)
}

/// The last word of `text` (after its last white space). Bytes are
/// searched backwards; only the lead bytes of the wider white space
/// characters are decoded.
pub(crate) fn last_word(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while let Some(i) = bytes[..end]
        .iter()
        .rposition(|&b| matches!(b, b' ' | b'\t'..=b'\r') || wide_space_lead(b))
    {
        if bytes[i].is_ascii() {
            return &text[i + 1..];
        }
        // A lead byte, so a character starts here.
        if let Some(c) = text[i..].chars().next().filter(|c| c.is_whitespace()) {
            return &text[i + c.len_utf8()..];
        }
        end = i;
    }
    text
}

/// `text.trim_end()`, with no character decoded when `text` ends with a
/// visible ASCII character, as most lines do.
#[inline]
pub(crate) fn trim_end(text: &str) -> &str {
    match text.as_bytes().last() {
        Some(b) if b.is_ascii_graphic() => text,
        _ => text.trim_end(),
    }
}

/// `text.trim_start()`, with no character decoded when `text` opens with
/// a visible ASCII character. (Counting spaces first, as [`space_len_at`]
/// does, measured slower where this is called: most texts open visibly.)
#[inline]
pub(crate) fn trim_start(text: &str) -> &str {
    match text.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => text,
        _ => text.trim_start(),
    }
}

/// Bytes of white space that open `text` (`text.len() -
/// text.trim_start().len()`), ASCII spaces counted without decoding.
#[inline]
pub(crate) fn space_len_at(text: &str) -> usize {
    let spaces = text.bytes().take_while(|&b| b == b' ').count();
    match text.as_bytes().get(spaces) {
        Some(b) if b.is_ascii_graphic() => spaces,
        None => spaces,
        Some(_) => text.len() - text.trim_start().len(),
    }
}

/// The offset of the first white space character of `text`, or its
/// length: ASCII bytes are tested as bytes, and only the lead bytes of the
/// wider white space characters are decoded.
#[inline]
pub(crate) fn next_space(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b' ' | b'\t'..=b'\r' => return i,
            b if wide_space_lead(b) => {
                let c = text[i..].chars().next().unwrap_or_default();
                if c.is_whitespace() {
                    return i;
                }
                i += c.len_utf8().max(1);
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Whether `text` has at most `n` words (runs between white space), as
/// `split_whitespace().count() <= n`, counted without building them.
pub(crate) fn at_most_words(text: &str, n: usize) -> bool {
    // A word and the white space after it take two bytes at least: a text
    // of 2n bytes holds n words at most.
    if text.len() <= n.saturating_mul(2) {
        return true;
    }
    let mut rest = text;
    let mut count = 0;
    loop {
        rest = &rest[space_len_at(rest)..];
        if rest.is_empty() {
            return true;
        }
        count += 1;
        if count > n {
            return false;
        }
        rest = &rest[next_space(rest)..];
    }
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

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = &self.rest[space_len_at(self.rest)..];
        if rest.is_empty() {
            self.rest = rest;
            return None;
        }
        let (word, after) = rest.split_at(next_space(rest));
        self.rest = after;
        Some(word)
    }
}

/// Whether the character whose encoding starts at byte `at` of `bytes`
/// may be an inline bullet (`grammar::bullet::is_inline_bullet`), judged
/// by its first bytes: `·` (C2 B7), anything opening with F0 (emoji),
/// and E2 less the general punctuation, superscripts and currency that
/// hold no bullet (quotes, dashes, the ellipsis, white space: E2 80 and
/// E2 81 but `‒`, `•`, `‣` and `⁃`; E2 82). Blog text has a quote every
/// few dozen bytes; a paragraph whose lead bytes are all such is spared
/// the inline-list search.
pub(crate) fn may_open_inline_bullet(bytes: &[u8], at: usize) -> bool {
    let next = bytes.get(at + 1).copied().unwrap_or(0);
    let third = bytes.get(at + 2).copied().unwrap_or(0);
    match bytes.get(at) {
        Some(0xC2) => next == 0xB7,
        Some(0xE2) => match next {
            0x80 => matches!(third, 0x92 | 0xA2 | 0xA3),
            0x81 => third == 0x83,
            0x82 => false,
            _ => true,
        },
        Some(0xF0) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_has_digits_counts() {
        for text in ["", "1", "12", "123", "a1b2c3", "abcdefgh1234567", "١٢٣ 1 2"] {
            let count = text.bytes().filter(u8::is_ascii_digit).count();
            for n in 0..5 {
                assert_eq!(has_digits(text.as_bytes(), n), count >= n, "{text} {n}");
            }
        }
    }

    #[test]
    fn ok_words_and_trim_as_std() {
        for text in [
            "",
            "  ",
            "a",
            " uno  due\u{a0}tre\tquattro\u{2003}cinque ",
            "«1» [2] … 3 →",
            "è\u{85}più\u{3000}già",
            "fine →",
            "x\u{a0}",
            "«città» è",
            "→ a.b …",
        ] {
            let ours: Vec<_> = words(text).collect();
            let std: Vec<_> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
            assert_eq!(
                space_len_at(text),
                text.len() - text.trim_start().len(),
                "{text:?}"
            );
            for n in 0..8 {
                assert_eq!(
                    at_most_words(text, n),
                    text.split_whitespace().count() <= n,
                    "{text:?} {n}"
                );
            }
            assert_eq!(
                next_space(text),
                text.find(char::is_whitespace).unwrap_or(text.len()),
                "{text:?}"
            );
            assert_eq!(trim_end(text), text.trim_end(), "{text:?}");
            assert_eq!(trim_start(text), text.trim_start(), "{text:?}");
            assert_eq!(
                last_word(text),
                text.rsplit(char::is_whitespace).next().unwrap_or(text),
                "{text:?}"
            );
            assert_eq!(
                trim_symbols(text),
                text.trim_matches(|c: char| !c.is_alphanumeric()),
                "{text:?}"
            );
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
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
        }
    }
}
