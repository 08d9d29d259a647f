//! The program's shape: answer shell completion, parse the command line,
//! resolve the settings, load the glossary, run the one mode asked for,
//! write what it produced, and map the outcome to an exit status.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use crate::cli::Cli;
use crate::glossary::Glossary;
use crate::mode;
use crate::report::{Report, Status};
use crate::settings::Settings;
use crate::user;
use crate::validate::escaped;

/// Runs kamus on the real process: arguments, environment, stdout, stderr.
pub fn main() -> ExitCode {
    // A shell asking for completions (`KAMUS_COMPLETE=bash kamus -- …`) is
    // answered here, before anything else is written.
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(mode::generate::COMPLETE_VAR)
        .complete();
    let cli = Cli::parse();
    let settings = Settings::resolve(
        &cli,
        &|name| std::env::var(name).ok(),
        io::stdout().is_terminal(),
    );
    let (glossary, skipped) = if cli.generate.is_some() || cli.check.is_some() {
        (Glossary::built_in(), 0)
    } else {
        user::glossary_from_env()
    };
    let mut report = run(&cli, &settings, &glossary);
    if skipped > 0 {
        let plural = if skipped == 1 { "" } else { "s" };
        report.notes.insert(
            0,
            format!("kamus: KAMUS_PATH: {skipped} file{plural} skipped for problems; `kamus --check` lists them"),
        );
    }
    finish(report)
}

/// Writes a report out and turns it into the exit status. A reader that
/// closed the pipe early is a quiet success.
fn finish(report: Report) -> ExitCode {
    let mut stderr = io::stderr().lock();
    for note in &report.notes {
        // Notes quote queries, file names and file text: none may act.
        let _ = writeln!(stderr, "{}", escaped(note));
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
    if let Some(kind) = cli.generate {
        mode::generate::run(kind)
    } else if let Some(paths) = &cli.check {
        mode::check::run(paths)
    } else if cli.list {
        mode::list::run(settings, glossary)
    } else if let Some(query) = &cli.search {
        mode::find::run(settings, glossary, query, cli.limit)
    } else if cli.random {
        mode::show::random(cli, settings, glossary)
    } else {
        mode::show::look_up(cli, settings, glossary)
    }
}
