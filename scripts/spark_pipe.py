#!/usr/bin/env python3
"""Runs tesi's corpus example as a streaming mapper under PySpark.

    cargo build --release --example corpus
    python3 scripts/spark_pipe.py INPUT.jsonl OUTPUT_DIR [--master local[*]]

INPUT.jsonl holds one {"id": ..., "text": ...} object per line. Spark
splits it into partitions and pipes each partition's lines through
target/release/examples/corpus (stdin to stdout); OUTPUT_DIR receives one
{"id": ..., "document": ...} line per document. Needs pyspark
(pip install pyspark) and a Java runtime; CI does not run it.
"""
import argparse
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
    lines = spark.sparkContext.textFile(os.path.abspath(args.input))
    parsed = lines.pipe(binary)
    parsed.saveAsTextFile(os.path.abspath(args.output))
    count = spark.sparkContext.textFile(os.path.abspath(args.output)).count()
    print(f"{count} documents written to {args.output}")
    spark.stop()


if __name__ == "__main__":
    main()
