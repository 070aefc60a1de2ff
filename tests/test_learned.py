"""The learned block classifier: the shipped model loads, matches the feature list,
and its trees are evaluated as written."""

from __future__ import annotations

from cleaner import clean
from cleaner.blockfeatures import FEATURE_NAMES, vectorize
from cleaner.config import Config
from cleaner.learned import parse_model, shipped_model
from cleaner.segment import segment
from cleaner.textmode import new_state, run_steps
from tests.conftest import read_fixture


def test_shipped_model_loads_and_was_cross_validated() -> None:
    model = shipped_model()
    assert model is not None, "cleaner/data/block_model.json is missing or stale"
    assert model.trees
    assert model.cv["grouped_by"] == "site"
    assert 0.0 < model.low <= model.high < 1.0


def test_one_row_per_block_with_every_feature() -> None:
    state = new_state(segment(read_fixture("text/seed_kyiv_independent.txt")), None,
                      Config(block_model=False), trusted=False)  # fmt: skip
    run_steps(state)
    rows = vectorize(state)
    assert len(rows) == len(state.page.blocks)
    assert all(len(r) == len(FEATURE_NAMES) for r in rows)


def test_tree_walk_and_sigmoid() -> None:
    # One stump: feature 0 <= 1.0 gives -2, else +2.
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
    model = parse_model(data)
    width = len(FEATURE_NAMES)
    low, high = model.probabilities([[0.5] * width, [3.0] * width])
    assert low < 0.2 < 0.8 < high


def test_model_decisions_are_named() -> None:
    result = clean(read_fixture("text/seed_newsweek_via_aggregator.txt"))
    assert all(r.rule and r.reason for r in result.removed)


def test_compiled_trees_equal_the_tree_walk() -> None:
    import random

    model = shipped_model()
    assert model is not None
    rng = random.Random(3)
    for _ in range(200):
        row = [rng.uniform(-1.0, 60.0) for _ in FEATURE_NAMES]
        walked = model.baseline + sum(t.score(row) for t in model.trees)
        assert abs(model.raw_score(row) - walked) < 1e-9


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
    from cleaner.learned import sigmoid

    assert sigmoid(-5000.0) == 0.0
    assert sigmoid(5000.0) == 1.0
    assert sigmoid(0.0) == 0.5
    assert abs(sigmoid(-2.0) - (1 - sigmoid(2.0))) < 1e-12
