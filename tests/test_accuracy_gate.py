"""Accuracy gate: the cleaner's F1 on each development set and mode stays above its floor.

Floors live in `accuracy_baseline.json`; `scripts/evaluate.py --write-baseline` renews
them. Without the benchmarks the gate skips locally and fails in CI.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.shared_material import BENCHMARKS, require

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "scripts"))

import benchlib as bl  # noqa: E402  (a script helper, importable once scripts/ is on the path)

BASELINE = Path(__file__).with_name("accuracy_baseline.json")
WORKERS = 2
EXPECTED_PAGES = {bl.SCRAPINGHUB: 181, bl.WCXB: 709}
"""Page counts from the sets' READMEs: a partial copy must not pass the gate."""

MISSING = "development benchmarks not found at {path}"

FLOORS: dict[str, dict[str, float]] = json.loads(BASELINE.read_text(encoding="utf-8"))
CASES = [(set_name, mode) for set_name in bl.SET_DIRS for mode in bl.ALL_MODES]


@pytest.fixture(scope="module")
def measured() -> dict[bl.Key, bl.Summary]:
    """The cleaner on every page of both sets in every mode, each dump made once."""
    require(BENCHMARKS.is_dir(), MISSING.format(path=BENCHMARKS))
    pages = {name: bl.load_set(name, BENCHMARKS) for name in bl.SET_DIRS}
    counts = {name: len(found) for name, found in pages.items()}
    assert counts == EXPECTED_PAGES, f"incomplete benchmarks at {BENCHMARKS}"
    plan = tuple((mode, (bl.CLEANER,)) for mode in bl.ALL_MODES)
    jobs = [bl.Job(page, plan) for found in pages.values() for page in found]
    return bl.summarise(bl.run_jobs(jobs, WORKERS))


def test_baseline_has_a_floor_for_every_set_and_mode() -> None:
    assert sorted((s, m) for s, modes in FLOORS.items() for m in modes) == sorted(CASES)


@pytest.mark.parametrize(("set_name", "mode"), CASES)
def test_f1_is_at_least_the_floor(
    measured: dict[bl.Key, bl.Summary], set_name: str, mode: str
) -> None:
    summary = measured[(set_name, mode, bl.CLEANER)]
    floor = FLOORS[set_name][mode]
    errors = ", ".join(f"{o.page_id}: {o.error}" for o in summary.errors[:3])
    assert summary.scores.f1 >= floor, (
        f"{set_name} {mode}: F1 {summary.scores.f1:.4f} < floor {floor:.4f} "
        f"(P {summary.scores.precision:.4f}, R {summary.scores.recall:.4f}; "
        f"{len(summary.errors)} pages raised{': ' + errors if errors else ''})"
    )
