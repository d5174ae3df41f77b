//! The same page gives the same records whatever its line ends: LF, CRLF
//! or a lone CR. Spans differ only by the bytes of the line ends, so they
//! are mapped back to the LF text before the records are compared.

use serde_json::Value;

use crate::check::fixture_texts;

/// `text` with every line end (CRLF, CR, LF) written as `end`, and for
/// each byte offset of the result (and one past its end), the offset of
/// the same place in the LF text.
fn with_line_ends(text: &str, end: &str) -> (String, Vec<usize>) {
    let lf = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(lf.len() * 2);
    let mut to_lf = Vec::with_capacity(lf.len() * 2 + 1);
    for (i, c) in lf.char_indices() {
        let piece = if c == '\n' {
            end
        } else {
            &lf[i..i + c.len_utf8()]
        };
        out.push_str(piece);
        to_lf.extend(std::iter::repeat_n(i, piece.len()));
    }
    to_lf.push(lf.len());
    (out, to_lf)
}

/// `value` with every span's `start` and `end` mapped through `to_lf`.
fn map_spans(value: &mut Value, to_lf: &[usize]) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(span)) = map.get_mut("span") {
                for key in ["start", "end"] {
                    let at = span[key].as_u64().unwrap() as usize;
                    span[key] = Value::from(to_lf[at]);
                }
            }
            for (key, v) in map.iter_mut() {
                if key != "span" {
                    map_spans(v, to_lf);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| map_spans(v, to_lf)),
        _ => {}
    }
}

fn records(text: &str, to_lf: &[usize]) -> Value {
    let mut value = serde_json::to_value(tesi::parse(text)).unwrap();
    map_spans(&mut value, to_lf);
    value
}

#[test]
fn ok_fixtures_read_alike_with_any_line_ends() {
    let mut differ = Vec::new();
    for (name, text) in fixture_texts() {
        let (lf, to_lf) = with_line_ends(&text, "\n");
        let want = records(&lf, &to_lf);
        for end in ["\r\n", "\r"] {
            let (other, to_lf) = with_line_ends(&text, end);
            if records(&other, &to_lf) != want {
                differ.push(format!("{name} with {end:?}"));
            }
        }
    }
    assert!(differ.is_empty(), "records differ: {differ:?}");
}
