#!/usr/bin/env bash
# The Python binding's tests against a freshly built libqms:
#   1. builds libqms (release), plain and with the `test-panic` feature (copied aside);
#   2. makes a fresh virtual environment, `pip install ./bindings/python pytest`, and runs the
#      pytest suite (façade, errors, threads, every contract case) with QMS_LIBRARY_PATH set,
#      then the panic test against the test-panic library;
#   3. from the installed package, renders the audit report and runs ooxml_check.py on it;
#   4. builds a wheel that carries libqms.so, installs it, and renders with QMS_LIBRARY_PATH unset.
# Prints "N passed, N failed" last. Needs cargo, python3 (with venv) and PyPI for pip.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }
ok() { passed=$((passed + 1)); echo "ok: $*"; }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit; }

# pytest's summary line -> the totals.
count() {
  local line p f
  line=$(grep -E '^(=+ )?[0-9]+ (passed|failed|errors?|skipped|deselected).* in [0-9.]+s' "$1" | tail -n 1)
  p=$(echo "$line" | grep -oE '[0-9]+ passed' | awk '{s += $1} END {print s + 0}')
  f=$(echo "$line" | grep -oE '[0-9]+ (failed|errors?)' | awk '{s += $1} END {print s + 0}')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  [ -n "$line" ] || fail "pytest printed no summary"
  echo "pytest: $line"
}

mkdir -p "$work/lib" "$work/panic"
(cd "$root" && cargo build -q -p qms-ffi --release --features test-panic) || { fail "cargo build (test-panic)"; finish; }
cp "$target/release/libqms.so" "$work/panic/"
(cd "$root" && cargo build -q -p qms-ffi --release) || { fail "cargo build"; finish; }
cp "$target/release/libqms.so" "$work/lib/"

python3 -m venv "$work/venv" || { fail "python3 -m venv"; finish; }
py="$work/venv/bin/python"
"$py" -m pip install -q --disable-pip-version-check "$here" pytest >"$work/pip.log" 2>&1 \
  || { cat "$work/pip.log" >&2; fail "pip install ./bindings/python"; finish; }
ok "pip install ./bindings/python in a fresh venv"
# setuptools builds in the source folder: leave no build/ or egg-info behind (stale files there
# could end up in a later wheel).
rm -rf "$here/build" "$here/src/qms.egg-info"

cd "$work"
QMS_LIBRARY_PATH="$work/lib" "$py" -m pytest -q -p no:cacheprovider "$here/tests" >"$work/pytest.log" 2>&1
cat "$work/pytest.log" | tail -n 30
count "$work/pytest.log"
QMS_EXPECT_PANIC=1 QMS_LIBRARY_PATH="$work/panic" "$py" -m pytest -q -p no:cacheprovider \
  "$here/tests/test_qms.py" -k panic >"$work/pytest.log" 2>&1
tail -n 5 "$work/pytest.log"
count "$work/pytest.log"

# The installed package renders a report that an independent OOXML checker accepts.
QMS_LIBRARY_PATH="$work/lib" "$py" - "$root/examples/so-khcn-ninh-binh.json" "$work/report.docx" <<'EOF' \
  && ok "qms.render from the installed package" || fail "qms.render from the installed package"
import sys, qms
docx = qms.render(sys.argv[1], "report", audit="dgnb-2026-1", today="2026-11-23")
open(sys.argv[2], "wb").write(docx)
EOF
checker="$root/../shared/tools/ooxml_check.py"
if [ -f "$checker" ]; then
  python3 "$checker" "$work/report.docx" >"$work/check.log" 2>&1 && ok "ooxml_check.py on report.docx" \
    || { cat "$work/check.log" >&2; fail "ooxml_check.py on report.docx"; }
elif [ "${CI:-}" = "true" ]; then
  fail "ooxml_check.py not found at $checker"
else
  echo "NOTICE: skipped ooxml_check.py (not found at $checker)"
fi

# The Python examples of docs/embedding.md (Vietnamese and English) run as printed.
mkdir -p "$work/docs" && cd "$work/docs" || exit 1
ln -s "$root/examples" examples
QMS_LIBRARY_PATH="$work/lib" "$py" - "$root/docs/embedding.md" <<'EOF' >"$work/docs.log" 2>&1
import re, subprocess, sys, qms
book = qms.export_checklist("examples/so-khcn-ninh-binh.json", "dgnb-2026-1", today="2026-11-21")
for name in ("phieu-da-dien.xlsx", "filled-checklist.xlsx"):
    open(name, "wb").write(book)
text = open(sys.argv[1], encoding="utf-8").read()
blocks = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "import_checklist" in b]
assert len(blocks) >= 2, f"expected a Vietnamese and an English example, found {len(blocks)}"
for i, block in enumerate(blocks):
    subprocess.run([sys.executable, "-c", block], check=True)
for name in ("bao-cao.docx", "report.docx"):
    assert open(name, "rb").read(2) == b"PK", name
print("examples:", len(blocks))
EOF
if [ $? -eq 0 ]; then ok "docs/embedding.md Python examples"; else cat "$work/docs.log" >&2; fail "docs/embedding.md Python examples"; fi
cd "$work" || exit 1

# A wheel that carries the library works without QMS_LIBRARY_PATH.
cp -r "$here" "$work/pkg"
rm -rf "$work/pkg/build" "$work/pkg/src/"*.egg-info
cp "$work/lib/libqms.so" "$work/pkg/src/qms/"
if "$py" -m pip wheel -q --disable-pip-version-check --no-deps -w "$work/dist" "$work/pkg" >"$work/wheel.log" 2>&1; then
  wheel=$(ls "$work/dist"/qms-*.whl)
  case "$wheel" in *linux*) ok "platform wheel $(basename "$wheel")" ;; *) fail "wheel not tagged for the platform: $wheel" ;; esac
  "$py" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel" >>"$work/wheel.log" 2>&1
  env -u QMS_LIBRARY_PATH "$py" -c "
import qms, pathlib
assert pathlib.Path(qms._native.library()._name).parent == pathlib.Path(qms.__file__).parent
assert qms.render('$root/examples/so-khcn-ninh-binh.json', 'report', audit='dgnb-2026-1', today='2026-11-23')[:2] == b'PK'
" && ok "the wheel's own libqms.so renders" || fail "the wheel's own libqms.so"
else
  cat "$work/wheel.log" >&2
  fail "pip wheel"
fi
finish
