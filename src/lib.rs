//! tesi turns plain-text dumps of blog posts into typed records: posts,
//! titles, paragraphs, numbered theses, bulleted recommendations, episode
//! headers and series links, and classified boilerplate, each with an exact
//! byte span into the source.
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
//! assert_eq!(&dump[title.span.start..title.span.end].lines().count(), &3);
//! assert_eq!(post.blocks.len(), 2);
//! ```
//!
//! # Phases
//!
//! 1. **source** (`source.rs`): bytes to `&str` (typed error on invalid
//!    UTF-8), BOM, lines split at LF, CRLF or lone CR.
//! 2. **scan** (`scan.rs`, `grammar/`): each line classified alone, by nom
//!    rules that dispatch on its first characters.
//! 3. **assemble** (`assemble.rs`): one left-to-right pass with bounded
//!    look-ahead builds blocks, then posts.
//! 4. **model** (`model.rs`): the records, with serde derives; the JSON
//!    shape is the contract of the `extract` example.
//!
//! Words are data: see [`Lexicon`]. Text fields are normalised by
//! [`normalize`]; spans always index the original bytes.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod assemble;
mod error;
mod grammar;
mod lexicon;
mod model;
mod normalize;
mod outline;
mod parser;
mod scan;
pub mod series;
mod source;

pub use error::{Error, ErrorKind};
pub use lexicon::{Lexicon, Pattern, Words};
pub use model::{
    Block, Boilerplate, Category, Date, Direction, Document, Episode, Heading, Paragraph, Post,
    Recommendation, RecommendationList, SeriesLink, Span, Thesis, ThesisList, Time, Title,
};
pub use normalize::normalize;
pub use parser::{Options, Parser};
pub use source::{Repaired, repair_utf8};

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
