"""The article's own headline from a page's markup: the <h1> that agrees with the
page's titles, else the <title> without the site's name ("Headline | Site",
"Site - Headline").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from cleaner.bylines import clean_author
from cleaner.results import Metadata
from cleaner.sites import host_of

HEADLINE_AGREEMENT = 0.5
"""An <h1> is the headline when its words and a page title's (site name removed) have a
Dice overlap of at least this. On the WCXB development articles the gold headline is an
<h1> on 588 of 709 pages, and the page titles often reword it ("Top 10: Best Language
Learning App" against "Best Apps to Learn a Language - Top 10 Picks"); 0.5 keeps such
rewordings while a site-name <h1> or a section label scores near 0."""

LONE_HEADLINE_MIN_WORDS = 4
"""A page's only <h1> that agrees with no title is still the headline if it has this
many words; shorter ones are labels ("Webcams", "Our BLOG", "M&A Updates")."""

HEADLINE_MAX_WORDS = 40
"""Longer <h1>s are paragraphs marked up as headings (the longest gold headline on
the development sets has 26 words)."""

SITE_SUFFIX_MAX_CHARS = 40
"""A trailing "| X" of at most this many characters is a site's or section's name."""

HEADLINE_MIN_WORDS_LEFT = 3
"""A "| X" suffix is only cut when at least this many words remain before it."""

# Separators between a headline and a site name in titles: pipes, dashes, bullets,
# guillemets, colons and slashes with spaces around them.
_SEPARATOR = re.compile(r"\s+(?:[|\-\u2013\u2014\u00b7\u2022\u00bb/:]|::)\s+")
_PIPE_SUFFIX = re.compile(rf"(?P<head>.+?)\s+\|\s+[^|]{{1,{SITE_SUFFIX_MAX_CHARS}}}$")
_SEPARATOR_CHARS = " |-\u2013\u2014\u00b7\u2022\u00bb/:"
_WORD = re.compile(r"\w+")
_NOT_WORD = re.compile(r"[\W_]+")
_HOST_NOISE = frozenset({"www", "com", "org", "net", "co", "uk", "io", "blog", "blogs"})
_TITLE_METAS = (
    '//meta[@property="og:title" or @name="og:title"]/@content',
    '//meta[@name="twitter:title" or @property="twitter:title"]/@content',
)
_SITE_METAS = (
    '//meta[@property="og:site_name" or @name="og:site_name"]/@content',
    '//meta[@name="application-name"]/@content',
)


def refined(tree: Any, meta: Metadata, url: str | None) -> Metadata:
    """An extractor's metadata for a parsed page (lxml) with the article's headline as
    its title and only names in its author field."""
    sites = [meta.site or "", *_strings(tree, _SITE_METAS)]
    host = host_of(url) or ""
    return replace(
        meta,
        title=headline(tree, meta.title, sites, host),
        author=clean_author(meta.author, lambda name: is_site_name(name, sites, host)),
    )


def headline(tree: Any, title: str | None, sites: list[str], host: str) -> str | None:
    """The article's headline on a parsed page (lxml), given the title an extractor
    read from it and the site's names; the title itself when nothing better is found."""
    sites = list(sites)
    titles = [t for t in (title, *_strings(tree, _TITLE_METAS), _title_element(tree)) if t]
    sites += [cut for t in titles for cut in _cut_parts(t, sites, host)]
    refs = [strip_site_name(t, sites, host) for t in titles]
    h1s = [h for h in dict.fromkeys(_h1_texts(tree)) if not is_site_name(h, sites, host)]
    scored = [(max((dice(h, r) for r in refs), default=0.0), h) for h in h1s]
    best = max(scored, default=(0.0, ""), key=lambda pair: pair[0])
    if best[0] >= HEADLINE_AGREEMENT:
        return strip_site_name(best[1], sites, host)
    if len(h1s) == 1 and len(h1s[0].split()) >= LONE_HEADLINE_MIN_WORDS:
        return strip_site_name(h1s[0], sites, host)
    return refs[0] if refs else None


def strip_site_name(title: str, sites: Sequence[str], host: str) -> str:
    """A title without the parts that name the site ("Headline | Site" -> "Headline");
    also without a short trailing "| Section" after a headline of some words."""
    parts = _SEPARATOR.split(title)
    if len(parts) > 1:
        keep = [p for p in parts if not is_site_name(p, sites, host)]
        if keep and len(keep) < len(parts):
            return title[title.find(keep[0]) : title.rfind(keep[-1]) + len(keep[-1])]
    m = _PIPE_SUFFIX.match(title)
    if m and len(m.group("head").split()) >= HEADLINE_MIN_WORDS_LEFT:
        return m.group("head")
    return title


def title_parts(title: str) -> list[str]:
    """A page title cut at its separators ("Headline - by Author - Site")."""
    return [p for p in _SEPARATOR.split(title) if p.strip()] or [title]


def is_site_name(text: str, sites: Iterable[str], host: str) -> bool:
    """Whether a text names the site: its og:site_name, its host, or a label of the
    host ("Move.org", "movers.example.com" -> "movers"), ignoring case and punctuation."""
    key = _squash(text)
    if not key:
        return True
    if any(key == _squash(s) for s in sites if s):
        return True
    labels = [label for label in host.removeprefix("www.").split(".") if label not in _HOST_NOISE]
    return key in {_squash(host), "".join(labels), *labels}


def dice(a: str, b: str) -> float:
    """The Dice overlap of two texts' sets of case-folded words."""
    wa, wb = _words(a), _words(b)
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else 0.0


def _cut_parts(title: str, sites: Sequence[str], host: str) -> list[str]:
    """What stripping the site name cut from a title: the site's name as this page
    spells it (an <h1> saying only that is the site's banner)."""
    stripped = strip_site_name(title, sites, host)
    if stripped == title:
        return []
    rest = (p.strip(_SEPARATOR_CHARS) for p in title.replace(stripped, "\n").split("\n"))
    return [p for p in rest if p]


def _h1_texts(tree: Any) -> list[str]:
    texts = (" ".join(el.text_content().split()) for el in tree.iter("h1"))
    return [t for t in texts if t and len(t.split()) <= HEADLINE_MAX_WORDS]


def _title_element(tree: Any) -> str | None:
    for el in tree.iter("title"):
        text = " ".join(el.text_content().split())
        if text:
            return text
    return None


def _strings(tree: Any, paths: Iterable[str]) -> list[str]:
    out = []
    for path in paths:
        out += [" ".join(str(v).split()) for v in tree.xpath(path)]
    return [s for s in out if s]


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _squash(text: str) -> str:
    return _NOT_WORD.sub("", text.casefold())
