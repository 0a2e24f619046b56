//! Ruled tables: where a page draws a grid (horizontal and vertical rules that meet), the
//! cells are read off the grid instead of guessed from gaps, so wrapped cell text stays in
//! its cell, an empty cell keeps its column, and cells whose texts nearly touch stay apart.

use super::layout::Line;
use crate::pdf::Rule;

/// Rules closer than this (points) meet or lie on one line.
const TOUCH: f32 = 2.0;

/// A table grid drawn on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Column boundaries, left to right.
    pub xs: Vec<f32>,
    /// Row boundaries, top to bottom (y falls).
    pub ys: Vec<f32>,
    /// The vertical rules, merged: a boundary missing over part of a row is a merged cell.
    verticals: Vec<Rule>,
}

impl Grid {
    /// The line at baseline `y` spanning `x0..x1` lies inside the grid.
    pub fn holds(&self, y: f32, x0: f32, x1: f32) -> bool {
        let (Some(left), Some(right), Some(top), Some(bottom)) = (
            self.xs.first(),
            self.xs.last(),
            self.ys.first(),
            self.ys.last(),
        ) else {
            return false;
        };
        y < *top && y > *bottom && x0 >= left - TOUCH && x1 <= right + TOUCH
    }

    /// Row band of baseline `y` (0 = the top row), if inside.
    pub fn row(&self, y: f32) -> Option<usize> {
        self.ys.windows(2).position(|w| y < w[0] && y > w[1])
    }

    /// Column of a word centred at `x` on row `row`: the nearest boundary to its left that
    /// is drawn along this row (a merged cell reads as its first column).
    pub fn column(&self, row: usize, x: f32) -> usize {
        let (Some(top), Some(bottom)) = (self.ys.get(row), self.ys.get(row + 1)) else {
            return 0;
        };
        let mid = (top + bottom) / 2.0;
        let drawn = |bx: f32| {
            self.verticals
                .iter()
                .any(|v| (v.x0 - bx).abs() <= TOUCH && v.y0 <= mid + TOUCH && v.y1 >= mid - TOUCH)
        };
        let cols = self.xs.len().saturating_sub(1);
        (0..cols)
            .rev()
            .find(|&c| {
                self.xs
                    .get(c)
                    .is_some_and(|bx| *bx <= x && (c == 0 || drawn(*bx)))
            })
            .unwrap_or(0)
    }

    /// The grid holds its text in cells: (almost) no word inside it runs across a drawn
    /// column boundary. Rules that words cross are a background (ruled paper, a signature
    /// field, a chart), not cell borders.
    pub fn fits(&self, lines: &[&Line]) -> bool {
        let (mut words, mut crossing) = (0usize, 0usize);
        for l in lines
            .iter()
            .filter(|l| l.dir == 0 && self.holds(l.y, l.x0, l.x1))
        {
            let Some(row) = self.row(l.y) else { continue };
            for w in l.words() {
                words += 1;
                let (a, b) = (
                    self.column(row, w.x0 + TOUCH),
                    self.column(row, w.x1 - TOUCH),
                );
                if a != b {
                    crossing += 1;
                }
            }
        }
        words > 0 && crossing * 50 <= words
    }

    /// Left and right boundary of the cell at (`row`, `col`): the right one is the next
    /// boundary drawn along the row.
    pub fn cell_span(&self, row: usize, col: usize) -> (f32, f32) {
        let left = self.xs.get(col).copied().unwrap_or(0.0);
        let right = (col + 1..self.xs.len())
            .map(|c| self.xs.get(c).copied().unwrap_or(left))
            .find(|x| self.column(row, *x + TOUCH) != col)
            .or_else(|| self.xs.last().copied())
            .unwrap_or(left);
        (left, right)
    }

    /// Number of columns.
    pub fn columns(&self) -> usize {
        self.xs.len().saturating_sub(1)
    }
}

/// Joins collinear pieces (cell borders are often drawn cell by cell): rules on one line
/// (within a point) whose extents touch or overlap.
fn merge(mut rules: Vec<Rule>, horizontal: bool) -> Vec<Rule> {
    let key = |r: &Rule| if horizontal { r.y0 } else { r.x0 };
    let span = |r: &Rule| {
        if horizontal {
            (r.x0, r.x1)
        } else {
            (r.y0, r.y1)
        }
    };
    rules.sort_by(|a, b| key(a).total_cmp(&key(b)));
    let mut out: Vec<Rule> = Vec::new();
    let mut i = 0;
    while let Some(first) = rules.get(i) {
        let k = key(first);
        let n = rules[i..]
            .iter()
            .take_while(|r| key(r) - k <= TOUCH / 2.0)
            .count();
        let group = &mut rules[i..i + n];
        group.sort_by(|a, b| span(a).0.total_cmp(&span(b).0));
        let start = out.len();
        for r in group.iter() {
            let fresh = out.len() == start;
            match out.last_mut() {
                Some(last) if !fresh && span(r).0 <= span(last).1 + TOUCH => {
                    last.x1 = last.x1.max(r.x1);
                    last.y1 = last.y1.max(r.y1);
                }
                _ => out.push(*r),
            }
        }
        i += n;
    }
    out
}

fn meets(h: &Rule, v: &Rule) -> bool {
    v.x0 >= h.x0 - TOUCH && v.x0 <= h.x1 + TOUCH && h.y0 >= v.y0 - TOUCH && h.y0 <= v.y1 + TOUCH
}

/// Distinct values, clustered within `TOUCH`.
fn distinct(mut v: Vec<f32>) -> Vec<f32> {
    v.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for x in v {
        if out.last().is_none_or(|l| x - l > TOUCH) {
            out.push(x);
        }
    }
    out
}

/// Pairs of crossing rules examined at most per page (a hatched drawing is not a table).
const MAX_PAIRS: usize = 4_000_000;

/// The grids of a page: connected sets of horizontal and vertical rules with at least two
/// columns and one row. A box (one column) is not a table.
pub fn grids(rules: &[Rule]) -> Vec<Grid> {
    let (h, v): (Vec<Rule>, Vec<Rule>) = rules.iter().partition(|r| r.horizontal());
    let (h, v) = (merge(h, true), merge(v, false));
    if h.len() < 2 || v.len() < 3 || h.len() * v.len() > MAX_PAIRS {
        return Vec::new();
    }
    // Union-find over horizontals (0..h) and verticals (h..).
    let mut parent: Vec<usize> = (0..h.len() + v.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for (i, hr) in h.iter().enumerate() {
        for (j, vr) in v.iter().enumerate() {
            if meets(hr, vr) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, h.len() + j));
                parent[a] = b;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<Rule>, Vec<Rule>)> = Default::default();
    for (i, r) in h.iter().enumerate() {
        groups.entry(find(&mut parent, i)).or_default().0.push(*r);
    }
    for (j, r) in v.iter().enumerate() {
        groups
            .entry(find(&mut parent, h.len() + j))
            .or_default()
            .1
            .push(*r);
    }
    groups
        .into_values()
        .filter_map(|(hs, vs)| {
            let xs = distinct(vs.iter().map(|r| r.x0).collect());
            let mut ys = distinct(hs.iter().map(|r| r.y0).collect());
            ys.reverse();
            (xs.len() >= 3 && ys.len() >= 2).then_some(Grid {
                xs,
                ys,
                verticals: vs,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x0: f32, y0: f32, x1: f32, y1: f32) -> Rule {
        Rule { x0, y0, x1, y1 }
    }

    /// A 3×2 grid drawn cell by cell, the middle boundary of the lower row left out.
    fn grid() -> Vec<Rule> {
        let mut rules = Vec::new();
        for y in [100.0, 80.0, 60.0] {
            rules.push(r(0.0, y, 50.0, y));
            rules.push(r(50.0, y, 150.0, y));
        }
        for x in [0.0, 150.0] {
            rules.push(r(x, 60.0, x, 100.0));
        }
        rules.push(r(50.0, 80.0, 50.0, 100.0));
        rules.push(r(100.0, 80.0, 100.0, 100.0));
        rules.push(r(100.0, 60.0, 100.0, 80.0));
        rules
    }

    #[test]
    fn cells_come_from_the_drawn_grid() {
        let g = grids(&grid());
        assert_eq!(g.len(), 1);
        let g = &g[0];
        assert_eq!(g.xs, vec![0.0, 50.0, 100.0, 150.0]);
        assert_eq!(g.ys, vec![100.0, 80.0, 60.0]);
        assert_eq!(g.row(90.0), Some(0));
        assert_eq!(g.row(70.0), Some(1));
        assert_eq!(g.row(110.0), None);
        assert_eq!(g.column(0, 60.0), 1);
        assert_eq!(
            g.column(1, 60.0),
            0,
            "merged cell reads as its first column"
        );
        assert_eq!(g.column(1, 120.0), 2);
        assert_eq!(g.cell_span(0, 1), (50.0, 100.0));
        assert_eq!(g.cell_span(1, 0), (0.0, 100.0), "the merged cell");
    }

    #[test]
    fn borders_of_two_tables_on_one_line_stay_apart() {
        let mut rules = grid();
        // A second table lower down whose right border is 0.1 pt off the first's.
        for y in [40.0, 20.0] {
            rules.push(r(0.0, y, 150.1, y));
        }
        for x in [0.0, 75.0, 150.1] {
            rules.push(r(x, 20.0, x, 40.0));
        }
        let g = grids(&rules);
        assert_eq!(g.len(), 2);
        assert!(g.iter().any(|g| g.xs == vec![0.0, 75.0, 150.1]));
    }

    #[test]
    fn a_box_or_loose_lines_are_no_table() {
        let boxed = [
            r(0.0, 0.0, 100.0, 0.0),
            r(0.0, 50.0, 100.0, 50.0),
            r(0.0, 0.0, 0.0, 50.0),
            r(100.0, 0.0, 100.0, 50.0),
        ];
        assert!(grids(&boxed).is_empty());
        let underlines = [r(0.0, 0.0, 100.0, 0.0), r(0.0, 20.0, 100.0, 20.0)];
        assert!(grids(&underlines).is_empty());
    }
}
