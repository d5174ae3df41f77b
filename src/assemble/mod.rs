//! Assembly: one left-to-right pass over the scanned lines that groups
//! them into blocks, then one pass over the blocks that groups them into
//! posts.
//!
//! Every block gets the span of the lines it consumed, so each non-space
//! character of the input lies in some block by construction. Look-ahead is
//! bounded by the block being built: no line is read more than twice.

use std::borrow::Cow;

mod recommendations;
mod series;
mod theses;

use crate::chars::at_most_words;
use crate::grammar::date::find_date;
use crate::grammar::episode::numbered_title;
use crate::grammar::thesis::{declares_partial, names_theses};
use crate::lexicon::{Lexicon, Words};
use crate::model::{
    Block, Boilerplate, Category, Date, Document, Heading, Paragraph, Post, RecommendationList,
    Span, Thesis, ThesisList, Title,
};
use crate::normalize::{normalize, normalize_and_probe};
use crate::scan::{Kind, Scanned, Window};

/// Longest title, in characters.
const MAX_TITLE_CHARS: usize = 160;
/// Most words in a title.
const MAX_TITLE_WORDS: usize = 25;
/// Longest heading, in characters, and most words in one.
const MAX_HEADING_CHARS: usize = 90;
const MAX_HEADING_WORDS: usize = 12;
/// A line at least this long that ends mid-sentence was wrapped.
const WRAPPED_LINE_CHARS: usize = 50;
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

/// Builds the document from the lines of `window`, scanned as the
/// assembly reads them; gives back the window's buffer for the next text.
pub(crate) fn assemble<'a>(
    source: &'a str,
    window: Window<'a, '_>,
    lexicon: &Lexicon,
) -> (Document<'a>, Vec<Scanned>) {
    let mut items = Items {
        source,
        window,
        lexicon,
        i: 0,
        ready: Vec::new(),
        scratch: Scratch::default(),
    };
    let doc = posts(source, &mut items, lexicon);
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
                None => i = paragraph(source, lines, i, items),
            }
        }
        Kind::SeriesLink(opening) => {
            i = series::series_link(source, lines, i, opening, lexicon, items);
        }
        Kind::Episode(header) => {
            series::episode_header(source, line, header, items);
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
            let last = paragraph_end(source, lines, i);
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
        Kind::Listing(_) | Kind::Text { .. } => i = paragraph(source, lines, i, items),
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

/// Groups the prose lines from `i` into one paragraph (and the marker that
/// closes it, if any); returns the index after them.
fn paragraph<'a>(source: &'a str, lines: &[Scanned], i: usize, items: &mut Vec<Item<'a>>) -> usize {
    let last = paragraph_end(source, lines, i);
    close_paragraph(source, lines, (i, last), None, items);
    last + 1
}

/// The last line of the paragraph that starts at `i`.
fn paragraph_end(source: &str, lines: &[Scanned], i: usize) -> usize {
    let mut last = i;
    loop {
        if let Kind::Text { tail: Some(_) } = lines[last].kind {
            break;
        }
        let Some(next) = lines.get(last + 1) else {
            break;
        };
        let joins = matches!(next.kind, Kind::Text { .. } | Kind::Listing(_))
            && continues(lines[last].text(source), next.text(source));
        if !joins {
            break;
        }
        last += 1;
    }
    last
}

/// Pushes the paragraph of lines `first..=last` (and the marker that closes
/// it, if any); `text` is its text when it is normalised already.
fn close_paragraph<'a>(
    source: &'a str,
    lines: &[Scanned],
    (i, last): (usize, usize),
    text: Option<Cow<'a, str>>,
    items: &mut Vec<Item<'a>>,
) {
    let first = &lines[i];
    let end_line = &lines[last];
    match end_line.kind {
        Kind::Text {
            tail: Some((category, at)),
        } => {
            let prose_end = first.start + source[first.start..at].trim_end().len();
            items.push(Item::Text {
                span: Span::new(first.start, prose_end, first.line.number),
                single: last == i,
                text: None,
            });
            items.push(Item::Furniture(
                category,
                Span::new(at, end_line.end, end_line.line.number),
            ));
        }
        _ => items.push(Item::Text {
            span: span_of(first, end_line),
            single: last == i,
            text,
        }),
    }
}

/// Whether `next` continues the paragraph whose last line is `prev`: it
/// starts in lower case, or `prev` is a long line that stops mid-sentence.
fn continues(prev: &str, next: &str) -> bool {
    next.chars().next().is_some_and(char::is_lowercase) || is_wrapped(prev)
}

/// Whether `line` is long and stops mid-sentence, as a wrapped line does.
fn is_wrapped(line: &str) -> bool {
    !ends_sentence(line) && !at_most_chars(line, WRAPPED_LINE_CHARS - 1)
}

/// Whether `text` has at most `n` characters, without counting past what
/// the answer needs: a character takes one to four bytes.
fn at_most_chars(text: &str, n: usize) -> bool {
    text.len() <= n || (text.len() <= 4 * n && text.chars().count() <= n)
}

/// Whether `text` ends like a sentence (or a line that stands alone).
fn ends_sentence(text: &str) -> bool {
    closing_quotes_trimmed(text).ends_with(['.', '!', '?', '…', ':', ';'])
}

/// `text` without the closing quotes, brackets and emphasis that may
/// follow its last punctuation.
fn closing_quotes_trimmed(text: &str) -> &str {
    // Most texts end with a letter or a full stop.
    match text.as_bytes().last() {
        Some(b) if b.is_ascii_alphanumeric() || *b == b'.' => text,
        _ => text.trim_end_matches(['"', '”', '»', '’', '\'', ')', ']', '*', '_']),
    }
}

/// Whether a one-line text reads as a post title.
fn is_title(text: &str) -> bool {
    // The cheap tests first: most texts are paragraphs, too long.
    !text.chars().next().is_some_and(char::is_lowercase)
        && !text.ends_with([':', ',', ';'])
        && !has_sentence_break(text)
        && at_most_chars(text, MAX_TITLE_CHARS)
        && at_most_words(text, MAX_TITLE_WORDS)
}

/// A title that needs no other evidence to open a post next to a date
/// line: title-like, short as a heading, not ending like a sentence.
fn is_bare_title(text: &str) -> bool {
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
fn is_heading(text: &str) -> bool {
    !closing_quotes_trimmed(text).ends_with(['.', ',', ';', '…'])
        && at_most_chars(text, MAX_HEADING_CHARS)
        && !text.contains('|')
        && text.chars().any(crate::chars::is_alpha)
        && at_most_words(text, MAX_HEADING_WORDS)
}

/// A post being built.
struct Building<'a> {
    post: Post<'a>,
    /// The post has content (a title or a block that is not furniture).
    has_content: bool,
    /// The post has a block that is not furniture: more than a title.
    has_body: bool,
    /// Furniture that closes a post followed the content.
    ended: bool,
    /// Furniture that closes a post followed a title alone: either a
    /// title-only entry of an archive page, or a theme that prints "Leave a
    /// comment" under the title. The next line decides: a bare title opens
    /// a post, prose goes on with this one.
    ended_after_title: bool,
}

impl<'a> Building<'a> {
    fn new(span: Span) -> Self {
        Building {
            post: Post {
                title: None,
                date: None,
                // Blocks grow in the room the post before used (see
                // `Open::push`): nothing to allocate here.
                blocks: Vec::new(),
                span,
            },
            has_content: false,
            has_body: false,
            ended: false,
            ended_after_title: false,
        }
    }

    fn push(&mut self, block: Block<'a>) {
        self.post.span = self.post.span.cover(block.span());
        self.post.blocks.push(block);
    }

    /// Pushes content that is not furniture; returns whether it followed
    /// closing furniture after the title (a theme that prints "Leave a
    /// comment" under titles).
    fn push_body(&mut self, block: Block<'a>) -> bool {
        self.push(block);
        self.has_content = true;
        self.has_body = true;
        std::mem::take(&mut self.ended_after_title)
    }

    /// When the post ends with a bare title line after some body, takes
    /// that line out: on a page whose theme prints closing furniture
    /// under titles, it is the next post's title.
    fn take_trailing_title(&mut self) -> Option<Span> {
        let span = match self.post.blocks.as_slice() {
            [
                ..,
                before,
                Block::Heading(Heading { text, span }) | Block::Paragraph(Paragraph { text, span }),
            ] if !matches!(before, Block::Boilerplate(_)) && is_bare_title(text) => *span,
            _ => return None,
        };
        self.post.blocks.pop();
        let end = self.post.blocks.last().map_or(span.start, |b| b.span().end);
        self.post.span.end = end;
        Some(span)
    }

    /// Furniture of `category` follows: does it close the post?
    fn close_after(&mut self, category: Category) {
        if category.ends_post() {
            self.ended |= self.has_body;
            self.ended_after_title |= self.has_content && !self.has_body;
        }
    }
}

/// Items into posts.
fn posts<'a>(
    source: &'a str,
    items: &mut impl Iterator<Item = Item<'a>>,
    lexicon: &Lexicon,
) -> Document<'a> {
    let mut posts = Posts {
        source,
        lexicon,
        doc: Document::default(),
        building: Open {
            // Grown as posts close: reserving for the most posts the lines
            // could hold asked the allocator for megabytes on every parse
            // of a large dump, and glibc's malloc then consolidated the
            // small chunks the last document freed.
            done: Vec::new(),
            open: None,
            spare: Vec::new(),
        },
        pending_date: None,
        furniture_under_titles: false,
    };
    let mut items = items.peekable();
    while let Some(item) = items.next() {
        match item {
            Item::Furniture(category, span) => posts.furniture(category, span, &mut items),
            Item::Listing { date, title, span } => posts.listing(date, title, span),
            Item::Theses { list, worded } => {
                let b = current_post(&mut posts.building, list.span);
                let block = thesis_list(source, b, list, worded, lexicon);
                posts.furniture_under_titles |= b.push_body(block);
            }
            Item::Recommendations(list) => {
                let b = current_post(&mut posts.building, list.span);
                let block = recommendation_list(source, b, list);
                posts.furniture_under_titles |= b.push_body(block);
            }
            Item::Block(block) => posts.block(block),
            Item::Text { span, single, text } => posts.text_item(span, single, text, &mut items),
        }
    }
    posts.doc.posts = posts.building.into_posts();
    posts.doc
}

/// The posts so far: the finished ones and the one still open.
struct Open<'a> {
    done: Vec<Post<'a>>,
    open: Option<Building<'a>>,
    /// The room the blocks of the last closed post grew in, emptied, for
    /// the next post's blocks.
    spare: Vec<Block<'a>>,
}

impl<'a> Open<'a> {
    fn last(&self) -> Option<&Building<'a>> {
        self.open.as_ref()
    }

    fn last_mut(&mut self) -> Option<&mut Building<'a>> {
        self.open.as_mut()
    }

    /// Opens `b`, closing the post open before it. The new post's blocks
    /// grow in the room the closed post's blocks used; the closed post
    /// keeps a vector of exactly its blocks (a listing entry, none).
    fn push(&mut self, mut b: Building<'a>) {
        let mut blocks = std::mem::take(&mut self.spare);
        blocks.append(&mut b.post.blocks);
        b.post.blocks = blocks;
        if let Some(mut done) = self.open.replace(b) {
            self.spare = std::mem::take(&mut done.post.blocks);
            done.post.blocks = exact(&mut self.spare);
            self.done.push(done.post);
        }
    }

    fn into_posts(mut self) -> Vec<Post<'a>> {
        self.done.extend(self.open.map(|mut b| {
            b.post.blocks = exact(&mut b.post.blocks);
            b.post
        }));
        self.done
    }
}

/// The state of the pass that groups items into posts.
struct Posts<'a, 'l> {
    source: &'a str,
    lexicon: &'l Lexicon,
    doc: Document<'a>,
    /// The posts so far; the last one is open.
    building: Open<'a>,
    /// The date of a date line that closed a post, for the title after it.
    pending_date: Option<Date>,
    /// The page's theme prints closing furniture ("Leave a comment") under
    /// each title rather than after each post: learnt from the first post
    /// that shows it.
    furniture_under_titles: bool,
}

impl<'a> Posts<'a, '_> {
    fn text(&self, span: Span) -> Cow<'a, str> {
        normalize(&self.source[span.start..span.end])
    }

    /// The normalised text of `span`: `text` when the item has it.
    fn text_of<'t>(&self, span: Span, text: Option<&'t str>) -> Cow<'t, str>
    where
        'a: 't,
    {
        text.map_or_else(|| self.text(span), Cow::Borrowed)
    }

    /// A run of furniture; `items` holds the items after it.
    fn furniture(
        &mut self,
        category: Category,
        span: Span,
        items: &mut std::iter::Peekable<impl Iterator<Item = Item<'a>>>,
    ) {
        // A date line before a title opens a post on archive pages that
        // have no other separator ("12 marzo 2015\nTitolo").
        let date = (category == Category::PostMeta)
            .then(|| find_date(&self.source[span.start..span.end], self.lexicon))
            .flatten();
        // A date line followed by a bare title: the line stays with the
        // post it follows; the next post opens with the title and takes
        // the date. The next item is looked at only after a date line.
        let opens_next = date.is_some()
            && matches!(items.peek(), Some(Item::Text { span: next, single: true, text })
                if is_bare_title(&self.text_of(*next, text.as_deref())));
        let record = Boilerplate {
            category,
            text: self.text(span),
            span,
        };
        // Under a theme that prints furniture under titles, closing
        // furniture after a bare title line that follows body text belongs
        // to the next post.
        if self.furniture_under_titles
            && category.ends_post()
            && let Some(b) = self.building.last_mut()
            && let Some(title) = b.take_trailing_title()
        {
            b.ended = true;
            let mut next = Building::new(title);
            next.post.title = Some(title_record(self.source, title, title, None, self.lexicon));
            next.has_content = true;
            self.building.push(next);
        }
        match self.building.last_mut() {
            None => self.doc.front.push(record),
            Some(b) => {
                b.push(Block::Boilerplate(record));
                b.close_after(category);
                if opens_next && b.has_content {
                    b.ended = true;
                    self.pending_date = date;
                }
            }
        }
    }

    /// An archive listing entry: a post of its own, with no body.
    fn listing(&mut self, date: Date, title: Span, span: Span) {
        let mut b = Building::new(span);
        b.post.title = Some(title_record(self.source, title, span, None, self.lexicon));
        b.post.date = Some(date);
        b.has_content = true;
        b.ended = true;
        self.building.push(b);
    }

    /// A structure built by the first pass.
    fn block(&mut self, block: Block<'a>) {
        let source = self.source;
        let b = current_post(&mut self.building, block.span());
        match block {
            // An episode header that opens a post is its title.
            Block::Episode(episode) if !b.has_content && b.post.title.is_none() => {
                let span = episode.span;
                b.post.span = b.post.span.cover(span);
                b.post.title = Some(Title {
                    text: normalize(&source[span.start..span.end]),
                    episode: Some(episode),
                    span,
                });
                b.has_content = true;
            }
            block => self.furniture_under_titles |= b.push_body(block),
        }
    }

    /// Prose: a title (printed once or twice), a heading or a paragraph;
    /// takes the twin of a title printed twice from `items`.
    fn text_item(
        &mut self,
        span: Span,
        single: bool,
        text: Option<Cow<'a, str>>,
        items: &mut std::iter::Peekable<impl Iterator<Item = Item<'a>>>,
    ) {
        let own = text.unwrap_or_else(|| self.text(span));
        let title_like = single && is_title(&own);
        let heading = single && is_heading(&own);
        let bare_title = title_like && heading;
        // The next item is looked at only for a text that may be a title:
        // a peeked item is moved once more, and most texts are paragraphs.
        let twin = match title_like.then(|| items.peek()).flatten() {
            Some(Item::Text {
                span: next,
                single: true,
                text,
            }) if self.text_of(*next, text.as_deref()) == own => Some(*next),
            _ => None,
        };
        // A title followed by its date line opens a post too.
        let dated = match (twin.is_none() && bare_title)
            .then(|| items.peek())
            .flatten()
        {
            Some(&Item::Furniture(Category::PostMeta, meta)) => {
                find_date(&self.source[meta.start..meta.end], self.lexicon)
            }
            _ => None,
        };
        let opens = self.building.last().is_none_or(|b| {
            b.ended
                || (b.ended_after_title && bare_title)
                || ((twin.is_some() || dated.is_some()) && b.has_content)
        });
        if opens {
            self.building.push(Building::new(span));
        }
        let (source, lexicon) = (self.source, self.lexicon);
        let b = current_post(&mut self.building, span);
        // A title printed twice opens a post (see `opens`), so it is always
        // the first thing of its post.
        if let Some(next) = twin {
            items.next();
            let title = title_record(source, span, span.cover(next), Some(own), lexicon);
            b.post.span = b.post.span.cover(title.span);
            b.post.title = Some(title);
            b.has_content = true;
        } else if title_like && !b.has_content && b.post.title.is_none() {
            b.post.span = b.post.span.cover(span);
            b.post.title = Some(title_record(source, span, span, Some(own), lexicon));
            b.post.date = b.post.date.or(dated).or(self.pending_date.take());
            b.has_content = true;
        } else if heading && next_is_content(items.peek()) {
            self.furniture_under_titles |= b.push_body(Block::Heading(Heading { text: own, span }));
        } else {
            self.furniture_under_titles |=
                b.push_body(Block::Paragraph(Paragraph { text: own, span }));
        }
    }
}

/// A title from the line at `line` (the first copy, when printed twice)
/// covering `span`, whose text is `text` when the caller has normalised
/// it already; a title that numbers an episode of a series carries that
/// episode.
fn title_record<'a>(
    source: &'a str,
    line: Span,
    span: Span,
    text: Option<Cow<'a, str>>,
    lexicon: &Lexicon,
) -> Title<'a> {
    let raw = &source[line.start..line.end];
    let episode = numbered_title(raw, lexicon).map(|h| Box::new(series::episode_of(&h, raw, span)));
    Title {
        text: text.unwrap_or_else(|| normalize(raw)),
        episode,
        span,
    }
}

/// The heading or lead-in that introduces a list: the post's last block
/// when it is a heading, or the last sentence of its last paragraph when
/// that ends with a colon.
struct Intro<'a> {
    span: Span,
    text: Cow<'a, str>,
    /// Where the lead-in starts inside the paragraph; `None` for a heading.
    split: Option<usize>,
}

fn intro<'a>(source: &'a str, b: &Building<'a>) -> Option<Intro<'a>> {
    match b.post.blocks.last() {
        Some(Block::Heading(h)) => Some(Intro {
            span: h.span,
            text: h.text.clone(),
            split: None,
        }),
        Some(Block::Paragraph(p)) if p.text.ends_with(':') => {
            let raw = &source[p.span.start..p.span.end];
            let at = last_sentence(raw);
            let line = p.span.line + crate::position::line_of(&raw.as_bytes()[..at]).0 - 1;
            let span = Span::new(p.span.start + at, p.span.end, line);
            Some(Intro {
                span,
                text: normalize(&source[span.start..span.end]),
                split: Some(at),
            })
        }
        _ => None,
    }
}

/// Removes the intro from the post: the heading goes, the paragraph keeps
/// the sentences before its lead-in.
fn take_intro<'a>(source: &'a str, b: &mut Building<'a>, intro: &Intro<'a>) {
    match intro.split {
        Some(at) if at > 0 => {
            if let Some(Block::Paragraph(p)) = b.post.blocks.last_mut() {
                let kept = source[p.span.start..p.span.start + at].trim_end();
                p.span.end = p.span.start + kept.len();
                p.text = normalize(kept);
            }
        }
        _ => {
            b.post.blocks.pop();
        }
    }
}

/// Finishes a numbered list: takes the heading or lead-in before it, reads
/// a declared selection from it, and keeps a list of one item only on
/// evidence that it holds theses (a heading that names them, a worded
/// marker, or numbering that goes on from the post's last thesis list). Without that, the lone numbered line is a
/// paragraph.
fn thesis_list<'a>(
    source: &'a str,
    b: &mut Building<'a>,
    mut list: Box<ThesisList<'a>>,
    worded: bool,
    lexicon: &Lexicon,
) -> Block<'a> {
    let intro = intro(source, b);
    // A lone thesis that goes on with the numbering of the post's last
    // thesis list (a long commentary split them) is one of them.
    let continues_numbering = {
        let last = b.post.blocks.iter().rev().find_map(|block| match block {
            Block::ThesisList(l) => l.items.last().map(|t| t.number),
            _ => None,
        });
        let first = list.items.first().map(|t| t.number);
        matches!((last, first), (Some(last), Some(first)) if first > last && first - last <= theses::MAX_GAP)
    };
    let evidence = worded
        || continues_numbering
        || intro
            .as_ref()
            .is_some_and(|i| names_theses(&i.text, lexicon));
    if list.items.len() < 2 && !evidence {
        let span = list.span;
        return Block::Paragraph(Paragraph {
            text: normalize(&source[span.start..span.end]),
            span,
        });
    }
    if let Some(intro) = intro {
        take_intro(source, b, &intro);
        list.declared_partial = declares_partial(&intro.text, lexicon);
        list.span = Span::new(intro.span.start, list.span.end, intro.span.line);
        list.heading = Some(intro.text);
    }
    Block::ThesisList(list)
}

/// Finishes a bulleted list: a heading or paragraph ending with a colon
/// just before it is its lead-in.
fn recommendation_list<'a>(
    source: &'a str,
    b: &mut Building<'a>,
    mut list: Box<RecommendationList<'a>>,
) -> Block<'a> {
    if list.lead_in.is_none()
        && let Some(intro) = intro(source, b).filter(|i| i.text.ends_with(':'))
    {
        take_intro(source, b, &intro);
        list.span = Span::new(intro.span.start, list.span.end, intro.span.line);
        list.lead_in = Some(intro.text);
    }
    Block::RecommendationList(list)
}

/// Byte offset where the last sentence of `text` starts: after the last
/// ". ", "? ", "! " or "… " followed by a capital letter; 0 for one
/// sentence.
fn last_sentence(text: &str) -> usize {
    let bytes = text.trim_end();
    let mut start = 0;
    for (i, c) in bytes.char_indices() {
        if matches!(c, '.' | '?' | '!' | '…') {
            let rest = &bytes[i + c.len_utf8()..];
            let next = rest.trim_start();
            if next.len() < rest.len() && next.starts_with(char::is_uppercase) {
                start = bytes.len() - next.len();
            }
        }
    }
    start
}

/// The post that content at `span` goes to, opening one when there is none
/// or the last has ended.
fn current_post<'a, 'b>(building: &'b mut Open<'a>, span: Span) -> &'b mut Building<'a> {
    if building.last().is_none_or(|b| b.ended) {
        building.push(Building::new(span));
    }
    building.open.get_or_insert_with(|| Building::new(span))
}

/// Whether the next item is content a heading could introduce.
fn next_is_content(next: Option<&Item<'_>>) -> bool {
    matches!(
        next,
        Some(Item::Text { .. } | Item::Theses { .. } | Item::Recommendations(_) | Item::Block(_))
    )
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
        assemble(text, window, lexicon()).0
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
            let (doc, buffer) = assemble(&text, window, lexicon());
            assert_eq!(doc.thesis_lists().count(), 5_000);
            assert!(
                buffer.capacity() <= 2048,
                "chunk {chunk}: {}",
                buffer.capacity()
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

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
