//! Prints a dump's structure as JSON, in the contract `schema/output.md`
//! describes (`schema/tesi.schema.json` is its JSON Schema).
//!
//! ```text
//! cargo run --release --example extract -- FILE [--compact] [-o OUT.json]
//! ```
//!
//! Pretty-printed by default; `--compact` prints one line. On bad input
//! (unreadable file, invalid UTF-8) it names the file, byte offset, line and
//! column on stderr and exits with status 1. `--lossy` repairs invalid
//! UTF-8 instead (U+FFFD), says on one line how many sequences it replaced
//! and where the first was, and prints spans that index the repaired text.
//! `--max-bytes N` refuses a larger file by its size, before reading it
//! (no limit by default). `--no-layout` leaves the page to the lexicon's
//! phrases and shapes, without the layout model.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[derive(Parser)]
#[command(
    about = "Print a dump's structure as JSON, in the contract of schema/output.md",
    after_help = "Examples:\n  extract fixtures/en_tag_archive.txt\n  \
        extract dump.txt --compact -o dump.json\n  extract broken.txt --lossy\n\n\
        Exit status: 0 parsed, 1 the file could not be read or parsed, 2 bad usage."
)]
struct Args {
    /// The dump to read.
    file: String,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// One line of JSON instead of pretty-printed.
    #[arg(long)]
    compact: bool,
    /// Repair invalid UTF-8 (U+FFFD) instead of refusing it; spans index
    /// the repaired text.
    #[arg(long)]
    lossy: bool,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "N")]
    max_bytes: Option<usize>,
    /// Judge the page by the lexicon's phrases and shapes alone, without
    /// the layout stage's model.
    #[arg(long)]
    no_layout: bool,
}

fn main() -> ExitCode {
    let Args {
        file: path,
        output,
        compact,
        lossy,
        max_bytes,
        no_layout,
    } = Args::parse();
    let bytes = match read(&path, max_bytes) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("extract: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut options = tesi::Options::default().max_input_bytes(max_bytes);
    if no_layout {
        options = options.layout(None);
    }
    let parser = tesi::Parser::new(options);
    let repaired;
    let doc = if lossy {
        repaired = tesi::repair_utf8(&bytes);
        if let Some(first) = repaired.invalid.first() {
            let n = repaired.invalid.len();
            eprintln!(
                "extract: {path}: replaced {n} invalid UTF-8 sequence{} with U+FFFD, the first at byte {first}",
                if n == 1 { "" } else { "s" }
            );
        }
        parser.parse(&repaired.text)
    } else {
        match parser.parse_bytes(&bytes) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("extract: {path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    };
    let json = if compact {
        serde_json::to_string(&doc)
    } else {
        serde_json::to_string_pretty(&doc)
    };
    let json = match json {
        Ok(json) => json,
        Err(e) => {
            eprintln!("extract: {path}: cannot serialise the document: {e}");
            return ExitCode::FAILURE;
        }
    };
    let written = match &output {
        Some(file) => std::fs::write(file, format!("{json}\n")),
        None => {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{json}").and_then(|()| out.flush())
        }
    };
    match written {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            let to = output.as_ref().map_or_else(
                || String::from("standard output"),
                |p| p.display().to_string(),
            );
            eprintln!("extract: {to}: cannot write the JSON: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

/// The bytes of the file at `path`; past `limit`, an error that says the
/// size and the limit, found from the file's size before it is read (and
/// from what was read, should the file grow meanwhile).
fn read(path: &str, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let Some(limit) = limit else {
        let mut bytes = Vec::new();
        (&file).read_to_end(&mut bytes)?;
        return Ok(bytes);
    };
    let too_large = |size: u64| {
        std::io::Error::other(format!(
            "{size} bytes is larger than the limit of {limit} bytes (--max-bytes)"
        ))
    };
    let size = file.metadata()?.len();
    if size > limit as u64 {
        return Err(too_large(size));
    }
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}
