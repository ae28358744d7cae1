#!/usr/bin/env bash
# Runs the JMH suites of every module in one go: phi-detector (ER7/HL7 de-identification, FHIR de-identification,
# free-text detection), serdes, scoring, audit-sink and topology (quality gate, scoring stage).
#
#   bench/jmh-all.sh                  # every suite, short settings suited to a shared 2-core machine
#   bench/jmh-all.sh phi-detector     # only these modules
#   JMH_OPTS="-f 1 -wi 2 -i 5 -w 2s -r 5s" bench/jmh-all.sh      # longer, steadier runs
#   JMH_INCLUDE='Hl7Deidentify|TextDetector' bench/jmh-all.sh     # only benchmarks matching a regex
#
# Results: bench-results/jmh/<module>.json (JMH JSON) and <module>.txt (the console table); git-ignored.
# Needs only a JDK 17; Maven runs offline (-o) when the dependencies are already in ~/.m2, which the normal build does.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

all_modules=(phi-detector serdes scoring audit-sink topology)
modules=("${@:-${all_modules[@]}}")
opts=${JMH_OPTS:-"-f 1 -wi 1 -i 2 -w 1s -r 2s"}
include=${JMH_INCLUDE:-}
offline=${MVN_OFFLINE:--o}
out="$root/bench-results/jmh"
mkdir -p "$out"

# One reactor build: sibling modules resolve to their target/classes, so no install is needed.
pl=$(IFS=,; echo "${modules[*]}")
echo "jmh-all: compiling ${pl} (and what they depend on) ..." >&2
./mvnw $offline -q -B -pl "$pl" -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh-cp.txt >&2

status=0
for m in "${modules[@]}"; do
  cp_file="$root/$m/target/jmh-cp.txt"
  if [ ! -f "$root/$m/target/test-classes/META-INF/BenchmarkList" ]; then
    echo "jmh-all: $m has no JMH benchmarks; skipped" >&2
    continue
  fi
  echo "jmh-all: $m" >&2
  # a separate classpath JAR keeps the forked JVM's command line short (onnxruntime pitfall, BRIEF 7)
  # shellcheck disable=SC2086
  if ! (cd "$root/$m" && java -Djmh.separateClasspathJAR=true \
        -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main $include $opts \
        -rf json -rff "$out/$m.json" | tee "$out/$m.txt"); then
    echo "jmh-all: $m FAILED" >&2
    status=1
  fi
done
echo "jmh-all: results in $out" >&2
exit $status
