//! Text normalisation: NFC, white space folded to single spaces, trimmed.
//!
//! White space is Unicode White_Space (`char::is_whitespace`, NBSP
//! included). Text that is already normal is returned borrowed; only text
//! that must change is copied.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::vector::{Bytes16, LANES};

/// Normalises `text`: NFC, every run of white space folded to one space,
/// trimmed. Borrows when nothing changes.
pub fn normalize(text: &str) -> Cow<'_, str> {
    normalize_and_probe(text).0
}

/// [`normalize`], and whether `text` may hold a character whose encoding
/// opens with C2, E2 or F0 (symbols such as `·`, `•`, `✔` and emoji)
/// within its white space ends: `false` means it surely holds none, which
/// the check for normal text learns on the way.
pub(crate) fn normalize_and_probe(text: &str) -> (Cow<'_, str>, bool) {
    // Most texts open and close with a visible ASCII character: nothing to
    // trim, and no character to decode to know it.
    let trimmed = crate::chars::trim_start(crate::chars::trim_end(text));
    match clean(trimmed) {
        Clean::Plain => return (Cow::Borrowed(trimmed), false),
        Clean::Symbols => return (Cow::Borrowed(trimmed), true),
        Clean::Unknown => {}
    }
    (normalize_slowly(trimmed), true)
}

/// [`normalize`] for a trimmed text that [`clean`] could not settle.
fn normalize_slowly(trimmed: &str) -> Cow<'_, str> {
    let nfc = is_stable(trimmed) || is_nfc_quick(trimmed.chars()) == IsNormalized::Yes;
    if nfc && !needs_folding(trimmed) {
        return Cow::Borrowed(trimmed);
    }
    if nfc {
        return Cow::Owned(fold(trimmed));
    }
    let composed: String = trimmed.nfc().collect();
    Cow::Owned(fold(composed.trim()))
}

/// Whether byte `b` can be passed over without a look: printable ASCII,
/// a continuation byte, a lead byte of U+0080..U+02FF, or the lead byte E2
/// that [`clean`] checks on its own (C2 too: U+0080..U+00BF).
#[inline]
fn simple(b: u8) -> bool {
    (b.wrapping_sub(0x20) < 0x5F) | (b.wrapping_sub(0x80) < 0x4C) | (b == 0xE2)
}

/// The bytes of sixteen that are not [`simple`]. As signed bytes,
/// 0xCC..=0xFF and 0x00..=0x1F are the range -52..=31, which subtracting
/// 76 (wrapping) moves to -128..=-45, below -44: one addition, one
/// comparison. 0x7F is the other; the lead byte E2 is let through.
#[inline(always)]
fn not_simple16(a: Bytes16) -> Bytes16 {
    a.add(76_u8.wrapping_neg())
        .lt(-44)
        .or(a.eq(0x7F))
        .and_not(a.eq(0xE2))
}

/// What [`clean`] found.
enum Clean {
    /// Normal, with no lead byte C2 or E2 (and so, being normal, no F0).
    Plain,
    /// Normal, with a lead byte C2 or E2.
    Symbols,
    /// Not settled: take the full path.
    Unknown,
}

/// The common case, sixteen bytes at a time: `text` (trimmed) is NFC and
/// has no white space but single ASCII spaces. Characters below U+0300
/// are NFC; so are general punctuation and currency (U+2002..U+20BF:
/// typographic quotes, dashes, the ellipsis, the euro), where the white
/// space that must fold also lives. [`Clean::Unknown`] means "take the
/// full path", not "not clean".
fn clean(text: &str) -> Clean {
    let bytes = text.as_bytes();
    let Some((&last, _)) = bytes.split_last() else {
        return Clean::Plain;
    };
    // Each byte is simple and no space follows a space; lead bytes C2 and
    // E2 are noted. `this` and `next` pair each byte but the last with the
    // byte after it.
    let (this, next) = (&bytes[..bytes.len() - 1], &bytes[1..]);
    let (mut bad, mut look) = (!simple(last), (last == 0xC2) | (last == 0xE2));
    if this.len() < LANES {
        for (&x, &y) in this.iter().zip(next) {
            bad |= !simple(x) | ((x == b' ') & (y == b' '));
            look |= (x == 0xC2) | (x == 0xE2);
        }
    } else {
        // Blocks of sixteen, whose lanes are gathered into two vectors and
        // read once at the end; the last block overlaps the one before it
        // rather than leaving bytes to a scalar loop.
        let (mut bad_lanes, mut leads) = (Bytes16::splat(0), Bytes16::splat(0));
        let mut at = 0;
        loop {
            let from = at.min(this.len() - LANES);
            let (Some(a), Some(b)) = (
                this[from..].first_chunk::<LANES>(),
                next[from..].first_chunk::<LANES>(),
            ) else {
                break;
            };
            let (a, b) = (Bytes16::load(a), Bytes16::load(b));
            bad_lanes = bad_lanes.or(not_simple16(a)).or(a.eq(b' ').and(b.eq(b' ')));
            leads = leads.or(a.eq(0xC2)).or(a.eq(0xE2));
            at = from + LANES;
            if at >= this.len() {
                break;
            }
        }
        bad |= bad_lanes.mask() != 0;
        look |= leads.mask() != 0;
    }
    if bad {
        return Clean::Unknown;
    }
    if !look {
        return Clean::Plain;
    }
    // Lead bytes C2 and E2 need a look at the bytes after them.
    let normal = memchr::memchr2_iter(0xC2, 0xE2, bytes).all(|i| {
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        let last = bytes.get(i + 2).copied().unwrap_or(0);
        match bytes[i] {
            // U+0080..U+00BF less U+0085 and NBSP.
            0xC2 => next != 0x85 && next != 0xA0,
            // U+2000..U+20BF less the quads and the white space.
            _ => match next {
                0x80 => !matches!(last, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
                0x81 => last != 0x9F,
                0x82 => true,
                _ => false,
            },
        }
    });
    if normal {
        Clean::Symbols
    } else {
        Clean::Unknown
    }
}

/// A fast check that `text` is NFC: every character is below U+0300 (no
/// combining mark, nothing to compose with one) or general punctuation
/// other than the two quads
/// (typographic quotes, dashes, ellipsis). Blog text mostly is; `false`
/// only means "ask the full quick check".
fn is_stable(text: &str) -> bool {
    let bytes = text.as_bytes();
    // U+0000..U+02FF (ASCII, Latin-1, Latin Extended) has lead bytes up to
    // CB and continuation bytes below C0: every byte is at most CB, or E2.
    // Blocks of 32 with no early exit compile to SIMD compares.
    let below = bytes.chunks(32).all(|block| {
        block
            .iter()
            .fold(true, |ok, &b| ok & ((b <= 0xCB) | (b == 0xE2)))
    });
    // U+2002..U+206F: E2 80 xx and E2 81 xx, less U+2000 and U+2001 (en
    // and em quad), which NFC replaces.
    below
        && memchr::memchr_iter(0xE2, bytes).all(|i| {
            matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0x80), Some(0x82..)) | (Some(0x81), _)
            )
        })
}

/// Whether `text` (already trimmed) has white space other than single
/// ASCII spaces. A few vectorised byte searches: two spaces in a row,
/// ASCII control white space, and the lead bytes of the non-ASCII white
/// space characters: U+0085, U+00A0 (C2 85, C2 A0), U+1680 (E1 9A 80),
/// U+2000..U+200A, U+2028, U+2029, U+202F (E2 80 xx), U+205F (E2 81 9F)
/// and U+3000 (E3 80 80).
fn needs_folding(text: &str) -> bool {
    let bytes = text.as_bytes();
    if memchr::memmem::find(bytes, b"  ").is_some()
        || memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_some()
        || memchr::memchr2(b'\x0b', b'\x0c', bytes).is_some()
    {
        return true;
    }
    memchr::memchr3_iter(0xC2, 0xE2, 0xE1, bytes)
        .chain(memchr::memchr_iter(0xE3, bytes))
        .any(|i| {
            matches!(
                (bytes[i], bytes.get(i + 1), bytes.get(i + 2)),
                (0xC2, Some(0x85 | 0xA0), _)
                    | (0xE1, Some(0x9A), Some(0x80))
                    | (0xE2, Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))
                    | (0xE2, Some(0x81), Some(0x9F))
                    | (0xE3, Some(0x80), Some(0x80))
            )
        })
}

/// Folds every run of white space in `text` (already trimmed) to one space.
fn fold(text: &str) -> String {
    // Hard-wrapped text, the common case: its white space is single ASCII
    // characters (a line feed between words), each becoming a space, in a
    // byte map that compiles to SIMD.
    if single_ascii_spaces(text) {
        let mapped: Vec<u8> = text
            .bytes()
            .map(|b| if matches!(b, b'\t'..=b'\r') { b' ' } else { b })
            .collect();
        // ASCII bytes mapped to ASCII bytes: still UTF-8.
        if let Ok(folded) = String::from_utf8(mapped) {
            return folded;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // Runs of text copied whole, each run of white space as one space.
    loop {
        let run = crate::chars::next_space(rest);
        out.push_str(&rest[..run]);
        rest = &rest[run..];
        let space = crate::chars::space_len_at(rest);
        if space == 0 {
            return out;
        }
        out.push(' ');
        rest = &rest[space..];
    }
}

/// Whether the white space of `text` is all single ASCII characters: no
/// two ASCII white space bytes in a row, and no lead byte of a wider white
/// space character (C2, E1, E2, E3) that starts one.
fn single_ascii_spaces(text: &str) -> bool {
    let bytes = text.as_bytes();
    let ws = |b: u8| matches!(b, b' ' | b'\t'..=b'\r');
    let Some(pairs) = bytes.len().checked_sub(1) else {
        return true;
    };
    let (this, next) = (&bytes[..pairs], &bytes[1..]);
    let runs = this.chunks(32).zip(next.chunks(32)).any(|(a, b)| {
        a.iter()
            .zip(b)
            .fold(false, |run, (&x, &y)| run | (ws(x) & ws(y)))
    });
    if runs {
        return false;
    }
    let wide = |i: usize| {
        text.get(i..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_whitespace)
    };
    !memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes).any(wide)
        && !memchr::memchr_iter(0xE3, bytes).any(wide)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ok_probe_tells_symbols() {
        for (text, symbols) in [
            ("Ascoltare i clienti.", false),
            ("Qualità e città, più già.", false),
            ("Le regole • Ascolta. • Rispondi.", true),
            ("l’azienda", true),
            ("prezzo · 3 €", true),
            ("fatto ✔", true),
            ("brava 👍", true),
        ] {
            assert_eq!(normalize_and_probe(text).1, symbols, "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

        /// The probe never says "none" of a text that holds a lead byte
        /// C2, E2 or F0 between its white space ends, and its text is the
        /// normalised text.
        #[test]
        fn probe_misses_no_symbol(text in "[a-zà-ü ,.•·–’✔\u{a0}\u{85}\u{2028}👍e\u{301}\t\n]{0,80}") {
            let (normal, symbols) = normalize_and_probe(&text);
            prop_assert_eq!(&*normal, &*normalize(&text));
            let leads = text.trim().bytes().any(|b| matches!(b, 0xC2 | 0xE2 | 0xF0));
            prop_assert!(symbols || !leads, "{:?}", text);
        }
    }

    /// The definition: NFC, then white space folded and trimmed.
    fn by_definition(text: &str) -> String {
        let nfc: String = text.nfc().collect();
        nfc.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// [`normalize`] gives the definition's text, borrowed exactly when
    /// that is the input less its white space ends.
    fn agrees_with_definition(text: &str) -> Result<(), TestCaseError> {
        let normal = normalize(text);
        let expected = by_definition(text);
        prop_assert_eq!(&*normal, &expected);
        let borrowed = matches!(normal, Cow::Borrowed(_));
        prop_assert_eq!(borrowed, expected == text.trim(), "{:?}", text);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

        /// The vector checks and the full path give the definition's text,
        /// borrowed exactly when it is the input less its white space
        /// ends: on texts of every length around the block size, with
        /// doubled spaces, white space of every kind, symbols and
        /// decomposed accents anywhere in them.
        #[test]
        fn normalize_is_its_definition(text in "([a-zA-Z]{1,9}|[ ]{1,2}|[àèìòùÉ×÷]|[\u{a0}\u{85}\u{2000}-\u{200b}\u{2028}\u{202f}\u{205f}\u{3000}\t\r\n\u{b}\u{c}]|[•·–—’“”…€✔👍]|e\u{301}|\u{7f}|\u{1}){0,40}") {
            agrees_with_definition(&text)?;
        }

        /// The same on texts that are mostly clean, where a doubled space
        /// or one unusual character decides.
        #[test]
        fn normalize_is_its_definition_on_clean_text(text in "([a-zA-Z.,]{1,12}|[ ]|[ ]{2}|[àèÉ’–€]|[\u{a0}\t\u{2002}\u{85}]|[\u{c2}\u{e2}]){0,30}") {
            agrees_with_definition(&text)?;
        }
    }

    #[test]
    fn ok_clean_text_borrows() {
        assert!(matches!(
            normalize("  già fatto "),
            Cow::Borrowed("già fatto")
        ));
    }

    #[test]
    fn ok_white_space_folds() {
        assert_eq!(normalize("a\u{a0}\u{a0} b\r\n\tc"), "a b c");
        assert_eq!(normalize("\u{2003}x\u{3000}"), "x");
    }

    #[test]
    fn ok_every_white_space_character_folds() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
        {
            assert_eq!(normalize(&format!("a{c}b")), "a b", "U+{:04X}", c as u32);
        }
        for c in ['\u{2019}', '\u{2026}', '\u{201c}', '\u{200b}', '\u{a9}'] {
            let text = format!("a{c}b");
            assert!(
                matches!(normalize(&text), Cow::Borrowed(_)),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn ok_quads_become_spaces_like_nfc_would() {
        assert_eq!(normalize("a\u{2000}\u{2001}b"), "a b");
    }

    #[test]
    fn ok_decomposed_accents_compose() {
        assert_eq!(normalize("perche\u{301}  e\u{300}"), "perché è");
    }
}
