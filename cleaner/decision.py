"""The final keep/drop call on each block: rule marks (and end markers) are final,
the heuristics' verdict stands unless the learned classifier is confident against it,
and a subheading stays with the paragraph it introduces."""

from __future__ import annotations

from collections.abc import Sequence

KEEP_LOW = 0.1
"""A block the heuristics keep is dropped only when the classifier gives it under this
probability. A default for callers with their own scores: the cleaner uses the
thresholds the shipped model carries (`BlockModel.low`, chosen by site-grouped
cross-validation in scripts/train_block_model.py)."""

KEEP_HIGH = 0.5
"""A block the heuristics drop is kept when the classifier gives it at least this
(likewise a default: the cleaner uses `BlockModel.high`)."""


def final_keep(
    heuristic_keep: Sequence[bool],
    marked: Sequence[bool],
    headings: Sequence[bool],
    scores: Sequence[float | None] | None,
    low: float = KEEP_LOW,
    high: float = KEEP_HIGH,
) -> list[bool]:
    """Keep or drop each block; a block without a score (None) keeps the heuristics'
    verdict."""
    n = len(heuristic_keep)
    if scores is None:
        keep = [h and not m for h, m in zip(heuristic_keep, marked, strict=True)]
    else:
        keep = [
            not m and (h if p is None else p >= (low if h else high))
            for h, m, p in zip(heuristic_keep, marked, scores, strict=True)
        ]
    for i in range(n - 2, -1, -1):
        if headings[i] and heuristic_keep[i] and not marked[i] and _next_kept(keep, marked, i):
            keep[i] = True
    return keep


def _next_kept(keep: Sequence[bool], marked: Sequence[bool], i: int) -> bool:
    """Whether the next block that no rule removed is kept."""
    j = i + 1
    while j < len(keep) and marked[j]:
        j += 1
    return j < len(keep) and keep[j]


def whole_runs(keep: Sequence[bool], runs: Sequence[range]) -> list[bool]:
    """A run of code lines decided as one block: kept whole when at least half of its
    lines would be kept one by one, dropped whole otherwise. A code line's words say
    little of its quality (no stopwords, few letters; a repeated `}` or `else:` looks
    like a duplicate), so the run's lines vote; a tie keeps the run (the reported
    case: two of four lines kept). `scripts/compare_outputs.py check --against final
    --modes text:html-text,text:inscriptis,text:html2text` (2026-12-03): 8 of 2,670
    dumps change, WCXB html2text 0.926473 -> 0.926475 and inscriptis 0.922310 ->
    0.922315, the other sets unchanged. Keeping a run whenever any one of its lines
    is kept instead lost F1 there: WCXB's gold leaves much of its pages' code out."""
    out = list(keep)
    for run in runs:
        whole = 2 * sum(keep[i] for i in run) >= len(run)
        for i in run:
            out[i] = whole
    return out
