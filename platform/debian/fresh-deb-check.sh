#!/bin/sh
# Installs fieldkit's .deb as a user would, in a fresh copy of the pristine bookworm:
# apt-get install ./fieldkit_*.deb must pull no compiler and no -dev package; then status,
# search, show of the top hit and a window screenshot under Xvfb (xvfb is installed only
# after the package check) must work with the built-in library; apt-get purge must leave
# none of the package's files (the reader's data in the home directory stays).
#   fresh-deb-check.sh PRISTINE_ROOT DEB MIRROR      (run by fresh-check.sh, as root)
# Prints the .deb size, installed size and the time from apt-get install to first search.
set -eu
pristine=$1 deb=$2 mirror=$3
cache=$(dirname "$pristine")
. "$(dirname "$0")/fresh-root.sh"
make_fresh_root "$pristine" "$mirror" deb
cp "$deb" "$root/tmp/"
name=$(basename "$deb")
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root DEBIAN_FRONTEND=noninteractive "$@"; }
fail() { echo "fresh-check deb: $*" >&2; exit 1; }
now() { date +%s.%N; }
secs() { awk "BEGIN { printf \"%.1f\", $2 - $1 }"; }

in_root apt-get update -qq
in_root dpkg-query -W -f='${Package}\n' | sort >"$root/before"
start=$(now)
in_root apt-get install -y -qq "/tmp/$name" >"$root/install.log" 2>&1 || { cat "$root/install.log"; fail "apt-get install failed"; }
installed=$(now)
in_root dpkg-query -W -f='${Package}\n' | sort >"$root/after"
added=$(comm -13 "$root/before" "$root/after")
echo "fresh-check deb: apt-get install ./$name: $(echo "$added" | wc -l) packages in $(secs "$start" "$installed") s"
bad=$(echo "$added" | grep -Ex '.*-dev|(gcc|g\+\+|cpp|clang|binutils|make)(-[0-9]+)?|build-essential|libc6-dev' || true)
[ -z "$bad" ] || fail "a compiler or -dev package was installed: $(echo $bad)"
echo "fresh-check deb: no compiler, no -dev package"

in_root fieldkit search rpki >"$root/search.out" || fail "fieldkit search rpki failed"
first_search=$(now)
in_root fieldkit status || fail "fieldkit status failed"
head -n 3 "$root/search.out"
top=$(in_root fieldkit search rpki --json --limit 1 | grep -o '"address": *"[^"]*"' | head -n 1 | cut -d '"' -f 4)
[ -n "$top" ] || fail "search rpki found nothing"
in_root fieldkit show "$top" | head -n 5
echo "fresh-check deb: show $top: ok"
# The installed catalogs, found from /usr/bin: a Ukrainian shell gets Ukrainian (no locale generated).
in_root env LANGUAGE= LC_ALL= LANG=uk_UA.UTF-8 fieldkit status >"$root/status-uk.out" || fail "status in Ukrainian failed"
grep -q 'пакет' "$root/status-uk.out" || fail "LANG=uk_UA.UTF-8 fieldkit status did not speak Ukrainian"
echo "fresh-check deb: LANG=uk_UA.UTF-8 fieldkit status: $(head -n 2 "$root/status-uk.out" | tail -n 1)"
# libcurl is opened when sync first needs it: a closed port on loopback must say "cannot
# connect", not that the library could not be loaded.
in_root fieldkit sync --mirror http://127.0.0.1:9/ >"$root/sync.out" 2>&1 && fail "sync to a closed port succeeded"
grep -q 'cannot connect' "$root/sync.out" || fail "sync did not reach libcurl: $(tail -n 1 "$root/sync.out")"
echo "fresh-check deb: sync opened libcurl: $(tail -n 1 "$root/sync.out")"

# The window: Xvfb only now, after the package check.
in_root apt-get install -y -qq xvfb xauth >/dev/null 2>&1 || fail "installing xvfb failed"
in_root xvfb-run -a -s "-screen 0 1280x800x24" fieldkit --screenshot /tmp/shot.png --open "$top" ||
    fail "the window did not render"
[ "$(head -c 8 "$root/tmp/shot.png" | od -An -c | tr -d ' \n')" = '211PNG\r\n032\n' ] || fail "screenshot is not a PNG"
cp "$root/tmp/shot.png" "$cache/last-deb-screenshot.png"
echo "fresh-check deb: window screenshot $(stat -c %s "$root/tmp/shot.png") bytes ($cache/last-deb-screenshot.png)"

in_root dpkg -L fieldkit >"$root/files"
in_root apt-get purge -y -qq fieldkit >/dev/null 2>&1 || fail "apt-get purge failed"
left=$(while read -r f; do [ -e "$root$f" ] && [ ! -d "$root$f" ] && echo "$f"; done <"$root/files"; true)
[ -z "$left" ] || fail "purge left files: $(echo $left)"
[ ! -e "$root/usr/share/doc/fieldkit" ] || fail "purge left /usr/share/doc/fieldkit"
[ -e "$root/root/.local/share/fieldkit/library.json" ] || fail "the reader's data in the home directory went with the package"
echo "fresh-check deb: purge removed all $(wc -l <"$root/files") listed paths; ~/.local/share/fieldkit stays"
echo "fresh-check deb: .deb $(stat -c %s "$deb") bytes, installed size $(dpkg-deb -f "$deb" Installed-Size) KiB," \
    "apt-get install to first search $(secs "$start" "$first_search") s"
