#!/bin/sh
# Installs what mingle needs to build, run and test, from Debian 12's packages only; or, given
# package names (scripts/fuzz.sh gives clang's), those instead.
# Installs only what is missing, so it is quick the second time. As an ordinary user it asks sudo
# for the installation; as root (a fresh machine, CI) it installs directly.
set -eu

packages="build-essential cmake pkg-config libimgui-dev libglfw3-dev libsqlitecpp-dev libsqlite3-dev
libtomlplusplus-dev nlohmann-json3-dev libstb-dev catch2 fonts-dejavu-core sqlite3 python3 python3-icalendar tzdata
xvfb xauth"
if [ "$#" -gt 0 ]; then packages="$*"; fi

missing=""
for package in $packages; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done

if [ -n "$missing" ]; then
    as_root=""
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "mingle needs these Debian packages:$missing" >&2
            echo "Run this as root, or install sudo." >&2
            exit 1
        fi
        as_root="sudo"
    fi
    echo "Installing:$missing"
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi
