//! Real Danish queries against an index of the shipped corpus, built through the whole
//! pipeline (PDF -> text -> records -> index) once for all tests.

use referat::extract::Catalog;
use referat::index::{FigureFilter, IndexStore, SearchRequest, SearchResults};
use std::path::Path;
use std::sync::OnceLock;

mod common;

fn index() -> &'static IndexStore {
    static INDEX: OnceLock<(tempfile::TempDir, IndexStore)> = OnceLock::new();
    &INDEX.get_or_init(|| common::index_of(&["corpus/pdf"])).1
}

fn search(query: &str) -> SearchResults {
    run(SearchRequest {
        query: query.into(),
        limit: 20,
        ..Default::default()
    })
}

fn run(request: SearchRequest) -> SearchResults {
    index().search(&request).expect("search")
}

fn file(source: &str) -> &str {
    Path::new(source)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(source)
}

#[test]
fn stemming_finds_inflected_forms() {
    let r = search("lægeattest");
    assert!(r.total > 0);
    assert!(
        r.hits.iter().any(|h| h.snippet.contains("[lægeattester]")),
        "{:#?}",
        r.hits
    );
}

#[test]
fn compounds_are_found_from_their_parts() {
    let r = search("sygedagpenge");
    assert!(
        r.hits.iter().any(|h| h
            .snippet
            .to_lowercase()
            .contains("[sygedagpengeopfølgning]")
            || h.snippet.to_lowercase().contains("[sygedagpengesag")),
        "{:#?}",
        r.hits
    );
    let r = search("attest");
    assert!(r.hits.iter().any(|h| h.snippet.contains("[lægeattester]")));
}

#[test]
fn aa_is_the_same_letter_as_aa_ring() {
    let a = search("Aalborg");
    let b = search("Ålborg");
    assert!(a.total > 0);
    assert_eq!(a.total, b.total);
}

#[test]
fn numbers_and_case_numbers_are_found_whole() {
    let r = search("3.600.000");
    assert!(
        r.hits.iter().any(|h| h.snippet.contains("[3.600.000]")),
        "{:#?}",
        r.hits
    );
    let r = search("2017-064898");
    assert_eq!(file(&r.hits[0].source), "aalborg-beu-punkt6.pdf");
    assert_eq!(r.hits[0].page, 1);
    let joined = search("LÆ285");
    let spaced = search("LÆ 285");
    assert!(joined.total > 0);
    assert_eq!(joined.total, spaced.total);
}

#[test]
fn phrases_exclusion_and_or() {
    let phrase = search("\"formkrav ved lovpligtige samtaler\"");
    let words = search("formkrav ved lovpligtige samtaler");
    assert!(phrase.total > 0 && phrase.total <= words.total);

    let all = search("mikrolån");
    let without = search("mikrolån -Aalborg");
    assert!(without.total < all.total);

    // An excluded phrase takes away exactly the pages that have it (tantivy's phrase
    // scorer must not be sought backwards by the exclusion: it asserts in debug builds).
    for phrase in ["\"selvstændig virksomhed\"", "\"deltagende kommune\""] {
        for word in ["mikrolån", "forsøg"] {
            let with = search(&format!("{word} {phrase}"));
            let without = search(&format!("{word} -{phrase}"));
            assert!(with.total > 0 && without.total > 0, "{word} {phrase}");
            assert_eq!(
                with.total + without.total,
                search(word).total,
                "{word} {phrase}"
            );
        }
    }

    let either = search("psykologbehandling OR mentorregler");
    assert!(
        either.total
            >= search("psykologbehandling")
                .total
                .max(search("mentorregler").total)
    );
    assert!(either.total > 0);
}

#[test]
fn unsupported_syntax_is_said_not_silently_changed() {
    let r = search("lægeattester^2");
    assert!(r.notice.is_some_and(|n| n.contains('^')));
    let err = index().search(&SearchRequest {
        query: "-mikrolån".into(),
        limit: 5,
        ..Default::default()
    });
    assert!(
        err.is_err(),
        "exclusions alone are an error, not everything"
    );
}

#[test]
fn a_report_published_twice_is_shown_once_with_its_versions() {
    let r = search("lægeattester");
    let sources: Vec<&str> = r.hits.iter().map(|h| file(&h.source)).collect();
    let versions = [
        "status-2019-10.pdf",
        "beu-bilag-56.pdf",
        "beu-bilag-56-scanned.pdf",
    ];
    assert_eq!(
        sources
            .iter()
            .filter(|s| versions.contains(s))
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        1,
        "one version shown: {sources:?}"
    );
    let hit = r
        .hits
        .iter()
        .find(|h| versions.contains(&file(&h.source)))
        .expect("hit");
    let other: Vec<&str> = hit.versions.iter().map(|s| file(s)).collect();
    assert!(
        other.iter().any(|s| versions.contains(s)),
        "versions listed: {other:?}"
    );
    // The scan reads as many figures as the digital files (its OCR is repaired), so the
    // tie goes to text a program wrote.
    assert_ne!(
        file(&hit.source),
        "beu-bilag-56-scanned.pdf",
        "a digital version stands for the report"
    );
}

#[test]
fn hits_carry_pages_titles_kinds_and_marked_snippets() {
    let r = search("mikrolån");
    for h in &r.hits {
        assert!(h.page >= 1);
        assert!(h.snippet.contains('['), "{}", h.snippet);
        assert!(!h.kind.is_empty());
    }
}

#[test]
fn filters_and_facets() {
    let r = run(SearchRequest {
        query: "lægeattester".into(),
        municipality: Some("Rebild".into()),
        limit: 20,
        facets: true,
        ..Default::default()
    });
    assert!(r.total > 0);
    let facets = r.facets.expect("facets");
    assert!(facets.municipality.iter().any(|(m, _)| m == "Rebild"));
    let kinds: u64 = facets.kind.iter().map(|(_, n)| n).sum();
    assert_eq!(kinds as usize, r.total, "every page has one kind");

    // Any spelling the catalog knows filters like the official name.
    let by = |m: &str| {
        run(SearchRequest {
            query: "lægeattester".into(),
            municipality: Some(m.into()),
            limit: 5,
            ..Default::default()
        })
        .total
    };
    assert!(by("Vesthimmerland") > 0);
    assert_eq!(by("Vesthimmerlands Kommune"), by("Vesthimmerland"));
    assert_eq!(by("vesthimerland"), by("Vesthimmerland"), "a typo");

    let minutes = run(SearchRequest {
        query: "frikommuneforsøg".into(),
        kind: Some("minutes".into()),
        limit: 50,
        ..Default::default()
    });
    assert!(minutes.total > 0);
    assert!(minutes.hits.iter().all(|h| h.kind == "minutes"));

    let dated = run(SearchRequest {
        query: "lægeattester".into(),
        from: Some("2019".into()),
        to: Some("2019-12".into()),
        limit: 50,
        ..Default::default()
    });
    assert!(dated.total > 0);
    assert!(dated
        .hits
        .iter()
        .all(|h| h.date.as_deref().is_some_and(|d| d.starts_with("2019"))));
    let none = run(SearchRequest {
        query: "lægeattester".into(),
        from: Some("2030".into()),
        limit: 5,
        ..Default::default()
    });
    assert_eq!(none.total, 0);
}

/// Each facet count is the number of pages the same search finds with that value as a
/// filter (the facet tally reads its own per-segment table, so it must agree).
#[test]
fn facet_counts_agree_with_filters() {
    let base = SearchRequest {
        query: "forsøg".into(),
        limit: 1,
        facets: true,
        ..Default::default()
    };
    let r = run(base.clone());
    let facets = r.facets.expect("facets");
    assert!(facets.municipality.len() >= 5, "{facets:?}");
    assert!(facets.trial.len() >= 5, "{facets:?}");
    let filtered = |f: &dyn Fn(&mut SearchRequest)| {
        let mut q = base.clone();
        q.facets = false;
        f(&mut q);
        run(q).total as u64
    };
    for (m, n) in facets.municipality.iter().take(6) {
        assert_eq!(
            filtered(&|q| q.municipality = Some(m.clone())),
            *n,
            "municipality {m}"
        );
    }
    for (t, n) in facets.trial.iter().take(6) {
        assert_eq!(filtered(&|q| q.trial = Some(t.clone())), *n, "trial {t}");
    }
    for (k, n) in &facets.kind {
        assert_eq!(filtered(&|q| q.kind = Some(k.clone())), *n, "kind {k}");
    }
    for (y, n) in &facets.year {
        let got = filtered(&|q| {
            q.from = Some(y.clone());
            q.to = Some(y.clone());
        });
        assert_eq!(got, *n, "year {y}");
    }
}

#[test]
fn figures_filter_by_unit_and_value_and_count_versions_once() {
    let big = index()
        .figures(&FigureFilter {
            unit: Some("DKK".into()),
            min: Some(1_000_000.0),
            ..Default::default()
        })
        .expect("figures");
    let saved: Vec<_> = big.iter().filter(|f| f.value == 3_600_000.0).collect();
    assert_eq!(saved.len(), 1, "one version counted: {saved:#?}");
    assert!(big
        .iter()
        .all(|f| f.value >= 1_000_000.0 && f.unit == "DKK"));
    let all = index()
        .figures(&FigureFilter {
            unit: Some("DKK".into()),
            min: Some(1_000_000.0),
            all_versions: true,
            ..Default::default()
        })
        .expect("figures");
    assert!(all.iter().filter(|f| f.value == 3_600_000.0).count() >= 2);
}

#[test]
fn figures_filter_by_their_documents_date() {
    let all = index().figures(&FigureFilter::default()).expect("figures");
    let in_2019 = index()
        .figures(&FigureFilter {
            from: Some("2019".into()),
            to: Some("2019-12".into()),
            ..Default::default()
        })
        .expect("figures");
    let expected: Vec<_> = all
        .iter()
        .filter(|f| f.date.as_deref().is_some_and(|d| d.starts_with("2019")))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(in_2019.len(), expected.len());
    assert!(in_2019.iter().all(|f| f.date.as_deref() == Some("2019-10")));
    // An undated document's figures (the slides) fall outside any range.
    assert!(all.iter().any(|f| f.date.is_none()));
    let before = index()
        .figures(&FigureFilter {
            to: Some("2019-09".into()),
            ..Default::default()
        })
        .expect("figures");
    assert!(before.is_empty(), "{before:#?}");
    let wrong = index().figures(&FigureFilter {
        from: Some("oktober".into()),
        ..Default::default()
    });
    assert!(wrong.is_err());
}

#[test]
fn figures_of_a_document_come_in_the_order_they_stand() {
    let rows = index()
        .figures(&FigureFilter {
            unit: Some("DKK".into()),
            ..Default::default()
        })
        .expect("figures");
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf/beu-bilag-56.pdf"))
            .expect("corpus pdf");
    let text = referat::text::extract_bytes(&bytes, "beu-bilag-56.pdf", &Default::default())
        .expect("text");
    let document = referat::extract::extract(&text, &Catalog::builtin());
    let expected: Vec<&str> = document
        .figures
        .iter()
        .filter(|f| f.unit == "DKK")
        .map(|f| f.raw.as_str())
        .collect();
    let got: Vec<&str> = rows
        .iter()
        .filter(|r| r.source.ends_with("/beu-bilag-56.pdf"))
        .map(|r| r.raw.as_str())
        .collect();
    assert!(expected.len() >= 3, "{expected:?}");
    assert_eq!(got, expected);
}

#[test]
fn trials_matrix_names_documents() {
    let rows = index().trials().expect("trials");
    let row = rows
        .iter()
        .find(|r| r.trial == "Mikrolån" && r.municipality == "Aalborg")
        .expect("Mikrolån x Aalborg");
    assert!(row
        .documents
        .iter()
        .any(|d| d.ends_with("aalborg-beu-punkt6.pdf")));
}

/// The version a judged page is named by in `qrels.tsv`.
fn judged_name(source: &str) -> String {
    let stem = file(source).trim_end_matches(".pdf");
    if stem.starts_with("beu-bilag-56") {
        "status-2019-10".into()
    } else {
        stem.into()
    }
}

#[test]
fn recall_at_10_over_judged_danish_queries() {
    let qrels = include_str!("fixtures/search/qrels.tsv");
    let mut recalls = Vec::new();
    let mut misses = Vec::new();
    for line in qrels
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (query, judged) = line.split_once('\t').expect("query TAB pages");
        let relevant: std::collections::BTreeSet<&str> = judged.split(',').collect();
        let r = run(SearchRequest {
            query: query.into(),
            limit: 10,
            ..Default::default()
        });
        let found: std::collections::BTreeSet<String> = r
            .hits
            .iter()
            .map(|h| format!("{}:{}", judged_name(&h.source), h.page))
            .filter(|k| relevant.contains(k.as_str()))
            .collect();
        let recall = found.len() as f64 / relevant.len().min(10) as f64;
        if recall < 1.0 {
            misses.push(format!("{query}: {recall:.2}"));
        }
        recalls.push(recall);
    }
    assert!(recalls.len() >= 50, "at least 50 judged queries");
    let mean = recalls.iter().sum::<f64>() / recalls.len() as f64;
    println!(
        "recall@10 over {} judged queries: {mean:.3}; below 1: {misses:?}",
        recalls.len()
    );
    assert!(mean >= 0.9, "recall@10 {mean:.3}; below 1: {misses:#?}");
}

#[test]
fn exact_form_ranks_above_stemmed_form() {
    // "attester" occurs as such, "attest" and "lægeattester" are only related forms.
    let r = search("lægeattesten");
    let top = &r.hits[0];
    assert!(
        top.snippet.contains("[lægeattesten]"),
        "the page with the exact form first: {:#?}",
        r.hits.iter().map(|h| &h.snippet).collect::<Vec<_>>()
    );
}

#[test]
fn misspelt_words_are_searched_as_the_words_meant() {
    // On no page: the word one edit away, the keyboard spelling of ø, and a compound
    // whose first part is misspelt (the compound itself is on no page either).
    for (typed, meant) in [
        ("lægeatester", "lægeattester"),
        ("Hjoerring", "hjørring"),
        ("lægeatestforsøget", "lægeattestforsøget"),
    ] {
        let r = search(typed);
        assert!(r.total > 0, "{typed}");
        let notice = r.notice.as_deref().unwrap_or_default();
        assert!(notice.contains(meant), "{typed}: {notice}");
        let pages = |r: &SearchResults| -> Vec<(String, u32)> {
            r.hits.iter().map(|h| (h.source.clone(), h.page)).collect()
        };
        assert_eq!(pages(&r), pages(&search(meant)), "{typed}");
    }
    // A word the index has on many pages is taken as typed.
    assert_eq!(search("Rebild").notice, None);
}

#[test]
fn a_trial_named_finds_the_pages_about_it_in_other_words() {
    // "psykologforsøget" is the writers' short name; the pages call the trial
    // "Psykologbehandling".
    let short = search("psykologforsøget");
    let as_written = search("\"psykologforsøget\"");
    assert!(short.total > as_written.total);
    assert!(short
        .notice
        .as_deref()
        .is_some_and(|n| n.contains("Psykologbehandling")));
    // Quoted, the words are searched as written.
    assert_eq!(as_written.notice, None);
}

/// When fewer pages than asked for have every word, the best pages that lack one follow
/// them, each naming the word it lacks; `every_word` shows the full matches alone.
#[test]
fn pages_lacking_one_word_follow_those_with_every_word() {
    let request = |every_word| SearchRequest {
        query: "mikrolån Aalborg".into(),
        limit: 10,
        every_word,
        ..Default::default()
    };
    let pages = |r: &SearchResults| -> Vec<(String, u32)> {
        r.hits.iter().map(|h| (h.source.clone(), h.page)).collect()
    };
    let strict = run(request(true));
    assert!(!strict.hits.is_empty() && strict.hits.len() < 10);
    assert!(strict.hits.iter().all(|h| h.missing.is_empty()));
    assert_eq!(strict.partial_total, 0);

    let filled = run(request(false));
    assert_eq!(filled.hits.len(), 10);
    assert!(filled.partial_total > 0);
    let (full, partial) = filled.hits.split_at(strict.hits.len());
    assert_eq!(
        pages(&SearchResults {
            hits: full.to_vec(),
            ..strict.clone()
        }),
        pages(&strict),
        "the pages with every word come first, as without the others"
    );
    for hit in partial {
        let [lacked] = hit.missing.as_slice() else {
            panic!("one word missing: {hit:?}");
        };
        let other = if lacked == "Aalborg" {
            "mikrolån"
        } else {
            "Aalborg"
        };
        let with = |word: &str| {
            pages(&run(SearchRequest {
                query: word.into(),
                limit: 100,
                ..Default::default()
            }))
        };
        let page = (hit.source.clone(), hit.page);
        assert!(with(other).contains(&page), "{page:?} has {other}");
        assert!(!with(lacked).contains(&page), "{page:?} lacks {lacked}");
    }
}

/// A verbal noun also finds its verb, which the Danish stemmer keeps apart
/// (`evaluering`: `evalueres`); quoted, it is searched as written.
#[test]
fn a_verbal_noun_finds_its_verb() {
    let page = |h: &referat::index::Hit| (h.source.clone(), h.page);
    let noun = search("evaluering");
    let written: Vec<_> = search("\"evaluering\"").hits.iter().map(page).collect();
    let by_verb: Vec<_> = noun
        .hits
        .iter()
        .filter(|h| !written.contains(&page(h)))
        .collect();
    assert!(!by_verb.is_empty(), "{:#?}", noun.hits);
    for h in &by_verb {
        assert!(h.snippet.contains("[evaluere"), "{}", h.snippet);
    }
    // Ranked below the pages with the noun itself.
    assert!(page(&noun.hits[0]) != page(by_verb[0]));
}
