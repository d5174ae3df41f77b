//! Page furniture: one line at a time, against the lexicon's phrases and a
//! few shapes that need no words (comment counts, lone dates, pagination).

use nom::Parser;
use nom::character::complete::char;
use nom::combinator::opt;

use super::{Head, Res, date::date, number, word_of, ws0};
use crate::chars::{at_most_words, is_alnum, last_word, starts_alnum, trim_symbols, words};
use crate::lexicon::{Lexicon, List, Pattern, Words, only_symbols};
use crate::model::Category;

/// Longest line, in bytes, that a `Prefix` phrase may open.
const MAX_PREFIX_LINE: usize = 400;
/// How far from the end of a line a `Tail` phrase may start, in bytes:
/// the longest marker words plus what may follow them.
const TAIL_WINDOW: usize = TAIL_REST_BYTES + 40;
/// Longest line that can be a lone date ("Mercoledì, 12 settembre 2015").
const MAX_DATE_LINE: usize = 48;
/// Most bytes and words after a `Tail` phrase ("continua su SNID").
const TAIL_REST_BYTES: usize = 60;
const TAIL_REST_WORDS: usize = 6;
/// The separators of a breadcrumb trail's steps.
const BREADCRUMB_SEPARATORS: [&str; 4] = [" > ", " » ", " › ", " / "];
/// How far into a line the colon of a link to the post before or after
/// is looked for, in bytes (its words: `Shapes::max_adjacent_label_words`).
const MAX_ADJACENT_LABEL_BYTES: usize = 64;

/// What a line holds, as far as furniture goes.
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Furniture {
    /// The whole line is furniture.
    Whole(Category),
    /// The line is prose that ends with a marker starting at byte `at`.
    Tail(Category, usize),
}

/// A marker that closes a line of prose ("… Continua a leggere →"): its
/// category and the byte where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Closing {
    pub category: Category,
    pub at: usize,
}

/// Arrows and guillemets that decorate navigation links ("← Post
/// precedente", "« Older posts").
const LEADING_ARROWS: &[char] = &['←', '«', '‹', '↑', '→', '»', '›', '<', '|'];

/// Classifies a trimmed, non-empty line.
#[cfg(test)]
pub(crate) fn furniture(line: &str, lexicon: &Lexicon) -> Option<Furniture> {
    whole(&Head::of(line, lexicon)?)
        .map(Furniture::Whole)
        .or_else(|| tail(line, lexicon).map(|c| Furniture::Tail(c.category, c.at)))
}

/// What may open a line of furniture: a phrase of the boilerplate, a
/// comment-count word, a page word, a day of the week, a copyright word or
/// a month, a share label on a short line; or anything but a letter
/// (arrows, the numbers of comment counts, dates and pages), unless it
/// is a number before a word that is none of those ("1. Le aziende").
pub(crate) fn opens(head: &Head) -> bool {
    let words = [
        List::Boilerplate,
        List::Word(Words::CommentCount),
        List::Word(Words::PageWord),
        List::Word(Words::Weekday),
        List::Word(Words::Copyright),
        List::Month,
    ];
    // A menu entry opens a breadcrumb trail only on a short line.
    let trail = || {
        head.words.has(List::Word(Words::MenuItem))
            && at_most_words(head.text, head.lexicon.shape_limits().max_breadcrumb_words)
            && BREADCRUMB_SEPARATORS.iter().any(|s| head.text.contains(s))
    };
    // A share label opens a row of share buttons only on a short line.
    let share_row = || {
        head.words.has(List::Word(Words::ShareLabel))
            && at_most_words(head.text, head.lexicon.shape_limits().max_share_row_words)
    };
    head.words.any(&words)
        || share_row()
        || trail()
        || !(head.opens_with_letter() || head.numbers_prose(&words))
}

/// The category of a trimmed, non-empty line that is furniture as a
/// whole. A line that is not may still end with a marker: see [`tail`],
/// which the scan asks only of lines that stay prose.
pub(crate) fn whole(head: &Head) -> Option<Category> {
    let (line, lexicon) = (head.text, head.lexicon);
    // Whole-line furniture is short.
    if line.len() > MAX_PREFIX_LINE {
        return None;
    }
    let core = if line
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        line
    } else {
        line.trim_start_matches(|c: char| LEADING_ARROWS.contains(&c) || c.is_whitespace())
    };
    // The head says whether a phrase opens the line itself.
    let phrases = (core.len() < line.len() || head.words.has(List::Boilerplate))
        .then(|| lexicon.boilerplate.prefixes(core));
    for (n, &(category, pattern)) in phrases.into_iter().flatten() {
        let rest = &core[n..];
        let whole = match pattern {
            Pattern::Line => only_symbols(rest) || second_label(&core[..n], rest, lexicon),
            Pattern::Prefix => line.len() <= MAX_PREFIX_LINE,
            Pattern::Tail => tail_rest(rest),
        };
        if whole {
            // "Posted in X | Leave a comment": a meta line that also links
            // to the comments closes the post like the link alone.
            if category == Category::PostMeta && links_comments(line, lexicon) {
                return Some(Category::CommentLink);
            }
            return Some(category);
        }
    }
    // The head says whether a page word or a phrase may open the link.
    let linked = core.len() < line.len()
        || head
            .words
            .any(&[List::Boilerplate, List::Word(Words::PageWord)]);
    if linked && adjacent_post(line, core, lexicon) {
        return Some(Category::Navigation);
    }
    if drawn_heading(line, lexicon) || copyright(head) {
        return Some(Category::Footer);
    }
    if head.first == '[' && bracketed_menu(line, lexicon) {
        return Some(Category::Navigation);
    }
    if head.words.has(List::Word(Words::ShareLabel)) && share_row(line, lexicon) {
        return Some(Category::ShareBar);
    }
    if head.words.has(List::Word(Words::MenuItem)) && breadcrumb(line, lexicon) {
        return Some(Category::Navigation);
    }
    if comment_count(line, lexicon).is_ok_and(|(rest, _)| rest.len() <= 160) {
        return Some(Category::CommentLink);
    }
    if line.len() <= MAX_DATE_LINE && date_line(head) {
        return Some(Category::PostMeta);
    }
    is_pagination(line, lexicon).then_some(Category::Navigation)
}

/// Whether `line` is a date alone, maybe after its day of the week
/// ("12 marzo 2015", "sabato 27 ottobre 2007", "Monday, March 3, 2015").
// date-line = [<weekday> [","] 1*WSP] date *symbol
fn date_line(head: &Head) -> bool {
    let (line, lexicon) = (head.text, head.lexicon);
    let weekday = |i| {
        let (i, _) = word_of(Words::Weekday, i, lexicon)?;
        let (i, _) = opt(char(',')).parse(i)?;
        super::ws1(i)
    };
    let body = match head.words.has(List::Word(Words::Weekday)) {
        true => weekday(line).map_or(line, |(rest, _)| rest),
        false => line,
    };
    date(body, lexicon).is_ok_and(|(rest, _)| only_symbols(rest))
}

/// Whether `line` (`core` without its leading arrows) links to the post
/// before or after, with that post's title: "←Precedente: titolo",
/// "Successivo: titolo →", "Previous Post Previous post: title". Before
/// the colon, a few words that open with a page word or a navigation
/// phrase; and an arrow at either end of the line, or a navigation phrase
/// before the colon ("Prima: leggi il contratto" is prose).
// adjacent-post = [arrows] (<page-word> / <navigation-phrase>) *(WSP word) ":" title [arrows]
fn adjacent_post(line: &str, core: &str, lexicon: &Lexicon) -> bool {
    // The colon comes within the first few words.
    let mut end = MAX_ADJACENT_LABEL_BYTES.min(core.len());
    while !core.is_char_boundary(end) {
        end -= 1;
    }
    let near = &core[..end];
    let Some((label, _)) = near.split_once(':') else {
        return false;
    };
    if !at_most_words(label, lexicon.shape_limits().max_adjacent_label_words) {
        return false;
    }
    let navigation = lexicon
        .boilerplate
        .prefixes(label)
        .any(|(_, &(category, _))| category == Category::Navigation);
    let page_word = lexicon.words(Words::PageWord).opens(label);
    let arrows = core.len() < line.len() || line.ends_with(LEADING_ARROWS);
    navigation || (page_word && arrows)
}

/// Whether `line` is a heading drawn between marks, as themes print the
/// titles of their widgets: "== forum community ==", ":: i social ::",
/// "[[ newsletter ]]", "< tags />". The marks touch no text ("**Titolo**"
/// is the author's bold).
// drawn-heading = 1*3mark 1*WSP text 1*WSP 1*3mark   ; text of a few words
// mark          = any visible ASCII but a letter or digit
fn drawn_heading(line: &str, lexicon: &Lexicon) -> bool {
    let shapes = lexicon.shape_limits();
    let is_mark = |b: &u8| b.is_ascii_punctuation();
    let bytes = line.as_bytes();
    let open = bytes.iter().take_while(|b| is_mark(b)).count();
    if !(1..=shapes.max_drawn_marks).contains(&open) {
        return false;
    }
    let close = bytes.iter().rev().take_while(|b| is_mark(b)).count();
    if !(1..=shapes.max_drawn_marks).contains(&close) {
        return false;
    }
    let Some(inner) = line.get(open..line.len() - close) else {
        return false;
    };
    let text = inner.trim();
    inner.starts_with(char::is_whitespace)
        && inner.ends_with(char::is_whitespace)
        && text.chars().any(crate::chars::is_alpha)
        && at_most_words(text, shapes.max_drawn_words)
}

/// Whether the line of `head` is a copyright notice: "© 2025 (in)sicurezza
/// digitale. Tutti i diritti riservati.", "(c) 2015 Marta", "Copyright
/// 2025, Name". After "(c)" or the word a year must follow: "(c) Terza
/// tesi" is a letter marker, "Copyright e social" a heading.
// copyright = ("©" *WSP / ("(c)" / "(C)" / <copyright-word>) *WSP ["©" *WSP] DIGIT) text
//             ; a short line
fn copyright(head: &Head) -> bool {
    let (line, lexicon) = (head.text, head.lexicon);
    let year_after = |rest: &str| {
        let rest = rest.trim_start();
        let rest = rest.strip_prefix('©').unwrap_or(rest).trim_start();
        rest.starts_with(|c: char| c.is_ascii_digit())
    };
    let noticed = match line.strip_prefix('©') {
        Some(rest) => !rest.starts_with(crate::chars::is_alpha),
        None if head.words.has(List::Word(Words::Copyright)) => {
            word_of(Words::Copyright, line, lexicon).is_ok_and(|(rest, _)| year_after(rest))
        }
        None => ["(c)", "(C)"]
            .iter()
            .any(|mark| line.strip_prefix(mark).is_some_and(year_after)),
    };
    noticed && at_most_words(line, lexicon.shape_limits().max_copyright_words)
}

/// Whether `line` is a menu of bracketed links: "[home] [chi sono]
/// [libri] [contatti]". Three links at least, each a few words, and
/// nothing but white space between them.
// bracketed-menu = 3*("[" label "]" *WSP)
fn bracketed_menu(line: &str, lexicon: &Lexicon) -> bool {
    let mut rest = line;
    let mut links = 0;
    while let Some(inner) = rest.strip_prefix('[') {
        let Some((label, after)) = inner.split_once(']') else {
            return false;
        };
        if label.trim().is_empty()
            || label.contains('[')
            || !at_most_words(label, lexicon.shape_limits().max_link_words)
        {
            return false;
        }
        links += 1;
        rest = after.trim_start();
    }
    rest.is_empty() && links >= lexicon.shape_limits().min_links
}

/// Whether `line`, opened by a menu entry, is a breadcrumb trail: "home >
/// web writing > Regole del web writing", "Home » Blog » Titolo". Two
/// separators at least, each with white space around it, between short
/// steps; nothing closes a sentence.
// breadcrumb = step 2*(WSP separator WSP step)   ; separator: ">" / "»" / "›" / "/"
fn breadcrumb(line: &str, lexicon: &Lexicon) -> bool {
    let shapes = lexicon.shape_limits();
    if !at_most_words(line, shapes.max_breadcrumb_words) || line.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    let Some(separator) = [" > ", " » ", " › ", " / "]
        .into_iter()
        .find(|s| line.contains(s))
    else {
        return false;
    };
    let mut steps = 0;
    for step in line.split(separator) {
        let step = step.trim();
        if step.is_empty() || !at_most_words(step, shapes.max_link_words * 2) {
            return false;
        }
        steps += 1;
    }
    steps >= 3
}

/// Whether `line`, opened by a share label, is a row of share buttons
/// printed as one line ("Tweet Post Update Email RSS", "Twitter |
/// Facebook | Email"): a few words, at least half of them share labels,
/// nothing that punctuates a sentence.
// share-row = <share-label> 2*(separator word)   ; Shapes::min..=max_share_row_words words
fn share_row(line: &str, lexicon: &Lexicon) -> bool {
    if line.contains(['.', ',', ';', ':', '!', '?'])
        || !at_most_words(line, lexicon.shape_limits().max_share_row_words)
    {
        return false;
    }
    let labels = lexicon.words(Words::ShareLabel);
    let (mut all, mut shared) = (0, 0);
    for word in words(line) {
        let word = trim_symbols(word);
        if word.is_empty() {
            continue;
        }
        all += 1;
        shared += usize::from(labels.is_whole(word));
    }
    all >= lexicon.shape_limits().min_share_row_words && 2 * shared >= all
}

/// Whether a segment of a line split at `|` or `·` is a comment link.
fn links_comments(line: &str, lexicon: &Lexicon) -> bool {
    line.split(['|', '·']).skip(1).any(|segment| {
        let segment = segment.trim();
        let linked = lexicon
            .boilerplate
            .prefixes(segment)
            .any(|(n, &(category, pattern))| {
                category == Category::CommentLink
                    && pattern == Pattern::Line
                    && only_symbols(&segment[n..])
            });
        linked || comment_count(segment, lexicon).is_ok_and(|(rest, _)| rest.trim().is_empty())
    })
}

// comment-count = 1*DIGIT *WSP <comment-word> / <comment-word> *WSP "(" 1*DIGIT ")"
fn comment_count<'a>(line: &'a str, lexicon: &Lexicon) -> Res<'a, u64> {
    let fail = || nom::Err::Error(nom::error::Error::new(line, nom::error::ErrorKind::Tag));
    if let Ok((rest, n)) = number::<u64>(line) {
        // "3 commenti", "3commenti": white space or a word after the number.
        let (rest, _) = ws0(rest)?;
        let (len, _) = lexicon
            .words(Words::CommentCount)
            .longest_prefix(rest)
            .ok_or_else(fail)?;
        let after = &rest[len..];
        if after.chars().next().is_some_and(crate::chars::is_alnum) {
            return Err(fail());
        }
        return Ok((after, n));
    }
    let (len, _) = lexicon
        .words(Words::CommentCount)
        .longest_prefix(line)
        .ok_or_else(fail)?;
    let (rest, _) = ws0(&line[len..])?;
    let (rest, (_, n, _)) = (char('('), number::<u64>, char(')')).parse(rest)?;
    let (rest, _) = opt(ws0).parse(rest)?;
    if rest.is_empty() {
        Ok((rest, n))
    } else {
        Err(fail())
    }
}

/// A pagination line: page numbers, ellipses, arrows and page words
/// only, with at least three numbers ("1 2 3 … 94 →", "[5] [10] [15]",
/// "• 1 • 2 • 3 • Next").
fn is_pagination(line: &str, lexicon: &Lexicon) -> bool {
    let page_words = lexicon.words(Words::PageWord);
    // A token is a number (`Some(true)`), a page word or symbols
    // (`Some(false)`), or anything else (`None`).
    let token_kind = |token: &str| {
        let core = trim_symbols(token);
        if !core.is_empty() && core.len() <= 5 && core.bytes().all(|b| b.is_ascii_digit()) {
            Some(true)
        } else if core.is_empty() || page_words.is_whole(core) {
            Some(false)
        } else {
            None
        }
    };
    // Most lines open with a word that is no page word.
    let opens_prose = |text: &str| {
        text.starts_with(|c: char| is_alnum(c) && !c.is_ascii_digit()) && !page_words.opens(text)
    };
    if opens_prose(line) {
        return false;
    }
    // Nor does the word after a number that opens prose ("1. Each ...").
    if line.starts_with(|c: char| c.is_ascii_digit()) {
        let after = &line[crate::chars::next_space(line)..];
        if opens_prose(&after[crate::chars::space_len_at(after)..]) {
            return false;
        }
    }
    // The last token, then three digits for three numbers (found eight
    // bytes at a time): prose fails early. The loop reads the first token
    // first.
    if token_kind(last_word(line)).is_none() || !crate::chars::has_digits(line.as_bytes(), 3) {
        return false;
    }
    let mut numbers = 0;
    for token in words(line) {
        match token_kind(token) {
            Some(number) => numbers += usize::from(number),
            None => return false,
        }
    }
    numbers >= 3
}

/// Whether what follows a `Tail` phrase is short enough to be a marker's
/// own words ("continua su SNID", "→") rather than more prose.
/// Whether `rest`, after the `Line` phrase `phrase`, is a second label
/// printed beside it, as comment forms print their buttons side by side
/// ("Lascia un commento Cancella risposta"): a capitalised word or two
/// with no punctuation, after a phrase of two words or more.
// second-label = 1*WSP UPPER *(ALPHA / WSP)   ; at most two words
fn second_label(phrase: &str, rest: &str, lexicon: &Lexicon) -> bool {
    let shapes = lexicon.shape_limits();
    let label = rest.trim();
    !at_most_words(phrase, shapes.min_labelled_phrase_words.saturating_sub(1))
        && rest.starts_with(char::is_whitespace)
        && label.starts_with(char::is_uppercase)
        && at_most_words(label, shapes.second_label_words)
        && label
            .chars()
            .all(|c| crate::chars::is_alpha(c) || c.is_whitespace())
}

fn tail_rest(rest: &str) -> bool {
    rest.len() <= TAIL_REST_BYTES
        && words(rest)
            .filter(|w| !only_symbols(w))
            .nth(TAIL_REST_WORDS)
            .is_none()
        && !rest.contains(['!', '?', ';'])
        && !rest
            .char_indices()
            .any(|(i, c)| c == '.' && rest[i + 1..].starts_with(char::is_whitespace))
}

/// The `Tail` phrase that opens `line` at byte `at` and closes the line
/// (what follows it is short enough to be the marker's own words).
#[inline]
fn marker_at(line: &str, at: usize, lexicon: &Lexicon) -> Option<Closing> {
    let rest = &line[at..];
    lexicon
        .tails
        .prefixes(rest)
        .find(|&(n, _)| tail_rest(&rest[n..]))
        .map(|(_, &category)| Closing { category, at })
}

/// The leftmost `Tail` phrase that closes `line`, with its byte offset.
///
/// A marker either opens with a symbol ("[…] continua su X") or is a
/// worded phrase after a sentence break ("… Continua a leggere →"): a
/// worded marker that continues a clause ("people should read more") is
/// prose. So only symbols, and the first word after a symbol other than a
/// comma, are looked up; letters and spaces are passed over by the byte
/// search [`symbol_candidates`](crate::vector::symbol_candidates).
pub(crate) fn tail(line: &str, lexicon: &Lexicon) -> Option<Closing> {
    let marker_at = |at: usize| marker_at(line, at, lexicon);
    let bytes = line.as_bytes();
    let mut from = line.len().saturating_sub(TAIL_WINDOW);
    while !line.is_char_boundary(from) {
        from -= 1;
    }
    // Letters, digits and spaces, and the Latin letters of Italian
    // (U+00C0..U+00FF, less × and ÷), are passed over without decoding
    // them; each byte found is a character that may be a symbol (a
    // continuation byte found is that of × or ÷: its character starts at
    // the C3 before it).
    let mut after = from;
    for k in crate::vector::symbol_candidates(&bytes[from..]) {
        let mut i = from + k;
        // A marked continuation byte of the character just looked at.
        if i < after {
            continue;
        }
        while !line.is_char_boundary(i) {
            i -= 1;
        }
        let c = line[i..].chars().next()?;
        after = i + c.len_utf8();
        if !is_alnum(c) && !c.is_whitespace() {
            // Most symbols and words open no marker: their first
            // character says so before a lookup.
            if lexicon.tails.may_open(&line[i..])
                && let Some(found) = marker_at(i)
            {
                return Some(found);
            }
            if c != ',' {
                let word = after + crate::chars::space_len_at(&line[after..]);
                if word > after
                    && starts_alnum(&line[word..])
                    && lexicon.tails.may_open(&line[word..])
                    && let Some(found) = marker_at(word)
                {
                    return Some(found);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`tail`] by its definition, a character at a time: at each symbol
    /// of the window, a phrase that opens there, then one that opens the
    /// word after it (unless the symbol is a comma).
    fn tail_by_chars(line: &str, lexicon: &Lexicon) -> Option<Closing> {
        let marker_at = |at: usize| marker_at(line, at, lexicon);
        let mut from = line.len().saturating_sub(TAIL_WINDOW);
        while !line.is_char_boundary(from) {
            from -= 1;
        }
        for (i, c) in line[from..].char_indices() {
            let i = from + i;
            if c.is_alphanumeric() || c.is_whitespace() {
                continue;
            }
            if let Some(found) = marker_at(i) {
                return Some(found);
            }
            let after = i + c.len_utf8();
            let word = after + (line[after..].len() - line[after..].trim_start().len());
            if c != ','
                && word > after
                && starts_alnum(&line[word..])
                && let Some(found) = marker_at(word)
            {
                return Some(found);
            }
        }
        None
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

        /// The block skipping and the byte tests find what the character
        /// walk finds, on prose with Latin letters, symbols that look like
        /// them (× ÷) and markers at any distance from the end.
        #[test]
        fn tail_agrees_with_its_definition(
            pieces in prop::collection::vec(prop_oneof![
                "[a-zA-Z0-9 ]{1,40}",
                "[àèéìòùÀÈçñ]{1,3}",
                Just("×".to_owned()),
                Just("÷".to_owned()),
                Just(". ".to_owned()),
                Just(", ".to_owned()),
                Just("… ".to_owned()),
                Just("\u{a0}".to_owned()),
                Just("ł".to_owned()),
                Just("[…] continua su X".to_owned()),
                Just(" Continua a leggere →".to_owned()),
                Just(" read more".to_owned()),
                Just("×Read more".to_owned()),
                Just("÷ leggi tutto".to_owned()),
            ], 0..12),
        ) {
            static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
            let lexicon = LEXICON.get_or_init(Lexicon::default);
            let line = pieces.concat();
            prop_assert_eq!(tail(&line, lexicon), tail_by_chars(&line, lexicon), "{:?}", line);
        }
    }

    fn class(line: &str) -> Option<Furniture> {
        furniture(line, &Lexicon::default())
    }

    #[test]
    fn ok_lines() {
        use Category::*;
        use Furniture::Whole;
        assert_eq!(class("Skip to content →"), Some(Whole(SkipLink)));
        assert_eq!(class("Tag: relazione"), Some(Whole(ArchiveHeader)));
        assert_eq!(class("Leave a Comment"), Some(Whole(CommentLink)));
        assert_eq!(class("12 commenti"), Some(Whole(CommentLink)));
        assert_eq!(class("Comments (3)"), Some(Whole(CommentLink)));
        assert_eq!(class("Annunci"), Some(Whole(AdLabel)));
        assert_eq!(
            class("Scritto con WordPress per Android"),
            Some(Whole(Signature))
        );
        assert_eq!(
            class("Tweet about this on TwitterShare on LinkedIn0Share on Facebook0"),
            Some(Whole(ShareBar))
        );
        assert_eq!(class("12 marzo 2015"), Some(Whole(PostMeta)));
        assert_eq!(class("sabato 27 ottobre 2007"), Some(Whole(PostMeta)));
        assert_eq!(class("Monday, March 3, 2015"), Some(Whole(PostMeta)));
        assert_eq!(class("1 2 3 … 94 →"), Some(Whole(Navigation)));
        assert_eq!(class("• 1 • 2 • 3 • Next"), Some(Whole(Navigation)));
        assert_eq!(
            class("« Precedente 1 2 3 Successivo »"),
            Some(Whole(Navigation))
        );
        assert_eq!(class("Continua a leggere →"), Some(Whole(Continuation)));
        assert_eq!(
            class("Posted in Marketing | Leave a comment"),
            Some(Whole(CommentLink))
        );
        assert_eq!(
            class("Pubblicato in Diario | 3 commenti"),
            Some(Whole(CommentLink))
        );
        assert_eq!(
            class("Posted in Marketing | Tagged social"),
            Some(Whole(PostMeta))
        );
        assert_eq!(class("← Post precedente"), Some(Whole(Navigation)));
        assert_eq!(class("« Older posts"), Some(Whole(Navigation)));
        assert_eq!(
            class("Leave a Reply Cancel reply"),
            Some(Whole(CommentForm))
        );
        assert_eq!(
            class("←Precedente: Un titolo qualunque"),
            Some(Whole(Navigation))
        );
        assert_eq!(
            class("Successivo: Un altro titolo, con virgola →"),
            Some(Whole(Navigation))
        );
        assert_eq!(
            class("Previous Post Previous post: A title"),
            Some(Whole(Navigation))
        );
        for drawn in [
            "== forum community ==",
            ":: i social ::",
            "[[ la newsletter ]]",
            "< tags />",
            "© 2025 Il Taccuino. Tutti i diritti riservati.",
            "(c) 2015 Marta",
            "Copyright 2025, Dana Whitlock",
            "Copyright © 2019 Il Taccuino",
        ] {
            assert_eq!(class(drawn), Some(Whole(Footer)), "{drawn}");
        }
        for row in [
            "Tweet Share Email RSS",
            "Facebook | WhatsApp | E-mail",
            "Tweet Post Update Email",
        ] {
            assert_eq!(class(row), Some(Whole(ShareBar)), "{row}");
        }
    }

    #[test]
    fn ok_tail_marker() {
        let line = "the transaction has been completed. […] continua su SNID";
        assert_eq!(
            class(line),
            Some(Furniture::Tail(Category::Continuation, 36))
        );
        let line = "Un testo… Continua a leggere →";
        assert_eq!(
            class(line),
            Some(Furniture::Tail(Category::Continuation, 12))
        );
    }

    #[test]
    fn err_prose() {
        for line in [
            "Rispondi alle domande dei clienti.",
            "People should read more",
            "Tag, you're it",
            "Nel 2017 i commenti erano 12",
            "Dopo 8 anni di blogging, che sia arrivato il momento?",
            "come disse […] la rete è una conversazione tra persone che si parlano.",
            "10 20",
            "Prima: leggi il contratto",
            "Copyright e social media",
            "Home > Blog",
            "[1] [2]",
            "[nota] Il testo che segue",
            "Home page e landing page / due cose diverse / spesso confuse.",
            "Twitter Facebook",
            "Twitter, Facebook e LinkedIn a confronto",
            "Share your plans with your team",
            "Leave a comment below, please.",
            "Lascia un commento qualunque",
            "**Grassetto**",
            "(c) Terza tesi: le reti sono conversazioni",
            "(come dicevo) la rete è una conversazione",
            "«Le aziende non ascoltano» (p. 12)",
        ] {
            assert_eq!(class(line), None, "{line}");
        }
    }
}
