//! Series links: the lines that point to the previous or next episode
//! ("[7-eleven] Nella puntata precedente di “X”:", "Previously on X").

use super::Head;
use super::episode::series_tag;
use super::{Piece, ws0};
use crate::lexicon::{Lexicon, List, Words};
use crate::model::Direction;

/// Longest line that can open a series link, in bytes.
const MAX_OPENING: usize = 400;

/// Quotes that may enclose a series title, as (opening, closing).
const QUOTES: &[(char, char)] = &[
    ('“', '”'),
    ('"', '"'),
    ('«', '»'),
    ('‘', '’'),
    ('\'', '\''),
    ('„', '“'),
];

/// The opening line of a series link, in pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Opening<'a> {
    pub direction: Direction,
    pub tag: Option<&'a str>,
    pub title: Option<&'a str>,
    /// Text after the opening on the same line (a recap that starts there).
    pub rest: Option<&'a str>,
}

// An opening line's offsets fit in a `Piece`.
const _: () = assert!(MAX_OPENING <= u16::MAX as usize);

/// An [`Opening`] as byte ranges of its line: small and `Copy`, so the
/// scan's line table keeps it and the assembly need not parse the line
/// again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Located {
    direction: Direction,
    tag: Piece,
    title: Piece,
    rest: Piece,
}

impl Opening<'_> {
    /// The opening as byte ranges of `line`, the text it was parsed from.
    pub(crate) fn locate(&self, line: &str) -> Located {
        Located {
            direction: self.direction,
            tag: Piece::of(line, self.tag),
            title: Piece::of(line, self.title),
            rest: Piece::of(line, self.rest),
        }
    }
}

impl Located {
    /// The opening again, from the `line` it was located in.
    pub(crate) fn resolve(self, line: &str) -> Opening<'_> {
        Opening {
            direction: self.direction,
            tag: self.tag.get(line),
            title: self.title.get(line),
            rest: self.rest.get(line),
        }
    }
}

/// What may open a series link: a series tag ("[7-eleven] ...") or a
/// series-link phrase ("Nella puntata precedente").
pub(crate) fn opens(head: &Head) -> bool {
    head.first == '[' || head.words.has(List::SeriesLink)
}

/// Parses the opening line of a series link.
// series-link  = [series-tag 1*WSP] <series-link-phrase>
//                [1*WSP <series-connector> 1*WSP series-title] *WSP [":" / "…" / "..." / "."] [rest]
// series-title = quote 1*(not closing-quote) closing-quote / 1*(not ":")
pub(crate) fn opening<'a>(line: &'a str, lexicon: &Lexicon) -> Option<Opening<'a>> {
    if line.len() > MAX_OPENING {
        return None;
    }
    let (body, tag) = match series_tag(line) {
        Ok((rest, tag)) => (ws0(rest).ok()?.0, Some(tag)),
        Err(_) => (line, None),
    };
    let (n, &direction) = lexicon.series_links.longest_prefix(body)?;
    let rest = &body[n..];
    if rest.starts_with(crate::chars::is_alnum) {
        return None;
    }
    let after = rest.trim_start();
    let connectors = lexicon.words(Words::SeriesConnector);
    // "Previously on X": the phrase itself ends with the connector.
    let phrase_connects = body[..n]
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|last| connectors.is_whole(last));
    let named = match connectors.longest_prefix(after) {
        _ if phrase_connects && rest.starts_with(char::is_whitespace) => Some(after),
        Some((n, _)) if after[n..].starts_with(char::is_whitespace) => {
            Some(after[n..].trim_start())
        }
        _ => None,
    };
    let mut title = None;
    let mut rest = after;
    if let Some(named) = named.filter(|t| !t.is_empty()) {
        let (t, r) = series_title(named)?;
        title = Some(t);
        rest = r;
    }
    let rest = rest
        .trim_start()
        .trim_start_matches([':', '…', '.', '!'])
        .trim();
    Some(Opening {
        direction,
        tag,
        title,
        rest: (!rest.is_empty()).then_some(rest),
    })
}

/// A series title: quoted (the quotes dropped), or up to a colon.
fn series_title(text: &str) -> Option<(&str, &str)> {
    let first = text.chars().next()?;
    if let Some(&(_, close)) = QUOTES.iter().find(|(open, _)| *open == first) {
        let inner = &text[first.len_utf8()..];
        let end = inner.find(close)?;
        let title = inner[..end].trim();
        return (!title.is_empty()).then(|| (title, &inner[end + close.len_utf8()..]));
    }
    match text.find(':') {
        Some(end) => Some((text[..end].trim(), &text[end..])),
        None => {
            let title = text.trim_end_matches(['…', '.', '!']).trim();
            (!title.is_empty()).then_some((title, ""))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(line: &str) -> (Direction, Option<&str>, Option<&str>, Option<&str>) {
        let o = opening(line, &Lexicon::default()).unwrap_or_else(|| panic!("{line:?}"));
        // What the line table keeps gives the same opening back.
        assert_eq!(o.locate(line).resolve(line), o, "{line:?}");
        (o.direction, o.tag, o.title, o.rest)
    }

    #[test]
    fn ok_openings() {
        use Direction::*;
        assert_eq!(
            open(
                "[7-eleven] Nella puntata precedente di “Se Internet ha vinto, tutto è cambiato”:"
            ),
            (
                Previous,
                Some("7-eleven"),
                Some("Se Internet ha vinto, tutto è cambiato"),
                None
            )
        );
        assert_eq!(
            open("Nella prossima puntata di \"Reti corte\":"),
            (Next, None, Some("Reti corte"), None)
        );
        assert_eq!(
            open("Nelle puntate precedenti"),
            (Previous, None, None, None)
        );
        assert_eq!(
            open("Nel prossimo episodio: la resa dei conti"),
            (Next, None, None, Some("la resa dei conti"))
        );
        assert_eq!(
            open("Previously on Small Shops: the owner quit"),
            (Previous, None, Some("Small Shops"), Some("the owner quit"))
        );
        assert_eq!(
            open("Next time on Small Shops"),
            (Next, None, Some("Small Shops"), None)
        );
        assert_eq!(
            open("Continua nella prossima puntata…"),
            (Next, None, None, None)
        );
    }

    #[test]
    fn err_prose() {
        let lexicon = Lexicon::default();
        for line in [
            "Previously, I worked in a bank.",
            "Next time you post, think twice.",
            "Nella puntata di ieri sera",
        ] {
            assert_eq!(opening(line, &lexicon), None, "{line}");
        }
    }
}
