//! The `text` stage: positioned glyphs from [`crate::pdf`] assembled into what a careful
//! reader sees, page by page.
//!
//! The output format is the contract with [`crate::extract`] (and the format of the
//! corpus `truth/` files): reading order; every paragraph (heading, body paragraph, list
//! item) on one line; one blank line between paragraphs; no line-end hyphenation; list
//! items written `- item` whatever the bullet glyph, numbered items `N. item`; table rows
//! one per line with cells joined by ` | `; running headers, footers and page numbers
//! left out of `text` but kept in `furniture`. Text is NFC.

use serde::{Deserialize, Serialize};

/// The text of one PDF, page by page.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DocumentText {
    /// The path the PDF was read from, as given.
    pub source: String,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// One entry per page, in page order.
    pub pages: Vec<PageText>,
}

/// The text of one page.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PageText {
    /// 1-based page number.
    pub number: u32,
    /// The body text in the format described in the module docs.
    pub text: String,
    /// Running headers, footers and page numbers found on this page (not in `text`).
    pub furniture: Vec<String>,
    /// False when the page has no text layer at all (a scan without OCR): the place
    /// where an OCR step plugs in.
    pub text_layer: bool,
}

impl DocumentText {
    /// All page texts joined by form feeds (the `referat text` output).
    pub fn joined(&self) -> String {
        self.pages
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\u{c}")
    }

    /// Pages without a text layer.
    pub fn pages_without_text(&self) -> Vec<u32> {
        self.pages
            .iter()
            .filter(|p| !p.text_layer)
            .map(|p| p.number)
            .collect()
    }
}

use crate::error::{Error, Result};
use crate::pdf::Limits;
use std::path::Path;

/// Reads a PDF file and returns its text page by page.
///
/// PLACEHOLDER of the skeleton: lopdf's naive `extract_text`; the real layout engine
/// replaces it.
pub fn extract_file(path: &Path, limits: &Limits) -> Result<DocumentText> {
    let bytes = fs_err::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    extract_bytes(&bytes, &path.to_string_lossy(), limits)
}

/// Extracts the text of a PDF held in memory; `source` names it in errors and output.
pub fn extract_bytes(bytes: &[u8], source: &str, _limits: &Limits) -> Result<DocumentText> {
    let sha256 = sha256_hex(bytes);
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| Error::Malformed {
        path: source.into(),
        cause: e.to_string(),
    })?;
    let mut pages = Vec::new();
    for (number, _) in doc.get_pages() {
        let text = doc.extract_text(&[number]).unwrap_or_default();
        pages.push(PageText {
            number,
            text_layer: !text.trim().is_empty(),
            text,
            furniture: vec![],
        });
    }
    Ok(DocumentText {
        source: source.to_string(),
        sha256,
        pages,
    })
}

/// Hex SHA-256 of a file's bytes: the identity of a document's content.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}
