"""Markdown dumps (html2text and its kind): read as the text a reader of the page saw.

html2text writes a page as markdown: every link as `[text](url)`, every image as
`![alt](url)`, paragraphs hard-wrapped at 78 columns (inside long URLs too, after a
hyphen), headings as `# `, emphasis as `**`/`_`. The block steps judge a line by its
words, so on such a dump the URLs drown the prose: the cleaner scored 0.79 / 0.84 F1
(ScrapingHub / WCXB, block model on) on html2text dumps of the development pages,
against 0.95 / 0.93 on html-text dumps of the same pages (`scripts/evaluate.py
--modes text --dumps html2text` measures it; figures in the README).

So a markdown dump is read first: one line per paragraph, list item, heading or table
row; links become their text; images, emphasis marks, escapes and link definitions go.
The cleaner's output is then plain text, as from any other dump.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from itertools import islice

from cleaner.anchors import ANCHOR_MIN_WORDS
from cleaner.codelines import code_runs
from cleaner.results import BlockKind
from cleaner.textshape import (
    PARAGRAPH,
    RUN_MIN_LINES,
    TAB_WIDTH,
    Shape,
    indent_of,
    runs_of_kind,
)

MIN_LINKS = 5
"""A dump is read as markdown when it holds at least this many `](` (a link or image),
MIN_LINK_LINES of them at the start of a line. Every html2text dump of the 890
development pages has 5 or more (most have dozens)."""

MIN_LINK_LINES = 2
"""...and at least this many lines that start with a link or image (a menu item, a
logo, a story card), as a page written out as markdown has and a text that merely
quotes markdown links mid-sentence has not. Every html2text dump of the development
pages has 2 or more; no html-text dump has one. With the first condition alone the
html-text and inscriptis dumps of two pages whose own text shows markdown links were
read as markdown, and the HTML-mode body of one of them ("Retrieved from [x](url)"
five times) changed when cleaned again; now only one page's inscriptis dump is (0.70
-> 0.87 F1 with the model shipped before html2text dumps were trained on), and
HTML-mode bodies clean to themselves."""

_LINK_MARK = re.compile(r"\]\(")
_LINK_LINE = re.compile(r"^[ \t]*(?:[*+-][ \t]+)?!?\[[^\n]*\]\(", re.M)

_OWN_LINE = re.compile(r"[ \t]{0,64}(?:[*+-]\s|\d{1,9}[.)]\s|#{1,6}\s)")
"""A line that starts a block of its own: a list item or a heading (bounded runs, so
that no line of digits or spaces makes a search quadratic)."""
_QUOTE = re.compile(r"[ \t]{0,64}(?:>[ \t]?){1,32}")
"""A quotation's marks; its lines are read as if unquoted, and it starts a block.
This module's patterns bound their runs (indentation, quote depth, rule length) so
that `scripts/fuzz.py regexes` finds none quadratic on a long adversarial line."""
_TABLE_CELL = "|"
"""A line holding one is a table row (html2text writes "cell | cell"): a block of its own."""
_RULE = re.compile(r"[ \t]{0,64}(?:[*_-][ \t]{0,8}){3,200}")
_TABLE_RULE = re.compile(r"[-:| ]+")
_HARD_BREAK = "  "
"""Two trailing spaces: markdown's line break (html2text writes <br> so)."""

_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)]{0,2000}\)")
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]{0,500}\]){0,500})\]\([^)]{0,2000}\)")
"""A link, its text kept; the text may hold one level of brackets ("[[Review] Title]").
The URL may run over lines (html2text wraps it after a hyphen), never past a ")".
Bounded, so a paragraph full of unclosed brackets cannot make the search quadratic
beyond these widths."""
_DEFINITION = re.compile(r"[ \t]{0,64}\[[^\]]{1,200}\]:[ \t]+\S.*")
_HEADING = re.compile(r"([ \t]{0,64}(?:[*+-][ \t]{1,8})?)#{1,6}[ \t]+")
"""A heading's marks, also inside a list item ("* #### Teaser headline")."""
_H1 = re.compile(r"[ \t]{0,64}#[ \t]")
_EMPHASIS = re.compile(r"(?<![\w*_\\])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_\\])[*_]{1,3}(?![\w*_])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def looks_like_markdown(text: str) -> bool:
    """Whether the dump writes the page's links and images as markdown (MIN_LINKS,
    MIN_LINK_LINES)."""
    return _at_least(_LINK_MARK, text, MIN_LINKS) and _at_least(_LINK_LINE, text, MIN_LINK_LINES)


def _at_least(pattern: re.Pattern[str], text: str, count: int) -> bool:
    return sum(1 for _ in islice(pattern.finditer(text), count)) >= count


@dataclass(frozen=True, slots=True)
class Reading:
    text: str
    """One line per block, a blank line where the dump had one before the block
    (paragraphs keep theirs; list items run on)."""
    headline: str | None
    """The first top-level heading ("# ...") of `anchors.ANCHOR_MIN_WORDS` words or more
    (a shorter <h1> is a site or section name as often): html2text writes the page's
    <h1>, the article's headline on most article pages, so."""
    shapes: tuple[Shape, ...] | None = None
    """What each line of `text` was, by its marks (None: a plain dump, not read here)."""


def read(text: str) -> Reading:
    """The markdown dump as plain text, its headline, and what each line was. A code
    line is kept as written (its marks are code, not markdown)."""
    out: list[str] = []
    shapes: list[Shape] = []
    headline = None
    for lines, blank_before, mark in _blocks(text.splitlines()):
        joined = _join(lines)
        if mark is _Mark.CODE:
            line, shape = joined.rstrip(), Shape(BlockKind.CODE, indent_of(joined))
        else:
            line, shape = _inline(_heading_text(joined)), _shape(joined, mark)
        if not line.strip():
            continue
        if headline is None and _H1.match(joined) and len(line.split()) >= ANCHOR_MIN_WORDS:
            headline = line
        if out:
            out.append("\n\n" if blank_before else "\n")
        out.append(line)
        shapes.append(shape)
    return Reading("".join(out), headline, settled_shapes(shapes, lines_of(out)))


def lines_of(out: list[str]) -> list[str]:
    """The lines `read` wrote, one per block."""
    return [line for line in out if line not in ("\n", "\n\n")]


class _Mark(Enum):
    """What the dump's marks made of a block before its text is read."""

    TEXT = "text"
    QUOTE = "quote"
    CODE = "code"


_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")
_LIST_MARK = re.compile(r"([ \t]{0,64})(?:[*+-]|\d{1,9}[.)])[ \t]")


def _blocks(lines: list[str]) -> Iterator[tuple[list[str], bool, _Mark]]:
    """Each markdown block's lines, whether a blank line came before it, and what its
    marks made it. Fenced code gives one block per line, as written."""
    current: list[str] = []
    mark = _Mark.TEXT
    blank = True
    in_quote = False
    fence: str | None = None
    for raw in lines:
        opened = _FENCE.match(raw)
        if fence is not None or opened:
            if current:
                yield current, blank, mark
                current, blank = [], False
            if opened and (fence is None or opened.group(1) == fence):
                fence = opened.group(1) if fence is None else None
            elif raw.strip():
                yield [raw.expandtabs(TAB_WIDTH)], blank, _Mark.CODE
                blank = False
            else:
                blank = True
            continue
        quote = _QUOTE.match(raw)
        line = raw[quote.end() :] if quote else raw
        quote_starts, in_quote = bool(quote) and not in_quote, bool(quote)
        if not line.strip() or _separates(line) or _DEFINITION.fullmatch(line):
            if current:
                yield current, blank, mark
                current = []
            blank = True
            continue
        table_row = _TABLE_CELL in line
        starts = table_row or quote_starts or _OWN_LINE.match(line) or _ends_block(current)
        if current and starts:
            yield current, blank, mark
            current, blank = [], False
        if not current:
            mark = _Mark.QUOTE if in_quote else _Mark.TEXT
        current.append(line)
        if table_row:
            yield current, blank, mark
            current, blank = [], False
    if current:
        yield current, blank, mark


def _shape(joined: str, mark: _Mark) -> Shape:
    """A block's kind by its marks; a list item's level is its indentation for now."""
    if mark is _Mark.QUOTE:
        return Shape(BlockKind.QUOTE)
    heading = _HEADING.match(joined)
    listed = _LIST_MARK.match(joined)
    if listed:
        return Shape(BlockKind.LIST_ITEM, indent_of(listed.group(1)))
    if heading:
        return Shape(BlockKind.HEADING, heading.group(0).count("#"))
    if _TABLE_CELL in joined:
        return Shape(BlockKind.TABLE)
    return PARAGRAPH


def settled_shapes(found: list[Shape], lines: list[str]) -> tuple[Shape, ...]:
    """List items' indentation as depth (the least indented of a run of items is 1), a
    lone pipe row (no row right before or after it) a paragraph, and a run of lines
    shaped like code (`textshape.code_runs`: html2text writes a <pre> indented as it
    writes a nested list, so the indentation alone says little) code."""
    shapes = list(found)
    for run in code_runs(lines):
        base = min(indent_of(lines[i]) for i in run)
        for i in run:
            if shapes[i].kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):
                shapes[i] = Shape(BlockKind.CODE, indent_of(lines[i]) - base)
    for run in runs_of_kind(shapes, BlockKind.LIST_ITEM):
        indents = sorted({shapes[i].level for i in run})
        for i in run:
            shapes[i] = Shape(BlockKind.LIST_ITEM, indents.index(shapes[i].level) + 1)
    for run in runs_of_kind(shapes, BlockKind.TABLE):
        if len(run) < RUN_MIN_LINES:
            shapes[run.start] = PARAGRAPH
    return tuple(shapes)


def _join(lines: list[str]) -> str:
    """A block's lines as one; a line that ends in a hyphen right after a word was wrapped
    inside a hyphenated word or a URL, and runs on with no space."""
    joined = lines[0].rstrip()
    for line in lines[1:]:
        glue = "" if _WRAPPED_HYPHEN.search(joined) else " "
        joined += glue + line.strip()
    return joined


_WRAPPED_HYPHEN = re.compile(r"\w-$")


def _ends_block(lines: list[str]) -> bool:
    return bool(lines) and lines[-1].endswith(_HARD_BREAK)


def _separates(line: str) -> bool:
    """A horizontal rule, or a table's header separator ("---|---")."""
    if _RULE.fullmatch(line):
        return True
    return "---" in line and _TABLE_RULE.fullmatch(line) is not None


def _heading_text(line: str) -> str:
    """A heading's words, without its "#" marks on either side."""
    heading = _HEADING.match(line)
    if heading is None:
        return line
    words = line[heading.end() :].rstrip()
    closed = words.rstrip("#")
    return heading.group(1) + (closed.rstrip() if closed.endswith((" ", "\t")) else words)


def _inline(text: str) -> str:
    """The block's text without link targets, images, emphasis marks and escapes (each
    pattern only runs where its mark occurs: most blocks have none)."""
    if "](" in text:
        text = _IMAGE.sub("", text) if "![" in text else text
        text = _LINK.sub(r"\1", _LINK.sub(r"\1", text))  # twice: a link in a link's text
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text
