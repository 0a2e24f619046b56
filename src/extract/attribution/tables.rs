//! Table rows: each cell's figure, with the trial its row or column names and the
//! municipality of its row, its column or the table's caption.

use super::{figure, states_unit, trial_of_label};
use crate::extract::structure::{Kind, Paragraph};
use crate::extract::words::hyphenated_words;
use crate::extract::{figures, municipalities, trials, Catalog, Figure};
use std::collections::HashMap;

/// Where a table stands: the trial of its section, the place of the heading above it.
pub(super) struct Around<'a> {
    pub trial: Option<&'a str>,
    pub place: Option<&'a str>,
}

/// The figures of the table row `paras[i]` (none for the header row), added to `out`.
/// `column_trials` keeps the trial each table's columns are headed by, worked out once
/// per table (keyed by the table's first row).
pub(super) fn row_figures(
    catalog: &Catalog,
    paras: &[Paragraph],
    i: usize,
    around: Around,
    discovery: &trials::Discovery,
    column_trials: &mut HashMap<usize, Vec<Option<String>>>,
    out: &mut Vec<Figure>,
) {
    let Kind::TableRow(cells) = &paras[i].kind else {
        return;
    };
    let (section, heading_place) = (around.trial, around.place);
    let Some(start) = paras[i].table_start else {
        return;
    };
    if start == i {
        return;
    }
    let Some(Kind::TableRow(header)) = paras.get(start).map(|p| &p.kind) else {
        return;
    };
    // The line above the table, if it can be its caption (which a page break may part
    // from the table): not the tail of a sentence ("var i job et halvt år …" under a
    // slide's big number).
    let caption = start
        .checked_sub(1)
        .and_then(|k| paras.get(k))
        .filter(|p| !matches!(p.kind, Kind::TableRow(_)))
        .filter(|p| !p.text.starts_with(char::is_lowercase))
        .map(|p| p.text.as_str())
        .unwrap_or("");
    // The corner cell may state the table's unit as a caption does ("1.000 kr.,
    // 2020-priser | 2020 | 2021").
    // (A lone period word names what the columns are: "År | 2018 | 2019".)
    let corner = header.first().map(String::as_str).unwrap_or("");
    let names_columns = ["år", "måned", "kvartal", "uge", "periode", "halvår"].contains(
        &corner
            .trim()
            .trim_end_matches(['.', ':'])
            .to_lowercase()
            .as_str(),
    );
    let with_corner;
    let caption = if !names_columns && figures::corner_states_more(corner, caption) {
        with_corner = format!("{caption} ({corner})");
        with_corner.as_str()
    } else {
        caption
    };
    let mut label = figures::without_row_code(cells.first().map(String::as_str).unwrap_or(""));
    // A merged first cell comes out empty below its first row: its trial goes on.
    if label.trim().is_empty() && cells.len() > 1 {
        label = trials::carried_cell(paras, i, 0).unwrap_or(label);
    }
    // A first column of row numbers ("Nr. | Forsøg | …"): the next cell labels the row.
    // (Not a year: "2019 | 402 | 436.170".)
    let numbered = |c: &str| {
        c.trim()
            .trim_end_matches(['.', ')'])
            .parse::<u32>()
            .is_ok_and(|n| n < 1000)
    };
    // (… or under a header that says so, "Nr. | Titel | …" over "4.02 | Attestforsøget …".)
    let numbers_column = matches!(
        corner.trim().trim_end_matches('.').to_lowercase().as_str(),
        "nr" | "pkt" | "løbenr"
    );
    let label_column = usize::from((numbered(label) || numbers_column) && cells.len() > 2);
    if label_column == 1 {
        label = cells[1].as_str();
    }
    // "Heraf afsluttet med job" counts what the row above it counts.
    let heraf_row;
    if label.trim().to_lowercase().starts_with("heraf") {
        // (The nearest row above that is no "Heraf" row itself: "Ledige startet i
        // behandling" over "Heraf gennemført behandling" and "Heraf i job …".)
        let above = paras
            .get(start + 1..i)
            .unwrap_or_default()
            .iter()
            .rev()
            .find_map(|p| match &p.kind {
                Kind::TableRow(c) => c
                    .get(label_column)
                    .filter(|l| !l.trim().to_lowercase().starts_with("heraf")),
                _ => None,
            });
        if let Some(above) = above {
            // (A short label above names the noun itself: "Påbegyndte forløb".)
            heraf_row = if above.split_whitespace().count() <= 3 && !figures::states_a_unit(label) {
                above.to_string()
            } else {
                format!("{above} {label}")
            };
            label = heraf_row.as_str();
        }
    }
    // A total row of a table of several trials sums them: it is none of them. (Under
    // one trial's heading the total is that trial's.)
    // (Looked at only for a total row: it reads every row above with the catalogue.)
    let several = || {
        paras
            .get(start + 1..i)
            .unwrap_or_default()
            .iter()
            .filter(|p| match &p.kind {
                Kind::TableRow(c) => c.first().is_some_and(|l| {
                    catalog.trial(l).is_some()
                        || trials::short_name_stem(l).is_some()
                        || discovery.trial_of_label(l).is_some()
                }),
                _ => false,
            })
            .count()
            >= 2
    };
    let section = section.filter(|_| !(trials::is_total(label) && several()));
    // The row's trial, by its label; in a table of municipalities by trials, the
    // column's ("Kommune | LÆ 265 | Kontaktforløb | …").
    let trial_of = |label: &str| {
        let whole = label;
        // "Psykologbehandling (netto)", "Mikrolån (delvis godkendelse)".
        let label = match figures::parenthesized_tail(label) {
            Some((name, _)) if name.split_whitespace().count() >= 1 => name,
            _ => label,
        };
        let by_label = |label: &str| trial_of_label(catalog, discovery, label);
        // "Psykologforsøget: udgifter", "Arbejdspladsafklaring: sparede sygedagpenge",
        // "Psykologbehandling, udgift til psykologer".
        // (… or "Attestforsøget – budgettet til lægeattester tilpasses".)
        let named_first = label
            .split_once(':')
            .or_else(|| label.split_once(','))
            .or_else(|| label.split_once(" – "))
            .filter(|(name, _)| name.split_whitespace().count() <= 4);
        // "Sparede lægeattester (attestforsøget)": what the row counts, then its trial.
        let short_in_parens = whole
            .trim_end()
            .strip_suffix(')')
            .and_then(|l| l.rsplit_once('('))
            .map(|(_, short)| short.trim())
            .filter(|short| !short.contains(' '));
        by_label(label)
            .or_else(|| named_first.and_then(|(name, _)| by_label(name)))
            .or_else(|| short_in_parens.and_then(|short| discovery.trial_of_short_name(short)))
            .map(String::from)
    };
    // A column that says what the row counts ("Opgørelse | … " with "Sager", "Møder").
    let what_column = header.iter().position(|h| {
        let l = h.trim().to_lowercase();
        ["opgørelse", "enhed", "måleenhed", "opgjort i"].contains(&l.as_str())
    });
    let what = what_column.and_then(|k| cells.get(k)).map(|c| c.trim());
    // Rows of a budget's areas ("Område | Korrigeret budget | …": "Hjemmepleje",
    // "Hjælpemidler"), of a job centre's target groups ("Målgruppe | …":
    // "Ledighedsydelse", "Sygedagpengemodtagere") or of staff by role ("Rolle | …":
    // "Rehabiliteringskoordinatorer") are no trials, whatever word of a
    // trial's name they share, and nor are their columns ("Ledighed (%)"); only a
    // trial's own name or short name makes one ("Rengøringsforsøget").
    let areas = [
        "område",
        "politikområde",
        "bevillingsområde",
        "delområde",
        "udvalg",
        "konto",
        "målgruppe",
        "målgrupper",
        "ydelse",
        "ydelsesgruppe",
        "rolle",
        "funktion",
        "faggruppe",
        "stilling",
    ]
    .contains(&corner.trim().to_lowercase().as_str());
    let strict = |label: &str| {
        catalog
            .trial(label)
            .or_else(|| discovery.trial_of_short_name(label.trim()))
            .map(String::from)
    };
    // … else the cell under a "Forsøg" header ("Side | Tabel | Forsøg | Kommune | …").
    let trial_column = header.iter().position(|h| {
        let l = h.trim().to_lowercase();
        [
            "forsøg",
            "forsøget",
            "frikommuneforsøg",
            "forsøgsnavn",
            "kort navn",
        ]
        .contains(&l.as_str())
    });
    let row_trial = if areas {
        strict(label)
    } else {
        trial_of(label).or_else(|| {
            let cell = trial_column.filter(|&k| k > label_column)?;
            cells.get(cell).and_then(|c| trial_of(c))
        })
    };
    // The row's municipality: its label, or the cell under a "Kommune" header (a merged
    // cell carries it down: "Trial | Gladsaxe | 212" / " | Furesø | 87").
    let municipality = catalog.municipality(label).map(String::from).or_else(|| {
        let col = header
            .iter()
            .position(|h| h.to_lowercase().contains("kommune"))?;
        let cell = cells.get(col).map(|c| c.trim()).filter(|c| !c.is_empty());
        let cell = cell.or_else(|| trials::carried_cell(paras, i, col))?;
        catalog.municipality(cell).map(String::from)
    });
    // Else the column's ("Kommune | Køge | Greve | Solrød"), else the one the caption
    // names ("Tabel 1. Forsøg og antal borgere omfattet i Køge", "Samtaleforsøget,
    // Jobcenter Køge").
    let column_place = |k: usize| {
        header
            .get(k)
            .and_then(|h| catalog.municipality(h.trim()))
            .map(String::from)
    };
    let place_columns = (0..header.len())
        .filter(|&k| column_place(k).is_some())
        .count();
    let caption_place = match municipalities::mentions(catalog, caption).as_slice() {
        [(_, names)] if names.len() == 1 => names.first().cloned(),
        _ => None,
    };
    // Rows grouped under a row that only names a trial ("Psykologforsøget | | | |" over
    // "Sygemeldte henvist til psykolog | 184 | 71 | …"): the nearest such row above.
    let group_trial = || {
        paras
            .get(start + 1..i)
            .unwrap_or_default()
            .iter()
            .rev()
            .find_map(|p| match &p.kind {
                Kind::TableRow(c) if c.iter().skip(1).all(|cell| cell.trim().is_empty()) => {
                    c.first().and_then(|l| trial_of(l))
                }
                _ => None,
            })
    };
    let group_trial = row_trial.is_none().then(group_trial).flatten();
    // A caption that names one trial, by the catalogue or by the document's short name
    // ("Tabel B.1 Indsatsplanforsøget: antal opdateringer …"), says whose the cells are
    // where neither row nor column says.
    let caption_trial = (row_trial.is_none() && group_trial.is_none())
        .then(|| caption_trial(catalog, discovery, caption))
        .flatten();
    // A row label may state a figure of its own ("Projektleder, 0,8 årsværk inkl.
    // overhead", "Iværksætterkursus (2 hold)").
    // (A trial's name with a number in it is no figure: "Ledighedsydelse – … i 12. måned
    // inden for 18 måneder".)
    let names_a_trial = row_trial.is_some() || !trials::mentions(catalog, label).is_empty();
    if label.split_whitespace().count() >= 2 && label.contains(char::is_numeric) && !names_a_trial {
        let trial = section.map(String::from);
        for q in figures::scan(catalog, label, &[], &mut figures::Context::default()) {
            // ("Sparede udgifter i alt (1.000 kr.)" states the row's unit.)
            if label
                .find(&q.raw)
                .is_some_and(|at| states_unit(label, at, &q.raw))
            {
                continue;
            }
            out.push(figure(
                q,
                trial.clone(),
                municipality.clone(),
                paras[i].page,
                paras[i].text.clone(),
            ));
        }
    }
    // A column headed by a trial ("Mikrolån") says what the cells are about, not what
    // they count: the caption gives their unit. (Words that count over a period are a
    // measure, whatever trial's words they share: "Bevilgede revalideringer 2018-2020".)
    // (… and so are a participle's things, "Bevilgede revalideringer", "Afsluttede
    // forløb", unless that is a trial's own name: "Lempede mentorregler".)
    let measure = |h: &str| {
        let counted = |what: &str| {
            let words: Vec<String> = what.split_whitespace().map(str::to_lowercase).collect();
            match words.as_slice() {
                [participle, _] => {
                    (participle.ends_with("ede") || participle.ends_with("te"))
                        && catalog.trial_exact(what).is_none()
                }
                _ => false,
            }
        };
        figures::before_period(h).is_some_and(|what| what.split_whitespace().count() >= 2)
            || counted(h.trim())
    };
    let columns = column_trials.entry(start).or_insert_with(|| {
        header
            .iter()
            .map(|h| match () {
                _ if measure(h) => None,
                _ if areas => strict(h),
                _ => trial_of(h),
            })
            .collect()
    });
    for (k, cell) in cells.iter().enumerate().skip(1 + label_column) {
        if Some(k) == trial_column {
            continue;
        }
        let h = header.get(k).map(String::as_str).unwrap_or("");
        // "Heraf telefonisk" counts what the column before it counts ("Mentorforløb |
        // Heraf i job eller uddannelse"), unless it states a unit of its own ("Heraf
        // aktivitetsparate (%)").
        let h = match (h.to_lowercase().starts_with("heraf"), k.checked_sub(1)) {
            (true, Some(prev)) if !figures::states_a_unit(h) => {
                header.get(prev).map_or(h, String::as_str)
            }
            _ => h,
        };
        // "N", the number of cases a share is worked out on, counts what the table's
        // count column counts ("Antal forløb | Andel i job (%) | N"), else what its
        // caption names; never the share's per cent.
        let h = match h.trim() {
            "N" | "n" => header
                .iter()
                .find(|c| c.trim().to_lowercase().starts_with("antal "))
                .map_or("Antal", String::as_str),
            _ => h,
        };
        let column_trial = columns.get(k).cloned().flatten();
        let h = match what {
            // (… unless it gives none: "LÆ 285-forsøget: sparede attester" counts attester.)
            _ if column_trial.is_some() => match h.split_once(": ") {
                Some((_, counted)) if !figures::states_a_unit(caption) => counted,
                _ => "",
            },
            Some(noun) if Some(k) != what_column && !figures::states_a_unit(h) => noun,
            _ => h,
        };
        let trial = row_trial
            .clone()
            .or_else(|| group_trial.clone())
            .or(column_trial)
            .or_else(|| caption_trial.clone())
            .or_else(|| section.map(String::from));
        // Beside columns of municipalities, one of an aggregate ("Klyngen",
        // "Landsgennemsnittet", "Hele landet") is whose the cells are too.
        // (Not a column of the trial's round or start beside them.)
        let beside_places = place_columns >= 2 && {
            let l = h.to_lowercase();
            [
                "klynge",
                "gennemsnit",
                "landet",
                "landsplan",
                "i alt",
                "total",
                "netværk",
                "region",
            ]
            .iter()
            .any(|w| l.contains(w))
        };
        let whose_column = column_place(k).is_some() || beside_places;
        // A range in one cell ("-1,0 til 9,2" under "Konfidensinterval"): both bounds.
        let bounds = figures::range_bounds(cell).map(|(low, high)| {
            [low, high]
                .into_iter()
                .filter_map(|b| figures::table_cell(b, h, label, caption, whose_column))
                .map(|mut q| {
                    q.qualifier = Some("mellem".to_string());
                    q
                })
                .collect::<Vec<_>>()
        });
        let found = match figures::table_cell(cell, h, label, caption, whose_column) {
            _ if bounds.is_some() => bounds.unwrap_or_default(),
            Some(q) => vec![q],
            // A cell written as a sentence ("Mindst 60 % er raskmeldt 16 uger efter
            // start") is read as one.
            // (… or as a number with its noun: "412 forløb", "6,5 timer".)
            None if cell.split_whitespace().count() >= 2 && cell.contains(char::is_numeric) => {
                figures::scan(catalog, cell, &[], &mut figures::Context::default())
            }
            None => Vec::new(),
        };
        // (An aggregate's column is no one municipality's, whatever the caption names.)
        let place = municipality
            .clone()
            .or_else(|| column_place(k))
            .or_else(|| {
                (!beside_places)
                    .then(|| {
                        caption_place
                            .clone()
                            .or_else(|| heading_place.map(String::from))
                    })
                    .flatten()
            });
        for q in found {
            out.push(figure(
                q,
                trial.clone(),
                place.clone(),
                paras[i].page,
                paras[i].text.clone(),
            ));
        }
    }
}

/// The one trial a table's caption names, by the catalogue or by the document's short
/// name ("Tabel B.1 Indsatsplanforsøget: antal opdateringer …").
pub(super) fn caption_trial(
    catalog: &Catalog,
    discovery: &trials::Discovery,
    caption: &str,
) -> Option<String> {
    let mut named: Vec<String> = trials::mentions(catalog, caption)
        .into_iter()
        .map(|m| m.name)
        .chain(
            hyphenated_words(&caption.to_lowercase())
                .filter_map(|w| discovery.trial_of_short_name(w).map(String::from)),
        )
        .collect();
    named.sort();
    named.dedup();
    match named.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}
