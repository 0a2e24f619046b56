//! Page furniture: running headers, footers, page numbers and stamps, found by
//! repetition across pages (digit-masked text in the top or bottom band on at least half
//! the pages), by page-number shape ("Side 3 af 11", "7", "- 7 -", "3/11"), by /Artifact
//! marking, and, for stamps, by a small box in the top band set in fonts the body does not
//! use and drawn after the body.

use super::layout::Line;
use std::collections::HashMap;

/// Share of the page height that counts as the top or bottom band.
const BAND: f32 = 0.12;

/// Key of a line: digits dropped (page numbers may sit on the line or not, as OCR
/// sees them), case and spaces folded.
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .filter(|c| !c.is_ascii_digit())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Looks like a page number on its own: "7", "- 7 -", "Side 3 af 11", "Page 2 of 9", "3/11".
pub fn is_page_number(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    if !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let num = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match words.as_slice() {
        [p, n] if matches!(*p, "side" | "page" | "s." | "p.") && num(n) => true,
        [p, n, of, m]
            if matches!(*p, "side" | "page")
                && num(n)
                && matches!(*of, "af" | "of" | "/")
                && num(m) =>
        {
            true
        }
        [n, of, m] if num(n) && matches!(*of, "af" | "of" | "/") && num(m) => true,
        [nm] => nm.split_once('/').is_some_and(|(a, b)| num(a) && num(b)) || ocr_side(nm),
        _ => false,
    }
}

/// "Side 1 af 2" as an OCR layer may read it: spaces lost, the digit one read as a
/// letter ("Sidelaf1", "Side2af2").
fn ocr_side(t: &str) -> bool {
    let digit = |c: char| c.is_ascii_digit() || matches!(c, 'l' | 'i' | '|');
    let Some(rest) = t.strip_prefix("side") else {
        return false;
    };
    let Some((n, m)) = rest.split_once("af") else {
        return false;
    };
    !n.is_empty()
        && !m.is_empty()
        && n.chars().all(digit)
        && m.chars().all(digit)
        && (n.chars().any(|c| c.is_ascii_digit()) || m.chars().any(|c| c.is_ascii_digit()))
}

/// Per page, per line: is the line furniture? `pages` holds (height, width, lines,
/// per-line "uses only fonts the body does not use").
pub fn detect(pages: &[(f32, f32, &[Line])]) -> Vec<Vec<bool>> {
    let in_band = |h: f32, l: &Line| l.dir == 0 && (l.y > h * (1.0 - BAND) || l.y < h * BAND);
    // Where each in-band text occurs: (page, baseline).
    let mut seen: HashMap<String, Vec<(usize, f32)>> = HashMap::new();
    for (i, (h, _, lines)) in pages.iter().enumerate() {
        for l in lines.iter().filter(|l| in_band(*h, l)) {
            seen.entry(key(&l.plain())).or_default().push((i, l.y));
        }
    }
    let n = pages.len();
    let min_repeat = (n.div_ceil(2)).max(2);
    // A running head repeats at about the same height (scans shift a little); the same
    // words elsewhere in the band (a title under a header that repeats it) are body.
    let repeats = |text: &str, y: f32, h: f32| {
        let Some(places) = seen.get(&key(text)) else {
            return false;
        };
        let mut pages_at: Vec<usize> = places
            .iter()
            .filter(|(_, y2)| (y - y2).abs() <= 0.02 * h)
            .map(|(p, _)| *p)
            .collect();
        pages_at.dedup();
        pages_at.len() >= min_repeat
    };
    pages
        .iter()
        .map(|(h, w, lines)| {
            let mut flags: Vec<bool> = lines
                .iter()
                .map(|l| {
                    // Tagged PDFs mark running heads, page numbers and watermarks as
                    // /Artifact wherever they sit.
                    if l.artifact {
                        return true;
                    }
                    if !in_band(*h, l) {
                        return false;
                    }
                    let text = l.plain();
                    is_page_number(&text) || (n >= 2 && repeats(&text, l.y, *h))
                })
                .collect();
            // Repetition alone never empties a page: one-line pages ("Potato 12") keep
            // their line unless it is a page number or an artifact.
            if flags.iter().all(|f| *f) {
                for (f, l) in flags.iter_mut().zip(lines.iter()) {
                    *f = l.artifact || is_page_number(&l.plain());
                }
            }
            stamps(*h, *w, lines, &mut flags);
            flags
        })
        .collect()
}

/// A stamp: lines in the top 15 % of the right half, in fonts no body line uses, drawn
/// after the body.
fn stamps(h: f32, w: f32, lines: &[Line], flags: &mut [bool]) {
    let top = |l: &Line| l.dir == 0 && l.y > h * 0.85 && l.x0 > w * 0.5;
    let body: Vec<&Line> = lines
        .iter()
        .zip(flags.iter())
        .filter(|(l, f)| !**f && !top(l))
        .map(|(l, _)| l)
        .collect();
    if body.len() < 3 {
        return;
    }
    let mut body_seq: Vec<u32> = body.iter().map(|l| l.seq).collect();
    body_seq.sort_unstable();
    let median_seq = body_seq.get(body_seq.len() / 2).copied().unwrap_or(0);
    for (l, f) in lines.iter().zip(flags.iter_mut()) {
        if *f || !top(l) || l.seq <= median_seq {
            continue;
        }
        let foreign = l
            .fonts
            .iter()
            .all(|font| !body.iter().any(|b| b.fonts.contains(font)));
        if foreign {
            *f = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, y: f32) -> Line {
        let words: Vec<&str> = text.split(' ').collect();
        Line::of_text(y, 50.0, &words)
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("Side 3 af 11"));
        assert!(is_page_number("7"));
        assert!(is_page_number("- 7 -"));
        assert!(is_page_number("3/11"));
        assert!(!is_page_number("2019"));
        assert!(!is_page_number("Side om side"));
        assert!(is_page_number("Sidelaf1"), "OCR of 'Side 1 af 1'");
        assert!(is_page_number("Side2af3"));
        assert!(!is_page_number("Sideafl"));
    }

    #[test]
    fn repeated_footer_is_furniture() {
        let p1 = vec![
            line("Rebild Kommune", 800.0),
            line("Body text", 400.0),
            line("Oktober 2019 1", 30.0),
        ];
        let p2 = vec![
            line("Rebild Kommune", 800.0),
            line("Other body", 400.0),
            line("Oktober 2019 2", 30.0),
        ];
        let pages = vec![(842.0, 595.0, p1.as_slice()), (842.0, 595.0, p2.as_slice())];
        let f = detect(&pages);
        assert_eq!(f[0], vec![true, false, true]);
        assert_eq!(f[1], vec![true, false, true]);
    }

    #[test]
    fn a_title_under_a_header_with_its_words_is_body() {
        let p1 = vec![
            line("Skive Kommune", 800.0),
            line("Skive Kommune", 750.0),
            line("Body text", 400.0),
        ];
        let p2 = vec![line("Skive Kommune", 800.0), line("Other body", 400.0)];
        let pages = vec![(842.0, 595.0, p1.as_slice()), (842.0, 595.0, p2.as_slice())];
        let f = detect(&pages);
        assert_eq!(f[0], vec![true, false, false]);
        assert_eq!(f[1], vec![true, false]);
    }
}
