# Sourced by bin/screenshots and bin/yearly-report: builds the jar and the test classes, starts the product with the
# demo data on port $port in a fresh data directory $data, stops it when the calling script ends, and waits until
# the demo insights are made (the demo data loaded and grouped). Sets $cp, the test classpath for a browser program.
# Expects $root, $port, $data and $wait_seconds (how long to wait for the demo); JAVA_HOME from _jdk.sh.
cd "$root"
./mvnw -q -B -DskipTests package test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$data/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="$root/target/test-classes:$(cat "$data/cp.txt")"
# bin/zm: the demo data are the tools jar (target/zeromission-tools.jar), which it adds to the product's class path
(cd "$data" && exec "$root/bin/zm" serve --demo --port "$port" \
  --zeromission.data-dir="$data/data" > "$data/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
echo "waiting for the demo data to be loaded and grouped (log: $data/server.log) ..." >&2
for _ in $(seq 1 "$wait_seconds"); do
  if grep -q "Demo insights" "$data/server.log" 2>/dev/null; then break; fi
  if ! kill -0 $server 2>/dev/null; then echo "the server stopped; see $data/server.log" >&2; exit 1; fi
  sleep 1
done
