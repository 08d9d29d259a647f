//! Validates the glossary under `data/` (or `$KAMUS_DATA_DIR`) and compiles
//! it into a store (`src/store.rs`) written to `$OUT_DIR/glossary.txt` and
//! `glossary.bin`, with its fingerprint in `glossary.id`, which
//! `src/embedded.rs` includes. Any problem fails the
//! build, each one listed as `file:line:col: message`.

// A build script talks to cargo on stdout and to the developer on stderr.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[allow(dead_code)]
#[path = "src/analyze.rs"]
mod analyze;
#[allow(dead_code)]
#[path = "src/fields.rs"]
mod fields;
#[allow(dead_code)]
#[path = "src/files.rs"]
mod files;
#[allow(dead_code)]
#[path = "src/keys.rs"]
mod keys;
#[allow(dead_code)]
#[path = "src/lexicon.rs"]
mod lexicon;
#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/normalize.rs"]
mod normalize;
#[allow(dead_code)]
#[path = "src/store/mod.rs"]
mod store;
#[allow(dead_code, unused_imports)]
#[path = "src/validate/mod.rs"]
mod validate;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::{env, fs, process};

use validate::{Rules, Source};

fn main() {
    println!("cargo::rerun-if-env-changed=KAMUS_DATA_DIR");
    let manifest =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let data = env::var_os("KAMUS_DATA_DIR").map_or_else(|| manifest.join("data"), PathBuf::from);
    let terms = data.join("terms");
    println!("cargo::rerun-if-changed={}", terms.display());
    // The search lexicon is the built-in one's, whatever glossary is built.
    let lexicon_files = ["stopwords.toml", "synonyms.toml"].map(|f| manifest.join("data").join(f));
    for file in &lexicon_files {
        println!("cargo::rerun-if-changed={}", file.display());
    }

    let files = match read_terms(&terms, &manifest) {
        Ok(files) => files,
        Err(message) => fail(&[message]),
    };
    let sources: Vec<Source> = files
        .iter()
        .map(|(path, text)| Source { path, text })
        .collect();
    let checked = validate::validate(&sources, &Rules::BUILT_IN, &[]);
    if !checked.problems.is_empty() {
        let lines: Vec<String> = checked.problems.iter().map(ToString::to_string).collect();
        fail(&lines);
    }
    // Sorted by slug (not by file name: `.` sorts after `-`), for binary search.
    let mut entries = checked.entries;
    entries.sort_by(|a, b| a.slug.cmp(&b.slug));
    let names: BTreeSet<String> = keys::build_keys(&entries)
        .into_iter()
        .filter(|k| !k.compact)
        .map(|k| k.key)
        .collect();
    let lexicon_texts = match read_files(&lexicon_files, &manifest) {
        Ok(texts) => texts,
        Err(message) => fail(&[message]),
    };
    let lexicon = match lexicon::parse(
        &Source {
            path: &lexicon_texts[0].0,
            text: &lexicon_texts[0].1,
        },
        &Source {
            path: &lexicon_texts[1].0,
            text: &lexicon_texts[1].1,
        },
        &names,
    ) {
        Ok(lexicon) => lexicon,
        Err(problems) => fail(&problems.iter().map(ToString::to_string).collect::<Vec<_>>()),
    };
    let store = store::encode(&entries, &lexicon);
    let (text, data) = store.parts();
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // What a cache built over this glossary is recognised by.
    let id = format!(
        "{:016x}{:016x}",
        files::fingerprint(text.as_bytes()),
        files::fingerprint(data)
    );
    for (name, bytes) in [
        ("glossary.txt", text.as_bytes()),
        ("glossary.bin", data),
        ("glossary.id", id.as_bytes()),
    ] {
        if let Err(e) = fs::write(out.join(name), bytes) {
            fail(&[format!("{}: cannot write: {e}", out.join(name).display())]);
        }
    }
}

fn fail(lines: &[String]) -> ! {
    for line in lines {
        eprintln!("{line}");
    }
    eprintln!(
        "kamus: the glossary has {} problem(s); see above",
        lines.len()
    );
    process::exit(1);
}

/// Every `*.toml` file in `dir`, sorted by name, with the path to show in
/// messages (relative to the crate when inside it).
fn read_terms(dir: &Path, manifest: &Path) -> Result<Vec<(String, String)>, String> {
    read_files(&files::toml_files(dir)?, manifest)
}

/// The text of each file, with the path to show in messages.
fn read_files(paths: &[PathBuf], manifest: &Path) -> Result<Vec<(String, String)>, String> {
    paths
        .iter()
        .map(|path| {
            let shown = path
                .strip_prefix(manifest)
                .unwrap_or(path)
                .display()
                .to_string();
            files::read_text(path)
                .map(|text| (shown.clone(), text))
                .map_err(|e| format!("{shown}:1:1: {e}"))
        })
        .collect()
}
