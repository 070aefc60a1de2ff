"""Section headings that trafilatura's precision mode drops from inside an article
(a heading whose text is all one link, such as an anchor to itself, reads as link
furniture there), put back from its recall-mode extraction of the same page; never a
heading that names page furniture ("Related Articles").
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from cleaner import phrases

HEADING = "head"
"""trafilatura's element for h1-h6 in its extracted tree."""

SECTION_MIN_WORDS = 10
"""A section heading introduces prose: the kept block after it has at least this many
words. A teaser grid's linked headlines are followed by a label ("Daily") or a
one-line blurb; measured on the WCXB development pages, where without this rule a
travel site's teaser headlines between kept labels came back (F1 0.94 -> 0.87)."""


def with_headings(precise: Any, broad: Any) -> Any:
    """The precision-mode Document with every heading of the recall-mode one put back
    where both the block before it and the block after it were kept, i.e. inside the
    article rather than at its edge (a "Related posts" heading is after the last kept
    block). Changes `precise` in place and returns it."""
    if precise is None or broad is None or precise.body is None or broad.body is None:
        return precise
    kept: dict[str, Any] = {}
    for element in precise.body:
        kept.setdefault(_key(element), element)
    blocks = list(broad.body)
    restored = 0
    for i, element in enumerate(blocks):
        if element.tag != HEADING or _key(element) in kept or _furniture(_key(element)):
            continue
        before = next((b for b in reversed(blocks[:i]) if b.tag != HEADING), None)
        after = next((b for b in blocks[i + 1 :] if b.tag != HEADING), None)
        if before is None or after is None or _key(before) not in kept:
            continue
        anchor = kept.get(_key(after))
        if anchor is None or len(_key(after).split()) < SECTION_MIN_WORDS:
            continue
        heading = deepcopy(element)
        heading.tail = None  # text after the heading in the recall tree is not the heading
        anchor.addprevious(heading)
        restored += 1
    if restored:
        from trafilatura.xml import xmltotxt

        precise.text = xmltotxt(precise.body, include_formatting=False)
    return precise


def _furniture(text: str) -> bool:
    """A heading the phrase lists know as furniture or as the end of an article."""
    return bool(phrases.end_marker(text) or phrases.category_of(text, len(text.split())))


def _key(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())
