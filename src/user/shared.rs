//! Work on many files shared among threads: a stamp of a large folder
//! costs a system call per file, which a few threads take in turn, while
//! the calling thread does something else first and then joins them.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::stamp;

/// From how many files the work is shared among threads.
pub const PARALLEL_FROM: usize = 256;

/// The longest name of a file on Linux, in bytes.
const NAME_MAX: usize = 255;

/// Runs `each` on every one of `runs` runs of `files` files, sharing them
/// among threads when the files are many, and `alongside` on this thread
/// meanwhile; whether `each` returned true for any. `each` is given the
/// run's number and a buffer of its thread's, made here with room for a
/// stamp's record, so that no helper allocates.
pub fn share<T>(
    runs: usize,
    files: usize,
    alongside: impl FnOnce() -> T,
    each: impl Fn(usize, &mut Vec<u8>) -> bool + Sync,
) -> (bool, T) {
    // A stat mostly waits on memory: one helper more than there are cores
    // (two to four) measured fastest here, with 1,000 files on two cores.
    // The cores this process may run on are one system call away, where
    // `available_parallelism` also reads the cgroup's quota from three files.
    let helpers = if files < PARALLEL_FROM {
        0
    } else {
        rustix::thread::sched_getaffinity(None).map_or(2, |cores| {
            cores.count().saturating_add(1).clamp(2, 4) as usize
        })
    };
    let next = AtomicUsize::new(0);
    let work = |mut buffer: Vec<u8>| {
        let mut any = false;
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            if at >= runs {
                return any;
            }
            any |= each(at, &mut buffer);
        }
    };
    let buffer = || Vec::with_capacity(stamp::record_len(NAME_MAX));
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..helpers)
            .map(|_| {
                let buffer = buffer();
                scope.spawn(move || work(buffer))
            })
            .collect();
        let other = alongside();
        let mut any = work(buffer());
        for handle in handles {
            // A helper that failed leaves its runs unfinished, and counts
            // as true: the caller then trusts nothing it did.
            any |= handle.join().unwrap_or(true);
        }
        (any, other)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn every_run_is_done_once_whether_shared_or_not() {
        for files in [10, PARALLEL_FROM * 4] {
            let runs = files / 8;
            let done = Mutex::new(vec![0; runs]);
            let (any, alongside) = share(
                runs,
                files,
                || "alongside",
                |at, buffer| {
                    assert!(buffer.capacity() >= stamp::record_len(NAME_MAX));
                    done.lock().expect("not poisoned")[at] += 1;
                    at == runs - 1
                },
            );
            assert!(any, "the last run returned true");
            assert_eq!(alongside, "alongside");
            assert!(
                done.into_inner()
                    .expect("not poisoned")
                    .iter()
                    .all(|&n| n == 1)
            );
        }
    }
}
