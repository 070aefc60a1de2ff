"""Telling HTML from a plain-text dump (`kind="auto"`), from the whole document: is
markup its structure, or a few tags inside text (a tracking pixel's `<noscript>`, a
`<div>` quoted in a comment, a code sample)? Measured by `scripts/kind_check.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Leading whitespace, BOM, comments and an XML prolog, then the document's first tag. A
# comment's body cannot contain "-->", so each comment matches one way only (a `.*?`
# body let this backtrack exponentially over a run of comments not followed by a tag).
_HTML_START = re.compile(
    r"(?:[\s\ufeff]|<!--(?:[^-]|-(?!->))*-->|<\?[^<>]*>)*<(?:!doctype\s+html|html|head|body)\b",
    re.I,
)
HTML_START_CHARS = 10_000
"""How far into a document its opening (`<!doctype html>`, `<html>`...) is looked for."""

# Comments and raw-text elements, whose insides are neither tags nor text; an unclosed
# one runs to the end, as in a browser, so no match is retried (linear time).
_RAW = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title|template|svg)\b.*?(?:</\1\s*>|\Z)",
    re.I | re.S,
)

# The elements of the HTML Living Standard a page is built from (section 4), and custom
# elements (a name with a hyphen: `<footer-component>`, `<amp-img>`); a tag of any other
# name (`<T>` in code, `<Enter>`, `<name@example.com>`) is not markup.
ELEMENTS = frozenset(
    {
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi",
        "bdo", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite",
        "code", "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn",
        "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure",
        "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
        "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label",
        "legend", "li", "link", "main", "map", "mark", "menu", "meta", "meter", "nav",
        "noscript", "object", "ol", "optgroup", "option", "output", "p", "picture", "pre",
        "progress", "q", "rp", "rt", "ruby", "s", "samp", "section", "select", "small",
        "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "tr", "track", "u", "ul", "var", "video", "wbr",
    }
)  # fmt: skip

_TAG = re.compile(r"(</?([a-zA-Z][a-zA-Z0-9]*(?:-[a-zA-Z0-9]+)*)(?=[\s/>])[^<>]*>)")
_NON_BLANK_LINE = re.compile(r"^[^\S\n]*\S", re.M)

PAGE_MIN_TAG_SHARE = 0.03
"""A document that opens like a page (`<!doctype html>`, `<html>`) is HTML when at
least 3% of its characters (outside comments, scripts and styles) are tags: the
development sets' pages hold 9.4% or more, so a third of the lowest; a dump that
happens to start with a quoted doctype holds far less."""

FRAGMENT_MIN_TAGS = 5
"""Fewer tags than this is never markup without a page's opening: a text dump may
quote a tag or two, and a fragment of under five tags says too little either way."""

FRAGMENT_STEPS = ((0.35, 0.45), (0.10, 0.70), (0.0, 1.5))
"""Any other document is an HTML fragment when tags run through the whole of it, by
one of these steps of (share of its characters in tags, tags per non-blank line):
mostly tags with one for about every other line; a tenth of it tags at 0.7 a line; or
every line wrapped in tags (`<p>...</p>` a line is 2) however long its paragraphs.
Stray tags in a dump cluster on a few lines (tracking pixels: a high share, on few
lines) or are few in a long text (quoted markup: many lines, a low share).

Measured with `scripts/kind_check.py` (2026-12-03) on the development pages' `<body>`
contents alone (a stand-in for fragments) and their html-text, inscriptis and
html2text dumps. Bodies with under 0.7 tags a line have a share of 0.408 or more and
0.53 tags a line or more, but one hand-written page of wrapped prose (0.085 and 0.37,
cleaned as text unless `kind="html"`); the others have a share of 0.109 or more. No
dump comes near: the highest share is a JSX tutorial's code (0.187, 0.54 a line), the
most tags a line a page whose "republish" box holds the article's HTML (1.1, share
0.087). A dump with tracking pixels written for the tests (0.26, 0.57 a line) sits
between."""


@dataclass(frozen=True, slots=True)
class Markup:
    """How much of a document is tags, outside comments and raw-text elements."""

    tags: int
    tag_chars: int
    chars: int
    lines: int

    @property
    def tag_share(self) -> float:
        return self.tag_chars / self.chars if self.chars else 0.0

    @property
    def tags_per_line(self) -> float:
        return self.tags / self.lines if self.lines else 0.0


def markup_of(text: str) -> Markup:
    """Count the document's HTML element tags, their characters, and its characters and
    non-blank lines, leaving out comments, scripts, styles and other raw text."""
    outside = _RAW.sub("", text)
    tags = [tag for tag, name in _TAG.findall(outside) if "-" in name or name.lower() in ELEMENTS]
    lines = len(_NON_BLANK_LINE.findall(outside))
    return Markup(len(tags), sum(map(len, tags)), len(outside), lines)


def opens_like_a_page(text: str) -> bool:
    """Whether the document starts (after comments and a prolog) with a page's opening."""
    return bool(_HTML_START.match(text[:HTML_START_CHARS]))


def looks_like_html(text: str) -> bool:
    """Whether markup is the document's structure: it opens like a page and is not
    almost all text, or, without that opening, tags run through the whole of it."""
    markup = markup_of(text)
    if opens_like_a_page(text):
        return markup.tag_share >= PAGE_MIN_TAG_SHARE
    if markup.tags < FRAGMENT_MIN_TAGS:
        return False
    return any(
        markup.tag_share >= share and markup.tags_per_line >= per_line
        for share, per_line in FRAGMENT_STEPS
    )
