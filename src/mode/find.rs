//! `--search`: full-text hits, best first, at most `--limit` of them, each
//! with a snippet of its own text around what matched.

use crate::cli::Format;
use crate::glossary::Glossary;
use crate::messages::Message;
use crate::normalize::normalize;
use crate::render::json;
use crate::render::shown;
use crate::report::{Report, Status};
use crate::search::snippet::{Snippet, snippet};
use crate::search::{self, Hit};
use crate::settings::Settings;
use crate::style::{Piece, Style};
use crate::validate::is_forbidden;

pub fn run(settings: &Settings, glossary: &Glossary, query: &str, limit: usize) -> Report {
    if normalize(query).is_empty() {
        return Report::error(Message::NothingToSearch.text(settings.lang));
    }
    let hits = search::search(glossary, query, settings.lang, limit);
    let mut report = Report::new(if hits.is_empty() {
        Status::NotFound
    } else {
        Status::Found
    });
    if hits.is_empty() {
        let query = shown(query);
        report.note(Message::NothingFound { query: &query }.text(settings.lang));
    }
    let lang = settings.lang;
    // Snippets only for the hits printed.
    let shown_hits: Vec<(&Hit, Snippet)> = hits
        .iter()
        .map(|h| (h, clean(snippet(glossary, h.entry, lang, &h.terms))))
        .collect();
    let term = |i: usize| glossary.term(i, lang);
    let slug = |i: usize| glossary.slug(i);
    report.out = match settings.format {
        Format::Text => {
            let pad = hits.iter().map(|h| slug(h.entry).len()).max().unwrap_or(0);
            shown_hits
                .iter()
                .map(|(h, s)| {
                    let name = settings.style.paint(Piece::Slug, slug(h.entry));
                    let gap = " ".repeat(pad - slug(h.entry).len());
                    let text = painted(s, settings.style);
                    format!("{name}{gap}  {}: {text}\n", term(h.entry))
                })
                .collect()
        }
        Format::Markdown => shown_hits
            .iter()
            .map(|(h, s)| {
                format!(
                    "- `{}` — **{}**: {}\n",
                    slug(h.entry),
                    term(h.entry),
                    s.text
                )
            })
            .collect(),
        Format::Json => json::hits(
            &shown_hits
                .iter()
                .map(|(h, s)| json::HitJson {
                    slug: slug(h.entry),
                    term: term(h.entry),
                    score: json::round(h.score),
                    snippet: &s.text,
                    matched: &h.matched,
                })
                .collect::<Vec<_>>(),
        ),
    };
    report
}

/// The snippet with the matching words painted (on a terminal).
fn painted(snippet: &Snippet, style: Style) -> String {
    let mut out = String::with_capacity(snippet.text.len());
    let mut at = 0;
    for mark in &snippet.marks {
        out.push_str(&snippet.text[at..mark.start]);
        out.push_str(&style.paint(Piece::Match, &snippet.text[mark.clone()]));
        at = mark.end;
    }
    out.push_str(&snippet.text[at..]);
    out
}

/// A snippet with anything that could drive a terminal removed: validation
/// keeps such characters out of the data; this is the last guard.
fn clean(snippet: Snippet) -> Snippet {
    if snippet.text.chars().any(is_forbidden) {
        Snippet {
            text: snippet.text.chars().filter(|&c| !is_forbidden(c)).collect(),
            marks: Vec::new(),
        }
    } else {
        snippet
    }
}
