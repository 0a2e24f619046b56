//! Hostile page texts through the records stage: the fixture texts, damaged in the ways a
//! bad PDF's text layer can be (stray combining marks, bidi controls, letters whose lower
//! case is longer than their upper case, runaway numbers, a line repeated thousands of
//! times, a page that is one line, a row of hundreds of cells), must give records, never
//! a panic. Deterministic (seeded xorshift), so a failure names its mutant and reproduces.
//!
//! `HOSTILE_MUTANTS=N` sets the number of mutants (default 150); the slowest are printed
//! with `--nocapture`, and `HOSTILE_KEEP=DIR` keeps the texts of those over 0.5 s to
//! profile (speed is measured, not asserted: `scripts/` has the benchmarks).

mod common;

use common::Rng;
use referat::extract::{extract, Catalog};
use std::time::{Duration, Instant};

/// Pieces a broken text layer inserts: combining marks, bidi and zero-width controls,
/// soft hyphens, letters that change length in lower case (`İ`, `ẞ`), private-use and
/// replacement characters, table bars, number and unit fragments.
const STRAYS: &[&str] = &[
    "\u{301}",
    "\u{308}\u{308}",
    "\u{200f}",
    "\u{202e}",
    "\u{200d}",
    "\u{ad}",
    "\u{a0}",
    "İ",
    "ẞ",
    "ǅ",
    "ﬃ",
    "\u{f0b7}",
    "\u{fffd}",
    "|",
    " | ",
    "%",
    "½",
    ",",
    ".",
    "-",
    "–",
    "kr.",
    " mio. kr.",
    "1.",
    "00",
    "§",
    "\t",
    "\u{c}",
    "\n",
    "\n\n",
    "😀",
    "中",
    "ـ",
    "Kommune",
    " i alt",
    "Beslutning:",
    "•",
    "(",
    ")",
    ":",
];

fn mutate(text: &str, rng: &mut Rng) -> (&'static str, String) {
    let chars: Vec<char> = text.chars().collect();
    let at = |rng: &mut Rng| rng.index(chars.len() + 1);
    let s = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    let kind = rng.index(9);
    let out = match kind {
        // Stray pieces sprinkled through the text.
        0 | 1 => {
            let mut out = String::new();
            let mut cuts: Vec<usize> = (0..1 + rng.index(60)).map(|_| at(rng)).collect();
            cuts.sort_unstable();
            let mut from = 0;
            for c in cuts {
                out.push_str(&s(from, c));
                out.push_str(STRAYS[rng.index(STRAYS.len())]);
                from = c;
            }
            out.push_str(&s(from, chars.len()));
            out
        }
        // A runaway number in place of a stretch.
        2 => {
            let (a, b) = ordered(at(rng), at(rng));
            let digits: String = (0..1 + rng.index(400))
                .map(|i| if i % 4 == 3 { '.' } else { '7' })
                .collect();
            format!(
                "{} {digits},5 mio. kr. {}",
                s(0, a),
                s(b.min(a + 40), chars.len())
            )
        }
        // One line repeated thousands of times.
        3 => {
            let lines: Vec<&str> = text.lines().collect();
            let line = lines.get(rng.index(lines.len())).copied().unwrap_or("");
            let times = 1 + rng.index(3000);
            format!("{text}\n{}", format!("{line}\n").repeat(times))
        }
        // The page as one line.
        4 => text.replace(['\n', '\u{c}'], " "),
        // A table row of hundreds of cells.
        5 => {
            let cells: Vec<String> = (0..rng.index(600))
                .map(|i| format!("{}", i * 37 % 1000))
                .collect();
            format!(
                "{}\n{}\n{}",
                s(0, chars.len() / 2),
                cells.join(" | "),
                s(chars.len() / 2, chars.len())
            )
        }
        // Everything upper case (`ß` grows, `İ` appears in some scripts' case maps).
        6 => text.to_uppercase(),
        // A stretch deleted.
        7 => {
            let (a, b) = ordered(at(rng), at(rng));
            format!("{}{}", s(0, a), s(b, chars.len()))
        }
        // Deep nesting of brackets and list markers.
        _ => {
            let n = rng.index(2000);
            format!("{}{}{}", "(".repeat(n), text, "- • 1. a) ".repeat(n / 4))
        }
    };
    let kinds = [
        "strays",
        "strays",
        "runaway number",
        "repeated line",
        "one line",
        "wide row",
        "upper case",
        "deleted stretch",
        "nesting",
    ];
    (kinds[kind], out)
}

fn ordered(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

#[test]
fn hostile_texts_give_records_not_panics() {
    let n: usize = std::env::var("HOSTILE_MUTANTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(150);
    let dir = common::fixtures_dir();
    let mut texts: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| {
            Some((
                p.file_name()?.to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).ok()?,
            ))
        })
        .collect();
    texts.sort();
    assert!(texts.len() > 100, "the fixture texts are there");
    let catalog = Catalog::builtin_ref();
    let mut rng = Rng(0x5eed_2026);
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    let keep = std::env::var_os("HOSTILE_KEEP").map(std::path::PathBuf::from);
    for i in 0..n {
        let (name, text) = &texts[rng.index(texts.len())];
        let (kind, mutant) = mutate(text, &mut rng);
        let label = format!(
            "mutant {i} of {name} ({kind}, {} chars)",
            mutant.chars().count()
        );
        let doc = common::document_text(&label, &mutant, 3000, &|_, _| Vec::new());
        let start = Instant::now();
        let got = std::panic::catch_unwind(|| extract(&doc, catalog));
        let took = start.elapsed();
        if let Some(dir) = &keep {
            if took > Duration::from_millis(500) {
                let _ = std::fs::write(dir.join(format!("hostile-{i}.txt")), &mutant);
            }
        }
        slowest.push((took, label.clone()));
        let records = got.unwrap_or_else(|_| {
            let path = std::env::temp_dir().join(format!("referat-hostile-{i}.txt"));
            let _ = std::fs::write(&path, &mutant);
            panic!("{label} panicked; its text is in {}", path.display())
        });
        assert_eq!(records.pages as usize, doc.pages.len(), "{label}");
    }
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (t, label) in slowest.iter().take(5) {
        println!("{:>8.1} ms  {label}", t.as_secs_f64() * 1e3);
    }
}
