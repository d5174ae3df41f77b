//! Per-line grammars, one file per structure, written with nom.
//!
//! Every rule here looks at one line (or one piece of a line) and nothing
//! else, so backtracking never leaves the line and the whole parse stays
//! linear. The rule each combinator implements is written above it in
//! ABNF-like notation, where `WSP` is any Unicode white space (NBSP
//! included) and words in angle brackets come from the [`Lexicon`].
//!
//! [`Lexicon`]: crate::Lexicon

pub(crate) mod boilerplate;
pub(crate) mod bullet;
pub(crate) mod date;
pub(crate) mod episode;
pub(crate) mod listing;
pub(crate) mod series_link;
pub(crate) mod thesis;

use nom::IResult;

use crate::lexicon::{Lexicon, List, Lists, Words};

/// How a line opens, as the grammars' gates see it: its visible text,
/// first character and the lexicon lists whose phrases open it. The scan
/// finds it once a line; each grammar's `opens` says from it whether its
/// rule may take the line, so that a line is asked only of the rules that
/// can take it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Head<'a> {
    /// The visible text of the line (see [`visible`]), trimmed.
    pub text: &'a str,
    /// Its first character.
    pub first: char,
    /// The lists of the lexicon with a phrase that may open `text`.
    pub words: Lists,
    /// For a line that opens with a number, then punctuation or white
    /// space, then a letter ("1. Le aziende", "12 marzo 2015"): the lists
    /// whose phrases may open that word. `None` for any other line.
    pub after_number: Option<Lists>,
    /// The lexicon, for the gates that look past the first word.
    pub lexicon: &'a Lexicon,
}

impl<'a> Head<'a> {
    /// The head of `text`, a trimmed visible line; `None` when it is empty.
    pub(crate) fn of(text: &'a str, lexicon: &'a Lexicon) -> Option<Self> {
        Some(Head {
            text,
            first: text.chars().next()?,
            words: lexicon.openers(text),
            after_number: word_after_number(text).map(|word| lexicon.openers(word)),
            lexicon,
        })
    }

    /// Whether the line opens with a number and then a word that no
    /// list of `lists` may open ("1. Le aziende" for the months): a
    /// numbered line of prose, as far as those lists go.
    pub(crate) fn numbers_prose(&self, lists: &[List]) -> bool {
        self.after_number.is_some_and(|words| !words.any(lists))
    }

    /// Whether the line opens with a letter (any script).
    pub(crate) fn opens_with_letter(&self) -> bool {
        crate::chars::is_alpha(self.first)
    }

    /// The character after the first, if any.
    pub(crate) fn second(&self) -> Option<char> {
        self.text[self.first.len_utf8()..].chars().next()
    }
}

/// The word after the number that opens `text`, past punctuation and
/// white space: "Le aziende" in "1. Le aziende", "marzo 2015" in "12
/// marzo 2015". `None` when no number opens the text, when a letter
/// follows the digits at once ("3rd", "3commenti") or when the first
/// character after the gap is no letter ("10.30", "1 2 3").
fn word_after_number(text: &str) -> Option<&str> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = &text[digits..];
    let word = rest.trim_start_matches(|c: char| !crate::chars::is_alnum(c));
    (word.len() < rest.len() && word.starts_with(crate::chars::is_alpha)).then_some(word)
}

/// The error of a rule that does not match `input`.
pub(crate) fn fail(input: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
}

/// The result of a rule over a line.
pub(crate) type Res<'a, O> = IResult<&'a str, O>;

/// `*WSP`: spaces are counted as bytes, and only the lead bytes of the
/// wider white space characters are decoded ([`space_len_at`]).
///
/// [`space_len_at`]: crate::chars::space_len_at
#[inline]
pub(crate) fn ws0(input: &str) -> Res<'_, &str> {
    let n = crate::chars::space_len_at(input);
    Ok((&input[n..], &input[..n]))
}

/// `1*WSP`
#[inline]
pub(crate) fn ws1(input: &str) -> Res<'_, &str> {
    match crate::chars::space_len_at(input) {
        0 => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::TakeWhile1,
        ))),
        n => Ok((&input[n..], &input[..n])),
    }
}

/// `1*DIGIT` as a number; fails on overflow rather than wrapping.
#[inline]
pub(crate) fn number<T: TryFrom<u64>>(input: &str) -> Res<'_, T> {
    let len = input.bytes().take_while(u8::is_ascii_digit).count();
    let value = input.as_bytes()[..len].iter().try_fold(0u64, |v, &d| {
        v.checked_mul(10)?.checked_add(u64::from(d - b'0'))
    });
    let kind = match (len, value.map(T::try_from)) {
        (0, _) => nom::error::ErrorKind::Digit,
        (_, Some(Ok(value))) => return Ok((&input[len..], value)),
        _ => nom::error::ErrorKind::TooLarge,
    };
    Err(nom::Err::Error(nom::error::Error::new(input, kind)))
}

/// `<list>`: the longest phrase of a word list of the lexicon that opens
/// the input, such as `<ordinal-suffix>` ("ª", "nd") or
/// `<number-abbreviation>` ("n.", "No.").
pub(crate) fn word_of<'a>(list: Words, input: &'a str, lexicon: &Lexicon) -> Res<'a, &'a str> {
    let (n, _) = lexicon
        .words(list)
        .longest_prefix(input)
        .ok_or_else(|| fail(input))?;
    Ok((&input[n..], &input[..n]))
}

/// Whether `c` is an invisible format character that dumps carry along
/// (zero-width spaces and joiners, bidi controls, word joiners, a stray
/// BOM): grammars look past them at the start of a line.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{ad}')
}

/// `text` without the invisible characters (and white space among them)
/// that open it.
pub(crate) fn visible(text: &str) -> &str {
    // Most lines open with a printable ASCII character.
    if text.as_bytes().first().is_some_and(u8::is_ascii_graphic) {
        return text;
    }
    text.trim_start_matches(|c: char| is_invisible(c) || c.is_whitespace())
}

/// A byte range of a line, or nothing (`start > end`): how the scan's
/// line table keeps the pieces of a parsed line. Offsets are `u16`: the
/// lines that keep pieces are short (episode headers and series link
/// openings have length limits, checked against `u16` at compile time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    start: u16,
    end: u16,
}

impl Piece {
    pub(crate) const NONE: Piece = Piece { start: 1, end: 0 };

    /// The range of `part`, a slice of `line`; nothing if it lies beyond
    /// the reach of `u16` offsets, which the length limits rule out.
    pub(crate) fn of(line: &str, part: Option<&str>) -> Piece {
        let Some(part) = part else {
            return Piece::NONE;
        };
        let start = part.as_ptr() as usize - line.as_ptr() as usize;
        match (u16::try_from(start), u16::try_from(start + part.len())) {
            (Ok(start), Ok(end)) => Piece { start, end },
            _ => Piece::NONE,
        }
    }

    pub(crate) fn get(self, line: &str) -> Option<&str> {
        line.get(usize::from(self.start)..usize::from(self.end))
    }
}

/// Byte offset of `rest` inside `whole`, where `rest` is a suffix of it.
pub(crate) fn offset_in(whole: &str, rest: &str) -> usize {
    whole.len() - rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_number_reads_digits_and_stops_at_the_first_other_char() {
        assert_eq!(number::<u8>("255x"), Ok(("x", 255)));
        assert_eq!(number::<u32>("007. tesi"), Ok((". tesi", 7)));
        assert_eq!(number::<u16>("2015"), Ok(("", 2015)));
    }

    #[test]
    fn err_number_on_no_digit_or_overflow() {
        let kind = |r: Res<'_, u8>| match r {
            Err(nom::Err::Error(e)) => Some(e.code),
            _ => None,
        };
        assert_eq!(kind(number::<u8>("x1")), Some(nom::error::ErrorKind::Digit));
        assert_eq!(
            kind(number::<u8>("256")),
            Some(nom::error::ErrorKind::TooLarge)
        );
        assert_eq!(
            number::<u64>("99999999999999999999999").map(|(_, n)| n),
            Err(nom::Err::Error(nom::error::Error::new(
                "99999999999999999999999",
                nom::error::ErrorKind::TooLarge
            )))
        );
    }

    #[test]
    fn ok_word_after_number() {
        assert_eq!(word_after_number("1. Le aziende"), Some("Le aziende"));
        assert_eq!(word_after_number("12 marzo 2015"), Some("marzo 2015"));
        assert_eq!(word_after_number("1° marzo"), Some("marzo"));
        assert_eq!(word_after_number("1. «Le tesi»"), Some("Le tesi»"));
        for text in ["3rd", "3commenti", "10.30", "1 2 3", "Le aziende", "12"] {
            assert_eq!(word_after_number(text), None, "{text}");
        }
    }
}
