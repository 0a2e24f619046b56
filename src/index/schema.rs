//! The index schema. One tantivy index holds three kinds of record, told apart by
//! `rec`: a `page` (what a search hit is), a `figure` (what `figures` lists) and a `doc`
//! (one per document: its records as JSON and its version signature). All records of a
//! document carry its `sha256`, so replacing or removing a document is one delete.
//!
//! Only what is shown whole is stored (page text, furniture, JSON records), in zstd
//! blocks. Short per-record values (source, title, kind, date, group, page) live in
//! columns (fast fields): read per hit without decompressing a store block, and each
//! distinct value is kept once per segment however many pages repeat it.

use super::analyzer;
use crate::extract::numbers::format_danish;
use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
    FAST, INDEXED, STORED, STRING,
};

/// Bumped whenever the schema or the analysis changes; an index of another version
/// must be rebuilt. 3: version signatures hash each word once (stored signatures of
/// version 2 are not comparable). 4: a figure's `ordinal` (its place in its document;
/// the writer's threads may split one document's figures over segments). 5: numbers
/// and dates in one form (`analyzer::NUMBER_FORM`); the short names documents give their
/// trials. 6: figures carry their document's date (`--from`/`--to` of `figures`). 7:
/// Latin plurals stemmed with their singulars (`analyzer::IRREGULAR`). 8: a page's
/// figures as `amount` terms (a cell `7.353` under `i 1.000 kr.` is found as `7353000`).
/// 9: `-el` nouns stemmed with their inflected forms (`regel`/`regler`,
/// `hjælpemiddel`/`hjælpemidler`).
pub const SCHEMA_VERSION: u32 = 9;

/// The fields, resolved once.
#[derive(Clone, Copy)]
pub struct Fields {
    pub rec: Field,
    pub sha256: Field,
    pub source: Field,
    pub page: Field,
    pub title: Field,
    pub text: Field,
    pub exact: Field,
    pub kind: Field,
    pub date: Field,
    pub date_key: Field,
    pub body: Field,
    pub municipality: Field,
    pub municipality_key: Field,
    pub trial: Field,
    pub trial_key: Field,
    /// A trial's short name as a document defines it, `stem\u{1f}Trial name` (see
    /// [`short_name_term`]).
    pub short_name: Field,
    pub kind_facet: Field,
    pub year: Field,
    pub group: Field,
    pub value: Field,
    pub unit: Field,
    /// The values of a page's figures, each as [`amount_term`] writes it: what a number
    /// typed in a query is also matched against, so that an amount is found however
    /// the page scales it (`2,5 mio. kr.`, a table in thousands).
    pub amount: Field,
    pub json: Field,
    pub furniture: Field,
    pub rev: Field,
    pub version_rank: Field,
    pub ordinal: Field,
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text_opts = |tokenizer: &str, stored: bool| {
        let o = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        if stored {
            o.set_stored()
        } else {
            o
        }
    };
    // Fields matched term by term (no phrases): no positions, a smaller index.
    let terms_only = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let facet = FacetOptions::default;
    // Matched whole and read per hit from its column.
    let keyword = || STRING | FAST;
    let column_only = || TextOptions::default().set_fast("raw");
    let fields = Fields {
        rec: b.add_text_field("rec", keyword()),
        sha256: b.add_text_field("sha256", keyword()),
        source: b.add_text_field("source", keyword()),
        page: b.add_u64_field("page", INDEXED | FAST),
        title: b.add_text_field("title", column_only()),
        text: b.add_text_field("text", text_opts(analyzer::DA, true)),
        exact: b.add_text_field("exact", terms_only(analyzer::DA_EXACT)),
        kind: b.add_text_field("kind", keyword()),
        date: b.add_text_field("date", column_only()),
        date_key: b.add_u64_field("date_key", INDEXED | FAST),
        body: b.add_text_field("body", STRING),
        municipality: b.add_facet_field("municipality", facet()),
        municipality_key: b.add_text_field("municipality_key", STRING),
        trial: b.add_facet_field("trial", facet()),
        trial_key: b.add_text_field("trial_key", STRING),
        short_name: b.add_text_field("short_name", STRING),
        kind_facet: b.add_facet_field("kind_facet", FacetOptions::default()),
        year: b.add_facet_field("year", FacetOptions::default()),
        group: b.add_text_field("group", keyword()),
        value: b.add_f64_field("value", NumericOptions::default().set_indexed().set_fast()),
        unit: b.add_text_field("unit", STRING),
        amount: b.add_text_field("amount", STRING),
        json: b.add_text_field("json", STORED),
        furniture: b.add_text_field("furniture", STORED),
        rev: b.add_text_field("rev", terms_only(analyzer::DA_REV)),
        version_rank: b.add_u64_field("version_rank", FAST),
        ordinal: b.add_u64_field("ordinal", FAST),
    };
    (b.build(), fields)
}

/// The form filter values are compared in: lowercase, `å` as `aa`, single spaces.
pub fn key(value: &str) -> String {
    value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('å', "aa")
}

/// The term that ties a short name's stem (`video` of `videoforsøget`, see
/// `trials::short_name_stem`) to the trial a document gives it to: the stem, a unit
/// separator, the trial's name. All the trials of a stem are the terms it prefixes.
pub fn short_name_term(stem: &str, trial: &str) -> String {
    format!("{}{SHORT_NAME_SEPARATOR}{trial}", key(stem))
}

/// A figure's value as an `amount` term: without sign and thousands points, decimals
/// after a comma, as [`analyzer::NUMBER_FORM`] writes a number typed in a query
/// (`7353000`, `2450,5`); `None` for 0 (a cell with nothing spent says little).
pub fn amount_term(value: f64) -> Option<String> {
    (value.is_finite() && value != 0.0).then(|| format_danish(value.abs()).replace('.', ""))
}

/// Between a short name's stem and its trial in [`short_name_term`].
const SHORT_NAME_SEPARATOR: char = '\u{1f}';

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a number that sorts like the date; missing parts
/// are 0 (`low`) or 99 (`!low`), so a bound `2019` covers all of 2019.
pub fn date_key(date: &str, low: bool) -> Option<u64> {
    let mut parts = date.trim().split('-');
    let year: u64 = parts.next()?.parse().ok()?;
    if !(1000..=9999).contains(&year) {
        return None;
    }
    let fill = if low { 0 } else { 99 };
    let month = match parts.next() {
        Some(m) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
        None => fill,
    };
    let day = match parts.next() {
        Some(d) => d.parse().ok().filter(|d| (1..=31).contains(d))?,
        None => fill,
    };
    Some(year * 10_000 + month * 100 + day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_keys_cover_whole_periods() {
        assert_eq!(date_key("2019-10", true), Some(20191000));
        assert_eq!(date_key("2019", false), Some(20199999));
        assert_eq!(date_key("2017-12-11", true), Some(20171211));
        assert_eq!(date_key("oktober", true), None);
        assert_eq!(date_key("2019-13", true), None);
    }

    #[test]
    fn amounts_are_written_as_numbers_are_typed() {
        assert_eq!(amount_term(7_353_000.0).as_deref(), Some("7353000"));
        assert_eq!(amount_term(-700_000.0).as_deref(), Some("700000"));
        assert_eq!(amount_term(2450.5).as_deref(), Some("2450,5"));
        assert_eq!(amount_term(0.0), None);
    }

    #[test]
    fn keys_fold_case_and_aa() {
        assert_eq!(key("Ålborg"), key("aalborg"));
        assert_eq!(key("Jammerbugt  "), "jammerbugt");
    }
}
