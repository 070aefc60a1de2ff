"""Throughput of the Spark adapter in local mode, 1 worker against 2 (a benchmark, not a test).

Documents are the ScrapingHub pages, cycled; each `local[N]` session is warmed up (JVM,
Python workers, the cleaner's imports and caches) before the timed run, and a plain
in-process loop gives the single-core reference in CPU seconds. Prints a Markdown table.

    python scripts/spark_scaling.py [BENCHMARKS] [--documents 360] [--cores 1,2] [--mode html]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import cycle, islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib as bl
from pyspark.sql import DataFrame

from cleaner import clean
from cleaner.integrations.spark import clean_dataframe, local_session

DEFAULT_DOCUMENTS = 360
"""Twice the ScrapingHub set: ~70 s of cleaning per core, so the seconds of Spark's
per-job scheduling are a small share of the timed run."""
PARTITIONS_PER_CORE = 4
"""As in `examples/spark_job.py`: slow pages even out across the cores."""
WARMUP_ROWS_PER_CORE = 2
"""Warm-up rows per core: enough that every Python worker imports the cleaner and
cleans one real page before the clock starts."""
MODES = ("html", bl.HTML_TEXT)
"""Clean the HTML, or its html-text dump (text mode)."""


@dataclass(frozen=True, slots=True)
class Run:
    label: str
    documents: int
    seconds: float
    cores: int
    cpu_seconds: float | None = None
    """CPU time of the run's processes (driver, JVM, Python workers), if measurable."""

    @property
    def pages_per_second(self) -> float:
        return self.documents / self.seconds

    @property
    def pages_per_cpu_second(self) -> float | None:
        return self.documents / self.cpu_seconds if self.cpu_seconds else None

    @property
    def cores_used(self) -> float | None:
        return self.cpu_seconds / self.seconds if self.cpu_seconds else None


def process_tree_cpu_seconds() -> float | None:
    """User + system CPU seconds of this process and all its descendants (Linux /proc).

    On a shared machine wall-clock speed-up says as much about the neighbours as about
    Spark; CPU seconds say how many cores the run really got, and what a page costs.
    """
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended meanwhile
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        cpu[pid] = sum(int(f) for f in fields[11:15]) / ticks  # utime stime cutime cstime
    if not cpu:
        return None
    tree = {os.getpid()}
    grew = True
    while grew:
        children = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= children
        grew = bool(children)
    return sum(cpu[pid] for pid in tree if pid in cpu)


def make_documents(root: Path, count: int, mode: str) -> list[dict[str, str]]:
    pages = bl.load_scrapinghub(root)
    sources = []
    for page in pages:
        html = page.html()
        sources.append((page.url, html if mode == "html" else bl.make_dump(html, mode)))
    return [
        {"id": f"{i}", "page": page, "url": url}
        for i, (url, page) in enumerate(islice(cycle(sources), count))
    ]


def in_process(documents: list[dict[str, str]]) -> Run:
    """The plain loop in this process: what one core does with no Spark at all."""
    clean(documents[0]["page"], documents[0]["url"])  # imports and caches
    start = time.process_time()
    wall = time.perf_counter()
    for doc in documents:
        clean(doc["page"], doc["url"])
    cpu = time.process_time() - start
    return Run("in-process loop", len(documents), time.perf_counter() - wall, 1, cpu)


def spark_run(cores: int, source: Path, documents: int) -> Run:
    """Wall-clock seconds of one `local[cores]` job over `source`, start-up excluded."""
    spark = local_session(cores, app_name=f"cleaner-scaling-{cores}")
    try:
        pages = spark.read.schema("id string, page string, url string").json(str(source))
        warmup = pages.limit(cores * WARMUP_ROWS_PER_CORE).repartition(cores)
        _run_all(clean_dataframe(warmup, column="page"))
        cpu_before = process_tree_cpu_seconds()
        start = time.perf_counter()
        _run_all(clean_dataframe(pages.repartition(cores * PARTITIONS_PER_CORE), column="page"))
        seconds = time.perf_counter() - start
        cpu_after = process_tree_cpu_seconds()
    finally:
        spark.stop()
    cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
    return Run(f"Spark local[{cores}]", documents, seconds, cores, cpu)


def _run_all(frame: DataFrame) -> None:
    # The "noop" sink computes every column (a count() could prune the UDF away).
    frame.write.format("noop").mode("overwrite").save()


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def table(runs: Sequence[Run]) -> str:
    base = next((r for r in runs if r.label == "Spark local[1]"), None)
    lines = [
        "| run | documents | wall s | pages/s | vs local[1] | CPU s | cores used "
        "| pages per CPU s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        speedup = f"{r.pages_per_second / base.pages_per_second:.2f}x" if base else "-"
        lines.append(
            f"| {r.label} | {r.documents} | {r.seconds:.1f} | {r.pages_per_second:.2f} "
            f"| {speedup} | {_num(r.cpu_seconds, 1)} | {_num(r.cores_used, 2)} "
            f"| {_num(r.pages_per_cpu_second, 2)} |"
        )
    return "\n".join(lines)


def _num(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--documents", type=int, default=DEFAULT_DOCUMENTS)
    parser.add_argument("--cores", default="1,2", help="comma-separated local[N] to time")
    parser.add_argument("--mode", choices=MODES, default="html")
    parser.add_argument("--no-baseline", action="store_true", help="skip the in-process loop")
    args = parser.parse_args(argv)
    load_before = _load()
    documents = make_documents(args.benchmarks, args.documents, args.mode)
    runs = [] if args.no_baseline else [in_process(documents)]
    with tempfile.TemporaryDirectory(prefix="cleaner-scaling-") as tmp:
        source = Path(tmp) / "pages.jsonl"
        source.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
        for cores in (int(c) for c in args.cores.split(",")):
            runs.append(spark_run(cores, source, len(documents)))
            print(f"{runs[-1]}", file=sys.stderr)
    print(
        f"{len(documents)} documents ({args.mode}), {os.cpu_count()} cores; "
        f"load average {load_before} before, {_load()} after\n"
    )
    print(table(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
