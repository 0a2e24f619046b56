//! Which trial and which municipality each figure of a document is about.
//!
//! [`figures`] reads the quantities of a sentence or a table cell; this module reads the
//! document paragraph by paragraph and places them. A figure of running text is about
//! the trial its sentence names, else the one the paragraph, the trial's section, the
//! heading's story or the question before it is about ([`sentences`]); and about the
//! place its sentence names, else the paragraph's, the row's or the heading's. Table
//! rows ([`tables`]) and charts ([`charts`]) have their own rules.

mod charts;
mod names;
mod sentences;
mod tables;

use crate::extract::decisions::{self, AgendaItem};
use crate::extract::structure::{self, Kind, Paragraph};
use crate::extract::words::words;
use crate::extract::{figures, municipalities, trials, votes, Catalog, Figure};
use names::OwnNames;
use regex::Regex;
use sentences::{Carried, Reading};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A number alone on its line, with at most a qualifier.
static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:ca\.|cirka|knap|godt|over|under|næsten|mindst)\s+)?\d+(?:[.,]\d+)*$")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The figures of a document's paragraphs, each with its trial and municipality.
pub fn figures(
    catalog: &Catalog,
    paras: &[Paragraph],
    items: &[AgendaItem],
    discovery: &trials::Discovery,
    budget: &super::Budget,
) -> Vec<Figure> {
    let mut reader = Reader::new(catalog, paras, items, discovery);
    for i in (0..paras.len()).take_while(|&i| budget.allows(i)) {
        reader.paragraph(i);
    }
    reader.out
}

/// What the paragraphs under the current heading are about; each heading starts anew.
#[derive(Default)]
struct Topic {
    /// The trial, from the first paragraph that names one (a newsletter's story under a
    /// headline).
    trial: Option<String>,
    /// The heading is a document-level one ("Økonomi", "Metode og økonomi"): a
    /// paragraph naming a trial there does not make the next ones about it.
    general: bool,
    /// Questions and answers (a web page's FAQ, an interview): the trial the last
    /// question or answer was about. A question that names none follows up on it
    /// ("Hvordan er det gået med samtalerne?" after an answer about the samtaleforsøg).
    question: Option<String>,
    in_questions: bool,
}

/// What the reading of a document knows at the paragraph it has come to.
struct Reader<'a> {
    catalog: &'a Catalog,
    paras: &'a [Paragraph],
    discovery: &'a trials::Discovery,
    /// The paragraphs that are agenda items' titles.
    item_titles: HashSet<usize>,
    /// The document's footnote marks, to know its footnotes by the number they open with.
    marks: HashSet<u32>,
    own: OwnNames<'a>,
    /// What the last figures counted (see `figures::Context`); a heading starts anew.
    ctx: figures::Context,
    /// Under a decision ("Beslutning"): its vote counts are not figures (see
    /// `records_a_vote`).
    in_decision: bool,
    /// What the paragraphs under the current heading are about.
    topic: Topic,
    /// The caption of a chart whose data the text gives a line each ("Figur 3.2 Andel
    /// gennemførte forløb … Pct." over "Bornholm 74").
    chart: Option<&'a str>,
    /// The end of the data lines of a chart read as two runs (see `charts::columns`).
    chart_end: usize,
    /// The municipality the current heading is about (see `place_of_heading`).
    heading_place: Option<String>,
    /// `heading_place` is a case story's, from its byline (see `byline_place`).
    story_place: bool,
    /// The municipality the whole document is of (see `home_municipality`).
    document_home: Option<String>,
    /// The municipality the text at hand is of: the document's, or in a mail thread the
    /// current mail's sender's (see `mail_sender`). The place of what no heading or
    /// sentence places elsewhere.
    home: Option<String>,
    /// The trial each column of a table is headed by, worked out once per table.
    column_trials: HashMap<usize, Vec<Option<String>>>,
    /// The trial of each numbered table whose caption names one ("Tabel B.1
    /// Indsatsplanforsøget: …" → "b.1"), for the text that cites it ("Tabel B.1 viser").
    table_trials: HashMap<String, String>,
    /// The trial of the table row that carries each note mark ("Allerød 2)"), with the
    /// row's page: the note under the table ("2) Estimatet for Allerød bygger på …") is
    /// about what the row is about.
    note_trials: HashMap<u32, (String, u32)>,
    /// The last paragraph of running text read, and where its reading ended.
    paragraph_before: Option<(usize, Carried)>,
    out: Vec<Figure>,
}

impl<'a> Reader<'a> {
    fn new(
        catalog: &'a Catalog,
        paras: &'a [Paragraph],
        items: &[AgendaItem],
        discovery: &'a trials::Discovery,
    ) -> Self {
        let home = home_municipality(catalog, paras);
        Reader {
            catalog,
            paras,
            discovery,
            item_titles: items.iter().map(|it| it.para).collect(),
            marks: paras
                .iter()
                .flat_map(|p| sentences::footnote_marks(&p.text))
                .map(|(_, n)| n)
                .collect(),
            own: OwnNames::new(catalog, discovery),
            ctx: figures::Context::default(),
            in_decision: false,
            topic: Topic::default(),
            chart: None,
            chart_end: 0,
            heading_place: home.clone(),
            story_place: false,
            document_home: home.clone(),
            home,
            column_trials: HashMap::new(),
            table_trials: table_trials(catalog, paras, discovery),
            note_trials: HashMap::new(),
            paragraph_before: None,
            out: Vec::new(),
        }
    }

    /// The one trial of the numbered tables a sentence cites ("Tabel B.1 viser, at …",
    /// "jf. tabel 3"), by their captions.
    fn cited_table_trial(&self, low_sentence: &str) -> Option<&str> {
        // (Most documents caption no table with a trial: no sentence need be searched.)
        if self.table_trials.is_empty() {
            return None;
        }
        let mut cited = TABLE_CITED
            .captures_iter(low_sentence)
            .filter_map(|c| self.table_trials.get(&c[1]).map(String::as_str));
        let first = cited.next()?;
        cited.all(|t| t == first).then_some(first)
    }

    /// Reads paragraph `i`: keeps track of headings, decisions, charts and tables, and
    /// reads the figures of what is running text.
    fn paragraph(&mut self, i: usize) {
        let (paras, discovery) = (self.paras, self.discovery);
        let p = &paras[i];
        // The trial the paragraph is about by where it stands (see `trials::discover`),
        // or for a note under a table, by the row that carries its mark.
        let section = match p.kind {
            Kind::Numbered(n) => self
                .note_trials
                .get(&n)
                .filter(|(_, page)| (*page..=page + 1).contains(&p.page))
                .map(|(trial, _)| trial.clone()),
            _ => None,
        }
        .or_else(|| discovery.context.get(i).cloned().flatten());
        // An agenda item's title: a new item, out of the last one's decision.
        if self.item_titles.contains(&i) {
            self.in_decision = false;
            return;
        }
        match &p.kind {
            // (A question put as a heading, "Hvad siger tallene?", is no trial's
            // sub-heading: it ends the place of the municipality's heading above.)
            Kind::Heading => {
                let asks = p.text.trim_end().ends_with('?');
                self.heading(&p.text, section.is_some() && !asks)
            }
            // A numbered section's heading ("1. Resumé", "6. Forventede effekter"): what
            // a paragraph under the last one was about does not carry over.
            // (A numbered municipality's heading, "2. Aalborg Kommune", is the place of
            // what follows up to the next numbered heading, through the trials'
            // sub-headings under it.)
            Kind::Numbered(_) if is_numbered_heading(&p.text) => {
                self.heading_place = place_of_heading(self.catalog, &p.text)
                    .or_else(|| scene_of_section(self.catalog, &p.text))
                    .or_else(|| self.home.clone());
                self.new_topic(&p.text);
            }
            Kind::TableRow(_) => {
                let before = self.out.len();
                tables::row_figures(
                    self.catalog,
                    paras,
                    i,
                    tables::Around {
                        trial: section.as_deref(),
                        place: self.heading_place.as_deref(),
                    },
                    discovery,
                    &mut self.column_trials,
                    &mut self.out,
                );
                self.note_marks(&p.text, p.page, before);
                return;
            }
            _ => {}
        }
        // A letter's address ("3500 Værløse"): the sender's masthead above it is no
        // place of what the letter goes on to say (to a citizen, of the citizen's case).
        if p.page == 1 && i > 0 && is_address_end(&paras[i - 1].text, &p.text) {
            self.heading_place.clone_from(&self.home);
        }
        // A mail of a thread ("Fra: … <mbl@frederikssund.dk>") speaks for its sender's
        // municipality, up to the next mail.
        if p.text.starts_with("Fra:") {
            self.home = mail_sender(self.catalog, paras, i).or_else(|| self.document_home.clone());
            self.heading_place.clone_from(&self.home);
        }
        // A social-media post speaks for the page that published it ("Jobcenter Kerteminde"
        // over "23. februar 2021 ·"), up to the next post.
        if let Some(author) = post_author(self.catalog, paras, i) {
            self.home = author.or_else(|| self.document_home.clone());
            self.heading_place.clone_from(&self.home);
        }
        // A social-media post's reactions ("128 synes godt om · 14 kommentarer · 22
        // delinger") count no one's results.
        if is_engagement_line(&p.text) {
            return;
        }
        if is_decision_label(&p.text) {
            self.in_decision = true;
        }
        if trials::closes_section(p) && !discovery.items.contains(&i) {
            self.topic.trial = None;
            self.topic.general = true;
        }
        // A list item that names a trial opens its section: what came before is not
        // carried over.
        if discovery.item_names.contains_key(&i) || discovery.referred.contains_key(&i) {
            self.ctx = figures::Context::default();
        }
        if let Some(caption) = self
            .chart
            .filter(|_| p.page == paras[i.saturating_sub(1)].page)
        {
            if let Some(f) = charts::point(self.catalog, caption, p, section.clone()) {
                self.out.push(f);
                return;
            }
        }
        self.chart = charts::CHART.is_match(&p.text).then_some(p.text.as_str());
        if discovery.items.contains(&i) {
            // (Its numbers are the trial's name's, but "Name (samtaleforsøget) – alle fire
            // kommuner" counts who takes part.)
            let trial = discovery.item_names.get(&i).cloned().or(section);
            self.members_counted(i, trial);
            return;
        }
        if skip_line(p) || i < self.chart_end {
            return;
        }
        if let Some(points) = charts::columns(self.catalog, paras, i, discovery, section.as_deref())
        {
            self.chart_end = i + points.len();
            self.out.extend(points);
            return;
        }
        self.running_text(i, section);
    }

    /// The count of "alle fire kommuner" in a trial's list item, with the item's trial.
    fn members_counted(&mut self, i: usize, trial: Option<String>) {
        static ALL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:alle|samtlige)\s+\w+\s+kommuner\b")
                .unwrap_or_else(|e| panic!("{e}"))
        });
        let p = &self.paras[i];
        for m in ALL.find_iter(&p.text) {
            let mut ctx = figures::Context::default();
            for q in figures::scan(self.catalog, m.as_str(), &[], &mut ctx) {
                let f = figure(q, trial.clone(), None, p.page, p.text.clone());
                self.out.push(f);
            }
        }
    }

    /// Keeps the trial of a table row's figures (those from `first` on), if they have
    /// one, for the notes its cells' marks point to. (A mark on a row without one, a
    /// header's, points to a note about no one trial we know, whatever an earlier
    /// table's same mark was about.)
    fn note_marks(&mut self, row: &str, page: u32, first: usize) {
        let mut trials = self
            .out
            .get(first..)
            .unwrap_or_default()
            .iter()
            .map(|f| &f.trial);
        let trial = match trials.next() {
            Some(Some(t)) if trials.all(|o| o.as_ref() == Some(t)) => Some(t.clone()),
            _ => None,
        };
        for mark in row.split(" | ").filter_map(structure::note_mark) {
            match &trial {
                Some(t) => self.note_trials.insert(mark, (t.clone(), page)),
                None => self.note_trials.remove(&mark),
            };
        }
    }

    /// A heading: a "Beslutning" heading makes the paragraphs below it the decision; a
    /// municipality's heading ("Gribskov – status") is the place of what follows, through
    /// the trials' sub-headings under it, up to a heading about something else.
    fn heading(&mut self, text: &str, in_section: bool) {
        if structure::is_notes_label(text) {
            return;
        }
        self.in_decision = decisions::is_decision_head(text);
        self.ctx = figures::Context::default();
        if let Some(place) = byline_place(self.catalog, text) {
            self.heading_place = Some(place);
            self.story_place = true;
            return self.new_topic(text);
        }
        if std::mem::take(&mut self.story_place) {
            self.heading_place.clone_from(&self.home);
        }
        match place_of_heading(self.catalog, text) {
            Some(place) => self.heading_place = Some(place),
            None if !in_section || trials::ends_section(text) => {
                self.heading_place = self.home.clone()
            }
            None => {}
        }
        self.new_topic(text);
    }

    /// Under a new heading, what the paragraphs under the last one were about does not
    /// carry over.
    fn new_topic(&mut self, heading: &str) {
        self.topic = Topic {
            general: trials::ends_section(heading),
            ..Topic::default()
        };
    }

    /// The figures of a paragraph of running text (or a list item), sentence by sentence.
    fn running_text(&mut self, i: usize, section: Option<String>) {
        let (paras, catalog) = (self.paras, self.catalog);
        let p = &paras[i];
        // A quotation signed after it ("”… 212 møder i teamet …” (jobcenterchef,
        // Ringsted)") speaks for the place of its speaker; it is read without the
        // signature.
        let signed = signed_quote(catalog, &p.text);
        // "Aalborg: 46 borgere": a label naming one place.
        let label = p
            .text
            .split_once(':')
            .filter(|(l, _)| l.split_whitespace().count() <= 3)
            .and_then(|(l, _)| {
                let ms = municipalities::mentions(catalog, l);
                (ms.len() == 1).then(|| ms[0].1.join("/"))
            })
            .or_else(|| signed.as_ref().map(|(_, place)| place.clone()))
            // A quotation ("»Før forsøget bad jeg …«") speaks for the one place of the
            // paragraph before that introduces its speaker ("… sagsbehandler i Jobcenter
            // Vallensbæk …").
            .or_else(|| {
                let quote = p.text.trim_start().starts_with(['»', '„', '“', '”', '"']);
                let before = i.checked_sub(1).and_then(|k| paras.get(k))?;
                let ms = municipalities::mentions(catalog, &before.text);
                let one = ms.first().filter(|m| ms.iter().all(|x| x.1 == m.1))?;
                (quote && before.kind == Kind::Body).then(|| one.1.join("/"))
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
            None => signed
                .as_ref()
                .map_or(p.text.clone(), |(quote, _)| quote.to_string()),
        };
        // A paragraph that names one trial is about it, sentence by sentence, and so are
        // the paragraphs after it under the same heading that name none.
        let topic = self.topic_of(&text);
        let answer_topic = self.answer_topic(i, topic.as_deref());
        // Under a heading that opens no trial's section, the paragraphs after this one
        // are about its trial too (set after its own sentences are read).
        // (A list item does not: its siblings may be about other trials.)
        let mut opens_topic =
            topic.is_some() && section.is_none() && !self.topic.general && p.kind == Kind::Body;
        let reading = Reading {
            p,
            section,
            label,
            alone: alone.is_some(),
            topic,
            answer_topic,
        };
        let in_order = structure::sentences(&text);
        // A paragraph that takes up what the one right before it ended on goes on about
        // its place.
        let mut carried = match (&self.paragraph_before, in_order.first()) {
            (Some((k, before)), Some(first))
                if k + 1 == i
                    && sentences::takes_up_paragraph_before(first, &before.last_sentence) =>
            {
                Carried::going_on_from(before)
            }
            _ => Carried::default(),
        };
        for sentence in in_order {
            if self.in_decision && records_a_vote(&sentence) {
                continue;
            }
            if self.sentence(&reading, &sentence, &mut carried) {
                opens_topic = false;
            }
        }
        if opens_topic {
            self.topic.trial.clone_from(&reading.topic);
        }
        self.paragraph_before = Some((i, carried));
    }

    /// The one trial a paragraph names, by the catalogue's or the document's own names.
    /// (One catalogued trial beside one of the document's own is two trials.)
    fn topic_of(&self, text: &str) -> Option<String> {
        let mut own = self.own.named_in(&text.to_lowercase());
        own.sort_unstable();
        own.dedup();
        match (trials::the_one_trial(self.catalog, text), own.as_slice()) {
            (Some(t), own) if own.iter().all(|o| *o == t) => Some(t),
            (Some(_), _) => None,
            (None, [one]) => Some((*one).to_string()),
            (None, _) => None,
        }
    }

    /// Questions and answers: the trial an answer that names no other is about (the
    /// question's). Keeps `topic.question` for the next paragraph.
    fn answer_topic(&mut self, i: usize, topic: Option<&str>) -> Option<String> {
        let p = &self.paras[i];
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
                || self.paras[i.saturating_sub(2)..i]
                    .iter()
                    .any(|before| shares_a_word(&p.text, &before.text));
            if topic.is_none() && !follows {
                self.topic.question = None;
            }
            self.topic.in_questions = true;
        }
        let answer = self
            .topic
            .question
            .clone()
            .filter(|q| !question && topic.is_none_or(|t| t == q));
        if self.topic.in_questions && topic.is_some() {
            self.topic.question = topic.map(String::from);
        }
        answer
    }
}

/// A numbered table cited in (lower-cased) text: "tabel b.1", "tabellen 3".
static TABLE_CITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\btabel(?:len)?\s+((?:[a-z]\.?)?\d+(?:\.\d+)*)\b")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The numbered tables whose captions name one trial, by their number in lower case.
/// (A number two captions give different trials is left out.)
fn table_trials(
    catalog: &Catalog,
    paras: &[Paragraph],
    discovery: &trials::Discovery,
) -> HashMap<String, String> {
    static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:tabel)\s+((?:[A-Za-z]\.?)?\d+(?:\.\d+)*)[.:]?\s")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let mut found: HashMap<String, Option<String>> = HashMap::new();
    for p in paras
        .iter()
        .filter(|p| !matches!(p.kind, Kind::TableRow(_)))
    {
        let Some(c) = CAPTION.captures(p.text.trim_start()) else {
            continue;
        };
        let Some(trial) = tables::caption_trial(catalog, discovery, &p.text) else {
            continue;
        };
        found
            .entry(c[1].to_lowercase())
            .and_modify(|t| {
                if t.as_ref() != Some(&trial) {
                    *t = None
                }
            })
            .or_insert(Some(trial));
    }
    found
        .into_iter()
        .filter_map(|(id, t)| Some((id, t?)))
        .collect()
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

/// The line under a social-media post with its reactions, or the page's followers:
/// "128 synes godt om · 14 kommentarer · 22 delinger", "Synes godt om · Svar · 2 u",
/// "Vis 12 tidligere kommentarer", "1.240 følgere".
fn is_engagement_line(text: &str) -> bool {
    static PART: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:\d[\d.]*\s+(?:synes\s+godt\s+om|reaktion(?:er)?|kommentar(?:er)?|deling(?:er)?|genopslag|visninger|følgere|likes?)|synes\s+godt\s+om|svar|del|\d{1,2}\s*[tdum]|vis\s+\d+\s+(?:tidligere|flere)\s+kommentarer)$")
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    let parts: Vec<&str> = text
        .split('·')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty()
        && parts.iter().all(|p| PART.is_match(p))
        && parts
            .iter()
            .any(|p| p.starts_with(|c: char| c.is_ascii_digit()) || p.starts_with(['V', 'v']))
}

/// The page a social-media post is published by, named on the line above the post's date
/// ("Jobcenter Kerteminde" / "23. februar 2021 ·"): its municipality, or `Some(None)` for
/// a page of none (the network's).
fn post_author(catalog: &Catalog, paras: &[Paragraph], i: usize) -> Option<Option<String>> {
    let date = paras.get(i + 1)?.text.trim().strip_suffix('·')?;
    crate::extract::meta::parse_date(date.trim())?;
    let page = paras.get(i)?.text.trim();
    if page.split_whitespace().count() > 5 {
        return None;
    }
    // (The catalogue reads "Langeland Kommune" itself.)
    let name = page.strip_prefix("Jobcenter ").unwrap_or(page);
    Some(catalog.municipality(name).map(String::from))
}

/// The last two lines of an address block: the street with its number, then the post
/// code and town ("Stiager 2" / "3500 Værløse").
fn is_address_end(street: &str, town: &str) -> bool {
    static STREET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\p{L}.\- ]*\s\d{1,4}[A-Za-z]?\b")
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    static POSTAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{4}\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?$")
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    STREET.is_match(street.trim()) && POSTAL.is_match(town.trim())
}

/// The municipality a document is of: in a form, its "Kommune" field's answer ("1.
/// Kommune *" / "Egedal Kommune, Jobcenter Egedal"). (A masthead "Varde Kommune" is not
/// enough: a municipality writes of its network's and its neighbours' figures too.)
fn home_municipality(catalog: &Catalog, paras: &[Paragraph]) -> Option<String> {
    static FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^kommune\s*\*?\s*:?$").unwrap_or_else(|e| panic!("regex: {e}"))
    });
    let field = paras.windows(2).find_map(|w| {
        FIELD.is_match(w[0].text.trim()).then(|| {
            let answer = w[1].text.split(',').next().unwrap_or("").trim();
            catalog.municipality(answer.strip_suffix(" Kommune").unwrap_or(answer))
        })?
    });
    field.map(String::from)
}

/// The municipality a mail of a thread is from: its sender's address ("Fra: Pia Lund
/// <pol@alleroed.dk>"), unless the sender signs for the network ("Netværkskoordinator",
/// "Frikommunenetværket Pøleå"), who speaks for all its members.
fn mail_sender(catalog: &Catalog, paras: &[Paragraph], i: usize) -> Option<String> {
    static ADDRESS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"@([\p{L}-]+)\.dk\b").unwrap_or_else(|e| panic!("{e}")));
    let domain = ADDRESS.captures(paras.get(i)?.text.split(" Sendt:").next()?)?;
    let place = catalog.municipality(&domain[1])?;
    // (A signature or subject line, however it was joined with the lines around it.)
    let for_network = paras
        .iter()
        .skip(i + 1)
        .take_while(|q| !q.text.starts_with("Fra:"))
        .filter(|q| q.text.split_whitespace().count() <= 30)
        .any(|q| {
            words(&q.text.to_lowercase()).any(|w| {
                w.starts_with("netværkskoordinator")
                    || w.starts_with("netværkssekretariat")
                    || w == "frikommunenetværket"
            })
        });
    (!for_network).then(|| place.to_string())
}

/// The municipality a heading is about: its name alone ("Gribskov", "Gribskov Kommune")
/// or before a dash ("Gribskov – status").
fn place_of_heading(catalog: &Catalog, text: &str) -> Option<String> {
    let head = text.split_once(" – ").map_or(text, |(head, _)| head);
    catalog.municipality(head.trim()).map(String::from)
}

/// The place of a case story's byline, who and where: "Jannik, 41 år, Haderslev". It
/// places that story only, up to the next heading.
fn byline_place(catalog: &Catalog, text: &str) -> Option<String> {
    static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?,\s+\d{1,3}\s+år,\s+(.+)$")
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    let place = BYLINE.captures(text.trim())?;
    catalog
        .municipality(place.get(1)?.as_str().trim())
        .map(String::from)
}

/// The municipality a numbered section's heading ends with as its scene: "9. Forventede
/// effekter i Varde Kommune". (Not any heading: a masthead "Byrådet i Skive Kommune" or
/// a byline "borgmester i Hedensted Kommune" places nothing below it.)
fn scene_of_section(catalog: &Catalog, text: &str) -> Option<String> {
    static SCENE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\si\s+(\p{Lu}[\p{L}-]+\s+Kommune)$").unwrap_or_else(|e| panic!("regex: {e}"))
    });
    let scene = SCENE.captures(text.trim())?;
    catalog
        .municipality(scene.get(1)?.as_str())
        .map(String::from)
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
/// A sentence of a decision that records how the members voted ("… vedtaget med 23
/// stemmer for (A, V) mod 2 (O)", "Afstemning: 4 for, 1 imod", "Et flertal på 5 medlemmer
/// (A, C og F) …"): its numbers count votes, not what the item is about (the amounts
/// and counts of the decision itself are figures: "tilskuddet udgør 60.000 kr.").
fn records_a_vote(sentence: &str) -> bool {
    static VOTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:stemme[rn]?|stemte|undlod|imod|flertal(?:let)?|mindretal(?:let)?|afstemning(?:en)?)\b")
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    VOTE.is_match(sentence)
}

fn is_decision_label(text: &str) -> bool {
    decisions::is_decision_head(text) && text.contains(':')
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

/// `word` stands in `text` as a whole word (both lower case).
fn has_word(text: &str, word: &str) -> bool {
    votes::find_word(text, word).is_some()
}

/// A quotation signed with a place in parentheses after it, and that place: "”…”
/// (jobcenterchef, Ringsted)", "«…» (Sorø)". (An anonymised one, "(sagsbehandler,
/// kommune B)", has none.)
fn signed_quote<'t>(catalog: &Catalog, text: &'t str) -> Option<(&'t str, String)> {
    let text = text.trim();
    if !text.starts_with(['»', '„', '“', '”', '"', '«']) {
        return None;
    }
    let inner = text.strip_suffix(')')?;
    let (quote, signature) = inner.rsplit_once('(')?;
    if !quote.trim_end().ends_with(['«', '»', '“', '”', '"']) {
        return None;
    }
    let last = signature.rsplit(',').next()?.trim();
    let place = catalog.municipality(last)?;
    Some((quote, place.to_string()))
}

/// The quantity at `at` is a unit in parentheses: "(1.000 kr.)", "(i mio. kr.)".
fn states_unit(sentence: &str, at: usize, raw: &str) -> bool {
    let before = sentence.get(..at).unwrap_or("").trim_end();
    let after = sentence.get(at + raw.len()..).unwrap_or("");
    let opens = before.ends_with('(') || before.ends_with("(i") || before.ends_with("(beløb i");
    // (… or the unit and the prices' year: "(1.000 kr., 2019-priser)".)
    opens
        && (after.starts_with(')') || after.starts_with(','))
        && ["1.000 kr.", "1.000 kr", "mio. kr."].contains(&raw)
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
    fn a_mail_speaks_for_its_senders_municipality_unless_for_the_network() {
        let c = Catalog::builtin();
        let para = |text: &str| Paragraph::new(1, text, Kind::Body);
        let thread = [
            para("Fra: Pia Overgaard Lund <pol@alleroed.dk>"),
            para("I 2019 har vi bevilget revalidering til 5 borgere."),
            para("Fra: Camilla Winther <ctw@hillerod.dk> Sendt: 16. januar 2020"),
            para("I alt 169 borgere i de tre kommuner."),
            para("Camilla Winther Netværkskoordinator Frikommunenetværket Pøleå"),
        ];
        assert_eq!(mail_sender(&c, &thread, 0).as_deref(), Some("Allerød"));
        assert_eq!(mail_sender(&c, &thread, 2), None);
        assert_eq!(mail_sender(&c, &thread, 1), None);
    }

    #[test]
    fn a_posts_reactions_and_a_letters_post_code_are_told_apart() {
        for line in [
            "128 synes godt om · 14 kommentarer · 22 delinger",
            "87 reaktioner · 9 kommentarer · 11 genopslag",
            "Synes godt om · Svar · 2 u",
            "Vis 12 tidligere kommentarer",
            "1.240 følgere",
        ] {
            assert!(is_engagement_line(line), "{line}");
        }
        assert!(!is_engagement_line("Vi modtog 14 kommentarer i høringen."));
        assert!(!is_engagement_line("Svar"));
        assert!(is_address_end("Søndersøvej 41, st. th.", "3500 Værløse"));
        assert!(!is_address_end("Resultater", "2019 Status"));
        assert!(!is_address_end(
            "Stiager 2",
            "I 2019 kom 3500 borgere i job"
        ));
    }

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
        assert_eq!(
            byline_place(&c, "Jannik, 41 år, Haderslev").as_deref(),
            Some("Haderslev")
        );
        assert_eq!(byline_place(&c, "Status, 3 år, efter start"), None);
    }
}
