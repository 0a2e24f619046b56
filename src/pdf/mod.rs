//! The `pdf` stage: load a PDF with lopdf under limits, and interpret each page's content
//! stream into positioned glyphs (our own interpreter and font decoding; lopdf's
//! `extract_text` is too naive). Only this module names `lopdf` types.

mod cmap;
mod encoding;
mod font;
mod interp;
mod lexer;
mod obj;
mod truetype;

pub use encoding::{is_private_use, map_symbol_pua};

use crate::error::{Error, Result};
use interp::{Interp, Matrix, Stop};
use lopdf::{Dictionary, Object, ObjectId};
use obj::Ctx;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

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
    /// Wall-clock budget for one file's text.
    pub deadline: Duration,
    /// Wall-clock budget for one file's records, after its text (see
    /// `extract::Budget`): past it, the records come from the pages read so far.
    pub records_deadline: Duration,
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
            records_deadline: Duration::from_secs(60),
        }
    }
}

/// One positioned glyph. Coordinates are in points in the frame of its text direction
/// (`dir` quarter turns), y up, after page rotation: text always runs left to right.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// Unicode text (may be several characters for ligatures, empty if undecodable).
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge (left edge plus advance width).
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Font size on the page (points).
    pub size: f32,
    /// Direction of the text in quarter turns counter-clockwise.
    pub dir: u8,
    /// Index into [`Page::fonts`].
    pub font: u16,
    /// The glyph is whitespace.
    pub space: bool,
    /// Drawn invisibly (render mode 3 or 7, e.g. an OCR layer).
    pub invisible: bool,
    /// Inside marked content tagged /Artifact (headers, footers, page numbers).
    pub artifact: bool,
    /// Order of drawing on the page.
    pub seq: u32,
}

/// A straight horizontal or vertical line drawn on the page (a stroked segment, or a
/// filled rectangle at most 2 pt thick): table grids are made of them. Coordinates as for
/// upright glyphs (direction 0), `x0 <= x1`, `y0 <= y1`; one of the two spans is zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left end.
    pub x0: f32,
    /// Lower end.
    pub y0: f32,
    /// Right end.
    pub x1: f32,
    /// Upper end.
    pub y1: f32,
}

impl Rule {
    /// Runs left to right (else bottom to top).
    pub fn horizontal(&self) -> bool {
        self.y1 - self.y0 <= self.x1 - self.x0
    }
}

/// What the layout needs to know about a font.
#[derive(Debug, Clone)]
pub struct FontInfo {
    /// Base font name, subset prefix removed.
    pub name: String,
    /// Fixed pitch.
    pub mono: bool,
    /// Bold.
    pub bold: bool,
    /// A symbol or dingbat font by name: its private-use codes (U+F020–U+F0FF, as Word
    /// writes them) mean the Symbol/dingbat characters. Other fonts' private-use codes
    /// mean something only their font knows (a math accent, a logo).
    pub symbol: bool,
}

/// One interpreted page.
#[derive(Debug, Clone)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Width after rotation, points.
    pub width: f32,
    /// Height after rotation, points.
    pub height: f32,
    /// Glyphs in drawing order.
    pub glyphs: Vec<Glyph>,
    /// Horizontal and vertical lines drawn (table grids).
    pub rules: Vec<Rule>,
    /// Fonts used.
    pub fonts: Vec<FontInfo>,
    /// Images drawn.
    pub images: usize,
    /// Glyphs with no Unicode mapping.
    pub undecodable: usize,
    /// Non-fatal problems met on the page.
    pub warnings: Vec<String>,
}

/// A loaded PDF, ready to be interpreted page by page.
pub struct PdfDocument {
    doc: lopdf::Document,
    pages: Vec<ObjectId>,
    path: PathBuf,
    fonts: HashMap<ObjectId, Arc<font::Font>>,
    limits: Limits,
    start: Instant,
}

/// Decodes a PDF text string: UTF-16 with a byte-order mark, UTF-8 with one, else
/// PDFDocEncoding (taken as Latin-1 here).
pub(crate) fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units = rest.chunks(2).map(|c| match c {
            [a, b] => u16::from_be_bytes([*a, *b]),
            [a] => u16::from(*a) << 8,
            _ => 0,
        });
        return char::decode_utf16(units).filter_map(|r| r.ok()).collect();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|b| char::from(*b)).collect()
}

fn password_error(msg: &str) -> bool {
    let m = msg.to_ascii_lowercase();
    m.contains("password")
}

/// Loads a PDF held in memory (lenient: lopdf repairs xrefs and decrypts with the empty
/// password). `source` names the file in errors.
pub fn load(bytes: &[u8], source: &str, limits: &Limits) -> Result<PdfDocument> {
    load_with(bytes, source, limits, false)
}

/// Loads with the cross-reference table rebuilt from an object scan: for files whose
/// xref reads but points at the wrong objects (every page comes out empty).
pub fn load_reconstructed(bytes: &[u8], source: &str, limits: &Limits) -> Result<PdfDocument> {
    load_with(bytes, source, limits, true)
}

fn load_with(bytes: &[u8], source: &str, limits: &Limits, rebuild: bool) -> Result<PdfDocument> {
    let start = Instant::now();
    let path = PathBuf::from(source);
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(Error::Limit {
            path,
            page: None,
            what: format!("file of {} bytes", bytes.len()),
        });
    }
    let options = || lopdf::LoadOptions {
        max_decompressed_size: Some(limits.max_stream_bytes),
        force_reconstruct: rebuild,
        ..Default::default()
    };
    let doc = match lopdf::Document::load_mem_with_options(bytes, options()) {
        Ok(d) => d,
        Err(e) => {
            let msg = e.to_string();
            if matches!(e, lopdf::Error::InvalidPassword) || password_error(&msg) {
                return Err(Error::PasswordRequired { path });
            }
            let mut o = options();
            o.force_reconstruct = true;
            lopdf::Document::load_mem_with_options(bytes, o).map_err(|_| Error::Malformed {
                path: path.clone(),
                cause: msg,
            })?
        }
    };
    if doc.trailer.has(b"Encrypt") && doc.encryption_state.is_none() {
        return Err(Error::PasswordRequired { path });
    }
    let pages: Vec<ObjectId> = doc.page_iter().take(limits.max_pages).collect();
    Ok(PdfDocument {
        doc,
        pages,
        path,
        fonts: HashMap::new(),
        limits: limits.clone(),
        start,
    })
}

impl PdfDocument {
    /// Number of pages (capped by [`Limits::max_pages`]).
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Looks up an inheritable page attribute through /Parent (bounded).
    fn inherited<'a>(&'a self, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        let ctx = self.ctx();
        let mut d = page;
        for _ in 0..64 {
            if let Ok(v) = d.get(key) {
                return Some(v);
            }
            d = obj::dict(&ctx, d.get(b"Parent").ok())?;
        }
        None
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            doc: &self.doc,
            max_stream: self.limits.max_stream_bytes,
        }
    }

    /// Interprets page `index` (0-based) into glyphs.
    pub fn page(&mut self, index: usize) -> Result<Page> {
        let number = index as u32 + 1;
        let deadline = self.start + self.limits.deadline;
        let Some(&page_id) = self.pages.get(index) else {
            return Err(Error::Page {
                path: self.path.clone(),
                page: number,
                cause: "no such page".into(),
            });
        };
        let mut fonts = std::mem::take(&mut self.fonts);
        let result = self.page_inner(page_id, number, deadline, &mut fonts);
        self.fonts = fonts;
        result
    }

    fn page_inner(
        &self,
        page_id: ObjectId,
        number: u32,
        deadline: Instant,
        fonts: &mut HashMap<ObjectId, Arc<font::Font>>,
    ) -> Result<Page> {
        let ctx = self.ctx();
        let page_err = |cause: &str| Error::Page {
            path: self.path.clone(),
            page: number,
            cause: cause.to_string(),
        };
        let page = self
            .doc
            .objects
            .get(&page_id)
            .and_then(|o| obj::dict(&ctx, Some(o)))
            .ok_or_else(|| page_err("page object missing"))?;
        let mut bbox = [0f32, 0.0, 612.0, 792.0];
        if let Some(a) = obj::array(&ctx, self.inherited(page, b"MediaBox")) {
            let v: Vec<f32> = a
                .iter()
                .filter_map(|o| obj::number(&ctx, Some(o)))
                .collect();
            if let [x0, y0, x1, y1] = v.as_slice() {
                bbox = [x0.min(*x1), y0.min(*y1), x0.max(*x1), y0.max(*y1)];
            }
        }
        let (w, h) = ((bbox[2] - bbox[0]).max(1.0), (bbox[3] - bbox[1]).max(1.0));
        let rotate = obj::number(&ctx, self.inherited(page, b"Rotate")).unwrap_or(0.0) as i64;
        let rotate = rotate.rem_euclid(360) / 90;
        let shift = Matrix([1.0, 0.0, 0.0, 1.0, -bbox[0], -bbox[1]]);
        let rot = match rotate {
            1 => Matrix([0.0, -1.0, 1.0, 0.0, 0.0, w]),
            2 => Matrix([-1.0, 0.0, 0.0, -1.0, w, h]),
            3 => Matrix([0.0, 1.0, -1.0, 0.0, h, 0.0]),
            _ => Matrix::IDENTITY,
        };
        let (width, height) = if rotate % 2 == 1 { (h, w) } else { (w, h) };
        let base = shift.mul(&rot);
        let resources = obj::dict(&ctx, self.inherited(page, b"Resources"));

        // Content: one stream or an array of streams, decoded under the limit.
        let mut content = Vec::new();
        let contents = page.get(b"Contents").ok();
        let list: Vec<&Object> = match contents.and_then(|c| obj::deref(&ctx, c)) {
            Some(Object::Array(a)) => a.iter().collect(),
            Some(_) => contents.into_iter().collect(),
            None => Vec::new(),
        };
        let mut warnings = Vec::new();
        for c in list {
            match obj::decoded(&ctx, Some(c)) {
                Some(d) if content.len() + d.bytes.len() <= self.limits.max_stream_bytes => {
                    if d.damaged {
                        warnings.push(format!(
                            "content stream damaged after {} bytes; the rest of the page is lost",
                            d.bytes.len()
                        ));
                    }
                    content.extend_from_slice(&d.bytes);
                    content.push(b'\n');
                }
                Some(_) => warnings.push("page content over the stream limit".to_string()),
                None => warnings.push("content stream not decodable".to_string()),
            }
        }
        let mut interp = Interp::new(&ctx, fonts, &self.limits, deadline);
        let mut stack = Vec::new();
        match interp.run(&content, resources, base, 0, &mut stack) {
            Ok(()) => {}
            Err(Stop::Deadline) => {
                return Err(Error::Limit {
                    path: self.path.clone(),
                    page: Some(number),
                    what: format!("deadline of {:?}", self.limits.deadline),
                })
            }
            Err(Stop::Ops) => warnings.push("operator limit reached; page truncated".into()),
        }
        warnings.extend(interp.warnings);
        Ok(Page {
            number,
            width,
            height,
            glyphs: interp.glyphs,
            rules: interp.rules,
            fonts: interp.font_infos,
            images: interp.images,
            undecodable: interp.undecodable,
            warnings,
        })
    }

    /// The deadline of this file's budget has passed.
    pub fn past_deadline(&self) -> bool {
        Instant::now() > self.start + self.limits.deadline
    }

    /// The file's path as given.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }
}
