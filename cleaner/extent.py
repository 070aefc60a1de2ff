"""Where the article is in a dump: the first substantial run of good blocks, cut at
end markers ("Related Articles", "Comments") that say the body is over.

Maximum-subarray over block scores (Finn, Kushmerick & Smyth 2001, "Fact or
fiction: content classification for digital libraries", body text extraction).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from cleaner.features import Features
from cleaner.results import Label

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


NEAR_GOOD_SHARE = 0.5
"""A near-good block promoted by its neighbours is probably prose, but half as sure.
Only a finished sentence counts so: an unpunctuated one is a teaser headline as often
as a list item, and a list of teaser headlines after the article pulled the extent on
over them. Weighing those as neutral (like a subheading) kept lists inside the article
and cut them at its edges; measured with the model retrained (site-grouped CV, text
mode, html-text / inscriptis): ScrapingHub 0.905 / 0.897 -> 0.905 / 0.904, WCXB 0.916 /
0.911 -> 0.917 / 0.913."""


def weight(context_free: Label, revised: Label, features: Features, marked: bool) -> float:
    """A block's evidence for being article text: prose counts by its length,
    boilerplate against it; a short line promoted by context (a subheading) or an
    unfinished near-good one (a teaser headline, a list item) is neutral, so runs of
    menu items or teaser links add nothing."""
    if marked or revised is Label.BAD:
        return -max(features.chars, BAD_MIN_WEIGHT)
    if context_free is Label.GOOD:
        return features.chars
    if context_free is Label.NEAR_GOOD and features.ends_sentence:
        return NEAR_GOOD_SHARE * features.chars
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


ANCHOR_WINDOW = 15
"""The body starts within this many blocks after its headline (byline, date, author
card, caption and share buttons sit between; the seeds need 3 and 6)."""


def _grown(weights: Sequence[float], fixed: int, reach: range) -> Extent:
    """The best run with one end at `fixed`, grown block by block over `reach` (which
    starts at `fixed` and runs forwards or backwards); the first of equal scores."""
    best = Extent(fixed, fixed, weights[fixed])
    total = 0.0
    for i in reach:
        total += weights[i]
        if total > best.score:
            best = Extent(min(fixed, i), max(fixed, i), total)
    return best


def best_run_after(weights: Sequence[float], anchor: int, hi: int) -> Extent | None:
    """The best run that starts within ANCHOR_WINDOW blocks after `anchor`."""
    best: Extent | None = None
    for start in range(anchor + 1, min(anchor + 1 + ANCHOR_WINDOW, hi)):
        if weights[start] <= 0:
            continue
        run = _grown(weights, start, range(start, hi))
        if best is None or run.score > best.score:
            best = run
    return best


LEAD_IN_SHARE = 2.0
"""A run of prose that ends right above an anchor belongs to the article when it
outweighs the anchored run this many times: the anchor was a card inside the article
(a recipe card under the post, titled like the page), not the headline. Teaser boxes
above a headline are shorter than the story under it, though not always by much: at an
equal share, teaser cards were taken above a short story's headline. Measured with the
heuristics alone (`evaluate.py --systems cleaner-heuristics --modes text`, against the
same code with no lead-in): two recipe-style pages rose 0.80 and 0.91 (ScrapingHub
html-text 0.917 -> 0.920), none fell; inscriptis dumps have no title line to anchor."""


def best_run_before(weights: Sequence[float], anchor: int, lo: int) -> Extent | None:
    """The best run ending on the block right above `anchor`, starting at `lo` or
    later."""
    end = anchor - 1
    if end < lo or weights[end] <= 0:
        return None
    return _grown(weights, end, range(end, lo - 1, -1))


def _anchored(weights: Sequence[float], anchor: int, ends: Sequence[int]) -> Extent | None:
    """The body under a headline anchor, with a lead-in above it if that outweighs it
    LEAD_IN_SHARE times; None when the body is too short."""
    run = best_run_after(weights, anchor, next((e for e in ends if e > anchor), len(weights)))
    if run is None or run.score < MIN_ARTICLE_SCORE:
        return None
    lead_in = best_run_before(weights, anchor, max((e + 1 for e in ends if e < anchor), default=0))
    if lead_in is None or lead_in.score < LEAD_IN_SHARE * run.score:
        return run
    between = sum(weights[anchor : run.start])
    return Extent(lead_in.start, run.end, lead_in.score + between + run.score)


def find_extent(
    weights: Sequence[float],
    end_markers: Sequence[int],
    anchors: Sequence[int] = (),
    thread: int | None = None,
) -> Extent | None:
    """The article's block range, or None when the page holds no article.

    `anchors` are blocks that repeat the page's headline; the body follows one of them.
    `thread` is where a reader comment thread starts: the article is above it wherever
    a region there is long enough, however much longer the comments run (with the
    heuristics alone, `evaluate.py`: an open-thread blog post went 0.00 -> 1.00 and a
    gardening post 0.00 -> 0.96; a page at 0.03 lost 0.005).
    """
    ends = sorted(end_markers)
    anchored = [run for a in anchors if (run := _anchored(weights, a, ends))]
    if anchored:
        return max(anchored, key=lambda r: r.score)
    if thread is not None:
        above = _first_region(weights, [e for e in ends if e < thread], thread)
        if above is not None:
            return above
    return _first_region(weights, ends, len(weights))


def _first_region(weights: Sequence[float], ends: Sequence[int], hi: int) -> Extent | None:
    """The first region between end markers, up to `hi`, that holds FIRST_REGION_SHARE
    of the best one's score."""
    bounds = [-1, *ends, hi]
    regions = [best_run(weights, a + 1, b) for a, b in pairwise(bounds)]
    found = [r for r in regions if r is not None and r.score >= MIN_ARTICLE_SCORE]
    if not found:
        return None
    top = max(r.score for r in found)
    return next(r for r in found if r.score >= FIRST_REGION_SHARE * top)
