//! The shared part of the benchmarks' corpus generator: paragraphs of the shipped
//! corpus recombined, with other municipalities and jittered numbers, deterministic.
#![allow(dead_code)]

use std::path::Path;

/// A small deterministic generator (xorshift64*), so runs are comparable.
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

pub struct Pool {
    pub paragraphs: Vec<String>,
    pub municipalities: Vec<String>,
    pub trials: Vec<String>,
}

pub fn load_pool(root: &Path) -> Pool {
    let mut paragraphs = Vec::new();
    for entry in std::fs::read_dir(root.join("corpus/truth")).expect("corpus/truth") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("truth text");
        paragraphs.extend(
            text.split("\n\n")
                .map(str::trim)
                .filter(|p| p.len() > 20)
                .map(str::to_string),
        );
    }
    let municipalities = std::fs::read_to_string(root.join("data/municipalities.tsv"))
        .expect("data/municipalities.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .map(str::to_string)
        .collect();
    let trials_json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("data/trials.json")).expect("data/trials.json"),
    )
    .expect("trials json");
    let trials = trials_json["trials"]
        .as_array()
        .expect("trials")
        .iter()
        .filter_map(|t| t["name"].as_str().map(str::to_string))
        .collect();
    Pool {
        paragraphs,
        municipalities,
        trials,
    }
}

/// Swaps the municipality names of the shipped corpus for random ones, and jitters digits.
pub fn vary(paragraph: &str, pool: &Pool, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(paragraph.len());
    for word in paragraph.split_inclusive(' ') {
        let bare = word.trim_end_matches([' ', ',', '.', ':']);
        if bare.len() > 3 && pool.municipalities.iter().any(|m| m == bare) && rng.below(2) == 0 {
            out.push_str(&word.replacen(bare, rng.pick::<String>(&pool.municipalities), 1));
        } else if bare.chars().all(|c| c.is_ascii_digit() || c == '.') && !bare.is_empty() {
            let jittered: String = word
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(_) if rng.below(3) == 0 => char::from(b'0' + rng.below(10) as u8),
                    _ => c,
                })
                .collect();
            out.push_str(&jittered);
        } else {
            out.push_str(word);
        }
    }
    out
}

/// The value after `--name` on the command line.
pub fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}
