//! Series across a corpus: the episodes of many documents grouped by
//! series, in order, with the numbers that are missing.
//!
//! A series is one site's: two blogs that both run a "Weekly update" have
//! two series. [`Catalog::add_from`] names the site (or any source) of each
//! document; [`Catalog::add`] takes every document as the same site's.
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
//!
//! // Two sites, one name: two series.
//! let mut catalog = Catalog::new();
//! catalog.add_from("rocco.example", "a.txt", &tesi::parse("Weekly update 1\n\nTesto.\n"));
//! catalog.add_from("troy.example", "b.txt", &tesi::parse("Weekly update 423\n\nText.\n"));
//! assert_eq!(catalog.series().len(), 2);
//! ```

use std::collections::HashMap;
use std::fmt;
use std::ops::RangeInclusive;

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
    /// The site (or source) the series' documents came from, as given to
    /// [`Catalog::add_from`]; empty for documents given to
    /// [`Catalog::add`].
    pub site: String,
    /// The bracketed tag of the series ("7-eleven"), when known.
    pub tag: Option<String>,
    /// The series title, when known.
    pub title: Option<String>,
    /// The episodes, ordered by number (unnumbered last), then document.
    pub episodes: Vec<Entry>,
}

impl Series {
    /// The numbers from 1 to the highest episode number that no episode
    /// has. A series that starts late ("Weekly update 423") lacks every
    /// number before its first: [`Series::missing_ranges`] says that in
    /// a few ranges.
    pub fn missing(&self) -> Vec<u32> {
        self.missing_ranges().into_iter().flatten().collect()
    }

    /// The numbers [`Series::missing`] gives, as runs of consecutive
    /// numbers: `[2..=3, 5..=422]`.
    ///
    /// ```
    /// let mut catalog = tesi::series::Catalog::new();
    /// for text in ["Weekly update 1\n\nA.\n", "Weekly update 4\n\nB.\n", "Weekly update 7\n\nC.\n"] {
    ///     catalog.add("blog.txt", &tesi::parse(text));
    /// }
    /// assert_eq!(catalog.series()[0].missing_ranges(), [2..=3, 5..=6]);
    /// ```
    pub fn missing_ranges(&self) -> Vec<RangeInclusive<u32>> {
        let mut have: Vec<u32> = self.episodes.iter().filter_map(|e| e.number).collect();
        have.sort_unstable();
        have.dedup();
        let mut ranges = Vec::new();
        let mut next = 1;
        for n in have {
            if n > next {
                ranges.push(next..=n - 1);
            }
            next = n.saturating_add(1);
        }
        ranges
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
/// that names both a tag and a title joins them into one series. Series of
/// different sites are never joined, whatever their names.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    series: Vec<Series>,
    /// (site, lowercased "tag:x" or "title:x") to indices into `series`.
    keys: HashMap<(String, String), usize>,
    /// The sites seen, to name them when there is more than one.
    sites: Vec<String>,
}

impl Catalog {
    /// An empty catalog.
    pub fn new() -> Self {
        Catalog::default()
    }

    /// Adds the numbered episodes of `doc`, found in the document named
    /// `document`, taking it as of the same site as every other document
    /// added this way (see [`Catalog::add_from`]).
    pub fn add(&mut self, document: &str, doc: &Document<'_>) {
        self.add_from("", document, doc);
    }

    /// Adds the numbered episodes of `doc`, found in the document named
    /// `document` of the site (or other source) `site`: its episodes join
    /// only series of the same site.
    pub fn add_from(&mut self, site: &str, document: &str, doc: &Document<'_>) {
        if !self.sites.iter().any(|s| s == site) {
            self.sites.push(site.to_owned());
        }
        for post in &doc.posts {
            self.add_post(site, document, post);
        }
    }

    fn add_post(&mut self, site: &str, document: &str, post: &Post<'_>) {
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
            let Some(index) = self.series_for(site, own_tag, own_title) else {
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

    /// The index of the series of `site` named by `tag` and `title`,
    /// created or merged as needed.
    fn series_for(&mut self, site: &str, tag: Option<&str>, title: Option<&str>) -> Option<usize> {
        let key =
            |kind: &str, name: &str| (site.to_owned(), format!("{kind}:{}", name.to_lowercase()));
        let tag_key = tag.map(|t| key("tag", t));
        let title_key = title.map(|t| key("title", t));
        let by_tag = tag_key.as_ref().and_then(|k| self.keys.get(k).copied());
        let by_title = title_key.as_ref().and_then(|k| self.keys.get(k).copied());
        let index = match (by_tag, by_title) {
            (Some(a), Some(b)) if a != b => self.merge(a, b),
            (Some(a), _) | (None, Some(a)) => a,
            (None, None) if tag.is_none() && title.is_none() => return None,
            (None, None) => {
                self.series.push(Series {
                    site: site.to_owned(),
                    ..Series::default()
                });
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
    /// A table: each series with its missing numbers (as ranges), then its
    /// episodes. The site is named when the catalog holds more than one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name_sites = self.sites.len() > 1;
        for s in self.series() {
            let count = s.episodes.len();
            write!(f, "{}", s.name())?;
            if name_sites {
                write!(f, " at {}", s.site)?;
            }
            write!(f, " ({count} episode{}", if count == 1 { "" } else { "s" })?;
            let missing = s.missing_ranges();
            if !missing.is_empty() {
                let list: Vec<String> = missing
                    .iter()
                    .map(|r| {
                        if r.start() == r.end() {
                            r.start().to_string()
                        } else {
                            format!("{}-{}", r.start(), r.end())
                        }
                    })
                    .collect();
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
