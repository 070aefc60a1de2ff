"""Photo furniture: captions printed twice, credit lines, and captions that end
in a parenthesised credit ("... (Name/Telegram)")."""

from __future__ import annotations

import re

from cleaner.page import Page
from cleaner.results import Mark, Reason
from cleaner.segment import fold

RULE = "generic.captions"

DUPLICATE_WINDOW = 2
"""A caption repeated by a dump sits next to its twin (figure alt text, then figcaption);
two positions also covers a credit line between the copies."""

MIN_DUPLICATE_WORDS = 4
"""Shorter repeats are labels ("Share", "Menu"), left to the phrase lists."""

_AGENCIES = (
    r"AFP|AP|Getty(?: Images)?|Reuters|EPA(?:-EFE)?|Shutterstock|iStock(?:photo)?|Alamy|"
    r"Bloomberg|Xinhua|Anadolu(?: Agency)?|NurPhoto|SOPA Images|LightRocket|Pool|"
    r"Associated Press|AAP|DPA|PA(?: Wire| Images)?|ANSA|Sipa(?: USA)?|Zuma(?: Press)?|"
    r"Unsplash|Pexels|Wikimedia(?: Commons)?|Courtesy(?: of \w+)?|Handout|File"
)
_CREDIT_LINE = re.compile(
    rf"^(?:(?:photo|image|picture|photograph|video|credit|source|foto|bild)s?"
    rf"(?: credit)?\s*[:/©]|©|\(c\)\s)"
    rf"|^[\w.'’ -]{{2,60}}(?:\s*/\s*(?:{_AGENCIES}))+(?:\s*/\s*[\w ]+)?$"
    rf"|^(?:{_AGENCIES})(?:\s*/\s*(?:{_AGENCIES}))*$"
    rf"|^\(?(?:photo|image|picture)s? (?:by|courtesy of|via)\b",
    re.I,
)
CREDIT_MAX_WORDS = 14
"""Credit lines name a photographer and an agency or two; longer lines are prose."""

_PAREN_CREDIT = re.compile(
    r"\((?:[^()]*/[^()]*|(?:photo|image|picture|credit|foto)[^()]*)\)\s*$", re.I
)


def duplicate_captions(page: Page) -> dict[int, Mark]:
    """Both copies of a block that the dump printed twice within a short window."""
    marks: dict[int, Mark] = {}
    keys = [fold(b.text) for b in page.blocks]
    for i, key in enumerate(keys):
        if page.features[i].words < MIN_DUPLICATE_WORDS:
            continue
        for j in range(i + 1, min(i + 1 + DUPLICATE_WINDOW, len(keys))):
            if keys[j] == key:
                marks[i] = marks[j] = Mark(RULE, Reason.CAPTION_DUPLICATE)
    return marks


def credit_lines(page: Page) -> dict[int, Mark]:
    """Lines that are only a photo credit ("NAME/AFP/Getty Images", "Photo: ...")."""
    return {
        i: Mark(RULE, Reason.PHOTO_CREDIT)
        for i, block in enumerate(page.blocks)
        if page.features[i].words <= CREDIT_MAX_WORDS and _CREDIT_LINE.search(block.text)
    }


def credited_captions(page: Page) -> dict[int, Mark]:
    """A caption ending in a parenthesised credit instead of a full stop."""
    return {
        i: Mark(RULE, Reason.CAPTION)
        for i, block in enumerate(page.blocks)
        if _PAREN_CREDIT.search(block.text)
    }
