"""Blocks matched to the lines of HTML mode's walk (`cleaner.htmlshape`), in order, so
that each block the block steps read takes the kind, level and markdown form of the
line it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cleaner.htmlshape import Line
from cleaner.render import Shape
from cleaner.results import Block
from cleaner.segment import fold


def _key(text: str) -> str:
    """What a block and a line are matched on: their words (`fold`), or for a line
    without words (a code line "}", a table rule) its characters."""
    return fold(text) or "".join(text.split())


MATCH_WINDOW = 64
"""How far ahead of the last matched line a block's line is looked for. The blocks are
the lines of the same text, so they match in step; the window lets a block skip lines
the segmenter joined or dropped, and a page's text dump (`cleaner.fallback`) skip the
tree's lines it lacks, while a line that only happens to repeat far away is not taken."""

MIN_PART_CHARS = 16
"""A block that is only part of a line, or holds more than one, is matched to it only
with at least this many characters of words in common: a short key ("home", "share")
is contained in too many lines."""


def match(blocks: Sequence[Block], lines: Sequence[Line]) -> list[Shape]:
    """Each block's shape: the line it is, matched in order on their words; a block
    no line matches is a paragraph. A block that holds several lines (a hard-wrapped
    paragraph the segmenter joined) or part of one takes that line's kind and level,
    not its markdown form. Linear in the number of blocks."""
    line_keys = [_key(line.plain) for line in lines]
    shapes = [Shape()] * len(blocks)
    j = 0
    for i, block in enumerate(blocks):
        key = _key(block.text)
        if not key:
            continue
        ahead = range(j, min(j + MATCH_WINDOW, len(lines)))
        found = next((k for k in ahead if line_keys[k] == key), None)
        if found is not None:
            shapes[i] = lines[found].shape
            j = found + 1
            continue
        if j < len(lines) and _overlaps(key, line_keys[j]):
            shapes[i] = _joined(lines[j].shape)
            while j < len(lines) and line_keys[j] and line_keys[j] in key:
                j += 1  # the lines this block holds
    return shapes


def _overlaps(key: str, line_key: str) -> bool:
    shorter = min(len(key), len(line_key))
    return shorter >= MIN_PART_CHARS and (key in line_key or line_key in key)


def _joined(shape: Shape) -> Shape:
    """A line's shape for a block that is only part of it, or more than it: the kind
    and level stay, the markdown form (which would not say the same) goes."""
    return replace(shape, markdown=None, cells=())


def shaped(blocks: Sequence[Block], lines: Sequence[Line]) -> tuple[list[Block], list[Shape]]:
    """The blocks with the kinds and levels of the lines they match (`match`), and
    their shapes."""
    shapes = match(blocks, lines)
    typed = [replace(b, kind=s.kind, level=s.level) for b, s in zip(blocks, shapes, strict=True)]
    return typed, shapes
