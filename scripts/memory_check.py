"""Peak memory of `clean --jsonl` as the batch grows: it should stay flat.

Builds a JSON Lines file of 100,000 text dumps (html-text, cycling the benchmark
pages), then runs `clean --jsonl FILE --jsonl-out /dev/null` on its first 1k, 10k and
100k lines, sampling the resident memory of the command and its workers in /proc.

    python scripts/memory_check.py [BENCHMARKS] [--sizes 1000,10000,100000] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import cycle, islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchlib as bl

DEFAULT_SIZES = (1_000, 10_000, 100_000)
SAMPLE_SECONDS = 0.1
"""How often the process tree's memory is read."""
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
CLEAN = [sys.executable, "-m", "cleaner"]


@dataclass(frozen=True, slots=True)
class Peak:
    documents: int
    seconds: float
    parent_mb: float
    worker_mb: float
    total_mb: float
    exit_code: int


def dumps(root: Path) -> list[tuple[str, str]]:
    """(url, html-text dump) of every benchmark page."""
    pages = [p for name in bl.SET_DIRS for p in bl.load_set(name, root)]
    return [(p.url, bl.make_dump(p.html(), bl.HTML_TEXT)) for p in pages]


def write_jsonl(
    path: Path, pages: Sequence[tuple[str, str]], count: int, max_chars: int | None = None
) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for n, (url, text) in enumerate(islice(cycle(pages), count)):
            record = {"id": n, "url": url, "text": text[:max_chars]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * PAGE_SIZE
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return 0


def children(pid: int) -> Iterator[int]:
    """Every descendant of a process (from /proc/<pid>/task/*/children)."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                kids = [int(k) for k in handle.read().split()]
        except FileNotFoundError:
            continue
        for kid in kids:
            yield kid
            yield from children(kid)


def measure(path: Path, documents: int, jobs: int) -> Peak:
    command = [*CLEAN, "--jsonl", str(path), "--jsonl-out", os.devnull, "-q", "-j", str(jobs)]
    started = time.perf_counter()
    process = subprocess.Popen(command)
    parent = worker = total = 0
    while process.poll() is None:
        own = rss_bytes(process.pid)
        kids = [rss_bytes(k) for k in children(process.pid)]
        parent, worker = max(parent, own), max(worker, max(kids, default=0))
        total = max(total, own + sum(kids))
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - started
    mb = 1e6
    return Peak(documents, seconds, parent / mb, worker / mb, total / mb, process.returncode)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--max-chars", type=int, help="cut each dump to this length (a quicker run)"
    )
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/cleaner-memory-check"))
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    args.workdir.mkdir(parents=True, exist_ok=True)
    pages = dumps(args.benchmarks)
    print(f"{len(pages)} benchmark pages, html-text dumps, cycled", file=sys.stderr)
    peaks = []
    for size in sizes:
        path = args.workdir / f"batch-{size}.jsonl"
        write_jsonl(path, pages, size, args.max_chars)
        peak = measure(path, size, args.jobs)
        print(f"{size} documents: {peak.seconds:.0f} s, exit {peak.exit_code}", file=sys.stderr)
        peaks.append(peak)
        path.unlink()
    cut = f", dumps cut to {args.max_chars} characters" if args.max_chars else ""
    print(f"\nPeak resident memory of `clean --jsonl FILE --jobs {args.jobs}` (MB{cut})\n")
    print("| documents | input MB | seconds | docs/s | parent | largest worker | all processes |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    mean_size = sum(len(json.dumps(t[: args.max_chars])) for _, t in pages) / len(pages)
    for p in peaks:
        print(
            f"| {p.documents:,} | {p.documents * mean_size / 1e6:,.0f} | {p.seconds:.0f} "
            f"| {p.documents / p.seconds:.0f} | {p.parent_mb:.0f} | {p.worker_mb:.0f} "
            f"| {p.total_mb:.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
