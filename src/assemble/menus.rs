//! Lists of links: menus, social buttons, blogrolls, tag clouds printed
//! as bullets.
//!
//! A theme's menu comes out of the page as a bullet list of a few words
//! an item, and so does a sidebar's list of social profiles or friendly
//! sites. The author's lists differ in one of two ways: they are
//! announced by a lead-in ("Tre cose da fare:"), or their items are
//! sentences or at least carry a clause. A list with neither is a list of
//! links: furniture, not recommendations.

use crate::chars::at_most_words;
use crate::lexicon::{Lexicon, Shapes, Words};
use crate::model::{Recommendation, RecommendationList};

/// Whether `list` is a list of links by its shape: no lead-in, and
/// [`Shapes::min_links`] items or more, each a few words
/// ([`Shapes::max_link_words`]) with no punctuation of a sentence or a
/// clause.
pub(super) fn is_link_list(list: &RecommendationList<'_>, shapes: &Shapes) -> bool {
    list.lead_in.is_none() && are_links(&list.items, shapes)
}

/// The items of [`is_link_list`].
fn are_links(items: &[Recommendation<'_>], shapes: &Shapes) -> bool {
    items.len() >= shapes.min_links
        && items
            .iter()
            .all(|item| is_link_label(&item.text, shapes.max_link_words))
}

/// Whether `text` reads as the label of a link ("Altro…" is one).
fn is_link_label(text: &str, max_words: usize) -> bool {
    at_most_words(text, max_words)
        && !text.ends_with(['.', '!', '?', ';', ':', ','])
        && !text.contains([',', ';'])
}

/// A site menu rendered as bullets: most items are menu entries.
pub(super) fn is_menu(recs: &[Recommendation<'_>], lexicon: &Lexicon) -> bool {
    let menu = lexicon.words(Words::MenuItem);
    // Half the items at least, so the look stops once more than half miss.
    let allowed_misses = recs.len() / 2;
    let mut misses = 0;
    recs.len() >= 2
        && recs.iter().all(|r| {
            misses += usize::from(!menu.is_whole(&r.text));
            misses <= allowed_misses
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn items(texts: &[&'static str]) -> Vec<Recommendation<'static>> {
        texts
            .iter()
            .map(|&t| Recommendation {
                marker: Cow::Borrowed("•"),
                level: 0,
                text: Cow::Borrowed(t),
                episode: None,
                span: crate::Span::new(0, 0, 1),
            })
            .collect()
    }

    #[test]
    fn ok_menus_and_profiles_are_links() {
        assert!(are_links(
            &items(&["Home", "Chi siamo", "Contatti", "Altro…"]),
            &Shapes::default()
        ));
        assert!(are_links(
            &items(&["Facebook", "Instagram", "LinkedIn", "Spcnet.it"]),
            &Shapes::default()
        ));
    }

    #[test]
    fn ok_points_are_not_links() {
        // Two items, a clause, a sentence.
        assert!(!are_links(&items(&["Pro", "Contro"]), &Shapes::default()));
        assert!(!are_links(
            &items(&["Ascolta, poi rispondi", "Home", "Blog"]),
            &Shapes::default()
        ));
        assert!(!are_links(
            &items(&["Rispondi a ogni commento entro un giorno.", "Home", "Blog"]),
            &Shapes::default()
        ));
    }
}
