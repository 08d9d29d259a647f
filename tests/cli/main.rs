//! The one integration-test binary: kamus as its users run it.

mod cache;
mod content;
mod export;
mod fuzz_regressions;
mod fuzzy;
mod golden;
mod hostile;
mod loader;
mod lookup;
mod names;
mod output;
mod precision;
mod properties;
mod recipes;
mod relevance;
mod shared;
mod shell;
mod terminal;
mod user;
mod validation;

use assert_cmd::Command;

/// `kamus` with a clean environment: no colour, language or glossary
/// settings leak in from the developer's shell, and no cache is written
/// into their home.
pub fn kamus() -> Command {
    let mut cmd = Command::cargo_bin("kamus").expect("the kamus binary is built for tests");
    for var in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "KAMUS_LANG",
        "KAMUS_PATH",
        "COLUMNS",
        "TERM",
    ] {
        cmd.env_remove(var);
    }
    // The cache of user glossaries goes under target/, not the home folder.
    cmd.env("XDG_CACHE_HOME", cache_home());
    cmd
}

/// Where test runs of kamus keep their cache: one folder for all, as a
/// reader has; each `KAMUS_PATH` has its own file in it.
pub fn cache_home() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache")
}

/// Runs kamus with `args` and returns (status, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    captured(kamus().args(args))
}

/// Runs a prepared command and returns (status, stdout, stderr).
pub fn captured(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("kamus runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Says why a check was skipped: a test that cannot run here must say so,
/// not pass in silence.
#[allow(clippy::print_stderr)]
pub fn skip(reason: &str) {
    eprintln!("skipped: {reason}");
}
