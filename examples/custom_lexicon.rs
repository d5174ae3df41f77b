//! Parses a Spanish dump by adding Spanish words to the lexicon: a comment
//! link, a thesis word and an episode word. No grammar changes.
//!
//! ```text
//! cargo run --example custom_lexicon
//! ```

use std::io::Write as _;

use clap::Parser as _;
use tesi::{Category, Lexicon, Options, Parser, Pattern, Words};

#[derive(clap::Parser)]
#[command(
    about = "Parse a Spanish dump by adding Spanish words to the lexicon, and print its outline",
    long_about = "Parse a Spanish dump by adding Spanish words to the lexicon (a comment link, \
        a thesis word, an episode word), with no grammar changed, and print the outline of \
        what it finds. The dump and the words are in the example's source: copy it to \
        teach tesi another language's words.",
    after_help = "Example:\n  cargo run --example custom_lexicon\n\n\
        Exit status: 0 printed, 1 the output could not be written, 2 bad usage."
)]
struct Args {}

const DUMP: &str = "\
Las tesis del pequeño comercio

Tesis 1: escuchar antes de hablar
Tesis 2: responder a todos

Capítulo 3: la tienda en línea

Deja un comentario
";

fn main() {
    let Args {} = Args::parse();
    let mut lexicon = Lexicon::default();
    lexicon
        .add_boilerplate(Category::CommentLink, Pattern::Line, "Deja un comentario")
        .add_word(Words::ThesisMarker, "tesis")
        .add_word(Words::EpisodeWord, "capítulo");
    let parser = Parser::new(Options::default().lexicon(lexicon));
    let doc = parser.parse(DUMP);
    assert_eq!(doc.thesis_items().count(), 2);
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
