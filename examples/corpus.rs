//! Parses a corpus on every core and writes JSON Lines, one line per
//! document (`{"id": ..., "document": <the extract contract>}`), or, with
//! `--only`, one flat row per thesis, recommendation, episode or post, as
//! JSON Lines or CSV.
//!
//! ```text
//! cargo run --release --example corpus -- fixtures -o target/corpus.jsonl   # every .txt under fixtures/
//! cargo run --release --example corpus -- a.txt b.txt                       # these dumps
//! cargo run --release --example corpus -- corpus.jsonl -o out.jsonl         # {"id", "text"} per line
//! cargo run --release --example corpus -- fixtures --only theses --format csv > target/theses.csv
//! cat corpus.jsonl | cargo run --release --example corpus > out.jsonl       # a streaming mapper
//! ```
//!
//! The input is told apart by its name: a directory stands for every
//! `.txt` file in it and its subfolders, a file for one dump, unless it
//! ends in `.jsonl` or `.ndjson` (or opens with `{`): then, like `-` or
//! no input at all (standard input), it is JSON Lines of `{"id": ...,
//! "text": ...}` objects, one document a line.
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
//! file name (the first 20 of them) and skipped. Progress shows on stderr
//! when it is a terminal; a one-line summary ends every run, also one that
//! a failed write stopped (the output's name and the error follow it).
//!
//! Exit status: 0 when every document was parsed, 1 when some failed or
//! the output could not be written, 2 on bad usage, an input that cannot
//! be opened, or a directory with no `.txt` file.

// corpus tells JSON Lines apart itself: of this module it uses find_dumps.
#[allow(dead_code)]
#[path = "shared/dumps.rs"]
mod dumps;

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
/// Failed documents named on stderr; the summary counts the rest.
const MOST_FAILURES_SHOWN: usize = 20;

#[derive(Parser)]
#[command(
    about = "Parse a corpus of blog dumps on every core into JSON Lines or flat tables",
    after_help = "Inputs:\n  \
        DIR           every .txt file in DIR and its subfolders, one document each\n  \
        FILE.txt      one dump (so is any file that is not JSON Lines)\n  \
        FILE.jsonl    JSON Lines: one {\"id\": ..., \"text\": ...} object a line\n                \
        (also .ndjson, or any file whose first character is {)\n  \
        -             JSON Lines from standard input (also when no input is given)\n\n\
        Examples:\n  \
        corpus fixtures -o target/documents.jsonl\n  \
        corpus fixtures --only theses --format csv > target/theses.csv\n  \
        cat corpus.jsonl | corpus --jobs 2 > documents.jsonl\n\n\
        Exit status: 0 all parsed, 1 some documents failed or the output could not be\n\
        written, 2 bad usage, an input that cannot be opened or holds no document."
)]
struct Args {
    /// Dumps (.txt files, directories of them, searched with their
    /// subfolders) or one JSON Lines file; - or nothing for standard input.
    inputs: Vec<PathBuf>,
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
    let (source, total) = match open(&args.inputs) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("corpus: {e}");
            return ExitCode::from(2);
        }
    };
    let output = args.output.as_ref().map_or_else(
        || String::from("standard output"),
        |p| p.display().to_string(),
    );
    let out: Box<dyn Write> = match &args.output {
        Some(path) => match File::create(path) {
            Ok(file) => Box::new(BufWriter::with_capacity(1 << 20, file)),
            Err(e) => {
                eprintln!("corpus: {output}: cannot create: {e}");
                return ExitCode::from(2);
            }
        },
        None => Box::new(BufWriter::with_capacity(1 << 20, io::stdout().lock())),
    };
    let summary = run(source, total, out, shape, jobs);
    eprintln!("corpus: {summary}");
    match summary.error {
        // A reader that stops early (`| head`) is not an error.
        Some(Failure::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Some(Failure::Write(e)) => {
            eprintln!("corpus: {output}: cannot write: {e}");
            ExitCode::FAILURE
        }
        Some(Failure::Read(e)) => {
            eprintln!("corpus: cannot read the input: {e}");
            ExitCode::FAILURE
        }
        None if summary.failures > 0 => ExitCode::FAILURE,
        None => ExitCode::SUCCESS,
    }
}

/// Where documents come from.
enum Source {
    Files(Vec<PathBuf>),
    Lines(Box<dyn BufRead + Send>),
}

/// Why an input was refused: said on stderr, exit 2.
type Refusal = String;

/// Opens the inputs; gives their size when known, for the progress bar.
fn open(inputs: &[PathBuf]) -> Result<(Source, Option<u64>), Refusal> {
    let stdin = || {
        if io::stdin().is_terminal() {
            eprintln!(
                "corpus: reading JSON Lines from the terminal (end with Ctrl-D); \
                 give .txt files, a directory or a .jsonl file instead (corpus --help)"
            );
        }
        let stdin: Box<dyn Read + Send> = Box::new(io::stdin());
        (
            Source::Lines(Box::new(BufReader::with_capacity(1 << 20, stdin))),
            None,
        )
    };
    let named = |path: &Path, e: io::Error| format!("{}: {e}", path.display());
    let mut dumps = Vec::new();
    let mut lines = None;
    for input in inputs {
        if input == Path::new("-") {
            lines = Some(None);
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|e| named(input, e))?;
        if meta.is_dir() {
            let before = dumps.len();
            dumps::find_dumps(input, &mut dumps).map_err(|e| named(input, e))?;
            if dumps.len() == before {
                return Err(format!(
                    "{}: no .txt file in it or its subfolders (give .txt dumps, \
                     a directory of them, or a .jsonl file)",
                    input.display()
                ));
            }
        } else if is_json_lines(input).map_err(|e| named(input, e))? {
            lines = Some(Some(input));
        } else {
            dumps.push(input.clone());
        }
    }
    match lines {
        Some(_) if inputs.len() > 1 => Err(String::from(
            "JSON Lines are read alone: give one .jsonl file (or -), or .txt dumps and directories",
        )),
        None if dumps.is_empty() => Ok(stdin()),
        None => {
            let total = dumps
                .iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
                .sum();
            Ok((Source::Files(dumps), Some(total)))
        }
        Some(None) => Ok(stdin()),
        Some(Some(path)) => {
            let file = File::open(path).map_err(|e| named(path, e))?;
            let total = file.metadata().ok().map(|m| m.len());
            Ok((
                Source::Lines(Box::new(BufReader::with_capacity(1 << 20, file))),
                total,
            ))
        }
    }
}

/// Whether the file at `path` holds JSON Lines: it says so by its name
/// (`.jsonl`, `.ndjson`) or, named otherwise and not `.txt`, opens with
/// `{`.
fn is_json_lines(path: &Path) -> io::Result<bool> {
    match path.extension().and_then(|x| x.to_str()) {
        Some("jsonl" | "ndjson") => return Ok(true),
        Some("txt") => return Ok(false),
        _ => {}
    }
    let mut head = [0u8; 256];
    let read = File::open(path)?.read(&mut head)?;
    let head = &head[..read];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    Ok(head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
}

/// What a run did, for its last line on stderr.
struct Summary {
    documents: usize,
    failures: usize,
    /// Bytes of document text parsed.
    bytes: usize,
    seconds: f64,
    jobs: usize,
    /// What stopped the run before the end of the input, if anything.
    error: Option<Failure>,
}

/// What can stop a run.
enum Failure {
    /// Reading the input.
    Read(io::Error),
    /// Writing the output.
    Write(io::Error),
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, one: &'static str, many: &'static str| {
            format!("{n} {}", if n == 1 { one } else { many })
        };
        let mb = self.bytes as f64 / 1e6;
        let digits = if mb < 10.0 { 2 } else { 1 };
        write!(
            f,
            "{}, {mb:.digits$} MB in {:.2} s ({:.1} MB/s) on {}; {} failed",
            plural(self.documents, "document", "documents"),
            self.seconds,
            mb / self.seconds.max(1e-9),
            plural(self.jobs, "worker", "workers"),
            self.failures,
        )?;
        if self.error.is_some() {
            write!(f, "; stopped early")?;
        }
        Ok(())
    }
}

/// Runs the pipeline to the end of the input, or to the first error
/// reading it or writing the output.
fn run(
    source: Source,
    total: Option<u64>,
    out: Box<dyn Write>,
    shape: Shape,
    jobs: usize,
) -> Summary {
    let start = Instant::now();
    let mut summary = Summary {
        documents: 0,
        failures: 0,
        bytes: 0,
        seconds: 0.0,
        jobs,
        error: None,
    };
    summary.error = pipeline(source, total, out, shape, &mut summary).err();
    summary.seconds = start.elapsed().as_secs_f64();
    summary
}

/// The reader, the workers and the writer; counts into `summary`.
fn pipeline(
    source: Source,
    total: Option<u64>,
    mut out: Box<dyn Write>,
    shape: Shape,
    summary: &mut Summary,
) -> Result<(), Failure> {
    let jobs = summary.jobs;
    let (chunks_tx, chunks_rx) = bounded::<Chunk>(QUEUE_PER_JOB * jobs);
    let (done_tx, done_rx) = bounded::<Done>(QUEUE_PER_JOB * jobs);
    let (spent_tx, spent_rx) = bounded::<Vec<u8>>(QUEUE_PER_JOB * jobs * 2 + 2);
    let (outs_tx, outs_rx) = bounded::<Vec<u8>>(QUEUE_PER_JOB * jobs * 2 + 2);
    if let Shape::Rows(_, Format::Csv) = shape {
        writeln!(out, "{}", tesi::Row::FIELDS.join(",")).map_err(Failure::Write)?;
    }
    let bar = progress(total);
    let read = std::thread::scope(|scope| -> Result<io::Result<()>, Failure> {
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
        let (mut next, mut shown) = (0, 0);
        for done in &done_rx {
            waiting.insert(done.seq, done);
            while let Some(done) = waiting.remove(&next) {
                next += 1;
                out.write_all(&done.out).map_err(Failure::Write)?;
                summary.documents += done.documents;
                summary.bytes += done.bytes;
                summary.failures += done.failures.len();
                bar.inc(done.input as u64);
                bar.set_message(format!("{} documents", summary.documents));
                for failure in &done.failures {
                    shown += 1;
                    if shown <= MOST_FAILURES_SHOWN {
                        bar.suspend(|| eprintln!("corpus: {failure}"));
                    } else if shown == MOST_FAILURES_SHOWN + 1 {
                        bar.suspend(|| {
                            eprintln!("corpus: more documents failed; the summary counts them")
                        });
                    }
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
    });
    bar.finish_and_clear();
    let read = read?;
    out.flush().map_err(Failure::Write)?;
    read.map_err(Failure::Read)
}

/// The progress bar on a terminal, hidden otherwise.
fn progress(total: Option<u64>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::new(total),
            "{bar:30} {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} eta {eta} {msg}",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {decimal_bytes} {decimal_bytes_per_sec} {msg}",
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
