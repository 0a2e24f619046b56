#!/usr/bin/env bash
# Search benchmark: referat (tantivy, Danish analysis) vs SQLite FTS5 on the same
# generated pages and queries, in one run.
#
#   scripts/bench-search.sh [PAGES] [ROUNDS]     # default 100000 pages, 20 rounds
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-100000}
ROUNDS=${2:-20}
DUMP=$(mktemp --suffix=.jsonl)
trap 'rm -f "$DUMP"' EXIT
OURS=$(cargo bench -q --bench search -- --pages "$PAGES" --rounds "$ROUNDS" --dump "$DUMP")
echo "$OURS"
PEER=$(python3 scripts/bench-fts5.py "$DUMP" "$ROUNDS")
echo "$PEER" | grep '^fts5 indexed'
echo
printf '%-14s %10s %10s %12s %12s %9s\n' query "p50 ours" "p99 ours" "p50 fts5" "p99 fts5" "p99 ratio"
echo "$OURS" | awk '$1 ~ /^(term|and|phrase|filtered)(\+facets)?$/ {print $1, $2, $3}' | while read -r kind p50 p99; do
    read -r _ _ f50 f99 < <(echo "$PEER" | grep -F "fts5 $kind ")
    printf '%-14s %10s %10s %12s %12s %8.1fx\n' "$kind" "$p50" "$p99" "$f50" "$f99" "$(echo "$f99 / $p99" | bc -l)"
done
echo "(ratio = FTS5 p99 / referat p99: above 1 means referat is faster)"
