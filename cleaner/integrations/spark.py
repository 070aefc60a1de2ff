"""Clean a Spark DataFrame column of pages (HTML or text dumps) in parallel.

A scalar-iterator pandas UDF: each task receives the `Config` once, then cleans its
partition's Arrow batches row by row; the other columns never leave the JVM.
Needs the `cleaner[spark]` extra (pyspark, pandas, pyarrow) and a Java runtime.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict
from typing import Any

import pandas as pd
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.functions import pandas_udf
from pyspark.sql.types import (
    IntegerType,
    MapType,
    StringType,
    StructField,
    StructType,
)

from cleaner.config import Config, InputKind
from cleaner.integrations import CleanedRow, check_body_format, clean_row

DEFAULT_PREFIX = "clean_"
"""Prefix of the added columns, so they never clash with an input column named `text`."""

OUTPUT_SCHEMA = StructType(
    [
        StructField("text", StringType()),
        StructField("title", StringType()),
        StructField("author", StringType()),
        StructField("date", StringType()),
        StructField("site", StringType()),
        StructField("language", StringType()),
        StructField("error", StringType()),
        StructField("removed", MapType(StringType(), IntegerType(), valueContainsNull=False)),
    ]
)
"""The added columns (each name with `prefix` in front), in order; see `CleanedRow`."""

ARROW_BATCH_ROWS = 64
"""Rows per Arrow batch in `local_session`: Spark's default (10,000) would hold ~1 GB
of raw HTML (benchmark pages average ~100 KB) in one Python worker at a time."""

SHUFFLE_PARTITIONS_PER_CORE = 2
"""`spark.sql.shuffle.partitions` per local core: Spark's default of 200 is tuned for
clusters and only adds scheduling overhead on one machine."""

LOCAL_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
"""Driver JVM options of `local_session`: the quick JIT tier only and a one-thread GC.
Measured on the shared 2-core machine: session start 49 s -> 25 s; in this job the JVM
only moves Arrow batches (the cleaning runs in Python), so the slower JIT costs little."""

LOOPBACK = "127.0.0.1"
"""Where a local session's driver listens: nothing outside the machine needs it."""

_STRUCT = "__cleaner_result"
MSG_MISSING_COLUMN = "no column {name!r} in the DataFrame (its columns: {columns})"
MSG_URL_HINT = "; pass url_column=None if the pages have no URL"
MSG_CLASH = "the DataFrame already has column(s) {names}; choose another prefix"


def clean_dataframe(
    df: DataFrame,
    column: str = "html",
    url_column: str | None = "url",
    *,
    kind: InputKind | None = None,
    config: Config | None = None,
    prefix: str = DEFAULT_PREFIX,
    body_format: str = "text",
) -> DataFrame:
    """`df` with the cleaned page of `column` added as columns `prefix + OUTPUT_SCHEMA` names.

    `column` holds the pages (string or binary; a null is an empty page), `url_column`
    their addresses (None if there are none). `kind` overrides `config.kind`. Every row
    gets a result: `clean_error` holds the problem id or the exception of a page that gave
    no body, `clean_removed` the dropped blocks per reason. `body_format` "markdown"
    makes `clean_text` the body as markdown (`Result.markdown`) instead of plain text.
    Lazy, like any transformation.
    """
    body_format = check_body_format(body_format)
    for name in (column, url_column):
        if name is not None and name not in df.columns:
            hint = MSG_URL_HINT if name == url_column else ""
            raise ValueError(MSG_MISSING_COLUMN.format(name=name, columns=df.columns) + hint)
    added = [prefix + f.name for f in OUTPUT_SCHEMA.fields]
    if clashes := sorted(set(added) & set(df.columns)):
        raise ValueError(MSG_CLASH.format(names=", ".join(clashes)))
    cfg = (config or Config()).with_overrides(kind=kind)
    urls: Column = _col(url_column) if url_column else F.lit(None).cast(StringType())
    cleaned = df.withColumn(_STRUCT, _cleaner_udf(cfg, body_format)(_col(column), urls))
    fields = [F.col(f"{_STRUCT}.{f.name}").alias(prefix + f.name) for f in OUTPUT_SCHEMA.fields]
    return cleaned.select(*[_col(c) for c in df.columns], *fields)


def _col(name: str) -> Column:
    # Quoted, so a name with a dot is one column, not a struct field.
    return F.col("`" + name.replace("`", "``") + "`")


def _cleaner_udf(config: Config, body_format: str) -> Callable[[Column, Column], Column]:
    # `config` travels inside the UDF's closure: unpickled once per task, not per row.
    def clean_batches(batches: Iterator[tuple[pd.Series, pd.Series]]) -> Iterator[pd.DataFrame]:
        for pages, urls in batches:
            pairs = zip(pages, urls, strict=True)
            rows = [clean_row(page, url, config, body_format) for page, url in pairs]
            yield _frame(rows)

    # The iterator-to-struct form is inferred from the type hints at run time; pyspark's
    # stubs predate it, hence the untyped call.
    make_udf: Callable[..., Any] = pandas_udf
    udf: Callable[[Column, Column], Column] = make_udf(clean_batches, OUTPUT_SCHEMA)
    return udf


def _frame(rows: list[CleanedRow]) -> pd.DataFrame:
    names = [f.name for f in OUTPUT_SCHEMA.fields]
    return pd.DataFrame([asdict(r) for r in rows], columns=names, dtype=object)


def local_session(cores: int = 2, app_name: str = "cleaner") -> SparkSession:
    """A local-mode session sized for cleaning on one machine (`local[cores]`, no UI).

    Workers run this interpreter (`PYSPARK_PYTHON`, unless already set), so they see the
    same installed `cleaner`. Returns the running session if there is one.
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", LOOPBACK)
        .config("spark.driver.bindAddress", LOOPBACK)
        .config("spark.driver.extraJavaOptions", LOCAL_JAVA_OPTIONS)
        .config("spark.sql.shuffle.partitions", str(cores * SHUFFLE_PARTITIONS_PER_CORE))
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(ARROW_BATCH_ROWS))
        .getOrCreate()
    )


__all__ = ["DEFAULT_PREFIX", "OUTPUT_SCHEMA", "clean_dataframe", "local_session"]
