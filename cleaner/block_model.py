"""The learned block classifier: gradient-boosted trees trained by
scripts/train_block_model.py and shipped as JSON. The Rust core parses the file into
typed values, checks it (feature indices, child links, no node reached twice) and sums
the trees (`rust/src/forest.rs`); nothing in the file is ever executed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from cleaner import _core
from cleaner.blockfeatures import FEATURE_NAMES

MODEL_FILE = "data/block_model.json"


@dataclass(frozen=True, slots=True)
class BlockModel:
    """The trees, and the thresholds chosen with them: a block the heuristics keep is
    dropped under `low`, one they drop is kept from `high` up (`cleaner.decision`)."""

    forest: _core.Forest

    @property
    def baseline(self) -> float:
        return self.forest.baseline

    @property
    def low(self) -> float:
        return self.forest.low

    @property
    def high(self) -> float:
        return self.forest.high

    def raw_scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """Baseline plus every tree's value, per row, the trees added in order."""
        return self.forest.raw_scores([list(row) for row in rows])

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probability that each row's block is article text."""
        return self.forest.probabilities([list(row) for row in rows])


def parse_model(text: str) -> BlockModel:
    """A model file's text as a checked model; `_core.ModelError` (a ValueError) where
    it is malformed, ValueError where it was trained on other features."""
    forest = _core.Forest(text)
    if tuple(forest.features) != FEATURE_NAMES:
        raise ValueError("block model was trained on other features; retrain it")
    return BlockModel(forest)


@cache
def shipped_model() -> BlockModel | None:
    """The packaged model, or None where none was trained (or it is stale)."""
    path = resources.files("cleaner").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    try:
        return parse_model(path.read_text("utf-8"))
    except ValueError:
        return None
