//! Parses files and prints what they hold and how fast they parsed.
//!
//! ```text
//! cargo run --release --example stats -- FILE...
//! ```

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

#[derive(Parser)]
#[command(
    about = "Parse dumps and print what each holds and how fast it parsed",
    after_help = "Example:\n  stats fixtures/*.txt\n\n\
        Exit status: 0 all parsed, 1 some files failed, 2 bad usage."
)]
struct Args {
    /// The dumps to read.
    #[arg(required = true)]
    files: Vec<String>,
}

fn main() -> ExitCode {
    let paths = Args::parse().files;
    let mut failed = false;
    for path in &paths {
        let bytes = match std::fs::read(path) {
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
        let mbs = bytes.len() as f64 / (1u64 << 20) as f64 / elapsed.as_secs_f64().max(1e-9);
        let line = writeln!(
            std::io::stdout().lock(),
            "{path}: {} bytes in {elapsed:.2?} ({mbs:.1} MB/s): {} posts, {} blocks, {} theses, {} recommendations, {} episodes, {} boilerplate",
            bytes.len(),
            doc.posts.len(),
            doc.blocks().count(),
            doc.thesis_items().count(),
            doc.recommendation_items().count(),
            doc.episodes().count(),
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
