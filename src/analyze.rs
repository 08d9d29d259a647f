//! How text becomes search terms: its words, normalised as lookup
//! normalises them, each reduced to its stem by the language's stemmer —
//! Indonesian by Sastrawi (Nazief-Adriani with Enhanced Confix Stripping),
//! English by Snowball — the same way at build time and for a query, so
//! that *keamanan* and *mengamankan* meet at *aman*, and *redirecting* and
//! *redirects* at *redirect*.
//!
//! The Indonesian stemmer is loaded only when a stem is asked for: lookup,
//! listing and showing an entry never touch it.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::Lang;
use crate::normalize::normalize;

/// Stems of one word: one, or two where Indonesian morphology leaves a
/// real choice (see [`indonesian`]).
pub type Stems = Vec<String>;

/// Words shorter than this, and words with digits, are their own stem.
const MIN_STEMMED: usize = 3;

/// The stems of a normalised word in `lang`.
pub fn stems(word: &str, lang: Lang) -> Stems {
    if word.chars().count() < MIN_STEMMED || word.chars().any(|c| c.is_ascii_digit()) {
        return vec![word.to_owned()];
    }
    match lang {
        Lang::Id => indonesian(word),
        Lang::En => vec![english(word)],
    }
}

/// The stems of a word in both languages, each once: what a name is
/// indexed and searched by, whatever the reader's language.
pub fn both(word: &str) -> Stems {
    let mut out = stems(word, Lang::Id);
    for stem in stems(word, Lang::En) {
        if !out.contains(&stem) {
            out.push(stem);
        }
    }
    out
}

fn english(word: &str) -> String {
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
        .stem(word)
        .into_owned()
}

/// Sastrawi's dictionary of Indonesian roots and its stemmer, made once.
fn sastrawi() -> (
    &'static sastrawi::Dictionary,
    &'static sastrawi::Stemmer<'static>,
) {
    static DICTIONARY: OnceLock<sastrawi::Dictionary> = OnceLock::new();
    static STEMMER: OnceLock<sastrawi::Stemmer<'static>> = OnceLock::new();
    let dictionary = DICTIONARY.get_or_init(sastrawi::Dictionary::new);
    (
        dictionary,
        STEMMER.get_or_init(|| sastrawi::Stemmer::new(dictionary)),
    )
}

/// Nasal prefixes before a vowel, and the consonant each may have
/// swallowed: *pe(ng)+(k)unjung*, *pe(n)+(t)erbit*, *pe(m)+(p)asar*,
/// *pe(ny)+(s)edia*.
const NASAL: &[(&str, char)] = &[
    ("peng", 'k'),
    ("meng", 'k'),
    ("peny", 's'),
    ("meny", 's'),
    ("pen", 't'),
    ("men", 't'),
    ("pem", 'p'),
    ("mem", 'p'),
];

/// Sastrawi's stem, and where a nasal prefix stands before a vowel, also
/// the stem of the word with the swallowed consonant restored, if that is
/// a root of the dictionary. Sastrawi stops at the first reading its
/// dictionary knows, which is sometimes the wrong one: *pengunjung* →
/// *unjung*, while *kunjungan* → *kunjung*; and it leaves words its
/// dictionary lists whole (*pengembang*, *pengelola*) unstemmed.
fn indonesian(word: &str) -> Stems {
    let (dictionary, stemmer) = sastrawi();
    let mut out = vec![stemmer.stem_word(word).into_owned()];
    let restored = NASAL.iter().find_map(|(prefix, consonant)| {
        let rest = word.strip_prefix(prefix)?;
        rest.starts_with(['a', 'e', 'i', 'o', 'u'])
            .then(|| format!("{consonant}{rest}"))
    });
    if let Some(restored) = restored {
        let stem = stemmer.stem_word(&restored).into_owned();
        if stem != out[0] && stem.len() >= MIN_STEMMED && dictionary.find(&stem) {
            out.push(stem);
        }
    }
    out
}

/// Stems computed once per distinct word: building an index meets the same
/// words thousands of times.
#[derive(Default)]
pub struct Cache {
    seen: [HashMap<String, Stems>; 2],
    both: HashMap<String, Stems>,
}

impl Cache {
    pub fn stems(&mut self, word: &str, lang: Lang) -> &Stems {
        self.seen[lang as usize]
            .entry(word.to_owned())
            .or_insert_with(|| stems(word, lang))
    }

    pub fn both(&mut self, word: &str) -> &Stems {
        self.both
            .entry(word.to_owned())
            .or_insert_with(|| both(word))
    }
}

/// The normalised words of a text, as search sees them: runs of letters
/// and digits, or for a name (`C++`, `.NET`) the words of its normalised
/// form.
pub fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    crate::normalize::words(text).map(|(_, w)| w)
}

/// The words of a name, normalised whole so that its symbols count.
pub fn name_words(name: &str) -> Vec<String> {
    normalize(name)
        .split('-')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(word: &str) -> Stems {
        stems(word, Lang::Id)
    }

    #[test]
    fn indonesian_affixes_meet_at_the_root() {
        for (words, root) in [
            (
                &["aman", "keamanan", "mengamankan", "pengamanan"][..],
                "aman",
            ),
            (&["perayapan", "dirayapi", "merayapi"][..], "rayap"),
            (&["pemuatan", "memuat", "dimuat"][..], "muat"),
            (&["dienkripsi", "enkripsi"][..], "enkripsi"),
            (
                &["pengunjung", "kunjungan", "mengunjungi", "berkunjung"][..],
                "kunjung",
            ),
            (
                &["pengembang", "dikembangkan", "mengembangkan"][..],
                "kembang",
            ),
            (
                &["pengoptimalan", "mengoptimalkan", "optimal"][..],
                "optimal",
            ),
        ] {
            for word in words {
                assert!(id(word).iter().any(|s| s == root), "{word}: {:?}", id(word));
            }
        }
    }

    #[test]
    fn loanwords_and_short_words_stay_whole() {
        for word in [
            "website", "server", "backlink", "crawling", "seo", "api", "404", "http2",
        ] {
            assert_eq!(id(word), [word], "{word}");
        }
    }

    #[test]
    fn english_inflections_meet_at_the_stem() {
        for (words, stem) in [
            (
                &["redirect", "redirects", "redirecting", "redirected"][..],
                "redirect",
            ),
            (&["load", "loads", "loading"][..], "load"),
            (&["phone", "phones"][..], "phone"),
            (&["url", "urls"][..], "url"),
        ] {
            for word in words {
                assert_eq!(stems(word, Lang::En), [stem], "{word}");
            }
        }
    }

    #[test]
    fn names_keep_their_symbols_as_words() {
        assert_eq!(name_words("C++"), ["c", "plus", "plus"]);
        assert_eq!(name_words(".NET Core"), ["dot", "net", "core"]);
        let mut cache = Cache::default();
        assert!(cache.both("redirects").contains(&"redirect".to_owned()));
    }
}
