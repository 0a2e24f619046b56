//! referat: Danish municipal committee minutes and status reports (PDF) turned into
//! structured records and a searchable index.
//!
//! The pipeline, one module per stage, each handing the next plain data:
//!
//! ```text
//! Path --pdf::load--> pdf::PdfDocument --text::extract--> text::DocumentText
//!      --extract::extract--> extract::Document --index::IndexStore--> search, figures, trials
//! ```
//!
//! `ingest` runs the first three stages over many files in parallel and feeds one index
//! writer; `eval` measures text against `truth/` and records against `gold/`.
#![warn(missing_docs)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod error;
pub mod eval;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod pdf;
pub mod text;

pub use error::{Error, Result};
