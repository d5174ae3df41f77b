//! tesi's integration tests: one binary, one module per concern.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod check;
mod cli;
mod errors;
mod fixtures;
mod hostile;
mod line_ends;
mod options;
mod properties;
mod prose;
mod rows;
mod serde_json_contract;
mod series;
