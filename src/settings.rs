//! The decisions every mode reads, made once: language, format, colour and
//! width, from the flags, then the environment, then the terminal.

use crate::cli::{Cli, ColorChoice, Format};
use crate::model::Lang;
use crate::style::Style;

/// The resolved settings.
pub struct Settings {
    pub lang: Lang,
    pub format: Format,
    pub style: Style,
    pub width: Option<usize>,
}

/// The widest text kamus wraps to on its own.
const MAX_AUTO_WIDTH: usize = 100;

impl Settings {
    pub fn resolve(
        cli: &Cli,
        env: &dyn Fn(&str) -> Option<String>,
        stdout_is_terminal: bool,
    ) -> Settings {
        let set = |name: &str| env(name).filter(|v| !v.is_empty());
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                    true
                } else if set("NO_COLOR").is_some() {
                    false
                } else {
                    stdout_is_terminal
                }
            }
        };
        let width = match cli.width {
            Some(0) => None,
            Some(n) => Some(n),
            None if stdout_is_terminal => Some(
                terminal_size::terminal_size()
                    .map_or(80, |(w, _)| usize::from(w.0))
                    .min(MAX_AUTO_WIDTH),
            ),
            None => None,
        };
        Settings {
            lang: cli.lang,
            format: cli.format(),
            style: Style::new(color),
            width,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn settings_for(args: &[&str], env: &[(&str, &str)], terminal: bool) -> Settings {
        let mut argv = vec!["kamus"];
        argv.extend_from_slice(args);
        argv.push("git");
        let cli = Cli::parse_from(argv);
        let lookup = |name: &str| {
            env.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        };
        Settings::resolve(&cli, &lookup, terminal)
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
}
