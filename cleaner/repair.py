"""Markup that hides an article from trafilatura, repaired on a copy of the parsed page:

- a body split into several containers of the same kind (an ad or a pull quote between
  them): trafilatura reads only the first container its content expressions find, so
  the later twins are moved into the first;
- an article swallowed by a wrapper trafilatura discards whole (an unclosed <aside>
  popup or a <header> that never ends, so the parser nests the page inside it): the
  wrapper's tag is dropped and its content kept;
- a stub as trafilatura's first-choice container (a breadcrumb trail, a teaser): it
  is unmarked (a plain <div> without class or id), so the next choice is taken."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

MIN_TWIN_WORDS = 100
"""A later container counts as the body's continuation only with this much text (a
few paragraphs); smaller ones sharing the class are widgets, captions or teasers.
Measured on the development sets (HTML mode, F1, ScrapingHub / WCXB; 0.968 / 0.931
without joining): joining every twin 0.972 / 0.931 (a 67-box page fell from 0.84 to
0.13), only twins of 100 words or more 0.971 / 0.932, and that with the longer text
of joined and unjoined chosen (htmlmode) 0.971 / 0.933."""


def repaired(tree: Any) -> Any:
    """A repaired copy of the parsed page, or None when nothing needs repair."""
    first = _first_choice(tree)
    if not _is_stub(first) and not swallowing_wrappers(tree) and not twins(tree, first):
        return None
    tree = deepcopy(tree)
    for wrapper in swallowing_wrappers(tree):
        wrapper.drop_tag()
    for _ in range(MAX_STUBS):
        stub = _stub(tree)
        if stub is None:
            break
        stub.tag = "div"
        for name in ("class", "id", "role", "itemprop"):
            stub.attrib.pop(name, None)
    found = twins(tree)
    if found:
        first = found[0]
        for twin in found[1:]:
            _leave_tail(twin)
            first.append(twin)
    return tree


def _leave_tail(element: Any) -> None:
    """Give the text that follows an element (its tail, which lxml moves with it) to
    what precedes it, so that moving the element leaves that text where it was."""
    tail, element.tail = element.tail, None
    if not tail:
        return
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent = element.getparent()
        parent.text = (parent.text or "") + tail


STUB_WORDS = 50
"""A first-choice container under this many words is a stub: a breadcrumb trail whose
class happens to read "page-content", a teaser <article>. trafilatura reads only it
(then its fallbacks). Measured (HTML mode, F1): WCXB 0.934 -> 0.935, nine pages up to
+0.18, one ScrapingHub page -0.008."""

MAX_STUBS = 5
"""Stubs unmarked in turn at most; a page of many teaser cards has no article to find."""


def _stub(tree: Any) -> Any:
    """The container trafilatura would choose first, when it holds a stub of text."""
    first = _first_choice(tree)
    return first if _is_stub(first) else None


def _is_stub(element: Any) -> bool:
    return element is not None and _words(element) < STUB_WORDS


def _first_choice(tree: Any) -> Any:
    """The container trafilatura's content expressions find first (None: none)."""
    from trafilatura.xpaths import BODY_XPATH  # heavy; text mode never pays for it

    for expression in BODY_XPATH:
        first = next((e for e in expression(tree) if e is not None), None)
        if first is not None:
            return first
    return None


DISCARDED_WRAPPERS = ("aside", "header", "nav", "menu")
"""Elements trafilatura deletes with all they hold (or prunes as page furniture) that
open before an article and so can swallow it. Not <footer>: it comes after the article,
and a page's footer can hold more paragraphs (disclaimers) than a short article (one
WCXB page fell from 0.90 to 0 with it)."""

SWALLOWED_SHARE = 0.5
"""A wrapper holding at least this share of the page's paragraph text holds the
article, not furniture."""

SWALLOWED_MIN_WORDS = 150
"""...and at least this many words of it (an article, not a teaser)."""


def swallowing_wrappers(tree: Any) -> list[Any]:
    """Discarded-kind elements holding most of the page's paragraphs."""
    total = _paragraph_words(tree)
    if total < SWALLOWED_MIN_WORDS:
        return []
    return [
        e for e in tree.iter(*DISCARDED_WRAPPERS) if _paragraph_words(e) >= SWALLOWED_SHARE * total
    ]


def _paragraph_words(element: Any) -> int:
    return sum(_words(p) for p in element.iter("p"))


def twins(tree: Any, first: Any = None) -> list[Any]:
    """The article container trafilatura would choose first (`first`, when the caller
    has it), then its twins further down (same tag, same class attribute, neither inside
    the other, holding prose); empty when it has none."""
    first = _first_choice(tree) if first is None else first
    kind = first.get("class") if first is not None else None
    if not kind:
        return []
    inside = set(first.iter())
    above = set(first.iterancestors())
    found = [
        e
        for e in tree.iter(first.tag)
        if e.get("class") == kind
        and e not in inside
        and e not in above
        and _words(e) >= MIN_TWIN_WORDS
    ]
    return [first, *found] if found else []


def _words(element: Any) -> int:
    return sum(len(t.split()) for t in element.itertext())
