//! Records of real municipal PDFs (tests/fixtures/pdf, sources in its README): the
//! genres the pipeline is for, in layouts nobody wrote for it.

use referat::extract::document::{Document, Outcome};
use referat::pdf::Limits;
use std::path::Path;

fn records(path: &Path) -> Document {
    let text = referat::text::extract_file(path, &Limits::default()).expect("extracts");
    referat::extract::extract(&text, &referat::extract::catalog::Catalog::builtin())
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name)
}

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

#[test]
fn edoc_minutes_with_the_decision_on_its_label_line() {
    let doc = records(&fixture("dk-ballerup-sfu-referat-2012.pdf"));
    assert_eq!(doc.date.as_deref(), Some("2012-12-04"));
    // No title line: the masthead naming committee and meeting, not "Referat" or a member.
    assert_eq!(
        doc.title.as_deref(),
        Some("Sundheds- og Forebyggelsesudvalget tirsdag den 4. december 2012")
    );
    assert_eq!(
        doc.body.as_deref(),
        Some("Sundheds- og Forebyggelsesudvalget")
    );
    let items: Vec<&str> = doc.decisions.iter().map(|d| d.item.as_str()).collect();
    assert_eq!(items, ["1", "2", "3", "4", "5", "6", "7", "8"]);
    let first = &doc.decisions[0];
    assert_eq!(first.title.as_deref(), Some("Meddelelser"));
    assert_eq!(first.decision, "Taget til efterretning");
    assert_eq!(first.outcome, Some(Outcome::Noted));
    assert_eq!(doc.decisions[2].outcome, Some(Outcome::Recommended));
    assert_eq!(doc.decisions[1].outcome, Some(Outcome::Approved));
    // "Følgende deltog ikke i behandlingen af punktet:" with nobody after it.
    assert!(
        doc.decisions.iter().all(|d| d.absent.is_empty()),
        "{:#?}",
        doc.decisions
    );
}

/// A city council's minutes (not redistributable: read from the robustness set when
/// it is there).
#[test]
fn council_minutes_with_decisions_headings_and_referrals() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/robustness/dk-aarhus-byraad-referat-2025.pdf");
    if !path.exists() {
        return;
    }
    let doc = records(&path);
    assert_eq!(doc.date.as_deref(), Some("2025-08-27"));
    assert_eq!(doc.body.as_deref(), Some("Byrådet"));
    assert!(doc.decisions.len() >= 15, "{}", doc.decisions.len());
    assert_eq!(doc.decisions[0].decision, "Godkendt.");
    assert!(doc
        .decisions
        .iter()
        .any(|d| d.outcome == Some(Outcome::Referred)));
    // Absence sentences share a paragraph with a party's reservation.
    let absent: std::collections::BTreeSet<&str> = doc
        .decisions
        .iter()
        .flat_map(|d| d.absent.iter().map(String::as_str))
        .collect();
    assert_eq!(absent.into_iter().collect::<Vec<_>>(), ["Jesper Kjeldsen"]);
}

/// Documents that talk about meetings without recording one (an invitation letter, a
/// manual for an agenda system) are not minutes; those that record one are. Read from
/// the robustness set when it is there.
#[test]
fn minutes_are_told_from_documents_that_mention_meetings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/robustness");
    if !dir.is_dir() {
        return;
    }
    use referat::extract::document::DocumentKind::{Minutes, Other};
    for (name, kind) in [
        ("dk-kkr-brev-word2010", Other),
        ("dk-os2dagsorden-releasenotes-2015", Other),
        ("dk-edoc-setup-libreoffice36", Other),
        ("dk-syddjurs-puk-referat", Minutes),
        ("dk-ballerup-sfu-referat-2012", Minutes),
        ("dk-aarhus-byraad-referat-2025", Minutes),
    ] {
        let doc = records(&dir.join(format!("{name}.pdf")));
        assert_eq!(doc.kind, kind, "{name}");
    }
}
