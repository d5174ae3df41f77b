//! The records tesi produces: a [`Document`] of [`Post`]s made of [`Block`]s.
//!
//! The model knows nothing of parsing. Every record that stands for a piece
//! of the input carries a [`Span`] into the original bytes; text fields are
//! normalised (NFC, white space folded to single spaces, trimmed) and borrow
//! from the input whenever normalisation left them unchanged.
//!
//! The serde representation is the JSON contract of the `extract` example:
//! every record is an object with a `kind` field naming it.

mod owned;
#[cfg(feature = "schema")]
mod schema;
mod values;

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

pub use values::{Date, Span, Time};

/// A parsed dump: page furniture before the first post, then the posts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(transform = schema::document))]
#[serde(tag = "kind", rename = "document")]
#[non_exhaustive]
pub struct Document<'a> {
    /// Boilerplate before the first post: skip links, site headers,
    /// "Tag: x" archive headers.
    #[serde(borrow)]
    pub front: Vec<Boilerplate<'a>>,
    /// The posts, in input order. A tag-archive page holds several.
    #[serde(borrow)]
    pub posts: Vec<Post<'a>>,
}

/// One blog post: an optional title, an optional date and its blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(transform = schema::post))]
#[serde(tag = "kind", rename = "post")]
#[non_exhaustive]
pub struct Post<'a> {
    /// The title, when the post opens with a line that reads as one.
    #[serde(borrow)]
    pub title: Option<Title<'a>>,
    /// The publication date, when the dump gives one (archive listings,
    /// date lines).
    pub date: Option<Date>,
    /// The content, in input order; boilerplate after the content (share
    /// bars, comment forms, "Leave a Comment") is part of it.
    #[serde(borrow)]
    pub blocks: Vec<Block<'a>>,
    /// From the first to the last byte of the post.
    pub span: Span,
}

/// A post's title. A title printed twice in a row is one title whose span
/// covers both copies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(transform = schema::title))]
#[serde(tag = "kind", rename = "title")]
#[non_exhaustive]
pub struct Title<'a> {
    /// The title text, normalised.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// When the title names an episode of a series ("Guida a Rust: parte 2,
    /// il primo modulo", "Episodio 4: ..."), that episode.
    // Boxed: most titles name none, and a post is then 112 bytes, not 248.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub episode: Option<Box<Episode<'a>>>,
    /// The line (or both printed lines) of the title.
    pub span: Span,
}

/// A block of a post's content.
///
/// Serialised as the record it holds (which carries its own `kind`);
/// deserialised by dispatching on that `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
#[non_exhaustive]
pub enum Block<'a> {
    /// A short line that introduces what follows.
    Heading(#[serde(borrow)] Heading<'a>),
    /// Prose.
    Paragraph(#[serde(borrow)] Paragraph<'a>),
    /// A list of numbered theses.
    ThesisList(#[serde(borrow)] Box<ThesisList<'a>>),
    /// A list of bulleted recommendations.
    RecommendationList(#[serde(borrow)] Box<RecommendationList<'a>>),
    /// An episode header inside a post.
    Episode(#[serde(borrow)] Box<Episode<'a>>),
    /// A link to the previous or next episode of a series.
    SeriesLink(#[serde(borrow)] Box<SeriesLink<'a>>),
    /// Page furniture.
    Boilerplate(#[serde(borrow)] Boilerplate<'a>),
}

/// The records a block can hold, told apart by `kind` when deserialising.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum TaggedBlock<'a> {
    Heading(#[serde(borrow)] Heading<'a>),
    Paragraph(#[serde(borrow)] Paragraph<'a>),
    ThesisList(#[serde(borrow)] ThesisList<'a>),
    RecommendationList(#[serde(borrow)] RecommendationList<'a>),
    Episode(#[serde(borrow)] Episode<'a>),
    SeriesLink(#[serde(borrow)] SeriesLink<'a>),
    Boilerplate(#[serde(borrow)] Boilerplate<'a>),
}

impl<'de: 'a, 'a> Deserialize<'de> for Block<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match TaggedBlock::deserialize(d)? {
            TaggedBlock::Heading(b) => Block::Heading(b),
            TaggedBlock::Paragraph(b) => Block::Paragraph(b),
            TaggedBlock::ThesisList(b) => Block::ThesisList(Box::new(b)),
            TaggedBlock::RecommendationList(b) => Block::RecommendationList(Box::new(b)),
            TaggedBlock::Episode(b) => Block::Episode(Box::new(b)),
            TaggedBlock::SeriesLink(b) => Block::SeriesLink(Box::new(b)),
            TaggedBlock::Boilerplate(b) => Block::Boilerplate(b),
        })
    }
}

impl<'a> Block<'a> {
    /// The span of the block.
    pub fn span(&self) -> Span {
        match self {
            Block::Heading(b) => b.span,
            Block::Paragraph(b) => b.span,
            Block::ThesisList(b) => b.span,
            Block::RecommendationList(b) => b.span,
            Block::Episode(b) => b.span,
            Block::SeriesLink(b) => b.span,
            Block::Boilerplate(b) => b.span,
        }
    }

    /// The `kind` name the block has in JSON and in outlines.
    pub fn kind(&self) -> &'static str {
        match self {
            Block::Heading(_) => "heading",
            Block::Paragraph(_) => "paragraph",
            Block::ThesisList(_) => "thesis_list",
            Block::RecommendationList(_) => "recommendation_list",
            Block::Episode(_) => "episode",
            Block::SeriesLink(_) => "series_link",
            Block::Boilerplate(_) => "boilerplate",
        }
    }
}

/// A short line that introduces what follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(transform = schema::heading))]
#[serde(tag = "kind", rename = "heading")]
#[non_exhaustive]
pub struct Heading<'a> {
    /// The heading text, normalised.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// The heading line.
    pub span: Span,
}

/// Prose: one or more lines; wrapped continuation lines join their
/// paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(transform = schema::paragraph))]
#[serde(tag = "kind", rename = "paragraph")]
#[non_exhaustive]
pub struct Paragraph<'a> {
    /// The text, normalised (line breaks folded to spaces).
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// From the first to the last character of the paragraph.
    pub span: Span,
}

/// A list of numbered theses, as manifestos have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(transform = schema::thesis_list))]
#[serde(tag = "kind", rename = "thesis_list")]
#[non_exhaustive]
pub struct ThesisList<'a> {
    /// The heading or lead-in that introduces the list ("Le tesi [non
    /// tutte]"), when there is one; its line lies inside the list's span.
    #[serde(borrow)]
    pub heading: Option<Cow<'a, str>>,
    /// The theses in input order.
    #[serde(borrow)]
    pub items: Vec<Thesis<'a>>,
    /// Whether the heading or lead-in says the list is a selection.
    pub declared_partial: bool,
    /// Numbers absent between the first and the last thesis, ascending.
    pub missing: Vec<u32>,
    /// From the heading (or first thesis) to the end of the last thesis.
    pub span: Span,
}

/// One numbered thesis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(transform = schema::thesis))]
#[serde(tag = "kind", rename = "thesis")]
#[non_exhaustive]
pub struct Thesis<'a> {
    /// The number the author gave it.
    pub number: u32,
    /// The marker as written ("12.", "(3)", "Tesi 4:", "IV)").
    #[serde(borrow)]
    pub marker: Cow<'a, str>,
    /// The thesis text without its marker, normalised.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// Editorial insertions in square brackets (`[solo]` gives `solo`),
    /// also left in `text`.
    #[serde(borrow)]
    pub notes: Vec<Cow<'a, str>>,
    /// Prose between this thesis and the next that elaborates on it, when
    /// the numbering goes on after it.
    #[serde(borrow, default)]
    pub comment: Option<Cow<'a, str>>,
    /// From the marker to the end of the thesis text (or its comment).
    pub span: Span,
}

/// A list of bulleted recommendations with its lead-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(transform = schema::recommendation_list))]
#[serde(tag = "kind", rename = "recommendation_list")]
#[non_exhaustive]
pub struct RecommendationList<'a> {
    /// The line or sentence ending with `:` that introduces the list.
    #[serde(borrow)]
    pub lead_in: Option<Cow<'a, str>>,
    /// The items, flat, each with its nesting `level`.
    #[serde(borrow)]
    pub items: Vec<Recommendation<'a>>,
    /// Whether the list was recovered from prose whose line breaks were lost.
    pub run_in: bool,
    /// From the lead-in (or first item) to the end of the last item.
    pub span: Span,
}

/// One item of a recommendation list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(transform = schema::recommendation))]
#[serde(tag = "kind", rename = "recommendation")]
#[non_exhaustive]
pub struct Recommendation<'a> {
    /// The bullet as written ("–", "•", "✅"); empty for run-in items.
    #[serde(borrow)]
    pub marker: Cow<'a, str>,
    /// Nesting depth, 0 for the top level.
    pub level: u32,
    /// The item text without its bullet, normalised.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// When the item names an episode of a series ("Puntata 2: il
    /// viaggio", "Diario (3) – la tempesta"), as archive lists do, that
    /// episode.
    // Boxed: most items name none, and an item is then 88 bytes, not 224.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub episode: Option<Box<Episode<'a>>>,
    /// From the bullet to the end of the item.
    pub span: Span,
}

/// An episode of a series: a header inside a post, a title, or the slot a
/// series link announces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(transform = schema::episode))]
#[serde(tag = "kind", rename = "episode")]
#[non_exhaustive]
pub struct Episode<'a> {
    /// The episode number as the text gives it; never inferred.
    pub number: Option<u32>,
    /// The total the text announces ("Parte 2 di 5" gives 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<u32>,
    /// The episode title as written after the number or time.
    #[serde(borrow)]
    pub title: Option<Cow<'a, str>>,
    /// The scheduled time of a slot ("@02:00 p.m." gives 14:00).
    pub time: Option<Time>,
    /// Hashtags in the header or slot, without `#`.
    #[serde(borrow)]
    pub hashtags: Vec<Cow<'a, str>>,
    /// The bracketed tag of the series ("[7-eleven]" gives "7-eleven").
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub series_tag: Option<Cow<'a, str>>,
    /// The series title, when the header names it.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub series_title: Option<Cow<'a, str>>,
    /// The header or slot line.
    pub span: Span,
}

/// Which way a series link points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// "Nella puntata precedente", "Previously on".
    Previous,
    /// "Nella prossima puntata", "Next time on".
    Next,
}

/// A link to another episode of a series, with its recap or preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(transform = schema::series_link))]
#[serde(tag = "kind", rename = "series_link")]
#[non_exhaustive]
pub struct SeriesLink<'a> {
    /// Previous or next episode.
    pub direction: Direction,
    /// The bracketed series tag, without brackets.
    #[serde(borrow)]
    pub series_tag: Option<Cow<'a, str>>,
    /// The series title, without its enclosing quotes.
    #[serde(borrow)]
    pub series_title: Option<Cow<'a, str>>,
    /// The recap or preview between the opening line and the slot.
    #[serde(borrow)]
    pub summary: Option<Cow<'a, str>>,
    /// The announced slot ("@02:00 p.m. ..."); it lives only here.
    #[serde(borrow)]
    pub episode: Option<Episode<'a>>,
    /// Opening, summary and slot.
    pub span: Span,
}

/// Page furniture that is not the author's prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(transform = schema::boilerplate))]
#[serde(tag = "kind", rename = "boilerplate")]
#[non_exhaustive]
pub struct Boilerplate<'a> {
    /// What kind of furniture.
    pub category: Category,
    /// The text, normalised (lines folded to spaces).
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// The whole run: a comment form spans from its opening formula to its
    /// last line.
    pub span: Span,
}

/// The closed set of boilerplate categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Category {
    /// Share buttons: "Tweet about this on Twitter", "Condividi:", "Like this:".
    ShareBar,
    /// A comment form, from its opening formula ("Rispondi", "Leave a
    /// Reply") to its last line, labels included.
    CommentForm,
    /// A link to the comments: "Leave a Comment", "3 commenti".
    CommentLink,
    /// "Skip to content", "Vai al contenuto".
    SkipLink,
    /// "Tag: x", "Categoria: x", "Category: x".
    ArchiveHeader,
    /// "Scritto con WordPress per Android", "Sent from my iPhone".
    Signature,
    /// "Annunci", "Advertisements".
    AdLabel,
    /// "[…] continua su X", "Read more", "Continua a leggere".
    Continuation,
    /// Post and page navigation: "← Post precedente", "Older posts",
    /// pagination lines.
    Navigation,
    /// Post metadata lines: "Pubblicato il 3 marzo 2015", a lone date,
    /// "Posted in X".
    PostMeta,
    /// Related-posts headers: "Correlati", "Related".
    Related,
    /// Site furniture around the posts: footer credits ("Blog su
    /// WordPress.com.", "Proudly powered by WordPress"), taglines ("Just
    /// another WordPress.com site"), cookie notices, menus and search
    /// boxes, sidebar widget titles ("Articoli recenti", "Recent
    /// Comments").
    Footer,
    /// Text of the page around the body that no phrase of the lexicon
    /// names, judged furniture by the layout stage from its shape and
    /// place: menus printed one link a line, teasers of other articles,
    /// widgets, readers' comments.
    Page,
}

impl Category {
    /// Every category, in declaration order.
    pub const ALL: [Category; 13] = [
        Category::ShareBar,
        Category::CommentForm,
        Category::CommentLink,
        Category::SkipLink,
        Category::ArchiveHeader,
        Category::Signature,
        Category::AdLabel,
        Category::Continuation,
        Category::Navigation,
        Category::PostMeta,
        Category::Related,
        Category::Footer,
        Category::Page,
    ];

    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::ShareBar => "share_bar",
            Category::CommentForm => "comment_form",
            Category::CommentLink => "comment_link",
            Category::SkipLink => "skip_link",
            Category::ArchiveHeader => "archive_header",
            Category::Signature => "signature",
            Category::AdLabel => "ad_label",
            Category::Continuation => "continuation",
            Category::Navigation => "navigation",
            Category::PostMeta => "post_meta",
            Category::Related => "related",
            Category::Footer => "footer",
            Category::Page => "page",
        }
    }

    /// Whether furniture of this category closes the post it follows, so
    /// that the next content opens a new post (on tag-archive pages).
    #[deprecated(
        since = "0.2.0",
        note = "a rule of the assembly, not a property of the record: no replacement"
    )]
    pub const fn ends_post(self) -> bool {
        crate::assemble::ends_post(self)
    }

    /// Whether furniture of this category may head a list that belongs to
    /// it.
    #[deprecated(
        since = "0.2.0",
        note = "a rule of the assembly, not a property of the record: no replacement"
    )]
    pub const fn heads_list(self) -> bool {
        crate::assemble::heads_list(self)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// The records a dump has many of stay small: each is written once per
// item, and read again when the document is dropped. (Sizes on 64-bit
// targets; smaller elsewhere.)
const _: () = {
    use std::mem::size_of;
    assert!(size_of::<Block<'static>>() <= 56);
    assert!(size_of::<Post<'static>>() <= 112);
    assert!(size_of::<Thesis<'static>>() <= 128);
    assert!(size_of::<Recommendation<'static>>() <= 88);
};

impl<'a> Document<'a> {
    /// Every block of every post, in input order.
    pub fn blocks(&self) -> impl Iterator<Item = &Block<'a>> {
        self.posts.iter().flat_map(|p| p.blocks.iter())
    }

    /// Every thesis list, in input order.
    pub fn thesis_lists(&self) -> impl Iterator<Item = &ThesisList<'a>> {
        self.blocks().filter_map(|b| match b {
            Block::ThesisList(l) => Some(&**l),
            _ => None,
        })
    }

    /// Every thesis, in input order, across lists and posts: the items of
    /// [`Document::thesis_lists`].
    pub fn thesis_items(&self) -> impl Iterator<Item = &Thesis<'a>> {
        self.thesis_lists().flat_map(|l| l.items.iter())
    }

    /// Every recommendation list, in input order.
    pub fn recommendation_lists(&self) -> impl Iterator<Item = &RecommendationList<'a>> {
        self.blocks().filter_map(|b| match b {
            Block::RecommendationList(l) => Some(&**l),
            _ => None,
        })
    }

    /// Every recommendation, in input order, across lists and posts: the
    /// items of [`Document::recommendation_lists`].
    pub fn recommendation_items(&self) -> impl Iterator<Item = &Recommendation<'a>> {
        self.recommendation_lists().flat_map(|l| l.items.iter())
    }

    /// Every thesis, in input order.
    #[deprecated(
        since = "0.2.0",
        note = "renamed `thesis_items()`, like `recommendation_items()`"
    )]
    pub fn theses(&self) -> impl Iterator<Item = &Thesis<'a>> {
        self.thesis_items()
    }

    /// Every recommendation list, in input order.
    #[deprecated(
        since = "0.2.0",
        note = "it yields lists: renamed `recommendation_lists()`, like `thesis_lists()`; the recommendations are `recommendation_items()`"
    )]
    pub fn recommendations(&self) -> impl Iterator<Item = &RecommendationList<'a>> {
        self.recommendation_lists()
    }

    /// Every episode, in input order: those named by titles, episode
    /// headers and list items, and the slots series links announce. (An
    /// episode has no list record of its own, so there is no
    /// `episode_lists()`.)
    pub fn episodes(&self) -> impl Iterator<Item = &Episode<'a>> {
        self.posts.iter().flat_map(|p| {
            let title = p.title.as_ref().and_then(|t| t.episode.as_deref());
            title.into_iter().chain(p.blocks.iter().flat_map(|b| {
                let (own, items): (Option<&Episode<'a>>, &[Recommendation<'a>]) = match b {
                    Block::Episode(e) => (Some(&**e), &[]),
                    Block::SeriesLink(l) => (l.episode.as_ref(), &[]),
                    Block::RecommendationList(l) => (None, &l.items),
                    _ => (None, &[]),
                };
                own.into_iter()
                    .chain(items.iter().filter_map(|r| r.episode.as_deref()))
            }))
        })
    }

    /// Every series link, in input order.
    pub fn series_links(&self) -> impl Iterator<Item = &SeriesLink<'a>> {
        self.blocks().filter_map(|b| match b {
            Block::SeriesLink(l) => Some(&**l),
            _ => None,
        })
    }

    /// Every boilerplate record, in input order, `front` first.
    pub fn boilerplate(&self) -> impl Iterator<Item = &Boilerplate<'a>> {
        self.front
            .iter()
            .chain(self.blocks().filter_map(|b| match b {
                Block::Boilerplate(b) => Some(b),
                _ => None,
            }))
    }
}
