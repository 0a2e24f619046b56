//! Page texts (the [`crate::text`] format) split into typed paragraphs: headings, body
//! paragraphs, bullet and numbered items, table rows, and `Label: value` lines. The
//! other extractors work on this list, so the page each paragraph stands on is kept.

use regex::Regex;
use std::sync::LazyLock;

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
                (same_or_next_page && first.contains(" | ") && width == cells.len())
                    .then_some(start)
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
                if line.contains(" | ") {
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
    out
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

#[cfg(test)]
mod tests {
    use super::*;

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
