#!/usr/bin/env python3
"""Every comparison of issue 18 side by side: Kenshu against its peers, whole processes.

    python3 Benchmarks/peers.py [--runs 5] [--rows 100000] [--programmes 1000]
                                [--work /dev/shm/kenshu-peers] [--kenshu BIN]
                                [--no-search] [--collect]

Each comparison runs the two commands alternately, RUNS times each, so that both meet the same
machine load, and reports medians of wall time, CPU time (user + system of the process and its
threads, from wait4) and peak resident memory, the ratio and the issue's target:

- site: `kenshu build` (the learner edition, cold: into an empty folder) of `kenshu bench
  site`'s 10,000-session project against `hugo` on its Hugo twin (same Markdown); and both
  editions (`kenshu build` + `kenshu build --edition facilitator`, summed) against Hugo again;
- validate: `kenshu validate` of Benchmarks/generate-programmes.py's programmes against
  `xmllint --noout --relaxng schema/kenshu.rng` on the same files;
- evaluate: `kenshu evaluate --by prof` of ROWS × 40 responses (writing every file) against
  pandas computing the same statistics (scripts/bench-pandas.py) on the same CSV;
- serve rebuild after one Markdown edit (`kenshu bench site`'s serve figure: the median of
  five edits, both editions, detection included);
- search (headless Chromium from file://, Benchmarks/search-budget.py): bytes and time per 2-
  and 4-character query on the learner site;
- collection (--collect, about 5 minutes): acknowledged submissions per second on SQLite with
  200 clients (Benchmarks/collect-load.sh sqlite).

Needs: hugo (Debian's package), xmllint (libxml2-utils), python3 with pandas, and for search
Debian chromium + chromium-driver with selenium (tools/web-check's venv). A missing peer or a
failed command gives a row saying so; the other comparisons go on. The table says which
targets are met.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(argv, cwd=None, env=None, stdout=subprocess.DEVNULL):
    """One whole process: (wall s, CPU s, peak RSS MB, its output when asked for)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=stdout, stderr=subprocess.PIPE)
    # Both pipes at once (communicate), so a child that writes much to one never blocks.
    # Popen's own wait would reap it and lose its rusage, so it is cleared and wait4 reaps it.
    process.wait = lambda timeout=None: None
    output, errors = process.communicate()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise Failed("%s exited %d: %s" % (" ".join(argv), process.returncode, (errors or b"").decode()[-500:]))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, (output or b"").decode()


class Failed(Exception):
    """A command of a comparison failed: its row says so, the other comparisons go on."""


def alternate(runs, first, second):
    """Runs `first()` and `second()` alternately; each returns (wall, cpu, MB). Medians of both."""
    a, b = [], []
    for _ in range(runs):
        a.append(first())
        b.append(second())

    def medians(rows):
        return tuple(statistics.median(r[i] for r in rows) for i in range(3))

    return medians(a), medians(b)


def fresh(folder):
    shutil.rmtree(folder, ignore_errors=True)
    return folder


rows = []  # (work, kenshu, peer, ratio, target, met)


def figures(m):
    return "%.3f s wall, %.2f s CPU, %.0f MB" % m


def compare(work, kenshu, peer, peer_name, targets):
    """A row from medians; `targets`: [(label, kenshu/peer ratio index 0 wall 1 CPU 2 MB, limit)]."""
    ratios = [kenshu[i] / peer[i] if peer[i] else float("inf") for i in range(3)]
    met = all(ratios[i] <= limit for _, i, limit in targets) if targets else None
    rows.append((work, figures(kenshu), "%s: %s" % (peer_name, figures(peer)),
                 "%.2f× wall, %.2f× CPU, %.2f× memory" % tuple(ratios),
                 ", ".join("%s ≤ %.2f×" % (label, limit) for label, _, limit in targets) or "reported", met))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=100000)
    parser.add_argument("--programmes", type=int, default=1000)
    parser.add_argument("--courses", type=int, default=100, help="of the bench site (× --sessions)")
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--work", default="/dev/shm/kenshu-peers")
    parser.add_argument("--kenshu", help="the kenshu binary (default: a release build, built now)")
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--collect", action="store_true")
    args = parser.parse_args()

    kenshu = args.kenshu
    if not kenshu:
        print("building kenshu (release)…", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--product", "kenshu"], cwd=REPO, check=True)
        kenshu = os.path.join(subprocess.check_output(
            ["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO, text=True).strip(), "kenshu")
    kenshu = os.path.abspath(kenshu)
    env = dict(os.environ, KENSHU_LANG="en")
    work = args.work
    os.makedirs(work, exist_ok=True)

    bench = os.path.join(work, "bench")
    project, twin = os.path.join(bench, "project"), os.path.join(bench, "hugo")
    learner, facilitator, public = (os.path.join(work, n) for n in ("learner", "facilitator", "hugo-public"))

    def kenshu_learner():
        return run([kenshu, "build", "--output", fresh(learner)], cwd=project, env=env)[:3]

    def site():
        # --- The site, and the serve rebuild ------------------------------------------------
        print("site: kenshu bench site (project, Hugo twin, serve rebuild)…", file=sys.stderr)
        fresh(bench)
        out = run([kenshu, "bench", "site", "--hugo", "", "--work-folder", bench, "--courses", str(args.courses),
                   "--sessions", str(args.sessions)], env=env, stdout=subprocess.PIPE)[3]
        serve = re.search(r"serve rebuild\s+([\d.]+) s", out)
        def kenshu_both():
            a = run([kenshu, "build", "--output", fresh(learner)], cwd=project, env=env)
            b = run([kenshu, "build", "--edition", "facilitator", "--output", fresh(facilitator)], cwd=project, env=env)
            return a[0] + b[0], a[1] + b[1], max(a[2], b[2])

        hugo = shutil.which("hugo")
        if hugo:
            def hugo_build():
                return run([hugo, "--quiet", "--source", twin, "--destination", fresh(public)])[:3]

            k, h = alternate(args.runs, kenshu_learner, hugo_build)
            compare("cold build, learner edition (%d sessions)" % (args.courses * args.sessions), k, h, "Hugo", [("wall", 0, 0.5), ("memory", 2, 0.35)])
            k, h = alternate(args.runs, kenshu_both, hugo_build)
            compare("cold build, both editions", k, h, "Hugo", [])
        else:
            kenshu_learner()
            rows.append(("cold build", "—", "hugo not found (apt-get install hugo)", "—", "—", False))
        if serve:
            seconds = float(serve.group(1))
            rows.append(("serve rebuild after one edit (both editions)", "%.3f s wall" % seconds, "—", "—",
                         "≤ 0.030 s", seconds <= 0.03))

    def validate():
        # --- validate -----------------------------------------------------------------------
        print("validate: %d programmes…" % args.programmes, file=sys.stderr)
        programmes = fresh(os.path.join(work, "programmes"))
        subprocess.run([sys.executable, os.path.join(REPO, "Benchmarks/generate-programmes.py"), str(args.programmes),
                        programmes], check=True, stdout=subprocess.DEVNULL)
        files = sorted(os.path.join("curricula", f) for f in os.listdir(os.path.join(programmes, "curricula")))
        xmllint = shutil.which("xmllint")
        if xmllint:
            k, x = alternate(
                args.runs, lambda: run([kenshu, "validate"], cwd=programmes, env=env)[:3],
                lambda: run([xmllint, "--noout", "--relaxng", os.path.join(REPO, "schema/kenshu.rng")] + files,
                            cwd=programmes)[:3])
            compare("validate %d files" % len(files), k, x, "xmllint --relaxng", [("wall", 0, 0.7), ("CPU", 1, 1.3)])
        else:
            rows.append(("validate", "—", "xmllint not found (apt-get install libxml2-utils)", "—", "—", False))

    def evaluate():
        # --- evaluate -----------------------------------------------------------------------
        print("evaluate: %d × 40…" % args.rows, file=sys.stderr)
        evaluation = fresh(os.path.join(work, "evaluation"))
        os.makedirs(evaluation)
        csv = os.path.join(evaluation, "generated.csv")
        run([kenshu, "bench", "evaluation", "--rows", str(args.rows), "--write-csv", csv], env=env)
        evaluation_project = os.path.join(evaluation, "project")
        subprocess.run([sys.executable, os.path.join(REPO, "scripts/generate-xlsx-benchmark.py"), csv, evaluation_project],
                       check=True, stdout=subprocess.DEVNULL)
        try:
            subprocess.run([sys.executable, "-c", "import pandas"], check=True, stderr=subprocess.DEVNULL)
            have_pandas = True
        except subprocess.CalledProcessError:
            have_pandas = False
        if have_pandas:
            k, p = alternate(
                args.runs,
                lambda: run([kenshu, "evaluate", "--survey", "bench", "--responses", "responses.csv", "--by", "prof",
                             "-o", fresh(os.path.join(evaluation_project, "out"))], cwd=evaluation_project, env=env)[:3],
                lambda: run([sys.executable, os.path.join(REPO, "scripts/bench-pandas.py"), csv])[:3])
            compare("evaluate %d × 40, --by profession, every file" % args.rows, k, p, "pandas",
                    [("wall", 0, 0.3), ("memory", 2, 1.0)])
        else:
            rows.append(("evaluate", "—", "pandas not found (pip install pandas)", "—", "—", False))

    def search():
        # --- search -------------------------------------------------------------------------
        python = os.path.expanduser("~/.cache/kenshu-web-check/venv/bin/python")
        if not args.no_search and os.path.exists(python) and shutil.which("chromium"):
            print("search: headless Chromium…", file=sys.stderr)
            kenshu_learner()
            result = subprocess.run([python, os.path.join(REPO, "Benchmarks/search-budget.py"), learner],
                                    capture_output=True, text=True)
            if "queries: median" not in result.stdout:
                raise Failed("search-budget.py: " + (result.stderr or result.stdout)[-300:])
            for length in (2, 4):
                line = re.search(r"%d-character queries: median ([\d.]+) KiB \(max ([\d.]+)\), ([\d.]+) ms \(max ([\d.]+)\)"
                                 % length, result.stdout)
                if line:
                    kib, max_kib, ms, max_ms = map(float, line.groups())
                    rows.append(("search, %d-character queries" % length,
                                 "median %.0f KiB (max %.0f), %.0f ms (max %.0f)" % (kib, max_kib, ms, max_ms),
                                 "Pagefind's budget", "—", "≤ 300 KiB, ≤ 50 ms", max_kib <= 300 and max_ms <= 50))

    def collection():
        # --- collection ---------------------------------------------------------------------
        if args.collect:
            print("collection: 200 clients on SQLite…", file=sys.stderr)
            result = subprocess.run(["bash", os.path.join(REPO, "Benchmarks/collect-load.sh"), "sqlite"],
                                    capture_output=True, text=True, env=dict(os.environ, KENSHU_BIN=kenshu))
            # The first figure is the load phase's (the crash phase's includes the restart).
            rate = re.search(r'"throughputPerSecond": ([\d.]+)', result.stdout)
            if rate:
                value = float(rate.group(1))
                rows.append(("collection, SQLite, 200 clients", "%.0f acknowledged/s" % value, "—", "—", "≥ 3,000/s",
                             value >= 3000))
            else:
                rows.append(("collection", "no figure read", "—", "—", "≥ 3,000/s", False))


    for name, section in [("site", site), ("validate", validate), ("evaluate", evaluate), ("search", search),
                          ("collection", collection)]:
        try:
            section()
        except Failed as failure:
            rows.append((name, "failed: %s" % failure, "—", "—", "—", False))

    print("\nmedians of %d alternating runs (wall, CPU = user + system, peak RSS); load average %s"
          % (args.runs, " ".join("%.1f" % v for v in os.getloadavg())))
    print("| work | Kenshu | peer | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    for work_name, k, p, ratio, target, met in rows:
        print("| %s | %s | %s | %s | %s | %s |" % (work_name, k, p, ratio, target, "—" if met is None else "yes" if met else "**no**"))


if __name__ == "__main__":
    main()
