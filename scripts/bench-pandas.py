#!/usr/bin/env python3
"""pandas doing what `kenshu evaluate` does on the benchmark data, for a side-by-side figure.

    python3 scripts/bench-pandas.py bench.csv

`bench.csv` is the benchmark input written by `benchmarkResponsesCSV(rows:)` (100,000 responses
× 40 items + profession; Kenshu's format). Timed in one run: read_csv; per Likert item counts,
mean, SD, median, top-2-box with a Wilson interval; per choice item counts; per text item the
number of answers; a by-profession crosstab of every Likert and choice item; Cronbach's alpha of
the three 10-item measures (item 10, 20, 30 reverse-keyed). Kenshu additionally writes
summary.json and index.html; those stages are reported separately by the Swift benchmark.
"""
import math
import sys
import time

import numpy as np
import pandas as pd

Z = 1.959963984540054


def wilson(k, n):
    if n == 0:
        return (math.nan, math.nan)
    p = k / n
    d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d
    h = Z / d * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return (c - h, c + h)


def main(path):
    timings = {}
    t0 = time.perf_counter()
    df = pd.read_csv(path, dtype={f"l{i}": "Int64" for i in range(1, 31)}, keep_default_na=False,
                     na_values={f"l{i}": [""] for i in range(1, 31)})
    t1 = time.perf_counter()
    timings["read_csv"] = t1 - t0
    likert = [f"l{i}" for i in range(1, 31)]
    choice = [f"c{i}" for i in range(1, 6)]
    text = [f"t{i}" for i in range(1, 6)]
    out = {}
    for col in likert:
        s = df[col].dropna().astype(float)
        counts = s.value_counts().reindex([1, 2, 3, 4, 5], fill_value=0)
        n = len(s)
        top = int(counts[4] + counts[5])
        out[col] = (counts.tolist(), s.mean(), s.std(ddof=1), s.median(), top / n, wilson(top, n))
    for col in choice:
        out[col] = df[col][df[col] != ""].value_counts().to_dict()
    for col in text:
        out[col] = int((df[col] != "").sum())
    crosstabs = {col: pd.crosstab(df["prof"], df[col]) for col in likert + choice}
    alphas = []
    for m in range(3):
        cols = likert[m * 10:(m + 1) * 10]
        block = df[cols].dropna().astype(float)
        block[cols[-1]] = 6 - block[cols[-1]]
        k = len(cols)
        alphas.append(k / (k - 1) * (1 - block.var(ddof=1).sum() / block.sum(axis=1).var(ddof=1)))
    t2 = time.perf_counter()
    timings["statistics+crosstabs"] = t2 - t1
    timings["total"] = t2 - t0
    print(f"pandas {pd.__version__}: {len(df)} responses, {len(crosstabs)} crosstabs, alpha {alphas[0]:.3f}")
    for name, seconds in timings.items():
        print(f"  {name}: {seconds * 1000:.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench.csv")
