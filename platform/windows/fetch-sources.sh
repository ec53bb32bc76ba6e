#!/usr/bin/env bash
# Fetches the source tarballs named in deps.lock from Debian's own source packages, through a
# private apt configuration (its own source list, package lists and cache under the cache
# directory), so the machine's apt sources and lists are left as they are. Every tarball is then
# checked against its SHA-256 in deps.lock; a missing file or a wrong sum fails the script.
#   platform/windows/fetch-sources.sh
# FIELDKIT_WIN_CACHE (default ${XDG_CACHE_HOME:-~/.cache}/fieldkit-windows) holds the tarballs
# in sources/ and the private apt state in apt/. FIELDKIT_APT_SOURCES names the apt sources to
# copy (default /etc/apt/sources.list.d/debian.sources, else /etc/apt/sources.list).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lock=$here/deps.lock
cache=${FIELDKIT_WIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fieldkit-windows}
sources=$cache/sources
aptdir=$cache/apt
mkdir -p "$sources" "$aptdir/lists/partial" "$aptdir/cache/archives/partial"
log=$aptdir/fetch.log
: >"$log"

# The lock's entries: source package, version, file, sha256 (comments and blank lines skipped).
lock_entries() { grep -vE '^[[:space:]]*(#|$)' "$lock"; }

sum_ok() {  # file sha256
    [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

# The machine's Debian entries, with deb-src added, in a list only this script's apt reads.
machine_sources=${FIELDKIT_APT_SOURCES:-}
if [ -z "$machine_sources" ]; then
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        machine_sources=/etc/apt/sources.list.d/debian.sources
    else
        machine_sources=/etc/apt/sources.list
    fi
fi
[ -f "$machine_sources" ] || { echo "fetch-sources: no apt sources at $machine_sources" >&2; exit 1; }
case $machine_sources in
    *.sources) sourcelist=$aptdir/debian-src.sources
               sed -E 's/^Types:.*/Types: deb deb-src/' "$machine_sources" >"$sourcelist.new" ;;
    *)         sourcelist=$aptdir/debian-src.list
               grep -E '^deb ' "$machine_sources" | sed -E 'p; s/^deb /deb-src /' >"$sourcelist.new" ;;
esac
changed=yes
if [ -f "$sourcelist" ] && cmp -s "$sourcelist" "$sourcelist.new"; then changed=no; fi
mv "$sourcelist.new" "$sourcelist"

apt_private() {
    apt-get -q \
        -o Dir::Etc::sourcelist="$sourcelist" -o Dir::Etc::sourceparts=/dev/null \
        -o Dir::Etc::preferences=/dev/null -o Dir::Etc::preferencesparts=/dev/null \
        -o Dir::State::Lists="$aptdir/lists" -o Dir::Cache="$aptdir/cache" \
        -o APT::Sandbox::User="$(id -un)" -o Acquire::Languages=none "$@"
}

have_lists() { compgen -G "$aptdir/lists/*_source_Sources*" >/dev/null; }
updated=no
update_lists() {
    echo "fetch-sources: updating the private package lists"
    apt_private update >>"$log" 2>&1 || { echo "fetch-sources: apt-get update failed (see $log)" >&2; exit 1; }
    updated=yes
}

# True when every locked file of one package version is already here with the right sum.
package_complete() {  # name version
    local n v f s
    while read -r n v f s; do
        [ "$n" = "$1" ] && [ "$v" = "$2" ] || continue
        sum_ok "$sources/$f" "$s" || return 1
    done < <(lock_entries)
}

# Downloads one package version into a scratch folder and keeps only its locked files. apt's
# exit code is not trusted: a security revision's .debian.tar.xz can be missing while the
# .orig arrived, and only the files are checked.
fetch_package() {  # name version
    local scratch n v f s
    scratch=$(mktemp -d "$sources/.fetch.XXXXXX")
    echo "== $1=$2" >>"$log"
    (cd "$scratch" && apt_private source --download-only --only-source "$1=$2") >>"$log" 2>&1 || true
    while read -r n v f s; do
        [ "$n" = "$1" ] && [ "$v" = "$2" ] || continue
        if [ -f "$scratch/$f" ]; then mv -f "$scratch/$f" "$sources/$f"; fi
    done < <(lock_entries)
    rm -rf "$scratch"
}

start=$(date +%s)
if [ "$changed" = yes ] || ! have_lists; then update_lists; fi
while read -r name version; do
    package_complete "$name" "$version" && continue
    echo "fetch-sources: $name $version"
    fetch_package "$name" "$version"
    if ! package_complete "$name" "$version" && [ "$updated" = no ]; then
        update_lists  # the lists may predate this version
        fetch_package "$name" "$version"
    fi
done < <(lock_entries | awk '!seen[$1" "$2]++ {print $1, $2}')

# The check that counts: every file in the lock, present and with its pinned sum.
failed=0
while read -r name version file sum; do
    if [ ! -f "$sources/$file" ]; then
        echo "fetch-sources: MISSING $file ($name $version); see $log" >&2
        failed=1
    elif ! sum_ok "$sources/$file" "$sum"; then
        echo "fetch-sources: SHA-256 MISMATCH $file: got $(sha256sum "$sources/$file" | cut -d' ' -f1), lock says $sum" >&2
        failed=1
    fi
done < <(lock_entries)
[ "$failed" = 0 ] || { echo "fetch-sources: FAILED: sources in $sources do not match deps.lock" >&2; exit 1; }
echo "fetch-sources: $(lock_entries | wc -l) tarballs match deps.lock in $sources ($(($(date +%s) - start)) s)"
