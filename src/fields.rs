//! The searchable texts of an entry in one language, each with the weight a
//! match in it carries. Shared by the search index that `build.rs` writes
//! and the search that reads it, so both agree on what counts where.

use crate::model::{Entry, Lang};

/// A match in a name: slug, term or alias.
pub const NAME: u32 = 10;
/// A match in the definition.
pub const DEFINITION: u32 = 3;
/// A match anywhere else.
pub const BODY: u32 = 1;

/// The texts of `entry` in `lang`, each with its weight, names first and
/// the body in reading order.
pub fn fields(entry: &Entry, lang: Lang) -> Vec<(u32, &str)> {
    let mut out = vec![(NAME, &*entry.slug), (NAME, entry.term.get(lang))];
    out.extend(
        entry
            .aliases
            .iter()
            .flat_map(|l| l.iter())
            .map(|a| (NAME, &**a)),
    );
    out.push((DEFINITION, entry.definition.get(lang)));
    for duty in entry.duties.iter() {
        out.push((BODY, duty.title.get(lang)));
        out.push((BODY, duty.body.get(lang)));
    }
    for group in entry.skills.iter() {
        out.push((BODY, group.group.get(lang)));
        out.extend(group.items.iter().map(|t| (BODY, t.get(lang))));
    }
    for section in entry.sections.iter() {
        out.extend(section.body.iter().map(|t| (BODY, t.get(lang))));
        out.extend(section.items.iter().map(|t| (BODY, t.get(lang))));
    }
    out
}
