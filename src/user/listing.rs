//! The files a `KAMUS_PATH` names, and the stamp their cache is recognised
//! by. Both run before every lookup with a personal glossary, so a run
//! costs one `stat` per given path and per file, taken relative to the
//! open folder, and lists a folder only when its own state changed since
//! the cache last recorded it.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io;
use std::ops::Range;
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};
use std::time::SystemTime;

use rustix::fs::{AtFlags, Mode, OFlags};

use super::{shared, stamp};
use crate::cache::Stamp;
use crate::files;
use crate::store::count;

/// The files a set of paths names, and one message per path or file that
/// cannot be used (a missing folder, a second file of the same slug).
pub struct Listing {
    /// The start of every stamp: this kamus build and the paths as given.
    header: Vec<u8>,
    items: Vec<Item>,
    /// Each item's state, in the layout of [`Stamp::folders`].
    states: Vec<u8>,
    files: Vec<Listed>,
    /// The names of all files, one after another.
    names: Vec<u8>,
    pub problems: Vec<String>,
}

/// One path as given: a folder (kept open), a file, or neither.
struct Item {
    path: PathBuf,
    folder: Option<OwnedFd>,
}

/// One listed file: a name in the folder `items[item]`, or, with an empty
/// name, that item itself.
struct Listed {
    item: u32,
    /// Where its name is in [`Listing::names`].
    name: Range<u32>,
}

impl Listed {
    /// The longest its record in a stamp can be.
    fn record_len(&self) -> usize {
        stamp::record_len(self.name.len())
    }
}

/// The records of a stamp whose folders are as they are now, read in
/// place: their files are the folders' files.
pub struct Recalled<'s> {
    records: &'s [u8],
    /// How many records there are.
    files: usize,
    /// Where each run of [`RUN`] records starts in `records`, and ends.
    runs: Vec<Range<usize>>,
}

impl Listing {
    /// The `*.toml` files named by `paths`: a file is itself, a folder
    /// gives the `*.toml` files directly inside it, sorted by name. When
    /// two folders hold the same slug, the first folder's file wins, as in
    /// `PATH`; the other is reported.
    pub fn new(paths: &[PathBuf]) -> Listing {
        let mut listing = Listing::open(paths);
        listing.list();
        listing
    }

    /// The paths opened and their state read, their files not yet listed.
    pub fn open(paths: &[PathBuf]) -> Listing {
        let mut out = Listing {
            header: stamp::header(paths),
            items: Vec::with_capacity(paths.len()),
            states: Vec::with_capacity(paths.len() * stamp::STATE_LEN),
            files: Vec::new(),
            names: Vec::new(),
            problems: Vec::new(),
        };
        for path in paths {
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let (kind, folder, stat) = match rustix::fs::open(path, flags, Mode::empty()) {
                Ok(fd) => {
                    let stat = rustix::fs::fstat(&fd).ok();
                    (b'd', Some(fd), stat)
                }
                Err(rustix::io::Errno::NOTDIR) => (b'f', None, None),
                Err(rustix::io::Errno::NOENT) => {
                    out.problems
                        .push(format!("{}: no such file or folder", path.display()));
                    (b'-', None, None)
                }
                Err(e) => {
                    out.problems.push(format!(
                        "{}: cannot read the folder: {}",
                        path.display(),
                        io::Error::from(e)
                    ));
                    (b'!', None, None)
                }
            };
            stamp::push_state(&mut out.states, kind, stat.as_ref());
            out.items.push(Item {
                path: path.clone(),
                folder,
            });
        }
        out
    }

    /// Lists the files of the opened paths from disk.
    pub fn list(&mut self) {
        self.files.clear();
        self.names.clear();
        for (item, at) in self.items.iter().zip(0u32..) {
            if item.folder.is_some() {
                match files::toml_names(&item.path) {
                    Ok(names) => {
                        for name in names {
                            let name = keep(&mut self.names, name.as_bytes());
                            self.files.push(Listed { item: at, name });
                        }
                    }
                    Err(message) => self.problems.push(message),
                }
            } else if stamp::kind(&self.states, at as usize) == b'f' {
                let name = keep(&mut self.names, b"");
                self.files.push(Listed { item: at, name });
            }
        }
        // Names in one folder differ: only several paths can repeat a slug.
        if self.items.len() > 1 {
            self.drop_repeated_slugs();
        }
    }

    /// The records of `stamp`, when every folder is as `stamp` recorded
    /// it and the records are well formed; `None` otherwise.
    pub fn recall<'s>(&self, stamp: &'s Stamp) -> Option<Recalled<'s>> {
        if stamp.folders != self.states {
            return None;
        }
        // Read in place: copying the names, and touching new memory for
        // them, would cost more than reading the records again.
        let records = stamp.files.strip_prefix(self.header.as_slice())?;
        let mut runs = Vec::new();
        let (mut rest, mut start, mut counted) = (records, 0, 0);
        while !rest.is_empty() {
            (_, _, rest) = stamp::record(rest, self.items.len())?;
            counted += 1;
            if counted % RUN == 0 || rest.is_empty() {
                let end = records.len() - rest.len();
                runs.push(start..end);
                start = end;
            }
        }
        Some(Recalled {
            records,
            files: counted,
            runs,
        })
    }

    /// The name of a file in its folder; empty for a path given as a file.
    fn name(&self, file: &Listed) -> &OsStr {
        OsStr::from_bytes(&self.names[span(&file.name)])
    }

    /// Keeps the first file of each slug and reports the others.
    fn drop_repeated_slugs(&mut self) {
        let mut first: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut kept: Vec<Listed> = Vec::with_capacity(self.files.len());
        for file in std::mem::take(&mut self.files) {
            let path = self.path(&file);
            let stem = path.file_stem().unwrap_or_default().as_bytes().to_vec();
            if let Some(&at) = first.get(&stem) {
                self.problems.push(format!(
                    "{}:1:1: skipped: `{}` is already defined by {}",
                    path.display(),
                    String::from_utf8_lossy(&stem),
                    self.path(&kept[at]).display()
                ));
            } else {
                first.insert(stem, kept.len());
                kept.push(file);
            }
        }
        self.files = kept;
    }

    /// The path of each listed file, in order.
    pub fn paths(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.files.iter().map(|file| self.path(file))
    }

    fn path(&self, file: &Listed) -> PathBuf {
        self.path_of(file.item, self.name(file).as_bytes())
    }

    /// The path of the file `name` of `items[item]`: the item itself when
    /// `name` is empty.
    fn path_of(&self, item: u32, name: &[u8]) -> PathBuf {
        let path = &self.items[item as usize].path;
        if name.is_empty() {
            path.clone()
        } else {
            path.join(OsStr::from_bytes(name))
        }
    }

    /// The path of each file of `recalled`, in order.
    #[cfg(test)]
    fn paths_of(&self, recalled: &Recalled) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut rest = recalled.records;
        while let Some((item, name, after)) = stamp::record(rest, self.items.len()) {
            out.push(self.path_of(item, name));
            rest = after;
        }
        out
    }

    /// [`Listing::stamp_alongside`] with nothing alongside.
    #[cfg(test)]
    fn stamp(&self) -> (Stamp, bool) {
        self.stamp_alongside(|| ()).0
    }

    /// What a cache of these files is recognised by, and whether it may be
    /// trusted: no file changed so recently that a second change could
    /// leave its state as recorded. A folder that changed as recently is
    /// recorded as unknown, so that the next run lists it again. Runs
    /// `alongside` on this thread meanwhile when the files are many enough
    /// to be stamped by other threads.
    pub fn stamp_alongside<T>(&self, alongside: impl FnOnce() -> T) -> ((Stamp, bool), T) {
        let taken = SystemTime::now();
        let runs: Vec<&[Listed]> = self.files.chunks(RUN).collect();
        // Each run's records go to a buffer of their exact size made here.
        let parts: Vec<Mutex<Vec<u8>>> = runs
            .iter()
            .map(|run| Mutex::new(Vec::with_capacity(run.iter().map(Listed::record_len).sum())))
            .collect();
        let (changed, other) = shared::share(runs.len(), self.files.len(), alongside, |at, _| {
            let mut part = parts[at].lock().unwrap_or_else(PoisonError::into_inner);
            self.describe_run(runs[at], taken, &mut part)
        });
        let mut files = self.header.clone();
        for part in parts {
            files.extend_from_slice(&part.into_inner().unwrap_or_else(PoisonError::into_inner));
        }
        let folders = stamp::settled_states(&self.states, taken);
        ((Stamp { files, folders }, !changed), other)
    }

    /// Whether every file of `recalled` (see [`Listing::recall`]) is
    /// still as its record says, without writing a new stamp; running
    /// `alongside` on this thread meanwhile, as
    /// [`Listing::stamp_alongside`] does.
    pub fn verify_alongside<T>(
        &self,
        recalled: &Recalled,
        alongside: impl FnOnce() -> T,
    ) -> (bool, T) {
        // The time only tells whether a file changed just now, which a
        // record that matches one of a settled stamp cannot have.
        let taken = SystemTime::now();
        let runs = &recalled.runs;
        let (differs, other) =
            shared::share(runs.len(), recalled.files, alongside, |at, record| {
                let mut rest = &recalled.records[runs[at].clone()];
                while let Some((item, name, after)) = stamp::record(rest, self.items.len()) {
                    record.clear();
                    self.describe(item, name, taken, record);
                    if rest[..rest.len() - after.len()] != record[..] {
                        return true;
                    }
                    rest = after;
                }
                false
            });
        (!differs, other)
    }

    /// Appends the records of a run of files to `out`; whether one of them
    /// changed shortly before `taken`.
    fn describe_run(&self, run: &[Listed], taken: SystemTime, out: &mut Vec<u8>) -> bool {
        run.iter().fold(false, |recent, file| {
            self.describe(file.item, self.name(file).as_bytes(), taken, out) | recent
        })
    }

    /// Appends the record of the file `name` of `items[item]` (the item
    /// itself when `name` is empty) to `out`; whether it changed shortly
    /// before `taken`.
    fn describe(&self, item: u32, name: &[u8], taken: SystemTime, out: &mut Vec<u8>) -> bool {
        let path = &self.items[item as usize];
        // Symbolic links are followed: the target is what changes.
        let stat = match &path.folder {
            Some(folder) => rustix::fs::statat(folder, OsStr::from_bytes(name), AtFlags::empty()),
            None => rustix::fs::stat(&path.path),
        };
        stamp::push_record(out, item, name, stat, taken)
    }
}

/// How many files a thread stamps at a time.
const RUN: usize = 64;

/// Appends a file's name to `names`; where it is kept.
fn keep(names: &mut Vec<u8>, name: &[u8]) -> Range<u32> {
    let start = count(names.len());
    names.extend_from_slice(name);
    start..count(names.len())
}

/// A kept range as indices.
fn span(range: &Range<u32>) -> Range<usize> {
    range.start as usize..range.end as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::path::Path;
    use std::time::Duration;

    fn write(path: &Path, text: &str) {
        fs::write(path, text).expect("written");
    }

    /// Sets a file's modification time to an hour ago.
    fn settle(path: &Path) {
        date(path, SystemTime::now() - Duration::from_secs(3600));
    }

    /// Sets a file's or folder's modification time.
    fn date(path: &Path, time: SystemTime) {
        fs::File::open(path)
            .and_then(|f| f.set_modified(time))
            .expect("time set");
    }

    #[test]
    fn folders_list_toml_files_by_name_and_the_first_slug_wins() {
        let first = tempfile::tempdir().expect("a folder");
        let second = tempfile::tempdir().expect("a folder");
        write(&first.path().join("b.toml"), "");
        write(&first.path().join("a.toml"), "");
        write(&first.path().join("notes.txt"), "");
        write(&second.path().join("a.toml"), "");
        write(&second.path().join("c.toml"), "");
        let missing = first.path().join("missing");
        let listing = Listing::new(&[
            first.path().to_owned(),
            second.path().to_owned(),
            missing.clone(),
            first.path().join("b.toml"),
        ]);
        let paths: Vec<PathBuf> = listing.paths().collect();
        assert_eq!(
            paths,
            [
                first.path().join("a.toml"),
                first.path().join("b.toml"),
                second.path().join("c.toml"),
            ]
        );
        assert_eq!(listing.problems.len(), 3, "{:?}", listing.problems);
        assert!(
            listing
                .problems
                .iter()
                .any(|p| p.contains("`a` is already defined"))
        );
        assert!(
            listing
                .problems
                .iter()
                .any(|p| p.contains("`b` is already defined"))
        );
        assert!(
            listing
                .problems
                .iter()
                .any(|p| p.contains("no such file or folder"))
        );
    }

    #[test]
    fn the_stamp_changes_with_a_file_and_follows_symbolic_links() {
        let folder = tempfile::tempdir().expect("a folder");
        let elsewhere = tempfile::tempdir().expect("a folder");
        let target = elsewhere.path().join("target.toml");
        write(&folder.path().join("a.toml"), "one");
        write(&target, "one");
        std::os::unix::fs::symlink(&target, folder.path().join("linked.toml")).expect("linked");
        let paths = [folder.path().to_owned()];
        let stamp = || Listing::new(&paths).stamp().0.files;

        let before = stamp();
        assert_eq!(stamp(), before, "nothing changed");
        write(&target, "two");
        let linked = stamp();
        assert_ne!(linked, before, "the linked file changed, not its size");
        write(&folder.path().join("a.toml"), "two");
        assert_ne!(stamp(), linked, "a file changed");
    }

    #[test]
    fn a_stamp_is_trusted_only_after_its_files_settled() {
        let folder = tempfile::tempdir().expect("a folder");
        let file = folder.path().join("a.toml");
        write(&file, "one");
        let paths = [folder.path().to_owned()];
        let (stamp, settled) = Listing::new(&paths).stamp();
        assert!(!settled, "a file changed just now");
        assert_eq!(stamp.folders[0], b'?', "a folder changed just now");

        settle(&file);
        settle(folder.path());
        let (stamp, settled) = Listing::new(&paths).stamp();
        assert!(settled);
        assert_eq!(stamp.folders[0], b'd');
    }

    #[test]
    fn a_settled_folder_is_recalled_from_the_stamp_until_it_changes() {
        let folder = tempfile::tempdir().expect("a folder");
        for name in ["a.toml", "b.toml"] {
            write(&folder.path().join(name), name);
            settle(&folder.path().join(name));
        }
        settle(folder.path());
        let paths = [folder.path().to_owned(), folder.path().join("a.toml")];
        let listed = Listing::new(&paths);
        let (stamp, _) = listed.stamp();

        let opened = Listing::open(&paths);
        let recalled = opened.recall(&stamp).expect("recalled");
        assert_eq!(
            opened.paths_of(&recalled),
            listed.paths().collect::<Vec<_>>()
        );
        let (same, alongside) = opened.verify_alongside(&recalled, || "ran");
        assert!(same);
        assert_eq!(alongside, "ran");

        // The same size, the same modification time: the change time tells.
        let b = folder.path().join("b.toml");
        let modified = fs::metadata(&b).and_then(|m| m.modified()).expect("a time");
        write(&b, "B.toml");
        date(&b, modified);
        assert!(
            !opened.verify_alongside(&recalled, || ()).0,
            "b.toml changed"
        );

        write(&folder.path().join("c.toml"), "c");
        let changed = Listing::open(&paths);
        assert!(changed.recall(&stamp).is_none(), "a file was added");
    }

    #[test]
    fn broken_records_recall_nothing() {
        let folder = tempfile::tempdir().expect("a folder");
        write(&folder.path().join("a.toml"), "a");
        settle(&folder.path().join("a.toml"));
        settle(folder.path());
        let paths = [folder.path().to_owned()];
        let (stamp, _) = Listing::new(&paths).stamp();
        for cut in 1..=stamp::RECORD_LEN {
            let broken = Stamp {
                files: stamp.files[..stamp.files.len() - cut].to_vec(),
                folders: stamp.folders.clone(),
            };
            assert!(Listing::open(&paths).recall(&broken).is_none(), "cut {cut}");
        }
    }

    #[test]
    fn a_large_folder_stamps_the_same_as_it_is_listed() {
        let folder = tempfile::tempdir().expect("a folder");
        for i in 0..shared::PARALLEL_FROM + 3 {
            write(&folder.path().join(format!("t{i:04}.toml")), &"x".repeat(i));
        }
        let listing = Listing::new(&[folder.path().to_owned()]);
        let (stamp, _) = listing.stamp();
        // Every file, in listed order, whichever thread took it.
        let mut one_run = Vec::new();
        listing.describe_run(&listing.files, SystemTime::now(), &mut one_run);
        assert_eq!(stamp.files, [listing.header.clone(), one_run].concat());

        // Threads verify it too, and see one file of the middle change.
        settle(folder.path());
        let (stamp, _) = Listing::new(&[folder.path().to_owned()]).stamp();
        let opened = Listing::open(&[folder.path().to_owned()]);
        let recalled = opened.recall(&stamp).expect("recalled");
        assert_eq!(recalled.runs.len(), listing.files.len().div_ceil(RUN));
        assert!(opened.verify_alongside(&recalled, || ()).0);
        write(&folder.path().join("t0130.toml"), "changed");
        assert!(!opened.verify_alongside(&recalled, || ()).0);
    }
}
