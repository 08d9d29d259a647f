//! Showing one entry: looked up from the query, or picked at random, then
//! rendered in the chosen format with the chosen sections.

use std::hash::{BuildHasher, RandomState};

use crate::cli::{Cli, Format};
use crate::glossary::Glossary;
use crate::lookup::{self, Found, MAX_SUGGESTIONS, Method, Outcome};
use crate::messages::Message;
use crate::model::{Lang, SectionKey};
use crate::normalize::normalize;
use crate::render::json::{self, EntryJson};
use crate::render::{Candidate, View, markdown, shown, text};
use crate::report::{Report, Status};
use crate::search;
use crate::settings::Settings;

/// Looks the command line's term up and shows what it found.
pub fn look_up(cli: &Cli, settings: &Settings, glossary: &Glossary) -> Report {
    let query = cli.term.join(" ");
    if normalize(&query).is_empty() {
        return Report::error(Message::NothingToLookUp.text(settings.lang));
    }
    match lookup::lookup(glossary, &query, cli.exact) {
        Outcome::Found(found) => show(cli, settings, glossary, &query, found),
        Outcome::Ambiguous(entries) => ambiguous(settings, glossary, &query, &entries),
        Outcome::NotFound(suggestions) => {
            let suggestions = with_search_hits(glossary, &query, settings.lang, suggestions);
            not_found(settings, glossary, &query, &suggestions)
        }
    }
}

/// Shows one entry picked at random.
pub fn random(cli: &Cli, settings: &Settings, glossary: &Glossary) -> Report {
    let count = glossary.len();
    if count == 0 {
        return Report::error(Message::EmptyGlossary.text(settings.lang));
    }
    // A fresh `RandomState` is seeded by the OS: randomness without a crate.
    let pick = RandomState::new().hash_one(count) % count as u64;
    let entry = usize::try_from(pick).unwrap_or(0);
    let found = Found {
        entry,
        method: Method::Exact,
        score: 1.0,
    };
    show(cli, settings, glossary, glossary.slug(entry), found)
}

fn show(cli: &Cli, settings: &Settings, glossary: &Glossary, query: &str, found: Found) -> Report {
    let entry = &glossary.entry(found.entry);
    let mut report = Report::new(Status::Found);
    if found.method == Method::Fuzzy {
        let query = shown(query);
        report.note(
            Message::Showing {
                slug: &entry.slug,
                query: &query,
            }
            .text(settings.lang),
        );
    }
    let wanted: Option<&[SectionKey]> = (!cli.sections.is_empty()).then_some(&cli.sections[..]);
    if let Some(wanted) = wanted {
        let has = entry.section_keys();
        let missing: Vec<&str> = wanted
            .iter()
            .filter(|k| !has.contains(k))
            .map(|k| k.key())
            .collect();
        if !missing.is_empty() {
            let names: Vec<&str> = has.iter().map(|k| k.key()).collect();
            report.note(
                Message::NoSection {
                    slug: &entry.slug,
                    missing: &missing.join(", "),
                    has: &names.join(", "),
                }
                .text(settings.lang),
            );
            if missing.len() == wanted.len() {
                report.status = Status::NotFound;
                return report;
            }
        }
    }
    let view = View::new(glossary, found.entry, entry, settings.lang, wanted);
    report.out = match settings.format {
        Format::Text => text::render(&view, settings.style, settings.width),
        Format::Markdown => markdown::render(&view),
        Format::Json => json::to_string(&EntryJson::new(&view, query, found)),
    };
    report
}

/// The near spellings, then the best search hits for the query, up to
/// [`MAX_SUGGESTIONS`]: a reader who typed a description rather than a
/// name (`cara kerja google`) still gets somewhere. A search hit's score is
/// below every near spelling's, in proportion to the best hit's.
fn with_search_hits(
    glossary: &Glossary,
    query: &str,
    lang: Lang,
    mut suggestions: Vec<(usize, f64)>,
) -> Vec<(usize, f64)> {
    let hits = search::search(glossary, query, lang, MAX_SUGGESTIONS);
    let best = hits.first().map_or(1.0, |h| h.score.max(f64::MIN_POSITIVE));
    for hit in hits {
        if suggestions.len() >= MAX_SUGGESTIONS {
            break;
        }
        if !suggestions.iter().any(|&(e, _)| e == hit.entry) {
            suggestions.push((hit.entry, SEARCH_HIT * hit.score / best));
        }
    }
    suggestions
}

/// The score of the best search hit among suggestions.
const SEARCH_HIT: f64 = 0.4;

fn not_found(
    settings: &Settings,
    glossary: &Glossary,
    query: &str,
    suggestions: &[(usize, f64)],
) -> Report {
    let mut report = Report::new(Status::NotFound);
    if settings.format == Format::Json {
        report.out = json::not_found(glossary, query, suggestions, settings.lang);
    }
    let slugs: Vec<&str> = suggestions.iter().map(|&(i, _)| glossary.slug(i)).collect();
    let query = shown(query);
    let slugs = slugs.join(", ");
    report.note(
        if slugs.is_empty() {
            Message::NotFound { query: &query }
        } else {
            Message::DidYouMean {
                query: &query,
                slugs: &slugs,
            }
        }
        .text(settings.lang),
    );
    report
}

/// A name several entries share: each of them with its kind and first
/// sentence, on stderr (or as JSON on stdout), and a miss's status, since
/// no one entry was shown.
fn ambiguous(settings: &Settings, glossary: &Glossary, query: &str, entries: &[usize]) -> Report {
    let candidates: Vec<Candidate> = entries
        .iter()
        .map(|&i| Candidate::new(glossary, i, settings.lang))
        .collect();
    let mut report = Report::new(Status::NotFound);
    if settings.format == Format::Json {
        report.out = json::ambiguous(query, &candidates);
    }
    let query = shown(query);
    report.note(
        Message::SharedName {
            query: &query,
            count: candidates.len(),
        }
        .text(settings.lang),
    );
    let pad = candidates.iter().map(|c| c.slug.len()).max().unwrap_or(0);
    for c in &candidates {
        report.notes.push(format!(
            "  {:pad$}  {} ({}): {}",
            c.slug,
            c.term,
            c.kind.label(settings.lang),
            c.summary
        ));
    }
    report
}
