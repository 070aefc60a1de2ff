"""Where a dump repeats the article's headline: the body starts under it.

A dump that starts with the page's <title> (html-text does) names the headline; one
that does not (inscriptis, html2text, innerText) has the page's URL, whose slug is the
headline in most news and blog sites' URLs. The core finds the anchors with the extent
(`rust/src/anchors.rs`, which documents its constants' measurements); this module reads
the slug's words from the URL.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

ANCHOR_MIN_WORDS = 4
"""Shorter headlines ("Live updates") recur in menus and are no anchor. The core holds
the same constant (`anchors::ANCHOR_MIN_WORDS`)."""

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
