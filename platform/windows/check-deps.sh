#!/usr/bin/env bash
# Checks that the Windows dependency prefix works: builds check/check_deps.cpp with the
# toolchain file (finding each library the way fieldkit's CMake files do), checks that the .exe
# needs no DLL beyond Windows' own, and runs it under wine with a French catalog for libintl.
#   platform/windows/check-deps.sh
# FIELDKIT_WIN_DEPS: the prefix (default: the one build-deps.sh builds for this tree).
# The build and the wine prefix are kept in the cache directory (FIELDKIT_WIN_CACHE).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${FIELDKIT_WIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fieldkit-windows}
prefix=${FIELDKIT_WIN_DEPS:-$("$here/build-deps.sh" --print-prefix)}
[ -f "$prefix/.fieldkit-deps-complete" ] ||
    { echo "check-deps: $prefix is not a finished prefix: run platform/windows/build-deps.sh" >&2; exit 1; }
wine=$(command -v wine || command -v wine64 || echo /usr/lib/wine/wine64)
[ -x "$wine" ] || { echo "check-deps: wine is missing (platform/windows/packages.txt)" >&2; exit 1; }

build=$cache/check-build
rm -rf "$build"
cmake -S "$here/check" -B "$build" -DCMAKE_TOOLCHAIN_FILE="$here/mingw-w64-x86_64.cmake" \
    -DFIELDKIT_WIN_DEPS="$prefix" -DCMAKE_BUILD_TYPE=Release >"$build.log" 2>&1 &&
    cmake --build "$build" >>"$build.log" 2>&1 ||
    { tail -n 30 "$build.log" >&2; echo "check-deps: FAILED to build the check program (log: $build.log)" >&2; exit 1; }
exe=$build/check_deps.exe

# Only Windows' own DLLs: no MinGW runtime (libgcc_s_seh-1, libstdc++-6, libwinpthread-1)
# and no dependency as a DLL.
dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | awk '/DLL Name:/ {print $3}' | sort -u)
echo "check-deps: check_deps.exe ($(du -k "$exe" | cut -f1) KiB) imports: $(echo $dlls)"
foreign=$(echo "$dlls" | grep -viE '^(kernel32|user32|gdi32|shell32|advapi32|ole32|oleaut32|ws2_32|crypt32|bcrypt|secur32|normaliz|wldap32|iphlpapi|imm32|opengl32|winmm|msvcrt|api-ms-win-[a-z0-9-]+)\.dll$' || true)
[ -z "$foreign" ] || { echo "check-deps: FAILED: needs DLLs Windows does not have: $foreign" >&2; exit 1; }

# A French catalog for the libintl check.
mkdir -p "$build/locale/fr/LC_MESSAGES"
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Water"\nmsgstr "Eau"\n' >"$build/fkcheck.po"
msgfmt -o "$build/locale/fr/LC_MESSAGES/fkcheck.mo" "$build/fkcheck.po"

export WINEPREFIX=$cache/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
cd "$build"
LC_ALL=fr LANGUAGE=fr "$wine" "$exe" locale
