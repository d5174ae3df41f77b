//! Flat tables of a document's records, for analysts: one [`Row`] per
//! thesis, recommendation, episode or post, with the document, the post
//! and the list it belongs to, so a table of theses opens in pandas,
//! DuckDB or a spreadsheet without walking the tree.
//!
//! ```
//! use tesi::{Table, parse};
//!
//! let doc = parse("Il manifesto\n\nLe tesi\n1. I mercati sono conversazioni.\n2. I mercati sono persone.\n");
//! let rows: Vec<_> = doc.rows(Table::Theses, "cluetrain.txt").collect();
//! assert_eq!(rows.len(), 2);
//! assert_eq!(rows[1].number, Some(2));
//! assert_eq!(rows[1].text, Some("I mercati sono persone."));
//! assert_eq!(rows[1].heading, Some("Le tesi"));
//! assert_eq!(rows[0].document, "cluetrain.txt");
//! assert_eq!(rows[0].post_title, Some("Il manifesto"));
//! ```
//!
//! [`Row`] derives `Serialize` with flat fields only, so the same rows
//! write as JSON Lines (`serde_json`) or as CSV (the `csv` crate), as the
//! `corpus` example does with `--only theses --format csv`.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::model::{Block, Date, Document, Episode, Post, Span};

/// Which records a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Table {
    /// One row per numbered thesis.
    Theses,
    /// One row per bulleted recommendation.
    Recommendations,
    /// One row per episode: of a title, a header, a list item or the slot
    /// of a series link.
    Episodes,
    /// One row per post.
    Posts,
}

impl Table {
    /// Every table, in declaration order.
    pub const ALL: [Table; 4] = [
        Table::Theses,
        Table::Recommendations,
        Table::Episodes,
        Table::Posts,
    ];

    /// The table's name: "theses", "recommendations", "episodes",
    /// "posts".
    pub const fn as_str(self) -> &'static str {
        match self {
            Table::Theses => "theses",
            Table::Recommendations => "recommendations",
            Table::Episodes => "episodes",
            Table::Posts => "posts",
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name given to [`Table::from_str`] is none of the tables.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no table named {0:?}: theses, recommendations, episodes or posts")]
pub struct UnknownTable(pub String);

impl FromStr for Table {
    type Err = UnknownTable;

    /// Parses a table's name, as [`Table::as_str`] writes it.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Table::ALL
            .into_iter()
            .find(|t| t.as_str() == name)
            .ok_or_else(|| UnknownTable(name.to_owned()))
    }
}

/// One record of a document, flattened: where it lies (document, post,
/// list) and what it says. Fields a record does not have are `None`
/// (empty in CSV).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Row<'a> {
    /// The document's id, as the caller gave it (a file name, a corpus
    /// id).
    pub document: &'a str,
    /// The post's index in the document, from 0.
    pub post: usize,
    /// The post's title, when it has one.
    pub post_title: Option<&'a str>,
    /// The list's index among the post's lists of its kind, from 0
    /// (theses and recommendations).
    pub list: Option<usize>,
    /// The thesis list's heading, the recommendation list's lead-in, or
    /// the episode's series title.
    pub heading: Option<&'a str>,
    /// The thesis or episode number.
    pub number: Option<u32>,
    /// The marker as written ("12.", "•").
    pub marker: Option<&'a str>,
    /// The nesting level of a recommendation, 0 for the top level.
    pub level: Option<u32>,
    /// The text: of the thesis or recommendation, the episode's title, the
    /// post's title.
    pub text: Option<&'a str>,
    /// The post's date (posts), as `YYYY-MM-DD`.
    pub date: Option<Date>,
    /// The record's span: first byte.
    pub start: usize,
    /// The record's span: the byte after the last.
    pub end: usize,
    /// The record's span: the line of its first byte, from 1.
    pub line: usize,
}

impl Row<'_> {
    /// The names of the fields, in the order they serialise: the header of
    /// a CSV table.
    pub const FIELDS: [&'static str; 13] = [
        "document",
        "post",
        "post_title",
        "list",
        "heading",
        "number",
        "marker",
        "level",
        "text",
        "date",
        "start",
        "end",
        "line",
    ];
}

impl<'a> Document<'a> {
    /// The rows of `table`, in input order, each naming the document by
    /// `id` (see the [module documentation](crate::rows)).
    pub fn rows<'d>(&'d self, table: Table, id: &'d str) -> std::vec::IntoIter<Row<'d>> {
        let mut rows = Vec::new();
        for (index, post) in self.posts.iter().enumerate() {
            let at = Place {
                document: id,
                post: index,
                post_title: post.title.as_ref().map(|t| &*t.text),
            };
            match table {
                Table::Theses => theses(post, at, &mut rows),
                Table::Recommendations => recommendations(post, at, &mut rows),
                Table::Episodes => episodes(post, at, &mut rows),
                Table::Posts => rows.push(Row {
                    text: at.post_title,
                    date: post.date,
                    ..at.row(post.span)
                }),
            }
        }
        rows.into_iter()
    }
}

/// Where a row's record lies.
#[derive(Clone, Copy)]
struct Place<'d> {
    document: &'d str,
    post: usize,
    post_title: Option<&'d str>,
}

impl<'d> Place<'d> {
    /// A row at this place, for a record spanning `span`, with nothing
    /// else filled in.
    fn row(self, span: Span) -> Row<'d> {
        Row {
            document: self.document,
            post: self.post,
            post_title: self.post_title,
            list: None,
            heading: None,
            number: None,
            marker: None,
            level: None,
            text: None,
            date: None,
            start: span.start,
            end: span.end,
            line: span.line,
        }
    }
}

fn theses<'d>(post: &'d Post<'_>, at: Place<'d>, rows: &mut Vec<Row<'d>>) {
    let lists = post.blocks.iter().filter_map(|b| match b {
        Block::ThesisList(l) => Some(l),
        _ => None,
    });
    for (list, l) in lists.enumerate() {
        rows.extend(l.items.iter().map(|t| Row {
            list: Some(list),
            heading: l.heading.as_deref(),
            number: Some(t.number),
            marker: Some(&t.marker),
            text: Some(&t.text),
            ..at.row(t.span)
        }));
    }
}

fn recommendations<'d>(post: &'d Post<'_>, at: Place<'d>, rows: &mut Vec<Row<'d>>) {
    let lists = post.blocks.iter().filter_map(|b| match b {
        Block::RecommendationList(l) => Some(l),
        _ => None,
    });
    for (list, l) in lists.enumerate() {
        rows.extend(l.items.iter().map(|r| Row {
            list: Some(list),
            heading: l.lead_in.as_deref(),
            marker: Some(&r.marker),
            level: Some(r.level),
            text: Some(&r.text),
            ..at.row(r.span)
        }));
    }
}

fn episodes<'d>(post: &'d Post<'_>, at: Place<'d>, rows: &mut Vec<Row<'d>>) {
    let row = |e: &'d Episode<'_>| Row {
        heading: e.series_title.as_deref(),
        number: e.number,
        text: e.title.as_deref(),
        ..at.row(e.span)
    };
    rows.extend(
        post.title
            .as_ref()
            .and_then(|t| t.episode.as_deref())
            .map(row),
    );
    for block in &post.blocks {
        match block {
            Block::Episode(e) => rows.push(row(e)),
            Block::SeriesLink(l) => rows.extend(l.episode.as_ref().map(row)),
            Block::RecommendationList(l) => {
                rows.extend(l.items.iter().filter_map(|r| r.episode.as_deref()).map(row));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_tables_parse_by_name() {
        for table in Table::ALL {
            assert_eq!(table.as_str().parse::<Table>(), Ok(table));
        }
        assert!("tesi".parse::<Table>().is_err());
    }

    #[test]
    fn ok_rows_name_their_post_and_list() {
        let doc = crate::parse(
            "Primo post\n\nDa fare:\n  • Ascolta.\n    • Rispondi.\n\n\
             Leave a Comment\n\nSecondo post\n\nEpisodio 4: Il ritorno\n",
        );
        let recs: Vec<_> = doc.rows(Table::Recommendations, "d").collect();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].level, Some(1));
        assert_eq!(recs[1].heading, Some("Da fare:"));
        assert_eq!(recs[0].post_title, Some("Primo post"));
        let posts: Vec<_> = doc.rows(Table::Posts, "d").collect();
        assert_eq!(posts.len(), 2);
        let episodes: Vec<_> = doc.rows(Table::Episodes, "d").collect();
        assert_eq!(episodes.len(), 1);
        assert_eq!((episodes[0].post, episodes[0].number), (1, Some(4)));
        assert_eq!(episodes[0].text, Some("Il ritorno"));
    }
}
