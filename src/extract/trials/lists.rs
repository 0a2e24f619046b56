//! Bulleted and numbered lists of trials: what each item names and says of its trial.

use super::facts::{field, gives_round_or_start, read_facts, split_status, status_in};
use super::names::{
    canonical, clean_name, labelled_trial, short_and_name, short_name_stem, split_short_name,
};
use super::participants::{
    body_mentions, listed_members, participants_below, split_name_facts, split_name_list,
    split_name_places,
};
use super::sections::{ends_section, is_section_label, numbered_section};
use super::{add_municipalities, Builder, Discovery, Doc};
use crate::extract::catalog::{forms_hold_stem, Catalog};
use crate::extract::figures::parenthesized_tail;
use crate::extract::municipalities::{mentions as municipality_mentions, parse_list};
use crate::extract::structure::{looks_like_heading, Kind, Paragraph};
use std::collections::HashMap;

/// The lead-in of a list (a paragraph ending in ':'): the municipalities and round it
/// names, and whether it is about trials ("Kommunerne deltager i følgende forsøg:").
pub(super) struct ListLead {
    pub(super) municipalities: Vec<String>,
    pub(super) round: Option<u32>,
    pub(super) about_trials: bool,
}

/// A list item and what the walk knows where it stands.
pub(super) struct ListItem<'w> {
    pub(super) i: usize,
    pub(super) lead: Option<&'w ListLead>,
    /// The round and start date of the heading or prose above.
    pub(super) round: Option<u32>,
    pub(super) start: Option<&'w str>,
    /// The members of the network whose heading the list is under ("Netværket Midt-Vest
    /// (Herning, Holstebro, Struer og Ringkøbing-Skjern)"), in a document of several.
    pub(super) members: Option<&'w [String]>,
}

/// An item that names its trial in a sentence of its own and then tells of it as "the
/// trial": "Fritagelse for jobsøgningskrav ved jobaftale. Forsøget blev igangsat …".
fn name_then_story(text: &str) -> Option<&str> {
    let (head, rest) = text.trim().split_once(". ")?;
    let words = head.split_whitespace().count();
    let story = ["Forsøget ", "Forsøgets "]
        .iter()
        .any(|w| rest.starts_with(w));
    (story
        && (2..=10).contains(&words)
        && head.starts_with(char::is_uppercase)
        && !head.contains(|c: char| c.is_ascii_digit() || c == ','))
    .then_some(head)
}

/// The short name in parentheses after a trial's name at the start of a list item:
/// "Befordringsgodtgørelse … (transportforsøget) – Langeland og Ærø".
fn short_in_parentheses(text: &str) -> Option<&str> {
    let (_, rest) = text.split_once(" (")?;
    let (inner, _) = rest.split_once(')')?;
    short_name_stem(inner.trim())
        .is_some()
        .then_some(inner.trim())
}

/// What a list item is: a trial's name that opens the trial's section, a trial listed
/// under a lead-in, or prose that tells of trials.
pub(super) enum ItemRead {
    Opens(String),
    Listed,
    Prose,
}

/// The list item's lead paragraph is a contents list's label.
pub(super) fn in_contents_list(paras: &[Paragraph], i: usize) -> bool {
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
pub(super) fn list_item(
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
    if let Some((short, written, facts)) = glossary_entry(catalog, text) {
        let name = canonical(catalog, written);
        b.add(&name, short, p.page);
        let t = b.add(&name, written, p.page);
        if gives_round_or_start(&facts.to_lowercase()) {
            read_facts(t, "", facts);
        }
        d.items.insert(i);
        return ItemRead::Listed;
    }
    // "Name (Holbæk og Odsherred): Holbæk har siden …": the item names its trial and goes
    // on to tell of it.
    // "Name – Bornholm og Stevns, 2. ansøgningsrunde, start 1. januar 2018. Revalidering
    // kan …": the list, then the trial's facts and prose.
    // "Name (Aabenraa og Haderslev). Forsøget skal …" as well.
    // "Name (Frederikssund og Gribskov) – i drift siden 1. april 2018, godkendt i 2.
    // ansøgningsrunde." as well.
    // "Lempede mentorregler – sammen med Nyborg. Mentorstøtte kan …" under "… deltager
    // Kerteminde i disse forsøg:": the lead's subject runs it together with those named;
    // the rest of the item tells of it.
    // (… or "– Gentofte alene, 3. ansøgningsrunde, start …": one alone, then the facts.)
    if let Some(lead) = item.lead.filter(|l| l.about_trials) {
        let together = [" – ", " - ", " — "]
            .iter()
            .find_map(|sep| text.split_once(sep))
            .and_then(|(name, rest)| {
                let (with, list) = match rest.strip_prefix("sammen med ") {
                    Some(list) => (true, list),
                    None => (false, rest),
                };
                // (Up to the facts, "2. ansøgningsrunde, start …", or the sentence's end.)
                let list = list
                    .split(", ")
                    .take_while(|part| !gives_round_or_start(&part.to_lowercase()))
                    .collect::<Vec<_>>()
                    .join(", ");
                let list = list
                    .split_once(". ")
                    .map_or(list.as_str(), |(l, _)| l)
                    .trim_end_matches(['.', ';']);
                let alone = list.strip_suffix(" alene");
                if !with && alone.is_none() {
                    return None;
                }
                let munis = parse_list(catalog, alone.unwrap_or(list))?;
                Some((name, munis, with))
            })
            .filter(|(name, _, _)| name.split_whitespace().count() >= 2);
        if let Some((head, munis, with)) = together {
            // "Name (familieforsøget)": the name and its short name.
            let in_parens =
                parenthesized_tail(head).filter(|(_, short)| short_name_stem(short).is_some());
            let (written, short) = match in_parens {
                Some((name, short)) => (clean_name(name), Some(short.to_string())),
                None => (clean_name(head), None),
            };
            let name = canonical(catalog, &written);
            if let Some(short) = &short {
                b.add(&name, short, p.page);
            }
            let t = b.add(&name, &written, p.page);
            add_municipalities(t, &munis);
            if with {
                add_municipalities(t, &lead.municipalities);
            }
            read_facts(t, "", text);
            return ItemRead::Opens(name);
        }
    }
    let told = text
        .find("): ")
        .or_else(|| text.find("). "))
        .or_else(|| text.find(") – "))
        .or_else(|| text.find(") - "))
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
        // "Name – A og B (1. runde, start 1. juli 2017)": the facts in parentheses.
        let facts_after = text
            .trim_end()
            .strip_suffix(')')
            .and_then(|inner| inner.rsplit_once('('))
            .is_some_and(|(_, facts)| gives_round_or_start(&facts.to_lowercase()));
        if told.is_some() || facts_after {
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
        // "Name (transportforsøget) – Langeland og Ærø": the short name it goes by.
        if let Some(short) = short_in_parentheses(text) {
            b.add(&name, short, p.page);
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
        // "Rehabiliteringsteams og psykologbehandling: fortsætter uændret": two known
        // trials, told of together.
        let head = text.split_once(": ").map_or(text, |(head, _)| head);
        if let Some(names) = several_known(catalog, head) {
            for (name, written) in names {
                let t = b.add(&name, &written, p.page);
                add_municipalities(t, &lead.municipalities);
            }
            d.items.insert(i);
            return ItemRead::Listed;
        }
        // "Rehabiliteringsteams i Aalborg og Rebild": a name and where it runs.
        let placed = split_name_places(catalog, text);
        // "Færre lægeattester – attestforsøget": a name and its short name; or the short
        // name first, "Attestforsøget – Differentiering i valg af lægeattester … (1.
        // runde, start 1. juli 2017)".
        let short_first = short_and_name(&clean_name(text));
        let told_after = name_then_story(text);
        // "Psykologforsøget anbefales videreført som forsøg, indtil …": a sentence whose
        // subject is a trial's short name, not a name (read as prose).
        let short_subject = text
            .split_whitespace()
            .next()
            .map(|w| w.trim_end_matches([',', '.', ':']))
            .filter(|w| text.trim().len() > w.len() && short_name_stem(w).is_some());
        let (written, short) = match (&placed, split_short_name(text), &short_first) {
            (Some((name, _)), _, _) => (name.clone(), None),
            (None, Some((name, short)), _) => (name, Some(short)),
            (None, None, Some((short, name))) => (name.clone(), Some(short.as_str())),
            (None, None, None) => (
                told_after.map_or_else(|| clean_name(text), String::from),
                None,
            ),
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
        let sentence_of_short = short.is_none() && placed.is_none() && short_subject.is_some();
        if !(known.is_some() || short_list_item && !sentence_of_short) {
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
        if gives_round_or_start(&text.to_lowercase()) {
            read_facts(t, "", text);
        }
        if t.round.is_none() {
            t.round = lead.round.or(item.round);
        }
        // (What the item goes on to tell of it is said of it: "… Forsøget blev igangsat
        // den 1. januar 2018 i Ringkøbing-Skjern og Lemvig …".)
        if told_after.is_some() && short.is_none() && placed.is_none() {
            body_mentions(catalog, b, p, Some(&name), &network, doc.speaker.as_deref());
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
    } else if let Some(name) = matches!(p.kind, Kind::Numbered(_))
        .then(|| numbered_section(catalog, paras, i))
        .flatten()
    {
        // "1. Fritagelse for indhentelse af LÆ265 …" over the trial's prose. (Not a
        // bullet: "- Ingen krav om henvisning fra egen læge" is one point of a slide.)
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
    } else if let Some(name) = b
        .named(&clean_name(text))
        .filter(|_| looks_like_heading(text))
    {
        // A numbered section titled by a name the document gave a trial before (the
        // "Kort navn" of an overview table: "2. UUV-forsøget").
        b.add(&name, &clean_name(text), p.page);
        name
    } else {
        return ItemRead::Prose;
    };
    d.items.insert(i);
    ItemRead::Opens(opens)
}

/// An item of a glossary of the short names a document uses: "Psykologforsøget:
/// Psykologbehandling i jobcenterindsatsen, godkendt i 2. ansøgningsrunde, start 1.
/// marts 2018" -> (short name, name, the facts after it). The name is catalogued or holds
/// the short name's stem and only facts follow it: "Attestforsøget: Borgerne slipper for
/// …" tells a story, and "Psykologforsøget: Hedensted og Vejle deltager" says who takes
/// part.
fn glossary_entry<'t>(catalog: &Catalog, text: &'t str) -> Option<(&'t str, &'t str, &'t str)> {
    let (short, rest) = text.split_once(": ")?;
    let stem = short_name_stem(short.trim())?;
    let (name, facts) = rest.split_once(", ").unwrap_or((rest, ""));
    let name = name.trim().trim_end_matches('.');
    // (What follows the name is its facts, or nothing: "Mentorforsøget: Hovedparten af
    // borgerne får fortsat mentorstøtte, men …" tells how it goes.)
    let facts_follow = facts.trim().is_empty() || gives_round_or_start(&facts.to_lowercase());
    let named = catalog.trial(name).is_some()
        || (facts_follow && forms_hold_stem(std::iter::once(&name.to_string()), &stem));
    // (A sentence's opening is no name's: "Løntilskudsforsøget: I 2018 har 41 ledige …".)
    let opens_sentence = name.split_whitespace().next().is_some_and(|w| {
        matches!(
            w,
            "I" | "Der" | "Det" | "Vi" | "Nu" | "Her" | "Siden" | "Efter" | "Indtil" | "Hidtil"
        )
    });
    let reads_as_name = name.split_whitespace().count() >= 2
        && name.starts_with(char::is_uppercase)
        && !opens_sentence
        && !name.contains(". ")
        && municipality_mentions(catalog, name).is_empty();
    (named && reads_as_name).then_some((short.trim(), name, facts))
}

/// Two or more catalogued trials a list item names together ("Rehabiliteringsteams og
/// psykologbehandling", "Samtaler, mentor og mikrolån"), when the whole names none:
/// (name, as written) of each.
fn several_known(catalog: &Catalog, head: &str) -> Option<Vec<(String, String)>> {
    if catalog.trial(head).is_some() {
        return None;
    }
    let parts: Vec<&str> = head
        .split(", ")
        .flat_map(|p| p.split(" og "))
        .map(str::trim)
        .collect();
    if parts.len() < 2 {
        return None;
    }
    parts
        .iter()
        .map(|part| {
            catalog
                .trial(part)
                .map(|n| (n.to_string(), part.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_may_name_several_known_trials() {
        let c = Catalog::builtin();
        let names = several_known(&c, "Rehabiliteringsteams og psykologbehandling");
        let names: Vec<String> = names.unwrap_or_default().into_iter().map(|n| n.0).collect();
        assert_eq!(names, ["Rehabiliteringsteams", "Psykologbehandling"]);
        // One name with "og" in it is one trial; an unknown part makes none.
        assert!(several_known(&c, "Fleksible rammer for løntilskud og jobrotation").is_none());
        assert!(several_known(&c, "Mikrolån og nye ideer").is_none());
    }
}
