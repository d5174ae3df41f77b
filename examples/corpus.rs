//! Parses a corpus on every core and writes JSON Lines, one line per
//! document (`{"id": ..., "document": <the extract contract>}`), or, with
//! `--only`, one flat row per thesis, recommendation, episode or post, as
//! JSON Lines or CSV.
//!
//! ```text
//! cargo run --release --example corpus -- corpus.jsonl -o out.jsonl   # {"id", "text"} per line
//! cargo run --release --example corpus -- DIR                        # every .txt file in DIR
//! cargo run --release --example corpus -- DIR --only theses --format csv > theses.csv
//! cat corpus.jsonl | cargo run --release --example corpus > out.jsonl  # a streaming mapper
//! ```
//!
//! A pipeline, not batches in turn: a reader thread cuts the input into
//! chunks of whole lines (or of file names), `--jobs` workers decode,
//! parse and serialise each chunk into a buffer of their own, and the
//! main thread writes the buffers back in input order. The queues between
//! them are bounded, so memory stays flat however long the stream; the
//! buffers go back to the reader and the workers to be used again.
//!
//! A document that fails (invalid UTF-8, a line that is not a JSON object
//! with a "text" string) is reported on stderr with its line number or
//! file name and skipped. Progress shows on stderr when it is a terminal;
//! a one-line summary ends every run.
//!
//! Exit status: 0 when every document was parsed, 1 when some failed or
//! the output could not be written, 2 on bad usage or an input that
//! cannot be opened.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, ValueEnum};
use crossbeam_channel::{Receiver, Sender, bounded};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::value::RawValue;
use tesi::Table;

/// Bytes of input lines per chunk: large enough that a worker's turn
/// costs more than passing it around, small enough to keep every worker
/// busy to the end.
const CHUNK_BYTES: usize = 1 << 20;
/// Files per chunk in directory mode.
const CHUNK_FILES: usize = 64;
/// Chunks waiting in each queue, per worker.
const QUEUE_PER_JOB: usize = 2;

#[derive(Parser)]
#[command(
    about = "Parse a corpus of blog dumps on every core into JSON Lines or flat tables",
    after_help = "Examples:\n  \
        corpus corpus.jsonl -o documents.jsonl\n  \
        corpus fixtures --only theses --format csv > theses.csv\n  \
        cat corpus.jsonl | corpus --jobs 2 > documents.jsonl\n\n\
        Exit status: 0 all parsed, 1 some documents failed, 2 bad usage."
)]
struct Args {
    /// A directory of .txt files, a JSON Lines file of {"id": ..., "text":
    /// ...} objects, or - for standard input.
    #[arg(default_value = "-")]
    input: PathBuf,
    /// Write here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Worker threads that parse [default: one per core].
    #[arg(short, long)]
    jobs: Option<NonZeroUsize>,
    /// Write one flat row per record of this table instead of one line
    /// per document.
    #[arg(long, value_enum)]
    only: Option<Only>,
    /// The output format; csv needs --only.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
}

/// The tables of `--only`.
#[derive(Clone, Copy, ValueEnum)]
enum Only {
    Theses,
    Recommendations,
    Episodes,
    Posts,
}

impl From<Only> for Table {
    fn from(only: Only) -> Table {
        match only {
            Only::Theses => Table::Theses,
            Only::Recommendations => Table::Recommendations,
            Only::Episodes => Table::Episodes,
            Only::Posts => Table::Posts,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Jsonl,
    Csv,
}

/// What each document becomes.
#[derive(Clone, Copy)]
enum Shape {
    Documents,
    Rows(Table, Format),
}

/// A piece of the input, numbered in input order.
struct Chunk {
    seq: u64,
    work: Work,
}

enum Work {
    /// Whole JSON lines; the first is line `first_line` of the input.
    Lines { first_line: usize, bytes: Vec<u8> },
    /// Text files, one document each.
    Files(Vec<PathBuf>),
}

/// What a worker made of a chunk.
struct Done {
    seq: u64,
    out: Vec<u8>,
    documents: usize,
    /// Bytes of document text parsed.
    bytes: usize,
    /// Bytes of input read (JSON lines or files), for the progress bar.
    input: usize,
    failures: Vec<String>,
    /// The chunk's line buffer, back to the reader.
    spent: Option<Vec<u8>>,
}

/// One input line, decoded: the id as written, the text.
#[derive(serde::Deserialize)]
struct Line<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    text: std::borrow::Cow<'a, str>,
}

/// One output line of the documents shape.
#[derive(serde::Serialize)]
struct Record<'a> {
    id: &'a RawValue,
    document: &'a tesi::Document<'a>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.format == Format::Csv && args.only.is_none() {
        eprintln!("corpus: --format csv writes flat rows: name a table with --only");
        return ExitCode::from(2);
    }
    let shape = match args.only {
        Some(only) => Shape::Rows(only.into(), args.format),
        None => Shape::Documents,
    };
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        NonZeroUsize::get,
    );
    let (source, total) = match open(&args.input) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("corpus: {}: {e}", args.input.display());
            return ExitCode::from(2);
        }
    };
    let out: Box<dyn Write> = match &args.output {
        Some(path) => match File::create(path) {
            Ok(file) => Box::new(BufWriter::with_capacity(1 << 20, file)),
            Err(e) => {
                eprintln!("corpus: {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(BufWriter::with_capacity(1 << 20, io::stdout().lock())),
    };
    match run(source, total, out, shape, jobs) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Where documents come from.
enum Source {
    Files(Vec<PathBuf>),
    Lines(Box<dyn BufRead + Send>),
}

/// Opens the input; gives its size when known, for the progress bar.
fn open(input: &Path) -> io::Result<(Source, Option<u64>)> {
    if input == Path::new("-") {
        let stdin: Box<dyn Read + Send> = Box::new(io::stdin());
        return Ok((
            Source::Lines(Box::new(BufReader::with_capacity(1 << 20, stdin))),
            None,
        ));
    }
    if std::fs::metadata(input)?.is_dir() {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(input)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let total = paths
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum();
        return Ok((Source::Files(paths), Some(total)));
    }
    let file = File::open(input)?;
    let total = file.metadata().ok().map(|m| m.len());
    Ok((
        Source::Lines(Box::new(BufReader::with_capacity(1 << 20, file))),
        total,
    ))
}

/// Runs the pipeline; `Ok(false)` when some document failed.
fn run(
    source: Source,
    total: Option<u64>,
    mut out: Box<dyn Write>,
    shape: Shape,
    jobs: usize,
) -> io::Result<bool> {
    let (chunks_tx, chunks_rx) = bounded::<Chunk>(QUEUE_PER_JOB * jobs);
    let (done_tx, done_rx) = bounded::<Done>(QUEUE_PER_JOB * jobs);
    let (spent_tx, spent_rx) = bounded::<Vec<u8>>(QUEUE_PER_JOB * jobs * 2 + 2);
    let (outs_tx, outs_rx) = bounded::<Vec<u8>>(QUEUE_PER_JOB * jobs * 2 + 2);
    if let Shape::Rows(_, Format::Csv) = shape {
        writeln!(out, "{}", tesi::Row::FIELDS.join(","))?;
    }
    let bar = progress(total);
    let start = Instant::now();
    let (mut documents, mut failures, mut bytes) = (0usize, 0usize, 0usize);
    let read = std::thread::scope(|scope| -> io::Result<io::Result<()>> {
        let reader = scope.spawn(move || read(source, &chunks_tx, &spent_rx));
        for _ in 0..jobs {
            let (chunks, done, outs) = (chunks_rx.clone(), done_tx.clone(), outs_rx.clone());
            scope.spawn(move || work(shape, &chunks, &done, &outs));
        }
        drop((done_tx, chunks_rx, outs_rx));
        // Owned here, so that a failed write drops it on the way out: the
        // workers then stop, and the reader after them, before the scope
        // waits for them.
        let done_rx = done_rx;
        // The writer: puts the chunks back in input order.
        let mut waiting: BTreeMap<u64, Done> = BTreeMap::new();
        let mut next = 0;
        for done in &done_rx {
            waiting.insert(done.seq, done);
            while let Some(done) = waiting.remove(&next) {
                next += 1;
                out.write_all(&done.out)?;
                documents += done.documents;
                bytes += done.bytes;
                failures += done.failures.len();
                bar.inc(done.input as u64);
                bar.set_message(format!("{documents} documents"));
                for failure in &done.failures {
                    bar.suspend(|| eprintln!("corpus: {failure}"));
                }
                let mut buffer = done.out;
                buffer.clear();
                // A full queue means enough buffers are in use already.
                let _ = outs_tx.try_send(buffer);
                if let Some(spent) = done.spent {
                    let _ = spent_tx.try_send(spent);
                }
            }
        }
        Ok(reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the reader thread panicked"))))
    })?;
    out.flush()?;
    bar.finish_and_clear();
    read?;
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "corpus: {documents} documents, {mb:.1} MB in {secs:.2} s ({:.1} MB/s) on {jobs} workers; {failures} failed",
        mb / secs,
    );
    Ok(failures == 0)
}

/// The progress bar on a terminal, hidden otherwise.
fn progress(total: Option<u64>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::new(total),
            "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {msg}",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {bytes} {bytes_per_sec} {msg}",
        ),
    };
    bar.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// The reader: cuts the input into chunks of whole lines or of file
/// names, in input order.
fn read(source: Source, chunks: &Sender<Chunk>, spent: &Receiver<Vec<u8>>) -> io::Result<()> {
    let mut seq = 0;
    let mut send = |work| {
        let chunk = Chunk { seq, work };
        seq += 1;
        // The workers are gone only when the writer failed: stop reading.
        chunks.send(chunk).is_ok()
    };
    match source {
        Source::Files(paths) => {
            for group in paths.chunks(CHUNK_FILES) {
                if !send(Work::Files(group.to_vec())) {
                    break;
                }
            }
        }
        Source::Lines(mut reader) => {
            let mut line = 1;
            loop {
                let mut bytes = spent.try_recv().unwrap_or_default();
                bytes.clear();
                let first_line = line;
                while bytes.len() < CHUNK_BYTES {
                    if reader.read_until(b'\n', &mut bytes)? == 0 {
                        break;
                    }
                    line += 1;
                }
                if bytes.is_empty() || !send(Work::Lines { first_line, bytes }) {
                    break;
                }
            }
        }
    }
    Ok(())
}

/// A worker: decodes, parses and serialises chunk after chunk.
fn work(shape: Shape, chunks: &Receiver<Chunk>, done: &Sender<Done>, outs: &Receiver<Vec<u8>>) {
    for chunk in chunks {
        let mut result = Done {
            seq: chunk.seq,
            out: outs.try_recv().unwrap_or_default(),
            documents: 0,
            bytes: 0,
            input: 0,
            failures: Vec::new(),
            spent: None,
        };
        match chunk.work {
            Work::Lines { first_line, bytes } => {
                // The chunk is checked for UTF-8 once, with SIMD; lines
                // that are not are checked one by one, to name them.
                let valid = simdutf8::basic::from_utf8(&bytes).ok();
                let mut start = 0;
                let ends = memchr::memchr_iter(b'\n', &bytes).chain(std::iter::once(bytes.len()));
                for (k, end) in ends.enumerate() {
                    let line = &bytes[start..end];
                    let text = valid.map(|v| &v[start..end]);
                    start = end + 1;
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let number = first_line + k;
                    match json_document(line, text, shape, &mut result.out) {
                        Ok(size) => {
                            result.documents += 1;
                            result.bytes += size;
                        }
                        Err(e) => result.failures.push(format!("line {number}: {e}")),
                    }
                }
                result.input = bytes.len();
                result.spent = Some(bytes);
            }
            Work::Files(paths) => {
                for path in paths {
                    let name = path.display().to_string();
                    let outcome =
                        std::fs::read(&path)
                            .map_err(|e| e.to_string())
                            .and_then(|bytes| {
                                let id = serde_json::to_string(&name).map_err(|e| e.to_string())?;
                                let id = RawValue::from_string(id).map_err(|e| e.to_string())?;
                                let doc = tesi::parse_bytes(&bytes).map_err(|e| e.to_string())?;
                                write_document(&id, &name, &doc, shape, &mut result.out)?;
                                Ok(bytes.len())
                            });
                    match outcome {
                        Ok(size) => {
                            result.documents += 1;
                            result.bytes += size;
                            result.input += size;
                        }
                        Err(e) => result.failures.push(format!("{name}: {e}")),
                    }
                }
            }
        }
        if done.send(result).is_err() {
            return;
        }
    }
}

/// Decodes a `{"id": ..., "text": ...}` line, parses its text and writes
/// what it gives; returns the text's size.
fn json_document(
    line: &[u8],
    text: Option<&str>,
    shape: Shape,
    out: &mut Vec<u8>,
) -> Result<usize, String> {
    // From a `str`, serde_json does not check each string for UTF-8 again.
    let decoded: Result<Line<'_>, _> = match text {
        Some(text) => serde_json::from_str(text),
        None => serde_json::from_slice(line),
    };
    let decoded = decoded.map_err(|e| format!("bad JSON line: {e}"))?;
    let null = RawValue::NULL;
    let id = decoded.id.unwrap_or(null);
    // A string id names the document in rows without its quotes.
    let name: std::borrow::Cow<'_, str> =
        match serde_json::from_str::<std::borrow::Cow<'_, str>>(id.get()) {
            Ok(name) => name,
            Err(_) => id.get().into(),
        };
    let doc = tesi::parse(&decoded.text);
    write_document(id, &name, &doc, shape, out)?;
    Ok(decoded.text.len())
}

/// Writes `doc` as one line of the documents shape, or as its rows.
fn write_document(
    id: &RawValue,
    name: &str,
    doc: &tesi::Document<'_>,
    shape: Shape,
    out: &mut Vec<u8>,
) -> Result<(), String> {
    match shape {
        Shape::Documents => {
            serde_json::to_writer(&mut *out, &Record { id, document: doc })
                .map_err(|e| e.to_string())?;
            out.push(b'\n');
        }
        Shape::Rows(table, Format::Jsonl) => {
            for row in doc.rows(table, name) {
                serde_json::to_writer(&mut *out, &row).map_err(|e| e.to_string())?;
                out.push(b'\n');
            }
        }
        Shape::Rows(table, Format::Csv) => {
            let mut writer = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut *out);
            for row in doc.rows(table, name) {
                writer.serialize(row).map_err(|e| e.to_string())?;
            }
            writer.flush().map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}
