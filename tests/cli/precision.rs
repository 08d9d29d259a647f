//! Queries that must not resolve: what readers type that is near a key but
//! means something else. Written from what users type (abbreviations one
//! letter off another, digit variants, one word of a longer name, ordinary
//! words near a key, in both languages), not from the keys' quirks. Each
//! must never be resolved by fuzzy matching, never to the neighbour named,
//! and where a neighbour is worth offering, it is among the suggestions.

use kamus::glossary::Glossary;
use kamus::lookup::{Method, Outcome, lookup};

use crate::run;

/// (what a reader typed, the entry it must never resolve to, the entry
/// that must be among the suggestions if it is not found).
const MUST_NOT_RESOLVE: &[(&str, &str, Option<&str>)] = &[
    // abbreviations one letter off another abbreviation
    ("cpm", "cost-per-click", Some("cost-per-click")),
    ("cpa", "cost-per-click", Some("cost-per-click")),
    ("cpv", "cost-per-click", Some("cost-per-click")),
    ("ssh", "ssl-tls", Some("ssl-tls")),
    ("tld", "ssl-tls", None),
    ("csp", "css", Some("css")),
    ("csr", "css", Some("css")),
    ("ssr", "ssl-tls", None),
    ("sso", "seo", Some("seo")),
    ("smo", "seo", Some("seo")),
    ("sea", "seo", Some("seo")),
    ("crm", "cms", None),
    ("cnd", "cdn", Some("cdn")),
    ("dsn", "dns", Some("dns")),
    ("dnz", "dns", Some("dns")),
    ("cdm", "cdn", Some("cdn")),
    ("htlm", "html", Some("html")),
    ("dom", "ddos", None),
    ("hmtl", "html", Some("html")),
    ("jsno", "json", Some("json")),
    ("xxs", "cross-site-scripting", None),
    ("ctv", "click-through-rate", None),
    ("cvr", "cost-per-click", None),
    ("pm", "python", None),
    ("pr", "php", None),
    ("ga3", "google-analytics", None),
    ("roas", "return-on-investment", None),
    ("sass", "css", None),
    ("saas", "css", None),
    ("npm", "nginx", None),
    ("ajax", "api", None),
    ("lpc", "largest-contentful-paint", None),
    // digits that differ
    ("302 redirect", "301-redirect", Some("301-redirect")),
    ("307 redirect", "301-redirect", Some("301-redirect")),
    ("308 redirect", "301-redirect", Some("301-redirect")),
    ("403 error", "404-error", Some("404-error")),
    ("500 error", "404-error", Some("404-error")),
    ("410 gone", "404-error", None),
    ("web3", "website", None),
    ("error 503", "404-error", None),
    ("error 401", "404-error", None),
    ("code 418", "http-status-code", None),
    ("tls 1.4", "ssl-tls", Some("ssl-tls")),
    ("ipv5", "ip-address", Some("ip-address")),
    ("401 error", "404-error", Some("404-error")),
    ("502 bad gateway", "404-error", None),
    ("http 500", "404-error", None),
    ("303 see other", "301-redirect", None),
    // one word of a longer name
    (
        "authentication",
        "two-factor-authentication",
        Some("two-factor-authentication"),
    ),
    ("web application", "firewall", Some("firewall")),
    ("deployment", "ci-cd", Some("ci-cd")),
    ("injection", "sql-injection", Some("sql-injection")),
    (
        "forgery",
        "cross-site-request-forgery",
        Some("cross-site-request-forgery"),
    ),
    (
        "scripting",
        "cross-site-scripting",
        Some("cross-site-scripting"),
    ),
    (
        "cross site",
        "cross-site-scripting",
        Some("cross-site-scripting"),
    ),
    ("attack", "brute-force-attack", None),
    ("testing", "qa-testing", Some("qa-testing")),
    ("marketing", "digital-marketing", None),
    ("content", "content-marketing", None),
    ("rate", "bounce-rate", None),
    ("tag", "title-tag", None),
    (
        "paint",
        "largest-contentful-paint",
        Some("largest-contentful-paint"),
    ),
    (
        "layout",
        "cumulative-layout-shift",
        Some("cumulative-layout-shift"),
    ),
    ("experience", "user-experience", Some("user-experience")),
    ("interface", "user-interface", Some("user-interface")),
    ("snippet", "featured-snippet", Some("featured-snippet")),
    ("speed", "page-speed", Some("page-speed")),
    ("developer", "web-developer", Some("web-developer")),
    (
        "end developer",
        "back-end-developer",
        Some("back-end-developer"),
    ),
    ("google", "google-ads", Some("google-ads")),
    ("analytics", "google-analytics", Some("google-analytics")),
    (
        "control system",
        "version-control-system",
        Some("version-control-system"),
    ),
    ("meta", "meta-description", None),
    (
        "first indexing",
        "mobile-first-indexing",
        Some("mobile-first-indexing"),
    ),
    ("pemasaran", "digital-marketing", None),
    ("serangan", "brute-force-attack", None),
    ("pengembang", "back-end-developer", None),
    ("injeksi", "sql-injection", Some("sql-injection")),
    ("mesin", "search-engine", Some("search-engine")),
    ("tingkat", "conversion-rate", None),
    ("kata", "keyword", None),
    ("pengalaman", "user-experience", Some("user-experience")),
    ("hasil pencarian", "serp", None),
    ("shared", "shared-hosting", Some("shared-hosting")),
    (
        "server side",
        "server-side-rendering",
        Some("server-side-rendering"),
    ),
    (
        "site generator",
        "static-site-generator",
        Some("static-site-generator"),
    ),
    ("bidding", "smart-bidding", Some("smart-bidding")),
    ("journey", "customer-journey", Some("customer-journey")),
    (
        "certificate",
        "digital-certificate",
        Some("digital-certificate"),
    ),
    (
        "single page",
        "single-page-application",
        Some("single-page-application"),
    ),
    ("manual", "manual-action", Some("manual-action")),
    ("quality", "quality-score", Some("quality-score")),
    (
        "next paint",
        "interaction-to-next-paint",
        Some("interaction-to-next-paint"),
    ),
    (
        "contentful paint",
        "largest-contentful-paint",
        Some("largest-contentful-paint"),
    ),
    (
        "time to first",
        "time-to-first-byte",
        Some("time-to-first-byte"),
    ),
    (
        "first byte",
        "time-to-first-byte",
        Some("time-to-first-byte"),
    ),
    (
        "web app",
        "progressive-web-app",
        Some("progressive-web-app"),
    ),
    ("local", "local-seo", Some("local-seo")),
    ("pixel", "tracking-pixel", Some("tracking-pixel")),
    ("biaya per", "cost-per-click", None),
    ("rasio", "click-through-rate", None),
    (
        "sertifikat",
        "digital-certificate",
        Some("digital-certificate"),
    ),
    ("pengujian", "qa-testing", None),
    // ordinary words near a key
    ("reach", "react", Some("react")),
    ("serve", "server", Some("server")),
    ("ghosting", "hosting", Some("hosting")),
    ("trails", "ruby-on-rails", None),
    ("terminal", "email-marketing", None),
    ("cash", "cache", None),
    ("fishing", "phishing", Some("phishing")),
    ("flash", "flask", Some("flask")),
    ("nodes", "node-js", None),
    ("agility", "agile", None),
    ("design", "responsive-web-design", None),
    ("merek", "react", None),
    ("kode", "node-js", None),
    ("tokens", "robots-txt", None),
    ("hacking", "hosting", None),
    ("laman", "landing-page", None),
    ("peretas", "ransomware", None),
    ("halaman", "landing-page", None),
];

#[test]
fn the_table_covers_every_kind_of_near_miss() {
    assert!(MUST_NOT_RESOLVE.len() >= 80, "{}", MUST_NOT_RESOLVE.len());
}

#[test]
fn near_misses_never_resolve_to_the_wrong_entry() {
    let glossary = Glossary::built_in();
    let mut failures = Vec::new();
    let mut misses = 0;
    for &(query, never, suggest) in MUST_NOT_RESOLVE {
        assert!(glossary.by_slug(never).is_some(), "{never} is not an entry");
        match lookup(&glossary, query, false) {
            Outcome::Found(found) => {
                let slug = glossary.slug(found.entry);
                // The glossary may come to name the query exactly; then it
                // is that entry, and never the neighbour.
                if found.method == Method::Fuzzy || slug == never {
                    failures.push(format!("{query:?} resolved to {slug} ({:?})", found.method));
                }
            }
            Outcome::Ambiguous(entries) => {
                misses += 1;
                assert!(entries.len() > 1);
            }
            Outcome::NotFound(suggestions) => {
                misses += 1;
                let offered: Vec<&str> =
                    suggestions.iter().map(|&(e, _)| glossary.slug(e)).collect();
                if let Some(want) = suggest {
                    if !offered.contains(&want) {
                        failures.push(format!("{query:?} does not suggest {want}: {offered:?}"));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        MUST_NOT_RESOLVE.len(),
        failures.join("\n")
    );
    assert!(misses >= 80, "only {misses} of the table are misses");
}

#[test]
fn a_near_miss_exits_1_and_names_its_neighbour() {
    for (query, neighbour) in [
        ("cnd", "cdn"),
        ("307 redirect", "301-redirect"),
        ("hmtl", "html"),
    ] {
        let (status, out, err) = run(&[query]);
        assert_eq!(status, 1, "{query}: {out}");
        assert!(out.is_empty(), "{query}: {out}");
        assert!(err.contains(neighbour), "{query}: {err}");
    }
}

#[test]
fn nonsense_and_far_words_get_no_suggestions() {
    let glossary = Glossary::built_in();
    for query in ["qwertyuiop", "zzzzzz", "xylophone", "flibbertigibbet"] {
        match lookup(&glossary, query, false) {
            Outcome::NotFound(suggestions) => {
                let offered: Vec<&str> =
                    suggestions.iter().map(|&(e, _)| glossary.slug(e)).collect();
                assert!(offered.is_empty(), "{query}: {offered:?}");
            }
            other => panic!("{query}: {other:?}"),
        }
    }
}

#[test]
fn a_slip_of_one_word_suggests_the_key() {
    // Each is a slip of one word of a longer name. Where that word is
    // itself a name of the entry (`backend`), the slip may resolve to it;
    // otherwise the entry is suggested.
    let glossary = Glossary::built_in();
    for (query, want) in [
        ("bakend", "back-end-developer"),
        ("frontned", "front-end-developer"),
        ("fron end", "front-end-developer"),
        ("injecton", "injection-attack"),
        ("analitics", "google-analytics"),
        ("scriptng", "cross-site-scripting"),
        ("responsiv web", "responsive-web-design"),
    ] {
        match lookup(&glossary, query, false) {
            Outcome::Found(found) => assert_eq!(glossary.slug(found.entry), want, "{query}"),
            Outcome::NotFound(suggestions) => {
                let offered: Vec<&str> =
                    suggestions.iter().map(|&(e, _)| glossary.slug(e)).collect();
                assert!(offered.contains(&want), "{query}: {offered:?}");
            }
            Outcome::Ambiguous(entries) => panic!("{query}: {entries:?}"),
        }
    }
}
