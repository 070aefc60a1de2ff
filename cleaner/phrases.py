"""Generic boilerplate phrase lists (data/boilerplate.toml), compiled and matched.

Categories mark whole blocks; end markers are headings after which the body is over.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from cleaner.features import BLOCK_MEMO
from cleaner.model import Mark, Reason
from cleaner.page import Page

RULE_PREFIX = "generic"
BULLET = re.compile(r"^[*•·◦▪‣-]\s+")
"""List bullets that text renderers (inscriptis, html2text) put before menu items."""
_TRIM = re.compile(r"^[\s#*•·|>-]+|[\s:.…»›→>|▶-]+$")


@dataclass(frozen=True, slots=True)
class Category:
    """A kind of furniture: its patterns split into those anchored at the block's start
    (tried there only) and the rest (searched for), which is the same test as searching
    for all of them at once and takes about half as long (the regular expression engine
    would otherwise try every anchored alternative at every position of the block)."""

    name: str
    reason: Reason
    max_words: int
    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None

    def describes(self, text: str) -> bool:
        if self.anchored is not None and self.anchored.match(text):
            return True
        return self.floating is not None and self.floating.search(text) is not None


@dataclass(frozen=True, slots=True)
class EndMarker:
    reason: Reason
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class PhraseBook:
    categories: tuple[Category, ...]
    end_markers: tuple[EndMarker, ...]


def _union(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _compiled(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile(_union(patterns), re.I) if patterns else None


def _category(data: dict[str, Any]) -> Category:
    """A category from the data file. A pattern that starts with "^" anchors every
    alternative it has (`tests/test_rules_phrases.py` checks the data for that)."""
    patterns: list[str] = data["patterns"]
    return Category(
        name=data["name"],
        reason=Reason(data["reason"]),
        max_words=int(data["max_words"]),
        anchored=_compiled([p for p in patterns if p.startswith("^")]),
        floating=_compiled([p for p in patterns if not p.startswith("^")]),
    )


@cache
def phrase_book() -> PhraseBook:
    raw = resources.files("cleaner").joinpath("data/boilerplate.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    categories = tuple(_category(c) for c in data["category"])
    ends = tuple(
        EndMarker(reason=Reason(e["reason"]), pattern=re.compile(_union(e["patterns"]), re.I))
        for e in data["end_marker"]
    )
    return PhraseBook(categories, ends)


def match_phrases(page: Page) -> dict[int, Mark]:
    """Mark blocks that a generic phrase category describes."""
    marks: dict[int, Mark] = {}
    for i, block in enumerate(page.blocks):
        category = category_of(block.text, page.features[i].words)
        if category is not None:
            marks[i] = Mark(f"{RULE_PREFIX}.{category.name}", category.reason)
    return marks


@lru_cache(maxsize=BLOCK_MEMO)
def category_of(text: str, words: int) -> Category | None:
    """The first phrase category that describes a block of `words` words, if any."""
    text = BULLET.sub("", text)
    for category in phrase_book().categories:
        if words <= category.max_words and category.describes(text):
            return category
    return None


def end_marker(text: str) -> EndMarker | None:
    """The end marker a heading-like block is, if any."""
    if len(text) > END_MARKER_MAX_CHARS:
        return None
    trimmed = _TRIM.sub("", text)
    for marker in phrase_book().end_markers:
        if marker.pattern.fullmatch(trimmed):
            return marker
    return None


END_MARKER_MAX_CHARS = 120
"""End markers are section headings; 120 chars covers "12 responses to <headline>"."""
