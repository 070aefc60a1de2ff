"""Generic boilerplate phrase lists (data/boilerplate.toml): read here, compiled and
matched by the Rust core (`rust/src/phrases.rs`, one `RegexSet` over every category).

Categories mark whole blocks; end markers are headings after which the body is over.
The patterns are Rust `regex` syntax, matched case-insensitively: no look-around and
no back-references (docs in the data file's header).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from cleaner import _core
from cleaner.page import Page
from cleaner.results import Mark, Reason

RULE_PREFIX = "generic"
PHRASES_FILE = "data/boilerplate.toml"
BULLET = re.compile(r"^[*•·◦▪‣-]\s+")
"""List bullets that text renderers (inscriptis, html2text) put before menu items (the
core strips the same before matching a category)."""


@dataclass(frozen=True, slots=True)
class Category:
    """A kind of furniture: the first category whose pattern describes a block of at
    most `max_words` words names it."""

    name: str
    reason: Reason
    max_words: int


@dataclass(frozen=True, slots=True)
class EndMarker:
    reason: Reason


@dataclass(frozen=True, slots=True)
class PhraseBook:
    categories: tuple[Category, ...]
    end_markers: tuple[EndMarker, ...]
    matcher: _core.PhraseBook

    def categories_of(self, texts: Sequence[str], words: Sequence[int]) -> list[Category | None]:
        """The first category that describes each block (of `words` words), if any."""
        found = self.matcher.categories(list(texts), list(words))
        return [self.categories[k] if k >= 0 else None for k in found]

    def end_markers_of(self, texts: Sequence[str]) -> list[EndMarker | None]:
        """The end marker each heading-like block is, if any."""
        found = self.matcher.end_markers(list(texts))
        return [self.end_markers[k] if k >= 0 else None for k in found]


def read_phrase_data() -> dict[str, Any]:
    raw = resources.files("cleaner").joinpath(PHRASES_FILE).read_text("utf-8")
    return tomllib.loads(raw)


@cache
def phrase_book() -> PhraseBook:
    data = read_phrase_data()
    categories = tuple(
        Category(c["name"], Reason(c["reason"]), int(c["max_words"])) for c in data["category"]
    )
    matcher = _core.PhraseBook(
        [(int(c["max_words"]), list(c["patterns"])) for c in data["category"]],
        [list(e["patterns"]) for e in data["end_marker"]],
    )
    ends = tuple(EndMarker(Reason(e["reason"])) for e in data["end_marker"])
    return PhraseBook(categories, ends, matcher)


def match_phrases(page: Page) -> dict[int, Mark]:
    """Mark blocks that a generic phrase category describes."""
    found = phrase_book().categories_of(
        [b.text for b in page.blocks], [f.words for f in page.features]
    )
    return {
        i: Mark(f"{RULE_PREFIX}.{category.name}", category.reason)
        for i, category in enumerate(found)
        if category is not None
    }


def category_of(text: str, words: int) -> Category | None:
    """The first phrase category that describes a block of `words` words, if any."""
    return phrase_book().categories_of([text], [words])[0]


def end_marker(text: str) -> EndMarker | None:
    """The end marker a heading-like block is, if any (a block of at most 120
    characters whose text, without the marks around it, a marker matches whole)."""
    return phrase_book().end_markers_of([text])[0]
