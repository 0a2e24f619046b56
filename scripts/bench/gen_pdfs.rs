//! Writes a folder of realistic PDFs for the ingest benchmark: 2-4 A4 pages each of
//! corpus paragraphs recombined with other municipalities and numbers, set in Helvetica
//! (WinAnsi, so æøå are real single-byte glyph codes), wrapped and paginated like a
//! word processor would. Each file differs, so each has its own content hash.
//!
//! ```sh
//! cargo bench --bench gen_pdfs -- --files 10000 --out /tmp/pdfs
//! ```

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};
use std::path::{Path, PathBuf};

#[path = "gen.rs"]
mod gen;
use gen::{arg, load_pool, vary, Rng};

const LINE_CHARS: usize = 92;
const LINES_PER_PAGE: usize = 52;

/// WinAnsiEncoding bytes for the text (Latin-1 plus the typographic marks Word uses).
fn winansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '€' => 0x80,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            c if (c as u32) < 0x100 => c as u32 as u8,
            _ => b'?',
        })
        .collect()
}

fn wrap(paragraph: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in paragraph.split_whitespace() {
        let cur = lines.last_mut().expect("one line at least");
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > LINE_CHARS {
            lines.push(word.to_string());
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        }
    }
    lines
}

fn write_pdf(path: &Path, paragraphs: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let mut lines: Vec<String> = Vec::new();
    for p in paragraphs {
        lines.extend(wrap(p));
        lines.push(String::new());
    }
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids = Vec::new();
    let chunks: Vec<&[String]> = lines.chunks(LINES_PER_PAGE).collect();
    let total = chunks.len();
    for (i, chunk) in chunks.into_iter().enumerate() {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![56.into(), 780.into()]),
        ];
        for line in chunk {
            ops.push(Operation::new(
                "Tj",
                vec![Object::string_literal(winansi(line))],
            ));
            ops.push(Operation::new("T*", vec![]));
        }
        ops.push(Operation::new("ET", vec![]));
        // A running footer, as real reports have.
        ops.extend([
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 9.into()]),
            Operation::new("Td", vec![270.into(), 30.into()]),
            Operation::new(
                "Tj",
                vec![Object::string_literal(winansi(&format!(
                    "Side {} af {total}",
                    i + 1
                )))],
            ),
            Operation::new("ET", vec![]),
        ]);
        let content = Content { operations: ops };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode()?));
        kids.push(Object::from(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        })));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    doc.compress();
    doc.save(path)?;
    Ok(())
}

fn main() {
    let files: usize = arg("--files").and_then(|s| s.parse().ok()).unwrap_or(1000);
    let out = PathBuf::from(arg("--out").unwrap_or_else(|| "target/bench-pdfs".into()));
    std::fs::create_dir_all(&out).expect("output folder");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pool = load_pool(root);
    let mut rng = Rng(0x5EED_0006_1000_0001);
    for n in 0..files {
        let count = 14 + rng.below(22); // 2-4 pages
        let paragraphs: Vec<String> = (0..count)
            .map(|_| vary(rng.pick::<String>(&pool.paragraphs), &pool, &mut rng))
            .collect();
        // A sub-folder per 1,000 files, as monthly drops would be.
        let dir = out.join(format!("batch-{:03}", n / 1000));
        std::fs::create_dir_all(&dir).expect("batch folder");
        write_pdf(&dir.join(format!("doc-{n:06}.pdf")), &paragraphs).expect("write PDF");
    }
    println!("wrote {files} PDFs under {}", out.display());
}
