//! What a query means beyond its letters: the index's words near a misspelt one
//! (`Brønderlsev`, `Naestved`), and the trial a query names (`indsatsplanforsøget`,
//! an official name), whose pages are found whatever words they call it by.

use super::analyzer;
use super::schema;
use super::store::{index_error, IndexStore};
use crate::error::Result;
use crate::extract::catalog::edit_distance;
use crate::extract::trials::{short_name_key, short_name_stem};
use crate::extract::Catalog;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;
use tantivy::query::FuzzyTermQuery;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

/// Abbreviations and the names they stand for, from `data/abbreviations.tsv`.
static ABBREVIATIONS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    include_str!("../../data/abbreviations.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(short, name)| (short.trim(), name.trim()))
        .collect()
});

/// Most corrections tried for one word.
const MAX_CORRECTIONS: usize = 3;

/// Fewest letters of each part of a compound split at query time: shorter parts
/// (`job`, `syg`) are words inside too many others.
const MIN_PART: usize = 4;

impl IndexStore {
    /// Words of the index (exact forms) that `form`, an exact form on `pages` pages, was
    /// most likely meant as: first the keyboard spellings of æ and ø (`ae`, `oe`; å is
    /// `aa` in the index already), else the closest words within one edit (two from
    /// eight letters), transpositions counting one, the most frequent first. A form on
    /// some pages is only corrected to words on many more (a writer's typo, `Fredricia`,
    /// against the name, not one rare word against another). Short words and words with
    /// digits are taken as typed: too many words are one edit from them.
    pub(super) fn corrections(
        &self,
        searcher: &Searcher,
        form: &str,
        pages: u64,
    ) -> Result<Vec<String>> {
        let letters = form.chars().count();
        if letters < 4 || !form.chars().all(char::is_alphabetic) {
            return Ok(Vec::new());
        }
        let field = self.fields.exact;
        let transliterated = form.replace("ae", "æ").replace("oe", "ø");
        if transliterated != form {
            let term = Term::from_field_text(field, &transliterated);
            let on_pages = searcher
                .doc_freq(&term)
                .map_err(|e| index_error(&self.dir, e))?;
            if on_pages > pages {
                return Ok(vec![transliterated]);
            }
        }
        let distance = if letters >= 8 { 2 } else { 1 };
        let mut found: HashMap<String, u64> = HashMap::new();
        for segment in searcher.segment_readers() {
            let automaton = FuzzyTermQuery::new(Term::from_field_text(field, form), distance, true)
                .automaton()
                .map_err(|e| index_error(&self.dir, e))?;
            let inverted = segment
                .inverted_index(field)
                .map_err(|e| index_error(&self.dir, e))?;
            let mut terms = inverted
                .terms()
                .search(automaton)
                .into_stream()
                .map_err(|e| index_error(&self.dir, e))?;
            while terms.advance() {
                if let Ok(word) = std::str::from_utf8(terms.key()) {
                    *found.entry(word.to_string()).or_default() +=
                        u64::from(terms.value().doc_freq);
                }
            }
        }
        let popular = if pages == 0 { 1 } else { (pages * 4).max(3) };
        let mut ranked: Vec<(usize, u64, String)> = found
            .into_iter()
            .filter(|(w, n)| *w != form && *n >= popular && w.chars().all(char::is_alphabetic))
            .map(|(w, n)| (edit_distance(form, &w), n, w))
            .collect();
        ranked.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let closest = ranked.first().map(|r| r.0);
        Ok(ranked
            .into_iter()
            .take_while(|r| Some(r.0) == closest)
            .take(MAX_CORRECTIONS)
            .map(|r| r.2)
            .collect())
    }

    /// `corrections` of `form`, and for a form on no page that none is near, the
    /// compound it was most likely meant as (`corrected_compound`).
    pub(super) fn corrections_or_compound(
        &self,
        searcher: &Searcher,
        form: &str,
        pages: u64,
    ) -> Result<Vec<String>> {
        let mut words = self.corrections(searcher, form, pages)?;
        if words.is_empty() && pages == 0 {
            words.extend(self.corrected_compound(searcher, form)?);
        }
        Ok(words)
    }

    /// A compound on no page whose typo is in its first part (`lægeatestforsøget`), as
    /// the compound was most likely meant (`lægeattestforsøget`): at the split with the
    /// longest head that pages have, a modifier on no page corrected as a word of its
    /// own. Corrections of whole words miss it, since the compound itself is on no
    /// page either.
    fn corrected_compound(&self, searcher: &Searcher, form: &str) -> Result<Option<String>> {
        let Some(chars) = splittable(form) else {
            return Ok(None);
        };
        let mut stemmer = analyzer::danish();
        for at in MIN_PART..=chars.len() - MIN_PART {
            let head: String = chars[at..].iter().collect();
            if self.indexed_stem(searcher, &mut stemmer, &head)?.is_none() {
                continue;
            }
            let modifier: String = chars[..at].iter().collect();
            // (A modifier pages have is no typo: the compound is new, not misspelt.)
            if self
                .indexed_stem(searcher, &mut stemmer, &modifier)?
                .is_some()
            {
                return Ok(None);
            }
            let meant = self.corrections(searcher, &modifier, 0)?.into_iter().next();
            return Ok(meant.map(|m| format!("{m}{head}")));
        }
        Ok(None)
    }

    /// The two words a compound query word (an exact form) may also be written as:
    /// `gruppesamtalerne` as `samtalerne i grupper`, `videosamtale` as `samtale på
    /// video`. Each split whose parts both stem to words of the index, as (modifier
    /// stem, head stem); a linking `s` is dropped from the modifier
    /// (`jobrotations|vikar`).
    pub(super) fn compound_parts(
        &self,
        searcher: &Searcher,
        form: &str,
    ) -> Result<Vec<(String, String)>> {
        let Some(chars) = splittable(form) else {
            return Ok(Vec::new());
        };
        let mut splits = Vec::new();
        let mut stemmer = analyzer::danish();
        for at in MIN_PART..=chars.len() - MIN_PART {
            let head: String = chars[at..].iter().collect();
            let Some(head) = self.indexed_stem(searcher, &mut stemmer, &head)? else {
                continue;
            };
            let modifier: String = chars[..at].iter().collect();
            let linked = modifier
                .strip_suffix('s')
                .filter(|m| m.chars().count() >= MIN_PART);
            for modifier in std::iter::once(modifier.as_str()).chain(linked) {
                if let Some(modifier) = self.indexed_stem(searcher, &mut stemmer, modifier)? {
                    splits.push((modifier, head.clone()));
                    break;
                }
            }
        }
        Ok(splits)
    }

    /// The stems of the verb a verbal noun (an exact form) is made from, when pages of
    /// the index have them: `tilbagebetaling` and `tilbagebetales`, `ansøgningen` and
    /// `ansøge`, `besparelser` and `spare`'s `bespare`. The Danish stemmer leaves the
    /// noun's `-ing`, `-ning` and `-else` on, so the two never meet otherwise. The
    /// noun's stem itself is not among them.
    pub(super) fn verb_stems(&self, searcher: &Searcher, form: &str) -> Result<Vec<String>> {
        // The noun's endings: indefinite and definite, singular and plural, genitive.
        const INFLECTED: [&str; 8] = ["", "en", "er", "erne", "s", "ens", "ers", "ernes"];
        let mut stemmer = analyzer::danish();
        let own = analyzer::tokens(&mut stemmer, form);
        let mut verbs = Vec::new();
        for suffix in ["ning", "ing", "else"] {
            let root = INFLECTED
                .iter()
                .find_map(|end| form.strip_suffix(&format!("{suffix}{end}")[..]));
            let Some(root) = root.filter(|r| r.chars().count() >= MIN_PART) else {
                continue;
            };
            let verb = format!("{root}e");
            let Some(stem) = self.indexed_stem(searcher, &mut stemmer, &verb)? else {
                continue;
            };
            if !own.iter().any(|(s, _, _)| *s == stem) && !verbs.contains(&stem) {
                verbs.push(stem);
            }
        }
        Ok(verbs)
    }

    /// For each split of a compound query word (an exact form) into a modifier that
    /// stems to an indexed word and a head, the indexed compounds that end in that head
    /// (at most `MAX_SIBLINGS`): `muskelbesvær` as (`muskel`, [`skeletbesvær`]), for the
    /// suspended compound `muskel- og skeletbesvær`, where the first word's head is left
    /// out.
    pub(super) fn suspended_parts(
        &self,
        searcher: &Searcher,
        form: &str,
    ) -> Result<Vec<(String, Vec<String>)>> {
        const MAX_SIBLINGS: usize = 16;
        let Some(chars) = splittable(form) else {
            return Ok(Vec::new());
        };
        let mut stemmer = analyzer::danish();
        let mut out = Vec::new();
        for at in MIN_PART..=chars.len() - MIN_PART {
            let modifier: String = chars[..at].iter().collect();
            let Some(modifier) = self.indexed_stem(searcher, &mut stemmer, &modifier)? else {
                continue;
            };
            let head: String = chars[at..].iter().collect();
            let stems = analyzer::tokens(&mut stemmer, &head);
            let [(head, _, _)] = stems.as_slice() else {
                continue;
            };
            let reversed: String = head.chars().rev().collect();
            let mut siblings = BTreeSet::new();
            self.for_each_term(searcher, self.fields.rev, &reversed, |term| {
                // (Longer than the head alone, and not the query word itself: both are
                // searched as they are.)
                let compound: String = term.chars().rev().collect();
                if term != reversed && !compound.starts_with(modifier.as_str()) {
                    siblings.insert(compound);
                }
                siblings.len() < MAX_SIBLINGS
            })?;
            if !siblings.is_empty() {
                out.push((modifier, siblings.into_iter().collect()));
            }
        }
        Ok(out)
    }

    /// The stem of one word when some page of the index has it.
    fn indexed_stem(
        &self,
        searcher: &Searcher,
        stemmer: &mut TextAnalyzer,
        word: &str,
    ) -> Result<Option<String>> {
        let stems = analyzer::tokens(stemmer, word);
        let [(stem, _, _)] = stems.as_slice() else {
            return Ok(None);
        };
        let term = Term::from_field_text(self.fields.text, stem);
        let pages = searcher
            .doc_freq(&term)
            .map_err(|e| index_error(&self.dir, e))?;
        Ok((pages > 0).then(|| stem.clone()))
    }

    /// The trials the indexed documents give the short name a one-word query is
    /// (`videoforsøget`, `FLEX-forsøget`: names only a document defines), by name.
    pub(super) fn trials_of_short_name(
        &self,
        searcher: &Searcher,
        query: &str,
    ) -> Result<Vec<String>> {
        // (A query in lower case, "rf-forsøget", asks for the abbreviation too.)
        let query = query.trim();
        let upper = query
            .strip_suffix("-forsøget")
            .map(|a| format!("{}-forsøget", a.to_uppercase()));
        let Some(stem) = short_name_key(query).or_else(|| short_name_key(upper.as_deref()?)) else {
            return Ok(Vec::new());
        };
        let prefix = schema::short_name_term(&stem, "");
        let mut trials = BTreeSet::new();
        self.for_each_term(searcher, self.fields.short_name, &prefix, |term| {
            // (A term of a replaced document may stay until its segment is merged: its
            // trial then has no pages to add.)
            if let Some(trial) = term.strip_prefix(prefix.as_str()) {
                trials.insert(trial.to_string());
            }
            true
        })?;
        Ok(trials.into_iter().collect())
    }

    /// Visits each term of `field` that starts with `prefix`, segment by segment (a term
    /// in several segments more than once), until `visit` returns false.
    fn for_each_term(
        &self,
        searcher: &Searcher,
        field: Field,
        prefix: &str,
        mut visit: impl FnMut(&str) -> bool,
    ) -> Result<()> {
        for segment in searcher.segment_readers() {
            let inverted = segment
                .inverted_index(field)
                .map_err(|e| index_error(&self.dir, e))?;
            let mut terms = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .into_stream()
                .map_err(|e| index_error(&self.dir, e))?;
            while terms.advance() {
                let Some(term) = std::str::from_utf8(terms.key())
                    .ok()
                    .filter(|t| t.starts_with(prefix))
                else {
                    break;
                };
                if !visit(term) {
                    return Ok(());
                }
            }
        }
        Ok(())
    }
}

/// The catalogued trial a whole query names: its official name or an alias (typos
/// forgiven as in the records), or a short name whose stem one trial holds
/// (`indsatsplanforsøget`, `psykologforsøget`).
pub(super) fn named_trial<'c>(catalog: &'c Catalog, query: &str) -> Option<&'c str> {
    let query = query.trim();
    let words = query.split_whitespace().count();
    if words == 1 {
        if let Some(stem) = short_name_stem(query) {
            return catalog.trial_of_stem(&stem);
        }
    }
    // (Two words are a topic more often than a name: `mentor unge`.)
    if words >= 2 || query.chars().count() >= 8 {
        return catalog
            .trial_exact(query)
            .or_else(|| (words >= 3).then(|| catalog.trial(query)).flatten());
    }
    None
}

/// The name an abbreviation typed in a query stands for (`STAR`: `Styrelsen for
/// Arbejdsmarked og Rekruttering`). Short ones count only typed in capitals: `kl` is
/// the clock.
pub(super) fn expansion(word: &str) -> Option<&'static str> {
    ABBREVIATIONS.iter().find_map(|&(short, name)| {
        let typed = if short.chars().count() <= 3 {
            word == short
        } else {
            word.to_lowercase() == short.to_lowercase()
        };
        typed.then_some(name)
    })
}

/// The abbreviation of a name typed in full (`styrelsen for arbejdsmarked og
/// rekruttering`: `STAR`).
pub(super) fn abbreviation(query: &str) -> Option<&'static str> {
    let words = |s: &str| {
        s.to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let query = words(query);
    ABBREVIATIONS
        .iter()
        .find_map(|&(short, name)| (words(name) == query).then_some(short))
}

/// The official name of the municipality a query word is another spelling of (an old
/// name, `Fakse`; a typo, `Vordingsborg`): `None` for the name itself and for words of
/// fewer than five letters.
pub(super) fn municipality_spelled(word: &str) -> Option<&'static str> {
    if word.chars().count() < 5 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let name = Catalog::builtin_ref().municipality(word)?;
    (name.to_lowercase() != word.to_lowercase()).then_some(name)
}

/// The letters of a word that may be a compound: two parts of `MIN_PART` letters or more.
fn splittable(form: &str) -> Option<Vec<char>> {
    let chars: Vec<char> = form.chars().collect();
    (chars.len() >= 2 * MIN_PART && chars.iter().all(|c| c.is_alphabetic())).then_some(chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_and_names_find_each_other() {
        assert_eq!(
            expansion("STAR"),
            Some("Styrelsen for Arbejdsmarked og Rekruttering")
        );
        assert_eq!(expansion("star"), expansion("STAR"));
        assert_eq!(expansion("KL"), Some("Kommunernes Landsforening"));
        // `kl.` in lower case is the clock.
        assert_eq!(expansion("kl"), None);
        assert_eq!(
            abbreviation("styrelsen for  Arbejdsmarked og rekruttering"),
            Some("STAR")
        );
        assert_eq!(abbreviation("styrelsen"), None);
    }

    #[test]
    fn a_municipality_spelled_otherwise_is_its_name() {
        assert_eq!(municipality_spelled("Fakse"), Some("Faxe"));
        assert_eq!(municipality_spelled("faxe"), None);
        assert_eq!(municipality_spelled("Vordingsborg"), Some("Vordingborg"));
        assert_eq!(municipality_spelled("Laeso"), Some("Læsø"));
        assert_eq!(municipality_spelled("Roedovre"), Some("Rødovre"));
    }
}
