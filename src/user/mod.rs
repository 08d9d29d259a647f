//! User glossaries: folders of TOML entries named by `KAMUS_PATH`, read at
//! run time only when it is set, checked by the same validation as the
//! built-in glossary, compiled into a store of their own (cached between
//! runs) and laid over the built-in one.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use crate::cache::{self, Cached};
use crate::files;
use crate::glossary::Glossary;
use crate::validate::{self, Checked, Rules, Source};

mod listing;
mod shared;
mod stamp;

pub use listing::Listing;

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

/// What reading a set of paths found: the files, and one message per file
/// or folder that could not be read.
#[derive(Default)]
pub struct Files {
    pub files: Vec<File>,
    pub problems: Vec<String>,
}

/// Reads the listed files; the problems are those of reading alone.
pub fn read_listed(listing: &Listing) -> Files {
    let mut out = Files::default();
    for file in listing.paths() {
        let shown = file.display().to_string();
        match files::read_text(&file) {
            Ok(text) => out.files.push(File { path: shown, text }),
            Err(message) => out.problems.push(format!("{shown}:1:1: {message}")),
        }
    }
    out
}

/// Reads every `*.toml` file named by `paths` (see [`Listing::new`]).
pub fn read(paths: &[PathBuf]) -> Files {
    let listing = Listing::new(paths);
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
    let location = cache::location(value, var);
    let mut opened = location.as_deref().and_then(cache::open);
    let mut listing = Listing::open(&paths);
    // The cached glossary is read while the files are stamped, which takes
    // a while when they are many, and used if they are as it recorded.
    let read = |opened: &Option<cache::Opened>| opened.as_ref().and_then(cache::Opened::store);
    if let Some(recalled) = opened.as_ref().and_then(|o| listing.recall(&o.stamp)) {
        // Every folder is as the cache recorded it, so it holds the names
        // the cache recorded: only the files themselves need a look.
        let (same, store) = listing.verify_alongside(&recalled, || read(&opened));
        if let Some(store) = store.filter(|_| same) {
            return joined(store);
        }
        // A file changed: the cache is stale whatever its folders say.
        opened = None;
    }
    listing.list();
    let ((stamp, settled), store) = listing.stamp_alongside(|| read(&opened));
    let current = opened.filter(|o| o.stamp.files == stamp.files);
    if let Some(opened) = &current {
        // Its folders changed but not its files: the next run need not
        // list them.
        opened.remember_folders(&stamp.folders);
        if let Some(store) = store {
            return joined(store);
        }
    }
    let cached = compile(&listing);
    // A file changed just now may change again unseen: only a later run
    // keeps what it compiles.
    if let Some(path) = location.as_deref().filter(|_| settled) {
        cache::save(path, &stamp, &cached);
    }
    joined(cached)
}

/// The built-in glossary joined by a compiled user store, and how many
/// user files were skipped.
fn joined(cached: Cached) -> (Glossary, usize) {
    let glossary = if cached.store.is_empty() {
        Glossary::built_in()
    } else {
        Glossary::with_user(cached.store, Some(&cached.steps))
    };
    (glossary, cached.skipped)
}

/// Reads, checks and compiles the listed files into a store of their own;
/// what was skipped counts the listing's problems too.
fn compile(listing: &Listing) -> Cached {
    let read = read_listed(listing);
    let built_in = Glossary::built_in();
    let checked = check(&read.files, &built_in);
    let skipped =
        listing.problems.len() + read.problems.len() + read.files.len() - checked.entries.len();
    let store = Glossary::encode(checked.entries);
    Cached {
        steps: Glossary::overlay_steps(&store),
        store,
        skipped,
    }
}
