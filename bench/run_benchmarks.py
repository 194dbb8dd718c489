#!/usr/bin/env python3
"""mingle's benchmarks, each timed side by side with a baseline and reported as a ratio.

1. Import of 100,000 participants with `mingle import` into a fresh database, against
   `sqlite3 DB -cmd '.mode csv' '.import FILE t'` on the same file (a bare copy: no detection,
   no mapping, no identity matching, no indexes). Runs alternate between the two; the median of
   each is reported, with mingle's peak memory.
2. The participants view's frame time at 100,000 rows, against the same view over a few rows.
3. Door-openers for one target among 50,000 people and 500,000 links, against the bare link query.
4. The prep board's frame at 1,000 targets (and at 10), against a bare clipped table of the rows.
5. Conversation prompts for 1,000 targets, against filling the first three templates that fit.
6. The reception's glance view at 200 targets, against the same view with one.

Usage: bench/run_benchmarks.py [--build build] [--rows 100000] [--runs 5] [--formats ...]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GENERATOR = os.path.join(ROOT, "..", "shared", "bench", "make_participants.py")
FORMATS = ["eventbrite", "linkedin", "semicolon-cp1252", "vcard"]
EXTENSIONS = {"eventbrite": "csv", "linkedin": "csv", "semicolon-cp1252": "csv", "vcard": "vcf"}


def timed(command):
    """Runs a command; returns (seconds, peak resident memory in MiB) for that process alone."""
    # stderr goes to a file: sqlite3 warns once per row on some files, which would fill a pipe.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            sys.exit(f"failed: {' '.join(command)}\n{errors.read().decode(errors='replace')[-2000:]}")
    return seconds, usage.ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--rows", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--formats", nargs="*", default=FORMATS)
    parser.add_argument("--generator", default=GENERATOR)
    args = parser.parse_args()

    mingle = os.path.join(args.build, "app", "mingle")
    frame_bench = os.path.join(args.build, "bench", "mingle_frame_bench")
    for tool in (mingle, frame_bench):
        if not os.path.exists(tool):
            sys.exit(f"{tool} is missing: build first (scripts/build.sh)")

    work = tempfile.mkdtemp(prefix="mingle-bench-")
    print(f"{args.rows:,} rows per file, median of {args.runs} alternating runs; machine: {os.cpu_count()} cores")
    print(f"{'format':<18} {'mingle s':>9} {'sqlite3 s':>10} {'ratio':>6} {'mingle peak MiB':>16}", flush=True)
    last_db = None
    for fmt in args.formats:
        data = os.path.join(work, f"{fmt}.{EXTENSIONS[fmt]}")
        subprocess.run([sys.executable, args.generator, str(args.rows), data, "--format", fmt], check=True)
        mingle_times, sqlite_times, peaks = [], [], []
        for run in range(args.runs):
            db = os.path.join(work, f"mingle-{fmt}-{run}.db")
            bare = os.path.join(work, f"sqlite-{fmt}-{run}.db")
            for path in (db, bare):
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(path + suffix):
                        os.remove(path + suffix)
            seconds, peak = timed([mingle, "--db", db, "import", "--event", "Benchmark", data])
            mingle_times.append(seconds)
            peaks.append(peak)
            seconds, _ = timed(["sqlite3", bare, "-cmd", ".mode csv", f".import {data} t"])
            sqlite_times.append(seconds)
            last_db = db
        m, s = statistics.median(mingle_times), statistics.median(sqlite_times)
        print(f"{fmt:<18} {m:>9.3f} {s:>10.3f} {m / s:>6.2f} {max(peaks):>16.1f}", flush=True)

    if last_db:
        print("\nparticipants view, headless (CPU per frame):")
        result = subprocess.run([frame_bench, last_db, "Benchmark"], check=True, capture_output=True, text=True)
        print(result.stdout, end="")

    print("\ndoor-openers:")
    result = subprocess.run([os.path.join(args.build, "bench", "mingle_door_opener_bench")], capture_output=True, text=True)
    print(result.stdout, end="")
    for targets in ("1000", "10"):
        print(f"\nprep board, {targets} targets, headless (CPU per frame):")
        result = subprocess.run([os.path.join(args.build, "bench", "mingle_prep_bench"), targets], check=True,
                                capture_output=True, text=True)
        print(result.stdout, end="")

    print("\nconversation prompts:")
    result = subprocess.run([os.path.join(args.build, "bench", "mingle_prompt_bench")], check=True,
                            capture_output=True, text=True)
    print(result.stdout, end="")

    print("\nreception glance view, headless (CPU per frame):")
    result = subprocess.run([os.path.join(args.build, "bench", "mingle_reception_bench")], check=True,
                            capture_output=True, text=True)
    print(result.stdout, end="")


if __name__ == "__main__":
    main()
