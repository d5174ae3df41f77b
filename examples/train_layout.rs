//! Retrains the layout stage's decision (`src/layout/model.txt`) and
//! prints its cross-validated score on real article pages.
//!
//! ```text
//! cargo run --release --example train_layout -- \
//!     --pages ../shared/pages --real ../shared/real --seeds ../shared/seeds
//! ```
//!
//! Each line of a training document gets a label, body or not:
//!
//! - article pages (`--pages`, a folder of `.txt` dumps and `gold.json`
//!   with each page's `articleBody`): a line is body when at least half
//!   of its 4-word shingles (for a shorter line, its words) are in the
//!   page's body;
//! - blog dumps with a structural key (`--real`, `expected.json`): a line
//!   is furniture when the key lists it among `boilerplate_lines` or
//!   `post_titles`;
//! - the crate's fixtures (and `--seeds` when given): a line is
//!   furniture when the parse without a layout model puts it in
//!   boilerplate or a title.
//!
//! Lines weigh by their words, each document the same. Both stages are
//! forests of small regression trees, fitted by gradient boosting on the
//! log loss; the second stage learns from the first stage's out-of-fold
//! judgement of the neighbours. The figure printed is the pages' body F1
//! in `--folds`-fold cross-validation: each page is parsed with a model
//! trained without it and scored as `score_pages.py` scores it. The
//! model written to `--out` is trained on every document.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser as _;
use tesi::layout::{FEATURES, FIRST, Features, Model, SECOND};
use tesi::{Block, Options, Parser};

#[derive(clap::Parser)]
#[command(about = "Retrain the layout model and print its cross-validated page F1")]
struct Args {
    /// Article pages with gold.json.
    #[arg(long, default_value = "../shared/pages")]
    pages: PathBuf,
    /// Blog dumps with expected.json.
    #[arg(long, default_value = "../shared/real")]
    real: PathBuf,
    /// More dumps labelled by the parse without a layout model (optional).
    #[arg(long)]
    seeds: Option<PathBuf>,
    /// The crate's fixtures.
    #[arg(long, default_value = "fixtures")]
    fixtures: PathBuf,
    /// Where to write the model trained on everything.
    #[arg(long, default_value = "src/layout/model.txt")]
    out: PathBuf,
    /// Folds of the cross-validation over pages (0: none).
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Trees per stage.
    #[arg(long, default_value_t = 30)]
    trees: usize,
    /// Depth of each tree.
    #[arg(long, default_value_t = 4)]
    depth: u32,
    /// Learning rate.
    #[arg(long, default_value_t = 0.3)]
    rate: f32,
    /// How much a fixture or seed weighs against an article page.
    #[arg(long, default_value_t = 1.0)]
    fixture_weight: f32,
    /// Only cross-validate: write no model.
    #[arg(long)]
    dry_run: bool,
}

/// A training document: its text, where it came from, its line labels.
struct Doc {
    /// How much the document weighs against an article page.
    weight: f32,
    text: String,
    /// The article body, for pages.
    gold: Option<String>,
    features: Features,
    labels: Vec<f32>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let docs = match load(&args) {
        Ok(docs) => docs,
        Err(e) => {
            eprintln!("train_layout: {e}");
            return ExitCode::from(2);
        }
    };
    let pages: Vec<usize> = (0..docs.len())
        .filter(|&d| docs[d].gold.is_some())
        .collect();
    eprintln!(
        "{} documents ({} pages), {} lines",
        docs.len(),
        pages.len(),
        docs.iter().map(|d| d.features.len()).sum::<usize>()
    );
    let params = Params {
        trees: args.trees,
        depth: args.depth,
        rate: args.rate,
    };
    if args.folds > 1 && !pages.is_empty() {
        let (mut ps, mut rs) = (Vec::new(), Vec::new());
        for fold in 0..args.folds {
            let held: HashSet<usize> = pages
                .iter()
                .copied()
                .filter(|&d| d % args.folds == fold)
                .collect();
            let train: Vec<usize> = (0..docs.len()).filter(|d| !held.contains(d)).collect();
            let model = train_model(&docs, &train, &params);
            let parser = Parser::new(Options::default().layout(Some(model)));
            for &d in &held {
                let (p, r) = score(&docs[d], &parser);
                ps.extend(p);
                rs.extend(r);
            }
        }
        let p = ps.iter().sum::<f64>() / ps.len().max(1) as f64;
        let r = rs.iter().sum::<f64>() / rs.len().max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!(
            "cross-validated ({} folds): pages f1={f:.3} precision={p:.3} recall={r:.3} pages={}",
            args.folds,
            pages.len()
        );
    }
    if !args.dry_run {
        let all: Vec<usize> = (0..docs.len()).collect();
        let model = train_model(&docs, &all, &params);
        let text = format!(
            "# The layout stage's decision, written by `cargo run --release --example train_layout`.\n\
             # Features: {}\n{model}",
            FEATURES.join(" ")
        );
        if let Err(e) = std::fs::write(&args.out, text) {
            eprintln!("train_layout: {}: cannot write: {e}", args.out.display());
            return ExitCode::FAILURE;
        }
        eprintln!("wrote {}", args.out.display());
    }
    ExitCode::SUCCESS
}

// ---------------------------------------------------------------------------
// Documents and labels

fn load(args: &Args) -> Result<Vec<Doc>, String> {
    let mut docs = Vec::new();
    let gold_path = args.pages.join("gold.json");
    let gold: HashMap<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(&gold_path)
            .map_err(|e| format!("{}: {e}", gold_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let mut keys: Vec<&String> = gold.keys().collect();
    keys.sort();
    for key in keys {
        let path = args.pages.join(format!("{key}.txt"));
        let text = read(&path)?;
        let body = gold[key]["articleBody"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let features = Features::of(&text);
        let labels = page_labels(&text, &features, &body);
        docs.push(Doc {
            weight: 1.0,
            text,
            gold: Some(body),
            features,
            labels,
        });
    }
    let key_path = args.real.join("expected.json");
    let key: Vec<serde_json::Value> = serde_json::from_str(&read(&key_path)?)
        .map_err(|e| format!("{}: {e}", key_path.display()))?;
    for entry in &key {
        let file = entry["file"].as_str().unwrap_or_default();
        let text = read(&args.real.join(file))?;
        let mut furniture: HashMap<String, usize> = HashMap::new();
        for field in ["boilerplate_lines", "post_titles"] {
            for line in entry[field].as_array().into_iter().flatten() {
                *furniture
                    .entry(line.as_str().unwrap_or_default().trim().to_owned())
                    .or_default() += 1;
            }
        }
        let features = Features::of(&text);
        let labels = (0..features.len())
            .map(|i| {
                let s = features.span(i);
                match furniture.get_mut(text[s.start..s.end].trim()) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        0.0
                    }
                    _ => 1.0,
                }
            })
            .collect();
        docs.push(Doc {
            weight: 1.0,
            text,
            gold: None,
            features,
            labels,
        });
    }
    let mut dirs = vec![args.fixtures.clone(), args.fixtures.join("series")];
    dirs.extend(args.seeds.clone());
    for dir in dirs {
        for path in txt_files(&dir)? {
            let text = read(&path)?;
            let features = Features::of(&text);
            let labels = parsed_labels(&text, &features);
            docs.push(Doc {
                weight: args.fixture_weight,
                text,
                gold: None,
                features,
                labels,
            });
        }
    }
    Ok(docs)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn txt_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// The words (`\w+`) of `text`.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The 4-word shingles of `words`, with their counts.
fn shingles<'a>(words: &[&'a str]) -> HashMap<[&'a str; 4], usize> {
    let mut out = HashMap::new();
    if words.len() < 4 && !words.is_empty() {
        let mut s = [""; 4];
        s[..words.len()].copy_from_slice(words);
        *out.entry(s).or_default() += 1;
    }
    for w in words.windows(4) {
        *out.entry([w[0], w[1], w[2], w[3]]).or_default() += 1;
    }
    out
}

/// Body (1) or not (0) for each line of a page, against its gold body.
fn page_labels(text: &str, features: &Features, body: &str) -> Vec<f32> {
    let body_words = words(body);
    let word_set: HashSet<&str> = body_words.iter().copied().collect();
    let gold: HashSet<[&str; 4]> = body_words
        .windows(4)
        .map(|w| [w[0], w[1], w[2], w[3]])
        .collect();
    (0..features.len())
        .map(|i| {
            let s = features.span(i);
            let line = words(&text[s.start..s.end]);
            let (found, all) = if line.len() < 4 {
                (
                    line.iter().filter(|w| word_set.contains(*w)).count(),
                    line.len(),
                )
            } else {
                let all = line.len() - 3;
                let found = line
                    .windows(4)
                    .filter(|w| gold.contains(&[w[0], w[1], w[2], w[3]]))
                    .count();
                (found, all)
            };
            (all > 0 && 2 * found >= all) as u8 as f32
        })
        .collect()
}

/// Body (1) or not (0) for each line, as the parse without a layout model
/// reads the document: boilerplate, titles and `front` are not body.
fn parsed_labels(text: &str, features: &Features) -> Vec<f32> {
    let doc = Parser::new(Options::default().layout(None)).parse(text);
    let mut not_body: Vec<(usize, usize)> = doc
        .front
        .iter()
        .map(|b| (b.span.start, b.span.end))
        .collect();
    for post in &doc.posts {
        not_body.extend(post.title.iter().map(|t| (t.span.start, t.span.end)));
        for block in &post.blocks {
            if let Block::Boilerplate(b) = block {
                not_body.push((b.span.start, b.span.end));
            }
        }
    }
    (0..features.len())
        .map(|i| {
            let s = features.span(i);
            let inside = not_body.iter().any(|&(a, b)| a <= s.start && s.start < b);
            (!inside) as u8 as f32
        })
        .collect()
}

/// The per-page precision and recall of a parse, as score_pages.py counts
/// them (empty when the page has nothing to score).
fn score(doc: &Doc, parser: &Parser) -> (Option<f64>, Option<f64>) {
    let parsed = parser.parse(&doc.text);
    let mut spans: Vec<(usize, usize)> = parsed
        .posts
        .iter()
        .flat_map(|p| &p.blocks)
        .filter(|b| !matches!(b, Block::Boilerplate(_)))
        .map(|b| (b.span().start, b.span().end))
        .collect();
    spans.sort_unstable();
    let got: Vec<&str> = spans.iter().map(|&(a, b)| &doc.text[a..b]).collect();
    let got = got.join("\n");
    let gold = shingles(&words(doc.gold.as_deref().unwrap_or_default()));
    let mine = shingles(&words(&got));
    let tp: usize = gold
        .iter()
        .map(|(k, &c)| c.min(mine.get(k).copied().unwrap_or(0)))
        .sum();
    let fp = mine.values().sum::<usize>() - tp;
    let fn_ = gold.values().sum::<usize>() - tp;
    let (tp, fp, fn_) = (tp as f64, fp as f64, fn_ as f64);
    // A page where both sides are empty scores 1; a side with nothing to
    // count is left out of the mean.
    let ratio = |missed: f64| match (fp == 0.0 && fn_ == 0.0, tp + missed > 0.0) {
        (true, _) => Some(1.0),
        (false, true) => Some(tp / (tp + missed)),
        (false, false) => None,
    };
    (ratio(fp), ratio(fn_))
}

// ---------------------------------------------------------------------------
// Training

struct Params {
    trees: usize,
    depth: u32,
    rate: f32,
}

/// Inner folds for the first stage's out-of-fold judgement.
const INNER_FOLDS: usize = 4;

/// Both stages trained on the documents `train`.
fn train_model(docs: &[Doc], train: &[usize], params: &Params) -> Model {
    // First stage: on every training line.
    let first_rows = |set: &[usize]| -> Data {
        let mut data = Data::new(FIRST);
        for &d in set {
            let doc = &docs[d];
            let weights = line_weights(&doc.features, doc.weight);
            for (i, (&y, &w)) in doc.labels.iter().zip(&weights).enumerate() {
                data.push(doc.features.first_stage(i), y, w);
            }
        }
        data
    };
    let first = Forest::fit(&first_rows(train), params);
    // The first stage's out-of-fold judgement of each training line.
    let mut oof: HashMap<usize, Vec<f32>> = HashMap::new();
    for fold in 0..INNER_FOLDS {
        let held: Vec<usize> = train
            .iter()
            .copied()
            .filter(|d| d % INNER_FOLDS == fold)
            .collect();
        let rest: Vec<usize> = train
            .iter()
            .copied()
            .filter(|d| d % INNER_FOLDS != fold)
            .collect();
        let forest = Forest::fit(&first_rows(&rest), params);
        for d in held {
            let f = &docs[d].features;
            oof.insert(
                d,
                (0..f.len())
                    .map(|i| forest.probability(f.first_stage(i)))
                    .collect(),
            );
        }
    }
    let mut data = Data::new(FIRST + SECOND);
    for &d in train {
        let doc = &docs[d];
        let weights = line_weights(&doc.features, doc.weight);
        let both = doc.features.both_stages(&oof[&d]);
        for (i, x) in both.chunks_exact(FIRST + SECOND).enumerate() {
            data.push(x, doc.labels[i], weights[i]);
        }
    }
    let second = Forest::fit(&data, params);
    let text = format!("tesi-layout 1 0.5\n{}{}", first.to_text(), second.to_text());
    match text.parse() {
        Ok(model) => model,
        Err(e) => panic!("the trainer wrote a model it cannot read: {e}"),
    }
}

/// Each line's weight: its words, each document summing to its number of
/// lines' mean share (every document weighs the same, the mean weight of
/// a line is about 1).
fn line_weights(features: &Features, weight: f32) -> Vec<f32> {
    let words: Vec<f32> = (0..features.len())
        .map(|i| features.words(i).max(1) as f32)
        .collect();
    let total: f32 = words.iter().sum();
    // About 150 lines a document on average: a document weighs 150.
    words.iter().map(|w| w / total * 150.0 * weight).collect()
}

/// Rows of features, labels and weights.
struct Data {
    width: usize,
    x: Vec<f32>,
    y: Vec<f32>,
    w: Vec<f32>,
}

impl Data {
    fn new(width: usize) -> Data {
        Data {
            width,
            x: Vec::new(),
            y: Vec::new(),
            w: Vec::new(),
        }
    }

    fn push(&mut self, x: &[f32], y: f32, w: f32) {
        self.x.extend_from_slice(x);
        self.y.push(y);
        self.w.push(w);
    }

    fn len(&self) -> usize {
        self.y.len()
    }

    fn row(&self, i: usize) -> &[f32] {
        &self.x[i * self.width..(i + 1) * self.width]
    }
}

/// Most bins a feature is cut into.
const BINS: usize = 48;
/// L2 penalty on leaf values, and the least weight of hessians a leaf
/// needs.
const LAMBDA: f64 = 1.0;
const MIN_CHILD: f64 = 2.0;

/// A fitted forest, as the model's text writes it.
struct Forest {
    width: usize,
    depth: u32,
    base: f32,
    nodes: Vec<(usize, f32)>,
    leaves: Vec<f32>,
}

impl Forest {
    // Rows live in parallel vectors (features, bins, scores, gradients,
    // nodes): one index reads them all.
    #[allow(clippy::needless_range_loop)]
    fn fit(data: &Data, params: &Params) -> Forest {
        let n = data.len();
        let width = data.width;
        let cuts: Vec<Vec<f32>> = (0..width).map(|j| cuts(data, j)).collect();
        // The bin of each value.
        let mut bins = vec![0u8; n * width];
        for i in 0..n {
            for j in 0..width {
                let v = data.x[i * width + j];
                bins[i * width + j] = cuts[j].partition_point(|&t| t < v) as u8;
            }
        }
        let (sw, swy): (f64, f64) = (0..n).fold((0.0, 0.0), |(a, b), i| {
            (a + data.w[i] as f64, b + (data.w[i] * data.y[i]) as f64)
        });
        let mean = (swy / sw.max(1e-9)).clamp(1e-3, 1.0 - 1e-3);
        let base = (mean / (1.0 - mean)).ln() as f32;
        let mut score = vec![base; n];
        let depth = params.depth;
        let inner = (1usize << depth) - 1;
        let mut forest = Forest {
            width,
            depth,
            base,
            nodes: Vec::new(),
            leaves: Vec::new(),
        };
        let mut node_of = vec![0usize; n];
        let mut g = vec![0f64; n];
        let mut h = vec![0f64; n];
        for _ in 0..params.trees {
            for i in 0..n {
                let p = 1.0 / (1.0 + (-score[i] as f64).exp());
                g[i] = (p - data.y[i] as f64) * data.w[i] as f64;
                h[i] = (p * (1.0 - p)).max(1e-6) * data.w[i] as f64;
            }
            node_of.fill(0);
            let mut nodes = vec![(0usize, f32::INFINITY); inner];
            for level in 0..depth {
                let first = (1usize << level) - 1;
                let count = 1usize << level;
                // Histograms of (g, h) per node, feature and bin.
                let mut hist = vec![(0f64, 0f64); count * width * (BINS + 1)];
                for i in 0..n {
                    let k = node_of[i] - first;
                    let base = k * width * (BINS + 1);
                    for j in 0..width {
                        let cell = &mut hist[base + j * (BINS + 1) + bins[i * width + j] as usize];
                        cell.0 += g[i];
                        cell.1 += h[i];
                    }
                }
                for k in 0..count {
                    let base = k * width * (BINS + 1);
                    let (gt, ht) = hist[base..base + BINS + 1]
                        .iter()
                        .fold((0.0, 0.0), |(a, b), c| (a + c.0, b + c.1));
                    let parent = gt * gt / (ht + LAMBDA);
                    let mut best = (0.0, 0usize, f32::INFINITY);
                    for j in 0..width {
                        let (mut gl, mut hl) = (0.0, 0.0);
                        for b in 0..cuts[j].len() {
                            let c = hist[base + j * (BINS + 1) + b];
                            gl += c.0;
                            hl += c.1;
                            let (gr, hr) = (gt - gl, ht - hl);
                            if hl < MIN_CHILD || hr < MIN_CHILD {
                                continue;
                            }
                            let gain = gl * gl / (hl + LAMBDA) + gr * gr / (hr + LAMBDA) - parent;
                            if gain > best.0 {
                                best = (gain, j, cuts[j][b]);
                            }
                        }
                    }
                    nodes[first + k] = (best.1, best.2);
                }
                for i in 0..n {
                    let k = node_of[i];
                    let (j, t) = nodes[k];
                    node_of[i] = 2 * k + 1 + (data.x[i * width + j] > t) as usize;
                }
            }
            let mut sums = vec![(0f64, 0f64); 1 << depth];
            for i in 0..n {
                let leaf = node_of[i] - inner;
                sums[leaf].0 += g[i];
                sums[leaf].1 += h[i];
            }
            let leaves: Vec<f32> = sums
                .iter()
                .map(|&(g, h)| (-g / (h + LAMBDA)) as f32 * params.rate)
                .collect();
            for i in 0..n {
                score[i] += leaves[node_of[i] - inner];
            }
            forest.nodes.extend_from_slice(&nodes);
            forest.leaves.extend_from_slice(&leaves);
        }
        forest
    }

    fn probability(&self, x: &[f32]) -> f32 {
        let inner = (1usize << self.depth) - 1;
        let mut sum = self.base;
        for (nodes, leaves) in self
            .nodes
            .chunks_exact(inner)
            .zip(self.leaves.chunks_exact(1 << self.depth))
        {
            let mut k = 0;
            for _ in 0..self.depth {
                let (j, t) = nodes[k];
                k = 2 * k + 1 + (x[j] > t) as usize;
            }
            sum += leaves[k - inner];
        }
        1.0 / (1.0 + (-sum).exp())
    }

    fn to_text(&self) -> String {
        let inner = (1usize << self.depth) - 1;
        let mut out = format!("stage {} {} {}\n", self.width, self.depth, self.base);
        for (nodes, leaves) in self
            .nodes
            .chunks_exact(inner)
            .zip(self.leaves.chunks_exact(1 << self.depth))
        {
            out.push_str("tree");
            for (j, t) in nodes {
                out.push_str(&format!(" {j}:{t}"));
            }
            for v in leaves {
                out.push_str(&format!(" {v}"));
            }
            out.push('\n');
        }
        out
    }
}

/// Where feature `j` may be cut: midpoints between its distinct values,
/// or quantiles when it has more than `BINS`.
fn cuts(data: &Data, j: usize) -> Vec<f32> {
    let mut values: Vec<f32> = (0..data.len()).map(|i| data.row(i)[j]).collect();
    values.sort_by(f32::total_cmp);
    values.dedup();
    if values.len() <= BINS {
        return values.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect();
    }
    let mut cuts: Vec<f32> = (1..BINS)
        .map(|q| {
            let k = q * values.len() / BINS;
            (values[k - 1] + values[k]) / 2.0
        })
        .collect();
    cuts.dedup();
    cuts
}
