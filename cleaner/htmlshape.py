"""HTML mode's structure: a walk of trafilatura's extracted tree (head, p, list/item,
table/row/cell, code, quote, graphic, ref) giving each line of its text output a kind,
a level and a markdown form (`cleaner.linematch` matches them to the blocks).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from cleaner.render import Shape
from cleaner.results import BlockKind

_INLINE_BREAK = "lb"
_BLOCK_TAGS = frozenset(
    {"head", "p", "list", "item", "table", "row", "cell", "code", "quote", "graphic", "div"}
)
DEFAULT_HEADING_LEVEL = 2
"""trafilatura marks a heading without a level (`rend` missing) where the page used a
heading-like element other than h1-h6; most such are section heads."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the extracted text as the walk sees it: `plain` as the text output
    writes it (what the blocks are matched on), and its shape."""

    plain: str
    shape: Shape


_PRE = re.compile(r"<pre\b[^>]*>(.*?)</pre\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


def preformatted(page: str) -> frozenset[str]:
    """The words (whitespace-normalised) of each `<pre>` of a page. trafilatura writes a
    `<pre>` without code-like text as a quote; its words tell the walk it was one."""
    if "<pre" not in page and "<PRE" not in page:
        return frozenset()
    found = (html_lib.unescape(_TAG.sub("", m.group(1))) for m in _PRE.finditer(page))
    return frozenset(key for key in (" ".join(t.split()) for t in found) if key)


def walk(
    body: Any, *, links: bool = False, images: bool = False, pre: frozenset[str] = frozenset()
) -> list[Line]:
    """The lines of trafilatura's extracted tree, in order, each with its shape.
    `links` and `images` keep ref and graphic elements as markdown links and images
    (the tree holds them only when trafilatura was asked to keep them); a quote whose
    words are those of one of the page's `<pre>` (`preformatted`) is code."""
    if body is None:
        return []
    walker = _Walker(links, images, pre)
    walker.container(body, quote=False)
    if walker.pending and walker.lines:
        last = walker.lines[-1]
        after = last.shape.after + tuple(walker.pending)
        walker.lines[-1] = Line(last.plain, replace(last.shape, after=after))
    return walker.lines


class _Walker:
    def __init__(self, links: bool, images: bool, pre: frozenset[str]) -> None:
        self.links = links
        self.images = images
        self.pre = pre
        self.lines: list[Line] = []
        self.groups = 0
        self.pending: list[str] = []
        """Images standing alone, to be rendered before the next line."""

    def _group(self) -> int:
        self.groups += 1
        return self.groups

    def add(self, plain: str, shape: Shape) -> None:
        if self.pending:
            shape = replace(shape, before=tuple(self.pending))
            self.pending = []
        self.lines.append(Line(plain, shape))

    def container(self, element: Any, *, quote: bool) -> None:
        """An element holding blocks: its own text and the tails between its children
        are paragraphs."""
        self.loose(element.text, quote)
        for child in element:
            self.block(child, quote=quote)
            self.loose(child.tail, quote)

    def loose(self, text: str | None, quote: bool) -> None:
        if text and text.strip():
            kind = BlockKind.QUOTE if quote else BlockKind.PARAGRAPH
            self.add(text.strip(), Shape(kind, markdown=text.strip()))

    def block(self, element: Any, *, quote: bool) -> None:
        tag = element.tag
        if not isinstance(tag, str):
            return  # a comment or processing instruction
        if tag == "head":
            self.text_lines(element, Shape(BlockKind.HEADING, heading_level(element)))
        elif tag == "p" or (tag not in _BLOCK_TAGS and not _holds_blocks(element)):
            self.text_lines(element, Shape(BlockKind.QUOTE if quote else BlockKind.PARAGRAPH))
        elif tag == "quote" and self.pre and " ".join(_all_text(element).split()) in self.pre:
            self.code(element)
        elif tag == "quote":
            if _holds_blocks(element):
                self.container(element, quote=True)
            else:
                self.text_lines(element, Shape(BlockKind.QUOTE))
        elif tag == "list":
            self.items(element, depth=1)
        elif tag == "table":
            self.table(element)
        elif tag == "code":
            self.code(element)
        elif tag == "graphic":
            image = self.image(element)
            if image:
                self.pending.append(image)
        elif tag != _INLINE_BREAK:
            self.container(element, quote=quote)

    def text_lines(self, element: Any, shape: Shape) -> None:
        """An element written as text: one line per line break inside it."""
        for plain, markdown in self.inline(element):
            if plain.strip() or markdown.strip():
                self.add(plain.strip(), replace(shape, markdown=markdown.strip()))

    def items(self, element: Any, depth: int) -> None:
        ordered = (element.get("rend") or "").lower() == "ol"
        group = self._group()
        number = 0
        for item in element:
            if item.tag != "item":
                self.block(item, quote=False)
                continue
            number += 1
            shape = Shape(BlockKind.LIST_ITEM, depth, number=number if ordered else None)
            self.item(item, replace(shape, group=group), depth)

    def item(self, element: Any, shape: Shape, depth: int) -> None:
        """A list item: its text (up to a nested list, and after it), then its nested
        lists one level deeper."""
        parts: list[Any] = []
        pending_text = element.text
        for child in element:
            if child.tag == "list":
                self._item_line(pending_text, parts, shape)
                self.items(child, depth + 1)
                parts, pending_text = [], child.tail
            else:
                parts.append(child)
        self._item_line(pending_text, parts, shape)

    def _item_line(self, text: str | None, children: list[Any], shape: Shape) -> None:
        for plain, markdown in self._inline_parts(text, children):
            if plain.strip() or markdown.strip():
                self.add("- " + plain.strip(), replace(shape, markdown=markdown.strip()))

    def table(self, element: Any) -> None:
        group = self._group()
        for row in element.iter("row"):
            if _nearest(row, "table") is not element:
                continue  # a nested table's rows are text in their cell
            cells = [c for c in row if c.tag == "cell"]
            if not cells:
                continue
            plain = [_flat(self.inline(c), 0) for c in cells]
            markdown = tuple(_flat(self.inline(c), 1) for c in cells)
            header = any(c.get("role") == "head" for c in cells)
            line = "| " + " | ".join(plain) + " |"
            self.add(line, Shape(BlockKind.TABLE, cells=markdown, header=header, group=group))
            if header:
                rule = "|" + "---|" * len(cells)
                self.add(rule, Shape(BlockKind.TABLE, separator=True, group=group))

    def code(self, element: Any) -> None:
        """A code block: each line with its indentation (the markdown form carries the
        blank lines before it, which the text output drops)."""
        group = self._group()
        text = "".join(_code_text(element))
        blanks = 0
        for raw in text.split("\n"):
            if not raw.strip():
                blanks += 1 if self.lines and self.lines[-1].shape.group == group else 0
                continue
            shape = Shape(BlockKind.CODE, markdown="\n" * blanks + raw.rstrip(), group=group)
            self.add(raw.strip(), shape)
            blanks = 0

    def image(self, element: Any) -> str:
        if not self.images or not element.get("src"):
            return ""
        alt = (element.get("alt") or element.get("title") or "").replace("]", "\\]")
        return f"![{alt}]({element.get('src')})"

    def inline(self, element: Any) -> list[tuple[str, str]]:
        """An element's text as (plain, markdown) lines: split at line breaks, links and
        images kept in the markdown where asked for."""
        return self._inline_parts(element.text, list(element))

    def _inline_parts(self, text: str | None, children: list[Any]) -> list[tuple[str, str]]:
        lines: list[tuple[list[str], list[str]]] = [([text or ""], [text or ""])]
        for child in children:
            self._inline_child(child, lines)
            tail = child.tail or ""
            lines[-1][0].append(tail)
            lines[-1][1].append(tail)
        out: list[tuple[str, str]] = []
        for p, m in lines:
            plain, markdown = "".join(p).split("\n"), "".join(m).split("\n")
            if len(plain) != len(markdown):  # never seen; the line stays whole
                plain, markdown = [" ".join(plain)], [" ".join(markdown)]
            # a line break in the text is one in the text output too
            pairs = zip(plain, markdown, strict=True)
            out.extend((" ".join(a.split()), " ".join(b.split())) for a, b in pairs)
        return out

    def _inline_child(self, child: Any, lines: list[tuple[list[str], list[str]]]) -> None:
        plain, markdown = lines[-1]
        tag = child.tag
        if not isinstance(tag, str):
            return
        if tag == _INLINE_BREAK:
            lines.append(([], []))
            return
        if tag == "graphic":
            markdown.append(self.image(child))
            return
        inner = self.inline(child)
        if len(inner) > 1 and tag not in ("ref", "code"):
            # a line break inside emphasis or a span breaks the line, as in the text output
            plain.append(inner[0][0])
            markdown.append(inner[0][1])
            lines.extend(([p], [m]) for p, m in inner[1:])
            return
        words = _flat(inner, 0)
        shown = _flat(inner, 1)
        if tag == "ref" and self.links and child.get("target") and words:
            shown = f"[{shown}]({child.get('target')})"
        elif tag == "code" and words:
            shown = f"`{shown}`"
        if tag in _BLOCK_TAGS and plain and "".join(plain).strip():
            words, shown = " " + words, " " + shown
        plain.append(words)
        markdown.append(shown)


def _flat(lines: list[tuple[str, str]], which: int) -> str:
    return " ".join(line[which] for line in lines if line[which])


def _code_text(element: Any) -> Iterator[str]:
    """A code element's text, line breaks (lb) as newlines."""
    if element.text:
        yield element.text
    for child in element:
        if child.tag == _INLINE_BREAK:
            yield "\n"
        elif isinstance(child.tag, str):
            yield from _code_text(child)
        if child.tail:
            yield child.tail


def _all_text(element: Any) -> str:
    return "".join(element.itertext())


def _holds_blocks(element: Any) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in element)


def _nearest(element: Any, tag: str) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def heading_level(element: Any) -> int:
    """A head element's level from its `rend` (h1-h6)."""
    rend = (element.get("rend") or "").lower()
    if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456":
        return int(rend[1])
    return DEFAULT_HEADING_LEVEL
