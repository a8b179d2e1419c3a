#!/usr/bin/env bash
# Latency of the signal search (GET /api/v1/signals/search) against a running server: each query three times to warm up,
# then five times; prints the matches, the median and the slowest of the five. docs/problems.md has the figures.
# Give an API token (zm_…, role VIEWER) rather than a password: a password is checked with bcrypt on every call
# (tens of milliseconds), which is not the search's time and which a signed-in page does not pay.
#
#   bin/zm serve --demo &                              # wait until the demo is stored and grouped
#   TOKEN=$(curl -s -u admin:demo -H 'Content-Type: application/json' localhost:8080/api/v1/tokens \
#     -d '{"name":"bench","roles":["VIEWER"],"expiresInDays":1}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
#   bench/search-latency.sh http://localhost:8080 "$TOKEN"     # or a user:password
set -euo pipefail
base=${1:-http://localhost:8080}
auth=${2:-viewer:demo}
if [[ $auth == zm_* ]]; then credentials=(-H "Authorization: Bearer $auth"); else credentials=(-u "$auth"); fi
queries=('q=faktura' 'q=invoice' 'q=reminder+fee' 'q=rechnung&market=DE'
  'q=p%C3%A5minnelseavgift&market=SE&channel=complaint' 'q=refund&from=2026-01-01&to=2026-06-30'
  'q=pakke&journeyStage=delivery' 'q=invoice&page=50' 'q=zzzqx' 'q=app+login+crash' 'market=SE' '' 'problem=21'
  'q=fee&problem=21')
for q in "${queries[@]}"; do
  url="$base/api/v1/signals/search?$q"
  for _ in 1 2 3; do curl -sf -o /dev/null "${credentials[@]}" "$url"; done
  times=()
  for _ in 1 2 3 4 5; do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' "${credentials[@]}" "$url")")
  done
  total=$(curl -sf "${credentials[@]}" "$url&size=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | sed -n 3p)
  slowest=$(echo "$sorted" | tail -1)
  awk -v q="${q:-(no filter)}" -v t="$total" -v m="$median" -v s="$slowest" \
    'BEGIN { printf "%-52s %7d matches   median %5.0f ms   slowest %5.0f ms\n", q, t, m * 1000, s * 1000 }'
done
