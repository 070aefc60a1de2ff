"""Tables used for layout become their cells as blocks; data tables stay tables."""

from __future__ import annotations

from lxml import etree

from cleaner import clean
from cleaner.layouttables import is_layout, without_layout_tables
from tests.conftest import read_fixture

PAGE = "html/layout_table_news.html"
PROSE = " ".join(["The mill will move to a four-day week from June after long talks."] * 9)


def _table(xml: str) -> etree._Element:
    return etree.fromstring(xml)


def test_a_data_table_is_not_layout() -> None:
    data = _table(
        '<table><row><cell role="head">Shift</cell><cell role="head">Hours</cell></row>'
        "<row><cell>Day</cell><cell>40</cell></row><row><cell>Night</cell><cell>42</cell></row>"
        "<row><cell><p>Weekend</p></cell><cell>12</cell></row></table>"
    )
    assert not is_layout(data)


def test_layout_tables_are_told_by_their_cells() -> None:
    paragraphs = "<table><row><cell>Menu</cell><cell><p>One.</p><p>Two.</p></cell></row></table>"
    long_cell = f"<table><row><cell>Menu</cell><cell>{PROSE}</cell></row></table>"
    nested = (
        "<table><row><cell>a</cell><cell><table><row><cell>b</cell></row></table></cell>"
        "</row></table>"
    )
    one_column = "<table><row><cell>Top</cell></row><row><cell>Story</cell></row></table>"
    empty = (
        "<table><row><cell>a</cell><cell/><cell/></row>"
        "<row><cell/><cell>b</cell><cell/></row></table>"
    )
    for xml in (paragraphs, long_cell, nested, one_column, empty):
        assert is_layout(_table(xml)), xml


def test_unwrapping_keeps_a_data_table_inside_a_layout_table() -> None:
    body = etree.fromstring(
        "<body><table><row><cell>Front page<p>Sport</p></cell>"
        "<cell><p>Story one.</p><p>Story two.</p><table><row><cell>Day</cell><cell>40</cell>"
        "</row><row><cell>Night</cell><cell>42</cell></row></table></cell></row></table>"
        "<p>After.</p></body>"
    )
    tree = without_layout_tables(body)
    assert tree is not None
    assert [child.tag for child in tree] == ["p", "p", "p", "p", "table", "p"]
    assert [child.text for child in tree][:4] == ["Front page", "Sport", "Story one.", "Story two."]
    assert len(body.findall("table")) == 1 and body.find("table/row/cell").text == "Front page"
    assert without_layout_tables(tree) is None  # nothing left to unwrap


def test_a_page_set_in_a_layout_table_comes_out_as_paragraphs() -> None:
    result = clean(read_fixture(PAGE))
    paragraphs = result.text.split("\n\n")
    assert not any(p.startswith("|") and "Riverside paper mill" in p for p in paragraphs)
    assert (
        paragraphs.count(
            "The deal keeps pay at its current level for the first year and adds a review in the "
            "spring. The union said the shorter week would let the mill keep all of its two "
            "hundred jobs while orders stay low."
        )
        == 1
    )
    for furniture in ("Advertisement", "Copyright 2004", "By Tom Hargreaves", "|  |  |"):
        assert furniture not in result.text
    markdown = result.markdown
    assert "| Shift | Hours now | Hours from June |\n|---|---|---|\n| Day | 40 | 32 |" in markdown
    assert "\nWorkers at the Riverside paper mill will move to a four-day week" in markdown
    assert markdown.count("\n|---") == 1  # the data table only
