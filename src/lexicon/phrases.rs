//! Phrase lookup: which phrases of a list open a text, read through an
//! anchored Aho-Corasick automaton (the `aho-corasick` crate).
//!
//! Phrases are stored folded ([`fold_phrase`]: lower case, one space for
//! any run of white space, `’` as `'`). A lookup folds the text a
//! character at a time and feeds it to the automaton from its anchored
//! start, so that it reads only as far as some phrase may still match:
//! a line that opens no phrase costs a byte or two.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

/// A set of phrases, each with one or more values (the latest added
/// first).
#[derive(Debug, Clone)]
pub(crate) struct Phrases<T> {
    /// The folded phrases, each once: index `i` is pattern `i` of the
    /// automaton.
    phrases: Vec<Phrase<T>>,
    /// Where each folded phrase is in `phrases`.
    index: HashMap<Box<str>, usize>,
    /// Built at the first lookup after a change.
    automaton: OnceLock<Option<Matcher>>,
}

#[derive(Debug, Clone)]
struct Phrase<T> {
    text: Box<str>,
    /// The latest added first.
    values: Vec<T>,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            phrases: Vec::new(),
            index: HashMap::new(),
            automaton: OnceLock::new(),
        }
    }
}

impl<T: Clone> Phrases<T> {
    /// Adds every phrase of `other`, with its values.
    pub(crate) fn extend(&mut self, other: &Phrases<T>) {
        for phrase in &other.phrases {
            for value in phrase.values.iter().rev() {
                self.insert(&phrase.text, value.clone());
            }
        }
    }
}

impl<T> Phrases<T> {
    /// Adds `phrase` (folded) with `value`; a phrase added again keeps
    /// both values, the new one first.
    pub(crate) fn insert(&mut self, phrase: &str, value: T) {
        let folded = fold_phrase(phrase);
        if folded.is_empty() {
            return;
        }
        match self.index.get(folded.as_str()) {
            Some(&at) => self.phrases[at].values.insert(0, value),
            None => {
                let text: Box<str> = folded.into();
                self.index.insert(text.clone(), self.phrases.len());
                self.phrases.push(Phrase {
                    text,
                    values: vec![value],
                });
            }
        }
        self.automaton = OnceLock::new();
    }

    /// The folded phrases, in the order they were first added.
    pub(crate) fn texts(&self) -> impl Iterator<Item = &str> {
        self.phrases.iter().map(|p| &*p.text)
    }

    #[inline]
    fn automaton(&self) -> Option<&Matcher> {
        self.automaton
            .get_or_init(|| Matcher::new(self.phrases.iter().map(|p| &*p.text)))
            .as_ref()
    }

    /// Every phrase that opens `text`, longest first (a phrase's values
    /// in turn, the latest added first), with the bytes of `text` it
    /// covers.
    #[inline]
    pub(crate) fn prefixes<'s>(&'s self, text: &str) -> impl Iterator<Item = (usize, &'s T)> {
        let mut found = Vec::new();
        if let Some(automaton) = self.automaton().filter(|a| a.may_open(text)) {
            automaton.walk(text, |len, pattern| found.push((len, pattern)));
        }
        found.into_iter().rev().flat_map(move |(len, pattern)| {
            self.phrases[pattern]
                .values
                .iter()
                .map(move |value| (len, value))
        })
    }

    /// The longest phrase that opens `text`, with the bytes of `text` it
    /// covers.
    #[inline]
    pub(crate) fn longest_prefix(&self, text: &str) -> Option<(usize, &T)> {
        let mut longest = None;
        if let Some(automaton) = self.automaton().filter(|a| a.may_open(text)) {
            automaton.walk(text, |len, pattern| longest = Some((len, pattern)));
        }
        let (len, pattern) = longest?;
        Some((len, self.phrases[pattern].values.first()?))
    }

    /// Whether some phrase may open `text`, judged by its first
    /// character: a test to spare a lookup that most texts fail.
    #[inline]
    pub(crate) fn may_open(&self, text: &str) -> bool {
        self.automaton().is_some_and(|a| a.may_open(text))
    }

    /// Whether some phrase opens `text`.
    pub(crate) fn opens(&self, text: &str) -> bool {
        self.longest_prefix(text).is_some()
    }

    /// The first phrase found anywhere in `text` at the start of a word,
    /// with its byte offset and length.
    pub(crate) fn find_in(&self, text: &str) -> Option<(usize, usize, &T)> {
        let mut prev_alnum = false;
        for (i, c) in text.char_indices() {
            if !prev_alnum && let Some((n, value)) = self.longest_prefix(&text[i..]) {
                let end = i + n;
                let whole_word = !(text[..end].ends_with(crate::chars::is_alnum)
                    && text[end..].starts_with(crate::chars::is_alnum));
                if whole_word {
                    return Some((i, n, value));
                }
            }
            prev_alnum = crate::chars::is_alnum(c);
        }
        None
    }

    /// Whether `text` is one of the phrases, give or take trailing
    /// symbols.
    pub(crate) fn is_whole(&self, text: &str) -> bool {
        self.prefixes(text).any(|(n, _)| only_symbols(&text[n..]))
    }
}

/// Folded phrases found at the start of a text: an anchored automaton,
/// and the first characters a text needs for it to be worth running.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    automaton: DFA,
    /// For each ASCII byte, whether some phrase opens with it (both cases
    /// of a letter).
    firsts: [bool; 128],
    /// The first characters of the phrases beyond ASCII, sorted.
    wide_firsts: Vec<char>,
}

impl Matcher {
    /// A matcher of `phrases` (folded); `None` when there are none.
    pub(crate) fn new<'p>(phrases: impl IntoIterator<Item = &'p str>) -> Option<Self> {
        let phrases: Vec<&str> = phrases.into_iter().collect();
        let mut firsts = [false; 128];
        let mut wide_firsts = Vec::new();
        for c in phrases.iter().filter_map(|p| p.chars().next()) {
            match u8::try_from(c) {
                Ok(b) if b.is_ascii() => {
                    firsts[usize::from(b)] = true;
                    firsts[usize::from(b.to_ascii_uppercase())] = true;
                }
                _ => wide_firsts.push(c),
            }
        }
        wide_firsts.sort_unstable();
        wide_firsts.dedup();
        let automaton = DFA::builder()
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(phrases)
            .ok()?;
        Some(Matcher {
            automaton,
            firsts,
            wide_firsts,
        })
    }

    /// Whether some phrase may open `text`, judged by its first character.
    #[inline]
    pub(crate) fn may_open(&self, text: &str) -> bool {
        match text.as_bytes().first() {
            None => false,
            Some(&b) if b.is_ascii() => self.firsts[usize::from(b)],
            Some(_) => self.may_open_wide(text),
        }
    }

    /// [`Matcher::may_open`] for a text that opens beyond ASCII.
    fn may_open_wide(&self, text: &str) -> bool {
        text.chars()
            .next()
            .map(fold_char)
            .is_some_and(|c| match u8::try_from(c) {
                Ok(b) if b.is_ascii() => self.firsts[usize::from(b)],
                _ => self.wide_firsts.binary_search(&c).is_ok(),
            })
    }

    /// Feeds the folded characters of `text` to the automaton from its
    /// anchored start, and calls `found` with the bytes of `text` read and
    /// the index of each phrase that ends there, shortest first, until no
    /// phrase can match any more.
    ///
    /// A run of white space is one space, as in the folded phrases.
    /// Phrases match whole words: one that ends with a letter does not
    /// match where the text goes on with a letter ("mar" in "martedì").
    /// `Lexicon::openers` relies on it to look up a line's first word.
    pub(crate) fn walk(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        let dfa = &self.automaton;
        let Ok(mut state) = dfa.start_state(Anchored::Yes) else {
            return;
        };
        let bytes = text.as_bytes();
        // Folded bytes fed so far: a phrase that ends here began at the
        // start of `text` when it is as long (a state's matches also hold
        // the phrases that end it and began later).
        let mut fed = 0;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_graphic() {
                state = dfa.next_state(Anchored::Yes, state, b.to_ascii_lowercase());
                fed += 1;
                i += 1;
            } else {
                let Some(c) = text[i..].chars().next() else {
                    return;
                };
                if c.is_whitespace() {
                    // A run of white space is one space.
                    state = dfa.next_state(Anchored::Yes, state, b' ');
                    fed += 1;
                    i += crate::chars::space_len_at(&text[i..]);
                } else {
                    let mut buf = [0u8; 4];
                    let folded = fold_char(c).encode_utf8(&mut buf);
                    for &byte in folded.as_bytes() {
                        state = dfa.next_state(Anchored::Yes, state, byte);
                    }
                    fed += folded.len();
                    i += c.len_utf8();
                }
            }
            if dfa.is_dead(state) {
                return;
            }
            if dfa.is_match(state) && !splits_word(text, i) {
                for k in 0..dfa.match_len(state) {
                    let pattern = dfa.match_pattern(state, k);
                    if dfa.pattern_len(pattern) == fed {
                        found(i, pattern.as_usize());
                    }
                }
            }
        }
    }
}

/// Whether byte `at` of `text` falls between two letters.
fn splits_word(text: &str, at: usize) -> bool {
    let (before, after) = text.split_at(at);
    before.ends_with(crate::chars::is_alpha) && after.starts_with(crate::chars::is_alpha)
}

/// Lowercases, folds white space runs to one space, `’` to `'`.
pub(crate) fn fold_phrase(phrase: &str) -> String {
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
pub(super) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if c == '\u{2019}' {
        '\''
    } else if is_caseless(c) {
        c
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Whether `c` lies in a block of symbols with no case (general
/// punctuation, currency, arrows, technical and geometric symbols,
/// dingbats, emoji), where the lowercase table need not be searched:
/// quotes and ellipses are common in blog text.
fn is_caseless(c: char) -> bool {
    matches!(c as u32, 0x2000..=0x20FF | 0x2190..=0x23FF | 0x2500..=0x2BFF | 0x3000..=0x303F | 0xE000..=0xF8FF | 0x1F000..=0x1FAFF)
}

/// Whether `text` holds no letter or digit (arrows, punctuation, space).
pub(crate) fn only_symbols(text: &str) -> bool {
    !text.chars().any(crate::chars::is_alnum)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(phrases: &[&str]) -> Phrases<usize> {
        let mut set = Phrases::default();
        for (i, phrase) in phrases.iter().enumerate() {
            set.insert(phrase, i);
        }
        set
    }

    #[test]
    fn ok_phrase_folds_case_space_and_apostrophe() {
        let phrases = set(&["skip to content", "un'icona"]);
        assert_eq!(
            phrases.longest_prefix("Skip\u{a0} To content →"),
            Some((17, &0))
        );
        assert_eq!(phrases.longest_prefix("un’icona"), Some((10, &1)));
        assert_eq!(phrases.longest_prefix("Skip"), None);
        assert_eq!(phrases.longest_prefix(" skip to content"), None);
    }

    #[test]
    fn ok_white_space_runs_match_one_space() {
        let phrases = set(&["in the previous episode"]);
        for text in [
            "In the previous episode: x",
            "in  the previous episode",
            "In\tthe previous episode",
            "In\u{a0}the previous episode",
        ] {
            assert_eq!(phrases.longest_prefix(text).map(|(_, v)| *v), Some(0));
        }
        assert_eq!(phrases.longest_prefix("In the market"), None);
        assert_eq!(phrases.longest_prefix("Inthe previous episode"), None);
    }

    #[test]
    fn ok_every_prefix_longest_first() {
        let phrases = set(&["tag", "tag:", "archivio tag", "ag"]);
        let found: Vec<(usize, usize)> = phrases
            .prefixes("Tag: rete")
            .map(|(n, &v)| (n, v))
            .collect();
        // "ag" ends inside the text but does not open it.
        assert_eq!(found, [(4, 1), (3, 0)]);
        assert_eq!(phrases.longest_prefix("Archivio  tag"), Some((13, &2)));
    }

    #[test]
    fn ok_a_phrase_added_twice_keeps_both_values() {
        let mut phrases = Phrases::default();
        phrases.insert("Next", 1);
        phrases.insert("next", 2);
        let values: Vec<u32> = phrases.prefixes("next »").map(|(_, &v)| v).collect();
        assert_eq!(values, [2, 1]);
        let mut more = Phrases::default();
        more.extend(&phrases);
        let values: Vec<u32> = more.prefixes("next »").map(|(_, &v)| v).collect();
        assert_eq!(values, [2, 1]);
    }

    #[test]
    fn ok_letters_beyond_ascii_fold() {
        let phrases = set(&["È morto", "perché"]);
        assert_eq!(phrases.longest_prefix("è MORTO"), Some((8, &0)));
        assert_eq!(phrases.longest_prefix("PERCHÉ no"), Some((7, &1)));
    }

    #[test]
    fn ok_caseless_blocks_have_no_lowercase() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if is_caseless(c) {
                assert!(c.to_lowercase().eq([c]), "{c:?}");
            }
        }
    }

    #[test]
    fn ok_first_characters_beyond_ascii() {
        // The Kelvin sign folds to "k"; "É" to "é".
        let phrases = set(&["kelvin", "école", "'ndrangheta"]);
        assert_eq!(phrases.longest_prefix("\u{212a}elvin"), Some((8, &0)));
        assert_eq!(phrases.longest_prefix("École"), Some((6, &1)));
        assert_eq!(phrases.longest_prefix("’Ndrangheta"), Some((13, &2)));
        assert_eq!(phrases.longest_prefix("“école"), None);
    }

    #[test]
    fn ok_phrases_match_whole_words() {
        let months = set(&["mar", "marzo", "n."]);
        assert_eq!(months.longest_prefix("Marzo 2015"), Some((5, &1)));
        assert_eq!(months.longest_prefix("mar 2015"), Some((3, &0)));
        assert_eq!(months.longest_prefix("mar.2015"), Some((3, &0)));
        assert_eq!(months.longest_prefix("mar2015"), Some((3, &0)));
        assert_eq!(months.longest_prefix("Martedì"), None);
        // A phrase that ends with no letter may run into a word.
        assert_eq!(months.longest_prefix("n.tre"), Some((2, &2)));
    }

    #[test]
    fn ok_whole_and_find_in() {
        let phrases = set(&["twitter", "leggi"]);
        assert!(phrases.is_whole("Twitter →"));
        assert!(!phrases.is_whole("Twitter è morto"));
        assert_eq!(phrases.find_in("Poi leggi tutto"), Some((4, 5, &1)));
        assert_eq!(phrases.find_in("Rileggi"), None);
    }
}
