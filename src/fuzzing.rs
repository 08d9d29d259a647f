//! The checks the fuzz targets in `fuzz/` run on each input, kept in the
//! crate so that a crash the fuzzer finds is replayed by `cargo test` from
//! `tests/fuzz-regressions/`. Each function panics when kamus breaks a
//! promise: a panic inside kamus, a control character in text meant for a
//! terminal, JSON that does not parse.

use std::sync::OnceLock;

use crate::glossary::Glossary;
use crate::lookup::{Found, Outcome, lookup};
use crate::model::{Lang, SectionKey};
use crate::render::json::{self, EntryJson};
use crate::render::{Candidate, View, markdown, shown, text};
use crate::search::search;
use crate::style::Style;
use crate::validate::is_forbidden;

fn built_in() -> &'static Glossary {
    static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
    GLOSSARY.get_or_init(Glossary::built_in)
}

/// Panics if `out` holds a character that could drive a terminal.
fn assert_clean(what: &str, out: &str) {
    if let Some(c) = out.chars().find(|&c| c != '\n' && is_forbidden(c)) {
        panic!("{what}: U+{:04X} in {out:?}", c as u32);
    }
}

/// Panics if `out` is not JSON or is not clean.
fn assert_json(what: &str, out: &str) {
    if let Err(e) = serde_json::from_str::<serde_json::Value>(out) {
        panic!("{what}: {e} in {out:?}");
    }
    assert_clean(what, out);
}

/// Renders an entry every way, with `query` as what was typed.
fn render_all(glossary: &Glossary, entry: usize, query: &str) {
    let entry_data = glossary.entry(entry);
    for lang in Lang::ALL {
        for wanted in [
            None,
            Some(&[SectionKey::Definition, SectionKey::Related][..]),
        ] {
            let view = View::new(glossary, entry, &entry_data, lang, wanted);
            for width in [None, Some(1), Some(40)] {
                assert_clean("text", &text::render(&view, Style::new(false), width));
            }
            assert_clean("markdown", &markdown::render(&view));
            let found = Found {
                entry,
                method: crate::lookup::Method::Fuzzy,
                score: 0.9,
            };
            assert_json(
                "entry JSON",
                &json::to_string(&EntryJson::new(&view, query, found)),
            );
        }
    }
}

/// Any bytes as a query: lookup, search, and every renderer.
pub fn query(data: &[u8]) {
    let query = String::from_utf8_lossy(data);
    let glossary = built_in();
    assert_clean("shown query", &shown(&query));
    match lookup(glossary, &query, false) {
        Outcome::Found(found) => {
            assert!(found.entry < glossary.len());
            render_all(glossary, found.entry, &query);
        }
        Outcome::Ambiguous(entries) => {
            assert!(entries.len() > 1);
            let candidates: Vec<Candidate> = entries
                .iter()
                .map(|&i| Candidate::new(glossary, i, Lang::Id))
                .collect();
            assert_json("ambiguous JSON", &json::ambiguous(&query, &candidates));
        }
        Outcome::NotFound(suggestions) => {
            assert!(suggestions.len() <= crate::lookup::MAX_SUGGESTIONS);
            let miss = json::not_found(glossary, &query, &suggestions, Lang::Id);
            assert_json("not-found JSON", &miss);
        }
    }
    for lang in Lang::ALL {
        for hit in search(glossary, &query, lang, 0) {
            assert!(hit.entry < glossary.len());
            let snippet = crate::search::snippet::snippet(glossary, hit.entry, lang, &hit.terms);
            assert_clean("snippet", &snippet.text);
        }
    }
}

/// Any bytes as a user glossary file: validation, then the store and the
/// renderers for whatever it accepts.
pub fn glossary_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = crate::user::File {
        path: "fuzz.toml".to_owned(),
        text: text.to_owned(),
    };
    // Checked as the loader checks a KAMUS_PATH file.
    let checked = crate::user::check(&[file], built_in());
    for problem in &checked.problems {
        assert_clean("problem", &problem.to_string());
    }
    if checked.entries.is_empty() {
        return;
    }
    let glossary = Glossary::with_user(Glossary::encode(checked.entries), None);
    for entry in 0..glossary.len() {
        render_all(&glossary, entry, glossary.slug(entry));
    }
}
