//! The `index` stage: a tantivy index of pages and records with one Danish analyzer at
//! index and query time, and the queries behind `search`, `figures` and `trials`.
//! Only this module names `tantivy` types.

pub mod analyzer;
mod exclusion;
mod expand;
mod facets;
mod schema;
mod search;
mod store;
mod versions;

use serde::{Deserialize, Serialize};

pub use store::{IndexStore, IndexWriter};

/// A search: free text plus filters.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// The query: words, "phrases", -exclusion, OR.
    pub query: String,
    /// Only documents that name this municipality (any spelling the catalog resolves).
    pub municipality: Option<String>,
    /// Only documents about this trial (name or alias).
    pub trial: Option<String>,
    /// Only this kind (`minutes`, `status_report`, ...).
    pub kind: Option<String>,
    /// Only this issuing body.
    pub body: Option<String>,
    /// Documents dated on or after (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub from: Option<String>,
    /// Documents dated on or before.
    pub to: Option<String>,
    /// Most hits returned.
    pub limit: usize,
    /// Compute facet counts.
    pub facets: bool,
    /// Only pages with every word: when fewer pages than `limit` have them all, the
    /// pages that lack one are not shown after them.
    pub every_word: bool,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// The query as run (after any escaping).
    pub query: String,
    /// Set when the query had to be changed to run (e.g. escaped syntax), saying how.
    pub notice: Option<String>,
    /// Number of pages with every word of the query.
    pub total: usize,
    /// Number of pages with all words but one, when fewer than asked for have every
    /// word (their best follow the full matches in `hits`); else 0.
    pub partial_total: usize,
    /// Number of pages that have a quoted phrase's words a few words apart but not word
    /// for word, when fewer than asked for match otherwise (their best follow in
    /// `hits`); else 0.
    pub near_total: usize,
    /// Best first.
    pub hits: Vec<Hit>,
    /// Facet counts, when asked for.
    pub facets: Option<Facets>,
}

/// One matching page.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// The document's path as ingested.
    pub source: String,
    /// Document title.
    pub title: Option<String>,
    /// Document kind.
    pub kind: String,
    /// Document date.
    pub date: Option<String>,
    /// 1-based page.
    pub page: u32,
    /// Relevance score.
    pub score: f32,
    /// A passage with the matched words marked `[like this]`.
    pub snippet: String,
    /// Other versions of the same document (their sources).
    pub versions: Vec<String>,
    /// The query's words (or OR groups, or phrases) this page lacks: empty for a page
    /// with every word, one for a page shown after them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

/// Facet counts: value and number of matching pages, most first.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Facets {
    /// By municipality.
    pub municipality: Vec<(String, u64)>,
    /// By trial.
    pub trial: Vec<(String, u64)>,
    /// By document kind.
    pub kind: Vec<(String, u64)>,
    /// By year.
    pub year: Vec<(String, u64)>,
}

/// Which figures to list.
#[derive(Debug, Clone, Default)]
pub struct FigureFilter {
    /// Trial name or alias.
    pub trial: Option<String>,
    /// Municipality.
    pub municipality: Option<String>,
    /// Unit (`DKK`, `percent`, `count`, ...).
    pub unit: Option<String>,
    /// Smallest value.
    pub min: Option<f64>,
    /// Largest value.
    pub max: Option<f64>,
    /// Count figures of every version of a document, not just one.
    pub all_versions: bool,
    /// Only figures of documents dated on or after (YYYY, YYYY-MM or YYYY-MM-DD).
    pub from: Option<String>,
    /// Only figures of documents dated on or before.
    pub to: Option<String>,
}

/// One figure with its provenance.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FigureRow {
    /// Document path.
    pub source: String,
    /// 1-based page.
    pub page: u32,
    /// The document's date (YYYY, YYYY-MM or YYYY-MM-DD), when it gives one.
    #[serde(default)]
    pub date: Option<String>,
    /// Trial of the figure's section.
    pub trial: Option<String>,
    /// Municipality its sentence names.
    pub municipality: Option<String>,
    /// As written.
    pub raw: String,
    /// Value in `unit`.
    pub value: f64,
    /// Unit.
    pub unit: String,
    /// Counted noun.
    pub counted: Option<String>,
    /// Qualifier (`ca.`, `i alt`, ...).
    pub qualifier: Option<String>,
    /// The sentence.
    pub sentence: String,
}

/// One cell of the trial x municipality matrix.
#[derive(Debug, Clone, Serialize)]
pub struct TrialRow {
    /// Canonical trial name.
    pub trial: String,
    /// Municipality.
    pub municipality: String,
    /// Rounds stated for the trial.
    pub rounds: Vec<u32>,
    /// Documents that state the participation.
    pub documents: Vec<String>,
}

/// A document as the index knows it.
#[derive(Debug, Clone, Serialize)]
pub struct IndexedDocument {
    /// Hex SHA-256 of the file.
    pub sha256: String,
    /// Path as ingested.
    pub source: String,
    /// Pages.
    pub pages: u32,
    /// The extractor that read its records (`None` in older indexes).
    pub extractor: Option<String>,
}
