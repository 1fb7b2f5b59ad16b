#!/usr/bin/env python3
"""Ratios between two benchmark results, e.g. the same calls with 10k and with 1M datasets in the catalog:

  python3 bench/compare.py bench/results/<10k>.json bench/results/<1M>.json

For every call and connection count present in both: req/s and p99 of the second divided by the first.
"""
import json
import sys


def rows(path):
    with open(path) as f:
        r = json.load(f)
    return r, {(x["scenario"], x["connections"]): x for x in r["results"] if x.get("rps")}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    (ra, a), (rb, b) = rows(sys.argv[1]), rows(sys.argv[2])
    print(f"| call | conns | req/s A ({ra['catalog']['datasets']}) | req/s B ({rb['catalog']['datasets']}) | "
          "B/A req/s | p99 A ms | p99 B ms | B/A p99 |")
    print("|---|---|---|---|---|---|---|---|")
    for key in a:
        if key in b:
            x, y = a[key], b[key]
            p99 = f"{y['p99_ms'] / x['p99_ms']:.2f}" if x["p99_ms"] else ""
            print(f"| {key[0]} | {key[1]} | {x['rps']:.0f} | {y['rps']:.0f} | {y['rps'] / x['rps']:.2f} | "
                  f"{x['p99_ms']} | {y['p99_ms']} | {p99} |")


if __name__ == "__main__":
    main()
