"""Site furniture learned from many pages of one host: the short lines (menus, footers,
sign-up prompts) that recur on most of its pages, as `cleaner.segment.fold` keys.

Pure counting; the batch runner feeds it pages and hands the result to `Config.furniture`.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from cleaner.segment import fold, segment
from cleaner.sites import host_of

MIN_PAGES = 2
"""Distinct pages of a host a line must recur on. Measured with
scripts/furniture_effect.py: the development sets' multi-page hosts nearly all have
two pages; K=2 lifts text-mode F1 on them from 0.848 to 0.877 (ScrapingHub) and 0.832
to 0.838 (WCXB), K=3 gives +0.000 and +0.003. Copies of one article count once
(see `profile`), which is what makes two pages enough evidence."""

MIN_SHARE = 0.5
"""Share of the host's counted pages a line must recur on: a majority, as a menu or
footer is on (nearly) every page. On the development sets 0.3, 0.5 and 0.8 learn the
same lines (two-page hosts; the ten-page synthetic hosts), so the value only matters
on large batches, where a majority keeps rotating teasers and section headings out."""

MAX_LINE_CHARS = 200
"""Longer lines are prose, never furniture: jusText's `length_high` (200 characters)."""

MAX_SAMPLE_PAGES = 200
"""Pages per host that are counted; later pages are cleaned but not tallied. A share
estimated on 200 pages is within +-7 points (95% interval), and the bound keeps the
learning pass's memory flat however many pages one host has."""

FINGERPRINT_MIN_CHARS = 70
"""Lines this long count as prose for a page's fingerprint: jusText's `length_low`
(70 characters; shorter paragraphs are "short", i.e. not evidence of content)."""

FINGERPRINT_BYTES = 16
"""A 128-bit digest: collisions between distinct pages are out of the question."""

DIRECTORY_GROUP_PREFIX = "dir:"
"""Group key prefix of files without a URL: they are grouped by their folder."""


@dataclass(frozen=True, slots=True)
class PageProfile:
    """What the learning pass keeps of a page: a fingerprint and its candidate keys."""

    fingerprint: str
    keys: frozenset[str]


def profile(text: str, max_chars: int = MAX_LINE_CHARS) -> PageProfile:
    """The fold keys of a page's lines up to `max_chars`, and a fingerprint of its prose.

    Two copies of one article (crawled twice, or under two names) share their prose,
    so they share a fingerprint and count as one page: otherwise every short line of
    the article would look like furniture. A page without prose is fingerprinted whole.
    """
    keys: set[str] = set()
    prose: set[str] = set()
    for block in segment(text):
        key = fold(block.text)
        if not key:
            continue
        if len(block.text) <= max_chars:
            keys.add(key)
        if len(block.text) >= FINGERPRINT_MIN_CHARS:
            prose.add(key)
    digest = hashlib.blake2b(digest_size=FINGERPRINT_BYTES)
    for key in sorted(prose or keys):
        digest.update(key.encode("utf-8") + b"\n")
    return PageProfile(digest.hexdigest(), frozenset(keys))


def recurring(
    counts: Mapping[str, int],
    pages: int,
    *,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
) -> frozenset[str]:
    """Keys counted on at least `min_pages` pages and a `min_share` of `pages`."""
    need = max(min_pages, math.ceil(min_share * pages))
    if pages < need:
        return frozenset()
    return frozenset(key for key, n in counts.items() if n >= need)


def group_of(url: str | None, folder: str | None = None) -> str | None:
    """The group a page's furniture is learned in: its host (without www.), else its folder."""
    host = host_of(url)
    if host:
        return host.removeprefix("www.")
    return DIRECTORY_GROUP_PREFIX + folder if folder is not None else None


@dataclass
class _HostTally:
    seen: set[str] = field(default_factory=set)
    counts: Counter[str] = field(default_factory=Counter)


@dataclass
class FurnitureLearner:
    """Counts candidate keys per group over distinct pages, then names the recurring ones.

    A page is counted once per fingerprint (see `profile`), and at most `max_pages`
    pages per group are counted.
    """

    min_pages: int = MIN_PAGES
    min_share: float = MIN_SHARE
    max_pages: int = MAX_SAMPLE_PAGES
    _tallies: dict[str, _HostTally] = field(default_factory=dict)

    def add(self, group: str | None, page: PageProfile) -> None:
        if group is None:
            return
        tally = self._tallies.setdefault(group, _HostTally())
        if page.fingerprint in tally.seen or len(tally.seen) >= self.max_pages:
            return
        tally.seen.add(page.fingerprint)
        tally.counts.update(page.keys)

    def learned(self) -> dict[str, frozenset[str]]:
        """Group -> its furniture keys (groups with none are left out)."""
        out = {}
        for group, tally in self._tallies.items():
            keys = recurring(
                tally.counts,
                len(tally.seen),
                min_pages=self.min_pages,
                min_share=self.min_share,
            )
            if keys:
                out[group] = keys
        return out


def learn(
    pages: Iterable[tuple[str | None, str]],
    *,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
) -> dict[str, frozenset[str]]:
    """Furniture per group from (group, page text) pairs."""
    learner = FurnitureLearner(min_pages=min_pages, min_share=min_share)
    for group, text in pages:
        learner.add(group, profile(text))
    return learner.learned()
