#!/usr/bin/env python3
"""Interleaved timing of two kenshu binaries and xmllint on a shared machine.

Usage: Benchmarks/validate-interleaved.py PROJECT BEFORE AFTER [RUNS=20]
PROJECT is a folder made by generate-programmes.py; BEFORE and AFTER are kenshu binaries.
Runs `BEFORE validate`, `AFTER validate` and `xmllint --noout --relaxng` in turn, RUNS rounds
after one warm-up each, and prints the minimum and median wall time (perf_counter) and CPU time
(user + system of the child, from getrusage). Interleaving spreads other processes' load over
the three commands alike; the minimum is the figure closest to an idle machine.
"""
import glob
import os
import resource
import statistics
import subprocess
import sys
import time

project, before, after = (os.path.abspath(path) for path in sys.argv[1:4])
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 20
schema = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schema", "kenshu.rng")
os.chdir(project)
commands = {
    "before": [before, "validate"],
    "after": [after, "validate"],
    "xmllint": ["xmllint", "--noout", "--relaxng", schema] + sorted(glob.glob("curricula/*.xml")),
}
results = {name: [] for name in commands}
for command in commands.values():
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(runs):
    for name, command in commands.items():
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = used.ru_utime - usage.ru_utime + used.ru_stime - usage.ru_stime
        results[name].append((wall * 1000, cpu * 1000))
for name, samples in results.items():
    wall = [sample[0] for sample in samples]
    cpu = [sample[1] for sample in samples]
    print(f"{name:8s} wall min {min(wall):6.1f} median {statistics.median(wall):6.1f} ms"
          f" | CPU min {min(cpu):6.1f} median {statistics.median(cpu):6.1f} ms")
print("load average:", open("/proc/loadavg").read().split()[:3])
