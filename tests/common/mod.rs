//! Helpers for the records tests: page texts built from truth files, gold loading,
//! scoring over a set of documents, and a readable diff for failures.
#![allow(dead_code)]

use referat::extract::score::{score, GoldDocument, GoldFigure, Scores};
use referat::extract::{extract, Catalog, Document};
use referat::text::{DocumentText, PageText};
use std::path::{Path, PathBuf};

/// The corpus with truth texts and gold: `$REFERAT_CORPUS`, else the one shipped in
/// `corpus/`.
pub fn corpus_dir() -> Option<PathBuf> {
    let p = std::env::var("REFERAT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"));
    p.join("truth").is_dir().then_some(p)
}

/// Our own fixtures: `tests/fixtures/records/<name>.txt` + `<name>.json`.
/// `tests/fixtures/records`, or the folder `RECORD_FIXTURES` names: a blind check scores
/// new documents (`<name>.txt` + `<name>.json`) with the same report before they join.
pub fn fixtures_dir() -> PathBuf {
    match std::env::var_os("RECORD_FIXTURES") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records"),
    }
}

/// Splits a text into pages of about `page_chars` characters at paragraph boundaries;
/// a form feed forces a page break. `furniture(page, pages)` gives each page's furniture.
pub fn document_text(
    source: &str,
    text: &str,
    page_chars: usize,
    furniture: &dyn Fn(u32, u32) -> Vec<String>,
) -> DocumentText {
    let mut pages: Vec<String> = Vec::new();
    for forced in text.split('\u{c}') {
        let mut cur = String::new();
        for para in forced.split("\n\n") {
            if !cur.is_empty() && cur.len() + para.len() > page_chars {
                pages.push(std::mem::take(&mut cur));
            }
            if !cur.is_empty() {
                cur.push_str("\n\n");
            }
            cur.push_str(para.trim_matches('\n'));
        }
        if !cur.trim().is_empty() {
            pages.push(cur);
        }
    }
    let n = pages.len() as u32;
    DocumentText {
        source: source.to_string(),
        sha256: String::new(),
        pages: pages
            .into_iter()
            .enumerate()
            .map(|(i, t)| PageText {
                number: i as u32 + 1,
                furniture: furniture(i as u32 + 1, n),
                text: t,
                text_layer: true,
                ..Default::default()
            })
            .collect(),
    }
}

/// The running headers/footers each corpus PDF carries (as the PDF stage returns them
/// in `furniture`; the truth files leave them out).
pub fn corpus_furniture(name: &str) -> Box<dyn Fn(u32, u32) -> Vec<String>> {
    let name = name.to_string();
    Box::new(move |page, pages| {
        let mut f = Vec::new();
        if name.starts_with("beu-bilag-56") && page == 1 {
            f.extend(
                [
                    "Beskæftigelsesudvalget 2019-20",
                    "BEU Alm.del Bilag 56",
                    "Offentligt",
                ]
                .map(String::from),
            );
        }
        if name.starts_with("beu-bilag-56") || name.starts_with("status-2019-10") {
            f.push("Oktober 2019".into());
            f.push(page.to_string());
        }
        if name.starts_with("beu-bilag-56") {
            f.push("BEU, Alm.del - 2019-20 - Bilag 56: Henvendelse af 18/11-19 fra KKR Nordjylland - materiale fra frikommuneforsøg".into());
        }
        if name.starts_with("aalborg") {
            f.push("Aalborg Kommune · Beskæftigelsesudvalget".into());
            f.push(format!("Side {page} af {pages}"));
        }
        if name.starts_with("rebild") {
            f.push("Rebild Kommune".into());
            f.push(format!("Side {page} af {pages}"));
        }
        if name.starts_with("frikommunenetvaerk") {
            f.push(page.to_string());
        }
        f
    })
}

/// One document to score: name, predicted records, gold.
pub struct Case {
    pub name: String,
    pub pred: Document,
    pub gold: GoldDocument,
}

pub fn load_gold(path: &Path) -> GoldDocument {
    let text = fs_err::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The corpus truth texts with their gold.
pub fn corpus_cases() -> Vec<Case> {
    let Some(dir) = corpus_dir() else {
        return vec![];
    };
    let catalog = Catalog::builtin();
    // Gold per PDF: `gold/<name>.json` as shipped, `gold/pdf/<name>.json` in the shared copy.
    let gold = |n: &str| {
        [
            dir.join("gold").join(format!("{n}.json")),
            dir.join("gold/pdf").join(format!("{n}.json")),
        ]
        .into_iter()
        .find(|p| p.is_file())
    };
    txt_stems(&dir.join("truth"))
        .into_iter()
        .filter_map(|n| gold(&n).map(|g| (n, g)))
        .map(|(n, gold)| {
            let text = fs_err::read_to_string(dir.join("truth").join(format!("{n}.txt")))
                .unwrap_or_else(|e| panic!("{e}"));
            let dt = document_text(&format!("{n}.pdf"), &text, 3500, &*corpus_furniture(&n));
            Case {
                pred: extract(&dt, &catalog),
                gold: load_gold(&gold),
                name: n,
            }
        })
        .collect()
}

/// Our fixtures with their gold. A fixture's text may hold form feeds as page breaks;
/// an optional `<name>.furniture` file holds one furniture line per line (all pages).
pub fn fixture_cases() -> Vec<Case> {
    let dir = fixtures_dir();
    let catalog = Catalog::builtin();
    txt_stems(&dir)
        .into_iter()
        .map(|n| {
            let text = fs_err::read_to_string(dir.join(format!("{n}.txt")))
                .unwrap_or_else(|e| panic!("{e}"));
            let furn: Vec<String> = fs_err::read_to_string(dir.join(format!("{n}.furniture")))
                .map(|s| s.lines().map(String::from).collect())
                .unwrap_or_default();
            let dt = document_text(&format!("{n}.pdf"), &text, 3000, &move |_, _| furn.clone());
            Case {
                pred: extract(&dt, &catalog),
                gold: load_gold(&dir.join(format!("{n}.json"))),
                name: n,
            }
        })
        .collect()
}

pub fn total(cases: &[Case]) -> Scores {
    let mut s = Scores::default();
    for c in cases {
        s.add(&score(&c.pred, &c.gold));
    }
    s
}

/// A readable report of the differences, for assertion messages.
pub fn report(cases: &[Case]) -> String {
    use std::collections::BTreeMap;
    let mut out = String::new();
    for c in cases {
        let s = score(&c.pred, &c.gold);
        out.push_str(&format!(
            "== {}: trials {:?} part {:?} figs {:?} figtrial {:?} dec {:?} meta_ok {}\n",
            c.name,
            s.trials,
            s.participation,
            s.figures,
            s.figures_with_trial,
            s.decisions,
            s.metadata_right
        ));
        if s.metadata_right == 0 {
            out.push_str(&format!(
                "   meta pred kind={:?} date={:?} body={:?} cases={:?} | gold kind={:?} date={:?} body={:?} cases={:?}\n",
                c.pred.kind, c.pred.date, c.pred.body, c.pred.case_numbers,
                c.gold.kind, c.gold.date, c.gold.body, c.gold.case_numbers
            ));
        }
        let gt: BTreeMap<_, _> = c
            .gold
            .trials
            .iter()
            .map(|t| (t.name.clone(), t.municipalities.clone()))
            .collect();
        let pt: BTreeMap<_, _> = c
            .pred
            .trials
            .iter()
            .map(|t| (t.name.clone(), t.municipalities.clone()))
            .collect();
        for (n, m) in &pt {
            match gt.get(n) {
                None => out.push_str(&format!("   FP trial {n:?} {m:?}\n")),
                Some(g) if g != m => {
                    out.push_str(&format!("   MUNI {n:?} pred {m:?} gold {g:?}\n"))
                }
                _ => {}
            }
        }
        for n in gt.keys().filter(|n| !pt.contains_key(*n)) {
            out.push_str(&format!("   FN trial {n:?}\n"));
        }
        let by_trial = |f: &GoldFigure| format!("{:.2} {} {:?}", f.value, f.unit, f.trial);
        figure_misses(&mut out, c, "fig", by_trial);
        // The place of each figure (REPORT_PLACES=1): a figure read with another
        // municipality than gold's, by value and unit.
        if std::env::var_os("REPORT_PLACES").is_some() {
            let by_place =
                |f: &GoldFigure| format!("{:.2} {} {:?}", f.value, f.unit, f.municipality);
            figure_misses(&mut out, c, "place", by_place);
        }
        for d in &c.pred.decisions {
            if !c
                .gold
                .decisions
                .iter()
                .any(|g| g.item == d.item && g.decision.trim() == d.decision.trim())
            {
                out.push_str(&format!("   FP decision {} {:?}\n", d.item, d.decision));
            }
        }
        for g in &c.gold.decisions {
            if !c
                .pred
                .decisions
                .iter()
                .any(|d| g.item == d.item && g.decision.trim() == d.decision.trim())
            {
                out.push_str(&format!("   FN decision {} {:?}\n", g.item, g.decision));
            }
        }
    }
    out
}

/// Figures predicted and not in gold (FP) and in gold and not predicted (FN) by `key`,
/// with the raw text and sentence of each.
fn figure_misses(out: &mut String, c: &Case, what: &str, key: impl Fn(&GoldFigure) -> String) {
    let as_gold = |f: &referat::extract::Figure| GoldFigure {
        raw: f.raw.clone(),
        value: f.value,
        unit: f.unit.clone(),
        counted: f.counted.clone(),
        qualifier: f.qualifier.clone(),
        trial: f.trial.clone(),
        municipality: f.municipality.clone(),
        spelled_out: f.spelled_out,
    };
    let mut gold: Vec<(String, &GoldFigure)> = c.gold.figures.iter().map(|f| (key(f), f)).collect();
    for f in &c.pred.figures {
        let k = key(&as_gold(f));
        match gold.iter().position(|(g, _)| *g == k) {
            Some(pos) => {
                gold.remove(pos);
            }
            None => out.push_str(&format!(
                "   FP {what} {k} raw={:?} in {:?}\n",
                f.raw, f.sentence
            )),
        }
    }
    for (k, f) in gold {
        out.push_str(&format!("   FN {what} {k} raw={:?}\n", Some(&f.raw)));
    }
}

pub fn summary(s: &Scores) -> String {
    let f = |n: &str, c: referat::extract::score::Counts| {
        format!(
            "{n}: P {:.3} R {:.3} F1 {:.3} ({:?})\n",
            c.precision(),
            c.recall(),
            c.f1(),
            c
        )
    };
    format!(
        "{}{}{}{}{}{}{}{}metadata right: {}/{}\n",
        f("trials", s.trials),
        f("participation", s.participation),
        f("figures", s.figures),
        f("figures+trial", s.figures_with_trial),
        f("figures+place", s.figures_with_place),
        f("decisions", s.decisions),
        f("outcomes", s.outcomes),
        f("votes", s.votes),
        s.metadata_right,
        s.documents
    )
}

/// The names of the `*.txt` files in a folder, without the extension, sorted.
fn txt_stems(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = fs_err::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .filter(|n| n.ends_with(".txt"))
        .map(|n| n.trim_end_matches(".txt").to_string())
        .collect();
    names.sort();
    names
}

/// An index of the PDFs at `paths` (repository paths of folders or files), built through
/// the whole pipeline in a temporary folder. More indexing threads than the machine may
/// have cores: each writes its own segment, as on a many-core machine, so no order may
/// rest on addresses.
pub fn index_of(paths: &[&str]) -> (tempfile::TempDir, referat::index::IndexStore) {
    use referat::ingest::{ingest, IngestOptions, Silent};
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pdfs = paths.iter().map(|p| root.join(p)).collect();
    let mut options = IngestOptions::new(pdfs, dir.path().join("index"), Catalog::builtin());
    options.threads = 8;
    let report = ingest(&options, &Silent).expect("ingest");
    assert_eq!(report.failures().count(), 0);
    let store = referat::index::IndexStore::open(&dir.path().join("index")).expect("open");
    (dir, store)
}

/// A seeded xorshift generator: the property and hostile-input tests are deterministic,
/// so a failure names its case and reproduces.
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// An index below `n` (0 when `n` is 0).
    pub fn index(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}
