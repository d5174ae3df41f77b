//! Bylines printed one field a line: "Published by", "Rocco Sicilia",
//! "on", then the date.
//!
//! Themes that lay the byline out in a row of links leave, once the page
//! is text, a few short lines above the date line of the post's head. The
//! date line alone is furniture by its grammar; the lines above it read
//! as a heading and a paragraph. This rule gives them to the byline.

use super::shape::ends_clause;
use crate::chars::at_most_words;
use crate::lexicon::Shapes;
use crate::model::{Block, Boilerplate, Category, Heading, Paragraph};
use crate::source::line_texts;

/// How many blocks at the end of `blocks` are the fields of a byline,
/// given that a date line follows them: short lines with no sentence
/// punctuation, at the head of a post (only headings and furniture before
/// them), below its title: the post's `titled` already, or a heading
/// right above the fields ("Weekly update #1" above "Published by" is the
/// title, though as short). Zero when there are none.
pub(super) fn byline_fields(
    blocks: &[Block<'_>],
    source: &str,
    titled: bool,
    shapes: &Shapes,
) -> usize {
    let mut lines = 0;
    let mut run = blocks
        .iter()
        .rev()
        .take_while(|block| {
            if !matches!(block, Block::Heading(_) | Block::Paragraph(_)) {
                return false;
            }
            let span = block.span();
            let text = &source[span.start..span.end];
            lines += line_texts(text).filter(|l| !l.trim().is_empty()).count();
            lines <= shapes.max_byline_lines && line_texts(text).all(|l| is_byline_line(l, shapes))
        })
        .count();
    let below_title = |start: usize| match start.checked_sub(1) {
        None => titled,
        Some(above) => matches!(blocks[above], Block::Heading(_)),
    };
    while run > 0 && !below_title(blocks.len() - run) {
        run -= 1;
    }
    let head = &blocks[..blocks.len() - run];
    let at_head = head
        .iter()
        .all(|b| matches!(b, Block::Heading(_) | Block::Boilerplate(_)));
    if at_head { run } else { 0 }
}

/// Whether `line` may be a field of a byline: a few words
/// ([`Shapes::max_byline_words`]), and no end of a sentence.
pub(super) fn is_byline_line(line: &str, shapes: &Shapes) -> bool {
    let line = line.trim();
    at_most_words(line, shapes.max_byline_words) && !ends_clause(line)
}

/// Turns the fields of a byline into the post metadata they are.
pub(super) fn into_meta(fields: &mut [Block<'_>]) {
    for block in fields {
        if let Block::Heading(Heading { text, span }) | Block::Paragraph(Paragraph { text, span }) =
            block
        {
            *block = Block::Boilerplate(Boilerplate {
                category: Category::PostMeta,
                text: std::mem::take(text),
                span: *span,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Block, Category};

    fn categories(text: &str) -> (Option<String>, Vec<Option<Category>>) {
        let doc = crate::parse(text);
        let post = &doc.posts[0];
        let kinds = post
            .blocks
            .iter()
            .map(|b| match b {
                Block::Boilerplate(b) => Some(b.category),
                _ => None,
            })
            .collect();
        (post.title.as_ref().map(|t| t.text.to_string()), kinds)
    }

    #[test]
    fn ok_fields_above_the_date_are_the_byline() {
        let text = "Perché scrivere a mano\nScritto da\nLucia\nil\n12 marzo 2019\n\n\
                    Il quaderno ci ha insegnato più di qualunque programma.\n";
        let meta = Some(Category::PostMeta);
        assert_eq!(
            categories(text),
            (
                Some("Perché scrivere a mano".into()),
                vec![meta, meta, meta, None]
            )
        );
    }

    #[test]
    fn ok_a_short_title_under_site_furniture_stays_the_title() {
        let text = "Il Taccuino\nCerca\n  • Chi siamo\n  • Contatti\nDiario #1\nScritto da\nLucia\nil\n\
                    12 marzo 2019\n\nIl quaderno ci ha insegnato più di qualunque programma.\n";
        let (title, kinds) = categories(text);
        assert_eq!(title.as_deref(), Some("Diario #1"));
        assert_eq!(kinds[..3], [Some(Category::PostMeta); 3]);
    }

    #[test]
    fn ok_sentences_above_a_date_stay_prose() {
        let text =
            "Titolo\n\nCi siamo.\nDavvero.\n12 marzo 2019\n\nIl resto del post, con una frase.\n";
        let (_, kinds) = categories(text);
        assert_eq!(kinds[0], None);
    }
}
