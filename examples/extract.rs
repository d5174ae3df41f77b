//! Prints a dump's structure as JSON, in the contract of `spec/output.md`.
//!
//! ```text
//! cargo run --release --example extract -- FILE [--compact]
//! ```
//!
//! Pretty-printed by default; `--compact` prints one line. On bad input
//! (unreadable file, invalid UTF-8) it names the file, byte offset, line and
//! column on stderr and exits with status 1. `--lossy` repairs invalid
//! UTF-8 instead (U+FFFD), names each repaired offset on stderr, and prints
//! spans that index the repaired text. `--max-bytes N` refuses larger
//! inputs with an error (no limit by default).

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut compact = false;
    let mut lossy = false;
    let mut max_bytes: Option<usize> = None;
    let mut args = std::env::args().skip(1);
    let mut path = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--max-bytes" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => max_bytes = Some(n),
                None => {
                    eprintln!("extract: --max-bytes takes a number of bytes");
                    return ExitCode::from(2);
                }
            },
            "--compact" => compact = true,
            "--lossy" => lossy = true,
            "-h" | "--help" => {
                println!("usage: extract FILE [--compact] [--lossy] [--max-bytes N]");
                return ExitCode::SUCCESS;
            }
            _ if path.is_none() => path = Some(arg),
            _ => {
                eprintln!("extract: unexpected argument `{arg}`");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = path else {
        eprintln!("usage: extract FILE [--compact] [--lossy] [--max-bytes N]");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("extract: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let parser = tesi::Parser::new(tesi::Options::default().max_input_bytes(max_bytes));
    if let Some(limit) = max_bytes
        && lossy
        && bytes.len() > limit
    {
        eprintln!(
            "extract: {path}: input of {} bytes is larger than the limit of {limit} bytes",
            bytes.len()
        );
        return ExitCode::FAILURE;
    }
    let repaired;
    let doc = if lossy {
        repaired = tesi::repair_utf8(&bytes);
        for offset in &repaired.invalid {
            eprintln!("extract: {path}: replaced invalid UTF-8 at byte {offset}");
        }
        tesi::parse(&repaired.text)
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
    match json {
        Ok(json) => {
            // A reader that stops early (`| head`) is not an error.
            let mut out = std::io::stdout().lock();
            match writeln!(out, "{json}").and_then(|()| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("extract: {path}: cannot write JSON: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(e) => {
            eprintln!("extract: {path}: cannot write JSON: {e}");
            ExitCode::FAILURE
        }
    }
}
