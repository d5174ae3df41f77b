//! An independent check of the speed comparison that `benches/parse.rs`
//! makes with criterion: `tesi::parse` and pulldown-cmark on the same
//! documents, timed in one process, runs interleaved, best of each.
//!
//! ```text
//! cargo run --release -p tesi-benches --bin compare                  # fixtures/, 32 MB
//! cargo run --release -p tesi-benches --bin compare -- --size 64 DIR_OR_FILE...
//! cargo run --release -p tesi-benches --bin compare -- --save-pair target/pair
//! cargo run --release -p tesi-benches --bin compare -- --pair target/pair.txt target/pair.md
//! ```
//!
//! By default the corpus is every `.txt` file given (a directory stands for
//! its `.txt` files; the crate's `fixtures/` when none is given), repeated
//! up to `--size` megabytes. Its CommonMark twin is rendered from what tesi
//! finds in each document, so that both parsers read the same words in the
//! same structure: titles as `#` headings, headings as `##`, theses as `1.`
//! items, recommendations as `-` items under their lead-in, the rest as
//! paragraphs. `--save-pair PREFIX` also writes the two as `PREFIX.txt` and
//! `PREFIX.md`; `--pair` times such a pair, or a dump against a CommonMark
//! file made elsewhere.
//!
//! Throughput is megabytes of each parser's own input per second; tesi's
//! time includes building and dropping the whole `Document`,
//! pulldown-cmark's iterating every event of `Parser::new` with default
//! options.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use tesi::{Block, Document};

const MB: usize = 1 << 20;

#[derive(Parser)]
#[command(
    about = "Time tesi::parse against pulldown-cmark on the same documents, in one process",
    long_about = "Time tesi::parse against pulldown-cmark on the same documents, in one \
        process, rounds interleaved, best of each.\n\n\
        The text is every .txt file given (a directory stands for its .txt files; \
        the crate's fixtures/ when none is given), repeated up to --size MiB; its \
        CommonMark twin is rendered from what tesi finds in each document (titles as \
        # headings, theses as 1. items, recommendations as - items, the rest as \
        paragraphs), so that both parsers read the same words in the same structure.",
    after_help = "Examples:\n  \
        compare\n  \
        compare --size 64 fixtures\n  \
        compare --save-pair target/pair && compare --pair target/pair.txt target/pair.md\n\n\
        Prints each parser's MiB/s and the ratio tesi / pulldown-cmark.\n\
        Exit status: 0 timed, 1 an input could not be read or held no text, 2 bad usage."
)]
struct Args {
    /// Dumps to time: .txt files, or directories of them [default: fixtures/].
    inputs: Vec<PathBuf>,
    /// MiB of text to build by repeating the documents.
    #[arg(long, default_value_t = 32)]
    size: usize,
    /// Interleaved rounds; the best time of each parser counts.
    #[arg(long, default_value_t = 10)]
    runs: usize,
    /// Time this dump against this CommonMark file instead.
    #[arg(long, num_args = 2, value_names = ["TXT", "MD"], conflicts_with_all = ["inputs", "save_pair"])]
    pair: Option<Vec<PathBuf>>,
    /// Also write the text and its CommonMark twin as PREFIX.txt and PREFIX.md.
    #[arg(long, value_name = "PREFIX")]
    save_pair: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let corpus = match &args.pair {
        Some(pair) => read_pair(&pair[0], &pair[1]),
        None => {
            let mut inputs = args.inputs.clone();
            if inputs.is_empty() {
                inputs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures"));
            }
            build(&inputs, args.size * MB)
        }
    };
    let (text, markdown) = match corpus {
        Ok(pair) => pair,
        Err(e) => {
            eprintln!("compare: {e}");
            return ExitCode::FAILURE;
        }
    };
    if text.is_empty() {
        eprintln!("compare: no text to parse");
        return ExitCode::FAILURE;
    }
    if let Some(prefix) = &args.save_pair {
        for (ext, content) in [("txt", &text), ("md", &markdown)] {
            let path = prefix.with_extension(ext);
            let written = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&path, content));
            if let Err(e) = written {
                eprintln!("compare: {}: cannot write: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let (tesi, cmark) = time(&text, &markdown, args.runs.max(1));
    let rate = |bytes: usize, t: Duration| bytes as f64 / MB as f64 / t.as_secs_f64().max(1e-9);
    let (ours, theirs) = (rate(text.len(), tesi), rate(markdown.len(), cmark));
    println!(
        "tesi::parse     {:>10} bytes  best {tesi:>9.2?}  {ours:>7.1} MiB/s",
        text.len()
    );
    println!(
        "pulldown-cmark  {:>10} bytes  best {cmark:>9.2?}  {theirs:>7.1} MiB/s",
        markdown.len()
    );
    println!("ratio (tesi / pulldown-cmark): {:.2}", ours / theirs);
    ExitCode::SUCCESS
}

/// The best time of each parser over `runs` interleaved rounds, so that a
/// slow spell of the machine hits both.
fn time(text: &str, markdown: &str, runs: usize) -> (Duration, Duration) {
    let (mut tesi, mut cmark) = (Duration::MAX, Duration::MAX);
    for _ in 0..runs {
        let start = Instant::now();
        let doc = tesi::parse(std::hint::black_box(text));
        std::hint::black_box(doc.posts.len() + doc.blocks().count());
        drop(doc);
        tesi = tesi.min(start.elapsed());
        let start = Instant::now();
        let events = pulldown_cmark::Parser::new(std::hint::black_box(markdown)).count();
        std::hint::black_box(events);
        cmark = cmark.min(start.elapsed());
    }
    (tesi, cmark)
}

fn read_pair(text: &Path, markdown: &Path) -> Result<(String, String), String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    Ok((read(text)?, read(markdown)?))
}

/// The `.txt` files of `inputs`, each with its CommonMark rendering,
/// repeated up to `size` bytes of text.
fn build(inputs: &[PathBuf], size: usize) -> Result<(String, String), String> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries =
                std::fs::read_dir(input).map_err(|e| format!("{}: {e}", input.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    let mut docs = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let markdown = render(&text, &tesi::parse(&text));
        docs.push((text, markdown));
    }
    let (mut text, mut markdown) = (String::new(), String::new());
    while !docs.is_empty() && text.len() < size {
        for (t, m) in &docs {
            text.push_str(t);
            text.push_str("\n\n");
            markdown.push_str(m);
            markdown.push_str("\n\n");
        }
    }
    Ok((text, markdown))
}

/// A document as CommonMark: the structure tesi found, in Markdown's terms.
fn render(source: &str, doc: &Document<'_>) -> String {
    let mut out = String::new();
    let para = |out: &mut String, text: &str| {
        let _ = write!(out, "{text}\n\n");
    };
    for b in &doc.front {
        para(&mut out, &b.text);
    }
    for post in &doc.posts {
        if let Some(title) = &post.title {
            let _ = write!(out, "# {}\n\n", title.text);
        }
        for block in &post.blocks {
            match block {
                Block::Heading(h) => {
                    let _ = write!(out, "## {}\n\n", h.text);
                }
                Block::Paragraph(p) => para(&mut out, &p.text),
                Block::ThesisList(list) => {
                    if let Some(h) = &list.heading {
                        para(&mut out, h);
                    }
                    for t in &list.items {
                        let _ = writeln!(out, "{}. {}", t.number, t.text);
                    }
                    out.push('\n');
                }
                Block::RecommendationList(list) => {
                    if let Some(lead) = &list.lead_in {
                        para(&mut out, lead);
                    }
                    for r in &list.items {
                        let indent = "  ".repeat(r.level as usize);
                        let _ = writeln!(out, "{indent}- {}", r.text);
                    }
                    out.push('\n');
                }
                Block::Boilerplate(b) => para(&mut out, &b.text),
                // Episode headers and series links: their lines as written.
                other => {
                    let span = other.span();
                    para(&mut out, &source[span.start..span.end]);
                }
            }
        }
    }
    out
}
