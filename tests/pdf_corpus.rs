//! The corpus PDFs against their truth texts: word agreement (bag and order F1).

#[path = "pdf_common.rs"]
mod common;

use referat::pdf::Limits;
use std::path::Path;

fn check(base: &str, min: f64) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let pdf = dir.join("pdf").join(format!("{base}.pdf"));
    let truth = dir.join("truth").join(format!("{base}.txt"));
    let (Ok(truth), true) = (std::fs::read_to_string(&truth), pdf.exists()) else {
        return;
    };
    let doc = referat::text::extract_file(&pdf, &Limits::default()).expect("extracts");
    let got = common::tokens(&doc.joined());
    let want = common::tokens(&truth);
    let bag = common::bag_f1(&want, &got);
    let order = common::order_f1(&want, &got);
    assert!(
        bag >= min && order >= min,
        "{base}: bag {bag:.4} order {order:.4} < {min}"
    );
}

#[test]
fn status_report() {
    check("status-2019-10", 0.995);
}

#[test]
fn folketing_republication_drops_stamp_and_footers() {
    check("beu-bilag-56", 0.995);
}

#[test]
fn ocr_layer_of_scan() {
    check("beu-bilag-56-scanned", 0.99);
}

#[test]
fn rebild_table_and_bullets() {
    check("rebild-seminar-2017", 0.995);
}

#[test]
fn letter_spaced_slides() {
    check("frikommunenetvaerk-slides", 0.995);
}

#[test]
fn aalborg_numbered_lists() {
    check("aalborg-beu-punkt6", 0.995);
}

#[test]
fn image_only_pages_are_flagged() {
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf/beu-bilag-56-imageonly.pdf");
    if !pdf.exists() {
        return;
    }
    let doc = referat::text::extract_file(&pdf, &Limits::default()).expect("extracts");
    assert_eq!(doc.pages.len(), 11);
    assert!(doc.pages.iter().all(|p| !p.text_layer && p.text.is_empty()));
}

#[test]
fn furniture_is_kept_aside() {
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf/rebild-seminar-2017.pdf");
    if !pdf.exists() {
        return;
    }
    let doc = referat::text::extract_file(&pdf, &Limits::default()).expect("extracts");
    let p1 = &doc.pages[0];
    assert!(
        p1.furniture.iter().any(|f| f.contains("Side 1 af 3")),
        "{:?}",
        p1.furniture
    );
    assert!(!p1.text.contains("Side 1 af 3"));
}

fn corpus_text(base: &str) -> Option<String> {
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("corpus/pdf/{base}.pdf"));
    if !pdf.exists() {
        return None;
    }
    let doc = referat::text::extract_file(&pdf, &Limits::default()).expect("extracts");
    Some(doc.joined())
}

#[test]
fn symbol_bullets_become_dashes() {
    let Some(text) = corpus_text("frikommunenetvaerk-slides") else {
        return;
    };
    assert!(!text.chars().any(referat::pdf::is_private_use));
    let items = text.lines().filter(|l| l.starts_with("- ")).count();
    assert!(items >= 30, "{items} list items");
    assert!(text.contains("Deltagelse"), "letter-spaced word kept whole");
    assert!(text.contains("KKR-formandskab"));
}

#[test]
fn line_end_hyphens_joined_real_ones_kept() {
    let Some(text) = corpus_text("status-2019-10") else {
        return;
    };
    assert!(text.contains("skånehensyn"));
    assert!(!text.contains("skånehen-"));
    let Some(rebild) = corpus_text("rebild-seminar-2017") else {
        return;
    };
    assert!(rebild.contains("a-dagpenge"));
}

#[test]
fn table_rows_are_one_line() {
    let Some(text) = corpus_text("rebild-seminar-2017") else {
        return;
    };
    assert!(text.contains("Hvornår | Hvad | Hvem"), "{text}");
    assert!(text.contains("1. juli 2017 | Ikræfttrædelse og implementering | Forvaltningen"));
}
