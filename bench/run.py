#!/usr/bin/env python3
"""End-to-end benchmarks of the `qms` command, as users run it, against the Python peers.

Generates every shape with `qms sample`, runs the qms commands and the peers of
../shared/bench-peers (python-docx, XlsxWriter) alternately in one run, and prints medians,
ratios (of CPU time), peak memory (GNU time), the targets of docs/benchmarks.md and the 10x scaling checks.

    cargo build --release -p qms-cli
    python3 bench/run.py                      # 5 runs, scaling from 100,000 to 1,000,000 items
    python3 bench/run.py --runs 3 --quick     # 10,000 -> 100,000 items (smoke test)
    python3 bench/run.py --only load,check    # a subset (groups: load check export import render)

Import scales from a tenth of the base size to the base size (a workbook of a million filled
rows is over the importer's 64 MiB limit); every other command from the base size to 10x.
The full run takes about 15 minutes on a quiet 2-core machine (see docs/benchmarks.md).

Peers need `pip install python-docx==1.2.0 XlsxWriter==3.3.1`; without them their rows are
left out. Files go to --work (default /tmp/qms-bench), several GB with scaling.
"""

import argparse
import io
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TODAY = "2026-12-01"


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--qms", default=os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "qms"))
    ap.add_argument("--peers", default=os.path.join(ROOT, "..", "shared", "bench-peers"))
    ap.add_argument("--work", default="/tmp/qms-bench")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="10,000 -> 100,000 items")
    ap.add_argument("--no-scaling", action="store_true", help="base size only")
    ap.add_argument("--only", default="load,check,export,import,render")
    return ap.parse_args()


def timed(cmd, cwd=None):
    """Runs a command under GNU time: (wall s, CPU s, peak RSS MB, exit code, stderr).

    CPU time comes from wait4(), to the microsecond (GNU time prints it with two decimals, a
    4-7 % step on the 0.15-0.3 s base runs that the 10x scaling ratios divide by); it counts
    GNU time itself, about a millisecond. The peak is GNU time's: the rusage of a child forked
    from this script would count the script's own pages it shared before exec."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen(["/usr/bin/time", "-f", "@@%M", *cmd], cwd=cwd,
                             stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    m = re.search(r"@@(\d+)", stderr)
    peak = int(m.group(1)) / 1024 if m else float("nan")
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, peak, p.returncode, stderr


class Bench:
    def __init__(self, args):
        self.a = args
        os.makedirs(args.work, exist_ok=True)
        self.cases = []  # (name, cmd, expected exit codes, cwd)
        self.results = {}

    def path(self, name):
        return os.path.join(self.a.work, name)

    def sample(self, name, items, findings, *flags):
        """A dossier from `qms sample`, made once per set of arguments."""
        out = self.path(name + ".json")
        stamp = out + ".args"
        args = [self.a.qms, "sample", "--checklist-items", str(items), "--findings",
                str(findings), *flags, "-o", out, "--force"]
        if not (os.path.exists(out) and os.path.exists(stamp)
                and open(stamp).read() == " ".join(args)):
            subprocess.run(args, check=True)
            with open(stamp, "w") as f:
                f.write(" ".join(args))
        return out

    def add(self, name, cmd, ok=(0,), cwd=None):
        self.cases.append((name, cmd, ok, cwd))

    def run(self):
        # Alternate: every case once per round, so that a busy moment of the machine spreads
        # over all of them instead of spoiling one.
        for r in range(self.a.runs):
            for name, cmd, ok, cwd in self.cases:
                wall, cpu, peak, rc, err = timed(cmd, cwd)
                if rc not in ok:
                    sys.exit(f"{name}: exit {rc}\n{' '.join(cmd)}\n{err[-2000:]}")
                self.results.setdefault(name, []).append((wall, cpu, peak))
            print(f"round {r + 1}/{self.a.runs} done", file=sys.stderr)

    def wall(self, name):
        return statistics.median(w for w, _, _ in self.results[name])

    def median(self, name):
        """Median CPU time (user + system): what the command itself costs, unlike the wall
        clock, which on a shared machine also counts the time other work holds the cores."""
        return statistics.median(c for _, c, _ in self.results[name])

    def peak(self, name):
        return max(p for _, _, p in self.results[name])


def fill_workbook(src, dst):
    """Fills every item row of every sheet the way an auditor would: a result and evidence."""
    zin = zipfile.ZipFile(src)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if re.match(r"xl/worksheets/sheet\d+\.xml$", info.filename):
                text = data.decode("utf-8")

                def cell(m):
                    row = int(m.group(1))
                    return (f'<c r="F{row}" t="inlineStr"><is><t>Phù hợp</t></is></c>'
                            f'<c r="G{row}" t="inlineStr"><is><t>Đã kiểm tra hồ sơ số {row}, '
                            f'đầy đủ</t></is></c>')

                def row(m):
                    # Item rows only: those with a row key in column J (the header block and
                    # the signature lines at the end have none, or "qms:..." keys).
                    body = m.group(0)
                    if int(m.group(1)) < 9 or not re.search(
                            r'<c r="J\d+"[^>]*><is><t>[0-9a-f]{16}-', body):
                        return body
                    # Result (F) and evidence (G) cells as written by the export, blank or not.
                    return re.sub(r'<c r="F(\d+)"[^>]*?(?:/>|>.*?</c>)'
                                  r'(?:<c r="G\1"[^>]*?(?:/>|>.*?</c>))?', cell, body, count=1)

                text = re.sub(r'<row r="(\d+)"[^>]*>.*?</row>', row, text)
                data = text.encode("utf-8")
            zout.writestr(info, data)
    with open(dst, "wb") as f:
        f.write(buf.getvalue())


def main():
    a = parse_args()
    if not os.path.exists(a.qms):
        sys.exit(f"no qms binary at {a.qms}: cargo build --release -p qms-cli")
    groups = set(a.only.split(","))
    b = Bench(a)
    q = a.qms
    base = (10_000, 1_000) if a.quick else (100_000, 10_000)
    sizes = [("", base)] if a.no_scaling else [("", base), ("x10", (base[0] * 10, base[1] * 10))]
    have_peers = subprocess.run([sys.executable, "-c", "import docx, xlsxwriter"],
                                capture_output=True).returncode == 0
    scaling = []  # (what, small case, large case)
    for tag, (items, findings) in sizes:
        s = lambda name: name + (f"-{tag}" if tag else "")  # noqa: E731
        if groups & {"load", "check"}:
            big = b.sample(s("dossier"), items, findings)
            pretty = b.sample(s("dossier-pretty"), items, findings, "--pretty")
        if "load" in groups:
            b.add(s("validate one-line"), [q, "validate", big])
            b.add(s("validate pretty"), [q, "validate", pretty])
            esc = b.sample(s("dossier-escaped"), items, findings, "--escaped")
            b.add(s("validate escaped"), [q, "validate", esc])
            probs = b.sample(s("dossier-500-problems"), items, findings, "--problems", "500")
            b.add(s("validate 500 problems one-line"), [q, "validate", probs], ok=(1,))
            broken = b.sample(s("dossier-broken"), items, findings, "--broken", str(items // 160))
            b.add(s(f"validate {items // 160} broken items"), [q, "validate", broken], ok=(1,))
            b.add(s(f"check {items // 160} broken items"), [q, "check", broken, "--today", TODAY],
                  ok=(1,))
            clauses = b.sample(s("dossier-unknown-clauses"), items, findings, "--problems",
                               str(items))
            b.add(s(f"validate {items:,} unknown clauses"), [q, "validate", clauses], ok=(1,))
        if "check" in groups:
            b.add(s("check one-line, many diagnostics"), [q, "check", big, "--today", TODAY],
                  ok=(1,))
            b.add(s("check pretty, many diagnostics"), [q, "check", pretty, "--today", TODAY],
                  ok=(1,))
            clean = b.sample(s("dossier-clean"), items, findings, "--clean")
            b.add(s("check one-line, few diagnostics"), [q, "check", clean, "--today", TODAY],
                  ok=(0, 1))
        # Import runs at the base size only (see below): nothing to make for it at 10×.
        if "export" in groups or ("import" in groups and not tag):
            sheets = b.sample(s("audit-100-sheets"), items, findings, "--one-audit",
                              "--checklist-size", str(items // 100))
            one = b.sample(s("audit-1-sheet"), items, findings, "--checklist-size", str(items))
            b.add(s("validate one-sheet dossier"), [q, "validate", one])
            for label, src in (("100 sheets", sheets), ("1 sheet", one)):
                xlsx = b.path(s(f"export-{label.replace(' ', '-')}.xlsx"))
                cmd = [q, "checklist", "export", src, "--audit", "a0000", "-o", xlsx, "--force",
                       "--today", TODAY]
                if "export" in groups:
                    b.add(s(f"checklist export, {label}"), cmd)
                if "import" in groups and label == "1 sheet" and not tag:
                    # Import scales from a tenth of the base size to the base size: a workbook
                    # of 1,000,000 filled rows (about 80 MB) is over the importer's 64 MiB
                    # package limit, which refuses it on purpose.
                    isizes = [("", items)] if a.no_scaling else [("÷10", items // 10), ("", items)]
                    for itag, n in isizes:
                        isrc = b.sample(f"audit-1-sheet{itag and '-small'}", n, findings // 10
                                        if itag else findings, "--checklist-size", str(n))
                        ixlsx = b.path(f"export-import{itag and '-small'}.xlsx")
                        subprocess.run([q, "checklist", "export", isrc, "--audit", "a0000",
                                        "-o", ixlsx, "--force", "--today", TODAY],
                                       check=True, stderr=subprocess.DEVNULL)
                        filled = b.path(f"filled{itag and '-small'}.xlsx")
                        fill_workbook(ixlsx, filled)
                        b.add("checklist import, 1 sheet" + (f" {itag}" if itag else ""),
                              [q, "checklist", "import", isrc, filled, "-o",
                               b.path("imported.json"), "--force"])
            # The peers only at the base size: their ratios are taken there.
            if "export" in groups and have_peers and not tag:
                b.add(s("XlsxWriter constant memory"),
                      [sys.executable, "xlsx_checklist_xlsxwriter.py", str(items),
                       b.path(s("peer.xlsx")), "--constant-memory"], cwd=a.peers)
        if "render" in groups:
            one_audit = b.sample(s("audit-findings"), items, findings, "--one-audit")
            b.add(s("validate one-audit dossier"), [q, "validate", one_audit])
            b.add(s(f"render report, {findings:,} findings"),
                  [q, "render", "report", one_audit, "--audit", "a0000", "-o",
                   b.path(s("report.docx")), "--force", "--today", TODAY])
            if have_peers and not tag:
                b.add(s("python-docx report"),
                      [sys.executable, "docx_report_pydocx.py", str(findings),
                       b.path(s("peer.docx"))], cwd=a.peers)

    b.run()
    print(f"\n`python3 bench/run.py {' '.join(sys.argv[1:])}` ({a.runs} runs, medians; "
          f"CPU = user + system; peak = max RSS)\n")
    print("| command | CPU s | wall s | peak MB |")
    print("|---|---:|---:|---:|")
    for name, *_ in b.cases:
        print(f"| {name} | {b.median(name):.3f} | {b.wall(name):.3f} | {b.peak(name):.0f} |")

    checks = []

    def check(label, ok, detail):
        checks.append((label, ok, detail))

    r = b.results
    if "validate one-line" in r:
        # The escaped file is larger (six bytes for each Vietnamese letter): compare per byte,
        # and memory beyond the file's own bytes.
        size_e = os.path.getsize(b.path("dossier-escaped.json")) / 2**20
        size_u = os.path.getsize(b.path("dossier.json")) / 2**20
        e, u = b.median("validate escaped") / size_e, b.median("validate one-line") / size_u
        me = b.peak("validate escaped") - size_e
        mu = b.peak("validate one-line") - size_u
        check("escaped loads like unescaped (per MB ≤ 1.2×, peak beyond the file ≤ 1.2×)",
              e <= 1.2 * u and me <= 1.2 * mu,
              f"{1000 * e:.2f} vs {1000 * u:.2f} ms/MB, {me:.0f} vs {mu:.0f} MB")
    if "checklist export, 1 sheet" in r:
        base_mb = b.peak("validate one-sheet dossier")
        for label in ("1 sheet", "100 sheets"):
            extra = b.peak(f"checklist export, {label}") - base_mb
            check(f"export {label}: peak ≤ loading + 64 MB", extra <= 64,
                  f"+{extra:.0f} MB over {base_mb:.0f} MB")
        if "XlsxWriter constant memory" in r:
            ratio = b.median("XlsxWriter constant memory") / b.median("checklist export, 1 sheet")
            check("export ≥ 5× faster than XlsxWriter", ratio >= 5, f"×{ratio:.1f}")
    if "checklist import, 1 sheet" in r:
        imp, t = b.peak("checklist import, 1 sheet"), b.median("checklist import, 1 sheet")
        base_mb = b.peak("validate one-sheet dossier")
        check("import < 1 s, peak ≤ 2× loaded dossier", t < 1 and imp <= 2 * base_mb,
              f"{t:.3f} s, {imp:.0f} MB vs {base_mb:.0f} MB")
    findings = base[1]
    if "python-docx report" in r:
        ratio = b.median("python-docx report") / b.median(f"render report, {findings:,} findings")
        check("render ≥ 30× faster than python-docx", ratio >= 30, f"×{ratio:.1f}")
    if not a.no_scaling:
        pairs = [(name, name + "-x10") for name, *_ in b.cases]
        pairs.append(("checklist import, 1 sheet ÷10", "checklist import, 1 sheet"))
        # The render cases name their size, so their names differ by more than the suffix.
        pairs.append((f"render report, {findings:,} findings",
                      f"render report, {findings * 10:,} findings-x10"))
        for small, large in pairs:
            if small in r and large in r:
                ratio = b.median(large) / b.median(small)
                check(f"10× data: {large}", ratio <= 11, f"×{ratio:.2f} time")
    print("\n| target | met | measured |")
    print("|---|---|---|")
    for label, ok, detail in checks:
        print(f"| {label} | {'yes' if ok else '**no**'} | {detail} |")
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
