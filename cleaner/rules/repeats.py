"""The article printed twice: a second copy (an AMP or print rendering, a hidden teaser
of the same story) glued after the first, or the whole body again as one block (a
page's structured-data `articleBody`, a "republish this story" box of its HTML). What
gives the first away is a run of paragraphs repeating earlier ones in the same order,
the second a block that holds several of the page's paragraphs word for word; a single
repeated paragraph can be the article's own (a meal plan's recurring meal, a refrain),
so it stays."""

from __future__ import annotations

from bisect import bisect_left

from cleaner.page import Page
from cleaner.results import Mark, Reason
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


GLUED_MIN_PARAGRAPHS = 3
"""A block holding this many of the page's other paragraphs (distinct ones, each of
REPEAT_MIN_WORDS or more) word for word is the body glued into one block. Measured
with the heuristics alone (`evaluate.py --systems cleaner-heuristics --modes text`,
against the same code with the rule off): three pages rose 0.23-0.36 (a structured-data
`articleBody` copy, a "republish" box of the story's HTML), none fell; inscriptis
dumps leave such blocks out. Two held paragraphs can be a summary box quoting the
lead, so they do not count."""


def glued_copies(page: Page) -> dict[int, Mark]:
    """Blocks that hold GLUED_MIN_PARAGRAPHS or more of the page's paragraphs: the
    paragraphs stay where they are, the block that glues them together goes."""
    words = [f.words for f in page.features]
    keys = [
        fold(b.text) if n >= REPEAT_MIN_WORDS else ""
        for b, n in zip(page.blocks, words, strict=True)
    ]
    paragraphs = sorted({k for k in keys if k}, key=len)
    lengths = [len(p) for p in paragraphs]
    return {
        i: Mark(RULE, Reason.DUPLICATE)
        for i, key in enumerate(keys)
        if words[i] >= GLUED_MIN_PARAGRAPHS * REPEAT_MIN_WORDS
        and sum(p in key for p in paragraphs[: bisect_left(lengths, len(key))])
        >= GLUED_MIN_PARAGRAPHS
    }
