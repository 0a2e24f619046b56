//! Small robustness fixtures (tests/fixtures/pdf, sources in its README): cycles,
//! damaged streams and encryption end in text or a typed error, never a panic.

use referat::pdf::Limits;
use referat::Error;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name)
}

#[test]
fn page_tree_loop_terminates() {
    let doc = referat::text::extract_file(&fixture("cycle-pages-loop.pdf"), &Limits::default());
    assert!(doc.is_ok(), "{doc:?}");
}

#[test]
fn self_referencing_form_is_bounded() {
    let doc = referat::text::extract_file(&fixture("cycle-operator-list.pdf"), &Limits::default())
        .expect("extracts");
    assert_eq!(doc.pages.len(), 1);
}

#[test]
fn flate_overflow_is_not_fatal() {
    let r = referat::text::extract_file(&fixture("damaged-flate-overflow.pdf"), &Limits::default());
    assert!(!matches!(r, Err(Error::Panic { .. })));
}

#[test]
fn user_password_is_reported() {
    let r =
        referat::text::extract_file(&fixture("enc-needs-user-password.pdf"), &Limits::default());
    match r {
        Err(e @ Error::PasswordRequired { .. }) => {
            assert!(e.to_string().contains("enc-needs-user-password.pdf"))
        }
        other => panic!("expected PasswordRequired, got {other:?}"),
    }
}

#[test]
fn aes256_with_empty_password_opens() {
    let doc = referat::text::extract_file(&fixture("enc-aes256-r6.pdf"), &Limits::default())
        .expect("extracts");
    assert!(doc.pages.iter().any(|p| !p.text.is_empty()));
}

#[test]
fn danish_identity_h_agenda_item() {
    let doc = referat::text::extract_file(
        &fixture("dk-ballerup-punkt-meddelelser.pdf"),
        &Limits::default(),
    )
    .expect("extracts");
    let text = doc.joined();
    assert!(text.chars().any(|c| "æøåÆØÅ".contains(c)), "{text}");
    assert!(!text.contains('\u{FFFD}'));
    assert!(!text.chars().any(referat::pdf::is_private_use));
}

#[test]
fn vertical_japanese_reads_down_the_columns_and_band_by_band() {
    let doc =
        referat::text::extract_file(&fixture("cjk-japanese-dvipdfmx.pdf"), &Limits::default())
            .expect("extracts");
    let text = doc.joined();
    // Two columns of one stanza, joined without a space (Japanese writes none).
    assert!(
        text.contains("わたくしといふ現象は假定された有機交流電燈のひとつの青い照明です"),
        "{text}"
    );
    // The upper band's last stanza comes before the lower band's first.
    let upper = text
        .find("そのとほりの心象スケッチです")
        .expect("upper band");
    let lower = text
        .find("けれどもこれら新世代沖積世の")
        .expect("lower band");
    assert!(upper < lower, "{text}");
}

#[test]
fn tiny_deadline_gives_a_limit_error() {
    let limits = Limits {
        deadline: std::time::Duration::from_nanos(1),
        ..Limits::default()
    };
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf/status-2019-10.pdf");
    if pdf.exists() {
        let r = referat::text::extract_file(&pdf, &limits);
        assert!(matches!(r, Err(Error::Limit { .. })), "{r:?}");
    }
}

/// The nine pages of pdf-rs's crash-121 file (or a copy damaged further), with the text
/// its first intact page opens with.
fn crash_121(name: &str) -> (referat::text::DocumentText, String) {
    let doc = referat::text::extract_file(&fixture(name), &Limits::default()).expect("extracts");
    assert_eq!(doc.pages.len(), 9);
    let all: String = doc.pages.iter().map(|p| p.text.as_str()).collect();
    assert!(
        all.contains("CreateBB.EXE is a graphic interface for BMC.EXE"),
        "{all}"
    );
    (doc, all)
}

#[test]
fn damaged_flate_keeps_the_text_before_the_damage_and_says_so() {
    let (doc, all) = crash_121("damaged-pdfrs-crash-121.pdf");
    // Past the damage the bytes are no content stream: none of its operators as text.
    for soup in ["]TJ", ")Tj", "TJ0"] {
        assert!(!all.contains(soup), "operator soup {soup:?} in {all}");
    }
    let damaged: Vec<u32> = doc
        .pages
        .iter()
        .filter(|p| {
            p.warnings
                .iter()
                .any(|w| w.contains("content stream damaged"))
        })
        .map(|p| p.number)
        .collect();
    assert!(!damaged.is_empty(), "the damaged pages are reported");
    assert!(damaged.len() < 9, "intact pages are not: {damaged:?}");
}

#[test]
fn a_page_two_billion_points_wide_ends_in_text() {
    // The third page's MediaBox starts at -2147483649: the column search once stepped
    // across it 2 pt at a time, at a size where adding 2 changes nothing, and never ended.
    let (doc, _) = crash_121("damaged-mediabox-huge.pdf");
    assert!(
        doc.pages[2].text.split_whitespace().count() > 20,
        "{}",
        doc.pages[2].text
    );
}

#[test]
fn symbol_font_grid_cells_are_words_of_real_characters() {
    let doc = referat::text::extract_file(&fixture("std14-symbol.pdf"), &Limits::default())
        .expect("extracts");
    let text: String = doc.pages.iter().map(|p| p.text.as_str()).collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    for greek in ["Α", "Β", "Χ", "Λ", "Μ", "Ν", "Ο", "α", "β", "ω"] {
        assert!(words.contains(&greek), "{greek} alone in {text}");
    }
    for symbol in ['ℵ', 'ℑ', 'ℜ', '∫', '∑', '⇔'] {
        assert!(text.contains(symbol), "{symbol} in {text}");
    }
    assert!(!text.chars().any(referat::pdf::is_private_use), "{text}");
}
