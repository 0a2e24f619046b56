//! Quality cannot slide back unnoticed: `referat eval`'s numbers on the shipped corpus
//! (real PDFs through the whole pipeline) held to the goals.

use referat::eval::evaluate;
use referat::extract::Catalog;
use referat::pdf::Limits;
use std::path::Path;

#[test]
fn corpus_quality_holds() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let report = evaluate(&corpus, &Limits::default(), &Catalog::builtin()).expect("eval");

    assert_eq!(report.text.len(), 7);
    for t in &report.text {
        if !t.pages_without_text.is_empty() {
            continue; // needs OCR
        }
        assert!(t.error.is_none(), "{}: {:?}", t.file, t.error);
        assert!(
            t.bag_f1 >= 0.995 && t.order_f1 >= 0.995,
            "{}: bag {:.4} order {:.4}",
            t.file,
            t.bag_f1,
            t.order_f1
        );
    }

    let total = &report.records_total;
    assert!(total.trials.f1() >= 0.95, "trials {:?}", total.trials);
    assert!(
        total.participation.f1() >= 0.95,
        "pairs {:?}",
        total.participation
    );
    assert!(total.figures.f1() >= 0.95, "figures {:?}", total.figures);
    assert!(
        total.figures_with_trial.f1() >= 0.90,
        "{:?}",
        total.figures_with_trial
    );
    assert_eq!(total.decisions.f1(), 1.0, "{:?}", total.decisions);

    // Metadata right on every born-digital file (the scan's OCR text is not held to it).
    for r in report
        .records
        .iter()
        .filter(|r| r.scored && !r.file.contains("scanned"))
    {
        let m = &r.metadata;
        assert!(
            m.kind && m.date && m.body && m.case_numbers && m.title,
            "{}: {:?}",
            r.file,
            m
        );
    }
}
