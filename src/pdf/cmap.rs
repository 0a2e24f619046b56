//! A tolerant CMap parser (ToUnicode and the code-space part of encoding CMaps).
//!
//! lopdf's own parser is strict and silently gives up on the compact CMaps Danish
//! eDoc/Adlib files write (`beginbfchar<0003><0020>endbfchar`, keywords run together,
//! no whitespace at all). This one scans tokens (hex strings, arrays, words, numbers)
//! and looks for the section keywords even inside run-together words.

use std::collections::HashMap;

/// Most source codes one `bfrange` may expand to (larger ranges are kept as ranges).
const MAX_EXPANDED: u32 = 4096;
/// Most single entries kept (a hostile CMap cannot make us allocate without bound).
const MAX_ENTRIES: usize = 200_000;
/// Most ranges kept.
const MAX_RANGES: usize = 100_000;

/// A parsed ToUnicode CMap.
#[derive(Debug, Default, Clone)]
pub struct CMap {
    /// (byte length, first code, last code) of each code-space range.
    pub codespace: Vec<(u8, u32, u32)>,
    single: HashMap<(u8, u32), String>,
    ranges: Vec<(u8, u32, u32, Vec<u16>)>,
}

#[derive(Debug, PartialEq)]
enum Tok {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(String),
    Other,
}

fn tokenize(data: &[u8]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(&b) = data.get(i) {
        match b {
            b'<' if data.get(i + 1) == Some(&b'<') => {
                toks.push(Tok::Other);
                i += 2;
            }
            b'<' => {
                let mut digits = Vec::new();
                i += 1;
                while let Some(&c) = data.get(i) {
                    i += 1;
                    if c == b'>' {
                        break;
                    }
                    if c.is_ascii_hexdigit() {
                        digits.push(c);
                    }
                }
                if digits.len() % 2 == 1 {
                    digits.push(b'0');
                }
                let bytes = digits
                    .chunks(2)
                    .filter_map(|p| std::str::from_utf8(p).ok())
                    .filter_map(|s| u8::from_str_radix(s, 16).ok())
                    .collect();
                toks.push(Tok::Hex(bytes));
            }
            b'[' => {
                toks.push(Tok::Open);
                i += 1;
            }
            b']' => {
                toks.push(Tok::Close);
                i += 1;
            }
            b'%' => {
                while let Some(&c) = data.get(i) {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    i += 1;
                }
            }
            b'(' => {
                // A literal string (CMapName etc.): skip it with nesting.
                let mut depth = 0usize;
                while let Some(&c) = data.get(i) {
                    i += 1;
                    match c {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                toks.push(Tok::Other);
            }
            b'/' => {
                let start = i + 1;
                i += 1;
                while data
                    .get(i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || b"._-+".contains(c))
                {
                    i += 1;
                }
                let name = String::from_utf8_lossy(data.get(start..i).unwrap_or_default());
                toks.push(Tok::Word(format!("/{name}")));
            }
            c if c.is_ascii_alphanumeric() || c == b'.' || c == b'-' => {
                let start = i;
                while data
                    .get(i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.' || *c == b'-')
                {
                    i += 1;
                }
                toks.push(Tok::Word(
                    String::from_utf8_lossy(data.get(start..i).unwrap_or_default()).into_owned(),
                ));
            }
            _ => i += 1,
        }
    }
    toks
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    None,
    Codespace,
    BfChar,
    BfRange,
}

/// Splits a run-together word into the section keywords it contains, in order.
fn keywords(word: &str) -> Vec<Section> {
    const KEYS: [(&str, Section); 6] = [
        ("begincodespacerange", Section::Codespace),
        ("endcodespacerange", Section::None),
        ("beginbfchar", Section::BfChar),
        ("endbfchar", Section::None),
        ("beginbfrange", Section::BfRange),
        ("endbfrange", Section::None),
    ];
    let mut found: Vec<(usize, Section)> = Vec::new();
    for (k, s) in KEYS {
        let mut from = 0;
        while let Some(pos) = word.get(from..).and_then(|w| w.find(k)) {
            found.push((from + pos, s));
            from += pos + k.len();
        }
    }
    found.sort_by_key(|(p, _)| *p);
    found.into_iter().map(|(_, s)| s).collect()
}

fn code_of(bytes: &[u8]) -> (u8, u32) {
    let mut v: u32 = 0;
    for b in bytes.iter().take(4) {
        v = (v << 8) | u32::from(*b);
    }
    (bytes.len().min(4) as u8, v)
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| match c {
            [a, b] => u16::from_be_bytes([*a, *b]),
            [a] => u16::from(*a),
            _ => 0,
        })
        .collect()
}

fn units_to_string(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .filter_map(|r| r.ok())
        .filter(|c| *c != '\0')
        .collect()
}

impl CMap {
    /// Parses a CMap stream, keeping whatever can be read.
    pub fn parse(data: &[u8]) -> CMap {
        let toks = tokenize(data);
        let mut cmap = CMap::default();
        let mut section = Section::None;
        let mut pending: Vec<Vec<u8>> = Vec::new();
        let mut i = 0;
        while let Some(tok) = toks.get(i) {
            i += 1;
            match tok {
                Tok::Word(w) => {
                    let keys = keywords(w);
                    if let Some(last) = keys.last() {
                        section = *last;
                        pending.clear();
                    }
                }
                Tok::Hex(h) => {
                    pending.push(h.clone());
                    match section {
                        Section::Codespace if pending.len() == 2 => {
                            let (len, lo) = code_of(&pending[0]);
                            let (_, hi) = code_of(&pending[1]);
                            if len > 0 {
                                cmap.codespace.push((len, lo, hi));
                            }
                            pending.clear();
                        }
                        Section::BfChar if pending.len() == 2 => {
                            let (len, code) = code_of(&pending[0]);
                            let s = units_to_string(&utf16_units(&pending[1]));
                            if len > 0 && cmap.single.len() < MAX_ENTRIES {
                                cmap.single.insert((len, code), s);
                            }
                            pending.clear();
                        }
                        Section::BfRange if pending.len() == 3 => {
                            let (len, lo) = code_of(&pending[0]);
                            let (_, hi) = code_of(&pending[1]);
                            let dst = utf16_units(&pending[2]);
                            cmap.add_range(len, lo, hi, dst);
                            pending.clear();
                        }
                        Section::None => pending.clear(),
                        _ => {}
                    }
                }
                Tok::Open if section == Section::BfRange && pending.len() == 2 => {
                    let (len, lo) = code_of(&pending[0]);
                    let (_, hi) = code_of(&pending[1]);
                    let mut code = lo;
                    while let Some(t) = toks.get(i) {
                        i += 1;
                        match t {
                            Tok::Hex(d) => {
                                if code <= hi && cmap.single.len() < MAX_ENTRIES {
                                    cmap.single
                                        .insert((len, code), units_to_string(&utf16_units(d)));
                                }
                                code = code.saturating_add(1);
                            }
                            Tok::Close => break,
                            _ => {}
                        }
                    }
                    pending.clear();
                }
                Tok::Open | Tok::Close | Tok::Other => {}
            }
            if let Some(Tok::Word(w)) = toks.get(i.wrapping_sub(1)) {
                // A bare word that is not a keyword inside a section (e.g. a glyph name
                // as bfchar target) drops a pending pair.
                if keywords(w).is_empty() && section == Section::BfChar && pending.len() == 1 {
                    pending.clear();
                }
            }
        }
        cmap
    }

    fn add_range(&mut self, len: u8, lo: u32, hi: u32, dst: Vec<u16>) {
        if hi < lo || len == 0 || dst.is_empty() {
            return;
        }
        if hi - lo < MAX_EXPANDED && self.single.len() < MAX_ENTRIES {
            for (k, code) in (lo..=hi).enumerate() {
                let mut units = dst.clone();
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add(k as u16);
                }
                self.single.insert((len, code), units_to_string(&units));
            }
        } else {
            if self.ranges.len() < MAX_RANGES {
                self.ranges.push((len, lo, hi, dst));
            }
        }
    }

    /// True if the CMap maps nothing.
    pub fn is_empty(&self) -> bool {
        self.single.is_empty() && self.ranges.is_empty()
    }

    /// The text for a code of `len` bytes; falls back to the same value at any length.
    pub fn lookup(&self, len: u8, code: u32) -> Option<String> {
        if let Some(s) = self.single.get(&(len, code)) {
            return Some(s.clone());
        }
        for (l, lo, hi, dst) in &self.ranges {
            if *l == len && (*lo..=*hi).contains(&code) {
                let mut units = dst.clone();
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add((code - lo) as u16);
                }
                return Some(units_to_string(&units));
            }
        }
        for other in 1..=4u8 {
            if other != len {
                if let Some(s) = self.single.get(&(other, code)) {
                    return Some(s.clone());
                }
            }
        }
        None
    }

    /// How many bytes the next code at the start of `bytes` takes, by the code space.
    pub fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        for n in 1..=4usize {
            let Some(prefix) = bytes.get(..n) else { break };
            let (_, v) = code_of(prefix);
            if self
                .codespace
                .iter()
                .any(|(l, lo, hi)| usize::from(*l) == n && (*lo..=*hi).contains(&v))
            {
                return Some(n);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_edoc_cmap() {
        let data = b"/CIDInit/ProcSet findresource begin 12 dict begin begincmap/CMapName/Adobe-Identity-UCS def 1 begincodespacerange<0000><FFFF>endcodespacerange 3 beginbfchar<0003><0020><0011><00E6><0012><00F8>endbfchar 1 beginbfrange<0044><0046><0061>endbfrange endcmap";
        let c = CMap::parse(data);
        assert_eq!(c.lookup(2, 3).as_deref(), Some(" "));
        assert_eq!(c.lookup(2, 0x11).as_deref(), Some("æ"));
        assert_eq!(c.lookup(2, 0x45).as_deref(), Some("b"));
        assert_eq!(c.code_len(&[0, 0x11]), Some(2));
    }

    #[test]
    fn run_together_keywords() {
        let data = b"beginbegincmap1 begincodespacerange<00><FF>endcodespacerange2 beginbfchar<41><0041><42><00660069>endbfcharendcmap";
        let c = CMap::parse(data);
        assert_eq!(c.lookup(1, 0x41).as_deref(), Some("A"));
        assert_eq!(c.lookup(1, 0x42).as_deref(), Some("fi"));
        assert_eq!(c.code_len(&[0x42]), Some(1));
    }

    #[test]
    fn bfrange_array_and_surrogates() {
        let data = b"1 beginbfrange <01> <03> [<0041> <D83DDE00> <00660066>] endbfrange";
        let c = CMap::parse(data);
        assert_eq!(c.lookup(1, 1).as_deref(), Some("A"));
        assert_eq!(c.lookup(1, 2).as_deref(), Some("😀"));
        assert_eq!(c.lookup(1, 3).as_deref(), Some("ff"));
        assert_eq!(c.lookup(1, 4), None);
    }
}
