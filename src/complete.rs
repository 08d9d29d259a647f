//! What the shell offers for a TERM: every slug and alias of the glossary
//! the user would look in, `KAMUS_PATH` included.

use std::collections::BTreeMap;

use clap_complete::engine::CompletionCandidate;

use crate::model::Lang;
use crate::normalize::normalize;
use crate::user;

/// Every slug, with its term as help, then every alias in its normalised
/// form (the spelling that lookup finds exactly), with the slug as help.
pub fn term_candidates() -> Vec<CompletionCandidate> {
    let (glossary, _) = user::glossary_from_env();
    let lang = std::env::var("KAMUS_LANG")
        .ok()
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::Id);
    let mut out = Vec::new();
    for entry in glossary.entries() {
        out.push(
            CompletionCandidate::new(&*entry.slug)
                .help(Some(entry.term.get(lang).to_owned().into())),
        );
    }
    // An alias shared by several entries (a homonym) is offered once,
    // naming them all.
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in glossary.entries() {
        for alias in entry.aliases.iter().flat_map(|l| l.iter()) {
            let key = normalize(alias);
            let slugs = aliases.entry(key).or_default();
            if !slugs.iter().any(|s| *s == *entry.slug) {
                slugs.push(entry.slug.to_string());
            }
        }
    }
    for (key, slugs) in aliases {
        if glossary.by_slug(&key).is_none() {
            let help = format!("→ {}", slugs.join(", "));
            out.push(CompletionCandidate::new(key).help(Some(help.into())));
        }
    }
    out
}
