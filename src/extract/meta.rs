//! Document metadata: kind, title, date, issuing body and case numbers. The date is
//! only one the document states as its own (a running footer `Oktober 2019`, a
//! `Mødedato:` line, a date standing alone at the top), never a date in running text.

use super::document::DocumentKind;
use super::structure::{Kind, Paragraph};
use super::words::words;
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

fn re(s: &str) -> Regex {
    Regex::new(s).unwrap_or_else(|e| panic!("regex {s}: {e}"))
}

/// Danish month names, January first.
pub(crate) const MONTHS: &[&str] = &[
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(\d{1,2})\.\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\s+(\d{4})\b",
    )
});
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\s+(\d{4})\b",
    )
});
static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b"));

fn month_number(m: &str) -> Option<usize> {
    let l = m.to_lowercase();
    MONTHS.iter().position(|x| *x == l).map(|i| i + 1)
}

/// The first date in a text, as `YYYY-MM-DD` or `YYYY-MM`.
pub fn parse_date(s: &str) -> Option<String> {
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        let d: u32 = c[1].parse().ok()?;
        let m = month_number(&c[2])?;
        return (1..=31)
            .contains(&d)
            .then(|| format!("{}-{m:02}-{d:02}", &c[3]));
    }
    if let Some(c) = NUMERIC_DATE.captures(s) {
        if let (Some(d), Some(m), Some(y)) = (c.get(1), c.get(2), c.get(3)) {
            let d: u32 = d.as_str().parse().ok()?;
            let m: u32 = m.as_str().parse().ok()?;
            if (1..=31).contains(&d) && (1..=12).contains(&m) {
                return Some(format!("{}-{m:02}-{d:02}", y.as_str()));
            }
        } else if let (Some(y), Some(m), Some(d)) = (c.get(4), c.get(5), c.get(6)) {
            return Some(format!("{}-{}-{}", y.as_str(), m.as_str(), d.as_str()));
        }
    }
    let c = MONTH_YEAR.captures(s)?;
    let m = month_number(&c[1])?;
    Some(format!("{}-{m:02}", &c[2]))
}

/// A date standing (nearly) alone on a line: `Oktober 2019`, `Mødedato: 7. november
/// 2019`, `Aalborg, d. 12. december 2017`.
fn standalone_date(line: &str) -> Option<String> {
    // ("Gældende fra: 1. april 2019" is when a standard takes effect, not its date.)
    let l = line.trim_start().to_lowercase();
    if ["gældende", "gyldig", "ikrafttræden", "virkning"]
        .iter()
        .any(|w| l.starts_with(w))
    {
        return None;
    }
    let date = parse_date(line)?;
    let stripped = DAY_MONTH_YEAR.replace_all(line, "");
    let stripped = MONTH_YEAR.replace_all(&stripped, "");
    let stripped = NUMERIC_DATE.replace_all(&stripped, "");
    const ALLOWED: &[&str] = &[
        "dato",
        "mødedato",
        "møde",
        "mødet",
        "den",
        "d",
        "afholdt",
        "kl",
        "mandag",
        "tirsdag",
        "onsdag",
        "torsdag",
        "fredag",
        "lørdag",
        "søndag",
        "referat",
        "fra",
        "dateret",
        "udgivet",
        // "Høringsudkast af 1. december 2017".
        "af",
        // A running header's page number and access mark ("Åbent referat … Side 1").
        "side",
        "åbent",
        "lukket",
    ];
    let mut proper = 0;
    for w in words(&stripped) {
        let l = w.to_lowercase();
        if ALLOWED.contains(&l.as_str()) || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if w.chars().next().is_some_and(char::is_uppercase) && proper == 0 {
            proper += 1;
            continue;
        }
        return None;
    }
    Some(date)
}

/// The date the document states for itself.
pub fn date(paras: &[Paragraph], furniture: &[String]) -> Option<String> {
    if let Some(d) = furniture.iter().find_map(|l| standalone_date(l)) {
        return Some(d);
    }
    // A running header of parts that ends with the date alone ("Frikommunenetværket X ·
    // Udtræk af opslag · 19.04.2021"; not a statute's "Lovtidende A · Udgivet den …",
    // which is dated when signed).
    let last_part = |l: &String| {
        l.rsplit_once(" · ")
            .filter(|(_, last)| last.starts_with(|c: char| c.is_ascii_digit()))
            .and_then(|(_, last)| standalone_date(last))
    };
    if let Some(d) = furniture.iter().find_map(last_part) {
        return Some(d);
    }
    let masthead = || {
        paras
            .iter()
            .take(8)
            .filter(|p| !matches!(p.kind, Kind::TableRow(_)) && p.page == 1)
    };
    // A letter's dateline ("Thisted, den 12. marts 2021") below the addresses.
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?,\s+(?:den\s+|d\.\s*)?(\d{1,2}\.\s*\p{L}+\s+(?:19|20)\d\d)\.?$",
        )
    });
    let dateline = || {
        paras
            .iter()
            .take(20)
            .filter(|p| p.page == 1)
            .find_map(|p| DATELINE.captures(p.text.trim()))
            .and_then(|c| parse_date(&c[1]))
    };
    // A letter's "Dato:" field, below address blocks that push it past the masthead.
    // Field lines on page 1 (label in lower case, value), for the two below.
    let fields = || {
        paras
            .iter()
            .take(20)
            .filter(|p| p.page == 1)
            .filter_map(|p| p.text.split_once(':'))
            .map(|(label, value)| (label.trim().to_lowercase(), value.trim()))
    };
    // (An exported report's "Dannet: 15-10-2019 08:41 af …": made then, whatever period
    // its "Periode:" line covers.)
    let made = ["dannet", "udskrevet", "genereret", "udtrukket"];
    let date_field = || {
        fields().find_map(|(label, value)| {
            // (A report's "Rapportdato:" is its own date, not the "Tilsynsdato:" above.)
            if ["dato", "rapportdato", "udgivelsesdato"].contains(&label.as_str()) {
                standalone_date(value)
            } else if made.contains(&label.as_str()) {
                let first = value.split_whitespace().next().unwrap_or("");
                parse_date(value).filter(|_| {
                    NUMERIC_DATE.is_match(first)
                        || DAY_MONTH_YEAR.find(value).is_some_and(|m| m.start() == 0)
                })
            } else {
                None
            }
        })
    };
    // A speech's or meeting's "Tid og sted: Torsdag den 27. februar 2020 kl. 9.15, …",
    // "Dato og tid: 24.09.2019 kl. 13:00-15:45".
    let time_field = || {
        let when = ["tid og sted", "tidspunkt", "tid", "mødedato", "dato og tid"];
        fields().find_map(|(label, value)| {
            when.contains(&label.as_str())
                .then(|| {
                    DAY_MONTH_YEAR
                        .find(value)
                        .or_else(|| NUMERIC_DATE.find(value))
                })
                .flatten()
                .and_then(|m| parse_date(m.as_str()))
        })
    };
    // (A "Dato:" field is the document's own date: an appendix's masthead may name the
    // meeting it goes to, "Arbejdsmarkedsudvalget den 4. marts 2020".)
    // The answer to a form's numbered field ("6. Forsøgsstart i kommunen *" / "1. april
    // 2018") is no date line of the document.
    let answers = |k: usize| {
        k.checked_sub(1)
            .and_then(|k| paras.get(k))
            .is_some_and(|q| matches!(q.kind, Kind::Numbered(_)))
    };
    date_field()
        .or_else(|| {
            paras
                .iter()
                .enumerate()
                .take(8)
                .filter(|(k, p)| {
                    !matches!(p.kind, Kind::TableRow(_)) && p.page == 1 && !answers(*k)
                })
                .filter(|(_, p)| p.text.split_whitespace().count() <= 10)
                .find_map(|(_, p)| standalone_date(&p.text))
        })
        .or_else(dateline)
        .or_else(time_field)
        // A letter's date line below its address blocks ("18. december 2017").
        .or_else(|| {
            paras
                .iter()
                .enumerate()
                .take(20)
                .filter(|(k, p)| p.page == 1 && !answers(*k))
                .find_map(|(_, p)| standalone_date(&p.text))
        })
        // A form signed at its end: "Dato: 19. februar 2021" above the signature.
        .or_else(|| {
            paras.iter().rev().find_map(|p| {
                let (label, value) = p.text.split_once(':')?;
                (label.trim().eq_ignore_ascii_case("dato"))
                    .then(|| standalone_date(value.trim()))
                    .flatten()
            })
        })
        // A masthead of parts ("Nyhedsbrev fra … · Nr. 3 · Juni 2019", "Endelig rapport,
        // maj 2021"): a part that is a date.
        .or_else(|| {
            masthead().find_map(|p| {
                p.text.split(['·', '|', ',']).skip(1).find_map(|part| {
                    standalone_date(part.trim()).or_else(|| {
                        // (Masthead lines run together: "… · Frikommunenetværket
                        // Nordegnen 14. juni 2021".)
                        ends_with_date(part)
                            .then(|| DAY_MONTH_YEAR.find(part))
                            .flatten()
                            .and_then(|m| parse_date(m.as_str()))
                    })
                })
            })
        })
        // The meeting line of minutes ("Referat af ordinært møde tirsdag den 9. juni 2020
        // kl. 13.30 i Mødelokale 2"), a short masthead line with a full date ("KKR
        // Nordjylland · 24. september 2020") and an adoption line: the date named in full
        // there.
        .or_else(|| {
            masthead().find_map(|p| {
                let l = p.text.to_lowercase();
                // (A Folketing committee's consultation, "Åbent samråd i … torsdag den 26.
                // november 2020 kl. 10.00", is a meeting too.)
                let meeting = l.contains("møde")
                    || l.contains("samråd i ")
                    || l.starts_with("referat")
                    || l.starts_with("dagsorden");
                let short = p.text.split_whitespace().count() <= 8;
                // Terms of reference or a policy dated by their adoption ("Godkendt af
                // styregruppen den 20. februar 2018, jf. punkt 2 …").
                // (Also after a version: "Version 2.0 – godkendt af styregruppen den …".)
                let adopted = ["godkendt ", "vedtaget "].iter().any(|w| {
                    l.starts_with(w)
                        || l.contains(&format!("– {w}"))
                        || l.contains(&format!("- {w}"))
                });
                if !(meeting || short || adopted) {
                    return None;
                }
                DAY_MONTH_YEAR
                    .find(&p.text)
                    .and_then(|m| parse_date(m.as_str()))
            })
        })
        .or_else(|| meeting_day_without_year(&masthead().collect::<Vec<_>>()))
        // A plan's version line below its masthead fields ("Version 2.0 – godkendt af
        // styregruppen den 6. december 2018").
        .or_else(|| {
            paras
                .iter()
                .take(14)
                .filter(|p| p.page == 1 && !matches!(p.kind, Kind::TableRow(_)))
                .filter(|p| {
                    let l = p.text.to_lowercase();
                    l.starts_with("version")
                        && (l.contains(" godkendt ") || l.contains(" vedtaget "))
                })
                .find_map(|p| DAY_MONTH_YEAR.find(&p.text))
                .and_then(|m| parse_date(m.as_str()))
        })
        // An agreement or letter dated where it is signed, at its end ("Ringkøbing, den 19.
        // september 2019").
        .or_else(|| {
            paras
                .iter()
                .rev()
                .find_map(|p| DATELINE.captures(p.text.trim()))
                .and_then(|c| parse_date(&c[1]))
        })
        // A report dated by its year alone ("Årsrapport 2020"): bare years elsewhere are
        // periods, not dates.
        .or_else(|| {
            masthead().find_map(|p| {
                REPORT_YEAR
                    .captures(p.text.trim())
                    .map(|c| c[1].to_string())
            })
        })
        // A printed folder's colophon: "Udgivet af Sydsjællandsnetværket, december 2020 ·
        // Oplag: 2.500 eksemplarer".
        .or_else(|| {
            paras
                .iter()
                .filter(|p| p.text.starts_with("Udgivet af "))
                .find_map(|p| {
                    DAY_MONTH_YEAR
                        .find(&p.text)
                        .or_else(|| MONTH_YEAR.find(&p.text))
                        .and_then(|m| parse_date(m.as_str()))
                })
        })
}

/// A part of a masthead that is or ends with a full date ("Marts 2021", "… Nordegnen 14.
/// juni 2021").
fn ends_with_date(part: &str) -> bool {
    let part = part.trim();
    standalone_date(part).is_some()
        || DAY_MONTH_YEAR
            .find_iter(part)
            .last()
            .is_some_and(|m| m.end() == part.len())
}

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(\d{1,2})\.\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\b",
    )
});
static MASTHEAD_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b((?:19|20)\d{2})\b"));

/// Minutes that give the meeting day without the year ("Referat fra mødet torsdag d. 7.
/// november") take the year from a short masthead line ("Byrådet, mødet 2019").
fn meeting_day_without_year(masthead: &[&Paragraph]) -> Option<String> {
    let day_line = masthead.iter().find(|p| {
        let l = p.text.to_lowercase();
        (l.contains("møde") || l.contains("referat") || l.contains("dato"))
            && DAY_MONTH.is_match(&p.text)
    })?;
    let c = DAY_MONTH.captures(&day_line.text)?;
    let day: u32 = c[1].parse().ok().filter(|d| (1..=31).contains(d))?;
    let month = month_number(&c[2])?;
    let year = masthead
        .iter()
        .filter(|p| p.text.split_whitespace().count() <= 6)
        .find_map(|p| MASTHEAD_YEAR.captures(&p.text).map(|y| y[1].to_string()))?;
    Some(format!("{year}-{month:02}-{day:02}"))
}

static REPORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:årsrapport|statusrapport|status|årsberetning|beretning|rapport)\s+(?:for\s+)?((?:19|20)\d{2})$",
    )
});

/// The report genre named in the masthead ("Årsrapport 2020", "Statusrapport").
fn masthead_names_a_report(paras: &[Paragraph]) -> bool {
    paras.iter().take(4).any(|p| {
        let l = p.text.to_lowercase();
        // "Årsrapport 2019", "Frikommunenetværket Trekantområdet – Årsrapport 2019".
        let report_word = words(&l).any(|w| {
            matches!(
                w,
                "årsrapport"
                    | "statusrapport"
                    | "årsberetning"
                    | "kvartalsrapport"
                    | "økonomiopfølgning"
            )
        });
        p.text.split_whitespace().count() <= 8
            && (report_word || ["status for", "status på"].iter().any(|w| l.starts_with(w)))
    })
}

static CASE_PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    vec![
        // "2020-118344", "EMN-2020-01873" (an ESDH system's prefix is part of it).
        re(r"\b(?:[A-ZÆØÅ]{2,5}-)?(?:19|20)\d{2}-\d{5,6}\b"),
        re(r"\b\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}\b"),
        // A bill's annex in the Folketing, "L 38 Bilag 1"; the Ombudsman's published
        // statement, "FOB 2020-17".
        re(r"\b[LB]\s\d{1,3}\s+Bilag\s+\d{1,3}\b"),
        re(r"\bFOB\s(?:19|20)\d{2}-\d{1,3}\b"),
    ]
});
static FOLKETING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b([A-ZÆØÅ]{2,5}),?\s*Alm\.\s?del(?:\s*-\s*\d{4}-\d{2})?\s*-?\s*Bilag\s+(\d+)")
});
/// The stamp on a minister's answer: "BEU Alm.del - endeligt svar på spørgsmål 412".
static FOLKETING_ANSWER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b([A-ZÆØÅ]{2,5}),?\s*Alm\.\s?del\s*-\s*((?:endeligt\s+|foreløbigt\s+)?svar)\s+på\s+spørgsmål\s+(\d+)",
    )
});
/// The body a memo's "Til:" line names: a committee or council, or a KKR.
fn addressed_body(line: &str) -> Option<String> {
    static TO: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^(?i:til)\s*:\s*(?:(?i:medlemmerne|medlemmer)\s+(?:af|i)\s+)?(.{3,80})$")
    });
    let to = TO.captures(line.trim())?.get(1)?.as_str().trim();
    // (One addressee: "Udvalget, Ældrerådet, Direktionen m.fl." is a circulation list.)
    if to.contains([',', '|']) || to.contains("m.fl") {
        return None;
    }
    // (… or the executive board a memo is put to: "Til: Direktionen".)
    let board = ["Direktionen", "Koncernledelsen", "Chefgruppen"]
        .into_iter()
        .find(|b| to.trim_end_matches('.') == *b)
        .map(String::from);
    kkr(to, false)
        .or_else(|| COMMITTEE.captures(to).map(|c| c[1].to_string()))
        .or(board)
}

/// A regional council of municipalities by its name, "KKR Syddanmark" (`whole`: the text
/// is that name and nothing more, as a masthead line), in one spelling.
fn kkr(text: &str, whole: bool) -> Option<String> {
    static KKR: LazyLock<Regex> = LazyLock::new(|| re(r"^KKR\s+(\p{Lu}[\p{L}-]+)\b"));
    let c = KKR.captures(text)?;
    if whole && c.get(0).is_some_and(|m| m.end() != text.len()) {
        return None;
    }
    let region = super::structure::capitalised(&c[1].to_lowercase());
    Some(format!("KKR {region}"))
}

/// A Folketing filing stamp ("Beskæftigelsesudvalget 2019-20 BEU Alm.del Bilag 56"), or
/// its first line alone: the committee and the session ("Social- og Indenrigsudvalget
/// 2019-20").
fn filing_stamp(text: &str) -> bool {
    FOLKETING.is_match(text)
        || FOLKETING_ANSWER.is_match(text)
        || SESSION_STAMP.is_match(text.trim())
}

/// The first line of a Folketing filing stamp: a committee and the session.
static SESSION_STAMP: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\p{Lu}[\p{L}\- ]{0,80}udvalg(?:et)?\s+(?:19|20)\d{2}-\d{2}$"));
/// A case-number field, perhaps with whose case it is: "Sagsnr.: 19/10428", "Sagsnr.
/// (Struer): 19/10428" at a joint meeting.
static SAGSNR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:sagsnr|sags\s?nr|j\.\s?nr|journalnr|sagsnummer|sagsid|sags-id|(?:jeres|vores|deres|vor|jer)\s+ref)\.?(?:\s*\([^)]{1,40}\))?:?[\s|]*([0-9][0-9A-ZÆØÅ.\-/]{4,})",
    )
});

/// A case named in running text by its number: "sag nr. 20/3117", "(punkt 14, sag
/// 17/4419)". Only a number with a slash or dash: "sag 12" is an agenda item.
static SAG_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bsag(?:\s+nr\.?)?\s+(\d{2,4}[/-][0-9][0-9/\-]{2,}[0-9])\b"));

/// Case numbers in one line, normalized (`BEU Alm.del Bilag 56`).
pub fn case_numbers_in(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for r in CASE_PATTERNS.iter() {
        for m in r.find_iter(s) {
            out.push(m.as_str().to_string());
        }
    }
    for c in FOLKETING.captures_iter(s) {
        out.push(format!("{} Alm.del Bilag {}", &c[1], &c[2]));
    }
    for c in FOLKETING_ANSWER.captures_iter(s) {
        let answer = c[2].split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(format!(
            "{} Alm.del - {answer} på spørgsmål {}",
            &c[1], &c[3]
        ));
    }
    // Ankestyrelsen's published decisions by their number in the series: "Principmeddelelse
    // 48-19" (the 48th of 2019); Rigsrevisionen's reports, "Beretning 22/2021".
    static PRINCIPLE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:princip(?:meddelelse|afgørelse)\s+(\d{1,3}-\d{2})|beretning\s+(?:nr\.\s*)?(\d{1,2}/(?:19|20)\d{2}))\b",
        )
    });
    for c in PRINCIPLE.captures_iter(s) {
        if let Some(number) = c.get(1).or(c.get(2)) {
            out.push(number.as_str().to_string());
        }
    }
    for c in SAGSNR.captures_iter(s).chain(SAG_IN_TEXT.captures_iter(s)) {
        let v = c[1].trim_end_matches(['.', '-']).to_string();
        if !out.contains(&v) {
            out.push(v);
        }
    }
    // One field for several parties' cases: "Sagsnr.: 17/31488 (Helsingør), 17/4127
    // (Fredensborg), 18-29311 (Assens)" (not a span of years, "2018-2020").
    static MORE: LazyLock<Regex> = LazyLock::new(|| re(r"\b\d{2,4}[/-]\d{3,6}\b"));
    static YEARS: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:19|20)\d\d-(?:19|20)\d\d$"));
    if let Some(m) = SAGSNR.find(s) {
        for v in MORE.find_iter(&s[m.end()..]) {
            let v = v.as_str().to_string();
            if !out.contains(&v) && !YEARS.is_match(&v) {
                out.push(v);
            }
        }
    }
    // (A pattern's match inside a longer number is part of it: "2019-11802" in
    // "Sagsnr.: 330-2019-11802".)
    let whole = out.clone();
    out.retain(|v| !whole.iter().any(|w| w != v && w.contains(v.as_str())));
    out
}

/// All case numbers of the document, in order of appearance, without repeats.
pub fn case_numbers(paras: &[Paragraph], furniture: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let lines = furniture
        .iter()
        .map(String::as_str)
        .chain(paras.iter().map(|p| p.text.as_str()));
    for l in lines {
        for c in case_numbers_in(l) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        // "-rådet" but not "-området" ("Trekantområdet" is a region, not a council).
        r"\b(\p{Lu}[\p{L}]*(?:-\s+og\s+\p{L}+)?(?:udvalget|udvalg|[^m\P{L}]rådet|bestyrelsen|Byråd|byrådet|Regionsrådet))(s?)\b",
    )
});
/// A works council (MED, the municipal cooperation committees) as a line of its own,
/// perhaps with the name of its centre or area ("Center-MED Arbejdsmarked og
/// Borgerservice", "MED-udvalget for Social og Sundhed").
static MED_BODY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:Hoved|Område|Lokal|Center|Sektor|Fælles)-?MED(?:-udvalget)?|MED-udvalget|Hovedudvalget)(?:\s+(?:for\s+)?\p{Lu}[\p{L}-]*(?:\s+(?:og\s+)?\p{Lu}[\p{L}-]*){0,4})?$",
    )
});
static ADDRESSED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:til|for)\s+(\p{Lu}[\p{L}]*(?:-\s+og\s+\p{L}+)?(?:udvalget|rådet|bestyrelsen|byrådet))s?\s+(?:orientering|godkendelse|beslutning|behandling|drøftelse)",
    )
});
/// "Beretningen forelægges Arbejdsmarkedsudvalget på mødet den 24. marts 2020": the
/// document itself, a sentence's definite subject (not "en analyse, som forelægges …").
static PRESENTED_TO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[.!?]\s+)\p{Lu}\p{L}+(?:en|et)\s+forelægges\s+(\p{Lu}[\p{L}]*(?:-\s+og\s+\p{L}+)?(?:udvalget|rådet|bestyrelsen|byrådet))\b",
    )
});
static RECOMMENDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bindstiller,?\s+at\s+(\p{Lu}[\p{L}]*(?:-\s+og\s+\p{L}+)?(?:udvalget|rådet|bestyrelsen|byrådet))\s+(?:tager|godkender|beslutter|vedtager|drøfter)",
    )
});
static HEADER_BODY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:udvalg|mødeforum|forum|referat fra|referat af møde i|beslutningsprotokol for)\s*:?\s*(.+)$",
    )
});

/// The text before the first of the stops, or all of it.
fn until_first<'a>(s: &'a str, stops: &[&str]) -> &'a str {
    let end = stops.iter().filter_map(|stop| s.find(stop)).min();
    &s[..end.unwrap_or(s.len())]
}

/// A committee named "Udvalget for <area>" ("Udvalget for plan, udvikling og kultur
/// (PUK)"): the name up to its abbreviation, a page number or a date.
fn named_committee(s: &str) -> Option<String> {
    let at = s.find("Udvalget for ")?;
    let rest = until_first(
        &s[at..],
        &[" (", " Side ", " side ", " den ", ":", "|", ". ", " - "],
    );
    let name = rest.trim().trim_end_matches(['.', ',']);
    (name.split_whitespace().count() <= 9).then(|| name.to_string())
}

/// The deciding body stated by a label ("Sagen afgøres i: Økonomiudvalget").
fn labelled_body(s: &str) -> Option<String> {
    let (label, value) = s.split_once(':')?;
    let label = label.trim().to_lowercase();
    if !matches!(
        label.as_str(),
        "sagen afgøres i" | "afgøres i" | "beslutningskompetence" | "udvalg" | "fagudvalg"
            // (A memo's addressee: "Til: Beskæftigelsesudvalget".)
            | "til"
    ) {
        return None;
    }
    let value = value.trim().trim_start_matches('|').trim();
    // (To several, "Til: Udvalget, Ældrerådet, Direktionen m.fl.", is no one body's.)
    if label == "til" && (value.contains(',') || value.contains(" og ")) {
        return None;
    }
    named_committee(value).or_else(|| COMMITTEE.captures(value).map(|c| c[1].to_string()))
}

/// The issuing committee: from the page furniture (a header or the Folketing stamp),
/// a header line (`Udvalg: …`), a label (`Sagen afgøres i: …`), or the committee a case is sent to (`til
/// Beskæftigelsesudvalgets orientering`).
pub fn body(paras: &[Paragraph], furniture: &[String]) -> Option<String> {
    for f in furniture {
        if let Some(c) = COMMITTEE.captures(f) {
            return Some(c[1].to_string());
        }
        if let Some(name) = named_committee(f) {
            return Some(name);
        }
    }
    // A Folketing stamp in the page's text, not its furniture ("Social- og
    // Indenrigsudvalget 2019-20 SOU Alm.del Bilag 164 Offentligt").
    let stamp = paras.iter().take(4).find(|p| filing_stamp(&p.text));
    if let Some(c) = stamp.and_then(|p| COMMITTEE.captures(&p.text)) {
        return Some(c[1].to_string());
    }
    // A joint meeting's masthead: "Arbejdsmarkedsudvalget (Holstebro) og
    // Beskæftigelsesudvalget (Struer)", both committees the body.
    if let Some(b) = paras.iter().take(6).find_map(|p| joint_committees(&p.text)) {
        return Some(b);
    }
    // (An agenda's masthead names its committee, "Dagsorden / Arbejdsmarkedsudvalget",
    // before an item says where its case is decided, "Sagen afgøres i: Byrådet".)
    let whole_line = paras
        .iter()
        .take(6)
        .find_map(|p| masthead_committee(&p.text).filter(|(_, whole)| *whole));
    if let Some((b, _)) = whole_line {
        return Some(b);
    }
    // (The cards of a catalogue each give their own committee, "Udvalg:
    // Økonomiudvalget", "Udvalg: Beskæftigelsesudvalget": the document is no one's.)
    let mut labelled = paras.iter().filter_map(|p| labelled_body(&p.text));
    if let Some(b) = labelled.next() {
        if labelled.all(|other| other == b) {
            return Some(b);
        }
    }
    // A memo's addressee, "Til: Medlemmerne af KKR Syddanmark", "Til: Beskæftigelses-
    // udvalget": the body it is written for (as a committee's annex is the committee's).
    if let Some(b) = paras.iter().take(10).find_map(|p| addressed_body(&p.text)) {
        return Some(b);
    }
    // "Styregruppen for Frikommunenetværket Kattegat": a group named by what it steers,
    // or set up by terms of reference.
    if let Some(b) = paras
        .iter()
        .take(8)
        .find_map(|p| steering_body(&p.text).or_else(|| group_of_terms(&p.text)))
    {
        return Some(b);
    }
    // The minutes of a regional council of municipalities: "KKR MIDTJYLLAND" / "REFERAT"
    // / "KKR Midtjylland". (A KKR's letter or deck is the KKR's, but no meeting's body.)
    // (The label may say which version: "Kommenteret dagsorden", "Åbent referat".)
    let minutes_label = paras.iter().take(6).any(|p| {
        let label = p.text.trim().to_lowercase();
        let words: Vec<&str> = label.split_whitespace().collect();
        words.len() <= 3
            && words.last().is_some_and(|w| {
                matches!(
                    *w,
                    "referat" | "beslutningsreferat" | "mødereferat" | "dagsorden"
                )
            })
    });
    if minutes_label {
        if let Some(b) = paras.iter().take(8).find_map(|p| kkr(p.text.trim(), true)) {
            return Some(b);
        }
    }
    for p in paras.iter().take(6) {
        if let Some(c) = HEADER_BODY.captures(&p.text) {
            if let Some(m) = COMMITTEE.captures(&c[1]) {
                return Some(m[1].to_string());
            }
        }
        // "REFERAT Aarhus Byråd d. 27-08-2025": the council under the town's name.
        if p.text.split_whitespace().any(|w| w == "Byråd") {
            return Some("Byrådet".to_string());
        }
        // A works council's masthead: "Hoved-MED", "Område-MED", "MED-udvalget".
        if MED_BODY.is_match(p.text.trim()) {
            return Some(p.text.trim().to_string());
        }
        // A masthead line that is the body's name ("Byrådet i Skive Kommune").
        if let Some((b, _)) = masthead_committee(&p.text) {
            return Some(b);
        }
    }
    paras.iter().find_map(|p| {
        ADDRESSED
            .captures(&p.text)
            .or_else(|| RECOMMENDS.captures(&p.text))
            .or_else(|| PRESENTED_TO.captures(&p.text))
            .map(|c| c[1].to_string())
    })
}

/// A line that is two committees and nothing else, each perhaps with its municipality:
/// "Arbejdsmarkedsudvalget (Holstebro) og Beskæftigelsesudvalget (Struer)".
fn joint_committees(text: &str) -> Option<String> {
    let line = text.trim();
    let (a, b) = line.split_once(" og ")?;
    let whole = |side: &str| {
        let side = side.trim();
        let bare = match side.split_once(" (") {
            Some((name, place)) if place.ends_with(')') => name,
            _ => side,
        };
        masthead_committee(bare).is_some_and(|(_, whole)| whole)
    };
    (whole(a) && whole(b)).then(|| line.to_string())
}

/// The committee a masthead line of six words at most opens with (the issuer before it
/// aside: "Slagelse Kommune Børne- og Ungeudvalget"), and whether it is the whole line.
fn masthead_committee(text: &str) -> Option<(String, bool)> {
    let line = without_issuer(text);
    if line.split_whitespace().count() > 6 {
        return None;
    }
    let m = COMMITTEE.captures(line)?;
    let whole = m.get(0)?;
    (whole.start() == 0).then(|| (m[1].to_string(), whole.end() == line.len()))
}

static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    // The number ends the marker: "Sag 2012-12345" is a case reference, not item 2012.
    re(
        // "Ad punkt 3:", "Ad 3." take up item 3 in a protocol that lists the agenda first.
        r"^(?:(?:[Aa]d\s+)?(?:[Pp]unkt|Pkt\.?|pkt\.?|Dagsordenspunkt|Sag|Sagspunkt)(?:\s+nr\.?)?\s*(\d{1,4})(?:[.:)]\s*|\s+|$)|[Aa]d\s+(\d{1,4})\.(?:\s+|$))",
    )
});

/// The item number of a marker line: `Punkt 6.`, `Pkt. 3`, `Sag nr. 45 …`.
pub fn is_item_marker(s: &str) -> Option<String> {
    let s = s.trim();
    let c = ITEM.captures(s)?;
    if let Some(n) = c.get(1) {
        return Some(n.as_str().to_string());
    }
    // "Ad 2. Status fra kommunerne" takes up an item by its title; "Ad 1. Frem til 30.
    // november har 312 borgere …" answers a question in a sentence.
    let title = s.get(c.get(0)?.end()..).unwrap_or("").trim();
    let is_title = title.split_whitespace().count() <= 14 && !title.ends_with('.');
    is_title
        .then(|| c.get(2).map(|m| m.as_str().to_string()))
        .flatten()
}

/// The title on an item's marker line, after the marker (`Sag nr. 45 Frikommuneforsøg:
/// X` gives `Frikommuneforsøg: X`).
pub fn item_title(s: &str) -> Option<String> {
    let s = s.trim();
    let m = ITEM.find(s)?;
    // "Sag 214 – Title": the dash only parts the marker from the title.
    let t = without_access_mark(
        s[m.end()..]
            .trim()
            .trim_start_matches(['–', '-', '—'])
            .trim(),
    );
    (!t.is_empty()).then(|| t.to_string())
}

/// An item title without the open/closed mark agenda systems put first ("(Åben)
/// Godkendelse af dagsorden", "(Lukket) Personalesag").
pub fn without_access_mark(title: &str) -> &str {
    static MARK: LazyLock<Regex> =
        LazyLock::new(|| re(r"^\((?i:åben|åbent|åbent punkt|lukket|lukket punkt|fortrolig)\)\s*"));
    match MARK.find(title) {
        Some(m) => title[m.end()..].trim_start(),
        None => title,
    }
}

/// A line that only gives a case number ("Sagsnr. 20/00412").
pub(super) fn is_case_line(s: &str) -> bool {
    let cs = case_numbers_in(s);
    !cs.is_empty() && s.split_whitespace().count() <= 4
}

/// The number of a slide's label ("Dias 3", "Slide 3").
fn slide_label(text: &str) -> Option<u32> {
    let t = text.trim();
    let label = t.strip_prefix("Dias ").or_else(|| t.strip_prefix("Slide "));
    label.and_then(|n| n.parse::<u32>().ok())
}

/// A deck by its shape: several pages, few words on each (a slide holds a title and a
/// handful of points, a report page hundreds of words), and points rather than prose.
/// A handout of several slides a page numbers them in the text: 1, 2, 3, … on lines of
/// their own, more of them than pages (a page number stands once a page).
fn numbered_slides(paras: &[Paragraph]) -> bool {
    let pages: BTreeSet<u32> = paras.iter().map(|p| p.page).collect();
    let mut numbered = 0;
    // (… or labelled, "Dias 3", "Slide 3", a handout's slides over their notes: in
    // rising order, though the label atop a page may be taken for its running header.)
    let mut labelled: Vec<u32> = Vec::new();
    for p in paras {
        let t = p.text.trim();
        if t == (numbered + 1).to_string() {
            numbered += 1;
        }
        if let Some(n) = slide_label(t) {
            if labelled.last().is_none_or(|last| n > *last) {
                labelled.push(n);
            }
        }
    }
    let slides = labelled.last().map_or(0, |n| *n as usize);
    (numbered >= 4 && numbered > pages.len()) || (labelled.len() >= 4 && slides > pages.len())
}

fn reads_like_slides(paras: &[Paragraph], bullets: usize) -> bool {
    let pages: BTreeSet<u32> = paras.iter().map(|p| p.page).collect();
    let words: usize = paras
        .iter()
        .map(|p| p.text.split_whitespace().count())
        .sum();
    // A deck of big numbers and tables has few bullets, but very few words a page.
    let sparse = pages.len() >= 3
        && (words <= 60 * pages.len() && bullets * 3 >= paras.len() || words <= 35 * pages.len());
    // Slides never run to a paragraph of prose: nearly every page holds only titles,
    // bullets, numbers and table rows.
    let prose_pages: BTreeSet<u32> = paras
        .iter()
        .filter(|p| !matches!(p.kind, Kind::TableRow(_)))
        .filter(|p| p.text.split_whitespace().count() > 25)
        .map(|p| p.page)
        .collect();
    // A slide holds a handful of lines (an address list runs to dozens a page).
    sparse
        || (pages.len() >= 5
            && prose_pages.len() * 10 <= pages.len()
            && paras.len() <= 12 * pages.len())
}

/// The genre, from structure and vocabulary.
pub fn kind(paras: &[Paragraph], title: Option<&str>) -> DocumentKind {
    let texts: Vec<String> = paras.iter().map(|p| p.text.to_lowercase()).collect();
    let has = |w: &str| texts.iter().any(|t| t.contains(w));
    let title_l = title.unwrap_or("").to_lowercase();
    // (An excerpt of a council's minutes attached to a letter, "Uddrag af
    // beslutningsprotokol", does not make the letter minutes.)
    // (… or of the council's: "Bilag: Uddrag af Byrådets beslutningsprotokol".)
    static EXCERPT: LazyLock<Regex> =
        LazyLock::new(|| re(r"uddrag af (?:\S+\s+)?beslutningsprotokol"));
    let own = texts
        .iter()
        .position(|t| EXCERPT.is_match(t) || t.starts_with("protokoludskrift"))
        .filter(|&k| k > 0)
        .unwrap_or(texts.len());
    let strong_minutes = paras[..own]
        .iter()
        .any(|p| is_item_marker(&p.text).is_some() || super::decisions::is_decision_head(&p.text))
        || texts[..own]
            .iter()
            .any(|t| t.starts_with("fraværende:") || t.starts_with("mødedato"));
    if strong_minutes {
        return DocumentKind::Minutes;
    }
    // An application or a consultation response is a letter, whatever evaluation or
    // status of the trials it is about; a fact sheet or a newsletter says what it is in
    // its masthead ("FAKTAARK · Frikommuneforsøg II · Marts 2021").
    let masthead_genre = texts.iter().take(4).any(|t| {
        words(t).any(|w| {
            // (… and a procedure guide for caseworkers: "ARBEJDSGANGSBESKRIVELSE".)
            matches!(
                w,
                "faktaark"
                    | "nyhedsbrev"
                    | "nyhedsmail"
                    | "folder"
                    | "arbejdsgangsbeskrivelse"
                    | "instruks"
            ) || w.ends_with("pjece")
        })
    });
    // An agreement between parties ("Budgetaftale 2020-2023") is no record of a meeting,
    // even when it tells what was discussed at one.
    // (So is an answer to a question: "Spørgsmål nr. 287:" … "Svar:".)
    let answers = texts.iter().any(|t| t.trim() == "svar:")
        && texts.iter().any(|t| QUESTION.is_match(t.trim()));
    // (Nor is a statute a status report, whatever follow-up it rules on: "Bekendtgørelse om
    // frikommuneforsøg med færre opfølgninger …", "Forslag til lov om …".)
    if [
        "ansøgning",
        "høringssvar",
        "budgetaftale",
        "aftale ",
        "bekendtgørelse ",
        "lovbekendtgørelse ",
        "forslag til lov",
        "lov om ",
    ]
    .iter()
    .any(|w| title_l.starts_with(w))
        || masthead_genre
        || answers
        // A letter's subject line ("Vedr.: Afslutning af … – endeligt regnskab"): a
        // letter, whatever accounts or status it sends.
        || texts
            .iter()
            .take(20)
            .any(|t| ["vedr.:", "vedr:", "vedrørende:"].iter().any(|w| t.starts_with(w)))
        // A print run ("Oplag: 2.500 eksemplarer") marks printed matter: a folder.
        || texts.iter().any(|t| t.contains("oplag:"))
    {
        return DocumentKind::Other;
    }
    // (A survey's report evaluates too: "Spørgeskemaundersøgelse 2020".)
    // (So does a collection of lessons learned: "Erfaringsopsamling fra workshops …".)
    // (And a network's final report with its recommendations: "Slutrapport for
    // frikommuneforsøgene i …".)
    // (A subtitle says so as well: "Frikommuneforsøg på sygedagpengeområdet" over
    // "Delevaluering 2: Resultater efter to års forsøgsperiode".)
    let subtitle = title
        .and_then(|t| paras.iter().take(12).position(|p| p.text.trim() == t))
        .and_then(|i| paras.get(i + 1))
        .filter(|p| p.kind == Kind::Heading)
        .map(|p| p.text.to_lowercase())
        .unwrap_or_default();
    // (An impact study evaluates: "Effektmåling af to frikommuneforsøg …"; so does a
    // supervision's report on a provider: "Tilsynsrapport 2020 – …".)
    let evaluates = |w: &str| {
        w.ends_with("evaluering")
            || w.starts_with("effektmåling")
            || w.starts_with("effektanalyse")
            || w.starts_with("tilsynsrapport")
    };
    if title_l.contains("evaluering")
        || words(&title_l).any(evaluates)
        // (An evaluation, not a seminar about one: "Evalueringsseminar i …".)
        || words(&subtitle).any(evaluates)
        || title_l.contains("undersøgelse")
        || title_l.contains("erfaringsopsamling")
        || title_l.starts_with("slutrapport")
        || title_l.starts_with("slutafrapportering")
        // (… and an annex of one: "Bilag 2 til netværkets slutrapport" over its tables.)
        || texts.iter().take(6).any(|t| {
            t.starts_with("bilag")
                && t.contains(" til ")
                && (t.contains("slutrapport") || t.contains("evaluering"))
        })
    {
        return DocumentKind::Evaluation;
    }
    // A newspaper's article has a byline under its headline ("Af Mette Kjærgaard Holm"),
    // however many headings in capitals its page has.
    let byline = paras.iter().take(10).any(|p| {
        p.text.strip_prefix("Af ").is_some_and(|name| {
            reads_like_a_name(name)
                || name.split_whitespace().count() == 2
                    && name
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
        })
    });
    // Questions and answers (a web page's "Spørgsmål og svar"): questions standing alone
    // over prose answers, however many headings in capitals the page has.
    let answered_questions = paras
        .windows(2)
        .filter(|w| {
            w[0].text.trim_end().ends_with('?')
                && w[0].text.split_whitespace().count() <= 20
                && w[1].kind == Kind::Body
                && w[1].text.split_whitespace().count() >= 15
        })
        .count();
    // (A deck's handout with the audience's questions after it is slides still.)
    if numbered_slides(paras) {
        return DocumentKind::Slides;
    }
    if byline || answered_questions >= 3 {
        return DocumentKind::Other;
    }
    let caps_headings = paras
        .iter()
        .filter(|p| p.kind == Kind::Heading)
        .filter(|p| {
            let letters: Vec<char> = p.text.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() > 3 && letters.iter().all(|c| c.is_uppercase())
        })
        .count();
    let bullets = paras.iter().filter(|p| p.kind == Kind::Bullet).count();
    if caps_headings >= 3
        || (caps_headings >= 2 && bullets * 2 >= paras.len())
        || reads_like_slides(paras, bullets)
    {
        return DocumentKind::Slides;
    }
    let deltagende = texts
        .iter()
        .filter(|t| t.starts_with("deltagende kommune"))
        .count();
    // A section that gives the trials' status ("Status på forsøgene") makes a memo a
    // status report too.
    let status_section = paras
        .iter()
        .any(|p| p.kind == Kind::Heading && p.text.to_lowercase().starts_with("status"));
    // A follow-up of the trials' budgets each quarter, their accounts and a jobcentre's
    // management information report their status too.
    // (So does a chronology of the network's work, "Tidslinje for …", and a memo of a
    // trial's results in a period, "Psykologforsøget – resultater for 2019", "… –
    // resultater for forløb startet i 1. halvår 2020".)
    static PERIOD_RESULTS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\bresultater\s+(?:for|i)\s+(?:\S+\s+){0,3}?(?:(?:19|20)\d{2}|perioden|året|\d\.\s+(?:halvår|kvartal))",
        )
    });
    static QUARTER_LABEL: LazyLock<Regex> =
        LazyLock::new(|| re(r"\bk[1-4]\s+(?:19|20)\d{2}\s*[-–]\s*k[1-4]\s+(?:19|20)\d{2}\b"));
    if title_l.contains("status")
        || PERIOD_RESULTS.is_match(&title_l)
        || title_l.contains("tidslinje")
        || title_l.contains("opfølgning")
        || title_l.contains("kvartalsrapport")
        // A service's yearly quality report ("Kvalitetsrapport 2019") states its status.
        || title_l.contains("kvalitetsrapport")
        // A report of key figures ("… – nøgletal for 3. kvartal 2019").
        || title_l.contains("nøgletal")
        // A results statement or scorecard of the trials ("Resultatopgørelse for …").
        || title_l.contains("resultatopgørelse")
        // … and a memo checking the trials' figures ("Afstemning af forsøgstal –
        // kommunernes egne opgørelser sammenholdt med STAR's registreringer").
        || title_l.contains("forsøgstal")
        || words(&title_l).any(|w| w.starts_with("opgørelse"))
        // "… – regionalt overblik over de syddanske frikommunenetværk".
        || title_l.contains("overblik over")
        // … and a summary of the networks' reports ("Opsamling på frikommunenetværkenes
        // afrapporteringer for 2019").
        || (title_l.contains("opsamling") && title_l.contains("afrapportering"))
        // The form a municipality reports a trial's year on ("Afrapporteringsskema –
        // frikommuneforsøg på beskæftigelsesområdet"); not a letter or mail about the
        // reporting ("Afrapportering af frikommuneforsøg i …").
        || words(&title_l).any(|w| w.starts_with("afrapporteringsskema"))
        || title_l.contains("scorecard")
        // The trials' data by quarter ("Udtræk fra regneark: Forsøgsdata K1 2019-K4 2020").
        || title_l.contains("forsøgsdata")
        || QUARTER_LABEL.is_match(&title_l)
        || title_l.contains("regnskab")
        || title_l.contains("ledelsesinformation")
        || status_section
        || deltagende >= 2
        || masthead_names_a_report(paras)
    {
        return DocumentKind::StatusReport;
    }
    // A record of a meeting: its deliberation ("blev drøftet", "var enighed om") and
    // meeting words, a masthead that says so, the attendance lines. Words alone are not
    // enough: a letter inviting to "mødet" with a "Drøftelse" on its programme, or a
    // manual for a "dagsorden" system, is no record of a meeting.
    let deliberation = ["blev drøftet", "blev det drøftet", "var enighed om"]
        .iter()
        .any(|w| has(w));
    let masthead_says = texts.iter().take(8).any(|t| {
        ["referat", "dagsorden", "beslutningsprotokol"]
            .iter()
            .any(|w| t.starts_with(w))
    });
    let attendance = texts.iter().any(|t| {
        [
            "tilstede",
            "til stede",
            "deltagere:",
            "afbud",
            "mødested",
            "mødetidspunkt",
        ]
        .iter()
        .any(|w| t.starts_with(w))
    });
    let signals = [
        deliberation,
        has("drøftelse"),
        has("mødet") || has("seminaret"),
        masthead_says,
        attendance,
        texts.iter().any(|t| t.trim() == "indstilling"),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    if (deliberation && signals >= 2) || signals >= 3 {
        return DocumentKind::Minutes;
    }
    if has("evaluering") && (has("metode") || has("konklusion")) {
        return DocumentKind::Evaluation;
    }
    DocumentKind::Other
}

/// The header fields of a memo or letter ("Til: Styregruppen", "Fra: …", "Dato: …").
static MEMO_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:til|fra|cc|kopi til|kopi|att\.?|udvalg|udarbejdet af|(?:jeres|vores|deres)\s+ref\.?|dato|sagsnr\.?|sags\s?id|dok\.?\s?id|dok\.?\s?nr\.?|dokumentnr\.?|j\.\s?nr\.?|journalnr\.?|sagsbehandler|kontakt(?:person)?|ansvarlig|skrevet af|ref\.?|afdeling|enhed|forvaltning|center|kontor|myndighed|sagsområder?|emneord|telefon|(?:direkte\s+)?tlf\.?|direkte\s+telefon|mobil|cpr\.?\s?-?nr\.?|e-?mail)\s*:",
    )
});

static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    // (Bornholm is a "Regionskommune".)
    re(r"^(?:\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)? (?:Regions)?[Kk]ommune|Region \p{Lu}[\p{L}-]*)$")
});

/// Organisations that issue documents about trials without being their subject.
static ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    // (A research centre under its acronym, "CARMA – Center for Arbejdsmarkedsforskning",
    // "VIVE – Det Nationale Forsknings- og Analysecenter for Velfærd";
    // an institute with its university, "Institut for Politik og Samfund, Aalborg
    // Universitet"; "Institut for Beskæftigelses- og Uddannelsesforskning"; a thesis's
    // study programme, "Kandidatuddannelsen i Politik og Administration".)
    re(
        r"^(?:\p{Lu}{2,8}\s+[–-]\s+)?(?i:KKR\s+\p{L}+|KL|\p{Lu}\p{L}*\s+Universitet|Jobcenter\s+\p{Lu}[\p{L}-]+|(?:Institut(?:tet)?|Center|Centret|Styrelsen|Ministeriet)\s+for\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,4}|(?:Det\s+\p{L}+\s+)?(?:[\p{L}-]+\s+og\s+)?\p{L}*(?:center|institut)\s+for\s+\p{L}+(?:\s+\p{L}+){0,3}|[\p{L}-]+(?:\s+og\s+\p{L}+)?ministeriet|\p{Lu}\p{L}*(?:[^b\P{L}]e|[^e\P{L}])styrelsen|\p{Lu}[\p{L}-]*sekretariat(?:et)?|\p{Lu}[\p{L}-]*(?:\s+og\s+\p{L}+)?forvaltning(?:en)?|Tænketanken\s+\p{L}+|Folketingets\s+Ombudsmand|Rigsrevisionen|\p{Lu}\p{L}*uddannelsen\s+i\s+\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,3})(?:,\s+\p{Lu}\p{L}*\s+Universitet)?$",
    )
});

/// A municipality's or an organisation's name as issuer (`ISSUER`, `ORGANISATION`).
pub(crate) fn names_an_issuer(part: &str) -> bool {
    ISSUER.is_match(part) || ORGANISATION.is_match(part)
}

/// Masthead lines of issuers run together into one: "Odense Kommune Beskæftigelses- og
/// Socialforvaltningen Jobcenter Odense", "CARMA – Center for Arbejdsmarkedsforskning
/// Institut for Politik og Samfund, Aalborg Universitet": the line parts into two or more
/// issuers' names (`ISSUER`, `ORGANISATION`). A line without two issuers' marks is
/// turned away before any split is tried.
fn issuers_run_together(line: &str) -> bool {
    const MARKS: &[&str] = &[
        "Kommune",
        "Jobcenter",
        "forvaltning",
        "KKR",
        "Styrelsen",
        "Center",
        "Centret",
        "Institut",
        "Universitet",
        "ministeriet",
        "sekretariat",
    ];
    let marks: usize = MARKS.iter().map(|m| line.matches(m).count()).sum();
    if marks < 2 {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let names_issuer = |from: usize, to: usize| {
        let part = words[from..to].join(" ");
        names_an_issuer(&part)
    };
    // parts[k]: the most issuers' names words[k..] parts into (none: it does not).
    let n = words.len();
    let mut parts: Vec<Option<usize>> = vec![None; n + 1];
    parts[n] = Some(0);
    for from in (0..n).rev() {
        parts[from] = (from + 1..=n)
            .filter_map(|to| parts[to].filter(|_| names_issuer(from, to)).map(|p| p + 1))
            .max();
    }
    parts[0].is_some_and(|p| p >= 2)
}

/// A network's name and the line of its members run together: "Frikommunenetværket
/// Storstrøm Faxe · Guldborgsund · Lolland · Næstved · Vordingborg".
fn network_over_members(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() > 2
        && words[0].to_lowercase().contains("netværk")
        && is_member_line(&words[2..].join(" "))
}

/// A masthead's line of a network's members: "Holbæk · Lejre · Odsherred · Roskilde".
fn is_member_line(text: &str) -> bool {
    let parts: Vec<&str> = text.split(['·', '|', '•']).map(str::trim).collect();
    parts.len() >= 3
        && parts.iter().all(|p| {
            let words = p.split_whitespace().count();
            (1..=2).contains(&words) && p.starts_with(char::is_uppercase)
        })
}

/// A firm's name, which the document gives with its company form in a colophon or footer
/// ("Bækgaard Analyse & Rådgivning" and "Bækgaard Analyse & Rådgivning ApS · Algade 31 ·
/// … · CVR …"): a consultancy that wrote the report, not its title.
fn is_company(paras: &[Paragraph], name: &str) -> bool {
    name.split_whitespace().count() <= 6
        && paras.iter().any(|p| {
            p.text.strip_prefix(name).is_some_and(|rest| {
                LEGAL_FORMS
                    .iter()
                    .any(|form| rest.trim_start().starts_with(form))
            })
        })
}

/// A Danish company's legal forms, written after its name ("Oxford Research A/S").
const LEGAL_FORMS: &[&str] = &["ApS", "A/S", "I/S", "P/S", "K/S"];

static PARTY_MARKS: LazyLock<Regex> = LazyLock::new(|| re(r"\([A-ZÆØÅ]\)"));

/// A series' name with what it is: "FRONTLINJEN – en podcast om velfærd i praksis".
static TAGLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^.{2,40}?\s+[–-]\s+(?i:en|et)\s+(?i:podcast|nyhedsbrev|magasin|blog|tidsskrift|netavis|avis|videoserie)\b",
    )
});

/// The title: a letter's subject line, a running header that opens the text, else the
/// first heading-like line.
pub fn title(paras: &[Paragraph], furniture: &[String]) -> Option<String> {
    // A letter's subject line ("Vedr.: Ansøgning om forlængelse …") is its title.
    static SUBJECT: LazyLock<Regex> =
        // (An e-mail's subject without its reply and forward marks: "Emne: SV: X".)
        LazyLock::new(|| {
            re(r"^(?i:vedr\.?|vedrørende|emne|om)\s*:\s*(?:(?i:sv|re|vs|fw|fwd)\s*:\s*)*(\S.{3,})$")
        });
    if let Some(subject) = paras.iter().take(20).find_map(|p| {
        SUBJECT
            .captures(p.text.trim())
            .map(|c| c[1].trim().to_string())
    }) {
        return Some(subject);
    }
    // An annex's own label and title in the masthead, under the report it belongs to
    // ("Evaluering af … 2017-2021" / "Bilag B: Tabeller"): the document is the annex.
    static ANNEX_TITLE: LazyLock<Regex> =
        LazyLock::new(|| re(r"^Bilag\s+[A-Z0-9]{1,3}:\s+\p{Lu}.{2,80}$"));
    if let Some(annex) = paras
        .iter()
        .take(6)
        .find(|p| p.page == 1 && ANNEX_TITLE.is_match(p.text.trim()))
    {
        return Some(annex.text.trim().to_string());
    }
    // A part's label between the series' title and the part's own ("Evaluering af …" /
    // "Delnotat 2" / "Opsamling på fokusgruppeinterviews …"): the document is the part.
    static PART_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^(?:delnotat|delrapport|delanalyse|delevaluering|del)\s+(?:nr\.\s*)?[0-9]{1,2}$")
    });
    if let Some(own) = paras.iter().take(8).enumerate().find_map(|(k, p)| {
        let next = paras.get(k + 1)?;
        (k > 0
            && p.page == 1
            && PART_LABEL.is_match(p.text.trim())
            && next.kind == Kind::Heading
            && standalone_date(&next.text).is_none())
        .then(|| next.text.trim().to_string())
    }) {
        return Some(own);
    }
    // The group whose protocol it is, under the network's name; unless a heading above
    // it names the record of that group ("Beslutningslog – Styregruppen" over
    // "Styregruppen for Frikommunenetværket …").
    if let Some((k, b)) = paras
        .iter()
        .take(8)
        .enumerate()
        .find_map(|(k, p)| steering_body(&p.text).map(|b| (k, b)))
    {
        let group = b.split_whitespace().next().unwrap_or_default();
        let record = paras[..k].iter().find(|p| {
            p.kind == Kind::Heading
                && p.text.contains(group)
                && p.text.split_whitespace().count() >= 2
                && steering_body(&p.text).is_none()
        });
        return Some(record.map_or(b, |p| p.text.trim().to_string()));
    }
    // (A running header that only names the network or the issuer stands over the
    // title, as the masthead does.)
    let issuer_only = |r: &String| {
        ORGANISATION.is_match(r)
            || issuer_with_unit(r)
            || (r.to_lowercase().contains("netværk") && r.split_whitespace().count() <= 3)
            || network_over_members(r)
            // (Nor is a Folketing filing stamp on every page a title.)
            || filing_stamp(r)
    };
    let running = running_title(paras, furniture);
    if let Some(running) = running.clone().filter(|r| !issuer_only(r)) {
        return Some(running);
    }
    let skip = |p: &Paragraph| {
        is_item_marker(&p.text).is_some()
            || is_case_line(&p.text)
            // A filing stamp ("Beskæftigelsesudvalget 2019-20 BEU Alm.del Bilag 56"):
            // the title of a document never carries its parliamentary case number.
            || filing_stamp(&p.text)
            // Classification marks of a stamp or header.
            || matches!(
                p.text.trim().trim_end_matches('.').to_lowercase().as_str(),
                "offentligt" | "fortroligt" | "internt" | "ikke offentligt" | "til intern brug"
            )
            // Labels of a genre, not a title ("Referat", "Åbent referat", "Dagsorden").
            || matches!(
                p.text.trim().trim_end_matches([':', '.']).to_lowercase().as_str(),
                "referat"
                    | "det talte ord gælder"
                    | "talepapir"
                    | "åbent referat"
                    | "lukket referat"
                    | "dagsorden"
                    | "åben dagsorden"
                    | "beslutningsprotokol"
                    | "indholdsfortegnelse"
                    | "sammendrag"
                    | "resumé"
                    | "notat"
                    | "tilstede"
                    | "til stede"
                    | "deltagere"
                    | "medlemmer"
                    | "afbud"
                    | "fraværende"
                    | "afbud/fraværende"
                    | "sekretær"
                    | "baggrund"
                    | "sagsfremstilling"
                    | "indstilling"
                    | "beslutning"
                    | "høringsnotat"
                    | "høringsoversigt"
                    | "transskription"
                    // The programme's name over a report's own title.
                    | "frikommuneforsøg ii"
                    | "frikommuneforsøg 2"
            )
            // "Dagsorden med beslutninger", "Referat med bilag".
            || MINUTES_LABEL.is_match(p.text.trim())
            || standalone_date(&p.text).is_some()
            // A genre's label in capitals over the title ("PROJEKTBESKRIVELSE", "NOTAT"),
            // or with the number in its series ("Arbejdspapir 2021:3", "Notat nr. 4").
            || is_genre_label(&p.text)
            || SERIES_NUMBER.is_match(p.text.trim())
            // A list of members ("Lolan Ottesen (A) - formand Grethe Larsen (A) ..."), or
            // one member ("Til: Byrådsmedlem Signe Thygesen (Ø)"); a title may name its
            // asker ("Besvarelse af spørgsmål fra byrådsmedlem X (Ø) om …").
            || (PARTY_MARKS.find_iter(&p.text).count() >= 2
                || PARTY_MARKS.find(&p.text).is_some_and(|m| p.text[m.end()..].trim().len() < 3))
            || reads_like_a_name(&p.text)
            || p.text.to_lowercase().starts_with("bilag")
            // A handout's label over the first slide's title: "Præsentation med talenoter
            // (uddelingskopi)".
            || HANDOUT.is_match(p.text.trim())
            // … and its slides' labels ("Dias 1" over the first slide's title).
            || slide_label(&p.text).is_some()
            // (… or ends with its annex's number: "Årsrapport 2020 – bilag 3" over the
            // annex's own title.)
            || ANNEX_OF.is_match(p.text.trim())
            || p.text.ends_with(':')
            || MEMO_FIELD.is_match(&p.text)
            // Where the case is decided ("Sagen afgøres i: Kommunalbestyrelsen").
            || labelled_body(&p.text).is_some()
            // A table's or figure's caption ("Tabel 1. Forsøg i …", "Figur 2 …").
            || super::structure::is_caption(&p.text)
            // A series' name and what it is ("FRONTLINJEN – en podcast om velfærd i praksis",
            // "Jobnyt – et nyhedsbrev fra …") over the issue's own title.
            || TAGLINE.is_match(p.text.trim())
            // A web page's breadcrumb trail ("Forside › Nyheder › Job").
            || p.text.contains(['›', '»'])
            // A venue's address ("Herning Kongrescenter, Østergade 37, 7400 Herning").
            || ADDRESS_END.is_match(p.text.trim())
            // A masthead of parts with the issue's date ("FAKTAARK · Frikommuneforsøg II ·
            // Marts 2021", "Jobcenter X BORGERPJECE · September 2019").
            || (p.text.contains(" · ") && p.text.split(" · ").any(ends_with_date))
    };
    static HANDOUT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:præsentation|oplæg|slides|dias)(?:\s+med\s+\p{L}+)?(?:\s*\((?:uddelingskopi|handout)\))?$|\((?:uddelingskopi|handout)\)$",
        )
    });
    static ANNEX_OF: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\s[–-]\s+bilag\s+\d{1,2}[a-z]?$"));
    // A letter: its address blocks (a line with a post code, "2630 Taastrup"), date and
    // reference lines stand over its subject; the title is below the last of them.
    static POSTCODE: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{4}\s+\p{Lu}\p{L}"));
    // (A meeting's venue has a post code too, but no date or reference line below it.)
    let head = &paras[..paras.len().min(16)];
    let letter_head = head
        .iter()
        // (… or at the end of a one-line address: "Møllebjergvej 4, 4330 Hvalsø".)
        // (Not an address given as a field's value, "Leverandør: Dagmar Omsorg ApS,
        // Hovedgaden 14, 8420 Knebel", only one the letter goes to: "Til: …".)
        .rposition(|p| {
            let t = p.text.trim();
            let other_field = t.split_once(": ").is_some_and(|(label, _)| {
                label.split_whitespace().count() <= 3
                    && !matches!(
                        label.to_lowercase().as_str(),
                        "til" | "modtager" | "att" | "att."
                    )
            });
            (POSTCODE.is_match(t) || ADDRESS_END.is_match(t)) && !other_field
        })
        .and_then(|address| {
            let below = &head[address + 1..];
            below
                .iter()
                .rposition(|p| {
                    standalone_date(&p.text).is_some()
                        || is_case_line(&p.text)
                        || MEMO_FIELD.is_match(&p.text)
                })
                .map(|k| address + 1 + k + 1)
        })
        .unwrap_or(0);
    // A title too long for a heading's look ("Forslag til lov om ændring af lov om …
    // (Permanentgørelse af …)"): one line of words without a full stop, right under the
    // masthead's headings.
    // (A memo's subject line comes right under its fields, "Til:", "Fra:", "Dato:",
    // "Sagsnr.:", however many there are.)
    let below_fields = head
        .iter()
        .rposition(|p| MEMO_FIELD.is_match(&p.text))
        .filter(|&k| {
            head[..k]
                .iter()
                .filter(|p| MEMO_FIELD.is_match(&p.text))
                .count()
                >= 2
        })
        .map(|k| k + 1);
    let long_title = |i: usize, p: &Paragraph| {
        let t = p.text.trim();
        let words = t.split_whitespace().count();
        p.kind == Kind::Body
            && (i < 6 || Some(i) == below_fields)
            && (8..=35).contains(&words)
            && !t.ends_with(['.', ':', ';', ','])
            && !t.contains(". ")
            && !t.contains(": ")
            && paras[letter_head.min(i)..i]
                .iter()
                .all(|above| above.kind == Kind::Heading)
    };
    let headings = || {
        paras
            .iter()
            .enumerate()
            .skip(letter_head)
            .take(12)
            // (A title may ask: "Frikommuneforsøg II – hvad har vi lært?".)
            .filter(|(i, p)| {
                let asks =
                    *i < 3 && p.text.ends_with('?') && p.text.split_whitespace().count() <= 10;
                (p.kind == Kind::Heading || asks || long_title(*i, p))
                    && !skip(p)
                    && !is_member_line(&p.text)
            })
    };
    // A masthead naming only the issuer ("Randers Kommune", "Region Midtjylland", "KKR
    // HOVEDSTADEN", a network over the line of its members) stands over the title; it
    // is the title only when nothing else is.
    let issuer = |i: usize, p: &Paragraph| {
        let t = p.text.trim();
        // (Two masthead lines may come out as one: "Nordfyns Kommune Jobcenter Nordfyn".)
        let names_issuer = |part: &str| {
            names_an_issuer(part)
                || (part.to_lowercase().contains("netværk") && part.split_whitespace().count() <= 3)
        };
        // A unit of the issuer on the line below it ("Jobcenter Køge" / "Analyse &
        // Ledelsesinformation", "… / Sekretariatet").
        let unit = i > 0
            && paras
                .get(i - 1)
                .is_some_and(|above| names_an_issuer(above.text.trim()))
            // (… or the department and its office: "Arbejdsmarked og Social · Udvikling og
            // Analyse".)
            && t.split(" · ").all(|part| is_unit(part.trim()));
        // (The municipality before its jobcentre and unit: "Lyngby-Taarbæk Kommune
        // Jobcenter Lyngby-Taarbæk · Økonomi og Analyse".)
        let rest = without_issuer(t);
        // (A firm's name atop its report: "Kvist & Partnere"; a web site's name over its
        // breadcrumb trail: "MorsøNet" / "Forside › Nyheder › …".)
        // (… or with its legal form: "Oxford Research A/S".)
        let legal_form = LEGAL_FORMS
            .iter()
            .any(|f| t.strip_suffix(f).is_some_and(|name| name.ends_with(' ')));
        let firm = i == 0
            && ((t.contains(" & ") && t.split_whitespace().count() <= 4)
                || (legal_form && t.split_whitespace().count() <= 5));
        let site = paras.get(i + 1).is_some_and(|n| n.text.contains('›'));
        names_an_issuer(t)
            || unit
            || firm
            || site
            || issuer_with_unit(t)
            || (rest != t && (names_an_issuer(rest) || issuer_with_unit(rest)))
            || issuers_run_together(t)
            || network_over_members(t)
            // "Herlev Kommune · Frikommunenetværket Nordegnen".
            || (t.contains(" · ") && t.split(" · ").all(|part| names_issuer(part.trim())))
            // (A network's name over its members; a title naming the network is longer:
            // "Midtvejsevaluering af frikommuneforsøgene i Frikommunenetværket X".)
            || (t.to_lowercase().contains("netværk")
                && t.split_whitespace().count() <= 4
                && paras.get(i + 1).is_some_and(|n| is_member_line(&n.text)))
            || is_company(paras, t)
    };
    // A genre's label in capitals whose line goes on below it ("SAMARBEJDSAFTALE" / "om
    // fælles gennemførelse af …") is the start of the title.
    let continued = |i: usize, p: &Paragraph| -> Option<String> {
        let next = paras.get(i + 1).filter(|n| n.kind == Kind::Heading)?;
        (is_genre_label(&p.text) && next.text.starts_with(char::is_lowercase))
            .then(|| format!("{} {}", p.text.trim(), next.text.trim()))
    };
    if let Some(title) = paras
        .iter()
        .enumerate()
        .skip(letter_head)
        .take(12)
        .find_map(|(i, p)| continued(i, p))
    {
        return Some(title);
    }
    // An answer to a question names it under the letter head: "Beskæftigelsesudvalgets
    // spørgsmål nr. 287 (alm. del) af 12. februar 2021 stillet efter ønske fra …".
    if let Some(question) = paras
        .get(letter_head)
        .filter(|p| letter_head > 0 && QUESTION.is_match(p.text.trim()))
    {
        return Some(question.text.trim().trim_end_matches('.').to_string());
    }
    headings()
        .find(|(i, p)| !issuer(*i, p))
        .map(|(_, p)| without_issuer(&p.text).to_string())
        .or(running)
        .or_else(|| {
            // (The issuer's name set in capitals and again as written: "KKR MIDTJYLLAND"
            // over "KKR Midtjylland".)
            let first = headings().next()?.1.text.trim();
            let as_written = headings()
                .map(|(_, p)| p.text.trim())
                .find(|t| *t != first && t.to_lowercase() == first.to_lowercase());
            Some(without_issuer(as_written.unwrap_or(first)).to_string())
        })
        // Minutes whose masthead has no title line: the line naming the committee and
        // the meeting ("Sundheds- og Forebyggelsesudvalget tirsdag den 4. december 2012,
        // kl. 13:00 i Mødecenter C"), up to the hour.
        .or_else(|| {
            paras.iter().take(8).find_map(|p| {
                let m = COMMITTEE.captures(&p.text)?;
                (m.get(0)?.start() == 0).then(|| {
                    until_first(&p.text, &[", kl", " kl.", " kl "])
                        .trim()
                        .to_string()
                })
            })
        })
}

/// The group terms of reference set up, from their title: "Kommissorium for den
/// politiske styregruppe for Frikommunenetværket Hærvejen" -> "Politisk styregruppe for
/// …" (the group as a name: indefinite, "den politiske" -> "Politisk").
fn group_of_terms(line: &str) -> Option<String> {
    static TERMS_OF_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^Kommissorium\s+for\s+(?:(?:den|det)\s+(\p{Ll}+?)e?\s+)?(\p{Ll}*(?:gruppe|udvalg|råd|bestyrelse)\b.*)$",
        )
    });
    let t = line.trim();
    let c = TERMS_OF_REFERENCE
        .captures(t)
        .filter(|_| t.split_whitespace().count() <= 12)?;
    let group = match c.get(1) {
        Some(adjective) => format!("{} {}", adjective.as_str(), &c[2]),
        None => c[2].to_string(),
    };
    Some(super::structure::capitalised(&group)).filter(|g| !g.is_empty())
}

/// A masthead line naming a steering group or board by what it serves ("Styregruppen for
/// Frikommunenetværket Kattegat", "Bestyrelsen for …"), eight words at most.
fn steering_body(line: &str) -> Option<String> {
    // … or "Jobcenterchefgruppen i Frikommunenetværket Fjordlandet", "Netværksgruppen –
    // Frikommunenetværket Smålandshavet".
    static GROUP_OF_NETWORK: LazyLock<Regex> =
        LazyLock::new(|| re(r"^\p{Lu}\p{Ll}*gruppen\s+(?:for|i|[–-])\s+\S*[Nn]etværk"));
    let t = line.trim();
    let named = ["Styregruppen for ", "Bestyrelsen for ", "Følgegruppen for "]
        .iter()
        .any(|w| t.starts_with(w))
        || GROUP_OF_NETWORK.is_match(t);
    (named && t.split_whitespace().count() <= 8).then(|| t.to_string())
}

/// A masthead line without the issuer before it: "Slagelse Kommune Børne- og
/// Ungeudvalget" (two masthead lines set as one) -> "Børne- og Ungeudvalget".
fn without_issuer(line: &str) -> &str {
    static LEAD: LazyLock<Regex> =
        LazyLock::new(|| re(r"^\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)? Kommune\s+(\p{Lu}.*)$"));
    let t = line.trim();
    LEAD.captures(t)
        .and_then(|c| c.get(1))
        .map_or(t, |m| m.as_str())
}

/// A running header that also opens the first page's text ("Forsøgsnyt" over every page
/// and "Forsøgsnyt Nyhedsbrev fra … · Nr. 6", a masthead set as one paragraph): the
/// document's name.
fn running_title(paras: &[Paragraph], furniture: &[String]) -> Option<String> {
    let first = paras.first()?.text.trim();
    furniture
        .iter()
        .map(|f| f.trim())
        .filter(|f| f.chars().any(char::is_alphabetic) && standalone_date(f).is_none())
        // The issuer's name over every page is no title ("Thisted Kommune"), nor is
        // the genre ("PRESSEMEDDELELSE").
        .filter(|f| !ISSUER.is_match(f) && !is_genre_label(f))
        .filter(|f| !f.to_lowercase().starts_with("side "))
        .find(|f| first.len() > f.len() && first.starts_with(&format!("{f} ")))
        .map(String::from)
}

/// A masthead line of an issuer and its unit, set as one or two lines: "Jobcenter Køge
/// Analyse & Ledelsesinformation", "Randers Kommune Sekretariatet".
fn issuer_with_unit(line: &str) -> bool {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            // (The unit may stand after a separator: "Jobcenter X · Økonomi og Analyse".)
            // (… or a ministry's: "Social- og Indenrigsministeriet Kontoret for …".)
            r"^(?:\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)? Kommune|Jobcenter \p{Lu}[\p{L}-]+|\p{Lu}[\p{L}-]*(?:\s+og\s+\p{L}+)?ministeriet)\s+(?:[·|–-]\s+)?(\p{Lu}.*)$",
        )
    });
    LEAD.captures(line.trim())
        .and_then(|c| c.get(1))
        .is_some_and(|unit| is_unit(unit.as_str()))
}

/// A unit's name: a few words with " & " or a unit's noun ("Analyse & Ledelsesinformation",
/// "Sekretariatet").
fn is_unit(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    // "Arbejdsmarked og Borgerservice": names joined, each capitalised (a Danish title
    // capitalises its first word only).
    // (Not a committee: "Børne- og Ungeudvalget".)
    let joined_names = words.len() <= 4
        && words.contains(&"og")
        && !words.iter().any(|w| w.ends_with('-'))
        && !COMMITTEE.is_match(t)
        && words
            .iter()
            .all(|w| *w == "og" || w.starts_with(char::is_uppercase));
    // (… or one office in the definite form: "Borgerrådgiveren", "Direktionen"; not a
    // body that meets, "Byrådet", "Kommunalbestyrelsen", whose masthead names the
    // minutes.)
    let l = t.to_lowercase();
    let body = COMMITTEE.is_match(t)
        || ["rådet", "udvalget", "bestyrelsen", "gruppen"]
            .iter()
            .any(|b| l.ends_with(b));
    let office = words.len() == 1
        && t.starts_with(char::is_uppercase)
        && (l.ends_with("en") || l.ends_with("et"))
        && !body;
    // (A works council is a body that meets: "Center-MED Arbejdsmarked og Borgerservice".)
    words.len() <= 5
        && !MED_BODY.is_match(t)
        && (t.contains(" & ") || UNIT.is_match(t) || joined_names || office)
}

/// A line that ends in a post code and town: an address.
/// A postal code and town ending an address, after a comma or a house number (the lines
/// of an address block read as one: "Niels Espes Vej 8 8722 Hedensted").
static ADDRESS_END: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:,\s*|\b\d{1,3}[a-zA-Z]?\s+)\d{4}\s+\p{Lu}[\p{L}-]+$"));

/// A genre with the document's number in its series: "Arbejdspapir 2021:3", "Notat nr. 4".
static SERIES_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:arbejdspapir|working paper|notat|rapport|analyse|baggrundsnotat|principmeddelelse|principafgørelse)\s+(?:nr\.\s*)?\d{1,4}(?:[:/-]\d{1,4})?$",
    )
});

/// A unit of an organisation ("Sekretariatet", "Økonomiafdelingen", "Team Sygedagpenge",
/// "Juridisk Team").
static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:afdeling|afdelingen|sekretariat|sekretariatet|staben|kontor|kontoret|enhed|enheden)$|^team\s|\steam$|^(?:kontoret|afdelingen|enheden|sekretariatet)\s+for\s",
    )
});

/// The question a letter answers, on the line that opens it: "Beskæftigelsesudvalgets
/// spørgsmål nr. 287 (alm. del) …", "Spørgsmål nr. 12 fra …".
static QUESTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:\p{L}+s\s+)?spørgsmål\s+nr\.\s*\d+\b"));

/// Words in the names of bodies: "Nordjysk Frikommunenetværk", "Jobcenter Aalborg",
/// "Beskæftigelsesudvalget", "Byrådet".
const BODY_WORDS: &[&str] = &["netværk", "kommune", "region", "jobcenter", "udvalg", "råd"];

/// The genre of minutes with what they hold: "Dagsorden med beslutninger", "Åbent
/// referat med bilag".
static MINUTES_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:åben|åbent|lukket)?\s*(?:dagsorden|referat|beslutningsprotokol)\s+(?:med|og)\s+(?:beslutninger|beslutning|bilag|referat)$",
    )
});

/// A genre's label in capitals, one word: "PROJEKTBESKRIVELSE", "PRESSEMEDDELELSE".
fn is_genre_label(text: &str) -> bool {
    let t = text.trim();
    // (Of one or two words: "PROJEKTBESKRIVELSE", "BUSINESS CASE"; two that name a body
    // are its name: "NORDJYSK FRIKOMMUNENETVÆRK".)
    let l = t.to_lowercase();
    let names_a_body = BODY_WORDS.iter().any(|b| l.contains(b));
    (!t.contains(' ') || (t.split_whitespace().count() == 2 && !names_a_body))
        && !t.contains(|c: char| c.is_ascii_digit())
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 5
        && t.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// Three or more capitalised words and nothing else: a person's name ("Mie Helene
/// Andresen"), not a Danish title, which capitalises its first word only.
fn reads_like_a_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    // Names of bodies read the same way ("Frikommunenetværket Hovedstaden Syd").
    (3..=5).contains(&words.len())
        && words.iter().all(|w| {
            let mut c = w.chars();
            let l = w.to_lowercase();
            c.next().is_some_and(char::is_uppercase)
                && c.all(|c| c.is_lowercase() || c == '-')
                && w.chars().count() <= 15
                && !BODY_WORDS.iter().any(|b| l.contains(b))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_markers() {
        assert_eq!(is_item_marker("Punkt 6.").as_deref(), Some("6"));
        assert_eq!(is_item_marker("Pkt. 3").as_deref(), Some("3"));
        assert_eq!(
            is_item_marker("Sag nr. 45 Frikommuneforsøg: X").as_deref(),
            Some("45")
        );
        assert_eq!(
            item_title("Sag nr. 45 Frikommuneforsøg: X").as_deref(),
            Some("Frikommuneforsøg: X")
        );
        assert_eq!(item_title("Punkt 12. Budget").as_deref(), Some("Budget"));
        assert_eq!(
            item_title("Pkt. 7 (Lukket) Personalesag").as_deref(),
            Some("Personalesag")
        );
        assert_eq!(without_access_mark("(Åben) Godkendelse"), "Godkendelse");
        assert_eq!(
            item_title("Sag 214 – Frikommuneforsøg: X").as_deref(),
            Some("Frikommuneforsøg: X")
        );
        assert_eq!(
            case_numbers_in("Sagsid: 20/11873"),
            vec!["20/11873".to_string()]
        );
        assert_eq!(
            case_numbers_in("Sagsnr. (Struer): 19/10428"),
            vec!["19/10428".to_string()]
        );
        assert_eq!(
            joint_committees(
                "Arbejdsmarkedsudvalget (Holstebro) og Beskæftigelsesudvalget (Struer)"
            )
            .as_deref(),
            Some("Arbejdsmarkedsudvalget (Holstebro) og Beskæftigelsesudvalget (Struer)")
        );
        assert_eq!(
            joint_committees("Arbejdsmarkedsudvalget og netværket"),
            None
        );
        assert_eq!(is_item_marker("Sag 2012-12345 om budget"), None);
        assert_eq!(is_item_marker("Sagsnr.: 20/4417"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("opstartet d. 1. januar 2018"),
            Some("2018-01-01".into())
        );
        assert_eq!(parse_date("Oktober 2019"), Some("2019-10".into()));
        assert_eq!(standalone_date("Oktober 2019"), Some("2019-10".into()));
        assert_eq!(
            standalone_date("Mødedato: 7. november 2019"),
            Some("2019-11-07".into())
        );
        assert_eq!(standalone_date("Start marts 2020 med mange"), None);
    }

    #[test]
    fn a_memos_addressee_is_its_body() {
        for (line, body) in [
            ("Til: Medlemmerne af KKR Syddanmark", Some("KKR Syddanmark")),
            (
                "Til: Beskæftigelsesudvalget",
                Some("Beskæftigelsesudvalget"),
            ),
            ("Til: | Udvalget, Ældrerådet, Direktionen m.fl.", None),
            ("Til: Social- og Indenrigsministeriet", None),
        ] {
            assert_eq!(addressed_body(line).as_deref(), body, "{line}");
        }
    }

    #[test]
    fn a_stamps_session_line_is_no_title() {
        assert!(SESSION_STAMP.is_match("Social- og Indenrigsudvalget 2019-20"));
        assert!(SESSION_STAMP.is_match("Beskæftigelsesudvalget 2019-20"));
        assert!(!SESSION_STAMP.is_match("Beskæftigelsesudvalget 12. marts 2020"));
        assert!(!SESSION_STAMP.is_match("Status for udvalget"));
    }

    #[test]
    fn cases() {
        assert_eq!(
            case_numbers_in("2017-064898"),
            vec!["2017-064898".to_string()]
        );
        assert_eq!(
            case_numbers_in("BEU, Alm.del - 2019-20 - Bilag 56: Status"),
            vec!["BEU Alm.del Bilag 56".to_string()]
        );
        assert_eq!(
            case_numbers_in("BEU Alm.del - endeligt svar på spørgsmål 412"),
            vec!["BEU Alm.del - endeligt svar på spørgsmål 412".to_string()]
        );
        assert_eq!(
            case_numbers_in("L 38 Bilag 1"),
            vec!["L 38 Bilag 1".to_string()]
        );
        assert_eq!(
            case_numbers_in("Folketingets Ombudsmand · FOB 2020-17"),
            vec!["FOB 2020-17".to_string()]
        );
        assert!(case_numbers_in("i alt 38 Bilag 1").is_empty());
        // (A public agency's name is its issuer, a council's board is no agency.)
        assert!(names_an_issuer("Ankestyrelsen"));
        assert!(names_an_issuer("Sundhedsstyrelsen"));
        assert!(!names_an_issuer("Kommunalbestyrelsen"));
        assert_eq!(
            case_numbers_in("Principmeddelelse 48-19"),
            vec!["48-19".to_string()]
        );
        assert_eq!(
            case_numbers_in("Beretning 22/2021 · September 2021"),
            vec!["22/2021".to_string()]
        );
        assert_eq!(
            case_numbers_in("Sagsnr.: 27.00.00-P20-1-18"),
            vec!["27.00.00-P20-1-18".to_string()]
        );
        assert!(case_numbers_in("Beskæftigelsesudvalget 2019-20 i perioden 2016-2020").is_empty());
        assert_eq!(
            case_numbers_in("Sagsnr.: 330-2019-11802"),
            ["330-2019-11802"]
        );
    }

    #[test]
    fn a_memo_to_one_committee_is_that_committees() {
        assert_eq!(
            labelled_body("Til: Beskæftigelsesudvalget").as_deref(),
            Some("Beskæftigelsesudvalget")
        );
        assert_eq!(
            labelled_body("Til: Udvalget, Ældrerådet, Direktionen m.fl."),
            None
        );
        assert!(MEMO_FIELD.is_match("Kontaktperson: Netværkskoordinator Ida Falk"));
    }

    #[test]
    fn a_consultancy_and_a_line_of_members_stand_over_the_title() {
        let para = |text: &str, kind: Kind| Paragraph::new(1, text, kind);
        let paras = [
            para("Bækgaard Analyse & Rådgivning", Kind::Heading),
            para(
                "Midtvejsevaluering af forsøgene i Frikommunenetværket Øst",
                Kind::Heading,
            ),
            para("Greve · Ishøj · Solrød · Vallensbæk", Kind::Heading),
            para(
                "Bækgaard Analyse & Rådgivning ApS · Algade 31 · 4000 Roskilde",
                Kind::Body,
            ),
        ];
        let title = title(&paras, &[]);
        assert_eq!(
            title.as_deref(),
            Some("Midtvejsevaluering af forsøgene i Frikommunenetværket Øst")
        );
        assert_eq!(kind(&paras, title.as_deref()), DocumentKind::Evaluation);
    }

    #[test]
    fn cards_that_each_give_their_committee_are_no_ones() {
        let para = |text: &str| Paragraph::new(1, text, Kind::Body);
        let one = [para("Titel: Ny takst"), para("Udvalg: Økonomiudvalget")];
        assert_eq!(body(&one, &[]).as_deref(), Some("Økonomiudvalget"));
        // (Cards after the catalogue's own masthead and introduction.)
        let mut cards: Vec<Paragraph> = (0..6).map(|_| para("Indledning.")).collect();
        cards.extend([
            para("Udvalg: Økonomiudvalget"),
            para("Udvalg: Beskæftigelsesudvalget"),
        ]);
        assert_eq!(body(&cards, &[]), None);
    }

    #[test]
    fn an_address_given_as_a_field_makes_no_letter_head() {
        let para = |text: &str, kind: Kind| Paragraph::new(1, text, kind);
        let paras = [
            para("Tilsynsrapport 2020 – Dagmar Omsorg ApS", Kind::Heading),
            para(
                "Uanmeldt tilsyn med privat leverandør af hjemmehjælp",
                Kind::Heading,
            ),
            para(
                "Leverandør: Dagmar Omsorg ApS, Hovedgaden 14, 8420 Knebel",
                Kind::Body,
            ),
            para("Tilsynsdato: 10. november 2020", Kind::Body),
            para("1. Baggrund", Kind::Numbered(1)),
        ];
        let title = title(&paras, &[]);
        assert_eq!(
            title.as_deref(),
            Some("Tilsynsrapport 2020 – Dagmar Omsorg ApS")
        );
        assert_eq!(kind(&paras, title.as_deref()), DocumentKind::Evaluation);
    }

    #[test]
    fn a_forms_fields_and_an_annex_masthead() {
        let para = |text: &str, kind: Kind| Paragraph::new(1, text, kind);
        // A statute is no status report, whatever follow-up it rules on.
        let statute_title =
            "Bekendtgørelse om frikommuneforsøg med færre opfølgninger for førtidspensionister";
        let statute = [
            para(statute_title, Kind::Heading),
            para("§ 1. Bekendtgørelsen …", Kind::Body),
        ];
        assert_eq!(kind(&statute, Some(statute_title)), DocumentKind::Other);
        // A form: the start date answers a field; the form is dated where it is signed.
        let form = [
            para(
                "Afrapporteringsskema – frikommuneforsøg på beskæftigelsesområdet",
                Kind::Heading,
            ),
            para("Forsøgsstart i kommunen *", Kind::Numbered(6)),
            para("1. april 2018", Kind::Heading),
            Paragraph::new(3, "Dato: 19. februar 2021", Kind::Body),
        ];
        let t = title(&form, &[]);
        assert_eq!(date(&form, &[]).as_deref(), Some("2021-02-19"));
        assert_eq!(kind(&form, t.as_deref()), DocumentKind::StatusReport);
        // A standard's effective date is not its date; its adoption is.
        let standard = [
            para("Kvalitetsstandard for mentorstøtte", Kind::Heading),
            para(
                "Version 1.0 – godkendt af Arbejdsmarkedsudvalget den 19. marts 2019",
                Kind::Body,
            ),
            para("Gældende fra: 1. april 2019", Kind::Body),
        ];
        assert_eq!(date(&standard, &[]).as_deref(), Some("2019-03-19"));
        // An annex under its report's title is titled by its own label.
        let annex = [
            para(
                "Evaluering af frikommuneforsøgene i Frikommunenetværket Svendborgsund 2017-2021",
                Kind::Heading,
            ),
            para("Bilag B: Tabeller", Kind::Heading),
        ];
        assert_eq!(title(&annex, &[]).as_deref(), Some("Bilag B: Tabeller"));
    }
}
