//! Dates, as blogs print them: "12 marzo 2015", "March 3, 2015",
//! "03/12/2015", "2015-03-12".

use nom::Parser;
use nom::character::complete::{char, one_of};
use nom::combinator::opt;

use super::{Res, number, word_of, ws0, ws1};
use crate::lexicon::{Lexicon, Words};
use crate::model::Date;

// month-name = <month> ["."]   ; not followed by a letter
fn month_name<'a>(input: &'a str, lexicon: &Lexicon) -> Res<'a, u8> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Tag));
    let (n, &month) = lexicon.months.longest_prefix(input).ok_or_else(fail)?;
    let rest = &input[n..];
    if rest.chars().next().is_some_and(crate::chars::is_alpha) {
        return Err(fail());
    }
    let (rest, _) = opt(char('.')).parse(rest)?;
    Ok((rest, month))
}

// day = 1*2DIGIT [<ordinal-suffix>]
fn day<'a>(input: &'a str, lexicon: &Lexicon) -> Res<'a, u8> {
    let (rest, d) = number::<u8>(input)?;
    let (rest, _) = opt(|i| word_of(Words::OrdinalSuffix, i, lexicon)).parse(rest)?;
    Ok((rest, d))
}

// year = 4DIGIT
fn year(input: &str) -> Res<'_, u16> {
    let (rest, y) = number::<u16>(input)?;
    if input.len() - rest.len() == 4 {
        Ok((rest, y))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )))
    }
}

/// Parses a date at the start of `input`.
// date = day-first / month-first / iso / numeric
// day-first   = day 1*WSP month-name ["," / 1*WSP] *WSP year
// month-first = month-name 1*WSP day *WSP ["," ] *WSP year
// iso         = year "-" 1*2DIGIT "-" 1*2DIGIT
// numeric     = 1*2DIGIT sep 1*2DIGIT sep year ; sep = "/" / "." / "-", day first
pub(crate) fn date<'a>(input: &'a str, lexicon: &Lexicon) -> Res<'a, Date> {
    let invalid = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify));
    let day_first = |i: &'a str| {
        let (i, d) = day(i, lexicon)?;
        let (i, _) = ws1(i)?;
        let (i, m) = month_name(i, lexicon)?;
        let (i, _) = (opt(char(',')), ws0).parse(i)?;
        let (i, y) = year(i)?;
        Ok((i, (y, m, d)))
    };
    let month_first = |i: &'a str| {
        let (i, m) = month_name(i, lexicon)?;
        let (i, _) = ws1(i)?;
        let (i, d) = day(i, lexicon)?;
        let (i, _) = (ws0, opt(char(',')), ws0).parse(i)?;
        let (i, y) = year(i)?;
        Ok((i, (y, m, d)))
    };
    let iso = |i: &'a str| {
        let (i, y) = year(i)?;
        let (i, _) = char('-')(i)?;
        let (i, m) = number::<u8>(i)?;
        let (i, _) = char('-')(i)?;
        let (i, d) = number::<u8>(i)?;
        Ok((i, (y, m, d)))
    };
    let numeric = |i: &'a str| {
        let (i, d) = number::<u8>(i)?;
        let (i, sep) = one_of("/.-")(i)?;
        let (i, m) = number::<u8>(i)?;
        let (i, _) = char(sep)(i)?;
        let (i, y) = year(i)?;
        Ok((i, (y, m, d)))
    };
    // Dispatch on the digits that open the input and the byte after them:
    // the forms do not overlap there, so at most one is tried.
    let digits = input.bytes().take_while(u8::is_ascii_digit).count();
    let (rest, (y, m, d)) = match (digits, input.as_bytes().get(digits)) {
        (0, _) => month_first(input)?,
        (4, Some(b'-')) => iso(input)?,
        (1 | 2, Some(b'/' | b'.' | b'-'))
            if input
                .as_bytes()
                .get(digits + 1)
                .is_some_and(u8::is_ascii_digit) =>
        {
            numeric(input)?
        }
        (1 | 2, Some(b'/' | b'.' | b'-')) => return Err(invalid()),
        (1 | 2, _) => day_first(input)?,
        _ => return Err(invalid()),
    };
    // A date ends where a word would: "2015x" is not a date.
    if rest.chars().next().is_some_and(crate::chars::is_alnum) {
        return Err(invalid());
    }
    let date = Date::new(y, m, d).ok_or_else(invalid)?;
    Ok((rest, date))
}

/// Parses a day and a month with no year at the start of `input`, as
/// agendas print them ("7 maggio", "March 3", "21st May"); gives the
/// month and the day.
// day-and-month = day 1*WSP month-name / month-name 1*WSP day   ; then no letter or digit
pub(crate) fn day_and_month<'a>(input: &'a str, lexicon: &Lexicon) -> Res<'a, (u8, u8)> {
    let invalid = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify));
    let (rest, (m, d)) = if input.starts_with(|c: char| c.is_ascii_digit()) {
        let (i, d) = day(input, lexicon)?;
        let (i, _) = ws1(i)?;
        let (i, m) = month_name(i, lexicon)?;
        (i, (m, d))
    } else {
        let (i, m) = month_name(input, lexicon)?;
        let (i, _) = ws1(i)?;
        let (i, d) = day(i, lexicon)?;
        (i, (m, d))
    };
    if !(1..=31).contains(&d) || rest.chars().next().is_some_and(crate::chars::is_alnum) {
        return Err(invalid());
    }
    Ok((rest, (m, d)))
}

/// Longest text searched for a date, in bytes.
const MAX_SEARCH: usize = 200;

/// The first date in a short line ("Pubblicato il 12 marzo 2015 da Anna",
/// "Posted on March 3, 2015 by admin").
pub(crate) fn find_date(text: &str, lexicon: &Lexicon) -> Option<Date> {
    if text.len() > MAX_SEARCH {
        return None;
    }
    let mut prev_alnum = false;
    for (i, c) in text.char_indices() {
        if !prev_alnum
            && crate::chars::is_alnum(c)
            && let Ok((_, d)) = date(&text[i..], lexicon)
        {
            return Some(d);
        }
        prev_alnum = crate::chars::is_alnum(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> String {
        let lexicon = Lexicon::default();
        let (rest, d) = date(text, &lexicon).expect(text);
        format!("{d}|{rest}")
    }

    #[test]
    fn ok_forms() {
        assert_eq!(ok("12 marzo 2015"), "2015-03-12|");
        assert_eq!(ok("1° Aprile, 2016 – x"), "2016-04-01| – x");
        assert_eq!(ok("March 3, 2015"), "2015-03-03|");
        assert_eq!(ok("Sept. 30th 2019"), "2019-09-30|");
        assert_eq!(ok("2015-03-12 Titolo"), "2015-03-12| Titolo");
        assert_eq!(ok("03/12/2015"), "2015-12-03|");
    }

    #[test]
    fn ok_found_in_lines() {
        let lexicon = Lexicon::default();
        let found = |t| find_date(t, &lexicon).map(|d| d.to_string());
        assert_eq!(
            found("Pubblicato il 12 marzo 2015 da Anna").as_deref(),
            Some("2015-03-12")
        );
        assert_eq!(
            found("Posted on March 3, 2015 by admin").as_deref(),
            Some("2015-03-03")
        );
        assert_eq!(found("Posted in Diary"), None);
    }

    #[test]
    fn err_not_dates() {
        let lexicon = Lexicon::default();
        for text in [
            "12 marketing 2015",
            "2017. Anno",
            "10.30",
            "32 marzo 2015",
            "12 marzo",
            "99999999999999999999 marzo 2015",
        ] {
            assert!(date(text, &lexicon).is_err(), "{text}");
        }
    }
}
