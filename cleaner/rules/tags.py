"""Tag and topic lists printed as one comma-separated line of short labels: three or
more 1-4 word labels, each capitalised, and no closing punctuation. The core finds
them on the whole page (`rust/src/tags.rs`)."""

from __future__ import annotations

from cleaner.page import Page
from cleaner.results import BlockKind, Mark, Reason

RULE = "generic.tags"


def tag_lines(page: Page) -> dict[int, Mark]:
    return {
        i: Mark(RULE, Reason.TAG_LIST)
        for i in page.in_core().tag_lines()
        if page.blocks[i].kind is not BlockKind.TABLE  # a table row's cells are not tags
    }
