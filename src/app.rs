//! The program's shape: answer shell completion, parse the command line,
//! resolve the settings, load the glossary, run the one mode asked for,
//! write what it produced (through a pager when it is long), and map the
//! outcome to an exit status.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};

use crate::cli::Cli;
use crate::export;
use crate::glossary::Glossary;
use crate::messages::Message;
use crate::mode;
use crate::model::Lang;
use crate::pager;
use crate::report::{Report, Status};
use crate::settings::{self, Pager, Settings};
use crate::user;
use crate::validate::escaped;

/// Runs kamus on the real process: arguments, environment, stdout, stderr.
pub fn main() -> ExitCode {
    // A shell asking for completions (`KAMUS_COMPLETE=bash kamus -- …`) is
    // answered here, before anything else is written.
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(mode::generate::COMPLETE_VAR)
        .complete();
    let bare = std::env::args_os().len() <= 1;
    let cli = Cli::parse();
    let terminal = settings::terminal();
    let settings = match Settings::resolve(&cli, &|name| std::env::var(name).ok(), terminal) {
        Ok(settings) => settings,
        Err(bad) => {
            // The language is what is wrong, so the message has both.
            let set = format!("{}={}", bad.name, bad.value);
            let report = Report::error(format!(
                "{set} bukan bahasa yang dikenal, pakai id atau en / {set} is not a language; use id or en"
            ));
            return finish(report, None, Lang::Id);
        }
    };
    if let Some(message) = usage_error(&cli) {
        if bare && terminal.is_some() {
            let mut report = Report::new(Status::Found);
            report.out = Message::ShortHelp.text(settings.lang);
            return finish(report, None, settings.lang);
        }
        Cli::command()
            .error(
                ErrorKind::MissingRequiredArgument,
                message.text(settings.lang),
            )
            .exit();
    }
    let (glossary, skipped) = if cli.generate.is_some() || cli.check.is_some() {
        (Glossary::built_in(), 0)
    } else {
        user::glossary_from_env()
    };
    let mut report = run(&cli, &settings, &glossary);
    if skipped > 0 {
        let message = Message::Skipped { count: skipped }.text(settings.lang);
        report.notes.insert(0, format!("kamus: {message}"));
    }
    finish(report, settings.pager.as_ref(), settings.lang)
}

/// What is wrong with a command line that clap accepted, if anything:
/// a lookup without a term, or `--list` given one.
fn usage_error(cli: &Cli) -> Option<Message<'_>> {
    let lookup = !(cli.list || cli.search.is_some() || cli.random)
        && cli.check.is_none()
        && cli.generate.is_none()
        && cli.export.is_none();
    if lookup && cli.term.is_empty() {
        return Some(Message::NoTerm);
    }
    if cli.list && !cli.term.is_empty() {
        // `kamus -l en seo` meant `-L en`.
        return Some(match cli.term.first().and_then(|t| Lang::from_code(t)) {
            Some(_) => Message::ListIsNotLang { lang: &cli.term[0] },
            None => Message::ListTakesNoTerm,
        });
    }
    None
}

/// Writes a report out, through `pager` when one is set and the output is
/// taller than the screen, and turns it into the exit status. A reader
/// that closed the pipe early is a quiet success.
fn finish(report: Report, pager: Option<&Pager>, lang: Lang) -> ExitCode {
    let mut stderr = io::stderr().lock();
    for note in &report.notes {
        // Notes quote queries, file names and file text: none may act.
        let _ = writeln!(stderr, "{}", escaped(note));
    }
    let status = ExitCode::from(report.status as u8);
    if let Some(pager) = pager.filter(|p| pager::wanted(&report.out, p.above)) {
        // A pager that cannot start leaves the text to be printed here.
        if pager::page(&pager.command, &report.out).is_ok() {
            return status;
        }
    }
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(report.out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => status,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let error = e.to_string();
            let message = Message::CannotWrite { error: &error }.text(lang);
            let _ = writeln!(stderr, "kamus: {}", escaped(&message));
            ExitCode::from(Status::Error as u8)
        }
    }
}

/// Runs the mode `cli` asks for.
pub fn run(cli: &Cli, settings: &Settings, glossary: &Glossary) -> Report {
    if let Some(kind) = cli.generate {
        mode::generate::run(kind, settings.lang)
    } else if let Some(paths) = &cli.check {
        mode::check::run(paths, settings.lang)
    } else if let Some([format, dir]) = cli.export.as_deref() {
        let format = format.to_string_lossy();
        export::run(glossary, settings.lang, &format, std::path::Path::new(dir))
    } else if cli.list {
        mode::list::run(settings, glossary, cli.long)
    } else if let Some(query) = &cli.search {
        let words = std::iter::once(query.as_str()).chain(cli.term.iter().map(String::as_str));
        let query: Vec<&str> = words.filter(|w| !w.is_empty()).collect();
        mode::find::run(settings, glossary, &query.join(" "), cli.limit)
    } else if cli.random {
        mode::show::random(cli, settings, glossary)
    } else {
        mode::show::look_up(cli, settings, glossary)
    }
}
