//! The decisions every mode reads, made once: language, format, colour,
//! width and paging, from the flags, then the environment, then the
//! terminal (whose size is read here, once).

use crate::cli::{Cli, ColorChoice, Format, PagerChoice};
use crate::model::Lang;
use crate::style::Style;

/// The resolved settings.
pub struct Settings {
    pub lang: Lang,
    pub format: Format,
    pub style: Style,
    pub width: Option<usize>,
    /// Where long output goes instead of stdout, if anywhere.
    pub pager: Option<Pager>,
}

/// The pager to send output through, and when.
#[derive(Debug, PartialEq, Eq)]
pub struct Pager {
    /// A shell command line.
    pub command: String,
    /// Output of more lines than this is paged; 0 pages everything.
    pub above: usize,
}

/// What a bad setting in the environment was.
#[derive(Debug, PartialEq, Eq)]
pub struct BadVar {
    pub name: &'static str,
    pub value: String,
}

/// The pager when none is set: quit if the text fits, keep colours, and
/// leave the text on the screen afterwards.
pub const DEFAULT_PAGER: &str = "less -FRX";

/// The widest text kamus wraps to on its own.
const MAX_AUTO_WIDTH: usize = 100;

impl Settings {
    /// `terminal` is the size of the terminal stdout writes to, `None`
    /// when it is not one.
    pub fn resolve(
        cli: &Cli,
        env: &dyn Fn(&str) -> Option<String>,
        terminal: Option<(usize, usize)>,
    ) -> Result<Settings, BadVar> {
        let set = |name: &str| env(name).filter(|v| !v.trim().is_empty());
        let lang = match cli.lang_flag() {
            Some(lang) => lang,
            None => match set("KAMUS_LANG") {
                Some(value) => Lang::from_code(&value).ok_or(BadVar {
                    name: "KAMUS_LANG",
                    value,
                })?,
                None => Lang::Id,
            },
        };
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                    true
                } else if set("NO_COLOR").is_some() {
                    false
                } else {
                    terminal.is_some()
                }
            }
        };
        let width = match (cli.width, terminal) {
            (Some(0), _) | (None, None) => None,
            (Some(n), _) => Some(n),
            (None, Some((columns, _))) => Some(columns.min(MAX_AUTO_WIDTH)),
        };
        let pager = match (cli.pager(), terminal) {
            (PagerChoice::Never, _) | (_, None) => None,
            (choice, Some((_, rows))) => {
                // As git does: a pager set empty, or to `cat`, means none.
                let command = env("KAMUS_PAGER")
                    .or_else(|| env("PAGER"))
                    .unwrap_or_else(|| DEFAULT_PAGER.to_owned());
                let above = if choice == PagerChoice::Always {
                    0
                } else {
                    rows
                };
                let none = command.trim().is_empty() || command.trim() == "cat";
                (!none).then_some(Pager { command, above })
            }
        };
        Ok(Settings {
            lang,
            format: cli.format(),
            style: Style::new(color),
            width,
            pager,
        })
    }
}

/// The size of the terminal stdout is, as (columns, rows); `None` when it
/// is not a terminal. A terminal that does not say is taken as 80×24.
pub fn terminal() -> Option<(usize, usize)> {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal().then(|| {
        terminal_size::terminal_size()
            .map_or((80, 24), |(w, h)| (usize::from(w.0), usize::from(h.0)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn resolved(args: &[&str], env: &[(&str, &str)], terminal: bool) -> Result<Settings, BadVar> {
        let mut argv = vec!["kamus"];
        argv.extend_from_slice(args);
        argv.push("git");
        let cli = Cli::parse_from(argv);
        let lookup = |name: &str| {
            env.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        };
        Settings::resolve(&cli, &lookup, terminal.then_some((120, 30)))
    }

    fn settings_for(args: &[&str], env: &[(&str, &str)], terminal: bool) -> Settings {
        resolved(args, env, terminal).expect("the settings are valid")
    }

    /// Flags, environment, whether stdout is a terminal, and the colour wanted.
    type ColourCase<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], bool, bool);

    #[test]
    fn colour_follows_the_documented_precedence() {
        let cases: &[ColourCase] = &[
            (&[], &[], true, true),
            (&[], &[], false, false),
            (&[], &[("NO_COLOR", "1")], true, false),
            (&[], &[("NO_COLOR", "")], true, true),
            (&[], &[("CLICOLOR_FORCE", "1")], false, true),
            (&[], &[("CLICOLOR_FORCE", "0")], false, false),
            (
                &[],
                &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
                false,
                true,
            ),
            (&["--color=never"], &[("CLICOLOR_FORCE", "1")], true, false),
            (&["--color=always"], &[("NO_COLOR", "1")], false, true),
        ];
        for (args, env, terminal, want) in cases {
            let got = settings_for(args, env, *terminal).style.color;
            assert_eq!(got, *want, "{args:?} {env:?} terminal={terminal}");
        }
    }

    #[test]
    fn width_is_off_when_piped_and_zero_means_never() {
        assert_eq!(settings_for(&[], &[], false).width, None);
        assert_eq!(settings_for(&["-w", "0"], &[], true).width, None);
        assert_eq!(settings_for(&["-w", "60"], &[], false).width, Some(60));
        let auto = settings_for(&[], &[], true).width;
        assert!(auto.is_some_and(|w| w <= MAX_AUTO_WIDTH));
    }

    #[test]
    fn the_language_comes_from_the_flags_then_kamus_lang_in_any_case() {
        let lang = |args: &[&str], env: &[(&str, &str)]| settings_for(args, env, false).lang;
        assert_eq!(lang(&[], &[]), Lang::Id);
        assert_eq!(lang(&[], &[("KAMUS_LANG", "EN")]), Lang::En);
        assert_eq!(lang(&[], &[("KAMUS_LANG", " en ")]), Lang::En);
        assert_eq!(lang(&[], &[("KAMUS_LANG", "")]), Lang::Id);
        assert_eq!(lang(&["-L", "ID"], &[("KAMUS_LANG", "en")]), Lang::Id);
        assert_eq!(lang(&["--en"], &[]), Lang::En);
        assert_eq!(lang(&["--id"], &[("KAMUS_LANG", "en")]), Lang::Id);
        let bad = resolved(&[], &[("KAMUS_LANG", "jp")], false).err();
        assert_eq!(
            bad,
            Some(BadVar {
                name: "KAMUS_LANG",
                value: "jp".to_owned()
            })
        );
        // A flag makes a bad variable irrelevant.
        assert!(resolved(&["-L", "en"], &[("KAMUS_LANG", "jp")], false).is_ok());
    }

    #[test]
    fn the_pager_is_only_for_a_terminal_and_follows_the_environment() {
        let pager = |args: &[&str], env: &[(&str, &str)], terminal: bool| {
            settings_for(args, env, terminal).pager
        };
        let paged = |command: &str, above: usize| {
            Some(Pager {
                command: command.to_owned(),
                above,
            })
        };
        assert_eq!(pager(&[], &[], true), paged(DEFAULT_PAGER, 30));
        assert_eq!(pager(&[], &[], false), None);
        assert_eq!(pager(&["--pager=always"], &[], false), None);
        assert_eq!(
            pager(&["--pager=always"], &[], true),
            paged(DEFAULT_PAGER, 0)
        );
        assert_eq!(pager(&["--no-pager"], &[], true), None);
        assert_eq!(pager(&["--pager=never"], &[], true), None);
        assert_eq!(
            pager(&["--no-pager", "--pager=auto"], &[], true),
            paged(DEFAULT_PAGER, 30)
        );
        assert_eq!(pager(&[], &[("PAGER", "more")], true), paged("more", 30));
        assert_eq!(
            pager(&[], &[("PAGER", "more"), ("KAMUS_PAGER", "most")], true),
            paged("most", 30)
        );
        assert_eq!(pager(&[], &[("PAGER", "")], true), None);
        assert_eq!(pager(&[], &[("KAMUS_PAGER", "cat")], true), None);
    }
}
