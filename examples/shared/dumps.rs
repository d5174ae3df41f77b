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
