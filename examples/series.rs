//! Prints the series found in a directory of dumps: each series with its
//! missing episode numbers, then its episodes in order.
//!
//! ```text
//! cargo run --example series -- fixtures/series
//! ```

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use tesi::series::Catalog;

#[derive(Parser)]
#[command(
    about = "Print the series found in a directory of dumps: each with its missing episodes, then its episodes in order",
    after_help = "Example:\n  series fixtures/series\n\n\
        Exit status: 0 all parsed, 1 some files failed, 2 bad usage."
)]
struct Args {
    /// A directory of .txt dumps.
    dir: String,
}

fn main() -> ExitCode {
    let dir = Args::parse().dir;
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(e) => {
            eprintln!("series: {dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    paths.sort();
    let mut catalog = Catalog::new();
    let mut failed = false;
    for path in &paths {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("series: {}: {e}", path.display());
                failed = true;
                continue;
            }
        };
        match tesi::parse_bytes(&bytes) {
            Ok(doc) => catalog.add(&name, &doc),
            Err(e) => {
                eprintln!("series: {}: {e}", path.display());
                failed = true;
            }
        }
    }
    // A reader that stops early (`| head`) is not an error.
    let mut out = std::io::stdout().lock();
    if let Err(e) = write!(out, "{catalog}").and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("series: {e}");
        failed = true;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
