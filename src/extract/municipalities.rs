//! Municipality mentions in text: `Aalborg Kommune`, `Hjørring og Brønderslev kommuner`,
//! `Frederikshavn/Læsø` (both), genitives, aa/å variants and typos in lists. Only
//! capitalized words are considered in running text, so `vejen` is not Vejen; typos are
//! only accepted in lists of municipalities or before `Kommune`, so people's and town
//! names are not taken for municipalities.

use super::catalog::Catalog;
use regex::Regex;
use std::sync::LazyLock;

/// Parses a list of municipalities (`Frederikshavn/Læsø, Hjørring og Aalborg.`).
/// Returns `None` unless every item is a municipality.
pub fn parse_list(catalog: &Catalog, s: &str) -> Option<Vec<String>> {
    static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*(?:,|;|/|&|\bog\b|\bsamt\b|\+)\s*").unwrap_or_else(|e| panic!("{e}"))
    });
    let s = s.trim().trim_end_matches(['.', ':', ';']).trim();
    // "kun Tårnby": only one of the network's municipalities.
    let s = s.strip_prefix("kun ").unwrap_or(s);
    if s.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for part in SPLIT.split(s) {
        let p = part
            .trim()
            .trim_end_matches(['.', ')'])
            .trim_start_matches('(')
            .trim();
        let p = strip_kommune(p);
        if p.is_empty() {
            continue;
        }
        let name = catalog.municipality(p)?;
        if !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
    }
    (!out.is_empty()).then(|| {
        out.sort();
        out
    })
}

fn strip_kommune(p: &str) -> &str {
    for suffix in [
        " Kommuner",
        " kommuner",
        " Kommune",
        " kommune",
        " Regionskommune",
    ] {
        if let Some(s) = p.strip_suffix(suffix) {
            return s.trim();
        }
    }
    p.strip_prefix("Jobcenter ").unwrap_or(p).trim()
}

/// Municipalities named in running text: (as written, canonical), in order.
/// `Frederikshavn/Læsø` is one mention written so, naming both.
pub fn mentions(catalog: &Catalog, s: &str) -> Vec<(String, Vec<String>)> {
    places(catalog, s)
        .into_iter()
        .map(|p| (p.written, p.names))
        .collect()
}

/// A municipality named in running text, where it stands.
#[derive(Debug, Clone)]
pub struct Place {
    /// As written, without "Kommune".
    pub written: String,
    /// Official names (two for `Frederikshavn/Læsø`).
    pub names: Vec<String>,
    /// Byte offset of its start in the text.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
}

/// The municipality a figure at byte `at` of a sentence is about, from the places the
/// sentence names: the one its clause names ("Svendborg forventer ca. 55 og Nyborg ca.
/// 25", "…, i Hillerød 54", "…, mens Fredericia anslår 0,12 mio. kr."), else the nearest
/// named before it ("…, mens Middelfart, der har færrest forløb (23), …"). A place named
/// only after the figure counts only inside its clause: "74 borgere i de tre kommuner,
/// heraf 31 i Kolding" puts 31, not 74, in Kolding. A list of places is none of them.
pub fn place_of_figure(sentence: &str, places: &[Place], at: usize) -> Option<String> {
    // Places one after another in a list ("Kolding, Vejle og Fredericia") are one group.
    let mut groups: Vec<(usize, usize, Vec<&Place>)> = Vec::new();
    for p in places {
        match groups.last_mut() {
            Some((_, end, members))
                if sentence.get(*end..p.start).is_some_and(|gap| {
                    matches!(gap.trim(), "," | "og" | "samt" | "/" | "eller")
                }) =>
            {
                *end = p.end;
                members.push(p);
            }
            _ => groups.push((p.start, p.end, vec![p])),
        }
    }
    let before_ends = |start: usize, words: &[&str]| {
        let before = sentence
            .get(..start)
            .unwrap_or("")
            .trim_end()
            .to_lowercase();
        words.iter().any(|w| before.ends_with(w))
    };
    // A group the figure is measured against ("… 7 procentpoint under Viborg") is not
    // where the figure is.
    groups.retain(|(start, _, _)| {
        !before_ends(
            *start,
            &[" under", " over", " end", " ligesom", "i forhold til"],
        )
    });
    // Clause boundaries outside the groups: commas, semicolons, "mens", "og", and the
    // colon before a breakdown ("327 forløb …: 142 i Hjørring, …"). (Not the decimal
    // comma of "61,4 % i Helsingør".)
    let decimal = |i: usize| {
        let digit_at = |k: usize| sentence.as_bytes().get(k).is_some_and(u8::is_ascii_digit);
        i > 0 && digit_at(i - 1) && digit_at(i + 1)
    };
    let cuts: Vec<usize> = sentence
        .match_indices([',', ';'])
        .map(|(i, _)| i)
        .filter(|&i| !decimal(i))
        .chain(sentence.match_indices(": ").map(|(i, _)| i))
        .chain(sentence.match_indices(" mens ").map(|(i, _)| i))
        .chain(sentence.match_indices(" og ").map(|(i, _)| i))
        .filter(|&i| !groups.iter().any(|(a, b, _)| i > *a && i < *b))
        .collect();
    let clause_of = |pos: usize| {
        let from = cuts
            .iter()
            .filter(|&&c| c < pos)
            .max()
            .copied()
            .unwrap_or(0);
        let to = cuts
            .iter()
            .filter(|&&c| c >= pos)
            .min()
            .copied()
            .unwrap_or(sentence.len());
        (from, to)
    };
    let one = |members: &[&Place]| match members {
        [p] => Some(p.names.join("/")),
        _ => None,
    };
    let (from, to) = clause_of(at);
    let in_clause: Vec<&(usize, usize, Vec<&Place>)> = groups
        .iter()
        .filter(|(a, _, _)| *a >= from && *a < to)
        .collect();
    // Of several in its clause, the one the figure is given for right after it: "fra 7,2 %
    // af målgruppen i Tønder til 15,0 % i Aabenraa".
    static GIVEN_FOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\S+(?:\s+[^\s,;]+){0,3}?\s+(?:i|på|for)\s+$")
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    let given_for = || {
        in_clause.iter().find(|(a, _, _)| {
            *a > at
                && sentence
                    .get(at..*a)
                    .is_some_and(|gap| GIVEN_FOR.is_match(gap))
        })
    };
    match in_clause.as_slice() {
        [g] => return one(&g.2),
        [_, _, ..] => return given_for().and_then(|g| one(&g.2)),
        [] => {}
    }
    if let Some(k) = groups.iter().rposition(|(a, _, _)| *a < at) {
        // "Randers er klar … sammen med Viborg og har afsat 2 medarbejdere": a predicate
        // joined by "og" goes on about the subject, not its companion.
        let joined = sentence
            .get(from..at)
            .unwrap_or("")
            .trim_start_matches([',', ';', ' '])
            .starts_with("og ");
        let companion = before_ends(groups[k].0, &["sammen med"]);
        let k = if joined && companion && k > 0 {
            k - 1
        } else {
            k
        };
        return one(&groups[k].2);
    }
    // Named after the figure in a relative clause on its noun ("de 3 ansøgninger, som
    // Jobcenter Rebild ønsker at søge"), not in a clause of its own ("…, heraf 31 i
    // Kolding", "…, at forsøget har frigjort 0,3 årsværk i Svendborg").
    match groups.as_slice() {
        [g] => {
            let (from, _) = clause_of(g.0);
            let opener = sentence
                .get(from..g.0)
                .unwrap_or("")
                .trim_start_matches([',', ';', ' '])
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            matches!(opener.as_str(), "som" | "der" | "hvor")
                .then(|| one(&g.2))
                .flatten()
        }
        _ => None,
    }
}

/// The municipality a text opens with, its subject ("Skive deltager ikke …", "Halsnæs og
/// Hillerød gik i gang …": the first); `None` when the text opens with anything else.
pub fn opening_place(catalog: &Catalog, s: &str) -> Option<Place> {
    places(catalog, s)
        .into_iter()
        .next()
        .filter(|p| p.start == 0)
}

/// The municipalities named in running text, where they stand, in order.
pub fn places(catalog: &Catalog, s: &str) -> Vec<Place> {
    static WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\p{Lu}[\p{L}]+(?:-\p{Lu}[\p{L}]+)?(?:/\p{Lu}[\p{L}]+)*(?:\s+[Kk]ommune)?")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // "Assens, Midelfart og Nordfyns kommuner": every name of a list that ends in
    // "kommuner" is a municipality, so a typo there is resolved as after "Kommune".
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\p{Lu}[\p{L}-]+(?:,\s*|\s+og\s+|\s+samt\s+))+\p{Lu}[\p{L}-]+\s+kommuner\b")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    // Between two places of one list, perhaps each with its count: "," / "og", or
    // ", 39 i" in "heraf 68 i Holstbro, 39 i Struer og 24 i Lemvig".
    static BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:,|og|samt)(?:\s+\d[\d.,]*)?(?:\s+(?:i|på))?$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let lists: Vec<(usize, usize)> = LIST.find_iter(s).map(|m| (m.start(), m.end())).collect();
    // Each capitalised word with the municipality it names exactly, looked up once (a
    // typo's place in a list is seen from the exact names after it).
    let words: Vec<(regex::Match, Option<&str>)> = WORDS
        .find_iter(s)
        .map(|m| (m, exact(catalog, strip_kommune(m.as_str()))))
        .collect();
    let mut out = Vec::new();
    for (k, &(m, exact_name)) in words.iter().enumerate() {
        let text = m.as_str();
        let in_list = lists.iter().any(|&(a, b)| m.start() >= a && m.end() <= b);
        // (So is a name where only a municipality can stand: next in a list after one,
        // "Helsingør, Fredensborg og Hørsolm", or before one, "68 i Holstbro, 39 i
        // Struer", or after "sammen med".)
        let before = &s[..m.start()];
        let listed_after_one = out
            .last()
            .is_some_and(|p: &Place| BETWEEN.is_match(s[p.end..m.start()].trim()));
        let listed_before_one = words[k + 1..]
            .iter()
            .find(|(_, name)| name.is_some())
            .and_then(|(next, _)| s.get(m.end()..next.start()))
            .is_some_and(|gap| BETWEEN.is_match(gap.trim()));
        let expected = listed_after_one || listed_before_one || before.ends_with("sammen med ");
        let with_kommune = in_list || expected || text.to_lowercase().ends_with("kommune");
        let mut names = Vec::new();
        let parts: Vec<&str> = strip_kommune(text).split('/').collect();
        for &part in &parts {
            // (One part is the whole word, already looked up.)
            let exact_part = match parts.len() {
                1 => exact_name,
                _ => exact(catalog, part),
            };
            let found =
                exact_part.or_else(|| with_kommune.then(|| catalog.municipality(part)).flatten());
            if let Some(n) = found {
                names.push(n.to_string());
            }
        }
        if !names.is_empty() {
            out.push(Place {
                written: strip_kommune(text).to_string(),
                names,
                start: m.start(),
                end: m.end(),
            });
        }
    }
    out
}

/// Municipality for a word without typo tolerance.
fn exact<'c>(catalog: &'c Catalog, w: &str) -> Option<&'c str> {
    let n = catalog.municipality(w)?;
    let key = super::catalog::normalize(w);
    let nk = super::catalog::normalize(n);
    let ok = key == nk
        || key.trim_end_matches('s') == nk
        || catalog.municipalities().iter().any(|m| {
            m.name == n
                && m.variants
                    .iter()
                    .any(|v| super::catalog::normalize(v) == key)
        });
    ok.then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_where_only_a_municipality_can_stand() {
        let c = Catalog::builtin();
        let names =
            |s: &str| -> Vec<String> { places(&c, s).into_iter().flat_map(|p| p.names).collect() };
        assert_eq!(names("som vi havde sammen med Hørsolm"), vec!["Hørsholm"]);
        assert_eq!(
            names("Helsingør, Fredensborg og Hørsolm deltager"),
            vec!["Helsingør", "Fredensborg", "Hørsholm"]
        );
        // (… or before one in a list of counts.)
        assert_eq!(
            names("heraf 68 i Holstbro, 39 i Struer og 24 i Lemvig"),
            vec!["Holstebro", "Struer", "Lemvig"]
        );
        // (Alone in a sentence, a near miss is no municipality.)
        assert!(names("Hørsolm kører det videre").is_empty());
    }

    #[test]
    fn lists() {
        let c = Catalog::builtin();
        assert_eq!(
            parse_list(&c, "Frederikshavn/Læsø, Hjørring og Jammerbrugt."),
            Some(vec![
                "Frederikshavn".into(),
                "Hjørring".into(),
                "Jammerbugt".into(),
                "Læsø".into()
            ])
        );
        assert_eq!(
            parse_list(&c, "Hjørring og Brønderslev kommuner"),
            Some(vec!["Brønderslev".into(), "Hjørring".into()])
        );
        assert_eq!(parse_list(&c, "Aalborg og Anne Hansen"), None);
    }

    #[test]
    fn the_place_of_a_figure() {
        let c = Catalog::builtin();
        let place = |s: &str, figure: &str| {
            let at = s.find(figure).unwrap_or(0);
            place_of_figure(s, &places(&c, s), at)
        };
        let s = "Svendborg Kommune forventer ca. 55 og Nyborg Kommune ca. 25 borgere om året.";
        assert_eq!(place(s, "55").as_deref(), Some("Svendborg"));
        assert_eq!(place(s, "25").as_deref(), Some("Nyborg"));
        let s = "I Vejle er andelen 64 pct., mens Middelfart, der har færrest forløb (23), ligger på 43 pct.";
        assert_eq!(place(s, "64").as_deref(), Some("Vejle"));
        assert_eq!(place(s, "23").as_deref(), Some("Middelfart"));
        assert_eq!(place(s, "43").as_deref(), Some("Middelfart"));
        // A place in a "heraf" clause is not the total's; a list is none of its places.
        let s = "I 2019 fik 74 borgere revalidering, heraf 31 i Kolding.";
        assert_eq!(place(s, "74"), None);
        assert_eq!(place(s, "31").as_deref(), Some("Kolding"));
        assert_eq!(
            place("I Kolding og Vejle har 140 borgere fået en mentor.", "140"),
            None
        );
        // A relative clause on the figure's noun.
        let s = "Der var opbakning til de 3 ansøgninger, som Jobcenter Rebild ønsker at søge.";
        assert_eq!(place(s, "3 ans").as_deref(), Some("Rebild"));
        // A decimal comma parts no clauses; of two places in one, the one the figure is
        // given for right after it.
        let s = "Andelen var 61,4 % i Helsingør, 55,0 % i Halsnæs og 48,3 % i Fredensborg.";
        assert_eq!(place(s, "61,4").as_deref(), Some("Helsingør"));
        assert_eq!(place(s, "55,0").as_deref(), Some("Halsnæs"));
        assert_eq!(place(s, "48,3").as_deref(), Some("Fredensborg"));
        let s =
            "Brugt i forskelligt omfang: fra 7,2 % af målgruppen i Tønder til 15,0 % i Aabenraa.";
        assert_eq!(place(s, "7,2").as_deref(), Some("Tønder"));
        assert_eq!(place(s, "15,0").as_deref(), Some("Aabenraa"));
    }

    #[test]
    fn running_text() {
        let c = Catalog::builtin();
        let m = mentions(
            &c,
            "Derfor deltager Vesthimmerlands Kommune og Aalborg, mens vejen er lang.",
        );
        let names: Vec<_> = m.iter().flat_map(|x| x.1.clone()).collect();
        assert_eq!(names, vec!["Vesthimmerland".to_string(), "Aalborg".into()]);
        let m = mentions(&c, "status kun gældende for Frederikshavn/Læsø.");
        assert_eq!(m[0].0, "Frederikshavn/Læsø");
        assert_eq!(m[0].1.len(), 2);
        // A typo inside a list ending in "kommuner" is resolved; alone it is not a name.
        let names =
            |s: &str| -> Vec<String> { mentions(&c, s).into_iter().flat_map(|x| x.1).collect() };
        assert_eq!(
            names("Forsøget gennemføres i Assens, Midelfart og Nordfyns kommuner."),
            vec!["Assens".to_string(), "Middelfart".into(), "Nordfyns".into()]
        );
        assert!(names("Midelfart var nævnt.").is_empty());
    }
}
