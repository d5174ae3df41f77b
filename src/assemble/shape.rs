//! The shapes of short lines: titles and headings, by length, words and
//! punctuation.

use crate::chars::at_most_words;

use super::paragraphs::{at_most_chars, closing_quotes_trimmed};

/// Longest title, in characters.
const MAX_TITLE_CHARS: usize = 160;

/// Most words in a title.
const MAX_TITLE_WORDS: usize = 25;

/// Longest heading, in characters, and most words in one.
const MAX_HEADING_CHARS: usize = 90;
const MAX_HEADING_WORDS: usize = 12;

/// Whether a one-line text reads as a post title: no lower-case start,
/// no sentence after a full stop, short, and two letters or digits at
/// least (a lone "Δ" or "»" a form leaves behind is no title).
pub(super) fn is_title(text: &str) -> bool {
    // The cheap tests first: most texts are paragraphs, too long.
    !text.chars().next().is_some_and(char::is_lowercase)
        && !text.ends_with([':', ',', ';'])
        && !has_sentence_break(text)
        && at_most_chars(text, MAX_TITLE_CHARS)
        && at_most_words(text, MAX_TITLE_WORDS)
        && text
            .chars()
            .filter(|&c| crate::chars::is_alnum(c))
            .nth(1)
            .is_some()
        && !is_address(text)
}

/// Whether `text` is an e-mail or web address alone ("nome@sito.it",
/// "www.sito.it"): a contact line or a link, no title.
fn is_address(text: &str) -> bool {
    // Texts are normalised: their only white space is " ".
    memchr::memchr(b' ', text.as_bytes()).is_none()
        && (is_email(text) || text.contains("://") || text.starts_with("www."))
}

/// Fewest joins of a lower-case letter to a capital inside one word that
/// show menu entries glued together ("sonoLibriFilmConcertiWeb"); a brand
/// has one or two ("LinkedIn", "WordPress").
const MIN_GLUED_ENTRIES: usize = 3;

/// Whether `text` is a menu whose entries a scraper glued together: "Chi
/// sonoLibriFilmConcertiWeb writingContatti". A word joins a lower-case
/// letter to a capital three times or more, and no sentence ends.
pub(super) fn is_glued_menu(text: &str) -> bool {
    // Cheap first: a menu is a short line that ends no sentence. The
    // joins are counted on bytes: the glued entries of menus are ASCII
    // at their seams.
    if text.len() > MAX_TITLE_CHARS || ends_clause(text) {
        return false;
    }
    let mut joins = 0;
    for pair in text.as_bytes().windows(2) {
        match pair {
            [a, b] if a.is_ascii_lowercase() && b.is_ascii_uppercase() => {
                joins += 1;
                if joins >= MIN_GLUED_ENTRIES {
                    return true;
                }
            }
            [b' ', _] => joins = 0,
            _ => {}
        }
    }
    false
}

/// Longest e-mail address, in bytes.
const MAX_EMAIL_BYTES: usize = 254;

/// Whether `text` is an e-mail address alone: a word with an "@" between
/// a name and a domain with a dot ("redazione@esempio.it").
pub(super) fn is_email(text: &str) -> bool {
    // Cheap first: an address is short and holds an "@".
    text.len() <= MAX_EMAIL_BYTES
        && memchr::memchr(b'@', text.as_bytes()).is_some()
        && !text.contains(char::is_whitespace)
        && text.split_once('@').is_some_and(|(name, domain)| {
            !name.is_empty() && domain.contains('.') && !domain.ends_with('.')
        })
}

/// The marks that end a sentence. The assembly's three ways of asking
/// how a text ends differ only in what they add to these:
/// [`ends_sentence`], [`ends_clause`] (a `;` too: no label, name or
/// tagline ends so) and `paragraphs::ends_line` (a `:` too, after any
/// closing quotes: a line that stands alone).
pub(super) const SENTENCE_ENDS: [char; 4] = ['.', '!', '?', '…'];

/// Whether `text` ends like a sentence: ".", "!", "?", "…".
pub(super) fn ends_sentence(text: &str) -> bool {
    text.ends_with(SENTENCE_ENDS)
}

/// Whether `line` ends a sentence or a clause (";"): no label, name or
/// tagline does.
pub(super) fn ends_clause(line: &str) -> bool {
    ends_sentence(line) || line.ends_with(';')
}

/// A title that needs no other evidence to open a post next to a date
/// line: title-like, short as a heading, not ending like a sentence.
pub(super) fn is_bare_title(text: &str) -> bool {
    is_title(text) && is_heading(text)
}

/// Whether `text` holds a full stop followed by another sentence.
fn has_sentence_break(text: &str) -> bool {
    memchr::memchr_iter(b'.', text.as_bytes()).any(|i| {
        let rest = &text[i + 1..];
        let space = crate::chars::space_len_at(rest);
        space > 0 && rest[space..].chars().next().is_some_and(char::is_uppercase)
    })
}

/// Whether a one-line text reads as a heading: short, with a letter, not
/// ending like a sentence, not a table row.
pub(super) fn is_heading(text: &str) -> bool {
    !closing_quotes_trimmed(text).ends_with(['.', ',', ';', '…'])
        && at_most_chars(text, MAX_HEADING_CHARS)
        && !text.contains('|')
        && text.chars().any(crate::chars::is_alpha)
        && at_most_words(text, MAX_HEADING_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_titles() {
        for title in [
            "Perché nessuno risponde",
            "Weekly Update 423",
            "5 regole",
            "AI",
        ] {
            assert!(is_title(title), "{title}");
        }
    }

    #[test]
    fn ok_glued_menus() {
        assert!(is_glued_menu(
            "Chi sonoLibriFilmConcertiWeb writingContatti"
        ));
        assert!(is_glued_menu("HomeBlogNegozioContatti"));
        assert!(!is_glued_menu(
            "LinkedIn, YouTube e WordPress per le aziende"
        ));
        assert!(!is_glued_menu("Il nostro eCommerce su iPhone"));
    }

    #[test]
    fn err_not_titles() {
        for text in [
            "Δ",
            "»",
            "5",
            "tutto minuscolo",
            "Una frase. Poi un'altra frase.",
            "Lead-in:",
            "anna@esempio.it",
            "https://esempio.it/pagina",
            "www.esempio.it",
        ] {
            assert!(!is_title(text), "{text}");
        }
    }
}
