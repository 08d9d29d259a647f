//! Reading a glossary file's shape: its TOML walked field by field, so that
//! every unknown field, missing field and value of the wrong type is
//! reported at once, each at its place, and whatever is there is read.

use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

use super::problem::{Problem, Source};

/// A text in both languages.
pub struct RawText {
    pub id: Spanned<String>,
    pub en: Spanned<String>,
}

/// A role's duty.
pub struct RawDuty {
    pub title: RawText,
    pub body: RawText,
}

/// A group of skills.
pub struct RawSkillGroup {
    pub group: RawText,
    pub items: Vec<RawText>,
}

/// A section.
pub struct RawSection {
    pub key: Spanned<String>,
    pub body: Option<RawText>,
    pub items: Vec<RawText>,
}

/// A source.
pub struct RawReference {
    pub title: Spanned<String>,
    pub url: Spanned<String>,
}

/// An entry as written. A required field that is missing or of the wrong
/// type is `None` (and a problem); an optional list that is, is empty.
#[derive(Default)]
pub struct RawEntry {
    pub kind: Option<Spanned<String>>,
    pub updated: Option<Spanned<Datetime>>,
    pub related: Option<Vec<Spanned<String>>>,
    pub term: Option<RawText>,
    pub aliases: Option<[Vec<Spanned<String>>; 2]>,
    pub definition: Option<RawText>,
    pub duties: Vec<RawDuty>,
    pub skills: Vec<RawSkillGroup>,
    pub sections: Vec<RawSection>,
    pub sources: Vec<RawReference>,
}

const TOP: &[&str] = &[
    "kind",
    "updated",
    "related",
    "term",
    "aliases",
    "definition",
    "duties",
    "skills",
    "sections",
    "sources",
];

type Value<'i> = Spanned<DeValue<'i>>;

/// Reads `source`: the entry as far as it could be read, and every
/// problem of its shape. A file that is not TOML at all gives its syntax
/// errors and no entry.
pub fn read(source: &Source) -> (Option<RawEntry>, Vec<Problem>) {
    let (document, errors) = DeTable::parse_recoverable(source.text);
    let mut walk = Walk {
        source,
        problems: errors.iter().map(|e| source.toml_problem(e)).collect(),
    };
    if !walk.problems.is_empty() {
        // Past a syntax error the shape would be guessed: say no more.
        return (None, walk.problems);
    }
    let span = document.span();
    let top = document.get_ref();
    walk.known(top, TOP);
    let field = |name: &str| get(top, name);
    let mut raw = RawEntry {
        kind: walk
            .required(top, span.start, "kind")
            .and_then(|v| walk.string(v)),
        updated: walk
            .required(top, span.start, "updated")
            .and_then(|v| walk.date(v)),
        related: walk
            .required(top, span.start, "related")
            .and_then(|v| walk.strings(v)),
        term: walk
            .required(top, span.start, "term")
            .and_then(|v| walk.text(v)),
        aliases: walk
            .required(top, span.start, "aliases")
            .and_then(|v| walk.aliases(v)),
        definition: walk
            .required(top, span.start, "definition")
            .and_then(|v| walk.text(v)),
        ..RawEntry::default()
    };
    raw.duties = walk.tables(field("duties"), |w, t, at| {
        w.known(t, &["title", "body"]);
        let title = w.required(t, at, "title").and_then(|v| w.text(v));
        let body = w.required(t, at, "body").and_then(|v| w.text(v));
        Some(RawDuty {
            title: title?,
            body: body?,
        })
    });
    raw.skills = walk.tables(field("skills"), |w, t, at| {
        w.known(t, &["group", "items"]);
        let group = w.required(t, at, "group").and_then(|v| w.text(v));
        let items = w
            .required(t, at, "items")
            .map(|v| w.texts(v))
            .unwrap_or_default();
        Some(RawSkillGroup {
            group: group?,
            items,
        })
    });
    raw.sections = walk.tables(field("sections"), |w, t, at| {
        w.known(t, &["key", "body", "items"]);
        let key = w.required(t, at, "key").and_then(|v| w.string(v));
        let body = get(t, "body").and_then(|v| w.text(v));
        let items = get(t, "items").map(|v| w.texts(v)).unwrap_or_default();
        Some(RawSection {
            key: key?,
            body,
            items,
        })
    });
    raw.sources = walk.tables(field("sources"), |w, t, at| {
        w.known(t, &["title", "url"]);
        let title = w.required(t, at, "title").and_then(|v| w.string(v));
        let url = w.required(t, at, "url").and_then(|v| w.string(v));
        Some(RawReference {
            title: title?,
            url: url?,
        })
    });
    (Some(raw), walk.problems)
}

/// The value of `name` in a table.
fn get<'t, 'i>(table: &'t DeTable<'i>, name: &str) -> Option<&'t Value<'i>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == name)
        .map(|(_, v)| v)
}

struct Walk<'s> {
    source: &'s Source<'s>,
    problems: Vec<Problem>,
}

impl Walk<'_> {
    fn report(&mut self, at: usize, message: impl Into<String>) {
        self.problems.push(self.source.problem(at, message));
    }

    /// Reports every key of `table` that is not one of `fields`.
    fn known(&mut self, table: &DeTable, fields: &[&str]) {
        let expected: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
        for (key, _) in table.iter() {
            if !fields.contains(&key.get_ref().as_ref()) {
                self.report(
                    key.span().start,
                    format!(
                        "unknown field `{}`, expected one of {}",
                        key.get_ref(),
                        expected.join(", ")
                    ),
                );
            }
        }
    }

    /// The value of a required field, or a problem at the start of its
    /// table.
    /// The value of `name` in `table`, reported as missing (at the table,
    /// `table_at`) when it is not there.
    fn required<'v, 'i>(
        &mut self,
        table: &'v DeTable<'i>,
        table_at: usize,
        name: &str,
    ) -> Option<&'v Value<'i>> {
        let value = get(table, name);
        if value.is_none() {
            self.report(table_at, format!("missing field `{name}`"));
        }
        value
    }

    fn wrong(&mut self, value: &Value, expected: &str) {
        let found = match value.get_ref() {
            DeValue::Integer(i) => format!("integer `{i}`"),
            DeValue::Float(f) => format!("float `{f}`"),
            DeValue::Boolean(b) => format!("boolean `{b}`"),
            DeValue::Datetime(d) => format!("datetime `{d}`"),
            other => other.type_str().to_owned(),
        };
        self.report(
            value.span().start,
            format!("invalid type: {found}, expected {expected}"),
        );
    }

    fn string(&mut self, value: &Value) -> Option<Spanned<String>> {
        match value.get_ref() {
            DeValue::String(s) => Some(Spanned::new(value.span(), s.to_string())),
            _ => {
                self.wrong(value, "a string");
                None
            }
        }
    }

    fn date(&mut self, value: &Value) -> Option<Spanned<Datetime>> {
        match value.get_ref() {
            DeValue::Datetime(d) => Some(Spanned::new(value.span(), *d)),
            _ => {
                self.wrong(value, "a date such as 2026-11-29");
                None
            }
        }
    }

    fn array<'v, 'i>(&mut self, value: &'v Value<'i>) -> Option<&'v [Value<'i>]> {
        match value.get_ref() {
            DeValue::Array(items) => Some(items),
            _ => {
                self.wrong(value, "an array");
                None
            }
        }
    }

    fn strings(&mut self, value: &Value) -> Option<Vec<Spanned<String>>> {
        let items = self.array(value)?;
        Some(items.iter().filter_map(|v| self.string(v)).collect())
    }

    fn table<'v, 'i>(&mut self, value: &'v Value<'i>) -> Option<&'v DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            _ => {
                self.wrong(value, "a table");
                None
            }
        }
    }

    /// A text in both languages: `{ id = "…", en = "…" }`.
    fn text(&mut self, value: &Value) -> Option<RawText> {
        let at = value.span().start;
        let table = self.table(value)?;
        self.known(table, &["id", "en"]);
        let id = self.required(table, at, "id").and_then(|v| self.string(v));
        let en = self.required(table, at, "en").and_then(|v| self.string(v));
        Some(RawText { id: id?, en: en? })
    }

    fn texts(&mut self, value: &Value) -> Vec<RawText> {
        let Some(items) = self.array(value) else {
            return Vec::new();
        };
        items.iter().filter_map(|v| self.text(v)).collect()
    }

    /// The aliases: `{ id = [...], en = [...] }`.
    fn aliases(&mut self, value: &Value) -> Option<[Vec<Spanned<String>>; 2]> {
        let at = value.span().start;
        let table = self.table(value)?;
        self.known(table, &["id", "en"]);
        let id = self.required(table, at, "id").and_then(|v| self.strings(v));
        let en = self.required(table, at, "en").and_then(|v| self.strings(v));
        Some([id?, en?])
    }

    /// An optional array of tables, each read by `one` (given the table
    /// and where it starts); those that could not be read are left out.
    fn tables<T>(
        &mut self,
        value: Option<&Value>,
        mut one: impl FnMut(&mut Self, &DeTable, usize) -> Option<T>,
    ) -> Vec<T> {
        let Some(items) = value.and_then(|v| self.array(v)) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|v| {
                let at = v.span().start;
                let table = self.table(v)?;
                one(self, table, at)
            })
            .collect()
    }
}
