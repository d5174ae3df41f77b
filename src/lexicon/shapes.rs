//! The numbers the rules of page structure go by.

/// The sizes the rules that find furniture and titles by their shape go
/// by: how many words make a link label, a tagline or a byline field, how
/// much recognised furniture makes a page's foot. The words of a language
/// are the lexicon's lists; these numbers are options of the parse
/// ([`Options::shapes`](crate::Options::shapes)), so that a corpus with
/// other habits can tune them without touching code.
///
/// ```
/// use tesi::{Options, Parser, Shapes};
///
/// let menu = "  • La nostra storia in breve\n  • I prodotti del nostro negozio\n  • Dove trovarci\n";
/// // By default, entries of five words are more than link labels.
/// assert_eq!(tesi::parse(menu).recommendation_items().count(), 3);
///
/// // Menus of this site have entries of up to six words.
/// let mut shapes = Shapes::default();
/// shapes.max_link_words = 6;
/// let parser = Parser::new(Options::default().shapes(shapes));
/// assert_eq!(parser.parse(menu).recommendation_items().count(), 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Shapes {
    /// Most words of an item of a list of links ("Editoriali di Dario
    /// Fadda"): a bulleted list with no lead-in whose items are all this
    /// short, with no sentence or clause punctuation, is navigation.
    /// Default 4.
    pub max_link_words: usize,
    /// Fewest items of such a list of links: two short items are as often
    /// the author's ("• Pro • Contro"). Default 3.
    pub min_links: usize,
    /// Most words of a line of a byline printed one field a line
    /// ("Published by", "Rocco Sicilia", "on"). Default 3.
    pub max_byline_words: usize,
    /// Most lines of such a byline above its date line. Default 4.
    pub max_byline_lines: usize,
    /// Most words of a line of a site's tagline under its name. Default
    /// 12.
    pub max_tagline_words: usize,
    /// Most lines of a site's tagline. Default 3.
    pub max_tagline_lines: usize,
    /// Most words of a section heading: a headline printed under the
    /// post's byline is longer than this. Default 12.
    pub max_section_heading_words: usize,
    /// Fewest lines of recognised furniture in the dense run that ends a
    /// page for that run to be its foot. Default 2.
    pub min_foot_anchors: usize,
    /// Fewest blank lines between the blocks of the body above a page's
    /// foot: the author's blocks are written apart. Default 2.
    pub min_body_breaks: usize,
    /// Most words of a paragraph in a page's foot that is a label, not
    /// the author's last words above it. Default 12.
    pub max_foot_label_words: usize,
    /// Most words of a paragraph under a post's comment form that is the
    /// page's (a notice, the author's box); a longer one is a reader's
    /// comment and stays. Default 30.
    pub max_form_notice_words: usize,
    /// Fewest items of a list of data (addresses, dated events). Default
    /// 2.
    pub min_data_items: usize,
    /// Most words beside the address in an item of a list of addresses
    /// ("Canale YouTube:"). Default 4.
    pub max_address_label_words: usize,
    /// Fewest and most words of a row of share buttons printed on one line
    /// ("Tweet Share Email RSS"). Defaults 3 and 8.
    pub min_share_row_words: usize,
    /// See [`Shapes::min_share_row_words`].
    pub max_share_row_words: usize,
    /// Most words of a breadcrumb trail ("Home > Blog > Titolo").
    /// Default 20.
    pub max_breadcrumb_words: usize,
    /// Most words of a copyright notice. Default 20.
    pub max_copyright_words: usize,
    /// Most marks on each side of a widget title drawn between marks
    /// ("== forum ==", ":: i social ::"). Default 3.
    pub max_drawn_marks: usize,
    /// Most words inside such a drawn title. Default 6.
    pub max_drawn_words: usize,
    /// Most words before the colon of a link to the post before or after
    /// ("Previous Post Previous post: title"). Default 4.
    pub max_adjacent_label_words: usize,
    /// Most words of a second label after a whole-line phrase ("Leave a
    /// Reply Cancel reply"). Default 2.
    pub second_label_words: usize,
    /// Fewest words of a whole-line phrase that may have such a second
    /// label. Default 2.
    pub min_labelled_phrase_words: usize,
    /// Most bytes from a heading the layout stage judged the page's to
    /// the body below it for the heading to introduce that body and stay
    /// (jusText keeps a short heading near good text). Default 60.
    pub heading_reach: usize,
}

impl Default for Shapes {
    fn default() -> Self {
        Shapes {
            max_link_words: 4,
            min_links: 3,
            max_byline_words: 3,
            max_byline_lines: 4,
            max_tagline_words: 12,
            max_tagline_lines: 3,
            max_section_heading_words: 12,
            min_foot_anchors: 2,
            min_body_breaks: 2,
            max_foot_label_words: 12,
            max_form_notice_words: 30,
            min_data_items: 2,
            max_address_label_words: 4,
            min_share_row_words: 3,
            max_share_row_words: 8,
            max_breadcrumb_words: 20,
            max_copyright_words: 20,
            max_drawn_marks: 3,
            max_drawn_words: 6,
            max_adjacent_label_words: 4,
            second_label_words: 2,
            min_labelled_phrase_words: 2,
            heading_reach: 60,
        }
    }
}
