//! The decision: two forests of small regression trees (gradient
//! boosting), the first over a line's own facts, the second over the same
//! facts and the first forest's judgement of the lines around it.
//!
//! The weights are data: `model.txt` beside this file, written by
//! `cargo run --release --example train_layout` (see ARCHITECTURE.md) and
//! read once, at the first parse that needs it.

use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

use super::facts::{FIRST, SECOND};

/// The model shipped with the crate.
const SHIPPED: &str = include_str!("model.txt");

/// The first word of a model's text, and the version of its format.
const MAGIC: &str = "tesi-layout";
const VERSION: u32 = 1;

/// Deepest tree a model may hold (a tree of depth `d` has `2^d` leaves).
const MOST_DEPTH: u32 = 12;

/// A trained decision of the layout stage: which lines of a page are its
/// body. Parse one (`str::parse`) from the text its `Display` writes (the format
/// the training command writes), or use the one shipped with the crate,
/// [`Model::shipped`].
///
/// The text is line-based: a header `tesi-layout 1 <threshold>`, then for
/// each of the two stages a line `stage <features> <depth> <base>` and one
/// line per tree: `2^depth - 1` nodes `feature:threshold` in breadth-first
/// order (a value above the threshold goes right), then `2^depth` leaf
/// values.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    first: Forest,
    second: Forest,
    threshold: f32,
}

/// Trees over one stage's features; their leaves add up to log-odds.
#[derive(Debug, Clone, PartialEq)]
struct Forest {
    features: usize,
    depth: u32,
    base: f32,
    /// `2^depth - 1` nodes a tree, trees one after another.
    nodes: Vec<(u16, f32)>,
    /// `2^depth` leaves a tree.
    leaves: Vec<f32>,
}

impl Forest {
    fn trees(&self) -> usize {
        self.leaves.len() >> self.depth
    }

    /// The trees one after another: each one's nodes and leaves.
    fn each_tree(&self) -> impl Iterator<Item = (&[(u16, f32)], &[f32])> {
        let inner = (1usize << self.depth) - 1;
        self.nodes
            .chunks_exact(inner.max(1))
            .zip(self.leaves.chunks_exact(1 << self.depth))
    }

    /// The index in `leaves` of the leaf a tree with `nodes` gives `x`.
    /// Each node's comparison becomes the next index by arithmetic: a
    /// branch on it would be mispredicted half the time. (A feature past
    /// the end of `x` reads as 0.)
    fn leaf(&self, nodes: &[(u16, f32)], x: &[f32]) -> usize {
        let mut k = 0;
        for _ in 0..self.depth {
            let Some(&(feature, threshold)) = nodes.get(k) else {
                break;
            };
            let value = x.get(usize::from(feature)).copied().unwrap_or(0.0);
            k = 2 * k + 1 + usize::from(value > threshold);
        }
        k - nodes.len()
    }

    /// The log-odds the trees give `x`.
    fn score(&self, x: &[f32]) -> f32 {
        self.base
            + self
                .each_tree()
                .map(|(nodes, leaves)| leaves[self.leaf(nodes, x)])
                .sum::<f32>()
    }

    /// The log-odds the trees give each row of `rows`, `width` values a
    /// row. A tree at a time over every row: the walks of the rows do not
    /// wait on each other, so the processor runs several at once, and the
    /// tree's nodes stay at hand. Trees of the depth the training command
    /// writes by default are walked by a loop the compiler unrolls.
    fn score_rows(&self, rows: &[f32], width: usize) -> Vec<f32> {
        let mut out = vec![self.base; rows.len() / width.max(1)];
        for (nodes, leaves) in self.each_tree() {
            let rows = rows.chunks_exact(width.max(1)).zip(&mut out);
            if let Ok(nodes) = <&[(u16, f32); 15]>::try_from(nodes) {
                for (x, sum) in rows {
                    *sum += leaves[walk::<4, 15>(nodes, x)];
                }
            } else {
                for (x, sum) in rows {
                    *sum += leaves[self.leaf(nodes, x)];
                }
            }
        }
        out
    }
}

/// [`Forest::leaf`] for trees of depth `DEPTH`, `INNER` (`2^DEPTH - 1`)
/// nodes.
fn walk<const DEPTH: u32, const INNER: usize>(nodes: &[(u16, f32); INNER], x: &[f32]) -> usize {
    let mut k = 0;
    for _ in 0..DEPTH {
        let (feature, threshold) = nodes[k.min(INNER - 1)];
        let value = x.get(usize::from(feature)).copied().unwrap_or(0.0);
        k = 2 * k + 1 + usize::from(value > threshold);
    }
    k - INNER
}

/// Why a model's text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad layout model at line {line}: {what}")]
pub struct ModelError {
    /// 1-based line of the model's text.
    pub line: usize,
    /// What was expected there.
    pub what: &'static str,
}

impl Model {
    /// The model shipped with the crate, trained on real article pages,
    /// blog dumps and the crate's fixtures.
    pub fn shipped() -> &'static Model {
        Model::shipped_shared()
    }

    /// The shipped model, read once and shared by every `Options`.
    pub(crate) fn shipped_shared() -> &'static Arc<Model> {
        static MODEL: OnceLock<Arc<Model>> = OnceLock::new();
        MODEL.get_or_init(|| {
            Arc::new(match SHIPPED.parse() {
                Ok(model) => model,
                // The shipped text is checked by a test; a broken one
                // judges every line body rather than failing a parse.
                Err(_) => Model::keep_all(),
            })
        })
    }

    /// A model that keeps every line as body.
    fn keep_all() -> Model {
        let empty = |features| Forest {
            features,
            depth: 0,
            base: 1.0,
            nodes: Vec::new(),
            leaves: Vec::new(),
        };
        Model {
            first: empty(FIRST),
            second: empty(FIRST + SECOND),
            threshold: 0.5,
        }
    }

    /// The probability, from the first stage, that a line with the
    /// first-stage features `x` is the page's body.
    pub fn first_stage(&self, x: &[f32]) -> f32 {
        sigmoid(self.first.score(x))
    }

    /// The probability, from the second stage, that a line with the
    /// features `x` (first stage, then second) is the page's body.
    pub fn second_stage(&self, x: &[f32]) -> f32 {
        sigmoid(self.second.score(x))
    }

    /// The probability from the first stage for each row of `rows`
    /// ([`FIRST`] features a row).
    pub(crate) fn first_stage_rows(&self, rows: &[f32]) -> Vec<f32> {
        let mut p = self.first.score_rows(rows, FIRST);
        p.iter_mut().for_each(|x| *x = sigmoid(*x));
        p
    }

    /// The probability from the second stage for each row of `rows`
    /// ([`FIRST`] + [`SECOND`] features a row).
    pub(crate) fn second_stage_rows(&self, rows: &[f32]) -> Vec<f32> {
        let mut p = self.second.score_rows(rows, FIRST + SECOND);
        p.iter_mut().for_each(|x| *x = sigmoid(*x));
        p
    }

    /// The probability above which a line is body.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

impl FromStr for Model {
    type Err = ModelError;

    fn from_str(text: &str) -> Result<Model, ModelError> {
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim()))
            .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
            .peekable();
        let bad = |line, what| ModelError { line, what };
        // Where a missing part was looked for: after the last line.
        let end = text.lines().count() + 1;
        let (n, header) = lines.next().ok_or(bad(1, "a header"))?;
        let mut fields = header.split_whitespace();
        if fields.next() != Some(MAGIC) || fields.next() != Some(&VERSION.to_string()) {
            return Err(bad(n, "`tesi-layout 1 <threshold>`"));
        }
        let threshold = number(fields.next()).ok_or(bad(n, "a threshold"))?;
        let mut stage = |features: usize| -> Result<Forest, ModelError> {
            let (n, head) = lines.next().ok_or(bad(end, "a stage"))?;
            let mut fields = head.split_whitespace();
            let stated: Option<usize> = fields.nth(1).and_then(|f| f.parse().ok());
            let depth: u32 = fields
                .next()
                .and_then(|f| f.parse().ok())
                .filter(|&d| (1..=MOST_DEPTH).contains(&d))
                .ok_or(bad(n, "a depth from 1 to 12"))?;
            let base = number(fields.next()).ok_or(bad(n, "a base score"))?;
            if !head.starts_with("stage ") || stated != Some(features) {
                return Err(bad(
                    n,
                    "`stage <features> <depth> <base>` with the stage's features",
                ));
            }
            let mut forest = Forest {
                features,
                depth,
                base,
                nodes: Vec::new(),
                leaves: Vec::new(),
            };
            let inner = (1usize << depth) - 1;
            while let Some((n, tree)) = lines.next_if(|(_, l)| l.starts_with("tree ")) {
                let fields: Vec<&str> = tree.split_whitespace().skip(1).collect();
                if fields.len() != 2 * inner + 1 {
                    return Err(bad(n, "2^depth - 1 nodes and 2^depth leaves"));
                }
                for node in &fields[..inner] {
                    let (f, t) = node
                        .split_once(':')
                        .ok_or(bad(n, "a node `feature:threshold`"))?;
                    let f: u16 = f
                        .parse()
                        .ok()
                        .filter(|&f: &u16| (f as usize) < features)
                        .ok_or(bad(n, "a feature of the stage"))?;
                    let t = number(Some(t)).ok_or(bad(n, "a threshold"))?;
                    forest.nodes.push((f, t));
                }
                for leaf in &fields[inner..] {
                    forest
                        .leaves
                        .push(number(Some(leaf)).ok_or(bad(n, "a leaf value"))?);
                }
            }
            Ok(forest)
        };
        let first = stage(FIRST)?;
        let second = stage(FIRST + SECOND)?;
        if let Some((n, _)) = lines.next() {
            return Err(bad(n, "the end of the model"));
        }
        Ok(Model {
            first,
            second,
            threshold,
        })
    }
}

/// A finite number (infinities are written `inf` and `-inf`).
fn number(field: Option<&str>) -> Option<f32> {
    field
        .and_then(|f| f.parse::<f32>().ok())
        .filter(|x| !x.is_nan())
}

impl fmt::Display for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{MAGIC} {VERSION} {}", self.threshold)?;
        for forest in [&self.first, &self.second] {
            writeln!(
                f,
                "stage {} {} {}",
                forest.features, forest.depth, forest.base
            )?;
            let inner = (1usize << forest.depth) - 1;
            for t in 0..forest.trees() {
                write!(f, "tree")?;
                for (feature, threshold) in &forest.nodes[t * inner..(t + 1) * inner] {
                    write!(f, " {feature}:{threshold}")?;
                }
                for leaf in &forest.leaves[t << forest.depth..(t + 1) << forest.depth] {
                    write!(f, " {leaf}")?;
                }
                writeln!(f)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_shipped_model_parses() {
        let model: Model = SHIPPED.parse().expect("the shipped model");
        assert!(model.first.trees() > 0 && model.second.trees() > 0);
        assert_eq!(model.to_string().parse::<Model>(), Ok(model));
    }

    #[test]
    fn ok_tree_walk() {
        let text = "tesi-layout 1 0.5\nstage 44 1 0\ntree 3:2 -1 1\nstage 57 1 0.5\n";
        let model: Model = text.parse().expect("a model");
        let mut x = [0.0; FIRST];
        assert!(model.first_stage(&x) < 0.5);
        x[3] = 3.0;
        assert!(model.first_stage(&x) > 0.5);
        assert!(model.second_stage(&[0.0; FIRST + SECOND]) > 0.5);
    }

    #[test]
    fn err_bad_models() {
        for (text, line) in [
            ("", 1),
            ("tesi-layout 2 0.5", 1),
            ("tesi-layout 1 0.5\nstage 44 1 0\ntree 3:2 -1", 3),
            ("tesi-layout 1 0.5\nstage 44 1 0\ntree 99:2 -1 1", 3),
            ("tesi-layout 1 0.5\nstage 43 1 0", 2),
            ("tesi-layout 1 0.5\nstage 44 1 0", 3),
            ("tesi-layout 1 0.5\nstage 44 1 0\nstage 57 1 0\nextra", 4),
        ] {
            assert_eq!(
                text.parse::<Model>().map_err(|e| e.line),
                Err(line),
                "{text}"
            );
        }
    }
}
