//! Assembly: one left-to-right pass over the scanned lines that groups
//! them into blocks, then one pass over the blocks that groups them into
//! posts.
//!
//! Every block gets the span of the lines it consumed, so each non-space
//! character of the input lies in some block by construction. Look-ahead is
//! bounded by the block being built: no line is read more than twice.
//!
//! The files follow the passes: here, lines into items through the scan's
//! window; `paragraphs.rs` joins prose lines and `shape.rs` tells titles
//! and headings by their shape; `theses.rs`, `recommendations.rs` and
//! `episodes.rs` build the list and series blocks; `intro.rs` gives a list
//! its lead-in; `posts.rs` groups the items into posts; `page.rs`,
//! `menus.rs`, `byline.rs` and `foot.rs` read the page around them.

use std::borrow::Cow;

mod body;
mod byline;
mod data;
mod episodes;
mod foot;
mod intro;
mod menus;
mod page;
mod paragraphs;
mod posts;
mod recommendations;
mod shape;
mod theses;

use paragraphs::{at_most_chars, close_paragraph, paragraph, paragraph_end};

use crate::layout::Verdicts;
use crate::lexicon::{Lexicon, Words};
use crate::model::{Block, Category, Date, Document, RecommendationList, Span, Thesis, ThesisList};
use crate::normalize::normalize_and_probe;
use crate::scan::{Kind, Scanned, Window};

/// Short labels inside a comment form or share bar ("w", "Foto Twitter").
const MAX_LABEL_CHARS: usize = 48;
const MAX_LABEL_WORDS: usize = 5;

/// A block before posts are known.
#[derive(Debug)]
enum Item<'a> {
    /// A run of furniture of one category.
    Furniture(Category, Span),
    /// One or more prose lines that belong together; `single` when it is
    /// one line; `text` when it is normalised already.
    Text {
        span: Span,
        single: bool,
        text: Option<Cow<'a, str>>,
    },
    /// An archive listing entry.
    Listing { date: Date, title: Span, span: Span },
    /// A numbered list, before its heading is known; `worded` when its
    /// markers name theses ("Tesi 1:").
    Theses {
        list: Box<ThesisList<'a>>,
        worded: bool,
    },
    /// A bulleted list, before its lead-in is known.
    Recommendations(Box<RecommendationList<'a>>),
    /// A structure already built.
    Block(Block<'a>),
}

/// Buffers one list after another builds its items in: a list then
/// allocates its items once, at their exact number, rather than growing a
/// vector of its own (and holding room it does not use until the document
/// is dropped).
#[derive(Default)]
struct Scratch<'a> {
    theses: Vec<Thesis<'a>>,
    bullets: recommendations::Scratch<'a>,
}

/// The items built in `buffer`, moved into a vector of their own of
/// exactly their number; `buffer` is left empty, its room kept.
fn exact<T>(buffer: &mut Vec<T>) -> Vec<T> {
    let mut items = Vec::with_capacity(buffer.len());
    items.append(buffer);
    items
}

/// Whether furniture of `category` closes the post it follows, so that
/// the next content opens a new post (on tag-archive pages).
pub(crate) const fn ends_post(category: Category) -> bool {
    matches!(
        category,
        Category::CommentLink
            | Category::CommentForm
            | Category::Signature
            | Category::ShareBar
            | Category::Continuation
    )
}

/// Whether furniture of `category` may head a list that belongs to it:
/// the share buttons under "Condividi:", the links under "Post
/// navigation", the posts under "Correlati" or a sidebar's "Articoli
/// recenti".
pub(crate) const fn heads_list(category: Category) -> bool {
    matches!(
        category,
        Category::ShareBar | Category::Navigation | Category::Related | Category::Footer
    )
}

/// Builds the document from the lines of `window`, scanned as the
/// assembly reads them; gives back the window's buffer for the next text.
pub(crate) fn assemble<'a>(
    source: &'a str,
    window: Window<'a, '_>,
    lexicon: &Lexicon,
    layout: &Verdicts,
) -> (Document<'a>, Vec<Scanned>) {
    let mut items = Items {
        source,
        window,
        lexicon,
        i: 0,
        ready: Vec::new(),
        scratch: Scratch::default(),
    };
    let doc = posts::posts(source, &mut items, lexicon, layout);
    (doc, items.window.into_buffer())
}

/// Lines into items, as the posts pass asks for them: a step over the
/// lines yields one or a few items, so the items of a whole dump never sit
/// in memory at once (for a large dump that was a vector of megabytes,
/// with its page faults, on every parse).
struct Items<'a, 'w, 'l> {
    source: &'a str,
    window: Window<'a, 'w>,
    lexicon: &'l Lexicon,
    /// The next line to read (an index into the text's lines).
    i: usize,
    /// Items of the last step, last first.
    ready: Vec<Item<'a>>,
    /// Buffers that one list after another reuses.
    scratch: Scratch<'a>,
}

impl<'a> Iterator for Items<'a, '_, '_> {
    type Item = Item<'a>;

    fn next(&mut self) -> Option<Item<'a>> {
        while self.ready.is_empty() {
            let k = self.i - self.window.base();
            if !self.window.covers(k + 1) {
                self.window.extend(k);
                continue;
            }
            let (source, lexicon) = (self.source, self.lexicon);
            let lines = self.window.lines();
            if k >= lines.len() {
                return None;
            }
            let next = step(
                source,
                lines,
                k,
                lexicon,
                &mut self.ready,
                &mut self.scratch,
            );
            if !self.window.covers(next) {
                // The step may have looked past the window's margin: it is
                // taken again over more lines.
                self.ready.clear();
                self.window.extend_past(k);
                continue;
            }
            // Blank lines make no item: they are passed over here, as their
            // own steps would pass them, while the window covers them.
            let mut next = next;
            while lines.get(next).is_some_and(|l| l.kind == Kind::Blank)
                && self.window.covers(next + 1)
            {
                next += 1;
            }
            self.i = self.window.base() + next;
            self.ready.reverse();
        }
        self.ready.pop()
    }
}

/// Reads the lines from `i` that make one item (or a few: the entries of a
/// listing, a paragraph and its closing marker) into `items`; returns the
/// index of the next line to read.
fn step<'a>(
    source: &'a str,
    lines: &[Scanned],
    mut i: usize,
    lexicon: &Lexicon,
    items: &mut Vec<Item<'a>>,
    scratch: &mut Scratch<'a>,
) -> usize {
    let line = &lines[i];
    match line.kind {
        Kind::Blank => i += 1,
        Kind::Furniture(category) => {
            let last = furniture_run(source, lines, i, category, lexicon);
            items.push(Item::Furniture(category, span_of(&lines[i], &lines[last])));
            i = last + 1;
        }
        Kind::Listing(_) if is_listing(lines, i) => {
            while let Some(Kind::Listing(entry)) = lines.get(i).map(|l| l.kind) {
                let l = &lines[i];
                items.push(Item::Listing {
                    date: entry.date,
                    title: Span::new(entry.title.0, entry.title.1, l.line.number),
                    span: span_of(l, l),
                });
                i = next_solid(lines, i + 1);
            }
        }
        Kind::Marker(_) => {
            match theses::thesis_list(source, lines, i, lexicon, items, &mut scratch.theses) {
                Some(next) => i = next,
                None => i = paragraph(source, lines, i, lexicon.shape_limits(), items),
            }
        }
        Kind::SeriesLink(opening) => {
            i = episodes::series_link(source, lines, i, opening, lexicon, items);
        }
        Kind::Episode(header) => {
            episodes::episode_header(source, line, header, items);
            i += 1;
        }
        Kind::Bullet { .. } => {
            i = recommendations::recommendation_list(
                source,
                lines,
                i,
                lexicon,
                items,
                &mut scratch.bullets,
            );
        }
        Kind::Text { tail: None } => {
            let last = paragraph_end(source, lines, i, lexicon.shape_limits());
            // A paragraph of one line is normalised here, and the probe
            // that spares most inline list searches comes with it.
            let (text, bullets) = if last == i {
                let (text, bullets) = normalize_and_probe(line.text(source));
                (Some(text), bullets)
            } else {
                (None, true)
            };
            match bullets
                .then(|| recommendations::inline_list(source, line))
                .flatten()
            {
                Some(mut list) => {
                    recommendations::attach_episodes(source, &mut list.items, lexicon);
                    items.push(Item::Recommendations(Box::new(list)));
                    i += 1;
                }
                None => {
                    close_paragraph(source, lines, (i, last), text, items);
                    i = last + 1;
                }
            }
        }
        Kind::Listing(_) | Kind::Text { .. } => {
            i = paragraph(source, lines, i, lexicon.shape_limits(), items)
        }
    }
    i
}

/// Index of the first non-blank line at or after `i`.
fn next_solid(lines: &[Scanned], mut i: usize) -> usize {
    while lines.get(i).is_some_and(|l| l.kind == Kind::Blank) {
        i += 1;
    }
    i
}

/// Whether the listing entry at `i` starts a run of at least two.
fn is_listing(lines: &[Scanned], i: usize) -> bool {
    let next = next_solid(lines, i + 1);
    matches!(lines.get(next).map(|l| l.kind), Some(Kind::Listing(_)))
        || (i > 0 && matches!(lines[i - 1].kind, Kind::Listing(_)))
}

/// The span from the start of `first` to the end of `last`.
fn span_of(first: &Scanned, last: &Scanned) -> Span {
    Span::new(first.start, last.end, first.line.number)
}

/// The last line of the furniture run that starts at `i`.
///
/// Lines of the same category join the run, blank lines between them
/// included. Comment forms and share bars also take the short labels
/// between their lines ("w", "Foto Twitter"), and share bars the platform
/// names that follow them.
fn furniture_run(
    source: &str,
    lines: &[Scanned],
    i: usize,
    category: Category,
    lexicon: &Lexicon,
) -> usize {
    let takes_labels = matches!(category, Category::CommentForm | Category::ShareBar);
    let mut last = i;
    for (j, line) in lines.iter().enumerate().skip(i + 1) {
        match line.kind {
            Kind::Blank => {}
            Kind::Furniture(c) if c == category => last = j,
            Kind::Text { tail: None } if takes_labels && is_label(line.text(source)) => {
                if category == Category::ShareBar
                    && lexicon.words(Words::ShareLabel).is_whole(line.text(source))
                {
                    last = j;
                }
            }
            _ => break,
        }
    }
    last
}

/// A short label: a few words, no sentence.
fn is_label(text: &str) -> bool {
    at_most_chars(text, MAX_LABEL_CHARS)
        && text.split_whitespace().count() <= MAX_LABEL_WORDS
        && !text.ends_with(['.', '!', '?', ':', ';', ','])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source;
    use proptest::prelude::*;

    fn lexicon() -> &'static Lexicon {
        static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEXICON.get_or_init(Lexicon::default)
    }

    /// The document built through a window that scans `chunk` lines at a
    /// time.
    fn windowed(text: &str, chunk: usize) -> Document<'_> {
        let lines = source::lines(text, source::content_start(text));
        let window = Window::with_chunk(text, lines, lexicon(), Vec::new(), chunk);
        assemble(text, window, lexicon(), &Verdicts::default()).0
    }

    fn fixtures() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("fixtures")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("a fixture"))
            .collect()
    }

    /// However few lines the window scans at a time, the document is the
    /// one built from all the lines at once: on every fixture, and on
    /// all of them in a row (a dump of thousands of lines).
    #[test]
    fn ok_window_sizes_agree_on_fixtures() {
        let all = fixtures();
        let joined = all.join("\n\n").repeat(3);
        for text in all.iter().chain([&joined]) {
            let whole = windowed(text, usize::MAX);
            for chunk in [1, 2, 3, 7, 64, 1000] {
                assert_eq!(windowed(text, chunk), whole, "chunk {chunk}");
            }
        }
    }

    /// The longest look ahead: commentary of up to 40 lines between two
    /// theses of one list. Each gap is read whole however the window cuts
    /// the text (the list keeps its three theses).
    #[test]
    fn ok_window_sees_the_longest_commentary() {
        for gap in [1, 12, 30, 38, 39] {
            let mut text = String::from("Titolo del post\n\n");
            for n in 1..=3 {
                text.push_str(&format!(
                    "{n}. La tesi numero {n} sulle aziende che ascoltano.\n"
                ));
                for k in 0..gap {
                    text.push_str(&format!(
                        "Un commento alla tesi, riga {k}, che spiega con calma.\n"
                    ));
                }
            }
            let whole = windowed(&text, usize::MAX);
            let lists: Vec<usize> = whole.thesis_lists().map(|l| l.items.len()).collect();
            assert_eq!(lists, [3], "gap {gap}");
            for chunk in [1, 2, 5, 33] {
                assert_eq!(windowed(&text, chunk), whole, "gap {gap} chunk {chunk}");
            }
        }
    }

    /// The window stays a few chunks long on a dump of many posts with a
    /// list in each: a structure read again takes the window past its
    /// own end, not to the end of the dump.
    #[test]
    fn ok_window_stays_small() {
        let post = "Un titolo\n\n1. La prima tesi.\n2. La seconda tesi.\n3. La terza.\n\n\
                    Un paragrafo che chiude il post.\n\nLeave a Comment\n\n";
        for chunk in [16, 64, 100] {
            let text = post.repeat(5_000);
            let window =
                Window::with_chunk(&text, source::lines(&text, 0), lexicon(), Vec::new(), chunk);
            let (doc, buffer) = assemble(&text, window, lexicon(), &Verdicts::default());
            assert_eq!(doc.thesis_lists().count(), 5_000);
            assert!(
                buffer.capacity() <= 2048,
                "chunk {chunk}: {}",
                buffer.capacity()
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

        /// The same on dumps made of fixture lines in any order, with runs
        /// of blank lines of any length between them (the window's margin
        /// counts lines that are not blank).
        #[test]
        fn window_sizes_agree(
            picks in prop::collection::vec((any::<prop::sample::Index>(), 0..3usize, 0..120usize), 0..400),
            chunk in 1..80usize,
        ) {
            static LINES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
            let lines = LINES.get_or_init(|| {
                fixtures().iter().flat_map(|f| f.lines().map(str::to_owned).collect::<Vec<_>>()).collect()
            });
            let mut text = String::new();
            for (pick, run, blanks) in picks {
                // A run of consecutive fixture lines, then blank lines (a
                // long run now and then).
                let at = pick.index(lines.len());
                for line in lines.iter().skip(at).take(run + 1) {
                    text.push_str(line);
                    text.push('\n');
                }
                let blanks = if blanks > 100 { blanks } else { blanks % 3 };
                text.push_str(&"\n".repeat(blanks));
            }
            prop_assert_eq!(windowed(&text, chunk), windowed(&text, usize::MAX));
        }
    }
}
