//! User glossaries: folders of TOML entries named by `KAMUS_PATH`, read at
//! run time only when it is set, checked by the same validation as the
//! built-in glossary, and merged over it.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::PathBuf;

use crate::files;
use crate::glossary::Glossary;
use crate::model::Entry;
use crate::validate::{self, Checked, Rules, Source};

/// User entries need not meet the built-in glossary's editorial rules.
pub const RULES: Rules = Rules {
    min_definition_words: 1,
    related: 0..=20,
    duties: 1..=20,
    sources: 0..=3,
    address_nobody: false,
    dated_claims_need_sources: false,
};

/// A glossary file read from disk.
pub struct File {
    /// The path as the user gave it, for messages.
    pub path: String,
    pub text: String,
}

/// What reading a set of paths found: the files, and one message per file
/// or folder that could not be read.
#[derive(Default)]
pub struct Files {
    pub files: Vec<File>,
    pub problems: Vec<String>,
}

/// Reads every `*.toml` file named by `paths`: a file is read itself, a
/// folder gives the `*.toml` files directly inside it, sorted by name. When
/// two folders hold the same slug, the first folder's file wins, as in
/// `PATH`; the other is reported.
pub fn read(paths: &[PathBuf]) -> Files {
    let mut out = Files::default();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for path in paths {
        let listed = if path.is_dir() {
            match files::toml_files(path) {
                Ok(listed) => listed,
                Err(message) => {
                    out.problems.push(message);
                    continue;
                }
            }
        } else if path.exists() {
            vec![path.clone()]
        } else {
            out.problems
                .push(format!("{}: no such file or folder", path.display()));
            continue;
        };
        for file in listed {
            let shown = file.display().to_string();
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if let Some(first) = seen.get(&stem) {
                out.problems.push(format!(
                    "{shown}:1:1: skipped: `{stem}` is already defined by {first}"
                ));
                continue;
            }
            match files::read_text(&file) {
                Ok(text) => {
                    seen.insert(stem, shown.clone());
                    out.files.push(File { path: shown, text });
                }
                Err(message) => out.problems.push(format!("{shown}:1:1: {message}")),
            }
        }
    }
    out
}

/// Validates read files as one glossary over `base`.
pub fn check(files: &[File], base: &[Entry]) -> Checked {
    let sources: Vec<Source> = files
        .iter()
        .map(|f| Source {
            path: &f.path,
            text: &f.text,
        })
        .collect();
    validate::validate(&sources, &RULES, base)
}

/// The built-in glossary, joined by the user glossaries in `KAMUS_PATH` when
/// it is set, and the lines to warn with (each broken file named).
pub fn glossary_from_env() -> (Glossary, Vec<String>) {
    match std::env::var_os("KAMUS_PATH") {
        Some(list) if !list.is_empty() => load(&list),
        _ => (Glossary::built_in(), Vec::new()),
    }
}

/// The built-in glossary joined by the folders in a `:`-separated list.
pub fn load(list: &OsStr) -> (Glossary, Vec<String>) {
    let built_in = Glossary::built_in();
    let paths: Vec<PathBuf> = std::env::split_paths(list)
        .filter(|p| !p.as_os_str().is_empty())
        .collect();
    let read = read(&paths);
    let mut entries: Vec<Entry> = built_in.entries().collect();
    let checked = check(&read.files, &entries);
    let mut warnings = read.problems;
    warnings.extend(checked.problems.iter().map(ToString::to_string));
    if !warnings.is_empty() {
        warnings.push(
            "kamus: KAMUS_PATH: the files named above were skipped; everything else works"
                .to_owned(),
        );
    }
    if checked.entries.is_empty() {
        return (built_in, warnings);
    }
    entries.extend(checked.entries);
    (Glossary::from_entries(entries), warnings)
}
