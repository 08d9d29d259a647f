//! Validation of glossary files: TOML text in, checked [`Entry`] values and
//! every problem as `file:line:col: message` out. The build script runs it
//! on `data/`; the same code checks user glossaries at run time.

use std::collections::BTreeSet;
use std::fmt;
use std::ops::RangeInclusive;
use std::path::Path;

mod content;

use serde::Deserialize;
use toml::Spanned;

use crate::model::{
    Duty, Entry, Kind, Lang, Reference, Section, SectionKey, SkillGroup, Str, Text,
};
use crate::normalize::normalize;

/// One problem in one file, at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    /// `file:line:col: message`, with any control character that a file's
    /// name or text put into it escaped: a message is printed to a terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = format!(
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        );
        f.write_str(&escaped(&line))
    }
}

/// `text` with every character [`is_forbidden`] written as a `\u{…}`
/// escape, so that it is seen but never acts.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_forbidden(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// How strict to be about content. The built-in glossary holds itself to
/// editorial rules that a team's own quick glossary need not meet.
#[derive(Clone, Debug)]
pub struct Rules {
    pub min_definition_words: usize,
    pub related: RangeInclusive<usize>,
    pub duties: RangeInclusive<usize>,
    pub sources: RangeInclusive<usize>,
    /// Whether a definition must address nobody (no *you*, *Anda*).
    pub address_nobody: bool,
    /// Whether an entry that dates or changes something must name a source.
    pub dated_claims_need_sources: bool,
}

impl Rules {
    /// The rules of the glossary shipped in the binary.
    pub const BUILT_IN: Rules = Rules {
        min_definition_words: 25,
        related: 3..=8,
        duties: 4..=6,
        sources: 1..=3,
        address_nobody: true,
        dated_claims_need_sources: true,
    };
}

/// A glossary file to check: the path to name in messages, and its text.
pub struct Source<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

/// The result of checking a set of files.
#[derive(Debug, Default)]
pub struct Checked {
    /// The entries of the files without problems, in the order given.
    pub entries: Vec<Entry>,
    /// Every problem found, sorted by file and position.
    pub problems: Vec<Problem>,
}

/// Checks `sources` as one glossary. Related slugs may also point into
/// `base` (the built-in glossary, when checking a user's), and aliases may
/// not collide with `base`'s keys, except where a source replaces the base
/// entry of the same slug.
pub fn validate(sources: &[Source], rules: &Rules, base: &[Entry]) -> Checked {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    let mut stems = BTreeSet::new();
    for source in sources {
        let stem = Path::new(source.path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        stems.insert(stem.clone());
        match parse(source, &stem, rules) {
            Ok(file) => parsed.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    check_links(&mut parsed, &stems, base);
    let mut entries = Vec::new();
    for file in parsed {
        if file.problems.is_empty() {
            entries.push(file.entry);
        }
        problems.extend(file.problems);
    }
    problems.sort();
    Checked { entries, problems }
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

/// Whether `c` may not appear in glossary text: control characters (other
/// than the newline of multi-line strings and the tab that editors paste,
/// both whitespace to the renderers) and the bidirectional overrides that
/// reorder what a terminal shows.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

// --- the file format, as serde reads it -----------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    kind: Spanned<String>,
    updated: Spanned<toml::value::Datetime>,
    related: Vec<Spanned<String>>,
    term: RawText,
    aliases: RawAliases,
    definition: RawText,
    #[serde(default)]
    duties: Vec<RawDuty>,
    #[serde(default)]
    skills: Vec<RawSkillGroup>,
    #[serde(default)]
    sections: Vec<RawSection>,
    #[serde(default)]
    sources: Vec<RawReference>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReference {
    title: Spanned<String>,
    url: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    id: Spanned<String>,
    en: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAliases {
    id: Vec<Spanned<String>>,
    en: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDuty {
    title: RawText,
    body: RawText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSkillGroup {
    group: RawText,
    items: Vec<RawText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    key: Spanned<String>,
    body: Option<RawText>,
    #[serde(default)]
    items: Vec<RawText>,
}

// --- one file ---------------------------------------------------------------

/// A file that parsed, with what the cross-file checks need.
struct Parsed<'a> {
    source: &'a Source<'a>,
    entry: Entry,
    related_at: Vec<usize>,
    aliases_at: Vec<(String, usize)>,
    problems: Vec<Problem>,
}

impl Parsed<'_> {
    fn report(&mut self, offset: usize, message: impl Into<String>) {
        self.problems.push(problem_at(self.source, offset, message));
    }
}

fn problem_at(source: &Source, offset: usize, message: impl Into<String>) -> Problem {
    source.problem(offset, message)
}

impl Source<'_> {
    /// A problem at byte `offset` of this file.
    pub fn problem(&self, offset: usize, message: impl Into<String>) -> Problem {
        let before = &self.text[..floor_char_boundary(self.text, offset)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Problem {
            file: self.path.to_owned(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A TOML error as a problem at its place, on one line.
    pub fn toml_problem(&self, e: &toml::de::Error) -> Problem {
        let offset = e.span().map_or(0, |s| s.start);
        self.problem(offset, e.message().trim().replace('\n', " "))
    }
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Parses one file. A file that is not TOML of the right shape is one
/// problem; a file of the right shape is checked in full.
fn parse<'a>(source: &'a Source<'a>, stem: &str, rules: &Rules) -> Result<Parsed<'a>, Problem> {
    let raw: RawEntry = toml::from_str(source.text).map_err(|e| source.toml_problem(&e))?;
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
        problems: Vec::new(),
    };
    if !is_slug(stem) {
        file.report(
            0,
            format!("file name `{stem}` is not a slug (lowercase letters and digits joined by single hyphens)"),
        );
    }
    let kind = match Kind::from_key(raw.kind.get_ref()) {
        Some(kind) => kind,
        None => {
            file.report(
                raw.kind.span().start,
                format!(
                    "unknown kind `{}`; expected one of: {}",
                    raw.kind.get_ref(),
                    keys(Kind::ALL, Kind::key)
                ),
            );
            Kind::Concept
        }
    };
    file.entry.kind = kind;
    file.entry.updated = Str::Owned(check_date(&mut file, &raw.updated));
    file.entry.term = check_text(&mut file, raw.term);
    let definition_at = [
        raw.definition.id.span().start,
        raw.definition.en.span().start,
    ];
    file.entry.definition = check_text(&mut file, raw.definition);
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
    check_aliases(&mut file, raw.aliases);
    check_roles(
        &mut file,
        rules,
        kind,
        raw.kind.span().start,
        raw.duties,
        raw.skills,
    );
    check_sections(&mut file, kind, raw.kind.span().start, raw.sections);
    check_related(&mut file, rules, raw.related);
    let sources_at = find_offset(source.text, "sources");
    check_sources(&mut file, rules, sources_at, raw.sources);
    check_editorial(&mut file, rules, definition_at, sources_at);
    Ok(file)
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

fn check_aliases(file: &mut Parsed, aliases: RawAliases) {
    let slug = file.entry.slug.to_string();
    let mut lists = [Vec::new(), Vec::new()];
    for (i, list) in [aliases.id, aliases.en].into_iter().enumerate() {
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

// --- across files -----------------------------------------------------------

/// Checks what one file says about the others: related slugs exist, and
/// no alias is another entry's slug. Two entries may share an alias (a
/// homonym such as *session*): lookup then lists both.
fn check_links(files: &mut [Parsed], stems: &BTreeSet<String>, base: &[Entry]) {
    // A file's slug replaces a base entry of the same slug.
    let mut slugs: BTreeSet<&str> = stems.iter().map(String::as_str).collect();
    slugs.extend(base.iter().map(|e| &*e.slug));
    for file in files.iter_mut() {
        let slug = file.entry.slug.to_string();
        for (key, at) in std::mem::take(&mut file.aliases_at) {
            if key != slug && slugs.contains(key.as_str()) {
                file.report(at, format!("alias `{key}` is already a name of `{key}`"));
            }
        }
        let related: Vec<(Str, usize)> = file
            .entry
            .related
            .iter()
            .cloned()
            .zip(file.related_at.iter().copied())
            .collect();
        for (target, at) in related {
            if target != file.entry.slug && !slugs.contains(&*target) {
                file.report(at, format!("related slug `{target}` does not exist"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_show_control_characters_escaped() {
        let problem = Problem {
            file: "a\u{1b}.toml".into(),
            line: 1,
            column: 2,
            message: "unknown field `\u{1b}[2J`".into(),
        };
        assert_eq!(
            problem.to_string(),
            "a\\u{1b}.toml:1:2: unknown field `\\u{1b}[2J`"
        );
    }
}
