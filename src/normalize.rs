//! Query and key normalisation: the one definition of "the same word" used by
//! the build script, lookup, fuzzy matching and search.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercases, folds diacritics, turns every run of characters that are not
/// letters or digits into one `-`, and trims `-` from both ends; symbols that
/// carry meaning in names become words (see [`normalize_chars`]).
///
/// `Back End Developer`, `back_end developer` and `BACK-END-DEVELOPER` all
/// become `back-end-developer`; `Café` becomes `cafe`; `C++` becomes
/// `c-plus-plus`, `C#` `c-sharp` and `.NET` `dot-net`.
pub fn normalize(text: &str) -> String {
    if text.is_ascii() {
        normalize_chars(text.chars().map(|c| c.to_ascii_lowercase()), text.len())
    } else {
        normalize_chars(folded_chars(text), text.len())
    }
}

/// [`normalize`] over characters already folded and lowercased. A `+` is the
/// word `plus`, a `#` right after a letter or digit is the word `sharp`, and
/// a `.` that starts a word (`.net`, not `asp.net` or `1.5`) is the word
/// `dot`, so that C, C++, C# and .NET stay four names. Text without a letter
/// or digit is nothing, symbols or not.
fn normalize_chars(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut any = false;
    let mut chars = chars.peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        let word = if c.is_alphanumeric() {
            any = true;
            if previous.is_alphanumeric() {
                out.push(c);
                previous = c;
                continue;
            }
            None
        } else {
            let next_is_letter = chars.peek().is_some_and(|n| n.is_alphabetic());
            match c {
                '+' => Some("plus"),
                '#' if previous.is_alphanumeric() => Some("sharp"),
                '.' if !previous.is_alphanumeric() && next_is_letter => Some("dot"),
                _ => {
                    previous = c;
                    continue;
                }
            }
        };
        if !out.is_empty() {
            out.push('-');
        }
        match word {
            Some(word) => out.push_str(word),
            None => out.push(c),
        }
        // A symbol word ends there: what follows starts a new word.
        previous = if word.is_some() { ' ' } else { c };
    }
    if !any {
        out.clear();
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
            "C++ and C# on .NET",
            "+62 #1 a.b",
        ] {
            let general = normalize_chars(folded_chars(text), 0);
            assert_eq!(normalize(text), general, "{text:?}");
        }
    }

    #[test]
    fn symbols_that_name_things_become_words() {
        for (text, want) in [
            ("C++", "c-plus-plus"),
            ("c ++", "c-plus-plus"),
            ("C#", "c-sharp"),
            ("F#", "f-sharp"),
            (".NET", "dot-net"),
            (".net framework", "dot-net-framework"),
            ("ASP.NET", "asp-net"),
            ("Node.js", "node-js"),
            ("robots.txt", "robots-txt"),
            ("HTTP/1.1", "http-1-1"),
            ("#seo", "seo"),
            ("Google+", "google-plus"),
            ("c", "c"),
        ] {
            assert_eq!(normalize(text), want, "{text:?}");
        }
    }

    #[test]
    fn symbols_alone_are_nothing() {
        for text in ["+", "++", "#", ".", " .+# "] {
            assert_eq!(normalize(text), "", "{text:?}");
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
