//! Table rows: each cell's figure, with the trial its row or column names and the
//! municipality of its row, its column or the table's caption.
//!
//! A row is read in three steps: what the table says once for all its rows (`Table`:
//! caption, corner, which columns hold labels, trials, units and places), what the row
//! says of itself (`Row`: its label, trial and municipality), and then each cell under
//! its column's header (`cell_figures`).

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
    let Some(Kind::TableRow(cells)) = paras.get(i).map(|p| &p.kind) else {
        return;
    };
    let Some(start) = paras[i].table_start.filter(|&start| start != i) else {
        return;
    };
    let Some(Kind::TableRow(header)) = paras.get(start).map(|p| &p.kind) else {
        return;
    };
    let table = Table::new(catalog, paras, start, header);
    let row = Row::new(catalog, discovery, paras, i, &table, cells, around.place);
    // A total row of a table of several trials sums them: it is none of them. (Under
    // one trial's heading the total is that trial's.)
    let section = around.trial.filter(|_| {
        !(trials::is_total(&row.label) && several_trials_above(catalog, discovery, paras, start, i))
    });
    label_figures(catalog, &row, section, paras[i].page, &paras[i].text, out);
    let columns = column_trials
        .entry(start)
        .or_insert_with(|| header_trials(catalog, discovery, header, table.areas));
    for (k, cell) in cells.iter().enumerate().skip(1 + row.label_column) {
        if Some(k) == table.trial_column {
            continue;
        }
        let column_trial = columns.get(k).cloned().flatten();
        let h = table.column_header(k, row.what, column_trial.is_some());
        let trial = row
            .trial
            .clone()
            .or_else(|| row.group_trial.clone())
            .or(column_trial)
            .or_else(|| row.caption_trial.clone())
            .or_else(|| section.map(String::from));
        // Beside columns of municipalities, one of an aggregate ("Klyngen",
        // "Landsgennemsnittet", "Hele landet") is whose the cells are too.
        let beside_places = table.place_columns >= 2 && is_aggregate(h);
        let whose_column = table.column_place(k).is_some() || beside_places;
        // (An aggregate's column is no one municipality's, whatever the caption names;
        // nor is a ledger's running balance, whatever entry brought it there.)
        let balance = h.trim().to_lowercase().starts_with("saldo");
        let place = (!balance)
            .then(|| row.municipality.clone())
            .flatten()
            .or_else(|| table.column_place(k))
            .or_else(|| {
                (!beside_places)
                    .then(|| row.caption_place.clone())
                    .flatten()
            });
        for q in cell_figures(catalog, cell, h, &row.label, &table.caption, whose_column) {
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

/// What a table says once for all its rows.
struct Table<'p> {
    header: &'p [String],
    /// The line above the table, with the unit its corner cell adds, or "".
    caption: String,
    /// The corner says the first column counts rows ("Nr. | Titel | …").
    numbers_column: bool,
    /// The rows are a budget's areas, target groups or staff roles, no trials.
    areas: bool,
    /// The column that names each row's trial ("Side | Tabel | Forsøg | …").
    trial_column: Option<usize>,
    /// The column that says what the row counts ("Opgørelse | …").
    what_column: Option<usize>,
    /// A ledger's column of what each entry is ("Tekst": "Bidrag 2020 Ærø Kommune").
    text_column: Option<usize>,
    /// How many columns are headed by a municipality.
    place_columns: usize,
    /// The one municipality the caption names.
    caption_place: Option<String>,
    catalog: &'p Catalog,
}

impl<'p> Table<'p> {
    fn new(catalog: &'p Catalog, paras: &[Paragraph], start: usize, header: &'p [String]) -> Self {
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
        let corner_word = corner.trim().trim_end_matches(['.', ':']).to_lowercase();
        let names_columns =
            ["år", "måned", "kvartal", "uge", "periode", "halvår"].contains(&corner_word.as_str());
        let caption = if !names_columns && figures::corner_states_more(corner, caption) {
            format!("{caption} ({corner})")
        } else {
            caption.to_string()
        };
        // (… or under a header that says so, "Nr. | Titel | …" over "4.02 | Attestforsøget …".)
        let numbers_column = matches!(
            corner.trim().trim_end_matches('.').to_lowercase().as_str(),
            "nr" | "pkt" | "løbenr"
        );
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
        let column = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
        };
        let trial_column = column(&[
            "forsøg",
            "forsøget",
            "frikommuneforsøg",
            "forsøgsnavn",
            "kort navn",
        ]);
        let what_column = column(&["opgørelse", "enhed", "måleenhed", "opgjort i"]);
        // (Not the rows' labels: "Specifikation | Estimat" of a model's variants.)
        let text_column = column(&["tekst", "posteringstekst", "beskrivelse"]).filter(|&k| k > 0);
        let caption_place = match municipalities::mentions(catalog, &caption).as_slice() {
            [(_, names)] if names.len() == 1 => names.first().cloned(),
            _ => None,
        };
        let mut table = Table {
            header,
            caption,
            numbers_column,
            areas,
            trial_column,
            what_column,
            text_column,
            place_columns: 0,
            caption_place,
            catalog,
        };
        table.place_columns = (0..header.len())
            .filter(|&k| table.column_place(k).is_some())
            .count();
        table
    }

    /// The municipality column `k` is headed by ("Kommune | Køge | Greve | Solrød").
    fn column_place(&self, k: usize) -> Option<String> {
        self.header
            .get(k)
            .and_then(|h| self.catalog.municipality(h.trim()))
            .map(String::from)
    }

    /// The header that says what the cells of column `k` count, for a row whose `what`
    /// cell may say it instead, under a column headed by a trial or not.
    fn column_header(&self, k: usize, what: Option<&'p str>, trial_column: bool) -> &'p str {
        let header = self.header;
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
        match what {
            // A column headed by a trial ("Mikrolån") says what the cells are about, not
            // what they count: the caption gives their unit. (… unless it gives none:
            // "LÆ 285-forsøget: sparede attester" counts attester.)
            _ if trial_column => match h.split_once(": ") {
                Some((_, counted)) if !figures::states_a_unit(&self.caption) => counted,
                _ => "",
            },
            Some(noun) if Some(k) != self.what_column && !figures::states_a_unit(h) => noun,
            _ => h,
        }
    }
}

/// What a row says of itself.
struct Row<'p> {
    /// The cell that labels the row (the second, after a column of row numbers).
    label: String,
    label_column: usize,
    /// The trial the row's label (or its "Forsøg" cell) names.
    trial: Option<String>,
    /// Else the trial of the nearest row above that only names one.
    group_trial: Option<String>,
    /// Else the one trial the caption names.
    caption_trial: Option<String>,
    /// The municipality of the row's label or of its "Kommune" cell.
    municipality: Option<String>,
    /// The place of cells no row or column places: the caption's, else the heading's.
    caption_place: Option<String>,
    /// The row's cell that says what it counts ("Sager", "Møder").
    what: Option<&'p str>,
}

impl<'p> Row<'p> {
    fn new(
        catalog: &Catalog,
        discovery: &trials::Discovery,
        paras: &'p [Paragraph],
        i: usize,
        table: &Table,
        cells: &'p [String],
        heading_place: Option<&str>,
    ) -> Self {
        let (label, label_column) = row_label(paras, i, table, cells);
        // The row's trial, by its label, else by the cell under a "Forsøg" header.
        let trial = if table.areas {
            strict_trial(catalog, discovery, &label)
        } else {
            label_trial(catalog, discovery, &label).or_else(|| {
                let cell = table.trial_column.filter(|&k| k > label_column)?;
                cells
                    .get(cell)
                    .and_then(|c| label_trial(catalog, discovery, c))
            })
        };
        // The row's municipality: its label, or the cell under a "Kommune" header (a merged
        // cell carries it down: "Trial | Gladsaxe | 212" / " | Furesø | 87").
        let municipality = catalog
            .municipality(&label)
            .map(String::from)
            .or_else(|| {
                let col = table
                    .header
                    .iter()
                    .position(|h| h.to_lowercase().contains("kommune"))?;
                let cell = cells.get(col).map(|c| c.trim()).filter(|c| !c.is_empty());
                // (A total row's empty cell sums the rows above: nothing carries down.)
                let carried = || {
                    (!trials::is_total(&label))
                        .then(|| trials::carried_cell(paras, i, col))
                        .flatten()
                };
                let cell = cell.or_else(carried)?;
                catalog.municipality(cell).map(String::from)
            })
            // … or the one municipality an entry's text names ("Viderefakt. Ærø Kommune 1.
            // kvt., 76 timer").
            .or_else(|| {
                let text = cells.get(table.text_column?)?;
                match municipalities::mentions(catalog, text).as_slice() {
                    [(_, names)] if names.len() == 1 => names.first().cloned(),
                    _ => None,
                }
            });
        let group_trial = trial
            .is_none()
            .then(|| group_trial(catalog, discovery, paras, table_start(paras, i), i))
            .flatten();
        // A caption that names one trial, by the catalogue or by the document's short name
        // ("Tabel B.1 Indsatsplanforsøget: antal opdateringer …"), says whose the cells are
        // where neither row nor column says.
        let caption_trial = (trial.is_none() && group_trial.is_none())
            .then(|| caption_trial(catalog, discovery, &table.caption))
            .flatten();
        // ("Tabel 1. Forsøg og antal borgere omfattet i Køge", "Samtaleforsøget,
        // Jobcenter Køge".)
        let caption_place = table
            .caption_place
            .clone()
            .or_else(|| heading_place.map(String::from));
        let what = table
            .what_column
            .and_then(|k| cells.get(k))
            .map(|c| c.trim());
        Row {
            label,
            label_column,
            trial,
            group_trial,
            caption_trial,
            municipality,
            caption_place,
            what,
        }
    }
}

fn table_start(paras: &[Paragraph], i: usize) -> usize {
    paras.get(i).and_then(|p| p.table_start).unwrap_or(i)
}

/// The cell that labels row `i`, and its column.
fn row_label(paras: &[Paragraph], i: usize, table: &Table, cells: &[String]) -> (String, usize) {
    let start = table_start(paras, i);
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
    let label_column = usize::from((numbered(label) || table.numbers_column) && cells.len() > 2);
    if label_column == 1 {
        label = cells[1].as_str();
    }
    // "Heraf afsluttet med job" counts what the row above it counts.
    if !label.trim().to_lowercase().starts_with("heraf") {
        return (label.to_string(), label_column);
    }
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
    let label = match above {
        // (A short label above names the noun itself: "Påbegyndte forløb".)
        Some(above) if above.split_whitespace().count() <= 3 && !figures::states_a_unit(label) => {
            above.to_string()
        }
        Some(above) => format!("{above} {label}"),
        None => label.to_string(),
    };
    (label, label_column)
}

/// Whether the rows above row `i` of the table from `start` name two trials or more.
fn several_trials_above(
    catalog: &Catalog,
    discovery: &trials::Discovery,
    paras: &[Paragraph],
    start: usize,
    i: usize,
) -> bool {
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
}

/// The trial a row's label or a column's header names; in a table of municipalities by
/// trials, the column's ("Kommune | LÆ 265 | Kontaktforløb | …").
fn label_trial(catalog: &Catalog, discovery: &trials::Discovery, label: &str) -> Option<String> {
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
}

/// A trial's own name or short name only (for a table of areas, not trials).
fn strict_trial(catalog: &Catalog, discovery: &trials::Discovery, label: &str) -> Option<String> {
    catalog
        .trial(label)
        .or_else(|| discovery.trial_of_short_name(label.trim()))
        .map(String::from)
}

/// Rows grouped under a row that only names a trial ("Psykologforsøget | | | |" over
/// "Sygemeldte henvist til psykolog | 184 | 71 | …"): the nearest such row above `i`.
fn group_trial(
    catalog: &Catalog,
    discovery: &trials::Discovery,
    paras: &[Paragraph],
    start: usize,
    i: usize,
) -> Option<String> {
    paras
        .get(start + 1..i)
        .unwrap_or_default()
        .iter()
        .rev()
        .find_map(|p| match &p.kind {
            Kind::TableRow(c) if c.iter().skip(1).all(|cell| cell.trim().is_empty()) => {
                c.first().and_then(|l| label_trial(catalog, discovery, l))
            }
            _ => None,
        })
}

/// The trial each column of the header names (none for a column that is a measure).
fn header_trials(
    catalog: &Catalog,
    discovery: &trials::Discovery,
    header: &[String],
    areas: bool,
) -> Vec<Option<String>> {
    header
        .iter()
        .map(|h| match () {
            _ if is_measure(catalog, h) => None,
            _ if areas => strict_trial(catalog, discovery, h),
            _ => label_trial(catalog, discovery, h),
        })
        .collect()
}

/// A column header that counts something, whatever trial's words it shares: words that
/// count over a period ("Bevilgede revalideringer 2018-2020"), or a participle's things
/// ("Bevilgede revalideringer", "Afsluttede forløb") unless that is a trial's own name
/// ("Lempede mentorregler").
fn is_measure(catalog: &Catalog, h: &str) -> bool {
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
}

/// A column of an aggregate of places (the cluster, the country's average, the total).
/// (Not a column of the trial's round or start beside municipalities.)
fn is_aggregate(h: &str) -> bool {
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
}

/// Figures a row's label states of its own ("Projektleder, 0,8 årsværk inkl.
/// overhead", "Iværksætterkursus (2 hold)"), of the section's trial.
/// (A trial's name with a number in it is no figure: "Ledighedsydelse – … i 12. måned
/// inden for 18 måneder".)
fn label_figures(
    catalog: &Catalog,
    row: &Row,
    section: Option<&str>,
    page: u32,
    text: &str,
    out: &mut Vec<Figure>,
) {
    let label = row.label.as_str();
    let names_a_trial = row.trial.is_some() || !trials::mentions(catalog, label).is_empty();
    if label.split_whitespace().count() < 2 || !label.contains(char::is_numeric) || names_a_trial {
        return;
    }
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
            section.map(String::from),
            row.municipality.clone(),
            page,
            text.to_string(),
        ));
    }
}

/// The quantities of one cell under the header `h`.
fn cell_figures(
    catalog: &Catalog,
    cell: &str,
    h: &str,
    label: &str,
    caption: &str,
    whose_column: bool,
) -> Vec<figures::Quantity> {
    // A range in one cell ("-1,0 til 9,2" under "Konfidensinterval"): both bounds.
    if let Some((low, high)) = figures::range_bounds(cell) {
        return [low, high]
            .into_iter()
            .filter_map(|b| figures::table_cell(b, h, label, caption, whose_column))
            .map(|mut q| {
                q.qualifier = Some("mellem".to_string());
                q
            })
            .collect();
    }
    match figures::table_cell(cell, h, label, caption, whose_column) {
        Some(q) => vec![q],
        // A cell written as a sentence ("Mindst 60 % er raskmeldt 16 uger efter
        // start") is read as one.
        // (… or as a number with its noun: "412 forløb", "6,5 timer"; and the count of
        // who takes part, spelled out: "Alle fem kommuner".)
        None if cell.split_whitespace().count() >= 2
            && (cell.contains(char::is_numeric) || counts_municipalities(cell)) =>
        {
            figures::scan(catalog, cell, &[], &mut figures::Context::default())
        }
        None => Vec::new(),
    }
}
/// "Alle fem kommuner", "De tre kommuner": a cell that counts the municipalities in words.
fn counts_municipalities(cell: &str) -> bool {
    let words: Vec<String> = cell.split_whitespace().map(str::to_lowercase).collect();
    words.windows(2).any(|w| {
        crate::extract::numbers::number_word(&w[0]).is_some() && w[1].starts_with("kommune")
    })
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
