//! Snapshot tests: the full records extracted from each own fixture and each shipped
//! corpus truth text, compared with the reviewed JSON in `tests/fixtures/records/snapshots/`.
//! Any change to extraction shows up here as a diff to review. After checking a change
//! is right, rewrite the snapshots with `UPDATE_SNAPSHOTS=1 cargo test --test records_snapshots`.

mod common;

use std::path::Path;

fn check(cases: &[common::Case], failures: &mut Vec<String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    for case in cases {
        let got = serde_json::to_string_pretty(&case.pred).expect("json") + "\n";
        let path = dir.join(format!("{}.json", case.name));
        if update {
            fs_err::create_dir_all(&dir).expect("snapshot folder");
            fs_err::write(&path, &got).expect("write snapshot");
            continue;
        }
        match fs_err::read_to_string(&path) {
            Ok(want) if want == got => {}
            Ok(want) => {
                let first = want
                    .lines()
                    .zip(got.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or_else(|| want.lines().count().min(got.lines().count()));
                failures.push(format!(
                    "{}: records changed from line {}: snapshot {:?}, now {:?}",
                    case.name,
                    first + 1,
                    want.lines().nth(first).unwrap_or("<end>"),
                    got.lines().nth(first).unwrap_or("<end>"),
                ));
            }
            Err(e) => failures.push(format!("{}: no snapshot ({e})", case.name)),
        }
    }
}

#[test]
fn records_match_the_reviewed_snapshots() {
    let mut failures = Vec::new();
    check(&common::fixture_cases(), &mut failures);
    check(&common::corpus_cases(), &mut failures);
    assert!(
        failures.is_empty(),
        "{}\n(review, then UPDATE_SNAPSHOTS=1 cargo test --test records_snapshots)",
        failures.join("\n")
    );
}
