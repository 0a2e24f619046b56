#!/usr/bin/env bash
# Text extraction speed: referat vs poppler's pdftotext over the same files, in one run.
# Prints pages/s for each (median of RUNS runs) and the ratio, on 1 thread and on 2.
#
#   scripts/bench-text.sh                 # corpus text-layer PDFs + the robustness set
#   RUNS=7 scripts/bench-text.sh FILE...  # your own files
#
# pdftotext gets 10 s per file (it runs > 60 s on a decompression bomb of the robustness
# set); files it cannot open still count their pages for both tools.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
. scripts/lib.sh
peer_and_referat

if [ $# -gt 0 ]; then
    FILES=("$@")
else
    FILES=()
    for f in corpus/pdf/*.pdf; do
        case "$f" in *imageonly*) ;; *) FILES+=("$f") ;; esac
    done
    if [ -d ../shared/corpus/robustness ]; then
        for f in ../shared/corpus/robustness/*.pdf; do FILES+=("$f"); done
    fi
fi

# Pages per the PDF's own page tree (pdfinfo); unreadable files count 0.
pages_of() {
    local total=0 n f
    for f in "$@"; do
        n=$(timeout 10 pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}') || true
        total=$((total + ${n:-0}))
    done
    echo "$total"
}

time_cmd() { # prints seconds
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l
}
pdftotext_all() { for f in "$@"; do timeout 10 pdftotext -q "$f" - || true; done; }
pdftotext_par() { printf '%s\0' "$@" | xargs -0 -n1 -P2 sh -c 'timeout 10 pdftotext -q "$0" - || true'; }

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # command...
    for _ in $(seq "$RUNS"); do time_cmd "$@"; done | median
}

bench_set() { # title, files...
    local title=$1; shift
    local pages R1 P1 R2 P2
    pages=$(pages_of "$@")
    echo "== $title: $# files, $pages pages, median of $RUNS runs"
    R1=$(measure "$BIN" text -j1 "$@")
    P1=$(measure pdftotext_all "$@")
    R2=$(measure "$BIN" text -j2 "$@")
    P2=$(measure pdftotext_par "$@")
    printf '%-22s %8s %10s\n' "" seconds pages/s
    for row in "referat 1 thread:$R1" "pdftotext 1 process:$P1" "referat 2 threads:$R2" "pdftotext 2 processes:$P2"; do
        name=${row%%:*}; secs=${row##*:}
        printf '%-22s %8.2f %10.0f\n' "$name" "$secs" "$(echo "$pages / $secs" | bc -l)"
    done
    printf 'ratio (referat pages/s / pdftotext pages/s): 1 thread %.2fx; 2 threads vs pdftotext 1 process %.2fx; 2 vs 2 %.2fx\n' \
        "$(echo "$P1 / $R1" | bc -l)" "$(echo "$P1 / $R2" | bc -l)" "$(echo "$P2 / $R2" | bc -l)"
}

bench_set "all files" "${FILES[@]}"
# pdftotext's 10 s timeouts (a decompression bomb) would dominate the figure above: the
# same comparison without the files it cannot finish.
QUICK=()
for f in "${FILES[@]}"; do
    rc=0; timeout 10 pdftotext -q "$f" /dev/null 2>/dev/null || rc=$?
    if [ "$rc" = 124 ]; then echo "pdftotext timed out on $f: left out below"; else QUICK+=("$f"); fi
done
if [ ${#QUICK[@]} -lt ${#FILES[@]} ]; then bench_set "without pdftotext's timeouts" "${QUICK[@]}"; fi
