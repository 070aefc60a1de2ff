"""The Spark adapter, for real in local mode: same results as `cleaner.clean` on real pages.

Needs pyspark (the `cleaner[spark]` extra), Java and the development benchmarks; without
them the tests skip locally and fail under CI=true.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleaner import Config, Result, clean
from tests.shared_material import BENCHMARKS, require

SCRAPINGHUB = BENCHMARKS / "scrapinghub"

SAMPLE_PAGES = 20
"""Pages cleaned through Spark: enough for several sites and languages, few enough to
keep the test well under a minute on 2 shared cores (~0.2 s per page, plus start-up)."""
CORES = 2
PARTITIONS = 2
"""One partition per local core, so both Python workers clean pages."""

TEXT_DUMP = (
    "Home | World | Sport\n\n"
    "The council voted on Monday to rebuild the sea wall that has protected the harbour "
    "since the nineteenth century, ending a debate that had divided residents for years.\n\n"
    "Engineers told the meeting that two winter storms had opened cracks along a third of "
    "the wall, and that without repairs the quay would be at risk of flooding.\n"
)
SCHEMA = "id string, html string, url string"


def _require(condition: bool, reason: str) -> None:
    require(condition, reason, module=True)


_require(shutil.which("java") is not None or "JAVA_HOME" in os.environ, "no Java runtime")
try:
    from pyspark.sql import DataFrame, SparkSession

    from cleaner.integrations.spark import OUTPUT_SCHEMA, clean_dataframe, local_session
except ImportError as exc:  # the optional extra is not installed
    _require(False, f"pyspark is not installed ({exc}); pip install 'cleaner[spark]'")


def _sample() -> list[dict[str, Any]]:
    _require(SCRAPINGHUB.is_dir(), f"development benchmarks not found at {SCRAPINGHUB}")
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((SCRAPINGHUB / "html").glob("*.html.gz"))
    step = max(1, len(pages) // SAMPLE_PAGES)
    rows = []
    for path in pages[::step][:SAMPLE_PAGES]:
        page_id = path.name.removesuffix(".html.gz")
        html = gzip.decompress(path.read_bytes()).decode("utf-8")
        rows.append({"id": page_id, "html": html, "url": truth[page_id]["url"]})
    return rows


EDGE_ROWS: list[dict[str, Any]] = [
    {"id": "empty", "html": "", "url": None},
    {"id": "null", "html": None, "url": None},
    {"id": "dump", "html": TEXT_DUMP, "url": "https://news.example/sea-wall"},
]


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = local_session(CORES, app_name="cleaner-tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], Path]:
    rows = _sample() + EDGE_ROWS
    path = tmp_path_factory.mktemp("spark") / "pages.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows, path


@pytest.fixture(scope="module")
def frame(spark: SparkSession, pages: tuple[list[dict[str, Any]], Path]) -> DataFrame:
    return spark.read.schema(SCHEMA).json(str(pages[1])).repartition(PARTITIONS)


@pytest.fixture(scope="module")
def cleaned(frame: DataFrame) -> dict[str, dict[str, Any]]:
    """Every sample row through the adapter once, keyed by id (the html column dropped)."""
    out = clean_dataframe(frame, column="html", url_column="url").drop("html")
    return {row["id"]: row.asDict() for row in out.collect()}


def _expected(result: Result) -> dict[str, Any]:
    return {
        "clean_text": result.text,
        "clean_title": result.title,
        "clean_author": result.author,
        "clean_date": result.date,
        "clean_site": result.site,
        "clean_language": result.metadata.language,
        # The adapter's contract: an error exactly when there is no body.
        "clean_error": result.problem or (None if result.text else "no_article_found"),
        "clean_removed": dict(Counter(r.reason for r in result.removed)),
    }


def test_every_row_equals_clean_called_directly(
    pages: tuple[list[dict[str, Any]], Path], cleaned: dict[str, dict[str, Any]]
) -> None:
    rows, _ = pages
    assert sorted(cleaned) == sorted(r["id"] for r in rows)
    for row in rows:
        got = {k: v for k, v in cleaned[row["id"]].items() if k.startswith("clean_")}
        got["clean_removed"] = got["clean_removed"] or {}
        assert got == _expected(clean(row["html"] or "", row["url"])), row["id"]


def test_benchmark_pages_give_bodies_and_metadata(cleaned: dict[str, dict[str, Any]]) -> None:
    bodies = [r for r in cleaned.values() if r["clean_error"] is None]
    assert len(bodies) >= SAMPLE_PAGES - 2  # a real page with no body would be a regression
    assert all(len(r["clean_text"]) > 200 for r in bodies)
    assert sum(r["clean_title"] is not None for r in bodies) >= SAMPLE_PAGES // 2
    assert {r["clean_site"] for r in bodies} - {None}


def test_empty_and_missing_pages_give_an_error_not_a_failure(
    cleaned: dict[str, dict[str, Any]],
) -> None:
    for page_id in ("empty", "null"):
        assert cleaned[page_id]["clean_error"] == "empty_input"
        assert cleaned[page_id]["clean_text"] == ""


def test_input_columns_are_kept_and_the_outputs_added(frame: DataFrame) -> None:
    out = clean_dataframe(frame)
    added = ["clean_" + f.name for f in OUTPUT_SCHEMA.fields]
    assert out.columns == [*frame.columns, *added]


def test_options_reach_the_workers(spark: SparkSession) -> None:
    # The dump has a body in its own (text) mode and none when forced through HTML mode.
    assert clean(TEXT_DUMP).text
    df = spark.createDataFrame([("a", TEXT_DUMP)], "id string, page string")
    row = clean_dataframe(df, column="page", url_column=None, kind="html").first()
    assert row is not None
    assert row["clean_error"] == clean(TEXT_DUMP, kind="html").problem == "no_article_found"
    assert row["clean_text"] == ""


def test_the_body_can_be_markdown(spark: SparkSession) -> None:
    guide = Path(__file__).resolve().parent.parent / "fixtures/html/structure_guide.html"
    html = guide.read_text(encoding="utf-8")
    df = spark.createDataFrame([("a", html)], "id string, page string")
    row = clean_dataframe(df, column="page", url_column=None, body_format="markdown").first()
    assert row is not None
    assert row["clean_text"] == clean(html).markdown
    assert "## What you need" in row["clean_text"]
    with pytest.raises(ValueError, match="body_format"):
        clean_dataframe(df, column="page", url_column=None, body_format="json")


def test_a_binary_column_is_decoded_like_bytes(spark: SparkSession) -> None:
    page = TEXT_DUMP.encode("utf-8")
    df = spark.createDataFrame([("a", bytearray(page))], "id string, page binary")
    row = clean_dataframe(df, column="page", url_column=None).first()
    assert row is not None
    assert row["clean_text"] == clean(page).text != ""


def test_an_exception_in_a_row_becomes_its_error(spark: SparkSession, tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text("this is [not toml\n", encoding="utf-8")
    df = spark.createDataFrame([("a", TEXT_DUMP, "https://news.example/a")], SCHEMA)
    out = clean_dataframe(df, config=Config(rule_dirs=(tmp_path,)))
    row = out.first()
    assert row is not None
    assert row["clean_error"].startswith("exception: RuleFileError: ")
    assert row["clean_text"] == ""


def test_a_missing_column_is_named(frame: DataFrame) -> None:
    with pytest.raises(ValueError, match="no column 'page'"):
        clean_dataframe(frame, column="page")
    with pytest.raises(ValueError, match="url_column=None"):
        clean_dataframe(frame.drop("url"))


def test_output_columns_never_overwrite_input_columns(frame: DataFrame) -> None:
    clashing = frame.withColumnRenamed("id", "clean_title")
    with pytest.raises(ValueError, match="clean_title"):
        clean_dataframe(clashing)
    assert "x_text" in clean_dataframe(clashing, prefix="x_").columns


def test_the_example_job_writes_parquet(spark: SparkSession, tmp_path: Path) -> None:
    from examples.spark_job import parse_args, run_job, summary

    rows = [{"id": r["id"], "page": r["html"], "link": r["url"]} for r in EDGE_ROWS]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    argv = [str(source), str(tmp_path / "out"), "--column", "page", "--url-column", "link"]
    argv += ["--partitions", str(PARTITIONS)]
    result = run_job(spark, parse_args(argv))
    assert sorted(result.columns) == sorted(
        ["id", "link", *("clean_" + f.name for f in OUTPUT_SCHEMA.fields)]
    )
    assert {r["id"]: r["clean_text"] for r in result.collect()}["dump"] == clean(TEXT_DUMP).text
    assert summary(result).split() == ["2", "empty_input", "1", "body"]
