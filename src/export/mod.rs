//! `--export FORMAT DIR`: the glossary as this run sees it (built-in and
//! `KAMUS_PATH` entries, in the chosen language) written for the
//! dictionary programs people already use: StarDict ([`stardict`]) and
//! dictd ([`dictd`]). Every file is written under a temporary name and
//! renamed into place, so a half-written dictionary never replaces a good
//! one; a folder that holds anything but an earlier export is refused.

pub mod dictd;
pub mod dictzip;
pub mod stardict;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::glossary::Glossary;
use crate::messages::Message;
use crate::model::Lang;
use crate::render::{View, line, text};
use crate::report::{Report, Status};
use crate::style::Style;
use crate::validate::is_forbidden;

/// The formats `--export` writes.
pub const FORMATS: [&str; 2] = ["stardict", "dictd"];

/// The width dictd articles are wrapped to, as `dictfmt` wraps.
const DICTD_WIDTH: usize = 72;

/// One entry as a dictionary article: its headword (the term in the
/// chosen language), every other name a reader may look it up by, and the
/// text shown.
#[derive(Debug)]
pub struct Article {
    pub slug: String,
    pub headword: String,
    /// The slug, the term in the other language, and every alias of both.
    pub names: Vec<String>,
    pub text: String,
}

/// What every format writes: the book's title, description and date, and
/// its articles in slug order.
#[derive(Debug)]
pub struct Book {
    pub title: String,
    pub description: String,
    /// The newest `updated` date of the entries, `YYYY.MM.DD`.
    pub date: String,
    pub articles: Vec<Article>,
}

/// A file to write: its name in the folder and its bytes.
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl File {
    pub fn new(name: String, bytes: Vec<u8>) -> File {
        File { name, bytes }
    }
}

/// Writes `glossary` in `format` into `dir`.
pub fn run(glossary: &Glossary, lang: Lang, format: &str, dir: &Path) -> Report {
    if !FORMATS.contains(&format) {
        return Report::error(Message::ExportFormat { format }.text(lang));
    }
    let shown = dir.display().to_string();
    match usable(dir, format) {
        Ok(()) => {}
        Err(Unusable::Occupied) => {
            return Report::error(Message::ExportOccupied { dir: &shown }.text(lang));
        }
        Err(Unusable::Unreadable(error)) => {
            let message = Message::ExportCannot {
                dir: &shown,
                error: &error,
            };
            return Report::error(message.text(lang));
        }
    }
    let name = format!("kamus-{}", lang.code());
    let files = match format {
        "stardict" => stardict::files(&book(glossary, lang, None), &name),
        _ => {
            let folder = absolute(dir);
            // dictd.conf quotes the paths: a quote or a line break in one
            // could not be written there.
            if folder.contains(['"', '\n', '\\']) {
                return Report::error(Message::ExportPath { dir: &folder }.text(lang));
            }
            let url = format!("kamus {} (--export dictd)", env!("CARGO_PKG_VERSION"));
            dictd::files(
                &book(glossary, lang, Some(DICTD_WIDTH)),
                &name,
                &url,
                &folder,
            )
        }
    };
    let Some(files) = files else {
        return Report::error(Message::ExportTooLarge.text(lang));
    };
    // sdcv's caches of the old indexes would point into the new ones.
    for stale in [".idx.oft", ".syn.oft"] {
        let _ = fs::remove_file(dir.join(format!("{name}{stale}")));
    }
    if let Err(error) = write_all(dir, &files) {
        return Report::error(
            Message::ExportCannot {
                dir: &shown,
                error: &error,
            }
            .text(lang),
        );
    }
    let mut report = Report::new(Status::Found);
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    report.note(
        Message::Exported {
            dir: &shown,
            files: &names.join(", "),
            entries: glossary.len(),
        }
        .text(lang),
    );
    report
}

/// The glossary as articles in `lang`, each text as `kamus TERM` prints it
/// when piped (wrapped to `width`, if given).
pub fn book(glossary: &Glossary, lang: Lang, width: Option<usize>) -> Book {
    let style = Style::new(false);
    let mut newest = String::new();
    let articles = (0..glossary.len())
        .map(|i| {
            let entry = glossary.entry(i);
            if *entry.updated > *newest {
                newest = entry.updated.to_string();
            }
            let view = View::new(glossary, i, &entry, lang, None);
            let other = Lang::ALL.into_iter().find(|&l| l != lang).unwrap_or(lang);
            let mut names = vec![entry.slug.to_string(), entry.term.get(other).to_owned()];
            for list in &entry.aliases {
                names.extend(list.iter().map(|a| a.to_string()));
            }
            // A name is one clean line: a tab or a line break would end a
            // field of an index.
            let mut names: Vec<String> = names.iter().map(|n| line(n)).collect();
            names.retain(|n| !n.is_empty());
            Article {
                slug: entry.slug.to_string(),
                headword: line(entry.term.get(lang)),
                names,
                text: clean(&text::render(&view, style, width)),
            }
        })
        .collect();
    let (title, description) = match lang {
        Lang::Id => (
            "kamus: glosarium web, SEO, dan pemasaran digital",
            "Istilah pengembangan web, SEO, dan pemasaran digital dalam bahasa Indonesia, ditulis oleh kamus.",
        ),
        Lang::En => (
            "kamus: web, SEO and digital-marketing glossary",
            "Web-development, SEO and digital-marketing terms in English, written by kamus.",
        ),
    };
    Book {
        title: title.to_owned(),
        description: description.to_owned(),
        // StarDict writes dates as 2026.11.29.
        date: newest.replace('-', "."),
        articles,
    }
}

/// An article's text with nothing in it that could drive a terminal or
/// end a record: validation keeps such characters out; this is the last
/// guard, as for search snippets.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\n' || !(c.is_control() || is_forbidden(c)))
        .collect()
}

/// Why a folder cannot take an export.
enum Unusable {
    /// It holds something other than an earlier export.
    Occupied,
    Unreadable(String),
}

/// The endings of the files an export in `format` leaves in its folder.
/// A StarDict folder also keeps the `.oft` caches sdcv writes beside the
/// indexes. The two formats both have a `.dict.dz`, so each needs a
/// folder of its own.
fn endings(format: &str) -> &'static [&'static str] {
    match format {
        "stardict" => &[".ifo", ".idx", ".syn", ".dict.dz", ".idx.oft", ".syn.oft"],
        _ => &[".index", ".dict.dz", ".conf"],
    }
}

/// Whether `name` is a file an export in `format` writes (or its
/// temporary).
fn is_export_file(name: &str, format: &str) -> bool {
    if name.starts_with(".kamus-export-") {
        return true;
    }
    let Some(rest) = name.strip_prefix("kamus-") else {
        return false;
    };
    Lang::ALL.iter().any(|lang| {
        rest.strip_prefix(lang.code())
            .is_some_and(|ending| endings(format).contains(&ending))
    })
}

/// Whether `dir` is missing, empty or the folder of an earlier export in
/// `format`.
fn usable(dir: &Path, format: &str) -> Result<(), Unusable> {
    let listing = match fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Unusable::Unreadable(e.to_string())),
    };
    for entry in listing {
        let entry = entry.map_err(|e| Unusable::Unreadable(e.to_string()))?;
        let name = entry.file_name();
        if !name
            .to_str()
            .is_some_and(|name| is_export_file(name, format))
        {
            return Err(Unusable::Occupied);
        }
    }
    Ok(())
}

/// Writes every file under a temporary name first, then renames each into
/// place: a failure leaves the earlier export as it was.
fn write_all(dir: &Path, files: &[File]) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let temporary = |file: &File| {
        dir.join(format!(
            ".kamus-export-{}-{}",
            std::process::id(),
            file.name
        ))
    };
    let mut written: Vec<PathBuf> = Vec::new();
    let result = files.iter().try_for_each(|file| {
        let path = temporary(file);
        written.push(path.clone());
        let mut out = fs::File::create(&path)?;
        out.write_all(&file.bytes)?;
        out.sync_all()
    });
    let result = result.and_then(|()| {
        files
            .iter()
            .try_for_each(|file| fs::rename(temporary(file), dir.join(&file.name)))
    });
    if let Err(e) = result {
        for path in written {
            let _ = fs::remove_file(path);
        }
        return Err(e.to_string());
    }
    Ok(())
}

/// `dir` as an absolute path, for dictd.conf.
fn absolute(dir: &Path) -> String {
    std::path::absolute(dir)
        .unwrap_or_else(|_| dir.to_path_buf())
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_texts_cannot_carry_control_characters() {
        assert_eq!(line(" a\tb\nc\u{1b}[2J  d "), "a b c[2J d");
        assert_eq!(line("\u{202E}x"), "x");
        assert_eq!(clean("a\u{0}b\u{1b}c\nd\u{7f}"), "abc\nd");
    }

    #[test]
    fn only_an_earlier_exports_files_are_taken_as_one() {
        for name in [
            "kamus-id.ifo",
            "kamus-en.dict.dz",
            "kamus-id.idx.oft",
            ".kamus-export-12-kamus-id.idx",
        ] {
            assert!(is_export_file(name, "stardict"), "{name}");
        }
        for name in ["kamus-id.index", "kamus-en.conf", "kamus-en.dict.dz"] {
            assert!(is_export_file(name, "dictd"), "{name}");
        }
        for name in [
            "notes.txt",
            "kamus-fr.ifo",
            "kamus-id.toml",
            "kamus-id",
            ".ifo",
        ] {
            assert!(!is_export_file(name, "stardict"), "{name}");
            assert!(!is_export_file(name, "dictd"), "{name}");
        }
        // The other format's files are not this one's.
        assert!(!is_export_file("kamus-id.index", "stardict"));
        assert!(!is_export_file("kamus-id.ifo", "dictd"));
    }

    #[test]
    fn a_folder_with_other_files_is_refused() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        assert!(usable(&dir.path().join("new"), "dictd").is_ok());
        assert!(usable(dir.path(), "dictd").is_ok());
        fs::write(dir.path().join("kamus-id.ifo"), "x").expect("written");
        assert!(usable(dir.path(), "stardict").is_ok());
        assert!(matches!(
            usable(dir.path(), "dictd"),
            Err(Unusable::Occupied)
        ));
        fs::write(dir.path().join("thesis.tex"), "x").expect("written");
        assert!(matches!(
            usable(dir.path(), "stardict"),
            Err(Unusable::Occupied)
        ));
    }

    #[test]
    fn the_same_glossary_gives_the_same_bytes() {
        let glossary = Glossary::built_in();
        for format in FORMATS {
            let a = tempfile::tempdir().expect("a temporary folder");
            let b = tempfile::tempdir().expect("a temporary folder");
            for dir in [a.path(), b.path()] {
                let report = run(&glossary, Lang::Id, format, dir);
                assert_eq!(report.status, Status::Found, "{:?}", report.notes);
            }
            let mut names: Vec<_> = fs::read_dir(a.path())
                .expect("listed")
                .map(|e| e.expect("entry").file_name())
                .collect();
            names.sort();
            for name in names {
                let (x, y) = (a.path().join(&name), b.path().join(&name));
                let (x, y) = (fs::read(x).expect("read"), fs::read(y).expect("read"));
                if name == "kamus-id.conf" {
                    continue; // it names its own folder
                }
                assert!(x == y, "{name:?} differs between two runs");
            }
        }
    }
}
