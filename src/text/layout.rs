//! Layout: positioned glyphs to words (gaps judged against the line's own gap
//! distribution, so letter-spaced text stays whole), lines (runs in drawing order merged
//! by baseline), cells (big horizontal gaps), and blocks ordered by position.

use crate::pdf::{Glyph, Page};

/// A word: glyphs with no break between them.
#[derive(Debug, Clone)]
pub struct Word {
    /// Text (NFC applied later).
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Font index of its first glyph.
    pub font: u16,
    /// Font size.
    #[allow(dead_code)]
    pub size: f32,
}

/// A line: words on one baseline, split into cells at big gaps.
#[derive(Debug, Clone)]
pub struct Line {
    /// Text direction (quarter turns).
    pub dir: u8,
    /// Baseline (frame coordinates).
    pub y: f32,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Median font size.
    pub size: f32,
    /// Cells, each a list of words.
    pub cells: Vec<Vec<Word>>,
    /// Smallest drawing sequence number.
    pub seq: u32,
    /// All glyphs were inside /Artifact marked content.
    pub artifact: bool,
    /// Fonts used on the line.
    pub fonts: Vec<u16>,
}

impl Line {
    /// All words in order.
    pub fn words(&self) -> impl Iterator<Item = &Word> {
        self.cells.iter().flatten()
    }

    /// The line begins with a lower-case letter: it goes on with text above it.
    pub fn starts_lower(&self) -> bool {
        self.words()
            .next()
            .and_then(|w| w.text.chars().next())
            .is_some_and(char::is_lowercase)
    }

    /// The text with cells joined by single spaces.
    pub fn plain(&self) -> String {
        self.words()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
impl Line {
    /// A one-cell line of size-10 words at baseline `y` (for tests of later stages).
    pub fn of_words(y: f32, words: Vec<Word>) -> Line {
        Line {
            dir: 0,
            y,
            x0: words.first().map_or(0.0, |w| w.x0),
            x1: words.last().map_or(0.0, |w| w.x1),
            size: 10.0,
            cells: vec![words],
            seq: 0,
            artifact: false,
            fonts: vec![0],
        }
    }

    /// Words laid out left to right from `x`, 5 pt per character, 3 pt apart.
    pub fn of_text(y: f32, x: f32, words: &[&str]) -> Line {
        let mut x = x;
        let words = words
            .iter()
            .map(|t| {
                let w = Word {
                    text: t.to_string(),
                    x0: x,
                    x1: x + 5.0 * t.chars().count() as f32,
                    font: 0,
                    size: 10.0,
                };
                x = w.x1 + 3.0;
                w
            })
            .collect();
        Line::of_words(y, words)
    }
}

struct Run {
    dir: u8,
    glyphs: Vec<usize>,
    y: f32,
    size: f32,
}

/// Groups a page's glyphs into lines, top to bottom within each direction.
pub fn lines(page: &Page) -> Vec<Line> {
    let glyphs = super::vertical::with_vertical_columns(&page.glyphs);
    let glyphs = glyphs.as_ref();
    // 1. Runs: consecutive glyphs in drawing order that continue a baseline rightwards.
    let mut runs: Vec<Run> = Vec::new();
    for (i, g) in glyphs.iter().enumerate() {
        if !(g.x0.is_finite() && g.y.is_finite() && g.size.is_finite()) || g.size <= 0.0 {
            continue;
        }
        let joined = runs.last_mut().is_some_and(|r| {
            let Some(last) = r.glyphs.last().and_then(|&j| glyphs.get(j)) else {
                return false;
            };
            let s = last.size.max(g.size);
            let ok = r.dir == g.dir
                && (g.y - last.y).abs() < 0.3 * s
                && g.x0 > last.x0 - 0.3 * s
                && g.x0 - last.x1 < 4.0 * s;
            if ok {
                r.glyphs.push(i);
            }
            ok
        });
        if !joined {
            runs.push(Run {
                dir: g.dir,
                glyphs: vec![i],
                y: g.y,
                size: g.size,
            });
        }
    }
    for r in &mut runs {
        let n = r.glyphs.len() as f32;
        r.y = r
            .glyphs
            .iter()
            .filter_map(|&j| glyphs.get(j))
            .map(|g| g.y)
            .sum::<f32>()
            / n;
        let mut sizes: Vec<f32> = r
            .glyphs
            .iter()
            .filter_map(|&j| glyphs.get(j))
            .map(|g| g.size)
            .collect();
        r.size = median(&mut sizes).unwrap_or(r.size);
    }
    // 2. Lines: runs of one direction whose baselines agree.
    runs.sort_by(|a, b| a.dir.cmp(&b.dir).then(b.y.total_cmp(&a.y)));
    let mut groups: Vec<Run> = Vec::new();
    for r in &runs {
        let joined = groups.last_mut().is_some_and(|g| {
            let ok = g.dir == r.dir && (g.y - r.y).abs() < 0.4 * g.size.min(r.size);
            if ok {
                g.glyphs.extend_from_slice(&r.glyphs);
                g.size = g.size.max(r.size);
            }
            ok
        });
        if !joined {
            groups.push(Run {
                dir: r.dir,
                glyphs: r.glyphs.clone(),
                y: r.y,
                size: r.size,
            });
        }
    }
    // 3. A footnote mark, an exponent or the parts of a stacked fraction sit raised or
    // lowered beside a line's glyphs: they belong to that line, not to one of their own.
    attach_satellites(glyphs, &mut groups);
    let mut out: Vec<Line> = groups
        .into_iter()
        .filter(|g| !g.glyphs.is_empty())
        .filter_map(|g| build_line(glyphs, g.dir, g.y, g.glyphs))
        .collect();
    out.sort_by(|a, b| a.dir.cmp(&b.dir).then(b.y.total_cmp(&a.y)));
    out
}

/// Moves each satellite (a cluster of at most three visible glyphs of a line that is
/// smaller than a neighbouring line, within 0.6 of that line's size above or below its
/// baseline, beside its glyphs and within its width) into that line. Longer ones (a
/// numerator over a denominator) would interleave letter by letter, so they stay a line of
/// their own. Groups come sorted by direction and baseline.
fn attach_satellites(glyphs: &[Glyph], groups: &mut [Run]) {
    /// A line's visible glyphs, the baseline most of them sit on (the group's own may be
    /// a raised numerator's) and their extent, worked out once per line.
    struct Shape<'g> {
        visible: Vec<&'g Glyph>,
        base: f32,
        x0: f32,
        x1: f32,
    }
    let shapes: Vec<Shape> = groups
        .iter()
        .map(|g| {
            let visible: Vec<&Glyph> = g
                .glyphs
                .iter()
                .filter_map(|&j| glyphs.get(j))
                .filter(|g| !g.space)
                .collect();
            let mut ys: Vec<f32> = visible.iter().map(|g| g.y).collect();
            let base = median(&mut ys).unwrap_or(g.y);
            let (x0, x1) = extent(&visible);
            Shape {
                visible,
                base,
                x0,
                x1,
            }
        })
        .collect();
    // The nearest lines in baseline order.
    let neighbours = |i: usize| (i + 1..groups.len()).take(8).chain((0..i).rev().take(8));
    let mut moves: Vec<(usize, Vec<usize>, usize)> = Vec::new();
    for (i, s) in groups.iter().enumerate() {
        let bigger = |m: &Run| m.dir == s.dir && s.size <= 0.83 * m.size;
        if !neighbours(i).any(|k| groups.get(k).is_some_and(bigger)) {
            continue;
        }
        for cluster in clusters(glyphs, s) {
            let sat: Vec<&Glyph> = cluster
                .iter()
                .filter_map(|&j| glyphs.get(j))
                .filter(|g| !g.space)
                .collect();
            if sat.is_empty() || sat.len() > 3 {
                continue;
            }
            let (x0, x1) = extent(&sat);
            let fits = |m: &Run, shape: &Shape| {
                if !bigger(m) || (shape.base - s.y).abs() > 0.6 * m.size {
                    return false;
                }
                // Beside the line's glyphs, never over them (an accent or arrow, the
                // limits of a big operator, or text of another line). Only a single glyph
                // may sit under or over a raised one (a digit under a digit of a stacked
                // fraction): more would interleave with it letter by letter.
                let single = sat.len() == 1;
                x0 >= shape.x0 - 0.5 * m.size
                    && x1 <= shape.x1 + 0.5 * m.size
                    && !sat.iter().any(|a| {
                        shape.visible.iter().any(|b| {
                            let on_baseline = (b.y - shape.base).abs() < 0.15 * m.size;
                            (on_baseline || b.size >= 1.2 * a.size || !single)
                                && a.x1.min(b.x1) - a.x0.max(b.x0) > 0.25 * (a.x1 - a.x0)
                        })
                    })
            };
            let mut best: Option<(usize, f32)> = None;
            for k in neighbours(i) {
                let (Some(m), Some(shape)) = (groups.get(k), shapes.get(k)) else {
                    continue;
                };
                if fits(m, shape) {
                    let dy = (m.y - s.y).abs();
                    if best.is_none_or(|(_, d)| dy < d) {
                        best = Some((k, dy));
                    }
                }
            }
            if let Some((k, _)) = best {
                moves.push((i, cluster, k));
            }
        }
    }
    for (from, cluster, to) in moves {
        if let Some(g) = groups.get_mut(from) {
            g.glyphs.retain(|j| !cluster.contains(j));
        }
        if let Some(g) = groups.get_mut(to) {
            g.glyphs.extend(cluster);
        }
    }
}

/// A line's glyphs in runs along the line parted by gaps of over one em.
fn clusters(glyphs: &[Glyph], line: &Run) -> Vec<Vec<usize>> {
    let mut idx: Vec<usize> = line.glyphs.clone();
    idx.sort_by(|&a, &b| {
        let key = |i: usize| glyphs.get(i).map_or(0.0, |g| g.x0);
        key(a).total_cmp(&key(b))
    });
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut right = f32::MIN;
    for j in idx {
        let Some(g) = glyphs.get(j) else { continue };
        match out.last_mut() {
            Some(c) if g.x0 - right <= line.size => c.push(j),
            _ => out.push(vec![j]),
        }
        if !g.space {
            right = right.max(g.x1);
        }
    }
    out
}

/// Leftmost and rightmost edge of some glyphs.
fn extent(gs: &[&Glyph]) -> (f32, f32) {
    gs.iter()
        .fold((f32::MAX, f32::MIN), |(a, b), g| (a.min(g.x0), b.max(g.x1)))
}

fn median(v: &mut [f32]) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    v.get(v.len() / 2).copied()
}

/// Where a glyph sits on its line: visible glyphs by their centre, spaces by their start
/// (a space begins where its word ends, whatever width a substitute font gives it).
fn sort_key(g: &Glyph) -> f32 {
    if g.space {
        g.x0
    } else {
        (g.x0 + g.x1) * 0.5
    }
}

fn build_line(glyphs: &[Glyph], dir: u8, y: f32, mut idx: Vec<usize>) -> Option<Line> {
    idx.sort_by(|&a, &b| {
        let (ga, gb) = (glyphs.get(a), glyphs.get(b));
        match (ga, gb) {
            (Some(ga), Some(gb)) => sort_key(ga).total_cmp(&sort_key(gb)).then(a.cmp(&b)),
            _ => a.cmp(&b),
        }
    });
    let mut gs: Vec<&Glyph> = Vec::with_capacity(idx.len());
    for &i in &idx {
        let Some(g) = glyphs.get(i) else { continue };
        // Fake bold / shadow: the same glyph drawn again almost on top.
        if gs.iter().rev().take(3).any(|p| {
            p.text == g.text
                && (p.x0 - g.x0).abs() < 0.15 * g.size
                && (p.y - g.y).abs() < 0.15 * g.size
        }) {
            continue;
        }
        gs.push(g);
    }
    // Dot leaders drawn across a label (and clipped away on paper): a leader glyph whose
    // centre falls inside a neighbouring letter is not visible.
    let is_leader = |g: &Glyph| matches!(g.text.as_str(), "." | "…" | "_" | "·");
    // Only where glyph boxes are trustworthy: letters that overlap their neighbours
    // (approximate widths, condensed CAD fonts) say nothing about what covers what.
    let pairs = gs
        .windows(2)
        .filter(|w| w.iter().all(|g| !g.space && !is_leader(g)));
    let (mut n_pairs, mut n_overlap) = (0usize, 0usize);
    for w in pairs {
        if let [a, b] = w {
            n_pairs += 1;
            if a.x1 - b.x0 > 0.1 * a.size {
                n_overlap += 1;
            }
        }
    }
    let trust_boxes = n_overlap * 4 <= n_pairs;
    let hidden: Vec<bool> = (0..gs.len())
        .map(|i| {
            if !trust_boxes {
                return false;
            }
            let Some(g) = gs.get(i) else { return false };
            if !is_leader(g) {
                return false;
            }
            let c = (g.x0 + g.x1) * 0.5;
            // Between two letters that leave it no room: inside a word.
            let solid = |o: &&&Glyph| !o.space && !is_leader(o);
            let left = gs
                .get(i.saturating_sub(4)..i)
                .and_then(|w| w.iter().rev().find(solid));
            let right = gs
                .get(i + 1..(i + 5).min(gs.len()))
                .and_then(|w| w.iter().find(solid));
            if let (Some(l), Some(r)) = (left, right) {
                // The letters leave less room than the dot needs: it is drawn over them.
                if r.x0 - l.x1 < 0.4 * (g.x1 - g.x0) && c > l.x0 && c < r.x1 {
                    return true;
                }
            }
            (i.saturating_sub(2)..(i + 3).min(gs.len())).any(|j| {
                j != i
                    && gs.get(j).is_some_and(|o| {
                        !o.space
                            && !is_leader(o)
                            && c > o.x0 + 0.1 * (o.x1 - o.x0)
                            && c < o.x1 - 0.1 * (o.x1 - o.x0)
                    })
            })
        })
        .collect();
    let gs: Vec<&Glyph> = gs
        .into_iter()
        .zip(hidden)
        .filter(|(_, h)| !h)
        .map(|(g, _)| g)
        .collect();
    let mut sizes: Vec<f32> = gs.iter().filter(|g| !g.space).map(|g| g.size).collect();
    let size = median(&mut sizes)?;
    let mut vis: Vec<&Glyph> = gs.iter().copied().filter(|g| !g.space).collect();
    let denominator = stack_fractions(&mut vis);
    // Gaps between consecutive visible glyphs.
    let mut space_before = vec![false; vis.len()];
    {
        // A space glyph separates its neighbours only if it was drawn with one of them
        // (a stray space from another text run may sit between two letters).
        let near = |a: u32, b: u32| a.abs_diff(b) <= 2;
        let mut k = 0usize;
        let mut pending: Vec<u32> = Vec::new();
        let mut prev_seq: Option<u32> = None;
        for g in &gs {
            if g.space {
                pending.push(g.seq);
            } else {
                let counts = pending
                    .iter()
                    .any(|s| near(*s, g.seq) || prev_seq.is_some_and(|p| near(*s, p)));
                if counts && k > 0 {
                    if let Some(s) = space_before.get_mut(k) {
                        *s = true;
                    }
                }
                pending.clear();
                prev_seq = Some(g.seq);
                k += 1;
            }
        }
    }
    let gaps: Vec<f32> = vis
        .windows(2)
        .map(|w| match w {
            [a, b] => b.x0 - a.x1,
            _ => 0.0,
        })
        .collect();
    let even = |gaps: &[f32]| {
        gaps.len() >= 3 && {
            let mut g = gaps.to_vec();
            let med = median(&mut g).unwrap_or(0.0);
            med > 0.05 * size
                && med < 1.0 * size
                && gaps
                    .iter()
                    .all(|x| (*x - med).abs() <= 0.25 * med + 0.02 * size)
        }
    };
    // A tracked heading on its own ("A N E X O"): no space glyphs and every gap the
    // same, so the tracking is the only spacing there is.
    let tracked_only = even(&gaps) && !space_before.iter().any(|s| *s);
    // The same heading typed with a space after every letter ("E X P O N E:"): a line of
    // single letters (and a closing punctuation mark), evenly apart with a space between
    // each pair, reads as one word.
    let letters = match vis.last() {
        Some(g) if g.text.chars().all(|c| !c.is_alphanumeric()) => vis.len() - 1,
        _ => vis.len(),
    };
    let spaced_out = letters >= 4
        && even(gaps.get(..letters - 1).unwrap_or_default())
        && space_before
            .get(1..letters)
            .is_some_and(|s| s.iter().all(|s| *s))
        && vis.get(..letters).is_some_and(|l| {
            l.iter().all(|g| {
                let mut chars = g.text.chars();
                chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
            })
        });
    let mut cells: Vec<Vec<Word>> = Vec::new();
    let mut cur_cell: Vec<Word> = Vec::new();
    let mut cur: Option<Word> = None;
    let mut in_mark = false;
    // Small and raised above the line (a footnote mark, an exponent); on the line itself.
    let raised = |g: &Glyph| g.y - y > 0.25 * size && g.size < 0.83 * size;
    let on_base = |g: &Glyph| (g.y - y).abs() < 0.1 * size;
    for (k, g) in vis.iter().enumerate() {
        let (word_break, cell_break) = if k == 0 {
            (true, false)
        } else {
            let gap = gaps.get(k - 1).copied().unwrap_or(0.0);
            let s = size.max(g.size * 0.5);
            // The neighbourhood only matters for a gap that could be a break.
            let base = if gap > 0.13 * s {
                local_base(&gaps, k - 1, s)
            } else {
                0.0
            };
            let spaced = space_before.get(k).copied().unwrap_or(false) && !spaced_out;
            // A line-end hyphen sits a little apart in justified text: keep it on its word.
            let end_hyphen = k + 1 == vis.len()
                && matches!(g.text.as_str(), "-" | "\u{AD}" | "\u{2010}")
                && gap < 0.35 * s;
            // Over 0.4 em is a break whatever the neighbours: in a grid of single
            // characters the neighbouring gaps are breaks too and would hide it.
            let wide = gap > 0.4 * s;
            // A footnote mark raised after a word or a number is not part of it
            // ("sektor²", "1.300¹"); an exponent after a unit is ("m²", "km²").
            let mark = raised(g)
                && vis
                    .get(k - 1)
                    .is_some_and(|p| on_base(p) && p.text.chars().all(char::is_alphanumeric))
                && cur.as_ref().is_some_and(|w| {
                    let letters = w.text.chars().filter(|c| c.is_alphabetic()).count();
                    letters >= 3 || letters == 0
                });
            // A stacked fraction is one word ("7/8"), and what follows it another ("7/8 i").
            let after_fraction = denominator.get(k - 1).copied().unwrap_or(false);
            let in_fraction = denominator.get(k).copied().unwrap_or(false);
            let wb = !in_fraction
                && (spaced
                    || mark
                    || after_fraction
                    || ((gap > base + 0.13 * s || wide) && !end_hyphen && !tracked_only));
            (wb, gap > 1.6 * s)
        };
        if word_break {
            if let Some(w) = cur.take() {
                cur_cell.push(w);
            }
            if cell_break && !cur_cell.is_empty() {
                cells.push(std::mem::take(&mut cur_cell));
            }
        }
        // A raised small number after a number is a footnote mark (or an exponent):
        // written as a superscript ("1.300¹"), or it would read as digits of the number
        // before it. After a word it stays a plain digit, a word apart ("sektor 2"), as
        // other extractors write it.
        let digits = !g.text.is_empty() && g.text.bytes().all(|b| b.is_ascii_digit());
        in_mark = raised(g)
            && digits
            && (in_mark
                || k.checked_sub(1)
                    .and_then(|p| vis.get(p))
                    .is_some_and(|p| on_base(p) && p.text.ends_with(|c: char| c.is_ascii_digit())));
        let text = if in_mark {
            std::borrow::Cow::Owned(g.text.chars().map(superscript).collect())
        } else if denominator.get(k).copied().unwrap_or(false) {
            std::borrow::Cow::Owned(format!("/{}", g.text))
        } else {
            std::borrow::Cow::Borrowed(g.text.as_str())
        };
        match cur.as_mut() {
            Some(w) => {
                w.text.push_str(&text);
                w.x1 = w.x1.max(g.x1);
            }
            None => {
                cur = Some(Word {
                    text: text.into_owned(),
                    x0: g.x0,
                    x1: g.x1,
                    font: g.font,
                    size: g.size,
                })
            }
        }
    }
    if let Some(w) = cur.take() {
        cur_cell.push(w);
    }
    if !cur_cell.is_empty() {
        cells.push(cur_cell);
    }
    // An OCR layer reads a table's vertical rules as bars ("|x", "| |"): they part cells.
    if vis.iter().all(|g| g.invisible) {
        cells = split_at_bars(cells);
    }
    for c in &mut cells {
        c.retain(|w| !w.text.is_empty());
        // Right-to-left script: glyphs were collected left to right (visual order);
        // words and their order go back to logical order.
        let rtl_words = c.iter().filter(|w| is_rtl(&w.text)).count();
        for w in c.iter_mut().filter(|w| is_rtl(&w.text)) {
            w.text = w.text.chars().rev().collect();
        }
        if rtl_words * 2 > c.len() {
            c.reverse();
        }
    }
    cells.retain(|c| !c.is_empty());
    let first = cells.first()?.first()?;
    let last = cells.last()?.last()?;
    let mut fonts: Vec<u16> = vis.iter().map(|g| g.font).collect();
    fonts.sort_unstable();
    fonts.dedup();
    Some(Line {
        dir,
        y,
        x0: first.x0,
        x1: last.x1,
        size,
        seq: vis.iter().map(|g| g.seq).min().unwrap_or(0),
        artifact: vis.iter().all(|g| g.artifact),
        fonts,
        cells,
    })
}

/// Finds stacked fractions: a digit drawn over another digit (a numerator over its
/// denominator; sorted by their centres they come in either order). Puts each numerator
/// first and returns which glyphs are denominators.
fn stack_fractions(vis: &mut [&Glyph]) -> Vec<bool> {
    let digit = |g: &Glyph| g.text.len() == 1 && g.text.bytes().all(|b| b.is_ascii_digit());
    let stacked = |a: &Glyph, b: &Glyph| {
        let overlap = a.x1.min(b.x1) - a.x0.max(b.x0);
        digit(a)
            && digit(b)
            && (a.y - b.y).abs() > 0.5 * a.size.min(b.size)
            && overlap > 0.5 * (a.x1 - a.x0).min(b.x1 - b.x0)
    };
    let mut denominator = vec![false; vis.len()];
    for k in 1..vis.len() {
        let (Some(&a), Some(&b)) = (vis.get(k - 1), vis.get(k)) else {
            continue;
        };
        if denominator.get(k - 1).copied().unwrap_or(false) || !stacked(a, b) {
            continue;
        }
        if a.y < b.y {
            vis.swap(k - 1, k);
        }
        if let Some(d) = denominator.get_mut(k) {
            *d = true;
        }
    }
    denominator
}

/// The superscript form of an ASCII digit.
fn superscript(c: char) -> char {
    match c {
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        d => d
            .to_digit(10)
            .and_then(|v| char::from_u32(0x2070 + v))
            .unwrap_or(d),
    }
}

/// Cells split where a word is or begins or ends with a bar, the bars dropped.
fn split_at_bars(cells: Vec<Vec<Word>>) -> Vec<Vec<Word>> {
    let mut out: Vec<Vec<Word>> = Vec::new();
    for cell in cells {
        let mut cur: Vec<Word> = Vec::new();
        for mut w in cell {
            let (lead, trail) = (w.text.starts_with('|'), w.text.ends_with('|'));
            if lead && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            w.text = w.text.trim_matches('|').to_string();
            if !w.text.is_empty() {
                cur.push(w);
            }
            if trail && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

/// Mostly Hebrew or Arabic letters.
fn is_rtl(t: &str) -> bool {
    let rtl = t
        .chars()
        .filter(|c| matches!(u32::from(*c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
        .count();
    rtl > 0 && rtl * 2 >= t.chars().filter(|c| c.is_alphabetic()).count()
}

/// The typical inter-glyph gap around gap `i`: the median of its neighbours (at most
/// four each side) that are not themselves clear word breaks.
fn local_base(gaps: &[f32], i: usize, size: f32) -> f32 {
    let lo = i.saturating_sub(4);
    let hi = (i + 5).min(gaps.len());
    // At most eight neighbours: a fixed buffer, no allocation per gap.
    let mut near = [0f32; 8];
    let mut n = 0;
    for j in lo..hi {
        if j == i {
            continue;
        }
        if let (Some(g), Some(slot)) = (gaps.get(j), near.get_mut(n)) {
            if *g < 0.45 * size {
                *slot = *g;
                n += 1;
            }
        }
    }
    let near = near.get_mut(..n).unwrap_or_default();
    median(near).unwrap_or(0.0).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x0: f32, w: f32, y: f32) -> Glyph {
        Glyph {
            text: text.into(),
            x0,
            x1: x0 + w,
            y,
            size: 10.0,
            dir: 0,
            font: 0,
            space: text == " ",
            invisible: false,
            artifact: false,
            seq: 0,
        }
    }

    fn page(glyphs: Vec<Glyph>) -> Page {
        Page {
            number: 1,
            width: 600.0,
            height: 800.0,
            glyphs,
            rules: Vec::new(),
            fonts: vec![],
            images: 0,
            undecodable: 0,
            warnings: vec![],
        }
    }

    #[test]
    fn letter_spaced_words_stay_whole() {
        // "Del tag" with 3 pt letter spacing and a wider word gap.
        let mut g = Vec::new();
        let mut x = 10.0;
        for (i, c) in "Deltag".chars().enumerate() {
            if i == 3 {
                x += 5.0;
            }
            g.push(glyph(&c.to_string(), x, 5.0, 100.0));
            x += 5.0 + 3.0;
        }
        let ls = lines(&page(g));
        assert_eq!(ls.len(), 1);
        assert_eq!(ls[0].plain(), "Del tag");
    }

    #[test]
    fn word_runs_in_separate_runs_join_by_position() {
        // Word writes "R", "åd" in separate BT/ET blocks, drawn out of order.
        let g = vec![
            glyph("å", 15.0, 5.0, 100.0),
            glyph("d", 20.0, 5.0, 100.0),
            glyph("R", 10.0, 5.0, 100.0),
            glyph("x", 10.0, 5.0, 80.0),
        ];
        let ls = lines(&page(g));
        assert_eq!(ls.len(), 2);
        assert_eq!(ls[0].plain(), "Råd");
        assert_eq!(ls[1].plain(), "x");
    }

    #[test]
    fn hebrew_comes_out_in_logical_order() {
        // "שלום עולם" drawn right to left: glyphs sorted by x give visual order.
        let mut g = Vec::new();
        let mut x = 10.0;
        for c in "םלוע םולש".chars() {
            g.push(glyph(&c.to_string(), x, 5.0, 100.0));
            x += 5.0;
        }
        let ls = lines(&page(g));
        assert_eq!(ls[0].plain(), "שלום עולם");
    }

    #[test]
    fn heading_typed_with_a_space_after_each_letter_is_one_word() {
        // "E X P O N E:" and, for contrast, a line of real one-letter words.
        let spaced = |text: &str, y: f32, step: f32| -> Vec<Glyph> {
            let mut g = Vec::new();
            let mut x = 10.0;
            for c in text.chars() {
                let w = if c == ' ' { 2.5 } else { 7.0 };
                g.push(glyph(&c.to_string(), x, w, y));
                x += if c == ' ' { step } else { w };
            }
            g
        };
        let mut g = spaced("E X P O N E:", 100.0, 2.5);
        g.extend(spaced("Plan A og B", 80.0, 2.5));
        let ls = lines(&page(g));
        assert_eq!(ls[0].plain(), "EXPONE:");
        assert_eq!(ls[1].plain(), "Plan A og B");
    }

    #[test]
    fn tracked_heading_alone_is_one_word() {
        let g: Vec<Glyph> = "ANEXO"
            .chars()
            .enumerate()
            .map(|(i, c)| glyph(&c.to_string(), 10.0 + 12.0 * i as f32, 7.0, 100.0))
            .collect();
        let ls = lines(&page(g));
        assert_eq!(ls[0].plain(), "ANEXO");
    }

    #[test]
    fn dot_leaders_over_a_label_are_hidden() {
        // "Date" with leader dots drawn across it, then the value after the leaders.
        let mut g = vec![
            glyph("D", 10.0, 5.0, 100.0),
            glyph("a", 15.0, 5.0, 100.0),
            glyph("t", 20.0, 5.0, 100.0),
            glyph("e", 25.0, 5.0, 100.0),
        ];
        for k in 0..6 {
            g.push(glyph(".", 11.0 + 3.0 * k as f32, 2.0, 100.0));
        }
        g.push(glyph("7", 45.0, 5.0, 100.0));
        let ls = lines(&page(g));
        assert_eq!(ls[0].plain(), "Date 7");
    }

    #[test]
    fn stray_space_from_another_run_does_not_split_a_word() {
        let mut g = vec![
            glyph("m", 10.0, 5.0, 100.0),
            glyph("a", 15.0, 5.0, 100.0),
            glyph("i", 20.0, 5.0, 100.0),
        ];
        for (i, x) in g.iter_mut().enumerate() {
            x.seq = i as u32;
        }
        let mut stray = glyph(" ", 14.0, 2.0, 100.0);
        stray.seq = 50;
        g.push(stray);
        let ls = lines(&page(g));
        assert_eq!(ls[0].plain(), "mai");
    }

    #[test]
    fn big_gaps_make_cells() {
        let g = vec![glyph("A", 10.0, 5.0, 100.0), glyph("B", 100.0, 5.0, 100.0)];
        let ls = lines(&page(g));
        assert_eq!(ls[0].cells.len(), 2);
    }

    /// A word of 6 pt wide letters at size 10 from `x`, drawn in sequence from `seq`.
    fn word(text: &str, x: f32, y: f32, seq: u32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                seq: seq + i as u32,
                ..glyph(&c.to_string(), x + 6.0 * i as f32, 6.0, y)
            })
            .collect()
    }

    fn small(text: &str, x0: f32, y: f32, seq: u32) -> Glyph {
        Glyph {
            size: 6.5,
            seq,
            ..glyph(text, x0, 3.5, y)
        }
    }

    fn plain_lines(glyphs: Vec<Glyph>) -> Vec<String> {
        lines(&page(glyphs)).iter().map(Line::plain).collect()
    }

    #[test]
    fn footnote_mark_stays_on_its_line_apart_from_the_word() {
        // "sektor¹ og" over "næste linje": the mark is raised half an em.
        let mut g = word("sektor", 10.0, 700.0, 0);
        g.push(small("1", 46.0, 704.8, 10));
        g.push(glyph(" ", 49.5, 3.0, 700.0));
        g.extend(word("og", 53.0, 700.0, 20));
        g.extend(word("linje", 10.0, 686.0, 30));
        assert_eq!(plain_lines(g), ["sektor 1 og", "linje"]);
    }

    #[test]
    fn footnote_mark_after_a_number_is_a_superscript() {
        // "1.300¹² kr.": the mark must not read as digits of the number, nor be glued to
        // it (a search for "1.300" finds it).
        let mut g = word("1.300", 10.0, 700.0, 0);
        g.push(small("1", 40.0, 704.8, 10));
        g.push(small("2", 43.5, 704.8, 11));
        g.push(glyph(" ", 47.0, 3.0, 700.0));
        g.extend(word("kr.", 50.0, 700.0, 20));
        assert_eq!(plain_lines(g), ["1.300 ¹² kr."]);
    }

    #[test]
    fn exponent_after_a_unit_stays_on_it() {
        let mut g = word("1.300", 10.0, 700.0, 0);
        g.push(glyph(" ", 40.0, 3.0, 700.0));
        g.extend(word("m", 43.0, 700.0, 10));
        g.push(small("2", 49.0, 704.8, 20));
        assert_eq!(plain_lines(g), ["1.300 m2"]);
    }

    #[test]
    fn stacked_digits_join_their_line_but_an_accent_over_a_letter_does_not() {
        // "1. 6/7 i": numerator and denominator either side of the baseline, drawn
        // denominator first, with the "i" right after them.
        let mut g = word("1.", 10.0, 700.0, 0);
        g.push(small("7", 30.0, 695.5, 5));
        g.push(small("6", 30.0, 703.5, 6));
        g.extend(word("i", 34.0, 700.0, 7));
        // An arrow drawn over the letter "k" on the line below.
        g.extend(word("k", 10.0, 670.0, 10));
        g.push(small("→", 10.5, 676.0, 11));
        assert_eq!(plain_lines(g), ["1. 6/7 i", "→", "k"]);
    }
}
