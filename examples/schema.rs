//! Prints the JSON Schema of the JSON contract (needs the `schema`
//! feature). `schema/tesi.schema.json` is this output.
//!
//! ```text
//! cargo run --features schema --example schema > schema/tesi.schema.json
//! ```

fn main() {
    match serde_json::to_string_pretty(&tesi::json_schema()) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("schema: {e}");
            std::process::exit(1);
        }
    }
}
