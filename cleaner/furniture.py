"""Site furniture learned from many pages of one host: the short lines (menus, footers,
sign-up prompts) that recur on most of its pages, as `cleaner.segment.fold` keys.

Pure counting; the batch runner feeds it pages and hands the result to `Config.furniture`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from cleaner.segment import fold, segment

MIN_PAGES = 2
"""Distinct pages of a host a line must recur on. Measured on the development sets
(scripts/furniture_effect.py): nearly every host there has exactly two pages, and on
the synthetic ten-page set 2 and 3 learn the same lines; 2 lets two-page hosts benefit."""

MIN_SHARE = 0.5
"""Share of the host's sampled pages a line must recur on. Measured: 0.5 learns every
menu, footer and prompt line of the synthetic set and no article line; 0.3 starts
taking recurring section headings, 0.8 misses furniture that rotates (ads, teasers)."""

MAX_LINE_CHARS = 200
"""Longer lines are prose, never furniture: jusText's `length_high` (200 characters)."""

MAX_SAMPLE_PAGES = 200
"""Pages per host that are counted; later pages are cleaned but not tallied. A share
estimated on 200 pages is within +-7 points (95% interval), and the bound keeps the
learning pass's memory flat however many pages one host has."""

DIRECTORY_GROUP_PREFIX = "dir:"
"""Group key prefix of files without a URL: they are grouped by their folder."""


def candidate_keys(text: str, max_chars: int = MAX_LINE_CHARS) -> frozenset[str]:
    """The fold keys of a page's lines that could be furniture (short, with a word)."""
    keys = set()
    for block in segment(text):
        if len(block.text) > max_chars:
            continue
        key = fold(block.text)
        if key:
            keys.add(key)
    return frozenset(keys)


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
    if url:
        host = urlsplit(url if "//" in url else "//" + url).hostname
        if host:
            return host.lower().removeprefix("www.")
    return DIRECTORY_GROUP_PREFIX + folder if folder is not None else None


@dataclass
class _HostTally:
    seen: set[str] = field(default_factory=set)
    counts: Counter[str] = field(default_factory=Counter)


@dataclass
class FurnitureLearner:
    """Counts candidate keys per group over distinct pages, then names the recurring ones.

    A page is counted once per `page_key` (its URL, say), so a page crawled twice does
    not make its own lines look like furniture.
    """

    min_pages: int = MIN_PAGES
    min_share: float = MIN_SHARE
    max_pages: int = MAX_SAMPLE_PAGES
    _tallies: dict[str, _HostTally] = field(default_factory=dict)

    def add(self, group: str | None, page_key: str, keys: Iterable[str]) -> None:
        if group is None:
            return
        tally = self._tallies.setdefault(group, _HostTally())
        if page_key in tally.seen or len(tally.seen) >= self.max_pages:
            return
        tally.seen.add(page_key)
        tally.counts.update(set(keys))

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
    pages: Iterable[tuple[str | None, str, str]],
    *,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
) -> dict[str, frozenset[str]]:
    """Furniture per group from (group, page key, page text) triples."""
    learner = FurnitureLearner(min_pages=min_pages, min_share=min_share)
    for group, page_key, text in pages:
        learner.add(group, page_key, candidate_keys(text))
    return learner.learned()
