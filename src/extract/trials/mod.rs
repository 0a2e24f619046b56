//! Trials discovered from the document's structure and mapped to the catalog:
//! a heading followed by `Deltagende kommune(r): …`, numbered or bulleted items
//! `Name - Municipality, …` or `Name – helt ophør`, lists introduced by a sentence about
//! trials (`… for hver af forsøgene:`), tables of trial × municipality, and mentions in
//! running text (`forsøget med mikrolån`, or a known name of three words or more).
//! Participation comes only from the trial's own lines, lists and sentences.
//!
//! `discover` walks the paragraphs once; what it asks of a paragraph lives by topic:
//! `names` (what a trial is called), `participants` (who takes part), `facts` (round,
//! start, status), `sections` (headings), `lists` and `tables`.

mod facts;
mod lists;
mod names;
mod participants;
mod sections;
mod tables;

pub use names::{mentions, short_name_stem, the_one_trial, Mention};
pub use sections::{closes_section, ends_section};
pub use tables::{carried_cell, is_total};

use super::catalog::{content_stems, forms_hold_stem, normalize, Catalog};
use super::decisions::AgendaItem;
use super::document::Trial;
use super::meta::parse_date;
use super::municipalities::{mentions as municipality_mentions, parse_list};
use super::structure::{looks_like_heading, sentences, Kind, Paragraph};
use facts::{approval_facts, field, gives_round_or_start, labelled, read_facts, round_of};
use lists::{in_contents_list, list_item, ItemRead, ListItem, ListLead};
use names::{
    called_names, canonical, clean_name, compounds_of, introduced_trial, labelled_trial,
    name_words, official_name, parenthesized_names, short_names, take_official_name, TRIAL_WORD,
};
use participants::{
    body_mentions, deltagende, facts_members, listed_members, network_members, split_name_list,
};
use regex::Regex;
use sections::{heading_depth, heading_trial, names_the_network, title_trial, HeadingTrial};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;
use tables::table_row;

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
        let mut found = self.trials.iter().filter(|t| {
            let forms = std::iter::once(&t.name).chain(&t.as_written);
            forms_hold_stem(forms.filter(|w| short_name_stem(w).is_none()), &stem)
        });
        let first = found.next()?;
        found.next().is_none().then_some(first.name.as_str())
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
const ACTIONS: &str = "status|slutstatus|orientering|evaluering|slutevaluering|midtvejsevaluering|forlængelse|afrapportering|slutrapport|rapport|opfølgning|resultater|udtræden|udtrædelse|ophør|videreførelse|tilslutning|deltagelse|udvidelse";

/// The trial an agenda item is about, from its title (the text after `Punkt N.`).
fn item_trial(catalog: &Catalog, title: &str) -> Option<(String, String)> {
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
        let all_trials = low
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "forsøgene" | "frikommuneforsøgene" | "forsøg"));
        if names_the_network(&written)
            || low.contains("netværk")
            || (all_trials && mentions(catalog, &written).is_empty())
        {
            return None;
        }
        // "Frikommuneforsøg II - Forlængelse af forsøget med mikrolån" is about Mikrolån;
        // "… af psykologforsøget og mikrolånsforsøget" about two trials, no one of them.
        if catalog.trial(&written).is_none() {
            let short_names = written
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| short_name_stem(w).is_some())
                .count();
            // (A name in lower case is known by what stands before it: "ophør af forsøget
            // med mikrolån før tid".)
            let mut named = mentions(catalog, &written);
            if named.is_empty() {
                named = mentions(catalog, &whole);
            }
            match named.as_slice() {
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
        self.only_one(|name| {
            catalog.trial(name).is_none()
                && self.trials.get(name).is_some_and(|t| {
                    std::iter::once(name.as_str())
                        .chain(t.as_written.iter().map(String::as_str))
                        .any(|w| compounds_of(w, heading) || compounds_of(heading, w))
                })
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
            s.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
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
            let own = |n: &String| {
                *n != name
                    && catalog.trial_exact(n).is_none()
                    && short_name_stem(n).is_none()
                    && self.trials.get(n).is_some_and(|t| {
                        stems.iter().all(|stem| {
                            forms_hold_stem(std::iter::once(n).chain(&t.as_written), stem)
                        })
                    })
            };
            let Some(target) = self.only_one(own) else {
                continue;
            };
            self.fold(&name, &target);
            folded.insert(name, target);
        }
        for short in self.order.clone() {
            let Some(stem) = short_name_stem(&short) else {
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
            let Some(target) = self.only_one(holds_stem) else {
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
        // sygedagpengeopfølgning" over its slide).
        for short in self.order.clone() {
            if catalog.trial(&short).is_some() {
                continue;
            }
            let Some(target) =
                self.only_one(|n| catalog.trial(n).is_none() && compounds_of(&short, n))
            else {
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

/// Lower case, words separated by single spaces, padded: " erfaringer med x ".
fn padded_words(s: &str) -> String {
    let w: Vec<String> = s
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    format!(" {} ", w.join(" "))
}

/// The one trial the paragraph right below heading `i` names, when it is prose.
fn lead_trial(catalog: &Catalog, paras: &[Paragraph], i: usize) -> Option<String> {
    let lead = paras.get(i + 1).filter(|p| p.kind == Kind::Body)?;
    let ms = mentions(catalog, &lead.text);
    let first = ms.first()?;
    ms.iter()
        .all(|m| m.name == first.name)
        .then(|| first.name.clone())
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
}

/// Finds the trials of a document.
pub fn discover(catalog: &Catalog, paras: &[Paragraph], items: &[AgendaItem]) -> Discovery {
    // Worked out only when a list item names "all the network's municipalities".
    let network_cell = std::cell::OnceCell::new();
    let network = || {
        network_cell
            .get_or_init(|| network_members(catalog, paras))
            .as_slice()
    };
    // Trials of numbered lists by their number, for "Ad 3)" paragraphs further on.
    let mut numbered: HashMap<u32, String> = HashMap::new();
    let doc = Doc {
        catalog,
        paras,
        network: &network,
    };
    let mut b = Builder::default();
    let mut d = Discovery::default();
    let mut round: Option<u32> = None;
    let mut start: Option<String> = None;
    let mut section: Option<String> = None;
    let mut lead: Option<ListLead> = None;
    let mut in_item: Option<String> = None;
    let items: HashMap<usize, Option<&str>> = items
        .iter()
        .map(|it| (it.para, it.title.as_deref()))
        .collect();
    let mut in_trial_list = false;
    let mut local_members: Option<Vec<String>> = None;
    // How deep the numbered heading that opened the section is ("3" 1, "4.1" 2).
    let mut section_depth: Option<usize> = None;
    // The number of the last numbered item that reads as a heading ("4. Forudsætninger"),
    // and, for a section opened by an unnumbered heading under it ("Psykologforsøget"),
    // that number: the next one ("5. Beregning") ends the section.
    let mut numbered_head: Option<u32> = None;
    let mut section_under: Option<u32> = None;
    // Trials a heading named in its own words, folded into the official name below it.
    let mut renamed: HashMap<String, String> = HashMap::new();
    // The trial whose facts the lines below its heading may give.
    let mut facts_for: Option<String> = None;
    // The heading that last named a trial's section.
    let mut opened_at: Option<usize> = None;
    // The trial a story's headline names in passing: its paragraphs speak of it.
    let mut headline_topic: Option<String> = None;
    // The trial the whole document is about, by its title: what no section or item
    // places elsewhere is about it.
    let title = title_trial(catalog, paras, !items.is_empty());
    if let Some((name, written, at)) = &title {
        b.add(name, written, paras[*at].page);
    }
    let about_document = title.map(|(name, _, _)| name);
    for (i, p) in paras.iter().enumerate() {
        let after_list = std::mem::take(&mut in_trial_list);
        let mut prose = false;
        let section_before = section.clone();
        // (A participants line is one of them, even when a sentence follows its list.)
        let fact = field(&p.text)
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
                    || facts_members(catalog, first, &network).is_some();
                facts_only.then_some(("", p.text.as_str()))
            })
            // "Godkendt i 1. ansøgningsrunde, forsøgsstart 1. juli 2017" under its name.
            .or_else(|| approval_facts(&p.text).then_some(("", p.text.as_str())))
            .filter(|_| !matches!(p.kind, Kind::TableRow(_)));
        'para: {
            if let Some(title) = items.get(&i) {
                in_item = title
                    .and_then(|t| item_trial(catalog, t))
                    .map(|(name, written)| {
                        b.add(&name, &written, p.page);
                        name
                    });
                section = None;
                break 'para;
            }
            // "Deltagere: Svendborg, Ærø" under a trial's item or heading.
            if let Some(list) = deltagende(&p.text).filter(|_| !matches!(p.kind, Kind::TableRow(_)))
            {
                let trial = section.as_deref().or(in_item.as_deref());
                let trial = trial.or(about_document.as_deref());
                if let (Some(t), Some(munis)) = (
                    trial.and_then(|t| b.trials.get_mut(t)),
                    listed_members(catalog, list, &network),
                ) {
                    add_municipalities(t, &munis);
                }
            }
            // The facts under a trial's heading ("Godkendt: 1. ansøgningsrunde,
            // forsøgsstart 1. juli 2017", "Status: Delvist ophør …") are its own; they
            // are no headings of their own.
            if let (Some(trial), Some((label, value))) = (facts_for.clone(), fact) {
                // "Officielt navn: X" under a heading in the document's own words: the
                // section is X's.
                let official = label
                    .to_lowercase()
                    .ends_with("navn")
                    .then(|| catalog.trial(value))
                    .flatten()
                    .filter(|o| *o != trial && catalog.trial_exact(&trial).is_none());
                if let Some(official) = official {
                    let official = official.to_string();
                    b.add(&official, value, p.page);
                    take_official_name(catalog, &mut b, Some(&trial), &official, &mut renamed);
                    section = Some(official.clone());
                    facts_for = Some(official);
                } else if let Some(t) = b.trials.get_mut(&trial) {
                    read_facts(t, label, value);
                }
                break 'para;
            }
            match &p.kind {
                Kind::Heading => {
                    lead = None;
                    headline_topic = None;
                    // A network's heading with its members: "Netværket Midt-Vest (Herning,
                    // Holstebro, Struer og Ringkøbing-Skjern)".
                    if p.text.to_lowercase().contains("netværk") {
                        local_members = split_name_list(catalog, &p.text, &|| &[][..])
                            .map(|(_, munis)| munis)
                            .filter(|m| m.len() >= 2);
                    }
                    if let Some(r) =
                        round_of(&p.text).filter(|_| p.text.split_whitespace().count() <= 5)
                    {
                        round = Some(r);
                        start = None;
                    }
                    // The list belongs to the nearest heading above it: a heading right
                    // below this one (an OCR fragment above the real title) takes it.
                    let name = match heading_trial(
                        &doc,
                        i,
                        &mut b,
                        section.as_deref(),
                        in_item.as_deref(),
                        section_depth,
                    ) {
                        HeadingTrial::Opens(name) => Some(name),
                        HeadingTrial::Headline(name) => {
                            // (A headline about another trial ends the section.)
                            if section.as_ref().is_some_and(|s| *s != name) {
                                section = None;
                            }
                            headline_topic = Some(name);
                            None
                        }
                        HeadingTrial::Neither => {
                            // A story's headline that names no trial, over a lead that
                            // names one ("Interview: …" over "… har været med i
                            // samtaleforsøget fra første dag"): the story is about it.
                            headline_topic = lead_trial(catalog, paras, i)
                                .filter(|_| section.is_none() || ends_section(&p.text));
                            None
                        }
                    };
                    // A numbered heading no deeper than the one that opened the section
                    // ("4 Revalidering og sæsonforløb" after "3 Fleksible rammer …") ends it.
                    let depth = heading_depth(&p.text);
                    if name.is_some() {
                        opened_at = Some(i);
                    }
                    if let Some(n) = name {
                        section = Some(n);
                        section_depth = depth;
                        section_under = numbered_head.filter(|_| depth.is_none());
                    } else if (ends_section(&p.text) && !p.text.trim_end().ends_with(':'))
                        || depth.is_some_and(|d| section_depth.is_some_and(|s| d <= s))
                    {
                        // (A form's label over its answer, "Økonomi:", is the trial's
                        // field, not a section of the document.)
                        section = None;
                    }
                }
                Kind::Bullet | Kind::Numbered(_) => {
                    let item = ListItem {
                        i,
                        lead: lead.as_ref(),
                        round,
                        start: start.as_deref(),
                        members: local_members.as_deref(),
                    };
                    match list_item(&doc, &mut b, &mut d, &item, &mut numbered) {
                        // An item of a contents list ("I dette nummer", "Indhold") names
                        // what comes, it opens no section.
                        ItemRead::Opens(_) if in_contents_list(paras, i) => {}
                        ItemRead::Opens(name) => {
                            // The prose below the item is about its trial, unless the item
                            // ends a list of trials (below).
                            d.item_names.insert(i, name.clone());
                            section = Some(name.clone());
                            // "Officielt navn: X" as an item under a heading in the
                            // document's own words: the heading's trial is X.
                            if p.text.to_lowercase().contains("navn:") {
                                let own = section_before.as_deref();
                                take_official_name(catalog, &mut b, own, &name, &mut renamed);
                            }
                        }
                        ItemRead::Listed => {}
                        ItemRead::Prose => prose = true,
                    }
                }
                Kind::Body => {
                    if after_list {
                        section = None;
                    }
                    // "I Kronjylland-netværket, som Randers, Favrskov, Norddjurs og Syddjurs
                    // udgør, …": the network this part of the document is about.
                    let named = NETWORK_OF.captures(&p.text);
                    if let Some(list) = named.as_ref().and_then(|c| c.get(1).or_else(|| c.get(2))) {
                        if let Some(m) = parse_list(catalog, list.as_str()).filter(|m| m.len() >= 2)
                        {
                            local_members = Some(m);
                        }
                    }
                    // "Forsøget hedder officielt ”X”" under a section named in the
                    // document's own words ("Færre lægeattester"): the section is X's. So
                    // is a trial introduced by name right under the heading ("Nyt forsøg:
                    // Dansk på arbejdspladsen" over "… godkendt forsøget ”X”").
                    let right_under = i > 0 && opened_at == Some(i - 1);
                    let official = official_name(catalog, &p.text).or_else(|| {
                        right_under
                            .then(|| introduced_trial(catalog, &p.text))
                            .flatten()
                    });
                    if let (Some(own), Some(official)) = (section.clone(), official) {
                        if own != official && catalog.trial_exact(&own).is_none() {
                            b.add(&official, &official, p.page);
                            take_official_name(
                                catalog,
                                &mut b,
                                Some(&own),
                                &official,
                                &mut renamed,
                            );
                            section = Some(official);
                        }
                    }
                    if let Some(name) = refers_back(&p.text).and_then(|n| numbered.get(&n)) {
                        d.referred.insert(i, name.clone());
                        section = Some(name.clone());
                    }
                    let l = p.text.to_lowercase();
                    if l.contains("opstart") || l.contains("påbegyndt") || l.contains("igangsat") {
                        if let Some(date) = parse_date(&p.text).filter(|d| d.len() == 10) {
                            start = Some(date);
                        }
                    }
                    lead = p.text.trim_end().ends_with(':').then(|| {
                        let last = sentences(&p.text).pop().unwrap_or_default();
                        let munis: Vec<String> = municipality_mentions(catalog, &last)
                            .into_iter()
                            .flat_map(|m| m.1)
                            .collect();
                        ListLead {
                            municipalities: munis,
                            round: round_of(&last),
                            about_trials: TRIAL_WORD.is_match(&last),
                        }
                    });
                    prose = deltagende(&p.text).is_none();
                }
                Kind::TableRow(cells) => {
                    lead = None;
                    let context = section.as_deref().or(in_item.as_deref());
                    let context = context.or(about_document.as_deref());
                    table_row(&doc, &mut b, i, cells, context, &mut d);
                }
            }
            // Prose (and list items that are prose) names trials and who takes part.
            if prose {
                let about = section.as_deref().or(in_item.as_deref());
                let about = about
                    .or(headline_topic.as_deref())
                    .or(about_document.as_deref());
                let local = || local_members.as_deref().unwrap_or_else(|| network());
                body_mentions(catalog, &mut b, p, about, &local);
            }
        }
        // A numbered heading ("4. Økonomi", "2. ansøgningsrunde") closes a trial's
        // section just as an unnumbered one does.
        // So does a numbered one ("3. Afsluttende bemærkninger") no deeper than the
        // heading that opened the section ("2.5 Digitale …").
        let numbered_heading = match p.kind {
            Kind::Numbered(n) if looks_like_heading(&p.text) => Some(n),
            _ => None,
        };
        let top_level = numbered_heading.is_some_and(|n| {
            section == section_before
                && (section_depth.is_some() || section_under.is_some_and(|u| n > u))
        });
        if numbered_heading.is_some() {
            numbered_head = numbered_heading;
        }
        let was_fact = fact.is_some() && facts_for.is_some();
        if (closes_section(p) || top_level) && !d.items.contains(&i) && !was_fact {
            section = None;
        }
        // Items naming trials one after another are a list of trials: the prose after
        // the list is about none of them in particular.
        if d.item_names.contains_key(&i) || d.referred.contains_key(&i) {
            in_trial_list = i > 0 && d.item_names.contains_key(&(i - 1));
        }
        // Only a heading's number tells the depth of the section it opens.
        if section != section_before && p.kind != Kind::Heading {
            section_depth = None;
            section_under = None;
        }
        // A trial's facts follow the heading that opened its section, one a line.
        facts_for = match (&section, fact) {
            // (A heading that names a trial, even the one whose section this already is
            // (a slide's short title over its full name): its facts follow.)
            (Some(s), _) if opened_at == Some(i) || section_before.as_ref() != Some(s) => {
                Some(s.clone())
            }
            (_, Some(_)) => facts_for,
            // (… and so do the fields of a form in between, written as prose: "Forsøgets
            // formål: At give …" above "Godkendt: 2. ansøgningsrunde".)
            (Some(_), None) if labelled(&p.text).is_some() => facts_for,
            _ => None,
        };
        // (A story under a headline naming its trial is about it up to the next heading.)
        d.context.push(
            section
                .clone()
                .or_else(|| in_item.clone())
                .or_else(|| headline_topic.clone())
                .or_else(|| about_document.clone()),
        );
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
    let parenthesized = parenthesized_names(paras);
    let called = called_names(paras, &d.context);
    for name in &b.order {
        if let Some(mut t) = b.trials.remove(name) {
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

/// A network and its members in a sentence: "… netværket, som A, B og C udgør",
/// "Netværket består af A, B og C kommuner".
static NETWORK_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)netværk\w*,?\s+(?:som\s+(.{5,120}?)\s+udgør|består\s+af\s+(?:de\s+\w+\s+kommuner\s+)?(.{5,120}?)(?:\s+kommuner)?[.,])")
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
        let d = discover(&c, &paras, &[]);
        assert_eq!(d.context[1].as_deref(), Some("Psykologbehandling"));
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
