//! The compiled store of a reader's own glossary, kept on disk between runs
//! so that `KAMUS_PATH` costs a directory listing, not a rebuild. A cache
//! file is used only when its stamp (the kamus build, and each user file's
//! path, size and modification time) matches what is on disk now, and it
//! was written after the newest of those files changed; otherwise it is
//! rebuilt. Every failure here only means a slower run, never an error.

use std::ffi::OsStr;
use std::fs;
use std::io::{Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::files::fingerprint;
use crate::store::Store;

/// The first bytes of a cache file, naming its layout.
const MAGIC: &[u8; 8] = b"kamusU1\n";

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
    // Read part by part, each straight into the buffer it stays in.
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
    let counts = exactly(&mut file, size, 16)?;
    let (skipped, len) = (number(&counts[..8])?, number(&counts[8..])?);
    let text = String::from_utf8(exactly(&mut file, size, len)?).ok()?;
    let mut data = Vec::with_capacity(usize::try_from(size).ok()?);
    file.read_to_end(&mut data).ok()?;
    Some(Cached {
        store: Store::from_parts(text, data)?,
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
    let number = |n: usize| (n as u64).to_le_bytes();
    let mut bytes = Vec::with_capacity(MAGIC.len() + stamp.len() + text.len() + data.len() + 24);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&number(stamp.len()));
    bytes.extend_from_slice(stamp);
    bytes.extend_from_slice(&number(cached.skipped));
    bytes.extend_from_slice(&number(text.len()));
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
