//! Figures: quantities with a unit or a counted noun, found in sentences and table
//! cells with the Danish number grammar of [`super::numbers`].
//!
//! The rules, in short: a number is a figure when a unit follows it (`kr.`, `mio.`, `%`,
//! `pct.`, `uger`, `måneder`, `år`, `timer`, `dage`) or a counted noun (`11 nordjyske
//! kommuner`: adjectives are skipped); a bare number (`Af disse blev 4 godkendt`) counts
//! the noun of the last count before it in the same section. Not figures: ordinals
//! (`hver 6. måned`), dates and years, list markers (`1)`), references (`Runde 2`,
//! `ansøgning 4`, `LÆ 285`), numbers glued to letters (`LÆ265`, `P1`) and numbers inside
//! trial names. Ranges (`2-4 uger`, `mellem 4.000 og 12.000 kr.`) give two figures with
//! qualifier `mellem`.

use super::catalog::Catalog;
use super::meta::MONTHS;
use super::numbers::{fraction, multiplier, number_word, parse_digits, percent};
use super::words::{hyphenated_words, words};
use regex::Regex;
use std::sync::LazyLock;

/// A figure found in one sentence, before trial and page are attached.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// As written.
    pub raw: String,
    /// Value in the unit.
    pub value: f64,
    /// `DKK`, `percent`, `count`, `weeks`, `months`, `years`, `hours`, `days`.
    pub unit: String,
    /// The counted noun of a count.
    pub counted: Option<String>,
    /// `ca.`, `knap`, `mellem`, ...
    pub qualifier: Option<String>,
    /// Written as words.
    pub spelled_out: bool,
}

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d+(?:[.,]\d+)*[½¼¾]?|[½¼¾]|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|\S")
        .unwrap_or_else(|e| panic!("regex: {e}"))
});

#[derive(Debug, Clone, Copy, PartialEq)]
enum TokKind {
    Num,
    Word,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: TokKind,
}

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    TOKEN
        .find_iter(s)
        // Footnote marks ("1.300¹ kr.", "sektor ¹") are not part of the sentence's numbers.
        .filter(|m| !m.as_str().chars().all(is_superscript_digit))
        .map(|m| {
            let t = m.as_str();
            let first = t.chars().next().unwrap_or(' ');
            let kind = if first.is_ascii_digit() || "½¼¾".contains(first) {
                TokKind::Num
            } else if first.is_alphanumeric() {
                TokKind::Word
            } else {
                TokKind::Punct
            };
            Tok {
                text: t,
                start: m.start(),
                end: m.end(),
                kind,
            }
        })
        .collect()
}

fn is_superscript_digit(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '\u{2070}'..='\u{2079}')
}

/// Words before a number that make it a reference, not a quantity.
const REFERENCE_WORDS: &[&str] = &[
    "zone",
    "runde",
    "ansøgningsrunde",
    "ansøgning",
    "punkt",
    "pkt",
    "side",
    "bilag",
    "nr",
    "stk",
    "§",
    "kl",
    "uge",
    "lov",
    "paragraf",
    "tabel",
    "figur",
    "kapitel",
    "afsnit",
    "målgruppe",
    "fase",
    "trin",
    "version",
    "niveau",
    "bekendtgørelse",
    "lbk",
    "bkg",
    "model",
    "spor",
    "gruppe",
    "dag",
    "år",
    "jobcamp",
    "folkemødet",
    "pulje",
    "mødet",
    "møde",
    "årgang",
    "sag",
    "journal",
    // A project's or account's number in a ledger: "delprojekt 04", "konto 4410".
    "projekt",
    "delprojekt",
    "konto",
    // A box of text in a report: "Boks 3 viser …".
    "boks",
];

/// The noun of "antallet af <noun>" in the tokens before a number ("Antallet af
/// revurderinger er faldet fra …").
fn number_of_noun(toks: &[Tok]) -> Option<String> {
    toks.windows(3).rev().find_map(|w| {
        let noun = lower(&w[2]);
        (lower(&w[0]) == "antallet" && lower(&w[1]) == "af" && plural_noun(&noun)).then_some(noun)
    })
}

/// Words that may stand between a bare number's left side and the number.
const BARE_LEFT: &[&str] = &[
    "de",
    "af",
    "er",
    "blev",
    "og",
    "heraf",
    "hvoraf",
    "blandt",
    "første",
    "sidste",
    "kun",
    "disse",
    "alt",
    "ca",
    "har",
    "mens",
    "men",
    "så",
    "var",
    "ialt",
    "dem",
    "til",
    "yderligere",
    // "871 attester mod 1.982 i 2016": the count compared with.
    "mod",
];

/// Function words that end a noun phrase after a number.
const STOP: &[&str] = &[
    "og", "eller", "i", "på", "af", "til", "med", "for", "fra", "om", "der", "som", "at", "er",
    "var", "har", "havde", "blev", "bliver", "kan", "skal", "vil", "de", "den", "det", "en", "et",
    "ved", "efter", "inden", "under", "over", "mod", "pr", "per", "hver", "samt", "men", "så",
    "da", "hvor", "hvilket", "hvis", "end", "ikke", "kun", "også", "nu", "her", "heraf", "dog",
    "mv", "alle", "gennem", "siden", "om", "mere", "mindre", "hos", "uden", "via", "ud", "op",
    "ned", "fået", "været", "haft", "sig", "sin", "sit", "sine", "deres", "hvert", "hvad", "hvem",
    "både", "ellers", "altså", "dvs", "fx", "jf", "bl", "ca", "cirka", "mellem",
];

/// Adjectives that stand between a number and the noun it counts.
const ADJECTIVES: &[&str] = &[
    "store",
    "små",
    "nye",
    "færre",
    "flere",
    "andre",
    "øvrige",
    "gamle",
    "forskellige",
    "konkrete",
    "mulige",
    "lokale",
    "enkelte",
    "samlede",
    "ekstra",
    "yngre",
    "ældre",
    "større",
    "mindre",
    "hele",
    "halve",
    "fulde",
    "sidste",
    "første",
    "næste",
    "tidligere",
    "yderligere",
    "faglige",
    "særlige",
    "aktive",
    "nuværende",
    "tilsvarende",
    "sammenlagt",
];

/// "én"/"ét" at `i` counts the noun right after it ("kun én opfølgningssamtale"), not an
/// adjective ("én årlig konference", "Én samlet plan": one of a kind, not a count) nor
/// how often ("én gang").
fn counts_one(toks: &[Tok], i: usize) -> bool {
    toks.get(i + 1).is_some_and(|t| {
        let l = lower(t);
        t.kind == TokKind::Word
            && !is_adjective(t.text)
            && !["ig", "igt", "sk", "skt", "et", "ny", "nyt"]
                .iter()
                .any(|e| l.ends_with(e))
            && !STOP.contains(&l.as_str())
            && l != "gang"
    })
}

fn is_adjective(w: &str) -> bool {
    let l = w.to_lowercase();
    ADJECTIVES.contains(&l.as_str())
        || ["ske", "nde", "ige", "ede", "ste", "ate", "dte", "tte"]
            .iter()
            .any(|s| l.ends_with(s) && !l.ends_with("dtte"))
            && !["ansatte", "deltagere"].contains(&l.as_str())
}

/// Qualifiers written before a number (longest first), with the normalized form.
const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["op", "til"], "op til"),
    (&["i", "alt"], "i alt"),
    (&["mere", "end"], "mere end"),
    (&["mindre", "end"], "mindre end"),
    (&["færre", "end"], "færre end"),
    (&["ca"], "ca."),
    (&["cirka"], "ca."),
    (&["ialt"], "i alt"),
    (&["knap"], "knap"),
    (&["knapt"], "knap"),
    (&["godt"], "godt"),
    (&["over"], "over"),
    (&["under"], "under"),
    (&["mindst"], "mindst"),
    (&["maksimalt"], "maksimalt"),
    (&["maks"], "maksimalt"),
    (&["højst"], "højst"),
    (&["minimum"], "minimum"),
    (&["omkring"], "omkring"),
    (&["næsten"], "næsten"),
    (&["cirka"], "ca."),
    (&["samlet"], "i alt"),
    (&["tilsammen"], "i alt"),
];

/// Qualifiers that also reach a figure later in the sentence (`I alt er der ... 283`).
const REACHING: &[&str] = &["i alt", "maksimalt"];

fn lower(t: &Tok) -> String {
    t.text.to_lowercase()
}

/// The unit a word names, if any (genitives and compounds like `lægetimer` included).
fn duration_unit(w: &str) -> Option<&'static str> {
    let l = w.to_lowercase();
    let l = l.trim_end_matches('.');
    match l {
        "år" | "års" | "årig" | "årige" => return Some("years"),
        "måned" | "måneder" | "måneders" | "mdr" | "md" | "måneds" => return Some("months"),
        "uge" | "uger" | "ugers" | "ugs" => return Some("weeks"),
        "dag" | "dage" | "dages" | "døgn" | "døgns" => return Some("days"),
        // ("1½ times transport": an hour's.)
        "time" | "timer" | "timers" | "times" | "t" => return Some("hours"),
        _ => {}
    }
    if l.len() > 6 && (l.ends_with("timer") || l.ends_with("timers")) {
        return Some("hours");
    }
    // ("fraværsdage", "kursusdage", "sygedage", "feriedage": days of something.)
    if l.len() > 6
        && ["sdage", "hverdage", "sygedage", "feriedage", "fridage"]
            .iter()
            .any(|e| l.ends_with(e))
    {
        return Some("days");
    }
    None
}

fn is_percent(t: &Tok) -> bool {
    let l = lower(t);
    t.text == "%"
        || matches!(
            l.as_str(),
            "pct" | "procent" | "procents" | "procentpoint" | "procentpoints" | "procentenheder"
        )
}

/// A plural noun that can say what numbers count ("borgere", "kommuner", "ledige",
/// "ansatte", "forløb"), not a singular in -e ("indholdsfortegnelse") or a reference
/// ("runde", "bilag"). Lower case.
fn plural_noun(w: &str) -> bool {
    let plural = ["er", "ere", "ige", "te"].iter().any(|e| w.ends_with(e))
        // Nouns alike in both numbers, also in compounds ("løntilskudsforløb").
        || ["forløb", "lån", "job", "tilbud", "forsøg", "møder", "besøg"]
            .iter()
            .any(|e| w.ends_with(e))
        // … and plurals of other shapes ("unge", "børn", "dagplejebørn").
        || ["unge", "ældre", "voksne", "børn"].iter().any(|e| w.ends_with(e));
    // ("lån" and "job" are as short as a noun counted gets.)
    plural
        && (w.chars().count() >= 4 || matches!(w, "lån" | "job"))
        && w.chars().all(char::is_alphabetic)
        && !REFERENCE_WORDS.contains(&w)
        && !STOP.contains(&w)
}

/// Whether the number at `i` is in a list of bare numbers opened by `henholdsvis`
/// ("henholdsvis 188, 142 og 171").
fn respective_list(toks: &[Tok], i: usize) -> bool {
    let mut k = i;
    while k >= 1 {
        let left = lower(&toks[k - 1]);
        match left.as_str() {
            "henholdsvis" => return true,
            "," | "og" if k >= 2 && toks[k - 2].kind == TokKind::Num => k -= 2,
            _ => return false,
        }
    }
    false
}

/// The noun a label before a colon counts ("Nye sager i 1., 2. og 3. kvt."): its first
/// word, or the word after an adjective, when that is a plural noun.
fn label_noun(label: &[Tok]) -> Option<String> {
    let noun = past_adjective(label.iter().filter(|t| t.kind == TokKind::Word).map(lower))?;
    plural_noun(&noun).then_some(noun)
}

/// A label's first word, or the word after it when it is an adjective ("Nye sager",
/// "Forlængede ressourceforløb"): where the noun it counts stands.
fn past_adjective(mut words: impl Iterator<Item = String>) -> Option<String> {
    let first = words.next()?;
    if is_adjective(&first) {
        words.next()
    } else {
        Some(first)
    }
}

/// The indefinite form of a definite plural noun: "forløbene" -> "forløb", "sagerne" ->
/// "sager"; `None` for a word that is no definite plural.
fn indefinite_plural(w: &str) -> Option<String> {
    if !w.chars().all(char::is_alphabetic) || w.chars().count() < 6 {
        return None;
    }
    w.strip_suffix("erne")
        .map(|s| format!("{s}er"))
        .or_else(|| w.strip_suffix("ene").map(String::from))
}

fn is_money(t: &Tok) -> bool {
    let l = lower(t);
    matches!(l.as_str(), "kr" | "kroner" | "dkk" | "kr.-" | "kroners")
}

/// What follows a number.
#[derive(Debug, Clone)]
struct After {
    unit: Option<&'static str>,
    counted: Option<String>,
    factor: f64,
    /// Index one past the last token used.
    end: usize,
}

/// Reads the unit or counted noun after the number ending at token `i`.
fn read_after(toks: &[Tok], i: usize, value: f64) -> After {
    let mut j = i + 1;
    let mut factor = 1.0;
    if let Some(t) = toks.get(j) {
        if t.kind == TokKind::Word {
            if let Some(m) = multiplier(t.text).filter(|_| lower(t) != "t") {
                factor = m;
                j += 1;
                if toks.get(j).is_some_and(|t| t.text == ".") {
                    j += 1;
                }
            } else if lower(t) == "t" && toks.get(j + 1).is_some_and(|x| x.text == ".") {
                // t.kr.
                if toks.get(j + 2).is_some_and(is_money) {
                    factor = 1000.0;
                    j += 2;
                }
            }
        }
    }
    let Some(t) = toks.get(j) else {
        return money_if_factor(factor, j);
    };
    // OCR reads `2½ år` as `2% år`: a share is never followed by a span of time, so a
    // percent sign glued to its number and followed by a duration is the half.
    let glued = toks.get(i).is_some_and(|n| n.end == t.start);
    if t.text == "%" && glued && factor == 1.0 && value > 0.0 {
        if let Some(unit) = toks.get(j + 1).and_then(|w| duration_unit(w.text)) {
            return After {
                unit: Some(unit),
                counted: None,
                factor: (value + 0.5) / value,
                end: j + 2,
            };
        }
    }
    if is_percent(t) {
        let mut end = j + 1;
        if t.text != "%" && toks.get(end).is_some_and(|x| x.text == ".") {
            end += 1;
        }
        return After {
            unit: Some("percent"),
            counted: None,
            factor,
            end,
        };
    }
    if is_money(t) {
        let mut end = j + 1;
        if toks.get(end).is_some_and(|x| x.text == ".") && t.end == toks[end].start {
            end += 1;
        }
        return After {
            unit: Some("DKK"),
            counted: None,
            factor,
            end,
        };
    }
    if factor > 1.0 && factor != 1000.0 {
        return money_if_factor(factor, j);
    }
    // Adjectives, then the noun.
    let mut k = j;
    let mut last_adj: Option<usize> = None;
    while let Some(t) = toks.get(k) {
        if t.kind != TokKind::Word {
            break;
        }
        if let Some(u) = duration_unit(t.text) {
            // "890 sidste år", "120 om året": when, not how long.
            let when = k > j
                && toks.get(k - 1).is_some_and(|a| {
                    [
                        "sidste", "næste", "forrige", "samme", "dette", "hvert", "om", "i",
                    ]
                    .contains(&lower(a).as_str())
                });
            if when {
                return After {
                    unit: Some("count"),
                    counted: None,
                    factor,
                    end: j,
                };
            }
            if k > j + 2 {
                break;
            }
            return After {
                unit: Some(u),
                counted: None,
                factor,
                end: k + 1,
            };
        }
        let l = lower(t);
        if STOP.contains(&l.as_str()) || MONTHS.contains(&l.as_str()) {
            break;
        }
        if !noun_like(t.text, value) {
            break;
        }
        if is_adjective(t.text) && k < j + 3 {
            last_adj = Some(k);
            k += 1;
            continue;
        }
        return After {
            unit: Some("count"),
            counted: Some(t.text.to_string()),
            factor,
            end: k + 1,
        };
    }
    if let Some(a) = last_adj {
        return After {
            unit: Some("count"),
            counted: Some(toks[a].text.to_string()),
            factor,
            end: a + 1,
        };
    }
    money_if_factor(factor, j)
}

fn money_if_factor(factor: f64, j: usize) -> After {
    After {
        unit: (factor >= 1e6).then_some("DKK"),
        counted: None,
        factor,
        end: j,
    }
}

/// Could this word be the noun a number counts?
fn noun_like(w: &str, value: f64) -> bool {
    let first = w.chars().next().unwrap_or(' ');
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    if first.is_uppercase() && upper < 2 {
        return false;
    }
    if w.chars().count() < 2 {
        return false;
    }
    let l = w.to_lowercase();
    if value != 1.0 && upper < 2 && (l.ends_with('t') || l.ends_with("ts")) && !l.ends_with("st") {
        return false;
    }
    true
}

/// A number spotted in the token list.
struct Spot {
    last: usize,
    value: f64,
    spelled: bool,
}

fn is_year(t: &Tok) -> bool {
    t.kind == TokKind::Num
        && t.text.len() == 4
        && t.text.chars().all(|c| c.is_ascii_digit())
        && t.text
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

fn is_month(t: &Tok) -> bool {
    MONTHS.contains(&lower(t).as_str())
}

/// The qualifier directly before token `i`: (normalized, index of its first token).
fn qualifier_before(toks: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    for (words, norm) in QUALIFIERS {
        let n = words.len();
        // allow "ca." : word then "."
        let mut k = i;
        if *norm == "ca." && k >= 1 && toks[k - 1].text == "." {
            k -= 1;
        }
        if k < n {
            continue;
        }
        let ok = words
            .iter()
            .enumerate()
            .all(|(m, w)| lower(&toks[k - n + m]) == *w);
        if ok {
            return Some((norm, k - n));
        }
    }
    None
}

/// State carried between sentences of one section.
#[derive(Debug, Default, Clone)]
pub struct Context {
    /// The noun of the last count, for bare numbers.
    pub last_counted: Option<String>,
}

/// Finds the figures of one sentence. `mask` holds byte ranges (trial names) to skip.
pub fn scan(
    catalog: &Catalog,
    sentence: &str,
    mask: &[(usize, usize)],
    ctx: &mut Context,
) -> Vec<Quantity> {
    // An English sentence (a report's "Summary in English") writes its numbers the other
    // way round, "1,300" and "86.1 per cent", and "to" is no two.
    if super::english::is_english(sentence) {
        return super::english::quantities(sentence);
    }
    let toks = tokenize(sentence);
    // The first colon and the noun of the label before it ("Nye sager i 1., 2. og 3.
    // kvt.: …"), which bare counts after it may count (below).
    let colon_label = toks
        .iter()
        .position(|t| t.text == ":")
        .and_then(|c| label_noun(&toks[..c]).map(|noun| (c, noun)));
    let mut out = Vec::new();
    let mut pending: Option<&'static str> = None;
    let mut i = 0;
    let masked = |t: &Tok| mask.iter().any(|&(a, b)| t.start >= a && t.end <= b);
    while i < toks.len() {
        let t = toks[i];
        // Reaching qualifiers.
        if let Some((q, _)) = qualifier_before(&toks, i + 1) {
            if REACHING.contains(&q) && t.kind == TokKind::Word {
                pending = Some(q);
            }
        }
        if masked(&t) {
            i += 1;
            continue;
        }
        let spot = match t.kind {
            TokKind::Num => Some(Spot {
                last: i,
                value: 0.0,
                spelled: false,
            }),
            TokKind::Word => {
                let words: Vec<&str> = toks[i..].iter().take(4).map(|t| t.text).collect();
                if let Some((v, n)) = fraction(&words) {
                    let raw_end = toks[i + n - 1].end;
                    // "knap en fjerdedel": the qualifier is part of what is written.
                    let start = qualifier_before(&toks, i).map_or(t.start, |q| toks[q.1].start);
                    out.push(Quantity {
                        raw: sentence[start..raw_end].to_string(),
                        value: v,
                        unit: "percent".into(),
                        counted: None,
                        qualifier: qualifier_before(&toks, i).map(|q| q.0.to_string()),
                        spelled_out: true,
                    });
                    i += n;
                    continue;
                }
                // "en halv time", "et halvt år": a half, only with a unit after it.
                let half = matches!(lower(&t).as_str(), "en" | "et")
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| matches!(lower(n).as_str(), "halv" | "halvt"));
                if half {
                    Some(Spot {
                        last: i + 1,
                        value: 0.5,
                        spelled: true,
                    })
                } else if matches!(lower(&t).as_str(), "en" | "én" | "et")
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| multiplier(n.text).is_some_and(|m| m >= 1e6))
                {
                    // "over en million kroner": one of the multiplier after it.
                    Some(Spot {
                        last: i,
                        value: 1.0,
                        spelled: true,
                    })
                } else if matches!(lower(&t).as_str(), "én" | "ét") && counts_one(&toks, i) {
                    // The stressed "én", "ét" are the numeral; plain "en", "et" are mostly
                    // articles.
                    Some(Spot {
                        last: i,
                        value: 1.0,
                        spelled: true,
                    })
                } else {
                    // "tre og et halvt år", "to og en halv time": the number and a half.
                    let and_a_half = toks.get(i + 1).is_some_and(|t| lower(t) == "og")
                        && toks
                            .get(i + 2)
                            .is_some_and(|t| matches!(lower(t).as_str(), "en" | "et"))
                        && toks
                            .get(i + 3)
                            .is_some_and(|t| matches!(lower(t).as_str(), "halv" | "halvt"));
                    number_word(t.text).map(|v| match and_a_half {
                        true => Spot {
                            last: i + 3,
                            value: v + 0.5,
                            spelled: true,
                        },
                        false => Spot {
                            last: i,
                            value: v,
                            spelled: true,
                        },
                    })
                }
            }
            TokKind::Punct => None,
        };
        let Some(spot) = spot else {
            i += 1;
            continue;
        };
        if !spot.spelled && !number_ok(catalog, &toks, i, sentence) {
            i += 1;
            continue;
        }
        if spot.spelled {
            // "to" etc. only with a unit or noun after, and not an ordinal/fraction.
            let after = read_after(&toks, spot.last, spot.value);
            if after.unit.is_none() {
                if let Some(q) = elliptic_count(&toks, i, spot.value, ctx) {
                    out.push(q);
                }
                i += 1;
                continue;
            }
            let qual = qualifier_before(&toks, i);
            let start = qual.map(|q| toks[q.1].start).unwrap_or(t.start);
            let end = toks[after.end - 1].end;
            if after.unit == Some("count") {
                ctx.last_counted.clone_from(&after.counted);
            }
            out.push(Quantity {
                raw: sentence[start..end].to_string(),
                value: spot.value * after.factor,
                unit: after.unit.unwrap_or("count").to_string(),
                counted: after.counted,
                qualifier: qual
                    .map(|q| q.0.to_string())
                    .or_else(|| pending.take().map(String::from)),
                spelled_out: true,
            });
            i = after.end;
            continue;
        }
        // "3 ud af 4": a share, as percent.
        if let (Some(u), Some(a), Some(whole)) = (toks.get(i + 1), toks.get(i + 2), toks.get(i + 3))
        {
            let (part, of) = (parse_digits(t.text, false), parse_digits(whole.text, false));
            if u.text.eq_ignore_ascii_case("ud") && a.text == "af" && whole.kind == TokKind::Num {
                if let (Some(part), Some(of)) = (part, of.filter(|w| *w > 0.0)) {
                    if part < of {
                        out.push(Quantity {
                            raw: sentence[t.start..whole.end].to_string(),
                            value: percent(part, of),
                            unit: "percent".into(),
                            counted: None,
                            qualifier: qualifier_before(&toks, i).map(|q| q.0.to_string()),
                            spelled_out: false,
                        });
                        i += 4;
                        continue;
                    }
                }
            }
        }
        // Range: N-M / N – M / mellem N og M / fra N til M.
        // ("Antallet af revurderinger er faldet fra 96 til 3": bare numbers of the
        // subject's noun, read one by one below.)
        let range_second = range_second(&toks, i).filter(|&j| {
            let of_subject =
                word_before_hedge(&toks, i) == "fra" && number_of_noun(&toks[..i]).is_some();
            !(of_subject && read_after(&toks, j, 1.0).unit.is_none())
        });
        let before_mult = toks
            .get(spot.last + 1)
            .is_some_and(|n| multiplier(n.text).is_some_and(|m| m >= 1e6));
        let Some(v) = parse_digits(t.text, before_mult) else {
            i += 1;
            continue;
        };
        if let Some(j) = range_second {
            let second = toks[j];
            let bm = toks
                .get(j + 1)
                .is_some_and(|n| multiplier(n.text).is_some_and(|m| m >= 1e6));
            let Some(v2) = parse_digits(second.text, bm) else {
                i += 1;
                continue;
            };
            let own = read_after(&toks, i, v);
            let after = read_after(&toks, j, v2);
            if after.unit.is_none() || (is_year(&t) && is_year(&second)) {
                i = j + 1;
                continue;
            }
            let first_has_unit = own.unit.is_some() && own.end > i + 1;
            let (first_raw_end, f1, u1, c1) = if first_has_unit {
                (toks[own.end - 1].end, own.factor, own.unit, own.counted)
            } else {
                (t.end, after.factor, after.unit, after.counted.clone())
            };
            out.push(Quantity {
                raw: sentence[t.start..first_raw_end].to_string(),
                value: v * f1,
                unit: u1.unwrap_or("count").to_string(),
                counted: c1,
                qualifier: Some("mellem".into()),
                spelled_out: false,
            });
            if after.unit == Some("count") {
                ctx.last_counted.clone_from(&after.counted);
            }
            out.push(Quantity {
                raw: sentence[second.start..toks[after.end - 1].end].to_string(),
                value: v2 * after.factor,
                unit: after.unit.unwrap_or("count").to_string(),
                counted: after.counted,
                qualifier: Some("mellem".into()),
                spelled_out: false,
            });
            pending = None;
            i = after.end;
            continue;
        }
        let after = read_after(&toks, i, v);
        let qual = qualifier_before(&toks, i);
        if is_year(&t)
            && after.factor == 1.0
            && after.unit.is_none_or(|u| u == "count")
            && qual.is_none()
        {
            i += 1;
            continue;
        }
        // "kr. 450.000": the currency written before the number (not the "kr." that
        // ended a number before it).
        let kr_before = after.unit.is_none()
            && i >= 2
            && toks[i - 1].text == "."
            && lower(&toks[i - 2]) == "kr"
            && i.checked_sub(3)
                .and_then(|k| toks.get(k))
                .is_none_or(|p| p.kind != TokKind::Num);
        // "henholdsvis 412 og 298 færre attester", "0,7 og 1,0 uge": a bare number
        // coordinated with the next ones takes the unit the last of them is given.
        let coordinated = (after.unit.is_none() && !kr_before && !is_year(&t))
            .then(|| coordinated_unit(&toks, i))
            .flatten();
        let factor = coordinated.as_ref().map_or(after.factor, |c| c.factor);
        // "… 214 revurderinger og Ikast-Brande 87.": the last figure's unit (a count's
        // noun or per cent; an amount's scale would be a guess).
        let gapped = (after.unit.is_none() && i >= 1 && after_and_place(catalog, &toks, i - 1))
            .then(|| out.last())
            .flatten()
            .filter(|q| matches!(q.unit.as_str(), "count" | "percent"))
            .map(|q| (q.unit.clone(), q.counted.clone()));
        let (unit, counted, end_tok) = match after.unit {
            Some(u) => (u.to_string(), after.counted.clone(), after.end),
            None if kr_before => ("DKK".to_string(), None, i + 1),
            None if gapped.is_some() => {
                let (unit, counted) = gapped.unwrap_or_default();
                (unit, counted, i + 1)
            }
            None if coordinated.is_some() => {
                let c = coordinated.unwrap_or_else(|| read_after(&toks, i, v));
                (c.unit.unwrap_or("count").to_string(), c.counted, i + 1)
            }
            None => {
                // A bare number counts the noun of the last count.
                let left = if i == 0 {
                    None
                } else {
                    Some(lower(&toks[i - 1]))
                };
                // The same count for another place, verb and noun left out: "…, i
                // Hillerød 54." (number_ok let a capitalised word before it through only
                // after "i").
                let for_place = i >= 1
                    && toks[i - 1]
                        .text
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                    && (after_in(&toks, i - 1) || after_comma_place(catalog, &toks, i - 1));
                // "38 nye forløb (2. kvt.: 21, 1. kvt.: 44)": the same count for another
                // period, given by its label.
                let after_period = left.as_deref() == Some(":")
                    && i >= 2
                    && (matches!(lower(&toks[i - 2]).as_str(), "kvt" | "kvartal" | "halvår")
                        || (toks[i - 2].text == "." && i >= 3 && lower(&toks[i - 3]) == "kvt")
                        || is_year(&toks[i - 2]));
                // "Nye sager i 1., 2. og 3. kvt.: henholdsvis 188, 142 og 171": a list
                // after `henholdsvis` counts what the label before the colon names (else
                // the last noun counted).
                // "Forlængede ressourceforløb: 4 i 1. kvt., 6 i 2. kvt. og 5 i 3. kvt.":
                // counts by period after a label, the label's noun.
                let colon_label = colon_label
                    .as_ref()
                    .filter(|(c, _)| *c < i)
                    .map(|(_, noun)| noun.clone());
                let by_period = colon_label.is_some()
                    && matches!(left.as_deref(), Some(":" | "," | "og"))
                    && toks.get(i + 1).is_some_and(|t| lower(t) == "i")
                    && toks.get(i + 2).is_some_and(|t| t.kind == TokKind::Num);
                let respective = respective_list(&toks, i) || by_period;
                let left_ok = left
                    .as_deref()
                    .is_none_or(|l| BARE_LEFT.contains(&l) || l == ".")
                    || qual.is_some()
                    || for_place
                    || after_period
                    || respective;
                // (… or a dash opening an aside: "var 120 – eller 44,8 % – i job".)
                let aside = toks.get(i + 1).is_some_and(|n| n.text == "–")
                    && toks.get(i + 2).is_some_and(|n| n.kind == TokKind::Word);
                let next_ok = aside
                    || toks.get(i + 1).is_none_or(|n| {
                        n.kind == TokKind::Word || matches!(n.text, "," | "." | ")")
                    });
                let word_at = |k: usize| toks.get(k).filter(|t| t.kind == TokKind::Word);
                let next_word = word_at(i + 1).map(lower);
                // "…, 11 på Langeland og 6 på Ærø": the same count for another place (or
                // the first of a breakdown after a colon, "…: 152 i Guldborgsund, …").
                let before_place = matches!(left.as_deref(), Some("," | ":" | "og"))
                    && matches!(next_word.as_deref(), Some("på" | "i"))
                    && word_at(i + 2).is_some_and(|w| w.text.starts_with(char::is_uppercase));
                // "har færrest forløb (23)": the noun of a comparison before the
                // parentheses (not a list mark or reference: "evaluate (1)", "browser (2)").
                let compared = i.checked_sub(3).and_then(word_at).is_some_and(|q| {
                    matches!(
                        lower(q).as_str(),
                        "færrest" | "flest" | "færre" | "flere" | "antal" | "mange"
                    )
                });
                let in_parens = (left.as_deref() == Some("(")
                    && compared
                    && toks.get(i + 1).is_some_and(|n| n.text == ")"))
                .then(|| i.checked_sub(2).and_then(word_at))
                .flatten()
                .map(lower)
                .filter(|w| plural_noun(w));
                // "58 af forløbene": part of a definite plural.
                let partitive = (next_word.as_deref() == Some("af"))
                    .then(|| word_at(i + 2).map(lower))
                    .flatten()
                    .and_then(|w| indefinite_plural(&w));
                // "1.139 af de 1.622 anmeldelser", "2 af 4 kommuner": a part of a whole
                // counted right after it, in the whole's noun (whoever's: "6 af
                // netværkets 12 kombinationer", "af vores 40 pladser"; "2.214 af i alt
                // 3.870 samtaler").
                let part_of_count = (next_word.as_deref() == Some("af"))
                    .then(|| {
                        let word_is = |k: usize, s: &str| word_at(k).is_some_and(|w| lower(w) == s);
                        let of = if word_is(i + 2, "i") && word_is(i + 3, "alt") {
                            i + 3
                        } else if word_is(i + 2, "samlet") || word_is(i + 2, "ialt") {
                            i + 2
                        } else {
                            i + 1
                        };
                        let de = word_at(of + 1).is_some_and(|w| {
                            let w = lower(w);
                            let genitive = w.ends_with('s')
                                && w.chars().count() >= 5
                                && w.chars().all(char::is_alphabetic);
                            genitive
                                || matches!(
                                    w.as_str(),
                                    "de" | "vores" | "deres" | "sine" | "dets" | "dens" | "jeres"
                                )
                        });
                        let k = if de { of + 2 } else { of + 1 };
                        let whole = toks.get(k).filter(|t| t.kind == TokKind::Num)?;
                        let read = read_after(&toks, k, parse_digits(whole.text, false)?);
                        read.unit
                            .is_none_or(|u| u == "count")
                            .then_some(read.counted)?
                    })
                    .flatten();
                // "Antallet af revurderinger er faldet fra 96 til 3": the subject's noun.
                // ("… er steget med 41 siden budgetlægningen": the change of it.)
                let changed_by = left.as_deref() == Some("med")
                    && i.checked_sub(2).and_then(word_at).is_some_and(|w| {
                        matches!(
                            lower(w).as_str(),
                            "steget" | "faldet" | "øget" | "reduceret" | "vokset" | "mindsket"
                        )
                    });
                let from_to = matches!(word_before_hedge(&toks, i).as_str(), "fra" | "til");
                let number_of = (from_to || changed_by)
                    .then(|| number_of_noun(&toks[..i]))
                    .flatten();
                let label = colon_label.filter(|_| respective);
                let own_noun = in_parens
                    .or(partitive)
                    .or(part_of_count)
                    .or(number_of)
                    .or(label);
                let counted = own_noun.clone().or_else(|| ctx.last_counted.clone());
                // "… 164 nye sygedagpengesager, og i 97 af dem …": a part of the last
                // count, by a pronoun.
                let of_them = next_word.as_deref() == Some("af")
                    && word_at(i + 2).is_some_and(|w| matches!(lower(w).as_str(), "dem" | "disse"));
                // "… 9 sygemeldte …, mod målet på 40": a target in the last count's noun.
                let target = left.as_deref() == Some("på")
                    && i >= 2
                    && matches!(
                        lower(&toks[i - 2]).as_str(),
                        "mål" | "målet" | "måltal" | "måltallet"
                    );
                let ok =
                    (left_ok || before_place) && next_ok || own_noun.is_some() || of_them || target;
                // "heraf 723 timer i Svendborg, 508 i Faaborg-Midtfyn": the same measure
                // for another place, its unit left out.
                let same_measure = (before_place || for_place)
                    .then(|| out.last())
                    .flatten()
                    .map(|q: &Quantity| q.unit.clone())
                    .filter(|u| {
                        matches!(
                            u.as_str(),
                            "hours" | "days" | "weeks" | "months" | "years" | "percent"
                        )
                    })
                    .filter(|_| own_noun.is_none());
                match (counted, ok && !is_year(&t), same_measure) {
                    (_, true, Some(unit)) => (unit, None, i + 1),
                    (Some(c), true, None) if of_them => ("count".to_string(), Some(c), i + 3),
                    (Some(c), true, None) => ("count".to_string(), Some(c), i + 1),
                    _ => {
                        i += 1;
                        continue;
                    }
                }
            }
        };
        if unit == "count" {
            ctx.last_counted.clone_from(&counted);
        }
        // `÷2,1 mio. kr.`: the minus of Danish accounts (or the typographic one) glued
        // to its number; a hyphen before a number is a dash or a range too often.
        let minus = i >= 1 && matches!(toks[i - 1].text, "÷" | "−") && toks[i - 1].end == t.start;
        let sign = if minus { -1.0 } else { 1.0 };
        let start = match qual {
            Some(q) => toks[q.1].start,
            None if kr_before => toks[i - 2].start,
            None if minus => toks[i - 1].start,
            None => t.start,
        };
        let end = toks[end_tok - 1].end;
        let qualifier = match qual {
            Some(q) => {
                pending = None;
                Some(q.0.to_string())
            }
            None => pending.take().map(String::from),
        };
        out.push(Quantity {
            raw: sentence[start..end].to_string(),
            value: sign * v * factor,
            unit,
            counted,
            qualifier,
            spelled_out: false,
        });
        i = end_tok.max(i + 1);
    }
    out
}

/// The unit of the numbers a bare number at `i` is listed with: "412 og 298 færre
/// attester", "12, 15 og 18 borgere" (up to four more, joined by commas and a last
/// `og`/`eller`).
fn coordinated_unit(toks: &[Tok], i: usize) -> Option<After> {
    let mut k = i;
    for _ in 0..4 {
        let joint = toks.get(k + 1)?;
        let next = toks.get(k + 2).filter(|n| n.kind == TokKind::Num)?;
        let last = matches!(lower(joint).as_str(), "og" | "eller");
        if !last && joint.text != "," {
            return None;
        }
        let value = parse_digits(next.text, false)?;
        let after = read_after(toks, k + 2, value);
        if after.unit.is_some() {
            return last.then_some(after);
        }
        if last {
            return None;
        }
        k += 2;
    }
    None
}

/// An elliptic count: a number word opening a clause, with its noun left out because the
/// clause before just counted it ("Fire forsøg, to er afsluttet", "ni forsøg. To af dem
/// ..."). It counts the last noun counted.
fn elliptic_count(toks: &[Tok], i: usize, value: f64, ctx: &Context) -> Option<Quantity> {
    let next = toks.get(i + 1).map(lower)?;
    let then = toks.get(i + 2).map(lower).unwrap_or_default();
    // A partitive names its noun after "af de": "fem af de i alt 17 godkendte forsøg".
    let partitive = (next == "af" && then == "de")
        .then(|| {
            toks.iter()
                .skip(i + 3)
                .take(6)
                .map(|t| t.text)
                .find(|w| {
                    !matches!(w.to_lowercase().as_str(), "i" | "alt")
                        && !w.chars().all(|c| c.is_ascii_digit() || c == '.')
                        && !is_adjective(w)
                })
                .filter(|w| w.chars().all(char::is_alphabetic) && noun_like(w, value))
                .map(str::to_lowercase)
        })
        .flatten();
    // … or names it in the definite plural: "tre af forsøgene".
    let partitive =
        partitive.or_else(|| (next == "af").then(|| indefinite_plural(&then)).flatten());
    let explicit = partitive.is_some();
    let counted = partitive.or_else(|| ctx.last_counted.clone())?;
    let opens_clause = i == 0 || matches!(toks[i - 1].text, "," | "." | ":" | ";");
    let verb = matches!(
        next.as_str(),
        "er" | "var" | "blev" | "har" | "havde" | "kom" | "fik" | "skal" | "vil" | "kan"
    );
    let of_them = next == "af" && matches!(then.as_str(), "dem" | "disse" | "de" | "dens");
    // (Within a clause too, "… godkendt syv forsøg, og X deltager i fire af dem": the
    // sentence counted them.)
    let of_those_counted = next == "af" && then == "dem" && ctx.last_counted.is_some();
    if !((explicit || opens_clause && (verb || of_them) || of_those_counted)
        && value.fract() == 0.0)
    {
        return None;
    }
    Some(Quantity {
        raw: toks[i].text.to_string(),
        value,
        unit: "count".into(),
        counted: Some(counted),
        qualifier: None,
        spelled_out: true,
    })
}

/// The word before the number at `i`, past an average's or estimate's word: "fra" in "fra
/// gennemsnitligt 17 til 5 dage" and "fra ca. 40 til 55".
fn word_before_hedge(toks: &[Tok], i: usize) -> String {
    let hedge = |t: &Tok| {
        matches!(
            lower(t).as_str(),
            "." | "ca"
                | "cirka"
                | "omkring"
                | "gennemsnitligt"
                | "gns"
                | "knap"
                | "godt"
                | "næsten"
        )
    };
    let before = toks.get(..i).unwrap_or_default();
    before
        .iter()
        .rev()
        .position(|t| !hedge(t))
        .filter(|&k| k <= 2)
        .and_then(|k| before.get(before.len() - 1 - k))
        .map_or(String::new(), lower)
}

/// For a number at `i` that opens a range, the index of the range's second number.
fn range_second(toks: &[Tok], i: usize) -> Option<usize> {
    let n1 = toks.get(i + 1)?;
    let n2 = toks.get(i + 2)?;
    if matches!(n1.text, "-" | "–" | "—") && n2.kind == TokKind::Num {
        // "2019-20", "2016-2020": year spans are not ranges of quantities.
        return Some(i + 2);
    }
    let prev = word_before_hedge(toks, i);
    if prev == "mellem" || prev == "fra" {
        // mellem N [unit] og M
        let link = if prev == "mellem" { "og" } else { "til" };
        for k in i + 1..(i + 5).min(toks.len()) {
            if lower(&toks[k]) == link {
                let m = toks.get(k + 1)?;
                return (m.kind == TokKind::Num).then_some(k + 1);
            }
        }
    }
    None
}

/// Filters numbers that are ordinals, dates, list markers, codes or references.
fn number_ok(catalog: &Catalog, toks: &[Tok], i: usize, s: &str) -> bool {
    let t = toks[i];
    // glued to a letter before it ("LÆ265" is one token, but "Tv 2"...)
    if t.start > 0 {
        let before = s[..t.start].chars().last().unwrap_or(' ');
        if before.is_alphabetic() || before == '/' {
            return false;
        }
    }
    let next = toks.get(i + 1);
    let next2 = toks.get(i + 2);
    // A number with a leading zero is a code ("delprojekt 04"), and so is one joined to
    // such a number ("4410-02").
    let coded =
        |t: &Tok| t.text.len() >= 2 && t.text.starts_with('0') && !t.text.contains([',', '.']);
    let joined_to_code = next.is_some_and(|n| n.text == "-" && n.start == t.end)
        && next2.is_some_and(|n2| n2.kind == TokKind::Num && coded(n2));
    if coded(&t) || joined_to_code {
        return false;
    }
    // ordinal "6. måned", date "1. januar"
    if next.is_some_and(|n| n.text == "." && n.start == t.end) {
        if let Some(n2) = next2 {
            let c = n2.text.chars().next().unwrap_or(' ');
            if c.is_lowercase() || is_month(n2) || n2.kind == TokKind::Num {
                return false;
            }
        }
    }
    if next.is_some_and(is_month) {
        return false;
    }
    // list marker "1)" without "("
    if next.is_some_and(|n| n.text == ")") {
        let open = s[..t.start].rfind('(');
        let close = s[..t.start].rfind(')');
        if open.is_none_or(|o| close.is_some_and(|c| c > o)) {
            return false;
        }
    }
    if i > 0 {
        let p = toks[i - 1];
        let pl = lower(&p);
        if is_month(&p) || REFERENCE_WORDS.contains(&pl.as_str()) {
            return false;
        }
        // "kl. 10", "nr. 5", "d. 7"
        if p.text == "." && i > 1 {
            let pp = lower(&toks[i - 2]);
            if ["kl", "nr", "pkt", "stk", "d", "jf", "side", "s"].contains(&pp.as_str()) {
                return false;
            }
            if toks[i - 2].kind == TokKind::Num {
                // "1. - 2." or a date "31.12"
                return false;
            }
        }
        // a proper noun or code right before ("Folkemødet 19", "LÆ 285")
        let first = p.text.chars().next().unwrap_or(' ');
        // A code has two capitals in one part ("LÆ", "JAF-forløb"; not "Lyngby-Taarbæk").
        let upper = p
            .text
            .split('-')
            .map(|part| part.chars().filter(|c| c.is_uppercase()).count())
            .max()
            .unwrap_or(0);
        if p.kind == TokKind::Word && first.is_uppercase() && i > 1 {
            let pq = qualifier_before(toks, i).is_some();
            let place_after_comma =
                after_comma_place(catalog, toks, i - 1) || after_and_place(catalog, toks, i - 1);
            // (A unit after it makes an amount of the name's: "bevilget Skanderborg
            // Kommune 2,3 mio. kr.")
            let unit_follows = next.is_some_and(|n| {
                is_money(n) || matches!(lower(n).as_str(), "mio" | "mia" | "%" | "pct" | "procent")
            });
            // (A place's genitive owns the count after it: "Odenses 9 lån".)
            let place_owns = p.text.ends_with('s')
                && catalog.municipality(p.text).is_some()
                && next.is_some_and(|n| n.kind == TokKind::Word);
            if !pq
                && (upper >= 2
                    || !(unit_follows
                        || is_sentence_start(toks, i - 1)
                        || after_in(toks, i - 1)
                        || place_after_comma
                        || place_owns))
            {
                return false;
            }
        }
        if p.kind == TokKind::Word && upper >= 2 && p.text.chars().count() <= 4 {
            return false;
        }
        // year spans "2016-2020" and "2019-20"
        if matches!(p.text, "-" | "–" | "/") && i > 1 && is_year(&toks[i - 2]) {
            return false;
        }
        if p.text == "§" {
            return false;
        }
        // The second of two references: "punkt 63 og 64", "side 4, 5".
        if matches!(p.text, "og" | "," | "-" | "–")
            && i >= 3
            && toks[i - 2].kind == TokKind::Num
            && REFERENCE_WORDS.contains(&lower(&toks[i - 3]).as_str())
        {
            return false;
        }
    }
    if next.is_some_and(|n| matches!(n.text, "-" | "–" | "/"))
        && is_year(&t)
        && next2.is_some_and(|n| n.kind == TokKind::Num)
    {
        return false;
    }
    true
}

/// A place after "i" ("i Hillerød 54", "i Lyngby-Taarbæk 58 pct."): the number after it is
/// that place's figure, said elliptically after the same figure for another place.
fn after_in(toks: &[Tok], i: usize) -> bool {
    i >= 1 && toks.get(i - 1).is_some_and(|t| t.text == "i")
}

/// A place alone after a comma ("… etableret 23 jobrotationsforløb, Odsherred 9.") or
/// opening a parenthesis ("57 borgere (Vejle 31, Horsens 19, Fredericia 7)"): the number
/// after it is that place's figure, said elliptically.
fn after_comma_place(catalog: &Catalog, toks: &[Tok], i: usize) -> bool {
    let ends = toks
        .get(i + 2)
        .is_none_or(|t| matches!(t.text, "." | "," | ";" | ")") || lower(t) == "og");
    i >= 1
        && matches!(toks[i - 1].text, "," | "(")
        && ends
        && catalog.municipality(toks[i].text).is_some()
}

/// A place after "og"/"mens" with a number after it that ends the clause ("Herning har
/// undladt 214 revurderinger og Ikast-Brande 87."): the clause's figure again for another
/// place, its verb and unit left out (gapping). The scan takes it only after a figure.
/// (… or for another trial, by its short name: "Samtaleforsøget fik 27 stemmer,
/// rehab-forsøget 8 og ressourceforløbsforsøget 6".)
fn after_and_place(catalog: &Catalog, toks: &[Tok], i: usize) -> bool {
    let trial = lower(&toks[i]).ends_with("forsøget");
    let after_comma = trial && i >= 1 && toks[i - 1].text == ",";
    let ends = toks.get(i + 2).is_none_or(|t| {
        matches!(t.text, "." | "," | ";" | ")") || (after_comma && lower(t) == "og")
    });
    i >= 1
        && (matches!(lower(&toks[i - 1]).as_str(), "og" | "mens") || after_comma)
        && ends
        && (trial || catalog.municipality(toks[i].text).is_some())
}

fn is_sentence_start(toks: &[Tok], i: usize) -> bool {
    i == 0 || matches!(toks[i - 1].text, "." | ":" | "”" | "\"" | "(" | "–" | "-")
}

/// What a column header or caption says its numbers are.
enum ColumnUnit {
    Percent,
    /// Kroner, times the factor (`Beløb i 1.000 kr.`).
    Money(f64),
    Duration(&'static str),
    Count,
}

/// Whether a header states a unit (percent, money, time, "antal").
pub fn states_a_unit(text: &str) -> bool {
    column_unit(text).is_some()
}

/// A column of numbers that name things, not count them: "Nr.", "Løbenr.", a ledger's
/// "Bilagsnr." and "Konto", "Sagsnummer", "CVR-nr.".
fn is_identifier(header: &str) -> bool {
    let last = header.split_whitespace().last().unwrap_or("");
    last.ends_with("nr")
        || last.ends_with("nummer")
        || matches!(
            last,
            "konto" | "bilag" | "id" | "kode" | "ref" | "reference"
        )
}

/// A column of a regression table that measures the estimate's uncertainty, no result
/// of its own: "Std.fejl", "p-værdi", "t-værdi".
fn is_test_statistic(header: &str) -> bool {
    let h: String = header.chars().filter(|c| !c.is_whitespace()).collect();
    [
        "std.fejl",
        "standardfejl",
        "se",
        "p",
        "p-værdi",
        "pværdi",
        // (Not a bare "t": it may be hours.)
        "t-værdi",
        "z",
        "signifikans",
        "sig",
    ]
    .contains(&h.as_str())
}

/// The bounds of a range written in one cell: "-1,0 til 9,2" (a confidence interval),
/// "12 – 18", "[0,3; 5,3]".
pub fn range_bounds(cell: &str) -> Option<(&str, &str)> {
    static RANGE: LazyLock<Regex> = LazyLock::new(|| {
        let bound = r"([-−]?\d+(?:[.,]\d+)*)";
        Regex::new(&format!(r"^\[?\s*{bound}\s*(?:til|–|;)\s*{bound}\s*\]?$"))
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    let c = RANGE.captures(cell.trim())?;
    Some((c.get(1)?.as_str(), c.get(2)?.as_str()))
}

/// Whether a table's corner cell says more of its unit than its caption does: any unit
/// under a caption with none, or the factor of an amount ("Besparelse i 1.000 kr." under
/// "Attestforsøget: sparede udgifter til lægeattester").
pub fn corner_states_more(corner: &str, caption: &str) -> bool {
    match (column_unit(corner), column_unit(caption)) {
        (Some(_), None) => true,
        (Some(ColumnUnit::Money(c)), Some(ColumnUnit::Money(k))) => c > 1.0 && k == 1.0,
        _ => false,
    }
}

fn column_unit(text: &str) -> Option<ColumnUnit> {
    let ctx = text.to_lowercase();
    let words: Vec<&str> = words(&ctx).collect();
    let word = |w: &str| words.contains(&w);
    if ctx.contains('%') || word("pct") || ctx.contains("procent") {
        return Some(ColumnUnit::Percent);
    }
    // A share is in per cent, unless it is stated in kroner ("Gladsaxe Kommunes andel
    // (1.000 kr.)"). (A co-payment, "egenandel", is an amount; "detailhandel" is trade.)
    let share = words.iter().any(|w| {
        let w = w.trim_end_matches("en").trim_end_matches('e');
        w.starts_with("andel")
            || w.ends_with("andel") && !w.ends_with("egenandel") && !w.ends_with("handel")
    });
    if share && !word("kr") && !word("tkr") {
        return Some(ColumnUnit::Percent);
    }
    // (A ledger's columns are amounts: "Debet | Kredit | Saldo".)
    if word("kr")
        || word("tkr")
        || word("debet")
        || word("kredit")
        || word("saldo")
        || ctx.contains("beløb")
        || ctx.contains("udgift")
        || ctx.contains("besparelse")
    {
        let factor = if word("mio") {
            1e6
        } else if ctx.contains("1.000 kr")
            || ctx.contains("1000 kr")
            || ctx.contains("t.kr")
            || word("tkr")
            || ctx.contains("tusind")
        {
            1000.0
        } else {
            1.0
        };
        return Some(ColumnUnit::Money(factor));
    }
    if let Some(u) = header_duration(&ctx) {
        return Some(ColumnUnit::Duration(u));
    }
    // ("Borgere i forsøgsgruppen (N)": the number of cases.)
    (word("antal") || ctx.trim_end().ends_with("(n)")).then_some(ColumnUnit::Count)
}

/// A row's label without the indicator's code before it, which says nothing of what the
/// row counts: "B1 Sygedagpengemodtagere, der er startet på et kursus (antal)".
pub fn without_row_code(row: &str) -> &str {
    static ROW_CODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}{1,2}\d{1,2}(?:\.\d{1,2})?\s+(\p{Lu})")
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    match ROW_CODE.captures(row).and_then(|c| c.get(1)) {
        Some(label) => &row[label.start()..],
        None => row,
    }
}

/// Figures of a table cell, with the unit and factor of its column header or caption.
///
/// `whose_column`: the header only says whose the column is (a municipality), so the row
/// label says what the cells count, as under a year.
pub fn table_cell(
    cell: &str,
    header: &str,
    row: &str,
    caption: &str,
    whose_column: bool,
) -> Option<Quantity> {
    static CELL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            // (A target's cell may bound it or compare: "Højst 14", "30 % færre".)
            // (Significance marks may follow: "6,8***", "5,2*"; and a note's mark: "60,2
            // 3)", "60,2³".)
            r"^((?i:ca\.|højst|mindst|under|over|op til|maks\.?)\s*)?([-−–÷]\s?)?(\d+(?:[.,]\d+)*[½]?)(?P<credit>[-−])?\s*(%|pct\.?|kr\.?|mio\.?(?:\s*kr\.?)?)?(?:\s+(?i:færre|flere|kortere|længere|lavere|højere|mindre|mere))?\**(?:\s+\d\)|[¹²³⁴-⁹])?$",
        )
        .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    let row = without_row_code(row);
    // A round's number is an ordinal ("Runde | 2"), no figure; a column of years labels
    // its rows ("År | 2018").
    let h = header.trim().trim_end_matches('.').to_lowercase();
    let years = matches!(h.as_str(), "år" | "årstal" | "kalenderår" | "regnskabsår");
    if h.ends_with("runde") || years || is_identifier(&h) || is_test_statistic(&h) {
        return None;
    }
    let c = CELL.captures(cell.trim())?;
    // A minus: a budget's saving or a fall ("-420" or "÷420" in a table of 1.000 kr.);
    // after the amount, a ledger's credit balance ("38.400,00-").
    let sign = if c.get(2).is_some() || c.name("credit").is_some() {
        -1.0
    } else {
        1.0
    };
    let digits = c.get(3)?.as_str();
    let suffix = c
        .get(5)
        .map(|m| m.as_str().to_lowercase())
        .unwrap_or_default();
    let value = parse_digits(digits, suffix.starts_with("mio"))?;
    let qualifier = c.get(1).map(|m| m.as_str().trim().to_lowercase());
    let (unit, counted, factor) = if suffix.starts_with('%') || suffix.starts_with("pct") {
        ("percent".to_string(), None, 1.0)
    } else if suffix.starts_with("kr") {
        ("DKK".to_string(), None, 1.0)
    } else if suffix.starts_with("mio") {
        ("DKK".to_string(), None, 1e6)
    } else if let Some(noun) = row_of_counts(row) {
        // "Antal unge (N)" under columns in per cent: the row counts, whatever they hold.
        ("count".to_string(), Some(noun), 1.0)
    } else {
        // The column header decides before the caption ("Antal lån" under a caption
        // about loans in kr. counts loans); under years across, a row label with a
        // percent sign, and when neither says anything, the row label.
        // A header that names what it counts ("Borgere i 2020") needs no caption.
        // A caption that gives the cells in per cent ("Svarprocent fordelt på kommune
        // (%)") holds for columns that only say whose they are ("Borgere").
        let caption_unit = column_unit(caption);
        // (A place's name is no noun of the header, whatever its ending: "Odder".)
        let header_names = if whose_column {
            None
        } else {
            header_noun(header)
        };
        let decided = column_unit(header).or_else(|| {
            (header_names.is_none() || matches!(caption_unit, Some(ColumnUnit::Percent)))
                .then_some(caption_unit)
                .flatten()
        });
        // A row label that states its unit in parentheses ("Tid til rapport (dage)",
        // "Tilsynsbesøg (antal)") decides over a caption, never over the header.
        // (So it does under a header that states none, "Forsøgsgruppe": "I job (%)".)
        let row_states_unit = states_unit_in_parentheses(row);
        let header_states_none = column_unit(header).is_none();
        let row_says = row_unit(
            header,
            row,
            whose_column || (row_states_unit && header_states_none),
        );
        // (A share in a table of kroner, "Kommunens andel af midlerne | 400.000", is no
        // per cent above a hundred.)
        let money_share = matches!(decided, Some(ColumnUnit::Money(_))) && value > 100.0;
        let by_row = row_says.clone().filter(|(u, _, _)| {
            decided.is_none()
                || (u == "percent" && !matches!(decided, Some(ColumnUnit::Percent)) && !money_share)
                || (row_states_unit && header_states_none)
        });
        match (by_row, decided) {
            (Some((unit, counted, factor)), _) => (unit, counted, factor),
            (None, Some(ColumnUnit::Percent)) => ("percent".to_string(), None, 1.0),
            (None, Some(ColumnUnit::Money(factor))) => {
                // "Besparelse" under "Beløb i 1.000 kr.": the caption gives the factor.
                let factor = match column_unit(caption) {
                    Some(ColumnUnit::Money(f)) if factor == 1.0 => f,
                    _ => factor,
                };
                ("DKK".to_string(), None, factor)
            }
            (None, Some(ColumnUnit::Duration(u))) => (u.to_string(), None, 1.0),
            (None, Some(ColumnUnit::Count) | None) => {
                // ("Tabel 2. Påbegyndte psykologforløb": the noun after the table's number.)
                // (… else the row's noun: "Forsøgenes omfang (antal)" over "Psykolog-
                // forsøget: sygemeldte i forløb".)
                let counted = header_names
                    .or_else(|| header_noun(caption))
                    .or_else(|| header_noun(&TABLE_LABEL.replace(caption, "")))
                    .or_else(|| row_says.and_then(|(u, noun, _)| noun.filter(|_| u == "count")))?;
                ("count".to_string(), Some(counted), 1.0)
            }
        }
    };
    if is_year_str(digits) && suffix.is_empty() && unit == "count" {
        return None;
    }
    Some(Quantity {
        raw: cell.trim().trim_end_matches('*').to_string(),
        value: sign * value * factor,
        unit,
        counted,
        qualifier,
        spelled_out: false,
    })
}

/// A label and the aside in parentheses that ends it: "Varighed (uger)" -> ("Varighed",
/// "uger").
pub(crate) fn parenthesized_tail(row: &str) -> Option<(&str, &str)> {
    row.trim_end().strip_suffix(')')?.rsplit_once(" (")
}

/// A row label that ends by stating its unit: "Tid til rapport (dage)", "(antal)", "(kr.)".
fn states_unit_in_parentheses(row: &str) -> bool {
    parenthesized_tail(row).is_some_and(|(_, aside)| column_unit(aside).is_some())
}

/// The noun a row of counts counts: "Antal unge (N)", "Deltagere (N)"; or the staff a
/// row counts in its own unit, whatever the caption's ("Personale (årsværk)" under
/// "Økonomi (1.000 kr.)").
fn row_of_counts(row: &str) -> Option<String> {
    const STAFF: &[&str] = &[
        "årsværk",
        "fuldtidsstillinger",
        "stillinger",
        "fuldtidspersoner",
    ];
    if let Some((_, aside)) = parenthesized_tail(row) {
        let aside = aside.trim().to_lowercase();
        if STAFF.contains(&aside.as_str()) {
            return Some(aside);
        }
    }
    let r = row.trim();
    let counts = r.ends_with("(N)") || r.ends_with("(n)") || r.to_lowercase().starts_with("antal ");
    counts.then(|| header_noun(r)).flatten()
}

/// A caption's label and number: "Tabel 2. ", "Figur 3.1 ".
static TABLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:tabel|figur|tab\.|fig\.)\s*\d+(?:\.\d+)*[.:]?\s*")
        .unwrap_or_else(|e| panic!("regex: {e}"))
});

/// In a table of years across ("Nøgletal | 2018 | 2019") the row label names what is
/// counted ("Påbegyndte forløb", "Antal samtaler pr. forløb", "Raskmeldt, pct.").
fn row_unit(header: &str, row: &str, whose_column: bool) -> Option<(String, Option<String>, f64)> {
    // A header that is only a period: "2019", "2019/20", "Budget 2021", "1. halvår 2020",
    // "3. kvt." (the corner cell giving the year).
    static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:(?:budget|regnskab|skøn|forventet|prognose|[12]\.\s*halvår|[1-4]\.\s*kvartal)?\s*(?:19|20)\d\d(?:\s*/\s*\d{2,4})?|(?:[12]\.\s*halvår|[1-4]\.\s*(?:kvartal|kvt\.?)|q[1-4])(?:\s*(?:19|20)\d\d)?)$")
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    // … or a period told by its years: "Før forsøget (2016-2017)".
    static YEARS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(?:19|20)\d\d\b").unwrap_or_else(|e| panic!("regex: {e}")));
    // … or says which measurement the column holds: "Baseline 2016", "Mål 2020", "Mål".
    static MEASUREMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:baseline|mål|målsætning|målet|resultat|udgangspunkt|niveau)(?:\s+(?:19|20)\d\d)?$")
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    let period = whose_column
        || MEASUREMENT.is_match(header.trim())
        || PERIOD.is_match(header.trim())
        || (YEARS.is_match(header)
            && header_noun(header).is_none()
            && column_unit(header).is_none());
    if !period || row.trim().is_empty() {
        return None;
    }
    // (A note's mark is no part of the label: "Raskmeldte 2)", "Sparede samtaler *".)
    static NOTE_MARK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s+(?:\d{1,2}\)|\*+)$").unwrap_or_else(|e| panic!("regex: {e}"))
    });
    let row = NOTE_MARK.replace(row.trim_end(), "");
    let row = row.as_ref();
    // "Sparede lægeattester (attestforsøget)": the trial in parentheses counts nothing
    // (a unit there does: "Varighed (uger)").
    let unit_in_parentheses = states_unit_in_parentheses(row);
    // "Unge på uddannelseshjælp (fuldtidspersoner)": the aside names what is counted.
    if let Some((_, aside)) = parenthesized_tail(row) {
        let plural = aside.ends_with("er") || aside.ends_with('e');
        if plural
            && aside.chars().count() >= 5
            && aside.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
            && !aside.ends_with("forsøget")
            && column_unit(aside).is_none()
        {
            return Some(("count".into(), Some(aside.to_string()), 1.0));
        }
    }
    let row = match parenthesized_tail(row) {
        Some((counted, aside)) if column_unit(aside).is_none() => counted,
        _ => row,
    };
    match column_unit(row) {
        Some(ColumnUnit::Percent) => Some(("percent".into(), None, 1.0)),
        Some(ColumnUnit::Duration(u)) => Some((u.into(), None, 1.0)),
        // A money row with its own factor ("Sparede udgifter i alt (1.000 kr.)") or unit
        // ("Udgift pr. sag (kr.)"); else the caption gives it: left to the caller's rule.
        Some(ColumnUnit::Money(f)) => {
            (f != 1.0 || unit_in_parentheses).then(|| ("DKK".into(), None, f))
        }
        Some(ColumnUnit::Count) => Some(("count".into(), Some(header_noun(row)?), 1.0)),
        None => {
            // "Psykologforsøget: sygemeldte i forløb": what the row counts follows the
            // trial's name.
            let row = match row.split_once(": ") {
                Some((name, what)) if name.split_whitespace().count() <= 3 => what,
                _ => row,
            };
            let words: Vec<&str> = row.split_whitespace().collect();
            // The noun counted stands before a preposition ("Sygemeldte i forløb"), perhaps
            // with a participle after it ("Ledige startet i behandling").
            fn bare<'a>(w: &&'a str) -> &'a str {
                w.trim_matches(|c: char| !c.is_alphanumeric())
            }
            let head = words
                .iter()
                .skip(1)
                .position(|w| PREPOSITIONS.contains(&bare(w).to_lowercase().as_str()))
                .map(|k| &words[..=k]);
            if let Some(head) = head.filter(|h| h.len() <= 2) {
                let mut noun = bare(head.last()?);
                if head.len() == 2 && noun.ends_with("et") {
                    noun = bare(&head[0]);
                }
                let noun = noun.to_lowercase();
                return (noun.chars().all(char::is_alphabetic) && noun.chars().count() >= 3)
                    .then(|| ("count".into(), Some(noun), 1.0));
            }
            let last = words.last()?.trim_matches(|c: char| !c.is_alphanumeric());
            // (A plural noun: a category's label, "ADHD eller autisme", counts nothing.)
            // (… or a label of one word, a participle's plural: "Raskmeldte", "Ledige".)
            let participle = words.len() == 1
                && ["te", "ede", "ige"].iter().any(|e| last.ends_with(e))
                && last.chars().skip(1).all(char::is_lowercase);
            if participle {
                let noun = last.to_lowercase();
                return plural_noun(&noun).then(|| ("count".into(), Some(noun), 1.0));
            }
            if words.len() <= 3 {
                return (last.chars().all(char::is_lowercase) && plural_noun(last))
                    .then(|| ("count".into(), Some(last.to_string()), 1.0));
            }
            // A longer label opens with the plural noun it counts ("Fuldtidspersoner på
            // offentlig forsørgelse i alt"), perhaps after an adjective ("Nye
            // sygedagpengesager i forsøget").
            let first = past_adjective(words.iter().map(|w| w.to_lowercase()))?;
            (first.chars().all(char::is_alphabetic)
                && first.chars().count() >= 5
                && first.ends_with("er"))
            .then(|| ("count".into(), Some(first), 1.0))
        }
    }
}

/// Words that end the noun a table's row label counts ("Sygemeldte i forløb").
const PREPOSITIONS: &[&str] = &[
    "i", "på", "med", "til", "for", "af", "uden", "efter", "ved", "fra", "om", "hos",
];

fn is_year_str(d: &str) -> bool {
    d.len() == 4 && d.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

fn header_duration(ctx: &str) -> Option<&'static str> {
    // "Forventet antal borgere pr. år" counts citizens: a rate's "pr. år" is no unit.
    let words: Vec<&str> = ctx.split(|c: char| !c.is_alphanumeric()).collect();
    words.iter().enumerate().find_map(|(k, w)| {
        let per = k >= 2 && matches!(words[k - 2], "pr" | "per") && words[k - 1].is_empty();
        let per = per || (k >= 1 && matches!(words[k - 1], "pr" | "per" | "om"));
        (!per).then(|| duration_unit(w)).flatten()
    })
}

/// What a header says before the year or period it closes with: "Bevilgede
/// revalideringer 2018-2020" → "Bevilgede revalideringer". None when it closes with none,
/// or nothing stands before it.
pub fn before_period(h: &str) -> Option<&str> {
    static PERIOD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?$")
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    let h = h.trim();
    let m = PERIOD_AFTER.find(h)?;
    (m.start() > 0).then(|| &h[..m.start()])
}

/// The counted noun of a header: `Antal borgere` -> `borgere`.
fn header_noun(h: &str) -> Option<String> {
    // "Rehab-light: sager uden møde": whose column, then what it counts.
    if let Some(noun) = h.split_once(": ").and_then(|(_, what)| header_noun(what)) {
        return Some(noun);
    }
    // "Samtaler i alt (N)": a total of what the column counts.
    if let Some(bare) = h.strip_suffix("(N)").or_else(|| h.strip_suffix("(n)")) {
        let bare = bare.trim();
        return header_noun(bare.strip_suffix(" i alt").unwrap_or(bare));
    }
    // "Borgere i 2020", "Lån pr. 2021": what the column counts in that year.
    static NOUN_IN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\p{L}{3,})\s+(?:i|pr\.?|per)\s+(?:19|20)\d\d$")
            .unwrap_or_else(|e| panic!("regex: {e}"))
    });
    if let Some(c) = NOUN_IN_YEAR.captures(h.trim()) {
        return Some(c[1].to_lowercase());
    }
    // "Bevilgede revalideringer 2018-2020", "Antal borgere 2020": what the column counts
    // over that period.
    if let Some(before) = before_period(h) {
        return header_noun(before);
    }
    let words: Vec<&str> = hyphenated_words(h).collect();
    let antal = words.iter().position(|w| w.eq_ignore_ascii_case("antal"));
    // "Sager (antal)", "Forløb, antal": the noun before the count's mark.
    let marked_after = h.contains("(antal") || h.to_lowercase().contains(", antal");
    // (… or the label's head noun before what qualifies it: "Sygemeldte i målgruppen
    // (antal)", "Revurderinger pr. halvår (antal)". A note's digit stuck to the noun is
    // no part of it: "Bevilgede mentorforløb3 (antal)".)
    if let (Some(pos), true) = (antal, marked_after) {
        let noun = |w: &&str| {
            let w = w
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .to_lowercase();
            plural_noun(&w).then_some(w)
        };
        let before = pos.checked_sub(1).and_then(|k| words.get(k));
        if let Some(noun) = before
            .and_then(noun)
            .or_else(|| words.first().and_then(noun))
        {
            return Some(noun);
        }
    }
    match antal {
        Some(pos) => {
            let content: Vec<&&str> = words
                .iter()
                .skip(pos + 1)
                .filter(|w| !STOP.contains(&w.to_lowercase().as_str()))
                .collect();
            // (An adjective alone is the noun: "Antal sygemeldte", "Antal ledige".)
            content
                .iter()
                .find(|w| !is_adjective(w))
                .or_else(|| content.last().filter(|_| content.len() == 1))
                .map(|w| w.to_string())
        }
        // A plural noun alone is what the column counts ("Borgere", "Kommuner",
        // "Sparede samtaler"); a reference ("Runde", "Nr.") is not.
        None => {
            let (last, rest) = words.split_last()?;
            let last = last.to_lowercase();
            if rest.len() <= 1 && plural_noun(&last) {
                return Some(last);
            }
            // … or one that opens a longer header ("Jobafklaringssager i teamet", "Borgere
            // omfattet").
            // ("Unge i støtteforsøget fordelt på henvendelsesårsag": a plural of its own.)
            let first = words.first()?.to_lowercase();
            let own_plural = ["unge", "ældre", "voksne", "børn"].contains(&first.as_str());
            // (… also a noun alike in both numbers when a preposition follows it:
            // "Praktikforløb efter forsøgsreglerne", "Sager uden lægeattest".)
            let qualified = rest.get(1).is_some_and(|w| {
                ["efter", "uden", "med", "under", "i", "på"].contains(&w.to_lowercase().as_str())
            });
            ((first.chars().count() >= 5
                && (first.ends_with("er") || first.ends_with("ere") || qualified)
                && plural_noun(&first))
                || own_plural)
                .then_some(first)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_and_a_half_and_a_gapped_figure() {
        assert_eq!(
            vals("Tre og et halvt år med samtaleforsøget"),
            [(3.5, "years".to_string(), None)]
        );
        let v = vals("Herning har undladt 214 revurderinger og Ikast-Brande 87.");
        assert_eq!(v[1], (87.0, "count".into(), Some("revurderinger".into())));
        let v = vals("I Herning er andelen 24,3 % mens Holstebro 19,1.");
        assert_eq!(v[1].1, "percent");
        // (Not a number after a place without a figure before it.)
        assert!(vals("Mødet holdes hos Herning og Ikast-Brande 2.").is_empty());
    }

    #[test]
    fn a_bare_number_listed_with_others_takes_their_unit() {
        // A part of a counted whole; the bare numbers of "antallet af <noun>".
        let v = vals("Rudersdal står for 1.139 af de 1.622 anmeldelser i 2020.");
        assert_eq!(v[0], (1139.0, "count".into(), Some("anmeldelser".into())));
        let v = vals("Målet er nået i 2 af 4 kommuner.");
        assert_eq!(v[0], (2.0, "count".into(), Some("kommuner".into())));
        let v = vals("Der er modtaget afrapporteringer for 6 af netværkets 12 kombinationer.");
        assert_eq!(v[0], (6.0, "count".into(), Some("kombinationer".into())));
        let v = vals("Antallet af revurderinger er faldet fra 96 til 3, et fald på 96,9 %.");
        assert_eq!(v[0], (96.0, "count".into(), Some("revurderinger".into())));
        assert_eq!(v[1], (3.0, "count".into(), Some("revurderinger".into())));
        let v = vals("der blev indhentet henholdsvis 412 og 298 færre attester");
        assert_eq!(v[0], (412.0, "count".into(), Some("attester".into())));
        // A bare list after henholdsvis counts the noun of the label before the colon.
        let v = vals("Nye sager i 1., 2. og 3. kvt.: henholdsvis 188, 142 og 171");
        assert_eq!(
            v,
            [188.0, 142.0, 171.0].map(|n| (n, "count".to_string(), Some("sager".to_string())))
        );
        // … and so do counts by period after such a label.
        let v = vals("Forlængede ressourceforløb: 4 i 1. kvt., 6 i 2. kvt. og 5 i 3. kvt.");
        let counted = Some("ressourceforløb".to_string());
        assert_eq!(
            v,
            [4.0, 6.0, 5.0].map(|n| (n, "count".to_string(), counted.clone()))
        );
        let v = vals("varigheden faldt med henholdsvis 0,7 og 1,0 uge");
        assert_eq!(v[0], (0.7, "weeks".into(), None));
        let v = vals("de fik 12, 15 og 18 borgere i job");
        assert_eq!(v.len(), 3);
        assert_eq!(v[0], (12.0, "count".into(), Some("borgere".into())));
        // Years and references are no such list.
        assert!(vals("i 2018 og 2019 borgere").iter().all(|x| x.0 != 2018.0));
    }

    #[test]
    fn an_english_sentence_is_read_as_english() {
        let v = vals("A total of 1,300 jobseekers were employed with a wage subsidy under the trial rules, of whom 512 in Holstebro.");
        assert_eq!(v[0], (1300.0, "count".into(), Some("jobseekers".into())));
        assert!(vals("The number of participants is too small to measure the effect.").is_empty());
        // A Danish sentence naming an English title keeps its figures.
        let v = vals("Rapporten fra Oxford Research (The Danish Case) viser, at 1.300 ledige og 512 borgere var i job.");
        assert_eq!(v[0], (1300.0, "count".into(), Some("ledige".into())));
    }

    #[test]
    fn a_header_says_what_its_column_counts() {
        assert_eq!(header_noun("Borgere i 2020").as_deref(), Some("borgere"));
        // Whose column before a colon, then what it counts.
        assert_eq!(
            header_noun("Rehab-light: sager uden møde").as_deref(),
            Some("sager")
        );
        assert_eq!(
            header_noun("LÆ 285-forsøget: sparede attester").as_deref(),
            Some("attester")
        );
    }

    fn vals(s: &str) -> Vec<(f64, String, Option<String>)> {
        let mut ctx = Context::default();
        scan(Catalog::builtin_ref(), s, &[], &mut ctx)
            .into_iter()
            .map(|q| (q.value, q.unit, q.counted))
            .collect()
    }

    /// Asserts the value and unit of each figure in `s` (what `vals` gives, without the
    /// counted noun).
    fn assert_units(s: &str, want: &[(f64, &str)]) {
        let got: Vec<(f64, String)> = vals(s).into_iter().map(|(v, u, _)| (v, u)).collect();
        let want: Vec<(f64, String)> = want.iter().map(|&(v, u)| (v, u.to_string())).collect();
        assert_eq!(got, want, "{s}");
    }

    /// A count of `c`, as `vals` gives it.
    fn count(n: f64, c: &str) -> (f64, String, Option<String>) {
        (n, "count".to_string(), Some(c.to_string()))
    }

    fn one(s: &str) -> (f64, String) {
        let v = vals(s);
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        (v[0].0, v[0].1.clone())
    }

    #[test]
    fn a_year_that_says_when_is_no_duration() {
        // "890 sidste år": 890 of what the sentence counts, last year; not 890 years.
        let v = vals("Antallet er faldet fra 1.380 i 2017 til 890 sidste år.");
        assert!(v.iter().all(|(_, unit, _)| unit == "count"), "{v:?}");
        assert_eq!(one("Forløbet varer 2 år."), (2.0, "years".into()));
    }

    #[test]
    fn money_and_percent() {
        // The accountant's minus, glued to its number; a dash before one is no sign.
        assert_eq!(
            one("Budgettet har skønnede besparelser på ÷2,1 mio. kr."),
            (-2_100_000.0, "DKK".into())
        );
        assert_eq!(
            one("Udgiften er – efter regulering – 300.000 kr."),
            (300_000.0, "DKK".into())
        );
        assert_eq!(
            one("Der er sparet ca. 3.600.000 kr. i alt"),
            (3_600_000.0, "DKK".into())
        );
        assert_eq!(
            one("en besparelse på knap 1.4 mio. kr."),
            (1_400_000.0, "DKK".into())
        );
        assert_eq!(one("det koster 2,5 mio. kr."), (2_500_000.0, "DKK".into()));
        assert_eq!(one("det koster knap 1,4 mio."), (1_400_000.0, "DKK".into()));
        assert_eq!(one("hele 86,1 % svarer"), (86.1, "percent".into()));
        assert_eq!(one("hele 62,5 pct. svarer"), (62.5, "percent".into()));
        assert_eq!(
            one("i gennemsnit en halv time mindre"),
            (0.5, "hours".into())
        );
        assert_eq!(one("i et halvt år"), (0.5, "years".into()));
        // An OCR layer's `2½ år`.
        assert_eq!(one("når der er gået 2% år"), (2.5, "years".into()));
        assert_eq!(one("hele 2 % af årets sager"), (2.0, "percent".into()));
        assert_eq!(one("Beløbet er 250 t.kr. i år"), (250_000.0, "DKK".into()));
        assert_eq!(
            one("hvor 3 ud af 4 har været i praktik"),
            (75.0, "percent".into())
        );
        assert_eq!(
            one("besparelser på over en million kroner om året"),
            (1_000_000.0, "DKK".into())
        );
        // Footnote marks after the number, as the text stage writes them.
        assert_eq!(one("en besparelse på 1.300¹ kr."), (1300.0, "DKK".into()));
        assert_eq!(
            one("sparet 3.600.000 ² kr. i alt"),
            (3_600_000.0, "DKK".into())
        );
    }

    #[test]
    fn durations_and_counts() {
        assert_eq!(
            one("opfølgning hver gang der er gået 2½ år"),
            (2.5, "years".into())
        );
        assert_eq!(one("det tog 1½ time at gøre"), (1.5, "hours".into()));
        assert_eq!(one("over 6 ugers kursus"), (6.0, "weeks".into()));
        assert_eq!(one("de tre deltagende kommuner"), (3.0, "count".into()));
        assert_eq!(one("Det er sket to gange i år"), (2.0, "count".into()));
        assert_eq!(one("cirka 1.300 lægetimer"), (1300.0, "hours".into()));
        assert_eq!(one("ca. 0,7 fraværsdage"), (0.7, "days".into()));
        assert_eq!(one("12 kursusdage"), (12.0, "days".into()));
        assert_eq!(
            one("Det er en tredjedel af borgerne"),
            (33.33, "percent".into())
        );
        let v = vals("I alt 10 nordjyske kommuner");
        assert_eq!(v[0].2.as_deref(), Some("kommuner"));
    }

    #[test]
    fn ranges() {
        let v = vals("mellem 4.000 og 12.000 kr. pr. forløb");
        assert_eq!(v.len(), 2);
        assert_eq!((v[0].0, v[1].0), (4000.0, 12000.0));
        assert!(v.iter().all(|x| x.1 == "DKK"));
        let v = vals("korte praktikker på 2 - 4 uger");
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v.iter().all(|x| x.1 == "weeks"));
        let v = vals("Forsøgene har kørt i 1,5-2,5 år nu");
        assert_eq!((v[0].0, v[1].0), (1.5, 2.5));
        // An average's word between "fra" and the number.
        let v = vals("Tiden er faldet fra gennemsnitligt 17 til 5 dage");
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v.iter().all(|x| x.1 == "days"), "{v:?}");
        assert_eq!(
            vals("Antallet af møder pr. borger er faldet fra gennemsnitligt 7 til 3 om året."),
            vec![count(7.0, "møder"), count(3.0, "møder")]
        );
        assert_eq!(
            vals("Antallet af helårspersoner er steget med 41 siden budgetlægningen."),
            vec![count(41.0, "helårspersoner")]
        );
        assert_eq!(
            vals("I 2019 blev 2.214 af i alt 3.870 samtaler holdt digitalt."),
            vec![count(2214.0, "samtaler"), count(3870.0, "samtaler")]
        );
    }

    #[test]
    fn not_figures() {
        assert!(vals("opfølgning hver 6. måned og i 3. kvartal").is_empty());
        assert!(vals("Mødet er d. 7. november 2019 i perioden 2016-2020").is_empty());
        assert!(vals("indhente attest (LÆ 285) og LÆ265").is_empty());
        assert!(vals("Til 1. ansøgningsrunde i Runde 2 (ansøgning 4)").is_empty());
        assert!(vals("forsøg med 1) lægeattester og 2) sager").is_empty());
        assert!(vals("deltagelse på Folkemødet 19, om erfaringerne i 2020").is_empty());
        assert!(vals("kun plads til en borger").is_empty());
        assert!(vals("Beskæftigelsesudvalget 2019-20").is_empty());
    }

    #[test]
    fn bare_numbers_count_the_last_noun() {
        let mut ctx = Context::default();
        let a = scan(
            Catalog::builtin_ref(),
            "der blev bevilget 25 kurser.",
            &[],
            &mut ctx,
        );
        let b = scan(
            Catalog::builtin_ref(),
            "Ud af de 25 er 9 kommet i job og 4 i forløb.",
            &[],
            &mut ctx,
        );
        assert_eq!(a.len(), 1);
        assert_eq!(b.len(), 3, "{b:?}");
        assert!(b.iter().all(|q| q.counted.as_deref() == Some("kurser")));
        // … and so does the count it is compared with.
        let c = scan(
            Catalog::builtin_ref(),
            "Der blev indhentet 871 attester mod 1.982 i 1. halvår 2016.",
            &[],
            &mut Context::default(),
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[1].counted.as_deref(), Some("attester"));
        // … and the counts of other periods, given by their labels.
        let d = scan(
            Catalog::builtin_ref(),
            "3. kvt.: 38 nye forløb (2. kvt.: 21, 1. kvt.: 44)",
            &[],
            &mut Context::default(),
        );
        let counts: Vec<f64> = d.iter().map(|q| q.value).collect();
        assert_eq!(counts, [38.0, 21.0, 44.0], "{d:?}");
    }

    #[test]
    fn counts_for_other_places_and_parts() {
        assert_eq!(
            vals("ca. 40 borgere i Svendborg, 11 på Langeland og 6 på Ærø"),
            vec![
                count(40.0, "borgere"),
                count(11.0, "borgere"),
                count(6.0, "borgere")
            ]
        );
        assert_eq!(
            vals("I Helsingør har 86 borgere haft en mentor, i Hillerød 54."),
            vec![count(86.0, "borgere"), count(54.0, "borgere")]
        );
        assert_eq!(
            vals("I Gentofte blev 71 pct. afgjort, i Lyngby-Taarbæk 58 pct."),
            vec![
                (71.0, "percent".into(), None),
                (58.0, "percent".into(), None)
            ]
        );
        assert_eq!(
            vals("Rødovre står for 58 af forløbene."),
            vec![count(58.0, "forløb")]
        );
        assert_eq!(
            vals("12 deltagere, hvoraf 9 fortsat driver virksomhed."),
            vec![count(12.0, "deltagere"), count(9.0, "deltagere")]
        );
        assert_eq!(
            vals("Middelfart, der har færrest forløb (23), ligger lavest."),
            vec![count(23.0, "forløb")]
        );
        // A list mark or reference in parentheses, a street number: no figure.
        assert!(vals("Se bilag (3) og evaluer (1) effekten.").is_empty());
        assert!(vals("Mødet holdes på Vestergade 54.").is_empty());
        // The currency before the number, a difference in percentage points.
        assert_eq!(
            vals("merudgifter på kr. 450.000 årligt"),
            vec![(450_000.0, "DKK".into(), None)]
        );
        assert_eq!(
            vals("faldet med 3,5 procentpoint"),
            vec![(3.5, "percent".into(), None)]
        );
    }

    #[test]
    fn a_measure_for_another_place_keeps_its_unit() {
        assert_units(
            "Der er købt 1.501 mentortimer, heraf 723 timer i Svendborg, 508 i Faaborg-Midtfyn og 270 på Ærø.",
            &[(1501.0, "hours"), (723.0, "hours"), (508.0, "hours"), (270.0, "hours")],
        );
    }

    #[test]
    fn a_count_before_an_aside_is_read() {
        assert_units(
            "Af de 268 borgere, der har afsluttet et forløb, var 120 – eller 44,8 % – i job.",
            &[(268.0, "count"), (120.0, "count"), (44.8, "percent")],
        );
    }

    #[test]
    fn elliptic_counts_take_the_last_noun() {
        let mut ctx = Context::default();
        let a = scan(
            Catalog::builtin_ref(),
            "Fire forsøg, to er afsluttet.",
            &[],
            &mut ctx,
        );
        assert_eq!(
            a.iter()
                .map(|q| (q.value, q.counted.clone()))
                .collect::<Vec<_>>(),
            vec![(4.0, Some("forsøg".into())), (2.0, Some("forsøg".into()))]
        );
        let b = scan(
            Catalog::builtin_ref(),
            "To af dem er afsluttet.",
            &[],
            &mut ctx,
        );
        assert_eq!(b.len(), 1);
        // Not a count: "to" inside a clause, or with nothing counted before.
        assert!(scan(Catalog::builtin_ref(), "De to er enige.", &[], &mut ctx).is_empty());
        assert!(scan(
            Catalog::builtin_ref(),
            "To er enige.",
            &[],
            &mut Context::default()
        )
        .is_empty());
        // Places with their share in parentheses, the noun left out.
        let v = vals("57 borgere er startet (Vejle 31, Horsens 19, Fredericia 7).");
        let borgere = |n: f64| (n, "count".to_string(), Some("borgere".to_string()));
        assert_eq!(
            v,
            [borgere(57.0), borgere(31.0), borgere(19.0), borgere(7.0)]
        );
        // A part of what the sentence counted, or of a definite plural.
        let v = vals("Netværket har syv forsøg, og Frederiksberg deltager i fire af dem.");
        assert_eq!(v[1], (4.0, "count".into(), Some("forsøg".into())));
        let v = vals("Det foreslås at forlænge tre af forsøgene.");
        assert_eq!(v, [(3.0, "count".into(), Some("forsøg".into()))]);
    }

    #[test]
    fn regression_tables_give_estimates_bounds_and_cases_not_test_statistics() {
        let caption = "Tabel B.2 Effekt på andelen i beskæftigelse, procentpoint";
        let cell = |c: &str, h: &str| table_cell(c, h, "Egedal", caption, false);
        let q = cell("6,3***", "Estimat").map(|q| (q.value, q.unit));
        assert_eq!(q, Some((6.3, "percent".to_string())));
        assert!(cell("2,6", "Std.fejl").is_none());
        assert!(cell("0,115", "p-værdi").is_none());
        // The cases are counted, whatever unit the caption gives the estimates.
        let q = cell("118", "Borgere i forsøgsgruppen (N)").map(|q| (q.unit, q.counted));
        assert_eq!(q, Some(("count".to_string(), Some("borgere".to_string()))));
        assert_eq!(range_bounds("-1,0 til 9,2"), Some(("-1,0", "9,2")));
        assert_eq!(range_bounds("[0,3; 5,3]"), Some(("0,3", "5,3")));
        assert_eq!(range_bounds("1,6 til 11,0 mio."), None);
    }

    #[test]
    fn ledger_columns() {
        let caption = "Delprojekt 4410-04 Befordring uden egenandel – Langeland og Ærø";
        let cell = |c: &str, h: &str| table_cell(c, h, "15.09.2020", caption, false);
        // A credit balance: the minus after the amount.
        let q = cell("38.400,00-", "Saldo").map(|q| (q.value, q.unit));
        assert_eq!(q, Some((-38400.0, "DKK".to_string())));
        let q = cell("17.500,00", "Debet").map(|q| (q.value, q.unit));
        assert_eq!(q, Some((17500.0, "DKK".to_string())));
        // A voucher's or account's number counts nothing.
        assert!(cell("2009202", "Bilagsnr.").is_none());
        assert!(cell("4410", "Konto").is_none());
        // A co-payment is no share in per cent.
        assert!(!matches!(
            column_unit("Egenandel"),
            Some(ColumnUnit::Percent)
        ));
        assert!(matches!(
            column_unit("Kvindeandelen"),
            Some(ColumnUnit::Percent)
        ));
    }

    #[test]
    fn table_cells() {
        let q = table_cell("1.250", "Besparelse", "Aalborg", "Beløb i 1.000 kr.", false);
        assert_eq!(
            q.map(|q| (q.value, q.unit)),
            Some((1_250_000.0, "DKK".into()))
        );
        // Staff in its own unit under a caption in thousands of kroner.
        let q = table_cell(
            "-0,8",
            "2021",
            "Personale (årsværk)",
            "Økonomi (1.000 kr.)",
            false,
        );
        assert_eq!(
            q.map(|q| (q.value, q.unit, q.counted)),
            Some((-0.8, "count".into(), Some("årsværk".into())))
        );
        // Danish accounts write a minus as `÷`.
        let q = table_cell(
            "÷1.250",
            "Besparelser",
            "Attestforsøget",
            "(i 1.000 kr.)",
            false,
        );
        assert_eq!(q.map(|q| q.value), Some(-1_250_000.0));
        // A count column under a caption in weeks counts (its period is no unit).
        let q = table_cell(
            "71",
            "Bevilgede revalideringer 2018-2020",
            "Svendborg",
            "Tabel B.2 Revalideringsforsøget: sagsbehandlingstid fra første henvendelse til bevilling af revalidering, uger, fordelt på kommune 1)",
            false,
        );
        assert_eq!(
            q.map(|q| (q.unit, q.counted)),
            Some(("count".into(), Some("revalideringer".into())))
        );
        // An indicator's code is no part of what the row counts.
        let q = table_cell(
            "19",
            "2018",
            "B1 Borgere startet på kursus (antal)",
            "",
            false,
        );
        assert_eq!(q.and_then(|q| q.counted), Some("borgere".into()));
        let q = table_cell("42", "Antal borgere", "Aalborg", "", false);
        assert_eq!(q.and_then(|q| q.counted), Some("borgere".into()));
        // A note's mark is no part of the figure.
        let q = table_cell("60,2 3)", "Andel uden attest (%)", "I alt", "", false);
        assert_eq!(q.map(|q| (q.value, q.unit)), Some((60.2, "percent".into())));
        // A significance mark is no part of the figure.
        let q = table_cell(
            "6,8***",
            "Forskel (procentpoint)",
            "Efter 52 uger",
            "",
            false,
        );
        assert_eq!(q.map(|q| (q.raw, q.value)), Some(("6,8".into(), 6.8)));
        // A row label's unit in parentheses decides over the prose above the table.
        let above = "Et samlet tilsyn hvert andet år erstatter det årlige.";
        for (row, unit) in [
            ("Tid til tilsynsrapport (dage)", "days"),
            ("Anmeldte tilsynsbesøg (antal)", "count"),
            ("Udgift pr. sag (kr.)", "DKK"),
            ("Antal unge (N)", "count"),
        ] {
            let q = table_cell("16", "Resultat 2019", row, above, false);
            assert_eq!(q.map(|q| q.unit), Some(unit.into()), "{row}");
        }
        // … and under a header that names a group, not a unit.
        let caption = "Tabel 3.1 Resultater ved opfølgning";
        let q = table_cell("63,6", "Forsøgsgruppe", "I job (%)", caption, false);
        assert_eq!(q.map(|q| q.unit), Some("percent".into()));
        // The noun a row counts stands before a preposition, after a trial's name.
        for (row, noun) in [
            ("Ledige startet i behandling", "ledige"),
            ("Psykologforsøget: sygemeldte i forløb", "sygemeldte"),
            ("Påbegyndte forløb i alt", "forløb"),
        ] {
            let q = table_cell("29", "2020", row, "", false);
            assert_eq!(q.and_then(|q| q.counted), Some(noun.into()), "{row}");
        }
        // Quarters across (the corner cell gives the year); a label led by an adjective.
        let q = table_cell(
            "412",
            "1. kvt.",
            "Nye sygedagpengesager i forsøget",
            "",
            false,
        );
        assert_eq!(q.and_then(|q| q.counted), Some("sygedagpengesager".into()));
        // A money row with its own factor, under quarters.
        let q = table_cell(
            "312",
            "4. kvt. 2018",
            "Sparede udgifter i alt (1.000 kr.)",
            "",
            false,
        );
        assert_eq!(
            q.map(|q| (q.value, q.unit)),
            Some((312_000.0, "DKK".into()))
        );
        // A row label marked "(antal)" counts its head noun, without a note's digit.
        for (row, noun) in [
            ("Sygemeldte i målgruppen (antal)", "sygemeldte"),
            ("Bevilgede mentorforløb3 (antal)", "mentorforløb"),
        ] {
            let q = table_cell("205", "2019", row, "", false);
            assert_eq!(q.and_then(|q| q.counted).as_deref(), Some(noun));
        }
        // A header that opens with the noun it counts is no money column, whatever else
        // the caption says the table holds.
        let caption = "Tabel 1. Borgere omfattet og opgjort besparelse pr. forsøg";
        let q = table_cell("34", "Borgere omfattet", "Ishøj", caption, false);
        assert_eq!(
            q.map(|q| (q.value, q.unit, q.counted)),
            Some((34.0, "count".into(), Some("borgere".into())))
        );
        assert!(table_cell("Aalborg", "Kommune", "", "", false).is_none());
        // The header decides before the caption; "mikrolån" is no "kr".
        let q = table_cell(
            "31",
            "Antal lån",
            "Aalborg",
            "Tabel 1. Bevilgede mikrolån",
            false,
        );
        assert_eq!(
            q.map(|q| (q.unit, q.counted)),
            Some(("count".into(), Some("lån".into())))
        );
        // Years across: the row label says what the cell counts.
        let unit = |cell: &str, row: &str, caption: &str| {
            table_cell(cell, "2019", row, caption, false).map(|q| (q.unit, q.counted, q.value))
        };
        let nøgletal = "Tabel 2. Nøgletal";
        assert_eq!(
            unit("148", "Påbegyndte forløb", nøgletal),
            Some(("count".into(), Some("forløb".into()), 148.0))
        );
        assert_eq!(
            unit("64", "Raskmeldt ved afslutning, pct.", nøgletal),
            Some(("percent".into(), None, 64.0))
        );
        // A header that names what it counts in a year decides over the caption.
        assert_eq!(
            table_cell(
                "118",
                "Borgere i 2020",
                "Mikrolån",
                "Udgifter i 1.000 kr.",
                false
            )
            .map(|q| (q.unit, q.counted)),
            Some(("count".into(), Some("borgere".into())))
        );
        // Under a money caption the caption decides, whatever the row is called.
        assert_eq!(
            unit("48,5", "Møder og konferencer", "Beløb i 1.000 kr."),
            Some(("DKK".into(), None, 48_500.0))
        );
        // A plural noun alone as the header is what the column counts, whatever the
        // caption; a singular one is not ("Indholdsfortegnelse" over page numbers).
        let counted = |cell: &str, header: &str| {
            table_cell(
                cell,
                header,
                "Mentorforsøget",
                "Borgere og besparelser",
                false,
            )
            .and_then(|q| q.counted)
        };
        assert_eq!(counted("3", "Kommuner"), Some("kommuner".into()));
        assert_eq!(counted("131", "Sparede samtaler"), Some("samtaler".into()));
        assert_eq!(counted("212", "Borgere"), Some("borgere".into()));
        assert!(table_cell("4", "Indholdsfortegnelse", "Svar på forslag", "", false).is_none());
        // The count's mark after the noun.
        assert_eq!(counted("142", "Sager (antal)"), Some("sager".into()));
        assert_eq!(counted("84", "Forløb, antal"), Some("forløb".into()));
        assert_eq!(
            counted("177", "Undladte attester (antal)"),
            Some("attester".into())
        );
    }
}
