//! The names a document gives its own trials, beside the catalogue's.

use super::has_word;
use crate::extract::words::hyphenated_words;
use crate::extract::{trials, Catalog};

/// The document's own names for its trials, in lower case: names the catalogue does not
/// know (two words or more, found anywhere in a text) and the short names it gives in
/// parentheses ("FLEX-forsøget", found as whole words).
/// (Also the first two words of a longer name, when they are long enough to tell it and
/// no other name of the document begins so: "tidlig arbejdspladsafklaring" for "Tidlig
/// arbejdspladsafklaring for sygemeldte".)
pub(super) struct OwnNames<'a> {
    /// The document's trials that the catalogue does not know, as found.
    pub unknown: Vec<&'a str>,
    /// (lower-case name, trial, found as a whole word only).
    names: Vec<(String, &'a str, bool)>,
    discovery: &'a trials::Discovery,
}

impl<'a> OwnNames<'a> {
    pub fn new(catalog: &Catalog, discovery: &'a trials::Discovery) -> Self {
        let unknown: Vec<&str> = discovery
            .trials
            .iter()
            .filter(|t| catalog.trial_exact(&t.name).is_none())
            .map(|t| t.name.as_str())
            .collect();
        let opening = |n: &str| -> Option<String> {
            let words: Vec<String> = n
                .to_lowercase()
                .split_whitespace()
                .map(String::from)
                .collect();
            let two = words.get(..2)?.join(" ");
            (words.len() >= 3 && two.chars().count() >= 15).then_some(two)
        };
        let openings: Vec<(String, &str)> = unknown
            .iter()
            .filter_map(|n| opening(n).map(|o| (o, *n)))
            .collect();
        let names = unknown
            .iter()
            .filter(|n| n.split_whitespace().count() >= 2)
            .map(|n| (n.to_lowercase(), *n, false))
            .chain(
                openings
                    .iter()
                    .filter(|(o, _)| openings.iter().filter(|(p, _)| p == o).count() == 1)
                    .map(|(o, n)| (o.clone(), *n, true)),
            )
            .chain(
                discovery
                    .aliases
                    .iter()
                    .map(|(a, n)| (a.to_lowercase(), n.as_str(), true)),
            )
            .collect();
        OwnNames {
            unknown,
            names,
            discovery,
        }
    }

    /// The trials a lower-case text names by the document's own names, and by any other
    /// short name of one of its trials ("Psykologforsøget forventes at koste …").
    pub fn named_in(&self, low: &str) -> Vec<&'a str> {
        self.names
            .iter()
            .filter(|(name, _, whole)| {
                if *whole {
                    has_word(low, name)
                } else {
                    low.contains(name.as_str())
                }
            })
            .map(|(_, trial, _)| *trial)
            .chain(hyphenated_words(low).filter_map(|w| self.discovery.trial_of_short_name(w)))
            .collect()
    }
}
