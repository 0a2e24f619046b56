//! Vertical Japanese and Chinese set with upright glyphs placed one by one: some producers
//! draw a vertical column in a horizontal font, moving the text position down an em per
//! glyph, instead of using a vertical writing mode. Read as horizontal text, neighbouring
//! columns pair up glyph by glyph. Such columns are found here and turned into glyphs of
//! vertical writing (direction 3, as the PDF stage gives a `-V` font's glyphs), so that
//! layout reads them top to bottom and the columns right to left.

use std::borrow::Cow;

use crate::pdf::Glyph;

/// Fewest glyphs in a stacked column: two CJK glyphs on top of each other also occur in
/// ruby text and table headers.
const MIN_COLUMN: usize = 3;

/// Above its baseline, the share of the em where vertical writing puts a glyph's origin
/// (the default vertical metrics: 880/1000).
const ASCENT: f32 = 0.88;

/// The page's glyphs with stacked CJK columns turned into vertical writing, or the glyphs
/// unchanged (borrowed) where there is none.
pub fn with_vertical_columns(glyphs: &[Glyph]) -> Cow<'_, [Glyph]> {
    let columns = stacked_columns(glyphs);
    if columns.is_empty() {
        return Cow::Borrowed(glyphs);
    }
    let mut out = glyphs.to_vec();
    for i in columns.into_iter().flatten() {
        if let Some(g) = out.get_mut(i) {
            let (x0, x1, y) = (g.x0, g.x1, g.y);
            // Frame of direction 3: x runs down the page (-y), y runs right (x).
            g.dir = 3;
            g.x0 = -(y + ASCENT * g.size);
            g.x1 = g.x0 + g.size;
            g.y = (x0 + x1) / 2.0;
        }
    }
    Cow::Owned(out)
}

/// Indices of the glyphs of each stacked column: upright glyphs consecutive in drawing
/// order (glyphs of other directions and spaces between them are passed over; a `-V`
/// font's punctuation is often drawn between them), each below the one before by one to
/// three ems at the same left edge or centre, mostly CJK.
fn stacked_columns(glyphs: &[Glyph]) -> Vec<Vec<usize>> {
    let mut columns = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for (i, g) in glyphs.iter().enumerate() {
        if g.dir != 0 || g.space || g.text.is_empty() {
            continue;
        }
        let continues = current
            .last()
            .and_then(|&j| glyphs.get(j))
            .is_some_and(|last| stacked_below(last, g));
        if !continues {
            close(&mut current, glyphs, &mut columns);
        }
        current.push(i);
    }
    close(&mut current, glyphs, &mut columns);
    columns
}

fn close(current: &mut Vec<usize>, glyphs: &[Glyph], columns: &mut Vec<Vec<usize>>) {
    let cjk = current
        .iter()
        .filter_map(|&j| glyphs.get(j))
        .filter(|g| g.text.chars().all(is_cjk))
        .count();
    if current.len() >= MIN_COLUMN && 3 * cjk >= 2 * current.len() {
        columns.push(std::mem::take(current));
    } else {
        current.clear();
    }
}

fn stacked_below(above: &Glyph, g: &Glyph) -> bool {
    let size = above.size;
    let centre = |g: &Glyph| (g.x0 + g.x1) / 2.0;
    let aligned =
        (g.x0 - above.x0).abs() < 0.15 * size || (centre(g) - centre(above)).abs() < 0.15 * size;
    let step = above.y - g.y;
    size > 0.0
        && (g.size - size).abs() < 0.05 * size
        && aligned
        && (0.8 * size..=3.2 * size).contains(&step)
}

/// Han, kana, CJK punctuation and full-width forms, and Hangul, compatibility ideographs
/// and vertical forms.
fn is_cjk(c: char) -> bool {
    super::script::is_wide(c)
        || super::script::is_han_compatibility(c)
        || matches!(c as u32, 0xAC00..=0xD7AF | 0xFE30..=0xFE4F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x0: f32, y: f32) -> Glyph {
        Glyph {
            text: text.into(),
            x0,
            x1: x0 + 8.0,
            y,
            size: 8.0,
            dir: 0,
            font: 0,
            space: false,
            invisible: false,
            artifact: false,
            seq: 0,
        }
    }

    #[test]
    fn a_stacked_cjk_column_becomes_vertical_writing() {
        // Two columns right to left, as drawn: 第三条 then の二.
        let glyphs = [
            glyph("第", 111.4, 766.0),
            glyph("三", 111.4, 758.0),
            glyph("条", 111.4, 750.0),
            glyph("の", 99.4, 766.0),
            glyph("二", 99.4, 758.0),
            glyph("項", 99.4, 742.0),
        ];
        let out = with_vertical_columns(&glyphs);
        assert!(out.iter().all(|g| g.dir == 3));
        // Down the column is rightwards in the frame; the right column is the upper line.
        assert!(out[0].x0 < out[1].x0 && out[1].x0 < out[2].x0);
        assert!(out[0].y > out[3].y);
    }

    #[test]
    fn latin_and_short_stacks_stay_upright() {
        let glyphs = [
            // A column of single letters in a table: not CJK.
            glyph("a", 50.0, 700.0),
            glyph("b", 50.0, 690.0),
            glyph("c", 50.0, 680.0),
            // Two CJK glyphs stacked (ruby, a header): too short.
            glyph("東", 200.0, 700.0),
            glyph("京", 200.0, 692.0),
            // Horizontal CJK placed glyph by glyph.
            glyph("東", 300.0, 600.0),
            glyph("京", 308.0, 600.0),
            glyph("都", 316.0, 600.0),
        ];
        assert!(matches!(with_vertical_columns(&glyphs), Cow::Borrowed(_)));
    }
}
