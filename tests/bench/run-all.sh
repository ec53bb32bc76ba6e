#!/bin/bash
# One benchmark run, one table: fieldkit beside tar + zstd/xz, a Kiwix ZIM (zimwriterfs with
# its full-text index) and kiwix-search, on the same articles in the same run; search and
# install at 1,000 / 20,000 / 100,000 generated articles; bytes on the wire of a real
# `fieldkit sync` from nginx on 127.0.0.1; the window beside a bare GLFW + ImGui window.
# Progress goes to stderr; the Markdown table to stdout and to -o FILE.
#
# usage: tests/bench/run-all.sh [--quick] [-o FILE] [--build-dir DIR] [--no-build] [--only PARTS]
#   --quick      1,000 and 20,000 generated articles only (the full run adds 100,000)
#   --only PARTS comma-separated subset of: size,query,scale,wire,window
#   --no-build   measure the binaries already in the build directory
# Needs (Debian): hyperfine zim-tools kiwix-tools xdelta3 zstd xz-utils nginx-light xvfb
# librsvg2-bin python3; generated articles come from $FK_GEN_CORPUS
# (default ../shared/bench/gen-md-corpus.py beside the tree); they and their bundles are kept in
# BUILD/bench-corpus/ for later runs (delete it after changing the bundle format).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build="$src/build"
out=bench-results.md
quick=0
build_first=1
only=size,query,scale,wire,window
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1 ;;
        -o) out=$2; shift ;;
        --build-dir) build=$2; shift ;;
        --only) only=$2; shift ;;
        --no-build) build_first=0 ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-all.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
gen=${FK_GEN_CORPUS:-$src/../shared/bench/gen-md-corpus.py}
queries="$here/queries.txt"
scales="1000 20000 100000"
[ $quick = 1 ] && scales="1000 20000"
wants() { case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { say "error: $*"; exit 1; }

missing=""
for p in hyperfine zimwriterfs kiwix-search xdelta3 zstd xz nginx xvfb-run rsvg-convert python3 tar; do
    command -v "$p" >/dev/null || missing="$missing $p"
done
[ -z "$missing" ] || die "missing programs:$missing (see platform/debian/packages.txt)"
wants scale && { [ -r "$gen" ] || die "no corpus generator at $gen (set FK_GEN_CORPUS)"; }

started=$(date +%s)
work=$(mktemp -d "${TMPDIR:-/tmp}/fk-bench.XXXXXX")
nginx_pid=""
cleanup() {
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
rows="$work/rows.md"
: >"$rows"

# --- Build what is measured. ---
targets="fieldkit fk_search_probe"
wants window && targets="$targets fk_ui_bench"
if [ $build_first = 1 ]; then
    say "building $targets in $build"
    [ -f "$build/CMakeCache.txt" ] || cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
    # shellcheck disable=SC2086
    cmake --build "$build" -j"$(nproc)" --target $targets >&2
fi
fk="$build/fieldkit"
probe="$build/tests/fk_search_probe"

# --- Helpers. ---
# python3 does the arithmetic and number formatting for every row.
py() { python3 - "$@"; }
row() { printf '| %s | %s | %s | %s | %s |\n' "$@" >>"$rows"; }
size() { stat -c %s "$1"; }
# A tar that depends only on the files' names and bytes, so old and new differ only by the edits.
det_tar() { tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$1" -cf "$2" .; }
query_list() { paste -sd, "$queries"; }

# Median and p95 (ms) over every run of every command in hyperfine's JSON.
pooled() {
    py "$1" <<'EOF'
import json, sys
t = sorted(x * 1000 for r in json.load(open(sys.argv[1]))["results"] for x in r["times"])
at = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print("%.2f %.2f %d" % (at(0.5), at(0.95), len(t)))
EOF
}

# Cold `fieldkit search` over the 50 queries as whole processes: hyperfine, no shell.
cold_fieldkit() {  # DATA_DIR RUNS JSON
    hyperfine -N --style none --warmup 1 --runs "$2" -L q "$(query_list)" \
        --export-json "$3" "$fk --data-dir $1 search --json '{q}'" >/dev/null 2>>"$work/hyperfine.log"
}

# A ZIM of an HTML directory, as Kiwix users get it (full-text index included).
make_zim() {  # HTML_DIR ZIM
    zimwriterfs -w index.html -I illustration.png -l eng -t "fieldkit core library" \
        -d "fieldkit bench" -c "fieldkit project" -p "fieldkit bench" -n fieldkit_en "$1" "$2" >/dev/null 2>&1 ||
        die "zimwriterfs failed on $1"
}

# Each English article as standalone HTML from fieldkit's own renderer (`show --format html`:
# md4c, links between articles as ID.html), an index page, and a 48x48 illustration.
render_html() {  # DATA_DIR PREFIX OUT_DIR [IDS...]
    local data=$1 prefix=$2 dir=$3
    shift 3
    mkdir -p "$dir"
    for id in "$@"; do
        "$fk" --data-dir "$data" show "$prefix$id" --format html --lang en >"$dir/$id.html" 2>/dev/null ||
            die "show $prefix$id failed"
    done
}
html_index() {  # DIR
    rsvg-convert -w 48 -h 48 "$src/platform/debian/fieldkit.svg" -o "$1/illustration.png"
    {
        echo '<!doctype html><html lang="en"><meta charset="utf-8"><title>fieldkit core library</title><ul>'
        for f in "$1"/*.html; do
            b=$(basename "$f" .html)
            [ "$b" = index ] || echo "<li><a href=\"$b.html\">$b</a></li>"
        done
        echo '</ul>'
    } >"$1/index.html.new"
    mv "$1/index.html.new" "$1/index.html"
}

en_ids=$(cd "$src/content/en" && ls ./*.md | sed 's|^\./||; s|\.md$||')
en_count=$(echo "$en_ids" | wc -l)

# A kit with the built-in library only: what a user has after installing fieldkit.
core_kit="$work/kit-core"
"$fk" --data-dir "$core_kit" status >/dev/null

# The English articles as their own pack (the unit the size and update rows compare), and a key.
"$fk" bundle keygen -W -p "$work/bench.pub" -s "$work/bench.sec" >/dev/null
en_src="$work/en-v1"
mkdir -p "$en_src"
cp "$src/content/kit.yaml" "$en_src/"
cp -r "$src/content/en" "$en_src/en"
sed -i 's/^pack: .*/pack: bench-en/' "$en_src/kit.yaml"
"$fk" bundle build "$en_src" -o "$work/en-v1.fkb" -s "$work/bench.sec" --version 1 >/dev/null 2>&1 ||
    die "bundle build of the English articles failed"
det_tar "$en_src" "$work/en-v1.tar"
zim_html="$work/html-v1"
if wants size || wants query || wants wire; then
    say "rendering $en_count English articles as HTML and building a ZIM with zimwriterfs"
    # shellcheck disable=SC2086
    render_html "$core_kit" "" "$zim_html" $en_ids
    html_index "$zim_html"
    make_zim "$zim_html" "$work/en-v1.zim"
fi

# --- Size: the same English Markdown as a bundle, tar + zstd, tar + xz, and a ZIM. ---
if wants size; then
    say "size"
    zstd -19 --long=27 -q -c "$work/en-v1.tar" >"$work/en-v1.tar.zst"
    xz -9e -c "$work/en-v1.tar" >"$work/en-v1.tar.xz"
    py "$(size "$work/en-v1.fkb")" "$(size "$work/en-v1.tar.zst")" "$(size "$work/en-v1.tar.xz")" \
        "$(size "$work/en-v1.zim")" "$en_count" >>"$rows" <<'EOF'
import sys
b, z, x, zim, n = map(int, sys.argv[1:])
print(f"| size of the {n} English articles: bundle `.fkb` vs `tar` through `zstd -19 --long=27` "
      f"| {b:,} B | {z:,} B | {b/z:.2f}× | ≤ 1.10×: {'met' if b/z <= 1.10 else 'missed'} |")
print(f"| … vs `tar` through `xz -9e` | {b:,} B | {x:,} B | {b/x:.2f}× | |")
print(f"| … vs a ZIM (`zimwriterfs`, full-text index) | {b:,} B | {zim:,} B | {b/zim:.2f}× | |")
EOF
fi

# --- Cold query: whole processes, fieldkit (built-in library) vs kiwix-search (ZIM). ---
if wants query; then
    runs=$([ $quick = 1 ] && echo 10 || echo 20)
    say "cold query: 50 queries × $runs runs each, fieldkit search and kiwix-search (hyperfine)"
    cold_fieldkit "$core_kit" "$runs" "$work/q-fk.json"
    hyperfine -N --style none --warmup 1 --runs "$runs" -L q "$(query_list)" \
        --export-json "$work/q-kiwix.json" "kiwix-search $work/en-v1.zim '{q}'" >/dev/null 2>>"$work/hyperfine.log"
    hits_fk=0 hits_kx=0
    while IFS= read -r q; do
        [ "$("$fk" --data-dir "$core_kit" search --json "$q")" != "[]" ] && hits_fk=$((hits_fk + 1))
        [ -n "$(kiwix-search "$work/en-v1.zim" "$q")" ] && hits_kx=$((hits_kx + 1))
    done <"$queries"
    read -r w50 w95 w99 _ < <("$probe" "$(ls "$core_kit"/index-*.sqlite)" "$queries" 5)
    # shellcheck disable=SC2046  # each pooled line is three numbers, passed as three arguments
    py $(pooled "$work/q-fk.json") $(pooled "$work/q-kiwix.json") "$hits_fk" "$hits_kx" "$runs" \
        "$w50" "$w95" "$w99" >>"$rows" <<'EOF'
import sys
fm, fp, fn, km, kp, kn, hf, hk, runs, w50, w95, w99 = map(float, sys.argv[1:])
met = lambda ok: "met" if ok else "missed"
print(f"| search in process, warm, built-in library, p50 / p95 / p99 (every prefix of the 50 queries, as typed) "
      f"| {w50:.2f} / {w95:.2f} / {w99:.2f} ms | | | p95 ≤ 2 ms: {met(w95 <= 2)} |")
print(f"| cold query, median: `fieldkit search --json Q` (built-in library) vs `kiwix-search ZIM Q` "
      f"(50 queries × {runs:.0f} runs, whole processes) | {fm:.2f} ms | {km:.2f} ms | {fm/km:.2f}× | ≤ 0.5×: {met(fm/km <= 0.5)} |")
print(f"| cold query, p95 | {fp:.2f} ms | {kp:.2f} ms | {fp/kp:.2f}× | |")
print(f"| queries with at least one hit | {hf:.0f} / 50 | {hk:.0f} / 50 | | |")
EOF
fi

# --- Updates on the wire: a real `fieldkit sync` from nginx on 127.0.0.1. ---
if wants wire; then
    say "updates: publishing the shipped library, nginx on 127.0.0.1, fieldkit sync"
    # The whole shipped library (every language) as a pack of its own: what readers sync.
    full_src="$work/full-v1"
    cp -r "$src/content" "$full_src"
    sed -i 's/^pack: .*/pack: bench-full/' "$full_src/kit.yaml"
    "$fk" bundle build "$full_src" -o "$work/full-v1.fkb" -s "$work/bench.sec" --version 1 >"$work/full-v1.log" 2>&1 ||
        die "bundle build of the shipped library failed"
    det_tar "$full_src" "$work/full-v1.tar"
    full_count=$(grep -o '[0-9]* articles' "$work/full-v1.log" | head -1 | cut -d' ' -f1)
    mirrors="$work/mirrors"
    ngx="$work/nginx"
    mkdir -p "$mirrors/v1" "$ngx/logs" "$ngx/tmp"
    "$fk" bundle publish --mirror "$mirrors/v1" "$work/full-v1.fkb" -s "$work/bench.sec" >/dev/null 2>&1 ||
        die "bundle publish failed"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    {
        [ "$(id -u)" = 0 ] && echo "user root root;"
        echo "worker_processes 1; error_log $ngx/logs/error.log; pid $ngx/nginx.pid;"
        echo "events { worker_connections 64; }"
        echo "http { log_format wire '\$request_uri \$status \$bytes_sent \$request_length';"
        echo "  access_log $ngx/logs/access.log wire;"
        echo "  client_body_temp_path $ngx/tmp/body; proxy_temp_path $ngx/tmp/proxy; fastcgi_temp_path $ngx/tmp/fcgi;"
        echo "  uwsgi_temp_path $ngx/tmp/uwsgi; scgi_temp_path $ngx/tmp/scgi;"
        echo "  default_type application/octet-stream; keepalive_timeout 0;"
        echo "  server { listen 127.0.0.1:$port; root $mirrors; autoindex off; } }"
    } >"$ngx/nginx.conf"
    nginx -p "$ngx" -c "$ngx/nginx.conf" -g 'daemon off;' 2>>"$ngx/logs/error.log" &
    nginx_pid=$!
    for _ in $(seq 50); do
        python3 -c "import socket; socket.create_connection(('127.0.0.1',$port),0.2)" 2>/dev/null && break
        sleep 0.1
    done
    wire_bytes() { awk '{s += $3 + $4} END {print s + 0}' "$ngx/logs/access.log"; }
    reset_log() { : >"$ngx/logs/access.log"; }  # nginx appends (O_APPEND), so truncating is enough
    reader="$work/reader-v1"
    "$fk" --data-dir "$reader" trust add "$work/bench.pub" >/dev/null
    "$fk" --data-dir "$reader" sync --mirror "http://127.0.0.1:$port/v1/" --yes >/dev/null 2>&1 ||
        die "first sync failed: $(cat "$ngx/logs/error.log")"
    # A check that finds nothing new: the kit already has v1 and the mirror's list with its ETag.
    reset_log
    "$fk" --data-dir "$reader" sync >/dev/null 2>&1 || die "no-update sync failed"
    noupdate=$(wire_bytes)
    : >"$work/wire.tsv"
    for n in 1 10 100; do
        say "updates: $n edited English article(s)"
        v2="$work/full-v2-$n"
        cp -r "$full_src" "$v2"
        edited=$(py "$v2/en" "$n" <<'EOF'
import datetime, os, random, re, sys
d, n = sys.argv[1], int(sys.argv[2])
ids = sorted(f[:-3] for f in os.listdir(d) if f.endswith(".md"))
for i in random.Random(42).sample(ids, n):
    p = os.path.join(d, i + ".md")
    text = open(p, encoding="utf-8").read()
    text = re.sub(r"^updated: .*$", "updated: " + datetime.date.today().isoformat(), text, count=1, flags=re.M)
    at = text.find("\n\n", len(text) // 2)
    at = len(text) if at < 0 else at
    text = (text[:at] + "\n\nRevised after the field review: confirm the fallback path and the out-of-band "
            "contact list before the next outage window." + text[at:])
    open(p, "w", encoding="utf-8").write(text)
    print(i)
EOF
        )
        "$fk" bundle build "$v2" -o "$work/full-v2-$n.fkb" -s "$work/bench.sec" --version 2 >/dev/null 2>&1 ||
            die "bundle build of v2 ($n edits) failed"
        cp -r "$mirrors/v1" "$mirrors/e$n"
        "$fk" bundle publish --mirror "$mirrors/e$n" "$work/full-v2-$n.fkb" -s "$work/bench.sec" >/dev/null 2>&1 ||
            die "bundle publish of v2 ($n edits) failed"
        kit="$work/reader-e$n"
        cp -a "$reader" "$kit"
        reset_log
        "$fk" --data-dir "$kit" sync --mirror "http://127.0.0.1:$port/e$n/" >/dev/null 2>&1 ||
            die "sync of $n edits failed"
        wire=$(wire_bytes)
        "$fk" --data-dir "$kit" status 2>/dev/null | grep -q 'bench-full.*2' || say "warning: kit did not reach version 2"
        # What a Kiwix user would fetch: the whole new ZIM, with the edited articles re-rendered.
        cp -r "$zim_html" "$work/html-e$n"
        # shellcheck disable=SC2086
        render_html "$kit" "bench-full/" "$work/html-e$n" $edited
        make_zim "$work/html-e$n" "$work/en-e$n.zim"
        det_tar "$v2" "$work/full-v2-$n.tar"
        zstd -q -19 --long=27 --single-thread --patch-from="$work/full-v1.tar" "$work/full-v2-$n.tar" \
            -o "$work/zp-$n.zst" 2>/dev/null
        xdelta3 -9 -e -f -s "$work/full-v1.tar" "$work/full-v2-$n.tar" "$work/xt-$n.vcdiff"
        xdelta3 -9 -e -f -s "$work/full-v1.fkb" "$work/full-v2-$n.fkb" "$work/xb-$n.vcdiff"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$wire" "$(size "$work/full-v2-$n.fkb")" "$(size "$work/en-e$n.zim")" \
            "$(size "$work/zp-$n.zst")" "$(size "$work/xt-$n.vcdiff")" "$(size "$work/xb-$n.vcdiff")" >>"$work/wire.tsv"
        rm -rf "$kit" "$work/html-e$n" "$v2"
    done
    kill "$nginx_pid" && wait "$nginx_pid" 2>/dev/null || true
    nginx_pid=""
    py "$work/wire.tsv" "$noupdate" "$full_count" >>"$rows" <<'EOF'
import sys
first = True
met = lambda ok: "met" if ok else "missed"
goals = {1: 1.0, 10: 2.0}
for l in open(sys.argv[1]):
    n, wire, fkb, zim, zp, xt, xb = map(int, l.split())
    pct = 100 * wire / fkb
    goal = f"≤ {goals[n]:g} % of the bundle: {met(pct <= goals[n])}" if n in goals else ""
    what = (f" (the shipped library, {sys.argv[3]} articles in 5 languages, as a pack; English articles edited)"
            if first else "")
    first = False
    print(f"| update on the wire, {n} edited article{'s' if n > 1 else ''}: `fieldkit sync` from nginx{what} "
          f"| {wire:,} B ({pct:.2f} % of the bundle) | full bundle {fkb:,} B; new ZIM (English) {zim:,} B; "
          f"`zstd --patch-from` of the tar {zp:,} B; `xdelta3` of the tar {xt:,} B, of the bundle {xb:,} B "
          f"| {wire/zim:.3f}× the ZIM, {wire/zp:.1f}× `zstd --patch-from` | {goal} |")
nu = int(sys.argv[2])
print(f"| no-update check (`fieldkit sync`, nothing new), bytes on the wire | {nu:,} B | | | < 500 B: {met(nu < 500)} |")
EOF
fi

# --- The window beside a bare GLFW + ImGui window (fk_ui_bench under Xvfb). ---
if wants window; then
    say "window: fk_ui_bench under xvfb-run (about a minute)"
    xvfb-run -a -s "-screen 0 1280x800x24" "$build/tests/fk_ui_bench" >"$work/ui.txt" 2>&1 ||
        die "fk_ui_bench failed: $(tail -3 "$work/ui.txt")"
    py "$work/ui.txt" >>"$rows" <<'EOF'
import re, sys
t = open(sys.argv[1]).read()
def two(label):
    m = re.search(re.escape(label) + r"[^\n]*?([\d.]+) (?:ms|MiB|%)\s+([\d.]+) (?:ms|MiB|%)", t)
    if not m:
        sys.exit(f"fk_ui_bench output lacks '{label}'")
    return float(m.group(1)), float(m.group(2))
met = lambda ok: "met" if ok else "missed"
a, b = two("exec to first frame")
print(f"| window: exec to first frame, fieldkit vs bare GLFW + ImGui (median of 9) | {a:.1f} ms | {b:.1f} ms | {a/b:.2f}× | ≤ 1.5×: {met(a/b <= 1.5)} |")
a, b = two("resident memory after 1 s")
print(f"| window: resident memory after 1 s | {a:.1f} MiB | {b:.1f} MiB | +{a-b:.1f} MiB | ≤ bare + 40 MiB: {met(a-b <= 40)} |")
a, b = two("idle CPU over 10 s")
print(f"| window: idle CPU over 10 s | {a:.2f} % | {b:.2f} % | | ≤ 1 %: {met(a <= 1)} |")
a, _ = two("frame CPU, 5,000 results")
c, _ = two("frame CPU, 2,000-block article")
print(f"| window: frame CPU with 5,000 results / a 2,000-block article | {a:.2f} / {c:.2f} ms | | | ≤ 4 ms: {met(max(a, c) <= 4)} |")
EOF
fi

# --- Scale: generated articles installed into a kit, searched in process and as processes. ---
if wants scale; then
    corpus_root="$build/bench-corpus"
    mkdir -p "$corpus_root"
    gen_sum=$(sha256sum "$gen" | cut -c1-12)
    # The corpora, their bundles and the key that signs them are kept between runs: generating
    # and compressing 100,000 articles takes far longer than measuring them.
    [ -f "$corpus_root/bench.sec" ] ||
        "$fk" bundle keygen -W -p "$corpus_root/bench.pub" -s "$corpus_root/bench.sec" >/dev/null
    : >"$work/scale.tsv"
    for n in $scales; do
        corpus="$corpus_root/$n-$gen_sum"
        if [ ! -f "$corpus/.complete" ]; then
            say "scale $n: generating articles (kept in $corpus for later runs)"
            rm -rf "$corpus" "$corpus.fkb"
            python3 "$gen" "$corpus" "$n"
            touch "$corpus/.complete"
        fi
        bundle="$corpus.fkb"
        (  # one build per corpus, also when two runs overlap
            flock 9
            if [ ! -f "$bundle" ]; then
                say "scale $n: bundle build (zstd -19 of the whole corpus: minutes at 100,000; kept for later runs)"
                "$fk" bundle build "$corpus" -o "$bundle" -s "$corpus_root/bench.sec" --version 1 >/dev/null 2>&1 ||
                    die "bundle build of $n articles failed"
            fi
        ) 9>"$corpus.lock" || exit 1
        kit="$work/kit-$n"
        "$fk" --data-dir "$kit" trust add "$corpus_root/bench.pub" >/dev/null
        before=$(size "$(ls "$kit"/index-*.sqlite)")
        say "scale $n: install (fieldkit import, wall time and peak memory)"
        /usr/bin/time -f '%e %M' -o "$work/time-$n" "$fk" --data-dir "$kit" import "$bundle" >/dev/null 2>&1 ||
            die "import of $n articles failed"
        read -r install_s rss_kb <"$work/time-$n"
        index_file=$(ls "$kit"/index-*.sqlite)
        after=$(size "$index_file")
        rounds=$([ "$n" -ge 100000 ] && echo 2 || echo 3)
        say "scale $n: search in process ($rounds rounds of every prefix of the 50 queries)"
        read -r p50 p95 p99 _ found < <("$probe" "$index_file" "$queries" "$rounds")
        cruns=5
        say "scale $n: cold fieldkit search (50 queries × $cruns runs)"
        cold_fieldkit "$kit" "$cruns" "$work/cold-$n.json"
        read -r c50 c95 _ < <(pooled "$work/cold-$n.json")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$p50" "$p95" "$p99" "$c50" "$c95" \
            "$install_s" "$rss_kb" "$((after - before))" "$(size "$bundle")" "$found" >>"$work/scale.tsv"
        rm -rf "$kit"
    done
    py "$work/scale.tsv" "$quick" >>"$rows" <<'EOF'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
quick = sys.argv[2] == "1"
N = [int(r[0]) for r in rows]
col = lambda i: [float(r[i]) for r in rows]
p50, p95, p99, c50, c95, inst, rss, idx, fkb, found = (col(i) for i in range(1, 11))
met = lambda ok: "met" if ok else "missed"
arrow = lambda v, f: " → ".join(f(x) for x in v)
grow = lambda v: ", ".join(f"×{b/a:.1f}" for a, b in zip(v, v[1:]))
scales = " → ".join(f"{n:,}" for n in N)
steps = ", ".join(f"×{b//a}" for a, b in zip(N, N[1:]))
big = N[-1]
for i, (n, a, b, c, f) in enumerate(zip(N, p50, p95, p99, found)):
    goal = f"p95 ≤ 10 ms: {met(b <= 10)}" if n >= 20000 else ""
    g = f"p95 ×{b/p95[i-1]:.1f} for ×{n//N[i-1]} articles" if i else ""
    print(f"| search in process, warm, p50 / p95 / p99: {n:,} generated articles "
          f"({f:.0f} / 50 queries find something) | {a:.2f} / {b:.2f} / {c:.2f} ms | | {g} | {goal} |")
print(f"| cold `fieldkit search` process, p50 / p95: {scales} articles (growth for {steps}) | "
      f"{arrow(zip(c50, c95), lambda t: f'{t[0]:.1f} / {t[1]:.1f}')} ms | | p95 {grow(c95)} | "
      f"p95 ≤ 30 ms at 100,000: {met(c95[-1] <= 30) if big >= 100000 else 'not run (--quick)'} |")
print(f"| install (`fieldkit import`: verify, unpack, build the index, commit) | {arrow(inst, lambda x: f'{x:.1f}')} s | | {grow(inst)} | |")
print(f"| peak memory of that install (max RSS) | {arrow(rss, lambda x: f'{x/1024:.0f}')} MiB | | {grow(rss)} | |")
print(f"| index on disk added by the pack vs its bundle | {arrow(idx, lambda x: f'{x/2**20:.1f}')} MiB | "
      f"{arrow(fkb, lambda x: f'{x/2**20:.1f}')} MiB | {arrow([a/b for a, b in zip(idx, fkb)], lambda x: f'{x:.1f}×')} | |")
EOF
fi

# --- The table. ---
elapsed=$(($(date +%s) - started))
commit=$(git -C "$src" log -1 --format='%h' 2>/dev/null || echo "?")
{
    echo "fieldkit $commit, $(date -u +%Y-%m-%d), $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg);" \
        "\`tests/bench/run-all.sh$([ $quick = 1 ] && echo ' --quick')\` took $((elapsed / 60)) min $((elapsed % 60)) s."
    echo
    echo "| measure | fieldkit | compared with | ratio | goal |"
    echo "|---|---:|---:|---:|---|"
    cat "$rows"
} >"$work/table.md"
cp "$work/table.md" "$out"
cat "$work/table.md"
say "table written to $out"
