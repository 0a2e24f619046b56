//! What a decision text says: its outcome (`Godkendt`, `Udsat`, `Til orientering`, ...)
//! and, where the minutes record a vote, the counts and parties on each side
//! (`godkendt med 21 stemmer (A, V, F, Ø) mod 6 (O, C)`, `For stemte: 15 (A, F, Ø)`,
//! `5 stemte for, 4 imod og 1 undlod at stemme`, `Et mindretal bestående af O og C
//! stemte imod`, `Enstemmigt godkendt`).
//!
//! The text is cut into clauses where a new side begins (a comma, `og` or plain space
//! before `mod`, `imod`, `for stemte`, `undlod`, a number that votes, ...); each clause
//! then names one side by its keywords and carries that side's count and party letters.

use super::document::{Outcome, VoteSide, Votes};
use super::numbers::number_word;
use regex::Regex;
use std::sync::LazyLock;

/// The outcome a decision text states; the first rule that matches wins, so negations
/// (`ikke godkendt`) and postponements come before plain approval.
pub fn outcome(decision: &str) -> Option<Outcome> {
    static RULES: LazyLock<Vec<(Regex, Outcome)>> = LazyLock::new(|| {
        let rule = |re: &str, o| {
            (
                Regex::new(&format!("(?i){re}")).unwrap_or_else(|e| panic!("{e}")),
                o,
            )
        };
        vec![
            // Taken off the agenda: "Punktet udgik.", "Sagen blev trukket af dagsordenen."
            rule(
                r"^(?:punktet|sagen)\s+(?:udgik|udgår|(?:blev|er)\s+trukket|trækkes)\b",
                Outcome::Withdrawn,
            ),
            rule(
                r"\b(?:ikke\s+(?:godkendt|godkendes|vedtaget|tiltrådt|anbefalet|anbefales)|forkast\w*|afvist|afvises|afslået|afslås|bortfald\w*)\b",
                Outcome::Rejected,
            ),
            // A motion to send the case back or put it off, adopted ("Forslag fra O om
            // at sende sagen tilbage til udvalget blev vedtaget med 14 stemmer …").
            rule(
                r"\bforslag\w*\s+(?:fra\s+[^.]{1,40}?\s+)?om\s+at\s+(?:sende\s+sagen\s+tilbage|tilbagesende|hjemvise)[^.]*\bvedtaget\b",
                Outcome::Referred,
            ),
            rule(
                r"\bforslag\w*\s+(?:fra\s+[^.]{1,40}?\s+)?om\s+at\s+udsætte[^.]*\bvedtaget\b",
                Outcome::Postponed,
            ),
            // "Sagen genoptages på næste møde": taken up again later.
            rule(
                r"\budsat\b|\budsættes\b|\butsat\b|\bgenoptages\b|\bbesluttede\s+at\s+udsætte\b",
                Outcome::Postponed,
            ),
            // Sent on with a recommendation: recommended, not merely referred.
            rule(r"\bmed\s+(?:positiv\s+)?anbefaling\b", Outcome::Recommended),
            // Approved, then sent on for information ("Styregruppen godkendte rapporten
            // og besluttede, at den sendes til orientering i fagudvalgene").
            rule(
                r"\bgodkend\w*[^.]*\b(?:sendes|oversendes|videresendes|fremsendes|sende)\b[^.]*\btil\s+orientering\b",
                Outcome::Approved,
            ),
            rule(
                r"\btil\s+orientering\b|\btil\s+efterretning\b|\borienteringen\b",
                Outcome::Noted,
            ),
            // (… or the body sends it: "Et enigt udvalg oversender sagen til
            // Økonomiudvalget".)
            rule(
                r"^(?:sagen\s+)?(?:fremsendes|oversendes|oversendt|henvises|henvist|videresendes|videresendt|(?:blev\s+)?(?:sendt|sendes)\s+tilbage)\b|\b(?:oversender|fremsender|videresender)\s+sagen\b",
                Outcome::Referred,
            ),
            // A decision that opens by approving approves, whatever it goes on to
            // recommend: "Godkendt med den ændring, at også X anbefales gjort permanent".
            rule(r"^godkendt\b", Outcome::Approved),
            rule(
                r"\banbefale[st]?\b|\banbefaler\b|\bindstilles\s+til\s+godkendelse\b",
                Outcome::Recommended,
            ),
            rule(
                r"\bgodkend\w*|\bvedtag\w*|\btiltrå\w*|\bbevilge[ts]?\b|\bimødekomm\w*",
                Outcome::Approved,
            ),
            // An election or appointment decides too: "Styregruppen valgte X som formand",
            // "X blev genvalgt som næstformand", "KKR udpegede X som nyt medlem af …".
            rule(
                r"\b(?:(?:gen)?valgte?|udpeg(?:ede|et))\s+[^.]{0,80}?\b(?:som|til)\s+(?:nyt?\s+)?(?:\w*formand|medlem|sekretær)\b",
                Outcome::Approved,
            ),
            // A body's decision in its own words: "Styregruppen besluttede, at …".
            rule(
                r"\bbesluttede,?\s+at\b|\bbesluttes,?\s+at\b",
                Outcome::Approved,
            ),
        ]
    });
    // The first sentence that decides something says the outcome ("Styregruppen
    // godkendte midtvejsstatus. Midtvejsstatus sendes til orientering i udvalgene.").
    super::structure::sentences(decision)
        .iter()
        .find_map(|s| RULES.iter().find(|(re, _)| re.is_match(s)).map(|(_, o)| *o))
}

/// The part of a decision about the recommendation itself: what follows the last word
/// on an amendment, when something does ("… ændringsforslag: ”…” For ændringsforslaget
/// stemte 5 … Ændringsforslaget blev forkastet. Herefter blev indstillingen sat til
/// afstemning. For stemte 14 … Indstillingen blev godkendt.").
pub fn on_the_recommendation(decision: &str) -> std::borrow::Cow<'_, str> {
    let sentences = super::structure::sentences(decision);
    let last = sentences
        .iter()
        .rposition(|s| s.to_lowercase().contains("ændringsforslag"));
    // (What is still said of the amendment's vote, "Enhedslisten undlod at stemme.",
    // stands before the turn to the recommendation: "Budget … blev herefter vedtaget".)
    let turn = |k: usize| {
        sentences[k + 1..]
            .iter()
            .position(|s| {
                let l = s.to_lowercase();
                ["herefter", "derefter", "indstillingen"]
                    .iter()
                    .any(|w| l.contains(w))
            })
            .map_or(k + 1, |at| k + 1 + at)
    };
    match last.map(|k| sentences[turn(k)..].join(" ")) {
        Some(rest) if rest.chars().any(char::is_alphabetic) => rest.into(),
        _ => decision.into(),
    }
}

/// Words that start a new side of a vote; the clause boundary is put before them. A word
/// before `stemte`/`stemmer`/... (group `n`) starts a side only when it is a count.
static SIDE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:,\s*|\s+og\s+|\s+|^)(i?mod\s*:|i?mod\s+(?:stemte|\d|\(|[a-zæøå]+\s+(?:stemmer|\())|(?:mens|hvorimod|for stemte|undlod|hverken|stemte blankt|blanke|et mindretal|mindretallet|et flertal|flertallet)\b|(?P<n>\d+|[a-zæøå]+)\s+(?:stemte|stemmer|medlemmer|for\b|imod\b|undlod))",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,3}|[a-zæøå]+)\b(?:\s+(?:stemmer|stemte|medlemmer|for\b|imod\b|undlod)|\s*\(|\s*\)|\s*[.,;]?\s*$)")
        .unwrap_or_else(|e| panic!("{e}"))
});
static PARTY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[A-ZÆØÅ]\b").unwrap_or_else(|e| panic!("{e}")));

#[derive(Clone, Copy, PartialEq)]
enum Side {
    For,
    Against,
    Abstained,
}

fn side_of(clause: &str, seen_vote_clause: bool) -> Option<Side> {
    let c = clause.to_lowercase();
    let has = |w: &str| {
        c.split(|ch: char| !ch.is_alphanumeric())
            .any(|t| t == w || (w.ends_with('*') && t.starts_with(&w[..w.len() - 1])))
    };
    if has("hverken") || has("undlod") || has("blankt") || has("blanke") {
        Some(Side::Abstained)
    } else if has("imod") || has("nej") || c.trim_start().starts_with("mod ") || has("mindretal*") {
        Some(Side::Against)
    } else if has("ja")
        || (has("for")
        // "for" votes beside a count or a verb of voting, or opening the clause ("For:
        // 15"); "konsekvenserne for borgere" in a motion's text does not.
        && (has("stemte")
            || has("stemmer")
            || has("stemt")
            || c.split(|ch: char| !ch.is_alphanumeric()).find(|t| !t.is_empty()) == Some("for")
            || count_in(&c).is_some()))
        || has("flertal*")
        || (has("stemmer") && !seen_vote_clause)
    {
        Some(Side::For)
    } else {
        None
    }
}

/// A number in digits or words (`7`, `fem`, `en`).
fn count_word(w: &str) -> Option<u32> {
    w.parse::<u32>()
        .ok()
        .or_else(|| number_word(w).map(|v| v as u32))
        .or_else(|| matches!(w.to_lowercase().as_str(), "en" | "et").then_some(1))
}

fn count_in(clause: &str) -> Option<u32> {
    COUNT.captures_iter(clause).find_map(|c| {
        let v = count_word(c.get(1)?.as_str())?;
        // A count of votes is small; a bigger number is a year or an amount.
        (1..=200).contains(&v).then_some(v)
    })
}

/// Party names (`data/parties.tsv`) -> letter, longest name first so that "Radikale
/// Venstre" is B before "Venstre" is V.
static PARTY_NAMES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let mut names: Vec<(String, String)> = include_str!("../../data/parties.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .flat_map(|l| {
            let mut cols = l.split('\t');
            let letter = cols.next().unwrap_or("").trim().to_string();
            cols.flat_map(|c| c.split(';'))
                .map(|n| n.trim().to_lowercase())
                .filter(|n| !n.is_empty())
                .map(move |n| (n, letter.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    names.sort_by_key(|(n, _)| std::cmp::Reverse(n.chars().count()));
    names
});

/// Party letters of a clause: single capital letters (`(A, V og Ø)`) and party names
/// (`Socialdemokratiet og SF`), in order of appearance.
fn parties_in(clause: &str) -> Vec<String> {
    let clause = &read_party_lists(clause);
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut lower = clause.to_lowercase();
    for (name, letter) in PARTY_NAMES.iter() {
        while let Some(at) = find_word(&lower, name) {
            // A name is written with its capital ("til venstre" names no party).
            if clause
                .get(at..)
                .is_some_and(|r| r.starts_with(char::is_uppercase))
            {
                found.push((at, letter.clone()));
            }
            // Blank the match out so a shorter name inside it ("Venstre" in "Radikale
            // Venstre") is not found again; lowercasing kept the byte offsets for these.
            lower.replace_range(at..at + name.len(), &" ".repeat(name.len()));
        }
    }
    found.extend(
        letters_in(clause)
            .into_iter()
            .map(|(at, l)| (at, l.to_string())),
    );
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, l)| l).collect()
}

/// Party lists in parentheses as an OCR layer misreads them, read right: the letter O as
/// a zero (`(0, C)`), a letter run into the next word (`(A, V, Fog Ø)`).
fn read_party_lists(clause: &str) -> String {
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\(((?:[A-ZÆØÅ0]|[A-ZÆØÅ]og)(?:(?:,\s*|\s+og\s+|\s+)(?:[A-ZÆØÅ0]|[A-ZÆØÅ]og))*)\)",
        )
        .unwrap_or_else(|e| panic!("{e}"))
    });
    LIST.replace_all(clause, |c: &regex::Captures| {
        let inner = c[1]
            .split(", ")
            .flat_map(|part| part.split(' '))
            .map(|t| match t {
                "0" => "O".to_string(),
                t if t.len() > 2 && t.ends_with("og") && t.is_char_boundary(t.len() - 2) => {
                    format!("{} og", &t[..t.len() - 2])
                }
                t => t.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ");
        format!("({inner})")
    })
    .into_owned()
}

/// The byte offset of `word` in `text` as a whole word.
pub(super) fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text.get(from..)?.find(word) {
        let at = from + i;
        let end = at + word.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(at);
        }
        from = end;
    }
    None
}

fn letters_in(clause: &str) -> Vec<(usize, &str)> {
    PARTY
        .find_iter(clause)
        // `I` opens many sentences ("I alt ...") but is a party letter in a list.
        .filter(|m| {
            m.as_str() != "I" || {
                let after = &clause[m.end()..];
                after.starts_with([',', ')']) || after.starts_with(" og ")
            }
        })
        .map(|m| (m.start(), m.as_str()))
        .collect()
}

/// The vote a decision text records, if any.
pub fn votes(decision: &str) -> Option<Votes> {
    let low = decision.to_lowercase();
    // "Enstemmigt godkendt", "Et enigt udvalg anbefaler …".
    let unanimous =
        low.contains("enstemmig") || low.contains("et enigt ") || low.contains("enigt vedtaget");
    // Cut before every start of a side, keeping the keyword with the clause it opens.
    let mut cuts: Vec<usize> = vec![0];
    let mut from = 0;
    while let Some(c) = SIDE_START.captures_at(decision, from) {
        let (Some(whole), Some(side)) = (c.get(0), c.get(1)) else {
            break;
        };
        // "hverken for eller imod (C)" is one side, not two.
        // (Only the last word is lowered: the text before can be the whole decision,
        // once for every side.)
        let before = decision[..side.start()].trim_end();
        let last = before.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
        let after_eller = before[last..].to_lowercase() == " eller";
        if after_eller
            || c.name("n")
                .is_some_and(|n| count_word(n.as_str()).is_none())
        {
            // Not a count ("Folkeparti stemte"): look again from the next character.
            from = whole.start()
                + decision[whole.start()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
            continue;
        }
        cuts.push(side.start());
        from = whole.end();
    }
    cuts.push(decision.len());
    cuts.dedup();
    let mut votes = Votes {
        unanimous,
        ..Votes::default()
    };
    let mut seen = false;
    let mut pending = None;
    let mut carried: Vec<String> = Vec::new();
    // A count alone before its side ("2 stemte | hverken for eller imod (C)").
    let mut carried_count: Option<u32> = None;
    for w in cuts.windows(2) {
        let whole = &decision[w[0]..w[1]];
        // A sentence end inside a clause: what follows it either votes (then it is a
        // clause of its own: "Indstillingen blev godkendt. | For stemte ...", and so is
        // what stands before it if that votes too: "… mod 20. Kun Enhedslisten stemte
        // for.") or names parties of the next clause ("... stemte imod. Radikale
        // Venstre | undlod at stemme").
        let parts: Vec<(&str, &str)> = match whole.rsplit_once(". ") {
            Some((a, b)) if side_of(b, seen).is_some() => {
                if side_of(a, seen).is_some() {
                    vec![(a, ""), (b, "")]
                } else {
                    vec![(b, "")]
                }
            }
            Some((a, b)) => vec![(a, b)],
            None => vec![(whole, "")],
        };
        for (clause, tail) in parts {
            // A side named with nothing after it ("Hverken for eller | imod: C") names
            // the next clause's side; parties named before their side
            // ("Socialdemokratiet, SF og | Enhedslisten stemte for") belong to the next
            // clause.
            match pending.take().or_else(|| side_of(clause, seen)) {
                // The party that moved a motion ("Forslag fra O om …") is not a side.
                None if clause.to_lowercase().contains("forslag") => {}
                None => {
                    carried.extend(parties_in(clause));
                    carried_count = count_in(clause).or(carried_count);
                }
                Some(side) => {
                    // A side's list ends with its parentheses: "Undlod at stemme: 2 (C)
                    // Dansk Folkeparti og Nye Borgerlige begrundede …" (the reason after
                    // the vote names parties that are no side).
                    let clause = clause.find(')').map_or(clause, |end| &clause[..=end]);
                    let count = count_in(clause).or(carried_count.take());
                    let mut parties = std::mem::take(&mut carried);
                    parties.extend(parties_in(clause));
                    if count.is_none() && parties.is_empty() {
                        pending = Some(side);
                    } else {
                        seen = true;
                        let slot = match side {
                            Side::For => &mut votes.for_,
                            Side::Against => &mut votes.against,
                            Side::Abstained => &mut votes.abstained,
                        };
                        let entry = slot.get_or_insert_with(VoteSide::default);
                        entry.count = entry.count.or(count);
                        for p in parties {
                            if !entry.parties.contains(&p) {
                                entry.parties.push(p);
                            }
                        }
                    }
                }
            }
            carried.extend(parties_in(tail));
        }
    }
    (seen || unanimous).then_some(votes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_lists_misread_by_ocr() {
        assert_eq!(parties_in("mod 6 (0, C)"), vec!["O", "C"]);
        assert_eq!(parties_in("7 (A, V, Fog Ø)"), vec!["A", "V", "F", "Ø"]);
        assert_eq!(parties_in("med 0 stemmer"), Vec::<String>::new());
    }

    fn side(count: Option<u32>, parties: &[&str]) -> Option<VoteSide> {
        Some(VoteSide {
            count,
            parties: parties.iter().map(|p| p.to_string()).collect(),
        })
    }

    #[test]
    fn an_adopted_motion_to_send_back_refers_the_case_and_its_vote_counts() {
        let d = "Forslag fra O om at sende sagen tilbage til Social- og Sundhedsudvalget med \
                 henblik på en nærmere belysning af konsekvenserne for borgere med demens blev \
                 vedtaget med 14 stemmer (V, C, O, SF og Ø) mod 12 stemmer (A og B).";
        assert_eq!(outcome(d), Some(Outcome::Referred));
        let v = votes(d).unwrap_or_default();
        assert_eq!(v.for_, side(Some(14), &["V", "C", "O", "F", "Ø"]));
        assert_eq!(v.against, side(Some(12), &["A", "B"]));
        assert_eq!(
            outcome("Forslag fra V om at udsætte sagen blev vedtaget med 15 stemmer mod 10."),
            Some(Outcome::Postponed)
        );
    }

    #[test]
    fn a_rejected_amendment_is_not_the_decision() {
        let decision = "Ø stillede følgende ændringsforslag: ”Deltagelse skal være frivillig.” \
            For ændringsforslaget stemte 5 (F, Ø og Å). Imod stemte 12 (A, V, C og O). \
            Ændringsforslaget blev forkastet. Herefter blev indstillingen sat til afstemning. \
            For stemte 14 (A, V, C, O og F). Imod stemte 2 (Ø). Indstillingen blev godkendt.";
        let part = on_the_recommendation(decision);
        assert_eq!(outcome(&part), Some(Outcome::Approved));
        let v = votes(&part);
        assert_eq!(
            v.as_ref()
                .and_then(|v| v.against.as_ref())
                .and_then(|s| s.count),
            Some(2)
        );
        assert_eq!(on_the_recommendation("Godkendt."), "Godkendt.");
        let abstained_on_it = "Ændringsforslaget fra O blev forkastet med 5 stemmer for (O) og \
            21 imod (A og V). Enhedslisten undlod at stemme. Budgettet blev herefter vedtaget \
            med 21 stemmer for (A og V) og 7 imod (O og Ø).";
        let v = votes(&on_the_recommendation(abstained_on_it));
        assert!(v.is_some_and(|v| v.abstained.is_none()));
        // (An amendment the decision ends with is the decision's own.)
        let sent_on =
            "Fremsendes med ændringsforslaget til Teknisk Udvalg jf. mødet den 27. august 2025.";
        assert_eq!(on_the_recommendation(sent_on), sent_on);
    }

    #[test]
    fn outcomes() {
        assert_eq!(outcome("Godkendt."), Some(Outcome::Approved));
        assert_eq!(
            outcome("Et enigt udvalg oversender sagen til Økonomiudvalget."),
            Some(Outcome::Referred)
        );
        assert_eq!(
            outcome(
                "Styregruppen valgte Ib Holst (Billund) som formand og Ea Bak som næstformand."
            ),
            Some(Outcome::Approved)
        );
        assert_eq!(
            outcome("Karen Lund blev genvalgt som næstformand."),
            Some(Outcome::Approved)
        );
        assert_eq!(
            outcome("Indstillingen blev ikke godkendt."),
            Some(Outcome::Rejected)
        );
        assert_eq!(outcome("Udsat til næste møde."), Some(Outcome::Postponed));
        assert_eq!(outcome("Punktet udgik."), Some(Outcome::Withdrawn));
        assert_eq!(
            outcome("Sagen blev trukket af dagsordenen."),
            Some(Outcome::Withdrawn)
        );
        // (The agenda approved without an item is approved.)
        assert_eq!(
            outcome("Godkendt med den bemærkning, at punkt 122 udgår."),
            Some(Outcome::Approved)
        );
        assert_eq!(
            outcome("Styregruppen besluttede at udsætte punktet."),
            Some(Outcome::Postponed)
        );
        assert_eq!(
            outcome("Styregruppen besluttede, at Assens indgår i evalueringen."),
            Some(Outcome::Approved)
        );
        assert_eq!(
            outcome("Styregruppen besluttede ikke at søge om forlængelse."),
            None
        );
        assert_eq!(
            outcome("Rapporten blev godkendt og sendes til orientering i udvalgene."),
            Some(Outcome::Approved)
        );
        assert_eq!(outcome("Til orientering."), Some(Outcome::Noted));
        assert_eq!(
            outcome("Orienteringen blev taget til efterretning."),
            Some(Outcome::Noted)
        );
        assert_eq!(outcome("Anbefales godkendt."), Some(Outcome::Recommended));
        assert_eq!(
            outcome(
                "Godkendt med den ændring, at også psykologforsøget anbefales gjort permanent."
            ),
            Some(Outcome::Approved)
        );
        assert_eq!(
            outcome("Fremsendes til Teknisk Udvalg til behandling i henhold til beslutning i byrådets møde."),
            Some(Outcome::Referred)
        );
        assert_eq!(
            outcome("Sagen blev sendt tilbage til Job- og Uddannelsesudvalget."),
            Some(Outcome::Referred)
        );
        // Aarhus returns an adopted case to the department: approved, not sent back.
        assert_eq!(
            outcome("Tilbagesendes Borgmesterens Afdeling med bemærkning, at byrådet har vedtaget indstillingen."),
            Some(Outcome::Approved)
        );
        assert_eq!(
            outcome("Forslaget blev forkastet med 4 mod 5 stemmer."),
            Some(Outcome::Rejected)
        );
        assert_eq!(outcome("Drøftet."), None);
    }

    #[test]
    fn vote_forms() {
        let v = votes("Indstillingen blev godkendt med 21 stemmer (A, V, F, Ø) mod 6 (O, C).")
            .expect("vote");
        assert_eq!(v.for_, side(Some(21), &["A", "V", "F", "Ø"]));
        assert_eq!(v.against, side(Some(6), &["O", "C"]));
        assert_eq!(v.abstained, None);

        let v =
            votes("For stemte: 15 (A, F og Ø). Imod stemte: 10 (V, O). Undlod at stemme: 2 (C).")
                .expect("vote");
        assert_eq!(v.for_, side(Some(15), &["A", "F", "Ø"]));
        assert_eq!(v.against, side(Some(10), &["V", "O"]));
        assert_eq!(v.abstained, side(Some(2), &["C"]));

        let v =
            votes("Godkendt med fem stemmer for, to imod og en undlod at stemme.").expect("vote");
        assert_eq!(v.for_, side(Some(5), &[]));
        assert_eq!(v.against, side(Some(2), &[]));
        assert_eq!(v.abstained, side(Some(1), &[]));

        let v = votes(
            "Et flertal bestående af A, V og F godkendte indstillingen. Et mindretal bestående af O og Ø stemte imod.",
        )
        .expect("vote");
        assert_eq!(v.for_, side(None, &["A", "V", "F"]));
        assert_eq!(v.against, side(None, &["O", "Ø"]));

        let v = votes("Forslaget blev forkastet med 4 stemmer for (O, Ø) og 5 imod (A, V).")
            .expect("vote");
        assert_eq!(v.for_, side(Some(4), &["O", "Ø"]));
        assert_eq!(v.against, side(Some(5), &["A", "V"]));

        let v = votes("For stemte A, F og Ø (15). Imod: V (3). Hverken for eller imod: C.")
            .expect("vote");
        assert_eq!(v.for_, side(Some(15), &["A", "F", "Ø"]));
        assert_eq!(v.against, side(Some(3), &["V"]));
        assert_eq!(v.abstained, side(None, &["C"]));

        let v = votes(
            "Socialdemokratiet, SF og Enhedslisten stemte for, mens Venstre og Dansk Folkeparti stemte imod. Radikale Venstre undlod at stemme.",
        )
        .expect("vote");
        assert_eq!(v.for_, side(None, &["A", "F", "Ø"]));
        assert_eq!(v.against, side(None, &["V", "O"]));
        assert_eq!(v.abstained, side(None, &["B"]));

        let v = votes("Godkendt med 9 stemmer. Imod stemte 2 (Det Konservative Folkeparti).")
            .expect("vote");
        assert_eq!(v.for_, side(Some(9), &[]));
        assert_eq!(v.against, side(Some(2), &["C"]));

        let v = votes("Enstemmigt godkendt.").expect("vote");
        assert!(v.unanimous && v.for_.is_none());

        assert_eq!(votes("Godkendt."), None);
        assert_eq!(votes("Udsat til mødet den 4. maj 2020."), None);
    }
}
