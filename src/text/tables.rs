//! Table rows: a table drawn as a grid is read off its rules (rows from the row bands,
//! columns from the boundaries drawn along each row); an unruled one from its lines'
//! cells (big gaps), with columns taken from each row's first full line.

use super::blocks::{clean, in_symbol_font, is_bullet, label_len, Block, PageContext};
use super::layout::{Line, Word};
use super::ruled::Grid;
use crate::pdf::FontInfo;

/// A line with several cells that is not just "label  text".
pub(super) fn is_table_line(line: &Line, fonts: &[FontInfo]) -> bool {
    match line.cells.as_slice() {
        [] | [_] => false,
        [first, _] => {
            let words: Vec<&Word> = line.words().collect();
            let label = (first.len() == 1 && first.first().is_some_and(|w| is_bullet(w, fonts)))
                || label_len(&words) == Some(first.len());
            !label
        }
        _ => true,
    }
}

/// Reads a table starting at line `start`; returns how many lines it used.
pub(super) fn table(
    lines: &[&Line],
    start: usize,
    page: &PageContext,
    out: &mut Vec<Block>,
) -> usize {
    let (fonts, pitch) = (page.fonts, page.pitch);
    let Some(first) = lines.get(start) else {
        return 1;
    };
    let cells_x0 = |l: &Line| -> Vec<f32> {
        l.cells
            .iter()
            .filter_map(|c| c.first().map(|w| w.x0))
            .collect()
    };
    // Column starts: taken from each row's first line that has several cells.
    let mut cols: Vec<f32> = cells_x0(first);
    let size = first.size;
    let col_of = |cols: &[f32], w: &Word| -> usize {
        cols.iter()
            .rposition(|x| *x <= w.x0 + 0.5 * size)
            .unwrap_or(0)
    };
    let mut rows: Vec<Vec<Vec<String>>> = Vec::new();
    let mut used = 0;
    let mut line_cells: Vec<Vec<String>> = Vec::new();
    let mut prev: Option<&Line> = None;
    for line in lines.iter().skip(start) {
        if let Some(p) = prev {
            let gap = p.y - line.y;
            let s = p.size.max(line.size);
            let col1 = cols.get(1).copied();
            // The first cell's text wrapped onto this line: it stays inside the first
            // column and goes on in lower case (cells begin with a capital or a digit).
            // Only for OCR layers: in born-digital pages such tables come with rules, and a
            // column of prose beside a figure would be swallowed.
            let wrapped_first = page.ocr
                && col1.is_some_and(|c| line.x1 < c - 0.5 * size)
                && line.starts_lower()
                && gap <= pitch * s * 1.6;
            let continues = p.dir == line.dir
                && gap > 0.0
                && gap < pitch * s * 2.6
                && (line.cells.len() >= 2
                    || wrapped_first
                    || col1.is_some_and(|c| line.x0 > c - size))
                && !(line.cells.len() == 1
                    && line.x0 < col1.unwrap_or(0.0)
                    && line.x1 > col1.unwrap_or(f32::MAX));
            if !continues
                || (line.cells.len() < 2
                    && !wrapped_first
                    && !is_table_line(line, fonts)
                    && line.x0 <= cols.first().copied().unwrap_or(0.0) + size)
            {
                break;
            }
        }
        let words: Vec<&Word> = line.words().collect();
        let new_row = match prev {
            None => true,
            Some(p) => {
                // A row starts with text in the first column, unless that text only goes
                // on with the first cell's wrapped words (the line holds nothing else and
                // goes on in lower case).
                let gap = p.y - line.y;
                let first_col = words.iter().any(|w| col_of(&cols, w) == 0);
                let other_cols = words.iter().any(|w| col_of(&cols, w) > 0);
                let wraps = page.ocr && !other_cols && line.starts_lower();
                (first_col && !wraps) || gap > pitch * line.size * 1.45
            }
        };
        if new_row && line.cells.len() >= 2 && line.cells.len() >= cols.len() {
            cols = cells_x0(line);
        }
        if new_row || rows.is_empty() {
            rows.push(vec![Vec::new(); cols.len().max(1)]);
        }
        if let Some(row) = rows.last_mut() {
            line_cells.clear();
            line_cells.resize(row.len(), Vec::new());
            for w in &words {
                if let Some(cell) = line_cells.get_mut(col_of(&cols, w)) {
                    cell.push(clean(&w.text, in_symbol_font(w, fonts)));
                }
            }
            add_line_to_row(row, &line_cells);
        }
        prev = Some(line);
        used += 1;
    }
    out.extend(rows.into_iter().map(Block::Row));
    used.max(1)
}

/// Adds one layout line's words, grouped by cell, to a row as one more line of each cell.
fn add_line_to_row(row: &mut [Vec<String>], line_cells: &[Vec<String>]) {
    for (cell, words) in row.iter_mut().zip(line_cells) {
        if !words.is_empty() {
            cell.push(words.join(" "));
        }
    }
}

/// Reads a table drawn as a grid, starting at line `start` (inside `grid`); returns how
/// many lines it used. Rows are the grid's row bands; a grid with no inner horizontal
/// rules is split into rows where the line spacing opens up, as an unruled table is.
pub(super) fn ruled_table(
    lines: &[&Line],
    start: usize,
    grid: &Grid,
    page: &PageContext,
    out: &mut Vec<Block>,
) -> usize {
    let (fonts, pitch) = (page.fonts, page.pitch);
    let mut rows: Vec<(usize, Vec<Vec<String>>)> = Vec::new();
    let mut line_cells: Vec<Vec<String>> = Vec::new();
    // Per column of the current row: its last line was one word filling the cell, which
    // the layout may have broken where it ran out of room (no hyphen); the vocabulary
    // decides when the lines are joined.
    let mut broken: Vec<bool> = Vec::new();
    let mut prev: Option<&Line> = None;
    let mut used = 0;
    for line in lines.iter().skip(start) {
        if line.dir != 0 || !grid.holds(line.y, line.x0, line.x1) {
            break;
        }
        let Some(band) = grid.row(line.y) else { break };
        let opens_up = |p: &Line| p.y - line.y > pitch * p.size.max(line.size) * 1.45;
        let new_row = match (rows.last(), prev) {
            (Some((b, _)), Some(p)) => *b != band || (grid.ys.len() == 2 && opens_up(p)),
            _ => true,
        };
        if new_row {
            rows.push((band, vec![Vec::new(); grid.columns()]));
            broken = vec![false; grid.columns()];
        }
        if let Some((_, row)) = rows.last_mut() {
            line_cells.clear();
            line_cells.resize(row.len(), Vec::new());
            let mut spans: Vec<(f32, f32)> = vec![(f32::MAX, 0.0); row.len()];
            for w in line.words() {
                let col = grid.column(band, (w.x0 + w.x1) / 2.0);
                if let (Some(cell), Some(span)) = (line_cells.get_mut(col), spans.get_mut(col)) {
                    cell.push(clean(&w.text, in_symbol_font(w, fonts)));
                    *span = (span.0.min(w.x0), span.1.max(w.x1));
                }
            }
            for (col, words) in line_cells.iter().enumerate() {
                if words.is_empty() {
                    continue;
                }
                let continues_lower = words
                    .first()
                    .and_then(|w| w.chars().next())
                    .is_some_and(char::is_lowercase);
                if broken.get(col).copied().unwrap_or(false) && continues_lower {
                    if let Some(last) = row.get_mut(col).and_then(|c| c.last_mut()) {
                        last.push(super::hyphen::BROKEN);
                    }
                }
                // One word from the cell's left padding to its right padding.
                let (left, right) = grid.cell_span(band, col);
                let (x0, x1) = spans.get(col).copied().unwrap_or((0.0, 0.0));
                let hyphenated = words
                    .iter()
                    .any(|w| w.ends_with(['-', '\u{AD}', '\u{2010}']));
                let fills =
                    words.len() == 1 && !hyphenated && x1 >= right - (x0 - left) - line.size;
                if let Some(b) = broken.get_mut(col) {
                    *b = fills;
                }
            }
            add_line_to_row(row, &line_cells);
        }
        prev = Some(line);
        used += 1;
    }
    out.extend(rows.into_iter().map(|(_, cells)| Block::Row(cells)));
    used.max(1)
}
