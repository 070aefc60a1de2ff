"""The fivefilters site configs in HTML mode: for a host the user's collection
covers, strip the elements its rules name and offer its `body` container to the
extractor, recording every removal with the rule file and line.

A stale `body` XPath (matching nothing, too little text, or text the extractor leaves
out of the whole page's article) is ignored and the whole page, stripped, goes to the
extractor instead.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cleaner.ftr import FtrDirectory
from cleaner.ftr_apply import apply_replacements, apply_site_config
from cleaner.overlap import contained_share
from cleaner.results import Reason, Removal
from cleaner.sites import host_of

log = logging.getLogger(__name__)

BODY_MIN_CHARS = 250
"""A body container holding less text than about two sentences is a stale rule that
matches a teaser or a wrapper, not the article (see README, site rules)."""

BODY_MIN_AGREEMENT = 0.98
"""A body container may narrow what the extractor finds on the whole page, not add to it:
when more than 2% of the container's text (by 4-word shingles) is text the extractor
left out of the page's article, the rule is stale and wraps teasers or widgets while
missing part of the article. Measured with scripts/ftr_effect.py (README, site rules):
harmful containers shared 0.93-0.98 of their text with the page's extraction (Consumer
Reports, Class Central, ZDNet, Substack), helpful ones 0.99-1.00 (Business Insider,
arXiv, Investopedia, CNN); one helpful container (MacRumors, 0.82) is lost."""

NOT_A_BLOCK = -1
"""`Removal.block` of what a DOM rule removed before the text was cut into blocks."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """The page after a site config: the stripped tree, the chosen body (or None),
    the removals, and the config's own metadata."""

    tree: Any
    body: Any | None
    removed: tuple[Removal, ...]
    title: str | None
    author: str | None
    date: str | None
    source: str

    def page_html(self) -> str:
        """The whole page after the strip rules, as markup."""
        import lxml.html

        return str(lxml.html.tostring(self.tree, encoding="unicode"))

    def body_html(self) -> str | None:
        """The body container as a page of its own, for the extractor."""
        if self.body is None:
            return None
        import lxml.html

        inner = lxml.html.tostring(self.body, encoding="unicode")
        return f"<html><body>{inner}</body></html>"


@cache
def _collection(directories: tuple[Path, ...]) -> FtrDirectory:
    return FtrDirectory(directories)


def prepare(html: str, url: str | None, directories: tuple[Path, ...]) -> Prepared | None:
    """Apply the site config of the URL's host, or None when no config covers it."""
    host = host_of(url)
    if not host or not directories:
        return None
    config = _collection(directories).find(host)
    if config is None:
        return None
    import lxml.html  # only pages of covered hosts pay for a second parse

    try:
        tree = lxml.html.document_fromstring(apply_replacements(html, config))
    except (ValueError, lxml.etree.ParserError) as exc:
        log.warning("%s: cannot parse for site config %s: %s", url, config.path, exc)
        return None
    applied = apply_site_config(tree, config)
    body = applied.body
    if body is not None and len(" ".join(body.itertext()).strip()) < BODY_MIN_CHARS:
        log.debug("%s: body rule of %s matched too little text; ignored", url, config.path)
        body = None
    removed = tuple(
        Removal(NOT_A_BLOCK, _rule_id(r.path, r.line, r.directive), Reason.SITE_RULE.value, r.text)
        for r in applied.removed
    )
    return Prepared(tree, body, removed, applied.title, applied.author, applied.date, config.path)


def body_agrees(body_text: str, page_text: str) -> bool:
    """Whether a body container's extraction is (nearly) all text the extractor also
    took from the whole page; an empty page extraction has nothing to disagree with."""
    if not page_text.strip():
        return True
    return contained_share(body_text, page_text) >= BODY_MIN_AGREEMENT


def _rule_id(path: str, line: int, directive: str) -> str:
    """`ftr.<file>:<line>:<directive>`, e.g. `ftr.bbc.co.uk.txt:12:strip`."""
    return f"ftr.{Path(path).name}:{line}:{directive}"
