//! The Danish analysis, one chain at index and at query time.
//!
//! `da`: words (numbers and ids kept whole, `LÆ 285` also as `læ285`) -> lowercase ->
//! Danish Snowball stemming -> `å` folded to `aa` (after stemming, so `får` and `far`
//! stay apart while `Ålborg` = `Aalborg`). `da_exact` is the same without stemming: the
//! exact form, ranked above the stemmed one.

use tantivy::tokenizer::{
    Language, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Name of the stemmed analyzer.
pub const DA: &str = "da";
/// Name of the exact-form analyzer.
pub const DA_EXACT: &str = "da_exact";

/// Name of the reversed stemmed analyzer (compound heads: `attest` finds `lægeattest`
/// as the prefix `tsetta` of the reversed term, without scanning the whole dictionary).
pub const DA_REV: &str = "da_rev";

/// The stemmed analyzer with every term reversed, over the words that can end in a
/// compound head a query may name.
pub fn danish_reversed() -> TextAnalyzer {
    TextAnalyzer::builder(CompoundCandidates)
        .filter(RemoveLongFilter::limit(48))
        .filter(Stemmer::new(Language::Danish))
        .filter(IRREGULAR)
        .filter(AA_FOLD)
        .filter(REVERSE)
        .build()
}

/// The stemmed analyzer.
pub fn danish() -> TextAnalyzer {
    TextAnalyzer::builder(DanishWords)
        .filter(RemoveLongFilter::limit(48))
        .filter(NUMBER_FORM)
        .filter(Stemmer::new(Language::Danish))
        .filter(IRREGULAR)
        .filter(AA_FOLD)
        .build()
}

/// The exact-form analyzer.
pub fn danish_exact() -> TextAnalyzer {
    TextAnalyzer::builder(DanishWords)
        .filter(RemoveLongFilter::limit(48))
        .filter(NUMBER_FORM)
        .filter(AA_FOLD)
        .build()
}

/// The analyzed tokens of a text: (term, byte offsets) in order.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize)> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push((t.text.clone(), t.offset_from, t.offset_to));
    }
    out
}

/// Splits text into lowercase words. Digits joined by `.`, `,`, `-` or `/` stay one
/// token (`3.600.000`, `86,1`, `2017-064898`), and a short letter code followed by a
/// number (`LÆ 285`) also yields the joined form (`læ285`) at the number's position, so
/// both spellings find each other.
#[derive(Clone, Default)]
pub struct DanishWords;

/// The token stream of [`DanishWords`].
pub struct DanishWordsStream {
    tokens: Vec<Token>,
    next: usize,
}

/// [`DanishWords`] keeping only words of five letters or more. A query word finds the
/// compounds it ends through the reversed field only when its stem has four letters or
/// more and the compound is longer still, so shorter words and numbers (half the tokens
/// of running Danish) could never match there and are not indexed.
#[derive(Clone, Default)]
pub struct CompoundCandidates;

impl Tokenizer for CompoundCandidates {
    type TokenStream<'a> = DanishWordsStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> DanishWordsStream {
        let mut tokens = split(text);
        tokens.retain(|t| t.text.chars().count() >= 5 && t.text.chars().all(char::is_alphabetic));
        DanishWordsStream { tokens, next: 0 }
    }
}

impl Tokenizer for DanishWords {
    type TokenStream<'a> = DanishWordsStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> DanishWordsStream {
        let mut tokens = split(text);
        add_written_dates(text, &mut tokens);
        DanishWordsStream { tokens, next: 0 }
    }
}

/// A date written out, `1. april 2019` or `1. apr. 2019`, also as the term its numeric
/// forms have (`2019-04-01`, see [`NUMBER_FORM`]), at the day's position.
fn add_written_dates(text: &str, tokens: &mut Vec<Token>) {
    use crate::extract::meta::MONTHS;
    // The first token at each position (a joined form `læ285` shares its number's).
    let firsts: Vec<usize> = (0..tokens.len())
        .filter(|&k| k == 0 || tokens[k].position != tokens[k - 1].position)
        .collect();
    let mut dates: Vec<(usize, Token)> = Vec::new();
    for w in firsts.windows(3) {
        let (day, month, year) = (&tokens[w[0]], &tokens[w[1]], &tokens[w[2]]);
        let month_number = MONTHS.iter().position(|m| {
            // (Abbreviated: `apr.`, `sept.`; three letters at least.)
            month.text == *m || (month.text.len() >= 3 && m.starts_with(month.text.as_str()))
        });
        let date = match (
            day.text.parse::<u32>(),
            month_number,
            year.text.parse::<u32>(),
        ) {
            (Ok(d), Some(m), Ok(y))
                if (1..=31).contains(&d)
                    && (1900..2100).contains(&y)
                    && year.text.len() == 4
                    && text.get(day.offset_to..day.offset_to + 1) == Some(".") =>
            {
                format!("{y}-{:02}-{d:02}", m + 1)
            }
            _ => continue,
        };
        dates.push((
            // After the day's tokens.
            w[1],
            Token {
                offset_from: day.offset_from,
                offset_to: year.offset_to,
                position: day.position,
                text: date,
                position_length: 1,
            },
        ));
    }
    for (at, token) in dates.into_iter().rev() {
        tokens.insert(at, token);
    }
}

impl TokenStream for DanishWordsStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }
    fn token(&self) -> &Token {
        &self.tokens[self
            .next
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1))]
    }
    fn token_mut(&mut self) -> &mut Token {
        let i = self
            .next
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1));
        &mut self.tokens[i]
    }
}

fn split(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6);
    let mut position = 0;
    // Where the previous word ended, when it was a code of one to three letters.
    let mut code_end: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut letters = 1;
        let mut alphabetic = c.is_alphabetic();
        let mut digits = c.is_ascii_digit();
        let mut last = c;
        while let Some(&(at, d)) = chars.peek() {
            // A digit, a joiner, a digit: one number or id.
            let joins = matches!(d, '.' | ',' | '-' | '/')
                && last.is_ascii_digit()
                && bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
            if !(d.is_alphanumeric() || joins) {
                break;
            }
            chars.next();
            end = at + d.len_utf8();
            letters += 1;
            alphabetic &= d.is_alphabetic();
            digits &= d.is_ascii_digit();
            last = d;
        }
        let word = &text[start..end];
        let text_lower = word.to_lowercase();
        let joined = match code_end {
            Some(e) if digits && e + 1 == start && bytes.get(e) == Some(&b' ') => tokens
                .last()
                .map(|code| (code.offset_from, format!("{}{}", code.text, text_lower))),
            _ => None,
        };
        code_end = (alphabetic && letters <= 3).then_some(end);
        tokens.push(Token {
            offset_from: start,
            offset_to: end,
            position,
            text: text_lower,
            position_length: 1,
        });
        if let Some((from, joined)) = joined {
            code_end = None;
            tokens.push(Token {
                offset_from: from,
                offset_to: end,
                position,
                text: joined,
                position_length: 1,
            });
        }
        position += 1;
    }
    tokens
}

/// The first, plainer implementation of [`split`] (a table of chars, counts per
/// token), kept as the oracle its tests compare with.
#[cfg(test)]
fn split_reference(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    let mut position = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i;
        loop {
            while j < chars.len() && chars[j].1.is_alphanumeric() {
                j += 1;
            }
            // A digit, a joiner, a digit: one number or id.
            let joins = j + 1 < chars.len()
                && matches!(chars[j].1, '.' | ',' | '-' | '/')
                && chars[j - 1].1.is_ascii_digit()
                && chars[j + 1].1.is_ascii_digit();
            if joins {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(o, _)| o);
        let word = &text[start..end];
        let prev_code = tokens.last().filter(|t| {
            let n = t.text.chars().count();
            (1..=3).contains(&n)
                && t.text.chars().all(char::is_alphabetic)
                && t.offset_to + 1 == start
                && text.get(t.offset_to..start) == Some(" ")
        });
        let joined = match prev_code {
            Some(code) if word.chars().all(|c| c.is_ascii_digit()) => {
                Some(format!("{}{}", code.text, word))
            }
            _ => None,
        };
        tokens.push(Token {
            offset_from: start,
            offset_to: end,
            position,
            text: word.to_lowercase(),
            position_length: 1,
        });
        if let Some(joined) = joined {
            let from = tokens[tokens.len() - 2].offset_from;
            tokens.push(Token {
                offset_from: from,
                offset_to: end,
                position,
                text: joined,
                position_length: 1,
            });
        }
        position += 1;
        i = j;
    }
    tokens
}

/// A filter that rewrites each term in place with a plain function: the shape of the
/// two term rewrites below.
#[derive(Clone, Copy)]
pub struct TermMap(fn(&mut String));

/// Folds `å` to `aa` (the spelling before 1948 that names like Aalborg keep).
pub const AA_FOLD: TermMap = TermMap(|term| {
    // A byte scan for `å` (C3 A5): `str::contains(char)` costs a substring search per
    // term, a few percent of indexing.
    if term.as_bytes().windows(2).any(|w| w == [0xC3, 0xA5]) {
        *term = term.replace('å', "aa");
    }
});

/// Writes numbers one way, however they are typed: Danish thousands points dropped
/// (`505.000` = `505000`, `2.450,5` = `2450,5`, each end of `1.300-2.000`), and numeric
/// dates as ISO dates (`1.4.2019`, `01.04.2019`, `1/4-2019` = `2019-04-01`, which is also
/// the term of a written-out `1. april 2019`, see [`DanishWords`]).
pub const NUMBER_FORM: TermMap = TermMap(|term| {
    if !term.starts_with(|c: char| c.is_ascii_digit()) || !term.contains(['.', '/', '-']) {
        return;
    }
    if let Some(date) = numeric_date(term) {
        *term = date;
    } else if term.contains('.') {
        let parts: Vec<String> = term.split('-').map(without_thousands_points).collect();
        *term = parts.join("-");
    }
});

/// `d.m.yyyy`, `dd.mm.yyyy`, `d/m-yyyy`, `d-m-yyyy` as `yyyy-mm-dd`.
fn numeric_date(term: &str) -> Option<String> {
    let parts: Vec<&str> = term.split(['.', '/', '-']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let (d, m): (u32, u32) = (day.parse().ok()?, month.parse().ok()?);
    let y: u32 = year.parse().ok()?;
    let fits = day.len() <= 2 && month.len() <= 2 && year.len() == 4;
    (fits && (1..=31).contains(&d) && (1..=12).contains(&m) && (1900..2100).contains(&y))
        .then(|| format!("{y}-{m:02}-{d:02}"))
}

/// `505.000` -> `505000`, `2.450,5` -> `2450,5`; anything else as it is.
fn without_thousands_points(number: &str) -> String {
    let (whole, decimals) = number.split_once(',').unwrap_or((number, ""));
    let groups: Vec<&str> = whole.split('.').collect();
    let grouped = groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    match (grouped, decimals.is_empty()) {
        (false, _) => number.to_string(),
        (true, true) => groups.concat(),
        (true, false) => format!("{},{decimals}", groups.concat()),
    }
}

/// Stems the stemmer leaves apart, brought together (`data/irregular-stems.tsv`:
/// `mellemregningskonti` and `mellemregningskontoen` one term; and nouns and adjectives
/// in `-el` that lose the `e` when inflected, see [`syncopated`]).
pub const IRREGULAR: TermMap = TermMap(|term| {
    syncopated(term);
    static STEMS: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
        std::sync::LazyLock::new(|| {
            include_str!("../../data/irregular-stems.tsv")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .collect()
        });
    if let Some((from, to)) = STEMS.iter().find(|(from, _)| term.ends_with(from)) {
        let head = term.len() - from.len();
        term.replace_range(head.., to);
    }
});

/// `regel`, `middel`, `kapitel`, `gammel` as their inflected forms' stems (`regl` of
/// `regler`, `midl` of `hjælpemidler`, `kapitl` of `kapitlerne`, `gaml` of `gamle`): a
/// consonant's `-el` loses its `e`, and a doubled consonant before it one of the pair.
fn syncopated(term: &mut String) {
    let vowel = |c: char| "aeiouyæøå".contains(c);
    let chars: Vec<char> = term.chars().collect();
    let n = chars.len();
    if n < 5 || !term.ends_with("el") {
        return;
    }
    let before = chars[n - 3];
    if !before.is_alphabetic() || vowel(before) || chars[..n - 3].iter().all(|c| !vowel(*c)) {
        return;
    }
    let keep = if chars[n - 4] == before { n - 4 } else { n - 3 };
    let mut out: String = chars[..keep].iter().collect();
    out.push(before);
    out.push('l');
    *term = out;
}

/// Reverses each term (for matching compound heads as prefixes).
pub const REVERSE: TermMap = TermMap(|term| *term = term.chars().rev().collect());

impl TokenFilter for TermMap {
    type Tokenizer<T: Tokenizer> = TermMapFilter<T>;
    fn transform<T: Tokenizer>(self, tokenizer: T) -> TermMapFilter<T> {
        TermMapFilter {
            inner: tokenizer,
            map: self.0,
        }
    }
}

/// The tokenizer of [`TermMap`].
#[derive(Clone)]
pub struct TermMapFilter<T> {
    inner: T,
    map: fn(&mut String),
}

impl<T: Tokenizer> Tokenizer for TermMapFilter<T> {
    type TokenStream<'a> = TermMapStream<T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        TermMapStream {
            tail: self.inner.token_stream(text),
            map: self.map,
        }
    }
}

/// The token stream of [`TermMap`].
pub struct TermMapStream<T> {
    tail: T,
    map: fn(&mut String),
}

impl<T: TokenStream> TokenStream for TermMapStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        (self.map)(&mut self.tail.token_mut().text);
        true
    }
    fn token(&self) -> &Token {
        self.tail.token()
    }
    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(a: &mut TextAnalyzer, s: &str) -> Vec<String> {
        tokens(a, s).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn stems_danish_inflections_to_one_term() {
        let mut a = danish();
        assert_eq!(terms(&mut a, "kommunerne"), terms(&mut a, "kommunens"));
        assert_eq!(terms(&mut a, "lægeattester"), terms(&mut a, "lægeattesten"));
        // Latin plurals the stemmer does not relate, in compounds too.
        assert_eq!(
            terms(&mut a, "mellemregningskonti"),
            terms(&mut a, "mellemregningskontoen")
        );
        assert_eq!(terms(&mut a, "kriterierne"), terms(&mut a, "kriterium"));
        // `-el` words that lose their `e` when inflected, in compounds too.
        for (one, other) in [
            ("regel", "reglerne"),
            ("forsøgsregel", "forsøgsregler"),
            ("hjælpemiddel", "hjælpemidler"),
            ("kapitel", "kapitlerne"),
            ("eksempel", "eksempler"),
            ("gammel", "gamle"),
            ("andel", "andelene"),
        ] {
            assert_eq!(terms(&mut a, one), terms(&mut a, other), "{one}");
        }
        assert_ne!(terms(&mut a, "middel"), terms(&mut a, "mid"));
        assert_ne!(terms(&mut a, "Michael"), terms(&mut a, "Michl"));
    }

    #[test]
    fn aa_and_aa_ring_are_one_letter_but_faar_is_not_far() {
        let mut a = danish();
        assert_eq!(terms(&mut a, "Ålborg"), terms(&mut a, "Aalborg"));
        assert_eq!(terms(&mut a, "Åbenrå"), terms(&mut a, "Aabenraa"));
        assert_ne!(terms(&mut a, "får"), terms(&mut a, "far"));
        assert_ne!(terms(&mut a, "før"), terms(&mut a, "for"));
    }

    #[test]
    fn numbers_and_ids_stay_whole() {
        let mut a = danish_exact();
        assert_eq!(terms(&mut a, "ca. 3.600.000 kr."), ["ca", "3600000", "kr"]);
        assert_eq!(terms(&mut a, "sag 2017-064898"), ["sag", "2017-064898"]);
        assert_eq!(terms(&mut a, "86,1 %"), ["86,1"]);
        // A list number followed by a word is not joined.
        assert_eq!(terms(&mut a, "1. Mikrolån"), ["1", "mikrolaan"]);
    }

    #[test]
    fn numbers_and_dates_are_found_however_they_are_typed() {
        let mut a = danish();
        assert_eq!(terms(&mut a, "505.000 kr."), terms(&mut a, "505000 kr"));
        assert_eq!(terms(&mut a, "2.450,5"), ["2450,5"]);
        assert_eq!(terms(&mut a, "1.300-2.000"), ["1300-2000"]);
        // Decimals, ids and case numbers keep their points and dashes.
        assert_eq!(
            terms(&mut a, "86,1 2017-064898 18/3318"),
            ["86,1", "2017-064898", "18/3318"]
        );
        assert_eq!(terms(&mut a, "1.20 12.5000"), ["1.20", "12.5000"]);
        for date in ["1.4.2019", "01.04.2019", "1/4-2019"] {
            assert_eq!(terms(&mut a, date), ["2019-04-01"], "{date}");
        }
        assert_eq!(
            terms(&mut a, "fra 1. april 2019 og 3. sept. 2020"),
            [
                "fra",
                "1",
                "fra1",
                "2019-04-01",
                "april",
                "2019",
                "og",
                "3",
                "og3",
                "2020-09-03",
                "sept",
                "2020"
            ]
        );
        // Not a date: no point after the day, no year, a month out of range.
        assert_eq!(terms(&mut a, "1 april 2019"), ["1", "april", "2019"]);
        assert_eq!(terms(&mut a, "13.13.2019"), ["13.13.2019"]);
    }

    #[test]
    fn letter_code_and_number_also_join() {
        let mut a = danish_exact();
        let t = tokens(&mut a, "attest (LÆ 285) ved");
        let texts: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["attest", "læ", "285", "læ285", "ved"]);
        assert_eq!(terms(&mut a, "LÆ285"), ["læ285"]);
    }

    #[test]
    fn split_matches_reference_on_corpus() {
        for e in std::fs::read_dir("corpus/truth").expect("truth") {
            let text = std::fs::read_to_string(e.expect("entry").path()).expect("read");
            let a: Vec<_> = split(&text)
                .into_iter()
                .map(|t| (t.text, t.offset_from, t.offset_to, t.position))
                .collect();
            let b: Vec<_> = split_reference(&text)
                .into_iter()
                .map(|t| (t.text, t.offset_from, t.offset_to, t.position))
                .collect();
            assert_eq!(a, b);
        }
        let t = "LÆ 285 og 3.600.000 kr., 2017-064898 a-dagpenge 1.300-2.000 ab 12";
        let a: Vec<_> = split(t).into_iter().map(|t| t.text).collect();
        let b: Vec<_> = split_reference(t).into_iter().map(|t| t.text).collect();
        assert_eq!(a, b);
    }
}
