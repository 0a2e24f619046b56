//! The whole pipeline on documents it was not written against: the record fixtures
//! rendered as PDFs the way municipal documents are made (Word/LibreOffice with four house
//! styles, real tables with drawn grids, Symbol or dash bullets, justified Danish
//! hyphenation, running headers and `Side N af M` footers; Impress slide decks), by
//! `scripts/render-fixtures.py`. Text is scored against the fixture text, records against
//! its hand-written gold, with `referat eval`'s own code.

use referat::eval::evaluate;
use referat::extract::Catalog;
use referat::pdf::Limits;
use std::path::Path;

#[test]
fn rendered_fixtures_through_the_whole_pipeline() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let corpus = tempfile::tempdir().expect("tempdir");
    for sub in ["pdf", "truth", "gold"] {
        fs_err::create_dir(corpus.path().join(sub)).expect("mkdir");
    }
    let mut n = 0;
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
        let c = corpus.path();
        fs_err::copy(&path, c.join(format!("pdf/{stem}.pdf"))).expect("copy pdf");
        let records = root.join("records");
        fs_err::copy(
            records.join(format!("{stem}.txt")),
            c.join(format!("truth/{stem}.txt")),
        )
        .expect("fixture text");
        fs_err::copy(
            records.join(format!("{stem}.json")),
            c.join(format!("gold/{stem}.json")),
        )
        .expect("fixture gold");
        n += 1;
    }
    assert!(n >= 12, "one rendered PDF per record fixture");
    let report = evaluate(corpus.path(), &Limits::default(), &Catalog::builtin()).expect("eval");

    let mut text = String::new();
    for t in &report.text {
        text.push_str(&format!(
            "{:<40} bag {:.3} order {:.3}\n",
            t.file, t.bag_f1, t.order_f1
        ));
    }
    println!("{text}");
    // One-page documents keep their running header in the text (nothing repeats to show
    // it is one), which costs a few words against the fixture text.
    for t in &report.text {
        assert!(t.error.is_none(), "{}: {:?}", t.file, t.error);
        assert!(t.bag_f1 >= 0.96 && t.order_f1 >= 0.96, "{text}");
    }
    let mean = report.text.iter().map(|t| t.order_f1).sum::<f64>() / report.text.len() as f64;
    assert!(mean >= 0.985, "mean order F1 {mean:.4}\n{text}");

    let s = &report.records_total;
    let summary = format!(
        "trials {:?}\npairs {:?}\nfigures {:?}\nfigures with trial {:?}\ndecisions {:?}\noutcomes {:?}\nvotes {:?}",
        s.trials, s.participation, s.figures, s.figures_with_trial, s.decisions, s.outcomes, s.votes
    );
    println!("{summary}");
    // The same goals as the fixtures' text path (tests/records_fixtures.rs).
    assert!(s.trials.f1() >= 0.90, "{summary}");
    assert!(s.participation.f1() >= 0.90, "{summary}");
    assert!(s.figures.f1() >= 0.90, "{summary}");
    assert!(s.figures_with_trial.f1() >= 0.85, "{summary}");
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
