"""Train the learned block classifier on the development sets' text dumps.

Every page is dumped (html-text, inscriptis and html2text), read as `clean` reads
a dump (`pipeline.read_dump`), run through the cleaner's heuristic
steps with the model off, and each block is labelled by whether the human-checked
gold body holds it. Gradient-boosted trees (scikit-learn) are cross-validated with
pages grouped by registrable domain (a public suffix plus one label, from the Public
Suffix List: news.example.co.uk and example.co.uk are one site), so no site is in both
train and test. The decision thresholds are checked nested: each fold is scored with the
thresholds that are best on the other folds, and that nested cross-validated F1 is what
we report. The final model is fitted on all pages and written as JSON that
`cleaner.block_model` evaluates without scikit-learn.

    python scripts/train_block_model.py [BENCHMARKS] [--out cleaner/data/block_model.json]
        [--reuse] [--grid] [--write-baseline [--lower-floor SET/MODE --reason TEXT]]

`--reuse` reads the blocks and out-of-fold scores of the last run from the per-user
cache (`$XDG_CACHE_HOME/cleaner/`, default `~/.cache/cleaner/`), for threshold work.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from ipaddress import ip_address
from pathlib import Path
from urllib.parse import urlsplit

import benchlib as bl
import floors
from publicsuffixlist import PublicSuffixList

from cleaner import textmode
from cleaner.block_model import parse_model
from cleaner.blockfeatures import FEATURE_NAMES, vectorize
from cleaner.config import Config
from cleaner.decision import final_keep
from cleaner.pipeline import read_dump
from cleaner.segment import blocks_of

DEFAULT_OUT = bl.REPO_ROOT / "cleaner" / "data" / "block_model.json"
BASELINE_PATH = bl.REPO_ROOT / "tests" / "accuracy_baseline.json"
CHANGELOG_PATH = bl.REPO_ROOT / "CHANGELOG.md"
DUMPS = (bl.HTML_TEXT, bl.INSCRIPTIS, bl.HTML2TEXT)
FOLDS = 5
SEED = 13

# The trees: small on purpose (well under a MB of JSON, fast in pure Python). Measured
# on the 2026-11-24 training cache (site-grouped CV, ScrapingHub html-text / inscriptis,
# WCXB unchanged to 0.001 throughout): 120 trees of 15 leaves 0.912 / 0.910, 250 of 31
# 0.915 / 0.914, 400 of 31 0.916 / 0.914, 250 of 63 0.915 / 0.914. A second stage fed
# the first stage's scores of each block's neighbours gave 0.914 / 0.912.
TREES = 250
MAX_LEAF_NODES = 31
LEARNING_RATE = 0.1
MIN_SAMPLES_LEAF = 40
L2_REGULARIZATION = 1.0
"""Shrinks leaf values. Without it (scikit-learn's default 0) a leaf of blocks that are
all one class got a value of 5,812 and overflowed the sigmoid; with 1.0 the largest is
about 8. Site-grouped CV (2026-11-24, thresholds as tuned): ScrapingHub 0.924 / 0.923
-> 0.923 / 0.924, WCXB 0.919 / 0.914 -> 0.920 / 0.917. Only 1.0 was tried."""

POSITIVE_SHARE = 0.5
"""A block is article text when at least half of its 4-token shingles are in the gold."""

THRESHOLDS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
MAX_LOW = 0.1
"""The model may drop a block the heuristics keep only when it is this sure. Trusting
it further, up to (0.5, 0.5), gained 0.5 points of mean cross-validated F1 in the
2026-11 training, but dropped articles' last paragraphs before end markers (the
Newsweek seed's last paragraph scores 0.18): a product choice for recall."""
CACHE_NAME = "block-model-cv.pickle"
"""Blocks, folds and out-of-fold scores of the last run, for `--reuse` (threshold work),
kept in `cache_dir()`: a per-user folder, so no other user can plant a pickle there."""
GROUPED_BY = "registrable domain (Public Suffix List, ICANN section)"
"""How pages are grouped into folds. The ICANN section only: the private section
makes each blog on a hosting platform (x.bearblog.dev) a site of its own, but the
platform's template is shared, so its pages stay in one fold."""


def cache_dir() -> Path:
    """The per-user cache folder (`$XDG_CACHE_HOME/cleaner`, default `~/.cache/cleaner`)."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "cleaner"


@cache
def _suffixes() -> PublicSuffixList:
    return PublicSuffixList(only_icann=True)  # the list the package bundles: no download


def site_of(url: str, fallback: str) -> str:
    """The page's registrable domain (eTLD+1): blog.example.co.uk -> example.co.uk.

    A URL without a host gives `fallback`; an IP address or a host that is itself a
    public suffix is its own site."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if not host:
        return fallback
    try:
        ip_address(host)
    except ValueError:
        return _suffixes().privatesuffix(host) or host
    return host


@dataclass
class PageRows:
    set_name: str
    page_id: str
    group: str
    dump: str
    gold: str
    texts: list[str]
    rows: list[list[float]]
    heuristic_keep: list[bool]
    marked: list[bool]
    headings: list[bool]
    labels: list[int]
    scored: bool = True
    """Whether the cleaner lets the model score this page (`textmode.model_applies`)."""


def _label(text: str, gold_shingles: Counter[tuple[str, ...]], gold_tokens: set[str]) -> int:
    shingles = bl.shingles(text)
    if not shingles:
        tokens = bl.tokenize(text)
        return int(bool(tokens) and all(t in gold_tokens for t in tokens))
    hit = sum(c for s, c in shingles.items() if s in gold_shingles)
    return int(hit >= POSITIVE_SHARE * sum(shingles.values()))


def page_rows(page: bl.Page) -> list[PageRows]:
    html = page.html()
    gold_shingles = bl.shingles(page.gold)
    gold_tokens = set(bl.tokenize(page.gold))
    site = site_of(page.url, page.page_id)
    config = Config(kind="text", block_model=False)
    out = []
    for dump in DUMPS:
        reading = read_dump(bl.make_dump(html, dump), config)  # as `clean` reads it
        blocks = blocks_of(reading.text)
        state = textmode.new_state(
            blocks, page.url, config, trusted=False, headline=reading.headline
        )
        textmode.run_steps(state)
        texts = [b.text for b in state.page.blocks]
        out.append(
            PageRows(
                page.set_name,
                page.page_id,
                site,
                dump,
                page.gold,
                texts,
                vectorize(state),
                *textmode.decision_inputs(state),
                [_label(t, gold_shingles, gold_tokens) for t in texts],
                textmode.model_applies(state),
            )
        )
    return out


def collect(root: Path, jobs: int) -> list[PageRows]:
    pages = [p for name in bl.SET_DIRS for p in bl.load_set(name, root)]
    with ProcessPoolExecutor(jobs) as pool:
        return [r for rows in pool.map(page_rows, pages, chunksize=8) for r in rows]


Pair = tuple[float, float]
Probs = list[list[float] | None]


def page_overlaps(
    pages: Sequence[PageRows], probs: Sequence[Sequence[float] | None], low: float, high: float
) -> list[bl.Overlap]:
    """Each page's overlap with its gold for the decision thresholds (probs None: the
    heuristics alone)."""
    out = []
    for page, p in zip(pages, probs, strict=True):
        keep = final_keep(page.heuristic_keep, page.marked, page.headings, p, low, high)
        kept = [x for x, k in zip(page.texts, keep, strict=True) if k]
        out.append(bl.overlap(page.gold, "\n\n".join(kept)))
    return out


def f1_by_key(
    pages: Sequence[PageRows], overlaps: Sequence[bl.Overlap], indices: Sequence[int]
) -> dict[str, float]:
    """The benchmark metric per (set, dump) over the pages at `indices`."""
    by_key: dict[str, list[bl.Overlap]] = {}
    for i in indices:
        by_key.setdefault(f"{pages[i].set_name}/{pages[i].dump}", []).append(overlaps[i])
    return {k: bl.aggregate(v).f1 for k, v in sorted(by_key.items())}


def page_f1(
    pages: Sequence[PageRows], probs: Sequence[Sequence[float] | None], low: float, high: float
) -> dict[str, float]:
    """The benchmark metric per (set, dump) for the decision thresholds (probs None:
    the heuristics alone)."""
    return f1_by_key(pages, page_overlaps(pages, probs, low, high), range(len(pages)))


def _fit(pages: Sequence[PageRows]):  # type: ignore[no-untyped-def]
    from sklearn.ensemble import HistGradientBoostingClassifier

    scored = [p for p in pages if p.scored]
    x = [r for p in scored for r, m in zip(p.rows, p.marked, strict=True) if not m]
    y = [lab for p in scored for lab, m in zip(p.labels, p.marked, strict=True) if not m]
    model = HistGradientBoostingClassifier(
        max_iter=TREES, max_leaf_nodes=MAX_LEAF_NODES, learning_rate=LEARNING_RATE,
        min_samples_leaf=MIN_SAMPLES_LEAF, l2_regularization=L2_REGULARIZATION,
        random_state=SEED,
    )  # fmt: skip
    return model.fit(x, y)


def out_of_fold(pages: list[PageRows]) -> tuple[Probs, list[int]]:
    """Site-grouped k-fold: every page scored by a model that never saw its site (None:
    a page the cleaner does not let the model score), and each page's fold."""
    from sklearn.model_selection import GroupKFold

    groups = [p.group for p in pages]
    probs: Probs = [None for _ in pages]
    folds = [-1 for _ in pages]
    for fold, (train, test) in enumerate(GroupKFold(FOLDS).split(pages, groups=groups)):
        model = _fit([pages[i] for i in train])
        for i in test:
            folds[i] = fold
            if pages[i].scored:
                rows = pages[i].rows
                probs[i] = list(model.predict_proba(rows)[:, 1]) if rows else []
        print(f"fold {fold + 1}/{FOLDS} done", file=sys.stderr)
    return probs, folds


PAIRS: tuple[Pair, ...] = tuple(
    (lo, hi) for lo in THRESHOLDS for hi in THRESHOLDS if lo <= min(hi, MAX_LOW)
)
"""The (low, high) decision thresholds tried."""

Grid = dict[Pair, dict[str, float]]


def pair_overlaps(pages: list[PageRows], probs: Probs) -> dict[Pair, list[bl.Overlap]]:
    """Every page's overlap for every threshold pair tried (computed once, then summed
    over whichever pages a question needs)."""
    return {pair: page_overlaps(pages, probs, *pair) for pair in PAIRS}


def threshold_grid(pages: list[PageRows], overlaps: dict[Pair, list[bl.Overlap]]) -> Grid:
    """Cross-validated F1 per (set, dump) for every (low, high) pair tried."""
    everything = range(len(pages))
    return {pair: f1_by_key(pages, found, everything) for pair, found in overlaps.items()}


def best_pair(grid: Grid) -> Pair:
    """The pair that maximises the mean F1 over sets and dumps (the first on ties)."""
    return max(grid, key=lambda pair: sum(grid[pair].values()))


def tune(grid: Grid) -> tuple[Pair, dict[str, float]]:
    """The (low, high) decision thresholds that maximise the mean cross-validated F1
    over sets and dumps: the thresholds the shipped model gets."""
    best = best_pair(grid)
    return best, grid[best]


def nested(
    pages: list[PageRows], overlaps: dict[Pair, list[bl.Overlap]], folds: Sequence[int]
) -> tuple[list[Pair], dict[str, float]]:
    """Thresholds picked without the scored fold: each fold's pages are scored with the
    pair that is best on the other folds. Returns each fold's pair and the F1 per
    (set, dump) of the pages so scored, the figure to report."""
    chosen: list[Pair] = []
    merged: list[bl.Overlap] = [bl.Overlap(0.0, 0.0, 0.0) for _ in pages]
    for fold in sorted(set(folds)):
        others = [i for i, f in enumerate(folds) if f != fold]
        pair = best_pair({p: f1_by_key(pages, found, others) for p, found in overlaps.items()})
        chosen.append(pair)
        for i, f in enumerate(folds):
            if f == fold:
                merged[i] = overlaps[pair][i]
    return chosen, f1_by_key(pages, merged, range(len(pages)))


def print_grid(grid: Grid) -> None:
    keys = list(next(iter(grid.values())))
    print("| low | high | " + " | ".join(keys) + " | mean |")
    print("|---:|---:|" + "---:|" * (len(keys) + 1))
    for (lo, hi), f1 in grid.items():
        cells = " | ".join(f"{f1[k]:.4f}" for k in keys)
        print(f"| {lo} | {hi} | {cells} | {sum(f1.values()) / len(f1):.4f} |")


def export(model, thresholds: tuple[float, float], cv: dict[str, float]) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The fitted trees as plain arrays (scikit-learn's predictor nodes)."""
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        trees.append(
            {
                "feature": [int(v) for v in nodes["feature_idx"]],
                "threshold": [float(v) for v in nodes["num_threshold"]],
                "left": [int(v) for v in nodes["left"]],
                "right": [int(v) for v in nodes["right"]],
                "value": [round(float(v), 6) for v in nodes["value"]],
                "leaf": [bool(v) for v in nodes["is_leaf"]],
            }
        )
    return {
        "features": list(FEATURE_NAMES),
        "baseline": float(model._baseline_prediction.ravel()[0]),
        "low": thresholds[0],
        "high": thresholds[1],
        "trees": trees,
        "cv": {"folds": FOLDS, "grouped_by": GROUPED_BY, "thresholds": "nested", "f1": cv},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--reuse", action="store_true", help=f"reuse the last run's {CACHE_NAME} in {cache_dir()}"
    )
    parser.add_argument(
        "--grid", action="store_true", help="print every threshold pair's cross-validated F1"
    )
    parser.add_argument(
        "--write-baseline",
        action="store_true",
        help="raise the gate's cross-validated floors to these figures minus "
        f"{floors.BASELINE_MARGIN} where that is higher",
    )
    parser.add_argument(
        "--lower-floor",
        action="append",
        default=[],
        metavar="SET/MODE",
        help="with --write-baseline: also lower this floor (e.g. wcxb/text:inscriptis); "
        "repeatable; needs --reason",
    )
    parser.add_argument("--reason", help="why those floors fall (goes to CHANGELOG.md)")
    args = parser.parse_args(argv)
    try:
        if args.lower_floor and not args.write_baseline:
            raise ValueError("--lower-floor goes with --write-baseline")
        if args.lower_floor and not (args.reason or "").strip():
            raise ValueError(floors.ERR_REASON)
        lower = [floors.parse_key(value) for value in args.lower_floor]
        text_modes = {bl.text_mode(dump) for dump in DUMPS}
        for key in lower:
            if key[0] not in bl.SET_DIRS or key[1] not in text_modes:
                raise ValueError(floors.ERR_LOWER_UNKNOWN.format(key="/".join(key)))
    except ValueError as exc:
        print(f"train_block_model: {exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    cache_path = cache_dir() / CACHE_NAME
    if args.reuse:
        pages, probs, folds = pickle.loads(cache_path.read_bytes())
    else:
        pages = collect(args.benchmarks, args.jobs)
        print(f"{len(pages)} dumps, {sum(len(p.rows) for p in pages)} blocks", file=sys.stderr)
        probs, folds = out_of_fold(pages)
        cache_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        cache_path.write_bytes(pickle.dumps((pages, probs, folds)))
    sites = len({p.group for p in pages})
    print(f"{len(pages)} dumps of {sites} sites ({GROUPED_BY}) in {FOLDS} folds")
    heuristics = page_f1(pages, [None] * len(pages), 0.0, 0.0)
    overlaps = pair_overlaps(pages, probs)
    grid = threshold_grid(pages, overlaps)
    if args.grid:
        print_grid(grid)
    thresholds, tuned = tune(grid)
    chosen, cv = nested(pages, overlaps, folds)
    print(f"thresholds picked on the other folds, per fold: {chosen}")
    print(f"cross-validated F1 (nested), heuristics alone -> with the model; and with the "
          f"thresholds the model is written with, {thresholds}, tuned on all folds:")  # fmt: skip
    for key, f1 in cv.items():
        print(f"  {key}: {heuristics[key]:.4f} -> {f1:.4f}  (tuned on all: {tuned[key]:.4f})")
    model = _fit(pages)
    data = export(model, thresholds, {k: round(v, 4) for k, v in cv.items()})
    check = pages[0].rows[:50]
    ours = parse_model(json.dumps(data)).probabilities(check)
    theirs = model.predict_proba(check)[:, 1]
    assert max(abs(a - b) for a, b in zip(ours, theirs, strict=True)) < 1e-4, "export mismatch"
    args.out.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    size = args.out.stat().st_size // 1024
    print(f"wrote {args.out} ({size} kB) in {time.perf_counter() - started:.0f}s")
    if args.write_baseline:
        figures = {(k.split("/")[0], bl.text_mode(k.split("/")[1])): f1 for k, f1 in cv.items()}
        floors.renew(
            BASELINE_PATH, floors.CROSS_VALIDATED, figures, lower, args.reason or "",
            CHANGELOG_PATH,
        )  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
