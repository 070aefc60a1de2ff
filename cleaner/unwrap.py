"""Rejoin paragraphs that a dump hard-wrapped across lines (html-text keeps the
line breaks of the HTML source; email-style and WET dumps wrap at ~80 columns)."""

from __future__ import annotations

import re

from cleaner.model import Block

WRAP_MIN_CHARS = 50
"""A wrapped line runs close to the wrap width (72-100 columns in practice); menu
items and headings are far shorter, so they are never joined to what follows."""

_OPEN_END = re.compile(r"[^\W\d_]|[,;–—-]")
"""The last character of a line cut mid-sentence: a letter, or a comma or dash."""
_CONTINUES = re.compile(r"^[^\W\d_A-ZÀ-Ý]")


def unwrap(blocks: list[Block]) -> list[Block]:
    """Join a block to the previous one when the previous line was cut mid-sentence:
    long, no closing punctuation, no blank line between, and the next line goes on
    in lower case (or the cut came after a comma or dash)."""
    out: list[Block] = []
    parts: list[list[str]] = []  # the lines of each output block, joined once at the end
    for block in blocks:
        if parts and not block.blank_before and _wrapped(parts[-1], block.text):
            parts[-1].append(block.text)
        else:
            out.append(Block(len(out), block.text, block.blank_before))
            parts.append([block.text])
    return [
        b if len(lines) == 1 else Block(b.index, " ".join(lines), b.blank_before)
        for b, lines in zip(out, parts, strict=True)
    ]


def _wrapped(previous: list[str], line: str) -> bool:
    """Whether `line` continues the paragraph whose lines so far are `previous`."""
    last = previous[-1]
    if len(previous) == 1 and len(last) < WRAP_MIN_CHARS:
        return False  # once joined, a paragraph is already past the minimum
    if not _OPEN_END.match(last[-1]):
        return False
    return bool(_CONTINUES.match(line)) or last.endswith((",", "–", "—", "-"))
