//! Bullets: the markers that open list items and archive listing entries.

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::character::complete::satisfy;
use nom::combinator::{recognize, verify};

use super::{Res, ws0};

/// The characters that serve as bullets on their own.
const BULLETS: &[char] = &[
    '–', '—', '-', '•', '·', '*', '▪', '◦', '►', '➢', '→', '✓', '✔', '■', '□', '●', '○', '➤', '▶',
    '✅', '👉', '🔹', '🔸', '◆', '◇', '❖', '⁃', '‣',
];

/// Whether `c` is a bullet character.
pub(crate) fn is_bullet_char(c: char) -> bool {
    BULLETS.contains(&c)
}

// bullet-marker = bullet-char / 1*"-" ; a run of dashes is one marker
/// A bullet as written, followed by optional white space. A rule of three
/// or more dashes is not a bullet.
pub(crate) fn bullet_marker(input: &str) -> Res<'_, &str> {
    let (rest, marker) = alt((
        verify(take_while1(|c| c == '-'), |m: &str| m.len() < 3),
        recognize(satisfy(is_bullet_char)),
    ))
    .parse(input)?;
    let (rest, _) = ws0(rest)?;
    Ok((rest, marker))
}
