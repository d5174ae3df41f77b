//! The page's foot: the run of lines a theme prints after the last post
//! (the tag links, a share row, the author's box, a sidebar with its
//! lists, a subscription form, the copyright line), found by its shape
//! rather than by its words.
//!
//! A scraper writes the author's paragraphs and lists apart, with a blank
//! line between them, and the page around them as one line per element,
//! with no blank line at all: the foot is the last such run, dense, after
//! a body written in blank-separated blocks. Words still decide whether
//! the run is furniture: it must hold lines the lexicon or a shape of
//! furniture recognises (a share row, a footer line, a copyright notice),
//! and it opens after the author's last words above the first of them,
//! so a closing paragraph written right above the share bar stays prose.
//! What lies between that point and the end of the page is furniture,
//! whatever it looks like: a widget's title, a list of the site's posts
//! or courses, the author's bio.
//!
//! Whatever its density, what follows the comment form is the page's too
//! (see [`comment_tail`]).

use crate::chars::at_most_words;
use crate::lexicon::Shapes;
use crate::model::{Block, Boilerplate, Category, Document, Span};
use crate::normalize::normalize;
use crate::source::{has_blank_line, line_ends};

use super::shape::ends_clause;

/// Turns the foot of the page (see the module documentation) into
/// furniture of the last post.
pub(super) fn page_foot(doc: &mut Document<'_>, source: &str, shapes: &Shapes) {
    let Some(post) = doc.posts.last_mut() else {
        return;
    };
    // Cheap first: the post holds enough recognised furniture at all.
    let anchors = post.blocks.iter().filter(|b| is_anchor(b));
    if anchors.take(shapes.min_foot_anchors).count() < shapes.min_foot_anchors {
        return;
    }
    let Some(start) = foot_start(&post.blocks, source, shapes) else {
        return;
    };
    for block in &mut post.blocks[start..] {
        if let Some(furniture) = as_furniture(block, source) {
            *block = Block::Boilerplate(furniture);
        }
    }
}

/// Turns what follows the comment form of the last post into furniture:
/// the author writes nothing below the form, so its notices ("Questo sito
/// utilizza Akismet…"), the links to the posts around, and the sidebar's
/// widgets under it (the author's box, "Let's connect", a subscription
/// box) are the page's. A paragraph longer than
/// [`Shapes::max_form_notice_words`] stays as it is (a reader's comment),
/// and so does a list with a lead-in. The form must follow the post's
/// body: a "Leave a comment" link printed under the title opens nothing.
pub(super) fn comment_tail(doc: &mut Document<'_>, source: &str, shapes: &Shapes) {
    let Some(post) = doc.posts.last_mut() else {
        return;
    };
    let is_form = |b: &Block<'_>| matches!(b, Block::Boilerplate(b) if matches!(b.category, Category::CommentForm | Category::CommentLink));
    let Some(form) = post.blocks.iter().position(is_form) else {
        return;
    };
    if !post.blocks[..form].iter().any(is_body) {
        return;
    }
    for block in &mut post.blocks[form + 1..] {
        let below_form = match block {
            Block::Heading(_) => true,
            Block::Paragraph(p) => at_most_words(&p.text, shapes.max_form_notice_words),
            Block::RecommendationList(list) => list.lead_in.is_none(),
            _ => false,
        };
        if below_form && let Some(furniture) = as_furniture(block, source) {
            *block = Block::Boilerplate(furniture);
        }
    }
}

/// Whether `block` is part of a post's body: a paragraph or a list.
fn is_body(block: &Block<'_>) -> bool {
    matches!(
        block,
        Block::Paragraph(_) | Block::ThesisList(_) | Block::RecommendationList(_)
    )
}

/// Where the foot of `blocks` opens, if they end with one.
fn foot_start(blocks: &[Block<'_>], source: &str, shapes: &Shapes) -> Option<usize> {
    let dense = dense_run(blocks, source);
    let anchors = || {
        blocks[dense..]
            .iter()
            .enumerate()
            .filter(|(_, b)| is_anchor(b))
    };
    let (first_anchor, _) = anchors().next()?;
    if anchors().count() < shapes.min_foot_anchors {
        return None;
    }
    let first_anchor = dense + first_anchor;
    // The author's last words above the furniture stay theirs.
    let start = (dense..first_anchor)
        .rev()
        .find(|&i| is_authored(&blocks[i], shapes.max_foot_label_words))
        .map_or(dense, |i| i + 1);
    let breaks = blocks[..start]
        .windows(2)
        .filter(|pair| blank_between(source, pair[0].span(), pair[1].span()))
        .count();
    (breaks >= shapes.min_body_breaks).then_some(start)
}

/// The first block of the dense run that ends `blocks`: no blank line
/// inside its blocks or between them.
fn dense_run(blocks: &[Block<'_>], source: &str) -> usize {
    let mut start = blocks.len();
    while start > 0 {
        let block = blocks[start - 1].span();
        let parted = blocks
            .get(start)
            .is_some_and(|next| blank_between(source, block, next.span()));
        if parted || has_blank_line(source.get(block.start..block.end).unwrap_or("")) {
            break;
        }
        start -= 1;
    }
    start
}

/// Whether a blank line parts the blocks spanning `a` and, after it, `b`.
fn blank_between(source: &str, a: Span, b: Span) -> bool {
    source
        .get(a.end..b.start)
        .is_some_and(|gap| line_ends(gap) >= 2)
}

/// Furniture that marks the foot: anything the lexicon or a shape of
/// furniture found, but a post's date line.
fn is_anchor(block: &Block<'_>) -> bool {
    matches!(block, Block::Boilerplate(b) if b.category != Category::PostMeta)
}

/// Whether `block` reads as the author's: a list, or a paragraph that
/// ends a sentence or is longer than a label.
fn is_authored(block: &Block<'_>, max_label_words: usize) -> bool {
    match block {
        Block::Paragraph(p) => ends_clause(&p.text) || !at_most_words(&p.text, max_label_words),
        Block::ThesisList(_) | Block::RecommendationList(_) => true,
        _ => false,
    }
}

/// A block of the foot as furniture; a series record (a link to the next
/// episode) stays what it is.
fn as_furniture<'a>(block: &Block<'a>, source: &str) -> Option<Boilerplate<'a>> {
    let (text, span) = match block {
        Block::Heading(h) => (h.text.clone(), h.span),
        Block::Paragraph(p) => (p.text.clone(), p.span),
        Block::ThesisList(_) | Block::RecommendationList(_) => {
            let span = block.span();
            let text = normalize(source.get(span.start..span.end)?).into_owned();
            (text.into(), span)
        }
        Block::Boilerplate(_) | Block::Episode(_) | Block::SeriesLink(_) => return None,
    };
    Some(Boilerplate {
        category: Category::Footer,
        text,
        span,
    })
}
