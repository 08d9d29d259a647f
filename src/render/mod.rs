//! Rendering: an entry becomes a [`View`] (its content in one language, the
//! chosen sections, cleaned text), which each format then lays out.

pub mod json;
pub mod markdown;
pub mod text;

use crate::glossary::Glossary;
use crate::model::{Entry, Kind, Lang, SectionKey};
use crate::validate::{escaped, is_forbidden};

/// An entry in one language, ready to lay out.
pub struct View {
    pub slug: String,
    pub term: String,
    pub kind: Kind,
    pub lang: Lang,
    pub aliases: Vec<String>,
    pub updated: String,
    pub definition: Vec<String>,
    /// The chosen sections, in the entry's order.
    pub blocks: Vec<Block>,
    /// Every related entry as (slug, term).
    pub related: Vec<(String, String)>,
    /// Every source as (title, url).
    pub sources: Vec<(String, String)>,
    /// Whether only some sections were asked for: then the title and alias
    /// lines are left out.
    pub filtered: bool,
}

/// One titled section.
pub struct Block {
    pub key: SectionKey,
    pub content: Content,
}

pub enum Content {
    Paragraphs(Vec<String>),
    /// (title, paragraphs) per duty.
    Duties(Vec<(String, Vec<String>)>),
    /// (group name, bullets) per group.
    Skills(Vec<(String, Vec<String>)>),
    /// Prose then bullets; either may be empty.
    Prose {
        body: Vec<String>,
        items: Vec<String>,
    },
    Related(Vec<(String, String)>),
    /// (title, url) per source.
    Sources(Vec<(String, String)>),
}

impl View {
    /// The view of `entry`, entry `index` of `glossary`, in `lang`, with
    /// only the `wanted` sections (all when `None`).
    pub fn new(
        glossary: &Glossary,
        index: usize,
        entry: &Entry,
        lang: Lang,
        wanted: Option<&[SectionKey]>,
    ) -> View {
        // Every string shown passes through `line`, so no control
        // character in the data reaches the terminal.
        let related: Vec<(String, String)> = glossary
            .related(index)
            .into_iter()
            .map(|(slug, entry)| {
                (
                    line(slug),
                    line(entry.map_or(slug, |i| glossary.term(i, lang))),
                )
            })
            .collect();
        let sources: Vec<(String, String)> = entry
            .sources
            .iter()
            .map(|s| (line(&s.title), line(&s.url)))
            .collect();
        let blocks = entry
            .section_keys()
            .into_iter()
            .filter(|key| wanted.is_none_or(|w| w.contains(key)))
            .map(|key| Block {
                key,
                content: content(entry, key, lang, &related, &sources),
            })
            .collect();
        View {
            slug: line(&entry.slug),
            term: line(entry.term.get(lang)),
            kind: entry.kind,
            lang,
            aliases: entry.aliases_for(lang).into_iter().map(line).collect(),
            updated: line(&entry.updated),
            definition: paragraphs(entry.definition.get(lang)),
            blocks,
            related,
            sources,
            filtered: wanted.is_some(),
        }
    }

    /// The heading of a section in this view's language.
    pub fn title(&self, key: SectionKey) -> &'static str {
        key.label(self.lang)
    }
}

fn content(
    entry: &Entry,
    key: SectionKey,
    lang: Lang,
    related: &[(String, String)],
    sources: &[(String, String)],
) -> Content {
    match key {
        SectionKey::Definition => Content::Paragraphs(paragraphs(entry.definition.get(lang))),
        SectionKey::Duties => Content::Duties(
            entry
                .duties
                .iter()
                .map(|d| (line(d.title.get(lang)), paragraphs(d.body.get(lang))))
                .collect(),
        ),
        SectionKey::Skills => Content::Skills(
            entry
                .skills
                .iter()
                .map(|g| {
                    (
                        line(g.group.get(lang)),
                        g.items.iter().map(|t| line(t.get(lang))).collect(),
                    )
                })
                .collect(),
        ),
        SectionKey::Related => Content::Related(related.to_vec()),
        SectionKey::Sources => Content::Sources(sources.to_vec()),
        _ => {
            let section = entry.sections.iter().find(|s| s.key == key);
            Content::Prose {
                body: section
                    .and_then(|s| s.body.as_ref())
                    .map(|b| paragraphs(b.get(lang)))
                    .unwrap_or_default(),
                items: section
                    .map(|s| s.items.iter().map(|t| line(t.get(lang))).collect())
                    .unwrap_or_default(),
            }
        }
    }
}

/// An entry offered where a name is shared: slug, term, kind and the first
/// sentence of its definition, all cleaned for a terminal.
pub struct Candidate {
    pub slug: String,
    pub term: String,
    pub kind: Kind,
    pub summary: String,
}

impl Candidate {
    pub fn new(glossary: &Glossary, index: usize, lang: Lang) -> Candidate {
        let definition = glossary.entry(index).definition.get(lang).to_owned();
        Candidate {
            slug: line(glossary.slug(index)),
            term: line(glossary.term(index, lang)),
            kind: glossary.kind(index),
            summary: first_sentence(&line(&definition)).to_owned(),
        }
    }
}

/// The text up to and including its first full stop that ends a sentence
/// (followed by a space and a capital letter), or all of it.
fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(". ") {
        if bytes.get(i + 2).is_some_and(|b| b.is_ascii_uppercase()) {
            return &text[..=i];
        }
    }
    text
}

/// The paragraphs of a text: split at blank lines, each on one line with
/// single spaces, with anything that could drive a terminal removed.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for raw in text.lines() {
        if raw.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        push_words(&mut current, raw);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A text as one clean line: whitespace runs become one space, and control
/// characters are dropped (validation rejects them; this is the last guard).
pub fn line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_words(&mut out, text);
    out
}

/// Appends the words of `text` to `out`, one space apart.
fn push_words(out: &mut String, text: &str) {
    // ASCII whitespace only: a no-break space stays, as its writer meant.
    for word in text.split_ascii_whitespace() {
        let start = out.len();
        if start > 0 {
            out.push(' ');
        }
        if word.bytes().all(|b| (0x21..0x7f).contains(&b)) {
            out.push_str(word);
        } else {
            let before = out.len();
            out.extend(word.chars().filter(|&c| !is_forbidden(c)));
            if out.len() == before {
                // The word was nothing but control characters.
                out.truncate(start);
            }
        }
    }
}

/// Text from outside (a query) made safe to show: control characters are
/// written as `\u{…}` escapes, so they are seen but never act, and a long
/// text is cut to [`SHOWN`] characters.
pub fn shown(text: &str) -> String {
    match text.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", escaped(&text[..cut])),
        None => escaped(text),
    }
}

/// The most characters of a query repeated in a message.
pub const SHOWN: usize = 100;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_at_blank_lines_and_join_lines() {
        let got = paragraphs("one\ntwo\n\n\nthree  four\n");
        assert_eq!(got, ["one two", "three four"]);
    }

    #[test]
    fn paragraphs_ignore_spaces_on_blank_lines_and_drop_controls() {
        assert_eq!(paragraphs("  a \n \n\t\n b\u{1b}c\n"), ["a", "bc"]);
        assert_eq!(paragraphs("\n\n"), Vec::<String>::new());
    }

    #[test]
    fn line_drops_escape_sequences() {
        assert_eq!(line("red \u{1b}[31mtext\u{7}"), "red [31mtext");
        assert_eq!(line("\u{202E}x \u{7} y"), "x y");
    }

    #[test]
    fn the_first_sentence_ends_at_a_stop_before_a_capital() {
        assert_eq!(first_sentence("A b, e.g. c. Then d."), "A b, e.g. c.");
        assert_eq!(first_sentence("One sentence only."), "One sentence only.");
        assert_eq!(first_sentence("Versi 2. Lalu"), "Versi 2.");
    }

    #[test]
    fn shown_escapes_control_characters() {
        assert_eq!(shown("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(shown("kata sandi"), "kata sandi");
    }
}
