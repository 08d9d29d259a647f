//! The texts of an entry that full-text search reads besides its names,
//! each with the field it counts in. Shared by the search index that
//! `build.rs` writes and the snippets a search prints, so both agree on
//! what counts where.

use crate::model::{Entry, Lang};

/// The fields a word can be found in, in the order of a posting's counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The slug, the terms and the aliases, of both languages.
    Name = 0,
    Definition = 1,
    /// Duties, skills and sections.
    Body = 2,
}

/// How many fields there are.
pub const FIELDS: usize = 3;

/// The definition and body texts of `entry` in `lang`, in reading order.
pub fn fields(entry: &Entry, lang: Lang) -> Vec<(Field, &str)> {
    let mut out = vec![(Field::Definition, entry.definition.get(lang))];
    for duty in entry.duties.iter() {
        out.push((Field::Body, duty.title.get(lang)));
        out.push((Field::Body, duty.body.get(lang)));
    }
    for group in entry.skills.iter() {
        out.push((Field::Body, group.group.get(lang)));
        out.extend(group.items.iter().map(|t| (Field::Body, t.get(lang))));
    }
    for section in entry.sections.iter() {
        out.extend(section.body.iter().map(|t| (Field::Body, t.get(lang))));
        out.extend(section.items.iter().map(|t| (Field::Body, t.get(lang))));
    }
    out
}
