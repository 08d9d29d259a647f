//! kamus on a terminal (a pseudo-terminal of 80×24): the pager, and the
//! short help of a bare `kamus`, against what the same commands do in a
//! pipe.

use std::io::Read;
use std::path::Path;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use crate::{cache_home, captured, kamus, skip};

/// Whether this machine can open a pseudo-terminal; a test that needs one
/// says so and stops when it cannot.
fn no_terminal() -> bool {
    let opened = native_pty_system().openpty(PtySize::default()).is_ok();
    if !opened {
        skip("no pseudo-terminal can be opened here");
    }
    !opened
}

/// What a run on the terminal printed (with `\r\n` made `\n`) and its
/// exit status.
fn on_terminal(args: &[&str], env: &[(&str, &str)]) -> (u32, String) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal opens");
    let mut cmd = CommandBuilder::new(assert_cmd::cargo::cargo_bin("kamus"));
    cmd.args(args);
    for var in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "KAMUS_LANG",
        "KAMUS_PATH",
        "KAMUS_PAGER",
        "PAGER",
        "LESS",
        "COLUMNS",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("XDG_CACHE_HOME", cache_home());
    cmd.env("TERM", "xterm");
    for (name, value) in env {
        cmd.env(name, value);
    }
    let mut child = pty.slave.spawn_command(cmd).expect("kamus starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let reading = std::thread::spawn(move || {
        let mut out = Vec::new();
        // The terminal says EIO once every writer has gone: the end.
        let mut chunk = [0; 4096];
        while let Ok(n) = reader.read(&mut chunk) {
            if n == 0 {
                break;
            }
            out.extend_from_slice(&chunk[..n]);
        }
        out
    });
    let status = child.wait().expect("kamus ends");
    drop(pty.master);
    let out = reading.join().expect("the reader ends");
    (
        status.exit_code(),
        String::from_utf8_lossy(&out).replace("\r\n", "\n"),
    )
}

/// A pager that writes what it reads, and `$LESS`, into `dir`.
fn recording_pager(dir: &Path) -> String {
    format!(
        "echo \"$LESS\" > '{0}/less'; cat > '{0}/paged'",
        dir.display()
    )
}

fn paged(dir: &Path) -> Option<String> {
    std::fs::read_to_string(dir.join("paged")).ok()
}

#[test]
fn a_long_entry_goes_through_the_pager_with_less_options_set() {
    if no_terminal() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pager = recording_pager(dir.path());
    let (status, screen) = on_terminal(
        &["back-end-developer", "--color=never"],
        &[("KAMUS_PAGER", &pager)],
    );
    assert_eq!(status, 0);
    let got = paged(dir.path()).expect("the pager ran");
    let (_, piped, _) = captured(kamus().args(["back-end-developer", "-w", "80"]));
    assert_eq!(got, piped, "the pager gets the whole entry, wrapped to 80");
    assert!(got.lines().count() > 24);
    assert!(
        !screen.contains("TUGAS"),
        "nothing went past the pager: {screen}"
    );
    let less = std::fs::read_to_string(dir.path().join("less")).expect("recorded");
    assert_eq!(less.trim(), "FRX");
}

#[test]
fn pager_follows_kamus_pager_then_pager() {
    if no_terminal() {
        return;
    }
    let first = tempfile::tempdir().expect("a temporary folder");
    let second = tempfile::tempdir().expect("a temporary folder");
    let env = [
        ("PAGER", recording_pager(first.path())),
        ("KAMUS_PAGER", recording_pager(second.path())),
    ];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    on_terminal(&["back-end-developer"], &env);
    assert!(paged(second.path()).is_some());
    assert!(paged(first.path()).is_none());
    on_terminal(&["back-end-developer"], &env[..1]);
    assert!(paged(first.path()).is_some());
}

#[test]
fn short_output_is_printed_and_always_pages_it() {
    if no_terminal() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pager = recording_pager(dir.path());
    let env = [("KAMUS_PAGER", pager.as_str())];
    let args = ["git", "-s", "definition", "--color=never"];
    let (status, screen) = on_terminal(&args, &env);
    assert_eq!(status, 0);
    assert!(paged(dir.path()).is_none(), "a short entry is not paged");
    assert!(
        screen.starts_with("Git  (teknologi)\n\nDEFINISI\n"),
        "{screen}"
    );

    let (_, screen) = on_terminal(&[&args[..], &["--pager=always"]].concat(), &env);
    assert!(paged(dir.path()).is_some_and(|p| p.starts_with("Git  (teknologi)")));
    assert!(!screen.contains("DEFINISI"), "{screen}");
}

#[test]
fn no_pager_and_pipes_are_never_paged() {
    if no_terminal() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pager = recording_pager(dir.path());
    let env = [("KAMUS_PAGER", pager.as_str())];
    for flag in ["--no-pager", "--pager=never"] {
        let (_, screen) = on_terminal(&["back-end-developer", flag], &env);
        assert!(screen.contains("TUGAS"), "{flag}: {screen}");
    }
    let (status, out, _) = captured(
        kamus()
            .env("KAMUS_PAGER", &pager)
            .args(["back-end-developer", "--pager=always"]),
    );
    assert_eq!(status, 0);
    assert!(out.contains("TUGAS"));
    assert!(paged(dir.path()).is_none());
}

#[test]
fn a_pager_that_cannot_start_leaves_the_text_on_the_screen() {
    if no_terminal() {
        return;
    }
    let env = [("KAMUS_PAGER", "kamus-no-such-pager")];
    let (status, screen) = on_terminal(&["back-end-developer"], &env);
    assert_eq!(status, 0);
    assert!(screen.contains("TUGAS"), "{screen}");
}

#[test]
fn bare_kamus_on_a_terminal_is_a_short_help_and_in_a_pipe_a_usage_error() {
    if no_terminal() {
        return;
    }
    let (status, screen) = on_terminal(&[], &[]);
    assert_eq!(status, 0);
    assert!(screen.starts_with("kamus: glosarium"), "{screen}");
    assert!(screen.contains("kamus --help"), "{screen}");
    let (status, screen) = on_terminal(&[], &[("KAMUS_LANG", "en")]);
    assert_eq!(status, 0);
    assert!(screen.starts_with("kamus: a glossary"), "{screen}");
    assert!(screen.lines().count() <= 12, "short: {screen}");

    let (status, out, err) = captured(&mut kamus());
    assert_eq!((status, out.as_str()), (2, ""));
    assert!(err.contains("tidak ada yang dicari"), "{err}");
    assert!(err.contains("Usage:"), "{err}");
}
