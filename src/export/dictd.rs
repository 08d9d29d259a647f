//! The dictd format (RFC 2229 servers): `.dict.dz`, the articles one after
//! another, dictzipped; and `.index`, a line per name, `key<TAB>offset<TAB>
//! length<TAB>name`, offsets and lengths in dictd's base64, sorted by key
//! as bytes. The database is UTF-8 (`00-database-utf8`), so dictd reads a
//! query as it reads the keys: lowercased, with only letters, digits and
//! single spaces left (`back-end-developer` is `backenddeveloper`, `Back
//! End Developer` is `back end developer`); the fourth column keeps the
//! name as written, for MATCH to show. Layout as `dictfmt --utf8` writes.

use super::{Book, File, dictzip};

/// dictd's base64 digits (libmaa's `b64_list`).
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The files of a dictd database named `name` (`kamus-id`), and the
/// `dictd.conf` lines that serve it from `folder`.
pub fn files(book: &Book, name: &str, url: &str, folder: &str) -> Option<Vec<File>> {
    let mut dict = String::new();
    let mut lines: Vec<(String, String)> = Vec::new();
    // The database's own entries, as `dictfmt --utf8` writes them: keys
    // made like any other, no name column.
    let own = [
        ("00-database-utf8", "\n".to_owned()),
        (
            "00-database-short",
            format!("00-database-short\n     {}\n", book.title),
        ),
        ("00-database-info", format!("{}\n", book.description)),
        ("00-database-url", format!("{url}\n")),
    ];
    for (word, text) in own {
        let (at, len) = place(&mut dict, &text);
        let key = key(word);
        lines.push((key.clone(), format!("{key}\t{at}\t{len}\n")));
    }
    for article in &book.articles {
        let (at, len) = place(&mut dict, &article.text);
        let mut keys: Vec<String> = Vec::new();
        let names = [&article.headword, &article.slug]
            .into_iter()
            .chain(&article.names);
        for name in names {
            let key = key(name);
            if key.is_empty() || keys.contains(&key) {
                continue;
            }
            lines.push((key.clone(), format!("{key}\t{at}\t{len}\t{name}\n")));
            keys.push(key);
        }
    }
    // `sort -s -t '\t' -k 1,1` in the C locale: by key as bytes, stable.
    lines.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let index: String = lines.into_iter().map(|(_, line)| line).collect();

    let dict_name = format!("{name}.dict");
    let conf = format!(
        "# The kamus glossary ({title}), written by kamus --export dictd.\n\
         # Add these lines to dictd.conf (on Debian, /etc/dictd/dictd.conf),\n\
         # then restart dictd.\n\
         database {name} {{\n    data  \"{folder}/{dict_name}.dz\"\n    index \"{folder}/{name}.index\"\n}}\n",
        title = book.title,
    );
    Some(vec![
        File::new(format!("{name}.index"), index.into_bytes()),
        File::new(
            format!("{dict_name}.dz"),
            dictzip::compress(dict.as_bytes(), &dict_name)?,
        ),
        File::new(format!("{name}.conf"), conf.into_bytes()),
    ])
}

/// Appends `text` to the articles; where it starts and its length, in
/// dictd's base64.
fn place(dict: &mut String, text: &str) -> (String, String) {
    let at = dict.len();
    dict.push_str(text);
    (base64(at), base64(text.len()))
}

/// A name as dictd compares it in a UTF-8 database: each letter and digit
/// lowercased, each run of white space one space, the rest dropped, and
/// no space at either end.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if c.is_alphanumeric() {
            // towlower maps one character to one.
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => out.push(l),
                _ => out.push(c),
            }
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// `n` in dictd's base64: big-endian digits, no leading zeros (`A`).
pub fn base64(n: usize) -> String {
    let mut n = n as u64;
    let mut digits = Vec::new();
    loop {
        digits.push(DIGITS[(n % 64) as usize]);
        n /= 64;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_dictds() {
        assert_eq!(base64(0), "A");
        assert_eq!(base64(1), "B");
        assert_eq!(base64(63), "/");
        assert_eq!(base64(64), "BA");
        assert_eq!(base64(4095), "//");
        assert_eq!(base64(4096), "BAA");
        assert_eq!(base64(0x4000_0000), "BAAAAA");
    }

    #[test]
    fn keys_are_what_dictd_makes_of_a_query() {
        assert_eq!(key("back-end-developer"), "backenddeveloper");
        assert_eq!(key("Back End  Developer "), "back end developer");
        assert_eq!(key("A/B Testing"), "ab testing");
        assert_eq!(key("Café\tÉtoile"), "café étoile");
        assert_eq!(key("---"), "");
    }
}
