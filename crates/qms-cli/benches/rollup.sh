#!/bin/sh
# The provincial roll-up benchmark: N synthetic agencies (500 checklist items and 50 findings
# each, as `qms sample --agencies N` writes them) rolled up into the workbook by `qms rollup`,
# timed with /usr/bin/time -v (wall clock and peak RSS).
#
#   crates/qms-cli/benches/rollup.sh            # 1,000 and 10,000 agencies
#   QMS_BENCH_AGENCIES="1000" crates/qms-cli/benches/rollup.sh
#
# The dossiers are generated once into $QMS_BENCH_DIR (default /tmp/qms-bench-rollup) and
# reused; 10,000 of them take about 2.1 GB.
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
dir=${QMS_BENCH_DIR:-/tmp/qms-bench-rollup}
agencies=${QMS_BENCH_AGENCIES:-"1000 10000"}
cargo build --release -p qms-cli --manifest-path "$root/Cargo.toml"
target=${CARGO_TARGET_DIR:-$root/target}
qms="$target/release/qms"
for n in $agencies; do
    in="$dir/$n"
    if [ ! -f "$in/.complete" ]; then
        rm -rf "$in"
        "$qms" sample --agencies "$n" --checklist-items 500 --findings 50 --seed 2026 -o "$in"
        touch "$in/.complete"
    fi
    out="$dir/rollup-$n.xlsx"
    rm -f "$out"
    echo "== $n agencies: qms rollup --dir $in -o $out --today 2026-11-30"
    /usr/bin/time -v "$qms" rollup --dir "$in" -o "$out" --today 2026-11-30 2>&1 |
        grep -E 'tổng hợp|Elapsed|User time|System time|Maximum resident'
done
