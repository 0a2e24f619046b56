//! Dev tool for the pdf/text stages: `cargo run --example pdf_text -- OUTDIR FILE...`
//! writes OUTDIR/<base>.txt (pages joined by form feeds) and prints one JSON line per file
//! (status, error kind, pages, milliseconds) on stdout.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

fn main() {
    if let Ok(spec) = std::env::var("PDF_DUMP") {
        let (file, page) = spec.rsplit_once(':').unwrap_or((&spec, "1"));
        let bytes = std::fs::read(file).unwrap_or_default();
        let limits = referat::pdf::Limits::default();
        if let Ok(mut doc) = referat::pdf::load(&bytes, file, &limits) {
            if let Ok(p) = doc.page(page.parse::<usize>().unwrap_or(1).saturating_sub(1)) {
                for g in &p.glyphs {
                    println!(
                        "{:?} x0={:.1} x1={:.1} y={:.1} s={:.1} f={} dir={} seq={}",
                        g.text, g.x0, g.x1, g.y, g.size, g.font, g.dir, g.seq
                    );
                }
                println!("{:?}", p.fonts);
            }
        }
        return;
    }
    if let Ok(file) = std::env::var("PDF_TIME") {
        let bytes = std::fs::read(&file).unwrap_or_default();
        let limits = referat::pdf::Limits::default();
        let t = Instant::now();
        if let Ok(mut doc) = referat::pdf::load(&bytes, &file, &limits) {
            let t_load = t.elapsed();
            let mut pages = Vec::new();
            for i in 0..doc.page_count() {
                if let Ok(p) = doc.page(i) {
                    pages.push(p);
                }
            }
            let t_interp = t.elapsed();
            let _ = referat::text::assemble(&pages);
            println!(
                "load {:?} interp {:?} total {:?}",
                t_load,
                t_interp - t_load,
                t.elapsed()
            );
        }
        return;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, files)) = args.split_first() else {
        return;
    };
    let limits = referat::pdf::Limits::default();
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    for f in files {
        let t = Instant::now();
        let r = referat::text::extract_file(Path::new(f), &limits);
        let ms = t.elapsed().as_millis();
        let base = Path::new(f)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let line = match r {
            Ok(doc) => {
                let _ = std::fs::write(Path::new(out).join(format!("{base}.txt")), doc.joined());
                // The same with each page's furniture put back (to compare with tools
                // that keep headers and footers).
                let full: Vec<String> = doc
                    .pages
                    .iter()
                    .map(|p| format!("{}\n{}", p.furniture.join("\n"), p.text))
                    .collect();
                let _ = std::fs::write(
                    Path::new(out).join(format!("{base}.full")),
                    full.join("\u{c}"),
                );
                serde_json::json!({"file": f, "ok": true, "pages": doc.pages.len(), "ms": ms,
                    "no_text": doc.pages_without_text()})
            }
            Err(e) => {
                serde_json::json!({"file": f, "ok": false, "kind": e.kind(), "error": e.to_string(), "ms": ms})
            }
        };
        let _ = writeln!(lock, "{line}");
    }
}

/// Prints the glyphs of one page (debugging): `PDF_DUMP=FILE:PAGE`.
#[allow(dead_code)]
fn dump() {}
