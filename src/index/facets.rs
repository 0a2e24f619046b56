//! Facet counts (municipality, trial, kind, year) of the pages a search matches.
//!
//! All pages of a document carry the same facet values, and a segment stores a
//! document's pages one after another. So each segment is read once into "bundles" (a
//! run of pages with the same values) and cached by segment id (segments never change);
//! counting a hit is then one array increment, and the values are looked up once per
//! bundle hit at the end. tantivy's `FacetCollector` instead reads four multi-valued
//! columns per hit, which made a broad query with facets several times slower than
//! without.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// The facet fields, in the order of [`Tally::counts`].
const FIELDS: [&str; 4] = ["municipality", "trial", "kind_facet", "year"];

/// The facet values of one run of pages, as indexes into [`SegmentBundles::names`].
type Bundle = [Box<[u32]>; 4];

/// One segment, read once.
struct SegmentBundles {
    /// Bundle of each document (page) of the segment.
    doc_bundle: Vec<u32>,
    bundles: Vec<Bundle>,
    /// The values of each field, by index.
    names: [Vec<Arc<str>>; 4],
}

impl SegmentBundles {
    fn read(segment: &SegmentReader) -> tantivy::Result<Self> {
        let readers = FIELDS
            .iter()
            .map(|f| segment.facet_reader(f))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let mut names: [Vec<Arc<str>>; 4] = Default::default();
        let mut index_of: Vec<HashMap<u64, u32>> = vec![HashMap::new(); FIELDS.len()];
        let mut facet = Facet::root();
        let mut doc_bundle = Vec::with_capacity(segment.max_doc() as usize);
        let mut bundles: Vec<Bundle> = Vec::new();
        let mut previous: Vec<Vec<u64>> = Vec::new();
        for doc in 0..segment.max_doc() {
            let ords: Vec<Vec<u64>> = readers
                .iter()
                .map(|r| r.facet_ords(doc).collect())
                .collect();
            if bundles.is_empty() || ords != previous {
                let mut bundle: Bundle = Default::default();
                for (k, (reader, field_ords)) in readers.iter().zip(&ords).enumerate() {
                    let mut values = Vec::with_capacity(field_ords.len());
                    for &ord in field_ords {
                        let id = match index_of[k].get(&ord) {
                            Some(&id) => id,
                            None => {
                                reader.facet_from_ord(ord, &mut facet)?;
                                // Top-level value: "/Aalborg" -> "Aalborg".
                                let name = facet.to_path().first().copied().unwrap_or("");
                                let id = names[k].len() as u32;
                                names[k].push(Arc::from(name));
                                index_of[k].insert(ord, id);
                                id
                            }
                        };
                        values.push(id);
                    }
                    bundle[k] = values.into_boxed_slice();
                }
                bundles.push(bundle);
                previous = ords;
            }
            doc_bundle.push((bundles.len() - 1) as u32);
        }
        Ok(SegmentBundles {
            doc_bundle,
            bundles,
            names,
        })
    }
}

/// Bundles of every segment seen, shared by the searches of one [`super::IndexStore`].
#[derive(Default, Clone)]
pub(super) struct Cache(Arc<Mutex<HashMap<SegmentId, Arc<SegmentBundles>>>>);

impl Cache {
    fn segment(&self, segment: &SegmentReader) -> tantivy::Result<Arc<SegmentBundles>> {
        let id = segment.segment_id();
        if let Some(b) = self.lock().get(&id) {
            return Ok(b.clone());
        }
        // Read outside the lock: two searches may read the same new segment once each.
        let read = Arc::new(SegmentBundles::read(segment)?);
        self.lock().insert(id, read.clone());
        Ok(read)
    }

    /// Forgets segments no longer in the index (merged away or deleted).
    pub(super) fn retain(&self, live: &[SegmentId]) {
        self.lock().retain(|id, _| live.contains(id));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SegmentId, Arc<SegmentBundles>>> {
        // A poisoned cache only lost an insert; its contents are still whole.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Page counts per value of each facet field.
#[derive(Debug, Default)]
pub(super) struct Tally {
    /// Indexed like [`FIELDS`].
    pub counts: [HashMap<Arc<str>, u64>; 4],
}

/// The collector: counts matching pages per facet value.
pub(super) struct TallyCollector {
    pub cache: Cache,
}

pub(super) struct TallySegment {
    bundles: Arc<SegmentBundles>,
    hits: Vec<u32>,
}

impl Collector for TallyCollector {
    type Fruit = Tally;
    type Child = TallySegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let bundles = self.cache.segment(segment)?;
        let hits = vec![0; bundles.bundles.len()];
        Ok(TallySegment { bundles, hits })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Tally>) -> tantivy::Result<Tally> {
        let mut total = Tally::default();
        for fruit in fruits {
            for (sum, part) in total.counts.iter_mut().zip(fruit.counts) {
                for (name, n) in part {
                    *sum.entry(name).or_default() += n;
                }
            }
        }
        Ok(total)
    }
}

impl SegmentCollector for TallySegment {
    type Fruit = Tally;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(&b) = self.bundles.doc_bundle.get(doc as usize) {
            self.hits[b as usize] += 1;
        }
    }

    fn harvest(self) -> Tally {
        let names = &self.bundles.names;
        let mut per_value: [Vec<u64>; 4] = Default::default();
        for (counts, n) in per_value.iter_mut().zip(names) {
            counts.resize(n.len(), 0);
        }
        for (bundle, &n) in self.bundles.bundles.iter().zip(&self.hits) {
            if n == 0 {
                continue;
            }
            for (counts, values) in per_value.iter_mut().zip(bundle) {
                for &v in values.iter() {
                    counts[v as usize] += u64::from(n);
                }
            }
        }
        let mut tally = Tally::default();
        for ((out, counts), names) in tally.counts.iter_mut().zip(per_value).zip(names) {
            for (name, n) in names.iter().zip(counts) {
                if n > 0 {
                    *out.entry(name.clone()).or_default() += n;
                }
            }
        }
        tally
    }
}
