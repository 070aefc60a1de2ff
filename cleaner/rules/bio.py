"""Author furniture after the article: the author's name repeated on its own line,
and the bio paragraph that starts with that name."""

from __future__ import annotations

import re

from cleaner.model import Mark, Reason
from cleaner.page import Page
from cleaner.segment import fold

RULE = "generic.author"

_NAME_LINE = re.compile(r"^(?:by\s+)?[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){1,3}$")
_BIO_VERB = r"(?:is|was|has been|has|writes|covers|joined|reports|serves)\b"
_ROLE = re.compile(
    r"\b(?:reporter|editor|journalist|correspondent|writer|columnist|contributor|"
    r"producer|author|freelance[rd]?|analyst|blogger|photographer|host|anchor)s?\b",
    re.I,
)
_BIO_TAIL = re.compile(
    r"(?:read more|more articles|follow (?:him|her|them) on|view all posts)\W*$", re.I
)

BIO_ROLE_WINDOW = 25
"""A bio names the author's role within its first sentence or so (~25 words)."""


def author_furniture(page: Page) -> dict[int, Mark]:
    marks: dict[int, Mark] = {}
    names = {fold(page.author)} if page.author else set()
    for i, block in enumerate(page.blocks):
        if _NAME_LINE.match(block.text) and fold(block.text).removeprefix("by ") in names:
            marks[i] = Mark(RULE, Reason.BYLINE)
    for i, block in enumerate(page.blocks):
        previous = page.text(i - 1) if i else ""
        candidates = set(names)
        if _NAME_LINE.match(previous):
            candidates.add(fold(previous).removeprefix("by "))
        if _is_bio(block.text, candidates):
            marks[i] = Mark(RULE, Reason.AUTHOR_BIO)
    return marks


def _is_bio(text: str, names: set[str]) -> bool:
    key = fold(text)
    for name in names:
        if name and key.startswith(name + " "):
            rest = text.split(None, len(name.split()))[-1]
            opening = " ".join(rest.split()[:BIO_ROLE_WINDOW])
            if re.match(_BIO_VERB, rest) and _ROLE.search(opening):
                return True
            if _BIO_TAIL.search(text) and _ROLE.search(opening):
                return True
    return False
