//! The `text` stage: positioned glyphs from [`crate::pdf`] assembled into what a careful
//! reader sees, page by page.
//!
//! The output format is the contract with [`crate::extract`] (and the format of the
//! corpus `truth/` files): reading order; every paragraph (heading, body paragraph, list
//! item) on one line; one blank line between paragraphs; no line-end hyphenation; list
//! items written `- item` whatever the bullet glyph, numbered items `N. item`; table rows
//! one per line with cells joined by ` | `; running headers, footers and page numbers
//! left out of `text` but kept in `furniture`. Text is NFC.

mod blocks;
mod columns;
mod furniture;
mod hyphen;
mod layout;
mod ruled;
pub mod script;
mod tables;
mod vertical;

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
#[derive(Default, Debug, Clone, Serialize, Deserialize, PartialEq)]
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
    /// Share of the page's glyphs that had no Unicode mapping (0..1).
    #[serde(default)]
    pub undecodable_share: f32,
    /// Non-fatal problems met on the page (bad fonts, truncated content).
    #[serde(default)]
    pub warnings: Vec<String>,
    /// All of the page's text is drawn invisibly over an image: a scan's OCR layer, less
    /// exact than text a program wrote.
    #[serde(default)]
    pub ocr_layer: bool,
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
use unicode_normalization::UnicodeNormalization;

/// Reads a PDF file and returns its text page by page.
pub fn extract_file(path: &Path, limits: &Limits) -> Result<DocumentText> {
    let meta = fs_err::metadata(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.len() > limits.max_file_bytes {
        return Err(Error::Limit {
            path: path.to_path_buf(),
            page: None,
            what: format!("file of {} bytes", meta.len()),
        });
    }
    let bytes = fs_err::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    extract_bytes(&bytes, &path.to_string_lossy(), limits)
}

/// Extracts the text of a PDF held in memory; `source` names it in errors and output.
/// A panic inside the extractor (a bug) becomes [`Error::Panic`] for this file.
pub fn extract_bytes(bytes: &[u8], source: &str, limits: &Limits) -> Result<DocumentText> {
    crate::error::catch_panic(std::path::Path::new(source), || {
        extract_inner(bytes, source, limits)
    })
}

fn extract_inner(bytes: &[u8], source: &str, limits: &Limits) -> Result<DocumentText> {
    let sha256 = sha256_hex(bytes);
    let started = std::time::Instant::now();
    let mut doc = crate::pdf::load(bytes, source, limits)?;
    let mut pages = read_pages(&mut doc, source, limits)?;
    let blank =
        |pages: &[crate::pdf::Page]| pages.iter().all(|p| p.glyphs.is_empty() && p.images == 0);
    if blank(&pages) {
        // Nothing drawn at all: the xref may point at the wrong objects; try a rebuild.
        // Within what is left of the file's time budget.
        let rest = Limits {
            deadline: limits.deadline.saturating_sub(started.elapsed()),
            ..limits.clone()
        };
        if let Ok(mut again) = crate::pdf::load_reconstructed(bytes, source, &rest) {
            if let Ok(p) = read_pages(&mut again, source, &rest) {
                if !blank(&p) {
                    pages = p;
                }
            }
        }
    }
    Ok(DocumentText {
        source: source.to_string(),
        sha256,
        pages: assemble(&pages),
    })
}

fn read_pages(
    doc: &mut crate::pdf::PdfDocument,
    source: &str,
    limits: &Limits,
) -> Result<Vec<crate::pdf::Page>> {
    let mut pages = Vec::new();
    for i in 0..doc.page_count() {
        if doc.past_deadline() {
            return Err(Error::Limit {
                path: source.into(),
                page: Some(i as u32 + 1),
                what: format!("deadline of {:?}", limits.deadline),
            });
        }
        match doc.page(i) {
            Ok(p) => pages.push(p),
            Err(e @ Error::Limit { .. }) => return Err(e),
            Err(e) => pages.push(crate::pdf::Page {
                number: i as u32 + 1,
                width: 595.0,
                height: 842.0,
                glyphs: Vec::new(),
                rules: Vec::new(),
                fonts: Vec::new(),
                images: 0,
                undecodable: 0,
                warnings: vec![e.to_string()],
            }),
        }
    }
    Ok(pages)
}

/// Lays out interpreted pages: lines, furniture, blocks, hyphenation, normalisation.
pub fn assemble(pages: &[crate::pdf::Page]) -> Vec<PageText> {
    let lines: Vec<Vec<layout::Line>> = pages.iter().map(layout::lines).collect();
    let input: Vec<(f32, f32, &[layout::Line])> = pages
        .iter()
        .zip(&lines)
        .map(|(p, l)| (p.height, p.width, l.as_slice()))
        .collect();
    let flags = furniture::detect(&input);
    let mut vocab = hyphen::Vocabulary::default();
    // Cell by cell: in a table every cell's lines begin and end like a paragraph's.
    for cell in lines.iter().flatten().flat_map(|l| &l.cells) {
        let text: Vec<&str> = cell.iter().map(|w| w.text.as_str()).collect();
        vocab.add_line(&text.join(" "));
    }
    // Each page's body lines in reading order and its table grids; the line pitch is
    // the document's.
    let bodies: Vec<(Vec<layout::Line>, Vec<String>, Vec<ruled::Grid>)> = pages
        .iter()
        .zip(&lines)
        .zip(&flags)
        .map(|((page, lines), flags)| {
            let body: Vec<&layout::Line> = lines
                .iter()
                .zip(flags)
                .filter(|(_, f)| !**f)
                .map(|(l, _)| l)
                .collect();
            let furniture: Vec<String> = lines
                .iter()
                .zip(flags)
                .filter(|(_, f)| **f)
                .map(|(l, _)| normalize(&blocks::clean(&l.plain(), false)))
                .collect();
            let ordered = columns::reorder(body, page.width, page.height);
            // Ruled paper and signature fields draw grids too: only a grid that no word
            // crosses is a table.
            let lines: Vec<&layout::Line> = ordered.iter().collect();
            let mut grids = ruled::grids(&page.rules);
            grids.retain(|g| g.fits(&lines));
            (ordered, furniture, grids)
        })
        .collect();
    let pitch = blocks::line_pitch(
        bodies
            .iter()
            .flat_map(|(lines, _, grids)| {
                let lines: Vec<&layout::Line> = lines.iter().collect();
                blocks::line_gaps(&lines, grids)
            })
            .collect(),
    );
    let mut out: Vec<PageText> = Vec::new();
    // The cells of the table row that ended the last page: a row may break across the
    // page ("Lempede men-" at its foot, "torregler" atop the next page).
    let mut ending_row: Option<Vec<String>> = None;
    for (page, (ordered, furniture, grids)) in pages.iter().zip(bodies) {
        let ordered: Vec<&layout::Line> = ordered.iter().collect();
        let mut text = String::new();
        let mut last_row = false;
        let mut broken_row = ending_row.take();
        let ocr = is_ocr_layer(page);
        let context = blocks::PageContext {
            fonts: &page.fonts,
            width: page.width,
            grids: &grids,
            pitch,
            ocr,
        };
        for b in blocks::blocks(&ordered, &context) {
            let (s, row) = match b {
                blocks::Block::Para(ls) => {
                    let mut acc = String::new();
                    for l in ls {
                        if ocr {
                            hyphen::attach_ocr_hyphen(&mut acc);
                        }
                        hyphen::append(&mut acc, &l, &vocab);
                    }
                    (normalize(&acc), false)
                }
                blocks::Block::Row(cells) => {
                    let cells: Vec<String> = cells
                        .iter()
                        .map(|lines| {
                            let mut acc = String::new();
                            for l in lines {
                                hyphen::append(&mut acc, l, &vocab);
                            }
                            normalize(&acc)
                        })
                        .collect();
                    let first_after_row = text.is_empty() && broken_row.is_some();
                    // The rest of the last page's broken row, first on this page.
                    if let (true, Some(mut prev)) = (text.is_empty(), broken_row.take()) {
                        if let Some(ks) = continued_cells(&prev, &cells) {
                            for k in ks {
                                if let (Some(cell), Some(rest)) = (prev.get_mut(k), cells.get(k)) {
                                    hyphen::append(cell, rest, &vocab);
                                    *cell = normalize(cell);
                                }
                            }
                            if let Some(before) = out.last_mut() {
                                let start = before.text.rfind('\n').map_or(0, |i| i + 1);
                                before.text.truncate(start);
                                before.text.push_str(&prev.join(" | "));
                            }
                            ending_row = Some(prev);
                            continue;
                        }
                    }
                    // A row of one cell is a caption or a merged title row, read as a
                    // paragraph; one whose only text stands in a later column goes on
                    // from the rows above it (a wrapped case text under an agenda's
                    // "Sag"), and keeps its column.
                    let mut filled = (0..cells.len()).filter(|&k| !cells[k].is_empty());
                    let (first_filled, more) = (filled.next(), filled.next().is_some());
                    let continues = (last_row || first_after_row)
                        && !more
                        && first_filled.is_some_and(|k| k > 0);
                    if !more && !continues {
                        ending_row = None;
                        (normalize(&cells.join(" ")), false)
                    } else {
                        ending_row = Some(cells.clone());
                        (cells.join(" | "), true)
                    }
                }
            };
            if !row {
                ending_row = None;
            }
            broken_row = None;
            if s.trim().is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push_str(if row && last_row { "\n" } else { "\n\n" });
            }
            text.push_str(&s);
            last_row = row;
        }
        let total = page.glyphs.iter().filter(|g| !g.space).count();
        let decoded = page
            .glyphs
            .iter()
            .any(|g| !g.space && !g.text.trim().is_empty());
        out.push(PageText {
            number: page.number,
            text,
            furniture,
            text_layer: decoded,
            undecodable_share: if total == 0 {
                0.0
            } else {
                page.undecodable as f32 / total as f32
            },
            warnings: page.warnings.clone(),
            ocr_layer: ocr,
        });
    }
    out
}

/// Which cells of the row above go on in `cells`, in a row as wide: a row sparser than
/// the one above (a cell empty under one with text), whose every filled cell stands under
/// one with text and either goes on in lower case or goes on a list the cell above left
/// open ("Billund, Vejen," over "Haderslev, Aabenraa"); one at least in lower case.
fn continued_cells(above: &[String], cells: &[String]) -> Option<Vec<usize>> {
    if above.len() != cells.len() {
        return None;
    }
    let pairs = || above.iter().zip(cells);
    let sparser = pairs().any(|(a, c)| !a.is_empty() && c.is_empty());
    let lower = |c: &String| c.starts_with(char::is_lowercase);
    let goes_on = |a: &String, c: &String| {
        !a.is_empty() && (lower(c) || a.ends_with(',') || a.ends_with(" og") || a.ends_with('-'))
    };
    let filled: Vec<usize> = (0..cells.len()).filter(|&k| !cells[k].is_empty()).collect();
    let all_go_on = pairs().all(|(a, c)| c.is_empty() || goes_on(a, c));
    let one_lower = filled.iter().any(|&k| lower(&cells[k]));
    (sparser && all_go_on && one_lower).then_some(filled)
}

/// All the page's text is drawn invisibly over images: an OCR layer.
fn is_ocr_layer(page: &crate::pdf::Page) -> bool {
    let mut visible = page.glyphs.iter().filter(|g| !g.space).peekable();
    visible.peek().is_some() && visible.all(|g| g.invisible)
}

/// Ligatures U+FB00–FB06 expanded, soft hyphens inside lines dropped, spaces collapsed, NFC.
pub fn normalize(s: &str) -> String {
    let mut t = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{FB00}' => t.push_str("ff"),
            '\u{FB01}' => t.push_str("fi"),
            '\u{FB02}' => t.push_str("fl"),
            '\u{FB03}' => t.push_str("ffi"),
            '\u{FB04}' => t.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => t.push_str("st"),
            '\u{AD}' | '\u{FFFD}' | '\u{200B}' | '\u{FEFF}' | hyphen::BROKEN => {}
            c if c.is_whitespace() => t.push(' '),
            c if c.is_control() => {}
            c => t.push(c),
        }
    }
    let collapsed = t
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    collapsed.nfc().collect()
}

/// Hex SHA-256 of a file's bytes: the identity of a document's content.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_broken_across_a_page_goes_on_in_its_cells() {
        let above: Vec<String> = ["§ 3", "Lempede men-", "Morsø, Skive", "155"]
            .map(String::from)
            .to_vec();
        let cont =
            |cells: &[&str]| -> Vec<String> { cells.iter().map(|c| c.to_string()).collect() };
        assert_eq!(
            continued_cells(&above, &cont(&["", "torregler", "", ""])),
            Some(vec![1])
        );
        // Two cells wrapped at the page's foot: the name and an open list of municipalities.
        let above = cont(&["Formkrav til lov-", "Billund, Vejen,", "1. runde", "3.905"]);
        assert_eq!(
            continued_cells(
                &above,
                &cont(&["pligtige samtaler", "Haderslev, Aabenraa", "", ""])
            ),
            Some(vec![0, 1])
        );
        // A new row (capitalised, or under a closed cell), or a row of another width, is none.
        assert_eq!(
            continued_cells(
                &above,
                &cont(&["Fleksibilitet", "Billund", "1. runde", "58"])
            ),
            None
        );
        assert_eq!(continued_cells(&above, &cont(&["", "Total", "", ""])), None);
        assert_eq!(
            continued_cells(&above, &cont(&["pligtige samtaler", "", ""])),
            None
        );
        let closed = cont(&["Fleksibilitet", "Billund", "1. runde", "58"]);
        assert_eq!(
            continued_cells(&closed, &cont(&["i alt", "Vejen", "", ""])),
            None
        );
    }

    #[test]
    fn normalize_expands_ligatures_keeps_half() {
        assert_eq!(normalize("\u{FB01}nans  \u{FB02}ere ½"), "finans flere ½");
        assert_eq!(normalize("a\u{0308}"), "ä");
    }
}
