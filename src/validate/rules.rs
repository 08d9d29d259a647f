//! How strict validation is about content: the built-in glossary holds
//! itself to editorial rules that a team's own quick glossary need not meet.

use std::ops::RangeInclusive;

/// The rules one set of files is checked by.
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
    /// Whether a related slug that names no entry makes the file fail, or
    /// is only warned about (the link is then shown without a target).
    pub unknown_related_fails: bool,
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
        unknown_related_fails: true,
    };
}
