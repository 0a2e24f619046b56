//! `referat figures [filters] [--format csv|json]`: figures with their provenance.

use super::{Format, IndexArg, Outcome};
use referat::index::{FigureFilter, IndexStore};
use std::io::Write;

/// Arguments of `referat figures`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    index: IndexArg,
    /// Only figures of this trial (name or alias).
    #[arg(long)]
    trial: Option<String>,
    /// Only figures whose sentence names this municipality.
    #[arg(long)]
    municipality: Option<String>,
    /// Only this unit: DKK, percent, count, weeks, months, years, hours, days.
    #[arg(long)]
    unit: Option<String>,
    /// Smallest value.
    #[arg(long)]
    min: Option<f64>,
    /// Largest value.
    #[arg(long)]
    max: Option<f64>,
    /// Count the figures of every version of a document (default: one version).
    #[arg(long)]
    all_versions: bool,
    /// Only figures of documents dated on or after (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Only figures of documents dated on or before (`--to 2019`: all of 2019).
    #[arg(long)]
    to: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let store = IndexStore::open(&args.index.index)?;
    let rows = store.figures(&FigureFilter {
        trial: args.trial,
        municipality: args.municipality,
        unit: args.unit,
        min: args.min,
        max: args.max,
        all_versions: args.all_versions,
        from: args.from,
        to: args.to,
    })?;
    let mut out = super::stdout();
    match args.format {
        Format::Json => super::write_json_lines(&mut out, &rows)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            for r in &rows {
                w.serialize(r)?;
            }
            w.flush()?;
        }
        Format::Table => {
            for r in &rows {
                writeln!(
                    out,
                    "{:>14} {:<8} {:<32} {:<10} {:<18} {}  p.{}  {}",
                    fmt_value(r.value),
                    r.unit,
                    r.raw,
                    r.date.as_deref().unwrap_or("-"),
                    r.municipality.as_deref().unwrap_or("-"),
                    r.source,
                    r.page,
                    r.trial.as_deref().unwrap_or("-")
                )?;
            }
        }
    }
    out.flush()?;
    eprintln!("{} figure(s)", rows.len());
    Ok(Outcome::Success)
}

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}
