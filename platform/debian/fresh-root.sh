# Sourced by fresh-check.sh and fresh-deb-check.sh: a fresh copy of the pristine bookworm.
#   make_fresh_root PRISTINE MIRROR PREFIX    sets $root to a new copy under PRISTINE's
#                                             directory, with the mirror's bookworm-updates,
#                                             /proc, /sys and /dev mounted; removed on exit.
make_fresh_root() {
    root=$(mktemp -d "$(dirname "$1")/$3.XXXXXX")
    trap remove_fresh_root EXIT INT TERM
    cp -a "$1/." "$root/"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    echo "deb $2 bookworm-updates main" >>"$root/etc/apt/sources.list"
    mount -t proc proc "$root/proc"
    mount -t sysfs sys "$root/sys"
    mount --bind /dev "$root/dev"
    mount -t devpts devpts "$root/dev/pts"
    mount -t tmpfs tmpfs "$root/dev/shm"
}

remove_fresh_root() {
    for m in dev/pts dev/shm dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
    rm -rf "$root"
}
