//! User glossaries: folders of TOML entries named by `KAMUS_PATH`, read at
//! run time only when it is set, checked by the same validation as the
//! built-in glossary, compiled into a store of their own (cached between
//! runs) and laid over the built-in one.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::cache::{self, Cached};
use crate::embedded;
use crate::files;
use crate::glossary::Glossary;
use crate::validate::{self, Checked, Rules, Source};

/// User entries need not meet the built-in glossary's editorial rules.
const RULES: Rules = Rules {
    min_definition_words: 1,
    related: 0..=20,
    duties: 1..=20,
    sources: 0..=3,
    address_nobody: false,
    dated_claims_need_sources: false,
    unknown_related_fails: false,
};

/// A glossary file read from disk.
pub struct File {
    /// The path as the user gave it, for messages.
    pub path: String,
    pub text: String,
}

/// The files a set of paths names, and one message per path or file that
/// cannot be used (a missing folder, a second file of the same slug).
#[derive(Default)]
pub struct Listing {
    /// Each file with the path as the user gave it, for messages.
    pub files: Vec<(PathBuf, String)>,
    pub problems: Vec<String>,
}

/// What reading a set of paths found: the files, and one message per file
/// or folder that could not be read.
#[derive(Default)]
pub struct Files {
    pub files: Vec<File>,
    pub problems: Vec<String>,
}

/// The `*.toml` files named by `paths`: a file is itself, a folder gives
/// the `*.toml` files directly inside it, sorted by name. When two folders
/// hold the same slug, the first folder's file wins, as in `PATH`; the
/// other is reported.
pub fn list(paths: &[PathBuf]) -> Listing {
    let mut out = Listing::default();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for path in paths {
        let listed = if path.is_dir() {
            match files::toml_files(path) {
                Ok(listed) => listed,
                Err(message) => {
                    out.problems.push(message);
                    continue;
                }
            }
        } else if path.exists() {
            vec![path.clone()]
        } else {
            out.problems
                .push(format!("{}: no such file or folder", path.display()));
            continue;
        };
        for file in listed {
            let shown = file.display().to_string();
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if let Some(first) = seen.get(&stem) {
                out.problems.push(format!(
                    "{shown}:1:1: skipped: `{stem}` is already defined by {first}"
                ));
                continue;
            }
            seen.insert(stem, shown.clone());
            out.files.push((file, shown));
        }
    }
    out
}

/// Reads the listed files; the problems are those of reading alone.
pub fn read_listed(listing: &Listing) -> Files {
    let mut out = Files::default();
    for (file, shown) in &listing.files {
        match files::read_text(file) {
            Ok(text) => out.files.push(File {
                path: shown.clone(),
                text,
            }),
            Err(message) => out.problems.push(format!("{shown}:1:1: {message}")),
        }
    }
    out
}

/// Reads every `*.toml` file named by `paths` (see [`list`]).
pub fn read(paths: &[PathBuf]) -> Files {
    let listing = list(paths);
    let mut read = read_listed(&listing);
    read.problems.splice(0..0, listing.problems);
    read
}

/// Validates read files as one glossary over the built-in one.
pub fn check(files: &[File], built_in: &Glossary) -> Checked {
    let sources: Vec<Source> = files
        .iter()
        .map(|f| Source {
            path: &f.path,
            text: &f.text,
        })
        .collect();
    let slugs: Vec<&str> = (0..built_in.len()).map(|i| built_in.slug(i)).collect();
    validate::validate(&sources, &RULES, &slugs)
}

/// The built-in glossary, joined by the user glossaries in `KAMUS_PATH` when
/// it is set, and how many user files or folders were skipped for problems.
pub fn glossary_from_env() -> (Glossary, usize) {
    match std::env::var_os("KAMUS_PATH") {
        Some(list) if !list.is_empty() => load(&list, &|name| std::env::var_os(name)),
        _ => (Glossary::built_in(), 0),
    }
}

/// The built-in glossary joined by the folders in a `:`-separated list,
/// from the cache when it is current (see [`cache`]), and how many files
/// or folders were skipped. `var` reads the environment.
pub fn load(value: &OsStr, var: &dyn Fn(&str) -> Option<OsString>) -> (Glossary, usize) {
    let paths: Vec<PathBuf> = std::env::split_paths(value)
        .filter(|p| !p.as_os_str().is_empty())
        .collect();
    let listing = list(&paths);
    let (stamp, newest) = stamp(&listing);
    let location = cache::location(value, var);
    let cached = match location
        .as_deref()
        .and_then(|path| cache::load(path, &stamp, newest))
    {
        Some(cached) => cached,
        None => {
            let cached = compile(&listing);
            if let Some(path) = &location {
                cache::save(path, &stamp, &cached);
            }
            cached
        }
    };
    let skipped = listing.problems.len() + cached.skipped;
    let glossary = if cached.store.is_empty() {
        Glossary::built_in()
    } else {
        Glossary::with_user(cached.store)
    };
    (glossary, skipped)
}

/// Reads, checks and compiles the listed files into a store of their own.
fn compile(listing: &Listing) -> Cached {
    let read = read_listed(listing);
    let built_in = Glossary::built_in();
    let checked = check(&read.files, &built_in);
    let skipped = read.problems.len() + read.files.len() - checked.entries.len();
    Cached {
        store: Glossary::encode(checked.entries),
        skipped,
    }
}

/// What the cache of `listing` is recognised by: this kamus build, and
/// each file's path, size, modification time and inode; with the newest
/// modification time.
fn stamp(listing: &Listing) -> (Vec<u8>, Option<SystemTime>) {
    let mut out = format!("kamus {} {}", env!("CARGO_PKG_VERSION"), embedded::ID).into_bytes();
    // A rebuilt kamus may read the same glossary differently.
    out.push(b'\n');
    if let Ok(exe) = std::env::current_exe() {
        describe(&exe, &mut out);
    }
    let mut newest = None;
    let paths: Vec<&Path> = listing
        .files
        .iter()
        .map(|(path, _)| path.as_path())
        .collect();
    // A stat costs a system call each: a large folder's are shared out
    // among threads, each describing its own run of files in order.
    let threads = if paths.len() < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
    };
    let per = paths.len().div_ceil(threads.max(1)).max(1);
    let parts: Vec<(Vec<u8>, Option<SystemTime>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(per)
            .map(|run| {
                scope.spawn(move || {
                    let mut out = Vec::with_capacity(run.len() * 64);
                    let newest = run.iter().filter_map(|p| describe(p, &mut out)).max();
                    (out, newest)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    for (part, part_newest) in parts {
        out.extend_from_slice(&part);
        newest = newest.max(part_newest);
    }
    (out, newest)
}

/// From how many files the stamp is taken by several threads.
const PARALLEL_FROM: usize = 256;

/// Appends `path` and its size, modification time and inode to `out`;
/// returns the modification time.
fn describe(path: &Path, out: &mut Vec<u8>) -> Option<SystemTime> {
    out.extend_from_slice(path.as_os_str().as_bytes());
    match fs::metadata(path) {
        Ok(meta) => {
            let modified = meta.modified().ok();
            let nanos = modified
                .and_then(|m| m.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            out.extend_from_slice(
                format!("\0{} {} {}\n", meta.len(), nanos, meta.ino()).as_bytes(),
            );
            modified
        }
        Err(_) => {
            out.extend_from_slice(b"\0-\n");
            None
        }
    }
}
