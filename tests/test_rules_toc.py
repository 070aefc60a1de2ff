"""A table of contents goes, entries and heading; the headings it repeats stay."""

from __future__ import annotations

from cleaner import clean
from cleaner.phrases import match_phrases
from cleaner.results import Reason
from cleaner.rules.toc import table_of_contents
from tests.helpers import PROSE, page_of

SECTIONS = ["Why the wall cracked", "What the repairs cost", "When the work begins"]
INTRO = (
    "The harbour wall will be rebuilt over the next two years, the council decided, and "
    "this guide explains what residents and the fishing fleet can expect from the works."
)


def _toc_marks(*lines: str) -> dict[int, str]:
    page = page_of(*lines)
    page.add_marks(match_phrases(page))
    return {i: mark.reason for i, mark in table_of_contents(page).items()}


def _article(entries: list[str], heading: str = "Table of contents") -> list[str]:
    lines = [INTRO, heading, *entries]
    for section, paragraph in zip(SECTIONS, PROSE, strict=True):
        lines += [section, paragraph]
    return lines


def test_entries_under_a_contents_heading_that_repeat_later_headings_are_marked() -> None:
    marks = _toc_marks(*_article(SECTIONS))
    assert marks == {2: Reason.TABLE_OF_CONTENTS, 3: Reason.TABLE_OF_CONTENTS,
                     4: Reason.TABLE_OF_CONTENTS}  # fmt: skip


def test_numbered_entries_match_unnumbered_headings() -> None:
    entries = [f"{n}. {section}" for n, section in enumerate(SECTIONS, 1)]
    assert sorted(_toc_marks(*_article(entries))) == [2, 3, 4]


def test_lines_that_recur_without_a_contents_heading_stay() -> None:
    """A meal plan's or a schedule's short lines recur in order too."""
    lines = _article(SECTIONS, heading="Our three questions")
    assert _toc_marks(*lines) == {}


def test_entries_that_do_not_come_back_stay() -> None:
    lines = _article(["Harbour history", "The old quay", "Photographs"])
    assert _toc_marks(*lines) == {}


def test_a_single_repeated_line_is_not_a_table_of_contents() -> None:
    lines = _article([SECTIONS[0], "Photographs of the storm"])
    assert _toc_marks(*lines) == {}


def test_clean_drops_the_table_and_keeps_the_sections() -> None:
    result = clean("\n\n".join(["The harbour wall will be rebuilt", *_article(SECTIONS)]),
                   kind="text")  # fmt: skip
    body = result.text.split("\n\n")
    for section, paragraph in zip(SECTIONS, PROSE, strict=True):
        assert body.count(section) == 1  # the heading stays, its entry goes
        assert paragraph in body
    assert INTRO in body
    assert "Table of contents" not in body
    reasons = {r.reason for r in result.removed}
    assert Reason.TABLE_OF_CONTENTS in reasons
