//! Shared helpers of the pdf/text integration tests (included with `#[path]`).
#![allow(dead_code)]

use std::collections::HashMap;

/// Word tokens: runs of letters/digits, punctuation dropped.
pub fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Multiset F1 of word tokens.
pub fn bag_f1(truth: &[String], got: &[String]) -> f64 {
    if truth.is_empty() && got.is_empty() {
        return 1.0;
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in truth {
        *counts.entry(t).or_default() += 1;
    }
    let mut inter = 0;
    for g in got {
        if let Some(c) = counts.get_mut(g.as_str()) {
            if *c > 0 {
                *c -= 1;
                inter += 1;
            }
        }
    }
    2.0 * inter as f64 / (truth.len() + got.len()) as f64
}

/// 2·LCS / (n_truth + n_got) (Hunt–Szymanski style, O(n log n) per match).
pub fn order_f1(truth: &[String], got: &[String]) -> f64 {
    if truth.is_empty() && got.is_empty() {
        return 1.0;
    }
    let mut pos: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in got.iter().enumerate() {
        pos.entry(t).or_default().push(i);
    }
    let mut tails: Vec<usize> = Vec::new();
    for t in truth {
        if let Some(ps) = pos.get(t.as_str()) {
            for &j in ps.iter().rev() {
                let k = tails.partition_point(|&x| x < j);
                if k == tails.len() {
                    tails.push(j);
                } else {
                    tails[k] = j;
                }
            }
        }
    }
    2.0 * tails.len() as f64 / (truth.len() + got.len()) as f64
}
