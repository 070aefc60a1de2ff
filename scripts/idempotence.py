"""Whether `clean` is idempotent on real pages (issue 6): each page is cleaned, then its
body is cleaned again as text until nothing more goes, and per set and mode this
reports how many dumps come back whole (no rule named any furniture in them), how
many bodies a second cleaning changes, how much text it takes, how many
passes reach a body that no longer changes, and F1 of the first body, the second and
the settled one (all three equal when cleaning is idempotent).

    python scripts/idempotence.py [BENCHMARKS] [--modes html,text:html-text] [--limit N]
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import benchlib as bl

from cleaner import clean

DEFAULT_MODES = ("html", *(bl.text_mode(kind) for kind in bl.DUMP_MAKERS))

MAX_PASSES = 50
"""Each pass that changes a body removes at least one block. Most pages settle within
three passes; a page whose long list loses its last line on every pass reaches this."""


@dataclass(frozen=True, slots=True)
class Row:
    set_name: str
    mode: str
    changed: bool
    kept_share: float
    passes: int
    whole: bool
    once: bl.Overlap
    twice: bl.Overlap
    settled: bl.Overlap


def run_page(args: tuple[bl.Page, str]) -> Row:
    page, mode = args
    document, _ = bl.page_document(page.html(), mode)
    first = clean(document, page.url, kind="html" if mode == bl.HTML_MODE else "text")
    once = first.text
    bodies = [once]
    while len(bodies) <= MAX_PASSES:
        again = clean(bodies[-1], page.url, kind="text").text
        if again == bodies[-1]:
            break
        bodies.append(again)
    second = bodies[1] if len(bodies) > 1 else once
    return Row(
        page.set_name,
        mode,
        second != once,
        len(second) / len(once) if once else 1.0,
        len(bodies),
        mode != bl.HTML_MODE and bool(once) and not first.removed,
        bl.overlap(page.gold, once),
        bl.overlap(page.gold, second),
        bl.overlap(page.gold, bodies[-1]),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--modes", default=",".join(DEFAULT_MODES))
    parser.add_argument("--limit", type=int, default=0, help="pages per set (0: all)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    modes = args.modes.split(",")
    pages = [p for s in bl.SET_DIRS for p in bl.load_set(s, args.benchmarks)[: args.limit or None]]
    with ProcessPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(run_page, [(p, m) for m in modes for p in pages], chunksize=4))
    print("| set | mode | pages | kept whole (no furniture named) | changed by a 2nd cleaning "
          "| text kept (median of changed) | passes to settle (max) "
          "| F1 once | F1 twice | F1 settled |")  # fmt: skip
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in bl.SET_DIRS:
        for mode in modes:
            mine = [r for r in rows if r.set_name == name and r.mode == mode]
            changed = [r for r in mine if r.changed]
            kept = statistics.median(r.kept_share for r in changed) if changed else 1.0
            f1 = [
                bl.aggregate(getattr(r, k) for r in mine).f1 for k in ("once", "twice", "settled")
            ]
            share = len(changed) / len(mine)
            print(
                f"| {name} | {mode} | {len(mine)} | {sum(r.whole for r in mine)} "
                f"| {len(changed)} ({share:.0%}) "
                f"| {kept:.2f} | {max(r.passes for r in mine)} "
                f"| {f1[0]:.3f} | {f1[1]:.3f} | {f1[2]:.3f} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
