//! The figures of one sentence of running text, with their trial and place.

use super::{figure, states_unit, Reader};
use crate::extract::structure::{Kind, Paragraph};
use crate::extract::words::hyphenated_words;
use crate::extract::{figures, municipalities, trials};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Words for several trials at once.
static SEVERAL_TRIALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:forsøgene|begge forsøg|alle forsøg|(?:de )?(?:to|tre|fire|fem|seks|syv|otte|\d+) (?:frikommune)?forsøg)\b")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The number of a section at the start of its heading: "2.3 ", "4.1.2 ".
static SECTION_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s").unwrap_or_else(|e| panic!("{e}"))
});

/// What the sentences of a paragraph share.
pub(super) struct Reading<'p> {
    pub p: &'p Paragraph,
    /// The trial whose section the paragraph stands in.
    pub section: Option<String>,
    /// The place a label before a colon names ("Aalborg: 46 borgere").
    pub label: Option<String>,
    /// A number line read with its caption below (see `Reader::running_text`).
    pub alone: bool,
    /// The one trial the paragraph names.
    pub topic: Option<String>,
    /// The trial of the question the paragraph answers.
    pub answer_topic: Option<String>,
}

/// What a sentence hands on to the next of its paragraph.
#[derive(Default)]
pub(super) struct Carried {
    /// A sentence has named the paragraph's topic.
    topic_named: bool,
    /// The place the paragraph last named: "I Aalborg Kommune anvender … I alt 46
    /// dimittender har deltaget" (the 46 are Aalborg's), "… kun gældende for
    /// Frederikshavn/Læsø. Her har man … kun i 8 sager …".
    last_place: Option<String>,
    /// The last place the sentence before named.
    previous_named: Option<String>,
    /// The paragraph's last sentence, for the paragraph after it (see
    /// `takes_up_paragraph_before`).
    pub(super) last_sentence: String,
    /// The trial a sentence of this paragraph named in its own words.
    in_words: Option<String>,
    /// The trial the last sentence named, when it named one: the next that names none
    /// goes on about it ("Psykologforsøget giver alene et underskud … Over hele perioden
    /// giver forsøget …", in a paragraph that names another trial after).
    last_trial: Option<String>,
    /// The trials the last sentence that named several named: a sentence after it that
    /// names none but holds one's short name in a word ("… fortalte om attestforsøget og
    /// psykologforsøget. Hver sag uden attest sparer …") is about that one.
    /// (With the stems of their short names.)
    several_named: Vec<(String, Vec<String>)>,
}

impl Carried {
    /// What a paragraph that goes on from the one before (`before`, as it ended) carries
    /// over: the place it last named.
    pub(super) fn going_on_from(before: &Carried) -> Carried {
        Carried {
            last_place: before.last_place.clone(),
            ..Carried::default()
        }
    }
}

/// A paragraph's first sentence that takes up what the last sentence of the one before
/// counted: "… data for de første 30 dimittender." / "Ud af de første 30 er 50 % …",
/// "Heraf …", "Af disse …". It goes on about the same place.
pub(super) fn takes_up_paragraph_before(first: &str, before: &str) -> bool {
    let low = first.trim_start().to_lowercase();
    let pronoun = [
        "heraf ",
        "af disse ",
        "af dem ",
        "ud af disse ",
        "ud af dem ",
        "blandt disse ",
        "blandt dem ",
    ];
    if pronoun.iter().any(|w| low.starts_with(w)) {
        return true;
    }
    // "Ud af de første 30 …": the number names a group the sentence before counted.
    let by_number = ["af de ", "ud af de ", "blandt de "]
        .iter()
        .any(|w| low.starts_with(w));
    let number = low
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .map(|n| n.trim_matches('.'))
        .find(|n| !n.is_empty());
    by_number
        && number.is_some_and(|n| {
            before
                .split(|c: char| !c.is_ascii_digit() && c != '.')
                .any(|m| m.trim_matches('.') == n)
        })
}

impl Reader<'_> {
    /// Reads the figures of `sentence`. True when one of them is a whole that the trial
    /// it names is a part of ("… 4,6 mio. kr., heraf 3,1 mio. kr. til psykologforsøget"):
    /// the paragraph is then about no one trial.
    pub(super) fn sentence(&mut self, r: &Reading, sentence: &str, carried: &mut Carried) -> bool {
        let (catalog, discovery) = (self.catalog, self.discovery);
        let p = r.p;
        let mut whole_seen = false;
        // (A trial name found in it stands at the same place in `sentence`: lowercasing
        // keeps the byte lengths of the letters of trial names.)
        let low_sentence = sentence.to_lowercase();
        // Table captions name the unit of the cells ("Beløb i 1.000 kr."), not a figure.
        if ["beløb i ", "tal i ", "angivet i ", "opgjort i "]
            .iter()
            .any(|c| low_sentence.starts_with(c) || low_sentence.contains(&format!(". {c}")))
        {
            return false;
        }
        // (A short name goes to the document's own trial that holds its stem before the
        // catalogue's: "Én plan-forsøget" in a document on "Én plan for unge …" is not
        // the catalogue's "… indsatsplanens …".)
        let mentions: Vec<trials::Mention> = trials::mentions(catalog, sentence)
            .into_iter()
            .map(|mut m| {
                if trials::short_name_stem(&m.written).is_some() {
                    if let Some(own) = discovery.trial_of_short_name(&m.written) {
                        m.name = own.to_string();
                    }
                }
                m
            })
            .collect();
        let mask = self.mask(p, sentence, &low_sentence, &mentions);
        let mut named: Vec<&str> = mentions.iter().map(|m| m.name.as_str()).collect();
        // This document's own trials that the catalog does not know, named in running
        // text ("Forsøget med tilbud om job i stedet for aktivering er ophørt"), and its
        // short names for them ("FLEX-forsøget").
        named.extend(self.own.named_in(&low_sentence));
        // … and the short names it gave catalogued trials, which the catalogue alone
        // cannot tell apart ("Rehabiliteringsforsøget" of a table's "Kort navn" column).
        if mentions.is_empty() {
            named.extend(
                hyphenated_words(&low_sentence)
                    .filter(|w| trials::short_name_stem(w).is_some())
                    .filter_map(|w| discovery.trial_of_written_short_name(w)),
            );
        }
        // A sentence that cites a table ("Tabel B.1 viser, at …") is about its caption's
        // trial.
        let cited = named
            .is_empty()
            .then(|| self.cited_table_trial(&low_sentence).map(String::from))
            .flatten();
        named.extend(cited.as_deref());
        named.sort_unstable();
        named.dedup();
        // "Samlet har de to forsøg frigjort …" speaks of several trials: no one of them.
        let several = SEVERAL_TRIALS.is_match(&low_sentence);
        if r.topic.as_deref().is_some_and(|t| named.contains(&t)) {
            carried.topic_named = true;
        }
        // A sentence naming none, outside any trial's section, may name one of the
        // document's trials in its own words ("Hvidovre har forlænget 57 ressourceforløb"
        // in a consultation memo sectioned by who answered).
        // (The sentences after it in the paragraph that name none are about it too: "…
        // haft et fleksibelt kontaktforløb. Evalueringen viser, at 62,5 pct. …".)
        if named.is_empty() && !several && r.section.is_none() && self.topic.trial.is_none() {
            if let Some(t) = discovery.trial_in_words(sentence) {
                named.push(t);
                carried.in_words.get_or_insert_with(|| t.to_string());
            }
        }
        let trial = match named.as_slice() {
            [one] => Some((*one).to_string()),
            [] if several => None,
            // The paragraph's trial holds from the sentence that names it on ("Evalue-
            // ringen bygger på 1.453 borgere … FLEX-forsøget tegner sig for …": the
            // borgere are not FLEX's).
            [] => carried
                .last_trial
                .clone()
                .or_else(|| by_short_stem(&low_sentence, &carried.several_named))
                .or_else(|| r.topic.clone().filter(|_| carried.topic_named))
                .or_else(|| carried.in_words.clone())
                .or_else(|| r.section.clone())
                .or_else(|| self.topic.trial.clone())
                .or_else(|| r.answer_topic.clone()),
            _ => None,
        };
        match named.as_slice() {
            [one] => {
                carried.last_trial = Some((*one).to_string());
                carried.several_named.clear();
            }
            [] if !several => {}
            _ => {
                carried.last_trial = None;
                carried.several_named = named
                    .iter()
                    .map(|n| {
                        let mut stems = discovery.short_stems(n);
                        stems.extend(
                            hyphenated_words(&low_sentence)
                                .filter(|w| discovery.trial_of_short_name(w) == Some(*n))
                                .filter_map(trials::short_name_stem),
                        );
                        (n.to_string(), stems)
                    })
                    .collect();
            }
        }
        let places = municipalities::places(catalog, sentence);
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
        let scanned = figures::scan(self.catalog, sentence, &mask, &mut self.ctx);
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
        let respectively = respective_places(sentence, &places, &positions);
        // (A whole and its part, "… ca. 2,1 mio. kr., heraf knap 1 mio. kr. i X", are no
        // parallel clauses.)
        let parallel = if named.len() >= 2 && !low_sentence.contains("heraf ") {
            parallel_clauses(sentence, &mentions, discovery, &positions)
        } else {
            Vec::new()
        };
        for ((mut q, at), respective) in scanned.into_iter().zip(positions).zip(respectively) {
            // Official names; one mention naming two (`Frederikshavn/Læsø`) keeps both. A
            // count of municipalities is about none of them.
            let municipality = match (places.is_empty(), at) {
                _ if respective.is_some() => respective,
                (true, _) => r
                    .label
                    .clone()
                    .or_else(|| carried.last_place.clone())
                    .or_else(|| here.then(|| carried.previous_named.clone()).flatten())
                    .or_else(|| self.heading_place.clone()),
                _ if q
                    .counted
                    .as_deref()
                    .is_some_and(|c| c.starts_with("kommune")) =>
                {
                    None
                }
                (false, Some(a)) => municipalities::place_of_figure(sentence, &places, a),
                (false, None) => match places.as_slice() {
                    [p] => Some(p.names.join("/")),
                    _ => None,
                },
            };
            // "Tabel 1. Forbrug pr. forsøg (1.000 kr.)" states the unit of the table.
            if at.is_some_and(|a| states_unit(sentence, a, &q.raw)) {
                continue;
            }
            if r.alone {
                if !q.raw.starts_with(p.text.trim()) {
                    continue;
                }
                // What is written is the number line; the caption gave its noun.
                q.raw = p.text.trim().to_string();
            }
            // A sentence about several trials may give each figure its own: "heraf
            // 185.000 kr. i rehabiliteringsforsøget og 48.000 kr. i …".
            let own_trial = at.filter(|_| named.len() >= 2).and_then(|a| {
                trial_right_after(sentence, a + q.raw.len(), &mentions, discovery)
                    .or_else(|| trial_before_clause(sentence, a, &mentions))
                    .or_else(|| {
                        let (_, t) = parallel.iter().find(|(r, _)| r.contains(&a))?;
                        Some(t.clone())
                    })
            });
            // "Samlede udgifter på 4,6 mio. kr., heraf 3,1 mio. kr. til
            // psykologforsøget": the whole is more than the trial named in its part (nor
            // is the paragraph about that trial).
            let whole = match (at, low_sentence.find("heraf ")) {
                (Some(a), Some(h)) => {
                    a < h && !mentions.is_empty() && mentions.iter().all(|m| m.start > h)
                }
                _ => false,
            };
            whole_seen |= whole;
            self.out.push(figure(
                q,
                own_trial.or_else(|| trial.clone().filter(|_| !whole)),
                municipality,
                p.page,
                sentence.to_string(),
            ));
        }
        if named_place.is_some() {
            carried.last_place = named_place;
        } else if !places.is_empty() {
            // Another place, or several: the paragraph's place no longer holds.
            carried.last_place = None;
        }
        carried.previous_named = last_named;
        carried.last_sentence = sentence.to_string();
        whole_seen
    }

    /// The spans of a sentence that hold no figure: trial names (catalogued or the
    /// document's own), footnote marks and numbers, a heading's section number.
    fn mask(
        &self,
        p: &Paragraph,
        sentence: &str,
        low_sentence: &str,
        mentions: &[trials::Mention],
    ) -> Vec<(usize, usize)> {
        let mut mask: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
        mask.extend(footnote_marks(sentence).into_iter().map(|(at, _)| at));
        // A heading's section number ("2.3 Center-MED, Jobcenter Hvidovre").
        if p.kind == Kind::Heading {
            if let Some(m) = SECTION_NUMBER.find(sentence) {
                mask.push((m.start(), m.end()));
            }
        }
        if let Some(at) = footnote_number(sentence, &self.marks) {
            mask.push(at);
        }
        for name in &self.own.unknown {
            if let Some(pos) = low_sentence.find(&name.to_lowercase()) {
                mask.push((pos, pos + name.len()));
            }
        }
        mask
    }
}

/// "Solrød og Stevns har færre digitale samtaler, med henholdsvis 29,8 % og 33,6 %": the
/// figures after `henholdsvis` belong, in order, to the places named before it, when
/// there are as many of each (two or more). One entry per figure of the sentence.
fn respective_places(
    sentence: &str,
    places: &[municipalities::Place],
    positions: &[Option<usize>],
) -> Vec<Option<String>> {
    let by_word = after_henholdsvis(sentence, places, positions);
    let by_order = subjects_in_order(sentence, places, positions);
    by_word
        .into_iter()
        .zip(by_order)
        .map(|(w, o)| w.or(o))
        .collect()
}

/// A clause whose subject is a list of places and whose figures are a list as long, in
/// the same order, without the word "henholdsvis": "…, mens Egedal og Furesø ligger
/// lidt lavere med 29 % og 35,2 %".
fn subjects_in_order(
    sentence: &str,
    places: &[municipalities::Place],
    positions: &[Option<usize>],
) -> Vec<Option<String>> {
    let mut out = vec![None; positions.len()];
    let separators = [", mens ", ", men ", "; ", ", hvorimod ", ", og "];
    for clause in clauses(sentence, &separators, |_| true) {
        let text = sentence.get(clause.clone()).unwrap_or("");
        if text.contains("henholdsvis") {
            continue;
        }
        let here: Vec<&municipalities::Place> = places
            .iter()
            .filter(|p| clause.contains(&p.start))
            .collect();
        let figures: Vec<usize> = (0..positions.len())
            .filter(|&k| positions[k].is_some_and(|a| clause.contains(&a)))
            .collect();
        // The places open the clause as one list, and come before the figures, which are
        // joined by commas and "og" too.
        let opens = here.first().is_some_and(|p| {
            sentence
                .get(clause.start..p.start)
                .is_some_and(|lead| lead.split_whitespace().count() <= 1)
        });
        let listed = place_lists(sentence, here.iter().copied()).len() == 1;
        let figures_listed = figures.windows(2).all(|pair| {
            let end = positions[pair[0]].unwrap_or(0);
            let gap = sentence
                .get(end..positions[pair[1]].unwrap_or(0))
                .unwrap_or("");
            // (The gap holds the first figure's own text, then "og" or a comma.)
            let tail = gap.trim_end();
            tail.ends_with(" og") || tail.ends_with(',')
        });
        let after = here
            .last()
            .zip(figures.first())
            .is_some_and(|(p, &k)| positions[k].is_some_and(|a| a > p.end));
        // (Two bounds of one range are no list: "forventer mellem 40 og 50 borgere".)
        let range = figures
            .first()
            .and_then(|&k| positions[k])
            .is_some_and(|a| {
                let before = sentence.get(..a).unwrap_or("").trim_end().to_lowercase();
                before.ends_with("mellem") || before.ends_with("fra")
            });
        if here.len() >= 2
            && here.len() == figures.len()
            && opens
            && listed
            && figures_listed
            && after
            && !range
        {
            for (k, p) in figures.into_iter().zip(here) {
                out[k] = Some(p.names.join("/"));
            }
        }
    }
    out
}

/// The spans of a sentence between its separators (each clause starts after one),
/// counting only the separators at byte offsets `keep` allows.
fn clauses(
    sentence: &str,
    separators: &[&str],
    keep: impl Fn(usize) -> bool,
) -> Vec<std::ops::Range<usize>> {
    let mut bounds = vec![0, sentence.len()];
    for sep in separators {
        bounds.extend(
            sentence
                .match_indices(sep)
                .filter(|(at, _)| keep(*at))
                .map(|(at, _)| at + sep.len()),
        );
    }
    bounds.sort_unstable();
    bounds.dedup();
    bounds.windows(2).map(|w| w[0]..w[1]).collect()
}

/// Places in lists, with where each list starts: joined by commas and "og" ("Solrød og
/// Stevns … end Køge" is two lists).
fn place_lists<'p>(
    sentence: &str,
    places: impl IntoIterator<Item = &'p municipalities::Place>,
) -> Vec<(usize, Vec<String>)> {
    let mut lists: Vec<(usize, Vec<String>)> = Vec::new();
    let mut last_end: Option<usize> = None;
    for p in places {
        let joined = last_end.is_some_and(|e| {
            let gap = sentence.get(e..p.start).unwrap_or("").trim();
            gap.is_empty() || gap == "," || gap == "og"
        });
        match lists.last_mut() {
            Some((_, list)) if joined => list.push(p.names.join("/")),
            _ => lists.push((p.start, vec![p.names.join("/")])),
        }
        last_end = Some(p.end);
    }
    lists
}

/// The places a list of figures after "henholdsvis" are given in order: the list
/// before the word, else the one right after the figures.
fn after_henholdsvis(
    sentence: &str,
    places: &[municipalities::Place],
    positions: &[Option<usize>],
) -> Vec<Option<String>> {
    let mut out = vec![None; positions.len()];
    let Some(h) = sentence.find("henholdsvis") else {
        return out;
    };
    // (… up to the clause's end: "…, mens faldet i Odder var på 219 attester".)
    let clause_end = [", mens ", ", men ", "; ", ", hvor ", ", hvorimod "]
        .iter()
        .filter_map(|w| sentence[h..].find(w).map(|at| h + at))
        .min()
        .unwrap_or(sentence.len());
    let after: Vec<usize> = (0..positions.len())
        .filter(|&k| positions[k].is_some_and(|a| a > h && a < clause_end))
        .collect();
    let fits = |l: &Vec<String>| l.len() >= 2 && l.len() == after.len();
    // The list before it, else the one right after its figures ("henholdsvis 59 %, 64 %
    // og 48 % i Rebild, Mariagerfjord og Vesthimmerland").
    let before = place_lists(sentence, places.iter().filter(|p| p.end <= h))
        .into_iter()
        .map(|(_, l)| l)
        .find(fits);
    if let Some(list) = before {
        for (k, name) in after.into_iter().zip(list) {
            out[k] = Some(name);
        }
        return out;
    }
    // (The figures are those up to that list: "…, og 46 borgere er indlagt" is not one.)
    let first_list = place_lists(
        sentence,
        places.iter().filter(|p| p.start > h && p.end <= clause_end),
    )
    .into_iter()
    .next();
    if let Some((start, list)) = first_list {
        let figures: Vec<usize> = after
            .into_iter()
            .filter(|&k| positions[k].is_some_and(|a| a < start))
            .collect();
        let last = figures.last().and_then(|&k| positions[k]).unwrap_or(h);
        let said_of = sentence
            .get(last..start)
            .is_some_and(|gap| gap.trim_end().ends_with(" i"));
        if list.len() >= 2 && list.len() == figures.len() && said_of {
            for (k, name) in figures.into_iter().zip(list) {
                out[k] = Some(name);
            }
        }
    }
    out
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

/// The clauses of a sentence that say the same of one trial each, with their trial:
/// "Samtaleforsøget fik 27 stemmer, rehab-forsøget 8 og ressourceforløbsforsøget 6".
/// Empty unless every clause that names a trial names one and holds a figure ("Psykolog-
/// forsøget og mentorforsøget har tilsammen 51 borgere" is about both).
fn parallel_clauses(
    sentence: &str,
    mentions: &[trials::Mention],
    discovery: &trials::Discovery,
    figures_at: &[Option<usize>],
) -> Vec<(std::ops::Range<usize>, String)> {
    // Clauses end at a comma, a colon, a semicolon, "og" or "mens", outside any trial's
    // name.
    let separators = [", ", ": ", "; ", " og ", " mens "];
    let outside_names = |at: usize| !mentions.iter().any(|m| m.start <= at && at < m.end);
    let mut out = Vec::new();
    for range in clauses(sentence, &separators, outside_names) {
        let clause = sentence.get(range.clone()).unwrap_or("");
        let mut named: Vec<String> = mentions
            .iter()
            .filter(|m| range.contains(&m.start))
            .map(|m| m.name.clone())
            .collect();
        named.extend(
            hyphenated_words(&clause.to_lowercase())
                .filter_map(|w| discovery.trial_of_short_name(w).map(String::from)),
        );
        named.sort();
        named.dedup();
        let holds_figure = figures_at.iter().flatten().any(|a| range.contains(a));
        match named.as_slice() {
            [] => {}
            [one] if holds_figure => out.push((range, one.clone())),
            _ => return Vec::new(),
        }
    }
    if out.len() >= 2 {
        out
    } else {
        Vec::new()
    }
}

/// Of the trials a sentence before named, the one whose short name's stem a word of this
/// (lower-case) sentence holds.
fn by_short_stem(low: &str, several: &[(String, Vec<String>)]) -> Option<String> {
    let mut found = several.iter().filter(|(_, stems)| {
        hyphenated_words(low).any(|w| {
            stems
                .iter()
                .any(|s| crate::extract::catalog::word_holds_stem(w, s))
        })
    });
    let first = found.next()?;
    found.next().is_none().then(|| first.0.clone())
}

/// The trial named right before the relative clause a figure at `at` stands in: "… om
/// psykologforsøget, hvor kommunen har haft 29 forløb, og om mentorforsøget, hvor 22
/// unge …" (the 29 are the psychologist trial's, the 22 the mentor trial's), or before
/// the "med" phrase that qualifies it: "78 borgere i psykologforsøget med en udgift på
/// 702.000 kr. og 12 borgere i revalideringsforsøget".
fn trial_before_clause(sentence: &str, at: usize, mentions: &[trials::Mention]) -> Option<String> {
    let m = mentions.iter().rev().find(|m| m.end <= at)?;
    let between = sentence.get(m.end..at)?;
    if let Some(phrase) = between.trim_start().strip_prefix("med ") {
        // (Not when the trial is one of several the phrase qualifies: "forlænge
        // stressforsøget og samtaleforsøget med 1 år".)
        let lead = sentence.get(..m.start).unwrap_or("").trim_end();
        let coordinated = [" og", " eller", " samt", ","]
            .iter()
            .any(|w| lead.ends_with(w));
        let short = phrase.split_whitespace().count() <= 4;
        return (short && !coordinated && !phrase.contains([',', ';', '.']))
            .then(|| m.name.clone());
    }
    let clause = between.trim_start().strip_prefix(',')?.trim_start();
    let opens = ["hvor ", "som ", "der "]
        .iter()
        .any(|w| clause.starts_with(w));
    // (Within the clause: no other name, no new clause of its own.)
    (opens && !clause.contains([',', ';'])).then(|| m.name.clone())
}

/// Footnote marks: one or two digits glued to the end of a word or after its punctuation
/// ("… har gennemført.1 Evalueringen", "beskæftigelsesområdet,1"), with their place.
pub(super) fn footnote_marks(text: &str) -> Vec<((usize, usize), u32)> {
    static MARK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\p{L}[.,;:]?|[)”\x22][.,;:]?)(\d{1,2})(?:[.,;:]?(?:\s|$))")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Catalog;

    #[test]
    fn a_paragraph_takes_up_the_group_the_one_before_counted() {
        let before = "Der er dog kun data for de første 30 dimittender.";
        assert!(takes_up_paragraph_before(
            "Ud af de første 30 er 50 % i job.",
            before
        ));
        assert!(takes_up_paragraph_before(
            "Af de 1.300 borgere er 412 i job.",
            "I alt har 1.300 borgere deltaget."
        ));
        assert!(takes_up_paragraph_before(
            "Heraf er 8 i ordinært job.",
            before
        ));
        assert!(takes_up_paragraph_before(
            "Blandt disse har 5 fået job.",
            before
        ));
        // Another group, or no group of the sentence before.
        assert!(!takes_up_paragraph_before(
            "Af de 12 kommuner deltager 4.",
            before
        ));
        assert!(!takes_up_paragraph_before(
            "Ud af 30 sager blev 12 afsluttet.",
            before
        ));
        assert!(!takes_up_paragraph_before("I Aalborg er 30 i job.", before));
    }

    #[test]
    fn a_footnote_mark_may_stand_before_a_comma() {
        let marks = |t: &str| {
            footnote_marks(t)
                .into_iter()
                .map(|(_, n)| n)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            marks("i alt 2.146 sygedagpengeforløb1, og 34 interview"),
            vec![1]
        );
        assert_eq!(marks("har gennemført.3 Evalueringen"), vec![3]);
        assert!(marks("i 2019, 12 borgere").is_empty());
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
        // The places may follow the figures, and the clause go on with another figure.
        let sentence = "Belægningen var henholdsvis 78 % og 84 % i Odder og Horsens, og 46 borgere er indlagt.";
        let places = municipalities::places(&catalog, sentence);
        let at = |raw: &str| sentence.find(raw);
        let got = respective_places(sentence, &places, &[at("78 %"), at("84 %"), at("46 b")]);
        let want = [Some("Odder"), Some("Horsens"), None].map(|p| p.map(String::from));
        assert_eq!(got, want.to_vec());
    }

    #[test]
    fn places_listed_as_a_subject_take_the_figures_listed_after_in_order() {
        let catalog = Catalog::builtin();
        let places_of = |sentence: &str, raws: &[&str]| {
            let places = municipalities::places(&catalog, sentence);
            let at: Vec<Option<usize>> = raws.iter().map(|r| sentence.find(r)).collect();
            respective_places(sentence, &places, &at)
        };
        let got = places_of(
            "Gladsaxe ligger på 41 %, mens Egedal og Furesø ligger lavere med 29 % og 35,2 %.",
            &["41 %", "29 %", "35,2 %"],
        );
        let want = [None, Some("Egedal"), Some("Furesø")].map(|p| p.map(String::from));
        assert_eq!(got, want.to_vec());
        // Two bounds of one range are no list.
        let got = places_of(
            "Haderslev og Aabenraa forventer mellem 40 og 50 borgere årligt.",
            &["40", "50 borgere"],
        );
        assert_eq!(got, vec![None, None]);
    }

    #[test]
    fn a_med_phrase_after_a_trial_qualifies_that_trial() {
        let catalog = Catalog::builtin();
        let trial_of = |sentence: &str, raw: &str| {
            let mentions = trials::mentions(&catalog, sentence);
            trial_before_clause(sentence, sentence.find(raw)?, &mentions)
        };
        let sentence = "Der var 78 borgere i psykologforsøget med en udgift på 702.000 kr. og 12 borgere i revalideringsforsøget.";
        assert_eq!(
            trial_of(sentence, "702.000").as_deref(),
            Some("Psykologbehandling")
        );
        // Not when the phrase qualifies the verb, for several trials.
        let sentence = "Vi søger at forlænge forsøget med psykologbehandling og revalideringsforsøget med 1 år.";
        assert_eq!(trial_of(sentence, "1 år"), None);
    }
}
