"""The learned block classifier: gradient-boosted trees trained by
scripts/train_block_model.py, shipped as JSON and evaluated here in pure Python."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from cleaner.blockfeatures import FEATURE_NAMES

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


@dataclass(frozen=True, slots=True)
class BlockModel:
    baseline: float
    low: float
    high: float
    trees: tuple[Tree, ...]
    cv: dict[str, Any]

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        out = []
        for row in rows:
            raw = self.baseline + sum(t.score(row) for t in self.trees)
            out.append(1.0 / (1.0 + math.exp(-raw)))
        return out


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
    return BlockModel(
        float(data["baseline"]), float(data["low"]), float(data["high"]), trees, data.get("cv", {})
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
