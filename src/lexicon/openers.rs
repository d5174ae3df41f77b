//! Which lists of a lexicon may open a line, found from its first word.
//!
//! The grammars' gates ask this of every line (see `grammar::Head`), so
//! it is one lookup: phrases match whole words (see
//! [`Matcher::walk`](super::phrases::Matcher::walk)), so a phrase can
//! open a line only when both open with the same word. The index maps
//! the first word of every phrase to the lists that hold a phrase
//! opening with it; words that share their first [`KEY_BYTES`] bytes
//! share a key, which can only make a gate open more often.

use std::collections::HashMap;

use super::phrases::fold_char;
use super::{List, Lists};

/// Bytes of a folded first word that the index compares: enough to tell
/// the words of a lexicon apart, and a key that fits a `u64`.
const KEY_BYTES: usize = 8;

/// The first word of every phrase of a lexicon, with the lists whose
/// phrases open with it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Openers {
    by_word: HashMap<u64, Lists, foldhash::fast::FixedState>,
}

impl Openers {
    /// The index of `lists`: each list with its folded phrases.
    pub(crate) fn new<'p>(lists: impl IntoIterator<Item = (List, Vec<&'p str>)>) -> Self {
        let mut by_word: HashMap<u64, Lists, _> = HashMap::default();
        for (list, phrases) in lists {
            for key in phrases.into_iter().filter_map(first_word) {
                let lists = by_word.entry(key).or_default();
                *lists = lists.with(list);
            }
        }
        Openers { by_word }
    }

    /// The lists with a phrase that may open `text`: those with a phrase
    /// whose first word is the first word of `text`.
    pub(crate) fn of(&self, text: &str) -> Lists {
        first_word(text)
            .and_then(|key| self.by_word.get(&key))
            .copied()
            .unwrap_or_default()
    }
}

/// The first word of `text` as the index keys it: its letters, folded as
/// phrases are, up to the first character that is no letter; or its
/// first character alone when that is no letter ("©", "[", "1"). The
/// first [`KEY_BYTES`] bytes of its UTF-8, zero-padded, make the key.
/// `None` for an empty text.
fn first_word(text: &str) -> Option<u64> {
    // Room for a character of four bytes that starts at the last byte.
    let mut buf = [0; KEY_BYTES + 3];
    let mut chars = text.chars().map(fold_char);
    let first = chars.next()?;
    let mut len = first.encode_utf8(&mut buf).len();
    if crate::chars::is_alpha(first) {
        for c in chars.take_while(|&c| crate::chars::is_alpha(c)) {
            if len >= KEY_BYTES {
                break;
            }
            len += c.encode_utf8(&mut buf[len..]).len();
        }
    }
    buf.first_chunk().map(|key| u64::from_le_bytes(*key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Words;

    fn key(text: &str) -> Option<u64> {
        first_word(text)
    }

    fn word(text: &str) -> Option<u64> {
        let mut buf = [0; KEY_BYTES];
        buf[..text.len()].copy_from_slice(text.as_bytes());
        Some(u64::from_le_bytes(buf))
    }

    #[test]
    fn ok_first_word_folds_and_cuts() {
        assert_eq!(key("Commenti (3)"), word("commenti"));
        assert_eq!(key("Commentiamo"), word("commenti"));
        assert_eq!(key("Tag: relazione"), word("tag"));
        assert_eq!(key("N. 3"), word("n"));
        assert_eq!(key("L’episodio"), word("l"));
        assert_eq!(key("h10"), word("h"));
        assert_eq!(key("ÉPOCA"), word("época"));
        assert_eq!(key("© 2015"), word("©"));
        assert_eq!(key("12 marzo"), word("1"));
        assert_eq!(key(""), None);
    }

    #[test]
    fn ok_a_wide_letter_at_the_end_of_the_key() {
        // Words that share eight bytes share a key, even when the eighth
        // byte opens a wider letter (à and è both open with C3).
        assert_eq!(key("cittàdina"), key("cittàdine"));
        assert_eq!(key("cittadià"), key("cittadiè"));
        assert_ne!(key("città"), key("citta"));
    }

    #[test]
    fn ok_lists_of_the_first_word() {
        let episode = List::Word(Words::EpisodeWord);
        let openers = Openers::new([
            (episode, vec!["episodio", "ep."]),
            (List::Month, vec!["marzo"]),
        ]);
        assert!(openers.of("Episodio 3").has(episode));
        assert!(openers.of("EP. 3").has(episode));
        assert!(openers.of("marzo 2015").has(List::Month));
        assert!(!openers.of("marzo 2015").has(episode));
        assert!(!openers.of("Marte").has(List::Month));
        assert_eq!(openers.of("Il mercato"), Lists::default());
    }
}
