//! Series across a corpus: the episodes of many documents grouped by
//! series, in order, with the numbers that are missing.
//!
//! ```
//! use tesi::series::Catalog;
//!
//! let mut catalog = Catalog::new();
//! for (name, text) in [
//!     ("a.txt", "[bottega] Episodio 1: il profilo\n\nTesto.\n"),
//!     ("b.txt", "[bottega] Episodio 3: la diretta\n\nTesto.\n"),
//! ] {
//!     catalog.add(name, &tesi::parse(text));
//! }
//! let series = &catalog.series()[0];
//! assert_eq!(series.tag.as_deref(), Some("bottega"));
//! assert_eq!(series.missing(), [2]);
//! ```

use std::collections::HashMap;
use std::fmt;

use crate::model::{Block, Document, Episode, Post, Span};

/// One episode of a series, as found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry {
    /// The episode number, when the text gives one.
    pub number: Option<u32>,
    /// The episode title.
    pub title: Option<String>,
    /// The name of the document it was found in, as given to
    /// [`Catalog::add`].
    pub document: String,
    /// Where in that document.
    pub span: Span,
}

/// The episodes of one series.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Series {
    /// The bracketed tag of the series ("7-eleven"), when known.
    pub tag: Option<String>,
    /// The series title, when known.
    pub title: Option<String>,
    /// The episodes, ordered by number (unnumbered last), then document.
    pub episodes: Vec<Entry>,
}

impl Series {
    /// The numbers from 1 to the highest episode number that no episode
    /// has.
    pub fn missing(&self) -> Vec<u32> {
        let mut have: Vec<u32> = self.episodes.iter().filter_map(|e| e.number).collect();
        have.sort_unstable();
        have.dedup();
        let Some(&last) = have.last() else {
            return Vec::new();
        };
        (1..last)
            .filter(|n| have.binary_search(n).is_err())
            .collect()
    }

    /// The series' name for display: tag and title, as known.
    pub fn name(&self) -> String {
        match (&self.tag, &self.title) {
            (Some(tag), Some(title)) => format!("[{tag}] {title}"),
            (Some(tag), None) => format!("[{tag}]"),
            (None, Some(title)) => title.clone(),
            (None, None) => String::from("(unnamed)"),
        }
    }
}

/// Series assembled from any number of documents.
///
/// An episode belongs to the series its own header or title names, or else
/// to the one its post names (in a series link or another episode). A post
/// that names both a tag and a title joins them into one series.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    series: Vec<Series>,
    /// Lowercased "tag:x" and "title:x" keys to indices into `series`.
    keys: HashMap<String, usize>,
}

impl Catalog {
    /// An empty catalog.
    pub fn new() -> Self {
        Catalog::default()
    }

    /// Adds the numbered episodes of `doc`, found in the document named
    /// `document`.
    pub fn add(&mut self, document: &str, doc: &Document<'_>) {
        for post in &doc.posts {
            self.add_post(document, post);
        }
    }

    fn add_post(&mut self, document: &str, post: &Post<'_>) {
        let mut episodes: Vec<&Episode<'_>> = Vec::new();
        let mut tag = None;
        let mut title = None;
        if let Some(e) = post.title.as_ref().and_then(|t| t.episode.as_deref()) {
            episodes.push(e);
        }
        for block in &post.blocks {
            match block {
                Block::Episode(e) => episodes.push(e),
                Block::RecommendationList(l) => {
                    episodes.extend(l.items.iter().filter_map(|r| r.episode.as_deref()));
                }
                Block::SeriesLink(l) => {
                    tag = tag.or(l.series_tag.as_deref());
                    title = title.or(l.series_title.as_deref());
                }
                _ => {}
            }
        }
        for e in &episodes {
            tag = tag.or(e.series_tag.as_deref());
            title = title.or(e.series_title.as_deref());
        }
        for e in episodes {
            let own_tag = e.series_tag.as_deref().or(tag);
            let own_title = e.series_title.as_deref().or(title);
            let Some(index) = self.series_for(own_tag, own_title) else {
                continue;
            };
            self.series[index].episodes.push(Entry {
                number: e.number,
                title: e.title.as_deref().map(str::to_owned),
                document: document.to_owned(),
                span: e.span,
            });
        }
    }

    /// The index of the series named by `tag` and `title`, created or
    /// merged as needed.
    fn series_for(&mut self, tag: Option<&str>, title: Option<&str>) -> Option<usize> {
        let tag_key = tag.map(|t| format!("tag:{}", t.to_lowercase()));
        let title_key = title.map(|t| format!("title:{}", t.to_lowercase()));
        let by_tag = tag_key.as_ref().and_then(|k| self.keys.get(k).copied());
        let by_title = title_key.as_ref().and_then(|k| self.keys.get(k).copied());
        let index = match (by_tag, by_title) {
            (Some(a), Some(b)) if a != b => self.merge(a, b),
            (Some(a), _) | (None, Some(a)) => a,
            (None, None) if tag.is_none() && title.is_none() => return None,
            (None, None) => {
                self.series.push(Series::default());
                self.series.len() - 1
            }
        };
        let series = &mut self.series[index];
        if series.tag.is_none() {
            series.tag = tag.map(str::to_owned);
        }
        if series.title.is_none() {
            series.title = title.map(str::to_owned);
        }
        for key in [tag_key, title_key].into_iter().flatten() {
            self.keys.insert(key, index);
        }
        Some(index)
    }

    /// Moves the episodes of series `b` into series `a`; `b` stays, empty.
    fn merge(&mut self, a: usize, b: usize) -> usize {
        let moved = std::mem::take(&mut self.series[b]);
        let target = &mut self.series[a];
        target.episodes.extend(moved.episodes);
        target.tag = target.tag.take().or(moved.tag);
        target.title = target.title.take().or(moved.title);
        for index in self.keys.values_mut() {
            if *index == b {
                *index = a;
            }
        }
        a
    }

    /// The series, each with its episodes in order, in order of first
    /// appearance.
    pub fn series(&self) -> Vec<Series> {
        self.series
            .iter()
            .filter(|s| !s.episodes.is_empty())
            .map(|s| {
                let mut s = s.clone();
                s.episodes.sort_by(|x, y| {
                    (x.number.is_none(), x.number, &x.document, x.span.start).cmp(&(
                        y.number.is_none(),
                        y.number,
                        &y.document,
                        y.span.start,
                    ))
                });
                s
            })
            .collect()
    }
}

impl fmt::Display for Catalog {
    /// A table: each series with its missing numbers, then its episodes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for s in self.series() {
            let missing = s.missing();
            write!(f, "{} ({} episodes", s.name(), s.episodes.len())?;
            if !missing.is_empty() {
                let list: Vec<String> = missing.iter().map(u32::to_string).collect();
                write!(f, ", missing {}", list.join(", "))?;
            }
            writeln!(f, ")")?;
            for e in &s.episodes {
                let number = e
                    .number
                    .map_or_else(|| String::from("-"), |n| n.to_string());
                let title = e.title.as_deref().unwrap_or("");
                writeln!(f, "  {number:>3}  {}:{}  {title}", e.document, e.span.line)?;
            }
        }
        Ok(())
    }
}
