//! Nothing to link: this package holds the tests of tesi's published JSON
//! Schema (`tesi.schema.json` beside this file), in `tests/validate.rs`.
//! Run them with `cargo test -p tesi-schema` (`cargo test --workspace`
//! runs them with the rest).
