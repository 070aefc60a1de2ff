"""How scoring Chinese and Japanese text by characters changes the development scores.

Runs every default system, in HTML mode and on every dump kind, on the pages whose
gold or HTML holds such letters (`benchlib.UNSPACED`; other pages score the same
either way), and scores each output with the reference's `\\w+` tokens and with
`benchlib.tokenize`. Prints every (page, mode, system) whose score moved, and what
that does to each set's precision and recall (means over the set's pages).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import benchlib as bl

SYSTEMS = (bl.CLEANER, bl.TRAFILATURA, bl.TRAFILATURA_PRECISION, bl.JUSTEXT, bl.RAW)
MOVED = 0.0005
"""A page's P, R or F1 moving less than this is not listed (it prints as the same)."""

_UNSPACED = re.compile(f"[{bl.UNSPACED}]")


def has_unspaced(page: bl.Page) -> bool:
    return bool(_UNSPACED.search(page.gold) or _UNSPACED.search(html.unescape(page.html())))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benchmarks", nargs="?", type=Path, default=bl.DEFAULT_BENCHMARKS)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = parser.parse_args(argv)
    plan = tuple(
        (mode, tuple(s for s in SYSTEMS if s in bl.systems_of(mode))) for mode in bl.ALL_MODES
    )
    print("set  page  mode  system  F1 (\\w+ runs -> by characters)  P  R")
    for set_name in bl.SET_DIRS:
        pages = bl.load_set(set_name, args.benchmarks)
        chosen = [p for p in pages if has_unspaced(p)]
        gold = {p.page_id: p.gold for p in chosen}
        jobs = [bl.Job(p, plan, frozenset(SYSTEMS)) for p in chosen]
        shift: dict[tuple[str, str], list[float]] = {}
        for o in bl.run_jobs(jobs, args.jobs):
            old = bl.overlap(gold[o.page_id], o.output or "", bl.reference_tokenize)
            new = o.overlap
            moves = (new.f1 - old.f1, new.precision - old.precision, new.recall - old.recall)
            sums = shift.setdefault((o.mode, o.system), [0.0, 0.0])
            sums[0] += moves[1]
            sums[1] += moves[2]
            if any(abs(m) >= MOVED for m in moves):
                print(
                    f"{set_name}  {o.page_id[:12]}  {o.mode}  {o.system}  "
                    f"{old.f1:.3f} -> {new.f1:.3f}  {old.precision:.3f} -> {new.precision:.3f}"
                    f"  {old.recall:.3f} -> {new.recall:.3f}"
                )
        print(f"{set_name}: {len(chosen)} of {len(pages)} pages hold Chinese or Japanese letters")
        for (mode, system), (dp, dr) in sorted(shift.items()):
            if abs(dp) + abs(dr) >= MOVED:
                print(f"  {mode} {system}: set P {dp / len(pages):+.4f}, R {dr / len(pages):+.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
