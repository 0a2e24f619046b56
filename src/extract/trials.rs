//! Trials discovered from the document's structure and mapped to the catalog:
//! a heading followed by `Deltagende kommune(r): …`, numbered or bulleted items
//! `Name - Municipality, …` or `Name – helt ophør`, lists introduced by a sentence about
//! trials (`… for hver af forsøgene:`), tables of trial × municipality, and mentions in
//! running text (`forsøget med mikrolån`, or a known name of three words or more).
//! Participation comes only from the trial's own lines, lists and sentences.

use super::catalog::{content_stems, forms_hold_stem, normalize, word_holds_stem, Catalog};
use super::decisions::AgendaItem;
use super::document::Trial;
use super::meta::parse_date;
use super::municipalities::{mentions as municipality_mentions, parse_list};
use super::structure::{looks_like_heading, sentences, Kind, Paragraph};
use regex::Regex;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

/// A trial named in a piece of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Canonical name.
    pub name: String,
    /// As written.
    pub written: String,
}

static CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)forsøg\w*\s+(?:med\s+|om\s+)?(?:\d\)\s*)?(?:\S+\s+(?:og|samt)\s+)?$")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The subject right after the verb: "har Næstved og Faxe", "kan Albertslund, Ishøj og
/// Rødovre kommuner".
static SUBJECT_AFTER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:har|kan|kunne|må|skal|fik|får|havde)\s+(\p{Lu}[\p{L}-]*(?:(?:,\s*|\s+og\s+)\p{Lu}[\p{L}-]*)*(?:\s+kommuner?)?)")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// "forsøget med X": the words of X, up to a mark or the verb after it.
static WITH_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bforsøg(?:et|ene)?\s+(?:med|om)\s+([\p{L}\d][\p{L}\d\s-]*?)(?:\s*[(),.;:]|\s+(?:som|der|gennemføres|gennemført|er|har|blev|startede|kører|fortsætter)\b|$)")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// Known trials named in `text`. Names of fewer than three words count only after
/// `forsøg(et/ene) (med/om)`, so that `psykologbehandling` in passing is no trial.
pub fn mentions(catalog: &Catalog, text: &str) -> Vec<Mention> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return Vec::new();
    }
    let mut forms: Vec<(String, &str)> = catalog
        .trials()
        .iter()
        .flat_map(|t| {
            std::iter::once(&t.name)
                .chain(&t.aliases)
                .map(move |f| (f.to_lowercase(), t.name.as_str()))
        })
        .collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.0.len()));
    let mut out: Vec<Mention> = Vec::new();
    for (form, name) in &forms {
        if form.is_empty() {
            continue;
        }
        let words = form.split_whitespace().count();
        let mut from = 0;
        while let Some(pos) = lower[from..].find(form.as_str()) {
            let start = from + pos;
            let mut end = start + form.len();
            from = end;
            // A short name in "-forsøg" also in its definite form ("Mentorforsøget"),
            // which names the trial by itself.
            let definite = form.ends_with("forsøg")
                && !form.contains(' ')
                && lower[end..].starts_with("et")
                && lower[end + 2..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
            if definite {
                end += 2;
            }
            let before_ok = lower[..start]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = lower[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !before_ok || !after_ok {
                continue;
            }
            if out.iter().any(|m| start < m.end && end > m.start) {
                continue;
            }
            let whole = lower.trim().trim_end_matches(['.', ':']) == form.as_str();
            // "Mikrolån: De første lån er betalt tilbage": a headline led by the name.
            let leads = lower[..start].trim().is_empty() && lower[end..].starts_with(": ");
            // "… Mikrolån (Helsingør og Gribskov)": a name with the list of who takes part.
            let listed = || {
                text[end..]
                    .strip_prefix(" (")
                    .and_then(|rest| rest.split_once(')'))
                    .is_some_and(|(list, _)| parse_list(catalog, list).is_some())
            };
            if words < 3
                && !whole
                && !leads
                && !definite
                && !CONTEXT.is_match(&lower[..start])
                && !listed()
            {
                continue;
            }
            out.push(Mention {
                start,
                end,
                name: (*name).to_string(),
                written: text[start..end].to_string(),
            });
        }
    }
    // A catalogued trial written in the writer's own words after "forsøget med"
    // ("forsøget med differentieret brug af lægeattester i sygedagpengesager (…)"): the
    // phrase up to its end, or the longest start of it of three words or more.
    for c in WITH_NAME.captures_iter(&lower) {
        let Some(g) = c.get(1) else { continue };
        if out.iter().any(|m| g.start() < m.end && g.end() > m.start) {
            continue;
        }
        let words: Vec<(usize, &str)> = g
            .as_str()
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - lower.as_ptr() as usize, w))
            .collect();
        // (A name is short: a run-on phrase is tried up to its first 15 words.)
        let found = (3..=words.len().min(15)).rev().find_map(|n| {
            let (first, _) = words[0];
            let (last, w) = words[n - 1];
            let end = last + w.len();
            catalog
                .trial(&text[first..end])
                .map(|name| (first, end, name))
        });
        if let Some((start, end, name)) = found {
            out.push(Mention {
                start,
                end,
                name: name.to_string(),
                written: text[start..end].to_string(),
            });
        }
    }
    // A short name ("psykologforsøget", "Mentorforsøget") of the one catalogued trial
    // that holds its stem.
    for word in lower.split_inclusive(|c: char| !c.is_alphanumeric() && c != '-') {
        let w = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let start = word.as_ptr() as usize - lower.as_ptr() as usize;
        let end = start + w.len();
        // (Most words are none: skip them before `short_name_stem` allocates.)
        if !w.ends_with("forsøget") || out.iter().any(|m| start < m.end && end > m.start) {
            continue;
        }
        let Some(name) = short_name_stem(w).and_then(|stem| catalog.trial_of_stem(&stem)) else {
            continue;
        };
        out.push(Mention {
            start,
            end,
            name: name.to_string(),
            written: text[start..end].to_string(),
        });
    }
    out.sort_by_key(|m| m.start);
    out
}

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
    /// one. (What a paragraph's own words name comes on top of this, in `find_figures`.)
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
            words.windows(label_words.len()).any(|w| {
                w.iter().zip(init).all(|(a, b)| a == b)
                    && w.last().is_some_and(|x| {
                        x == last || (last.chars().count() >= 6 && x.starts_with(last))
                    })
            })
        };
        let mut found = self.trials.iter().filter(|t| {
            std::iter::once(&t.name)
                .chain(&t.as_written)
                .any(|form| holds(form))
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

/// The trial an agenda item is about, from its title (the text after `Punkt N.`).
fn item_trial(catalog: &Catalog, title: &str) -> Option<(String, String)> {
    // "Status på X", "Forlængelse af forsøget med X": what is done with trial X.
    static ACTION: LazyLock<Regex> = LazyLock::new(|| {
        // (… or two of them, "Status og forlængelse af …"; "Udtræden af forsøget X".)
        Regex::new(r"(?i)^(?:(?:status|orientering|evaluering|slutevaluering|midtvejsevaluering|forlængelse|afrapportering|slutrapport|rapport|opfølgning|resultater|udtræden|udtrædelse|ophør|videreførelse|tilslutning|deltagelse)(?:\s+og\s+|\s+(?:på|om|af|for|fra|i)\s+))+(?:(?:frikommune)?forsøget\s+(?:med\s+|om\s+)?)?(\S.*)$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    if let Some(c) = ITEM_TRIAL.captures(title) {
        let written = clean_name(&c[1]);
        let written = match ACTION.captures(&written) {
            Some(a) if a[1].split_whitespace().count() >= 2 => a[1].to_string(),
            _ => written,
        };
        // "Frikommuneforsøg II – status for de midtjyske frikommunenetværk" is about the
        // networks, no trial.
        if names_the_network(&written) || written.to_lowercase().contains("netværk") {
            return None;
        }
        // "Frikommuneforsøg II - Forlængelse af forsøget med mikrolån" is about Mikrolån;
        // "… af psykologforsøget og mikrolånsforsøget" about two trials, no one of them.
        if catalog.trial(&written).is_none() {
            let short_names = written
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| short_name_stem(w).is_some())
                .count();
            match mentions(catalog, &written).as_slice() {
                [m] if short_names <= 1 => return Some((m.name.clone(), m.written.clone())),
                [_, _, ..] => return None,
                _ if short_names >= 2 => return None,
                _ => {}
            }
        }
        return Some((canonical(catalog, &written), written));
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
    /// arbejdspladsafklaring for sygemeldte". Two words at least, one of them long.
    fn named_by_start(&self, heading: &str) -> Option<String> {
        let words = |s: &str| -> Vec<String> {
            s.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect()
        };
        let h = words(heading);
        if h.len() < 2 || h.iter().all(|w| w.chars().count() < 6) {
            return None;
        }
        let mut found = self.order.iter().filter(|name| {
            self.trials.get(*name).is_some_and(|t| {
                std::iter::once(name.as_str())
                    .chain(t.as_written.iter().map(String::as_str))
                    .map(words)
                    .any(|w| w.len() > h.len() && w.starts_with(&h))
            })
        });
        let first = found.next()?.clone();
        found.next().is_none().then_some(first)
    }

    /// A trial this document has already named whose name (or a written form) stands
    /// in the heading as whole words, if exactly one does.
    fn named_within(&self, heading: &str) -> Option<String> {
        // Lower case, words separated by single spaces, padded: " erfaringer med x ".
        let words = |s: &str| {
            let w: Vec<String> = s
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect();
            format!(" {} ", w.join(" "))
        };
        let h = words(heading);
        let mut found = self.order.iter().filter(|name| {
            let Some(t) = self.trials.get(*name) else {
                return false;
            };
            std::iter::once(name.as_str())
                .chain(t.as_written.iter().map(String::as_str))
                .map(words)
                .any(|w| w.trim() != "" && h.contains(&w))
        });
        let first = found.next()?.clone();
        found.next().is_none().then_some(first)
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
            let mut found = self.order.iter().filter(|name| {
                self.trials.get(*name).is_some_and(|t| {
                    std::iter::once(*name)
                        .chain(&t.as_written)
                        .any(|form| words.is_subset(&content(form)))
                })
            });
            if let (Some(one), None) = (found.next(), found.next()) {
                return one.clone();
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
            let mut targets = self.order.iter().filter(|n| own(n));
            let (Some(target), None) = (targets.next().cloned(), targets.next()) else {
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
            let mut targets = self.order.iter().filter(|n| holds_stem(n));
            let (Some(target), None) = (targets.next().cloned(), targets.next()) else {
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
                    if one_word {
                        l.contains(' ') && l.split_whitespace().any(|w| w == low)
                    } else {
                        l.starts_with(&format!("{low} "))
                    }
                })
            };
            let mut targets = self.order.iter().filter(|n| **n != short && holds(n));
            let (Some(target), None) = (targets.next().cloned(), targets.next()) else {
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

/// The stem of a short name made of one word and "forsøget": "Psykologforsøget" ->
/// "psykolog", "Forholdstalsforsøget" -> "forholdstal" (without the linking s).
pub fn short_name_stem(name: &str) -> Option<String> {
    let n = name.trim().to_lowercase();
    if n.contains(char::is_whitespace) {
        return None;
    }
    let stem = n
        .strip_suffix("forsøget")?
        .trim_end_matches('-')
        .trim_end_matches('s');
    // "Frikommuneforsøget" is the whole programme, not one trial's short name.
    (stem.chars().count() >= 4 && !matches!(stem, "frikommune" | "kommune" | "netværk"))
        .then(|| stem.to_string())
}

fn add_municipalities(t: &mut Trial, names: &[String]) {
    let mut set: BTreeSet<String> = t.municipalities.iter().cloned().collect();
    set.extend(names.iter().cloned());
    t.municipalities = set.into_iter().collect();
}

static ROUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:ansøgnings)?runde\s+(\d+|I{1,3})\b|\b(\d+)\.\s*(?:ansøgnings)?runde|\b(første|anden|tredje|fjerde)\s+(?:ansøgnings)?runde)")
        .unwrap_or_else(|e| panic!("{e}"))
});
static PARENS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\([^)]*\)").unwrap_or_else(|e| panic!("{e}")));
static TRIAL_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(forsøg|forsøgene|forsøget|forsøgets|ansøgninger|ansøgningerne|frikommuneforsøg|frikommuneforsøgene)\b")
        .unwrap_or_else(|e| panic!("{e}"))
});
const STATUSES: &[(&str, &str)] = &[
    ("helt ophør", "helt ophør"),
    ("delvist ophør", "delvist ophør"),
    ("delvis ophør", "delvist ophør"),
    ("ikke påbegyndt", "ikke påbegyndt"),
    ("fortsætter", "fortsætter"),
    ("forsætter", "fortsætter"),
    ("ophører", "helt ophør"),
];

/// The round a text states (`Runde 2`, `2. ansøgningsrunde`, `første ansøgningsrunde`).
pub fn round_of(s: &str) -> Option<u32> {
    let c = ROUND.captures(s)?;
    if let Some(m) = c.get(1).or_else(|| c.get(2)) {
        let t = m.as_str();
        return match t {
            "I" => Some(1),
            "II" => Some(2),
            "III" => Some(3),
            _ => t.parse().ok(),
        };
    }
    match c.get(3)?.as_str().to_lowercase().as_str() {
        "første" => Some(1),
        "anden" => Some(2),
        "tredje" => Some(3),
        "fjerde" => Some(4),
        _ => None,
    }
}

/// "Forsøg 1 · X", "Forsøg nr. 2: X", "Nyt forsøg: X", a form's "Forsøgets navn: X", a
/// decision's "Afslag: X" or "Delvis godkendelse: X": a trial heading names X.
static TRIAL_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:del)?forsøg\s+(?:nr\.\s*)?\d{1,2}|(?:nyt|ansøgt|foreslået)\s+forsøg|(?:forsøgets\s+|officielt\s+)?navn|afslag|(?:delvis\s+)?godkendelse|(?:ikke\s+|delvist\s+)?godkendt)\s*[·:.\-–—]\s+")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The trial a heading names after a label of trials ("Afslag: Fritagelse for sanktion
/// ved udeblivelse", "Nyt forsøg: Digitale samtaler"), catalogued or not: two words or
/// more, capitalised.
fn labelled_trial(text: &str) -> Option<String> {
    let bare = PARENS.replace_all(text, "");
    let bare = bare.trim();
    let numberless = bare
        .split_once(' ')
        .filter(|(n, _)| {
            n.trim_end_matches(['.', ')'])
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.')
        })
        .map_or(bare, |(_, rest)| rest.trim());
    let m = TRIAL_LABEL.find(numberless)?;
    let name = clean_name(&numberless[m.end()..]);
    (looks_like_heading(text)
        && name.split_whitespace().count() >= 2
        && name.starts_with(char::is_uppercase))
    .then_some(name)
}

/// A trial's name as a document writes it, cleaned of parentheses and punctuation.
pub fn clean_name(s: &str) -> String {
    static SECTION_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[Nn]ote\s+)?\d{1,2}(?:\.\d{1,2}){0,3}[.)]?\s+")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // A speech's cue "[Slide 3 – attestforsøget]" heads what follows.
    static CUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\[(?:slide|dias)\s*\d*\s*[–—:-]?\s*(.*?)\]$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let s = CUE.replace(s.trim(), "$1");
    let s = PARENS.replace_all(&s, "");
    // A numbered section heading ("2.2 Mentorforsøget") or list item in a table cell
    // ("3. Mikrolån") names the trial without its number.
    let s = SECTION_NUMBER.replace(s.trim(), "");
    let s = TRIAL_LABEL.replace(&s, "");
    s.trim()
        .trim_end_matches(['.', ':', ';', ','])
        .trim()
        .to_string()
}

/// Splits `Name - A, B og C` or `Name (A, B og C)` into the name and the municipalities,
/// if the tail is a list. A status may follow the list in the parentheses (`(A og B;
/// endnu ikke påbegyndt)`).
/// "(samtlige kommuner i netværket)", "Alle fem kommuner i netværket", "alle seks
/// kommuner": the network's members.
static ALL_MEMBERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:samtlige|alle)(?:\s+(\w+))?\s+(?:kommuner|netværkskommuner)(?:\s+i\s+netværket)?\s*$|^\s*alle\s+netværkets\s+kommuner\s*$")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The municipalities a list names ("Allerød, Ballerup og Furesø"), or the network's
/// members when it names all of them (and as many as it counts).
fn listed_members<'n>(
    catalog: &Catalog,
    list: &str,
    network: &dyn Fn() -> &'n [String],
) -> Option<Vec<String>> {
    if let Some(c) = ALL_MEMBERS.captures(list.trim().trim_end_matches('.')) {
        if let Some(members) = all_members(network, c.get(1).map(|m| m.as_str())) {
            return Some(members.to_vec());
        }
    }
    parse_list(catalog, list)
}

/// The network's members when a phrase names all of them ("alle fem kommuner"): known,
/// and as many as it counts, if it counts them.
fn all_members<'n>(
    network: &dyn Fn() -> &'n [String],
    count: Option<&str>,
) -> Option<&'n [String]> {
    let members = network();
    let count = count.and_then(super::numbers::number_word);
    (members.len() >= 2 && count.is_none_or(|n| n as usize == members.len())).then_some(members)
}

/// "Name – A og B, 2. ansøgningsrunde, start 1. januar 2018. …": the name and the list
/// of who takes part, when facts of the trial follow the list (not any prose after a
/// dash).
fn split_name_facts<'n>(
    catalog: &Catalog,
    s: &str,
    network: &dyn Fn() -> &'n [String],
) -> Option<(String, Vec<String>)> {
    let (name, rest) = [" – ", " - ", " — "]
        .iter()
        .find_map(|sep| s.split_once(sep))?;
    let first_sentence = sentences(rest).into_iter().next().unwrap_or_default();
    let parts: Vec<&str> = first_sentence.split(", ").collect();
    let facts = |p: &&str| {
        let l = p.to_lowercase();
        l.contains("runde") || l.contains("start") || l.contains("siden")
    };
    let k = parts.iter().position(facts).filter(|k| *k > 0)?;
    let members = listed_members(catalog, &parts[..k].join(", "), network)?;
    (name.split_whitespace().count() >= 2 && !is_count_phrase(name))
        .then(|| (clean_name(name), members))
}

fn split_name_list<'n>(
    catalog: &Catalog,
    s: &str,
    network: &dyn Fn() -> &'n [String],
) -> Option<(String, Vec<String>)> {
    // "Deltagere: A, B og C" lists who takes part, it names no trial.
    if deltagende(s).is_some() {
        return None;
    }
    if let Some(inner) = s.trim_end().strip_suffix(')') {
        if let Some(open) = inner.rfind('(') {
            let (name, list) = (&inner[..open], &inner[open + 1..]);
            let list = list.split(';').next().unwrap_or(list);
            if let Some(m) = listed_members(catalog, list, network) {
                if !name.trim().is_empty() && !is_count_phrase(name) {
                    return Some((clean_name(name), m));
                }
            }
        }
    }
    for sep in [" - ", " – ", " — ", ": "] {
        let mut from = s.len();
        while let Some(pos) = s[..from].rfind(sep) {
            let (name, list) = (&s[..pos], &s[pos + sep.len()..]);
            if let Some(m) = listed_members(catalog, list, network) {
                if !name.trim().is_empty() && !is_count_phrase(name) {
                    return Some((clean_name(name), m));
                }
            }
            from = pos;
        }
    }
    None
}

/// "Rehabiliteringsteams i Aalborg og Rebild", "Lempede mentorregler (mentorforsøget) i
/// Aarhus og Norddjurs med 412 borgere. …": a name, then where it runs, in the first
/// sentence. (Not a sentence: "Forsøget er gennemført i A og B" names no trial.)
fn split_name_places(catalog: &Catalog, s: &str) -> Option<(String, Vec<String>)> {
    const VERBS: &[&str] = &[
        "er",
        "har",
        "blev",
        "bliver",
        "var",
        "kan",
        "skal",
        "vil",
        "deltager",
        "gennemføres",
        "gennemført",
        "indgår",
        "kører",
        "startede",
    ];
    let first = s.split(". ").next().unwrap_or(s).trim_end_matches('.');
    let mut from = first.len();
    while let Some(pos) = first[..from].rfind(" i ") {
        let (name, rest) = (&first[..pos], &first[pos + 3..]);
        let list = rest.split(" med ").next().unwrap_or(rest);
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let sentence_like = words.iter().any(|w| VERBS.contains(&w.as_str()))
            || words.first().is_some_and(|w| {
                ["det", "der", "den", "forsøget", "forsøgene"].contains(&w.as_str())
            });
        // (A name is capitalised and has no label; one word names a trial only if the
        // catalogue knows it: "Psykologhjælp i Holstebro og Struer" is a topic.)
        let name_like = name.starts_with(char::is_uppercase)
            && !name.contains(':')
            && (words.len() >= 2 || catalog.trial(name).is_some());
        if name_like && !sentence_like && !is_count_phrase(name) {
            if let Some(m) = parse_list(catalog, list) {
                if catalog.municipality(name).is_none() {
                    return Some((clean_name(name), m));
                }
            }
        }
        from = pos;
    }
    None
}

/// "Fire kommuner", "11 kommuner": a count of what the list holds, not a trial's name.
fn is_count_phrase(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() <= 3
        && words.first().is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_digit()) || super::numbers::number_word(w).is_some()
        })
}

/// The municipalities of the network the document speaks for, from a sentence that says
/// who takes part in it and names no trial ("Glostrup Kommune deltager i
/// Frikommunenetværket Vestegnen sammen med Albertslund, Brøndby og Ishøj").
fn network_members(catalog: &Catalog, paras: &[Paragraph]) -> Vec<String> {
    // A masthead's line of members under the network's name: "Frikommunenetværket
    // Fjordlandet" / "Holbæk · Lejre · Odsherred · Roskilde".
    // … or on the network's own line after a dash: "Frikommunenetværket Nordkysten –
    // Helsingør, Hillerød, Fredensborg og Halsnæs".
    for p in paras.iter().take(8) {
        let Some((name, list)) = p.text.split_once(" – ") else {
            continue;
        };
        if name.to_lowercase().contains("netværk") && name.split_whitespace().count() <= 3 {
            if let Some(members) = parse_list(catalog, list).filter(|m| m.len() >= 2) {
                return members;
            }
        }
    }
    // (The two lines set as one: "Frikommunenetværket Søhøjlandet Silkeborg · Skanderborg
    // · Horsens · Ikast-Brande".)
    for p in paras.iter().take(6) {
        let l = p.text.to_lowercase();
        if l.contains("netværk") && p.text.matches('·').count() >= 2 {
            let mut members: Vec<String> = municipality_mentions(catalog, &p.text)
                .into_iter()
                .flat_map(|m| m.1)
                .collect();
            members.dedup();
            if members.len() >= 2 {
                return members;
            }
        }
    }
    for pair in paras.iter().take(6).collect::<Vec<_>>().windows(2) {
        if !pair[0].text.to_lowercase().contains("netværk") {
            continue;
        }
        let line = pair[1].text.replace(['·', '|', '•'], ",");
        if let Some(members) = parse_list(catalog, &line).filter(|m| m.len() >= 2) {
            return members;
        }
    }
    for p in paras.iter().filter(|p| p.kind == Kind::Body) {
        for sentence in sentences(&p.text) {
            let l = sentence.to_lowercase();
            // "Rødovre og Hvidovre står uden for netværket" names who is not in it.
            let outside = NOT_TAKING_PART.is_match(&l) || l.contains("uden for");
            // "Netværket, der består af A, B og C kommuner, …" names its members.
            let members = says_taking_part(&l) || l.contains("består af") || l.contains(" udgør ");
            if !l.contains("netværk")
                || outside
                || !members
                || !mentions(catalog, &sentence).is_empty()
            {
                continue;
            }
            let mut munis: Vec<String> = municipality_mentions(catalog, &sentence)
                .into_iter()
                .flat_map(|m| m.1)
                .collect();
            munis.sort();
            munis.dedup();
            if munis.len() >= 2 {
                return munis;
            }
        }
    }
    Vec::new()
}

/// A status a list item states in its parentheses ("(Brøndby og Ishøj; endnu ikke
/// påbegyndt)").
fn status_in(item: &str) -> Option<&'static str> {
    let (_, inner) = item.trim_end().strip_suffix(')')?.rsplit_once('(')?;
    let (_, tail) = inner.split_once(';')?;
    let tail = tail.trim().trim_end_matches('.').to_lowercase();
    STATUSES
        .iter()
        .find(|(w, _)| tail == *w || tail.ends_with(&format!(" {w}")))
        .map(|(_, st)| *st)
}

/// Splits `Name – helt ophør` into the text before the status and the status.
fn split_status(s: &str) -> Option<(&str, &'static str)> {
    for sep in [" – ", " - ", " — ", ": "] {
        if let Some(pos) = s.rfind(sep) {
            let tail = s[pos + sep.len()..]
                .trim()
                .trim_end_matches('.')
                .to_lowercase();
            if let Some((_, st)) = STATUSES.iter().find(|(w, _)| tail == *w) {
                return Some((&s[..pos], st));
            }
        }
    }
    None
}

fn canonical(catalog: &Catalog, written: &str) -> String {
    catalog
        .trial(written)
        .map(String::from)
        .unwrap_or_else(|| written.to_string())
}

fn deltagende(s: &str) -> Option<&str> {
    // "Deltagende kommuner:", "Deltagere:", "Kommuner:", "Følgende kommuner indgår:".
    let (label, list) = s.split_once(':')?;
    let l = label.to_lowercase();
    let words: Vec<&str> = l.split_whitespace().collect();
    let about_taking_part = words.iter().any(|w| {
        w.starts_with("kommuner")
                || *w == "kommune"
                || w.starts_with("deltage")
                // An agreement's parties ("Parter: Helsingør Kommune, …").
                || *w == "parter"
    });
    // "Fire kommuner: …" counts the network's members.
    if words.len() > 4 || !about_taking_part || is_count_phrase(label) {
        return None;
    }
    // The list ends with its sentence: "Silkeborg og Skanderborg. Randers har søgt om …".
    let end = list
        .match_indices(". ")
        .find(|(at, _)| list[at + 2..].starts_with(char::is_uppercase))
        .map_or(list.len(), |(at, _)| at);
    Some(&list[..end])
}

/// The facts line under a heading that names a trial: its municipalities first, then
/// round and start, parted by `·` ("Sønderborg og Aabenraa · 3. runde · start 1.
/// februar 2020"). Two municipalities or more, or a round or start beside them.
fn facts_below(catalog: &Catalog, paras: &[Paragraph], i: usize) -> Option<(Vec<String>, String)> {
    let heading = paras.get(i)?;
    if heading.text.split_whitespace().count() < 2
        || ends_section(&heading.text)
        || catalog.municipality(heading.text.trim()).is_some()
    {
        return None;
    }
    let next = paras
        .get(i + 1)
        .filter(|q| matches!(q.kind, Kind::Bullet | Kind::Body | Kind::Heading))?;
    let (first, rest) = next.text.split_once('·')?;
    let munis = parse_list(catalog, first)?;
    let l = rest.to_lowercase();
    let facts = l.contains("runde") || l.contains("start") || l.contains("siden");
    (munis.len() >= 2 || facts).then(|| (munis, rest.to_string()))
}

/// The depth of a heading's section number: "3 Fleksible …" 1, "4.1 Revalidering…" 2.
fn heading_depth(text: &str) -> Option<usize> {
    // (The notes of accounts are numbered sections too: "Note 4. Virksomhedsrettet …".)
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[Nn]ote\s+)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+\p{L}")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    NUMBER
        .captures(text.trim())
        .map(|c| c[1].split('.').count())
}

/// A heading that speaks of the trial of its section as "forsøget" ("Fakta om forsøget",
/// "Om forsøget").
static REFERS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:fakta\s+)?om\s+forsøget$|^fakta$").unwrap_or_else(|e| panic!("{e}"))
});

/// A heading about the network or the document, not a trial ("Netværk: Frikommune-
/// netværket Gudenå", "Statusnotat fra Frikommunenetværket X (A, B og C kommuner)").
fn names_the_network(heading: &str) -> bool {
    let l = heading.to_lowercase();
    l.contains("netværk")
        || ["notat", "referat", "rapport", "nyhedsbrev", "status"]
            .iter()
            .any(|g| l.starts_with(g))
}

/// A field line, `Label: value` ("Godkendt: 2. ansøgningsrunde", "Startdato: 1.
/// oktober 2017"): a label of one to three words and a short value (not a sentence).
fn field(text: &str) -> Option<(&str, &str)> {
    if !looks_like_heading(text) {
        return None;
    }
    let (label, value) = text.split_once(": ")?;
    let words = label.split_whitespace().count();
    let value = value.trim();
    ((1..=3).contains(&words)
        && label.starts_with(char::is_uppercase)
        && !label.contains(['.', ',', '('])
        && !value.is_empty())
    .then_some((label, value))
}

/// Reads a trial's round, start and status from one of the facts below its heading.
fn read_facts(t: &mut Trial, label: &str, value: &str) {
    let text = format!("{label}: {value}");
    let l = text.to_lowercase();
    if t.round.is_none() {
        t.round = round_of(value);
    }
    if t.start.is_none() {
        if let Some(at) = ["start", "igangsat", "påbegyndt"]
            .iter()
            .find_map(|w| l.find(w))
        {
            t.start = text
                .get(at..)
                .and_then(parse_date)
                .filter(|d| d.len() == 10);
        }
    }
    if t.status.is_none() {
        let v = value.to_lowercase();
        t.status = STATUSES
            .iter()
            .find(|(w, _)| v.starts_with(w))
            .map(|(_, st)| (*st).to_string());
    }
}

/// The list of who takes part right below a heading ("Deltagende kommuner: A og B", or
/// the label with the names as bullets under it), past one line of prose or one more
/// such label, but not past another heading (the list is the nearest heading's).
fn participants_below(paras: &[Paragraph], i: usize) -> Option<String> {
    paras
        .iter()
        .enumerate()
        .skip(i + 1)
        .take(2)
        .take_while(|(_, q)| {
            let heading = match q.kind {
                Kind::Heading => true,
                Kind::Numbered(_) | Kind::Bullet => looks_like_heading(&q.text),
                _ => false,
            };
            !heading || deltagende(&q.text).is_some()
        })
        .find_map(|(k, q)| deltagende(&q.text).map(|l| listed_below(paras, k, l)))
}

/// The list of a `Deltagende kommuner:` line at `k`: on the line, or, when the line ends
/// at its colon, the bullets below it (one municipality each).
fn listed_below(paras: &[Paragraph], k: usize, list: &str) -> String {
    if !list.trim().is_empty() {
        return list.to_string();
    }
    paras
        .iter()
        .skip(k + 1)
        .take_while(|q| q.kind == Kind::Bullet)
        .map(|q| q.text.trim().trim_end_matches([',', '.', ';']))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The standard section labels of minutes and reports, which are never a trial's name.
fn is_section_label(h: &str) -> bool {
    const LABELS: &[&str] = &[
        // Who takes part, and for whom, in the trial of the section or document.
        "deltagende kommuner",
        "deltagere",
        "målgruppe",
        "målgruppen",
        "resumé",
        "resume",
        "sagsfremstilling",
        "sagsbeskrivelse",
        "beskrivelse",
        "indstilling",
        "beslutning",
        "baggrund",
        "lovgrundlag",
        "økonomi",
        "økonomiske konsekvenser",
        "bilag",
        "høring",
        "kommunikation",
        "vurdering",
        "status",
        "formål",
        "indledning",
    ];
    let l = h.trim().trim_end_matches([':', '.']).to_lowercase();
    LABELS.contains(&l.as_str())
}

/// A story's headline that names a trial in passing ("Mentorforsøget har hjulpet over
/// 300 borgere tættere på job"): it is about the trial up to the next heading, so it opens
/// no section. Six words or more.
fn is_headline(h: &str) -> bool {
    h.split_whitespace().count() >= 6
}

/// A numbered paragraph that is a document-level heading ("4. Økonomi", "2.
/// ansøgningsrunde"): it closes a trial's section as an unnumbered heading does.
pub fn closes_section(p: &Paragraph) -> bool {
    matches!(p.kind, Kind::Numbered(_)) && looks_like_heading(&p.text) && ends_section(&p.text)
}

/// Headings that close a trial's section (document-level headings).
pub fn ends_section(h: &str) -> bool {
    let l = h.to_lowercase();
    let letters: Vec<char> = h.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 3 && letters.iter().all(|c| c.is_uppercase()) {
        return true;
    }
    const WORDS: &[&str] = &[
        "indledning",
        "baggrund",
        "sagsbeskrivelse",
        "sagsfremstilling",
        "status på",
        "evaluering",
        "organisering",
        "økonomi",
        "konklusion",
        "opsummering",
        "samlet",
        "bilag",
        "indstilling",
        "beslutning",
        "runde",
        "vidensdeling",
        "samarbejde",
        "tidsplan",
        "videre proces",
        "videre forløb",
        "videre arbejde",
        "det videre",
        "perspektiv",
        "anbefaling",
        "godkendte forsøg",
        "oversigt",
        "afslutning",
        "næste skridt",
        // A report's box and its account of method and data stand apart from the trials.
        "boks",
        "datagrundlag",
        "metode",
        // What the trials have in common ("Fælles forudsætninger").
        "fælles",
    ];
    l == "status"
        || l.ends_with("runde")
        || WORDS
            .iter()
            .any(|w| l.starts_with(w) || l.contains(&format!(" {w}")))
        || round_of(h).is_some()
}

/// The trial a document is about as a whole, when its title names it: a title heading
/// on the first page (before any text) that holds the stem of a short name the text uses
/// and the catalogue does not know ("Fysioterapeutisk behandling i …" and
/// "fysioterapiforsøget"). Returns (name, as written, index of the heading).
fn title_trial(
    catalog: &Catalog,
    paras: &[Paragraph],
    minutes: bool,
) -> Option<(String, String, usize)> {
    let first_page = paras.first()?.page;
    let titles: Vec<usize> = paras
        .iter()
        .enumerate()
        .take_while(|(_, p)| p.page == first_page && p.kind == Kind::Heading)
        .filter(|(i, p)| {
            let words = p.text.split_whitespace().count();
            let letters: Vec<char> = p.text.chars().filter(|c| c.is_alphabetic()).collect();
            // (A big number's caption is no title: "2.150" / "færre lægeattester i 2019".)
            let caption = i
                .checked_sub(1)
                .and_then(|k| paras.get(k))
                .is_some_and(|n| {
                    n.text.trim().starts_with(|c: char| c.is_ascii_digit())
                        && n.text.split_whitespace().count() <= 3
                });
            (2..=12).contains(&words)
                && !caption
                && !p.text.contains([':', '·', '|'])
                && !letters.iter().all(|c| c.is_uppercase())
                && !names_the_network(&p.text)
                && !p.text.to_lowercase().starts_with("frikommuneforsøg")
                // (A title about the trials, "… under frikommuneforsøgene", is about none.)
                && !p.text.to_lowercase().contains("forsøgene")
                && municipality_mentions(catalog, &p.text).is_empty()
        })
        .map(|(i, _)| i)
        .collect();
    if titles.is_empty() {
        return None;
    }
    // A title that names one trial ("Samarbejdsaftale om fælles gennemførelse af
    // frikommuneforsøget Iværksætteri for dimittender").
    let named = titles
        .iter()
        .find_map(|&i| match mentions(catalog, &paras[i].text).as_slice() {
            [m] => Some((m.name.clone(), m.written.clone(), i)),
            _ => None,
        });
    if named.is_some() {
        return named;
    }
    // A news story's lead, right under its headline, that names one trial ("… Det viser
    // slutopgørelsen af psykologforsøget"): the story is about it.
    // (Not minutes: their first item's text is about that item.)
    let lead = paras
        .iter()
        .position(|p| p.kind == Kind::Body)
        .filter(|_| !minutes)
        .filter(|&k| k > 0 && paras[k - 1].kind == Kind::Heading && paras[k].page == first_page);
    if let Some(k) = lead {
        let ms = mentions(catalog, &paras[k].text);
        let names: BTreeSet<&str> = ms.iter().map(|m| m.name.as_str()).collect();
        if let ([m, ..], 1) = (ms.as_slice(), names.len()) {
            if is_headline(&paras[k - 1].text) {
                return Some((m.name.clone(), m.written.clone(), k));
            }
        }
    }
    let stems: BTreeSet<String> = paras
        .iter()
        .flat_map(|p| p.text.split(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter_map(short_name_stem)
        .filter(|stem| catalog.trial_of_stem(stem).is_none())
        .collect();
    titles.into_iter().find_map(|i| {
        let written = clean_name(&paras[i].text);
        let words: Vec<String> = written
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        stems
            .iter()
            .any(|stem| words.iter().any(|w| word_holds_stem(w, stem)))
            .then(|| (canonical(catalog, &written), written, i))
    })
}

/// The text after a trial's name without a parenthesis that names no municipality
/// ("(attestforsøget)", "(FLEX)").
fn skip_parenthesized_name<'a>(catalog: &Catalog, after: &'a str) -> &'a str {
    let Some(inner) = after.trim_start().strip_prefix('(') else {
        return after;
    };
    match inner.split_once(')') {
        Some((name, rest)) if municipality_mentions(catalog, name).is_empty() => rest,
        _ => after,
    }
}

/// The section's trial, named in the document's own words ("Færre lægeattester"), is
/// `official` by the text's own say ("Officielt navn: X"): what was said of it is X's.
fn take_official_name(
    catalog: &Catalog,
    b: &mut Builder,
    own: Option<&str>,
    official: &str,
    renamed: &mut HashMap<String, String>,
) {
    let Some(own) = own.filter(|o| *o != official && catalog.trial_exact(o).is_none()) else {
        return;
    };
    if catalog.trial(own).is_some_and(|c| c != official) {
        return;
    }
    b.fold(own, official);
    renamed.insert(own.to_string(), official.to_string());
}

/// "Færre lægeattester – attestforsøget": a name and the short name it goes by.
fn split_short_name(text: &str) -> Option<(String, &str)> {
    let (name, short) = [" – ", " - ", " — "]
        .iter()
        .find_map(|sep| text.trim().split_once(sep))?;
    let short = short.trim().trim_end_matches(['.', ',', ';']);
    (short_name_stem(short).is_some() && name.split_whitespace().count() >= 2)
        .then(|| (clean_name(name), short))
}

/// The catalogued trial a sentence gives as the official name of what it speaks of:
/// "Forsøget hedder officielt ”Fritagelse for …”", "samtaleforsøget – officielt
/// ”Formkrav til lovpligtige samtaler” –".
fn official_name(catalog: &Catalog, text: &str) -> Option<String> {
    let at = text.to_lowercase().find("officielt")?;
    let rest = text.get(at + "officielt".len()..)?;
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
    let rest = rest.strip_prefix("navn").unwrap_or(rest).trim_start();
    let quoted = rest.strip_prefix(['”', '“', '"', '„', '«'])?;
    let end = quoted.find(['”', '“', '"', '»'])?;
    catalog.trial(&quoted[..end]).map(String::from)
}

/// The trial a heading names: the whole heading, or the one catalogued trial named within
/// it. (name, as written)
fn heading_name(catalog: &Catalog, heading: &str) -> (String, String) {
    let written = clean_name(heading);
    if catalog.trial(&written).is_none() {
        if let [m] = mentions(catalog, heading).as_slice() {
            return (m.name.clone(), m.written.clone());
        }
    }
    (canonical(catalog, &written), written)
}

/// What a heading says of the trials.
enum HeadingTrial {
    /// It opens the section of this trial.
    Opens(String),
    /// It is a story's headline that names this trial in passing: the story's
    /// paragraphs are about it, up to the next heading.
    Headline(String),
    Neither,
}

/// The document `discover` reads, for the helpers that look around a paragraph.
struct Doc<'a, 'n> {
    catalog: &'a Catalog,
    paras: &'a [Paragraph],
    /// The network's members, worked out when first asked for.
    network: &'a dyn Fn() -> &'n [String],
}

/// The trial heading `i` is about: one it names, one whose facts or participants stand
/// below it, or the trial of the section or agenda item it is a label within.
/// `section_depth` is how deep the numbered heading that opened `section` was.
fn heading_trial(
    doc: &Doc,
    i: usize,
    b: &mut Builder,
    section: Option<&str>,
    in_item: Option<&str>,
    section_depth: Option<usize>,
) -> HeadingTrial {
    let (catalog, paras, network) = (doc.catalog, doc.paras, doc.network);
    let p = &paras[i];
    // A caption in lower case under a big number ("2.150" / "færre lægeattester i 2019")
    // is no trial's name; a title's second line names one only by a known name ("om
    // fælles gennemførelse af frikommuneforsøget X").
    if p.text.starts_with(char::is_lowercase) && mentions(catalog, &p.text).is_empty() {
        return HeadingTrial::Neither;
    }
    let current = section.or(in_item);
    let listed = participants_below(paras, i);
    // "Sagsfremstilling" inside an agenda item about a trial, a box "Fakta om
    // forsøget" under a trial's heading: the list below is that trial's.
    let about_current = is_section_label(&p.text) || REFERS_BACK.is_match(&p.text);
    if let (Some(list), true) = (&listed, about_current) {
        if let Some(name) = current {
            let munis = listed_members(catalog, list, network).unwrap_or_default();
            let t = b.add(name, name, p.page);
            add_municipalities(t, &munis);
        }
        current.map_or(HeadingTrial::Neither, |n| {
            HeadingTrial::Opens(n.to_string())
        })
    } else if let Some(munis) = listed
        .as_deref()
        .filter(|_| !names_the_network(&p.text))
        .and_then(|l| listed_members(catalog, l, network))
    {
        // (A list of people, "Lise Damgaard, jobcenterchef, …", is no
        // trial's municipalities.) A heading that names a trial within its words
        // ("om fælles gennemførelse af frikommuneforsøget X") is about that trial.
        let (name, written) = heading_name(catalog, &p.text);
        let t = b.add(&name, &written, p.page);
        add_municipalities(t, &munis);
        HeadingTrial::Opens(name)
    } else if let Some((munis, rest)) = facts_below(catalog, paras, i) {
        // A slide titled by a trial, its facts on the line below:
        // "Sønderborg og Aabenraa · 3. runde · start 1. februar 2020".
        let written = clean_name(&p.text);
        let name = canonical(catalog, &written);
        let t = b.add(&name, &written, p.page);
        add_municipalities(t, &munis);
        if t.round.is_none() {
            t.round = round_of(&rest);
        }
        if t.start.is_none() {
            t.start = parse_date(&rest).filter(|d| d.len() == 10);
        }
        HeadingTrial::Opens(name)
    } else if let Some((written, munis)) =
        split_name_list(catalog, &p.text, network).filter(|(written, _)| {
            // A field label ("Kopi til: …") is no trial, nor is the network
            // or the document ("Statusnotat fra Frikommunenetværket X (A, B
            // og C kommuner)").
            !names_the_network(written)
                && (catalog.trial(written).is_some()
                    || short_name_stem(written).is_some()
                    || (!p.text.contains(": ") && written.split_whitespace().count() >= 3))
        })
    {
        // A slide's title "Name – Brøndby og Hvidovre".
        let name = canonical(catalog, &written);
        let t = b.add(&name, &written, p.page);
        add_municipalities(t, &munis);
        HeadingTrial::Opens(name)
    } else if let Some(name) = catalog.trial(&clean_name(&p.text)) {
        let name = name.to_string();
        b.add(&name, &clean_name(&p.text), p.page);
        HeadingTrial::Opens(name)
    } else if let Some(name) = b
        .named(&clean_name(&p.text))
        .or_else(|| b.named_by_start(&clean_name(&p.text)))
    {
        b.add(&name, &clean_name(&p.text), p.page);
        HeadingTrial::Opens(name)
    } else if let Some(written) = labelled_trial(&p.text) {
        // "Nyt forsøg: Digitale samtaler med sygemeldte".
        let name = canonical(catalog, &written);
        b.add(&name, &written, p.page);
        HeadingTrial::Opens(name)
    } else if let Some(name) = heading_depth(&p.text)
        // (A sub-heading inside a trial's section is part of it.)
        .filter(|d| section.is_none() || section_depth.is_some_and(|s| *d <= s))
        .and_then(|_| numbered_section(catalog, paras, i))
    {
        // "2.5 Digitale opfølgningssamtaler i sygedagpengesager" over
        // "Forsøget med digitale … startede 1. juli 2019 i København …".
        b.add(&name, &clean_name(&p.text), p.page);
        HeadingTrial::Opens(name)
    } else if let Some((written, munis)) = permitted_below(catalog, paras, i) {
        let name = canonical(catalog, &written);
        let t = b.add(&name, &written, p.page);
        add_municipalities(t, &munis);
        HeadingTrial::Opens(name)
    } else if let Some(written) = approved_below(catalog, paras, i) {
        // "Fleksibel opfølgning for sygemeldte grænsependlere" over "Det tredje forsøg …
        // blev godkendt i 3. ansøgningsrunde med forsøgsstart den 1. april 2019 …".
        b.add(&written, &written, p.page);
        HeadingTrial::Opens(written)
    } else if let Some(name) = b.named_within(&p.text) {
        // "Erfaringer med psykologbehandling" after the deck named the trial.
        if is_headline(&p.text) {
            HeadingTrial::Headline(name)
        } else {
            HeadingTrial::Opens(name)
        }
    } else if let Some(short) = p
        .text
        .split_once(": ")
        .map(|(x, _)| x.trim())
        .filter(|x| short_name_stem(x).is_some())
    {
        // A story's headline led by its trial's short name ("Attestforsøget:
        // Borgerne slipper for …"): the story is about it.
        b.add(short, short, p.page);
        HeadingTrial::Headline(short.to_string())
    } else if short_name_stem(&clean_name(&p.text)).is_some() {
        // A slide titled by a trial's short name ("Psykologforsøget", "4.1
        // Revalideringsforsøget"): folded into the trial it stands for once
        // the whole document is read.
        let written = clean_name(&p.text);
        b.add(&written, &written, p.page);
        HeadingTrial::Opens(written)
    } else {
        let ms = mentions(catalog, &p.text);
        match ms.as_slice() {
            [m] => {
                b.add(&m.name, &m.written, p.page);
                // A story's headline that names the trial in passing
                // ("Mentorforsøget har hjulpet over 300 borgere tættere på
                // job") is about it up to the next heading, no further.
                if is_headline(&p.text) {
                    HeadingTrial::Headline(m.name.clone())
                } else {
                    HeadingTrial::Opens(m.name.clone())
                }
            }
            _ => HeadingTrial::Neither,
        }
    }
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
                if !(l.contains(" · ") && (l.contains("runde") || l.contains("start"))) {
                    return None;
                }
                let first = l.split(" · ").next().unwrap_or("");
                let facts_only = round_of(first).is_some()
                    || first.contains("start")
                    || listed_members(catalog, first, &network).is_some();
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
                        HeadingTrial::Neither => None,
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
    for name in &b.order {
        if let Some(mut t) = b.trials.remove(name) {
            t.parent = catalog.parent(&t.name).map(String::from);
            t.pages.sort_unstable();
            for alias in short_names(&parenthesized, &t.as_written) {
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

/// A line of a trial's approval facts and nothing else: "Godkendt i 3. ansøgningsrunde,
/// forsøgsstart 1. januar 2019".
fn approval_facts(text: &str) -> bool {
    let l = text.trim().to_lowercase();
    l.split_whitespace().count() <= 12
        && l.starts_with("godkendt")
        && round_of(&l).is_some()
        && (l.contains("start") || parse_date(&l).is_some())
}

/// A network and its members in a sentence: "… netværket, som A, B og C udgør",
/// "Netværket består af A, B og C kommuner".
static NETWORK_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)netværk\w*,?\s+(?:som\s+(.{5,120}?)\s+udgør|består\s+af\s+(?:de\s+\w+\s+kommuner\s+)?(.{5,120}?)(?:\s+kommuner)?[.,])")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The lead-in of a list (a paragraph ending in ':'): the municipalities and round it
/// names, and whether it is about trials ("Kommunerne deltager i følgende forsøg:").
struct ListLead {
    municipalities: Vec<String>,
    round: Option<u32>,
    about_trials: bool,
}

/// A list item and what the walk knows where it stands.
struct ListItem<'w> {
    i: usize,
    lead: Option<&'w ListLead>,
    /// The round and start date of the heading or prose above.
    round: Option<u32>,
    start: Option<&'w str>,
    /// The members of the network whose heading the list is under ("Netværket Midt-Vest
    /// (Herning, Holstebro, Struer og Ringkøbing-Skjern)"), in a document of several.
    members: Option<&'w [String]>,
}

/// What a list item is: a trial's name that opens the trial's section, a trial listed
/// under a lead-in, or prose that tells of trials.
enum ItemRead {
    Opens(String),
    Listed,
    Prose,
}

/// The list item's lead paragraph is a contents list's label.
fn in_contents_list(paras: &[Paragraph], i: usize) -> bool {
    let lead = paras[..i]
        .iter()
        .rev()
        .find(|p| !matches!(p.kind, Kind::Bullet | Kind::Numbered(_)));
    lead.is_some_and(|p| {
        let l = p.text.trim().trim_end_matches(':').to_lowercase();
        [
            "i dette nummer",
            "indhold",
            "indholdsfortegnelse",
            "læs i dette nummer",
        ]
        .contains(&l.as_str())
    })
}

/// Reads list item `item.i`: the trial it names, with what it says of its participants,
/// round, start and status. Trials of numbered items go into `numbered` by their number,
/// for "Ad 3)" paragraphs further on.
fn list_item(
    doc: &Doc,
    b: &mut Builder,
    d: &mut Discovery,
    item: &ListItem,
    numbered: &mut HashMap<u32, String>,
) -> ItemRead {
    let (catalog, paras) = (doc.catalog, doc.paras);
    // "(alle fire kommuner)" under a network's heading: that network's members.
    let network = || item.members.unwrap_or_else(|| (doc.network)());
    let i = item.i;
    let p = &paras[i];
    let text = p.text.as_str();
    // "Name (Holbæk og Odsherred): Holbæk har siden …": the item names its trial and goes
    // on to tell of it.
    // "Name – Bornholm og Stevns, 2. ansøgningsrunde, start 1. januar 2018. Revalidering
    // kan …": the list, then the trial's facts and prose.
    // "Name (Aabenraa og Haderslev). Forsøget skal …" as well.
    let told = text
        .find("): ")
        .or_else(|| text.find("). "))
        .and_then(|end| split_name_list(catalog, &text[..=end], &network))
        .or_else(|| split_name_facts(catalog, text, &network))
        .filter(|_| split_name_list(catalog, text, &network).is_none());
    // (A name and where it runs, "Mikrolån i Kalundborg og Kolding", only for a name the
    // catalogue knows: "Succesfuld åben garage … i Middelfart" is a story.)
    if let Some((written, munis)) = told
        .clone()
        .or_else(|| split_name_list(catalog, text, &network))
        .or_else(|| {
            split_name_places(catalog, text).filter(|(w, _)| {
                catalog.trial(w).is_some() && item.lead.is_none_or(|l| !l.about_trials)
            })
        })
    {
        let name = canonical(catalog, &written);
        if let Kind::Numbered(n) = p.kind {
            numbered.insert(n, name.clone());
        }
        let t = b.add(&name, &written, p.page);
        add_municipalities(t, &munis);
        if let Some(st) = status_in(text) {
            t.status = Some(st.to_string());
        }
        if told.is_some() {
            read_facts(t, "", text);
        }
        if t.round.is_none() {
            t.round = item.round;
        }
        if t.start.is_none() {
            t.start = item.start.map(String::from);
        }
        // (Its numbers are the name's, unless it tells of the trial too.)
        if told.is_none() {
            d.items.insert(i);
        }
        return ItemRead::Opens(name);
    }
    if let Some((head, status)) = split_status(text) {
        // "6. Name (Ringsted og Sorø) – ikke påbegyndt": the list may stand before the
        // status.
        let (written, munis) = split_name_list(catalog, head, &network)
            .unwrap_or_else(|| (clean_name(head), Vec::new()));
        let name = canonical(catalog, &written);
        let t = b.add(&name, &written, p.page);
        t.status = Some(status.to_string());
        add_municipalities(t, &munis);
        d.items.insert(i);
        return if munis.is_empty() {
            ItemRead::Listed
        } else {
            ItemRead::Opens(name)
        };
    }
    if let Some(lead) = item.lead.filter(|l| l.about_trials) {
        // "Rehabiliteringsteams i Aalborg og Rebild": a name and where it runs.
        let placed = split_name_places(catalog, text);
        // "Færre lægeattester – attestforsøget": a name and its short name.
        let (written, short) = match (&placed, split_short_name(text)) {
            (Some((name, _)), _) => (name.clone(), None),
            (None, Some((name, short))) => (name, Some(short)),
            (None, None) => (clean_name(text), None),
        };
        let known = catalog
            .trial(&written)
            .or_else(|| {
                let stem = short_name_stem(short?)?;
                catalog.trial_of_stem(&stem)
            })
            .map(String::from);
        // "Kommuner i forsøget:" lists municipalities, not trials; "3. Økonomi" after the
        // list is the document's next section.
        let short_list_item = written.split_whitespace().count() <= 10
            && !ends_section(&written)
            && !is_section_label(&written)
            && !written.contains(". ")
            && written.chars().next().is_some_and(char::is_uppercase)
            && catalog.municipality(&written).is_none();
        if !(known.is_some() || short_list_item) {
            // An item that tells of a trial rather than naming one.
            return ItemRead::Prose;
        }
        let name = known.unwrap_or_else(|| written.clone());
        if let Some(short) = short {
            b.add(&name, short, p.page);
        }
        let t = b.add(&name, &written, p.page);
        add_municipalities(t, &lead.municipalities);
        if let Some((_, munis)) = &placed {
            add_municipalities(t, munis);
        }
        if t.round.is_none() {
            t.round = lead.round.or(item.round);
        }
        d.items.insert(i);
        return ItemRead::Listed;
    }
    let opens = if let Some(munis) =
        (looks_like_heading(text) && field(&clean_name(text)).is_none() && !is_section_label(text))
            .then(|| participants_below(paras, i))
            .flatten()
            .and_then(|l| listed_members(catalog, &l, &network))
    {
        // "1. Færre opfølgninger for … / Deltagende kommuner: A, B og C": a numbered
        // heading over the trial's facts and prose.
        let written = clean_name(text);
        let name = canonical(catalog, &written);
        let t = b.add(&name, &written, p.page);
        add_municipalities(t, &munis);
        name
    } else if let Some(written) = labelled_trial(text).filter(|w| catalog.trial_exact(w).is_none())
    {
        // "4. Afslag: Fritagelse for sanktion ved udeblivelse …".
        let name = canonical(catalog, &written);
        b.add(&name, &written, p.page);
        name
    } else if let Some(name) = numbered_section(catalog, paras, i) {
        // "1. Fritagelse for indhentelse af LÆ265 …" over the trial's prose.
        b.add(&name, &clean_name(text), p.page);
        name
    } else if let Some(name) = catalog.trial_exact(&clean_name(text)) {
        // A list item that is a trial's name ("Navn: X" in a fact box): the items and
        // prose below are about it. The heading above named it in its own words
        // ("Forsøg 1: Færre lægeattester …").
        let name = name.to_string();
        b.add(&name, &clean_name(text), p.page);
        name
    } else if let Some(short) = Some(clean_name(text))
        // ("2. Attestforsøget – trin for trin": the short name leads the heading.)
        .map(
            |w| match w.split_once(" – ").or_else(|| w.split_once(": ")) {
                Some((lead, _)) => lead.trim().to_string(),
                None => w,
            },
        )
        .filter(|w| looks_like_heading(text) && short_name_stem(w).is_some())
    {
        // A numbered section titled by a trial's short name ("3. Forsøg 1 –
        // Attestforsøget"): folded into the trial it stands for once the whole document
        // is read.
        b.add(&short, &short, p.page);
        short
    } else {
        return ItemRead::Prose;
    };
    d.items.insert(i);
    ItemRead::Opens(opens)
}

/// Short names in parentheses that could name a trial: an abbreviation ("(FLEX)") or a
/// name ending in "forsøget" ("(FLEX-forsøget)"), each with the text before it in lower
/// case, in document order.
fn parenthesized_names(paras: &[Paragraph]) -> Vec<(String, String)> {
    static PARENTHESIS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\(((?:[\p{L}\d]+-)*[\p{L}\d]+)\)").unwrap_or_else(|e| panic!("{e}"))
    });
    let mut out = Vec::new();
    for p in paras {
        for c in PARENTHESIS.captures_iter(&p.text) {
            let (Some(whole), Some(alias)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let alias = alias.as_str();
            let abbreviation = alias.chars().filter(|c| c.is_uppercase()).count() >= 2;
            let named = alias.to_lowercase().ends_with("forsøget");
            if abbreviation || named {
                let before = p.text[..whole.start()].trim_end().to_lowercase();
                out.push((before, alias.to_string()));
            }
        }
    }
    out
}

/// The short names given right after one of a trial's written forms of two words or more.
fn short_names(parenthesized: &[(String, String)], written: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in written.iter().filter(|w| w.split_whitespace().count() >= 2) {
        let w = w.to_lowercase();
        for (before, alias) in parenthesized {
            if before.ends_with(&w) && !out.contains(alias) {
                out.push(alias.clone());
            }
        }
    }
    out
}

static NOT_TAKING_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?:ikke|aldrig|ikke længere)\s+(?:\w+\s+){0,2}(?:deltag|ansøg|indgå|gennemfør|været med|med i)|(?:deltag\w*|deltog|indgår|indgik)\s+ikke\b|udtrådt|trådt ud|udtræder|træder ud|forladt forsøget)")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The trial a text names, if it names exactly one (however often).
pub fn the_one_trial(catalog: &Catalog, text: &str) -> Option<String> {
    let names: BTreeSet<String> = mentions(catalog, text)
        .into_iter()
        .map(|m| m.name)
        .collect();
    match names.len() {
        1 => names.into_iter().next(),
        _ => None,
    }
}

/// A trial's name given in running text right after "forsøget", when the catalogue does
/// not know it: capitalised mid-sentence (Danish writes common nouns in lower case), two
/// to ten words, up to the end of the sentence or clause, naming no municipality.
pub fn introduced_trial(catalog: &Catalog, text: &str) -> Option<String> {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            // The name ends at a punctuation mark or at the verb of the sentence
            // ("Forsøget Forenklet børnefaglig undersøgelse … udløber den 31. december").
            r"\b(?i:frikommune)?(?i:forsøget)\s+[\x22“„«]?(\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){1,9}?)[\x22”“»]?(?:\s*(?:[.;:,]|$)|\s+(?:udløber|ophører|blev|er|har|giver|løber|startede|skal|kan|omfatter|fortsætter|gælder|træder)\b)",
        )
        .unwrap_or_else(|e| panic!("{e}"))
    });
    // ”Gradvis tilbagevenden for sygemeldte med stress” – eller stressforsøget, …
    static QUOTED_ALIAS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[\x22“”„«](\p{Lu}[^\x22“”»]{4,100}?)[\x22“”»]\s*(?:[–—-]\s*(?:eller|også kaldet|kaldet)\s+|\()\p{L}+forsøget\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // "Forsøget hedder ”Småjob i ressourceforløb” og startede …".
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?i:forsøget)\s+(?:hedder|kaldes|har\s+fået\s+navnet|med\s+navnet)\s+[\x22“”„«](\p{Lu}[^\x22“”»]{3,100}?)[\x22“”»]")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    if let Some(name) = NAMED.captures(text).and_then(|c| c.get(1)) {
        let name = name.as_str().trim();
        if catalog.trial(name).is_none() && name.split_whitespace().count() >= 2 {
            return Some(name.to_string());
        }
    }
    // (The regex is costly to build: only a text with a short name needs it.)
    let quoted = text
        .contains("forsøget")
        .then(|| QUOTED_ALIAS.captures(text))
        .flatten();
    if let Some(name) = quoted.and_then(|c| c.get(1)) {
        let name = name.as_str().trim();
        let known = catalog.trial(name).is_some();
        if !known && name.split_whitespace().count() >= 2 {
            return Some(name.to_string());
        }
    }
    sentences(text).into_iter().find_map(|sentence| {
        let Some(c) = AFTER.captures(&sentence) else {
            return run_by_trial(catalog, &sentence).map(|(name, _)| name);
        };
        let name = c.get(1)?.as_str().trim();
        let known = !mentions(catalog, name).is_empty() || catalog.trial(name).is_some();
        let names_place = !municipality_mentions(catalog, name).is_empty();
        (!known && !names_place).then(|| name.to_string())
    })
}

/// A trial the catalogue does not know, written in lower case and named by who ran it:
/// "Forsøget med afkortet sygedagpengeopfølgning ved forventet raskmelding, som Bornholm
/// og Ærø gennemførte fra …" -> the name (capitalised) and the municipalities.
fn run_by_trial(catalog: &Catalog, sentence: &str) -> Option<(String, Vec<String>)> {
    static RUN_BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(?i:forsøget)\s+med\s+(\p{Ll}[\p{L}-]*(?:\s+[\p{L}-]+){1,9}?),\s+som\s+(\p{Lu}[^,]{0,80}?)\s+(?:har\s+|havde\s+)?(?:gennemført|gennemførte|gennemfører|deltager\s+i|deltog\s+i|deltaget\s+i|afprøvede|afprøver)\b",
        )
        .unwrap_or_else(|e| panic!("{e}"))
    });
    let c = RUN_BY.captures(sentence)?;
    // (Run by municipalities, not "som vi gennemførte".)
    let munis = parse_list(catalog, &c[2])?;
    let name = c[1].trim();
    let known = !mentions(catalog, name).is_empty() || catalog.trial(name).is_some();
    if known || !municipality_mentions(catalog, name).is_empty() {
        return None;
    }
    Some((super::structure::capitalised(name), munis))
}

/// Clauses of a sentence that may say opposite things about participation ("Hjørring
/// deltager sammen med Rebild, mens Brønderslev har valgt ikke at deltage").
fn clauses(sentence: &str) -> impl Iterator<Item = &str> {
    static BREAK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r",?\s+(?:mens|men|hvorimod)\s+|;\s+").unwrap_or_else(|e| panic!("{e}"))
    });
    BREAK.split(sentence)
}

/// "alle tre kommuner", "samtlige kommuner", "alle netværkets kommuner".
static ALL_OF_THEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:alle|samtlige)\s+(?:netværkets\s+)?(?:(\w+)\s+)?(?:kommuner|netværkskommuner)\b",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});

/// The clause says that municipalities take part: they take part, applied, or the trial
/// is carried out or approved for them.
/// "X fik i 2. ansøgningsrunde godkendt forsøget".
static FIK_GODKENDT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:fik|har fået)\s+(?:\S+\s+){1,4}?godkendt\b").unwrap_or_else(|e| panic!("{e}"))
});

/// A clause that opens with the municipalities it is about: "Halsnæs og Hillerød gik i
/// gang …" (not "I Halsnæs er 27 sygemeldte …").
fn opens_with_municipalities(catalog: &Catalog, clause: &str) -> bool {
    let c = clause.trim_start();
    // "Alle fire kommuner er med."
    if ALL_OF_THEM
        .find(&c.to_lowercase())
        .is_some_and(|m| m.start() == 0)
    {
        return true;
    }
    let places = super::municipalities::places(catalog, c);
    places.first().is_some_and(|p| p.start == 0)
        && places.iter().map(|p| p.names.len()).sum::<usize>() >= 2
}

fn says_taking_part(l: &str) -> bool {
    // "er med i", "er som den eneste i netværket med i forsøget".
    static WITH_IN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:er|var|været|kommet)\s+(?:\S+\s+){0,6}?med i\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // "A og B har siden 1. juli 2017 kunnet …": what the trial allows them.
    static HAVE_BEEN_ABLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bhar\s+(?:\S+\s+){0,5}?kunnet\b").unwrap_or_else(|e| panic!("{e}"))
    });
    l.contains("deltag")
        || l.contains("deltog")
        || HAVE_BEEN_ABLE.is_match(l)
        // "Alle fire kommuner er med."
        || l.trim_end_matches(['.', ' ']).ends_with(" er med")
        || WITH_IN.is_match(l)
        // "indgår i", "er blevet godkendt til at indgå i" (not "søger om at indgå i": an
        // application to join is no taking part yet)
        || l.contains("indgår")
        || l.contains("godkendt til at indgå")
        || l.contains("står bag")
        // gennemført, gennemføres i/af, gennemfører sammen med
        || l.contains("gennemfør")
        || l.contains("tilsluttet sig")
        // "I Ikast-Brande og Herning har man brugt de lempede mentorregler", "som led i
        // frikommuneforsøget", "de fem kommuner bag forsøget", "som X fik godkendt"
        || l.contains(" brugt ")
        || l.contains(" anvendt ")
        || l.contains("som led i")
        || l.contains(" bag forsøget")
        || l.contains("fik godkendt")
        || FIK_GODKENDT.is_match(l)
        || l.contains("fået godkendt")
        // "X har sammen med Y siden 2019 været fritaget for kravet …"
        || l.contains(" sammen med ")
        || l.contains("fritaget for")
        || l.contains("fortsætter i")
        || l.contains("ansøge om")
        || l.contains("ansøgt om")
        || l.contains("afprøvet i")
        || l.contains("afprøves i")
        // "Forsøget startede 1. januar 2018 i X og Y", "gik i gang … i X".
        || ((l.contains("startede")
            || l.contains("startet")
            || l.contains("i gang")
            || l.contains(" kørt ")
            || l.contains(" kører "))
            && l.contains(" i "))
        || (l.contains("godkendt") && l.contains(" for "))
}

/// Mentions in running text, with participation stated by the sentence itself
/// (`Rebild Kommune har valgt at ansøge om deltagelse i forsøget X`).
fn body_mentions<'n>(
    catalog: &Catalog,
    b: &mut Builder,
    p: &Paragraph,
    section: Option<&str>,
    network: &dyn Fn() -> &'n [String],
) {
    // A trial the catalogue does not know, introduced by name ("… ansøgningen om forsøget
    // Digitale samtaler med forsikrede ledige.").
    let introduced = introduced_trial(catalog, &p.text);
    if let Some(name) = &introduced {
        b.add(name, name, p.page);
    }
    // (… with who ran it, whatever the sentence goes on to say: "…, som Bornholm og Ærø
    // gennemførte …, indgår ikke i analysen".)
    for (name, munis) in sentences(&p.text)
        .iter()
        .filter_map(|s| run_by_trial(catalog, s))
    {
        add_municipalities(b.add(&name, &name, p.page), &munis);
    }
    // A paragraph that names one trial is about it: its other sentences ("Forsøget
    // fortsætter i Varde og Billund") speak of that trial.
    let topic = the_one_trial(catalog, &p.text).or(introduced);
    let section = topic.as_deref().or(section);
    for sentence in sentences(&p.text) {
        for s in clauses(&sentence) {
            clause_mentions(catalog, b, p, section, s, network);
        }
    }
}

fn clause_mentions<'n>(
    catalog: &Catalog,
    b: &mut Builder,
    p: &Paragraph,
    section: Option<&str>,
    s: &str,
    network: &dyn Fn() -> &'n [String],
) {
    let ms = mentions(catalog, s);
    let l = s.to_lowercase();
    // "..., som ikke deltager i forsøgene" names municipalities that do not take part.
    let negated = NOT_TAKING_PART.is_match(&l);
    let takes_part = !negated && says_taking_part(&l);
    for m in &ms {
        b.add(&m.name, &m.written, p.page);
    }
    // "forsøgene Mikrolån (Helsingør og Gribskov), Formkrav … (alle fire kommuner) og …":
    // each name with its own list.
    if ms.len() >= 2 {
        for m in &ms {
            let munis = s[m.end..]
                .trim_start()
                .strip_prefix('(')
                .and_then(|rest| rest.split_once(')'))
                .and_then(|(list, _)| listed_members(catalog, list, network));
            if let (Some(munis), Some(t)) = (munis, b.trials.get_mut(&m.name)) {
                add_municipalities(t, &munis);
            }
        }
    }
    let target = match ms.as_slice() {
        [m] => Some(m.name.clone()),
        // "X og Y kommuner har siden 2018 deltaget i forsøget", "X deltager sammen med Y
        // og Z kommuner", "I forsøget deltager foruden X også Y" under the trial's heading
        // or in an agenda item about it.
        // So does a clause whose subject is the municipalities ("Halsnæs og Hillerød gik i
        // gang 1. april 2019", "Helsingør, Fredensborg og Halsnæs har siden 2017 kunnet …").
        // ("Det er gennemført i …": the section's trial as the subject.)
        [] => section.map(String::from).filter(|_| {
            takes_part
                && (l.contains("forsøg")
                    || l.contains("sammen med")
                    || l.contains("foruden")
                    || l.starts_with("det ")
                    || opens_with_municipalities(catalog, s))
        }),
        _ => None,
    };
    let Some(target) = target else { return };
    // "I psykologforsøget har Næstved og Faxe siden 2018 kunnet tilbyde …": the trial as
    // the scene, the municipalities as the subject.
    if let [m] = ms.as_slice() {
        if s[..m.start].trim().eq_ignore_ascii_case("i") {
            let munis = SUBJECT_AFTER_VERB
                .captures(s[m.end..].trim_start())
                .and_then(|c| parse_list(catalog, &c[1]));
            if let (Some(munis), Some(t)) = (munis, b.trials.get_mut(&target)) {
                add_municipalities(t, &munis);
            }
        }
    }
    let before = ms.first().map(|m| &s[..m.start]).unwrap_or(s);
    // After the name, a relative clause may state others taking part ("…, som Kolding og
    // Haderslev har gennemført siden 2019").
    let after = ms
        .first()
        .map(|m| &s[m.end..])
        // (A short name in parentheses after the name is no list: "… i sygedagpengesager
        // (attestforsøget) gennemføres i Odense, Nordfyns og Nyborg".)
        .map(|a| skip_parenthesized_name(catalog, a))
        .and_then(|a| match a.trim_start().strip_prefix(['–', '-', '(']) {
            // "forsøget med X – Herning, Holstebro og Struer – har gjort status": the
            // list set off after the name, up to the closing dash or parenthesis (not a
            // hyphen inside a name).
            Some(rest) => Some(
                rest.find(['–', ')'])
                    .or_else(|| rest.find(" - "))
                    .map_or(rest, |end| &rest[..end]),
            ),
            // "… indgå i forsøget X sammen med Kalundborg og Odsherred kommuner",
            // "godkendte … forsøget ”X” for Helsingør, Fredensborg og Hørsholm".
            None => {
                let l = a.to_lowercase();
                let l = l.trim_start_matches(['”', '"', '“', '»', ' ']);
                (l.starts_with("sammen med") || l.starts_with("for ") || says_taking_part(l))
                    .then_some(a)
            }
        })
        .unwrap_or("");
    if takes_part {
        let mut munis: Vec<String> = municipality_mentions(catalog, before)
            .into_iter()
            .chain(municipality_mentions(catalog, after))
            .flat_map(|m| m.1)
            .collect();
        // "Forsøget gennemføres i alle tre kommuner": the network's members.
        if let Some(c) = ALL_OF_THEM.captures(&l) {
            if let Some(members) = all_members(network, c.get(1).map(|m| m.as_str())) {
                munis.extend(members.iter().cloned());
            }
        }
        if let Some(t) = b.trials.get_mut(&target) {
            add_municipalities(t, &munis);
            if ms.len() == 1 && t.round.is_none() {
                t.round = round_of(s);
            }
        }
    }
    if ms.len() == 1
        && (l.contains("ikke skal påbegyndes")
            || l.contains("ikke påbegyndt")
            || l.contains("ikke er påbegyndt"))
    {
        if let Some(t) = b.trials.get_mut(&target) {
            t.status = Some("ikke påbegyndt".into());
            t.start = None;
        }
    }
}

/// Tables: a trial column with a municipalities column, or a trial × municipality
/// matrix with marks.
fn table_row(
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
    let trial_col = lower.iter().position(|h| {
        h.contains("forsøg") && h.split_whitespace().count() <= 2 && short_name_stem(h).is_none()
    });
    let muni_col = lower
        .iter()
        .position(|h| h.contains("kommune") || h.contains("deltager"));
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
        let munis = parse_list(catalog, mcell)
            .or_else(|| {
                // (… or, with none listed there, the network's own.)
                let local = members_above(catalog, paras, head_idx);
                if local.is_none() {
                    return listed_members(catalog, mcell, doc.network);
                }
                let c = ALL_MEMBERS.captures(mcell.trim())?;
                let local = local?;
                let count = c
                    .get(1)
                    .and_then(|m| super::numbers::number_word(m.as_str()));
                count
                    .is_none_or(|n| n as usize == local.len())
                    .then_some(local)
            })
            .unwrap_or_default();
        let t = b.add(&name, &written, page);
        add_municipalities(t, &munis);
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
        let all_marks = cells.iter().skip(1).all(|c| mark(c).is_some());
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
    if muni_col == Some(0) && trial_col.is_none() {
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
        let Some(first) = cells.first() else { return };
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
        let t = b.add(&name, &written, page);
        add_municipalities(t, &marked);
        d.items.insert(i);
    }
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

/// A table's total row or column ("I alt", "Total", "Samlet"): no trial, no place.
pub fn is_total(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    l.starts_with("i alt") || matches!(l.as_str(), "total" | "samlet" | "sum")
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

/// The trial a numbered section heading names ("2. Selvbooking af samtaler for
/// forsikrede ledige" over "Langeland Kommune har … og Assens er blevet godkendt til at
/// indgå i forsøget"): a catalogued name, or a new one when the prose right below speaks
/// of "forsøget" taking part. Generic headings ("3. Forsøg, der ikke søges forlænget")
/// name none.
fn numbered_section(catalog: &Catalog, paras: &[Paragraph], i: usize) -> Option<String> {
    let p = paras.get(i)?;
    // The prose below, past sub-headings ("2.1 Om forsøget").
    let below = paras.get(i + 1..)?;
    let next = below
        .iter()
        .take(3)
        .find(|n| n.kind != Kind::Heading)
        .filter(|n| n.kind == Kind::Body)?;
    // (A sub-heading that names a trial owns the prose: "2. Resultater på tværs af
    // netværkene" / "2.1 Formkrav ved lovpligtige samtaler" / "Forsøget er …".)
    if below
        .iter()
        .take_while(|n| n.kind == Kind::Heading)
        .any(|h| catalog.trial(&clean_name(&h.text)).is_some())
    {
        return None;
    }
    if !looks_like_heading(&p.text)
        || TRIAL_WORD.is_match(&p.text)
        || ends_section(&p.text)
        || is_section_label(&p.text)
    {
        return None;
    }
    let written = clean_name(&p.text);
    if let Some(name) = catalog.trial(&written) {
        return Some(name.to_string());
    }
    let l = next.text.to_lowercase();
    // ("Forsøget med …", not a short name that names another trial, "… imod
    // ledighedsydelsesforsøget".)
    let the_trial = l
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "forsøget");
    let about = the_trial && says_taking_part(&l);
    let plausible = written.split_whitespace().count() >= 2
        && catalog.municipality(&written).is_none()
        && mentions(catalog, &next.text).is_empty();
    (about && plausible).then_some(written)
}

/// A heading of three words or more in the writer's own words over prose that tells a
/// trial's approval (its round or its start: "Det tredje forsøg har netværket selv
/// udviklet. Det blev godkendt i 3. ansøgningsrunde med forsøgsstart den 1. april 2019")
/// without naming a known one: the heading is that trial's name.
fn approved_below(catalog: &Catalog, paras: &[Paragraph], i: usize) -> Option<String> {
    let p = paras.get(i)?;
    let next = paras.get(i + 1).filter(|n| n.kind == Kind::Body)?;
    let written = clean_name(&p.text);
    let plausible = written.split_whitespace().count() >= 3
        && looks_like_heading(&p.text)
        && !written.contains([':', '?'])
        && !written.chars().any(|c| c.is_ascii_digit())
        && !TRIAL_WORD.is_match(&written)
        && !ends_section(&written)
        && !is_section_label(&written)
        && catalog.municipality(&written).is_none()
        && municipality_mentions(catalog, &written).is_empty();
    let l = next.text.to_lowercase();
    let approved = l
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with("forsøg"))
        && (l.contains("forsøgsstart") || (l.contains("godkendt") && round_of(&l).is_some()));
    (plausible && approved && mentions(catalog, &next.text).is_empty()).then_some(written)
}

/// A heading of three words or more over the provision that lets municipalities run it:
/// "Virksomhedspraktik i op til 13 uger for jobparate kontanthjælpsmodtagere" over "§ 5.
/// Morsø og Thisted Kommuner kan uanset § 44 …" (an executive order's trials). The
/// heading is the trial's name; the municipalities take part.
fn permitted_below(
    catalog: &Catalog,
    paras: &[Paragraph],
    i: usize,
) -> Option<(String, Vec<String>)> {
    static MAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:§\s*\d+\s*[a-z]?\.\s*)?(\p{Lu}.{2,120}?)\s+[Kk]ommuner?\s+kan\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let p = paras.get(i)?;
    let next = paras.get(i + 1).filter(|n| n.kind == Kind::Body)?;
    let written = clean_name(&p.text);
    let plausible = written.split_whitespace().count() >= 3
        && looks_like_heading(&p.text)
        && !written.contains([':', '?', '§'])
        && !TRIAL_WORD.is_match(&written)
        && !ends_section(&written)
        && !is_section_label(&written)
        && municipality_mentions(catalog, &written).is_empty();
    if !plausible {
        return None;
    }
    let list = MAY.captures(next.text.trim())?.get(1)?.as_str();
    let munis = parse_list(catalog, list)?;
    Some((written, munis))
}

/// What a matrix cell says of taking part: yes (`x`, `Ja`, `✓`, `Fra 2020`), no (`Nej`,
/// empty, a dash, `Udtrådt`), or nothing (a number, a text: not a matrix of marks).
fn mark(cell: &str) -> Option<bool> {
    static SINCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:fra|siden)\s+(?:\d{1,2}\.\s*\w+\s+)?(?:19|20)\d\d$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let c = cell.trim().trim_end_matches('.').to_lowercase();
    match c.as_str() {
        // "(X)": took part, then left (the legend says so); it did take part.
        "x" | "(x)" | "ja" | "✓" | "(✓)" | "✔" | "•" | "deltager" => Some(true),
        "" | "nej" | "-" | "–" | "—" | "udtrådt" | "ophørt" | "ikke" => Some(false),
        _ if SINCE.is_match(&c) => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn short_names_have_the_stem_of_the_trial_they_stand_for() {
        assert_eq!(short_name_stem("Psykologforsøget"), Some("psykolog".into()));
        assert_eq!(
            short_name_stem("Forholdstalsforsøget"),
            Some("forholdstal".into())
        );
        assert_eq!(short_name_stem("FLEX-forsøget"), Some("flex".into()));
        assert_eq!(short_name_stem("Frikommuneforsøget"), None);
        assert_eq!(short_name_stem("Forsøget"), None);
        assert_eq!(short_name_stem("Status på forsøget"), None);
    }
    use super::*;

    #[test]
    fn mentions_need_context_for_short_names() {
        let c = Catalog::builtin();
        assert!(mentions(&c, "Borgere kan få psykologbehandling.").is_empty());
        let m = mentions(&c, "Pressedækning på forsøg med Mikrolån (P1)");
        assert_eq!(m[0].name, "Mikrolån");
        let m = mentions(
            &c,
            "De to store forsøg med Samtaler og Rehabiliteringsteams forsætter",
        );
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn list_items_matrix_marks_and_references() {
        let c = Catalog::builtin();
        let members = vec!["Albertslund".to_string(), "Ishøj".to_string()];
        let network = || members.as_slice();
        let (n, m) = split_name_list(
            &c,
            "Ny indsats for unge (Brøndby og Ishøj; endnu ikke påbegyndt)",
            &network,
        )
        .unwrap_or_default();
        assert_eq!((n.as_str(), m.len()), ("Ny indsats for unge", 2));
        assert_eq!(
            status_in("Ny indsats (Brøndby og Ishøj; endnu ikke påbegyndt)"),
            Some("ikke påbegyndt")
        );
        let (_, m) = split_name_list(
            &c,
            "Ledighedsydelse (samtlige kommuner i netværket)",
            &network,
        )
        .unwrap_or_default();
        assert_eq!(m, members);
        // A parenthesis that is no list of municipalities is part of the name.
        assert!(split_name_list(&c, "Mentorordning (fra 2019)", &network).is_none());
        assert_eq!(mark("Ja"), Some(true));
        assert_eq!(mark("Fra 2020"), Some(true));
        assert_eq!(mark("Udtrådt"), Some(false));
        assert_eq!(mark("148"), None);
        assert_eq!(refers_back("Ad 3) Forsøget er ophørt."), Some(3));
        assert_eq!(refers_back("Ad punkt 12: Status"), Some(12));
        assert_eq!(refers_back("Adgangen til 3) …"), None);
        assert_eq!(clean_name("Forsøg 1 · Mentorforsøget"), "Mentorforsøget");
        assert_eq!(
            c.trial("Forenklet bevillingsgrundlag for revalidering"),
            Some("Forenkling af bevillingsgrundlaget for revalidering")
        );
        assert_eq!(
            introduced_trial(
                &c,
                "Ministeriet godkendte ansøgningen om forsøget Digitale samtaler med ledige."
            )
            .as_deref(),
            Some("Digitale samtaler med ledige")
        );
        assert!(NOT_TAKING_PART.is_match("rudersdal kommune, som ikke indgår i forsøget"));
        assert!(NOT_TAKING_PART.is_match("ærø deltager ikke i forsøgene"));
        assert!(says_taking_part("som assens og middelfart deltog i"));
        assert!(!says_taking_part(
            "holbæk kommune søger om at indgå i forsøget"
        ));
        // A place after "forsøget" is no name.
        assert!(introduced_trial(&c, "Det gælder forsøget Aarhus Kommune står for.").is_none());
    }

    #[test]
    fn rounds_and_names() {
        assert_eq!(round_of("Runde 2"), Some(2));
        assert_eq!(round_of("Til 3. ansøgningsrunde"), Some(3));
        assert_eq!(round_of("ved første ansøgningsrunde"), Some(1));
        assert_eq!(
            clean_name("Lempede mentorregler (mulighed for x)"),
            "Lempede mentorregler"
        );
        let c = Catalog::builtin();
        let (n, m) = split_name_list(
            &c,
            "Iværksætterier blandt dimittender – Aalborg og Frederikshavn",
            &|| &[],
        )
        .unwrap_or_default();
        assert_eq!(n, "Iværksætterier blandt dimittender");
        assert_eq!(m.len(), 2);
    }
}
