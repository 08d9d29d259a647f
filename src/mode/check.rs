//! `--check`: the linter for people writing entries. Every problem in the
//! named files or folders (default: `KAMUS_PATH`) on stdout, one a line.

use std::path::PathBuf;

use crate::glossary::Glossary;
use crate::report::{Report, Status};
use crate::user;
use crate::validate::escaped;

/// Checks `paths`, or the folders of `KAMUS_PATH` when none are given,
/// against the built-in glossary (related slugs may point into it).
pub fn run(paths: &[PathBuf]) -> Report {
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
        return Report::error("nothing to check: name files or folders, or set KAMUS_PATH");
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
    let files = read.files.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut summary = match problems.len() {
        0 => format!("checked {files} file{}: no problems", plural(files)),
        n => format!(
            "checked {files} file{}: {n} problem{}",
            plural(files),
            plural(n)
        ),
    };
    if !warnings.is_empty() {
        let n = warnings.len();
        summary.push_str(&format!(", {n} warning{}", plural(n)));
    }
    report.note(summary);
    report
}
