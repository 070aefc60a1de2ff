"""When trafilatura saw only a fragment of the article: the page read as a text dump.

trafilatura takes the article from the first container its expressions match; on a
listicle built of cards, or a page whose body sits in markup it discards, it returns
the introduction alone, and where sections sit in markup it distrusts (a box, a table,
a card) it leaves holes in the article. The page's own text dump (html-text, one block
element per line), cleaned in text mode, then finds the article whole. The reading is
taken instead of trafilatura's body where it holds nearly all of that body and either
several times its words (trafilatura saw a fragment), or more words that fall between
the body's first and last paragraph (trafilatura left holes): the same judgement
trafilatura makes when it falls back to other extractors on a short result.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner import htmlmode, htmlshape, linematch, settle
from cleaner.config import Config
from cleaner.segment import blocks_of, fold
from cleaner.settle import Settled

log = logging.getLogger(__name__)

FALLBACK_RATIO = 3.0
"""A reading that finds the article trafilatura saw a fragment of must hold at least
this many times the words of trafilatura's body. Measured on the development sets
(`scripts/evaluate.py`, HTML mode, with the containment and lead checks): a ratio of 3
lifts six WCXB pages (F1 0.00-0.53 -> 0.82-0.98), lowers one (0.90 -> 0.26) and moves
no ScrapingHub page. In a trial, a ratio of 2 also took readings that kept teaser feeds
trafilatura had rightly left out, and ScrapingHub fell."""

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


GAP_RATIO = 1.5
"""A reading that fills holes in trafilatura's body must hold at least this many times
its words."""

MAX_AROUND_SHARE = 0.1
"""At most this share of a hole-filling reading lies before trafilatura's first
paragraph or after its last: what it adds is inside the article. Measured on the
development sets (`scripts/evaluate.py`, HTML mode): with a ratio of 1.5 and this
share, 14 WCXB pages rise (0.52-0.81 -> 0.82-1.00: list items, key-takeaway boxes and
sections trafilatura dropped), 3 fall (by 0.02-0.20) and no ScrapingHub page moves
(WCXB 0.9391 -> 0.9425). The readings that would have lowered pages mostly add text
after the body (a glued copy of the article, a feed of teasers, comments)."""


def text_reading(
    html: str,
    html_body: Settled,
    url: str | None,
    config: Config,
    lines: Sequence[htmlshape.Line] = (),
) -> Settled | None:
    """The page cleaned as its text dump, where that finds the article trafilatura only
    saw part of; None where trafilatura's body stands (decided from the dump's length
    alone, before any cleaning, where the dump is too short to hold more). The dump's
    lines that are lines of trafilatura's tree (`lines`, `cleaner.htmlshape.walk`) take
    their kinds."""
    body_words = sum(len(block.split()) for block in html_body.kept)
    if not body_words:
        return None  # trafilatura found no article; a dump of an index page finds teasers
    dump = htmlmode.text_dump(html)
    if not _may_hold_more(dump, html_body.kept, body_words):
        return None
    blocks = linematch.shaped(blocks_of(dump), lines)[0] if lines else blocks_of(dump)
    reading = settle.clean_blocks(blocks, url, config, trusted=False)
    reading_words = sum(len(block.split()) for block in reading.kept)
    if reading_words < GAP_RATIO * body_words:
        return None
    placed = Placement.of(html_body.kept, reading.kept)
    if placed.contained < CONTAINED_SHARE:
        return None
    fragment = reading_words >= FALLBACK_RATIO * body_words and placed.lead <= MAX_LEAD_SHARE
    if not fragment and placed.around > MAX_AROUND_SHARE:
        return None
    log.debug("%s: trafilatura kept %d words, the text reading %d", url, body_words, reading_words)
    return reading


def _may_hold_more(dump: str, body: list[str], body_words: int) -> bool:
    """Whether a reading of `dump` could pass the length checks, judged from the dump
    alone: a fragment's reading needs the dump to hold FALLBACK_RATIO times the body's
    words, a hole-filling one needs nearly GAP_RATIO times them between the body's first
    and last paragraph. Most pages fail both, and skip the text-mode pass."""
    words = len(dump.split())
    if words >= FALLBACK_RATIO * body_words:
        return True
    if words < GAP_RATIO * body_words:
        return False
    inside = _words_between(dump, body)
    return inside is None or inside >= (1 - MAX_AROUND_SHARE) * GAP_RATIO * body_words


def _words_between(dump: str, body: list[str]) -> int | None:
    """Words of the dump's lines from the first to the last line that is a paragraph
    of `body`; None where no line is."""
    keys = set(map(fold, body))
    lines = dump.splitlines()
    found = [i for i, line in enumerate(lines) if fold(line) in keys]
    if not found:
        return None
    return sum(len(line.split()) for line in lines[found[0] : found[-1] + 1])


@dataclass(frozen=True, slots=True)
class Placement:
    """Where trafilatura's body lies in a reading, both folded once: each reading
    block's words, the first and last reading block that is also a body block
    (len(reading) and -1 where none is), and the share of the body's text (in
    characters of its `fold` keys) that the reading holds."""

    words: tuple[int, ...]
    first: int
    last: int
    contained: float

    @classmethod
    def of(cls, body: list[str], reading: list[str]) -> Placement:
        body_keys = [fold(block) for block in body]
        reading_keys = [fold(block) for block in reading]
        present = set(reading_keys)
        total = sum(map(len, body_keys))
        held = sum(len(key) for key in body_keys if key in present)
        in_body = set(body_keys)
        inside = [i for i, key in enumerate(reading_keys) if key in in_body]
        return cls(
            tuple(len(block.split()) for block in reading),
            inside[0] if inside else len(reading),
            inside[-1] if inside else -1,
            held / total if total else 1.0,
        )

    @property
    def lead(self) -> float:
        """Share of the reading's words before its first body block."""
        total = sum(self.words)
        return sum(self.words[: self.first]) / total if total else 0.0

    @property
    def around(self) -> float:
        """Share of the reading's words before its first body block or after its last."""
        total = sum(self.words)
        outside = sum(self.words[: self.first]) + sum(self.words[self.last + 1 :])
        return outside / total if total else 0.0


def lead_share(body: list[str], reading: list[str]) -> float:
    """`Placement.lead` of a body in a reading."""
    return Placement.of(body, reading).lead


def around_share(body: list[str], reading: list[str]) -> float:
    """`Placement.around` of a body in a reading."""
    return Placement.of(body, reading).around


def contained_share(inner: list[str], outer: list[str]) -> float:
    """Share of `inner`'s text (in characters, compared by `fold` key) whose block is
    also in `outer` (`Placement.contained`)."""
    return Placement.of(inner, outer).contained
