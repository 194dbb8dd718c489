#!/bin/sh
# The second README command: install what is missing, build, and run every test with CTest.
# GUI tests that need a window run under xvfb-run.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
xvfb-run -a -s '-screen 0 1280x800x24' ctest --output-on-failure -j"$(nproc)"
