#!/bin/sh
# Builds libqms (release), compiles the Java binding (JNA, JDK 17) and its tests with javac,
# runs them against that library. Prints "N passed, N failed"; exits non-zero on any failure.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
cargo build -p qms-ffi --release
target=${CARGO_TARGET_DIR:-target}
case "$target" in /*) ;; *) target="$root/$target" ;; esac
jna=${JNA_JAR:-/usr/share/java/jna.jar}
out="$target/bindings-java"
rm -rf "$out/classes" "$out/test-classes"
mkdir -p "$out"
javac -Xlint:all -Werror --release 17 -cp "$jna" -d "$out/classes" $(find "$here/src/main/java" -name '*.java')
jar --create --file "$out/qms.jar" -C "$out/classes" .
javac -Xlint:all -Werror --release 17 -cp "$jna:$out/classes" -d "$out/test-classes" $(find "$here/src/test/java" -name '*.java')
cd "$here"
QMS_LIBRARY_PATH="$target/release/libqms.so" QMS_REPO_ROOT="$root" \
  java -cp "$jna:$out/qms.jar:$out/test-classes" qms.TestMain
