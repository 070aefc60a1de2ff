"""Reader comment threads printed after the article: a run of commenter lines ("jo
says:", "Ann said..."), dated stamps ("November 19, 2019 at 6:34 am", "2 days ago at
07:51"), stamps that carry the commenter's name ("Posted by: Ann | March 03, 2026 at
09:14 AM", "Ann • 3 years ago") and the thread's buttons ("Reply", "Reply • Share")."""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.features import BLOCK_MEMO
from cleaner.page import Page
from cleaner.phrases import BULLET
from cleaner.results import Mark, Reason

RULE = "generic.comments"

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}})"
_AT_TIME = r"(?:,? (?:at )?\d{1,2}[:.]\d\d(?: ?[ap]\.?m\.?)?)?"
_AGO_STAMP = r"(?:\d+|an?|one) (?:second|minute|min|hour|hr|day|week|month|year)s? ago"
_WHEN = (
    rf"(?:posted |on )?(?:{_DATE}|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|"
    rf"{_AGO_STAMP}){_AT_TIME}"
)
_STAMP = re.compile(rf"^{_WHEN}$", re.I)
# A stamp after the commenter's name: TypePad's and Movable Type's comment footer
# "Posted by: Ann | March 03, 2026 at 09:14 AM", Disqus's "Ann • 3 years ago". A bare
# "Name | date" is not one: blogs print their post cards' bylines that way.
_NAMED_STAMP = re.compile(
    rf"^(?:posted by:? [^|]{{1,40}}? ?\| ?{_WHEN}"
    rf"|[^\s•·][^•·]{{0,40}}? ?[•·] ?{_AGO_STAMP}{_AT_TIME})$",
    re.I,
)
_COMMENTER = re.compile(r"^\S.{0,40}\b(?:says|said|wrote|writes|replied)\s*:?$", re.I)
# Blogger's "Ann said..." above each comment: only as a line of a few words, since a
# sentence of an article can end the same way.
_SAID_ELLIPSIS = re.compile(r"^\S.{0,40}\bsaid\s*(?:\.\.\.|…)$", re.I)
# "Gary M on September 17, 2018 at 8:50 pm said:": a WordPress comment's header line.
_DATED_COMMENTER = re.compile(
    rf"^\S.{{0,40}}\bon {_DATE}{_AT_TIME} (?:says|said|wrote|writes|replied)\s*:?$", re.I
)
_VOTES = re.compile(
    r"^(?:rating: )?[+-]?\d+ (?:votes?|likes?|points?|upvotes?)$"
    r"|^(?:reply|report|like|upvote|downvote|flag)"
    r"(?:\W+(?:reply|report|like|upvote|downvote|flag|share|edit|delete|permalink))*\W*$"
    r"|^(?:view|show|load|hide) (?:all )?(?:\d+ )?(?:more )?repl(?:y|ies)$",
    re.I,
)

STAMP_MAX_WORDS = 10
NAMED_STAMP_MAX_WORDS = 16
"""A stamp with the commenter's name: "Posted by:", a name of up to six words, a date
and a time."""
SAID_MAX_WORDS = 5
DATED_COMMENTER_MAX_WORDS = 16
"""A commenter line that carries its date: a name of up to four words, a date, a time."""
MIN_COMMENTS = 3
"""Three dated commenter stamps make a thread; one or two can be the article's own
dateline and an update note."""
MAX_COMMENT_GAP = 12
"""Blocks between two stamps of one thread: a long comment runs a few paragraphs."""
REPLY_SLACK = 2
"""A thread's buttons ("Reply", a vote count) follow its last stamp by a block or two."""


COMMENTER, VOTES, STAMP = "commenter", "votes", "stamp"


@lru_cache(maxsize=BLOCK_MEMO)
def line_kind(text: str, words: int) -> str | None:
    """What a line of a comment thread is: a COMMENTER line ("jo says:", a WordPress
    header with its date), VOTES (a count, a Reply button) or a date STAMP; None for
    anything else. A pure function of the line, remembered like the phrase matches: the
    thread and furniture rules ask it for every block on every pass."""
    text = BULLET.sub("", text)  # inscriptis prints comment lists as bullets
    if words <= DATED_COMMENTER_MAX_WORDS and _DATED_COMMENTER.match(text):
        return COMMENTER
    if words <= NAMED_STAMP_MAX_WORDS and _NAMED_STAMP.match(text):
        return STAMP
    if words > STAMP_MAX_WORDS:
        return None
    if _COMMENTER.match(text) or (words <= SAID_MAX_WORDS and _SAID_ELLIPSIS.match(text)):
        return COMMENTER
    if _VOTES.match(text):
        return VOTES
    return STAMP if _STAMP.match(text) else None


def _kind(page: Page, i: int) -> str | None:
    return line_kind(page.text(i), page.features[i].words)


def thread_starts(page: Page) -> list[int]:
    """Where each comment thread begins (its first commenter line)."""
    return [first for first, _ in threads(page)]


def threads(page: Page) -> list[tuple[int, int]]:
    """Each comment thread's first block (its first commenter line) and its last
    commenter line or stamp (the last comment's text follows it)."""
    stamps = [i for i in range(len(page)) if _kind(page, i) in (COMMENTER, STAMP)]
    found: list[tuple[int, int]] = []
    chain: list[int] = []
    for i in stamps:
        if chain and i - chain[-1] > MAX_COMMENT_GAP:
            _close(page, chain, found)
            chain = []
        elif len(chain) < MIN_COMMENTS and _comments_heading_between(page, chain, i):
            chain = []  # the article's dateline above the "12 Comments" heading
        chain.append(i)
    _close(page, chain, found)
    return found


def _comments_heading_between(page: Page, chain: list[int], i: int) -> bool:
    """Whether a comment box's heading or button ("12 Comments", a phrase's mark)
    lies between the chain's last stamp and block `i`."""
    if not chain:
        return False
    return any(
        (mark := page.marks.get(k)) is not None
        and mark.reason is Reason.COMMENTS_WIDGET
        and mark.rule != RULE
        and _kind(page, k) is None  # not the thread's own "Reply" button
        for k in range(chain[-1] + 1, i)
    )


def is_thread_line(page: Page, i: int) -> bool:
    """Whether a block is a thread's own furniture: a commenter line, a stamp, a vote
    count or button, or the commenter's name printed above a stamp."""
    if _kind(page, i) is not None:
        return True
    return i + 1 < len(page) and _kind(page, i + 1) in (COMMENTER, STAMP) and _name_shaped(page, i)


def _name_shaped(page: Page, i: int) -> bool:
    return page.features[i].words <= NAME_MAX_WORDS and not page.features[i].ends_sentence


NAME_MAX_WORDS = 4
"""A commenter's name printed on its own line above the stamp: a name or a handle."""


_CLOCK = re.compile(r"\d[:.]\d\d")
_AGO = re.compile(r"\bago$", re.I)


def _close(page: Page, chain: list[int], found: list[tuple[int, int]]) -> None:
    """A chain is a thread unless its stamps are all relative ("36 minutes ago"
    without a clock time) and no Reply buttons or vote counts go with them: relative
    stamps alone date the items of news feeds, not comments."""
    if not chain:
        return
    personal = [i for i in chain if _CLOCK.search(page.text(i)) or not _AGO.search(page.text(i))]
    last = min(len(page), chain[-1] + 1 + REPLY_SLACK)
    replies = sum(1 for i in range(chain[0], last) if _kind(page, i) == VOTES)
    if len(personal) < MIN_COMMENTS and (len(chain) < MIN_COMMENTS or replies < MIN_COMMENTS):
        return
    first = chain[0]
    if first > 0 and _name_shaped(page, first - 1):
        first -= 1  # the commenter's name printed above the stamp
    found.append((first, chain[-1]))


def comment_furniture(page: Page) -> dict[int, Mark]:
    """Stamps, commenter lines and vote counts inside comment threads."""
    return {
        i: Mark(RULE, Reason.COMMENTS_WIDGET)
        for i in range(len(page))
        if _kind(page, i) in (COMMENTER, VOTES)
    }
