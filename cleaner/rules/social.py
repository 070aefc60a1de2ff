"""Embedded social posts (tweets, Instagram, Telegram) whose text the body repeats.

A dump prints an embed as its text plus a signature line; the article then quotes it.
"""

from __future__ import annotations

import re

from cleaner.page import Page
from cleaner.results import Mark, Reason
from cleaner.segment import fold

RULE = "generic.social"

_SIGNATURE = re.compile(
    r"(?:pic\.twitter\.com/\w+|https?://t\.co/\w+|"
    r"[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}$|"
    r"a post shared by .{1,80}\(@[\w.]+\))",
    re.I,
)
_LINKS = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|[—–]\s*[^—–]*\(@\w+\).*$")

EMBED_MAX_BLOCKS = 4
"""A tweet or post printed by a dump spans its text lines plus the signature line;
four lines back from the signature covers multi-paragraph posts."""

MIN_REPEATED_WORDS = 4
"""A shorter fragment is found in any article by chance."""


MAX_EMBEDS = 50
"""An article embeds a handful of posts; a page with more signatures than this is a
timeline or feed, and checking each against every block would cost O(n^2)."""


def embedded_posts(page: Page) -> dict[int, Mark]:
    signed = [i for i, b in enumerate(page.blocks) if _SIGNATURE.search(b.text)]
    if not signed or len(signed) > MAX_EMBEDS:
        return {}
    keys = [fold(b.text) for b in page.blocks]
    marks: dict[int, Mark] = {}
    for i in signed:
        block = page.blocks[i]
        own = fold(_LINKS.sub(" ", block.text))
        span = [i]
        for j in range(i - 1, max(-1, i - 1 - EMBED_MAX_BLOCKS), -1):
            if not _repeated(keys[j], keys, exclude=range(j, i + 1)):
                break
            span.append(j)
        own_repeated = len(own.split()) < MIN_REPEATED_WORDS or _repeated(
            own, keys, exclude=range(i, i + 1)
        )
        if own_repeated and (len(span) > 1 or len(own.split()) >= MIN_REPEATED_WORDS):
            marks.update({j: Mark(RULE, Reason.SOCIAL_EMBED) for j in span})
    return marks


def _repeated(key: str, keys: list[str], exclude: range) -> bool:
    """Whether a block's text occurs inside another block of the page."""
    if len(key.split()) < MIN_REPEATED_WORDS:
        return False
    return any(key in other for k, other in enumerate(keys) if k not in exclude)
