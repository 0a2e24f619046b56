//! `referat eval [--corpus DIR]`: word agreement of `text` with `truth/` and
//! precision/recall/F1 of records against `gold/`, on the shipped corpus.

use super::Outcome;
use referat::pdf::Limits;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `referat eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder with pdf/, truth/ and gold/.
    #[arg(long, default_value = "corpus")]
    corpus: PathBuf,
    /// Count page furniture (running headers, footers, page numbers) as text, for
    /// comparing with a layout-free extractor's output as truth (scripts/eval-robustness.sh).
    #[arg(long)]
    furniture: bool,
    /// One JSON object with every number instead of tables.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    catalog: super::CatalogArg,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let catalog = args.catalog.load()?;
    let report =
        referat::eval::evaluate_with(&args.corpus, &Limits::default(), &catalog, args.furniture)?;
    let mut out = super::stdout();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write!(out, "{report}")?;
    }
    out.flush()?;
    Ok(Outcome::Success)
}
