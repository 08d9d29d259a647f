//! The bytes of a stamp (see [`crate::cache::Stamp`]): a header naming
//! the build and the paths, one record per file (its path's number, name
//! and state), and each given path's state; written by
//! [`super::Listing`] and read back when a run recalls a folder's names
//! from the cache.

use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use rustix::fs::Stat;

use crate::embedded;

/// How long before its stamp a file must have last changed for the stamp
/// to be trusted: a file system records times in ticks (two seconds on
/// FAT), and a second change within the tick of the first leaves the
/// time as it was.
const SETTLED: Duration = Duration::from_secs(2);

/// The length of one item's state in [`crate::cache::Stamp::folders`].
pub const STATE_LEN: usize = 1 + 4 * 8;

/// Appends a given path's state: its kind (`d` a folder, `f` a file, `-`
/// missing, `!` unreadable), and for a folder its device, inode and
/// modification time, which change whenever a name is added or removed.
pub fn push_state(states: &mut Vec<u8>, kind: u8, stat: Option<&Stat>) {
    states.push(kind);
    let numbers = stat.map_or([0; 4], |s| {
        [
            number(s.st_dev),
            number(s.st_ino),
            number(s.st_mtime),
            number(s.st_mtime_nsec),
        ]
    });
    for n in numbers {
        states.extend_from_slice(&n.to_le_bytes());
    }
}

/// The kind of the `at`th path in `states`.
pub fn kind(states: &[u8], at: usize) -> u8 {
    states.get(at * STATE_LEN).copied().unwrap_or(b'-')
}

/// `states` to keep in a cache: a folder changed within [`SETTLED`] of
/// `taken` is marked unknown (`?`), which no state read later matches.
pub fn settled_states(states: &[u8], taken: SystemTime) -> Vec<u8> {
    let mut out = states.to_vec();
    for state in out.chunks_mut(STATE_LEN) {
        let word = |i: usize| {
            let at = 1 + i * 8;
            u64::from_le_bytes(state[at..at + 8].try_into().unwrap_or_default())
        };
        if state[0] == b'd' && recent((word(2), word(3)), taken) {
            state.fill(0);
            state[0] = b'?';
        }
    }
    out
}

/// The start of every stamp: this kamus build and the paths as given.
pub fn header(paths: &[PathBuf]) -> Vec<u8> {
    let mut out = format!("kamus {} {}\n", env!("CARGO_PKG_VERSION"), embedded::ID).into_bytes();
    // A rebuilt kamus may read the same glossary differently.
    if let Ok(exe) = std::env::current_exe() {
        out.extend_from_slice(exe.as_os_str().as_bytes());
        out.push(0);
        describe(rustix::fs::stat(&exe), &mut out);
    }
    for path in paths {
        out.extend_from_slice(path.as_os_str().as_bytes());
        out.push(0);
    }
    out.push(0);
    out
}

/// Appends a file's record: the number of its path, its name, and its
/// state; whether it changed within [`SETTLED`] of `taken`.
pub fn push_record(
    out: &mut Vec<u8>,
    item: u32,
    name: &[u8],
    stat: rustix::io::Result<Stat>,
    taken: SystemTime,
) -> bool {
    out.extend_from_slice(&item.to_le_bytes());
    out.extend_from_slice(name);
    out.push(0);
    describe(stat, out).is_some_and(|modified| recent(modified, taken))
}

/// The longest a record of a file named with `name_len` bytes can be.
pub fn record_len(name_len: usize) -> usize {
    4 + name_len + 2 + RECORD_LEN
}

/// The first of a stamp's records: the file's path (of `items`) and
/// name, and the records after it; `None` when it is not well formed.
pub fn record(records: &[u8], items: usize) -> Option<(u32, &[u8], &[u8])> {
    let item = u32::from_le_bytes(records.get(..4)?.try_into().ok()?);
    let rest = &records[4..];
    let end = rest.iter().position(|&b| b == 0)?;
    let (name, rest) = (&rest[..end], &rest[end + 1..]);
    let len = match rest.first()? {
        0 => 1,
        _ => 1 + RECORD_LEN,
    };
    if item as usize >= items || rest.len() < len {
        return None;
    }
    Some((item, name, &rest[len..]))
}

/// Whether a modification time (seconds and nanoseconds since 1970) is
/// within [`SETTLED`] of `taken`, or later.
fn recent((secs, nanos): (u64, u64), taken: SystemTime) -> bool {
    let nanos = u32::try_from(nanos).unwrap_or(0).min(999_999_999);
    SystemTime::UNIX_EPOCH
        .checked_add(Duration::new(secs, nanos))
        .and_then(|changed| changed.checked_add(SETTLED))
        .is_some_and(|settled| settled >= taken)
}

/// Appends a file's record to `out`: its size, modification and change
/// times and inode, or a mark that it cannot be read. Returns the
/// modification time.
fn describe(stat: rustix::io::Result<Stat>, out: &mut Vec<u8>) -> Option<(u64, u64)> {
    let Ok(s) = stat else {
        out.push(0);
        return None;
    };
    out.push(1);
    let modified = (number(s.st_mtime), number(s.st_mtime_nsec));
    for n in [
        number(s.st_size),
        modified.0,
        modified.1,
        number(s.st_ctime),
        number(s.st_ctime_nsec),
        number(s.st_ino),
    ] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    Some(modified)
}

/// The length of a readable file's record after its mark.
pub const RECORD_LEN: usize = 6 * 8;

/// A field of `stat`, whose integer types differ between platforms, as
/// 64 bits (a time before 1970 wraps, and stays distinct).
fn number<N: Into<i128>>(n: N) -> u64 {
    n.into() as u64
}
