//! A trial's facts as a document states them: round, start and status, from field lines
//! and the facts line under a trial's heading.

use super::participants::facts_members;
use super::sections::ends_section;
use crate::extract::catalog::Catalog;
use crate::extract::document::Trial;
use crate::extract::meta::parse_date;
use crate::extract::structure::{looks_like_heading, Kind, Paragraph};
use regex::Regex;
use std::sync::LazyLock;

static ROUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:ansøgnings)?runde\s+(\d+|I{1,3})\b|\b(\d+)\.\s*(?:ansøgnings)?runde|\b(første|anden|tredje|fjerde)\s+(?:ansøgnings)?runde)")
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

/// A status a list item states in its parentheses ("(Brøndby og Ishøj; endnu ikke
/// påbegyndt)").
pub(super) fn status_in(item: &str) -> Option<&'static str> {
    let (_, inner) = item.trim_end().strip_suffix(')')?.rsplit_once('(')?;
    let (_, tail) = inner.split_once(';')?;
    let tail = tail.trim().trim_end_matches('.').to_lowercase();
    STATUSES
        .iter()
        .find(|(w, _)| tail == *w || tail.ends_with(&format!(" {w}")))
        .map(|(_, st)| *st)
}

/// Splits `Name – helt ophør` into the text before the status and the status.
pub(super) fn split_status(s: &str) -> Option<(&str, &'static str)> {
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

/// Whether a part of a facts line (in lower case) gives a round or a start: "2. runde",
/// "start 1. april 2019", "forsøgsstart".
pub(super) fn gives_round_or_start(low: &str) -> bool {
    low.contains("runde") || low.contains("start")
}

/// The facts line under a slide's title, its parts parted by `·`.
pub(super) struct FactsLine {
    /// The trial's own name when the line opens with it, under a nickname
    /// ("Fleksibilitet i rehabiliteringsteams · alle fire kommuner · 2. runde").
    pub name: Option<String>,
    pub municipalities: Vec<String>,
    /// The parts after the list: round and start.
    pub rest: String,
}

/// The facts line under a heading that names a trial: who takes part ("Sønderborg og
/// Aabenraa", "Silkeborg sammen med Viborg", "alle fire kommuner"), then round and start
/// ("3. runde · start 1. februar 2020"), perhaps after the trial's own name. Two
/// municipalities or more, or a round or start beside them (always, after a name).
pub(super) fn facts_below<'n>(
    catalog: &Catalog,
    paras: &[Paragraph],
    i: usize,
    network: &dyn Fn() -> &'n [String],
) -> Option<FactsLine> {
    let heading = paras.get(i)?;
    if ends_section(&heading.text) || catalog.municipality(heading.text.trim()).is_some() {
        return None;
    }
    // (A title of one word, "Mentorforsøget", "Rehab-light", over round or start.)
    let one_word = heading.text.split_whitespace().count() < 2;
    let next = paras
        .get(i + 1)
        .filter(|q| matches!(q.kind, Kind::Bullet | Kind::Body | Kind::Heading))?;
    let parts: Vec<&str> = next.text.split('·').map(str::trim).collect();
    let list = |s: &str| facts_members(catalog, s, network);
    let (name, municipalities, rest) = match parts.as_slice() {
        [first, rest @ ..] if !rest.is_empty() => match list(first) {
            Some(munis) => (None, munis, rest),
            None => {
                let [second, rest @ ..] = rest else {
                    return None;
                };
                let named = first.split_whitespace().count() >= 2 && round_of(first).is_none();
                (Some(named.then(|| first.to_string())?), list(second)?, rest)
            }
        },
        _ => return None,
    };
    let rest = rest.join(" · ");
    let l = rest.to_lowercase();
    let facts = gives_round_or_start(&l) || l.contains("siden");
    let enough = if name.is_some() || one_word {
        facts
    } else {
        municipalities.len() >= 2 || facts
    };
    enough.then_some(FactsLine {
        name,
        municipalities,
        rest,
    })
}

/// A field line, `Label: value` ("Godkendt: 2. ansøgningsrunde", "Startdato: 1.
/// oktober 2017"): a label of one to three words and a short value (not a sentence).
pub(super) fn field(text: &str) -> Option<(&str, &str)> {
    if !looks_like_heading(text) {
        return None;
    }
    labelled(text)
}

/// A paragraph led by a label of one to three words, `Label: text`, whatever follows
/// ("Forsøgets formål: At give …", "Resultater: I forsøgsperioden …"): one of the fields
/// of a form or a report's fixed sections.
pub(super) fn labelled(text: &str) -> Option<(&str, &str)> {
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
pub(super) fn read_facts(t: &mut Trial, label: &str, value: &str) {
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

/// A line of a trial's approval facts and nothing else: "Godkendt i 3. ansøgningsrunde,
/// forsøgsstart 1. januar 2019".
pub(super) fn approval_facts(text: &str) -> bool {
    let l = text.trim().to_lowercase();
    l.split_whitespace().count() <= 12
        && l.starts_with("godkendt")
        && round_of(&l).is_some()
        && (l.contains("start") || parse_date(&l).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_and_statuses() {
        assert_eq!(round_of("Runde 2"), Some(2));
        assert_eq!(round_of("Til 3. ansøgningsrunde"), Some(3));
        assert_eq!(round_of("ved første ansøgningsrunde"), Some(1));
        assert_eq!(
            status_in("Ny indsats (Brøndby og Ishøj; endnu ikke påbegyndt)"),
            Some("ikke påbegyndt")
        );
    }

    #[test]
    fn a_facts_line_may_open_with_the_trials_name() {
        let c = Catalog::builtin();
        let members: Vec<String> = ["Herning", "Ikast-Brande", "Silkeborg", "Viborg"]
            .map(String::from)
            .to_vec();
        let network = || members.as_slice();
        let para = |text: &str| Paragraph::new(1, text, Kind::Heading);
        let slide = |title: &str, facts: &str| [para(title), para(facts)];
        let line = facts_below(
            &c,
            &slide(
                "Rehab-light",
                "Fleksibilitet i rehabiliteringsteams · alle fire kommuner · 2. runde · start 1. januar 2018",
            ),
            0,
            &network,
        )
        .expect("facts");
        assert_eq!(
            line.name.as_deref(),
            Some("Fleksibilitet i rehabiliteringsteams")
        );
        assert_eq!(line.municipalities, members);
        assert_eq!(round_of(&line.rest), Some(2));
        let line = facts_below(
            &c,
            &slide("Mentorforsøget", "Silkeborg sammen med Viborg · 2. runde"),
            0,
            &network,
        )
        .expect("facts");
        assert_eq!((line.name, line.municipalities.len()), (None, 2));
        // A one-word title over a list without round or start is not a trial's slide.
        let lone = slide("Deltagere", "Silkeborg · Viborg");
        assert!(facts_below(&c, &lone, 0, &network).is_none());
    }
}
