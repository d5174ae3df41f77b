//! Episodes of a series: headers ("Episodio 4: titolo", "Part 2 of 4",
//! "S01E04"), numbered titles ("Guida a Rust: parte 2, il primo modulo",
//! "Titolo (3) – testo"), slots ("@02:00 p.m. titolo") and hashtags.

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::{char, one_of};
use nom::combinator::opt;

use super::{Head, Piece, Res, fail, number, word_of, ws0, ws1};
use crate::lexicon::{Lexicon, List, Words};
use crate::model::Time;

/// Longest line that can be an episode header, in bytes.
const MAX_HEADER: usize = 200;

/// An episode header or numbered title, with pieces of the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Header<'a> {
    /// "[7-eleven]" gives "7-eleven".
    pub tag: Option<&'a str>,
    /// The series title, for titles that name it.
    pub series: Option<&'a str>,
    pub number: Option<u32>,
    pub of: Option<u32>,
    pub title: Option<&'a str>,
}

/// A [`Header`] from [`header`] as byte ranges of its line, for the
/// scan's line table (see [`Piece`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Located {
    tag: Piece,
    title: Piece,
    number: Option<u32>,
    of: Option<u32>,
}

// A header line's offsets fit in a `Piece`.
const _: () = assert!(MAX_HEADER <= u16::MAX as usize);

impl Header<'_> {
    /// The header as byte ranges of `line`, the text it was parsed from.
    /// A header's series is not kept: [`header`] finds none.
    pub(crate) fn locate(&self, line: &str) -> Located {
        Located {
            tag: Piece::of(line, self.tag),
            title: Piece::of(line, self.title),
            number: self.number,
            of: self.of,
        }
    }
}

impl Located {
    /// The header again, from the `line` it was located in.
    pub(crate) fn resolve(self, line: &str) -> Header<'_> {
        Header {
            tag: self.tag.get(line),
            series: None,
            number: self.number,
            of: self.of,
            title: self.title.get(line),
        }
    }
}

// series-tag = "[" 1*(VCHAR except "]") "]"
pub(crate) fn series_tag(input: &str) -> Res<'_, &str> {
    let (rest, _) = char('[')(input)?;
    let (rest, inner) = take_while_m_n(1, 60, |c| c != ']' && c != '[' && c != '\n')(rest)?;
    let (rest, _) = char(']')(rest)?;
    if inner.trim().is_empty() {
        return Err(fail(input));
    }
    Ok((rest, inner.trim()))
}

// number-word = <number word> ; not followed by a letter
fn number_word<'a>(input: &'a str, lexicon: &Lexicon) -> Res<'a, u32> {
    let (n, &value) = lexicon
        .numbers
        .longest_prefix(input)
        .ok_or_else(|| fail(input))?;
    if input[n..].starts_with(crate::chars::is_alnum) {
        return Err(fail(input));
    }
    Ok((&input[n..], value))
}

// roman-number = 1*("I" / "V" / "X" / "L")   ; a well-formed numeral
fn roman_number(input: &str) -> Res<'_, u32> {
    let (rest, digits) = take_while1(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))(input)?;
    if rest.starts_with(crate::chars::is_alnum) {
        return Err(fail(input));
    }
    let n = super::thesis::roman_value(digits).ok_or_else(|| fail(input))?;
    Ok((rest, n))
}

// ordinal = 1*3DIGIT <ordinal-suffix> / <number word>   ; not followed by a letter
fn ordinal<'a>(input: &'a str, lexicon: &Lexicon) -> Res<'a, u32> {
    if input.starts_with(|c: char| c.is_ascii_digit()) {
        let (i, n) = number::<u32>(input)?;
        let (i, _) = word_of(Words::OrdinalSuffix, i, lexicon)?;
        if i.starts_with(crate::chars::is_alnum) {
            return Err(fail(i));
        }
        return Ok((i, n));
    }
    number_word(input, lexicon)
}

/// Whether `input` opens with digits and what may open an ordinal suffix
/// ("3ª", "2nd"): "1." and "10 " open no ordinal.
fn ordinal_digits(input: &str, lexicon: &Lexicon) -> bool {
    let digits = input.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && lexicon
            .words(Words::OrdinalSuffix)
            .may_open(&input[digits..])
}

// episode-number = ["#" / <number-abbreviation>] *WSP number [part-letter] / number-word / roman-number
// part-letter    = %x61-7A                        ; "parte 1b": part 1, its second half
fn episode_number<'a>(input: &'a str, lexicon: &Lexicon) -> Res<'a, u32> {
    let numeral = |i: &'a str| {
        let (i, _) = opt(alt((tag("#"), |i| {
            word_of(Words::NumberAbbreviation, i, lexicon)
        })))
        .parse(i)?;
        let (i, _) = ws0(i)?;
        let (i, n) = number::<u32>(i)?;
        let part_letter = i.strip_prefix(|c: char| c.is_ascii_lowercase());
        let i = part_letter
            .filter(|rest| !rest.starts_with(crate::chars::is_alnum))
            .unwrap_or(i);
        if i.starts_with(crate::chars::is_alnum) {
            return Err(fail(i));
        }
        Ok((i, n))
    };
    alt((numeral, |i| number_word(i, lexicon), roman_number)).parse(input)
}

// separator = *WSP (":" / "." / "," / "-" / "–" / "—" / "|") *WSP
fn separator(input: &str) -> Res<'_, char> {
    let (rest, _) = ws0(input)?;
    let (rest, sep) = one_of(":.,-–—|")(rest)?;
    let (rest, _) = ws0(rest)?;
    Ok((rest, sep))
}

// of-total = 1*WSP <series-connector> 1*WSP number
fn of_total<'a>(input: &'a str, lexicon: &Lexicon) -> Res<'a, u32> {
    let (rest, _) = ws1(input)?;
    let (n, _) = lexicon
        .words(Words::SeriesConnector)
        .longest_prefix(rest)
        .ok_or_else(|| fail(input))?;
    let (rest, _) = ws1(&rest[n..])?;
    episode_number(rest, lexicon)
}

// season-episode = "S" 1*2DIGIT "E" 1*3DIGIT
fn season_episode(input: &str) -> Res<'_, u32> {
    let digits = |i| take_while_m_n(1, 3, |c: char| c.is_ascii_digit())(i);
    let (rest, (_, _, _, e)) = (one_of("Ss"), digits, one_of("Ee"), digits).parse(input)?;
    if rest.starts_with(crate::chars::is_alnum) {
        return Err(fail(input));
    }
    e.parse().map(|n| (rest, n)).map_err(|_| fail(input))
}

/// What follows a numbered episode: the rest of the line after a
/// separator, or nothing. Anything else ("Episodio 4 della serie è...")
/// makes the line prose.
fn episode_rest(rest: &str) -> Option<Option<&str>> {
    if rest.trim().is_empty() {
        return Some(None);
    }
    let (title, _) = separator(rest).ok()?;
    let title = title.trim();
    Some((!title.is_empty()).then_some(title))
}

/// What may open an episode header: a series tag ("[7-eleven]") or what
/// may open an episode.
pub(crate) fn opens(head: &Head) -> bool {
    head.first == '[' || opens_episode(head)
}

/// What may open an episode: an ordinal in digits ("3ª puntata"), a
/// season ("S01E04"), an episode word or a number word.
fn opens_episode(head: &Head) -> bool {
    let text = head.text;
    ordinal_digits(text, head.lexicon)
        || (text.starts_with(['S', 's']) && text.as_bytes().get(1).is_some_and(u8::is_ascii_digit))
        || head
            .words
            .any(&[List::Word(Words::EpisodeWord), List::Number])
}

/// Parses an episode header line.
// header = [series-tag 1*WSP] (episode / season-episode)
// episode = <episode-word> 1*WSP episode-number [of-total] (separator title / EOL)
pub(crate) fn header<'a>(line: &'a str, lexicon: &Lexicon) -> Option<Header<'a>> {
    if line.len() > MAX_HEADER {
        return None;
    }
    let (body, tag) = match series_tag(line) {
        Ok((rest, tag)) => (ws0(rest).ok()?.0, Some(tag)),
        Err(_) => (line, None),
    };
    if let Ok((rest, n)) = season_episode(body) {
        let title = episode_rest(rest)?;
        return Some(Header {
            tag,
            number: Some(n),
            title,
            ..Header::default()
        });
    }
    let episode_word = |i: &'a str| -> Option<&'a str> {
        let (n, _) = lexicon.words(Words::EpisodeWord).longest_prefix(i)?;
        (!i[n..].starts_with(crate::chars::is_alnum)).then(|| &i[n..])
    };
    let (rest, number) = match episode_word(body) {
        // episode = <episode-word> 1*WSP episode-number ...
        Some(after) => episode_number(ws1(after).ok()?.0, lexicon).ok()?,
        // ordinal-first = ordinal 1*WSP <episode-word> ... ("3ª puntata", "Second part")
        None => {
            let (after, n) = ordinal(body, lexicon).ok()?;
            (episode_word(ws1(after).ok()?.0)?, n)
        }
    };
    let (rest, of) = match of_total(rest, lexicon) {
        Ok((rest, of)) => (rest, Some(of)),
        Err(_) => (rest, None),
    };
    let title = episode_rest(rest)?;
    Some(Header {
        tag,
        series: None,
        number: (number > 0).then_some(number),
        of: of.filter(|&n| n > 0),
        title,
    })
}

/// Parses a post title that numbers an episode of a series:
/// "Serie: parte 2, titolo", "Serie (3) – titolo", "Serie (parte 2)",
/// "Serie #3", "Serie, seconda parte", or a header form.
// numbered-title = [series-tag] (header
//                 / series ":" *WSP <episode-word> 1*WSP episode-number [separator title]
//                 / series *WSP "(" [<episode-word> 1*WSP] episode-number ")" [separator title]
//                 / series *WSP "#" number [separator title]
//                 / series *WSP "[" number "]" [separator title]
//                 / series "," *WSP (number-word 1*WSP <episode-word> / <episode-word> 1*WSP number-word))
pub(crate) fn numbered_title<'a>(title: &'a str, lexicon: &Lexicon) -> Option<Header<'a>> {
    if let Some(h) = header(title, lexicon) {
        return Some(h);
    }
    let (body, tag) = match series_tag(title) {
        Ok((rest, tag)) => (ws0(rest).ok()?.0, Some(tag)),
        Err(_) => (title, None),
    };
    let episode_word = |i: &'a str| -> Res<'a, ()> {
        let (n, _) = lexicon
            .words(Words::EpisodeWord)
            .longest_prefix(i)
            .ok_or_else(|| fail(i))?;
        if i[n..].starts_with(crate::chars::is_alnum) {
            return Err(fail(i));
        }
        Ok((&i[n..], ()))
    };
    // Each form starts at a delimiter inside the title: try them left to
    // right, so the series title is the text before it.
    for (at, c) in delimiters(body) {
        if at == 0 {
            continue;
        }
        let rest = &body[at..];
        let parsed: Option<(u32, Option<u32>, &str)> = match c {
            ':' | ',' | '-' | '–' | '—' | '|' => {
                let after = ws0(&rest[c.len_utf8()..]).ok()?.0;
                // Both forms open with an episode word or an ordinal: most
                // commas in a title are followed by neither.
                let opens = after.starts_with(|c: char| c.is_ascii_digit())
                    || lexicon.words(Words::EpisodeWord).opens(after)
                    || lexicon.numbers.opens(after);
                if !opens {
                    continue;
                }
                let word_first = |i: &'a str| {
                    let (i, _) = episode_word(i)?;
                    let (i, _) = ws1(i)?;
                    episode_number(i, lexicon)
                };
                let number_first = |i: &'a str| {
                    let (i, n) = ordinal(i, lexicon)?;
                    let (i, _) = ws1(i)?;
                    let (i, _) = episode_word(i)?;
                    Ok((i, n))
                };
                alt((word_first, number_first))
                    .parse(after)
                    .ok()
                    .map(|(r, n)| (n, None, r))
            }
            '(' => {
                // "(3)", "(parte 2)", "(3/5)", "(parte 3 di 5)"
                let inner = |i: &'a str| -> Res<'a, (u32, Option<u32>)> {
                    let (i, _) = char::<&str, nom::error::Error<&str>>('(')(i)?;
                    let (i, _) = opt((episode_word, ws1)).parse(i)?;
                    let (i, n) = episode_number(i, lexicon)?;
                    let slash_total = |i: &'a str| {
                        let (i, _) = char::<&str, nom::error::Error<&str>>('/')(i)?;
                        number::<u32>(i)
                    };
                    let (i, of) = opt(alt((slash_total, |i| of_total(i, lexicon)))).parse(i)?;
                    let (i, _) = char::<&str, nom::error::Error<&str>>(')')(i)?;
                    Ok((i, (n, of)))
                };
                inner(rest).ok().map(|(r, (n, of))| (n, of, r))
            }
            '#' => {
                let (r, n) = (|i: &'a str| {
                    let (i, _) = char('#')(i)?;
                    number::<u32>(i)
                })(rest)
                .ok()?;
                (!r.starts_with(crate::chars::is_alnum)).then_some((n, None, r))
            }
            // "Info Sec Unplugged [19] – titolo"
            '[' => (|i: &'a str| {
                let (i, _) = char('[')(i)?;
                let (i, n) = number::<u32>(i)?;
                let (i, _) = char(']')(i)?;
                Ok::<_, nom::Err<nom::error::Error<&str>>>((i, n))
            })(rest)
            .ok()
            .map(|(r, n)| (n, None, r)),
            _ => None,
        };
        let Some((number, of, rest)) = parsed else {
            continue;
        };
        let series = body[..at].trim_end();
        if series.is_empty() || !series.chars().any(crate::chars::is_alpha) {
            return None;
        }
        let title = episode_rest(rest)?;
        return Some(Header {
            tag,
            series: Some(
                series
                    .trim_end_matches([',', ':', '-', '–', '—', '|'])
                    .trim_end(),
            ),
            number: (number > 0).then_some(number),
            of: of.filter(|&n| n > 0),
            title,
        });
    }
    None
}

/// Parses a post's title that numbers an episode: a [`numbered_title`],
/// or a series name of two words or more closed by the number, as weekly
/// columns are titled ("Weekly Update 423"). The bare closing number is
/// read in titles only: in a list item or a sentence it counts things
/// ("Aumentare i follower del 20").
// post-title  = numbered-title / series 1*WSP 1*4DIGIT   ; no year, the series two words or more
pub(crate) fn numbered_post_title<'a>(title: &'a str, lexicon: &Lexicon) -> Option<Header<'a>> {
    numbered_title(title, lexicon).or_else(|| closing_number(title))
}

/// The closing-number form of [`numbered_post_title`].
// closing-number = series 1*WSP 1*4DIGIT ["/" 1*4DIGIT] EOL
fn closing_number(title: &str) -> Option<Header<'_>> {
    let (before, last, digits) = closing_digits(title)?;
    let (before, number, of) = match before.strip_suffix('/') {
        // "Il negozio 3/5": the episode, then how many ("5/3" would be
        // a date).
        Some(before) => {
            let (before, number, _) = closing_digits(before)?;
            (before, number, Some((last >= number).then_some(last)?))
        }
        None => {
            let year = (MIN_YEAR..=MAX_YEAR).contains(&last) && digits == 4;
            (before, last, (!year).then_some(None)?)
        }
    };
    let series = before.strip_suffix(|c: char| c.is_whitespace())?.trim_end();
    let named = series
        .chars()
        .all(|c| crate::chars::is_alpha(c) || c == ' ' || c == '\'');
    // Two words at least: "Windows 11" is a product, not a series.
    let words = !crate::chars::at_most_words(series, 1);
    (number > 0 && words && named).then_some(Header {
        tag: None,
        series: Some(series),
        number: Some(number),
        of,
        title: None,
    })
}

/// The number of one to four digits that closes `text`: the text before
/// it, its value and its digits.
fn closing_digits(text: &str) -> Option<(&str, u32, usize)> {
    let digits = text.bytes().rev().take_while(u8::is_ascii_digit).count();
    let at = text.len() - digits;
    let (_, value) = number::<u32>(&text[at..]).ok()?;
    (digits <= 4).then_some((&text[..at], value, digits))
}

/// Four-digit numbers from here to there closing a title are years ("Le
/// tendenze del 2024"), not episodes.
const MIN_YEAR: u32 = 1900;
const MAX_YEAR: u32 = 2100;

/// The delimiters a numbered title may have its number after (`:` `,`
/// `-` `–` `—` `|` `(` `#` `[`), with their byte offsets.
fn delimiters(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    // Bytes, not characters: only the dashes (E2 80 93, E2 80 94) need
    // decoding.
    text.bytes().enumerate().filter_map(|(i, b)| match b {
        b':' | b',' | b'-' | b'|' | b'(' | b'#' | b'[' => Some((i, char::from(b))),
        0xE2 => text[i..]
            .chars()
            .next()
            .filter(|c| matches!(c, '–' | '—'))
            .map(|c| (i, c)),
        _ => None,
    })
}

/// A scheduled slot: its time and what follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot<'a> {
    pub time: Time,
    pub title: Option<&'a str>,
}

// meridiem = <ante-meridiem> / <post-meridiem>
fn meridiem<'a>(input: &'a str, lexicon: &Lexicon) -> Option<(&'a str, bool)> {
    let end_ok = |rest: &str| !rest.starts_with(crate::chars::is_alnum);
    if let Some((n, _)) = lexicon.words(Words::PostMeridiem).longest_prefix(input) {
        return end_ok(&input[n..]).then(|| (&input[n..], true));
    }
    let (n, _) = lexicon.words(Words::AnteMeridiem).longest_prefix(input)?;
    end_ok(&input[n..]).then(|| (&input[n..], false))
}

/// Parses a slot line: a time, then the slot's title.
// slot  = ("@" / <time-prefix> 1*WSP) *WSP time [*WSP meridiem] [separator] title
// time  = 1*2DIGIT (":" / ".") 2DIGIT / 1*2DIGIT   ; the bare hour only after a prefix
pub(crate) fn slot<'a>(line: &'a str, lexicon: &Lexicon) -> Option<Slot<'a>> {
    let (body, prefixed) = match line.strip_prefix('@') {
        Some(rest) => (ws0(rest).ok()?.0, true),
        None => match lexicon.words(Words::TimePrefix).longest_prefix(line) {
            Some((n, _)) if !line[n..].starts_with(crate::chars::is_alnum) => {
                (ws0(&line[n..]).ok()?.0, true)
            }
            _ => (line, false),
        },
    };
    let (rest, hour) = number::<u8>(body).ok()?;
    let minutes = |i: &'a str| -> Res<'a, u8> {
        let (i, _) = one_of(":.")(i)?;
        let (i, m) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit())(i)?;
        m.parse().map(|m| (i, m)).map_err(|_| fail(i))
    };
    let (rest, minute) = match minutes(rest) {
        Ok((r, m)) => (r, m),
        Err(_) if prefixed => (rest, 0),
        Err(_) => return None,
    };
    if rest.starts_with(crate::chars::is_alnum) && meridiem(rest, lexicon).is_none() {
        return None;
    }
    let after = ws0(rest).ok()?.0;
    let (rest, hour) = match meridiem(after, lexicon) {
        Some((r, pm)) if (1..=12).contains(&hour) => (r, (hour % 12) + if pm { 12 } else { 0 }),
        _ => (rest, hour),
    };
    let time = Time::new(hour, minute)?;
    let rest = ws0(rest).ok()?.0;
    let rest = separator(rest).map_or(rest, |(r, _)| r);
    let title = rest.trim();
    Some(Slot {
        time,
        title: (!title.is_empty()).then_some(title),
    })
}

/// Hashtags in `text`, without `#`: a `#` at the start of a word followed
/// by letters, digits or underscores, with at least one letter.
pub(crate) fn hashtags(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.match_indices('#').filter_map(move |(i, _)| {
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| crate::chars::is_alnum(c) || c == '&') {
            return None;
        }
        let (_, tag) = take_while1::<_, _, nom::error::Error<&str>>(|c: char| {
            crate::chars::is_alnum(c) || c == '_'
        })(&text[i + 1..])
        .ok()?;
        tag.chars().any(crate::chars::is_alpha).then_some(tag)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_delimiters() {
        let found: Vec<_> = delimiters("Serie: parte – 2, (3) #4 — x|y … è-").collect();
        let expected = [
            (5, ':'),
            (13, '–'),
            (18, ','),
            (20, '('),
            (24, '#'),
            (27, '—'),
            (32, '|'),
            (41, '-'),
        ];
        assert_eq!(found, expected);
    }

    fn head(line: &str) -> (Option<&str>, Option<u32>, Option<u32>, Option<&str>) {
        let h = header(line, &Lexicon::default()).unwrap_or_else(|| panic!("{line:?}"));
        // What the line table keeps gives the same header back.
        assert_eq!(h.locate(line).resolve(line), h, "{line:?}");
        (h.tag, h.number, h.of, h.title)
    }

    #[test]
    fn ok_number_abbreviations_and_ordinal_suffixes_come_from_the_lexicon() {
        assert_eq!(
            head("Puntata n. 4: titolo"),
            (None, Some(4), None, Some("titolo"))
        );
        assert_eq!(head("Puntata numero 4"), (None, Some(4), None, None));
        assert_eq!(head("Part No. 2 – x"), (None, Some(2), None, Some("x")));
        assert_eq!(
            head("3ª puntata: titolo"),
            (None, Some(3), None, Some("titolo"))
        );
        assert_eq!(head("2ND PART"), (None, Some(2), None, None));
        // A language added later: its words are enough.
        let mut lexicon = Lexicon::empty();
        assert_eq!(header("2e partie : le retour", &lexicon), None);
        lexicon
            .add_word(Words::EpisodeWord, "partie")
            .add_word(Words::OrdinalSuffix, "e");
        let h = header("2e partie : le retour", &lexicon).map(|h| (h.number, h.title));
        assert_eq!(h, Some((Some(2), Some("le retour"))));
    }

    #[test]
    fn ok_episode_zero_survives_the_line_table() {
        assert_eq!(head("S01E00 - Pilot"), (None, Some(0), None, Some("Pilot")));
    }

    #[test]
    fn ok_headers() {
        assert_eq!(
            head("Episodio 4: ho bisogno di una pausa…"),
            (None, Some(4), None, Some("ho bisogno di una pausa…"))
        );
        assert_eq!(
            head("Episodio 4 - titolo"),
            (None, Some(4), None, Some("titolo"))
        );
        assert_eq!(head("Puntata n. 3"), (None, Some(3), None, None));
        assert_eq!(head("Parte 2 di 5"), (None, Some(2), Some(5), None));
        assert_eq!(head("Capitolo 7"), (None, Some(7), None, None));
        assert_eq!(
            head("Episode 12: Title"),
            (None, Some(12), None, Some("Title"))
        );
        assert_eq!(head("Part 2 of 4"), (None, Some(2), Some(4), None));
        assert_eq!(head("Ep. 3 – Pilot"), (None, Some(3), None, Some("Pilot")));
        assert_eq!(head("S01E04"), (None, Some(4), None, None));
        assert_eq!(head("Puntata quattro"), (None, Some(4), None, None));
        assert_eq!(head("Part Two"), (None, Some(2), None, None));
        assert_eq!(
            head("[7-eleven] Episodio 5: la fine"),
            (Some("7-eleven"), Some(5), None, Some("la fine"))
        );
    }

    #[test]
    fn err_prose() {
        let lexicon = Lexicon::default();
        for line in [
            "Episodio 4 della serie è stato il più visto",
            "Chapter 3 of the report covers the same ground",
            "Quell'episodio mi ha cambiato",
            "Parte del problema è la fretta",
            "Capitolo chiuso, si ricomincia.",
            "Seconda parte del discorso è più lunga",
            "Parte Integrante del piano",
            "3a parte del budget è andata in ads",
        ] {
            assert_eq!(header(line, &lexicon), None, "{line}");
        }
    }

    fn titled(line: &str) -> (Option<&str>, Option<u32>, Option<&str>) {
        let h = numbered_title(line, &Lexicon::default()).unwrap_or_else(|| panic!("{line:?}"));
        (h.series, h.number, h.title)
    }

    #[test]
    fn ok_numbered_titles() {
        assert_eq!(
            titled("Guida pratica a Rust e WebAssembly: parte 2, il primo modulo"),
            (
                Some("Guida pratica a Rust e WebAssembly"),
                Some(2),
                Some("il primo modulo")
            )
        );
        assert_eq!(
            titled("Titolo della serie (3) – testo"),
            (Some("Titolo della serie"), Some(3), Some("testo"))
        );
        assert_eq!(titled("Titolo (parte 2)"), (Some("Titolo"), Some(2), None));
        assert_eq!(
            titled("Cyber test: conoscere il target (parte 1b)"),
            (Some("Cyber test: conoscere il target"), Some(1), None)
        );
        assert_eq!(titled("Titolo #3"), (Some("Titolo"), Some(3), None));
        assert_eq!(
            titled("Titolo, seconda parte"),
            (Some("Titolo"), Some(2), None)
        );
        assert_eq!(
            titled("Listening, part three"),
            (Some("Listening"), Some(3), None)
        );
        assert_eq!(
            numbered_title("Perché (secondo me) sbagliamo", &Lexicon::default()),
            None
        );
        assert_eq!(
            numbered_title("Un titolo qualunque", &Lexicon::default()),
            None
        );
    }

    #[test]
    fn ok_numbered_post_titles() {
        let lexicon = Lexicon::default();
        let post = |t: &'static str| {
            numbered_post_title(t, &lexicon).map(|h| (h.series, h.number, h.title))
        };
        assert_eq!(
            post("Weekly Update 423"),
            Some((Some("Weekly Update"), Some(423), None))
        );
        assert_eq!(
            post("Info Sec Unplugged [19] – Threat Int. (3a parte)"),
            Some((
                Some("Info Sec Unplugged"),
                Some(19),
                Some("Threat Int. (3a parte)")
            ))
        );
        assert_eq!(
            post("Il negozio sotto casa 3/5").map(|(s, n, _)| (s, n)),
            Some((Some("Il negozio sotto casa"), Some(3)))
        );
        assert_eq!(post("Le tendenze del 2024"), None);
        assert_eq!(post("Risultati del mese 5/3"), None);
        assert_eq!(post("Windows 11"), None);
        assert_eq!(post("Marketing 2.0"), None);
        assert_eq!(post("Top 10 regole"), None);
        // The bare closing number is for post titles only.
        assert_eq!(numbered_title("Weekly Update 423", &lexicon), None);
    }

    #[test]
    fn ok_slots() {
        let lexicon = Lexicon::default();
        let s = |l: &'static str| slot(l, &lexicon).map(|s| (s.time.to_string(), s.title));
        assert_eq!(
            s("@02:00 p.m. #tag, titolo"),
            Some(("14:00".into(), Some("#tag, titolo")))
        );
        assert_eq!(s("@14:00 titolo"), Some(("14:00".into(), Some("titolo"))));
        assert_eq!(
            s("alle 16:00 titolo"),
            Some(("16:00".into(), Some("titolo")))
        );
        assert_eq!(s("ore 16 titolo"), Some(("16:00".into(), Some("titolo"))));
        assert_eq!(s("h. 16.00 titolo"), Some(("16:00".into(), Some("titolo"))));
        assert_eq!(
            s("9:45 a.m. titolo"),
            Some(("09:45".into(), Some("titolo")))
        );
        assert_eq!(s("12:00 a.m."), Some(("00:00".into(), None)));
        assert_eq!(
            s("10.30 inizia il convegno"),
            Some(("10:30".into(), Some("inizia il convegno")))
        );
        assert_eq!(s("2017 fu un anno"), None);
        assert_eq!(s("@25:00 mai"), None);
    }

    #[test]
    fn ok_hashtags() {
        let found: Vec<_> = hashtags("Se #internethavinto, #3 e a#b #social_media").collect();
        assert_eq!(found, ["internethavinto", "social_media"]);
    }
}
