"""Building pages from lines for rule tests."""

from __future__ import annotations

from cleaner.features import measure_all
from cleaner.language import core_stoplist
from cleaner.page import Page
from cleaner.segment import segment

PROSE = [
    "The council voted on Monday to rebuild the sea wall that has protected the harbour "
    "since the nineteenth century, ending a debate that had divided residents for years.",
    "Engineers told the meeting that two winter storms had opened cracks along a third of "
    "the wall, and that without repairs the quay would be at risk of flooding.",
    "The project is expected to cost about four million euros, most of which will come "
    "from a regional fund for coastal protection, officials said on Tuesday.",
]


def page_of(*lines: str, author: str | None = None) -> Page:
    blocks = segment("\n".join(lines))
    features = measure_all([b.text for b in blocks], core_stoplist("English"))
    page = Page(blocks, features, "English", core_stoplist("English"))
    page.author = author
    return page
