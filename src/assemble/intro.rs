//! List blocks and their lead-in: the paragraph before a list that
//! introduces it ("Ecco le mie tesi:") becomes its intro.

use std::borrow::Cow;

use crate::grammar::thesis::{declares_partial, names_theses};
use crate::lexicon::Lexicon;
use crate::model::{Block, Paragraph, RecommendationList, Span, ThesisList};
use crate::normalize::normalize;

use super::posts::Building;

/// The heading or lead-in that introduces a list: the post's last block
/// when it is a heading, or the last sentence of its last paragraph when
/// that ends with a colon.
pub(super) struct Intro<'a> {
    span: Span,
    text: Cow<'a, str>,
    /// Where the lead-in starts inside the paragraph; `None` for a heading.
    split: Option<usize>,
}

/// The heading or lead-in before the list that `b`'s post is about to
/// take, if there is one.
pub(super) fn intro<'a>(source: &'a str, b: &Building<'a>) -> Option<Intro<'a>> {
    match b.post.blocks.last() {
        Some(Block::Heading(h)) => Some(Intro {
            span: h.span,
            text: h.text.clone(),
            split: None,
        }),
        Some(Block::Paragraph(p)) if p.text.ends_with(':') => {
            let raw = &source[p.span.start..p.span.end];
            let at = last_sentence(raw);
            let line = p.span.line + crate::position::line_of(&raw.as_bytes()[..at]).0 - 1;
            let span = Span::new(p.span.start + at, p.span.end, line);
            Some(Intro {
                span,
                text: normalize(&source[span.start..span.end]),
                split: Some(at),
            })
        }
        _ => None,
    }
}

/// Removes the intro from the post: the heading goes, the paragraph keeps
/// the sentences before its lead-in.
fn take_intro<'a>(source: &'a str, b: &mut Building<'a>, intro: &Intro<'a>) {
    match intro.split {
        Some(at) if at > 0 => {
            if let Some(Block::Paragraph(p)) = b.post.blocks.last_mut() {
                let kept = source[p.span.start..p.span.start + at].trim_end();
                p.span.end = p.span.start + kept.len();
                p.text = normalize(kept);
            }
        }
        _ => {
            b.post.blocks.pop();
        }
    }
}

/// Finishes a numbered list: takes the heading or lead-in before it, reads
/// a declared selection from it, and keeps a list of one item only on
/// evidence that it holds theses (a heading that names them, a worded
/// marker, or numbering that goes on from the post's last thesis list). Without that, the lone numbered line is a
/// paragraph.
pub(super) fn thesis_list<'a>(
    source: &'a str,
    b: &mut Building<'a>,
    mut list: Box<ThesisList<'a>>,
    worded: bool,
    lexicon: &Lexicon,
) -> Block<'a> {
    let first = list.items.first().map(|t| t.number);
    // A lone thesis that goes on with the numbering of the post's last
    // thesis list (a long commentary split them) is one of them.
    let continues_numbering = {
        let last = b.post.blocks.iter().rev().find_map(|block| match block {
            Block::ThesisList(l) => l.items.last().map(|t| t.number),
            _ => None,
        });
        matches!((last, first), (Some(last), Some(first)) if first > last && first - last <= super::theses::MAX_GAP)
    };
    // A lone numbered line right after the lone line before it: both
    // are theses, and the one before comes back from its paragraph.
    let lone = list.items.len() == 1 && restores_lone(b, first);
    // Read after the lone line is restored: a lone line ending with a
    // colon is then a thesis, no longer a lead-in to take.
    let intro = intro(source, b);
    let evidence = worded
        || continues_numbering
        || lone
        || intro
            .as_ref()
            .is_some_and(|i| names_theses(&i.text, lexicon));
    if list.items.len() < 2 && !evidence {
        let span = list.span;
        b.lone = Some((b.post.blocks.len(), list));
        return Block::Paragraph(Paragraph {
            text: normalize(&source[span.start..span.end]),
            span,
        });
    }
    if let Some(intro) = intro {
        take_intro(source, b, &intro);
        list.declared_partial = declares_partial(&intro.text, lexicon);
        list.span = Span::new(intro.span.start, list.span.end, intro.span.line);
        list.heading = Some(intro.text);
    }
    Block::ThesisList(list)
}

/// Finishes a bulleted list: a heading or paragraph ending with a colon
/// just before it is its lead-in; a heading drawn between colons (":: i
/// social ::") is a widget's title, no lead-in.
pub(super) fn recommendation_list<'a>(
    source: &'a str,
    b: &mut Building<'a>,
    mut list: Box<RecommendationList<'a>>,
) -> Block<'a> {
    if list.lead_in.is_none()
        && let Some(intro) =
            intro(source, b).filter(|i| i.text.ends_with(':') && !i.text.starts_with(':'))
    {
        take_intro(source, b, &intro);
        list.span = Span::new(intro.span.start, list.span.end, intro.span.line);
        list.lead_in = Some(intro.text);
    }
    Block::RecommendationList(list)
}

/// Whether the lone numbered line kept by `b` is numbered right before
/// `first`; if so, its paragraph becomes the thesis list it was.
fn restores_lone(b: &mut Building<'_>, first: Option<u32>) -> bool {
    let restores = b.lone.as_ref().is_some_and(|(at, lone)| {
        let before = lone.items.first().map(|t| t.number);
        matches!(b.post.blocks.get(*at), Some(Block::Paragraph(p)) if p.span == lone.span)
            && before
                .zip(first)
                .is_some_and(|(before, first)| before.checked_add(1) == Some(first))
    });
    match b.lone.take() {
        Some((at, lone)) if restores => {
            b.post.blocks[at] = Block::ThesisList(lone);
            true
        }
        kept => {
            b.lone = kept;
            false
        }
    }
}

/// Byte offset where the last sentence of `text` starts: after the last
/// ". ", "? ", "! " or "… " followed by a capital letter; 0 for one
/// sentence.
fn last_sentence(text: &str) -> usize {
    let bytes = text.trim_end();
    let mut start = 0;
    for (i, c) in bytes.char_indices() {
        if matches!(c, '.' | '?' | '!' | '…') {
            let rest = &bytes[i + c.len_utf8()..];
            let next = rest.trim_start();
            if next.len() < rest.len() && next.starts_with(char::is_uppercase) {
                start = bytes.len() - next.len();
            }
        }
    }
    start
}
