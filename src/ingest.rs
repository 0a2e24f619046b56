//! The `ingest` stage: many PDFs extracted in parallel, fed to one index writer.
//!
//! Extraction runs on a rayon pool, each file under `catch_unwind` and the extractor's
//! own limits, so one file's failure is that file's error. Results go through a bounded
//! channel to the single index writer on the calling thread, which commits by count and
//! time, so memory does not grow with the number of files and a killed run loses at most
//! the work since the last commit. Files whose content hash is already indexed are not
//! extracted again, unless another extractor read them (see [`extractor_version`]).

use crate::error::{Error, Result};
use crate::extract::{Catalog, Document};
use crate::index::IndexStore;
use crate::pdf::Limits;
use crate::text::DocumentText;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

/// What to ingest, and how.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files and folders; folders are walked for `*.pdf`.
    pub paths: Vec<PathBuf>,
    /// The index directory (created when absent).
    pub index_dir: PathBuf,
    /// Per-file extraction limits.
    pub limits: Limits,
    /// Known trials and municipalities.
    pub catalog: Catalog,
    /// Worker threads; 0 uses one per core.
    pub threads: usize,
    /// Commit after this many changed documents...
    pub commit_every: usize,
    /// ... or after this much time, whichever comes first.
    pub commit_interval: Duration,
    /// Remove indexed documents whose files are gone.
    pub prune: bool,
}

impl IngestOptions {
    /// Defaults for the given inputs and index.
    pub fn new(paths: Vec<PathBuf>, index_dir: PathBuf, catalog: Catalog) -> Self {
        IngestOptions {
            paths,
            index_dir,
            limits: Limits::default(),
            catalog,
            threads: 0,
            commit_every: 200,
            commit_interval: Duration::from_secs(10),
            prune: false,
        }
    }
}

/// What happened to one file.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    /// Extracted and indexed for the first time.
    New,
    /// Its content changed since it was indexed; the old records were replaced.
    Changed,
    /// Already indexed with the same content; not extracted again.
    Unchanged,
    /// Already indexed with the same content, but read by another version of the
    /// extractor or with another trials catalog: extracted again, records replaced.
    Reextracted,
    /// Already indexed with the same content under a path that is gone: moved or
    /// renamed. Not extracted again; the index now names the new path.
    Moved,
    /// Could not be read or extracted; see the error.
    Failed,
    /// Met in a folder but not a PDF (by name and by content); not read further.
    Skipped,
}

/// One line of the ingest report.
#[derive(Debug, Clone, Serialize)]
pub struct FileOutcome {
    /// The file.
    pub path: String,
    /// What happened.
    pub status: FileStatus,
    /// Hex SHA-256 of the content, when it could be read.
    pub sha256: Option<String>,
    /// Pages extracted.
    pub pages: u32,
    /// Characters of text extracted.
    pub chars: usize,
    /// Trials found.
    pub trials: usize,
    /// Figures found.
    pub figures: usize,
    /// Decisions found.
    pub decisions: usize,
    /// Pages without a text layer (need OCR).
    pub no_text_layer: Vec<u32>,
    /// Problems that cost part of a page ("page 3: content stream not decodable"): the
    /// file is indexed, but that page may be incomplete.
    pub page_warnings: Vec<String>,
    /// The error, for failed files.
    pub error: Option<String>,
    /// The error's kind (`malformed`, `password_required`, `limit`, ...).
    pub cause: Option<&'static str>,
}

impl FileOutcome {
    fn new(path: &Path, status: FileStatus) -> Self {
        FileOutcome {
            path: path.display().to_string(),
            status,
            sha256: None,
            pages: 0,
            chars: 0,
            trials: 0,
            figures: 0,
            decisions: 0,
            no_text_layer: vec![],
            page_warnings: vec![],
            error: None,
            cause: None,
        }
    }

    fn failed(path: &Path, error: &Error) -> Self {
        FileOutcome {
            error: Some(error.to_string()),
            cause: Some(error.kind()),
            ..FileOutcome::new(path, FileStatus::Failed)
        }
    }
}

/// Told about progress; the CLI implements it with a progress bar.
pub trait Reporter: Send + Sync {
    /// The number of input files, once known.
    fn start(&self, _files: usize) {}
    /// One file is done (in completion order).
    fn file_done(&self, _outcome: &FileOutcome) {}
}

/// A reporter that says nothing.
pub struct Silent;
impl Reporter for Silent {}

/// The result of a run: one outcome per file, in path order.
#[derive(Debug, Clone, Serialize)]
pub struct IngestReport {
    /// Per file.
    pub files: Vec<FileOutcome>,
    /// Documents removed because their files are gone (`prune`).
    pub removed: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
}

impl IngestReport {
    /// Files with this status.
    pub fn count(&self, status: FileStatus) -> usize {
        self.files.iter().filter(|f| f.status == status).count()
    }
    /// Pages extracted in this run.
    pub fn pages(&self) -> u64 {
        self.files.iter().map(|f| u64::from(f.pages)).sum()
    }
    /// Failed files.
    pub fn failures(&self) -> impl Iterator<Item = &FileOutcome> {
        self.files.iter().filter(|f| f.status == FileStatus::Failed)
    }
}

/// Reads, extracts and records one PDF, turning a panic anywhere in the extractor into
/// [`Error::Panic`] for that file.
pub fn extract_file(
    path: &Path,
    limits: &Limits,
    catalog: &Catalog,
) -> Result<(DocumentText, Document)> {
    let bytes = read_limited(path, limits)?;
    extract_bytes(&bytes, path, limits, catalog)
}

fn extract_bytes(
    bytes: &[u8],
    path: &Path,
    limits: &Limits,
    catalog: &Catalog,
) -> Result<(DocumentText, Document)> {
    let source = path.display().to_string();
    crate::error::catch_panic(path, || {
        let mut text = crate::text::extract_bytes(bytes, &source, limits)?;
        let budget = crate::extract::Budget::of(limits.records_deadline);
        let (doc, stopped) = crate::extract::extract_within(&text, catalog, &budget);
        // The text is whole and indexed; only the records stop short, and the page says so.
        if let Some(page) = stopped.and_then(|n| text.pages.iter_mut().find(|p| p.number == n)) {
            page.warnings.push(format!(
                "records: the {:?} budget ran out here; trials and figures are from the pages before",
                limits.records_deadline
            ));
        }
        Ok((text, doc))
    })
}

fn read_limited(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    use std::io::Read;
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let over = |len: u64| Error::Limit {
        path: path.to_path_buf(),
        page: None,
        what: format!("file is {len} bytes, over {}", limits.max_file_bytes),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    // A FIFO or device would block or never end.
    if !meta.is_file() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        )));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(over(meta.len()));
    }
    // Read no more than the limit even if the file grows while we read it.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::fs::File::open(path)
        .and_then(|f| f.take(limits.max_file_bytes + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(over(bytes.len() as u64));
    }
    Ok(bytes)
}

/// What a walk of the input paths found.
#[derive(Debug, Default)]
pub struct Inputs {
    /// PDFs to ingest, sorted and without duplicates: files named `*.pdf` (any case),
    /// files that start like a PDF whatever their name, and every file named outright.
    pub pdfs: Vec<PathBuf>,
    /// Other files met in the folders: listed in the report, so nothing is silently left out.
    pub skipped: Vec<PathBuf>,
    /// Entries that could not be read (a folder without permission, a dangling link).
    pub unreadable: Vec<Error>,
}

/// Walks the paths. Hidden entries (`.git`, macOS `._x.pdf` resource forks) and the
/// `exclude` folder (the index itself) are passed over; a path that does not exist is an
/// error, since a typo would otherwise look like an empty month.
pub fn collect_inputs(paths: &[PathBuf], exclude: Option<&Path>) -> Result<Inputs> {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let mut pdfs = BTreeSet::new();
    let mut skipped = BTreeSet::new();
    let mut unreadable = Vec::new();
    for root in paths {
        if !root.is_dir() {
            if !root.exists() && root.symlink_metadata().is_err() {
                return Err(Error::Io {
                    path: root.clone(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "no such file or folder",
                    ),
                });
            }
            pdfs.insert(root.clone());
            continue;
        }
        let walk = walkdir::WalkDir::new(root)
            .follow_links(true)
            .into_iter()
            .filter_entry(|e| {
                let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
                let excluded = exclude.is_some()
                    && e.file_type().is_dir()
                    && e.path().canonicalize().ok() == exclude;
                !hidden && !excluded
            });
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    if has_pdf_extension(e.path()) || starts_like_pdf(e.path()) {
                        pdfs.insert(e.into_path());
                    } else {
                        skipped.insert(e.into_path());
                    }
                }
                // A FIFO, socket or device under a PDF's name: reported, never opened.
                Ok(e) if !e.file_type().is_dir() && has_pdf_extension(e.path()) => {
                    unreadable.push(Error::Io {
                        path: e.into_path(),
                        source: std::io::Error::new(
                            std::io::ErrorKind::InvalidInput,
                            "not a regular file",
                        ),
                    });
                }
                Ok(_) => {}
                // A link loop is not a file; walkdir already refused to follow it.
                Err(e) if e.loop_ancestor().is_some() => log::warn!("{e}"),
                Err(e) => {
                    let path = e.path().unwrap_or(root).to_path_buf();
                    // A broken link or unreadable entry that is plainly not a PDF (another
                    // extension) is skipped like the other non-PDF files.
                    if path.extension().is_some() && !has_pdf_extension(&path) {
                        skipped.insert(path);
                        continue;
                    }
                    let source = e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("cannot walk this entry"));
                    unreadable.push(Error::Io { path, source });
                }
            }
        }
    }
    Ok(Inputs {
        // A file both named outright and met in a folder is taken.
        skipped: skipped.difference(&pdfs).cloned().collect(),
        pdfs: pdfs.into_iter().collect(),
        unreadable,
    })
}

fn has_pdf_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("pdf"))
}

/// PDF readers accept the header anywhere in the first kilobyte; so do we, for files
/// saved without an extension (mail attachments, downloads).
fn starts_like_pdf(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 1024];
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(n) = file.take(head.len() as u64).read(&mut head) else {
        return false;
    };
    head[..n].windows(5).any(|w| w == b"%PDF-")
}

/// Names the extractor that reads records: this binary's extraction code and data
/// (fingerprinted at build time) with this catalog. Stored with each indexed document,
/// so an ingest by another extractor reads the document again: improvements and a
/// user's new trial aliases reach documents indexed before them.
pub fn extractor_version(catalog: &Catalog) -> String {
    format!("{}-{}", env!("REFERAT_EXTRACTOR"), catalog.fingerprint())
}

/// What a worker hands the writer.
enum Extracted {
    Unchanged(PathBuf, String),
    Done(PathBuf, String, Box<(DocumentText, Document)>),
    Failed(PathBuf, Option<String>, Error),
}

/// Runs an ingest: extracts what is new or changed and writes it to the index.
pub fn ingest(options: &IngestOptions, reporter: &dyn Reporter) -> Result<IngestReport> {
    let started = Instant::now();
    let Inputs {
        pdfs: files,
        skipped,
        unreadable,
    } = collect_inputs(&options.paths, Some(&options.index_dir))?;
    reporter.start(files.len());

    let store = IndexStore::open_or_create(&options.index_dir)?;
    let mut writer = store.writer_with_threads(options.threads)?;
    let indexed = store.documents()?;
    let extractor = extractor_version(&options.catalog);
    // sha256 -> whether this extractor read it.
    let known: HashMap<String, bool> = indexed
        .iter()
        .map(|d| (d.sha256.clone(), d.extractor.as_deref() == Some(&extractor)))
        .collect();
    let by_sha: HashMap<String, String> = indexed
        .iter()
        .map(|d| (d.sha256.clone(), d.source.clone()))
        .collect();
    let by_source: HashMap<String, String> = indexed
        .iter()
        .map(|d| (d.source.clone(), d.sha256.clone()))
        .collect();

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|e| Error::Index {
            path: options.index_dir.clone(),
            cause: format!("cannot start worker threads: {e}"),
        })?;
    let (tx, rx) = sync_channel::<Extracted>(pool.current_num_threads() * 2);

    let mut outcomes = Vec::with_capacity(files.len() + skipped.len() + unreadable.len());
    outcomes.extend(skipped.iter().map(|p| FileOutcome {
        cause: Some("not_pdf"),
        ..FileOutcome::new(p, FileStatus::Skipped)
    }));
    for err in &unreadable {
        let path = err.path().unwrap_or(&options.index_dir);
        outcomes.push(FileOutcome::failed(path, err));
    }
    let mut pending = 0usize;
    let mut last_commit = Instant::now();
    std::thread::scope(|scope| -> Result<()> {
        let files = &files;
        let known = &known;
        scope.spawn(move || {
            pool.install(|| {
                use rayon::prelude::*;
                files.par_iter().for_each_with(tx, |tx, path| {
                    let item = work(path, known, options);
                    // The writer only stops receiving on a fatal index error.
                    let _ = tx.send(item);
                });
            });
        });
        for item in rx {
            let outcome = match item {
                Extracted::Unchanged(path, sha) => {
                    let source = path.display().to_string();
                    let old = by_sha.get(&sha).map(String::as_str).unwrap_or_default();
                    let status = if old != source && is_gone(Path::new(old)) {
                        writer.relocate(&sha, &source)?;
                        pending += 1;
                        FileStatus::Moved
                    } else {
                        FileStatus::Unchanged
                    };
                    FileOutcome {
                        sha256: Some(sha),
                        ..FileOutcome::new(&path, status)
                    }
                }
                Extracted::Failed(path, sha, err) => FileOutcome {
                    sha256: sha,
                    ..FileOutcome::failed(&path, &err)
                },
                Extracted::Done(path, sha, boxed) => {
                    let (text, doc) = *boxed;
                    let source = path.display().to_string();
                    let status = match by_source.get(&source) {
                        Some(old) if *old != sha => {
                            writer.remove(old)?;
                            FileStatus::Changed
                        }
                        _ if known.contains_key(&sha) => FileStatus::Reextracted,
                        _ => FileStatus::New,
                    };
                    writer.add(&doc, &text, Some(&extractor))?;
                    pending += 1;
                    FileOutcome {
                        sha256: Some(sha),
                        pages: doc.pages,
                        chars: text.pages.iter().map(|p| p.text.chars().count()).sum(),
                        trials: doc.trials.len(),
                        figures: doc.figures.len(),
                        decisions: doc.decisions.len(),
                        no_text_layer: text.pages_without_text(),
                        page_warnings: text
                            .pages
                            .iter()
                            .flat_map(|p| {
                                p.warnings.iter().map(|w| format!("page {}: {w}", p.number))
                            })
                            .collect(),
                        ..FileOutcome::new(&path, status)
                    }
                }
            };
            reporter.file_done(&outcome);
            outcomes.push(outcome);
            if pending > 0
                && (pending >= options.commit_every
                    || last_commit.elapsed() >= options.commit_interval)
            {
                writer.commit()?;
                pending = 0;
                last_commit = Instant::now();
            }
        }
        Ok(())
    })?;

    let mut removed = 0;
    if options.prune {
        // Gone: not met in this run under any path, and not at its old path either.
        let seen: BTreeSet<&str> = outcomes
            .iter()
            .filter(|o| o.status != FileStatus::Failed)
            .filter_map(|o| o.sha256.as_deref())
            .collect();
        for doc in &indexed {
            if !seen.contains(doc.sha256.as_str()) && is_gone(Path::new(&doc.source)) {
                writer.remove(&doc.sha256)?;
                removed += 1;
            }
        }
    }
    writer.finish()?;
    outcomes.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(IngestReport {
        files: outcomes,
        removed,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Surely gone, not merely unreadable just now (a folder without permission, a network
/// drive away): only then may its documents leave the index.
fn is_gone(path: &Path) -> bool {
    matches!(path.try_exists(), Ok(false))
}

fn work(path: &Path, known: &HashMap<String, bool>, options: &IngestOptions) -> Extracted {
    let bytes = match read_limited(path, &options.limits) {
        Ok(b) => b,
        Err(e) => return Extracted::Failed(path.to_path_buf(), None, e),
    };
    let sha = crate::text::sha256_hex(&bytes);
    if known.get(&sha) == Some(&true) {
        return Extracted::Unchanged(path.to_path_buf(), sha);
    }
    match extract_bytes(&bytes, path, &options.limits, &options.catalog) {
        Ok(done) => Extracted::Done(path.to_path_buf(), sha, Box::new(done)),
        Err(e) => Extracted::Failed(path.to_path_buf(), Some(sha), e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_pdfs_under_folders_plus_files_named_outright() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("2019");
        fs_err::create_dir_all(&sub).expect("mkdir");
        for name in ["a.pdf", "B.PDF", "notes.txt", ".DS_Store", "._a.pdf"] {
            fs_err::write(sub.join(name), b"x").expect("write");
        }
        // Saved without an extension, but a PDF by its header.
        fs_err::write(sub.join("attachment"), b"\r\n%PDF-1.4\n").expect("write");
        let index = dir.path().join("index");
        fs_err::create_dir_all(&index).expect("mkdir");
        fs_err::write(index.join("meta.pdf"), b"x").expect("write");
        let named = dir.path().join("scan.bin");
        fs_err::write(&named, b"x").expect("write");

        let found =
            collect_inputs(&[dir.path().to_path_buf(), named.clone()], Some(&index)).expect("walk");
        let names = |paths: &[PathBuf]| -> Vec<String> {
            paths
                .iter()
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect()
        };
        assert_eq!(
            names(&found.pdfs),
            ["B.PDF", "a.pdf", "attachment", "scan.bin"]
        );
        assert_eq!(
            names(&found.skipped),
            ["notes.txt"],
            "hidden files passed over"
        );
        assert!(found.unreadable.is_empty());
        assert!(collect_inputs(&[dir.path().join("missing")], None).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn dangling_links_are_unreadable_inputs_and_fifos_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::os::unix::fs::symlink(dir.path().join("gone.pdf"), dir.path().join("link.pdf"))
            .expect("symlink");
        std::os::unix::fs::symlink(dir.path().join("gone.doc"), dir.path().join("link.doc"))
            .expect("symlink");
        let found = collect_inputs(&[dir.path().to_path_buf()], None).expect("walk");
        assert!(found.pdfs.is_empty(), "{found:?}");
        assert_eq!(found.unreadable.len(), 1, "{found:?}");
        assert!(found.unreadable[0].to_string().contains("link.pdf"));
        assert_eq!(found.skipped.len(), 1, "the .doc link is merely not a PDF");

        // mkfifo is POSIX; without it there is nothing to check.
        let fifo = dir.path().join("pipe.pdf");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = extract_file(&fifo, &Limits::default(), &Catalog::builtin())
                .expect_err("a FIFO named outright is not read");
            assert!(err.to_string().contains("not a regular file"), "{err}");
            let found = collect_inputs(&[dir.path().to_path_buf()], None).expect("walk");
            assert!(found.unreadable.iter().any(|e| e.path() == Some(&fifo)));
        }
    }

    #[test]
    fn a_file_over_the_size_limit_is_refused_before_reading() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("big.pdf");
        fs_err::write(&path, vec![b'%'; 2048]).expect("write");
        let limits = Limits {
            max_file_bytes: 1024,
            ..Limits::default()
        };
        let err = extract_file(&path, &limits, &Catalog::builtin()).expect_err("limit");
        assert_eq!(err.kind(), "limit");
        assert!(err.to_string().contains("big.pdf"));
    }

    #[test]
    fn records_past_their_budget_keep_the_text_and_say_where_they_stopped() {
        let pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf/status-2019-10.pdf");
        let (text, doc) =
            extract_file(&pdf, &Limits::default(), &Catalog::builtin()).expect("extracts");
        assert!(!doc.figures.is_empty());
        assert!(text.pages.iter().all(|p| p.warnings.is_empty()));

        let limits = Limits {
            records_deadline: std::time::Duration::ZERO,
            ..Limits::default()
        };
        let (cut, none) = extract_file(&pdf, &limits, &Catalog::builtin()).expect("extracts");
        assert!(none.figures.is_empty() && none.trials.is_empty());
        assert_eq!(cut.joined(), text.joined(), "the text is whole");
        let warned: Vec<u32> = cut
            .pages
            .iter()
            .filter(|p| p.warnings.iter().any(|w| w.contains("budget ran out")))
            .map(|p| p.number)
            .collect();
        assert_eq!(warned, [1]);
    }
}
