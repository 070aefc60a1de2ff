"""Blocks that stand or fall together: the lines of one code block. The block steps
judge a code block line by line, where a line of code reads as a short line of
nothing ("fn main() {"), so they would keep some lines and drop others; a program with
holes is worse than none. A code block any of whose lines is kept is kept whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cleaner.results import Block, BlockDecision, BlockKind, Removal

KEPT_AS_CODE = "code_block"
"""`BlockDecision.kept_by` of a code line kept because its code block is."""


def code_runs(blocks: Sequence[Block]) -> list[range]:
    """The runs of consecutive code lines (one code block each)."""
    runs: list[range] = []
    start = None
    for i, block in enumerate([*blocks, None]):
        is_code = block is not None and block.kind is BlockKind.CODE
        if is_code and start is None:
            start = i
        elif not is_code and start is not None:
            runs.append(range(start, i))
            start = None
    return runs


def keep_code_whole(
    blocks: Sequence[Block], decisions: list[BlockDecision], removed: list[Removal]
) -> tuple[list[BlockDecision], list[Removal]]:
    """The decisions with every line of a partly kept code block kept, and the removal
    records without those lines. `decisions` is indexed like `blocks`."""
    restored: set[int] = set()
    for run in code_runs(blocks):
        if any(decisions[i].kept for i in run):
            restored.update(i for i in run if not decisions[i].kept)
    if not restored:
        return decisions, removed
    decided = [
        replace(d, kept=True, rule="", reason="", kept_by=KEPT_AS_CODE) if i in restored else d
        for i, d in enumerate(decisions)
    ]
    return decided, [r for r in removed if r.block not in restored]
