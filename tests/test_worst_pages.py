"""The worst-pages view: the share of pages where the cleaner's F1 is under 0.5 while
trafilatura on the same page's HTML scores 0.8 or more."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import benchlib as bl  # a script helper, importable once scripts/ is on the path
import worstpages

GOOD = bl.Overlap(0.9, 0.05, 0.05)  # page F1 0.95
BAD = bl.Overlap(0.3, 0.35, 0.35)  # page F1 0.46
MIDDLING = bl.Overlap(0.6, 0.2, 0.2)  # page F1 0.75
DUMP = bl.text_mode(bl.HTML_TEXT)


def _outcome(page: str, mode: str, system: str, overlap: bl.Overlap) -> bl.Outcome:
    return bl.Outcome("wcxb", page, mode, system, overlap, bl.SnippetCounts(), 0.0)


def test_a_page_counts_only_when_trafilatura_got_it_and_the_cleaner_did_not() -> None:
    outcomes = [
        _outcome("a", bl.HTML_MODE, bl.TRAFILATURA, GOOD),
        _outcome("a", DUMP, bl.CLEANER, BAD),  # counted
        _outcome("b", bl.HTML_MODE, bl.TRAFILATURA, MIDDLING),
        _outcome("b", DUMP, bl.CLEANER, BAD),  # trafilatura under 0.8 too
        _outcome("c", bl.HTML_MODE, bl.TRAFILATURA, GOOD),
        _outcome("c", DUMP, bl.CLEANER, MIDDLING),  # the cleaner over 0.5
        _outcome("d", bl.HTML_MODE, bl.TRAFILATURA, GOOD),
        _outcome("d", DUMP, bl.CLEANER, GOOD),
    ]
    (share,) = worstpages.worst_shares(outcomes)
    assert (share.mode, share.pages, share.page_ids) == (DUMP, 4, ("a",))
    assert share.share == 0.25


def test_each_mode_is_compared_with_trafilatura_on_the_html() -> None:
    outcomes = [
        _outcome("a", bl.HTML_MODE, bl.TRAFILATURA, GOOD),
        _outcome("a", bl.HTML_MODE, bl.CLEANER, GOOD),
        _outcome("a", DUMP, bl.CLEANER, BAD),
    ]
    shares = {s.mode: s.page_ids for s in worstpages.worst_shares(outcomes)}
    assert shares == {bl.HTML_MODE: (), DUMP: ("a",)}


def test_pages_without_trafilatura_on_the_html_are_not_compared() -> None:
    outcomes = [
        _outcome("a", bl.HTML_MODE, bl.TRAFILATURA_PRECISION, GOOD),
        _outcome("a", DUMP, bl.CLEANER, BAD),
    ]
    assert worstpages.worst_shares(outcomes) == []


def test_the_report_lists_ids_and_the_target() -> None:
    outcomes = [
        _outcome("a", bl.HTML_MODE, bl.TRAFILATURA, GOOD),
        _outcome("a", bl.HTML_MODE, bl.CLEANER, BAD),
    ]
    lines = worstpages.report_lines(worstpages.worst_shares(outcomes))
    assert lines[1].strip() == "wcxb html: 100.00% (1/1), NOT met"
    assert lines[2].strip() == "a"
