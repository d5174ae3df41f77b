//! Prints the series found in dumps: each series with its missing episode
//! numbers (as ranges), then its episodes in order.
//!
//! ```text
//! cargo run --example series -- fixtures/series
//! cargo run --example series -- dumps/ --site file
//! ```
//!
//! A series is one site's. By default the files directly in one folder
//! are taken as one site's (`--site folder`): keep each site's dumps in a
//! folder of its own. `--site file` takes each file as a site of its own
//! (a folder of pages from many sites); `--site all` joins series of the
//! same name across everything given.

#[path = "shared/dumps.rs"]
mod dumps;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use tesi::series::Catalog;

#[derive(Parser)]
#[command(
    about = "Print the series found in dumps: each with its missing episodes, then its episodes in order",
    after_help = "Examples:\n  series fixtures/series\n  series dumps/ --site file\n\n\
        A series is one site's: by default the files directly in one folder are one site's.\n\n\
        Exit status: 0 all parsed, 1 some files failed, 2 bad usage or no .txt file found."
)]
struct Args {
    /// Dumps: .txt files, or directories searched with their subfolders.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// What one site is: a series never joins episodes of two sites.
    #[arg(long, value_enum, default_value_t = Site::Folder)]
    site: Site,
}

/// What the `--site` option takes as one site.
#[derive(Clone, Copy, ValueEnum)]
enum Site {
    /// The files directly in one folder.
    Folder,
    /// Each file.
    File,
    /// Everything given: series join across all files.
    All,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let paths = match dumps::expand(&args.inputs) {
        Ok(paths) => paths,
        Err(e) => {
            eprintln!("series: {e}");
            return ExitCode::from(2);
        }
    };
    let mut catalog = Catalog::new();
    let mut failed = false;
    for path in &paths {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let site = match args.site {
            Site::Folder => path
                .parent()
                .map_or_else(String::new, |p| p.display().to_string()),
            Site::File => path.display().to_string(),
            Site::All => String::new(),
        };
        let parsed = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                let doc = tesi::parse_bytes(&bytes).map_err(|e| e.to_string())?;
                catalog.add_from(&site, &name, &doc);
                Ok(())
            });
        if let Err(e) = parsed {
            eprintln!("series: {}: {e}", path.display());
            failed = true;
        }
    }
    // A reader that stops early (`| head`) is not an error.
    let mut out = std::io::stdout().lock();
    if let Err(e) = write!(out, "{catalog}").and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("series: standard output: cannot write: {e}");
        failed = true;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
