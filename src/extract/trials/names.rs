//! What trials are called: known names mentioned in text, short names
//! (`Psykologforsøget`), official names, and the names a document introduces.

use super::participants::run_by_trial;
use super::Builder;
use crate::extract::catalog::{word_holds_stem, Catalog};
use crate::extract::municipalities::{mentions as municipality_mentions, parse_list};
use crate::extract::structure::{looks_like_heading, sentences, Paragraph};
use crate::extract::words::words;
use regex::Regex;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
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

/// "forsøget med X": the words of X, up to a mark or the verb after it.
static WITH_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bforsøg(?:et|ene)?\s+(?:med|om)\s+([\p{L}\d][\p{L}\d\s-]*?)(?:\s*[(),.;:]|\s+(?:som|der|gennemføres|gennemført|er|har|blev|startede|kører|fortsætter)\b|$)")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// A name in quotes after "forsøget" (or "forsøget med/om").
static QUOTED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?:frikommune)?forsøg(?:et|ene)?\s+(?:(?:med|om)\s+)?|hedder\s+(?:officielt\s+)?|(?:under\s+)?navnet\s+)[\x22“”„«»]([^\x22“”»«]{8,200}?)[\x22“”»«]")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The last `bytes` bytes of `s` or a few more (to a character boundary): where a
/// pattern anchored at the end can match, without searching from the start of a long
/// paragraph once for every name in it.
fn tail(s: &str, bytes: usize) -> &str {
    let mut from = s.len().saturating_sub(bytes);
    while !s.is_char_boundary(from) {
        from -= 1;
    }
    &s[from..]
}

thread_local! {
    /// The mentions found in the texts of the document being read, by catalog and
    /// text: the stages ask about the same paragraph and sentence many times over.
    /// Emptied for each document ([`forget_mentions`]) and when it grows large.
    static MENTIONS: RefCell<HashMap<(usize, String), Vec<Mention>>> =
        RefCell::new(HashMap::new());
}

/// Empties the memo of [`mentions`] (at the start of each document).
pub(crate) fn forget_mentions() {
    MENTIONS.with(|m| m.borrow_mut().clear());
}

/// Known trials named in `text`. Names of fewer than three words count only after
/// `forsøg(et/ene) (med/om)`, so that `psykologbehandling` in passing is no trial.
pub fn mentions(catalog: &Catalog, text: &str) -> Vec<Mention> {
    let key = (std::ptr::from_ref(catalog) as usize, text.to_string());
    if let Some(found) = MENTIONS.with(|m| m.borrow().get(&key).cloned()) {
        return found;
    }
    let found = find_mentions(catalog, text);
    MENTIONS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= 20_000 {
            m.clear();
        }
        m.insert(key, found.clone());
    });
    found
}

fn find_mentions(catalog: &Catalog, text: &str) -> Vec<Mention> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return Vec::new();
    }
    let mut out: Vec<Mention> = Vec::new();
    for (form, name) in catalog.lower_forms() {
        let words = form.split_whitespace().count();
        let mut from = 0;
        while let Some(pos) = lower[from..].find(form) {
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
            let whole = lower.trim().trim_end_matches(['.', ':']) == form;
            // "Mikrolån: De første lån er betalt tilbage": a headline led by the name.
            // (Not a label whose noun the line goes on to use in lower case, a topic of a
            // list of key figures: "Samtaler: 72 % af samtalerne …".)
            let topic_label = || {
                let stem = form
                    .strip_suffix("er")
                    .or_else(|| form.strip_suffix('e'))
                    .unwrap_or(form);
                words == 1 && text[end..].contains(stem)
            };
            let leads = lower[..start].trim().is_empty()
                && lower[end..].starts_with(": ")
                && !topic_label();
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
                && !CONTEXT.is_match(tail(&lower[..start], 200))
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
    // (… or in capitals right after "forsøget", cut short: "godkendt forsøget
    // Ledighedsydelse – fritagelse for revurdering i 12. måned".)
    static CAPITALS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bforsøg(?:et|ene)?\s+(\p{Lu}[\p{L}\d\s–-]*?)(?:\s*[(),.;:]|\s+(?:som|der|gennemføres|gennemført|er|har|blev|startede|kører|fortsætter)\b|$)")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let spans: Vec<(usize, usize)> = WITH_NAME
        .captures_iter(&lower)
        .chain(CAPITALS_AFTER.captures_iter(text))
        .filter_map(|c| c.get(1).map(|g| (g.start(), g.end())))
        .collect();
    for (g_start, g_end) in spans {
        if out.iter().any(|m| g_start < m.end && g_end > m.start) {
            continue;
        }
        let words: Vec<(usize, &str)> = lower[g_start..g_end]
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - lower.as_ptr() as usize, w))
            .collect();
        // (A name is short: a run-on phrase is tried up to its first 15 words.)
        let found = (3..=words.len().min(15)).rev().find_map(|n| {
            let (first, _) = words[0];
            let (last, w) = words[n - 1];
            // (A name ends in a word of its own, not "… integrationsborgere med".)
            if [
                "med", "sammen", "og", "i", "for", "af", "til", "på", "om", "–", "-",
            ]
            .contains(&w)
            {
                return None;
            }
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
    // A catalogued trial's name quoted after "forsøget" (or "hedder officielt", "under
    // navnet") in a wording of its own
    // ("i forsøget "Fritagelse fra krav om opdatering af indsatsplanens tilbud hver 6.
    // måned i ressourceforløb""): the quotes bound it, whatever its length or points.
    for c in QUOTED_NAME.captures_iter(&lower) {
        let Some(g) = c.get(1) else { continue };
        if out.iter().any(|m| g.start() < m.end && g.end() > m.start) {
            continue;
        }
        if let Some(name) = catalog.trial(&text[g.start()..g.end()]) {
            out.push(Mention {
                start: g.start(),
                end: g.end(),
                name: name.to_string(),
                written: text[g.start()..g.end()].to_string(),
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

/// What a search matches a document's short name by: its stem ("psykolog"), or an
/// abbreviation's letters ("rf" of "RF-forsøget", too short for a stem).
pub fn short_name_key(name: &str) -> Option<String> {
    short_name_stem(name).or_else(|| {
        let letters = name.trim().strip_suffix("-forsøget")?;
        (letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase))
            .then(|| letters.to_lowercase())
    })
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

/// The stem of a short name written with its article and adjectives, where Danish puts
/// the noun in its indefinite form: "det fælles pendlerforsøg" -> "pendler", as
/// "pendlerforsøget".
pub fn described_short_name_stem(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (last, before) = words.split_last()?;
    let (article, adjectives) = before.split_first()?;
    let described = matches!(article.to_lowercase().as_str(), "det" | "den")
        && (1..=2).contains(&adjectives.len())
        && adjectives
            .iter()
            .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
    let noun = last.to_lowercase();
    (described && noun.ends_with("forsøg"))
        .then(|| short_name_stem(&format!("{noun}et")))
        .flatten()
}

pub(super) static PARENS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\([^)]*\)").unwrap_or_else(|e| panic!("{e}")));

pub(super) static TRIAL_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(forsøg|forsøgene|forsøget|forsøgets|ansøgninger|ansøgningerne|frikommuneforsøg|frikommuneforsøgene)\b")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// "Forsøg 1 · X", "Forsøg nr. 2: X", "Nyt forsøg: X", a form's "Forsøgets navn: X", a
/// decision's "Afslag: X" or "Delvis godkendelse: X": a trial heading names X.
static TRIAL_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:del)?forsøg\s+(?:nr\.\s*)?\d{1,2}|(?:ansøgning\s+om\s+(?:et\s+)?)?(?:nyt|ansøgt|foreslået)\s+forsøg|(?:forsøgets\s+|officielt\s+)?navn|afslag|(?:delvis\s+)?godkendelse|(?:ikke\s+|delvist\s+)?godkendt)\s*[·:.\-–—]\s+")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The trial a heading names after a label of trials ("Afslag: Fritagelse for sanktion
/// ved udeblivelse", "Nyt forsøg: Digitale samtaler"), catalogued or not: two words or
/// more, capitalised.
pub(super) fn labelled_trial(text: &str) -> Option<String> {
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
    // (A form's contact "Navn: Karen Margrethe Bundgaard" is a person: every word
    // capitalised, as no trial's name is written.)
    let person = name
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase));
    (looks_like_heading(text)
        && name.split_whitespace().count() >= 2
        && name.starts_with(char::is_uppercase)
        && !person)
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
    // "Handleplansforsøget (Fælles handleplan for borgere med komplekse sager)": a short
    // name, then the trial's own in parentheses.
    static SHORT_THEN_OWN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\p{L}-]+forsøget\s*\(([^()]+(?:\s+[^()]+){2,})\)$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let s = SHORT_THEN_OWN.replace(&s, "$1");
    let s = PARENS.replace_all(&s, "");
    // A numbered section heading ("2.2 Mentorforsøget") or list item in a table cell
    // ("3. Mikrolån") names the trial without its number.
    let s = SECTION_NUMBER.replace(s.trim(), "");
    // A ledger's project code before the name: "4410-02 Psykologbehandling",
    // "Delprojekt 4410-02 FRI2 Psykologbehandling" (with the programme's code).
    static PROJECT_CODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?i:del)?(?i:projekt|aktivitet)\s+)?\d{2,6}(?:[-.]\d{1,4})+\s+(?:\p{Lu}{2,5}\d{1,2}\s+)?(\p{Lu})")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let s = PROJECT_CODE.replace(s.trim(), "$1");
    let s = TRIAL_LABEL.replace(&s, "");
    // "Tillægsbevilling til forsøget Borgerstyret tid i hjemmeplejen": what is done with
    // the trial named after "forsøget".
    static DONE_WITH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\p{L}[\p{L}-]*\s+){1,3}(?:til|af|for|om|med|i)\s+(?:frikommune)?forsøget\s+(\p{Lu}.{3,})$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let s = DONE_WITH.replace(&s, "$1");
    // "Forlængelse af ressourceforløbssager, i daglig tale RF-forsøget": the nickname is
    // no part of the name.
    static NICKNAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i),?\s+(?:i daglig tale|også kaldet|populært kaldet|kaldet)\s+\S+forsøget$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let s = NICKNAMED.replace(&s, "");
    // "Lempede mentorregler: start 1. juli 2017": the facts after a colon are no part
    // of the name.
    // (Facts, not a sentence: "…: Hedensted og Billund fik forsøget godkendt i 1.
    // ansøgningsrunde" tells of it.)
    static FACTS_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:start|startet|opstart|forsøgsstart|godkendt|i\s+drift|\d\.\s*(?:ansøgnings)?runde)\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let s = match s.split_once(": ") {
        Some((name, facts))
            if name.split_whitespace().count() >= 2 && FACTS_FIRST.is_match(facts.trim()) =>
        {
            name
        }
        _ => &s,
    };
    // (A note's mark after the name is no part of it: "… (opfølgningssamarbejdet)¹".)
    s.trim()
        .trim_end_matches(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '*'])
        .trim_end_matches(['.', ':', ';', ','])
        .trim()
        .to_string()
}

/// The words of a name, lower case, punctuation dropped.
pub(super) fn name_words(name: &str) -> Vec<String> {
    words(&name.to_lowercase()).map(String::from).collect()
}

/// Whether `long` is `short` with some of its words written as longer compounds, word for
/// word: "Virksomhedsforlagt sygedagpengeopfølgning" of "Virksomhedsforlagt
/// opfølgning". (A part of five letters or more: "job" ends too many words.)
pub(super) fn compounds_of(short: &str, long: &str) -> bool {
    let (s, l) = (name_words(short), name_words(long));
    s.len() >= 2
        && s.len() == l.len()
        && s != l
        && s.iter().zip(&l).all(|(s, l)| {
            s == l || (l.len() > s.len() && s.chars().count() >= 5 && l.ends_with(s.as_str()))
        })
}

/// Whether `short` is the start of `long`, its words perhaps the first parts of longer
/// compounds: "Befordring uden egenandel" of "Befordringsgodtgørelse uden egenandel for
/// ledige på øerne" (a ledger's heading cut to fit). Two words at least, each part
/// five letters or more unless it is the whole word, and one word cut at least: "Tidsbank
/// i hjemmeplejen" is another trial than "Tidsbank i hjemmeplejen, udvidelse til …".
pub(super) fn abbreviates(short: &str, long: &str) -> bool {
    let (s, l) = (name_words(short), name_words(long));
    s.len() >= 2
        && s.len() < l.len()
        && s[..] != l[..s.len()]
        && s.iter().zip(&l).all(|(s, l)| {
            s == l || (l.len() > s.len() && s.chars().count() >= 5 && l.starts_with(s.as_str()))
        })
}

/// "Fire kommuner", "11 kommuner": a count of what the list holds, not a trial's name.
pub(super) fn is_count_phrase(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() <= 3
        && words.first().is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || crate::extract::numbers::number_word(w).is_some()
        })
}

/// The name a trial written so goes by: the catalogue's, else the written one.
pub(super) fn canonical(catalog: &Catalog, written: &str) -> String {
    if let Some(name) = catalog.trial(written) {
        return name.to_string();
    }
    // "Attestforsøget – Differentiering i valg af lægeattester …": the name, not the pair.
    match short_and_name(written) {
        Some((_, name)) => canonical(catalog, &name),
        None => written.to_string(),
    }
}

/// The text after a trial's name without a parenthesis that names no municipality
/// ("(attestforsøget)", "(FLEX)").
pub(super) fn skip_parenthesized_name<'a>(catalog: &Catalog, after: &'a str) -> &'a str {
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
pub(super) fn take_official_name(
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
pub(super) fn split_short_name(text: &str) -> Option<(String, &str)> {
    let (name, short) = [" – ", " - ", " — "]
        .iter()
        .find_map(|sep| text.trim().split_once(sep))?;
    let short = short.trim().trim_end_matches(['.', ',', ';']);
    (short_name_stem(short).is_some() && name.split_whitespace().count() >= 2)
        .then(|| (clean_name(name), short))
}

/// The trial a sentence gives as the official name of what it speaks of:
/// "Forsøget hedder officielt ”Fritagelse for …”", "samtaleforsøget – officielt
/// ”Formkrav til lovpligtige samtaler” –".
pub(super) fn official_name(catalog: &Catalog, text: &str) -> Option<String> {
    let at = text.to_lowercase().find("officielt")?;
    let rest = text.get(at + "officielt".len()..)?;
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
    let rest = rest.strip_prefix("navn").unwrap_or(rest).trim_start();
    let quoted = rest.strip_prefix(['”', '“', '"', '„', '«', '»'])?;
    let end = quoted.find(['”', '“', '"', '»', '«'])?;
    let name = quoted[..end].trim();
    // (A name the catalogue does not know is the document's word for it: "Forsøget
    // hedder officielt ”Mundtlig partshøring i sager om …”".)
    let own = name.starts_with(char::is_uppercase) && name.split_whitespace().count() >= 2;
    catalog
        .trial(name)
        .map(String::from)
        .or_else(|| own.then(|| name.to_string()))
}

/// The trial a heading names: the whole heading, or the one catalogued trial named within
/// it. (name, as written)
pub(super) fn heading_name(catalog: &Catalog, heading: &str) -> (String, String) {
    let written = clean_name(heading);
    if catalog.trial(&written).is_none() {
        if let [m] = mentions(catalog, heading).as_slice() {
            return (m.name.clone(), m.written.clone());
        }
    }
    (canonical(catalog, &written), written)
}

/// Short names in parentheses that could name a trial: an abbreviation ("(FLEX)") or a
/// name ending in "forsøget" ("(FLEX-forsøget)"), each with the text before it in lower
/// case, in document order.
pub(super) fn parenthesized_names(paras: &[Paragraph]) -> Vec<(String, String)> {
    static PARENTHESIS: LazyLock<Regex> = LazyLock::new(|| {
        // (Also "(i det følgende attestforsøget)", "(herefter FLEX)".)
        Regex::new(
            r"\((?:(?i:i det følgende|herefter)(?:\s+kaldet)?\s+)?((?:[\p{L}\d]+-)*[\p{L}\d]+)\)",
        )
        .unwrap_or_else(|e| panic!("{e}"))
    });
    with_text_before(&PARENTHESIS, paras)
        .filter(|(_, alias)| {
            let abbreviation = alias.chars().filter(|c| c.is_uppercase()).count() >= 2;
            abbreviation || alias.to_lowercase().ends_with("forsøget")
        })
        .collect()
}

/// What `pattern`'s first group holds in each of its matches, with the text before the
/// match in lower case, in document order.
fn with_text_before<'a>(
    pattern: &'a Regex,
    paras: &'a [Paragraph],
) -> impl Iterator<Item = (String, String)> + 'a {
    paras.iter().flat_map(move |p| {
        pattern.captures_iter(&p.text).filter_map(move |c| {
            let (whole, alias) = (c.get(0)?, c.get(1)?);
            let before = p.text[..whole.start()].trim_end().to_lowercase();
            Some((before, alias.as_str().to_string()))
        })
    })
}

/// Names of a few words in parentheses that a document gives the trial named right
/// before: "Formkrav ved lovpligtige samtaler (i netværket kaldet Fri kontakt)", "(lokalt
/// kaldt Jobtempo)", "(i daglig tale Ny start)"; each with the text before it in lower
/// case. (One-word short names and abbreviations are `parenthesized_names`'.)
pub(super) fn nicknames(paras: &[Paragraph]) -> Vec<(String, String)> {
    static CALLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\((?i:(?:i netværket|lokalt|internt|her|også)\s+)?(?i:kaldet|kaldt|i daglig tale)\s+[\x22“”„«»]?(\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){1,3})[\x22“”„«»]?\)")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    with_text_before(&CALLED, paras).collect()
}

/// Short names a paragraph gives the trial it is about (`context`, by paragraph) in so
/// many words: "Forsøget – i netværket kaldt videoforsøget – giver …", "… også kaldet
/// stressforsøget", "i daglig tale flexforsøget": (short name, trial).
pub(super) fn called_names(
    paras: &[Paragraph],
    context: &[Option<String>],
) -> Vec<(String, String)> {
    static CALLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:kaldt|kaldet|omtalt som|i daglig tale)\s+[\x22“”„«»]?((?:\p{L}+-)?\p{L}*forsøget)\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let mut out: Vec<(String, String)> = Vec::new();
    for (p, trial) in paras.iter().zip(context) {
        let Some(trial) = trial else { continue };
        for c in CALLED.captures_iter(&p.text) {
            let Some(alias) = c.get(1).map(|m| m.as_str().to_string()) else {
                continue;
            };
            // (… or an abbreviation's: "RF-forsøget".)
            if short_name_key(&alias).is_some() && !out.iter().any(|(a, _)| *a == alias) {
                out.push((alias, trial.clone()));
            }
        }
    }
    out
}

/// A title that gives a trial by its short name and its name, set off by a dash:
/// "Ungeforsøget – Sammenhængende forløb for unge på uddannelseshjælp" (either way
/// round), or the name in parentheses after the short name; the name holding the short
/// name's stem. (short name, name).
pub(super) fn short_and_name(text: &str) -> Option<(String, String)> {
    // "3.4 Rehabiliteringsforsøget (Fleksibilitet i rehabiliteringsteam)": the name in
    // parentheses (which may hold a dash of its own).
    static SHORT_THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]?\s+)?(\S+)\s+\(([^()]+)\)$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let (a, b) = match SHORT_THEN_NAME.captures(text.trim()) {
        Some(c) if short_name_stem(&c[1]).is_some() => (
            c.get(1).map_or("", |m| m.as_str()),
            c.get(2).map_or("", |m| m.as_str()),
        ),
        _ => text
            .trim()
            .split_once(" – ")
            .or_else(|| text.trim().split_once(" - "))?,
    };
    let ((short, stem), name) = match (short_name_stem(a.trim()), short_name_stem(b.trim())) {
        (Some(stem), None) => ((a.trim(), stem), b),
        (None, Some(stem)) => ((b.trim(), stem), a),
        _ => return None,
    };
    let name = clean_name(name);
    let holds = words(&name.to_lowercase()).any(|w| word_holds_stem(w, &stem));
    (holds && name.split_whitespace().count() >= 2 && name.starts_with(char::is_uppercase))
        .then(|| (short.to_string(), name))
}

/// The short names given right after one of a trial's written forms of two words or more.
pub(super) fn short_names(parenthesized: &[(String, String)], written: &[String]) -> Vec<String> {
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

/// The trial a text names, if it names exactly one (however often).
pub fn the_one_trial(catalog: &Catalog, text: &str) -> Option<String> {
    one_distinct(mentions(catalog, text).into_iter().map(|m| m.name))
}

/// The one name among `names`, however often it comes; none for none or several.
pub(super) fn one_distinct(names: impl IntoIterator<Item = String>) -> Option<String> {
    let names: BTreeSet<String> = names.into_iter().collect();
    match names.len() {
        1 => names.into_iter().next(),
        _ => None,
    }
}

/// A short name with a name the catalogue does not know beside it: "Søskendeforsøget
/// (Samlet børnefaglig undersøgelse for søskende) blev godkendt …",
/// "Genoptræningsforsøget – officielt ”Genoptræning uden …” – startede …"; the name holds
/// the short name's stem. (short name, name).
pub(super) fn short_name_beside(catalog: &Catalog, text: &str) -> Option<(String, String)> {
    static SHORT_THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(\p{L}+forsøget)\s*(?:\(|[–—-]\s*(?:officielt|også kaldet|med det officielle navn)\s+)[\x22“”„«»]?(\p{Lu}[^\x22“”»«()]{4,120}?)[\x22“”»«]?\s*(?:\)|[–—-]|,)")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    if !text.contains("forsøget") {
        return None;
    }
    let c = SHORT_THEN_NAME.captures(text)?;
    let (short, name) = (c.get(1)?.as_str(), c.get(2)?.as_str().trim());
    let stem = short_name_stem(short)?;
    let holds = words(&name.to_lowercase()).any(|w| word_holds_stem(w, &stem));
    (holds && catalog.trial(name).is_none() && name.split_whitespace().count() >= 2)
        .then(|| (short.to_string(), name.to_string()))
}

/// A trial's name given in running text right after "forsøget", when the catalogue does
/// not know it: capitalised mid-sentence (Danish writes common nouns in lower case), two
/// to ten words, up to the end of the sentence or clause, naming no municipality.
pub fn introduced_trial(catalog: &Catalog, text: &str) -> Option<String> {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            // The name ends at a punctuation mark, at the verb of the sentence
            // ("Forsøget Forenklet børnefaglig undersøgelse … udløber den 31. december",
            // "… og har nu 27 borgere") or at its start ("… med start den 1. januar",
            // "… fra 1. november 2019").
            r"\b(?i:frikommune)?(?i:forsøget)\s+[\x22“”„«»]?(\p{Lu}[\p{L}-]*(?:\s+(?:[\p{L}-]+|\d+\s+år)){1,9}?)[\x22”“»«]?(?:\s*(?:[.;:,]|$)|\s+(?:og\s+)?(?:udløber|ophører|blev|er|har|giver|løber|startede|skal|kan|omfatter|fortsætter|gælder|træder)\b|\s+med\s+(?:start|opstart|virkning)\b|\s+(?:fra|pr\.|per|til)\s+(?:den\s+)?(?:\d{1,2}\.\s*\p{Ll}+\s+)?(?:19|20)\d\d\b)",
        )
        .unwrap_or_else(|e| panic!("{e}"))
    });
    // ”Gradvis tilbagevenden for sygemeldte med stress” – eller stressforsøget, …
    static QUOTED_ALIAS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[\x22“”„«»](\p{Lu}[^\x22“”»«]{4,100}?)[\x22“”»«]\s*(?:[–—-]\s*(?:eller|også kaldet|kaldet)\s+|\()\p{L}+forsøget\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // "Forsøget hedder ”Småjob i ressourceforløb” og startede …".
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?i:forsøget)\s+(?:hedder|kaldes|har\s+fået\s+navnet|med\s+navnet)\s+[\x22“”„«»](\p{Lu}[^\x22“”»«]{3,100}?)[\x22“”»«]")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // … and unquoted, up to a punctuation mark or the sentence's next verb: "Forsøget
    // hedder Målrettet sprogvurdering af 3-årige i dagtilbud og blev godkendt i …".
    static NAMED_BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?i:forsøget)\s+(?:hedder|kaldes|har\s+fået\s+navnet)\s+(\p{Lu}[\p{L}\d-]*(?:\s+[\p{L}\d-]+){1,11}?)(?:\s*(?:[.;:,(]|$)|\s+(?:og\s+)?(?:blev|er|har|startede|skal|kan|gælder|omfatter)\b)")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // (… or set off in quotes right after the word: "søge om forsøget »Fleksibel
    // bevilling af hjælpemidler« i 4. ansøgningsrunde"; not "forsøgene »A« og »B«", two.)
    let named = NAMED
        .captures(text)
        .or_else(|| NAMED_BARE.captures(text))
        .or_else(|| {
            QUOTED_NAME.captures(text).filter(|c| {
                c[1].starts_with(char::is_uppercase) && c[0].to_lowercase().contains("forsøget")
            })
        });
    if let Some(name) = named.and_then(|c| c.get(1)) {
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
    if let Some((_, name)) = short_name_beside(catalog, text) {
        return Some(name);
    }
    // "Netværkets sjette forsøg, Gruppebaseret opfølgning for …, er godkendt …": the name
    // set off by commas after the word.
    static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?i:frikommune)?(?i:forsøg|forsøget),\s+[\x22“”„«»]?(\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){1,9}?)[\x22”“»«]?,")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // "Fleksibel opfølgning for sygemeldte med kort forventet varighed blev godkendt i 2.
    // ansøgningsrunde …": a sentence that opens with the name of what was approved.
    static APPROVED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\p{Lu}\p{Ll}[\p{L}-]*(?:\s+[\p{L}\d-]+){2,11}?)\s+(?:blev|er|var)\s+(?:blevet\s+)?godkendt\s+i\s+(?:\d\.|første|anden|tredje|fjerde)\s+(?:ansøgnings)?runde\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // (A name is new: neither a known trial nor a place, nor a known trial's name with
    // the sentence going on after it, "forsøget Fleksibelt kontaktforløb for
    // integrationsborgere udvides til …", which no list of verbs can foresee.)
    let new_name = |name: &str| {
        mentions(catalog, name).is_empty()
            && catalog.trial(name).is_none()
            && municipality_mentions(catalog, name).is_empty()
            && !opens_with_known_name(catalog, name)
    };
    let sentences = sentences(text);
    let approved = sentences.iter().find_map(|sentence| {
        let name = APPROVED.captures(sentence)?.get(1)?.as_str().to_string();
        let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
        // (Not what the sentence says of a subject: "Den fælles ansøgning …", "Netværkets
        // ansøgning …".)
        let subject = [
            "den",
            "det",
            "de",
            "en",
            "et",
            "alle",
            "begge",
            "vores",
            "ansøgningen",
        ]
        .contains(&first.as_str())
            || first.ends_with('s');
        (!subject && new_name(&name) && !TRIAL_WORD.is_match(&name)).then_some(name)
    });
    if approved.is_some() {
        return approved;
    }
    sentences.iter().find_map(|sentence| {
        let c = AFTER.captures(sentence).or_else(|| {
            sentence
                .contains("forsøg,")
                .then(|| APPOSITIVE.captures(sentence))
                .flatten()
        });
        let Some(c) = c else {
            return run_by_trial(catalog, sentence)
                .map(|(name, _)| name)
                .or_else(|| tried_name(catalog, sentence).filter(|n| new_name(n)));
        };
        let found = c.get(1)?;
        let name = found.as_str().trim();
        // An abbreviation's point ends no name: "… forsøget Lempede mentorregler pr. 1.
        // april 2020".
        const ABBREVIATIONS: &[&str] = &["pr", "ca", "jf", "mv", "bl", "kl", "nr", "fx", "evt"];
        let name = match name.rsplit_once(' ') {
            Some((head, last))
                if ABBREVIATIONS.contains(&last) && sentence[found.end()..].starts_with('.') =>
            {
                head
            }
            _ => name,
        };
        new_name(name).then(|| name.to_string())
    })
}

/// Whether the first three words or more of `name`, not all of them, are a known trial's.
fn opens_with_known_name(catalog: &Catalog, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (3..words.len()).any(|k| catalog.trial(&words[..k].join(" ")).is_some())
}

/// A name in capitals after the verb of trying and its subject: "Kerteminde og Nordfyns
/// har siden 2018 afprøvet Risikobaseret tilsyn med dagplejen, hvor …", "Som eneste
/// kommune afprøver Billund Forenklet visitation til madservice."
fn tried_name(catalog: &Catalog, sentence: &str) -> Option<String> {
    static TRIED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bafprøv(?:et|er|ede)\s+(.+?)(?:,\s+(?:hvor|som|der|og)\b|[.;:(]|$)")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let c = TRIED.captures(sentence)?;
    let mut name = c.get(1)?.as_str().trim();
    // (Past the subject when it follows the verb: "afprøver Billund …".)
    if let Some(p) = crate::extract::municipalities::opening_place(catalog, name) {
        name = name[p.end..].trim_start();
    }
    let words = name.split_whitespace().count();
    (name.starts_with(char::is_uppercase)
        && (2..=10).contains(&words)
        && !TRIAL_WORD.is_match(name))
    .then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_described_short_name_has_the_stem_of_its_noun() {
        assert_eq!(
            described_short_name_stem("Det fælles pendlerforsøg").as_deref(),
            Some("pendler")
        );
        assert_eq!(
            described_short_name_stem("det nye psykologforsøg").as_deref(),
            Some("psykolog")
        );
        assert_eq!(described_short_name_stem("Det Fælles Forsøg"), None);
        assert_eq!(described_short_name_stem("Pendlerforsøg"), None);
        assert_eq!(described_short_name_stem("det nye frikommuneforsøg"), None);
    }

    #[test]
    fn what_is_done_with_a_trial_is_no_part_of_its_name() {
        assert_eq!(
            clean_name("Tillægsbevilling til forsøget Borgerstyret tid i hjemmeplejen"),
            "Borgerstyret tid i hjemmeplejen"
        );
        assert_eq!(
            clean_name("Borgerstyret tid i hjemmeplejen"),
            "Borgerstyret tid i hjemmeplejen"
        );
    }

    #[test]
    fn a_short_name_and_name_pair_goes_by_the_name() {
        let c = Catalog::builtin_ref();
        assert_eq!(
            canonical(
                c,
                "Attestforsøget – Differentiering i valg af lægeattester på sygedagpengeområdet"
            ),
            "Differentiering i valg af lægeattester på sygedagpengeområdet"
        );
        assert_eq!(
            canonical(
                c,
                "Ungeforsøget – Sammenhængende forløb for unge på uddannelseshjælp"
            ),
            "Sammenhængende forløb for unge på uddannelseshjælp"
        );
    }

    #[test]
    fn a_name_with_longer_compounds_is_the_same_name() {
        assert!(compounds_of(
            "Virksomhedsforlagt opfølgning",
            "Virksomhedsforlagt sygedagpengeopfølgning"
        ));
        assert!(!compounds_of(
            "Virksomhedsforlagt sygedagpengeopfølgning",
            "Virksomhedsforlagt opfølgning"
        ));
        assert!(!compounds_of("Digitale samtaler", "Digitale samtaler"));
        assert!(!compounds_of(
            "Fleksible rammer",
            "Fleksible rammer for uddannelse"
        ));
        assert!(!compounds_of("Mentor", "Jobmentor"));
        assert!(abbreviates(
            "Befordring uden egenandel",
            "Befordringsgodtgørelse uden egenandel for ledige på øerne"
        ));
        assert!(!abbreviates(
            "Befordring uden",
            "Befordringsgodtgørelse med egenandel"
        ));
        assert!(!abbreviates("Job uden", "Jobrotation uden ophold"));
        assert!(!abbreviates(
            "Tidsbank i hjemmeplejen",
            "Tidsbank i hjemmeplejen, udvidelse til plejecentrene"
        ));
    }

    #[test]
    fn a_short_name_in_parentheses_may_be_introduced() {
        let para = |text: &str| Paragraph::new(1, text, crate::extract::structure::Kind::Body);
        let names = parenthesized_names(&[para(
            "to forsøg: Differentiering i valg af lægeattester (i det følgende attestforsøget) og Fleksibel opfølgning (FLEX-forsøget).",
        )]);
        let aliases: Vec<&str> = names.iter().map(|(_, a)| a.as_str()).collect();
        assert_eq!(aliases, ["attestforsøget", "FLEX-forsøget"]);
        assert!(names[0]
            .0
            .ends_with("differentiering i valg af lægeattester"));
    }

    #[test]
    fn a_title_may_give_a_trial_by_short_name_and_name() {
        assert_eq!(
            short_and_name("Ungeforsøget – Sammenhængende forløb for unge på uddannelseshjælp"),
            Some((
                "Ungeforsøget".to_string(),
                "Sammenhængende forløb for unge på uddannelseshjælp".to_string()
            ))
        );
        assert_eq!(
            short_and_name("Sammenhængende forløb for unge – Ungeforsøget").map(|(s, _)| s),
            Some("Ungeforsøget".to_string())
        );
        // The name must hold the short name's stem; a status after a dash is no name.
        assert_eq!(short_and_name("Ungeforsøget – Status og resultater"), None);
        assert_eq!(
            short_and_name("Psykologforsøget – Hillerød og Allerød"),
            None
        );
    }

    #[test]
    fn a_name_given_in_parentheses_is_the_trials_before_it() {
        let para = |text: &str| Paragraph::new(1, text, crate::extract::structure::Kind::Body);
        let paras = [
            para("- Formkrav ved lovpligtige samtaler (i netværket kaldet Fri kontakt) – alle fire kommuner"),
            para("Forsøget med mentorstøtte (lokalt kaldt ”Mentor plus”) er forlænget."),
            // (A word in parentheses is no name; nor is a lower-case remark.)
            para("Rehabiliteringsteams (RF) og mikrolån (kaldet for ordningens skyld lån)."),
        ];
        let got: Vec<String> = nicknames(&paras).into_iter().map(|(_, n)| n).collect();
        assert_eq!(got, ["Fri kontakt", "Mentor plus"]);
        let (before, _) = &nicknames(&paras)[0];
        assert!(before.ends_with("formkrav ved lovpligtige samtaler"));
    }

    #[test]
    fn a_short_name_given_in_so_many_words_is_the_paragraphs_trials() {
        let para = |text: &str| Paragraph::new(3, text, crate::extract::structure::Kind::Body);
        let paras = [
            para("Forsøget – i netværket kaldt videoforsøget – giver borgere mulighed for video."),
            // (Only of a paragraph about a trial.)
            para("Et afsnit om ingen bestemt sag, her kaldt mentorforsøget."),
        ];
        let context = [Some("Digitale samtaler i yderområder".to_string()), None];
        assert_eq!(
            called_names(&paras, &context),
            [(
                "videoforsøget".to_string(),
                "Digitale samtaler i yderområder".to_string()
            )]
        );
    }

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
    fn a_name_after_the_verb_of_trying_is_introduced() {
        let c = Catalog::builtin();
        for (sentence, name) in [
            (
                "Kerteminde og Nordfyns har siden 2018 afprøvet Risikobaseret tilsyn med dagplejen, hvor dagplejere får ét tilsyn.",
                Some("Risikobaseret tilsyn med dagplejen"),
            ),
            (
                "Som eneste kommune afprøver Billund Forenklet visitation til madservice.",
                Some("Forenklet visitation til madservice"),
            ),
            ("Kommunen har afprøvet nye metoder i jobcentret.", None),
        ] {
            assert_eq!(introduced_trial(&c, sentence).as_deref(), name, "{sentence}");
        }
    }

    #[test]
    fn names_are_cleaned_and_introduced() {
        assert_eq!(
            clean_name("Forlængelse af ressourceforløbssager, i daglig tale RF-forsøget"),
            "Forlængelse af ressourceforløbssager"
        );
        let c = Catalog::builtin();
        for (sentence, name) in [
            (
                "Brøndby har fået godkendt forsøget Hurtigere bevilling af mentorstøtte og har nu 27 borgere i forløb.",
                "Hurtigere bevilling af mentorstøtte",
            ),
            (
                "Glostrup kan indgå i forsøget Reduceret antal samtaler i jobafklaringsforløb fra 1. november 2019.",
                "Reduceret antal samtaler i jobafklaringsforløb",
            ),
            (
                "De fik godkendt forsøget Borgerstyret tid til rengøring med start den 1. januar 2020.",
                "Borgerstyret tid til rengøring",
            ),
        ] {
            assert_eq!(introduced_trial(&c, sentence).as_deref(), Some(name), "{sentence}");
        }
        // (Danish quotes open with the closing mark too.)
        assert_eq!(
            introduced_trial(
                &Catalog::builtin(),
                "Kommunen deltager i frikommuneforsøget ”Tidsbank for plejehjemsbeboere i op til 2 timer” sammen med Odder."
            )
            .as_deref(),
            Some("Tidsbank for plejehjemsbeboere i op til 2 timer")
        );
        assert_eq!(clean_name("Forsøg 1 · Mentorforsøget"), "Mentorforsøget");
        // A short name before the trial's own in parentheses gives way to it; a short
        // name in parentheses after the own name is dropped.
        assert_eq!(
            clean_name("Handleplansforsøget (Fælles handleplan for komplekse sager)"),
            "Fælles handleplan for komplekse sager"
        );
        assert_eq!(
            clean_name("Fælles handleplan for komplekse sager (handleplansforsøget)"),
            "Fælles handleplan for komplekse sager"
        );
        // Facts after a colon are no part of the name; a sentence after one is kept
        // for the caller to read.
        assert_eq!(
            clean_name("Lempede mentorregler: start 1. juli 2017 (1. runde)"),
            "Lempede mentorregler"
        );
        assert_eq!(
            clean_name(
                "Fleksible rammer for løntilskud: Hedensted og Billund fik forsøget godkendt"
            ),
            "Fleksible rammer for løntilskud: Hedensted og Billund fik forsøget godkendt"
        );
        assert_eq!(
            clean_name("Lempede mentorregler (mulighed for x)"),
            "Lempede mentorregler"
        );
        let c = Catalog::builtin();
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
        // … or set off by commas after "forsøg".
        assert_eq!(
            introduced_trial(
                &c,
                "Netværkets sjette forsøg, Gruppebaseret opfølgning for ledige, er godkendt."
            )
            .as_deref(),
            Some("Gruppebaseret opfølgning for ledige")
        );
        // A place after "forsøget" is no name.
        assert!(introduced_trial(&c, "Det gælder forsøget Aarhus Kommune står for.").is_none());
        assert_eq!(
            introduced_trial(
                &c,
                "Lolland er trådt ud af forsøget Lempede mentorregler pr. 1. april 2020."
            )
            .as_deref(),
            None
        );
        assert_eq!(
            introduced_trial(
                &c,
                "Vi træder ud af forsøget Digitale samtaler for ledige pr. 1. april 2020."
            )
            .as_deref(),
            Some("Digitale samtaler for ledige")
        );
        assert_eq!(
            introduced_trial(&c, "Netværket ønsker at søge om forsøget »Fleksibel bevilling af hjælpemidler og forbrugsgoder« i 4. ansøgningsrunde.").as_deref(),
            Some("Fleksibel bevilling af hjælpemidler og forbrugsgoder")
        );
        assert_eq!(
            introduced_trial(&c, "Forsøget hedder Målrettet sprogvurdering af 3-årige i dagtilbud og blev godkendt i 3. ansøgningsrunde.").as_deref(),
            Some("Målrettet sprogvurdering af 3-årige i dagtilbud")
        );
        assert_eq!(
            introduced_trial(&c, "Fleksibel opfølgning for sygemeldte med kort forventet varighed blev godkendt i 2. ansøgningsrunde og er gennemført i Thisted.").as_deref(),
            Some("Fleksibel opfølgning for sygemeldte med kort forventet varighed")
        );
        // An age in a target group is part of the name; a date after it is not.
        assert_eq!(
            introduced_trial(&c, "Alle tre står bag forsøget Én samlet plan for unge under 30 år på uddannelseshjælp.").as_deref(),
            Some("Én samlet plan for unge under 30 år på uddannelseshjælp")
        );
        assert!(
            introduced_trial(&c, "Vi søger om forsøget Ny plan for unge fra 1. juli.").is_none()
        );
        // (A subject that is no name.)
        assert!(introduced_trial(
            &c,
            "Den fælles ansøgning fra netværket blev godkendt i 1. ansøgningsrunde."
        )
        .is_none());
    }
}
