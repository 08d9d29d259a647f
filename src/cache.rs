//! The compiled store of a reader's own glossary, kept on disk between runs
//! so that `KAMUS_PATH` costs a directory listing, not a rebuild. A cache
//! file is used only when its stamp (the kamus build, and each user file's
//! path, size and modification time) matches what is on disk now, and it
//! was written after the newest of those files changed; otherwise it is
//! rebuilt. A run reads only the store's head at first (see
//! [`crate::store::rest`]). Every failure here only means a slower run,
//! never an error.

use std::ffi::OsStr;
use std::fs;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::files::fingerprint;
use crate::store::Store;
use crate::store::rest::Rest;

/// The first bytes of a cache file, naming its layout.
const MAGIC: &[u8; 8] = b"kamusU2\n";

/// What a cache file holds besides its stamp.
pub struct Cached {
    pub store: Store,
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

/// The cache at `path` if it was built from exactly `stamp`, after the
/// newest user file (`newest`) last changed.
pub fn load(path: &Path, stamp: &[u8], newest: Option<SystemTime>) -> Option<Cached> {
    let mut file = fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    let written = meta.modified().ok()?;
    // A file changed in the same clock tick as the cache was written may
    // have changed after it was read: such a cache is not trusted.
    if newest.is_some_and(|newest| newest >= written) {
        return None;
    }
    // Only the head of the store is read now; the rest when it is used.
    let size = meta.len();
    let mut head = [0; MAGIC.len() + 8];
    file.read_exact(&mut head).ok()?;
    let (magic, len) = head.split_at(MAGIC.len());
    if magic != MAGIC || number(len)? != stamp.len() {
        return None;
    }
    if exactly(&mut file, size, stamp.len())? != stamp {
        return None;
    }
    let counts = exactly(&mut file, size, 40)?;
    let [skipped, text_len, data_len, head_text, head_data] =
        std::array::from_fn(|i| number(&counts[i * 8..i * 8 + 8]));
    let (skipped, text_len, data_len) = (skipped?, text_len?, data_len?);
    let at = (MAGIC.len() + 8 + stamp.len() + 40) as u64;
    let (head_text, head_data) = (head_text?, head_data?);
    if at + text_len as u64 + data_len as u64 != size
        || head_text > text_len
        || head_data > data_len
    {
        return None;
    }
    let text = String::from_utf8(exactly(&mut file, size, head_text)?).ok()?;
    file.seek(SeekFrom::Start(at + text_len as u64)).ok()?;
    let data = exactly(&mut file, size, head_data)?;
    let rest = Rest::new(file, (at, text_len), (at + text_len as u64, data_len));
    Some(Cached {
        store: Store::with_rest(text, data, rest)?,
        skipped,
    })
}

/// The next `len` bytes of `file`; `None` if it ends first. A length
/// longer than the file (a corrupt one) claims no memory.
fn exactly(file: &mut fs::File, size: u64, len: usize) -> Option<Vec<u8>> {
    if len as u64 > size {
        return None;
    }
    let mut bytes = vec![0; len];
    file.read_exact(&mut bytes).ok()?;
    Some(bytes)
}

/// A little-endian length.
fn number(bytes: &[u8]) -> Option<usize> {
    usize::try_from(u64::from_le_bytes(bytes.try_into().ok()?)).ok()
}

/// Writes the cache at `path`, through a temporary file renamed into
/// place, so that a reader never sees half of one. Failures are ignored:
/// a read-only home only makes the next run rebuild.
pub fn save(path: &Path, stamp: &[u8], cached: &Cached) {
    let Some(folder) = path.parent() else {
        return;
    };
    if fs::create_dir_all(folder).is_err() {
        return;
    }
    let (text, data) = cached.store.parts();
    let (head_text, head_data) = cached.store.head();
    let mut bytes = Vec::with_capacity(MAGIC.len() + stamp.len() + text.len() + data.len() + 48);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&(stamp.len() as u64).to_le_bytes());
    bytes.extend_from_slice(stamp);
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
        let cached = Cached { store, skipped: 2 };
        save(&path, b"stamp", &cached);
        assert!(load(&path, b"other", None).is_none(), "another stamp");
        let loaded = load(&path, b"stamp", None).expect("read back");
        assert_eq!(loaded.skipped, 2);
        // Slugs come from the head; whole entries and the index from the rest.
        for (i, entry) in entries.iter().enumerate() {
            assert_eq!(loaded.store.slug(i), entry.slug);
            assert_eq!(loaded.store.entry(i), *entry);
        }
        assert_eq!(loaded.store.parts(), cached.store.parts());
    }
}
