"""Tag and topic lists printed as one comma-separated line of short labels."""

from __future__ import annotations

import re

from cleaner.page import Page
from cleaner.results import BlockKind, Mark, Reason

RULE = "generic.tags"

MIN_TAGS = 3
MAX_TAG_WORDS = 4
"""Tags are 1-4 word labels; three or more make a list (two is a phrase like "A, B")."""

_SEPARATOR = re.compile(r"\s*[,|•·]\s*")


def tag_lines(page: Page) -> dict[int, Mark]:
    marks: dict[int, Mark] = {}
    for i, block in enumerate(page.blocks):
        if page.features[i].ends_sentence or block.kind is BlockKind.TABLE:
            continue  # a table row's cells are not tags, whatever they look like
        items = [t for t in _SEPARATOR.split(block.text) if t]
        if len(items) >= MIN_TAGS and all(_is_tag(t) for t in items):
            marks[i] = Mark(RULE, Reason.TAG_LIST)
    return marks


def _is_tag(item: str) -> bool:
    words = item.split()
    return 0 < len(words) <= MAX_TAG_WORDS and item[0].isupper()
