#!/usr/bin/env bash
# Runs tesi's corpus example under PySpark end to end (scripts/spark_pipe.py)
# on a JSON Lines corpus made from the fixtures, when pyspark and java are
# on the machine; says it skipped otherwise. Exit status: 0 passed or
# skipped, 1 failed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v java > /dev/null 2>&1; then
  echo "test_spark: skipped (no java on PATH)"
  exit 0
fi
if ! python3 -c "import pyspark" > /dev/null 2>&1; then
  echo "test_spark: skipped (no pyspark: pip install pyspark)"
  exit 0
fi

cargo build --quiet --release --example corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/corpus.jsonl" <<'PY'
import glob, json, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sorted(glob.glob("fixtures/*.txt")):
        with open(path, encoding="utf-8") as f:
            out.write(json.dumps({"id": path, "text": f.read()}) + "\n")
PY
python3 scripts/spark_pipe.py "$tmp/corpus.jsonl" "$tmp/parsed" --master "local[2]"
echo "test_spark: passed"
