//! The page around the posts: the site's name, search box, menu and
//! tagline that a theme prints above the first post, and the sidebar's
//! widgets after them.
//!
//! The posts pass takes the first title-like line of a page for the first
//! post's title. On a page that opens with the site's name, that line is
//! the name, and what follows it is site furniture before the post's own
//! title. This pass looks at the first post once the posts are built:
//!
//! - a title, then site furniture (a search box, a menu) or nothing,
//!   then a heading with the post's byline under it (when nothing parts
//!   it from the name), before the body: the name and the furniture go
//!   to the page's `front`, and the heading becomes the post's title;
//! - a first "post" of headings, furniture and taglines only (short
//!   lines, no sentence), with no date and nothing that closes a post,
//!   before a post with a title: all of it goes to the `front`.
//!
//! So a post whose title is followed by its own text, or an archive's
//! first post, is left as it is.
//!
//! (A widget's title above its list of links after the posts, "Friends of
//! the blog" over a blogroll, was a rule of its own here; the layout
//! stage judges it the page's, `assemble/body.rs`.)

use crate::chars::at_most_words;
use crate::grammar::date::find_date;
use crate::lexicon::{Lexicon, Shapes};
use crate::model::{Block, Boilerplate, Category, Document, Heading, Paragraph, Post, Span, Title};
use crate::source::{has_blank_line, line_texts};

use super::byline::is_byline_line;
use super::posts::title_record;
use super::shape::{ends_clause, is_heading, is_title};

/// Moves the site's name and furniture that open `doc` to its `front`
/// (see the module documentation).
pub(super) fn page_head<'a>(doc: &mut Document<'a>, source: &'a str, lexicon: &Lexicon) {
    let Some(first) = doc.posts.first() else {
        return;
    };
    let next_titled = doc.posts.get(1).is_some_and(|p| p.title.is_some());
    if next_titled && is_page_head(first, source, lexicon.shape_limits()) {
        let post = doc.posts.remove(0);
        doc.front.extend(name_record(post.title));
        doc.front
            .extend(post.blocks.into_iter().filter_map(as_furniture));
        return;
    }
    if first.title.as_ref().is_none_or(|t| t.episode.is_some()) {
        return;
    }
    let head = site_furniture_after_title(first);
    let Some(Block::Heading(heading)) = first.blocks.get(head) else {
        return;
    };
    // The heading is the title when site furniture parts it from the
    // name, or when the post's byline follows it.
    let bylined = first.blocks.get(head + 1).is_some_and(is_post_meta);
    if (head == 0 && !bylined) || !has_body(&first.blocks[head + 1..]) {
        return;
    }
    let span = heading.span;
    let post = &mut doc.posts[0];
    // The heading leaves the blocks with the furniture before it, and
    // comes back as the title.
    let mut moved: Vec<Block<'a>> = post.blocks.drain(..=head).collect();
    moved.pop();
    let title = title_record(source, span, span, None, lexicon);
    doc.front.extend(name_record(post.title.replace(title)));
    doc.front.extend(moved.into_iter().filter_map(as_furniture));
    post.span = Span::new(span.start, post.span.end, span.line);
}

/// Mends a head that prints the post's byline above its headline: the
/// site's name (read as the title), its tagline or furniture, the byline
/// and date lines, then a headline longer than any section heading, then
/// the body. The headline becomes the title; the name, the tagline and
/// the byline go to the page's `front` (a post's blocks follow its
/// title), and the post keeps the byline's date.
// dated-head = name 1*(tagline / site-furniture) 1*post-meta headline body
pub(super) fn dated_head<'a>(doc: &mut Document<'a>, source: &'a str, lexicon: &Lexicon) {
    let Some(first) = doc.posts.first() else {
        return;
    };
    if first.title.as_ref().is_none_or(|t| t.episode.is_some()) {
        return;
    }
    let is_site = |b: &Block<'_>| match b {
        Block::Paragraph(p) => is_tagline(&p.text, lexicon.shape_limits()),
        Block::Boilerplate(b) => is_site_furniture(b.category),
        _ => false,
    };
    let site = first.blocks.iter().take_while(|b| is_site(b)).count();
    if site == 0 {
        return;
    }
    let meta = first.blocks[site..]
        .iter()
        .take_while(|b| is_post_meta(b))
        .count();
    let head = site + meta;
    if meta == 0 || !first.blocks.get(head + 1..).is_some_and(has_body) {
        return;
    }
    let headline = match first.blocks.get(head) {
        Some(
            Block::Heading(Heading { text, span }) | Block::Paragraph(Paragraph { text, span }),
        ) if is_headline(text)
            && !at_most_words(text, lexicon.shape_limits().max_section_heading_words) =>
        {
            *span
        }
        _ => return,
    };
    let post = &mut doc.posts[0];
    // The blocks above the headline go to the front (a post's blocks
    // follow its title); the post keeps the date its byline gave.
    let mut above: Vec<Block<'a>> = post.blocks.drain(..=head).collect();
    above.pop();
    post.date = post.date.or_else(|| {
        above[site..].iter().find_map(|b| {
            let span = b.span();
            find_date(source.get(span.start..span.end)?, lexicon)
        })
    });
    let title = title_record(source, headline, headline, None, lexicon);
    doc.front.extend(name_record(post.title.replace(title)));
    doc.front.extend(above.into_iter().filter_map(as_furniture));
    post.span = Span::new(headline.start, post.span.end, headline.line);
}

/// Mends a news theme's head: the section's label ("Incidenti e
/// Violazioni"), the headline, the author's name and the date, one a
/// line. The posts pass reads the label as a title over a one-line post,
/// and the name over the date as the title of the next: here the headline
/// becomes the title of the post that has the date, the name its byline,
/// and the label goes to the page's `front`, as post metadata.
// kicker-head = label LF headline LF name LF date-line   ; no blank line between
pub(super) fn kicker_head<'a>(doc: &mut Document<'a>, source: &'a str, lexicon: &Lexicon) {
    let [first, second, ..] = doc.posts.as_slice() else {
        return;
    };
    let (
        Some(label),
        None,
        [Block::Heading(Heading { text, span }) | Block::Paragraph(Paragraph { text, span })],
    ) = (&first.title, first.date, first.blocks.as_slice())
    else {
        return;
    };
    let Some(name) = &second.title else {
        return;
    };
    let dated = second.date.is_some() && second.blocks.first().is_some_and(is_post_meta);
    let dense = source
        .get(label.span.start..name.span.end)
        .is_some_and(|head| !has_blank_line(head));
    if !(dated
        && dense
        && is_heading(&label.text)
        && is_headline(text)
        && is_name(&name.text, lexicon.shape_limits()))
    {
        return;
    }
    let headline = *span;
    let first = doc.posts.remove(0);
    let post = &mut doc.posts[0];
    let name = post
        .title
        .replace(title_record(source, headline, headline, None, lexicon));
    if let Some(name) = name {
        post.blocks.insert(0, Block::Boilerplate(meta(name)));
    }
    post.span = Span::new(headline.start, post.span.end, headline.line);
    doc.front.extend(first.title.map(meta));
}

/// A title that was a line of the byline or a section's label, as the
/// post metadata it is.
fn meta(title: Title<'_>) -> Boilerplate<'_> {
    title_as(title, Category::PostMeta)
}

/// Whether `block` is post metadata: a date line, a byline.
fn is_post_meta(block: &Block<'_>) -> bool {
    matches!(block, Block::Boilerplate(b) if b.category == Category::PostMeta)
}

/// Whether `text` reads as a headline: a title that does not end like a
/// sentence.
fn is_headline(text: &str) -> bool {
    is_title(text) && !ends_clause(text)
}

/// Whether `text` reads as a person's name: a few words, each opening
/// with a capital letter, no digits ("Dario Fadda", "Anna De Luca").
fn is_name(text: &str, shapes: &Shapes) -> bool {
    is_byline_line(text, shapes)
        && text.split_whitespace().count() >= 2
        && text.split_whitespace().all(|word| {
            word.chars().next().is_some_and(char::is_uppercase)
                && !word.contains(|c: char| c.is_ascii_digit())
        })
}

/// Whether `post`, the first of a page, is the page's head rather than a
/// post: no date, no episode in its title, nothing but headings,
/// furniture and taglines (see [`is_tagline`]), and no furniture that
/// closes posts (an archive's first post, however short, ends like one).
fn is_page_head(post: &Post<'_>, source: &str, shapes: &Shapes) -> bool {
    post.date.is_none()
        && post.title.as_ref().is_none_or(|t| t.episode.is_none())
        && post.blocks.iter().all(|b| match b {
            Block::Heading(_) => true,
            Block::Boilerplate(b) => !super::ends_post(b.category),
            Block::Paragraph(p) => is_tagline(&source[p.span.start..p.span.end], shapes),
            _ => false,
        })
}

/// Whether `text` reads as a site's name or tagline: short lines, none
/// closing a sentence.
fn is_tagline(text: &str, shapes: &Shapes) -> bool {
    // Cheap first: the last line ends no sentence, and a tagline takes a
    // few lines at most, so a longer text is turned down before its lines
    // are looked for.
    !ends_clause(text.trim_end())
        && at_most_words(text, shapes.max_tagline_lines * shapes.max_tagline_words)
        && line_texts(text).all(|line| {
            let line = line.trim();
            at_most_words(line, shapes.max_tagline_words) && !ends_clause(line)
        })
}

/// How many blocks of site furniture (a search box, a menu, a skip link)
/// open the blocks of `post`, under its title.
fn site_furniture_after_title(post: &Post<'_>) -> usize {
    post.blocks
        .iter()
        .take_while(|b| {
            matches!(b, Block::Boilerplate(Boilerplate { category, .. }) if is_site_furniture(*category))
        })
        .count()
}

/// Furniture that a theme prints around every page rather than around a
/// post.
fn is_site_furniture(category: Category) -> bool {
    matches!(
        category,
        Category::Footer | Category::Navigation | Category::SkipLink
    )
}

/// Whether `blocks` hold text the author wrote: a paragraph, a list, a
/// thesis list.
fn has_body(blocks: &[Block<'_>]) -> bool {
    blocks
        .iter()
        .any(|b| !matches!(b, Block::Heading(_) | Block::Boilerplate(_)))
}

/// The site's name, taken for a title, as the furniture it is.
fn name_record(title: Option<Title<'_>>) -> Option<Boilerplate<'_>> {
    title.map(|t| title_as(t, Category::Footer))
}

/// A line taken for a title, as furniture of `category`.
fn title_as(title: Title<'_>, category: Category) -> Boilerplate<'_> {
    Boilerplate {
        category,
        text: title.text,
        span: title.span,
    }
}

/// A block of the page's head as furniture: boilerplate as it is, a
/// heading or a tagline as site furniture. The head holds nothing else
/// (see [`is_page_head`]).
fn as_furniture(block: Block<'_>) -> Option<Boilerplate<'_>> {
    match block {
        Block::Boilerplate(b) => Some(b),
        Block::Heading(Heading { text, span }) | Block::Paragraph(Paragraph { text, span }) => {
            Some(Boilerplate {
                category: Category::Footer,
                text,
                span,
            })
        }
        _ => None,
    }
}

/// Folds the "posts" at the end of the page that hold furniture but are
/// not closed the way the first post is into the post before them: the
/// comments, the comment form and the author's box under a single post
/// open like posts (a heading, then text) but never end like one. On an
/// archive page every post ends alike ("Leave a comment", a share bar),
/// so its posts stay as they are; so does the last post of a dump cut
/// before its furniture (it holds none but, at most, its date line).
pub(super) fn unclosed_tail(doc: &mut Document<'_>) {
    let Some(closing) = doc.posts.first().and_then(closing) else {
        return;
    };
    while let [.., before, last] = doc.posts.as_mut_slice() {
        // A date line is part of a post, not a sign of the page's tail.
        let mut furniture = last
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Boilerplate(b) if b.category != Category::PostMeta => Some(b.category),
                _ => None,
            })
            .peekable();
        let has_furniture = furniture.peek().is_some();
        let closed = furniture.any(|category| category == closing);
        if closed || !has_furniture {
            return;
        }
        before.span = before.span.cover(last.span);
        if let Some(title) = last.title.take() {
            before.blocks.push(Block::Heading(Heading {
                text: title.text,
                span: title.span,
            }));
        }
        before.blocks.append(&mut last.blocks);
        doc.posts.pop();
    }
}

/// Folds a last "post" that is a crumb into the post before it: no title,
/// no date, one line with fewer than two letters or digits (the "Δ" an
/// anti-spam field leaves under a comment form). After furniture it is
/// that furniture's; otherwise it stays a paragraph.
pub(super) fn crumb_tail(doc: &mut Document<'_>) {
    let [.., before, last] = doc.posts.as_mut_slice() else {
        return;
    };
    let crumb = last.title.is_none()
        && last.date.is_none()
        && matches!(last.blocks.as_slice(), [Block::Paragraph(p)] if p.text.chars().filter(|&c| crate::chars::is_alnum(c)).nth(1).is_none());
    if !crumb {
        return;
    }
    let Some(Block::Paragraph(Paragraph { text, span })) = last.blocks.pop() else {
        return;
    };
    before.span = before.span.cover(last.span);
    let block = match before.blocks.last() {
        Some(Block::Boilerplate(b)) => Block::Boilerplate(Boilerplate {
            category: b.category,
            text,
            span,
        }),
        _ => Block::Paragraph(Paragraph { text, span }),
    };
    before.blocks.push(block);
    doc.posts.pop();
}

/// The category of the furniture that closes `post`: its last
/// boilerplate of a category that ends posts ("Leave a comment" after a
/// "continua su" marker).
fn closing(post: &Post<'_>) -> Option<Category> {
    post.blocks.iter().rev().find_map(|b| match b {
        Block::Boilerplate(Boilerplate { category, .. }) if super::ends_post(*category) => {
            Some(*category)
        }
        _ => None,
    })
}
