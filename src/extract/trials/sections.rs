//! Headings and the sections they open: which heading names a trial, which heading ends a
//! trial's section, and a document's title trial.

use super::facts::{facts_below, round_of};
use super::names::{
    canonical, clean_name, compounds_of, heading_name, labelled_trial, mentions, short_and_name,
    short_name_stem, TRIAL_WORD,
};
use super::participants::{
    listed_members, participants_below, says_taking_part, split_name_list, PERMIT_FOR,
};
use super::{add_municipalities, Builder, Doc};
use crate::extract::catalog::{word_holds_stem, Catalog};
use crate::extract::meta::parse_date;
use crate::extract::municipalities::{mentions as municipality_mentions, parse_list};
use crate::extract::structure::{is_part_label, looks_like_heading, Kind, Paragraph};
use crate::extract::words::{hyphenated_words, words};
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// The depth of a heading's section number: "3 Fleksible …" 1, "4.1 Revalidering…" 2.
pub(super) fn heading_depth(text: &str) -> Option<usize> {
    heading_number(text).map(|n| n.split('.').count())
}

/// A heading's section number: "4.1" of "4.1 Revalidering …".
pub(super) fn heading_number(text: &str) -> Option<&str> {
    // (The notes of accounts are numbered sections too: "Note 4. Virksomhedsrettet …".)
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[Nn]ote\s+)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+\p{L}")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let text = text.trim();
    NUMBER
        .captures(text)
        .and_then(|c| c.get(1))
        .map(|m| &text[m.range()])
}

/// A heading that speaks of the trial of its section as "forsøget" ("Fakta om forsøget",
/// "Om forsøget").
static REFERS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:fakta\s+)?om\s+forsøget$|^fakta$").unwrap_or_else(|e| panic!("{e}"))
});

/// A heading about the network or the document, not a trial ("Netværk: Frikommune-
/// netværket Gudenå", "Statusnotat fra Frikommunenetværket X (A, B og C kommuner)").
pub(super) fn names_the_network(heading: &str) -> bool {
    let l = heading.to_lowercase();
    l.contains("netværk")
        || ["notat", "referat", "rapport", "nyhedsbrev", "status"]
            .iter()
            .any(|g| l.starts_with(g))
}

/// The standard section labels of minutes and reports, which are never a trial's name.
pub(super) fn is_section_label(h: &str) -> bool {
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
/// no section. Six words or more, or a place as its subject and then its verb ("Lolland
/// stopper mentorforsøget").
fn is_headline(catalog: &Catalog, h: &str) -> bool {
    let words: Vec<&str> = h.split_whitespace().collect();
    let place_subject = words.len() >= 3
        && catalog.municipality(words[0]).is_some()
        && words[1].starts_with(char::is_lowercase);
    words.len() >= 6 || place_subject
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
        // A newsletter's sections of other news.
        "kort nyt",
        "kalender",
        "arrangementer",
        "nyttige links",
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
pub(super) fn title_trial(
    catalog: &Catalog,
    paras: &[Paragraph],
    minutes: bool,
    doc_title: Option<&str>,
) -> Option<(String, String, usize)> {
    title_field(catalog, paras)
        .or_else(|| title_heading_trial(catalog, paras, minutes))
        .or_else(|| paraphrased(catalog, paras, doc_title?))
}

/// The trial the title headings on the first page name (see `title_trial`).
fn title_heading_trial(
    catalog: &Catalog,
    paras: &[Paragraph],
    minutes: bool,
) -> Option<(String, String, usize)> {
    let first_page = paras.first()?.page;
    // (A genre's label before the title is no part of it: "Business case: Videreførelse
    // af forsøget med …".)
    let labelled = |text: &str| -> String {
        match text.split_once(": ") {
            Some((label, rest))
                if label.split_whitespace().count() <= 2
                    && rest.split_whitespace().count() >= 3
                    && !rest.contains(':') =>
            {
                rest.to_string()
            }
            _ => text.to_string(),
        }
    };
    let titles: Vec<(usize, String)> = paras
        .iter()
        .enumerate()
        .take_while(|(_, p)| p.page == first_page && p.kind == Kind::Heading)
        .map(|(i, p)| (i, labelled(&p.text)))
        .filter(|(i, text)| {
            let words = text.split_whitespace().count();
            let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
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
                && !text.contains([':', '·', '|'])
                && !letters.iter().all(|c| c.is_uppercase())
                && !names_the_network(text)
                // (Nor is the issuer: "Kandidatuddannelsen i Politik og Administration".)
                && !crate::extract::meta::names_an_issuer(text.trim())
                && !text.to_lowercase().starts_with("frikommuneforsøg")
                // (A title about the trials, "… under frikommuneforsøgene", is about none.)
                && !text.to_lowercase().contains("forsøgene")
                && municipality_mentions(catalog, text).is_empty()
        })
        .collect();
    if titles.is_empty() {
        return None;
    }
    // A title that names one trial ("Samarbejdsaftale om fælles gennemførelse af
    // frikommuneforsøget Iværksætteri for dimittender").
    // (Not one that names another by a short name the catalogue does not know:
    // "Erfaringer med kontaktforsøget og gruppesamtaleforsøget" is about both.)
    let named = titles
        .iter()
        .find_map(|(i, text)| match mentions(catalog, text).as_slice() {
            [m] if !hyphenated_words(text).any(|w| {
                short_name_stem(w).is_some()
                    && !m.written.to_lowercase().contains(&w.to_lowercase())
            }) =>
            {
                Some((m.name.clone(), m.written.clone(), *i))
            }
            _ => None,
        });
    if named.is_some() {
        return named;
    }
    // A title that says what it does with a trial it names in other words ("Bekendtgørelse
    // om frikommuneforsøg med færre opfølgninger for førtidspensionister …"): the trial
    // the catalogue knows by those words.
    static TRIAL_WITH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:frikommune)?forsøg(?:et)?\s+(?:med|om)\s+(\S.*)$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let described = titles.iter().find_map(|(i, text)| {
        let written = TRIAL_WITH.captures(text)?.get(1)?.as_str();
        let name = catalog.trial(written)?;
        Some((name.to_string(), clean_name(written), *i))
    });
    if described.is_some() {
        return described;
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
            if is_headline(catalog, &paras[k - 1].text) {
                return Some((m.name.clone(), m.written.clone(), k));
            }
        }
    }
    let stems: BTreeSet<String> = paras
        .iter()
        .flat_map(|p| hyphenated_words(&p.text))
        .filter_map(short_name_stem)
        // (A stem of the catalogue's names, "uddannelse" of "uddannelsesforsøget", stands
        // for a known trial, or several.)
        .filter(|stem| !catalog.holds_stem(stem))
        .collect();
    // (… and none that names two by their short names.)
    let several = |text: &str| {
        let shorts: BTreeSet<String> = hyphenated_words(text).filter_map(short_name_stem).collect();
        shorts.len() >= 2
    };
    titles
        .into_iter()
        .filter(|(_, t)| !several(t))
        .find_map(|(i, text)| {
            let written = clean_name(&text);
            let words: Vec<String> = words(&written).map(str::to_lowercase).collect();
            stems
                .iter()
                .any(|stem| words.iter().any(|w| word_holds_stem(w, stem)))
                .then(|| (canonical(catalog, &written), written, i))
        })
}

/// The trial a title describes in other words, of those the first page names: a legal
/// memo's "Rækkevidden af fritagelsen for forholdstalskravet ved virksomhedspraktik for
/// ledighedsydelsesmodtagere" is about "Lempede forholdstalskrav i forhold til
/// ledighedsydelsesmodtagere i virksomhedspraktik". The trial whose long words the title
/// shares (inflected or not), two at least and more than any other named there. Returns
/// (name, as written where first named, that paragraph's index).
fn paraphrased(
    catalog: &Catalog,
    paras: &[Paragraph],
    title: &str,
) -> Option<(String, String, usize)> {
    // (A title that names a trial outright was judged above.)
    if !mentions(catalog, title).is_empty() {
        return None;
    }
    // (Long words carry a name's meaning; "forhold", "borgere" do not.)
    let long = |text: &str| -> Vec<String> {
        words(text)
            .filter(|w| w.chars().count() >= 8)
            .map(str::to_lowercase)
            .collect()
    };
    let title_words = long(title);
    let shared = |name: &str| {
        long(name)
            .iter()
            .filter(|w| {
                title_words
                    .iter()
                    .any(|t| t.starts_with(w.as_str()) || w.starts_with(t.as_str()))
            })
            .count()
    };
    let first_page = paras.first()?.page;
    let mut named: Vec<(String, String, usize)> = Vec::new();
    for (i, p) in paras
        .iter()
        .enumerate()
        .take_while(|(_, p)| p.page == first_page)
    {
        for m in mentions(catalog, &p.text) {
            if named.iter().all(|(name, _, _)| *name != m.name) {
                named.push((m.name, m.written, i));
            }
        }
    }
    let mut scored: Vec<(usize, (String, String, usize))> =
        named.into_iter().map(|n| (shared(&n.0), n)).collect();
    scored.sort_by_key(|n| std::cmp::Reverse(n.0));
    match scored.as_slice() {
        [(best, _), rest @ ..] if *best >= 2 && rest.first().is_none_or(|r| r.0 < *best) => {
            scored.into_iter().next().map(|(_, n)| n)
        }
        _ => None,
    }
}

/// The trial a form is filled in for: the answer under its field "1. Forsøgets titel"
/// (or "Navn på forsøget"), a line of its own that reads as a name. Returns (name, as
/// written, index of the answer).
fn title_field(catalog: &Catalog, paras: &[Paragraph]) -> Option<(String, String, usize)> {
    static FIELD: LazyLock<Regex> = LazyLock::new(|| {
        // (… perhaps saying where it is written, and marked as required: "Forsøgets titel,
        // som den fremgår af godkendelsesbrevet *".)
        Regex::new(r"(?i)^(?:\d{1,2}[.)]\s*)?(?:forsøgets\s+(?:titel|navn)|(?:titel|navn)\s+på\s+(?:forsøget|det\s+ansøgte\s+forsøg)|forsøgstitel)(?:,\s+som\s+[^:*]+)?\s*\*?\s*:?$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let at = paras.iter().position(|p| FIELD.is_match(p.text.trim()))? + 1;
    let answer = paras.get(at)?.text.trim();
    let words = answer.split_whitespace().count();
    let name_like = (2..=15).contains(&words)
        && answer.starts_with(char::is_uppercase)
        && !answer.ends_with(['.', ':'])
        && !answer.contains([':', '|']);
    name_like.then(|| (canonical(catalog, answer), answer.to_string(), at))
}

/// What a form filled in for one trial answers of it, each in a field of its own:
/// "5. Godkendt i ansøgningsrunde *" / "2. runde", "6. Forsøgsstart i kommunen *" /
/// "1. april 2018", and the municipalities ticked under "7. Hvilke af netværkets kommuner
/// deltager i forsøget? *".
pub(super) fn form_facts(
    catalog: &Catalog,
    paras: &[Paragraph],
    t: &mut crate::extract::document::Trial,
) {
    static ROUND: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:godkendt\s+i\s+)?(?:ansøgnings)?runde\b[^:]*\*?\s*:?$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    static START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:forsøgsstart|startdato|forsøgets\s+start)\b[^:]*\*?\s*:?$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    static WHO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^hvilke\s+(?:af\s+(?:netværkets\s+)?)?kommuner\s+(?:deltager|indgår)\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let field = |re: &Regex| {
        paras
            .iter()
            .position(|p| matches!(p.kind, Kind::Numbered(_)) && re.is_match(p.text.trim()))
    };
    if let Some(answer) = field(&ROUND).and_then(|at| paras.get(at + 1)) {
        t.round = t.round.or_else(|| round_of(&answer.text));
    }
    if let Some(answer) = field(&START).and_then(|at| paras.get(at + 1)) {
        t.start = t.start.clone().or_else(|| parse_date(&answer.text));
    }
    if let Some(at) = field(&WHO) {
        // (The answer's items, past a line that says how to fill it in.)
        let ticked: Vec<String> = paras[at + 1..]
            .iter()
            .skip_while(|p| p.kind == Kind::Body)
            .take_while(|p| p.kind == Kind::Bullet)
            .filter_map(|p| catalog.municipality(p.text.trim()).map(String::from))
            .collect();
        add_municipalities(t, &ticked);
    }
}

/// The short name a form gives the trial it is filled in for: the answer under its field
/// "4. Forsøgets korte titel (valgfri)" ("Kursusforsøget"). Returns (short name, index of
/// the answer).
pub(super) fn short_title_field(paras: &[Paragraph]) -> Option<(String, usize)> {
    static FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:\d{1,2}[.)]\s*)?(?:forsøgets\s+)?(?:korte?\s+(?:titel|navn)|kaldenavn)(?:\s+på\s+forsøget)?\s*(?:\([^)]*\))?\s*\*?\s*:?$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let at = paras.iter().position(|p| FIELD.is_match(p.text.trim()))? + 1;
    let answer = paras.get(at)?.text.trim();
    (answer.split_whitespace().count() <= 3 && answer.starts_with(char::is_uppercase))
        .then(|| (answer.to_string(), at))
}

/// What a heading says of the trials.
pub(super) enum HeadingTrial {
    /// It opens the section of this trial.
    Opens(String),
    /// It is a story's headline that names this trial in passing: the story's
    /// paragraphs are about it, up to the next heading.
    Headline(String),
    Neither,
}

/// The trial heading `i` is about: one it names, one whose facts or participants stand
/// below it, or the trial of the section or agenda item it is a label within.
/// `section_depth` is how deep the numbered heading that opened `section` was.
pub(super) fn heading_trial(
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
    // "Kapitel 5. Beskæftigelse – Jobcenter Holstebro": a part of the document's outline,
    // whatever follows its dash.
    if is_part_label(&p.text) && mentions(catalog, &p.text).is_empty() {
        return HeadingTrial::Neither;
    }
    // "3.1 Frikommunenetværket Fynske Kyster", "Omsorgsnetværket Fyn": a network's
    // heading, whatever its members' line below looks like, names no trial.
    if clean_name(&p.text).to_lowercase().contains("netværk")
        && mentions(catalog, &p.text).is_empty()
    {
        return HeadingTrial::Neither;
    }
    // "Ungeforsøget – Sammenhængende forløb for unge på uddannelseshjælp".
    if let Some((short, written)) = short_and_name(&p.text) {
        let name = canonical(catalog, &written);
        b.add(&name, &written, p.page);
        b.add(&name, &short, p.page);
        return HeadingTrial::Opens(name);
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
    } else if let Some(facts) = facts_below(catalog, paras, i, network) {
        // A slide titled by a trial, its facts on the line below:
        // "Sønderborg og Aabenraa · 3. runde · start 1. februar 2020". A title with a
        // short name after a dash ("Færre attester – LÆ 285-forsøget") is called by it.
        let title = clean_name(&p.text);
        let written = title
            .split(" – ")
            .find(|part| short_name_stem(part).is_some())
            .map_or(title.clone(), String::from);
        // (A facts line that opens with the trial's name: the title is its nickname.)
        let name = canonical(catalog, facts.name.as_deref().unwrap_or(&written));
        if let Some(full) = &facts.name {
            b.add(&name, full, p.page);
        }
        let t = b.add(&name, &written, p.page);
        add_municipalities(t, &facts.municipalities);
        if t.round.is_none() {
            t.round = round_of(&facts.rest);
        }
        if t.start.is_none() {
            t.start = parse_date(&facts.rest).filter(|d| d.len() == 10);
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
        .or_else(|| b.named_by_part(&clean_name(&p.text)))
    {
        b.add(&name, &clean_name(&p.text), p.page);
        HeadingTrial::Opens(name)
    } else if let Some(known) = b.named_as_compounds(catalog, &clean_name(&p.text)) {
        // "Virksomhedsforlagt sygedagpengeopfølgning" over the slide of the trial a table
        // called "Virksomhedsforlagt opfølgning": the heading's own trial for now, the
        // shorter name folded into the fuller once the document is read.
        let written = clean_name(&p.text);
        let name = if compounds_of(&known, &written) {
            written.clone()
        } else {
            known
        };
        b.add(&name, &written, p.page);
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
    } else if let Some((name, written)) = approved_below(catalog, paras, i) {
        // "Fleksibel opfølgning for sygemeldte grænsependlere" over "Det tredje forsøg …
        // blev godkendt i 3. ansøgningsrunde med forsøgsstart den 1. april 2019 …".
        b.add(&name, &written, p.page);
        HeadingTrial::Opens(name)
    } else if let Some(name) = b.named_within(&p.text) {
        // "Erfaringer med psykologbehandling" after the deck named the trial.
        if is_headline(catalog, &p.text) {
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
        // (A trial named twice, by short name and by name: "Psykologforsøget –
        // Psykologbehandling i jobcenterindsatsen".)
        let one_trial = ms
            .iter()
            .all(|m| ms.first().is_some_and(|f| f.name == m.name));
        // A story's headline led by a short name no catalogue knows ("Pendlerforsøget
        // er kommet godt fra start"): folded into the trial it stands for later.
        let first = p.text.split_whitespace().next().unwrap_or("");
        let led_by_short = (ms.is_empty() && short_name_stem(first).is_some()).then(|| {
            first
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        });
        if let Some(short) = led_by_short {
            b.add(&short, &short, p.page);
            return if is_headline(catalog, &p.text) {
                HeadingTrial::Headline(short)
            } else {
                HeadingTrial::Opens(short)
            };
        }
        match ms.as_slice() {
            [m, ..] if one_trial => {
                b.add(&m.name, &m.written, p.page);
                // A story's headline that names the trial in passing
                // ("Mentorforsøget har hjulpet over 300 borgere tættere på
                // job") is about it up to the next heading, no further.
                if is_headline(catalog, &p.text) {
                    HeadingTrial::Headline(m.name.clone())
                } else {
                    HeadingTrial::Opens(m.name.clone())
                }
            }
            _ => HeadingTrial::Neither,
        }
    }
}

/// The trial a numbered section heading names ("2. Selvbooking af samtaler for
/// forsikrede ledige" over "Langeland Kommune har … og Assens er blevet godkendt til at
/// indgå i forsøget"): a catalogued name, or a new one when the prose right below speaks
/// of "forsøget" taking part. Generic headings ("3. Forsøg, der ikke søges forlænget")
/// name none.
pub(super) fn numbered_section(catalog: &Catalog, paras: &[Paragraph], i: usize) -> Option<String> {
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
    let l = next.text.to_lowercase();
    // An approval letter's "Tilladelsen gælder for A og B Kommuner" is about the trial of
    // its heading, however it is called (even "Samlet afgørelse om …", which as a rule
    // heads a summing-up).
    let permitted = PERMIT_FOR.is_match(&l);
    if !looks_like_heading(&p.text)
        || TRIAL_WORD.is_match(&p.text)
        || (ends_section(&p.text) && !permitted)
        || is_section_label(&p.text)
    {
        return None;
    }
    let written = clean_name(&p.text);
    if let Some(name) = catalog.trial(&written) {
        return Some(name.to_string());
    }
    // ("Forsøget med …", not a short name that names another trial, "… imod
    // ledighedsydelsesforsøget".)
    let the_trial = words(&l).any(|w| w == "forsøget");
    let about = (the_trial && says_taking_part(&l)) || permitted;
    // (A heading that opens with whose it is, "Ombudsmandens vurdering", "Kommunens
    // praksis", heads a part of the document, no trial.)
    let first = written.split_whitespace().next().unwrap_or("");
    let genitive = ["ens", "ets", "nes"].iter().any(|g| first.ends_with(g));
    let plausible = written.split_whitespace().count() >= 2
        && !genitive
        && catalog.municipality(&written).is_none()
        && mentions(catalog, &next.text).is_empty();
    (about && plausible).then_some(written)
}

/// A heading of three words or more in the writer's own words over prose that tells a
/// trial's approval (its round or its start: "Det tredje forsøg har netværket selv
/// udviklet. Det blev godkendt i 3. ansøgningsrunde med forsøgsstart den 1. april 2019")
/// (name, written): the heading is that trial's name, or the short title of the known
/// trial the prose names.
fn approved_below(catalog: &Catalog, paras: &[Paragraph], i: usize) -> Option<(String, String)> {
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
    let approved = words(&l).any(|w| w.starts_with("forsøg"))
        && (l.contains("forsøgsstart") || (l.contains("godkendt") && round_of(&l).is_some()));
    if !(plausible && approved) {
        return None;
    }
    // The prose may name the trial in full ("Indsatsplaner i ressourceforløb" over "…
    // deltager i forsøget "Fritagelse fra krav om opdatering af indsatsplanens tilbud
    // …", som blev godkendt i 2. ansøgningsrunde"): the heading is its short title.
    let named: BTreeSet<String> = mentions(catalog, &next.text)
        .into_iter()
        .map(|m| m.name)
        .collect();
    match named.len() {
        0 => Some((written.clone(), written)),
        1 => named.into_iter().next().map(|name| (name, written)),
        _ => None,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_is_long_or_has_a_place_as_its_subject() {
        let c = Catalog::builtin();
        assert!(is_headline(&c, "Lolland stopper mentorforsøget"));
        assert!(is_headline(
            &c,
            "Mentorforsøget har hjulpet over 300 borgere tættere på job"
        ));
        assert!(!is_headline(&c, "Mentorforsøget i Lolland"));
        assert!(!is_headline(&c, "Lempede mentorregler"));
    }
}
