//! `referat trials [--format csv|json]`: which municipality takes part in which trial,
//! in which rounds, and the documents that say so.

use super::{Format, IndexArg, Outcome};
use referat::index::IndexStore;
use std::collections::BTreeMap;
use std::io::Write;

/// Arguments of `referat trials`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    index: IndexArg,
    /// Output format (table: one line per trial; csv/json: one row per trial and municipality).
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let store = IndexStore::open(&args.index.index)?;
    let rows = store.trials()?;
    let mut out = super::stdout();
    match args.format {
        Format::Json => super::write_json_lines(&mut out, &rows)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(["trial", "municipality", "rounds", "documents"])?;
            for r in &rows {
                let rounds: Vec<String> = r.rounds.iter().map(|n| n.to_string()).collect();
                w.write_record([
                    r.trial.as_str(),
                    r.municipality.as_str(),
                    rounds.join(";").as_str(),
                    r.documents.join(";").as_str(),
                ])?;
            }
            w.flush()?;
        }
        Format::Table => {
            let mut by_trial: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for r in &rows {
                by_trial.entry(&r.trial).or_default().push(&r.municipality);
            }
            for (trial, munis) in by_trial {
                writeln!(out, "{trial}\n    {} ({})", munis.join(", "), munis.len())?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}
