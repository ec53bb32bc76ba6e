#!/bin/sh
# One command for the Windows build: fetch and check the locked sources, build the
# dependencies once (cached outside the tree), cross-build fieldkit.exe and fieldkit-window.exe
# into BUILD_DIR (default build-win) and write the unsigned zip in BUILD_DIR/zip.
#   platform/windows/build.sh [BUILD_DIR]
# The tools come from platform/windows/packages.txt (quickstart.sh installs them).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build-win}
"$here/fetch-sources.sh"
"$here/build-deps.sh"
deps=$("$here/build-deps.sh" --print-prefix)
echo "windows: building fieldkit.exe in $build" >&2
mkdir -p "$build"
cmake -S "$root" -B "$build" -DCMAKE_TOOLCHAIN_FILE="$here/mingw-w64-x86_64.cmake" \
    -DFIELDKIT_WIN_DEPS="$deps" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >"$build/configure.log" 2>&1 ||
    { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j"$(nproc)" --target fieldkit fieldkit-window
cmake --build "$build" --target zip
