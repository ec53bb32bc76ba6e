#!/bin/sh
# Runs the README's set-up commands on a bare Debian 12, as a newcomer would: a minimal
# bookworm (debootstrap --variant=minbase, made once and cached outside the tree), a fresh
# copy of it for every check, a clean clone of the current commit inside, and each
# quickstart command run there as root. Prints what each step installed and how long it took;
# the whole log of each step is kept in $FK_FRESH_CACHE/last-STEP.log.
#   platform/debian/fresh-check.sh            run, test, then deb
#   platform/debian/fresh-check.sh test       only the test command
#   platform/debian/fresh-check.sh deb        only the .deb, installed as a user would
#                                             (fresh-deb-check.sh; the .deb from the test step,
#                                             else $FK_DEB, else build/release-test/ here)
# Needs root, debootstrap and the machine's Debian mirror (read from its apt sources).
# FK_FRESH_CACHE (default /var/cache/fieldkit-fresh) holds the pristine system.
set -eu
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
commit=$(git -C "$top" rev-parse HEAD)
steps=${1:-"run test deb"}
cache=${FK_FRESH_CACHE:-/var/cache/fieldkit-fresh}
pristine=$cache/bookworm
[ "$(id -u)" -eq 0 ] || { echo "fresh-check: run as root (debootstrap and chroot)" >&2; exit 2; }

# The mirror this machine already uses, so nothing else is contacted.
mirror=$(grep -rhoE '^(URIs:|deb) +https?://[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null |
         awk '{print $2}' | grep -E '/debian/?$' | head -n 1)  # Debian's archive, not a vendor's repository
[ -n "$mirror" ] || { echo "fresh-check: no Debian mirror in this machine's apt sources" >&2; exit 1; }

if [ ! -x "$pristine/usr/bin/apt-get" ]; then
    command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
    echo "fresh-check: making a minimal bookworm in $pristine (once)"
    rm -rf "$pristine.new"
    debootstrap --variant=minbase bookworm "$pristine.new" "$mirror" >/dev/null
    mv "$pristine.new" "$pristine"
fi

. "$top/platform/debian/fresh-root.sh"
make_fresh_root "$pristine" "$mirror" check

# A clean clone: only what is committed travels.
git clone -q --no-local "$top" "$root/src"
git -C "$root/src" checkout -q "$commit"
echo "fresh-check: commit $commit in a bare bookworm ($(chroot "$root" dpkg-query -W | wc -l) packages)"

status=0
for step in $steps; do
    if [ "$step" = deb ]; then
        # Its own fresh copy of the pristine system: only the .deb goes in.
        deb=$(ls "$root"/src/build/release-test/fieldkit_*.deb 2>/dev/null || true)
        [ -n "$deb" ] || deb=${FK_DEB:-$(ls "$top"/build/release-test/fieldkit_*.deb 2>/dev/null || true)}
        [ -n "$deb" ] || { echo "fresh-check: deb: no .deb (run the test step, or set FK_DEB)"; status=1; continue; }
        start=$(date +%s)
        set +e; sh "$top/platform/debian/fresh-deb-check.sh" "$pristine" "$deb" "$mirror" >"$cache/last-deb.log" 2>&1; rc=$?; set -e
        echo "fresh-check: deb: exit $rc in $(($(date +%s) - start)) s"
        sed 's/^/    /' "$cache/last-deb.log" | tail -n 25
        [ "$rc" -eq 0 ] || status=1
        continue
    fi
    chroot "$root" dpkg-query -W -f='${Package}\n' | sort >"$root/before"
    start=$(date +%s)
    if [ "$step" = run ]; then
        # No display here: the window must say so in one line; the build is what is checked.
        set +e; chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
            sh -c 'cd /src && platform/debian/quickstart.sh run' >"$root/step-$step.log" 2>&1; rc=$?; set -e
        grep -qi 'display' "$root/step-$step.log" && [ -x "$root/src/build/fieldkit" ] && rc=0
    else
        set +e; chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
            sh -c "cd /src && platform/debian/quickstart.sh $step" >"$root/step-$step.log" 2>&1; rc=$?; set -e
    fi
    chroot "$root" dpkg-query -W -f='${Package}\n' | sort >"$root/after"
    added=$(comm -13 "$root/before" "$root/after" | wc -l)
    echo "fresh-check: quickstart.sh $step: exit $rc in $(($(date +%s) - start)) s, $added packages installed"
    cp "$root/step-$step.log" "$cache/last-$step.log"
    tail -n 15 "$root/step-$step.log" | sed 's/^/    /'
    [ "$rc" -eq 0 ] || status=1
done
[ "$status" -eq 0 ] && echo "fresh-check: passed" || echo "fresh-check: FAILED"
exit "$status"
