//! Scores of predicted records against gold (`gold/pdf/*.json`): per category true
//! positives, false positives and false negatives, summed over documents (micro), with
//! precision, recall and F1. Trials are sets of names; participation sets of (trial,
//! municipality); figures multisets of (value to 2 decimals, unit), and with the trial;
//! decisions sets of (item, decision text trimmed, absent members).

use super::document::{Document, DocumentKind, Outcome, Votes};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// A gold trial.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct GoldTrial {
    /// Canonical name.
    pub name: String,
    /// Forms written.
    #[serde(default)]
    pub as_written: Vec<String>,
    /// Official municipality names.
    #[serde(default)]
    pub municipalities: Vec<String>,
    /// Round.
    #[serde(default)]
    pub round: Option<u32>,
    /// Start date.
    #[serde(default)]
    pub start: Option<String>,
    /// Status.
    #[serde(default)]
    pub status: Option<String>,
    /// Parent.
    #[serde(default)]
    pub parent: Option<String>,
}

/// A gold figure (no page or sentence).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct GoldFigure {
    /// As written.
    #[serde(default)]
    pub raw: String,
    /// Value.
    pub value: f64,
    /// Unit.
    pub unit: String,
    /// Counted noun.
    #[serde(default)]
    pub counted: Option<String>,
    /// Qualifier.
    #[serde(default)]
    pub qualifier: Option<String>,
    /// Trial.
    #[serde(default)]
    pub trial: Option<String>,
    /// Municipality.
    #[serde(default)]
    pub municipality: Option<String>,
    /// Spelled out.
    #[serde(default)]
    pub spelled_out: bool,
}

/// A gold decision.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct GoldDecision {
    /// Item.
    pub item: String,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Decision text.
    pub decision: String,
    /// Absent members.
    #[serde(default)]
    pub absent: Vec<String>,
    /// Case number.
    #[serde(default)]
    pub case_number: Option<String>,
    /// Outcome; a gold file that gives it for a decision is scored on outcomes and votes.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// The recorded vote, if any.
    #[serde(default)]
    pub votes: Option<Votes>,
}

/// The gold records of one document.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct GoldDocument {
    /// The PDF's file name.
    #[serde(default)]
    pub document: Option<String>,
    /// Kind.
    pub kind: DocumentKind,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Date.
    #[serde(default)]
    pub date: Option<String>,
    /// Body.
    #[serde(default)]
    pub body: Option<String>,
    /// Case numbers.
    #[serde(default)]
    pub case_numbers: Vec<String>,
    /// Trials.
    #[serde(default)]
    pub trials: Vec<GoldTrial>,
    /// Figures.
    #[serde(default)]
    pub figures: Vec<GoldFigure>,
    /// Decisions.
    #[serde(default)]
    pub decisions: Vec<GoldDecision>,
}

/// True/false positives and false negatives of one category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

impl Counts {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    /// Recall (1 when there was nothing to find).
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Scores of one document, or summed over many.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Trial names.
    pub trials: Counts,
    /// (trial, municipality) pairs.
    pub participation: Counts,
    /// (value, unit).
    pub figures: Counts,
    /// (value, unit, trial).
    pub figures_with_trial: Counts,
    /// (value, unit, municipality): the place a figure is about.
    pub figures_with_place: Counts,
    /// (item, decision).
    pub decisions: Counts,
    /// (item, outcome), on decisions whose gold gives an outcome.
    pub outcomes: Counts,
    /// (item, votes), on the same decisions.
    pub votes: Counts,
    /// Documents compared.
    pub documents: usize,
    /// Documents whose kind, date, body and case numbers all match.
    pub metadata_right: usize,
}

impl Scores {
    /// Adds another document's scores (micro average).
    pub fn add(&mut self, o: &Scores) {
        self.trials.add(o.trials);
        self.participation.add(o.participation);
        self.figures.add(o.figures);
        self.figures_with_trial.add(o.figures_with_trial);
        self.figures_with_place.add(o.figures_with_place);
        self.decisions.add(o.decisions);
        self.outcomes.add(o.outcomes);
        self.votes.add(o.votes);
        self.documents += o.documents;
        self.metadata_right += o.metadata_right;
    }
}

fn set_counts<T: Ord>(pred: BTreeSet<T>, gold: BTreeSet<T>) -> Counts {
    let tp = pred.intersection(&gold).count();
    Counts {
        tp,
        fp: pred.len() - tp,
        fn_: gold.len() - tp,
    }
}

fn multiset_counts<T: std::hash::Hash + Eq>(pred: Vec<T>, gold: Vec<T>) -> Counts {
    let mut g: HashMap<T, usize> = HashMap::new();
    let gold_len = gold.len();
    let pred_len = pred.len();
    for x in gold {
        *g.entry(x).or_default() += 1;
    }
    let mut tp = 0;
    for x in pred {
        if let Some(c) = g.get_mut(&x) {
            if *c > 0 {
                *c -= 1;
                tp += 1;
            }
        }
    }
    Counts {
        tp,
        fp: pred_len - tp,
        fn_: gold_len - tp,
    }
}

fn cents(v: f64) -> i64 {
    (v * 100.0).round() as i64
}

/// True when kind, date, body and case numbers (as sets) match.
pub fn metadata_matches(pred: &Document, gold: &GoldDocument) -> bool {
    let pc: BTreeSet<&String> = pred.case_numbers.iter().collect();
    let gc: BTreeSet<&String> = gold.case_numbers.iter().collect();
    pred.kind == gold.kind && pred.date == gold.date && pred.body == gold.body && pc == gc
}

/// Compares one document's records with its gold.
pub fn score(pred: &Document, gold: &GoldDocument) -> Scores {
    let trials = set_counts(
        pred.trials.iter().map(|t| t.name.clone()).collect(),
        gold.trials.iter().map(|t| t.name.clone()).collect(),
    );
    let pairs = |it: Vec<(String, Vec<String>)>| -> BTreeSet<(String, String)> {
        it.into_iter()
            .flat_map(|(t, ms)| ms.into_iter().map(move |m| (t.clone(), m)))
            .collect()
    };
    let participation = set_counts(
        pairs(
            pred.trials
                .iter()
                .map(|t| (t.name.clone(), t.municipalities.clone()))
                .collect(),
        ),
        pairs(
            gold.trials
                .iter()
                .map(|t| (t.name.clone(), t.municipalities.clone()))
                .collect(),
        ),
    );
    let figures = multiset_counts(
        pred.figures
            .iter()
            .map(|f| (cents(f.value), f.unit.clone()))
            .collect(),
        gold.figures
            .iter()
            .map(|f| (cents(f.value), f.unit.clone()))
            .collect(),
    );
    let figures_with_trial = multiset_counts(
        pred.figures
            .iter()
            .map(|f| (cents(f.value), f.unit.clone(), f.trial.clone()))
            .collect(),
        gold.figures
            .iter()
            .map(|f| (cents(f.value), f.unit.clone(), f.trial.clone()))
            .collect(),
    );
    let figures_with_place = multiset_counts(
        pred.figures
            .iter()
            .map(|f| (cents(f.value), f.unit.clone(), f.municipality.clone()))
            .collect(),
        gold.figures
            .iter()
            .map(|f| (cents(f.value), f.unit.clone(), f.municipality.clone()))
            .collect(),
    );
    // A decision is right with its item, its text and who was absent.
    let absent = |names: &[String]| {
        let mut v: Vec<String> = names.to_vec();
        v.sort();
        v.join(", ")
    };
    let decisions = set_counts(
        pred.decisions
            .iter()
            .map(|d| {
                (
                    d.item.clone(),
                    d.decision.trim().to_string(),
                    absent(&d.absent),
                )
            })
            .collect(),
        gold.decisions
            .iter()
            .map(|d| {
                (
                    d.item.clone(),
                    d.decision.trim().to_string(),
                    absent(&d.absent),
                )
            })
            .collect(),
    );
    // Outcomes and votes are scored only where the gold annotates them.
    let annotated: BTreeSet<&str> = gold
        .decisions
        .iter()
        .filter(|d| d.outcome.is_some())
        .map(|d| d.item.as_str())
        .collect();
    let outcomes = set_counts(
        pred.decisions
            .iter()
            .filter(|d| annotated.contains(d.item.as_str()))
            .filter_map(|d| Some((d.item.clone(), d.outcome?)))
            .collect(),
        gold.decisions
            .iter()
            .filter_map(|d| Some((d.item.clone(), d.outcome?)))
            .collect(),
    );
    let votes = set_counts(
        pred.decisions
            .iter()
            .filter(|d| annotated.contains(d.item.as_str()))
            .filter_map(|d| Some((d.item.clone(), d.votes.clone()?)))
            .collect(),
        gold.decisions
            .iter()
            .filter(|d| annotated.contains(d.item.as_str()))
            .filter_map(|d| Some((d.item.clone(), d.votes.clone()?)))
            .collect(),
    );
    Scores {
        trials,
        participation,
        figures,
        figures_with_trial,
        figures_with_place,
        decisions,
        outcomes,
        votes,
        documents: 1,
        metadata_right: usize::from(metadata_matches(pred, gold)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        let c = multiset_counts(vec![1, 1, 2], vec![1, 2, 2]);
        assert_eq!(
            c,
            Counts {
                tp: 2,
                fp: 1,
                fn_: 1
            }
        );
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-9);
    }
}
