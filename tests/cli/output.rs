//! How output behaves: colour decisions, pipes, sections, languages, widths,
//! exit codes and write errors.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::process::{Command as StdCommand, Stdio};

use crate::{kamus, run};

const ESC: char = '\u{1b}';

#[test]
fn piped_output_has_no_escape_codes() {
    for args in [
        &["back-end-developer"][..],
        &["--list"],
        &["--search", "database"],
        &["back-end-developer", "--format", "markdown"],
    ] {
        let (status, out, _) = run(args);
        assert_eq!(status, 0, "{args:?}");
        assert!(!out.contains(ESC), "escape code in {args:?}");
    }
}

#[test]
fn colour_flags_and_environment() {
    let coloured = |cmd: &mut assert_cmd::Command| {
        let out = cmd.arg("git").output().expect("kamus runs");
        String::from_utf8_lossy(&out.stdout).contains(ESC)
    };
    assert!(coloured(kamus().arg("--color=always")));
    assert!(!coloured(
        kamus().arg("--color=never").env("CLICOLOR_FORCE", "1")
    ));
    assert!(coloured(kamus().env("CLICOLOR_FORCE", "1")));
    assert!(!coloured(kamus().env("CLICOLOR_FORCE", "0")));
    assert!(coloured(
        kamus().env("CLICOLOR_FORCE", "1").env("NO_COLOR", "1")
    ));
    assert!(!coloured(kamus().env("NO_COLOR", "1")));
    assert!(coloured(kamus().arg("--color=always").env("NO_COLOR", "1")));
}

#[test]
fn english_content_with_flag_or_environment() {
    let (_, flag, _) = run(&["sql-injection", "--lang", "en"]);
    assert!(flag.contains("\nPREVENTION\n"), "{flag}");
    assert!(flag.starts_with("SQL Injection  (security)\n"));
    let out = kamus()
        .args(["sql-injection"])
        .env("KAMUS_LANG", "en")
        .output()
        .expect("kamus runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), flag);
    let out = kamus()
        .args(["sql-injection", "-L", "id"])
        .env("KAMUS_LANG", "en")
        .output()
        .expect("kamus runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\nPENCEGAHAN\n"));
}

#[test]
fn one_section_prints_only_that_section() {
    let (status, out, err) = run(&["sql-injection", "-s", "prevention"]);
    assert_eq!((status, err.as_str()), (0, ""));
    // The title line, then the section alone.
    assert!(
        out.starts_with("SQL Injection  (keamanan)\n\nPENCEGAHAN\n"),
        "{out}"
    );
    assert!(!out.contains("alias:"), "{out}");
    assert!(!out.contains("DEFINISI"));
    assert!(out.lines().skip(3).all(|l| l.starts_with("  • ")), "{out}");
}

#[test]
fn sections_combine_in_entry_order() {
    let (status, out, _) = run(&["back-end-developer", "-s", "skills,definition"]);
    assert_eq!(status, 0);
    let definisi = out.find("DEFINISI").expect("definition printed");
    let keahlian = out.find("KEAHLIAN").expect("skills printed");
    assert!(definisi < keahlian);
    assert!(!out.contains("TUGAS"));
    let (_, repeated, _) = run(&["back-end-developer", "-s", "skills", "-s", "definition"]);
    assert_eq!(out, repeated);
}

#[test]
fn unknown_section_is_a_usage_error_listing_valid_names() {
    let (status, out, err) = run(&["back-end-developer", "-s", "nonsense"]);
    assert_eq!(status, 2);
    assert_eq!(out, "");
    for name in [
        "definition",
        "duties",
        "skills",
        "related",
        "prevention",
        "formula",
    ] {
        assert!(err.contains(name), "{name} not listed in: {err}");
    }
}

#[test]
fn a_section_the_entry_lacks_says_which_it_has() {
    let (status, out, err) = run(&["sql-injection", "-s", "duties"]);
    assert_eq!(status, 1);
    assert_eq!(out, "");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("how-it-works") && err.contains("prevention"),
        "{err}"
    );
}

#[test]
fn json_section_filter_narrows_sections() {
    let (status, out, _) = run(&["sql-injection", "--json", "-s", "prevention"]);
    assert_eq!(status, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let sections = doc["sections"].as_array().expect("sections");
    assert_eq!(sections.len(), 1);
    assert_eq!(sections[0]["key"], "prevention");
    assert!(
        sections[0]["items"]
            .as_array()
            .is_some_and(|i| i.len() >= 3)
    );
}

#[test]
fn width_wraps_and_zero_does_not() {
    let (_, wrapped, _) = run(&["back-end-developer", "-w", "50"]);
    // A source's address stays whole on its own line, so a terminal can
    // open it; every other line wraps.
    assert!(
        wrapped
            .lines()
            .filter(|l| !l.trim_start().starts_with("https://"))
            .all(|l| l.chars().count() <= 50),
        "{wrapped}"
    );
    assert!(
        wrapped
            .lines()
            .any(|l| l.trim_start().starts_with("https://"))
    );
    let (_, unwrapped, _) = run(&["back-end-developer", "-w", "0"]);
    assert!(unwrapped.lines().any(|l| l.chars().count() > 100));
    let (_, piped, _) = run(&["back-end-developer"]);
    assert_eq!(piped, unwrapped, "piped output is not wrapped");
}

#[test]
fn list_is_sorted_slugs() {
    let (status, out, _) = run(&["--list"]);
    assert_eq!(status, 0);
    let slugs: Vec<&str> = out.lines().collect();
    assert!(slugs.contains(&"back-end-developer"));
    assert!(slugs.windows(2).all(|w| w[0] < w[1]), "not sorted");
    let (_, json, _) = run(&["--list", "--json", "-L", "en"]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let items = doc.as_array().expect("an array");
    assert_eq!(items.len(), slugs.len());
    assert!(
        items
            .iter()
            .all(|i| i["slug"].is_string() && i["term"].is_string())
    );
}

#[test]
fn search_ranks_names_above_bodies() {
    let (status, out, _) = run(&["--search", "git"]);
    assert_eq!(status, 0);
    let first = out.lines().next().expect("a hit");
    assert!(first.starts_with("git "), "{out}");
    assert!(
        out.lines().count() > 1,
        "git is mentioned in other entries: {out}"
    );
}

#[test]
fn search_finds_words_in_bodies_by_prefix_and_without_diacritics() {
    let (status, out, _) = run(&["--search", "berparam"]);
    assert_eq!(status, 0, "prefix of `berparameter`");
    assert!(
        out.lines().any(|l| l.starts_with("sql-injection ")),
        "{out}"
    );
    // The prefix stands for the word's stem (`parameter`): every hit
    // shows it in its snippet.
    assert!(
        out.lines().all(|l| l.to_lowercase().contains("param")),
        "{out}"
    );
    let (_, json, _) = run(&["--search", "PARAMETERISED", "--lang", "en", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let hits = doc.as_array().expect("an array");
    assert!(hits.iter().any(|h| h["slug"] == "sql-injection"), "{json}");
    for hit in hits {
        assert!(
            hit["snippet"]
                .as_str()
                .is_some_and(|s| s.to_lowercase().contains("parameteris")),
            "{hit}"
        );
        assert!(hit["score"].is_number());
        assert_eq!(
            hit["matched"],
            serde_json::json!(["parameterised"]),
            "{hit}"
        );
    }
}

#[test]
fn search_misses_and_empty_queries() {
    let (status, out, err) = run(&["--search", "zzzqqq"]);
    assert_eq!((status, out.as_str()), (1, ""));
    assert!(err.contains("tidak ada hasil untuk 'zzzqqq'"), "{err}");
    let (status, _, err) = run(&["--search", " -- "]);
    assert_eq!(status, 2);
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn exit_codes() {
    assert_eq!(run(&["back-end-developer"]).0, 0);
    assert_eq!(run(&["qwertyuiop"]).0, 1);
    assert_eq!(run(&["--no-such-flag", "x"]).0, 2);
    assert_eq!(run(&[]).0, 2, "no term and no mode");
    assert_eq!(run(&["--lang", "fr", "git"]).0, 2);
    assert_eq!(run(&["--help"]).0, 0);
    assert_eq!(run(&["--version"]).0, 0);
}

#[test]
fn head_reads_the_title_and_kamus_exits_zero() {
    let bin = assert_cmd::cargo::cargo_bin("kamus");
    let mut child = StdCommand::new(&bin)
        .arg("back-end-developer")
        .env_remove("NO_COLOR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kamus starts");
    let mut first = String::new();
    let stdout = child.stdout.take().expect("stdout is piped");
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("a line");
    assert_eq!(first, "Back End Developer  (profesi)\n");
    let out = child.wait_with_output().expect("kamus ends");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_pipe_closed_before_writing_is_a_quiet_success() {
    let bin = assert_cmd::cargo::cargo_bin("kamus");
    let mut child = StdCommand::new(&bin)
        .arg("back-end-developer")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kamus starts");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("kamus ends");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_full_disk_is_a_one_line_error() {
    let full = File::create("/dev/full").expect("/dev/full exists on Linux");
    let out = StdCommand::new(assert_cmd::cargo::cargo_bin("kamus"))
        .arg("back-end-developer")
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .output()
        .expect("kamus runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("kamus: keluaran tidak dapat ditulis"),
        "{err}"
    );
}

#[test]
fn wrapping_never_splits_a_slug_at_its_hyphens() {
    let (status, out, _) = run(&["seo-specialist", "-s", "related", "-w", "40"]);
    assert_eq!(status, 0);
    assert!(out.lines().count() > 2, "wrapped: {out}");
    assert!(out.lines().all(|l| !l.ends_with('-')), "{out}");
    assert!(out.contains("content-writer"), "{out}");
}
