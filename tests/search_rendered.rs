//! Search judged blind: queries and relevant pages written by someone who never saw the
//! search code, over the record fixtures rendered as PDFs (`tests/fixtures/rendered/`,
//! documents of many genres that the search was not tuned on), in two rounds. See
//! `tests/fixtures/search/README.md`. `SEARCH_QRELS=FILE SEARCH_DOCUMENTS=FILE` scores
//! another judged set (the queries, and the PDFs they were judged over).
//!
//! `cargo test --release --test search_rendered -- --nocapture` prints the measures.

use referat::index::{IndexStore, SearchRequest};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod common;

/// One judged query.
struct Judged {
    query: String,
    kind: String,
    /// Where the answer primarily stands.
    best: BTreeSet<String>,
    /// Every relevant page (with the best ones).
    relevant: BTreeSet<String>,
}

fn judged(text: &str) -> Vec<Judged> {
    let pages = |s: &str| -> BTreeSet<String> {
        s.split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect()
    };
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(
                cols.len(),
                4,
                "query, kind, best pages, relevant pages: {l}"
            );
            Judged {
                query: cols[0].to_string(),
                kind: cols[1].to_string(),
                best: pages(cols[2]),
                relevant: pages(cols[3]),
            }
        })
        .collect()
}

/// `document:page` as judged: a scanned copy stands for the document it copies.
fn page_name(source: &str, page: u32) -> String {
    let stem = Path::new(source)
        .file_stem()
        .and_then(|n| n.to_str())
        .unwrap_or(source);
    format!("{}:{page}", stem.trim_end_matches("-scanned"))
}

/// The measures of one query.
#[derive(Default, Clone, Copy)]
struct Scores {
    recall_at_10: f64,
    best_in_3: f64,
    reciprocal_rank: f64,
    no_hits: f64,
}

/// Scores the judged queries of `qrels` over an index of the documents `documents`
/// lists (the PDFs of `tests/fixtures/rendered/` they were judged over, and no others, so
/// documents added later cannot crowd the judged pages out); prints the measures by kind
/// and the queries below 1. Returns (recall@10, best page in the top 3), the means.
fn score(qrels: &str, documents: &str) -> (f64, f64) {
    let queries = judged(qrels);
    let judged_over: Vec<String> = documents
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| format!("tests/fixtures/rendered/{}", l.trim()))
        .collect();
    let paths: Vec<&str> = judged_over.iter().map(String::as_str).collect();
    let (_dir, store) = common::index_of(&paths);

    let mut by_kind: BTreeMap<String, Vec<Scores>> = BTreeMap::new();
    let mut misses = Vec::new();
    for q in &queries {
        let hits = store
            .search(&SearchRequest {
                query: q.query.clone(),
                limit: 10,
                ..Default::default()
            })
            .map(|r| r.hits)
            .unwrap_or_default();
        let ranked: Vec<String> = hits.iter().map(|h| page_name(&h.source, h.page)).collect();
        let found = ranked.iter().filter(|p| q.relevant.contains(*p)).count();
        let first = ranked.iter().position(|p| q.relevant.contains(p));
        let s = Scores {
            recall_at_10: found as f64 / q.relevant.len().clamp(1, 10) as f64,
            best_in_3: f64::from(ranked.iter().take(3).any(|p| q.best.contains(p))),
            reciprocal_rank: first.map_or(0.0, |r| 1.0 / (r + 1) as f64),
            no_hits: f64::from(hits.is_empty()),
        };
        if s.recall_at_10 < 1.0 || s.best_in_3 < 1.0 {
            misses.push(format!(
                "  [{}] {:<40} recall@10 {:.2}  best in top 3: {}  got: {}",
                q.kind,
                q.query,
                s.recall_at_10,
                s.best_in_3 == 1.0,
                ranked.iter().take(4).cloned().collect::<Vec<_>>().join(" ")
            ));
        }
        by_kind.entry(q.kind.clone()).or_default().push(s);
    }
    let mean = |v: &[Scores], f: fn(&Scores) -> f64| v.iter().map(f).sum::<f64>() / v.len() as f64;
    let all: Vec<Scores> = by_kind.values().flatten().copied().collect();
    println!("kind  queries  recall@10  best in top 3    MRR  no hits");
    for (kind, v) in by_kind.iter().chain([(&"all".to_string(), &all)]) {
        println!(
            "{kind:<5} {:>7}  {:>9.3}  {:>13.3}  {:>5.3}  {:>7}",
            v.len(),
            mean(v, |s| s.recall_at_10),
            mean(v, |s| s.best_in_3),
            mean(v, |s| s.reciprocal_rank),
            v.iter().filter(|s| s.no_hits == 1.0).count()
        );
    }
    println!("below 1:\n{}", misses.join("\n"));
    // (Five of each of the eight kinds at least.)
    assert!(all.len() >= 40, "at least 40 judged queries");
    (mean(&all, |s| s.recall_at_10), mean(&all, |s| s.best_in_3))
}

#[test]
fn blind_queries_find_their_pages() {
    if let Ok(file) = std::env::var("SEARCH_QRELS") {
        let documents =
            std::env::var("SEARCH_DOCUMENTS").expect("SEARCH_DOCUMENTS with SEARCH_QRELS");
        score(
            &std::fs::read_to_string(file).expect("SEARCH_QRELS file"),
            &std::fs::read_to_string(documents).expect("SEARCH_DOCUMENTS file"),
        );
        return;
    }
    // A little under what the search measures now (recall@10 .930, best page in the top
    // 3 .933; before typo correction and trial names: .779 and .917), so a change that
    // loses ground fails here.
    judged_round(
        "first",
        include_str!("fixtures/search/blind-qrels.tsv"),
        include_str!("fixtures/search/blind-qrels-documents.txt"),
        (0.89, 0.93),
    );
}

/// Scores a judged round (see `score`) and fails below its floors (recall@10, a best
/// page in the top 3).
fn judged_round(round: &str, qrels: &str, documents: &str, floors: (f64, f64)) {
    let (recall, best) = score(qrels, documents);
    assert!(
        recall >= floors.0 && best >= floors.1,
        "{round} round: recall@10 {recall:.3}, best page in top 3 {best:.3}"
    );
}

/// The second blind round, over the 36 documents added after the first: now recall@10
/// .969, best page in the top 3 .917 (before numbers as typed, guesses below the typed
/// word's pages, documents' own short names and compounds' parts: .847 and .850).
#[test]
fn second_blind_round_finds_its_pages() {
    judged_round(
        "second",
        include_str!("fixtures/search/blind-qrels-2.tsv"),
        include_str!("fixtures/search/blind-qrels-2-documents.txt"),
        (0.94, 0.89),
    );
}

/// The third blind round, over the 18 documents of record rounds 18-20 (session 14),
/// judged after that session's search changes, before any change for it: recall@10 .967,
/// best page in the top 3 .967, MRR .956.
#[test]
fn third_blind_round_finds_its_pages() {
    judged_round(
        "third",
        include_str!("fixtures/search/blind-qrels-3.tsv"),
        include_str!("fixtures/search/blind-qrels-3-documents.txt"),
        (0.95, 0.95),
    );
}

/// The fourth blind round, over the 18 documents of record rounds 21-23 (session 16),
/// judged before any change for it: recall@10 .942, best page in the top 3 .967, MRR
/// .975; with a municipality's other spellings (`Fakse`) and abbreviations' short names
/// (`RF-forsøget`): .965, .983, .992.
#[test]
fn fourth_blind_round_finds_its_pages() {
    judged_round(
        "fourth",
        include_str!("fixtures/search/blind-qrels-4.tsv"),
        include_str!("fixtures/search/blind-qrels-4-documents.txt"),
        (0.95, 0.95),
    );
}

/// The fifth blind round, 48 queries over the 12 documents of record rounds 24-25
/// (session 17), judged before any change for it: recall@10 .924, best page in the top 3
/// .958, MRR .938; with municipalities typed without æ, ø, å (`Laeso`): .945, .979, .958;
/// and Latin plurals stemmed with their singulars (`mellemregningskonti`): .966, 1.000,
/// .979. (Left: a letter's pages that describe its trial in plain words; `3,1 mio` for a
/// table's `3.100` in 1.000 kr.)
#[test]
fn fifth_blind_round_finds_its_pages() {
    judged_round(
        "fifth",
        include_str!("fixtures/search/blind-qrels-5.tsv"),
        include_str!("fixtures/search/blind-qrels-5-documents.txt"),
        (0.95, 0.95),
    );
}

/// The sixth blind round, 40 queries over the 6 documents of record round 26 (session
/// 18), judged before any change for it: recall@10 .933, best page in the top 3 .975, MRR
/// .963; with a hyphenated name whose part is misspelt (`Faborg-Midtfyn`) corrected part
/// by part: .958, 1.000, .988. (Left: an official name's pages that only say
/// `screeningsforsøget`; `7353000` for a table's `7.353` in 1.000 kr.)
#[test]
fn sixth_blind_round_finds_its_pages() {
    judged_round(
        "sixth",
        include_str!("fixtures/search/blind-qrels-6.tsv"),
        include_str!("fixtures/search/blind-qrels-6-documents.txt"),
        (0.95, 0.95),
    );
}

/// The seventh blind round, 64 queries over the 42 documents of record rounds 27-33
/// (session 25), judged before any change for it: recall@10 .959, best page in the top 3
/// .938, MRR .984; with a quoted phrase's near matches after its exact ones (`"hverken i
/// uddannelse eller job"` for `hverken er i uddannelse eller job`) and `-el` nouns
/// stemmed with their inflections (`hjælpemiddel`/`hjælpemidler`): .980, .953, 1.000.
/// (Left: which of a document's pages naming a municipality is the best one for its
/// name; `rammevisitation` for pages that only say `rammeforsøget`.)
#[test]
fn seventh_blind_round_finds_its_pages() {
    judged_round(
        "seventh",
        include_str!("fixtures/search/blind-qrels-7.tsv"),
        include_str!("fixtures/search/blind-qrels-7-documents.txt"),
        (0.95, 0.93),
    );
}

/// A compound query word also finds its parts written apart, near each other, below the
/// pages that have the compound itself.
#[test]
fn a_compound_finds_its_parts_written_apart() {
    let (_dir, store) = common::index_of(&[
        "tests/fixtures/rendered/blind12-hvidovre-hoeringsnotat.pdf",
        "tests/fixtures/rendered/blind17-arresoe-netvaerksmoede-slides.pdf",
    ]);
    let ranked: Vec<String> = store
        .search(&SearchRequest {
            query: "gruppesamtalerne".into(),
            limit: 10,
            ..Default::default()
        })
        .expect("search")
        .hits
        .iter()
        .map(|h| page_name(&h.source, h.page))
        .collect();
    // `… og at samtaler i grupper har gjort det lettere at bruge tolk.`
    let apart = ranked
        .iter()
        .position(|p| p == "blind12-hvidovre-hoeringsnotat:3");
    let compound = ranked
        .iter()
        .position(|p| p == "blind17-arresoe-netvaerksmoede-slides:6");
    assert!(
        matches!((compound, apart), (Some(c), Some(a)) if c < a),
        "{ranked:?}"
    );
}

/// The hits of `query` (at most 20) as (`document:page`, snippet).
fn hits(store: &IndexStore, query: &str) -> Vec<(String, String)> {
    store
        .search(&SearchRequest {
            query: query.into(),
            limit: 20,
            ..Default::default()
        })
        .expect("search")
        .hits
        .iter()
        .map(|h| (page_name(&h.source, h.page), h.snippet.clone()))
        .collect()
}

/// An abbreviation finds the name it stands for, and the name typed in full finds the
/// abbreviation (`data/abbreviations.tsv`).
#[test]
fn an_abbreviation_and_its_name_find_each_other() {
    let (_dir, store) = common::index_of(&[
        "tests/fixtures/rendered/blind14-lemvig-bekendtgoerelse-bemaerkninger.pdf",
        "tests/fixtures/rendered/blind17-vejle-fjord-statusnotat-kvartal.pdf",
    ]);
    let pages =
        |query: &str| -> Vec<String> { hits(&store, query).into_iter().map(|h| h.0).collect() };
    // Lemvig's page 3 names only `Styrelsen for Arbejdsmarked og Rekruttering`, Vejle's
    // page 3 only `STAR`.
    let short = pages("STAR");
    assert!(short.contains(&"blind14-lemvig-bekendtgoerelse-bemaerkninger:3".to_string()));
    let name = pages("styrelsen for arbejdsmarked og rekruttering");
    assert!(name.contains(&"blind17-vejle-fjord-statusnotat-kvartal:3".to_string()));
}

/// A compound query word finds a suspended compound that holds it: `muskelbesvær` in
/// `muskel- og skeletbesvær`, the first word's head left out.
#[test]
fn a_compound_finds_a_suspended_compound() {
    let (_dir, store) =
        common::index_of(&["tests/fixtures/rendered/blind18-jammerbugt-byraad-referat.pdf"]);
    let results = store
        .search(&SearchRequest {
            query: "muskelbesvær".into(),
            limit: 10,
            ..Default::default()
        })
        .expect("search");
    let hit = results.hits.first().expect("a hit");
    assert_eq!(
        page_name(&hit.source, hit.page),
        "blind18-jammerbugt-byraad-referat:7"
    );
    assert!(
        hit.snippet.contains("[muskel]- og [skeletbesvær]"),
        "{}",
        hit.snippet
    );
}

/// An amount is found however a page writes it: `7353000` finds the cell `7.353` of a
/// table `(1.000 kr.)` as well as `7.353.000` written out, and `11,617 mio` the same
/// table's total `11.617`.
#[test]
fn an_amount_is_found_however_the_page_scales_it() {
    let (_dir, store) =
        common::index_of(&["tests/fixtures/rendered/blind26-tabelbilag-resultater.pdf"]);
    let hits = |query: &str| hits(&store, query);
    let written_out = "blind26-tabelbilag-resultater:2".to_string();
    let in_thousands = "blind26-tabelbilag-resultater:7".to_string();
    let found = hits("7353000");
    let pages: Vec<&String> = found.iter().map(|(p, _)| p).collect();
    assert!(pages.contains(&&written_out), "{found:?}");
    assert!(pages.contains(&&in_thousands), "{found:?}");
    // The snippet of the table's page marks the cell.
    let (_, snippet) = found
        .iter()
        .find(|(p, _)| *p == in_thousands)
        .expect("table page");
    assert!(snippet.contains("[7.353]"), "{snippet}");
    let found = hits("11,617 mio");
    assert!(found.iter().any(|(p, _)| *p == in_thousands), "{found:?}");
    // A number on no page and of no figure finds nothing.
    assert!(hits("7353001").is_empty());
}

/// A quoted phrase that no page has word for word finds the pages with its words a
/// word or two apart, after the exact matches and saying so; a phrase a page has word
/// for word is found as before, and its near matches do not come first.
#[test]
fn a_phrase_finds_its_words_a_little_apart_after_its_exact_matches() {
    let (_dir, store) = common::index_of(&[
        "tests/fixtures/rendered/blind32-udvalgsreferat-tabel.pdf",
        "tests/fixtures/rendered/blind28-kvalitetsrapport-jobcenter.pdf",
    ]);
    let search = |query: &str| {
        store
            .search(&SearchRequest {
                query: query.into(),
                limit: 10,
                ..Default::default()
            })
            .expect("search")
    };
    // The page says `der hverken er i uddannelse eller job`.
    let near = search("\"hverken i uddannelse eller job\"");
    assert_eq!(near.total, 0, "no page has the phrase word for word");
    assert!(near.near_total >= 1);
    let first = near.hits.first().expect("a near match");
    assert_eq!(
        page_name(&first.source, first.page),
        "blind32-udvalgsreferat-tabel:6"
    );
    assert_eq!(
        first.missing,
        ["“hverken i uddannelse eller job” word for word"]
    );
    // Word for word: found as such, with nothing missing.
    let exact = search("\"hverken er i uddannelse eller job\"");
    assert!(exact.total >= 1);
    assert!(exact.hits.first().is_some_and(|h| h.missing.is_empty()));
}
