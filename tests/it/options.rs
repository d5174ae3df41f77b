//! The parse's options: shapes hold whatever lexicon is chosen around
//! them.

use tesi::{Lexicon, Options, Parser, Shapes};

const MENU: &str =
    "  • La nostra storia in breve\n  • I prodotti del nostro negozio\n  • Dove trovarci\n";

#[test]
fn ok_shapes_hold_before_and_after_a_lexicon() {
    let mut shapes = Shapes::default();
    shapes.max_link_words = 6;
    for options in [
        Options::default()
            .shapes(shapes.clone())
            .lexicon(Lexicon::default()),
        Options::default()
            .lexicon(Lexicon::default())
            .shapes(shapes.clone()),
    ] {
        assert_eq!(options.get_shapes().max_link_words, 6);
        let doc = Parser::new(options).parse(MENU);
        assert_eq!(doc.recommendation_items().count(), 0);
    }
    // The defaults, untouched, read the entries as recommendations.
    assert_eq!(Options::default().get_shapes(), &Shapes::default());
    assert_eq!(tesi::parse(MENU).recommendation_items().count(), 3);
}

/// The deprecated way still works for one release.
#[test]
#[allow(deprecated)]
fn ok_lexicon_shapes_still_answer() {
    let mut shapes = Shapes::default();
    shapes.max_link_words = 6;
    let mut lexicon = Lexicon::default();
    lexicon.set_shapes(shapes);
    assert_eq!(lexicon.shapes().max_link_words, 6);
    let parser = Parser::new(Options::default().lexicon(lexicon));
    assert_eq!(parser.parse(MENU).recommendation_items().count(), 0);
}
