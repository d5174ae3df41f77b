//! Prints a table of the theses of each file: number, text, the heading
//! of its list and the numbers missing from that list.
//!
//! ```text
//! cargo run --example theses -- fixtures/it_tesi_stili.txt fixtures/en_theses.txt
//! ```

#[path = "shared/dumps.rs"]
mod dumps;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[derive(Parser)]
#[command(
    about = "Print the theses of each dump: number, text, their list's heading and the numbers it lacks",
    after_help = "Example:\n  theses fixtures/it_tesi_stili.txt fixtures/en_theses.txt\n\n\
        Exit status: 0 all parsed, 1 some files failed, 2 bad usage or no .txt file found."
)]
struct Args {
    /// The dumps to read: .txt files, or directories searched with their
    /// subfolders.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let paths = match dumps::expand(&Args::parse().files) {
        Ok(paths) => paths,
        Err(e) => {
            eprintln!("theses: {e}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for file in &paths {
        let path = file.display();
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("theses: {path}: {e}");
                failed = true;
                continue;
            }
        };
        let doc = match tesi::parse_bytes(&bytes) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("theses: {path}: {e}");
                failed = true;
                continue;
            }
        };
        let mut table = format!("{path}\n");
        for list in doc.thesis_lists() {
            let heading = list.heading.as_deref().unwrap_or("(no heading)");
            let partial = if list.declared_partial {
                ", declared partial"
            } else {
                ""
            };
            let missing: Vec<String> = list.missing.iter().map(u32::to_string).collect();
            let missing = if missing.is_empty() {
                String::new()
            } else {
                format!(", missing {}", missing.join(" "))
            };
            let _ = writeln!(
                table,
                "  {heading} ({} theses{partial}{missing})",
                list.items.len()
            );
            for t in &list.items {
                let _ = writeln!(table, "  {:>5}  {}", t.number, t.text);
            }
        }
        // A reader that stops early (`| head`) is not an error.
        match std::io::stdout().lock().write_all(table.as_bytes()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => break,
            Err(e) => {
                eprintln!("theses: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
