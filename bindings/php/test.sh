#!/bin/sh
# Builds libqms (release) and runs the PHP binding's tests against it.
# Prints "N passed, N failed"; exits non-zero on any failure.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
cargo build -p qms-ffi --release
target=${CARGO_TARGET_DIR:-target}
case "$target" in /*) ;; *) target="$root/$target" ;; esac
QMS_LIBRARY_PATH="$target/release/libqms.so" php "$here/tests/run.php"
