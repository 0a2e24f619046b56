//! Search benchmark: a large realistic corpus generated from the shipped corpus text,
//! written straight into an index, then query latency per query type, indexing speed
//! and index size. Run with `scripts/bench-search.sh` (which also runs SQLite FTS5 on the
//! same texts and queries and prints the ratio), or directly:
//!
//! ```sh
//! cargo bench --bench search -- --pages 100000 [--dump pages.jsonl] [--keep DIR]
//! ```
//!
//! `--keep DIR` builds the index in DIR and leaves it there; a later run with the same
//! DIR measures only the queries (for profiling them).
//!
//! Generated documents recombine the corpus paragraphs with other municipalities,
//! trials and figures, so the vocabulary and the structure stay realistic.

use referat::extract::{Document, DocumentKind, Figure, Trial, SCHEMA};
use referat::index::{IndexStore, SearchRequest};
use referat::text::{DocumentText, PageText};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

#[path = "gen.rs"]
mod gen;
use gen::{arg, load_pool, vary, Pool, Rng};

const PAGES_PER_DOC: usize = 10;
const PARAGRAPHS_PER_PAGE: usize = 9;

fn generate(n: usize, pool: &Pool, rng: &mut Rng) -> (Document, DocumentText) {
    let pages: Vec<PageText> = (1..=PAGES_PER_DOC as u32)
        .map(|number| PageText {
            number,
            text: (0..PARAGRAPHS_PER_PAGE)
                .map(|_| vary(rng.pick::<String>(&pool.paragraphs), pool, rng))
                .collect::<Vec<_>>()
                .join("\n\n"),
            furniture: vec![format!("Side {number} af {PAGES_PER_DOC}")],
            text_layer: true,
            ..Default::default()
        })
        .collect();
    let trials: Vec<Trial> = (0..3)
        .map(|_| {
            let mut municipalities: Vec<String> = (0..1 + rng.below(5))
                .map(|_| rng.pick::<String>(&pool.municipalities).clone())
                .collect();
            municipalities.sort();
            municipalities.dedup();
            let name = rng.pick::<String>(&pool.trials).clone();
            Trial {
                as_written: vec![name.clone()],
                name,
                municipalities,
                round: Some(1 + rng.below(3) as u32),
                start: None,
                status: None,
                parent: None,
                pages: vec![1],
            }
        })
        .collect();
    let figures: Vec<Figure> = (0..8)
        .map(|_| {
            let value = (1 + rng.below(5000)) as f64 * 1000.0;
            Figure {
                raw: format!("{value} kr."),
                value,
                unit: "DKK".into(),
                counted: None,
                qualifier: None,
                trial: Some(trials[rng.below(trials.len())].name.clone()),
                municipality: Some(rng.pick::<String>(&pool.municipalities).clone()),
                spelled_out: false,
                page: 1 + rng.below(PAGES_PER_DOC) as u32,
                sentence: String::new(),
            }
        })
        .collect();
    let sha256 = format!("{:064x}", n as u128 * 0x9E37_79B9_7F4A_7C15 + 1);
    let source = format!("generated/doc-{n:06}.pdf");
    let kinds = [
        DocumentKind::StatusReport,
        DocumentKind::Minutes,
        DocumentKind::Slides,
    ];
    let doc = Document {
        schema: SCHEMA.into(),
        source: source.clone(),
        sha256: sha256.clone(),
        pages: PAGES_PER_DOC as u32,
        kind: *rng.pick(&kinds),
        title: Some(format!(
            "Status på frikommuneforsøg {}",
            2016 + rng.below(6)
        )),
        date: Some(format!("{}-{:02}", 2016 + rng.below(6), 1 + rng.below(12))),
        body: Some("Beskæftigelsesudvalget".into()),
        case_numbers: vec![format!(
            "20{}-0{}",
            16 + rng.below(6),
            10000 + rng.below(89999)
        )],
        trials,
        figures,
        decisions: vec![],
    };
    let text = DocumentText {
        source,
        sha256,
        pages,
    };
    (doc, text)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or(f64::NAN)
}

/// The fixed query set, by type. Shared with the FTS5 script via `--dump`.
fn queries() -> Vec<(&'static str, SearchRequest)> {
    let q = |s: &str| SearchRequest {
        query: s.into(),
        limit: 10,
        ..Default::default()
    };
    let mut v = Vec::new();
    for t in [
        "lægeattester",
        "mikrolån",
        "rehabiliteringsteams",
        "sygedagpenge",
        "mentor",
        "dimittender",
        "ressourceforløb",
        "jobcentret",
    ] {
        v.push(("term", q(t)));
    }
    for t in [
        "mikrolån Aalborg",
        "lægeattester Rebild",
        "samtaler sygedagpenge",
        "evaluering kommuner",
        "psykologbehandling borgere",
        "revalidering forenkling",
    ] {
        v.push(("and", q(t)));
    }
    for t in [
        "\"formkrav ved lovpligtige samtaler\"",
        "\"fleksible rammer for uddannelse\"",
        "\"lempede mentorregler\"",
        "\"i alt\"",
        "\"deltagende kommuner\"",
    ] {
        v.push(("phrase", q(t)));
    }
    // Misspelt words (searched as the index's nearest words) and trials named by a
    // short name or an official one (also the pages the records place them on).
    for t in ["lægeatester", "Hjoerring", "revaliderng", "mikrolaan"] {
        v.push(("typo", q(t)));
    }
    for t in ["psykologforsøget", "lempede mentorregler", "mentorforsøget"] {
        v.push(("trial", q(t)));
    }
    for (t, m) in [
        ("lægeattester", "Rebild"),
        ("samtaler", "Aalborg"),
        ("forsøget", "Thisted"),
    ] {
        let mut r = q(t);
        r.municipality = Some(m.into());
        v.push(("filtered", r));
    }
    // With facet counts, by the type of the query under them (each has its goal).
    for (kind, t) in [
        ("term+facets", "lægeattester"),
        ("and+facets", "mikrolån Aalborg"),
        ("phrase+facets", "\"deltagende kommuner\""),
    ] {
        let mut r = q(t);
        r.facets = true;
        v.push((kind, r));
    }
    v
}

/// Generates the corpus into a new index and prints indexing speed and index size.
fn build(index_dir: &Path, pages: usize, pool: &Pool, rng: &mut Rng) {
    let mut dump = arg("--dump")
        .map(|p| std::io::BufWriter::new(std::fs::File::create(p).expect("dump file")));

    let docs = pages.div_ceil(PAGES_PER_DOC);
    let store = IndexStore::open_or_create(index_dir).expect("index");
    let mut writer = store.writer().expect("writer");
    // Documents are generated before the clock starts: the figure is the index stage's.
    let generated: Vec<(Document, DocumentText)> =
        (0..docs).map(|n| generate(n, pool, rng)).collect();
    let mut raw_bytes = 0u64;
    for (_, text) in &generated {
        for p in &text.pages {
            raw_bytes += p.text.len() as u64;
            if let Some(d) = dump.as_mut() {
                let line =
                    serde_json::json!({"doc": text.source, "page": p.number, "text": p.text});
                writeln!(d, "{line}").expect("dump");
            }
        }
    }
    let started = Instant::now();
    for (doc, text) in &generated {
        writer.add(doc, text, None).expect("add");
    }
    writer.commit().expect("commit");
    drop(writer);
    let secs = started.elapsed().as_secs_f64();
    let size = dir_size(index_dir);
    println!(
        "indexed {} pages ({} docs) in {secs:.1} s: {:.0} pages/s, {:.1} MB/s",
        docs * PAGES_PER_DOC,
        docs,
        (docs * PAGES_PER_DOC) as f64 / secs,
        raw_bytes as f64 / secs / 1e6
    );
    println!(
        "index size {:.1} MB = {:.2}x the raw page text ({:.1} MB)",
        size as f64 / 1e6,
        size as f64 / raw_bytes as f64,
        raw_bytes as f64 / 1e6
    );
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn main() {
    let pages: usize = arg("--pages")
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let rounds: usize = arg("--rounds").and_then(|s| s.parse().ok()).unwrap_or(20);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pool = load_pool(root);
    let mut rng = Rng(0x5EED_2019_1000_0056);
    let dir = tempfile::tempdir().expect("tempdir");
    let keep = arg("--keep").map(std::path::PathBuf::from);
    let index_dir = keep.clone().unwrap_or_else(|| dir.path().join("index"));
    if keep.is_none() || !index_dir.join("meta.json").exists() {
        build(&index_dir, pages, &pool, &mut rng);
    }
    let store = IndexStore::open(&index_dir).expect("reopen");
    // `--only KIND` times one query type (for profiling it).
    let only = arg("--only");
    let queries: Vec<_> = queries()
        .into_iter()
        .filter(|(kind, _)| only.as_deref().is_none_or(|o| o == *kind))
        .collect();
    // Warm-up round, then timed rounds; one thread.
    for (_, q) in &queries {
        store.search(q).expect("query");
    }
    let mut by_type: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
    let mut by_query: Vec<Vec<f64>> = vec![Vec::new(); queries.len()];
    for _ in 0..rounds {
        for ((kind, q), times) in queries.iter().zip(by_query.iter_mut()) {
            let t = Instant::now();
            let r = store.search(q).expect("query");
            std::hint::black_box(r);
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            by_type.entry(kind).or_default().push(ms);
            times.push(ms);
        }
    }
    if arg("--per-query").is_some() {
        for ((kind, q), mut ms) in queries.iter().zip(by_query) {
            ms.sort_by(f64::total_cmp);
            println!(
                "  {kind:<14} {:>7.2} {:>7.2}  {}{}",
                percentile(&ms, 0.5),
                percentile(&ms, 0.99),
                q.query,
                q.municipality
                    .as_deref()
                    .map(|m| format!(" [{m}]"))
                    .unwrap_or_default()
            );
        }
    }
    println!(
        "{:<14} {:>9} {:>9}   (ms, {} rounds, warm, 1 thread, top-10 with snippets)",
        "query", "p50", "p99", rounds
    );
    for (kind, mut ms) in by_type {
        ms.sort_by(f64::total_cmp);
        println!(
            "{kind:<14} {:>9.2} {:>9.2}",
            percentile(&ms, 0.5),
            percentile(&ms, 0.99)
        );
    }
}
