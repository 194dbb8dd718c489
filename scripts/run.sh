#!/bin/sh
# The first README command: install what is missing, build, and start mingle. Without a display
# it runs under xvfb-run (and says so). Arguments go to mingle.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: starting mingle under xvfb-run (use --screenshot FILE.png to see it)." >&2
    exec xvfb-run -a -s '-screen 0 1280x800x24' build/app/mingle "$@"
fi
exec build/app/mingle "$@"
