//! The catalog of known trials (`data/trials.json`) and of the 98 Danish municipalities
//! (`data/municipalities.tsv`), with lookups that accept the forms documents use:
//! any case, `aa` for `å`, genitives, `X Kommune`, and typos within a small edit distance.

use super::words::words;
use crate::error::{Error, Result};
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::LazyLock;

const TRIALS_JSON: &str = include_str!("../../data/trials.json");
const MUNICIPALITIES_TSV: &str = include_str!("../../data/municipalities.tsv");

/// One known trial: canonical name, other spellings, parent of a sub-trial.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct TrialEntry {
    /// Canonical name.
    pub name: String,
    /// Other spellings, abbreviations and typos seen in documents.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The trial this one is a part of.
    #[serde(default)]
    pub parent: Option<String>,
}

#[derive(Debug, Deserialize)]
struct TrialsFile {
    trials: Vec<TrialEntry>,
}

/// One municipality: official short name (`Aalborg`), code and variant forms.
#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    /// Official name without `Kommune`.
    pub name: String,
    /// The municipality code (`851`).
    pub code: u32,
    /// Other spellings (`Ålborg`, genitive `Aalborgs`).
    pub variants: Vec<String>,
}

/// Known trials and municipalities, loaded from data files.
#[derive(Debug, Clone)]
pub struct Catalog {
    trials: Vec<TrialEntry>,
    /// normalized name/alias -> index into `trials`
    trial_keys: Vec<(String, usize)>,
    /// The content stems of each of `trial_keys`, in the same order (worked out once:
    /// `trial_by_stems` compares them on every lookup that misses).
    trial_stems: Vec<(BTreeSet<String>, usize)>,
    /// The words of seven letters or more in trials' names and aliases (to mend a typo
    /// in one, see `trial_by_stems`).
    trial_words: BTreeSet<String>,
    municipalities: Vec<Municipality>,
    /// normalized form -> index into `municipalities`
    municipality_keys: HashMap<String, usize>,
    /// The official names as typed without æ, ø and å (see [`ascii_typed`]) -> index
    /// into `municipalities`, for the names no other folds to.
    ascii_keys: HashMap<String, usize>,
    /// Each official name normalized, with its length in characters, in the order of
    /// `municipalities` (the typo match compares every one on each miss).
    municipality_norms: Vec<(String, usize)>,
    /// Every trial's name and aliases in lower case, longest first, with the index of
    /// its trial: the forms a text is searched for (see `trials::names::mentions`).
    lower_forms: Vec<(String, usize)>,
}

/// A name as typed on a keyboard without æ, ø and å: "Læsø" and "Laeso" are "laeso",
/// "Rødovre" and "Roedovre" are "rodovre".
fn ascii_typed(key: &str) -> String {
    key.replace('æ', "ae")
        .replace("oe", "o")
        .replace('ø', "o")
        .replace("aa", "a")
        .replace('å', "a")
}

static BUILTIN: LazyLock<Catalog> = LazyLock::new(|| {
    let trials = parse_trials(TRIALS_JSON).unwrap_or_default();
    let municipalities = parse_municipalities(MUNICIPALITIES_TSV);
    Catalog::new(trials, municipalities)
});

fn parse_trials(text: &str) -> std::result::Result<Vec<TrialEntry>, serde_json::Error> {
    serde_json::from_str::<TrialsFile>(text).map(|f| f.trials)
}

fn parse_municipalities(text: &str) -> Vec<Municipality> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let name = cols.next()?.trim().to_string();
            let code = cols.next()?.trim().parse().ok()?;
            let variants = cols
                .next()
                .unwrap_or("")
                .split(';')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(String::from)
                .collect();
            Some(Municipality {
                name,
                code,
                variants,
            })
        })
        .collect()
}

/// Lowercase, `aa` folded to `å`, every run of non-alphanumerics one space, a form
/// code written apart joined (`LÆ 265` is `LÆ265`).
pub fn normalize(s: &str) -> String {
    static FORM_CODE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\b(\p{Lu}{2,3}) (\d{2,4})\b").unwrap_or_else(|e| panic!("{e}"))
    });
    // (Most names hold no digit: the pattern is tried only on those that do.)
    let joined = if s.bytes().any(|b| b.is_ascii_digit()) {
        FORM_CODE.replace_all(s, "$1$2")
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    let lower = joined.to_lowercase().replace("aa", "å");
    let mut out = String::with_capacity(lower.len());
    let mut space = false;
    for c in lower.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    // The abbreviations officials write for the same words ("Lægeattester ifm
    // rehabiliteringsmøde" and "… i forbindelse med rehabiliteringsmødet").
    let padded = format!(" {out} ")
        .replace(" i forbindelse med ", " ifm ")
        .replace(" i forhold til ", " ift ");
    padded.trim().to_string()
}

/// Optimal-string-alignment edit distance (transpositions count 1), on chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// [`edit_distance`] when it is at most `limit`, else `None`; in time proportional to
/// the shorter string times `limit`, without allocating a matrix. The typo matches run
/// it against every municipality and trial name for every capitalised word.
pub fn edit_distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > limit {
        return None;
    }
    // Rows i-2, i-1 and i of the same matrix as `edit_distance`; cells more than
    // `limit` off the diagonal can never lead back to a distance within it.
    let far = limit + 1;
    let mut before: Vec<usize> = vec![far; m + 1];
    let mut above: Vec<usize> = (0..=m).map(|j| j.min(far)).collect();
    let mut row: Vec<usize> = vec![far; m + 1];
    for i in 1..=n {
        row.fill(far);
        row[0] = i.min(far);
        let (lo, hi) = (i.saturating_sub(limit).max(1), (i + limit).min(m));
        let mut best = row[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (above[j] + 1).min(row[j - 1] + 1).min(above[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(before[j - 2] + 1);
            }
            row[j] = v.min(far);
            best = best.min(row[j]);
        }
        if best > limit {
            return None;
        }
        std::mem::swap(&mut before, &mut above);
        std::mem::swap(&mut above, &mut row);
    }
    Some(above[m]).filter(|&d| d <= limit)
}

impl Catalog {
    fn new(trials: Vec<TrialEntry>, municipalities: Vec<Municipality>) -> Catalog {
        let mut trial_keys = Vec::new();
        for (i, t) in trials.iter().enumerate() {
            for form in std::iter::once(&t.name).chain(&t.aliases) {
                let key = normalize(form);
                if !key.is_empty() && !trial_keys.iter().any(|(k, _)| *k == key) {
                    trial_keys.push((key, i));
                }
            }
        }
        // Longest first, so that scanning text prefers the most specific name.
        trial_keys.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let trial_stems = trial_keys
            .iter()
            .map(|(k, i)| (content_stems(k), *i))
            .collect();
        let trial_words = trial_keys
            .iter()
            .flat_map(|(k, _)| words(k))
            .filter(|w| w.chars().count() >= 7)
            .map(String::from)
            .collect();
        let mut municipality_keys = HashMap::new();
        for (i, m) in municipalities.iter().enumerate() {
            for form in std::iter::once(&m.name).chain(&m.variants) {
                let key = normalize(form);
                municipality_keys.entry(key.clone()).or_insert(i);
                municipality_keys
                    .entry(format!("{key} kommune"))
                    .or_insert(i);
                if !key.ends_with('s') {
                    municipality_keys
                        .entry(format!("{key}s kommune"))
                        .or_insert(i);
                }
            }
        }
        let municipality_norms: Vec<(String, usize)> = municipalities
            .iter()
            .map(|m| normalize(&m.name))
            .map(|n| {
                let len = n.chars().count();
                (n, len)
            })
            .collect();
        let mut ascii_keys: HashMap<String, usize> = HashMap::new();
        let mut folded_twice = BTreeSet::new();
        for (i, (name, _)) in municipality_norms.iter().enumerate() {
            let key = ascii_typed(name);
            if ascii_keys.insert(key.clone(), i).is_some() {
                folded_twice.insert(key);
            }
        }
        ascii_keys.retain(|k, _| !folded_twice.contains(k));
        let mut lower_forms: Vec<(String, usize)> = trials
            .iter()
            .enumerate()
            .flat_map(|(i, t)| {
                std::iter::once(&t.name)
                    .chain(&t.aliases)
                    .map(move |f| (f.to_lowercase(), i))
            })
            .filter(|(f, _)| !f.is_empty())
            .collect();
        lower_forms.sort_by_key(|f| std::cmp::Reverse(f.0.len()));
        Catalog {
            trials,
            trial_keys,
            trial_stems,
            trial_words,
            municipalities,
            municipality_keys,
            ascii_keys,
            municipality_norms,
            lower_forms,
        }
    }

    /// The catalog compiled into the binary (`data/`).
    pub fn builtin() -> Catalog {
        BUILTIN.clone()
    }

    /// The built-in catalog, borrowed: its municipalities are the country's whatever
    /// trials a user adds (the number grammar asks whether a word is a place).
    pub fn builtin_ref() -> &'static Catalog {
        &BUILTIN
    }

    /// The built-in catalog extended by a user's trials file (same format as
    /// `data/trials.json`), so users add trials and aliases without recompiling.
    /// An entry whose name is already known adds its aliases to that trial.
    pub fn with_trials_file(path: &Path) -> Result<Catalog> {
        let text = fs_err::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let extra = parse_trials(&text).map_err(|e| Error::Data {
            path: path.to_path_buf(),
            cause: e.to_string(),
        })?;
        let mut trials = BUILTIN.trials.clone();
        for entry in extra {
            if let Some(known) = trials.iter_mut().find(|t| t.name == entry.name) {
                for a in entry.aliases {
                    if !known.aliases.contains(&a) {
                        known.aliases.push(a);
                    }
                }
                if entry.parent.is_some() {
                    known.parent = entry.parent;
                }
            } else {
                trials.push(entry);
            }
        }
        Ok(Catalog::new(trials, BUILTIN.municipalities.clone()))
    }

    /// A short digest of the known trials (names, aliases, parents): two catalogs with
    /// the same digest read a document the same way. The built-in tables are part of
    /// the binary's own fingerprint; this one tells a user's `--trials` file apart.
    pub fn fingerprint(&self) -> String {
        use sha2::Digest;
        let mut hash = sha2::Sha256::new();
        for t in &self.trials {
            hash.update(t.name.as_bytes());
            for a in &t.aliases {
                hash.update([0]);
                hash.update(a.as_bytes());
            }
            hash.update([1]);
            hash.update(t.parent.as_deref().unwrap_or_default().as_bytes());
            hash.update([2]);
        }
        hex::encode(&hash.finalize()[..8])
    }

    /// The known trials.
    pub fn trials(&self) -> &[TrialEntry] {
        &self.trials
    }

    /// Every trial's name and aliases in lower case, longest first, with the trial's
    /// name (worked out once: texts are searched for them paragraph by paragraph).
    pub fn lower_forms(&self) -> impl Iterator<Item = (&str, &str)> {
        self.lower_forms
            .iter()
            .map(|(f, i)| (f.as_str(), self.trials[*i].name.as_str()))
    }

    /// The 98 municipalities.
    pub fn municipalities(&self) -> &[Municipality] {
        &self.municipalities
    }

    /// The parent of a known trial.
    pub fn parent(&self, canonical: &str) -> Option<&str> {
        self.trials
            .iter()
            .find(|t| t.name == canonical)
            .and_then(|t| t.parent.as_deref())
    }

    /// Canonical official name for any form of a municipality name (`Aalborg Kommune`,
    /// `Ålborg`, `Vesthimmerlands Kommune`, `Jammerbrugt`).
    pub fn municipality(&self, s: &str) -> Option<&str> {
        let key = normalize(s);
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.municipality_keys.get(&key) {
            return Some(&self.municipalities[i].name);
        }
        let bare = key
            .strip_suffix(" kommuner")
            .or_else(|| key.strip_suffix(" kommune"))
            .or_else(|| key.strip_suffix(" regionskommune"))
            .unwrap_or(&key);
        if let Some(&i) = self.municipality_keys.get(bare) {
            return Some(&self.municipalities[i].name);
        }
        // Written on a keyboard without æ, ø and å: "Laeso", "Roedovre", "Rodovre".
        let typed = ascii_typed(bare);
        if typed.chars().count() >= 4 {
            if let Some(&i) = self.ascii_keys.get(&typed) {
                return Some(&self.municipalities[i].name);
            }
        }
        self.municipality_fuzzy(bare)
    }

    /// Typo-tolerant match of a single (normalized) name.
    fn municipality_fuzzy(&self, key: &str) -> Option<&str> {
        let len = key.chars().count();
        if len < 5 {
            return None;
        }
        let limit = if len >= 10 { 2 } else { 1 };
        let mut best: Option<(usize, usize)> = None;
        for (i, (name, name_len)) in self.municipality_norms.iter().enumerate() {
            // The distance is at least the difference in length: a sentence that reached
            // here whole (a damaged text's line of thousands of characters) costs nothing.
            if name_len.abs_diff(len) > limit {
                continue;
            }
            // (A five-letter word only as a name with one letter left out, "Egdal" for
            // Egedal: other typos of short names are words of their own too often.)
            let dropped = *name_len == len + 1 && name.chars().next() == key.chars().next();
            if len == 5 && !dropped {
                continue;
            }
            let Some(d) = edit_distance_within(key, name, limit) else {
                continue;
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, i));
            }
        }
        best.map(|(_, i)| self.municipalities[i].name.as_str())
    }

    /// Exact (normalized) match of a trial name or alias.
    pub fn trial_exact(&self, s: &str) -> Option<&str> {
        let key = normalize(s);
        self.trial_keys
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, i)| self.trials[*i].name.as_str())
    }

    /// Canonical name for a trial's name, alias or misspelling.
    pub fn trial(&self, s: &str) -> Option<&str> {
        let key = normalize(s);
        if key.is_empty() {
            return None;
        }
        if let Some(name) = self.trial_exact(s) {
            return Some(name);
        }
        // A name with whom it is for after it: "Psykologbehandling til sygemeldte",
        // "Mikrolån for iværksættere" (three words at most after the preposition).
        let t = s.trim();
        let words: Vec<&str> = t.split_whitespace().collect();
        for (k, w) in words.iter().enumerate().skip(1) {
            let qualifier = words.len() - k - 1;
            if (1..=3).contains(&qualifier)
                && ["til", "for", "blandt", "med"].contains(&w.to_lowercase().as_str())
            {
                if let Some(name) = self.trial_exact(&words[..k].join(" ")) {
                    return Some(name);
                }
            }
        }
        // The definite form of a one-word name: "Mentorforsøget" for "Mentorforsøg".
        if !t.contains(' ') {
            for suffix in ["et", "en", "ene"] {
                if let Some(name) = t
                    .strip_suffix(suffix)
                    .and_then(|stem| self.trial_exact(stem))
                {
                    return Some(name);
                }
            }
        }
        let len = key.chars().count();
        if len < 8 {
            return None;
        }
        let limit = (len / 8).max(1);
        let mut best: Option<(usize, usize)> = None;
        for (k, i) in &self.trial_keys {
            let kl = k.chars().count();
            if kl.abs_diff(len) > limit {
                continue;
            }
            let Some(d) = edit_distance_within(&key, k, limit) else {
                continue;
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, *i));
            }
        }
        best.map(|(_, i)| self.trials[i].name.as_str())
            .or_else(|| self.trial_by_stems(&key))
            .or_else(|| self.trial_cut_short(&key))
            .or_else(|| self.trial_by_topic(&key))
    }

    /// A name written as its topic alone, the words after the preposition that ends the
    /// name ("Løntilskud og jobrotation" for "Fleksible rammer for løntilskud og
    /// jobrotation"): two words or more, if only one name ends so.
    fn trial_by_topic(&self, key: &str) -> Option<&str> {
        if key.split_whitespace().count() < 2 {
            return None;
        }
        let mut found: Option<usize> = None;
        for (k, i) in &self.trial_keys {
            let Some(head) = k.strip_suffix(key).and_then(|h| h.strip_suffix(' ')) else {
                continue;
            };
            let preposition = head.rsplit(' ').next().unwrap_or("");
            if !["for", "af", "med", "ved", "om", "til"].contains(&preposition) {
                continue;
            }
            match found {
                Some(f) if f != *i => return None,
                _ => found = Some(*i),
            }
        }
        found.map(|i| self.trials[i].name.as_str())
    }

    /// A name whose last word is cut short ("Forlængelse af ressourceforløb" for "…
    /// ressourceforløbssager"): the same words, the last one the start of the name's
    /// (six letters or more), if only one name fits.
    fn trial_cut_short(&self, key: &str) -> Option<&str> {
        let words: Vec<&str> = key.split_whitespace().collect();
        let (last, init) = words.split_last()?;
        if words.len() < 2 || last.chars().count() < 6 {
            return None;
        }
        let mut found = self.trial_keys.iter().filter(|(k, _)| {
            let theirs: Vec<&str> = k.split_whitespace().collect();
            theirs.len() == words.len()
                && theirs.iter().zip(init).all(|(a, b)| a == b)
                && theirs
                    .last()
                    .is_some_and(|t| t.starts_with(last) && t != last)
        });
        let (_, first) = found.next()?;
        found
            .all(|(_, i)| i == first)
            .then(|| self.trials[*first].name.as_str())
    }

    /// The one catalogued trial a short name's stem stands for ("psykolog" of
    /// "psykologforsøget": Psykologbehandling): the only one with a word of its name or an
    /// alias that holds the stem. None when several do ("attest").
    pub fn trial_of_stem(&self, stem: &str) -> Option<&str> {
        let mut found = self.trials_holding(stem);
        let first = found.next()?;
        found.next().is_none().then_some(first.name.as_str())
    }

    /// True when a word of some catalogued trial's name or alias holds the stem
    /// ("uddannelse": several do).
    pub fn holds_stem(&self, stem: &str) -> bool {
        self.trials_holding(stem).next().is_some()
    }

    /// The catalogued trials with a word of their name or an alias that holds the stem.
    fn trials_holding<'c, 's>(
        &'c self,
        stem: &'s str,
    ) -> impl Iterator<Item = &'c TrialEntry> + use<'c, 's> {
        self.trials
            .iter()
            .filter(move |t| forms_hold_stem(std::iter::once(&t.name).chain(&t.aliases), stem))
    }

    /// The catalogued trial a short name's stem stands for in a document: the only one
    /// that holds the stem, or of several ("attest": two trials on lægeattester) the one
    /// whose names share the most words with the document ("obligatoriske").
    pub fn trial_of_stem_in(&self, stem: &str, document: &str) -> Option<&str> {
        if let Some(one) = self.trial_of_stem(stem) {
            return Some(one);
        }
        let words = |s: &str| -> BTreeSet<String> {
            words(&s.to_lowercase())
                .filter(|w| w.chars().count() >= 5)
                .map(String::from)
                .collect()
        };
        let in_document = words(document);
        let mut scored: Vec<(usize, &str)> = self
            .trials
            .iter()
            .filter_map(|t| {
                let forms: Vec<&String> = std::iter::once(&t.name).chain(&t.aliases).collect();
                if !forms_hold_stem(forms.iter().copied(), stem) {
                    return None;
                }
                let mut own = BTreeSet::new();
                for f in forms {
                    own.extend(words(f));
                }
                Some((own.intersection(&in_document).count(), t.name.as_str()))
            })
            .collect();
        scored.sort_by_key(|s| std::cmp::Reverse(s.0));
        match scored.as_slice() {
            [(best, name), (next, _), ..] if best > next => Some(name),
            _ => None,
        }
    }

    /// The one trial whose name or alias has the same content words up to inflection
    /// ("Forenklet bevillingsgrundlag for revalidering" for "Forenkling af
    /// bevillingsgrundlaget for revalidering"): at least three words, compared by their
    /// first six letters.
    fn trial_by_stems(&self, key: &str) -> Option<&str> {
        // (A typo in a long word is forgiven: "fritagelse for revudering" is read as
        // "revurdering", the one word of the names one edit from it.)
        let mended: Vec<String> = key
            .split(' ')
            .map(|w| {
                if w.chars().count() < 7 || self.trial_words.contains(w) {
                    return w.to_string();
                }
                // (Cheap tests first: this runs for every long word of every candidate.)
                let mut near = self.trial_words.iter().filter(|t| {
                    t.len().abs_diff(w.len()) <= 2
                        && t.chars().next() == w.chars().next()
                        && edit_distance_within(w, t, 1) == Some(1)
                });
                match (near.next(), near.next()) {
                    (Some(one), None) => one.clone(),
                    _ => w.to_string(),
                }
            })
            .collect();
        let stems = content_stems(&mended.join(" "));
        if stems.len() < 3 {
            return None;
        }
        // The same content words, or (for four or more) all but one of a name's: "Færre
        // opfølgninger for førtidspensionister i job med løntilskud" leaves out the
        // "forbindelse" of the catalogued name.
        let same = |stems: &BTreeSet<String>, full: &BTreeSet<String>| full == stems;
        let one_short = |stems: &BTreeSet<String>, full: &BTreeSet<String>| {
            stems.len() >= 4 && full.len() == stems.len() + 1 && stems.is_subset(full)
        };
        // A short form keeping at least half of the name's content words ("Fleksible
        // rammer for løntilskud", "Differentiering af lægeattester i sygedagpengesager",
        // "Ledighedsydelse – revurdering i 12. måned"), if only one name holds them all.
        // (The name's numbers are details a short form drops: "Ledighedsydelse –
        // fritagelse for revurdering" keeps half of the words of "… i 12. måned inden for
        // 18 måneder".)
        let shortened = |stems: &BTreeSet<String>, full: &BTreeSet<String>| {
            let words = full
                .iter()
                .filter(|w| w.chars().all(char::is_alphabetic))
                .count();
            stems.len() >= 3 && stems.len() * 2 >= words && stems.is_subset(full)
        };
        // Or one content word more ("fritagelse for krav om opdatering af indsatsplanens
        // tilbud hver 6. måned").
        let one_long = |stems: &BTreeSet<String>, full: &BTreeSet<String>| {
            full.len() >= 5 && stems.len() == full.len() + 1 && full.is_subset(stems)
        };
        // Or, of four content words or more, one put otherwise ("differentieret brug af
        // lægeattester på sygedagpengeområdet" for "Differentiering i valg af …").
        let one_other = |stems: &BTreeSet<String>, full: &BTreeSet<String>| {
            stems.len() >= 4
                && full.len() == stems.len()
                && stems.intersection(full).count() + 1 == stems.len()
        };
        type Rule<'r> = &'r dyn Fn(&BTreeSet<String>, &BTreeSet<String>) -> bool;
        for matches in [&same as Rule, &one_short, &shortened, &one_long, &one_other] {
            let mut found: Option<usize> = None;
            for (full, i) in &self.trial_stems {
                if matches(&stems, full) {
                    match found {
                        Some(f) if f != *i => return None,
                        _ => found = Some(*i),
                    }
                }
            }
            if let Some(i) = found {
                return self.trials.get(i).map(|t| t.name.as_str());
            }
        }
        None
    }
}

/// A word of these names holds a short name's stem ("psykolog" in "Psykologbehandling i
/// jobcenterindsatsen").
pub fn forms_hold_stem<'a>(mut forms: impl Iterator<Item = &'a String>, stem: &str) -> bool {
    forms.any(|f| words(f).any(|w| word_holds_stem(&w.to_lowercase(), stem)))
}

/// A word (in lower case) holds a short name's stem: "psykologbehandling" holds
/// "psykolog". A long stem may differ in its last letter, as Danish derivations do
/// ("fysioterapeutisk" for "fysioterapi", "fiskere" for "fiskeri").
pub fn word_holds_stem(word: &str, stem: &str) -> bool {
    if word.contains(stem) {
        return true;
    }
    // "hjælpemiddel" in "hjælpemidler", "regel" in "regler": the e of a last syllable
    // drops before an ending, and a doubled consonant before it goes single.
    if let Some(head) = stem.strip_suffix("el").or_else(|| stem.strip_suffix("er")) {
        if head.chars().count() >= 3 {
            let mut head = head.to_string();
            let mut last = head.chars().rev();
            if let (Some(a), Some(b)) = (last.next(), last.next()) {
                if a == b {
                    head.pop();
                }
            }
            let l = if stem.ends_with("el") { 'l' } else { 'r' };
            if word.contains(&format!("{head}{l}")) {
                return true;
            }
        }
    }
    let n = stem.chars().count();
    n >= 7 && {
        let cut: String = stem.chars().take(n - 1).collect();
        word.starts_with(&cut)
    }
}

/// The content words of a normalized name, each cut to its first six letters.
pub fn content_stems(key: &str) -> BTreeSet<String> {
    const FUNCTION_WORDS: &[&str] = &[
        "af", "for", "i", "til", "med", "og", "på", "om", "ved", "de", "den", "det", "en", "et",
        "fra", "at", "som",
    ];
    words(key)
        .filter(|w| !FUNCTION_WORDS.contains(w))
        .map(|w| w.chars().take(6).collect())
        .collect()
}

impl Default for Catalog {
    fn default() -> Catalog {
        Catalog::builtin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse_and_have_98_municipalities() {
        let c = Catalog::builtin();
        assert_eq!(c.municipalities().len(), 98);
        assert!(c.trials().len() >= 20);
    }

    #[test]
    fn names_written_with_a_qualifier_or_as_their_topic() {
        let c = Catalog::builtin();
        assert_eq!(
            c.trial("Psykologbehandling til sygemeldte"),
            Some("Psykologbehandling")
        );
        assert_eq!(
            c.trial("Løntilskud og jobrotation"),
            Some("Fleksible rammer for løntilskud og jobrotation")
        );
        // A topic two names end with names neither; one word is no name.
        assert_eq!(c.trial("Uddannelse"), None);
        // A short form may drop the numbers of the name.
        assert_eq!(
            c.trial("Ledighedsydelse – fritagelse for revurdering"),
            Some("Ledighedsydelse - fritagelse for revurdering i 12. måned indenfor 18 måneder")
        );
    }

    #[test]
    fn no_duplicate_or_dangling_aliases() {
        let c = Catalog::builtin();
        let mut seen = HashMap::new();
        for t in c.trials() {
            for form in std::iter::once(&t.name).chain(&t.aliases) {
                let key = normalize(form);
                assert!(!key.is_empty(), "empty alias in {}", t.name);
                if let Some(other) = seen.insert(key.clone(), t.name.clone()) {
                    panic!("{form:?} of {} duplicates a form of {other}", t.name);
                }
            }
            if let Some(p) = &t.parent {
                assert!(
                    c.trials().iter().any(|o| &o.name == p),
                    "dangling parent {p}"
                );
            }
        }
        let mut seen = HashMap::new();
        for m in c.municipalities() {
            assert!(
                seen.insert(m.code, m.name.clone()).is_none(),
                "code {}",
                m.code
            );
            for form in std::iter::once(&m.name).chain(&m.variants) {
                let key = normalize(form);
                if let Some(other) = seen_name(&mut HashMap::new(), &key) {
                    panic!("{other}");
                }
                assert!(!key.is_empty());
            }
        }
        let mut forms: HashMap<String, String> = HashMap::new();
        for m in c.municipalities() {
            for form in std::iter::once(&m.name).chain(&m.variants) {
                let key = normalize(form);
                if let Some(o) = forms.insert(key.clone(), m.name.clone()) {
                    assert_eq!(o, m.name, "{key} belongs to {o} and {}", m.name);
                }
            }
        }
    }

    fn seen_name(_: &mut HashMap<String, String>, _: &str) -> Option<String> {
        None
    }

    #[test]
    fn municipality_forms() {
        let c = Catalog::builtin();
        assert_eq!(c.municipality("Aalborg Kommune"), Some("Aalborg"));
        assert_eq!(c.municipality("Ålborg"), Some("Aalborg"));
        assert_eq!(
            c.municipality("Vesthimmerlands Kommune"),
            Some("Vesthimmerland")
        );
        assert_eq!(c.municipality("Jammerbrugt"), Some("Jammerbugt"));
        assert_eq!(c.municipality("Vesthimerland"), Some("Vesthimmerland"));
        assert_eq!(c.municipality("Åbenrå"), Some("Aabenraa"));
        assert_eq!(c.municipality("Århus Kommune"), Some("Aarhus"));
        assert_eq!(c.municipality("Rambøll"), None);
        assert_eq!(c.municipality("Storm"), None);
        // A five-letter typo only with a letter left out of the name.
        assert_eq!(c.municipality("Egdal"), Some("Egedal"));
        assert_eq!(c.municipality("Grave"), None);
        assert_eq!(c.municipality("Tabel"), None);
    }

    #[test]
    fn long_stems_may_differ_in_their_last_letter() {
        assert!(word_holds_stem("fiskere", "fiskeri"));
        assert!(word_holds_stem("fysioterapeutisk", "fysioterapi"));
        assert!(!word_holds_stem("mentorer", "mentee"));
        // (The e of a last syllable drops before an ending.)
        assert!(word_holds_stem("hjælpemidler", "hjælpemiddel"));
        assert!(word_holds_stem("regler", "regel"));
        assert!(!word_holds_stem("hjælpemidler", "hjælpemand"));
    }

    #[test]
    fn trial_forms_and_typos() {
        let c = Catalog::builtin();
        assert_eq!(
            c.trial("Samtaler"),
            Some("Formkrav ved lovpligtige samtaler")
        );
        assert_eq!(
            c.trial("Formkrav ved lovpligtig samtaler"),
            Some("Formkrav ved lovpligtige samtaler")
        );
        assert_eq!(c.trial("Mentorforsøg"), Some("Lempede mentorregler"));
        assert_eq!(c.trial("Beskrivelse af forsøget"), None);
        // One content word of the catalogued name left out.
        assert_eq!(
            c.trial("Færre opfølgninger for førtidspensionister i job med løntilskud"),
            Some("Færre opfølgninger i forbindelse med førtidspensionister i job med løntilskud")
        );
        // Too few words left to tell the trial.
        assert_eq!(c.trial("Færre opfølgninger"), None);
        // "i forbindelse med" is "ifm"; one content word more.
        assert_eq!(
            c.trial("Lægeattester i forbindelse med rehabiliteringsmødet"),
            Some("Lægeattester ifm rehabiliteringsmøde")
        );
        assert_eq!(
            c.trial("Fritagelse for krav om opdatering af indsatsplanens tilbud hver 6. måned"),
            Some("Fritagelse for at opdatere indsatsplanens tilbud hver 6. måned")
        );
        // Short forms keeping half the content words or more.
        assert_eq!(
            c.trial("Fleksible rammer for løntilskud"),
            Some("Fleksible rammer for løntilskud og jobrotation")
        );
        assert_eq!(
            c.trial("Differentiering af lægeattester i sygedagpengesager"),
            Some("Differentiering i valg af lægeattester på sygedagpengeområdet")
        );
    }

    #[test]
    fn bounded_distance_agrees_with_the_full_one() {
        // Every pair of short words over a small alphabet (so that transpositions,
        // repeats and length differences all occur), at every limit up to 3.
        let alphabet = ['a', 'b', 'æ', 'ø'];
        let mut words = vec![String::new()];
        for len in 1..=4 {
            let mut next = Vec::new();
            for w in words.iter().filter(|w| w.chars().count() == len - 1) {
                for c in alphabet {
                    next.push(format!("{w}{c}"));
                }
            }
            words.extend(next);
        }
        for a in &words {
            for b in words.iter().step_by(3) {
                let full = edit_distance(a, b);
                for limit in 0..=3 {
                    let want = (full <= limit).then_some(full);
                    assert_eq!(edit_distance_within(a, b, limit), want, "{a} {b} {limit}");
                }
            }
        }
        assert_eq!(edit_distance_within("Holstbro", "Holstebro", 1), Some(1));
        assert_eq!(
            edit_distance_within("Frikommunenetværket", "Favrskov", 2),
            None
        );
    }
}
