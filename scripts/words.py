"""The words `referat eval` counts (letter and digit runs; a Han ideograph or a hiragana
by itself), for the comparison scripts.

    python3 scripts/words.py count FILE      # number of words
    python3 scripts/words.py f1 TRUTH GOT    # multiset (bag) F1 of GOT against TRUTH
"""
import collections
import re
import sys

CJK = "\u3040-\u309f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD = re.compile(rf"[{CJK}]|(?:(?![{CJK}])[^\W_])+")


def words(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return collections.Counter(WORD.findall(f.read()))


def bag_f1(truth, got):
    # Two empty texts agree, as in `referat eval`.
    if not truth and not got:
        return 1.0
    both = sum((truth & got).values())
    if both == 0:
        return 0.0
    precision, recall = both / sum(got.values()), both / sum(truth.values())
    return 2 * precision * recall / (precision + recall)


if __name__ == "__main__":
    if sys.argv[1] == "count":
        print(sum(words(sys.argv[2]).values()))
    else:
        print(f"{bag_f1(words(sys.argv[2]), words(sys.argv[3])):.3f}")
