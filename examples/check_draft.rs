//! Checks draft entries before they join `data/terms/`: every `*.toml` in
//! the folders named, validated together with the built-in glossary's files
//! under the build's rules, and every problem in the drafts
//! printed as `file:line:col: message`. Exit 1 if there is any. A draft
//! with the name of a file in `data/terms/` replaces it, so a revised
//! copy of an entry is checked as it will stand.
//!
//!     cargo run --example check_draft -- drafts/batch-1 drafts/batch-2

// A developer's tool: it reports on stdout and stderr.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kamus::files;
use kamus::validate::{Rules, Source, validate};

fn main() -> ExitCode {
    let drafts: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if drafts.is_empty() {
        eprintln!("usage: check_draft FOLDER...");
        return ExitCode::from(2);
    }
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/terms");
    let mut texts: Vec<(String, String, bool)> = Vec::new();
    for (folder, is_draft) in
        std::iter::once((&data, false)).chain(drafts.iter().map(|d| (d, true)))
    {
        let listed = match files::toml_files(folder) {
            Ok(listed) => listed,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        };
        for path in listed {
            match files::read_text(&path) {
                Ok(text) => texts.push((path.display().to_string(), text, is_draft)),
                Err(message) => {
                    eprintln!("{}: {message}", path.display());
                    return ExitCode::from(2);
                }
            }
        }
    }
    let drafted_names: Vec<String> = texts
        .iter()
        .filter(|(_, _, d)| *d)
        .filter_map(|(p, _, _)| {
            Path::new(p)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
        })
        .collect();
    texts.retain(|(path, _, is_draft)| {
        *is_draft
            || !Path::new(path)
                .file_name()
                .is_some_and(|n| drafted_names.iter().any(|d| *d == *n.to_string_lossy()))
    });
    let sources: Vec<Source> = texts
        .iter()
        .map(|(path, text, _)| Source { path, text })
        .collect();
    let checked = validate(&sources, &Rules::BUILT_IN, &[]);
    let drafted: Vec<&str> = texts
        .iter()
        .filter(|(_, _, d)| *d)
        .map(|(p, _, _)| p.as_str())
        .collect();
    let problems: Vec<String> = checked
        .problems
        .iter()
        .filter(|p| drafted.contains(&p.file.as_str()))
        .map(ToString::to_string)
        .collect();
    for problem in &problems {
        println!("{problem}");
    }
    eprintln!(
        "checked {} draft file(s): {} problem(s)",
        drafted.len(),
        problems.len()
    );
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
