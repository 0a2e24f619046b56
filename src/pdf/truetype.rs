//! Just enough TrueType to read an embedded font's `cmap` (formats 4 and 12) and invert
//! it: glyph id -> Unicode. Used for Identity-H fonts that come without a ToUnicode.

use std::collections::HashMap;

fn u16_at(d: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*d.get(i)?, *d.get(i + 1)?]))
}

fn u32_at(d: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *d.get(i)?,
        *d.get(i + 1)?,
        *d.get(i + 2)?,
        *d.get(i + 3)?,
    ]))
}

/// Glyph id -> character, from the font's Unicode `cmap` subtable.
pub fn glyph_to_unicode(font: &[u8]) -> HashMap<u16, char> {
    let mut out = HashMap::new();
    let Some(cmap) = table(font, b"cmap") else {
        return out;
    };
    let n = u16_at(cmap, 2).unwrap_or(0) as usize;
    let mut best: Option<(u8, usize)> = None;
    for k in 0..n.min(64) {
        let rec = 4 + k * 8;
        let (Some(pid), Some(eid), Some(off)) = (
            u16_at(cmap, rec),
            u16_at(cmap, rec + 2),
            u32_at(cmap, rec + 4),
        ) else {
            break;
        };
        let rank = match (pid, eid) {
            (3, 10) => 4,
            (0, _) => 3,
            (3, 1) => 2,
            (3, 0) => 1,
            _ => 0,
        };
        if rank > 0 && best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, off as usize));
        }
    }
    let Some((rank, off)) = best else { return out };
    let Some(sub) = cmap.get(off..) else {
        return out;
    };
    match u16_at(sub, 0) {
        Some(4) => {
            let segs = u16_at(sub, 6).unwrap_or(0) as usize / 2;
            // A hostile table can make every segment span the whole code space.
            let mut budget: u32 = 1 << 20;
            for s in 0..segs {
                let end = u16_at(sub, 14 + s * 2).unwrap_or(0);
                let start = u16_at(sub, 16 + segs * 2 + s * 2).unwrap_or(0);
                let delta = u16_at(sub, 16 + segs * 4 + s * 2).unwrap_or(0);
                let ro_pos = 16 + segs * 6 + s * 2;
                let ro = u16_at(sub, ro_pos).unwrap_or(0) as usize;
                if end < start || end == 0xFFFF && start == 0xFFFF {
                    continue;
                }
                for c in start..=end {
                    budget = budget.saturating_sub(1);
                    if budget == 0 {
                        return out;
                    }
                    let gid = if ro == 0 {
                        c.wrapping_add(delta)
                    } else {
                        let at = ro_pos + ro + 2 * usize::from(c - start);
                        match u16_at(sub, at) {
                            Some(0) | None => continue,
                            Some(g) => g.wrapping_add(delta),
                        }
                    };
                    // Symbol fonts (3,0) map U+F0xx: keep the low byte.
                    let u = if rank == 1 && c >= 0xF000 {
                        u32::from(c - 0xF000)
                    } else {
                        u32::from(c)
                    };
                    if let Some(ch) = char::from_u32(u) {
                        if gid != 0 {
                            out.entry(gid).or_insert(ch);
                        }
                    }
                }
            }
        }
        Some(12) => {
            let groups = u32_at(sub, 12).unwrap_or(0) as usize;
            let mut budget: usize = 1 << 20;
            for g in 0..groups.min(100_000) {
                let b = 16 + g * 12;
                let (Some(s), Some(e), Some(gid)) =
                    (u32_at(sub, b), u32_at(sub, b + 4), u32_at(sub, b + 8))
                else {
                    break;
                };
                if e < s || e - s > 0x10000 {
                    continue;
                }
                budget = budget.saturating_sub((e - s) as usize + 1);
                if budget == 0 {
                    return out;
                }
                for (k, c) in (s..=e).enumerate() {
                    if let (Some(ch), Ok(gid)) =
                        (char::from_u32(c), u16::try_from(gid as usize + k))
                    {
                        if gid != 0 {
                            out.entry(gid).or_insert(ch);
                        }
                    }
                }
            }
        }
        _ => {}
    }
    out
}

fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let n = u16_at(font, 4)? as usize;
    for k in 0..n.min(256) {
        let rec = 12 + k * 16;
        if font.get(rec..rec + 4)? == tag {
            let off = u32_at(font, rec + 8)? as usize;
            let len = u32_at(font, rec + 12)? as usize;
            return font.get(off..off.checked_add(len)?.min(font.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_harmless() {
        assert!(glyph_to_unicode(b"").is_empty());
        assert!(glyph_to_unicode(&[0u8; 40]).is_empty());
        assert!(glyph_to_unicode(&[0xFF; 300]).is_empty());
    }
}
