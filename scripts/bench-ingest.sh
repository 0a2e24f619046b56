#!/usr/bin/env bash
# Ingest benchmark: generated PDFs (scripts/bench/gen_pdfs.rs) ingested end to end at
# 1k and 10k files: pages/s, peak RSS (should stay flat), and a no-change re-ingest of
# all files. pdftotext over the 1k set is the peer measured in the same run.
#
#   scripts/bench-ingest.sh [FILES]      # default 10000
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-10000}
OUT=target/bench-pdfs-$FILES
. scripts/lib.sh
peer_and_referat
if [ ! -f "$OUT/.done" ]; then
    cargo bench -q --bench gen_pdfs -- --files "$FILES" --out "$OUT"
    touch "$OUT/.done"
fi
SMALL=target/bench-pdfs-1k
rm -rf "$SMALL" && mkdir -p "$SMALL" && cp -r "$OUT/batch-000" "$SMALL/"

run() { # label, input dir, index dir -> prints label seconds peak_rss_mb pages
    local label=$1 input=$2 index=$3 log
    log=$(mktemp)
    /usr/bin/time -f '%e %M' -o "$log.time" "$BIN" ingest "$input" --index "$index" -q 2>"$log" || true
    local secs rss pages
    read -r secs rss < "$log.time"
    pages=$(grep -o '[0-9]* pages' "$log" | head -1 | cut -d' ' -f1)
    printf '%-28s %8.2f s %8.0f MiB peak RSS %8s pages  %8.0f pages/s\n' "$label" "$secs" "$((rss / 1024))" "${pages:-0}" \
        "$(echo "${pages:-0} / ($secs + 0.001)" | bc -l)"
    tail -1 "$log" | sed 's/^/    /'
    rm -f "$log" "$log.time"
}

IDX=$(mktemp -d)
trap 'rm -rf "$IDX"' EXIT
echo "ingest (release build, $(nproc) cores)"
run "1k files, fresh index" "$SMALL" "$IDX/a"
run "$FILES files, fresh index" "$OUT" "$IDX/b"
run "$FILES files, no change" "$OUT" "$IDX/b"

t0=$(date +%s.%N)
find "$SMALL" -name '*.pdf' -print0 | xargs -0 -n1 -P"$(nproc)" sh -c 'pdftotext -q "$0" /dev/null'
t1=$(date +%s.%N)
pages=$(find "$SMALL" -name '*.pdf' -print0 | xargs -0 -n1 pdfinfo 2>/dev/null | awk '/^Pages:/ {s+=$2} END {print s}')
printf '%-28s %8.2f s %27s pages  %8.0f pages/s (text only, no index: the peer)\n' \
    "pdftotext, 1k files" "$(echo "$t1 - $t0" | bc -l)" "$pages" "$(echo "$pages / ($t1 - $t0)" | bc -l)"
