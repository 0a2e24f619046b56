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
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let limits = Limits::default();
    let mut out = super::stdout();
    let mut outcome = Outcome::Success;
    for (i, file) in args.files.iter().enumerate() {
        match referat::ingest::guarded(file, || referat::text::extract_file(file, &limits)) {
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
