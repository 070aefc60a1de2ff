"""Where the article is in a dump: the first substantial run of good blocks, cut at
end markers ("Related Articles", "Comments") that say the body is over.

Maximum-subarray over block scores (Finn, Kushmerick & Smyth 2001, "Fact or
fiction: content classification for digital libraries", body text extraction).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.features import Features
from cleaner.model import Label

BAD_MIN_WEIGHT = 40
"""Every boilerplate block costs at least this many characters, so a stack of short
menu or widget lines separates two regions of prose (measured on the dev sets)."""

FIRST_REGION_SHARE = 0.3
"""The article is the first region between end markers that holds at least this share
of the best region's score: spillover glued after "Related" can be longer than the
article itself, while teaser boxes above it are much shorter."""

MIN_ARTICLE_SCORE = 100
"""A region whose net good text is under ~one sentence is no article at all."""


@dataclass(frozen=True, slots=True)
class Extent:
    start: int
    end: int  # inclusive
    score: float

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and self.start <= i <= self.end


def weight(label: Label, features: Features, marked: bool) -> float:
    if marked or label is Label.BAD:
        return -max(features.chars, BAD_MIN_WEIGHT)
    if label is Label.GOOD:
        return features.chars
    return 0.0


def best_run(weights: Sequence[float], lo: int, hi: int) -> Extent | None:
    """Kadane's maximum-sum run of weights[lo:hi], starting and ending on positives."""
    best: Extent | None = None
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += weights[i]
        if total > 0 and (best is None or total > best.score):
            best = Extent(start, i, total)
    return best


def find_extent(weights: Sequence[float], end_markers: Sequence[int]) -> Extent | None:
    """The article's block range, or None when the page holds no article."""
    bounds = [-1, *sorted(end_markers), len(weights)]
    regions = [best_run(weights, a + 1, b) for a, b in zip(bounds, bounds[1:], strict=False)]
    found = [r for r in regions if r is not None and r.score >= MIN_ARTICLE_SCORE]
    if not found:
        return None
    top = max(r.score for r in found)
    return next(r for r in found if r.score >= FIRST_REGION_SHARE * top)
