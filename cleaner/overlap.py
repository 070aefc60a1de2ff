"""How much of one text another holds, by shared word n-grams (multiset shingles, as in
the ScrapingHub metric), so two extractions of one page can be compared whatever their
paragraph breaks."""

from __future__ import annotations

import re
from collections import Counter

SHINGLE_WORDS = 4
"""Four words in a row are rarely shared by chance, and survive re-wrapped paragraphs."""

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> Counter[tuple[str, ...]]:
    """The multiset of `size`-word runs of `text`; a shorter text is one shingle."""
    words = _WORD.findall(text.casefold())
    return Counter(tuple(words[i : i + size]) for i in range(max(1, len(words) - size + 1)))


def contained_share(part: str, whole: str) -> float:
    """The share of `part`'s shingles that `whole` also holds (1.0 for an empty part)."""
    if not _WORD.search(part):
        return 1.0
    mine = shingles(part)
    return sum((mine & shingles(whole)).values()) / sum(mine.values())
