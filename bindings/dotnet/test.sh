#!/bin/sh
# Builds libqms (release), compiles the .NET binding and its tests with mcs (C# 7.2, the
# newest mcs knows, so the code also builds on .NET Framework 4.x and .NET 6+), runs them
# with mono. Prints "N passed, N failed"; exits non-zero on any failure.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
cargo build -p qms-ffi --release
target=${CARGO_TARGET_DIR:-target}
case "$target" in /*) ;; *) target="$root/$target" ;; esac
lib="$target/release/libqms.so"
out="$target/bindings-dotnet"
mkdir -p "$out"
mcs -langversion:7.2 -target:library -warn:4 -warnaserror -doc:"$out/Qms.xml" -out:"$out/Qms.dll" "$here"/src/*.cs
mcs -langversion:7.2 -warn:4 -out:"$out/QmsTests.exe" -r:"$out/Qms.dll" -r:System.Core.dll "$here"/tests/*.cs
# Mono has no NativeLibrary resolver: a dllmap beside the assembly points "qms" at the file
# QMS_LIBRARY_PATH names (on .NET 6+ the binding reads QMS_LIBRARY_PATH itself).
cat > "$out/Qms.dll.config" <<XML
<configuration>
  <dllmap dll="qms" target="$lib" />
</configuration>
XML
cd "$here"
QMS_LIBRARY_PATH="$lib" QMS_REPO_ROOT="$root" mono "$out/QmsTests.exe"
