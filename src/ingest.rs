//! The `ingest` stage: many PDFs extracted in parallel, fed to one index writer.
