//! The one walk of `discover` over a document's paragraphs: what it remembers from one
//! paragraph to the next (the section and agenda item it is in, the round, the lead of a
//! list, the network) and what each kind of paragraph does to that.

use super::facts::{approval_facts, field, gives_round_or_start, labelled, read_facts, round_of};
use super::lists::{in_contents_list, list_item, ItemRead, ListItem, ListLead};
use super::names::{
    called_names, clean_name, introduced_trial, mentions, nicknames, official_name, one_distinct,
    parenthesized_names, short_name_stem, short_names, take_official_name, TRIAL_WORD,
};
use super::participants::{
    body_mentions, deltagende, facts_members, listed_below, listed_members, split_name_list,
};
use super::sections::{
    closes_section, ends_section, heading_depth, heading_number, heading_trial, HeadingTrial,
};
use super::tables::table_row;
use super::{
    add_municipalities, item_trial, lead_trial, refers_back, Builder, Discovery, Doc, NETWORK_OF,
};
use crate::extract::meta::parse_date;
use crate::extract::municipalities::{mentions as municipality_mentions, parse_list};
use crate::extract::structure::{
    is_caption, is_notes_label, looks_like_heading, sentences, Kind, Paragraph,
};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A line of a trial's facts: (label, value), the label empty for a line of facts alone
/// ("2. runde · start 1. januar 2018").
type Fact<'p> = Option<(&'p str, &'p str)>;

pub(super) struct Walk<'a, 'n> {
    doc: Doc<'a, 'n>,
    /// Agenda items by their title's paragraph.
    items: HashMap<usize, Option<&'a str>>,
    b: Builder,
    d: Discovery,
    /// Trials of numbered lists by their number, for "Ad 3)" paragraphs further on.
    numbered: HashMap<u32, String>,
    /// The round and start date the headings and prose above gave.
    round: Option<u32>,
    start: Option<String>,
    /// The trial whose section this is (opened by a heading or list item naming it).
    section: Option<String>,
    /// How deep the numbered heading that opened the section is ("3" 1, "4.1" 2).
    section_depth: Option<usize>,
    /// The number of the last numbered item that reads as a heading ("4. Forudsætninger"),
    /// and, for a section opened by an unnumbered heading under it ("Psykologforsøget"),
    /// that number: the next one ("5. Beregning") ends the section.
    numbered_head: Option<u32>,
    section_under: Option<u32>,
    /// The number of the last numbered heading ("5.3"), and of the one a section opened
    /// by an unnumbered heading stands under: a heading numbered outside it ("5.4") ends
    /// that section.
    outline_at: Option<String>,
    section_outline: Option<String>,
    /// The heading that last named a trial's section.
    opened_at: Option<usize>,
    /// Trials' sections in a row, each opened right after the one before with no heading
    /// of its own in between ("Samtaleforsøget", "Ressourceforløbsforsøget"): a heading
    /// of a topic after them is their sibling, not a sub-heading.
    sections_in_a_row: usize,
    /// A heading that named no trial stood in the current section.
    subheaded: bool,
    /// The trial whose facts the lines below its heading may give.
    facts_for: Option<String>,
    /// The trial the agenda item's title names.
    in_item: Option<String>,
    /// The trial a story's headline names in passing: its paragraphs speak of it.
    headline_topic: Option<String>,
    /// The trial the whole document is about, by its title: what no section or item
    /// places elsewhere is about it.
    about_document: Option<String>,
    /// The sentence ending in a colon above a list.
    lead: Option<ListLead>,
    /// The paragraph before was an item of a list of trials.
    in_trial_list: bool,
    /// The members of the network this part of the document is about.
    local_members: Option<Vec<String>>,
    /// Trials a heading named in its own words, folded into the official name below it.
    renamed: HashMap<String, String>,
    /// The short names the document gives in parentheses, with the text before each
    /// (read at the first heading that needs them).
    parenthesized: Option<Vec<(String, String)>>,
}

/// The trials spoken of together: "de tre forsøg", "forsøgene", "alle forsøg".
static SEVERAL_TRIALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:de\s+(?:to|tre|fire|fem|seks|syv|\d+)\s+(?:frikommune)?forsøg\b|(?:frikommune)?forsøgene\b|alle\s+(?:netværkets\s+)?forsøg\b)")
        .unwrap_or_else(|e| panic!("{e}"))
});

impl<'a, 'n> Walk<'a, 'n> {
    pub(super) fn new(
        doc: Doc<'a, 'n>,
        items: HashMap<usize, Option<&'a str>>,
        b: Builder,
        about_document: Option<String>,
    ) -> Self {
        Walk {
            doc,
            items,
            b,
            d: Discovery::default(),
            numbered: HashMap::new(),
            round: None,
            start: None,
            section: None,
            section_depth: None,
            numbered_head: None,
            section_under: None,
            outline_at: None,
            section_outline: None,
            opened_at: None,
            sections_in_a_row: 0,
            subheaded: false,
            facts_for: None,
            in_item: None,
            headline_topic: None,
            about_document,
            lead: None,
            in_trial_list: false,
            local_members: None,
            renamed: HashMap::new(),
            parenthesized: None,
        }
    }

    /// The trial a paragraph is about by where it stands.
    fn about(&self) -> Option<&str> {
        let here = self.section.as_deref().or(self.in_item.as_deref());
        here.or(self.headline_topic.as_deref())
            .or(self.about_document.as_deref())
    }

    /// The trial whose own lines (participants, tables) these are: its section, its
    /// agenda item, else the document's (a story's headline owns none).
    fn owner(&self) -> Option<&str> {
        let here = self.section.as_deref().or(self.in_item.as_deref());
        here.or(self.about_document.as_deref())
    }

    pub(super) fn read(&mut self, i: usize, p: &'a Paragraph) {
        let after_list = std::mem::take(&mut self.in_trial_list);
        let section_before = self.section.clone();
        let fact = self.fact_line(p);
        self.read_paragraph(i, p, fact, after_list, section_before.as_deref());
        self.close_after(i, p, fact, section_before.as_deref());
    }

    /// A line of facts (a participants line is one of them, even when a sentence follows
    /// its list).
    fn fact_line(&self, p: &'a Paragraph) -> Fact<'a> {
        if matches!(p.kind, Kind::TableRow(_)) {
            return None;
        }
        field(&p.text)
            .or_else(|| deltagende(&p.text).map(|list| ("Deltagende kommuner", list)))
            // A slide's line of facts: "2. runde · start 1. januar 2018".
            // (Not "Name · A og B · 1. runde": that names a trial.)
            .or_else(|| {
                let l = p.text.to_lowercase();
                if !(l.contains(" · ") && gives_round_or_start(&l)) {
                    return None;
                }
                let first = l.split(" · ").next().unwrap_or("");
                let facts_only = round_of(first).is_some()
                    || first.contains("start")
                    || facts_members(self.doc.catalog, first, self.doc.network).is_some();
                facts_only.then_some(("", p.text.as_str()))
            })
            // "Godkendt i 1. ansøgningsrunde, forsøgsstart 1. juli 2017" under its name.
            .or_else(|| approval_facts(&p.text).then_some(("", p.text.as_str())))
    }

    fn read_paragraph(
        &mut self,
        i: usize,
        p: &'a Paragraph,
        fact: Fact<'a>,
        after_list: bool,
        section_before: Option<&str>,
    ) {
        let catalog = self.doc.catalog;
        if let Some(title) = self.items.get(&i) {
            self.in_item = title
                .and_then(|t| item_trial(catalog, t))
                .map(|(name, written)| {
                    self.b.add(&name, &written, p.page);
                    name
                })
                // ("Forlængelse af grænseforsøget": a trial the document named before.)
                .or_else(|| title.and_then(|t| self.b.short_named_within(t)));
            self.section = None;
            return;
        }
        // "Deltagere: Svendborg, Ærø" under a trial's item or heading.
        // (… or with the names as items under it.)
        if let Some(list) = deltagende(&p.text).filter(|_| !matches!(p.kind, Kind::TableRow(_))) {
            let owner = self.owner().map(String::from);
            let list = listed_below(self.doc.paras, i, list);
            if let (Some(t), Some(munis)) = (
                owner.and_then(|t| self.b.trials.get_mut(&t)),
                listed_members(catalog, &list, self.doc.network),
            ) {
                add_municipalities(t, &munis);
            }
        }
        // The facts under a trial's heading ("Godkendt: 1. ansøgningsrunde, forsøgsstart
        // 1. juli 2017", "Status: Delvist ophør …") are its own; they are no headings of
        // their own.
        if let (Some(trial), Some((label, value))) = (self.facts_for.clone(), fact) {
            self.read_fact(&trial, label, value, p.page);
            return;
        }
        let prose = match &p.kind {
            Kind::Heading => {
                self.heading(i, p);
                false
            }
            Kind::Bullet | Kind::Numbered(_) => self.list_item(i, p, section_before),
            Kind::Body => self.body(p, i, after_list),
            Kind::TableRow(cells) => {
                self.lead = None;
                let context = self.owner().map(String::from);
                let doc = &self.doc;
                table_row(doc, &mut self.b, i, cells, context.as_deref(), &mut self.d);
                false
            }
        };
        // Prose (and list items that are prose) names trials and who takes part.
        if prose {
            let about = self.about().map(String::from);
            let network = self.doc.network;
            let local = || self.local_members.as_deref().unwrap_or_else(|| network());
            let speaker = self.doc.speaker.as_deref();
            // ("samtlige kommuner i Hanstholm og Mols": the members of those networks.)
            let spelled = match self.doc.networks.spell_out(&p.text, &local) {
                std::borrow::Cow::Owned(text) => Some(Paragraph {
                    page: p.page,
                    text,
                    kind: p.kind.clone(),
                    table_start: p.table_start,
                }),
                std::borrow::Cow::Borrowed(_) => None,
            };
            let p = spelled.as_ref().unwrap_or(p);
            body_mentions(catalog, &mut self.b, p, about.as_deref(), &local, speaker);
        }
    }

    fn read_fact(&mut self, trial: &str, label: &str, value: &str, page: u32) {
        let catalog = self.doc.catalog;
        // "Officielt navn: X" under a heading in the document's own words: the section
        // is X's.
        // (… and so does a fact box's "Forsøg: X" under a heading of its short name,
        // "KØREKORTFORSØGET": a name the catalogue does not know is the document's own.)
        let l = label.trim().to_lowercase();
        let names_it = l.ends_with("navn") || l == "forsøg";
        let own_name = || {
            let short = short_name_stem(trial).is_some() && catalog.trial(trial).is_none();
            (short
                && l == "forsøg"
                && value.split_whitespace().count() >= 2
                && value.starts_with(char::is_uppercase)
                && !value.contains(". "))
            .then(|| clean_name(value))
        };
        let official = names_it
            .then(|| catalog.trial(value).map(String::from).or_else(own_name))
            .flatten()
            .filter(|o| o != trial && catalog.trial_exact(trial).is_none());
        if let Some(official) = official {
            self.b.add(&official, value, page);
            take_official_name(
                catalog,
                &mut self.b,
                Some(trial),
                &official,
                &mut self.renamed,
            );
            self.section = Some(official.clone());
            self.facts_for = Some(official);
        } else if let Some(t) = self.b.trials.get_mut(trial) {
            read_facts(t, label, value);
        }
    }

    fn heading(&mut self, i: usize, p: &Paragraph) {
        if is_notes_label(&p.text) {
            return;
        }
        self.lead = None;
        self.headline_topic = None;
        let catalog = self.doc.catalog;
        // A caption inside a trial's section ("Tabel 4.3 Psykologforsøget fordelt på
        // kommune", "Boks 4.1 Lenes forløb i Rebild") heads a table or a box of it: it
        // goes on, unless the caption names another trial.
        if let (true, Some(section)) = (is_caption(&p.text), self.section.as_deref()) {
            let named = one_distinct(
                mentions(catalog, &p.text)
                    .into_iter()
                    .map(|m| m.name)
                    .chain(self.b.all_named_within(&p.text)),
            );
            if named.is_none_or(|t| t == section) {
                return;
            }
        }
        // A network's heading with its members: "Netværket Midt-Vest (Herning, Holstebro,
        // Struer og Ringkøbing-Skjern)".
        // (… or on the line below: "Nordfyns, Kerteminde, Assens og Middelfart ·
        // sekretariat: Middelfart".)
        if p.text.to_lowercase().contains("netværk") {
            let below = || {
                let next = self.doc.paras.get(i + 1)?;
                let list = next.text.split(" · ").next()?;
                parse_list(catalog, list)
            };
            self.local_members = split_name_list(catalog, &p.text, &|| &[][..])
                .map(|(_, munis)| munis)
                .or_else(below)
                .filter(|m| m.len() >= 2);
        }
        if let Some(r) = round_of(&p.text).filter(|_| p.text.split_whitespace().count() <= 5) {
            self.round = Some(r);
            self.start = None;
        }
        // The list belongs to the nearest heading above it: a heading right below this
        // one (an OCR fragment above the real title) takes it.
        // A heading that is the short name the document gave a trial in parentheses
        // ("4.5 MSB-forsøget" after "Tidlig arbejdspladsindsats … (MSB-forsøget)") opens
        // that trial's section.
        let by_alias = self.trial_of_alias(&p.text);
        let name = match by_alias.map(HeadingTrial::Opens).unwrap_or_else(|| {
            heading_trial(
                &self.doc,
                i,
                &mut self.b,
                self.section.as_deref(),
                self.in_item.as_deref(),
                self.section_depth,
            )
        }) {
            HeadingTrial::Opens(name) => Some(name),
            HeadingTrial::Headline(name) => {
                // (A headline about another trial ends the section.)
                if self.section.as_ref().is_some_and(|s| *s != name) {
                    self.section = None;
                }
                self.headline_topic = Some(name);
                None
            }
            HeadingTrial::Neither => {
                // A story's headline that names no trial, over a lead that names one
                // ("Interview: …" over "… har været med i samtaleforsøget fra første
                // dag"): the story is about it. A lead naming another trial than the
                // section's starts another story: the section ends.
                let lead = lead_trial(catalog, self.doc.paras, i);
                let other = lead
                    .as_ref()
                    .is_some_and(|t| self.section.as_ref().is_some_and(|s| s != t));
                // A lead about the trials together ("Samlet skønner ledelsen, at de tre
                // forsøg har frigjort …") opens a section about all of them.
                let together = self
                    .doc
                    .paras
                    .get(i + 1)
                    .filter(|q| q.kind == Kind::Body)
                    .is_some_and(|q| {
                        SEVERAL_TRIALS.is_match(&q.text) && mentions(catalog, &q.text).is_empty()
                    });
                if other || together {
                    self.section = None;
                }
                self.headline_topic =
                    lead.filter(|_| self.section.is_none() || ends_section(&p.text));
                None
            }
        };
        // A numbered heading no deeper than the one that opened the section ("4
        // Revalidering og sæsonforløb" after "3 Fleksible rammer …") ends it.
        let depth = heading_depth(&p.text);
        let number = heading_number(&p.text).map(String::from);
        // ("5.4 Klager" after "Forholdstalsforsøget" under "5.3 Frikommuneforsøg II".)
        let outside = number.as_deref().is_some_and(|n| {
            self.section_outline
                .as_deref()
                .is_some_and(|o| !n.starts_with(&format!("{o}.")))
        });
        if number.is_some() {
            self.outline_at = number;
        }
        // A topic's heading after trials' sections that had none of their own ends the
        // last one ("Arbejdsmiljø og sagsstammer i jobcentret" after "Samtaleforsøget"
        // and "Ressourceforløbsforsøget"): a few words after running text, not a
        // sub-heading's one or two, nor a slide's caption or a story's byline.
        let after_text = i
            .checked_sub(1)
            .and_then(|k| self.doc.paras.get(k))
            .is_some_and(|q| q.kind != Kind::Heading);
        let sibling = name.is_none()
            && self.section.is_some()
            && self.sections_in_a_row >= 2
            && !self.subheaded
            && after_text
            && p.text.split_whitespace().count() >= 4
            && !p.text.contains(|c: char| c.is_ascii_digit() || c == '·')
            && !p.text.trim_end().ends_with([':', '?']);
        // (A heading naming the section's own trial again opens nothing new.)
        if name.is_some() && name != self.section {
            self.sections_in_a_row = match (self.section.is_some(), self.subheaded) {
                (true, false) => self.sections_in_a_row + 1,
                _ => 1,
            };
            self.subheaded = false;
        } else if self.section.is_some() {
            self.subheaded = true;
        }
        if let Some(n) = name {
            self.opened_at = Some(i);
            self.section = Some(n);
            self.section_depth = depth;
            self.section_under = self.numbered_head.filter(|_| depth.is_none());
            self.section_outline = self.outline_at.clone().filter(|_| depth.is_none());
        } else if (ends_section(&p.text) && !p.text.trim_end().ends_with(':'))
            || sibling
            || depth.is_some_and(|d| self.section_depth.is_some_and(|s| d <= s))
            || (outside && self.section_depth.is_none())
        {
            // (A form's label over its answer, "Økonomi:", is the trial's field, not a
            // section of the document.)
            self.section = None;
        }
    }

    /// The trial a heading names by a short name the document gave it in parentheses.
    fn trial_of_alias(&mut self, heading: &str) -> Option<String> {
        let h = clean_name(heading);
        if h.contains(' ') || !h.to_lowercase().ends_with("forsøget") {
            return None;
        }
        let paras = self.doc.paras;
        let parenthesized = self
            .parenthesized
            .get_or_insert_with(|| parenthesized_names(paras));
        let found = self.b.order.iter().filter(|name| {
            let written: Vec<String> = std::iter::once((*name).clone())
                .chain(
                    self.b
                        .trials
                        .get(*name)
                        .map(|t| t.as_written.clone())
                        .unwrap_or_default(),
                )
                .collect();
            short_names(parenthesized, &written)
                .iter()
                .any(|a| a.eq_ignore_ascii_case(&h))
        });
        one_distinct(found.cloned())
    }

    /// Reads a bullet or numbered item; true when it is prose.
    fn list_item(&mut self, i: usize, p: &Paragraph, section_before: Option<&str>) -> bool {
        let item = ListItem {
            i,
            lead: self.lead.as_ref(),
            round: self.round,
            start: self.start.as_deref(),
            members: self.local_members.as_deref(),
        };
        let read = list_item(
            &self.doc,
            &mut self.b,
            &mut self.d,
            &item,
            &mut self.numbered,
        );
        match read {
            // An item of a contents list ("I dette nummer", "Indhold") names what comes,
            // it opens no section.
            ItemRead::Opens(_) if in_contents_list(self.doc.paras, i) => {}
            ItemRead::Opens(name) => {
                // The prose below the item is about its trial, unless the item ends a list
                // of trials (see `close_after`).
                self.d.item_names.insert(i, name.clone());
                self.section = Some(name.clone());
                // "Officielt navn: X" as an item under a heading in the document's own
                // words: the heading's trial is X.
                if p.text.to_lowercase().contains("navn:") {
                    let catalog = self.doc.catalog;
                    take_official_name(
                        catalog,
                        &mut self.b,
                        section_before,
                        &name,
                        &mut self.renamed,
                    );
                }
            }
            ItemRead::Listed => {}
            ItemRead::Prose => return true,
        }
        false
    }

    /// Reads a paragraph of running text; true when it is prose (not a participants
    /// line).
    fn body(&mut self, p: &Paragraph, i: usize, after_list: bool) -> bool {
        let catalog = self.doc.catalog;
        if after_list {
            self.section = None;
        }
        // "I Kronjylland-netværket, som Randers, Favrskov, Norddjurs og Syddjurs udgør, …":
        // the network this part of the document is about.
        // (Every form names the network: the word first, as the pattern's captures are
        // dear on long paragraphs.)
        let named = p
            .text
            .to_lowercase()
            .contains("netværk")
            .then(|| NETWORK_OF.captures(&p.text))
            .flatten();
        let list = named.as_ref().and_then(|c| match (c.get(5), c.get(6)) {
            (Some(one), Some(others)) => Some(format!("{}, {}", one.as_str(), others.as_str())),
            _ => (1..=4)
                .find_map(|k| c.get(k))
                .map(|m| m.as_str().to_string()),
        });
        if let Some(list) = list {
            if let Some(m) = parse_list(catalog, &list).filter(|m| m.len() >= 2) {
                self.local_members = Some(m);
            }
        }
        // "Forsøget hedder officielt ”X”" under a section named in the document's own
        // words ("Færre lægeattester"): the section is X's. So is a trial introduced by
        // name right under the heading ("Nyt forsøg: Dansk på arbejdspladsen" over "…
        // godkendt forsøget ”X”").
        let right_under = i > 0 && self.opened_at == Some(i - 1);
        let official = official_name(catalog, &p.text).or_else(|| {
            right_under
                .then(|| introduced_trial(catalog, &p.text))
                .flatten()
        });
        if let (Some(own), Some(official)) = (self.section.clone(), official) {
            if own != official && catalog.trial_exact(&own).is_none() {
                self.b.add(&official, &official, p.page);
                take_official_name(
                    catalog,
                    &mut self.b,
                    Some(&own),
                    &official,
                    &mut self.renamed,
                );
                self.section = Some(official);
            }
        }
        if let Some(name) = refers_back(&p.text).and_then(|n| self.numbered.get(&n)) {
            self.d.referred.insert(i, name.clone());
            self.section = Some(name.clone());
        }
        let l = p.text.to_lowercase();
        if l.contains("opstart") || l.contains("påbegyndt") || l.contains("igangsat") {
            if let Some(date) = parse_date(&p.text).filter(|d| d.len() == 10) {
                self.start = Some(date);
            }
        }
        self.lead = p.text.trim_end().ends_with(':').then(|| {
            let last = sentences(&p.text).pop().unwrap_or_default();
            let mut munis: Vec<String> = municipality_mentions(catalog, &last)
                .into_iter()
                .flat_map(|m| m.1)
                .collect();
            // "Kommunen har i 2019 deltaget i følgende fem forsøg:": the municipality the
            // paragraphs just above open with ("Gentofte Kommune indgår i …").
            if munis.is_empty() && last.trim_start().starts_with("Kommunen ") {
                munis = self.doc.paras[..i]
                    .iter()
                    .rev()
                    .take(3)
                    .filter(|q| q.kind == Kind::Body)
                    .flat_map(|q| sentences(&q.text))
                    .find_map(|s| {
                        let first = crate::extract::municipalities::opening_place(catalog, &s)?;
                        (first.names.len() == 1).then_some(first.names)
                    })
                    .unwrap_or_default();
            }
            ListLead {
                municipalities: munis,
                round: round_of(&last),
                about_trials: TRIAL_WORD.is_match(&last),
            }
        });
        deltagende(&p.text).is_none()
    }

    /// What ends a section after a paragraph, and what the next paragraph inherits.
    fn close_after(&mut self, i: usize, p: &Paragraph, fact: Fact, section_before: Option<&str>) {
        let changed = self.section.as_deref() != section_before;
        // A numbered heading ("4. Økonomi", "2. ansøgningsrunde") closes a trial's section
        // just as an unnumbered one does. So does a numbered one ("3. Afsluttende
        // bemærkninger") no deeper than the heading that opened the section ("2.5
        // Digitale …").
        let numbered_heading = match p.kind {
            Kind::Numbered(n) if looks_like_heading(&p.text) => Some(n),
            _ => None,
        };
        let top_level = numbered_heading.is_some_and(|n| {
            !changed && (self.section_depth.is_some() || self.section_under.is_some_and(|u| n > u))
        });
        if numbered_heading.is_some() {
            self.numbered_head = numbered_heading;
            // (A story runs up to the next heading, numbered ones too.)
            self.headline_topic = None;
        }
        let was_fact = fact.is_some() && self.facts_for.is_some();
        if (closes_section(p) || top_level) && !self.d.items.contains(&i) && !was_fact {
            self.section = None;
        }
        // Items naming trials one after another are a list of trials: the prose after the
        // list is about none of them in particular.
        if self.d.item_names.contains_key(&i) || self.d.referred.contains_key(&i) {
            self.in_trial_list = i > 0 && self.d.item_names.contains_key(&(i - 1));
        }
        let changed = self.section.as_deref() != section_before;
        // Only a heading's number tells the depth of the section it opens.
        if changed && p.kind != Kind::Heading {
            self.section_depth = None;
            self.section_under = None;
        }
        // A trial's facts follow the heading that opened its section, one a line.
        self.facts_for = match (&self.section, fact) {
            // (A heading that names a trial, even the one whose section this already is
            // (a slide's short title over its full name): its facts follow.)
            (Some(s), _) if self.opened_at == Some(i) || changed => Some(s.clone()),
            (_, Some(_)) => self.facts_for.take(),
            // (… and so do the fields of a form in between, written as prose: "Forsøgets
            // formål: At give …" above "Godkendt: 2. ansøgningsrunde".)
            (Some(_), None) if labelled(&p.text).is_some() => self.facts_for.take(),
            _ => None,
        };
        // (A story under a headline naming its trial is about it up to the next heading.)
        let about = self.about().map(String::from);
        self.d.context.push(about);
    }

    /// The trials found, their short names folded into them and their aliases gathered.
    pub(super) fn finish(self) -> Discovery {
        let Walk {
            doc,
            mut b,
            mut d,
            renamed,
            parenthesized,
            ..
        } = self;
        let (catalog, paras) = (doc.catalog, doc.paras);
        // A name the document gives a trial ("(i netværket kaldet Fri kontakt)") is one
        // of its names before short names are folded: "kontaktforsøget" is then that
        // trial's, whatever catalogued trial also holds "kontakt".
        let nicknames = nicknames(paras);
        for t in b.trials.values_mut() {
            for alias in short_names(&nicknames, &t.as_written) {
                if !t.as_written.contains(&alias) {
                    t.as_written.push(alias.clone());
                    d.aliases.push((alias, t.name.clone()));
                }
            }
        }
        let mut folded = b.fold_short_names(catalog, paras);
        folded.extend(renamed);
        let rename = |n: &mut String| {
            if let Some(target) = folded.get(n.as_str()) {
                n.clone_from(target);
            }
        };
        d.item_names.values_mut().for_each(rename);
        d.referred.values_mut().for_each(rename);
        d.context.iter_mut().flatten().for_each(rename);
        for (short, target) in folded {
            d.aliases.push((short, target));
        }
        let parenthesized = parenthesized.unwrap_or_else(|| parenthesized_names(paras));
        let called = called_names(paras, &d.context);
        let outside = outsiders(catalog, paras);
        for name in &b.order {
            if let Some(mut t) = b.trials.remove(name) {
                // (A table's comparison row does not make an outsider take part.)
                t.municipalities.retain(|m| !outside.contains(m));
                t.parent = catalog.parent(&t.name).map(String::from);
                t.pages.sort_unstable();
                let called_so = called
                    .iter()
                    .filter(|(_, trial)| *trial == t.name)
                    .map(|(alias, _)| alias.clone());
                for alias in short_names(&parenthesized, &t.as_written)
                    .into_iter()
                    .chain(called_so)
                {
                    if !t.as_written.contains(&alias) {
                        t.as_written.push(alias.clone());
                    }
                    d.aliases.push((alias, t.name.clone()));
                }
                d.trials.push(t);
            }
        }
        d
    }
}

/// The municipalities the document says take part in none of the trials ("Skive deltager
/// ikke i frikommuneforsøgene, men … bruges derfor som sammenligningskommune"): a
/// comparison, whatever rows of the tables they have.
fn outsiders(catalog: &crate::extract::Catalog, paras: &[Paragraph]) -> Vec<String> {
    static NONE_OF_THEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\s*kommune)?\s+(?:deltager|deltog|indgår|er)\s+ikke\s+(?:med\s+)?i\s+(?:nogen\s+af\s+)?(?:netværkets\s+|de\s+)?(?:frikommuneforsøg(?:ene)?|forsøgene)\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let mut out = Vec::new();
    for p in paras {
        for s in sentences(&p.text) {
            let s = s.trim_start();
            // (Most sentences deny nothing: skip them before looking for their subject.)
            if !s.to_lowercase().contains("ikke") {
                continue;
            }
            let Some(subject) = crate::extract::municipalities::opening_place(catalog, s) else {
                continue;
            };
            if NONE_OF_THEM.is_match(&s[subject.end..].to_lowercase()) {
                out.extend(subject.names);
            }
        }
    }
    out
}
