//! The library's error type. Every variant names the file (and the page where one is
//! known) so that a batch can report a failure and go on with the next file.

use std::path::PathBuf;

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, and where.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read from disk.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// Not a PDF, or damaged beyond what the loader can repair.
    #[error("{}: not a readable PDF: {cause}", path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// What the loader said.
        cause: String,
    },
    /// The file is encrypted and opens only with a user password.
    #[error("{}: encrypted: a user password is required", path.display())]
    PasswordRequired {
        /// The file.
        path: PathBuf,
    },
    /// One page could not be interpreted.
    #[error("{}: page {page}: {cause}", path.display())]
    Page {
        /// The file.
        path: PathBuf,
        /// 1-based page number.
        page: u32,
        /// What failed.
        cause: String,
    },
    /// A resource limit (size, time, operators, nesting) was hit.
    #[error("{}: {}limit exceeded: {what}", path.display(), page.map(|p| format!("page {p}: ")).unwrap_or_default())]
    Limit {
        /// The file.
        path: PathBuf,
        /// 1-based page number, where known.
        page: Option<u32>,
        /// Which limit.
        what: String,
    },
    /// The extractor panicked on this file (a bug; the batch goes on).
    #[error("{}: internal error while extracting: {cause}", path.display())]
    Panic {
        /// The file.
        path: PathBuf,
        /// The panic message.
        cause: String,
    },
    /// The search index could not be opened, read or written.
    #[error("index {}: {cause}", path.display())]
    Index {
        /// The index directory.
        path: PathBuf,
        /// What failed.
        cause: String,
    },
    /// A data file (catalog, gold, truth) is missing or malformed.
    #[error("{}: {cause}", path.display())]
    Data {
        /// The data file.
        path: PathBuf,
        /// What is wrong with it.
        cause: String,
    },
    /// A query could not be understood.
    #[error("query {query:?}: {cause}")]
    Query {
        /// The query as given.
        query: String,
        /// Why it was rejected.
        cause: String,
    },
}

impl Error {
    /// The file the error is about, where there is one.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Error::Io { path, .. }
            | Error::Malformed { path, .. }
            | Error::PasswordRequired { path }
            | Error::Page { path, .. }
            | Error::Limit { path, .. }
            | Error::Panic { path, .. }
            | Error::Index { path, .. }
            | Error::Data { path, .. } => Some(path),
            Error::Query { .. } => None,
        }
    }

    /// A short machine-readable name of the cause (for reports).
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Io { .. } => "io",
            Error::Malformed { .. } => "malformed",
            Error::PasswordRequired { .. } => "password_required",
            Error::Page { .. } => "page",
            Error::Limit { .. } => "limit",
            Error::Panic { .. } => "panic",
            Error::Index { .. } => "index",
            Error::Data { .. } => "data",
            Error::Query { .. } => "query",
        }
    }
}

/// Runs `work` on the file `path`, turning a panic (a bug met on this input) into
/// [`Error::Panic`] for that file, so that one file never takes down a batch.
pub fn catch_panic<T>(path: &std::path::Path, work: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|payload| {
        let cause = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Err(Error::Panic {
            path: path.to_path_buf(),
            cause,
        })
    })
}
