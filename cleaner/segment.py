"""Text to blocks: one block per non-empty line, whitespace normalised, and the lines
of a hard-wrapped paragraph joined again; and the `fold` key that finds repeated text.

Both are the Rust core's (`rust/src/segment.rs`); this module gives them the block
type the Python steps use.
"""

from __future__ import annotations

from functools import lru_cache

from cleaner import _core
from cleaner.features import BLOCK_MEMO
from cleaner.results import Block


def segment(text: str) -> list[Block]:
    """One block per non-empty line (NFC, runs of spaces collapsed, zero-width
    characters removed), remembering which ones follow a blank line."""
    return _blocks(_core.segment(text, unwrap=False))


def blocks_of(text: str) -> list[Block]:
    """`segment`, with the lines of a paragraph that a dump hard-wrapped joined into
    one block (html-text keeps the source's line breaks; email-style and WET dumps
    wrap at ~80 columns)."""
    return _blocks(_core.segment(text, unwrap=True))


def _blocks(found: list[tuple[str, bool]]) -> list[Block]:
    return [Block(i, text, blank) for i, (text, blank) in enumerate(found)]


@lru_cache(maxsize=BLOCK_MEMO)
def fold(text: str) -> str:
    """A comparison key: case-folded words only, for finding repeated text."""
    return _core.fold(text)
