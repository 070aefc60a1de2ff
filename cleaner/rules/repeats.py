"""The article printed twice in its body: a second copy (an AMP or print rendering, a
hidden teaser of the same story) glued after the first. What gives it away is a run of
paragraphs repeating earlier ones in the same order; a single repeated paragraph can be
the article's own (a meal plan's recurring meal, a refrain), so it stays."""

from __future__ import annotations

from cleaner.model import Mark, Reason
from cleaner.page import Page
from cleaner.segment import fold

RULE = "generic.repeats"

REPEAT_MIN_WORDS = 12
"""Only sentence-long blocks count: short lines (a menu item, "Share", a byline, a
separator) recur for reasons of their own, and other rules name them."""

MIN_RUN = 3
"""Paragraphs in a row that repeat earlier ones in order before the copy is taken for
a second rendering of the article. Measured on the development sets: dropping every
repeated paragraph cost a meal plan 0.41 F1 (HTML ScrapingHub 0.971 -> 0.970); runs of
three: HTML 0.971 -> 0.972 / 0.935 -> 0.936, text WCXB 0.917 -> 0.919 / 0.912 ->
0.915, ScrapingHub text unchanged."""


def repeated_copy(page: Page, body: range) -> dict[int, Mark]:
    """The later copy of paragraphs the body already holds, where they repeat as a run:
    each repeats an earlier paragraph, in the same order, with no new paragraph between
    (shorter lines between them do not count)."""
    first_seen: dict[str, int] = {}
    run: list[int] = []
    marks: dict[int, Mark] = {}
    last_original = -1
    for i in body:
        if page.features[i].words < REPEAT_MIN_WORDS:
            continue
        key = fold(page.blocks[i].text)
        original = first_seen.setdefault(key, i)
        if original != i and original > last_original:
            run.append(i)
            last_original = original
            continue
        _close(run, marks)
        run = [i] if original != i else []
        last_original = original if original != i else -1
    _close(run, marks)
    return marks


def _close(run: list[int], marks: dict[int, Mark]) -> None:
    if len(run) >= MIN_RUN:
        marks.update((i, Mark(RULE, Reason.DUPLICATE)) for i in run)
