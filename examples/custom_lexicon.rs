//! Parses a Spanish dump by adding Spanish words to the lexicon: a comment
//! link, a thesis word and an episode word. No grammar changes.
//!
//! ```text
//! cargo run --example custom_lexicon
//! ```

use std::io::Write as _;

use tesi::{Category, Lexicon, Options, Parser, Pattern, Words};

const DUMP: &str = "\
Las tesis del pequeño comercio

Tesis 1: escuchar antes de hablar
Tesis 2: responder a todos

Capítulo 3: la tienda en línea

Deja un comentario
";

fn main() {
    let mut lexicon = Lexicon::default();
    lexicon
        .add_boilerplate(Category::CommentLink, Pattern::Line, "Deja un comentario")
        .add_word(Words::ThesisMarker, "tesis")
        .add_word(Words::EpisodeWord, "capítulo");
    let parser = Parser::new(Options::default().lexicon(lexicon));
    let doc = parser.parse(DUMP);
    assert_eq!(doc.theses().count(), 2);
    assert_eq!(doc.episodes().next().and_then(|e| e.number), Some(3));
    // A reader that stops early (`| head`) is not an error.
    let written = std::io::stdout()
        .lock()
        .write_all(doc.outline().to_string().as_bytes());
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("custom_lexicon: {e}");
        std::process::exit(1);
    }
}
