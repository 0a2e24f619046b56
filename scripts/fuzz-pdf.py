#!/usr/bin/env python3
"""Mutation fuzzing of the PDF and text stages: damaged copies of real PDFs through
`referat text`, one process each, with the per-file limits of the standards (2 s,
512 MiB) checked from outside.

    python3 scripts/fuzz-pdf.py [--seeds DIR ...] [--count N] [--seed S] [--keep DIR]

Seeds default to the shipped corpus PDFs and tests/fixtures/pdf. Each seed is also
rewritten by qpdf with uncompressed streams (when qpdf is installed), so that the
mutations reach the content streams, fonts and CMaps rather than only failing the
inflate. Mutations: flipped bytes, numbers swapped for extreme ones, operators and
names swapped, a span duplicated many times, a span deleted, truncation.

A finding is a run that panicked (the library reports "internal error"), died on a
signal, exited with a code other than 0 or 1, took over 2 s, or grew past 512 MiB.
Findings are copied to --keep (default /tmp/referat-fuzz) and listed; the exit code is
the number of findings (capped at 100). Deterministic for a given --seed.
"""
import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIMIT_S = 2.0
LIMIT_MIB = 512

EXTREME_NUMBERS = [b"0", b"-0", b"1e308", b"99999999999999999999", b"-2147483649",
                   b"4294967296", b"0.000000001", b"-1", b"NaN", b"65535", b"1.#INF"]
OPERATORS = [b"Tj", b"TJ", b"Tf", b"Td", b"TD", b"Tm", b"T*", b"'", b'"', b"Tc", b"Tw",
             b"Tz", b"TL", b"Ts", b"BT", b"ET", b"cm", b"q", b"Q", b"Do", b"BI", b"ID",
             b"EI", b"re", b"d0", b"d1", b"gs", b"BDC", b"EMC", b"beginbfrange",
             b"endbfrange", b"beginbfchar", b"endbfchar", b"begincodespacerange"]
NAMES = [b"/Length", b"/Parent", b"/Kids", b"/Resources", b"/Font", b"/XObject",
         b"/ToUnicode", b"/Encoding", b"/Differences", b"/Widths", b"/FirstChar",
         b"/W", b"/DescendantFonts", b"/Contents", b"/Filter", b"/DecodeParms",
         b"/Type3", b"/FontMatrix", b"/CharProcs", b"/Rotate", b"/MediaBox", b"/Count"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    kind = rng.choice(["flip", "flip", "number", "number", "operator", "name",
                       "duplicate", "delete", "truncate"])
    n = len(b)
    if n < 16:
        return bytes(b)
    if kind == "flip":
        for _ in range(rng.randint(1, 24)):
            b[rng.randrange(n)] = rng.randrange(256)
    elif kind in ("number", "operator", "name"):
        pattern = {"number": rb"-?\d+(?:\.\d+)?",
                   "operator": rb"(?<=[\s\]>)])(?:%s)(?=\s)" % b"|".join(
                       re.escape(o) for o in OPERATORS),
                   "name": b"|".join(re.escape(x) for x in NAMES)}[kind]
        spots = [m.span() for m in re.finditer(pattern, bytes(b))]
        if not spots:
            return mutate(data, rng)
        pool = {"number": EXTREME_NUMBERS, "operator": OPERATORS, "name": NAMES}[kind]
        for start, end in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 12))),
                                 reverse=True):
            b[start:end] = rng.choice(pool)
    elif kind == "duplicate":
        start = rng.randrange(n)
        span = bytes(b[start:start + rng.randint(1, 400)])
        b[start:start] = span * rng.randint(2, 2000)
    elif kind == "delete":
        start = rng.randrange(n)
        del b[start:start + rng.randint(1, 2000)]
    else:
        del b[rng.randrange(n):]
    return bytes(b)


def uncompressed(path: str, into: str) -> str | None:
    if not shutil.which("qpdf"):
        return None
    out = os.path.join(into, "qdf-" + os.path.basename(path))
    done = subprocess.run(["qpdf", "--qdf", "--object-streams=disable",
                           "--stream-data=uncompress", "--decrypt", path, out],
                          capture_output=True)
    # qpdf exits 3 on warnings but still writes the file.
    return out if done.returncode in (0, 3) and os.path.exists(out) else None


def run(binary: str, path: str):
    start = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    try:
        done = subprocess.run([binary, "text", path], capture_output=True, timeout=10)
        code, err = done.returncode, done.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        code, err = "timeout", ""
    seconds = time.monotonic() - start
    # ru_maxrss of children is the maximum over all of them so far: a rise is this run's.
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    mib = after / 1024 if after > before else None
    return code, err, seconds, mib


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", nargs="*", default=[os.path.join(ROOT, "corpus/pdf"),
                                                   os.path.join(ROOT, "tests/fixtures/pdf")])
    ap.add_argument("--count", type=int, default=40, help="mutants per seed file")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", default="/tmp/referat-fuzz")
    ap.add_argument("--binary", default=os.path.join(ROOT, "target/release/referat"))
    args = ap.parse_args()

    rng = random.Random(args.seed)
    os.makedirs(args.keep, exist_ok=True)
    work = tempfile.mkdtemp(prefix="referat-fuzz-")
    seeds = []
    for d in args.seeds:
        for name in sorted(os.listdir(d)):
            if name.endswith(".pdf"):
                seeds.append(os.path.join(d, name))
    for s in list(seeds):
        q = uncompressed(s, work)
        if q:
            seeds.append(q)

    findings, runs, slowest, biggest = [], 0, (0.0, ""), (0.0, "")
    for s in seeds:
        data = open(s, "rb").read()
        for i in range(args.count):
            mutant = os.path.join(work, f"{os.path.basename(s)[:-4]}-{i}.pdf")
            with open(mutant, "wb") as f:
                f.write(mutate(data, rng))
            code, err, seconds, mib = run(args.binary, mutant)
            runs += 1
            slowest = max(slowest, (seconds, mutant))
            if mib:
                biggest = max(biggest, (mib, mutant))
            why = None
            if code == "timeout":
                why = "no answer in 10 s"
            elif "internal error" in err:
                why = "panic: " + err.strip().splitlines()[-1][:300]
            elif code not in (0, 1):
                why = f"exit {code}: {err.strip()[-300:]}"
            elif seconds > LIMIT_S:
                why = f"{seconds:.2f} s"
            elif mib and mib > LIMIT_MIB:
                why = f"{mib:.0f} MiB"
            if why:
                kept = os.path.join(args.keep, os.path.basename(mutant))
                shutil.copy(mutant, kept)
                findings.append((kept, why))
                print(f"FINDING {kept}: {why}", flush=True)
            os.remove(mutant)
    shutil.rmtree(work)
    print(f"{runs} mutants of {len(seeds)} seeds; {len(findings)} findings; "
          f"slowest {slowest[0]:.2f} s ({os.path.basename(slowest[1])}); "
          f"largest {biggest[0]:.0f} MiB ({os.path.basename(biggest[1])})")
    sys.exit(min(len(findings), 100))


if __name__ == "__main__":
    main()
