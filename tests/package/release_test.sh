#!/bin/sh
# The release target's script with a throw-away key: the stock tools must accept what it
# writes (minisign -V on SHA256SUMS, then sha256sum -c), and refuse a changed .deb.
#   release_test.sh BUILD_DIR FIELDKIT OUT_DIR RELEASE_SH
set -eu
build=$1 fieldkit=$2 out=$3 release=$4
keys=$(mktemp -d)
trap 'rm -rf "$keys"' EXIT
"$fieldkit" bundle keygen -W -p "$keys/test.pub" -s "$keys/test.sec" >/dev/null
sh "$release" "$build" "$out" "$keys/test.sec" "$keys/test.pub" >/dev/null
cd "$out"
ls fieldkit_*_amd64.deb fieldkit-*.tar.gz SHA256SUMS SHA256SUMS.minisig >/dev/null
[ "$(wc -l <SHA256SUMS)" -eq 2 ] || { echo "SHA256SUMS should list the .deb and the tarball"; exit 1; }
minisign -Vm SHA256SUMS -p "$keys/test.pub"
sha256sum -c SHA256SUMS
tar -tzf fieldkit-*.tar.gz | grep -q '^fieldkit-[0-9.]*/CMakeLists.txt$' || { echo "tarball lacks CMakeLists.txt"; exit 1; }
# A changed byte in the .deb, or a SHA256SUMS changed to match it, must be refused.
cp fieldkit_*.deb "$keys/"
deb=$(ls fieldkit_*.deb)
printf 'x' | dd of="$keys/$deb" bs=1 seek=1000 conv=notrunc 2>/dev/null
(cd "$keys" && cp "$out/SHA256SUMS" . && ! sha256sum -c --quiet SHA256SUMS 2>/dev/null) ||
    { echo "sha256sum accepted a changed .deb"; exit 1; }
(cd "$keys" && sha256sum "$deb" >SHA256SUMS && cp "$out/SHA256SUMS.minisig" . &&
    ! minisign -Vqm SHA256SUMS -p test.pub 2>/dev/null) || { echo "minisign accepted a changed SHA256SUMS"; exit 1; }
# The wrong public key: release.sh refuses to keep a release it cannot verify.
"$fieldkit" bundle keygen -W -p "$keys/other.pub" -s "$keys/other.sec" >/dev/null
! sh "$release" "$build" "$keys/rel" "$keys/test.sec" "$keys/other.pub" >/dev/null 2>&1 ||
    { echo "release.sh kept a release signed with a key other than the public one"; exit 1; }
echo "release: signed and checked with stock minisign and sha256sum"
