//! Versions: the same report published twice (re-issued with a stamp, scanned, with a
//! figure corrected) is recognised by its text, not its file hash. Each document gets a
//! MinHash signature of its word 5-shingles; documents whose estimated Jaccard
//! similarity is at least [`SAME_REPORT`] share a version group. Versions stay separate
//! documents (one that differs in a number is never merged away); search shows a group
//! once and lists its versions, and `figures` counts one version unless asked for all.

/// Hash functions in a signature.
pub const SIGNATURE_LEN: usize = 64;
/// Estimated Jaccard similarity of 5-shingles from which two documents are versions.
/// A scan's OCR text of the same report scores about 0.6-0.8 against the digital one;
/// different reports of one series share far less running text.
pub const SAME_REPORT: f64 = 0.5;

/// A MinHash signature.
pub type Signature = Vec<u64>;

fn fnv1a(words: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn mix(mut x: u64) -> u64 {
    // splitmix64 finaliser: one cheap independent permutation per seed.
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The signature of a text (lowercased word 5-shingles); `None` for texts too short to
/// compare meaningfully.
pub fn signature(text: &str) -> Option<Signature> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 50 {
        return None;
    }
    let mut sig = vec![u64::MAX; SIGNATURE_LEN];
    for shingle in words.windows(5) {
        let h = fnv1a(shingle);
        for (i, slot) in sig.iter_mut().enumerate() {
            let v = mix(h ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if v < *slot {
                *slot = v;
            }
        }
    }
    Some(sig)
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / SIGNATURE_LEN.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pseudo-random words from a vocabulary of 500, different per seed.
    fn text(seed: u64, n: usize) -> String {
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                format!("ord{}", x % 500)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_report_with_one_changed_number_is_a_version() {
        let a = text(1, 3000);
        let b = a.replacen("ord5", "ord999x", 1);
        let (sa, sb) = (signature(&a).expect("sig"), signature(&b).expect("sig"));
        assert!(similarity(&sa, &sb) >= SAME_REPORT);
    }

    #[test]
    fn different_reports_are_not_versions() {
        let (sa, sb) = (
            signature(&text(1, 3000)).expect("sig"),
            signature(&text(2, 3000)).expect("sig"),
        );
        assert!(similarity(&sa, &sb) < 0.2);
    }
}
