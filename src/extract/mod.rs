//! The `extract` stage: page texts (the [`crate::text`] format) to the records of
//! `records.md`: document metadata, trials with their municipalities, figures and
//! decisions. Does no I/O besides loading data files, so it is what snapshot tests cover.
//!
//! The steps: [`structure`] splits pages into typed paragraphs; [`trials`] finds trials
//! and the sections they head; [`figures`] reads quantities sentence by sentence with
//! the Danish number grammar of [`numbers`]; [`decisions`] and [`meta`] read minutes and
//! metadata; [`score`] compares records with gold.

pub mod catalog;
pub mod decisions;
pub mod document;
pub mod figures;
pub mod meta;
pub mod municipalities;
pub mod numbers;
pub mod score;
pub mod structure;
pub mod trials;
pub mod votes;

pub use catalog::Catalog;
pub use document::{Decision, Document, DocumentKind, Figure, Trial, SCHEMA};

use crate::text::DocumentText;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use structure::{Kind, Paragraph};

/// Words for several trials at once.
static SEVERAL_TRIALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:forsøgene|begge forsøg|alle forsøg|(?:de )?(?:to|tre|fire|fem|seks|syv|otte|\d+) (?:frikommune)?forsøg)\b")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// A number alone on its line, with at most a qualifier.
/// The number of a section at the start of its heading: "2.3 ", "4.1.2 ".
static SECTION_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s").unwrap_or_else(|e| panic!("{e}"))
});

static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:ca\.|cirka|knap|godt|over|under|næsten|mindst)\s+)?\d+(?:[.,]\d+)*$")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// Extracts the records of one document from its page texts.
pub fn extract(text: &DocumentText, catalog: &Catalog) -> Document {
    let paras = structure::paragraphs(text);
    let furniture: Vec<String> = text
        .pages
        .iter()
        .flat_map(|p| p.furniture.iter().cloned())
        .collect();
    let items = decisions::agenda_items(&paras);
    let body = meta::body(&paras, &furniture);
    // An extract of one agenda item ("6. Prioritering af midler ...") is titled by it
    // when no heading gives a title, or only the body's name does (the masthead of
    // minutes with one item: "Byrådet" over "142. Frikommuneforsøg II – status …").
    let title = match (meta::title(&paras, &furniture), items.as_slice()) {
        (None, [only]) => only.title.clone(),
        (Some(t), [only]) if body.as_deref() == Some(t.as_str()) => only.title.clone().or(Some(t)),
        (title, _) => title,
    };
    let kind = meta::kind(&paras, title.as_deref());
    let discovery = trials::discover(catalog, &paras, &items);
    let figures = find_figures(catalog, &paras, &items, &discovery);
    Document {
        schema: SCHEMA.to_string(),
        source: text.source.clone(),
        sha256: text.sha256.clone(),
        pages: text.pages.len() as u32,
        kind,
        title,
        date: meta::date(&paras, &furniture),
        body,
        case_numbers: meta::case_numbers(&paras, &furniture),
        trials: discovery.trials,
        figures,
        decisions: decisions::decisions(&paras, &items),
    }
}

/// A chart's caption: "Figur 3.2 …", "Diagram 1 …".
static CHART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Figur|Diagram)\s+\d").unwrap_or_else(|e| panic!("{e}")));

/// One data line of a chart, "Bornholm 74": the label's figure in the caption's unit.
fn chart_point(
    catalog: &Catalog,
    caption: &str,
    p: &Paragraph,
    trial: Option<String>,
) -> Option<Figure> {
    static POINT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\p{Lu}[\p{L}\- ]{1,40}?)\s+(\d+(?:,\d+)?\s*(?:%|pct\.?)?)$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let c = POINT.captures(p.text.trim())?;
    let (label, value) = (c.get(1)?.as_str(), c.get(2)?.as_str());
    let q = figures::table_cell(value, "", label, caption, false)?;
    let place = catalog.municipality(label).map(String::from);
    Some(figure(q, trial, place, p.page, p.text.clone()))
}

/// A chart whose category labels and data labels come out as two runs of lines (a
/// slide's bar chart: "Samtaler" / "Rehabiliteringsteams" / … then "5.480" / "1.640" /
/// …): the numbers from `i` on pair with as many labels right before them, in the unit
/// of the caption above the labels ("Timer pr. forsøg"). Three pairs or more, on one
/// page; `None` when no such chart's data start at `i`.
fn chart_columns(
    catalog: &Catalog,
    paras: &[Paragraph],
    i: usize,
    discovery: &trials::Discovery,
    section: Option<&str>,
) -> Option<Vec<Figure>> {
    let page = paras.get(i)?.page;
    let bare = |p: &Paragraph| p.page == page && BARE_NUMBER.is_match(p.text.trim());
    // (Asked of every paragraph: most are no number, and the run must start at `i`.)
    let k = paras[i..].iter().take_while(|p| bare(p)).count();
    if k < 3
        || i.checked_sub(1)
            .and_then(|k| paras.get(k))
            .is_some_and(bare)
    {
        return None;
    }
    let caption = paras.get(i.checked_sub(k + 1)?)?;
    let labels = &paras[i - k..i];
    let is_label = |p: &Paragraph| {
        p.page == page
            && !p.text.contains(char::is_numeric)
            && p.text.split_whitespace().count() <= 4
            && !p.text.ends_with([':', '.'])
    };
    if caption.page != page || !labels.iter().all(is_label) {
        return None;
    }
    let values = &paras[i..i + k];
    // (A bar's label may be a short name the text has not used: "Psykologforsøget".)
    let trial_of = |label: &str| {
        trial_of_label(catalog, discovery, label).or_else(|| {
            trials::short_name_stem(label).and_then(|stem| catalog.trial_of_stem(&stem))
        })
    };
    // Bars by trial: a label that names none is no trial of the section's.
    let by_trial = labels.iter().any(|l| trial_of(l.text.trim()).is_some());
    let out = labels
        .iter()
        .zip(values)
        .filter_map(|(label, value)| {
            let label = label.text.trim();
            let q = figures::table_cell(value.text.trim(), &caption.text, label, "", false)?;
            let trial = trial_of(label)
                .or(section.filter(|_| !by_trial))
                .map(String::from);
            let place = catalog.municipality(label).map(String::from);
            Some(figure(
                q,
                trial,
                place,
                page,
                format!("{label} {}", value.text.trim()),
            ))
        })
        .collect::<Vec<_>>();
    (out.len() == k).then_some(out)
}

/// The trial a table's or chart's label names: catalogued, one of the document's by its
/// words, or by its short name.
fn trial_of_label<'a>(
    catalog: &'a Catalog,
    discovery: &'a trials::Discovery,
    label: &str,
) -> Option<&'a str> {
    catalog
        .trial(label)
        .or_else(|| discovery.trial_of_label(label))
        .or_else(|| discovery.trial_of_short_name(label.trim()))
}

/// The municipality a heading is about: its name alone ("Gribskov", "Gribskov Kommune")
/// or before a dash ("Gribskov – status").
fn place_of_heading(catalog: &Catalog, text: &str) -> Option<String> {
    let head = text.split_once(" – ").map_or(text, |(head, _)| head);
    catalog.municipality(head.trim()).map(String::from)
}

/// Lines that hold no figures of their own: decisions and votes, participant lists.
fn skip_line(p: &Paragraph) -> bool {
    let l = p.text.to_lowercase();
    is_decision_label(&p.text)
        || [
            "for stemte",
            "imod stemte",
            "undlod",
            "deltagende kommune",
            "fraværende",
        ]
        .iter()
        .any(|w| l.starts_with(w))
}

/// `Beslutning: …`, `Beslutning i udvalget den …: …` with its text on the same line.
fn is_decision_label(text: &str) -> bool {
    decisions::is_decision_head(text) && text.contains(':')
}

fn find_figures(
    catalog: &Catalog,
    paras: &[Paragraph],
    items: &[decisions::AgendaItem],
    discovery: &trials::Discovery,
) -> Vec<Figure> {
    let items: HashSet<usize> = items.iter().map(|it| it.para).collect();
    let mut out = Vec::new();
    let mut ctx = figures::Context::default();
    // The document's footnote marks, to know its footnotes by the number they open with.
    let marks: HashSet<u32> = paras
        .iter()
        .flat_map(|p| footnote_marks(&p.text))
        .map(|(_, n)| n)
        .collect();
    let mut in_decision = false;
    let unknown: Vec<&str> = discovery
        .trials
        .iter()
        .filter(|t| catalog.trial_exact(&t.name).is_none())
        .map(|t| t.name.as_str())
        .collect();
    // The document's own names for its trials, in lower case: names the catalog does not
    // know (two words or more, found anywhere in a text) and the short names it gives in
    // parentheses ("FLEX-forsøget", found as whole words).
    // (Also the first two words of a longer name, when they are long enough to tell it and
    // no other name of the document begins so: "tidlig arbejdspladsafklaring" for "Tidlig
    // arbejdspladsafklaring for sygemeldte".)
    let opening = |n: &str| -> Option<String> {
        let words: Vec<String> = n
            .to_lowercase()
            .split_whitespace()
            .map(String::from)
            .collect();
        let two = words.get(..2)?.join(" ");
        (words.len() >= 3 && two.chars().count() >= 15).then_some(two)
    };
    let openings: Vec<(String, &str)> = unknown
        .iter()
        .filter_map(|n| opening(n).map(|o| (o, *n)))
        .collect();
    let own_names: Vec<(String, &str, bool)> = unknown
        .iter()
        .filter(|n| n.split_whitespace().count() >= 2)
        .map(|n| (n.to_lowercase(), *n, false))
        .chain(
            openings
                .iter()
                .filter(|(o, _)| openings.iter().filter(|(p, _)| p == o).count() == 1)
                .map(|(o, n)| (o.clone(), *n, true)),
        )
        .chain(
            discovery
                .aliases
                .iter()
                .map(|(a, n)| (a.to_lowercase(), n.as_str(), true)),
        )
        .collect();
    // … and any other short name of one of its trials ("Psykologforsøget forventes at
    // koste …").
    let own_named = |low: &str| -> Vec<&str> {
        own_names
            .iter()
            .filter(|(name, _, whole)| {
                if *whole {
                    has_word(low, name)
                } else {
                    low.contains(name.as_str())
                }
            })
            .map(|(_, trial, _)| *trial)
            .chain(
                low.split(|c: char| !c.is_alphanumeric() && c != '-')
                    .filter_map(|w| discovery.trial_of_short_name(w)),
            )
            .collect()
    };
    // The trial the paragraphs under the current heading are about, from the first of
    // them that names one (a newsletter's story under a headline).
    let mut heading_topic: Option<String> = None;
    // The current heading is a document-level one ("Økonomi", "Metode og økonomi"): a
    // paragraph naming a trial there does not make the next ones about it.
    let mut general_heading = false;
    // Questions and answers (a web page's FAQ, an interview): the trial the last question
    // or answer was about. A question that names none follows up on it ("Hvordan er det
    // gået med samtalerne?" after an answer about the samtaleforsøg).
    let mut question_topic: Option<String> = None;
    let mut in_questions = false;
    // The caption of a chart whose data the text gives a line each ("Figur 3.2 Andel
    // gennemførte forløb … Pct." over "Bornholm 74").
    let mut chart: Option<&str> = None;
    // The end of the data lines of a chart read as two runs (see `chart_columns`).
    let mut chart_end = 0;
    // The municipality the current heading is about (see `place_of_heading`).
    let mut heading_place: Option<String> = None;
    // The trial each column of a table is headed by, worked out once per table.
    let mut column_trials: HashMap<usize, Vec<Option<String>>> = HashMap::new();
    for (i, p) in paras.iter().enumerate() {
        // The trial the paragraph is about by where it stands (see `trials::discover`).
        let section = discovery.context.get(i).cloned().flatten();
        // An agenda item's title: a new item, out of the last one's decision.
        if items.contains(&i) {
            in_decision = false;
            continue;
        }
        match &p.kind {
            Kind::Heading => {
                // A "Beslutning" heading: the paragraphs below it are the decision (its
                // vote counts are not figures).
                in_decision = decisions::is_decision_head(&p.text);
                ctx = figures::Context::default();
                // A municipality's heading ("Gribskov – status") is the place of what
                // follows, through the trials' sub-headings under it, up to a heading
                // about something else.
                match place_of_heading(catalog, &p.text) {
                    Some(place) => heading_place = Some(place),
                    None if section.is_none() || trials::ends_section(&p.text) => {
                        heading_place = None;
                    }
                    None => {}
                }
                heading_topic = None;
                question_topic = None;
                in_questions = false;
                general_heading = trials::ends_section(&p.text);
                // A heading may state a figure ("Godkendte forsøg i de 11 kommuner").
            }
            // A numbered section's heading ("1. Resumé", "6. Forventede effekter"): what
            // a paragraph under the last one was about does not carry over.
            Kind::Numbered(_) if is_numbered_heading(&p.text) => {
                heading_topic = None;
                question_topic = None;
                in_questions = false;
                general_heading = trials::ends_section(&p.text);
            }
            Kind::TableRow(_) => {
                table_figures(
                    catalog,
                    paras,
                    i,
                    section.as_deref(),
                    discovery,
                    &mut column_trials,
                    &mut out,
                );
                continue;
            }
            _ => {}
        }
        if is_decision_label(&p.text) {
            in_decision = true;
        }
        if trials::closes_section(p) && !discovery.items.contains(&i) {
            heading_topic = None;
            general_heading = true;
        }
        // A list item that names a trial opens its section: what came before is not
        // carried over.
        if discovery.item_names.contains_key(&i) || discovery.referred.contains_key(&i) {
            ctx = figures::Context::default();
        }
        if let Some(caption) = chart.filter(|_| p.page == paras[i.saturating_sub(1)].page) {
            if let Some(f) = chart_point(catalog, caption, p, section.clone()) {
                out.push(f);
                continue;
            }
        }
        chart = CHART.is_match(&p.text).then_some(p.text.as_str());
        if in_decision || discovery.items.contains(&i) || skip_line(p) || i < chart_end {
            continue;
        }
        if let Some(points) = chart_columns(catalog, paras, i, discovery, section.as_deref()) {
            chart_end = i + points.len();
            out.extend(points);
            continue;
        }
        let label = p
            .text
            .split_once(':')
            .filter(|(l, _)| l.split_whitespace().count() <= 3)
            .and_then(|(l, _)| {
                let ms = municipalities::mentions(catalog, l);
                (ms.len() == 1).then(|| ms[0].1.join("/"))
            });
        // A figure standing alone (a slide's big number "1.850", "ca. 4.200") with its
        // caption below ("færre lægeattester siden 2018"): read as one sentence, keeping
        // only the figure of the number line (the caption's own are read in their turn).
        let alone = paras.get(i + 1).filter(|next| {
            next.page == p.page
                && BARE_NUMBER.is_match(p.text.trim())
                && next.text.chars().next().is_some_and(char::is_lowercase)
        });
        let text = match alone {
            Some(next) => format!("{} {}", p.text.trim(), next.text.trim()),
            None => p.text.clone(),
        };
        // A paragraph that names one trial is about it, sentence by sentence, and so are
        // the paragraphs after it under the same heading that name none.
        let low_text = text.to_lowercase();
        // (One catalogued trial beside one of the document's own is two trials.)
        let mut own = own_named(&low_text);
        own.sort_unstable();
        own.dedup();
        let topic = match (trials::the_one_trial(catalog, &text), own.as_slice()) {
            (Some(t), own) if own.iter().all(|o| *o == t) => Some(t),
            (Some(_), _) => None,
            (None, [one]) => Some((*one).to_string()),
            (None, _) => None,
        };

        let question = p.kind == Kind::Body
            && p.text.trim_end().ends_with('?')
            && p.text.split_whitespace().count() <= 20;
        if question {
            // A question that names no trial follows up on the last one when it takes up
            // one of its words ("… i samtaleforsøget …" / "Hvordan er det gået med
            // samtalerne?"); otherwise it is a new one, about no trial we know.
            // So does one that speaks of "the scheme" ("Hvor mange virksomheder har brugt
            // ordningen?").
            let low = p.text.to_lowercase();
            let refers_back = ["forsøget", "ordningen", "tilbuddet", "indsatsen"]
                .iter()
                .any(|w| has_word(&low, w));
            let follows = refers_back
                || paras[i.saturating_sub(2)..i]
                    .iter()
                    .any(|before| shares_a_word(&p.text, &before.text));
            if topic.is_none() && !follows {
                question_topic = None;
            }
            in_questions = true;
        }
        // An answer that names no other trial is about the question's.
        let answer_topic = question_topic
            .clone()
            .filter(|q| !question && topic.as_ref().is_none_or(|t| t == q));
        if in_questions && topic.is_some() {
            question_topic.clone_from(&topic);
        }
        // Under a heading that opens no trial's section, the paragraphs after this one
        // are about its trial too (set after its own sentences are read).
        // (A list item does not: its siblings may be about other trials.)
        let mut opens_topic =
            topic.is_some() && section.is_none() && !general_heading && p.kind == Kind::Body;
        let mut topic_named = false;
        // The place the paragraph last named: "I Aalborg Kommune anvender … I alt 46
        // dimittender har deltaget" (the 46 are Aalborg's), "… kun gældende for
        // Frederikshavn/Læsø. Her har man … kun i 8 sager …".
        let mut last_place: Option<String> = None;
        let mut previous_named: Option<String> = None;
        // The trial a sentence of this paragraph named in its own words.
        let mut in_words: Option<String> = None;
        // The trial the last sentence named, when it named one: the next that names none
        // goes on about it ("Psykologforsøget giver alene et underskud … Over hele
        // perioden giver forsøget …", in a paragraph that names another trial after).
        let mut last_trial: Option<String> = None;
        for sentence in structure::sentences(&text) {
            // Table captions name the unit of the cells ("Beløb i 1.000 kr."), not a figure.
            let low = sentence.to_lowercase();
            if ["beløb i ", "tal i ", "angivet i ", "opgjort i "]
                .iter()
                .any(|c| low.starts_with(c) || low.contains(&format!(". {c}")))
            {
                continue;
            }
            let mentions = trials::mentions(catalog, &sentence);
            let mut mask: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
            mask.extend(footnote_marks(&sentence).into_iter().map(|(at, _)| at));
            // A heading's section number ("2.3 Center-MED, Jobcenter Hvidovre").
            if p.kind == Kind::Heading {
                if let Some(m) = SECTION_NUMBER.find(&sentence) {
                    mask.push((m.start(), m.end()));
                }
            }
            if let Some(at) = footnote_number(&sentence, &marks) {
                mask.push(at);
            }
            for name in &unknown {
                if let Some(pos) = sentence.to_lowercase().find(&name.to_lowercase()) {
                    // Lowercasing keeps byte lengths for the letters of trial names.
                    mask.push((pos, pos + name.len()));
                }
            }
            let mut named: Vec<&str> = mentions.iter().map(|m| m.name.as_str()).collect();
            // This document's own trials that the catalog does not know, named in running
            // text ("Forsøget med tilbud om job i stedet for aktivering er ophørt"), and
            // its short names for them ("FLEX-forsøget").
            let low_sentence = sentence.to_lowercase();
            named.extend(own_named(&low_sentence));
            named.sort_unstable();
            named.dedup();
            // "Samlet har de to forsøg frigjort …" speaks of several trials: no one of them.
            let several = SEVERAL_TRIALS.is_match(&low_sentence);
            if topic.as_deref().is_some_and(|t| named.contains(&t)) {
                topic_named = true;
            }
            // A sentence naming none, outside any trial's section, may name one of the
            // document's trials in its own words ("Hvidovre har forlænget 57
            // ressourceforløb" in a consultation memo sectioned by who answered).
            // (The sentences after it in the paragraph that name none are about it too:
            // "… haft et fleksibelt kontaktforløb. Evalueringen viser, at 62,5 pct. …".)
            if named.is_empty() && !several && section.is_none() && heading_topic.is_none() {
                if let Some(t) = discovery.trial_in_words(&sentence) {
                    named.push(t);
                    in_words.get_or_insert_with(|| t.to_string());
                }
            }
            let trial = match named.as_slice() {
                [one] => Some((*one).to_string()),
                [] if several => None,
                // The paragraph's trial holds from the sentence that names it on ("Evalue-
                // ringen bygger på 1.453 borgere … FLEX-forsøget tegner sig for …": the
                // borgere are not FLEX's).
                [] => last_trial
                    .clone()
                    .or_else(|| topic.clone().filter(|_| topic_named))
                    .or_else(|| in_words.clone())
                    .or_else(|| section.clone())
                    .or_else(|| heading_topic.clone())
                    .or_else(|| answer_topic.clone()),
                _ => None,
            };
            match named.as_slice() {
                [one] => last_trial = Some((*one).to_string()),
                [] if !several => {}
                _ => last_trial = None,
            }
            let places = municipalities::places(catalog, &sentence);
            // A sentence about a place opens with it ("I Aalborg Kommune anvender …",
            // "Aalborg Kommune har …"); one that opens with "Her" takes up the place the
            // sentence before named last.
            let opening = sentence
                .split_whitespace()
                .take(2)
                .map(|w| w.len() + 1)
                .sum::<usize>();
            let named_place = match places.first() {
                Some(p) if p.start <= opening && places.len() == 1 => Some(p.names.join("/")),
                _ => None,
            };
            let here = sentence.starts_with("Her ");
            let last_named = places.last().map(|p| p.names.join("/"));
            let scanned = figures::scan(&sentence, &mask, &mut ctx);
            // Where each figure stands in the sentence.
            let mut cursor = 0;
            let positions: Vec<Option<usize>> = scanned
                .iter()
                .map(|q| {
                    let at = sentence
                        .get(cursor..)
                        .and_then(|rest| rest.find(&q.raw))
                        .map(|i| cursor + i);
                    if let Some(a) = at {
                        cursor = a + q.raw.len();
                    }
                    at
                })
                .collect();
            let respectively = respective_places(&sentence, &places, &positions);
            for ((mut q, at), respective) in scanned.into_iter().zip(positions).zip(respectively) {
                // Official names; one mention naming two (`Frederikshavn/Læsø`) keeps
                // both. A count of municipalities is about none of them.
                let municipality = match (places.is_empty(), at) {
                    _ if respective.is_some() => respective,
                    (true, _) => label
                        .clone()
                        .or_else(|| last_place.clone())
                        .or_else(|| here.then(|| previous_named.clone()).flatten())
                        .or_else(|| heading_place.clone()),
                    _ if q
                        .counted
                        .as_deref()
                        .is_some_and(|c| c.starts_with("kommune")) =>
                    {
                        None
                    }
                    (false, Some(a)) => municipalities::place_of_figure(&sentence, &places, a),
                    (false, None) => match places.as_slice() {
                        [p] => Some(p.names.join("/")),
                        _ => None,
                    },
                };
                // "Tabel 1. Forbrug pr. forsøg (1.000 kr.)" states the unit of the table.
                if at.is_some_and(|a| states_unit(&sentence, a, &q.raw)) {
                    continue;
                }
                if alone.is_some() {
                    if !q.raw.starts_with(p.text.trim()) {
                        continue;
                    }
                    // What is written is the number line; the caption gave its noun.
                    q.raw = p.text.trim().to_string();
                }
                // A sentence about several trials may give each figure its own: "heraf
                // 185.000 kr. i rehabiliteringsforsøget og 48.000 kr. i …".
                let own_trial = at.filter(|_| named.len() >= 2).and_then(|a| {
                    trial_right_after(&sentence, a + q.raw.len(), &mentions, discovery)
                });
                // "Samlede udgifter på 4,6 mio. kr., heraf 3,1 mio. kr. til
                // psykologforsøget": the whole is more than the trial named in its part
                // (nor is the paragraph about that trial).
                let whole = match (at, low_sentence.find("heraf ")) {
                    (Some(a), Some(h)) => {
                        a < h && !mentions.is_empty() && mentions.iter().all(|m| m.start > h)
                    }
                    _ => false,
                };
                if whole {
                    opens_topic = false;
                }
                out.push(figure(
                    q,
                    own_trial.or_else(|| trial.clone().filter(|_| !whole)),
                    municipality,
                    p.page,
                    sentence.clone(),
                ));
            }
            if named_place.is_some() {
                last_place = named_place;
            } else if !places.is_empty() {
                // Another place, or several: the paragraph's place no longer holds.
                last_place = None;
            }
            previous_named = last_named;
        }
        if opens_topic {
            heading_topic.clone_from(&topic);
        }
    }
    out
}

/// A numbered item that is a section's heading: a few words, no sentence.
fn is_numbered_heading(text: &str) -> bool {
    text.split_whitespace().count() <= 6 && structure::looks_like_heading(text)
}

/// Two texts share a content word, by its first six letters ("samtalerne", "samtaler"):
/// not the words every text of the genre has.
fn shares_a_word(a: &str, b: &str) -> bool {
    const EVERYWHERE: &[&str] = &["kommun", "jobcen", "forsøg", "frikom", "netvær"];
    let stems = |s: &str| -> HashSet<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 6)
            .map(|w| w.chars().take(6).collect::<String>())
            .filter(|w| !EVERYWHERE.contains(&w.as_str()))
            .collect()
    };
    !stems(a).is_disjoint(&stems(b))
}

/// "Solrød og Stevns har færre digitale samtaler, med henholdsvis 29,8 % og 33,6 %": the
/// figures after `henholdsvis` belong, in order, to the places named before it, when
/// there are as many of each (two or more). One entry per figure of the sentence.
fn respective_places(
    sentence: &str,
    places: &[municipalities::Place],
    positions: &[Option<usize>],
) -> Vec<Option<String>> {
    let mut out = vec![None; positions.len()];
    let Some(h) = sentence.find("henholdsvis") else {
        return out;
    };
    let after: Vec<usize> = (0..positions.len())
        .filter(|&k| positions[k].is_some_and(|a| a > h))
        .collect();
    // The places before it in lists ("Solrød og Stevns … end Køge": the list is two).
    let mut lists: Vec<Vec<String>> = Vec::new();
    let mut last_end: Option<usize> = None;
    for p in places.iter().filter(|p| p.end <= h) {
        let joined = last_end.is_some_and(|e| {
            let gap = sentence.get(e..p.start).unwrap_or("").trim();
            gap.is_empty() || gap == "," || gap == "og"
        });
        match lists.last_mut() {
            Some(list) if joined => list.push(p.names.join("/")),
            _ => lists.push(vec![p.names.join("/")]),
        }
        last_end = Some(p.end);
    }
    if let Some(list) = lists
        .into_iter()
        .find(|l| l.len() >= 2 && l.len() == after.len())
    {
        for (k, name) in after.into_iter().zip(list) {
            out[k] = Some(name);
        }
    }
    out
}

fn table_figures(
    catalog: &Catalog,
    paras: &[Paragraph],
    i: usize,
    section: Option<&str>,
    discovery: &trials::Discovery,
    column_trials: &mut HashMap<usize, Vec<Option<String>>>,
    out: &mut Vec<Figure>,
) {
    let Kind::TableRow(cells) = &paras[i].kind else {
        return;
    };
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
    let corner = header.first().map(String::as_str).unwrap_or("");
    let with_corner;
    let caption = if figures::states_a_unit(corner) && !figures::states_a_unit(caption) {
        with_corner = format!("{caption} ({corner})");
        with_corner.as_str()
    } else {
        caption
    };
    let mut label = cells.first().map(String::as_str).unwrap_or("");
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
    let label_column = usize::from(numbered(label) && cells.len() > 2);
    if label_column == 1 {
        label = cells[1].as_str();
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
        let label = match label
            .trim_end()
            .strip_suffix(')')
            .and_then(|l| l.rsplit_once(" ("))
        {
            Some((name, _)) if name.split_whitespace().count() >= 1 => name,
            _ => label,
        };
        let by_label = |label: &str| trial_of_label(catalog, discovery, label);
        // "Psykologforsøget: udgifter", "Arbejdspladsafklaring: sparede sygedagpenge",
        // "Psykologbehandling, udgift til psykologer".
        let named_first = label
            .split_once(':')
            .or_else(|| label.split_once(','))
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
    let row_trial = trial_of(label);
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
    let caption_place = match municipalities::mentions(catalog, caption).as_slice() {
        [(_, names)] if names.len() == 1 => names.first().cloned(),
        _ => None,
    };
    // A row label may state a figure of its own ("Projektleder, 0,8 årsværk inkl.
    // overhead", "Iværksætterkursus (2 hold)").
    // (A trial's name with a number in it is no figure: "Ledighedsydelse – … i 12. måned
    // inden for 18 måneder".)
    let names_a_trial = row_trial.is_some() || !trials::mentions(catalog, label).is_empty();
    if label.split_whitespace().count() >= 2 && label.contains(char::is_numeric) && !names_a_trial {
        let trial = section.map(String::from);
        for q in figures::scan(label, &[], &mut figures::Context::default()) {
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
    // they count: the caption gives their unit.
    let columns = column_trials
        .entry(start)
        .or_insert_with(|| header.iter().map(|h| trial_of(h)).collect());
    for (k, cell) in cells.iter().enumerate().skip(1 + label_column) {
        let h = header.get(k).map(String::as_str).unwrap_or("");
        // "Heraf telefonisk" counts what the column before it counts.
        let heraf;
        let h = match (h.to_lowercase().starts_with("heraf"), k.checked_sub(1)) {
            (true, Some(prev)) => {
                heraf = format!("{} {h}", header.get(prev).map_or("", String::as_str));
                heraf.as_str()
            }
            _ => h,
        };
        let column_trial = columns.get(k).cloned().flatten();
        let h = match what {
            _ if column_trial.is_some() => "",
            Some(noun) if Some(k) != what_column && !figures::states_a_unit(h) => noun,
            _ => h,
        };
        let trial = row_trial
            .clone()
            .or(column_trial)
            .or_else(|| section.map(String::from));
        let found = match figures::table_cell(cell, h, label, caption, column_place(k).is_some()) {
            Some(q) => vec![q],
            // A cell written as a sentence ("Mindst 60 % er raskmeldt 16 uger efter
            // start") is read as one.
            None if cell.split_whitespace().count() >= 3 && cell.contains(char::is_numeric) => {
                figures::scan(cell, &[], &mut figures::Context::default())
            }
            None => Vec::new(),
        };
        let place = municipality
            .clone()
            .or_else(|| column_place(k))
            .or_else(|| caption_place.clone());
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

/// The trial named right after a figure that ends at `end`: "… kr. i
/// rehabiliteringsforsøget", "… borgere i forsøget med mikrolån".
fn trial_right_after(
    sentence: &str,
    end: usize,
    mentions: &[trials::Mention],
    discovery: &trials::Discovery,
) -> Option<String> {
    let rest = sentence.get(end..)?;
    let trimmed = rest.trim_start();
    let after_word = ["i ", "på ", "til ", "for "]
        .iter()
        .find_map(|w| trimmed.strip_prefix(w))?;
    let from = sentence.len() - after_word.len();
    // A catalogued name, or "forsøget med X", standing right there.
    if let Some(m) = mentions
        .iter()
        .find(|m| m.start >= from && sentence[from..m.start].split_whitespace().count() <= 2)
    {
        return Some(m.name.clone());
    }
    let word = after_word
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()?;
    discovery.trial_of_short_name(word).map(String::from)
}

/// The quantity at `at` is a unit in parentheses: "(1.000 kr.)", "(i mio. kr.)".
fn states_unit(sentence: &str, at: usize, raw: &str) -> bool {
    let before = sentence.get(..at).unwrap_or("").trim_end();
    let after = sentence.get(at + raw.len()..).unwrap_or("");
    let opens = before.ends_with('(') || before.ends_with("(i") || before.ends_with("(beløb i");
    opens && after.starts_with(')') && ["1.000 kr.", "1.000 kr", "mio. kr."].contains(&raw)
}

/// Footnote marks: one or two digits glued to the end of a word or after its punctuation
/// ("… har gennemført.1 Evalueringen", "beskæftigelsesområdet,1"), with their place.
fn footnote_marks(text: &str) -> Vec<((usize, usize), u32)> {
    static MARK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\p{L}[.,;:]?|[)”\x22][.,;:]?)(\d{1,2})(?:\s|$)")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    MARK.captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1)?;
            Some(((m.start(), m.end()), m.as_str().parse().ok()?))
        })
        .collect()
}

/// A footnote opens with its mark's number: "1 Den fulde rapport kan hentes …".
fn footnote_number(text: &str, marks: &HashSet<u32>) -> Option<(usize, usize)> {
    let (number, rest) = text.split_once(' ')?;
    let n: u32 = number.parse().ok()?;
    (number.len() <= 2 && marks.contains(&n) && rest.starts_with(char::is_uppercase))
        .then_some((0, number.len()))
}

/// `word` stands in `text` as a whole word (both lower case).
fn has_word(text: &str, word: &str) -> bool {
    votes::find_word(text, word).is_some()
}

/// A quantity found in a sentence or table cell, with the context it stands in.
fn figure(
    q: figures::Quantity,
    trial: Option<String>,
    municipality: Option<String>,
    page: u32,
    sentence: String,
) -> Figure {
    Figure {
        raw: q.raw,
        value: q.value,
        unit: q.unit,
        counted: q.counted,
        qualifier: q.qualifier,
        trial,
        municipality,
        spelled_out: q.spelled_out,
        page,
        sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_municipalitys_heading_is_the_place_below_it() {
        let c = Catalog::builtin();
        assert_eq!(
            place_of_heading(&c, "Gribskov – status").as_deref(),
            Some("Gribskov")
        );
        assert_eq!(
            place_of_heading(&c, "Furesø Kommune").as_deref(),
            Some("Furesø")
        );
        assert_eq!(place_of_heading(&c, "Samtaleforsøget"), None);
    }

    #[test]
    fn a_charts_labels_and_data_labels_pair_up() {
        let para = |text: &str| Paragraph::new(7, text, Kind::Heading);
        let paras: Vec<Paragraph> = [
            "Timer pr. forsøg",
            "Psykologforsøget",
            "Mentorforsøget",
            "Attester",
            "5.480",
            "1.640",
            "120",
            "Kilde: egne tal",
        ]
        .map(para)
        .to_vec();
        let catalog = Catalog::builtin();
        let discovery = trials::Discovery::default();
        assert!(chart_columns(&catalog, &paras, 3, &discovery, None).is_none());
        let points = chart_columns(&catalog, &paras, 4, &discovery, Some("Mikrolån"));
        let points: Vec<_> = points
            .unwrap_or_default()
            .into_iter()
            .map(|f| (f.value, f.unit, f.trial))
            .collect();
        assert_eq!(
            points,
            [
                (5480.0, "hours".into(), Some("Psykologbehandling".into())),
                (1640.0, "hours".into(), Some("Lempede mentorregler".into())),
                // (Bars by trial: an unknown label is no trial of the section's.)
                (120.0, "hours".into(), None),
            ]
        );
    }

    #[test]
    fn figures_after_henholdsvis_take_the_listed_places_in_order() {
        let catalog = Catalog::builtin();
        let sentence = "Solrød og Stevns har færre digitale samtaler end Køge, med henholdsvis 29,8 % og 33,6 % i 3. kvartal.";
        let places = municipalities::places(&catalog, sentence);
        let at = |raw: &str| sentence.find(raw);
        let got = respective_places(sentence, &places, &[at("29,8 %"), at("33,6 %")]);
        assert_eq!(
            got,
            vec![Some("Solrød".to_string()), Some("Stevns".to_string())]
        );
        // As many figures as places, or none is given one.
        let got = respective_places(sentence, &places, &[at("29,8 %")]);
        assert_eq!(got, vec![None]);
    }
}
