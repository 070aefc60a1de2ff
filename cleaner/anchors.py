"""Where a dump repeats the article's headline: the body starts under it.

A dump that starts with the page's <title> (html-text does) names the
headline; one that does not (inscriptis, html2text, innerText) has the
page's URL, whose slug is the headline in most news and blog sites' URLs.

The slug constants' figures are the heuristics alone on the development dumps
(`scripts/evaluate.py --systems cleaner-heuristics --modes text`) with the constant
changed; it is inscriptis dumps that move (html-text dumps mostly have a title line).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import unquote, urlsplit

from cleaner.page import Page
from cleaner.phrases import BULLET
from cleaner.segment import fold

ANCHOR_MIN_WORDS = 4
"""Shorter headlines ("Live updates") recur in menus and are no anchor."""


def title_anchors(page: Page) -> list[int]:
    """Blocks that repeat the page's first line, when that line is its <title>:
    html-text dumps start with it ("Headline - Site Name")."""
    if len(page) < 2 or page.features[0].ends_sentence:
        return []
    title = fold(page.text(0))
    return [
        i
        for i in range(1, len(page))
        if page.features[i].words >= ANCHOR_MIN_WORDS
        and page.features[i].headline_like
        and (key := fold(page.text(i)))
        and key in title
    ]


def headline_anchors(page: Page, headline: str | None) -> list[int]:
    """Blocks that are the headline a markdown dump marked ("# ..."), if it has one."""
    if not headline:
        return []
    key = fold(headline)
    return [i for i in range(len(page)) if fold(page.text(i)) == key]


SLUG_MIN_WORDS = 4
"""A slug of fewer distinct words ("/news/world", "/about-us") names a section or a
page kind as often as a headline. 3 and 5 measured about the same as 4 (WCXB inscriptis
0.9004 and 0.9015 against 0.9016, ScrapingHub unchanged)."""

SLUG_SHARE = 0.8
"""A headline holds at least this share of the slug's distinct words (slugs drop or
shorten a word now and then). Anything from 0.7 to 0.9 measured the same."""

HEADLINE_SHARE = 0.6
"""At least this share of the headline's words are in the slug, so a longer teaser or
a sentence that mentions the slug's words is not taken for it (0.5 measured the same;
0.75 cost WCXB inscriptis 0.0006, where slugs drop the headline's small words)."""

MAX_SLUG_ANCHORS = 2
"""A headline is echoed once or twice in a dump (page header, article header). A slug
matched more often ("best-accounting-software" in a buying guide) names the topic, and
its matches are the guide's own section headings and image captions."""

_LIST_ITEM = re.compile(rf"{BULLET.pattern}|^\d+[.)]\s+")
"""A bulleted or numbered line: a table of contents or menu entry, not a headline."""
_SLUG_SPLIT = re.compile(r"[-_+.,\s]+")
_EXTENSION = re.compile(r"\.\w{2,5}$")


def slug_words(url: str) -> list[str]:
    """The case-folded words of the URL path's wordiest segment, numbers left out
    ("/2019/11/19/michigan-officials-report-6th-fatality.html" -> michigan, officials,
    report, 6th, fatality)."""
    try:
        path = urlsplit(url).path
    except ValueError:  # "http://[broken": no slug to read
        return []
    best: list[str] = []
    for segment in unquote(path).split("/"):
        stem = _EXTENSION.sub("", segment)
        words = [w for w in _SLUG_SPLIT.split(stem.casefold()) if w and not w.isdigit()]
        if len(words) > len(best):
            best = words
    return best


def slug_anchors(page: Page, weights: Sequence[float]) -> list[int]:
    """Headline-like blocks that repeat the URL's slug, where the dump has no title
    line to anchor on. `weights` are the blocks' extent weights: a match with prose
    right above it (the nearest weighted block is good text) is a subheading inside
    the article, not its headline, unless that prose is a list item (a teaser list's
    headline and summary, as inscriptis prints a "Breaking News" box). List items
    (a table of contents, a menu) and slugs matched more than MAX_SLUG_ANCHORS times
    are no anchor either."""
    slug = set(slug_words(page.url or ""))
    if len(slug) < SLUG_MIN_WORDS:
        return []
    found = [i for i in range(len(page)) if _repeats_slug(page, i, slug)]
    if len(found) > MAX_SLUG_ANCHORS:
        return []
    return [i for i in found if not _under_prose(page, weights, i)]


def _repeats_slug(page: Page, i: int, slug: set[str]) -> bool:
    features = page.features[i]
    if features.words < ANCHOR_MIN_WORDS or not features.headline_like:
        return False
    if _LIST_ITEM.match(page.text(i)):
        return False
    words = fold(page.text(i)).split()
    slug_found = len(slug.intersection(words))
    from_slug = sum(w in slug for w in words)
    return slug_found >= SLUG_SHARE * len(slug) and from_slug >= HEADLINE_SHARE * len(words)


def _under_prose(page: Page, weights: Sequence[float], i: int) -> bool:
    """Whether the nearest block above `i` that carries weight is prose."""
    above = next((j for j in range(i - 1, -1, -1) if weights[j] != 0), None)
    return above is not None and weights[above] > 0 and not _LIST_ITEM.match(page.text(above))
