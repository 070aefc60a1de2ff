"""Cleaning that stays clean: the body the cleaner returns is one it returns again.

A text with no furniture a rule can name is taken as clean already and kept whole; a
cleaned body that still shows some (a caption's twin now beside it, an end marker the
first pass kept) is cleaned again until it shows none or nothing more goes. Each pass
over a body is exactly what cleaning that body afresh would do, so cleaning the output
again changes nothing (issue 6).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cleaner import textmode
from cleaner.config import Config
from cleaner.results import Block, BlockDecision, Removal
from cleaner.segment import blocks_of
from cleaner.textmode import TextState
from cleaner.textshape import carried


@dataclass(frozen=True, slots=True)
class Settled:
    """The first pass's state (metadata comes from it), and what all passes decided,
    indexed by the first pass's blocks."""

    state: TextState
    kept: list[str]
    removed: list[Removal]
    decisions: list[BlockDecision]


def shows_furniture(state: TextState) -> bool:
    """Whether a rule named any block of the page as furniture, or any end marker."""
    return bool(state.page.marks or state.ends)


def already_clean(state: TextState) -> bool:
    """A text in which the rules find no furniture is returned as it is: with nothing
    to name, cutting at its edges is a guess (the block model and the extent erode a
    clean body by an edge block or two per pass, and a body of list items or lines
    the stoplists do not fit would be found to hold no article at all)."""
    return not state.trusted_extent and not shows_furniture(state)


def clean_blocks(
    blocks: list[Block],
    url: str | None,
    config: Config,
    *,
    trusted: bool,
    known_title: str | None = None,
    headline: str | None = None,
) -> Settled:
    """Decide every block of a page; `trusted`, `known_title` and `headline` as in
    `textmode.new_state`."""
    first = textmode.new_state(
        blocks, url, config, trusted=trusted, known_title=known_title, headline=headline
    )
    textmode.run_steps(first, textmode.HEURISTIC_STEPS)
    if already_clean(first):
        return Settled(first, [b.text for b in blocks], [], _all_kept(first))
    kept, removed, decisions = _model_and_decide(first)
    origin = [d.block for d in decisions if d.kept]  # first-pass index of each kept block
    # A pass that removed nothing from a text saw exactly what cleaning its output would
    # see; an extracted HTML body was never judged as text, so it is checked once.
    unsettled = trusted or len(kept) < len(first.page)
    while kept and unsettled:
        kept_blocks = carried(blocks_of("\n\n".join(kept)), [blocks[i] for i in origin])
        again = textmode.new_state(kept_blocks, url, config, trusted=False)
        textmode.run_steps(again, textmode.HEURISTIC_STEPS)
        if already_clean(again):
            break
        kept_again, removed_again, decisions_again = _model_and_decide(again)
        home = origin if len(origin) == len(again.page) else list(range(len(again.page)))
        removed.extend(replace(r, block=home[r.block]) for r in removed_again)
        for d in decisions_again:
            if not d.kept:
                first_pass = decisions[home[d.block]]
                decisions[home[d.block]] = replace(
                    d, block=first_pass.block, kind=first_pass.kind, level=first_pass.level
                )
        origin = [home[d.block] for d in decisions_again if d.kept]
        unsettled = len(kept_again) < len(kept)
        kept = kept_again
    removed.sort(key=lambda r: r.block)
    return Settled(first, kept, removed, decisions)


def _model_and_decide(
    state: TextState,
) -> tuple[list[str], list[Removal], list[BlockDecision]]:
    textmode.run_steps(state, textmode.MODEL_STEPS)
    return textmode.decide(state)


def _all_kept(state: TextState) -> list[BlockDecision]:
    return [
        BlockDecision(i, b.text, True, state.labels[i], "", "", "", b.kind, b.level)
        for i, b in enumerate(state.page.blocks)
    ]
