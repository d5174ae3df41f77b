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

/// What a character is, for a line's [`Tally`]: bits of a byte.
pub(crate) mod class {
    /// Part of a word (`\w`: letters, digits, `_`).
    pub const WORD: u8 = 1;
    /// An upper-case letter.
    pub const UPPER: u8 = 2;
    /// A lower-case letter.
    pub const LOWER: u8 = 4;
    /// A digit.
    pub const DIGIT: u8 = 8;
    /// White space.
    pub const SPACE: u8 = 16;
    /// A comma or semicolon.
    pub const COMMA: u8 = 32;
    /// A separator of menus and trails: `| » › · • > /`.
    pub const SEPARATOR: u8 = 64;
}

/// The class of each ASCII character, looked up rather than asked of
/// `char` one method at a time: most characters of a dump are ASCII.
const ASCII_CLASS: [u8; 128] = {
    use class::*;
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_uppercase() {
            WORD | UPPER
        } else if c.is_ascii_lowercase() {
            WORD | LOWER
        } else if c.is_ascii_digit() {
            WORD | DIGIT
        } else if c == b'_' {
            WORD
        } else if c.is_ascii_whitespace() || c == 0x0b {
            SPACE
        } else if c == b',' || c == b';' {
            COMMA
        } else if c == b'|' || c == b'>' || c == b'/' {
            SEPARATOR
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The class of a character outside ASCII.
fn class_of(c: char) -> u8 {
    use class::*;
    if is_alnum(c) {
        WORD | if c.is_uppercase() {
            UPPER
        } else if c.is_lowercase() {
            LOWER
        } else if c.is_numeric() {
            DIGIT
        } else {
            0
        }
    } else if c.is_whitespace() {
        SPACE
    } else if matches!(c, '»' | '›' | '·' | '•') {
        SEPARATOR
    } else {
        0
    }
}

/// Words in lower case of at most this many characters are *function
/// words* (a stop word, in most languages with spaces).
pub(crate) const FUNCTION_WORD_CHARS: u32 = 3;

/// What a line's characters count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Characters.
    pub chars: u32,
    /// Runs of word characters (`\w+`).
    pub words: u32,
    /// Words that open with a capital, with a digit, in lower case.
    pub capitals: u32,
    pub digits: u32,
    pub lower: u32,
    /// Words in lower case of at most `FUNCTION_WORD_CHARS` characters.
    pub function: u32,
    /// Characters that are neither word characters nor white space.
    pub marks: u32,
    /// Commas and semicolons.
    pub commas: u32,
    /// Separators of menus and trails (`class::SEPARATOR`).
    pub separators: u32,
    /// The line holds a web or mail address: `@`, `://` or `www.`.
    pub address: bool,
}

/// Counts the characters, words and marks of `line`; `classes` is a
/// buffer the caller keeps from line to line.
///
/// The count is two passes with no state carried from one character to
/// the next: first the class of each character (a table look-up for
/// ASCII, the `char` methods beyond it) into `classes`, padded with
/// spaces; then each count is a sum over every character of a test of
/// its class and its neighbours' (a word opens where a word character
/// follows another class; a function word is one that opens in lower
/// case and closes within `FUNCTION_WORD_CHARS`). Where an automaton
/// waits on its state at every byte, these sums do not wait on each
/// other, and the compiler adds sixteen characters at once.
pub(crate) fn tally(line: &str, classes: &mut Vec<u8>) -> Tally {
    use class::*;
    const AFTER: usize = FUNCTION_WORD_CHARS as usize;
    let bytes = line.as_bytes();
    // A class a character, between the padding. Sixteen bytes of ASCII
    // at a time are looked up in a loop the compiler unrolls; else one
    // character, an ASCII byte's class from the table and a longer
    // character's from `class_of`.
    const RUN: usize = 16;
    classes.clear();
    classes.push(SPACE);
    let mut i = 0;
    while i < bytes.len() {
        let run = &bytes[i..(i + RUN).min(bytes.len())];
        if run.is_ascii() {
            classes.extend(run.iter().map(|&b| ASCII_CLASS[usize::from(b & 0x7f)]));
            i += run.len();
            continue;
        }
        let c = line.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
        classes.push(match u8::try_from(c) {
            Ok(b) if b.is_ascii() => ASCII_CLASS[usize::from(b)],
            _ => class_of(c),
        });
        i += c.len_utf8();
    }
    let n = classes.len() - 1;
    classes.extend([SPACE; AFTER]);
    let mut t = Tally {
        chars: n as u32,
        ..Tally::default()
    };
    // Each count is summed a byte wide over a chunk of characters (one
    // at most a character: no chunk overflows it), then added to the
    // tally: the compiler sums sixteen characters at once that way.
    let has = |c: u8, class: u8| u8::from(c & class != 0);
    for start in (0..n).step_by(usize::from(u8::MAX)) {
        let len = (n - start).min(usize::from(u8::MAX));
        let at = |k: usize| &classes[start + k..start + k + len];
        let (before, this) = (at(0), at(1));
        let (next, next2, next3) = (at(2), at(3), at(4));
        let (mut words, mut capitals, mut lower, mut digits) = (0u8, 0u8, 0u8, 0u8);
        let (mut function, mut marks, mut commas, mut separators) = (0u8, 0u8, 0u8, 0u8);
        for i in 0..len {
            let c = this[i];
            let opens = has(c & !before[i], WORD);
            let is_lower = has(c, LOWER);
            let closes_soon = has(!(next[i] & next2[i] & next3[i]), WORD);
            words += opens;
            capitals += opens & has(c, UPPER);
            lower += opens & is_lower;
            digits += opens & has(c, DIGIT);
            function += opens & is_lower & closes_soon;
            marks += 1 - has(c, WORD | SPACE);
            commas += has(c, COMMA);
            separators += has(c, SEPARATOR);
        }
        t.words += u32::from(words);
        t.capitals += u32::from(capitals);
        t.lower += u32::from(lower);
        t.digits += u32::from(digits);
        t.function += u32::from(function);
        t.marks += u32::from(marks);
        t.commas += u32::from(commas);
        t.separators += u32::from(separators);
    }
    t.address = memchr::memchr3_iter(b'@', b':', b'.', bytes).any(|at| match bytes[at] {
        b'@' => true,
        b':' => bytes[at + 1..].starts_with(b"//"),
        _ => at >= 3 && bytes[at - 3..at].eq_ignore_ascii_case(b"www"),
    });
    t
}

/// Calls `each` with the hash of every word of `line` (a run of word
/// characters, as [`tally`] counts them) folded to lower case, FNV-1a
/// over its characters, until `each` returns `false`.
pub(crate) fn word_hashes(line: &str, mut each: impl FnMut(u64) -> bool) {
    const SEED: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let bytes = line.as_bytes();
    let (mut hash, mut in_word, mut i) = (SEED, false, 0);
    while i < bytes.len() {
        let (is_word, folded) = match bytes[i] {
            b if b < 0x80 => {
                i += 1;
                (
                    ASCII_CLASS[usize::from(b)] & class::WORD != 0,
                    b.to_ascii_lowercase().into(),
                )
            }
            _ => {
                let c = line.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
                i += c.len_utf8();
                let folded = c.to_lowercase().next().unwrap_or(c);
                (class_of(c) & class::WORD != 0, u32::from(folded))
            }
        };
        if is_word {
            hash = (hash ^ u64::from(folded)).wrapping_mul(PRIME);
        } else if in_word {
            if !each(hash) {
                return;
            }
            hash = SEED;
        }
        in_word = is_word;
    }
    if in_word {
        each(hash);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tally's automaton agrees with the definition of each count in
    /// terms of `char` methods, in and out of ASCII, on every chunk size.
    #[test]
    fn ok_tally_agrees_with_its_definition() {
        let long = "Le aziende, poi, ascoltano: è già un passo. ".repeat(20);
        for line in [
            "Perché l’Università è già aperta: 3 corsi, 12 docenti.",
            "ÈCCO Привет мир — 한국어 텍스트 | Home » News",
            "a_b c1 ___ 42x; mail: x@y.it, www.tesi.it, https://a.b",
            "di",
            long.as_str(),
        ] {
            let words: Vec<&str> = line
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .collect();
            let first = |w: &&str| w.chars().next().unwrap_or(' ');
            let count = |f: &dyn Fn(&&str) -> bool| words.iter().filter(|w| f(w)).count() as u32;
            let t = tally(line, &mut Vec::new());
            assert_eq!(t.words, words.len() as u32, "{line}");
            assert_eq!(t.chars, line.chars().count() as u32, "{line}");
            assert_eq!(t.capitals, count(&|w| first(w).is_uppercase()), "{line}");
            assert_eq!(t.lower, count(&|w| first(w).is_lowercase()), "{line}");
            let function = count(&|w| first(w).is_lowercase() && w.chars().count() <= 3);
            assert_eq!(t.function, function, "{line}");
            let marks = line
                .chars()
                .filter(|&c| !(c.is_alphanumeric() || c == '_' || c.is_whitespace()))
                .count() as u32;
            assert_eq!(t.marks, marks, "{line}");
            assert_eq!(t.commas, line.matches([',', ';']).count() as u32, "{line}");
            let mut hashes = 0;
            word_hashes(line, |_| {
                hashes += 1;
                true
            });
            assert_eq!(hashes, words.len(), "{line}");
        }
        let address = |line| tally(line, &mut Vec::new()).address;
        assert!(address("scrivi a x@y.it") && address("vai su WWW.tesi.it"));
        assert!(!address("www senza punto"));
    }

    /// Words differing only in case hash alike; `each` stops the walk.
    #[test]
    fn ok_word_hashes_fold_case() {
        let mut a = Vec::new();
        word_hashes("Città ÈCCO", |h| {
            a.push(h);
            true
        });
        let mut b = Vec::new();
        word_hashes("città, ècco!", |h| {
            b.push(h);
            b.is_empty()
        });
        assert_eq!(a.len(), 2);
        assert_eq!(b, a[..1]);
    }

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
