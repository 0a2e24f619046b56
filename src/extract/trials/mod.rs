//! Trials discovered from the document's structure and mapped to the catalog:
//! a heading followed by `Deltagende kommune(r): …`, numbered or bulleted items
//! `Name - Municipality, …` or `Name – helt ophør`, lists introduced by a sentence about
//! trials (`… for hver af forsøgene:`), tables of trial × municipality, and mentions in
//! running text (`forsøget med mikrolån`, or a known name of three words or more).
//! Participation comes only from the trial's own lines, lists and sentences.
//!
//! `discover` walks the paragraphs once (`walk`: what it remembers from one paragraph to
//! the next); what it asks of a paragraph lives by topic: `names` (what a trial is
//! called), `participants` (who takes part), `facts` (round, start, status), `sections`
//! (headings), `lists` and `tables`.

mod facts;
mod lists;
mod names;
pub(crate) use names::forget_mentions;
mod networks;
mod participants;
mod sections;
mod tables;
mod walk;

pub use names::{mentions, short_name_key, short_name_stem, the_one_trial, Mention};
pub use sections::{closes_section, ends_section};
pub use tables::{carried_cell, is_total};

use super::catalog::{content_stems, forms_hold_stem, normalize, Catalog};
use super::decisions::AgendaItem;
use super::document::Trial;
use super::structure::{sentences, Kind, Paragraph};
use super::words::{hyphenated_words, words};
use names::{
    abbreviates, canonical, clean_name, compounds_of, described_short_name_stem, introduced_trial,
    labelled_trial, name_words, one_distinct,
};
use participants::network_members;
use regex::Regex;
use sections::{names_the_network, title_trial};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;
use walk::Walk;

/// The result of trial discovery.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The trials, in order of first appearance.
    pub trials: Vec<Trial>,
    /// Paragraphs that are trial items (their numbers belong to names, not figures).
    pub items: HashSet<usize>,
    /// Items of a list that name one trial with its municipalities ("3. Name - Køge og
    /// Greve"): prose right below such an item is about that trial.
    pub item_names: HashMap<usize, String>,
    /// Paragraphs that take up a trial of a numbered list by its number ("Ad 3) …",
    /// "Ad punkt 2: …") -> that trial.
    pub referred: HashMap<usize, String>,
    /// For each paragraph, the trial it is about by where it stands: the section of a
    /// heading or list item that names a trial, else the agenda item whose title names
    /// one. (What a paragraph's own words name comes on top of this, in `attribution`.)
    pub context: Vec<Option<String>>,
    /// Short names the document gives a trial in parentheses after naming it
    /// ("fleksibelt kontaktforløb for integrationsmodtagere (FLEX-forsøget)"): (short
    /// name, trial).
    pub aliases: Vec<(String, String)>,
}

impl Discovery {
    /// The trial a short name stands for ("Psykologforsøget"): the one trial of the
    /// document with a word that holds its stem ("Psykologbehandling i …").
    pub fn trial_of_short_name(&self, word: &str) -> Option<&str> {
        let stem = short_name_stem(word)?;
        let mut found = self.trials.iter().filter(|t| names_hold_stem(t, &stem));
        let first = found.next()?;
        found.next().is_none().then_some(first.name.as_str())
    }

    /// The trial the document writes as this short name ("Rehabiliteringsforsøget" in a
    /// table's "Kort navn" column), else the one its stem stands for.
    pub fn trial_of_written_short_name(&self, word: &str) -> Option<&str> {
        let word = word.to_lowercase();
        let mut found = self
            .trials
            .iter()
            .filter(|t| t.as_written.iter().any(|w| w.to_lowercase() == word));
        match (found.next(), found.next()) {
            (Some(t), None) => Some(t.name.as_str()),
            _ => self.trial_of_short_name(&word),
        }
    }

    /// The stems of the short names the document writes a trial by ("psykolog" of
    /// "psykologforsøget").
    pub fn short_stems(&self, name: &str) -> Vec<String> {
        self.trials
            .iter()
            .filter(|t| t.name == name)
            .flat_map(|t| t.as_written.iter().filter_map(|w| short_name_stem(w)))
            .collect()
    }

    /// The one trial of the document a sentence names in its own words: it holds every
    /// content word of the trial's name (all but one of four or more), two at least,
    /// each cut to six letters ("Hvidovre har
    /// forlænget 57 ressourceforløb" for "Forlængelse af ressourceforløbssager", "142
    /// integrationsmodtagere … haft et fleksibelt kontaktforløb").
    pub fn trial_in_words(&self, sentence: &str) -> Option<&str> {
        let key = normalize(sentence);
        let words = content_stems(&key);
        let mut best: Option<(&str, usize)> = None;
        let mut tie = false;
        for t in &self.trials {
            let name_key = normalize(&t.name);
            let name: BTreeSet<String> = content_stems(&name_key)
                .into_iter()
                .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
                .collect();
            // (A sentence that writes a trial's name as such is left to the mentions:
            // "… (mikrolån), Horsens Fjord (forlængelse af ressourceforløb) og …" is about
            // several.)
            if key.contains(&name_key) {
                return None;
            }
            let held = name.intersection(&words).count();
            let spared = usize::from(name.len() >= 4);
            if held < 2 || held + spared < name.len() {
                continue;
            }
            match best {
                Some((_, n)) if n > held => {}
                Some((_, n)) if n == held => tie = true,
                _ => {
                    best = Some((t.name.as_str(), held));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(name, _)| name)
    }

    /// The trial a table's label stands for: one of the document's trials written so, or
    /// the one whose name or a written form holds the label's words in a row
    /// ("Ungeforløb" in "Samlet ungeforløb på tværs af kommunegrænsen", "LÆ 265 i
    /// jobafklaringssager" in "Fritagelse for indhentelse af LÆ 265 i …").
    pub fn trial_of_label(&self, label: &str) -> Option<&str> {
        let key = normalize(label);
        // A label of a few letters or a year ("Nr.", "2021") names nothing; a form code
        // does ("LÆ 265").
        let letters = key.chars().filter(|c| c.is_alphabetic()).count();
        let alnum = key.chars().filter(|c| c.is_alphanumeric()).count();
        if letters < 2 || alnum < 4 || is_total(label) {
            return None;
        }
        // The label's last word may be the start of the form's ("Forlængelse af
        // ressourceforløb" in "Forlængelse af ressourceforløbssager").
        let label_words: Vec<&str> = key.split_whitespace().collect();
        let holds = |form: &str| {
            let words: Vec<String> = normalize(form)
                .split_whitespace()
                .map(String::from)
                .collect();
            let Some((last, init)) = label_words.split_last() else {
                return false;
            };
            // (A one-word label may be a compound's head: "Attester" in "lægeattester".)
            let head = label_words.len() == 1 && last.chars().count() >= 6;
            words.windows(label_words.len()).any(|w| {
                w.iter().zip(init).all(|(a, b)| a == b)
                    && w.last().is_some_and(|x| {
                        x == last
                            || (last.chars().count() >= 6 && x.starts_with(last))
                            || (head && x.ends_with(last))
                    })
            })
        };
        let mut found = self.trials.iter().filter(|t| {
            std::iter::once(&t.name)
                .chain(&t.as_written)
                .any(|form| holds(form))
        });
        if let Some(first) = found.next() {
            return found.next().is_none().then_some(first.name.as_str());
        }
        // A one-word label that is the stem of a short name the document gives a trial
        // ("Pålæg" for "pålægsforsøget").
        if label_words.len() == 1 {
            let mut found = self.trials.iter().filter(|t| {
                t.as_written
                    .iter()
                    .filter_map(|w| short_name_stem(w))
                    .any(|stem| stem == key)
            });
            if let Some(first) = found.next() {
                return found.next().is_none().then_some(first.name.as_str());
            }
        }
        self.trial_of_label_words(&key)
    }

    /// The one trial whose name holds every content word of a short label, in any order
    /// and each maybe cut short: "Revurdering af ledighedsydelse" for "Ledighedsydelse –
    /// fritagelse for revurdering …", "Alvorligt syge" for "… sygemeldte med alvorlig
    /// sygdom". Two words at least, five at most.
    fn trial_of_label_words(&self, key: &str) -> Option<&str> {
        if key.split_whitespace().count() > 5 {
            return None;
        }
        let label: Vec<String> = content_stems(key)
            .into_iter()
            .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
            .map(|w| w.chars().take(5).collect())
            .collect();
        if label.len() < 2 {
            return None;
        }
        let mut found = self.trials.iter().filter(|t| {
            let words: Vec<String> = std::iter::once(&t.name)
                .chain(&t.as_written)
                .flat_map(|form| {
                    normalize(form)
                        .split_whitespace()
                        .map(String::from)
                        .collect::<Vec<_>>()
                })
                .collect();
            label
                .iter()
                .all(|stem| words.iter().any(|w| w.starts_with(stem.as_str())))
        });
        let first = found.next()?;
        found.next().is_none().then_some(first.name.as_str())
    }
}

/// The list number a paragraph takes up: "Ad 3)", "Ad 3.", "Ad punkt 3", "Ad pkt. 3".
fn refers_back(text: &str) -> Option<u32> {
    static AD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:ad)\s+(?:(?i:punkt|pkt\.?)\s*)?(\d{1,2})\s*[).:]")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    AD.captures(text.trim()).and_then(|c| c[1].parse().ok())
}

/// An agenda item's title that names a trial: "Frikommuneforsøg: X", "Forsøg om X",
/// "Ansøgning om frikommuneforsøg - X", "Frikommuneforsøg II – X".
static ITEM_TRIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:ansøgning om\s+)?(?:frikommune)?forsøg(?:et)?(?:\s+(?:II|2))?(?:\s*[:\-–]\s*|\s+(?:om|med)\s+)(\S.{3,})$",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});

/// What an agenda item does with a trial: "Status på X", "X – forlængelse".
const ACTIONS: &str = "status|slutstatus|midtvejsstatus|halvårsstatus|årsstatus|orientering|evaluering|slutevaluering|midtvejsevaluering|forlængelse|afrapportering|slutrapport|rapport|opfølgning|resultater|udtræden|udtrædelse|ophør|videreførelse|tilslutning|deltagelse|udvidelse";

/// The trial an agenda item is about, from its title (the text after `Punkt N.`); the
/// kind of item may stand before its subject ("Høring: Ansøgning om frikommuneforsøg –
/// X", "Orientering: …").
fn item_trial(catalog: &Catalog, title: &str) -> Option<(String, String)> {
    title_trial_of_item(catalog, title).or_else(|| {
        let (label, subject) = title.split_once(": ")?;
        let one_word = label.split_whitespace().count() == 1;
        (one_word && !label.to_lowercase().contains("forsøg"))
            .then(|| title_trial_of_item(catalog, subject))
            .flatten()
    })
}

fn title_trial_of_item(catalog: &Catalog, title: &str) -> Option<(String, String)> {
    // "Status på X", "Forlængelse af forsøget med X": what is done with trial X.
    static ACTION: LazyLock<Regex> = LazyLock::new(|| {
        // (… or two of them, "Status og forlængelse af …"; "Udtræden af forsøget X".)
        Regex::new(&format!(r"(?i)^(?:(?:{ACTIONS})(?:\s+og\s+|\s+(?:på|om|af|for|fra|i|til)\s+))+(?:(?:frikommune)?forsøget\s+(?:med\s+|om\s+)?)?(\S.*)$"))
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // "… X – slutstatus og videreførelse", "X, resultater og forlængelse": what is done
    // with X, after it.
    static ACTION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?:\s+[–-]|,)\s+(?:{ACTIONS})(?:\s+og\s+\w+)?$"
        ))
        .unwrap_or_else(|e| panic!("{e}"))
    });
    if let Some(c) = ITEM_TRIAL.captures(title) {
        let whole = clean_name(&c[1]);
        let written = ACTION_AFTER.replace(&whole, "").into_owned();
        // "Ansøgning om nyt forsøg: X".
        let written = labelled_trial(&written).unwrap_or(written);
        // (What is done with a lone short name, "slutevaluering af lægeattestforsøget", is
        // done with the trial it stands for.)
        let written = match ACTION.captures(&written) {
            Some(a) if a[1].split_whitespace().count() >= 2 || short_name_stem(&a[1]).is_some() => {
                a[1].to_string()
            }
            _ => written,
        };
        // "Frikommuneforsøg II – status for de midtjyske frikommunenetværk" is about the
        // networks, no trial; "… – budgetvirkning og forlængelse af forsøgene" about all
        // of them, "… – ansøgning om nye forsøg i 4. ansøgningsrunde" about some.
        let low = written.to_lowercase();
        let all_trials =
            words(&low).any(|w| matches!(w, "forsøgene" | "frikommuneforsøgene" | "forsøg"));
        // (Nor is an aspect of the trials a trial: "… – personalemæssige konsekvenser i
        // Jobcenter Herning", "… – erfaringer fra det første år".)
        let aspect = words(&low).any(|w| {
            matches!(
                w,
                "konsekvenser" | "konsekvens" | "erfaringer" | "betydning" | "udfordringer"
            )
        });
        if names_the_network(&written)
            || low.contains("netværk")
            || ((all_trials || aspect) && mentions(catalog, &written).is_empty())
        {
            return None;
        }
        // "Frikommuneforsøg II - Forlængelse af forsøget med mikrolån" is about Mikrolån;
        // "… af psykologforsøget og mikrolånsforsøget" about two trials, no one of them.
        if catalog.trial(&written).is_none() {
            let short_names = hyphenated_words(&written)
                .filter(|w| short_name_stem(w).is_some())
                .count();
            // (A name in lower case is known by what stands before it: "ophør af forsøget
            // med mikrolån før tid".)
            let mut named = mentions(catalog, &written);
            let mut text = written.as_str();
            if named.is_empty() {
                named = mentions(catalog, &whole);
                text = whole.as_str();
            }
            // ("… ophør af praktikforsøget og forlængelse af forsøget med socialpædagogisk
            // støtte …": one named, another described.)
            let described = text
                .to_lowercase()
                .match_indices("forsøget med ")
                .map(|(at, lead)| at + lead.len())
                .any(|from| !named.iter().any(|m| m.start <= from && from < m.end));
            match named.as_slice() {
                [_] if described => return None,
                [m] if short_names <= 1 => return Some((m.name.clone(), m.written.clone())),
                [_, _, ..] => return None,
                _ if short_names >= 2 => return None,
                _ => {}
            }
        }
        // (A new name taken out of a title's sentence starts it: "Udvidelse af forsøget
        // med hverdagsrehabilitering …".)
        let name = match canonical(catalog, &written) {
            same if same == written => crate::extract::structure::capitalised(&written),
            known => known,
        };
        return Some((name, written));
    }
    if let Some(n) = catalog.trial(&clean_name(title)) {
        return Some((n.to_string(), clean_name(title)));
    }
    // A title that names one catalogued trial within it ("Status på frikommuneforsøget
    // X", "Evaluering af X"), or introduces one the catalogue does not know
    // ("Orientering om frikommuneforsøget Samlet opfølgning for sygemeldte").
    match mentions(catalog, title).as_slice() {
        [m] => Some((m.name.clone(), m.written.clone())),
        [] => introduced_trial(catalog, title).map(|n| (n.clone(), n)),
        _ => None,
    }
}

#[derive(Default)]
struct Builder {
    order: Vec<String>,
    trials: HashMap<String, Trial>,
    /// Names folded into another trial: what is added under them later goes there.
    folded: HashMap<String, String>,
}

impl Builder {
    /// The one trial of the document, in order of naming, that `pred` holds for; none
    /// when no trial or more than one does.
    fn only_one(&self, mut pred: impl FnMut(&String) -> bool) -> Option<String> {
        let mut found = self.order.iter().filter(|n| pred(n));
        match (found.next(), found.next()) {
            (Some(one), None) => Some(one.clone()),
            _ => None,
        }
    }

    /// A trial this document has already named, by its name or a written form, in any
    /// case: a later heading with that name opens its section.
    fn named(&self, written: &str) -> Option<String> {
        let w = written.trim().to_lowercase();
        if w.is_empty() {
            return None;
        }
        self.order.iter().find_map(|name| {
            let t = self.trials.get(name)?;
            let same =
                name.to_lowercase() == w || t.as_written.iter().any(|a| a.to_lowercase() == w);
            same.then(|| name.clone())
        })
    }

    /// The one trial this document has named whose name (or a written form) the heading
    /// begins, shortened: "Tidlig arbejdspladsafklaring" over the facts of "Tidlig
    /// arbejdspladsafklaring for sygemeldte"; or ends, after the preposition that opens
    /// whom it is for: "Sygemeldte selvstændige" for "Fleksibel opfølgning for sygemeldte
    /// selvstændige". Two words at least, one of them long.
    fn named_by_part(&self, heading: &str) -> Option<String> {
        let h = name_words(heading);
        if h.len() < 2 || h.iter().all(|w| w.chars().count() < 6) {
            return None;
        }
        self.only_one(|name| {
            self.trials.get(name).is_some_and(|t| {
                std::iter::once(name.as_str())
                    .chain(t.as_written.iter().map(String::as_str))
                    .map(name_words)
                    .any(|w| {
                        let before_tail = w.len().checked_sub(h.len() + 1).map(|k| &w[k]);
                        w.len() > h.len()
                            && (w.starts_with(&h)
                                || (w.ends_with(&h)
                                    && before_tail.is_some_and(|p| {
                                        ["for", "til", "med", "af", "ved", "om"]
                                            .contains(&p.as_str())
                                    })))
                    })
            })
        })
    }

    /// The one trial of the document's own (not catalogued) that the heading names with
    /// some words as shorter or longer compounds ("Virksomhedsforlagt
    /// sygedagpengeopfølgning" for a table's "Virksomhedsforlagt opfølgning").
    fn named_as_compounds(&self, catalog: &Catalog, heading: &str) -> Option<String> {
        // (The catalog lookup last: it is the dear test, and this runs for every trial
        // of the document at every heading.)
        self.only_one(|name| {
            self.trials.get(name).is_some_and(|t| {
                std::iter::once(name.as_str())
                    .chain(t.as_written.iter().map(String::as_str))
                    .any(|w| compounds_of(w, heading) || compounds_of(heading, w))
            }) && catalog.trial(name).is_none()
        })
    }

    /// A trial this document has already named whose name (or a written form) stands
    /// in the heading as whole words, if exactly one does.
    fn named_within(&self, heading: &str) -> Option<String> {
        let h = padded_words(heading);
        self.only_one(|name| self.stands_in(name, &h))
    }

    /// Every trial this document has already named whose name (or a written form)
    /// stands in the text as whole words, in order of naming.
    fn all_named_within(&self, text: &str) -> Vec<String> {
        let t = padded_words(text);
        self.order
            .iter()
            .filter(|name| self.stands_in(name, &t))
            .cloned()
            .collect()
    }

    /// The one trial of the document so far that a short name in `text` stands for
    /// ("Forlængelse af grænseforsøget" for "Tværkommunal hjemmepleje i
    /// grænseområderne"): its name holds the short name's stem.
    fn short_named_within(&self, text: &str) -> Option<String> {
        let low = text.to_lowercase();
        let mut named = hyphenated_words(&low)
            .filter(|w| w.ends_with("forsøget"))
            .filter_map(short_name_stem)
            .filter_map(|stem| {
                self.only_one(|name| {
                    self.trials
                        .get(name)
                        .is_some_and(|t| names_hold_stem(t, &stem))
                })
            });
        let first = named.next()?;
        named.all(|n| n == first).then_some(first)
    }

    /// Whether the trial's name or a written form stands in `padded` (`padded_words`).
    fn stands_in(&self, name: &str, padded: &str) -> bool {
        let Some(t) = self.trials.get(name) else {
            return false;
        };
        std::iter::once(name)
            .chain(t.as_written.iter().map(String::as_str))
            .map(padded_words)
            .any(|w| w.trim() != "" && padded.contains(&w))
    }

    /// The trial a table's label stands for: catalogued, named so before, or the one
    /// trial of the document whose name or a written form holds all of the label's
    /// content words ("Formkrav til samtaler" for "Formkrav til lovpligtige samtaler");
    /// else the label itself, a trial of its own.
    fn resolve(&self, catalog: &Catalog, written: &str) -> String {
        if let Some(name) = catalog.trial(written) {
            return name.to_string();
        }
        if let Some(name) = self.named(written) {
            return name;
        }
        let content = |s: &str| -> BTreeSet<String> {
            words(&s.to_lowercase())
                .filter(|w| w.chars().count() > 3)
                .map(String::from)
                .collect()
        };
        let words = content(written);
        if words.len() >= 2 {
            let one = self.only_one(|name| {
                self.trials.get(name).is_some_and(|t| {
                    std::iter::once(name)
                        .chain(&t.as_written)
                        .any(|form| words.is_subset(&content(form)))
                })
            });
            if let Some(one) = one {
                return one;
            }
        }
        // A one-word label that is the stem of a short name the document gives a trial
        // ("Rehabilitering", "Psykolog", "Attester" for "Attestforsøget").
        let label = written.trim().to_lowercase();
        if !label.contains(' ') && label.chars().count() >= 5 {
            let one = self.only_one(|name| {
                self.trials.get(name).is_some_and(|t| {
                    t.as_written
                        .iter()
                        .filter_map(|w| short_name_stem(w))
                        .any(|stem| {
                            let stem = stem.to_lowercase();
                            label == stem
                                || label.trim_end_matches('s') == stem
                                || label.starts_with(&stem)
                        })
                })
            });
            if let Some(one) = one {
                return one;
            }
        }
        written.to_string()
    }

    fn add(&mut self, name: &str, written: &str, page: u32) -> &mut Trial {
        let name = match self.folded.get(name) {
            Some(target) => target.clone(),
            None => name.to_string(),
        };
        let name = name.as_str();
        if !self.trials.contains_key(name) {
            self.order.push(name.to_string());
        }
        let t = self
            .trials
            .entry(name.to_string())
            .or_insert_with(|| Trial {
                name: name.to_string(),
                as_written: vec![],
                municipalities: vec![],
                round: None,
                start: None,
                status: None,
                parent: None,
                pages: vec![],
            });
        let w = written.trim().to_string();
        if !w.is_empty() && !t.as_written.contains(&w) {
            t.as_written.push(w);
        }
        if !t.pages.contains(&page) {
            t.pages.push(page);
        }
        t
    }
}

impl Builder {
    /// Folds the document's short names ("Psykologforsøget", "Forholdstalsforsøget") into
    /// the one other trial of the document with a word that holds the short name's stem
    /// ("Psykologbehandling i jobcenterindsatsen", "… forholdstalskrav"). Returns the
    /// folded names and the trial each now stands for.
    fn fold_short_names(
        &mut self,
        catalog: &Catalog,
        paras: &[Paragraph],
    ) -> HashMap<String, String> {
        let mut folded = HashMap::new();
        // A catalogued trial the document wrote only by short names ("praktikforsøget")
        // is the document's own trial whose name holds them, when one does ("Længere
        // virksomhedspraktik for sygemeldte …", a trial the catalogue does not know).
        for name in self.order.clone() {
            let Some(t) = self.trials.get(&name) else {
                continue;
            };
            let stems: Option<Vec<String>> =
                t.as_written.iter().map(|w| short_name_stem(w)).collect();
            let Some(stems) = stems.filter(|s| !s.is_empty()) else {
                continue;
            };
            if catalog.trial_exact(&name).is_none() {
                continue;
            }
            // (… or a catalogued trial by a name the document gives it: "Formkrav ved
            // lovpligtige samtaler (i netværket kaldet Fri kontakt)" for "kontaktforsøget".)
            let own = |n: &String| {
                let catalogued = catalog.trial_exact(n).is_some();
                let given = |f: &&String| {
                    !catalogued
                        || (catalog.trial_exact(f).is_none() && f.split_whitespace().count() >= 2)
                };
                *n != name
                    && short_name_stem(n).is_none()
                    && self.trials.get(n).is_some_and(|t| {
                        let forms: Vec<&String> = std::iter::once(n)
                            .chain(&t.as_written)
                            .filter(given)
                            .collect();
                        !forms.is_empty()
                            && stems
                                .iter()
                                .all(|stem| forms_hold_stem(forms.iter().copied(), stem))
                    })
            };
            let Some(target) = self.only_one(own) else {
                continue;
            };
            self.fold(&name, &target);
            folded.insert(name, target);
        }
        for short in self.order.clone() {
            let Some(stem) = short_name_stem(&short).or_else(|| described_short_name_stem(&short))
            else {
                continue;
            };
            if catalog.trial_exact(&short).is_some() {
                continue;
            }
            let holds_stem = |name: &String| {
                *name != short
                    && short_name_stem(name).is_none()
                    && self.trials.get(name).is_some_and(|t| {
                        forms_hold_stem(std::iter::once(name).chain(&t.as_written), &stem)
                    })
            };
            // (Of several, the one that has the stem as a word of its own: "rehabilitering"
            // is "Længerevarende rehabilitering i eget hjem", not "Fleksibilitet i
            // rehabiliteringsteams".)
            let as_word = |name: &String| {
                holds_stem(name) && words(&name.to_lowercase()).any(|w| inflects(w, &stem))
            };
            let Some(target) = self.only_one(holds_stem).or_else(|| self.only_one(as_word)) else {
                continue;
            };
            self.fold(&short, &target);
            folded.insert(short, target);
        }
        // A name cut short in a title ("forenklet børnefaglig undersøgelse") folds into
        // the one longer name of the document it begins ("Forenklet børnefaglig
        // undersøgelse ved mindre indgribende støtte"); a one-word label of a table
        // ("Dobbeltdiagnose") into the one name that holds it as a word.
        for short in self.order.clone() {
            if catalog.trial_exact(&short).is_some() || catalog.trial(&short).is_some() {
                continue;
            }
            let low = short.to_lowercase();
            let one_word = !low.contains(' ');
            let holds = |n: &String| {
                let Some(t) = self.trials.get(n) else {
                    return false;
                };
                std::iter::once(n).chain(&t.as_written).any(|form| {
                    let l = form.to_lowercase();
                    // (… or as the start of a word: "Forholdstal" in "forholdstalskrav".)
                    if one_word {
                        l.contains(' ')
                            && l.split_whitespace().any(|w| {
                                w == low || (low.chars().count() >= 6 && w.starts_with(&low))
                            })
                    } else {
                        l.starts_with(&format!("{low} "))
                    }
                })
            };
            let Some(target) = self.only_one(|n| *n != short && holds(n)) else {
                continue;
            };
            self.fold(&short, &target);
            folded.insert(short, target);
        }
        // One of the document's own names written with shorter compounds folds into the
        // one fuller name ("Virksomhedsforlagt opfølgning" in a table, "Virksomhedsforlagt
        // sygedagpengeopfølgning" over its slide), or cut short ("Befordring uden
        // egenandel" in a ledger's heading).
        for short in self.order.clone() {
            if catalog.trial(&short).is_some() {
                continue;
            }
            let Some(target) = self.only_one(|n| {
                catalog.trial(n).is_none() && compounds_of(&short, n) || abbreviates(&short, n)
            }) else {
                continue;
            };
            self.fold(&short, &target);
            folded.insert(short, target);
        }
        // A short name that no trial of the document holds: the catalogued trial it
        // stands for ("attestforsøget" in a speech that never gives the full name).
        let mut document: Option<String> = None;
        for short in self.order.clone() {
            let Some(stem) = short_name_stem(&short) else {
                continue;
            };
            if catalog.trial_exact(&short).is_some() || folded.contains_key(&short) {
                continue;
            }
            let text = document.get_or_insert_with(|| {
                paras
                    .iter()
                    .map(|p| p.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            let Some(target) = catalog.trial_of_stem_in(&stem, text).map(String::from) else {
                continue;
            };
            let page = self
                .trials
                .get(&short)
                .and_then(|t| t.pages.first().copied());
            self.add(&target, &short, page.unwrap_or(1));
            self.fold(&short, &target);
            folded.insert(short, target);
        }
        // A heading that names a trial of the document and goes on to say what is done
        // with it ("Tidsbank i hjemmeplejen, udvidelse til plejecentrene") is that trial.
        for long in self.order.clone() {
            if catalog.trial(&long).is_some() {
                continue;
            }
            let goes_on = |n: &String| {
                *n != long
                    && long.strip_prefix(n.as_str()).is_some_and(|rest| {
                        [", ", " – ", " - "].iter().any(|sep| {
                            rest.strip_prefix(sep)
                                .is_some_and(|r| r.starts_with(char::is_lowercase))
                        })
                    })
            };
            let Some(target) = self.only_one(goes_on) else {
                continue;
            };
            self.fold(&long, &target);
            folded.insert(long, target);
        }
        folded
    }

    /// Moves what the document says of trial `from` onto trial `to`.
    fn fold(&mut self, from: &str, to: &str) {
        if from == to {
            return;
        }
        self.folded.insert(from.to_string(), to.to_string());
        let Some(from) = self.trials.remove(from) else {
            return;
        };
        self.order.retain(|n| *n != from.name);
        let Some(t) = self.trials.get_mut(to) else {
            return;
        };
        for w in from.as_written {
            if !t.as_written.contains(&w) {
                t.as_written.push(w);
            }
        }
        for pg in from.pages {
            if !t.pages.contains(&pg) {
                t.pages.push(pg);
            }
        }
        add_municipalities(t, &from.municipalities);
        t.start = t.start.take().or(from.start);
        t.round = t.round.or(from.round);
        t.status = t.status.take().or(from.status);
    }
}

/// A word is the stem with at most an inflection's ending ("rehabiliteringen").
fn inflects(word: &str, stem: &str) -> bool {
    word.strip_prefix(stem)
        .is_some_and(|ending| ["", "e", "en", "er", "et", "ens", "ets", "erne"].contains(&ending))
}

/// Lower case, words separated by single spaces, padded: " erfaringer med x ".
fn padded_words(s: &str) -> String {
    format!(" {} ", name_words(s).join(" "))
}

/// The one trial the paragraph right below heading `i` names, when it is prose: by a
/// name the catalogue knows, else one it introduces ("Det er kernen i forsøget X, som …").
fn lead_trial(catalog: &Catalog, paras: &[Paragraph], i: usize) -> Option<String> {
    let lead = paras.get(i + 1).filter(|p| p.kind == Kind::Body)?;
    // (A lead about "forsøgene »A« og »B«" is about several, whichever the catalogue
    // knows.)
    if lead.text.to_lowercase().contains("forsøgene") {
        return None;
    }
    // A story's lead names its trial at once, or says what it is called ("Forsøget
    // hedder …"); a trial named in passing further on ("… samt, for psykologforsøget,
    // sygemeldingens varighed", in a method's third sentence) makes no story of the
    // section.
    let opening: Vec<String> = sentences(&lead.text)
        .into_iter()
        .enumerate()
        .filter(|(k, s)| *k < 2 || s.starts_with("Forsøget ") || s.starts_with("Forsøgets "))
        .map(|(_, s)| s)
        .collect();
    let ms = mentions(catalog, &opening.join(" "));
    if ms.is_empty() {
        // (Two introduced, "A gennemfører forsøget X, og B deltager i forsøget Y", is no
        // one story's.)
        let sentences = sentences(&lead.text);
        one_distinct(
            sentences
                .iter()
                .filter_map(|s| introduced_trial(catalog, s)),
        )
    } else {
        // (… nor is one that names a second by a short name the catalogue does not know:
        // "… fortalte om attestforsøget og psykologforsøget".)
        let forms: Vec<String> = ms
            .iter()
            .flat_map(|m| [m.name.clone(), m.written.clone()])
            .collect();
        let another = hyphenated_words(&lead.text)
            .filter(|w| !forms.iter().any(|f| f.eq_ignore_ascii_case(w)))
            .filter_map(short_name_stem)
            .any(|stem| !forms_hold_stem(forms.iter(), &stem));
        if another {
            return None;
        }
        one_distinct(ms.into_iter().map(|m| m.name))
    }
}

/// Whether a trial's name or a written form that is no short name itself holds a short
/// name's stem ("psykolog" in "Psykologbehandling i jobcenterindsatsen").
fn names_hold_stem(t: &Trial, stem: &str) -> bool {
    let forms = std::iter::once(&t.name).chain(&t.as_written);
    forms_hold_stem(forms.filter(|f| short_name_stem(f).is_none()), stem)
}

fn add_municipalities(t: &mut Trial, names: &[String]) {
    let mut set: BTreeSet<String> = t.municipalities.iter().cloned().collect();
    set.extend(names.iter().cloned());
    t.municipalities = set.into_iter().collect();
}

/// The document `discover` reads, for the helpers that look around a paragraph.
struct Doc<'a, 'n> {
    catalog: &'a Catalog,
    paras: &'a [Paragraph],
    /// The network's members, worked out when first asked for.
    network: &'a dyn Fn() -> &'n [String],
    /// The municipality the document speaks for (see `speaker_municipality`).
    speaker: Option<String>,
    /// The networks the document names with their members, when it compares several.
    networks: networks::Networks,
}

/// Finds the trials of a document.
pub fn discover(
    catalog: &Catalog,
    paras: &[Paragraph],
    items: &[AgendaItem],
    title: Option<&str>,
    budget: &super::Budget,
) -> Discovery {
    // Worked out only when a list item names "all the network's municipalities".
    let network_cell = std::cell::OnceCell::new();
    let network = || {
        network_cell
            .get_or_init(|| network_members(catalog, paras))
            .as_slice()
    };
    let doc = Doc {
        catalog,
        paras,
        network: &network,
        speaker: speaker_municipality(catalog, paras),
        networks: networks::Networks::read(catalog, paras),
    };
    let items: HashMap<usize, Option<&str>> = items
        .iter()
        .map(|it| (it.para, it.title.as_deref()))
        .collect();
    let mut b = Builder::default();
    let title = title_trial(catalog, paras, !items.is_empty(), title);
    if let Some((name, written, at)) = &title {
        // (A form filled in for the trial answers its facts in fields of their own.)
        sections::form_facts(catalog, paras, b.add(name, written, paras[*at].page));
        if let Some((short, at)) = sections::short_title_field(paras) {
            b.add(name, &short, paras[at].page);
        }
    }
    let mut walk = Walk::new(doc, items, b, title.map(|(name, _, _)| name));
    for (i, p) in paras
        .iter()
        .enumerate()
        .take_while(|&(i, _)| budget.allows(i))
    {
        walk.read(i, p);
    }
    walk.finish()
}

/// The one municipality whose mayor, director or job centre speaks or writes the
/// document ("Medvirkende: Borgmester Lone Bech Ravnsborg, Helsingør Kommune, og
/// jobcenterchef …, Jobcenter Helsingør", "skriver Hedensteds borgmester"): in an
/// interview or an op-ed, "vi" is that municipality. None when they are of several.
fn speaker_municipality(catalog: &Catalog, paras: &[Paragraph]) -> Option<String> {
    static ROLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i:borgmester|viceborgmester|rådmand|jobcenterchef|kommunaldirektør|beskæftigelseschef)\s+(?:\p{Lu}[\p{L}-]*,?\s+){1,4}?(?:(\p{Lu}[\p{L}-]+)\s+Kommune|Jobcenter\s+(\p{Lu}[\p{L}-]+))|(\p{Lu}[\p{L}-]+?)s\s+(?:borgmester|jobcenterchef|kommunaldirektør)\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let mut found: Option<String> = None;
    for p in paras {
        for c in ROLE.captures_iter(&p.text) {
            let Some(place) = (1..=3).find_map(|k| c.get(k)) else {
                continue;
            };
            let Some(muni) = catalog.municipality(place.as_str()) else {
                continue;
            };
            match &found {
                Some(f) if f != muni => return None,
                _ => found = Some(muni.to_string()),
            }
        }
    }
    found
}

/// A network and its members in a sentence: "… netværket, som A, B og C udgør",
/// "Netværket består af A, B og C kommuner".
static NETWORK_OF: LazyLock<Regex> = LazyLock::new(|| {
    // (… also "Kerteminde, Nyborg og Faaborg-Midtfyn udgør Frikommunenetværket X" and
    // "I Frikommunenetværket X – det er A, B og C – har …"; "A Kommune indgår sammen
    // med B og C kommuner i Frikommunenetværket X", groups 5 and 6.)
    Regex::new(r"(?i)netværk\w*,?\s+(?:som\s+(.{5,120}?)\s+udgør|består\s+af\s+(?:de\s+\w+\s+kommuner\s+)?(.{5,120}?)(?:\s+kommuner)?[.,])|(\p{Lu}[^.]{3,120}?)\s+udgør\s+(?:\w*netværk)|netværk\w*(?:\s+\p{Lu}[\p{L}-]*){0,3}\s+[–-]\s+det\s+er\s+([^–.]{5,120}?)\s+[–-]|(\p{Lu}[^.]{2,60}?)\s+indgår\s+sammen\s+med\s+([^.]{3,120}?)\s+i\s+(?:\w*netværk)")
        .unwrap_or_else(|e| panic!("{e}"))
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_refer_back_to_a_numbered_item() {
        assert_eq!(refers_back("Ad 3) Forsøget er ophørt."), Some(3));
        assert_eq!(refers_back("Ad punkt 12: Status"), Some(12));
        assert_eq!(refers_back("Adgangen til 3) …"), None);
    }

    #[test]
    fn an_agenda_items_title_names_its_trial_without_what_is_done_with_it() {
        let c = Catalog::builtin();
        let name = |title: &str| item_trial(&c, title).map(|(name, _)| name);
        assert_eq!(
            name("Frikommuneforsøg II: Fleksibel hjemmehjælp – slutstatus og videreførelse"),
            Some("Fleksibel hjemmehjælp".into())
        );
        assert_eq!(
            name("Frikommuneforsøg II – ophør af forsøget med mikrolån før tid"),
            Some("Mikrolån".into())
        );
        assert_eq!(
            name("Frikommuneforsøg II: Udvidelse af forsøget med hverdagsrehabilitering uden skriftlig afgørelse"),
            Some("Hverdagsrehabilitering uden skriftlig afgørelse".into())
        );
        assert_eq!(
            name("Frikommuneforsøg II – budgetvirkning og forlængelse af forsøgene"),
            None
        );
        assert_eq!(
            name("Høring: Ansøgning om frikommuneforsøg – Fleksibel bevilling af hjælpemidler og forbrugsgoder"),
            Some("Fleksibel bevilling af hjælpemidler og forbrugsgoder".into())
        );
        assert_eq!(
            name("Frikommuneforsøg II – ansøgning om nye forsøg i 4. ansøgningsrunde"),
            None
        );
        // "Ansøgning om nyt forsøg: X"; what is done after a comma.
        assert_eq!(
            name("Frikommuneforsøg II – ansøgning om nyt forsøg: Kompetenceforløb for ledige fleksjobvisiterede"),
            Some("Kompetenceforløb for ledige fleksjobvisiterede".into())
        );
        assert_eq!(
            name("Frikommuneforsøg II – Hurtigere afklaring af ledige, resultater og forlængelse"),
            Some("Hurtigere afklaring af ledige".into())
        );
        // What is done may come before or after the name, in the same words.
        assert_eq!(
            name("Frikommuneforsøg: Hurtigere afklaring af ledige – midtvejsevaluering"),
            Some("Hurtigere afklaring af ledige".into())
        );
    }

    #[test]
    fn a_heading_naming_one_trial_twice_names_it() {
        let c = Catalog::builtin();
        let para = |text: &str, kind: Kind| Paragraph::new(1, text, kind);
        let paras = [
            para(
                "1.4 Psykologforsøget – Psykologbehandling i jobcenterindsatsen",
                Kind::Heading,
            ),
            para("Status: I drift siden 1. april 2018.", Kind::Body),
        ];
        let d = discover(&c, &paras, &[], None, &crate::extract::Budget::unlimited());
        assert_eq!(d.context[1].as_deref(), Some("Psykologbehandling"));
    }

    #[test]
    fn a_slides_speaker_notes_go_on_about_its_trial() {
        let c = Catalog::builtin();
        let para = |text: &str, kind: Kind| Paragraph::new(1, text, kind);
        let paras = [
            para("Dias 6", Kind::Heading),
            para("Mentorforsøget – hvad går det ud på?", Kind::Body),
            para("Mentor kan bevilges uden andet tilbud", Kind::Bullet),
            para("Noter:", Kind::Heading),
            para(
                "I Horsens har vi mentorer fra 4 eksterne leverandører.",
                Kind::Body,
            ),
        ];
        let d = discover(&c, &paras, &[], None, &crate::extract::Budget::unlimited());
        assert_eq!(d.context[4].as_deref(), Some("Lempede mentorregler"));
    }

    #[test]
    fn a_heading_may_name_a_trial_by_whom_it_is_for() {
        let mut b = Builder::default();
        b.add(
            "Fleksibel opfølgning for sygemeldte selvstændige",
            "Fleksibel opfølgning for sygemeldte selvstændige",
            1,
        );
        let named = b.named_by_part("Sygemeldte selvstændige");
        assert_eq!(
            named.as_deref(),
            Some("Fleksibel opfølgning for sygemeldte selvstændige")
        );
        assert_eq!(b.named_by_part("Fleksibel opfølgning"), named);
        assert_eq!(b.named_by_part("Selvstændige erhvervsdrivende"), None);
    }

    #[test]
    fn a_short_label_holding_a_trials_words_is_that_trial() {
        let mut d = Discovery::default();
        let long = "Færre opfølgningssamtaler for sygemeldte med alvorlig sygdom";
        for name in [long, "Psykologbehandling"] {
            d.trials.push(Trial {
                name: name.into(),
                ..Default::default()
            });
        }
        assert_eq!(d.trial_of_label("Alvorligt syge"), Some(long));
        assert_eq!(d.trial_of_label("Syge borgere"), None);
        // A one-word label may be a compound's head ("Samtaler" in
        // "opfølgningssamtaler").
        assert_eq!(d.trial_of_label("Samtaler"), Some(long));
    }
}
