"""How fast the cleaner is, beside its peers, in one run (a benchmark, never a test).

On the ScrapingHub set: cleaner text mode and jusText on html-text dumps, cleaner HTML
mode and trafilatura's default `extract()` on the HTML, each timed in CPU seconds per
call (so pages/s is per core, whatever else the machine runs); then `clean --jsonl`
with --jobs 1 and 2 (wall clock), and the start-up time of the command. Last, what a
page may cost at each target beside what single steps of the cleaner cost alone
(`--no-floors` skips it).

    python scripts/benchmark_speed.py [BENCHMARKS] [--documents 2000] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import cycle, islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib as bl

from cleaner import clean

DEFAULT_DOCUMENTS = 2_000
"""Documents of the --jobs comparison: long enough that pool start-up is noise."""
STARTUP_RUNS = 7
"""Runs per start-up figure; the median is reported."""
SMALL_FILE = bl.REPO_ROOT / "fixtures" / "text" / "seed_newsweek_via_aggregator.txt"
CLEAN = [sys.executable, "-m", "cleaner"]
PROFILE_LINES = 15

TARGET_TEXT_VS_TRAFILATURA = 20.0
TARGET_TEXT_VS_JUSTEXT = 10.0
TARGET_HTML_VS_TRAFILATURA = 1.0
TARGET_JOBS_SPEEDUP = 1.8
"""The issue's targets (issue 5)."""


@dataclass(frozen=True, slots=True)
class Speed:
    system: str
    pages: int
    megabytes: float
    cpu_seconds: float
    first_call: float

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.cpu_seconds

    @property
    def mb_per_second(self) -> float:
        return self.megabytes / self.cpu_seconds


Run = Callable[[str, str], object]


def time_system(name: str, run: Run, documents: Sequence[tuple[str, str]]) -> Speed:
    """CPU time of `run` over every (document, url); the first call is timed apart."""
    start = time.process_time()
    run(*documents[0])
    first = time.process_time() - start
    start = time.process_time()
    for document, url in documents:
        run(document, url)
    seconds = time.process_time() - start
    size = sum(len(d.encode("utf-8")) for d, _ in documents) / 1e6
    return Speed(name, len(documents), size, seconds, first)


def trafilatura_default(html: str, url: str) -> object:
    import trafilatura

    return trafilatura.extract(html, url=url or None)


SYSTEMS: dict[str, tuple[str, Run]] = {
    "cleaner text mode": ("dump", lambda d, u: clean(d, u or None, kind="text")),
    "jusText (dump lines as <p>)": ("dump", bl.justext_on_dump),
    "cleaner HTML mode": ("html", lambda d, u: clean(d, u or None, kind="html")),
    "cleaner HTML mode, no text reading": (
        "html",
        lambda d, u: clean(d, u or None, kind="html", html_fallback=False),
    ),
    "trafilatura extract() default": ("html", trafilatura_default),
}
"""Name -> (input: html-text dump or HTML, call)."""


def wall(command: Sequence[str], stdin: bytes | None = None) -> float:
    return timed(command, stdin)[0]


def timed(command: Sequence[str], stdin: bytes | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and every process it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, input=stdin, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def median_wall(command: Sequence[str], runs: int = STARTUP_RUNS) -> float:
    return statistics.median(wall(command) for _ in range(runs))


def jobs_throughput(
    dumps: Sequence[tuple[str, str]], count: int, workdir: Path
) -> dict[str, tuple[float, float]]:
    """(documents per wall-clock second, CPU ms per document) of `clean --jsonl`."""
    path = workdir / "speed.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for n, (text, url) in enumerate(islice(cycle(dumps), count)):
            handle.write(json.dumps({"id": n, "url": url, "text": text}) + "\n")
    base = [*CLEAN, "--jsonl", str(path), "--jsonl-out", os.devnull, "-q"]
    out = {}
    for label, extra in (
        ("--jobs 1", ["-j", "1", "--no-learn-furniture"]),
        ("--jobs 2", ["-j", "2", "--no-learn-furniture"]),
        ("--jobs 1, learning furniture", ["-j", "1"]),
    ):
        seconds, cpu = timed([*base, *extra])
        out[label] = (count / seconds, 1000 * cpu / count)
    path.unlink()
    return out


def _per_page_ms(call: Callable[[Any], object], items: Sequence[Any]) -> float:
    """CPU ms per item, after one call that loads what the step loads once."""
    call(items[0])
    start = time.process_time()
    for item in items:
        call(item)
    return 1000 * (time.process_time() - start) / len(items)


def floors(dumps: Sequence[tuple[str, str]], htmls: Sequence[tuple[str, str]]) -> dict[str, float]:
    """CPU ms per page of single steps, each alone and unremembered: what no faster
    arrangement of the others can save. Text steps run on the html-text dumps (blocks
    cut beforehand), trafilatura on the HTML parsed beforehand, as HTML mode runs it."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    from cleaner.features import measure_all
    from cleaner.language import core_stoplist, guess_language
    from cleaner.phrases import phrase_book
    from cleaner.segment import segment

    texts = [text for text, _ in dumps]
    pages = [[b.text for b in segment(text)] for text in texts]
    stops = core_stoplist("English")
    words = [[f.words for f in measure_all(lines, stops)] for lines in pages]
    measure_page = lambda lines: measure_all(lines, stops)  # noqa: E731
    book = phrase_book()
    phrase_page = lambda page: book.categories_of(*page)  # noqa: E731
    trees = [load_html(html) for html, _ in htmls]

    def trafilatura_run(precision: bool) -> Callable[[Any], object]:
        return lambda tree: bare_extraction(
            tree, favor_precision=precision, include_tables=True, with_metadata=False
        )

    return {
        "cutting the dump into blocks (`segment`)": _per_page_ms(segment, texts),
        "CLD2's language guess (`guess_language`)": _per_page_ms(guess_language, texts),
        "measuring every block once (`features.measure`)": _per_page_ms(measure_page, pages),
        "the phrase patterns over every block (`phrases.category_of`)": _per_page_ms(
            phrase_page, list(zip(pages, words, strict=True))
        ),
        "trafilatura, one precision-mode run on the parsed page": _per_page_ms(
            trafilatura_run(True), trees
        ),
        "trafilatura, one recall-mode run on the parsed page": _per_page_ms(
            trafilatura_run(False), trees
        ),
    }


def report_floors(speeds: dict[str, Speed], steps: dict[str, float]) -> None:
    ms = {name: 1000 / s.pages_per_second for name, s in speeds.items()}
    traf, jus = ms["trafilatura extract() default"], ms["jusText (dump lines as <p>)"]
    print("\n## What a page may cost at the targets (CPU ms per page)\n")
    print("| | ms per page |")
    print("|---|---:|")
    rows = [
        ("budget: text mode at 20x trafilatura", traf / TARGET_TEXT_VS_TRAFILATURA),
        ("budget: text mode at 10x jusText", jus / TARGET_TEXT_VS_JUSTEXT),
        ("cleaner text mode, measured", ms["cleaner text mode"]),
        *((f"text step alone: {label}", value) for label, value in steps.items()
          if not label.startswith("trafilatura")),
        ("budget: HTML mode at 1x trafilatura", traf / TARGET_HTML_VS_TRAFILATURA),
        ("cleaner HTML mode, measured", ms["cleaner HTML mode"]),
        *((f"HTML step alone: {label}", value) for label, value in steps.items()
          if label.startswith("trafilatura")),
    ]  # fmt: skip
    for label, value in rows:
        print(f"| {label} | {value:.2f} |")


def profile_text_mode(dumps: Sequence[tuple[str, str]]) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for text, url in dumps:
        clean(text, url or None, kind="text")
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative")
    print("\n## Profile of text mode (cumulative)\n\n```")
    stats.print_stats(PROFILE_LINES)
    print("```")


def report(
    speeds: dict[str, Speed], jobs: dict[str, tuple[float, float]], startup: dict[str, float]
) -> None:
    print("## Per-core speed on the ScrapingHub set (181 pages, CPU time)\n")
    print("| system | input | pages/s per core | MB/s per core | first call (s) |")
    print("|---|---|---:|---:|---:|")
    for name, speed in speeds.items():
        kind = SYSTEMS[name][0]
        print(
            f"| {name} | {kind} | {speed.pages_per_second:.1f} | {speed.mb_per_second:.2f} "
            f"| {speed.first_call:.2f} |"
        )
    rate = {name: s.pages_per_second for name, s in speeds.items()}
    text, html = rate["cleaner text mode"], rate["cleaner HTML mode"]
    traf, jus = rate["trafilatura extract() default"], rate["jusText (dump lines as <p>)"]
    print("\n## Targets\n")
    print("| target | wanted | measured | met |")
    print("|---|---:|---:|---|")
    rows = [
        ("text mode / trafilatura", TARGET_TEXT_VS_TRAFILATURA, text / traf),
        ("text mode / jusText", TARGET_TEXT_VS_JUSTEXT, text / jus),
        ("HTML mode / trafilatura", TARGET_HTML_VS_TRAFILATURA, html / traf),
    ]
    if "--jobs 2" in jobs:
        speedup = jobs["--jobs 2"][0] / jobs["--jobs 1"][0]
        rows.append(("--jobs 2 / --jobs 1 (wall clock)", TARGET_JOBS_SPEEDUP, speedup))
        ideal = 2 * jobs["--jobs 1"][1] / jobs["--jobs 2"][1]
        rows.append(("--jobs 2 / --jobs 1 on 2 idle cores (CPU)", TARGET_JOBS_SPEEDUP, ideal))
    for label, wanted, got in rows:
        print(f"| {label} | {wanted:g}x | {got:.2f}x | {'yes' if got >= wanted else 'NO'} |")
    if jobs:
        print("\n## `clean --jsonl` throughput (wall clock)\n")
        print("| run | documents/s | CPU ms per document (all processes) |")
        print("|---|---:|---:|")
        for label, (per_second, cpu) in jobs.items():
            print(f"| {label} | {per_second:.1f} | {cpu:.1f} |")
    print("\n## Start-up (median wall clock)\n")
    print("| command | seconds |")
    print("|---|---:|")
    for label, value in startup.items():
        print(f"| {label} | {value:.3f} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--documents", type=int, default=DEFAULT_DOCUMENTS)
    parser.add_argument("--profile", action="store_true", help="profile text mode too")
    parser.add_argument("--no-floors", action="store_true", help="skip the per-step floors")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp"))
    args = parser.parse_args(argv)
    pages = bl.load_set(bl.SCRAPINGHUB, args.benchmarks)
    htmls = [(p.html(), p.url) for p in pages]
    dumps = [(bl.make_dump(html, bl.HTML_TEXT), url) for html, url in htmls]
    inputs = {"dump": dumps, "html": htmls}
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    speeds = {name: time_system(name, run, inputs[kind]) for name, (kind, run) in SYSTEMS.items()}
    jobs = jobs_throughput(dumps, args.documents, args.workdir) if args.documents else {}
    small = str(SMALL_FILE)
    startup = {
        "clean --help": median_wall([*CLEAN, "--help"]),
        "clean seed_newsweek.txt (13 kB dump)": median_wall([*CLEAN, small]),
        "python -c 'import cleaner'": median_wall([sys.executable, "-c", "import cleaner"]),
        "python -c 'import trafilatura'": median_wall([sys.executable, "-c", "import trafilatura"]),
        "python -c 'pass'": median_wall([sys.executable, "-c", "pass"]),
    }
    report(speeds, jobs, startup)
    if not args.no_floors:
        report_floors(speeds, floors(dumps, htmls))
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")
    if args.profile:
        profile_text_mode(dumps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
