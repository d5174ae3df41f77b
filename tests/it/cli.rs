//! The examples as a user meets them on the command line: the built
//! programs run on real files, their exit status, the first lines of
//! stderr and their output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The built example `name` (`cargo test` builds the examples; a test run
/// that did not, `cargo test --test it`, builds them once here).
fn example(name: &str) -> PathBuf {
    static BUILT: OnceLock<()> = OnceLock::new();
    let exe = std::env::current_exe().unwrap();
    // target/<profile>/deps/it-<hash>: the examples are in
    // target/<profile>/examples.
    let dir = exe.parent().unwrap().parent().unwrap().join("examples");
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    if !path.exists() {
        BUILT.get_or_init(|| {
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let status = Command::new(cargo)
                .args(["build", "--examples", "--quiet"])
                .status()
                .unwrap();
            assert!(status.success(), "cargo build --examples");
        });
    }
    path
}

/// Runs example `name` with `args`.
fn run(name: &str, args: &[&str]) -> Output {
    Command::new(example(name)).args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A fresh directory under the system's temporary one.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tesi-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text_files_under(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            if p.is_dir() {
                text_files_under(&p)
            } else {
                usize::from(p.extension().is_some_and(|x| x == "txt"))
            }
        })
        .sum()
}

#[test]
fn ok_corpus_reads_a_dump_file_as_one_document() {
    let out = run("corpus", &["fixtures/it_bom.txt", "--jobs", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 1);
    let record: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(record["id"], "fixtures/it_bom.txt");
    assert_eq!(record["document"]["kind"], "document");
    // One summary line, in the singular where it is one.
    assert!(
        stderr(&out).starts_with("corpus: 1 document, ") && stderr(&out).contains(" on 1 worker;"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ok_corpus_goes_into_subfolders() {
    let out = run("corpus", &["fixtures"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let documents = stdout(&out).lines().count();
    assert_eq!(documents, text_files_under(Path::new("fixtures")));
    assert!(stdout(&out).contains("fixtures/series/bottega_01.txt"));
}

#[test]
fn err_corpus_names_what_it_looked_for() {
    let dir = scratch("empty");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/notes.md"), "not a dump").unwrap();
    let out = run("corpus", &[dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let first = stderr(&out).lines().next().unwrap_or_default().to_owned();
    assert!(
        first.ends_with(
            "no .txt file in it or its subfolders (give .txt dumps, a directory of them, or a .jsonl file)"
        ),
        "{first}"
    );
    let out = run("corpus", &["no/such/dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("corpus: no/such/dir: "));
}

#[test]
fn err_corpus_reads_json_lines_alone() {
    let dir = scratch("mixed");
    let jsonl = dir.join("corpus.jsonl");
    std::fs::write(&jsonl, "{\"id\": 1, \"text\": \"Titolo\\n\\nTesto.\"}\n").unwrap();
    let out = run("corpus", &[jsonl.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1);
    let out = run("corpus", &[jsonl.to_str().unwrap(), "fixtures/it_bom.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("corpus: JSON Lines are read alone"));
}

#[test]
fn err_corpus_names_a_few_failures_and_counts_all() {
    let dir = scratch("bad");
    let jsonl = dir.join("bad.jsonl");
    std::fs::write(&jsonl, "{\"id\": 1}\n".repeat(30)).unwrap();
    let out = run("corpus", &[jsonl.to_str().unwrap(), "--jobs", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.matches("bad JSON line").count(), 20, "{err}");
    assert!(err.contains("corpus: more documents failed; the summary counts them"));
    assert!(
        err.lines().last().unwrap().ends_with("; 30 failed"),
        "{err}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn err_corpus_write_error_names_the_output_after_the_summary() {
    let out = run("corpus", &["fixtures", "-o", "/dev/full"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0].starts_with("corpus: ") && lines[0].ends_with("; stopped early"),
        "{err}"
    );
    assert!(
        lines[1].starts_with("corpus: /dev/full: cannot write: "),
        "{err}"
    );
}

#[test]
fn ok_extract_lossy_says_one_line() {
    let dir = scratch("lossy");
    let file = dir.join("binary.txt");
    std::fs::write(
        &file,
        b"Titolo\n\n\xff\xfe testo \xc3 \xff\xff\n".repeat(50),
    )
    .unwrap();
    let out = run("extract", &[file.to_str().unwrap(), "--lossy", "--compact"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(": replaced 250 invalid UTF-8 sequences with U+FFFD, the first at byte 8"),
        "{err}"
    );
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap();
}

#[test]
fn err_extract_refuses_by_size_and_says_it() {
    let out = run("extract", &["fixtures/it_bom.txt", "--max-bytes", "10"]);
    assert_eq!(out.status.code(), Some(1));
    let size = std::fs::metadata("fixtures/it_bom.txt").unwrap().len();
    assert_eq!(
        stderr(&out).trim_end(),
        format!(
            "extract: fixtures/it_bom.txt: {size} bytes is larger than the limit of 10 bytes (--max-bytes)"
        )
    );
}

#[test]
fn err_extract_write_error_names_the_output() {
    let out = run(
        "extract",
        &["fixtures/it_bom.txt", "-o", "no/such/dir/out.json"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("extract: no/such/dir/out.json: cannot write the JSON: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ok_series_keeps_sites_apart() {
    let dir = scratch("sites");
    for (site, file, number) in [
        ("alpha", "a.txt", 1),
        ("beta", "b.txt", 4),
        ("alpha", "c.txt", 3),
    ] {
        std::fs::create_dir_all(dir.join(site)).unwrap();
        let text = format!("Weekly update {number}\n\nWhat happened this week, in short.\n");
        std::fs::write(dir.join(site).join(file), text).unwrap();
    }
    let out = run("series", &[dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let heads: Vec<String> = stdout(&out)
        .lines()
        .filter(|l| !l.starts_with(' '))
        .map(str::to_owned)
        .collect();
    assert_eq!(heads.len(), 2, "{}", stdout(&out));
    assert!(
        heads[0].ends_with("alpha (2 episodes, missing 2)"),
        "{heads:?}"
    );
    assert!(
        heads[1].ends_with("beta (1 episode, missing 1-3)"),
        "{heads:?}"
    );
    let out = run("series", &[dir.to_str().unwrap(), "--site", "all"]);
    assert_eq!(
        stdout(&out).lines().next(),
        Some("Weekly update (3 episodes, missing 2)")
    );
}

#[test]
fn ok_every_example_takes_help() {
    for name in [
        "extract",
        "corpus",
        "series",
        "theses",
        "stats",
        "custom_lexicon",
        "schema",
    ] {
        let out = run(name, &["--help"]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert!(stdout(&out).contains("Usage:"), "{name}");
    }
}

/// What `--help` points at is in the repository.
#[test]
fn ok_extract_help_names_the_contract_in_the_repository() {
    let out = run("extract", &["--help"]);
    assert!(
        stdout(&out).contains("schema/output.md"),
        "{}",
        stdout(&out)
    );
    assert!(Path::new("schema/output.md").is_file());
    assert!(Path::new("schema/tesi.schema.json").is_file());
}

/// `theses` and `stats` take directories as `corpus` and `series` do.
#[test]
fn ok_theses_and_stats_take_directories() {
    let out = run("stats", &["fixtures/series"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), text_files_under(Path::new("fixtures/series")));
    assert!(lines[0].contains(": 1 post, "), "{}", lines[0]);
    let out = run("theses", &["fixtures"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("fixtures/it_tesi_stili.txt"));
    let dir = scratch("no-dumps");
    let out = run("theses", &[dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).ends_with("no .txt file in it or its subfolders\n"));
}
