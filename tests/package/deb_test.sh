#!/bin/sh
# The .deb of the release test: Debian's lintian reports no error and no warning (overrides
# in the package say why), Depends came from dpkg-shlibdeps, and every file is where a
# desktop, man and bash expect it. The systemd user unit runs `fieldkit sync --watch`, passes
# systemd-analyze, and is off: no maintainer script enables or starts it.
#   deb_test.sh RELEASE_DIR
set -eu
deb=$(ls "$1"/fieldkit_*_amd64.deb)
fail() { echo "deb: $*"; exit 1; }
lintian --fail-on error,warning --tag-display-limit 0 "$deb"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
echo "$depends" | grep -q 'libc6 (>= ' || fail "Depends not from dpkg-shlibdeps (no versioned libc6)"
# The window's libraries come from shlibdeps on fieldkit-window; libcurl, opened on first use,
# is named by hand.
echo "$depends" | grep -q 'libglfw3' || fail "Depends lacks the window's libraries (libglfw3)"
echo "$depends" | grep -q 'libcurl4 (>= ' || fail "Depends lacks libcurl4, which sync opens at run time"
echo "$depends" | tr ',' '\n' | awk '{print $1}' | grep -Ex -- '.*-dev|(gcc|g\+\+|cpp|clang|build-essential)(-[0-9]+)?' &&
    fail "Depends names a -dev package or a compiler"
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/fieldkit ./usr/libexec/fieldkit/fieldkit-window ./usr/share/applications/fieldkit.desktop ./usr/share/metainfo/fieldkit.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/fieldkit.svg ./usr/share/icons/hicolor/16x16/apps/fieldkit.png \
    ./usr/share/icons/hicolor/256x256/apps/fieldkit.png ./usr/share/man/man1/fieldkit.1.gz \
    ./usr/share/bash-completion/completions/fieldkit ./usr/share/doc/fieldkit/copyright \
    ./usr/lib/systemd/user/fieldkit-sync.service ./usr/share/locale/fr/LC_MESSAGES/fieldkit.mo \
    ./usr/share/locale/es/LC_MESSAGES/fieldkit.mo ./usr/share/locale/uk/LC_MESSAGES/fieldkit.mo \
    ./usr/share/locale/ar/LC_MESSAGES/fieldkit.mo; do
    echo "$files" | grep -qx "$f" || fail "missing $f"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp"
unit="$tmp/usr/lib/systemd/user/fieldkit-sync.service"
grep -qx 'ExecStart=/usr/bin/fieldkit sync --watch' "$unit" || fail "the user unit does not run fieldkit sync --watch"
grep -qx 'WantedBy=default.target' "$unit" || fail "the user unit cannot be enabled for the session"
grep -q 'systemctl --user enable --now fieldkit-sync' "$unit" || fail "the user unit does not say how to enable it"
command -v systemd-analyze >/dev/null || fail "systemd-analyze is missing (package systemd, platform/debian/packages.txt)"
# Checked against the unpacked binary: ExecStart's path is swapped for it.
sed "s|^ExecStart=/usr/bin/fieldkit|ExecStart=$tmp/usr/bin/fieldkit|" "$unit" >"$tmp/fieldkit-sync.service"
said=$(XDG_RUNTIME_DIR="$tmp" systemd-analyze verify --man=no --user "$tmp/fieldkit-sync.service" 2>&1) &&
    [ -z "$said" ] || fail "systemd-analyze verify on the user unit: $said"
control=$(mktemp -d)
dpkg-deb -e "$deb" "$control"
if grep -lsE 'systemctl|deb-systemd-helper|fieldkit-sync' "$control"/preinst "$control"/postinst \
    "$control"/prerm "$control"/postrm; then
    rm -rf "$control"
    fail "a maintainer script enables or starts the user unit (it must be off until the user enables it)"
fi
rm -rf "$control"
appstreamcli validate --no-net --override=cid-desktopapp-is-not-rdns=info \
    "$tmp/usr/share/metainfo/fieldkit.metainfo.xml" >/dev/null || fail "appstreamcli validate failed"
"$tmp/usr/bin/fieldkit" --version | grep -q "^fieldkit $(dpkg-deb -f "$deb" Version)\$" || fail "binary version differs"
echo "deb: $(basename "$deb"), $(stat -c %s "$deb") bytes, installed size $(dpkg-deb -f "$deb" Installed-Size) KiB"
