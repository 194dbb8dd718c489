#!/bin/sh
# Configures and builds mingle in ./build (Release). Extra arguments go to CMake's configure step.
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build -j"$(nproc)"
