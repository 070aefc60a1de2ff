"""The structure scorer: markdown parsed into headings, list items, table cells and code
lines; each kind matched as a multiset, micro-averaged over pages."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import benchlib as bl  # a script helper, importable once scripts/ is on the path
import structure as st
from structure import CODE_LINES, HEADINGS, HEADINGS_TEXT, LIST_ITEMS, TABLE_CELLS, Tally

GOLD = """# Guide

Some prose.

## Getting started

- Install the *tool*
- Run it
  1. on a file
  2. on a folder

| Option | Meaning |
|---|---|
| --fast | skip checks |

```python
def main():
    return 0
```
"""


def _score(gold: str, predicted: str) -> dict[str, Tally]:
    return st.score(st.parse(gold), st.parse(predicted))


def test_markdown_is_parsed_into_its_elements() -> None:
    parsed = st.parse(GOLD)
    assert parsed.headings == (("guide", 1), ("getting started", 2))
    assert sorted(parsed.list_items) == ["install the tool", "on a file", "on a folder", "run it"]
    assert parsed.table_cells == ("option", "meaning", "fast", "skip checks")
    assert parsed.code_lines == ("def main():", "return 0")


def test_a_heading_at_another_level_matches_by_text_only() -> None:
    tallies = _score("## Getting started\n\ntext\n", "### Getting started\n\ntext\n")
    assert tallies[HEADINGS] == Tally(matched=0, gold=1, predicted=1, pages=1)
    assert tallies[HEADINGS_TEXT] == Tally(matched=1, gold=1, predicted=1, pages=1)


def test_an_extra_heading_lowers_precision_not_recall() -> None:
    tallies = _score("## One\n\ntext\n", "## One\n\n## Share this\n\ntext\n")
    assert tallies[HEADINGS].recall == 1.0
    assert tallies[HEADINGS].precision == 0.5


def test_a_heading_kept_as_a_paragraph_is_missed() -> None:
    assert _score("## One\n\ntext\n", "One\n\ntext\n")[HEADINGS].recall == 0.0


def test_heading_text_is_matched_without_emphasis_case_or_typography() -> None:
    tallies = _score("## It’s **Done** — Now\n", "## it's done - now\n")
    assert tallies[HEADINGS].matched == 1


def test_a_list_item_is_found_whatever_its_marker() -> None:
    tallies = _score("- apples\n- pears\n", "* Apples\n\nSome pears.\n")
    assert tallies[LIST_ITEMS] == Tally(matched=1, gold=2, predicted=1, pages=1)


def test_nested_list_items_are_items_of_their_own() -> None:
    tallies = _score(GOLD, "1. on a file\n2. on a folder\n")
    assert tallies[LIST_ITEMS].matched == 2
    assert tallies[LIST_ITEMS].gold == 4


def test_a_table_cell_flattened_into_prose_is_missed() -> None:
    tallies = _score(GOLD, "Option Meaning --fast skip checks\n")
    assert tallies[TABLE_CELLS] == Tally(matched=0, gold=4, predicted=0, pages=1)


def test_a_table_cell_in_a_pipe_table_is_found() -> None:
    predicted = "| Option | Meaning |\n|---|---|\n| --fast | skip the checks |\n"
    assert _score(GOLD, predicted)[TABLE_CELLS].matched == 3


def test_code_lines_are_found_in_fenced_or_indented_code_but_not_in_prose() -> None:
    assert _score(GOLD, "    def main():\n      return 0\n")[CODE_LINES].matched == 2
    assert _score(GOLD, "def main(): return 0\n")[CODE_LINES].matched == 0


def test_a_page_without_gold_of_a_kind_is_left_out_of_that_kind() -> None:
    tallies = _score("Just prose.\n", "## A heading\n\n- an item\n")
    assert tallies[HEADINGS] == Tally()
    assert tallies[LIST_ITEMS] == Tally()


def test_figures_are_micro_averaged_over_pages() -> None:
    one = _score("- a\n", "- a\n")
    other = _score("- b\n- c\n- d\n", "nothing\n")
    summed = st.total([one, other])
    assert summed[LIST_ITEMS].recall == 0.25  # 1 of 4 items, not the mean of 1.0 and 0.0
    assert summed[LIST_ITEMS].pages == 2


def test_gold_markdown_is_read_from_wcxb_ground_truth(tmp_path: Path) -> None:
    (tmp_path / "ground-truth").mkdir()
    record = {"ground_truth": {"main_content": "x", "main_content_markdown": "## X\n"}}
    (tmp_path / "ground-truth" / "0007.json").write_text(json.dumps(record))
    page = bl.Page(bl.WCXB, "0007", "", tmp_path / "html" / "0007.html.gz", "x")
    assert st.gold_markdown(page) == "## X\n"
    other = bl.Page(bl.SCRAPINGHUB, "0007", "", tmp_path / "html" / "0007.html.gz", "x")
    assert st.gold_markdown(other) is None


def _summaries(ours: dict[str, Tally] | None) -> dict[st.StructureKey, dict[str, Tally]]:
    peer = {kind: Tally(1, 2, 2, 1) for kind in st.FIGURES}
    summaries = {("wcxb", bl.HTML_MODE, st.TRAFILATURA_MARKDOWN): peer}
    if ours is not None:
        summaries[("wcxb", bl.HTML_MODE, bl.CLEANER)] = ours
        summaries[("wcxb", bl.text_mode(bl.HTML_TEXT), bl.CLEANER)] = ours
    return summaries


def test_a_missing_cleaner_is_reported_as_not_available() -> None:
    lines = st.report_lines(_summaries(None), [bl.HTML_MODE])
    cleaner_row = next(line for line in lines if " cleaner " in line)
    assert cleaner_row.split()[3:] == [st.NOT_AVAILABLE] * len(st.COLUMNS)
    assert any("micro-averaged" in line for line in lines)


def test_targets_say_met_or_not_beside_the_figures() -> None:
    better = {kind: Tally(2, 2, 2, 1) for kind in st.FIGURES}
    targets = st.target_lines(_summaries(better))
    assert all(line.endswith(": met") for line in targets)
    worse = {kind: Tally(0, 2, 2, 1) for kind in st.FIGURES}
    assert any(line.endswith("NOT met") for line in st.target_lines(_summaries(worse)))
