//! Batch ingestion on real PDFs: incremental runs, changes, a killed run, two writers.

use assert_cmd::Command;
use referat::index::IndexStore;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn corpus_pdfs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            !p.to_string_lossy().contains("imageonly") && !p.to_string_lossy().contains("scanned")
        })
        .collect();
    v.sort();
    v
}

/// `copies` distinct PDFs: the small corpus PDFs with a numbered comment appended after
/// `%%EOF` (readers ignore it), so each has its own content hash.
fn make_inputs(dir: &Path, copies: usize) -> Vec<PathBuf> {
    make_tagged_inputs(dir, copies, "copy")
}

fn make_tagged_inputs(dir: &Path, copies: usize, tag: &str) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("mkdir");
    let sources = corpus_pdfs();
    let mut out = Vec::new();
    for i in 0..copies {
        let src = &sources[i % sources.len()];
        let mut bytes = std::fs::read(src).expect("read");
        bytes.extend_from_slice(format!("\n% {tag} {i}\n").as_bytes());
        let path = dir.join(format!("doc-{i:03}.pdf"));
        std::fs::write(&path, bytes).expect("write");
        out.push(path);
    }
    out
}

fn ingest(inputs: &Path, index: &Path) -> Command {
    let mut cmd = Command::cargo_bin("referat").expect("binary");
    cmd.env_remove("REFERAT_INDEX")
        .env_remove("REFERAT_TRIALS")
        .arg("ingest")
        .arg(inputs)
        .arg("--index")
        .arg(index)
        .arg("-q");
    cmd
}

fn report(dir: &Path, inputs: &Path, index: &Path) -> Vec<serde_json::Value> {
    report_with(dir, inputs, index, &[])
}

/// An ingest's report, with further arguments (`--prune`, `--trials FILE`).
fn report_with(
    dir: &Path,
    inputs: &Path,
    index: &Path,
    args: &[&std::ffi::OsStr],
) -> Vec<serde_json::Value> {
    let path = dir.join("report.jsonl");
    ingest(inputs, index)
        .args(args)
        .arg("--report")
        .arg(&path)
        .assert()
        .success();
    std::fs::read_to_string(&path)
        .expect("report")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

fn statuses(report: &[serde_json::Value], status: &str) -> BTreeSet<String> {
    report
        .iter()
        .filter(|l| l["status"] == status)
        .map(|l| {
            Path::new(l["path"].as_str().expect("path"))
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

fn indexed_sources(index: &Path) -> Vec<String> {
    let mut v: Vec<String> = IndexStore::open(index)
        .expect("index opens")
        .documents()
        .expect("documents")
        .into_iter()
        .map(|d| d.source)
        .collect();
    v.sort();
    v
}

#[test]
fn second_run_extracts_nothing_and_changes_are_exactly_applied() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = dir.path().join("in");
    let index = dir.path().join("index");
    let files = make_inputs(&inputs, 6);

    let first = report(dir.path(), &inputs, &index);
    assert_eq!(statuses(&first, "new").len(), 6);

    let again = report(dir.path(), &inputs, &index);
    assert_eq!(
        statuses(&again, "unchanged").len(),
        6,
        "zero extractions: {again:?}"
    );

    // Change one, delete one, add one.
    let mut changed = std::fs::read(&files[0]).expect("read");
    changed.extend_from_slice(b"\n% edited\n");
    std::fs::write(&files[0], changed).expect("write");
    std::fs::remove_file(&files[1]).expect("rm");
    std::fs::copy(&files[2], inputs.join("added.pdf")).expect("cp");
    let mut added = std::fs::read(inputs.join("added.pdf")).expect("read");
    added.extend_from_slice(b"\n% added\n");
    std::fs::write(inputs.join("added.pdf"), added).expect("write");

    let third = report_with(dir.path(), &inputs, &index, &["--prune".as_ref()]);
    assert_eq!(
        statuses(&third, "changed"),
        BTreeSet::from(["doc-000.pdf".to_string()])
    );
    assert_eq!(
        statuses(&third, "new"),
        BTreeSet::from(["added.pdf".to_string()])
    );
    assert_eq!(statuses(&third, "unchanged").len(), 4);

    let sources = indexed_sources(&index);
    assert_eq!(sources.len(), 6, "{sources:?}");

    // A renamed file is not extracted again; the index follows it.
    std::fs::rename(inputs.join("doc-003.pdf"), inputs.join("renamed.pdf")).expect("mv");
    let fourth = report(dir.path(), &inputs, &index);
    assert_eq!(
        statuses(&fourth, "moved"),
        BTreeSet::from(["renamed.pdf".to_string()])
    );
    assert_eq!(statuses(&fourth, "unchanged").len(), 5);
    let sources = indexed_sources(&index);
    assert!(
        sources.iter().any(|s| s.ends_with("renamed.pdf")),
        "{sources:?}"
    );
    assert!(
        !sources.iter().any(|s| s.ends_with("doc-003.pdf")),
        "{sources:?}"
    );
    assert!(
        !sources.iter().any(|s| s.ends_with("doc-001.pdf")),
        "pruned"
    );
    let unique: BTreeSet<_> = sources.iter().collect();
    assert_eq!(unique.len(), sources.len(), "no duplicates");
}

#[test]
fn killed_ingest_leaves_a_usable_index_and_the_rerun_completes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = dir.path().join("in");
    let index = dir.path().join("index");
    make_inputs(&inputs, 40);

    let bin = assert_cmd::cargo::cargo_bin("referat");
    let mut child = std::process::Command::new(&bin)
        .arg("ingest")
        .arg(&inputs)
        .arg("--index")
        .arg(&index)
        .args(["-q", "--commit-every", "3", "-j", "1"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    // Kill it right after its first commit is visible, while it is still working.
    let mut committed = 0;
    for _ in 0..600 {
        committed = IndexStore::open(&index)
            .and_then(|s| s.documents())
            .map(|d| d.len())
            .unwrap_or(0);
        if committed > 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(committed > 0, "a first commit within 12 s");
    assert!(
        child.try_wait().expect("status").is_none(),
        "still running when killed"
    );
    child.kill().expect("SIGKILL"); // kill() is SIGKILL on Unix
    child.wait().expect("reaped");

    // The index is as of its last commit: it opens, reads and searches.
    let store = IndexStore::open(&index).expect("opens after kill");
    let before = store.documents().expect("readable").len();
    assert!(
        before >= committed && before < 40,
        "{before} documents after the kill"
    );
    let rerun = report(dir.path(), &inputs, &index);
    assert_eq!(rerun.len(), 40);
    assert!(rerun
        .iter()
        .all(|l| l["status"] == "new" || l["status"] == "unchanged"));
    let sources = indexed_sources(&index);
    assert_eq!(sources.len(), 40, "every file exactly once");
    let store = IndexStore::open(&index).expect("opens");
    let hits = store
        .search(&referat::index::SearchRequest {
            query: "frikommuneforsøg".into(),
            limit: 5,
            ..Default::default()
        })
        .expect("search works");
    assert!(!hits.hits.is_empty());
}

#[test]
fn a_second_writer_is_refused_while_searches_keep_working() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = dir.path().join("in");
    let index = dir.path().join("index");
    make_inputs(&inputs, 3);
    ingest(&inputs, &index).assert().success();

    // This test process plays the first ingest: it holds the index's writer.
    let store = IndexStore::open(&index).expect("opens");
    let writer = store.writer().expect("first writer");
    make_tagged_inputs(&dir.path().join("more"), 4, "more");
    let refused = ingest(&dir.path().join("more"), &index)
        .output()
        .expect("runs");
    assert_eq!(refused.status.code(), Some(2), "second writer refused");
    let msg = String::from_utf8_lossy(&refused.stderr);
    assert!(
        msg.contains("another") || msg.contains("lock"),
        "clear message: {msg}"
    );

    // Searching while the writer is held works.
    Command::cargo_bin("referat")
        .expect("binary")
        .args(["search", "frikommuneforsøg", "--index"])
        .arg(&index)
        .assert()
        .success();

    drop(writer);
    ingest(&dir.path().join("more"), &index).assert().success();
    assert_eq!(indexed_sources(&index).len(), 7);
}

#[test]
fn an_index_of_another_schema_asks_for_a_reindex() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = dir.path().join("in");
    let index = dir.path().join("index");
    make_inputs(&inputs, 1);
    ingest(&inputs, &index).assert().success();
    std::fs::write(index.join("referat-index.json"), r#"{"schema_version":0}"#).expect("write");
    let out = ingest(&inputs, &index).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("reindex needed"));
    // Another program's tantivy index: refused, not misread.
    let other = dir.path().join("other");
    let mut builder = tantivy::schema::Schema::builder();
    builder.add_text_field("body", tantivy::schema::TEXT);
    std::fs::create_dir_all(&other).expect("mkdir");
    tantivy::Index::create_in_dir(&other, builder.build()).expect("create");
    std::fs::write(other.join("referat-index.json"), r#"{"schema_version":1}"#).expect("write");
    let err = IndexStore::open(&other).err().expect("refused");
    assert!(err.to_string().contains("reindex needed"), "{err}");
}

/// Segment ids named by the index's `meta.json`, and the segment ids of the files on
/// disk: after an ingest every file on disk belongs to a live segment.
fn segments(index: &Path) -> (BTreeSet<String>, BTreeSet<String>) {
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(index.join("meta.json")).expect("meta"))
            .expect("json");
    let live = meta["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .filter_map(|s| s["segment_id"].as_str())
        .map(|id| id.replace('-', ""))
        .collect();
    let on_disk = std::fs::read_dir(index)
        .expect("index dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter_map(|name| {
            let (stem, _) = name.split_once('.')?;
            (stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit()))
                .then(|| stem.to_string())
        })
        .collect();
    (live, on_disk)
}

#[test]
fn monthly_runs_leave_no_dead_segments_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = dir.path().join("in");
    let index = dir.path().join("index");
    make_inputs(&inputs, 4);
    ingest(&inputs, &index).assert().success();
    let (live, _) = segments(&index);
    let first = live.len();

    // Twelve months: each run changes one file and adds one, so each commits new segments
    // and deletes old records.
    for month in 0..12 {
        let changed = inputs.join(format!("doc-{:03}.pdf", month % 4));
        let mut bytes = std::fs::read(&changed).expect("read");
        bytes.extend_from_slice(format!("\n% month {month}\n").as_bytes());
        std::fs::write(&changed, bytes).expect("write");
        make_tagged_inputs(
            &inputs.join(format!("m{month:02}")),
            1,
            &format!("month {month}"),
        );
        ingest(&inputs, &index).assert().success();

        let (live, on_disk) = segments(&index);
        let dead: Vec<_> = on_disk.difference(&live).collect();
        assert!(
            dead.is_empty(),
            "month {month}: files of dead segments {dead:?}"
        );
    }
    let (live, _) = segments(&index);
    // Tantivy's log merge policy merges 8 segments of a size class into one.
    assert!(
        live.len() <= first + 8,
        "segments merged as runs accumulate: {first} after the first run, {} after 13",
        live.len()
    );
    assert_eq!(
        indexed_sources(&index).len(),
        4 + 12,
        "every file exactly once"
    );
}

/// Documents read by another extractor (here: with a user's trials file, and without it
/// again) are read again, their records replaced, not doubled; the same extractor
/// leaves them alone.
#[test]
fn another_trials_catalog_reads_indexed_documents_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = dir.path().join("in");
    let index = dir.path().join("index");
    make_inputs(&inputs, 3);
    let trials_file = dir.path().join("trials.json");
    std::fs::write(
        &trials_file,
        r#"{"trials": [{"name": "Formkrav ved lovpligtige samtaler", "aliases": ["samtaleforsøget"]}]}"#,
    )
    .expect("write");
    let table = |index: &Path| {
        let out = Command::cargo_bin("referat")
            .expect("binary")
            .env_remove("REFERAT_INDEX")
            .args(["trials", "--format", "json", "--index"])
            .arg(index)
            .output()
            .expect("trials");
        assert!(out.status.success());
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let run = |with_file: bool| {
        let trials = ["--trials".as_ref(), trials_file.as_os_str()];
        let args: &[&std::ffi::OsStr] = if with_file { &trials } else { &[] };
        report_with(dir.path(), &inputs, &index, args)
    };

    assert_eq!(statuses(&run(false), "new").len(), 3);
    let before = table(&index);
    assert!(
        before.contains("Formkrav ved lovpligtige samtaler"),
        "{before}"
    );

    let with_file = run(true);
    assert_eq!(
        statuses(&with_file, "reextracted").len(),
        3,
        "{with_file:?}"
    );
    assert_eq!(indexed_sources(&index).len(), 3, "replaced, not doubled");
    assert_eq!(table(&index), before, "the same records, read again");

    assert_eq!(statuses(&run(true), "unchanged").len(), 3);
    assert_eq!(statuses(&run(false), "reextracted").len(), 3);
    assert_eq!(statuses(&run(false), "unchanged").len(), 3);
}
