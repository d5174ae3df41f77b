//! Lists of data: bullets whose items are addresses or dates, not points.
//!
//! Authors print more than recommendations as bullets: where to follow
//! them ("YouTube: https://…"), the dates of coming events ("il 7 maggio
//! alle 18:00 …"). Such items make no point, so they are not
//! recommendations; they are the author's text all the same, so each
//! item stays in the post as a paragraph of its own (its span from the
//! bullet, its text without it), and the lead-in above stays a paragraph.
//!
//! The shape decides, item by item, and every item must have it: one
//! recommendation among addresses keeps the list a list of points.

use crate::chars::words;
use crate::grammar::date::day_and_month;
use crate::lexicon::Lexicon;
use crate::model::{Paragraph, Recommendation};

/// Longest word that may come before an item's date ("il", "on", "dal").
const MAX_ARTICLE_BYTES: usize = 3;

/// Whether `items` are data (see the module documentation): two items or
/// more, all of them an address with its label, or all of them opened by
/// a day and a month.
pub(super) fn is_data_list(items: &[Recommendation<'_>], lexicon: &Lexicon) -> bool {
    let shapes = lexicon.shape_limits();
    items.len() >= shapes.min_data_items
        && (items
            .iter()
            .all(|item| is_address_item(&item.text, shapes.max_address_label_words))
            || items.iter().all(|item| is_dated_item(&item.text, lexicon)))
}

/// The items of a list of data as the paragraphs they are.
pub(super) fn into_paragraphs(
    items: Vec<Recommendation<'_>>,
) -> impl Iterator<Item = Paragraph<'_>> {
    items.into_iter().map(|item| Paragraph {
        text: item.text,
        span: item.span,
    })
}

/// Whether `text` is an address with a short label, or none: "YouTube:
/// https://youtube.com/@canale", "www.esempio.it".
// address-item = [label] address [label]   ; label: Shapes::max_address_label_words at most
fn is_address_item(text: &str, max_label_words: usize) -> bool {
    let (mut addresses, mut label) = (0, 0);
    for word in words(text) {
        if is_address(word) {
            addresses += 1;
        } else {
            label += 1;
            if label > max_label_words {
                return false;
            }
        }
    }
    addresses > 0
}

/// Whether `word` is a web address: "https://…", "http://…", "www.…",
/// maybe inside brackets.
fn is_address(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '<', '[']);
    ["https://", "http://", "www."]
        .iter()
        .any(|scheme| word.len() > scheme.len() && word.starts_with(scheme))
}

/// Whether `text` opens with a day and a month, maybe after a short word:
/// "il 7 maggio alle 18:00 …", "21 maggio: Milano", "On March 3 …".
// dated-item = [1*MAX_ARTICLE_BYTES ALPHA 1*WSP] day-and-month
fn is_dated_item(text: &str, lexicon: &Lexicon) -> bool {
    if day_and_month(text, lexicon).is_ok() {
        return true;
    }
    text.split_once(' ').is_some_and(|(article, rest)| {
        article.len() <= MAX_ARTICLE_BYTES
            && article.chars().all(char::is_alphabetic)
            && day_and_month(rest.trim_start(), lexicon).is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_addresses_and_dates_are_data() {
        assert!(is_address_item("YouTube: https://youtube.com/@canale", 4));
        assert!(is_address_item("www.esempio.it", 4));
        assert!(is_address_item("Il mio profilo (https://esempio.it/me)", 4));
        let lexicon = Lexicon::default();
        for dated in [
            "il 7 maggio alle 18:00 diretta sul canale",
            "21 maggio: Milano, Security Forum",
            "On March 3 we meet in Turin",
            "May 21st, workshop",
        ] {
            assert!(is_dated_item(dated, &lexicon), "{dated}");
        }
    }

    #[test]
    fn err_points_are_not_data() {
        assert!(!is_address_item(
            "Leggete la guida su https://esempio.it prima di cominciare a scrivere",
            4
        ));
        assert!(!is_address_item("Scrivete ogni giorno", 4));
        assert!(!is_address_item("http://", 4));
        let lexicon = Lexicon::default();
        for point in [
            "Pubblicate ogni 7 giorni",
            "Rispondete entro 24 ore",
            "il 2015 è stato l'anno dei video",
            "Maggio è il mese migliore",
            "10 maggiori errori da evitare",
        ] {
            assert!(!is_dated_item(point, &lexicon), "{point}");
        }
    }
}
