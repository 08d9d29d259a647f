//! Sending long output through a pager, as git does: the command runs
//! through `sh -c` (so `less -R` or `bat -p` work as written), with `LESS`
//! and `LV` set to keep colours and quit when the text fits, unless the
//! reader set them. A pager that cannot start is reported, and the text
//! is then printed directly.

use std::io::{self, Write};
use std::process::{Command, Stdio};

/// Whether `text` should be paged: taller than `above` rows (0 pages
/// everything that is not empty).
pub fn wanted(text: &str, above: usize) -> bool {
    !text.is_empty() && (above == 0 || text.lines().count() > above)
}

/// Runs `command` with `text` on its standard input and waits for it.
/// `Err` if it could not start, so the caller can print the text itself;
/// a reader who quits the pager early is not an error.
pub fn page(command: &str, text: &str) -> io::Result<()> {
    let mut shell = Command::new("sh");
    shell.arg("-c").arg(command).stdin(Stdio::piped());
    for (name, value) in [("LESS", "FRX"), ("LV", "-c")] {
        if std::env::var_os(name).is_none() {
            shell.env(name, value);
        }
    }
    let mut child = shell.spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(text.as_bytes()) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
            Err(e) => {
                drop(stdin);
                let _ = child.wait();
                return Err(e);
            }
        }
    }
    let status = child.wait()?;
    // `sh` says 127 when the command is not found: nothing was shown.
    if status.code() == Some(127) {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("the pager `{command}` was not found"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_taller_than_the_screen_is_paged() {
        assert!(!wanted("", 0));
        assert!(wanted("one\n", 0));
        assert!(!wanted("one\ntwo\n", 2));
        assert!(wanted("one\ntwo\nthree\n", 2));
    }

    #[test]
    fn a_missing_pager_is_an_error_so_the_text_is_printed() {
        assert!(page("kamus-no-such-pager-here", "text\n").is_err());
    }

    #[test]
    fn the_pager_reads_all_the_text() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = dir.path().join("got");
        let command = format!("cat > '{}'", file.display());
        page(&command, "one\ntwo\n").expect("the pager runs");
        assert_eq!(
            std::fs::read_to_string(file).expect("written"),
            "one\ntwo\n"
        );
    }
}
