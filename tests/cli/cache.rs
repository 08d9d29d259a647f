//! The cache of user glossaries: a reader's edits show at once, and a
//! cache that is missing, broken or cannot be written only costs time.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::user::TEAM_ENTRY;
use crate::{captured, kamus};

fn look_up(path: &Path, cache: &Path, term: &str) -> (i32, String, String) {
    captured(
        kamus()
            .env("KAMUS_PATH", path)
            .env("XDG_CACHE_HOME", cache)
            .arg(term),
    )
}

/// The cache files kamus wrote under `cache`.
fn cache_files(cache: &Path) -> Vec<std::path::PathBuf> {
    fs::read_dir(cache.join("kamus"))
        .map(|list| list.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default()
}

/// Sets a file's or folder's modification time to an hour ago, as if it
/// had been written then.
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
fn edits_added_and_removed_files_show_on_the_next_run() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let cache = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("rilis-mingguan.toml");
    fs::write(&file, TEAM_ENTRY).expect("written");
    let (_, out, _) = look_up(dir.path(), cache.path(), "rilis-mingguan");
    assert!(out.starts_with("Rilis Mingguan "), "{out}");
    assert!(
        cache_files(cache.path()).is_empty(),
        "a file changed just now may change again within its clock tick: no cache"
    );
    settle(&file);
    settle(dir.path());
    let (_, again, _) = look_up(dir.path(), cache.path(), "rilis-mingguan");
    assert_eq!(again, out);
    let written = cache_files(cache.path());
    assert_eq!(written.len(), 1, "a cache is written");
    let state = |path: &Path| {
        let meta = fs::metadata(path).expect("the cache");
        (meta.ino(), meta.modified().expect("a time"))
    };
    let before = state(&written[0]);
    let (_, again, _) = look_up(dir.path(), cache.path(), "rilis-mingguan");
    assert_eq!(again, out);
    assert_eq!(
        state(&written[0]),
        before,
        "the cache is read, not written again"
    );

    // An edit of the same size, its time set back as `cp -p` does: the
    // inode's change time still tells.
    let modified = fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("a time");
    fs::write(
        &file,
        TEAM_ENTRY.replace("Rilis Mingguan", "Rilis Mingguam"),
    )
    .expect("written");
    date(&file, modified);
    let (_, out, _) = look_up(dir.path(), cache.path(), "rilis-mingguan");
    assert!(out.starts_with("Rilis Mingguam "), "{out}");

    let monthly = TEAM_ENTRY
        .replace("Rilis Mingguan", "Rilis Bulanan")
        .replace("Weekly", "Monthly")
        .replace("rilis jumat", "rilis akhir bulan");
    fs::write(dir.path().join("rilis-bulanan.toml"), monthly).expect("written");
    let (status, _, _) = look_up(dir.path(), cache.path(), "rilis-bulanan");
    assert_eq!(status, 0, "an added file is found");

    fs::remove_file(&file).expect("removed");
    let (status, out, _) = look_up(dir.path(), cache.path(), "rilis-mingguan");
    assert_ne!(status, 0, "a removed file is gone: {out}");
}

#[test]
fn a_file_that_comes_and_goes_beside_the_entries_costs_no_rebuild() {
    // An editor's swap file changes the folder, not the entries: the
    // cache stays (a rebuilt one is renamed into place, a new inode), and
    // the folder's new state is recorded in it for the runs after.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let cache = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("rilis-mingguan.toml");
    fs::write(&file, TEAM_ENTRY).expect("written");
    settle(&file);
    settle(dir.path());
    let (_, want, _) = look_up(dir.path(), cache.path(), "rilis-mingguan");
    let written = cache_files(cache.path());
    assert_eq!(written.len(), 1, "a cache is written");
    let state = || {
        let meta = fs::metadata(&written[0]).expect("the cache");
        (meta.ino(), fs::read(&written[0]).expect("the cache"))
    };
    let (inode, first) = state();

    let swap = dir.path().join(".rilis-mingguan.toml.swp");
    fs::write(&swap, "swap").expect("written");
    fs::remove_file(&swap).expect("removed");
    settle(dir.path());
    let (_, out, _) = look_up(dir.path(), cache.path(), "rilis-mingguan");
    assert_eq!(out, want);
    let (again, recorded) = state();
    assert_eq!(again, inode, "the same cache, not a rebuilt one");
    assert_ne!(recorded, first, "the folder's new state is recorded");

    let (_, out, _) = look_up(dir.path(), cache.path(), "rilis-mingguan");
    assert_eq!(out, want);
    assert_eq!(state(), (inode, recorded), "nothing more to record");
}

#[test]
fn a_broken_cache_is_rebuilt() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let cache = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("rilis-mingguan.toml"), TEAM_ENTRY).expect("written");
    settle(&dir.path().join("rilis-mingguan.toml"));
    let (_, want, _) = look_up(dir.path(), cache.path(), "rilis-mingguan");
    let written = cache_files(cache.path());
    assert_eq!(written.len(), 1);
    let bytes = fs::read(&written[0]).expect("read");
    for broken in [
        Vec::new(),
        bytes[..bytes.len() / 2].to_vec(),
        bytes.iter().map(|b| b ^ 0x55).collect(),
    ] {
        fs::write(&written[0], &broken).expect("written");
        let (status, out, err) = look_up(dir.path(), cache.path(), "rilis-mingguan");
        assert_eq!((status, &*err), (0, ""));
        assert_eq!(out, want);
    }
}

#[test]
fn a_cache_that_cannot_be_written_costs_nothing_but_time() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("rilis-mingguan.toml"), TEAM_ENTRY).expect("written");
    // A file where the cache folder would go.
    let blocked = tempfile::NamedTempFile::new().expect("a temporary file");
    for cache in [blocked.path(), Path::new("relative/is/ignored")] {
        let (status, out, err) = look_up(dir.path(), cache, "rilis-mingguan");
        assert_eq!((status, &*err), (0, ""));
        assert!(out.starts_with("Rilis Mingguan "), "{out}");
    }
}
