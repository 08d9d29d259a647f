//! Property tests: normalisation, lookup, fuzzy bounds and rendering hold
//! for any input, not just the inputs someone thought of.

use std::borrow::Cow;

use kamus::fuzzy::SUGGEST_FLOOR;
use kamus::glossary::Glossary;
use kamus::lookup::{Found, MAX_SUGGESTIONS, Method, Outcome, lookup};
use kamus::model::{
    Duty, Entry, Kind, Lang, Reference, Section, SectionKey, SkillGroup, Str, Text,
};
use kamus::normalize::normalize;
use kamus::render::json::{EntryJson, to_string};
use kamus::render::{View, markdown, text};
use kamus::style::Style;
use proptest::prelude::*;

fn built_in() -> &'static Glossary {
    static GLOSSARY: std::sync::OnceLock<Glossary> = std::sync::OnceLock::new();
    GLOSSARY.get_or_init(Glossary::built_in)
}

/// Text a terminal must never see raw: any control character but the
/// newline that ends a line, and the overrides that reorder a line.
fn has_control(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

/// Any string, or one dense with control characters, escape sequences and
/// direction overrides.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "([a-z ]|\\x1b\\[[0-9;]{0,6}[a-zA-Z]|[\\x00-\\x1f\\x7f-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}]){0,24}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn normalisation_is_idempotent_and_clean(text in hostile()) {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once.clone());
        prop_assert!(!once.starts_with('-') && !once.ends_with('-') && !once.contains("--"));
        prop_assert!(once.chars().all(|c| c == '-' || c.is_alphanumeric()));
    }

    #[test]
    fn symbols_in_names_keep_their_meaning_however_they_are_spaced(
        upper in any::<bool>(),
        before in prop::sample::select(vec!["", " ", "  "]),
        between in prop::sample::select(vec!["", " ", "\t"]),
    ) {
        let case = |s: &str| if upper { s.to_uppercase() } else { s.to_owned() };
        let cpp = normalize(&case(&format!("{before}c{between}+{between}+")));
        prop_assert_eq!(&cpp, "c-plus-plus");
        let sharp = normalize(&case(&format!("{before}c#")));
        prop_assert_eq!(&sharp, "c-sharp");
        let dot = normalize(&case(&format!("{before}.net")));
        prop_assert_eq!(&dot, "dot-net");
        let names = [cpp, sharp, dot, normalize("c"), normalize("net")];
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                prop_assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn every_slug_and_alias_resolves_to_its_entry_however_it_is_typed(
        index in 0..1000_usize,
        which in 0..8_usize,
        separator in prop::sample::select(vec![" ", "_", "-", "  ", " - ", "."]),
        upper in any::<bool>(),
    ) {
        let glossary = built_in();
        let i = index % glossary.len();
        let entry = glossary.entry(i);
        let names: Vec<&str> = std::iter::once(&*entry.slug)
            .chain(entry.term.0.iter().map(|t| &**t))
            .chain(entry.aliases.iter().flat_map(|l| l.iter()).map(|a| &**a))
            .collect();
        let name = names[which % names.len()];
        let mut typed = normalize(name).replace('-', separator);
        if upper {
            typed = typed.to_uppercase();
        }
        match lookup(glossary, &typed, true) {
            Outcome::Found(found) => {
                prop_assert_eq!(found.entry, i, "{} found {}", typed, glossary.slug(found.entry));
                prop_assert!(found.method != Method::Fuzzy);
            }
            // A shared name lists every entry it names, this one among them.
            Outcome::Ambiguous(entries) => prop_assert!(entries.contains(&i), "{typed}"),
            Outcome::NotFound(_) => prop_assert!(false, "{typed} not found"),
        }
    }

    #[test]
    fn fuzzy_lookup_of_anything_stays_in_bounds(query in hostile()) {
        let glossary = built_in();
        match lookup(glossary, &query, false) {
            Outcome::Found(found) => {
                prop_assert!(found.entry < glossary.len());
                prop_assert!((0.0..=1.0).contains(&found.score));
            }
            Outcome::Ambiguous(entries) => {
                prop_assert!(entries.len() > 1);
                prop_assert!(entries.iter().all(|&e| e < glossary.len()));
            }
            Outcome::NotFound(suggestions) => {
                prop_assert!(suggestions.len() <= MAX_SUGGESTIONS);
                prop_assert!(suggestions.windows(2).all(|w| w[0].1 >= w[1].1));
                for (entry, score) in suggestions {
                    prop_assert!(entry < glossary.len());
                    prop_assert!((SUGGEST_FLOOR..=1.0).contains(&score));
                }
            }
        }
    }

    #[test]
    fn json_output_always_parses(
        index in 0..1000_usize,
        query in hostile(),
        english in any::<bool>(),
        sections in prop::sample::subsequence(SectionKey::ALL.to_vec(), 0..4),
    ) {
        let glossary = built_in();
        let entry = glossary.entry(index % glossary.len());
        let lang = if english { Lang::En } else { Lang::Id };
        let wanted = (!sections.is_empty()).then_some(&sections[..]);
        let view = View::new(glossary, index % glossary.len(), &entry, lang, wanted);
        let found = Found { entry: index % glossary.len(), method: Method::Fuzzy, score: 0.9 };
        let out = to_string(&EntryJson::new(&view, &query, found));
        prop_assert!(!has_control(&out), "{:?}", out);
        let doc: serde_json::Value = serde_json::from_str(&out).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&doc["slug"], &*entry.slug);
        prop_assert_eq!(&doc["match"]["query"], &query);
    }

    #[test]
    fn text_output_never_carries_control_characters(
        strings in prop::collection::vec(hostile(), 14),
        width in prop::option::of(0..300_usize),
        english in any::<bool>(),
    ) {
        // Whatever the data: these strings skip validation on purpose.
        let s = |i: usize| -> Str { Cow::Owned(strings[i].clone()) };
        let t = |i: usize| Text([s(i), s(i + 1)]);
        let entry = Entry {
            slug: Cow::Borrowed("hostile"),
            kind: Kind::Role,
            updated: s(0),
            term: t(1),
            aliases: [vec![s(2)].into(), vec![s(3)].into()],
            definition: t(4),
            duties: vec![Duty { title: t(5), body: t(6) }].into(),
            skills: vec![SkillGroup { group: t(7), items: vec![t(8)].into() }].into(),
            sections: vec![Section { key: SectionKey::Prevention, body: Some(t(9)), items: vec![t(10)].into() }].into(),
            related: vec![s(11)].into(),
            sources: vec![Reference { title: s(12), url: s(13) }].into(),
        };
        let glossary = Glossary::from_entries(vec![entry]);
        let entry = glossary.entry(0);
        let lang = if english { Lang::En } else { Lang::Id };
        let view = View::new(&glossary, 0, &entry, lang, None);
        let plain = text::render(&view, Style::new(false), width.filter(|&w| w > 0));
        prop_assert!(!has_control(&plain), "{:?}", plain);
        let md = markdown::render(&view);
        prop_assert!(!has_control(&md), "{:?}", md);
    }
}

#[test]
fn the_hostile_entry_text_is_kept_apart_from_its_controls() {
    // A check that the property above would see a raw escape if one got
    // through: rendering keeps the text around a removed control.
    let glossary = Glossary::from_entries(vec![Entry {
        slug: Cow::Borrowed("x"),
        kind: Kind::Concept,
        updated: Cow::Borrowed("2026-11-28"),
        term: Text([Cow::Borrowed("a\u{1b}[31mb"), Cow::Borrowed("a")]),
        aliases: [Vec::new().into(), Vec::new().into()],
        definition: Text([Cow::Borrowed("d\u{7}e"), Cow::Borrowed("d")]),
        duties: Vec::new().into(),
        skills: Vec::new().into(),
        sections: Vec::new().into(),
        related: Vec::new().into(),
        sources: Vec::new().into(),
    }]);
    let entry = glossary.entry(0);
    let view = View::new(&glossary, 0, &entry, Lang::Id, None);
    let out = text::render(&view, Style::new(false), None);
    assert!(out.contains("a[31mb") && out.contains("de"), "{out}");
    assert!(!has_control(&out));
}
