//! `eval`: word agreement of extracted text with `truth/`, and precision/recall of
//! records against `gold/`, over a corpus folder laid out as `pdf/`, `truth/`, `gold/`.
//!
//! Word agreement: tokens are Unicode word runs (letters and digits), punctuation
//! dropped, NFC; a Han ideograph or a hiragana is a token by itself, as Unicode word
//! segmentation (UAX #29) has it: Chinese and Japanese put no spaces between words, and
//! runs would measure only where lines break. `bag_f1` is the multiset F1; `order_f1` is 2·LCS/(n_truth + n_got), so
//! it also punishes words out of reading order.

use crate::error::{Error, Result};
use crate::extract::score::{score, Counts, GoldDocument, Scores};
use crate::text::script;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// The word tokens of a text.
///
/// ```
/// assert_eq!(referat::eval::words("Læsø: 1.300 lægetimer!"), ["Læsø", "1", "300", "lægetimer"]);
/// assert_eq!(referat::eval::words("道路交通法の一部"), ["道", "路", "交", "通", "法", "の", "一", "部"]);
/// ```
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.nfc() {
        let by_itself =
            script::is_han(c) || script::is_han_compatibility(c) || script::is_hiragana(c);
        if c.is_alphanumeric() && !by_itself {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if by_itself {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Multiset F1 of two token lists.
pub fn bag_f1(truth: &[String], got: &[String]) -> f64 {
    if truth.is_empty() && got.is_empty() {
        return 1.0;
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for w in truth {
        *counts.entry(w).or_default() += 1;
    }
    let mut common = 0i64;
    for w in got {
        if let Some(c) = counts.get_mut(w.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    2.0 * common as f64 / (truth.len() + got.len()) as f64
}

/// Order-aware F1: 2·LCS / (n_truth + n_got). The LCS is computed Hunt–Szymanski
/// style (longest increasing subsequence over match positions), so long documents with
/// few repeated words cost far less than the quadratic table.
pub fn order_f1(truth: &[String], got: &[String]) -> f64 {
    if truth.is_empty() && got.is_empty() {
        return 1.0;
    }
    let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in got.iter().enumerate() {
        positions.entry(t).or_default().push(i);
    }
    let mut tails: Vec<usize> = Vec::new();
    for t in truth {
        if let Some(ps) = positions.get(t.as_str()) {
            for &j in ps.iter().rev() {
                let k = tails.partition_point(|&x| x < j);
                if k == tails.len() {
                    tails.push(j);
                } else {
                    tails[k] = j;
                }
            }
        }
    }
    2.0 * tails.len() as f64 / (truth.len() + got.len()) as f64
}

/// Word agreement of one file with its truth.
#[derive(Debug, Clone, Serialize)]
pub struct TextScore {
    /// The PDF's file name.
    pub file: String,
    /// Words in the truth.
    pub truth_words: usize,
    /// Words extracted.
    pub got_words: usize,
    /// Multiset F1.
    pub bag_f1: f64,
    /// LCS F1.
    pub order_f1: f64,
    /// Pages without a text layer (their text needs OCR, so the scores say little).
    pub pages_without_text: Vec<u32>,
    /// Extraction error, if any.
    pub error: Option<String>,
}

/// Scores extracted text against a truth text.
pub fn score_text(file: &str, truth: &str, got: &str) -> TextScore {
    let (t, g) = (words(truth), words(got));
    TextScore {
        file: file.to_string(),
        truth_words: t.len(),
        got_words: g.len(),
        bag_f1: bag_f1(&t, &g),
        order_f1: order_f1(&t, &g),
        pages_without_text: vec![],
        error: None,
    }
}

/// Reads a UTF-8 data file, naming it in the error.
pub fn read_data(path: &Path) -> Result<String> {
    fs_err::read_to_string(path).map_err(|e| Error::Data {
        path: path.to_path_buf(),
        cause: e.to_string(),
    })
}

/// Everything `referat eval` measures.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    /// Text against truth, per PDF that has a truth file.
    pub text: Vec<TextScore>,
    /// Records against gold, per PDF that has a gold file.
    pub records: Vec<RecordScore>,
    /// Records summed over the files with a text layer (micro average).
    pub records_total: Scores,
}

/// Records of one file against its gold.
#[derive(Debug, Clone, Serialize)]
pub struct RecordScore {
    /// The PDF's file name.
    pub file: String,
    /// Counts per category.
    pub scores: Scores,
    /// Which metadata fields are right.
    pub metadata: MetadataCheck,
    /// False when the file has pages without a text layer: its records need OCR and are
    /// left out of the total.
    pub scored: bool,
}

/// Each metadata field: right or not.
#[derive(Debug, Clone, Serialize)]
pub struct MetadataCheck {
    /// Kind.
    pub kind: bool,
    /// Title.
    pub title: bool,
    /// Date.
    pub date: bool,
    /// Issuing body.
    pub body: bool,
    /// Case numbers (as a set).
    pub case_numbers: bool,
}

impl MetadataCheck {
    fn of(pred: &crate::extract::Document, gold: &GoldDocument) -> Self {
        let set = |v: &[String]| v.iter().cloned().collect::<std::collections::BTreeSet<_>>();
        MetadataCheck {
            kind: pred.kind == gold.kind,
            title: pred.title == gold.title,
            date: pred.date == gold.date,
            body: pred.body == gold.body,
            case_numbers: set(&pred.case_numbers) == set(&gold.case_numbers),
        }
    }

    fn wrong(&self) -> Vec<&'static str> {
        [
            (self.kind, "kind"),
            (self.title, "title"),
            (self.date, "date"),
            (self.body, "body"),
            (self.case_numbers, "case numbers"),
        ]
        .into_iter()
        .filter(|(ok, _)| !ok)
        .map(|(_, name)| name)
        .collect()
    }
}

/// Runs the extractor over `corpus/pdf` and scores it against `truth/` and `gold/`.
pub fn evaluate(
    corpus: &Path,
    limits: &crate::pdf::Limits,
    catalog: &crate::extract::Catalog,
) -> Result<EvalReport> {
    evaluate_with(corpus, limits, catalog, false)
}

/// [`evaluate`], optionally counting each page's furniture (running headers, footers,
/// page numbers) as text: the fair comparison with a layout-free extractor such as
/// pdftotext, which has no notion of furniture.
pub fn evaluate_with(
    corpus: &Path,
    limits: &crate::pdf::Limits,
    catalog: &crate::extract::Catalog,
    with_furniture: bool,
) -> Result<EvalReport> {
    let pdf_dir = corpus.join("pdf");
    let pdfs = crate::ingest::collect_inputs(std::slice::from_ref(&pdf_dir), None)?.pdfs;
    let mut text = Vec::new();
    let mut records = Vec::new();
    let mut records_total = Scores::default();
    for pdf in &pdfs {
        let name = pdf
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = name.trim_end_matches(".pdf");
        let extracted = crate::ingest::extract_file(pdf, limits, catalog);
        let truth_path = corpus.join("truth").join(format!("{stem}.txt"));
        if truth_path.exists() {
            let truth = read_data(&truth_path)?;
            text.push(match &extracted {
                Ok((doc_text, _)) => TextScore {
                    pages_without_text: doc_text.pages_without_text(),
                    ..score_text(&name, &truth, &page_texts(doc_text, with_furniture))
                },
                Err(e) => TextScore {
                    error: Some(e.to_string()),
                    ..score_text(&name, &truth, "")
                },
            });
        }
        let gold_path = corpus.join("gold").join(format!("{stem}.json"));
        if gold_path.exists() {
            let gold: GoldDocument =
                serde_json::from_str(&read_data(&gold_path)?).map_err(|e| Error::Data {
                    path: gold_path.clone(),
                    cause: e.to_string(),
                })?;
            let (scores, metadata, scored) = match &extracted {
                Ok((doc_text, doc)) => (
                    score(doc, &gold),
                    MetadataCheck::of(doc, &gold),
                    doc_text.pages_without_text().is_empty(),
                ),
                Err(_) => {
                    let empty = crate::extract::Document::empty(&name);
                    (score(&empty, &gold), MetadataCheck::of(&empty, &gold), true)
                }
            };
            if scored {
                records_total.add(&scores);
            }
            records.push(RecordScore {
                file: name.clone(),
                scores,
                metadata,
                scored,
            });
        }
    }
    Ok(EvalReport {
        text,
        records,
        records_total,
    })
}

fn page_texts(text: &crate::text::DocumentText, with_furniture: bool) -> String {
    if !with_furniture {
        return text.joined();
    }
    let pages: Vec<String> = text
        .pages
        .iter()
        .map(|p| {
            [p.text.as_str()]
                .into_iter()
                .chain(p.furniture.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    pages.join("\u{c}")
}

impl std::fmt::Display for EvalReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "text: word agreement with truth/")?;
        writeln!(
            f,
            "  {:<34} {:>7} {:>7} {:>8} {:>8}",
            "file", "truth", "got", "bag F1", "order F1"
        )?;
        for t in &self.text {
            let note = match (&t.error, t.pages_without_text.is_empty()) {
                (Some(e), _) => format!("  error: {e}"),
                (None, false) => format!(
                    "  no text layer on {} page(s): needs OCR",
                    t.pages_without_text.len()
                ),
                (None, true) => String::new(),
            };
            writeln!(
                f,
                "  {:<34} {:>7} {:>7} {:>8.3} {:>8.3}{note}",
                t.file, t.truth_words, t.got_words, t.bag_f1, t.order_f1
            )?;
        }
        writeln!(
            f,
            "\nrecords: precision / recall / F1 against gold/ (files with a text layer)"
        )?;
        let t = &self.records_total;
        let row = |f: &mut std::fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "  {name:<22} {:>6.3} {:>6.3} {:>6.3}   ({} right, {} wrong, {} missed)",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )
        };
        writeln!(f, "  {:<22} {:>6} {:>6} {:>6}", "category", "P", "R", "F1")?;
        row(f, "trials", &t.trials)?;
        row(f, "participation pairs", &t.participation)?;
        row(f, "figures", &t.figures)?;
        row(f, "figures with trial", &t.figures_with_trial)?;
        row(f, "figures with place", &t.figures_with_place)?;
        row(f, "decisions", &t.decisions)?;
        if t.outcomes.tp + t.outcomes.fp + t.outcomes.fn_ > 0 {
            row(f, "decision outcomes", &t.outcomes)?;
            row(f, "votes", &t.votes)?;
        }
        writeln!(f, "\nper file: figures F1, trials F1, metadata")?;
        for r in &self.records {
            let wrong = r.metadata.wrong();
            let meta = if wrong.is_empty() {
                "metadata right".to_string()
            } else {
                format!("wrong: {}", wrong.join(", "))
            };
            let note = if r.scored {
                ""
            } else {
                "  (no text layer: not in the total)"
            };
            writeln!(
                f,
                "  {:<34} {:>6.3} {:>6.3}  {meta}{note}",
                r.file,
                r.scores.figures.f1(),
                r.scores.trials.f1()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s)
    }

    #[test]
    fn identical_texts_score_one() {
        let t = w("Deltagende kommuner: Frederikshavn/Læsø, Hjørring");
        assert_eq!(bag_f1(&t, &t), 1.0);
        assert_eq!(order_f1(&t, &t), 1.0);
    }

    #[test]
    fn order_matters_only_for_order_f1() {
        let t = w("a b c d");
        let g = w("d c b a");
        assert_eq!(bag_f1(&t, &g), 1.0);
        assert_eq!(order_f1(&t, &g), 0.25);
    }

    #[test]
    fn split_words_cost() {
        // "re- geringen" split by a bad de-hyphenation: 1 truth word, 2 got words.
        let t = w("regeringen siger");
        let g = w("re geringen siger");
        assert!((bag_f1(&t, &g) - 0.4).abs() < 1e-9);
    }

    #[test]
    fn nfc_makes_decomposed_equal() {
        assert_eq!(w("La\u{30a}ge"), w("Låge"));
    }
}
