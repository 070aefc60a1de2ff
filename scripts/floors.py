"""The accuracy gate's floors (`tests/accuracy_baseline.json`): merged so they only rise.

A renewal raises a floor the new figure clears and keeps every other one. Lowering a
floor takes an explicit request naming it, with a reason, and the reason is appended to
CHANGELOG.md. `scripts/evaluate.py` renews the measured floors and
`scripts/train_block_model.py` the cross-validated ones, both through `renew`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

BASELINE_MARGIN = 0.005
"""Floor = measured F1 minus this, so a tiny trade-off elsewhere does not fail the gate
(run-to-run noise is none: every system is deterministic)."""

MEASURED = "measured"
"""The baseline's section of figures the gate measures itself (`tests/test_accuracy_gate.py`
runs the shipped cleaner on every page; in text mode the block model was trained on
these pages, so these figures are in-sample)."""
CROSS_VALIDATED = "cross_validated"
"""The baseline's section of text mode's cross-validated figures, which the training run
records in the model file (`cv`); the gate checks the shipped model's record."""

CHANGELOG_HEADING = "# Changelog\n"
ERR_LOWER_UNKNOWN = "--lower-floor {key}: no such set/mode among the figures measured"
ERR_LOWER_FORMAT = "--lower-floor {value}: expected SET/MODE, e.g. wcxb/text:inscriptis"
ERR_REASON = "--lower-floor needs --reason"

Key = tuple[str, str]
"""(set, mode), e.g. ("wcxb", "text:inscriptis")."""
Floors = dict[str, dict[str, float]]
"""Set -> mode -> floor."""


class Change(Enum):
    ADDED = "added"
    RAISED = "raised"
    LOWERED = "lowered"
    HELD = "held"
    """The figure fell below the floor and no one asked to lower it: the floor stays."""
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class FloorChange:
    key: Key
    old: float | None
    new: float
    candidate: float
    change: Change


def floor_of(f1: float) -> float:
    """The floor a measured F1 earns."""
    return round(max(0.0, f1 - BASELINE_MARGIN), 4)


def parse_key(value: str) -> Key:
    """`SET/MODE` -> (set, mode)."""
    set_name, sep, mode = value.partition("/")
    if not (sep and set_name and mode):
        raise ValueError(ERR_LOWER_FORMAT.format(value=value))
    return set_name, mode


def merge_floors(
    old: Mapping[str, Mapping[str, float]],
    candidates: Mapping[Key, float],
    lower: Collection[Key] = (),
) -> tuple[Floors, list[FloorChange]]:
    """The floors after a renewal: each candidate floor replaces the old one when it is
    higher, or when it is lower and its key is in `lower`; otherwise the old floor holds.
    Floors without a candidate stay as they are."""
    unknown = sorted(set(lower) - set(candidates))
    if unknown:
        raise ValueError(ERR_LOWER_UNKNOWN.format(key="/".join(unknown[0])))
    floors: Floors = {s: dict(modes) for s, modes in old.items()}
    changes = []
    for key, candidate in sorted(candidates.items()):
        set_name, mode = key
        before = old.get(set_name, {}).get(mode)
        if before is None:
            change, after = Change.ADDED, candidate
        elif candidate > before:
            change, after = Change.RAISED, candidate
        elif candidate < before and key in lower:
            change, after = Change.LOWERED, candidate
        elif candidate < before:
            change, after = Change.HELD, before
        else:
            change, after = Change.UNCHANGED, before
        floors.setdefault(set_name, {})[mode] = after
        changes.append(FloorChange(key, before, after, candidate, change))
    return floors, changes


def changelog_section(changes: list[FloorChange], reason: str, day: date) -> str:
    """A dated CHANGELOG.md section for the lowered floors ('' when none was lowered)."""
    lowered = [c for c in changes if c.change is Change.LOWERED]
    if not lowered:
        return ""
    lines = [f"## {day.isoformat()}: accuracy floors lowered", ""]
    lines += [f"- {c.key[0]} {c.key[1]}: {c.old:.4f} -> {c.new:.4f}" for c in lowered]
    return "\n".join([*lines, "", f"Reason: {reason.strip()}", ""])


def append_changelog(path: Path, section: str) -> None:
    """Append `section` to the changelog at `path`, creating it with its heading."""
    if not section:
        return
    text = path.read_text(encoding="utf-8") if path.exists() else CHANGELOG_HEADING
    path.write_text(text.rstrip("\n") + "\n\n" + section, encoding="utf-8")


def renew(
    path: Path,
    section: str,
    figures: Mapping[Key, float],
    lower: Collection[Key] = (),
    reason: str = "",
    changelog: Path | None = None,
    log: Callable[[str], None] = print,
    today: date | None = None,
) -> list[FloorChange]:
    """Merge the floors that `figures` (F1 per (set, mode)) earn into one section of the
    baseline file; lowered floors and `reason` go to `changelog`."""
    if lower and not reason.strip():
        raise ValueError(ERR_REASON)
    baseline = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    candidates = {key: floor_of(f1) for key, f1 in figures.items()}
    floors, changes = merge_floors(baseline.get(section, {}), candidates, lower)
    baseline[section] = floors
    path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    log(f"\nwrote {section} floors to {path}")
    for c in changes:
        if c.change is not Change.UNCHANGED:
            old = "-" if c.old is None else f"{c.old:.4f}"
            log(f"  {c.key[0]} {c.key[1]}: {c.change.value} {old} -> {c.new:.4f}"
                f" (measured floor {c.candidate:.4f})")  # fmt: skip
    if changelog is not None:
        append_changelog(changelog, changelog_section(changes, reason, today or date.today()))
    return changes
