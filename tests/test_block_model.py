"""The learned block classifier: the shipped model loads, matches the feature list,
and the core sums its trees as a naive walk of the file does."""

from __future__ import annotations

import json
import math
import pickle
import random
from importlib import resources
from typing import Any

import pytest

from cleaner import _core, clean
from cleaner.block_model import parse_model, shipped_model
from cleaner.blockfeatures import FEATURE_NAMES, vectorize
from cleaner.config import Config
from cleaner.segment import segment
from cleaner.textmode import new_state, run_steps
from tests.conftest import read_fixture


def test_shipped_model_loads_and_was_cross_validated() -> None:
    model = shipped_model()
    assert model is not None, "cleaner/data/block_model.json is missing or stale"
    assert _model_data()["cv"]["grouped_by"] == "site"
    assert 0.0 < model.low <= model.high < 1.0


def _model_data() -> dict[str, Any]:
    text = resources.files("cleaner").joinpath("data/block_model.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def test_one_row_per_block_with_every_feature() -> None:
    state = new_state(segment(read_fixture("text/seed_kyiv_independent.txt")), None,
                      Config(block_model=False), trusted=False)  # fmt: skip
    run_steps(state)
    rows = vectorize(state)
    assert len(rows) == len(state.page.blocks)
    assert all(len(r) == len(FEATURE_NAMES) for r in rows)


def _stump_model(**changes: Any) -> str:
    """A model of one stump: feature 0 <= 1.0 gives -2, else +2."""
    stump = {
        "feature": [0, 0, 0],
        "threshold": [1.0, 0.0, 0.0],
        "left": [1, 0, 0],
        "right": [2, 0, 0],
        "value": [0.0, -2.0, 2.0],
        "leaf": [False, True, True],
    }
    data = {
        "features": list(FEATURE_NAMES),
        "baseline": 0.0,
        "low": 0.1,
        "high": 0.5,
        "trees": [stump],
    }
    stump.update(changes)
    return json.dumps(data)


def test_tree_walk_and_sigmoid() -> None:
    model = parse_model(_stump_model())
    width = len(FEATURE_NAMES)
    low, high = model.probabilities([[0.5] * width, [3.0] * width])
    assert low < 0.2 < 0.8 < high


def test_model_decisions_are_named() -> None:
    result = clean(read_fixture("text/seed_newsweek_via_aggregator.txt"))
    assert all(r.rule and r.reason for r in result.removed)


def _walk(tree: dict[str, Any], row: list[float]) -> float:
    """A naive reference: one tree walked node by node as the file writes it."""
    node = 0
    while not tree["leaf"][node]:
        go_left = row[tree["feature"][node]] <= tree["threshold"][node]
        node = tree["left"][node] if go_left else tree["right"][node]
    value: float = tree["value"][node]
    return value


def test_the_core_sums_the_shipped_trees_as_a_naive_walk_does() -> None:
    model = shipped_model()
    assert model is not None
    data = _model_data()
    rng = random.Random(3)
    rows = [[rng.uniform(-1.0, 60.0) for _ in FEATURE_NAMES] for _ in range(200)]
    rows.append([math.nan] * len(FEATURE_NAMES))  # a NaN goes right, as in Python
    # Rows exactly at a split's threshold: the file's numbers must be read exactly as
    # Python reads them (a parser one unit in the last place off sends them astray).
    thresholds = sorted({t for tree in data["trees"] for t in tree["threshold"]})
    rows += [[t] * len(FEATURE_NAMES) for t in thresholds[:: max(1, len(thresholds) // 300)]]
    for row, score in zip(rows, model.raw_scores(rows), strict=True):
        walked = data["baseline"]
        for tree in data["trees"]:
            walked += _walk(tree, row)
        assert score == walked  # the same sums in the same order: exactly equal


@pytest.mark.parametrize(
    "changes",
    [
        {"left": [0, 0, 0]},  # a loop back to the root
        {"right": [9, 0, 0]},  # a child out of range
        {"feature": [999, 0, 0]},  # a feature out of range
        {"leaf": [False, True]},  # node lists of different lengths
        {"threshold": ["__import__('os').system('true')", 0.0, 0.0]},  # no code runs
    ],
)
def test_a_malformed_model_is_refused_with_a_model_error(changes: dict[str, Any]) -> None:
    with pytest.raises(_core.ModelError):
        parse_model(_stump_model(**changes))


def test_a_model_of_other_features_is_refused() -> None:
    data = json.loads(_stump_model())
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="other features"):
        parse_model(json.dumps(data))


def test_a_row_of_the_wrong_width_is_refused() -> None:
    model = parse_model(_stump_model())
    with pytest.raises(_core.ModelError):
        model.raw_scores([[0.0, 1.0]])


def test_the_compiled_model_pickles_for_worker_processes() -> None:
    model = shipped_model()
    assert model is not None
    copy = pickle.loads(pickle.dumps(model.forest))
    row = [[1.0] * len(FEATURE_NAMES)]
    assert copy.raw_scores(row) == model.raw_scores(row)


def test_title_case_lead_finds_a_glued_teaser_headline() -> None:
    from cleaner.blockfeatures import title_case_lead

    glued = "Customers Leave Without Paying Bill At Troy Steakhouse A party of six left"
    assert title_case_lead(glued) >= 7
    assert title_case_lead("The council voted on Monday to rebuild the sea wall.") == 0
    assert title_case_lead("Principle Of Full Disclosure: All information must be shown") == 0
    assert title_case_lead("John Smith said the wall would be rebuilt by spring.") == 0


def test_blocks_after_a_comments_heading_say_so() -> None:
    from tests.helpers import PROSE

    text = "\n\n".join([*PROSE, "Comments", "Great article, thanks for writing it up.", *PROSE])
    state = new_state(segment(text), None, Config(), trusted=False)
    run_steps(state)
    rows = vectorize(state)
    comments = FEATURE_NAMES.index("after_comments_marker")
    related = FEATURE_NAMES.index("after_related_marker")
    assert [row[comments] for row in rows] == [0.0] * 4 + [1.0] * 4
    assert all(row[related] == 0.0 for row in rows)


def test_the_model_scores_only_pages_whose_words_fit_a_stoplist() -> None:
    """A Japanese dump has no stopwords the model could see (it trained on almost no
    such page), so it is left to the heuristics; an English one is scored."""
    from tests.helpers import PROSE
    from tests.test_decode import STORY

    japanese = ["ニュース", "天気", *STORY["ja"], "メールマガジンに登録する"]
    english = ["News", "Weather", *PROSE, "Subscribe to our newsletter"]
    for lines, scored in ((japanese, False), (english, True)):
        text = "\n\n".join(lines)
        state = new_state(segment(text), None, Config(), trusted=False)
        run_steps(state)
        assert (state.scores is not None) is scored


def test_extreme_tree_scores_give_probabilities_not_overflow() -> None:
    """A pure leaf can carry a value in the thousands; exp() of it must not raise."""
    width = len(FEATURE_NAMES)
    for value, expected in ((-5000.0, 0.0), (5000.0, 1.0), (0.0, 0.5)):
        model = parse_model(_stump_model(value=[0.0, value, value]))
        assert model.probabilities([[0.0] * width]) == [expected]
