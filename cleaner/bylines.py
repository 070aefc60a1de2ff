"""An author field reduced to the names it holds: no byline label ("By", "Written
by", "About the Author"), no date or role after the name, no site name beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Words that open a byline before the name.
_LEAD = re.compile(
    r"^(?:(?:this\s+(?:post|article)\s+was\s+)?(?:written|posted|published|reviewed|edited)"
    r"\s+by|(?:article|recipe|story|post|words|text|photos?)\s+by|by|author|read\s+more\s+about"
    r"|about\s+the\s+author)\b\s*:?\s*",
    re.I,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# What follows a name in a byline: a date, "Updated ...", "Published", a bullet.
_TAIL = re.compile(
    rf"\s*(?:[\u2022\u00b7|]|\b(?:last\s+)?(?:updated|published|posted|reviewed\s+by)\b"
    rf"|\b{_MONTH}\b\.?(?:\s+\d|\s*$)|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b).*$",
    re.I,
)
# Job titles written after a name ("Jane Doe Staff Writer", "Ann Lee Founder").
_ROLE = re.compile(
    r"(?:^|\s+)(?:(?:former|senior|staff|contributing|lead|chief|managing|deputy|associate|head|"
    r"tech|trending|freelance|guest|executive)\s+)*(?:writer|editor|reporter|founder|"
    r"co-founder|contributor|columnist|correspondent|consultant|journalist)\b.*$",
    re.I,
)
# Parts that are labels or dates, never names.
_NOT_A_NAME = re.compile(
    rf"^(?:the\s+)?(?:author|authors|name|written\s+by|posted\s+by|by|admin|editor"
    rf"|staff|about|about\s+the\s+author|{_MONTH}\.?(?:\s+\d.*)?|\d.*|[^\w]*)$",
    re.I,
)
_PARTS = re.compile(r"\s*;\s*")
NAME_MAX_WORDS = 6
"""A part longer than this is a sentence or a role, not a name (the longest name
among the WCXB development bylines has five words)."""


def clean_author(author: str | None, is_site: Callable[[str], bool] | None = None) -> str | None:
    """The names in an author field ("A; B" as extractors join them), each without a
    byline label, date or role; parts that are labels, dates or (when others remain) the
    site's name are dropped. None when no name is left."""
    if not author:
        return None
    names = [n for n in (_name(p) for p in _PARTS.split(author)) if n]
    if is_site is not None and len(names) > 1:
        names = [n for n in names if not is_site(n)] or names
    return "; ".join(dict.fromkeys(names)) or None


def _name(part: str) -> str | None:
    text = " ".join(part.split())
    while True:
        stripped = _LEAD.sub("", text)
        if stripped == text:
            break
        text = stripped
    text = _ROLE.sub("", _TAIL.sub("", text)).strip(" ,:-\u2013\u2014")
    if not text or _NOT_A_NAME.match(text) or len(text.split()) > NAME_MAX_WORDS:
        return None
    return text
