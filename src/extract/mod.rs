//! The `extract` stage: page texts (the [`crate::text`] format) to the records of
//! `records.md`: document metadata, trials with their municipalities, figures and
//! decisions. Does no I/O besides loading data files, so it is what snapshot tests cover.
//!
//! The steps: [`structure`] splits pages into typed paragraphs; [`trials`] finds trials
//! and the sections they head; [`figures`] reads quantities sentence by sentence with
//! the Danish number grammar of [`numbers`], and `attribution` gives each the trial and
//! municipality it is about; [`decisions`] and [`meta`] read minutes and metadata;
//! [`score`] compares records with gold.

mod attribution;
pub mod catalog;
pub mod decisions;
pub mod document;
mod english;
pub mod figures;
pub mod meta;
pub mod municipalities;
pub mod numbers;
pub mod score;
pub mod structure;
pub mod trials;
pub mod votes;
mod words;

pub use catalog::Catalog;
pub use document::{Decision, Document, DocumentKind, Figure, Trial, SCHEMA};

use crate::text::DocumentText;

/// Extracts the records of one document from its page texts.
pub fn extract(text: &DocumentText, catalog: &Catalog) -> Document {
    let paras = structure::paragraphs(text);
    let furniture: Vec<String> = text
        .pages
        .iter()
        .flat_map(|p| p.furniture.iter().cloned())
        .collect();
    let items = decisions::agenda_items(&paras);
    let body = meta::body(&paras, &furniture);
    // An extract of one agenda item ("6. Prioritering af midler ...") is titled by it
    // when no heading gives a title, or only the body's name does (the masthead of
    // minutes with one item: "Byrådet" over "142. Frikommuneforsøg II – status …").
    let title = match (meta::title(&paras, &furniture), items.as_slice()) {
        (None, [only]) => only.title.clone(),
        (Some(t), [only]) if body.as_deref() == Some(t.as_str()) => only.title.clone().or(Some(t)),
        (title, _) => title,
    };
    let kind = meta::kind(&paras, title.as_deref());
    let discovery = trials::discover(catalog, &paras, &items, title.as_deref());
    let figures = attribution::figures(catalog, &paras, &items, &discovery);
    Document {
        schema: SCHEMA.to_string(),
        source: text.source.clone(),
        sha256: text.sha256.clone(),
        pages: text.pages.len() as u32,
        kind,
        title,
        date: meta::date(&paras, &furniture),
        body,
        case_numbers: meta::case_numbers(&paras, &furniture),
        trials: discovery.trials,
        figures,
        decisions: decisions::decisions(&paras, &items),
    }
}
