//! Simple-font encodings and glyph names: the WinAnsi, MacRoman and Standard tables
//! (`data/pdf/encodings.txt`), the Adobe Glyph List (`data/pdf/glyphlist.txt`) with
//! `uniXXXX`, `uXXXX[XX]`, ligature (`f_i`) and suffixed (`a.sc`) names, the Symbol and
//! Wingdings tables for the codes bullets come from, and approximate base-14 widths.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Which built-in single-byte encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseEncoding {
    /// WinAnsiEncoding (cp1252).
    WinAnsi,
    /// MacRomanEncoding.
    MacRoman,
    /// StandardEncoding (Type 1 default).
    Standard,
    /// The Symbol font's built-in encoding.
    Symbol,
    /// Wingdings-style dingbat fonts (office documents).
    Dingbats,
    /// The ITC Zapf Dingbats font's built-in encoding.
    Zapf,
}

struct Tables {
    glyphs: HashMap<&'static str, char>,
    win: Vec<&'static str>,
    mac: Vec<&'static str>,
    std: Vec<&'static str>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut glyphs = HashMap::new();
    for line in include_str!("../../data/pdf/glyphlist.txt").lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut it = line.split_whitespace();
        if let (Some(name), Some(hex)) = (it.next(), it.next()) {
            if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                glyphs.entry(name).or_insert(c);
            }
        }
    }
    let mut win = Vec::new();
    let mut mac = Vec::new();
    let mut std = Vec::new();
    for line in include_str!("../../data/pdf/encodings.txt").lines() {
        let mut it = line.split_whitespace();
        let target = match it.next() {
            Some("WIN_ANSI_ENCODING") => &mut win,
            Some("MAC_ROMAN_ENCODING") => &mut mac,
            Some("STANDARD_ENCODING") => &mut std,
            _ => continue,
        };
        target.extend(it);
    }
    Tables {
        glyphs,
        win,
        mac,
        std,
    }
});

/// The glyph name a built-in encoding gives a code, if any.
pub fn base_glyph_name(enc: BaseEncoding, code: u8) -> Option<&'static str> {
    let t = &*TABLES;
    let table = match enc {
        BaseEncoding::WinAnsi => &t.win,
        BaseEncoding::MacRoman => &t.mac,
        BaseEncoding::Standard => &t.std,
        BaseEncoding::Symbol | BaseEncoding::Dingbats | BaseEncoding::Zapf => return None,
    };
    match table.get(usize::from(code)).copied() {
        Some(".") | None => None,
        Some(n) => Some(n),
    }
}

/// The Unicode text of a code under a built-in encoding.
pub fn base_decode(enc: BaseEncoding, code: u8) -> Option<String> {
    match enc {
        BaseEncoding::Symbol => symbol_char(code).map(String::from),
        BaseEncoding::Dingbats => dingbat_char(code).map(String::from),
        BaseEncoding::Zapf => zapf_char(code).map(String::from),
        BaseEncoding::WinAnsi if code == 0xAD => Some("\u{AD}".into()),
        _ => base_glyph_name(enc, code).and_then(glyph_name_to_unicode),
    }
}

/// Unicode for a glyph name: the AGL, `uniXXXX…`, `uXXXX`, `a_b` ligatures, `.suffix`.
pub fn glyph_name_to_unicode(name: &str) -> Option<String> {
    if let Some(c) = TABLES.glyphs.get(name) {
        return Some(c.to_string());
    }
    let base = name.split('.').next().unwrap_or(name);
    if base.is_empty() {
        return None;
    }
    if base != name {
        return glyph_name_to_unicode(base);
    }
    if base.contains('_') {
        let parts: Option<String> = base
            .split('_')
            .map(|p| glyph_name_to_unicode(p).filter(|_| !p.is_empty()))
            .collect();
        return parts;
    }
    if let Some(hex) = base.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let units: Vec<u16> = hex
                .as_bytes()
                .chunks(4)
                .filter_map(|c| std::str::from_utf8(c).ok())
                .filter_map(|s| u16::from_str_radix(s, 16).ok())
                .collect();
            let s: String = char::decode_utf16(units).filter_map(|r| r.ok()).collect();
            return (!s.is_empty()).then_some(s);
        }
    }
    if let Some(hex) = base.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .map(String::from);
        }
    }
    None
}

/// The Symbol font's built-in encoding (`data/pdf/symbol-encoding.tsv`).
pub fn symbol_char(code: u8) -> Option<char> {
    static SYMBOL: LazyLock<[Option<char>; 256]> = LazyLock::new(|| {
        let mut table = [None; 256];
        for line in include_str!("../../data/pdf/symbol-encoding.tsv").lines() {
            let mut cols = line.split('\t');
            let (Some(code), Some(_name), Some(unicode)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let code = u8::from_str_radix(code, 16).ok();
            let c = u32::from_str_radix(unicode, 16)
                .ok()
                .and_then(char::from_u32);
            if let (Some(code), Some(c)) = (code, c) {
                table[usize::from(code)] = Some(c);
            }
        }
        table
    });
    SYMBOL[usize::from(code)]
}

/// Wingdings-style dingbats as seen in office documents (mostly list bullets).
pub fn dingbat_char(code: u8) -> Option<char> {
    let c = match code {
        0x20 => ' ',
        0x6C => '●',
        0x6E => '■',
        0x6F => '□',
        0x71 => '❑',
        0x75 => '◆',
        0x76 => '❖',
        0x9F => '•',
        0xA7 => '▪',
        0xA8 => '◻',
        0xD8 => '➢',
        0xE0 => '→',
        0xE8 => '➔',
        0xF0 => '⇨',
        0xFB => '✗',
        0xFC => '✓',
        _ => return None,
    };
    Some(c)
}

/// ITC Zapf Dingbats: the Unicode Dingbats block was laid out from it, so most codes
/// are U+2700 + (code − 0x20) or U+2760 + (code − 0xA0); the exceptions are listed.
pub fn zapf_char(code: u8) -> Option<char> {
    let u: u32 = match code {
        0x20 => 0x20,
        0x25 => 0x260E,
        0x2A => 0x261B,
        0x2B => 0x261E,
        0x48 => 0x2605,
        0x6C => 0x25CF,
        0x6E => 0x25A0,
        0x73 => 0x25B2,
        0x74 => 0x25BC,
        0x75 => 0x25C6,
        0x77 => 0x25D7,
        0x21..=0x7E => 0x2700 + u32::from(code - 0x20),
        0xA1..=0xA7 => 0x2760 + u32::from(code - 0xA0),
        0xA8 => 0x2663,
        0xA9 => 0x2666,
        0xAA => 0x2665,
        0xAB => 0x2660,
        0xAC..=0xB5 => 0x2460 + u32::from(code - 0xAC),
        0xB6..=0xD4 => 0x2776 + u32::from(code - 0xB6),
        0xD5 => 0x2192,
        0xD6 => 0x2194,
        0xD7 => 0x2195,
        0xD8..=0xEF => 0x2798 + u32::from(code - 0xD8),
        0xF1..=0xFE => 0x27B1 + u32::from(code - 0xF1),
        _ => return None,
    };
    char::from_u32(u)
}

/// Maps a private-use code point from a symbol font (U+F020–U+F0FF) to a real one.
pub fn map_symbol_pua(c: char, dingbats: bool) -> Option<char> {
    let u = u32::from(c);
    if !(0xF020..=0xF0FF).contains(&u) {
        return None;
    }
    let code = u8::try_from(u - 0xF000).ok()?;
    if dingbats {
        dingbat_char(code).or_else(|| symbol_char(code))
    } else {
        symbol_char(code).or_else(|| dingbat_char(code))
    }
}

/// Advance widths of the 14 standard fonts by character (Adobe's AFM metrics), for
/// fonts that come without /Widths: a reader draws them with these metrics, so word gaps
/// and column positions are only right with them (a Times line measured with guessed
/// widths drifts by whole words).
static BASE14_WIDTHS: LazyLock<HashMap<(&'static str, char), u16>> = LazyLock::new(|| {
    include_str!("../../data/pdf/base14-widths.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let font = cols.next()?;
            let c = char::from_u32(u32::from_str_radix(cols.next()?, 16).ok()?)?;
            let w = cols.next()?.parse().ok()?;
            Some(((font, c), w))
        })
        .collect()
});

/// The standard font a base font name stands for: family by name (Arial and other
/// sans fonts are metric-compatible with Helvetica, Times New Roman with Times), style
/// from the name's Bold/Italic/Oblique parts.
fn base14_of(font_name: &str) -> &'static str {
    let lower = font_name.to_ascii_lowercase();
    let bold = lower.contains("bold") || lower.contains("black") || lower.contains("heavy");
    let italic = lower.contains("italic") || lower.contains("oblique");
    if lower.contains("symbol") {
        return "Symbol";
    }
    if lower.contains("dingbat") {
        return "ZapfDingbats";
    }
    let (family, slant) = if lower.contains("courier") || lower.contains("mono") {
        ("Courier", "Oblique")
    } else if lower.contains("times")
        || lower.contains("roman")
        || (lower.contains("serif") && !lower.contains("sans"))
    {
        ("Times", "Italic")
    } else {
        ("Helvetica", "Oblique")
    };
    match (family, bold, italic, slant) {
        ("Times", false, false, _) => "Times-Roman",
        ("Times", true, false, _) => "Times-Bold",
        ("Times", false, true, _) => "Times-Italic",
        ("Times", true, true, _) => "Times-BoldItalic",
        ("Courier", false, false, _) => "Courier",
        ("Courier", true, false, _) => "Courier-Bold",
        ("Courier", false, true, _) => "Courier-Oblique",
        ("Courier", true, true, _) => "Courier-BoldOblique",
        (_, false, false, _) => "Helvetica",
        (_, true, false, _) => "Helvetica-Bold",
        (_, false, true, _) => "Helvetica-Oblique",
        _ => "Helvetica-BoldOblique",
    }
}

/// Width (1/1000 em) of a character in a non-embedded standard font without /Widths.
pub fn base14_width(font_name: &str, c: char) -> f32 {
    let font = base14_of(font_name);
    if let Some(w) = BASE14_WIDTHS.get(&(font, c)) {
        return f32::from(*w);
    }
    // Characters outside the font's repertoire: the width of their base letter, else an
    // average glyph.
    use unicode_normalization::UnicodeNormalization;
    let base = std::iter::once(c).nfd().next().unwrap_or(c);
    BASE14_WIDTHS
        .get(&(font, base))
        .map(|w| f32::from(*w))
        .unwrap_or(if font.starts_with("Courier") {
            600.0
        } else {
            556.0
        })
}

/// Is this a Unicode private-use code point?
pub fn is_private_use(c: char) -> bool {
    let u = u32::from(c);
    (0xE000..=0xF8FF).contains(&u) || (0xF0000..=0x10FFFD).contains(&u)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_font_widths_come_from_the_afm_metrics() {
        assert_eq!(base14_width("Times-Roman", 'a'), 444.0);
        assert_eq!(base14_width("Times-Roman", '…'), 1000.0);
        assert_eq!(base14_width("Helvetica", 'a'), 556.0);
        assert_eq!(base14_width("Arial,Bold", 'm'), 889.0, "Helvetica-Bold");
        assert_eq!(base14_width("TimesNewRoman,Italic", 'ø'), 500.0);
        assert_eq!(base14_width("CourierNew", 'æ'), 600.0);
        // Outside the repertoire: the base letter's width.
        assert_eq!(
            base14_width("Helvetica", 'ŝ'),
            base14_width("Helvetica", 's')
        );
    }

    #[test]
    fn win_ansi_danish_letters() {
        assert_eq!(
            base_decode(BaseEncoding::WinAnsi, 0xE6).as_deref(),
            Some("æ")
        );
        assert_eq!(
            base_decode(BaseEncoding::WinAnsi, 0xF8).as_deref(),
            Some("ø")
        );
        assert_eq!(
            base_decode(BaseEncoding::WinAnsi, 0xC5).as_deref(),
            Some("Å")
        );
        assert_eq!(
            base_decode(BaseEncoding::WinAnsi, 0x93).as_deref(),
            Some("“")
        );
        assert_eq!(
            base_decode(BaseEncoding::MacRoman, 0xBE).as_deref(),
            Some("æ")
        );
        assert_eq!(
            base_decode(BaseEncoding::Standard, 0x27).as_deref(),
            Some("’")
        );
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_to_unicode("oslash").as_deref(), Some("ø"));
        assert_eq!(glyph_name_to_unicode("uni00E6").as_deref(), Some("æ"));
        assert_eq!(glyph_name_to_unicode("uni00660069").as_deref(), Some("fi"));
        assert_eq!(glyph_name_to_unicode("u1F600").as_deref(), Some("😀"));
        assert_eq!(glyph_name_to_unicode("T_h").as_deref(), Some("Th"));
        assert_eq!(glyph_name_to_unicode("a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_name_to_unicode("g123"), None);
        assert_eq!(glyph_name_to_unicode("onehalf").as_deref(), Some("½"));
    }

    #[test]
    fn zapf_dingbats() {
        assert_eq!(zapf_char(0x21), Some('✁'));
        assert_eq!(zapf_char(0x6C), Some('●'));
        assert_eq!(zapf_char(0xAC), Some('①'));
        assert_eq!(zapf_char(0xB6), Some('❶'));
        assert_eq!(zapf_char(0xD4), Some('➔'));
    }

    #[test]
    fn symbol_bullets() {
        assert_eq!(symbol_char(0xB7), Some('•'));
        assert_eq!(symbol_char(0x44), Some('Δ'));
        assert_eq!(symbol_char(0xC0), Some('ℵ'));
        assert_eq!(symbol_char(0xF2), Some('∫'));
        assert_eq!(symbol_char(0x7F), None);
        // No private-use code point comes out of the table.
        assert!((0..=255u8)
            .filter_map(symbol_char)
            .all(|c| !is_private_use(c)));
        assert_eq!(map_symbol_pua('\u{F0B7}', false), Some('•'));
        assert_eq!(map_symbol_pua('\u{F0A7}', true), Some('▪'));
        assert_eq!(map_symbol_pua('\u{F0D8}', true), Some('➢'));
        assert!(is_private_use('\u{F06E}'));
    }
}
