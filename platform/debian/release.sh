#!/bin/sh
# Writes a release: the .deb (cpack), a source tarball of HEAD (git archive), SHA256SUMS
# of both, and SHA256SUMS.minisig, checked against the public key before it is kept.
#   release.sh BUILD_DIR OUT_DIR SECRET_KEY PUBLIC_KEY
# SECRET_KEY may be empty: FIELDKIT_RELEASE_SECRET_KEY is used then. An encrypted key makes
# minisign ask for its passphrase.
set -eu
build=$1 out=$2 key=${3:-${FIELDKIT_RELEASE_SECRET_KEY:-}} pub=$4
[ -n "$key" ] || { echo "release: no secret key (set FIELDKIT_RELEASE_SECRET_KEY)" >&2; exit 2; }
[ -r "$key" ] || { echo "release: cannot read the secret key $key" >&2; exit 2; }
src=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build/CMakeCache.txt")
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ -z "$(git -C "$src" status --porcelain --untracked-files=no)" ] ||
    echo "release: warning: uncommitted changes; the tarball is HEAD, the .deb is the build" >&2

rm -rf "$out"
mkdir -p "$out"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out/cpack" >"$out/cpack.log" 2>&1 ||
    { cat "$out/cpack.log" >&2; exit 1; }
mv "$out"/cpack/fieldkit_*.deb "$out/"
rm -rf "$out/cpack" "$out/cpack.log"
git -C "$src" archive --format=tar.gz --prefix="fieldkit-$version/" -o "$out/fieldkit-$version.tar.gz" HEAD
cd "$out"
sha256sum fieldkit_*.deb "fieldkit-$version.tar.gz" >SHA256SUMS
minisign -S -s "$key" -m SHA256SUMS -t "fieldkit $version release: SHA256SUMS" >/dev/null
minisign -Vq -m SHA256SUMS -p "$pub" ||
    { echo "release: SHA256SUMS.minisig does not verify with $pub (wrong secret key?)" >&2; exit 1; }
echo "release: $out"
ls -l "$out" | tail -n +2
