"""The fivefilters site configs in HTML mode: for a host the user's collection
covers, strip the elements its rules name and offer its `body` container to the
extractor, recording every removal with the rule file and line.

A stale `body` XPath (matching nothing, or too little text) is ignored and the
whole page, stripped, goes to the extractor instead.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cleaner.ftr import FtrDirectory
from cleaner.ftr_apply import apply_replacements, apply_site_config
from cleaner.model import Reason, Removal
from cleaner.sites import host_of

log = logging.getLogger(__name__)

BODY_MIN_CHARS = 250
"""A body container holding less text than about two sentences is a stale rule that
matches a teaser or a wrapper, not the article (see README, site rules)."""

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


def _rule_id(path: str, line: int, directive: str) -> str:
    """`ftr.<file>:<line>:<directive>`, e.g. `ftr.bbc.co.uk.txt:12:strip`."""
    return f"ftr.{Path(path).name}:{line}:{directive}"
