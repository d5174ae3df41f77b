//! tesi turns plain-text dumps of blog posts into typed records: posts,
//! titles, headings, paragraphs, numbered theses, bulleted
//! recommendations, episode headers and series links, and classified
//! boilerplate, each with an exact byte span into the source, so that
//! nothing the author wrote is lost and every record can be traced.
//!
//! # What a dump looks like
//!
//! Scrapers hand over posts as plain text with the page still around them:
//! skip links and archive headers before the first post, titles printed
//! twice, share bars and comment forms after each post, tag-archive pages
//! holding several posts separated by "Leave a Comment". Some dumps keep
//! blank lines between paragraphs, some put every paragraph on one line
//! with none; some wrap lines; NBSP padding and CRLF are common.
//!
//! ```
//! let dump = "Skip to content →\n\
//!             \n\
//!             Il valore delle conversazioni\n\
//!             \n\
//!             Il valore delle conversazioni\n\
//!             \n\
//!             Le aziende devono ascoltare prima di parlare.\n\
//!             \n\
//!             Leave a Comment\n";
//! let doc = tesi::parse(dump);
//! assert_eq!(doc.front[0].category, tesi::Category::SkipLink);
//! let post = &doc.posts[0];
//! let title = post.title.as_ref().unwrap();
//! assert_eq!(title.text, "Il valore delle conversazioni");
//! // The title was printed twice: its span covers both copies.
//! assert_eq!(dump[title.span.start..title.span.end].lines().count(), 3);
//! assert_eq!(post.blocks.len(), 2);
//! ```
//!
//! # The model
//!
//! A [`Document`] holds `front` (boilerplate before the first post) and
//! [`Post`]s; a post has an optional [`Title`], an optional [`Date`] and
//! [`Block`]s: [`Heading`], [`Paragraph`], [`ThesisList`] of [`Thesis`],
//! [`RecommendationList`] of [`Recommendation`], [`Episode`], [`SeriesLink`]
//! and [`Boilerplate`]. Each piece of the input lies in exactly one block:
//! a list's heading or lead-in is inside the list, the slot a series link
//! announces lives only in the link. Every record has a [`Span`]: byte
//! offsets into the input as given (a BOM counts) and the line of its start.
//! Text fields are normalised ([`normalize`]: NFC, white space folded) and
//! borrow from the input when normalisation changed nothing;
//! [`Document::into_owned`] detaches a document from its input. Records
//! serialise (serde) to the JSON contract of the `extract` example and
//! deserialise back, borrowing where they can. Iterators such as
//! [`Document::theses`] spare walking the tree, and [`Document::outline`]
//! prints a stable tree for snapshot tests.
//!
//! # Theses
//!
//! Numbered theses in any marker style, with the list's heading, the
//! numbers it skips and whether it says it is a selection:
//!
//! ```
//! let doc = tesi::parse("Il manifesto\n\nLe tesi [non tutte]\n\n1. Il caos è ordine\n3) (non) ascoltare\n\n4. Reputation 5. Ascoltare\n");
//! let list = doc.thesis_lists().next().unwrap();
//! assert_eq!(list.heading.as_deref(), Some("Le tesi [non tutte]"));
//! assert!(list.declared_partial);
//! let numbers: Vec<u32> = list.items.iter().map(|t| t.number).collect();
//! assert_eq!(numbers, [1, 3, 4, 5]);
//! assert_eq!(list.missing, [2]);
//! ```
//!
//! # Recommendations
//!
//! Bulleted lists with their lead-in, nesting levels and inline lists:
//!
//! ```
//! let doc = tesi::parse("Le imprese dovrebbero:\n\n–\u{a0}\u{a0}ascoltare\n–\u{a0}\u{a0}rispondere\n  ◦ anche di sera\n");
//! let list = doc.recommendation_lists().next().unwrap();
//! assert_eq!(list.lead_in.as_deref(), Some("Le imprese dovrebbero:"));
//! let items: Vec<(&str, u32)> = list.items.iter().map(|r| (&*r.text, r.level)).collect();
//! assert_eq!(items, [("ascoltare", 0), ("rispondere", 0), ("anche di sera", 1)]);
//! ```
//!
//! # Episodes and series links
//!
//! ```
//! let doc = tesi::parse("[7-eleven] Nella puntata precedente di “La rete”:\nIl recap.\n@02:00 p.m. #larete il seguito\n\nEpisodio 4: la pausa\n");
//! let link = doc.series_links().next().unwrap();
//! assert_eq!(link.series_tag.as_deref(), Some("7-eleven"));
//! assert_eq!(link.series_title.as_deref(), Some("La rete"));
//! let slot = link.episode.as_ref().unwrap();
//! assert_eq!((slot.time.unwrap().to_string(), slot.number), ("14:00".to_owned(), None));
//! assert_eq!(slot.hashtags, ["larete"]);
//! let numbers: Vec<Option<u32>> = doc.episodes().map(|e| e.number).collect();
//! assert_eq!(numbers, [None, Some(4)]);
//! ```
//!
//! [`series::Catalog`] assembles the episodes of many documents into series.
//!
//! # Boilerplate
//!
//! Page furniture is kept, classified in a closed set of [`Category`], so
//! that coverage stays complete and analysts can drop it:
//!
//! ```
//! use tesi::Category;
//! let doc = tesi::parse("Un post\n\nTesto.\n\nCondividi:\n\nTwitter\n\nFacebook\n\nLascia un commento\n");
//! let kinds: Vec<Category> = doc.boilerplate().map(|b| b.category).collect();
//! assert_eq!(kinds, [Category::ShareBar, Category::CommentLink]);
//! ```
//!
//! # Another language or platform
//!
//! The words tesi looks for are data in a [`Lexicon`] (Italian and English
//! built in); add phrases and words for another language or blog platform
//! without touching the grammar:
//!
//! ```
//! use tesi::{Category, Lexicon, Options, Parser, Pattern, Words};
//! let mut lexicon = Lexicon::default();
//! lexicon
//!     .add_boilerplate(Category::CommentLink, Pattern::Line, "Deja un comentario")
//!     .add_word(Words::ThesisMarker, "tesis");
//! let parser = Parser::new(Options::default().lexicon(lexicon));
//! let doc = parser.parse("Tesis 1: escuchar\nTesis 2: responder\n\nDeja un comentario\n");
//! assert_eq!(doc.thesis_items().count(), 2);
//! assert_eq!(doc.boilerplate().count(), 1);
//! ```
//!
//! # Phases
//!
//! 1. **source** (`source.rs`): bytes to `&str` (typed [`Error`] on
//!    invalid UTF-8, its line and column from `position.rs`), BOM, lines
//!    split at LF, CRLF or lone CR (found with `memchr`).
//! 2. **scan** (`scan.rs`, `grammar/`): each line classified alone, by
//!    nom rules, one file per structure. The scan finds a line's head
//!    once (its first character and the lexicon lists whose phrases open
//!    it, one hash lookup of its first word) and asks each
//!    rule in order of precedence, when that rule's own gate
//!    (`grammar/*.rs`, `opens`) lets the head in. Lines are scanned a
//!    chunk ahead of the assembly, through a window that drops the lines
//!    it has passed.
//! 3. **assemble** (`assemble/`): one left-to-right pass with bounded
//!    look-ahead builds blocks, one per structure file, then posts.
//! 4. **model** (`model/`): the records, with serde derives; spans, times
//!    and dates in `values.rs`, owned copies in `owned.rs`.
//!
//! Parsing is linear in the input, also on adversarial input: per-line
//! rules cannot backtrack across lines, and look-ahead is bounded.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod assemble;
mod chars;
mod error;
mod grammar;
pub mod layout;
mod lexicon;
mod model;
mod normalize;
mod outline;
mod parser;
mod position;
pub mod rows;
mod scan;
pub mod series;
mod source;
#[cfg(test)]
mod testing;
mod vector;

pub use error::{Error, ErrorKind};
pub use lexicon::{Lexicon, Pattern, Shapes, Words};
pub use model::{
    Block, Boilerplate, Category, Date, Direction, Document, Episode, Heading, Paragraph, Post,
    Recommendation, RecommendationList, SeriesLink, Span, Thesis, ThesisList, Time, Title,
};
pub use normalize::normalize;
pub use parser::{Options, Parser};
pub use rows::{Row, Table, UnknownTable};
pub use source::{Repaired, repair_utf8};

/// The JSON Schema (draft 2020-12) of the JSON contract: what
/// `serde_json::to_value(&document)` and the `extract` example produce.
/// Needs the `schema` feature. The same schema is published as
/// `schema/tesi.schema.json` for consumers in other languages.
#[cfg(feature = "schema")]
pub fn json_schema() -> schemars::Schema {
    schemars::schema_for!(Document<'static>)
}

/// Parses a dump with the default options (Italian and English words).
///
/// Infallible: any `&str` parses.
pub fn parse(input: &str) -> Document<'_> {
    Parser::default().parse(input)
}

/// Parses a dump given as bytes with the default options.
///
/// # Errors
///
/// [`ErrorKind::InvalidUtf8`] when the input is not UTF-8, naming the byte
/// offset, line and column of the first invalid sequence.
pub fn parse_bytes(input: &[u8]) -> Result<Document<'_>, Error> {
    Parser::default().parse_bytes(input)
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
