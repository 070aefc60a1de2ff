"""Rejoin paragraphs that a dump hard-wrapped across lines (html-text keeps the
line breaks of the HTML source; email-style and WET dumps wrap at ~80 columns)."""

from __future__ import annotations

import re

from cleaner.model import Block

WRAP_MIN_CHARS = 50
"""A wrapped line runs close to the wrap width (72-100 columns in practice); menu
items and headings are far shorter, so they are never joined to what follows."""

_OPEN_END = re.compile(r"[^\W\d_,;–—-]$|[,;–—-]$")
_CONTINUES = re.compile(r"^[^\W\d_A-ZÀ-Ý]")


def unwrap(blocks: list[Block]) -> list[Block]:
    """Join a block to the previous one when the previous line was cut mid-sentence:
    long, no closing punctuation, no blank line between, and the next line goes on
    in lower case (or the cut came after a comma or dash)."""
    out: list[Block] = []
    for block in blocks:
        if out and not block.blank_before and _wrapped(out[-1].text, block.text):
            prev = out[-1]
            out[-1] = Block(prev.index, f"{prev.text} {block.text}", prev.blank_before)
        else:
            out.append(Block(len(out), block.text, block.blank_before))
    return out


def _wrapped(previous: str, line: str) -> bool:
    if len(previous) < WRAP_MIN_CHARS or not _OPEN_END.search(previous):
        return False
    return bool(_CONTINUES.match(line)) or previous.endswith((",", "–", "—", "-"))
