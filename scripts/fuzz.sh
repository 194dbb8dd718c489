#!/bin/sh
# Fuzzes every parser with libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer (issue "Trust").
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 30)
#
# Installs clang and its fuzzer runtime if missing (Debian packages only), configures and builds
# build-fuzz/ with clang, and runs each target in turn for SECONDS_PER_TARGET over a copy of its
# corpus in fuzz/corpus/<target>/. New inputs are merged back into fuzz/corpus/<target>/ (minimised,
# so the corpus only grows by inputs that add coverage). Fails if any target crashes, leaks, times
# out or trips a sanitizer; the input is kept in fuzz/crashes/<target>/.
# One target runs at a time; the build uses MINGLE_FUZZ_JOBS jobs (default 2).
# MINGLE_FUZZ_MERGE=0 leaves fuzz/corpus/ as it is (for test runs that must not change the tree).
# MINGLE_FUZZ_TARGETS="fuzz_csv fuzz_vcard" runs only those (e.g. to split long runs across cores).
set -eu

seconds="${1:-30}"
case "$seconds" in
    ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2; exit 2 ;;
esac
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${MINGLE_FUZZ_BUILD_DIR:-$root/build-fuzz}"
jobs="${MINGLE_FUZZ_JOBS:-2}"
merge="${MINGLE_FUZZ_MERGE:-1}"

# ---- clang and libFuzzer -------------------------------------------------------------------------
"$root/scripts/install-deps.sh" clang libclang-rt-14-dev cmake libsqlitecpp-dev libsqlite3-dev libtomlplusplus-dev \
    nlohmann-json3-dev

# ---- build ---------------------------------------------------------------------------------------
if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DMINGLE_BUILD_FUZZ=ON -DMINGLE_BUILD_APP=OFF \
        -DMINGLE_BUILD_TESTS=OFF -DMINGLE_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" --target fuzz_all -j "$jobs" >/dev/null
targets="$(tr ';' ' ' <"$build/fuzz/targets.txt")"
for expected in fuzz_source fuzz_csv fuzz_vcard fuzz_text_list fuzz_due_dates fuzz_config fuzz_question_bank; do
    case " $targets " in
        *" $expected "*) ;;
        *) echo "WARNING: $expected is not built (see the CMake warning in $build); it is not fuzzed" >&2 ;;
    esac
done
if [ -n "${MINGLE_FUZZ_TARGETS:-}" ]; then
    for wanted in $MINGLE_FUZZ_TARGETS; do
        case " $targets " in
            *" $wanted "*) ;;
            *) echo "scripts/fuzz.sh: no target $wanted; the targets are: $targets" >&2; exit 2 ;;
        esac
    done
    targets="$MINGLE_FUZZ_TARGETS"
fi

# ---- run -----------------------------------------------------------------------------------------
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=""
for target in $targets; do
    corpus="$root/fuzz/corpus/$target"
    crashes="$root/fuzz/crashes/$target"
    mkdir -p "$corpus" "$work/$target/corpus" "$work/$target/artifacts"
    cp -R "$corpus/." "$work/$target/corpus/"
    log="$work/$target/log"
    status=0
    "$build/fuzz/$target" "$work/$target/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$work/$target/artifacts/" >"$log" 2>&1 || status=$?
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    if [ "$status" -ne 0 ] || [ -n "$(ls -A "$work/$target/artifacts")" ]; then
        mkdir -p "$crashes"
        cp "$work/$target/artifacts/"* "$crashes/" 2>/dev/null || true
        echo "FAIL $target (exit $status): input kept in fuzz/crashes/$target/"
        grep -E "ERROR|SUMMARY|runtime error|deadly signal" "$log" | head -n 5 || true
        cp "$log" "$crashes/log.txt"
        failed="$failed $target"
        continue
    fi
    # Merge what the run found back into the kept corpus: only inputs that add coverage.
    [ "$merge" = 0 ] || "$build/fuzz/$target" -merge=1 -timeout=10 -rss_limit_mb=2048 "$corpus" "$work/$target/corpus" \
        >"$work/$target/merge.log" 2>&1 || echo "note: merging the corpus of $target failed" >&2
    echo "ok   $target: ${seconds}s, ${execs:-?} runs, corpus $(ls "$corpus" | wc -l) files"
done

if [ -n "$failed" ]; then
    echo "Fuzzing found problems in:$failed" >&2
    exit 1
fi
