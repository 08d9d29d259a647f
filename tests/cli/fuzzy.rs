//! The fuzzy-lookup table: realistic queries and what each must resolve to
//! (or that it must not resolve). Grows with the glossary.

use kamus::glossary::Glossary;
use kamus::lookup::{Outcome, lookup};

/// (query, the slug it must resolve to, or `None` when it must not resolve).
const TABLE: &[(&str, Option<&str>)] = &[
    // the seed term, every way a reader types it
    ("bakend developer", Some("back-end-developer")),
    ("back-end-develper", Some("back-end-developer")),
    ("backenddeveloper", Some("back-end-developer")),
    ("developer back end", Some("back-end-developer")),
    ("back end dev", Some("back-end-developer")),
    ("backend", Some("back-end-developer")),
    ("pengembang backend", Some("back-end-developer")),
    // its neighbours
    ("frontend", Some("front-end-developer")),
    ("front end dev", Some("front-end-developer")),
    ("fullstack", Some("full-stack-developer")),
    ("tester", Some("website-tester")),
    ("quality assurance", Some("qa-testing")),
    // typos in technology names
    ("pyhton", Some("python")),
    ("javascrpt", Some("javascript")),
    ("larvel", Some("laravel")),
    ("djano", Some("django")),
    ("codeigneter", Some("codeigniter")),
    ("hibernat", Some("hibernate")),
    ("ngnix", Some("nginx")),
    // four letters never resolve to another key: suggested instead (below)
    ("mysq", None),
    ("postgressql", Some("postgresql")),
    ("databse", Some("database")),
    ("gitub", Some("github")),
    ("hostign", Some("hosting")),
    ("cokies", Some("cookies")),
    ("ruby on rail", Some("ruby-on-rails")),
    // slips in keys of five to seven letters: a dropped, doubled or
    // swapped letter
    ("nignx", Some("nginx")),
    ("raect", Some("react")),
    ("mysqll", Some("mysql")),
    ("cahce", Some("cache")),
    ("falsk", Some("flask")),
    ("djnago", Some("django")),
    ("pythn", Some("python")),
    ("laravle", Some("laravel")),
    ("cookeis", Some("cookies")),
    ("domian", Some("domain")),
    ("agiel", Some("agile")),
    ("githbu", Some("github")),
    ("hsoting", Some("hosting")),
    ("keyowrd", Some("keyword")),
    ("brwoser", Some("browser")),
    ("malwre", Some("malware")),
    ("stiemap", Some("sitemap")),
    ("wordpres", Some("wordpress")),
    // short names, abbreviations and product names
    ("js", Some("javascript")),
    ("postgres", Some("postgresql")),
    ("apache", Some("apache-http-server")),
    ("rails", Some("ruby-on-rails")),
    ("sqli", Some("sql-injection")),
    ("xss", Some("cross-site-scripting")),
    ("csrf", Some("cross-site-request-forgery")),
    ("ctr", Some("click-through-rate")),
    ("lcp", Some("largest-contentful-paint")),
    ("ux", Some("user-experience")),
    ("eeat", Some("e-e-a-t")),
    ("googlebot", Some("web-crawler")),
    // Indonesian names
    ("mesin pencari", Some("search-engine")),
    ("basis data", Some("database")),
    ("injeksi sql", Some("sql-injection")),
    ("kata kunci", Some("keyword")),
    ("tingkat konversi", Some("conversion-rate")),
    ("meta deskripsi", Some("meta-description")),
    ("toko online", Some("e-commerce")),
    // SEO terms misspelt, split, joined or cut short
    ("sql injecton", Some("sql-injection")),
    ("bakclink", Some("backlink")),
    ("backlinks", Some("backlink")),
    ("apis", Some("api")),
    ("keywrod", Some("keyword")),
    ("click trough rate", Some("click-through-rate")),
    ("bounce rat", Some("bounce-rate")),
    ("robot txt", Some("robots-txt")),
    ("canonical", Some("canonical-tag")),
    ("core web vital", Some("core-web-vitals")),
    ("no follow", Some("nofollow")),
    ("e commerce", Some("e-commerce")),
    ("webserver", Some("web-server")),
    ("404", Some("404-error")),
    ("phising", Some("phishing")),
    // ambiguous: two entries fit about equally well
    ("end developer", None),
    ("developer", None),
    ("gti", None),
    ("robots", None),
    ("konversi", None),
    // nonsense
    ("qwertyuiop", None),
    ("asdfgh", None),
    ("zzz", None),
    ("kamus", None),
];

#[test]
fn the_table_is_big_enough_to_mean_something() {
    assert!(TABLE.len() >= 40);
    assert!(TABLE.iter().filter(|(_, want)| want.is_none()).count() >= 5);
}

#[test]
fn every_miss_suggests_only_candidates_above_the_floor() {
    let glossary = Glossary::built_in();
    for &(query, want) in TABLE.iter().filter(|(_, want)| want.is_none()) {
        let suggestions = match lookup(&glossary, query, false) {
            Outcome::NotFound(suggestions) => suggestions,
            // A shared name lists its entries instead.
            Outcome::Ambiguous(_) => continue,
            Outcome::Found(_) => panic!("{query:?} resolved; want {want:?}"),
        };
        assert!(suggestions.len() <= 5);
        assert!(
            suggestions
                .iter()
                .all(|&(_, score)| score >= kamus::fuzzy::SUGGEST_FLOOR)
        );
    }
}

#[test]
fn ambiguous_queries_suggest_both_candidates() {
    let glossary = Glossary::built_in();
    let Outcome::NotFound(suggestions) = lookup(&glossary, "end developer", false) else {
        panic!("`end developer` must not resolve");
    };
    let slugs: Vec<&str> = suggestions.iter().map(|&(i, _)| glossary.slug(i)).collect();
    assert!(
        slugs[..2].contains(&"back-end-developer") && slugs[..2].contains(&"front-end-developer"),
        "{slugs:?}"
    );
}

#[test]
fn nonsense_gets_no_suggestions() {
    let glossary = Glossary::built_in();
    assert_eq!(
        lookup(&glossary, "qwertyuiop", false),
        Outcome::NotFound(Vec::new())
    );
}

#[test]
fn fuzzy_table() {
    let glossary = Glossary::built_in();
    let mut failures = Vec::new();
    for &(query, want) in TABLE {
        let got = match lookup(&glossary, query, false) {
            Outcome::Found(found) => Some(glossary.slug(found.entry)),
            Outcome::Ambiguous(_) | Outcome::NotFound(_) => None,
        };
        if got != want {
            failures.push(format!("{query:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}
