#!/usr/bin/env bash
# Footprint of the product jar and of `bin/zm serve --demo` (docs/footprint.md): jar size, start-up time to
# /actuator/health UP and resident memory (RSS) of the java process, first on a fresh data directory (the demo loads
# and groups three years of data in the background), then again on the data the first run left.
#   bench/footprint.sh [PORT]        (default 8120; runs in a temporary directory, the repository's ./data is untouched)
#   ZM_DATA=DIR bench/footprint.sh   only the second part, on a copy of DIR/data (e.g. one left by ZM_KEEP=1)
# Stop nothing else: the script stops only the server it started.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${1:-8120}"
work="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true' EXIT
ls -l "$root/target/zeromission.jar"
rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
start() { # $1 = label; starts bin/zm serve --demo in $work, waits for health UP, prints the time and RSS
  local t0 t1
  : > "$work/server-$1.log"
  t0=$(date +%s.%N)
  (cd "$work" && exec "$root/bin/zm" serve --demo --port "$port" > "$work/server-$1.log" 2>&1) &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "the server stopped; see $work/server-$1.log" >&2; exit 1; }
    sleep 0.2
  done
  t1=$(date +%s.%N)
  printf '%s: health UP after %.1f s, RSS %s MB\n' "$1" "$(echo "$t1 - $t0" | bc)" "$(rss_mb "$pid")"
}
wait_for_demo() { # the demo's background grouping ends with the line "Grouped N signals in ... s" (ProblemInbox);
  # "Demo insights: ..." comes earlier, after the first drain, while most of the demo still waits to be grouped
  for _ in $(seq 1 2400); do
    grep -qE "Grouped [0-9]+ signals" "$work/server-$1.log" && break
    sleep 1
  done
  sleep 5
  printf '%s: demo loaded and grouped, RSS %s MB\n' "$1" "$(rss_mb "$pid")"
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
if [ -n "${ZM_DATA:-}" ]; then
  cp -r "$ZM_DATA/data" "$work/data"
else
  start fresh; wait_for_demo fresh; stop
fi
start existing; sleep 30; printf 'existing: 30 s after start, RSS %s MB\n' "$(rss_mb "$pid")"; stop
echo "GPU lines in the logs: $(cat "$work"/server-*.log | grep -ci 'gpu' || true)"
[ -n "${ZM_KEEP:-}" ] && echo "logs: $work" || rm -rf "$work"
