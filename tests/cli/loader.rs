//! Hostile user glossaries: each broken file ends in a clear message that
//! names it, and the rest of the glossary keeps working.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::user::TEAM_ENTRY;
use crate::{captured, kamus};

/// Runs `kamus back-end-developer` with `dir` as `KAMUS_PATH` and checks
/// that the built-in entry still answers, saying in at most one line that
/// files were skipped; returns what `kamus --check` says of the folder.
fn built_in_still_works(dir: &Path) -> String {
    let (status, out, err) = captured(kamus().env("KAMUS_PATH", dir).arg("back-end-developer"));
    assert_eq!(status, 0, "{err}");
    assert!(out.starts_with("Back End Developer"));
    assert!(err.lines().count() <= 1, "{err}");
    let (_, report, err) = captured(kamus().env("KAMUS_PATH", dir).arg("--check"));
    for text in [&report, &err] {
        assert!(!text.contains("panicked"), "{text}");
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
    }
    report
}

/// A folder holding one file named `name` with `bytes`.
fn folder_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join(name), bytes).expect("written");
    dir
}

#[test]
fn escape_sequences_in_text_are_rejected() {
    let text = TEAM_ENTRY.replace("Rilis Mingguan", "Rilis \\u001b[31mMerah");
    let dir = folder_with("rilis-mingguan.toml", text.as_bytes());
    let err = built_in_still_works(dir.path());
    assert!(
        err.contains("rilis-mingguan.toml:6:6: text contains the control character U+001B"),
        "{err}"
    );
    let (status, _, _) = captured(kamus().env("KAMUS_PATH", dir.path()).arg("rilis-mingguan"));
    assert_eq!(status, 1, "the broken entry is skipped");
}

#[test]
fn a_raw_control_byte_is_a_toml_error() {
    let text = TEAM_ENTRY.replace("Rilis Mingguan", "Rilis \u{1b}[2J");
    let dir = folder_with("rilis-mingguan.toml", text.as_bytes());
    let err = built_in_still_works(dir.path());
    assert!(err.contains("rilis-mingguan.toml:6:"), "{err}");
}

#[test]
fn a_file_that_is_not_utf8() {
    let dir = folder_with(
        "latin1.toml",
        b"kind = \"concept\"\nterm = { id = \"caf\xe9\" }\n",
    );
    let err = built_in_still_works(dir.path());
    assert!(err.contains("latin1.toml:1:1: not UTF-8 text"), "{err}");
}

#[test]
fn wrong_types() {
    let text = TEAM_ENTRY
        .replace("kind = \"concept\"", "kind = 3")
        .replace("related = [", "related = [4, ");
    let dir = folder_with("rilis-mingguan.toml", text.as_bytes());
    let err = built_in_still_works(dir.path());
    assert!(
        err.contains("rilis-mingguan.toml:1:8: invalid type: integer `3`, expected a string"),
        "{err}"
    );
}

#[test]
fn a_huge_file_is_refused_by_size() {
    let mut text = TEAM_ENTRY.to_owned();
    text.push_str(&format!("# {}\n", "x".repeat(2 * 1024 * 1024)));
    let dir = folder_with("huge.toml", text.as_bytes());
    let err = built_in_still_works(dir.path());
    assert!(
        err.contains("huge.toml:1:1: skipped: larger than 1024 KiB"),
        "{err}"
    );
}

#[test]
fn thousands_of_files_load() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for n in 0..2000 {
        let text = TEAM_ENTRY
            .replace("Rilis Mingguan", &format!("Rilis {n}"))
            .replace("[\"rilis jumat\"]", "[]");
        fs::write(dir.path().join(format!("rilis-{n}.toml")), text).expect("written");
    }
    let err = built_in_still_works(dir.path());
    assert_eq!(err, "");
    let (_, _, err) = captured(kamus().env("KAMUS_PATH", dir.path()).arg("rilis-1"));
    assert_eq!(err, "", "no file is skipped");
    let (_, list, _) = captured(kamus().env("KAMUS_PATH", dir.path()).arg("--list"));
    let listed = list.lines().count();
    let (_, built_in, _) = crate::run(&["--list"]);
    assert_eq!(listed, built_in.lines().count() + 2000);
    let (_, out, _) = captured(kamus().env("KAMUS_PATH", dir.path()).arg("rilis-1999"));
    assert!(out.starts_with("Rilis 1999 "));
}

#[test]
fn files_that_cannot_be_read_are_named() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // A FIFO would block a reader forever; a folder is not a file.
    let fifo = dir.path().join("pipe.toml");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    fs::create_dir(dir.path().join("folder.toml")).expect("created");
    let err = built_in_still_works(dir.path());
    if made {
        assert!(
            err.contains("pipe.toml:1:1: skipped: not a regular file"),
            "{err}"
        );
    } else {
        crate::skip("mkfifo is not available, so the FIFO case is not checked");
    }
    assert!(
        err.contains("folder.toml:1:1: skipped: not a regular file"),
        "{err}"
    );
}

#[test]
fn a_symlink_loop_is_named() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::os::unix::fs::symlink("loop.toml", dir.path().join("loop.toml")).expect("linked");
    let err = built_in_still_works(dir.path());
    assert!(err.contains("loop.toml:1:1: cannot read:"), "{err}");
}

#[test]
fn a_folder_of_folders_is_not_walked() {
    // Only the files directly inside a KAMUS_PATH folder are read, so a
    // loop of folders cannot trap the loader.
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::os::unix::fs::symlink(".", dir.path().join("self")).expect("linked");
    fs::write(dir.path().join("rilis-mingguan.toml"), TEAM_ENTRY).expect("written");
    assert_eq!(built_in_still_works(dir.path()), "");
}

#[test]
fn a_file_name_with_an_escape_sequence_is_shown_escaped() {
    let dir = folder_with("\u{1b}[2Jx.toml", b"kind = ");
    let err = built_in_still_works(dir.path());
    assert!(err.contains("\\u{1b}[2Jx.toml:1:8:"), "{err}");
    let (status, stdout, _) = captured(kamus().arg("--check").arg(dir.path()));
    assert_eq!(status, 2);
    assert!(
        stdout.contains("\\u{1b}[2Jx.toml:1:8:") && !stdout.contains('\u{1b}'),
        "{stdout}"
    );
}
