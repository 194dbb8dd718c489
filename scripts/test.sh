#!/bin/sh
# The second README command: install what is missing, build, and run every test with CTest; then
# the same tests again, built with AddressSanitizer and UndefinedBehaviorSanitizer.
# GUI tests that need a window run under xvfb-run. MINGLE_SKIP_SANITIZERS=1 skips the second pass.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
(cd build && xvfb-run -a -s '-screen 0 1280x800x24' ctest --output-on-failure -j"$(nproc)")

if [ "${MINGLE_SKIP_SANITIZERS:-0}" != 1 ]; then
    # Without a display: the end-to-end screenshots need the GL driver, whose own allocations
    # LeakSanitizer would report as ours. Every headless test, the CLI and the kill tests run.
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DMINGLE_SANITIZE=ON -DMINGLE_BUILD_BENCH=OFF > /dev/null
    cmake --build build-asan -j"$(nproc)"
    (cd build-asan && env -u DISPLAY ctest --output-on-failure -j"$(nproc)")
fi
