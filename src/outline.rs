//! [`Document::outline`]: a compact tree for reading and diffing.

use std::fmt::Write;

use crate::model::{Block, Boilerplate, Document, Episode, Post, Span};

/// Longest excerpt, in characters, before it is cut with `…`.
const EXCERPT_CHARS: usize = 60;

impl Document<'_> {
    /// A compact, human-readable tree of the document: one record per
    /// line, indented by depth, with its kind, key fields, span
    /// (`start..end@line`) and a short excerpt of its text.
    ///
    /// The format is stable: it changes only with a new minor version and a
    /// CHANGELOG entry, so it is safe to put under snapshot tests.
    ///
    /// ```
    /// let doc = tesi::parse("Un titolo\n\nUn paragrafo di testo.\n");
    /// assert_eq!(
    ///     doc.outline(),
    ///     "document\n  post 0..33@1\n    title 0..9@1 \"Un titolo\"\n    paragraph 11..33@3 \"Un paragrafo di testo.\"\n"
    /// );
    /// ```
    pub fn outline(&self) -> String {
        let mut out = String::from("document\n");
        if !self.front.is_empty() {
            out.push_str("  front\n");
            for b in &self.front {
                boilerplate(&mut out, 2, b);
            }
        }
        for p in &self.posts {
            post(&mut out, p);
        }
        out
    }
}

fn post(out: &mut String, p: &Post<'_>) {
    let date = p.date.map(|d| format!(" date={d}")).unwrap_or_default();
    line(out, 1, &format!("post{date}"), p.span, None);
    if let Some(t) = &p.title {
        line(out, 2, "title", t.span, Some(&t.text));
        if let Some(e) = &t.episode {
            episode(out, 3, e);
        }
    }
    for b in &p.blocks {
        block(out, 2, b);
    }
}

fn block(out: &mut String, depth: usize, b: &Block<'_>) {
    match b {
        Block::Heading(h) => line(out, depth, "heading", h.span, Some(&h.text)),
        Block::Paragraph(p) => line(out, depth, "paragraph", p.span, Some(&p.text)),
        Block::ThesisList(l) => {
            let mut head = String::from("thesis_list");
            if let Some(h) = &l.heading {
                let _ = write!(head, " heading={}", quote(h));
            }
            if l.declared_partial {
                head.push_str(" partial");
            }
            if !l.missing.is_empty() {
                let _ = write!(head, " missing={:?}", l.missing);
            }
            line(out, depth, &head, l.span, None);
            for t in &l.items {
                let mut head = format!("thesis {} marker={}", t.number, quote(&t.marker));
                for n in &t.notes {
                    let _ = write!(head, " note={}", quote(n));
                }
                if let Some(c) = &t.comment {
                    let _ = write!(head, " comment={}", quote(&excerpt(c)));
                }
                line(out, depth + 1, &head, t.span, Some(&t.text));
            }
        }
        Block::RecommendationList(l) => {
            let mut head = String::from("recommendation_list");
            if l.run_in {
                head.push_str(" run_in");
            }
            if let Some(lead) = &l.lead_in {
                let _ = write!(head, " lead_in={}", quote(&excerpt(lead)));
            }
            line(out, depth, &head, l.span, None);
            for r in &l.items {
                let head = format!(
                    "recommendation level={} marker={}",
                    r.level,
                    quote(&r.marker)
                );
                line(out, depth + 1, &head, r.span, Some(&r.text));
                if let Some(e) = &r.episode {
                    episode(out, depth + 2, e);
                }
            }
        }
        Block::Episode(e) => episode(out, depth, e),
        Block::SeriesLink(s) => {
            let mut head = format!("series_link {:?}", s.direction).to_lowercase();
            if let Some(tag) = &s.series_tag {
                let _ = write!(head, " tag={}", quote(tag));
            }
            if let Some(title) = &s.series_title {
                let _ = write!(head, " series={}", quote(&excerpt(title)));
            }
            line(out, depth, &head, s.span, s.summary.as_deref());
            if let Some(e) = &s.episode {
                episode(out, depth + 1, e);
            }
        }
        Block::Boilerplate(b) => boilerplate(out, depth, b),
    }
}

fn episode(out: &mut String, depth: usize, e: &Episode<'_>) {
    let mut head = String::from("episode");
    match e.number {
        Some(n) => {
            let _ = write!(head, " {n}");
        }
        None => head.push_str(" -"),
    }
    if let Some(of) = e.of {
        let _ = write!(head, "/{of}");
    }
    if let Some(t) = e.time {
        let _ = write!(head, " time={t}");
    }
    for h in &e.hashtags {
        let _ = write!(head, " #{h}");
    }
    if let Some(tag) = &e.series_tag {
        let _ = write!(head, " tag={}", quote(tag));
    }
    if let Some(title) = &e.series_title {
        let _ = write!(head, " series={}", quote(&excerpt(title)));
    }
    line(out, depth, &head, e.span, e.title.as_deref());
}

fn boilerplate(out: &mut String, depth: usize, b: &Boilerplate<'_>) {
    let head = format!("boilerplate {}", b.category);
    line(out, depth, &head, b.span, Some(&b.text));
}

fn line(out: &mut String, depth: usize, head: &str, span: Span, text: Option<&str>) {
    for _ in 0..depth {
        out.push_str("  ");
    }
    let _ = write!(out, "{head} {span}");
    if let Some(text) = text {
        let _ = write!(out, " {}", quote(&excerpt(text)));
    }
    out.push('\n');
}

/// The first characters of `text`, cut with `…`.
fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// `text` in double quotes, with quotes and backslashes escaped.
fn quote(text: &str) -> String {
    format!("{text:?}")
}
