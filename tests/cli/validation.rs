//! The validator on broken fixtures: each rule's message and its
//! `file:line:col`. The same code checks `data/` at build time.

use kamus::validate::{Rules, Source, validate};

/// A valid concept entry; each test breaks one thing in it.
const BASE: &str = r#"kind = "concept"
updated = 2026-11-28
related = ["other"]

[term]
id = "Contoh"
en = "Example"

[aliases]
id = ["misal"]
en = ["sample"]

[definition]
id = "Satu dua tiga empat."
en = "One two three four."
"#;

/// Another valid entry, for the related link and alias collisions.
const OTHER: &str = r#"kind = "concept"
updated = 2026-11-28
related = ["contoh"]
term = { id = "Lain", en = "Other" }
aliases = { id = [], en = [] }
definition = { id = "Yang lain lagi.", en = "Something else again." }
"#;

const LENIENT: Rules = Rules {
    min_definition_words: 1,
    related: 0..=8,
    duties: 1..=6,
    sources: 0..=3,
    address_nobody: false,
    dated_claims_need_sources: false,
    unknown_related_fails: true,
};

/// The problems of checking `contoh.toml` (with `text`) beside `other.toml`.
fn problems_with(rules: &Rules, path: &str, text: &str) -> Vec<String> {
    let sources = [
        Source { path, text },
        Source {
            path: "t/other.toml",
            text: OTHER,
        },
    ];
    validate(&sources, rules, &[])
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn problems(text: &str) -> Vec<String> {
    problems_with(&LENIENT, "t/contoh.toml", text)
}

#[test]
fn the_base_fixture_is_valid() {
    let sources = [
        Source {
            path: "t/contoh.toml",
            text: BASE,
        },
        Source {
            path: "t/other.toml",
            text: OTHER,
        },
    ];
    let checked = validate(&sources, &LENIENT, &[]);
    assert_eq!(checked.problems, []);
    assert_eq!(checked.entries.len(), 2);
    assert_eq!(checked.entries[0].slug, "contoh");
    assert_eq!(checked.entries[0].updated, "2026-11-28");
}

#[test]
fn unknown_field() {
    let text = BASE.replace(
        "related = [\"other\"]\n",
        "related = [\"other\"]\ncolour = \"red\"\n",
    );
    assert_eq!(
        problems(&text),
        [
            "t/contoh.toml:4:1: unknown field `colour`, expected one of `kind`, `updated`, `related`, `term`, `aliases`, `definition`, `duties`, `skills`, `sections`, `sources`"
        ]
    );
}

#[test]
fn missing_field() {
    let text = BASE.replace("updated = 2026-11-28\n", "");
    let got = problems(&text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].starts_with("t/contoh.toml:1:1: missing field `updated`"),
        "{got:?}"
    );
}

#[test]
fn missing_language() {
    let text = BASE.replace("en = \"One two three four.\"\n", "");
    let got = problems(&text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].starts_with("t/contoh.toml:13:1: missing field `en`"),
        "{got:?}"
    );
}

#[test]
fn file_name_that_is_not_a_slug() {
    let got = problems_with(&LENIENT, "t/Contoh_Baru.toml", BASE);
    assert_eq!(
        got,
        [
            "t/Contoh_Baru.toml:1:1: file name `Contoh_Baru` is not a slug (lowercase letters and digits joined by single hyphens)",
            // The other file points at `contoh`, which this name did not give.
            "t/other.toml:3:12: related slug `contoh` does not exist",
        ]
    );
}

#[test]
fn role_without_duties_or_skills() {
    let text = BASE.replace("kind = \"concept\"", "kind = \"role\"");
    assert_eq!(
        problems(&text),
        [
            "t/contoh.toml:1:8: a role needs 1 to 6 duties; this one has 0",
            "t/contoh.toml:1:8: a role needs at least one group of skills",
        ]
    );
}

#[test]
fn duties_on_a_concept() {
    let text = format!(
        "{BASE}\n[[duties]]\ntitle = {{ id = \"a\", en = \"b\" }}\nbody = {{ id = \"c\", en = \"d\" }}\n"
    );
    assert_eq!(
        problems(&text),
        ["t/contoh.toml:1:8: only a role has duties and skills"]
    );
}

#[test]
fn empty_text() {
    let text = BASE.replace("id = \"Contoh\"", "id = \"  \"");
    assert_eq!(problems(&text), ["t/contoh.toml:6:6: empty text"]);
}

#[test]
fn related_slug_that_does_not_exist() {
    let text = BASE.replace("[\"other\"]", "[\"other\", \"nowhere\"]");
    assert_eq!(
        problems(&text),
        ["t/contoh.toml:3:21: related slug `nowhere` does not exist"]
    );
}

#[test]
fn related_to_itself() {
    let text = BASE.replace("[\"other\"]", "[\"contoh\"]");
    assert_eq!(
        problems(&text),
        ["t/contoh.toml:3:12: `contoh` is related to itself"]
    );
}

#[test]
fn alias_that_is_another_entrys_slug() {
    let text = BASE.replace("[\"sample\"]", "[\"Other\"]");
    assert_eq!(
        problems(&text),
        ["t/contoh.toml:11:7: alias `other` is already a name of `other`"]
    );
}

#[test]
fn two_entries_may_share_an_alias() {
    // A homonym: both entries keep the alias, and lookup lists them.
    let other = OTHER.replace("en = [] }", "en = [\"Sample\"] }");
    let sources = [
        Source {
            path: "t/contoh.toml",
            text: BASE,
        },
        Source {
            path: "t/other.toml",
            text: &other,
        },
    ];
    let checked = validate(&sources, &LENIENT, &[]);
    assert_eq!(checked.problems, []);
    assert_eq!(checked.entries.len(), 2);
}

#[test]
fn alias_that_is_the_slug_itself() {
    let text = BASE.replace("[\"sample\"]", "[\"CONTOH\"]");
    assert_eq!(
        problems(&text),
        ["t/contoh.toml:11:7: alias `CONTOH` is the slug itself; normalisation already finds it"]
    );
}

#[test]
fn control_characters_and_escape_codes() {
    let text = BASE.replace("en = \"Example\"", "en = \"Ex\\u001b[31mample\"");
    assert_eq!(
        problems(&text),
        ["t/contoh.toml:7:6: text contains the control character U+001B"]
    );
    let text = BASE.replace("en = \"Example\"", "en = \"Ex\\u202Eample\"");
    assert_eq!(
        problems(&text),
        ["t/contoh.toml:7:6: text contains the control character U+202E"]
    );
}

#[test]
fn a_date_with_a_time() {
    let text = BASE.replace("2026-11-28", "2026-11-28T10:00:00");
    assert_eq!(
        problems(&text),
        ["t/contoh.toml:2:11: `updated` must be a date such as 2026-11-28, without a time"]
    );
}

#[test]
fn unknown_kind_lists_the_kinds() {
    let text = BASE.replace("\"concept\"", "\"gadget\"");
    assert_eq!(
        problems(&text),
        [
            "t/contoh.toml:1:8: unknown kind `gadget`; expected one of: role, concept, technology, technique, metric, security"
        ]
    );
}

#[test]
fn unknown_and_repeated_section_keys() {
    let text = format!(
        "{BASE}\n[[sections]]\nkey = \"trivia\"\nbody = {{ id = \"a\", en = \"b\" }}\n\n[[sections]]\nkey = \"types\"\n\n[[sections]]\nkey = \"types\"\nbody = {{ id = \"a\", en = \"b\" }}\n"
    );
    let got = problems(&text);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[0].starts_with("t/contoh.toml:18:7: unknown section key `trivia`; expected one of: how-it-works, types,"), "{got:?}");
    assert_eq!(
        got[1],
        "t/contoh.toml:22:7: section `types` needs a `body` or `items`"
    );
    assert_eq!(got[2], "t/contoh.toml:25:7: section `types` appears twice");
}

#[test]
fn a_kind_without_its_required_sections() {
    let text = BASE.replace("\"concept\"", "\"security\"");
    assert_eq!(
        problems(&text),
        [
            "t/contoh.toml:1:8: a security entry needs a `how-it-works` section",
            "t/contoh.toml:1:8: a security entry needs a `prevention` section",
        ]
    );
}

#[test]
fn the_built_in_rules_want_longer_definitions() {
    let got = problems_with(&Rules::BUILT_IN, "t/contoh.toml", BASE);
    assert!(
        got.contains(
            &"t/contoh.toml:14:6: definition (id) has 4 words; at least 25 are needed".to_owned()
        ),
        "{got:?}"
    );
    assert!(
        got.contains(
            &"t/contoh.toml:15:6: definition (en) has 4 words; at least 25 are needed".to_owned()
        ),
        "{got:?}"
    );
}

#[test]
fn not_toml() {
    let text = BASE.replace("[term]", "[term");
    let got = problems(&text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("t/contoh.toml:5:6: "), "{got:?}");
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = BASE
        .replace("\"concept\"", "\"gadget\"")
        .replace("id = \"Contoh\"", "id = \"\"")
        .replace("[\"other\"]", "[\"nowhere\"]");
    let got = problems(&text);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[0].starts_with("t/contoh.toml:1:8: unknown kind"));
    assert!(got[1].starts_with("t/contoh.toml:3:12: related slug `nowhere`"));
    assert!(got[2].starts_with("t/contoh.toml:6:6: empty text"));
}

#[test]
fn a_broken_file_does_not_hide_the_good_ones() {
    let sources = [
        Source {
            path: "t/contoh.toml",
            text: "kind = ",
        },
        Source {
            path: "t/other.toml",
            text: OTHER,
        },
    ];
    let checked = validate(&sources, &LENIENT, &[]);
    assert_eq!(checked.problems.len(), 1);
    assert_eq!(checked.entries.len(), 1);
    assert_eq!(checked.entries[0].slug, "other");
}

#[test]
fn alias_that_is_the_entrys_own_term() {
    let text = BASE.replace("[\"sample\"]", "[\"EXAMPLE\"]");
    assert_eq!(
        problems(&text),
        [
            "t/contoh.toml:11:7: alias `EXAMPLE` is the entry's own term (en); normalisation already finds it"
        ]
    );
}

/// The base fixture with `sources` on its fourth line.
fn with_sources(sources: &str) -> String {
    BASE.replace(
        "related = [\"other\"]\n",
        &format!("related = [\"other\"]\nsources = {sources}\n"),
    )
}

#[test]
fn sources_are_titled_web_addresses_without_tracking() {
    let ok = with_sources(
        r#"[{ title = "MDN: URL", url = "https://developer.mozilla.org/en-US/docs/Glossary/URL" }]"#,
    );
    assert_eq!(problems(&ok), Vec::<String>::new());
    let text = with_sources(
        r#"[{ title = "A", url = "ftp://a.org/x" }, { title = "B", url = "https://b.org/p?hl=id" }, { title = "", url = "https://c.org" }]"#,
    );
    assert_eq!(
        problems(&text),
        [
            "t/contoh.toml:4:33: source `ftp://a.org/x` must start with https://",
            "t/contoh.toml:4:73: source `https://b.org/p?hl=id` has the tracking parameter `hl`; drop it",
            "t/contoh.toml:4:110: empty text",
        ]
    );
    let twice = with_sources(
        r#"[{ title = "A", url = "https://a.org" }, { title = "B", url = "https://a.org" }]"#,
    );
    assert_eq!(
        problems(&twice),
        ["t/contoh.toml:4:73: source `https://a.org` is listed twice"]
    );
    let field = with_sources(r#"[{ title = "A", link = "https://a.org" }]"#);
    let got = problems(&field);
    assert!(
        got.iter().any(|p| p.contains("unknown field `link`")),
        "{got:?}"
    );
    assert!(
        got.iter().any(|p| p.contains("missing field `url`")),
        "{got:?}"
    );
}

#[test]
fn the_number_of_sources_is_bounded_by_the_rules() {
    let rules = Rules {
        sources: 1..=3,
        ..LENIENT
    };
    assert_eq!(
        problems_with(&rules, "t/contoh.toml", BASE),
        [
            "t/contoh.toml:1:1: `sources` needs 1 to 3 pages; it has 0",
            "t/other.toml:1:1: `sources` needs 1 to 3 pages; it has 0",
        ]
    );
    let four = with_sources(
        r#"[{ title = "A", url = "https://a.org" }, { title = "B", url = "https://b.org" }, { title = "C", url = "https://c.org" }, { title = "D", url = "https://d.org" }]"#,
    );
    assert_eq!(
        problems_with(&rules, "t/contoh.toml", &four)[0],
        "t/contoh.toml:4:1: `sources` needs 1 to 3 pages; it has 4"
    );
}

#[test]
fn a_definition_that_addresses_the_reader() {
    let rules = Rules {
        address_nobody: true,
        ..LENIENT
    };
    let text = BASE
        .replace("One two three four.", "Your site has one.")
        .replace("Satu dua tiga empat.", "Situs Anda punya satu.");
    assert_eq!(
        problems_with(&rules, "t/contoh.toml", &text),
        [
            "t/contoh.toml:14:6: definition (id) addresses the reader (`anda`); a definition addresses nobody",
            "t/contoh.toml:15:6: definition (en) addresses the reader (`your`); a definition addresses nobody",
        ]
    );
    // The same text is fine for a glossary that does not hold the rule.
    assert_eq!(problems(&text), Vec::<String>::new());
}

#[test]
fn a_dated_claim_needs_a_source() {
    let rules = Rules {
        dated_claims_need_sources: true,
        ..LENIENT
    };
    let text = BASE.replace("One two three four.", "It was renamed in 2024.");
    assert_eq!(
        problems_with(&rules, "t/contoh.toml", &text),
        [
            "t/contoh.toml:15:7: `renamed` dates or changes something: the entry needs `sources` that say so"
        ]
    );
    let sourced = with_sources(r#"[{ title = "A", url = "https://a.org" }]"#)
        .replace("One two three four.", "It was renamed in 2024.");
    assert_eq!(
        problems_with(&rules, "t/contoh.toml", &sourced),
        Vec::<String>::new()
    );
}

#[test]
fn a_tab_is_whitespace_but_other_controls_are_refused() {
    let tabbed = BASE.replace("Satu dua tiga empat.", "Satu\tdua tiga empat.");
    assert_eq!(problems(&tabbed), Vec::<String>::new());
    let belled = BASE.replace("Satu dua tiga empat.", "Satu\\u0007dua tiga empat.");
    assert_eq!(
        problems(&belled),
        ["t/contoh.toml:14:6: text contains the control character U+0007"]
    );
}

#[test]
fn every_problem_of_the_shape_is_reported_at_once() {
    // An unknown field, a missing one, a wrong type, a text without a
    // language and a section of the wrong shape: five problems, one run.
    let text = BASE
        .replace("updated = 2026-11-28\n", "colour = \"red\"\n")
        .replace("related = [\"other\"]", "related = \"other\"")
        .replace("en = \"Example\"\n", "")
        + "\n[[sections]]\nkey = 7\n";
    let got = problems(&text);
    for want in [
        "t/contoh.toml:1:1: missing field `updated`",
        "t/contoh.toml:2:1: unknown field `colour`",
        "t/contoh.toml:3:11: invalid type: string, expected an array",
        "t/contoh.toml:5:1: missing field `en`",
        "invalid type: integer `7`, expected a string",
    ] {
        assert!(
            got.iter().any(|p| p.starts_with(want) || p.ends_with(want)),
            "{want} not in {got:#?}"
        );
    }
}
