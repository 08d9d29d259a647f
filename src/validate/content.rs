//! Content rules that look at words, not at the file's shape: whether a
//! definition addresses the reader, whether a text dates or changes
//! something (and so needs a source), and whether a source's address is
//! one to print.

use crate::normalize::words;

/// Words that address the reader, in either language.
const ADDRESSING: &[&str] = &["you", "your", "yours", "yourself", "anda", "kamu"];

/// Words that say something changed: such a claim needs a source.
const CHANGE_WORDS: &[&str] = &[
    "renamed",
    "retired",
    "replaced",
    "released",
    "deprecated",
    "discontinued",
    "diganti",
    "digantikan",
    "menggantikan",
    "dihentikan",
    "dirilis",
];

/// Two-word phrases that say something changed.
const CHANGE_PHRASES: &[[&str; 2]] = &[["berganti", "nama"], ["ganti", "nama"]];

/// The first word of `text` that addresses the reader; the *you* of a
/// *thank-you page* addresses nobody.
pub fn addressing(text: &str) -> Option<String> {
    let mut previous = String::new();
    for (_, word) in words(text) {
        if ADDRESSING.contains(&word.as_str()) && !(word == "you" && previous == "thank") {
            return Some(word);
        }
        previous = word;
    }
    None
}

/// The first year from 2023 on, or word or phrase of change, in `text`.
pub fn dated_claim(text: &str) -> Option<String> {
    let list: Vec<String> = words(text).map(|(_, w)| w).collect();
    for (i, word) in list.iter().enumerate() {
        let year = word.len() == 4 && word.parse::<u32>().is_ok_and(|y| (2023..2100).contains(&y));
        if year || CHANGE_WORDS.contains(&word.as_str()) {
            return Some(word.clone());
        }
        if let Some(next) = list.get(i + 1) {
            if CHANGE_PHRASES.iter().any(|[a, b]| word == a && next == b) {
                return Some(format!("{word} {next}"));
            }
        }
    }
    None
}

/// Query parameters that track a visit or pick a language: a source's
/// address names the page, not someone's visit to it.
const TRACKING: &[&str] = &["utm_", "hl", "authuser", "visit_id", "gclid", "fbclid"];

/// Whether `url` is an address to print as a source: `https://` or
/// `http://`, a host, nothing a terminal or markdown would read as more
/// than an address, and no tracking parameters.
pub fn check_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("must start with https://")?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err("has no host".into());
    }
    if let Some(c) = url
        .chars()
        .find(|c| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`') || !c.is_ascii())
    {
        return Err(format!(
            "contains `{}`; write it percent-encoded",
            c.escape_default()
        ));
    }
    let query = url.split_once('?').map_or("", |(_, q)| q);
    let query = query.split('#').next().unwrap_or("");
    for param in query.split('&').filter(|p| !p.is_empty()) {
        let name = param.split('=').next().unwrap_or("");
        if TRACKING
            .iter()
            .any(|t| name == *t || (t.ends_with('_') && name.starts_with(t)))
        {
            return Err(format!("has the tracking parameter `{name}`; drop it"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addressing_is_found_as_whole_words_in_both_languages() {
        assert_eq!(addressing("If you click"), Some("you".into()));
        assert_eq!(addressing("Situs milik Anda"), Some("anda".into()));
        assert_eq!(addressing("Video di YouTube"), None);
        assert_eq!(addressing("Kamus istilah"), None);
        assert_eq!(addressing("on thank-you pages"), None);
    }

    #[test]
    fn dated_claims_are_years_from_2023_and_words_of_change() {
        assert_eq!(dated_claim("Sejak Maret 2024, INP"), Some("2024".into()));
        assert_eq!(dated_claim("HTTP/1.1 dari 1997"), None);
        assert_eq!(
            dated_claim("FID was replaced by INP"),
            Some("replaced".into())
        );
        assert_eq!(
            dated_claim("Produk ini berganti nama"),
            Some("berganti nama".into())
        );
        assert_eq!(
            dated_claim("Layanan itu dihentikan"),
            Some("dihentikan".into())
        );
        assert_eq!(dated_claim("A plain sentence of 12345 words"), None);
    }

    #[test]
    fn urls_must_be_plain_web_addresses_without_tracking() {
        assert!(check_url("https://developer.mozilla.org/en-US/docs/Glossary/CORS").is_ok());
        assert!(check_url("https://support.google.com/google-ads/answer/6310?x=1").is_ok());
        assert!(check_url("ftp://example.org").is_err());
        assert!(check_url("https://").is_err());
        assert!(check_url("https://a.org/x y").is_err());
        assert!(check_url("https://a.org/<x>").is_err());
        for tracked in [
            "https://a.org/?hl=id",
            "https://a.org/p?x=1&authuser=2",
            "https://a.org/p?utm_source=x",
            "https://a.org/p?visit_id=9#top",
        ] {
            assert!(check_url(tracked).is_err(), "{tracked}");
        }
    }
}
