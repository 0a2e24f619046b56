//! `referat text FILE...`: the extracted text, pages separated by form feeds.

use super::Outcome;
use referat::pdf::Limits;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `referat text`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// PDF files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Also print running headers and footers (after each page's text, marked).
    #[arg(long)]
    furniture: bool,
    /// Extract this many files at once (output stays in argument order).
    #[arg(short = 'j', long, default_value_t = 1)]
    jobs: usize,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let limits = Limits::default();
    // The text stage turns a panic on one file into that file's error.
    let extract = |file: &PathBuf| referat::text::extract_file(file, &limits);
    let results: Vec<_> = if args.jobs > 1 {
        use rayon::prelude::*;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(args.jobs)
            .build()?;
        pool.install(|| args.files.par_iter().map(extract).collect())
    } else {
        args.files.iter().map(extract).collect()
    };
    let mut out = super::stdout();
    let mut outcome = Outcome::Success;
    for (i, (file, result)) in args.files.iter().zip(results).enumerate() {
        match result {
            Ok(doc) => {
                if i > 0 {
                    out.write_all(b"\x0c")?;
                }
                for (n, page) in doc.pages.iter().enumerate() {
                    if n > 0 {
                        out.write_all(b"\x0c")?;
                    }
                    out.write_all(page.text.as_bytes())?;
                    if !page.text.ends_with('\n') && !page.text.is_empty() {
                        out.write_all(b"\n")?;
                    }
                    if args.furniture {
                        for f in &page.furniture {
                            writeln!(out, "[furniture] {f}")?;
                        }
                    }
                }
                let missing = doc.pages_without_text();
                if !missing.is_empty() {
                    eprintln!(
                        "{}: no text layer on page(s) {} (needs OCR)",
                        file.display(),
                        list(&missing)
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

/// `1, 2, 5`.
pub fn list(pages: &[u32]) -> String {
    pages
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
