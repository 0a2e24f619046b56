//! The whole pipeline on documents it was not written against: the record fixtures
//! rendered as PDFs the way municipal documents are made (Word/LibreOffice with four house
//! styles, real tables with drawn grids, Symbol or dash bullets, justified Danish
//! hyphenation, running headers and `Side N af M` footers; Impress slide decks), and some
//! of them scanned (page images with tesseract's Danish OCR layer), by
//! `scripts/render-fixtures.py`. Text is scored against the fixture text, records against
//! its hand-written gold, with `referat eval`'s own code.

use referat::eval::{evaluate, EvalReport};
use referat::extract::Catalog;
use referat::pdf::Limits;
use std::path::Path;

/// Evaluates the rendered PDFs whose names end in `suffix` (`""`: the born-digital ones).
fn evaluate_rendered(scanned: bool) -> (EvalReport, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let corpus = tempfile::tempdir().expect("tempdir");
    let c = corpus.path();
    for sub in ["pdf", "truth", "gold"] {
        fs_err::create_dir(c.join(sub)).expect("mkdir");
    }
    for entry in fs_err::read_dir(root.join("rendered")).expect("rendered fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let stem = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let (name, is_scan) = match stem.strip_suffix("-scanned") {
            Some(n) => (n.to_string(), true),
            None => (stem.clone(), false),
        };
        if is_scan != scanned {
            continue;
        }
        let records = root.join("records");
        fs_err::copy(&path, c.join(format!("pdf/{name}.pdf"))).expect("copy pdf");
        fs_err::copy(
            records.join(format!("{name}.txt")),
            c.join(format!("truth/{name}.txt")),
        )
        .expect("fixture text");
        fs_err::copy(
            records.join(format!("{name}.json")),
            c.join(format!("gold/{name}.json")),
        )
        .expect("fixture gold");
    }
    let report = evaluate(c, &Limits::default(), &Catalog::builtin()).expect("eval");
    let s = &report.records_total;
    let mut summary = String::new();
    for t in &report.text {
        summary.push_str(&format!(
            "{:<40} bag {:.3} order {:.3}\n",
            t.file, t.bag_f1, t.order_f1
        ));
    }
    summary.push_str(&format!(
        "trials {:?}\npairs {:?}\nfigures {:?}\nfigures with trial {:?}\ndecisions {:?}\noutcomes {:?}\nvotes {:?}",
        s.trials, s.participation, s.figures, s.figures_with_trial, s.decisions, s.outcomes, s.votes
    ));
    println!("{summary}");
    (report, summary)
}

#[test]
fn rendered_fixtures_through_the_whole_pipeline() {
    let (report, summary) = evaluate_rendered(false);
    assert!(
        report.text.len() >= 12,
        "one rendered PDF per record fixture"
    );
    // One-page documents keep their running header in the text (nothing repeats to show
    // it is one), which costs a few words against the fixture text.
    for t in &report.text {
        assert!(t.error.is_none(), "{}: {:?}", t.file, t.error);
        assert!(t.bag_f1 >= 0.96 && t.order_f1 >= 0.96, "{summary}");
    }
    let mean = report.text.iter().map(|t| t.order_f1).sum::<f64>() / report.text.len() as f64;
    assert!(mean >= 0.985, "mean order F1 {mean:.4}\n{summary}");
    let s = &report.records_total;
    // At least the goals of the fixtures' text path (tests/records_fixtures.rs).
    assert!(s.trials.f1() >= 0.95, "{summary}");
    assert!(s.participation.f1() >= 0.95, "{summary}");
    assert!(s.figures.f1() >= 0.95, "{summary}");
    assert!(s.figures_with_trial.f1() >= 0.90, "{summary}");
    assert!(s.decisions.f1() >= 0.95, "{summary}");
    assert!(s.outcomes.f1() >= 0.95 && s.outcomes.tp >= 9, "{summary}");
    assert!(s.votes.f1() >= 0.95 && s.votes.tp >= 5, "{summary}");
    for r in &report.records {
        let m = &r.metadata;
        assert!(
            m.kind && m.date && m.body && m.case_numbers && m.title,
            "{}: {:?}",
            r.file,
            m
        );
    }
}

#[test]
fn scanned_fixtures_through_the_whole_pipeline() {
    let (report, summary) = evaluate_rendered(true);
    assert!(report.text.len() >= 4, "scanned minutes and status reports");
    for t in &report.text {
        assert!(t.error.is_none(), "{}: {:?}", t.file, t.error);
        assert!(t.bag_f1 >= 0.95 && t.order_f1 >= 0.95, "{summary}");
    }
    let s = &report.records_total;
    // OCR misreads some words ("2%" for "2½", "(0, C)" for "(O, C)"), so a decision's
    // text rarely matches its gold word for word; its outcome and vote must.
    assert!(s.trials.f1() >= 0.95, "{summary}");
    assert!(s.participation.f1() >= 0.95, "{summary}");
    assert!(s.figures.f1() >= 0.90, "{summary}");
    assert!(s.figures_with_trial.f1() >= 0.90, "{summary}");
    assert!(s.outcomes.f1() >= 0.95 && s.outcomes.tp >= 6, "{summary}");
    assert!(s.votes.f1() >= 0.95 && s.votes.tp >= 3, "{summary}");
    for r in &report.records {
        let m = &r.metadata;
        assert!(m.kind && m.date && m.body, "{}: {:?}", r.file, m);
    }
}

/// Minutes set as one ruled table (`Pkt. | Sag | Indstilling | Beslutning`), one grid row
/// per wrapped line, broken over pages under a repeated header: every item is read with
/// its title, case number, whole decision and who was away, as from running minutes.
#[test]
fn minutes_laid_out_as_a_table_are_read_item_by_item() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text = referat::text::extract_file(
        &root.join("rendered/blind32-udvalgsreferat-tabel.pdf"),
        &Limits::default(),
    )
    .expect("extracts");
    let doc = referat::extract::extract(&text, &Catalog::builtin());
    let gold: serde_json::Value = serde_json::from_str(
        &fs_err::read_to_string(root.join("records/blind32-udvalgsreferat-tabel.json"))
            .expect("gold"),
    )
    .expect("gold json");
    let want = gold["decisions"].as_array().expect("decisions");
    assert_eq!(doc.decisions.len(), want.len(), "{:#?}", doc.decisions);
    for (got, want) in doc.decisions.iter().zip(want) {
        assert_eq!(Some(got.item.as_str()), want["item"].as_str());
        assert_eq!(got.title.as_deref(), want["title"].as_str());
        assert_eq!(got.case_number.as_deref(), want["case_number"].as_str());
        assert_eq!(Some(got.decision.as_str()), want["decision"].as_str());
        let absent: Vec<&str> = want["absent"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a.as_str())
            .collect();
        assert_eq!(got.absent, absent, "item {}", got.item);
    }
    // The trials the items' case texts describe, with the municipalities taking part.
    let names: Vec<&str> = doc.trials.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        ["Lempede mentorregler", "Formkrav ved lovpligtige samtaler"]
    );
}
