//! `--list`: every slug, or every entry in markdown or JSON.

use crate::app::{Report, Status};
use crate::cli::Format;
use crate::glossary::Glossary;
use crate::render::json::{self, Named};
use crate::settings::Settings;

pub fn run(settings: &Settings, glossary: &Glossary) -> Report {
    let mut report = Report::new(Status::Found);
    let entries = glossary.entries();
    report.out = match settings.format {
        Format::Text => entries.iter().map(|e| format!("{}\n", e.slug)).collect(),
        Format::Markdown => entries
            .iter()
            .map(|e| format!("- `{}` — {}\n", e.slug, e.term.get(settings.lang)))
            .collect(),
        Format::Json => json::to_string(
            &entries
                .iter()
                .map(|e| Named {
                    slug: &e.slug,
                    term: e.term.get(settings.lang),
                    kind: Some(e.kind.key()),
                    score: None,
                    snippet: None,
                })
                .collect::<Vec<_>>(),
        ),
    };
    report
}
