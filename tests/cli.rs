//! The real binary on the shipped corpus: every subcommand, exit codes, and a batch with
//! broken files in it.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn referat() -> Command {
    let mut cmd = Command::cargo_bin("referat").expect("binary");
    cmd.env_remove("REFERAT_INDEX").env_remove("REFERAT_TRIALS");
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "exit {:?}; stderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Unreadable inputs: a link whose target is gone, and (Linux) a file that fails to read
/// even for root, which a `chmod 000` file does not.
const UNREADABLE: [&str; 2] = ["moved-away.pdf", "unreadable.pdf"];

/// An index of the corpus PDFs plus broken, empty, non-PDF and unreadable files, built
/// once per test that needs it.
fn ingest_with_broken_files(dir: &Path) -> std::process::Output {
    let inputs = dir.join("inputs");
    std::fs::create_dir_all(&inputs).expect("mkdir");
    for entry in std::fs::read_dir(corpus().join("pdf")).expect("corpus") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name");
        std::fs::copy(&path, inputs.join(name)).expect("copy");
    }
    let good = std::fs::read(corpus().join("pdf/aalborg-beu-punkt6.pdf")).expect("read");
    std::fs::write(inputs.join("truncated.pdf"), &good[..600]).expect("write");
    std::fs::write(inputs.join("garbage.pdf"), b"this is not a PDF at all\n").expect("write");
    std::fs::write(inputs.join("empty.pdf"), b"").expect("write");
    std::fs::write(inputs.join("notes.txt"), "referat af mødet\n").expect("write");
    std::fs::write(inputs.join("budget.xlsx"), b"PK\x03\x04").expect("write");
    std::os::unix::fs::symlink(dir.join("elsewhere.pdf"), inputs.join(UNREADABLE[0]))
        .expect("symlink");
    std::os::unix::fs::symlink("/proc/self/mem", inputs.join(UNREADABLE[1])).expect("symlink");
    referat()
        .arg("ingest")
        .arg(&inputs)
        .arg("--index")
        .arg(dir.join("index"))
        .arg("--report")
        .arg(dir.join("report.jsonl"))
        .output()
        .expect("runs")
}

#[test]
fn text_separates_pages_with_form_feeds() {
    let text = stdout_of(
        referat()
            .arg("text")
            .arg(corpus().join("pdf/aalborg-beu-punkt6.pdf")),
    );
    assert_eq!(text.matches('\u{c}').count(), 2, "3 pages");
    assert!(text.contains("Til orientering."));
    assert!(text.contains("Anne Honoré Østergaard"));
}

#[test]
fn extract_json_gives_decision_and_trials_of_the_three_rounds() {
    let out = stdout_of(
        referat()
            .args(["extract", "--json"])
            .arg(corpus().join("pdf/aalborg-beu-punkt6.pdf")),
    );
    let doc: Value = serde_json::from_str(out.trim()).expect("one JSON object");
    assert_eq!(doc["schema"], "referat.document/1");
    assert_eq!(doc["kind"], "minutes");
    let decisions = doc["decisions"].as_array().expect("decisions");
    assert_eq!(decisions.len(), 1);
    let d = &decisions[0];
    assert_eq!(d["item"], "6");
    assert_eq!(d["decision"], "Til orientering.");
    assert_eq!(d["case_number"], "2017-064898");
    let absent: Vec<&str> = d["absent"]
        .as_array()
        .expect("absent")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(absent, ["Anne Honoré Østergaard", "Kristoffer Hjort Storm"]);

    let trials = doc["trials"].as_array().expect("trials");
    for round in 1..=3 {
        assert!(
            trials.iter().any(|t| t["round"] == round),
            "a trial of round {round}"
        );
    }
    let mikrolaan = trials
        .iter()
        .find(|t| t["name"] == "Mikrolån")
        .expect("Mikrolån");
    assert_eq!(mikrolaan["municipalities"], serde_json::json!(["Aalborg"]));
    let formkrav = trials
        .iter()
        .find(|t| t["name"] == "Formkrav ved lovpligtige samtaler")
        .expect("Formkrav");
    let munis = formkrav["municipalities"].as_array().expect("list");
    assert!(
        munis.contains(&Value::from("Læsø")),
        "Frederikshavn/Læsø is both"
    );
    assert!(munis.contains(&Value::from("Frederikshavn")));
}

#[test]
fn ingest_reports_broken_files_indexes_the_rest_and_search_finds_pages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = ingest_with_broken_files(dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "some inputs failed; stderr: {stderr}"
    );
    let failing = ["truncated.pdf", "garbage.pdf", "empty.pdf"]
        .into_iter()
        .chain(UNREADABLE);
    for broken in failing {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(broken) && l.contains("failed")),
            "{broken} reported with its path: {stderr}"
        );
    }
    let report = std::fs::read_to_string(dir.path().join("report.jsonl")).expect("report");
    let lines: Vec<Value> = report
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 7 + 3 + 2 + 2, "one line per input: {report}");
    let with = |status: &str| {
        lines
            .iter()
            .filter(|l| l["status"] == status)
            .filter_map(|l| l["path"].as_str())
            .filter_map(|p| Path::new(p).file_name()?.to_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(with("new").len(), 7, "every corpus PDF indexed: {report}");
    assert_eq!(with("skipped"), ["budget.xlsx", "notes.txt"]);
    assert_eq!(
        with("failed"),
        [
            "empty.pdf",
            "garbage.pdf",
            "moved-away.pdf",
            "truncated.pdf",
            "unreadable.pdf"
        ]
    );
    assert!(stderr.contains("2 skipped (not PDF)"), "{stderr}");
    assert!(lines
        .iter()
        .filter(|l| l["status"] == "failed")
        .all(|l| l["cause"].is_string() && l["error"].is_string()));

    let index = dir.path().join("index");
    let out = stdout_of(
        referat()
            .args([
                "search",
                "lægeattester",
                "--municipality",
                "Rebild",
                "--json",
            ])
            .arg("--index")
            .arg(&index),
    );
    let results: Value = serde_json::from_str(out.trim()).expect("json");
    let hits = results["hits"].as_array().expect("hits");
    assert!(!hits.is_empty(), "lægeattester in Rebild: {out}");
    for hit in hits {
        assert!(hit["page"].as_u64().is_some_and(|p| p >= 1));
        let snippet = hit["snippet"].as_str().expect("snippet").to_lowercase();
        // The compound, or its two parts written apart ("… de praktiserende [læger], der
        // ikke skal … udarbejde [attesten]").
        let parts = snippet.contains("[læge") && snippet.contains("[attest");
        assert!(
            snippet.contains("[lægeattest") || parts,
            "marked match: {snippet}"
        );
    }

    // Plain output: page numbers and snippets for people.
    let plain = stdout_of(
        referat()
            .args(["search", "lægeattester", "--municipality", "Rebild"])
            .arg("--index")
            .arg(&index),
    );
    assert!(plain.contains("page "), "{plain}");

    // figures and trials read the same index.
    let csv = stdout_of(
        referat()
            .args(["figures", "--unit", "DKK", "--format", "csv"])
            .arg("--index")
            .arg(&index),
    );
    let mut lines = csv.lines();
    assert!(lines.next().is_some_and(|h| h.contains("value")), "{csv}");
    assert!(lines.count() >= 1, "some kr. figures: {csv}");
    let trials = stdout_of(
        referat()
            .args(["trials", "--format", "json"])
            .arg("--index")
            .arg(&index),
    );
    let rows: Vec<Value> = trials
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert!(rows
        .iter()
        .any(|r| r["trial"] == "Mikrolån" && r["municipality"] == "Aalborg"));
}

#[test]
fn search_without_index_is_a_clear_fatal_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = referat()
        .args(["search", "mikrolån", "--index"])
        .arg(dir.path().join("nowhere"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("nowhere") && stderr.contains("ingest"),
        "{stderr}"
    );
}

#[test]
fn usage_error_exits_2() {
    referat().arg("search").assert().code(2);
    referat().arg("frobnicate").assert().code(2);
}

#[test]
fn eval_prints_text_and_record_scores() {
    let out = stdout_of(referat().arg("eval").arg("--corpus").arg(corpus()));
    assert!(out.contains("status-2019-10.pdf"), "{out}");
    assert!(out.contains("bag F1"), "{out}");
}
