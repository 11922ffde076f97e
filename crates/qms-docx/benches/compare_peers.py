"""Audit report with N findings: qms-docx against the python-docx peer, in the same run.

Usage (from the repository root):
    cargo build --release -p qms-docx --example report_n
    python3 crates/qms-docx/benches/compare_peers.py [--repeats 3] [--target-dir target]

Needs python-docx 1.2.0 (`pip install python-docx==1.2.0`) and GNU time (/usr/bin/time).
The peer is ../shared/bench-peers/docx_report_pydocx.py (a title and a 6-column findings
table); ours is the whole audit report (national header, ISO 19011 sections, summary table,
findings grouped by unit and clause, conclusions, signature) of a synthetic dossier with the
same number of findings. Both are timed as processes, start-up included, as a user sees them.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def find_peers():
    d = ROOT
    while d != "/":
        p = os.path.join(d, "shared", "bench-peers")
        if os.path.isdir(p):
            return p
        d = os.path.dirname(d)
    sys.exit("shared/bench-peers not found beside the repository")


def run(cmd, cwd):
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-v", *cmd], cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"{cmd} failed:\n{r.stdout}\n{r.stderr}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    return wall, rss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--target-dir", default=os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")))
    args = ap.parse_args()
    ours = os.path.join(args.target_dir, "release", "examples", "report_n")
    if not os.path.exists(ours):
        sys.exit(f"{ours} missing: cargo build --release -p qms-docx --example report_n")
    peers = find_peers()
    out = tempfile.mkdtemp(prefix="qms-docx-bench-")
    rows = []
    for n in (1000, 10000):
        res = {}
        for label, cmd, path in [
            ("python-docx", [sys.executable, "docx_report_pydocx.py", str(n)], f"{out}/peer_{n}.docx"),
            ("qms-docx", [ours, str(n)], f"{out}/ours_{n}.docx"),
        ]:
            walls, rsss = [], []
            for _ in range(args.repeats):
                w, r = run(cmd + [path], peers)
                walls.append(w)
                rsss.append(r)
            res[label] = (statistics.median(walls), max(rsss), os.path.getsize(path))
            rows.append((n, label, *res[label]))
        p, o = res["python-docx"], res["qms-docx"]
        rows.append((n, "ratio", p[0] / o[0], o[1], o[2] / p[2]))
    print(f"repeats: {args.repeats}; outputs in {out}")
    print("| findings | tool | median wall s | peak RSS MB | size KB |")
    print("|---:|---|---:|---:|---:|")
    for n, label, a, b, c in rows:
        if label == "ratio":
            print(f"| {n} | speed-up ×{a:.0f}; ours {b:.0f} MB | | | size ours/peer {c:.2f} |")
        else:
            print(f"| {n} | {label} | {a:.3f} | {b:.0f} | {c / 1024:.0f} |")


if __name__ == "__main__":
    main()
