//! Tables of trials: a row's trial and participants, matrices of marks, totals, and cells
//! carried down from the row above.

use super::names::{clean_name, short_name_stem, PARENS};
use super::participants::{deltagende, listed_members, members_counted, ALL_MEMBERS};
use super::sections::heading_depth;
use super::{add_municipalities, Builder, Discovery, Doc};
use crate::extract::catalog::Catalog;
use crate::extract::municipalities::parse_list;
use crate::extract::structure::{Kind, Paragraph};
use regex::Regex;
use std::sync::LazyLock;

/// Tables: a trial column with a municipalities column, or a trial × municipality
/// matrix with marks.
pub(super) fn table_row(
    doc: &Doc,
    b: &mut Builder,
    i: usize,
    cells: &[String],
    context: Option<&str>,
    d: &mut Discovery,
) {
    let (catalog, paras) = (doc.catalog, doc.paras);
    let Some(head_idx) = paras[i].table_start else {
        return;
    };
    if head_idx == i {
        return;
    }
    let Some(Kind::TableRow(header)) = paras.get(head_idx).map(|p| &p.kind) else {
        return;
    };
    let lower: Vec<String> = header.iter().map(|h| h.to_lowercase()).collect();
    // The column that names the trial ("Forsøg", "Frikommuneforsøg"), not one about it
    // ("Gennemsnit, uger i forsøget").
    // (A trial's short name heads its own column of marks: "Attestforsøget".)
    // (… or its name, beside a short one: "Kort navn | Officielt navn | Deltagende
    // kommuner".)
    let trial_col = lower
        .iter()
        .position(|h| {
            h.contains("forsøg")
                && h.split_whitespace().count() <= 2
                && short_name_stem(h).is_none()
        })
        .or_else(|| {
            lower
                .iter()
                .position(|h| ["officielt navn", "officiel titel"].contains(&h.trim()))
        });
    let muni_col = lower
        .iter()
        .position(|h| h.contains("kommune") || h.contains("deltager"));
    // "Forsøg | Netværk | Deltagende kommuner": the row's network, whose members "Alle
    // fem kommuner" are when the document lists them.
    let network_col = lower.iter().position(|h| h.trim() == "netværk");
    let page = paras[i].page;
    if let (Some(tc), Some(mc)) = (trial_col, muni_col) {
        let (Some(tcell), Some(mcell)) = (cells.get(tc), cells.get(mc)) else {
            return;
        };
        // A merged cell comes out empty below its first row: the trial goes on.
        let tcell = if tcell.trim().is_empty() {
            carried_cell(paras, i, tc).unwrap_or(tcell)
        } else {
            tcell
        };
        let written = clean_name(tcell);
        // (A count of trials under "Godkendte forsøg" names none: "Nordvest | 5 | 6".)
        if written.is_empty() || is_total(&written) || !written.chars().any(char::is_alphabetic) {
            return;
        }
        let name = b.resolve(catalog, &written);
        // "Alle fem kommuner": the members listed above the table ("Kommuner: Gladsaxe
        // (tovholder), Gentofte, …" under each network's heading in an overview).
        let row_network = network_col
            .and_then(|k| cells.get(k))
            .and_then(|n| doc.networks.members(n.trim()));
        let munis = cell_members(catalog, mcell)
            .or_else(|| all_of(mcell, row_network?))
            .or_else(|| {
                // (… or, with none listed there, the network's own.)
                match members_above(catalog, paras, head_idx) {
                    Some(local) => all_of(mcell, &local),
                    None => listed_members(catalog, mcell, doc.network),
                }
            })
            .unwrap_or_default();
        if let Some(short) = nickname_in_cell(catalog, tcell) {
            b.add(&name, short, page);
        }
        let t = b.add(&name, &written, page);
        add_municipalities(t, &munis);
        add_short_name(t, &lower, cells);
        d.items.insert(i);
        return;
    }
    // The matrix turned round: a municipality per row, a trial per column, marks in the
    // cells ("Kommune | Psykologbehandling | Mentorforsøg" / "Helsingør | Ja | Nej").
    if muni_col == Some(0) && trial_col.is_none() && header.len() >= 3 {
        let muni = cells.first().and_then(|c| catalog.municipality(c.trim()));
        // (Beside the marks a column may say something else: "Lokal tilpasning".)
        let names_trial = |h: &str| {
            let w = clean_name(h);
            catalog.trial(&w).is_some() || short_name_stem(&w).is_some()
        };
        // (A row of dashes alone marks nothing: "Odsherred 3) | – | – | –" is a row of
        // figures not reported, under measures, not trials.)
        let all_marks = cells.iter().skip(1).all(|c| mark(c).is_some())
            && cells.iter().skip(1).any(|c| mark(c) == Some(true));
        let marks: Vec<(usize, bool)> = cells
            .iter()
            .enumerate()
            .skip(1)
            .filter_map(|(k, c)| mark(c).map(|m| (k, m)))
            .filter(|(k, _)| all_marks || header.get(*k).is_some_and(|h| names_trial(h)))
            .collect();
        if let (Some(m), false) = (muni, marks.is_empty()) {
            let m = m.to_string();
            for (h, marked) in marks
                .iter()
                .filter_map(|(k, marked)| header.get(*k).map(|h| (h, *marked)))
            {
                let written = clean_name(h);
                if written.is_empty() {
                    continue;
                }
                let name = b.resolve(catalog, &written);
                let t = b.add(&name, &written, page);
                if marked {
                    add_municipalities(t, std::slice::from_ref(&m));
                }
            }
            d.items.insert(i);
            return;
        }
    }
    // A table of municipalities ("Kommune | Antal lån | Udlånt beløb") under one trial's
    // heading or agenda item: the municipalities it reports on take part in that trial.
    // (Not a list of contacts, "Kommune | Kontaktperson | Telefon | E-mail": whom to ask
    // in each member municipality, whatever trial the page is about.)
    // (A column of figures beside the contact makes it a table of the participants:
    // "Kommune | Forventet antal borgere | Kontaktperson".)
    let contacts = lower.iter().skip(1).all(|h| {
        [
            "kontakt", "telefon", "tlf", "e-mail", "mail", "navn", "stilling", "titel",
        ]
        .iter()
        .any(|w| h.trim().starts_with(w))
    });
    if muni_col == Some(0) && trial_col.is_none() && !contacts {
        if let (Some(name), Some(first)) = (context, cells.first()) {
            if let Some(m) = catalog.municipality(first.trim()) {
                let m = m.to_string();
                if let Some(t) = b.trials.get_mut(name) {
                    add_municipalities(t, &[m]);
                }
            }
        }
        return;
    }
    let muni_cols: Vec<(usize, String)> = header
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(k, h)| catalog.municipality(h).map(|m| (k, m.to_string())))
        .collect();
    if muni_cols.len() >= 2 {
        // The trial's name: in the first column, or in a "Forsøg" column beside its short
        // name ("Kort navn | Forsøg | Aalborg | …").
        let Some(first) = cells.get(trial_col.unwrap_or(0)) else {
            return;
        };
        let written = clean_name(first);
        if !written.chars().any(char::is_alphabetic)
            || catalog.municipality(&written).is_some()
            || is_total(&written)
        {
            return;
        }
        let marked: Vec<String> = muni_cols
            .iter()
            .filter(|(k, _)| cells.get(*k).is_some_and(|c| mark(c) == Some(true)))
            .map(|(_, m)| m.clone())
            .collect();
        let name = b.resolve(catalog, &written);
        // A row of numbers by municipality names a trial only if it is one already
        // known; a survey's statement ("Samtalerne har været relevante for mig | 72 | 78")
        // is none.
        let marks_only = muni_cols.iter().all(|(k, _)| {
            cells
                .get(*k)
                .is_none_or(|c| c.trim().is_empty() || mark(c).is_some())
        });
        if !marks_only && name == written && b.named(&written).is_none() {
            return;
        }
        // A known trial's row of counts with dashes for the municipalities it does not
        // run in ("Rehabilitering | – | 64 | – | 16"): a count says it runs there, a
        // zero too.
        let counted: Vec<String> = muni_cols
            .iter()
            .filter(|(k, _)| cells.get(*k).is_some_and(|c| is_count(c)))
            .map(|(_, m)| m.clone())
            .collect();
        let dashes = muni_cols.iter().any(|(k, _)| {
            cells
                .get(*k)
                .is_some_and(|c| mark(c) == Some(false) && !c.trim().is_empty())
        });
        let t = b.add(&name, &written, page);
        add_municipalities(t, &marked);
        if !marks_only && dashes {
            add_municipalities(t, &counted);
        }
        add_short_name(t, &lower, cells);
        d.items.insert(i);
    }
}

/// A column of the short names the document calls its trials by ("Kort navn":
/// "UUV-forsøget"): the row's is one more way the trial is written.
fn add_short_name(t: &mut crate::extract::document::Trial, header: &[String], cells: &[String]) {
    let short_col = header.iter().position(|h| {
        [
            "kort navn",
            "kortnavn",
            "kaldenavn",
            "forkortelse",
            "daglig tale",
        ]
        .iter()
        .any(|k| h.contains(k))
    });
    // (A whole one: "…forsøget" or an abbreviation, not a cell a line break cut,
    // "Praktikforsøge" / "t".)
    let short = short_col.and_then(|c| cells.get(c)).map(|c| clean_name(c));
    let whole = |s: &String| {
        !s.contains(' ')
            && (s.to_lowercase().ends_with("forsøget")
                || s.chars().filter(|c| c.is_uppercase()).count() >= 2)
    };
    if let Some(short) = short.filter(whole) {
        if !t.as_written.contains(&short) {
            t.as_written.push(short);
        }
    }
}

/// The municipalities of a table's cell: a list, perhaps with an aside on one that left
/// ("Viborg, Skive, Silkeborg (Favrskov udtrådt 30.6.2019)": Favrskov took part too).
fn cell_members(catalog: &Catalog, cell: &str) -> Option<Vec<String>> {
    if let Some(list) = parse_list(catalog, cell) {
        return Some(list);
    }
    let (list, aside) = cell.trim().strip_suffix(')')?.split_once(" (")?;
    let mut munis = parse_list(catalog, list)?;
    let l = aside.to_lowercase();
    if ["udtrådt", "trådt ud", "trådte ud", "ophørt"]
        .iter()
        .any(|w| l.contains(w))
    {
        munis.extend(
            crate::extract::municipalities::mentions(catalog, aside)
                .into_iter()
                .flat_map(|m| m.1),
        );
    }
    Some(munis)
}

/// The municipalities a `Kommuner:` line lists right above a table (within six
/// paragraphs, not past a numbered heading).
fn members_above(catalog: &Catalog, paras: &[Paragraph], table: usize) -> Option<Vec<String>> {
    paras[table.saturating_sub(6)..table]
        .iter()
        .rev()
        .take_while(|p| heading_depth(&p.text).is_none())
        .find_map(|p| deltagende(&p.text))
        .and_then(|list| parse_list(catalog, &PARENS.replace_all(list, "")))
        .filter(|m| m.len() >= 2)
}

/// `members` when a cell names all of them ("Alle fem kommuner", "Samtlige"), and as
/// many as it counts, if it counts them.
fn all_of(cell: &str, members: &[String]) -> Option<Vec<String>> {
    let c = ALL_MEMBERS.captures(cell.trim())?;
    let count = members_counted(&c).and_then(crate::extract::numbers::number_word);
    count
        .is_none_or(|n| n as usize == members.len())
        .then(|| members.to_vec())
}

/// A table's total row or column ("I alt", "Total", "Samlet"): no trial, no place.
pub fn is_total(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    // (… or the total of a group: "Netværket Sydfyn i alt".)
    l.starts_with("i alt")
        || l.ends_with(" i alt")
        || matches!(l.as_str(), "total" | "samlet" | "sum")
}

/// The document's own short name for a trial in parentheses after its name in a table's
/// cell: "Tværkommunal sygedagpengeopfølgning (opfølgningssamarbejdet)¹". One word in
/// the definite form, not a place.
fn nickname_in_cell<'c>(catalog: &Catalog, cell: &'c str) -> Option<&'c str> {
    let (_, rest) = cell.split_once(" (")?;
    let (inner, _) = rest.split_once(')')?;
    let inner = inner.trim();
    let definite = inner.ends_with("et") || inner.ends_with("en");
    (definite
        && !inner.contains(' ')
        && inner.chars().count() >= 6
        && inner.starts_with(char::is_lowercase)
        && catalog.municipality(inner).is_none())
    .then_some(inner)
}

/// The nearest non-empty cell of column `col` above row `i` in its table (the text of a
/// merged cell spanning down).
pub fn carried_cell(paras: &[Paragraph], i: usize, col: usize) -> Option<&str> {
    let start = paras.get(i)?.table_start?;
    paras
        .get(start + 1..i)?
        .iter()
        .rev()
        .find_map(|p| match &p.kind {
            Kind::TableRow(cells) => cells.get(col).map(|c| c.trim()).filter(|c| !c.is_empty()),
            _ => None,
        })
}

/// A cell that is a whole number ("64", "1.025").
fn is_count(cell: &str) -> bool {
    // (With what it counts: "46 borgere".)
    let c = cell.trim();
    let c = match c.split_once(' ') {
        Some((n, noun)) if noun.chars().all(char::is_alphabetic) => n,
        _ => c,
    };
    !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit() || ch == '.')
}

/// What a matrix cell says of taking part: yes (`x`, `Ja`, `✓`, `Fra 2020`), no (`Nej`,
/// empty, a dash, `Udtrådt`), or nothing (a number, a text: not a matrix of marks).
pub(super) fn mark(cell: &str) -> Option<bool> {
    static SINCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:fra|siden)\s+(?:\d{1,2}\.\s*\w+\s+)?(?:19|20)\d\d$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // (Without a footnote mark, "Søgt 4)", or a note of when, "Ja (fra 1.4.2019)".)
    static NOTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\s+\d{1,2}\)|\s+\((?:fra|siden|pr\.?|til)\s[^)]*\))+$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let c = cell.trim().trim_end_matches('.').to_lowercase();
    let c = NOTE.replace(&c, "").trim_end_matches('.').to_string();
    // "Ja – 3 landsbyer", "Ja, i Haslev": yes, and where or how much.
    if ["ja – ", "ja - ", "ja, ", "ja: "]
        .iter()
        .any(|p| c.starts_with(p))
    {
        return Some(true);
    }
    match c.as_str() {
        // "(X)": took part, then left (the legend says so); it did take part.
        "x" | "(x)" | "ja" | "✓" | "(✓)" | "✔" | "•" | "deltager" => Some(true),
        "" | "nej" | "-" | "–" | "—" | "udtrådt" | "ophørt" | "ikke" => Some(false),
        // Applied for, not yet taking part.
        "søgt" | "ansøgt" => Some(false),
        _ if SINCE.is_match(&c) => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_cells_mark_taking_part() {
        assert_eq!(mark("Ja"), Some(true));
        assert_eq!(mark("Fra 2020"), Some(true));
        assert_eq!(mark("Udtrådt"), Some(false));
        assert_eq!(mark("148"), None);
        assert_eq!(mark("Ja (fra 1.4.2019)"), Some(true));
        assert_eq!(mark("Ja – 3 landsbyer"), Some(true));
        assert_eq!(mark("Søgt 4)"), Some(false));
    }
}
