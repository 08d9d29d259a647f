//! `--list`: every slug, or with `--long` each slug, term and aliases
//! between tabs (what fzf matches on), or every entry in markdown or JSON.

use crate::cli::Format;
use crate::glossary::Glossary;
use crate::render::json::{self, Named};
use crate::report::{Report, Status};
use crate::settings::Settings;

pub fn run(settings: &Settings, glossary: &Glossary, long: bool) -> Report {
    let mut report = Report::new(Status::Found);
    let all = 0..glossary.len();
    let (slug, lang) = (|i| glossary.slug(i), settings.lang);
    report.out = match settings.format {
        Format::Text if long => all.map(|i| long_line(glossary, i, settings)).collect(),
        Format::Text => all.map(|i| format!("{}\n", slug(i))).collect(),
        Format::Markdown => all
            .map(|i| format!("- `{}` — {}\n", slug(i), glossary.term(i, lang)))
            .collect(),
        Format::Json => json::to_string(
            &all.map(|i| Named {
                slug: slug(i),
                term: glossary.term(i, lang),
                kind: Some(glossary.kind(i).key()),
                score: None,
                snippet: None,
            })
            .collect::<Vec<_>>(),
        ),
    };
    report
}

/// `slug<TAB>term<TAB>aliases`: the term in the chosen language, the
/// aliases of both (a reader may type either), joined by `, `. Any tab or
/// newline in a name becomes a space, so each line has three fields.
fn long_line(glossary: &Glossary, i: usize, settings: &Settings) -> String {
    let entry = glossary.entry(i);
    let first = settings.lang;
    let other = crate::model::Lang::ALL
        .into_iter()
        .filter(move |&l| l != first);
    let mut aliases: Vec<&str> = Vec::new();
    for lang in std::iter::once(first).chain(other) {
        for alias in entry.aliases[lang.index()].iter() {
            if !aliases.contains(&&**alias) {
                aliases.push(alias);
            }
        }
    }
    let flat = |text: &str| text.replace(['\t', '\n', '\r'], " ");
    format!(
        "{}\t{}\t{}\n",
        entry.slug,
        flat(entry.term.get(first)),
        flat(&aliases.join(", "))
    )
}
