#!/usr/bin/env python3
"""Reference values for Kenshu's evaluation statistics, computed with SciPy/NumPy.

Prints JSON to stdout; the Swift tests read the stored copy at
Tests/KenshuEvaluationTests/Fixtures/statistics-reference.json, so they run without Python:

    python3 scripts/reference-statistics.py > Tests/KenshuEvaluationTests/Fixtures/statistics-reference.json

NaN results are written as null (Kenshu never writes NaN into JSON either).
"""
import json
import math
import sys

import numpy as np
import scipy
from scipy import special, stats

Z95 = 1.959963984540054


def clean(value):
    """Floats to JSON: NaN/inf become null."""
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    value = float(value)
    return value if math.isfinite(value) else None


def wilson(count, n, z=Z95):
    """statsmodels.stats.proportion.proportion_confint(method="wilson") formula."""
    if n == 0:
        return [math.nan, math.nan]
    p = count / n
    denom = 1 + z * z / n
    center = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return [center - half, center + half]


def wilcoxon_z(d):
    """Signed normal-approximation Z of W+ (zeros dropped, tie-corrected), as SciPy computes it."""
    d = np.asarray([v for v in d if v != 0], dtype=float)
    n = len(d)
    if n == 0:
        return math.nan
    ranks = stats.rankdata(np.abs(d))
    r_plus = ranks[d > 0].sum()
    _, counts = np.unique(np.abs(d), return_counts=True)
    var = (n * (n + 1) * (2 * n + 1) - (counts**3 - counts).sum() / 2) / 24
    return (r_plus - n * (n + 1) / 4) / math.sqrt(var) if var > 0 else math.nan


def paired_case(name, post, pre):
    post = np.asarray(post, dtype=float)
    pre = np.asarray(pre, dtype=float)
    d = post - pre
    case = {"name": name, "post": post.tolist(), "pre": pre.tolist()}
    if len(d) == 0:
        case.update(wilcoxon={"statistic": None, "p": None}, z=None,
                    tTest={"t": None, "df": None, "p": None}, dz=None, meanChange=None)
        return case
    with np.errstate(all="ignore"):
        import warnings
        warnings.simplefilter("ignore")
        w = stats.wilcoxon(post, pre)
        t = stats.ttest_rel(post, pre)
        sd = d.std(ddof=1) if len(d) > 1 else math.nan
        dz = d.mean() / sd if len(d) > 1 and sd > 0 else math.nan
    asym = None
    if np.count_nonzero(d) > 0:
        with np.errstate(all="ignore"):
            asym = stats.wilcoxon(post, pre, method="asymptotic").zstatistic
    z = wilcoxon_z(d)
    if asym is not None and math.isfinite(z):
        assert abs(abs(z) - abs(asym)) < 1e-12, (name, z, asym)
    case.update(
        wilcoxon={"statistic": w.statistic, "p": w.pvalue},
        z=z,
        tTest={"t": t.statistic, "df": t.df, "p": t.pvalue},
        dz=dz,
        meanChange=d.mean(),
    )
    return case


def main():
    rng = np.random.default_rng(20260401)
    paired = []
    # Small, no ties, no zeros: SciPy uses the exact null distribution.
    paired.append(paired_case("exact-n8", [5.1, 6.3, 4.8, 7.2, 6.9, 5.5, 8.1, 6.0],
                              [4.0, 6.6, 4.1, 5.0, 6.0, 5.6, 6.2, 5.2]))
    # Likert-like with ties and zeros, n <= 13: SciPy runs an exact permutation test.
    paired.append(paired_case("likert-ties-n10", [4, 5, 4, 3, 5, 4, 4, 5, 3, 4],
                              [3, 3, 4, 2, 4, 2, 3, 4, 3, 3]))
    paired.append(paired_case("ties-no-zero-n6", [3, 4, 5, 2, 6, 1], [2, 3, 4, 3, 5, 0]))
    paired.append(paired_case("zeros-n13", [3, 4, 5, 2, 6, 1, 4, 4, 2, 5, 3, 3, 4],
                              [2, 4, 4, 3, 5, 1, 2, 4, 3, 3, 1, 3, 5]))
    # Ties at n = 14: asymptotic with tie correction.
    pre14 = [2, 3, 3, 2, 4, 3, 2, 1, 3, 2, 4, 3, 2, 3]
    post14 = [3, 4, 4, 2, 5, 4, 3, 3, 3, 4, 4, 4, 3, 5]
    paired.append(paired_case("likert-ties-n14", post14, pre14))
    # Likert retrospective, n = 40 with many ties.
    pre40 = rng.integers(1, 5, 40)
    post40 = np.clip(pre40 + rng.integers(-1, 3, 40), 1, 5)
    paired.append(paired_case("likert-ties-n40", post40.tolist(), pre40.tolist()))
    # Continuous, no ties: exact up to n = 50, asymptotic above.
    a30 = np.round(rng.normal(60, 10, 30), 3)
    b30 = np.round(a30 + rng.normal(2, 5, 30), 3)
    paired.append(paired_case("exact-n30", b30.tolist(), a30.tolist()))
    a50 = np.round(rng.normal(60, 10, 50), 4)
    b50 = np.round(a50 + rng.normal(1, 5, 50), 4)
    paired.append(paired_case("exact-n50", b50.tolist(), a50.tolist()))
    a60 = np.round(rng.normal(60, 10, 60), 4)
    b60 = np.round(a60 + rng.normal(1, 5, 60), 4)
    paired.append(paired_case("asymptotic-n60", b60.tolist(), a60.tolist()))
    # Edge cases.
    paired.append(paired_case("n0", [], []))
    paired.append(paired_case("n1", [4], [2]))
    paired.append(paired_case("n2", [4, 5], [2, 2]))
    paired.append(paired_case("n2-one-zero", [4, 5], [2, 5]))
    paired.append(paired_case("all-zero-n5", [3, 3, 4, 2, 5], [3, 3, 4, 2, 5]))
    paired.append(paired_case("all-zero-n20", [3] * 20, [3] * 20))
    paired.append(paired_case("all-ties-n6", [4] * 6, [3] * 6))
    paired.append(paired_case("all-ties-n20", [4] * 20, [3] * 20))
    paired.append(paired_case("negative-n9", [2, 3, 1, 2, 2, 3, 1, 2, 4], [4, 4, 3, 3, 4, 4, 3, 2, 4]))

    descriptive = []
    for name, xs in [("n0", []), ("n1", [3]), ("n2", [2, 5]), ("likert", [5, 4, 4, 3, 5, 2, 4, 4, 1, 5]),
                     ("even", [1, 2, 3, 4, 5, 6]), ("decimals", [0.1, 0.2, 0.3, 1e6 + 0.1, 1e6 + 0.2])]:
        arr = np.asarray(xs, dtype=float)
        with np.errstate(all="ignore"):
            import warnings
            warnings.simplefilter("ignore")
            descriptive.append({
                "name": name, "values": xs,
                "mean": arr.mean() if len(arr) else math.nan,
                "sd": arr.std(ddof=1) if len(arr) > 1 else math.nan,
                "median": float(np.median(arr)) if len(arr) else math.nan,
            })

    wilson_cases = [{"count": c, "n": n, "interval": wilson(c, n)}
                    for c, n in [(0, 0), (0, 1), (1, 1), (0, 10), (10, 10), (7, 10), (81, 263),
                                 (203, 320), (412, 619), (1, 2)]]

    cronbach = []
    def alpha(matrix, reverse, points):
        m = np.asarray(matrix, dtype=float)
        m = m[~np.isnan(m).any(axis=1)]  # listwise deletion
        for j in reverse:
            m[:, j] = points + 1 - m[:, j]
        k = m.shape[1]
        if m.shape[0] < 2 or k < 2:
            return math.nan
        item_var = m.var(axis=0, ddof=1).sum()
        total_var = m.sum(axis=1).var(ddof=1)
        return k / (k - 1) * (1 - item_var / total_var) if total_var > 0 else math.nan
    scale_rows = rng.integers(1, 6, (25, 1))
    noisy = np.clip(scale_rows + rng.integers(-1, 2, (25, 4)), 1, 5).astype(float)
    noisy[:, 2] = 6 - noisy[:, 2]  # item 3 is reverse-keyed
    with_missing = noisy.copy()
    with_missing[3, 1] = np.nan
    with_missing[10, 0] = np.nan
    for name, matrix, reverse in [
        ("four-items-reverse", noisy, [2]),
        ("four-items-reverse-missing", with_missing, [2]),
        ("no-reverse", noisy, []),
        ("two-rows", noisy[:2], [2]),
        ("one-row", noisy[:1], [2]),
        ("constant", np.full((5, 3), 3.0), []),
    ]:
        cronbach.append({"name": name, "points": 5, "reverse": reverse,
                         "rows": [[None if math.isnan(v) else v for v in row] for row in matrix.tolist()],
                         "alpha": alpha(matrix, reverse, 5)})

    beta = [{"x": x, "a": a, "b": b, "value": special.betainc(a, b, x)}
            for x, a, b in [(0.0, 2, 3), (1.0, 2, 3), (0.3, 2, 3), (0.5, 0.5, 0.5), (0.9, 50, 2.5),
                            (0.001, 1.5, 100), (0.75, 7.5, 0.5), (0.2, 200, 300), (0.4, 200, 300),
                            (0.99, 0.5, 12)]]
    student_t = [{"t": t, "df": df, "cdf": stats.t.cdf(t, df)}
                 for t, df in [(0, 1), (1.5, 1), (-2.3, 3), (2.0, 9), (-0.7, 29), (3.9, 120), (-8.0, 5),
                               (25, 2)]]
    normal = [{"x": x, "cdf": stats.norm.cdf(x)} for x in [-8.5, -3, -1.96, -0.3, 0, 0.5, 2.5, 6]]

    out = {
        "generator": f"scripts/reference-statistics.py (SciPy {scipy.__version__}, NumPy {np.__version__})",
        "paired": paired, "descriptive": descriptive, "wilson": wilson_cases,
        "cronbach": cronbach, "incompleteBeta": beta, "studentT": student_t, "normal": normal,
    }
    json.dump(clean(out), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
