//! Archive listings: pages that list posts one per line, each a date and a
//! title ("• 12 marzo 2015 – Episodio 3: la rete").

use nom::Parser;
use nom::character::complete::one_of;
use nom::combinator::opt;

use super::{Head, bullet::bullet_marker, date::date, offset_in, ws0};
use crate::lexicon::{Lexicon, List};
use crate::model::Date;

/// Longest title of a listing entry, in bytes.
const MAX_TITLE: usize = 300;
/// How far from the end of a line a trailing date may start, in bytes.
const DATE_WINDOW: usize = 40;

/// One listing entry: its date and the byte range of its title in the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub date: Date,
    pub title: (usize, usize),
}

// sep = "–" / "—" / "-" / ":" / "|" / "·" / ","
fn separator(input: &str) -> nom::IResult<&str, Option<char>> {
    let (rest, _) = ws0(input)?;
    let (rest, sep) = opt(one_of("–—-:|·,")).parse(rest)?;
    let (rest, _) = ws0(rest)?;
    Ok((rest, sep))
}

/// What may open a listing entry: anything but a letter (a date, a
/// bullet) unless it is a number before a word that is no month ("1. Le
/// aziende"); the bullet "o", a month; or, title first, any line that
/// closes with a date's last digit ("Titolo (12 marzo 2015)").
pub(crate) fn opens(head: &Head) -> bool {
    !(head.opens_with_letter() || head.numbers_prose(&[List::Month]))
        || (head.first == 'o' && {
            // "o 12 marzo 2015 – Titolo": the bullet "o", then a date.
            let rest = ws0(&head.text[1..]).map_or("", |(rest, _)| rest);
            rest.starts_with(|c: char| c.is_ascii_digit()) || head.lexicon.months.opens(rest)
        })
        || head.words.has(List::Month)
        || head
            .text
            .trim_end_matches(')')
            .ends_with(|c: char| c.is_ascii_digit())
}

/// Parses a trimmed line as a listing entry.
// listing-entry = [bullet-marker] (date-first / title-first)
// date-first    = date sep title
// title-first   = title sep ["("] date [")"]
pub(crate) fn entry(line: &str, lexicon: &Lexicon) -> Option<Entry> {
    let body = bullet_marker(line).map_or(line, |(rest, _)| rest);
    // date-first
    if let Ok((rest, d)) = date(body, lexicon) {
        let (title, _) = separator(rest).ok()?;
        let start = offset_in(line, title);
        return is_title(title).then_some(Entry {
            date: d,
            title: (start, line.len()),
        });
    }
    // title-first: the date closes the line, and every date ends with a
    // digit.
    let close = body.trim_end_matches(')');
    if !close.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut from = close.len().saturating_sub(DATE_WINDOW);
    while !close.is_char_boundary(from) {
        from -= 1;
    }
    let mut prev = close[..from].chars().next_back();
    for (i, c) in close[from..].char_indices() {
        let at = from + i;
        let starts_word =
            prev.is_none_or(|p| !crate::chars::is_alnum(p)) && crate::chars::is_alnum(c);
        prev = Some(c);
        if !starts_word || at == 0 {
            continue;
        }
        let Ok((rest, d)) = date(&close[at..], lexicon) else {
            continue;
        };
        if !rest.trim().is_empty() {
            continue;
        }
        let title = close[..at].trim_end().trim_end_matches('(');
        let title = title
            .trim_end()
            .trim_end_matches(|c| "–—-:|·,".contains(c))
            .trim_end();
        if !is_title(title) {
            return None;
        }
        let start = offset_in(line, body);
        return Some(Entry {
            date: d,
            title: (start, start + title.len()),
        });
    }
    None
}

/// A title has a letter and fits on a line.
fn is_title(text: &str) -> bool {
    text.len() <= MAX_TITLE && text.chars().any(crate::chars::is_alpha)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(line: &str) -> String {
        let e = entry(line, &Lexicon::default()).expect(line);
        format!("{}|{}", e.date, &line[e.title.0..e.title.1])
    }

    #[test]
    fn ok_entries() {
        assert_eq!(
            ok("• 12 marzo 2015 – Episodio 3: la rete"),
            "2015-03-12|Episodio 3: la rete"
        );
        assert_eq!(ok("March 3, 2015: Part Two"), "2015-03-03|Part Two");
        assert_eq!(ok("Il primo post (03/04/2015)"), "2015-04-03|Il primo post");
        assert_eq!(ok("- Un titolo – 1 aprile 2016"), "2016-04-01|Un titolo");
    }

    #[test]
    fn err_not_entries() {
        let lexicon = Lexicon::default();
        for line in [
            "12 marzo 2015",
            "Nel 2015 abbiamo parlato di reti.",
            "Il 12 marzo 2015 ho scritto un post lungo e poi",
        ] {
            assert_eq!(entry(line, &lexicon), None, "{line}");
        }
    }
}
