//! Parses a corpus in parallel and writes JSON Lines, one line per
//! document: `{"id": ..., "document": <the extract contract>}`.
//!
//! ```text
//! cargo run --release --example corpus -- DIR            # every .txt file in DIR
//! cargo run --release --example corpus -- corpus.jsonl   # {"id": ..., "text": ...} per line
//! cat corpus.jsonl | cargo run --release --example corpus -- -o out.jsonl
//! ```
//!
//! Documents are read, parsed (on every core, with rayon) and written in
//! batches, in input order, so memory stays flat however large the corpus.
//! A document that fails (invalid UTF-8, a bad JSON line) is reported on
//! stderr with its id or line number and skipped; the exit status is 1 when
//! any failed. A progress bar shows on stderr when it is a terminal; a
//! summary ends the run. In stdin-to-stdout mode it is a streaming mapper
//! for engines such as Spark's `RDD.pipe` or Hadoop Streaming.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde_json::Value;

/// Documents per batch: enough to keep every core busy, few enough to
/// keep memory flat.
const BATCH_DOCS: usize = 512;
/// Bytes per batch, whichever limit comes first.
const BATCH_BYTES: usize = 64 << 20;

/// One document to parse: its id, where it came from (for messages), and
/// its bytes or the reason it could not be read.
struct Input {
    id: Value,
    origin: String,
    bytes: Result<Vec<u8>, String>,
}

/// One output line.
#[derive(serde::Serialize)]
struct Record<'a> {
    id: &'a Value,
    document: &'a tesi::Document<'a>,
}

/// What parsing one document gave.
struct Output {
    line: Result<String, String>,
    origin: String,
    bytes: usize,
    kinds: BTreeMap<&'static str, usize>,
}

fn parse_one(input: Input) -> Output {
    let bytes = input.bytes.as_ref().map_or(0, Vec::len);
    let mut kinds = BTreeMap::new();
    let line = input.bytes.and_then(|bytes| {
        let doc = tesi::parse_bytes(&bytes).map_err(|e| e.to_string())?;
        for kind in std::iter::repeat_n("post", doc.posts.len())
            .chain(std::iter::repeat_n("boilerplate", doc.front.len()))
            .chain(doc.blocks().map(tesi::Block::kind))
        {
            *kinds.entry(kind).or_default() += 1;
        }
        let record = Record {
            id: &input.id,
            document: &doc,
        };
        serde_json::to_string(&record).map_err(|e| e.to_string())
    });
    Output {
        line,
        origin: input.origin,
        bytes,
        kinds,
    }
}

/// Where documents come from.
enum Source {
    Files(std::vec::IntoIter<PathBuf>),
    Lines {
        reader: Box<dyn BufRead>,
        number: usize,
    },
}

impl Source {
    /// The next batch of documents, or an empty batch at the end.
    fn batch(&mut self) -> io::Result<Vec<Input>> {
        let mut batch = Vec::new();
        let mut size = 0;
        while batch.len() < BATCH_DOCS && size < BATCH_BYTES {
            let Some(input) = self.next_input()? else {
                break;
            };
            size += input.bytes.as_ref().map_or(0, Vec::len);
            batch.push(input);
        }
        Ok(batch)
    }

    fn next_input(&mut self) -> io::Result<Option<Input>> {
        match self {
            Source::Files(paths) => Ok(paths.next().map(|path| {
                let name = path.display().to_string();
                Input {
                    id: Value::String(name.clone()),
                    bytes: std::fs::read(&path).map_err(|e| e.to_string()),
                    origin: name,
                }
            })),
            Source::Lines { reader, number } => {
                let mut line = Vec::new();
                loop {
                    line.clear();
                    if reader.read_until(b'\n', &mut line)? == 0 {
                        return Ok(None);
                    }
                    *number += 1;
                    if !line.iter().all(u8::is_ascii_whitespace) {
                        break;
                    }
                }
                Ok(Some(json_line(&line, *number)))
            }
        }
    }
}

/// A `{"id": ..., "text": ...}` line as an input.
fn json_line(line: &[u8], number: usize) -> Input {
    let origin = format!("line {number}");
    let parsed: Result<Value, String> = serde_json::from_slice(line).map_err(|e| e.to_string());
    match parsed {
        Ok(Value::Object(mut fields)) => {
            let id = fields.remove("id").unwrap_or(Value::Null);
            let origin = format!("{origin} (id {id})");
            let bytes = match fields.remove("text") {
                Some(Value::String(text)) => Ok(text.into_bytes()),
                _ => Err(String::from("no \"text\" string")),
            };
            Input { id, origin, bytes }
        }
        Ok(_) => Input {
            id: Value::Null,
            origin,
            bytes: Err(String::from("not a JSON object")),
        },
        Err(e) => Input {
            id: Value::Null,
            origin,
            bytes: Err(format!("bad JSON: {e}")),
        },
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: corpus [DIR | FILE.jsonl | -] [-o OUTPUT]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut input: Option<String> = None;
    let mut output: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--output" => match args.next() {
                Some(path) => output = Some(path),
                None => return usage(),
            },
            "-h" | "--help" => {
                println!("usage: corpus [DIR | FILE.jsonl | -] [-o OUTPUT]");
                return ExitCode::SUCCESS;
            }
            _ if input.is_none() => input = Some(arg),
            _ => return usage(),
        }
    }
    match run(input.as_deref(), output.as_deref()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the corpus; `Ok(false)` when some document failed.
fn run(input: Option<&str>, output: Option<&str>) -> io::Result<bool> {
    let (mut source, total) = match input {
        Some(path) if path != "-" && std::fs::metadata(path)?.is_dir() => {
            let mut paths: Vec<PathBuf> = std::fs::read_dir(path)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            paths.sort();
            let total: u64 = paths
                .iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
                .sum();
            (Source::Files(paths.into_iter()), Some(total))
        }
        Some(path) if path != "-" => {
            let file = File::open(path)?;
            let total = file.metadata().ok().map(|m| m.len());
            let reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(1 << 20, file));
            (Source::Lines { reader, number: 0 }, total)
        }
        _ => {
            let stdin: Box<dyn Read> = Box::new(io::stdin());
            let reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(1 << 20, stdin));
            (Source::Lines { reader, number: 0 }, None)
        }
    };
    let mut out: Box<dyn Write> = match output {
        Some(path) => Box::new(BufWriter::with_capacity(1 << 20, File::create(path)?)),
        None => Box::new(BufWriter::with_capacity(1 << 20, io::stdout().lock())),
    };
    let bar = if io::stderr().is_terminal() {
        let bar = total.map_or_else(ProgressBar::new_spinner, ProgressBar::new);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };

    let start = Instant::now();
    let (mut documents, mut failures, mut bytes) = (0usize, 0usize, 0usize);
    let mut kinds: BTreeMap<&'static str, usize> = BTreeMap::new();
    loop {
        let batch = source.batch()?;
        if batch.is_empty() {
            break;
        }
        let results: Vec<Output> = batch.into_par_iter().map(parse_one).collect();
        for result in results {
            bytes += result.bytes;
            bar.inc(result.bytes as u64);
            match result.line {
                Ok(line) => {
                    documents += 1;
                    out.write_all(line.as_bytes())?;
                    out.write_all(b"\n")?;
                    for (kind, n) in result.kinds {
                        *kinds.entry(kind).or_default() += n;
                    }
                }
                Err(e) => {
                    failures += 1;
                    bar.suspend(|| eprintln!("corpus: {}: {e}", result.origin));
                }
            }
        }
    }
    out.flush()?;
    bar.finish_and_clear();
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let mb = bytes as f64 / (1u64 << 20) as f64;
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    eprintln!(
        "corpus: {documents} documents, {mb:.1} MB in {secs:.2} s ({:.1} MB/s) on {} threads; {}; {failures} failed",
        mb / secs,
        rayon::current_num_threads(),
        kinds.join(", "),
    );
    Ok(failures == 0)
}
