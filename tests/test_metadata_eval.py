"""The metadata exact-match rules of scripts/metadata_eval.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import metadata_eval as me  # a script helper, importable once scripts/ is on the path


def test_title_match_ignores_case_space_and_typography() -> None:
    assert me.matches("title", "We\u2019ve  Compiled the Top 7", "we've compiled the top 7")
    assert me.matches("title", "A \u2013 B", "a - b")
    assert not me.matches("title", "Headline", "Headline | Site")
    assert not me.matches("title", "Headline", None)


def test_date_match_compares_the_calendar_day() -> None:
    assert me.matches("date", "2025-09-04", "2025-09-04T10:22:00+02:00")
    assert not me.matches("date", "2025-09-04", "2025-09-05")
    assert not me.matches("date", "September 4, 2025", "2025-09-04")  # gold must be ISO


def test_author_match_is_a_set_of_names() -> None:
    assert me.matches("author", "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen",
                      "Natalie Nguyen; Danielle DeSiato; Donna Enzmann")  # fmt: skip
    assert me.matches("author", "Genevieve Carlton, Ph.D.", "Genevieve Carlton; Ph D")
    assert not me.matches("author", "Rui Ma, Heba Ledwon", "Rui Ma")


def test_rates_leave_out_pages_without_gold() -> None:
    gold = {"1": {"title": "A", "author": None, "date": None},
            "2": {"title": "B", "author": "Jo Li", "date": None}}  # fmt: skip
    found = {"1": {"title": "a", "author": "X", "date": None}, "2": {"title": "C"}}
    rates = me.rates(gold, found)
    assert (rates["title"].matched, rates["title"].pages) == (1, 2)
    assert (rates["author"].matched, rates["author"].pages) == (0, 1)
    assert rates["date"].pages == 0
