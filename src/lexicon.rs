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

use crate::model::{Category, Direction};

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
}

impl Words {
    const COUNT: usize = 15;

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
    /// The words that may open an episode header after its number or
    /// before it (episode words, number words), in one filter: the
    /// header's gate asks it of every line.
    pub(crate) episode_openers: Trigrams,
    /// The words that may open a line of any kind but prose: furniture
    /// phrases, comment counts, page words, months, series links, episode
    /// openers, thesis words. A line that opens with a letter and none of
    /// these is prose or a title, and the scan asks no grammar of it.
    pub(crate) line_openers: Trigrams,
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
            episode_openers: Trigrams::default(),
            line_openers: Trigrams::default(),
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

    /// Rebuilds the filters that span several lists.
    fn reindex(&mut self) {
        let mut openers = Trigrams::default();
        self.words(Words::EpisodeWord).add_trigrams(&mut openers);
        self.numbers.add_trigrams(&mut openers);
        self.episode_openers = openers.clone();
        // Every list a line-level grammar opens with (see `scan::classify`).
        self.boilerplate.add_trigrams(&mut openers);
        self.months.add_trigrams(&mut openers);
        self.series_links.add_trigrams(&mut openers);
        for list in [
            Words::CommentCount,
            Words::PageWord,
            Words::ThesisMarker,
            Words::NumberAbbreviation,
        ] {
            self.words(list).add_trigrams(&mut openers);
        }
        self.line_openers = openers;
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

    /// The phrases of one word list.
    pub(crate) fn words(&self, list: Words) -> &Phrases<()> {
        &self.words[list.index()]
    }
}

/// A set of phrases with a payload each, sorted by first character, with
/// an index from ASCII first characters to their range and to the second
/// bytes their phrases may have, so that a lookup only compares the
/// phrases that can match, and a text that opens no phrase mostly costs
/// two array reads.
#[derive(Debug, Clone)]
pub(crate) struct Phrases<T> {
    /// Sorted by first char, longest phrase first.
    entries: Vec<Entry<T>>,
    /// For each ASCII character, the range of `entries` it opens.
    ascii: Box<[(u32, u32); 128]>,
    /// For each ASCII character, a bit per ASCII byte that may follow it
    /// in a phrase (folded); all bits when some phrase of the range has a
    /// second character that is not a plain ASCII byte (white space, `'`,
    /// a letter beyond ASCII) or none. Two 64-bit words rather than a
    /// `u128`, which x86-64 shifts in several instructions.
    second: Box<[[u64; 2]; 128]>,
    /// The phrases' first bytes, for [`Phrases::may_open`].
    trigrams: Trigrams,
}

/// A Bloom filter of the first bytes of a set of phrases (folded): five
/// bytes of a phrase that has them, three of a shorter one, two of a phrase
/// of two bytes, with a bit per ASCII first byte whose phrases it cannot
/// hold (a single byte, or a byte such as `'` that stands for more) and a
/// flag for phrases that open beyond ASCII. A gate: it answers "no" for
/// most texts that open no phrase, and never for one that does.
///
/// Bytes are compared by class: ASCII folded to lower case, and every byte
/// beyond ASCII as one class, since a letter beyond ASCII matches only a
/// letter beyond ASCII of the same length in its other case. The lead
/// bytes of white space and of `’` (C2, E1, E2, E3) stand for characters
/// that phrases write otherwise (a space, `'`): a text that has one among
/// the bytes compared is left to the lists.
#[derive(Debug, Clone)]
pub(crate) struct Trigrams {
    /// Three bytes of the phrases shorter than five bytes (or whose fourth
    /// or fifth byte has no class), and the two of a phrase of two bytes
    /// (marked as such: see [`PAIR`]).
    bits: Box<[u64; TRIGRAM_WORDS]>,
    /// Five bytes of the others.
    long: Box<[u64; TRIGRAM_WORDS]>,
    /// A bit per ASCII first byte, in two words (see `Phrases::second`).
    untrigrammed: [u64; 2],
    /// A bit per ASCII first byte of any phrase (folded): a text that
    /// opens with another is answered at once.
    firsts: [u64; 2],
    wide: bool,
}

/// Words of 64 bits in each table of a [`Trigrams`] filter.
const TRIGRAM_WORDS: usize = 64;

/// Bytes of the longer key of a [`Trigrams`] filter.
const LONG_KEY: usize = 5;

/// The filter bit of a key of folded bytes.
#[inline]
fn key_bit(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize % (TRIGRAM_WORDS * 64)
}

/// The class of each byte in a key (see [`Trigrams`]): printable ASCII
/// but `'` folded to lower case, 0x80 for a byte beyond ASCII, and 0 for a
/// byte with no class (ASCII control bytes, DEL, `'`, and the lead bytes
/// of white space and `’`: C2, E1, E2, E3).
static KEY_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = match c {
            b'\'' | 0xC2 | 0xE1..=0xE3 => 0,
            0x20..=0x7E => c.to_ascii_lowercase(),
            0x80.. => 0x80,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// The classes of the first bytes of `bytes`, up to five, as a
/// little-endian word, and how many bytes it holds: it stops before a byte
/// with no class or a space after a space (white space that a phrase's
/// single space matches).
///
/// The five classes are looked up independently and the stop is found in
/// the word (the lowest byte that is zero, or a space after a space),
/// rather than a byte at a time with a branch each.
#[inline]
fn key_of(bytes: &[u8]) -> (u64, usize) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let class = |i: usize| u64::from(bytes.get(i).map_or(0, |&b| KEY_CLASS[usize::from(b)]));
    // Bytes 5 to 7 stay zero: a stop is always found.
    let word = class(0) | class(1) << 8 | class(2) << 16 | class(3) << 24 | class(4) << 32;
    // The high bit of each byte of `x` that is zero: adding 0x7F to the
    // low seven bits of a byte sets its high bit unless they are zero, and
    // carries into no other byte.
    let zeros = |x: u64| !(((x & !HIGHS) + !HIGHS) | x) & HIGHS;
    let spaces = zeros(word ^ (ONES * u64::from(b' ')));
    let stops = zeros(word) | (spaces & spaces << 8);
    let valid = (stops.trailing_zeros() / 8) as usize;
    (first_bytes(word, valid), valid)
}

/// The first `n` bytes of a key.
#[inline]
fn first_bytes(key: u64, n: usize) -> u64 {
    key & ((1 << (8 * n)) - 1)
}

impl Default for Trigrams {
    fn default() -> Self {
        Trigrams {
            bits: Box::new([0; TRIGRAM_WORDS]),
            long: Box::new([0; TRIGRAM_WORDS]),
            untrigrammed: [0; 2],
            firsts: [0; 2],
            wide: false,
        }
    }
}

/// Sets the bit of `key` in `table`.
fn set(table: &mut [u64; TRIGRAM_WORDS], key: u64) {
    let bit = key_bit(key);
    table[bit / 64] |= 1 << (bit % 64);
}

/// Whether the bit of `key` in `table` is set.
#[inline]
fn has(table: &[u64; TRIGRAM_WORDS], key: u64) -> bool {
    let bit = key_bit(key);
    table[bit / 64] & (1 << (bit % 64)) != 0
}

/// The third byte of the key of a phrase of two bytes, which no class
/// has: such keys share the table of three-byte keys.
const PAIR: u64 = 0xFF << 16;

impl Trigrams {
    /// Adds the first bytes of a folded phrase.
    fn insert(&mut self, phrase: &str) {
        let bytes = phrase.as_bytes();
        let Some(&a) = bytes.first() else {
            return;
        };
        if !a.is_ascii() {
            self.wide = true;
            return;
        }
        let lower = a.to_ascii_lowercase();
        self.firsts[usize::from(lower >> 6)] |= 1 << (lower & 63);
        // `valid` counts bytes of the phrase: it is at most its length.
        let (key, valid) = key_of(bytes);
        if valid == LONG_KEY {
            set(&mut self.long, key);
        } else if valid >= 3 {
            set(&mut self.bits, first_bytes(key, 3));
        } else if bytes.len() == 2 && valid == 2 {
            set(&mut self.bits, first_bytes(key, 2) | PAIR);
        } else {
            self.untrigrammed[usize::from(lower >> 6)] |= 1 << (lower & 63);
        }
    }

    /// Whether a phrase may open `text`, judged by its first bytes; `None`
    /// when they do not settle it (a text of one byte, white space or a
    /// byte that phrases write otherwise), and the caller must ask the
    /// lists.
    #[inline]
    pub(crate) fn test(&self, text: &str) -> Option<bool> {
        let bytes = text.as_bytes();
        let &a = bytes.first()?;
        if !a.is_ascii() {
            // Nothing opens with a byte beyond ASCII: no phrase either.
            return (!self.wide).then_some(false);
        }
        let lower = a.to_ascii_lowercase();
        if self.firsts[usize::from(lower >> 6)] >> (lower & 63) & 1 == 0 {
            return Some(false);
        }
        if self.untrigrammed[usize::from(lower >> 6)] >> (lower & 63) & 1 != 0 {
            return Some(true);
        }
        // A phrase of n bytes needs n bytes of text, each with its class.
        let n = bytes.len();
        let (key, valid) = key_of(bytes);
        if valid < 2 {
            return None;
        }
        if has(&self.bits, first_bytes(key, 2) | PAIR) {
            return Some(true);
        }
        if n < 3 {
            return Some(false);
        }
        if valid < 3 {
            return None;
        }
        if has(&self.bits, first_bytes(key, 3)) {
            return Some(true);
        }
        if n < LONG_KEY {
            return Some(false);
        }
        (valid == LONG_KEY).then(|| has(&self.long, key))
    }
}

#[derive(Debug, Clone)]
struct Entry<T> {
    first: char,
    /// The phrase's leading ASCII bytes, up to eight, as a little-endian
    /// word, with `mask` selecting them and `fold` holding the case bit of
    /// its letters and spaces: a text whose first bytes fail `key` cannot
    /// match, and that costs a few instructions instead of a walk over
    /// characters. `loose` selects the bytes before the first space, for a
    /// text whose white space is not one plain space (see [`plain_spaced`]).
    key: u64,
    mask: u64,
    loose: u64,
    fold: u64,
    /// The phrase is ASCII with no `'`: a text whose white space is plain
    /// can be compared to it byte for byte (see [`Entry::matches`]).
    plain: bool,
    phrase: Box<str>,
    value: T,
}

impl<T> Entry<T> {
    fn new(first: char, phrase: String, value: T) -> Self {
        let (mut key, mut mask, mut fold) = (0u64, 0u64, 0u64);
        let mut loose = None;
        // Only bytes that `match_phrase` compares one to one go into the
        // key, and spaces: `'` stands for `’` too.
        for (i, b) in phrase.bytes().take(8).enumerate() {
            if !b.is_ascii() || b == b'\'' {
                break;
            }
            if b == b' ' {
                loose.get_or_insert(mask);
            }
            key |= u64::from(b) << (8 * i);
            mask |= 0xFF << (8 * i);
            if b.is_ascii_lowercase() || b == b' ' {
                fold |= 0x20 << (8 * i);
            }
        }
        Entry {
            first,
            key,
            mask,
            loose: loose.unwrap_or(mask),
            fold,
            plain: phrase.is_ascii() && !phrase.contains('\''),
            phrase: phrase.into_boxed_str(),
            value,
        }
    }

    /// Whether `head` (the text's first eight bytes, see [`head`]) may
    /// start this phrase; `plain` says whether its white space is plain
    /// single spaces, which the key compares as bytes.
    #[inline]
    fn may_match(&self, head: u64, plain: bool) -> bool {
        let mask = if plain { self.mask } else { self.loose };
        (head | self.fold) & mask == self.key & mask
    }

    /// Bytes of `text` this phrase matches at its start, or `None`.
    #[inline]
    fn matches(&self, text: &str) -> Option<usize> {
        if !self.plain {
            return match_phrase(text, &self.phrase);
        }
        // An ASCII phrase against the text's bytes, until they differ:
        // where they differ on a space, a control byte or a byte beyond
        // ASCII (white space runs, NBSP, letters that fold to ASCII), the
        // character-wise comparison decides.
        let bytes = text.as_bytes();
        for (k, &want) in self.phrase.as_bytes().iter().enumerate() {
            let b = *bytes.get(k)?;
            if b.to_ascii_lowercase() != want {
                return if b <= b' ' || !b.is_ascii() {
                    match_phrase(text, &self.phrase)
                } else {
                    None
                };
            }
        }
        Some(self.phrase.len())
    }
}

/// Whether the white space among the eight bytes of `head` is single
/// ASCII spaces: no control byte (tab, line breaks), no byte beyond ASCII
/// (a no-break space), no two spaces in a row. A phrase's space matches
/// any run of white space, so only such a head may be compared to a key
/// with its spaces.
#[inline]
fn plain_spaced(head: u64) -> bool {
    use crate::chars::{HIGH, ONES, zero_bytes};
    let spaces = zero_bytes(head ^ (0x20 * ONES));
    // Bytes below 0x20 (the caller passes no zero padding): subtracting
    // 0x20 from each byte with its high bit set borrows from that bit.
    let control = !(head | HIGH).wrapping_sub(0x20 * ONES) & HIGH;
    head & HIGH == 0 && control == 0 && spaces & (spaces >> 8) == 0
}

/// The first eight bytes of `text` as a little-endian word, zero-padded.
#[inline]
fn head(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut buf = [0u8; 8];
    match bytes.get(..8) {
        Some(first) => buf.copy_from_slice(first),
        None => {
            for (to, &b) in buf.iter_mut().zip(bytes) {
                *to = b;
            }
        }
    }
    u64::from_le_bytes(buf)
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            entries: Vec::new(),
            ascii: Box::new([(0, 0); 128]),
            second: Box::new([[0; 2]; 128]),
            trigrams: Trigrams::default(),
        }
    }
}

impl<T: Clone> Phrases<T> {
    fn extend(&mut self, other: &Phrases<T>) {
        for e in &other.entries {
            self.insert(&e.phrase, e.value.clone());
        }
    }
}

impl<T> Phrases<T> {
    fn insert(&mut self, phrase: &str, value: T) {
        let folded = fold_phrase(phrase);
        let Some(first) = folded.chars().next() else {
            return;
        };
        let key = |e: &Entry<T>| (e.first, std::cmp::Reverse(e.phrase.len()));
        let new_key = (first, std::cmp::Reverse(folded.len()));
        let at = self.entries.partition_point(|e| key(e) < new_key);
        self.entries.insert(at, Entry::new(first, folded, value));
        self.reindex();
    }

    /// Rebuilds the ASCII index after an insertion: one pass over the
    /// sorted entries.
    fn reindex(&mut self) {
        let mut index = [(0u32, 0u32); 128];
        let mut second = [[0u64; 2]; 128];
        for (i, e) in self.entries.iter().enumerate() {
            let at = e.first as usize;
            if let Some(range) = index.get_mut(at) {
                if range.0 == range.1 {
                    range.0 = i as u32;
                }
                range.1 = i as u32 + 1;
                match e.phrase.as_bytes().get(1) {
                    Some(&b) if b.is_ascii() && b != b' ' && b != b'\'' => {
                        second[at][usize::from(b >> 6)] |= 1 << (b & 63);
                    }
                    _ => second[at] = [u64::MAX; 2],
                }
            }
        }
        *self.ascii = index;
        *self.second = second;
        self.trigrams = Trigrams::default();
        for e in &self.entries {
            self.trigrams.insert(&e.phrase);
        }
    }

    /// The range of entries that may start `text`, judged by its first
    /// two bytes.
    #[inline]
    fn candidates(&self, text: &str) -> std::ops::Range<usize> {
        let bytes = text.as_bytes();
        match bytes.first() {
            Some(&b) if b.is_ascii() => {
                let at = usize::from(b.to_ascii_lowercase());
                let (lo, hi) = self.ascii[at];
                let second = self.second[at];
                // A phrase's second byte is ASCII (below 128) or the range
                // takes anything (every bit set).
                let next = bytes.get(1).map_or(0, u8::to_ascii_lowercase);
                let may = if next < 128 {
                    second[usize::from(next >> 6)] >> (next & 63) & 1 != 0
                } else {
                    second == [u64::MAX; 2]
                };
                if may { lo as usize..hi as usize } else { 0..0 }
            }
            Some(_) => self.wide_candidates(text),
            None => 0..0,
        }
    }

    /// [`Phrases::candidates`] for a text that opens with a character
    /// beyond ASCII: kept out of line, so that the ASCII path stays a few
    /// instructions wherever it is inlined.
    #[inline(never)]
    fn wide_candidates(&self, text: &str) -> std::ops::Range<usize> {
        // Entries are sorted by first character: those beyond ASCII come
        // last, and most sets have none.
        if self.entries.last().is_none_or(|e| e.first.is_ascii()) {
            return 0..0;
        }
        let first = text.chars().next().map(fold_char).unwrap_or_default();
        if self.entries.last().is_none_or(|e| e.first < first) {
            return 0..0;
        }
        let lo = self.entries.partition_point(|e| e.first < first);
        let hi = self.entries.partition_point(|e| e.first <= first);
        lo..hi
    }

    /// Every phrase that starts `text`, longest first, with the number of
    /// bytes of `text` it covers.
    pub(crate) fn prefixes<'s>(&'s self, text: &'s str) -> impl Iterator<Item = (usize, &'s T)> {
        self.keyed(text)
            .filter_map(move |e| e.matches(text).map(|n| (n, &e.value)))
    }

    /// The entries whose key `text` passes: its first two bytes pick the
    /// range, its first eight bytes are compared to each key.
    #[inline]
    fn keyed<'s>(&'s self, text: &'s str) -> impl Iterator<Item = &'s Entry<T>> {
        let range = self.candidates(text);
        let (head, plain) = if range.is_empty() {
            (0, true)
        } else {
            let head = head(text);
            (head, text.len() >= 8 && plain_spaced(head))
        };
        self.entries[range]
            .iter()
            .filter(move |e| e.may_match(head, plain))
    }

    /// Whether some phrase may start `text`, judged by its first two bytes:
    /// the cheapest test before a lookup.
    #[inline]
    pub(crate) fn may_start(&self, text: &str) -> bool {
        !self.candidates(text).is_empty()
    }

    /// Whether some phrase may start `text`, judged by its first bytes
    /// against a filter of the phrases' first bytes: a sharper test
    /// than [`Phrases::may_start`] for a gate that guards a whole parse.
    #[inline]
    pub(crate) fn may_open(&self, text: &str) -> bool {
        self.may_start(text) && self.trigrams.test(text).unwrap_or(true)
    }

    /// Adds the first bytes of every phrase to `filter`.
    fn add_trigrams(&self, filter: &mut Trigrams) {
        for e in &self.entries {
            filter.insert(&e.phrase);
        }
    }

    /// The longest phrase that starts `text`.
    #[inline]
    pub(crate) fn longest_prefix<'s>(&'s self, text: &'s str) -> Option<(usize, &'s T)> {
        self.prefixes(text).next()
    }

    /// The first phrase found anywhere in `text` at the start of a word,
    /// with its byte offset and length.
    pub(crate) fn find_in<'s>(&'s self, text: &'s str) -> Option<(usize, usize, &'s T)> {
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
    } else if is_caseless(c) {
        c
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Whether `c` lies in a block of symbols with no case, where the
/// lowercase table need not be searched: general punctuation, super- and
/// subscripts, currency, arrows, technical and geometric symbols, box
/// drawing, dingbats, CJK punctuation, private use, emoji.
fn is_caseless(c: char) -> bool {
    matches!(c as u32, 0x2000..=0x20FF | 0x2190..=0x23FF | 0x2500..=0x2BFF | 0x3000..=0x303F | 0xE000..=0xF8FF | 0x1F000..=0x1FAFF)
}

/// Bytes of `text` matched by the folded `phrase` at its start, or `None`.
/// A space in `phrase` matches one or more white space characters.
pub(crate) fn match_phrase(text: &str, phrase: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    for want in phrase.chars() {
        if want == ' ' {
            let start = i;
            while let Some(&b) = bytes.get(i) {
                if b.is_ascii() {
                    if !matches!(b, b' ' | b'\t'..=b'\r') {
                        break;
                    }
                    i += 1;
                } else {
                    match text[i..].chars().next() {
                        Some(c) if c.is_whitespace() => i += c.len_utf8(),
                        _ => break,
                    }
                }
            }
            if i == start {
                return None;
            }
        } else if want.is_ascii() && want != '\'' {
            if bytes.get(i)?.to_ascii_lowercase() != want as u8 {
                return None;
            }
            i += 1;
        } else {
            let got = text[i..].chars().next()?;
            if fold_char(got) != want {
                return None;
            }
            i += got.len_utf8();
        }
    }
    Some(i)
}

/// Whether `text` holds no letter or digit (arrows, punctuation, space).
pub(crate) fn only_symbols(text: &str) -> bool {
    !text.chars().any(crate::chars::is_alnum)
}

impl Lexicon {
    /// Every phrase of every list, folded: for tests of the gates.
    #[cfg(test)]
    pub(crate) fn all_phrases(&self) -> Vec<String> {
        fn of<T>(set: &Phrases<T>) -> impl Iterator<Item = String> + '_ {
            set.entries.iter().map(|e| e.phrase.to_string())
        }
        of(&self.boilerplate)
            .chain(of(&self.tails))
            .chain(self.words.iter().flat_map(of))
            .chain(of(&self.months))
            .chain(of(&self.numbers))
            .chain(of(&self.series_links))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`key_of`] by its definition, a byte at a time.
    fn key_by_bytes(bytes: &[u8]) -> (u64, usize) {
        let mut key = 0u64;
        let mut last = 0u8;
        for (i, &b) in bytes.iter().take(LONG_KEY).enumerate() {
            let class = KEY_CLASS[usize::from(b)];
            if class == 0 || (class == b' ' && last == b' ') {
                return (key, i);
            }
            last = class;
            key |= u64::from(class) << (8 * i);
        }
        (key, bytes.len().min(LONG_KEY))
    }

    /// The word-at-a-time key is the byte-at-a-time one: on every text of
    /// up to five bytes drawn from bytes that stop a key, spaces, letters
    /// of both cases, bytes one above and below a space ("!", which a
    /// borrowing zero test mistakes after a space) and bytes beyond ASCII.
    #[test]
    fn ok_key_of_is_its_definition() {
        let alphabet = [
            0x00, b'\t', b' ', b'!', 0x1F, b'\'', b'a', b'Z', b'~', 0x7F, 0x80, 0xC2, 0xC3, 0xE2,
            0xFF,
        ];
        let mut text = Vec::new();
        for len in 0..=5u32 {
            for mut code in 0..alphabet.len().pow(len) {
                text.clear();
                for _ in 0..len {
                    text.push(alphabet[code % alphabet.len()]);
                    code /= alphabet.len();
                }
                assert_eq!(key_of(&text), key_by_bytes(&text), "{text:?}");
            }
        }
    }

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
    fn ok_byte_comparison_agrees_with_match_phrase() {
        let phrases = [
            "nella prossima puntata",
            "skip to content",
            "tag:",
            "un'icona",
            "k",
        ];
        let texts = [
            "Nella prossima puntata di X",
            "nella  prossima puntata",
            "Nella\u{a0}prossima puntata",
            "NELLA\tPROSSIMA\nPUNTATA",
            "nella prossima parte",
            "nella prossima",
            "Skip to content →",
            "skip to contents",
            "Tag: rete",
            "un’icona",
            "\u{212a}elvin",
            "İn",
            "",
        ];
        for phrase in phrases {
            let entry = Entry::new(phrase.chars().next().unwrap(), phrase.to_string(), ());
            for text in texts {
                assert_eq!(
                    entry.matches(text),
                    match_phrase(text, phrase),
                    "{phrase:?} {text:?}"
                );
            }
        }
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
    fn ok_plain_spaced_heads() {
        let head = |t: &str| super::head(t);
        assert!(plain_spaced(head("in the p")));
        assert!(plain_spaced(head("Skipping")));
        assert!(!plain_spaced(head("in  the ")));
        assert!(!plain_spaced(head("in\tthe p")));
        assert!(!plain_spaced(head("in\u{a0}the")));
        assert!(!plain_spaced(head("perché x")));
    }

    #[test]
    fn ok_keys_with_spaces_still_match_odd_white_space() {
        let mut phrases = Phrases::default();
        phrases.insert("in the previous episode", 1);
        for text in [
            "In the previous episode: x",
            "in  the previous episode",
            "In\tthe previous episode",
            "In\u{a0}the previous episode",
        ] {
            assert_eq!(
                phrases.longest_prefix(text).map(|(_, v)| *v),
                Some(1),
                "{text}"
            );
        }
        assert_eq!(phrases.longest_prefix("In the market"), None);
        assert_eq!(phrases.longest_prefix("Inthe previous episode"), None);
    }

    /// `may_open` is a filter: it never refuses a text that a phrase of
    /// the set starts, whatever its case and white space; nor does a
    /// filter that holds the set among others.
    fn may_open_keeps_every_match<T>(set: &Phrases<T>) {
        may_open_keeps_every_match_in(set, None);
    }

    fn may_open_keeps_every_match_in<T>(set: &Phrases<T>, union: Option<&Trigrams>) {
        for e in &set.entries {
            let phrase = &*e.phrase;
            let mut title = phrase.to_string();
            if let Some(c) = phrase.chars().next() {
                title = c.to_uppercase().chain(phrase.chars().skip(1)).collect();
            }
            for text in [
                format!("{phrase} x"),
                format!("{title} x"),
                phrase.to_uppercase(),
                phrase.replace(' ', "\u{a0}"),
                phrase.replace(' ', "  "),
                phrase.replace(' ', "\t"),
                phrase.replace('\'', "\u{2019}"),
            ] {
                let found = set.longest_prefix(&text).is_some();
                assert!(set.may_open(&text) || !found, "{text:?}");
                if let Some(union) = union {
                    assert!(union.test(&text) != Some(false) || !found, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn ok_may_open_never_refuses_a_match() {
        let lexicon = Lexicon::default();
        for set in &lexicon.words {
            may_open_keeps_every_match(set);
        }
        may_open_keeps_every_match(&lexicon.boilerplate);
        may_open_keeps_every_match(&lexicon.numbers);
        may_open_keeps_every_match(&lexicon.months);
        may_open_keeps_every_match(&lexicon.series_links);
        let openers = Some(&lexicon.episode_openers);
        may_open_keeps_every_match_in(lexicon.words(Words::EpisodeWord), openers);
        may_open_keeps_every_match_in(&lexicon.numbers, openers);
        // Words added later join the filter.
        let mut lexicon = Lexicon::empty();
        lexicon.add_word(Words::EpisodeWord, "Folge");
        lexicon.add_number_word("zwölf", 12);
        let openers = Some(&lexicon.episode_openers);
        may_open_keeps_every_match_in(lexicon.words(Words::EpisodeWord), openers);
        may_open_keeps_every_match_in(&lexicon.numbers, openers);
        assert_eq!(lexicon.episode_openers.test("Folge 3"), Some(true));
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
