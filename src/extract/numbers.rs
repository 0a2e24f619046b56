//! The Danish number grammar: digits with `.` thousands and `,` decimals
//! (`3.600.000`, `86,1`), `½`, multipliers (`2,5 mio.` is 2500000, where `2.5 mio.`
//! is read the same), numbers written as words (`tre`, `femogtyve`) and fractions
//! (`en tredjedel` is 33.33 percent).
//!
//! ```
//! use referat::extract::numbers::{parse_digits, format_danish};
//! assert_eq!(parse_digits("3.600.000", false), Some(3_600_000.0));
//! assert_eq!(parse_digits("2.5", true), Some(2.5));
//! assert_eq!(format_danish(1300.5), "1.300,5");
//! ```

/// Parses a digit group as Danish writes it. `before_multiplier` is true when `mio.`
/// or `mia.` follows: then a single `.` is a decimal point (`2.5 mio.`).
pub fn parse_digits(s: &str, before_multiplier: bool) -> Option<f64> {
    let (s, half) = match s.char_indices().last() {
        Some((i, '½')) => (&s[..i], 0.5),
        Some((i, '¼')) => (&s[..i], 0.25),
        Some((i, '¾')) => (&s[..i], 0.75),
        _ => (s, 0.0),
    };
    if s.is_empty() {
        return if half > 0.0 { Some(half) } else { None };
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let value: f64 = if let Some((int, dec)) = s.split_once(',') {
        if dec.contains(',') || dec.contains('.') {
            return None;
        }
        format!("{}.{}", int.replace('.', ""), dec).parse().ok()?
    } else if s.contains('.') {
        let groups: Vec<&str> = s.split('.').collect();
        let thousands = groups.iter().skip(1).all(|g| g.len() == 3)
            && groups
                .first()
                .is_some_and(|g| !g.is_empty() && g.len() <= 3);
        if thousands && !(before_multiplier && groups.len() == 2) {
            s.replace('.', "").parse().ok()?
        } else if groups.len() == 2 {
            s.parse().ok()?
        } else {
            return None;
        }
    } else {
        s.parse().ok()?
    };
    Some(value + half)
}

/// Cardinal numbers written as words. `en`/`et` are left out on purpose: they are
/// mostly articles (`en borger`).
pub fn number_word(w: &str) -> Option<f64> {
    let w = w.to_lowercase();
    let v = match w.as_str() {
        "to" => 2.0,
        "tre" => 3.0,
        "fire" => 4.0,
        "fem" => 5.0,
        "seks" => 6.0,
        "syv" => 7.0,
        "otte" => 8.0,
        "ni" => 9.0,
        "ti" => 10.0,
        "elleve" => 11.0,
        "tolv" => 12.0,
        "tretten" => 13.0,
        "fjorten" => 14.0,
        "femten" => 15.0,
        "seksten" => 16.0,
        "sytten" => 17.0,
        "atten" => 18.0,
        "nitten" => 19.0,
        "tyve" => 20.0,
        "tredive" | "tredve" => 30.0,
        "fyrre" => 40.0,
        "halvtreds" => 50.0,
        "tres" => 60.0,
        "halvfjerds" => 70.0,
        "firs" => 80.0,
        "halvfems" => 90.0,
        "hundrede" | "hundred" => 100.0,
        "tusind" | "tusinde" => 1000.0,
        "halvanden" | "halvandet" => 1.5,
        _ => return compound_word(&w),
    };
    Some(v)
}

/// `femogtyve` = 5 + 20.
fn compound_word(w: &str) -> Option<f64> {
    let (ones, tens) = w.split_once("og")?;
    let ones = match ones {
        "en" | "et" => 1.0,
        o => number_word(o).filter(|v| *v < 10.0)?,
    };
    let tens = number_word(tens).filter(|v| *v >= 20.0 && *v < 100.0)?;
    Some(ones + tens)
}

/// Multipliers written after a number: `mio.`, `mia.`, `millioner`, `tusind`.
pub fn multiplier(w: &str) -> Option<f64> {
    match w.to_lowercase().trim_end_matches('.') {
        "mio" | "mill" | "million" | "millioner" => Some(1e6),
        "mia" | "milliard" | "milliarder" => Some(1e9),
        "tusind" | "tusinde" | "t" => Some(1e3),
        _ => None,
    }
}

/// Fractions written as words, as percent: `en tredjedel` 33.33, `halvdelen` 50.
/// Takes the (lowercase) words starting at the fraction and returns the value and how
/// many words it used.
pub fn fraction(words: &[&str]) -> Option<(f64, usize)> {
    let first = words.first()?.to_lowercase();
    if first == "halvdelen" {
        return Some((50.0, 1));
    }
    // "hver tredje borger", "hvert andet forløb" (not "hver tredje måned": a frequency).
    if matches!(first.as_str(), "hver" | "hvert") {
        let whole = ordinal_word(words.get(1)?)?;
        let noun = words.get(2).map(|w| w.to_lowercase()).unwrap_or_default();
        let time = [
            "dag", "uge", "måned", "år", "time", "gang", "kvartal", "halvår", "runde",
        ]
        .iter()
        .any(|t| noun.starts_with(t));
        return (!time && whole >= 2.0).then(|| (percent(1.0, whole), 2));
    }
    // "to ud af tre"
    if words.get(1).is_some_and(|w| w.eq_ignore_ascii_case("ud"))
        && words.get(2).is_some_and(|w| w.eq_ignore_ascii_case("af"))
    {
        let part = number_word(&first).or((first == "en" || first == "én").then_some(1.0))?;
        let whole = number_word(words.get(3)?)?;
        return (part < whole).then(|| (percent(part, whole), 4));
    }
    let count = match first.as_str() {
        "en" | "én" | "et" => 1.0,
        w => number_word(w)?,
    };
    let denom = match words.get(1)?.to_lowercase().as_str() {
        "tredjedel" | "tredjedele" | "tredjedelen" => 3.0,
        "fjerdedel" | "fjerdedele" | "fjerdedelen" => 4.0,
        "femtedel" | "femtedele" | "femtedelen" => 5.0,
        "sjettedel" | "sjettedele" => 6.0,
        "tiendedel" | "tiendedele" => 10.0,
        _ => return None,
    };
    Some((percent(count, denom), 2))
}

/// A share as percent, to two decimals: `percent(2.0, 3.0)` is 66.67.
pub fn percent(part: f64, whole: f64) -> f64 {
    ((part / whole) * 10000.0).round() / 100.0
}

/// `andet` 2, `tredje` 3, … `tiende` 10.
fn ordinal_word(w: &str) -> Option<f64> {
    let v = match w.to_lowercase().as_str() {
        "andet" | "anden" => 2.0,
        "tredje" => 3.0,
        "fjerde" => 4.0,
        "femte" => 5.0,
        "sjette" => 6.0,
        "syvende" => 7.0,
        "ottende" => 8.0,
        "niende" => 9.0,
        "tiende" => 10.0,
        _ => return None,
    };
    Some(v)
}

/// Formats a value the Danish way: `.` groups thousands, `,` is the decimal mark.
pub fn format_danish(v: f64) -> String {
    let neg = v < 0.0;
    let v = v.abs();
    let mut int = v.trunc() as u64;
    let frac = ((v - v.trunc()) * 100.0).round() as u64;
    if frac == 100 {
        int += 1;
    }
    let digits = int.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let mut s = if neg { format!("-{grouped}") } else { grouped };
    if frac != 0 && frac != 100 {
        let f = format!("{frac:02}");
        s.push(',');
        s.push_str(f.trim_end_matches('0'));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_forms() {
        assert_eq!(parse_digits("3.600.000", false), Some(3_600_000.0));
        assert_eq!(parse_digits("1.300", false), Some(1300.0));
        assert_eq!(parse_digits("86,1", false), Some(86.1));
        assert_eq!(parse_digits("2,5", true), Some(2.5));
        assert_eq!(parse_digits("2.5", true), Some(2.5));
        assert_eq!(parse_digits("1.4", false), Some(1.4));
        assert_eq!(parse_digits("2½", false), Some(2.5));
        assert_eq!(parse_digits("½", false), Some(0.5));
        assert_eq!(parse_digits("4000", false), Some(4000.0));
        assert_eq!(parse_digits("1,2,3", false), None);
    }

    #[test]
    fn words() {
        assert_eq!(number_word("tre"), Some(3.0));
        assert_eq!(number_word("To"), Some(2.0));
        assert_eq!(number_word("femogtyve"), Some(25.0));
        assert_eq!(number_word("enogtyve"), Some(21.0));
        assert_eq!(number_word("en"), None);
        assert_eq!(number_word("tog"), None);
        assert_eq!(fraction(&["en", "tredjedel"]), Some((33.33, 2)));
        assert_eq!(fraction(&["tre", "fjerdedele"]), Some((75.0, 2)));
        assert_eq!(fraction(&["halvdelen", "af"]), Some((50.0, 1)));
        assert_eq!(fraction(&["Hver", "tredje", "sygemeldt"]), Some((33.33, 2)));
        assert_eq!(fraction(&["hvert", "andet", "forløb"]), Some((50.0, 2)));
        assert_eq!(fraction(&["hver", "tredje", "måned"]), None);
        assert_eq!(fraction(&["to", "ud", "af", "tre"]), Some((66.67, 4)));
    }

    /// Property-style round trip: every value formatted the Danish way parses back.
    #[test]
    fn round_trip_many_values() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..5000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let cents = x % 10_000_000_000;
            let v = cents as f64 / 100.0;
            let s = format_danish(v);
            let back = parse_digits(&s, false);
            assert!(
                back.is_some_and(|b| (b - v).abs() < 1e-6),
                "{v} -> {s} -> {back:?}"
            );
        }
        for i in 0..3000u64 {
            let v = i as f64 * 37.0 + 0.5;
            let s = format_danish(v);
            assert_eq!(parse_digits(&s, false), Some(v), "{s}");
        }
    }
}
