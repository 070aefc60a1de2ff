"""The default --jobs: a batch starts in the main process and takes idle cores only once
it has run long enough for their start-up not to matter."""

from __future__ import annotations

import json

import pytest

from cleaner import batch, workers
from cleaner.config import Config
from cleaner.sources import Item, Origin
from tests.helpers import PROSE

SETTINGS = batch.Settings(Config(), jsonl=True)


def items(count: int) -> list[Item]:
    lines = [json.dumps({"id": n, "text": f"{PROSE[n % len(PROSE)]} ({n})"}) for n in range(count)]
    return [Item(n, f"in:{n}", Origin.JSONL, line.encode(), id=n) for n, line in enumerate(lines)]


def ids(outcomes: list[batch.Outcome]) -> list[int]:
    return [json.loads(o.output)["id"] for o in outcomes]


def test_a_short_batch_never_starts_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(jobs: int, settings: batch.Settings) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(batch, "_pool", no_pool)
    assert ids(list(batch.clean_items(items(6), SETTINGS, None))) == list(range(6))


def test_a_long_batch_goes_on_in_a_pool_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    real_pool = batch._pool

    def pool(jobs: int, settings: batch.Settings) -> object:
        started.append(jobs)
        return real_pool(jobs, settings)

    monkeypatch.setattr(batch, "_pool", pool)
    monkeypatch.setattr(workers, "parallel_after", lambda: 0.0)  # due after one document
    monkeypatch.setattr(workers, "parallel_jobs", lambda clock: 2)
    assert ids(list(batch.clean_items(items(20), SETTINGS, None))) == list(range(20))
    assert started == [2]


def test_a_busy_machine_keeps_the_batch_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "parallel_after", lambda: 0.0)
    monkeypatch.setattr(workers, "parallel_jobs", lambda clock: 1)
    monkeypatch.setattr(batch, "_pool", lambda jobs, settings: pytest.fail("a pool started"))
    assert ids(list(batch.clean_items(items(5), SETTINGS, None))) == list(range(5))


@pytest.mark.parametrize(
    ("idle_share", "cores", "jobs"),
    [(0.0, 2, 1), (0.2, 2, 1), (0.3, 2, 2), (0.5, 2, 2), (0.5, 8, 5), (1.0, 4, 4)],
)
def test_one_worker_per_idle_core(
    monkeypatch: pytest.MonkeyPatch, idle_share: float, cores: int, jobs: int
) -> None:
    times = iter([(0, 0), (int(idle_share * 1000), 1000)])
    monkeypatch.setattr(workers, "_cpu_times", lambda: next(times))
    monkeypatch.setattr(workers.os, "cpu_count", lambda: cores)
    monkeypatch.setattr(workers, "usable_cores", lambda: cores)
    assert workers.parallel_jobs(workers.CpuClock()) == jobs


def test_cpu_times_read_proc_stat() -> None:
    found = workers._cpu_times()
    if found is None:
        pytest.skip("no /proc/stat here")
    idle, total = found
    assert 0 <= idle <= total
