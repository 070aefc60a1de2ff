"""Author furniture after the article: the author's name repeated on its own line,
the bio paragraph that starts with that name, and the "About <name>" box that ends
the article."""

from __future__ import annotations

import re

from cleaner.page import Page
from cleaner.results import Mark, Reason
from cleaner.segment import fold

RULE = "generic.author"

_CAPITALISED = r"[A-ZÀ-Ý][\w'’.-]+"
"""One word of a person's name."""
_NAME_LINE = re.compile(rf"^(?:by\s+)?{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,3}}$")
_BIO_VERB = r"(?:is|was|has been|has|writes|covers|joined|reports|serves)\b"
_WRITERS = (
    r"reporter|editor|journalist|correspondent|writer|columnist|contributor|blogger|"
    r"photographer"
)
"""The roles a bio introduces its writer by."""
_ROLE = re.compile(
    rf"\b(?:{_WRITERS}|producer|author|freelance[rd]?|analyst|host|anchor)s?\b", re.I
)
_BIO_TAIL = re.compile(
    r"(?:read more|more articles|follow (?:him|her|them) on|view all posts)\W*$", re.I
)

# "About Jane Doe", "Sobre Carlos Nadalim", "Über Acme": a heading naming a person or an
# organisation, in the languages our stoplists cover most often.
_ABOUT = re.compile(
    r"^(?i:about|sobre|über|à propos de|a propos de|acerca de|informazioni su)\s+"
    r"(?P<name>[A-ZÀ-Ý][\w'’.&-]*(?:\s+[A-ZÀ-Ý][\w'’.&-]*){0,3})$"
)

# "By Jane Doe", "Posted by Jane Doe on May 2", "Von Max Muster | 12.05.2024": a byline as
# a line of its own. A gerund after "by" starts a sentence ("By taking the bus, ...").
# Not `textmeta._BYLINE`, which reads the author from a byline: a removal needs more
# care than a reading. "Author: <name>" lines are kept (a book list's gold holds them),
# and Italian "di" and Dutch "door" open sentences ("Di Maio said ...").
_BYLINE_LINE = re.compile(
    r"^(?i:by|posted by|written by|words by|von|por|par)\s+(?!\w+ing\b)[A-ZÀ-Ý][\w'’.-]*"
)
# "Jane Doe is a freelance writer based in Toronto.": a bio that introduces its author by
# name and role, whoever the byline named (or where the dump shows no byline).
_INTRODUCED = re.compile(
    rf"^{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,2}}\s+is\s+(?:a|an)\s+(?:[\w/-]+\s+){{0,4}}?"
    rf"(?:{_WRITERS})s?\b"
)
BIO_MAX_WORDS = 60
"""An author bio runs one to three sentences; a longer paragraph about a writer is the
article's subject."""

BYLINE_MAX_WORDS = 25
"""A byline with a date, a role and a site name stays under 25 words."""

BIO_ROLE_WINDOW = 25
"""A bio names the author's role within its first sentence or so (~25 words)."""


def author_furniture(page: Page) -> dict[int, Mark]:
    marks: dict[int, Mark] = {}
    names = {fold(page.author)} if page.author else set()
    for i, block in enumerate(page.blocks):
        if _NAME_LINE.match(block.text) and fold(block.text).removeprefix("by ") in names:
            marks[i] = Mark(RULE, Reason.BYLINE)
    for i, block in enumerate(page.blocks):
        previous = page.text(i - 1) if i else ""
        candidates = set(names)
        if _NAME_LINE.match(previous):
            candidates.add(fold(previous).removeprefix("by "))
        if _is_bio(block.text, candidates):
            marks[i] = Mark(RULE, Reason.AUTHOR_BIO)
    return marks


def byline_lines(page: Page) -> dict[int, Mark]:
    """Lines that only name who wrote a story, the article's own or a teaser's: bylines
    are metadata, never body text (the development sets' gold holds none)."""
    return {
        i: Mark(RULE, Reason.BYLINE)
        for i, block in enumerate(page.blocks)
        if page.features[i].words <= BYLINE_MAX_WORDS
        and not block.text.rstrip().endswith(".")
        and _BYLINE_LINE.match(block.text)
    }


def introduced_authors(page: Page) -> dict[int, Mark]:
    """Short paragraphs that introduce a writer by name and role: the author's bio,
    after the article or under a teaser."""
    return {
        i: Mark(RULE, Reason.AUTHOR_BIO)
        for i, block in enumerate(page.blocks)
        if page.features[i].words <= BIO_MAX_WORDS and _INTRODUCED.match(block.text)
    }


def _is_bio(text: str, names: set[str]) -> bool:
    key = fold(text)
    for name in names:
        if name and key.startswith(name + " "):
            rest = text.split(None, len(name.split()))[-1]
            opening = " ".join(rest.split()[:BIO_ROLE_WINDOW])
            if re.match(_BIO_VERB, rest) and _ROLE.search(opening):
                return True
            if _BIO_TAIL.search(text) and _ROLE.search(opening):
                return True
    return False


ABOUT_MIN_WORDS = 12
"""The paragraph under an "About <name>" heading is a real paragraph, not a menu item
(a footer's "About Us" sits above "Contact Us")."""


def about_boxes(page: Page) -> list[int]:
    """Headings "About <name>" whose next block is a paragraph naming that name: an
    author's or a company's profile box, which closes an article ("About Brigit Katz"
    above "Brigit Katz is a freelance writer..."; a press release's "About Acme" above
    "Acme is a global provider...")."""
    found = []
    for i in range(len(page) - 1):
        match = _ABOUT.match(page.text(i))
        if not match:
            continue
        following = page.features[i + 1]
        if following.words < ABOUT_MIN_WORDS:
            continue
        opening = set(fold(" ".join(page.text(i + 1).split()[:BIO_ROLE_WINDOW])).split())
        if any(len(word) > 2 and word in opening for word in fold(match.group("name")).split()):
            found.append(i)
    return found
