#!/usr/bin/env bash
# Build the local Neo4j launcher (neo4j-launcher/) once; later runs skip unless its sources changed.
# The first build downloads Neo4j Community 5.26 from Maven Central into ~/.m2.
# Prints one line. Usage: bash scripts/build-neo4j-launcher.sh [--force]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/neo4j-launcher"
stamp="$dir/target/.chipwatch-build-stamp"

for tool in java mvn; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build-neo4j-launcher: '$tool' not found; install a Java 17 JDK and Maven" >&2
    exit 1
  fi
done

# The stamp is a hash of everything that shapes the build, so an edited pom or launcher rebuilds.
want="$(cd "$dir" && find pom.xml src -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
if [[ "${1:-}" != "--force" && -f "$stamp" && "$(cat "$stamp")" == "$want" \
      && -f "$dir/target/classes/org/chipwatch/neo4j/Launcher.class" ]] \
   && compgen -G "$dir/target/lib/neo4j-5.*.jar" >/dev/null; then
  echo "neo4j-launcher: up to date ($dir/target)"
  exit 0
fi

start=$(date +%s)
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# Stale jars from an older Neo4j version must not stay on the class path.
rm -rf "$dir/target/lib" "$stamp"
if ! mvn -q -B -f "$dir/pom.xml" package >"$log" 2>&1; then
  cat "$log" >&2
  echo "build-neo4j-launcher: mvn package failed (output above)" >&2
  exit 1
fi
echo "$want" >"$stamp"
echo "neo4j-launcher: built in $(( $(date +%s) - start )) s ($(ls "$dir/target/lib" | wc -l) jars in $dir/target/lib)"
