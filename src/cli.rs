//! The command line, as clap reads it. Only parsing lives here; `app`
//! decides what the flags mean.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{ArgGroup, Parser, ValueEnum, ValueHint};
use clap_complete::engine::ArgValueCandidates;

use crate::model::{Lang, SectionKey};

/// Web-development, SEO and digital-marketing terms, explained in Indonesian and English.
#[derive(Parser, Debug)]
#[command(name = "kamus", version, about, max_term_width = 100)]
#[command(long_about = "\
kamus explains web-development, SEO and digital-marketing terms in Indonesian and English, \
offline: what a term means, what a role does and must learn, how an attack works and how to \
prevent it, how a metric is computed, and which terms to read next. The glossary is compiled \
into the binary; your own entries can join it through KAMUS_PATH.")]
#[command(group(ArgGroup::new("mode").required(true).args(["term", "list", "search", "random", "check", "generate"])))]
#[command(after_help = "\
Examples:
  kamus back-end-developer            the whole entry, in Indonesian
  kamus backend developer -L en       the same entry in English
  kamus sql-injection -s prevention   one section only
  kamus --json api | jq -r .definition
  kamus --search keamanan             full-text search
  kamus --list | fzf --preview 'kamus --color=always {}'

Exit status: 0 found, 1 nothing matched, 2 usage or data error.")]
pub struct Cli {
    /// The term to look up: a slug, an alias or a near miss; several words are joined by spaces
    #[arg(value_name = "TERM", add = ArgValueCandidates::new(crate::complete::term_candidates))]
    pub term: Vec<String>,

    /// Print only these sections (repeatable, or comma-separated)
    #[arg(short, long = "section", value_name = "NAME", value_delimiter = ',', conflicts_with_all = ["list", "search"])]
    pub sections: Vec<SectionKey>,

    /// Content language
    #[arg(
        short = 'L',
        long,
        value_name = "LANG",
        env = "KAMUS_LANG",
        default_value = "id"
    )]
    pub lang: Lang,

    /// Output format
    #[arg(
        short,
        long,
        value_enum,
        value_name = "FORMAT",
        default_value = "text",
        overrides_with = "json"
    )]
    pub format: Format,

    /// Short for --format json
    #[arg(long, overrides_with = "format")]
    pub json: bool,

    /// Only a slug or alias counts: no fuzzy matching
    #[arg(short, long, conflicts_with_all = ["list", "search"])]
    pub exact: bool,

    /// When to colour the output: auto follows the terminal, NO_COLOR and CLICOLOR_FORCE
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    /// Wrap text at N columns; 0 never wraps [default: the terminal's width, at most 100; no wrapping when piped]
    #[arg(short, long, value_name = "N")]
    pub width: Option<usize>,

    /// Print every slug, one a line, sorted
    #[arg(short, long)]
    pub list: bool,

    /// Full-text search in the chosen language, best first
    #[arg(short = 'S', long, value_name = "QUERY")]
    pub search: Option<String>,

    /// At most N search hits; 0 prints them all
    #[arg(short = 'n', long, value_name = "N", default_value_t = 10)]
    pub limit: usize,

    /// Show one entry picked at random
    #[arg(long)]
    pub random: bool,

    /// Check glossary files or folders (default: those in KAMUS_PATH); every problem as file:line:col: message
    #[arg(long, value_name = "PATH", num_args = 0.., value_hint = ValueHint::AnyPath)]
    pub check: Option<Vec<PathBuf>>,

    /// Print a shell completion script or the man page
    #[arg(long, value_enum, value_name = "KIND")]
    pub generate: Option<Generate>,
}

/// What `--generate` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    CompleteBash,
    CompleteZsh,
    CompleteFish,
    CompletePowershell,
    CompleteElvish,
    Man,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl Cli {
    /// The output format, with `--json` folded in.
    pub fn format(&self) -> Format {
        if self.json { Format::Json } else { self.format }
    }
}

impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &Lang::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            Lang::Id => "Indonesian",
            Lang::En => "English",
        };
        Some(PossibleValue::new(self.code()).help(help))
    }
}

impl ValueEnum for SectionKey {
    fn value_variants<'a>() -> &'a [Self] {
        SectionKey::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.key()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn later_json_or_format_wins() {
        let cli = Cli::parse_from(["kamus", "--format", "markdown", "--json", "x"]);
        assert_eq!(cli.format(), Format::Json);
        let cli = Cli::parse_from(["kamus", "--json", "--format", "markdown", "x"]);
        assert_eq!(cli.format(), Format::Markdown);
    }

    #[test]
    fn sections_split_at_commas_and_repeat() {
        let cli = Cli::parse_from(["kamus", "-s", "duties,skills", "-s", "related", "x"]);
        assert_eq!(
            cli.sections,
            [SectionKey::Duties, SectionKey::Skills, SectionKey::Related]
        );
    }
}
