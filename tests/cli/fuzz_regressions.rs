//! Every input the fuzzers ever broke kamus with, replayed through the same
//! checks: `tests/fuzz-regressions/<target>/<file>`.

use std::fs;
use std::path::Path;

/// Runs `check` on every file in the target's folder.
fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    for file in fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).collect::<Vec<_>>())
        .unwrap_or_default()
    {
        if file.path().extension().is_some_and(|e| e == "md") {
            continue;
        }
        let data = fs::read(file.path()).expect("a saved input");
        check(&data);
    }
}

#[test]
fn saved_queries_pass() {
    replay("lookup", kamus::fuzzing::query);
}

#[test]
fn saved_glossary_files_pass() {
    replay("loader", kamus::fuzzing::glossary_file);
}

#[test]
fn hostile_samples_pass_the_fuzz_checks() {
    // A hostile query and a hostile file run through the same checks the
    // fuzzers use, so a replay is known to exercise them.
    kamus::fuzzing::query("\u{1b}[2J bakend developer \u{202e}".as_bytes());
    kamus::fuzzing::glossary_file(include_bytes!("../../data/terms/sql-injection.toml"));
    kamus::fuzzing::glossary_file(b"kind = \"concept\"\n\x1b = 1\n");
}
