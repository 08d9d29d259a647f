//! The README's recipes, run as written: each test takes its lines from
//! the README itself (failing if they are not there), in a home folder of
//! its own where `kamus` is installed as `cargo install` would put it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cache_home, skip};

/// A home folder with `kamus` in `~/.cargo/bin`, and the `PATH` to match.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let bin = dir.path().join(".cargo/bin");
        std::fs::create_dir_all(&bin).expect("created");
        std::fs::copy(assert_cmd::cargo::cargo_bin("kamus"), bin.join("kamus")).expect("copied");
        Home { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `shell -c script` in this home, with a clean environment; its
    /// (status, stdout, stderr).
    fn run(&self, shell: &str, script: &str, env: &[(&str, &str)]) -> (i32, String, String) {
        let bin: PathBuf = self.path().join(".cargo/bin");
        let mut cmd = Command::new(shell);
        cmd.arg("-c")
            .arg(script)
            .env_clear()
            .env("HOME", self.path())
            .env(
                "PATH",
                format!("{}:/usr/local/bin:/usr/bin:/bin", bin.display()),
            )
            .env("XDG_CACHE_HOME", cache_home())
            .env("TERM", "xterm");
        for (name, value) in env {
            cmd.env(name, value);
        }
        let out = cmd.output().expect("the shell runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

/// The recipe made of these README lines (each an indented code line
/// there), as one script.
fn recipe(lines: &[&str]) -> String {
    let readme = include_str!("../../README.md");
    for line in lines {
        assert!(
            readme.lines().any(|l| l == format!("    {line}")),
            "the README no longer has `{line}`"
        );
    }
    lines.join("\n")
}

fn has(tool: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `text` without colour escapes.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The widest line of `text` as shown, web addresses aside (they stay
/// whole on their own lines, so that a terminal can open them).
fn widest(text: &str) -> usize {
    plain(text)
        .lines()
        .filter(|l| !l.contains("://"))
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

#[test]
fn the_fzf_preview_wraps_to_the_preview_window() {
    let script = recipe(&[
        "kamus --list --long | fzf --preview 'kamus --color=always -w \"$FZF_PREVIEW_COLUMNS\" {1}'",
    ]);
    let home = Home::new();
    // What fzf runs for the preview: the quoted command with {1} made the
    // line's first field, and FZF_PREVIEW_COLUMNS set.
    let (_, list, _) = home.run("sh", "kamus --list --long", &[]);
    let line = list
        .lines()
        .find(|l| l.starts_with("back-end-developer\t"))
        .expect("listed");
    let first = line.split_whitespace().next().expect("a first field");
    let preview = script
        .split_once("--preview '")
        .and_then(|(_, rest)| rest.strip_suffix('\''))
        .expect("a preview command")
        .replace("{1}", &format!("'{first}'"));
    let (status, out, err) = home.run("sh", &preview, &[("FZF_PREVIEW_COLUMNS", "50")]);
    assert_eq!((status, err.as_str()), (0, ""));
    assert!(out.contains('\u{1b}'), "coloured");
    assert!(plain(&out).starts_with("Back End Developer"), "{out}");
    assert!(widest(&out) <= 50, "every line fits the preview: {out}");
}

#[test]
fn less_with_the_terminal_width_gets_wrapped_colour() {
    let script = recipe(&["kamus --color=always -w \"$(tput cols)\" back-end-developer | less -R"]);
    if !has("less") || !has("tput") {
        skip("less or tput is not installed");
        return;
    }
    let home = Home::new();
    // Not on a terminal, less passes the text through and tput says 80.
    let (status, out, err) = home.run("bash", &script, &[("COLUMNS", "72")]);
    assert_eq!((status, err.as_str()), (0, ""));
    assert!(out.contains('\u{1b}'), "coloured");
    assert!(plain(&out).contains("TUGAS"));
    assert!(widest(&out) <= 72, "wrapped: {out}");
}

#[test]
fn the_man_page_is_found_without_a_manpath_change() {
    let script = recipe(&[
        "man1=\"$(dirname \"$(command -v kamus)\")/../share/man/man1\"",
        "mkdir -p \"$man1\" && kamus --generate man > \"$man1/kamus.1\"",
    ]);
    assert!(include_str!("../../README.md").contains("    man kamus\n"));
    if !has("man") || !has("manpath") {
        skip("man-db is not installed");
        return;
    }
    let home = Home::new();
    let (status, _, err) = home.run("sh", &script, &[]);
    assert_eq!((status, err.as_str()), (0, ""));
    let (_, found, _) = home.run("sh", "man -w kamus", &[]);
    assert_eq!(
        Path::new(found.trim()),
        home.path().join(".cargo/share/man/man1/kamus.1"),
        "man finds the page"
    );
    let (status, page, _) = home.run("sh", "man kamus", &[("MANPAGER", "cat")]);
    assert_eq!(status, 0);
    assert!(page.contains("KAMUS_PATH"), "{page}");
}

#[test]
fn zsh_completion_loads_after_compinit() {
    let script = recipe(&[
        "autoload -Uz compinit && compinit",
        "source <(kamus --generate complete-zsh)",
    ]);
    if !has("zsh") {
        skip("zsh is not installed");
        return;
    }
    let home = Home::new();
    let check = format!("{script}\nprint -r -- ${{_comps[kamus]}}");
    let (status, out, err) = home.run("zsh", &check, &[]);
    assert_eq!((status, err.as_str()), (0, ""), "{out}");
    assert!(!out.trim().is_empty(), "kamus has a completion function");
}

#[test]
fn fish_completion_installs_into_a_new_folder() {
    let script = recipe(&[
        "mkdir -p ~/.config/fish/completions",
        "kamus --generate complete-fish > ~/.config/fish/completions/kamus.fish",
    ]);
    let home = Home::new();
    let (status, _, err) = home.run("sh", &script, &[]);
    assert_eq!((status, err.as_str()), (0, ""));
    let file = home.path().join(".config/fish/completions/kamus.fish");
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(text.contains("KAMUS_COMPLETE"), "{text}");
    if has("fish") {
        let (status, _, err) = home.run("fish", &format!("fish -n {}", file.display()), &[]);
        assert_eq!((status, err.as_str()), (0, ""));
    } else {
        skip("fish is not installed, so the script's syntax is not checked");
    }
}

#[test]
fn sdcv_finds_the_export_in_its_own_folder() {
    let script = recipe(&[
        "kamus --export stardict ~/.stardict/dic/kamus          # kamus-id.*",
        "kamus --export stardict ~/.stardict/dic/kamus -L en    # kamus-en.*, beside it",
    ]);
    let home = Home::new();
    let (status, _, err) = home.run("sh", &script, &[]);
    assert_eq!(status, 0, "{err}");
    if !has("sdcv") {
        skip("sdcv is not installed, so the StarDict recipe is not read back");
        return;
    }
    let lookups = recipe(&[
        "sdcv back-end-developer                                # sdcv reads ~/.stardict/dic",
        "sdcv --data-dir ~/.stardict/dic/kamus \"pengembang backend\"",
    ]);
    for line in lookups.lines() {
        let command = line.replace("sdcv ", "sdcv -n ");
        let (status, out, _) = home.run("sh", &command, &[]);
        assert_eq!(status, 0, "{line}");
        // Both books answer: the Indonesian and the English one.
        assert!(
            out.contains("Back End Developer  (profesi)"),
            "{line}: {out}"
        );
        assert!(out.contains("Back End Developer  (role)"), "{line}: {out}");
    }
}
