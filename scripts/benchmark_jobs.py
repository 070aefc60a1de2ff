"""What a batch worker costs to start, and how `--jobs` compares with `--jobs 1` as a
batch grows (a benchmark, never a test).

1. Start-up, each the median of `--runs` fresh processes: importing the command, and
   the first `clean` of a small page (site rules, phrase lists and the block model
   load on first use) against a second one.
2. Batches of N development pages (html-text dumps in a folder), cleaned by
   `python -m cleaner DIR --out-dir OUT` with `--jobs 1`, `--jobs 2` and the default,
   interleaved: the best wall clock of `--runs`, and the CPU seconds of that run (all
   its processes). On a shared machine the wall clock of one run varies by a third;
   the CPU seconds show whether the default did more work than `--jobs 1`. The load
   average is printed beside each row, since the other processes of the machine decide
   what a second worker gains.

3. In one process, what the default adds to `--jobs 1` while a batch is short enough
   to stay in the main process (its clock): `--rounds` runs of the same 64 dumps
   through `batch.clean_items` with jobs None and 1, alternated, and the median ratio.

    python scripts/benchmark_jobs.py [BENCHMARKS] [--sizes 1,4,16,64,200] [--runs 3]
        [--rounds 9] [--no-startup] [--no-batches]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib as bl

CLEAN = [sys.executable, "-m", "cleaner"]
SMALL_PAGE = bl.REPO_ROOT / "fixtures" / "text" / "seed_newsweek_via_aggregator.txt"
DEFAULT_SIZES = "1,4,8,16,32,64,200"
DEFAULT_RUNS = 3
DEFAULT_ROUNDS = 9

POOL_START = """
import sys, time
from concurrent.futures import ProcessPoolExecutor
from cleaner import clean
page = open(sys.argv[1], "rb").read()

def work(n):
    return clean(page, f"https://www.newsweek.com/{n}").text

def pool_seconds():
    started = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(work, range(2)))
    return time.perf_counter() - started

cold = pool_seconds()
work(0)
started = time.perf_counter()
work(1)
one = time.perf_counter() - started
print(cold - one, pool_seconds() - one)
"""

FIRST_AND_SECOND = """
import sys, time
started = time.perf_counter()
from cleaner import clean
imported = time.perf_counter()
page = open(sys.argv[1], "rb").read()
clean(page, "https://www.newsweek.com/a")
first = time.perf_counter()
clean(page, "https://www.newsweek.com/b")
second = time.perf_counter()
print(imported - started, first - imported, second - first)
"""


def median_wall(command: list[str], runs: int) -> float:
    return statistics.median(timed(command)[0] for _ in range(runs))


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=bl.REPO_ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def startup(runs: int) -> None:
    command = median_wall([*CLEAN, "--version"], runs)
    samples = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", FIRST_AND_SECOND, str(SMALL_PAGE)],
            check=True, capture_output=True, text=True, cwd=bl.REPO_ROOT,
        )  # fmt: skip
        samples.append([float(x) for x in done.stdout.split()])
    imported, first, second = (statistics.median(s[i] for s in samples) for i in range(3))
    pools = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", POOL_START, str(SMALL_PAGE)],
            check=True, capture_output=True, text=True, cwd=bl.REPO_ROOT,
        )  # fmt: skip
        pools.append([float(x) for x in done.stdout.split()])
    cold, warm = (statistics.median(p[i] for p in pools) for i in range(2))
    print("| step | seconds |\n|---|--:|")
    print(f"| `python -m cleaner --version` (interpreter, imports) | {command:.3f} |")
    print(f"| `from cleaner import clean` | {imported:.3f} |")
    print(f"| first `clean` of a {SMALL_PAGE.stat().st_size // 1000} kB dump | {first:.3f} |")
    print(f"| second `clean` of it | {second:.3f} |")
    print(f"| worker start-up (import + first - second) | {imported + first - second:.3f} |")
    print(f"| pool of 2 forked before any cleaning: its start-up | {cold:.3f} |")
    print(f"| pool of 2 forked after a first `clean`: its start-up | {warm:.3f} |")
    print(f"(load average {os.getloadavg()[0]:.1f})")


def write_pages(root: Path, folder: Path, count: int) -> list[Path]:
    pages = [p for name in bl.SET_DIRS for p in bl.load_set(name, root)][:count]
    paths = []
    for n, page in enumerate(pages):
        path = folder / f"{n:04d}.txt"
        path.write_text(bl.make_dump(page.html(), bl.HTML_TEXT), encoding="utf-8")
        paths.append(path)
    return paths


def batches(root: Path, sizes: list[int], runs: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        pool = Path(scratch) / "all"
        pool.mkdir()
        paths = write_pages(root, pool, max(sizes))
        print("\n| documents | --jobs 1 s | --jobs 2 s | default s | 2 / 1 | default / 1 "
              "| CPU s: 1 / 2 / default | load |")  # fmt: skip
        print("|--:|--:|--:|--:|--:|--:|--:|--:|")
        for size in sizes:
            folder = Path(scratch) / f"n{size}"
            folder.mkdir()
            for path in paths[:size]:
                (folder / path.name).symlink_to(path)
            base = [*CLEAN, str(folder), "--out-dir", str(Path(scratch) / "out"), "-q",
                    "--no-learn-furniture"]  # fmt: skip
            commands = {"1": [*base, "-j", "1"], "2": [*base, "-j", "2"], "default": base}
            times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
            for _ in range(runs):  # interleaved, so a change of load hits all three alike
                for name, command in commands.items():
                    times[name].append(timed(command))
            (one, cpu1), (two, cpu2), (default, cpud) = (min(times[n]) for n in commands)
            load = os.getloadavg()[0]
            cpu = f"{cpu1:.2f} / {cpu2:.2f} / {cpud:.2f}"
            print(f"| {size} | {one:.2f} | {two:.2f} | {default:.2f} | {two / one:.2f} | "
                  f"{default / one:.2f} | {cpu} | {load:.1f} |")  # fmt: skip


OVERHEAD_DOCUMENTS = 64


def overhead(root: Path, rounds: int) -> None:
    from cleaner.batch import Settings, clean_items
    from cleaner.config import Config
    from cleaner.sources import file_items

    with tempfile.TemporaryDirectory() as scratch:
        paths = write_pages(root, Path(scratch), OVERHEAD_DOCUMENTS)
        items = list(file_items([str(p) for p in paths], ".txt"))
        settings = Settings(Config())
        list(clean_items(items[:1], settings, 1))  # rules and model loaded
        ratios, seconds = [], []
        for _ in range(rounds):
            started = time.perf_counter()
            list(clean_items(items, settings, 1))
            one = time.perf_counter() - started
            started = time.perf_counter()
            list(clean_items(items, settings, None))
            default = time.perf_counter() - started
            ratios.append(default / one)
            seconds.append(one)
    spread = f"lowest {min(ratios):.3f}, highest {max(ratios):.3f}"
    print(f"\nIn one process, {len(items)} dumps, {rounds} rounds: --jobs 1 takes "
          f"{statistics.median(seconds):.2f} s (median); default / --jobs 1: median "
          f"{statistics.median(ratios):.3f}, {spread}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--sizes", default=DEFAULT_SIZES)
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS)
    parser.add_argument("--no-startup", action="store_true")
    parser.add_argument("--no-batches", action="store_true")
    args = parser.parse_args()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"{stamp}; {os.cpu_count()} cores; python scripts/benchmark_jobs.py "
          f"--sizes {args.sizes} --runs {args.runs}\n")  # fmt: skip
    if not args.no_startup:
        startup(args.runs)
    if not args.no_batches:
        batches(args.benchmarks, [int(s) for s in args.sizes.split(",")], args.runs)
    overhead(args.benchmarks, args.rounds)


if __name__ == "__main__":
    main()
