//! The page around the body, as the layout stage judged it: the blocks
//! of a post that lie mostly on lines judged furniture (menus printed one
//! link a line, teasers of other articles, widgets, readers' comments)
//! become furniture of the category `page`.
//!
//! Structures the lexicon names (episodes, series links) and furniture
//! already classified keep their kind; titles stay titles.

use crate::layout::Verdicts;
use crate::lexicon::Shapes;
use crate::model::{Block, Boilerplate, Category, Document};
use crate::normalize::normalize;

use super::shape::ends_sentence;

/// Turns the blocks `layout` judged furniture into furniture, with their
/// context, as jusText revises short blocks by their neighbours: a
/// heading right above a block kept as body introduces it and stays. A
/// list the author introduced with a lead-in ("What to pack:") is never
/// the page's.
pub(super) fn page_furniture<'a>(
    doc: &mut Document<'a>,
    source: &'a str,
    layout: &Verdicts,
    shapes: &Shapes,
) {
    let posts = doc.posts.len();
    for (n, post) in doc.posts.iter_mut().enumerate() {
        let mut judged: Vec<Judged> = post
            .blocks
            .iter()
            .map(|block| match block {
                Block::Boilerplate(_) => Judged::Furniture,
                Block::RecommendationList(list) if list.lead_in.is_some() => Judged::Body,
                Block::ThesisList(list)
                    if list.heading.as_deref().is_some_and(|h| h.ends_with(':')) =>
                {
                    Judged::Body
                }
                Block::Heading(_)
                | Block::Paragraph(_)
                | Block::ThesisList(_)
                | Block::RecommendationList(_)
                    if layout.is_furniture(block.span()) =>
                {
                    Judged::Page
                }
                _ => Judged::Body,
            })
            .collect();
        revise(
            &mut judged,
            &post.blocks,
            n + 1 == posts,
            shapes.heading_reach,
        );
        for (block, judged) in post.blocks.iter_mut().zip(judged) {
            if judged == Judged::Page {
                let span = block.span();
                *block = Block::Boilerplate(Boilerplate {
                    category: Category::Page,
                    text: normalize(&source[span.start..span.end]),
                    span,
                });
            }
        }
    }
}

/// A block as judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Judged {
    /// Furniture already (the lexicon's, or a shape of the assembly).
    Furniture,
    /// Judged furniture by the layout stage.
    Page,
    /// The author's.
    Body,
}

/// Gives back to the body the judged blocks its neighbours claim: a
/// block that follows a lead-in kept as body ("Un ultimo pensiero:") is
/// what it introduces; a sentence between two blocks of body, or after
/// body at the end of the text (`last`: the blocks are the last post's),
/// goes on with them; headings within `reach` bytes above body introduce
/// it.
fn revise(judged: &mut [Judged], blocks: &[Block<'_>], last: bool, reach: usize) {
    for i in 0..judged.len() {
        if judged[i] != Judged::Page {
            continue;
        }
        let before = i.checked_sub(1).map(|k| (judged[k], &blocks[k]));
        let after = judged.get(i + 1).copied();
        let body_before = before.is_some_and(|(j, _)| j == Judged::Body);
        let introduced = before.is_some_and(|(j, b)| {
            j == Judged::Body && text_of(b).is_some_and(|t| t.ends_with(':'))
        });
        let sentence = body_before
            && (after == Some(Judged::Body) || (after.is_none() && last))
            && text_of(&blocks[i]).is_some_and(ends_sentence);
        if introduced || sentence {
            judged[i] = Judged::Body;
        }
    }
    // Right to left, so that two headings above a paragraph both reach it.
    let mut body_at: Option<usize> = None;
    for i in (0..judged.len()).rev() {
        match judged[i] {
            Judged::Body => body_at = Some(blocks[i].span().start),
            Judged::Page
                if matches!(blocks[i], Block::Heading(_))
                    && body_at
                        .is_some_and(|at| at.saturating_sub(blocks[i].span().start) <= reach) =>
            {
                judged[i] = Judged::Body;
            }
            _ => body_at = None,
        }
    }
}

/// The text of a heading or paragraph.
fn text_of<'b>(block: &'b Block<'_>) -> Option<&'b str> {
    match block {
        Block::Heading(h) => Some(&h.text),
        Block::Paragraph(p) => Some(&p.text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Heading, Paragraph, Span};
    use std::borrow::Cow;

    /// Blocks one after another, each 10 bytes long: `h` a heading, `p` a
    /// paragraph; their text ends as given.
    fn blocks(shapes: &[(&'static str, &'static str)]) -> Vec<Block<'static>> {
        shapes
            .iter()
            .enumerate()
            .map(|(i, &(kind, text))| {
                let span = Span::new(i * 10, i * 10 + 9, i + 1);
                let text = Cow::Borrowed(text);
                match kind {
                    "h" => Block::Heading(Heading { text, span }),
                    _ => Block::Paragraph(Paragraph { text, span }),
                }
            })
            .collect()
    }

    use Judged::{Body as B, Furniture as F, Page as P};

    fn revised(
        judged: &[Judged],
        shapes: &[(&'static str, &'static str)],
        last: bool,
    ) -> Vec<Judged> {
        let mut judged = judged.to_vec();
        revise(&mut judged, &blocks(shapes), last, 25);
        judged
    }

    #[test]
    fn ok_heading_above_body_stays() {
        let shapes = [
            ("h", "Menu"),
            ("h", "Sezione"),
            ("h", "Titolo"),
            ("p", "Testo."),
        ];
        // Two headings within reach of the body (25 bytes) stay; the one
        // further up does not.
        assert_eq!(revised(&[P, P, P, B], &shapes, false), [P, B, B, B]);
        // Furniture in between breaks the reach.
        assert_eq!(revised(&[P, F, P, B], &shapes, false), [P, F, B, B]);
    }

    #[test]
    fn ok_what_a_lead_in_introduces_stays() {
        let shapes = [("p", "Eccole:"), ("p", "castagne"), ("p", "treni")];
        assert_eq!(revised(&[B, P, P], &shapes, false), [B, B, P]);
    }

    #[test]
    fn ok_a_sentence_between_body_stays() {
        let shapes = [("p", "Uno."), ("p", "Due."), ("p", "Tre.")];
        assert_eq!(revised(&[B, P, B], &shapes, false), [B, B, B]);
        // A label between body, or a sentence after body that does not
        // end the text, is the page's.
        let labels = [("p", "Uno."), ("p", "Home"), ("p", "Tre.")];
        assert_eq!(revised(&[B, P, B], &labels, false), [B, P, B]);
        assert_eq!(revised(&[B, P], &shapes[..2], false), [B, P]);
        assert_eq!(revised(&[B, P], &shapes[..2], true), [B, B]);
    }
}
