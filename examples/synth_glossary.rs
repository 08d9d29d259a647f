//! Writes a synthetic glossary of N terms in the real schema, for scale
//! tests and benchmarks: `cargo run --release --example synth_glossary --
//! 15000 /tmp/kamus-15k`, then `KAMUS_DATA_DIR=/tmp/kamus-15k cargo build
//! --release`. Deterministic: the same N gives the same files.

// A developer's tool: its only messages are usage and I/O errors.
#![allow(clippy::print_stderr)]

use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs, process};

/// Word stock for names and prose; sentences are random but realistic in
/// length and shape.
const WORDS: &[&str] = &[
    "server",
    "data",
    "halaman",
    "pengguna",
    "kueri",
    "indeks",
    "tautan",
    "konten",
    "website",
    "aplikasi",
    "jaringan",
    "kode",
    "sistem",
    "proses",
    "laporan",
    "peringkat",
    "kata",
    "kunci",
    "mesin",
    "pencari",
    "keamanan",
    "serangan",
    "cache",
    "browser",
    "domain",
    "metrik",
    "klik",
    "konversi",
    "iklan",
    "kampanye",
    "performa",
    "waktu",
    "respons",
    "basis",
    "tabel",
    "kolom",
    "skema",
    "format",
    "berkas",
    "folder",
    "akses",
    "izin",
    "akun",
    "sesi",
    "token",
    "kunci",
    "protokol",
    "alamat",
    "permintaan",
    "jawaban",
    "antarmuka",
    "tampilan",
    "gaya",
    "warna",
    "teks",
    "gambar",
    "video",
    "audio",
    "paket",
    "modul",
    "fungsi",
    "kelas",
    "objek",
    "nilai",
    "angka",
    "rasio",
    "biaya",
    "anggaran",
    "target",
    "audiens",
    "pasar",
    "produk",
    "layanan",
];
const EN: &[&str] = &[
    "server",
    "data",
    "page",
    "user",
    "query",
    "index",
    "link",
    "content",
    "website",
    "app",
    "network",
    "code",
    "system",
    "process",
    "report",
    "rank",
    "word",
    "key",
    "engine",
    "search",
    "security",
    "attack",
    "cache",
    "browser",
    "domain",
    "metric",
    "click",
    "conversion",
    "ad",
    "campaign",
    "performance",
    "time",
    "response",
    "base",
    "table",
    "column",
    "schema",
    "format",
    "file",
    "folder",
    "access",
    "permission",
    "account",
    "session",
    "token",
    "lock",
    "protocol",
    "address",
    "request",
    "answer",
    "interface",
    "view",
    "style",
    "colour",
    "text",
    "image",
    "video",
    "audio",
    "package",
    "module",
    "function",
    "class",
    "object",
    "value",
    "number",
];
const KINDS: &[(&str, &[&str])] = &[
    ("concept", &["types", "examples"]),
    ("technology", &["how-it-works", "examples"]),
    ("technique", &["how-it-works", "best-practices"]),
    ("metric", &["formula", "factors"]),
    ("security", &["how-it-works", "prevention", "impact"]),
    ("role", &[]),
];

/// A small xorshift generator: no dependency, same output everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

/// Syllables for rare words: product names, jargon, the long tail of a
/// real glossary's vocabulary that makes full-text search selective.
const SYLLABLES: &[&str] = &[
    "ka", "ri", "mo", "tu", "sen", "dar", "lo", "pe", "gan", "ti", "ru", "bas", "nu", "zo", "fer",
    "qi", "vel", "dom", "xa", "hu", "jen", "wis", "ol", "cra", "tep",
];

/// One of about 15,000 rare words: three syllables.
fn rare(rng: &mut Rng) -> String {
    (0..3).map(|_| rng.pick(SYLLABLES)).collect()
}

/// Prose of about `bytes` bytes: sentences of 8-20 words, one word in
/// eight a rare one.
fn prose(rng: &mut Rng, words: &[&str], bytes: usize) -> String {
    let mut out = String::new();
    while out.len() < bytes {
        let n = 8 + rng.below(13);
        let sentence: Vec<String> = (0..n)
            .map(|_| {
                if rng.below(8) == 0 {
                    rare(rng)
                } else {
                    rng.pick(words).to_owned()
                }
            })
            .collect();
        let mut sentence = sentence.join(" ");
        sentence[..1].make_ascii_uppercase();
        if !out.is_empty() {
            out.push(if rng.below(4) == 0 { '\n' } else { ' ' });
        }
        out.push_str(&sentence);
        out.push('.');
    }
    out
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    format!("{text:?}")
}

/// A multi-line TOML string.
fn block(text: &str) -> String {
    format!(
        "\"\"\"\n{}\n\"\"\"",
        text.replace('\\', "\\\\").replace('"', "\\\"")
    )
}

fn main() {
    let mut args = env::args().skip(1);
    let count = args
        .next()
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|&n| n >= 10);
    let (Some(count), Some(dir)) = (count, args.next()) else {
        eprintln!("usage: synth_glossary <N (10 or more)> <FOLDER>");
        process::exit(2);
    };
    let terms = PathBuf::from(dir).join("terms");
    if let Err(e) = fs::create_dir_all(&terms) {
        eprintln!("{}: {e}", terms.display());
        process::exit(2);
    }
    for (slug, toml) in generate(count) {
        if let Err(e) = fs::write(terms.join(format!("{slug}.toml")), toml) {
            eprintln!("{slug}: {e}");
            process::exit(2);
        }
    }
}

/// The glossary of `count` terms (at least 10), as (slug, TOML text).
pub fn generate(count: usize) -> Vec<(String, String)> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // Unique names that do not crowd, as a real glossary's do not: a made-up
    // word of four syllables and a common word (`karidar-cache`), so that
    // few names lie within two edits of another.
    let mut taken = std::collections::BTreeSet::new();
    let mut name = |rng: &mut Rng| loop {
        let made: String = (0..4).map(|_| rng.pick(SYLLABLES)).collect();
        let candidate = format!("{made}-{}", rng.pick(EN));
        if taken.insert(candidate.clone()) {
            return candidate;
        }
    };
    let slugs: Vec<String> = (0..count).map(|_| name(&mut rng)).collect();
    let mut out = Vec::with_capacity(count);
    for (i, slug) in slugs.iter().enumerate() {
        let (kind, sections) = KINDS[rng.below(KINDS.len())];
        let mut toml = String::new();
        let want = 3 + rng.below(6);
        let mut related = std::collections::BTreeSet::new();
        while related.len() < want {
            related.insert(quoted(&slugs[(i + 1 + rng.below(count - 1)) % count]));
        }
        let related: Vec<String> = related.into_iter().collect();
        let _ = writeln!(
            toml,
            "kind = \"{kind}\"\nupdated = 2026-11-28\nrelated = [{}]\n\
             sources = [{{ title = \"Docs: {slug}\", url = \"https://example.org/{slug}\" }}]\n",
            related.join(", ")
        );
        let title: String = slug.split('-').map(|w| format!("{w} ")).collect();
        let _ = writeln!(
            toml,
            "[term]\nid = {}\nen = {}\n",
            quoted(title.trim()),
            quoted(title.trim())
        );
        let aliases: Vec<String> = (0..rng.below(5))
            .map(|_| quoted(&name(&mut rng).replace('-', " ")))
            .collect();
        let _ = writeln!(toml, "[aliases]\nid = [{}]\nen = []\n", aliases.join(", "));
        let budget = 800 + rng.below(1800);
        let parts = sections.len().max(1) + 1;
        let _ = writeln!(
            toml,
            "[definition]\nid = {}\nen = {}\n",
            block(&prose(&mut rng, WORDS, budget / parts)),
            block(&prose(&mut rng, EN, budget / parts))
        );
        if kind == "role" {
            for _ in 0..4 {
                let _ = writeln!(
                    toml,
                    "[[duties]]\ntitle.id = \"Tugas {n}\"\ntitle.en = \"Duty {n}\"\nbody.id = {}\nbody.en = {}\n",
                    block(&prose(&mut rng, WORDS, budget / 6)),
                    block(&prose(&mut rng, EN, budget / 6)),
                    n = rng.below(100)
                );
            }
            let _ = writeln!(
                toml,
                "[[skills]]\ngroup.id = \"Teknis\"\ngroup.en = \"Technical\"\n"
            );
            for _ in 0..3 {
                let _ = writeln!(
                    toml,
                    "[[skills.items]]\nid = {}\nen = {}\n",
                    quoted(&prose(&mut rng, WORDS, 60)),
                    quoted(&prose(&mut rng, EN, 60))
                );
            }
        }
        for key in sections {
            let _ = writeln!(
                toml,
                "[[sections]]\nkey = \"{key}\"\nbody.id = {}\nbody.en = {}\n",
                block(&prose(&mut rng, WORDS, budget / parts)),
                block(&prose(&mut rng, EN, budget / parts))
            );
        }
        out.push((slug.clone(), toml));
    }
    out
}
