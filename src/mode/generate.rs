//! `--generate`: shell completion scripts and the man page.

use clap::CommandFactory;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
use roff::{Roff, bold, roman};

use crate::cli::{Cli, Generate};
use crate::messages::Message;
use crate::model::Lang;
use crate::report::{Report, Status};

/// The environment variable through which a shell asks kamus for
/// completions (`KAMUS_COMPLETE=bash kamus -- …`). Named for kamus so that
/// a `COMPLETE` set for some other tool cannot hijack a normal run.
pub const COMPLETE_VAR: &str = "KAMUS_COMPLETE";

pub fn run(kind: Generate, lang: Lang) -> Report {
    let shell: &dyn EnvCompleter = match kind {
        Generate::Man => return man(lang),
        Generate::CompleteBash => &Bash,
        Generate::CompleteZsh => &Zsh,
        Generate::CompleteFish => &Fish,
        Generate::CompletePowershell => &Powershell,
        Generate::CompleteElvish => &Elvish,
    };
    // The script calls `kamus` back for every completion, so it always
    // offers the terms of the glossary installed, `KAMUS_PATH` included.
    let mut script = Vec::new();
    let written = shell.write_registration(COMPLETE_VAR, "kamus", "kamus", "kamus", &mut script);
    printed(written, script, lang)
}

/// A report of what a generator wrote, or of why it could not.
fn printed(written: std::io::Result<()>, bytes: Vec<u8>, lang: Lang) -> Report {
    match written {
        Ok(()) => {
            let mut report = Report::new(Status::Found);
            report.out = String::from_utf8_lossy(&bytes).into_owned();
            report
        }
        Err(e) => Report::error(
            Message::CannotWrite {
                error: &e.to_string(),
            }
            .text(lang),
        ),
    }
}

/// The man page: clap's sections for the synopsis and options, then exit
/// status, environment and examples.
fn man(lang: Lang) -> Report {
    let page = clap_mangen::Man::new(Cli::command());
    let mut out = Vec::new();
    let rendered = page
        .render_title(&mut out)
        .and_then(|()| page.render_name_section(&mut out))
        .and_then(|()| page.render_synopsis_section(&mut out))
        .and_then(|()| page.render_description_section(&mut out))
        .and_then(|()| page.render_options_section(&mut out))
        .and_then(|()| extra_sections().to_writer(&mut out))
        .and_then(|()| page.render_version_section(&mut out));
    printed(rendered, out, lang)
}

fn extra_sections() -> Roff {
    let mut roff = Roff::new();
    definitions(
        &mut roff,
        "EXIT STATUS",
        &[
            (
                "0",
                "An entry or a search hit was printed, --check found no problem (warnings alone pass), or a bare kamus on a terminal printed its short help.",
            ),
            (
                "1",
                "Nothing matched; suggestions are on standard error, or in the JSON object with --json.",
            ),
            (
                "2",
                "A usage error, a glossary problem found by --check, or output that could not be written.",
            ),
        ],
    );
    definitions(
        &mut roff,
        "ENVIRONMENT",
        &[
            (
                "KAMUS_LANG",
                "The content language (also of kamus's own messages) when --lang is not given: id (the default) or en, in any case.",
            ),
            (
                "KAMUS_PATH",
                "A colon-separated list of folders of the user's own TOML entries, in the schema of the \
                 built-in glossary. They are read at run time only when this is set; an entry with a \
                 built-in slug replaces the built-in one, and the first folder wins over later ones. \
                 A lookup says in one line how many files were skipped for problems; --check lists them.",
            ),
            (
                "KAMUS_PAGER, PAGER",
                "The pager for output taller than the terminal, run by sh (KAMUS_PAGER first); \
                 default less -FRX. Set empty, or to cat, for none. LESS is set to FRX when unset.",
            ),
            (
                "XDG_CACHE_HOME",
                "Where the compiled KAMUS_PATH glossary is cached (XDG_CACHE_HOME/kamus, else \
                 ~/.cache/kamus). The cache is rebuilt whenever a file changes; deleting it is always safe.",
            ),
            (
                "NO_COLOR",
                "When set and not empty, --color=auto does not colour.",
            ),
            (
                "CLICOLOR_FORCE",
                "When set, not empty and not 0, --color=auto colours even when standard output is not a terminal.",
            ),
        ],
    );
    definitions(
        &mut roff,
        "EXAMPLES",
        &[
            (
                "kamus back-end-developer",
                "The whole entry, in Indonesian.",
            ),
            (
                "kamus backend developer --lang en",
                "The same entry in English; words are joined.",
            ),
            (
                "kamus sql-injection -s pencegahan",
                "The title line and one section; a section is named by its key or its heading in either language.",
            ),
            (
                "kamus --json api | jq -r .definition",
                "The definition, from the JSON output.",
            ),
            (
                "kamus --list --long | fzf --preview 'kamus --color=always -w \"$FZF_PREVIEW_COLUMNS\" {1}'",
                "Browse every term, matching names in both languages.",
            ),
            (
                "kamus -S prepared statement",
                "Full-text search, best first.",
            ),
            (
                "kamus --check ~/glosarium",
                "Check a folder of your own entries.",
            ),
            (
                "kamus --export stardict ~/.stardict/dic/kamus",
                "Write the glossary for sdcv, GoldenDict and KOReader; dictd is the other format.",
            ),
        ],
    );
    roff
}

/// A section of terms in bold, each with its meaning below.
fn definitions(roff: &mut Roff, heading: &str, items: &[(&str, &str)]) {
    roff.control("SH", [heading]);
    for (term, meaning) in items {
        roff.control("TP", [])
            .text([bold(*term)])
            .text([roman(*meaning)]);
    }
}
