"""Where the article is in a dump: the first substantial run of good blocks, cut at
end markers ("Related Articles", "Comments") that say the body is over, under the
headline where the dump repeats it.

Maximum-subarray over block scores (Finn, Kushmerick & Smyth 2001, "Fact or
fiction: content classification for digital libraries", body text extraction). The
Rust core weighs the blocks, finds the headline anchors and the run in one call
(`rust/src/extent.rs` and `rust/src/anchors.rs`, which document their constants'
measurements).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from cleaner.anchors import slug_words
from cleaner.classify import codes
from cleaner.page import Page
from cleaner.results import Label

SLUG_MEMO = 256
"""URLs whose slug words are remembered: the body is found two to four times a page
(twice a pass, and each settling pass again), always under the same URL."""


@dataclass(frozen=True, slots=True)
class Extent:
    start: int
    end: int  # inclusive
    score: float

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and self.start <= i <= self.end


def find_body(
    page: Page,
    free: Sequence[Label],
    labels: Sequence[Label],
    ends: Iterable[int],
    *,
    thread: int | None = None,
    headline: str | None = None,
) -> Extent | None:
    """The article's block range, or None when the page holds no article.

    Each block weighs for the article by its labels (`free`: context-free, `labels`:
    revised): prose by its length, boilerplate and marked blocks against it, a short
    line promoted by context or an unfinished near-good one not at all. The body is
    the first region between end markers (`ends`) that holds a good share of the best
    one's weight; under a headline anchor where the dump repeats its title line, or
    else the headline a markdown dump marked (`headline`) or the URL's slug, where
    that moves an extent that starts above it. `thread` is where a reader comment
    thread starts: the article is above it wherever a region there is long enough.
    """
    found = page.in_core().extent(
        codes(free),
        codes(labels),
        list(page.marks),
        list(ends),
        thread=thread,
        headline=headline,
        slug=_slug(page.url or ""),
    )
    return Extent(*found) if found is not None else None


@lru_cache(maxsize=SLUG_MEMO)
def _slug(url: str) -> tuple[str, ...]:
    return tuple(slug_words(url))
