//! Line-end hyphenation. A soft hyphen (U+00AD) at a line end always joins. A hard hyphen
//! joins only when the next line starts in lower case and the joined word is plausible:
//! it occurs elsewhere in the document, or the two parts are not both words. Hyphens in
//! compounds with acronyms, digits or one-letter parts ("a-dagpenge", "JAF-forløb",
//! "2-4") are kept.

use std::collections::HashSet;

/// The words of a document (lower-cased letter/digit runs, plus hyphenated compounds).
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    /// Adds the words of a line of text.
    pub fn add_text(&mut self, text: &str) {
        for tok in text.split(|c: char| c.is_whitespace() || c == '/' || c == '\u{AD}') {
            let t = tok.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            let t = t.trim_matches('-');
            if t.is_empty() {
                continue;
            }
            let lower = t.to_lowercase();
            for part in lower.split('-') {
                if !part.is_empty() {
                    self.words.insert(part.to_string());
                }
            }
            self.words.insert(lower);
        }
    }

    /// Adds the words of a layout line, leaving out what may be a fragment of a
    /// hyphenated word: the first word, and a last word ending in a hyphen.
    pub fn add_line(&mut self, text: &str) {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut inner = words.get(1..).unwrap_or_default();
        if inner
            .last()
            .is_some_and(|w| w.ends_with(['-', '\u{AD}', '\u{2010}']))
        {
            inner = inner.get(..inner.len() - 1).unwrap_or_default();
        }
        self.add_text(&inner.join(" "));
    }

    fn has(&self, w: &str) -> bool {
        self.words.contains(&w.to_lowercase())
    }
}

/// Words after which a line-end hyphen is a suspended one ("sundheds- og ..."): the
/// coordinating conjunctions of Danish, Norwegian, Swedish, German and English.
const CONJUNCTIONS: [&str; 11] = [
    "og", "eller", "samt", "som", "end", "and", "or", "und", "oder", "bzw", "och",
];

/// Joins two consecutive lines of one paragraph.
#[cfg(test)]
pub fn join(a: &str, b: &str, vocab: &Vocabulary) -> String {
    let mut acc = a.to_string();
    append(&mut acc, b, vocab);
    acc
}

/// Marks a line that ends in one word filling its table cell: the word may have been
/// broken for lack of room, without a hyphen ("sygedagpengeopf" / "ølgning").
pub const BROKEN: char = '\u{2060}';

/// An OCR layer often reads a line-end hyphen as a word of its own ("hjemmeplej -"):
/// attach it to its word, so the next line joins by the rules for hyphens.
pub fn attach_ocr_hyphen(acc: &mut String) {
    let t = acc.trim_end();
    if let Some(word_end) = t.strip_suffix(" -").map(str::len) {
        if t[..word_end]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        {
            acc.truncate(word_end);
            acc.push('-');
        }
    }
}

/// The letters and digits that end `s`.
fn last_word(s: &str) -> String {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(s.len(), |(i, _)| i);
    s[start..].to_string()
}

/// The letters and digits that begin `s`.
fn first_word(s: &str) -> String {
    s.chars().take_while(|c| c.is_alphanumeric()).collect()
}

/// Appends the next line of a paragraph to `acc` in place (linear in the line, so long
/// paragraphs cost no more than their length).
pub fn append(acc: &mut String, b: &str, vocab: &Vocabulary) {
    let trimmed = acc.trim_end().len();
    acc.truncate(trimmed);
    let b = b.trim_start();
    if acc.is_empty() {
        acc.push_str(b);
        return;
    }
    if acc.ends_with('\u{AD}') {
        acc.pop();
        acc.push_str(b);
        return;
    }
    if acc.ends_with(BROKEN) {
        acc.pop();
        // One word if the joined form is a word of the document, or neither part is.
        let (prefix, suffix) = (last_word(acc), first_word(b));
        let joined = format!("{prefix}{suffix}");
        if vocab.has(&joined) || (!vocab.has(&prefix) && !vocab.has(&suffix)) {
            acc.push_str(b);
        } else {
            acc.push(' ');
            acc.push_str(b);
        }
        return;
    }
    // A slash joins; Chinese and Japanese put no space between words, so none where a
    // line of theirs breaks.
    let wide = |c: Option<char>| c.is_some_and(super::script::is_wide);
    if acc.ends_with('/') || (wide(acc.chars().next_back()) && wide(b.chars().next())) {
        acc.push_str(b);
        return;
    }
    let hyphen = acc.ends_with('-') || acc.ends_with('\u{2010}');
    let before = acc.chars().rev().nth(1);
    if hyphen && before.is_some_and(|c| !c.is_whitespace()) {
        let prefix = last_word(acc.trim_end_matches(['-', '\u{2010}']));
        let suffix = first_word(b);
        // A suspended hyphen: "sundheds- og ældreområdet", "for- eller efterår".
        let whole_word = b
            .get(suffix.len()..)
            .is_none_or(|r| r.is_empty() || r.starts_with(' '));
        if whole_word && CONJUNCTIONS.contains(&suffix.as_str()) {
            acc.push(' ');
            acc.push_str(b);
            return;
        }
        let starts_lower = b.chars().next().is_some_and(char::is_lowercase);
        if starts_lower && !prefix.is_empty() && !suffix.is_empty() {
            let acronym = prefix.chars().count() < 2
                || prefix
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit())
                || prefix.chars().any(|c| c.is_ascii_digit());
            let compound = format!("{prefix}-{suffix}");
            let joined = format!("{prefix}{suffix}");
            let both_words = vocab.has(&prefix) && vocab.has(&suffix);
            let join = !acronym && !vocab.has(&compound) && (vocab.has(&joined) || !both_words);
            if join {
                acc.pop();
            }
        }
        acc.push_str(b);
        return;
    }
    acc.push(' ');
    acc.push_str(b);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(text: &str) -> Vocabulary {
        let mut v = Vocabulary::default();
        v.add_text(text);
        v
    }

    #[test]
    fn a_word_broken_in_a_narrow_cell_joins_by_the_vocabulary() {
        let v = vocab("borgere i jobcentret");
        assert_eq!(
            join(&format!("rehabiliteringstea{BROKEN}"), "ms", &v),
            "rehabiliteringsteams"
        );
        assert_eq!(
            join(&format!("Psykologbehandling{BROKEN}"), "i jobcentret", &v),
            "Psykologbehandling i jobcentret"
        );
    }

    #[test]
    fn an_ocr_hyphen_standing_alone_is_attached() {
        let mut acc = "ca. 60 pct. hjemmeplej - ".to_string();
        attach_ocr_hyphen(&mut acc);
        assert_eq!(acc, "ca. 60 pct. hjemmeplej-");
        let mut acc = "kl. 10 - ".to_string();
        attach_ocr_hyphen(&mut acc);
        assert_eq!(acc, "kl. 10 - ", "a dash after a number stays");
    }

    #[test]
    fn soft_hyphen_always_joins() {
        assert_eq!(join("beskæf\u{AD}", "tigelse", &vocab("")), "beskæftigelse");
    }

    #[test]
    fn plausible_joins() {
        let v = vocab("regeringen har sagt");
        assert_eq!(join("at re-", "geringen er", &v), "at regeringen er");
        assert_eq!(
            join("de nye ud-", "fordringer", &vocab("")),
            "de nye udfordringer"
        );
    }

    #[test]
    fn real_hyphens_kept() {
        let v = vocab("a dagpenge forløb");
        assert_eq!(join("for a-", "dagpenge", &v), "for a-dagpenge");
        assert_eq!(join("JAF-", "forløb", &v), "JAF-forløb");
        assert_eq!(join("2-", "4 uger", &v), "2-4 uger");
        assert_eq!(join("KKR-", "formandskab", &vocab("")), "KKR-formandskab");
        assert_eq!(
            join("sundheds-", "og ældreområdet", &v),
            "sundheds- og ældreområdet"
        );
        assert_eq!(
            join("ressourceforløb -", "Vesthimmerland", &v),
            "ressourceforløb - Vesthimmerland"
        );
        assert_eq!(join("Frederikshavn/", "Læsø", &v), "Frederikshavn/Læsø");
        let v2 = vocab("sygedagpenge og sygedagpenge-forløb");
        assert_eq!(join("sygedagpenge-", "forløb", &v2), "sygedagpenge-forløb");
    }

    #[test]
    fn chinese_and_japanese_lines_join_without_a_space() {
        let v = vocab("");
        assert_eq!(
            join("一部を改正する法律（平成十", "九年法律）", &v),
            "一部を改正する法律（平成十九年法律）"
        );
        assert_eq!(join("東京", "and Tokyo", &v), "東京 and Tokyo");
    }
}
