#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer's coverage instrumentation (the flags cargo-fuzz
# passes, all stable rustc flags) and runs one or all of them.
#
#   fuzz/run.sh [TARGET|all] [SECONDS] [-- extra libFuzzer flags]
#
# New inputs go to a scratch folder, never into the committed corpus; crashes are written to
# fuzz/artifacts/TARGET/. Long campaigns: docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")"
target="${1:-all}"
seconds="${2:-20}"
shift $(( $# > 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing \
-Cllvm-args=-simplifycfg-branch-fold-threshold=0 -Cllvm-args=-sanitizer-coverage-stack-depth \
-Ccodegen-units=1 -Cdebug-assertions"
triple="$(rustc -vV | sed -n 's/^host: //p')"
cargo build --release --locked --target "$triple" --bins
bin="target/$triple/release"
targets=(load api_call import_checklist render)
[ "$target" != all ] && targets=("$target")
for t in "${targets[@]}"; do
  scratch="$(mktemp -d)"
  mkdir -p "artifacts/$t"
  log="$scratch.log"
  # A fixed seed (QMS_FUZZ_SEED, 1 by default) makes a short run reproducible: CI explores the
  # same inputs each time for the same code, so a red smoke is a real finding, not luck.
  if "$bin/$t" "$scratch" "corpus/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
      -seed="${QMS_FUZZ_SEED:-1}" -print_final_stats=1 -artifact_prefix="artifacts/$t/" "$@" \
      >"$log" 2>&1; then
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
    echo "fuzz $t: ${execs:-?} executions in ${seconds} s, nothing found"
  else
    tail -n 80 "$log"
    echo "fuzz $t: FAILED (input saved under fuzz/artifacts/$t/)" >&2
    exit 1
  fi
  rm -rf "$scratch" "$log"
done
