"""`--explain` says why a block was kept when its quality label alone would drop it:
the block model took it back, it is a subheading of a kept paragraph, or it lies in
the body an HTML extractor found."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cleaner import clean, cli
from cleaner.results import Label
from cleaner.textmode import (
    KEPT_AS_SUBHEADING,
    KEPT_BY_MODEL,
    KEPT_IN_EXTRACTED_BODY,
    _kept_by,
)

LIST_LINE = "Concrete blocks, granite facing, steel piles, drainage channels, new railings."
"""A list with hardly a stopword: labelled bad, but article text the model keeps."""

PAGE = f"""\
Home | News | Sport | Weather

The town council voted on Monday evening to rebuild the crumbling sea wall that has \
protected the harbour for more than a century, ending two years of debate about the cost.

Engineers told the meeting that two winter storms had opened cracks along a third of the \
wall, and that a third storm could breach it.

{LIST_LINE}

The new wall will be built from the same granite as the old one, and the work will be done \
in stages so that the fishing boats can still use the harbour through the summer.

Residents will be able to see the plans at the town library from next week, and a public \
meeting is planned for the end of the month.

Share this article
"""


def test_a_bad_block_the_model_keeps_says_so() -> None:
    result = clean(PAGE, kind="text")
    listed = next(b for b in result.blocks if b.text == LIST_LINE)
    assert listed.kept and listed.label == Label.BAD
    assert listed.kept_by == KEPT_BY_MODEL
    assert (listed.rule, listed.reason) == ("", "")


def test_every_kept_block_not_labelled_good_says_why() -> None:
    for block in clean(PAGE, kind="text").blocks:
        if block.kept and block.label != Label.GOOD:
            assert block.kept_by, block.text
        if not block.kept:
            assert block.kept_by == "" and block.reason


def test_the_explain_table_and_json_show_what_kept_a_block() -> None:
    table = CliRunner().invoke(cli.main, ["-", "--kind", "text", "--explain"], input=PAGE)
    row = next(line for line in table.stdout.splitlines() if "Concrete blocks" in line)
    assert " KEEP bad " in row and "kept_by=block_model" in row
    dropped = next(line for line in table.stdout.splitlines() if "Share this" in line)
    assert "kept_by" not in dropped
    out = CliRunner().invoke(
        cli.main, ["-", "--kind", "text", "--explain", "--format", "json"], input=PAGE
    )
    blocks = json.loads(out.stdout)["blocks"]
    listed = next(b for b in blocks if b["text"] == LIST_LINE)
    assert listed["kept_by"] == "block_model"
    assert set(listed) == {
        "block", "text", "kept", "label", "rule", "reason", "kept_by", "kind", "level"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("label", "heuristic_keep", "score", "expected"),
    [
        (Label.BAD, False, 0.9, KEPT_BY_MODEL),
        (Label.GOOD, False, 0.9, KEPT_BY_MODEL),  # outside the extent, taken back
        (Label.GOOD, True, 0.02, KEPT_AS_SUBHEADING),  # the model alone would drop it
        (Label.SHORT, True, 0.5, KEPT_IN_EXTRACTED_BODY),
        (Label.SHORT, True, None, KEPT_IN_EXTRACTED_BODY),
        (Label.GOOD, True, 0.5, ""),
        (Label.GOOD, True, None, ""),
    ],
)
def test_kept_by_follows_the_final_call(
    label: Label, heuristic_keep: bool, score: float | None, expected: str
) -> None:
    assert _kept_by(label, heuristic_keep, score, 0.1) == expected
