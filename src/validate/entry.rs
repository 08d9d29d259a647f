//! Checking one glossary file: its shape read (see [`super::read`]), then
//! every rule of content — slug, kind, date, texts, aliases, duties and
//! skills, sections, related slugs, sources and the editorial rules — each
//! problem at its place.

use toml::Spanned;

use super::content;
use super::problem::{Problem, Source, is_forbidden};
use super::read::{RawDuty, RawReference, RawSection, RawSkillGroup, RawText, read};
use super::rules::Rules;
use crate::model::{
    Duty, Entry, Kind, Lang, Reference, Section, SectionKey, SkillGroup, Str, Text,
};
use crate::normalize::normalize;

/// A file that was read, with what the checks across files need.
pub struct Parsed<'a> {
    pub source: &'a Source<'a>,
    pub entry: Entry,
    pub related_at: Vec<usize>,
    pub aliases_at: Vec<(String, usize)>,
    pub problems: Vec<Problem>,
    /// What is worth fixing but does not stop the entry being used.
    pub warnings: Vec<Problem>,
}

impl Parsed<'_> {
    pub fn report(&mut self, offset: usize, message: impl Into<String>) {
        self.problems.push(self.source.problem(offset, message));
    }

    pub fn warn(&mut self, offset: usize, message: impl Into<String>) {
        self.warnings.push(self.source.problem(offset, message));
    }
}

/// Whether `slug` is lowercase ASCII letters and digits in words joined by
/// single hyphens.
pub fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Checks one file: every problem of its shape and of its content at once.
/// A file that is not TOML gives its syntax errors alone.
pub fn parse<'a>(source: &'a Source<'a>, stem: &str, rules: &Rules) -> Parsed<'a> {
    let (raw, problems) = read(source);
    let mut file = Parsed {
        source,
        entry: Entry {
            slug: Str::Owned(stem.to_owned()),
            kind: Kind::Concept,
            updated: Str::Borrowed(""),
            term: Text([Str::Borrowed(""), Str::Borrowed("")]),
            aliases: [Vec::new().into(), Vec::new().into()],
            definition: Text([Str::Borrowed(""), Str::Borrowed("")]),
            duties: Vec::new().into(),
            skills: Vec::new().into(),
            sections: Vec::new().into(),
            related: Vec::new().into(),
            sources: Vec::new().into(),
        },
        related_at: Vec::new(),
        aliases_at: Vec::new(),
        problems,
        warnings: Vec::new(),
    };
    if !is_slug(stem) {
        file.report(
            0,
            format!("file name `{stem}` is not a slug (lowercase letters and digits joined by single hyphens)"),
        );
    }
    let Some(raw) = raw else {
        return file;
    };
    let kind_at = raw.kind.as_ref().map_or(0, |k| k.span().start);
    let kind = match &raw.kind {
        Some(kind) => match Kind::from_key(kind.get_ref()) {
            Some(kind) => kind,
            None => {
                file.report(
                    kind_at,
                    format!(
                        "unknown kind `{}`; expected one of: {}",
                        kind.get_ref(),
                        keys(Kind::ALL, Kind::key)
                    ),
                );
                Kind::Concept
            }
        },
        None => Kind::Concept,
    };
    file.entry.kind = kind;
    if let Some(updated) = &raw.updated {
        file.entry.updated = Str::Owned(check_date(&mut file, updated));
    }
    if let Some(term) = raw.term {
        file.entry.term = check_text(&mut file, term);
    }
    let mut definition_at = [0, 0];
    if let Some(definition) = raw.definition {
        definition_at = [definition.id.span().start, definition.en.span().start];
        file.entry.definition = check_text(&mut file, definition);
        for (lang, at) in Lang::ALL.into_iter().zip(definition_at) {
            let words = file.entry.definition.get(lang).split_whitespace().count();
            if words < rules.min_definition_words {
                file.report(
                    at,
                    format!(
                        "definition ({}) has {words} words; at least {} are needed",
                        lang.code(),
                        rules.min_definition_words
                    ),
                );
            }
        }
    }
    if let Some(aliases) = raw.aliases {
        check_aliases(&mut file, aliases);
    }
    if raw.kind.is_some() {
        check_roles(&mut file, rules, kind, kind_at, raw.duties, raw.skills);
        check_sections(&mut file, kind, kind_at, raw.sections);
    }
    if let Some(related) = raw.related {
        check_related(&mut file, rules, related);
    }
    let sources_at = find_offset(source.text, "sources");
    check_sources(&mut file, rules, sources_at, raw.sources);
    check_editorial(&mut file, rules, definition_at, sources_at);
    file
}

/// The built-in glossary's editorial rules: a definition addresses nobody,
/// and an entry that dates or changes something names a source.
fn check_editorial(file: &mut Parsed, rules: &Rules, definition_at: [usize; 2], sources_at: usize) {
    for (lang, at) in Lang::ALL
        .into_iter()
        .zip(definition_at)
        .filter(|_| rules.address_nobody)
    {
        if let Some(word) = content::addressing(file.entry.definition.get(lang)) {
            file.report(
                at,
                format!(
                    "definition ({}) addresses the reader (`{word}`); a definition addresses nobody",
                    lang.code()
                ),
            );
        }
    }
    if !rules.dated_claims_need_sources || !file.entry.sources.is_empty() {
        return;
    }
    let claim = Lang::ALL.into_iter().find_map(|lang| {
        crate::fields::fields(&file.entry, lang)
            .into_iter()
            .find_map(|(_, text)| content::dated_claim(text).map(|c| (c, text.to_owned())))
    });
    if let Some((claim, text)) = claim {
        // Point at the text that makes the claim.
        let at = file
            .source
            .text
            .find(text.lines().next().unwrap_or(&text))
            .unwrap_or(sources_at);
        file.report(
            at,
            format!("`{claim}` dates or changes something: the entry needs `sources` that say so"),
        );
    }
}

fn keys<T: Copy>(all: &[T], key: fn(T) -> &'static str) -> String {
    all.iter().map(|&v| key(v)).collect::<Vec<_>>().join(", ")
}

/// Where `field` is first assigned in the file, for problems about a whole
/// field; the start of the file when it cannot be found.
fn find_offset(text: &str, field: &str) -> usize {
    text.match_indices(field)
        .find(|&(i, _)| i == 0 || text.as_bytes()[i - 1] == b'\n' || text.as_bytes()[i - 1] == b'[')
        .map_or(0, |(i, _)| i)
}

fn check_date(file: &mut Parsed, updated: &Spanned<toml::value::Datetime>) -> String {
    let value = updated.get_ref();
    match (value.date, value.time, value.offset) {
        (Some(date), None, None) => date.to_string(),
        _ => {
            file.report(
                updated.span().start,
                "`updated` must be a date such as 2026-11-28, without a time",
            );
            String::new()
        }
    }
}

fn check_string(file: &mut Parsed, text: Spanned<String>) -> Str {
    let offset = text.span().start;
    let value = text.into_inner();
    if value.trim().is_empty() {
        file.report(offset, "empty text");
    } else if let Some(c) = value.chars().find(|&c| is_forbidden(c)) {
        file.report(
            offset,
            format!("text contains the control character U+{:04X}", c as u32),
        );
    }
    Str::Owned(value)
}

fn check_text(file: &mut Parsed, text: RawText) -> Text {
    Text([check_string(file, text.id), check_string(file, text.en)])
}

fn check_texts(file: &mut Parsed, texts: Vec<RawText>) -> Vec<Text> {
    texts.into_iter().map(|t| check_text(file, t)).collect()
}

fn check_aliases(file: &mut Parsed, aliases: [Vec<Spanned<String>>; 2]) {
    let slug = file.entry.slug.to_string();
    let mut lists = [Vec::new(), Vec::new()];
    for (i, list) in aliases.into_iter().enumerate() {
        for alias in list {
            let offset = alias.span().start;
            let value = check_string(file, alias);
            let key = normalize(&value);
            if key.is_empty() && !value.trim().is_empty() {
                file.report(offset, format!("alias `{value}` has no letters or digits"));
            } else if key == slug {
                file.report(
                    offset,
                    format!("alias `{value}` is the slug itself; normalisation already finds it"),
                );
            } else if let Some(lang) = Lang::ALL
                .into_iter()
                .find(|&l| normalize(file.entry.term.get(l)) == key)
            {
                file.report(
                    offset,
                    format!(
                        "alias `{value}` is the entry's own term ({}); normalisation already finds it",
                        lang.code()
                    ),
                );
            } else if !key.is_empty() && !file.aliases_at.iter().any(|(k, _)| *k == key) {
                file.aliases_at.push((key, offset));
            }
            lists[i].push(value);
        }
    }
    let [id, en] = lists;
    file.entry.aliases = [id.into(), en.into()];
}

fn check_roles(
    file: &mut Parsed,
    rules: &Rules,
    kind: Kind,
    kind_at: usize,
    duties: Vec<RawDuty>,
    skills: Vec<RawSkillGroup>,
) {
    if kind == Kind::Role {
        if !rules.duties.contains(&duties.len()) {
            file.report(
                kind_at,
                format!(
                    "a role needs {} to {} duties; this one has {}",
                    rules.duties.start(),
                    rules.duties.end(),
                    duties.len()
                ),
            );
        }
        if skills.is_empty() {
            file.report(kind_at, "a role needs at least one group of skills");
        }
    } else if !duties.is_empty() || !skills.is_empty() {
        file.report(kind_at, "only a role has duties and skills");
    }
    let duties: Vec<Duty> = duties
        .into_iter()
        .map(|d| Duty {
            title: check_text(file, d.title),
            body: check_text(file, d.body),
        })
        .collect();
    let skills: Vec<SkillGroup> = skills
        .into_iter()
        .map(|g| SkillGroup {
            group: check_text(file, g.group),
            items: check_texts(file, g.items).into(),
        })
        .collect();
    file.entry.duties = duties.into();
    file.entry.skills = skills.into();
}

fn check_sections(file: &mut Parsed, kind: Kind, kind_at: usize, sections: Vec<RawSection>) {
    let generic: Vec<SectionKey> = SectionKey::ALL
        .iter()
        .copied()
        .filter(|k| k.is_generic())
        .collect();
    let mut out: Vec<Section> = Vec::new();
    for raw in sections {
        let at = raw.key.span().start;
        let key = match SectionKey::from_key(raw.key.get_ref()).filter(|k| k.is_generic()) {
            Some(key) => key,
            None => {
                file.report(
                    at,
                    format!(
                        "unknown section key `{}`; expected one of: {}",
                        raw.key.get_ref(),
                        keys(&generic, SectionKey::key)
                    ),
                );
                continue;
            }
        };
        if out.iter().any(|s| s.key == key) {
            file.report(at, format!("section `{}` appears twice", key.key()));
        }
        if raw.body.is_none() && raw.items.is_empty() {
            file.report(
                at,
                format!("section `{}` needs a `body` or `items`", key.key()),
            );
        }
        let body = raw.body.map(|b| check_text(file, b));
        let items = check_texts(file, raw.items).into();
        out.push(Section { key, body, items });
    }
    for required in kind.required_sections() {
        if !out.iter().any(|s| s.key == *required) {
            file.report(
                kind_at,
                format!(
                    "a {} entry needs a `{}` section",
                    kind.key(),
                    required.key()
                ),
            );
        }
    }
    file.entry.sections = out.into();
}

fn check_related(file: &mut Parsed, rules: &Rules, related: Vec<Spanned<String>>) {
    if !rules.related.contains(&related.len()) {
        let offset = find_offset(file.source.text, "related");
        file.report(
            offset,
            format!(
                "`related` needs {} to {} slugs; it has {}",
                rules.related.start(),
                rules.related.end(),
                related.len()
            ),
        );
    }
    let mut out: Vec<Str> = Vec::new();
    for slug in related {
        let at = slug.span().start;
        let slug = slug.into_inner();
        if *slug == *file.entry.slug {
            file.report(at, format!("`{slug}` is related to itself"));
        } else if out.iter().any(|s| *s == slug) {
            file.report(at, format!("`{slug}` is listed twice in `related`"));
        }
        out.push(Str::Owned(slug));
        file.related_at.push(at);
    }
    file.entry.related = out.into();
}

fn check_sources(file: &mut Parsed, rules: &Rules, at: usize, sources: Vec<RawReference>) {
    if !rules.sources.contains(&sources.len()) {
        file.report(
            at,
            format!(
                "`sources` needs {} to {} pages; it has {}",
                rules.sources.start(),
                rules.sources.end(),
                sources.len()
            ),
        );
    }
    let mut out: Vec<Reference> = Vec::new();
    for raw in sources {
        let url_at = raw.url.span().start;
        let title = check_string(file, raw.title);
        let url = check_string(file, raw.url);
        if let Err(why) = content::check_url(&url) {
            file.report(url_at, format!("source `{url}` {why}"));
        } else if out.iter().any(|s| s.url == url) {
            file.report(url_at, format!("source `{url}` is listed twice"));
        }
        out.push(Reference { title, url });
    }
    file.entry.sources = out.into();
}
