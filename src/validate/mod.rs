//! Validation of glossary files: TOML text in, checked [`Entry`] values and
//! every problem as `file:line:col: message` out. The build script runs it
//! on `data/`; the same code checks user glossaries at run time.

mod content;
mod entry;
mod problem;
mod read;
mod rules;

use std::collections::BTreeSet;
use std::path::Path;

use crate::model::{Entry, Str};

pub use entry::is_slug;
use entry::{Parsed, parse};
pub use problem::{Problem, Source, escaped, is_forbidden};
pub use rules::Rules;

/// The result of checking a set of files.
#[derive(Debug, Default)]
pub struct Checked {
    /// The entries of the files without problems, in the order given.
    pub entries: Vec<Entry>,
    /// Every problem found, sorted by file and position.
    pub problems: Vec<Problem>,
    /// What the rules let pass but a writer would want to fix, sorted.
    pub warnings: Vec<Problem>,
}

/// Checks `sources` as one glossary. Related slugs may also point to the
/// slugs of `base` (the built-in glossary, when checking a user's), and no
/// alias may be one of them, except where a source replaces the base entry
/// of the same slug.
pub fn validate(sources: &[Source], rules: &Rules, base: &[&str]) -> Checked {
    let mut parsed = Vec::new();
    let mut stems = BTreeSet::new();
    for source in sources {
        let stem = Path::new(source.path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        stems.insert(stem.clone());
        parsed.push(parse(source, &stem, rules));
    }
    check_links(&mut parsed, &stems, base, rules);
    let mut checked = Checked::default();
    for file in parsed {
        if file.problems.is_empty() {
            checked.entries.push(file.entry);
        }
        checked.problems.extend(file.problems);
        checked.warnings.extend(file.warnings);
    }
    checked.problems.sort();
    checked.warnings.sort();
    checked
}

/// Checks what one file says about the others: related slugs exist, and
/// no alias is another entry's slug. Two entries may share an alias (a
/// homonym such as *session*): lookup then lists both.
fn check_links(files: &mut [Parsed], stems: &BTreeSet<String>, base: &[&str], rules: &Rules) {
    // A file's slug replaces a base entry of the same slug.
    let mut slugs: BTreeSet<&str> = stems.iter().map(String::as_str).collect();
    slugs.extend(base.iter().copied());
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
            if target == file.entry.slug || slugs.contains(&*target) {
                continue;
            }
            let mut message = format!("related slug `{target}` does not exist");
            if let Some(near) = nearest(&target, &slugs) {
                message.push_str(&format!("; did you mean `{near}`?"));
            }
            if rules.unknown_related_fails {
                file.report(at, message);
            } else {
                file.warn(at, message);
            }
        }
    }
}

/// The slug closest to a mistyped one, when it is close enough to be the
/// one meant: a third of its letters wrong at most.
fn nearest<'a>(slug: &str, slugs: &BTreeSet<&'a str>) -> Option<&'a str> {
    let most = (slug.chars().count() / 3).max(1);
    slugs
        .iter()
        .map(|s| (strsim::osa_distance(slug, s), *s))
        .filter(|&(d, _)| d <= most)
        .min()
        .map(|(_, s)| s)
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
