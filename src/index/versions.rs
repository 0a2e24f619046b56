//! Versions: the same report published twice (re-issued with a stamp, scanned, with a
//! figure corrected) is recognised by its text, not its file hash. Each document gets a
//! MinHash signature of its word 5-shingles; documents whose estimated Jaccard
//! similarity is at least [`SAME_REPORT`] share a version group. Versions stay separate
//! documents (one that differs in a number is never merged away); search shows a group
//! once and lists its versions, and `figures` counts one version unless asked for all.

use std::collections::HashMap;

/// Hash functions in a signature.
pub const SIGNATURE_LEN: usize = 64;
/// Estimated Jaccard similarity of 5-shingles from which two documents are versions.
/// A scan's OCR text of the same report scores about 0.6-0.8 against the digital one;
/// different reports of one series share far less running text.
pub const SAME_REPORT: f64 = 0.5;

/// A MinHash signature.
pub type Signature = Vec<u64>;

/// FNV-1a of one lowercased word, without allocating for ASCII words.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
    } else {
        word.to_lowercase().bytes().for_each(eat);
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
/// compare meaningfully. Each word is hashed once and a shingle's hash combines its five
/// word hashes in order.
pub fn signature(text: &str) -> Option<Signature> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_hash)
        .collect();
    if words.len() < 50 {
        return None;
    }
    let seeds: Vec<u64> = (0..SIGNATURE_LEN as u64)
        .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .collect();
    let mut sig = vec![u64::MAX; SIGNATURE_LEN];
    for shingle in words.windows(5) {
        let h = shingle.iter().fold(0u64, |h, w| {
            (h.rotate_left(17) ^ w).wrapping_mul(0x0100_0000_01b3)
        });
        for (slot, seed) in sig.iter_mut().zip(&seeds) {
            *slot = (*slot).min(mix(h ^ seed));
        }
    }
    Some(sig)
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / SIGNATURE_LEN.max(1) as f64
}

/// Bands of the signature for locality-sensitive lookup: two documents are compared
/// only if some band (2 consecutive hashes) is equal. With 32 bands of 2, a pair at the
/// [`SAME_REPORT`] similarity shares a band with probability 1 - (1 - 0.5²)³² > 0.9999,
/// unrelated documents almost never do, so grouping a new document costs a few
/// comparisons instead of one per indexed document.
const BAND_ROWS: usize = 2;

/// The signatures of the indexed documents and their version groups. Buckets hold
/// small ids rather than hashes, so gathering the candidates of a band is cheap even
/// when many documents share boilerplate.
#[derive(Default)]
pub struct VersionIndex {
    /// By id: sha256, group, signature; `None` once removed.
    docs: Vec<Option<(String, String, Signature)>>,
    ids: HashMap<String, u32>,
    buckets: HashMap<(usize, u64), Vec<u32>>,
}

fn bands(sig: &Signature) -> impl Iterator<Item = (usize, u64)> + '_ {
    sig.chunks(BAND_ROWS)
        .enumerate()
        .map(|(i, rows)| (i, rows.iter().fold(0u64, |h, r| mix(h ^ *r))))
}

impl VersionIndex {
    /// Records a document's group and signature (documents without one are never
    /// versions of anything).
    pub fn insert(&mut self, sha256: &str, group: &str, signature: Option<&Signature>) {
        let Some(sig) = signature else { return };
        self.remove(sha256);
        let id = self.docs.len() as u32;
        for band in bands(sig) {
            self.buckets.entry(band).or_default().push(id);
        }
        self.docs
            .push(Some((sha256.to_string(), group.to_string(), sig.clone())));
        self.ids.insert(sha256.to_string(), id);
    }

    /// Forgets a document.
    pub fn remove(&mut self, sha256: &str) {
        let Some(id) = self.ids.remove(sha256) else {
            return;
        };
        let Some((_, _, sig)) = self.docs.get_mut(id as usize).and_then(Option::take) else {
            return;
        };
        for band in bands(&sig) {
            if let Some(list) = self.buckets.get_mut(&band) {
                list.retain(|&d| d != id);
            }
        }
    }

    /// The group of the most similar indexed document at or above [`SAME_REPORT`].
    pub fn group_of(&self, signature: &Signature) -> Option<String> {
        let mut candidates: Vec<u32> = bands(signature)
            .filter_map(|band| self.buckets.get(&band))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter_map(|id| self.docs.get(id as usize)?.as_ref())
            .map(|(_, group, sig)| (group, similarity(signature, sig)))
            .filter(|(_, sim)| *sim >= SAME_REPORT)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(group, _)| group.clone())
    }
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

    #[test]
    fn the_version_index_finds_the_group_among_many_and_forgets_removed_documents() {
        let mut index = VersionIndex::default();
        for seed in 10..210 {
            let sig = signature(&text(seed, 800)).expect("sig");
            index.insert(&format!("sha{seed}"), &format!("group{seed}"), Some(&sig));
        }
        let report = text(77, 800);
        let stamped = format!("Folketinget Bilag 56 Offentligt {report}");
        let sig = signature(&stamped).expect("sig");
        assert_eq!(index.group_of(&sig).as_deref(), Some("group77"));
        let other = signature(&text(5000, 800)).expect("sig");
        assert_eq!(index.group_of(&other), None);
        index.remove("sha77");
        assert_eq!(index.group_of(&sig), None);
    }
}
