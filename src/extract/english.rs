//! Figures of a sentence written in English (a Danish report's "Summary in English"),
//! whose numbers are written the other way round: "A total of 1,300 jobseekers", "86.1
//! per cent", "approx. DKK 2.5 million", "six months".

use super::figures::Quantity;
use super::words::words;
use regex::Regex;
use std::sync::LazyLock;

/// A number with what may stand before it (a qualifier, `DKK`) and after it (`million`, a
/// unit, a counted noun with one adjective before it, `of the <noun>`).
static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?P<q>a total of|approx\.|approximately|about|around|up to|nearly|almost|more than|less than)\s+)?(?P<dkk>DKK\s+)?\b(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?:\s+(?P<mio>million|billion)\b)?(?:\s*(?P<pct>per cent|percent|%)|\s+(?P<cur>DKK)\b|\s+(?P<dur>weeks?|months?|years?|days?|hours?)\b|\s+of the\s+(?P<of>\p{L}{3,}s)\b|\s+(?:(?P<adj>\p{Ll}{3,})\s+)?(?P<noun>\p{Ll}{3,}s)\b)?",
    )
    .unwrap_or_else(|e| panic!("regex: {e}"))
});

/// Words ending in -s that count nothing.
const NOT_NOUNS: &[&str] = &[
    "was", "has", "this", "its", "thus", "plus", "less", "whereas", "across", "always", "perhaps",
    "unless", "does", "goes", "is", "as", "us",
];

const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// A sentence in English: three English function words or more, and more of them than
/// Danish ones (an English name in a Danish sentence, "Oxford Research", is not enough).
pub(super) fn is_english(sentence: &str) -> bool {
    const ENGLISH: &[&str] = &[
        "the", "and", "of", "were", "was", "with", "which", "whom", "that", "this", "than", "is",
        "are", "has", "have", "been", "from", "who", "their", "per", "cent",
    ];
    const DANISH: &[&str] = &[
        "og", "i", "af", "at", "er", "på", "til", "det", "den", "de", "som", "med", "har", "en",
        "et", "var", "blev", "ikke", "fra", "kr",
    ];
    let lower = sentence.to_lowercase();
    let (mut english, mut danish) = (0, 0);
    for w in words(&lower) {
        english += usize::from(ENGLISH.contains(&w));
        danish += usize::from(DANISH.contains(&w));
    }
    english >= 3 && english > 2 * danish
}

/// The figures of an English sentence, in order.
pub fn quantities(sentence: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    // A bare number after a count counts the same ("A total of 1,300 jobseekers …, of
    // whom 512 in Holstebro").
    let mut last_counted: Option<String> = None;
    for c in FIGURE.captures_iter(sentence) {
        let (Some(all), Some(n)) = (c.get(0), c.name("n")) else {
            continue;
        };
        let word = n.as_str().to_lowercase();
        let spelled = NUMBER_WORDS.iter().position(|w| *w == word);
        let Some(mut value) = spelled
            .map(|k| k as f64 + 1.0)
            .or_else(|| n.as_str().replace(',', "").parse::<f64>().ok())
        else {
            continue;
        };
        let million = c.name("mio").map(|m| m.as_str().to_lowercase());
        if let Some(m) = &million {
            value *= if m == "billion" { 1e9 } else { 1e6 };
        }
        let noun = c
            .name("noun")
            .map(|m| m.as_str().to_lowercase())
            .filter(|w| !NOT_NOUNS.contains(&w.as_str()));
        let (unit, counted) = if c.name("pct").is_some() {
            ("percent".to_string(), None)
        } else if c.name("cur").is_some() || c.name("dkk").is_some() {
            ("DKK".to_string(), None)
        } else if let Some(d) = c.name("dur") {
            let d = d.as_str().to_lowercase();
            let plural = if d.ends_with('s') { d } else { format!("{d}s") };
            (plural, None)
        } else if let Some(of) = c.name("of") {
            ("count".to_string(), Some(of.as_str().to_lowercase()))
        } else if let Some(noun) = noun {
            ("count".to_string(), Some(noun))
        } else {
            // A bare number: a count only after one and of a place ("512 in Holstebro"),
            // never a year, a date ("1 July") or a spelled word.
            let year = (1900.0..2100.0).contains(&value) && !n.as_str().contains([',', '.']);
            let of_place = sentence[n.end()..]
                .strip_prefix(" in ")
                .is_some_and(|rest| rest.starts_with(char::is_uppercase));
            match (&last_counted, spelled, year || !of_place, &million) {
                (Some(noun), None, false, None) => ("count".to_string(), Some(noun.clone())),
                _ => continue,
            }
        };
        if unit == "count" {
            last_counted.clone_from(&counted);
        }
        // The raw text runs from the qualifier (or the number) to the unit; a bare
        // number's is the number, and an adjective-less noun's ends with the noun.
        let start = c.name("q").or(c.name("dkk")).unwrap_or(n).start();
        let unit_end = match unit.as_str() {
            // (A noun after an amount is the sentence going on: "DKK 1.1 million derives".)
            "DKK" => c.name("cur").or(c.name("mio")).unwrap_or(n).end(),
            "count" => c.name("of").or(c.name("noun")).unwrap_or(n).end(),
            _ => all.end(),
        };
        let end = unit_end.max(n.end());
        out.push(Quantity {
            raw: sentence[start..end].trim().to_string(),
            value,
            unit,
            counted,
            qualifier: c.name("q").map(|q| q.as_str().to_lowercase()),
            spelled_out: spelled.is_some(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<(String, f64, String, Option<String>)> {
        quantities(s)
            .into_iter()
            .map(|q| (q.raw, q.value, q.unit, q.counted))
            .collect()
    }

    #[test]
    fn english_number_forms() {
        let v = read("A total of 1,300 jobseekers were employed, of whom 512 in Holstebro.");
        assert_eq!(v[0].0, "A total of 1,300 jobseekers");
        assert_eq!((v[0].1, v[0].3.as_deref()), (1300.0, Some("jobseekers")));
        assert_eq!((v[1].0.as_str(), v[1].1), ("512", 512.0));
        assert_eq!(v[1].3.as_deref(), Some("jobseekers"));
        let v = read("The gain was approx. DKK 2.5 million, and 86.1 per cent took the job.");
        assert_eq!((v[0].1, v[0].2.as_str()), (2_500_000.0, "DKK"));
        assert_eq!((v[1].1, v[1].2.as_str()), (86.1, "percent"));
        let v = read("for up to 12 months instead of six months; 38 qualitative interviews");
        assert_eq!(
            (v[0].0.as_str(), v[0].2.as_str()),
            ("up to 12 months", "months")
        );
        assert_eq!((v[1].1, v[1].2.as_str()), (6.0, "months"));
        assert_eq!(v[2].3.as_deref(), Some("interviews"));
        let v = read("of which DKK 1.1 million derives from the trial");
        assert_eq!(v[0].0, "DKK 1.1 million");
        let v = read("the three trials run from 1 July 2017 to 31 December 2020");
        assert_eq!(v.len(), 1, "{v:?}");
        // Years and lone numbers are no figures; "to" is no two.
        assert!(read("In 2019 the trial began, too small to measure.").is_empty());
    }
}
