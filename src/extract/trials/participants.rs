//! Who takes part in a trial: lists after a name (`Name - A, B og C`), `Deltagende
//! kommuner:` lines, the network's members, and sentences that say who runs what.

use super::facts::{gives_round_or_start, round_of};
use super::names::{
    clean_name, introduced_trial, is_count_phrase, mentions, short_name_beside, short_name_stem,
    skip_parenthesized_name, the_one_trial,
};
use super::{add_municipalities, Builder};
use crate::extract::catalog::{forms_hold_stem, Catalog};
use crate::extract::municipalities::{mentions as municipality_mentions, parse_list};
use crate::extract::structure::{looks_like_heading, sentences, Kind, Paragraph};
use crate::extract::words::hyphenated_words;
use regex::Regex;
use std::sync::LazyLock;

/// The subject right after the verb: "har Næstved og Faxe", "kan Albertslund, Ishøj og
/// Rødovre kommuner".
static SUBJECT_AFTER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:har|kan|kunne|må|skal|fik|får|havde)\s+(\p{Lu}[\p{L}-]*(?:(?:,\s*|\s+og\s+)\p{Lu}[\p{L}-]*)*(?:\s+kommuner?)?)")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The municipalities that are the subject after the verb that follows a trial named as
/// the scene ("I psykologforsøget | har Næstved og Faxe siden 2018 kunnet …").
fn subject_after_scene(catalog: &Catalog, after_name: &str) -> Option<Vec<String>> {
    let c = SUBJECT_AFTER_VERB.captures(after_name.trim_start())?;
    parse_list(catalog, &c[1])
}

/// Splits `Name - A, B og C` or `Name (A, B og C)` into the name and the municipalities,
/// if the tail is a list. A status may follow the list in the parentheses (`(A og B;
/// endnu ikke påbegyndt)`).
/// "(samtlige kommuner i netværket)", "Alle fem kommuner i netværket", "alle seks
/// kommuner": the network's members.
pub(super) static ALL_MEMBERS: LazyLock<Regex> = LazyLock::new(|| {
    // (In a column of municipalities the noun may go unsaid: "Alle fem", "Samtlige".)
    Regex::new(r"(?i)^\s*(?:samtlige|alle)(?:\s+(\w+))?\s+(?:kommuner|netværkskommuner)(?:\s+i\s+netværket)?\s*$|^\s*alle\s+netværkets\s+kommuner\s*$|^\s*(?:samtlige|alle)(?:\s+(to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|\d{1,2}))?\s*$")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The count an `ALL_MEMBERS` phrase gives ("alle fem kommuner", "Alle fem"), if any.
pub(super) fn members_counted<'t>(c: &regex::Captures<'t>) -> Option<&'t str> {
    c.get(1).or_else(|| c.get(2)).map(|m| m.as_str())
}

/// The municipalities of a slide's facts line, also as "Silkeborg sammen med Viborg".
pub(super) fn facts_members<'n>(
    catalog: &Catalog,
    list: &str,
    network: &dyn Fn() -> &'n [String],
) -> Option<Vec<String>> {
    listed_members(catalog, &list.replace(" sammen med ", " og "), network)
}

/// The municipalities a list names ("Allerød, Ballerup og Furesø"), or the network's
/// members when it names all of them (and as many as it counts).
pub(super) fn listed_members<'n>(
    catalog: &Catalog,
    list: &str,
    network: &dyn Fn() -> &'n [String],
) -> Option<Vec<String>> {
    if let Some(c) = ALL_MEMBERS.captures(list.trim().trim_end_matches('.')) {
        if let Some(members) = all_members(network, members_counted(&c)) {
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
    let count = count.and_then(crate::extract::numbers::number_word);
    (members.len() >= 2 && count.is_none_or(|n| n as usize == members.len())).then_some(members)
}

/// "Name – A og B, 2. ansøgningsrunde, start 1. januar 2018. …": the name and the list
/// of who takes part, when facts of the trial follow the list (not any prose after a
/// dash).
pub(super) fn split_name_facts<'n>(
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
        gives_round_or_start(&l) || l.contains("siden")
    };
    // "Name – Morsø og Thisted siden 1. januar 2018.": the list runs into its start.
    // "Name (short) – Kolding, Vejen og Billund. Forsøget blev godkendt …": the list is
    // the first sentence.
    let list = match parts.iter().position(facts) {
        Some(0) => parts[0].split_once(" siden ")?.0.to_string(),
        Some(k) => parts[..k].join(", "),
        None => first_sentence.trim().trim_end_matches('.').to_string(),
    };
    let members = listed_members(catalog, &list, network)?;
    (name.split_whitespace().count() >= 2 && !is_count_phrase(name))
        .then(|| (clean_name(name), members))
}

pub(super) fn split_name_list<'n>(
    catalog: &Catalog,
    s: &str,
    network: &dyn Fn() -> &'n [String],
) -> Option<(String, Vec<String>)> {
    // "Deltagere: A, B og C" lists who takes part, it names no trial.
    if deltagende(s).is_some() {
        return None;
    }
    // "Sekretariat: Aabenraa Kommune" says who does what for the network.
    if s.split_once(": ").is_some_and(|(label, _)| is_role(label)) {
        return None;
    }
    // "Poul Erik Tvede, ældrechef (Assens)": a person, with a job title and workplace.
    if names_a_person(catalog, s) {
        return None;
    }
    // "Mikrolån – Silkeborg · 3. runde": the name and list before the facts.
    if let Some((head, facts)) = s.split_once(" · ") {
        if gives_round_or_start(&facts.to_lowercase()) {
            return split_name_list(catalog, head, network);
        }
    }
    if let Some(inner) = s.trim_end().strip_suffix(')') {
        if let Some(open) = inner.rfind('(') {
            let (name, list) = (&inner[..open], &inner[open + 1..]);
            let list = list.split(';').next().unwrap_or(list);
            // "(Hedensted og Skanderborg, 2. runde, start 1. april 2019)": the list, then
            // the trial's facts.
            let parts: Vec<&str> = list.split(", ").collect();
            let facts = parts
                .iter()
                .position(|p| gives_round_or_start(&p.to_lowercase()))
                .filter(|k| *k > 0);
            // "Name – A, B og C (1. runde, start 1. juli 2017)": the parentheses hold
            // only the facts; the name and list stand before them.
            if parts
                .first()
                .is_some_and(|p| gives_round_or_start(&p.to_lowercase()))
            {
                return split_name_list(catalog, name.trim_end(), network);
            }
            let list = facts.map_or(list.to_string(), |k| parts[..k].join(", "));
            if let Some(m) = listed_members(catalog, &list, network) {
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

/// A person's name, then a job title in lower case: "Birgitte Holm Pedersen, direktør for
/// Social og Sundhed (Faaborg-Midtfyn)" (a list of those present names no trials).
fn names_a_person(catalog: &Catalog, s: &str) -> bool {
    let Some((name, title)) = s.split_once(", ") else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        && !name.to_lowercase().contains("forsøg")
        && catalog.trial(name).is_none()
        && title.starts_with(char::is_lowercase)
}

/// A label naming who does what in a network or a trial ("Sekretariat", "Tovholder",
/// "Formand", "Politisk styregruppe"), which a municipality may follow: no trial.
fn is_role(label: &str) -> bool {
    const ROLES: &[&str] = &[
        "sekretariat",
        "sekretær",
        "tovholder",
        "formand",
        "næstformand",
        "koordinator",
        "kontaktperson",
        "projektleder",
        "projektejer",
        "styregruppe",
        "værtskommune",
        "ansvarlig",
        "repræsentant",
    ];
    let last = label.split_whitespace().last().unwrap_or("").to_lowercase();
    label.split_whitespace().count() <= 3 && ROLES.iter().any(|r| last.starts_with(r))
}

/// "Rehabiliteringsteams i Aalborg og Rebild", "Lempede mentorregler (mentorforsøget) i
/// Aarhus og Norddjurs med 412 borgere. …": a name, then where it runs, in the first
/// sentence. (Not a sentence: "Forsøget er gennemført i A og B" names no trial.)
pub(super) fn split_name_places(catalog: &Catalog, s: &str) -> Option<(String, Vec<String>)> {
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

/// The municipalities of the network the document speaks for, from a sentence that says
/// who takes part in it and names no trial ("Glostrup Kommune deltager i
/// Frikommunenetværket Vestegnen sammen med Albertslund, Brøndby og Ishøj").
pub(super) fn network_members(catalog: &Catalog, paras: &[Paragraph]) -> Vec<String> {
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
    // A title slide's or cover's logos: the members one per line under the network's
    // name ("Styregruppemøde i Frikommunenetværket X" / "Frederikshavn Kommune" /
    // "Hjørring Kommune" / …), three or more.
    let head = &paras[..paras.len().min(12)];
    if let Some(named) = head
        .iter()
        .position(|p| p.text.to_lowercase().contains("netværk"))
    {
        let one = |p: &Paragraph| catalog.municipality(p.text.trim());
        let members: Vec<String> = head[named + 1..]
            .iter()
            .skip_while(|p| one(p).is_none())
            .map_while(|p| one(p).map(String::from))
            .collect();
        if members.len() >= 3 {
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

pub(super) fn deltagende(s: &str) -> Option<&str> {
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
    // "Fire kommuner: …" counts the network's members; "Netværkets kommuner: …" names
    // them, whoever of them takes part.
    let members = l.contains("netværk") && !words.iter().any(|w| w.starts_with("deltage"));
    // A statute's lead-in, however long: "§ 2. Følgende kommuner kan gennemføre forsøg
    // efter denne bekendtgørelse:", "Forsøget omfatter følgende kommuner:".
    static FOLLOWING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:§\s*\d+\s*[a-z]?\.\s*)?(?:følgende\s+kommuner\s|forsøget\s+(?:omfatter|gælder\s+for)\s+følgende\s+kommuner$)")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let lead = FOLLOWING.is_match(l.trim()) && !NOT_TAKING_PART.is_match(&l);
    if !lead && (words.len() > 4 || !about_taking_part || members || is_count_phrase(label)) {
        return None;
    }
    // The list ends with its sentence: "Silkeborg og Skanderborg. Randers har søgt om …".
    let end = list
        .match_indices(". ")
        .find(|(at, _)| list[at + 2..].starts_with(char::is_uppercase))
        .map_or(list.len(), |(at, _)| at);
    let list = &list[..end];
    // … and before an aside on who does not: "Kalundborg, Slagelse og Sorø (Ringsted
    // deltager ikke)".
    let list = match list
        .trim_end()
        .strip_suffix(')')
        .and_then(|l| l.rsplit_once('('))
    {
        Some((before, aside)) if aside.contains("ikke") => before,
        _ => list,
    };
    Some(list)
}

/// The list of who takes part right below a heading ("Deltagende kommuner: A og B", or
/// the label with the names as bullets under it), past one line of prose or one more
/// such label, but not past another heading (the list is the nearest heading's).
pub(super) fn participants_below(paras: &[Paragraph], i: usize) -> Option<String> {
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
/// at its colon, the bullets or numbered items below it (one municipality each).
pub(super) fn listed_below(paras: &[Paragraph], k: usize, list: &str) -> String {
    if !list.trim().is_empty() {
        return list.to_string();
    }
    paras
        .iter()
        .skip(k + 1)
        .take_while(|q| matches!(q.kind, Kind::Bullet | Kind::Numbered(_)))
        .map(|q| q.text.trim().trim_end_matches([',', '.', ';']))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Words that deny taking part: "deltager ikke", "har ikke søgt", "deltager Aalborg ikke
/// i" (not "deltager ikke længere i": that one took part and left).
pub(super) static NOT_TAKING_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?:ikke|aldrig|ikke længere)\s+(?:\w+\s+){0,2}(?:deltag|ansøg|søgt|søger|indgå|gennemfør|været med|med i)|(?:deltag\w*|deltog|indgår|indgik)\s+ikke\b|(?:deltag\w*|deltog|indgår|indgik)\s+\w+\s+ikke\s+i\b|\bgælder\s+ikke\s+for\b)")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// A clause about membership of the network, not of a trial: its subject the
/// municipalities, its verb's place the network ("Fredericia Kommune indgår i et
/// frikommunenetværk med Kolding og Vejle kommuner", "Holstebro og Struer kommuner indgår
/// sammen med Lemvig Kommune i Frikommunenetværket Nissum Bredning"; not "… deltager
/// Lejre i tre forsøg i netværket", nor a relative clause, "…, der indgår i netværket").
fn joins_network(catalog: &Catalog, s: &str) -> bool {
    static VERB: LazyLock<Regex> = LazyLock::new(|| {
        // (… also "har siden 2017 været med i Frikommunenetværket Vejrhøj".)
        Regex::new(r"\b(?:indgår|indgik|deltager|deltog|(?:været|er|var)\s+med)\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    static NETWORK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^i\s+(?:et\s+|det\s+)?(?:[\p{L}-]+\s+)?(?:frikommune)?netværk(?:et)?\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let l = s.trim_start().to_lowercase();
    let Some(verb) = VERB.find(&l) else {
        return false;
    };
    let place = l[verb.end()..]
        .match_indices(" i ")
        .next()
        .map(|(at, _)| &l[verb.end() + at + 1..]);
    let subject = opens_with_municipalities(catalog, s.trim_start())
        || opening_municipalities(catalog, s) >= 1;
    subject && place.is_some_and(|p| NETWORK.is_match(p))
}

/// A relative clause after a trial's name that says who ran it: ", som Bornholm og Ærø
/// gennemførte", ", som Herning Kommune har gennemført alene", ", som Holbæk, Kalundborg
/// og Odsherred har deltaget i" (the municipalities in the last group).
const RUN_BY_CLAUSE: &str = r",\s+som\s+(\p{Lu}(?:[^,]|,\s*\p{Lu}){0,80}?)\s+(?:har\s+|havde\s+)?(?:gennemført|gennemførte|gennemfører|deltager\s+i|deltog\s+i|deltaget\s+i|afprøvede|afprøver)\b";

/// The municipalities a relative clause right after a trial's name says ran it.
fn run_by_clause(catalog: &Catalog, after_name: &str) -> Option<Vec<String>> {
    // (Past the name's other name in parentheses: "Mentorforsøget (Lempede
    // mentorregler), som Lemvig og Struer har gennemført".)
    // (… or its closing quote: "”Rammevisitation i hjemmeplejen”, som Syddjurs og
    // Norddjurs kommuner gennemfører".)
    let after_name = after_name.trim_start_matches(['”', '"', '“', '»']);
    let after_name = match after_name.trim_start().strip_prefix('(') {
        Some(inside) => inside.split_once(')').map_or(after_name, |(_, rest)| rest),
        None => after_name.strip_prefix(')').unwrap_or(after_name),
    };
    static AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("^{RUN_BY_CLAUSE}")).unwrap_or_else(|e| panic!("{e}"))
    });
    let c = AFTER_NAME.captures(after_name)?;
    let mut munis = parse_list(catalog, &c[1])?;
    // "…, som Skanderborg deltager i sammen med Odder og Hedensted, …": the others too.
    let rest = &after_name[c.get(0).map_or(0, |m| m.end())..];
    if let Some(list) = rest.trim_start().strip_prefix("sammen med ") {
        let list = list.split([',', '.', ';']).next().unwrap_or(list);
        munis.extend(parse_list(catalog, list).unwrap_or_default());
    }
    Some(munis)
}

/// A trial the catalogue does not know, written in lower case and named by who ran it:
/// "Forsøget med afkortet sygedagpengeopfølgning ved forventet raskmelding, som Bornholm
/// og Ærø gennemførte fra …" -> the name (capitalised) and the municipalities.
pub(super) fn run_by_trial(catalog: &Catalog, sentence: &str) -> Option<(String, Vec<String>)> {
    static RUN_BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\b(?i:forsøget)\s+med\s+(\p{{Ll}}[\p{{L}}-]*(?:\s+[\p{{L}}-]+){{1,9}}?){RUN_BY_CLAUSE}"
        ))
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
    Some((crate::extract::structure::capitalised(name), munis))
}

/// A trial named in lower case after its subject has tried it: "Horsens Kommune har som
/// den eneste i vores netværk afprøvet et forsøg med praktisk hjælp uden visitation til
/// borgere over 67 år." -> the name (capitalised) and the subject's municipalities.
pub(super) fn tried_by_subject(catalog: &Catalog, sentence: &str) -> Option<(String, Vec<String>)> {
    static TRIED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:har|havde)\s+(?:\S+\s+){0,8}?(?:afprøvet|gennemført|prøvet)\s+(?:et|det)\s+(?:frikommune)?forsøg\s+med\s+(\p{Ll}[\p{L}\d -]{5,120}?)\s*(?:[.,;:]|$)")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let s = sentence.trim_start();
    let c = TRIED.captures(s)?;
    let subject = crate::extract::municipalities::opening_place(catalog, s)?;
    let phrase = c.get(1)?.as_str().trim();
    if phrase.split_whitespace().count() < 3 || !municipality_mentions(catalog, phrase).is_empty() {
        return None;
    }
    let name = catalog
        .trial(phrase)
        .map(String::from)
        .unwrap_or_else(|| crate::extract::structure::capitalised(phrase));
    Some((name, subject.names))
}

/// Clauses of a sentence that may say opposite things about participation ("Hjørring
/// deltager sammen med Rebild, mens Brønderslev har valgt ikke at deltage").
fn clauses(sentence: &str) -> impl Iterator<Item = &str> {
    static BREAK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r",?\s+(?:mens|men|hvorimod)\s+|;\s+").unwrap_or_else(|e| panic!("{e}"))
    });
    // (… and ", og " before a new subject: "Faxe og Stevns gennemfører forsøget X, og
    // Ringsted og Faxe deltager i forsøget Y".)
    BREAK.split(sentence).flat_map(|clause| {
        let mut parts = Vec::new();
        let mut start = 0;
        for (at, _) in clause.match_indices(", og ") {
            let next = clause[at + 5..].chars().next();
            if next.is_some_and(char::is_uppercase) {
                parts.push(&clause[start..at]);
                start = at + 5;
            }
        }
        parts.push(&clause[start..]);
        parts
    })
}

/// "jobcentrene i …", "jobcentret i …": the municipalities by their job centres.
/// (The job centres, not a person's title: "jobcenterchef i Frederikshavn Kommune".)
static JOBCENTRES_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bjobcent(?:er|eret|ret|rene|re|rets)\s+i\s").unwrap_or_else(|e| panic!("{e}"))
});

/// "alle tre kommuner", "samtlige kommuner", "alle netværkets kommuner"; and, counted,
/// "de tre kommuner" (as many as the network has, `all_members` checks).
static ALL_OF_THEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:(?:alle|samtlige)\s+(?:netværkets\s+)?(?:(\w+)\s+)?|de\s+(to|tre|fire|fem|seks|syv|otte|ni|ti)\s+)(?:kommuner|netværkskommuner)\b",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});

/// "undtagen Langeland", "bortset fra Ærø", "med undtagelse af Morsø": who is left out of
/// the municipalities before.
static EXCEPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:undtagen|bortset\s+fra|med\s+undtagelse\s+af)\s")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// A clause with the trial as its unsaid subject, opening with what was done with it:
/// "Godkendt i 2. ansøgningsrunde og gennemført i alle fem kommuner".
fn opens_with_participle(clause: &str) -> bool {
    static PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:godkendt|gennemført|gennemføres|afprøvet|afprøves|igangsat|startet)\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    PARTICIPLE.is_match(clause.trim_start())
}

/// The clause says that municipalities take part: they take part, applied, or the trial
/// is carried out or approved for them.
/// "X fik i 2. ansøgningsrunde godkendt forsøget".
static FIK_GODKENDT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:fik|har fået)\s+(?:\S+\s+){1,4}?godkendt\b").unwrap_or_else(|e| panic!("{e}"))
});

/// A clause that opens with the municipalities as the scene of what the trial lets them
/// do: "I Stevns og Faxe afprøver vi …", "I Lolland og Vordingborg kan du som ledig …".
fn opens_with_scene(catalog: &Catalog, clause: &str) -> bool {
    let Some(rest) = clause.trim_start().strip_prefix("I ") else {
        return false;
    };
    let places = crate::extract::municipalities::places(catalog, rest);
    if places.first().is_none_or(|p| p.start != 0) {
        return false;
    }
    // (The list: places joined by commas and "og"/"eller".)
    let mut last = 0;
    for p in &places {
        let gap = rest.get(last..p.start).unwrap_or("").trim();
        if last > 0 && !matches!(gap, "," | "og" | "eller") {
            break;
        }
        last = p.end;
    }
    // (… perhaps after "kommuner": "I Stevns og Faxe kommuner kan …".)
    let mut words = rest[last..].split_whitespace().map(str::to_lowercase);
    let verb = match words.next() {
        Some(w) if w.starts_with("kommune") => words.next().unwrap_or_default(),
        w => w.unwrap_or_default(),
    };
    [
        "kan",
        "afprøver",
        "afprøves",
        "tilbyder",
        "tilbydes",
        "gennemfører",
        "gennemføres",
    ]
    .contains(&verb.as_str())
}

/// A clause that puts its subject, the municipalities, after the verb of taking part:
/// "I Hanstholm deltager Thisted og Jammerbugt Kommune", "I 2019 deltog også Rebild";
/// or the trial as the subject that covers them: "Rehabiliteringsforsøget omfatter
/// Randers og Favrskov" (not "omfatter 60 unge i Skive").
fn subject_after_taking_part(catalog: &Catalog, clause: &str) -> bool {
    static VERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:deltager|deltog|indgår|indgik|omfatter|omfattede)\s+(?:(?:også|nu|fortsat|kun|alene)\s+)?")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    VERB.find_iter(clause).any(|v| {
        crate::extract::municipalities::places(catalog, &clause[v.end()..])
            .first()
            .is_some_and(|p| p.start == 0)
    })
}

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
    opening_municipalities(catalog, c) >= 2
}

/// How many municipalities a clause names when it opens with one, its subject
/// ("Vesthimmerland Kommune har …", "Halsnæs og Hillerød gik i gang …"); else 0.
fn opening_municipalities(catalog: &Catalog, clause: &str) -> usize {
    let places = crate::extract::municipalities::places(catalog, clause.trim_start());
    match places.first() {
        Some(p) if p.start == 0 => places.iter().map(|p| p.names.len()).sum(),
        _ => 0,
    }
}

/// An approval letter's "Tilladelsen gælder for A, B og C Kommuner": leave granted.
pub(super) static PERMIT_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\btilladelse\w*\s+gælder\s+for\b").unwrap_or_else(|e| panic!("{e}"))
});

/// Words that say a municipality left a trial ("har valgt at træde ud af forsøget").
static LEFT_TRIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:udtrådt|trådt ud|træde ud|træder ud|udtræder|trådte ud|opgav|opgivet af|forladt)\b",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});

/// A clause ending in that its subject went on with the trial: "…, mens Nordfyn er
/// fortsat".
static CARRIED_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:fortsætter|fortsatte|er fortsat|har fortsat)\s*[.;]?\s*$")
        .unwrap_or_else(|e| panic!("{e}"))
});

pub(super) fn says_taking_part(l: &str) -> bool {
    // "er med i", "er som den eneste i netværket med i forsøget".
    // (… or "var med fra forsøgets start", "har været med siden 2018".)
    static WITH_IN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:er|var|været|kommet)\s+(?:\S+\s+){0,6}?med (?:i|fra|siden)\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // "A og B har siden 1. juli 2017 kunnet …": what the trial allows them.
    static HAVE_BEEN_ABLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bhar\s+(?:\S+\s+){0,5}?kunnet\b").unwrap_or_else(|e| panic!("{e}"))
    });
    static HAVE_USED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:har|havde)\s+(?:\S+\s+){0,4}?(?:brugt|anvendt)\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // "X har som eneste kommune i netværket afprøvet mikrolån".
    static HAVE_TRIED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:har|havde)\s+(?:\S+\s+){0,6}?(?:afprøvet|prøvet|testet)\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // "Morsø Kommune søgte også om at deltage": an application to join is no taking part
    // yet (the rest of the clause may still say so).
    static APPLIES_TO_JOIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(?:an)?søg\w*\s+(?:\S+\s+){0,3}?om\s+at\s+(?:deltage|indgå|være med|komme med)\b",
        )
        .unwrap_or_else(|e| panic!("{e}"))
    });
    static SEEKS_TRIAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bsøger\s+(?:\S+\s+){0,3}?om\s+(?:frikommune)?forsøg")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // "Kolding, Vejle og Fredericia har siden 1. marts 2018 givet …": doing it since.
    static HAVE_SINCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:har|havde)\s+siden\s+(?:\d{1,2}\.\s*\p{Ll}+\s+)?(?:19|20)\d\d\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // "Forsøget X har siden 2018 givet Langeland og Ærø mulighed for at …".
    static GIVES_CHANCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bgiv(?:er|et|e)\b[^.]{0,80}?\bmulighed\s+for\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // "Med forsøget X kan jobcentrene i A, B og C holde opfølgningen over telefon": what
    // the trial lets the job centres of those municipalities do.
    static JOBCENTRES_CAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:kan|kunne)\s+jobcent\w*\s+i\s").unwrap_or_else(|e| panic!("{e}"))
    });
    if APPLIES_TO_JOIN.is_match(l) {
        return says_taking_part(&APPLIES_TO_JOIN.replace_all(l, " "));
    }
    l.contains("deltag")
        || l.contains("deltog")
        || HAVE_BEEN_ABLE.is_match(l)
        || HAVE_SINCE.is_match(l)
        || GIVES_CHANCE.is_match(l)
        // "Langeland Kommune har siden 1. oktober 2019 haft tilladelse til at …",
        // "Tilladelsen gælder for A, B og C Kommuner" (an approval letter).
        || l.contains("tilladelse til")
        // "Samtaleforsøget … gælder i alle fire kommuner".
        || l.contains("gælder i ")
        || PERMIT_FOR.is_match(l)
        // A municipality that left a trial took part in it ("har valgt at træde ud af
        // forsøget", "opgav forsøget", "blev opgivet af X").
        || LEFT_TRIAL.is_match(l)
        || JOBCENTRES_CAN.is_match(l)
        || HAVE_TRIED.is_match(l)
        // "Alle fire kommuner er med."
        || l.trim_end_matches(['.', ' ']).ends_with(" er med")
        || WITH_IN.is_match(l)
        // "indgår i", "er blevet godkendt til at indgå i" (not "søger om at indgå i": an
        // application to join is no taking part yet)
        || l.contains("indgår")
        || l.contains("godkendt til at indgå")
        // "A, B og C kommuner blev i 2. ansøgningsrunde godkendt til forsøget om …"
        || l.contains("godkendt til forsøget")
        || l.contains("godkendt til frikommuneforsøget")
        || l.contains("står bag")
        // gennemført, gennemføres i/af, gennemfører sammen med
        || l.contains("gennemfør")
        || l.contains("tilsluttet sig")
        // "I Ikast-Brande og Herning har man brugt de lempede mentorregler", "som led i
        // frikommuneforsøget", "de fem kommuner bag forsøget", "som X fik godkendt"
        // (not "Som sammenligning er brugt Aabenraa og Sønderborg": used, not using)
        || HAVE_USED.is_match(l)
        || l.contains("som led i")
        || l.contains(" bag forsøget")
        || l.contains("fik godkendt")
        || FIK_GODKENDT.is_match(l)
        || l.contains("fået godkendt")
        // "Haderslev og Tønder har fået forlænget forsøget X".
        || l.contains("fået forlænget")
        || l.contains("fik forlænget")
        // "X har sammen med Y siden 2019 været fritaget for kravet …"
        || l.contains(" sammen med ")
        || l.contains("fritaget for")
        || l.contains("fortsætter i")
        // "Odense trådte ud af forsøget, mens Nordfyn er fortsat": the one that went on.
        || CARRIED_ON.is_match(l)
        || l.contains("ansøge om")
        // "Ringsted søger desuden alene om forsøget »BPA uden timeregnskab«" (not "søger
        // om at deltage", above).
        || SEEKS_TRIAL.is_match(l)
        || l.contains("ansøgt om")
        || l.contains("afprøvet i")
        || l.contains("afprøves i")
        // "Nordfyns og Nyborg afprøver desuden forsøget X".
        || l.contains(" afprøver ")
        // "Forsøget startede 1. januar 2018 i X og Y", "gik i gang … i X", "blev igangsat
        // … i X".
        || ((l.contains("startede")
            || l.contains("startet")
            || l.contains("igangsat")
            || l.contains("i gang")
            || l.contains(" kørt ")
            || l.contains(" kører "))
            && l.contains(" i "))
        // "godkendt for", "STAR godkender forsøget for A og B".
        || (l.contains("godkend") && l.contains(" for "))
}

/// Mentions in running text, with participation stated by the sentence itself
/// (`Rebild Kommune har valgt at ansøge om deltagelse i forsøget X`).
pub(super) fn body_mentions<'n>(
    catalog: &Catalog,
    b: &mut Builder,
    p: &Paragraph,
    section: Option<&str>,
    network: &dyn Fn() -> &'n [String],
    speaker: Option<&str>,
) {
    // A trial the catalogue does not know, introduced by name ("… ansøgningen om forsøget
    // Digitale samtaler med forsikrede ledige.").
    let introduced = introduced_trial(catalog, &p.text);
    if let Some(name) = &introduced {
        b.add(name, name, p.page);
    }
    let sentences = sentences(&p.text);
    // (… with the short name the document goes on to call it by.)
    for (short, name) in sentences
        .iter()
        .filter_map(|s| short_name_beside(catalog, s))
    {
        b.add(&name, &short, p.page);
    }
    // (… with who ran it, whatever the sentence goes on to say: "…, som Bornholm og Ærø
    // gennemførte …, indgår ikke i analysen".)
    for (name, munis) in sentences.iter().filter_map(|s| run_by_trial(catalog, s)) {
        add_municipalities(b.add(&name, &name, p.page), &munis);
    }
    for (name, munis) in sentences
        .iter()
        .filter_map(|s| tried_by_subject(catalog, s))
    {
        add_municipalities(b.add(&name, &name, p.page), &munis);
    }
    // A name the catalogue does not know (the known ones are read in `clause_mentions`)
    // with who runs it in a relative clause ("… i forsøget Digitalt tilsyn med mindre
    // husdyrbrug, som Langeland og Ærø har gennemført"), or as the scene with the
    // municipalities as the subject ("I forsøget Genoptræning uden … kan Faaborg-Midtfyn
    // og Ærø tilbyde …").
    for sentence in &sentences {
        let s = sentence.trim_start();
        let Some(name) = introduced_trial(catalog, s) else {
            continue;
        };
        let Some(at) = s.find(name.as_str()) else {
            continue;
        };
        let after = &s[at + name.len()..];
        let l = s.to_lowercase();
        let scene = ["i forsøget ", "i frikommuneforsøget "]
            .iter()
            .any(|w| l.starts_with(w) && at == w.len());
        let munis = run_by_clause(catalog, after)
            .or_else(|| scene.then(|| subject_after_scene(catalog, after)).flatten());
        if let Some(munis) = munis {
            add_municipalities(b.add(&name, &name, p.page), &munis);
        }
    }
    // A paragraph that names one trial is about it: its other sentences ("Forsøget
    // fortsætter i Varde og Billund") speak of that trial.
    let topic = the_one_trial(catalog, &p.text).or(introduced);
    let section = topic.as_deref().or(section);
    // (A relative clause naming who does not take part, "…, som Kerteminde ikke
    // deltager i", says nothing of the main clause's subject: it is left out.)
    static NOT_IN_IT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r",\s+som\s+[^,.;]{1,80}?\s+ikke\s+(?:deltager|deltog|er\s+med)(?:\s+i)?\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // (In a paragraph of several trials, a sentence that names none goes on about the
    // one the sentence before named: "Mentorforsøget var med fra første runde.
    // Skanderborg trådte ud efter 2½ år …" under a section of another trial.)
    // (A paragraph of one trial is about it throughout: no need to look sentence by
    // sentence.)
    let mut last_named: Option<String> = None;
    for sentence in &sentences {
        let named = topic
            .is_none()
            .then(|| the_one_trial(catalog, sentence))
            .flatten();
        let about = match named {
            None => last_named.as_deref().or(section),
            Some(_) => section,
        };
        let sentence = NOT_IN_IT.replace_all(sentence, "");
        for s in clauses(&sentence) {
            clause_mentions(catalog, b, p, about, s, network, speaker);
        }
        if named.is_some() {
            last_named = named;
        }
    }
    // A round at the table, a paragraph to each municipality ("Vordingborg: Henrik Skov
    // Mogensen orienterede om kommunens to forsøg. … Genoptræningsforsøget – officielt
    // ”X” – startede 1. marts 2020 …"): a sentence that tells of one trial and of no
    // other municipality, and does not deny it, tells of the municipality's own.
    if let Some(owner) = labelled_municipality(catalog, &p.text) {
        for s in &sentences {
            let l = s.to_lowercase();
            let others = municipality_mentions(catalog, s)
                .into_iter()
                .flat_map(|m| m.1)
                .any(|m| m != owner);
            if others || NOT_TAKING_PART.is_match(&l) {
                continue;
            }
            if let [name] = b.all_named_within(s).as_slice() {
                if let Some(t) = b.trials.get_mut(name) {
                    add_municipalities(t, std::slice::from_ref(&owner));
                }
            }
        }
    }
}

/// The one municipality a paragraph is labelled with: "Næstved: Lise Ravn oplyste, …".
fn labelled_municipality(catalog: &Catalog, text: &str) -> Option<String> {
    let (label, rest) = text.split_once(": ")?;
    let one = catalog.municipality(label.trim())?;
    (!rest.trim().is_empty()).then(|| one.to_string())
}

/// A clause that names a trial by a short name its section's trial does not answer to
/// ("… og Brønderslev og Rebild fortsætter i RF-forsøget" in a paragraph on the mentor
/// trial) is about that other trial.
fn names_another_by_short_name(b: &Builder, section: &str, s: &str) -> bool {
    let written = b
        .trials
        .get(section)
        .map(|t| t.as_written.as_slice())
        .unwrap_or_default();
    let full: Vec<String> = std::iter::once(section)
        .chain(written.iter().map(String::as_str))
        .filter(|f| short_name_stem(f).is_none())
        .map(String::from)
        .collect();
    hyphenated_words(s)
        .filter(|w| {
            let l = w.to_lowercase();
            l.ends_with("forsøget") && l != "forsøget" && l != "frikommuneforsøget"
        })
        .any(|w| {
            let own = written.iter().any(|f| f.eq_ignore_ascii_case(w))
                || short_name_stem(w).is_some_and(|stem| forms_hold_stem(full.iter(), &stem));
            !own
        })
}

fn clause_mentions<'n>(
    catalog: &Catalog,
    b: &mut Builder,
    p: &Paragraph,
    section: Option<&str>,
    s: &str,
    network: &dyn Fn() -> &'n [String],
    speaker: Option<&str>,
) {
    let ms = mentions(catalog, s);
    let l = s.to_lowercase();
    // "..., som ikke deltager i forsøgene" names municipalities that do not take part.
    let negated = NOT_TAKING_PART.is_match(&l);
    // (Who a relative clause says runs the trial, "…, som Svendborg og Nyborg
    // gennemfører", is read below; the main clause must say so of its own subject: "Ærø
    // overvejer at søge om at komme med i psykologforsøget, som …".)
    static RUN_BY_ANYWHERE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(RUN_BY_CLAUSE).unwrap_or_else(|e| panic!("{e}")));
    // (Nor does a clause of condition or time to come about the trial: "Rådet ønsker en
    // orientering, når forsøget har kørt et år i Fredericia.")
    static CONDITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:når|hvis|såfremt|dersom)\s+(?:forsøget|forsøgene|det|ministeriet|styrelsen)\b[^,;]*")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let main_clause = RUN_BY_ANYWHERE.replace_all(s, "");
    let main_clause = CONDITION.replace_all(&main_clause, "").to_lowercase();
    let scene = opens_with_scene(catalog, s);
    // "Attestforsøget er et af fem frikommuneforsøg, som A, B og C har fået godkendt":
    // who has the set of trials, not who runs this one.
    static ONE_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\ber\s+(?:et|ét)\s+af\s+(?:de\s+)?\S+\s+(?:frikommune)?forsøg")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let takes_part = !negated
        && !ONE_OF.is_match(&l)
        && (says_taking_part(&main_clause) || scene || subject_after_taking_part(catalog, s));
    // "… som vi havde sammen med Hørsholm", "det har vi sammen med Fredensborg": in a
    // document a municipality speaks, "vi" is it.
    let we = speaker.filter(|_| crate::extract::words::words(&l).any(|w| w == "vi"));
    for m in &ms {
        b.add(&m.name, &m.written, p.page);
    }
    // "Forsøget med mikrolån, som Herning Kommune har gennemført alene, er ophørt …, og
    // forsøget X …": a relative clause right after a name says who ran that trial,
    // however many the sentence names.
    for m in &ms {
        let munis = run_by_clause(catalog, &s[m.end..]);
        if let (Some(munis), Some(t)) = (munis, b.trials.get_mut(&m.name)) {
            add_municipalities(t, &munis);
            // (… "siden 1. juli 2017 (1. ansøgningsrunde)": and when it was approved.)
            if ms.len() == 1 && t.round.is_none() {
                t.round = round_of(s);
            }
        }
    }
    // "mikrolånsforsøget i Faaborg-Midtfyn", "attestforsøget i Lolland og Guldborgsund":
    // where the trial runs.
    static PLACED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s+i\s+(\p{Lu}[\p{L}-]*(?:(?:,\s*|\s+og\s+)\p{Lu}[\p{L}-]*)*)")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    if !negated {
        for m in &ms {
            let munis = PLACED
                .captures(&s[m.end..])
                .and_then(|c| parse_list(catalog, &c[1]));
            if let (Some(munis), Some(t)) = (munis, b.trials.get_mut(&m.name)) {
                add_municipalities(t, &munis);
            }
        }
    }
    // "Aalborg deltager i tre af netværkets forsøg: attestforsøget, psykologforsøget og
    // raskmeldingsforsøget": the subject takes part in each trial the clause names, by
    // the catalogue's names or the document's own.
    if takes_part {
        let subject =
            crate::extract::municipalities::opening_place(catalog, s.trim_start()).map(|p| p.names);
        if let Some(subject) = subject {
            let named = b.all_named_within(s);
            if named.len() >= 2 {
                for name in named {
                    if let Some(t) = b.trials.get_mut(&name) {
                        add_municipalities(t, &subject);
                    }
                }
            }
        }
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
    // A clause that introduces a trial of its own is about that one, not the paragraph's
    // ("Faxe og Stevns gennemfører forsøget X, og Ringsted og Faxe deltager i forsøget
    // Y").
    let own = ms
        .is_empty()
        .then(|| introduced_trial(catalog, s))
        .flatten()
        .filter(|own| section.is_some_and(|t| t != own));
    if let Some(own) = &own {
        b.add(own, own, p.page);
    }
    let section = own.as_deref().or(section);
    // (One trial named twice is one: "psykologforsøget (Psykologbehandling i …)".)
    let one = ms.first().filter(|f| ms.iter().all(|m| m.name == f.name));
    let target = match ms.as_slice() {
        // "X og Y kommuner har siden 2018 deltaget i forsøget", "X deltager sammen med Y
        // og Z kommuner", "I forsøget deltager foruden X også Y" under the trial's heading
        // or in an agenda item about it.
        // So does a clause whose subject is the municipalities ("Halsnæs og Hillerød gik i
        // gang 1. april 2019", "Helsingør, Fredensborg og Halsnæs har siden 2017 kunnet …").
        // ("Det er gennemført i …": the section's trial as the subject.)
        [] => section.map(String::from).filter(|t| {
            takes_part
                && !names_another_by_short_name(b, t, s)
                && !joins_network(catalog, s)
                && (l.contains("forsøg")
                    || l.contains("sammen med")
                    || l.contains("foruden")
                    || l.starts_with("det ")
                    || opens_with_municipalities(catalog, s)
                    || subject_after_taking_part(catalog, s)
                    || opens_with_participle(&l)
                    || we.is_some()
                    || scene
                    // "I Frikommunenetværket X – det er A, B og C – har jobcentrene siden
                    // 2017 kunnet …": the network's members, as the scene.
                    || super::NETWORK_OF.is_match(s)
                    // "Siden 2017 har jobcentrene i alle fire kommuner kunnet …".
                    || JOBCENTRES_IN.is_match(&l)
                    // "Vesthimmerland Kommune har som eneste kommune i netværket afprøvet
                    // mikrolån": one subject that says it is alone in it.
                    || (l.contains(" eneste ") && opening_municipalities(catalog, s) >= 1)
                    // "Tønder havde valgt at træde ud allerede i 2018": one that left.
                    || (LEFT_TRIAL.is_match(&l) && opening_municipalities(catalog, s) >= 1)
                    // "…, mens Nordfyn er fortsat": one that went on.
                    || (CARRIED_ON.is_match(&l) && opening_municipalities(catalog, s) >= 1)
                    // "Langeland Kommune har siden 1. oktober 2019 haft tilladelse til at
                    // …": one subject with leave to do what the trial allows.
                    || (l.contains("tilladelse til") && opening_municipalities(catalog, s) >= 1)
                    || PERMIT_FOR.is_match(&l)
                    // The trial as the subject, by a name of the document's own ("Fleksibel
                    // opfølgning for … er gennemført fra 1. januar 2018 i Thisted, …").
                    || section.is_some_and(|t| l.starts_with(&t.to_lowercase())))
        }),
        _ => one.map(|m| m.name.clone()),
    };
    let Some(target) = target else { return };
    // "I psykologforsøget har Næstved og Faxe siden 2018 kunnet tilbyde …", "I forsøget
    // <name> har Herning og Ikast-Brande … kunnet": the trial as the scene, the
    // municipalities as the subject.
    static SCENE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^i(?:\s+(?:frikommune)?forsøg(?:et)?(?:\s+med)?)?$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    if let Some(m) = one {
        if SCENE.is_match(s[..m.start].trim()) {
            let munis = subject_after_scene(catalog, &s[m.end..]);
            if let (Some(munis), Some(t)) = (munis, b.trials.get_mut(&target)) {
                add_municipalities(t, &munis);
            }
        }
    }
    let before = ms.first().map(|m| &s[..m.start]).unwrap_or(s);
    // After the name, a relative clause may state others taking part ("…, som Kolding og
    // Haderslev har gennemført siden 2019").
    // (After the last name of a trial named twice: "forsøget X – i daglig tale
    // praktikforsøget – for Esbjerg og Varde kommuner".)
    let after = one
        .and_then(|_| ms.last())
        .or(ms.first())
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
            if let Some(members) = all_members(network, members_counted(&c)) {
                munis.extend(members.iter().cloned());
            }
        }
        munis.extend(we.map(String::from));
        // "alle netværkets kommuner undtagen Langeland": all but those.
        if let Some(at) = EXCEPT.find(s) {
            let excepted: Vec<String> = municipality_mentions(catalog, &s[at.end()..])
                .into_iter()
                .flat_map(|m| m.1)
                .collect();
            munis.retain(|m| !excepted.contains(m));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statutes_lead_in_lists_who_takes_part_below_it() {
        let lead = "§ 2. Følgende kommuner kan gennemføre forsøg efter denne bekendtgørelse:";
        assert_eq!(deltagende(lead), Some(""));
        assert_eq!(deltagende("Forsøget omfatter følgende kommuner:"), Some(""));
        // (Not those that do not, nor a count of the network's members.)
        assert_eq!(
            deltagende("Følgende kommuner deltager ikke i forsøget:"),
            None
        );
        assert_eq!(
            deltagende("Netværkets fem kommuner: Billund og Vejen"),
            None
        );
        let para = |text: &str, kind: Kind| Paragraph::new(1, text, kind);
        let paras = [
            para(lead, Kind::Body),
            para("Billund Kommune.", Kind::Numbered(1)),
            para("Fredricia Kommune.", Kind::Numbered(2)),
            para("Stk. 2. En kommune, der ønsker at ophøre …", Kind::Body),
        ];
        assert_eq!(
            listed_below(&paras, 0, ""),
            "Billund Kommune, Fredricia Kommune"
        );
    }

    #[test]
    fn a_municipality_that_left_took_part() {
        for l in [
            "lolland kommune har valgt at træde ud af forsøget pr. 1. april 2020.",
            "assens opgav forsøget med mikrolån pr. 31. december 2018.",
            "langeland kommune har siden 1. oktober 2019 haft tilladelse til at lade ledige booke",
            "samsø var med fra forsøgets start den 1. juli 2017",
            "samtaleforsøget gælder i alle fire kommuner.",
        ] {
            assert!(says_taking_part(l), "{l}");
        }
        assert!(NOT_TAKING_PART.is_match("billund deltager ikke i psykologforsøget."));
        assert!(!NOT_TAKING_PART.is_match("tønder havde valgt at træde ud allerede i 2018."));
    }

    #[test]
    fn a_person_with_a_job_title_names_no_trial() {
        let c = Catalog::builtin();
        let network = || &[][..];
        for person in [
            "Poul Erik Tvede, ældrechef (Assens)",
            "Birgitte Holm Pedersen, direktør for Social og Sundhed (Faaborg-Midtfyn), formand",
        ] {
            assert_eq!(split_name_list(&c, person, &network), None, "{person}");
        }
        assert!(split_name_list(&c, "Mikrolån, status (Kolding og Vejle)", &network).is_some());
    }

    #[test]
    fn a_role_and_its_municipality_name_no_trial() {
        let c = Catalog::builtin();
        let network = || &[][..];
        assert_eq!(
            split_name_list(&c, "Sekretariat: Aabenraa Kommune", &network),
            None
        );
        assert!(split_name_list(&c, "Mikrolån: Aabenraa og Tønder", &network).is_some());
    }

    #[test]
    fn job_centres_that_can_do_what_the_trial_allows_take_part() {
        assert!(says_taking_part(
            "med forsøget x kan jobcentrene i aabenraa, sønderborg og tønder holde opfølgningen over telefon"
        ));
        assert!(says_taking_part(
            "haderslev og tønder har fået forlænget forsøget x"
        ));
        assert!(!says_taking_part(
            "jobcentrene kan bevilge op til 10 samtaler"
        ));
    }

    #[test]
    fn a_list_may_run_into_the_date_it_started() {
        let c = Catalog::builtin();
        let network = || &[][..];
        let (n, m) = split_name_facts(
            &c,
            "Mikrolån (lånforsøget) – Morsø og Thisted siden 1. januar 2018. Struer deltager ikke",
            &network,
        )
        .unwrap_or_default();
        assert_eq!(n, "Mikrolån");
        assert_eq!(m, ["Morsø".to_string(), "Thisted".to_string()]);
        // (A dash before prose is no list: "Mikrolån – siden 2018 har …".)
        assert!(split_name_facts(&c, "Mikrolån – siden 2018 har vi lånt ud", &network).is_none());
    }

    #[test]
    fn a_list_after_a_name_says_who_takes_part() {
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
        let (n, m) =
            split_name_list(&c, "Mikrolån – Silkeborg · 3. runde", &network).unwrap_or_default();
        assert_eq!(
            (n.as_str(), m.as_slice()),
            ("Mikrolån", ["Silkeborg".to_string()].as_slice())
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
        let (n, m) = split_name_list(
            &c,
            "Iværksætterier blandt dimittender – Aalborg og Frederikshavn",
            &|| &[],
        )
        .unwrap_or_default();
        assert_eq!(n, "Iværksætterier blandt dimittender");
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn all_of_the_network_and_its_logos() {
        let c = Catalog::builtin();
        let members = vec!["Hjørring".to_string(), "Læsø".to_string()];
        let network = || members.as_slice();
        for cell in ["Alle to", "alle to kommuner", "Samtlige"] {
            assert_eq!(
                listed_members(&c, cell, &network),
                Some(members.clone()),
                "{cell}"
            );
        }
        assert_eq!(listed_members(&c, "Alle fem", &network), None);
        let para = |text: &str| Paragraph::new(1, text, Kind::Heading);
        let cover = [
            para("Styregruppemøde i Frikommunenetværket Skagerrak"),
            para("Hjørring Rådhus · 27. februar 2020"),
            para("Frederikshavn Kommune"),
            para("Hjørring Kommune"),
            para("Læsø Kommune"),
            para("Dagsorden"),
        ];
        assert_eq!(
            network_members(&c, &cover),
            ["Frederikshavn", "Hjørring", "Læsø"]
        );
    }

    #[test]
    fn membership_of_the_network_is_no_trials() {
        let c = Catalog::builtin_ref();
        assert!(joins_network(
            c,
            "Fredericia Kommune indgår i et frikommunenetværk med Kolding og Vejle kommuner."
        ));
        assert!(joins_network(
            c,
            "Holstebro og Struer kommuner indgår sammen med Lemvig Kommune i \
             Frikommunenetværket Nissum Bredning."
        ));
        // The trials in the network, and a relative clause after the main one's list.
        assert!(!joins_network(
            c,
            "Ud over ungeforsøget deltager Lejre i tre forsøg i netværket."
        ));
        assert!(!joins_network(
            c,
            "Forsøget er gennemført i Haderslev og Vejen kommuner, der indgår i \
             Frikommunenetværket Skamlingsbanken."
        ));
    }

    #[test]
    fn all_of_the_network_but_those_excepted() {
        let c = Catalog::builtin();
        let paras = [
            Paragraph::new(1, "Evaluering i Frikommunenetværket Svendborgsund", Kind::Heading),
            Paragraph::new(1, "Svendborg · Faaborg-Midtfyn · Nyborg · Langeland · Ærø", Kind::Body),
            Paragraph::new(
                1,
                "Revalideringsforsøget: ”Forenkling af bevillingsgrundlaget for revalidering”. Godkendt i 1. ansøgningsrunde og gennemført fra 1. juli 2017 i alle netværkets kommuner undtagen Langeland.",
                Kind::Bullet,
            ),
        ];
        let d = super::super::discover(&c, &paras, &[], None, &crate::extract::Budget::unlimited());
        let t = d.trials.first().map(|t| t.municipalities.clone());
        assert_eq!(
            t,
            Some(
                ["Faaborg-Midtfyn", "Nyborg", "Svendborg", "Ærø"]
                    .map(String::from)
                    .to_vec()
            )
        );
    }

    #[test]
    fn sentences_say_who_takes_part_and_who_does_not() {
        assert!(NOT_TAKING_PART.is_match("rudersdal kommune, som ikke indgår i forsøget"));
        assert!(!says_taking_part("morsø kommune søgte også om at deltage"));
        assert!(says_taking_part(
            "i ikast-brande og herning har man brugt de lempede regler"
        ));
        assert!(!says_taking_part(
            "som sammenligning er brugt aabenraa og sønderborg kommuner"
        ));
        assert!(!says_taking_part(
            "lemvig har ansøgt om at deltage i forsøget fra 2020"
        ));
        assert!(says_taking_part(
            "lemvig søgte om at deltage og deltager nu sammen med struer"
        ));
        // The one that went on, when another left.
        assert!(says_taking_part("nordfyn er fortsat."));
        assert!(!says_taking_part("nordfyn er fortsat i tvivl om forsøget"));
        let c = Catalog::builtin_ref();
        assert_eq!(
            run_by_clause(c, ", som Herning Kommune har gennemført alene, er ophørt"),
            Some(vec!["Herning".to_string()])
        );
        assert_eq!(
            run_by_clause(c, ", som Bornholm og Ærø gennemførte fra 2018"),
            Some(vec!["Bornholm".to_string(), "Ærø".to_string()])
        );
        assert_eq!(
            run_by_clause(
                c,
                ", som Holbæk, Kalundborg og Odsherred har deltaget i siden 2017"
            ),
            Some(
                ["Holbæk", "Kalundborg", "Odsherred"]
                    .map(String::from)
                    .to_vec()
            )
        );
        // Not a list of municipalities: no one named.
        assert_eq!(run_by_clause(c, ", som Herning ikke har gennemført"), None);
        assert_eq!(run_by_clause(c, ", som vi har gennemført"), None);
        assert_eq!(
            run_by_clause(
                c,
                " (Lempede mentorregler), som Lemvig og Struer har gennemført"
            ),
            Some(vec!["Lemvig".to_string(), "Struer".to_string()])
        );
        assert!(subject_after_taking_part(
            c,
            "I Hanstholm deltager Thisted og Jammerbugt Kommune"
        ));
        assert!(!subject_after_taking_part(
            c,
            "Forsøget omfatter 60 unge i Skive"
        ));
        assert!(NOT_TAKING_PART.is_match("ærø deltager ikke i forsøgene"));
        assert!(says_taking_part("som assens og middelfart deltog i"));
        assert!(!says_taking_part(
            "holbæk kommune søger om at indgå i forsøget"
        ));
    }
}
