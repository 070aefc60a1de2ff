"""A table of contents: under its heading ("Table of contents", "On this page", a
phrase category), the article's own section headings listed once more, as links, above
the sections. In a dump the entries are a run of short lines after that heading, each of
which comes back further down the page, in the same order; the later copies are the
headings and stay. Without the heading, short lines that recur in order are as often
the article's own (a meal plan's days, a table's rows printed again for a chart), so
the heading is required."""

from __future__ import annotations

import re
from bisect import bisect_right

from cleaner.page import Page
from cleaner.results import Mark, Reason
from cleaner.segment import fold

RULE = "generic.toc"

MIN_ENTRIES = 2
"""Entries under the heading, each repeated further down in order, before they are
taken for a table of contents (one line that recurs may be a kicker)."""

MAX_ENTRY_WORDS = 15
"""An entry is a heading: longer lines that recur are paragraphs, which
`repeats.repeated_copy` judges."""

_NUMBERING = re.compile(r"^(?:\d+ )+")
"""An entry is often numbered ("1. Background") where its heading is not, or the other
way round; the numbers are left out of the comparison."""


def table_of_contents(page: Page) -> dict[int, Mark]:
    """The entries under each table of contents heading the phrase rules marked (so
    this rule runs after `phrases.match_phrases`)."""
    headings = sorted(
        i for i, mark in page.marks.items() if mark.reason is Reason.TABLE_OF_CONTENTS
    )
    if not headings:
        return {}  # most pages: no keys to build
    keys = [
        _NUMBERING.sub("", fold(block.text)) if features.words <= MAX_ENTRY_WORDS else ""
        for block, features in zip(page.blocks, page.features, strict=True)
    ]
    positions: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key:
            positions.setdefault(key, []).append(i)
    marks: dict[int, Mark] = {}
    for heading in headings:
        copies: list[int] = []  # where each entry comes back, in order
        i = heading + 1
        while i < len(keys) and i not in marks:
            copy = _next_after(positions.get(keys[i], []), copies[-1] if copies else i)
            if copy is None:
                break
            copies.append(copy)
            i += 1
        entries = range(heading + 1, i)
        if len(entries) >= MIN_ENTRIES and copies[0] > entries[-1]:  # all below the list
            marks.update((j, Mark(RULE, Reason.TABLE_OF_CONTENTS)) for j in entries)
    return marks


def _next_after(positions: list[int], after: int) -> int | None:
    """The first of the sorted `positions` past `after`, if any."""
    k = bisect_right(positions, after)
    return positions[k] if k < len(positions) else None
