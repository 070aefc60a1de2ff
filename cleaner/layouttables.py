"""Tables used for layout (older sites set whole pages in them): told apart from data
tables in trafilatura's extracted tree, and replaced by their cells as ordinary blocks,
so that an article set in a cell is paragraphs, not one table row.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from lxml import etree

_BLOCKS = frozenset({"head", "p", "list", "quote", "code", "table", "graphic"})
"""trafilatura's block elements: a data cell holds words, not these."""

LAYOUT_CELL_BLOCKS = 2
"""A cell holding this many block elements (paragraphs, headings, lists) is a page
region, not a datum. Data cells hold one line each; a `<p>` around a cell's text is
common (one block), two are a region's paragraphs."""

LAYOUT_CELL_WORDS = 80
"""A cell holding more words than this is a page region. 80 words is a full paragraph;
the cells of data tables in the development pages' articles (prices, results,
schedules, specifications) hold a few words, a sentence at most."""

EMPTY_SHARE = 0.5
"""A table whose cells are mostly empty (more than this share) lays out a few regions
in a grid of spacer cells; a data table fills most of its cells."""


def is_layout(table: Any) -> bool:
    """Whether a table of the extracted tree lays out the page rather than holding data:
    a table inside one of its cells, a cell holding paragraphs or a long text, a single
    column, or mostly empty cells."""
    rows = _rows(table)
    cells = [c for row in rows for c in _cells(row)]
    if not cells:
        return False
    if any(_nested_table(c) for c in cells):
        return True
    for cell in cells:
        blocks = sum(1 for child in cell if child.tag in _BLOCKS)
        if blocks >= LAYOUT_CELL_BLOCKS or _words(cell) > LAYOUT_CELL_WORDS:
            return True
    if all(sum(1 for c in _cells(row) if _words(c)) <= 1 for row in rows):
        return True  # one column: its cells are stacked blocks
    empty = sum(1 for c in cells if not _words(c))
    return empty > EMPTY_SHARE * len(cells)


def without_layout_tables(body: Any) -> Any | None:
    """A copy of the extracted tree with each layout table replaced by its cells' blocks
    (a cell of words becomes a paragraph); None where it holds no layout table. Inner
    tables are judged first, so a data table inside a layout table stays a table."""
    if body is None or not any(is_layout(t) for t in body.iter("table")):
        return None
    tree = deepcopy(body)
    for table in reversed(list(tree.iter("table"))):
        if is_layout(table):
            _unwrap(table)
    return tree


def _unwrap(table: Any) -> None:
    parent = table.getparent()
    if parent is None:
        return
    blocks = [block for row in _rows(table) for c in _cells(row) for block in _blocks_of(c)]
    position = parent.index(table)
    tail = table.tail
    parent.remove(table)
    for offset, block in enumerate(blocks):
        parent.insert(position + offset, block)
    if tail and tail.strip():
        if blocks:
            blocks[-1].tail = (blocks[-1].tail or "") + tail
        else:
            _add_text(parent, position, tail)


def _blocks_of(cell: Any) -> list[Any]:
    """A cell's content as block elements: runs of words and inline elements become
    paragraphs, block elements stay as they are."""
    out: list[Any] = []
    run = etree.Element("p")
    run.text = cell.text
    for child in list(cell):
        tail, child.tail = child.tail, None
        if child.tag in _BLOCKS:
            _flush(run, out)
            out.append(child)
            run = etree.Element("p")
            run.text = tail
        else:
            run.append(child)
            child.tail = tail
    _flush(run, out)
    return out


def _flush(run: Any, out: list[Any]) -> None:
    if "".join(run.itertext()).strip() or len(run):
        out.append(run)


def _add_text(parent: Any, position: int, text: str) -> None:
    if position == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[position - 1]
        before.tail = (before.tail or "") + text


def _rows(table: Any) -> list[Any]:
    """The table's own rows (not those of a table nested in a cell)."""
    return [row for row in table.iter("row") if _owner(row) is table]


def _owner(row: Any) -> Any:
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _cells(row: Any) -> list[Any]:
    return [c for c in row if c.tag == "cell"]


def _nested_table(cell: Any) -> bool:
    return next(cell.iter("table"), None) is not None


def _words(element: Any) -> int:
    return len("".join(element.itertext()).split())
