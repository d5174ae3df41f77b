//! The layout stage: which lines of a page are the author's text and
//! which are the page around it (menus, teasers of other articles,
//! widgets, readers' comments, feet), judged from the shape of the lines
//! and their place on the page, in any language.
//!
//! It runs between the line layer and the records, in two steps:
//!
//! 1. **Facts, computed once** ([`Features`], `facts.rs`): for every line
//!    that holds text, its words, characters, end punctuation, share of
//!    capitalised and of short lower-case (function) words, digits, blank
//!    lines around, its group (the lines between blank lines), the run of
//!    short lines it is in, how often the page repeats it, how much of the
//!    page's first line (its title) it repeats, and its place against the
//!    page's densest run of prose.
//! 2. **One decision with context** ([`Model`], `model.rs`): a first
//!    forest of small trees judges each line from its own facts; a second
//!    judges it again from the same facts and the first judgement of the
//!    lines around it (the three before and after, window means, its
//!    group, the densest run of likely body), the way jusText revises
//!    short blocks by their neighbours. The weights are data
//!    (`model.txt`), retrained by `cargo run --release --example
//!    train_layout`.
//!
//! The assembly then asks, for each block it builds, whether most of its
//! words lie on lines judged furniture (`Verdicts::is_furniture`).
//!
//! ```
//! let page = "Home\nNews\nSport\nContact\n\n\
//!             The council met on Tuesday and agreed, after a long debate, to keep the library open.\n\n\
//!             Residents had asked for longer hours, and the council said it would look at the budget.\n";
//! let features = tesi::layout::Features::of(page);
//! assert_eq!(features.len(), 6);
//! let body = tesi::layout::Model::shipped().body(&features);
//! assert!(body[4] && body[5]);
//! ```

mod facts;
mod model;

pub use facts::{FEATURES, FIRST, SECOND};
pub use model::{Model, ModelError};

use crate::model::Span;
use facts::Own;

/// The facts of every line of a text that holds some visible character,
/// computed once; the features of both stages of the decision are read
/// from them.
#[derive(Debug, Clone)]
pub struct Features {
    lines: Vec<Own>,
    first: Vec<f32>,
}

impl Features {
    /// The facts of the lines of `text` (LF, CRLF or lone CR line ends; a
    /// leading BOM is skipped).
    pub fn of(text: &str) -> Features {
        Features::from_lines(facts::own_facts(text))
    }

    /// The features of lines whose own facts are read.
    fn from_lines(lines: Vec<Own>) -> Features {
        let first = facts::first_stage(&lines);
        Features { lines, first }
    }

    /// The number of lines that hold text.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether the text has no line with text.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The span of line `i` (its text without surrounding white space).
    ///
    /// # Panics
    ///
    /// When `i` is not below [`Features::len`].
    pub fn span(&self, i: usize) -> Span {
        let l = &self.lines[i];
        Span::new(l.start, l.end, l.number)
    }

    /// The number of words (`\w+`) of line `i`.
    ///
    /// # Panics
    ///
    /// When `i` is not below [`Features::len`].
    pub fn words(&self, i: usize) -> u32 {
        self.lines[i].words
    }

    /// The first-stage features of line `i`, named by the first [`FIRST`]
    /// names of [`FEATURES`].
    ///
    /// # Panics
    ///
    /// When `i` is not below [`Features::len`].
    pub fn first_stage(&self, i: usize) -> &[f32] {
        &self.first[i * FIRST..(i + 1) * FIRST]
    }

    /// The features both stages read, `FIRST + SECOND` a line in one flat
    /// vector, given `p`, the first stage's probability for each line.
    pub fn both_stages(&self, p: &[f32]) -> Vec<f32> {
        let second = facts::second_stage(&self.lines, p);
        let mut out = Vec::with_capacity(self.len() * (FIRST + SECOND));
        for (first, added) in self
            .first
            .chunks_exact(FIRST)
            .zip(second.chunks_exact(SECOND))
        {
            out.extend_from_slice(first);
            out.extend_from_slice(added);
        }
        out
    }
}

impl Model {
    /// Each line of `features` judged: `true` for the page's body.
    pub fn body(&self, features: &Features) -> Vec<bool> {
        self.probabilities(features)
            .into_iter()
            .map(|p| p > self.threshold())
            .collect()
    }

    /// The probability that each line of `features` is the page's body,
    /// after both stages.
    pub fn probabilities(&self, features: &Features) -> Vec<f32> {
        let p = self.first_stage_rows(&features.first);
        self.second_stage_rows(&features.both_stages(&p))
    }
}

/// The judgement of every line with text, for the assembly.
#[derive(Debug, Default)]
pub(crate) struct Verdicts {
    /// Lines with text in input order: start byte, words, body or not.
    lines: Vec<(usize, u32, bool)>,
}

impl Verdicts {
    /// Judges the lines of `text` with `model`.
    pub(crate) fn of(text: &str, model: &Model) -> Verdicts {
        let lines = facts::own_facts(text);
        // A text with no line of prose has no body to tell the page
        // apart from (a note, a list alone): it is left to the assembly,
        // before any feature is computed.
        if !lines.iter().any(facts::is_prose) {
            return Verdicts::default();
        }
        let features = Features::from_lines(lines);
        let mut body = model.body(&features);
        // A dump cut short ends inside the author's text: with no line end
        // after it and no mark closing it, the last line goes on from the
        // body above it, however short the cut left it.
        if let [.., before, last] = body.as_mut_slice()
            && *before
            && !*last
            && !text.ends_with(['\n', '\r'])
            && features
                .lines
                .last()
                .is_some_and(|l| l.end_mark == facts::EndMark::Open)
        {
            *last = true;
        }
        Verdicts {
            lines: features
                .lines
                .iter()
                .zip(body)
                .map(|(l, body)| (l.start, l.words, body))
                .collect(),
        }
    }

    /// Whether most words of the lines in `span` lie on lines judged
    /// furniture. With no judgement (no model), nothing is.
    pub(crate) fn is_furniture(&self, span: Span) -> bool {
        let first = self.lines.partition_point(|l| l.0 < span.start);
        let (mut body, mut furniture) = (0, 0);
        for &(_, words, is_body) in self.lines[first..].iter().take_while(|l| l.0 < span.end) {
            if is_body {
                body += words.max(1);
            } else {
                furniture += words.max(1);
            }
        }
        furniture > body
    }
}
