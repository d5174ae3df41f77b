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
//! Phrases match whole words, ignoring case, with any run of white space
//! (NBSP included) standing for one space and `’` for `'`: "mar" names
//! March in "mar 2015", not in "martedì".

mod en;
mod it;
mod openers;
mod phrases;
mod shapes;

use std::sync::OnceLock;

use crate::model::{Category, Direction};

pub(crate) use phrases::{Phrases, only_symbols};
pub use shapes::Shapes;

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

/// The lists of plain words and phrases a [`Lexicon`] holds, for
/// [`Lexicon::add_word`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Words {
    /// A short label that may stand on its own line inside a share bar
    /// ("Twitter", "Stampa").
    ShareLabel,
    /// A word that follows a number in a comment count ("3 commenti").
    CommentCount,
    /// A word that names a thesis before its number ("Tesi 1:",
    /// "Principio 3:", "Rule 2.").
    ThesisMarker,
    /// An abbreviation of "number" before a thesis number ("n. 1", "No. 3").
    NumberAbbreviation,
    /// A phrase that says a list is a selection ("non tutte", "some of").
    PartialList,
    /// The word between the numbers of "10 of the 95 theses", "10 delle 95".
    Fraction,
    /// A word in a heading or lead-in that shows a numbered list holds
    /// theses ("tesi", "principles", "manifesto"), enough to accept a list
    /// of one item.
    ThesisEvidence,
    /// A verb of speech ("disse", "asked") that makes a line opened by a
    /// dash a line of dialogue rather than a list item.
    SpeechVerb,
    /// A site menu entry ("Home", "Chi siamo", "Contact"): bullets made of
    /// these are navigation, not recommendations.
    MenuItem,
    /// A word that names an episode before its number ("Episodio",
    /// "Puntata", "Part", "Chapter").
    EpisodeWord,
    /// A word that may introduce the time of a slot ("alle", "ore", "at").
    TimePrefix,
    /// The word between a series link and the series title ("di", "of").
    SeriesConnector,
    /// "a.m." and its spellings.
    AnteMeridiem,
    /// "p.m." and its spellings.
    PostMeridiem,
    /// A word of a pagination line ("1 2 3 … Successivo", "Next page").
    PageWord,
    /// What follows the digits of an ordinal: "ª" in "3ª puntata", "nd"
    /// in "2nd part", "°" in "1° marzo".
    OrdinalSuffix,
    /// A day of the week, as archives print it before a date ("sabato 27
    /// ottobre 2007", "Monday, March 3, 2015").
    Weekday,
    /// The word of a copyright notice, before its year ("Copyright 2025,
    /// Name"), as "©" is its sign.
    Copyright,
}

impl Words {
    const COUNT: usize = 18;

    /// Every list, in the order of their indices.
    const ALL: [Words; Words::COUNT] = [
        Words::ShareLabel,
        Words::CommentCount,
        Words::ThesisMarker,
        Words::NumberAbbreviation,
        Words::PartialList,
        Words::Fraction,
        Words::ThesisEvidence,
        Words::SpeechVerb,
        Words::MenuItem,
        Words::EpisodeWord,
        Words::TimePrefix,
        Words::SeriesConnector,
        Words::AnteMeridiem,
        Words::PostMeridiem,
        Words::PageWord,
        Words::OrdinalSuffix,
        Words::Weekday,
        Words::Copyright,
    ];

    const fn index(self) -> usize {
        self as usize
    }
}

/// A language's built-in words.
pub(crate) struct Table {
    pub boilerplate: &'static [(Category, Pattern, &'static str)],
    pub share_labels: &'static [&'static str],
    pub comment_words: &'static [&'static str],
    pub thesis_words: &'static [&'static str],
    pub number_abbreviations: &'static [&'static str],
    pub partial_phrases: &'static [&'static str],
    pub fraction_words: &'static [&'static str],
    pub thesis_evidence: &'static [&'static str],
    pub speech_verbs: &'static [&'static str],
    pub menu_items: &'static [&'static str],
    pub episode_words: &'static [&'static str],
    pub time_prefixes: &'static [&'static str],
    pub series_connectors: &'static [&'static str],
    pub ante_meridiem: &'static [&'static str],
    pub post_meridiem: &'static [&'static str],
    pub page_words: &'static [&'static str],
    pub ordinal_suffixes: &'static [&'static str],
    pub weekdays: &'static [&'static str],
    pub copyright_words: &'static [&'static str],
    pub numbers: &'static [(&'static str, u32)],
    pub series_links: &'static [(&'static str, Direction)],
    pub months: &'static [(&'static str, u8)],
}

impl Table {
    fn words(&self) -> [(Words, &'static [&'static str]); Words::COUNT] {
        [
            (Words::ShareLabel, self.share_labels),
            (Words::CommentCount, self.comment_words),
            (Words::ThesisMarker, self.thesis_words),
            (Words::NumberAbbreviation, self.number_abbreviations),
            (Words::PartialList, self.partial_phrases),
            (Words::Fraction, self.fraction_words),
            (Words::ThesisEvidence, self.thesis_evidence),
            (Words::SpeechVerb, self.speech_verbs),
            (Words::MenuItem, self.menu_items),
            (Words::EpisodeWord, self.episode_words),
            (Words::TimePrefix, self.time_prefixes),
            (Words::SeriesConnector, self.series_connectors),
            (Words::AnteMeridiem, self.ante_meridiem),
            (Words::PostMeridiem, self.post_meridiem),
            (Words::PageWord, self.page_words),
            (Words::OrdinalSuffix, self.ordinal_suffixes),
            (Words::Weekday, self.weekdays),
            (Words::Copyright, self.copyright_words),
        ]
    }
}

/// The words and phrases of one or more languages.
///
/// [`Lexicon::default`] holds Italian and English.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub(crate) boilerplate: Phrases<(Category, Pattern)>,
    /// The `Tail` phrases of `boilerplate` again, on their own: the search
    /// for trailing markers runs on every line and should compare only
    /// these.
    pub(crate) tails: Phrases<Category>,
    words: [Phrases<()>; Words::COUNT],
    pub(crate) months: Phrases<u8>,
    pub(crate) numbers: Phrases<u32>,
    pub(crate) series_links: Phrases<Direction>,
    /// The first words of every list's phrases, for [`Lexicon::openers`].
    openers: OnceLock<openers::Openers>,
    /// The numbers of the shape rules.
    shapes: Shapes,
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
            tails: Phrases::default(),
            words: Default::default(),
            months: Phrases::default(),
            numbers: Phrases::default(),
            series_links: Phrases::default(),
            openers: OnceLock::new(),
            shapes: Shapes::default(),
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
            self.insert_boilerplate(category, pattern, phrase);
        }
        for (list, words) in table.words() {
            for &word in words {
                self.words[list.index()].insert(word, ());
            }
        }
        for &(name, month) in table.months {
            self.months.insert(name, month);
        }
        for &(word, n) in table.numbers {
            self.numbers.insert(word, n);
        }
        for &(phrase, direction) in table.series_links {
            self.series_links.insert(phrase, direction);
        }
        self.reindex();
    }

    /// Forgets the index of every list's first words, after a change.
    fn reindex(&mut self) {
        self.openers = OnceLock::new();
    }

    /// Adds every word of `other` to this lexicon.
    pub fn extend(&mut self, other: &Lexicon) -> &mut Self {
        self.boilerplate.extend(&other.boilerplate);
        self.tails.extend(&other.tails);
        for (mine, theirs) in self.words.iter_mut().zip(&other.words) {
            mine.extend(theirs);
        }
        self.months.extend(&other.months);
        self.numbers.extend(&other.numbers);
        self.series_links.extend(&other.series_links);
        self.reindex();
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
        self.insert_boilerplate(category, pattern, phrase);
        self.reindex();
        self
    }

    /// [`Lexicon::add_boilerplate`] without rebuilding the filters.
    fn insert_boilerplate(&mut self, category: Category, pattern: Pattern, phrase: &str) {
        self.boilerplate.insert(phrase, (category, pattern));
        if pattern == Pattern::Tail {
            self.tails.insert(phrase, category);
        }
    }

    /// Adds `phrase` to the word list `list`.
    pub fn add_word(&mut self, list: Words, phrase: &str) -> &mut Self {
        self.words[list.index()].insert(phrase, ());
        self.reindex();
        self
    }

    /// A month name or abbreviation, for dates ("marzo" is 3).
    pub fn add_month(&mut self, name: &str, month: u8) -> &mut Self {
        self.months.insert(name, month);
        self.reindex();
        self
    }

    /// A number written as a word ("quattro", "second"); 0 stands for
    /// "last", which has no number.
    pub fn add_number_word(&mut self, word: &str, n: u32) -> &mut Self {
        self.numbers.insert(word, n);
        self.reindex();
        self
    }

    /// A phrase that opens a link to another episode ("Nella puntata
    /// precedente", "Next time on").
    pub fn add_series_link(&mut self, phrase: &str, direction: Direction) -> &mut Self {
        self.series_links.insert(phrase, direction);
        self.reindex();
        self
    }

    /// The numbers the rules of page structure go by (see [`Shapes`]).
    #[deprecated(since = "0.2.0", note = "shapes are options: `Options::get_shapes()`")]
    pub fn shapes(&self) -> &Shapes {
        &self.shapes
    }

    /// Replaces the numbers the rules of page structure go by.
    #[deprecated(
        since = "0.2.0",
        note = "shapes are options: `Options::shapes(shapes)`"
    )]
    pub fn set_shapes(&mut self, shapes: Shapes) -> &mut Self {
        self.put_shapes(shapes);
        self
    }

    /// The numbers the rules of page structure go by, as the parser's
    /// options set them.
    pub(crate) fn shape_limits(&self) -> &Shapes {
        &self.shapes
    }

    /// Sets the numbers the rules of page structure go by.
    pub(crate) fn put_shapes(&mut self, shapes: Shapes) {
        self.shapes = shapes;
    }

    /// The phrases of one word list.
    pub(crate) fn words(&self, list: Words) -> &Phrases<()> {
        &self.words[list.index()]
    }

    /// The phrases of each list, folded, with the list.
    fn lists(&self) -> Vec<(List, Vec<&str>)> {
        let mut lists = vec![
            (List::Boilerplate, self.boilerplate.texts().collect()),
            (List::Tail, self.tails.texts().collect()),
            (List::Month, self.months.texts().collect()),
            (List::Number, self.numbers.texts().collect()),
            (List::SeriesLink, self.series_links.texts().collect()),
        ];
        for list in Words::ALL {
            lists.push((List::Word(list), self.words(list).texts().collect()));
        }
        lists
    }

    /// Every phrase of every list, folded: for tests of the gates.
    #[cfg(test)]
    pub(crate) fn all_phrases(&self) -> Vec<String> {
        self.lists()
            .into_iter()
            .flat_map(|(_, texts)| texts.into_iter().map(str::to_owned))
            .collect()
    }

    /// The lists with a phrase that may open `text`: what the grammars'
    /// gates ask of a line, found from its first word.
    pub(crate) fn openers(&self, text: &str) -> Lists {
        self.openers
            .get_or_init(|| openers::Openers::new(self.lists()))
            .of(text)
    }
}

/// One list of a [`Lexicon`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    /// Boilerplate phrases of every pattern.
    Boilerplate,
    /// Boilerplate phrases that may close a line.
    Tail,
    /// Month names.
    Month,
    /// Numbers as words.
    Number,
    /// Openings of series links.
    SeriesLink,
    /// A list of plain words.
    Word(Words),
}

impl List {
    const fn bit(self) -> u32 {
        1 << match self {
            List::Boilerplate => 0,
            List::Tail => 1,
            List::Month => 2,
            List::Number => 3,
            List::SeriesLink => 4,
            List::Word(words) => 5 + words.index(),
        }
    }
}

/// A set of [`List`]s.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Lists(u32);

// Every list has its bit.
const _: () = assert!(5 + Words::COUNT <= 32);

impl Lists {
    /// Whether `list` is in the set.
    pub(crate) fn has(self, list: List) -> bool {
        self.0 & list.bit() != 0
    }

    /// Whether any of `lists` is in the set.
    pub(crate) fn any(self, lists: &[List]) -> bool {
        lists.iter().any(|&list| self.has(list))
    }

    fn with(self, list: List) -> Lists {
        Lists(self.0 | list.bit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_words_all_in_index_order() {
        for (i, list) in Words::ALL.into_iter().enumerate() {
            assert_eq!(list.index(), i);
        }
    }

    #[test]
    fn ok_openers_name_every_list_a_phrase_opens() {
        let lexicon = Lexicon::default();
        for (list, texts) in lexicon.lists() {
            for text in texts {
                for line in [format!("{text} x"), text.to_uppercase()] {
                    assert!(lexicon.openers(&line).has(list), "{list:?} {line:?}");
                }
            }
        }
        let openers = lexicon.openers("Leave a comment");
        assert!(openers.has(List::Boilerplate));
        assert!(!openers.has(List::Month));
        assert_eq!(lexicon.openers("Fiducia e reputazione"), Lists::default());
    }

    #[test]
    fn ok_words_added_later_open_lines() {
        let mut lexicon = Lexicon::default();
        assert!(
            !lexicon
                .openers("Folge 3")
                .has(List::Word(Words::EpisodeWord))
        );
        lexicon.add_word(Words::EpisodeWord, "Folge");
        assert!(
            lexicon
                .openers("Folge 3")
                .has(List::Word(Words::EpisodeWord))
        );
    }

    #[test]
    fn ok_longest_prefix_wins() {
        let lexicon = Lexicon::default();
        let (n, (category, _)) = lexicon
            .boilerplate
            .longest_prefix("Archivio tag: x")
            .unwrap();
        assert_eq!((n, *category), (13, Category::ArchiveHeader));
        assert!(lexicon.words(Words::ShareLabel).is_whole("Twitter"));
        assert!(!lexicon.words(Words::ShareLabel).is_whole("Twitter è morto"));
    }
}
