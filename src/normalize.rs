//! Text normalisation: NFC, white space folded to single spaces, trimmed.
//!
//! White space is Unicode White_Space (`char::is_whitespace`, NBSP
//! included). Text that is already normal is returned borrowed; only text
//! that must change is copied.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalises `text`: NFC, every run of white space folded to one space,
/// trimmed. Borrows when nothing changes.
pub fn normalize(text: &str) -> Cow<'_, str> {
    let trimmed = text.trim();
    let nfc = is_nfc_quick(trimmed.chars()) == IsNormalized::Yes;
    if nfc && !needs_folding(trimmed) {
        return Cow::Borrowed(trimmed);
    }
    if nfc {
        return Cow::Owned(fold(trimmed));
    }
    let composed: String = trimmed.nfc().collect();
    Cow::Owned(fold(composed.trim()))
}

/// Whether `text` (already trimmed) has white space other than single
/// ASCII spaces.
fn needs_folding(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut prev_space = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b' ' => {
                if prev_space {
                    return true;
                }
                prev_space = true;
            }
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => return true,
            // Lead bytes of the non-ASCII white space characters.
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                if text[i..].chars().next().is_some_and(char::is_whitespace) {
                    return true;
                }
                prev_space = false;
            }
            _ => prev_space = false,
        }
    }
    false
}

/// Folds every run of white space in `text` (already trimmed) to one space.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn ok_decomposed_accents_compose() {
        assert_eq!(normalize("perche\u{301}  e\u{300}"), "perché è");
    }
}
