"""A feed of other stories printed after the article as cards (headline, author, date,
teaser), with no heading to announce it. What gives it away is rhythm: a short date
line every few blocks, at a steady period. An article's own dates come once (its
dateline) or at uneven places (a timeline), never as a drumbeat."""

from __future__ import annotations

from cleaner.page import Page
from cleaner.textmeta import parse_date

DATE_LINE_MAX_WORDS = 8
"""A card's date line is the date and little else ("Tuesday November 19, 2019")."""

MIN_CARDS = 3
"""Three dated cards at one period make a feed; two can be a dateline and an update."""

MAX_PERIOD = 6
"""Blocks per card: headline, kicker, author, date, teaser, source. The development
sets' feeds run 3-5; a longer period is more likely paragraphs of a timeline."""

PERIOD_SLACK = 1
"""A card may lack one block (no author) or carry one more (a kicker)."""

LEAD_MAX_WORDS = 20
"""The blocks of the first card above its date (headline, author) are short; walking
back from the date stops at the article's last paragraph."""


def is_date_line(page: Page, i: int) -> bool:
    """A short line that is a date and little else (a card's or a dateline's)."""
    return page.features[i].words <= DATE_LINE_MAX_WORDS and parse_date(page.text(i)) is not None


def _date_lines(page: Page) -> list[int]:
    return [i for i in range(len(page)) if is_date_line(page, i)]


def feed_start(page: Page) -> int | None:
    """Where a feed of dated cards after the article begins (its first card's first
    block), or None. Only the page's first feed is looked at: when little prose comes
    before it, the cards are the page's content (an events list), and so are any
    later ones."""
    run: list[int] = []
    for i in _date_lines(page):
        if run and not _same_rhythm(page, run, i):
            if len(run) >= MIN_CARDS:
                break
            run = run[-1:] if _card_between(page, run[-1], i) else []
        run.append(i)
    if len(run) < MIN_CARDS:
        return None
    start = _first_card(page, run)
    end = min(len(page), run[-1] + run[1] - run[0])
    if _prose_chars(page, 0, start) < ARTICLE_SHARE * _prose_chars(page, start, end):
        return None
    return start


ARTICLE_SHARE = 0.25
"""A feed follows an article only where the prose above it is at least this share of
the prose inside it (the teasers). On the development sets feeds after articles give
0.46-2 (opinion pages with short columns and long teasers are the low end), and an
events list, whose cards are the content, gives 0."""


def _same_rhythm(page: Page, run: list[int], i: int) -> bool:
    if not _card_between(page, run[-1], i):
        return False
    return len(run) < 2 or abs(i - run[-1] - (run[1] - run[0])) <= PERIOD_SLACK


def _card_between(page: Page, date: int, next_date: int) -> bool:
    """Whether the blocks between two date lines can be a card: a few, one of them a
    headline (a timeline's dates have paragraphs between them, not headlines)."""
    if not 2 <= next_date - date <= MAX_PERIOD:
        return False
    return any(page.features[j].headline_like for j in range(date + 1, next_date))


def _first_card(page: Page, run: list[int]) -> int:
    """The first card's first block: up to a period back from its date, over short
    blocks only."""
    first = run[0]
    for _ in range(run[1] - run[0] - 1):
        if first == 0 or page.features[first - 1].words > LEAD_MAX_WORDS:
            break
        first -= 1
    return first


PROSE_MIN_WORDS = 15
"""Prose, for weighing the article against the feed: sentences of some length."""


def _prose_chars(page: Page, lo: int, hi: int) -> int:
    return sum(
        f.chars for f in page.features[lo:hi] if f.words >= PROSE_MIN_WORDS and f.ends_sentence
    )
