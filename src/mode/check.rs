//! `--check`: the linter for people writing entries. Every problem in the
//! named files or folders (default: `KAMUS_PATH`) on stdout, one a line.

use std::path::PathBuf;

use crate::glossary::Glossary;
use crate::messages::Message;
use crate::model::Lang;
use crate::report::{Report, Status};
use crate::user;
use crate::validate::escaped;

/// Checks `paths`, or the folders of `KAMUS_PATH` when none are given,
/// against the built-in glossary (related slugs may point into it).
pub fn run(paths: &[PathBuf], lang: Lang) -> Report {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        std::env::var_os("KAMUS_PATH")
            .map(|list| {
                std::env::split_paths(&list)
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect()
            })
            .unwrap_or_default()
    } else {
        paths.to_vec()
    };
    if paths.is_empty() {
        return Report::error(Message::NothingToCheck.text(lang));
    }
    let read = user::read(&paths);
    let checked = user::check(&read.files, &Glossary::built_in());
    let mut problems = read.problems;
    problems.extend(checked.problems.iter().map(ToString::to_string));
    let mut report = Report::new(if problems.is_empty() {
        Status::Found
    } else {
        Status::Error
    });
    let warnings: Vec<String> = checked
        .warnings
        .iter()
        .map(|w| {
            let mut w = w.clone();
            w.message.insert_str(0, "warning: ");
            w.to_string()
        })
        .collect();
    // File names and text may hold control characters: none may act.
    let mut lines: Vec<&String> = problems.iter().chain(&warnings).collect();
    lines.sort();
    report.out = lines.iter().map(|p| format!("{}\n", escaped(p))).collect();
    let summary = Message::Checked {
        files: read.files.len(),
        problems: problems.len(),
        warnings: warnings.len(),
    }
    .text(lang);
    report.note(summary);
    report
}
