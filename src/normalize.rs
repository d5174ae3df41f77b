//! Text normalisation: NFC, white space folded to single spaces, trimmed.
//!
//! White space is Unicode White_Space (`char::is_whitespace`, NBSP
//! included). Text that is already normal is returned borrowed; only text
//! that must change is copied.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::chars::may_open_inline_bullet;
use crate::vector::{Bytes16, LANES};

/// Normalises `text`: NFC, every run of white space folded to one space,
/// trimmed. Borrows when nothing changes.
pub fn normalize(text: &str) -> Cow<'_, str> {
    normalize_and_probe(text).0
}

/// [`normalize`], and whether `text` may hold an inline bullet (`·`, `•`,
/// `✔`, an emoji: see [`may_open_inline_bullet`]) within its white space
/// ends: `false` means it surely holds none, which the normalisation
/// learns on the way from the lead bytes it looks at anyway.
///
/// One pass ([`fold`]) settles most texts: it folds the white space and
/// tells whether NFC may change the text; only then is the quick NFC check
/// asked, and only text that fails it is composed.
pub(crate) fn normalize_and_probe(text: &str) -> (Cow<'_, str>, bool) {
    // Most texts open and close with a visible ASCII character: nothing to
    // trim, and no character to decode to know it.
    let trimmed = crate::chars::trim_start(crate::chars::trim_end(text));
    let folded = fold(trimmed);
    if !folded.unsure || is_nfc_quick(trimmed.chars()) == IsNormalized::Yes {
        return (folded.text, folded.bullets);
    }
    let composed: String = trimmed.nfc().collect();
    let text = Cow::Owned(fold(composed.trim()).text.into_owned());
    (text, folded.bullets)
}

/// Folds every run of white space in `text` (already trimmed) to one
/// space; borrows when every run is one ASCII space already. Also tells
/// whether NFC may change the text: `false` when every character is below
/// U+0300 (no combining mark, nothing to compose with one) or general
/// punctuation, a superscript or a currency sign (U+2000..U+20BF; the two
/// quads NFC replaces are white space, folded to a space either way).
///
/// Only the places where a run that must change may start are looked at,
/// with the bytes NFC may care about, found sixteen at a time
/// ([`fold_marks16`]); the text between them is copied whole. Blog text
/// has a no-break space or a line feed every few hundred bytes and a
/// typographic quote every few dozen: a byte loop over words cost some 50
/// instructions a byte on such paragraphs.
fn fold(text: &str) -> Folded<'_> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    // The bytes before `copied` are in `out`, or need no change.
    let mut copied = 0;
    let (mut unsure, mut bullets) = (false, false);
    fold_marks(bytes, |at| {
        let lead = bytes[at];
        if lead >= 0xC2 {
            bullets |= may_open_inline_bullet(bytes, at);
        }
        if lead >= 0xCC {
            let next = bytes.get(at + 1).copied().unwrap_or(0);
            unsure |= lead != 0xE2 || !matches!(next, 0x80..=0x82);
        }
        // A mark inside a run already folded, or a character that is no
        // white space (a typographic quote opens with E2 too).
        if at < copied || !may_open_white_space(bytes, at) {
            return;
        }
        let run = crate::chars::space_len_at(&text[at..]);
        if run == 0 {
            return;
        }
        // A single space before the mark belongs to its run (two spaces
        // would have been marked themselves).
        let start = if at > copied && bytes[at - 1] == b' ' {
            at - 1
        } else {
            at
        };
        let folded = out.get_or_insert_with(|| String::with_capacity(text.len()));
        folded.push_str(&text[copied..start]);
        folded.push(' ');
        copied = at + run;
    });
    let text = match out {
        None => Cow::Borrowed(text),
        Some(mut folded) => {
            folded.push_str(&text[copied..]);
            Cow::Owned(folded)
        }
    };
    Folded {
        text,
        unsure,
        bullets,
    }
}

/// What [`fold`] gives.
struct Folded<'a> {
    /// The text, folded.
    text: Cow<'a, str>,
    /// NFC may change the text.
    unsure: bool,
    /// A lead byte may open an inline bullet.
    bullets: bool,
}

/// Whether the character at a byte [`fold`] looks at may be white space,
/// judged by its first bytes: an ASCII byte (the search marks only white
/// space there), or the lead byte of U+0085 or U+00A0 (C2 85, C2 A0),
/// U+1680 (E1 9A), U+2000..U+200A, U+2028, U+2029, U+202F (E2 80), U+205F
/// (E2 81 9F) or U+3000 (E3 80). Typographic quotes and dashes, and the
/// bytes marked for NFC, are passed over without decoding.
fn may_open_white_space(bytes: &[u8], at: usize) -> bool {
    let next = bytes.get(at + 1).copied().unwrap_or(0);
    match bytes.get(at) {
        Some(0xC2) => matches!(next, 0x85 | 0xA0),
        Some(0xE1) => next == 0x9A,
        Some(0xE2) => match next {
            0x80 => matches!(bytes.get(at + 2), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)),
            0x81 => bytes.get(at + 2) == Some(&0x9F),
            _ => false,
        },
        Some(0xE3) => next == 0x80,
        Some(b) => b.is_ascii(),
        None => false,
    }
}

/// Whether [`fold`] looks at a byte `x` followed by `y`: where a run of
/// white space that folding changes may start (ASCII white space other
/// than the space, 09..=0D; a space before a space; the lead byte C2 of
/// U+0085 and U+00A0) and every byte from CC up, lead bytes of the
/// characters NFC may care about and of the wider white space (E1, E2,
/// E3: U+1680, U+2000..U+205F, U+3000).
#[inline]
fn fold_mark(x: u8, y: u8) -> bool {
    matches!(x, b'\t'..=b'\r' | 0xC2 | 0xCC..) || (x == b' ' && y == b' ')
}

/// [`fold_mark`] on sixteen lanes: `a` the bytes, `b` the bytes after
/// them, each range one addition and one signed comparison: 09..=0D move
/// to 80..=84 and CC..=FF to 80..=B3, below the other lanes.
#[inline(always)]
fn fold_marks16(a: Bytes16, b: Bytes16) -> Bytes16 {
    a.add(0x77)
        .lt(-123)
        .or(a.add(0xB4).lt(-76))
        .or(a.eq(0xC2))
        .or(a.eq(b' ').and(b.eq(b' ')))
}

/// Calls `f` with each offset of `bytes` that [`fold_mark`] marks, in
/// order (the last byte is paired with a byte that is no space).
///
/// Worth its vector lanes: over the `run.sh` corpus, one process, paired
/// in the same run, a parse took 398-403 ms with them and 573-578 ms
/// with the byte loop of the short-text branch below over every text
/// (the lanes save about 30% of a parse).
fn fold_marks(bytes: &[u8], mut f: impl FnMut(usize)) {
    let Some((&last, _)) = bytes.split_last() else {
        return;
    };
    let (this, next) = (&bytes[..bytes.len() - 1], &bytes[1..]);
    let mut give = |from: usize, mut mask: u64| {
        while mask != 0 {
            f(from + mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
    };
    if this.len() < LANES {
        for (i, (&x, &y)) in this.iter().zip(next).enumerate() {
            if fold_mark(x, y) {
                give(i, 1);
            }
        }
    } else {
        // Groups of 64 pairs, tested as four blocks whose lanes are read
        // only when one of them is marked (most groups of most texts have
        // none); then blocks of sixteen, the last overlapping the one
        // before it, over the lanes not given yet.
        let (groups, _) = this.as_chunks::<64>();
        let (next_groups, _) = next.as_chunks::<64>();
        for (g, (a, b)) in groups.iter().zip(next_groups).enumerate() {
            let (a, b) = (crate::vector::quarters(a), crate::vector::quarters(b));
            let marks = [0, 1, 2, 3].map(|k| fold_marks16(a[k], b[k]));
            if marks[0].or(marks[1]).or(marks[2]).or(marks[3]).mask() != 0 {
                give(g * 64, crate::vector::mask64(marks));
            }
        }
        let mut at = groups.len() * 64;
        while at < this.len() {
            let from = at.min(this.len() - LANES);
            let (Some(a), Some(b)) = (
                this[from..].first_chunk::<LANES>(),
                next[from..].first_chunk::<LANES>(),
            ) else {
                break;
            };
            let mask = fold_marks16(Bytes16::load(a), Bytes16::load(b)).mask();
            give(from, u64::from(mask & (u32::MAX << (at - from))));
            at = from + LANES;
        }
    }
    if fold_mark(last, 0) {
        f(bytes.len() - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ok_probe_tells_bullets() {
        for (text, bullets) in [
            ("Ascoltare i clienti.", false),
            ("Qualità e città, più già.", false),
            ("l’azienda “ascolta” – sempre…", false),
            ("l’azienda\u{a0} ascolta", false),
            ("Le regole • Ascolta. • Rispondi.", true),
            ("prezzo · 3 €", true),
            ("fatto ✔", true),
            ("brava 👍", true),
            ("brava\u{a0}👍", true),
        ] {
            assert_eq!(normalize_and_probe(text).1, bullets, "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

        /// The probe never says "none" of a text that holds an inline
        /// bullet between its white space ends, and its text is the
        /// normalised text.
        #[test]
        fn probe_misses_no_bullet(text in "[a-zà-ü ,.•·–’“✔\u{a0}\u{85}\u{2028}👍e\u{301}\t\n‣⁃−■]{0,80}") {
            let (normal, bullets) = normalize_and_probe(&text);
            prop_assert_eq!(&*normal, &*normalize(&text));
            let any = text.trim().chars().any(crate::grammar::bullet::is_inline_bullet);
            prop_assert!(bullets || !any, "{:?}", text);
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

        /// The same on long paragraphs, hard-wrapped, with no-break spaces
        /// and typographic quotes among words (several vector blocks).
        #[test]
        fn normalize_is_its_definition_on_paragraphs(text in "([a-zA-Zàè]{1,9}[ ]|[\n]|[ ]{2}|\u{a0}[ ]?|[’“”…]|\r\n|\u{2028}|\u{3000}){0,120}") {
            agrees_with_definition(&text)?;
        }

        /// The same on texts that are mostly clean, where a doubled space
        /// or one unusual character decides.
        #[test]
        fn normalize_is_its_definition_on_clean_text(text in "([a-zA-Z.,]{1,12}|[ ]|[ ]{2}|[àèÉ’–€]|[\u{a0}\t\u{2002}\u{85}]|[\u{c2}\u{e2}]){0,30}") {
            agrees_with_definition(&text)?;
        }
    }

    /// Every offset the vector search gives is one [`fold_mark`] gives a
    /// byte at a time, on texts of every length around the block size.
    #[test]
    fn ok_fold_marks_as_a_byte_loop() {
        let units: [&[u8]; 8] = [
            b"ab",
            b" ",
            b"\n",
            b"\xC2\xA0",
            b"\xE2\x80\x99",
            b"\xE3",
            b"\t",
            b"\xE1",
        ];
        for seed in 0..3000usize {
            let mut bytes = Vec::new();
            let start = seed.wrapping_mul(2654435761).wrapping_add(1);
            for k in crate::testing::picks(start, seed % 70, units.len()) {
                bytes.extend_from_slice(units[k]);
            }
            let mut found = Vec::new();
            fold_marks(&bytes, |i| found.push(i));
            let expected: Vec<usize> = (0..bytes.len())
                .filter(|&i| fold_mark(bytes[i], bytes.get(i + 1).copied().unwrap_or(0)))
                .collect();
            assert_eq!(found, expected, "{bytes:?}");
        }
    }

    /// Folding tells when NFC may change the text: not for Latin letters,
    /// punctuation, currency or the white space it folds.
    #[test]
    fn ok_fold_tells_when_nfc_may_change_the_text() {
        for (text, unsure) in [
            ("a\u{a0}b  c\nd", false),
            ("città, l’“ultima” – 5 € … ©", false),
            ("a\u{2000}b", false),
            ("perche\u{301}", true),
            ("fatto ✔", true),
            ("brava 👍", true),
            ("a\u{3000}b", true),
            ("\u{2126}", true),
        ] {
            assert_eq!(fold(text).unsure, unsure, "{text:?}");
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
