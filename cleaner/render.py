"""The kept blocks as markdown: headings, nested lists, pipe tables, fenced code and
quotes, each from a block's kind and level and, where the markup showed more (links,
images, a table's cells, code indentation, list numbers), from its `Shape`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.results import BlockDecision, BlockKind

MAX_HEADING_LEVEL = 6
"""Markdown (CommonMark 4.2) has six heading levels, as HTML has."""


@dataclass(frozen=True, slots=True)
class Shape:
    """What the markup says of one block beyond its plain text. `markdown` is its
    inline form (links, images kept when asked for; for a code line, the line with its
    indentation and the blank lines before it); `cells` a table row's cells, `header`
    whether it is the table's head row, `separator` whether it is the line a text
    output draws under the head row; `number` an ordered list item's number; `group`
    tells tables, code blocks and lists apart (the same number for one of them)."""

    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0
    markdown: str | None = None
    cells: tuple[str, ...] = ()
    header: bool = False
    separator: bool = False
    number: int | None = None
    group: int = -1
    before: tuple[str, ...] = ()
    """Markdown blocks the markup holds alone just before this one (images)."""
    after: tuple[str, ...] = ()
    """...and just after it, where nothing follows (an image closing the article)."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A kept block to render: its plain text and its shape."""

    text: str
    shape: Shape


def pieces_of(
    decisions: Sequence[BlockDecision], kept: Sequence[str], shapes: Sequence[Shape] | None
) -> list[Piece]:
    """The kept blocks with their shapes (by the block index the decisions share with
    `shapes`; without shapes, from each decision's kind and level). Where the kept
    decisions do not spell the kept texts (never seen; a safeguard), the texts are
    rendered as paragraphs."""
    chosen = [d for d in decisions if d.kept]
    if [d.text for d in chosen] != list(kept):
        return [Piece(text, Shape()) for text in kept]
    pieces = []
    for d in chosen:
        shape = shapes[d.block] if shapes is not None and d.block < len(shapes) else None
        pieces.append(Piece(d.text, shape or Shape(d.kind, d.level)))
    return pieces


def render(pieces: Sequence[Piece]) -> str:
    """The pieces as one markdown document (blocks separated by blank lines; the rows
    of a table, the lines of a code block and the items of a list kept together)."""
    chunks: list[str] = []
    i = 0
    while i < len(pieces):
        kind = pieces[i].shape.kind
        j = _run_end(pieces, i)
        run = pieces[i:j]
        chunks.extend(run[0].shape.before)
        if kind is BlockKind.TABLE:
            chunks.append(table(run))
        elif kind is BlockKind.CODE:
            chunks.append(code(run))
        elif kind is BlockKind.LIST_ITEM:
            chunks.append(list_items(run))
        else:
            chunks.extend(single(p) for p in run)
        chunks.extend(run[-1].shape.after)
        i = j
    return "\n\n".join(c for c in chunks if c)


def _run_end(pieces: Sequence[Piece], i: int) -> int:
    """End of the run of pieces that render together with piece i: one table, one code
    block or one list (consecutive blocks of that kind and group)."""
    first = pieces[i].shape
    j = i + 1
    if first.kind not in (BlockKind.TABLE, BlockKind.CODE, BlockKind.LIST_ITEM):
        return j
    while j < len(pieces) and pieces[j].shape.kind is first.kind:
        shape = pieces[j].shape
        if shape.before or pieces[j - 1].shape.after:
            break
        top = first.kind is not BlockKind.LIST_ITEM or shape.level <= 1
        if top and shape.group != first.group:
            break  # another table, code block or list
        j += 1
    return j


def single(piece: Piece) -> str:
    """A heading, quote, caption or paragraph."""
    shape = piece.shape
    text = inline(piece)
    if shape.kind is BlockKind.HEADING:
        level = min(max(shape.level, 1), MAX_HEADING_LEVEL)
        return "#" * level + " " + text
    if shape.kind is BlockKind.QUOTE:
        return "\n".join("> " + line for line in text.splitlines())
    return escape_block_start(text)


def inline(piece: Piece) -> str:
    """The piece's inline markdown: the markup's, else its plain text."""
    markdown = piece.shape.markdown
    return (markdown if markdown is not None else piece.text).strip()


_BLOCK_START = re.compile(r"([#>+*-]|\d{1,9}[.)])(?=\s|$)")
"""A line start that markdown would read as a heading, quote, list item or rule."""


def escape_block_start(text: str) -> str:
    """`text` with a leading mark that would make it something else backslashed."""
    found = _BLOCK_START.match(text)
    if found is None:
        return text
    mark = found.group(1)
    if mark[0].isdigit():
        return mark[:-1] + "\\" + mark[-1] + text[found.end() :]
    return "\\" + text


_BULLET = re.compile(r"(?:[-*+\u2022\u25aa\u25cf\u2013]|\d{1,9}[.)])\s+")
"""The marker a text output puts before a list item (trafilatura writes "- ")."""


def list_items(run: Sequence[Piece]) -> str:
    """A list, nested by depth: a nested item is indented under its parent's text
    (CommonMark 5.2: by the width of the parent's marker)."""
    lines = []
    indents: list[int] = []  # per depth, where an item's text starts
    for piece in run:
        depth = max(piece.shape.level, 1)
        del indents[depth - 1 :]
        while len(indents) < depth - 1:
            indents.append(indents[-1] + 2 if indents else 2)
        start = indents[-1] if indents else 0
        number = piece.shape.number
        marker = f"{number}." if number is not None else "-"
        text = inline(piece)
        if piece.shape.markdown is None:
            text = _BULLET.sub("", text, count=1)  # the text output's own marker
        lines.append(" " * start + marker + " " + text)
        indents.append(start + len(marker) + 1)
    return "\n".join(lines)


def table(run: Sequence[Piece]) -> str:
    """A GitHub pipe table: the first row is the head (GFM requires one), the rule
    under it drawn here, every row as wide as the widest."""
    rows = [_cells(p) for p in run if not p.shape.separator]
    rows = [r for r in rows if r]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    lines = []
    for n, row in enumerate(rows):
        cells = [escape_cell(c) for c in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if n == 0:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)


_CELL_SPLIT = re.compile(r"\t| {2,}")
_ESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _cells(piece: Piece) -> list[str]:
    """A row's cells: the markup's, else split from its text ("| a | b |", tabs, or
    runs of spaces)."""
    if piece.shape.cells:
        return list(piece.shape.cells)
    text = piece.text.strip()
    if text.startswith("|"):
        parts = _ESCAPED_PIPE.split(text.strip("|"))
        return [p.strip().replace("\\|", "|") for p in parts]
    return [p.strip() for p in _CELL_SPLIT.split(text)]


def escape_cell(cell: str) -> str:
    """A cell's text for a pipe table: pipes escaped, lines joined."""
    return " ".join(cell.replace("\\|", "|").replace("|", "\\|").split())


def code(run: Sequence[Piece]) -> str:
    """A fenced code block, its lines as the markup indented them, with a fence longer
    than any run of backticks inside (CommonMark 4.5)."""
    lines = [p.shape.markdown if p.shape.markdown is not None else p.text for p in run]
    body = "\n".join(line.rstrip() for line in lines).strip("\n")
    longest = max((len(m) for m in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{body}\n{fence}"
