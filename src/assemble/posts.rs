//! From blocks to posts: titles, post boundaries and the blocks each
//! post holds.

use std::borrow::Cow;

use crate::grammar::date::find_date;
use crate::grammar::episode::numbered_post_title;
use crate::layout::Verdicts;
use crate::lexicon::Lexicon;
use crate::lexicon::Shapes;
use crate::model::{
    Block, Boilerplate, Category, Date, Document, Heading, Paragraph, Post, Span, ThesisList, Title,
};
use crate::normalize::normalize;
use crate::source::{line_after, line_before};

use super::byline::{byline_fields, into_meta, is_byline_line};
use super::data::{into_paragraphs, is_data_list};
use super::intro::{recommendation_list, thesis_list};
use super::menus::is_link_list;
use super::shape::{is_bare_title, is_email, is_glued_menu, is_heading, is_title};
use super::{Item, exact};

/// A post being built, and what it holds so far.
pub(super) struct Building<'a> {
    pub(super) post: Post<'a>,
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
    /// The last numbered line that stood alone with no evidence of a
    /// thesis list, kept as a paragraph at this index of the blocks: the
    /// next lone line numbered after it makes both theses (numbered
    /// sections parted by a "Torna su" link).
    pub(super) lone: Option<(usize, Box<ThesisList<'a>>)>,
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
            lone: None,
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
        if super::ends_post(category) {
            self.ended |= self.has_body;
            self.ended_after_title |= self.has_content && !self.has_body;
        }
    }
}

/// Items into posts.
pub(super) fn posts<'a>(
    source: &'a str,
    items: &mut impl Iterator<Item = Item<'a>>,
    lexicon: &Lexicon,
    layout: &Verdicts,
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
    // The category of the item before, when it was furniture.
    let mut after_furniture = None;
    while let Some(item) = items.next() {
        // Furniture that heads a list ("Condividi:", "Correlati") owns the
        // list under it: share buttons, related posts.
        let item = match (
            item,
            after_furniture.filter(|&c: &Category| super::heads_list(c)),
        ) {
            (Item::Recommendations(list), Some(category)) => Item::Furniture(category, list.span),
            (item, _) => item,
        };
        after_furniture = match item {
            Item::Furniture(category, _) => Some(category),
            _ => None,
        };
        match item {
            Item::Furniture(category, span) => posts.furniture(category, span, &mut items),
            Item::Listing { date, title, span } => posts.listing(date, title, span),
            Item::Theses { list, worded } => {
                let b = current_post(&mut posts.building, list.span);
                let block = thesis_list(source, b, list, worded, lexicon);
                posts.furniture_under_titles |= b.push_body(block);
            }
            // A list of links with no lead-in is a menu or a sidebar's
            // list. After the end of a post no lead-in can come before it:
            // it is looked at before it may open a post.
            Item::Recommendations(list)
                if posts.building.last().is_none_or(|b| b.ended)
                    && is_link_list(&list, lexicon.shape_limits()) =>
            {
                posts.furniture(Category::Navigation, list.span, &mut items);
            }
            // Addresses and dates are the author's data, not points.
            Item::Recommendations(list)
                if list.lead_in.is_none() && is_data_list(&list.items, lexicon) =>
            {
                let b = current_post(&mut posts.building, list.span);
                for paragraph in into_paragraphs(list.items) {
                    posts.furniture_under_titles |= b.push_body(Block::Paragraph(paragraph));
                }
            }
            Item::Recommendations(list) => {
                let b = current_post(&mut posts.building, list.span);
                match recommendation_list(source, b, list) {
                    Block::RecommendationList(list)
                        if is_link_list(&list, lexicon.shape_limits()) =>
                    {
                        posts.furniture(Category::Navigation, list.span, &mut items);
                    }
                    block => posts.furniture_under_titles |= b.push_body(block),
                }
            }
            Item::Block(block) => posts.block(block),
            Item::Text { span, single, text } => posts.text_item(span, single, text, &mut items),
        }
    }
    posts.doc.posts = posts.building.into_posts();
    super::page::page_head(&mut posts.doc, source, lexicon);
    super::page::kicker_head(&mut posts.doc, source, lexicon);
    super::page::dated_head(&mut posts.doc, source, lexicon);
    super::page::unclosed_tail(&mut posts.doc);
    super::page::crumb_tail(&mut posts.doc);
    super::foot::page_foot(&mut posts.doc, source, lexicon.shape_limits());
    super::foot::comment_tail(&mut posts.doc, source, lexicon.shape_limits());
    super::body::page_furniture(&mut posts.doc, source, layout, lexicon.shape_limits());
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
            && super::ends_post(category)
            && let Some(b) = self.building.last_mut()
            && let Some(title) = b.take_trailing_title()
        {
            b.ended = true;
            let mut next = Building::new(title);
            next.post.title = Some(title_record(self.source, title, title, None, self.lexicon));
            next.has_content = true;
            self.building.push(next);
        }
        // The short lines above a date line at the head of a post are the
        // rest of its byline.
        if category == Category::PostMeta
            && let Some(b) = self.building.last_mut()
        {
            let fields = byline_fields(
                &b.post.blocks,
                self.source,
                b.post.title.is_some(),
                self.lexicon.shape_limits(),
            );
            let start = b.post.blocks.len() - fields;
            into_meta(&mut b.post.blocks[start..]);
            b.has_body &= b
                .post
                .blocks
                .iter()
                .any(|b| !matches!(b, Block::Boilerplate(_)));
        }
        match self.building.last_mut() {
            None => {
                self.doc.front.push(record);
                // The date line that opens an archive dates its first post.
                if opens_next {
                    self.pending_date = date;
                }
            }
            Some(b) => {
                b.push(Block::Boilerplate(record));
                b.close_after(category);
                // A date line right under a title is that post's byline:
                // the title-like line after it is a subtitle, unless a
                // date line follows it in turn (see `text_item`).
                if opens_next && b.has_body {
                    b.ended = true;
                    self.pending_date = date;
                } else if !b.has_body && b.post.title.is_some() {
                    b.post.date = b.post.date.or(date);
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
        // Around a post's body (before it, or after its end), an e-mail
        // address alone on its line is the site's contact, and menu
        // entries a scraper glued together are the site's menu.
        let around_body = single && self.building.last().is_none_or(|b| !b.has_body || b.ended);
        if around_body && is_email(&own) {
            return self.furniture(Category::Footer, span, items);
        }
        if around_body && is_glued_menu(&own) {
            return self.furniture(Category::Navigation, span, items);
        }
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
            Some(&Item::Furniture(Category::PostMeta, meta))
                if !amid_short_lines(self.source, span, meta, self.lexicon.shape_limits()) =>
            {
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

/// Whether the title at `title` and the date line at `meta` under it sit
/// inside a run of short lines, a short line right above the one and
/// right below the other with no blank line between ("analisi
/// grammaticale", "PAVAROTTI", "11 settembre 2001", "Iraq"): words of a
/// list, not a post's head.
fn amid_short_lines(source: &str, title: Span, meta: Span, shapes: &Shapes) -> bool {
    let short = |line: &str| {
        let line = line.trim();
        !line.is_empty() && is_byline_line(line, shapes)
    };
    let above = line_before(source, title.start);
    let below = line_after(source, meta.end);
    above.is_some_and(short) && below.is_some_and(short)
}

/// A title from the line at `line` (the first copy, when printed twice)
/// covering `span`, whose text is `text` when the caller has normalised
/// it already; a title that numbers an episode of a series carries that
/// episode.
pub(super) fn title_record<'a>(
    source: &'a str,
    line: Span,
    span: Span,
    text: Option<Cow<'a, str>>,
    lexicon: &Lexicon,
) -> Title<'a> {
    let raw = &source[line.start..line.end];
    let episode = numbered_post_title(raw, lexicon)
        .map(|h| Box::new(super::episodes::episode_of(&h, raw, span)));
    Title {
        text: text.unwrap_or_else(|| normalize(raw)),
        episode,
        span,
    }
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
