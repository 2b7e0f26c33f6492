#!/usr/bin/env bash
# Builds the whole project and its tests with AddressSanitizer and UndefinedBehaviorSanitizer
# (build-asan/) and runs every test there.
set -euo pipefail
cd "$(dirname "$0")/.."
# Unoptimized and without debug info (half the compile time of -g; the reports name the
# functions, UBSan's the lines too), the end-to-end suite left out (see below).
if [ ! -f build-asan/CMakeCache.txt ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG= -DCAREERMAP_SANITIZE=ON \
    -DCAREERMAP_E2E_TESTS=OFF >/dev/null
fi
cmake --build build-asan -- --quiet
# The library suites run under the sanitizers. The end-to-end suite (the real program, hundreds of
# runs, CSVs of 100+ MB) takes far too long in this Debug+ASan build for CI and runs in the
# Release pass and is not built here; to run it under the sanitizers by hand, configure another
# folder with -DCAREERMAP_SANITIZE=ON (and -DCMAKE_BUILD_TYPE=Debug for lines) and run
# ctest -R e2e_tests there.
# Leaks inside Debian's libraries that upstream has fixed are listed, with why, in tools/lsan.supp.
# The privacy property test's random archives: 300 here (1,000 in the Release pass), enough to
# drive every path under the sanitizers at a third of the time.
CM_ROUNDS=300 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions="$PWD/tools/lsan.supp" UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -E e2e_tests -j"$(nproc)"
