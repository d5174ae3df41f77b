//! Scan: each line classified on its own, with no look at its neighbours.
//!
//! The assembly phase reads the result left to right and decides what the
//! lines make together; it asks for lines through a [`Window`], which
//! scans them a chunk ahead and drops those passed.

use crate::grammar::boilerplate::{self, Closing};
use crate::grammar::bullet::{self, Bullet};
use crate::grammar::listing::{self, Entry};
use crate::grammar::series_link::{self, Located};
use crate::grammar::thesis::{self, Marker};
use crate::grammar::{Head, episode, visible};
use crate::lexicon::Lexicon;
use crate::model::Category;
use crate::source::{Line, Lines};

/// What one line holds, judged alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Nothing but white space.
    Blank,
    /// Page furniture, the whole line.
    Furniture(Category),
    /// An archive listing entry: a date and a title.
    Listing(Entry),
    /// A link to the previous or next episode of a series opens here, in
    /// the line's visible text.
    SeriesLink(Located),
    /// An episode header ("Episodio 4: titolo"), in the line's visible
    /// text.
    Episode(episode::Located),
    /// A thesis marker opens the line (offsets relative to `start`).
    Marker(Marker),
    /// A bullet opens the line (offsets relative to `start`); `indent` is
    /// the line's leading white space in columns.
    Bullet { bullet: Bullet, indent: u32 },
    /// Prose or a title; `tail` is a furniture marker closing the line
    /// (its category and absolute byte offset).
    Text { tail: Option<Closing> },
}

/// Where a physical line starts, and its number (from 1). The assembly
/// needs no more of it than this.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineStart {
    pub start: usize,
    pub number: usize,
}

impl From<Line> for LineStart {
    fn from(line: Line) -> Self {
        LineStart {
            start: line.start,
            number: line.number,
        }
    }
}

/// A line with its trimmed content and its kind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scanned {
    /// The physical line.
    pub line: LineStart,
    /// Absolute byte range of the line without surrounding white space.
    pub start: usize,
    pub end: usize,
    /// What the line holds.
    pub kind: Kind,
}

// The line table holds one of these per line: it should not grow unseen.
// At 64 bytes an entry is one cache line.
const _: () = assert!(std::mem::size_of::<Scanned>() <= 64);

impl Scanned {
    /// The trimmed content of the line.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// One line classified.
#[inline]
fn scanned(source: &str, line: Line, lexicon: &Lexicon) -> Scanned {
    let raw = &source[line.start..line.end];
    if raw.is_empty() {
        return Scanned {
            line: line.into(),
            start: line.start,
            end: line.start,
            kind: Kind::Blank,
        };
    }
    let lead = crate::chars::space_len_at(raw);
    let trimmed = crate::chars::trim_end(&raw[lead..]);
    let start = line.start + lead;
    let end = start + trimmed.len();
    let kind = classify(trimmed, start, lexicon, &raw[..lead]);
    Scanned {
        line: line.into(),
        start,
        end,
        kind,
    }
}

/// Lines scanned at a time, while the assembly keeps up: 64 KB of table,
/// which the assembly reads back from the first- and second-level caches
/// soon after the scan wrote it. 4096 lines (256 KB) measured 4-5% slower
/// on the bench corpus, 256 and 512 the same as 1024; a list longer than
/// a chunk is read twice, so the chunk is not made smaller still.
const CHUNK: usize = 1024;

/// Solid (not blank) lines a step of the assembly may look at past the
/// lines it takes: a list's commentary looks 40 lines ahead, a series
/// link's recap 8, and the other steps one line past a run of blank lines.
pub(crate) const MARGIN: usize = 64;

/// The scanned lines of a text, a window of them at a time: lines are
/// classified a chunk ahead of the assembly, and those it has passed are
/// dropped, so that the table of a large dump stays in cache and its
/// memory stays small (the whole table of a 32 MB dump was 25 MB,
/// written, then read back from memory).
pub(crate) struct Window<'a, 'l> {
    source: &'a str,
    lexicon: &'l Lexicon,
    lines: Lines<'a>,
    /// Lines `base..base + buf.len()` of the text (indices from 0).
    buf: Vec<Scanned>,
    base: usize,
    /// Every line of the text has been scanned.
    done: bool,
    /// The last index of `buf` with `MARGIN` solid lines from it to the
    /// end, if there is one.
    safe: Option<usize>,
    /// Lines scanned at a time, at least.
    chunk: usize,
}

impl<'a, 'l> Window<'a, 'l> {
    /// A window over the lines of `source`, scanned into `buf` (emptied
    /// first: a buffer kept from an earlier text saves the allocation).
    pub(crate) fn new(
        source: &'a str,
        lines: Lines<'a>,
        lexicon: &'l Lexicon,
        buf: Vec<Scanned>,
    ) -> Self {
        Self::with_chunk(source, lines, lexicon, buf, CHUNK)
    }

    /// [`Window::new`], scanning `chunk` lines at a time at least.
    pub(crate) fn with_chunk(
        source: &'a str,
        lines: Lines<'a>,
        lexicon: &'l Lexicon,
        mut buf: Vec<Scanned>,
        chunk: usize,
    ) -> Self {
        buf.clear();
        Window {
            source,
            lexicon,
            lines,
            buf,
            base: 0,
            done: false,
            safe: None,
            chunk: chunk.max(1),
        }
    }

    /// The lines in the window; index `k` is line `base() + k`.
    pub(crate) fn lines(&self) -> &[Scanned] {
        &self.buf
    }

    /// The index of the window's first line.
    pub(crate) fn base(&self) -> usize {
        self.base
    }

    /// Whether a step of the assembly that ends before window index `k`
    /// saw all it may look at: `MARGIN` solid lines from `k` on, or the
    /// end of the text.
    pub(crate) fn covers(&self, k: usize) -> bool {
        self.done || self.safe.is_some_and(|safe| k <= safe)
    }

    /// Drops the lines more than one before window index `k` (the next
    /// line the assembly reads: a listing entry looks at the line before
    /// it), then scans a chunk more. The lines kept are few when the
    /// assembly nears the end of the window, which is when it asks.
    pub(crate) fn extend(&mut self, k: usize) {
        self.drop_before(k);
        self.scan(self.chunk, None);
    }

    /// [`Window::extend`] for a step at window index `k` that ran past the
    /// margin: scans as many lines again as the window then holds, and on
    /// past the run of lines of the step's kind (up to `MARGIN` solid
    /// lines past its last line; a paragraph's run ends at a blank line),
    /// so that a long structure is read again once, not once a chunk.
    pub(crate) fn extend_past(&mut self, k: usize) {
        let k = self.drop_before(k);
        let run = self.buf.get(k).map(|line| (k, Run::of(line)));
        self.scan(self.buf.len().max(self.chunk), run);
    }

    /// Drops the lines more than one before window index `k`; returns
    /// where that line is now.
    fn drop_before(&mut self, k: usize) -> usize {
        let drop = k.saturating_sub(1).min(self.buf.len());
        self.buf.drain(..drop);
        self.base += drop;
        k - drop
    }

    /// Scans `want` lines at least and, given a run that starts at a
    /// window index, on until it is past; then finds the margin.
    fn scan(&mut self, want: usize, run: Option<(usize, Run)>) {
        if self.done {
            return;
        }
        let (source, lexicon) = (self.source, self.lexicon);
        let before = self.buf.len();
        self.buf.extend(
            self.lines
                .by_ref()
                .take(want)
                .map(|line| scanned(source, line, lexicon)),
        );
        self.done = self.buf.len() - before < want;
        if let Some((from, mut run)) = run {
            self.buf.iter().skip(from).for_each(|line| run.see(line));
            while !self.done && !run.is_past() {
                match self.lines.next() {
                    Some(line) => {
                        let line = scanned(source, line, lexicon);
                        run.see(&line);
                        self.buf.push(line);
                    }
                    None => self.done = true,
                }
            }
        }
        // The margin, counted back from the end.
        let mut solid = 0;
        self.safe = None;
        for (k, line) in self.buf.iter().enumerate().rev() {
            solid += usize::from(line.kind != Kind::Blank);
            if solid == MARGIN {
                self.safe = Some(k);
                break;
            }
        }
    }

    /// The buffer, for the next text.
    pub(crate) fn into_buffer(self) -> Vec<Scanned> {
        self.buf
    }
}

/// The lines of one kind that a long structure reads (a list's items, a
/// furniture run, a listing), followed as the window grows. Prose between
/// them (wrapped items, commentary, labels) may go on for a while; a line
/// of another kind ends the run, as a blank line ends a paragraph's. The
/// run is past once `MARGIN` solid lines have gone by since its last line,
/// or since it ended.
struct Run {
    kind: std::mem::Discriminant<Kind>,
    paragraph: bool,
    ended: bool,
    since: usize,
}

impl Run {
    /// The run that the line at a step's start opens.
    fn of(line: &Scanned) -> Self {
        Run {
            kind: std::mem::discriminant(&line.kind),
            paragraph: matches!(line.kind, Kind::Text { .. }),
            ended: false,
            since: 0,
        }
    }

    /// Takes the next line into account.
    fn see(&mut self, line: &Scanned) {
        let same = std::mem::discriminant(&line.kind) == self.kind;
        match line.kind {
            Kind::Blank => self.ended |= self.paragraph,
            _ if same && !self.ended => self.since = 0,
            Kind::Text { .. } => self.since += 1,
            _ => {
                self.ended = true;
                self.since += 1;
            }
        }
    }

    fn is_past(&self) -> bool {
        self.since >= MARGIN
    }
}

/// Characters that end or open a line of code.
const CODE_ENDS: &[char] = &[';', '{', '}'];

/// A line of code: indented by four columns or more (`leading` is its
/// leading white space), and ending like a statement or a block
/// ("    1. let x = 1;"). Its numbers and dashes are not markers.
fn is_code(leading: &str, text: &str) -> bool {
    // Unindented lines, the common case, have no leading white space.
    !leading.is_empty()
        && bullet::indent(leading) >= 4
        && (text.ends_with(CODE_ENDS) || text.contains(" = ") || text.contains("()"))
}

/// The kind of a trimmed line that starts at absolute byte `start`.
fn classify(line: &str, start: usize, lexicon: &Lexicon, leading: &str) -> Kind {
    kind_of::<true>(line, start, lexicon, leading)
}

/// The kind of a trimmed line: the first rule that takes it, in order of
/// precedence, each asked only when its gate lets the line's [`Head`] in
/// (`GATED`; the tests ask every rule, to show that the gates never turn
/// a line away from the rule that takes it).
fn kind_of<const GATED: bool>(line: &str, start: usize, lexicon: &Lexicon, leading: &str) -> Kind {
    if line.is_empty() {
        return Kind::Blank;
    }
    // Grammars read past invisible characters; offsets they return are
    // shifted back so that spans still cover them.
    let text = visible(line);
    let skipped = line.len() - text.len();
    let start = start + skipped;
    // A line of invisible characters only is text all the same: its
    // characters lie in a block.
    let Some(head) = Head::of(text, lexicon) else {
        return Kind::Text { tail: None };
    };
    let open = |gate: fn(&Head) -> bool| !GATED || gate(&head);
    if open(boilerplate::opens)
        && let Some(category) = boilerplate::whole(&head)
    {
        return Kind::Furniture(category);
    }
    if open(listing::opens)
        && let Some(entry) = listing::entry(text, lexicon)
    {
        let title = (start + entry.title.0, start + entry.title.1);
        return Kind::Listing(Entry { title, ..entry });
    }
    if open(series_link::opens)
        && let Some(opening) = series_link::opening(text, lexicon)
    {
        return Kind::SeriesLink(opening.locate(text));
    }
    if open(episode::opens)
        && let Some(header) = episode::header(text, lexicon)
    {
        return Kind::Episode(header.locate(text));
    }
    if is_code(leading, text) {
        return Kind::Text { tail: None };
    }
    if open(thesis::opens)
        && let Some(marker) = thesis::marker(text, lexicon)
    {
        return Kind::Marker(Marker {
            len: marker.len + skipped,
            text: marker.text + skipped,
            ..marker
        });
    }
    if open(bullet::opens)
        && let Some(bullet) = bullet::bullet(text)
    {
        return Kind::Bullet {
            bullet: Bullet {
                len: bullet.len + skipped,
                text: bullet.text + skipped,
            },
            indent: bullet::indent(leading),
        };
    }
    // Prose or a title, which may end with a marker ("… Continua a
    // leggere →").
    Kind::Text {
        tail: boilerplate::tail(text, lexicon).map(|c| Closing {
            at: start + c.at,
            ..c
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The gates keep the grammars' answer: a line gets the kind that
    /// the rules asked in turn, with no gate, give it.
    fn gate_agrees(line: &str, lexicon: &Lexicon) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            return;
        }
        let leading = &line[..line.len() - line.trim_start().len()];
        assert_eq!(
            kind_of::<true>(trimmed, 0, lexicon, leading),
            kind_of::<false>(trimmed, 0, lexicon, leading),
            "{line:?}"
        );
    }

    /// Lines that open with each word of the lexicon, in the shapes dumps
    /// give it: cased, capitalised, with a number or a date after it.
    fn lines_opening_with(phrase: &str) -> Vec<String> {
        let mut title = phrase.to_string();
        if let Some(c) = phrase.chars().next() {
            title = c.to_uppercase().chain(phrase.chars().skip(1)).collect();
        }
        let mut lines = Vec::new();
        for opening in [
            phrase.to_string(),
            title.clone(),
            phrase.to_uppercase(),
            phrase.replace(' ', "\u{a0}"),
            phrase.replace(' ', "  "),
            phrase.replace('\'', "\u{2019}"),
        ] {
            for rest in [
                "",
                " x",
                " 4: titolo",
                " (3)",
                " 12 marzo 2015",
                ": testo",
                " →",
            ] {
                for marker in ["", "1. ", "(2) ", "3) ", "12 ", "– ", "•", "→ "] {
                    lines.push(format!("{marker}{opening}{rest}"));
                }
            }
        }
        lines
    }

    #[test]
    fn gate_agrees_on_every_lexicon_word() {
        for lexicon in [Lexicon::default(), Lexicon::italian(), Lexicon::english()] {
            for phrase in lexicon.all_phrases() {
                for line in lines_opening_with(&phrase) {
                    gate_agrees(&line, &lexicon);
                }
            }
        }
    }

    #[test]
    fn gate_agrees_on_words_added_later() {
        let mut lexicon = Lexicon::default();
        lexicon
            .add_boilerplate(Category::AdLabel, crate::Pattern::Line, "pubblicità mia")
            .add_word(crate::Words::ThesisMarker, "principio")
            .add_month("brumaio", 2)
            .add_number_word("zwei", 2)
            .add_series_link("nel capitolo prima", crate::model::Direction::Previous)
            .add_boilerplate(Category::Navigation, crate::Pattern::Line, "1. vai oltre")
            .add_boilerplate(Category::Navigation, crate::Pattern::Line, "• vai oltre");
        for phrase in [
            "pubblicità mia",
            "principio",
            "brumaio",
            "zwei",
            "nel capitolo prima",
            "1. vai oltre",
            "• vai oltre",
        ] {
            for line in lines_opening_with(phrase) {
                gate_agrees(&line, &lexicon);
            }
        }
    }

    #[test]
    fn gate_agrees_on_every_fixture_line() {
        let lexicon = Lexicon::default();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            for line in text.lines() {
                seen += 1;
                gate_agrees(line, &lexicon);
            }
        }
        assert!(seen > 500, "{seen}");
    }

    #[test]
    fn structural_openings_pass_the_gates() {
        let lexicon = Lexicon::default();
        for line in [
            "IV. Le conversazioni",
            "XL) Le conversazioni",
            "I. Le conversazioni",
            "o\tprimo punto",
            "o 12 marzo 2015 – Un titolo",
            "o12 marzo 2015 – Un titolo",
            "omarzo 12, 2015 – Un titolo",
            "S01E04 Il ritorno",
            "Un titolo qualunque (12 marzo 2015)",
            "Un titolo qualunque 2015",
            "1. Una tesi",
            "– Un punto",
            "a) Una tesi",
            "(b) Una tesi",
            "a)b",
            // A number, then what the gates look at past it.
            "12th March 2015",
            "1° marzo 2015",
            "3commenti",
            "3 Comments",
            "1. 3 commenti",
            "2015-03-12 – Un titolo",
            "12/03/2015",
            "12 marzo 2015 – Un titolo",
            "1 2 3 … 9 →",
            "1 Next 2",
            "10.30 Una riunione",
            "2. Marzo è il mese",
        ] {
            gate_agrees(line, &lexicon);
        }
        // Code keeps its numbers and dashes: no marker, no bullet.
        for line in ["    1. let x = 1;", "    – y = f(x);", "    salva(dati);"] {
            gate_agrees(line, &lexicon);
            let text = line.trim();
            assert_eq!(
                classify(text, 0, &lexicon, "    "),
                Kind::Text { tail: None }
            );
        }
        assert_eq!(
            classify("Fiducia e reputazione vanno insieme.", 0, &lexicon, ""),
            Kind::Text { tail: None }
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

        /// Arbitrary lines that open with letters, numbers or bullets, words
        /// of the lexicon among them.
        #[test]
        fn gate_agrees_on_generated_lines(
            head in prop_oneof![
                "[A-Za-z]{1,3}",
                "[IVXLivxl]{1,4}[.):]? ?[A-Za-z]{0,3}",
                "o[ \t\u{a0}0-9a-z]{0,3}",
                "[ÀÈÉàèé×÷«“][ a-z0-9.]{0,3}",
                "[0-9]{1,3}[.)]? ?[A-Za-z]{0,3}",
                "\\(?[a-z]\\) ?[A-Za-z0-9]{0,3}",
                "\\([0-9]{1,2}\\) ?[A-Za-z]{0,3}",
                "[–•✔→«] ?[A-Za-z0-9]{0,3}",
            ],
            rest in "[a-zA-Zàèé0-9 .,:;()\\[\\]–•|/\u{a0}-]{0,40}",
        ) {
            static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
            let lexicon = LEXICON.get_or_init(Lexicon::default);
            gate_agrees(&format!("{head}{rest}"), lexicon);
        }
    }
}
