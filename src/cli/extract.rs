//! `referat extract FILE... [--json]`: the records of each PDF (records.md), as JSON
//! Lines or as a readable summary.

use super::Outcome;
use referat::extract::Document;
use referat::pdf::Limits;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `referat extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// PDF files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// One JSON object per file (JSON Lines) instead of a summary.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    catalog: super::CatalogArg,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let catalog = args.catalog.load()?;
    let limits = Limits::default();
    let mut out = super::stdout();
    let mut outcome = Outcome::Success;
    for file in &args.files {
        match referat::ingest::extract_file(file, &limits, &catalog) {
            Ok((text, doc)) => {
                if args.json {
                    serde_json::to_writer(&mut out, &doc)?;
                    writeln!(out)?;
                } else {
                    summary(&mut out, &doc)?;
                }
                // (Damaged content, a records budget spent: the page may be incomplete.)
                for p in &text.pages {
                    for w in &p.warnings {
                        eprintln!("{}: page {}: {w}", file.display(), p.number);
                    }
                }
                let missing = text.pages_without_text();
                if !missing.is_empty() {
                    eprintln!(
                        "{}: no text layer on page(s) {} (needs OCR)",
                        file.display(),
                        super::text::list(&missing)
                    );
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                outcome = Outcome::SomeFailed;
            }
        }
    }
    out.flush()?;
    Ok(outcome)
}

fn summary(out: &mut impl Write, d: &Document) -> std::io::Result<()> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
    writeln!(out, "{}", d.source)?;
    writeln!(out, "  kind: {}   pages: {}", d.kind.as_str(), d.pages)?;
    writeln!(out, "  title: {}", opt(&d.title))?;
    writeln!(out, "  date: {}   body: {}", opt(&d.date), opt(&d.body))?;
    if !d.case_numbers.is_empty() {
        writeln!(out, "  case numbers: {}", d.case_numbers.join(", "))?;
    }
    writeln!(out, "  trials: {}", d.trials.len())?;
    for t in &d.trials {
        let mut extra = Vec::new();
        if let Some(r) = t.round {
            extra.push(format!("round {r}"));
        }
        if let Some(s) = &t.start {
            extra.push(format!("from {s}"));
        }
        if let Some(s) = &t.status {
            extra.push(s.clone());
        }
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" ({})", extra.join(", "))
        };
        writeln!(out, "    - {}{extra}", t.name)?;
        if !t.municipalities.is_empty() {
            writeln!(out, "      {}", t.municipalities.join(", "))?;
        }
    }
    writeln!(out, "  figures: {}", d.figures.len())?;
    for f in &d.figures {
        let trial = f
            .trial
            .as_deref()
            .map(|t| format!("  [{t}]"))
            .unwrap_or_default();
        writeln!(
            out,
            "    p.{:<3} {:<28} = {} {}{trial}",
            f.page, f.raw, f.value, f.unit
        )?;
    }
    if !d.decisions.is_empty() {
        writeln!(out, "  decisions: {}", d.decisions.len())?;
        for dec in &d.decisions {
            writeln!(out, "    Punkt {}: {}", dec.item, opt(&dec.title))?;
            writeln!(out, "      Beslutning: {}", dec.decision)?;
            if !dec.absent.is_empty() {
                writeln!(out, "      Fraværende: {}", dec.absent.join(", "))?;
            }
            if let Some(c) = &dec.case_number {
                writeln!(out, "      Sag: {c}")?;
            }
        }
    }
    Ok(())
}
