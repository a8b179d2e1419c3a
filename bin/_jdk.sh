# Sourced by bin/zm and bin/test: point JAVA_HOME at a JDK 21 or newer.
# Machines of this kind ship Java 17 as the default `java` and a newer JDK beside it under /usr/lib/jvm,
# so we look there rather than asking every user to set JAVA_HOME by hand.
zm_java_major() { # $1 = a java binary; prints its feature version (17, 21, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1
}
zm_select_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(zm_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ]; then return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(zm_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "zeromission needs a JDK 21 or newer; none found in JAVA_HOME or /usr/lib/jvm. Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
zm_select_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
