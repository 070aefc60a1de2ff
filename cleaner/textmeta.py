"""Title, byline and date of a text dump, found among the blocks before the body.

Dumps carry no markup, so these are recognised by their shape and position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from cleaner.bylines import clean_author
from cleaner.htmlmeta import HEADLINE_AGREEMENT, dice, title_parts
from cleaner.page import Page
from cleaner.segment import fold

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}  # fmt: skip
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
_DATES = (
    re.compile(
        rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?!\d)"),
)
_NAME = r"[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:[A-ZÀ-Ý][\w'’.-]+|van|von|der|den|del|de|da|bin|al|la|le)){0,4}"
_BYLINE = re.compile(
    rf"^(?i:by|written by|words by|author:|von|par|por|di|door)\s+(?P<name>{_NAME}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME})*)"
)

_WORD = re.compile(r"\w+")

TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
"""Headlines on the development sets run 3-30 words; shorter lines are labels."""

INTERFACE_WORDS = frozenset(
    {
        "subscribe", "subscribed", "sign", "log", "in", "out", "up", "login", "logout",
        "register", "account", "menu", "search", "share", "follow", "home", "open", "close",
        "skip", "to", "content", "main", "navigation", "next", "previous", "more", "back",
        "top", "print", "email", "comments", "comment", "save", "cart", "my",
    }
)  # fmt: skip
"""Words of a site's buttons and menus; a line of these alone ("Subscribe Sign in",
"Share Print Email") is interface, never a headline."""

TITLE_LINE_MIN_WORDS = 4
"""A first line shorter than this is a site's name or a menu item, not its <title>:
on the WCXB dumps whose first line is that short, taking the line that agrees with
it as the headline lost more titles than it found (scripts/metadata_eval.py)."""

TITLE_LOOKBACK = 15
"""How many blocks above the body's first paragraph a headline may sit; above that
lie menus (the seeds' titles are 3 and 6 blocks up; dumps with author cards put
it up to ~12 blocks up)."""


@dataclass(frozen=True, slots=True)
class TextMeta:
    title: int | None = None
    byline: int | None = None
    author: str | None = None
    date: str | None = None
    date_block: int | None = None


def parse_date(text: str) -> str | None:
    """The first calendar date in a text, as ISO YYYY-MM-DD."""
    for pattern in _DATES:
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
        try:
            return date(int(groups["year"]), month, int(groups["day"])).isoformat()
        except ValueError:
            continue
    return None


def parse_byline(text: str) -> str | None:
    """The author named by a byline block ("by Jane Doe April 24, 2025 ...")."""
    m = _BYLINE.match(text)
    if not m:
        return None
    # A date glued to the byline starts with a month name, which the name pattern eats.
    words = m.group("name").split()
    while words and words[-1].lower().rstrip(".") in _MONTHS:
        words.pop()
    return clean_author(" ".join(words).strip(" ,"))


def find_text_meta(page: Page, body_start: int) -> TextMeta:
    """Title, byline and date from the blocks just above the first body block."""
    byline = author = when = date_block = None
    lo = max(0, body_start - TITLE_LOOKBACK)
    for i in range(body_start - 1, lo - 1, -1):
        text = page.text(i)
        if author is None and page.features[i].words <= 25:
            name = parse_byline(text)
            if name:
                byline, author = i, name
        if when is None and page.features[i].words <= 25:
            when = parse_date(text)
            date_block = i if when else None
    title = _title(page, lo, byline if byline is not None else body_start)
    return TextMeta(title, byline, author, when, date_block)


def _title(page: Page, lo: int, below: int) -> int | None:
    """The headline above `below`: dumps start with the HTML <title>, so the nearest
    headline-shaped block that agrees with its headline part (not the site's name
    beside it), else the nearest one."""
    candidates = [i for i in range(below - 1, lo - 1, -1) if _headline_shaped(page, i)]
    if not candidates:
        return None
    page_title = fold(page.text(0))
    parts = title_parts(page.text(0))
    head = max(parts, key=lambda part: len(part.split()))
    beside = {fold(part) for part in parts if part is not head}  # the site's name, a byline
    echoed = [
        i
        for i in candidates
        if i > 0 and fold(page.text(i)) in page_title and fold(page.text(i)) not in beside
    ]
    if echoed:
        return echoed[0]
    if not _title_line(page):
        return candidates[0]
    agreeing = [i for i in candidates if i > 0 and dice(page.text(i), head) >= HEADLINE_AGREEMENT]
    return agreeing[0] if agreeing else candidates[0]


def _title_line(page: Page) -> bool:
    """Whether the dump opens with the page's <title> (html-text dumps do), not with a
    menu item, a bullet or the site's short name (inscriptis and html2text dumps)."""
    first = page.text(0)
    return (
        first[:1].isalnum()
        and len(first.split()) >= TITLE_LINE_MIN_WORDS
        and (_headline_shaped(page, 0))
    )


def _headline_shaped(page: Page, i: int) -> bool:
    text, f = page.text(i), page.features[i]
    if i in page.marks or f.url_density or "@" in text or text.endswith((".", ":")):
        return False
    if parse_byline(text) or parse_date(text) or _interface_only(text):
        return False
    return TITLE_MIN_WORDS <= f.words <= TITLE_MAX_WORDS


def _interface_only(text: str) -> bool:
    words = _WORD.findall(text.casefold())
    return bool(words) and all(w in INTERFACE_WORDS for w in words)
