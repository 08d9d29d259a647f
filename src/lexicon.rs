//! The search lexicon: stopwords per language and bilingual synonym
//! groups, kept as data (`data/stopwords.toml`, `data/synonyms.toml`),
//! checked at build time like the glossary itself and compiled into the
//! store's search part.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use toml::Spanned;

use crate::model::Lang;
use crate::normalize::normalize;
use crate::validate::{Problem, Source};

/// The lexicon, every word and phrase normalised.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// Stopwords per language (`[id, en]`), sorted.
    pub stopwords: [Vec<String>; 2],
    /// Groups of phrases that mean the same thing.
    pub synonyms: Vec<Vec<String>>,
}

impl Lexicon {
    pub fn is_stopword(&self, word: &str, lang: Lang) -> bool {
        self.stopwords[lang as usize]
            .binary_search_by(|w| w.as_str().cmp(word))
            .is_ok()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStopwords {
    id: Vec<Spanned<String>>,
    en: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSynonyms {
    groups: Vec<Vec<Spanned<String>>>,
}

/// Reads and checks the two files. `names` are the glossary's lookup
/// keys: a stopword may not be one (a query would lose a term's name).
pub fn parse(
    stopwords: &Source,
    synonyms: &Source,
    names: &BTreeSet<String>,
) -> Result<Lexicon, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut lexicon = Lexicon::default();
    match toml::from_str::<RawStopwords>(stopwords.text) {
        Ok(raw) => {
            for (lang, list) in [(Lang::Id, raw.id), (Lang::En, raw.en)] {
                let mut seen = BTreeSet::new();
                for word in list {
                    let at = word.span().start;
                    let value = word.into_inner();
                    let normal = normalize(&value);
                    if normal != value || value.contains('-') {
                        problems.push(
                            stopwords.problem(
                                at,
                                format!("stopword `{value}` is not one normalised word"),
                            ),
                        );
                    } else if names.contains(&value) {
                        problems.push(stopwords.problem(
                            at,
                            format!("stopword `{value}` is a glossary name; a query would lose it"),
                        ));
                    } else if !seen.insert(value.clone()) {
                        problems.push(
                            stopwords.problem(at, format!("stopword `{value}` is listed twice")),
                        );
                    }
                }
                lexicon.stopwords[lang as usize] = seen.into_iter().collect();
            }
        }
        Err(e) => problems.push(stopwords.toml_problem(&e)),
    }
    match toml::from_str::<RawSynonyms>(synonyms.text) {
        Ok(raw) => {
            let mut owner: BTreeMap<String, usize> = BTreeMap::new();
            for (n, group) in raw.groups.into_iter().enumerate() {
                let group_at = group.first().map_or(0, |m| m.span().start);
                if group.len() < 2 {
                    problems.push(
                        synonyms.problem(group_at, "a synonym group needs two members or more"),
                    );
                }
                let mut members = Vec::new();
                for member in group {
                    let at = member.span().start;
                    let value = member.into_inner();
                    let normal = normalize(&value);
                    if normal.is_empty() {
                        problems.push(
                            synonyms
                                .problem(at, format!("synonym `{value}` has no letters or digits")),
                        );
                        continue;
                    }
                    let stop = normal
                        .split('-')
                        .find(|w| Lang::ALL.into_iter().any(|l| lexicon.is_stopword(w, l)));
                    if let Some(stop) = stop.filter(|_| !normal.contains('-')) {
                        problems.push(
                            synonyms
                                .problem(at, format!("synonym `{value}` is the stopword `{stop}`")),
                        );
                    } else if let Some(&other) = owner.get(&normal) {
                        problems.push(synonyms.problem(
                            at,
                            format!("synonym `{value}` is already in group {}", other + 1),
                        ));
                    } else {
                        owner.insert(normal.clone(), n);
                        members.push(normal);
                    }
                }
                lexicon.synonyms.push(members);
            }
        }
        Err(e) => problems.push(synonyms.toml_problem(&e)),
    }
    if problems.is_empty() {
        Ok(lexicon)
    } else {
        problems.sort();
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(stop: &str, syn: &str) -> Result<Lexicon, Vec<String>> {
        let names: BTreeSet<String> = ["seo".to_owned()].into();
        parse(
            &Source {
                path: "stop.toml",
                text: stop,
            },
            &Source {
                path: "syn.toml",
                text: syn,
            },
            &names,
        )
        .map_err(|p| p.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn a_good_lexicon_is_read_normalised_and_sorted() {
        let got = check(
            "id = [\"yang\", \"di\"]\nen = [\"the\"]\n",
            "groups = [[\"Situs Web\", \"website\"], [\"tautan\", \"link\"]]\n",
        );
        let lexicon = got.expect("valid");
        assert_eq!(lexicon.stopwords[0], ["di", "yang"]);
        assert!(lexicon.is_stopword("the", Lang::En));
        assert!(!lexicon.is_stopword("the", Lang::Id));
        assert_eq!(lexicon.synonyms[0], ["situs-web", "website"]);
    }

    #[test]
    fn every_problem_is_named_with_its_place() {
        let got = check(
            "id = [\"Yang\", \"seo\", \"di\", \"di\"]\nen = []\n",
            "groups = [[\"situs\"], [\"link\", \"tautan\"], [\"link\", \"di\"]]\n",
        )
        .expect_err("invalid");
        assert_eq!(
            got,
            [
                "stop.toml:1:7: stopword `Yang` is not one normalised word",
                "stop.toml:1:15: stopword `seo` is a glossary name; a query would lose it",
                "stop.toml:1:28: stopword `di` is listed twice",
                "syn.toml:1:12: a synonym group needs two members or more",
                "syn.toml:1:43: synonym `link` is already in group 2",
                "syn.toml:1:51: synonym `di` is the stopword `di`",
            ]
        );
    }
}
