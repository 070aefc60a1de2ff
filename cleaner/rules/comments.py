"""Reader comment threads printed after the article: a run of commenter lines ("jo
says:") and dated stamps ("November 19, 2019 at 6:34 am", "2 days ago at 07:51")."""

from __future__ import annotations

import re

from cleaner.model import Mark, Reason
from cleaner.page import Page
from cleaner.phrases import BULLET

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
_DATE = rf"(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}})"
# "Gary M on September 17, 2018 at 8:50 pm said:": a WordPress comment's header line.
_DATED_COMMENTER = re.compile(
    rf"^\S.{{0,40}}\bon {_DATE}(?:,? (?:at )?\d{{1,2}}[:.]\d\d(?: ?[ap]\.?m\.?)?)?"
    r" (?:says|said|wrote|writes|replied)\s*:?$",
    re.I,
)
_VOTES = re.compile(
    r"^(?:rating: )?[+-]?\d+ (?:votes?|likes?|points?)$|^(?:reply|report|like)$", re.I
)

STAMP_MAX_WORDS = 10
DATED_COMMENTER_MAX_WORDS = 16
"""A commenter line that carries its date: a name of up to four words, a date, a time."""
MIN_COMMENTS = 3
"""Three dated commenter stamps make a thread; one or two can be the article's own
dateline and an update note."""
MAX_COMMENT_GAP = 12
"""Blocks between two stamps of one thread: a long comment runs a few paragraphs."""


def _is_stamp(page: Page, i: int) -> bool:
    if _is_commenter_line(page, i):
        return not _VOTES.match(page.text(i))
    text = BULLET.sub("", page.text(i))  # inscriptis prints comment lists as bullets
    return page.features[i].words <= STAMP_MAX_WORDS and bool(_STAMP.match(text))


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
    return {
        i: Mark(RULE, Reason.COMMENTS_WIDGET)
        for i in range(len(page))
        if _is_commenter_line(page, i)
    }


def _is_commenter_line(page: Page, i: int) -> bool:
    text, words = BULLET.sub("", page.text(i)), page.features[i].words
    if words <= DATED_COMMENTER_MAX_WORDS and _DATED_COMMENTER.match(text):
        return True
    return words <= STAMP_MAX_WORDS and bool(_COMMENTER.match(text) or _VOTES.match(text))
