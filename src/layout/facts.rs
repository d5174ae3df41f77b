//! The facts of every line, computed once: what a line holds (words,
//! punctuation, capitals), where it sits (blank lines around, its group,
//! the page's densest run of prose) and how its neighbours read. The
//! decision (`model.rs`) reads nothing else.
//!
//! A *line* is a line that holds some visible character; a *group* is a
//! run of such lines between blank lines (scrapers print the author's
//! blocks apart and the page around them one element a line).

use std::collections::HashMap;
use std::hash::BuildHasher;

use crate::{chars, source};

/// Lines of at least this many words are *long*: the body's paragraphs.
const LONG_WORDS: u32 = 10;
/// Lines of at most this many words are *short*: menu entries, labels.
const SHORT_WORDS: u32 = 6;
/// Blank lines counted around a line (more read as this many).
const MOST_BLANKS: u32 = 3;
/// Distances to the dense region are clamped to this many lines.
const MOST_DISTANCE: f32 = 50.0;
/// Lines of more words than this are not compared with the first line.
const MOST_TITLE_LINE_WORDS: u32 = 30;
/// At most this many words of the first line are kept to compare lines
/// with (the page's title, in most dumps).
const TITLE_WORDS: usize = 24;

/// What one line holds, read from its characters alone.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Own {
    /// Byte range of the line without surrounding white space.
    pub start: usize,
    pub end: usize,
    /// 1-based number of the physical line.
    pub number: usize,
    /// Runs of letters and digits (`\w+`).
    pub words: u32,
    pub chars: u32,
    /// Words that open with a capital letter, with a digit, in lower case
    /// and short (function words).
    pub capitals: u32,
    pub digits: u32,
    pub function: u32,
    pub lower: u32,
    /// Commas and semicolons.
    pub commas: u32,
    /// Characters that are neither letters, digits nor white space.
    pub marks: u32,
    /// Separators of menus and trails: `| » › · • > /`.
    pub separators: u32,
    /// How the line ends.
    pub end_mark: EndMark,
    /// The line opens with a bullet or a number (a list item).
    pub item: bool,
    /// The line holds a web or mail address.
    pub address: bool,
    /// The line opens in lower case (it goes on from the line before).
    pub opens_lower: bool,
    /// Blank lines right before and after it (at most `MOST_BLANKS`).
    pub blanks_before: u32,
    pub blanks_after: u32,
    /// Hash of the line's text, to find the lines a page repeats.
    pub hash: u64,
    /// Words of the line found in the page's first line (counted while
    /// the line has at most `MOST_TITLE_LINE_WORDS` words).
    pub title_words: u32,
}

/// How a line ends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum EndMark {
    /// A full stop, question or exclamation mark, or a closing quote.
    Sentence,
    /// A colon: it introduces what follows.
    Colon,
    /// An ellipsis: a teaser cut short.
    Ellipsis,
    /// Anything else: a label, a title, a menu entry.
    #[default]
    Open,
}

/// The lines of a text and their own facts; blank lines are counted in
/// their neighbours' `blanks_before` and `blanks_after`.
pub(crate) fn own_facts(text: &str) -> Vec<Own> {
    let mut lines: Vec<Own> = Vec::new();
    let mut blanks = MOST_BLANKS;
    let hasher = foldhash::fast::FixedState::with_seed(0x7e51);
    // The hashes of the first line's words, once it is read.
    let mut title: Vec<u64> = Vec::new();
    // The classes of a line's characters, for `chars::tally`.
    let mut classes = Vec::new();
    for line in source::lines(text, source::content_start(text)) {
        let raw = &text[line.start..line.end];
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            blanks += 1;
            if let Some(last) = lines.last_mut() {
                last.blanks_after = (last.blanks_after + 1).min(MOST_BLANKS);
            }
            continue;
        }
        let start = line.start + (raw.len() - raw.trim_start().len());
        let first = lines.is_empty();
        let mut own = if first {
            read_line(trimmed, &mut classes, &[], Some(&mut title))
        } else {
            read_line(trimmed, &mut classes, &title, None)
        };
        if first {
            title.sort_unstable();
            title.dedup();
            own.title_words = own.words;
        }
        own.start = start;
        own.end = start + trimmed.len();
        own.number = line.number;
        own.blanks_before = blanks.min(MOST_BLANKS);
        own.hash = hasher.hash_one(trimmed);
        blanks = 0;
        lines.push(own);
    }
    if let Some(last) = lines.last_mut() {
        last.blanks_after = MOST_BLANKS;
    }
    lines
}

/// The facts a line's characters give, in one pass over them
/// ([`chars::tally`]). When the line has at most `MOST_TITLE_LINE_WORDS`
/// words, each is hashed (folded to lower case) and looked up in `title`,
/// the sorted hashes of the page's first line; the first line itself gives
/// its hashes to `keep` (at most `TITLE_WORDS`).
fn read_line(line: &str, classes: &mut Vec<u8>, title: &[u64], keep: Option<&mut Vec<u64>>) -> Own {
    let t = chars::tally(line, classes);
    let mut own = Own {
        words: t.words,
        chars: t.chars,
        capitals: t.capitals,
        digits: t.digits,
        function: t.function,
        lower: t.lower,
        commas: t.commas,
        marks: t.marks,
        separators: t.separators,
        address: t.address,
        end_mark: end_mark(line),
        opens_lower: line.chars().next().is_some_and(char::is_lowercase),
        item: opens_item(line),
        ..Own::default()
    };
    match keep {
        Some(kept) => chars::word_hashes(line, |hash| {
            kept.push(hash);
            kept.len() < TITLE_WORDS
        }),
        None if t.words <= MOST_TITLE_LINE_WORDS && !title.is_empty() => {
            chars::word_hashes(line, |hash| {
                own.title_words += u32::from(title.binary_search(&hash).is_ok());
                true
            });
        }
        None => {}
    }
    own
}

/// How `line` (trimmed, not empty) ends.
fn end_mark(line: &str) -> EndMark {
    if line.ends_with("...") || line.ends_with('…') {
        return EndMark::Ellipsis;
    }
    match line.chars().next_back() {
        Some('.' | '!' | '?' | '"' | '”' | '»' | '“' | '\'' | '’' | '。' | '！' | '？') => {
            EndMark::Sentence
        }
        Some(':') => EndMark::Colon,
        _ => EndMark::Open,
    }
}

/// Whether `line` opens with a bullet or a number followed by a mark.
fn opens_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('•' | '-' | '*' | '–' | '—' | '◦' | '▪' | '►' | '·' | '+') => true,
        Some(c) if c.is_ascii_digit() => {
            let rest = chars
                .as_str()
                .trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(['.', ')', '-', ':'])
        }
        _ => false,
    }
}

/// The number of features of the first stage, in the order of
/// [`FEATURES`].
pub const FIRST: usize = 44;

/// Names of the features of each line, in the order the decision reads
/// them: those of the first stage, then those the second stage adds from
/// the first stage's judgement of the neighbours.
pub const FEATURES: [&str; FIRST + SECOND] = [
    "words",
    "chars",
    "words_of_longest",
    "words_of_median_long",
    "blanks_before",
    "blanks_after",
    "group_lines",
    "group_words",
    "group_long_share",
    "index_in_group",
    "index_from_group_end",
    "short_run",
    "ends_sentence",
    "ends_colon",
    "ends_ellipsis",
    "commas_per_word",
    "marks_share",
    "separators",
    "capitals_share",
    "function_share",
    "digits_share",
    "lower_share",
    "item",
    "address",
    "opens_lower",
    "repeats",
    "title_likeness",
    "position",
    "words_before_share",
    "in_dense",
    "dense_distance",
    "dense_distance_share",
    "dense_words_share",
    "prose",
    "prev_words",
    "next_words",
    "prev_ends_sentence",
    "next_ends_sentence",
    "prev_function_share",
    "next_function_share",
    "prev2_words",
    "next2_words",
    "first_line",
    "lines_of_page",
    // Second stage.
    "p_prev3",
    "p_prev2",
    "p_prev1",
    "p_self",
    "p_next1",
    "p_next2",
    "p_next3",
    "p_mean_3",
    "p_mean_10",
    "p_group_mean",
    "p_in_region",
    "p_region_distance",
    "p_max_words_share",
];

/// The number of features the second stage adds.
pub const SECOND: usize = 13;

/// Whether a line reads as prose: long, and closed like a sentence.
pub(crate) fn is_prose(own: &Own) -> bool {
    own.words >= LONG_WORDS && own.end_mark != EndMark::Open
}

fn share(part: u32, whole: u32) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// The first-stage features of every line, `FIRST` a line, in one flat
/// vector.
pub(crate) fn first_stage(lines: &[Own]) -> Vec<f32> {
    let n = lines.len();
    let mut out = Vec::with_capacity(n * FIRST);
    if n == 0 {
        return out;
    }
    let longest = lines.iter().map(|l| l.words).max().unwrap_or(0).max(1);
    let median_long = median_long_words(lines);
    let total_words: u32 = lines.iter().map(|l| l.words).sum::<u32>().max(1);
    let groups = groups(lines);
    let short_runs = short_runs(lines);
    let repeats = repeats(lines);
    let dense = densest(lines.iter().map(|l| {
        if is_prose(l) {
            l.words as f32
        } else {
            -(l.words.min(5) as f32) - 2.0
        }
    }));
    let dense_words: u32 = lines[dense.0..dense.1].iter().map(|l| l.words).sum();
    let mut before = 0u32;
    let at = |i: usize| lines.get(i);
    for (i, l) in lines.iter().enumerate() {
        let g = &groups[i];
        let prev = i.checked_sub(1).and_then(at);
        let next = at(i + 1);
        let prev2 = i.checked_sub(2).and_then(at);
        let next2 = at(i + 2);
        let distance = distance(i, dense);
        let words = |l: Option<&Own>| l.map_or(0.0, |l| l.words as f32);
        let sentence =
            |l: Option<&Own>| l.map_or(0.0, |l| (l.end_mark == EndMark::Sentence) as u8 as f32);
        let function = |l: Option<&Own>| l.map_or(0.0, |l| share(l.function, l.words));
        out.extend_from_slice(&[
            l.words as f32,
            l.chars as f32,
            share(l.words, longest),
            l.words as f32 / median_long,
            l.blanks_before as f32,
            l.blanks_after as f32,
            g.lines as f32,
            g.words as f32,
            share(g.long, g.lines),
            g.index as f32,
            (g.lines - 1 - g.index) as f32,
            short_runs[i] as f32,
            (l.end_mark == EndMark::Sentence) as u8 as f32,
            (l.end_mark == EndMark::Colon) as u8 as f32,
            (l.end_mark == EndMark::Ellipsis) as u8 as f32,
            share(l.commas, l.words),
            share(l.marks, l.chars),
            l.separators as f32,
            share(l.capitals, l.words),
            share(l.function, l.words),
            share(l.digits, l.words),
            share(l.lower, l.words),
            l.item as u8 as f32,
            l.address as u8 as f32,
            l.opens_lower as u8 as f32,
            repeats[i] as f32,
            if l.words <= MOST_TITLE_LINE_WORDS {
                share(l.title_words, l.words)
            } else {
                0.0
            },
            i as f32 / n as f32,
            share(before, total_words),
            (distance == 0.0) as u8 as f32,
            distance.clamp(-MOST_DISTANCE, MOST_DISTANCE),
            distance / n as f32,
            share(dense_words, total_words),
            is_prose(l) as u8 as f32,
            words(prev),
            words(next),
            sentence(prev),
            sentence(next),
            function(prev),
            function(next),
            words(prev2),
            words(next2),
            (i == 0) as u8 as f32,
            n as f32,
        ]);
        before += l.words;
    }
    out
}

/// The features the second stage adds to a line from `p`, the first
/// stage's probability that each line is the body, `SECOND` a line.
pub(crate) fn second_stage(lines: &[Own], p: &[f32]) -> Vec<f32> {
    let n = lines.len();
    let mut out = Vec::with_capacity(n * SECOND);
    if n == 0 {
        return out;
    }
    // Prefix sums of p, for window means.
    let mut sums = Vec::with_capacity(n + 1);
    sums.push(0.0f32);
    for &x in p {
        sums.push(sums[sums.len() - 1] + x);
    }
    let mean = |a: usize, b: usize| (sums[b] - sums[a]) / (b - a).max(1) as f32;
    let groups = groups(lines);
    // The densest run of likely body, weighted by words.
    let region = densest(
        lines
            .iter()
            .zip(p)
            .map(|(l, &p)| (p - 0.5) * (l.words.max(1) as f32)),
    );
    let most_words = lines
        .iter()
        .zip(p)
        .filter(|&(_, &p)| p >= 0.5)
        .map(|(l, _)| l.words)
        .max()
        .unwrap_or(0)
        .max(1);
    let at = |i: isize| {
        usize::try_from(i)
            .ok()
            .and_then(|i| p.get(i).copied())
            .unwrap_or(0.0)
    };
    let mut group_start = 0;
    for (i, l) in lines.iter().enumerate() {
        let g = &groups[i];
        if g.index == 0 {
            group_start = i;
        }
        let group_end = group_start + g.lines as usize;
        let k = i as isize;
        let distance = distance(i, region);
        out.extend_from_slice(&[
            at(k - 3),
            at(k - 2),
            at(k - 1),
            p[i],
            at(k + 1),
            at(k + 2),
            at(k + 3),
            mean(i.saturating_sub(3), (i + 4).min(n)),
            mean(i.saturating_sub(10), (i + 11).min(n)),
            mean(group_start, group_end.min(n)),
            (distance == 0.0) as u8 as f32,
            distance.clamp(-MOST_DISTANCE, MOST_DISTANCE),
            share(l.words, most_words),
        ]);
    }
    out
}

/// How many lines line `i` lies before (negative) or after (positive)
/// the range `[start, end)`; 0 inside it.
fn distance(i: usize, (start, end): (usize, usize)) -> f32 {
    if i < start {
        -((start - i) as f32)
    } else if i >= end {
        (i + 1 - end) as f32
    } else {
        0.0
    }
}

/// A line's place in its group.
struct Group {
    lines: u32,
    words: u32,
    long: u32,
    index: u32,
}

/// The group of every line.
fn groups(lines: &[Own]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::with_capacity(lines.len());
    let mut start = 0;
    for (i, l) in lines.iter().enumerate() {
        if i > 0 && l.blanks_before > 0 {
            close_group(&mut out, &lines[start..i]);
            start = i;
        }
    }
    close_group(&mut out, &lines[start..]);
    out
}

fn close_group(out: &mut Vec<Group>, group: &[Own]) {
    let words = group.iter().map(|l| l.words).sum();
    let long = group.iter().filter(|l| l.words >= LONG_WORDS).count() as u32;
    for index in 0..group.len() {
        out.push(Group {
            lines: group.len() as u32,
            words,
            long,
            index: index as u32,
        });
    }
}

/// For each line, the length of the run of consecutive short lines it is
/// part of (blank lines do not break a run); 0 for a line that is not
/// short.
fn short_runs(lines: &[Own]) -> Vec<u32> {
    let mut out = vec![0; lines.len()];
    let mut start = 0;
    for i in 0..=lines.len() {
        let short = lines.get(i).is_some_and(|l| l.words <= SHORT_WORDS);
        if !short {
            let run = (i - start) as u32;
            out[start..i].fill(run);
            start = i + 1;
        }
    }
    out
}

/// How many other lines of the page have the same text, for each line.
fn repeats(lines: &[Own]) -> Vec<u32> {
    let mut counts: HashMap<u64, u32, foldhash::fast::FixedState> =
        HashMap::with_capacity_and_hasher(lines.len(), foldhash::fast::FixedState::default());
    for l in lines {
        *counts.entry(l.hash).or_default() += 1;
    }
    lines
        .iter()
        .map(|l| counts.get(&l.hash).map_or(0, |c| c - 1))
        .collect()
}

/// The median word count of the long lines; `LONG_WORDS` when there are
/// none.
fn median_long_words(lines: &[Own]) -> f32 {
    let mut long: Vec<u32> = lines
        .iter()
        .map(|l| l.words)
        .filter(|&w| w >= LONG_WORDS)
        .collect();
    if long.is_empty() {
        return LONG_WORDS as f32;
    }
    let mid = long.len() / 2;
    *long.select_nth_unstable(mid).1 as f32
}

/// The range `[start, end)` of the run of consecutive lines whose scores
/// sum highest (an empty range at 0 when none is positive).
fn densest(scores: impl Iterator<Item = f32>) -> (usize, usize) {
    let (mut best, mut best_range) = (0.0f32, (0, 0));
    let (mut sum, mut start) = (0.0f32, 0);
    for (i, s) in scores.enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += s;
        if sum > best {
            best = sum;
            best_range = (start, i + 1);
        }
    }
    best_range
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_own_facts() {
        let lines = own_facts("Home\n\nLe aziende devono ascoltare, poi parlare.\n  • uno\n");
        assert_eq!(lines.len(), 3);
        let prose = &lines[1];
        // "poi": a short word in lower case.
        assert_eq!((prose.words, prose.commas, prose.function), (6, 1, 1));
        assert_eq!(prose.end_mark, EndMark::Sentence);
        assert_eq!((prose.blanks_before, prose.blanks_after), (1, 0));
        assert!(lines[2].item);
        assert_eq!(lines[0].blanks_before, MOST_BLANKS);
    }

    /// The table of ASCII classes and the one pass agree with `char`'s own
    /// methods on words, capitals and digits, in and out of ASCII.
    #[test]
    fn ok_read_line_agrees_with_char_methods() {
        for line in [
            "Perché l’Università è già aperta: 3 corsi, 12 docenti.",
            "ÈCCO Привет мир — 한국어 텍스트 | Home » News",
            "a_b c1 ___ 42x",
        ] {
            let words: Vec<&str> = line
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .collect();
            let own = read_line(line, &mut Vec::new(), &[], None);
            let first = |w: &&str| w.chars().next().unwrap_or(' ');
            assert_eq!(own.words as usize, words.len(), "{line}");
            let capitals = words.iter().filter(|w| first(w).is_uppercase()).count();
            assert_eq!(own.capitals as usize, capitals, "{line}");
            let digits = words.iter().filter(|w| first(w).is_numeric()).count();
            assert_eq!(own.digits as usize, digits, "{line}");
            assert_eq!(own.chars as usize, line.chars().count(), "{line}");
        }
    }

    #[test]
    fn ok_title_words_are_found() {
        let lines = own_facts("Il Manifesto del blog\n\nIl manifesto, oggi\nAltro testo qui\n");
        assert_eq!(lines[1].title_words, 2);
        assert_eq!(lines[2].title_words, 0);
    }

    #[test]
    fn ok_densest() {
        assert_eq!(densest([-1.0, 2.0, 3.0, -10.0, 4.0].into_iter()), (1, 3));
        assert_eq!(densest([-1.0].into_iter()), (0, 0));
    }

    #[test]
    fn ok_features_have_their_names() {
        let lines = own_facts("a\nb c d\n\ne f.\n");
        assert_eq!(first_stage(&lines).len(), 3 * FIRST);
        assert_eq!(second_stage(&lines, &[0.5; 3]).len(), 3 * SECOND);
    }
}
