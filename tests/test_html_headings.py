"""Section headings of an article whose body sits in plain <div>s survive HTML mode,
also when a heading's text is all one link (an anchor to itself), and so does text
after a hidden element in a table cell."""

from __future__ import annotations

from types import SimpleNamespace

from lxml import etree

from cleaner import clean
from cleaner.headings import with_headings
from tests.conftest import read_fixture

PAGE = "html/plain_div_anchor_headings.html"


def test_linked_section_headings_are_kept_in_order() -> None:
    lines = clean(read_fixture(PAGE), kind="html").text.split("\n\n")
    for heading in ("Seasoning a new pan", "Which oil to use", "Cleaning after cooking",
                    "Rust spots"):  # fmt: skip
        assert heading in lines
    assert lines.index("Seasoning a new pan") < lines.index("Which oil to use")
    assert lines.index("Which oil to use") < lines.index("Cleaning after cooking")
    assert lines[lines.index("Cleaning after cooking") + 1].startswith("Rinse the pan")


def test_text_after_a_hidden_element_in_a_table_cell_is_kept() -> None:
    text = clean(read_fixture(PAGE), kind="html").text
    assert "Text right after the hidden note in a table cell" in text
    assert "Hidden note" not in text


def test_page_furniture_is_still_dropped() -> None:
    text = clean(read_fixture(PAGE), kind="html").text
    for needle in ("Kitchen Notes", "Archive"):
        assert needle not in text


def _doc(xml: str) -> SimpleNamespace:
    body = etree.fromstring(xml)
    return SimpleNamespace(body=body, text="")


ONE = "The first paragraph of the article runs on for well over ten words here."
TWO = "The second paragraph of the article also runs on for more than ten words."


def test_only_headings_between_kept_blocks_come_back() -> None:
    broad = _doc(f"<body><p>{ONE}</p><head>Inside</head><p>{TWO}</p><head>Further</head>"
                 "<list><item>A teaser</item></list></body>")  # fmt: skip
    precise = _doc(f"<body><p>{ONE}</p><p>{TWO}</p></body>")
    restored = with_headings(precise, broad)
    assert [el.text for el in restored.body] == [ONE, "Inside", TWO]
    assert restored.text.splitlines() == [ONE, "Inside", TWO]


def test_a_heading_before_a_short_label_stays_out() -> None:
    broad = _doc(f"<body><p>{ONE}</p><head>A teaser headline</head><p>Daily</p></body>")
    precise = _doc(f"<body><p>{ONE}</p><p>Daily</p></body>")
    assert [el.text for el in with_headings(precise, broad).body] == [ONE, "Daily"]


def test_a_furniture_heading_between_kept_blocks_stays_out() -> None:
    broad = _doc(f"<body><p>{ONE}</p><head>Related Articles</head><p>{TWO}</p></body>")
    precise = _doc(f"<body><p>{ONE}</p><p>{TWO}</p></body>")
    assert [el.text for el in with_headings(precise, broad).body] == [ONE, TWO]
