//! Hostile command lines: whatever arrives, kamus answers with an entry, a
//! clear error or silence on a closed pipe — never a panic, a hang or a
//! control character on the terminal.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::process::Command;

use crate::{captured, kamus, run};

/// What no output of kamus may hold, in its text modes.
fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains("panicked"), "{what}: {text}");
    assert!(
        !text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c)),
        "{what}: control character in {text:?}"
    );
}

fn run_os(args: Vec<OsString>) -> (i32, String, String) {
    captured(kamus().args(args))
}

#[test]
fn an_empty_query_is_a_one_line_usage_error() {
    for query in ["", "   ", "-", "!!!", "🚀"] {
        let (status, out, err) = run(&["--", query]);
        assert_eq!((status, out.as_str()), (2, ""), "{query:?}");
        assert_eq!(err.lines().count(), 1, "{query:?}: {err}");
        assert_clean(query, &err);
    }
}

#[test]
fn a_query_of_100_000_characters_is_answered_briefly() {
    let query = "ab".repeat(50_000);
    let (status, out, err) = run(&[&query]);
    assert_eq!((status, out.as_str()), (1, ""));
    assert_eq!(err.lines().count(), 1);
    assert!(
        err.chars().count() < 300,
        "the message repeats the whole query"
    );
    let (status, out, _) = run(&["--json", &query]);
    assert_eq!(status, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(doc["query"].as_str().map(str::len), Some(100_000));
    let (status, _, _) = run(&["--search", &query]);
    assert_eq!(status, 1);
}

#[test]
fn arguments_that_are_not_utf8_are_a_usage_error() {
    let bad = OsString::from_vec(vec![b'b', 0xFF, 0xFE, b'x']);
    for args in [vec![bad.clone()], vec!["--search".into(), bad.clone()]] {
        let (status, out, err) = run_os(args);
        assert_eq!((status, out.as_str()), (2, ""));
        assert!(err.contains("UTF-8"), "{err}");
        assert_clean("non-UTF-8", &err);
    }
    // A section name is checked against the names: not UTF-8 is not one.
    let (status, out, err) = run_os(vec!["git".into(), "-s".into(), bad]);
    assert_eq!((status, out.as_str()), (2, ""));
    assert!(err.contains("possible values"), "{err}");
    assert_clean("non-UTF-8 section", &err);
}

#[test]
fn direction_overrides_and_zero_width_characters_separate_words() {
    for query in [
        "\u{202E}back-end-developer",
        "back\u{200B}end\u{200B}developer",
        "\u{2067}seo\u{2069}",
    ] {
        let (status, out, err) = run(&[query]);
        assert_eq!(status, 0, "{query:?}: {err}");
        assert_clean(query, &out);
        assert_clean(query, &err);
    }
}

#[test]
fn emoji_around_a_term_are_ignored() {
    let (status, out, _) = run(&["🚀", "seo", "✨"]);
    assert_eq!(status, 0);
    assert!(out.starts_with("SEO  ("), "{out}");
}

#[test]
fn escape_sequences_in_a_query_are_echoed_harmless() {
    for query in [
        "\u{1b}]0;pwned\u{7}",
        "\u{1b}[2J\u{1b}[Hzzqq",
        "\u{9b}31mzzqq",
        "x\ry\u{8}z",
    ] {
        let (status, out, err) = run(&[query]);
        assert!(status == 1 || status == 2, "{query:?}");
        assert_eq!(out, "");
        assert_clean(query, &err);
        let (_, json, _) = run(&["--json", query]);
        assert_clean(query, &json);
        if !json.is_empty() {
            let doc: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
            assert_eq!(doc["query"], query);
        }
    }
}

#[test]
fn absurd_widths_are_answered() {
    for width in ["1", "2", "19", "18446744073709551615"] {
        let (status, out, err) = run(&["back-end-developer", "-w", width]);
        assert_eq!(status, 0, "-w {width}: {err}");
        assert!(out.contains("Back End Developer"));
        assert_clean(width, &out);
    }
    for width in ["-5", "99999999999999999999999", "wide", ""] {
        let (status, out, _) = run(&["back-end-developer", "-w", width]);
        assert_eq!((status, out.as_str()), (2, ""), "-w {width:?}");
    }
}

#[test]
fn pathological_searches_end() {
    for query in ["", " ", "%%%", "\u{1b}[\u{7}"] {
        let (status, out, err) = run(&["--search", query]);
        assert_eq!((status, out.as_str()), (2, ""), "{query:?}");
        assert_eq!(err.lines().count(), 1);
        assert_clean(query, &err);
    }
    // What is left of an escape sequence is searched for, harmlessly.
    let (status, _, err) = run(&["--search", "\u{1b}[0m"]);
    assert_eq!(status, 1);
    assert_clean("escape", &err);
    // A word nearly every entry has: --limit 0 prints every hit.
    let (status, out, _) = run(&["--search", "website", "-n", "0"]);
    assert_eq!(status, 0);
    assert!(out.lines().count() > 50, "{out}");
    assert_clean("website", &out);
    // Ten thousand words, most of them found nowhere.
    let many = (0..10_000)
        .map(|n| format!("w{n}"))
        .collect::<Vec<_>>()
        .join(" ");
    let (status, out, _) = run(&["--search", &many]);
    assert_eq!((status, out.as_str()), (1, ""));
}

#[test]
fn a_closed_stdout_is_not_a_panic() {
    let bin = assert_cmd::cargo::cargo_bin("kamus");
    let out = Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" back-end-developer >&-")
        .arg(&bin)
        .output()
        .expect("sh runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0 | 2)),
        "{:?}: {err}",
        out.status
    );
    assert!(err.lines().count() <= 1, "{err}");
    assert_clean("closed stdout", &err);
}
