#!/usr/bin/env python3
"""Runs tesi's corpus example as a streaming mapper under PySpark, then
checks what it wrote.

    cargo build --release --example corpus
    python3 scripts/spark_pipe.py INPUT.jsonl OUTPUT_DIR [--master local[2]]

INPUT.jsonl holds one {"id": ..., "text": ...} object per line. Spark
splits it into partitions and pipes each partition's lines through
target/release/examples/corpus (stdin to stdout); OUTPUT_DIR receives one
{"id": ..., "document": ...} line per document. The script then checks
that there is one output line per input document and that a record parses
back with the id it was given and a document of the contract; it exits
with status 1 when either is wrong. Needs pyspark (pip install pyspark)
and a Java runtime. On a cluster, ship the binary with the job
(spark-submit --files ...) and pass --binary ./corpus.
"""
import argparse
import json
import os
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--master", default="local[*]")
    ap.add_argument("--binary", default=os.path.join("target", "release", "examples", "corpus"))
    args = ap.parse_args()

    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"{binary} not found: run cargo build --release --example corpus")

    from pyspark.sql import SparkSession  # imported late: only this script needs it

    spark = SparkSession.builder.master(args.master).appName("tesi-corpus").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        source = os.path.abspath(args.input)
        lines = spark.sparkContext.textFile(source)
        lines.pipe(binary).saveAsTextFile(os.path.abspath(args.output))
        written = spark.sparkContext.textFile(os.path.abspath(args.output))
        expected = lines.filter(lambda line: line.strip()).count()
        count = written.count()
        first = json.loads(written.first()) if count else None
    finally:
        spark.stop()

    ids = set()
    with open(source, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                ids.add(json.dumps(json.loads(line).get("id")))
    problems = []
    if count != expected:
        problems.append(f"{count} documents written for {expected} input lines")
    if first is not None:
        if json.dumps(first.get("id")) not in ids:
            problems.append(f"record with unknown id {first.get('id')!r}")
        document = first.get("document") or {}
        if document.get("kind") != "document" or not isinstance(document.get("posts"), list):
            problems.append("a record holds no document of the contract")
    for problem in problems:
        print(f"spark_pipe: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"spark_pipe: {count} documents written to {args.output}, checked")


if __name__ == "__main__":
    main()
