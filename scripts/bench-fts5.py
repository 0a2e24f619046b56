#!/usr/bin/env python3
"""The peer of the search benchmark: the same page texts and queries in SQLite FTS5
(Python's sqlite3, unicode61 tokenizer: no Danish stemming), timed the same way.

    python3 scripts/bench-fts5.py pages.jsonl [rounds]

pages.jsonl comes from `cargo bench --bench search -- --dump pages.jsonl`.
Prints `fts5 <type> <p50 ms> <p99 ms>` lines and the indexing speed."""
import json, os, sqlite3, sys, tempfile, time

# The same query set as scripts/bench/search.rs, in FTS5 syntax (filters become AND terms).
QUERIES = [("term", q) for q in ["lægeattester", "mikrolån", "rehabiliteringsteams", "sygedagpenge",
                                  "mentor", "dimittender", "ressourceforløb", "jobcentret"]]
QUERIES += [("and", q) for q in ["mikrolån Aalborg", "lægeattester Rebild", "samtaler sygedagpenge",
                                 "evaluering kommuner", "psykologbehandling borgere", "revalidering forenkling"]]
QUERIES += [("phrase", f'"{q}"') for q in ["formkrav ved lovpligtige samtaler", "fleksible rammer for uddannelse",
                                           "lempede mentorregler", "i alt", "deltagende kommuner"]]
QUERIES += [("filtered", q) for q in ["lægeattester Rebild", "samtaler Aalborg", "forsøget Thisted"]]
QUERIES += [("term+facets", "lægeattester"), ("and+facets", "mikrolån Aalborg"),
            ("phrase+facets", '"deltagende kommuner"')]


def main():
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    tmp = tempfile.mkdtemp()
    db = sqlite3.connect(os.path.join(tmp, "fts.db"))
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE VIRTUAL TABLE pages USING fts5(doc UNINDEXED, page UNINDEXED, text, tokenize='unicode61')")
    t0 = time.perf_counter()
    n = 0
    with open(path, encoding="utf-8") as f, db:
        rows = (json.loads(line) for line in f)
        for r in rows:
            db.execute("INSERT INTO pages VALUES (?,?,?)", (r["doc"], r["page"], r["text"]))
            n += 1
    db.execute("INSERT INTO pages(pages) VALUES('optimize')")
    db.commit()
    secs = time.perf_counter() - t0
    size = sum(os.path.getsize(os.path.join(tmp, x)) for x in os.listdir(tmp))
    print(f"fts5 indexed {n} pages in {secs:.1f} s: {n / secs:.0f} pages/s, size {size / 1e6:.1f} MB")

    def run(q, facets):
        cur = db.execute("SELECT doc, page, snippet(pages, 2, '[', ']', '…', 12) FROM pages WHERE pages MATCH ? "
                         "ORDER BY rank LIMIT 10", (q,))
        cur.fetchall()
        db.execute("SELECT count(*) FROM pages WHERE pages MATCH ?", (q,)).fetchone()
        if facets:  # the closest FTS5 has to a facet count: group the matches by document
            db.execute("SELECT doc, count(*) FROM pages WHERE pages MATCH ? GROUP BY doc", (q,)).fetchall()

    for kind, q in QUERIES:
        run(q, kind.endswith("+facets"))
    times = {}
    for _ in range(rounds):
        for kind, q in QUERIES:
            t = time.perf_counter()
            run(q, kind.endswith("+facets"))
            times.setdefault(kind, []).append((time.perf_counter() - t) * 1000)
    for kind, ms in times.items():
        ms.sort()
        p = lambda x: ms[round((len(ms) - 1) * x)]
        print(f"fts5 {kind} {p(0.5):.2f} {p(0.99):.2f}")


if __name__ == "__main__":
    main()
