//! Words of a text as the extractor's rules read them. Split on anything that is not a
//! letter or digit, so "§ 16, stk. 2" gives "16", "stk", "2" and "æ", "ø", "å" stay
//! inside their words.

/// The runs of letters and digits in `text`.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The same, keeping a hyphen inside its word ("a-dagpenge", "JAF-forløb"), as trials'
/// short names are written ("2-årsforsøget").
pub(crate) fn hyphenated_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let text = "Jf. § 16, stk. 2: a-dagpenge i Aabenraa/Tønder";
        assert_eq!(
            words(text).collect::<Vec<_>>(),
            ["Jf", "16", "stk", "2", "a", "dagpenge", "i", "Aabenraa", "Tønder"]
        );
        assert_eq!(
            hyphenated_words(text).collect::<Vec<_>>(),
            [
                "Jf",
                "16",
                "stk",
                "2",
                "a-dagpenge",
                "i",
                "Aabenraa",
                "Tønder"
            ]
        );
    }
}
