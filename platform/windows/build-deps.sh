#!/usr/bin/env bash
# Builds fieldkit's dependencies for 64-bit Windows (x86_64-w64-mingw32) from the source
# tarballs that fetch-sources.sh fetched and checked, as static libraries, into a prefix in the
# cache directory outside the tree. The prefix's name carries a hash of deps.lock, this script,
# the toolchain file and the compiler's version, so changing any of them builds a new prefix.
#   platform/windows/build-deps.sh                 build what is missing, print the prefix
#   platform/windows/build-deps.sh --print-prefix  print the prefix only (built or not)
# FIELDKIT_WIN_CACHE: the cache directory (default ${XDG_CACHE_HOME:-~/.cache}/fieldkit-windows).
# FIELDKIT_WIN_JOBS: parallel jobs (default: the number of cores).
# Each dependency logs to <cache>/deps-<hash>/logs/<name>.log, is built in a scratch folder and
# copied into the prefix only when it built, then stamped: a killed run is simply run again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lock=$here/deps.lock
toolchain=$here/mingw-w64-x86_64.cmake
cache=${FIELDKIT_WIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fieldkit-windows}
sources=$cache/sources
triple=x86_64-w64-mingw32
export CC=$triple-gcc-posix CXX=$triple-g++-posix AR=$triple-ar RANLIB=$triple-ranlib \
       STRIP=$triple-strip WINDRES=$triple-windres RC=$triple-windres

command -v "$CXX" >/dev/null || { echo "build-deps: $CXX missing: apt-get install the packages in platform/windows/packages.txt" >&2; exit 1; }
key=$({ cat "$lock" "$0" "$toolchain"; "$CXX" --version | head -n 1; } | sha256sum | cut -c1-16)
root=$cache/deps-$key
prefix=$root/prefix
if [ "${1:-}" = --print-prefix ]; then echo "$prefix"; exit 0; fi

for tool in cmake make tclsh autoreconf pkg-config; do
    command -v "$tool" >/dev/null || { echo "build-deps: $tool missing: apt-get install the packages in platform/windows/packages.txt" >&2; exit 1; }
done
jobs=${FIELDKIT_WIN_JOBS:-$(nproc)}
logs=$root/logs stamps=$root/stamps work=$root/work
mkdir -p "$prefix" "$logs" "$stamps" "$work"
exec 9>"$root/.lock"
flock -n 9 || { echo "build-deps: another build-deps.sh is filling $root; waiting"; flock 9; }

# Only the host's own headers and pkg-config files would confuse a cross-build: keep them out.
export PKG_CONFIG_LIBDIR=$prefix/lib/pkgconfig:$prefix/share/pkgconfig PKG_CONFIG_PATH=
export CFLAGS="-O2" CXXFLAGS="-O2" CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib"

# The path of a source package's locked tarball (kind: orig or debian), after checking its
# SHA-256 again: the cache can be older than the lock, or touched since.
locked_tarball() {  # source-package kind
    local file sum
    read -r file sum < <(awk -v n="$1" -v k=".$2." '!/^[[:space:]]*(#|$)/ && $1 == n && index($3, k) { print $3, $4; exit }' "$lock")
    [ -n "${file:-}" ] || { echo "no $2 tarball for $1 in deps.lock" >&2; return 1; }
    [ -f "$sources/$file" ] || { echo "$sources/$file missing: run platform/windows/fetch-sources.sh" >&2; return 1; }
    [ "$(sha256sum "$sources/$file" | cut -d' ' -f1)" = "$sum" ] ||
        { echo "$file does not match its SHA-256 in deps.lock: run platform/windows/fetch-sources.sh" >&2; return 1; }
    echo "$sources/$file"
}

unpack() {  # source-package: its .orig tarball into ./src
    local tarball
    tarball=$(locked_tarball "$1" orig)
    mkdir src
    tar -xf "$tarball" -C src --strip-components=1
}

# Applies the named patches of Debian's packaging (the security fixes the Linux build has) to
# ./src, in the order given; a patch that does not apply fails the build.
debian_patches() {  # source-package, then patch names
    local tarball p
    tarball=$(locked_tarball "$1" debian)
    shift
    mkdir debian-pkg
    tar -xf "$tarball" -C debian-pkg debian/patches
    for p in "$@"; do
        patch -d src -p1 --batch --forward <"debian-pkg/debian/patches/$p"
    done
}

# A CMake project configured with the toolchain file, built, and installed into the stage.
cmake_build() {  # source dir, then -D options
    local dir=$1; shift
    cmake -S "$dir" -B bld -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
        -DFIELDKIT_WIN_DEPS="$prefix" -DFIELDKIT_WIN_DEPS_BUILDING=ON \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib \
        -DCMAKE_PREFIX_PATH="$prefix" -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF "$@"
    cmake --build bld -j "$jobs"
    DESTDIR=$stage cmake --install bld
}

# An autotools project, configured for the target with static libraries only.
configure_host() {  # configure script, then its options
    local script=$1; shift
    "$script" --host=$triple --build="$(gcc -dumpmachine)" --prefix="$prefix" \
        --disable-shared --enable-static "$@"
}

licence() {  # name, then files in the source tree (joined into one text)
    local name=$1; shift
    mkdir -p "$stage$prefix/licenses"
    for f in "$@"; do cat "$f"; echo; done >"$stage$prefix/licenses/$name.txt"
}

# A pkg-config file written here, for libraries whose build has none (or none for Windows).
write_pc() {  # name, then its lines after the prefix ones
    local name=$1; shift
    mkdir -p "$stage$prefix/lib/pkgconfig"
    { echo "prefix=$prefix"; echo 'libdir=${prefix}/lib'; echo 'includedir=${prefix}/include'; echo
      printf '%s\n' "$@"; } >"$stage$prefix/lib/pkgconfig/$name.pc"
}

# --- the dependencies, in build order -------------------------------------------------------

build_zlib() {  # Debian's own MinGW build of zlib (libz-mingw-w64-dev), copied into the prefix
    local sys=/usr/$triple
    [ -f $sys/lib/libz.a ] || { echo "libz-mingw-w64-dev is not installed"; return 1; }
    mkdir -p "$stage$prefix/include" "$stage$prefix/lib/pkgconfig"
    cp $sys/include/zlib.h $sys/include/zconf.h "$stage$prefix/include/"
    cp $sys/lib/libz.a "$stage$prefix/lib/"  # not libz.dll.a: zlib is linked in
    sed "s|^prefix=.*|prefix=$prefix|" $sys/lib/pkgconfig/zlib.pc >"$stage$prefix/lib/pkgconfig/zlib.pc"
    licence zlib /usr/share/doc/libz-mingw-w64-dev/copyright
}

build_zstd() {
    unpack libzstd
    cmake_build src/build/cmake -DZSTD_BUILD_SHARED=OFF -DZSTD_BUILD_STATIC=ON \
        -DZSTD_BUILD_PROGRAMS=OFF -DZSTD_BUILD_TESTS=OFF -DZSTD_BUILD_CONTRIB=OFF
    licence zstd src/LICENSE
}

# SQLite: the amalgamation is made from the full source tree with tclsh (a native configure
# and `make sqlite3.c`), then compiled for Windows with the compile options Debian 12 builds
# libsqlite3 with (`PRAGMA compile_options` on the Linux build), so SQL behaves the same; FTS5
# with the porter and unicode61 tokenizers is what kit/core/index_builder.cpp needs.
sqlite_options=(
    -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ENABLE_FTS3
    -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_FTS3_TOKENIZER -DSQLITE_ENABLE_FTS4
    -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_ENABLE_PREUPDATE_HOOK
    -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_STMTVTAB
    -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT -DSQLITE_LIKE_DOESNT_MATCH_BLOBS
    -DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_MAX_VARIABLE_NUMBER=250000 -DSQLITE_OMIT_LOOKASIDE
    -DSQLITE_SECURE_DELETE -DSQLITE_SOUNDEX -DSQLITE_THREADSAFE=1 -DSQLITE_USE_URI=1
)
build_sqlite3() {
    unpack sqlite3
    debian_patches sqlite3 41-fix_a_bug_in_the_NOT_NULL-IS_NULL_optimization.patch 42-CVE-2025-6965.patch \
        0001-Fix-a-buffer-overread-in-the-sessions-extension-that.patch \
        0002-Avoid-a-stack-overflow-that-could-be-caused-by-a-rec.patch \
        0003-Fix-a-technically-undefined-signed-integer-overflow-.patch
    mkdir amalg
    # The parser is generated with the UPDATE/DELETE LIMIT grammar, as Debian's is.
    (cd amalg && CC=gcc CFLAGS=-O2 CPPFLAGS= LDFLAGS= ../src/configure --disable-tcl \
        --enable-update-limit --enable-fts5 && make sqlite3.c)
    local version
    version=$(cat src/VERSION)
    "$CC" -O2 "${sqlite_options[@]}" -c amalg/sqlite3.c -o sqlite3.o
    mkdir -p "$stage$prefix/lib" "$stage$prefix/include"
    "$AR" rcs "$stage$prefix/lib/libsqlite3.a" sqlite3.o
    cp amalg/sqlite3.h src/src/sqlite3ext.h "$stage$prefix/include/"
    write_pc sqlite3 "Name: SQLite" "Description: SQL database engine (FTS5; Debian 12's compile options)" \
        "Version: $version" 'Libs: -L${libdir} -lsqlite3' 'Cflags: -I${includedir}'
    licence sqlite3 src/LICENSE.md
}

build_libsodium() {
    unpack libsodium
    debian_patches libsodium CVE-2025-69277.patch
    (cd src && autoreconf -fi)
    # No stack protector: on MinGW it needs libssp, one more runtime to ship.
    (cd src && configure_host ./configure --disable-ssp --disable-dependency-tracking)
    make -C src -j "$jobs"
    make -C src install DESTDIR="$stage"
    # A static libsodium on Windows needs SODIUM_STATIC, or its header asks for dllimport.
    sed -i 's|^Cflags: \(.*\)|Cflags: \1 -DSODIUM_STATIC|' "$stage$prefix/lib/pkgconfig/libsodium.pc"
    licence libsodium src/LICENSE
}

# libcurl: HTTP and HTTPS only, TLS by Schannel (Windows' own, with Windows' certificate
# store), gzip by zlib, no OpenSSL, LDAP, SSH, IDN, PSL, HTTP/2 or cookies; with the CVE
# fixes Debian 12 has backported to 7.88.1.
build_curl() {
    unpack curl
    # Debian's series lists its CVE fixes between these two comments (the rest is packaging).
    local series
    series=$(tar -xOf "$(locked_tarball curl debian)" debian/patches/series |
             sed -n '/^# CVE fixes/,/^# Do not add patches below/p' | grep -vE '^[[:space:]]*(#|$)')
    # shellcheck disable=SC2086  # one patch name per word
    debian_patches curl $series
    cmake_build src -DBUILD_CURL_EXE=OFF -DENABLE_MANUAL=OFF -DCURL_ENABLE_EXPORT_TARGET=ON \
        -DCURL_USE_SCHANNEL=ON -DCURL_USE_OPENSSL=OFF -DCURL_ENABLE_SSL=ON -DCURL_WINDOWS_SSPI=ON \
        -DCURL_CA_BUNDLE=none -DCURL_CA_PATH=none \
        -DCURL_ZLIB=ON -DZLIB_INCLUDE_DIR="$prefix/include" -DZLIB_LIBRARY="$prefix/lib/libz.a" \
        -DHTTP_ONLY=ON -DCURL_DISABLE_LDAP=ON -DCURL_DISABLE_LDAPS=ON -DUSE_WIN32_LDAP=OFF \
        -DCURL_DISABLE_COOKIES=ON -DCURL_DISABLE_NETRC=ON -DENABLE_UNIX_SOCKETS=OFF \
        -DCURL_USE_LIBSSH2=OFF -DCURL_USE_LIBSSH=OFF -DCURL_USE_GSSAPI=OFF -DUSE_LIBIDN2=OFF \
        -DUSE_WIN32_IDN=OFF -DCURL_USE_LIBPSL=OFF -DUSE_NGHTTP2=OFF -DCURL_BROTLI=OFF -DCURL_ZSTD=OFF
    # CMake's libcurl.pc lists the compiler's own runtime libraries and zlib by absolute path;
    # keep the Windows libraries libcurl needs. (CURL::libcurl from CURLConfig.cmake is clean.)
    local pc=$stage$prefix/lib/pkgconfig/libcurl.pc
    grep -q -- '-DCURL_STATICLIB' "$pc" || sed -i 's|^Cflags: \(.*\)|Cflags: \1 -DCURL_STATICLIB|' "$pc"
    sed -i -e 's|^Libs: .*|Libs: -L${libdir} -lcurl|' \
        -e 's|^Libs.private: .*|Libs.private: -lz -lws2_32 -lwinmm -ladvapi32 -lcrypt32 -lbcrypt|' "$pc"
    licence curl src/COPYING
}

build_md4c() {
    unpack md4c
    cmake_build src
    licence md4c src/LICENSE.md
}

build_yaml_cpp() {
    unpack yaml-cpp
    cmake_build src -DYAML_BUILD_SHARED_LIBS=OFF -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF
    licence yaml-cpp src/LICENSE
}

build_fribidi() {  # the library only (not the fribidi program or its docs)
    unpack fribidi
    debian_patches fribidi CVE-2022-25308.patch CVE-2022-25309.patch CVE-2022-25310.patch
    (cd src && configure_host ./configure --disable-dependency-tracking)
    make -C src/lib -j "$jobs"
    make -C src/lib install DESTDIR="$stage"
    make -C src install-pkgconfigDATA DESTDIR="$stage"
    licence fribidi src/COPYING
}

build_glfw() {
    unpack glfw3
    cmake_build src -DGLFW_BUILD_EXAMPLES=OFF -DGLFW_BUILD_TESTS=OFF -DGLFW_BUILD_DOCS=OFF
    licence glfw src/LICENSE.md
}

# stb: the headers in include/stb (as libstb-dev has them) and a libstb.a with the
# implementations fieldkit and Dear ImGui may use.
build_stb() {
    unpack libstb
    mkdir -p "$stage$prefix/include/stb" "$stage$prefix/lib"
    cp src/*.h "$stage$prefix/include/stb/"
    local lib objs=()
    for lib in image image_write image_resize rect_pack truetype sprintf ds; do
        local macro
        macro=STB_$(echo "$lib" | tr a-z A-Z)_IMPLEMENTATION
        [ "$lib" = ds ] && macro=STB_DS_IMPLEMENTATION
        printf '#define %s\n#include "stb_%s.h"\n' "$macro" "$lib" >"stb_$lib.c"
        "$CC" -O2 -Isrc -c "stb_$lib.c" -o "stb_$lib.o"
        objs+=("stb_$lib.o")
    done
    "$AR" rcs "$stage$prefix/lib/libstb.a" "${objs[@]}"
    write_pc stb "Name: stb" "Description: single-file image libraries for C/C++" "Version: 0.0" \
        'Libs: -L${libdir} -lstb' 'Cflags: -I${includedir}/stb'
    licence stb src/LICENSE
}

# Dear ImGui: Debian's libimgui-dev is a static libimgui.a with the headers in include/imgui
# and the backends in include/imgui/backends. Here: the core, imgui_stdlib and the GLFW,
# OpenGL 2 and OpenGL 3 backends that kit/ui uses, and an imgui.pc like Debian's.
build_imgui() {
    unpack imgui
    local files=(imgui imgui_draw imgui_tables imgui_widgets imgui_demo misc/cpp/imgui_stdlib
                 backends/imgui_impl_glfw backends/imgui_impl_opengl2 backends/imgui_impl_opengl3)
    local f objs=()
    for f in "${files[@]}"; do
        "$CXX" -O2 -Isrc -I"$prefix/include" -c "src/$f.cpp" -o "$(basename "$f").o"
        objs+=("$(basename "$f").o")
    done
    local inc=$stage$prefix/include/imgui
    mkdir -p "$inc/backends" "$stage$prefix/lib"
    "$AR" rcs "$stage$prefix/lib/libimgui.a" "${objs[@]}"
    cp src/imgui.h src/imconfig.h src/imgui_internal.h src/imstb_*.h src/misc/cpp/imgui_stdlib.h "$inc/"
    cp src/backends/imgui_impl_glfw.h src/backends/imgui_impl_opengl2.h \
       src/backends/imgui_impl_opengl3.h src/backends/imgui_impl_opengl3_loader.h "$inc/backends/"
    # imm32: the Windows IME functions imgui.cpp uses; opengl32 and gdi32: the OpenGL backends.
    write_pc imgui "Name: imgui" "Description: Dear ImGui with the GLFW and OpenGL 2/3 backends" \
        "Version: 1.86" "Requires: stb glfw3" 'Libs: -L${libdir} -limgui' \
        'Libs.private: -lopengl32 -lgdi32 -limm32' 'Cflags: -I${includedir}/imgui'
    licence imgui src/LICENSE.txt
}

build_qrencode() {
    unpack qrencode
    cmake_build src -DWITH_TOOLS=OFF -DWITH_TESTS=OFF
    licence qrencode src/COPYING
}

# GNU gettext's libintl alone (gettext-runtime/intl), static, without iconv: fieldkit's
# catalogs are UTF-8 and it asks for UTF-8 (bind_textdomain_codeset).
build_intl() {
    unpack gettext
    (cd src/gettext-runtime && am_cv_func_iconv=no configure_host ./configure \
        --disable-dependency-tracking --enable-nls --with-included-gettext --disable-java \
        --disable-csharp --disable-libasprintf --disable-c++ --disable-openmp \
        --without-libiconv-prefix --without-libintl-prefix --disable-rpath)
    make -C src/gettext-runtime/intl -j "$jobs"
    make -C src/gettext-runtime/intl install DESTDIR="$stage"
    rm -f "$stage$prefix/lib/charset.alias"
    write_pc intl "Name: intl" "Description: GNU gettext's libintl (static, no iconv)" \
        "Version: 0.21" 'Libs: -L${libdir} -lintl' 'Cflags: -I${includedir}'
    licence intl src/gettext-runtime/intl/COPYING.LIB
}

build_nlohmann_json() {
    unpack nlohmann-json3
    cmake_build src -DJSON_BuildTests=OFF -DJSON_Install=ON
    licence nlohmann-json src/LICENSE.MIT
}

build_doctest() {
    unpack doctest
    cmake_build src -DDOCTEST_WITH_TESTS=OFF -DDOCTEST_WITH_MAIN_IN_STATIC_LIB=OFF
    licence doctest src/LICENSE.txt
}

steps=(zlib zstd sqlite3 libsodium curl md4c yaml_cpp fribidi glfw stb imgui qrencode intl
       nlohmann_json doctest)

# --- running the steps -----------------------------------------------------------------------

run_step() {  # number, name
    local n=$1 name=$2 dir=$work/$2 t0 status=0
    if [ -f "$stamps/$name" ]; then
        echo "build-deps: [$n/${#steps[@]}] $name: already built"
        return
    fi
    t0=$(date +%s)
    rm -rf "$dir"
    mkdir -p "$dir"
    stage=$dir/stage
    # In its own shell with -e, not under `||` (which would switch -e off inside).
    set +e
    (set -e; cd "$dir"; set -x; "build_$name") >"$logs/$name.log" 2>&1
    status=$?
    set -e
    if [ "$status" != 0 ]; then
        echo "build-deps: [$n/${#steps[@]}] $name FAILED; last lines of $logs/$name.log:" >&2
        tail -n 25 "$logs/$name.log" >&2
        exit 1
    fi
    find "$stage" -name "*.la" -delete  # libtool archives: absolute paths, not needed
    cp -a "$stage$prefix/." "$prefix/"
    rm -rf "$dir"
    touch "$stamps/$name"
    echo "build-deps: [$n/${#steps[@]}] $name: built in $(($(date +%s) - t0)) s (log: $logs/$name.log)"
}

start=$(date +%s)
rm -f "$prefix/.fieldkit-deps-complete"
i=0
for name in "${steps[@]}"; do
    i=$((i + 1))
    run_step "$i" "$name"
done

# What went into the prefix, for the licence notes of a Windows zip.
mkdir -p "$prefix/share"
{
    echo "# fieldkit's Windows dependencies: source package, Debian version, tarball, SHA-256"
    grep -vE '^[[:space:]]*(#|$)' "$lock"
    echo "libz-mingw-w64-dev $(dpkg-query -W -f='${Version}' libz-mingw-w64-dev 2>/dev/null || echo '?') (Debian's binary package) -"
} >"$prefix/share/fieldkit-windows-deps.txt"
touch "$prefix/.fieldkit-deps-complete"
echo "build-deps: done in $(($(date +%s) - start)) s; prefix ($(du -sh "$prefix" | cut -f1)):"
echo "$prefix"
