from __future__ import annotations

import pytest

from cleaner.textmeta import find_text_meta, parse_byline, parse_date
from tests.helpers import PROSE, page_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("April 24, 2025 10:25 PM", "2025-04-24"),
        ("Published 3 Sept. 2024", "2024-09-03"),
        ("Updated 2023-11-02T10:00", "2023-11-02"),
        ("by Jane Doe Apr 1, 2020", "2020-04-01"),
        ("Nothing here", None),
        ("February 30, 2024", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by Anna Fratsyvir April 24, 2025 10:25 PM 2 min read", "Anna Fratsyvir"),
        ("By Jane Doe and John Smith", "Jane Doe and John Smith"),
        ("Written by Maria van der Berg", "Maria van der Berg"),
        ("Byzantine walls still stand", None),
        ("by the harbour the boats wait", None),
    ],
)
def test_parse_byline(text: str, expected: str | None) -> None:
    assert parse_byline(text) == expected


def test_title_byline_and_date_above_the_body() -> None:
    page = page_of("Menu", "Harbour town votes to rebuild its sea wall", "By Jane Doe",
                   "March 18, 2024", *PROSE)  # fmt: skip
    meta = find_text_meta(page, body_start=4)
    assert (meta.title, meta.byline, meta.author) == (1, 2, "Jane Doe")
    assert (meta.date, meta.date_block) == ("2024-03-18", 3)


def test_a_lead_in_is_not_a_headline() -> None:
    lead_in = "The council listed three reasons for the delay:"  # introduces what follows
    page = page_of("Harbour town votes to rebuild its sea wall", lead_in, *PROSE)
    assert find_text_meta(page, body_start=2).title == 0


def test_a_line_of_buttons_is_not_a_headline() -> None:
    page = page_of("Notes from the river - by Maren Holt", "Subscribe Sign in", *PROSE)
    assert find_text_meta(page, body_start=2).title == 0  # the dump's <title> line


def test_the_site_name_beside_the_title_is_not_the_headline() -> None:
    page = page_of("The river town keeps its ferry - Slow Water Notes", "Slow Water Notes",
                   "The river town keeps its ferry for another ten years", *PROSE)  # fmt: skip
    assert find_text_meta(page, body_start=3).title == 2


def test_a_byline_label_is_not_an_author() -> None:
    assert parse_byline("By About the Author") is None
    assert parse_byline("By Jane Doe Staff Writer") == "Jane Doe"
