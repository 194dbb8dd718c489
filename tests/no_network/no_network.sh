#!/bin/sh
# mingle opens no network connection (issue "Trust"). Two checks:
#  1. The binary links none of libc's ways to reach another machine (socket, connect, name lookup).
#  2. The whole end-to-end run (command line, exports, drafts and, with a display, every view
#     drawn) runs with deny_network preloaded, which refuses and logs any internet socket or name
#     lookup from any process; the log must show mingle ran with it and that nothing was refused.
# A control first proves the preload catches a program that does reach out (python3's socket).
# Usage: no_network.sh DENY_NETWORK_LIBRARY MINGLE_BINARY SOURCE_DIR
set -eu
shim="$1"
mingle="$2"
source_dir="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. What the binary could call.
network_calls="$(nm -D --undefined-only "$mingle" |
    grep -E '^ +U (socket|connect|getaddrinfo|getnameinfo|gethostbyname|gethostbyname_r|gethostbyaddr|sendto|sendmsg|res_query)(@|$)' || true)"
[ -z "$network_calls" ] || fail "mingle links network calls:
$network_calls"

# The control: a program that opens an internet socket is caught.
log="$work/control.log"
if MINGLE_NETWORK_LOG="$log" LD_PRELOAD="$shim" python3 -c '
import socket
socket.socket(socket.AF_INET, socket.SOCK_STREAM)' 2> /dev/null; then
    fail "the control opened an internet socket: the preload does not work"
fi
grep -q "^denied python3 AF_INET " "$log" || fail "the control was not logged: $(cat "$log" 2>/dev/null)"

# 2. Everything the end-to-end test does, with the network refused.
log="$work/network.log"
MINGLE_NETWORK_LOG="$log" LD_PRELOAD="$shim" sh "$source_dir/tests/end_to_end.sh" "$mingle" "$source_dir" ||
    fail "the end-to-end run failed with the network refused"
runs="$(grep -c "^loaded mingle " "$log" || true)"
[ "$runs" -ge 10 ] || fail "mingle ran only $runs times with the preload"
if grep "^denied" "$log"; then fail "a network call was attempted (above)"; fi
echo "no network: $runs runs of mingle, no network call"
