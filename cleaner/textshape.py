"""What each line of a plain text dump was in the article's structure, from its shape
alone: list items (a run of one bullet or numbering style), table rows (a run of
aligned columns or tab-separated cells), code (a run of lines shaped like code) and
subheadings (a title-like line between two paragraphs). Never more than the lines show.

Only code changes what is kept: a code run is kept or dropped whole
(`cleaner.decision.whole_runs`). The other kinds are what a markdown rendering needs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from cleaner import _core
from cleaner.codelines import code_runs, is_prose
from cleaner.results import Block, BlockKind


@dataclass(frozen=True, slots=True)
class Shape:
    """What one line is: a kind, and its level (`Block.level`)."""

    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0


PARAGRAPH = Shape()

RUN_MIN_LINES = 2
"""A list or a table needs two lines of one style at least: one line numbered "1." or
holding two cells could be anything."""

TAB_WIDTH = 4
"""Columns a tab indents by, for a code line's level."""

HEADING_MAX_WORDS = 12
"""As `textmode.HEADING_MAX_WORDS`: subheadings are short; a longer unpunctuated line is
more likely a teaser link."""

PARAGRAPH_MIN_WORDS = 10
"""A paragraph around a subheading is prose: this many words and a closing sentence
mark (jusText's "good" paragraphs are 200+ characters, some 30 words; a short
paragraph of one sentence still has ten)."""

_BULLET = re.compile(r"([ \t]{0,64})([-*+•·◦▪‣●○■►])[ \t]+\S")
"""A bulleted line; en and em dashes are left out: they open dialogue in prose."""
_NUMBER = re.compile(r"([ \t]{0,64})(\d{1,3})([.)])[ \t]+\S")
"""A numbered line (at most three digits: "2019. A year..." is a sentence)."""
_TAB_CELLS = re.compile(r"\t+")
_SPACE_CELLS = re.compile(r" {2,}")
_HEADING_END = re.compile(r"[.,;:!…]$")


def infer(text: str) -> list[Shape]:
    """One shape per non-empty line of a plain text dump: code runs first (a bullet or
    a column gap inside code is code), then list items, then table rows."""
    lines = [line.rstrip() for line in text.splitlines() if _visible(line)]
    shapes = [PARAGRAPH] * len(lines)
    for run in code_runs(lines):
        _set_code(shapes, lines, run)
    for i, depth in list_items(lines).items():
        if shapes[i] is PARAGRAPH:
            shapes[i] = Shape(BlockKind.LIST_ITEM, depth)
    for run in table_runs(lines):
        for i in run:
            if shapes[i] is PARAGRAPH:
                shapes[i] = Shape(BlockKind.TABLE)
    return shapes


_BLANK = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"  # str.isspace
    "\u200b\ufeff\u200c\u200d\u2060\u00ad"  # what the segmenter drops besides
)


def _visible(line: str) -> str:
    """The line without the characters the segmenter drops: "" when it drops the line."""
    return line.strip(_BLANK)


def indent_of(line: str) -> int:
    """A line's indentation in columns (a tab: TAB_WIDTH)."""
    stripped = line.lstrip(" \t")
    return len(line[: len(line) - len(stripped)].expandtabs(TAB_WIDTH))


def _set_code(shapes: list[Shape], lines: Sequence[str], run: range) -> None:
    base = min(indent_of(lines[i]) for i in run)
    for i in run:
        shapes[i] = Shape(BlockKind.CODE, indent_of(lines[i]) - base)


def table_runs(lines: Sequence[str]) -> list[range]:
    """Runs of RUN_MIN_LINES rows or more with the same number of cells (two or more):
    cells split by tabs, or by gaps of two spaces that line up from row to row."""
    runs: list[range] = []
    start = 0
    previous: list[tuple[int, int]] = []
    for i, line in enumerate([*lines, ""]):
        cells = _cells(line)
        if previous and not _same_columns(previous, cells, line, lines[i - 1]):
            if i - start >= RUN_MIN_LINES:
                runs.append(range(start, i))
            previous = []
        if len(cells) >= 2:
            if not previous:
                start = i
            previous = cells
    return runs


def _cells(line: str) -> list[tuple[int, int]]:
    """Each cell's start and end column, split at tabs or at runs of 2+ spaces."""
    body = line.strip()
    if "\t" not in body and "  " not in body:
        return []
    offset = len(line) - len(line.lstrip())
    splitter = _TAB_CELLS if "\t" in body else _SPACE_CELLS
    cells, at = [], 0
    for gap in splitter.finditer(body):
        cells.append((offset + at, offset + gap.start()))
        at = gap.end()
    cells.append((offset + at, offset + len(body)))
    return cells


def _same_columns(
    before: list[tuple[int, int]], cells: list[tuple[int, int]], line: str, above: str
) -> bool:
    """Same cell count; tab rows line up by construction, space rows by each cell's
    start (left-aligned) or end (right-aligned)."""
    if len(before) != len(cells):
        return False
    if "\t" in line.strip() and "\t" in above.strip():
        return True
    return all(a[0] == b[0] or a[1] == b[1] for a, b in zip(before[1:], cells[1:], strict=True))


def list_items(lines: Sequence[str]) -> dict[int, int]:
    """List items and their depth (1 = top): consecutive bulleted or numbered lines,
    each kept where its style (bullet, or numbering counting up by one) occurs
    RUN_MIN_LINES times in the run."""
    found: dict[int, int] = {}
    run: list[tuple[int, int, str, int]] = []  # line, indent, style, number
    for i, line in enumerate([*lines, ""]):
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        if bullet:
            run.append((i, len(bullet.group(1).expandtabs(TAB_WIDTH)), bullet.group(2), 0))
        elif number:
            indent = len(number.group(1).expandtabs(TAB_WIDTH))
            run.append((i, indent, f"{indent}{number.group(3)}", int(number.group(2))))
        elif run and _continues(line, run[-1][1]):
            continue  # a wrapped item's next line
        elif run:
            found.update(_list_run(run))
            run = []
    return found


def _continues(line: str, indent: int) -> bool:
    """A list item's wrapped line: indented past the item's mark, or going on in lower
    case."""
    body = line.lstrip()
    return bool(body) and (indent_of(line) > indent or body[0].islower())


def _list_run(run: list[tuple[int, int, str, int]]) -> dict[int, int]:
    styles: dict[str, list[int]] = {}
    for _, _, style, number in run:
        styles.setdefault(style, []).append(number)
    good = {
        style
        for style, numbers in styles.items()
        if len(numbers) >= RUN_MIN_LINES
        and (numbers[0] == 0 or all(b == a + 1 for a, b in pairwise(numbers)))
    }
    kept = [(i, indent) for i, indent, style, _ in run if style in good]
    indents = sorted({indent for _, indent in kept})
    return {i: indents.index(indent) + 1 for i, indent in kept}


def headings(blocks: Sequence[Block]) -> dict[int, int]:
    """Subheadings (level 2): a short, title-like line with no closing sentence mark,
    between two paragraphs of prose."""
    prose = [_paragraph(b) for b in blocks]
    return {
        i: 2
        for i in range(1, len(blocks) - 1)
        if prose[i - 1]
        and prose[i + 1]
        and blocks[i].kind is BlockKind.PARAGRAPH
        and _title_like(blocks[i].text)
    }


def _title_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > HEADING_MAX_WORDS or _HEADING_END.search(text):
        return False
    first = next((c for c in text if c.isalnum()), "")
    return first.isupper() or (first.isdigit() and any(c.isalpha() for c in text))


def _paragraph(block: Block) -> bool:
    return block.kind is BlockKind.PARAGRAPH and is_prose(block.text, PARAGRAPH_MIN_WORDS)


def shape_dump(blocks: list[Block], text: str, marked: Sequence[Shape] | None) -> list[Block]:
    """The blocks of a dump's `text` (`segment.blocks_of`) with what each one is: the
    shapes its marks gave (a markdown dump's, one per non-empty line of `text`), or
    else those inferred from the lines (`infer`) and the subheadings between
    paragraphs (`headings`)."""
    if marked is not None:
        return shaped(blocks, text, marked)
    out = shaped(blocks, text, infer(text))
    for i, level in headings(out).items():
        out[i] = replace(out[i], kind=BlockKind.HEADING, level=level)
    return out


def shaped(blocks: list[Block], text: str, shapes: Sequence[Shape]) -> list[Block]:
    """The blocks of `text` (`segment.blocks_of`) with the shapes of its non-empty lines;
    a block that joins wrapped lines takes its first line's shape. Where the lines do
    not line up with the blocks, every block stays a paragraph."""
    if len(blocks) == len(shapes):  # no line was joined to the one before
        return [_with_shape(b, shape) for b, shape in zip(blocks, shapes, strict=True)]
    lines = [line for line, _ in _core.segment(text, unwrap=False)]
    if len(lines) != len(shapes):
        return blocks
    out: list[Block] = []
    at = 0
    for block in blocks:
        if at >= len(lines):
            return blocks
        shape, joined = shapes[at], lines[at]
        at += 1
        while len(joined) < len(block.text) and at < len(lines):
            joined, at = f"{joined} {lines[at]}", at + 1
        if joined != block.text:
            return blocks
        out.append(_with_shape(block, shape))
    return out


def _with_shape(block: Block, shape: Shape) -> Block:
    if shape == PARAGRAPH:
        return block
    return Block(block.index, block.text, block.blank_before, shape.kind, shape.level)


def carried(blocks: list[Block], shapes_of: Sequence[Block]) -> list[Block]:
    """`blocks` with the kinds of `shapes_of`, one for one (a later settling pass over
    the kept blocks); unchanged when the counts differ."""
    if len(blocks) != len(shapes_of):
        return blocks
    return [replace(b, kind=s.kind, level=s.level) for b, s in zip(blocks, shapes_of, strict=True)]


def runs_of(blocks: Sequence[Block], kind: BlockKind = BlockKind.CODE) -> list[range]:
    """Runs of consecutive blocks of one kind."""
    return runs_of_kind([Shape(b.kind) for b in blocks], kind)


def runs_of_kind(shapes: Sequence[Shape], kind: BlockKind) -> list[range]:
    """Runs of consecutive shapes of one kind."""
    runs: list[range] = []
    start = None
    for i, shape in enumerate([*shapes, PARAGRAPH]):
        if shape.kind is kind and kind is not BlockKind.PARAGRAPH:
            start = i if start is None else start
        elif start is not None:
            runs.append(range(start, i))
            start = None
    return runs
