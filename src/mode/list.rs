//! `--list`: every slug, or every entry in markdown or JSON.

use crate::cli::Format;
use crate::glossary::Glossary;
use crate::render::json::{self, Named};
use crate::report::{Report, Status};
use crate::settings::Settings;

pub fn run(settings: &Settings, glossary: &Glossary) -> Report {
    let mut report = Report::new(Status::Found);
    let all = 0..glossary.len();
    let (slug, lang) = (|i| glossary.slug(i), settings.lang);
    report.out = match settings.format {
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
