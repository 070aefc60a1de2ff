"""What the learned block model does to whole pages: news-page dumps (written for these
tests, not benchmark pages) where it drops furniture the heuristics keep and keeps
article lines the heuristics drop. Each expectation is checked with the model off too,
so these tests fail if the model is not loaded or stops mattering."""

from __future__ import annotations

import pytest

from cleaner import Result, clean
from cleaner.textmode import MODEL_RULE
from tests.conftest import read_fixture

COUNCIL = "text/news_council_vote.txt"
MATCH = "text/news_match_report.txt"

MODEL_DROPS = [
    # An ad slot's label and an image's enlarge link inside the article body: short
    # lines that end a sentence, so the heuristics keep them.
    (COUNCIL, "Advertisement."),
    (COUNCIL, "Click to enlarge."),
    # A photo caption's toggle.
    (MATCH, "Hide caption."),
]
MODEL_KEEPS = [
    # A roll call and the sentence introducing it: names and a colon, few stopwords,
    # so the heuristics take them for a list of links.
    (COUNCIL, "The roll call on the bond measure:"),
    (COUNCIL, "Yes: Chen, Diaz, Moreno, Novak, Ortiz, Walsh, Young. No: Linden, Schwartz."),
    # The round's other results, in the report.
    (MATCH, "County Cup quarter-finals: Rovers 3-2 Harriers; Millbrook 1-0 Ashby;"),
]
ARTICLE = {
    COUNCIL: (
        "The Westbrook City Council voted 7-2 on Tuesday night to borrow $48 million",
        "Residents who want to know whether their home has a lead service line",
    ),
    MATCH: (
        "Ashford Rovers reached the semi-finals of the county cup",
        '"I just wanted to hit the target," he said.',
    ),
}
FURNITURE = {
    COUNCIL: ("Share this article", "More from Local News", "School board delays vote"),
    MATCH: ("Related stories", "Harriers boss praises young squad", "Newsletter"),
}


def _clean(name: str, *, block_model: bool) -> Result:
    return clean(read_fixture(name), kind="text", block_model=block_model)


def _lines(result: Result) -> list[str]:
    return result.text.split("\n\n")


@pytest.mark.parametrize(("name", "line"), MODEL_DROPS)
def test_the_model_drops_furniture_the_heuristics_keep(name: str, line: str) -> None:
    assert line in _lines(_clean(name, block_model=False))
    result = _clean(name, block_model=True)
    assert line not in _lines(result)
    assert [r.rule for r in result.removed if r.text == line] == [MODEL_RULE]


@pytest.mark.parametrize(("name", "start"), MODEL_KEEPS)
def test_the_model_keeps_article_lines_the_heuristics_drop(name: str, start: str) -> None:
    without = _clean(name, block_model=False)
    assert not any(line.startswith(start) for line in _lines(without))
    assert [r.rule for r in without.removed if r.text.startswith(start)] != []
    with_model = _clean(name, block_model=True)
    assert any(line.startswith(start) for line in _lines(with_model))
    assert not any(r.text.startswith(start) for r in with_model.removed)


@pytest.mark.parametrize("name", [COUNCIL, MATCH])
@pytest.mark.parametrize("block_model", [True, False])
def test_the_article_is_kept_and_the_furniture_dropped_either_way(
    name: str, block_model: bool
) -> None:
    body = _clean(name, block_model=block_model).text
    first, last = ARTICLE[name]
    assert body.startswith(first)
    assert last in body
    for furniture in FURNITURE[name]:
        assert furniture not in body
