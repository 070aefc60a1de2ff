"""Example Spark job: pages in (JSON Lines or Parquet), article bodies out (Parquet).

Each input record has the page in one field (HTML or a text dump) and optionally its URL,
e.g. records made from WARC response records. Run locally with `python
examples/spark_job.py pages.jsonl out/`, or with `spark-submit` and `--local-cores 0`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from cleaner.integrations.spark import DEFAULT_PREFIX, clean_dataframe, local_session

PARTITIONS_PER_CORE = 4
"""Input partitions per core: a small JSON Lines file is one partition (one core busy);
a few per core keep all cores busy even when some pages are much slower than others."""

LOCAL_CORES = 2
"""Default `local[N]`: the development machine's core count."""

INPUT_FORMATS = ("jsonl", "parquet")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="a file or directory of JSON Lines or Parquet records")
    parser.add_argument("output", help="directory to write the Parquet result to")
    parser.add_argument("--format", choices=INPUT_FORMATS, default="jsonl", help="input format")
    parser.add_argument("--column", default="html", help="field holding the page")
    parser.add_argument("--url-column", default="url", help="field holding its URL ('' for none)")
    parser.add_argument("--kind", choices=("auto", "text", "html"), default="auto")
    parser.add_argument("--keep-page", action="store_true", help="keep the page column too")
    parser.add_argument(
        "--local-cores",
        type=int,
        default=LOCAL_CORES,
        help="run in local[N] mode; 0 uses the session spark-submit configured",
    )
    parser.add_argument(
        "--partitions", type=int, default=0, help="input partitions (default: 4 per core)"
    )
    return parser.parse_args(argv)


def run_job(spark: SparkSession, args: argparse.Namespace) -> DataFrame:
    """Read, clean, write; return the written result, read back, for a summary."""
    reader = spark.read
    pages = reader.json(args.input) if args.format == "jsonl" else reader.parquet(args.input)
    partitions = args.partitions or spark.sparkContext.defaultParallelism * PARTITIONS_PER_CORE
    cleaned = clean_dataframe(
        pages.repartition(partitions),
        column=args.column,
        url_column=args.url_column or None,
        kind=args.kind,
    )
    if not args.keep_page:
        cleaned = cleaned.drop(args.column)
    cleaned.write.mode("overwrite").parquet(args.output)
    return spark.read.parquet(args.output)


def summary(result: DataFrame) -> str:
    """One line per outcome: how many pages gave a body, how many each error."""
    error = F.coalesce(F.split(F.col(DEFAULT_PREFIX + "error"), ":")[0], F.lit("body"))
    counts = result.groupBy(error.alias("outcome")).count().orderBy(F.desc("count")).collect()
    return "\n".join(f"{row['count']:>8}  {row['outcome']}" for row in counts)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.local_cores > 0:
        spark = local_session(args.local_cores, app_name="cleaner-example")
    else:
        spark = SparkSession.builder.appName("cleaner-example").getOrCreate()
    try:
        print(summary(run_job(spark, args)))
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
