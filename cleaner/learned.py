"""The learned block classifier: gradient-boosted trees trained by
scripts/train_block_model.py, shipped as JSON and evaluated here: in C where the
optional extension `cleaner._forest` was built, else as generated Python."""

from __future__ import annotations

import json
import math
import struct
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from cleaner.blockfeatures import FEATURE_NAMES

try:
    from cleaner import _forest
except ImportError:  # built without a C compiler: the generated Python scores the same
    _forest = None  # type: ignore[assignment]

MODEL_FILE = "data/block_model.json"


@dataclass(frozen=True, slots=True)
class Tree:
    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]
    leaf: tuple[bool, ...]

    def score(self, row: list[float]) -> float:
        node = 0
        while not self.leaf[node]:
            go_left = row[self.feature[node]] <= self.threshold[node]
            node = self.left[node] if go_left else self.right[node]
        return self.value[node]


NODE = struct.Struct("=iid")
"""One node as `cleaner._forest` reads it: feature (-1 at a leaf), first child (the
second follows it), threshold (a leaf's value)."""


@dataclass(frozen=True, slots=True)
class Forest:
    """Every tree's nodes packed for `cleaner._forest`, each tree laid out breadth
    first so that a split's two children are neighbours."""

    nodes: bytes
    roots: array[int]

    @classmethod
    def of(cls, trees: Sequence[Tree]) -> Forest:
        packed = bytearray()
        roots = array("i")
        count = 0
        for tree in trees:
            roots.append(count)
            order = [0]  # breadth first: each split's children appended as a pair
            for node in order:
                if not tree.leaf[node]:
                    order += (tree.left[node], tree.right[node])
                if len(order) > len(tree.leaf):
                    raise ValueError("a tree's nodes are reached more than once")
            position = {node: count + k for k, node in enumerate(order)}
            for node in order:
                if tree.leaf[node]:
                    packed += NODE.pack(-1, 0, tree.value[node])
                else:
                    child = position[tree.left[node]]
                    packed += NODE.pack(tree.feature[node], child, tree.threshold[node])
            count += len(order)
        return cls(bytes(packed), roots)


@dataclass(frozen=True, slots=True)
class BlockModel:
    baseline: float
    low: float
    high: float
    trees: tuple[Tree, ...]
    cv: dict[str, Any]
    raw_score: Callable[[list[float]], float] = field(compare=False, repr=False)
    forest: Forest = field(compare=False, repr=False)

    def raw_scores(self, rows: Sequence[Sequence[float]], *, compiled: bool = True) -> list[float]:
        """Baseline plus every tree's value, per row: in C where the extension is
        built (`compiled=False` asks for the generated Python)."""
        if compiled and _forest is not None:
            f = self.forest
            return _forest.raw_scores(f.nodes, f.roots, self.baseline, len(FEATURE_NAMES), rows)
        score = self.raw_score
        return [score(list(row)) for row in rows]

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        return [sigmoid(x) for x in self.raw_scores(rows)]


_EXP_LIMIT = 700.0
"""math.exp raises past ~709.78; at -700 the probability is already ~1e-304."""


def sigmoid(x: float) -> float:
    """The logistic function without overflow: a tree fitted to a pure leaf can carry a
    value in the thousands (a model trained without L2 regularization had one of
    5,812). The same value as before wherever that did not raise."""
    if x < -_EXP_LIMIT:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


def compile_trees(baseline: float, trees: tuple[Tree, ...]) -> Callable[[list[float]], float]:
    """The trees as one generated Python function of nested ifs: the same sums as
    walking them node by node (`Tree.score`), about ten times faster, which matters on
    pages of thousands of short blocks. The row is unpacked into local names first:
    comparing a local is about 30% faster than indexing the row at every node."""
    names = "".join(f"x{i}, " for i in range(len(FEATURE_NAMES)))
    lines = ["def raw_score(r):", f"    {names}= r", f"    t = {baseline!r}"]

    def emit(tree: Tree, node: int, depth: int) -> None:
        pad = "    " * depth
        if tree.leaf[node]:
            lines.append(f"{pad}t += {tree.value[node]!r}")
            return
        lines.append(f"{pad}if x{tree.feature[node]} <= {tree.threshold[node]!r}:")
        emit(tree, tree.left[node], depth + 1)
        lines.append(f"{pad}else:")
        emit(tree, tree.right[node], depth + 1)

    for tree in trees:
        emit(tree, 0, 1)
    lines.append("    return t")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<block_model>", "exec"), namespace)  # our own data
    function: Callable[[list[float]], float] = namespace["raw_score"]
    return function


def parse_model(data: dict[str, Any]) -> BlockModel:
    if tuple(data["features"]) != FEATURE_NAMES:
        raise ValueError("block model was trained on other features; retrain it")
    trees = tuple(
        Tree(
            tuple(t["feature"]),
            tuple(t["threshold"]),
            tuple(t["left"]),
            tuple(t["right"]),
            tuple(t["value"]),
            tuple(t["leaf"]),
        )
        for t in data["trees"]
    )
    baseline = float(data["baseline"])
    return BlockModel(
        baseline,
        float(data["low"]),
        float(data["high"]),
        trees,
        data.get("cv", {}),
        compile_trees(baseline, trees),
        Forest.of(trees),
    )


@cache
def shipped_model() -> BlockModel | None:
    """The packaged model, or None where none was trained (or it is stale)."""
    path = resources.files("cleaner").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    try:
        return parse_model(json.loads(path.read_text("utf-8")))
    except (ValueError, KeyError):
        return None
