//! Every message kamus writes for itself (notes, errors, suggestions, the
//! short help), in both content languages side by side so the two stay in
//! step. clap's own usage errors and the `file:line:col` lines of
//! validation stay English, as compilers' do.

use crate::model::Lang;

/// One message and what it quotes.
#[derive(Clone, Debug)]
pub enum Message<'a> {
    /// Some `KAMUS_PATH` files or folders could not be used.
    Skipped { count: usize },
    /// A lookup whose term has no letters or digits.
    NothingToLookUp,
    /// A search query with no letters or digits.
    NothingToSearch,
    /// A search without a hit.
    NothingFound { query: &'a str },
    /// `--random` on an empty glossary.
    EmptyGlossary,
    /// A fuzzy match shown for what was typed.
    Showing { slug: &'a str, query: &'a str },
    /// `-s` named sections this entry does not have.
    NoSection {
        slug: &'a str,
        missing: &'a str,
        has: &'a str,
    },
    /// A miss without suggestions.
    NotFound { query: &'a str },
    /// A miss with suggestions.
    DidYouMean { query: &'a str, slugs: &'a str },
    /// A name several entries share; the candidates follow.
    SharedName { query: &'a str, count: usize },
    /// `--check` with nothing to check.
    NothingToCheck,
    /// What `--check` found.
    Checked {
        files: usize,
        problems: usize,
        warnings: usize,
    },
    /// Output that could not be written.
    CannotWrite { error: &'a str },
    /// `--list` given words that look like a language (`-l en`).
    ListIsNotLang { lang: &'a str },
    /// `--list` given a term.
    ListTakesNoTerm,
    /// Options but no term to look up.
    NoTerm,
    /// `kamus` alone on a terminal.
    ShortHelp,
    /// `--export` named a format it does not write.
    ExportFormat { format: &'a str },
    /// `--export` into a folder holding other files.
    ExportOccupied { dir: &'a str },
    /// `--export` could not read or write its folder.
    ExportCannot { dir: &'a str, error: &'a str },
    /// A folder dictd.conf cannot name.
    ExportPath { dir: &'a str },
    /// A glossary larger than the formats can hold.
    ExportTooLarge,
    /// What `--export` wrote.
    Exported {
        dir: &'a str,
        files: &'a str,
        entries: usize,
    },
}

impl Message<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        use Message as M;
        match (self, lang) {
            (M::Skipped { count }, Id) => format!(
                "KAMUS_PATH: {count} berkas dilewati karena bermasalah; `kamus --check` merincinya"
            ),
            (M::Skipped { count }, En) => format!(
                "KAMUS_PATH: {count} file{} skipped for problems; `kamus --check` lists them",
                plural(*count)
            ),
            (M::NothingToLookUp, Id) => {
                "tidak ada yang dicari: istilahnya tanpa huruf atau angka".to_owned()
            }
            (M::NothingToLookUp, En) => {
                "nothing to look up: the term has no letters or digits".to_owned()
            }
            (M::NothingToSearch, Id) => "kueri pencarian tanpa huruf atau angka".to_owned(),
            (M::NothingToSearch, En) => "the search query has no letters or digits".to_owned(),
            (M::NothingFound { query }, Id) => format!("tidak ada hasil untuk '{query}'"),
            (M::NothingFound { query }, En) => format!("nothing found for '{query}'"),
            (M::EmptyGlossary, Id) => "glosariumnya kosong".to_owned(),
            (M::EmptyGlossary, En) => "the glossary is empty".to_owned(),
            (M::Showing { slug, query }, Id) => format!("menampilkan '{slug}' untuk '{query}'"),
            (M::Showing { slug, query }, En) => format!("showing '{slug}' for '{query}'"),
            (M::NoSection { slug, missing, has }, Id) => {
                format!("'{slug}' tidak punya bagian {missing}; yang ada: {has}")
            }
            (M::NoSection { slug, missing, has }, En) => {
                format!("'{slug}' has no section {missing}; it has: {has}")
            }
            (M::NotFound { query }, Id) => {
                format!("'{query}' tidak ditemukan; coba kamus --search")
            }
            (M::NotFound { query }, En) => format!("'{query}' not found; try kamus --search"),
            (M::DidYouMean { query, slugs }, Id) => {
                format!("'{query}' tidak ditemukan; mungkin maksudnya: {slugs}?")
            }
            (M::DidYouMean { query, slugs }, En) => {
                format!("'{query}' not found; did you mean: {slugs}?")
            }
            (M::SharedName { query, count }, Id) => {
                format!("'{query}' adalah nama {count} entri; pilih salah satu lewat slug-nya:")
            }
            (M::SharedName { query, count }, En) => {
                format!("'{query}' names {count} entries; look one up by its slug:")
            }
            (M::NothingToCheck, Id) => {
                "tidak ada yang diperiksa: sebutkan berkas atau folder, atau atur KAMUS_PATH"
                    .to_owned()
            }
            (M::NothingToCheck, En) => {
                "nothing to check: name files or folders, or set KAMUS_PATH".to_owned()
            }
            (
                M::Checked {
                    files,
                    problems,
                    warnings,
                },
                Id,
            ) => {
                let mut out = match problems {
                    0 => format!("{files} berkas diperiksa: tidak ada masalah"),
                    n => format!("{files} berkas diperiksa: {n} masalah"),
                };
                if *warnings > 0 {
                    out.push_str(&format!(", {warnings} peringatan"));
                }
                out
            }
            (
                M::Checked {
                    files,
                    problems,
                    warnings,
                },
                En,
            ) => {
                let mut out = match problems {
                    0 => format!("checked {files} file{}: no problems", plural(*files)),
                    n => format!(
                        "checked {files} file{}: {n} problem{}",
                        plural(*files),
                        plural(*n)
                    ),
                };
                if *warnings > 0 {
                    out.push_str(&format!(", {warnings} warning{}", plural(*warnings)));
                }
                out
            }
            (M::CannotWrite { error }, Id) => format!("keluaran tidak dapat ditulis: {error}"),
            (M::CannotWrite { error }, En) => format!("cannot write the output: {error}"),
            (M::ListIsNotLang { lang }, Id) => {
                format!("-l adalah --list; untuk bahasa pakai -L (kamus -L {lang} …)")
            }
            (M::ListIsNotLang { lang }, En) => {
                format!("-l is --list; for the language use -L (kamus -L {lang} …)")
            }
            (M::ListTakesNoTerm, Id) => {
                "--list tidak menerima istilah; untuk mencari satu istilah, hapus --list".to_owned()
            }
            (M::ListTakesNoTerm, En) => {
                "--list takes no term; to look one up, leave --list out".to_owned()
            }
            (M::NoTerm, Id) => {
                "tidak ada yang dicari: sebutkan istilahnya, atau lihat kamus --help".to_owned()
            }
            (M::NoTerm, En) => "nothing to look up: name a term, or see kamus --help".to_owned(),
            (M::ExportFormat { format }, Id) => {
                format!("--export tidak mengenal format '{format}'; pakai stardict atau dictd")
            }
            (M::ExportFormat { format }, En) => {
                format!("--export does not know the format '{format}'; use stardict or dictd")
            }
            (M::ExportOccupied { dir }, Id) => format!(
                "{dir} berisi berkas lain, bukan hasil --export; pakai folder kosong atau folder baru"
            ),
            (M::ExportOccupied { dir }, En) => format!(
                "{dir} holds other files, not an earlier --export; name an empty or a new folder"
            ),
            (M::ExportCannot { dir, error }, Id) => format!("{dir}: gagal menulis: {error}"),
            (M::ExportCannot { dir, error }, En) => format!("{dir}: cannot write: {error}"),
            (M::ExportPath { dir }, Id) => format!(
                "{dir}: nama folder ini memuat tanda kutip, garis miring terbalik, atau baris baru yang tidak dapat ditulis di dictd.conf"
            ),
            (M::ExportPath { dir }, En) => format!(
                "{dir}: the folder's name holds a quote, a backslash or a line break that dictd.conf cannot hold"
            ),
            (M::ExportTooLarge, Id) => "glosariumnya terlalu besar untuk format ini".to_owned(),
            (M::ExportTooLarge, En) => "the glossary is too large for this format".to_owned(),
            (
                M::Exported {
                    dir,
                    files,
                    entries,
                },
                Id,
            ) => format!("{entries} entri ditulis ke {dir}: {files}"),
            (
                M::Exported {
                    dir,
                    files,
                    entries,
                },
                En,
            ) => format!("wrote {entries} entries to {dir}: {files}"),
            (M::ShortHelp, Id) => SHORT_HELP_ID.to_owned(),
            (M::ShortHelp, En) => SHORT_HELP_EN.to_owned(),
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

const SHORT_HELP_ID: &str = "\
kamus: glosarium istilah pengembangan web, SEO, dan pemasaran digital,
dalam bahasa Indonesia dan Inggris, tanpa internet.

Contoh:
  kamus back-end-developer             seluruh entri
  kamus sql-injection -s pencegahan    satu bagian saja
  kamus -S cara kerja mesin pencari    cari di seluruh teks

Semua opsi: kamus --help · man kamus · kamus --list
";

const SHORT_HELP_EN: &str = "\
kamus: a glossary of web-development, SEO and digital-marketing terms,
in Indonesian and English, offline.

Examples:
  kamus back-end-developer -L en       the whole entry, in English
  kamus sql-injection -s prevention    one section only
  kamus -S how search engines work     search every text

Every option: kamus --help · man kamus · kamus --list
";

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each message, quoting values that can be told apart.
    fn every_message() -> Vec<Message<'static>> {
        vec![
            Message::Skipped { count: 3 },
            Message::NothingToLookUp,
            Message::NothingToSearch,
            Message::NothingFound { query: "qqq" },
            Message::EmptyGlossary,
            Message::Showing {
                slug: "sss",
                query: "qqq",
            },
            Message::NoSection {
                slug: "sss",
                missing: "mmm",
                has: "hhh",
            },
            Message::NotFound { query: "qqq" },
            Message::DidYouMean {
                query: "qqq",
                slugs: "sss",
            },
            Message::SharedName {
                query: "qqq",
                count: 7,
            },
            Message::NothingToCheck,
            Message::Checked {
                files: 5,
                problems: 4,
                warnings: 6,
            },
            Message::CannotWrite { error: "eee" },
            Message::ListIsNotLang { lang: "en" },
            Message::ListTakesNoTerm,
            Message::NoTerm,
            Message::ShortHelp,
            Message::ExportFormat { format: "qqq" },
            Message::ExportOccupied { dir: "sss" },
            Message::ExportCannot {
                dir: "sss",
                error: "eee",
            },
            Message::ExportPath { dir: "sss" },
            Message::ExportTooLarge,
            Message::Exported {
                dir: "sss",
                files: "hhh",
                entries: 7,
            },
        ]
    }

    #[test]
    fn each_message_has_both_languages_and_quotes_the_same_values() {
        for message in every_message() {
            let id = message.text(Lang::Id);
            let en = message.text(Lang::En);
            assert_ne!(id, en, "{message:?} is not translated");
            let quoted = format!("{message:?}");
            for value in ["qqq", "sss", "mmm", "hhh", "eee", "3", "4", "5", "6", "7"] {
                if quoted.contains(value) {
                    assert!(id.contains(value), "{message:?}: {id}");
                    assert!(en.contains(value), "{message:?}: {en}");
                }
            }
            // Names a reader types stay the same in both (the short help's
            // examples are each language's own).
            if matches!(message, Message::ShortHelp) {
                continue;
            }
            for name in [
                "KAMUS_PATH",
                "--check",
                "--search",
                "--list",
                "--help",
                "-L",
            ] {
                assert_eq!(id.contains(name), en.contains(name), "{message:?}: {name}");
            }
        }
    }

    #[test]
    fn english_counts_agree_in_number() {
        let one = Message::Skipped { count: 1 }.text(Lang::En);
        assert!(one.contains("1 file skipped"), "{one}");
        let checked = Message::Checked {
            files: 1,
            problems: 1,
            warnings: 2,
        }
        .text(Lang::En);
        assert_eq!(checked, "checked 1 file: 1 problem, 2 warnings");
    }
}
