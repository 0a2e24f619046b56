//! Two-column pages: find a gutter (a vertical band near the middle that words on many
//! text lines stop short of), split lines that straddle it, and read each stretch
//! between full-width lines left column first. Tables are left alone: both sides must
//! read like running text.

use super::layout::{Line, Word};

/// Reorders the lines of one page (already top to bottom within each direction) for
/// multi-column text. Each direction is read in its own frame: the bands of vertical
/// Japanese are columns there.
pub fn reorder(lines: Vec<&Line>, width: f32, height: f32) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    for dir in 0..4u8 {
        let same: Vec<Line> = lines
            .iter()
            .filter(|l| l.dir % 4 == dir)
            .map(|&l| l.clone())
            .collect();
        if same.is_empty() {
            continue;
        }
        // The page's extent across the text in this direction's frame (see pdf::to_frame).
        let (lo, hi) = match dir {
            1 => (0.0, height),
            2 => (-width, 0.0),
            3 => (-height, 0.0),
            _ => (0.0, width),
        };
        out.extend(reorder_in(same, lo, hi, 0));
    }
    out
}

/// Splits at the best gutter between `lo` and `hi`, then each side again (three or four
/// columns), at most three levels deep.
fn reorder_in(lines: Vec<Line>, lo: f32, hi: f32, depth: usize) -> Vec<Line> {
    let refs: Vec<&Line> = lines.iter().collect();
    let Some(gutter) = (depth < 3).then(|| find_gutter(&refs, lo, hi)).flatten() else {
        return lines;
    };
    let mut out = Vec::new();
    let mut left: Vec<Line> = Vec::new();
    let mut right: Vec<Line> = Vec::new();
    let flush = |out: &mut Vec<Line>, left: &mut Vec<Line>, right: &mut Vec<Line>| {
        out.extend(reorder_in(std::mem::take(left), lo, gutter, depth + 1));
        out.extend(reorder_in(std::mem::take(right), gutter, hi, depth + 1));
    };
    for l in lines {
        if l.words().any(|w| w.x0 < gutter && w.x1 > gutter) {
            flush(&mut out, &mut left, &mut right);
            out.push(l);
            continue;
        }
        let (a, b) = split(&l, gutter);
        if let Some(a) = a {
            left.push(a);
        }
        if let Some(b) = b {
            right.push(b);
        }
    }
    flush(&mut out, &mut left, &mut right);
    out
}

fn part(l: &Line, cells: Vec<Vec<Word>>) -> Option<Line> {
    let x0 = cells.first()?.first()?.x0;
    let x1 = cells.last()?.last()?.x1;
    Some(Line {
        x0,
        x1,
        cells,
        ..l.clone()
    })
}

fn split(l: &Line, gutter: f32) -> (Option<Line>, Option<Line>) {
    let mut a: Vec<Vec<Word>> = Vec::new();
    let mut b: Vec<Vec<Word>> = Vec::new();
    for cell in &l.cells {
        let (ca, cb): (Vec<Word>, Vec<Word>) = cell.iter().cloned().partition(|w| w.x1 <= gutter);
        if !ca.is_empty() {
            a.push(ca);
        }
        if !cb.is_empty() {
            b.push(cb);
        }
    }
    (part(l, a), part(l, b))
}

/// A word's left and right edge and how many words it counts for (see [`text_words`]).
type WordExtent = (f32, f32, usize);

fn find_gutter(body: &[&Line], lo: f32, hi: f32) -> Option<f32> {
    // The search costs lines × words × candidates: leave pathological pages as they are.
    let words: usize = body.iter().map(|l| l.words().count()).sum();
    let span = hi - lo;
    if body.len() < 10 || !span.is_finite() || span < 100.0 || words > 50_000 {
        return None;
    }
    // Word extents per line, once, and whether the line looks like a table row (three
    // or more cells, one of them of one or two words).
    let rows: Vec<(Vec<WordExtent>, bool)> = body
        .iter()
        .map(|l| {
            let ext = l
                .words()
                .map(|w| (w.x0, w.x1, text_words(&w.text)))
                .collect();
            let table = l.cells.len() > 2 && l.cells.iter().any(|c| c.len() < 3);
            (ext, table)
        })
        .collect();
    let mut sizes: Vec<f32> = body.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    let size = sizes.get(sizes.len() / 2).copied().unwrap_or(10.0);
    // Best candidate: most lines split, then the widest gap (a gutter, not a space).
    let mut best: Option<(usize, f32, f32)> = None;
    // Every 2 pt across the middle half of the page: 150 candidates on A4. A damaged
    // MediaBox can be kilometres wide (or so wide that adding 2 changes nothing), so the
    // step grows to keep the candidates at most 500.
    let step = (span * 0.5 / 500.0).max(2.0);
    let mut x = lo + span * 0.25;
    while x < lo + span * 0.75 {
        let mut crossing = 0;
        let mut both = 0;
        let mut words_l = 0;
        let mut words_r = 0;
        let mut many_cells = 0;
        let mut min_gap = f32::MAX;
        for (ext, table) in &rows {
            let (mut nl, mut nr, mut cross) = (0usize, 0usize, false);
            let (mut left_edge, mut right_edge) = (f32::MIN, f32::MAX);
            for &(x0, x1, n) in ext {
                if x0 < x && x1 > x {
                    cross = true;
                    break;
                }
                if x1 <= x {
                    nl += n;
                    left_edge = left_edge.max(x1);
                } else {
                    nr += n;
                    right_edge = right_edge.min(x0);
                }
            }
            if cross {
                crossing += 1;
                continue;
            }
            if nl > 0 && nr > 0 {
                both += 1;
                min_gap = min_gap.min(right_edge - left_edge);
                if *table {
                    many_cells += 1;
                }
                words_l += nl;
                words_r += nr;
            }
        }
        // Running text on both sides, and not a table of three or more columns.
        let texty =
            both > 0 && words_l >= 4 * both && words_r >= 4 * both && many_cells * 10 <= both * 3;
        // A gutter is wider than a word space on every line it splits: word spaces that
        // happen to line up on a short page (an OCR layer's especially) are not one.
        if texty
            && min_gap >= 0.8 * size
            && both * 10 >= body.len() * 4
            && crossing * 10 <= body.len() * 2
            && best.is_none_or(|(b, g, _)| both > b || (both == b && min_gap > g))
        {
            best = Some((both, min_gap, x));
        }
        x += step;
    }
    best.map(|(_, _, x)| x)
}

/// How many words a space-delimited word is: Chinese and Japanese write no spaces, and
/// their words are one to three characters long.
fn text_words(word: &str) -> usize {
    let cjk = word
        .chars()
        .filter(|&c| super::script::is_han(c) || super::script::is_kana(c))
        .count();
    (cjk / 2).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f32, words: &[(&str, f32)]) -> Line {
        let ws = words
            .iter()
            .map(|(t, x)| Word {
                text: t.to_string(),
                x0: *x,
                x1: *x + 20.0,
                font: 0,
                size: 10.0,
            })
            .collect();
        Line::of_words(y, ws)
    }

    #[test]
    fn two_columns_read_left_first() {
        let mut lines = Vec::new();
        for i in 0..12 {
            let y = 700.0 - 12.0 * i as f32;
            lines.push(line(
                y,
                &[
                    ("l1", 50.0),
                    ("l2", 80.0),
                    ("l3", 110.0),
                    ("l4", 140.0),
                    ("L", 170.0),
                    ("r1", 320.0),
                    ("r2", 350.0),
                    ("r3", 380.0),
                    ("r4", 410.0),
                    ("R", 440.0),
                ],
            ));
        }
        let refs: Vec<&Line> = lines.iter().collect();
        let out = reorder(refs, 600.0, 800.0);
        assert_eq!(out.len(), 24);
        assert!(out[..12].iter().all(|l| l.x1 < 300.0));
        assert!(out[12..].iter().all(|l| l.x0 > 300.0));
    }

    #[test]
    fn short_table_cells_are_not_columns() {
        let mut lines = Vec::new();
        for i in 0..12 {
            let y = 700.0 - 12.0 * i as f32;
            lines.push(line(
                y,
                &[("1.", 50.0), ("juli", 80.0), ("Ikræfttrædelse", 320.0)],
            ));
        }
        let refs: Vec<&Line> = lines.iter().collect();
        let out = reorder(refs, 600.0, 800.0);
        assert_eq!(out.len(), 12);
    }

    #[test]
    fn a_page_billions_of_points_wide_is_searched_in_bounded_steps() {
        // A damaged MediaBox (`[ -2147483649 0 612 792 ]`): at 2 pt steps, and with x
        // so large that adding 2 leaves it unchanged, the search never ended.
        let lines: Vec<Line> = (0..12)
            .map(|i| {
                line(
                    700.0 - 12.0 * i as f32,
                    &[("a", 50.0), ("b", 80.0), ("c", 320.0)],
                )
            })
            .collect();
        for width in [2_147_484_261.0, f32::MAX, f32::INFINITY, f32::NAN] {
            let refs: Vec<&Line> = lines.iter().collect();
            assert_eq!(reorder(refs, width, 792.0).len(), 12, "width {width}");
        }
    }
}
