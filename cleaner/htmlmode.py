"""HTML in: trafilatura finds the article container and the page's metadata; the
block rules then clean what it lets through."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaner.config import Config
from cleaner.model import Metadata

_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_TAG = re.compile(r"<(?:p|div|a|span|br|li|ul|table|script|meta|link|img|h[1-6]|article)\b[^>]*>", re.I)

HTML_MIN_TAGS = 5
"""A text dump may quote a tag or two; five or more in the first 10 kB is markup."""


def looks_like_html(text: str) -> bool:
    head = text[:10_000]
    return bool(_HTML_START.match(head)) or len(_TAG.findall(head)) >= HTML_MIN_TAGS


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    metadata: Metadata


def extract(html: str, url: str | None, config: Config) -> Extracted:
    """The body text (one paragraph per line) and metadata trafilatura finds."""
    import trafilatura  # heavy; text mode never pays for it

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=config.html_precision,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
    )
    if doc is None:
        return Extracted("", Metadata(url=url))
    meta = Metadata(
        title=doc.title or None,
        author=doc.author or None,
        date=doc.date or None,
        site=doc.sitename or doc.hostname or None,
        url=doc.url or url,
        language=doc.language or None,
    )
    return Extracted(doc.text or "", meta)
