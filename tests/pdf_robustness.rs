//! Every robustness PDF (../shared/corpus/robustness, skipped when absent) yields text or
//! a typed error naming the file, within the time budget, without panicking.

use referat::pdf::Limits;
use std::path::Path;
use std::time::{Duration, Instant};

#[test]
fn robustness_sweep() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/robustness");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let limits = Limits::default();
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    for f in &files {
        let t = Instant::now();
        let r = referat::text::extract_file(f, &limits);
        // Debug builds are slower than release; allow headroom over the 2 s budget.
        let took = t.elapsed();
        if took > Duration::from_secs(6) {
            failures.push(format!("{}: took {took:?}", f.display()));
        }
        match r {
            Ok(_) => {}
            Err(referat::Error::Panic { cause, .. }) => {
                failures.push(format!("{}: panic {cause}", f.display()))
            }
            Err(e) => {
                let name = f.file_name().map(|n| n.to_string_lossy().into_owned());
                assert!(e.to_string().contains(name.as_deref().unwrap_or("")), "{e}");
            }
        }
        if f.ends_with("enc-needs-user-password.pdf") {
            assert!(matches!(
                referat::text::extract_file(f, &limits),
                Err(referat::Error::PasswordRequired { .. })
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A Japanese gazette whose vertical columns are drawn glyph by glyph in a horizontal
/// font (not redistributable, so only here): read down the columns, not across them.
#[test]
fn stacked_japanese_columns_read_downwards() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/robustness/enc-rc4-japanese-kampo.pdf");
    if !file.is_file() {
        return;
    }
    let doc = referat::text::extract_file(&file, &Limits::default()).expect("extracts");
    let text = doc.joined();
    for phrase in [
        "道路交通法施行令の一部を改正する政令",
        "第十六条中第二号を削り、第三号を第二号とする。",
    ] {
        assert!(text.contains(phrase), "{phrase} not in {text}");
    }
}

/// The Danish municipal documents of the set: no replacement or private-use characters,
/// and æ, ø, å (and capitals) as often as pdftotext finds them (its counts, measured once,
/// are in tests/fixtures/pdf/dk-letter-counts.tsv).
#[test]
fn danish_letters_come_through_whole() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/robustness");
    if !dir.is_dir() {
        return;
    }
    let counts = include_str!("fixtures/pdf/dk-letter-counts.tsv");
    let mut checked = 0;
    for line in counts.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let name = cols.next().expect("name");
        let want: Vec<usize> = cols.map(|c| c.parse().expect("count")).collect();
        let doc = referat::text::extract_file(&dir.join(format!("{name}.pdf")), &Limits::default())
            .expect("a dk file extracts");
        let text: String = doc
            .pages
            .iter()
            .flat_map(|p| {
                std::iter::once(p.text.as_str()).chain(p.furniture.iter().map(String::as_str))
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert!(!text.contains('\u{FFFD}'), "{name}: U+FFFD");
        assert!(
            !text.chars().any(referat::pdf::is_private_use),
            "{name}: private use"
        );
        let got: Vec<usize> = "æøåÆØÅ".chars().map(|c| text.matches(c).count()).collect();
        assert_eq!(got, want, "{name}: æ ø å Æ Ø Å");
        checked += 1;
    }
    assert!(checked >= 20, "{checked} dk files");
}
