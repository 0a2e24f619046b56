//! Property tests of the Danish number grammar at sentence level: values written in the
//! forms documents use (thousands dots, decimal comma or point before `mio.`, `mio. kr.`,
//! `%`, `pct.`, `½`, qualifiers, ranges), inside running Danish sentences, are read back
//! with the value and unit they were written with. Deterministic (seeded xorshift), so a
//! failure names its sentence and reproduces.

mod common;

use common::Rng;
use referat::extract::figures::{scan, Context};
use referat::extract::numbers::format_danish;

/// The figures of one sentence as (value, unit).
fn read(sentence: &str) -> Vec<(f64, String)> {
    scan(
        referat::extract::Catalog::builtin_ref(),
        sentence,
        &[],
        &mut Context::default(),
    )
    .into_iter()
    .map(|q| (q.value, q.unit))
    .collect()
}

fn assert_reads(sentence: &str, want: &[(f64, &str)]) {
    let got = read(sentence);
    let ok = got.len() == want.len()
        && got
            .iter()
            .zip(want)
            .all(|((v, u), (wv, wu))| (v - wv).abs() < 1e-6 * wv.abs().max(1.0) && u == wu);
    assert!(ok, "{sentence:?}: read {got:?}, written {want:?}");
}

const OPENINGS: &[&str] = &[
    "Forsøget har sparet",
    "Kommunen har brugt",
    "Udgiften var i 2019 på",
    "Netværket forventer en besparelse på",
];

#[test]
fn amounts_in_kroner_read_back() {
    let mut rng = Rng(0x5EED_0004_0000_0001);
    for _ in 0..2000 {
        let kroner = rng.below(50_000_000) as f64;
        let qualifier = rng.pick(&["", "ca. ", "knap ", "over ", "op til ", "mindst "]);
        let sentence = format!(
            "{} {qualifier}{} kr. om året.",
            rng.pick(OPENINGS),
            format_danish(kroner)
        );
        assert_reads(&sentence, &[(kroner, "DKK")]);
    }
}

#[test]
fn millions_with_comma_or_point_read_back() {
    let mut rng = Rng(0x5EED_0004_0000_0002);
    for _ in 0..2000 {
        let tenths = 1 + rng.below(999);
        let millions = tenths as f64 / 10.0;
        let written = if tenths.is_multiple_of(10) {
            format!("{}", tenths / 10)
        } else {
            let sep = rng.pick(&[",", "."]);
            format!("{}{sep}{}", tenths / 10, tenths % 10)
        };
        let sentence = format!(
            "{} {written} mio. kr. i forsøgsperioden.",
            rng.pick(OPENINGS)
        );
        assert_reads(&sentence, &[(millions * 1_000_000.0, "DKK")]);
    }
}

#[test]
fn shares_in_percent_read_back() {
    let mut rng = Rng(0x5EED_0004_0000_0003);
    for _ in 0..2000 {
        let tenths = rng.below(1001);
        let pct = tenths as f64 / 10.0;
        let mark = rng.pick(&[" %", " pct.", " procent"]);
        let sentence = format!(
            "Heraf er {}{mark} kommet i job eller uddannelse.",
            format_danish(pct)
        );
        assert_reads(&sentence, &[(pct, "percent")]);
    }
}

#[test]
fn halves_and_ranges_read_back() {
    let mut rng = Rng(0x5EED_0004_0000_0004);
    for _ in 0..1000 {
        let whole = 1 + rng.below(20);
        let (unit_word, unit) = match rng.below(3) {
            0 => ("år", "years"),
            1 => ("uger", "weeks"),
            _ => ("måneder", "months"),
        };
        let sentence = format!("Forløbet varer {whole}½ {unit_word} for de fleste borgere.");
        assert_reads(&sentence, &[(whole as f64 + 0.5, unit)]);

        let low = 1 + rng.below(50) * 100;
        let high = low + 100 + rng.below(50) * 100;
        let sentence = format!(
            "Prisen ligger mellem {} og {} kr. pr. borger.",
            format_danish(low as f64),
            format_danish(high as f64)
        );
        assert_reads(&sentence, &[(low as f64, "DKK"), (high as f64, "DKK")]);
    }
}

#[test]
fn ordinals_years_and_form_ids_are_not_figures() {
    let mut rng = Rng(0x5EED_0004_0000_0005);
    for _ in 0..500 {
        let n = 2 + rng.below(11);
        let year = 2000 + rng.below(30);
        let form = 100 + rng.below(900);
        let sentence = format!(
            "Opfølgningen sker hver {n}. måned fra {year}, og blanketten LÆ {form} bortfalder."
        );
        assert_reads(&sentence, &[]);
    }
}
