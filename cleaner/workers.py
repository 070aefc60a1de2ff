"""How many processes a batch gets when `--jobs` is not given: it starts in the main
process, and only a batch still running after `PARALLEL_AFTER` seconds gets a worker
per core that stayed idle meanwhile, forked from the warmed-up main process."""

from __future__ import annotations

import multiprocessing
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

WARM_WORKER_START = 0.25
"""Seconds a pool of workers forked from a main process that has cleaned (site rules,
phrase lists and block model loaded) costs before its first result; measured 0.1-0.25 s
on a 2-core machine at load 8-10 (scripts/benchmark_jobs.py). A cold worker (spawned,
or forked before any cleaning) loads them itself: 1.2 s idle, 3-4 s at load 10."""

COLD_WORKER_START = 1.25
"""A spawned worker's start-up: imports, rules and model (scripts/benchmark_jobs.py)."""

MAX_SLOWDOWN = 0.05
"""A batch run with the default --jobs is never more than 5% slower than --jobs 1: the
workers start only once their start-up is at most this share of the time already spent
(the worst case is a batch that ends just after they started)."""

ROUND_UP_FROM = 0.5
"""A further worker is started for each idle core, and for a last half core: a worker
with half a core still ends the batch sooner than the main process alone."""

PROC_STAT = Path("/proc/stat")


@dataclass
class CpuClock:
    """The machine's idle and total CPU time since it was made (Linux), to tell how many
    cores the rest of the machine left idle while the batch ran."""

    start: tuple[int, int] | None = field(default_factory=lambda: _cpu_times())

    def idle_cores(self) -> float | None:
        now = _cpu_times()
        if self.start is None or now is None or now[1] <= self.start[1]:
            return None
        idle = (now[0] - self.start[0]) / (now[1] - self.start[1])
        return idle * (os.cpu_count() or 1)


def _cpu_times() -> tuple[int, int] | None:
    """(idle + iowait, total) jiffies of all cores, from /proc/stat's first line."""
    try:
        fields = PROC_STAT.read_text(encoding="ascii").split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = [int(f) for f in fields[:8]]  # user nice system idle iowait irq softirq steal
    return ticks[3] + ticks[4], sum(ticks)


def usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def parallel_jobs(clock: CpuClock) -> int:
    """Processes for the rest of a batch that has run for `PARALLEL_AFTER` seconds in the
    main process: that one, plus one per idle core it saw (see `ROUND_UP_FROM`)."""
    idle = clock.idle_cores()
    if idle is None:  # no /proc/stat: the load average, which counts this process too
        idle = usable_cores() - os.getloadavg()[0] + 1 if hasattr(os, "getloadavg") else 0.0
    return max(1, min(usable_cores(), 1 + int(idle + ROUND_UP_FROM)))


def forks() -> bool:
    """Whether workers are forked, and so start with what the main process loaded."""
    return multiprocessing.get_start_method() == "fork"


def parallel_after() -> float:
    """Seconds a batch runs in the main process before it may take more cores."""
    return (WARM_WORKER_START if forks() else COLD_WORKER_START) / MAX_SLOWDOWN


class Stopwatch:
    """Time since the batch started, against `parallel_after()`, and the CPU clock."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.limit = parallel_after()
        self.clock = CpuClock()

    def due(self) -> bool:
        return time.monotonic() - self.started >= self.limit
