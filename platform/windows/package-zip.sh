#!/bin/sh
# Writes the Windows release: fieldkit-VERSION-windows-x86_64.zip (both programs, the message
# catalogs, README.txt and the licence of everything built in), SHA256SUMS of it and, when a
# key is named, SHA256SUMS.minisig checked against the public key before it is kept.
#   package-zip.sh BUILD_DIR OUT_DIR                          unsigned (tests, trying it out)
#   package-zip.sh BUILD_DIR OUT_DIR SECRET_KEY PUBLIC_KEY    a release; SECRET_KEY may be empty:
#                                                             FIELDKIT_RELEASE_SECRET_KEY then
set -eu
build=$1 out=$2 pub=${4:-}
key=
if [ $# -ge 3 ]; then
    key=${3:-${FIELDKIT_RELEASE_SECRET_KEY:-}}
    [ -n "$key" ] || { echo "release: no secret key (set FIELDKIT_RELEASE_SECRET_KEY)" >&2; exit 2; }
    [ -r "$key" ] || { echo "release: cannot read the secret key $key" >&2; exit 2; }
fi
src=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build/CMakeCache.txt")
deps=$(sed -n 's/^FIELDKIT_WIN_DEPS:PATH=//p' "$build/CMakeCache.txt")
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
name=fieldkit-$version-windows-x86_64

rm -rf "$out"
stage=$out/$name
mkdir -p "$stage/licenses"
cp "$build/fieldkit.exe" "$build/fieldkit-window.exe" "$stage/"
x86_64-w64-mingw32-strip "$stage"/*.exe
cp -r "$build/locale" "$stage/locale"
cp "$src/platform/windows/README.txt" "$stage/README.txt"
cp "$src/platform/debian/copyright.head" "$stage/licenses/fieldkit.txt"
cp "$deps"/licenses/*.txt "$stage/licenses/"
cp "$deps/share/fieldkit-windows-deps.txt" "$stage/licenses/versions.txt"
# The embedded fonts, as Debian ships their terms.
cp /usr/share/doc/fonts-dejavu-core/copyright "$stage/licenses/fonts-dejavu.txt"
cp /usr/share/doc/fonts-noto-core/copyright "$stage/licenses/fonts-noto.txt"
# Windows users open text files in Notepad: CRLF line ends.
for f in "$stage/README.txt" "$stage"/licenses/*.txt; do sed -i 's/\r*$/\r/' "$f"; done

# Same inputs, same zip: fixed times, sorted names, no extra attributes.
find "$stage" -exec touch -h -d @"${SOURCE_DATE_EPOCH:-1700000000}" {} +
(cd "$out" && find "$name" | LC_ALL=C sort | zip -q -X -@ "$name.zip")
rm -rf "$stage"
(cd "$out" && sha256sum "$name.zip" >SHA256SUMS)
if [ -n "$key" ]; then
    minisign -S -s "$key" -m "$out/SHA256SUMS" -t "fieldkit $version Windows release: SHA256SUMS" >/dev/null
    minisign -Vq -m "$out/SHA256SUMS" -p "$pub" ||
        { echo "package-zip: SHA256SUMS.minisig does not verify with $pub (wrong secret key?)" >&2; exit 1; }
fi
echo "package-zip: $out"
ls -l "$out" | tail -n +2
