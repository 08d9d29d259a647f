//! Shell integration: completion in a real bash, the other shells' scripts
//! parse, and the man page renders.

use std::path::PathBuf;
use std::process::Command;

use crate::user::team_folder;
use crate::{run, skip};

/// The folder holding the kamus binary, to put first on `PATH`: the
/// completion scripts call `kamus` back by name.
fn bin_dir() -> PathBuf {
    let bin = assert_cmd::cargo::cargo_bin("kamus");
    bin.parent()
        .expect("the binary is in a folder")
        .to_path_buf()
}

fn path_with_kamus() -> std::ffi::OsString {
    let mut dirs = vec![bin_dir()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).expect("a valid PATH")
}

/// Completes `words` (the last one being typed) in bash with the generated
/// script sourced, and returns the candidates.
pub fn bash_complete(words: &[&str], kamus_path: Option<&std::path::Path>) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let current = words.last().expect("a word");
    let previous = if words.len() > 1 {
        words[words.len() - 2]
    } else {
        "kamus"
    };
    let script = format!(
        "source <(kamus --generate complete-bash)\n\
         COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE=\"${{COMP_WORDS[*]}}\"; COMP_POINT=${{#COMP_LINE}}\n\
         _clap_complete_kamus kamus '{current}' '{previous}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        quoted.join(" "),
        words.len() - 1
    );
    let mut cmd = Command::new("bash");
    cmd.arg("--norc")
        .arg("-c")
        .arg(script)
        .env("PATH", path_with_kamus());
    cmd.env_remove("KAMUS_PATH").env_remove("KAMUS_LANG");
    if let Some(path) = kamus_path {
        cmd.env("KAMUS_PATH", path);
    }
    let out = cmd.output().expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_a_term() {
    let got = bash_complete(&["kamus", "back-en"], None);
    assert!(got.contains(&"back-end-developer".to_owned()), "{got:?}");
    assert!(got.iter().all(|c| c.starts_with("back-en")), "{got:?}");
}

#[test]
fn bash_completes_aliases_of_both_languages() {
    let got = bash_complete(&["kamus", "pengembang-b"], None);
    assert!(got.contains(&"pengembang-back-end".to_owned()), "{got:?}");
    let got = bash_complete(&["kamus", "sql"], None);
    assert!(
        got.contains(&"sqli".to_owned()) && got.contains(&"sql-injection".to_owned()),
        "{got:?}"
    );
}

#[test]
fn bash_completes_option_values() {
    let sections = bash_complete(&["kamus", "--section", ""], None);
    for name in [
        "definition",
        "duties",
        "skills",
        "related",
        "prevention",
        "formula",
    ] {
        assert!(
            sections.contains(&name.to_owned()),
            "{name} missing from {sections:?}"
        );
    }
    // The keys only: the headings that also work are not offered twice.
    assert_eq!(sections.len(), 15, "{sections:?}");
    assert!(!sections.contains(&"tugas".to_owned()), "{sections:?}");
    assert_eq!(bash_complete(&["kamus", "--lang", ""], None), ["id", "en"]);
    assert_eq!(
        bash_complete(&["kamus", "--format", ""], None),
        ["text", "markdown", "json"]
    );
    assert_eq!(
        bash_complete(&["kamus", "--color", ""], None),
        ["auto", "always", "never"]
    );
}

#[test]
fn bash_completes_a_user_glossarys_terms() {
    let dir = team_folder();
    let got = bash_complete(&["kamus", "rilis-m"], Some(dir.path()));
    assert_eq!(got, ["rilis-mingguan"]);
    assert!(bash_complete(&["kamus", "rilis-m"], None).is_empty());
}

/// Checks a script's syntax with `shell args… file`, or says why not.
fn syntax_check(shell: &str, args: &[&str], kind: &str) {
    if Command::new(shell).arg("--version").output().is_err() {
        // .ci/run installs the shell; a developer without it is told so.
        skip(&format!(
            "{shell} is not installed, so its completion script is not checked"
        ));
        return;
    }
    let (status, script, _) = run(&["--generate", kind]);
    assert_eq!(status, 0);
    assert!(script.contains("KAMUS_COMPLETE"), "{script}");
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(file.path(), &script).expect("written");
    let out = Command::new(shell)
        .args(args)
        .arg(file.path())
        .output()
        .expect("the shell runs");
    assert!(
        out.status.success(),
        "{shell}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn zsh_accepts_its_script() {
    syntax_check("zsh", &["-n"], "complete-zsh");
}

#[test]
fn fish_accepts_its_script() {
    syntax_check("fish", &["--no-execute"], "complete-fish");
}

#[test]
fn powershell_and_elvish_scripts_are_generated() {
    for kind in ["complete-powershell", "complete-elvish"] {
        let (status, script, _) = run(&["--generate", kind]);
        assert_eq!(status, 0);
        assert!(
            script.contains("kamus") && script.contains("KAMUS_COMPLETE"),
            "{kind}: {script}"
        );
    }
}

#[test]
fn the_man_page_renders_without_warnings() {
    let (status, page, _) = run(&["--generate", "man"]);
    assert_eq!(status, 0);
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(file.path(), &page).expect("written");
    let out = Command::new("man")
        .args(["--warnings", "-l"])
        .arg(file.path())
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .output();
    let Ok(out) = out else {
        skip("man is not installed, so the page is not rendered");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "man warned");
    for section in [
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "EXIT STATUS",
        "ENVIRONMENT",
        "EXAMPLES",
    ] {
        assert!(text.lines().any(|l| l == section), "no {section} section");
    }
    for var in ["KAMUS_LANG", "KAMUS_PATH", "NO_COLOR", "CLICOLOR_FORCE"] {
        assert!(text.contains(var), "{var} not documented");
    }
}
