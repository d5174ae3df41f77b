//! tesi's integration tests: one binary, one module per concern.

mod check;
mod errors;
mod fixtures;
mod serde_json_contract;
mod series;
