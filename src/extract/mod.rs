//! The `extract` stage: page texts (the [`crate::text`] format) to the records of
//! `records.md`: document metadata, trials with their municipalities, figures and
//! decisions. Does no I/O besides loading data files, so it is what snapshot tests cover.

pub mod document;

pub use document::{Decision, Document, DocumentKind, Figure, Trial, SCHEMA};

use crate::text::DocumentText;

/// Known trials and municipalities, loaded from data files.
///
/// PLACEHOLDER of the skeleton; the real catalog loads `data/`.
#[derive(Debug, Clone, Default)]
pub struct Catalog {}

impl Catalog {
    /// The catalog compiled into the binary (`data/`).
    pub fn builtin() -> Catalog {
        Catalog {}
    }

    /// The built-in catalog extended by a user's trials file (same format as
    /// `data/trials.json`), so users add trials and aliases without recompiling.
    pub fn with_trials_file(path: &std::path::Path) -> crate::Result<Catalog> {
        let _ = path;
        Ok(Catalog {})
    }
}

/// Extracts the records of one document from its page texts.
///
/// PLACEHOLDER of the skeleton: metadata only.
pub fn extract(text: &DocumentText, catalog: &Catalog) -> Document {
    let _ = catalog;
    Document {
        schema: SCHEMA.to_string(),
        source: text.source.clone(),
        sha256: text.sha256.clone(),
        pages: text.pages.len() as u32,
        kind: DocumentKind::Other,
        title: None,
        date: None,
        body: None,
        case_numbers: vec![],
        trials: vec![],
        figures: vec![],
        decisions: vec![],
    }
}
