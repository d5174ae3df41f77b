//! Finding dumps on disk, for the examples that read many.

use std::path::{Path, PathBuf};

/// Adds the `.txt` files under `dir`, its subfolders' too, in name order.
pub fn find_dumps(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            find_dumps(&path, found)?;
        } else if path.extension().is_some_and(|x| x == "txt") {
            found.push(path);
        }
    }
    Ok(())
}

/// The dumps `inputs` name: a file stands for itself, a directory for
/// the `.txt` files in it and its subfolders. Why an input gives none
/// (it cannot be read, or a directory holds no `.txt` file) is the error,
/// naming the input.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut paths = Vec::new();
    for input in inputs {
        let named = |e: std::io::Error| format!("{}: {e}", input.display());
        if std::fs::metadata(input).map_err(named)?.is_dir() {
            let before = paths.len();
            find_dumps(input, &mut paths).map_err(named)?;
            if paths.len() == before {
                return Err(format!(
                    "{}: no .txt file in it or its subfolders",
                    input.display()
                ));
            }
        } else {
            paths.push(input.clone());
        }
    }
    Ok(paths)
}
