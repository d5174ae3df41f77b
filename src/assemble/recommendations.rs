//! Recommendation lists: bullet lines with wrapped text and nesting, and
//! inline lists whose items share one line.

use std::borrow::Cow;

use super::episodes::episode_of;
use super::paragraphs::continues;
use super::{Item, next_solid};
use crate::grammar::bullet::{self, inline_bullets};
use crate::grammar::episode::numbered_title;
use crate::lexicon::{Lexicon, Words};
use crate::model::{Category, Recommendation, RecommendationList, Span};
use crate::normalize::normalize;
use crate::scan::{Kind, Scanned};

/// Most blank lines between two items of one list.
const MAX_BLANKS: usize = 2;
/// Deepest nesting level tracked; deeper items share it.
const MAX_DEPTH: usize = 8;

/// Buffers a list builds its items and levels in, kept from one list to
/// the next so that a list allocates only its items, once, at their exact
/// number.
#[derive(Default)]
pub(super) struct Scratch<'a> {
    /// The items.
    recs: Vec<Recommendation<'a>>,
    /// The shape of each bullet line.
    shapes: Vec<Shape<'a>>,
    /// The markers the list has, for the test after a blank line: a list
    /// has one or two.
    markers: Vec<&'a str>,
    /// The open levels, while levels are assigned.
    stack: Vec<(u32, &'a str)>,
}

/// Builds the list that starts with the bullet line at `i`; returns the
/// index after it. Dialogue opened by dashes comes out as paragraphs and
/// a site menu as navigation boilerplate.
pub(super) fn recommendation_list<'a>(
    source: &'a str,
    lines: &[Scanned],
    i: usize,
    lexicon: &Lexicon,
    items: &mut Vec<Item<'a>>,
    scratch: &mut Scratch<'a>,
) -> usize {
    let Scratch {
        recs,
        shapes,
        markers,
        stack,
    } = scratch;
    recs.clear();
    shapes.clear();
    markers.clear();
    let mut j = i;
    let last = loop {
        let Kind::Bullet { bullet, indent } = lines[j].kind else {
            break j - 1;
        };
        let line = &lines[j];
        let marker = &source[line.start..line.start + bullet.len];
        shapes.push(Shape {
            indent,
            marker,
            first: recs.len(),
        });
        if !markers.contains(&marker) {
            markers.push(marker);
        }
        // The item wraps onto lines indented past its bullet, or that
        // continue its sentence.
        let mut end_line = j;
        while let Some(next) = lines.get(end_line + 1) {
            let hanging = bullet::indent(&source[next.line.start..next.start]) > indent;
            let wraps = matches!(next.kind, Kind::Text { tail: None })
                && (hanging || continues(lines[end_line].text(source), next.text(source)));
            if !wraps {
                break;
            }
            end_line += 1;
        }
        let text_start = line.start + bullet.text;
        let end = lines[end_line].end;
        push_items(
            source,
            lines,
            j,
            (line.start, marker),
            text_start,
            end,
            recs,
        );
        // Past blank lines the list goes on only with a bullet it already
        // has, or one indented deeper: a new kind of bullet after a gap
        // starts something else.
        let k = next_solid(lines, end_line + 1);
        let goes_on = match lines.get(k).map(|l| l.kind) {
            Some(Kind::Bullet { .. }) if k == end_line + 1 => true,
            Some(Kind::Bullet {
                bullet,
                indent: next,
            }) => {
                let m = &source[lines[k].start..lines[k].start + bullet.len];
                k - end_line - 1 <= MAX_BLANKS && (next > indent || markers.contains(&m))
            }
            _ => false,
        };
        if !goes_on {
            break end_line;
        }
        j = k;
    };
    assign_levels(shapes, stack, recs);
    let span = match (recs.first(), recs.last()) {
        (Some(first), Some(last)) => Span::new(first.span.start, last.span.end, first.span.line),
        _ => return last + 1,
    };
    if super::menus::is_menu(recs, lexicon) {
        items.push(Item::Furniture(Category::Navigation, span));
    } else if is_dialogue(recs, lexicon) {
        for r in recs.drain(..) {
            items.push(Item::Text {
                span: r.span,
                single: false,
                text: None,
            });
        }
    } else {
        attach_episodes(source, recs, lexicon);
        items.push(Item::Recommendations(Box::new(RecommendationList {
            lead_in: None,
            items: super::exact(recs),
            run_in: false,
            span,
        })));
    }
    last + 1
}

/// How a bullet line of a list looks: its indentation (columns), its
/// marker, and the index of its first item (a line may hold several).
#[derive(Debug, Clone, Copy)]
struct Shape<'a> {
    indent: u32,
    marker: &'a str,
    first: usize,
}

/// Gives every item its level. When the lines are indented differently,
/// indentation alone decides; when the dump lost indentation, a sub-item
/// bullet after another marker goes one level down and a marker seen
/// before goes back to its level.
fn assign_levels<'a>(
    shapes: &[Shape<'a>],
    stack: &mut Vec<(u32, &'a str)>,
    recs: &mut [Recommendation<'_>],
) {
    let indented = shapes.windows(2).any(|w| w[0].indent != w[1].indent);
    stack.clear();
    for (
        n,
        &Shape {
            indent,
            marker,
            first,
        },
    ) in shapes.iter().enumerate()
    {
        let key = if indented { (indent, "") } else { (0, marker) };
        let level = if let Some(pos) = stack.iter().rposition(|&k| k == key) {
            stack.truncate(pos + 1);
            pos
        } else {
            while indented && stack.last().is_some_and(|&(i, _)| indent < i) {
                stack.pop();
            }
            let nests = indented || stack.is_empty() || bullet::is_sub_bullet(marker);
            if !nests {
                stack.pop();
            }
            if stack.len() < MAX_DEPTH {
                stack.push(key);
            }
            stack.len().saturating_sub(1)
        };
        let until = shapes.get(n + 1).map_or(recs.len(), |s| s.first);
        for r in recs.get_mut(first..until).unwrap_or_default() {
            r.level = level as u32;
        }
    }
}

/// Pushes the item opened by `marker` whose text runs from `text_start` to
/// `end`; an item holding more bullets of its own kind ("• A • B") is
/// several items.
fn push_items<'a>(
    source: &'a str,
    lines: &[Scanned],
    first_line: usize,
    (marker_start, marker): (usize, &'a str),
    text_start: usize,
    end: usize,
    out: &mut Vec<Recommendation<'a>>,
) {
    let first = (marker_start, marker, text_start);
    // Only a marker that can separate items inline may repeat in the text.
    let repeats = marker.chars().next().is_some_and(bullet::is_inline_bullet);
    if repeats
        && let Some((c, at)) = inline_bullets(&source[text_start..end])
        && marker.starts_with(c)
    {
        let mut starts = vec![first];
        starts.extend(bullet_starts(
            source,
            c,
            at.iter().map(|a| text_start + a),
            end,
        ));
        split_items(source, &starts, end, &lines[first_line..], out);
    } else {
        // One item, the common case: no vector to allocate.
        split_items(source, &[first], end, &lines[first_line..], out);
    }
}

/// For each bullet `c` at the absolute offsets `at`: its offset, the
/// marker as written, and where its text starts.
fn bullet_starts(
    source: &str,
    c: char,
    at: impl Iterator<Item = usize>,
    end: usize,
) -> Vec<(usize, &str, usize)> {
    at.map(|m_start| {
        let m = &source[m_start..m_start + c.len_utf8()];
        let after = &source[m_start + m.len()..end];
        (m_start, m, end - after.trim_start().len())
    })
    .collect()
}

/// One item per bullet in `starts`, each running to the next bullet (the
/// last to `end`); empty items are dropped.
fn split_items<'a>(
    source: &'a str,
    starts: &[(usize, &'a str, usize)],
    end: usize,
    lines: &[Scanned],
    out: &mut Vec<Recommendation<'a>>,
) {
    // The line of each item: a cursor that only moves forward.
    let mut cursor = 0;
    for (n, &(m_start, m, t)) in starts.iter().enumerate() {
        let stop = starts.get(n + 1).map_or(end, |next| next.0);
        let text = crate::chars::trim_end(&source[t..stop]);
        if text.is_empty() {
            continue;
        }
        out.push(Recommendation {
            marker: Cow::Borrowed(m),
            level: 0,
            text: normalize(text),
            episode: None,
            span: Span::new(m_start, t + text.len(), {
                while lines
                    .get(cursor + 1)
                    .is_some_and(|l| l.line.start <= m_start)
                {
                    cursor += 1;
                }
                lines.get(cursor).map_or(1, |l| l.line.number)
            }),
        });
    }
}

/// A one-line inline list ("Le regole d'oro • Ascolta. • Rispondi."):
/// the text before the first bullet is its lead-in.
pub(super) fn inline_list<'a>(source: &'a str, line: &Scanned) -> Option<RecommendationList<'a>> {
    let text = line.text(source);
    let (c, at) = inline_bullets(text)?;
    let first = *at.first()?;
    let lead = text[..first].trim_end();
    let starts = bullet_starts(source, c, at.iter().map(|a| line.start + a), line.end);
    let mut recs = Vec::new();
    split_items(
        source,
        &starts,
        line.end,
        std::slice::from_ref(line),
        &mut recs,
    );
    if recs.len() < 2 {
        return None;
    }
    Some(RecommendationList {
        lead_in: (!lead.is_empty()).then(|| normalize(lead)),
        items: recs,
        run_in: false,
        span: Span::new(line.start, line.end, line.line.number),
    })
}

/// Gives each item that names an episode of a series its episode, as
/// lists of a series' posts do.
pub(super) fn attach_episodes<'a>(
    source: &'a str,
    recs: &mut [Recommendation<'a>],
    lexicon: &Lexicon,
) {
    for r in recs {
        let raw = crate::chars::trim_start(&source[r.span.start + r.marker.len()..r.span.end]);
        // Most items name no episode: their field stays as it is, with no
        // empty record written over it.
        if let Some(h) = numbered_title(raw, lexicon) {
            r.episode = Some(Box::new(episode_of(&h, raw, r.span)));
        }
    }
}

/// Lines of dialogue opened by dashes: a verb of speech right after an
/// aside's dash or comma ("– Nessuno, – rispose la stagista").
fn is_dialogue(recs: &[Recommendation<'_>], lexicon: &Lexicon) -> bool {
    let dashes = recs
        .iter()
        .all(|r| matches!(&*r.marker, "–" | "—" | "-" | "--"));
    let speech = lexicon.words(Words::SpeechVerb);
    dashes
        && recs
            .iter()
            .any(|r| asides(&r.text).any(|after| speech.longest_prefix(&r.text[after..]).is_some()))
}

/// Where the text after each aside of `text` starts: after ", ", " – " or
/// " — ".
fn asides(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b',', 0xE2, text.as_bytes()).filter_map(move |i| {
        let rest = &text[i..];
        if rest.starts_with(", ") {
            return Some(i + 2);
        }
        let spaced = i > 0 && text.as_bytes()[i - 1] == b' ';
        ["– ", "— "]
            .iter()
            .find(|dash| spaced && rest.starts_with(*dash))
            .map(|dash| i + dash.len())
    })
}
