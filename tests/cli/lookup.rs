//! Lookup from the command line: exact names, the fuzzy note, misses and
//! their suggestions, `--exact`.

use crate::run;

#[test]
fn slug_alias_and_spellings_find_the_entry_quietly() {
    for query in [
        &["back-end-developer"][..],
        &["Back", "End", "Developer"],
        &["backend", "developer"],
        &["BACKEND_DEVELOPER"],
        &["pengembang", "back", "end"],
        &["sqli"],
    ] {
        let (status, out, err) = run(query);
        assert_eq!(status, 0, "{query:?}");
        assert_eq!(err, "", "{query:?} is exact: no note");
        assert!(!out.is_empty());
    }
}

#[test]
fn a_typo_shows_the_entry_with_a_note() {
    let (status, out, err) = run(&["bakend", "developer"]);
    assert_eq!(status, 0);
    assert!(out.starts_with("Back End Developer  (profesi)\n"));
    assert_eq!(
        err,
        "kamus: menampilkan 'back-end-developer' untuk 'bakend developer'\n"
    );
}

#[test]
fn json_reports_how_the_entry_was_found() {
    for (query, method) in [("git", "exact"), ("SQLi", "alias"), ("pyhton", "fuzzy")] {
        let (status, out, _) = run(&["--json", query]);
        assert_eq!(status, 0, "{query}");
        let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(doc["match"]["method"], method, "{query}");
        assert_eq!(doc["match"]["query"], query);
        let score = doc["match"]["score"].as_f64().expect("a score");
        assert!(score > 0.0 && score <= 1.0);
    }
}

#[test]
fn exact_refuses_a_near_miss_but_still_suggests() {
    let (status, out, err) = run(&["--exact", "bakend", "developer"]);
    assert_eq!((status, out.as_str()), (1, ""));
    assert!(err.contains("maksudnya: back-end-developer"), "{err}");
}

#[test]
fn nonsense_is_not_found_without_suggestions() {
    let (status, out, err) = run(&["qwertyuiop"]);
    assert_eq!((status, out.as_str()), (1, ""));
    assert_eq!(err.lines().count(), 1);
    assert!(
        err.contains("tidak ditemukan") && !err.contains("maksudnya"),
        "{err}"
    );
}

#[test]
fn not_found_in_json_is_an_object_on_stdout() {
    let (status, out, _) = run(&["--json", "bakendd", "devloper", "x"]);
    assert_eq!(status, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(doc["error"], "not_found");
    assert_eq!(doc["query"], "bakendd devloper x");
    let suggestions = doc["suggestions"].as_array().expect("suggestions");
    assert!(suggestions.len() <= 5);
    for s in suggestions {
        assert!(s["slug"].is_string() && s["term"].is_string() && s["score"].is_number());
    }
}

#[test]
fn an_empty_term_is_a_usage_error() {
    let (status, out, err) = run(&["--", "!!!"]);
    assert_eq!((status, out.as_str()), (2, ""));
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn control_characters_in_a_query_are_shown_escaped() {
    let (status, _, err) = run(&["\u{1b}[2Jqwertyuiop"]);
    assert_eq!(status, 1);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("\\u{1b}[2J"), "{err:?}");
}
