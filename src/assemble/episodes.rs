//! Episodes and series links: a header line becomes an episode; an opening
//! line takes its recap and the slot it announces.

use std::borrow::Cow;

use super::paragraphs::continues;
use super::{Item, next_solid};
use crate::grammar::episode::{self, Header, Slot, hashtags};
use crate::grammar::series_link::Located;
use crate::grammar::visible;
use crate::lexicon::Lexicon;
use crate::model::{Block, Episode, SeriesLink, Span};
use crate::normalize::normalize;
use crate::scan::{Kind, Scanned};

/// How many lines after its opening a series link looks for its slot.
const MAX_RECAP_LINES: usize = 8;

/// An episode record from a parsed header or title.
pub(super) fn episode_of<'a>(header: &Header<'a>, line: &'a str, span: Span) -> Episode<'a> {
    Episode {
        number: header.number,
        of: header.of,
        title: header.title.map(normalize),
        time: None,
        hashtags: hashtags(line).map(Cow::Borrowed).collect(),
        series_tag: header.tag.map(normalize),
        series_title: header.series.map(normalize),
        span,
    }
}

/// The episode header on `line`, which the scan parsed.
pub(super) fn episode_header<'a>(
    source: &'a str,
    line: &Scanned,
    header: episode::Located,
    items: &mut Vec<Item<'a>>,
) {
    let text = visible(line.text(source));
    let header = header.resolve(text);
    let span = Span::new(line.start, line.end, line.line.number);
    items.push(Item::Block(Block::Episode(Box::new(episode_of(
        &header, text, span,
    )))));
}

/// The series link opened on line `i`, with its recap and slot; returns
/// the index after it.
pub(super) fn series_link<'a>(
    source: &'a str,
    lines: &[Scanned],
    i: usize,
    opening: Located,
    lexicon: &Lexicon,
    items: &mut Vec<Item<'a>>,
) -> usize {
    let open_line = &lines[i];
    // The scan parsed the opening already: its pieces, in the same text.
    let opening = opening.resolve(visible(open_line.text(source)));
    // The slot: within a few lines, past recap text only.
    let mut slot: Option<(usize, Slot<'a>)> = None;
    for (j, line) in lines.iter().enumerate().skip(i + 1).take(MAX_RECAP_LINES) {
        match line.kind {
            Kind::Blank => {}
            Kind::Text { .. } | Kind::Marker(_) => {
                if let Some(s) = episode::slot(visible(line.text(source)), lexicon) {
                    slot = Some((j, s));
                    break;
                }
            }
            _ => break,
        }
    }
    // The recap: the rest of the opening line, then the lines before the
    // slot; with no slot, the paragraph that follows.
    // `rest` is a slice of `source`: its offset is its distance from the start.
    let rest_start = opening
        .rest
        .map(|r| r.as_ptr() as usize - source.as_ptr() as usize);
    let (recap_first, recap_last) = match slot {
        Some((j, _)) => {
            let mut solid = (i + 1..j).filter(|&k| lines[k].kind != Kind::Blank);
            let first = solid.next();
            (first, solid.next_back().or(first))
        }
        None if rest_start.is_none() => {
            let k = next_solid(lines, i + 1);
            match lines.get(k) {
                Some(l) if k <= i + 2 && matches!(l.kind, Kind::Text { tail: None }) => {
                    let mut last = k;
                    while lines.get(last + 1).is_some_and(|n| {
                        matches!(n.kind, Kind::Text { tail: None })
                            && continues(lines[last].text(source), n.text(source))
                    }) {
                        last += 1;
                    }
                    (Some(k), Some(last))
                }
                _ => (None, None),
            }
        }
        None => (None, None),
    };
    let recap_start = rest_start.or(recap_first.map(|k| lines[k].start));
    let recap_end = recap_last.map_or(open_line.end, |k| lines[k].end);
    let summary = recap_start.map(|s| normalize(&source[s..recap_end]));
    let mut last_line = recap_last.unwrap_or(i);
    let episode = slot.map(|(j, s)| {
        last_line = j;
        let l = &lines[j];
        Episode {
            number: None,
            of: None,
            title: s.title.map(normalize),
            time: Some(s.time),
            hashtags: hashtags(l.text(source)).map(Cow::Borrowed).collect(),
            series_tag: None,
            series_title: None,
            span: Span::new(l.start, l.end, l.line.number),
        }
    });
    let end = lines[last_line].end;
    items.push(Item::Block(Block::SeriesLink(Box::new(SeriesLink {
        direction: opening.direction,
        series_tag: opening.tag.map(normalize),
        series_title: opening.title.map(normalize),
        summary,
        episode,
        span: Span::new(open_line.start, end, open_line.line.number),
    }))));
    last_line + 1
}
