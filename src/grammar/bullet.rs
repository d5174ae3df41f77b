//! Bullets: the markers that open recommendation items, on their own line
//! or several on one line.

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::character::complete::satisfy;
use nom::combinator::{recognize, verify};

use super::{Head, Res, offset_in, ws0};

/// Bullet characters that may touch their text ("•Rete"): typographic
/// bullets, arrows, checks, geometric shapes, and emoji.
fn is_symbol_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '·'
            | '▪'
            | '◦'
            | '►'
            | '➢'
            | '→'
            | '✓'
            | '✔'
            | '■'
            | '□'
            | '●'
            | '○'
            | '➤'
            | '▶'
            | '◆'
            | '◇'
            | '❖'
            | '⁃'
            | '‣'
            | '–'
            | '—'
            | '✅'
            | '❗'
            | '✨'
            | '‒'
            | '−'
    ) || matches!(
        c as u32,
        // Emoji, dingbats and miscellaneous symbols, arrows.
        0x1F300..=0x1FAFF | 0x2600..=0x26FF | 0x2700..=0x27BF | 0x2B00..=0x2BFF
        // Symbol-font glyphs that PDF extraction leaves in the private use
        // area (Word's bullets in Symbol and Wingdings: U+F0B7, U+F0A7, ...).
        | 0xF020..=0xF0FF
    )
}

/// A bullet at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bullet {
    /// Bytes of the marker as written.
    pub len: usize,
    /// Byte offset where the item text starts.
    pub text: usize,
}

// symbol-bullet = bullet-char [U+FE0F]
// (by hand: one char and a look at the next; this runs on every line that
// opens with a symbol)
fn symbol_bullet(input: &str) -> Res<'_, &str> {
    let Some(c) = input.chars().next().filter(|&c| is_symbol_bullet(c)) else {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Satisfy,
        )));
    };
    let mut len = c.len_utf8();
    if input[len..].starts_with('\u{fe0f}') {
        len += '\u{fe0f}'.len_utf8();
    }
    Ok((&input[len..], &input[..len]))
}

// ascii-bullet = ("-" / "--" / "*" / "+" / "o" / drawn-arrow) ; must be followed by white space
// drawn-arrow  = 2*3("." / ":" / "-" / "=" / ">" / "~")    ; ".:", "->", "=>", ">>", not "..." or "---"
fn ascii_bullet(input: &str) -> Res<'_, &str> {
    alt((
        verify(take_while1(is_drawn_arrow_char), |m: &str| {
            (2..=3).contains(&m.len())
                && m.bytes().any(|b| b != b'.')
                && m.bytes().any(|b| b != b'-')
        }),
        verify(take_while1(|c| c == '-'), |m: &str| m.len() <= 2),
        recognize(satisfy(|c| matches!(c, '*' | '+' | 'o'))),
    ))
    .parse(input)
}

/// Characters that draw a bullet two or three at a time, where a theme or
/// a writer had no bullet at hand (".: Cita le fonti", "-> Ascolta").
fn is_drawn_arrow_char(c: char) -> bool {
    matches!(c, '.' | ':' | '-' | '=' | '>' | '~')
}

/// What may open a bullet: a character beyond ASCII (the symbol
/// bullets), one of the ASCII bullets "-", "*", "+", "o", or a character
/// of a drawn arrow (".:", "=>").
pub(crate) fn opens(head: &Head) -> bool {
    match head.first {
        // "o" is a bullet only before white space ("o\ttesto").
        'o' => head.second().is_some_and(char::is_whitespace),
        '-' | '*' | '+' => true,
        c if is_drawn_arrow_char(c) => true,
        c => !c.is_ascii(),
    }
}

/// Parses a bullet at the start of a trimmed line.
// bullet-line = (symbol-bullet *WSP / ascii-bullet 1*WSP) text
// text        = a letter, digit, quote or bracket first (any sign after a symbol
//               bullet and a space); not a rule of dashes
pub(crate) fn bullet(line: &str) -> Option<Bullet> {
    let (rest, marker, spaced, symbol) = if let Ok((rest, marker)) = symbol_bullet(line) {
        let (after, _) = ws0(rest).ok()?;
        (after, marker, after.len() < rest.len(), true)
    } else {
        let (rest, marker) = ascii_bullet(line).ok()?;
        let (after, _) = ws0(rest).ok()?;
        // "o" as a word-processor bullet comes padded: "o\ttesto", "o  testo".
        let padded = rest.starts_with(['\t', '\u{a0}']) || rest.len() - after.len() >= 2;
        if after.len() == rest.len() || (marker == "o" && !padded) {
            return None;
        }
        (after, marker, true, false)
    };
    let first = rest.chars().next()?;
    // "-5%", "–10 euro": signed numbers, not items.
    if first.is_ascii_digit() && !spaced {
        return None;
    }
    // After a symbol bullet and a space, any sign but another bullet may
    // open the text ("• > Whistleblowing <", "• @handle", "• €5 al mese").
    let signed = symbol && spaced && !is_symbol_bullet(first) && !first.is_whitespace();
    let opens = crate::chars::is_alnum(first) || "“\"«'‘([*_¿¡".contains(first) || signed;
    if !opens || !rest.chars().any(crate::chars::is_alpha) {
        return None;
    }
    // ":: navigazione ::": a heading drawn between the same marks.
    if marker.len() >= 2 && rest.trim_end().ends_with(marker) {
        return None;
    }
    Some(Bullet {
        len: marker.len(),
        text: offset_in(line, rest),
    })
}

/// Inline bullets: the byte offsets of each bullet of a line that holds
/// several items separated by the same symbol bullet, each with white space
/// on both sides ("Le regole • Ascolta. • Rispondi."). Needs two at least.
///
/// Symbol bullets are not ASCII: only the lead bytes of their encodings
/// (`·` is C2 B7; the others start with E2 or F0) are looked at.
pub(crate) fn inline_bullets(line: &str) -> Option<(char, Vec<usize>)> {
    let bytes = line.as_bytes();
    // Blog text has a lead byte every few dozen bytes (’ “ ” … and
    // no-break spaces), mostly right after a letter: a visible ASCII byte
    // before the lead byte rules it out before its character is decoded.
    same_bullets(
        memchr::memchr3_iter(0xC2, 0xE2, 0xF0, bytes)
            .filter(|&i| i == 0 || !bytes[i - 1].is_ascii_graphic())
            .filter_map(|i| Some((i, inline_bullet_at(line, i)?))),
    )
}

/// The inline bullet that starts at byte `i` of `line`, with white space
/// on both sides (an emoji's variation selector may follow it).
fn inline_bullet_at(line: &str, i: usize) -> Option<char> {
    let c = line.get(i..)?.chars().next()?;
    if !is_inline_bullet(c) {
        return None;
    }
    let spaced_before = line[..i]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    let after = &line[i + c.len_utf8()..];
    let after = after.strip_prefix('\u{fe0f}').unwrap_or(after);
    (spaced_before && after.starts_with(char::is_whitespace)).then_some(c)
}

/// The offsets of the bullets like the first of `bullets`, when there are
/// two at least.
fn same_bullets(bullets: impl Iterator<Item = (usize, char)>) -> Option<(char, Vec<usize>)> {
    let mut found: Option<(char, Vec<usize>)> = None;
    for (i, c) in bullets {
        match &mut found {
            Some((kind, at)) if *kind == c => at.push(i),
            Some(_) => {}
            None => found = Some((c, vec![i])),
        }
    }
    found.filter(|(_, at)| at.len() >= 2)
}

/// Whether `c` may separate items on one line: a symbol bullet, but not
/// a dash or an arrow, which prose uses between clauses.
pub(crate) fn is_inline_bullet(c: char) -> bool {
    is_symbol_bullet(c) && !matches!(c, '–' | '—' | '→')
}

/// Whether `marker` is one of the bullets that word processors use for
/// sub-items (Word: • o ▪; Google Docs: ● ○ ■): with no indentation to go
/// by, one of these after another marker goes one level down.
pub(crate) fn is_sub_bullet(marker: &str) -> bool {
    matches!(
        marker,
        "◦" | "○" | "o" | "▪" | "■" | "·" | "-" | "*" | "+" | "⁃" | "‣"
    )
}

/// Columns of leading white space (a tab counts four).
pub(crate) fn indent(raw: &str) -> u32 {
    let mut cols = 0u32;
    for c in raw.chars() {
        match c {
            '\t' => cols = cols.saturating_add(4),
            c if c.is_whitespace() => cols = cols.saturating_add(1),
            _ => break,
        }
    }
    cols
}

// bullet-marker = bullet-char / 1*2"-"
/// A bullet as written, followed by optional white space, for listing
/// entries ("• 12 marzo 2015 – Titolo").
pub(crate) fn bullet_marker(input: &str) -> Res<'_, &str> {
    if input
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii() && !matches!(b, b'-' | b'*' | b'+' | b'o'))
    {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Char,
        )));
    }
    let (rest, marker) = alt((symbol_bullet, ascii_bullet)).parse(input)?;
    let (rest, _) = ws0(rest)?;
    Ok((rest, marker))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(line: &str) -> (&str, &str) {
        let b = bullet(line).unwrap_or_else(|| panic!("{line:?}"));
        (&line[..b.len], &line[b.text..])
    }

    #[test]
    fn ok_bullets() {
        assert_eq!(
            ok("–\u{a0}\u{a0}\u{a0} rivedere le strategie"),
            ("–", "rivedere le strategie")
        );
        assert_eq!(ok("• Ascolta"), ("•", "Ascolta"));
        assert_eq!(ok("•Rete"), ("•", "Rete"));
        assert_eq!(ok("- item"), ("-", "item"));
        assert_eq!(ok("* item"), ("*", "item"));
        assert_eq!(ok("o\tRivedere"), ("o", "Rivedere"));
        assert_eq!(ok("✔️ Fatto"), ("✔\u{fe0f}", "Fatto"));
        assert_eq!(ok("👉 Guarda"), ("👉", "Guarda"));
        assert_eq!(ok("► “Citazione”"), ("►", "“Citazione”"));
        assert_eq!(ok("\u{f0b7}\tDal PDF"), ("\u{f0b7}", "Dal PDF"));
        assert_eq!(ok("− meno"), ("−", "meno"));
        assert_eq!(ok(".: Cita le fonti."), (".:", "Cita le fonti."));
        assert_eq!(ok("-> Ascolta"), ("->", "Ascolta"));
        assert_eq!(ok("=> Rispondi"), ("=>", "Rispondi"));
        assert_eq!(ok("• > Whistleblowing <"), ("•", "> Whistleblowing <"));
        assert_eq!(ok("• @tesi_blog"), ("•", "@tesi_blog"));
    }

    #[test]
    fn err_not_bullets() {
        for line in [
            "-----",
            "-5% di vendite",
            "–10 euro",
            "*enfasi*",
            "o forse no",
            "-based",
            "ogni giorno",
            "• 123",
            "**grassetto**",
            "... e poi",
            "--- sezione",
            ":: navigazione ::",
            "::codice",
            ": punto",
            "• • •",
            "•> freccia",
            "- > freccia",
        ] {
            assert_eq!(bullet(line), None, "{line}");
        }
    }

    #[test]
    fn ok_inline() {
        let line = "Le regole d'oro • Ascolta prima. • Rispondi a tutti. • Ringrazia.";
        let (c, at) = inline_bullets(line).unwrap();
        assert_eq!((c, at.len()), ('•', 3));
        assert_eq!(inline_bullets("Un solo • punto"), None);
        assert_eq!(inline_bullets("Roma – Milano – Napoli"), None);
    }

    /// Every inline bullet, and no typographic quote, dash or ellipsis,
    /// passes the first-byte test.
    #[test]
    fn ok_may_open_inline_bullet_holds_every_bullet() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if is_inline_bullet(c) && matches!(bytes[0], 0xC2 | 0xE2 | 0xF0) {
                assert!(
                    crate::chars::may_open_inline_bullet(bytes, 0),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
        for c in ['’', '‘', '“', '”', '–', '—', '…', '\u{a0}', '€', '«', '©'] {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert!(!crate::chars::may_open_inline_bullet(bytes, 0), "{c}");
        }
    }

    /// [`inline_bullets`] by its definition, a character at a time.
    fn inline_bullets_by_chars(line: &str) -> Option<(char, Vec<usize>)> {
        same_bullets(
            line.char_indices()
                .filter_map(|(i, _)| Some((i, inline_bullet_at(line, i)?))),
        )
    }

    #[test]
    fn ok_inline_bullets_as_a_char_walk() {
        let pieces = [
            "Ascolta",
            " ",
            " • ",
            "•",
            " · ",
            "·",
            "l’",
            "\u{a0}",
            " “x” ",
            " ✔ ",
            " – ",
            " 👍 ",
            "\u{fe0f} ",
            "è",
            "\u{a0}•\u{a0}",
            ".",
            "x•",
        ];
        let mut line = String::new();
        for seed in 0..3000usize {
            line.clear();
            let start = seed.wrapping_mul(2654435761).wrapping_add(7);
            for k in crate::testing::picks(start, seed % 29, pieces.len()) {
                line.push_str(pieces[k]);
            }
            assert_eq!(
                inline_bullets(&line),
                inline_bullets_by_chars(&line),
                "{line:?}"
            );
        }
    }
}
