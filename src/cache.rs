//! The compiled store of a reader's own glossary, kept on disk between runs
//! so that `KAMUS_PATH` costs a `stat` per file, not a rebuild. A cache
//! file holds the stamp it was built from (see [`crate::user`]): the part
//! that names the files and their state must match what is on disk now;
//! the part that records each folder's state lets a run take the folder's
//! names from the cache instead of listing it. A run reads only the store's
//! head at first (see [`crate::store::rest`]). Every failure here only
//! means a slower run, never an error.

use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use crate::files::fingerprint;
use crate::store::Store;
use crate::store::rest::{self, Rest};

/// The first bytes of a cache file, naming its layout.
const MAGIC: &[u8; 8] = b"kamusU4\n";

/// What a cache is recognised by.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// The build, the paths and each file's name and state: a cache is
    /// used only when these match what is on disk now, byte for byte.
    pub files: Vec<u8>,
    /// Each given folder's state when it was listed, of a fixed length for
    /// one `KAMUS_PATH`: while it matches, the folder holds the same names.
    pub folders: Vec<u8>,
}

/// What a cache file holds besides its stamp.
pub struct Cached {
    pub store: Store,
    /// How the store is laid over the built-in glossary of the build the
    /// stamp names (see [`crate::overlay`]).
    pub steps: Vec<u8>,
    /// How many user files were skipped for their problems.
    pub skipped: usize,
}

/// The cache file for the glossaries named by the `KAMUS_PATH` value
/// `list`: under `$XDG_CACHE_HOME/kamus`, else `~/.cache/kamus`. `None`
/// when neither is known.
pub fn location(list: &OsStr, var: &dyn Fn(&str) -> Option<std::ffi::OsString>) -> Option<PathBuf> {
    let base = var("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            var("HOME")
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .map(|home| home.join(".cache"))
        })?;
    let name = format!("user-{:016x}.store", fingerprint(list.as_bytes()));
    Some(base.join("kamus").join(name))
}

/// A cache file opened and its stamp read, the store not yet.
pub struct Opened {
    file: fs::File,
    size: u64,
    /// Where the store's part starts, after the stamp: the steps that lay
    /// it over the built-in glossary, then its counts.
    body: u64,
    pub stamp: Stamp,
}

/// Opens the cache at `path` and reads its stamp.
pub fn open(path: &Path) -> Option<Opened> {
    // Read and write when allowed, to record the folders' state in place.
    let file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .or_else(|_| fs::File::open(path))
        .ok()?;
    let size = file.metadata().ok()?.len();
    if read_at(&file, size, 0, MAGIC.len())? != MAGIC {
        return None;
    }
    let mut at = MAGIC.len() as u64;
    let folders = part(&file, size, &mut at)?;
    let files = part(&file, size, &mut at)?;
    Some(Opened {
        body: at,
        file,
        size,
        stamp: Stamp { files, folders },
    })
}

impl Opened {
    /// Records the folders' state of a cache whose files still match, so
    /// that the next run need not list the folders again.
    pub fn remember_folders(&self, folders: &[u8]) {
        if folders.len() == self.stamp.folders.len() {
            // A cache that cannot be written only keeps listing the folders.
            let _ = self.file.write_all_at(folders, (MAGIC.len() + 8) as u64);
        }
    }

    /// The cached store; only its head is read now, the rest when used.
    /// Reads go by position, so this may run beside other use of `self`.
    pub fn store(&self) -> Option<Cached> {
        let (size, file) = (self.size, &self.file);
        let read = |at: u64, len: usize| read_at(file, size, at, len);
        let mut at = self.body;
        let steps = part(file, size, &mut at)?;
        let counts = read(at, 40)?;
        let [skipped, text_len, data_len, head_text, head_data] =
            std::array::from_fn(|i| number(&counts[i * 8..i * 8 + 8]));
        let (skipped, text_len, data_len) = (skipped?, text_len?, data_len?);
        let (head_text, head_data) = (head_text?, head_data?);
        let at = at + 40;
        if at + text_len as u64 + data_len as u64 != size
            || head_text > text_len
            || head_data > data_len
        {
            return None;
        }
        let text = String::from_utf8(read(at, head_text)?).ok()?;
        let data = read(at + text_len as u64, head_data)?;
        let rest = Rest::new(
            file.try_clone().ok()?,
            (at, text_len),
            (at + text_len as u64, data_len),
        );
        Some(Cached {
            store: Store::with_rest(text, data, rest)?,
            steps,
            skipped,
        })
    }
}

/// The part of the file at `*at`, written with its length before it;
/// moves `*at` past it.
fn part(file: &fs::File, size: u64, at: &mut u64) -> Option<Vec<u8>> {
    let len = number(&read_at(file, size, *at, 8)?)?;
    let bytes = read_at(file, size, *at + 8, len)?;
    *at += 8 + len as u64;
    Some(bytes)
}

/// The `len` bytes of `file` (of `size` bytes) at `at`; `None` if it ends
/// first. A length past the end (a corrupt file) claims no memory.
fn read_at(file: &fs::File, size: u64, at: u64, len: usize) -> Option<Vec<u8>> {
    if at.checked_add(len as u64)? > size {
        return None;
    }
    rest::read_at(file, at, len)
}

/// A little-endian length.
fn number(bytes: &[u8]) -> Option<usize> {
    usize::try_from(u64::from_le_bytes(bytes.try_into().ok()?)).ok()
}

/// Writes the cache at `path`, through a temporary file renamed into
/// place, so that a reader never sees half of one. Failures are ignored:
/// a read-only home only makes the next run rebuild.
pub fn save(path: &Path, stamp: &Stamp, cached: &Cached) {
    let Some(folder) = path.parent() else {
        return;
    };
    if fs::create_dir_all(folder).is_err() {
        return;
    }
    let (text, data) = cached.store.parts();
    let (head_text, head_data) = cached.store.head();
    let mut bytes = Vec::with_capacity(
        MAGIC.len()
            + stamp.folders.len()
            + stamp.files.len()
            + cached.steps.len()
            + text.len()
            + data.len()
            + 64,
    );
    bytes.extend_from_slice(MAGIC);
    for part in [&stamp.folders, &stamp.files, &cached.steps] {
        bytes.extend_from_slice(&(part.len() as u64).to_le_bytes());
        bytes.extend_from_slice(part);
    }
    for n in [cached.skipped, text.len(), data.len(), head_text, head_data] {
        bytes.extend_from_slice(&(n as u64).to_le_bytes());
    }
    bytes.extend_from_slice(text.as_bytes());
    bytes.extend_from_slice(data);
    let temporary = folder.join(format!(
        ".{}.{}.tmp",
        path.file_name()
            .map(OsStr::to_string_lossy)
            .unwrap_or_default(),
        std::process::id()
    ));
    let written = fs::File::create(&temporary)
        .and_then(|mut f| f.write_all(&bytes))
        .and_then(|()| fs::rename(&temporary, path));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Glossary;

    #[test]
    fn a_cached_store_reads_back_whole_from_its_head_and_rest() {
        let built_in = Glossary::built_in();
        let entries: Vec<_> = (0..40).map(|i| built_in.entry(i)).collect();
        let store = Glossary::encode(entries.clone());
        let (text, data) = store.parts();
        let (head_text, head_data) = store.head();
        assert!(head_text < text.len() / 2 && head_data < data.len() / 2);

        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("kamus/user.store");
        let steps = Glossary::overlay_steps(&store);
        let cached = Cached {
            store,
            steps,
            skipped: 2,
        };
        let stamp = Stamp {
            files: b"files".to_vec(),
            folders: b"folders".to_vec(),
        };
        save(&path, &stamp, &cached);
        let opened = open(&path).expect("opened");
        assert_eq!(opened.stamp, stamp);
        opened.remember_folders(b"FOLDERS");
        opened.remember_folders(b"longer folders");
        let opened = open(&path).expect("opened again");
        assert_eq!(
            opened.stamp.folders, b"FOLDERS",
            "written in place, same length only"
        );
        assert_eq!(opened.stamp.files, stamp.files);
        let loaded = opened.store().expect("read back");
        assert_eq!(loaded.skipped, 2);
        assert_eq!(loaded.steps, cached.steps);
        // Slugs come from the head; whole entries and the index from the rest.
        for (i, entry) in entries.iter().enumerate() {
            assert_eq!(loaded.store.slug(i), entry.slug);
            assert_eq!(loaded.store.entry(i), *entry);
        }
        assert_eq!(loaded.store.parts(), cached.store.parts());
    }
}
