//! Opening, creating and writing the index. One writer at a time (tantivy's lock file);
//! readers see the last commit and are never blocked by a writer.

use super::schema::{self, Fields, SCHEMA_VERSION};
use super::versions::{self, Signature};
use super::{analyzer, FigureRow, IndexedDocument};
use crate::error::{Error, Result};
use crate::extract::trials::short_name_key;
use crate::extract::Document;
use crate::text::DocumentText;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tantivy::collector::DocSetCollector;
use tantivy::columnar::StrColumn;
use tantivy::directory::MmapDirectory;
use tantivy::index::SegmentId;
use tantivy::query::TermQuery;
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

const VERSION_FILE: &str = "referat-index.json";

/// Memory for the writer's in-memory segments, shared by its threads (256 MiB measured
/// no faster on 100k pages, so the smaller budget stays).
const WRITER_HEAP_BYTES: usize = 200 << 20;

#[derive(Serialize, Deserialize)]
struct VersionFile {
    schema_version: u32,
}

/// What the `doc` record stores: the records, the version group and signature.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredDoc {
    pub document: Document,
    pub group: String,
    /// No page is a scan's OCR layer (kept so a moved document keeps its version rank).
    pub born_digital: bool,
    pub signature: Option<Signature>,
    /// The extractor that read the records (see `crate::ingest::extractor_version`);
    /// absent in indexes written before it was kept, which reads as "another one".
    #[serde(default)]
    pub extractor: Option<String>,
}

/// The on-disk index.
pub struct IndexStore {
    pub(super) dir: PathBuf,
    pub(super) index: Index,
    pub(super) reader: IndexReader,
    pub(super) fields: Fields,
    /// Facet values per segment, read once (see [`super::facets`]).
    pub(super) facet_cache: super::facets::Cache,
    /// Column dictionary values already looked up.
    pub(super) value_cache: ValueCache,
}

/// The single writer of an index (holds its lock until dropped).
pub struct IndexWriter {
    dir: PathBuf,
    /// The committed state when the writer was taken (to re-read moved documents).
    reader: IndexReader,
    writer: tantivy::IndexWriter,
    fields: Fields,
    /// sha256, version group and signature of every document, for grouping new ones.
    known: versions::VersionIndex,
}

pub(super) fn index_error(dir: &Path, e: impl std::fmt::Display) -> Error {
    Error::Index {
        path: dir.to_path_buf(),
        cause: e.to_string(),
    }
}

fn register_analyzers(index: &Index) {
    index
        .tokenizers()
        .register(analyzer::DA, analyzer::danish());
    index
        .tokenizers()
        .register(analyzer::DA_EXACT, analyzer::danish_exact());
    index
        .tokenizers()
        .register(analyzer::DA_REV, analyzer::danish_reversed());
}

fn check_version(dir: &Path) -> Result<()> {
    let path = dir.join(VERSION_FILE);
    let found = fs_err::read_to_string(&path)
        .ok()
        .and_then(|s| serde_json::from_str::<VersionFile>(&s).ok())
        .map(|v| v.schema_version);
    match found {
        Some(SCHEMA_VERSION) => Ok(()),
        Some(other) => Err(index_error(
            dir,
            format!(
                "built with index schema {other}, this referat uses {SCHEMA_VERSION}: reindex \
                 needed (remove the folder and run `referat ingest` again)"
            ),
        )),
        None => Err(index_error(
            dir,
            format!("not a referat index (no {VERSION_FILE}): reindex needed"),
        )),
    }
}

impl IndexStore {
    /// Opens the index in `dir`, creating it (and the folder) when absent.
    pub fn open_or_create(dir: &Path) -> Result<IndexStore> {
        if dir.join("meta.json").exists() {
            return IndexStore::open(dir);
        }
        fs_err::create_dir_all(dir).map_err(|e| index_error(dir, e))?;
        let (schema, _) = schema::build();
        let mmap = MmapDirectory::open(dir).map_err(|e| index_error(dir, e))?;
        // zstd stores page text in about half the space of the default lz4; 16 KiB blocks
        // keep the decompression per shown hit small.
        let settings = tantivy::IndexSettings {
            docstore_compression: tantivy::store::Compressor::Zstd(
                tantivy::store::ZstdCompressor::default(),
            ),
            docstore_blocksize: 16 * 1024,
            ..Default::default()
        };
        Index::create(mmap, schema, settings).map_err(|e| index_error(dir, e))?;
        let version = serde_json::to_string(&VersionFile {
            schema_version: SCHEMA_VERSION,
        })
        .map_err(|e| index_error(dir, e))?;
        fs_err::write(dir.join(VERSION_FILE), version).map_err(|e| index_error(dir, e))?;
        IndexStore::open(dir)
    }

    /// Opens an existing index (for searching); a clear error when there is none.
    pub fn open(dir: &Path) -> Result<IndexStore> {
        if !dir.join("meta.json").exists() {
            return Err(index_error(
                dir,
                "no index here: run `referat ingest` first (or give --index DIR)",
            ));
        }
        check_version(dir)?;
        let index = Index::open_in_dir(dir).map_err(|e| index_error(dir, e))?;
        register_analyzers(&index);
        let (expected, fields) = schema::build();
        // Field ids are positions in the schema: a mismatch would read the wrong fields.
        let same =
            serde_json::to_string(&index.schema()).ok() == serde_json::to_string(&expected).ok();
        if !same {
            return Err(index_error(
                dir,
                "built by another version of referat (its fields differ): reindex needed \
                 (remove the folder and run `referat ingest` again)",
            ));
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| index_error(dir, e))?;
        Ok(IndexStore {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            facet_cache: Default::default(),
            value_cache: Default::default(),
        })
    }

    /// Sees what has been committed since the index was opened (searches otherwise keep
    /// the state as of `open`, which keeps each query free of disk checks).
    pub fn refresh(&self) -> Result<()> {
        self.reader.reload().map_err(|e| index_error(&self.dir, e))
    }

    /// Takes the index's single writer; refused while another process holds it.
    pub fn writer(&self) -> Result<IndexWriter> {
        self.writer_with_threads(0)
    }

    /// A writer with this many indexing threads (0: tantivy's default, one per core up
    /// to 8). Each thread writes its own segment, so one document's records may be
    /// spread over several; nothing may rely on their addresses for order.
    pub fn writer_with_threads(&self, threads: usize) -> Result<IndexWriter> {
        let writer = match threads {
            0 => self.index.writer::<TantivyDocument>(WRITER_HEAP_BYTES),
            n => self
                .index
                .writer_with_num_threads::<TantivyDocument>(n.min(8), WRITER_HEAP_BYTES),
        };
        let writer = writer.map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => index_error(
                &self.dir,
                "another referat ingest is writing this index (its writer lock is held); \
                     try again when it has finished",
            ),
            other => index_error(&self.dir, other),
        })?;
        let mut known = versions::VersionIndex::default();
        for (group, d) in self.stored_docs()? {
            known.insert(&d.document.sha256, &group, d.signature.as_ref());
        }
        Ok(IndexWriter {
            dir: self.dir.clone(),
            reader: self.reader.clone(),
            writer,
            fields: self.fields,
            known,
        })
    }

    /// All records of one kind (`page`, `figure`, `doc`) as stored documents.
    pub(super) fn all_of(&self, rec: &str) -> Result<Vec<TantivyDocument>> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.rec, rec),
            IndexRecordOption::Basic,
        );
        let found = searcher
            .search(&query, &DocSetCollector)
            .map_err(|e| index_error(&self.dir, e))?;
        let mut addresses: Vec<_> = found.into_iter().collect();
        addresses.sort();
        addresses
            .into_iter()
            .map(|a| searcher.doc(a).map_err(|e| index_error(&self.dir, e)))
            .collect()
    }

    /// Every document's version group and stored records, sorted by source.
    pub(super) fn stored_docs(&self) -> Result<Vec<(String, StoredDoc)>> {
        let mut out = Vec::new();
        for d in self.all_of("doc")? {
            let json = text_of(&d, self.fields.json);
            let stored: StoredDoc = serde_json::from_str(&json)
                .map_err(|e| index_error(&self.dir, format!("corrupt document record: {e}")))?;
            out.push((stored.group.clone(), stored));
        }
        out.sort_by(|a, b| a.1.document.source.cmp(&b.1.document.source));
        Ok(out)
    }

    /// Every document in the index, sorted by source.
    pub fn documents(&self) -> Result<Vec<IndexedDocument>> {
        Ok(self
            .stored_docs()?
            .into_iter()
            .map(|(_, s)| IndexedDocument {
                sha256: s.document.sha256,
                source: s.document.source,
                pages: s.document.pages,
                extractor: s.extractor,
            })
            .collect())
    }
}

/// Values looked up in column dictionaries, kept across searches: a lookup decompresses
/// a dictionary block (a fresh zstd context each time), and hits keep naming the same
/// few sources, titles and groups. Keyed by segment (segments never change); emptied
/// when it grows past a bound.
#[derive(Default, Clone)]
pub(super) struct ValueCache(Arc<Mutex<Values>>);

/// (segment, column, ordinal) -> value.
type Values = HashMap<(SegmentId, &'static str, u64), Arc<str>>;

/// Entries kept before the cache starts over (a few MB of titles and paths).
const VALUE_CACHE_ENTRIES: usize = 200_000;

impl ValueCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, Values> {
        // A poisoned cache only lost an insert.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Reads the columns (fast fields) of records found by a search. Hits share values (the
/// pages of one document have one source, title and group): columns are opened once per
/// search and looked-up values come from the store's [`ValueCache`].
pub(super) struct Columns<'a> {
    searcher: &'a tantivy::Searcher,
    dir: &'a Path,
    strings: RefCell<HashMap<(u32, &'static str), Option<StrColumn>>>,
    values: &'a ValueCache,
}

impl<'a> Columns<'a> {
    pub(super) fn new(
        searcher: &'a tantivy::Searcher,
        dir: &'a Path,
        values: &'a ValueCache,
    ) -> Self {
        Columns {
            searcher,
            dir,
            strings: RefCell::default(),
            values,
        }
    }

    /// The first value of a string column for this record, or "".
    pub(super) fn text(&self, at: tantivy::DocAddress, field: &'static str) -> Result<String> {
        let key = (at.segment_ord, field);
        let mut strings = self.strings.borrow_mut();
        let column = match strings.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(
                self.searcher
                    .segment_reader(at.segment_ord)
                    .fast_fields()
                    .str(field)
                    .map_err(|e| index_error(self.dir, e))?,
            ),
        };
        let Some(column) = column else {
            return Ok(String::new());
        };
        let Some(ord) = column.term_ords(at.doc_id).next() else {
            return Ok(String::new());
        };
        let segment = self.searcher.segment_reader(at.segment_ord).segment_id();
        if let Some(v) = self.values.lock().get(&(segment, field, ord)) {
            return Ok(v.to_string());
        }
        let mut out = String::new();
        column
            .ord_to_str(ord, &mut out)
            .map_err(|e| index_error(self.dir, e))?;
        let mut values = self.values.lock();
        if values.len() >= VALUE_CACHE_ENTRIES {
            values.clear();
        }
        values.insert((segment, field, ord), Arc::from(out.as_str()));
        Ok(out)
    }

    /// The first value of a u64 column for this record, or 0.
    pub(super) fn number(&self, at: tantivy::DocAddress, field: &str) -> Result<u64> {
        let reader = self.searcher.segment_reader(at.segment_ord);
        let column = reader
            .fast_fields()
            .u64(field)
            .map_err(|e| index_error(self.dir, e))?;
        Ok(column.first(at.doc_id).unwrap_or(0))
    }
}

/// The first text value of a field, or "".
pub(super) fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

impl IndexWriter {
    /// Adds a document, replacing any earlier one with the same SHA-256; `extractor`
    /// names the extractor that read its records.
    pub fn add(
        &mut self,
        document: &Document,
        text: &DocumentText,
        extractor: Option<&str>,
    ) -> Result<()> {
        let f = self.fields;
        let sha = &document.sha256;
        self.remove(sha)?;

        let signature = versions::signature(&text.joined());
        let group = signature
            .as_ref()
            .and_then(|sig| self.known.group_of(sig))
            .unwrap_or_else(|| sha.clone());

        let kind = document.kind.as_str();
        let date_key = document
            .date
            .as_deref()
            .and_then(|d| schema::date_key(d, true));
        let year = document
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .map(str::to_string);
        let doc_municipalities: BTreeSet<&str> = document
            .trials
            .iter()
            .flat_map(|t| t.municipalities.iter().map(String::as_str))
            .chain(
                document
                    .figures
                    .iter()
                    .filter_map(|x| x.municipality.as_deref())
                    // `Frederikshavn/Læsø` names both.
                    .flat_map(|m| m.split('/')),
            )
            .collect();

        let common = |d: &mut TantivyDocument| {
            d.add_text(f.sha256, sha);
            d.add_text(f.source, &document.source);
            d.add_text(f.group, &group);
            d.add_text(f.kind, kind);
        };

        // Each page's figures as `amount` terms, gathered in one pass over the figures.
        let mut amounts: HashMap<u32, BTreeSet<String>> = HashMap::new();
        for fig in &document.figures {
            if let Some(term) = schema::amount_term(fig.value) {
                amounts.entry(fig.page).or_default().insert(term);
            }
        }
        for page in &text.pages {
            let mut d = TantivyDocument::default();
            d.add_text(f.rec, "page");
            common(&mut d);
            d.add_u64(f.page, u64::from(page.number));
            if let Some(title) = &document.title {
                d.add_text(f.title, title);
            }
            d.add_text(f.text, &page.text);
            d.add_text(f.exact, &page.text);
            d.add_text(f.rev, &page.text);
            for line in &page.furniture {
                d.add_text(f.furniture, line);
            }
            if let Some(date) = &document.date {
                d.add_text(f.date, date);
            }
            if let Some(k) = date_key {
                d.add_u64(f.date_key, k);
            }
            if let Some(body) = &document.body {
                d.add_text(f.body, schema::key(body));
            }
            for m in &doc_municipalities {
                d.add_facet(f.municipality, Facet::from_path([*m]));
                d.add_text(f.municipality_key, schema::key(m));
            }
            let on_page = document
                .trials
                .iter()
                .filter(|t| t.pages.is_empty() || t.pages.contains(&page.number));
            for t in on_page {
                d.add_facet(f.trial, Facet::from_path([t.name.as_str()]));
                d.add_text(f.trial_key, schema::key(&t.name));
            }
            for amount in amounts.get(&page.number).into_iter().flatten() {
                d.add_text(f.amount, amount);
            }
            d.add_facet(f.kind_facet, Facet::from_path([kind]));
            if let Some(y) = &year {
                d.add_facet(f.year, Facet::from_path([y.as_str()]));
            }
            self.writer
                .add_document(d)
                .map_err(|e| index_error(&self.dir, e))?;
        }

        for (ordinal, fig) in document.figures.iter().enumerate() {
            let mut d = TantivyDocument::default();
            d.add_text(f.rec, "figure");
            common(&mut d);
            d.add_u64(f.page, u64::from(fig.page));
            d.add_u64(f.ordinal, ordinal as u64);
            d.add_f64(f.value, fig.value);
            d.add_text(f.unit, schema::key(&fig.unit));
            if let Some(k) = date_key {
                d.add_u64(f.date_key, k);
            }
            if let Some(m) = &fig.municipality {
                d.add_text(f.municipality_key, schema::key(m));
            }
            if let Some(t) = &fig.trial {
                d.add_text(f.trial_key, schema::key(t));
            }
            let row = FigureRow {
                source: document.source.clone(),
                page: fig.page,
                date: document.date.clone(),
                trial: fig.trial.clone(),
                municipality: fig.municipality.clone(),
                raw: fig.raw.clone(),
                value: fig.value,
                unit: fig.unit.clone(),
                counted: fig.counted.clone(),
                qualifier: fig.qualifier.clone(),
                sentence: fig.sentence.clone(),
            };
            d.add_text(
                f.json,
                serde_json::to_string(&row).map_err(|e| index_error(&self.dir, e))?,
            );
            self.writer
                .add_document(d)
                .map_err(|e| index_error(&self.dir, e))?;
        }

        let born_digital = !text.pages.iter().any(|p| p.ocr_layer);
        let stored = StoredDoc {
            document: document.clone(),
            group: group.clone(),
            born_digital,
            signature: signature.clone(),
            extractor: extractor.map(str::to_string),
        };
        let mut d = TantivyDocument::default();
        d.add_text(f.rec, "doc");
        common(&mut d);
        // The short names the document gives its trials ("i netværket kaldt
        // videoforsøget"), so a search for one finds the trial's pages anywhere.
        for t in &document.trials {
            let stems: BTreeSet<String> = t
                .as_written
                .iter()
                .filter_map(|w| short_name_key(w))
                .collect();
            for stem in stems {
                d.add_text(f.short_name, schema::short_name_term(&stem, &t.name));
            }
        }
        d.add_u64(f.page, u64::from(document.pages));
        // Which version of a report stands for it: the one with the most figures read,
        // and among equals one whose text was written by a program, not OCR'd.
        d.add_u64(
            f.version_rank,
            document.figures.len() as u64 * 2 + u64::from(born_digital),
        );
        d.add_text(
            f.json,
            serde_json::to_string(&stored).map_err(|e| index_error(&self.dir, e))?,
        );
        self.writer
            .add_document(d)
            .map_err(|e| index_error(&self.dir, e))?;
        self.known.insert(sha, &group, signature.as_ref());
        Ok(())
    }

    /// Records that the document with this SHA-256 now lives at `source` (a moved or
    /// renamed file), without extracting it again: its stored pages and records are
    /// re-added under the new path.
    pub fn relocate(&mut self, sha256: &str, source: &str) -> Result<()> {
        let f = self.fields;
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(f.sha256, sha256),
            IndexRecordOption::Basic,
        );
        let found = searcher
            .search(&query, &DocSetCollector)
            .map_err(|e| index_error(&self.dir, e))?;
        let values = ValueCache::default();
        let columns = Columns::new(&searcher, &self.dir, &values);
        let mut stored: Option<StoredDoc> = None;
        let mut pages = Vec::new();
        for address in found {
            let d: TantivyDocument = searcher
                .doc(address)
                .map_err(|e| index_error(&self.dir, e))?;
            match columns.text(address, "rec")?.as_str() {
                "page" => pages.push(crate::text::PageText {
                    number: u32::try_from(columns.number(address, "page")?).unwrap_or(0),
                    text: text_of(&d, f.text),
                    furniture: d
                        .get_all(f.furniture)
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect(),
                    text_layer: true,
                    ..Default::default()
                }),
                "doc" => stored = serde_json::from_str(&text_of(&d, f.json)).ok(),
                _ => {}
            }
        }
        let Some(stored) = stored else {
            return Err(index_error(
                &self.dir,
                format!("no document {sha256} to relocate"),
            ));
        };
        pages.sort_by_key(|p| p.number);
        for p in &mut pages {
            p.ocr_layer = !stored.born_digital;
        }
        let mut document = stored.document;
        document.source = source.to_string();
        let text = DocumentText {
            source: source.to_string(),
            sha256: sha256.to_string(),
            pages,
        };
        self.add(&document, &text, stored.extractor.as_deref())
    }

    /// Removes the document with this SHA-256 (all its pages, figures and records).
    pub fn remove(&mut self, sha256: &str) -> Result<()> {
        self.writer
            .delete_term(Term::from_field_text(self.fields.sha256, sha256));
        self.known.remove(sha256);
        Ok(())
    }

    /// Makes everything added so far durable and visible to searches. A crash before
    /// this leaves the index as of the previous commit.
    pub fn commit(&mut self) -> Result<()> {
        self.writer
            .commit()
            .map_err(|e| index_error(&self.dir, e))?;
        Ok(())
    }

    /// Commits, then lets the background merges of small segments finish and deletes the
    /// files no commit needs any more, so runs of small monthly ingests leave a compact
    /// index instead of one more segment each.
    pub fn finish(mut self) -> Result<()> {
        self.commit()?;
        let dir = self.dir.clone();
        self.writer
            .wait_merging_threads()
            .map_err(|e| index_error(&dir, e))
    }
}
