//! The `pdf` stage: load a PDF with lopdf under limits, and interpret each page's content
//! stream into positioned glyphs (our own interpreter and font decoding; lopdf's
//! `extract_text` is too naive). Only this module names `lopdf` types.

use std::time::Duration;

/// Resource limits per file, so that no input can take unbounded time or memory.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Largest decoded stream, in bytes.
    pub max_stream_bytes: usize,
    /// Most content-stream operators interpreted on one page.
    pub max_ops_per_page: usize,
    /// Most glyphs kept on one page.
    pub max_glyphs_per_page: usize,
    /// Deepest nesting of Form XObjects.
    pub max_form_depth: usize,
    /// Most pages read from one file.
    pub max_pages: usize,
    /// Wall-clock budget for one file.
    pub deadline: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 512 * 1024 * 1024,
            max_stream_bytes: 64 * 1024 * 1024,
            max_ops_per_page: 5_000_000,
            max_glyphs_per_page: 1_000_000,
            max_form_depth: 8,
            max_pages: 10_000,
            deadline: Duration::from_secs(2),
        }
    }
}
