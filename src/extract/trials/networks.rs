//! The networks a document names with their members, for documents that compare several
//! ("Hanstholm-netværket består af Thisted, Morsø, Jammerbugt og Vesthimmerland
//! kommuner", "i Tarup indgår Odense, Nordfyns og Kerteminde"). A sentence that then
//! speaks of "samtlige kommuner i Hanstholm og Tarup" speaks of those members.

use super::names::mentions;
use crate::extract::catalog::Catalog;
use crate::extract::municipalities::mentions as municipality_mentions;
use crate::extract::structure::{sentences, Kind, Paragraph};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Each network by its name (lower case, without "netværket") and its members.
#[derive(Debug, Default)]
pub(super) struct Networks(Vec<(String, Vec<String>)>);

/// A network named in a clause: "Hanstholm-netværket", "Netværket Mols",
/// "Frikommunenetværket Nordkysten", or the scene of "i Tarup indgår …".
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*)?)-?netværket\b|(?i:netværket)\s+(\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*)?)|^\s*(?i:i)\s+(\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*)?)\s+(?:indgår|består)\b")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// The verbs that say who a network is: "består af", "omfatter", "indgår", "udgør".
static IS_MADE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:består\s+af|omfatter|omfattede|indgår|indgik|udgør|udgjorde)\b")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// "alle (fire) kommuner i …", "samtlige kommuner i …": all members of what follows;
/// "de øvrige tre kommuner i …": all of them but the one the sentence is about.
static ALL_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:alle|samtlige)\s+(?:(?P<n>\w+)\s+)?kommuner(?:ne)?|de\s+(?:(?P<other>øvrige|andre)\s+)?(?P<m>\w+)\s+kommuner)\s+i\s+")
        .unwrap_or_else(|e| panic!("{e}"))
});

impl Networks {
    /// Reads the sentences of running text that say who is in a named network and name
    /// no trial (a trial's own participants are no network). The first word on a network
    /// stands.
    pub(super) fn read(catalog: &Catalog, paras: &[Paragraph]) -> Networks {
        let mut found: Vec<(String, Vec<String>)> = Vec::new();
        let prose =
            |p: &&Paragraph| matches!(p.kind, Kind::Body | Kind::Bullet | Kind::Numbered(_));
        for p in paras.iter().filter(prose) {
            if !p.text.to_lowercase().contains("netværk") {
                continue;
            }
            for sentence in sentences(&p.text) {
                for clause in clauses(&sentence) {
                    let Some((name, members)) = network_in(catalog, clause) else {
                        continue;
                    };
                    if !found.iter().any(|(n, _)| *n == name) {
                        found.push((name, members));
                    }
                }
            }
        }
        Networks(found)
    }

    pub(super) fn members(&self, name: &str) -> Option<&[String]> {
        let key = key(name);
        self.0
            .iter()
            .find(|(n, _)| *n == key)
            .map(|(_, m)| m.as_slice())
    }

    /// The sentence with each "alle (N) kommuner i X, Y og Z" of known networks put as
    /// their members ("alle fire kommuner i Hanstholm" -> "Jammerbugt, Morsø, Thisted og
    /// Vesthimmerland"), so that the reading of who takes part sees the municipalities.
    /// A count that does not fit the one network named leaves the phrase as it is.
    /// "alle tre kommuner i netværket" are the members of the document's own network,
    /// `own` (worked out only when a sentence speaks of them).
    pub(super) fn spell_out<'s, 'n>(
        &self,
        s: &'s str,
        own: &dyn Fn() -> &'n [String],
    ) -> Cow<'s, str> {
        static OWN: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:frikommune)?netværket\b").unwrap_or_else(|e| panic!("{e}"))
        });
        let mut out = String::new();
        let mut last = 0;
        for c in ALL_IN.captures_iter(s) {
            let Some(whole) = c.get(0) else { continue };
            if whole.start() < last {
                continue;
            }
            let rest = &s[whole.end()..];
            let (members, end) = match OWN.find(rest).map(|m| (m, own())) {
                Some((m, own)) if own.len() >= 2 => (vec![own], m.end()),
                _ => self.named_after(rest),
            };
            let count = c
                .name("n")
                .or_else(|| c.name("m"))
                .and_then(|w| crate::extract::numbers::number_word(w.as_str()));
            // ("de tre kommuner i …" must count them; "de øvrige tre" all but one.)
            let others = usize::from(c.name("other").is_some());
            let fits = match (count, members.as_slice()) {
                (_, []) => false,
                (None, _) => c.name("m").is_none(),
                (Some(n), [one]) => n as usize + others == one.len(),
                _ => true,
            };
            if !fits {
                continue;
            }
            let mut names: Vec<String> = members.concat();
            names.dedup();
            out.push_str(&s[last..whole.start()]);
            out.push_str(&join(&names));
            last = whole.end() + end;
        }
        if last == 0 {
            return Cow::Borrowed(s);
        }
        out.push_str(&s[last..]);
        Cow::Owned(out)
    }

    /// The members of the known networks named one after another at the start of
    /// `rest` ("Hanstholm, Mols og Tarup samt …"), one list per network, and where the
    /// names end.
    fn named_after<'m>(&'m self, rest: &str) -> (Vec<&'m [String]>, usize) {
        static NAME: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"^(?:(?i:netværket)\s+)?(\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*)?)(?:-?netværket)?",
            )
            .unwrap_or_else(|e| panic!("{e}"))
        });
        let mut lists = Vec::new();
        let mut at = 0;
        let mut end = 0;
        while let Some(c) = NAME.captures(&rest[at..]) {
            // (Of a two-word match, the first word may be the network: "Tarup Odense".)
            let name = &c[1];
            let known = self.members(name).map(|m| (m, c[0].len())).or_else(|| {
                let first = name.split_whitespace().next()?;
                self.members(first).map(|m| (m, first.len()))
            });
            let Some((members, len)) = known else { break };
            lists.push(members);
            end = at + len;
            let tail = &rest[end..];
            match [", ", " og "].iter().find(|sep| tail.starts_with(**sep)) {
                Some(sep) => at = end + sep.len(),
                None => break,
            }
        }
        (lists, end)
    }
}

/// A network and its members, if the clause says who it is and names no trial.
fn network_in(catalog: &Catalog, clause: &str) -> Option<(String, Vec<String>)> {
    let l = clause.to_lowercase();
    if l.contains("forsøg") || !mentions(catalog, clause).is_empty() {
        return None;
    }
    // (A "Frikommunenetværket X" is named by its X.)
    let clause = &clause.replace("Frikommunenetværket", "Netværket");
    let c = NAMED.captures(clause)?;
    let name = (1..=3).find_map(|k| c.get(k))?.as_str();
    // (A municipality is no network's name: "I Aalborg indgår …".)
    if catalog.municipality(name).is_some() {
        return None;
    }
    // The members are what the clause says the network is made of, or what it sets off
    // right after the name: "Frikommunenetværket Hjarbæk Fjord – Skive, Viborg, Morsø og
    // Struer – holder …".
    let after = c.get(0).map_or("", |m| &clause[m.end()..]);
    let set_off = after
        .strip_prefix(" – ")
        .and_then(|rest| rest.split_once(" –"))
        .or_else(|| {
            after
                .strip_prefix(" (")
                .and_then(|rest| rest.split_once(')'))
        })
        .map(|(list, _)| list)
        // … or after a colon, as an overview's list item does: "Frikommunenetværket
        // Vestsjælland: Holbæk, Kalundborg, Odsherred, Slagelse og Sorø."
        .or_else(|| after.strip_prefix(": "));
    let clause = match set_off {
        Some(list) => list,
        None if IS_MADE_OF.is_match(&l) => clause,
        None => return None,
    };
    let mut members: Vec<String> = municipality_mentions(catalog, clause)
        .into_iter()
        .flat_map(|m| m.1)
        .collect();
    members.sort();
    members.dedup();
    (members.len() >= 2).then(|| (key(name), members))
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The clauses of a sentence that may each say who one network is: "Netværket Mols
/// omfatter A og B, og i Tarup indgår C og D".
fn clauses(sentence: &str) -> impl Iterator<Item = &str> {
    static BREAK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r",\s+(?:og|mens|men)\s+|;\s+").unwrap_or_else(|e| panic!("{e}"))
    });
    BREAK.split(sentence)
}

/// "A, B og C".
fn join(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} og {last}", head.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn networks(text: &str) -> Networks {
        let c = Catalog::builtin();
        Networks::read(&c, &[Paragraph::new(1, text, Kind::Body)])
    }

    #[test]
    fn sentences_say_who_is_in_each_network() {
        let n = networks(
            "Hanstholm-netværket består af Tisted, Morsø, Jammerbugt og Vesthimmerland kommuner med Thisted som sekretariatskommune. Netværket Mols omfatter Syddjurs, Norddjurs, Randers og Favrskov, og i Tarup indgår Odense, Nordfyns og Kerteminde.",
        );
        assert_eq!(
            n.members("Hanstholm"),
            Some(&["Jammerbugt", "Morsø", "Thisted", "Vesthimmerland"].map(String::from)[..])
        );
        assert_eq!(n.members("Mols").map(<[String]>::len), Some(4));
        assert_eq!(
            n.members("Tarup"),
            Some(&["Kerteminde", "Nordfyns", "Odense"].map(String::from)[..])
        );
        // A trial's participants are no network.
        let n = networks("I Hanstholm-netværket indgår Thisted og Morsø i attestforsøget.");
        assert_eq!(n.members("Hanstholm"), None);
    }

    #[test]
    fn all_municipalities_in_a_network_are_its_members() {
        let n = networks(
            "Netværket Mols omfatter Syddjurs, Norddjurs, Randers og Favrskov, og i Tarup indgår Odense, Nordfyns og Kerteminde.",
        );
        assert_eq!(
            n.spell_out("Det er gennemført i samtlige kommuner i Mols og Tarup samt i Ramløse.", &|| &[]),
            "Det er gennemført i Favrskov, Norddjurs, Randers, Syddjurs, Kerteminde, Nordfyns og Odense samt i Ramløse."
        );
        assert_eq!(
            n.spell_out("Det er gennemført i Thisted, i alle tre kommuner i Tarup og i alle tre kommuner i Møns Klint.", &|| &[]),
            "Det er gennemført i Thisted, i Kerteminde, Nordfyns og Odense og i alle tre kommuner i Møns Klint."
        );
        let n = networks(
            "Formanden orienterede om, at ældrerådene i Frikommunenetværket Hjarbæk Fjord – Skive, Viborg, Morsø og Struer – holder fællesmøde.",
        );
        assert_eq!(
            n.spell_out(
                "Skive deltager sammen med de øvrige tre kommuner i Hjarbæk Fjord-netværket.",
                &|| &[]
            ),
            "Skive deltager sammen med Morsø, Skive, Struer og Viborg."
        );
        // A count that does not fit is no claim on all of them.
        let s = "Forsøget er gennemført i alle fem kommuner i Tarup.";
        assert_eq!(n.spell_out(s, &|| &[]), s);
        let own = ["Holbæk", "Kalundborg", "Odsherred"].map(String::from);
        assert_eq!(
            n.spell_out(
                ", som alle tre kommuner i netværket har deltaget i.",
                &|| &own
            ),
            ", som Holbæk, Kalundborg og Odsherred har deltaget i."
        );
    }
}
