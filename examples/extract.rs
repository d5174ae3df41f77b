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
//! spans that index the repaired text.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut compact = false;
    let mut lossy = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--compact" => compact = true,
            "--lossy" => lossy = true,
            "-h" | "--help" => {
                println!("usage: extract FILE [--compact] [--lossy]");
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
        eprintln!("usage: extract FILE [--compact] [--lossy]");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("extract: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let repaired;
    let doc = if lossy {
        repaired = tesi::repair_utf8(&bytes);
        for offset in &repaired.invalid {
            eprintln!("extract: {path}: replaced invalid UTF-8 at byte {offset}");
        }
        tesi::parse(&repaired.text)
    } else {
        match tesi::parse_bytes(&bytes) {
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
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("extract: {path}: cannot write JSON: {e}");
            ExitCode::FAILURE
        }
    }
}
