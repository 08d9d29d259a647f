//! The glossary's content: its size, the terms it must have, and the shape
//! every entry must take.

use kamus::glossary::Glossary;
use kamus::lookup::{Outcome, lookup};
use kamus::model::{Kind, Lang};

/// The seed page's neighbourhood and the core SEO vocabulary: every slug
/// here must exist.
const REQUIRED: &[&str] = &[
    "back-end-developer",
    "front-end-developer",
    "full-stack-developer",
    "product-manager",
    "project-manager",
    "website-tester",
    "qa-testing",
    "stakeholder",
    "database",
    "api",
    "server",
    "web-server",
    "website",
    "browser",
    "framework",
    "programming-language",
    "php",
    "javascript",
    "python",
    "ruby",
    "codeigniter",
    "laravel",
    "yii",
    "spring-framework",
    "hibernate",
    "django",
    "flask",
    "ruby-on-rails",
    "nginx",
    "apache-http-server",
    "litespeed",
    "mysql",
    "postgresql",
    "nosql",
    "version-control-system",
    "git",
    "phishing",
    "sql-injection",
    "deface",
    "debugging",
    "troubleshooting",
    "user-interface",
    "user-experience",
    "e-commerce",
    "hosting",
    // the core of the SEO glossary
    "seo",
    "search-engine",
    "serp",
    "backlink",
    "robots-txt",
    "web-crawler",
    "keyword",
    "meta-description",
    "canonical-tag",
    "sitemap",
    "cookies",
];

#[test]
fn the_glossary_has_at_least_380_terms() {
    let (status, out, _) = crate::run(&["--list"]);
    assert_eq!(status, 0);
    assert!(out.lines().count() >= 380, "{} terms", out.lines().count());
}

#[test]
fn every_entry_names_one_to_three_sources_by_their_address() {
    for entry in Glossary::built_in().entries() {
        assert!(
            (1..=3).contains(&entry.sources.len()),
            "{} has {} sources",
            entry.slug,
            entry.sources.len()
        );
        for source in entry.sources.iter() {
            assert!(
                source.url.starts_with("http"),
                "{}: {}",
                entry.slug,
                source.url
            );
            assert!(!source.title.trim().is_empty(), "{}", entry.slug);
        }
    }
}

/// The rows of `data/DEMAND.md` marked covered: (English name, Indonesian
/// names, covering slug).
fn covered_demand() -> Vec<(String, Vec<String>, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/DEMAND.md");
    let text = std::fs::read_to_string(path).expect("DEMAND.md is readable");
    text.lines()
        .filter(|l| l.starts_with("| ") && l.contains(" | ✓ "))
        .map(|l| {
            let cols: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            let name = cols[0].split(" (").next().unwrap_or(cols[0]).to_owned();
            // A bracket gives an abbreviation or a sense: the name is
            // what stands before it.
            let indonesian = cols[2]
                .split(';')
                .map(|n| n.split(" (").next().unwrap_or(n).trim())
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            let slug = cols[5].trim_start_matches("✓ ").to_owned();
            (name, indonesian, slug)
        })
        .collect()
}

#[test]
fn every_covered_demand_term_finds_its_entry_by_each_of_its_names() {
    let glossary = Glossary::built_in();
    let rows = covered_demand();
    assert!(rows.len() >= 300, "{} covered rows", rows.len());
    let mut failures = Vec::new();
    for (name, indonesian, slug) in &rows {
        assert!(glossary.by_slug(slug).is_some(), "{slug} is not an entry");
        for typed in std::iter::once(name).chain(indonesian) {
            let names_it = match lookup(&glossary, typed, true) {
                Outcome::Found(found) => glossary.slug(found.entry) == slug,
                Outcome::Ambiguous(entries) => entries.iter().any(|&e| glossary.slug(e) == slug),
                Outcome::NotFound(_) => false,
            };
            if !names_it {
                failures.push(format!("{typed:?} does not name {slug}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_required_slug_exists() {
    let glossary = Glossary::built_in();
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|s| glossary.by_slug(s).is_none())
        .collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
}

#[test]
fn every_entry_is_complete_in_both_languages() {
    for entry in Glossary::built_in().entries() {
        for lang in Lang::ALL {
            let words = entry.definition.get(lang).split_whitespace().count();
            assert!(
                words >= 25,
                "{} ({}) definition has {words} words",
                entry.slug,
                lang.code()
            );
            assert!(!entry.term.get(lang).trim().is_empty(), "{}", entry.slug);
        }
        assert!(
            (3..=8).contains(&entry.related.len()),
            "{} has {} related",
            entry.slug,
            entry.related.len()
        );
    }
}

#[test]
fn every_role_has_duties_and_grouped_skills() {
    let glossary = Glossary::built_in();
    let roles: Vec<_> = glossary
        .entries()
        .filter(|e| e.kind == Kind::Role)
        .collect();
    assert!(roles.len() >= 10, "{} roles", roles.len());
    for role in roles {
        assert!(
            (4..=6).contains(&role.duties.len()),
            "{} has {} duties",
            role.slug,
            role.duties.len()
        );
        assert!(
            role.skills.len() >= 2,
            "{} has {} skill groups",
            role.slug,
            role.skills.len()
        );
        assert!(
            role.skills.iter().all(|g| !g.items.is_empty()),
            "{}",
            role.slug
        );
    }
}

#[test]
fn kinds_have_their_sections() {
    for entry in Glossary::built_in().entries() {
        for key in entry.kind.required_sections() {
            assert!(
                entry.sections.iter().any(|s| s.key == *key),
                "{} lacks {}",
                entry.slug,
                key.key()
            );
        }
    }
}

#[test]
fn search_finds_entries_by_words_in_their_bodies() {
    // Words that appear in the body of an entry, not in its names.
    for (query, lang, slug) in [
        ("berparameter", "id", "sql-injection"),
        ("troubleshooting", "id", "back-end-developer"),
        ("impressions", "en", "click-through-rate"),
    ] {
        let (status, out, _) = crate::run(&["--search", query, "-L", lang]);
        assert_eq!(status, 0, "{query}");
        assert!(
            out.lines().any(|l| l.starts_with(&format!("{slug} "))),
            "{query}: {out}"
        );
    }
}
