//! In-process benchmarks of the work behind each command: normalisation,
//! exact and alias lookup, a fuzzy hit and miss, and search, on the built-in
//! glossary and on a synthetic one of 15,000 terms (generated in memory by
//! `examples/synth_glossary.rs`). Run with `cargo bench`; the whole-process
//! numbers, against a hello-world, come from `scripts/bench`.

#[allow(dead_code)]
#[path = "../examples/synth_glossary.rs"]
mod synth;

use std::sync::LazyLock;

use divan::{Bencher, black_box};
use kamus::glossary::Glossary;
use kamus::lookup::{Outcome, lookup};
use kamus::model::Lang;
use kamus::normalize::normalize;
use kamus::search::search;
use kamus::validate::{Rules, Source, validate};

fn main() {
    divan::main();
}

/// A glossary and the queries to time on it.
struct Case {
    glossary: Glossary,
    slug: String,
    alias: String,
    typo: String,
    miss: &'static str,
    search: String,
}

static BUILT_IN: LazyLock<Case> = LazyLock::new(|| Case {
    glossary: Glossary::built_in(),
    slug: "back-end-developer".into(),
    alias: "sqli".into(),
    typo: "bakend developer".into(),
    miss: "qwertyuiop",
    search: "keamanan".into(),
});

static LARGE: LazyLock<Case> = LazyLock::new(|| {
    let files = synth::generate(15_000);
    let sources: Vec<Source> = files
        .iter()
        .map(|(slug, text)| Source { path: slug, text })
        .collect();
    let mut entries = validate(&sources, &Rules::BUILT_IN, &[]).entries;
    entries.sort_by(|a, b| a.slug.cmp(&b.slug));
    let glossary = Glossary::from_entries(entries);
    let middle = glossary.entry(glossary.len() / 2);
    let slug = middle.slug.to_string();
    // A typo: the first two letters swapped.
    let typo = format!("{}{}{}", &slug[1..2], &slug[0..1], &slug[2..]);
    let alias = middle
        .aliases
        .iter()
        .flat_map(|l| l.iter())
        .next()
        .map_or(slug.clone(), ToString::to_string);
    // A word of the definition that few entries share.
    let search = middle
        .definition
        .get(Lang::Id)
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| w.len() >= 6 && search(&glossary, w, Lang::Id, 0).len() < 100)
        .unwrap_or("kaka")
        .to_lowercase();
    Case {
        glossary,
        slug,
        alias,
        typo,
        miss: "qwertyuiop",
        search,
    }
});

fn case(size: &str) -> &'static Case {
    if size == "15k" { &LARGE } else { &BUILT_IN }
}

const SIZES: &[&str] = &["built-in", "15k"];

#[divan::bench]
fn normalise() -> String {
    normalize(black_box("Back End Developer — Pengembang"))
}

#[divan::bench(args = SIZES)]
fn exact(bencher: Bencher, size: &str) {
    let c = case(size);
    bencher.bench(|| lookup(&c.glossary, black_box(&c.slug), true));
}

#[divan::bench(args = SIZES)]
fn alias(bencher: Bencher, size: &str) {
    let c = case(size);
    bencher.bench(|| lookup(&c.glossary, black_box(&c.alias), true));
}

#[divan::bench(args = SIZES)]
fn fuzzy_hit(bencher: Bencher, size: &str) {
    let c = case(size);
    assert!(
        matches!(lookup(&c.glossary, &c.typo, false), Outcome::Found(_)),
        "{}",
        c.typo
    );
    bencher.bench(|| lookup(&c.glossary, black_box(&c.typo), false));
}

#[divan::bench(args = SIZES)]
fn fuzzy_miss(bencher: Bencher, size: &str) {
    let c = case(size);
    bencher.bench(|| lookup(&c.glossary, black_box(c.miss), false));
}

#[divan::bench(args = SIZES)]
fn full_text_search(bencher: Bencher, size: &str) {
    let c = case(size);
    bencher.bench(|| search(&c.glossary, black_box(&c.search), Lang::Id, 10));
}
