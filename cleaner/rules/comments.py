"""Reader comment threads printed after the article: a run of commenter lines ("jo
says:") and dated stamps ("November 19, 2019 at 6:34 am", "2 days ago at 07:51")."""

from __future__ import annotations

import re

from cleaner.model import Mark, Reason
from cleaner.page import Page

RULE = "generic.comments"

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_STAMP = re.compile(
    rf"^(?:posted |on )?(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}}|"
    r"\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}|"
    r"(?:\d+|an?|one) (?:second|minute|min|hour|hr|day|week|month|year)s? ago)"
    r"(?:,? (?:at )?\d{1,2}[:.]\d\d(?: ?[ap]\.?m\.?)?)?$",
    re.I,
)
_COMMENTER = re.compile(r"^\S.{0,40}\b(?:says|said|wrote|writes|replied)\s*:?$", re.I)
_VOTES = re.compile(
    r"^(?:rating: )?[+-]?\d+ (?:votes?|likes?|points?)$|^(?:reply|report|like)$", re.I
)

STAMP_MAX_WORDS = 10
MIN_COMMENTS = 3
"""Three dated commenter stamps make a thread; one or two can be the article's own
dateline and an update note."""
MAX_COMMENT_GAP = 12
"""Blocks between two stamps of one thread: a long comment runs a few paragraphs."""


def _is_stamp(page: Page, i: int) -> bool:
    text = page.text(i)
    if page.features[i].words > STAMP_MAX_WORDS:
        return False
    return bool(_STAMP.match(text) or _COMMENTER.match(text))


def thread_starts(page: Page) -> list[int]:
    """Where each comment thread begins (its first commenter line)."""
    stamps = [i for i in range(len(page)) if _is_stamp(page, i)]
    starts: list[int] = []
    chain: list[int] = []
    for i in stamps:
        if chain and i - chain[-1] > MAX_COMMENT_GAP:
            _close(page, chain, starts)
            chain = []
        chain.append(i)
    _close(page, chain, starts)
    return starts


_CLOCK = re.compile(r"\d[:.]\d\d")
_AGO = re.compile(r"\bago$", re.I)


def _close(page: Page, chain: list[int], starts: list[int]) -> None:
    """A chain is a thread unless its stamps are all relative ("36 minutes ago"
    without a clock time): those date the items of news feeds, not comments."""
    personal = [i for i in chain if _CLOCK.search(page.text(i)) or not _AGO.search(page.text(i))]
    if len(personal) < MIN_COMMENTS:
        return
    first = chain[0]
    if (
        first > 0
        and page.features[first - 1].words <= 4
        and not page.features[first - 1].ends_sentence
    ):
        first -= 1  # the commenter's name printed above the stamp
    starts.append(first)


def comment_furniture(page: Page) -> dict[int, Mark]:
    """Stamps, commenter lines and vote counts inside comment threads."""
    marks: dict[int, Mark] = {}
    for i, block in enumerate(page.blocks):
        if page.features[i].words <= STAMP_MAX_WORDS and (
            _COMMENTER.match(block.text) or _VOTES.match(block.text)
        ):
            marks[i] = Mark(RULE, Reason.COMMENTS_WIDGET)
    return marks
