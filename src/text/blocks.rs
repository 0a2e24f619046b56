//! From lines (furniture removed) to paragraphs, list items and table rows, in reading
//! order. Paragraph breaks come from line spacing against the page's usual pitch, font
//! size and weight changes, list labels, and short last lines.

use super::layout::{Line, Word};
use super::ruled::Grid;
use super::tables::{is_table_line, ruled_table, table};
use crate::pdf::{map_symbol_pua, FontInfo};

/// A paragraph-level block of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph or list item: its lines, to be joined with hyphenation rules.
    Para(Vec<String>),
    /// A table row: each cell's lines, to be joined like a paragraph's.
    Row(Vec<Vec<String>>),
}

/// Bullet glyphs always read as list labels.
const BULLETS: &[char] = &[
    '•', '▪', '➢', '■', '●', '◦', '‣', '⁃', '►', '→', '✓', '□', '❖', '◆', '○', '◾', '➤', '✔', '∙',
    '⋅', '·', '❑', '◻', '➔', '⇨', '*', '–', '-', '+', '·', '♦', '♣',
];

/// If the word is a bullet label, `Some(())`.
pub(super) fn is_bullet(w: &Word, fonts: &[FontInfo]) -> bool {
    let mut chars = w.text.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    if BULLETS.contains(&c) || crate::pdf::is_private_use(c) {
        return true;
    }
    c == 'o' && fonts.get(usize::from(w.font)).is_some_and(|f| f.mono)
}

/// The list label a word is ("4.", "12)", "a)"), written canonically: an OCR layer reads
/// specks in the tab after a label as more dots ("4...", "4.…").
fn number_label(t: &str) -> Option<String> {
    let digits = t.trim_end_matches(['.', '…']);
    let t = if digits.len() < t.len() && digits.chars().all(|c| c.is_ascii_digit()) {
        format!("{digits}.")
    } else {
        t.to_string()
    };
    let stem = t.strip_suffix('.').or_else(|| t.strip_suffix(')'))?;
    let ok = !stem.is_empty()
        && stem.len() <= 3
        && (stem.chars().all(|c| c.is_ascii_digit())
            || (stem.len() == 1 && stem.chars().all(|c| c.is_ascii_lowercase())));
    ok.then_some(t)
}

/// Specks an OCR layer reads as words after a label: only dots and the like.
fn is_speck(w: &Word) -> bool {
    w.text.chars().count() <= 3
        && w.text
            .chars()
            .all(|c| matches!(c, '.' | '…' | '·' | ',' | '\'' | '`'))
}

/// How many leading words make the line's number label (the label and the specks after
/// it), if it starts with one.
pub(super) fn label_len(words: &[&Word]) -> Option<usize> {
    line_label(words)?;
    Some(1 + words.iter().skip(1).take_while(|w| is_speck(w)).count())
}

/// The number label a line starts with, canonical. A bare number counts when upper-case
/// text follows (an OCR layer drops the dot of "5.<tab>Frikommuneforsøg"); the callers
/// also require the label's gap.
fn line_label(words: &[&Word]) -> Option<String> {
    let first = words.first()?;
    if let Some(label) = number_label(&first.text) {
        return Some(label);
    }
    let t = &first.text;
    let bare =
        (1..=3).contains(&t.len()) && !t.starts_with('0') && t.chars().all(|c| c.is_ascii_digit());
    let text_follows = words
        .iter()
        .skip(1)
        .find(|w| !is_speck(w))
        .and_then(|w| w.text.chars().next())
        .is_some_and(char::is_uppercase);
    (bare && text_follows).then(|| format!("{t}."))
}

/// Text of words, PUA characters mapped or dropped.
fn words_text<'a>(words: impl Iterator<Item = &'a Word>, fonts: &[FontInfo]) -> String {
    let mut out = String::new();
    for w in words {
        let t = clean(&w.text, in_symbol_font(w, fonts));
        if t.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t);
    }
    out
}

pub(super) fn in_symbol_font(w: &Word, fonts: &[FontInfo]) -> bool {
    fonts.get(usize::from(w.font)).is_some_and(|f| f.symbol)
}

/// Maps the private-use code points of a symbol font to their characters. Those of other
/// fonts mean something only their font knows (a math accent, a logo): each becomes a
/// break between the words around it, as the visible symbol was. U+FFFD is dropped.
pub fn clean(t: &str, symbol_font: bool) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if crate::pdf::is_private_use(c) {
            match symbol_font.then(|| map_symbol_pua(c, false)).flatten() {
                Some(m) => out.push(m),
                None if !out.is_empty() && !out.ends_with(' ') => out.push(' '),
                None => {}
            }
        } else if c != '\u{FFFD}' {
            out.push(c);
        }
    }
    out.truncate(out.trim_end().len());
    out
}

struct Item {
    text: String,
    label: bool,
}

/// The gaps between consecutive lines of a page outside drawn tables, in font sizes: the
/// evidence for [`line_pitch`].
pub fn line_gaps(lines: &[&Line], grids: &[Grid]) -> Vec<f32> {
    let in_grid = |l: &Line| grids.iter().any(|g| g.holds(l.y, l.x0, l.x1));
    lines
        .windows(2)
        .filter_map(|w| match w {
            [a, b] if a.dir == b.dir && !in_grid(a) && !in_grid(b) => {
                let g = a.y - b.y;
                let s = a.size.max(b.size);
                (g > 0.8 * s && g < 2.0 * s && (a.size - b.size).abs() < 0.1 * s).then_some(g / s)
            }
            _ => None,
        })
        .collect()
}

/// What block building knows about the page besides its lines.
pub struct PageContext<'a> {
    /// The page's fonts.
    pub fonts: &'a [FontInfo],
    /// Page width.
    pub width: f32,
    /// Table grids the page draws (those that no word crosses, see [`Grid::fits`]).
    pub grids: &'a [Grid],
    /// The document's line pitch, in font sizes.
    pub pitch: f32,
    /// The text is an OCR layer (its tables have no rules left to read).
    pub ocr: bool,
}

/// Builds blocks from the lines of one page (already without furniture).
pub fn blocks(lines: &[&Line], page: &PageContext) -> Vec<Block> {
    let (fonts, page_width, grids, pitch) = (page.fonts, page.width, page.grids, page.pitch);
    let mut out = Vec::new();
    if lines.is_empty() {
        return out;
    }
    let right = lines
        .iter()
        .map(|l| l.x1)
        .fold(0.0f32, f32::max)
        .min(page_width);

    let mut cur: Vec<String> = Vec::new();
    let mut prev: Option<&Line> = None;
    // Left edge of the current list item's label: its continuation lines never start
    // left of it.
    let mut list_x0: Option<f32> = None;
    // Right edge of the text box, as far as the current paragraph and the next line
    // show it (slides and forms have boxes narrower than the page).
    let mut para_right = 0.0f32;
    // Right edge of the text box the line at `i` sits in: the widest of its neighbours in
    // reading order (the same column) that start near its left edge (a slide's body box,
    // a page's text column).
    let box_right = |i: usize| {
        let Some(l) = lines.get(i) else { return 0.0 };
        lines[i.saturating_sub(8)..(i + 9).min(lines.len())]
            .iter()
            .filter(|m| m.dir == l.dir && m.cells.len() == 1 && (m.x0 - l.x0).abs() <= 3.0 * l.size)
            .fold(l.x1, |a, m| a.max(m.x1))
    };
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        // Tables drawn as a grid: cells from the rules.
        if let Some(grid) = grids
            .iter()
            .find(|g| line.dir == 0 && g.holds(line.y, line.x0, line.x1))
        {
            if !cur.is_empty() {
                out.push(Block::Para(std::mem::take(&mut cur)));
            }
            let used = ruled_table(lines, i, grid, page, &mut out);
            prev = lines.get(i + used - 1).copied();
            i += used;
            continue;
        }
        // Tables: a line with several cells that is not just "label  text".
        if is_table_line(line, fonts) {
            if !cur.is_empty() {
                out.push(Block::Para(std::mem::take(&mut cur)));
            }
            let used = table(lines, i, page, &mut out);
            prev = lines.get(i + used - 1).copied();
            i += used.max(1);
            continue;
        }
        let item = line_item(line, fonts);
        let new_para = match prev {
            None => true,
            Some(p) => {
                let s = p.size.max(line.size);
                let gap = p.y - line.y;
                let p_bold = p
                    .fonts
                    .iter()
                    .all(|f| fonts.get(usize::from(*f)).is_some_and(|fi| fi.bold));
                let l_bold = line
                    .fonts
                    .iter()
                    .all(|f| fonts.get(usize::from(*f)).is_some_and(|fi| fi.bold));
                let starts_upper = item
                    .text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
                p.dir != line.dir
                    || gap < -0.5 * s
                    || gap > pitch * s * 1.3
                    || (p.size - line.size).abs() > 0.12 * s
                    || item.label
                    || list_x0.is_some_and(|x| line.x0 < x - 0.5 * s)
                    || (p_bold && !l_bold)
                    || ends_in_leader(p)
                    || {
                        // The line's first word would have fitted after the line before:
                        // that one was ended on purpose, before a capital or a digit, or
                        // before a figure alone on its line (a slide's big number).
                        let fits = p.x1 + first_word_width(line) + 0.6 * s
                            < para_right.max(line.x1).max(box_right(i - 1)).min(right);
                        fits && (starts_upper || stands_alone(line))
                    }
                    // A big number with its caption below it, after another caption.
                    || (stands_alone(line) && lines.get(i + 1).is_some_and(|n| n.starts_lower()))
                    || next_number(p, line)
                    || stands_alone(p)
            }
        };
        if new_para && !cur.is_empty() {
            out.push(Block::Para(std::mem::take(&mut cur)));
        }
        if new_para {
            list_x0 = item.label.then_some(line.x0);
            para_right = 0.0;
        }
        para_right = para_right.max(line.x1);
        cur.push(item.text);
        prev = Some(line);
        i += 1;
    }
    if !cur.is_empty() {
        out.push(Block::Para(cur));
    }
    out
}

/// The pitch of lines within a paragraph, from the gaps between consecutive lines (in
/// font sizes) over the whole document (a page of one-line paragraphs shows no pitch of
/// its own). Paragraph spacing only ever adds to it, so it is the smallest gap that
/// recurs; when single-line paragraphs make most gaps paragraph gaps, a quantile would
/// take those for the pitch and no paragraph would end.
pub fn line_pitch(mut gaps: Vec<f32>) -> f32 {
    gaps.sort_by(f32::total_cmp);
    let support = (gaps.len() / 6).max(2);
    // The lowest cluster (gaps within 4 % of its smallest) with enough members; its
    // median, so a few tighter lines (a listing) do not pull the pitch down.
    let smallest = gaps.iter().enumerate().find_map(|(i, g)| {
        let close = gaps[i..].iter().take_while(|x| **x <= g * 1.04).count();
        (close >= support).then(|| gaps[i + close / 2])
    });
    smallest
        .or_else(|| gaps.get(gaps.len() / 3).copied())
        .unwrap_or(1.2)
        .clamp(0.9, 2.0)
}

/// A figure alone on its line ("22", "68 %", "ca. 14 mio. kr.", "½ mio. kr."): a slide's big
/// number, with its caption below as a paragraph of its own.
fn stands_alone(line: &Line) -> bool {
    let words: Vec<&str> = line.words().map(|w| w.text.as_str()).collect();
    let Some((number_at, _)) = words.iter().enumerate().find(|(_, w)| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '½')
    }) else {
        return false;
    };
    let qualifier = |w: &str| {
        matches!(
            w,
            "ca." | "knap" | "godt" | "over" | "under" | "næsten" | "mindst"
        )
    };
    let unit = |w: &str| matches!(w, "%" | "pct." | "kr." | "mio." | "mia.");
    words.len() <= 4
        && words[..number_at].iter().all(|w| qualifier(w))
        && words[number_at + 1..].iter().all(|w| unit(w))
        && words[number_at]
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '½' | '%'))
}

/// The line goes on with the next number of a numbered list the line before began
/// ("3. Erfaringer …" then "4. Spørgsmål …", typed with a plain space after the label).
fn next_number(prev: &Line, line: &Line) -> bool {
    let num = |l: &Line| {
        l.words()
            .next()
            .and_then(|w| w.text.strip_suffix(['.', ')']))
            .and_then(|n| n.parse::<u32>().ok())
    };
    match (num(prev), num(line)) {
        (Some(a), Some(b)) => b == a + 1 && (prev.x0 - line.x0).abs() < line.size,
        _ => false,
    }
}

/// A table-of-contents entry ends in a dot leader and a page number: the line is whole.
fn ends_in_leader(line: &Line) -> bool {
    let is_leader =
        |t: &str| t.chars().count() >= 4 && t.chars().all(|c| matches!(c, '.' | '…' | '_' | '·'));
    let words: Vec<&Word> = line.words().collect();
    match words.as_slice() {
        [.., before, last] if last.text.chars().all(|c| c.is_ascii_digit()) => {
            is_leader(&before.text)
        }
        [.., last] => is_leader(&last.text),
        [] => false,
    }
}

/// Width of a line's first word: if it would have fitted at the end of the line
/// before, that line was ended on purpose (a paragraph end), not wrapped.
fn first_word_width(line: &Line) -> f32 {
    line.words().next().map(|w| w.x1 - w.x0).unwrap_or(0.0)
}

fn line_item(line: &Line, fonts: &[FontInfo]) -> Item {
    let words: Vec<&Word> = line.words().collect();
    if let [first, second, ..] = words.as_slice() {
        if is_bullet(first, fonts) && second.x0 - first.x1 > 0.1 * line.size {
            return Item {
                text: format!("- {}", words_text(words.iter().skip(1).copied(), fonts)),
                label: true,
            };
        }
        // "1.<tab>item" is a list label; "31. december" running on from the line before
        // is not: require more than an ordinary word space after the number.
        if let Some(k) = label_len(&words).filter(|k| *k < words.len()) {
            let mut spaces: Vec<f32> = words
                .windows(2)
                .skip(k)
                .filter_map(|w| match w {
                    [a, b] => Some(b.x0 - a.x1),
                    _ => None,
                })
                .collect();
            spaces.sort_by(f32::total_cmp);
            let word_space = spaces.get(spaces.len() / 2).copied().unwrap_or(0.0);
            // Specks read in the gap lie inside it.
            let label_gap = words[k].x0 - words[0].x1;
            if label_gap > 0.4 * line.size
                && if spaces.is_empty() {
                    label_gap > 0.8 * line.size
                } else {
                    label_gap > 1.5 * word_space
                }
            {
                let label = line_label(&words).unwrap_or_default();
                let rest = words_text(words.iter().skip(k).copied(), fonts);
                return Item {
                    text: format!("{label} {rest}"),
                    label: true,
                };
            }
        }
    }
    // A bullet glued to its text ("•Text").
    if let Some(first) = words.first() {
        let mut chars = first.text.chars();
        if let Some(c) = chars.next() {
            if (BULLETS.contains(&c) && !matches!(c, '-' | '–' | '*' | '+'))
                || crate::pdf::is_private_use(c)
            {
                let rest: String = chars.collect();
                let tail = words_text(words.iter().skip(1).copied(), fonts);
                let text = [clean(&rest, in_symbol_font(first, fonts)), tail]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                return Item {
                    text: format!("- {text}"),
                    label: true,
                };
            }
        }
    }
    Item {
        text: words_text(words.iter().copied(), fonts),
        label: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(words: &[&str]) -> Line {
        Line::of_text(0.0, 0.0, words)
    }

    #[test]
    fn a_contents_entry_ends_in_a_leader() {
        assert!(ends_in_leader(&line(&[
            "1.",
            "Indledning",
            "..........",
            "2"
        ])));
        assert!(ends_in_leader(&line(&["Teknologien", "__________", "3"])));
        assert!(!ends_in_leader(&line(&["Budget", "2020", "er", "12"])));
        assert!(!ends_in_leader(&line(&["se", "side", "..."])));
    }

    #[test]
    fn pitch_is_the_smallest_recurring_gap() {
        // Mostly one-line paragraphs (gap 1.9) and a few wrapped lines (1.4).
        let gaps = vec![1.9, 1.9, 1.4, 1.9, 1.9, 1.41, 1.9, 1.9, 1.9, 1.4];
        assert!((line_pitch(gaps) - 1.4).abs() < 0.01);
        // A lone tight gap (a superscript) is not the pitch.
        let gaps = vec![1.2, 1.2, 1.2, 0.9, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2];
        assert!((line_pitch(gaps) - 1.2).abs() < 0.01);
        assert_eq!(line_pitch(Vec::new()), 1.2);
    }

    #[test]
    fn number_labels() {
        assert_eq!(number_label("1.").as_deref(), Some("1."));
        assert_eq!(number_label("12)").as_deref(), Some("12)"));
        assert_eq!(number_label("a)").as_deref(), Some("a)"));
        assert_eq!(
            number_label("4...").as_deref(),
            Some("4."),
            "specks read as dots"
        );
        assert_eq!(number_label("4.…").as_deref(), Some("4."));
        assert_eq!(number_label("2019."), None);
        assert_eq!(number_label("kr."), None);
    }

    #[test]
    fn private_use_characters_are_mapped_in_symbol_fonts_and_dropped_elsewhere() {
        assert_eq!(
            clean("\u{F0B7}", true),
            "•",
            "Symbol's bullet as Word writes it"
        );
        assert_eq!(clean("\u{F076}v", false), "v", "a math font's accent");
        assert_eq!(
            clean("OA\u{F06E}OB\u{F06E}", false),
            "OA OB",
            "a symbol between words"
        );
        assert_eq!(clean("a\u{E123}b\u{FFFD}", true), "a b");
    }
}
