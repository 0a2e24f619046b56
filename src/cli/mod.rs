//! Command-line interface: one file per subcommand, each an `Args` struct and a `run`
//! that builds library options, calls the library and prints.

mod eval;
mod extract;
mod figures;
mod ingest;
mod progress;
mod search;
mod text;
mod trials;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Danish municipal minutes and status reports (PDF) turned into records and search.
#[derive(Debug, Parser)]
#[command(name = "referat", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the extracted text of PDFs, pages separated by form feeds.
    Text(text::Args),
    /// Print the records (trials, figures, decisions, metadata) of PDFs.
    Extract(extract::Args),
    /// Extract every PDF under the paths and write the search index.
    Ingest(ingest::Args),
    /// Search the index: ranked pages with snippets.
    Search(search::Args),
    /// List figures (kr., %, counts, durations) from the index.
    Figures(figures::Args),
    /// The trial x municipality table from the index.
    Trials(trials::Args),
    /// Score text against truth/ and records against gold/ on the shipped corpus.
    Eval(eval::Args),
}

/// Options shared by the commands that read an index.
#[derive(Debug, clap::Args)]
struct IndexArg {
    /// Index directory.
    #[arg(long, env = "REFERAT_INDEX", default_value = "index")]
    index: PathBuf,
}

/// The catalog option shared by the commands that extract records.
#[derive(Debug, clap::Args)]
struct CatalogArg {
    /// Extra known trials and aliases (same format as data/trials.json).
    #[arg(long, env = "REFERAT_TRIALS")]
    trials: Option<PathBuf>,
}

impl CatalogArg {
    /// The built-in catalog, extended by the user's trials file when given.
    fn load(&self) -> anyhow::Result<referat::extract::Catalog> {
        Ok(match &self.trials {
            Some(path) => referat::extract::Catalog::with_trials_file(path)?,
            None => referat::extract::Catalog::builtin(),
        })
    }
}

/// How a command ended, when it did not fail outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything worked.
    Success,
    /// Some inputs failed (reported on stderr); the rest was done.
    SomeFailed,
}

impl From<Outcome> for std::process::ExitCode {
    fn from(o: Outcome) -> Self {
        match o {
            Outcome::Success => std::process::ExitCode::SUCCESS,
            Outcome::SomeFailed => std::process::ExitCode::from(1),
        }
    }
}

/// Output format of table-like commands.
#[derive(Debug, Clone, Copy, clap::ValueEnum, Default)]
enum Format {
    /// Aligned text for people.
    #[default]
    Table,
    /// Comma-separated values.
    Csv,
    /// JSON Lines, one object per row.
    Json,
}

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Text(a) => text::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Ingest(a) => ingest::run(a),
        Command::Search(a) => search::run(a),
        Command::Figures(a) => figures::run(a),
        Command::Trials(a) => trials::run(a),
        Command::Eval(a) => eval::run(a),
    }
}

/// Stdout, locked and buffered; writes propagate broken pipes as errors.
fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

/// Rows as JSON Lines, one object per line.
fn write_json_lines<T: serde::Serialize>(
    out: &mut impl std::io::Write,
    rows: &[T],
) -> anyhow::Result<()> {
    for row in rows {
        serde_json::to_writer(&mut *out, row)?;
        writeln!(out)?;
    }
    Ok(())
}
