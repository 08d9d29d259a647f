//! The StarDict format (read by sdcv, GoldenDict, KOReader): `.ifo` (what
//! the book is), `.idx` (each headword with the offset and size of its
//! article, big-endian, sorted as StarDict compares), `.syn` (every other
//! name, pointing at its headword's place in the `.idx`) and `.dict.dz`
//! (the articles, dictzipped). Articles are plain text (type `m`), in the
//! layout of `kamus TERM` when piped: sdcv shows HTML markup as it is,
//! and plain text reads well in every one of these readers.

use std::cmp::Ordering;

use super::{Article, Book, File, dictzip};

/// The longest headword StarDict accepts, in bytes (it must be < 256).
const MAX_WORD: usize = 255;

/// The files of a StarDict book named `name` (`kamus-id`).
pub fn files(book: &Book, name: &str) -> Option<Vec<File>> {
    let mut dict = Vec::new();
    let mut placed: Vec<(&[u8], u32, u32, usize)> = Vec::with_capacity(book.articles.len());
    for (n, article) in book.articles.iter().enumerate() {
        let at = u32::try_from(dict.len()).ok()?;
        dict.extend_from_slice(article.text.as_bytes());
        let size = u32::try_from(article.text.len()).ok()?;
        placed.push((word(&article.headword), at, size, n));
    }
    placed.sort_by(|a, b| compare(a.0, b.0).then(a.3.cmp(&b.3)));

    let mut idx = Vec::new();
    // Where each article's headword sits in the sorted index.
    let mut row_of = vec![0_u32; book.articles.len()];
    for (row, &(word, at, size, n)) in placed.iter().enumerate() {
        idx.extend_from_slice(word);
        idx.push(0);
        idx.extend_from_slice(&at.to_be_bytes());
        idx.extend_from_slice(&size.to_be_bytes());
        row_of[n] = u32::try_from(row).ok()?;
    }

    let mut synonyms: Vec<(&[u8], u32)> = Vec::new();
    for (n, article) in book.articles.iter().enumerate() {
        for name in other_names(article) {
            synonyms.push((word(name), row_of[n]));
        }
    }
    synonyms.sort_by(|a, b| compare(a.0, b.0).then(a.1.cmp(&b.1)));
    synonyms.dedup();
    let mut syn = Vec::new();
    for (word, row) in &synonyms {
        syn.extend_from_slice(word);
        syn.push(0);
        syn.extend_from_slice(&row.to_be_bytes());
    }

    let ifo = format!(
        "StarDict's dict ifo file\nversion=2.4.2\nwordcount={}\nsynwordcount={}\nidxfilesize={}\n\
         bookname={}\nauthor=kamus\ndescription={}\ndate={}\nsametypesequence=m\n",
        placed.len(),
        synonyms.len(),
        idx.len(),
        book.title,
        book.description,
        book.date,
    );
    let dict_name = format!("{name}.dict");
    Some(vec![
        File::new(format!("{name}.ifo"), ifo.into_bytes()),
        File::new(format!("{name}.idx"), idx),
        File::new(format!("{name}.syn"), syn),
        File::new(
            format!("{dict_name}.dz"),
            dictzip::compress(&dict, &dict_name)?,
        ),
    ])
}

/// The names of an article other than its headword, each once.
fn other_names(article: &Article) -> impl Iterator<Item = &str> {
    let mut seen: Vec<&str> = vec![&article.headword];
    article.names.iter().filter_map(move |name| {
        let name = name.as_str();
        (!seen.contains(&name)).then(|| {
            seen.push(name);
            name
        })
    })
}

/// A name as StarDict stores it: at most [`MAX_WORD`] bytes, cut at a
/// character boundary.
fn word(name: &str) -> &[u8] {
    let mut end = name.len().min(MAX_WORD);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name.as_bytes()[..end]
}

/// StarDict's order (`stardict_strcmp`): ASCII letters compared without
/// case (`g_ascii_strcasecmp`), then byte by byte to break ties.
pub fn compare(a: &[u8], b: &[u8]) -> Ordering {
    let lower = u8::to_ascii_lowercase;
    a.iter()
        .map(lower)
        .cmp(b.iter().map(lower))
        .then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> Book {
        let article = |headword: &str, names: &[&str], text: &str| Article {
            slug: headword.to_lowercase(),
            headword: headword.to_owned(),
            names: names.iter().map(|n| (*n).to_owned()).collect(),
            text: text.to_owned(),
        };
        Book {
            title: "kamus".to_owned(),
            description: "test".to_owned(),
            date: "2026.11.29".to_owned(),
            articles: vec![
                article("zebra", &["Zebra", "belang"], "Z text"),
                article("Apple", &["apel", "APEL"], "A text"),
                article("apple", &["belang"], "a text"),
            ],
        }
    }

    /// The (word, offset, size) rows of an `.idx`.
    fn rows(idx: &[u8]) -> Vec<(String, u32, u32)> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < idx.len() {
            let end = at + idx[at..].iter().position(|&b| b == 0).expect("a NUL");
            let word = String::from_utf8(idx[at..end].to_vec()).expect("UTF-8");
            let number = |i: usize| u32::from_be_bytes(idx[i..i + 4].try_into().expect("4 bytes"));
            out.push((word, number(end + 1), number(end + 5)));
            at = end + 9;
        }
        out
    }

    #[test]
    fn the_order_is_stardicts() {
        let mut words = vec!["b", "B", "a", "A", "ab", "_x", "é"];
        words.sort_by(|a, b| compare(a.as_bytes(), b.as_bytes()));
        // StarDict folds to lowercase before comparing, so '_' (0x5F)
        // comes before every letter; bytes break ties ('A' before 'a').
        assert_eq!(words, ["_x", "A", "a", "ab", "B", "b", "é"]);
    }

    #[test]
    fn the_index_is_sorted_with_big_endian_offsets_and_sizes() {
        let files = files(&book(), "kamus-id").expect("written");
        let idx = rows(&files[1].bytes);
        assert_eq!(
            idx,
            [
                ("Apple".to_owned(), 6, 6),
                ("apple".to_owned(), 12, 6),
                ("zebra".to_owned(), 0, 6),
            ]
        );
        let ifo = String::from_utf8(files[0].bytes.clone()).expect("UTF-8");
        assert!(ifo.starts_with("StarDict's dict ifo file\nversion=2.4.2\n"));
        assert!(ifo.contains("\nwordcount=3\n"));
        assert!(ifo.contains(&format!("\nidxfilesize={}\n", files[1].bytes.len())));
        assert!(ifo.contains("\nsametypesequence=m\n"));
    }

    #[test]
    fn synonyms_point_at_their_headwords_rows() {
        let files = files(&book(), "kamus-id").expect("written");
        let syn = &files[2].bytes;
        let mut got = Vec::new();
        let mut at = 0;
        while at < syn.len() {
            let end = at + syn[at..].iter().position(|&b| b == 0).expect("a NUL");
            let row = u32::from_be_bytes(syn[end + 1..end + 5].try_into().expect("4 bytes"));
            got.push((String::from_utf8_lossy(&syn[at..end]).into_owned(), row));
            at = end + 5;
        }
        // Apple is row 0, apple row 1, zebra row 2; a shared name points
        // at both.
        assert_eq!(
            got,
            [
                ("APEL".to_owned(), 0),
                ("apel".to_owned(), 0),
                ("belang".to_owned(), 1),
                ("belang".to_owned(), 2),
                ("Zebra".to_owned(), 2),
            ]
        );
        let ifo = String::from_utf8_lossy(&files[0].bytes).into_owned();
        assert!(ifo.contains("\nsynwordcount=5\n"), "{ifo}");
    }

    #[test]
    fn a_headword_is_cut_to_stardicts_limit_at_a_character() {
        let long = "é".repeat(200);
        let cut = word(&long);
        assert_eq!(cut.len(), 254);
        assert!(std::str::from_utf8(cut).is_ok());
    }
}
