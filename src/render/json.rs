//! The JSON shapes: an entry, a miss, the list and search results. Field
//! names and order are a contract with scripts.

use serde::Serialize;

use super::{Candidate, Content, View};
use crate::glossary::Glossary;
use crate::lookup::Found;
use crate::model::Lang;
use crate::validate::is_forbidden;

#[derive(Serialize)]
pub struct EntryJson<'a> {
    slug: &'a str,
    term: &'a str,
    lang: &'static str,
    kind: &'static str,
    aliases: &'a [String],
    definition: String,
    sections: Vec<SectionJson<'a>>,
    related: Vec<Named<'a>>,
    sources: Vec<SourceJson<'a>>,
    updated: &'a str,
    #[serde(rename = "match")]
    matched: MatchJson<'a>,
}

#[derive(Serialize)]
struct SectionJson<'a> {
    key: &'static str,
    title: &'static str,
    #[serde(flatten)]
    content: ContentJson<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ContentJson<'a> {
    Duties {
        items: Vec<DutyJson<'a>>,
    },
    Skills {
        groups: Vec<GroupJson<'a>>,
    },
    Prose {
        #[serde(skip_serializing_if = "Option::is_none")]
        body: Option<String>,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        items: &'a [String],
    },
}

#[derive(Serialize)]
struct DutyJson<'a> {
    title: &'a str,
    body: String,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    title: &'a str,
    items: &'a [String],
}

/// An entry named by slug and term, with extras where a listing has them.
#[derive(Serialize)]
pub struct Named<'a> {
    pub slug: &'a str,
    pub term: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<&'a str>,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    title: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct MatchJson<'a> {
    query: &'a str,
    method: &'static str,
    score: f64,
}

/// A search hit.
#[derive(Serialize)]
pub struct HitJson<'a> {
    pub slug: &'a str,
    pub term: &'a str,
    pub score: f64,
    pub snippet: &'a str,
    pub matched: &'a [String],
}

/// The JSON of search hits: an array, best first.
pub fn hits(hits: &[HitJson]) -> String {
    to_string(&hits)
}

#[derive(Serialize)]
struct NotFoundJson<'a> {
    error: &'static str,
    query: &'a str,
    suggestions: Vec<Named<'a>>,
}

#[derive(Serialize)]
struct AmbiguousJson<'a> {
    error: &'static str,
    query: &'a str,
    candidates: Vec<CandidateJson<'a>>,
}

#[derive(Serialize)]
struct CandidateJson<'a> {
    slug: &'a str,
    term: &'a str,
    kind: &'static str,
    summary: &'a str,
}

/// The JSON of a miss: what was typed, and the suggestions.
pub fn not_found(
    glossary: &Glossary,
    query: &str,
    suggestions: &[(usize, f64)],
    lang: Lang,
) -> String {
    to_string(&NotFoundJson {
        error: "not_found",
        query,
        suggestions: suggestions
            .iter()
            .map(|&(i, score)| Named {
                slug: glossary.slug(i),
                term: glossary.term(i, lang),
                kind: None,
                score: Some(round(score)),
                snippet: None,
            })
            .collect(),
    })
}

/// The JSON of a shared name: what was typed, and every entry it names.
pub fn ambiguous(query: &str, candidates: &[Candidate]) -> String {
    to_string(&AmbiguousJson {
        error: "ambiguous",
        query,
        candidates: candidates
            .iter()
            .map(|c| CandidateJson {
                slug: &c.slug,
                term: &c.term,
                kind: c.kind.key(),
                summary: &c.summary,
            })
            .collect(),
    })
}

/// Rounds a similarity for output: three decimals say all there is to say.
pub fn round(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}

fn joined(paragraphs: &[String]) -> String {
    paragraphs.join("\n\n")
}

impl<'a> EntryJson<'a> {
    pub fn new(view: &'a View, query: &'a str, found: Found) -> EntryJson<'a> {
        let sections = view
            .blocks
            .iter()
            .filter_map(|block| {
                let content = match &block.content {
                    Content::Paragraphs(_) | Content::Related(_) | Content::Sources(_) => {
                        return None;
                    }
                    Content::Duties(duties) => ContentJson::Duties {
                        items: duties
                            .iter()
                            .map(|(title, body)| DutyJson {
                                title,
                                body: joined(body),
                            })
                            .collect(),
                    },
                    Content::Skills(groups) => ContentJson::Skills {
                        groups: groups
                            .iter()
                            .map(|(title, items)| GroupJson { title, items })
                            .collect(),
                    },
                    Content::Prose { body, items } => ContentJson::Prose {
                        body: (!body.is_empty()).then(|| joined(body)),
                        items,
                    },
                };
                Some(SectionJson {
                    key: block.key.key(),
                    title: view.title(block.key),
                    content,
                })
            })
            .collect();
        EntryJson {
            slug: &view.slug,
            term: &view.term,
            lang: view.lang.code(),
            kind: view.kind.key(),
            aliases: &view.aliases,
            definition: joined(&view.definition),
            sections,
            related: view
                .related
                .iter()
                .map(|(slug, term)| Named {
                    slug,
                    term,
                    kind: None,
                    score: None,
                    snippet: None,
                })
                .collect(),
            sources: view
                .sources
                .iter()
                .map(|(title, url)| SourceJson { title, url })
                .collect(),
            updated: &view.updated,
            matched: MatchJson {
                query,
                method: found.method.name(),
                score: round(found.score),
            },
        }
    }
}

/// Serialises `value` as pretty JSON with a final newline. Characters that
/// could drive a terminal and that JSON allows raw (DEL, the C1 controls,
/// direction overrides) are written as `\uXXXX` escapes too, so JSON on a
/// terminal is as safe as text.
pub fn to_string<T: Serialize>(value: &T) -> String {
    // These types have only string keys and plain values: serialising them
    // cannot fail.
    let raw = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = String::with_capacity(raw.len() + 1);
    for c in raw.chars() {
        if c != '\n' && is_forbidden(c) {
            // Outside strings pretty JSON has only newlines and ASCII, so
            // every such character is inside a string, where this is valid.
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    out
}
