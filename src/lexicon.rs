//! The words tesi looks for, as data: one table per language.
//!
//! Grammar rules never spell an Italian or English word; they ask the
//! [`Lexicon`]. A new language or blog platform is a matter of adding
//! phrases:
//!
//! ```
//! use tesi::{Category, Lexicon, Pattern};
//!
//! let mut lexicon = Lexicon::default();
//! lexicon.add_boilerplate(Category::CommentLink, Pattern::Line, "Deja un comentario");
//! let parser = tesi::Parser::new(tesi::Options::default().lexicon(lexicon));
//! let doc = parser.parse("Título\n\nTexto del post.\n\nDeja un comentario\n");
//! assert_eq!(doc.posts[0].blocks.len(), 2);
//! ```
//!
//! Phrases match ignoring case, with any run of white space (NBSP
//! included) standing for one space and `’` for `'`.

mod en;
mod it;

use crate::model::Category;

/// How a boilerplate phrase must sit on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Pattern {
    /// The phrase is the whole line, give or take trailing symbols
    /// ("Skip to content →").
    Line,
    /// The line starts with the phrase ("Tag: relazione").
    Prefix,
    /// The phrase may close a paragraph line, followed by a few words at
    /// most ("... completed. […] continua su SNID"); only the phrase and
    /// what follows it become boilerplate.
    Tail,
}

/// A language's built-in words.
pub(crate) struct Table {
    pub boilerplate: &'static [(Category, Pattern, &'static str)],
    pub share_labels: &'static [&'static str],
    pub comment_words: &'static [&'static str],
    pub months: &'static [(&'static str, u8)],
}

/// The words and phrases of one or more languages.
///
/// [`Lexicon::default`] holds Italian and English.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub(crate) boilerplate: Phrases<(Category, Pattern)>,
    pub(crate) share_labels: Phrases<()>,
    pub(crate) comment_words: Phrases<()>,
    pub(crate) months: Phrases<u8>,
}

impl Default for Lexicon {
    /// Italian and English.
    fn default() -> Self {
        let mut lexicon = Lexicon::italian();
        lexicon.add_table(&en::TABLE);
        lexicon
    }
}

impl Lexicon {
    /// A lexicon with no words at all: nothing is recognised as
    /// boilerplate, no month name is known.
    pub fn empty() -> Self {
        Lexicon {
            boilerplate: Phrases::default(),
            share_labels: Phrases::default(),
            comment_words: Phrases::default(),
            months: Phrases::default(),
        }
    }

    /// The Italian words.
    pub fn italian() -> Self {
        let mut lexicon = Lexicon::empty();
        lexicon.add_table(&it::TABLE);
        lexicon
    }

    /// The English words.
    pub fn english() -> Self {
        let mut lexicon = Lexicon::empty();
        lexicon.add_table(&en::TABLE);
        lexicon
    }

    fn add_table(&mut self, table: &Table) {
        for &(category, pattern, phrase) in table.boilerplate {
            self.add_boilerplate(category, pattern, phrase);
        }
        for &label in table.share_labels {
            self.share_labels.insert(label, ());
        }
        for &word in table.comment_words {
            self.comment_words.insert(word, ());
        }
        for &(name, month) in table.months {
            self.months.insert(name, month);
        }
    }

    /// Adds every word of `other` to this lexicon.
    pub fn extend(&mut self, other: &Lexicon) -> &mut Self {
        self.boilerplate.extend(&other.boilerplate);
        self.share_labels.extend(&other.share_labels);
        self.comment_words.extend(&other.comment_words);
        self.months.extend(&other.months);
        self
    }

    /// Recognises lines holding `phrase`, as `pattern` says, as boilerplate
    /// of `category`.
    pub fn add_boilerplate(
        &mut self,
        category: Category,
        pattern: Pattern,
        phrase: &str,
    ) -> &mut Self {
        self.boilerplate.insert(phrase, (category, pattern));
        self
    }

    /// A short label that may stand on its own line inside a share bar
    /// ("Twitter", "Stampa").
    pub fn add_share_label(&mut self, label: &str) -> &mut Self {
        self.share_labels.insert(label, ());
        self
    }

    /// A word that follows a number in a comment count ("3 commenti").
    pub fn add_comment_word(&mut self, word: &str) -> &mut Self {
        self.comment_words.insert(word, ());
        self
    }

    /// A month name or abbreviation, for dates ("marzo" is 3).
    pub fn add_month(&mut self, name: &str, month: u8) -> &mut Self {
        self.months.insert(name, month);
        self
    }
}

/// A set of phrases with a payload each, sorted by first character so that
/// a lookup only compares the phrases that can match.
#[derive(Debug, Clone)]
pub(crate) struct Phrases<T> {
    /// (folded phrase, payload), sorted by first char, longest first.
    entries: Vec<(Box<str>, T)>,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            entries: Vec::new(),
        }
    }
}

impl<T: Clone> Phrases<T> {
    fn extend(&mut self, other: &Phrases<T>) {
        for (phrase, value) in &other.entries {
            self.insert(phrase, value.clone());
        }
    }
}

impl<T> Phrases<T> {
    fn insert(&mut self, phrase: &str, value: T) {
        let folded = fold_phrase(phrase);
        let Some(first) = folded.chars().next() else {
            return;
        };
        let key = |e: &(Box<str>, T)| {
            let c = e.0.chars().next().unwrap_or_default();
            (c, std::cmp::Reverse(e.0.len()))
        };
        let new_key = (first, std::cmp::Reverse(folded.len()));
        let at = self.entries.partition_point(|e| key(e) < new_key);
        self.entries.insert(at, (folded.into_boxed_str(), value));
    }

    /// Every phrase that starts `text`, longest first, with the number of
    /// bytes of `text` it covers.
    pub(crate) fn prefixes<'s>(&'s self, text: &'s str) -> impl Iterator<Item = (usize, &'s T)> {
        let first = text.chars().next().map(fold_char).unwrap_or_default();
        let lo = self
            .entries
            .partition_point(|e| e.0.chars().next().unwrap_or_default() < first);
        self.entries[lo..]
            .iter()
            .take_while(move |e| e.0.starts_with(first))
            .filter_map(move |(phrase, value)| match_phrase(text, phrase).map(|n| (n, value)))
    }

    /// The longest phrase that starts `text`.
    pub(crate) fn longest_prefix<'s>(&'s self, text: &'s str) -> Option<(usize, &'s T)> {
        self.prefixes(text).next()
    }

    /// Whether `text` is one of the phrases, give or take trailing
    /// symbols.
    pub(crate) fn is_whole(&self, text: &str) -> bool {
        self.prefixes(text).any(|(n, _)| only_symbols(&text[n..]))
    }
}

/// Lowercases, folds white space runs to one space, `’` to `'`.
fn fold_phrase(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for word in phrase.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(fold_char));
    }
    out
}

/// One character as phrases store it: lowercase, `’` as `'`.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if c == '\u{2019}' {
        '\''
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Bytes of `text` matched by the folded `phrase` at its start, or `None`.
/// A space in `phrase` matches one or more white space characters.
pub(crate) fn match_phrase(text: &str, phrase: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    for want in phrase.chars() {
        if want == ' ' {
            let mut any = false;
            while chars.next_if(|&(_, c)| c.is_whitespace()).is_some() {
                any = true;
            }
            if !any {
                return None;
            }
        } else {
            let (_, got) = chars.next()?;
            if fold_char(got) != want {
                return None;
            }
        }
    }
    Some(chars.peek().map_or(text.len(), |&(i, _)| i))
}

/// Whether `text` holds no letter or digit (arrows, punctuation, space).
pub(crate) fn only_symbols(text: &str) -> bool {
    !text.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_phrase_folds_case_space_and_apostrophe() {
        assert_eq!(
            match_phrase("Skip\u{a0} To content →", "skip to content"),
            Some(17)
        );
        assert_eq!(match_phrase("un’icona", "un'icona"), Some(10));
        assert_eq!(match_phrase("Skip", "skip to"), None);
    }

    #[test]
    fn ok_longest_prefix_wins() {
        let lexicon = Lexicon::default();
        let (n, (category, _)) = lexicon
            .boilerplate
            .longest_prefix("Archivio tag: x")
            .unwrap();
        assert_eq!((n, *category), (13, Category::ArchiveHeader));
        assert!(lexicon.share_labels.is_whole("Twitter"));
        assert!(!lexicon.share_labels.is_whole("Twitter è morto"));
    }
}
