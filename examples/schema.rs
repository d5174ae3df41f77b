//! Prints the JSON Schema of the JSON contract (`schema/output.md`);
//! `schema/tesi.schema.json` is this output. The schema is made from the
//! types themselves, with the `schema` feature:
//!
//! ```text
//! cargo run --features schema --example schema > schema/tesi.schema.json
//! ```
//!
//! Built without the feature, it says the command that works and exits
//! with status 2.

use std::process::ExitCode;

use clap::Parser;

#[derive(Parser)]
#[command(
    about = "Print the JSON Schema of tesi's JSON output (needs the `schema` feature)",
    after_help = "Example:\n  cargo run --features schema --example schema > schema/tesi.schema.json\n\n\
        Exit status: 0 printed, 1 the output could not be written, 2 bad usage or built\n\
        without the `schema` feature."
)]
struct Args {}

fn main() -> ExitCode {
    let Args {} = Args::parse();
    print_schema()
}

#[cfg(feature = "schema")]
fn print_schema() -> ExitCode {
    use std::io::Write as _;
    let json = match serde_json::to_string_pretty(&tesi::json_schema()) {
        Ok(json) => json,
        Err(e) => {
            eprintln!("schema: cannot serialise the schema: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{json}").and_then(|()| out.flush()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("schema: standard output: cannot write: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

#[cfg(not(feature = "schema"))]
fn print_schema() -> ExitCode {
    eprintln!(
        "schema: the schema is made with the `schema` feature: \
         cargo run --features schema --example schema"
    );
    ExitCode::from(2)
}
