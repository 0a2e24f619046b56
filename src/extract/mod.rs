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
use std::cell::Cell;
use std::time::{Duration, Instant};

/// How long the records of one document may take. Reading is linear in the text, but a
/// text of thousands of pages naming hundreds of trials takes minutes, and one file must
/// not hold up a batch: the stages that read paragraph by paragraph stop at the first
/// paragraph they come to after the deadline, and [`extract_within`] says where.
pub struct Budget {
    deadline: Option<Instant>,
    /// The first paragraph a stage did not read.
    stopped: Cell<Option<usize>>,
}

impl Budget {
    /// No deadline: every paragraph is read.
    pub fn unlimited() -> Budget {
        Budget {
            deadline: None,
            stopped: Cell::new(None),
        }
    }

    /// A deadline this long from now.
    pub fn of(time: Duration) -> Budget {
        Budget {
            deadline: Instant::now().checked_add(time),
            stopped: Cell::new(None),
        }
    }

    /// Whether paragraph `i` may still be read (noting where reading stopped if not).
    fn allows(&self, i: usize) -> bool {
        if self.deadline.is_none_or(|d| Instant::now() <= d) {
            return true;
        }
        self.stopped
            .set(Some(self.stopped.get().map_or(i, |s| s.min(i))));
        false
    }
}

/// Extracts the records of one document from its page texts.
pub fn extract(text: &DocumentText, catalog: &Catalog) -> Document {
    extract_within(text, catalog, &Budget::unlimited()).0
}

/// Extracts the records of one document within `budget`; with the page where reading
/// stopped when the budget ran out (the records then come from the pages before it).
pub fn extract_within(
    text: &DocumentText,
    catalog: &Catalog,
    budget: &Budget,
) -> (Document, Option<u32>) {
    trials::forget_mentions();
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
    let discovery = trials::discover(catalog, &paras, &items, title.as_deref(), budget);
    let figures = attribution::figures(catalog, &paras, &items, &discovery, budget);
    let document = Document {
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
    };
    let stopped = budget
        .stopped
        .get()
        .map(|i| paras.get(i).map_or(0, |p| p.page));
    (document, stopped)
}
