//! What kamus does with a parsed command line: resolve the settings once,
//! run the one mode asked for, and say how it ended.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use crate::cli::{Cli, ColorChoice, Format};
use crate::glossary::Glossary;
use crate::lookup::{self, Found, Method, Outcome};
use crate::model::{Lang, SectionKey};
use crate::normalize::normalize;
use crate::render::json::{self, EntryJson, Named, NotFoundJson};
use crate::render::{View, markdown, shown, text};
use crate::search;
use crate::style::Style;

/// How a run ended; the exit status is the discriminant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Something was printed.
    Found = 0,
    /// Nothing matched.
    NotFound = 1,
    /// A usage or data error.
    Error = 2,
}

/// What a run produced: standard output, lines for standard error, and the
/// status. Kept apart from the writing so every mode is a plain function.
pub struct Report {
    pub out: String,
    pub notes: Vec<String>,
    pub status: Status,
}

impl Report {
    fn new(status: Status) -> Report {
        Report {
            out: String::new(),
            notes: Vec::new(),
            status,
        }
    }

    fn error(message: impl Into<String>) -> Report {
        let mut report = Report::new(Status::Error);
        report.note(message);
        report
    }

    fn note(&mut self, message: impl Into<String>) {
        self.notes.push(format!("kamus: {}", message.into()));
    }
}

/// The decisions every mode reads: made once, from flags, then the
/// environment, then the terminal.
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

/// Runs kamus on the real process: arguments, environment, stdout, stderr.
pub fn main() -> ExitCode {
    let cli = <Cli as clap::Parser>::parse();
    let stdout_is_terminal = io::stdout().is_terminal();
    let settings = Settings::resolve(&cli, &|name| std::env::var(name).ok(), stdout_is_terminal);
    let glossary = Glossary::built_in();
    let report = run(&cli, &settings, &glossary);
    finish(report)
}

/// Writes a report out and turns it into the exit status. A reader that
/// closed the pipe early is a quiet success.
fn finish(report: Report) -> ExitCode {
    let mut stderr = io::stderr().lock();
    for note in &report.notes {
        let _ = writeln!(stderr, "{note}");
    }
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(report.out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::from(report.status as u8),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(stderr, "kamus: cannot write the output: {e}");
            ExitCode::from(Status::Error as u8)
        }
    }
}

/// Runs the mode `cli` asks for.
pub fn run(cli: &Cli, settings: &Settings, glossary: &Glossary) -> Report {
    if cli.list {
        list(settings, glossary)
    } else if let Some(query) = &cli.search {
        find(settings, glossary, query)
    } else {
        look_up(cli, settings, glossary)
    }
}

fn list(settings: &Settings, glossary: &Glossary) -> Report {
    let mut report = Report::new(Status::Found);
    let entries = glossary.entries();
    report.out = match settings.format {
        Format::Text => entries.iter().map(|e| format!("{}\n", e.slug)).collect(),
        Format::Markdown => entries
            .iter()
            .map(|e| format!("- `{}` — {}\n", e.slug, e.term.get(settings.lang)))
            .collect(),
        Format::Json => json::to_string(
            &entries
                .iter()
                .map(|e| Named {
                    slug: &e.slug,
                    term: e.term.get(settings.lang),
                    kind: Some(e.kind.key()),
                    score: None,
                    snippet: None,
                })
                .collect::<Vec<_>>(),
        ),
    };
    report
}

fn find(settings: &Settings, glossary: &Glossary, query: &str) -> Report {
    if normalize(query).is_empty() {
        return Report::error("the search query has no letters or digits");
    }
    let hits = search::search(glossary, query, settings.lang);
    let mut report = Report::new(if hits.is_empty() {
        Status::NotFound
    } else {
        Status::Found
    });
    if hits.is_empty() {
        report.note(format!("nothing found for '{}'", shown(query)));
    }
    let lang = settings.lang;
    let term = |i: usize| glossary.entry(i).term.get(lang);
    let slug = |i: usize| &*glossary.entry(i).slug;
    report.out = match settings.format {
        Format::Text => {
            let pad = hits.iter().map(|h| slug(h.entry).len()).max().unwrap_or(0);
            let style = settings.style;
            hits.iter()
                .map(|h| {
                    let name = style.paint(crate::style::Piece::Slug, slug(h.entry));
                    let gap = " ".repeat(pad - slug(h.entry).len());
                    format!("{name}{gap}  {}: {}\n", term(h.entry), h.snippet)
                })
                .collect()
        }
        Format::Markdown => hits
            .iter()
            .map(|h| {
                format!(
                    "- `{}` — **{}**: {}\n",
                    slug(h.entry),
                    term(h.entry),
                    h.snippet
                )
            })
            .collect(),
        Format::Json => json::to_string(
            &hits
                .iter()
                .map(|h| Named {
                    slug: slug(h.entry),
                    term: term(h.entry),
                    kind: None,
                    score: Some(f64::from(h.score)),
                    snippet: Some(&h.snippet),
                })
                .collect::<Vec<_>>(),
        ),
    };
    report
}

fn look_up(cli: &Cli, settings: &Settings, glossary: &Glossary) -> Report {
    let query = cli.term.join(" ");
    if normalize(&query).is_empty() {
        return Report::error("nothing to look up: the term has no letters or digits");
    }
    match lookup::lookup(glossary, &query, cli.exact) {
        Outcome::Found(found) => show(cli, settings, glossary, &query, found),
        Outcome::NotFound(suggestions) => not_found(settings, glossary, &query, &suggestions),
    }
}

fn show(cli: &Cli, settings: &Settings, glossary: &Glossary, query: &str, found: Found) -> Report {
    let entry = glossary.entry(found.entry);
    let mut report = Report::new(Status::Found);
    if found.method == Method::Fuzzy {
        report.note(format!("showing '{}' for '{}'", entry.slug, shown(query)));
    }
    let wanted: Option<&[SectionKey]> = (!cli.sections.is_empty()).then_some(&cli.sections[..]);
    if let Some(wanted) = wanted {
        let has = entry.section_keys();
        let missing: Vec<&str> = wanted
            .iter()
            .filter(|k| !has.contains(k))
            .map(|k| k.key())
            .collect();
        if !missing.is_empty() {
            let names: Vec<&str> = has.iter().map(|k| k.key()).collect();
            report.note(format!(
                "'{}' has no section {}; it has: {}",
                entry.slug,
                missing.join(", "),
                names.join(", ")
            ));
            if missing.len() == wanted.len() {
                report.status = Status::NotFound;
                return report;
            }
        }
    }
    let view = View::new(glossary, entry, settings.lang, wanted);
    report.out = match settings.format {
        Format::Text => text::render(&view, settings.style, settings.width),
        Format::Markdown => markdown::render(&view),
        Format::Json => json::to_string(&EntryJson::new(&view, query, found)),
    };
    report
}

fn not_found(
    settings: &Settings,
    glossary: &Glossary,
    query: &str,
    suggestions: &[(usize, f64)],
) -> Report {
    let mut report = Report::new(Status::NotFound);
    let slugs: Vec<&str> = suggestions
        .iter()
        .map(|&(i, _)| &*glossary.entry(i).slug)
        .collect();
    let query_shown = shown(query);
    if settings.format == Format::Json {
        report.out = json::to_string(&NotFoundJson {
            error: "not_found",
            query,
            suggestions: suggestions
                .iter()
                .map(|&(i, score)| Named {
                    slug: &glossary.entry(i).slug,
                    term: glossary.entry(i).term.get(settings.lang),
                    kind: None,
                    score: Some(json::round(score)),
                    snippet: None,
                })
                .collect(),
        });
    }
    if slugs.is_empty() {
        report.note(format!("'{query_shown}' not found; try kamus --search"));
    } else {
        report.note(format!(
            "'{query_shown}' not found; did you mean: {}?",
            slugs.join(", ")
        ));
    }
    report
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
