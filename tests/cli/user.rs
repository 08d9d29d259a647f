//! User glossaries through `KAMUS_PATH`, the `--check` linter, and
//! `--random`.

use std::fs;
use std::path::Path;

use kamus::glossary::Glossary;
use kamus::lookup::{Outcome, lookup};

use crate::{captured, kamus};

/// A small valid entry a team might add.
pub const TEAM_ENTRY: &str = r#"kind = "concept"
updated = 2026-11-28
related = ["back-end-developer", "git"]

[term]
id = "Rilis Mingguan"
en = "Weekly Release"

[aliases]
id = ["rilis jumat"]
en = []

[definition]
id = "Jadwal tim kami untuk merilis perubahan setiap Jumat pagi."
en = "Our team's schedule for shipping changes every Friday morning."
"#;

/// An entry whose fourth line names a kind that does not exist.
pub const BROKEN_ENTRY: &str = r#"updated = 2026-11-28
related = []
term = { id = "Rusak", en = "Broken" }
kind = "gadget"
aliases = { id = [], en = [] }
definition = { id = "Tidak lengkap.", en = "Incomplete." }
"#;

/// A folder with one valid and one broken entry.
pub fn team_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("rilis-mingguan.toml"), TEAM_ENTRY).expect("written");
    fs::write(dir.path().join("broken.toml"), BROKEN_ENTRY).expect("written");
    dir
}

fn run_with_path(path: &Path, args: &[&str]) -> (i32, String, String) {
    captured(kamus().env("KAMUS_PATH", path).args(args))
}

/// The one line a lookup prints about skipped user files.
pub const SKIPPED_ONE: &str =
    "kamus: KAMUS_PATH: 1 berkas dilewati karena bermasalah; `kamus --check` merincinya\n";

#[test]
fn a_user_entry_joins_the_glossary_and_a_broken_file_is_one_line() {
    let dir = team_folder();
    let (status, out, err) = run_with_path(dir.path(), &["rilis-mingguan"]);
    assert_eq!(status, 0, "{err}");
    assert!(out.starts_with("Rilis Mingguan  (konsep)\n"), "{out}");
    assert!(
        out.contains("back-end-developer, git"),
        "related built-ins are linked: {out}"
    );
    assert_eq!(err, SKIPPED_ONE);
    // The full report is --check's.
    let (status, out, _) = run_with_path(dir.path(), &["--check"]);
    assert_eq!(status, 2);
    assert!(
        out.contains("broken.toml:4:8: unknown kind `gadget`"),
        "{out}"
    );
}

#[test]
fn user_entries_are_found_by_alias_fuzzy_list_and_search() {
    let dir = team_folder();
    assert_eq!(run_with_path(dir.path(), &["rilis", "jumat"]).0, 0);
    let (status, _, err) = run_with_path(dir.path(), &["rilis", "minguan"]);
    assert_eq!(status, 0);
    assert!(err.contains("menampilkan 'rilis-mingguan'"), "{err}");
    let (_, list, _) = run_with_path(dir.path(), &["--list"]);
    assert!(list.lines().any(|l| l == "rilis-mingguan"));
    assert!(list.lines().any(|l| l == "back-end-developer"));
    let (_, hits, _) = run_with_path(dir.path(), &["--search", "jumat"]);
    assert!(hits.starts_with("rilis-mingguan "), "{hits}");
}

#[test]
fn every_built_in_term_still_answers_beside_a_broken_file() {
    let dir = team_folder();
    let list = std::ffi::OsString::from(dir.path());
    let (glossary, skipped) = kamus::user::load(&list, &|_| None);
    assert_eq!(skipped, 1);
    let built_in = Glossary::built_in();
    assert_eq!(glossary.len(), built_in.len() + 1);
    for entry in built_in.entries() {
        match lookup(&glossary, &entry.slug, true) {
            Outcome::Found(found) => assert_eq!(glossary.entry(found.entry).slug, entry.slug),
            other => panic!("{} is lost: {other:?}", entry.slug),
        }
    }
    let (_, out, _) = run_with_path(dir.path(), &["--list"]);
    assert_eq!(out.lines().count(), built_in.len() + 1);
}

#[test]
fn a_user_entry_replaces_the_built_in_one_of_the_same_slug() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let ours = TEAM_ENTRY.replace("Rilis Mingguan", "Git Kantor").replace(
        "related = [\"back-end-developer\", \"git\"]",
        "related = []",
    );
    fs::write(dir.path().join("git.toml"), ours).expect("written");
    let (status, out, err) = run_with_path(dir.path(), &["git"]);
    assert_eq!(status, 0, "{err}");
    assert!(out.starts_with("Git Kantor  (konsep)\n"), "{out}");
    assert_eq!(err, "");
}

#[test]
fn the_first_folder_wins_a_duplicate_slug() {
    let first = tempfile::tempdir().expect("a temporary folder");
    let second = tempfile::tempdir().expect("a temporary folder");
    fs::write(first.path().join("rilis-mingguan.toml"), TEAM_ENTRY).expect("written");
    let other = TEAM_ENTRY.replace("Rilis Mingguan", "Rilis Lain");
    fs::write(second.path().join("rilis-mingguan.toml"), other).expect("written");
    let list = std::env::join_paths([first.path(), second.path()]).expect("joinable");
    let out = kamus()
        .env("KAMUS_PATH", &list)
        .arg("rilis-mingguan")
        .output()
        .expect("kamus runs");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Rilis Mingguan "));
    assert_eq!(String::from_utf8_lossy(&out.stderr), SKIPPED_ONE);
    let (_, out, _) = captured(kamus().env("KAMUS_PATH", &list).arg("--check"));
    assert!(
        out.contains("skipped: `rilis-mingguan` is already defined by"),
        "{out}"
    );
}

#[test]
fn a_missing_folder_is_named_and_nothing_else_breaks() {
    let (status, out, err) = run_with_path(Path::new("/no/such/folder"), &["back-end-developer"]);
    assert_eq!(status, 0);
    assert!(out.starts_with("Back End Developer"));
    assert_eq!(err, SKIPPED_ONE);
    let (_, out, _) = run_with_path(Path::new("/no/such/folder"), &["--check"]);
    assert_eq!(out, "/no/such/folder: no such file or folder\n");
}

#[test]
fn check_names_the_broken_file_and_line_and_exits_two() {
    let dir = team_folder();
    let broken = dir.path().join("broken.toml");
    let (status, stdout, _) = captured(kamus().arg("--check").arg(&broken));
    assert_eq!(status, 2);
    assert_eq!(
        stdout,
        format!(
            "{}:4:8: unknown kind `gadget`; expected one of: role, concept, technology, technique, metric, security\n",
            broken.display()
        )
    );
}

#[test]
fn check_of_a_clean_folder_exits_zero() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("rilis-mingguan.toml"), TEAM_ENTRY).expect("written");
    let (status, stdout, stderr) = captured(kamus().arg("--check").arg(dir.path()));
    assert_eq!(status, 0);
    assert_eq!(stdout, "");
    assert!(
        stderr.contains("1 berkas diperiksa: tidak ada masalah"),
        "{stderr}"
    );
}

#[test]
fn check_defaults_to_kamus_path_and_needs_something() {
    let dir = team_folder();
    let (status, out, _) = run_with_path(dir.path(), &["--check"]);
    assert_eq!(status, 2);
    assert!(out.contains("broken.toml:4:8:"), "{out}");
    let (status, _, stderr) = captured(kamus().arg("--check"));
    assert_eq!(status, 2);
    assert!(stderr.contains("tidak ada yang diperiksa"), "{stderr}");
}

#[test]
fn check_the_built_in_data_folder_is_clean() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/terms");
    let out = kamus()
        .arg("--check")
        .arg(&data)
        .output()
        .expect("kamus runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn random_prints_one_entry_with_the_other_options() {
    let (_, list, _) = crate::run(&["--list"]);
    let out = kamus()
        .args(["--random", "--json", "-L", "en"])
        .output()
        .expect("kamus runs");
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let slug = doc["slug"].as_str().expect("a slug");
    assert!(list.lines().any(|l| l == slug), "{slug}");
    assert_eq!(doc["lang"], "en");
    let (status, text, _) = crate::run(&["--random", "-s", "definition"]);
    assert_eq!(status, 0);
    // The title line says which term was picked.
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].ends_with(')') && lines[0].contains("  ("),
        "{text}"
    );
    assert_eq!(lines[1..3], ["", "DEFINISI"], "{text}");
}

#[test]
fn random_picks_different_entries() {
    let picks: std::collections::BTreeSet<String> = (0..12)
        .map(|_| crate::run(&["--random", "--json"]).1)
        .map(|out| {
            serde_json::from_str::<serde_json::Value>(&out).expect("valid JSON")["slug"].to_string()
        })
        .collect();
    assert!(picks.len() > 1, "twelve picks were all {picks:?}");
}

#[test]
fn a_misspelt_related_slug_is_a_warning_and_the_entry_is_kept() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = TEAM_ENTRY.replace("\"git\"]", "\"gti\"]");
    fs::write(dir.path().join("rilis-mingguan.toml"), text).expect("written");
    let (status, out, err) = run_with_path(dir.path(), &["rilis-mingguan"]);
    assert_eq!((status, &*err), (0, ""));
    assert!(out.starts_with("Rilis Mingguan "), "{out}");
    let (status, out, err) = run_with_path(dir.path(), &["--check"]);
    assert_eq!(status, 0, "a warning alone passes");
    assert_eq!(
        out,
        format!(
            "{}:3:34: warning: related slug `gti` does not exist; did you mean `git`?\n",
            dir.path().join("rilis-mingguan.toml").display()
        )
    );
    assert!(err.contains("tidak ada masalah, 1 peringatan"), "{err}");
}

#[test]
fn check_lists_every_structural_problem_of_a_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = TEAM_ENTRY
        .replace("kind = \"concept\"\n", "colour = \"red\"\n")
        .replace("updated = 2026-11-28", "updated = \"yesterday\"")
        .replace("en = []\n", "");
    let file = dir.path().join("rilis-mingguan.toml");
    fs::write(&file, text).expect("written");
    let (status, out, _) = captured(kamus().arg("--check").arg(dir.path()));
    assert_eq!(status, 2);
    let shown = file.display().to_string();
    let lines: Vec<&str> = out.lines().collect();
    for want in [
        format!("{shown}:1:1: missing field `kind`"),
        format!("{shown}:1:1: unknown field `colour`"),
        format!("{shown}:2:11:"),
        format!("{shown}:9:1: missing field `en`"),
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(&want)),
            "{want} not in {out}"
        );
    }
}
