//! Parses files and prints what they hold and how fast they parsed.
//!
//! ```text
//! cargo run --release --example stats -- FILE...
//! ```

#[path = "shared/dumps.rs"]
mod dumps;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

#[derive(Parser)]
#[command(
    about = "Parse dumps and print what each holds and how fast it parsed",
    after_help = "Example:\n  stats fixtures/*.txt\n\n\
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
            eprintln!("stats: {e}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for file in &paths {
        let path = file.display();
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("stats: {path}: {e}");
                failed = true;
                continue;
            }
        };
        let start = Instant::now();
        let doc = match tesi::parse_bytes(&bytes) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("stats: {path}: {e}");
                failed = true;
                continue;
            }
        };
        let elapsed = start.elapsed();
        let mbs = bytes.len() as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9);
        let line = writeln!(
            std::io::stdout().lock(),
            "{path}: {} bytes in {elapsed:.2?} ({mbs:.1} MB/s): {}, {}, {}, {}, {}, {} boilerplate",
            bytes.len(),
            count(doc.posts.len(), "post", "posts"),
            count(doc.blocks().count(), "block", "blocks"),
            count(doc.thesis_items().count(), "thesis", "theses"),
            count(
                doc.recommendation_items().count(),
                "recommendation",
                "recommendations"
            ),
            count(doc.episodes().count(), "episode", "episodes"),
            doc.boilerplate().count(),
        );
        // A reader that stops early (`| head`) is not an error.
        match line {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => break,
            Err(e) => {
                eprintln!("stats: {e}");
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

/// `n` and the noun, in the singular for one.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
