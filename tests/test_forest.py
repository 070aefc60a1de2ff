"""The block model's trees in C (`cleaner._forest`): the same scores as the generated
Python, and a malformed forest refused, never read out of bounds."""

from __future__ import annotations

import math
import random
from array import array
from typing import Any

import pytest

from cleaner import learned
from cleaner.blockfeatures import FEATURE_NAMES
from cleaner.learned import NODE, Forest, Tree, shipped_model
from tests.shared_material import require

WIDTH = len(FEATURE_NAMES)


@pytest.fixture
def forest_module() -> Any:
    require(learned._forest is not None, "cleaner._forest was not built (no C compiler?)")
    return learned._forest


def _rows(count: int, seed: int) -> list[list[float]]:
    """Rows with the values block features take: flags, counts, shares, and NaN."""
    rng = random.Random(seed)
    values = (0.0, 1.0, math.nan, -1.0)
    return [
        [rng.choice((*values, rng.uniform(-1.0, 60.0), float(rng.randint(0, 40))))
         for _ in range(WIDTH)]
        for _ in range(count)
    ]  # fmt: skip


def test_compiled_trees_score_exactly_as_the_python(forest_module: object) -> None:
    model = shipped_model()
    assert model is not None
    rows = _rows(2000, seed=5)
    assert model.raw_scores(rows) == model.raw_scores(rows, compiled=False)


def test_rows_of_ints_and_bools_score_as_floats(forest_module: object) -> None:
    model = shipped_model()
    assert model is not None
    ints: list[list[float]] = [[i % 3 for i in range(WIDTH)], [True] * WIDTH]
    floats = [[float(v) for v in row] for row in ints]
    assert model.raw_scores(ints) == model.raw_scores(floats, compiled=False)


def test_no_rows_no_scores(forest_module: object) -> None:
    model = shipped_model()
    assert model is not None
    assert model.raw_scores([]) == []


def _stump() -> Tree:
    """Feature 0 <= 1.0 gives -2, else +2; its right child is listed before its left."""
    return Tree((0, 0, 0), (1.0, 0.0, 0.0), (2, 0, 0), (1, 0, 0), (0.0, 2.0, -2.0),
                (False, True, True))  # fmt: skip


def test_a_forest_lays_each_split_s_children_side_by_side(forest_module: Any) -> None:
    forest = Forest.of([_stump(), _stump()])
    assert list(forest.roots) == [0, 3]
    nodes = [NODE.unpack_from(forest.nodes, k * NODE.size) for k in range(6)]
    assert nodes[0] == (0, 1, 1.0) and nodes[1] == (-1, 0, -2.0) and nodes[2] == (-1, 0, 2.0)
    assert nodes[3] == (0, 4, 1.0)
    scores = forest_module.raw_scores(
        forest.nodes, forest.roots, 0.5, WIDTH, [[0.0] * WIDTH, [3.0] * WIDTH, [math.nan] * WIDTH]
    )
    assert scores == [-3.5, 4.5, 4.5]  # NaN is not <= 1.0: it goes right, as in Python


@pytest.mark.parametrize(
    ("node", "width"),
    [
        ((0, 5, 1.0), WIDTH),  # a child past the last node
        ((0, 0, 1.0), WIDTH),  # a child at its parent: a loop
        ((WIDTH, 1, 1.0), WIDTH),  # a feature the rows do not have
    ],
)
def test_a_malformed_forest_is_refused(
    forest_module: Any, node: tuple[int, int, float], width: int
) -> None:
    nodes = NODE.pack(*node) + NODE.pack(-1, 0, 1.0) + NODE.pack(-1, 0, 2.0)
    with pytest.raises(ValueError, match="out of range"):
        forest_module.raw_scores(nodes, array("i", [0]), 0.0, width, [[0.0] * width])


def test_a_row_of_the_wrong_width_is_refused(forest_module: object) -> None:
    model = shipped_model()
    assert model is not None
    with pytest.raises(ValueError, match="wrong number of features"):
        model.raw_scores([[0.0] * (WIDTH - 1)])


def test_a_tree_whose_nodes_loop_is_refused_before_any_scoring() -> None:
    looped = Tree((0, 0, 0), (1.0, 0.0, 0.0), (1, 0, 0), (0, 0, 0), (0.0, 2.0, -2.0),
                  (False, True, True))  # fmt: skip
    with pytest.raises(ValueError, match="more than once"):
        Forest.of([looped])
