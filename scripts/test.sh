#!/bin/sh
# The second README command: install what is missing, build, and run every test with CTest; then
# the same tests again, built with AddressSanitizer and UndefinedBehaviorSanitizer; then a short
# libFuzzer run of every parser from the kept corpus (scripts/fuzz.sh, clang).
# GUI tests that need a window run under xvfb-run.
#   MINGLE_SKIP_SANITIZERS=1 skips the second pass, MINGLE_SKIP_FUZZ=1 the fuzz run,
#   MINGLE_TEST_FUZZ_SECONDS sets its length per parser (default 10).
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
(cd build && xvfb-run -a -s '-screen 0 1280x800x24' ctest --output-on-failure -j"$(nproc)")

if [ "${MINGLE_SKIP_SANITIZERS:-0}" != 1 ]; then
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DMINGLE_SANITIZE=ON -DMINGLE_BUILD_BENCH=OFF > /dev/null
    cmake --build build-asan -j"$(nproc)"
    (cd build-asan && xvfb-run -a -s '-screen 0 1280x800x24' ctest --output-on-failure -j"$(nproc)")
fi

if [ "${MINGLE_SKIP_FUZZ:-0}" != 1 ]; then
    # The kept corpus is not changed by a test run.
    MINGLE_FUZZ_MERGE=0 MINGLE_FUZZ_JOBS="$(nproc)" scripts/fuzz.sh "${MINGLE_TEST_FUZZ_SECONDS:-10}"
fi
