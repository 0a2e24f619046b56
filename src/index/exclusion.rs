//! Exclusions (`-word`, `-"phrase"`) that are safe over any query.
//!
//! An exclusion asks its scorer whether each candidate page matches through tantivy's
//! `seek_danger`, which lets a scorer stop ahead of the page asked for. tantivy 0.27's
//! phrase scorer may then be asked for a page behind the one it stopped at: it asserts in
//! debug builds and has no defined answer in release ones (tantivy issue #2811). The
//! wrapper here only ever seeks its scorer forwards, which every scorer supports.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// `query` as the subject of an exclusion.
pub(super) fn excluded(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ForwardOnly(query))
}

#[derive(Debug)]
struct ForwardOnly(Box<dyn Query>);

impl Clone for ForwardOnly {
    fn clone(&self) -> Self {
        ForwardOnly(self.0.box_clone())
    }
}

impl Query for ForwardOnly {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ForwardOnlyWeight(self.0.weight(scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct ForwardOnlyWeight(Box<dyn Weight>);

impl Weight for ForwardOnlyWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ForwardOnlyScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

/// `seek_danger` is the trait's own, which answers from the current page when it is at or
/// past the target and seeks (a full, forward seek) only when it is behind.
struct ForwardOnlyScorer(Box<dyn Scorer>);

impl DocSet for ForwardOnlyScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        match self.0.doc() {
            doc if doc >= target => doc,
            _ => self.0.seek(target),
        }
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }
}

impl Scorer for ForwardOnlyScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}
