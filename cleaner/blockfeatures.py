"""The measurements the learned block classifier reads: a block's own features, what
the heuristic steps decided about it, and its neighbourhood. One row per block.

Training (scripts/train_block_model.py) and inference both call `vectorize`, so the
two can never disagree about what a column means.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

from cleaner.features import BLOCK_MEMO
from cleaner.model import Label, Reason
from cleaner.segment import fold

if TYPE_CHECKING:
    from cleaner.textmode import TextState

CONTEXT = 3
"""Blocks on each side whose prose share describes a block's neighbourhood."""

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

_FAR = 50.0
"""Distances are capped: past 50 blocks, further away says nothing more."""


def _log(n: float) -> float:
    return math.log1p(max(n, 0.0))


def vectorize(state: TextState, blocks: Iterable[int] | None = None) -> list[list[float]]:
    """Rows for `blocks` (default: every block of the page)."""
    page = state.page
    n = len(page)
    if not n:
        return []
    feats, free, labels, marks = page.features, state.free_labels, state.labels, page.marks
    body = state.extent
    meta = state.meta
    meta_blocks = {meta.title, meta.byline, meta.date_block} - {None}
    title = meta.title if meta.title is not None else -1
    good_chars = [f.chars if lab is Label.GOOD else 0 for f, lab in zip(feats, labels, strict=True)]
    all_chars = sum(f.chars for f in feats) or 1
    page_good_share = sum(good_chars) / all_chars
    chars_upto = [0, *accumulate(f.chars for f in feats)]
    good_upto = [0, *accumulate(good_chars)]
    counts = Counter(fold(b.text) for b in page.blocks)
    first_end_after = _first_after(state)
    comments_after = _first_after(state, Reason.COMMENTS_WIDGET)
    related_after = _first_after(state, Reason.RELATED)
    rows: list[list[float]] = []
    for i in blocks if blocks is not None else range(n):
        f = feats[i]
        lo, hi = max(0, i - CONTEXT), min(n, i + CONTEXT + 1)
        window = (chars_upto[hi] - chars_upto[lo]) or 1
        prev_f = feats[i - 1] if i else None
        next_f = feats[i + 1] if i + 1 < n else None
        rows.append(
            [
                _log(f.chars), float(f.words), f.stopword_density, float(f.ends_sentence),
                f.capitalised_share, f.url_density, f.digit_share, float(f.sentences),
                float(f.headline_like), float(page.blocks[i].blank_before),
                float(free[i] is Label.GOOD), float(free[i] is Label.NEAR_GOOD),
                float(free[i] is Label.SHORT), float(free[i] is Label.BAD),
                float(labels[i] is Label.GOOD), float(i in marks),
                float(body is not None and i in body),
                float(body is not None and i < body.start),
                float(body is not None and i > body.end),
                float(body is None),
                min(_FAR, abs(i - body.start)) if body else _FAR,
                min(_FAR, abs(body.end - i)) if body else _FAR,
                i / n,
                float(i in state.ends),
                float(first_end_after is not None and i > first_end_after),
                float(i in meta_blocks),
                min(_FAR, i - title) if 0 <= title < i else _FAR,
                prev_f.stopword_density if prev_f else 0.0,
                next_f.stopword_density if next_f else 0.0,
                _log(prev_f.chars) if prev_f else 0.0,
                _log(next_f.chars) if next_f else 0.0,
                float(i - 1 in marks), float(i + 1 in marks),
                (good_upto[hi] - good_upto[lo]) / window,
                float(counts[fold(page.blocks[i].text)] - 1),
                _log(n), page_good_share,
                float(title_case_lead(page.blocks[i].text)),
                float(comments_after is not None and i > comments_after),
                float(related_after is not None and i > related_after),
            ]
        )  # fmt: skip
    return rows


def _first_after(state: TextState, reason: Reason | None = None) -> int | None:
    """The first end marker (of this kind, if given) after the body's start."""
    body = state.extent
    if body is None:
        return None
    return min(
        (e for e, r in state.ends.items() if e > body.start and reason in (None, r)),
        default=None,
    )


_FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "of", "on",
     "or", "over", "the", "to", "with"}
)  # fmt: skip
TITLE_LEAD_CAP = 12


@lru_cache(maxsize=BLOCK_MEMO)
def title_case_lead(text: str) -> int:
    """How many words open the block in Title Case when that run capitalises a function
    word ("Customers Leave Without Paying At Troy Steakhouse A party of six..."): a
    teaser's headline glued to its summary. Prose capitalises "At" or "The" only to
    start a sentence; a run ending in a colon is a glossary term, not a headline (0)."""
    run, function_word = 0, False
    for k, word in enumerate(text.split()[:TITLE_LEAD_CAP]):
        core = word.strip("'\"‘’“”()[],.!?;")
        if not core or not (core[0].isupper() or core[0].isdigit() or core[0] == "$"):
            break
        if word.endswith(":"):
            return 0
        function_word = function_word or (k > 0 and core.lower() in _FUNCTION_WORDS)
        run += 1
    return run if function_word else 0
