#!/usr/bin/env bash
# The C binding's tests against a freshly built libqms:
#   1. builds libqms twice (release): once with the `test-panic` feature (copied aside), once plain;
#   2. compiles the example and the tests with gcc -Wall -Wextra -Werror -fsanitize=address,undefined
#      and runs them: tests/test_qms.c (through include/qms.h), tests/test_contract.c (from the
#      issue's contract alone, no header), the panic case against the test-panic library, the
#      example (its .docx checked by ooxml_check.py) and the example linked statically;
#   3. runs the same tests again under valgrind --leak-check=full --error-exitcode=1 (no ASan).
# Prints "N passed, N failed" last; exits non-zero when anything failed.
# Needs: cargo, gcc, valgrind, python3. Without valgrind or ooxml_check.py those steps are skipped
# with a NOTICE, unless CI=true, where they fail.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }
skip_or_fail() {
  if [ "${CI:-}" = "true" ]; then fail "$1 (required when CI=true)"; else echo "NOTICE: skipped: $1"; fi
}

# run NAME CMD...: runs a test program and adds its closing "N passed, N failed" to the totals.
run() {
  local name=$1
  shift
  "$@" >"$work/out" 2>"$work/err"
  local rc=$?
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$work/out" | tail -n 1)
  if [ -z "$line" ]; then
    fail "$name: no result line (exit $rc)"
    tail -n 40 "$work/err" >&2
    return
  fi
  local p f
  p=${line%% passed*}
  f=${line#*, }
  f=${f%% failed}
  passed=$((passed + p))
  failed=$((failed + f))
  echo "$name: $line"
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    fail "$name: exit $rc with no failed check (sanitizer or valgrind report)"
  fi
  if [ "$rc" -ne 0 ]; then tail -n 40 "$work/err" >&2; fi
}

# 1. The libraries.
mkdir -p "$work/panic" "$work/lib"
(cd "$root" && cargo build -q -p qms-ffi --release --features test-panic) || { fail "cargo build (test-panic)"; echo "$passed passed, $failed failed"; exit 1; }
cp "$target/release/libqms.so" "$work/panic/"
(cd "$root" && cargo build -q -p qms-ffi --release) || { fail "cargo build"; echo "$passed passed, $failed failed"; exit 1; }
cp "$target/release/libqms.so" "$target/release/libqms.a" "$work/lib/"

# 2. Compile: with sanitizers, and plain for valgrind.
warn=(-std=c11 -Wall -Wextra -Werror -g -I "$here/include" -I "$here/tests")
asan=(-O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
link() { echo "-L$1" "-Wl,-rpath,$1" -lqms -lpthread; }
build() { # OUT LIBDIR FLAGS... -- SOURCES
  local out=$1 lib=$2
  shift 2
  # shellcheck disable=SC2046
  gcc "${warn[@]}" "$@" -o "$work/$out" $(link "$lib") || fail "compile $out"
}
build test_qms "$work/lib" "${asan[@]}" "$here/tests/test_qms.c"
build test_contract "$work/lib" "${asan[@]}" "$here/tests/test_contract.c"
build test_panic "$work/panic" "${asan[@]}" "$here/tests/test_qms.c"
build example "$work/lib" "${asan[@]}" "$here/example.c"
build test_qms_vg "$work/lib" -O0 "$here/tests/test_qms.c"
build test_contract_vg "$work/lib" -O0 "$here/tests/test_contract.c"
build test_panic_vg "$work/panic" -O0 "$here/tests/test_qms.c"
gcc "${warn[@]}" -O1 -o "$work/example_static" "$here/example.c" "$work/lib/libqms.a" -lpthread -ldl -lm \
  || fail "compile example_static"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run "asan test_qms" "$work/test_qms" "$root"
run "asan test_contract" "$work/test_contract" "$root"
QMS_EXPECT_PANIC=1 run "asan panic" "$work/test_panic" "$root" panic

# The example renders a real report; an independent checker reads it.
checker="$root/../shared/tools/ooxml_check.py"
for ex in example example_static; do
  if "$work/$ex" "$root/examples/so-khcn-ninh-binh.json" dgnb-2026-1 2026-11-23 "$work/$ex.docx" >"$work/out" 2>&1 \
    && head -c 2 "$work/$ex.docx" | grep -q PK; then
    passed=$((passed + 1))
    echo "$ex: wrote a .docx"
  else
    fail "$ex"
    cat "$work/out" >&2
  fi
done
if [ -f "$checker" ]; then
  if python3 "$checker" "$work/example.docx" >"$work/out" 2>&1; then
    passed=$((passed + 1))
    echo "ooxml_check: example.docx passes"
  else
    fail "ooxml_check.py on the example's report"
    cat "$work/out" >&2
  fi
else
  skip_or_fail "ooxml_check.py not found at $checker"
fi

# The C examples of docs/embedding.md (Vietnamese and English) compile and run as printed.
n=0
while IFS= read -r -d '' block; do
  n=$((n + 1))
  printf '%s' "$block" >"$work/doc_$n.c"
  build "doc_$n" "$work/lib" "${asan[@]}" "$work/doc_$n.c" "$here/tests/doc_driver.c"
  cd "$work" || exit 1 # the example writes its report into the current folder
  run "docs/embedding.md C example $n" "$work/doc_$n" "$root/examples/so-khcn-ninh-binh.json"
  cd "$root" || exit 1
done < <(python3 - "$root/docs/embedding.md" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for block in re.findall(r"```c\n(.*?)```", text, re.S):
    if "int run(" in block:
        sys.stdout.write(block + "\0")
EOF
)
[ "$n" -ge 2 ] || fail "docs/embedding.md: expected a Vietnamese and an English C example, found $n"

# 3. valgrind: no leak, no error.
if command -v valgrind >/dev/null; then
  vg=(valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible
      --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1
      --suppressions="$here/tests/valgrind.supp") # two process-lifetime statics, explained there
  QMS_TEST_ROUNDS=2 run "valgrind test_qms" "${vg[@]}" "$work/test_qms_vg" "$root"
  run "valgrind test_contract" "${vg[@]}" "$work/test_contract_vg" "$root"
  QMS_EXPECT_PANIC=1 run "valgrind panic" "${vg[@]}" "$work/test_panic_vg" "$root" panic
else
  skip_or_fail "valgrind is not installed"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
