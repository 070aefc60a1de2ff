"""The worst-pages view: per set and mode, the share of pages where the cleaner's F1 is
below 0.5 while trafilatura, on the same page's HTML, scores 0.8 or more.

Such a page is one the cleaner should have got: a DOM extractor found its body.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import benchlib as bl

OURS_BELOW = 0.5
"""The cleaner's page F1 under this counts as a failure (the project's definition)."""
PEER_AT_LEAST = 0.8
"""trafilatura's page F1 at or over this counts as a page it got (the same definition)."""
PEER = bl.TRAFILATURA
TARGET_SHARE = 0.01
"""The project's target: under 1% of pages in every set and mode."""


@dataclass(frozen=True, slots=True)
class WorstShare:
    """One set and mode: how many pages were compared, and which ones fooled the cleaner."""

    set_name: str
    mode: str
    pages: int
    page_ids: tuple[str, ...]

    @property
    def share(self) -> float:
        return len(self.page_ids) / self.pages if self.pages else 0.0


def worst_shares(outcomes: Iterable[bl.Outcome]) -> list[WorstShare]:
    """Per (set, mode) of the cleaner's outcomes, the pages below OURS_BELOW where the
    peer's HTML outcome on the same page is at PEER_AT_LEAST or over; pages without the
    peer's HTML outcome are not compared. Sorted by set, then mode."""
    items = list(outcomes)
    peer = {
        (o.set_name, o.page_id): o.overlap.f1
        for o in items
        if o.system == PEER and o.mode == bl.HTML_MODE
    }
    groups: dict[tuple[str, str], list[bl.Outcome]] = {}
    for o in items:
        if o.system == bl.CLEANER and (o.set_name, o.page_id) in peer:
            groups.setdefault((o.set_name, o.mode), []).append(o)
    shares = [
        WorstShare(
            set_name,
            mode,
            len(group),
            tuple(
                sorted(
                    o.page_id
                    for o in group
                    if o.overlap.f1 < OURS_BELOW and peer[(set_name, o.page_id)] >= PEER_AT_LEAST
                )
            ),
        )
        for (set_name, mode), group in groups.items()
    ]
    return sorted(shares, key=lambda s: (s.set_name, bl.ALL_MODES.index(s.mode)))


def report_lines(shares: Sequence[WorstShare]) -> list[str]:
    """One line per set and mode (share, count, target), then the pages' ids."""
    lines = [
        f"worst pages: the cleaner's page F1 < {OURS_BELOW} where {PEER} on the same page's "
        f"HTML scores >= {PEER_AT_LEAST} (target: under {TARGET_SHARE:.0%})"
    ]
    for s in shares:
        verdict = "met" if s.share < TARGET_SHARE else "NOT met"
        lines.append(
            f"  {s.set_name} {s.mode}: {s.share:.2%} ({len(s.page_ids)}/{s.pages}), {verdict}"
        )
        if s.page_ids:
            lines.append(f"    {' '.join(s.page_ids)}")
    return lines


def as_json(shares: Sequence[WorstShare]) -> list[dict[str, object]]:
    return [
        {"set": s.set_name, "mode": s.mode, "pages": s.pages, "share": s.share,
         "page_ids": list(s.page_ids)}
        for s in shares
    ]  # fmt: skip
