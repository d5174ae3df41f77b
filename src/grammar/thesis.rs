//! Thesis markers: the numbers that open the theses of a manifesto, in
//! every style dumps mangle them into.

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, one_of};
use nom::combinator::{opt, value};

use super::{Res, number, offset_in, ws0, ws1};
use crate::lexicon::{Lexicon, Words};

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
    alt((tag("**"), tag("__"))).parse(input)
}

// closing = "." / ")" / ":" / *WSP dash
fn closing(input: &str) -> Res<'_, ()> {
    alt((value((), one_of(".):")), value((), (ws0, dash)))).parse(input)
}

// arabic = number ("." / ")" / "°" / "º" / 1*WSP dash) / "(" number ")"
fn arabic(input: &str) -> Res<'_, u32> {
    let enclosed = |i| {
        let (i, (_, n, _)) = (char('('), number::<u32>, char(')')).parse(i)?;
        Ok((i, n))
    };
    let plain = |i| {
        let (i, n) = number::<u32>(i)?;
        let (i, _) = alt((value((), one_of(".)°º")), value((), (ws1, dash)))).parse(i)?;
        Ok((i, n))
    };
    alt((enclosed, plain)).parse(input)
}

// numero = ("#" / <number-abbreviation> *WSP) number [closing]
fn numero<'a>(input: &'a str, lexicon: &Lexicon) -> Res<'a, u32> {
    let rest = match input.strip_prefix('#') {
        Some(rest) => rest,
        None => {
            let (n, _) = lexicon
                .words(Words::NumberAbbreviation)
                .longest_prefix(input)
                .ok_or_else(|| fail(input))?;
            ws0(&input[n..])?.0
        }
    };
    let (rest, n) = number::<u32>(rest)?;
    let (rest, _) = opt(closing).parse(rest)?;
    Ok((rest, n))
}

// worded = <thesis-word> 1*WSP ["#" / <number-abbreviation> *WSP] number (closing / EOL)
fn worded<'a>(input: &'a str, lexicon: &Lexicon) -> Res<'a, u32> {
    let (n, _) = lexicon
        .words(Words::ThesisMarker)
        .longest_prefix(input)
        .ok_or_else(|| fail(input))?;
    let (rest, _) = ws1(&input[n..])?;
    let (rest, n) = alt((|i| numero(i, lexicon), number::<u32>)).parse(rest)?;
    if rest.trim().is_empty() {
        return Ok((rest, n));
    }
    let (rest, _) = closing(rest)?;
    Ok((rest, n))
}

// roman = 1*("I" / "V" / "X" / "L") ("." / ")")
fn roman(input: &str) -> Res<'_, u32> {
    let (rest, digits) = take_while1(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))(input)?;
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

fn fail(input: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
}

/// Parses a thesis marker at the start of a trimmed line.
// thesis-marker = [emphasis] core [emphasis] (1*WSP text / letter text / EOL)
// core          = worded / numero / arabic / roman
pub(crate) fn marker(line: &str, lexicon: &Lexicon) -> Option<Marker> {
    match common_marker(line, lexicon) {
        Some(found) => found,
        None => marker_by_rules(line, lexicon),
    }
}

/// The common marker, read by hand: `1*9DIGIT ("." / ")") 1*SP` before an
/// ASCII letter ("12. La rete", "3) Ascoltare"). `None` when the line has
/// another shape, for the rules to read; otherwise their answer, without
/// their combinators (a test compares the two).
fn common_marker(line: &str, lexicon: &Lexicon) -> Option<Option<Marker>> {
    let bytes = line.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=9).contains(&digits) || !matches!(bytes.get(digits), Some(b'.' | b')')) {
        return None;
    }
    let spaces = bytes[digits + 1..]
        .iter()
        .take_while(|&&b| b == b' ')
        .count();
    let text = digits + 1 + spaces;
    if spaces == 0 || !bytes.get(text)?.is_ascii_alphabetic() {
        return None;
    }
    let number: u32 = line[..digits].parse().ok()?;
    if number == 0 || number > MAX_NUMBER || is_date_rest(&line[text..], lexicon) {
        return Some(None);
    }
    Some(Some(Marker {
        number,
        len: digits + 1,
        text,
        style: Style::Arabic,
        emphasis: false,
    }))
}

/// [`marker`] by the grammar's rules, for every shape.
fn marker_by_rules(line: &str, lexicon: &Lexicon) -> Option<Marker> {
    // Emphasis opens with `*` or `_`; most lines are spared its parse.
    let (body, emph) = if line.starts_with(['*', '_']) {
        opt(emphasis).parse(line).ok()?
    } else {
        (line, None)
    };
    let first = body.chars().next()?;
    // Dispatch on the first character: most prose lines stop here.
    let (rest, number, style) = if first.is_ascii_digit() || first == '(' {
        let (rest, n) = arabic(body).ok()?;
        (rest, n, Style::Arabic)
    } else if matches!(first, 'I' | 'V' | 'X' | 'L')
        && let Ok((rest, n)) = roman(body)
    {
        (rest, n, Style::Roman)
    } else if !(first == '#'
        || lexicon.words(Words::ThesisMarker).may_start(body)
        || lexicon.words(Words::NumberAbbreviation).may_start(body))
    {
        // Prose: no marker word opens the line.
        return None;
    } else if let Ok((rest, n)) = worded(body, lexicon) {
        (rest, n, Style::Worded)
    } else {
        let (rest, n) = numero(body, lexicon).ok()?;
        (rest, n, Style::Numero)
    };
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
pub(crate) fn inline_markers(text: &str) -> impl Iterator<Item = (usize, u32, usize)> + '_ {
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

/// The inline marker whose number starts at byte `i` of `text`, if any.
fn inline_marker_at(text: &str, i: usize) -> Option<(usize, u32, usize)> {
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
    (starts && n > 0 && n <= MAX_NUMBER).then(|| (i, n, offset_in(text, after)))
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

    /// The hand-read common marker gives the rules' answer on lines of
    /// its shape and near it: numbers of every length (zero, leading
    /// zeros, past the largest), "." and ")" and other closers, no space,
    /// spaces, tabs, and texts that open with letters, months, digits and
    /// symbols.
    #[test]
    fn ok_common_marker_as_the_rules() {
        let lexicon = Lexicon::default();
        let numbers = [
            "0",
            "1",
            "7",
            "07",
            "12",
            "999",
            "1000",
            "123456789",
            "1234567890",
        ];
        let closers = [".", ")", ":", "°", " -", ""];
        let gaps = ["", " ", "  ", "\t", " \u{a0}"];
        let texts = [
            "La rete",
            "ascoltare",
            "marzo 2015",
            "gennaio",
            "Marzo, disse",
            "e",
            "30 clienti",
            "€ 30",
            "“Citazione”",
            "**Grassetto**",
            "",
            "Àncora",
            "x",
        ];
        for n in numbers {
            for c in closers {
                for g in gaps {
                    for t in texts {
                        let line = format!("{n}{c}{g}{t}");
                        let line = line.trim_end();
                        if let Some(found) = common_marker(line, &lexicon) {
                            assert_eq!(found, marker_by_rules(line, &lexicon), "{line:?}");
                        }
                        assert_eq!(
                            marker(line, &lexicon),
                            marker_by_rules(line, &lexicon),
                            "{line:?}"
                        );
                    }
                }
            }
        }
    }

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
            "[5] [10] [15]",
            "99999999999999999999. troppo",
            "0. zero",
            "C. Shirky dice",
            "Il punto 3 è questo",
            "Tesi molto forte",
            "1-2 ore al giorno",
            "IIII. non romano",
            "Punto 5 della questione",
        ] {
            assert_eq!(marker(line, &lexicon), None, "{line}");
        }
    }

    #[test]
    fn ok_inline_markers() {
        let text = "Reputation: è tutto qui 37. Ascoltare, ascoltare";
        let found: Vec<_> = inline_markers(text).map(|(i, n, _)| (i, n)).collect();
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
