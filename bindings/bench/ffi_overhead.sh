#!/usr/bin/env bash
# The cost of the C boundary and of ctypes: the 1,000-finding audit report (the dossier of
# `qms sample --checklist-items 100 --findings 1000`) rendered
#   rust-direct:   qms_api::call from Rust (the library called directly, same request bytes);
#   rust-qms_call: qms_call from Rust, alternating call by call with rust-direct;
#   c-abi:         qms_call from a C program (copy the .docx out, free the buffer);
#   python-ctypes: qms._native.raw_call (request bytes prepared);
#   python-render-text / -path / -dict: the façade qms.render with the dossier as JSON text, as a
#                  file path, or as a dict (json.dumps of the dict is then part of the cost).
# A benchmark, not a test: it prints medians and overheads. Usage:
#   bash bindings/bench/ffi_overhead.sh [RUNS=51] [FINDINGS=1000]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
runs=${1:-51}
findings=${2:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
cargo build -q --release -p qms-ffi --example ffi_bench
"$target/release/examples/ffi_bench" request "$work/render.json" "$findings"
gcc -O2 -Wall -Wextra -Werror -I "$root/bindings/c/include" -o "$work/bench" "$here/bench.c" \
  -L"$target/release" -Wl,-rpath,"$target/release" -lqms
echo "request: $(wc -c <"$work/render.json") bytes, $findings findings, $runs runs each, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# Three rounds, interleaved, so that a burst of load on the shared machine hits every variant.
for round in 1 2 3; do
  "$target/release/examples/ffi_bench" direct "$work/render.json" "$runs" | sed "s/^/$round /"
  "$work/bench" "$work/render.json" "$runs" | sed "s/^/$round /"
  QMS_LIBRARY_PATH="$target/release" PYTHONPATH="$root/bindings/python/src" \
    python3 "$here/bench.py" "$work/render.json" "$runs" | sed "s/^/$round /"
done | tee "$work/results.txt"

python3 - "$work/results.txt" <<'PY'
import sys
best = {}
for line in open(sys.argv[1]):
    _, name, value = line.split()[:3]
    best[name] = min(float(value), best.get(name, float("inf")))
base = best["rust-direct"]
print(f"\n{'variant':<20} {'median ms':>10} {'overhead':>9}   (best round of each, against rust-direct)")
for name, ms in best.items():
    if not name.startswith("tiny-"):
        print(f"{name:<20} {ms:>10.3f} {100 * (ms - base) / base:>+8.1f}%")
tiny = best["tiny-rust-direct"]
print(f"\nfixed cost of one round trip (tiny correlate request), against {tiny:.2f} us direct:")
for name, us in best.items():
    if name.startswith("tiny-") and name != "tiny-rust-direct":
        extra = us - tiny
        print(f"{name[5:]:<20} {us:>8.2f} us  (+{extra:.2f} us = {100 * extra / 1000 / base:.3f}% of one report)")
PY
