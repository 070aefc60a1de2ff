"""The measurements the learned block classifier reads: a block's own features, what
the heuristic steps decided about it, and its neighbourhood. One row per block, built
by the Rust core (`rust/src/blockfeatures.rs`) from what the steps decided.

Training (scripts/train_block_model.py) and inference both read these rows
(`vectorize`, `decided`), so the two can never disagree about what a column means.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from cleaner import _core
from cleaner.results import Label, Reason

if TYPE_CHECKING:
    from cleaner.textmode import TextState

title_case_lead = _core.title_case_lead
"""How many words open a block in Title Case where that run capitalises a function
word ("Customers Leave Without Paying At Troy Steakhouse A party of six..."): a
teaser's headline glued to its summary (0 otherwise, and for a glossary term)."""

FEATURE_NAMES: tuple[str, ...] = (
    "log_chars", "words", "stopword_density", "ends_sentence", "capitalised_share",
    "url_density", "digit_share", "sentences", "headline_like", "blank_before",
    "free_good", "free_near_good", "free_short", "free_bad",
    "revised_good", "marked",
    "in_extent", "before_extent", "after_extent", "no_extent",
    "blocks_from_start", "blocks_to_end", "position",
    "end_marker", "after_end_marker",
    "title_or_meta", "blocks_after_title",
    "prev_density", "next_density", "prev_log_chars", "next_log_chars",
    "prev_marked", "next_marked", "context_good_share",
    "repeats", "page_log_blocks", "page_good_share",
    "title_case_lead", "after_comments_marker", "after_related_marker",
)  # fmt: skip

LABEL_CODES = {Label.GOOD: 0, Label.NEAR_GOOD: 1, Label.SHORT: 2, Label.BAD: 3}
"""How the core numbers the labels (`rust/src/blockfeatures.rs`, `Label`)."""


def decided(state: TextState) -> _core.PageDecisions:
    """What the heuristic steps decided about the page, handed to the core beside the
    page's blocks and measures as it holds them (`Page.in_core`); the core builds the
    rows (`rust/src/blockfeatures.rs`; the columns are FEATURE_NAMES, in
    order: a block's measures, its labels and marks, where it lies against the extent,
    the end markers and the metadata, its neighbours, repeats, and the page)."""
    page = state.page
    n = len(page)
    body, meta = state.extent, state.meta
    return _core.PageDecisions(
        page.in_core(),
        [b.blank_before for b in page.blocks],
        [LABEL_CODES[label] for label in state.free_labels],
        [LABEL_CODES[label] for label in state.labels],
        [i in page.marks for i in range(n)],
        [i in state.ends for i in range(n)],
        extent=(body.start, body.end) if body is not None else None,
        meta=sorted(i for i in (meta.title, meta.byline, meta.date_block) if i is not None),
        title=meta.title,
        after=(
            _first_after(state),
            _first_after(state, Reason.COMMENTS_WIDGET),
            _first_after(state, Reason.RELATED),
        ),
    )


def vectorize(state: TextState, blocks: Iterable[int] | None = None) -> list[list[float]]:
    """Rows for `blocks` (default: every block of the page)."""
    if not state.page.blocks:
        return []
    chosen = list(blocks) if blocks is not None else list(range(len(state.page)))
    return decided(state).rows(chosen)


def _first_after(state: TextState, reason: Reason | None = None) -> int | None:
    """The first end marker (of this kind, if given) after the body's start."""
    body = state.extent
    if body is None:
        return None
    return min(
        (e for e, r in state.ends.items() if e > body.start and reason in (None, r)),
        default=None,
    )
