//! Stamps the binary with a fingerprint of everything that decides what a PDF's
//! records are: the `pdf`, `text` and `extract` stages and the data tables. `ingest`
//! stores it with each document, so a newer extractor re-reads documents it would read
//! differently instead of keeping their old records forever.

use std::path::{Path, PathBuf};

const INPUTS: [&str; 4] = ["src/pdf", "src/text", "src/extract", "data"];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// FNV-1a, 64 bits: stable across compilers and platforms (std's hasher is not).
fn fnv1a(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

fn main() {
    let mut paths = Vec::new();
    for dir in INPUTS {
        println!("cargo:rerun-if-changed={dir}");
        files(Path::new(dir), &mut paths);
    }
    paths.sort();
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for path in &paths {
        // Paths with `/` on every platform, so one source tree has one fingerprint.
        let name = path.to_string_lossy().replace('\\', "/");
        fnv1a(&mut hash, name.as_bytes());
        fnv1a(&mut hash, &[0]);
        fnv1a(&mut hash, &std::fs::read(path).unwrap_or_default());
        fnv1a(&mut hash, &[0]);
    }
    println!("cargo:rustc-env=REFERAT_EXTRACTOR={hash:016x}");
}
