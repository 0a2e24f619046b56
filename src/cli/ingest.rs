//! `referat ingest [PATH...] [--index DIR]`: extract every PDF under the paths in
//! parallel and write the index; a summary on stderr, an optional JSON Lines report.

use super::{IndexArg, Outcome};
use anyhow::Context;
use referat::ingest::{FileStatus, IngestOptions};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `referat ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders to ingest. Folders are searched for PDFs (by name or content;
    /// hidden entries passed over); other files are listed as skipped in the report.
    #[arg(default_value = "corpus/pdf")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    index: IndexArg,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, default_value_t = 0)]
    jobs: usize,
    /// Remove indexed documents whose files are gone.
    #[arg(long)]
    prune: bool,
    /// Write one JSON line per file (status, pages, records, error) to this file.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Commit after this many new or changed documents (and at least every 10 s).
    #[arg(long, default_value_t = 200)]
    commit_every: usize,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    catalog: super::CatalogArg,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let mut options = IngestOptions::new(
        args.paths.clone(),
        args.index.index.clone(),
        args.catalog.load()?,
    );
    options.threads = args.jobs;
    options.prune = args.prune;
    options.commit_every = args.commit_every.max(1);

    // Panics are reported per file by the library; the default hook would also print a
    // backtrace notice in the middle of the progress bar.
    std::panic::set_hook(Box::new(|_| {}));
    let progress = super::progress::Progress::new(args.quiet);
    let report = referat::ingest::ingest(&options, &progress)?;
    progress.finish();

    if let Some(path) = &args.report {
        let file = fs_err::File::create(path)?;
        let mut w = std::io::BufWriter::new(file);
        super::write_json_lines(&mut w, &report.files)?;
        w.flush()
            .with_context(|| format!("writing report {}", path.display()))?;
    }

    for f in report.failures() {
        eprintln!("failed: {}", f.error.as_deref().unwrap_or("unknown error"));
    }
    for f in &report.files {
        for w in &f.page_warnings {
            eprintln!("warning: {}: {w}", f.path);
        }
        if !f.no_text_layer.is_empty() {
            eprintln!(
                "warning: {}: no text layer on page(s) {} (needs OCR; not searchable)",
                f.path,
                super::text::list(&f.no_text_layer)
            );
        }
    }
    let records: usize = report
        .files
        .iter()
        .map(|f| f.trials + f.figures + f.decisions)
        .sum();
    eprintln!(
        "{} files: {} new, {} changed, {} unchanged, {} moved, {} failed{}{}{}; {} pages, {} trials, {} figures, {} decisions ({} records) in {:.1} s -> {}",
        report.files.len(),
        report.count(FileStatus::New),
        report.count(FileStatus::Changed),
        report.count(FileStatus::Unchanged),
        report.count(FileStatus::Moved),
        report.count(FileStatus::Failed),
        match report.count(FileStatus::Reextracted) {
            0 => String::new(),
            n => format!(", {n} re-extracted (read by another extractor version or trials catalog)"),
        },
        match report.count(FileStatus::Skipped) {
            0 => String::new(),
            n => format!(", {n} skipped (not PDF)"),
        },
        if report.removed > 0 { format!(", {} removed", report.removed) } else { String::new() },
        report.pages(),
        report.files.iter().map(|f| f.trials).sum::<usize>(),
        report.files.iter().map(|f| f.figures).sum::<usize>(),
        report.files.iter().map(|f| f.decisions).sum::<usize>(),
        records,
        report.seconds,
        args.index.index.display(),
    );
    Ok(if report.count(FileStatus::Failed) > 0 {
        Outcome::SomeFailed
    } else {
        Outcome::Success
    })
}
