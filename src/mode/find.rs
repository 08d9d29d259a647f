//! `--search`: full-text hits, one a line, best first.

use crate::app::{Report, Status};
use crate::cli::Format;
use crate::glossary::Glossary;
use crate::normalize::normalize;
use crate::render::json::{self, Named};
use crate::render::shown;
use crate::search;
use crate::settings::Settings;
use crate::style::Piece;

pub fn run(settings: &Settings, glossary: &Glossary, query: &str) -> Report {
    if normalize(query).is_empty() {
        return Report::error("the search query has no letters or digits");
    }
    let hits = search::search(glossary, query, settings.lang);
    let mut report = Report::new(if hits.is_empty() {
        Status::NotFound
    } else {
        Status::Found
    });
    if hits.is_empty() {
        report.note(format!("nothing found for '{}'", shown(query)));
    }
    let lang = settings.lang;
    let term = |i: usize| glossary.term(i, lang);
    let slug = |i: usize| glossary.slug(i);
    report.out = match settings.format {
        Format::Text => {
            let pad = hits.iter().map(|h| slug(h.entry).len()).max().unwrap_or(0);
            hits.iter()
                .map(|h| {
                    let name = settings.style.paint(Piece::Slug, slug(h.entry));
                    let gap = " ".repeat(pad - slug(h.entry).len());
                    format!("{name}{gap}  {}: {}\n", term(h.entry), h.snippet)
                })
                .collect()
        }
        Format::Markdown => hits
            .iter()
            .map(|h| {
                format!(
                    "- `{}` — **{}**: {}\n",
                    slug(h.entry),
                    term(h.entry),
                    h.snippet
                )
            })
            .collect(),
        Format::Json => json::to_string(
            &hits
                .iter()
                .map(|h| Named {
                    slug: slug(h.entry),
                    term: term(h.entry),
                    kind: None,
                    score: Some(f64::from(h.score)),
                    snippet: Some(&h.snippet),
                })
                .collect::<Vec<_>>(),
        ),
    };
    report
}
