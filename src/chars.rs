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

#[cfg(test)]
mod tests {
    use super::*;

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
