//! Records of real municipal PDFs (tests/fixtures/pdf, sources in its README): the
//! genres the pipeline is for, in layouts nobody wrote for it.

use referat::pdf::Limits;
use std::path::Path;

#[test]
fn acadre_minutes_item_numbered_through_the_year() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf/dk-syddjurs-puk-referat.pdf");
    let text = referat::text::extract_file(&path, &Limits::default()).expect("extracts");
    let catalog = referat::extract::catalog::Catalog::builtin();
    let doc = referat::extract::extract(&text, &catalog);
    assert_eq!(doc.kind, referat::extract::document::DocumentKind::Minutes);
    assert_eq!(doc.date.as_deref(), Some("2013-06-20"));
    assert_eq!(
        doc.body.as_deref(),
        Some("Udvalget for plan, udvikling og kultur")
    );
    assert_eq!(doc.case_numbers, vec!["12/27845".to_string()]);
    let [d] = doc.decisions.as_slice() else {
        panic!("one decided item: {:#?}", doc.decisions);
    };
    assert_eq!(d.item, "715");
    assert_eq!(
        d.title.as_deref(),
        Some("Kulturkommune 2017. Politiske fokusområder")
    );
    assert_eq!(d.case_number.as_deref(), Some("12/27845"));
    // Decided over three meetings: this meeting's (the last) decision, not all three.
    assert!(
        d.decision.starts_with("Punktet blev drøftet."),
        "{}",
        d.decision
    );
    assert!(
        !d.decision.contains("ekstraordinært møde"),
        "{}",
        d.decision
    );
}
