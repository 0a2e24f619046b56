//! Page texts (the [`crate::text`] format) split into typed paragraphs: headings, body
//! paragraphs, bullet and numbered items, table rows, and `Label: value` lines. The
//! other extractors work on this list, so the page each paragraph stands on is kept.

use regex::Regex;
use std::sync::LazyLock;

use super::meta::is_case_line;
use crate::text::DocumentText;

/// What a paragraph is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A short line without closing punctuation.
    Heading,
    /// Running text.
    Body,
    /// `- item`.
    Bullet,
    /// `N. item`, with N.
    Numbered(u32),
    /// A table row; the cells.
    TableRow(Vec<String>),
}

/// One paragraph of the document.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// 1-based page.
    pub page: u32,
    /// The text, without the bullet or number.
    pub text: String,
    /// Its kind.
    pub kind: Kind,
    /// Index of the first row of the table this row belongs to.
    pub table_start: Option<usize>,
}

#[cfg(test)]
impl Paragraph {
    /// A paragraph outside any table, for tests.
    pub(crate) fn new(page: u32, text: &str, kind: Kind) -> Paragraph {
        Paragraph {
            page,
            text: text.into(),
            kind,
            table_start: None,
        }
    }
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    // Agenda items of minutes are numbered through the year ("715. Kulturkommune 2017").
    // Some agenda systems write the number bare before the item's access mark ("4
    // (Åben) Title").
    Regex::new(r"^(\d{1,4})(?:[.)]\s+(\S.*)|\s+(\((?i:åben|åbent|lukket|fortrolig)[^)]*\).*))$")
        .unwrap_or_else(|e| panic!("regex: {e}"))
});
/// Page headers the text stage left in the text (a page too short to tell them, a
/// text given as such): lines among the first three of two pages or more, alike up to
/// their digits ("Evaluering af frikommuneforsøg – delrapport 2", "Side 2 af 3"). A
/// decision label, an item marker, a field line or a case number is never one.
fn running_lines(doc: &DocumentText) -> std::collections::HashSet<String> {
    let mut pages_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for page in &doc.pages {
        let mut seen = std::collections::HashSet::new();
        for line in page
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(3)
        {
            // Field lines ("Sagsnr.: 15.20.00-P20-5-18") differ by more than a number, and
            // so do headings of a provision's remarks ("Til § 4", "Til § 5").
            if line.contains([':', '§'])
                || super::decisions::is_decision_head(line)
                || super::meta::is_item_marker(line).is_some()
                || !super::meta::case_numbers_in(line).is_empty()
            {
                continue;
            }
            let key = running_key(line);
            if seen.insert(key.clone()) {
                *pages_of.entry(key).or_default() += 1;
            }
        }
    }
    pages_of
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(k, _)| k)
        .collect()
}

fn running_key(line: &str) -> String {
    line.trim()
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// A field of an e-mail's or letter's header ("Fra:", "Sendt:", "Emne:").
static HEADER_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:Fra|Sendt|Til|Cc|Bcc|Emne|Dato|Vedhæftede filer|Vedhæftet|Prioritet|From|Sent|To|Subject):\s")
        .unwrap_or_else(|e| panic!("regex: {e}"))
});

/// An e-mail header set as one paragraph ("Fra: A Sendt: 14. januar 2021 Til: B Emne:
/// C", as a PDF reflows it): one line per field, as the mail program shows them.
fn header_fields(line: &str) -> Vec<&str> {
    let starts: Vec<usize> = HEADER_FIELD
        .find_iter(line)
        .map(|m| m.start() + (m.as_str().len() - m.as_str().trim_start().len()))
        .collect();
    if starts.first() != Some(&0) || starts.len() < 2 {
        return vec![line];
    }
    starts
        .iter()
        .zip(starts.iter().skip(1).chain(std::iter::once(&line.len())))
        .filter_map(|(&a, &b)| line.get(a..b).map(str::trim))
        .collect()
}

static LETTERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zæøå]\)\s+(\S.*)$").unwrap_or_else(|e| panic!("regex: {e}")));

static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-–•▪·*o]\s+(\S.*)$").unwrap_or_else(|e| panic!("regex: {e}")));

/// The text with its first letter in upper case ("forsøget med …" -> "Forsøget med …").
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A caption of a table, a figure or a box: "Tabel 1. Forsøg i …", "Figur 3.2 Andel i
/// job", "Boks 4.1 Lenes forløb".
pub fn is_caption(text: &str) -> bool {
    static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:tabel|figur|boks)\s+\d+(?:\.\d+)*\.?\s")
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    CAPTION.is_match(text.trim())
}

/// A document part's label: "Kapitel 5. Beskæftigelse", "Afsnit 3 Resultater", "Bilag 2 –
/// …" (a heading of the document's outline, never a trial's name).
pub fn is_part_label(text: &str) -> bool {
    static PART: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:kapitel|afsnit|del|bilag|appendiks)\s+(?:\d+|[IVX]+)(?:\.\d+)*\b")
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    PART.is_match(text.trim())
}

/// The label of a slide's speaker notes ("Noter:", "Talenoter:", "Speaker notes:"): the
/// notes go on about the slide above, they open no section of their own.
pub fn is_notes_label(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim().to_lowercase();
    matches!(
        t.as_str(),
        "noter" | "talenoter" | "talernoter" | "speakernoter" | "notes" | "speaker notes"
    )
}

/// True for a line that reads as a heading: short, no closing sentence punctuation.
pub fn looks_like_heading(s: &str) -> bool {
    let t = s.trim();
    let words = t.split_whitespace().count();
    if words == 0 || words > 14 {
        return false;
    }
    let last = t.chars().last().unwrap_or('.');
    !matches!(last, '.' | '!' | '?' | ';' | ',' | ':') || t.ends_with(':') && words <= 2
}

/// A heading put as a question: a short one ("Hvad siger tallene?") or one after a label
/// ("Gruppearbejde: Hvad tager vi med efter 2020?"). (A longer question stands over its
/// answer as a paragraph of its own, as a FAQ's do.)
fn asks_as_heading(s: &str) -> bool {
    let t = s.trim();
    let Some(q) = t.strip_suffix('?') else {
        return false;
    };
    let words = q.split_whitespace().count();
    let labelled = q.split_once(": ").is_some_and(|(label, rest)| {
        label.split_whitespace().count() == 1 && !rest.contains(['.', '?'])
    });
    (words <= 4 || (labelled && words <= 10)) && !q.contains(['.', '?', '!'])
}

/// A text that goes on from an ordinal number: "runde · start …", "kvartal 2021".
fn starts_with_ordinal_noun(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    ["runde", "ansøgningsrunde", "kvartal", "halvår"].contains(&first)
        || super::meta::MONTHS.contains(&first)
}

/// Splits the document into paragraphs, page by page.
pub fn paragraphs(doc: &DocumentText) -> Vec<Paragraph> {
    let running = running_lines(doc);
    let mut out: Vec<Paragraph> = Vec::new();
    for page in &doc.pages {
        let text = page.text.replace("\r\n", "\n").replace('\u{c}', "\n\n");
        let mut line_no = 0usize;
        // Running lines stand atop the page: one under a line of the page's own
        // ("Gribskov – status" / "Samtaleforsøget" on each municipality's slide) is a
        // heading that recurs, not a page header.
        let mut atop = true;
        for block in text.split("\n\n") {
            let lines: Vec<&str> = block
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .filter(|l| {
                    line_no += 1;
                    let running_line = atop && line_no <= 3 && running.contains(&running_key(l));
                    atop &= running_line;
                    // Page 1 keeps them: there the line is the masthead (the title).
                    page.number == 1 || !running_line
                })
                .flat_map(header_fields)
                .collect();
            // A table whose rows stand apart (a blank line between them, as some
            // producers' row heights give) goes on from the row before this block; so
            // does a table that a page break cuts (its rows open the next page).
            let mut table_start: Option<usize> = out.last().and_then(|last| {
                let (Kind::TableRow(cells), Some(start)) = (&last.kind, last.table_start) else {
                    return None;
                };
                let first = lines.first()?;
                let width = first.split('|').count();
                let same_or_next_page = last.page == page.number || last.page + 1 == page.number;
                (same_or_next_page && is_row(first) && width == cells.len()).then_some(start)
            });
            for line in lines {
                // A list mark set apart from its text ("• | Bevilling af ...", an OCR
                // layer's "-… | ..."): a bullet, not a table row.
                if let Some((mark, rest)) = line.split_once(" | ") {
                    let mark = mark.trim();
                    let is_mark = !mark.is_empty()
                        && mark.chars().count() <= 3
                        && (mark.chars().all(|c| !c.is_alphanumeric()) || mark == "o");
                    // Inside a running table a dash cell is just an empty cell.
                    if is_mark
                        && table_start.is_none()
                        && !rest.contains(" | ")
                        && rest.split_whitespace().count() >= 3
                    {
                        out.push(Paragraph {
                            page: page.number,
                            text: rest.trim().to_string(),
                            kind: Kind::Bullet,
                            table_start: None,
                        });
                        continue;
                    }
                }
                if is_row(line) {
                    let start = *table_start.get_or_insert(out.len());
                    // Split at every bar, so an empty cell ("x |  | x") keeps its column.
                    let cells = line
                        .split('|')
                        .map(|c| without_note_mark(c.trim()).to_string())
                        .collect();
                    out.push(Paragraph {
                        page: page.number,
                        text: line.to_string(),
                        kind: Kind::TableRow(cells),
                        table_start: Some(start),
                    });
                    continue;
                }
                table_start = None;
                // A form's tick boxes: the ticked options are the answer, one per line a
                // list's item ("☒ Ballerup"); a line of none ticked says nothing.
                if let Some(answer) = ticked_options(line) {
                    if !answer.trim().is_empty() {
                        out.push(Paragraph {
                            page: page.number,
                            text: answer,
                            kind: Kind::Bullet,
                            table_start: None,
                        });
                    }
                    continue;
                }
                let (kind, text) = if let Some(c) = BULLET.captures(line) {
                    (Kind::Bullet, c[1].to_string())
                } else if let Some(c) = LETTERED.captures(line) {
                    // "a) Forlængelse af ressourceforløb (Hvidovre og Brøndby)": an item of
                    // a list by letter.
                    (Kind::Bullet, c[1].to_string())
                } else if let Some(c) = NUMBERED
                    .captures(line)
                    // "2019. Status …" opens with a year, not a list number; "2. runde ·
                    // start …", "1. kvartal 2021" with an ordinal.
                    .filter(|c| {
                        !(c[1].len() == 4 && (c[1].starts_with("19") || c[1].starts_with("20")))
                            && !c
                                .get(2)
                                .is_some_and(|t| starts_with_ordinal_noun(t.as_str()))
                    })
                {
                    let n = c[1].parse().unwrap_or(0);
                    let text = c.get(2).or_else(|| c.get(3)).map_or("", |m| m.as_str());
                    (Kind::Numbered(n), text.to_string())
                } else if looks_like_heading(line) || asks_as_heading(line) {
                    (Kind::Heading, line.to_string())
                } else {
                    (Kind::Body, line.to_string())
                };
                out.push(Paragraph {
                    page: page.number,
                    text,
                    kind,
                    table_start: None,
                });
            }
        }
    }
    agenda_tables(out)
}

/// The options ticked in a line of tick boxes ("☐ 1. runde ☒ 2. runde ☐ 3. runde" ->
/// "2. runde", "☐ Furesø" -> ""), after what stands before the first box; None for a
/// line without boxes.
fn ticked_options(line: &str) -> Option<String> {
    const TICKED: [char; 3] = ['☒', '☑', '☓'];
    const BOXES: [char; 4] = ['☐', '☒', '☑', '☓'];
    let first = line.find(BOXES)?;
    // (A blank checklist's item is no option left unticked: "☐ Er der gået mere end 3
    // måneder siden seneste lægelige oplysninger?" is kept as it is.)
    let item = line[first..].trim_start_matches(BOXES);
    if first == 0 && !item.contains(BOXES) && item.split_whitespace().count() >= 4 {
        return Some(item.trim().to_string());
    }
    let mut out = line[..first].trim().to_string();
    let mut chosen = Vec::new();
    let mut rest = &line[first..];
    while let Some(mark) = rest.chars().next() {
        let tail = &rest[mark.len_utf8()..];
        let end = tail.find(BOXES).unwrap_or(tail.len());
        if TICKED.contains(&mark) {
            chosen.push(tail[..end].trim());
        }
        rest = &tail[end..];
    }
    if chosen.is_empty() {
        // (A label before boxes none of which is ticked is no answer: "Status: ☐ Ja ☐ Nej".)
        return Some(if out.ends_with(':') {
            String::new()
        } else {
            out
        });
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(&chosen.join(", "));
    Some(out)
}

#[cfg(test)]
mod form_tests {
    use super::ticked_options;

    #[test]
    fn a_forms_ticked_boxes_are_its_answer() {
        let t = |s: &str| ticked_options(s);
        assert_eq!(
            t("☐ 1. runde ☒ 2. runde ☐ 3. runde").as_deref(),
            Some("2. runde")
        );
        assert_eq!(t("☒ Ballerup").as_deref(), Some("Ballerup"));
        assert_eq!(t("☐ Furesø").as_deref(), Some(""));
        assert_eq!(t("Status: ☐ Ja ☒ Nej").as_deref(), Some("Status: Nej"));
        assert_eq!(
            t("☐ Er der gået mere end 3 måneder siden seneste lægelige oplysninger?").as_deref(),
            Some("Er der gået mere end 3 måneder siden seneste lægelige oplysninger?")
        );
        assert_eq!(t("Ingen bokse her"), None);
    }
}

/// A table row of the text stage: cells between bars (" | Sagsnr. 20/00412 |  | ", its
/// first and last cells empty, trimmed to "| Sagsnr. 20/00412 |  |").
fn is_row(line: &str) -> bool {
    line.contains(" | ") || line.starts_with("| ") || line.ends_with(" |")
}

/// Minutes laid out as one table ("Pkt. | Sag | Indstilling | Beslutning"), each item a
/// row whose long cells wrap onto continuation rows (the first cell empty), read as the
/// linear minutes they stand for: the numbered item and its title, its case number and
/// case text, then each further column under its header. (The decision, the trials and
/// the figures of an item are then read as in any minutes, not cell fragment by fragment.)
fn agenda_tables(paras: Vec<Paragraph>) -> Vec<Paragraph> {
    if !paras
        .iter()
        .any(|p| matches!(&p.kind, Kind::TableRow(h) if is_agenda_header(h)))
    {
        return paras;
    }
    let mut out = Vec::with_capacity(paras.len());
    // Where the rows of the tables kept as tables now start.
    let mut moved: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let mut agenda: Option<(usize, Vec<Paragraph>)> = None;
    for (i, p) in paras.into_iter().enumerate() {
        if let Some((start, rows)) = agenda.as_mut() {
            if p.table_start == Some(*start) {
                rows.push(p);
                continue;
            }
            push_agenda(&mut out, std::mem::take(rows));
            agenda = None;
        }
        match (&p.kind, p.table_start) {
            (Kind::TableRow(header), Some(start)) if start == i && is_agenda_header(header) => {
                agenda = Some((i, vec![p]));
            }
            (Kind::TableRow(_), Some(start)) => {
                let start = *moved.entry(start).or_insert(out.len());
                out.push(Paragraph {
                    table_start: Some(start),
                    ..p
                });
            }
            _ => out.push(p),
        }
    }
    if let Some((_, rows)) = agenda {
        push_agenda(&mut out, rows);
    }
    out
}

/// Adds an agenda table's items, and the rows after its last item that are no part of
/// one, which stay a table.
fn push_agenda(out: &mut Vec<Paragraph>, rows: Vec<Paragraph>) {
    let (items, rest) = agenda_items(rows);
    out.extend(items);
    let start = out.len();
    out.extend(rest.into_iter().map(|p| Paragraph {
        table_start: Some(start),
        ..p
    }));
}

/// The header of minutes as a table: the item's number first ("Pkt.", "Punkt", "Nr."),
/// a decision column among the rest.
fn is_agenda_header(cells: &[String]) -> bool {
    let first = cells.first().map_or(String::new(), |c| {
        c.trim().trim_end_matches('.').to_lowercase()
    });
    cells.len() >= 3
        && ["pkt", "punkt", "nr", "sag nr", "sagsnr", "dagsordenspunkt"].contains(&first.as_str())
        && cells[1..]
            .iter()
            .any(|c| super::decisions::is_decision_head(c))
}

/// The agenda table's rows (its header first) as numbered items with their texts; the
/// rows from one that opens neither an item nor goes on with one (its first cell a text,
/// not a number) are left as they are.
fn agenda_items(rows: Vec<Paragraph>) -> (Vec<Paragraph>, Vec<Paragraph>) {
    let Some(Kind::TableRow(header)) = rows.first().map(|r| r.kind.clone()) else {
        return (Vec::new(), rows);
    };
    /// One item: its number, page, and each column's lines with their pages.
    struct Item {
        number: u32,
        page: u32,
        columns: Vec<Vec<(u32, String)>>,
    }
    let mut items: Vec<Item> = Vec::new();
    let mut used = rows.len();
    for (k, row) in rows.iter().enumerate().skip(1) {
        let Kind::TableRow(cells) = &row.kind else {
            continue;
        };
        // The header again, atop the next page.
        if *cells == header {
            continue;
        }
        let first = cells.first().map_or("", |c| c.trim());
        let number = first
            .trim_end_matches('.')
            .parse::<u32>()
            .ok()
            .filter(|_| first.len() <= 5);
        if let Some(number) = number {
            items.push(Item {
                number,
                page: row.page,
                columns: vec![Vec::new(); header.len()],
            });
        }
        let item = match items.last_mut() {
            Some(item) if number.is_some() || first.is_empty() => item,
            _ => {
                used = k;
                break;
            }
        };
        for (column, cell) in item.columns.iter_mut().zip(cells).skip(1) {
            if !cell.trim().is_empty() {
                column.push((row.page, cell.trim().to_string()));
            }
        }
    }
    if items.is_empty() {
        return (Vec::new(), rows);
    }
    let mut rows = rows;
    let rest = rows.split_off(used);
    let paragraph = |page: u32, text: String, kind: Kind| Paragraph {
        page,
        text,
        kind,
        table_start: None,
    };
    // The item's title stands in the column after its number, or under a header that says
    // so ("Nr. | Dato | Emne | Beslutning | …").
    let title_column = header
        .iter()
        .position(|h| {
            let h = h.trim().trim_end_matches(['.', ':']).to_lowercase();
            [
                "emne",
                "sag",
                "titel",
                "overskrift",
                "sagens titel",
                "sagsnavn",
            ]
            .contains(&h.as_str())
        })
        .filter(|&k| k >= 1)
        .unwrap_or(1);
    let mut out = Vec::new();
    for mut item in items {
        let case = item
            .columns
            .get_mut(title_column)
            .map(std::mem::take)
            .unwrap_or_default();
        let columns = item
            .columns
            .into_iter()
            .enumerate()
            .skip(1)
            .filter(|(k, _)| *k != title_column);
        let (title, case) = item_title_lines(&case);
        out.push(paragraph(item.page, title, Kind::Numbered(item.number)));
        let (case_lines, text): (Vec<_>, Vec<_>) =
            case.into_iter().partition(|(_, l)| is_case_line(l));
        out.extend(
            case_lines
                .into_iter()
                .map(|(page, line)| paragraph(page, line, Kind::Body)),
        );
        out.extend(by_page(&text).map(|(page, t)| paragraph(page, t, Kind::Body)));
        for (k, lines) in columns {
            let Some((page, _)) = lines.first() else {
                continue;
            };
            let label = header.get(k).map_or("", |h| h.trim());
            out.push(paragraph(*page, label.to_string(), Kind::Heading));
            out.extend(by_page(&lines).map(|(page, t)| paragraph(page, t, Kind::Body)));
        }
    }
    (out, rest)
}

/// An item cell's title and the rest: the lines before its case number, or else the first
/// line and the lines that go on from it in lower case ("Frikommuneforsøg II – status
/// for" / "mentorforsøget").
fn item_title_lines(lines: &[(u32, String)]) -> (String, Vec<(u32, String)>) {
    let before_case = lines.iter().take(4).position(|(_, l)| is_case_line(l));
    let n = before_case.unwrap_or_else(|| {
        1 + lines
            .iter()
            .skip(1)
            .take_while(|(_, l)| l.starts_with(|c: char| c.is_lowercase()))
            .count()
    });
    let n = n.min(lines.len());
    let title: Vec<&str> = lines[..n].iter().map(|(_, l)| l.as_str()).collect();
    (joined(&title), lines[n..].to_vec())
}

/// A column's lines joined into one text per page ("… gennemført | siden …").
fn by_page(lines: &[(u32, String)]) -> impl Iterator<Item = (u32, String)> + '_ {
    lines.chunk_by(|a, b| a.0 == b.0).map(|run| {
        (
            run[0].0,
            joined(&run.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>()),
        )
    })
}

/// Lines of a wrapped cell as one text; a word broken at the line's end ("behand-" /
/// "lingen") is whole again.
fn joined(lines: &[&str]) -> String {
    let mut text = String::new();
    for line in lines {
        let broken = text.ends_with('-')
            && text[..text.len() - 1].ends_with(char::is_alphabetic)
            && line.starts_with(char::is_lowercase);
        if broken {
            text.pop();
        } else if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

/// Abbreviations after which a `.` does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "ca", "bl.a", "f.eks", "d", "pr", "jf", "nr", "evt", "inkl", "ekskl", "ift", "ifm", "vedr",
    "stk", "kl", "mht", "hhv", "dvs", "pkt", "alm", "mio", "mia", "t.kr", "tkr", "ang", "iht",
    "bl", "f", "eks", "el", "mv", "osv", "ref", "max", "min", "st", "pt", "lign",
];

/// Splits a paragraph into sentences (keeps `ca.`, `bl.a.`, `1. januar` together).
pub fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next = chars.get(k + 1).map(|x| x.1);
        let after = chars.get(k + 2).map(|x| x.1);
        if next != Some(' ') {
            continue;
        }
        let Some(a) = after else { continue };
        if !(a.is_uppercase() || a == '"' || a == '”' || a == '“') {
            continue;
        }
        if c == '.' {
            let before = &text[start..i];
            let word = before
                .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                .next()
                .unwrap_or("")
                .to_lowercase();
            if ABBREVIATIONS.contains(&word.as_str()) && word != "mv" {
                continue;
            }
            if word.chars().all(|ch| ch.is_ascii_digit()) && !word.is_empty() && word.len() <= 2 {
                // "d. 7. November" style ordinals, unless the sentence is long already.
                if before.split_whitespace().count() < 3 {
                    continue;
                }
            }
        }
        let end = i + c.len_utf8();
        let s = text[start..end].trim();
        if !s.is_empty() {
            out.push(s.to_string());
        }
        start = end;
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// A table cell without the note mark after its words ("Køge 1)", "Gruppebaseret
/// opfølgning 3)", "Greve*"), which points to a note under the table and is no part of a
/// name. (A parenthesis stays: "12 (3)", "Mikrolån (note 2)".)
fn without_note_mark(cell: &str) -> &str {
    let bare = cell.trim_end_matches('*');
    let bare = match bare.strip_suffix(')').and_then(|b| b.rsplit_once(' ')) {
        Some((words, mark))
            if (1..=2).contains(&mark.len())
                && mark.chars().all(|c| c.is_ascii_digit())
                && words.rfind('(') <= words.rfind(')') =>
        {
            words
        }
        _ => bare,
    };
    let bare = bare.trim_end();
    if bare.chars().last().is_some_and(char::is_alphabetic) {
        bare
    } else {
        cell
    }
}

/// The number of the note a table cell's mark points to ("Køge 1)" → 1, "Andel i job
/// (%) 2)" → 2); none for a star or a cell without a mark ("12 (3)").
pub fn note_mark(cell: &str) -> Option<u32> {
    let (words, mark) = cell.trim().strip_suffix(')')?.rsplit_once(' ')?;
    let after_words = words
        .chars()
        .last()
        .is_some_and(|c| c.is_alphabetic() || c == ')');
    let digits = (1..=2).contains(&mark.len()) && mark.chars().all(|c| c.is_ascii_digit());
    (after_words && digits && words.rfind('(') <= words.rfind(')'))
        .then(|| mark.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_note_mark_gives_its_number() {
        assert_eq!(note_mark("Allerød 2)"), Some(2));
        assert_eq!(note_mark("Gruppebaseret opfølgning 13)"), Some(13));
        assert_eq!(note_mark("Andel i job (%) 2)"), Some(2));
        assert_eq!(note_mark("Greve*"), None);
        assert_eq!(note_mark("12 (3)"), None);
        assert_eq!(note_mark("Mikrolån (note 2)"), None);
        assert_eq!(note_mark("Allerød"), None);
    }

    #[test]
    fn sentence_split_keeps_abbreviations() {
        let s = sentences("Der er sparet ca. 3.600.000 kr. Dertil kommer bl.a. tid. Det sker d. 1. januar 2018 i Aalborg.");
        assert_eq!(s.len(), 3, "{s:?}");
    }

    #[test]
    fn a_part_of_the_outline_is_labelled_by_its_number() {
        assert!(is_part_label(
            "Kapitel 5. Beskæftigelse – Jobcenter Holstebro"
        ));
        assert!(is_part_label("Bilag 2 – Oversigt"));
        assert!(!is_part_label("Delvist ophør i Struer"));
        assert!(!is_part_label("Kapitlet om mikrolån"));
    }

    /// A one-page document of this text.
    fn page(text: &str) -> DocumentText {
        DocumentText {
            source: String::new(),
            sha256: String::new(),
            pages: vec![crate::text::PageText {
                number: 1,
                text: text.into(),
                text_layer: true,
                ..Default::default()
            }],
        }
    }

    #[test]
    fn kinds() {
        let p = paragraphs(&page(
            "Overskrift\n\nEn sætning.\n\n- punkt\n\n3. nummer\n\nA | B\n1 | 2",
        ));
        assert_eq!(p.len(), 6);
        assert_eq!(p[0].kind, Kind::Heading);
        assert_eq!(p[1].kind, Kind::Body);
        assert_eq!(p[2].kind, Kind::Bullet);
        assert_eq!(p[3].kind, Kind::Numbered(3));
        assert_eq!(p[5].table_start, Some(4));
    }

    #[test]
    fn running_lines_stand_atop_the_page() {
        let mut doc = page("Forside");
        for (n, head) in [(2, "Gribskov – status"), (3, "Halsnæs – status")] {
            doc.pages.push(crate::text::PageText {
                number: n,
                text: format!("Netværket\n\n{head}\n\nSamtaleforsøget\n\n- 12 samtaler"),
                text_layer: true,
                ..Default::default()
            });
        }
        let texts: Vec<String> = paragraphs(&doc).into_iter().map(|p| p.text).collect();
        // "Netværket" heads both pages; "Samtaleforsøget" recurs under each page's own.
        assert!(!texts[1..].contains(&"Netværket".to_string()), "{texts:?}");
        assert_eq!(texts.iter().filter(|t| *t == "Samtaleforsøget").count(), 2);
    }

    #[test]
    fn note_marks_leave_table_cells() {
        let p = paragraphs(&page(
            "Forsøg | Kommune | Borgere\nGruppebaseret opfølgning 3) | Køge 1) | 12 (3)\nMikrolån (note 2) | Greve* | 4",
        ));
        let cells = |k: usize| match &p[k].kind {
            Kind::TableRow(c) => c.clone(),
            _ => Vec::new(),
        };
        assert_eq!(cells(1), ["Gruppebaseret opfølgning", "Køge", "12 (3)"]);
        assert_eq!(cells(2), ["Mikrolån (note 2)", "Greve", "4"]);
    }

    #[test]
    fn a_decision_logs_subject_column_titles_its_items() {
        let p = paragraphs(&page(
            "Nr. | Dato | Emne | Beslutning | Ansvarlig\n1 | 14.02.2019 | Mikrolån – Faxe | Forsøget stoppes | JKT\n |  |  | pr. 31.03.2019. | ",
        ));
        let seen: Vec<(&str, &Kind)> = p.iter().map(|p| (p.text.as_str(), &p.kind)).collect();
        assert_eq!(
            seen,
            [
                ("Mikrolån – Faxe", &Kind::Numbered(1)),
                ("Dato", &Kind::Heading),
                ("14.02.2019", &Kind::Body),
                ("Beslutning", &Kind::Heading),
                ("Forsøget stoppes pr. 31.03.2019.", &Kind::Body),
                ("Ansvarlig", &Kind::Heading),
                ("JKT", &Kind::Body),
            ]
        );
    }

    #[test]
    fn minutes_set_as_a_table_become_items_with_their_texts() {
        let mut doc = page(
            "Pkt. | Sag | Beslutning\n1 | Godkendelse af | Godkendt.\n | dagsorden | \n2 | Status for | Taget til\n | samtaleforsøget | efterretning.\n | Sagsnr. 17/20566 | \n | Forsøget har kørt siden | \n | 1. juli 2017 i Gribskov. | ",
        );
        doc.pages.push(crate::text::PageText {
            number: 2,
            text:
                "Pkt. | Sag | Beslutning\n | Der er holdt 120 sam- | \n | taler. | \nØvrige | x | y"
                    .into(),
            text_layer: true,
            ..Default::default()
        });
        let p = paragraphs(&doc);
        let seen: Vec<(u32, &str, &Kind)> = p
            .iter()
            .map(|p| (p.page, p.text.as_str(), &p.kind))
            .collect();
        assert_eq!(
            seen,
            [
                (1, "Godkendelse af dagsorden", &Kind::Numbered(1)),
                (1, "Beslutning", &Kind::Heading),
                (1, "Godkendt.", &Kind::Body),
                (1, "Status for samtaleforsøget", &Kind::Numbered(2)),
                (1, "Sagsnr. 17/20566", &Kind::Body),
                (
                    1,
                    "Forsøget har kørt siden 1. juli 2017 i Gribskov.",
                    &Kind::Body
                ),
                (2, "Der er holdt 120 samtaler.", &Kind::Body),
                (1, "Beslutning", &Kind::Heading),
                (1, "Taget til efterretning.", &Kind::Body),
                (
                    2,
                    "Øvrige | x | y",
                    &Kind::TableRow(vec!["Øvrige".into(), "x".into(), "y".into()])
                ),
            ]
        );
        // (A row that neither opens an item nor goes on with one ends them.)
        // A table without an item number and a decision column stays a table.
        let p = paragraphs(&page("Forsøg | Kommune | Borgere\nMikrolån | Greve | 4"));
        assert!(p.iter().all(|p| matches!(p.kind, Kind::TableRow(_))));
    }

    #[test]
    fn a_mark_set_apart_from_its_text_is_a_bullet() {
        let p = paragraphs(&page(
            "-… | Bevilling af mikrolån i op til 6 måneder\n• | Screening af borgere og ideer\n- | 12\nx | Aalborg | x",
        ));
        assert_eq!(p[0].kind, Kind::Bullet);
        assert_eq!(p[0].text, "Bevilling af mikrolån i op til 6 måneder");
        assert_eq!(p[1].kind, Kind::Bullet);
        // A dash cell before a number, or a mark among cells, stays a table row.
        assert!(matches!(p[2].kind, Kind::TableRow(_)));
        assert!(matches!(p[3].kind, Kind::TableRow(_)));
    }
}
