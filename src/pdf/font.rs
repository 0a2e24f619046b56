//! Fonts: from a font dictionary to "these bytes are these codes, with this Unicode text
//! and this advance width". ToUnicode first (our own tolerant CMap parser), then
//! Encoding/Differences/glyph names, then the font's built-in or default encoding.
//! Type3 fonts are decoded the same way; their CharProcs are never run.

use super::cmap::CMap;
use super::encoding::{self, BaseEncoding};
use super::obj::{self, Ctx};
use lopdf::{Dictionary, Object};
use std::collections::HashMap;
use std::sync::LazyLock;

macro_rules! collection {
    ($name:ident, $file:literal) => {
        static $name: LazyLock<CMap> =
            LazyLock::new(|| CMap::parse(include_bytes!(concat!("../../data/pdf/", $file))));
    };
}
collection!(JAPAN1, "Adobe-Japan1-UCS2");
collection!(GB1, "Adobe-GB1-UCS2");
collection!(CNS1, "Adobe-CNS1-UCS2");
collection!(KOREA1, "Adobe-Korea1-UCS2");

/// Adobe's CID -> Unicode map for a character collection (by /Ordering).
fn collection_map(ordering: &str) -> Option<&'static CMap> {
    match ordering {
        "Japan1" => Some(&JAPAN1),
        "GB1" => Some(&GB1),
        "CNS1" => Some(&CNS1),
        "Korea1" => Some(&KOREA1),
        _ => None,
    }
}

/// One decoded character code.
#[derive(Debug, Clone)]
pub struct Code {
    /// The code value.
    pub code: u32,
    /// Its length in bytes (a 1-byte code 32 takes word spacing).
    pub len: u8,
    /// Unicode text (empty when undecodable).
    pub text: String,
    /// Advance width in text space units per unit font size (glyph width / 1000).
    pub width: f32,
}

/// A decoded font.
#[derive(Debug, Clone)]
pub struct Font {
    /// The /BaseFont name without subset prefix.
    pub name: String,
    /// A fixed-pitch (Courier-like) font.
    pub mono: bool,
    /// A bold font (by name or descriptor weight).
    pub bold: bool,
    /// Dingbat font (Wingdings, Webdings, ZapfDingbats).
    pub dingbats: bool,
    /// Symbol or dingbat font by name (see [`FontInfo::symbol`]).
    pub symbol: bool,
    /// Vertical writing (Identity-V and other `-V` CMaps): glyphs advance downwards.
    pub vertical: bool,
    /// Vertical scale for Type3 fonts (1 for others).
    pub vscale: f32,
    cid: bool,
    ucs2: bool,
    codespace: Option<CMap>,
    to_unicode: Option<CMap>,
    simple: Vec<Option<String>>,
    widths: HashMap<u32, f32>,
    default_width: f32,
    width_scale: f32,
    /// CID -> Unicode from the embedded TrueType `cmap` (Identity CIDToGIDMap or a map).
    gid_unicode: HashMap<u32, char>,
    /// CID -> Unicode of the font's Adobe character collection (Identity encodings).
    collection: Option<&'static CMap>,
}

fn strip_subset(name: &str) -> &str {
    match name.split_once('+') {
        Some((pre, rest)) if pre.len() == 6 && pre.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

impl Font {
    /// A stand-in font used when a font cannot be read: WinAnsi, Helvetica widths.
    pub fn fallback() -> Font {
        let mut f = Font {
            name: "Helvetica".into(),
            mono: false,
            bold: false,
            dingbats: false,
            symbol: false,
            vertical: false,
            vscale: 1.0,
            cid: false,
            ucs2: false,
            codespace: None,
            to_unicode: None,
            simple: Vec::new(),
            widths: HashMap::new(),
            default_width: 0.5,
            width_scale: 0.001,
            gid_unicode: HashMap::new(),
            collection: None,
        };
        f.simple = (0..=255u8)
            .map(|c| encoding::base_decode(BaseEncoding::WinAnsi, c))
            .collect();
        f
    }

    /// Reads a font dictionary.
    pub fn load(ctx: &Ctx, dict: &Dictionary) -> Font {
        let subtype = obj::name(ctx, dict.get(b"Subtype").ok()).unwrap_or_default();
        let raw_name = obj::name(ctx, dict.get(b"BaseFont").ok()).unwrap_or_default();
        let name = strip_subset(&raw_name).to_string();
        let lower = name.to_ascii_lowercase();
        let mut font = Font::fallback();
        font.name = name.clone();
        font.mono = lower.contains("courier") || lower.contains("mono");
        font.bold = lower.contains("bold") || lower.contains("black") || lower.contains("heavy");
        font.dingbats =
            lower.contains("wingding") || lower.contains("dingbat") || lower.contains("webding");
        let symbolic_name = lower.contains("symbol") || font.dingbats;
        font.symbol = symbolic_name;
        font.to_unicode = obj::stream_bytes(ctx, dict.get(b"ToUnicode").ok())
            .map(|b| CMap::parse(&b))
            .filter(|c| !c.is_empty());

        if subtype == "Type0" {
            font.cid = true;
            font.simple.clear();
            let enc = dict.get(b"Encoding").ok();
            let identity = obj::name(ctx, enc).is_some_and(|n| n.starts_with("Identity"));
            if let Some(n) = obj::name(ctx, enc) {
                font.vertical = n.ends_with("-V");
                font.ucs2 = n.starts_with("Uni") && (n.contains("UCS2") || n.contains("UTF16"));
            } else if let Some(b) = obj::stream_bytes(ctx, enc) {
                let c = CMap::parse(&b);
                font.vertical = b.windows(8).any(|w| w == b"/WMode 1");
                if !c.codespace.is_empty() {
                    font.codespace = Some(c);
                }
            }
            font.default_width = 1.0;
            if let Some(desc) = obj::array(ctx, dict.get(b"DescendantFonts").ok())
                .and_then(|a| a.first())
                .and_then(|d| obj::dict(ctx, Some(d)))
            {
                if let Some(dw) = obj::number(ctx, desc.get(b"DW").ok()) {
                    font.default_width = dw * 0.001;
                }
                if let Some(w) = obj::array(ctx, desc.get(b"W").ok()) {
                    font.widths = parse_w(ctx, w);
                }
                font.read_descriptor(ctx, desc);
                if font.to_unicode.is_none() && !font.ucs2 {
                    font.gid_unicode = embedded_cmap(ctx, desc);
                    if font.gid_unicode.is_empty() && identity {
                        font.collection = obj::dict(ctx, desc.get(b"CIDSystemInfo").ok())
                            .and_then(|csi| obj::string(ctx, csi.get(b"Ordering").ok()))
                            .and_then(|o| collection_map(&o));
                    }
                }
            }
            return font;
        }

        let is_type3 = subtype == "Type3";
        if is_type3 {
            if let Some(m) = obj::array(ctx, dict.get(b"FontMatrix").ok()) {
                let a = m
                    .first()
                    .and_then(|o| obj::number(ctx, Some(o)))
                    .unwrap_or(0.001);
                let d = m
                    .get(3)
                    .and_then(|o| obj::number(ctx, Some(o)))
                    .unwrap_or(0.001);
                if a.abs() > 1e-6 && a.abs() < 10.0 {
                    font.width_scale = a.abs();
                }
                if d.abs() > 1e-6 && d.abs() < 10.0 {
                    font.vscale = d.abs() * 1000.0;
                }
            }
        }
        let desc = obj::dict(ctx, dict.get(b"FontDescriptor").ok());
        if let Some(desc) = desc {
            font.read_descriptor(ctx, desc);
        }

        // Base encoding.
        let enc_obj = dict.get(b"Encoding").ok();
        let enc_dict = obj::dict(ctx, enc_obj);
        let enc_name = obj::name(ctx, enc_obj)
            .or_else(|| enc_dict.and_then(|d| obj::name(ctx, d.get(b"BaseEncoding").ok())));
        let builtin = if enc_name.is_none() && subtype == "Type1" {
            desc.and_then(|d| type1_builtin(ctx, d))
        } else {
            None
        };
        let base = match enc_name.as_deref() {
            Some("WinAnsiEncoding") => BaseEncoding::WinAnsi,
            Some("MacRomanEncoding") => BaseEncoding::MacRoman,
            Some("StandardEncoding") => BaseEncoding::Standard,
            _ if lower.contains("zapfdingbats") || lower.contains("dingbats") => BaseEncoding::Zapf,
            _ if font.dingbats => BaseEncoding::Dingbats,
            _ if symbolic_name => BaseEncoding::Symbol,
            _ if subtype == "Type1" && desc.is_none() => BaseEncoding::Standard,
            _ => BaseEncoding::WinAnsi,
        };
        font.simple = (0..=255u8)
            .map(|c| encoding::base_decode(base, c))
            .collect();
        if let Some(b) = builtin {
            for (code, name) in b {
                if let Some(slot) = font.simple.get_mut(usize::from(code)) {
                    *slot = encoding::glyph_name_to_unicode(&name);
                }
            }
        }
        if let Some(diffs) = enc_dict.and_then(|d| obj::array(ctx, d.get(b"Differences").ok())) {
            let mut code: i64 = 0;
            for item in diffs {
                match obj::deref(ctx, item) {
                    Some(Object::Integer(n)) => code = *n,
                    Some(Object::Real(r)) => code = *r as i64,
                    Some(Object::Name(n)) => {
                        let glyph = String::from_utf8_lossy(n);
                        if let Some(slot) = usize::try_from(code)
                            .ok()
                            .and_then(|c| font.simple.get_mut(c))
                        {
                            *slot = encoding::glyph_name_to_unicode(&glyph)
                                .or_else(|| numeric_glyph_name(&glyph))
                                .or_else(|| {
                                    // Unknown names (g12, cid34): keep what the base encoding says
                                    // only for fonts where codes follow ASCII.
                                    slot.take().filter(|_| !is_type3)
                                });
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }

        // Widths.
        let first = obj::number(ctx, dict.get(b"FirstChar").ok()).unwrap_or(0.0) as i64;
        let missing = desc
            .and_then(|d| obj::number(ctx, d.get(b"MissingWidth").ok()))
            .filter(|w| *w > 0.0);
        if let Some(ws) = obj::array(ctx, dict.get(b"Widths").ok()) {
            for (i, w) in ws.iter().enumerate().take(256) {
                if let (Some(w), Ok(code)) =
                    (obj::number(ctx, Some(w)), u32::try_from(first + i as i64))
                {
                    font.widths.insert(code, w);
                }
            }
            font.width_scale = if is_type3 { font.width_scale } else { 0.001 };
            if is_type3 {
                // Type3 glyph space is arbitrary: take the em from the mean advance
                // (about half an em), not from the FontMatrix alone.
                let ws: Vec<f32> = font.widths.values().copied().filter(|w| *w > 0.0).collect();
                if !ws.is_empty() {
                    let mean = ws.iter().sum::<f32>() / ws.len() as f32;
                    font.vscale = (mean * font.width_scale * 2.0).clamp(0.05, 50.0);
                }
            }
            font.default_width = missing.unwrap_or(0.0) * font.width_scale;
        } else {
            // Non-embedded base-14 font: approximate metrics by character.
            for code in 0..=255u32 {
                let c = font
                    .simple
                    .get(code as usize)
                    .and_then(|s| s.as_ref())
                    .and_then(|s| s.chars().next())
                    .unwrap_or(' ');
                font.widths.insert(code, encoding::base14_width(&name, c));
            }
            font.width_scale = 0.001;
            font.default_width = missing.unwrap_or(500.0) * 0.001;
        }
        font
    }

    fn read_descriptor(&mut self, ctx: &Ctx, desc: &Dictionary) {
        let flags = obj::number(ctx, desc.get(b"Flags").ok()).unwrap_or(0.0) as i64;
        if flags & 1 != 0 {
            self.mono = true;
        }
        if flags & (1 << 18) != 0 {
            self.bold = true;
        }
        if let Some(w) = obj::number(ctx, desc.get(b"FontWeight").ok()) {
            if w >= 600.0 {
                self.bold = true;
            }
        }
    }

    /// Splits a string operand into codes.
    pub fn decode(&self, bytes: &[u8], out: &mut Vec<Code>) {
        out.clear();
        let mut i = 0;
        while i < bytes.len() {
            let rest = bytes.get(i..).unwrap_or_default();
            let len = if self.cid {
                self.codespace
                    .as_ref()
                    .and_then(|c| c.code_len(rest))
                    .unwrap_or(2)
                    .min(rest.len())
                    .max(1)
            } else {
                1
            };
            let mut code = 0u32;
            for b in rest.iter().take(len) {
                code = (code << 8) | u32::from(*b);
            }
            i += len;
            let len8 = len as u8;
            let mut text = self
                .to_unicode
                .as_ref()
                .and_then(|c| c.lookup(len8, code))
                .filter(|s| !s.is_empty() && s != "\u{FFFD}");
            if text.is_none() {
                text = if self.cid {
                    if self.ucs2 {
                        char::from_u32(code).map(String::from)
                    } else {
                        self.gid_unicode
                            .get(&code)
                            .map(|c| c.to_string())
                            .or_else(|| self.collection.and_then(|m| m.lookup(2, code)))
                    }
                } else {
                    self.simple.get(code as usize).cloned().flatten()
                };
            }
            let width = self
                .widths
                .get(&code)
                .map(|w| w * self.width_scale)
                .unwrap_or(self.default_width);
            out.push(Code {
                code,
                len: len8,
                text: text.unwrap_or_default(),
                width,
            });
        }
    }
}

/// Names like `a65`, `c97`, `g104` that carry a character code (TeX bitmap fonts):
/// decimal codes 32..=255 read as Latin-1, as poppler does.
fn numeric_glyph_name(name: &str) -> Option<String> {
    let digits = name.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let prefix_len = name.len() - digits.len();
    if !(1..=2).contains(&prefix_len) || !(2..=3).contains(&digits.len()) {
        return None;
    }
    let v: u32 = digits.parse().ok()?;
    if !(32..=255).contains(&v) || (127..160).contains(&v) {
        return None;
    }
    char::from_u32(v).map(String::from)
}

/// CID -> Unicode for an embedded TrueType CIDFont without ToUnicode.
fn embedded_cmap(ctx: &Ctx, desc: &Dictionary) -> HashMap<u32, char> {
    let mut out = HashMap::new();
    let Some(data) = obj::dict(ctx, desc.get(b"FontDescriptor").ok())
        .and_then(|fd| obj::stream_bytes(ctx, fd.get(b"FontFile2").ok()))
    else {
        return out;
    };
    let g2u = super::truetype::glyph_to_unicode(&data);
    if g2u.is_empty() {
        return out;
    }
    match obj::stream_bytes(ctx, desc.get(b"CIDToGIDMap").ok()) {
        Some(map) => {
            for (cid, pair) in map.chunks(2).enumerate() {
                if let [a, b] = pair {
                    let gid = u16::from_be_bytes([*a, *b]);
                    if let Some(c) = g2u.get(&gid) {
                        out.insert(cid as u32, *c);
                    }
                }
            }
        }
        None => {
            for (gid, c) in g2u {
                out.insert(u32::from(gid), c);
            }
        }
    }
    out
}

fn parse_w(ctx: &Ctx, w: &[Object]) -> HashMap<u32, f32> {
    let mut map = HashMap::new();
    let mut i = 0;
    // A hostile /W can describe billions of CIDs: stop at 1 M widths.
    while i < w.len() && map.len() < 1_000_000 {
        let Some(first) = w.get(i).and_then(|o| obj::number(ctx, Some(o))) else {
            break;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).and_then(|o| obj::deref(ctx, o)) {
            Some(Object::Array(ws)) => {
                for (k, wv) in ws.iter().enumerate().take(65536) {
                    if let Some(v) = obj::number(ctx, Some(wv)) {
                        map.insert(first.saturating_add(k as u32), v);
                    }
                }
                i += 2;
            }
            Some(_) => {
                let last = w
                    .get(i + 1)
                    .and_then(|o| obj::number(ctx, Some(o)))
                    .unwrap_or(0.0) as u32;
                let v = w
                    .get(i + 2)
                    .and_then(|o| obj::number(ctx, Some(o)))
                    .unwrap_or(1000.0);
                if last >= first && last - first <= 65536 {
                    for c in first..=last {
                        map.insert(c, v);
                    }
                }
                i += 3;
            }
            None => break,
        }
    }
    map
}

/// The built-in encoding of an embedded Type 1 font (`dup 65 /A put` in the clear part).
fn type1_builtin(ctx: &Ctx, desc: &Dictionary) -> Option<Vec<(u8, String)>> {
    let data = obj::stream_bytes(ctx, desc.get(b"FontFile").ok())?;
    let text = String::from_utf8_lossy(data.get(..data.len().min(65536))?);
    let clear = text.split("eexec").next()?;
    if clear.contains("/Encoding StandardEncoding") {
        return None;
    }
    let mut out = Vec::new();
    let toks: Vec<&str> = clear.split_whitespace().collect();
    for win in toks.windows(4) {
        if let [dup, n, name, put] = win {
            if *dup == "dup" && put.starts_with("put") {
                if let (Ok(code), Some(name)) = (n.parse::<u8>(), name.strip_prefix('/')) {
                    out.push((code, name.to_string()));
                }
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_font_decodes_winansi() {
        let f = Font::fallback();
        let mut out = Vec::new();
        f.decode(b"R\xe5d", &mut out);
        let s: String = out.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(s, "Råd");
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn subset_prefix_is_stripped() {
        assert_eq!(strip_subset("ABCDEF+Carlito-Bold"), "Carlito-Bold");
        assert_eq!(strip_subset("Helvetica"), "Helvetica");
    }
}
