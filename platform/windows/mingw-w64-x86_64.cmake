# CMake toolchain file: cross-build for 64-bit Windows with Debian's MinGW-w64 (GCC, POSIX
# threads: g++-mingw-w64-x86-64-posix), against the dependencies built by build-deps.sh.
#   cmake -S . -B build-win -DCMAKE_TOOLCHAIN_FILE=platform/windows/mingw-w64-x86_64.cmake \
#         -DFIELDKIT_WIN_DEPS=$(platform/windows/build-deps.sh --print-prefix)
# FIELDKIT_WIN_DEPS may also come from the environment. Everything is linked statically
# (libgcc, libstdc++, winpthreads and the dependencies), so the .exe needs no DLL beside it.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(_fk_triple x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${_fk_triple}-gcc-posix)
set(CMAKE_CXX_COMPILER ${_fk_triple}-g++-posix)
set(CMAKE_RC_COMPILER ${_fk_triple}-windres)
set(CMAKE_AR ${_fk_triple}-ar CACHE FILEPATH "")
set(CMAKE_RANLIB ${_fk_triple}-ranlib CACHE FILEPATH "")
set(CMAKE_STRIP ${_fk_triple}-strip CACHE FILEPATH "")
set(CMAKE_OBJDUMP ${_fk_triple}-objdump CACHE FILEPATH "")

# The dependency prefix: a cache variable, else the environment (try_compile projects see the
# environment only, so it is exported again below).
if(NOT FIELDKIT_WIN_DEPS AND DEFINED ENV{FIELDKIT_WIN_DEPS})
  set(FIELDKIT_WIN_DEPS "$ENV{FIELDKIT_WIN_DEPS}")
endif()
set(FIELDKIT_WIN_DEPS "${FIELDKIT_WIN_DEPS}" CACHE PATH "Windows dependency prefix made by platform/windows/build-deps.sh")
if(NOT FIELDKIT_WIN_DEPS)
  message(FATAL_ERROR "Set FIELDKIT_WIN_DEPS to the prefix printed by platform/windows/build-deps.sh")
endif()
# (build-deps.sh itself builds the dependencies with this file while the prefix fills up.)
if(NOT FIELDKIT_WIN_DEPS_BUILDING AND NOT EXISTS "${FIELDKIT_WIN_DEPS}/.fieldkit-deps-complete")
  message(FATAL_ERROR "${FIELDKIT_WIN_DEPS} is not a finished dependency prefix: run platform/windows/build-deps.sh")
endif()
set(ENV{FIELDKIT_WIN_DEPS} "${FIELDKIT_WIN_DEPS}")
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES FIELDKIT_WIN_DEPS FIELDKIT_WIN_DEPS_BUILDING)

# Libraries, headers and CMake packages come from the prefix (and the MinGW-w64 runtime);
# programs run during the build are the build machine's own.
set(CMAKE_FIND_ROOT_PATH "${FIELDKIT_WIN_DEPS}" /usr/${_fk_triple})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Static archives first: the MinGW-w64 runtime also has import libraries (libz.dll.a).
set(CMAKE_FIND_LIBRARY_SUFFIXES .a .lib .dll.a)

# pkg-config sees the prefix's .pc files and nothing of the build machine's.
set(ENV{PKG_CONFIG_LIBDIR} "${FIELDKIT_WIN_DEPS}/lib/pkgconfig:${FIELDKIT_WIN_DEPS}/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")
set(PKG_CONFIG_ARGN --static CACHE STRING "Static libraries: pkg-config lists their own dependencies too")

# One .exe without MinGW runtime DLLs (libgcc_s_seh-1, libstdc++-6, libwinpthread-1).
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-static-libgcc -static-libstdc++")
set(CMAKE_MODULE_LINKER_FLAGS_INIT "-static-libgcc -static-libstdc++")

# Programs built for Windows run under wine64 when the build runs them (tests, generators).
find_program(FIELDKIT_WINE NAMES wine wine64 PATHS /usr/lib/wine NO_CMAKE_FIND_ROOT_PATH)
if(FIELDKIT_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${FIELDKIT_WINE}")
endif()
