"""Text to blocks: one block per non-empty line, whitespace normalised.

A dump's line is the finest unit its producer kept (a paragraph, heading, menu item).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from cleaner.features import BLOCK_MEMO
from cleaner.model import Block

# Every character str.isspace() knows that str.splitlines() does not break at (so a
# block never holds a run of whitespace), plus the zero-width space and BOM.
_SPACES = re.compile(r"[ \t\x1f\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_ZERO_WIDTH = re.compile(r"[\u200c\u200d\u2060\u00ad]")
_WORD = re.compile(r"\w+")


def normalise_line(line: str) -> str:
    """Collapse runs of spaces (incl. no-break and zero-width ones) and trim."""
    return _SPACES.sub(" ", _ZERO_WIDTH.sub("", line)).strip()


def segment(text: str) -> list[Block]:
    """Split text into blocks, remembering which ones follow a blank line."""
    text = unicodedata.normalize("NFC", text)
    blocks: list[Block] = []
    blank = True
    for raw in text.splitlines():
        line = normalise_line(raw)
        if not line:
            blank = True
            continue
        blocks.append(Block(index=len(blocks), text=line, blank_before=blank))
        blank = False
    return blocks


@lru_cache(maxsize=BLOCK_MEMO)
def fold(text: str) -> str:
    """A comparison key: case-folded words only, for finding repeated text."""
    return " ".join(_WORD.findall(text.casefold()))
