//! Query and key normalisation: the one definition of "the same word" used by
//! the build script, lookup, fuzzy matching and search.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercases, folds diacritics, turns every run of characters that are not
/// letters or digits into one `-`, and trims `-` from both ends.
///
/// `Back End Developer`, `back_end developer` and `BACK-END-DEVELOPER` all
/// become `back-end-developer`; `Café` becomes `cafe`.
pub fn normalize(text: &str) -> String {
    if text.is_ascii() {
        normalize_ascii(text)
    } else {
        normalize_any(text)
    }
}

/// [`normalize`] for any text: decompose, drop marks, lowercase.
fn normalize_any(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in folded_chars(text) {
        if c.is_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c);
        } else {
            pending_hyphen = true;
        }
    }
    out
}

/// [`normalize`] for ASCII text, which has no diacritics to fold: the
/// common case, without decomposing anything.
fn normalize_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}

/// The key without its hyphens: `back-end-developer` → `backenddeveloper`,
/// so that `backend developer` finds the entry too.
pub fn compact(key: &str) -> String {
    key.chars().filter(|&c| c != '-').collect()
}

/// The characters of `text`, decomposed, without combining marks, lowercased.
pub fn folded_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.nfd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
}

/// The words of `text` (runs of letters and digits) with their byte ranges
/// in `text`, each word normalised.
pub fn words(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, String)> + '_ {
    word_ranges(text).map(|range| (range.clone(), normalize(&text[range])))
}

/// The byte ranges of the words of `text`: runs of letters and digits.
pub fn word_ranges(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = rest.peek() {
            if c.is_alphanumeric() {
                break;
            }
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = rest.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            rest.next();
        }
        Some(start..end)
    })
}

/// Whether the word `raw` (letters and digits only), once normalised,
/// starts with the normalised `prefix`; an ASCII word is compared without
/// being copied.
pub fn word_starts_with(raw: &str, prefix: &str) -> bool {
    if raw.is_ascii() {
        raw.len() >= prefix.len()
            && raw.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    } else {
        normalize(raw).starts_with(prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_term_share_a_key() {
        for query in [
            "Back End Developer",
            "back_end developer",
            "BACK-END-DEVELOPER",
            "  back--end  developer!! ",
        ] {
            assert_eq!(normalize(query), "back-end-developer", "{query:?}");
        }
    }

    #[test]
    fn diacritics_fold_and_other_scripts_stay() {
        assert_eq!(normalize("Café Crème"), "cafe-creme");
        assert_eq!(normalize("Ñandú"), "nandu");
        assert_eq!(normalize("日本語"), "日本語");
    }

    #[test]
    fn nothing_but_punctuation_is_empty() {
        assert_eq!(normalize(" -_- "), "");
        assert_eq!(normalize(""), "");
    }

    #[test]
    fn the_ascii_path_agrees_with_the_general_one() {
        for text in [
            "Back End Developer",
            "  a--b__C9 ",
            "",
            "---",
            "x",
            "SEO 101: on-page!",
        ] {
            assert_eq!(normalize_ascii(text), normalize_any(text), "{text:?}");
        }
    }

    #[test]
    fn word_prefixes_match_as_normalised_words_would() {
        for (raw, prefix, want) in [
            ("Keamanan", "keam", true),
            ("keamanan", "keamanan", true),
            ("Kea", "keamanan", false),
            ("Café", "cafe", true),
            ("café", "caf", true),
            ("SQL", "sqli", false),
        ] {
            assert_eq!(word_starts_with(raw, prefix), want, "{raw} / {prefix}");
            assert_eq!(normalize(raw).starts_with(prefix), want, "{raw} / {prefix}");
        }
    }

    #[test]
    fn compact_drops_hyphens() {
        assert_eq!(compact("back-end-developer"), "backenddeveloper");
    }

    #[test]
    fn words_keep_their_place_in_the_text() {
        let text = "Keamanan situs: SQL-injection!";
        let found: Vec<_> = words(text).collect();
        let names: Vec<_> = found.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(names, ["keamanan", "situs", "sql", "injection"]);
        assert_eq!(&text[found[3].0.clone()], "injection");
    }
}
