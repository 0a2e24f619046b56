//! Decisions of minutes: agenda items (`Punkt 6.`, `Pkt. 3`, `6. Title`), their title
//! and case number, the text after `Beslutning:` and the members recorded as absent.

use super::document::{Decision, Outcome};
use super::meta::{case_numbers_in, is_item_marker, item_title, without_access_mark};
use super::structure::{looks_like_heading, sentences, Kind, Paragraph};
use super::votes;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

static DECISION: LazyLock<Regex> = LazyLock::new(|| {
    // "Beslutning: Godkendt.", a "Beslutning"/"Beslutninger" heading with the text
    // below it, "Beslutning i Økonomiudvalget den 9. marts 2020:", and the label with
    // the decision on one line: "Sundheds- og Forebyggelsesudvalgets beslutning den
    // 04.12.2012 Punkt 1 Taget til efterretning". An advisory council's minutes record
    // its conclusion as "Rådets bemærkninger:" or "Ældrerådets udtalelse:"; a chairman's
    // decision between meetings as "Formandsbeslutning".
    Regex::new(
        r"^(?:(?:[\p{L}\-]+(?:\s+og\s+[\p{L}\-]+)?s\s+)?(?i:beslutning(?:er)?)|(?i:formandsbeslutning)|\p{L}*(?i:rådets)\s+(?i:bemærkninger|udtalelse|høringssvar))(?:\s+(?:i|fra|af)\s+[^:]{1,120}|\s+\p{Lu}[\p{L}\-]*(?:udvalget|udvalg|rådet|byrådet|Byråd|bestyrelsen))?(?:\s+den\s+[0-9][0-9.\-/]*)?(?:\s+(?i:punkt)\s+\d+)?\s*(?::\s*(.*)|\s+(\p{Lu}.*)|\.?)$",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});
static ABSENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(.+?)\s+(?:(?:var|er|blev meldt)\s+fraværende|deltog\s+ikke|har\s+meldt\s+afbud|(?:var|er|erklærede sig)\s+inhabil(?:\s+og\s+forlod\s+(?:salen|mødet))?|forlod\s+(?:salen|mødet))(?:\s+(?:under|i)\s+[^.]+)?\.?|(?i:fraværende(?:\s+med\s+afbud)?|afbud|forfald)(?:\s+fra(?:\s+\p{Lu}[\p{L}\-]*){0,3})?\s*:\s*(.+?)\.?)$",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});

/// A member who left the meeting after this item ("Morten Dahl (C) forlod mødet kl.
/// 16:40 efter behandlingen af dette punkt"): absent from the items after it.
static LEFT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(.+?)\s+forlod\s+(?:mødet|salen)(?:\s+kl\.\s*[\d.:]+)?\s+efter\b(?:[^.]|\.\s+\d)*\.?$",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});

/// A member who came late, from this item on ("Mette Lund (A) deltog fra og med pkt. 2",
/// "X mødte kl. 17.10 under behandlingen af punkt 4"): absent from the items before it.
static JOINED_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(.+?)\s+(?:deltog|mødte(?:\s+op)?|ankom|var\s+til\s+stede)(?:\s+kl\.\s*[\d.:]+)?\s+(?:fra\s+og\s+med|fra|under)\s+(?:behandlingen\s+af\s+)?(?i:punkt|pkt\.?)\s+\d",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});

/// The item an absence names: "i behandlingen af punkt 65", "under pkt. 7".
static ITEM_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:punkt|pkt\.?|sag)\s+(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?\b")
        .unwrap_or_else(|e| panic!("{e}"))
});

static CONTENTS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\d{1,3}$").unwrap_or_else(|e| panic!("{e}"))
});

/// A works council's (MED) record of what it concluded, in place of a decision label:
/// "Konklusion:" (only under an item marker: reports have conclusions too).
static CONCLUSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:konklusion)\s*(?::\s*(.*)|\.?)$").unwrap_or_else(|e| panic!("{e}"))
});

/// The label of one municipality's decision at a joint meeting of two councils'
/// committees ("Beslutning i Holstebro Kommune: Godkendt."): the labels of one item are
/// parallel decisions, kept together with the names that tell them apart.
static MUNICIPALITY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?i:beslutning)\s+(?:i|for)\s+\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)?\s+Kommune\s*:")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The lines that close the meeting, not the last item's decision: "Mødet hævet kl.
/// 16.45.", "Næste møde: Tirsdag den 17. marts 2020".
static MEETING_CLOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:mødet\s+(?:blev\s+)?(?:hævet|sluttede|afsluttet|slut|afsluttedes)|næste\s+(?:møde|mødedato)\b)\b")
        .unwrap_or_else(|e| panic!("{e}"))
});

fn names(s: &str) -> Vec<String> {
    // What stands in parentheses is about the member before it ("Ulrik Damsgaard
    // (ledelsen, leder af Ydelseskontoret) og …", "X (C)"): its commas and "og" part no
    // names.
    static PARENTHESES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\([^()]*\)").unwrap_or_else(|e| panic!("{e}")));
    let s = PARENTHESES.replace_all(s, |c: &regex::Captures| {
        c[0].replace([',', ';'], " ").replace(" og ", " & ")
    });
    // "Tina Holm, afdelingsleder, Jobcenter Odsherred": after a job title (lower case)
    // comes the member's workplace, not another member.
    let mut after_title = false;
    s.split([',', ';'])
        .flat_map(|p| p.split(" og "))
        .map(|n| without_title(n.trim().trim_end_matches('.').trim()))
        .filter(|n| {
            let workplace = std::mem::replace(&mut after_title, n.starts_with(char::is_lowercase));
            !workplace
        })
        .map(|n| n.split(" (").next().unwrap_or(n).trim())
        // A member's name: capitalised, a few words ("Borgeren deltog ikke i samtalen"
        // names nobody).
        // (Two words at least: "X (C), Samsø, og Y (F), Aarhus" gives members' towns.)
        .filter(|n| {
            let words = n.split_whitespace().count();
            n.starts_with(char::is_uppercase) && (2..=6).contains(&words)
        })
        .filter(|n| !n.split_whitespace().next().is_some_and(is_common_subject))
        // "Hanne Kirk Vestergaard, Syddjurs Kommune": the member's municipality.
        .filter(|n| !n.ends_with(" Kommune") && !n.ends_with(" kommune"))
        .map(String::from)
        .collect()
}

/// A member's name without the title before it: "borgmester Hanne Lykke Brandt",
/// "Borgmester Peter Holm" (titles from `data/member-titles.txt`).
fn without_title(n: &str) -> &str {
    static TITLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        include_str!("../../data/member-titles.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    let mut rest = n;
    // (Only before a capitalised word: "formand for udvalget" is no name anyway.)
    while let Some((first, after)) = rest.split_once(' ') {
        let is_title = TITLES.contains(&first.to_lowercase().as_str());
        if !is_title || !after.starts_with(char::is_uppercase) {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

/// An agenda item of minutes: `Punkt 6. Title`, `Pkt. 3`, or a numbered heading
/// (`4. Title`) whose item records a decision.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    /// Index of the item's opening paragraph.
    pub para: usize,
    /// Item number as written (`6`).
    pub number: String,
    /// The title on the opening line, if any.
    pub title: Option<String>,
}

/// True for the label that opens a decision: `Beslutning`, `Beslutning: Godkendt.`,
/// `Beslutning i Økonomiudvalget den 9. marts 2020:` (not a sentence that merely starts
/// with "Beslutningen om at ansøge ...").
pub fn is_decision_head(text: &str) -> bool {
    DECISION.is_match(text.trim())
}

/// The label of an agenda item's recommendation: `Indstilling`, `Indstilling:`.
fn is_recommendation_head(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').to_lowercase();
    t == "indstilling" || t == "administrationens indstilling" || t == "forvaltningens indstilling"
}

/// The agenda items, in order. A numbered heading counts only when a decision comes
/// before the next numbered paragraph, so numbered section headings of reports do not.
pub fn agenda_items(paras: &[Paragraph]) -> Vec<AgendaItem> {
    // Items a decision label names ("Byrådets beslutning den 26.08.2020 Punkt 113").
    let labelled: Vec<u32> = paras
        .iter()
        .filter(|p| is_decision_head(&p.text))
        .filter_map(|p| ITEM_REF.captures(&p.text))
        .filter_map(|c| c[1].parse().ok())
        .collect();
    // The contents list's titles by number ("2. Budget 2020-2023 ........ 1"): a numbered
    // heading under another title is a section inside an item ("5. Opfølgning" in the
    // budget agreement of item 2), not item 5.
    let contents: HashMap<u32, String> = paras
        .iter()
        .filter_map(|p| {
            let Kind::Numbered(n) = p.kind else {
                return None;
            };
            let m = CONTENTS_LINE.find(p.text.trim())?;
            Some((n, title_key(&p.text.trim()[..m.start()])))
        })
        .collect();
    // Where the next decision head and the next item start are, from each paragraph on:
    // worked out once, when a numbered paragraph first asks (not by a scan to the end of
    // the document from every one).
    let decision_heads = std::cell::OnceCell::new();
    let item_openers = std::cell::OnceCell::new();
    let mut items = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        // A contents list repeats the items with dot leaders to their pages ("Punkt 31
        // Godkendelse af dagsorden ........ 1"): not the items themselves.
        if CONTENTS_LINE.is_match(p.text.trim()) {
            continue;
        }
        if let Some(number) = is_item_marker(&p.text) {
            // "Punkt 5" alone, the title on the next line.
            let title = item_title(&p.text).or_else(|| {
                paras
                    .get(i + 1)
                    .filter(|n| n.kind == Kind::Heading || looks_like_heading(&n.text))
                    .map(|n| n.text.trim().to_string())
            });
            items.push(AgendaItem {
                para: i,
                number,
                title,
            });
        } else if let Kind::Numbered(n) = p.kind {
            if contents
                .get(&n)
                .is_some_and(|title| !title_key(&p.text).starts_with(title.as_str()))
            {
                continue;
            }
            if labelled.contains(&n)
                && !items
                    .iter()
                    .any(|it: &AgendaItem| it.number == n.to_string())
            {
                items.push(AgendaItem {
                    para: i,
                    number: n.to_string(),
                    title: Some(without_access_mark(p.text.trim()).to_string()),
                });
                continue;
            }
            // (A long title, "Frikommuneforsøg II - ansøgning om nyt forsøg: X ved Y i Z",
            // only when it follows the last item and its decision comes before the next
            // number.)
            // (An item's title opens with a capital: "2. udgifterne finansieres som
            // beskrevet" is a point of the recommendation above the decision.)
            let lower_case = p
                .text
                .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ')' | ' '))
                .starts_with(char::is_lowercase);
            // (… nor is one under a lead that runs on into it: "Direktionen indstiller,
            // at" over "1. Lejre Kommune ansøger om …".)
            let runs_on = i > 0 && {
                let lead = paras[i - 1].text.trim_end().to_lowercase();
                let proposes = ["indstil", "anbefal", "foreslå"]
                    .iter()
                    .any(|w| lead.contains(w));
                lead.ends_with(" at")
                    || lead.ends_with(" at:")
                    || (proposes && (lead.ends_with(',') || lead.ends_with(':')))
            };
            if lower_case || (runs_on && !matches!(paras[i - 1].kind, Kind::Numbered(_))) {
                continue;
            }
            let heading = looks_like_heading(&p.text);
            let long_title = !heading
                && p.text.split_whitespace().count() <= 25
                && !p.text.trim_end().ends_with(['.', '!', '?', ';', ',']);
            if !heading && !long_title {
                continue;
            }
            // (An agenda sent out before the meeting has the administration's
            // recommendation, "Indstilling", where the minutes will have the decision.)
            let next_decision = decision_heads.get_or_init(|| {
                first_at_or_after(paras, |q| {
                    is_decision_head(&q.text) || is_recommendation_head(&q.text)
                })
            })[i + 1];
            // (A "Punkt 1" marker opens the next item as a number does: the last section
            // of terms of reference above the minutes decides nothing.)
            // (Not the points of a recommendation: "1. at Furesø Kommune afslutter …".)
            let next_numbered = item_openers.get_or_init(|| {
                first_at_or_after(paras, |q| {
                    let point = q.text.trim_start().starts_with(char::is_lowercase);
                    (matches!(q.kind, Kind::Numbered(_)) && !point)
                        || is_item_marker(&q.text).is_some()
                })
            })[i + 1];
            let decided = next_decision.is_some_and(|d| next_numbered.is_none_or(|x| x > d));
            // The item after an item ("6. Eventuelt") is one, decided or not: it ends the
            // last one's decision.
            let follows = items
                .last()
                .is_some_and(|it| it.number == n.saturating_sub(1).to_string());
            // (… or the first of minutes that number their items through the year, "87.
            // Frikommuneforsøg II – ophør af …", decided: no list starts at 87.)
            let through_the_year = n >= 10 && items.is_empty();
            if (decided || follows) && (heading || decided && (follows || through_the_year)) {
                items.push(AgendaItem {
                    para: i,
                    number: n.to_string(),
                    title: Some(without_access_mark(p.text.trim()).to_string()),
                });
            }
        }
    }
    items
}

/// For each paragraph (and one past the last), the index of the first at or after it
/// that `is`.
fn first_at_or_after(paras: &[Paragraph], is: impl Fn(&Paragraph) -> bool) -> Vec<Option<usize>> {
    let mut next = vec![None; paras.len() + 1];
    for j in (0..paras.len()).rev() {
        next[j] = if is(&paras[j]) { Some(j) } else { next[j + 1] };
    }
    next
}

/// The first words of an item's title, to compare a heading with the contents list:
/// lower case, without its number and punctuation.
fn title_key(text: &str) -> String {
    text.split_whitespace()
        .skip_while(|w| {
            w.trim_end_matches(['.', ')'])
                .chars()
                .all(|c| c.is_ascii_digit())
        })
        .take(3)
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The members a paragraph records as absent, sentence by sentence ("Venstre tog
/// forbehold. Jesper Kjeldsen deltog ikke i sagens behandling."); `None` when it records
/// no absence.
fn absentees(text: &str) -> Option<Vec<String>> {
    let mut found = None;
    for sentence in sentences(text) {
        if let Some(c) = ABSENT.captures(sentence.trim()) {
            let list = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
            found.get_or_insert_with(Vec::new).extend(names(list));
        }
    }
    found
}

/// Sentence subjects that are not people ("Borgeren", "Udvalget").
fn is_common_subject(w: &str) -> bool {
    let w = w.to_lowercase();
    [
        "en",
        "et",
        "ingen",
        "alle",
        "flere",
        "nogle",
        "følgende",
        "udvalget",
        "borgeren",
        "borgerne",
        "kommunen",
    ]
    .contains(&w.as_str())
}

/// Members listed one a line under a label alone ("Fraværende:", "Følgende deltog ikke
/// i behandlingen af punktet:").
#[derive(Default)]
struct Listed {
    /// Label paragraph -> the names below it (maybe none).
    names: HashMap<usize, Vec<String>>,
    /// The paragraphs that are those names' lines.
    lines: std::collections::HashSet<usize>,
}

fn listed_absentees(paras: &[Paragraph]) -> Listed {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:fraværende(?:\s+med\s+afbud)?|afbud(?:\s*/\s*fraværende)?|forfald|ikke til stede|følgende deltog ikke[^:]*)\s*:?$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let mut out = Listed::default();
    for (i, p) in paras.iter().enumerate() {
        if !LABEL.is_match(p.text.trim()) {
            continue;
        }
        let below = paras
            .iter()
            .enumerate()
            .skip(i + 1)
            .take_while(|(_, q)| q.page == p.page && reads_like_member(&q.text));
        let mut listed = Vec::new();
        for (k, q) in below {
            out.lines.insert(k);
            listed.extend(names(&q.text));
        }
        out.names.insert(i, listed);
    }
    out
}

/// A line naming members: "Birthe Aagaard (F)", "Karina Holm Bak, Peter Vinding", "Poul
/// Erik Tvede, ældrechef (Assens)" (a job title in lower case, and the workplace after it,
/// follow a name).
fn reads_like_member(s: &str) -> bool {
    let is_name = |part: &str| {
        let name = part.split(" (").next().unwrap_or(part).trim();
        let words: Vec<&str> = name.split_whitespace().collect();
        (2..=5).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
    };
    let mut parts = s
        .split([',', ';'])
        .flat_map(|p| p.split(" og "))
        .map(str::trim);
    // (A job title runs to the end of its name's entry, commas and all: "direktør for
    // Børn, Unge og Kultur (Slagelse)"; the next entry opens with a name again.)
    let mut in_title = false;
    !s.contains(':')
        && !s.contains(". ")
        && parts.next().is_some_and(is_name)
        && parts.all(|part| {
            if is_name(part) {
                in_title = false;
                return true;
            }
            in_title |= part.starts_with(char::is_lowercase);
            in_title
        })
}

/// Adds the names not yet in `list`.
fn add_names<'a>(list: &mut Vec<String>, names: impl IntoIterator<Item = &'a String>) {
    for n in names {
        if !list.contains(n) {
            list.push(n.clone());
        }
    }
}

/// Members recorded as absent, and the items they were absent from (first, last) when a
/// sentence names them; else the whole meeting.
type Absence = (Vec<String>, Option<(u32, u32)>);

/// One decision per agenda item that records one.
pub fn decisions(paras: &[Paragraph], items: &[AgendaItem]) -> Vec<Decision> {
    // Absences recorded before the first item hold for the whole meeting.
    let first_item = items.first().map_or(paras.len(), |it| it.para);
    let listed = listed_absentees(paras);
    let absent_at = |i: usize| {
        listed
            .names
            .get(&i)
            .cloned()
            .or_else(|| paras.get(i).and_then(|p| absentees(&p.text)))
    };
    // "X deltog ikke i behandlingen af punkt 65" before the items: absent from that item.
    let mut item_absent: HashMap<String, Vec<String>> = HashMap::new();
    let mut meeting_absent: Vec<String> = Vec::new();
    // "X forlod mødet kl. 20:15 efter behandlingen af punkt 114": absent after item 114.
    let mut left_after: Vec<(u32, Vec<String>)> = Vec::new();
    let mut joined_at: Vec<(u32, Vec<String>)> = Vec::new();
    for i in 0..first_item {
        let text = paras.get(i).map_or("", |p| p.text.trim());
        // Sentence by sentence: "Afbud: A (A). B (V) forlod mødet efter punkt 5." has A
        // away from the meeting and B from the items after 5; "Fraværende: A (A). B (V)
        // deltog ikke i behandlingen af punkt 3-4." has B away from two items.
        let items_of = |s: &str| -> Option<(u32, u32)> {
            let c = ITEM_REF.captures(s)?;
            let first: u32 = c[1].parse().unwrap_or(0);
            let last = c
                .get(2)
                .and_then(|m| m.as_str().parse().ok())
                .unwrap_or(first);
            Some((first, last.min(first + 50)))
        };
        // The members and the item of a sentence that `pattern` matches.
        let members_and_item = |pattern: &Regex, s: &str| {
            let l = pattern.captures(s)?;
            let n: u32 = ITEM_REF.captures(s)?[1].parse().ok()?;
            Some((n, names(l.get(1).map_or("", |m| m.as_str()))))
        };
        let mut parts: Vec<Absence> = Vec::new();
        match listed.names.get(&i) {
            Some(names) => parts.push((names.clone(), items_of(text))),
            None => {
                for s in sentences(text) {
                    // (Under a field's label: "Bemærkninger: X forlod mødet efter … punkt
                    // 5.")
                    let bare = match s.split_once(": ") {
                        Some((label, rest)) if label.split_whitespace().count() == 1 => rest,
                        _ => s.as_str(),
                    };
                    if let Some(left) = members_and_item(&LEFT_AFTER, bare) {
                        left_after.push(left);
                    } else if let Some(late) = members_and_item(&JOINED_AT, bare) {
                        joined_at.push(late);
                    } else if let Some(names) = absentees(&s) {
                        parts.push((names, items_of(&s)));
                    }
                }
            }
        }
        for (names, items) in parts {
            match items {
                Some((first, last)) => {
                    for n in first..=last {
                        item_absent
                            .entry(n.to_string())
                            .or_default()
                            .extend(names.clone());
                    }
                }
                None => meeting_absent.extend(names),
            }
        }
    }
    let mut out = Vec::new();
    for (k, item) in items.iter().enumerate() {
        let end = items.get(k + 1).map_or(paras.len(), |next| next.para);
        let block = &paras[item.para + 1..end];
        let first = item.para + 1;
        let title = item.title.clone().or_else(|| {
            block
                .iter()
                .find(|p| p.kind == Kind::Heading && case_numbers_in(&p.text).is_empty())
                .map(|p| p.text.trim().to_string())
        });
        let mut case_number = None;
        let mut decision: Option<String> = None;
        let mut absent = meeting_absent.clone();
        let number: u32 = item.number.parse().unwrap_or(0);
        let gone = left_after
            .iter()
            .filter(|(after, _)| number > *after)
            .chain(joined_at.iter().filter(|(from, _)| number < *from))
            .flat_map(|(_, names)| names);
        add_names(
            &mut absent,
            item_absent
                .get(&item.number)
                .into_iter()
                .flatten()
                .chain(gone),
        );
        let mut in_decision = false;
        // Whether the decision so far is one municipality's (see `MUNICIPALITY_LABEL`).
        let mut parallel = false;
        // Who was absent under a decision's label: when a later label follows (an item
        // decided over several meetings, "Beslutning i Beskæftigelsesudvalget …" then
        // "Beslutning i Byrådet …"), they were absent from that earlier meeting only.
        let mut under_label: Option<Vec<String>> = None;
        let marked = is_item_marker(&paras[item.para].text).is_some();
        for (j, p) in block.iter().enumerate() {
            if listed.lines.contains(&(first + j)) {
                continue;
            }
            if let Some(c) = LEFT_AFTER.captures(p.text.trim()) {
                add_names(
                    &mut meeting_absent,
                    &names(c.get(1).map_or("", |m| m.as_str())),
                );
                in_decision = false;
                continue;
            }
            if let Some(names) = absent_at(first + j) {
                // The meeting's "Afbud:" names again under each item's "Fraværende:"; an
                // absence right under the decision's label comes before its text.
                add_names(&mut absent, &names);
                if let Some(under) = &mut under_label {
                    under.extend(names);
                }
                in_decision = in_decision && decision.is_none();
                continue;
            }
            let label = DECISION
                .captures(p.text.trim())
                .or_else(|| marked.then(|| CONCLUSION.captures(p.text.trim())).flatten());
            if let Some(c) = label {
                let rest = c.get(1).or(c.get(2)).map_or("", |m| m.as_str().trim());
                // "Beslutning: Godkendt." is whole; "Beslutning:" alone continues below.
                // An item decided over several meetings has a label per meeting: the
                // last one is this meeting's decision.
                in_decision = !rest.ends_with(['.', '!']);
                let text = p.text.trim();
                let one_municipalitys = opens_with_municipality_label(text);
                decision = if !one_municipalitys {
                    (!rest.is_empty()).then(|| rest.to_string())
                } else if parallel {
                    decision.map(|d| format!("{d} {text}"))
                } else {
                    Some(text.to_string())
                };
                parallel = one_municipalitys;
                let earlier = under_label.replace(Vec::new()).unwrap_or_default();
                absent.retain(|n| !earlier.contains(n) || meeting_absent.contains(n));
                continue;
            }
            // "Mødet hævet kl. 16.45." closes the meeting, not the decision.
            if MEETING_CLOSED.is_match(p.text.trim()) {
                in_decision = false;
                continue;
            }
            if in_decision {
                // A vote line ("Imod stemte: 2 (O)") is short enough to look like a
                // heading but belongs to the decision.
                if p.kind == Kind::Heading && decision.is_some() && votes::votes(&p.text).is_none()
                {
                    in_decision = false;
                    continue;
                }
                let t = p.text.trim();
                decision = Some(match decision.take() {
                    Some(d) => format!("{d} {t}"),
                    None => t.to_string(),
                });
                continue;
            }
            if case_number.is_none() && decision.is_none() {
                case_number = case_numbers_in(&p.text).into_iter().next();
            }
        }
        if let Some(decision) = decision {
            let on_recommendation = votes::on_the_recommendation(&decision);
            let outcome = if parallel {
                parallel_outcome(&decision)
            } else {
                votes::outcome(&on_recommendation)
            };
            let votes = votes::votes(&on_recommendation);
            out.push(Decision {
                item: item.number.clone(),
                title,
                absent,
                case_number,
                outcome,
                votes,
                decision,
            });
        }
    }
    out
}

fn opens_with_municipality_label(text: &str) -> bool {
    MUNICIPALITY_LABEL
        .find(text)
        .is_some_and(|m| m.start() == 0)
}

/// The outcome of an item the municipalities of a joint meeting decide each for itself
/// (see `MUNICIPALITY_LABEL`): theirs when they agree; an item one of them puts off is
/// put off, one that one of them rejects is rejected (it does not go ahead jointly).
fn parallel_outcome(decision: &str) -> Option<Outcome> {
    let starts: Vec<usize> = MUNICIPALITY_LABEL
        .find_iter(decision)
        .map(|m| m.start())
        .chain([decision.len()])
        .collect();
    let outcomes: Vec<Outcome> = starts
        .windows(2)
        .filter_map(|w| votes::outcome(&decision[w[0]..w[1]]))
        .collect();
    [Outcome::Postponed, Outcome::Rejected]
        .into_iter()
        .find(|o| outcomes.contains(o))
        .or_else(|| outcomes.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_labels() {
        for label in [
            "Beslutning",
            "Beslutninger",
            "Beslutning: Godkendt.",
            "Beslutning i Økonomiudvalget den 9. marts 2020:",
            "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 24-04-2013",
            "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1 Taget til efterretning",
            "Rådets bemærkninger:",
            "Ældrerådets udtalelse:",
            "Handicaprådets høringssvar",
        ] {
            assert!(is_decision_head(label), "{label}");
        }
        for sentence in [
            "Rådets bemærkninger til forslaget blev sendt i går.",
            "Beslutningen træffes af",
            "Beslutningen om at ansøge blev truffet i 2018.",
            "Byrådets beslutning den 5. maj blev fulgt op.",
        ] {
            assert!(!is_decision_head(sentence), "{sentence}");
        }
        let c = DECISION
            .captures("Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2 Indstillingen godkendt")
            .expect("label");
        assert_eq!(c.get(2).map(|m| m.as_str()), Some("Indstillingen godkendt"));
    }

    #[test]
    fn a_joint_meetings_decisions_stay_together() {
        assert!(opens_with_municipality_label(
            "Beslutning i Struer Kommune: Udsat."
        ));
        assert!(!opens_with_municipality_label(
            "Beslutning i Økonomiudvalget den 9. marts 2020:"
        ));
        let both = "Beslutning i Holstebro Kommune: Godkendt. Beslutning i Struer Kommune: \
                    Udsat. Sagen genoptages på næste møde.";
        assert_eq!(parallel_outcome(both), Some(Outcome::Postponed));
        let agreed = "Beslutning i Holstebro Kommune: Taget til efterretning. Beslutning i \
                      Struer Kommune: Taget til efterretning.";
        assert_eq!(parallel_outcome(agreed), Some(Outcome::Noted));
    }

    #[test]
    fn absent_lines() {
        let c = ABSENT.captures("Anne Honoré Østergaard og Kristoffer Hjort Storm var fraværende.");
        assert!(c.is_some());
        assert_eq!(
            names("Anne Honoré Østergaard og Kristoffer Hjort Storm"),
            vec![
                "Anne Honoré Østergaard".to_string(),
                "Kristoffer Hjort Storm".into()
            ]
        );
        assert!(ABSENT.is_match("Fraværende: Ib Hansen (A)"));
        // A title before the name is no part of it.
        assert_eq!(
            names("borgmester Hanne Lykke Brandt (Stevns) og byrådsmedlem Carsten Uhd Nørgaard (Guldborgsund)"),
            vec!["Hanne Lykke Brandt".to_string(), "Carsten Uhd Nørgaard".into()]
        );
        assert_eq!(
            names("Borgmester Peter Rosenkvist Holm (Næstved)"),
            vec!["Peter Rosenkvist Holm".to_string()]
        );
        assert!(reads_like_member("Poul Erik Tvede, ældrechef (Assens)"));
        assert!(reads_like_member("Karina Holm Bak, Peter Vinding"));
        assert!(!reads_like_member(
            "Mikkel Ravn Sørensen forlod mødet efter punkt 4."
        ));
        assert!(!reads_like_member("ældrechef, Poul Erik Tvede"));
        assert!(reads_like_member(
            "Jette Abildgaard, direktør for Børn, Unge og Kultur (Slagelse)"
        ));
        assert!(ABSENT.is_match("Afbud fra: Birgit Thorsager (V), Jesper Kold (C)"));
        assert!(ABSENT.is_match("Fraværende med afbud: Kirsten Dahl Rasmussen (A)"));
        // A joint meeting records each municipality's absences apart.
        assert!(ABSENT.is_match("Fraværende fra Holstebro: Poul Erik Kirkegaard (V)"));
        assert!(ABSENT
            .is_match("Mads Vestergaard (V) var inhabil og forlod salen under sagens behandling."));
        // Who came late is away from the items before the one they came to.
        for late in [
            "Mette Hjorth Lund (A) deltog fra og med pkt. 2.",
            "Jens Bach (V) mødte kl. 17.10 under behandlingen af punkt 4.",
        ] {
            assert!(JOINED_AT.is_match(late), "{late}");
        }
        assert!(!JOINED_AT.is_match("Mette Hjorth Lund (A) deltog i mødet."));
        assert!(MEETING_CLOSED.is_match("Mødet hævet kl. 16.45."));
        assert!(MEETING_CLOSED.is_match("Næste møde: Tirsdag den 17. marts 2020 kl. 9.30."));
        assert!(!MEETING_CLOSED.is_match("Mødet med ministeriet blev holdt i maj."));
    }
}
