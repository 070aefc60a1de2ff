"""A "Related" box inside the article: a heading ("Related articles", "More in
Politics", "Don't miss") over a few teaser links, after which the article goes on.
Printed mid-article it is furniture to drop, not the article's end. What gives it away
is that prose resumes within a few blocks: two paragraphs in a row. A feed after the
article resumes with teasers instead, a summary line under each headline, so headlines
stand between its paragraphs; and where a date or byline stands in the box, the prose
below is another article glued on (headline, byline, date, body), which must go. That
guard changed no development page: it is there for the glued articles the product
promises to drop."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from cleaner.page import Page
from cleaner.results import Mark, Reason
from cleaner.rules.cards import is_date_line

RULE = "generic.inline_box"

BOX_MAX_BLOCKS = 8
"""Blocks from the heading to the resumed prose: a heading and up to six teaser links
(with an image caption or a "[VIDEO]" tag), as the development sets' inline boxes run."""

RESUME_MIN_WORDS = 12
"""A resumed paragraph is a sentence of at least this many words; a teaser's summary
line or a headline ending in a question mark is often shorter."""

RESUME_MIN_CHARS = 200
"""The two resumed paragraphs hold at least this much prose together.

Measured with the heuristics alone (`evaluate.py --systems cleaner-heuristics --modes
text`, against the same code with boxes off), at (8 blocks, 12 words, 200 characters):
ScrapingHub 0.905 / 0.902 -> 0.920 / 0.911 (html-text / inscriptis), WCXB 0.905 /
0.900 -> 0.906 / 0.901. Twelve pages rose 0.04-0.87, where a "Related articles" box had
cut the article in half; four fell 0.01-0.22, where a subscription pitch or teasers
with long summaries followed the box. A higher bar misses boxes after which the
article resumes with a one-line paragraph."""


def inline_boxes(
    page: Page, headings: Iterable[int], prose_chars: Sequence[int], ends: Collection[int]
) -> dict[int, Mark]:
    """Marks for each box under one of `headings` (end-marker blocks) after which the
    article resumes; `prose_chars` counts each block's prose characters, and no other
    end marker (`ends`) may fall in the box or its resumed paragraphs."""
    marks: dict[int, Mark] = {}
    for heading in headings:
        resume = _resumes_at(page, heading, prose_chars)
        if resume is None or any(heading < k <= resume + 1 for k in ends):
            continue
        if any(_dated(page, k) for k in range(heading + 1, resume)):
            continue
        marks.update((k, Mark(RULE, Reason.RELATED)) for k in range(heading, resume))
    return marks


def _dated(page: Page, k: int) -> bool:
    """A date or byline line: the box holds dated cards or another article's head
    (headline, byline, date), and what follows is that article, not this one."""
    mark = page.marks.get(k)
    if mark is not None and mark.reason in (Reason.BYLINE, Reason.DATELINE):
        return True
    return is_date_line(page, k)


def _resumes_at(page: Page, heading: int, prose_chars: Sequence[int]) -> int | None:
    """The first of two paragraphs in a row within BOX_MAX_BLOCKS of the heading, with
    at least one block between (the teaser links)."""

    def paragraph(k: int) -> bool:
        f = page.features[k] if k < len(page) else None
        return bool(f and prose_chars[k] and f.ends_sentence and f.words >= RESUME_MIN_WORDS)

    last = min(len(page) - 1, heading + BOX_MAX_BLOCKS)
    resume = next((k for k in range(heading + 1, last + 1) if paragraph(k)), None)
    if resume is None or resume == heading + 1 or not paragraph(resume + 1):
        return None
    if prose_chars[resume] + prose_chars[resume + 1] < RESUME_MIN_CHARS:
        return None
    return resume
