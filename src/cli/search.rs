//! `referat search QUERY [filters]`: ranked page hits with snippets.

use super::{IndexArg, Outcome};
use referat::index::{IndexStore, SearchRequest};
use std::io::Write;

/// Arguments of `referat search`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words, "phrases", -excluded words, OR, prefix*. Put options first and the query
    /// after `--` when it has an exclusion: `referat search --limit 5 -- mikrolån -Aalborg`.
    /// A word on no page is searched as the index's nearest words; a trial's name or short
    /// name (`psykologforsøget`, or one a document gives it) also finds the pages about
    /// that trial. stderr says so. Numbers and dates match however they are typed
    /// (`505000` = `505.000`, `1.4.2019` = `1. april 2019`), and an amount however a
    /// page writes it (`3,1 mio` = `3.100.000` = a cell `3.100` under `1.000 kr.`).
    #[arg(required = true, num_args = 1..)]
    query: Vec<String>,
    #[command(flatten)]
    index: IndexArg,
    /// Only documents naming this municipality.
    #[arg(long)]
    municipality: Option<String>,
    /// Only documents about this trial (name or alias).
    #[arg(long)]
    trial: Option<String>,
    /// Only this kind: minutes, status_report, slides, evaluation, other.
    #[arg(long)]
    kind: Option<String>,
    /// Only this issuing body.
    #[arg(long)]
    body: Option<String>,
    /// Dated on or after (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Dated on or before.
    #[arg(long)]
    to: Option<String>,
    /// Most hits.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Also count hits by municipality, trial, kind and year.
    #[arg(long)]
    facets: bool,
    /// Only pages with every word. Without it, when fewer pages than --limit have them
    /// all, the best pages that lack one word follow, each saying which.
    #[arg(long)]
    every_word: bool,
    /// One JSON object with query, total, hits and facets.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let store = IndexStore::open(&args.index.index)?;
    let request = SearchRequest {
        query: args.query.join(" "),
        municipality: args.municipality,
        trial: args.trial,
        kind: args.kind,
        body: args.body,
        from: args.from,
        to: args.to,
        limit: args.limit,
        facets: args.facets,
        every_word: args.every_word,
    };
    let results = store.search(&request)?;
    if let Some(notice) = &results.notice {
        eprintln!("note: {notice}");
    }
    let mut out = super::stdout();
    if args.json {
        serde_json::to_writer(&mut out, &results)?;
        writeln!(out)?;
    } else {
        for (i, hit) in results.hits.iter().enumerate() {
            let date = hit.date.as_deref().unwrap_or("undated");
            writeln!(
                out,
                "{:>2}. {}  page {}  ({}, {})  score {:.2}",
                i + 1,
                hit.source,
                hit.page,
                hit.kind,
                date,
                hit.score
            )?;
            if let Some(title) = &hit.title {
                writeln!(out, "    {title}")?;
            }
            writeln!(out, "    {}", hit.snippet.replace('\n', " "))?;
            if !hit.missing.is_empty() {
                writeln!(out, "    missing: {}", hit.missing.join(", "))?;
            }
            if !hit.versions.is_empty() {
                writeln!(out, "    also as: {}", hit.versions.join(", "))?;
            }
        }
        if let Some(f) = &results.facets {
            for (name, counts) in [
                ("municipality", &f.municipality),
                ("trial", &f.trial),
                ("kind", &f.kind),
                ("year", &f.year),
            ] {
                let list: Vec<String> = counts.iter().map(|(v, n)| format!("{v} ({n})")).collect();
                writeln!(out, "{name}: {}", list.join(", "))?;
            }
        }
    }
    out.flush()?;
    let mut counts = format!("{} matching page(s)", results.total);
    if results.partial_total > 0 {
        counts += &format!(" and {} with all words but one", results.partial_total);
    }
    if results.near_total > 0 {
        counts += &format!(" and {} with a phrase's words apart", results.near_total);
    }
    eprintln!("{counts}, {} shown", results.hits.len());
    Ok(Outcome::Success)
}
