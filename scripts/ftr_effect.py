"""What the fivefilters site-config collection does to HTML-mode accuracy (issue 4):
F1 of `clean(html, url, kind="html")` with and without the collection, on every page
and on the pages whose host has a config, plus how often a stale `body` rule was
ignored for matching too little text or for adding text the page's extraction left out.

    python scripts/ftr_effect.py [BENCHMARKS] [--ftr ../shared/site-rules/ftr-site-config]

`scripts/evaluate.py --ftr DIR` prints the same table after its own.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import benchlib as bl

from cleaner import clean, htmlmode
from cleaner.ftr import FtrDirectory
from cleaner.ftrmode import prepare

DEFAULT_FTR = bl.REPO_ROOT.parent / "shared" / "site-rules" / "ftr-site-config"


class _Disagreements(logging.Handler):
    """Counts the body containers `htmlmode` ignored for disagreeing with the page."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += record.msg == htmlmode.BODY_IGNORED


def run_page(args: tuple[bl.Page, Path]) -> tuple[str, bool, bool, bl.Overlap, bl.Overlap]:
    page, ftr = args
    log = logging.getLogger("cleaner.htmlmode")
    log.setLevel(logging.DEBUG)
    disagreements = _Disagreements()
    log.addHandler(disagreements)
    html = page.html()
    host = urlsplit(page.url).hostname or ""
    covered = FtrDirectory([ftr]).find(host) is not None
    prepared = prepare(html, page.url, (ftr,)) if covered else None
    body_used = prepared is not None and prepared.body is not None
    without = clean(html, page.url, kind="html").text
    with_ftr = clean(html, page.url, kind="html", ftr_dirs=(ftr,)).text if covered else without
    log.removeHandler(disagreements)
    return (
        page.set_name,
        covered,
        body_used and not disagreements.count,
        bl.overlap(page.gold, without),
        bl.overlap(page.gold, with_ftr),
    )


def effect_table(pages: Sequence[bl.Page], ftr: Path, jobs: int) -> list[str]:
    """The Markdown table of the collection's effect, one row per set among `pages`."""
    with ProcessPoolExecutor(jobs) as pool:
        rows = list(pool.map(run_page, [(p, ftr) for p in pages], chunksize=4))
    lines = [
        "| set | pages | F1 without | F1 with | covered pages | covered: without | with |"
        " body rule used | stale body ignored |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in dict.fromkeys(p.set_name for p in pages):
        mine = [r for r in rows if r[0] == name]
        covered = [r for r in mine if r[1]]
        f1 = lambda rs, k: bl.aggregate(r[k] for r in rs).f1  # noqa: E731
        used = sum(1 for r in covered if r[2])
        lines.append(
            f"| {name} | {len(mine)} | {f1(mine, 3):.3f} | {f1(mine, 4):.3f} | {len(covered)} "
            f"| {f1(covered, 3):.3f} | {f1(covered, 4):.3f} | {used} | {len(covered) - used} |"
        )
    return lines


STALE_NOTE = (
    "(stale body ignored: the config has no body rule, or it matched too little, or"
    " added text the page's extraction left out)"
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--ftr", type=Path, default=DEFAULT_FTR)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    pages = [p for name in bl.SET_DIRS for p in bl.load_set(name, args.benchmarks)]
    print("\n".join(effect_table(pages, args.ftr, args.jobs)))
    print(STALE_NOTE, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
