"""When trafilatura saw only a fragment of the article: the page read as a text dump.

trafilatura takes the article from the first container its expressions match; on a
listicle built of cards, or a page whose body sits in markup it discards, it returns
the introduction alone. The page's own text dump (html-text, one block element per
line), cleaned in text mode, then finds the article whole. Where that reading holds
several times the words of trafilatura's and nearly all of what trafilatura kept, it
is taken instead: the same judgement trafilatura makes when it falls back to other
extractors on a short result.
"""

from __future__ import annotations

import logging

from cleaner import htmlmode, settle
from cleaner.config import Config
from cleaner.segment import fold, segment
from cleaner.settle import Settled
from cleaner.unwrap import unwrap

log = logging.getLogger(__name__)

FALLBACK_RATIO = 3.0
"""The text reading must hold at least this many times the words of trafilatura's
body. Measured on the development sets (`scripts/evaluate.py`, HTML mode, with the
other two checks): a ratio of 3 lifts six WCXB pages (F1 0.00-0.53 -> 0.82-0.98),
lowers one (0.90 -> 0.26) and moves no ScrapingHub page. In a trial, a ratio of 2 also
took readings that kept teaser feeds trafilatura had rightly left out, and ScrapingHub
fell."""

CONTAINED_SHARE = 0.9
"""Share of trafilatura's body (in characters) the text reading must also keep: a
reading that lost what trafilatura found is a different part of the page, not more of
the same article."""

MAX_LEAD_SHARE = 0.5
"""Most of a reading that finds more of the article lies around or after trafilatura's
body (the rest of a listicle, the sections after an introduction): on the development
pages it took, at most a quarter came before it. A reading whose text mostly precedes
trafilatura's body kept something else, such as a column of teasers above the article
(a ScrapingHub page, 0.94 -> 0.29 without this check)."""


def text_reading(html: str, html_body: Settled, url: str | None, config: Config) -> Settled | None:
    """The page cleaned as its text dump, where that finds the article trafilatura only
    saw part of; None where trafilatura's body stands (the usual case, decided from
    the dump's length alone before any cleaning)."""
    body_words = sum(len(block.split()) for block in html_body.kept)
    if not body_words:
        return None  # trafilatura found no article; a dump of an index page finds teasers
    dump = htmlmode.text_dump(html)
    if len(dump.split()) < FALLBACK_RATIO * body_words:
        return None
    reading = settle.clean_blocks(unwrap(segment(dump)), url, config, trusted=False)
    reading_words = sum(len(block.split()) for block in reading.kept)
    if reading_words < FALLBACK_RATIO * body_words:
        return None
    if contained_share(html_body.kept, reading.kept) < CONTAINED_SHARE:
        return None
    if lead_share(html_body.kept, reading.kept) > MAX_LEAD_SHARE:
        return None
    log.debug("%s: trafilatura kept %d words, the text reading %d", url, body_words, reading_words)
    return reading


def lead_share(body: list[str], reading: list[str]) -> float:
    """Share of the reading's words that come before its first block of `body`."""
    keys = set(map(fold, body))
    words = [len(block.split()) for block in reading]
    first = next((i for i, block in enumerate(reading) if fold(block) in keys), len(reading))
    total = sum(words)
    return sum(words[:first]) / total if total else 0.0


def contained_share(inner: list[str], outer: list[str]) -> float:
    """Share of `inner`'s text (in characters, compared by `fold` key) whose block is
    also in `outer`."""
    keys = [fold(block) for block in inner]
    total = sum(map(len, keys))
    if not total:
        return 1.0
    present = set(map(fold, outer))
    return sum(len(key) for key in keys if key in present) / total
