//! The `ingest` stage: many PDFs extracted in parallel, fed to one index writer.
//!
//! Extraction runs on a rayon pool, each file under `catch_unwind` and the extractor's
//! own limits, so one file's failure is that file's error. Results go through a bounded
//! channel to the single index writer on the calling thread, which commits by count and
//! time, so memory does not grow with the number of files and a killed run loses at most
//! the work since the last commit. Files whose content hash is already indexed are not
//! extracted again.

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
    /// Already indexed with the same content under a path that is gone: moved or
    /// renamed. Not extracted again; the index now names the new path.
    Moved,
    /// Could not be extracted; see the error.
    Failed,
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
        let text = crate::text::extract_bytes(bytes, &source, limits)?;
        let doc = crate::extract::extract(&text, catalog);
        Ok((text, doc))
    })
}

fn read_limited(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let len = fs_err::metadata(path).map_err(io)?.len();
    if len > limits.max_file_bytes {
        return Err(Error::Limit {
            path: path.to_path_buf(),
            page: None,
            what: format!("file is {len} bytes, over {}", limits.max_file_bytes),
        });
    }
    fs_err::read(path).map_err(io)
}

/// Every PDF under the paths (a file given by name is taken whatever its extension),
/// sorted and without duplicates.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = BTreeSet::new();
    for root in paths {
        if root.is_file() {
            files.insert(root.clone());
            continue;
        }
        if !root.exists() {
            return Err(Error::Io {
                path: root.clone(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            });
        }
        for entry in walkdir::WalkDir::new(root).follow_links(true) {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    // An unreadable sub-folder is skipped with a warning, not fatal.
                    log::warn!("{}: {e}", root.display());
                    continue;
                }
            };
            let is_pdf = entry
                .path()
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("pdf"));
            if entry.file_type().is_file() && is_pdf {
                files.insert(entry.into_path());
            }
        }
    }
    Ok(files.into_iter().collect())
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
    let files = collect_inputs(&options.paths)?;
    reporter.start(files.len());

    let store = IndexStore::open_or_create(&options.index_dir)?;
    let mut writer = store.writer()?;
    let indexed = store.documents()?;
    let known: BTreeSet<String> = indexed.iter().map(|d| d.sha256.clone()).collect();
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

    let mut outcomes = Vec::with_capacity(files.len());
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
                    let status = if old != source && !Path::new(old).exists() {
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
                        _ => FileStatus::New,
                    };
                    writer.add(&doc, &text)?;
                    pending += 1;
                    FileOutcome {
                        sha256: Some(sha),
                        pages: doc.pages,
                        chars: text.pages.iter().map(|p| p.text.chars().count()).sum(),
                        trials: doc.trials.len(),
                        figures: doc.figures.len(),
                        decisions: doc.decisions.len(),
                        no_text_layer: text.pages_without_text(),
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
            if !seen.contains(doc.sha256.as_str()) && !Path::new(&doc.source).exists() {
                writer.remove(&doc.sha256)?;
                removed += 1;
            }
        }
    }
    writer.commit()?;
    outcomes.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(IngestReport {
        files: outcomes,
        removed,
        seconds: started.elapsed().as_secs_f64(),
    })
}

fn work(path: &Path, known: &BTreeSet<String>, options: &IngestOptions) -> Extracted {
    let bytes = match read_limited(path, &options.limits) {
        Ok(b) => b,
        Err(e) => return Extracted::Failed(path.to_path_buf(), None, e),
    };
    let sha = crate::text::sha256_hex(&bytes);
    if known.contains(&sha) {
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
        for name in ["a.pdf", "B.PDF", "notes.txt"] {
            fs_err::write(sub.join(name), b"x").expect("write");
        }
        let named = dir.path().join("scan.bin");
        fs_err::write(&named, b"x").expect("write");
        let found = collect_inputs(&[dir.path().to_path_buf(), named.clone()]).expect("walk");
        let names: Vec<String> = found
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(names, ["B.PDF", "a.pdf", "scan.bin"], "sorted by path");
        assert!(collect_inputs(&[dir.path().join("missing")]).is_err());
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
}
