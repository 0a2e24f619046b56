//! Queries: `search` (ranked pages with snippets and facets), `figures` and `trials`.
//!
//! The query language is small and explicit: words (all required), `"phrases"`,
//! `-word` or `-"phrase"` to exclude, `OR` between two terms, and `word*` for a prefix.
//! When fewer pages than asked for have every word, those that lack one follow.
//! Every word matches its stemmed form, its exact form (ranked higher) and, for words of
//! four letters or more, the compounds it starts or ends (`attest` finds
//! `lægeattester`, `sygedagpenge` finds `sygedagpengeopfølgning`), ranked lower.
//! A word on no page, or on very few, is also searched as the words it was most likely
//! meant as, and a query that names a trial also finds the pages about it (`expand`).

use super::analyzer;
use super::exclusion;
use super::expand;
use super::facets;
use super::schema;
use super::store::{index_error, text_of, Columns, IndexStore};
use super::{Facets, FigureFilter, FigureRow, Hit, SearchRequest, SearchResults, TrialRow};
use crate::error::{Error, Result};
use crate::extract::numbers;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Bound;
use tantivy::collector::{Count, DocSetCollector, MultiCollector, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{TantivyDocument, Term};
use unicode_normalization::UnicodeNormalization;

/// The query of a misspelt word's corrections, and those words (quoted) to tell the user.
type Corrected = (Box<dyn Query>, Vec<String>);

/// A query word on this many pages or fewer may be a misspelling (see `corrections`).
const RARE_PAGES: usize = 2;

/// The weight of the words a query word on a few pages was perhaps meant as: small
/// enough that the word's own pages rank first, even those that have it only inside a
/// compound (scored 0.4, see `word_query`), and the guesses after them.
const GUESS_WEIGHT: f32 = 0.05;

/// How far apart the two parts of a compound query word may stand, in either order
/// (`samtaler kan holdes telefonisk, digitalt eller i grupper`), and their weight: that
/// of a compound's part (see `word_query`).
const PARTS_SLOP: u32 = 8;
const PARTS_WEIGHT: f32 = 0.4;
/// How far a suspended compound's modifier may stand before its sibling compound
/// (`muskel- og skeletbesvær`, `social-, sundheds- og ældreområdet`).
const SUSPENDED_SLOP: u32 = 3;
/// A compound on more pages than this is not also searched as its parts written apart.
const PARTS_MAX_PAGES: u64 = 20;

/// One parsed element of a query.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Word(String),
    Prefix(String),
    Phrase(String),
}

/// A parsed query: groups of alternatives (all groups required), and exclusions.
#[derive(Debug, Default)]
struct Parsed {
    required: Vec<Vec<Item>>,
    excluded: Vec<Item>,
    notices: Vec<String>,
}

impl Parsed {
    /// The query's words and phrases as typed, without quotes.
    fn words(&self) -> String {
        let text = |i: &Item| match i {
            Item::Word(w) | Item::Prefix(w) | Item::Phrase(w) => w.clone(),
        };
        self.required
            .iter()
            .flatten()
            .map(text)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Whether the page `doc` of `segment` matches `weight`. (A scorer may only seek forward
/// from where it starts, its first match: `Weight::explain` seeks regardless, which a
/// debug build of tantivy asserts against.)
fn matches_page(
    weight: &dyn tantivy::query::Weight,
    segment: &tantivy::SegmentReader,
    doc: tantivy::DocId,
) -> tantivy::Result<bool> {
    use tantivy::DocSet;
    let mut scorer = weight.scorer(segment, 1.0)?;
    let first = scorer.doc();
    Ok(first == doc || (first < doc && scorer.seek(doc) == doc))
}

/// Alternatives weighted as a compound's part (`PARTS_WEIGHT`): the same thing said
/// another way, ranked below the word as typed; `None` for none.
fn weighted_as_part(alts: Vec<(Occur, Box<dyn Query>)>) -> Option<Box<dyn Query>> {
    (!alts.is_empty()).then(|| {
        Box::new(BoostQuery::new(
            Box::new(BooleanQuery::new(alts)),
            PARTS_WEIGHT,
        )) as Box<dyn Query>
    })
}

/// A required group as the user typed it: `tilbagebetaling`, `"fælles plan"`, `a OR b`.
fn group_label(group: &[Item]) -> String {
    let label: Vec<String> = group
        .iter()
        .map(|i| match i {
            Item::Word(w) => w.clone(),
            Item::Prefix(w) => format!("{w}*"),
            Item::Phrase(p) => format!("\"{p}\""),
        })
        .collect();
    label.join(" OR ")
}

fn parse(query: &str) -> Parsed {
    let query: String = query.nfc().collect();
    let mut parsed = Parsed::default();
    let mut chars = query.chars().peekable();
    let mut pending_or = false;
    let mut raw: Vec<(bool, Item)> = Vec::new(); // (excluded, item)
    let mut ors: Vec<bool> = Vec::new(); // item i joined to the previous by OR
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let negated = c == '-';
        if negated {
            chars.next();
        }
        let item = if chars.peek() == Some(&'"') {
            chars.next();
            let phrase: String = chars.by_ref().take_while(|&c| c != '"').collect();
            if !query.matches('"').count().is_multiple_of(2) && chars.peek().is_none() {
                parsed
                    .notices
                    .push("unclosed quote: the rest was searched as a phrase".into());
            }
            Item::Phrase(phrase)
        } else {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                word.push(c);
                chars.next();
            }
            if word == "OR" && !negated {
                pending_or = true;
                continue;
            }
            match word.strip_suffix('*') {
                Some(stem) if !stem.is_empty() && !stem.contains('*') => {
                    Item::Prefix(stem.to_string())
                }
                _ => Item::Word(word),
            }
        };
        ors.push(pending_or && !negated && !raw.is_empty());
        pending_or = false;
        raw.push((negated, item));
    }
    let specials: BTreeSet<char> = query
        .chars()
        .filter(|c| matches!(c, '(' | ')' | ':' | '^' | '~' | '+' | '[' | ']' | '{' | '}'))
        .collect();
    if !specials.is_empty() {
        let list: String = specials.into_iter().collect();
        parsed.notices.push(format!(
            "the characters `{list}` have no meaning in a referat query and were ignored \
             (use words, \"phrases\", -exclusions, OR, word*)"
        ));
    }
    // `LÆ 285` is one form id, indexed also as `læ285`: search it as that.
    let mut merged: Vec<((bool, Item), bool)> = Vec::new();
    for (entry, joined) in raw.into_iter().zip(ors) {
        if let (Some(((false, Item::Word(code)), _)), (false, Item::Word(number))) =
            (merged.last_mut(), &entry)
        {
            let is_code =
                (1..=3).contains(&code.chars().count()) && code.chars().all(char::is_alphabetic);
            if is_code && !joined && number.chars().all(|c| c.is_ascii_digit()) {
                code.push_str(number);
                continue;
            }
        }
        merged.push((entry, joined));
    }
    for ((negated, item), joined) in merged {
        // `3,1 mio`: the amount as the index writes numbers (`3100000`, on pages that
        // write it so or have it as a figure, see `schema::Fields::amount`), or the
        // words as typed.
        if let (false, false, Item::Word(scale)) = (negated, joined, &item) {
            if let Some(group) = parsed.required.last_mut() {
                if let Some(amount) = scaled_amount(group, scale) {
                    *group = amount;
                    continue;
                }
            }
        }
        if negated {
            parsed.excluded.push(item);
        } else if joined {
            if let Some(last) = parsed.required.last_mut() {
                last.push(item);
            }
        } else {
            parsed.required.push(vec![item]);
        }
    }
    parsed
}

/// A group of one number (`3,1`) followed by a multiplier (`mio.`, `mia.`) as the amount
/// (`3100000`) or the two words as a phrase; `None` for anything else.
fn scaled_amount(group: &[Item], scale: &str) -> Option<Vec<Item>> {
    let [Item::Word(number)] = group else {
        return None;
    };
    let factor = numbers::multiplier(scale)?;
    let value = numbers::parse_digits(number, true)? * factor;
    let amount = schema::amount_term(value)?;
    Some(vec![
        Item::Word(amount),
        Item::Phrase(format!("{number} {scale}")),
    ])
}

/// The forms a table or a sentence may write an amount typed in whole units in
/// (`7353000`): in thousands (`7.353`) and in millions with decimals (`7,353`), as
/// the analyzer writes them. Only to mark them in a snippet, where they count as the
/// typed form: on a page found by its amount they are what the user looks for.
fn scaled_forms(amount: &str) -> Vec<String> {
    let Ok(value) = amount.parse::<u64>() else {
        return Vec::new();
    };
    let mut forms = Vec::new();
    if value >= 1000 && value % 1000 == 0 {
        forms.push((value / 1000).to_string());
    }
    if value >= 1_000_000 {
        let (whole, rest) = (value / 1_000_000, value % 1_000_000);
        let rest = format!("{rest:06}");
        let rest = rest.trim_end_matches('0');
        // (A whole number of millions, `3`, is too common a number to mark.)
        if !rest.is_empty() {
            forms.push(format!("{whole},{rest}"));
        }
    }
    forms
}

/// How one query word is matched: its analyzed forms.
#[derive(Default)]
struct Matcher {
    stems: HashSet<String>,
    /// Exact forms (lowercase, å as aa): a window with these is the better snippet.
    exact: HashSet<String>,
    compounds: Vec<String>,
    prefixes: Vec<String>,
}

impl IndexStore {
    pub(super) fn analyze(&self, text: &str, stemmed: bool) -> Vec<String> {
        let mut a = if stemmed {
            analyzer::danish()
        } else {
            analyzer::danish_exact()
        };
        analyzer::tokens(&mut a, text)
            .into_iter()
            .map(|t| t.0)
            .collect()
    }

    /// The query of one word: stem, exact form (boosted), compounds (lowered).
    fn word_query(&self, word: &str, compounds: bool, m: &mut Matcher) -> Option<Box<dyn Query>> {
        let f = self.fields;
        let stems = self.analyze(word, true);
        let exact = self.analyze(word, false);
        if stems.is_empty() {
            return None;
        }
        let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        m.exact.extend(exact.iter().cloned());
        for (i, stem) in stems.iter().enumerate() {
            m.stems.insert(stem.clone());
            let mut alts: Vec<(Occur, Box<dyn Query>)> = vec![(
                Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.text, stem),
                    IndexRecordOption::WithFreqs,
                )),
            )];
            if let Some(e) = exact.get(i) {
                alts.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(
                        Box::new(TermQuery::new(
                            Term::from_field_text(f.exact, e),
                            IndexRecordOption::WithFreqs,
                        )),
                        2.0,
                    )),
                ));
                // A number is also any page's figure of that value, however the page
                // writes it (`7.353` in a table of thousands).
                if is_number(e) {
                    alts.push((
                        Occur::Should,
                        Box::new(TermQuery::new(
                            Term::from_field_text(f.amount, e),
                            IndexRecordOption::Basic,
                        )),
                    ));
                    let forms = scaled_forms(e);
                    m.exact.extend(forms.iter().cloned());
                    m.stems.extend(forms);
                }
            }
            let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
            if compounds && letters >= 4 && letters == stem.chars().count() {
                m.compounds.push(stem.clone());
                // Compounds it starts (prefix of the term) or ends (prefix of the
                // reversed term): both walk only a branch of the term dictionary.
                // (A stem that is no start of the word as typed, `trivsl` of `trivsel`,
                // starts no compound: `trivselsmåling`. The word as typed does.)
                let starts = match exact.get(i) {
                    Some(e)
                        if !e.starts_with(stem.as_str()) && e.chars().all(char::is_alphabetic) =>
                    {
                        e.as_str()
                    }
                    _ => stem.as_str(),
                };
                if starts != stem.as_str() {
                    m.compounds.push(starts.to_string());
                }
                let reversed: String = stem.chars().rev().collect();
                for (prefix, field) in [(starts, f.text), (reversed.as_str(), f.rev)] {
                    let longer = prefix_query(field, prefix, false);
                    alts.push((Occur::Should, Box::new(BoostQuery::new(longer, 0.4))));
                }
            }
            parts.push((Occur::Must, Box::new(BooleanQuery::new(alts))));
        }
        Some(Box::new(BooleanQuery::new(parts)))
    }

    /// The pages with a phrase's stems in order, at most `slop` positions apart.
    fn phrase_query(&self, stems: &[String], slop: u32) -> PhraseQuery {
        let terms = stems
            .iter()
            .map(|s| Term::from_field_text(self.fields.text, s))
            .collect();
        let mut phrase = PhraseQuery::new(terms);
        phrase.set_slop(slop);
        phrase
    }

    /// The query's required groups with each quoted phrase's words allowed a few words
    /// apart; `None` when no group has a phrase of two words or more.
    fn near_phrases_query(&self, required: &[Vec<Item>]) -> Option<Box<dyn Query>> {
        // (Room for a word or two the user left out or put in.)
        const NEAR: u32 = 3;
        let mut ignored = Matcher::default();
        let mut any_phrase = false;
        let mut groups: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for group in required {
            let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for item in group {
                let stems = match item {
                    Item::Phrase(p) => self.analyze(p, true),
                    _ => Vec::new(),
                };
                let q: Box<dyn Query> = if stems.len() >= 2 {
                    any_phrase = true;
                    Box::new(self.phrase_query(&stems, NEAR))
                } else {
                    match self.item_query(item, false, &mut ignored) {
                        Some(q) => q,
                        None => continue,
                    }
                };
                alts.push((Occur::Should, q));
            }
            if !alts.is_empty() {
                groups.push((Occur::Must, Box::new(BooleanQuery::new(alts))));
            }
        }
        any_phrase.then(|| Box::new(BooleanQuery::new(groups)) as Box<dyn Query>)
    }

    fn item_query(&self, item: &Item, expand: bool, m: &mut Matcher) -> Option<Box<dyn Query>> {
        match item {
            Item::Word(w) => self.word_query(w, expand, m),
            Item::Prefix(p) => {
                let exact = self.analyze(p, false);
                let first = exact.first()?;
                m.prefixes.push(first.clone());
                Some(prefix_query(self.fields.exact, first, true))
            }
            Item::Phrase(p) => {
                let stems = self.analyze(p, true);
                match stems.len() {
                    0 => None,
                    1 => self.word_query(p, expand, m),
                    _ => {
                        m.stems.extend(stems.iter().cloned());
                        Some(Box::new(self.phrase_query(&stems, 0)))
                    }
                }
            }
        }
    }

    fn filters(&self, request: &SearchRequest) -> Result<Vec<Box<dyn Query>>> {
        let f = self.fields;
        let term = |field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            ))
        };
        // No `rec:page` clause: only page records have text, so every query (which needs
        // a word or phrase) already matches pages alone, and intersecting with a term
        // that nine records in ten carry would cost a seek per candidate.
        let mut out = Vec::new();
        if let Some(m) = &request.municipality {
            out.push(term(f.municipality_key, &municipality_key(m)));
        }
        if let Some(t) = &request.trial {
            out.push(term(f.trial_key, &trial_key(t)));
        }
        if let Some(k) = &request.kind {
            out.push(term(f.kind, k.trim()));
        }
        if let Some(b) = &request.body {
            out.push(term(f.body, &schema::key(b)));
        }
        if let Some(dates) = date_range(f.date_key, &request.from, &request.to)? {
            out.push(dates);
        }
        Ok(out)
    }

    /// Ranked page hits, grouped by document, versions shown once.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let parsed = parse(&request.query);
        let mut matcher = Matcher::default();
        let searcher = self.reader.searcher();
        let mut notices = parsed.notices.clone();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // Each required group's query, kept for the pages that lack one of them.
        let mut groups: Vec<Box<dyn Query>> = Vec::new();
        for group in &parsed.required {
            if let Some(q) = self.group_query(&searcher, group, &mut matcher, &mut notices)? {
                groups.push(q.box_clone());
                clauses.push((Occur::Must, q));
            }
        }
        // A query that names a trial also finds the pages about it in other words: a
        // catalogued name or short name, else a short name the documents give a trial.
        // (Not a quoted phrase: quotes ask for those words as written.)
        let plain_words = parsed.excluded.is_empty()
            && parsed
                .required
                .iter()
                .all(|g| matches!(g.as_slice(), [Item::Word(_)]));
        let words = parsed.words();
        let trials = match plain_words {
            false => Vec::new(),
            true => self.trials_named(&searcher, &words)?,
        };
        // A name typed in full also finds its abbreviation (`STAR`).
        let short = plain_words.then(|| expand::abbreviation(&words)).flatten();
        if (!trials.is_empty() || short.is_some()) && !clauses.is_empty() {
            let words = BooleanQuery::new(std::mem::take(&mut clauses));
            let mut either: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, Box::new(words))];
            for trial in &trials {
                either.push((Occur::Should, self.trial_pages_query(trial, &mut matcher)));
            }
            if let Some(short) = short {
                if let Some(q) = self.word_query(short, false, &mut matcher) {
                    either.push((Occur::Should, q));
                    notices.push(format!("also as “{short}”"));
                }
            }
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(either))));
            let names: Vec<String> = trials.iter().map(|t| format!("“{t}”")).collect();
            match names.as_slice() {
                [] => {}
                [one] => notices.push(format!("with the pages about the trial {one}")),
                _ => notices.push(format!(
                    "with the pages about the trials {}",
                    names.join(", ")
                )),
            }
        }
        if clauses.is_empty() {
            return Err(Error::Query {
                query: request.query.clone(),
                cause: "nothing to search for: give at least one word or \"phrase\" \
                        (exclusions alone match nothing)"
                    .into(),
            });
        }
        let mut ignored = Matcher::default();
        let excluded: Vec<Box<dyn Query>> = parsed
            .excluded
            .iter()
            .filter_map(|item| self.item_query(item, false, &mut ignored))
            .map(exclusion::excluded)
            .collect();
        clauses.extend(excluded.iter().map(|q| (Occur::MustNot, q.box_clone())));
        // (Kept for the pages that lack a word, which the same filters hold.)
        let filters: Vec<Box<dyn Query>> = self
            .filters(request)?
            .into_iter()
            .map(|f| Box::new(ConstScoreQuery::new(f, 0.0)) as Box<dyn Query>)
            .collect();
        clauses.extend(filters.iter().map(|f| (Occur::Must, f.box_clone())));
        let query = BooleanQuery::new(clauses);
        let limit = request.limit.max(1);
        let mut multi = MultiCollector::new();
        let top = multi.add_collector(TopDocs::with_limit(limit * 4).order_by_score());
        let count = multi.add_collector(Count);
        let tally = request.facets.then(|| {
            let live: Vec<_> = searcher
                .segment_readers()
                .iter()
                .map(|s| s.segment_id())
                .collect();
            self.facet_cache.retain(&live);
            multi.add_collector(facets::TallyCollector {
                cache: self.facet_cache.clone(),
            })
        });
        let mut fruit = searcher
            .search(&query, &multi)
            .map_err(|e| index_error(&self.dir, e))?;
        let total = count.extract(&mut fruit);
        let facets = tally.map(|handle| {
            let [m, t, k, y] = handle.extract(&mut fruit).counts;
            let list = |counts: HashMap<std::sync::Arc<str>, u64>| {
                let mut v: Vec<(String, u64)> = counts
                    .into_iter()
                    .map(|(s, n)| (s.to_string(), n))
                    .collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                v
            };
            Facets {
                municipality: list(m),
                trial: list(t),
                kind: list(k),
                year: list(y),
            }
        });
        let top = top.extract(&mut fruit);
        let mut seen = HashSet::new();
        let mut hits = self.page_hits(&searcher, top, limit, &matcher, &mut seen)?;

        // Fewer pages than asked for have every word: the pages that lack one of them
        // follow, each saying which (`mikrolån tilbagebetaling` also finds the
        // `mikrolån` page that says `betalt tilbage`), as a web search does.
        let mut partial_total = 0;
        if !request.every_word && groups.len() >= 2 && hits.len() < limit {
            let should = groups
                .iter()
                .map(|q| (Occur::Should, q.box_clone()))
                .collect();
            let all_but_one = BooleanQuery::with_minimum_required_clauses(should, groups.len() - 1);
            let every = groups
                .iter()
                .map(|q| (Occur::Must, q.box_clone()))
                .collect();
            let mut relaxed: Vec<(Occur, Box<dyn Query>)> = vec![
                (Occur::Must, Box::new(all_but_one)),
                (
                    Occur::MustNot,
                    exclusion::excluded(Box::new(BooleanQuery::new(every))),
                ),
            ];
            relaxed.extend(excluded.iter().map(|q| (Occur::MustNot, q.box_clone())));
            relaxed.extend(filters.iter().map(|f| (Occur::Must, f.box_clone())));
            let relaxed = BooleanQuery::new(relaxed);
            let (top, count) = searcher
                .search(
                    &relaxed,
                    &(TopDocs::with_limit(limit * 4).order_by_score(), Count),
                )
                .map_err(|e| index_error(&self.dir, e))?;
            partial_total = count;
            let rest = limit - hits.len();
            let mut partial = self.page_hits(&searcher, top, rest, &matcher, &mut seen)?;
            let labels: Vec<String> = parsed.required.iter().map(|g| group_label(g)).collect();
            let weights = groups
                .iter()
                .map(|q| {
                    q.weight(tantivy::query::EnableScoring::disabled_from_searcher(
                        &searcher,
                    ))
                })
                .collect::<tantivy::Result<Vec<_>>>()
                .map_err(|e| index_error(&self.dir, e))?;
            for (hit, address) in &mut partial {
                let segment = searcher.segment_reader(address.segment_ord);
                let mut missing = Vec::new();
                for (weight, label) in weights.iter().zip(&labels) {
                    if !matches_page(weight.as_ref(), segment, address.doc_id)
                        .map_err(|e| index_error(&self.dir, e))?
                    {
                        missing.push(label.clone());
                    }
                }
                hit.missing = missing;
            }
            hits.extend(partial);
        }
        // Still fewer: the pages that have a quoted phrase's words close together but not
        // word for word (`"hverken i uddannelse eller job"` for `hverken er i uddannelse
        // eller job`) follow, saying so.
        let mut near_total = 0;
        if hits.len() < limit {
            if let Some(near) = self.near_phrases_query(&parsed.required) {
                // (Not the exact matches, shown above.)
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
                    (Occur::Must, near),
                    (Occur::MustNot, exclusion::excluded(Box::new(query.clone()))),
                ];
                clauses.extend(excluded.iter().map(|q| (Occur::MustNot, q.box_clone())));
                clauses.extend(filters.iter().map(|f| (Occur::Must, f.box_clone())));
                let (top, count) = searcher
                    .search(
                        &BooleanQuery::new(clauses),
                        &(TopDocs::with_limit(limit * 4).order_by_score(), Count),
                    )
                    .map_err(|e| index_error(&self.dir, e))?;
                near_total = count;
                let rest = limit - hits.len();
                let mut near = self.page_hits(&searcher, top, rest, &matcher, &mut seen)?;
                let phrases: Vec<String> = parsed
                    .required
                    .iter()
                    .flatten()
                    .filter_map(|item| match item {
                        Item::Phrase(p) => Some(format!("“{p}” word for word")),
                        _ => None,
                    })
                    .collect();
                for (hit, _) in &mut near {
                    hit.missing.clone_from(&phrases);
                }
                hits.extend(near);
            }
        }
        let notice = (!notices.is_empty()).then(|| notices.join("; "));
        Ok(SearchResults {
            query: request.query.clone(),
            notice,
            total,
            partial_total,
            near_total,
            hits: hits.into_iter().map(|(hit, _)| hit).collect(),
            facets,
        })
    }

    /// The shown hits among ranked candidates: at most `limit` pages not in `seen`, each
    /// document's group shown through one version, a document's pages together in the
    /// order of its best. Adds the pages shown to `seen`.
    fn page_hits(
        &self,
        searcher: &tantivy::Searcher,
        top: Vec<(f32, tantivy::DocAddress)>,
        limit: usize,
        matcher: &Matcher,
        seen: &mut HashSet<(String, u64)>,
    ) -> Result<Vec<(Hit, tantivy::DocAddress)>> {
        // Versions: a group is shown through one source, the best-ranked version
        // (`group_sources`) among those with a page in the candidates, so the scores of
        // near-identical pages never decide which copy stands for the report.
        let columns = Columns::new(searcher, &self.dir, &self.value_cache);
        let mut candidates = Vec::with_capacity(top.len());
        for (score, address) in top {
            let source = columns.text(address, "source")?;
            let group = columns.text(address, "group")?;
            let page = columns.number(address, "page")?;
            if !seen.contains(&(group.clone(), page)) {
                candidates.push((score, address, source, group, page));
            }
        }
        // Equal scores in page order: addresses depend on how the writer's threads split
        // the documents into segments, which differs between machines.
        candidates.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| (&a.2, a.4).cmp(&(&b.2, b.4)))
        });
        // The sources of each group among the candidates, in order of first hit.
        let mut present: HashMap<&str, Vec<&str>> = HashMap::new();
        for (_, _, source, group, _) in &candidates {
            let sources = present.entry(group).or_default();
            if !sources.contains(&source.as_str()) {
                sources.push(source);
            }
        }
        // Ranked versions of a group, looked up once (only groups that are shown or that
        // have several sources among the candidates need them).
        let mut versions: HashMap<String, Vec<String>> = HashMap::new();
        let mut group_rep: HashMap<&str, &str> = HashMap::new();
        for (group, sources) in &present {
            let rep = match sources.as_slice() {
                [] => continue,
                [only] => *only,
                [first, ..] => {
                    let ranked = self.group_sources(searcher, group)?;
                    let rank = |s: &str| ranked.iter().position(|r| r == s).unwrap_or(usize::MAX);
                    let best = sources.iter().copied().min_by_key(|s| rank(s));
                    versions.insert(group.to_string(), ranked);
                    best.unwrap_or(first)
                }
            };
            group_rep.insert(group, rep);
        }
        let mut by_doc: Vec<(String, Vec<(Hit, tantivy::DocAddress)>)> = Vec::new();
        let mut shown = 0;
        for (score, address, source, group, page) in &candidates {
            let (score, address) = (*score, *address);
            if group_rep.get(group.as_str()) != Some(&source.as_str()) {
                continue;
            }
            if shown >= limit {
                break;
            }
            shown += 1;
            seen.insert((group.clone(), *page));
            if !versions.contains_key(group) {
                let ranked = self.group_sources(searcher, group)?;
                versions.insert(group.clone(), ranked);
            }
            // Only shown hits need their stored page text.
            let doc: TantivyDocument = searcher
                .doc(address)
                .map_err(|e| index_error(&self.dir, e))?;
            let text = text_of(&doc, self.fields.text);
            let hit = Hit {
                source: source.clone(),
                title: Some(columns.text(address, "title")?).filter(|t| !t.is_empty()),
                kind: columns.text(address, "kind")?,
                date: Some(columns.text(address, "date")?).filter(|t| !t.is_empty()),
                page: u32::try_from(*page).unwrap_or(0),
                score,
                snippet: snippet(&text, matcher),
                versions: versions
                    .get(group)
                    .map(|all| all.iter().filter(|s| *s != source).cloned().collect())
                    .unwrap_or_default(),
                missing: vec![],
            };
            match by_doc.iter_mut().find(|(s, _)| s == source) {
                Some((_, hits)) => hits.push((hit, address)),
                None => by_doc.push((source.clone(), vec![(hit, address)])),
            }
        }
        Ok(by_doc.into_iter().flat_map(|(_, h)| h).collect())
    }

    /// The query of one required group of alternatives (`a OR b`), each word searched
    /// also as the words it was most likely meant as when it is on no page or very few
    /// (saying so in `notices`); `None` when no item has anything to search for.
    fn group_query(
        &self,
        searcher: &tantivy::Searcher,
        group: &[Item],
        matcher: &mut Matcher,
        notices: &mut Vec<String>,
    ) -> Result<Option<Box<dyn Query>>> {
        let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for item in group {
            let Some(q) = self.item_query(item, true, matcher) else {
                continue;
            };
            // A word on no page or on very few is most likely misspelt (by the user or,
            // for the few, by the writers): words near it that far more pages have are
            // searched for too.
            if let Item::Word(word) = item {
                // A municipality's other spelling (`Fakse`, `Vordingsborg`): its name too,
                // whatever else the word is near.
                if let Some(name) = expand::municipality_spelled(word) {
                    let name_item = Item::Word(name.to_string());
                    if let Some(q) = self.item_query(&name_item, false, matcher) {
                        alts.push((Occur::Should, q));
                        notices.push(format!("“{word}” also as “{name}”"));
                    }
                }
                // (A stem on more pages than that is no typo: no need to count.)
                let stem_pages = self.stem_pages(searcher, word)?;
                let pages = if stem_pages > RARE_PAGES as u64 {
                    RARE_PAGES + 1
                } else {
                    self.pages_matching(searcher, q.as_ref())?
                };
                let corrected = if pages <= RARE_PAGES {
                    self.corrected_query(searcher, word, pages, matcher)?
                } else {
                    None
                };
                if let Some((c, words)) = corrected {
                    let words = words.join(" or ");
                    notices.push(if pages == 0 {
                        format!("no page has “{word}”; searched for {words}")
                    } else {
                        format!("“{word}” is on {pages} page(s); searched also for {words}")
                    });
                    if pages == 0 {
                        alts.push((Occur::Should, c));
                        continue;
                    }
                    // The word is on some pages: they are what was asked for, the words
                    // near it a guess, ranked below (`færge` is no typo of `færre`).
                    alts.push((Occur::Should, Box::new(BoostQuery::new(c, GUESS_WEIGHT))));
                }
                if let Some(parts) = self.parts_query(searcher, word, stem_pages, matcher)? {
                    alts.push((Occur::Should, parts));
                }
                if let Some(verbs) = self.verb_query(searcher, word, matcher)? {
                    alts.push((Occur::Should, verbs));
                }
                if let Some(name) = expand::expansion(word) {
                    let phrase = Item::Phrase(name.to_string());
                    if let Some(q) = self.item_query(&phrase, false, matcher) {
                        alts.push((Occur::Should, q));
                        notices.push(format!("“{word}” also as “{name}”"));
                    }
                }
            }
            alts.push((Occur::Should, q));
        }
        Ok((!alts.is_empty()).then(|| Box::new(BooleanQuery::new(alts)) as Box<dyn Query>))
    }

    /// A compound word's parts near each other in either order (`gruppesamtaler`:
    /// `samtaler i grupper`), weighted as a compound's part. `None` for a word whose stem
    /// is on more than `PARTS_MAX_PAGES` pages (`stem_pages`): a compound on many pages
    /// fills the first ones itself, and its parts would only cost the time of a phrase
    /// over common words.
    fn parts_query(
        &self,
        searcher: &tantivy::Searcher,
        word: &str,
        stem_pages: u64,
        m: &mut Matcher,
    ) -> Result<Option<Box<dyn Query>>> {
        if stem_pages > PARTS_MAX_PAGES {
            return Ok(None);
        }
        let exact = self.analyze(word, false);
        let [form] = exact.as_slice() else {
            return Ok(None);
        };
        // Two stems within `slop` positions of each other, in that order or (a phrase's
        // slop lets them swap) the other.
        let near = |first: &str, second: &str, slop: u32| -> (Occur, Box<dyn Query>) {
            let terms = [first, second]
                .map(|stem| Term::from_field_text(self.fields.text, stem))
                .to_vec();
            let mut phrase = PhraseQuery::new(terms);
            phrase.set_slop(slop);
            (Occur::Should, Box::new(phrase))
        };
        let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (modifier, head) in self.compound_parts(searcher, form)? {
            alts.push(near(&modifier, &head, PARTS_SLOP));
            m.stems.extend([modifier, head]);
        }
        // A suspended compound: `muskel- og skeletbesvær` for `muskelbesvær`.
        for (modifier, siblings) in self.suspended_parts(searcher, form)? {
            for sibling in siblings {
                alts.push(near(&modifier, &sibling, SUSPENDED_SLOP));
                m.stems.extend([modifier.clone(), sibling]);
            }
        }
        Ok(weighted_as_part(alts))
    }

    /// The verb a verbal noun is made from (`tilbagebetaling`: `tilbagebetales`),
    /// weighted as a compound's part: the same thing said another way.
    fn verb_query(
        &self,
        searcher: &tantivy::Searcher,
        word: &str,
        m: &mut Matcher,
    ) -> Result<Option<Box<dyn Query>>> {
        let exact = self.analyze(word, false);
        let [form] = exact.as_slice() else {
            return Ok(None);
        };
        let alts: Vec<(Occur, Box<dyn Query>)> = self
            .verb_stems(searcher, form)?
            .into_iter()
            .map(|stem| {
                let term = Term::from_field_text(self.fields.text, &stem);
                m.stems.insert(stem);
                let q: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                (Occur::Should, q)
            })
            .collect();
        Ok(weighted_as_part(alts))
    }

    /// The trials a query of plain words names: a catalogued name or short name, else a
    /// short name the documents give a trial; for one word on no page, as it was most
    /// likely meant (`ergoterapuetforsøget`: `ergoterapeutforsøget`).
    fn trials_named(&self, searcher: &tantivy::Searcher, words: &str) -> Result<Vec<String>> {
        let catalog = crate::extract::Catalog::builtin_ref();
        let named = |w: &str| -> Result<Vec<String>> {
            Ok(match expand::named_trial(catalog, w) {
                Some(trial) => vec![trial.to_string()],
                None => self.trials_of_short_name(searcher, w)?,
            })
        };
        let trials = named(words)?;
        let exact = self.analyze(words, false);
        let ([form], true) = (exact.as_slice(), trials.is_empty()) else {
            return Ok(trials);
        };
        let term = Term::from_field_text(self.fields.exact, form);
        let pages = searcher
            .doc_freq(&term)
            .map_err(|e| index_error(&self.dir, e))?;
        if pages > 0 {
            return Ok(trials);
        }
        for corrected in self.corrections_or_compound(searcher, form, 0)? {
            let trials = named(&corrected)?;
            if !trials.is_empty() {
                return Ok(trials);
            }
        }
        Ok(Vec::new())
    }

    /// A word of several forms on no page (`Faborg-Midtfyn`): each form on no page
    /// corrected as a word of its own, the whole searched as typed with them.
    fn corrected_parts(
        &self,
        searcher: &tantivy::Searcher,
        forms: &[String],
        m: &mut Matcher,
    ) -> Result<Option<Corrected>> {
        let mut changed = false;
        let mut parts = Vec::new();
        for form in forms {
            let term = Term::from_field_text(self.fields.exact, form);
            let on_pages = searcher
                .doc_freq(&term)
                .map_err(|e| index_error(&self.dir, e))?;
            let corrected = if on_pages == 0 {
                self.corrections(searcher, form, 0)?.into_iter().next()
            } else {
                None
            };
            changed |= corrected.is_some();
            parts.push(corrected.unwrap_or_else(|| form.clone()));
        }
        if !changed {
            return Ok(None);
        }
        let whole = parts.join("-");
        Ok(self
            .word_query(&whole, true, m)
            .map(|q| (q, vec![format!("“{whole}”")])))
    }

    /// How many pages hold the stem of `word` (an upper bound before deletions); for a
    /// word of several stems (`Faborg-Midtfyn`), its rarest stem's.
    fn stem_pages(&self, searcher: &tantivy::Searcher, word: &str) -> Result<u64> {
        let mut fewest: Option<u64> = None;
        for stem in self.analyze(word, true) {
            let term = Term::from_field_text(self.fields.text, &stem);
            let n = searcher
                .doc_freq(&term)
                .map_err(|e| index_error(&self.dir, e))?;
            fewest = Some(fewest.map_or(n, |f| f.min(n)));
        }
        Ok(fewest.unwrap_or(0))
    }

    /// How many pages of the index `query` matches (filters aside).
    fn pages_matching(&self, searcher: &tantivy::Searcher, query: &dyn Query) -> Result<usize> {
        searcher
            .search(query, &Count)
            .map_err(|e| index_error(&self.dir, e))
    }

    /// The query of the words a misspelt `word` (on `pages` pages) was most likely meant
    /// as, and those words.
    fn corrected_query(
        &self,
        searcher: &tantivy::Searcher,
        word: &str,
        pages: usize,
        m: &mut Matcher,
    ) -> Result<Option<Corrected>> {
        let exact = self.analyze(word, false);
        let [form] = exact.as_slice() else {
            return self.corrected_parts(searcher, &exact, m);
        };
        let words = self.corrections_or_compound(searcher, form, pages as u64)?;
        // Each as if typed: the word and its compound's parts.
        let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for w in &words {
            alts.extend(self.word_query(w, true, m).map(|q| (Occur::Should, q)));
            let pages = self.stem_pages(searcher, w)?;
            alts.extend(
                self.parts_query(searcher, w, pages, m)?
                    .map(|q| (Occur::Should, q)),
            );
        }
        if alts.is_empty() {
            return Ok(None);
        }
        let quoted = words.iter().map(|w| format!("“{w}”")).collect();
        Ok(Some((Box::new(BooleanQuery::new(alts)), quoted)))
    }

    /// The pages the records place `trial` on, ranked by the words of its name they hold
    /// and below pages with the query's own words.
    fn trial_pages_query(&self, trial: &str, m: &mut Matcher) -> Box<dyn Query> {
        let f = self.fields;
        let on_page = TermQuery::new(
            Term::from_field_text(f.trial_key, &schema::key(trial)),
            IndexRecordOption::Basic,
        );
        // (Figure records carry the trial too; only pages are hits.)
        let page = TermQuery::new(
            Term::from_field_text(f.rec, "page"),
            IndexRecordOption::Basic,
        );
        let mut about: Vec<(Occur, Box<dyn Query>)> = vec![
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(on_page), 1.0)),
            ),
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(page), 0.0)),
            ),
        ];
        // (Content words only: "hver 6. måned" would rank any page with "hver".)
        for stem in self.analyze(trial, true) {
            if stem.chars().count() >= 6 {
                m.stems.insert(stem.clone());
                about.push((
                    Occur::Should,
                    Box::new(TermQuery::new(
                        Term::from_field_text(f.text, &stem),
                        IndexRecordOption::WithFreqs,
                    )),
                ));
            }
        }
        Box::new(BoostQuery::new(Box::new(BooleanQuery::new(about)), 0.5))
    }

    /// The sources of a version group, the representative first: the version with the
    /// most figures (the most completely extracted), among equals one with program-written
    /// text rather than a scan's OCR layer, then by source.
    fn group_sources(&self, searcher: &tantivy::Searcher, group: &str) -> Result<Vec<String>> {
        let f = self.fields;
        let query = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.group, group),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.rec, "doc"),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let found = searcher
            .search(&query, &DocSetCollector)
            .map_err(|e| index_error(&self.dir, e))?;
        let columns = Columns::new(searcher, &self.dir, &self.value_cache);
        let mut v = Vec::new();
        for address in found {
            let rank = columns.number(address, "version_rank")?;
            v.push((rank, columns.text(address, "source")?));
        }
        v.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Ok(v.into_iter().map(|(_, s)| s).collect())
    }

    /// Figures matching the filter, in document and page order.
    pub fn figures(&self, filter: &FigureFilter) -> Result<Vec<FigureRow>> {
        let f = self.fields;
        let term = |field, value: &str| -> (Occur, Box<dyn Query>) {
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(field, value),
                    IndexRecordOption::Basic,
                )),
            )
        };
        let mut clauses = vec![term(f.rec, "figure")];
        if let Some(u) = &filter.unit {
            clauses.push(term(f.unit, &schema::key(u)));
        }
        if let Some(m) = &filter.municipality {
            clauses.push(term(f.municipality_key, &municipality_key(m)));
        }
        if let Some(t) = &filter.trial {
            clauses.push(term(f.trial_key, &trial_key(t)));
        }
        if filter.min.is_some() || filter.max.is_some() {
            let b = |v: Option<f64>| match v {
                Some(v) => Bound::Included(Term::from_field_f64(f.value, v)),
                None => Bound::Unbounded,
            };
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(b(filter.min), b(filter.max))),
            ));
        }
        if let Some(dates) = date_range(f.date_key, &filter.from, &filter.to)? {
            clauses.push((Occur::Must, dates));
        }
        let searcher = self.reader.searcher();
        let found = searcher
            .search(&BooleanQuery::new(clauses), &DocSetCollector)
            .map_err(|e| index_error(&self.dir, e))?;
        let mut versions: HashMap<String, Vec<String>> = HashMap::new();
        let mut rows = Vec::new();
        let columns = Columns::new(&searcher, &self.dir, &self.value_cache);
        for address in found {
            let source = columns.text(address, "source")?;
            let group = columns.text(address, "group")?;
            if !versions.contains_key(&group) {
                let sources = self.group_sources(&searcher, &group)?;
                versions.insert(group.clone(), sources);
            }
            let representative = versions.get(&group).and_then(|v| v.first());
            if !filter.all_versions && representative.is_some_and(|r| *r != source) {
                continue;
            }
            let doc: TantivyDocument = searcher
                .doc(address)
                .map_err(|e| index_error(&self.dir, e))?;
            let row: FigureRow = serde_json::from_str(&text_of(&doc, f.json))
                .map_err(|e| index_error(&self.dir, format!("corrupt figure record: {e}")))?;
            rows.push((row, columns.number(address, "ordinal")?));
        }
        // The order they stand in their document: the writer's threads may put one
        // document's figures in several segments, so addresses do not keep it.
        rows.sort_by(|(a, x), (b, y)| (&a.source, x).cmp(&(&b.source, y)));
        Ok(rows.into_iter().map(|(row, _)| row).collect())
    }

    /// The trial x municipality matrix across all documents.
    pub fn trials(&self) -> Result<Vec<TrialRow>> {
        let mut cells: BTreeMap<(String, String), (BTreeSet<u32>, BTreeSet<String>)> =
            BTreeMap::new();
        for (_, stored) in self.stored_docs()? {
            let d = stored.document;
            for t in &d.trials {
                for m in &t.municipalities {
                    let cell = cells.entry((t.name.clone(), m.clone())).or_default();
                    cell.0.extend(t.round);
                    cell.1.insert(d.source.clone());
                }
            }
        }
        Ok(cells
            .into_iter()
            .map(|((trial, municipality), (rounds, docs))| TrialRow {
                trial,
                municipality,
                rounds: rounds.into_iter().collect(),
                documents: docs.into_iter().collect(),
            })
            .collect())
    }
}

/// Documents dated within `from`..=`to` (each YYYY, YYYY-MM or YYYY-MM-DD, a whole
/// period: `--to 2019` takes all of 2019); none when neither is given.
fn date_range(
    field: Field,
    from: &Option<String>,
    to: &Option<String>,
) -> Result<Option<Box<dyn Query>>> {
    if from.is_none() && to.is_none() {
        return Ok(None);
    }
    let bound = |d: &Option<String>, low: bool| -> Result<Bound<Term>> {
        match d {
            None => Ok(Bound::Unbounded),
            Some(d) => schema::date_key(d, low)
                .map(|k| Bound::Included(Term::from_field_u64(field, k)))
                .ok_or_else(|| Error::Query {
                    query: d.clone(),
                    cause: "dates are YYYY, YYYY-MM or YYYY-MM-DD".into(),
                }),
        }
    };
    Ok(Some(Box::new(RangeQuery::new(
        bound(from, true)?,
        bound(to, false)?,
    ))))
}

/// A user's municipality filter as indexed: any form the catalog knows (`Vesthimmerlands
/// Kommune`, `Jammerbrugt`) resolves to the official name.
fn municipality_key(value: &str) -> String {
    let catalog = crate::extract::Catalog::builtin_ref();
    schema::key(catalog.municipality(value).unwrap_or(value))
}

/// A user's trial filter as indexed: aliases and typos resolve to the canonical name.
fn trial_key(value: &str) -> String {
    let catalog = crate::extract::Catalog::builtin_ref();
    schema::key(catalog.trial(value).unwrap_or(value))
}

/// A number as the analyzer writes it: digits, perhaps a decimal comma (`2450,5`).
fn is_number(term: &str) -> bool {
    let (whole, decimals) = term.split_once(',').unwrap_or((term, "0"));
    [whole, decimals]
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Terms that start with `prefix` (and are longer, unless `itself`): a range of the
/// term dictionary, so no automaton is built and only that branch is read.
fn prefix_query(field: tantivy::schema::Field, prefix: &str, itself: bool) -> Box<dyn Query> {
    let low = Term::from_field_text(field, prefix);
    let lower = if itself {
        Bound::Included(low)
    } else {
        Bound::Excluded(low)
    };
    // U+10FFFF sorts after every continuation of the prefix in UTF-8 byte order.
    let upper = Bound::Excluded(Term::from_field_text(field, &format!("{prefix}\u{10FFFF}")));
    Box::new(RangeQuery::new(lower, upper))
}

/// A passage of about 240 characters around the densest run of matches, each match
/// marked `[like this]`.
fn snippet(text: &str, m: &Matcher) -> String {
    const WIDTH: usize = 240;
    let mut a = analyzer::danish();
    let tokens = analyzer::tokens(&mut a, text);
    let mut exact = analyzer::danish_exact();
    let matches: Vec<(usize, usize)> = tokens
        .iter()
        .filter(|(term, from, to)| {
            m.stems.contains(term)
                || m.compounds.iter().any(|c| {
                    term.len() > c.len()
                        && (term.starts_with(c.as_str()) || term.ends_with(c.as_str()))
                })
                || (!m.prefixes.is_empty()
                    && analyzer::tokens(&mut exact, &text[*from..*to])
                        .first()
                        .is_some_and(|e| m.prefixes.iter().any(|p| e.0.starts_with(p.as_str()))))
        })
        .map(|(_, from, to)| (*from, *to))
        .collect();
    let mut marks: Vec<(usize, usize)> = matches.clone();
    marks.dedup();
    // Weight of a match: an exact form outweighs any number of inflected ones, so the
    // passage with the form the user typed is the one shown.
    let weight = |&(s, e): &(usize, usize)| {
        if m.exact.contains(&schema::key(&text[s..e])) {
            100
        } else {
            1
        }
    };
    // The window start with the most (weighted) matches inside.
    let start = matches
        .iter()
        .map(|&(s, _)| {
            let n: usize = matches
                .iter()
                .filter(|&&(x, y)| x >= s && y <= s + WIDTH)
                .map(weight)
                .sum();
            (n, std::cmp::Reverse(s))
        })
        .max()
        .map(|(_, std::cmp::Reverse(s))| s)
        .unwrap_or(0);
    // Back up to a word boundary a little before the first match.
    let mut from = start.saturating_sub(60);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    if from > 0 {
        if let Some(sp) = text[from..start].find(char::is_whitespace) {
            from += sp + 1;
        }
    }
    let mut to = (from + WIDTH).min(text.len());
    while to < text.len() && !text.is_char_boundary(to) {
        to += 1;
    }
    if to < text.len() {
        if let Some(sp) = text[from..to].rfind(char::is_whitespace) {
            to = from + sp;
        }
    }
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut pos = from;
    for (s, e) in marks.into_iter().filter(|&(s, e)| s >= from && e <= to) {
        if s < pos {
            continue;
        }
        out.push_str(&text[pos..s]);
        out.push('[');
        out.push_str(&text[s..e]);
        out.push(']');
        pos = e;
    }
    out.push_str(&text[pos..to]);
    if to < text.len() {
        out.push('…');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_phrases_exclusions_and_or() {
        let p = parse("mikrolån \"lovpligtige samtaler\" -Aalborg rebild OR thisted læge*");
        assert_eq!(p.required.len(), 4);
        assert_eq!(
            p.required[1],
            vec![Item::Phrase("lovpligtige samtaler".into())]
        );
        assert_eq!(
            p.required[2],
            vec![Item::Word("rebild".into()), Item::Word("thisted".into())]
        );
        assert_eq!(p.required[3], vec![Item::Prefix("læge".into())]);
        assert_eq!(p.excluded, vec![Item::Word("Aalborg".into())]);
        assert_eq!(
            parse("LÆ 285").required,
            vec![vec![Item::Word("LÆ285".into())]]
        );
        assert!(p.notices.is_empty());
    }

    #[test]
    fn an_amount_with_a_multiplier_is_one_group() {
        let p = parse("3,1 mio. kr. 2.5 mia");
        assert_eq!(
            p.required,
            vec![
                vec![
                    Item::Word("3100000".into()),
                    Item::Phrase("3,1 mio.".into())
                ],
                vec![Item::Word("kr.".into())],
                vec![
                    Item::Word("2500000000".into()),
                    Item::Phrase("2.5 mia".into())
                ],
            ]
        );
        // `mio` alone, or after a word that is no number, is a word.
        assert_eq!(parse("mio").required.len(), 1);
        assert_eq!(parse("ca mio").required.len(), 2);
        assert_eq!(scaled_forms("7353000"), ["7353", "7,353"]);
        assert_eq!(scaled_forms("3000000"), ["3000"]);
        assert!(scaled_forms("2450,5").is_empty());
    }

    #[test]
    fn unsupported_syntax_is_reported_not_silently_changed() {
        let p = parse("title:(mikrolån)");
        assert_eq!(p.notices.len(), 1);
        let p = parse("\"lovpligtige samtaler");
        assert!(p.notices[0].contains("unclosed quote"));
    }

    #[test]
    fn snippet_marks_stemmed_and_compound_matches() {
        let m = Matcher {
            stems: ["attest".to_string()].into(),
            exact: HashSet::new(),
            compounds: vec!["attest".into()],
            prefixes: vec![],
        };
        let s = snippet("Læger udfylder færre lægeattester og en attest.", &m);
        assert_eq!(s, "Læger udfylder færre [lægeattester] og en [attest].");
    }
}
