"""Times rendering from Python through ctypes: the raw shim (request bytes prepared) and the
façade (qms.render with the dossier as JSON text, as a file path, and as a dict).

    QMS_LIBRARY_PATH=target/release python bench.py REQUEST.json RUNS
"""

import json
import os
import statistics
import sys
import tempfile
import time

import qms
from qms import _native


def median_ms(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    raw = open(path, "rb").read()
    request = json.loads(raw)
    dossier = request.pop("dossier")
    text = json.dumps(dossier, ensure_ascii=False)
    kw = dict(audit=request["audit"], today=request["today"], format="docx")
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        f.write(text)
    size = len(_native.raw_call(raw)[1])
    tiny = b'{"op":"correlate","clause":"8.2.2"}'
    print(f"tiny-python-ctypes {1000 * median_ms(lambda: _native.raw_call(tiny), 2001):.3f} us median of 2001 calls")
    print(f"python-ctypes {median_ms(lambda: _native.raw_call(raw), runs):.3f} ms median of {runs} runs, {size} bytes")
    print(f"python-render-text {median_ms(lambda: qms.render(text, 'report', **kw), runs):.3f} ms median of {runs} runs")
    print(f"python-render-path {median_ms(lambda: qms.render(f.name, 'report', **kw), runs):.3f} ms median of {runs} runs")
    os.unlink(f.name)
    print(f"python-render-dict {median_ms(lambda: qms.render(dossier, 'report', **kw), runs):.3f} ms median of {runs} runs")


main()
