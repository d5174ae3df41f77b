//! Prints a table of the theses of each file: number, text, the heading
//! of its list and the numbers missing from that list.
//!
//! ```text
//! cargo run --example theses -- fixtures/it_tesi_stili.txt fixtures/en_theses.txt
//! ```

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: theses FILE...");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for path in &paths {
        let bytes = match std::fs::read(path) {
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
