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
// At most one mode; none is a lookup of TERM. Which combinations need a
// term is decided in `app`, so its errors can say what was meant.
#[command(group(ArgGroup::new("mode").multiple(false).args(["list", "search", "random", "check", "generate", "export"])))]
#[command(after_help = "\
Examples:
  kamus back-end-developer            the whole entry, in Indonesian
  kamus backend developer -L en       the same entry in English
  kamus sql-injection -s pencegahan   one section, by key or heading
  kamus --json api | jq -r .definition
  kamus -S prepared statement         full-text search
  kamus --list --long | fzf --preview \\
      'kamus --color=always -w \"$FZF_PREVIEW_COLUMNS\" {1}'

Exit status: 0 found, 1 nothing matched, 2 usage or data error.")]
pub struct Cli {
    /// The term to look up: a slug, an alias or a near miss; several words are joined by spaces. With -S, the words to search for
    #[arg(value_name = "TERM", add = ArgValueCandidates::new(crate::complete::term_candidates))]
    pub term: Vec<String>,

    /// Print the title line and only these sections (repeatable, or comma-separated): a key or a heading in either language, any case
    #[arg(short, long = "section", value_name = "NAME", value_delimiter = ',', ignore_case = true, conflicts_with_all = ["list", "search"])]
    pub sections: Vec<SectionKey>,

    /// Content language, also of kamus's own messages [default: $KAMUS_LANG, else id]
    #[arg(short = 'L', long, value_name = "LANG", ignore_case = true)]
    pub lang: Option<Lang>,

    /// Short for --lang en
    #[arg(long, hide = true, conflicts_with_all = ["lang", "id"])]
    pub en: bool,

    /// Short for --lang id
    #[arg(long, hide = true, conflicts_with = "lang")]
    pub id: bool,

    /// Output format
    #[arg(
        short,
        long,
        value_enum,
        value_name = "FORMAT",
        default_value = "text",
        ignore_case = true,
        overrides_with_all = ["json", "markdown"]
    )]
    pub format: Format,

    /// Short for --format json
    #[arg(long, overrides_with_all = ["format", "markdown"])]
    pub json: bool,

    /// Short for --format markdown
    #[arg(long, overrides_with_all = ["format", "json"])]
    pub markdown: bool,

    /// Only a slug or alias counts: no fuzzy matching
    #[arg(short, long, conflicts_with_all = ["list", "search"])]
    pub exact: bool,

    /// When to colour the output: auto follows the terminal, NO_COLOR and CLICOLOR_FORCE
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    /// Wrap text at N columns; 0 never wraps [default: the terminal's width, at most 100; no wrapping when piped]
    #[arg(short, long, value_name = "N")]
    pub width: Option<usize>,

    /// When to page long output: auto pages what is taller than the terminal through $KAMUS_PAGER, $PAGER or less -FRX
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        default_value = "auto",
        overrides_with = "no_pager"
    )]
    pub pager: PagerChoice,

    /// Short for --pager never
    #[arg(long, overrides_with = "pager")]
    pub no_pager: bool,

    /// Print every slug, one a line, sorted
    #[arg(short, long)]
    pub list: bool,

    /// With --list: slug, term and aliases a line, separated by tabs (for fzf)
    #[arg(long, requires = "list")]
    pub long: bool,

    /// Full-text search in the chosen language, best first; the words may also follow as TERM
    #[arg(short = 'S', long, value_name = "QUERY", num_args = 0..=1, default_missing_value = "")]
    pub search: Option<String>,

    /// At most N search hits; 0 prints them all
    #[arg(short = 'n', long, value_name = "N", default_value_t = 10)]
    pub limit: usize,

    /// Show one entry picked at random
    #[arg(long, conflicts_with = "term")]
    pub random: bool,

    /// Check glossary files or folders (default: those in KAMUS_PATH); every problem as file:line:col: message
    #[arg(long, value_name = "PATH", num_args = 0.., value_hint = ValueHint::AnyPath, conflicts_with = "term")]
    pub check: Option<Vec<PathBuf>>,

    /// Print a shell completion script or the man page
    #[arg(long, value_enum, value_name = "KIND", conflicts_with = "term")]
    pub generate: Option<Generate>,

    /// Write the glossary (with KAMUS_PATH, in --lang) into DIR for other dictionary programs: stardict (sdcv, GoldenDict, KOReader) or dictd
    #[arg(long, num_args = 2, value_names = ["FORMAT", "DIR"], conflicts_with = "term", value_hint = ValueHint::DirPath)]
    pub export: Option<Vec<std::ffi::OsString>>,
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
    #[value(alias = "md")]
    Markdown,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PagerChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl Cli {
    /// The output format, with `--json` and `--markdown` folded in.
    pub fn format(&self) -> Format {
        if self.json {
            Format::Json
        } else if self.markdown {
            Format::Markdown
        } else {
            self.format
        }
    }

    /// The pager choice, with `--no-pager` folded in.
    pub fn pager(&self) -> PagerChoice {
        if self.no_pager {
            PagerChoice::Never
        } else {
            self.pager
        }
    }

    /// The language the flags ask for, if they ask.
    pub fn lang_flag(&self) -> Option<Lang> {
        match (self.lang, self.en, self.id) {
            (Some(lang), _, _) => Some(lang),
            (None, true, _) => Some(Lang::En),
            (None, false, true) => Some(Lang::Id),
            (None, false, false) => None,
        }
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

    /// The key, with each heading in both languages as a hidden alias:
    /// `tugas` and `Duties` name `duties`; a heading of several words is
    /// also taken with hyphens (`lihat-juga`). Case is ignored by the arg.
    fn to_possible_value(&self) -> Option<PossibleValue> {
        let mut aliases: Vec<String> = Vec::new();
        for lang in Lang::ALL {
            let label = self.label(lang).to_lowercase();
            aliases.push(label.replace(' ', "-"));
            aliases.push(label);
        }
        aliases.sort();
        aliases.dedup();
        aliases.retain(|a| a != self.key());
        Some(PossibleValue::new(self.key()).aliases(aliases))
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
