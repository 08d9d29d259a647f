//! Finding and reading glossary files on disk: the `*.toml` files of a
//! folder in a stable order, and their text within a size limit. Shared by
//! `build.rs` and the run-time loader of user glossaries.

use std::ffi::OsString;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest glossary file read; a term's entry is a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The `*.toml` files directly inside `folder`, sorted by name.
pub fn toml_files(folder: &Path) -> Result<Vec<PathBuf>, String> {
    Ok(toml_names(folder)?
        .into_iter()
        .map(|name| folder.join(name))
        .collect())
}

/// The names of the `*.toml` files directly inside `folder`, sorted.
pub fn toml_names(folder: &Path) -> Result<Vec<OsString>, String> {
    let listing = fs::read_dir(folder)
        .map_err(|e| format!("{}: cannot read the folder: {e}", folder.display()))?;
    // Names are compared as bytes, once each: parsing paths to compare
    // them costs more than the listing itself in a folder of thousands.
    let mut names: Vec<OsString> = listing
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|name| {
            let name = name.as_encoded_bytes();
            name.len() > ".toml".len() && name.ends_with(b".toml")
        })
        .collect();
    names.sort_unstable();
    Ok(names)
}

/// The text of one file, refusing what no glossary entry can be: anything
/// but a regular file, a file larger than [`MAX_FILE_BYTES`], or one that
/// is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, String> {
    // A FIFO or a device would block or never end: only plain files.
    let meta = fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err("skipped: not a regular file".to_owned());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "skipped: larger than {} KiB",
            MAX_FILE_BYTES / 1024
        ));
    }
    let file = fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "skipped: larger than {} KiB",
            MAX_FILE_BYTES / 1024
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// A 64-bit FNV-1a hash of `bytes`: stable across builds and platforms,
/// for naming and recognising generated files (not for security).
pub fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
