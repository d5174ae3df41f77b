//! The entry points: [`Parser`], its [`Options`], and the phases wired
//! together.

use std::cell::Cell;
use std::sync::{Arc, OnceLock};

use crate::error::{Error, ErrorKind};
use crate::layout::{Model, Verdicts};
use crate::lexicon::{Lexicon, Shapes};
use crate::model::Document;
use crate::{assemble, scan, source};

thread_local! {
    /// The buffer of the line window (see `scan::Window`) of the last parse
    /// on this thread, kept for the next: parsing many documents then does
    /// not ask the allocator for it each time. It holds no text, only
    /// offsets and line kinds, for a chunk of lines (more while a structure
    /// longer than a chunk is read).
    static LINE_TABLE: Cell<Vec<scan::Scanned>> = const { Cell::new(Vec::new()) };
}

/// Largest window buffer kept between parses, in bytes (a structure of
/// about a million lines made it that large).
const MAX_KEPT_TABLE: usize = 64 << 20;

/// How to parse: which words to look for, the sizes the rules of page
/// structure go by, how much input to accept, the layout model.
#[derive(Debug, Clone)]
pub struct Options {
    /// The lexicon, with the shapes in use (the lexicon's own, or those
    /// `Options::shapes` gave).
    lexicon: Arc<Lexicon>,
    /// Shapes given with `Options::shapes`: they hold whatever lexicon is
    /// chosen after them.
    shapes: Option<Shapes>,
    max_input_bytes: Option<usize>,
    layout: Option<Arc<Model>>,
}

impl Default for Options {
    /// Italian and English words; no size limit; the layout model
    /// shipped with the crate.
    fn default() -> Self {
        static DEFAULT: OnceLock<Arc<Lexicon>> = OnceLock::new();
        Options {
            lexicon: DEFAULT.get_or_init(|| Arc::new(Lexicon::default())).clone(),
            shapes: None,
            max_input_bytes: None,
            layout: Some(Model::shipped_shared().clone()),
        }
    }
}

impl Options {
    /// Uses `lexicon` instead of the default Italian and English words.
    pub fn lexicon(mut self, lexicon: Lexicon) -> Self {
        self.lexicon = Arc::new(lexicon);
        if let Some(shapes) = self.shapes.clone() {
            Arc::make_mut(&mut self.lexicon).put_shapes(shapes);
        }
        self
    }

    /// Uses `shapes`, the sizes the rules of page structure go by (how
    /// many words make a link label, a tagline, a byline field), instead
    /// of the defaults, whatever lexicon is chosen before or after.
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
    pub fn shapes(mut self, shapes: Shapes) -> Self {
        Arc::make_mut(&mut self.lexicon).put_shapes(shapes.clone());
        self.shapes = Some(shapes);
        self
    }

    /// The shapes in use.
    pub fn get_shapes(&self) -> &Shapes {
        self.lexicon.shape_limits()
    }

    /// Refuses inputs larger than `limit` bytes with
    /// [`ErrorKind::InputTooLarge`] in [`Parser::parse_bytes`]. Default: no
    /// limit. [`Parser::parse`] takes any `&str` and ignores the limit.
    pub fn max_input_bytes(mut self, limit: Option<usize>) -> Self {
        self.max_input_bytes = limit;
        self
    }

    /// Judges which lines are the page's body with `model` (see
    /// [`crate::layout`]); `None` leaves the page to the lexicon's phrases
    /// and the shapes of the assembly alone. Default: [`Model::shipped`].
    pub fn layout(mut self, model: Option<Model>) -> Self {
        self.layout = model.map(Arc::new);
        self
    }

    /// The layout model in use, if any.
    pub fn get_layout(&self) -> Option<&Model> {
        self.layout.as_deref()
    }

    /// The lexicon in use.
    pub fn get_lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The size limit in use, if any.
    pub fn get_max_input_bytes(&self) -> Option<usize> {
        self.max_input_bytes
    }
}

/// A configured parser. Cheap to clone; parse as many documents as you
/// like with one.
#[derive(Debug, Clone, Default)]
pub struct Parser {
    options: Options,
}

impl Parser {
    /// A parser with `options`.
    pub fn new(options: Options) -> Self {
        Parser { options }
    }

    /// The options in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Parses a dump. Infallible: any text has a structure, if only
    /// paragraphs.
    pub fn parse<'a>(&self, input: &'a str) -> Document<'a> {
        let lexicon = &self.options.lexicon;
        let verdicts = match &self.options.layout {
            Some(model) => Verdicts::of(input, model),
            None => Verdicts::default(),
        };
        let lines = source::lines(input, source::content_start(input));
        let window = scan::Window::new(input, lines, lexicon, LINE_TABLE.take());
        let (doc, table) = assemble::assemble(input, window, lexicon, &verdicts);
        if table.capacity() * std::mem::size_of::<scan::Scanned>() <= MAX_KEPT_TABLE {
            LINE_TABLE.set(table);
        }
        doc
    }

    /// Parses a dump given as bytes: checks the size limit, validates UTF-8
    /// (a leading BOM is skipped; spans still count from the first byte).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidUtf8`] naming the first invalid byte, its line
    /// and column; [`ErrorKind::InputTooLarge`] past
    /// [`Options::max_input_bytes`].
    pub fn parse_bytes<'a>(&self, input: &'a [u8]) -> Result<Document<'a>, Error> {
        if let Some(limit) = self.options.max_input_bytes
            && input.len() > limit
        {
            return Err(Error::at(
                ErrorKind::InputTooLarge {
                    size: input.len(),
                    limit,
                },
                input,
                0,
            ));
        }
        Ok(self.parse(source::decode(input)?))
    }
}
