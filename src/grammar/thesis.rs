//! Thesis markers: the numbers that open the theses of a manifesto, in
//! every style dumps mangle them into.

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::character::complete::satisfy;
use nom::character::complete::{char, one_of};
use nom::combinator::{map, opt, peek, value};

use super::{Head, Res, fail, number, offset_in, word_of, ws0, ws1};
use crate::lexicon::{Lexicon, List, Words};

/// Highest thesis number: larger numbers are years, counts or amounts.
pub(crate) const MAX_NUMBER: u32 = 999;
/// Highest Roman numeral accepted as a marker (L); beyond it, "C." and
/// "M." are initials.
const MAX_ROMAN: u32 = 50;

/// How a marker is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `1.` `1)` `1°` `1 -`, and `(1)`.
    Arabic,
    /// `#1`, `n. 1`.
    Numero,
    /// `Tesi 1:`, `Principle 3.`: strong evidence of a thesis.
    Worded,
    /// `IV.`, `XII)`.
    Roman,
    /// `a)`, `(b)`.
    Letter,
}

/// A thesis marker at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    /// The thesis number.
    pub number: u32,
    /// Bytes of the marker as written, emphasis included.
    pub len: usize,
    /// Byte offset where the thesis text starts (after white space); the
    /// line's length when the marker stands alone.
    pub text: usize,
    /// How it is written.
    pub style: Style,
    /// The marker opened markdown emphasis (`**12.**`), whose closing
    /// twin may end the text.
    pub emphasis: bool,
}

// dash = "-" / "–" / "—"
fn dash(input: &str) -> Res<'_, char> {
    one_of("-–—")(input)
}

// emphasis = "**" / "__"
fn emphasis(input: &str) -> Res<'_, &str> {
    match input.get(..2) {
        Some(mark @ ("**" | "__")) => Ok((&input[2..], mark)),
        _ => Err(fail(input)),
    }
}

// closing = "." / ")" / ":" / *WSP dash
fn closing(input: &str) -> Res<'_, ()> {
    alt((value((), one_of(".):")), value((), (ws0, dash)))).parse(input)
}

// arabic = number ("." / ")" / "°" / "º" / 1*WSP dash / dash &WSP) / "(" number ")"
fn arabic(input: &str) -> Res<'_, u32> {
    let enclosed = |i| {
        let (i, (_, n, _)) = (char('('), number::<u32>, char(')')).parse(i)?;
        Ok((i, n))
    };
    // "1- Le reti": a dash on the number, then white space ("10-15" and
    // "2015-03-12" are no markers).
    let dash_on_number = |i| {
        let (i, _) = dash(i)?;
        peek(ws1).parse(i)?;
        Ok((i, ()))
    };
    let plain = |i| {
        let (i, n) = number::<u32>(i)?;
        let (i, _) = alt((
            value((), one_of(".)°º")),
            value((), (ws1, dash)),
            dash_on_number,
        ))
        .parse(i)?;
        Ok((i, n))
    };
    alt((enclosed, plain)).parse(input)
}

// numero = ("#" / <number-abbreviation> *WSP) number [closing]
fn numero<'a>(input: &'a str, lexicon: &Lexicon) -> Res<'a, u32> {
    let rest = match input.strip_prefix('#') {
        Some(rest) => rest,
        None => ws0(word_of(Words::NumberAbbreviation, input, lexicon)?.0)?.0,
    };
    let (rest, n) = number::<u32>(rest)?;
    let (rest, _) = opt(closing).parse(rest)?;
    Ok((rest, n))
}

// worded = <thesis-word> 1*WSP ["#" / <number-abbreviation> *WSP] number (closing / EOL)
fn worded<'a>(input: &'a str, lexicon: &Lexicon) -> Res<'a, u32> {
    let (rest, _) = word_of(Words::ThesisMarker, input, lexicon)?;
    let (rest, _) = ws1(rest)?;
    let (rest, n) = alt((|i| numero(i, lexicon), number::<u32>)).parse(rest)?;
    if rest.trim().is_empty() {
        return Ok((rest, n));
    }
    let (rest, _) = closing(rest)?;
    Ok((rest, n))
}

/// `"I" / "V" / "X" / "L"`: the Roman digits of a marker (up to L, 50).
fn is_roman_digit(c: char) -> bool {
    matches!(c, 'I' | 'V' | 'X' | 'L')
}

// roman = 1*("I" / "V" / "X" / "L") ("." / ")")
fn roman(input: &str) -> Res<'_, u32> {
    let (rest, digits) = take_while1(is_roman_digit)(input)?;
    let (rest, _) = one_of(".)")(rest)?;
    match roman_value(digits) {
        Some(n) if n <= MAX_ROMAN => Ok((rest, n)),
        _ => Err(fail(input)),
    }
}

/// The value of a well-formed Roman numeral.
pub(crate) fn roman_value(digits: &str) -> Option<u32> {
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 0,
    };
    let mut total = 0i64;
    let mut chars = digits.chars().map(value).peekable();
    while let Some(v) = chars.next() {
        if chars.peek().is_some_and(|&next| next > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    let total = u32::try_from(total).ok()?;
    // Only the canonical spelling: "IIII" or "VX" is not a numeral.
    (to_roman(total) == digits).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, s) in [
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

// letter = "(" %x61-7A ")" / %x61-7A ")"     ; "a)" is 1, "(c)" is 3
fn letter(input: &str) -> Res<'_, u32> {
    let lower = || satisfy(|c| c.is_ascii_lowercase());
    let (rest, c) = alt((
        |i| {
            let (i, (_, c, _)) = (char('('), lower(), char(')')).parse(i)?;
            Ok((i, c))
        },
        |i| {
            let (i, (c, _)) = (lower(), char(')')).parse(i)?;
            Ok((i, c))
        },
    ))
    .parse(input)?;
    Ok((rest, u32::from(c) - u32::from('a') + 1))
}

// core = arabic / roman / letter / worded / numero
fn core<'a>(input: &'a str, lexicon: &Lexicon) -> Res<'a, (u32, Style)> {
    alt((
        map(arabic, |n| (n, Style::Arabic)),
        map(roman, |n| (n, Style::Roman)),
        map(letter, |n| (n, Style::Letter)),
        map(|i| worded(i, lexicon), |n| (n, Style::Worded)),
        map(|i| numero(i, lexicon), |n| (n, Style::Numero)),
    ))
    .parse(input)
}

/// What may open a thesis marker: a digit or "(" (arabic, "(c)"), "#",
/// emphasis, a Roman digit, a lower-case letter and ")", a thesis word or
/// an abbreviation of "number".
pub(crate) fn opens(head: &Head) -> bool {
    matches!(head.first, '0'..='9' | '(' | '#' | '*' | '_')
        || is_roman_digit(head.first)
        || (head.first.is_ascii_lowercase() && head.second() == Some(')'))
        || head.words.any(&[
            List::Word(Words::ThesisMarker),
            List::Word(Words::NumberAbbreviation),
        ])
}

/// Parses a thesis marker at the start of a trimmed line.
// thesis-marker = [emphasis] core [emphasis] (1*WSP text / letter text / EOL)
pub(crate) fn marker(line: &str, lexicon: &Lexicon) -> Option<Marker> {
    let (body, emph) = opt(emphasis).parse(line).ok()?;
    let (rest, (number, style)) = core(body, lexicon).ok()?;
    if number == 0 || number > MAX_NUMBER {
        return None;
    }
    let (rest, _) = opt(emphasis).parse(rest).ok()?;
    let len = offset_in(line, rest);
    let text = ws0(rest).map_or(rest, |(r, _)| r);
    let spaced = text.len() < rest.len();
    match text.chars().next() {
        None => {}
        // "3.la rete": no space, but a letter.
        Some(c) if crate::chars::is_alpha(c) && !spaced && style != Style::Arabic => return None,
        Some(c) if crate::chars::is_alpha(c) => {}
        // "10.30", "3.5 milioni", "1.000": numbers, not markers.
        Some(c) if c.is_ascii_digit() && !spaced => return None,
        Some('%' | '€' | '$' | '/' | ',' | '.') => return None,
        Some(_) if !spaced => return None,
        Some(_) => {}
    }
    if !text.is_empty() && !text.chars().any(crate::chars::is_alpha) {
        return None;
    }
    if is_date_rest(text, lexicon) {
        return None;
    }
    Some(Marker {
        number,
        len,
        text: offset_in(line, text),
        style,
        emphasis: emph.is_some(),
    })
}

/// Whether the text after a marker makes it a date ("1. gennaio 2015",
/// "12 marzo"): a month name, then a year or nothing.
fn is_date_rest(text: &str, lexicon: &Lexicon) -> bool {
    let Some((n, _)) = lexicon.months.longest_prefix(text) else {
        return false;
    };
    let rest = &text[n..];
    if rest.chars().next().is_some_and(crate::chars::is_alpha) {
        return false;
    }
    let rest = rest.trim_start_matches(['.', ',']).trim_start();
    let year = rest.bytes().take_while(u8::is_ascii_digit).count();
    rest.is_empty() || (year == 4 && !rest[year..].starts_with(|c: char| crate::chars::is_alnum(c)))
}

/// A marker inside a line that continues a list: `number` ("." / ")")
/// then white space and a capital letter or an opening quote, preceded by
/// white space. Returns the marker's byte offset in `text` and its number.
pub(crate) fn inline_markers(text: &str) -> impl Iterator<Item = InlineMarker> + '_ {
    let bytes = text.as_bytes();
    // A marker's number closes with "." or ")": those are searched, and the
    // digits before them walked back (each run of digits once, as one
    // byte follows it).
    memchr::memchr2_iter(b'.', b')', bytes).filter_map(move |close| {
        let digits = bytes[..close]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        (digits > 0).then_some(close - digits)?;
        inline_marker_at(text, close - digits)
    })
}

/// A thesis marker inside a line of prose ("… la rete. 2. Le aziende …").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct InlineMarker {
    /// The byte where its number starts.
    pub at: usize,
    /// Its number.
    pub number: u32,
    /// The byte where the thesis text after it starts.
    pub text: usize,
}

/// The inline marker whose number starts at byte `i` of `text`, if any.
fn inline_marker_at(text: &str, i: usize) -> Option<InlineMarker> {
    let bytes = text.as_bytes();
    // The number opens a word: a digit after a space, a tab or a no-break
    // space.
    let spaced = match i.checked_sub(1).map(|p| bytes[p]) {
        Some(b' ' | b'\t') => true,
        Some(0xA0) => i >= 2 && bytes[i - 2] == 0xC2,
        _ => false,
    };
    if !spaced {
        return None;
    }
    let (rest, n) = number::<u32>(&text[i..]).ok()?;
    let (rest, _) = one_of::<_, _, nom::error::Error<&str>>(".)")(rest).ok()?;
    let (after, _) = ws1(rest).ok()?;
    let next = after.chars().next()?;
    let starts = next.is_uppercase() || "“\"«'‘*".contains(next);
    (starts && n > 0 && n <= MAX_NUMBER).then(|| InlineMarker {
        at: i,
        number: n,
        text: offset_in(text, after),
    })
}

/// Editorial insertions in square brackets ("[solo]", "[non tutte]"):
/// their inner text. Ellipses ("[…]") and numeric references ("[3]") are
/// not notes. One pass: a `[` opens, the next `]` closes.
pub(crate) fn notes(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut open = None;
    memchr::memchr2_iter(b'[', b']', text.as_bytes()).filter_map(move |i| {
        if text.as_bytes()[i] == b'[' {
            open = Some(i + 1);
            return None;
        }
        let note = text[open.take()?..i].trim();
        note.chars().any(crate::chars::is_alpha).then_some(note)
    })
}

/// Whether a heading or lead-in says its list is a selection: a phrase
/// such as "non tutte" or "some of", or a fraction such as "10 of the 95"
/// or "10 delle 95 tesi".
pub(crate) fn declares_partial(text: &str, lexicon: &Lexicon) -> bool {
    lexicon.words(Words::PartialList).find_in(text).is_some() || has_fraction(text, lexicon)
}

// fraction = number 1*WSP <fraction-word> 1*WSP number   ; the first smaller
fn has_fraction(text: &str, lexicon: &Lexicon) -> bool {
    let fraction = |i: &'_ str| -> Option<bool> {
        let (i, part) = number::<u32>(i).ok()?;
        let (i, _) = ws1(i).ok()?;
        let (n, _) = lexicon.words(Words::Fraction).longest_prefix(i)?;
        let (i, _) = ws1(&i[n..]).ok()?;
        let (_, whole) = number::<u32>(i).ok()?;
        Some(part < whole)
    };
    let mut prev_digit = false;
    text.char_indices().any(|(i, c)| {
        let starts = c.is_ascii_digit() && !prev_digit;
        prev_digit = c.is_ascii_digit();
        starts && fraction(&text[i..]) == Some(true)
    })
}

/// Whether `text` names theses or principles, enough evidence to take a
/// numbered list of one item as a thesis list.
pub(crate) fn names_theses(text: &str, lexicon: &Lexicon) -> bool {
    lexicon.words(Words::ThesisEvidence).find_in(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(line: &str) -> (u32, &str, &str) {
        let m = marker(line, &Lexicon::default()).unwrap_or_else(|| panic!("{line:?}"));
        (m.number, &line[..m.len], &line[m.text..])
    }

    #[test]
    fn ok_marker_styles() {
        assert_eq!(ok("1. Il caos"), (1, "1.", "Il caos"));
        assert_eq!(ok("12) testo"), (12, "12)", "testo"));
        assert_eq!(ok("(3) testo"), (3, "(3)", "testo"));
        assert_eq!(ok("4 - testo"), (4, "4 -", "testo"));
        assert_eq!(ok("5 – testo"), (5, "5 –", "testo"));
        assert_eq!(ok("6° testo"), (6, "6°", "testo"));
        assert_eq!(ok("#7 testo"), (7, "#7", "testo"));
        assert_eq!(ok("n. 8 testo"), (8, "n. 8", "testo"));
        assert_eq!(ok("Tesi 9: testo"), (9, "Tesi 9:", "testo"));
        assert_eq!(ok("Principle 10. text"), (10, "Principle 10.", "text"));
        assert_eq!(ok("IV) testo"), (4, "IV)", "testo"));
        assert_eq!(ok("XII. testo"), (12, "XII.", "testo"));
        assert_eq!(ok("**13.** testo"), (13, "**13.**", "testo"));
        assert_eq!(ok("3.la rete"), (3, "3.", "la rete"));
        assert_eq!(ok("14.\u{a0}\u{a0}testo"), (14, "14.", "testo"));
        assert_eq!(ok("15."), (15, "15.", ""));
        assert_eq!(ok("Regola 2"), (2, "Regola 2", ""));
        assert_eq!(ok("a) ascoltare"), (1, "a)", "ascoltare"));
        assert_eq!(ok("(c) rispondere"), (3, "(c)", "rispondere"));
        assert_eq!(ok("**d)** testo"), (4, "**d)**", "testo"));
        assert_eq!(ok("16- testo"), (16, "16-", "testo"));
        assert_eq!(ok("17–\ttesto"), (17, "17–", "testo"));
    }

    #[test]
    fn err_decoys() {
        let lexicon = Lexicon::default();
        for line in [
            "2017. Anno importante",
            "10.30 riunione",
            "3.5 milioni di utenti",
            "1.000 persone",
            "10% di sconto",
            "1. gennaio 2015",
            "12 marzo",
            "12",
            "10-15 persone",
            "2015-03-12 è una data",
            "[5] [10] [15]",
            "99999999999999999999. troppo",
            "0. zero",
            "C. Shirky dice",
            "Il punto 3 è questo",
            "Tesi molto forte",
            "1-2 ore al giorno",
            "IIII. non romano",
            "Punto 5 della questione",
            "a)b",
            "A) maiuscola",
            "ab) due lettere",
            "e) 30",
        ] {
            assert_eq!(marker(line, &lexicon), None, "{line}");
        }
    }

    #[test]
    fn ok_inline_markers() {
        let text = "Reputation: è tutto qui 37. Ascoltare, ascoltare";
        let found: Vec<_> = inline_markers(text).map(|m| (m.at, m.number)).collect();
        assert_eq!(found, [(25, 37)]);
        assert_eq!(inline_markers("degli anni 90. la nascita").count(), 0);
    }

    #[test]
    fn ok_inline_markers_found_from_their_closing() {
        // The search starts from "." and ")"; asking every digit finds the
        // same markers.
        for text in [
            "a 1. B 2) C 3.D 4 . E 12. «F» x13. G\u{a0}14.\tH 99999999999. I",
            "1. A 2. B",
            " 7. 7. Sette 8.) Otto 9..",
            "",
        ] {
            let every: Vec<_> = (0..text.len())
                .filter(|&i| text.as_bytes()[i].is_ascii_digit())
                .filter_map(|i| inline_marker_at(text, i))
                .collect();
            assert_eq!(inline_markers(text).collect::<Vec<_>>(), every, "{text:?}");
        }
    }

    #[test]
    fn ok_partial_declarations() {
        let lexicon = Lexicon::default();
        for text in [
            "Le tesi [non tutte]",
            "Some of the theses",
            "10 delle 95 tesi",
            "12 of the 95 theses:",
            "Un estratto",
        ] {
            assert!(declares_partial(text, &lexicon), "{text}");
        }
        for text in ["Le 95 tesi", "The theses", "Le tesi 1 delle"] {
            assert!(!declares_partial(text, &lexicon), "{text}");
        }
    }

    #[test]
    fn ok_notes() {
        let found: Vec<_> = notes("non significa [solo] questo […] [3]").collect();
        assert_eq!(found, ["solo"]);
    }
}
